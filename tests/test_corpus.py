"""Corpus path: tidy tables, errors that do not stop the run, Parquet round trip, processes and Dask."""
import os
import subprocess
import sys

import pandas as pd
import pytest

from lib.corpus import Corpus, analyse, analyse_dask, expand_paths
from lib.quotes import extract_quotes
from tests.helpers import ROOT, SEED, shared_path


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    (d / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for src in sorted(shared_path("data", "polnear", "dev", "text").glob("*.txt"))[:3]:
        (d / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (d / "empty.txt").write_text("  \n")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    return d


@pytest.fixture(scope="module")
def corpus(folder):
    return analyse(folder, progress=False)


def test_tables_and_errors(corpus, folder):
    assert len(corpus.articles) == 4
    assert set(corpus.errors["path"].map(lambda p: os.path.basename(p))) == {"empty.txt", "binary.txt"}
    reasons = dict(zip(corpus.errors["path"].map(os.path.basename), corpus.errors["reason"]))
    assert reasons["empty.txt"].startswith("the article is empty") and "binary" in reasons["binary.txt"]
    assert corpus.articles["quotes"].sum() == len(corpus.quotes)
    assert set(corpus.quotes["article_id"]) <= set(corpus.articles["article_id"])
    assert {"certainty", "sentiment", "source_type", "speaker", "kind"} <= set(corpus.quotes.columns)
    assert len(corpus.entities) > 0 and set(corpus.entities["label"]) >= {"PERSON", "GPE"}


def test_seed_quotes_match_the_single_article_path(corpus):
    seed = corpus.quotes[corpus.quotes["article_id"] == SEED.stem]
    alone = extract_quotes(SEED.read_text(encoding="utf-8"))
    assert list(zip(seed["start"], seed["end"], seed["speaker"])) == [(q.start, q.end, q.speaker) for q in alone]


def test_parquet_round_trip_is_exact(corpus, tmp_path):
    corpus.to_parquet(tmp_path / "out")
    back = Corpus.read_parquet(tmp_path / "out")
    for name in ("articles", "quotes", "entities", "errors"):
        pd.testing.assert_frame_equal(getattr(back, name), getattr(corpus, name), check_dtype=True)
    with pytest.raises(FileNotFoundError):
        Corpus.read_parquet(tmp_path / "nowhere")


def test_two_processes_give_the_same_result(corpus, folder):
    two = analyse(folder, n_process=2, batch_size=2, progress=False)
    for name in ("articles", "quotes", "entities", "errors"):
        pd.testing.assert_frame_equal(getattr(two, name), getattr(corpus, name))


def test_dask_local_cluster_gives_the_same_result(corpus, folder, monkeypatch):
    from dask.distributed import Client, LocalCluster

    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # workers are new processes: they must find `lib`
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        result = analyse_dask(folder, client=client, batch_size=2)
    for name in ("articles", "quotes", "entities", "errors"):
        pd.testing.assert_frame_equal(getattr(result, name), getattr(corpus, name))


def test_expand_paths(folder):
    assert len(expand_paths(folder)) == 6
    assert len(expand_paths(str(folder / "*.txt"))) == 6
    assert expand_paths([folder / "empty.txt"]) == [folder / "empty.txt"]


def test_cli(folder, tmp_path):
    out = subprocess.run([sys.executable, "-m", "lib.corpus", str(folder), "--out", str(tmp_path / "o")], cwd=ROOT,
                         capture_output=True, text=True, timeout=600, env={**os.environ, "TQDM_DISABLE": "1"})
    assert out.returncode == 0, out.stderr
    assert "4 articles" in out.stdout and "2 errors" in out.stdout
    assert "empty.txt: the article is empty" in out.stderr and "Traceback" not in out.stderr
    assert len(Corpus.read_parquet(tmp_path / "o").articles) == 4
    none = subprocess.run([sys.executable, "-m", "lib.corpus", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "x")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert none.returncode == 2 and "no such file or folder" in none.stderr
    empty_dir = tmp_path / "empty-dir"
    empty_dir.mkdir()
    nothing = subprocess.run([sys.executable, "-m", "lib.corpus", str(empty_dir), "--out", str(tmp_path / "y")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert nothing.returncode == 2 and "no article files" in nothing.stderr


@pytest.mark.parametrize("speaker,kind", [
    ("Brazilian Ministry of Science and Technology", "state or organisation"),
    ("Department of Health and Human Services", "state or organisation"),
    ("Robert van Otterdijk", "named person"),
    ("the South American governments", "anonymous or collective"),
    ("New York Times", "news outlet"),
    ("he", "unknown"),
    ("Brazil and Peru", "state or organisation"),  # sources that speak together take the first one's type
    ("Anna Berg, Tom Lee and Sara Kim", "named person"),
])
def test_source_types(speaker, kind):
    from types import SimpleNamespace

    from lib.analysis import source_type

    assert source_type(SimpleNamespace(speaker=speaker, role=None, org=None)) == kind


def test_most_quoted_panels_share_one_scale():
    """People and organisations are drawn on one words axis, so a bar in one panel compares with a bar in the other."""
    from lib.charts import most_quoted

    people = pd.DataFrame({"name": ["Ann Lee", "Bo Park"], "words": [700, 90], "quotes": [20, 3], "articles": [2, 1]})
    orgs = pd.DataFrame({"name": ["Park Service"], "words": [380], "quotes": [9], "articles": [1]})
    fig = most_quoted(people, orgs)
    assert fig.axes[0].get_xlim() == fig.axes[1].get_xlim()
