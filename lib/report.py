"""Run every per-article notebook (01-05) on an article and write a readable report.

    python -m lib.report ARTICLE [ARTICLE ...] [--out-root out] [--jobs 2]
    make report ARTICLE=path/to/article.txt

For each article it writes `<out-root>/<stem>/`: the executed notebooks `NN-*.ipynb`, `figures/` with every
per-article figure as SVG and PNG, and `report.html` (the article's title and text, then every notebook with its
outputs, on one page). The committed notebooks and figures are never touched. A missing, empty or binary article
stops with one line and exit status 2; a notebook that fails gives one line naming the cell, and exit status 1.
"""
from __future__ import annotations

import argparse
import html
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
PER_ARTICLE = ("01", "02", "03", "04", "05")


@dataclass(frozen=True)
class Run:
    """One notebook run on one article: where it reads and writes, and how it ended."""

    article: str
    notebook: str
    output: str
    figures: str
    error: str = ""


def notebooks(numbers: tuple[str, ...] = PER_ARTICLE) -> list[Path]:
    """The per-article notebooks, in order."""
    return sorted(p for p in NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb") if p.name[:2] in numbers)


def out_folder(article: Path, out_root: Path) -> Path:
    """The report folder of an article: <out-root>/<file stem> (spaces kept)."""
    return out_root / article.stem


def _execute(run: Run) -> Run:
    """Execute one notebook with papermill, parameters ARTICLE and FIG_DIR; the error, if any, as one line."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(run.notebook, run.output, parameters={"ARTICLE": run.article, "FIG_DIR": run.figures},
                                   cwd=str(NOTEBOOK_DIR), kernel_name="python3", progress_bar=False, log_output=False)
    except PapermillExecutionError as exc:
        return Run(**{**run.__dict__, "error": f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}".splitlines()[0]})
    except Exception as exc:  # noqa: BLE001 - a kernel that dies is reported like a failing cell
        return Run(**{**run.__dict__, "error": f"{type(exc).__name__}: {exc}".splitlines()[0]})
    return run


def report_html(article_path: Path, executed: list[Path]) -> str:
    """One HTML page: the article's title and text, then each executed notebook with its outputs."""
    import nbformat
    from nbconvert import HTMLExporter

    from lib.article import load_article

    article = load_article(article_path)
    head = [f"# Report: {article.label}", "",
            f"`{article_path}` · {article.published or 'no date header'} · {article.author or 'no byline'} · "
            f"{len(article.paragraphs)} paragraphs · produced by `python -m lib.report` from notebooks "
            + ", ".join(f"`{p.name}`" for p in executed), "",
            "<details><summary>The article as parsed (kept paragraphs)</summary>", ""]
    head += [f"<p><b>{p.kind}</b>: {html.escape(p.text)}</p>" for p in article.paragraphs] + ["", "</details>"]
    merged = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("\n".join(head))])
    for path in executed:
        nb = nbformat.read(path, as_version=4)
        merged.cells.append(nbformat.v4.new_markdown_cell(f"---\n\n*Notebook `{path.name}`*"))
        for k, cell in enumerate(nb.cells):
            cell["id"] = f"nb{path.name[:2]}-{k:03d}"  # cell ids stay unique in the merged page
            merged.cells.append(cell)
        merged.metadata = merged.metadata or nb.metadata
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(merged, resources={"metadata": {"name": f"Report: {article.label}"}})
    return body


def make_reports(articles: list[Path], out_root: Path, jobs: int = 2, numbers: tuple[str, ...] = PER_ARTICLE) -> list[Run]:
    """Run the per-article notebooks on every article (jobs notebooks at a time) and write each report.html."""
    runs = []
    for article in articles:
        folder = out_folder(article, out_root)
        (folder / "figures").mkdir(parents=True, exist_ok=True)
        for nb in notebooks(numbers):
            runs.append(Run(str(article.resolve()), str(nb), str((folder / nb.name).resolve()), str((folder / "figures").resolve())))
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("PYTHONHASHSEED", "0")
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = list(pool.map(_execute, runs))
    for article in articles:
        folder = out_folder(article, out_root)
        executed = [Path(r.output) for r in done if r.article == str(article.resolve()) and Path(r.output).exists()]
        (folder / "report.html").write_text(report_html(article, executed), encoding="utf-8")
    return done


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m lib.report", description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+", type=Path, help="article files (.txt)")
    parser.add_argument("--out-root", type=Path, default=ROOT / "out", help="reports go to OUT_ROOT/<article stem>/ (default: out/)")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at the same time (default 2)")
    args = parser.parse_args(argv)
    import warnings

    from lib.article import load_article

    for article in args.articles:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                load_article(article)
        except (OSError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    runs = make_reports(args.articles, args.out_root, args.jobs)
    failed = [r for r in runs if r.error]
    for r in failed:
        print(f"error: {Path(r.article).name}: {Path(r.notebook).name}: {r.error}", file=sys.stderr)
    for article in args.articles:
        print(f"wrote {out_folder(article, args.out_root) / 'report.html'}")
    return 1 if failed else 0


if __name__ == "__main__":
    from lib.article import exit_cli

    exit_cli(main)
