"""Shared helpers of the browser tests: where things are, how to find Chromium, a static file server."""
from __future__ import annotations

import functools
import hashlib
import http.server
import os
import re
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "out" / "browser"
BOOK = ROOT / "out" / "book"
CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser",
                       "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]
# Without the background-networking flags Chromium keeps opening connections that a closed network refuses. The
# host-resolver rule makes every name but localhost unresolvable, so a page that reaches for the internet fails the
# same way with or without a network (Playwright's request interception is not used: it stalls JupyterLab's saves).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]
LOCAL = re.compile(r"^(https?|wss?)://(127\.0\.0\.1|localhost)(:\d+)?(/|$)")


def external(url: str) -> bool:
    """A network URL that is not on this machine."""
    return url.startswith(("http:", "https:", "ws:", "wss:")) and not LOCAL.match(url)
HOW_TO_GET_CHROMIUM = ("no Chromium found (looked at $CHROMIUM and " + ", ".join(CHROMIUM_CANDIDATES) + "): "
                       "install Debian's package with `sudo apt-get install chromium`, or set CHROMIUM=/path/to/chrome")


def find_chromium() -> str | None:
    """The Chromium to drive: $CHROMIUM if set, else the first system install found."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"] if Path(os.environ["CHROMIUM"]).is_file() else None
    for path in CHROMIUM_CANDIDATES:
        if Path(path).is_file() and os.access(path, os.X_OK):
            return path
    return shutil.which("chromium") or shutil.which("chromium-browser")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path):
    """Serve a folder over http on a free port of 127.0.0.1; yields the base URL (with a trailing slash)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()



def digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under a folder, keyed by its path relative to the repository."""
    return {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
