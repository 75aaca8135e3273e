"""Build tests/data/ose_quotes.json from the hand annotation below (run from the repository root).

Each attribution names its content, source and cue by a piece of the text (an anchor picks the nearest occurrence;
source and cue are the whole-word occurrences nearest the anchor, else the content), so the offsets are computed, never typed. Guidelines: attributions of speech, claims, beliefs and findings
(PolNeAR-like); 'speaker' is the canonical full name (or the fullest noun phrase); nicknames and titles in quote
marks are listed under 'must_not_quote'.
"""
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "data" / "onestopenglish"  # the bundled corpus: the texts are not copied again

# (kind, [content pieces], source, cue, speaker, anchor)
GOLD = {
    "Starbucks-adv.txt": ([
        ("indirect", ["HM Revenue & Customs (HMRC) officials of having cosy relationships with big businesses"], "MPs", "accused", "MPs", ""),
        ("direct", ["It smells. And it doesn’t smell of coffee – it smells bad."], "the Conservative MP Richard Bacon", "said", "Richard Bacon", ""),
        ("indirect", ["funding for refuges and rape crisis centres faced cuts unless companies paid their fair share of tax"], "Sarah Greene, a UK Uncut activist", "said", "Sarah Greene", ""),
        ("indirect", ["around £32bn was lost to tax avoidance in 2011"], "HMRC", "estimates", "HMRC", "HMRC estimates"),
        ("indirect", ["the government could easily bring in billions that could fund vital services by clamping down on tax avoidance"], "Greene", "said", "Sarah Greene", "Greene said the government"),
        ("indirect", ["the company had paid only £8.6m in corporation tax since launching in the UK in 1998, despite cumulative sales of £3bn"], "an investigation by Reuters", "discovered", "Reuters", ""),
        ("direct", ["We’ve chosen to really highlight the impact of the cuts on women. So there is going to be a real focus on transforming Starbucks into those services that are being cut by the government … [such as] refuges and crèches."], "Longstanding Uncut campaigner Anna Walker", "said", "Anna Walker", "Anna Walker said"),
        ("direct", ["Starbucks is a really great target because it is on every high street across the country and that’s what UK Uncut finds really important: people can take action in their local areas,"], "she", "said", "Anna Walker", "local areas,”"),
        ("indirect", ["Starbucks has suffered the deepest damage to its image"], "pollsters at YouGov’s BrandIndex", "according to", "pollsters at YouGov’s BrandIndex", ""),
        ("indirect", ["it pays the correct level of taxes"], "The coffee store chain", "insists", "Starbucks", ""),
        ("direct", ["Starbucks has always paid taxes in the UK despite recent suggestions to the contrary.", "Over the last three years alone, our company has paid more than £160m in various taxes, including National Insurance contributions, VAT and business rates."], "The group Chief Executive, Howard Schultz", "has said", "Howard Schultz", ""),
        ("indirect", ["that Apple, eBay, Facebook, Google and Starbucks had avoided nearly £900m of tax"], "Margaret Hodge, who chairs the Public Accounts Committee", "told", "Margaret Hodge", ""),
        ("direct", ["I’m not happy with the current situation. I think [HMRC] needs to look at it very carefully. We do need to make sure we are encouraging these businesses to invest in our country as they are, but they should be paying fair taxes as well."], "The Prime Minister, David Cameron", "saying", "David Cameron", ""),
        ("direct", ["While the subject of tax law can be extremely complex, Starbucks respects and complies with tax laws and accounting rules in each of the 61 countries where we do business, including the UK – a market that we remain committed to for the long term. We’ve posted the facts about our tax practices in the UK on our website.",
                    "Starbucks’ economic impact in the UK goes far beyond our stores and partners [employees]. We spend hundreds of millions of pounds with local suppliers on milk, cakes and sandwiches, and on store design and renovations. When you take into account the indirect employment created by Starbucks’ investments in the UK, the company’s extended economic impact to the UK economy exceeds £80m annually.",
                    "We hope that UK Uncut will respect the wellbeing of our partners and customers, and recognize the value that we add to the economy, creating jobs and apprenticeships, as well as paying our fair share of taxes in the UK."],
         "A spokeswoman for Starbucks", "said", "A spokeswoman for Starbucks", ""),
    ], []),
    "Zero Hours-adv.txt": ([
        ("indirect", ["More than one million British workers might be employed on zero-hours contracts"], "new figures", "reveal", "new figures", ""),
        ("indirect", ["that 38% of zero-hours contract workers describe themselves as employed full-time, typically working 30 hours or more a week"], "The CIPD", "found", "Chartered Institute of Personnel and Development", ""),
        ("direct", ["There does need to be a closer look at what is meant by a zero-hours contract, the different forms that they take and clearer guidance on what good and bad practice in their use looks like. And this needs to consider both the advantages and disadvantages in practice for businesses and employees."], "Peter Cheese, the chief executive of the CIPD", "said", "Peter Cheese", ""),
        ("direct", ["If it’s true that there are around one million people on zero-hours contracts, then that would be a substantial portion of the workforce – this could no longer be dismissed as an issue affecting only a tiny minority.",
                    "The new estimate underlines the urgent need for a deep and thorough review of zero-hours by the government, which takes into account not only the scale of the problem but the effect these contracts have on workers’ employment rights, earning capacity and personal well-being."],
         "Vidhya Alakeson, from the Resolution Foundation, an independent think tank", "added", "Vidhya Alakeson", ""),
        ("indirect", ["employers of pressuring staff into signing the contracts as a way to evade their responsibilities and cut staff benefits"], "Unions and poverty campaign groups", "have accused", "Unions and poverty campaign groups", ""),
        ("direct", ["The vast majority of workers are only on these contracts because they have no choice. They may give flexibility to a few, but the balance of power favours the employers and makes it hard for workers to complain."], "Dave Prentis, of the trade union Unison", "said", "Dave Prentis", ""),
        ("indirect", ["it offered the same pay and benefits to those workers, pro rata, as full-time staff, but needed some workers to be on a more flexible arrangement"], "The charity National Trust, which employs many of its seasonal workers on zero-hours contracts", "said", "National Trust", ""),
        ("direct", ["We believe zero-hours contracts are essential in our organization, as we are very weather- dependent,", "Our properties have told us it’s important to be able to reorganize staff rotas quickly to respond to the weather and zero-hours contracts allow us to do this."], "a spokeswoman", "said", "a spokeswoman", ""),
        ("indirect", ["the contracts should be the exception to the rule"], "Politician Chuka Umunna", "said", "Chuka Umunna", ""),
        ("direct", ["While some employees welcome the flexibility of such contracts, for many, zero-hours contracts leave them insecure and unsure of when work will come,"], "he", "said", "Chuka Umunna", "come,”"),
        ("indirect", ["that the flexibility of zero-hours contracts may have allowed the UK to avoid higher levels of unemployment during the economic downturn"], "Some people", "have argued", "Some people", ""),
        ("indirect", ["that only 16% of those on zero-hours contracts report that their employer frequently fails to provide them with sufficient hours each week"], "the CIPD research", "suggests", "Chartered Institute of Personnel and Development", ""),
        ("indirect", ["that 17% of employers in the private sector made use of zero- hours contracts, considerably lower than the 34% of organizations in the voluntary sector and 24% in the public sector"], "The institute’s figures", "also suggest", "Chartered Institute of Personnel and Development", ""),
    ], []),
    "Swedish prisons-adv.txt": ([
        ("mixed", ["that four Swedish prisons are to be closed due to an “out of the ordinary” decline in prisoner numbers"], "The head of Sweden’s prison and probation service, Nils Oberg", "announced", "Nils Oberg", ""),
        ("indirect", ["to being puzzled by the unexpected dip"], "Oberg", "admitted", "Nils Oberg", "Oberg admitted"),
        ("indirect", ["that the reason was to do with how his prisons are run"], "Oberg", "expressed optimism", "Nils Oberg", "Oberg admitted"),
        ("direct", ["We certainly hope that the efforts we invest in rehabilitation and preventing relapse of crime has had an impact,"], "he", "said", "Nils Oberg", "an impact,”"),
        ("direct", ["The modern prison service in Sweden is very different from when I joined as a young prison officer in 1978,"], "Kenneth Gustafsson, governor of Kumla Prison, Sweden’s most secure jail, situated 130 miles west of Stockholm", "says", "Kenneth Gustafsson", "in 1978,”"),
        ("indirect", ["the system has gone soft"], "he", "doesn’t think", "Kenneth Gustafsson", "However, he"),
        ("direct", ["When I joined, the focus was very much on humanity in prisons. Prisoners were treated well – maybe too well, some might say. But, after a number of high-profile escapes in 2004, we had to rebalance and place more emphasis on security."], "he", "doesn’t think", "Kenneth Gustafsson", "However, he"),
        ("direct", ["In 2013 and 2014, the priority of our work will be with young offenders and men with convictions of violent behaviour. For many years, we have been running programmes to help those addicted to drugs. Now, we are also developing programmes to address behaviours such as aggression and violence. These are the important things for our society when these people are released."], "Gustafsson", "talks about", "Kenneth Gustafsson", "Gustafsson talks"),
        ("direct", ["The big difference between Kris and us is that we are happy to allow people who are still taking addiction medications to join us,"], "he", "says", "Peter Soderlund", "join us,”"),
        ("direct", ["When I was inside, I was lucky. In Osteraker Prison, where I served my sentence, the governor was enlightened. We were treated well. But I knew that not all Swedish prisons were like that. I met so many people in there who needed help – after I received help from Kris, I knew I wanted to help others. With X-Cons, we meet them at the gate and support them into accommodation and offer a network of support."], "he", "says", "Peter Soderlund", "join us,”"),
        ("direct", ["In Sweden, we believe very much in the concept of rehabilitation, without being naive of course,", "There are some people who will not or cannot change. But, in my experience, the majority of prisoners want to change, and we must do what we can to help to facilitate that. It is not always possible to achieve this in one prison sentence.",
                    "Also, it is not just prison that can rehabilitate – it is often a combined process, involving probation and greater society. We can give education and training, but, when they leave prison, these people need housing and jobs."],
         "Gustafsson", "says", "Kenneth Gustafsson", "naive of course,”"),
    ], []),
    "WNL Calais Migrants-adv.txt": ([
        ("direct", ["The French language is very difficult but we try hard. If we come every day, maybe we can touch our dreams,", "It’s a good thing to keep your brain active."], "Kamal, a refugee from Sudan’s war-torn Darfur district who comes to three or four hours of classes every day", "says", "Kamal", ""),
        ("direct", ["I need to tell people in the UK, they think that everyone wants to go there. But there are a lot of people here who want to stay in France,"], "Kamal", "said", "Kamal", "stay in France,”"),
        ("indirect", ["France is already home to more than a quarter of a million refugees"], "United Nations data", "according to", "United Nations", ""),
        ("direct", ["We did it to reunite the 'brothers' and, at the same time, they can learn French,"], "Zimarco Jones, the school’s Nigerian founder, who arrived in Calais in 2013 and is still waiting for his asylum claim to be processed", "said", "Zimarco Jones", ""),
        ("direct", ["Now, we need to build another one,"], "he", "says", "Zimarco Jones", "another one,”"),
        ("direct", ["French is not as easy as English but, two weeks ago, I decided there was no way to get to the UK,"], "George, another Darfur refugee and dedicated student", "says", "George", ""),
        ("indirect", ["he is happy to settle in France"], "he", "says", "George", "with language classes, "),
        ("direct", ["Anywhere there is peace, I can stay, no problem,"], "he", "says", "George", "no problem,”"),
        ("indirect", ["he doesn’t know much about France"], "He", "admits", "George", "He admits"),
        ("indirect", ["that the classes are slowly helping him understand the country as well as the language"], "He", "says", "George", "He admits"),
        ("direct", ["I saw these people in Calais every day and I wanted to do something for them,"], "she", "said", "Jenny Flahaut", "for them,”"),
        ("mixed", ["“swarms” of people trying to reach the UK"], "David Cameron, the British prime minister", "talked about", "David Cameron", ""),
        ("direct", ["They don’t know them and have a bad vision but they are not like that,", "Most of them are very good people. They are welcoming and friendly. They want to improve their life and make it better, and learning is part of that."], "Flahaut", "said", "Jenny Flahaut", "like that,”"),
        ("indirect", ["The women are outnumbered around ten to one by men in the Calais encampment and most feel uncomfortable attending classes with male students they don’t know"], "the volunteers", "say", "the volunteers", ""),
        ("indirect", ["He wants to set up a football team for migrants"], "he", "explains", "Zimarco Jones", "for migrants, "),
        ("indirect", ["it implies the residents aren’t people"], "he", "says", "Zimarco Jones", "because he says"),
        ("direct", ["We have a discotheque, a house, a mosque, a school, shops,", "We are not animals."], "he", "says", "Zimarco Jones", "shops,”"),
    ], ["jungle", "Zimarco’s school", "the jungle"]),
    "Malala-adv.txt": ([
        ("direct", ["They thought that the bullet would silence us. But they failed,"], "she", "said", "Malala Yousafzai", "they failed,”"),
        ("mixed", ["her as “our hero, our champion”"], "Ban Ki-moon, the UN secretary-general", "described", "Ban Ki-moon", ""),
        ("direct", ["the words the Taliban never wanted her to hear: happy 16th birthday, Malala"], "Gordon Brown", "uttered", "Gordon Brown", ""),
        ("indirect", ["the US special representative to Pakistan, Richard Holbrooke, to use his influence to combat the Taliban’s drive against education for girls"], "she", "calling personally on", "Malala Yousafzai", "By 11, "),
        ("direct", ["symbol of infidels and obscenity"], "they", "called", "Pakistani Taliban leaders", "remove what "),
        ("direct", ["I am not against anyone,", "Neither am I here to speak in terms of personal revenge against the Taliban or any other terrorist group."], "she", "said", "Malala Yousafzai", "against anyone,”"),
        ("direct", ["I do not even hate the Talib who shot me. Even if there is a gun in my hand and he stands in front of me, I would not shoot him."], "Malala", "responded", "Malala Yousafzai", "Malala responded"),
        ("direct", ["The extremists are afraid of books and pens,", "The power of education frightens them. They are afraid of women. The power of the voice of women frightens them."], "the teenager", "continued", "Malala Yousafzai", ""),
        ("direct", ["That is why they are blasting schools every day – because they were and they are afraid of change, afraid of the equality that we will bring to our society."], "She", "cited", "Malala Yousafzai", "She cited"),
        ("direct", ["They think that God is a tiny, little conservative being who would send girls to hell just because of going to school. The terrorists are misusing the name of Islam and Pashtun society for their own personal benefits. Islam is a religion of peace, humanity and brotherhood. Islam says that it is not only each child’s right to get education, rather it is their duty and responsibility."], "she", "gave her own opposing interpretation", "Malala Yousafzai", "And she gave"),
        ("direct", ["I don’t know where to begin my speech. I don’t know what people would be expecting me to say."], "Malala", "said", "Malala Yousafzai", "At the start of her speech, "),
    ], ["Stand with Malala"]),
}


def find(text: str, piece: str, anchor: str = "") -> tuple[int, int]:
    """Offsets of a piece of text: its occurrence nearest to the anchor (which must be unique), else its only one."""
    if anchor:
        assert text.count(anchor) == 1, f"anchor not unique: {anchor!r}"
        return nearest(text, piece, text.index(anchor))
    assert text.count(piece) == 1, f"not unique, give an anchor: {piece!r}"
    i = text.index(piece)
    return i, i + len(piece)


def nearest(text: str, piece: str, at: int) -> tuple[int, int]:
    """Offsets of the occurrence of a piece closest to a position (a source or cue beside its content)."""
    hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(piece)}(?!\w)", text)]
    if not hits:
        raise ValueError(f"not found: {piece!r}")
    i = min(hits, key=lambda h: abs(h - at))
    return i, i + len(piece)


def build() -> dict:
    """The gold file's content."""
    out = {"_about": (
        "Hand annotation of five OneStopEnglish advanced texts (Guardian stories adapted for learners; Vajjala and Lučić, "
        "BEA 2018, CC BY-SA 4.0; the texts are the bundled ones in data/onestopenglish/) for quote "
        "extraction on British news: attributions of speech, claims, beliefs and findings; 'speaker' is the canonical full "
        "name or fullest noun phrase; 'must_not_quote' lists nicknames and titles in quote marks. Offsets are character "
        "offsets into each file decoded as UTF-8 (with its byte-order mark) and read with newline=''. Written by "
        "tests/data/ose/make_gold.py; chosen and annotated without looking at the extractor's output on them."),
        "articles": []}
    for name, (records, never) in GOLD.items():
        text = (CORPUS / name).read_text(encoding="utf-8")
        atts = []
        for k, (kind, contents, source, cue, speaker, anchor) in enumerate(records, 1):
            segs = [find(text, c, anchor) for c in contents]
            at = text.index(anchor) if anchor else segs[0][0]
            src = nearest(text, source, at)
            cu = nearest(text, cue, at)
            atts.append({"id": f"A{k}", "kind": kind, "content": [{"start": s, "end": e, "text": text[s:e]} for s, e in segs],
                         "source": {"start": src[0], "end": src[1], "text": source}, "cue": {"start": cu[0], "end": cu[1], "text": cue},
                         "speaker": speaker})
        nots = []
        for n in never:
            for mark in ("“", "\"", "‘"):
                i = text.find(mark + n)
                while i >= 0:
                    nots.append({"start": i + 1, "end": i + 1 + len(n), "text": n})
                    i = text.find(mark + n, i + 1)
        out["articles"].append({"file": f"data/onestopenglish/{name}", "attributions": atts, "must_not_quote": nots})
    return out


if __name__ == "__main__":
    target = HERE.parent / "ose_quotes.json"
    target.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {target}")
