"""Make `lib` importable in tests and locate the read-only evaluation data in ../shared."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TQDM_DISABLE", "1")

SLOWEST_FIRST = ("test_reports.py",)  # every per-article notebook on three articles: about half of `make unit`


def pytest_collection_modifyitems(items):
    """Start the slowest test module first, so that the other xdist worker runs the rest meanwhile (--dist loadfile)."""
    items.sort(key=lambda item: Path(str(item.fspath)).name not in SLOWEST_FIRST)
