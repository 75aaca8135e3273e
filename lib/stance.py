"""How certain a quote sounds, and whether it supports or opposes a claim.

Certainty: hedges and boosters from lib/data/hedges.json (with negation scope, first-person
framing and conditionals), mapped to the 1-6 scale of Pei and Jurgens (2021) by a ridge
regression fitted on ../shared/data/certainty (train rows) and stored in lib/data/certainty_model.json.

    python -m lib.stance train [DATA.jsonl]   refit the certainty mapping on the train rows
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
    i = 0
    while i < len(toks):
        match = None
        for n in range(min(lex["max_len"], len(toks) - i), 0, -1):
            key = tuple(t for t, _, _ in toks[i : i + n])
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
        negated = bool(window) and cat != "conditional"
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
        counts[c.category] += 1.0 if c.sign == (1 if c.category == "booster" else -1) else -1.0
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


def certainty(texts: list[str]) -> list[float]:
    """Certainty of each text on the 1-6 scale of Pei and Jurgens (1 very uncertain, 6 very certain)."""
    if isinstance(texts, str):
        raise TypeError("certainty() takes a list of texts; wrap a single text in a list")
    m = _model()
    out = []
    for t in texts:
        x = features(t)
        y = m["intercept"] + sum(w * (v - mu) / sd for w, v, mu, sd in zip(m["coef"], x, m["mean"], m["scale"]))
        y += sum(m["items"].get(k, 0.0) * v for k, v in item_counts(t).items())
        out.append(float(min(6.0, max(1.0, y))))
    return out


def quote_certainty(quotes: list, text: str) -> list[float]:
    """Certainty of each quote's content (interim: the content alone; the stance helper replaces this)."""
    return certainty([q.text for q in quotes])


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


def stance(quotes: list, claims: list, text: str | None = None) -> "pd.DataFrame":
    """Interim (replaced by the FNC-1 model): a quote is about a claim when their MiniLM embeddings are close; then 'discuss'."""
    import numpy as np
    import pandas as pd

    from lib.quotes import quote_ids
    from lib.sentiment import embed

    cols = ["quote", "speaker", "claim", "statement", "stance", "probability", "p_agree", "p_disagree", "p_discuss", "p_unrelated", "evidence", "text"]
    if not quotes or not claims:
        return pd.DataFrame(columns=cols)
    q = embed([x.text for x in quotes])
    c = embed([x.statement for x in claims])
    sim = (q / np.linalg.norm(q, axis=1, keepdims=True)) @ (c / np.linalg.norm(c, axis=1, keepdims=True)).T
    rows = []
    for i, (qid, x) in enumerate(zip(quote_ids(len(quotes)), quotes)):
        for j, cl in enumerate(claims):
            related = sim[i, j] >= 0.45
            p = float(sim[i, j])
            rows.append({"quote": qid, "speaker": x.speaker, "claim": cl.id, "statement": cl.statement,
                         "stance": "discuss" if related else "unrelated", "probability": p if related else 1 - p,
                         "p_agree": 0.0, "p_disagree": 0.0, "p_discuss": p, "p_unrelated": 1 - p,
                         "evidence": f"cosine {p:.2f}", "text": x.text})
    return pd.DataFrame(rows, columns=cols)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m lib.stance", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    t = sub.add_parser("train", help="fit the certainty mapping on the certainty data's train rows")
    t.add_argument("data", type=Path, nargs="?", default=DEFAULT_TRAIN)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 2
    model = fit_certainty(args.data)
    MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote lib/data/{MODEL_PATH.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
