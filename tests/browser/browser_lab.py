"""The notebooks in JupyterLab itself: open each one, run all cells from the Run menu, and end with no error output.

Which notebooks: $LAB_NOTEBOOKS, number prefixes separated by spaces or commas (default "01 02"; "all" for every one).
A screenshot of each run is kept as out/browser/jupyterlab-NN.png.
"""
from __future__ import annotations

import json
import os
import re

import pytest
from labdriver import open_notebook, prompts, run_all_cells, save_notebook, saved_errors, stderr_outputs
from pwsupport import OUT, ROOT, digest

ALL = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
WANTED = os.environ.get("LAB_NOTEBOOKS", "01 02").replace(",", " ").split()
NOTEBOOKS = ALL if WANTED == ["all"] else [p for p in ALL if p.name[:2] in WANTED]
RUN_TIMEOUT_MS = float(os.environ.get("LAB_RUN_TIMEOUT", "900")) * 1000


def test_the_notebooks_to_run_exist():
    assert NOTEBOOKS and {p.name[:2] for p in NOTEBOOKS} >= set(WANTED) - {"all"}, f"LAB_NOTEBOOKS={WANTED}, found {ALL}"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab_without_errors(lab, page, nb):
    try:
        _run_in_lab(lab, page, nb)
    except BaseException:
        OUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT / f"jupyterlab-{nb.name[:2]}-failed.png"))
        raise
    finally:
        lab.shutdown_kernels()


def _run_in_lab(lab, page, nb):
    path = open_notebook(page, lab, f"notebooks/{nb.name}")
    assert path.resolve() != nb.resolve()  # the copy, never notebooks/ itself
    run_all_cells(page, timeout_ms=RUN_TIMEOUT_MS)

    shown = [t for t in stderr_outputs(page) if re.search(r"Traceback|Error\b|Exception\b", t)]
    assert not shown, f"{nb.name}: error output in JupyterLab:\n" + "\n---\n".join(t[-1500:] for t in shown)
    not_run = [i for i, p in enumerate(prompts(page)) if not re.fullmatch(r"\[\d+\]:", p)]
    assert not not_run, f"{nb.name}: code cells {not_run} did not run (prompts {prompts(page)})"

    saved = save_notebook(page, path)
    assert not saved_errors(saved), f"{nb.name}: {saved_errors(saved)}"
    counts = [c.get("execution_count") for c in saved["cells"] if c["cell_type"] == "code"]
    assert counts and all(counts), f"{nb.name}: unexecuted code cells in the saved notebook: {counts}"
    # the figures it saves went to the lab folder's own figures/, not the repository's
    names = set(re.findall(r'savefig\(fig, "([\w-]+)"', "".join("".join(c["source"]) for c in saved["cells"])))
    missing = sorted(n for n in names if not (lab.root / "figures" / f"{n}.svg").is_file())
    assert not missing, f"{nb.name}: figures not written into {lab.root / 'figures'}: {missing}"

    # a screenshot showing a figure if the notebook draws one, else the top of the notebook
    page.evaluate("""() => {
        const img = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedImage img');
        if (img) img.scrollIntoView({block: 'center'});
    }""")
    page.wait_for_timeout(300)
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"jupyterlab-{nb.name[:2]}.png"))
    assert not page.blocked, f"JupyterLab tried to reach the internet: {sorted(set(page.blocked))[:5]}"


def test_an_error_in_a_cell_is_seen(lab, page):
    """The checks above can fail: a notebook whose second cell raises shows a traceback, and the cells after it
    stay unrun."""
    nb = {"cells": [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None, "outputs": [], "source": src}
                    for i, src in enumerate(["x = 1", "1 / 0", "y = 2"])],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3 (.venv)", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    (lab.root / "notebooks" / "zz-raises.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    try:
        path = open_notebook(page, lab, "notebooks/zz-raises.ipynb")
        run_all_cells(page, timeout_ms=120_000)
        assert any("ZeroDivisionError" in t for t in stderr_outputs(page))
        assert prompts(page)[:2] == ["[1]:", "[2]:"] and prompts(page)[2] != "[3]:"
        assert any("ZeroDivisionError" in e for e in saved_errors(save_notebook(page, path)))
    finally:
        lab.shutdown_kernels()


def test_running_in_jupyterlab_left_notebooks_and_figures_untouched(lab, repo_snapshot):
    now = {**digest(ROOT / "notebooks"), **digest(ROOT / "figures")}
    changed = sorted(k for k in set(now) | set(repo_snapshot) if now.get(k) != repo_snapshot.get(k))
    assert not changed, f"the JupyterLab run changed files in the repository: {changed}"
