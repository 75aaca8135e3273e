"""Benchmarks that print figures (not timed tests).

    python -m lib.bench DIR [--to 2000] [--repeat 3]
                                          articles per second and peak memory: bare spaCy nlp.pipe vs our analyse,
                                          on DIR's .txt files and on them repeated to about --to articles; medians
                                          of --repeat alternating runs, with the range of the ratio
    python -m lib.bench parse [--mb 5]    time parse_article on a generated article of about that size
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from statistics import median

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


def _measure(mode: str, listing: Path, sentiment: str) -> dict:
    """Run one measurement in a fresh process (so peak memory is its own): 'bare' spaCy or our 'full' analyse."""
    code = (
        "import json, resource, sys, time\n"
        "from pathlib import Path\n"
        f"files = Path({str(listing)!r}).read_text().split('\\n')\n"
        "t0 = time.perf_counter()\n"
        + ("from lib.nlp import load_pipeline\nnlp = load_pipeline()\nt0 = time.perf_counter()\n"
           "n = sum(1 for _ in nlp.pipe((Path(f).read_text(encoding='utf-8') for f in files), batch_size=16))\n"
           if mode == "bare" else
           "from lib.nlp import load_pipeline\nload_pipeline()\nfrom lib.corpus import analyse\n"
           f"import lib.sentiment\nlib.sentiment.polarity(['warm up'], {sentiment!r})\nt0 = time.perf_counter()\n"
           f"n = len(analyse(files, progress=False, sentiment_method={sentiment!r}).articles)\n")
        + "dt = time.perf_counter() - t0\n"
        "print(json.dumps({'articles': n, 'seconds': dt, 'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "TQDM_DISABLE": "1"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_corpus(folder: Path, target: int, sentiment: str, repeat: int = 3) -> None:
    """Print articles per second and peak memory of bare nlp.pipe and of analyse, on the folder and on it repeated.

    Bare and full runs alternate `repeat` times, so a slow spell of a shared machine hits both; the rates are medians
    and the ratio is the median of the paired ratios, with their range."""
    if repeat < 1:
        raise SystemExit("error: --repeat must be at least 1")
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"error: {folder}: no .txt files")
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        sizes = [("folder", files)]
        if target > len(files):
            copies = []
            for k in range(-(-target // len(files))):
                for f in files:
                    dst = tmp / f"{k:03d}_{f.name}"
                    shutil.copyfile(f, dst)
                    copies.append(dst)
            sizes.append((f"repeated x{-(-target // len(files))}", copies))
        print(f"{'corpus':<16}{'articles':>9}{'runs':>5}{'bare spaCy art/s':>18}{'ours art/s':>12}{'ratio':>8}{'range':>12}"
              f"{'bare peak MB':>14}{'ours peak MB':>14}")
        for label, paths in sizes:
            listing = tmp / f"{label.split()[0]}.list"
            listing.write_text("\n".join(str(p) for p in paths))
            pairs = [(_measure("bare", listing, sentiment), _measure("full", listing, sentiment)) for _ in range(repeat)]
            b_rates = [b["articles"] / b["seconds"] for b, _ in pairs]
            f_rates = [f["articles"] / f["seconds"] for _, f in pairs]
            ratios = [f / b for b, f in zip(b_rates, f_rates)]
            span = f"{min(ratios):.2f}-{max(ratios):.2f}"
            print(f"{label:<16}{len(paths):>9}{repeat:>5}{median(b_rates):>18.2f}{median(f_rates):>12.2f}{median(ratios):>8.2f}{span:>12}"
                  f"{max(b['peak_mb'] for b, _ in pairs):>14.0f}{max(f['peak_mb'] for _, f in pairs):>14.0f}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] != "parse" and not argv[0].startswith("-"):
        parser = argparse.ArgumentParser(prog="python -m lib.bench DIR", description="bare spaCy vs our full analysis on a folder")
        parser.add_argument("folder", type=Path)
        parser.add_argument("--to", type=int, default=2000, help="also run on the folder repeated to about this many articles (0: skip)")
        parser.add_argument("--sentiment", default="vader", help="sentiment method of the full analysis (vader, ours, ...)")
        parser.add_argument("--repeat", type=int, default=3, help="alternating bare/full runs per corpus; medians are printed (default 3)")
        args = parser.parse_args(argv)
        bench_corpus(args.folder, args.to, args.sentiment, args.repeat)
        return
    parser = argparse.ArgumentParser(prog="python -m lib.bench", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("parse", help="time parsing a large generated article")
    p.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args(argv)
    if args.what == "parse":
        bench_parse(args.mb)


if __name__ == "__main__":
    from lib.article import exit_cli

    exit_cli(main)
