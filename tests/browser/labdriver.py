"""Drive JupyterLab from Playwright: start a server on a copy of the notebooks, open a notebook, run it, read errors.

Reusable by any browser test (for example one that clicks in a widget):

    def test_something(lab, page):                 # fixtures from tests/browser/conftest.py
        nb = open_notebook(page, lab, "notebooks/02-extract-quotes.ipynb")
        run_all_cells(page)
        page.locator(".jp-OutputArea-output").get_by_text("Cho Han-bum").first.click()

The server runs from the project's environment with a token on a free port of 127.0.0.1, with its own (temporary)
Jupyter config, data, runtime and settings folders, and serves `lab.root`, a folder under out/ that holds a copy of
notebooks/ (so nothing in notebooks/ changes), an empty figures/ (so notebooks write their figures there, not into
the repository's figures/) and links to the read-only inputs (seeds/, data/, tests/ ...). A notebook in the copy
still finds lib/ by walking up from its folder to the repository root.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pwsupport import ROOT
# Top-level entries of the repository that the lab folder does not link: its own copies, and lib/ which the
# notebooks must find by walking up to the repository root, as they do in notebooks/.
NOT_LINKED = {"notebooks", "figures", "out", "lib"}
# Settings for a quiet, deterministic lab: every cell in the DOM (no virtual scrolling), no news or update checks,
# no autosave (the test saves when it means to).
LAB_SETTINGS = {
    # autoStartDefaultKernel: a notebook opened before the kernel specs are listed starts its own kernel instead of
    # showing the "Select Kernel" dialog, which blocked Run All Cells once under CI
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none", "autoStartDefaultKernel": True},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
}
PROMPTS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt"
STDERR = '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab server: its base URL, token and the folder it serves."""

    url: str
    token: str
    root: Path
    log: Path

    def tree_url(self, relpath: str) -> str:
        """The URL that opens a file alone: `reset` drops the tabs a previous page left in the workspace."""
        return f"{self.url}/lab/tree/{relpath}?reset&token={self.token}"

    def api(self, method: str, path: str) -> object:
        """Call the server's REST API (e.g. api("GET", "/api/kernels")); returns the decoded JSON or None."""
        req = urllib.request.Request(f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=30) as r:
            body = r.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every running kernel (frees memory between notebooks)."""
        for kernel in self.api("GET", "/api/kernels"):
            self.api("DELETE", f"/api/kernels/{kernel['id']}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_lab_folder(root: Path, notebooks: Path = ROOT / "notebooks") -> Path:
    """A fresh folder with a copy of the notebooks, an empty figures/ and links to the repository's other inputs."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(notebooks, root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (root / "figures").mkdir()
    for entry in sorted(ROOT.iterdir()):
        if entry.name.startswith(".") or entry.name in NOT_LINKED:
            continue
        (root / entry.name).symlink_to(entry)
    return root


def _jupyter() -> list[str]:
    exe = Path(sys.executable).with_name("jupyter")
    return [str(exe), "lab"] if exe.exists() else [sys.executable, "-m", "jupyterlab"]


@contextmanager
def jupyterlab(root: Path, state: Path, timeout: float = 90) -> Iterator[Lab]:
    """Run `jupyter lab` on `root` until the block ends; `state` is an empty folder for its config and logs."""
    token, port = uuid.uuid4().hex, free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    for name in ("config", "data", "runtime", "settings", "workspaces"):
        (state / name).mkdir(parents=True, exist_ok=True)
    env.update(
        JUPYTER_CONFIG_DIR=str(state / "config"), JUPYTER_DATA_DIR=str(state / "data"),
        JUPYTER_RUNTIME_DIR=str(state / "runtime"), JUPYTERLAB_SETTINGS_DIR=str(state / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"),
    )
    for plugin, values in LAB_SETTINGS.items():
        path = state / "settings" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    log = state / "jupyterlab.log"
    cmd = [*_jupyter(), "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly"]
    if os.geteuid() == 0:  # CI runs as root
        cmd.append("--allow-root")
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    lab = Lab(f"http://127.0.0.1:{port}", token, root, log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(f"{lab.url}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"jupyter lab not up after {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.5)
        yield lab
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def open_notebook(page, lab: Lab, relpath: str, timeout_ms: float = 120_000) -> Path:
    """Open a notebook of the lab folder in the page and wait until its kernel is idle; returns its path on disk."""
    path = lab.root / relpath
    n_code = sum(c["cell_type"] == "code" for c in json.loads(path.read_text(encoding="utf-8"))["cells"])
    page.goto(lab.tree_url(relpath))
    # every code cell is rendered (with its prompt) before anything is clicked
    page.wait_for_function("([p, n]) => document.querySelectorAll(p).length === n", arg=[PROMPTS, n_code],
                           timeout=timeout_ms, polling=250)
    wait_until_idle(page, timeout_ms)
    return path


def kernel_status(page) -> str | None:
    """The kernel status shown by the current notebook's toolbar (idle, busy, starting, ...)."""
    indicator = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator")
    return indicator.get_attribute("data-status") if indicator.count() else None


def wait_until_idle(page, timeout_ms: float) -> None:
    """Wait until the current notebook's kernel is idle and no cell is queued or running (prompt [*])."""
    page.wait_for_function(
        """([prompts]) => {
            const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
            const ind = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
            const running = [...document.querySelectorAll(prompts)].some(p => p.textContent.includes('*'));
            return ind && ind.dataset.status === 'idle' && !running;
        }""",
        arg=[PROMPTS],
        timeout=timeout_ms,
        polling=500,
    )


def menu(page, *path: str) -> None:
    """Click through the main menu bar, e.g. menu(page, "Run", "Run All Cells")."""
    page.locator(".lm-MenuBar-itemLabel", has_text=path[0]).first.click()
    for label in path[1:]:
        page.locator(".lm-Menu:not(.lm-mod-hidden) .lm-Menu-itemLabel").get_by_text(label, exact=True).first.click()


def run_all_cells(page, timeout_ms: float = 600_000) -> None:
    """Clear every output, run all cells from the Run menu and wait until the kernel is idle again."""
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        "([p]) => [...document.querySelectorAll(p)].every(e => !/\\[\\s*[0-9*]+\\s*\\]/.test(e.textContent))",
        arg=[PROMPTS], timeout=30_000,
    )
    menu(page, "Run", "Run All Cells")
    # the first cell leaves its empty prompt as soon as it is queued
    page.wait_for_function(
        "([p]) => [...document.querySelectorAll(p)].some(e => /\\[\\s*[0-9*]+\\s*\\]/.test(e.textContent))",
        arg=[PROMPTS], timeout=60_000,
    )
    wait_until_idle(page, timeout_ms)


def prompts(page) -> list[str]:
    """The execution prompts of the current notebook's code cells, e.g. ['[1]:', '[2]:', '[ ]:']."""
    return [t.strip() for t in page.locator(PROMPTS).all_inner_texts()]


def stderr_outputs(page) -> list[str]:
    """Texts of the stderr and error outputs shown in the current notebook (JupyterLab renders both as stderr)."""
    return page.locator(STDERR).all_inner_texts()


def save_notebook(page, path: Path, timeout_s: float = 30) -> dict:
    """Save the current notebook from the File menu and return the saved file's JSON once it is on disk."""
    before = path.stat().st_mtime_ns
    menu(page, "File", "Save Notebook")
    deadline = time.monotonic() + timeout_s
    while path.stat().st_mtime_ns == before:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} was not saved within {timeout_s:.0f} s")
        time.sleep(0.2)
    time.sleep(0.5)  # let the write finish
    return json.loads(path.read_text(encoding="utf-8"))


def saved_errors(nb: dict) -> list[str]:
    """Error outputs (with their ename) and stderr tracebacks stored in a notebook's JSON."""
    found = []
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" or "ename" in out:
                found.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            elif out.get("name") == "stderr" and "Traceback" in "".join(out.get("text", "")):
                found.append(f"cell {i}: traceback on stderr: {''.join(out['text'])[-300:]}")
    return found
