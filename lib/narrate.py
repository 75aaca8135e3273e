"""Sentences about results, computed from the tables, so that a notebook's prose is true for whatever article it reads.

Each function takes the tables a notebook already has and returns Markdown (show it with IPython.display.Markdown).
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from lib.article import Article, DateClue, latest_content_date


def speaker_label(speaker: object, none: str = "no speaker") -> str:
    """A speaker's name for prose or display, or `none` for a quote nobody is named for (None or NaN in a table)."""
    return speaker if isinstance(speaker, str) and speaker else none


def _n(count: int, noun: str, plural: str | None = None) -> str:
    """'1 quote', '3 quotes'."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def _list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _quote(text: str, limit: int = 90) -> str:
    """A short quotation of a text for prose: its first `limit` characters, in italics."""
    text = " ".join(str(text).split())
    return f"*“{text[:limit].rstrip()}{'…' if len(text) > limit else ''}”*"


# ------------------------------------------------------------------ 01 parsing

def removed_summary(article: Article) -> str:
    """What the clean-up removed from this article, by reason, with an example of each."""
    if not article.removed:
        return "Nothing was removed from this article: every line is article text."
    by = pd.DataFrame([{"reason": r.reason, "text": r.text} for r in article.removed]).groupby("reason", sort=False)
    rows = [f"| {reason} | {len(g)} | {_quote(g['text'].iloc[0], 70)} |" for reason, g in by]
    return (f"The clean-up removed {_n(len(article.removed), 'piece')} of boilerplate from this article:\n\n"
            "| reason | pieces | first example |\n|---|---|---|\n" + "\n".join(rows))


def header_summary(article: Article) -> str:
    """One sentence on the article's header: title (or its absence), date, byline, paragraphs by kind."""
    kinds = pd.Series([p.kind for p in article.paragraphs]).value_counts()
    nouns = {"title": "title", "subtitle": "subtitle", "caption": "caption", "body": "body paragraph"}
    parts = [_n(int(kinds.get(k, 0)), nouns[k]) for k in nouns if kinds.get(k, 0)]
    title = f"Its title is *{article.title}*" if article.title else "It has no title line (its first line reads as a paragraph), so no title is invented"
    when = f"the header dates it {article.published:%Y-%m-%d %H:%M}" if article.published else "it has no date header"
    by = f"the byline names {article.author}" if article.author else "there is no byline"
    return f"{title}; {when}; {by}. The clean-up keeps {_list(parts)}."


def date_summary(article: Article, clues: list[DateClue]) -> str:
    """Whether the header date agrees with the dates the text mentions, in a few computed sentences."""
    latest = latest_content_date(clues)
    relative = [c for c in clues if c.kind == "relative"]
    noted = [c.note for c in clues if c.note]
    out = []
    if article.published is None:
        out.append("The article has no date header, so there is nothing to check it against.")
    if latest is None:
        out.append("The text mentions no full date (day, month and year)" + (f", only {_n(len(relative), 'relative expression')} such as *{relative[0].text}*." if relative else "."))
    elif article.published is not None:
        gap = (article.published.date() - latest).days
        if gap > 30:
            out.append(f"The header date ({article.published:%Y-%m-%d}) is **{gap} days after** the latest full date in the text "
                       f"({latest:%Y-%m-%d}). A gap that large usually means the header is not the date of writing "
                       "(a re-indexed or updated page): check the relative clues in the table above before trusting it.")
        elif gap < 0:
            out.append(f"The text mentions a date ({latest:%Y-%m-%d}) **after** the header date ({article.published:%Y-%m-%d}): "
                       "a forecast, a scheduled event, or a header that is too early.")
        else:
            out.append(f"The header date ({article.published:%Y-%m-%d}) agrees with the latest full date in the text ({latest:%Y-%m-%d}, {gap} days earlier).")
    else:
        out.append(f"The latest full date in the text is {latest:%Y-%m-%d}; with no header date, it is the best clue to when it was written.")
    if noted:
        out.append("Dated events anchor relative phrases: " + "; ".join(noted) + ".")
    return " ".join(out)


# ------------------------------------------------------------------ 02 quotes

def quotes_summary(quotes: pd.DataFrame) -> str:
    """How many quotes of each kind, and who is quoted most."""
    if quotes.empty:
        return ("The extractor found **no quotes** in this article: no quote marks with a speaker, and no reporting verb "
                "with a source and a reported clause. The rest of the notebook shows the method on built-in examples.")
    kinds = quotes["kind"].value_counts()
    words = quotes.assign(words=quotes["text"].str.split().str.len()).groupby(quotes["speaker"].fillna("(no speaker)"))["words"].sum()
    top = words.sort_values(ascending=False)
    speakers = quotes["speaker"].dropna().nunique()
    return (f"**{_n(len(quotes), 'quote')}** from {_n(speakers, 'speaker')}: "
            f"{_list([f'{int(kinds.get(k, 0))} {k}' for k in ('direct', 'mixed', 'indirect')])}. "
            f"The speaker with the most quoted words is **{top.index[0]}** ({_n(int(top.iloc[0]), 'word')}).")


def voices_summary(quotes: pd.DataFrame) -> str:
    """Who is quoted in their own words (direct or mixed) and who is paraphrased: named people against everyone else."""
    if quotes.empty:
        return "With no quotes, there is no pattern of voices to describe."
    from lib.analysis import PERSON_TYPES, source_types

    df = quotes.assign(named=[t in PERSON_TYPES for t in source_types(quotes)],
                       own=quotes["kind"].isin(["direct", "mixed"]), words=quotes["text"].str.split().str.len())
    parts = []
    for label, g in (("named people", df[df["named"]]), ("other sources (unnamed, collective, outlets, states and organisations)", df[~df["named"]])):
        if len(g):
            share = g.loc[g["own"], "words"].sum() / max(1, g["words"].sum())
            parts.append(f"{label} have {_n(len(g), 'quote')}, {share:.0%} of their quoted words in their own words (direct or mixed)")
    return ("In this article, " + "; ".join(parts) + ". Named voices quoted verbatim and anonymous ones paraphrased by the "
            "journalist is a common pattern worth checking across a corpus: notebook 06's quote table has each quote's "
            "`kind` and `source_type`.")


def gold_summary(matches: pd.DataFrame) -> str:
    """How many gold attributions were found, with the right speaker, and which were missed."""
    found = int(matches["found"].sum())
    right = int(matches["speaker right"].sum())
    missed = matches[~matches["found"]]
    text = f"{found} of {len(matches)} gold attributions found, {right} with the right speaker."
    if len(missed):
        text += " Missed: " + "; ".join(f"{_quote(c, 80)} ({k})" for c, k in zip(missed["content"], missed["kind"])) + "."
    return text


# ------------------------------------------------------------------ 04 sentiment

def disagreement_summary(scores: pd.DataFrame, methods: list[str], words: dict[str, list[tuple[str, float]]]) -> str:
    """The quote the sentiment methods disagree on most: its scores and the words the VADER list scored in it."""
    if scores.empty:
        return "With no quotes, there is no disagreement to look at."
    spread = scores[methods].max(axis=1) - scores[methods].min(axis=1)
    qid = spread.idxmax()
    row = scores.loc[qid]
    hi, lo = row[methods].astype(float).idxmax(), row[methods].astype(float).idxmin()
    scored = ", ".join(f"*{w}* ({v:+.1f})" for w, v in words.get(qid, [])) or "no word at all"
    return (f"The methods disagree most on **{qid}** ({speaker_label(row['speaker'])}): {hi} gives {row[hi]:+.2f}, "
            f"{lo} gives {row[lo]:+.2f} (a spread of {spread[qid]:.2f} on a scale of 2). The VADER word list scored {scored} in it. "
            f"Read the quote and decide which reading a careful human would give: {_quote(row['text'], 160)}")


def methods_summary(nyt: pd.DataFrame, targets: pd.DataFrame) -> str:
    """Which method agrees best with people on each data set, and by how much."""
    best_r = nyt["Pearson r"].idxmax()
    f1 = targets.loc[[i for i in targets.index if not i.startswith("majority")], "macro-F1"]
    majority = targets.loc[[i for i in targets.index if i.startswith("majority")][0], "macro-F1"]
    return (f"On the NYT snippets **{best_r}** correlates best with the human mean (r = {nyt.loc[best_r, 'Pearson r']:.2f}; "
            f"the weakest, {nyt['Pearson r'].idxmin()}, {nyt['Pearson r'].min():.2f}). Toward targets, **{f1.idxmax()}** has the "
            f"best macro-F1 ({f1.max():.2f}) against {majority:.2f} for always answering the most frequent class. These are "
            "vendored samples; the full development files give the README's figures.")


def targets_summary(mentions: pd.DataFrame) -> str:
    """How many target mentions, of how many targets, and the share of each label."""
    if mentions.empty:
        return "No quote mentions a country, organisation, group or person, so there is no target sentiment to show."
    shares = mentions["sentiment"].value_counts(normalize=True)
    top = mentions["target"].value_counts()
    return (f"{_n(len(mentions), 'mention')} of {_n(top.size, 'target')} in the quotes; the most mentioned is **{top.index[0]}** "
            f"({_n(int(top.iloc[0]), 'mention')}). Labels: " + ", ".join(f"{k} {shares.get(k, 0):.0%}" for k in ("negative", "neutral", "positive")) + ".")


# ------------------------------------------------------------------ 06 corpus

def corpus_summary(articles: pd.DataFrame, quotes: pd.DataFrame, errors: pd.DataFrame) -> str:
    """The corpus in a few sentences: articles, quotes, who speaks, and the files that failed."""
    if articles.empty:
        return "No article could be analysed; the errors table says why."
    n_err = int((errors["level"] == "error").sum()) if len(errors) else 0
    none = int((articles["quotes"] == 0).sum())
    text = (f"**{_n(len(articles), 'article')}**, {_n(int(articles['words'].sum()), 'word')}, **{_n(len(quotes), 'quote')}** "
            f"(median {articles['quotes'].median():g} per article; {_n(none, 'article')} with none). ")
    if len(quotes):
        kinds = quotes["kind"].value_counts(normalize=True)
        types = quotes["source_type"].value_counts(normalize=True)
        text += (f"Quotes are {_list([f'{kinds.get(k, 0):.0%} {k}' for k in ('direct', 'mixed', 'indirect')])}; the most frequent "
                 f"source type is *{types.index[0]}* ({types.iloc[0]:.0%} of quotes; section 2 lists every type). ")
    text += f"{_n(n_err, 'file')} could not be analysed." if n_err else "Every file could be analysed."
    return text


# ------------------------------------------------------------------ 05 charts

def claims_summary(claims: list) -> str:
    """Where the claims came from, and what they say."""
    from lib.claims import describe

    return describe(claims) + "".join(f"\n* **{c.id}**: {c.statement}" for c in claims)


def article_reading(quotes: pd.DataFrame, speakers: pd.DataFrame, n_paragraphs: int, claim: str | None) -> str:
    """A reading of the article computed from its quote and speaker tables: who dominates, how sure, which side, where."""
    if quotes.empty:
        return "This article quotes nobody, so there is no story of sources to read from the figures."
    from lib.stance import STANCE_LABELS

    total = max(1, int(quotes["words"].sum()))
    top = speakers.iloc[0]
    out = [f"**{top['speaker']}** ({top['source_type']}) has the most quoted words: {int(top['words'])} of {total} ({top['words'] / total:.0%})."]
    by_type = quotes.groupby("source_type")["words"].sum().sort_values(ascending=False)
    out.append(f"By source type, *{by_type.index[0]}* sources carry {by_type.iloc[0] / total:.0%} of the quoted words.")
    scored = speakers.dropna(subset=["certainty"])
    if len(scored) >= 2:
        lo, hi = scored.loc[scored["certainty"].idxmin()], scored.loc[scored["certainty"].idxmax()]
        out.append(f"The most certain-sounding source is {hi['speaker']} ({hi['certainty']:.1f} on 1–6), the least {lo['speaker']} ({lo['certainty']:.1f}).")
    if claim and "stance" in speakers.columns:
        counts = speakers["stance"].value_counts()
        names = {"agree": "supports it", "disagree": "doubts or denies it", "discuss": "reports it without taking a side", "mixed": "takes both sides"}
        parts = [f"{names[k]}: {_n(int(counts[k]), 'source')}" for k in names if counts.get(k, 0)]
        silent = int(counts.get("unrelated", 0))
        tail = f"; {_n(silent, 'source')} {'says' if silent == 1 else 'say'} nothing about it" if silent else ""
        out.append(f"Toward the main claim (*{claim}*), by the stance model: " + ("; ".join(parts) + tail + "." if parts else "no source speaks to it."))
    half = n_paragraphs / 2
    first = int((quotes["paragraph"] < half).sum())
    direct = quotes[quotes["kind"] == "direct"]
    where = f"; {int((direct['paragraph'] < half).sum())} of its {len(direct)} direct quotes" if len(direct) else ""
    out.append(f"{first} of the {len(quotes)} quotes sit in the first half of the article's {n_paragraphs} paragraphs{where}.")
    return " ".join(out)


# ------------------------------------------------------------------ 03 stance

def certainty_summary(table: pd.DataFrame) -> str:
    """How many quotes carry evidence of certainty, and the least and most certain of them."""
    if table.empty:
        return "No quotes, so no certainty to measure."
    scored = table.dropna(subset=["certainty"])
    text = f"{len(scored)} of {_n(len(table), 'quote')} carry evidence of certainty"
    if len(scored) < len(table):
        text += f" ({len(table) - len(scored)} are fragments with no assertion, reported as missing rather than given the model's baseline)"
    if len(scored):
        lo, hi = scored["certainty"].idxmin(), scored["certainty"].idxmax()
        text += (f". The least certain is **{lo}** ({speaker_label(scored.loc[lo, 'speaker'])}, {scored.loc[lo, 'certainty']:.1f}): "
                 f"{_quote(scored.loc[lo, 'text'], 120)}; the most certain **{hi}** ({speaker_label(scored.loc[hi, 'speaker'])}, "
                 f"{scored.loc[hi, 'certainty']:.1f}).")
    return text if len(scored) else text + "."


def stance_summary(stances: pd.DataFrame, claims: list) -> str:
    """For each claim: how many quotes support, doubt or report it, and from whom."""
    from lib.stance import STANCE_LABELS

    if not claims:
        return "There are no claims, so there is no stance to report."
    if stances.empty:
        return "There are no quotes, so no source takes a stance."
    lines = []
    for c in claims:
        sub = stances[(stances["claim"] == c.id) & (stances["stance"] != "unrelated")]
        if sub.empty:
            lines.append(f"* **{c.id}**: no quote is about it.")
            continue
        parts = []
        for label in ("agree", "disagree", "discuss"):
            who = sub.loc[sub["stance"] == label, "speaker"].fillna("no speaker")
            if len(who):
                parts.append(f"{STANCE_LABELS[label]}: {_n(len(who), 'quote')} ({_list(sorted(set(who)))})")
        lines.append(f"* **{c.id}**: " + "; ".join(parts) + ".")
    return "\n".join(lines)


def stance_model_summary(report: dict) -> str:
    """The FNC-1 model's held-out figures in a sentence, from the report saved with the fitted weights."""
    dev, base = report["dev model"], report["majority class (unrelated)"]
    split = report["dev split"]
    return (f"On the held-out stories ({split['bodies']} article bodies, {split['pairs']:,} headline–body pairs the model never saw), "
            f"macro-F1 is **{dev['macro-F1']:.2f}** (majority class {base['macro-F1']:.2f}) and the official FNC score "
            f"{dev['FNC score']:.0%} of the best possible (majority class {base['FNC score']:.0%}). Per class: agree {dev['F1 agree']:.2f}, "
            f"**disagree {dev['F1 disagree']:.2f}**, discuss {dev['F1 discuss']:.2f}, unrelated {dev['F1 unrelated']:.2f}.")


def stance_check_summary(summary: pd.DataFrame) -> str:
    """The stance model against always answering the most frequent label, on a labelled check."""
    ours, base = summary.iloc[0], summary.iloc[1]
    verdict = ("better than" if ours["macro-F1"] > base["macro-F1"] + 0.02 else
               "no better than" if ours["macro-F1"] >= base["macro-F1"] - 0.02 else "worse than")
    return (f"Macro-F1 **{ours['macro-F1']:.2f}** against {base['macro-F1']:.2f} for always answering the most frequent label "
            f"(*{summary.index[1]}*): {verdict} that baseline here. Read the stances of this notebook as the model's leads, to be "
            "checked against each quote, not as findings.")


def exercise_verdict(got: dict[str, str], reader: dict[str, str]) -> str:
    """A line comparing what a model said with what a careful reader would say, item by item."""
    agree = sum(got[k] == reader[k] for k in reader)
    items = "; ".join(f"{k}: model *{got[k]}*, a reader *{reader[k]}*" for k in reader)
    return f"{items}. The model agrees with the reader on {agree} of {len(reader)}" + (": look at why it fails." if agree < len(reader) else ".")
