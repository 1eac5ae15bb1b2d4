"""Measure newslayout on born-digital pages written again by other PDF writers.

    .venv/bin/python bench/pdf_variants.py                  # prints a markdown section
    .venv/bin/python bench/pdf_variants.py --set DIR --writer gs --writer cairo -j 2

Newspaper PDFs in the wild have often passed through a second PDF writer: distilled from
PostScript, "printed to PDF" from a viewer, cleaned or linearised. Each rewrites the content
stream (text objects merged or split, TJ arrays with kerning numbers, fonts re-encoded or
converted, glyphs re-emitted one by one, Form XObjects flattened) while the page looks the same.
Every page of the sets (default: the committed ``fixtures/pages`` and
``fixtures/producers/pages``; any ``--set DIR`` of NAME.pdf + NAME.gt.json) is converted as it
is, then rewritten by each writer in a temporary folder and converted again (page 1, as
``layout.reconstruct(pdf, pages=[1])``), and both are scored against the same truth with the
contract's metrics (``layout.evaluate.score_html``), beside the coverage of PyMuPDF's plain
``get_text()`` on the same file (``plain coverage``: is the text still there to extract?):

- ``gs``: Ghostscript's pdfwrite (``gs -sDEVICE=pdfwrite``), as Distiller-like tools write a PDF
  again: fonts subset and re-encoded, text objects rebuilt;
- ``ps2pdf``: the page printed to PostScript (Ghostscript's ps2write) and distilled back to PDF
  by pdfwrite, the round trip of a print workflow;
- ``cairo``: poppler's ``pdftocairo -pdf``, as a viewer's "print to PDF" (GTK) writes it: glyphs
  re-emitted through cairo, fonts converted to subsets;
- ``mutool-clean``: ``mutool clean -gggg -s``, the content streams sanitised and the file
  garbage-collected (MuPDF's clean/linearise tools; qpdf-like);
- ``mutool-convert``: ``mutool convert -F pdf``, the page drawn again through MuPDF's PDF device.

The text is the same in every form, so a drop is the pipeline leaning on how one writer
encodes a page. A writer whose program is missing on the machine is named as missing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parents[1]
METRICS = ("coverage", "flow", "order", "story_f1", "headline", "caption", "furniture")
# the coverage of PyMuPDF's plain ``get_text()`` on the same file: whether the text is still
# there to extract at all (a writer that drops the ToUnicode maps loses it for every tool)
PLAIN = "plain coverage"
DEFAULT_SETS = (ROOT / "fixtures" / "pages", ROOT / "fixtures" / "producers" / "pages")
AS_IS = "as is"
# [seconds] longest a writer may take on one page before it counts as failed
_TIMEOUT = 120

# Each writer: the programs it needs and its commands, with {src}, {dst} and {tmp} (a
# scratch file beside them) filled in; the commands run in turn.
WRITERS: dict[str, tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]] = {
    "gs": (("gs",), (("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                      "-o", "{dst}", "{src}"),)),
    "ps2pdf": (("gs",), (("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=ps2write",
                          "-o", "{tmp}", "{src}"),
                         ("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                          "-o", "{dst}", "{tmp}"))),
    "cairo": (("pdftocairo",), (("pdftocairo", "-pdf", "{src}", "{dst}"),)),
    "mutool-clean": (("mutool",), (("mutool", "clean", "-gggg", "-s", "{src}", "{dst}"),)),
    "mutool-convert": (("mutool",), (("mutool", "convert", "-F", "pdf", "-o", "{dst}", "{src}"),)),
}


def missing(writer: str) -> list[str]:
    """The programs of a writer not found on this machine (empty when it can run)."""
    return [program for program in WRITERS[writer][0] if shutil.which(program) is None]


def rewrite(src: Path, dst: Path, writer: str) -> Path:
    """Write the PDF ``src`` again through ``writer`` into ``dst``; raises CalledProcessError
    (or TimeoutExpired) when the writer fails."""
    scratch = dst.with_suffix(".tmp")
    try:
        for command in WRITERS[writer][1]:
            args = [part.format(src=src, dst=dst, tmp=scratch) for part in command]
            subprocess.run(args, check=True, capture_output=True, timeout=_TIMEOUT)
    finally:
        scratch.unlink(missing_ok=True)
    return dst


@dataclass(frozen=True)
class PageResult:
    """One page in one form: its metrics (``None`` where not applicable), or why it failed."""

    page: str
    form: str
    scores: dict[str, float | None]
    error: str = ""


def _score(pdf: Path, truth_path: Path, page: str, form: str) -> PageResult:
    """Convert page 1 of ``pdf`` and score it against the truth; a failure is a result too."""
    import pymupdf

    import layout
    from layout.evaluate import load_truth, score_html, score_text
    try:
        truth = load_truth(truth_path)
        found = score_html(layout.reconstruct(pdf, pages=[1]).to_html(), truth)
        with pymupdf.open(pdf) as doc:
            plain = score_text(doc[0].get_text(), truth).coverage
    except Exception as exc:  # noqa: BLE001  (any failure of one page is reported, not fatal)
        return PageResult(page, form, {}, f"{type(exc).__name__}: {exc}")
    return PageResult(page, form, {**{m: getattr(found, m) for m in METRICS}, PLAIN: plain})


def page_results(pdf: Path, writers: Sequence[str]) -> list[PageResult]:
    """The page as it is, then each writer's rewrite of it, scored against its truth."""
    truth = pdf.with_name(pdf.stem + ".gt.json")
    page = "/".join((*pdf.parts[-3:-1], pdf.stem))  # (fixtures/pages, producers/pages)
    results = [_score(pdf, truth, page, AS_IS)]
    with tempfile.TemporaryDirectory(prefix="pdf_variants_") as tmp:
        for writer in writers:
            try:
                out = rewrite(pdf, Path(tmp) / f"{writer}.pdf", writer)
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
                results.append(PageResult(page, writer, {}, f"writer failed: {exc}"))
                continue
            results.append(_score(out, truth, page, writer))
    return results


def _mean(results: Sequence[PageResult], metric: str) -> str:
    values = [v for r in results if not r.error and (v := r.scores.get(metric)) is not None]
    return f"{mean(values):.3f}" if values else "-"


def drop(before: PageResult, after: PageResult) -> float:
    """How much a page lost in a rewrite: the mean over the metrics both forms have of
    (as is - rewritten); a failed rewrite loses everything (1.0)."""
    if after.error:
        return 1.0
    pairs = [(before.scores.get(m), after.scores.get(m)) for m in METRICS]
    losses = [b - a for b, a in pairs if b is not None and a is not None]
    return mean(losses) if losses else 0.0


def _changes(before: PageResult, after: PageResult) -> str:
    """The metrics that moved by more than half a thousandth, as "name a->b"."""
    if after.error:
        return after.error[:120]
    moved = [f"{m} {b:.3f}->{a:.3f}" for m in (*METRICS, PLAIN)
             if (b := before.scores.get(m)) is not None and (a := after.scores.get(m)) is not None
             and abs(a - b) > 5e-4]
    return "; ".join(moved) or "no change"


def report(results: Sequence[PageResult], writers: Sequence[str], absent: dict[str, list[str]],
           worst: int) -> str:
    """The markdown section: means per form, then each writer's pages that drop most."""
    lines = ["", "## Born-digital pages written again by other PDF writers (`bench/pdf_variants.py`)", "",
             __doc__.split("\n\n", 2)[2].replace("``", "`"), ""]
    for writer, programs in absent.items():
        lines.append(f"- **{writer}: missing** on this machine (no {', '.join(programs)}): not measured")
    if absent:
        lines.append("")
    lines += ["Mean over the pages (a metric over the pages where it applies; failed pages apart):", "",
              "| form | pages | failed | " + " | ".join((*METRICS, PLAIN)) + " |",
              "|---|---|---|" + "---|" * (len(METRICS) + 1)]
    for form in (AS_IS, *writers):
        found = [r for r in results if r.form == form]
        failed = sum(1 for r in found if r.error)
        lines.append(f"| {form} | {len(found) - failed} | {failed} | "
                     + " | ".join(_mean(found, m) for m in (*METRICS, PLAIN)) + " |")
    as_is = {r.page: r for r in results if r.form == AS_IS and not r.error}
    for writer in writers:
        pairs = [(drop(as_is[r.page], r), r) for r in results if r.form == writer and r.page in as_is]
        pairs = sorted((p for p in pairs if p[0] > 5e-4), key=lambda p: -p[0])[:worst]
        lines += ["", f"Pages that drop most under `{writer}` (mean loss over the metrics):", ""]
        lines += [f"- {r.page}: {loss:.3f} ({_changes(as_is[r.page], r)})" for loss, r in pairs]
        if not pairs:
            lines.append("- none")
    return "\n".join(lines)


def pages_of(sets: Sequence[Path]) -> list[Path]:
    """Every NAME.pdf with a NAME.gt.json beside it in the sets, in order."""
    return [p for d in sets for p in sorted(d.glob("*.pdf")) if p.with_name(p.stem + ".gt.json").exists()]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--set", type=Path, action="append", help="folder of NAME.pdf + NAME.gt.json "
                   "(repeatable; default: fixtures/pages and fixtures/producers/pages)")
    p.add_argument("--writer", choices=sorted(WRITERS), action="append", help="only these writers")
    p.add_argument("--worst", type=int, default=5, help="pages listed per writer (default 5)")
    p.add_argument("-j", type=int, default=1, choices=range(1, 65), metavar="N",
                   help="pages converted at once (1-64, default 1)")
    args = p.parse_args(argv)
    asked = args.writer or list(WRITERS)
    absent = {w: found for w in asked if (found := missing(w))}
    writers = [w for w in asked if w not in absent]
    pdfs = pages_of(args.set or DEFAULT_SETS)
    with ProcessPoolExecutor(args.j) as pool:
        results = [r for found in pool.map(page_results, pdfs, [writers] * len(pdfs)) for r in found]
    print(report(results, writers, absent, args.worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
