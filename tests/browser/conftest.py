"""Fixtures for the browser tests (`make browser-test`): Chromium through Playwright, the book served over http on
127.0.0.1, and a JupyterLab server on a copy of the notebooks.

The test files are named browser_*.py so that `make unit` (`pytest tests`) never collects them; `make browser-test`
runs them with `-o python_files=browser_*.py`. This file is imported by `pytest tests` too, so it imports nothing
heavy at module level.

Chromium: Playwright's own browser download is not used. The tests launch the system's Chromium (Debian package
`chromium`, or the path in $CHROMIUM). Without one they skip, with one line saying how to get it; with $CI set they
fail instead.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labdriver import jupyterlab, make_lab_folder  # noqa: E402
from pwsupport import BOOK, CHROMIUM_ARGS, HOW_TO_GET_CHROMIUM, OUT, ROOT, digest, external, find_chromium, serve  # noqa: E402


_SKIP_NOTE = pytest.StashKey[str]()


def pytest_collection_modifyitems(config, items):
    """Without Chromium and outside CI, leave out the tests that need it and say so in one line at the end."""
    needs = [i for i in items if "chromium_executable" in getattr(i, "fixturenames", ())]
    if not needs or find_chromium() or os.environ.get("CI"):
        return
    items[:] = [i for i in items if i not in needs]
    config.hook.pytest_deselected(items=needs)
    config.stash[_SKIP_NOTE] = f"{len(needs)} browser tests skipped: {HOW_TO_GET_CHROMIUM}"


def pytest_terminal_summary(terminalreporter, config):
    if _SKIP_NOTE in config.stash:
        terminalreporter.write_line(config.stash[_SKIP_NOTE], yellow=True, bold=True)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = find_chromium()
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("CI is set and " + HOW_TO_GET_CHROMIUM, pytrace=False)
    pytest.skip(HOW_TO_GET_CHROMIUM)


@pytest.fixture(scope="session")
def browser(chromium_executable):
    """One headless Chromium for the session, with a fresh temporary profile (Playwright's launch)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own context. Requests it made to anything but this machine are listed in `page.blocked`
    (they fail: see CHROMIUM_ARGS), console errors in `page.console_errors`, uncaught exceptions in `page.page_errors`."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.blocked, page.console_errors, page.page_errors = [], [], []
    page.on("request", lambda r: external(r.url) and page.blocked.append(r.url))
    page.on("console", lambda m: m.type == "error" and page.console_errors.append((page.url, m.text)))
    page.on("pageerror", lambda e: page.page_errors.append((page.url, str(e))))
    yield page
    context.close()


@pytest.fixture(scope="session")
def book_dir() -> Path:
    if not (BOOK / "index.html").is_file():
        pytest.fail(f"{BOOK.relative_to(ROOT)}/index.html is missing: run `make book` first", pytrace=False)
    return BOOK


@pytest.fixture(scope="session")
def book_url(book_dir):
    with serve(book_dir) as url:
        yield url


@pytest.fixture(scope="session")
def repo_snapshot() -> dict[str, str]:
    """Hashes of every file in notebooks/ and figures/ before JupyterLab runs anything."""
    return {**digest(ROOT / "notebooks"), **digest(ROOT / "figures")}


@pytest.fixture(scope="session")
def lab(chromium_executable, repo_snapshot):
    """A JupyterLab server on out/browser/lab (a fresh copy of notebooks/); its log is out/browser/lab-state/."""
    state = OUT / "lab-state"
    if state.exists():
        shutil.rmtree(state)
    for old in OUT.glob("jupyterlab-*.png"):
        old.unlink()
    root = make_lab_folder(OUT / "lab")
    with jupyterlab(root, state) as server:
        yield server
