"""Evaluation commands that print figures.

    python -m lib.evaluate quotes DIR          PolNeAR-format folder (DIR/text, DIR/attributions): ours vs textacy
    python -m lib.evaluate seed [GOLD.json]    quotes against our gold annotation of the seed
    python -m lib.evaluate gold [GOLD.json]    quotes on several annotated articles (default: the 65 annotated OneStopEnglish texts)
    python -m lib.evaluate certainty FILE      Pearson r with human certainty ratings (Pei and Jurgens format)
    python -m lib.evaluate stance [--quick]    claim stance: FNC-1 dev split, hand-labelled PolNeAR dev quotes, the seed
    python -m lib.evaluate sentiment FILE.tsv  Pearson r of every polarity method (VADER's NYT format)
    python -m lib.evaluate targets FILE.jsonl  macro-F1 of every target-sentiment method (NewsMTSC format)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import pandas as pd
from tqdm import tqdm

from lib.article import read_text

if TYPE_CHECKING:  # lib.quotes loads spaCy: imported where it is used, so a bad path fails at once
    from lib.quotes import Quote

PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "hers", "their", "its", "who", "us", "me"}
STOP = {"the", "a", "an", "of", "at", "for", "in", "on", "and", "to", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "said", "'s"}


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution: content segments, source span and text, cue text and kind."""

    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    source_text: str
    cue: str
    kind: str


@dataclass(frozen=True)
class Prediction:
    """A predicted quote as the scorer sees it: content span, speaker mention span and canonical speaker."""

    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None


def _spans(field: str) -> tuple[tuple[int, int], ...]:
    """Parse brat offsets '12 30;40 52' into span tuples."""
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def gold_kind(text: str, content: tuple[tuple[int, int], ...]) -> str:
    """direct when every content segment sits inside quote marks, mixed when only part of it does, else indirect."""
    marks = "\"“”„«»"
    enclosed = []
    touched = False
    for s, e in content:
        seg = text[s:e].strip()
        opened = seg[:1] in marks or text[s - 1 : s] in marks
        closed = seg[-1:] in marks or bool(re.match(r"[,.?!;:]?[\"”»]", text[e : e + 2])) or seg.rstrip(",.?!;:")[-1:] in marks
        inner = any(c in marks for c in seg.strip(marks + ",.?!;: "))
        enclosed.append(opened and closed and not inner)
        touched = touched or opened or closed or inner
    if all(enclosed):
        return "direct"
    return "mixed" if touched else "indirect"


def read_polnear(folder: str | Path) -> dict[str, tuple[str, list[GoldAttribution]]]:
    """Read a PolNeAR-format folder: {article: (text, gold attributions)}, one annotation file per article."""
    folder = Path(folder)
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise FileNotFoundError(f"{folder}: expected text/ and attributions/ folders (PolNeAR format)")
    out = {}
    for txt in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        spans: dict[str, tuple[str, tuple[tuple[int, int], ...], str]] = {}
        rels = []
        last = None
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            if re.match(r"T\d+\t", line):
                tid, info, *rest = line.split("\t")
                typ, offs = info.split(" ", 1)
                spans[tid] = (typ, _spans(offs), rest[0] if rest else "")
                last = tid
            elif re.match(r"E\d+\t", line):
                _, args = line.split("\t", 1)
                rels.append(dict(a.split(":") for a in args.split()))
                last = None
            elif re.match(r"#\d*\t", line):
                last = None
            elif last is not None:
                typ, sp, t = spans[last]
                spans[last] = (typ, sp, t + "\n" + line)
        golds = []
        for r in rels:
            if "Content" not in r or r["Content"] not in spans:
                continue
            content = spans[r["Content"]][1]
            src = spans.get(r.get("Source", ""), ("", (), ""))
            cue = spans.get(r.get("Cue", ""), ("", (), ""))
            golds.append(GoldAttribution(content, src[1], " ".join(text[a:b] for a, b in src[1]), " ".join(text[a:b] for a, b in cue[1]), gold_kind(text, content)))
        out[txt.stem] = (text, golds)
    return out


def read_gold_json(path: str | Path) -> tuple[str, list[GoldAttribution], list[dict]]:
    """Read a gold file like tests/data/seed_quotes.json: (article text, gold attributions, raw records)."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    text_path = Path(data["file"])
    if not text_path.is_absolute():
        text_path = Path(__file__).resolve().parent.parent / text_path
    return read_text(text_path), gold_attributions(data["attributions"]), data["attributions"]


def gold_attributions(records: list[dict]) -> list[GoldAttribution]:
    """GoldAttribution objects from the records of a gold JSON file (content, source, cue, kind)."""
    golds = []
    for rec in records:
        content = tuple((c["start"], c["end"]) for c in rec["content"])
        src = rec.get("source") or {}
        source = ((src["start"], src["end"]),) if src and src["end"] > src["start"] else ()  # an empty span names no source
        golds.append(GoldAttribution(content, source, src.get("text", ""), rec["cue"]["text"], rec["kind"]))
    return golds


def read_gold_articles(path: str | Path) -> dict[str, tuple[str, list[GoldAttribution], list[dict], list[dict]]]:
    """Read a multi-article gold file like tests/data/ose_quotes.json: {file: (text, golds, raw records, must-not-quote spans)}."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    root = Path(__file__).resolve().parent.parent
    out = {}
    for art in data["articles"]:
        text_path = Path(art["file"]) if Path(art["file"]).is_absolute() else root / art["file"]
        text = read_text(text_path)
        golds = gold_attributions(art["attributions"])
        out[art["file"]] = (text, golds, art["attributions"], art.get("must_not_quote", []))
    return out


def gold_articles_table(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores on a multi-article gold file (PolNeAR convention, plus full-name accuracy and nicknames quoted); and one row per gold."""
    from lib.nlp import load_pipeline
    from lib.quotes import extract_quotes

    nlp = load_pipeline()
    arts = read_gold_articles(path)
    found: dict[str, list[Quote]] = {name: extract_quotes(text, nlp) for name, (text, *_rest) in arts.items()}
    by_text = {arts[n][0]: n for n in arts}
    res = score({n: (t, g) for n, (t, g, _, _) in arts.items()},
                lambda text: [Prediction(q.start, q.end, q.speaker, q.speaker_start, q.speaker_end) for q in found[by_text[text]]], label="gold")
    rows = []
    nicknames = 0
    for name, (text, _, records, never) in arts.items():
        table = gold_matches(text, records, found[name])
        table.insert(0, "file", Path(name).name)
        rows.append(table)
        for n in never:
            nicknames += any(q.start < n["end"] and n["start"] < q.end and q.end - q.start <= len(n["text"]) + 3 for q in found[name])
    detail = pd.concat(rows, ignore_index=True)
    hits = detail[detail["found"]]
    res["full name"] = hits["speaker right"].mean() if len(hits) else float("nan")
    res["nicknames or titles quoted"] = nicknames
    res["must-not-quote spans"] = sum(len(v[3]) for v in arts.values())
    return pd.DataFrame({"lib.quotes": res}), detail


def _name_key(name: str) -> str:
    """A speaker name for comparison: case and compatibility forms folded ('scientiﬁc', with a ligature, is 'scientific')."""
    return unicodedata.normalize("NFKC", name).casefold()


def gold_matches(text: str, records: list[dict], quotes: list[Quote]) -> pd.DataFrame:
    """One row per gold attribution: how much of it the quotes cover, and the speaker of the best-overlapping quote (a
    quote with no speaker is right for a gold attribution to unnamed sources)."""
    mask = _covered([(q.start, q.end) for q in quotes], len(text))
    rows = []
    for rec in records:
        chars = [i for c in rec["content"] for i in range(c["start"], c["end"]) if not text[i].isspace()]
        cov = sum(mask[i] for i in chars) / len(chars) if chars else 0.0
        overlap = lambda q: (sum(max(0, min(c["end"], q.end) - max(c["start"], q.start)) for c in rec["content"]), -(q.end - q.start))
        best = max(quotes, key=overlap) if quotes else None
        found = cov >= 0.3 and best is not None
        rows.append({
            "id": rec["id"], "kind": rec["kind"], "gold speaker": rec["speaker"], "cue": rec["cue"]["text"],
            "coverage": round(cov, 2), "found": found,
            "predicted speaker": best.speaker if found else None,
            # the gold's 'unnamed sources' ('is thought to', 'reportedly') is a quote with no speaker
            "speaker right": found and _name_key(best.speaker or "unnamed sources") == _name_key(rec["speaker"]),
            "content": " … ".join(c["text"] for c in rec["content"]),
        })
    return pd.DataFrame(rows)


def _covered(spans: list[tuple[int, int]], length: int) -> list[bool]:
    """A boolean mask of the characters covered by any span."""
    mask = [False] * length
    for s, e in spans:
        for i in range(max(0, s), min(length, e)):
            mask[i] = True
    return mask


def _is_speech(cue: str) -> bool:
    """Whether a gold cue is a speech cue (said, told, added, according to, ...)."""
    from lib.quotes import cue_lexicon

    lex = cue_lexicon()
    words = re.findall(r"[a-z]+", cue.lower())
    if "according" in words:
        return True
    lemmas = {w[:-1] if w.endswith("s") else w for w in words} | {w[:-2] for w in words if w.endswith("ed")} | {w[:-1] for w in words if w.endswith("ed")} | set(words)
    lemmas |= {"say"} if {"said", "says", "saying"} & set(words) else set()
    lemmas |= {"tell"} if {"told", "tells", "telling"} & set(words) else set()
    return bool(lemmas & (lex["speech"] - {"think"}))


def _content_words(s: str) -> set[str]:
    """Lower-cased content words of a name or noun phrase."""
    return {w for w in re.findall(r"[\w'-]+", s.lower()) if w not in STOP and w not in PRONOUNS}


def score(articles: dict[str, tuple[str, list[GoldAttribution]]], predict: Callable[[str], list[Prediction]], label: str = "scoring") -> dict[str, float]:
    """Score an extractor on gold articles with the PolNeAR convention (30% and 80% coverage)."""
    found = {0.3: 0, 0.8: 0}
    n_gold = 0
    by_kind = {k: [0, 0] for k in ("direct", "mixed", "indirect")}
    speech = [0, 0]
    correct = {0.5: 0, 0.8: 0}
    n_pred = 0
    spk = [0, 0]
    for name, (text, golds) in tqdm(articles.items(), desc=label, unit="article", leave=False):
        preds = predict(text)
        n_pred += len(preds)
        pred_mask = _covered([(p.start, p.end) for p in preds], len(text))
        gold_mask = _covered([s for g in golds for s in g.content], len(text))
        for p in preds:
            length = max(1, p.end - p.start)
            inside = sum(gold_mask[p.start : p.end]) / length
            for t in correct:
                correct[t] += inside >= t
        for g in golds:
            chars = [i for s, e in g.content for i in range(s, e) if not text[i].isspace()]
            if not chars:
                continue
            n_gold += 1
            cov = sum(pred_mask[i] for i in chars) / len(chars)
            for t in found:
                found[t] += cov >= t
            by_kind[g.kind][0] += cov >= 0.3
            by_kind[g.kind][1] += 1
            if _is_speech(g.cue):
                speech[0] += cov >= 0.3
                speech[1] += 1
            if cov >= 0.3 and g.source:
                # the prediction that overlaps the gold most; ties go to the tighter prediction
                best = max(preds, key=lambda p: (sum(max(0, min(e, p.end) - max(s, p.start)) for s, e in g.content), -(p.end - p.start)))
                ok = False
                if best.speaker_start is not None and any(best.speaker_start < e and s < best.speaker_end for s, e in g.source):
                    ok = True
                src_words = _content_words(g.source_text)
                if g.source_text.lower().strip() not in PRONOUNS and best.speaker and src_words & _content_words(best.speaker):
                    ok = True
                spk[0] += ok
                spk[1] += 1
    res = {}
    for t_r, t_p in ((0.3, 0.5), (0.8, 0.8)):
        p = correct[t_p] / n_pred if n_pred else 0.0
        r = found[t_r] / n_gold if n_gold else 0.0
        tag = f"{int(t_r * 100)}%"
        res[f"precision {tag}"] = p
        res[f"recall {tag}"] = r
        res[f"F1 {tag}"] = 2 * p * r / (p + r) if p + r else 0.0
    for k, (a, b) in by_kind.items():
        res[f"{k} recall"] = a / b if b else float("nan")
    res["speech-cue recall"] = speech[0] / speech[1] if speech[1] else float("nan")
    res["speaker accuracy"] = spk[0] / spk[1] if spk[1] else float("nan")
    res["predictions"] = n_pred
    res["golds"] = n_gold
    return res


def ours() -> Callable[[str], list[Prediction]]:
    """Our extractor as a scorer callback."""
    from lib.nlp import load_pipeline
    from lib.quotes import extract_quotes

    nlp = load_pipeline()

    def predict(text: str) -> list[Prediction]:
        return [Prediction(q.start, q.end, q.speaker, q.speaker_start, q.speaker_end) for q in extract_quotes(text, nlp)]

    return predict


def textacy_baseline() -> Callable[[str], list[Prediction]]:
    """textacy 0.13 direct_quotations as a scorer callback (an article it raises on yields no quotes)."""
    from textacy.extract.triples import direct_quotations

    from lib.nlp import load_pipeline

    nlp = load_pipeline()

    def predict(text: str) -> list[Prediction]:
        doc = nlp(text)
        out = []
        try:
            for dq in direct_quotations(doc):
                spk = dq.speaker
                s0 = min(t.idx for t in spk) if spk else None
                s1 = max(t.idx + len(t) for t in spk) if spk else None
                out.append(Prediction(dq.content.start_char, dq.content.end_char, " ".join(t.text for t in spk) or None, s0, s1))
        except ValueError:
            return []
        return out

    return predict


def quotes_table(folder: str | Path) -> pd.DataFrame:
    """The comparison table: one row per extractor, PolNeAR convention."""
    articles = read_polnear(folder)
    rows = {}
    for name, make in (("ours (lib.quotes)", ours), ("textacy 0.13 direct_quotations", textacy_baseline)):
        rows[name] = score(articles, make(), label=name)
    return pd.DataFrame(rows).T


def certainty_table(path: str | Path) -> pd.DataFrame:
    """Pearson r of lib.stance.certainty (over the sentences it scores, with the share scored) and of a hedge-count baseline, per split."""
    import math

    from scipy.stats import pearsonr

    from lib.stance import certainty, certainty_cues

    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {}
    for split in sorted({r.get("split", "all") for r in rows}):
        sub = [r for r in rows if r.get("split", "all") == split]
        gold = [float(r["sentence-level-certainty"]) for r in sub]
        texts = [r["finding"] for r in sub]
        scores = certainty(texts)
        kept = [(s, g) for s, g in zip(scores, gold) if not math.isnan(s)]
        ours_r = pearsonr([s for s, _ in kept], [g for _, g in kept])[0] if len(kept) > 2 else math.nan
        hedges = [-sum(1 for c in certainty_cues(t) if c.sign < 0) for t in texts]
        out[split] = {"rows": len(sub), "scored": len(kept) / len(sub), "lib.stance.certainty r": ours_r,
                      "hedge count r (baseline)": pearsonr(hedges, gold)[0]}
    table = pd.DataFrame(out).T
    table["rows"] = table["rows"].astype(int)
    return table


def stance_table(gold_quotes: str | Path | None = None, gold_stance: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Claim stance on the seed: per gold attribution and claim, the gold and predicted labels; and macro-F1 beside the majority class.

    The gold labels (tests/data/seed_stance.json) were written by the project: a sanity check, not an independent test.
    """
    from lib.claims import load_claims
    from lib.quotes import extract_quotes
    from lib.stance import _scores_table, stance

    data_dir = Path(__file__).resolve().parent.parent / "tests" / "data"
    gold_quotes = Path(gold_quotes or data_dir / "seed_quotes.json")
    text, _, records = read_gold_json(gold_quotes)
    gold = json.loads(Path(gold_stance or data_dir / "seed_stance.json").read_text(encoding="utf-8"))
    quotes = extract_quotes(text)
    root = Path(__file__).resolve().parent.parent
    article_file = root / json.loads(gold_quotes.read_text(encoding="utf-8"))["file"]
    claims = [c for c in load_claims(article_file) if c.id in gold["claims"]]
    for c in claims:
        if c.statement != gold["claims"][c.id]:
            raise ValueError(f"{gold_stance or 'seed_stance.json'}: claim {c.id} is {gold['claims'][c.id]!r} but the claims file says {c.statement!r}")
    table = stance(quotes, claims, text)
    rows = []
    for rec in records:
        spans = [(c["start"], c["end"]) for c in rec["content"]]
        overlap = [sum(max(0, min(q.end, e) - max(q.start, s)) for s, e in spans) for q in quotes]
        k = max(range(len(quotes)), key=overlap.__getitem__) if quotes and max(overlap) > 0 else None
        for c in claims:
            pred = table[(table["quote"] == f"Q{k + 1}") & (table["claim"] == c.id)] if k is not None else table.iloc[0:0]
            rows.append({"id": rec["id"], "speaker": rec["speaker"], "claim": c.id, "gold": gold["labels"][rec["id"]][c.id],
                         "predicted": pred["stance"].iloc[0] if len(pred) else "unrelated", "found": k is not None})
    detail = pd.DataFrame(rows)
    detail["correct"] = detail["gold"] == detail["predicted"]
    summary = _scores_table(detail["gold"].tolist(), {"lib.stance": detail["predicted"].tolist()})
    return detail, summary


def read_nyt(path: str | Path) -> tuple[list[str], list[float]]:
    """VADER's NYT editorial snippets format (id, mean rating, sentence; tab-separated, no header)."""
    texts, ratings = [], []
    for i, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            raise ValueError(f"{path}:{i}: expected id, rating and sentence separated by tabs")
        ratings.append(float(parts[1]))
        texts.append("\t".join(parts[2:]))
    return texts, ratings


def sentiment_table(path: str | Path) -> pd.DataFrame:
    """Pearson r of every polarity method with the human mean ratings of a NYT-format file."""
    from scipy.stats import pearsonr

    from lib.sentiment import METHODS, polarity

    texts, ratings = read_nyt(path)
    rows = {m: {"Pearson r": pearsonr(polarity(texts, m), ratings)[0], "snippets": len(texts)} for m in METHODS}
    table = pd.DataFrame(rows).T
    table["snippets"] = table["snippets"].astype(int)
    return table


def targets_table(path: str | Path) -> pd.DataFrame:
    """Macro-F1 and accuracy of every method's target sentiment on a NewsMTSC-format file, with the majority class."""
    from sklearn.metrics import accuracy_score, f1_score

    from lib.sentiment import METHODS, _read_newsmtsc, newsmtsc_items, target_polarity

    items, gold = newsmtsc_items(_read_newsmtsc(Path(path)))
    rows = {}
    for m in METHODS:
        pred = target_polarity(items, m)
        rows[m] = {"macro-F1": f1_score(gold, pred, average="macro"), "accuracy": accuracy_score(gold, pred)}
    majority = max(set(gold), key=gold.count)
    rows[f"majority class ({majority})"] = {"macro-F1": f1_score(gold, [majority] * len(gold), average="macro"), "accuracy": gold.count(majority) / len(gold)}
    table = pd.DataFrame(rows).T
    table["targets"] = len(gold)
    return table


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m lib.evaluate", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    q = sub.add_parser("quotes", help="score quote extraction on a PolNeAR-format folder")
    q.add_argument("folder", type=Path)
    g = sub.add_parser("seed", help="score quote extraction on a gold file such as tests/data/seed_quotes.json")
    g.add_argument("gold", type=Path, nargs="?", default=Path(__file__).resolve().parent.parent / "tests" / "data" / "seed_quotes.json")
    go = sub.add_parser("gold", help="score quote extraction on a multi-article gold file such as tests/data/ose_quotes.json")
    go.add_argument("gold", type=Path, nargs="?", default=Path(__file__).resolve().parent.parent / "tests" / "data" / "ose_quotes.json")
    c = sub.add_parser("certainty", help="Pearson r of certainty with human ratings (Pei and Jurgens format)")
    c.add_argument("file", type=Path)
    st = sub.add_parser("stance", help="claim stance: FNC-1 dev split, PolNeAR dev quote labels, the seed (needs ../shared)")
    st.add_argument("--quick", action="store_true", help="score only the first 60 dev bodies of FNC-1")
    se = sub.add_parser("sentiment", help="Pearson r of every polarity method with human ratings (VADER's NYT format)")
    se.add_argument("file", type=Path)
    ta = sub.add_parser("targets", help="macro-F1 of every method's target sentiment (NewsMTSC format)")
    ta.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    if args.what in ("sentiment", "targets"):
        if not args.file.exists():
            print(f"error: {args.file}: no such file", file=sys.stderr)
            return 2
        table = sentiment_table(args.file) if args.what == "sentiment" else targets_table(args.file)
        print(table.to_string(float_format="{:.3f}".format))
        return 0
    if args.what == "certainty":
        if not args.file.exists():
            print(f"error: {args.file}: no such file", file=sys.stderr)
            return 2
        table = certainty_table(args.file)
        print(table.to_string(formatters={"rows": "{:.0f}".format}, float_format="{:.3f}".format))
        return 0
    if args.what == "stance":
        from lib.stance import FNC_DIR, LABELS_DIR, POLNEAR_DIR, STANCES, fnc_dev_table, label_table

        fmt = {"display.float_format": "{:.3f}".format, "display.width": 200}
        for path in (FNC_DIR, POLNEAR_DIR / "dev" / "text"):
            if not path.exists():
                print(f"error: {path}: not found (the evaluation data lives in ../shared)", file=sys.stderr)
                return 2
        table, conf = fnc_dev_table(max_bodies=60 if args.quick else None)
        with pd.option_context(*[x for kv in fmt.items() for x in kv]):
            print("FNC-1, held-out 20% of the training stories (split by Body ID), model fitted on the other 80%:")
            print(table.to_string())
            print(pd.DataFrame(conf).T.loc[list(STANCES), list(STANCES)].rename_axis("gold \\ predicted").to_string())
            detail, summary = label_table(LABELS_DIR / "polnear_dev_stance.json", POLNEAR_DIR / "dev" / "text")
            print("\nQuotes of 11 PolNeAR dev articles toward a claim per article (labels by the project, written before any prediction):")
            print(summary.to_string())
            print(pd.crosstab(detail["gold"], detail["predicted"]).to_string())
            detail, summary = stance_table()
            print("\nThe seed's gold attributions toward its four claims (labels by the project: a sanity check, not a test):")
            print(summary.to_string())
        return 0
    if args.what == "gold":
        if not args.gold.exists():
            print(f"error: {args.gold}: no such file", file=sys.stderr)
            return 2
        summary, detail = gold_articles_table(args.gold)
        with pd.option_context("display.width", 200, "display.max_colwidth", 40):
            print(detail.drop(columns=["content"]).to_string(index=False))
        print()
        counts = ["predictions", "golds", "nicknames or titles quoted", "must-not-quote spans"]
        print(summary.drop(index=counts).to_string(float_format="{:.3f}".format))
        print(summary.loc[counts].astype(int).to_string())
        return 0
    if args.what == "seed":
        from lib.quotes import extract_quotes

        text, golds, records = read_gold_json(args.gold)
        table = gold_matches(text, records, extract_quotes(text))
        with pd.option_context("display.width", 200, "display.max_colwidth", 60):
            print(table.drop(columns=["content"]).to_string(index=False))
        print()
        print(table.groupby("kind")[["found", "speaker right"]].mean().round(3).to_string())
        return 0
    if args.what == "quotes":
        try:
            table = quotes_table(args.folder)
        except FileNotFoundError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        counts = table[["predictions", "golds"]].astype(int)
        with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 200):
            print(table.drop(columns=["predictions", "golds"]).T.to_string())
            print()
            print(counts.to_string())
    return 0


def _cli(argv: list[str] | None = None) -> int:
    """main() with one clear line instead of a traceback when an input file is not in the expected format."""
    try:
        return main(argv)
    except BrokenPipeError:
        raise  # the reader stopped early (`| head`): exit_cli ends quietly
    except OSError as exc:  # a missing file, a folder given for a file, a file that cannot be read
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}".lstrip(": "), file=sys.stderr)
        return 2
    except (ValueError, KeyError, IndexError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        print(f"error: the input is not in the expected format ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    from lib.article import exit_cli

    exit_cli(_cli)
