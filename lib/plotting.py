"""Deterministic matplotlib set-up and one way to save figures."""
from __future__ import annotations

import random
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
FIG_DIR = ROOT / "figures"
# Okabe and Ito (2008) colour-blind-safe palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SEED = 20230906


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
    pd.set_option("display.max_colwidth", 120)
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


def savefig(fig: plt.Figure, name: str, fig_dir: str | Path | None = None) -> list[Path]:
    """Write `name`.svg and `name`.png into the figure folder without run-dependent metadata; print their paths."""
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
            text = ax.annotate(label, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize, ha=ha)
            box = text.get_window_extent(renderer).expanded(1.05, 1.15)
            own = ax.transData.transform((x, y))
            if not any(box.overlaps(b) for b in placed if not b.contains(*own)):
                placed.append(box)
                break
            text.remove()
        else:
            text = ax.annotate(label, (x, y), xytext=offsets[0], textcoords="offset points", fontsize=fontsize)
            placed.append(text.get_window_extent(renderer))
