"""Benchmark scanned pages: our OCR path beside Tesseract's own text and beside the archive's ALTO.

    .venv/bin/python bench/scans.py                     # 11 RERO pages + one ChronAm page
    .venv/bin/python bench/scans.py --pages 6 --no-chronam --out bench/out/scans.md

Accuracy: the RERO page PDFs (``../shared/corpus/mets_alto/rero_*/page_pdf/*.pdf``, a scan with
an invisible OCR layer) are rendered to ``--dpi`` greyscale images, so nothing of the text
layer is left, and scored against the issue's METS ground truth
(``layout.evaluate.load_mets_truth``) on story_f1, order, coverage and flow:

- ours (OCR): ``image.scan_page`` (deskew, Tesseract, rules and figures from the pixels, as
  ``ImageSource.page`` does for a PNG) then ``analyse_page``; HTML scored with ``score_html``;
- Tesseract: Tesseract's own plain text of the same recognition, ``score_text``;
- ours (ALTO): ``layout.reconstruct`` on the page's ALTO file (the archive's own OCR, from
  which the ground truth text is made, so its coverage is an upper bound for text);
- ours (PDF layer): ``layout.reconstruct`` on the page PDF with ``--ocr auto``: its OCR layer;
- column-major (ALTO): the archive's ALTO blocks read column by column (``bench/archive.py``),
  ``score_text``: a check of the truth's order. Where it scores low, the truth does not read
  in column order (EZR's METS reads the right column first on pages 1 and 3-6), so means are
  given over all pages and over the pages where it reads in column order.

The ground truth text is itself an old OCR of Fraktur: chunks of 20 characters match only
where two OCRs agree letter for letter, so coverage and flow of every OCR row are low in
absolute terms; compare the rows with one another.

Time, per page, in CPU seconds (process time: the machine is shared, and wall time there
measures the neighbours): Tesseract's recognition, the rest of ``scan_page`` (deskew, pixel
analysis) and the layout stage (``analyse_page`` and the HTML), one run each.

ChronAm: one scan of ``../shared/corpus/scans`` has no ground truth; it is OCR'd the same way and
its words compared with the PDF's own text layer (share of the layer's words, lower-cased,
found by our OCR and the reverse, as multisets), with both layouts' story counts.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pymupdf

import layout
from layout.evaluate import PageTruth, load_mets_truth, score_html, score_text
from layout.model import Document
from layout.sources.image import scan_page

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive import COLUMN_ORDER, blocks, column_major, page_width  # noqa: E402  (the same baseline)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
ISSUES = ("rero_EZR_1840-02-21", "rero_BLB_1845-12-28")
CHRONAM = "scans/chronam_page_a.pdf"
METRICS = ("story_f1", "order", "coverage", "flow")
ROWS = ("ours (OCR)", "Tesseract", "ours (ALTO)", "ours (PDF layer)",
        "column-major (ALTO)")


@dataclass(frozen=True)
class PageRun:
    """One page's scores per row and its times [s]."""

    name: str
    scores: dict[str, dict[str, float | None]]
    ocr: float
    pixels: float
    layout: float


def render(pdf: Path, dpi: int) -> np.ndarray:
    """Page 1 of a PDF as a greyscale image: pixels only, no text layer."""
    page = pymupdf.open(pdf)[0]
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.stride)[:, :pix.width].copy()


def pages_with_truth(count: int) -> list[tuple[Path, PageTruth]]:
    """The first ``count`` page PDFs with scored stories, taken from the issues in turn."""
    queues = []
    for issue in ISSUES:
        folder = CORPUS / "mets_alto" / issue
        mets = next(folder.glob("*-METS.xml"))
        queues.append([(folder / "page_pdf" / f"{t.number:05d}.pdf", t) for t in load_mets_truth(mets)
                       if any(a.scored and a.text for a in t.articles)])
    chosen = []
    while len(chosen) < count and any(queues):
        for q in queues:
            if q and len(chosen) < count:
                chosen.append(q.pop(0))
    return chosen


def _metrics(scores) -> dict[str, float | None]:
    return {m: getattr(scores, m) for m in METRICS}


def run_page(pdf: Path, truth: PageTruth, lang: str, dpi: int) -> PageRun:
    gray = render(pdf, dpi)
    start = time.process_time()
    scan = scan_page(gray, 1, lang)
    scanned = time.process_time() - start
    start = time.process_time()
    html = Document(pdf.name, (layout.analyse_page(scan.content),)).to_html()
    laid = time.process_time() - start
    alto = pdf.parent.parent / "alto" / f"{pdf.stem}.xml"
    scores = {
        "ours (OCR)": _metrics(score_html(html, truth)),
        "Tesseract": _metrics(score_text(scan.ocr_text, truth)),
        "ours (ALTO)": _metrics(score_html(layout.reconstruct(alto).to_html(), truth)),
        "ours (PDF layer)": _metrics(score_html(layout.reconstruct(pdf, ocr="auto").to_html(), truth)),
        "column-major (ALTO)": _metrics(score_text(
            "\n".join(column_major(blocks(alto), page_width(alto))), truth)),
    }
    name = f"{pdf.parent.parent.name}/{pdf.stem}"
    return PageRun(name, scores, scan.ocr_seconds, scanned - scan.ocr_seconds, laid)


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def report(runs: list[PageRun], lang: str, dpi: int) -> list[str]:
    out = [f"## Scanned pages: RERO pages rendered at {dpi} dpi, OCR `{lang}`", "",
           "| page | row | " + " | ".join(METRICS) + " |", "|---|---|" + "---|" * len(METRICS)]
    for r in runs:
        out += [f"| {r.name} | {row} | " + " | ".join(_fmt(r.scores[row][m]) for m in METRICS) + " |"
                for row in ROWS]
    in_order = [r for r in runs if (r.scores["column-major (ALTO)"]["order"] or 0) >= COLUMN_ORDER]
    for title, chosen in (("Mean over the pages", runs),
                          (f"Mean over the {len(in_order)} pages whose truth reads in column order "
                           f"(column-major order of the archive's blocks >= {COLUMN_ORDER})", in_order)):
        out += ["", f"{title}:", "", "| row | " + " | ".join(METRICS) + " |",
                "|---|" + "---|" * len(METRICS)]
        for row in ROWS:
            means = []
            for m in METRICS:
                vals = [r.scores[row][m] for r in chosen if r.scores[row][m] is not None]
                means.append(sum(vals) / len(vals) if vals else None)
            out.append(f"| {row} | " + " | ".join(_fmt(v) for v in means) + " |")
    out += ["", "| page | OCR CPU s | deskew + pixels CPU s | layout + HTML CPU s | layout / OCR |", "|---|---|---|---|---|"]
    out += [f"| {r.name} | {r.ocr:.1f} | {r.pixels:.2f} | {r.layout:.2f} | {r.layout / r.ocr:.1%} |"
            for r in runs]
    return out


def _words(text: str) -> Counter:
    return Counter(w for w in re.findall(r"\w+", text.lower()) if len(w) >= 3)


def chronam(dpi: int) -> list[str]:
    """OCR one ChronAm scan and compare its words and layout with the PDF's own text layer."""
    pdf = CORPUS / CHRONAM
    start = time.process_time()
    scan = scan_page(render(pdf, dpi), 1, "eng")
    total = time.process_time() - start
    ours = layout.analyse_page(scan.content)
    layer = layout.reconstruct(pdf, ocr="never").pages[0]
    layer_text = pymupdf.open(pdf)[0].get_text()
    a, b = _words(layer_text), _words(" ".join(w.text for w in scan.content.words))
    common = sum((a & b).values())
    return ["", f"## ChronAm `{CHRONAM}` (no ground truth): our OCR at {dpi} dpi against its text layer", "",
            f"- words (3+ letters) of the text layer found by our OCR: {common / max(1, sum(a.values())):.1%}; "
            f"of ours found in the layer: {common / max(1, sum(b.values())):.1%}",
            f"- skew corrected {scan.skew:+.2f} deg; rules {len(scan.content.rules)}, frames "
            f"{len(scan.content.frames)}, figures {len(scan.content.figures)} found in the pixels",
            f"- stories: {len(ours.stories)} from our OCR, {len(layer.stories)} from the text layer",
            f"- CPU time: OCR {scan.ocr_seconds:.1f} s, deskew + pixels {total - scan.ocr_seconds:.1f} s"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pages", type=int, default=11,
                   help="RERO pages to OCR (about 20 s each; default: all 11 with truth)")
    p.add_argument("--lang", default="frk", help="Tesseract languages for RERO (default: frk, Fraktur)")
    p.add_argument("--dpi", type=int, default=300)
    p.add_argument("--no-chronam", action="store_true", help="skip the ChronAm comparison")
    p.add_argument("--out", type=Path, help="also write the markdown here")
    args = p.parse_args(argv)
    if not (CORPUS / "mets_alto").is_dir():
        print(f"bench/scans.py: the shared corpus {CORPUS} is absent; nothing to measure", file=sys.stderr)
        return 0
    runs = []
    for pdf, truth in pages_with_truth(args.pages):
        print(f"OCR {pdf} ...", file=sys.stderr)
        runs.append(run_page(pdf, truth, args.lang, args.dpi))
    lines = report(runs, args.lang, args.dpi)
    if not args.no_chronam:
        print(f"OCR {CORPUS / CHRONAM} ...", file=sys.stderr)
        lines += chronam(args.dpi)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
