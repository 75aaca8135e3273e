"""The learned step of quote extraction: a logistic classifier that keeps or drops each rule candidate.

The rules in lib/quotes.py over-generate candidate attributions; each carries a few dozen symbolic
features (cue lemma and category, subject type, dependency shape, content shape, quote marks, position).
The weights in lib/data/quote_filter.json are fitted on the PolNeAR train split only
(Newell, Margolin and Ruths, LREC 2018) by

    python -m lib.quotes train [--folder ../shared/data/polnear/train]

A candidate is a positive example when at least half of its characters lie inside gold content spans,
which is exactly the precision criterion of the PolNeAR scoring convention (lib/evaluate.py).
"""
from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

DATA_DIR = Path(__file__).parent / "data"
WEIGHTS = DATA_DIR / "quote_filter.json"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
TRAIN_DIR = SHARED / "polnear" / "train"
CACHE_DIR = Path(__file__).resolve().parent.parent / "out" / "cache"


@dataclass(frozen=True)
class FilterModel:
    """A fitted keep-or-drop model: feature weights, bias and the probability threshold to keep a candidate."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        """The probability that a candidate with these features is a real attribution."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> FilterModel | None:
    """The committed model from lib/data/quote_filter.json, or None when no weights file exists."""
    p = Path(path) if path else WEIGHTS
    if not p.exists():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    return FilterModel(weights=data["weights"], bias=float(data["bias"]), threshold=float(data["threshold"]))


def strongest_features(n: int = 15, path: str | None = None) -> "pd.DataFrame":
    """The n features that most raise and the n that most lower a candidate's odds of being kept, from the committed weights."""
    import pandas as pd

    model = load_model(path)
    if model is None:
        raise FileNotFoundError(f"{path or WEIGHTS}: no fitted weights; run `python -m lib.quotes train`")
    items = sorted(model.weights.items(), key=lambda kv: kv[1])
    rows = [{"feature": f, "weight": w, "direction": "keep"} for f, w in reversed(items[-n:])]
    rows += [{"feature": f, "weight": w, "direction": "drop"} for f, w in items[:n]]
    return pd.DataFrame(rows, columns=["feature", "weight", "direction"])


# ----------------------------------------------------------------------------- parsed corpora, cached

def parsed_split(folder: str | Path, cache: str | Path | None = CACHE_DIR, nlp=None) -> Iterator[tuple[str, "Article", list, list]]:
    """(name, Article, paragraph Docs, gold attributions) per article of a PolNeAR-format folder, parsing once and caching DocBins."""
    from spacy.tokens import DocBin

    from lib.article import parse_article
    from lib.evaluate import read_polnear
    from lib.nlp import load_pipeline, pipe_paragraphs

    folder = Path(folder)
    nlp = nlp or load_pipeline()
    golds = read_polnear(folder)
    names = sorted(golds)
    store = None
    if cache is not None:
        key = f"{folder.resolve().parent.name}-{folder.name}-{len(names)}"
        store = Path(cache) / f"{key}.spacy"
        index = Path(cache) / f"{key}.json"
    articles = {n: parse_article(golds[n][0], source=n) for n in names}
    if store is not None and store.exists() and index.exists() and json.loads(index.read_text()) == [[n, len(articles[n].paragraphs)] for n in names]:
        docs = list(DocBin().from_disk(store).get_docs(nlp.vocab))
    else:
        t0 = time.perf_counter()
        docs = list(pipe_paragraphs((p.text for n in names for p in articles[n].paragraphs), nlp))
        print(f"parsed {len(names)} articles ({len(docs)} paragraphs) in {time.perf_counter() - t0:.0f} s")
        if store is not None:
            store.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(store)
            index.write_text(json.dumps([[n, len(articles[n].paragraphs)] for n in names]))
    k = 0
    for n in names:
        m = len(articles[n].paragraphs)
        yield n, articles[n], docs[k : k + m], golds[n][1]
        k += m


# ----------------------------------------------------------------------------- training

Example = tuple[str, list[str], int]  # article name, candidate features, 1 when the candidate is inside gold content


def _gold_mask(text: str, golds: list) -> list[bool]:
    """Characters inside any gold content span."""
    mask = [False] * len(text)
    for g in golds:
        for s, e in g.content:
            for i in range(max(0, s), min(len(text), e)):
                mask[i] = True
    return mask


def candidates(data: list) -> list[Example]:
    """Every rule candidate of every article with its features and its label (at least half its characters in gold content)."""
    from lib.quotes import SECTIONS, _Selector, _unit_quotes

    rows: list[Example] = []
    for name, article, docs, golds in data:
        found: list = []
        units = ((doc, p.span_to_original, SECTIONS[p.kind]) for p, doc in zip(article.paragraphs, docs))
        _unit_quotes(units, article.text, _Selector(collect=found))
        mask = _gold_mask(article.text, golds)
        for s, e, feats in found:
            inside = sum(mask[s:e]) / max(1, e - s)
            rows.append((name, sorted(set(feats)), int(inside >= 0.5)))
    return rows


def fit(rows: list[Example], c: float = 1.0, min_count: int = 3) -> FilterModel:
    """A logistic regression over binary features seen at least min_count times (L2, strength 1/c), as plain weights; threshold 0.5 until chosen."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for _, feats, _ in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in feats if counts[f] >= min_count} for _, feats, _ in rows])
    y = [label for _, _, label in rows]
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(x, y)
    weights = {f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-3}
    return FilterModel(weights=weights, bias=round(float(clf.intercept_[0]), 4), threshold=0.5)


def score_split(data: list, model: FilterModel | None) -> dict[str, float]:
    """PolNeAR scores of the extractor on parsed articles, with this filter (None: the hand rules)."""
    from lib.evaluate import Prediction, score
    from lib.quotes import SECTIONS, _Selector, _unit_quotes

    preds = {}
    for name, article, docs, golds in data:
        units = ((doc, p.span_to_original, SECTIONS[p.kind]) for p, doc in zip(article.paragraphs, docs))
        quotes = _unit_quotes(units, article.text, _Selector(model))
        preds[name] = [Prediction(q.start, q.end, q.speaker, q.speaker_start, q.speaker_end) for q in quotes]
    texts = {article.text: name for name, article, _, _ in data}
    return score({n: (a.text, g) for n, a, _, g in data}, lambda t: preds[texts[t]], label="scoring")


def cross_validate(data: list, rows: list[Example], cs: tuple[float, ...], thresholds: tuple[float, ...], folds: int = 5) -> list[dict]:
    """Grouped k-fold over articles: the PolNeAR scores (precision, recall, F1, ...) of each (c, threshold), averaged over folds."""
    import random

    names = sorted({d[0] for d in data})
    random.Random(0).shuffle(names)
    groups = [set(names[i::folds]) for i in range(folds)]
    out = []
    for c in cs:
        sums: dict[float, dict[str, float]] = {t: {} for t in thresholds}
        for held in groups:
            model = fit([r for r in rows if r[0] not in held], c)
            part = [d for d in data if d[0] in held]
            for t in thresholds:
                res = score_split(part, FilterModel(model.weights, model.bias, t))
                for k, v in res.items():
                    sums[t][k] = sums[t].get(k, 0.0) + v / folds
        for t in thresholds:
            r = sums[t]
            p, rec = r["precision 30%"], r["recall 30%"]
            out.append({"c": c, "threshold": t, **{k: round(v, 4) for k, v in r.items()},
                        "F1": round(2 * p * rec / (p + rec), 4), "F0.5": round(1.25 * p * rec / (0.25 * p + rec), 4)})
    return out


def train(folder: str | Path = TRAIN_DIR, out: str | Path = WEIGHTS, cs: tuple[float, ...] = (0.1, 0.3),
          thresholds: tuple[float, ...] = tuple(round(0.4 + 0.05 * i, 2) for i in range(9)), cache: str | Path | None = CACHE_DIR) -> dict:
    """Fit the filter on a PolNeAR-format train folder: c and threshold by grouped 5-fold CV (the smallest c whose best
    F0.5 is within 0.001 of the overall best, then its best threshold), then refit on all of it."""
    t0 = time.perf_counter()
    data = list(parsed_split(folder, cache))
    rows = candidates(data)
    grid = cross_validate(data, rows, cs, thresholds)
    # the F0.5 surface is flat: the strongest regularisation (the simplest model) whose best F0.5 is within 0.001 of the
    # overall best, and for it the threshold with the best F0.5
    top = max(g["F0.5"] for g in grid)
    c = min(g["c"] for g in grid if g["F0.5"] >= top - 0.001)
    best = max((g for g in grid if g["c"] == c), key=lambda g: (g["F0.5"], g["threshold"]))
    model = fit(rows, best["c"])
    rules = score_split(data, None)
    about = (
        "Keep-or-drop weights for quote candidates (lib/quotes.py candidate_features): a logistic regression fitted on the "
        "PolNeAR v1.0.0 train split (840 US election news articles; Newell, Margolin and Ruths, 'An Attribution Relations "
        "Corpus for Political News', LREC 2018; no article text is stored here, only feature weights). A candidate is "
        "positive when at least half of its characters are inside gold content spans. The L2 strength c and the threshold "
        "were chosen by grouped 5-fold cross-validation over train articles: the smallest c whose best F0.5 of the PolNeAR "
        "score is within 0.001 of the overall best, and for it the threshold with the best F0.5; the dev split was not used. Refit with: python -m lib.quotes train"
    )
    data_out = {
        "_about": about,
        "_fit": {"articles": len(data), "candidates": len(rows), "positives": sum(r[2] for r in rows), "c": best["c"],
                 "threshold": best["threshold"], "cv": {k: best[k] for k in ("precision 30%", "recall 30%", "F1", "F0.5", "direct recall", "mixed recall", "indirect recall", "speaker accuracy")},
                 "cv grid": [{k: g[k] for k in ("c", "threshold", "precision 30%", "recall 30%", "F1", "F0.5")} for g in grid],
                 "seconds": round(time.perf_counter() - t0)},
        "bias": model.bias,
        "threshold": best["threshold"],
        "weights": dict(sorted(model.weights.items())),
    }
    Path(out).write_text(json.dumps(data_out, indent=0, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    load_model.cache_clear()
    return {"best": best, "grid": grid, "rules on train": rules, "seconds": data_out["_fit"]["seconds"], "features": len(model.weights)}
