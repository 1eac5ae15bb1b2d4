"""Accuracy per PDF producer (Chromium, Typst, LaTeX, WeasyPrint, LibreOffice,
ReportLab, groff, Scribus): ours and plain PyMuPDF.

    .venv/bin/python bench/producers.py                        # the committed sample
    .venv/bin/python bench/producers.py DIR [--pages]          # pages made by make_pages.py --out DIR

Every ``PRODUCER_NAME.pdf`` of the folder that has a ``.gt.json`` beside it (see
``fixtures/producers/``) is converted with ``layout.reconstruct(pdf, pages=[1]).to_html()`` and
scored with ``layout.evaluate.score_html`` (the contract's metrics); "broken" is the share of
consecutive body paragraphs broken mid-sentence, from ``measure`` of
``../shared/tools/paragraph_check.py`` (imported by path; the column is left out when the tool
is absent). The same pages are read with PyMuPDF's ``page.get_text()`` and scored with
``score_text`` (coverage, flow, order) as the floor any layout tool should beat. Prints one
markdown table of means per producer (and over all pages), ``--pages`` adds one row per page.
A page that our pipeline cannot convert is listed with its error and left out of the means.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pymupdf

import layout
from layout.evaluate import load_truth, score_html, score_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "producers" / "pages"
PARAGRAPH_TOOL = ROOT.parent / "shared" / "tools" / "paragraph_check.py"
OURS = ("coverage", "flow", "order", "story_f1", "headline", "caption", "furniture")
PLAIN = ("coverage", "flow", "order")
MEMORY_LIMIT = 8 << 30   # bytes of address space for this process


@dataclass(frozen=True)
class PageResult:
    """One page's scores: ours (with "broken" and CPU seconds), PyMuPDF's, or our error."""
    producer: str
    name: str
    ours: dict
    plain: dict
    error: str = ""


def paragraph_measure() -> Callable[[str], dict] | None:
    """``measure(html_path)`` of the shared paragraph tool, or None when it is not there."""
    if not PARAGRAPH_TOOL.exists():
        return None
    spec = importlib.util.spec_from_file_location("paragraph_check", PARAGRAPH_TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.measure


def score_page(pdf: Path, measure: Callable[[str], dict] | None, tmp: Path) -> PageResult:
    """Convert and score one page with both tools."""
    truth = load_truth(pdf.with_name(pdf.stem + ".gt.json"))
    producer = pdf.stem.split("_", 1)[0]
    with pymupdf.open(pdf) as doc:
        plain = score_text(doc[0].get_text(), truth).as_dict()
    started = time.process_time()
    try:
        html = layout.reconstruct(pdf, pages=[1]).to_html()
    except layout.LayoutError as exc:
        return PageResult(producer, pdf.stem, {}, plain, f"{type(exc).__name__}: {exc}")
    ours = score_html(html, truth).as_dict()
    ours["cpu_s"] = time.process_time() - started
    if measure:
        out = tmp / f"{pdf.stem}.html"
        out.write_text(html, "utf-8")
        ours["broken"] = measure(str(out))["broken"]
    return PageResult(producer, pdf.stem, ours, plain)


def mean(values: Sequence[float | None]) -> str:
    got = [v for v in values if v is not None]
    return f"{statistics.fmean(got):.3f}" if got else "-"


def row(label: str, results: Sequence[PageResult], broken: bool) -> list[str]:
    done = [r for r in results if not r.error]
    cells = [label, str(len(results))]
    cells += [mean([r.ours.get(k) for r in done]) for k in OURS]
    cells += [mean([r.ours.get("broken") for r in done])] if broken else []
    cells += [mean([r.plain.get(k) for r in results]) for k in PLAIN]
    cells.append(f"{statistics.median([r.ours['cpu_s'] for r in done]):.2f}" if done else "-")
    return cells


def table(results: Sequence[PageResult], broken: bool, per_page: bool) -> list[str]:
    """Markdown: one row per producer, one for all pages, and optionally one per page."""
    head = ["producer", "pages", *OURS] + (["broken"] if broken else []) + [f"PyMuPDF {k}" for k in PLAIN] + [
        "CPU s (median)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    producers = sorted({r.producer for r in results})
    for p in producers:
        lines.append("| " + " | ".join(row(p, [r for r in results if r.producer == p], broken)) + " |")
    lines.append("| " + " | ".join(row("**all**", results, broken)) + " |")
    if per_page:
        lines += ["", "| " + " | ".join(["page", *head[1:]]) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row(r.name, [r], broken)) + " |" for r in results if not r.error]
    lines += [f"- {r.name}: **failed**: {r.error}" for r in results if r.error]
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", default=SAMPLE,
                        help="folder of PRODUCER_NAME.pdf + .gt.json (default: the committed sample)")
    parser.add_argument("--pages", action="store_true", help="also one row per page")
    args = parser.parse_args(argv)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    pdfs = sorted(p for p in args.folder.glob("*.pdf") if p.with_name(p.stem + ".gt.json").exists())
    if not pdfs:
        sys.exit(f"no NAME.pdf with NAME.gt.json in {args.folder}")
    measure = paragraph_measure()
    with tempfile.TemporaryDirectory() as tmp:
        results = [score_page(pdf, measure, Path(tmp)) for pdf in pdfs]
    print(f"Pages: `{args.folder}` ({len(pdfs)}). Ours: `layout.reconstruct(pdf, pages=[1]).to_html()`, "
          "`score_html`; PyMuPDF: `page.get_text()`, `score_text`.\n")
    print("\n".join(table(results, measure is not None, args.pages)))


if __name__ == "__main__":
    main()
