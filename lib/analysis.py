"""One table per article: every quote with its source type, paragraph, certainty, sentiment and stance.

This is where the stages meet; notebook 05 (charts) and lib/corpus.py build on it.
"""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
from spacy.language import Language

from lib.article import Article
from lib.quotes import Quote, article_quotes, quotes_table
from lib.sentiment import canonical_target, polarity, target_mentions
from lib.stance import Claim, certainty, stance

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
    low = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in words)


def _is_name(speaker: str) -> bool:
    """A person's name: two to five words, each capitalised (particles aside), no article in front."""
    words = speaker.split()
    if not 1 <= len(words) <= 5 or words[0].lower() in ("a", "an", "the", "some", "many"):
        return False
    return all(w[:1].isupper() or w.lower() in ("de", "van", "von", "bin", "al", "da", "del", "la") for w in words)


def source_type(q: Quote) -> str:
    """Sort a quote's source: named expert, official, named person, anonymous or collective, news outlet, state or organisation."""
    w = _source_words()
    speaker = (q.speaker or "").strip()
    if not speaker:
        return "unknown"
    if speaker.lower() in w["news_outlets"] or _has({"times", "news", "post", "journal", "agency", "tv", "media"}, speaker) and _is_name(speaker):
        return "news outlet"
    if canonical_target(speaker) or (_is_name(speaker) and _has(w["official_orgs"] | w["expert_orgs"], speaker)):
        return "state or organisation"
    if not _is_name(speaker):
        return "anonymous or collective"
    if _has(w["expert_roles"], q.role) or _has(w["expert_orgs"], q.org):
        return "named expert"
    if _has(w["official_roles"], q.role) or _has(w["official_orgs"], q.org):
        return "official"
    return "named person"


def quote_frame(article: Article, nlp: Language | None = None, claims: list[Claim] | None = None,
                sentiment_method: str | None = None, quotes: list[Quote] | None = None) -> pd.DataFrame:
    """Every quote of an article with paragraph, words, source type, certainty, sentiment and stance on the first claim."""
    quotes = article_quotes(article, nlp) if quotes is None else quotes
    df = quotes_table(quotes)
    cols = ["cue_lemma", "speaker_start", "speaker_end", "cue_start", "cue_end"]
    for c in cols:
        df[c] = [getattr(q, c) for q in quotes]
    starts = [p.start for p in article.paragraphs]
    df["paragraph"] = [max(0, bisect.bisect_right(starts, q.start) - 1) for q in quotes]
    df["words"] = df["text"].str.split().str.len().fillna(0).astype(int)
    df["source_type"] = [source_type(q) for q in quotes]
    texts = df["text"].tolist()
    df["certainty"] = certainty(texts) if texts else []
    df["sentiment"] = polarity(texts, sentiment_method) if texts else []
    df["claim"] = None
    df["stance"] = None
    df["stance_score"] = 0.0
    if claims and quotes:
        st = stance(quotes, claims[:1], article.text)
        df["claim"] = claims[0].id
        df["stance"] = st["stance"].to_numpy()
        df["stance_score"] = st["score"].to_numpy()
    return df


def mention_frame(quotes: pd.DataFrame, nlp: Language) -> pd.DataFrame:
    """Who talks about whom: speaker, mentioned country or organisation, its type, and how many mentions."""
    rows = []
    for speaker, text in zip(quotes["speaker"], quotes["text"]):
        if not speaker:
            continue
        doc = nlp(text)
        for m in target_mentions(doc):
            rows.append({"speaker": speaker, "mentioned": m.target, "type": "country"})
        for ent in doc.ents:
            if ent.label_ == "ORG" and not canonical_target(ent.text) and not canonical_target(re.sub(r"^the\s+", "", ent.text, flags=re.I)):
                rows.append({"speaker": speaker, "mentioned": re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", ent.text, flags=re.I)), "type": "organisation"})
    df = pd.DataFrame(rows, columns=["speaker", "mentioned", "type"])
    return df.groupby(["speaker", "mentioned", "type"]).size().rename("mentions").reset_index()
