"""Quote extraction: the seed gold, attribution behaviours, robustness, the spaCy component and the CLI."""
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from lib.article import load_article
from lib.evaluate import gold_matches, read_gold_json
from lib.nlp import load_pipeline
from lib.quotes import extract_quotes, quote_spans
from tests.helpers import ROOT, SEED

GOLD = ROOT / "tests" / "data" / "seed_quotes.json"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def seed_quotes(nlp):
    return extract_quotes(SEED.read_text(encoding="utf-8"), nlp)


@pytest.fixture(scope="module")
def matches(seed_quotes):
    text, _, records = read_gold_json(GOLD)
    return gold_matches(text, records, seed_quotes)


def test_gold_file_offsets_match_the_seed():
    text, golds, records = read_gold_json(GOLD)
    assert len(records) >= 20
    for rec in records:
        for c in rec["content"]:
            assert text[c["start"] : c["end"]] == c["text"]
        assert text[rec["source"]["start"] : rec["source"]["end"]] == rec["source"]["text"]


def test_every_direct_and_mixed_quote_with_its_full_speaker(matches):
    dm = matches[matches["kind"].isin(["direct", "mixed"])]
    assert len(dm) >= 6
    assert dm["found"].all(), dm[~dm["found"]]
    assert dm["speaker right"].all(), dm[~dm["speaker right"]][["id", "gold speaker", "predicted speaker"]]


def test_most_indirect_quotes_found(matches):
    ind = matches[matches["kind"] == "indirect"]
    assert ind["found"].mean() >= 0.9
    assert ind.loc[ind["found"], "speaker right"].mean() >= 0.9


def _quote_containing(quotes, fragment, text):
    i = text.index(fragment)
    return next(q for q in quotes if q.start <= i < q.end)


def test_follow_on_sentence_goes_to_the_previous_speaker(seed_quotes):
    text = SEED.read_text(encoding="utf-8")
    q = _quote_containing(seed_quotes, "Such a deal used to be unthinkable", text)
    assert q.speaker == "Cho Han-bum" and q.kind == "direct"
    assert q.text.startswith("Such a deal") and q.text.rstrip(".").endswith("changed everything")


def test_speaker_resolution_role_and_org(seed_quotes):
    text = SEED.read_text(encoding="utf-8")
    cho = _quote_containing(seed_quotes, "If Russia runs out of ammunition", text)
    assert (cho.speaker, cho.role, cho.org) == ("Cho Han-bum", "senior researcher", "Korea Institute for National Unification")
    assert text[cho.speaker_start : cho.speaker_end] == "Cho Han-bum"
    assert text[cho.cue_start : cho.cue_end] == "said" and cho.cue_lemma == "say"
    later = _quote_containing(seed_quotes, "Russia would not give them all", text)
    assert text[later.speaker_start : later.speaker_end] == "Cho"  # surname in the text, full name as speaker
    assert later.speaker == "Cho Han-bum" and later.cue == "added"
    hyun = _quote_containing(seed_quotes, "China appears to have focused", text)
    assert hyun.speaker == "Hyun Seung-soo" and hyun.org == "Korea Institute for National Unification"  # 'the think tank'
    they = _quote_containing(seed_quotes, "would likely be the beginning", text)
    assert they.speaker == "analysts" and text[they.speaker_start : they.speaker_end] == "they"
    official = _quote_containing(seed_quotes, "Any form of cooperation", text)
    assert official.speaker == "an official at the Ministry of Unification"  # a description, not a name: no capital
    assert text[official.speaker_start : official.speaker_end] == "the official"
    lim = _quote_containing(seed_quotes, "all U.N. member states to respect", text)
    assert (lim.speaker, lim.role, lim.org, lim.cue) == ("Lim Soo-suk", "spokesman", "Ministry of Foreign Affairs", "urging")


def test_sections_and_boilerplate(seed_quotes):
    art = load_article(SEED)
    assert {q.section for q in seed_quotes} == {"title", "caption", "body"}
    title = next(q for q in seed_quotes if q.section == "title")
    assert "'very likely" in title.text and title.speaker == "experts" and title.kind == "mixed"
    for q in seed_quotes:
        assert not any(r.start < q.end and q.start < r.end for r in art.removed), q


def test_offsets_are_into_the_input(seed_quotes):
    text = SEED.read_text(encoding="utf-8")
    for q in seed_quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)


def test_stray_mark_costs_at_most_its_paragraph(nlp):
    text = (
        'Title of the story\n\n'
        'The senator said the plan was "dead on arrival, and then left.\n\n'
        '"We will not support this bill in any form," said Jane Smith, a spokeswoman for the group.\n'
    )
    quotes = extract_quotes(text, nlp)
    smith = [q for q in quotes if q.speaker == "Jane Smith"]
    assert smith and smith[0].kind == "direct" and smith[0].text.startswith("We will not support")
    assert smith[0].role == "spokeswoman"


def test_quote_over_several_paragraphs(nlp):
    text = (
        "Budget fight\n\n"
        '"The first paragraph of what the governor said goes here, and it is long enough.\n\n'
        '"The second paragraph keeps going without a closing mark at its end.\n\n'
        '"And the last one closes the quote," Governor Maria Lopez said on Monday.\n\n'
        'The legislature adjourned.\n'
    )
    quotes = extract_quotes(text, nlp)
    for fragment in ("The first paragraph", "The second paragraph", "And the last one"):
        q = _quote_containing(quotes, fragment, text)
        assert q.speaker == "Maria Lopez" and q.kind == "direct", (fragment, q)
    assert not any("legislature" in q.text for q in quotes)


def test_quote_marks_pairing():
    text = '“Don’t,” he said of the Russians’ offer, "it\'s \'over\'," and left.'
    spans = [text[s:e] for s, e, _, _ in quote_spans(text)]
    assert spans == ["Don’t,", "it's 'over',"]
    assert quote_spans("no marks at all") == []
    assert quote_spans('"unclosed in the middle') == [(1, len('"unclosed in the middle'), True, False)]
    assert quote_spans('he said "unclosed in the middle') == []


def test_according_to_and_told(nlp):
    text = "Headline\n\nThe economy grew by 3 percent last year, according to the finance ministry.\n\nThe mayor told reporters that the bridge would reopen in May.\n"
    quotes = extract_quotes(text, nlp)
    acc = _quote_containing(quotes, "The economy grew", text)
    assert acc.cue == "according to" and acc.speaker == "the finance ministry" and acc.kind == "indirect"
    told = _quote_containing(quotes, "the bridge would reopen", text)
    assert told.cue == "told" and told.speaker == "the mayor"  # a description keeps no sentence capital


_TEXT = st.text(alphabet="abcdeXYZ .,;:!?'\"“”‘’«»\n-—", min_size=0, max_size=200)


@settings(max_examples=60, deadline=None)
@given(_TEXT)
def test_random_quote_marks_never_crash(text):
    nlp = load_pipeline()
    if not text.strip():
        with pytest.raises(ValueError):
            extract_quotes(text, nlp)
        return
    for q in extract_quotes(text, nlp):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.text == text[q.start : q.end]
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)


def test_spacy_component(nlp, seed_quotes):
    import spacy

    import lib.quotes  # noqa: F401  registers the "quotes" factory

    pipe = spacy.load(nlp.path) if nlp.path else None
    if pipe is None:
        pytest.skip("pipeline has no path to reload")
    pipe.add_pipe("quotes")
    text = SEED.read_text(encoding="utf-8")
    doc = pipe(text)
    quotes = doc._.quotes
    assert quotes, "component found nothing"
    # the component reads the Doc's own parse of the whole text, so it may differ from the paragraph-wise
    # parse of extract_quotes; every direct quote found paragraph by paragraph is found here too
    direct = {(q.start, q.speaker) for q in quotes if q.kind == "direct"}
    assert {(q.start, q.speaker) for q in seed_quotes if q.kind == "direct"} <= direct
    for q in quotes:
        assert doc.text[q.start : q.end] == q.text


@pytest.mark.parametrize("text", [
    "Seoul said that\n\nthe talks would resume next week, officials told reporters.",
    "The ministry said the\n\ntalks would resume next week.\n\nHe added that nothing was agreed.",
])
def test_spacy_component_sentence_across_paragraphs(nlp, text):
    """A whole-text parse may run one sentence over a paragraph break; the content stays inside its paragraph."""
    import spacy

    import lib.quotes  # noqa: F401  registers the "quotes" factory

    if not nlp.path:
        pytest.skip("pipeline has no path to reload")
    pipe = spacy.load(nlp.path)
    pipe.add_pipe("quotes")
    doc = pipe(text)
    assert doc._.quotes, "component found nothing"
    for q in doc._.quotes:
        assert doc.text[q.start : q.end] == q.text and "\n\n" not in q.text


def test_cli(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    out = subprocess.run([sys.executable, "-m", "lib.quotes", str(SEED), str(bad)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 1
    assert "empty.txt: the article is empty" in out.stderr and "Traceback" not in out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all(r["file"] == SEED.name for r in rows)
    text = SEED.read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert {"speaker", "cue", "cue_lemma", "kind", "role", "org", "section", "speaker_start", "speaker_end"} <= rows[0].keys()


def test_related_article_teaser_never_quoted(seed_quotes):
    art = load_article(SEED)
    teasers = [r for r in art.removed if r.reason == "related article"]
    assert teasers, "the seed's related-article teaser should be removed as boilerplate"
    for t in teasers:
        assert not any(q.start < t.end and t.start < q.end for q in seed_quotes)


def test_a_quote_with_no_speaker_matches_unnamed_sources():
    """The British gold's speaker 'unnamed sources' ('is thought to', 'reportedly') is right for a quote with no speaker,
    and wrong for a named one."""
    from lib.quotes import Quote
    text = "Bees are thought to pollinate most crops."
    rec = {"id": "t1", "kind": "indirect", "speaker": "unnamed sources", "cue": {"text": "are thought"},
           "content": [{"start": 0, "end": len(text) - 1, "text": text[:-1]}]}
    quiet = Quote(0, len(text) - 1, text[:-1], "indirect", "thought", "think", None, None, None)
    named = Quote(0, len(text) - 1, text[:-1], "indirect", "thought", "think", "Jane Doe", 0, 4)
    assert gold_matches(text, [rec], [quiet])["speaker right"].tolist() == [True]
    assert gold_matches(text, [rec], [named])["speaker right"].tolist() == [False]


def test_an_empty_source_span_is_no_source_for_speaker_accuracy():
    """A gold attribution whose source is an empty span (a quote with no cue, 'is thought to') names no source, so it
    is left out of speaker accuracy (the PolNeAR convention), not counted as a wrong speaker."""
    from lib.evaluate import Prediction, gold_attributions, score
    text = "Bees are thought to pollinate most crops. “We rely on them,” said Ann Lee."
    recs = [{"kind": "indirect", "content": [{"start": 0, "end": 40}], "source": {"start": 0, "end": 0, "text": ""}, "cue": {"text": "are thought"}},
            {"kind": "direct", "content": [{"start": 43, "end": 57}], "source": {"start": 66, "end": 73, "text": "Ann Lee"}, "cue": {"text": "said"}}]
    golds = gold_attributions(recs)
    assert [bool(g.source) for g in golds] == [False, True]
    preds = [Prediction(0, 40, None, None, None), Prediction(43, 57, "Ann Lee", 66, 73)]
    assert score({"a": (text, golds)}, lambda t: preds)["speaker accuracy"] == 1.0


@pytest.mark.parametrize("mention,speaker,rule", [
    ("An official at the Ministry of Unification", "an official at the Ministry of Unification", "description, as written"),
    ("Experts", "experts", "description, as written"),
    ("Lim Soo-suk", "Lim Soo-suk", "named in full"),
    ("Cho", "Cho Han-bum", "surname or given name → the full name named earlier"),
    ("the official", "an official at the Ministry of Unification", "description → an earlier, fuller noun phrase"),
    ("they", "analysts", "pronoun → the earlier speaker or subject it stands for")])
def test_resolution_rule_names_the_step(mention, speaker, rule):
    """A description keeps no sentence capital in its speaker string and is labelled as written, not as a name."""
    from lib.analysis import resolution_rule

    assert resolution_rule(mention, speaker) == rule
