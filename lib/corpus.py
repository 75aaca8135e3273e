"""The same analysis over many articles: tidy tables, Parquet, several processes, or a Dask cluster.

    python -m lib.corpus DIR_OR_GLOB --out DIR [--processes N] [--sentiment METHOD]
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
from tqdm import tqdm

from lib.claims import is_claims_file

ARTICLE_COLUMNS = ["article_id", "path", "title", "published", "author", "paragraphs", "words", "removed", "quotes"]
QUOTE_COLUMNS = [
    "article_id", "start", "end", "text", "kind", "cue", "cue_lemma", "speaker", "speaker_start", "speaker_end",
    "role", "org", "section", "cue_start", "cue_end", "paragraph", "words", "source_type", "certainty", "sentiment",
]
ENTITY_COLUMNS = ["article_id", "entity", "label", "start", "end"]
ERROR_COLUMNS = ["path", "reason"]
TABLES = ("articles", "quotes", "entities", "errors")
DEFAULT_SENTIMENT = "vader"  # the fast word list; "ours" (MiniLM) is more accurate and several times slower


@dataclass
class Corpus:
    """Tidy tables of a corpus: one row per article, quote, entity mention, and file that failed."""

    articles: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ARTICLE_COLUMNS))
    quotes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=QUOTE_COLUMNS))
    entities: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ENTITY_COLUMNS))
    errors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ERROR_COLUMNS))

    def to_parquet(self, folder: str | Path) -> list[Path]:
        """Write the four tables as DIR/<table>.parquet."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in TABLES:
            path = folder / f"{name}.parquet"
            getattr(self, name).to_parquet(path, index=False)
            paths.append(path)
        return paths

    @classmethod
    def read_parquet(cls, folder: str | Path) -> "Corpus":
        """Read the tables written by to_parquet."""
        folder = Path(folder)
        missing = [n for n in TABLES if not (folder / f"{n}.parquet").exists()]
        if missing:
            raise FileNotFoundError(f"{folder}: no {', '.join(m + '.parquet' for m in missing)}")
        return cls(**{n: pd.read_parquet(folder / f"{n}.parquet") for n in TABLES})


def expand_paths(spec: str | Path | Iterable[str | Path]) -> list[Path]:
    """Article paths from a folder (its *.txt files), a glob pattern, a file, or a list of those, sorted."""
    if isinstance(spec, (str, Path)):
        s = str(spec)
        if Path(s).is_dir():
            return sorted(p for p in Path(s).glob("*.txt") if not is_claims_file(p))
        if any(ch in s for ch in "*?["):
            return sorted(Path(p) for p in glob.glob(s, recursive=True) if not is_claims_file(p))
        return [Path(s)]
    return [p for item in spec for p in expand_paths(item)]


def _article_id(path: Path) -> str:
    """An article's id: its file name without the extension."""
    return path.stem


def _analyse_batch(paths: list[str], sentiment_method: str = DEFAULT_SENTIMENT) -> dict[str, list[dict]]:
    """Rows of the four tables for a batch of files, with one pipeline per process and nlp.pipe over all paragraphs."""
    from lib.analysis import quote_frame
    from lib.article import load_article
    from lib.nlp import entity_table, load_pipeline, pipe_paragraphs
    from lib.quotes import quotes_from_docs

    nlp = load_pipeline()
    out: dict[str, list[dict]] = {n: [] for n in TABLES}
    articles = []
    for p in paths:
        try:
            articles.append((Path(p), load_article(p)))
        except (OSError, ValueError, UnicodeError) as exc:
            out["errors"].append({"path": str(p), "reason": str(exc).removeprefix(f"{p}: ")})
    flat = [(i, par) for i, (_, art) in enumerate(articles) for par in art.paragraphs]
    docs: list[list] = [[] for _ in articles]
    for (i, _), doc in zip(flat, pipe_paragraphs((par.text for _, par in flat), nlp)):
        docs[i].append(doc)
    for (path, art), art_docs in zip(articles, docs):
        aid = _article_id(path)
        try:
            quotes = quotes_from_docs(art, art_docs)
            qdf = quote_frame(art, nlp, sentiment_method=sentiment_method, quotes=quotes)
        except Exception as exc:  # one bad article must not stop the corpus
            out["errors"].append({"path": str(path), "reason": f"analysis failed: {type(exc).__name__}: {exc}"})
            continue
        ents = entity_table(art, docs=art_docs)
        ents.insert(0, "article_id", aid)
        out["entities"].extend(ents[ENTITY_COLUMNS].to_dict("records"))
        qdf.insert(0, "article_id", aid)
        out["quotes"].extend(qdf[QUOTE_COLUMNS].to_dict("records"))
        out["articles"].append({
            "article_id": aid, "path": str(path), "title": art.title, "published": art.published, "author": art.author,
            "paragraphs": len(art.paragraphs), "words": sum(len(p.text.split()) for p in art.paragraphs),
            "removed": len(art.removed), "quotes": len(qdf),
        })
    return out


def _batches(paths: list[Path], size: int) -> Iterator[list[str]]:
    """Paths in batches of `size`."""
    for i in range(0, len(paths), size):
        yield [str(p) for p in paths[i : i + size]]


def _frames(parts: Iterable[dict[str, list[dict]]]) -> Corpus:
    """Assemble batch rows into a Corpus with stable column order, sorted by article."""
    rows: dict[str, list[dict]] = {n: [] for n in TABLES}
    for part in parts:
        for n in TABLES:
            rows[n].extend(part[n])
    cols = {"articles": ARTICLE_COLUMNS, "quotes": QUOTE_COLUMNS, "entities": ENTITY_COLUMNS, "errors": ERROR_COLUMNS}
    tables = {}
    for n in TABLES:
        df = pd.DataFrame(rows[n], columns=cols[n])
        key = ["path"] if n == "errors" else (["article_id", "start"] if "start" in cols[n] else ["article_id"])
        tables[n] = df.sort_values(key, kind="stable", ignore_index=True)
    tables["articles"]["published"] = pd.to_datetime(tables["articles"]["published"])
    for n in ("quotes", "entities"):
        for c in ("start", "end"):
            tables[n][c] = tables[n][c].astype("int64")
    for c in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        tables["quotes"][c] = tables["quotes"][c].astype("Int64")
    return Corpus(**tables)


def analyse(paths: str | Path | Iterable[str | Path], n_process: int = 1, batch_size: int = 16,
            sentiment_method: str = DEFAULT_SENTIMENT, progress: bool = True) -> Corpus:
    """Parse, extract quotes, score certainty and sentiment for many articles; one pipeline per process."""
    files = expand_paths(paths)
    batches = list(_batches(files, batch_size))
    show = progress and not os.environ.get("TQDM_DISABLE")
    bar = tqdm(total=len(files), unit="article", disable=not show, desc="analysing")
    parts = []
    if n_process <= 1:
        for batch in batches:
            parts.append(_analyse_batch(batch, sentiment_method))
            bar.update(len(batch))
    else:
        with ProcessPoolExecutor(max_workers=n_process) as pool:
            for batch, part in zip(batches, pool.map(_analyse_batch, batches, [sentiment_method] * len(batches))):
                parts.append(part)
                bar.update(len(batch))
    bar.close()
    return _frames(parts)


def analyse_dask(paths: str | Path | Iterable[str | Path], client=None, batch_size: int = 16,
                 sentiment_method: str = DEFAULT_SENTIMENT) -> Corpus:
    """The same analysis with dask.bag: runs on a dask.distributed cluster when `client` (or a default client) exists."""
    import dask.bag as db

    files = [str(p) for p in expand_paths(paths)]
    if not files:
        return _frames([])
    bag = db.from_sequence(files, partition_size=batch_size)
    parts = bag.map_partitions(lambda part: [_analyse_batch(list(part), sentiment_method)])
    computed = client.compute(parts).result() if client is not None else parts.compute()
    return _frames(computed)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m lib.corpus", description="Analyse a folder (or glob) of news articles into Parquet tables.")
    parser.add_argument("source", help="a folder of .txt files, a glob pattern, or a file")
    parser.add_argument("--out", required=True, type=Path, help="folder for articles/quotes/entities/errors.parquet")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--sentiment", default=DEFAULT_SENTIMENT, help="vader (default, fast), ours, textblob or afinn")
    args = parser.parse_args(argv)
    if not any(ch in args.source for ch in "*?[") and not Path(args.source).exists():
        print(f"error: {args.source}: no such file or folder", file=sys.stderr)
        return 2
    files = expand_paths(args.source)
    if not files:
        print(f"error: {args.source}: no article files found", file=sys.stderr)
        return 2
    corpus = analyse(files, n_process=args.processes, batch_size=args.batch_size, sentiment_method=args.sentiment)
    corpus.to_parquet(args.out)
    print(f"{len(corpus.articles)} articles, {len(corpus.quotes)} quotes, {len(corpus.entities)} entity mentions, "
          f"{len(corpus.errors)} errors -> {args.out}/")
    for row in corpus.errors.itertuples():
        print(f"error: {row.path}: {row.reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
