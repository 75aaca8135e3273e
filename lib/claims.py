"""Claims an article's quotes can back or doubt: plain sentences, never patterns.

Where an article's claims come from, first match wins:

1. sentences passed in (a notebook's ``CLAIMS`` parameter, ``--claim`` on the command line);
2. a claims file beside the article, ``<stem>.claims.txt``: one claim per line, blank lines and
   lines starting with ``#`` ignored;
3. the article's headline, when it has one;
4. none: an article with no headline and no claims file has no claims, and every stage says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from lib.article import Article, load_article

SUFFIX = ".claims.txt"


@dataclass(frozen=True)
class Claim:
    """A claim as a plain sentence, its short id (C1, C2, ...) and where it came from."""

    id: str
    statement: str
    source: str  # "given", "file", "headline"


def claims_file(article_path: str | Path) -> Path:
    """The claims file that belongs beside an article file: `<folder>/<stem>.claims.txt`."""
    p = Path(article_path)
    return p.with_name(p.stem + SUFFIX)


def is_claims_file(path: str | Path) -> bool:
    """Whether a path names a claims file rather than an article."""
    return Path(path).name.endswith(SUFFIX)


def read_claims_file(path: str | Path) -> list[str]:
    """The claim sentences of a claims file (one per line; blank and '#' lines skipped)."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: no such claims file")
    lines = p.read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _sentences(claims: str | Sequence[str]) -> list[str]:
    """Validate claims given by the caller: a sentence or a list of sentences, each a non-empty string."""
    items = [claims] if isinstance(claims, str) else list(claims)
    out = []
    for i, c in enumerate(items):
        if not isinstance(c, str):
            raise TypeError(f"claim {i + 1}: expected a sentence (str), got {type(c).__name__}: {c!r}")
        if c.strip():
            out.append(" ".join(c.split()))
    return out


def load_claims(article: Article | str | Path, claims: str | Sequence[str] | None = None) -> list[Claim]:
    """The claims for an article: the given sentences, else its claims file, else its headline, else none."""
    if claims:
        return _numbered(_sentences(claims), "given")
    if isinstance(article, Article):
        path, parsed = (Path(article.source) if article.source else None), article
    else:
        path, parsed = Path(article), None
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such article file")
    if path is not None and claims_file(path).is_file():
        return _numbered(read_claims_file(claims_file(path)), "file")
    parsed = parsed or load_article(path)
    return _numbered([parsed.title] if parsed.title else [], "headline")


def _numbered(sentences: list[str], source: str) -> list[Claim]:
    """Claims C1, C2, ... in order."""
    return [Claim(f"C{i}", s, source) for i, s in enumerate(sentences, 1)]


def describe(claims: list[Claim]) -> str:
    """One sentence saying where the claims came from (or that there are none), for notebooks and reports."""
    if not claims:
        return ("This article has no headline and no claims file, so there is no claim to take a stance on: "
                f"write one claim per line in `<article>{SUFFIX}` beside it, or pass `CLAIMS`.")
    where = {"given": "given as a parameter", "file": f"read from the article's `{SUFFIX}` file",
             "headline": "the article's headline (no claims file was found)"}[claims[0].source]
    n = len(claims)
    return f"{n} claim{'s' if n != 1 else ''}, {where}."
