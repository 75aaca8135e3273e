"""One table per article: every quote with its source type, paragraph, certainty, sentiment and stance.

This is where the stages meet; notebooks 05 (charts) and 06 (corpus) and lib/corpus.py build on it.
"""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from lib.article import Article
from lib.claims import Claim
from lib.nlp import load_pipeline, pipe_paragraphs
from lib.quotes import Quote, quotes_from_docs, quotes_table
from lib.stance import FINITE_TAGS
from lib.sentiment import canonical_target, polarity, target_mentions

DATA_DIR = Path(__file__).parent / "data"
SOURCE_TYPES = ("named expert", "official", "named person", "anonymous or collective", "news outlet", "state or organisation", "unknown")


@lru_cache(maxsize=1)
def _source_words() -> dict[str, set[str]]:
    """lib/data/sources.json, lower-cased."""
    data = json.loads((DATA_DIR / "sources.json").read_text(encoding="utf-8"))
    return {k: {w.lower() for w in v} for k, v in data.items() if not k.startswith("_")}


def _has(words: set[str], text: str | None) -> bool:
    """Whether any of the words or phrases occurs in text as whole words."""
    if not text:
        return False
    return _words_re(frozenset(words)).search(text.lower()) is not None


@lru_cache(maxsize=64)
def _words_re(words: frozenset[str]) -> re.Pattern:
    """One compiled pattern for any of the words as a whole word (the alternation backtracks, so any of them matches)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + r")\b")


_CONNECTORS = {"de", "van", "von", "bin", "al", "da", "del", "la", "of", "and", "for", "on", "the", "&"}


def _is_name(speaker: str, most: int = 5) -> bool:
    """A proper name: one to `most` words, capitalised but for particles and connectors inside
    ('Ministry of Science and Technology'), no article in front."""
    words = speaker.split()
    if not 1 <= len(words) <= most or words[0].lower() in ("a", "an", "the", "some", "many"):
        return False
    return words[-1][:1].isupper() and all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words)


def source_type(q: Quote) -> str:
    """Sort a quote's source: named expert, official, named person, anonymous or collective, news outlet, state or organisation."""
    return _source_type((q.speaker or "").strip(), q.role, q.org)


def _source_type(speaker: str, role: str | None, org: str | None) -> str:
    """The source type of a speaker with its role and organisation (see source_type)."""
    w = _source_words()
    if not speaker or speaker.lower() in _PRONOUNS | _RELATIVES:
        return "unknown"  # no speaker, or a pronoun the resolver could not tie to anyone
    if speaker.lower() in w["news_outlets"] or _has({"times", "news", "post", "journal", "agency", "tv", "media"}, speaker) and _is_name(speaker):
        return "news outlet"
    acronym = " " not in speaker and len(speaker) > 1 and speaker.replace(".", "").isupper()  # IUCN, NATO, U.N.
    if canonical_target(speaker) or acronym or (_is_name(speaker, 8) and _has(w["official_orgs"] | w["expert_orgs"], speaker)):
        return "state or organisation"
    first, joined, _ = speaker.partition(" and ")
    if joined and first.strip(", "):  # 'Brazil and Peru', 'Trump and Sanders' speak together: the type of the first named
        return _source_type(first.split(",")[0], None, None)
    if not _is_name(speaker):
        return "anonymous or collective"
    if _has(w["expert_roles"], role) or _has(w["expert_orgs"], org):
        return "named expert"
    if _has(w["official_roles"], role) or _has(w["official_orgs"], org):
        return "official"
    return "named person"


def _finite_hashes(doc: Doc) -> np.ndarray:
    """The string-store hashes of the finite verb tags (FINITE_TAGS), typed like Doc.to_array's."""
    return np.array([doc.vocab.strings[t] for t in FINITE_TAGS], dtype=np.uint64)


def content_clauses(quotes: list[Quote], article: Article, docs: list[Doc]) -> list[bool]:
    """Whether each quote's content is a clause (holds a finite verb), read from the tags the article's parse already
    gave (`docs`, one per paragraph) rather than by tagging every content again."""
    starts = [p.start for p in article.paragraphs]
    finite: dict[int, list[tuple[int, int]]] = {}  # per paragraph, the source offsets of its finite verbs (mapped once)
    out = []
    for q in quotes:
        k = max(0, bisect.bisect_right(starts, q.start) - 1)
        if k not in finite:
            par, doc = article.paragraphs[k], docs[k]
            verbs = np.flatnonzero(np.isin(doc.to_array("TAG"), _finite_hashes(doc)))  # tags read in one pass, not token by token
            finite[k] = [par.span_to_original(doc[i].idx, doc[i].idx + len(doc[i])) for i in verbs]
        out.append(any(q.start <= s and e <= q.end for s, e in finite[k]))
    return out


def quote_frame(article: Article, nlp: Language | None = None, claims: list[Claim] | None = None,
                sentiment_method: str | None = None, quotes: list[Quote] | None = None, docs: list[Doc] | None = None) -> pd.DataFrame:
    """Every quote of an article, indexed by quote id (Q1, Q2, ...), with paragraph, words, source type, certainty,
    sentiment, and, when claims are given, the stance toward the first (main) claim. `docs` are the article's parsed
    paragraphs when the caller has them (with `quotes` found in them); without either, the paragraphs are parsed here."""
    from lib.stance import quote_certainty, stance

    if quotes is None and docs is None:
        docs = list(pipe_paragraphs((p.text for p in article.paragraphs), nlp or load_pipeline()))
    quotes = quotes_from_docs(article, docs) if quotes is None else quotes
    df = quotes_table(quotes)
    for c in ["cue_lemma", "speaker_start", "speaker_end", "cue_start", "cue_end"]:
        df[c] = [getattr(q, c) for q in quotes]
    starts = [p.start for p in article.paragraphs]
    df["paragraph"] = [max(0, bisect.bisect_right(starts, q.start) - 1) for q in quotes]
    df["words"] = df["text"].str.split().str.len().fillna(0).astype(int)
    df["source_type"] = [source_type(q) for q in quotes]
    context = article.kept_text  # the quotes' sentences without boilerplate (a header date, a photo credit)
    clauses = content_clauses(quotes, article, docs) if docs is not None else None
    df["certainty"] = pd.Series(quote_certainty(quotes, context, clauses), index=df.index, dtype="float64")
    df["sentiment"] = pd.Series(polarity(df["text"].tolist(), sentiment_method), index=df.index, dtype="float64")
    if claims:
        st = stance(quotes, claims[:1], context).set_index("quote")
        df["claim"] = claims[0].id
        df["stance"] = st["stance"].reindex(df.index)
        df["stance_probability"] = st["probability"].reindex(df.index).astype("float64")
    return df


def speaker_frame(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker: quotes, words, source type, mean certainty and sentiment, and the stance toward the main
    claim (the single label when all their related quotes agree, 'mixed' when they differ)."""
    cols = ["speaker", "source_type", "quotes", "words", "certainty", "sentiment", "stance"]
    named = quotes[quotes["speaker"].notna()]
    if named.empty:
        return pd.DataFrame(columns=cols)
    out = named.groupby("speaker").agg(
        source_type=("source_type", lambda s: s.value_counts().index[0]), quotes=("text", "size"), words=("words", "sum"),
        certainty=("certainty", "mean"), sentiment=("sentiment", "mean"),
    )
    if "stance" in named.columns:
        out["stance"] = named.groupby("speaker")["stance"].agg(speaker_stance)
    else:
        out["stance"] = None
    return out.reset_index()[cols].sort_values(["words", "speaker"], ascending=[False, True], ignore_index=True)


def combined_stance(labels) -> str:
    """One stance from several quotes' labels: a side taken (supports or doubts) wins over merely reporting; both sides
    taken is 'mixed'; none related is 'unrelated'."""
    related = {x for x in labels if isinstance(x, str) and x != "unrelated"}
    sides = related & {"agree", "disagree"}
    if len(sides) == 2:
        return "mixed"
    if sides:
        return sides.pop()
    return "discuss" if related else "unrelated"


def speaker_stance(labels: pd.Series) -> str:
    """A speaker's stance toward a claim from their quotes' labels (see combined_stance)."""
    return combined_stance(labels.dropna())


def mention_frame(quotes: pd.DataFrame, nlp: Language | None = None) -> pd.DataFrame:
    """Who talks about whom: speaker, the country, international body or organisation their quotes mention (aliases merged), its type, mentions."""
    nlp = nlp or load_pipeline()
    rows = []
    for speaker, doc in zip(quotes["speaker"], nlp.pipe(quotes["text"].tolist())):
        if not speaker or pd.isna(speaker):
            continue
        for m in target_mentions(doc, kinds=("country or international body", "organisation")):
            rows.append({"speaker": speaker, "mentioned": m.target, "type": m.kind})
    df = pd.DataFrame(rows, columns=["speaker", "mentioned", "type"])
    return df.groupby(["speaker", "mentioned", "type"]).size().rename("mentions").reset_index()


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"}


def _strip_article(text: str) -> str:
    """A noun phrase without its leading 'the', 'a' or 'an'."""
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
_RELATIVES = {"who", "which", "that", "whom"}


def resolution_rule(mention: str, speaker: str | None) -> str:
    """Which resolution step turned the mention in the text into the canonical speaker."""
    m, s = mention.strip(), (speaker or "").strip()
    low = m.lower()
    if not s:
        return "unresolved"
    if low in _PRONOUNS:
        return "pronoun → the earlier speaker or subject it stands for"
    if low in _RELATIVES:
        return "relative pronoun → the noun it stands for"
    if m == s or _strip_article(m) == s or m[:1].lower() + m[1:] == s:  # ('An official at ...' is written 'an official at ...')
        return "named in full" if s[:1].isupper() else "description, as written"
    if " " not in m and m in s.split():
        return "surname or given name → the full name named earlier"
    if low.split()[0] in ("the", "a", "an", "this", "that"):
        return "description → an earlier, fuller noun phrase"
    return "mention → canonical form"


def speaker_mentions(quotes: list[Quote], text: str) -> pd.DataFrame:
    """Each distinct (mention in the text, canonical speaker) pair of an article's quotes, with role, organisation and rule."""
    rows = [{"mention in the text": text[q.speaker_start:q.speaker_end], "canonical speaker": q.speaker, "role": q.role, "org": q.org,
             "rule": resolution_rule(text[q.speaker_start:q.speaker_end], q.speaker)}
            for q in quotes if q.speaker_start is not None]
    cols = ["mention in the text", "canonical speaker", "role", "org", "rule"]
    return pd.DataFrame(rows, columns=cols).drop_duplicates(ignore_index=True)


PERSON_TYPES = ("named expert", "official", "named person")


def is_named_person(quotes: pd.DataFrame) -> pd.Series:
    """Whether each quote's source is a named person (a named expert, an official or another named person)."""
    return quotes["source_type"].isin(PERSON_TYPES)


def source_types(table: pd.DataFrame) -> list[str]:
    """source_type for every row of a quotes table (speaker, role and org columns)."""
    from types import SimpleNamespace

    return [source_type(SimpleNamespace(speaker=r.speaker if isinstance(r.speaker, str) else None,
                                        role=r.role if isinstance(r.role, str) else None,
                                        org=r.org if isinstance(r.org, str) else None))
            for r in table[["speaker", "role", "org"]].itertuples()]


def most_quoted(quotes: pd.DataFrame, top: int = 12) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The most quoted named people, and the most quoted organisations (a speaking body, or a named source's organisation),
    across a corpus quotes table: name, quotes, words, articles; most words first."""
    cols = ["name", "quotes", "words", "articles"]

    def table(df: pd.DataFrame, key: pd.Series) -> pd.DataFrame:
        if df.empty:
            return pd.DataFrame(columns=cols)
        g = df.assign(name=key).groupby("name").agg(quotes=("text", "size"), words=("words", "sum"), articles=("article_id", "nunique"))
        return g.reset_index().sort_values(["words", "name"], ascending=[False, True], ignore_index=True).head(top)[cols]

    people = quotes[quotes["source_type"].isin(PERSON_TYPES)]
    bodies = quotes[quotes["source_type"].isin(["state or organisation", "news outlet"])]
    with_org = quotes[quotes["org"].notna() & ~quotes["source_type"].isin(["state or organisation", "news outlet"])]
    orgs = pd.concat([bodies.assign(_n=bodies["speaker"]), with_org.assign(_n=with_org["org"])])
    return table(people, people["speaker"]), table(orgs, orgs["_n"] if len(orgs) else pd.Series(dtype=object))
