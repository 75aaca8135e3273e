"""The same analysis over many articles: tidy tables, Parquet, several processes, or a Dask cluster.

    python -m lib.corpus DIR_OR_GLOB --out DIR [--processes N] [--sentiment METHOD]

A file that cannot be read or analysed is listed in the `errors` table with its reason, and the run goes on.
Article ids are the file's path relative to the folder all the files share, without `.txt` (`a/story`,
`b/story`), so same-named files in different folders never mix. Results are written atomically.
"""
from __future__ import annotations

import argparse
import glob
import os
import shutil
import sys
import tempfile
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
from tqdm import tqdm

from lib.claims import is_claims_file

ARTICLE_COLUMNS = ["article_id", "path", "title", "published", "author", "encoding", "paragraphs", "words", "removed", "quotes"]
QUOTE_COLUMNS = [
    "article_id", "quote_id", "start", "end", "text", "kind", "cue", "cue_lemma", "speaker", "speaker_start", "speaker_end",
    "role", "org", "section", "cue_start", "cue_end", "paragraph", "words", "source_type", "certainty", "sentiment",
]
ENTITY_COLUMNS = ["article_id", "entity", "label", "start", "end"]
ERROR_COLUMNS = ["path", "level", "reason"]
TABLES = ("articles", "quotes", "entities", "errors")
DEFAULT_SENTIMENT = "vader"  # the fast word list; "ours" (MiniLM) is more accurate and several times slower


@dataclass
class Corpus:
    """Tidy tables of a corpus: one row per article, quote, entity mention, and file that failed or needed a warning."""

    articles: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ARTICLE_COLUMNS))
    quotes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=QUOTE_COLUMNS))
    entities: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ENTITY_COLUMNS))
    errors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ERROR_COLUMNS))

    def to_parquet(self, folder: str | Path) -> list[Path]:
        """Write the four tables as DIR/<table>.parquet, atomically: a failed write leaves a previous result whole."""
        folder = Path(folder)
        check_output_folder(folder)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-", dir=folder.parent))
        try:
            for name in TABLES:
                getattr(self, name).to_parquet(tmp / f"{name}.parquet", index=False)
            _swap_in(tmp, folder)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return [folder / f"{name}.parquet" for name in TABLES]

    @classmethod
    def read_parquet(cls, folder: str | Path) -> "Corpus":
        """Read the tables written by to_parquet."""
        folder = Path(folder)
        missing = [n for n in TABLES if not (folder / f"{n}.parquet").exists()]
        if missing:
            raise FileNotFoundError(f"{folder}: no {', '.join(m + '.parquet' for m in missing)}")
        return cls(**{n: pd.read_parquet(folder / f"{n}.parquet") for n in TABLES})


def check_output_folder(folder: Path) -> None:
    """Refuse, with one line, an output folder that is a file or whose parent cannot be written."""
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"{folder}: exists and is not a folder; choose another --out")
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PermissionError(f"{folder}: cannot create its parent folder ({exc.strerror})") from None
    if not os.access(parent, os.W_OK | os.X_OK) or (folder.exists() and not os.access(folder, os.W_OK | os.X_OK)):
        raise PermissionError(f"{folder}: not writable; choose another --out")


def _swap_in(new: Path, target: Path) -> None:
    """Replace the target folder by the newly written one: the old one is moved aside first and removed last."""
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        old.rmdir()
        target.rename(old)
        try:
            new.rename(target)
        except OSError:
            old.rename(target)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(target)


def expand_paths(spec: str | Path | Iterable[str | Path]) -> list[Path]:
    """Article paths from a folder (its *.txt files), a glob pattern, a file, or a list of those; sorted, no file twice."""
    if isinstance(spec, (str, Path)):
        s = str(spec)
        if Path(s).is_dir():
            return sorted(p for p in Path(s).glob("*.txt") if not is_claims_file(p))
        if any(ch in s for ch in "*?["):
            return sorted(Path(p) for p in glob.glob(s, recursive=True) if not is_claims_file(p) and not Path(p).is_dir())
        return [Path(s)]
    out: dict[Path, Path] = {}
    for item in spec:
        for p in expand_paths(item):
            out.setdefault(p.resolve(), p)
    return list(out.values())


def article_ids(paths: list[Path]) -> list[str]:
    """Unique, stable ids: each path relative to the folder all of them share, without `.txt` (one file: its stem)."""
    if not paths:
        return []
    resolved = [p.resolve() for p in paths]
    root = Path(os.path.commonpath([str(p.parent) for p in resolved]))
    ids = [p.relative_to(root).with_suffix("").as_posix() if p.suffix.lower() == ".txt" else p.relative_to(root).as_posix()
           for p in resolved]
    if len(set(ids)) != len(ids):  # only when the same file is named twice
        raise ValueError("the same article file is listed twice")
    return ids


def _analyse_batch(items: list[tuple[str, str]], sentiment_method: str = DEFAULT_SENTIMENT) -> dict[str, list[dict]]:
    """Rows of the four tables for a batch of (path, article id), with one pipeline per process; nothing one article raises stops the batch."""
    from lib.analysis import quote_frame
    from lib.article import load_article
    from lib.nlp import entity_table, load_pipeline, pipe_paragraphs
    from lib.quotes import quotes_from_docs

    nlp = load_pipeline()
    out: dict[str, list[dict]] = {n: [] for n in TABLES}

    def error(path: str, reason: str, level: str = "error") -> None:
        out["errors"].append({"path": path, "level": level, "reason": reason.removeprefix(f"{path}: ")})

    articles = []
    for p, aid in items:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                articles.append((p, aid, load_article(p)))
            except Exception as exc:  # noqa: BLE001 - any unreadable file is an error row, not a crash
                error(p, str(exc) if isinstance(exc, (OSError, ValueError, UnicodeError)) else f"{type(exc).__name__}: {exc}")
        for w in caught:
            error(p, str(w.message), "warning")
    try:
        flat = [(i, par) for i, (_, _, art) in enumerate(articles) for par in art.paragraphs]
        docs: list[list] = [[] for _ in articles]
        for (i, _), doc in zip(flat, pipe_paragraphs((par.text for _, par in flat), nlp)):
            docs[i].append(doc)
    except Exception:  # noqa: BLE001 - parse one article at a time to find the one that fails
        docs = []
        for p, _, art in articles:
            try:
                docs.append(list(pipe_paragraphs((par.text for par in art.paragraphs), nlp)))
            except Exception as exc:  # noqa: BLE001
                error(p, f"parsing failed: {type(exc).__name__}: {exc}")
                docs.append(None)
    for (path, aid, art), art_docs in zip(articles, docs):
        if art_docs is None:
            continue
        try:
            quotes = quotes_from_docs(art, art_docs)
            qdf = quote_frame(art, nlp, sentiment_method=sentiment_method, quotes=quotes, docs=art_docs)
            ents = entity_table(art, docs=art_docs)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the corpus
            error(path, f"analysis failed: {type(exc).__name__}: {exc}")
            continue
        ents.insert(0, "article_id", aid)
        out["entities"].extend(ents[ENTITY_COLUMNS].to_dict("records"))
        qdf = qdf.reset_index().rename(columns={"id": "quote_id"})
        qdf.insert(0, "article_id", aid)
        out["quotes"].extend(qdf[QUOTE_COLUMNS].to_dict("records"))
        out["articles"].append({
            "article_id": aid, "path": str(path), "title": art.title, "published": art.published, "author": art.author,
            "encoding": art.encoding, "paragraphs": len(art.paragraphs), "words": sum(len(p.text.split()) for p in art.paragraphs),
            "removed": len(art.removed), "quotes": len(qdf),
        })
    return out


def _batches(items: list[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    """Items in batches of `size`."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


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
        key = ["path", "level"] if n == "errors" else (["article_id", "start"] if "start" in cols[n] else ["article_id"])
        tables[n] = df.sort_values(key, kind="stable", ignore_index=True)
    tables["articles"]["published"] = pd.to_datetime(tables["articles"]["published"])
    for n in ("quotes", "entities"):
        for c in ("start", "end"):
            tables[n][c] = tables[n][c].astype("int64")
    for c in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        tables["quotes"][c] = tables["quotes"][c].astype("Int64")
    tables["quotes"]["certainty"] = tables["quotes"]["certainty"].astype("float64")
    return Corpus(**tables)


def _items(paths: str | Path | Iterable[str | Path]) -> list[tuple[str, str]]:
    """(path, article id) for every article file named by `paths`."""
    files = expand_paths(paths)
    return list(zip((str(p) for p in files), article_ids(files)))


def _check_method(method: str) -> str:
    """The sentiment method's canonical name; one clear error for an unknown one."""
    from lib.sentiment import check_method

    return check_method(method)


def _report_warnings(corpus: Corpus) -> None:
    """Re-issue the warning rows (e.g. a guessed encoding) as Python warnings in the calling process."""
    for row in corpus.errors[corpus.errors["level"] == "warning"].itertuples():
        warnings.warn(f"{row.path}: {row.reason}", stacklevel=3)


def analyse(paths: str | Path | Iterable[str | Path], n_process: int = 1, batch_size: int = 16,
            sentiment_method: str = DEFAULT_SENTIMENT, progress: bool = True) -> Corpus:
    """Parse, extract quotes, score certainty and sentiment for many articles; one pipeline per process."""
    sentiment_method = _check_method(sentiment_method)
    items = _items(paths)
    batches = list(_batches(items, batch_size))
    show = progress and not os.environ.get("TQDM_DISABLE")
    bar = tqdm(total=len(items), unit="article", disable=not show, desc="analysing")
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
    corpus = _frames(parts)
    _report_warnings(corpus)
    return corpus


def analyse_dask(paths: str | Path | Iterable[str | Path], client=None, batch_size: int = 16,
                 sentiment_method: str = DEFAULT_SENTIMENT) -> Corpus:
    """The same analysis with dask.bag: runs on a dask.distributed cluster when `client` (or a default client) exists."""
    import dask.bag as db

    sentiment_method = _check_method(sentiment_method)
    items = _items(paths)
    if not items:
        return _frames([])
    bag = db.from_sequence(items, partition_size=batch_size)
    parts = bag.map_partitions(lambda part: [_analyse_batch(list(part), sentiment_method)])
    computed = client.compute(parts).result() if client is not None else parts.compute()
    corpus = _frames(computed)
    _report_warnings(corpus)
    return corpus


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m lib.corpus", description="Analyse a folder (or glob) of news articles into Parquet tables.")
    parser.add_argument("source", help="a folder of .txt files, a glob pattern, or a file")
    parser.add_argument("--out", required=True, type=Path, help="folder for articles/quotes/entities/errors.parquet")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--sentiment", default=DEFAULT_SENTIMENT, help="vader (default, fast), ours, textblob or afinn")
    args = parser.parse_args(argv)
    try:
        method = _check_method(args.sentiment)
        check_output_folder(args.out)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not any(ch in args.source for ch in "*?[") and not Path(args.source).exists():
        print(f"error: {args.source}: no such file or folder", file=sys.stderr)
        return 2
    files = expand_paths(args.source)
    if not files:
        print(f"error: {args.source}: no article files found", file=sys.stderr)
        return 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # warning rows are printed below, once
        corpus = analyse(files, n_process=args.processes, batch_size=args.batch_size, sentiment_method=method)
    try:
        corpus.to_parquet(args.out)
    except OSError as exc:
        print(f"error: {args.out}: could not write the results ({exc}); any previous result there is unchanged", file=sys.stderr)
        return 1
    n_err = int((corpus.errors["level"] == "error").sum())
    print(f"{len(corpus.articles)} articles, {len(corpus.quotes)} quotes, {len(corpus.entities)} entity mentions, "
          f"{n_err} errors, {len(corpus.errors) - n_err} warnings -> {args.out}/")
    for row in corpus.errors.itertuples():
        print(f"{row.level}: {row.path}: {row.reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    from lib.article import exit_cli

    exit_cli(main)
