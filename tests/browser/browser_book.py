"""The rendered book (out/book, built by `make book`) in a real browser: every page loads cleanly, every image loads,
every internal link resolves, figures appear, and solutions stay hidden until the reader asks."""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import pytest
from pwsupport import ROOT, external, serve

sys.path.insert(0, str(ROOT / "book"))
import build  # noqa: E402  (book/build.py)

NOTEBOOKS = build.notebook_paths(ROOT / "notebooks")
IMAGE_MIME = ("image/png", "image/svg+xml", "image/jpeg", "image/gif")
LOAD_IMAGES = """async () => {
    const imgs = [...document.images];
    imgs.forEach(i => { i.loading = 'eager'; });
    await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
    return imgs.map(i => [i.getAttribute('src'), i.naturalWidth]);
}"""


def book_pages(book: Path) -> list[str]:
    """Every HTML page of the book, relative to its root."""
    return sorted(str(p.relative_to(book)) for p in book.rglob("*.html")
                  if not p.relative_to(book).parts[0].startswith(("_static", "_sources", "_images")))


@pytest.fixture(scope="module")
def crawl(browser, book_dir, book_url):
    """Visit every page once; record errors, images, links and element ids per page."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    blocked, console, page_errors, bad_responses = [], [], [], []
    page = context.new_page()
    page.on("request", lambda r: external(r.url) and blocked.append(r.url))
    page.on("console", lambda m: m.type == "error" and console.append((page.url, m.text)))
    page.on("pageerror", lambda e: page_errors.append((page.url, str(e))))
    page.on("response", lambda r: r.status >= 400 and bad_responses.append((page.url, r.status, r.url)))
    pages = {}
    for rel in book_pages(book_dir):
        url = urljoin(book_url, rel)
        response = page.goto(url, wait_until="load")
        images = page.evaluate(LOAD_IMAGES)
        pages[url] = {
            "status": response.status if response else None,
            "images": images,
            "links": page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)"),
            "ids": set(page.eval_on_selector_all("[id], a[name]", "es => es.map(e => e.id || e.getAttribute('name'))")),
        }
    yield {"pages": pages, "blocked": blocked, "console": console, "page_errors": page_errors,
           "bad_responses": bad_responses, "request": context.request, "base": book_url}
    context.close()


def test_the_book_has_a_front_page_a_page_per_notebook_a_glossary_and_references(book_dir):
    assert NOTEBOOKS, "no notebooks/NN-*.ipynb found"
    for nb in NOTEBOOKS:
        assert (book_dir / "notebooks" / f"{nb.stem}.html").is_file(), f"no page for {nb.name}"
    for page in ("index.html", "glossary.html", "references.html"):
        assert (book_dir / page).is_file(), page
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    index = (book_dir / "index.html").read_text(encoding="utf-8")
    pages = index + ((book_dir / "project.html").read_text(encoding="utf-8") if (book_dir / "project.html").exists() else "")
    headings = re.findall(r"^#{1,3} (.+)$", re.sub(r"```.*?```", "", readme, flags=re.S), re.M)
    missing = [h for h in headings if html.escape(re.sub(r"[`*]", "", h).strip(), quote=False) not in pages]
    assert headings and not missing, f"README sections missing from the front pages: {missing}"
    assert html.escape(re.sub(r"[`*]", "", headings[0]), quote=False) in index, "the front page does not start with the README"
    for nb in NOTEBOOKS:
        assert f"notebooks/{nb.stem}.html" in index, f"{nb.stem} missing from the table of contents"


def test_every_page_loads_without_console_errors(crawl):
    assert len(crawl["pages"]) >= len(NOTEBOOKS) + 3
    assert not [(u, p["status"]) for u, p in crawl["pages"].items() if p["status"] != 200]
    assert not crawl["console"], f"console errors: {crawl['console'][:10]}"
    assert not crawl["page_errors"], f"uncaught exceptions: {crawl['page_errors'][:10]}"
    assert not crawl["bad_responses"], f"failed requests: {crawl['bad_responses'][:10]}"
    assert not crawl["blocked"], f"pages load resources from the internet: {sorted(set(crawl['blocked']))[:10]}"


def test_every_image_loads(crawl):
    broken = [(url, src) for url, p in crawl["pages"].items() for src, width in p["images"] if not width]
    assert not broken, f"images that did not load (naturalWidth 0): {broken[:10]}"
    assert sum(len(p["images"]) for p in crawl["pages"].values()) > 0


def test_every_internal_link_resolves(crawl):
    pages, base, request = crawl["pages"], crawl["base"], crawl["request"]
    status, broken, checked = {}, [], 0
    for url, p in pages.items():
        for link in p["links"]:
            if not link.startswith(base):
                continue  # external links are not followed: this network is closed
            target, fragment = urldefrag(link)
            if target not in pages and target not in status:
                status[target] = request.get(target).status
            if target not in pages and status[target] != 200:
                broken.append((url, link, status[target]))
            elif fragment and target in pages and unquote(fragment) not in pages[target]["ids"]:
                broken.append((url, link, "no such anchor"))
            checked += 1
    assert checked > 0
    assert not broken, f"{len(broken)} broken internal links, e.g. {broken[:10]}"


def _count_images(nb: dict) -> int:
    removed = {"remove-output", "remove-cell"}
    return sum(1 for c in nb["cells"] if c["cell_type"] == "code" and not removed & set(c.get("metadata", {}).get("tags", []))
               for o in c.get("outputs", []) if any(m in o.get("data", {}) for m in IMAGE_MIME))


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_notebook_page_shows_its_figures(crawl, nb):
    expected = _count_images(json.loads(nb.read_text(encoding="utf-8")))
    page = crawl["pages"][urljoin(crawl["base"], f"notebooks/{nb.stem}.html")]
    shown = [src for src, width in page["images"] if src and "_images/" in src and width]
    assert len(shown) >= expected, f"{nb.name}: {expected} image outputs, {len(shown)} shown"


def _solutions_are_hidden(page, nb: dict) -> None:
    """Every solution cell of the notebook is on the page, closed, and opens on a click."""
    tags = [c.get("metadata", {}).get("tags", []) for c in nb["cells"]]
    kinds = [c["cell_type"] for c in nb["cells"]]
    n_code = sum(1 for t, k in zip(tags, kinds) if "solution" in t and k == "code")
    n_md = sum(1 for t, k in zip(tags, kinds) if "solution" in t and k == "markdown")
    n_exercise_md = sum(1 for t, k in zip(tags, kinds) if "exercise" in t and "solution" not in t and k == "markdown")
    code = page.locator("div.cell.tag_solution")
    md = page.locator("details.solution")
    assert (code.count(), md.count()) == (n_code, n_md), "solution cells missing from the page"
    assert page.locator("div.admonition.exercise").count() == n_exercise_md, "exercise cells not boxed"
    for i in range(code.count()):
        cell = code.nth(i)
        body = cell.locator("details.hide")
        assert body.count() == 1 and body.get_attribute("open") is None, f"solution {i} is not hidden"
        assert not cell.locator(".cell_input").is_visible(), f"solution {i} shows its code"
        body.locator("summary").click()
        assert cell.locator(".cell_input").is_visible(), f"solution {i} does not open"
    for i in range(md.count()):
        box = md.nth(i)
        assert box.get_attribute("open") is None, f"markdown solution {i} is open"
        box.locator("summary").click()
        assert box.locator(".sd-summary-content").is_visible(), f"markdown solution {i} does not open"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_solutions_are_hidden_until_opened(page, book_url, nb):
    page.goto(urljoin(book_url, f"notebooks/{nb.stem}.html"))
    _solutions_are_hidden(page, json.loads(nb.read_text(encoding="utf-8")))


@pytest.mark.filterwarnings("ignore:.*Check CHANGES for Sphinx API modifications")  # sphinx-book-theme and myst-parser on Sphinx 9
def test_solution_toggle_and_exercise_box_on_a_built_example(page, tmp_path):
    """A notebook made here with every kind of exercise and solution cell and a widget output, built into a book with
    book/build.py."""
    secret_code, secret_text = "SOLUTION-OUTPUT-4711", "SOLUTION-TEXT-4712"
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": "# 01 · Example\n\nIntro."},
        {"cell_type": "markdown", "metadata": {"tags": ["exercise"]},
         "source": "### Exercise 1\n\nPredict, then run:\n\n```python\nprint(1)\n```"},
        {"cell_type": "code", "metadata": {"tags": ["solution"]}, "execution_count": 1, "source": f"print('{secret_code}')",
         "outputs": [{"output_type": "stream", "name": "stdout", "text": f"{secret_code}\n"}]},
        {"cell_type": "markdown", "metadata": {"tags": ["exercise"]}, "source": "**Exercise 2.** Why?"},
        {"cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": f"Because {secret_text}."},
        {"cell_type": "code", "metadata": {"tags": ["exercise"]}, "execution_count": 2, "source": "# your code", "outputs": []},
        {"cell_type": "code", "metadata": {}, "execution_count": 3, "source": "explorer", "outputs": [{
            "output_type": "display_data", "metadata": {},
            "data": {"application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
                     "text/html": "<p class='fallback'>WIDGET-FALLBACK-4713</p>", "text/plain": "Widget(...)"}}]},
    ]
    nb = {"cells": [dict(c, id=f"c{i}") for i, c in enumerate(cells)], "nbformat": 4, "nbformat_minor": 5,
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}}
    (tmp_path / "nbs").mkdir()
    (tmp_path / "nbs" / "01-example.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    assert build.build(tmp_path / "book", tmp_path / "src", tmp_path / "nbs") == 0
    with serve(tmp_path / "book") as url:
        page.goto(urljoin(url, "notebooks/01-example.html"))
        assert not page.get_by_text(secret_code).first.is_visible()
        assert not page.get_by_text(secret_text).first.is_visible()
        assert page.locator("div.cell.tag_exercise").count() == 1
        assert page.get_by_role("heading", name="Exercise 1").count() == 1, "an exercise heading left the page contents"
        _solutions_are_hidden(page, nb)
        assert page.get_by_text(secret_code).first.is_visible()
        assert page.get_by_text(secret_text).first.is_visible()
        # a widget output shows its static HTML and pulls no widget JavaScript from the internet
        assert page.get_by_text("WIDGET-FALLBACK-4713").is_visible()
        assert not page.console_errors, page.console_errors
        assert not page.blocked, page.blocked
