"""Batch throughput: pages per second with 1 and 2 worker processes, and peak memory per worker.

    .venv/bin/python bench/batch.py                 # prints a Markdown section

The input, built in a temporary folder: every sample page ``fixtures/pages/*.pdf`` copied
``--copies`` times (one-page files), a ``--long``-page broadsheet PDF (``en_broadsheet_8col``
repeated, for memory on a long file of big pages) and, when present,
``../shared/corpus/pdf/federal-register-2020-17221.pdf`` (15 pages, read in place).

Each row converts all of it with ``layout.batch.run_batch`` (``--force``, a fresh output
folder, HTML and JSON) after the fork server is started, so library imports are not timed.
The first row is the floor: ``PageReader`` over every file in this one process, no outputs.
Peak memory is each worker process's peak resident set (``ru_maxrss``), which includes the
library the fork server loaded and shares with every worker ("base": the smallest file's).
CPU seconds (the workers' ``ru_utime + ru_stime`` plus the parent's; for the floor, this
process's) hardly depend on what else the machine runs, so pages per CPU second compare runs
on a busy machine, where wall-clock pages/s cannot; the load average is printed with the
table. Run it twice.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

import pymupdf

from layout import PageReader, ReadOptions
from layout.batch import REPORT_NAME, run_batch
from layout.batch.isolate import warm_up

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "pages"
EXTRA = ROOT.parent / "shared" / "corpus" / "pdf" / "federal-register-2020-17221.pdf"
LONG = "en_broadsheet_8col"
NO_OCR = ReadOptions(ocr="never")


def build_input(folder: Path, copies: int, long_pages: int) -> Path:
    folder.mkdir()
    for pdf in sorted(FIXTURES.glob("*.pdf")):
        for i in range(copies):
            shutil.copyfile(pdf, folder / f"{pdf.stem}-{i}.pdf")
    src, doc = pymupdf.open(FIXTURES / f"{LONG}.pdf"), pymupdf.open()
    for _ in range(long_pages):
        doc.insert_pdf(src)
    doc.save(folder / f"{LONG}-x{long_pages}.pdf")
    if EXTRA.is_file():
        os.symlink(EXTRA, folder / EXTRA.name)
    return folder


def floor(folder: Path) -> tuple[int, float, float]:
    """(pages, seconds, CPU seconds) of analysing every page here, in this process, no outputs."""
    start, cpu, pages = time.perf_counter(), time.process_time(), 0
    for pdf in sorted(folder.glob("*.pdf")):
        with PageReader(pdf, NO_OCR) as reader:
            pages += sum(1 for _ in reader)
    return pages, time.perf_counter() - start, time.process_time() - cpu


def run(folder: Path, out: Path, workers: int, formats: tuple[str, ...]) -> dict:
    start, cpu = time.perf_counter(), time.process_time()
    counts = run_batch(folder, out, formats, workers=workers, force=True, options=NO_OCR,
                       progress=False)
    seconds, parent_cpu = time.perf_counter() - start, time.process_time() - cpu
    records = [json.loads(line) for line in (out / REPORT_NAME).read_text().splitlines()]
    assert counts == {"ok": len(records)}, counts
    broadsheet = [r["peak_mb"] for r in records if "broadsheet" in r["input"]]
    return {"files": len(records), "pages": sum(r["pages"] for r in records),
            "seconds": seconds, "cpu": parent_cpu + sum(r["cpu_seconds"] for r in records),
            "peak": max(r["peak_mb"] for r in records),
            "broadsheet": max(broadsheet), "base": min(r["peak_mb"] for r in records)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=4, help="copies of each sample page (default 4)")
    ap.add_argument("--long", type=int, default=20, help="pages of the long broadsheet PDF (default 20)")
    ap.add_argument("--formats", default="html,json", help="output formats (default html,json)")
    args = ap.parse_args()
    formats = tuple(args.formats.split(","))
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = build_input(Path(tmp) / "in", args.copies, args.long)
        warm_up()
        floor_pages, floor_seconds, floor_cpu = floor(folder)
        results = {w: run(folder, Path(tmp) / f"out{w}", w, formats) for w in (1, 2)}
    load_after = os.getloadavg()
    one = results[1]["pages"] / results[1]["seconds"]
    print("## Batch throughput (`bench/batch.py`)\n")
    print(f"{os.cpu_count()} cores, Python {platform.python_version()}, load average "
          f"{load_before[0]:.1f} before and {load_after[0]:.1f} after (other work on the machine). "
          f"Input: {results[1]['files']} files, {results[1]['pages']} pages: the "
          f"{len(list(FIXTURES.glob('*.pdf')))} sample pages x {args.copies}, {LONG} x {args.long} pages"
          f"{', federal-register-2020-17221 (15 pages)' if EXTRA.is_file() else ''}. "
          f"Outputs: {', '.join(formats)}; a process per file.\n")
    print("| run | pages | seconds | pages/s | vs 1 worker | CPU s | pages per CPU s "
          "| peak MB per worker | on broadsheet pages |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| in-process, no outputs | {floor_pages} | {floor_seconds:.1f} "
          f"| {floor_pages / floor_seconds:.2f} | | {floor_cpu:.1f} | {floor_pages / floor_cpu:.2f} | | |")
    for w, r in results.items():
        rate = r["pages"] / r["seconds"]
        print(f"| {w} worker{'s' if w > 1 else ''} | {r['pages']} | {r['seconds']:.1f} | {rate:.2f} "
              f"| {rate / one:.2f}x | {r['cpu']:.1f} | {r['pages'] / r['cpu']:.2f} "
              f"| {r['peak']:.0f} (base {r['base']:.0f}) | {r['broadsheet']:.0f} |")


if __name__ == "__main__":
    main()
