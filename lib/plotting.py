"""Deterministic matplotlib set-up and one way to save figures."""
from __future__ import annotations

import random
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
FIG_DIR = ROOT / "figures"
SEED = 20230906

# ------------------------------------------------------------------ one visual language for every figure
# Paul Tol's colour-blind-safe schemes (https://personal.sron.nl/~pault/). Each palette has one meaning; the
# stance hues never appear in the sentiment colormap, so "green" always means "supports the claim" and red or
# blue always mean negative or positive sentiment.
PALETTE = ["#0077BB", "#EE7733", "#009988", "#EE3377", "#33BBEE", "#CC3311", "#BBBBBB", "#000000"]  # Tol vibrant
STANCE_COLORS = {
    "agree": "#117733",      # supports: green
    "disagree": "#AA4499",   # doubts or denies: purple
    "discuss": "#DDCC77",    # reports without taking a side: sand
    "mixed": "#666666",      # a speaker whose quotes take different sides: dark grey (with its letters)
    "unrelated": "#E8E8E8",  # not about it: pale grey
}
STANCE_LETTERS = {"agree": "S", "disagree": "D", "discuss": "R", "unrelated": "", "mixed": "M"}
SENTIMENT_CMAP = "RdBu"  # negative red, neutral white, positive blue; always with vmin=-1, vmax=1
KIND_COLORS = {"direct": "#332288", "mixed": "#88CCEE", "indirect": "#999933"}  # Tol muted
KIND_MARKERS = {"direct": "o", "mixed": "s", "indirect": "^"}
ENTITY_COLORS = {"PERSON": "#0077BB", "ORG": "#EE7733", "GPE": "#009988", "NORP": "#EE3377", "LOC": "#33BBEE"}
# source types: people in blues (PERSON's hue), organisations in oranges (ORG's hue), no one in particular in grey
SOURCE_COLORS = {
    "named expert": "#004488", "official": "#0077BB", "named person": "#77AADD", "anonymous or collective": "#BBBBBB",
    "news outlet": "#BB5500", "state or organisation": "#EE7733", "unknown": "#000000",
}
# marks that carry no stance or sentiment meaning stay out of the stance hues and the red-blue sentiment scale
METHOD_COLORS = {"ours": "#000000", "vader": "#8C510A", "textblob": "#AAAAAA", "afinn": "#666666"}  # told apart by marker too
NEUTRAL = "#555555"  # bars and dots of a measure that is neither stance nor sentiment (certainty, counts)
METHOD_MARKERS = {"ours": "o", "vader": "s", "textblob": "^", "afinn": "D"}
NODE_COLORS = {"source": "#555555", "country or international body": ENTITY_COLORS["GPE"], "organisation": ENTITY_COLORS["ORG"]}
# displaCy backgrounds (light tints, so the text stays readable)
QUOTE_MARK_COLORS = {"DIRECT": "#C9C1F0", "MIXED": "#CDEBF7", "INDIRECT": "#E4E4B8", "CUE": "#F4C7A0", "SPEAKER": "#A8E0D8"}
CUE_MARK_COLORS = {"HEDGE": "#F4C7A0", "BOOSTER": "#A8D8F0"}
MUTED = "0.45"  # secondary text and reference lines
BAND = "0.93"  # shaded background bands
HATCH = "0.62"  # hatching for "not mentioned" / "no data" cells


def setup(seed: int = SEED) -> None:
    """Fix rcParams, the inline backend's metadata and random seeds so figures are byte-for-byte reproducible."""
    matplotlib.rcParams.update({
        "figure.figsize": (8, 4.5),
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "savefig.bbox": "tight",
        "svg.hashsalt": "quotes-stance-sentiment",
        "svg.fonttype": "path",
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "path.simplify": True,
    })
    pd.set_option("display.max_colwidth", None)  # full quote text in every table
    pd.set_option("display.width", 160)
    random.seed(seed)
    np.random.seed(seed)
    try:  # only inside IPython: keep inline PNGs free of dates
        from IPython import get_ipython

        ip = get_ipython()
        if ip is not None:
            ip.run_line_magic("matplotlib", "inline")
            ip.run_line_magic("config", "InlineBackend.print_figure_kwargs = {'bbox_inches': 'tight', 'metadata': {'Software': None}}")
    except ImportError:
        pass


def cue_mark_colors(markups: list[dict]) -> dict[str, str]:
    """displaCy colours for hedge and booster marks (labels starting HEDGE or BOOSTER), from CUE_MARK_COLORS."""
    labels = {e["label"] for m in markups for e in m["ents"]}
    return {lab: CUE_MARK_COLORS["BOOSTER" if lab.startswith("BOOSTER") else "HEDGE"] for lab in labels}


def has_marks(fig: plt.Figure) -> bool:
    """Whether a figure draws anything: bars, markers, images, lines in data space or text inside an axes."""
    for ax in fig.axes:
        if any(p.get_visible() and p.get_width() * p.get_height() != 0 for p in ax.patches if hasattr(p, "get_width")):
            return True
        if any(p.get_visible() for p in ax.patches if not hasattr(p, "get_width")):
            return True
        for c in ax.collections:
            offsets = c.get_offsets()
            if c.get_visible() and (len(offsets) and np.isfinite(np.asarray(offsets, dtype=float)).any() or len(c.get_paths())):
                return True
        if ax.images or any(t.get_visible() and t.get_text().strip() for t in ax.texts):
            return True
        if any(np.isfinite(np.asarray(l.get_xydata(), dtype=float)).all(axis=1).sum() >= 1 and l.get_transform() == ax.transData
               for l in ax.lines):
            return True
    return False


def empty_figure(title: str, message: str, size: tuple[float, float] = (8, 2.2)) -> plt.Figure:
    """A figure for 'nothing to show': the title says so and one line says why (no empty axes)."""
    fig, ax = plt.subplots(figsize=size)
    ax.set_axis_off()
    ax.text(0.5, 0.5, "\n".join(textwrap.wrap(message, 90)), ha="center", va="center", fontsize=10, color=MUTED,
            transform=ax.transAxes)
    fig.suptitle(title, x=0.01, ha="left", fontsize=11)
    return fig


def wrap(text: str, width: int = 60) -> str:
    """Text wrapped to lines of at most `width` characters (titles and long labels never run off the figure)."""
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def savefig(fig: plt.Figure, name: str, fig_dir: str | Path | None = None) -> list[Path]:
    """Write `name`.svg and `name`.png into the figure folder without run-dependent metadata; print their paths.

    A figure that draws nothing is refused (use empty_figure to say there is nothing to show).
    """
    if not has_marks(fig):
        raise ValueError(f"{name}: the figure draws nothing; use plotting.empty_figure to say why")
    folder = Path(fig_dir) if fig_dir is not None else FIG_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for ext, meta in (("svg", {"Date": None}), ("png", {"Software": None})):
        path = folder / f"{name}.{ext}"
        fig.savefig(path, format=ext, metadata=meta)
        paths.append(path)
    # one print call, so the notebook stores one stream output whatever the kernel's timing
    print("\n".join(f"wrote {_display(p)}" for p in paths))
    return paths


def _display(path: Path) -> str:
    """A path relative to the repository root when it lies inside it, else as given."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def label_points(ax: plt.Axes, xs, ys, labels, fontsize: int = 8) -> None:
    """Label scatter points, nudging each label to the first nearby spot that does not overlap an earlier one."""
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    from matplotlib.transforms import Bbox

    # the points themselves count as taken, so labels do not cover other markers
    placed = [Bbox.from_bounds(px - 7, py - 7, 14, 14) for px, py in ax.transData.transform(list(zip(xs, ys)))]
    offsets = [(6, 4), (6, -11), (6, 15), (6, -22), (-6, 4), (-6, -11), (6, 26), (6, -33)]
    for x, y, label in sorted(zip(xs, ys, labels), key=lambda t: -t[1]):
        for dx, dy in offsets:
            ha = "left" if dx > 0 else "right"
            leader = dict(arrowstyle="-", color=MUTED, linewidth=0.5) if (dx, dy) != offsets[0] else None  # a moved label points at its dot
            text = ax.annotate(label, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize, ha=ha, arrowprops=leader)
            box = text.get_window_extent(renderer).expanded(1.05, 1.15)
            own = ax.transData.transform((x, y))
            if not any(box.overlaps(b) for b in placed if not b.contains(*own)):
                placed.append(box)
                break
            text.remove()
        else:
            text = ax.annotate(label, (x, y), xytext=offsets[0], textcoords="offset points", fontsize=fontsize)
            placed.append(text.get_window_extent(renderer))
