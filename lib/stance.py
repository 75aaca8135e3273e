"""How certain a quote sounds, and whether it agrees with, disagrees with, discusses or is unrelated to a claim.

Certainty: hedges and boosters from lib/data/hedges.json (with negation scope, first-person
framing, conditionals and reporting verbs), mapped to the 1-6 scale of Pei and Jurgens (2021) by a ridge
regression fitted on ../shared/data/certainty (train rows) and stored in lib/data/certainty_model.json.

Claim stance: a two-stage model fitted on the FNC-1 training pairs (../shared/data/stance), stored in
lib/data/claim_stance_model.npz, and for quotes a small layer over it fitted on hand-labelled PolNeAR train
quotes (lib/data/claim_stance_quotes.json).

    python -m lib.stance train [DATA.jsonl]                       refit the certainty mapping on the train rows
    python -m lib.stance train-claims                             refit the stance models (FNC-1, then the quote layer)
    python -m lib.stance train-quotes                             refit only the quote layer (hand-labelled PolNeAR train quotes)
    python -m lib.stance fnc1 BODIES.csv STANCES.csv --out PRED.csv   predict FNC-1 format pairs (scores if labelled)
    python -m lib.stance quotes FILE... [--claim SENTENCE]...     stance of every quote toward each claim, as JSON lines
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from lib.claims import Claim  # noqa: F401  (re-exported: claims are plain sentences, see lib/claims.py)

if TYPE_CHECKING:
    import pandas as pd

DATA_DIR = Path(__file__).parent / "data"
MODEL_PATH = DATA_DIR / "certainty_model.json"
DEFAULT_TRAIN = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "certainty" / "sentence_level_certainty_train_val.jsonl"
_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|n['’]t|\d+(?:[.,]\d+)*%?|[^\sA-Za-z\d]")
NEGATION_WINDOW = 3


@dataclass(frozen=True)
class CertaintyCue:
    """A hedge or booster found in a text: the words, their category, the sign after negation, and the span."""

    text: str
    category: str
    sign: int
    start: int
    end: int
    negated: bool = False


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The hedge and booster lexicon: phrase tuples -> (category, sign), plus negators, conditionals, first person."""
    data = json.loads((DATA_DIR / "hedges.json").read_text(encoding="utf-8"))
    phrases: dict[tuple[str, ...], tuple[str, int]] = {}
    for cat, spec in data["categories"].items():
        for item in spec["items"]:
            phrases[tuple(_words(item))] = (cat, int(spec["sign"]))
    return {
        "phrases": phrases,
        "max_len": max(len(p) for p in phrases),
        "negators": set(data["negators"]),
        "conditionals": {tuple(_words(c)) for c in data["conditionals"]},
        "first_person": set(data["first_person"]),
        "first_words": {p[0] for p in phrases} | {_words(c)[0] for c in data["conditionals"]},  # where a cue can start
    }


def _words(text: str) -> list[str]:
    """Lower-cased word tokens of a lexicon item."""
    return [t.lower().replace("’", "'") for t in _TOKEN_RE.findall(text)]


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(lower-cased token, start, end) for a text."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def certainty_cues(text: str) -> list[CertaintyCue]:
    """The hedges, boosters, conditionals and first-person frames in a text, with negation applied."""
    lex = lexicon()
    toks = _tokens(text)
    cues: list[CertaintyCue] = []
    used: set[int] = set()
    words = [t for t, _, _ in toks]
    i = 0
    while i < len(toks):
        match = None
        if words[i] not in lex["first_words"]:
            i += 1
            continue
        for n in range(min(lex["max_len"], len(toks) - i), 0, -1):
            key = tuple(words[i : i + n])
            if key in lex["phrases"]:
                match = (n, *lex["phrases"][key])
                break
            if key in lex["conditionals"]:
                match = (n, "conditional", -1)
                break
        if match is None:
            i += 1
            continue
        n, cat, sign = match
        start, end = toks[i][1], toks[i + n - 1][2]
        window = [k for k in range(max(0, i - NEGATION_WINDOW), i) if k not in used and toks[k][0] in lex["negators"]]
        # a negator before a modal does not negate it ('little Pyongyang could offer'); modals are negated after ('could not')
        negated = bool(window) and cat not in ("conditional", "modal")
        if cat == "epistemic verb" and i > 0 and toks[i - 1][0] in lex["first_person"]:
            cat = "first person"
            start = toks[i - 1][1]
        cues.append(CertaintyCue(text[start:end], cat, -sign if negated else sign, start, end, negated))
        used.update(range(i, i + n))
        i += n
    return cues


FEATURES = ("modal", "epistemic verb", "likelihood", "approximator", "booster", "first person", "conditional", "negated", "number", "log length")


def features(text: str) -> list[float]:
    """The regression features of a text: signed cue counts per category, negations, numbers and length."""
    cues = certainty_cues(text)
    counts = dict.fromkeys(FEATURES, 0.0)
    for c in cues:
        counts[c.category] += -1.0 if c.negated else 1.0
        counts["negated"] += c.negated
    toks = _tokens(text)
    counts["number"] = float(sum(1 for t, _, _ in toks if t[0].isdigit()))
    counts["log length"] = math.log1p(sum(1 for t, _, _ in toks if t[0].isalnum()))
    return [counts[f] for f in FEATURES]


def item_counts(text: str) -> dict[str, float]:
    """Each cue item's count in a text (negated cues count -1), for the per-word weights of the model."""
    counts: dict[str, float] = {}
    for c in certainty_cues(text):
        key = c.text.lower().replace("’", "'")
        counts[key] = counts.get(key, 0.0) + (-1.0 if c.negated else 1.0)
    return counts


@lru_cache(maxsize=1)
def _model() -> dict:
    """The fitted certainty mapping (lib/data/certainty_model.json)."""
    if not MODEL_PATH.exists():
        raise FileNotFoundError(f"{MODEL_PATH.name} is missing: run `python -m lib.stance train` to fit it")
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def _check_texts(texts, what: str = "text") -> list[str]:
    """The texts as a list, or one clear TypeError naming the first item that is not a string (lib.sentiment.check_texts)."""
    from lib.sentiment import check_texts

    return check_texts(texts, what)


def _score(text: str) -> float:
    """The fitted mapping applied to one text (no check for evidence)."""
    m = _model()
    y = m["intercept"] + sum(w * (v - mu) / sd for w, v, mu, sd in zip(m["coef"], features(text), m["mean"], m["scale"]))
    y += sum(m["items"].get(k, 0.0) * v for k, v in item_counts(text).items())
    return float(min(6.0, max(1.0, y)))


def certainty(texts: list[str]) -> list[float]:
    """Certainty of each sentence on the 1-6 scale of Pei and Jurgens (1 very uncertain, 6 very certain); NaN for a text with no words."""
    return [_score(t) if _TOKEN_RE.search(t) and any(ch.isalnum() for ch in t) else math.nan for t in _check_texts(texts)]


@lru_cache(maxsize=1)
def _clause_parser():
    """The project's spaCy pipeline, used to tell a clause (an assertion) from a fragment."""
    from lib.nlp import load_pipeline

    return load_pipeline()


FINITE_TAGS = ("VBD", "VBP", "VBZ", "MD")  # past, present, third-person present, modal: a verb that makes a clause


def is_assertion(texts: list[str]) -> list[bool]:
    """Whether each text is a clause that asserts something (it has a finite verb), not a noun phrase or fragment.

    Only spaCy's tagger runs (not the parser), on each text alone; where the article's parse is at hand, its tags
    are read instead (lib.analysis.content_clauses), as the corpus run and quote_frame do.
    """
    items = _check_texts(texts)
    nlp = _clause_parser()
    with nlp.select_pipes(disable=[p for p in ("parser", "ner", "lemmatizer", "attribute_ruler") if p in nlp.pipe_names]):
        return [any(t.tag_ in FINITE_TAGS for t in doc) for doc in nlp.pipe(items)]


def quote_certainty(quotes: list, text: str, clauses: list[bool] | None = None) -> list[float]:
    """Certainty of each quote: a clause is scored with its reporting cue; a fragment from the sentence that carries it (cue included), or NaN when that sentence has no certainty cue.

    `clauses` says which quotes are clauses when the caller already has the article's parse (lib.analysis.content_clauses);
    without it, the tagger runs on each quote's content alone (is_assertion)."""
    if isinstance(quotes, (str, bytes)):
        raise TypeError("quote_certainty() takes a list of lib.quotes.Quote objects and the article text")
    quotes = list(quotes)
    _check_quotes(quotes, text)
    contexts = [quote_context(q, text) for q in quotes]
    if clauses is not None and len(clauses) != len(quotes):
        raise ValueError(f"quote_certainty(): {len(clauses)} clause flags for {len(quotes)} quotes")
    clauses = is_assertion([c.content for c in contexts]) if clauses is None else clauses
    out = []
    for q, ctx, clause in zip(quotes, contexts, clauses):
        cue = (getattr(q, "cue", None) or "").strip()
        if clause:
            out.append(certainty([f"{cue} {ctx.content}".strip()])[0])
        elif certainty_cues(ctx.sentence):
            out.append(certainty([ctx.sentence])[0])
        else:
            out.append(math.nan)
    return out


def cue_weights() -> "pd.DataFrame":
    """Every lexicon cue with its category and its total effect on the score (category weight per use plus the cue's own weight), most certain first."""
    import pandas as pd

    m = _model()
    per_use = {f: w / sd for f, w, sd in zip(m["features"], m["coef"], m["scale"])}
    data = json.loads((DATA_DIR / "hedges.json").read_text(encoding="utf-8"))
    rows = []
    for cat, spec in data["categories"].items():
        for item in spec["items"]:
            key = " ".join(_words(item))
            own = m["items"].get(key, 0.0)
            rows.append({"cue": item, "category": cat, "category weight": per_use.get(cat, 0.0), "cue weight": own,
                         "total effect": per_use.get(cat, 0.0) + own, "fitted": key in m["items"]})
    table = pd.DataFrame(rows, columns=["cue", "category", "category weight", "cue weight", "total effect", "fitted"])
    return table.sort_values("total effect", ascending=False, kind="stable").reset_index(drop=True)


def fit_certainty(path: Path = DEFAULT_TRAIN, alpha: float = 3.0, min_count: int = 3) -> dict:
    """Fit the ridge mapping from cue features (categories plus one weight per frequent cue) on the train rows."""
    import numpy as np
    from sklearn.linear_model import Ridge
    from sklearn.preprocessing import StandardScaler

    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    train = [r for r in rows if r.get("split", "train") == "train"]
    if not train:
        raise ValueError(f"{path}: no train rows")
    texts = [r["finding"] for r in train]
    y = np.array([float(r["sentence-level-certainty"]) for r in train])
    X = np.array([features(t) for t in texts])
    per_item = [item_counts(t) for t in texts]
    seen: dict[str, int] = {}
    for d in per_item:
        for k in d:
            seen[k] = seen.get(k, 0) + 1
    items = sorted(k for k, n in seen.items() if n >= min_count)
    I = np.array([[d.get(k, 0.0) for k in items] for d in per_item])
    scaler = StandardScaler().fit(X)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    reg = Ridge(alpha=alpha).fit(np.hstack([(X - scaler.mean_) / scale, I]), y)
    n = len(FEATURES)
    return {
        "_about": f"Ridge regression (alpha={alpha}) from lib.stance.features (standardised) and per-cue counts (cues seen in at least {min_count} train sentences) to the Pei and Jurgens (2021) certainty scale, fitted on the {len(train)} train rows of {Path(path).name} by `python -m lib.stance train`; alpha and min_count chosen by 5-fold cross-validation on the train rows. The data is MIT-licensed (Jiaxin-Pei/Certainty-in-Science-Communication).",
        "features": list(FEATURES),
        "intercept": round(float(reg.intercept_), 6),
        "coef": [round(float(c), 6) for c in reg.coef_[:n]],
        "mean": [round(float(m), 6) for m in scaler.mean_],
        "scale": [round(float(s), 6) for s in scale],
        "items": {k: round(float(w), 6) for k, w in zip(items, reg.coef_[n:])},
    }


def cue_markup(text: str) -> dict:
    """Manual displaCy 'ent' data marking a text's hedges and boosters (labels HEDGE, BOOSTER, with the category)."""
    ents = []
    for c in certainty_cues(text):
        label = ("BOOSTER" if c.sign > 0 else "HEDGE") + f" ({c.category}{', negated' if c.negated else ''})"
        ents.append({"start": c.start, "end": c.end, "label": label})
    return {"text": text, "ents": ents, "title": None}


def cue_colors(markups: list[dict]) -> dict[str, str]:
    """displaCy colours for the labels of cue_markup: orange shades for hedges, blue for boosters (colour-blind safe)."""
    labels = {e["label"] for m in markups for e in m["ents"]}
    return {lab: ("#56B4E9" if lab.startswith("BOOSTER") else "#E69F00") for lab in labels}


# ----------------------------------------------------------------------------- claim stance

STANCES = ("agree", "disagree", "discuss", "unrelated")
STANCE_LABELS = {"agree": "supports", "disagree": "doubts or denies", "discuss": "reports without taking a side", "unrelated": "not about it"}
STANCE_MODEL_PATH = DATA_DIR / "claim_stance_model.npz"
FNC_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "stance"
CACHE_DIR = Path(__file__).resolve().parent.parent / "out" / "stance-cache"
STANCE_COLUMNS = ["quote", "speaker", "claim", "statement", "stance", "probability", "p_agree", "p_disagree", "p_discuss",
                  "p_unrelated", "evidence", "text"]
TOP_K = 3  # body sentences most like the claim that the stance stage reads
STANCE_HIDDEN, STANCE_ALPHA, STANCE_MEMBERS = (32,), 1e-2, 5  # the stance stage: five small MLPs, averaged
WORD_GROUPS = ("refuting", "hedging", "confirming", "denial cues", "doubt cues", "tentative cues", "assertive cues")
REL_FEATURES = ("tfidf cosine", "best sentence similarity", "top-3 similarity", "body similarity", "claim words in body",
                "claim words in the first sentences", "claim words in the best sentence", "claim bigrams in body",
                "claim names and numbers in body", "log sentences")
LEX_FEATURES = tuple(f"{g} in top sentences" for g in WORD_GROUPS) + tuple(f"{g} per body sentence" for g in WORD_GROUPS) + (
    "refuting in claim", "hedging in claim", "question in claim", "question in top sentences",
    "negation near claim words in top sentences", "negation near claim words per body sentence",
    "refuting in best sentence", "hedging in best sentence", "denial cues in best sentence",
    "refuting near claim words in top sentences", "claim sentiment", "top sentences sentiment", "sentiment product")

_SENT_SPLIT = re.compile(r'(?<=[.!?])["”’\')]*\s+(?=["“‘\'(]?[A-Z0-9])|\s*\n\s*')
_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*")
_NAME_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z]+|\b\d[\d.,]*")


def split_sentences(text: str) -> list[str]:
    """A text's sentences (split after . ! ? before a capital or digit, and at line breaks)."""
    return [p.strip() for p in _SENT_SPLIT.split(text) if p and p.strip()]


@lru_cache(maxsize=1)
def _stemmer():
    """NLTK's Porter stemmer (pure Python, no data download)."""
    from nltk.stem import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """The Porter stem of a lower-cased word."""
    return _stemmer().stem(word)


@lru_cache(maxsize=400_000)
def _stems(text: str) -> tuple[str, ...]:
    """Porter stems of a text's lower-cased words ("n't" kept as a word)."""
    out: list[str] = []
    for w in _WORD_RE.findall(text.lower().replace("’", "'")):
        if w.endswith("n't") and len(w) > 3:
            out += [_stem(w[:-3]), "n't"]
        else:
            out.append(_stem(w))
    return tuple(out)


@lru_cache(maxsize=1)
def _stopstems() -> frozenset[str]:
    """Stems of scikit-learn's English stop words (not content words)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(_stem(w) for w in ENGLISH_STOP_WORDS) | {"n't", "s", "said", "say"}


@lru_cache(maxsize=1)
def stance_words() -> dict[str, frozenset[tuple[str, ...]]]:
    """The word groups of lib/data/stance_words.json as sets of stem tuples."""
    data = json.loads((DATA_DIR / "stance_words.json").read_text(encoding="utf-8"))
    return {k: frozenset(tuple(_stems(item)) for item in v) for k, v in data.items() if not k.startswith("_")}


def _matches(stems: list[str], items: frozenset[tuple[str, ...]]) -> list[int]:
    """Start positions of every item (a stem tuple) in a stem list."""
    lens = {len(i) for i in items}
    return [j for j in range(len(stems)) for n in lens if tuple(stems[j : j + n]) in items]


def _content(stems: tuple[str, ...] | list[str]) -> list[str]:
    """The content stems of a stem list (stop words and one-letter words dropped)."""
    stop = _stopstems()
    return [s for s in stems if s not in stop and len(s) > 1]


def _negated_claim_words(stems: list[str], claim: set[str], window: int = 3) -> int:
    """How many claim words have a negator within `window` words before them."""
    neg = {i[0] for i in stance_words()["negators"]}
    return sum(1 for j, s in enumerate(stems) if s in claim and any(t in neg for t in stems[max(0, j - window) : j]))


def _near_claim_words(stems: list[str], claim: set[str], items: frozenset[tuple[str, ...]], window: int = 5) -> int:
    """How many matches of a word group fall within `window` words of a claim word."""
    at = [j for j, s in enumerate(stems) if s in claim]
    return sum(1 for j in _matches(stems, items) if any(abs(j - k) <= window for k in at))


@lru_cache(maxsize=100_000)
def _polarity(text: str) -> float:
    """VADER's compound polarity of a text (-1..1)."""
    from lib.sentiment import _vader

    return float(_vader().polarity_scores(text)["compound"])


def _names(text: str) -> set[str]:
    """Capitalised words not at a sentence start, and numbers, lower-cased: a cheap stand-in for named entities."""
    return {m.group().lower().rstrip(".,") for m in _NAME_RE.finditer(text)}


@dataclass(frozen=True)
class PairFeatures:
    """The features of one claim and one body (or quote): relatedness, lexical stance cues, and the best sentences."""

    related: tuple[float, ...]
    lexical: tuple[float, ...]
    top: tuple[int, ...]  # indices of the body sentences most like the claim, best first


def _cos(a, b) -> float:
    """Cosine of two vectors (0 when either is zero)."""
    import numpy as np

    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b / (na * nb)) if na > 0 and nb > 0 else 0.0


def pair_features(claim: str, sentences: list[str], claim_emb, sent_embs, tfidf_cos: float) -> PairFeatures:
    """Relatedness and lexical features of a claim against body sentences (embeddings given, unit length)."""
    import numpy as np

    words = stance_words()
    sims = sent_embs @ claim_emb if len(sentences) else np.zeros(0)
    order = [int(i) for i in np.argsort(-sims)] if len(sentences) else []
    top = order[:TOP_K]
    c_stems = _stems(claim)
    c_content = set(_content(c_stems))
    c_bigrams = {b for b in zip(c_stems, c_stems[1:]) if not set(b) <= _stopstems()}
    s_stems = [_stems(s) for s in sentences]
    body_stems = [s for ss in s_stems for s in ss]
    body_set = set(body_stems)
    first_set = {s for ss in s_stems[:2] for s in ss}
    body_bigrams = {b for ss in s_stems for b in zip(ss, ss[1:])}
    n_c = max(1, len(c_content))
    best_overlap = max((len(c_content & set(ss)) / n_c for ss in s_stems), default=0.0)
    c_names = _names(claim)
    body_lower = " ".join(sentences).lower()
    mean_emb = sent_embs.mean(axis=0) if len(sentences) else np.zeros_like(claim_emb)
    related = (
        tfidf_cos,
        float(sims[order[0]]) if order else 0.0,
        float(np.mean(sims[top])) if top else 0.0,
        _cos(claim_emb, mean_emb),
        len(c_content & body_set) / n_c,
        len(c_content & first_set) / n_c,
        best_overlap,
        len(c_bigrams & body_bigrams) / max(1, len(c_bigrams)),
        (sum(1 for n in c_names if n in body_lower) / len(c_names)) if c_names else 0.0,
        math.log1p(len(sentences)),
    )
    top_stems = [s for j in top for s in s_stems[j]]
    n_sent = max(1, len(sentences))
    c_pol = _polarity(claim)
    t_pol = sum(_polarity(sentences[j]) for j in top) / len(top) if top else 0.0
    lexical = (
        *[float(len(_matches(top_stems, words[g]))) for g in WORD_GROUPS],
        *[len(_matches(body_stems, words[g])) / n_sent for g in WORD_GROUPS],
        float(len(_matches(c_stems, words["refuting"]))),
        float(len(_matches(c_stems, words["hedging"]))),
        float("?" in claim),
        float(sum("?" in sentences[j] for j in top)),
        float(_negated_claim_words(top_stems, c_content)),
        sum(_negated_claim_words(ss, c_content) for ss in s_stems) / n_sent,
        *[float(len(_matches(s_stems[top[0]] if top else [], words[g]))) for g in ("refuting", "hedging", "denial cues")],
        float(_near_claim_words(top_stems, c_content, words["refuting"])),
        c_pol, t_pol, c_pol * t_pol,
    )
    return PairFeatures(tuple(float(x) for x in related), tuple(float(x) for x in lexical), tuple(top))


# ----------------------------------------------------------------------------- embeddings, tf-idf and the fitted model

def _unit(m):
    """Rows scaled to unit length (zero rows stay zero)."""
    import numpy as np

    n = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(n > 0, n, 1.0)


def embed_texts(texts: list[str], cache: Path | None = None, progress: bool = False) -> dict[str, "np.ndarray"]:
    """Unit-length MiniLM embeddings of the distinct texts, reusing (and extending) an optional .npz cache."""
    import numpy as np

    from lib.sentiment import embed

    wanted = list(dict.fromkeys(texts))
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        with np.load(cache) as z:
            known = dict(zip(z["texts"].tolist(), z["emb"]))
    missing = [t for t in wanted if t not in known]
    if missing:
        vecs = _unit(embed(missing, progress=progress).astype(np.float32))
        known.update(zip(missing, vecs))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            keys = list(known)
            np.savez(cache, texts=np.array(keys, dtype=str), emb=np.stack([known[k] for k in keys]).astype(np.float32))
    return {t: known[t] for t in wanted}


@lru_cache(maxsize=1)
def _analyzer():
    """The word analyzer of the TF-IDF vectors (scikit-learn's, English stop words removed)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", sublinear_tf=True).build_analyzer()


def _tfidf_matrix(texts: list[str], vocab: dict[str, int], idf) -> "scipy.sparse.csr_matrix":
    """Unit-length sublinear TF-IDF rows for texts, with a fitted vocabulary and idf."""
    import numpy as np
    from scipy import sparse

    rows, cols, vals = [], [], []
    an = _analyzer()
    for r, t in enumerate(texts):
        counts: dict[int, int] = {}
        for w in an(t):
            j = vocab.get(w)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if counts:
            js = np.fromiter(counts, dtype=np.int64)
            v = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * idf[js]
            v /= np.linalg.norm(v)
            rows += [r] * len(js)
            cols += js.tolist()
            vals += v.tolist()
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))


def _fit_tfidf(texts: list[str], max_features: int = 10000) -> tuple[dict[str, int], "np.ndarray"]:
    """A TF-IDF vocabulary and idf fitted on texts (words in at least 3 of them)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=3, max_features=max_features).fit(texts)
    return {w: int(i) for w, i in vec.vocabulary_.items()}, vec.idf_


@dataclass(frozen=True)
class PairSet:
    """Claims and bodies (as sentence lists) with the pairs to score: (claim index, body index)."""

    claims: list[str]
    bodies: list[list[str]]
    pairs: list[tuple[int, int]]


def featurize(data: PairSet, vocab: dict[str, int], idf, cache: Path | None = None, progress: bool = False):
    """The stage-1 (relatedness) and stage-2 (stance) feature matrices of every pair, and each pair's top sentences."""
    import numpy as np

    texts = data.claims + [s for b in data.bodies for s in b]
    emb = embed_texts(texts, cache, progress)
    c_emb = np.stack([emb[c] for c in data.claims]) if data.claims else np.zeros((0, 384), np.float32)
    b_embs = [np.stack([emb[s] for s in b]) if b else np.zeros((0, 384), np.float32) for b in data.bodies]
    c_tf = _tfidf_matrix(data.claims, vocab, idf)
    b_tf = _tfidf_matrix([" ".join(b) for b in data.bodies], vocab, idf)
    rel, stance_x, tops = [], [], []
    for ci, bi in data.pairs:
        tf = float(c_tf[ci].multiply(b_tf[bi]).sum())
        f = pair_features(data.claims[ci], data.bodies[bi], c_emb[ci], b_embs[bi], tf)
        rel.append(f.related)
        stance_x.append(f.lexical + f.related)
        tops.append(f.top)
    n_stance = len(LEX_FEATURES) + len(REL_FEATURES)
    return (np.array(rel, dtype=np.float64).reshape(-1, len(REL_FEATURES)),
            np.array(stance_x, dtype=np.float64).reshape(-1, n_stance), tops)


def _mlp_forward(x, layers: list[tuple]) -> "np.ndarray":
    """Class probabilities from a scikit-learn MLP's weights (ReLU hidden layers, softmax or logistic output)."""
    import numpy as np

    h = x
    for w, b in layers[:-1]:
        h = np.maximum(h @ w + b, 0.0)
    w, b = layers[-1]
    z = h @ w + b
    if z.shape[1] == 1:
        p = 1.0 / (1.0 + np.exp(-z[:, 0]))
        return np.column_stack([1.0 - p, p])
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class StanceModel:
    """A fitted two-stage stance model: TF-IDF vocabulary, scalers, MLP layers and class weights."""

    vocab: dict
    idf: "np.ndarray"
    rel_mean: "np.ndarray"
    rel_scale: "np.ndarray"
    rel_layers: tuple
    st_mean: "np.ndarray"
    st_scale: "np.ndarray"
    st_layers: tuple  # one tuple of layers per ensemble member
    st_weights: "np.ndarray"  # multiplies agree, disagree, discuss probabilities before renormalising

    def predict_proba(self, rel_x, stance_x) -> "np.ndarray":
        """p(agree), p(disagree), p(discuss), p(unrelated) for feature rows."""
        import numpy as np

        if len(rel_x) == 0:
            return np.zeros((0, 4))
        p_rel = _mlp_forward((rel_x - self.rel_mean) / self.rel_scale, list(self.rel_layers))[:, 1]
        z = (stance_x - self.st_mean) / self.st_scale
        p2 = np.mean([_mlp_forward(z, list(member)) for member in self.st_layers], axis=0) * self.st_weights
        p2 /= p2.sum(axis=1, keepdims=True)
        return np.column_stack([p2 * p_rel[:, None], 1.0 - p_rel])


def _save_model(models: dict[str, StanceModel], about: str, report: dict, path: Path = STANCE_MODEL_PATH) -> None:
    """Write fitted models (by name) to one compressed .npz of arrays, with the _about text and dev report."""
    import numpy as np

    arrays = {"_about": np.array(about), "_report": np.array(json.dumps(report))}
    for name, m in models.items():
        words = sorted(m.vocab, key=m.vocab.get)
        arrays[f"{name}/vocab"] = np.array(words, dtype=str)
        arrays[f"{name}/idf"] = m.idf.astype(np.float32)
        for part in ("rel", "st"):
            arrays[f"{name}/{part}_mean"] = getattr(m, f"{part}_mean").astype(np.float32)
            arrays[f"{name}/{part}_scale"] = getattr(m, f"{part}_scale").astype(np.float32)
        members = {"rel": [m.rel_layers]} | {f"st{e}": [layers] for e, layers in enumerate(m.st_layers)}
        for part, (layers,) in members.items():
            for k, (w, b) in enumerate(layers):
                arrays[f"{name}/{part}_w{k}"] = w.astype(np.float32)
                arrays[f"{name}/{part}_b{k}"] = b.astype(np.float32)
        arrays[f"{name}/st_weights"] = m.st_weights.astype(np.float32)
    np.savez_compressed(path, **arrays)


@lru_cache(maxsize=4)
def load_stance_model(name: str = "all", path: Path = STANCE_MODEL_PATH) -> StanceModel:
    """A fitted stance model from lib/data/claim_stance_model.npz: 'all' (every FNC-1 train pair) or 'dev' (80% split)."""
    import numpy as np

    if not path.exists():
        raise FileNotFoundError(f"{path.name} is missing: run `python -m lib.stance train-claims` to fit it")
    with np.load(path) as z:
        if f"{name}/idf" not in z:
            raise KeyError(f"{path.name} has no model called {name!r}")
        get = lambda k: z[f"{name}/{k}"].astype(np.float64)  # noqa: E731

        def layers(part: str) -> tuple:
            n = sum(1 for k in z.files if k.startswith(f"{name}/{part}_w"))
            return tuple((get(f"{part}_w{k}"), get(f"{part}_b{k}")) for k in range(n))

        vocab = {w: i for i, w in enumerate(z[f"{name}/vocab"].tolist())}
        n_members = len({m.group(1) for k in z.files for m in [re.match(rf"{re.escape(name)}/st(\d+)_w", k)] if m})
        return StanceModel(vocab, get("idf"), get("rel_mean"), get("rel_scale"), layers("rel"), get("st_mean"),
                           get("st_scale"), tuple(layers(f"st{e}") for e in range(n_members)), get("st_weights"))


def model_info(path: Path = STANCE_MODEL_PATH) -> dict:
    """The committed model's _about text and the development report saved with it."""
    import numpy as np

    with np.load(path) as z:
        return {"about": str(z["_about"]), "report": json.loads(str(z["_report"]))}


# ----------------------------------------------------------------------------- FNC-1 data and fitting

def read_fnc(bodies_csv: str | Path, stances_csv: str | Path) -> tuple[dict[str, str], list[dict]]:
    """FNC-1 files: {Body ID: articleBody} and the stance rows (Headline, Body ID[, Stance]) in file order."""
    import csv

    csv.field_size_limit(1 << 30)
    out = []
    for path, need in ((bodies_csv, ("Body ID", "articleBody")), (stances_csv, ("Headline", "Body ID"))):
        p = Path(path)
        if not p.is_file():
            raise FileNotFoundError(f"{p}: no such file")
        try:
            with p.open(encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                missing = [c for c in need if c not in (reader.fieldnames or [])]
                if missing:
                    raise ValueError(f"{p}: expected columns {', '.join(need)}; missing {', '.join(missing)}")
                out.append(list(reader))
        except UnicodeDecodeError as exc:
            raise ValueError(f"{p}: not UTF-8 text (byte {exc.start}); FNC-1 files are UTF-8 CSV") from None
        except csv.Error as exc:
            raise ValueError(f"{p}: not a readable CSV file ({exc})") from None
    bodies = {r["Body ID"].strip(): r["articleBody"] for r in out[0]}
    for i, r in enumerate(out[1], 2):
        if r["Body ID"].strip() not in bodies:
            raise ValueError(f"{stances_csv}:{i}: Body ID {r['Body ID']!r} is not in {bodies_csv}")
        if r.get("Stance") not in (None, "") and r["Stance"] not in STANCES:
            raise ValueError(f"{stances_csv}:{i}: unknown Stance {r['Stance']!r} (expected one of {', '.join(STANCES)})")
    return bodies, out[1]


def body_groups(rows: list[dict]) -> dict[str, int]:
    """Each Body ID's group: bodies joined by a related headline share a group (one story), so a split by group is by Body ID and by story."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in rows:
        b = "b:" + r["Body ID"].strip()
        find(b)
        if r.get("Stance") and r["Stance"] != "unrelated":
            parent[find(b)] = find("h:" + r["Headline"])
    roots: dict[str, int] = {}
    return {k[2:]: roots.setdefault(find(k), len(roots)) for k in list(parent) if k.startswith("b:")}


def dev_split(rows: list[dict], fraction: float = 0.2, seed: int = 2017, tries: int = 50) -> set[str]:
    """The Body IDs of a development part: whole story groups, about `fraction` of the bodies, label mix closest to the whole file.

    Groups are drawn in random orders (seeds `seed`, `seed`+1, ...); of `tries` draws the one whose related-label
    shares (agree, disagree, discuss, unrelated) are closest to the whole file's is kept: stratified, fixed, and
    chosen from the labels only, never from a model's results.
    """
    import numpy as np

    groups = body_groups(rows)
    members: dict[int, list[str]] = {}
    for b, g in groups.items():
        members.setdefault(g, []).append(b)
    labels = [(r["Body ID"].strip(), r.get("Stance") or "") for r in rows]

    def shares(ids: set[str] | None) -> "np.ndarray":
        c = np.array([sum(1 for b, s in labels if s == lab and (ids is None or b in ids)) for lab in STANCES], float)
        return c / max(1.0, c.sum())

    whole = shares(None)
    best: tuple[float, set[str]] | None = None
    for k in range(tries):
        dev: set[str] = set()
        for g in np.random.default_rng(seed + k).permutation(sorted(members)):
            if len(dev) >= fraction * len(groups):
                break
            dev.update(members[int(g)])
        gap = float(np.abs(shares(dev) - whole).sum())
        if best is None or gap < best[0]:
            best = (gap, dev)
    return best[1]


def pair_set(bodies: dict[str, str], rows: list[dict]) -> PairSet:
    """The distinct headlines and bodies (split into sentences) of FNC-1 rows, and each row's pair."""
    claims: dict[str, int] = {}
    body_ids: dict[str, int] = {}
    pairs = []
    for r in rows:
        h, b = r["Headline"], r["Body ID"].strip()
        pairs.append((claims.setdefault(h, len(claims)), body_ids.setdefault(b, len(body_ids))))
    return PairSet(list(claims), [split_sentences(bodies[b]) or [""] for b in body_ids], pairs)


def _standardise(x) -> tuple["np.ndarray", "np.ndarray"]:
    """Column means and scales (1 where a column is constant)."""
    import numpy as np

    scale = x.std(axis=0)
    return x.mean(axis=0), np.where(scale > 1e-9, scale, 1.0)


def _fit_mlp(x, y, hidden: tuple[int, ...], alpha: float, seed: int = 0) -> tuple[tuple, list]:
    """A scikit-learn MLP on (already standardised) features; returns (layers, classes)."""
    from sklearn.neural_network import MLPClassifier

    clf = MLPClassifier(hidden_layer_sizes=hidden, alpha=alpha, early_stopping=True, validation_fraction=0.1,
                        n_iter_no_change=8, max_iter=300, random_state=seed).fit(x, y)
    return tuple(zip(clf.coefs_, clf.intercepts_)), list(clf.classes_)


def macro_f1(gold: list[str], pred: list[str], labels: tuple[str, ...] = STANCES) -> float:
    """Macro-averaged F1 over the given labels."""
    from sklearn.metrics import f1_score

    return float(f1_score(gold, pred, labels=list(labels), average="macro", zero_division=0))


def _tune_weights(p2, gold: list[str]) -> "np.ndarray":
    """Multipliers for p(agree), p(disagree), p(discuss) that maximise macro-F1 on held-out related pairs."""
    import numpy as np

    best, best_w = -1.0, np.ones(3)
    for wa in (0.8, 1.0, 1.2, 1.4, 1.7, 2.0):
        for wd in (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
            w = np.array([wa, wd, 1.0])
            pred = [STANCES[i] for i in np.argmax(p2 * w, axis=1)]
            f = macro_f1(gold, pred, STANCES[:3])
            if f > best + 1e-9:
                best, best_w = f, w
    return best_w


def fit_stance_model(bodies: dict[str, str], rows: list[dict], cache: Path | None = None, progress: bool = False,
                     log=print) -> StanceModel:
    """Fit the two-stage model on FNC-1 rows: a relatedness MLP on all pairs, five stance MLPs on related pairs, class weights from story-grouped 4-fold predictions."""
    import numpy as np

    data = pair_set(bodies, rows)
    vocab, idf = _fit_tfidf(data.claims + [" ".join(b) for b in data.bodies])
    rel_x, st_x, _ = featurize(data, vocab, idf, cache, progress)
    gold = np.array([r["Stance"] for r in rows])
    related = gold != "unrelated"
    groups = body_groups(rows)
    story = np.array([groups[r["Body ID"].strip()] for r in rows])
    s_mean, s_scale = _standardise(st_x[related])
    z = (st_x - s_mean) / s_scale

    def ensemble(mask) -> tuple:
        members = [_fit_mlp(z[mask], gold[mask], STANCE_HIDDEN, STANCE_ALPHA, seed) for seed in range(STANCE_MEMBERS)]
        assert all(c == list(STANCES[:3]) for _, c in members)
        return tuple(layers for layers, _ in members)

    from sklearn.model_selection import GroupKFold

    idx = np.where(related)[0]
    p2 = np.zeros((len(idx), 3))
    for fit_i, held_i in GroupKFold(n_splits=4).split(idx, groups=story[idx]):
        members = ensemble(np.isin(np.arange(len(rows)), idx[fit_i]))
        p2[held_i] = np.mean([_mlp_forward(z[idx[held_i]], list(m)) for m in members], axis=0)
    weights = _tune_weights(p2, list(gold[idx]))
    log(f"features: {len(rows)} pairs; class weights (agree, disagree, discuss) from 4-fold story-grouped predictions: {weights.tolist()}")
    r_mean, r_scale = _standardise(rel_x)
    r_layers, r_classes = _fit_mlp((rel_x - r_mean) / r_scale, related.astype(int), (32,), 1e-4)
    assert r_classes == [0, 1]
    return StanceModel(vocab, idf, r_mean, r_scale, r_layers, s_mean, s_scale, ensemble(related), weights)


def fnc_score(gold: list[str], pred: list[str]) -> float:
    """The official FNC-1 score as a share of the best possible: 0.25 for related vs unrelated right, +0.75 for the exact related label."""
    def points(g: str, p: str) -> float:
        s = 0.25 if (g == "unrelated") == (p == "unrelated") else 0.0
        return s + (0.75 if g == p and g != "unrelated" else 0.0)

    best = sum(points(g, g) for g in gold)
    return sum(points(g, p) for g, p in zip(gold, pred)) / best if best else float("nan")


def stance_report(gold: list[str], pred: list[str]) -> dict[str, float]:
    """Macro-F1 over the four labels, per-class F1, accuracy and the FNC score."""
    from sklearn.metrics import f1_score

    per = f1_score(gold, pred, labels=list(STANCES), average=None, zero_division=0)
    return {"pairs": len(gold), "macro-F1": macro_f1(gold, pred), **{f"F1 {s}": float(f) for s, f in zip(STANCES, per)},
            "accuracy": sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold)), "FNC score": fnc_score(gold, pred)}


def confusion(gold: list[str], pred: list[str]) -> dict[str, dict[str, int]]:
    """Counts of gold label (outer key) by predicted label (inner key), over the four stances."""
    return {g: {p: sum(1 for a, b in zip(gold, pred) if a == g and b == p) for p in STANCES} for g in STANCES}


def predict_pairs(data: PairSet, model: StanceModel | None = None, cache: Path | None = None, progress: bool = False):
    """Probabilities (agree, disagree, discuss, unrelated) for every pair of a PairSet, and each pair's top sentences."""
    model = model or load_stance_model()
    rel_x, st_x, tops = featurize(data, model.vocab, model.idf, cache, progress)
    return model.predict_proba(rel_x, st_x), tops


def predict_fnc(bodies: dict[str, str], rows: list[dict], model: StanceModel | None = None, cache: Path | None = None,
                progress: bool = False) -> list[str]:
    """The predicted stance of every FNC-1 row, in order."""
    import numpy as np

    probs, _ = predict_pairs(pair_set(bodies, rows), model, cache, progress)
    return [STANCES[i] for i in np.argmax(probs, axis=1)]


# ----------------------------------------------------------------------------- quotes toward claims

_BOUNDARY = re.compile(r'[.!?]["”’\')]*\s+(?=["“‘\'(]?[A-Z0-9])|\n\s*')


def quote_sentence(text: str, start: int, end: int, limit: int = 1500) -> tuple[int, int]:
    """The character span of the sentence(s) of `text` that hold offsets start..end (a quote and its cue)."""
    lo = max(0, start - limit)
    s = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        if m.end() <= start:
            s = m.end()
    m = _BOUNDARY.search(text, max(end - 1, start), min(len(text), end + limit))
    e = m.start() + 1 if m else min(len(text), end + limit)
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, max(e, end)


def _check_quotes(quotes: list, text: str) -> None:
    """One clear error for a quote that is not a Quote-like object inside `text`."""
    if not isinstance(text, str):
        raise TypeError(f"text: expected the article text (str), got {type(text).__name__}")
    for i, q in enumerate(quotes, 1):
        for attr in ("start", "end", "text"):
            if not hasattr(q, attr):
                raise TypeError(f"quote {i}: expected a lib.quotes.Quote (with start, end, text), got {type(q).__name__}: {q!r}")
        if not (0 <= q.start <= q.end <= len(text)):
            raise ValueError(f"quote {i}: offsets {q.start}-{q.end} are outside the article text (length {len(text)})")


def _cue_span(q) -> tuple[int, int]:
    """The quote's content and cue together, as one span."""
    cs, ce = getattr(q, "cue_start", None), getattr(q, "cue_end", None)
    if cs is None or ce is None:
        return q.start, q.end
    return min(q.start, cs), max(q.end, ce)


QUOTE_FEATURES = ("model p(agree)", "model p(disagree)", "model p(discuss)", "model p(unrelated)",
                  "content similarity", "sentence similarity", "claim words in content", "claim words in sentence",
                  "claim names in sentence", "denial cue", "doubt cue", "tentative cue", "assertive cue",
                  "refuting words in content", "hedging words in content", "negation near claim words in content",
                  "question or whether in content", "log content words", "content similarity above the article's mean",
                  "content similarity rank in the article", "sentence similarity above the article's mean",
                  "model p(unrelated) for the content alone")


@dataclass(frozen=True)
class QuoteContext:
    """What the stance of one quote is read from: its content, the sentence that carries it, and the reporting frame."""

    content: str
    sentence: str
    frame: str  # the sentence without the content: speaker, cue ('denied', 'remain skeptical of') and the rest


def quote_context(q, text: str) -> QuoteContext:
    """A quote's content, its carrying sentence(s) in the article, and the frame around the content."""
    a, b = _cue_span(q)
    s, e = quote_sentence(text, a, b)
    sentence = text[s:e]
    frame = (text[s : q.start] + " " + text[q.end : e]).strip()
    cue = (getattr(q, "cue", None) or "").strip()
    if cue and cue.lower() not in frame.lower():
        frame = (frame + " " + cue).strip()
    return QuoteContext(q.text, " ".join(sentence.split()), " ".join(frame.split()))


def _group_hits(stems: list[str], group: str) -> float:
    """How many items of a word group occur in a stem list."""
    return float(len(_matches(stems, stance_words()[group])))


def quote_pair_features(contexts: list[QuoteContext], claims: list[str], model: StanceModel | None = None):
    """Feature rows (QUOTE_FEATURES) for every context x claim, in context-major order, and the model's top sentences."""
    import numpy as np

    model = model or load_stance_model()
    if not contexts or not claims:
        return np.zeros((0, len(QUOTE_FEATURES))), []
    bodies = [split_sentences(c.sentence) or [c.sentence or c.content] for c in contexts]
    bodies += [split_sentences(c.content) or [c.content] for c in contexts]
    n = len(contexts)
    pairs = [(ci, qi) for qi in range(n) for ci in range(len(claims))]
    probs, tops = predict_pairs(PairSet(list(claims), bodies, pairs + [(ci, qi + n) for ci, qi in pairs]), model)
    probs, content_probs = probs[: len(pairs)], probs[len(pairs) :]
    emb = embed_texts(list(claims) + [c.content for c in contexts] + [c.sentence for c in contexts])
    sims = np.array([[float(emb[claim] @ emb[c.content]) for claim in claims] for c in contexts])
    s_sims = np.array([[float(emb[claim] @ emb[c.sentence]) for claim in claims] for c in contexts])
    ranks = (np.argsort(np.argsort(sims, axis=0), axis=0) + 0.5) / n
    rows = []
    for (ci, qi), p, pc in zip(pairs, probs, content_probs):
        ctx, claim = contexts[qi], claims[ci]
        c_stems = _stems(claim)
        c_content = set(_content(c_stems))
        n_c = max(1, len(c_content))
        q_stems, s_stems, f_stems = _stems(ctx.content), _stems(ctx.sentence), _stems(ctx.frame)
        names = _names(claim)
        rows.append([
            *p,
            sims[qi, ci],
            s_sims[qi, ci],
            len(c_content & set(q_stems)) / n_c,
            len(c_content & set(s_stems)) / n_c,
            (sum(1 for n in names if n in ctx.sentence.lower()) / len(names)) if names else 0.0,
            _group_hits(f_stems, "denial cues"),
            _group_hits(f_stems, "doubt cues"),
            _group_hits(f_stems, "tentative cues"),
            _group_hits(f_stems, "assertive cues"),
            _group_hits(q_stems, "refuting"),
            _group_hits(q_stems, "hedging"),
            float(_negated_claim_words(q_stems, c_content)),
            float("?" in ctx.content or "whether" in q_stems),
            math.log1p(len(q_stems)),
            sims[qi, ci] - sims[:, ci].mean(),
            ranks[qi, ci],
            s_sims[qi, ci] - s_sims[:, ci].mean(),
            pc[3],
        ])
    return np.array(rows, dtype=np.float64), tops


FNC_CITATION = ("FNC-1 training pairs (Pomerleau and Rao 2017, Fake News Challenge stage 1, http://www.fakenewschallenge.org; "
                "bodies and headlines from Emergent, Ferreira and Vlachos 2016, NAACL-HLT); no licence file: weights only, no text")


def train_claims(fnc_dir: Path = FNC_DIR, cache: Path | None = CACHE_DIR / "embeddings.npz", log=print) -> dict:
    """Fit the 'dev' model (80% of stories) and report it on the held-out 20%, then the 'all' model on every pair; write the .npz."""
    import time

    bodies, rows = read_fnc(fnc_dir / "fnc1_train_bodies.csv", fnc_dir / "fnc1_train_stances.csv")
    if any(not r.get("Stance") for r in rows):
        raise ValueError(f"{fnc_dir / 'fnc1_train_stances.csv'}: every training row needs a Stance")
    dev = dev_split(rows)
    fit_rows = [r for r in rows if r["Body ID"].strip() not in dev]
    dev_rows = [r for r in rows if r["Body ID"].strip() in dev]
    t0 = time.time()
    dev_model = fit_stance_model(bodies, fit_rows, cache, log=log)
    t1 = time.time()
    pred = predict_fnc(bodies, dev_rows, dev_model, cache)
    t2 = time.time()
    gold = [r["Stance"] for r in dev_rows]
    majority = max(STANCES, key=[r["Stance"] for r in fit_rows].count)
    report = {"dev split": {"bodies": len(dev), "pairs": len(dev_rows), "fit pairs": len(fit_rows)},
              "dev model": stance_report(gold, pred),
              f"majority class ({majority})": stance_report(gold, [majority] * len(gold)),
              "dev confusion (rows gold, columns predicted)": confusion(gold, pred),
              "dev model fit seconds": round(t1 - t0, 1), "dev prediction seconds": round(t2 - t1, 1)}
    log(json.dumps(report, indent=1))
    all_model = fit_stance_model(bodies, rows, cache, log=log)
    report["all model fit seconds"] = round(time.time() - t2, 1)
    about = (f"Two-stage claim-stance model of lib/stance.py fitted on the {len(rows)} {FNC_CITATION}. "
             "Stage 1 (related vs unrelated): an MLP on TF-IDF cosine, all-MiniLM-L6-v2 sentence similarity, word, bigram and name overlap. "
             "Stage 2 (agree, disagree, discuss): five averaged MLPs on counts of refuting, hedging, confirming and reporting-verb words "
             "(lib/data/stance_words.json) in the body sentences most like the claim, negation near claim words, VADER polarity and the stage-1 "
             "features; class weights from story-grouped 4-fold predictions. 'dev' is fitted on 80% of the stories (split by Body ID, "
             "lib.stance.dev_split) and scored on the rest (see _report); 'all' on every pair. Refit: `python -m lib.stance train-claims`.")
    _save_model({"dev": dev_model, "all": all_model}, about, report)
    load_stance_model.cache_clear()
    return report


# ----------------------------------------------------------------------------- the quote layer and the stance table

QUOTE_LAYER_PATH = DATA_DIR / "claim_stance_quotes.json"
POLNEAR_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear"
LABELS_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"


@dataclass(frozen=True)
class LabelledPair:
    """A hand-labelled quote x claim pair matched to a quote the extractor finds (quote None when none overlaps it)."""

    file: str
    start: int
    end: int
    claim: str
    label: str
    quote: object | None
    text: str


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def labelled_pairs(label_file: str | Path, text_dir: str | Path, nlp=None) -> list[LabelledPair]:
    """The pairs of a stance label file, each matched to the extracted quote with the same offsets (or overlapping most, at least half)."""
    from lib.article import load_article
    from lib.quotes import article_quotes

    data = json.loads(Path(label_file).read_text(encoding="utf-8"))
    out = []
    for i, art in enumerate(data["articles"], 1):
        path = Path(text_dir) / art["file"]
        if not path.is_file():
            raise FileNotFoundError(f"{label_file}: article {i}: {path} not found")
        article = load_article(path)
        quotes = article_quotes(article, nlp)
        for p in art["pairs"]:
            span = (p["start"], p["end"])
            best = max(quotes, key=lambda q: _overlap(span, (q.start, q.end)), default=None)
            if best is not None and _overlap(span, (best.start, best.end)) < 0.5 * max(1, span[1] - span[0]):
                best = None
            out.append(LabelledPair(art["file"], p["start"], p["end"], art["claim"], p["label"], best, article.text))
    return out


def _pair_rows(pairs: list[LabelledPair], model: StanceModel | None = None):
    """Quote-layer feature rows for matched labelled pairs, computed article by article (over all its labelled quotes)."""
    import numpy as np

    rows = np.zeros((len(pairs), len(QUOTE_FEATURES)))
    groups: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(pairs):
        groups.setdefault((p.file, p.claim), []).append(i)
    for (_, claim), idx in groups.items():
        x, _ = quote_pair_features([quote_context(pairs[i].quote, pairs[i].text) for i in idx], [claim], model)
        rows[idx] = x
    return rows


def quote_embedding_rows(contexts: list[QuoteContext], claims: list[str]) -> "np.ndarray":
    """For every context x claim (context-major order): the elementwise products claim*content and claim*sentence of unit MiniLM embeddings."""
    import numpy as np

    if not contexts or not claims:
        return np.zeros((0, 2 * 384))
    emb = embed_texts(list(claims) + [c.content for c in contexts] + [c.sentence for c in contexts])
    return np.array([np.concatenate([emb[claim] * emb[c.content], emb[claim] * emb[c.sentence]])
                     for c in contexts for claim in claims], dtype=np.float64)


def _pair_embeddings(pairs: list[LabelledPair]) -> "np.ndarray":
    """quote_embedding_rows for matched labelled pairs."""
    import numpy as np

    return np.vstack([quote_embedding_rows([quote_context(p.quote, p.text)], [p.claim]) for p in pairs]) if pairs else np.zeros((0, 768))


def _fit_softmax(x, y, c: float, standardise: bool) -> dict:
    """A class-balanced multinomial logistic regression over STANCES (optionally on standardised columns), as plain lists."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    mean, scale = _standardise(x) if standardise else (np.zeros(x.shape[1]), np.ones(x.shape[1]))
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit((x - mean) / scale, y)
    order = [list(clf.classes_).index(s) for s in STANCES]
    return {"C": c, "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "coef": clf.coef_[order].round(6).tolist(), "intercept": clf.intercept_[order].round(6).tolist()}


def _softmax_proba(model: dict, x) -> "np.ndarray":
    """p(agree), p(disagree), p(discuss), p(unrelated) from a stored _fit_softmax model."""
    import numpy as np

    z = ((x - np.array(model["mean"])) / np.array(model["scale"])) @ np.array(model["coef"]).T + np.array(model["intercept"])
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _layer_proba(layer: dict, x, e) -> "np.ndarray":
    """The quote layer's probabilities: the embedding model and the feature model, averaged with the layer's weight."""
    w = layer["embedding weight"]
    return w * _softmax_proba(layer["embedding model"], e) + (1 - w) * _softmax_proba(layer["feature model"], x)


def fit_quote_layer(label_file: Path = LABELS_DIR / "polnear_train_stance.json", text_dir: Path = POLNEAR_DIR / "train" / "text",
                    log=print) -> dict:
    """Fit the quote layer on hand-labelled PolNeAR train quotes; C of each model and their weight chosen by leave-one-article-out macro-F1."""
    import time

    import numpy as np

    t0 = time.time()
    pairs = [p for p in labelled_pairs(label_file, text_dir) if p.quote is not None]
    x, e = _pair_rows(pairs), _pair_embeddings(pairs)
    y = np.array([p.label for p in pairs])
    files = np.array([p.file for p in pairs])
    articles = sorted(set(files))
    held = {}
    for name, data, grid, standardise in (("embedding model", e, (0.001, 0.003, 0.01, 0.03), True),
                                          ("feature model", x, (0.1, 0.3, 1.0, 3.0), True)):
        for c in grid:
            p = np.zeros((len(y), 4))
            for f in articles:
                h = files == f
                p[h] = _softmax_proba(_fit_softmax(data[~h], y[~h], c, standardise), data[h])
            held[(name, c)] = p
    scores = {}
    for ce in (0.001, 0.003, 0.01, 0.03):
        for cf in (0.1, 0.3, 1.0, 3.0):
            for w in (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 1.0):
                p = w * held[("embedding model", ce)] + (1 - w) * held[("feature model", cf)]
                key = f"embedding C={ce}, feature C={cf}, embedding weight={w}"
                scores[key] = (round(macro_f1(list(y), [STANCES[i] for i in p.argmax(axis=1)]), 4), ce, cf, w)
    best_key = max(scores, key=lambda k: (scores[k][0], -abs(scores[k][3] - 0.5)))
    best, ce, cf, w = scores[best_key]
    log(f"quote layer: {len(pairs)} train pairs in {len(articles)} articles; best leave-one-article-out macro-F1 {best} with {best_key}")
    layer = {
        "_about": ("Quote layer of lib.stance: the average (weight below) of two class-balanced multinomial logistic regressions over "
                   "agree, disagree, discuss, unrelated: one on the elementwise products of all-MiniLM-L6-v2 embeddings (claim x quote content, "
                   "claim x the quote's sentence: 768 numbers), one on QUOTE_FEATURES (the FNC-1 model's probabilities for the quote's sentence "
                   "and content, MiniLM similarity to the claim, also relative to the article's other quotes, the cue's kind, negation and "
                   "hedging words). Fitted on "
                   f"{len(pairs)} hand-labelled quotes of {len(articles)} PolNeAR train articles (tests/data/polnear_train_stance.json, "
                   "labelling guidelines in its _about; Newell, Margolin and Ruths, LREC 2018; weights only, no text); each model's C and "
                   "their weight chosen by leave-one-article-out macro-F1 on those train quotes (never on dev). "
                   "Refit: `python -m lib.stance train-quotes` (this layer only) or `python -m lib.stance train-claims` (FNC-1 model too)."),
        "classes": list(STANCES), "train pairs": len(pairs), "train articles": len(articles),
        "embedding weight": w, "leave_one_article_out_macro_f1": best,
        "fit seconds": round(time.time() - t0, 1),
        "grid (leave-one-article-out macro-F1)": {k: v[0] for k, v in scores.items()},
        "feature model": {"features": list(QUOTE_FEATURES), **_fit_softmax(x, y, cf, True)},
        "embedding model": {"features": "claim*content (384), claim*sentence (384), unit all-MiniLM-L6-v2 embeddings", **_fit_softmax(e, y, ce, True)},
    }
    return layer


@lru_cache(maxsize=1)
def _quote_layer() -> dict:
    """The fitted quote layer (lib/data/claim_stance_quotes.json)."""
    if not QUOTE_LAYER_PATH.exists():
        raise FileNotFoundError(f"{QUOTE_LAYER_PATH.name} is missing: run `python -m lib.stance train-quotes` to fit it")
    return json.loads(QUOTE_LAYER_PATH.read_text(encoding="utf-8"))


def quote_predictions(x, e) -> tuple[list[str], "np.ndarray"]:
    """Labels and p(agree), p(disagree), p(discuss), p(unrelated) from quote-layer feature rows and embedding rows."""
    import numpy as np

    if len(x) == 0:
        return [], np.zeros((0, 4))
    p = _layer_proba(_quote_layer(), x, e)
    return [STANCES[i] for i in np.argmax(p, axis=1)], p


def _evidence(ctx: QuoteContext, claim: str, q) -> str:
    """Human-readable evidence: the cue and its kind, the words shared with the claim, and the sentence."""
    f_stems = _stems(ctx.frame)
    cue = (getattr(q, "cue", None) or "").strip()
    kinds = [k for k, name in (("denial cues", "denial"), ("doubt cues", "doubt"), ("tentative cues", "tentative"),
                               ("assertive cues", "assertive")) if _group_hits(_stems(cue) if cue else f_stems, k)]
    kind_names = {"denial cues": "a denial", "doubt cues": "doubt", "tentative cues": "tentative", "assertive cues": "assertive"}
    parts = []
    if cue:
        parts.append(f"cue “{cue}”" + (f" ({', '.join(kind_names[k] for k in kinds)})" if kinds else ""))
    claim_content = set(_content(_stems(claim)))
    shared = list(dict.fromkeys(w for w in _WORD_RE.findall(ctx.sentence) if _stem(w.lower()) in claim_content))
    parts.append("shares " + ", ".join(shared[:6]) + " with the claim" if shared else "no word in common with the claim")
    neg = _negated_claim_words(_stems(ctx.content), claim_content)
    if neg:
        parts.append("negation near a claim word")
    sentence = ctx.sentence if len(ctx.sentence) <= 200 else ctx.sentence[:197] + "…"
    parts.append(f"sentence: “{sentence}”")
    return "; ".join(parts)


def stance(quotes: list, claims: list, text: str) -> "pd.DataFrame":
    """One row per quote and claim: the stance (agree, disagree, discuss, unrelated), its probability, all four, and the evidence."""
    import numpy as np
    import pandas as pd

    from lib.quotes import quote_ids

    if isinstance(quotes, (str, bytes)) or isinstance(claims, (str, bytes)):
        raise TypeError("stance() takes a list of quotes and a list of claims (lib.claims.Claim), not a string")
    quotes, claims = list(quotes), list(claims)
    for i, c in enumerate(claims, 1):
        if not (hasattr(c, "id") and isinstance(getattr(c, "statement", None), str)):
            raise TypeError(f"claim {i}: expected a lib.claims.Claim (id, statement), got {type(c).__name__}: {c!r}")
    if not quotes or not claims:
        return pd.DataFrame(columns=STANCE_COLUMNS)
    _check_quotes(quotes, text)
    contexts = [quote_context(q, text) for q in quotes]
    statements = [c.statement for c in claims]
    x, _ = quote_pair_features(contexts, statements)
    labels, probs = quote_predictions(x, quote_embedding_rows(contexts, statements))
    ids = quote_ids(len(quotes))
    rows = []
    for k, (label, p) in enumerate(zip(labels, probs)):
        qi, ci = divmod(k, len(claims))
        j = STANCES.index(label)
        rows.append({"quote": ids[qi], "speaker": getattr(quotes[qi], "speaker", None), "claim": claims[ci].id,
                     "statement": statements[ci], "stance": label, "probability": float(p[j]),
                     **{f"p_{s}": float(v) for s, v in zip(STANCES, p)},
                     "evidence": _evidence(contexts[qi], statements[ci], quotes[qi]), "text": quotes[qi].text})
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


# ----------------------------------------------------------------------------- evaluation tables

def _scores_table(gold: list[str], systems: dict[str, list[str]]) -> "pd.DataFrame":
    """Macro-F1, per-class F1, accuracy and FNC score of each system's labels, with the majority class added."""
    import pandas as pd

    majority = max(STANCES, key=gold.count) if gold else "unrelated"
    systems = {**systems, f"majority class ({majority})": [majority] * len(gold)}
    return pd.DataFrame({name: stance_report(gold, pred) for name, pred in systems.items()}).T


def label_table(label_file: str | Path, text_dir: str | Path, nlp=None) -> tuple["pd.DataFrame", "pd.DataFrame"]:
    """Hand-labelled quote x claim pairs: per pair the gold and predicted stance (via `stance` on all the article's quotes); and a summary."""
    import numpy as np
    import pandas as pd

    from lib.claims import Claim

    pairs = labelled_pairs(label_file, text_dir, nlp)
    rows = []
    by_article: dict[tuple[str, str], list[LabelledPair]] = {}
    for p in pairs:
        by_article.setdefault((p.file, p.claim), []).append(p)
    for (file, claim), group in by_article.items():
        from lib.article import load_article
        from lib.quotes import article_quotes

        article = load_article(Path(text_dir) / file)
        quotes = article_quotes(article, nlp)
        table = stance(quotes, [Claim("C1", claim, "given")], article.text)
        contexts = [quote_context(q, article.text) for q in quotes]
        x, _ = quote_pair_features(contexts, [claim]) if quotes else (np.zeros((0, 4)), [])
        for p in group:
            k = next((i for i, q in enumerate(quotes) if p.quote is not None and (q.start, q.end) == (p.quote.start, p.quote.end)), None)
            rows.append({"file": file, "start": p.start, "end": p.end, "claim": claim, "gold": p.label,
                         "predicted": table.loc[k, "stance"] if k is not None else "unrelated",
                         "probability": float(table.loc[k, "probability"]) if k is not None else float("nan"),
                         "model alone": STANCES[int(np.argmax(x[k, :4]))] if k is not None else "unrelated",
                         "found": k is not None})
    detail = pd.DataFrame(rows)
    gold = detail["gold"].tolist()
    summary = _scores_table(gold, {"lib.stance (quote layer)": detail["predicted"].tolist(),
                                   "FNC-1 model alone (quote's sentence)": detail["model alone"].tolist()})
    summary["not found by the extractor"] = int((~detail["found"]).sum())
    return detail, summary


def fnc_dev_table(fnc_dir: Path = FNC_DIR, cache: Path | None = CACHE_DIR / "embeddings.npz", max_bodies: int | None = None,
                  progress: bool = False) -> tuple["pd.DataFrame", dict]:
    """The committed 'dev' model on its held-out 20% of FNC-1 stories (optionally the first `max_bodies` of them): scores beside the majority class, and the confusion counts."""
    bodies, rows = read_fnc(fnc_dir / "fnc1_train_bodies.csv", fnc_dir / "fnc1_train_stances.csv")
    dev = sorted(dev_split(rows), key=int) if all(b.isdigit() for b in bodies) else sorted(dev_split(rows))
    keep = set(dev[:max_bodies] if max_bodies else dev)
    dev_rows = [r for r in rows if r["Body ID"].strip() in keep]
    pred = predict_fnc(bodies, dev_rows, load_stance_model("dev"), cache, progress)
    gold = [r["Stance"] for r in dev_rows]
    return _scores_table(gold, {"lib.stance ('dev' model)": pred}), confusion(gold, pred)


def top_features(n: int = 10) -> "pd.DataFrame":
    """The quote layer's feature model: for each stance, the features that push toward it most (coefficients on standardised features)."""
    import pandas as pd

    fm = _quote_layer()["feature model"]
    rows = [{"stance": s, "feature": f, "weight": w} for s, coef in zip(STANCES, fm["coef"]) for f, w in zip(fm["features"], coef)]
    table = pd.DataFrame(rows)
    table["size"] = table["weight"].abs()
    return (table.sort_values(["stance", "size"], ascending=[True, False]).groupby("stance").head(n)
            .drop(columns="size").reset_index(drop=True))


# ----------------------------------------------------------------------------- command line

def _write_predictions(path: Path, rows: list[dict], pred: list[str]) -> None:
    """Write Headline, Body ID, Stance rows (input order) as CSV."""
    import csv

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Headline", "Body ID", "Stance"])
        for r, p in zip(rows, pred):
            w.writerow([r["Headline"], r["Body ID"], p])


def _cmd_fnc1(args) -> int:
    """Predict FNC-1 pairs; print scores beside the majority class when the input is labelled."""
    import time

    bodies, rows = read_fnc(args.bodies, args.stances)
    t = time.time()
    pred = predict_fnc(bodies, rows, load_stance_model(args.model), progress=args.progress)
    secs = time.time() - t
    _write_predictions(args.out, rows, pred)
    print(f"wrote {len(pred)} predictions to {args.out} ({secs:.0f} s)", file=sys.stderr)
    if rows and all(r.get("Stance") for r in rows):
        gold = [r["Stance"] for r in rows]
        table = {"lib.stance": stance_report(gold, pred), "majority class (unrelated)": stance_report(gold, ["unrelated"] * len(gold))}
        import pandas as pd

        print(pd.DataFrame(table).T.to_string(float_format="{:.3f}".format))
    return 0


def _claim_sentence(value: str) -> str:
    """A --claim value: a sentence, never blank (a blank one would silently fall back to the article's own claims)."""
    import argparse

    if not value.strip():
        raise argparse.ArgumentTypeError("a claim must be a sentence, not blank")
    return value


def _cmd_quotes(args) -> int:
    """Print one JSON line per quote and claim for each article file."""
    from lib.article import load_article
    from lib.claims import load_claims
    from lib.nlp import load_pipeline
    from lib.quotes import article_quotes

    nlp = None  # loaded with the first readable article, so a bad path is reported at once
    status = 0
    for path in args.files:
        try:
            article = load_article(path)
            claims = load_claims(article if article.source else path, args.claim or None)
        except (OSError, ValueError, TypeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        if not claims:
            print(f"note: {path}: no claim (no headline, no claims file, no --claim): nothing to score", file=sys.stderr)
            continue
        if nlp is None:
            nlp = load_pipeline()
        quotes = article_quotes(article, nlp)
        table = stance(quotes, claims, article.text)
        for q, (_, row) in zip([q for q in quotes for _ in claims], table.iterrows()):
            print(json.dumps({"file": path.name, "start": q.start, "end": q.end, "speaker": q.speaker,  # None when nobody is named
                              "claim": row["statement"], "claim_id": row["claim"], "stance": row["stance"],
                              "probability": round(float(row["probability"]), 4)}, ensure_ascii=False))
    return status


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m lib.stance", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    t = sub.add_parser("train", help="fit the certainty mapping on the certainty data's train rows")
    t.add_argument("data", type=Path, nargs="?", default=DEFAULT_TRAIN)
    sub.add_parser("train-claims", help="fit the FNC-1 stance models and the quote layer (needs ../shared)")
    sub.add_parser("train-quotes", help="refit only the quote layer on the hand-labelled PolNeAR train quotes (needs ../shared)")
    f = sub.add_parser("fnc1", help="predict the stance of FNC-1 format pairs")
    f.add_argument("bodies", type=Path, help="CSV with Body ID, articleBody")
    f.add_argument("stances", type=Path, help="CSV with Headline, Body ID[, Stance]")
    f.add_argument("--out", type=Path, required=True, help="where to write Headline, Body ID, Stance")
    f.add_argument("--model", default="all", choices=("all", "dev"), help="the model fitted on all pairs (default) or on the 80%% dev split")
    f.add_argument("--progress", action="store_true", help="show an embedding progress bar")
    q = sub.add_parser("quotes", help="stance of every quote toward each claim (JSON lines)")
    q.add_argument("files", type=Path, nargs="+")
    q.add_argument("--claim", action="append", default=[], type=_claim_sentence,
                   help="a claim sentence (repeatable); default: the article's claims")
    args = parser.parse_args(argv)
    from lib.article import one_line_warnings

    one_line_warnings()
    try:
        if args.what == "fnc1":
            return _cmd_fnc1(args)
        if args.what == "quotes":
            return _cmd_quotes(args)
        if args.what in ("train-claims", "train-quotes"):
            for d in (FNC_DIR, POLNEAR_DIR) if args.what == "train-claims" else (POLNEAR_DIR,):
                if not d.is_dir():
                    raise FileNotFoundError(f"{d}: not found (the training data lives in ../shared)")
            if args.what == "train-claims":
                train_claims()
            layer = fit_quote_layer()
            QUOTE_LAYER_PATH.write_text(json.dumps(layer, indent=1) + "\n", encoding="utf-8")
            _quote_layer.cache_clear()
            print((f"wrote lib/data/{STANCE_MODEL_PATH.name} and " if args.what == "train-claims" else "wrote ") + f"lib/data/{QUOTE_LAYER_PATH.name}")
            return 0
        if not args.data.exists():
            raise FileNotFoundError(f"{args.data}: no such file")
        model = fit_certainty(args.data)
        MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote lib/data/{MODEL_PATH.name}")
        return 0
    except BrokenPipeError:
        raise  # the reader stopped early (`| head`): exit_cli ends quietly
    except (OSError, ValueError, KeyError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    from lib.article import exit_cli

    exit_cli(main)
