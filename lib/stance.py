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

STANCES = ("support", "oppose", "uncertain", "unrelated")


@dataclass(frozen=True)
class Claim:
    """A claim a quote can back or doubt: a statement and the patterns that show a sentence is about it."""

    id: str
    statement: str
    about: tuple[tuple[str, ...], ...]  # rules: every pattern of one rule must match
    definite: tuple[str, ...] = ()  # nouns whose definite mention ('the deal') is about the claim


@lru_cache(maxsize=1)
def _claims_file() -> dict:
    """lib/data/claims.json, compiled."""
    data = json.loads((DATA_DIR / "claims.json").read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    data["_markers"] = {k: [re.compile(p, flags) for p in v] for k, v in data["stance_markers"].items()}
    data["_refs"] = [re.compile(p, flags) for p in data["references"]]
    return data


def load_claims(article: str | None = None) -> list[Claim]:
    """The claims written for an article file (by base name), or the 'default' ones."""
    arts = _claims_file()["articles"]
    key = Path(article).name if article else "default"
    return [Claim(c["id"], c["statement"], tuple(tuple(rule) for rule in c["about"]), tuple(c.get("definite", ())))
            for c in arts.get(key, arts.get("default", []))]


_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep", "prof", "no", "vs", "etc",
                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co"}
_CANDIDATE_RE = re.compile(r"[.!?][\"'”’)]*\s+")


def _sentences(text: str) -> list[str]:
    """Sentences of a quote: split after . ! ? followed by space, except after abbreviations and initials (U.N.)."""
    out, start = [], 0
    for m in _CANDIDATE_RE.finditer(text):
        word = re.search(r"(\w+)\W*$", text[start : m.start() + 1])
        prev = word.group(1) if word else ""
        nxt = text[m.end() : m.end() + 1]
        if text[m.start()] == "." and (len(prev) == 1 or prev.lower() in _ABBREVIATIONS or not (nxt.isupper() or nxt in "\"“‘'")):
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def _about(claim: Claim, sentence: str) -> list[str]:
    """The words that show a sentence is about a claim (empty when it is not)."""
    hits: list[str] = []
    for rule in claim.about:
        found = [re.search(p, sentence, re.IGNORECASE) for p in rule]
        if all(found):
            hits += [m.group() for m in found if m]
    for noun in claim.definite:
        m = re.search(rf"\b(?:the|this|that) {re.escape(noun)}\b", sentence, re.IGNORECASE)
        if m:
            hits.append(m.group())
    return list(dict.fromkeys(hits))


_BOUNDARY_RE = re.compile(r"[.!?][\"'”’]*\s+|\n\s*\n")


def _previous_sentence(text: str, start: int) -> str:
    """The sentence before the one that holds offset `start` in `text`."""
    bounds = [m.end() for m in _BOUNDARY_RE.finditer(text, max(0, start - 2000), start)]
    if not bounds:
        return ""
    own_start = bounds[-1]
    prev_start = bounds[-2] if len(bounds) > 1 else max(0, start - 2000)
    return text[prev_start:own_start].strip()


def claim_stance(quote_text: str, claim: Claim, context: str = "", cue: str = "") -> tuple[str, float, list[str]]:
    """Stance of one quote toward one claim: (label, score in [-1, 1], evidence words).

    A sentence is about the claim when its patterns match, or when it holds a reference
    ('Such a deal', 'This', 'the offer') and the previous sentence (`context`) was about it.
    Stance markers are read in the sentences about the claim and in the cue ('remain skeptical
    of', 'denied', 'urging'): opposing markers win over undecided ones, which win over supporting
    ones, and a sentence about the claim with no marker asserts it (support). A negator just
    before an opposing marker turns it into support ('no reason to reject').
    """
    data = _claims_file()
    prev_about = bool(context) and bool(_about(claim, context))
    related: list[tuple[str, list[str]]] = []
    for sent in _sentences(quote_text):
        hits = _about(claim, sent)
        if not hits and prev_about:
            ref = next((m for r in data["_refs"] for m in [r.search(sent)] if m), None)
            if ref is not None:
                hits = [f"{ref.group()} (refers back)"]
        if hits:
            related.append((sent, hits))
        prev_about = bool(hits)
    if not related:
        return "unrelated", 0.0, []
    found: dict[str, list[str]] = {k: [] for k in ("oppose", "undecided", "support")}
    for sent in [cue] + [s for s, _ in related]:
        for kind, pats in data["_markers"].items():
            for p in pats:
                for m in p.finditer(sent):
                    negated = kind == "oppose" and re.search(r"\b(?:no|not|never|n't|without)\b(?:\W+\w+){0,2}\W*$", sent[: m.start()], re.IGNORECASE)
                    found["support" if negated else kind].append(m.group())
    evidence = [h for _, hits in related for h in hits]
    strength = (certainty([" ".join(s for s, _ in related)])[0] - 1.0) / 5.0
    if found["oppose"]:
        return "oppose", -round(strength, 3), evidence + found["oppose"]
    if found["undecided"]:
        return "uncertain", 0.0, evidence + found["undecided"]
    return "support", round(strength, 3), evidence + found["support"]


def stance(quotes: list, claims: list[Claim], text: str | None = None) -> "pd.DataFrame":
    """One row per quote and claim: stance label (support, oppose, uncertain, unrelated), score and evidence.

    `quotes` are lib.quotes.Quote objects (or anything with .text, .start and .speaker); `text` is the
    article text they come from, used to follow references back to the previous sentence.
    """
    import pandas as pd

    rows = []
    for i, q in enumerate(quotes):
        context = _previous_sentence(text, q.start) if text is not None else ""
        cue = getattr(q, "cue", None) or ""
        for c in claims:
            label, score, evidence = claim_stance(q.text, c, context, cue)
            rows.append({"quote": i, "speaker": getattr(q, "speaker", None), "claim": c.id, "stance": label,
                         "score": score, "evidence": ", ".join(dict.fromkeys(evidence)), "text": q.text})
    return pd.DataFrame(rows, columns=["quote", "speaker", "claim", "stance", "score", "evidence", "text"])


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
