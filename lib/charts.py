"""One function per figure kind: each takes tidy DataFrames and returns a matplotlib Figure.

Every chart uses the named palettes of lib/plotting.py, copes with "nothing to show" (the title says so, no empty
frame), and leaves saving to `plotting.savefig`. Notebooks call these; they hold no plotting code of their own.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, PercentFormatter

from lib import plotting as P

NO_SPEAKER = "(no speaker)"


def _speakers(series: pd.Series) -> pd.Series:
    """Speaker names with a visible label for quotes whose speaker was not found."""
    return series.fillna(NO_SPEAKER).replace("", NO_SPEAKER)


def _title(fig: plt.Figure, title: str, width: int = 95) -> None:
    """A left-aligned figure title, wrapped so it never runs off the figure."""
    fig.suptitle(P.wrap(title, width), x=0.01, ha="left", fontsize=11)


def _spread(values: pd.Series, step: float = 0.14) -> np.ndarray:
    """Vertical offsets that set equal values side by side (0, +step, -step, ...) instead of on top of each other."""
    seen: dict[float, int] = {}
    out = []
    for v in values:
        k = seen.get(v, 0)
        seen[v] = k + 1
        out.append(step * ((k + 1) // 2) * (1 if k % 2 else -1))
    return np.array(out)


def _height(rows: int, per_row: float = 0.34, extra: float = 1.8, least: float = 3.0) -> float:
    """Figure height for a chart with one row per item."""
    return max(least, per_row * rows + extra)


# ------------------------------------------------------------------ 01 parsing

def entity_bars(counts: pd.DataFrame, label: str, top: int = 15) -> plt.Figure:
    """The most mentioned entities (aliases merged), coloured by spaCy label."""
    title = "Most mentioned people, organisations and places"
    if counts.empty:
        return P.empty_figure(f"{title}: none found", f"spaCy found no named entities in “{label}”.")
    data = counts.head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, _height(len(data), 0.3, 1.6)))
    ax.barh(data["entity"], data["mentions"], color=[P.ENTITY_COLORS.get(l, P.MUTED) for l in data["label"]])
    used = [l for l in P.ENTITY_COLORS if l in set(data["label"])]
    ax.legend(handles=[Patch(color=P.ENTITY_COLORS[l], label=l) for l in used], title="spaCy label", loc="lower right", frameon=False)
    ax.set_xlabel("mentions in kept paragraphs (aliases and surnames merged)")
    _title(fig, f"{title} in “{label}”", 85)
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ 02 quotes

def quotes_by_speaker(quotes: pd.DataFrame, top: int = 20) -> plt.Figure:
    """Quotes and quoted words per speaker, stacked by kind of quote (direct, mixed, indirect)."""
    title = "Who is quoted, and how"
    if quotes.empty:
        return P.empty_figure(f"{title}: no quotes in this article", "The extractor found no quotes, so there is no speaker to chart.")
    df = quotes.assign(speaker=_speakers(quotes["speaker"]), words=quotes["text"].str.split().str.len())
    kinds = list(P.KIND_COLORS)
    counts = df.pivot_table(index="speaker", columns="kind", values="text", aggfunc="count", fill_value=0).reindex(columns=kinds, fill_value=0)
    words = df.pivot_table(index="speaker", columns="kind", values="words", aggfunc="sum", fill_value=0).reindex(columns=kinds, fill_value=0)
    order = words.sum(axis=1).sort_values().index[-top:]
    fig, axes = plt.subplots(1, 2, figsize=(10, _height(len(order))), sharey=True)
    for ax, data, xlabel in ((axes[0], counts, "quotes"), (axes[1], words, "words quoted")):
        left = pd.Series(0, index=order)
        for kind in kinds:
            ax.barh(order, data.loc[order, kind], left=left, color=P.KIND_COLORS[kind], label=kind, edgecolor="white", linewidth=0.5)
            left += data.loc[order, kind]
        ax.set_xlim(0, max(1, left.max()) * 1.08)
        ax.set_xlabel(xlabel)
    axes[1].legend(title="kind of quote", frameon=False, loc="lower right")
    _title(fig, title + (f" (the {top} most quoted speakers, by words quoted)" if len(words) > top else " (speakers ordered by words quoted)"))
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ 03 stance

def certainty_by_speaker(quotes: pd.DataFrame) -> plt.Figure:
    """Each speaker's mean certainty (bar) and single quotes (dots); quotes with no evidence are counted, not drawn."""
    title = "How certain each source sounds"
    scored = quotes[quotes["certainty"].notna()] if not quotes.empty else quotes
    if scored.empty:
        why = "no quotes in this article" if quotes.empty else "no quote carries evidence of certainty"
        return P.empty_figure(f"{title}: {why}", "There is nothing to rank: certainty is scored only where a quote (or the sentence carrying it) makes an assertion.")
    df = scored.assign(speaker=_speakers(scored["speaker"]))
    missing = quotes.assign(speaker=_speakers(quotes["speaker"]))["certainty"].isna().groupby(_speakers(quotes["speaker"])).sum()
    by = df.groupby("speaker")["certainty"].agg(["mean", "count"]).sort_values("mean")
    fig, ax = plt.subplots(figsize=(8, _height(len(by))))
    ax.barh(by.index, by["mean"] - 1, left=1, color=P.NEUTRAL, alpha=0.45)
    for y, speaker in enumerate(by.index):
        values = df.loc[df["speaker"] == speaker, "certainty"].round(2)
        ax.scatter(values, y + _spread(values), color="black", s=14, zorder=3)
        note = f"n={by.loc[speaker, 'count']}" + (f" (+{int(missing.get(speaker, 0))} no evidence)" if missing.get(speaker, 0) else "")
        ax.text(1.01, y, note, va="center", fontsize=8, transform=ax.get_yaxis_transform())
    ax.set_xlim(1, 6)
    ax.set_xticks(range(1, 7))
    ax.set_xlabel("certainty (1 = very uncertain … 6 = very certain; Pei and Jurgens scale)")
    _title(fig, f"{title}: mean certainty of their quotes (dots: single quotes)")
    fig.tight_layout()
    return fig


def stance_by_claim(stances: pd.DataFrame, claims: list) -> plt.Figure:
    """Speaker x claim: the colour is the speaker's stance (supports, doubts, reports, mixed); letters give the labels."""
    from lib.stance import STANCE_LABELS

    title = "Who supports, doubts or reports which claim"
    if not claims:
        return P.empty_figure(f"{title}: no claims", "This article has no headline and no claims file, so there is no claim to take a stance on.")
    related = stances[stances["stance"] != "unrelated"] if not stances.empty else stances
    if related.empty:
        why = "no quotes in this article" if stances.empty else "no quote is about any claim"
        return P.empty_figure(f"{title}: {why}", "Every quote was judged not to be about the article's claims.")
    from lib.analysis import combined_stance

    df = related.assign(speaker=_speakers(related["speaker"]))
    grid = df.groupby(["speaker", "claim"])["stance"].agg(lambda s: sorted(set(s)))
    speakers = sorted(grid.index.get_level_values(0).unique(), key=lambda s: (-len(df[df["speaker"] == s]), s))
    ids = [c.id for c in claims]
    fig, ax = plt.subplots(figsize=(3.2 + 1.1 * len(ids), _height(len(speakers), 0.42, 2.4 + 0.3 * len(ids))))
    for i, speaker in enumerate(speakers):
        for j, cid in enumerate(ids):
            labels = grid.get((speaker, cid))
            if not labels:
                ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="white", edgecolor=P.BAND))
                continue
            key = combined_stance(labels)
            ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=P.STANCE_COLORS[key], edgecolor="white", linewidth=2))
            letters = "+".join(P.STANCE_LETTERS[l] for l in labels)
            ax.text(j, i, letters, ha="center", va="center", fontsize=9, color="white" if key in ("agree", "disagree", "mixed") else "black")
    ax.set_xlim(-0.5, len(ids) - 0.5)
    ax.set_ylim(len(speakers) - 0.5, -0.5)
    ax.set_xticks(range(len(ids)), ids)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(speakers)), speakers)
    ax.tick_params(length=0)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Patch(facecolor=P.STANCE_COLORS[k], label=f"{P.STANCE_LETTERS[k]}  {STANCE_LABELS.get(k, 'mixed: supports and doubts')}")
               for k in ("agree", "disagree", "discuss", "mixed")]
    ax.legend(handles=handles + [Patch(facecolor="white", edgecolor=P.BAND, label="blank: says nothing about it")],
              frameon=False, loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8)
    key = "\n".join(P.wrap(f"{c.id}: {c.statement}", 90) for c in claims)
    key += "\nSeveral quotes in one cell: a side taken wins over reporting (S+R is supports); supports and doubts together is mixed."
    ax.text(0, -0.02, key, transform=ax.transAxes, ha="left", va="top", fontsize=8)
    _title(fig, f"{title} (the stance model's reading: check each quote)")
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ 04 sentiment

def sentiment_by_method(scores: pd.DataFrame, methods: list[str]) -> plt.Figure:
    """One row per quote (its id and speaker), one marker per sentiment method, on a symmetric -1..1 axis."""
    title = "Sentiment of each quote under each method"
    if scores.empty:
        return P.empty_figure(f"{title}: no quotes in this article", "There are no quotes to score.")
    order = scores.index[::-1]
    fig, ax = plt.subplots(figsize=(8.5, _height(len(order), 0.3, 1.6)))
    ax.axvline(0, color=P.MUTED, linewidth=0.8)
    for k, method in enumerate(methods):
        dodge = 0.18 * (k - (len(methods) - 1) / 2)  # each method on its own sub-row, so equal scores do not hide each other
        ax.scatter(scores.loc[order, method], np.arange(len(order)) + dodge, marker=P.METHOD_MARKERS[method], s=24,
                   color=P.METHOD_COLORS[method], label=method, zorder=3, alpha=0.85)
    ax.set_yticks(range(len(order)), [f"{q} · {s}" for q, s in zip(order, _speakers(scores.loc[order, "speaker"]))], fontsize=8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("polarity (−1 negative … +1 positive)")
    ax.legend(ncol=len(methods), loc="lower left", bbox_to_anchor=(0.0, 1.0), frameon=False)
    _title(fig, title)
    fig.tight_layout()
    return fig


def sentiment_toward_targets(mentions: pd.DataFrame, top: int = 8) -> plt.Figure:
    """Speaker x target: mean target sentiment, shrunk toward neutral for few mentions; hatched cells were never mentioned."""
    title = "How each source speaks of what they mention"
    if mentions.empty:
        return P.empty_figure(f"{title}: no targets", "No quote mentions a country, organisation or person the model can score.")
    df = mentions.assign(speaker=_speakers(mentions["speaker"]), value=mentions["sentiment"].map({"negative": -1, "neutral": 0, "positive": 1}))
    targets = df["target"].value_counts().index[:top]
    df = df[df["target"].isin(targets)]
    total = df.pivot_table(index="speaker", columns="target", values="value", aggfunc="sum").reindex(columns=targets)
    n = df.pivot_table(index="speaker", columns="target", values="value", aggfunc="count").reindex(columns=targets)
    shown = total / (n + 1)  # one mention of -1 shows as -0.5; five as -0.83: a single mention never saturates
    fig, ax = plt.subplots(figsize=(2.5 + 1.0 * len(targets), _height(len(shown), 0.45, 2.2)))
    ax.imshow(np.zeros(shown.shape), cmap="Greys", vmin=0, vmax=1, aspect="auto")  # white base
    for i in range(shown.shape[0]):
        for j in range(shown.shape[1]):
            if np.isnan(n.iloc[i, j]):
                ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="white", hatch="//", edgecolor=P.HATCH, linewidth=0))
    im = ax.imshow(np.ma.masked_invalid(shown.to_numpy(dtype=float)), cmap=P.SENTIMENT_CMAP, vmin=-1, vmax=1, aspect="auto")
    for i in range(shown.shape[0]):
        for j in range(shown.shape[1]):
            if not np.isnan(n.iloc[i, j]):
                ax.text(j, i, f"n={int(n.iloc[i, j])}", ha="center", va="center", fontsize=8,
                        color="white" if abs(shown.iloc[i, j]) > 0.6 else "black")
    ax.set_xticks(range(len(targets)), [P.wrap(t, 14) for t in targets], fontsize=8)
    ax.set_yticks(range(len(shown.index)), shown.index)
    fig.colorbar(im, ax=ax, label="sentiment toward the target\n(sum / (mentions + 1): red negative, blue positive)", shrink=0.8)
    _title(fig, f"{title} (hatched: not mentioned; n: mentions)")
    fig.tight_layout()
    return fig


def methods_vs_humans(nyt: pd.DataFrame, targets: pd.DataFrame, ratings: list[float], ours: list[float]) -> plt.Figure:
    """Our scores against human ratings, and every method's Pearson r and target macro-F1 beside the majority class."""
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.9), gridspec_kw={"width_ratios": [1.2, 1, 1]})
    axes[0].scatter(ratings, ours, s=8, alpha=0.5, color=P.METHOD_COLORS["ours"])
    axes[0].set_xlabel("human mean rating (−4 … +4)")
    axes[0].set_ylabel("our polarity (−1 … +1)")
    axes[0].set_ylim(-1.05, 1.05)
    axes[0].set_title(f"ours vs humans, NYT sample (r = {nyt.loc['ours', 'Pearson r']:.2f})", fontsize=9, loc="left")
    methods = [m for m in P.METHOD_COLORS if m in nyt.index]
    axes[1].bar(methods, nyt.loc[methods, "Pearson r"], color=[P.METHOD_COLORS[m] for m in methods])
    axes[1].axhline(0.745, color="black", linestyle=":", linewidth=1)
    axes[1].text(-0.4, 0.765, "one human rater against the others (0.745)", fontsize=7)
    axes[1].set_title("Pearson r with human ratings (NYT)", fontsize=9, loc="left")
    axes[2].bar(methods, targets.loc[methods, "macro-F1"], color=[P.METHOD_COLORS[m] for m in methods])
    majority = targets.loc[[i for i in targets.index if i.startswith("majority")][0], "macro-F1"]
    axes[2].axhline(majority, color="black", linestyle="--", linewidth=1, label=f"majority class ({majority:.2f})")
    axes[2].legend(frameon=False, loc="upper right", fontsize=7)
    axes[2].set_title("target sentiment macro-F1 (NewsMTSC)", fontsize=9, loc="left")
    axes[0].set_xlim(-4, 4)
    for ax in axes[1:]:
        ax.set_ylim(0, 1)
        ax.tick_params(axis="x", labelsize=8)
    _title(fig, "Four sentiment methods checked against human judgements (vendored samples)")
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ 05 the article's story

def who_speaks(quotes: pd.DataFrame) -> plt.Figure:
    """Quoted words by source type (coloured by type) and by organisation, with the number of quotes."""
    title = "Who gets to speak"
    if quotes.empty:
        return P.empty_figure(f"{title}: no quotes in this article", "There are no quotes, so no source speaks.")
    types = quotes.groupby("source_type").agg(quotes=("text", "size"), words=("words", "sum")).sort_values("words")
    orgs = quotes.dropna(subset=["org"]).groupby("org").agg(quotes=("text", "size"), words=("words", "sum")).sort_values("words").tail(12)
    fig, axes = plt.subplots(1, 2, figsize=(11, _height(max(len(types), len(orgs)), 0.4, 1.8)))
    panels = ((axes[0], types, "by source type", [P.SOURCE_COLORS.get(t, P.MUTED) for t in types.index]),
              (axes[1], orgs, "by organisation (sources with one)", P.ENTITY_COLORS["ORG"]))
    for ax, data, sub, colour in panels:
        if data.empty:
            ax.set_axis_off()
            ax.text(0.5, 0.5, "no source names an organisation", ha="center", va="center", color=P.MUTED, transform=ax.transAxes)
            continue
        ax.barh([P.wrap(i, 40) for i in data.index], data["words"], color=colour)
        for y, (n, w) in enumerate(zip(data["quotes"], data["words"])):
            ax.text(w, y, f" {n} quote{'s' if n != 1 else ''}", va="center", fontsize=8)
        ax.set_xlim(0, max(1, data["words"].max()) * 1.35)
        ax.set_xlabel("words quoted")
        ax.set_title(sub, loc="left", fontsize=10)
    _title(fig, f"{title}: quoted words by source type and organisation")
    fig.tight_layout()
    return fig


def article_arc(quotes: pd.DataFrame, paragraph_kinds: list[str]) -> plt.Figure:
    """Quotes along the article: x paragraph, y certainty, colour sentiment, size words, shape kind of quote."""
    title = "The article's arc"
    if quotes.empty:
        return P.empty_figure(f"{title}: no quotes in this article", f"None of its {len(paragraph_kinds)} paragraphs holds a quote.")
    fig, ax = plt.subplots(figsize=(11, 4.4))
    for i, kind in enumerate(paragraph_kinds):
        if kind != "body":
            ax.axvspan(i - 0.5, i + 0.5, color=P.BAND, zorder=0)
            ax.text(i, 6.55, kind, ha="center", fontsize=7, color=P.MUTED)
    y = quotes["certainty"].fillna(0.6)  # quotes with no certainty evidence sit on the 'no evidence' line
    for kind, marker in P.KIND_MARKERS.items():
        sub = quotes["kind"] == kind
        sc = ax.scatter(quotes.loc[sub, "paragraph"], y[sub], c=quotes.loc[sub, "sentiment"], cmap=P.SENTIMENT_CMAP, vmin=-1, vmax=1,
                        s=20 + 3 * quotes.loc[sub, "words"].clip(upper=80), marker=marker, edgecolor="black", linewidth=0.5, zorder=3)
    fig.colorbar(sc, ax=ax, label="sentiment (red negative, blue positive)", pad=0.01)
    ax.axhline(0.95, color=P.MUTED, linewidth=0.6, linestyle=":")
    sizes = [Line2D([], [], marker="o", linestyle="", markerfacecolor="none", markeredgecolor=P.MUTED, markersize=(20 + 3 * w) ** 0.5,
                    label=f"{w} words") for w in (10, 40, 80)]
    ax.legend(handles=[Line2D([], [], marker=m, linestyle="", color=P.MUTED, label=k) for k, m in P.KIND_MARKERS.items()] + sizes,
              loc="upper left", bbox_to_anchor=(0, -0.16), frameon=False, ncol=6)
    ax.set_xlim(-0.5, len(paragraph_kinds) - 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0.3, 6.8)
    ax.set_yticks([0.6, 1, 2, 3, 4, 5, 6], ["no evidence", "1", "2", "3", "4", "5", "6"])
    ax.set_xlabel("paragraph (0 = first)")
    ax.set_ylabel("certainty (1–6)")
    _title(fig, f"{title}: where quotes sit, how certain and how positive (size: words)")
    fig.tight_layout()
    return fig


def stance_map(speakers: pd.DataFrame, claim: str | None) -> plt.Figure:
    """Sources by mean certainty (x, the full 1-6 scale) and mean sentiment (y, the full -1..1 scale), coloured by stance."""
    from lib.stance import STANCE_LABELS

    title = "The stance map"
    data = speakers.dropna(subset=["certainty"]) if not speakers.empty else speakers
    if data.empty:
        return P.empty_figure(f"{title}: no sources to place", "No quoted source has both a certainty score and a sentiment score.")
    fig, ax = plt.subplots(figsize=(9, 7))
    ax.axhline(0, color=P.BAND, linewidth=1, zorder=0)
    stances = data["stance"].fillna("unrelated") if claim else pd.Series("unrelated", index=data.index)
    handles = []
    for label, colour in P.STANCE_COLORS.items():
        sub = data[stances == label]
        if len(sub):
            handles.append(ax.scatter(sub["certainty"], sub["sentiment"], s=30 + 3 * sub["words"].clip(upper=150), color=colour,
                                      edgecolor="black", linewidth=0.5, label=STANCE_LABELS.get(label, "mixed"), alpha=0.9, zorder=3))
    ax.set_xlim(1, 6)
    ax.set_ylim(-1, 1)
    ax.set_xlabel("mean certainty (1 very uncertain … 6 very certain)")
    ax.set_ylabel("mean sentiment (−1 negative … +1 positive)")
    sizes = [Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="black", markeredgewidth=0.5,
                    markersize=(30 + 3 * w) ** 0.5, label=f"{w} words") for w in (20, 60, 150)]
    # a figure legend, not a second axes legend: the saved (tight) bounding box leaves out a legend added with add_artist
    key = fig.legend(handles=handles, title=P.wrap(f"stance on: {claim}", 60) if claim else "no claim", frameon=False, loc="upper left",
                     bbox_to_anchor=(0.0, -0.1), bbox_transform=ax.transAxes, ncol=2, fontsize=9)
    for h in key.legend_handles:
        h.set_sizes([60])  # one marker size in the colour key: size means words, and the key is about colour
    ax.legend(handles=sizes, title="words quoted", frameon=False, loc="upper right", bbox_to_anchor=(1.0, -0.1), ncol=3, fontsize=8)
    fig.tight_layout()
    P.label_points(ax, data["certainty"], data["sentiment"], data["speaker"])
    _title(fig, f"{title}: how sure, how positive, and which side each source takes (size: words)")
    fig.tight_layout()
    return fig


def network(edges: pd.DataFrame) -> plt.Figure:
    """Sources linked to the countries and organisations their quotes mention (spring layout, fixed seed)."""
    import networkx as nx

    title = "Who is talked about"
    if edges.empty:
        return P.empty_figure(f"{title}: no mentions", "No quote with a known speaker mentions a country or an organisation.")
    G = nx.Graph()
    for row in edges.itertuples():
        G.add_node(row.speaker, kind="source")
        G.add_node(row.mentioned, kind=row.type)
        G.add_edge(row.speaker, row.mentioned, weight=row.mentions)
    pos = nx.spring_layout(G, seed=P.SEED, k=1.1, iterations=200)
    fig, ax = plt.subplots(figsize=(10, 7))
    nx.draw_networkx_edges(G, pos, ax=ax, width=[0.8 + G[u][v]["weight"] for u, v in G.edges], edge_color="0.72")
    for kind, colour in P.NODE_COLORS.items():
        nodes = [n for n, d in G.nodes(data=True) if d["kind"] == kind]
        if nodes:
            nx.draw_networkx_nodes(G, pos, nodelist=nodes, node_shape="o" if kind == "source" else "s", node_color=colour,
                                   node_size=260, ax=ax, label=kind)
    nx.draw_networkx_labels(G, {n: (x, y + 0.07) for n, (x, y) in pos.items()}, font_size=8, ax=ax)
    widths = [Line2D([], [], color="0.72", linewidth=0.8 + w, label=f"{w} mention{'s' if w != 1 else ''}") for w in (1, 3, 6)]
    ax.legend(handles=ax.get_legend_handles_labels()[0] + widths, frameon=False, loc="upper left", bbox_to_anchor=(0, 0),
              ncol=6, markerscale=0.6, fontsize=9)
    ax.set_axis_off()
    _title(fig, f"{title}: sources (circles) and the countries and organisations they mention")
    fig.tight_layout()
    return fig


def summary(speakers: pd.DataFrame, claim: str | None, label: str) -> plt.Figure:
    """Per source, three panels on their own honest scales: words quoted (coloured by stance), certainty 1-6, sentiment -1..1."""
    from lib.stance import STANCE_LABELS

    title = f"Who said what in “{label}”"
    if speakers.empty:
        return P.empty_figure(f"{P.wrap(title, 90)}: no quotes", "The extractor found no quotes in this article.")
    order = speakers.sort_values(["words", "speaker"]).reset_index(drop=True)
    stances = order["stance"].fillna("unrelated") if claim else pd.Series("unrelated", index=order.index)
    fig, axes = plt.subplots(1, 3, figsize=(12, _height(len(order), 0.36, 2.2)), sharey=True, gridspec_kw={"width_ratios": [1.4, 1, 1]})
    axes[0].barh(order["speaker"], order["words"], color=[P.STANCE_COLORS[s] for s in stances], edgecolor=P.MUTED, linewidth=0.3)
    axes[0].set_xlabel("words quoted")
    present = [k for k in P.STANCE_COLORS if k in set(stances)]
    axes[0].legend(handles=[Patch(facecolor=P.STANCE_COLORS[k], edgecolor=P.MUTED, label=STANCE_LABELS.get(k, "mixed")) for k in present],
                   title=P.wrap(f"stance on: {claim}", 40) if claim else "no claim", frameon=False, loc="lower right", fontsize=8, title_fontsize=8)
    axes[1].scatter(order["certainty"], order.index, color="black", zorder=3)
    axes[1].set_xlim(1, 6)
    axes[1].set_xlabel("mean certainty (1–6)")
    axes[2].axvline(0, color=P.BAND, linewidth=1, zorder=0)
    axes[2].scatter(order["sentiment"], order.index, c=order["sentiment"], cmap=P.SENTIMENT_CMAP, vmin=-1, vmax=1,
                    edgecolor="black", linewidth=0.5, zorder=3)
    axes[2].set_xlim(-1, 1)
    axes[2].set_xlabel("mean sentiment (−1 … +1)")
    _title(fig, title, 100)
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ 06 corpus

def corpus_overview(articles: pd.DataFrame, quotes: pd.DataFrame, sentiment_method: str) -> plt.Figure:
    """Quotes per article, share of quotes by source type, and the distributions of certainty and sentiment."""
    title = f"Corpus overview: {len(articles)} articles, {len(quotes)} quotes"
    if articles.empty:
        return P.empty_figure(f"{title}", "No article could be analysed (see the errors table).")
    fig, axes = plt.subplots(2, 2, figsize=(11, 7))
    per = articles["quotes"]
    axes[0, 0].hist(per, bins=range(0, int(per.max()) + 2), color=P.NEUTRAL, edgecolor="white")
    axes[0, 0].yaxis.set_major_locator(MaxNLocator(integer=True))
    axes[0, 0].set_xlabel("quotes in the article")
    axes[0, 0].set_ylabel("articles")
    axes[0, 0].set_title(f"quotes per article (median {per.median():g}; {int((per == 0).sum())} with none)", loc="left", fontsize=10)
    if quotes.empty:
        for ax in axes.flat[1:]:
            ax.set_axis_off()
            ax.text(0.5, 0.5, "no quotes", ha="center", va="center", color=P.MUTED, transform=ax.transAxes)
    else:
        share = quotes["source_type"].value_counts(normalize=True).sort_values()
        axes[0, 1].barh(share.index, share, color=[P.SOURCE_COLORS.get(t, P.MUTED) for t in share.index])
        for y, v in enumerate(share):  # the share printed, so a thin bar is still read
            axes[0, 1].text(v, y, f" {v:.0%}" if v >= 0.01 else f" {v:.1%}", va="center", fontsize=8)
        axes[0, 1].set_xlim(0, share.max() * 1.15)
        axes[0, 1].xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))  # as the bars' labels are
        axes[0, 1].set_xlabel("share of quotes")
        axes[0, 1].set_title("who speaks: share of quotes by source type", loc="left", fontsize=10)
        scored = quotes["certainty"].dropna()
        axes[1, 0].hist(scored, bins=[1 + 0.25 * k for k in range(21)], color=P.NEUTRAL)
        axes[1, 0].set_xlabel("certainty (1 = doubtful … 6 = certain)")
        axes[1, 0].set_ylabel("quotes")
        axes[1, 0].set_title(f"certainty of quotes ({len(quotes) - len(scored)} with no evidence not shown)", loc="left", fontsize=10)
        bins = np.linspace(-1.05, 1.05, 22)  # bins of 0.1 centred on -1, -0.9, ..., 0, ..., 1: zero has a bin of its own
        counts, _ = np.histogram(quotes["sentiment"], bins=bins)
        cmap = plt.get_cmap(P.SENTIMENT_CMAP)
        centres = (bins[:-1] + bins[1:]) / 2
        axes[1, 1].bar(centres, counts, width=0.1, color=[cmap((c + 1) / 2) for c in centres], edgecolor=P.MUTED, linewidth=0.4)
        axes[1, 1].set_xlim(-1.05, 1.05)
        axes[1, 1].set_xlabel(f"sentiment ({sentiment_method}, −1 … +1)")
        axes[1, 1].set_ylabel("quotes")
        zeros = int((quotes["sentiment"] == 0).sum())
        axes[1, 1].set_title(f"sentiment of quotes ({zeros} of the middle bar at exactly 0: often no scored word)", loc="left", fontsize=10)
    _title(fig, title)
    fig.tight_layout()
    return fig


def most_quoted(people: pd.DataFrame, orgs: pd.DataFrame) -> plt.Figure:
    """The most quoted named people and organisations across a corpus: quoted words, with the number of articles."""
    title = "Most quoted across the corpus"
    if people.empty and orgs.empty:
        return P.empty_figure(f"{title}: no named sources", "No quote in the corpus has a named person or an organisation as its source.")
    fig, axes = plt.subplots(1, 2, figsize=(12, _height(max(len(people), len(orgs)), 0.32, 1.8)))
    top = max(d["words"].max() for d in (people, orgs) if not d.empty)  # one scale for both panels, so bars compare across them
    for ax, data, sub, colour in ((axes[0], people, "named people", P.ENTITY_COLORS["PERSON"]),
                                  (axes[1], orgs, "organisations (the source's or the speaking body)", P.ENTITY_COLORS["ORG"])):
        if data.empty:
            ax.set_axis_off()
            ax.text(0.5, 0.5, "none", ha="center", va="center", color=P.MUTED, transform=ax.transAxes)
            continue
        d = data.iloc[::-1]
        ax.barh([P.wrap(n, 38) for n in d["name"]], d["words"], color=colour)
        for y, (a, q) in enumerate(zip(d["articles"], d["quotes"])):
            ax.text(d["words"].iloc[y], y, f" {q} quotes, {a} article{'s' if a != 1 else ''}", va="center", fontsize=8)
        ax.set_xlim(0, top * 1.45)
        ax.set_xlabel("words quoted")
        ax.set_title(sub, loc="left", fontsize=10)
    _title(fig, f"{title}: named people and organisations by words quoted")
    fig.tight_layout()
    return fig
