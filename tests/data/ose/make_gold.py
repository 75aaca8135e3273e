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
    # Second batch (2026-12-06): twelve stories drawn at random (seed 20261206) from the rest of the bundled corpus and
    # annotated blind by two other annotators with the same guidelines; used for error analysis since, so development data.
    "Kenya-adv.txt": ([
        ("indirect", ["that three elderly Kenyans detained and tortured during the Mau Mau rebellion have the right to sue for damages"], "the High Court in London", "ruled", "the High Court in London", ""),
        ("indirect", ["that too much time had elapsed since the seven-year insurgency in the 1950s, and it was no longer possible to hold a fair trial"], "the government’s lawyers", "claims", "the government’s lawyers", ""),
        ("indirect", ["that the three claimants should be suing the Kenyan government as it had inherited Britain’s legal responsibilities on independence in 1963"], "the government’s", "claim", "the British government", ""),
        ("indirect", ["more than 5,000 of the 70,000-plus people detained by the British colonial authorities are still alive"], "Human rights activists in Kenya", "estimate", "Human rights activists in Kenya", ""),
        ("mixed", ["that the ruling had “potentially significant and far-reaching legal implications ”"], "The Foreign Office", "acknowledged", "Foreign Office", ""),
        ("indirect", ["it was planning to appeal"], "The Foreign Office", "said", "Foreign Office", ""),
        ("direct", ["The normal time limit for bringing a civil action is three to six years,",
                    "In this case, that period has been extended to over 50 years despite the fact that the key decision makers are dead and unable to give their account of what happened."],
         "a spokesman", "said", "a spokesman", "years,” a spokesman said"),
        ("direct", ["unspeakable acts of brutality"], "their lawyers", "describe", "the claimants’ lawyers", ""),
        ("direct", ["For me … I just wanted the truth to be out. Even the children of my children should know what happened. What should happen is that people should be compensated so they can begin to forgive the British government."],
         "Nyingi, who was detained for about nine years, beaten unconscious and bears the marks from leg manacles, whipping and caning", "said", "Wambugu Wa Nyingi", ""),
        ("direct", ["I’m very happy and my heart is clean."], "Mara", "said", "Jane Muthoni Mara", ""),
        ("direct", ["I will tell them I won."], "she", "said", "Jane Muthoni Mara", ""),
        ("mixed", ["that there was “ample evidence … that there may have been systematic torture of detainees ”"], "McCombe", "said", "Mr Justice McCombe", ""),
        ("indirect", ["that a fair trial was possible"], "he", "ruled", "Mr Justice McCombe", ""),
        ("indirect", ["that thousands of documents came to light in 2011 after the Foreign Office admitted to a secret archive of colonial-era files"], "he", "highlighted the fact", "Mr Justice McCombe", ""),
        ("indirect", ["to a secret archive of colonial-era files"], "the Foreign Office", "admitted", "Foreign Office", ""),
        ("direct", ["morally repugnant"], "the claimants’ lawyer, Martyn Day", "described", "Martyn Day", ""),
        ("indirect", ["that all three of the elderly Kenyans were tortured by the colonial authorities"], "the British government’s lawyers", "accepted", "the British government’s lawyers", ""),
        ("direct", ["The British government has admitted that these three Kenyans were brutally tortured by the British colony and yet they have been hiding behind technical legal defences for three years in order to avoid any legal responsibility. There will undoubtedly be victims of colonial torture from Malaya to the Yemen, from Cyprus to Palestine, who will be reading this judgment with great care."],
         "Day", "said", "Martyn Day", ""),
    ], []),
    "WNL Ways Facebook changed-adv.txt": ([
        ("indirect", ["On one day in August, one in seven people on Earth, 1 billion people, used Facebook"], "founder Mark Zuckerberg", "according to", "Mark Zuckerberg", ""),
        ("direct", ["A more open and connected world is a better world.",
                    "It brings stronger relationships with those you love, a stronger economy with more opportunities and a stronger society that reflects all of our values,"],
         "Zuckerberg", "wrote", "Mark Zuckerberg", "wrote Zuckerberg"),
        ("indirect", ["a person can only have roughly 150 people as a social group"], "his research", "suggests", "Robin Dunbar", ""),
        ("indirect", ["Facebook hasn’t changed that yet"], "he", "believes", "Robin Dunbar", ""),
        ("indirect", ["he feared it was so easy simply to end friendships on Facebook that, eventually, there may no longer be any need to learn to get along"], "Dunbar", "said", "Robin Dunbar", ""),
        ("indirect", ["that most young people are more than willing to hand over their details"], "Pew Research Center", "found", "Pew Research Center", ""),
        ("mixed", ["a new phenomenon, the emergence of the “Facebook self ”"], "academics", "described", "academics", ""),
        ("direct", ["It is a tool like no other,",
                    "Marketers have an understanding of a brand’s consumers like they have never had before. The data and analytics available to you are extraordinary. You know who your customers are, who they are friends with and how they engage with your brand."],
         "Michael Tinmouth, a social media strategist who has worked with brands such as Vodafone and Microsoft", "said", "Michael Tinmouth", ""),
        ("indirect", ["ad revenue was up 46%, reaching $3.32bn"], "Facebook", "reported", "Facebook", ""),
        ("indirect", ["Facebook had been the key medium for reaching half of all the Euromaidan protesters in Ukraine"], "Manchester University’s Olga Onuch", "found", "Olga Onuch", ""),
        ("indirect", ["Facebook posts signalled the start of the Maidan protests during the hours after it was announced that Ukraine would not sign a free trade and association agreement with the EU"], "Onuch", "found", "Olga Onuch", "the EU, Onuch found"),
        ("direct", ["If you really want to do something, don’t just 'like' this post. Let’s meet near the monument to independence in the middle of the Maidan."], "Mustafa Nayyem, the Ukraine activist", "posted", "Mustafa Nayyem", ""),
        ("indirect", ["they relied on Facebook for the truth about what was happening – unable to trust traditional media"], "Many of those interviewed in Onuch’s research", "said", "Many of those interviewed in Onuch’s research", ""),
        ("indirect", ["Roughly 71% of 18- to 24-year-olds say the internet is their main news source and 63% of users overall"], "the Pew Research Center", "according to", "Pew Research Center", ""),
        ("indirect", ["We may as well get used to it"], "David Kirkpatrick, author of The Facebook Effect", "said", "David Kirkpatrick", ""),
        ("direct", ["It might very well go away further down the road but something this big takes a long time to disappear,",
                    "Facebook has proven its ability to change and it will continue to be a very, very major player."],
         "he", "told", "David Kirkpatrick", "disappear,” he told"),
    ], ["friend", "To friend", "unfriend", "share", "like"]),
    "WNL 101 year old bottle message-adv.txt": ([
        ("direct", ["It was very surprising,",
                    "A man stood at my door and told me he had post from my grandfather. He then told me that a message in a bottle had been found and that the name that was on the card was that of my grandfather."],
         "Erdmann, 62", "said", "Angela Erdmann", ""),
        ("indirect", ["this bottled message was the oldest he had come across"], "Holger von Neuhoff, curator for ocean and science at the museum", "said", "Holger von Neuhoff", ""),
        ("direct", ["There are documents that have been found without the bottle that are older and are in the museum,",
                    "But, with the bottle and the document, this is certainly the oldest at the moment. It is in extremely good condition."],
         "he", "said", "Holger von Neuhoff", "museum,” he said"),
        ("indirect", ["Erdmann’s grandfather, Richard Platz, threw the bottle in the sea while on a hike with a nature appreciation group in 1913"], "Researchers", "believe", "Researchers", ""),
        ("indirect", ["that the note be sent by the finder to his home address"], "the author’s", "request", "Richard Platz", ""),
        ("direct", ["He also included two stamps from that time that were also in the bottle, so the finder would not incur a cost,",
                    "But he did not think it would take 101 years."],
         "Erdmann", "said", "Angela Erdmann", "cost,” Erdmann said"),
        ("indirect", ["she was moved by the arrival of the message, although she had not known her grandfather because he died, at the age of 54, six years before she was born"], "She", "said", "Angela Erdmann", ""),
        ("direct", ["I knew very little about my grandfather, but I found out that he was a writer who was very open-minded, and believed in freedom and that everyone should respect each other,",
                    "He did a lot for the young and later travelled with his wife and two daughters. It was wonderful because I could see where my roots came from."],
         "she", "said", "Angela Erdmann", "each other,” she said"),
        ("indirect", ["Like her grandfather,", "she also liked culture and travelling around the world"], "Erdmann", "said", "Angela Erdmann", "grandfather, Erdmann said"),
        ("indirect", ["herself as open-minded, too"], "She", "described", "Angela Erdmann", ""),
        ("direct", ["What he taught his two daughters, my mother taught me and I have then given to my sons,"], "she", "said", "Angela Erdmann", "my sons,” she said"),
        ("indirect", ["that she hoped others would not repeat what her grandfather had done and throw bottles with messages into the sea"], "she", "said", "Angela Erdmann", "she said that she hoped"),
        ("direct", ["Today, the sea is so full of so many bottles and rubbish that more shouldn’t be thrown in there,"], "she", "said", "Angela Erdmann", "in there,” she said"),
        ("indirect", ["it will stay at the museum"], "Erdmann", "hopes", "Angela Erdmann", ""),
        ("direct", ["We want to make a few photos available to put with the bottle and give it a face, so visitors can see the young man who threw the bottle into the water,"], "she", "said", "Angela Erdmann", "water,” she said"),
    ], []),
    "WNL What does Apple-adv.txt": ([
        ("indirect", ["there were just 41m subscribers using music streaming services globally in 2014"], "the International Federation of the Phonographic Industry (IFPI)", "According to", "International Federation of the Phonographic Industry", ""),
        ("indirect", ["that Apple is aiming to reach 100m subscribers"], "Leaked information", "suggested", "Leaked information", ""),
        ("indirect", ["Downloads still hold the biggest share of digital income for recorded music, making up 52% of total digital income in 2014"], "IFPI numbers", "according to", "International Federation of the Phonographic Industry", ""),
        ("indirect", ["The average spend of a music buyer in the UK in 2014, for example, was just £39.52"], "research", "according to", "research", ""),
        ("indirect", ["the chart as a measure of success"], "artists", "see", "artists", "who still see the chart"),
        ("indirect", ["that Apple Music will destroy rivals like Spotify"], "Some people", "are already saying", "Some people", ""),
    ], ["active", "art", "content"]),
    "Coal to challenge oil-adv.txt": ([
        ("indirect", ["Coal is likely to rival oil as the world’s biggest source of energy in the next five years, with potentially disastrous consequences for the climate"], "the world’s leading authority on energy economics", "according to", "International Energy Agency", ""),
        ("indirect", ["that coal consumption is increasing all over the world – even in countries and regions with carbon-cutting targets – except in the US, where shale gas has displaced coal"], "New research from the International Energy Agency (IEA)", "shows", "International Energy Agency", ""),
        ("direct", ["Coal’s share of the global energy mix continues to grow each year and, if no changes are made to current policies, coal will catch oil within a decade."], "Maria van der Hoeven, Executive Director of the IEA", "said", "Maria van der Hoeven", ""),
        ("indirect", ["demand from China and India will drive world coal use in the coming five years, with India likely to overtake the US as the world’s second biggest consumer"], "the IEA", "According to", "International Energy Agency", ""),
        ("indirect", ["the world will burn 1.2bn more tonnes of coal per year by 2017 compared with today – the equivalent of the current coal consumption of Russia and the US combined"], "the IEA’s Medium-Term Coal Market Report", "According to", "International Energy Agency", ""),
        ("indirect", ["that, without a high carbon price to discourage the growth in coal use and encourage cleaner technologies such as renewable power generation, only competition from lower-priced gas could realistically cut demand for coal"], "Van der Hoeven", "said", "Maria van der Hoeven", ""),
        ("direct", ["The US experience suggests that a more efficient gas market, marked by flexible pricing and fuelled by indigenous unconventional resources that are produced sustainably, can reduce coal use, carbon dioxide emissions and consumers’ electricity bills. Europe, China and other regions should take note."], "She", "said", "Maria van der Hoeven", ""),
    ], ["scrubbing"]),
    "WNL Inky the octopus-adv.txt": ([
        ("indirect", ["that in the middle of the night, while the aquarium was deserted, Inky clambered to the top of his glass enclosure, down the side of the tank and travelled across the floor of the aquarium"], "Staff", "believe", "Staff", ""),
        ("direct", ["Octopuses are famous escape artists. I don’t think he was unhappy with us, or lonely, as octopuses are solitary creatures. But, he is such a curious boy. He would want to know what’s happening on the outside. That’s just his personality."],
         "Rob Yarrell, national manager of the National Aquarium of New Zealand in Napier", "said", "Rob Yarrell", ""),
        ("direct", ["When we came in the next morning and his tank was empty, I was really surprised,",
                    "The staff and I have been pretty sad. But then, this is Inky and he’s always been a bit of a surprise octopus."],
         "Yarrell, who has not launched a search for Inky", "said", "Rob Yarrell", ""),
        ("indirect", ["he was absolutely certain Inky had not been taken"], "Reiss Jenkinson, exhibits keeper at the National Aquarium", "said", "Reiss Jenkinson", ""),
        ("direct", ["I understand the nature of octopus behaviour very well,",
                    "I have seen octopuses on boats slip through bilge pumps. And, the security here is too tight for anyone to take Inky and why would they?"],
         "he", "said", "Reiss Jenkinson", "very well,” he said"),
        ("mixed", ["He was scarred and “rough looking”, with shortened limbs"], "Yarrell", "said", "Rob Yarrell", ""),
        ("direct", ["He had been living on the reef and fighting with fish so he wasn’t in the best shape."], "Yarrell", "said", "Rob Yarrell", "limbs, said Yarrell"),
        ("mixed", ["Inky – who is about the size of a rugby ball – was an “unusually intelligent” octopus"], "Yarrell", "According to", "Rob Yarrell", ""),
        ("direct", ["He was very friendly, very inquisitive and a popular attraction here. We have another octopus, Blotchy, but he is smaller than Inky and Inky had the personality."], "Yarrell", "According to", "Rob Yarrell", ""),
        ("mixed", ["Inky was a “one- off”", "the staff are “increasingly aware of what octopuses can actually do”"], "The aquarium", "has no plans", "National Aquarium of New Zealand", ""),
        ("direct", ["You never know,", "There’s always a chance Inky could come home to us."], "Yarrell", "said", "Rob Yarrell", ""),
    ], []),
    "Bonus pay-adv.txt": ([
        ("indirect", ["that men in UK management roles earned average bonuses of £6,442 in 2012 compared with £3,029 for women"],
         "The figures, released by the Chartered Management Institute (CMI)", "reveal", "Chartered Management Institute", ""),
        ("direct", ["It’s time to move this issue into the mainstream management agenda.",
                    "This is about changing our approach to management to allow for greater flexibility, less masculine cultures, more emphasis on outcomes rather than time in the office and greater transparency around performance and rewards.",
                    "In solving this issue, we would actually raise the performance of organizations and the well-being of individuals at work. What are we waiting for?"],
         "Ann Francke, the CMI’s chief executive", "said", "Ann Francke", ""),
        ("direct", ["It is not surprising. Bonuses are a method of payment that can be used with discretion. As to what should be done about it, these things should be made more transparent."],
         "Dr Ruth Sealy, a senior research fellow at Cranfield School of Management", "added", "Ruth Sealy", ""),
        ("indirect", ["that some of the data may be skewed by factors such as women entering occupations where there is less of a culture of bonus payments"],
         "statisticians", "warned", "statisticians", ""),
        ("indirect", ["is closing but still sees full-time male employees earn 10% more than women"],
         "the government", "says", "the government", ""),
        ("direct", ["The CMI figures are yet another damaging example highlighting that, in the world of work, women still lose out to their male counterparts and that the playing field is far from level.",
                    "Changes in the workplace are happening and it’s good that the pay gap is closing – but there is still more to do before we see full equality in the workplace.",
                    "The government is playing its part: we have made pay secrecy clauses illegal, given tribunals the power to force employers who break equal pay laws to carry out equal pay audits and signed 120 companies up to our Think, Act, Report scheme, which encourages companies to improve the way they recruit, promote and pay women.",
                    "We’ve also looked at other pay gap causes, such as having to juggle work and family responsibilities, by introducing shared parental leave and the right to request flexible working to all employees."],
         "Maria Miller, the Minister for Women and Equalities", "said", "Maria Miller", ""),
        ("indirect", ["that the overall pay gap is narrowing"], "Miller’s", "contention", "Maria Miller", ""),
        ("indirect", ["against direct comparisons between the 2012 and 2013 samples – which both polled around 40,000 managers – as they are not identical"],
         "the institute", "cautioned", "Chartered Management Institute", ""),
        ("indirect", ["that male managers’ earnings are rising faster than women’s for the first time in five years, with men enjoying total increases of 3.2% compared with 2.8% for women, when salaries and bonuses are combined"],
         "A sub-set of 17,000 individual managers, whose salaries and bonuses have been tracked over a number of years", "showed", "Chartered Management Institute", ""),
    ], []),
    "WNL Arctic Ramadan-adv.txt": ([
        ("direct", ["I haven’t fainted once,"],
         "29-year-old Abdul Karim, one of the few in the city who has carefully timed his Ramadan fast to the Arctic sun since moving from Ottawa in 2011",
         "said", "Abdul Karim", ""),
        ("direct", ["The only reason to stop would be if it hurts my health,"], "Karim", "said", "Abdul Karim", ""),
        ("direct", ["But, looking at my condition, I don’t think fasting will hurt me."], "he", "added", "Abdul Karim", ""),
        ("indirect", ["Muslims in the far north should observe Ramadan using the timetable of Mecca or the nearest Muslim city"],
         "Muslim scholars", "have said", "Muslim scholars", ""),
        ("indirect", ["It still means fasting for some 18 hours a day"],
         "Atif Jilani, who moved to Iqaluit from Toronto in 2015", "said", "Atif Jilani", ""),
        ("direct", ["It’s long days, but more manageable."],
         "Atif Jilani, who moved to Iqaluit from Toronto in 2015", "said", "Atif Jilani", ""),
        ("indirect", ["The 300 or so Muslims in Yellowknife, in the Northwest Territories, have several options when it comes to fasting during Ramadan",
                      "with exceptions made for those who are pregnant or ill"],
         "Nazim Awan, president of the Yellowknife Islamic Centre", "said", "Nazim Awan", ""),
        ("direct", ["There might be some superhumans who want to fast for 23 hours, but the other option is to follow the intent and spirit of fasting by following nearby cities or they can follow the times of Mecca and Medina."],
         "Nazim Awan, president of the Yellowknife Islamic Centre", "said", "Nazim Awan", ""),
        ("direct", ["If I fast Yellowknife or Edmonton times, my son might say, 'Papa, you are really insane. What are you doing?'"],
         "he", "said", "Nazim Awan", "What are you doing?'” he said"),
        ("direct", ["We currently have 24 hours a day of sun,", "There’s no sunrise or sunset.",
                    "My first Ramadan here was in December. There’s no sun at that time; it’s dark all day and night. So we used Edmonton time."],
         "Ahmad Alkhalaf", "said", "Ahmad Alkhalaf", ""),
        ("indirect", ["At times, it can be psychologically challenging to follow the clock rather than what is happening outside"],
         "Alkhalaf", "said", "Ahmad Alkhalaf", ""),
        ("direct", ["You’re supposed to break your fast when it’s dusk and we eat when the sun is out. It’s not usual to have iftar [the meal breaking the fast] when the sun is up,",
                    "We make a soup or curry … but instead of using beef, we use reindeer."],
         "he", "said", "Ahmad Alkhalaf", "when the sun is up,” he said"),
        ("indirect", ["that 2016’s timing – stretching across some of the longest days of the year – has made it one of the more challenging of recent years"],
         "some", "reflect", "some in Iqaluit’s Muslim community", ""),
        ("indirect", ["his efforts will be rewarded years from now", "thanks to the lunar calendar"],
         "Karim", "said", "Abdul Karim", "said Karim, thanks"),
        ("direct", ["I’ll follow those hours, too,", "Oh yes, definitely."], "he", "said", "Abdul Karim", ""),
    ], []),
    "Cigarettes-adv.txt": ([
        ("direct", ["We are very pleased to see the move towards tougher action on tobacco, with Europe-wide controls banning flavoured cigarettes and the introduction of stricter rules on front-of-pack health warnings.",
                    "However, we are disappointed with the decision to reject the proposal to regulate nicotine-containing products (NCPs), including e-cigarettes, as medicines. We believe these products need to be regulated as medicines and will continue to make this point during further negotiations.",
                    "Figures show smoking levels in England are at their lowest since records began – 19.5 per cent – but we are determined to further reduce rates of smoking and believe this important step will help."],
         "the DH", "said", "Department of Health", ""),
        ("indirect", ["it was already in talks with the Advertising Standards Authority"],
         "The UK e-cigarette industry, which broadly welcomed the parliament’s vote", "said", "UK e-cigarette industry", ""),
        ("mixed", ["that it would not be “sensible, proportionate, reasonable or useful” to ban all advertising"],
         "The UK e-cigarette industry, which broadly welcomed the parliament’s vote", "added", "UK e-cigarette industry", ""),
        ("indirect", ["the expensive process of licensing would help force alternatives to tobacco off the shelves"],
         "the industry", "says", "UK e-cigarette industry", ""),
        ("direct", ["The legislative process is still not complete and there will be further negotiation. The UK continues to believe that medicinal regulation of NCPs is the best way to deliver a benefit to public health,"],
         "a spokesman", "said", "a spokesman", ""),
        ("direct", ["We know that it is children, not adults, who start smoking. And, despite the downward trend in most member states of adult smokers, the World Health Organization figures show worrying upward trends in a number of our member states of young smokers.",
                    "We need to stop tobacco companies targeting young people with an array of gimmicky products and we need to make sure that cigarette packs carry effective warnings."],
         "Linda McAvan, Labour MEP for Yorkshire and the Humber and spokesperson on tobacco issues for the parliament’s Socialists & Democrats group",
         "said", "Linda McAvan", ""),
        ("direct", ["Forcing e-cigs off the shelves would have been totally crazy. These are products that have helped countless people stop smoking more harmful cigarettes and yet some MEPs wanted to make them harder to manufacture than ordinary tobacco."],
         "Martin Callanan, the Conservative MEP for North East England", "said", "Martin Callanan", ""),
        ("mixed", ["“the really important” decision by MEPs not to support medicines regulation meant that was now off the table"],
         "Katherine Devlin, president of ECITA, the e-cigarette industry association", "said", "Katherine Devlin", ""),
        ("mixed", ["the larger health warnings demanded by MEPs went “well beyond” what was needed to inform consumers of health risks from smoking, while a ban on mentholated cigarettes would increase demand for black-market goods"],
         "British American Tobacco", "claimed", "British American Tobacco", ""),
    ], []),
    "WNL David Mitchell-adv.txt": ([
        ("indirect", ["it’s something of a relief",
                      "that his latest work – completed at 1am one Tuesday morning before a car arrived to take him to the airport to catch a flight to Norway – won’t be seen by anyone until 2114"],
         "the British author", "says", "David Mitchell", ""),
        ("direct", ["It’s a little glimmer of hope in a season of highly depressing news cycles, which affirms we are in with a chance of civilization in a hundred years,",
                    "Everything is telling us that we’re doomed but the Future Library is a candidate on the ballot paper for possible futures. It brings hope that we are more resilient than we think: that we will be here, that there will be trees, that there will be books and readers, and civilization."],
         "Mitchell", "said", "David Mitchell", ""),
        ("mixed", ["he found writing the book “quite liberating because I won’t be around to take the consequences of this being good or bad ... But, I’m sandwiched between Margaret Atwood and no doubt some other brilliant writer. So, it better be good. What a historic fool of epochal proportions I’d look if they opened it in 2114 and it wasn’t any good.”"],
         "Mitchell", "said", "David Mitchell", ""),
        ("mixed", ["Usually", "he “polishes and polishes” his writing"],
         "Mitchell, who was shortlisted for the Man Booker for his novels number9dream and Cloud Atlas", "says", "David Mitchell", ""),
        ("direct", ["Actually, I over-polish. But, this was very different – I wrote up to the wire. So, the first two-thirds were polished and the final third I didn’t have time. And, it was a liberation."],
         "Mitchell, who was shortlisted for the Man Booker for his novels number9dream and Cloud Atlas", "says", "David Mitchell", ""),
        ("mixed", ["the writers to tackle “the theme of imagination and time, which they can take in so many directions”"],
         "Future Library creator, Paterson, whose past works have involved her mapping dead stars and compiling a slide archive of the history of darkness through the ages",
         "asked", "Katie Paterson", ""),
        ("mixed", ["that “it’s somewhat more substantial a thing than I was expecting”"], "the author", "admitting", "David Mitchell", ""),
        ("direct", ["How vain to suppose the scribblings of little old me will be of enduring interest to future generations. Yet, how low-key and understated, to slave over a manuscript that nobody will ever pat you on the back for and say: ‘Nice one’ or ‘God, I loved the bit where she did that and he did this... ’"],
         "Mitchell", "wrote", "David Mitchell", ""),
        ("mixed", ["it is now", "“as gone from me as a coin dropped in a river”"], "the novelist", "says", "David Mitchell", ""),
    ], []),
    "WNL Inventions-adv.txt": ([
        ("indirect", ["its success – it had been downloaded more than 50 million times, and was making him around £30,000 in advertising revenue each day – had ruined his simple life"],
         "Dong Nguyen, the designer of the mobile game Flappy Bird", "saying", "Dong Nguyen", ""),
        ("direct", ["I cannot take this anymore."], "He", "to say", "Dong Nguyen", ""),
        ("direct", ["I’ve done a lot of damage,", "I’ve created a lot of problems. There are a lot of unhealthy and abandoned dogs out there."],
         "he", "told", "Wally Conron", ""),
        ("direct", ["My spiritual torment is unbearable. One and the same question: if my ri ﬂ e killed people, does that mean that I, Mikhail Kalashnikov, 93 years of age, the son of a peasant, Christian and Orthodox by faith, am responsible for people’s deaths, even if they were enemies?"],
         "Mikhail Kalashnikov, the designer of the assault riﬂe", "wrote to", "Mikhail Kalashnikov", ""),
        ("direct", ["It’s not pleasant,", "but I’m not in control of the universe. I have to realize there are some things out of my control."],
         "Kirkland Gable", "told", "Kirkland Gable", ""),
        ("direct", ["I have never seen such an inappropriate and improper use of chemical agents,"],
         "Kamran Loghman", "told", "Kamran Loghman", ""),
        ("direct", ["the cubiclizing of people in modern corporations is monolithic insanity."],
         "Its inventor, Bob Propst", "said", "Bob Propst", ""),
    ], []),
    "WNL Shops-adv.txt": ([
        ("indirect", ["around 30% of retailers use facial recognition technology to track customers in-store"],
         "a report", "claimed", "Computer Sciences Corporation", ""),
        ("indirect", ["that the aim of bringing RealSense technology into shops is not to create databases of specific people’s lives but rather to build generalized models of people’s lifestyles and shopping habits"],
         "Joe Jensen, of Intel’s Retail Solutions Division", "says", "Joe Jensen", ""),
        ("direct", ["It’s not so much that you need to know a particular customer. It’s that you need to know that this shopper has these characteristics and, in the past, that when those characteristics are present, this is what a person tends to do."],
         "Joe Jensen, of Intel’s Retail Solutions Division", "says", "Joe Jensen", ""),
        ("indirect", ["that the focus of the system came about in part as a reaction to facial recognition"],
         "Owen McCormack, Hoxton Analytics CEO", "says", "Owen McCormack", ""),
        ("direct", ["My idea was, why don’t we simply consider the clothes someone’s wearing to understand demographics?",
                    "If I just showed you a shot of someone’s body you could probably tell me what gender they are. However, it turns out pointing a camera at someone’s chest or hips feels just as creepy as facial recognition. The idea was – what about people’s shoes?"],
         "he", "said", "Owen McCormack", ""),
        ("indirect", ["the argument hinges on the fact that personally identifiable information isn’t being collected"],
         "McCormack", "For", "Owen McCormack", "For McCormack"),
        ("direct", ["Right now, shops are doing lots of incredibly invasive things but we just don’t know about it. The angle Hoxton Analytics is taking on that whole thing is, well, if you know someone’s a male or a female, then your advertising will be much more efficient. If you know that everyone in your shop right now is a male, you’ll be advertising PlayStations not hairdryers."],
         "McCormack", "For", "Owen McCormack", "For McCormack"),
        ("indirect", ["that they do this to provide a personal shopping experience"],
         "the retailers", "argument", "the retailers", ""),
        ("indirect", ["that while 72% of respondents aged 55 and over said they were very uncomfortable with these types of technologies being used in physical shops, only 51% of 16-24 year olds said the same"],
         "a survey", "indicated", "Computer Sciences Corporation", ""),
    ], ["creepy"]),
    # Third batch (2026-12-06): the next six stories of the same random order, annotated blind by a third annotator and
    # scored once blind (README), then used for error analysis: development data since.
    "WNL The Greek island-adv.txt": ([
        ("indirect", ["they can’t get together enough money to come"], "Greek visitors", "say", "Greek visitors", ""),
        ("direct", ["Tourist numbers are down 80% this year,", "Even people born here and living in Athens, who have their own places on the island, aren’t coming."], "Mayor Maria Kakali", "said", "Maria Kakali", ""),
        ("indirect", ["it may come too late for this season on an island where tourism dwarfs the two other sources of income: fishing and agriculture"], "she", "feels", "Maria Kakali", "she still feels"),
        ("direct", ["We have almost no reservations in August, when usually we have people calling us up asking to find a room and we can’t help them."], "she", "feels", "Maria Kakali", "she still feels"),
        ("indirect", ["it will end a decades-old tax break for islands"], "the government", "has said", "Greek government", ""),
        ("indirect", ["that losing the tax breaks will make it hard for them to compete with Turkey"], "Tourist favourites such as Mykonos", "fear", "Tourist favourites such as Mykonos", ""),
        ("direct", ["If we have to pay a tax of 23%, I’m sorry to say it but we will all die on the island,"], "Kakali", "says", "Maria Kakali", ""),
        ("direct", ["This is an expensive island. Everything, even milk or bread, has changed hands three or four times before it gets to us and each middleman has to take a profit,"], "Provatas Costas, a 58-year-old fisherman", "said", "Provatas Costas", ""),
        ("direct", ["It started out as the best season in 30 years and, in one week, became the worst,",
                    "I always loved this island, even when I was young. I would dock in Piraeus, the port in Athens, take my pay, then get the first boat over. People would say 'You’re crazy. You can go anywhere' but I only ever wanted to come here."],
         "Atzamis Konstantinos, a travel agent in Lemnos who used to earn €15,000 a month as a captain of petroleum tankers and other large ships but came home because he missed it so much", "said", "Atzamis Konstantinos", ""),
        ("indirect", ["that they will fight the tax rise"], "Its councillors", "say", "Lemnos councillors", ""),
        ("direct", ["We have been suffering economically in recent years and, now, we will suffer more,", "When there is not enough money, you reduce your consumption and therefore the whole economy declines."], "Lemnos Mayor, Dimitris Marinakis", "said", "Dimitris Marinakis", ""),
        ("indirect", ["they can’t afford a family"], "people under 40", "feel", "people under 40", ""),
        ("indirect", ["they are losing their contemporaries in an exodus to match the one that scattered their grandparents’ friends to America, Australia and Canada"], "Young people", "fear", "Young people", ""),
        ("direct", ["What is the future for our generation?", "If you work only to pay your bills, how can you have dreams for your future?"], "Katerina Fikari, who feels she is extremely lucky to work for the local government in Lemnos", "said", "Katerina Fikari", ""),
        ("indirect", ["she is extremely lucky to work for the local government in Lemnos"], "Katerina Fikari", "feels", "Katerina Fikari", ""),
        ("indirect", ["If taxes go up, even more young people will leave"], "Mayor Kakali, who has devoted her year in office to improving education on the island to help keep it an attractive place for families", "warns", "Maria Kakali", ""),
        ("direct", ["The truth is the government doesn’t pay much attention to the islands of the north Aegean,", "so I would take all the kids from our school to the gates of parliament, to tell them: 'There is still life in these islands'."], "she", "said", "Maria Kakali", "north Aegean,”"),
    ], []),
    "WNL Japan-adv.txt": ([
        ("indirect", ["few come even close to taking their full quota, typically using only nine of their 18.5-day average entitlement"], "the labour ministry", "according to", "Japanese labour ministry", ""),
        ("indirect", ["that longer hours in the office or workshop or on the factory floor do not necessarily make people more productive"], "studies", "suggesting", "studies", ""),
        ("indirect", ["About 22% of Japanese work more than 49 hours a week, compared with 16% of US workers and 11% in France and Germany"], "data compiled by the Japanese government", "according to", "Japanese government", ""),
        ("direct", ["Nobody else uses their vacation days,"], "Sekiguchi", "said", "Erika Sekiguchi", ""),
        ("indirect", ["putting in 100 hours of overtime a month"], "Yuu Wakebe, a health ministry official overseeing policy on working hours", "admits", "Yuu Wakebe", ""),
        ("indirect", ["the irresistible pressure to match one’s colleagues, hour for hour"], "Yuu Wakebe, a health ministry official overseeing policy on working hours", "blames", "Yuu Wakebe", ""),
        ("direct", ["It is a worker’s right to take paid vacations,", "But working in Japan involves quite a lot of volunteer spirit."], "Wakebe", "said", "Yuu Wakebe", ""),
        ("indirect", ["about 200 people die every year from heart attacks, strokes and other karoshi events brought on by punishing work schedules"], "official data", "According to", "official data", ""),
        ("indirect", ["the unreasonable demands companies place on their employees as they struggle to stay afloat in a more complex globalized market"], "he", "has spoken out against", "Shinzo Abe", "even he has"),
        ("mixed", ["Japan’s working culture", "“falsely beatifies long hours”"], "Abe", "said", "Shinzo Abe", "Abe said recently"),
    ], []),
    "Brazil-adv.txt": ([
        ("direct", ["Revolution", "Down with Paes, down with Cabral [the mayor and state governor]", "Hate police"], "graffiti", "proclaiming", "a large crowd", ""),
        ("direct", ["We are here because we hate the government. They do nothing for us,"], "Oscar José Santos, a 19 year old who was with a group of hooded youths from the Rocinha favela", "said", "Oscar José Santos", ""),
        ("direct", ["I’m an architect but I have been unemployed for six months. There must be something wrong with this country,"], "Nadia al Husin", "said", "Nadia al Husin", "said Nadia al Husin"),
        ("indirect", ["the government to do more for education"], "a banner", "calling on", "Nadia al Husin", ""),
        ("indirect", ["the marches passed peacefully"], "initial reports", "suggested", "initial reports", ""),
        ("direct", ["We come from Facebook"], "banners", "declaring", "some protesters in São Paulo", ""),
        ("direct", ["My generation has never experienced this,", "Since the dictatorship, Brazilians never bothered to take over the streets. They did not believe they had a reason to. But now Brazil is once again in crisis, with a constant rise in prices, so people are finally reacting."], "Thiago Firbida, a student", "said", "Thiago Firbida", ""),
        ("indirect", ["the protests felt un-Brazilian but liberating"], "Some", "said", "Some protesters", ""),
        ("direct", ["Our politicians need to see the strength we have as one people. Brazilians tend to be too nice sometimes – they enjoy partying rather than protesting – but something is changing,"], "Deli Borsari, a 53-year-old yoga instructor", "said", "Deli Borsari", "said Deli Borsari"),
        ("indirect", ["President Dilma Rousseff condones the protests"], "her aides", "according to", "Dilma Rousseff’s aides", ""),
        ("direct", ["The president believes peaceful protests are legitimate and proper for a democracy, and that it is natural for young people to demonstrate,"], "Helena Chagas of the president’s office", "said", "Helena Chagas", ""),
    ], ["vinegar revolution", "20-cent revolution"]),
    "WNL Why are people so wrong-adv.txt": ([
        ("indirect", ["just how wrong the world is about a range of key social realities"], "Our new international survey across 33 countries", "shows", "Our new international survey across 33 countries", ""),
        ("indirect", ["the top 1% wealthiest households own 59% of their country’s wealth"], "British people", "think", "British people", ""),
        ("indirect", ["that 33% of their population are immigrants"], "Americans", "think", "Americans", ""),
        ("indirect", ["the average age in their country is 56"], "Brazilians", "think", "Brazilians", ""),
        ("indirect", ["that 31% of their politicians are women"], "Russians", "think", "Russians", ""),
        ("indirect", ["that an extraordinary 43% of young adults aged 25-34 still live at home with their parents"], "people", "think", "people in Britain", ""),
        ("indirect", ["60% of the whole country also has internet access"], "the online population", "think", "the online population in India", ""),
        ("indirect", ["across the 33 countries, 37% do not"], "respondents", "according to", "respondents", ""),
        ("indirect", ["it is really only 13%"], "official estimates", "according to", "official estimates", ""),
        ("indirect", ["there are also some issues where people are not as worried as they should be"], "the survey", "suggests", "Our new international survey across 33 countries", ""),
        ("indirect", ["only 28% are"], "people", "think", "people in Saudi Arabia", ""),
        ("indirect", ["it is 44%"], "Britons", "think", "Britons", ""),
    ], ["only", "fast", "slow", "emotional innumeracy"]),
    "climate change -adv.txt": ([
        ("indirect", ["Low-income countries will remain on the front line of human-induced climate change over the next century, experiencing gradual sea-level rises, stronger cyclones, warmer days and nights, more unpredictable rainfall, and larger and longer heatwaves"], "the most thorough assessment of the issue yet", "according to", "Intergovernmental Panel on Climate Change", ""),
        ("indirect", ["runaway temperature rises of 6°C or more by the end of the century"], "The last major United Nations (UN) assessment, in 2007", "predicted", "United Nations", ""),
        ("indirect", ["That", "unlikely"], "scientists", "is now thought", "scientists", "That is now thought"),
        ("indirect", ["As temperatures climb and oceans warm, tropical and subtropical regions will face sharp changes in annual rainfall"], "the Intergovernmental Panel on Climate Change (IPCC) report, released in Stockholm and published online in September", "says", "Intergovernmental Panel on Climate Change", ""),
        ("direct", ["It is virtually certain that, in the long term, global precipitation will change. High latitude countries, such as in Europe or North America, are expected to receive more rainfall, but many subtropical arid and semi-arid regions will likely experience less precipitation. Over wet tropical regions, extreme precipitation events will very likely be more intense and more frequent in a warmer world,"], "the report’s authors", "said", "the authors of the IPCC report", ""),
        ("direct", ["Monsoon onset dates are likely to become earlier or not to change much while monsoon withdrawal rates are very likely to delay, resulting in a lengthening of the season."], "They", "added", "the authors of the IPCC report", ""),
        ("indirect", ["backed their own observations"], "they", "said", "Scientists in developing countries and commentators", ""),
        ("direct", ["The IPCC makes the case that climate change is real and happening much more strongly than before. We are already seeing the effects of climate change in Bangladesh and across south Asia. It’s not news to us. Most developing countries are facing climate change now. They do not need the IPCC to tell them that the weather is changing,"], "Saleemul Huq, director of the International Centre for Climate Change and Development, based in Dhaka", "said", "Saleemul Huq", "said Saleemul Huq"),
        ("indirect", ["Weather disasters are also more likely in a warmer world"], "the report", "suggests", "Intergovernmental Panel on Climate Change", ""),
        ("indirect", ["Much higher temperatures could reduce the length of the growing period in some parts of Africa by up to 20%"], "the report", "said", "Intergovernmental Panel on Climate Change", "the report said"),
        ("direct", ["Climate models are not yet robust enough to predict impacts at local and regional scales, but it is clear that everybody is vulnerable in some way."], "Dr Camilla Toulmin, director of the International Institute for Environment and Development", "says", "Camilla Toulmin", ""),
        ("indirect", ["that world hunger would worsen as climate changes inevitably hurt crop production and disrupt incomes"], "The charity Oxfam", "predicted", "Oxfam", ""),
        ("indirect", ["the number of people at risk of hunger might climb by 10% to 20% by 2050, with daily per-capita calorie availability falling across the world"], "They", "suggested", "Oxfam", ""),
        ("direct", ["The changing climate is already jeopardizing gains in the ﬁght against hunger, and it looks set to worsen,", "A hot world is a hungry world. If the remainder of the 21st century unfolds like its ﬁrst decade, we will soon experience climate extremes well outside the boundaries of human experience."], "Oxfam", "said", "Oxfam", "said Oxfam"),
    ], []),
    "Old age-adv.txt": ([
        ("indirect", ["Sweden is the best country for older people, Afghanistan the worst – but general affluence does not necessarily mean better conditions for the over-60s"], "the first global index on ageing", "according to", "Global AgeWatch index", ""),
        ("direct", ["This survey shows that history counts,", "The top-ranked countries are what you would expect, but Scandinavian countries were not wealthy when they introduced universal pensions. The older population in Sri Lanka today is benefiting from good basic education and health care – those countries made certain policy choices. Everybody faces scarce resources, but they should not forget that, when they make investment decisions, they should also address issues of old age."], "Mark Gorman, director of the HelpAge International advocacy group", "said", "Mark Gorman", ""),
        ("indirect", ["that the fastest ageing countries – Jordan, Laos, Mongolia, Nicaragua and Vietnam, where the number of older people is predicted to more than triple by 2050 – fall into the lower half of the ranking"], "The index", "shows", "Global AgeWatch index", ""),
        ("indirect", ["if appropriate measures are implemented, population ageing does not inevitably lead to significantly higher health care spending"], "the report", "according to", "Global AgeWatch index", ""),
        ("direct", ["This groundbreaking index broadens the way we understand the needs and opportunities of older people through its pioneering application of human development methodology. It challenges countries in every part of the world to raise their sights as to what is possible."], "Professor Sir Richard Jolly, creator of the human development index", "said", "Richard Jolly", ""),
    ], []),
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
        f"Hand annotation of {len(GOLD)} OneStopEnglish advanced texts (Guardian stories adapted for learners; Vajjala and "
        "Lučić, BEA 2018, CC BY-SA 4.0; the texts are the bundled ones in data/onestopenglish/) for quote extraction on "
        "British news: attributions of speech, claims, beliefs and findings; 'speaker' is the canonical full name or fullest "
        "noun phrase; 'must_not_quote' lists nicknames, titles and words discussed as words in quote marks. Offsets are "
        "character offsets into each file decoded as UTF-8 (with its byte-order mark) and read with newline=''. Written by "
        "tests/data/ose/make_gold.py. The first five stories were chosen and annotated without looking at the extractor's "
        "output; the next eighteen (drawn at random, seed 20261206) were annotated blind by three other annotators and "
        "then used for error analysis, so all are development data."),
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
