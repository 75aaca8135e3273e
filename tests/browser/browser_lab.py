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

    # a screenshot showing a figure if the notebook draws one, else the top of the notebook
    page.evaluate("""() => {
        const img = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedImage img');
        if (img) img.scrollIntoView({block: 'center'});
    }""")
    page.wait_for_timeout(300)
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"jupyterlab-{nb.name[:2]}.png"))
    assert not page.blocked, f"JupyterLab tried to reach the internet: {sorted(set(page.blocked))[:5]}"


def test_running_in_jupyterlab_left_notebooks_and_figures_untouched(lab, repo_snapshot):
    now = {**digest(ROOT / "notebooks"), **digest(ROOT / "figures")}
    changed = sorted(k for k in set(now) | set(repo_snapshot) if now.get(k) != repo_snapshot.get(k))
    assert not changed, f"the JupyterLab run changed files in the repository: {changed}"
    # the figures the notebooks save went to the lab folder's own figures/
    sources = ["".join(c["source"]) for nb in NOTEBOOKS for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]]
    expected = {name for src in sources for name in re.findall(r'savefig\(fig, "([\w-]+)"', src)}
    written = {p.stem for p in (lab.root / "figures").glob("*.svg")}
    assert expected <= written, f"figures not written into {lab.root / 'figures'}: {sorted(expected - written)}"
