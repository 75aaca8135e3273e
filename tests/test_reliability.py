"""What a real corpus throws at the project: line endings, encodings, markup, adversarial lines, huge articles,
same-named files, failed writes, bad arguments. One regression test per case (issue: reliability)."""
import os
import subprocess
import sys
import time
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from lib.article import _BYLINE_RE, _TEASER_RE, _patterns, html_tags, load_article, lost_text, parse_article
from lib.claims import load_claims
from lib.corpus import Corpus, analyse, article_ids
from lib.quotes import extract_quotes
from tests.helpers import ROOT, SEED

BODY = ('The minister said on Monday that the plan would go ahead. "We have no choice," she told reporters.\n'
        "Critics said the cost was too high.\n")


# ------------------------------------------------------------------ line endings and separators

@pytest.mark.parametrize("sep", ["\r", "\r\n", "\n", "\f", "\v", "\u2028", "\u2029", "\x85"])
def test_every_line_ending_splits_paragraphs(sep):
    text = sep.join(["Plan goes ahead", "", *BODY.strip().split("\n")])
    art = parse_article(text)
    assert art.title == "Plan goes ahead"
    assert [p.kind for p in art.paragraphs] == ["title", "body", "body"]
    assert lost_text(art) == []
    quotes = extract_quotes(art)
    assert {q.section for q in quotes} == {"body"} and len(quotes) >= 2
    for q in quotes:
        assert text[q.start : q.end] == q.text


# ------------------------------------------------------------------ markup

def test_plain_text_angle_brackets_stay():
    for line in ("Shares of <Acme Corp> rose 5% on Monday.", "We know that a<b and c>d holds for every case."):
        art = parse_article(f"Markets today\n\n{line}\n")
        assert art.body[0].text == line and not art.removed


def test_real_tags_go_and_keep_their_words():
    art = parse_article('Title here\n\nThe <a href="x" target=_blank>minister</a> said <b>no</b>.<br/> <!-- note -->\n')
    assert art.body[0].text == "The minister said no."
    assert {r.reason for r in art.removed} == {"html tag", "html comment"}
    assert html_tags("<input disabled>") and not html_tags("<b and c>") and not html_tags("<Acme Corp>")


def test_script_and_style_contents_are_removed_with_reasons():
    page = ("<html><head><title>Saved page</title><style>\nbody { color: red; }\n</style>\n"
            "<script>\nvar x = 1;\nconsole.log('said hello');\n</script></head>\n\nStorm hits coast\n\n"
            "The mayor said the storm had passed.\n")
    art = parse_article(page)
    kept = " ".join(p.text for p in art.paragraphs)
    assert "color" not in kept and "var x" not in kept and "console" not in kept
    assert {"html style", "html script"} <= {r.reason for r in art.removed}
    assert lost_text(art) == []


# ------------------------------------------------------------------ patterns never backtrack

ADVERSARIAL = ["By " + "Xand" * 30 + "!", "By " + "X " * 5000 + "!", "By " + "Xx, " * 2000 + "?", " " * 20000 + "x",
               "<a " * 5000, "<" * 20000, "a" * 200000 + "DATE: 2024", "x 2023-01-01 " * 3000 + "| y" * 500,
               "Photo by " + "x" * 10000, "This file photo " + "shows " * 3000, "&" * 50000 + ";"]


@pytest.mark.parametrize("line", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_adversarial_lines_parse_quickly(line):
    t0 = time.perf_counter()
    parse_article(f"{line}\n\n{line}\n\nBy {line}\n")
    assert time.perf_counter() - t0 < 3.0


def test_each_boilerplate_pattern_is_linear():
    pats = _patterns()
    for line in ADVERSARIAL:
        for rx in (pats["credit"], pats["caption"], pats["teaser_prefix"], pats["note"], _BYLINE_RE, _TEASER_RE):
            t0 = time.perf_counter()
            rx.search(line[:20000])
            assert time.perf_counter() - t0 < 0.5, (rx.pattern[:60], line[:20])


# ------------------------------------------------------------------ encodings

def test_utf16_and_utf32_with_a_byte_order_mark(tmp_path):
    text = "Plan goes ahead\n\n" + BODY
    for enc, name in (("utf-16", "u16.txt"), ("utf-16-be", "u16be.txt"), ("utf-32", "u32.txt")):
        p = tmp_path / name
        p.write_bytes(("\ufeff" + text).encode(enc) if enc.endswith("be") else text.encode(enc))
        art = load_article(p)
        assert art.encoding.startswith("utf-") and art.title == "Plan goes ahead"
        assert len(extract_quotes(art)) >= 2


def test_latin1_names_survive_and_are_reported(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Visit\n\nFran\xe7ois Hollande and N\xfa\xf1ez met in Paris, the minister said.\n".encode("latin-1"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = analyse([p], progress=False)
    assert "François Hollande and Núñez" in load_article(p).paragraphs[1].text
    assert corpus.articles["encoding"].tolist() == ["cp1252"]
    row = corpus.errors.iloc[0]
    assert row["level"] == "warning" and "decoded as cp1252" in row["reason"]
    assert any("decoded as cp1252" in str(w.message) for w in caught)


def test_a_nul_byte_does_not_decide_acceptance_by_position(tmp_path):
    body = ("The minister said the plan would go ahead. " * 40).encode()
    for where in (10, len(body) // 2, len(body) - 5):
        p = tmp_path / f"nul{where}.txt"
        p.write_bytes(b"Title\n\n" + body[:where] + b"\x00" + body[where:])
        art = load_article(p)
        assert "\x00" not in art.body[0].text and lost_text(art) == []


# ------------------------------------------------------------------ huge articles, same names, failed writes

def test_an_article_over_spacys_length_limit_is_analysed_and_the_run_goes_on(tmp_path, monkeypatch):
    """spaCy refuses texts over nlp.max_length (E088); paragraphs are parsed in pieces under it. The limit is lowered
    here so the test stays fast; `python -m lib.corpus` on a real 1.3M-character single-line article works the same way."""
    from lib.nlp import load_pipeline

    monkeypatch.setattr(load_pipeline(), "max_length", 20_000)
    filler = "The river runs slowly through the valley and the fields beside it are green in spring. " * 600
    huge = tmp_path / "huge.txt"
    huge.write_text((filler + 'The minister said the plan would go ahead. "It is done," she said. ' + filler).strip(), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Plan goes ahead\n\n" + BODY, encoding="utf-8")
    corpus = analyse([huge, other], progress=False)
    assert len(huge.read_text()) > 5 * 20_000
    assert set(corpus.articles["article_id"]) == {"huge", "other"} and corpus.errors.empty
    assert "It is done" in set(corpus.quotes.loc[corpus.quotes["article_id"] == "huge", "text"])


def test_same_named_files_in_different_folders_get_unique_ids(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(f"Story {sub}\n\n" + BODY, encoding="utf-8")
    corpus = analyse(str(tmp_path / "**" / "*.txt"), progress=False)
    assert sorted(corpus.articles["article_id"]) == ["a/story", "b/story"]
    assert set(corpus.quotes["article_id"]) == {"a/story", "b/story"}
    assert article_ids([SEED]) == [SEED.stem]


def test_a_failed_write_leaves_the_previous_result_whole(tmp_path, monkeypatch):
    first = analyse([SEED], progress=False)
    out = tmp_path / "out"
    first.to_parquet(out)
    calls = {"n": 0}
    original = pd.DataFrame.to_parquet

    def failing(self, path, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return original(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", failing)
    second = Corpus(articles=first.articles.head(0), quotes=first.quotes.head(0), entities=first.entities.head(0), errors=first.errors)
    with pytest.raises(OSError):
        second.to_parquet(out)
    monkeypatch.undo()
    back = Corpus.read_parquet(out)
    pd.testing.assert_frame_equal(back.quotes, first.quotes)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary folder left behind


def test_cli_refuses_a_file_as_out_and_accepts_method_names_in_any_case(tmp_path):
    target = tmp_path / "taken.txt"
    target.write_text("x")
    run = subprocess.run([sys.executable, "-m", "lib.corpus", str(SEED), "--out", str(target)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "is not a folder" in run.stderr and "Traceback" not in run.stderr
    bad = subprocess.run([sys.executable, "-m", "lib.corpus", str(SEED), "--out", str(tmp_path / "o"), "--sentiment", "nope"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "unknown sentiment method" in bad.stderr
    ok = subprocess.run([sys.executable, "-m", "lib.corpus", str(SEED), "--out", str(tmp_path / "o"), "--sentiment", "VADER"],
                        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "TQDM_DISABLE": "1"})
    assert ok.returncode == 0 and "0 errors" in ok.stdout, ok.stderr


# ------------------------------------------------------------------ claims

def test_claims_validation(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such article file"):
        load_claims(tmp_path / "unknown.txt")
    with pytest.raises(TypeError, match="claim 2: expected a sentence"):
        load_claims(SEED, ["A claim.", 42])
    art = tmp_path / "a.txt"
    art.write_text("Plan goes ahead\n\n" + BODY, encoding="utf-8")
    assert [c.statement for c in load_claims(art)] == ["Plan goes ahead"]
    (tmp_path / "a.claims.txt").write_text("# comment\nThe plan will go ahead.\n\nCosts will rise.\n", encoding="utf-8")
    assert [(c.id, c.source) for c in load_claims(art)] == [("C1", "file"), ("C2", "file")]
    assert load_claims(parse_article(BODY)) == []


# ------------------------------------------------------------------ fuzzing the whole path

@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_any_text_parses_without_losing_anything(text):
    if not text.strip().strip("\u200b\u200c\u200d\u2060\ufeff" + "".join(map(chr, [*range(0, 9), *range(14, 28), 127]))).strip():
        return
    try:
        art = parse_article(text)
    except ValueError:
        return
    assert lost_text(art) == []
    for r in art.removed:
        assert text[r.start : r.end] == r.text


def test_evaluation_commands_give_one_line_for_bad_paths(tmp_path):
    for args in (["sentiment", str(tmp_path)], ["seed", str(tmp_path / "missing.json")], ["certainty", str(tmp_path)],
                 ["targets", str(tmp_path / "nope.jsonl")]):
        run = subprocess.run([sys.executable, "-m", "lib.evaluate", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert run.returncode == 2 and run.stderr.startswith("error: ") and "Traceback" not in run.stderr, (args, run.stderr)
        assert len(run.stderr.strip().splitlines()) == 1


def test_a_reader_that_stops_early_ends_a_command_quietly():
    """`python -m lib.quotes FOLDER | head` must not end in a BrokenPipeError traceback: every command-line tool runs
    through exit_cli, which exits with status 141 (128 + SIGPIPE) and prints nothing, as `cat` does."""
    commands = [p.name for p in (ROOT / "lib").glob("*.py") if '__name__ == "__main__"' in p.read_text(encoding="utf-8")]
    assert len(commands) >= 6
    for name in commands:
        assert "exit_cli(" in (ROOT / "lib" / name).read_text(encoding="utf-8"), f"lib/{name} does not end through exit_cli"
    code = "from lib.article import exit_cli\ndef main():\n    for _ in range(20000):\n        print('x' * 79)\n    return 0\nexit_cli(main)"
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline() == b"x" * 79 + b"\n"
    proc.stdout.close()  # the reader stops after one line, as head -1 does
    assert proc.wait(timeout=60) == 141
    assert proc.stderr.read() == b""
