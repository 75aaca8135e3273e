"""Every per-article notebook runs on articles the project was not written for (`make report`), and keeps its promises:
no error output, every figure written, every figure with marks, a report page that shows the article."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import ROOT

pytestmark = pytest.mark.reports  # fifteen notebook runs: `make reports-test`, kept out of `make test` for its time

ARTICLES = [
    ROOT / "data" / "onestopenglish" / "Arctic mapping-adv.txt",  # no title line, byte-order mark, space in the name
    ROOT / "tests" / "data" / "articles" / "no quotes.txt",  # no title, date, byline or quotes
    ROOT / "tests" / "data" / "articles" / "unnamed sources.txt",  # CRLF, BOM, DATE header, byline, unnamed speakers
]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0[1-5]-*.ipynb"))


def figures_written(nb: Path) -> set[str]:
    """The figure names a notebook saves."""
    source = "".join("".join(c["source"]) for c in json.loads(nb.read_text(encoding="utf-8"))["cells"])
    return set(re.findall(r'savefig\(fig, "([\w-]+)"', source))


def ink(png: Path) -> float:
    """Share of pixels that are not (near) white."""
    img = Image.open(png).convert("L")
    hist = img.histogram()
    return 1 - sum(hist[245:]) / (img.width * img.height)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    run = subprocess.run([sys.executable, "-m", "lib.report", *map(str, ARTICLES), "--out-root", str(out), "--jobs", "2"],
                         cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stderr[-3000:]
    return out


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_every_notebook_runs_without_errors(reports, article):
    folder = reports / article.stem
    for nb in NOTEBOOKS:
        executed = json.loads((folder / nb.name).read_text(encoding="utf-8"))
        for cell in executed["cells"]:
            for out in cell.get("outputs", []):
                assert out["output_type"] != "error", f"{article.name} {nb.name}: {out.get('ename')}: {out.get('evalue')}"
                assert "Traceback" not in "".join(out.get("text", "")), f"{article.name} {nb.name}: traceback on a stream"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_every_figure_is_written_and_has_marks(reports, article):
    figures = reports / article.stem / "figures"
    expected = set().union(*(figures_written(nb) for nb in NOTEBOOKS))
    assert expected, "no figures expected?"
    for name in sorted(expected):
        svg, png = figures / f"{name}.svg", figures / f"{name}.png"
        assert svg.exists() and png.exists(), f"{article.name}: {name} missing"
        assert "<path" in svg.read_text(encoding="utf-8"), f"{article.name}: {name}.svg draws nothing"
        assert ink(png) > 0.004, f"{article.name}: {name}.png is blank"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_report_page_shows_the_article(reports, article):
    from lib.article import load_article

    page = (reports / article.stem / "report.html").read_text(encoding="utf-8")
    parsed = load_article(article)
    assert parsed.label.split(" (")[0] in page or parsed.label in page
    first_words = " ".join(parsed.paragraphs[0].text.split()[:6])
    assert first_words.replace("'", "&#x27;") in page or first_words in page


def test_bad_article_gives_one_line_and_exit_2(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" + bytes(range(256)) * 8)
    for bad, message in ((binary, "looks like a binary file"), (tmp_path / "missing.txt", "no such article file")):
        run = subprocess.run([sys.executable, "-m", "lib.report", str(bad), "--out-root", str(tmp_path / "out")], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 2 and message in run.stderr and len(run.stderr.strip().splitlines()) == 1, run.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    make = subprocess.run(["make", "-s", "report", f"ARTICLE={empty}"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert make.returncode != 0 and "the article is empty" in make.stderr and "Traceback" not in make.stderr


def test_prose_names_a_quote_with_no_speaker_as_such():
    """A quote nobody is named for (NaN in a table) reads 'no speaker' in the notebooks' prose, never 'nan'."""
    import numpy as np
    import pandas as pd

    from lib import narrate
    table = pd.DataFrame({"speaker": [np.nan, "Ann Lee"], "certainty": [2.0, 5.5], "text": ["Bees are thought to matter.", "We must act."],
                          "vader": [0.1, -0.4], "textblob": [-0.6, -0.3]}, index=["Q1", "Q2"])
    assert "(no speaker, 2.0)" in narrate.certainty_summary(table)
    assert "**Q1** (no speaker)" in narrate.disagreement_summary(table, ["vader", "textblob"], {})
