"""Profile newslayout on one PDF page: where does the time go?

    .venv/bin/python bench/profile_page.py PDF [PAGE] [--top 25] [--sort cumulative]
    .venv/bin/python bench/profile_page.py ../shared/corpus/scans/chronam_page_a.pdf 1

Runs ``layout.reconstruct(pdf, pages=[PAGE]).to_html()`` once untimed (imports and one-time
setup), then once under cProfile, and prints the wall time, the time of the PyMuPDF read alone
(the benchmark's floor) and the top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import run_floor, run_ours  # noqa: E402  (what the benchmark times)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdf", type=Path, help="the PDF file")
    parser.add_argument("page", type=int, nargs="?", default=1, help="1-based page (default 1)")
    parser.add_argument("--top", type=int, default=25, help="how many functions to list")
    parser.add_argument("--sort", default="cumulative",
                        help="pstats sort key: cumulative (default), tottime, ncalls ...")
    return parser.parse_args(argv)


def floor_seconds(pdf: Path, page: int) -> float:
    """Time of the benchmark's floor on this page: the PyMuPDF read, no analysis."""
    started = time.perf_counter()
    run_floor(pdf, page)
    return time.perf_counter() - started


def profile(pdf: Path, page: int) -> tuple[cProfile.Profile, float]:
    """Profile one reconstruct+to_html run; returns the profile and the unprofiled wall time."""
    run_ours(pdf, page)  # warm-up: imports, caches
    started = time.perf_counter()
    run_ours(pdf, page)
    wall = time.perf_counter() - started
    profiler = cProfile.Profile()
    profiler.enable()
    run_ours(pdf, page)
    profiler.disable()
    return profiler, wall


def report(profiler: cProfile.Profile, top: int, sort: str) -> str:
    """The pstats listing of the ``top`` functions, paths shortened."""
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(sort)
    stats.print_stats(top)
    return stream.getvalue()


def main(argv: Sequence[str] | None = None) -> None:
    """Profile the page and print the summary and the listing."""
    args = parse_args(argv)
    if not args.pdf.exists():
        sys.exit(f"{args.pdf}: no such file")
    profiler, wall = profile(args.pdf, args.page)
    floor = min(floor_seconds(args.pdf, args.page) for _ in range(3))
    print(f"{args.pdf} page {args.page}: reconstruct+to_html {wall * 1000:.0f} ms "
          f"(unprofiled), floor {floor * 1000:.0f} ms, ratio {wall / floor:.1f}x")
    print(report(profiler, args.top, args.sort))


if __name__ == "__main__":
    main()
