"""Parsing: header, boilerplate removal, nothing lost, idempotence, plain articles and bad input."""
import string
import warnings
from datetime import datetime

import pytest
from hypothesis import given, settings, strategies as st

from lib.article import date_evidence, latest_content_date, load_article, lost_text, parse_article, read_text
from tests.helpers import SEED, shared_path

RAW = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED)


def test_header(seed):
    assert seed.title == "Major arms deal between Kim and Putin 'very likely,' experts say"
    assert seed.published == datetime(2024, 6, 2, 1, 15, 36)
    assert seed.author == "Jung Min-ho"
    assert seed.paragraphs[0].kind == "title"
    assert seed.paragraphs[1].kind == "caption"
    assert [p.kind for p in seed.paragraphs].count("subtitle") == 1
    assert "advance and expedite" in next(p.text for p in seed.paragraphs if p.kind == "subtitle")


def test_captions_three_copies_become_one(seed):
    photo = "This April 25, 2019 file photo shows"
    assert RAW.count("April 25, 2019 file photo shows") == 3
    kept = [p for p in seed.paragraphs if p.text.startswith(photo)]
    assert len(kept) == 1 and kept[0].kind == "caption"
    assert not kept[0].text.endswith("EPA-Yonhap")
    assert "<strong>" not in kept[0].text and "This April 25" in kept[0].text
    repeats = [r for r in seed.removed if r.reason == "repeated caption"]
    assert len(repeats) == 2 and all(r.text.startswith(photo) for r in repeats)
    captions = [p.text for p in seed.paragraphs if p.kind == "caption"]
    assert len(captions) == 2 and captions[1].startswith("A Ukrainian self-propelled artillery")


def test_credits_byline_teaser_html(seed):
    reasons = {}
    for r in seed.removed:
        reasons.setdefault(r.reason, []).append(r.text)
    assert reasons["photo credit"] == ["EPA-Yonhap", "AP-Yonhap"]
    assert reasons["byline"] == ["By Jung Min-ho"]
    assert reasons["empty html tag"] == ["<strong></strong>"]
    (teaser,) = reasons["related article"]
    assert teaser.startswith("N. Korea will pay a price") and teaser.endswith("North Korea")
    assert "2023-09-06 09:17" in teaser
    for p in seed.paragraphs:
        assert "\xa0" not in p.text and "Yonhap" not in p.text and "NSA Sullivan" not in p.text
    # the teaser shares its block with a quote paragraph, which must survive whole
    assert any(p.text.startswith('"Russia would not give them all') and p.text.endswith('changed everything."') for p in seed.paragraphs)


def test_offsets_point_into_the_original(seed):
    for p in seed.paragraphs:
        s, e = p.span_to_original(0, len(p.text))
        assert (s, e) == (p.start, p.end) or p.kind == "caption"
        for k in (0, len(p.text) // 2, len(p.text) - 1):
            assert RAW[p.to_original(k)] == p.text[k] or p.text[k] == " "
    for r in seed.removed:
        assert RAW[r.start : r.end] == r.text


def test_nothing_lost_on_seed(seed):
    assert lost_text(seed) == []
    kept_words = " ".join(p.text for p in seed.paragraphs).split()
    for word in ("Prigozhin,", "Shoigu", "skeptical", "ICBMs,\"", "Cho", "materialize"):
        assert any(w.startswith(word.rstrip(",\"")) for w in kept_words), word


def test_idempotent(seed):
    again = parse_article(seed.clean_text)
    assert again.removed == ()
    assert [p.text for p in again.paragraphs] == [p.text for p in seed.paragraphs]


def test_date_evidence_disagrees_with_header(seed):
    clues = date_evidence(seed)
    texts = {c.text for c in clues}
    assert {"2023-09-06 09:17", "last year", "Sept. 1", "late July"} <= texts
    teaser = next(c for c in clues if c.text.startswith("2023-09-06"))
    assert teaser.where == "removed: related article"
    last_year = next(c for c in clues if c.text == "last year")
    assert "2023" in last_year.note
    assert latest_content_date(clues).isoformat() == "2023-09-06"
    assert seed.published.date().isoformat() == "2024-06-02"


def test_plain_polnear_article():
    folder = shared_path("data", "polnear", "dev", "text")
    path = sorted(folder.glob("*.txt"))[0]
    art = load_article(path)
    first_line = path.read_text(encoding="utf-8").splitlines()[0].strip()
    assert art.title == first_line
    assert art.published is None
    assert art.paragraphs[0].kind == "title"
    assert sum(p.kind == "body" for p in art.paragraphs) >= 3
    assert lost_text(art) == []


def test_all_polnear_articles_lose_nothing():
    folder = shared_path("data", "polnear", "dev", "text")
    for path in sorted(folder.glob("*.txt")):
        art = load_article(path)
        assert lost_text(art) == [], path.name
        # body text never removed as boilerplate in plain articles, except exact repeats
        assert all(r.reason in {"repeated paragraph", "html tag", "empty html tag", "web furniture", "editor's note"} or r.reason == "byline" for r in art.removed), (path.name, art.removed)


def test_empty_and_whitespace_files(tmp_path):
    for content in (b"", b"   \n\t \n", "\u00a0\n \ufeff".encode()):
        p = tmp_path / "empty.txt"
        p.write_bytes(content)
        with pytest.raises(ValueError, match="empty.txt: the article is empty"):
            load_article(p)


def test_binary_file(tmp_path):
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(ValueError, match="image.png: looks like a binary file"):
        load_article(p)


def test_missing_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        load_article(tmp_path / "nope.txt")


def test_legacy_encoding_is_detected_with_a_warning(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Title\n\nThe caf\xe9 owner Fran\xe7ois N\xfa\xf1ez said prices would rise na\xefvely.\n".encode("latin-1"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        art = load_article(p)
    assert any("latin1.txt: not valid UTF-8; decoded as cp1252" in str(w.message) for w in caught)
    assert "café owner François Núñez" in art.paragraphs[1].text
    assert (art.encoding, art.encoding_guessed) == ("cp1252", True)
    assert lost_text(art) == []


def test_undecodable_bytes_are_replaced_with_a_warning(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_bytes("Title\n\nThe café owner said “prices” would rise.\n".encode("utf-8") + b"Bad \x81\x8d\x8f\x90\x9d bytes.\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        art = load_article(p)
    assert any("mixed.txt" in str(w.message) for w in caught)
    assert art.encoding_guessed and lost_text(art) == []


def test_valid_utf8_gives_no_warning(tmp_path):
    p = tmp_path / "ok.txt"
    p.write_text("Title\n\nThe café owner said “prices would rise” – and a \ufffd was in the source.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_text(p).startswith("Title")


def test_html_entities_and_tags_keep_their_words():
    art = parse_article("A headline\n\nThe <a href=\"x\">minister</a> said AT&amp;T&nbsp;would <em>not</em> pay.\n")
    body = art.body[0]
    assert body.text == "The minister said AT&T would not pay."
    assert {r.reason for r in art.removed} == {"html tag"}
    assert lost_text(art) == []
    k = body.text.index("minister")
    assert art.text[body.to_original(k) : body.to_original(k) + 8] == "minister"


def test_page_saved_on_one_line_keeps_its_paragraphs_apart():
    """Block-level tags break paragraphs as blank lines do, and <br> reads as a space: no title glued to the body."""
    page = ('<!DOCTYPE html><html><head><title>Deal agreed</title><script>var x = 1;</script></head><body>'
            '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav><div class="story">'
            "<p>Mary Jones, the <b>minister</b>, said: &ldquo;It works.&rdquo;</p><p>She added<br>that it was fine.</p>"
            "<ul><li>First point</li><li>Second point</li></ul></div></body></html>")
    art = parse_article(page)
    assert art.title == "Deal agreed"
    assert [p.text for p in art.body] == ["Mary Jones, the minister, said: “It works.”", "She added that it was fine.",
                                          "First point", "Second point"]
    assert lost_text(art) == []
    assert {"html nav", "html tag"} <= {r.reason for r in art.removed}
    p = art.body[1]
    k = p.text.index("that")
    assert art.text[p.to_original(k) : p.to_original(k) + 4] == "that"
    assert art.body[0].to_original(0) == page.index("Mary")


def test_ligatures_are_read_as_their_letters_and_map_back():
    """'ﬁnds' and 'ofﬁcer' from print sources are words to the parser; offsets still point at the original characters."""
    art = parse_article("A headline\n\nLewis ﬁnds the work exciting, the ofﬂine ofﬁcer said.\n")
    body = art.body[0]
    assert body.text == "Lewis finds the work exciting, the offline officer said."
    assert lost_text(art) == []
    s, e = body.span_to_original(body.text.index("officer"), body.text.index("officer") + len("officer"))
    assert art.text[s:e] == "ofﬁcer"
    s, e = body.span_to_original(body.text.index("said"), body.text.index("said") + 4)
    assert art.text[s:e] == "said"


def test_hard_wrapped_paragraph_is_joined():
    art = parse_article("Title here\n\nThe senator said the bill would\npass easily next week, aides\nsaid on Monday.\n\nNext paragraph.\n")
    assert art.body[0].text == "The senator said the bill would pass easily next week, aides said on Monday."
    assert lost_text(art) == []


def test_non_string_input():
    with pytest.raises(TypeError):
        parse_article(b"bytes")  # type: ignore[arg-type]


_BOILER = st.sampled_from([
    "By Jane Doe",
    "<strong></strong>",
    "Photo caption here with a file photo shows scene. EPA-Yonhap",
    "Some teaser headline Some teaser headline 2023-09-06 09:17\u00a0 |\u00a0 World",
    "Advertisement",
    "\u00a0\u00a0",
    "<p>",
    "<br/>",
    '</p><div class="a">',
])
_WORDS = st.text(alphabet=string.ascii_letters + string.digits + ".,;:'\"“”‘’!?-()&<>/ \u00a0\t", min_size=1, max_size=80)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_WORDS, _BOILER), min_size=1, max_size=12), st.lists(st.sampled_from(["\n", "\n\n", "\r\n", " \n \n"]), min_size=12, max_size=12))
def test_nothing_lost_and_idempotent_on_generated_text(lines, seps):
    text = "".join(line + sep for line, sep in zip(lines, seps))
    if not text.strip():
        with pytest.raises(ValueError):
            parse_article(text)
        return
    art = parse_article(text)
    assert lost_text(art) == []
    for r in art.removed:
        assert text[r.start : r.end] == r.text
    if art.paragraphs:
        again = parse_article(art.clean_text)
        assert [p.text for p in again.paragraphs] == [p.text for p in art.paragraphs]
        assert again.removed == ()
