"""Benchmarks that print figures (not timed tests).

    python -m lib.bench parse [--mb 5]    time parse_article on a generated article of about that size
"""
from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

from lib.article import lost_text, parse_article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_652e2d81d0141557.txt"


def big_article(megabytes: float) -> str:
    """An article of about `megabytes` MB: the seed's header, then its lines repeated with numbered variations."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    head, rest = lines[0], [l for l in lines[1:] if l.strip()]
    out, size, i = [head, ""], 0, 0
    while size < megabytes * 1_000_000:
        line = f"{rest[i % len(rest)]} (copy {i})"
        out += [line, ""]
        size += len(line.encode()) + 1
        i += 1
    return "\n".join(out)


def bench_parse(megabytes: float) -> None:
    """Print wall time and peak memory of parsing a generated article of the given size."""
    text = big_article(megabytes)
    tracemalloc.start()
    t0 = time.perf_counter()
    art = parse_article(text, source="generated")
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"parse_article: {len(text.encode()) / 1e6:.1f} MB, {len(art.paragraphs)} paragraphs, "
          f"{len(art.removed)} removed pieces in {elapsed:.2f} s ({len(text.encode()) / 1e6 / elapsed:.1f} MB/s), "
          f"peak Python memory {peak / 1e6:.0f} MB; nothing lost: {not lost_text(art)}")


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m lib.bench", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("parse", help="time parsing a large generated article")
    p.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args(argv)
    if args.what == "parse":
        bench_parse(args.mb)


if __name__ == "__main__":
    main()
