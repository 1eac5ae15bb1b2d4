"""How our time grows with the page: five families of page at growing sizes, against the floor.

    .venv/bin/python bench/scale.py >> BENCHMARKS.md        # what `make bench` runs
    .venv/bin/python bench/scale.py --pages /tmp/scale --family stacked --reps 1

The pages come from ``fixtures/scale_pages.py`` (reproducible, with truth), generated into
``--pages`` (a temporary folder by default; a page already there is reused). For each family
and size: the words on the page, our CPU time (``run_ours``: reconstruct and HTML, as
``bench/run.py`` times it) and the floor's (``run_floor``: the PyMuPDF read of the same
page), interleaved, best of ``--reps`` (once when ours takes over ``SLOW`` seconds); the
accuracy of our HTML against the page's truth (``layout.evaluate``: story_f1, order). Per
family, the exponent k of ours growing as words^k (least squares on log-log) and the ratio to
the floor at the smallest and largest size.

Then start-up (``newslayout convert`` of one small page as a whole process: CPU seconds and
peak resident memory) and the memory of one process converting a file of 1, 200 and 1,000
copies of that page. Prints one Markdown section.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from run import run_floor, run_ours  # noqa: E402  (what the main benchmark times)
from scale_pages import FAMILIES, SIZES, make_page, page_path  # noqa: E402

import layout  # noqa: E402
from layout.evaluate import load_truth, score_html  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SMALL_PAGE = ROOT / "fixtures" / "pages" / "en_letter_4col.pdf"
MEMORY_PAGES = (1, 200, 1000)
# [seconds] ours slower than this on a page is timed once
SLOW = 3.0


@dataclass(frozen=True)
class Point:
    """One family at one size."""

    family: str
    size: float
    words: int
    ours: float
    floor: float
    story_f1: float | None
    order: float | None

    @property
    def ratio(self) -> float:
        return self.ours / self.floor


def cpu(call) -> float:
    """CPU seconds of one call, garbage collected before it."""
    gc.collect()
    start = time.process_time()
    call()
    return time.process_time() - start


def measure(family: str, size: float, folder: Path, reps: int) -> Point:
    """Time and score one page (generated if missing)."""
    pdf = page_path(family, size, folder)
    if not pdf.exists() or not pdf.with_suffix(".gt.json").exists():
        pdf = make_page(family, size, folder)
    with pymupdf.open(pdf) as doc:
        words = len(doc[0].get_text("words"))
    failed = [p for p in layout.reconstruct(pdf, pages=[1]).pages if isinstance(p, layout.PageFailure)]
    if failed:  # timing a refusal would report a page we never analysed
        raise SystemExit(f"{family} {size:g}: {failed[0].error}")
    html = run_ours(pdf, 1)  # warm-up, and the output scored
    scores = score_html(html, load_truth(pdf.with_suffix(".gt.json")))
    ours, floor = [], []
    for _ in range(reps):
        floor.append(cpu(lambda: run_floor(pdf, 1)))
        ours.append(cpu(lambda: run_ours(pdf, 1)))
        if ours[-1] > SLOW:
            break
    return Point(family, size, words, min(ours), min(floor), scores.story_f1, scores.order)


def exponent(points: Sequence[Point]) -> float:
    """k of ours ~ words^k: the least-squares slope of log time on log words."""
    xs = [math.log(p.words) for p in points]
    ys = [math.log(p.ours) for p in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


# Run in the measured process: the CLI, then its own peak resident memory (VmHWM of
# /proc/self/status) written where HWM_FILE says. ru_maxrss cannot be used: Linux carries the
# parent's peak into a child across fork and exec, so every child would weigh this benchmark.
_MEASURED = """
import atexit, os, runpy, sys
def _peak():
    with open('/proc/self/status') as s, open(os.environ['HWM_FILE'], 'w') as out:
        out.write(next(line for line in s if line.startswith('VmHWM')).split()[1])
atexit.register(_peak)
sys.argv = ['newslayout', *sys.argv[1:]]
runpy.run_module('layout.cli', run_name='__main__')
"""


def child(args: Sequence[str], folder: Path) -> tuple[float, float]:
    """CPU seconds and peak resident MiB of ``newslayout ARGS`` run as a process of its own."""
    hwm, err = folder / "hwm.txt", folder / "stderr.txt"
    with open(err, "wb") as stderr:  # a file, not a pipe: nobody reads it while the child runs
        proc = subprocess.Popen([sys.executable, "-c", _MEASURED, *args],
                                stdout=subprocess.DEVNULL, stderr=stderr,
                                env={**os.environ, "HWM_FILE": str(hwm)})
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4
    if proc.returncode != 0:
        raise RuntimeError(f"newslayout {' '.join(args)} failed: {err.read_text()[-500:]}")
    return usage.ru_utime + usage.ru_stime, int(hwm.read_text()) / 1024


def convert(pdf: Path, out: Path) -> list[str]:
    return ["convert", str(pdf), "-o", str(out)]


def startup(folder: Path, reps: int) -> tuple[float, float]:
    """Best CPU seconds and peak MiB of converting the small page, as a whole process."""
    runs = [child(convert(SMALL_PAGE, folder / "startup.html"), folder) for _ in range(reps)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def memory(folder: Path) -> list[tuple[int, float, float]]:
    """(pages, CPU seconds, peak MiB) of one process converting a file of that many copies."""
    rows = []
    for n in MEMORY_PAGES:
        pdf = folder / f"copies-{n}.pdf"
        with pymupdf.open(SMALL_PAGE) as src, pymupdf.open() as doc:
            for _ in range(n):
                doc.insert_pdf(src)
            doc.save(pdf)
        seconds, peak = child(convert(pdf, folder / f"copies-{n}.html"), folder)
        rows.append((n, seconds, peak))
    return rows


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def report(points: dict[str, list[Point]], start: tuple[float, float] | None,
           mem: list[tuple[int, float, float]], reps: int) -> str:
    """The Markdown section."""
    out = ["## Growth with the page (`bench/scale.py`)", "",
           f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}. Pages of "
           "`fixtures/scale_pages.py` at growing sizes; CPU time of ours (reconstruct + HTML) "
           f"and of the floor (PyMuPDF read), interleaved, best of {reps}; k: ours grows as "
           "words^k (log-log least squares).", "",
           "| family | words | ours k | ratio to the floor, smallest → largest | ours at largest | story_f1 | order |",
           "|---|---|---:|---|---:|---|---|"]
    for family, ps in points.items():
        out.append(f"| {family} | {ps[0].words:,} → {ps[-1].words:,} | {exponent(ps):.2f} "
                   f"| {ps[0].ratio:.1f}× → {ps[-1].ratio:.1f}× | {ps[-1].ours:.2f} s "
                   f"| {fmt(ps[0].story_f1)} → {fmt(ps[-1].story_f1)} | {fmt(ps[0].order)} → {fmt(ps[-1].order)} |")
    out += ["", "<details><summary>Every size</summary>", "",
            "| family | size | words | ours s | floor s | ratio | story_f1 | order |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for ps in points.values():
        out += [f"| {p.family} | {p.size:g} | {p.words:,} | {p.ours:.3f} | {p.floor:.4f} "
                f"| {p.ratio:.1f}× | {fmt(p.story_f1)} | {fmt(p.order)} |" for p in ps]
    out += ["", "</details>", ""]
    if start is not None:
        out += [f"Start-up: `newslayout convert {SMALL_PAGE.relative_to(ROOT)}` as a whole process: "
                f"{start[0]:.2f} s CPU, {start[1]:.0f} MiB peak.", ""]
    if mem:
        out += ["| pages in the file (copies of that page) | CPU s | peak MiB |", "|---:|---:|---:|"]
        out += [f"| {n:,} | {s:.1f} | {m:.0f} |" for n, s, m in mem]
        out.append("")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, help="folder of the generated pages (default: temporary)")
    ap.add_argument("--family", choices=sorted(FAMILIES), action="append", help="only these")
    ap.add_argument("--reps", type=int, default=3, help="best of this many runs (default 3)")
    ap.add_argument("--no-process", action="store_true", help="skip start-up and memory")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = args.pages or Path(tmp)
        points = {}
        for family in args.family or list(FAMILIES):
            points[family] = []
            for size in SIZES[family]:
                p = measure(family, size, folder, args.reps)
                print(f"{family} {size:g}: {p.words} words, ours {p.ours:.3f} s, floor {p.floor:.4f} s, "
                      f"{p.ratio:.1f}x, story_f1 {fmt(p.story_f1)}, order {fmt(p.order)}", file=sys.stderr)
                points[family].append(p)
        start = None if args.no_process else startup(Path(tmp), args.reps)
        mem = [] if args.no_process else memory(Path(tmp))
    print(report(points, start, mem, args.reps))


if __name__ == "__main__":
    main()
