"""The quote explorer (notebook 07) in JupyterLab: the widget renders, and choosing another speaker changes the
highlighted text (issue: explore in JupyterLab)."""
from __future__ import annotations

from labdriver import open_notebook, run_all_cells, stderr_outputs
from pwsupport import OUT

VIEW = ".jp-NotebookPanel:not(.lm-mod-hidden) .qx-view"
SPEAKER = ".jp-NotebookPanel:not(.lm-mod-hidden) .widget-dropdown select"


def _marked(page) -> list[str]:
    return page.locator(f"{VIEW} mark.qx-content").all_inner_texts()


def test_explorer_renders_and_follows_a_click(lab, page):
    try:
        open_notebook(page, lab, "notebooks/07-explore.ipynb")
        run_all_cells(page)
        assert not [t for t in stderr_outputs(page) if "Traceback" in t]
        page.locator(VIEW).first.wait_for(timeout=60_000)  # the live widget, not the static fallback
        speaker = page.locator(SPEAKER).first
        options = [t.replace("\xa0", " ") for t in speaker.locator("option").all_inner_texts()]  # ipywidgets shows NBSPs
        assert "Cho Han-bum" in options and "Hyun Seung-soo" in options
        speaker.select_option(index=options.index("Cho Han-bum"))
        page.wait_for_function("s => [...document.querySelectorAll(s)].some(m => m.textContent.includes('the war changed everything'))",
                               arg=f"{VIEW} mark.qx-content", timeout=30_000)
        before = page.locator(VIEW).first.inner_html()
        speaker.select_option(index=options.index("Hyun Seung-soo"))
        page.wait_for_function("([s, b]) => document.querySelector(s).innerHTML !== b", arg=[VIEW, before], timeout=30_000)
        assert not any("the war changed everything" in m for m in _marked(page))
        assert _marked(page), "no quote of Hyun Seung-soo highlighted"
        OUT.mkdir(parents=True, exist_ok=True)
        page.locator(VIEW).first.scroll_into_view_if_needed()
        page.screenshot(path=str(OUT / "jupyterlab-07-explorer.png"))
    except BaseException:
        OUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT / "jupyterlab-07-failed.png"))
        raise
    finally:
        lab.shutdown_kernels()
