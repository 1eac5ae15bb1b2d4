"""The ``newslayout`` command: a thin layer over the library.

It parses arguments, calls the library and maps its errors to exit codes in one place:
0 success, 1 a file (or a page of it) could not be read, 2 a usage error. Errors are one line
on stderr naming the file and page; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from . import __version__
from .errors import FormatError, InputError, LayoutError, UsageError
from .model import Document
from .pipeline import parse_pages, reconstruct
from .sources import is_issue
from .sources.tesseract import tessdata
from .writers import ARCHIVE_FORMATS, EXTENSIONS, FORMATS, files_writer_for, writer_for

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslayout", description="Newspaper pages → stories in reading order.")
    p.add_argument("--version", action="version", version=f"newslayout {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert", help="convert pages to HTML, JSON, text, Markdown, ALTO, METS/ALTO or PAGE-XML")
    c.add_argument("inputs", nargs="+", type=Path, help="input files (PDF, ALTO/hOCR/PAGE XML, or page images: PNG, JPEG, TIFF)")
    c.add_argument("-o", "--output", default=None,
                   help="output file, '-' for stdout, or a folder (several inputs); default: INPUT.html beside the input")
    c.add_argument("-f", "--format", choices=FORMATS, default=None,
                   help="output format (default: from the output's extension, else html)")
    c.add_argument("--pages", help="pages to convert, e.g. 2-5,7 (default: all)")
    c.add_argument("--engine", choices=("pymupdf", "pdfplumber"), default="pymupdf", help="PDF reader")
    c.add_argument("--images", type=Path, help="extract figures into this folder and link them")
    c.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                   help="OCR scans: auto (images, and PDF pages whose text layer is missing or garbled), always, never")
    c.add_argument("--lang", help="OCR languages, Tesseract codes joined by + (default: eng), e.g. chi_sim+eng")
    c.add_argument("--workers", type=_positive, default=1, help="processes for the pages of one input (default: 1)")
    c.add_argument("--overlay", type=Path, metavar="PNG",
                   help="also draw the stories over the page as PNG (STEM-pN.png for several pages; a folder for several inputs)")
    v = sub.add_parser("view", help="an HTML page (or PNG) showing the stories found over the page itself")
    v.add_argument("input", type=Path, help="input file (as for convert)")
    v.add_argument("-o", "--output", type=Path, help="HTML file (default: INPUT.view.html beside the input, unless --png alone)")
    v.add_argument("--png", type=Path, help="write the picture as PNG (STEM-pN.png for several pages)")
    v.add_argument("--truth", type=Path, help="ground truth JSON: also mark blocks in the wrong story and order breaks")
    v.add_argument("--images-beside", action="store_true", help="page images in OUTPUT_files/ instead of inside the HTML")
    v.add_argument("--pages", help="pages to show, e.g. 2-5,7 (default: all)")
    v.add_argument("--engine", choices=("pymupdf", "pdfplumber"), default="pymupdf", help="PDF reader")
    v.add_argument("--ocr", choices=("auto", "always", "never"), default="auto", help="OCR scans (as for convert)")
    v.add_argument("--lang", help="OCR languages, e.g. chi_sim+eng")
    e = sub.add_parser("evaluate", help="score an HTML output against ground truth")
    e.add_argument("output", type=Path, help="our HTML output")
    e.add_argument("truth", type=Path, help="ground truth JSON (docs/contract.md) or a METS issue")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.add_argument("--page", type=_positive, help="the page to score (truth or output of several pages)")
    b = sub.add_parser("batch", help="convert a folder tree into a mirrored tree of outputs, resumably")
    b.add_argument("input_dir", type=Path, help="folder of inputs (every PDF below it, or --glob)")
    b.add_argument("output_dir", type=Path, help="folder for the outputs and newslayout-report.jsonl")
    b.add_argument("-f", "--format", default="html", help=f"formats, comma-separated: {','.join(FORMATS)} (default: html)")
    b.add_argument("--workers", type=_positive, default=None, help="files converted at once (default: CPU count)")
    b.add_argument("--glob", action="append", help="inputs to take, relative to INPUT_DIR, e.g. '**/*-METS.xml' (repeatable)")
    b.add_argument("--force", action="store_true", help="convert again what an earlier run did")
    b.add_argument("--timeout", type=float, help="seconds allowed per file; a file over it fails")
    b.add_argument("--dask", metavar="ADDRESS|local", help="run on this Dask scheduler, or on a local Dask cluster")
    b.add_argument("--engine", choices=("pymupdf", "pdfplumber"), default="pymupdf", help="PDF reader")
    b.add_argument("--ocr", choices=("auto", "always", "never"), default="auto", help="OCR scans (as for convert)")
    b.add_argument("--lang", help="OCR languages, e.g. chi_sim+eng")
    b.add_argument("--progress", action="store_true", default=None, help="show the progress bar even when stderr is not a terminal")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "convert":
            return _convert(args)
        if args.command == "batch":
            return _batch(args)
        if args.command == "view":
            return _view(args)
        return _evaluate(args)
    except UsageError as e:
        _error(str(e))
        return EXIT_USAGE
    except LayoutError as e:
        _error(str(e))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _error("interrupted")
        return 130


def _error(message: str) -> None:
    print(f"newslayout: error: {message}", file=sys.stderr)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {text!r}")
    return int(text)


@contextmanager
def _progress_bar(src: Path):
    """A page progress callback for reconstruct: a tqdm bar on stderr when it is a terminal."""
    from tqdm import tqdm

    with tqdm(desc=src.name, unit="page", disable=None, leave=False) as bar:
        def update(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)
        yield update


def _format_for(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.output and args.output != "-":
        suffix = Path(args.output).suffix.lower()
        for fmt, ext in EXTENSIONS.items():
            if suffix == ext:
                return fmt
    return "html"


def _target(args: argparse.Namespace, src: Path, fmt: str) -> Path | None:
    """Where one input's result goes; None for stdout. The archive formats write several
    files into a folder (-o, else the input's folder): their target is FOLDER/STEM."""
    if fmt in ARCHIVE_FORMATS:
        return (src.parent if args.output is None else Path(args.output)) / src.stem
    if args.output == "-":
        return None
    if args.output is None:
        return src.with_suffix(EXTENSIONS[fmt])
    out = Path(args.output)
    if len(args.inputs) > 1 or out.is_dir():
        return out / (src.stem + EXTENSIONS[fmt])
    return out


def _convert(args: argparse.Namespace) -> int:
    fmt = _format_for(args)
    write = files_writer_for(fmt) if fmt in ARCHIVE_FORMATS else writer_for(fmt)
    if fmt in ARCHIVE_FORMATS and args.output == "-":
        raise UsageError(f"format {fmt} writes one file per page: give a folder with -o, not stdout")
    if len(args.inputs) > 1 and args.output not in (None, "-"):
        try:
            Path(args.output).mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UsageError(f"{args.output}: cannot be the output folder for several inputs: "
                             f"{e.strerror}") from e
    if args.output == "-" and len(args.inputs) > 1:
        raise UsageError("several inputs need an output folder (-o FOLDER), not stdout")
    if args.overlay and len(args.inputs) > 1:
        try:
            args.overlay.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UsageError(f"{args.overlay}: cannot be the overlay folder for several inputs: "
                             f"{e.strerror}") from e
    parse_pages(args.pages)  # a malformed range stops everything before any work
    if args.lang and args.ocr != "never":
        tessdata(args.lang)  # so does an OCR language that is not installed
    status = EXIT_OK
    for src in args.inputs:
        target = _target(args, src, fmt)
        try:
            with _progress_bar(src) as progress:
                doc = reconstruct(src, args.pages, engine=args.engine, images=args.images,
                                  links_from=target.parent if target else Path.cwd(),
                                  ocr=args.ocr, lang=args.lang, workers=args.workers, progress=progress)
        except LayoutError as e:
            _error(str(e))
            status = EXIT_FAILED
            continue
        for failure in doc.failures:
            _error(failure.error)
            status = EXIT_FAILED
        if args.overlay:
            try:
                _overlays(src, doc, args.overlay / f"{src.stem}.png" if len(args.inputs) > 1 else args.overlay,
                          args.engine)
            except LayoutError as e:
                _error(str(e))
                status = EXIT_FAILED
        try:  # a writer's error (an output failing its schema, say) fails this input only
            status = max(status, _emit(args, src, doc, fmt, write, target))
        except LayoutError as e:
            _error(str(e))
            status = EXIT_FAILED
    return status


def _emit(args: argparse.Namespace, src: Path, doc: Document, fmt: str, write,
          target: Path | None) -> int:
    """Write one input's outputs; the exit status they give."""
    if fmt in ARCHIVE_FORMATS:
        return _write_files(src, write(doc, src.stem), target.parent)
    if _one_file_per_page(args, src):
        return _write_files(src, _per_page(doc, src.stem, write, fmt), Path(args.output))
    text = write(doc)
    if target is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as e:
        _error(f"{target}: cannot write: {e.strerror}")
        return EXIT_FAILED
    print(f"{src} → {target}", file=sys.stderr)
    return EXIT_OK


def _one_file_per_page(args: argparse.Namespace, src: Path) -> bool:
    """A METS issue written to a folder (-o an existing folder, or ending in /) gives one
    output per page."""
    out = args.output
    return (out not in (None, "-") and (Path(out).is_dir() or str(out).endswith(("/", os.sep)))
            and is_issue(src))


def _per_page(doc: Document, stem: str, write, fmt: str) -> dict[str, bytes]:
    """Each page of ``doc`` as a document of its own: ``STEM-p0001.EXT``, …"""
    return {f"{stem}-p{page.number:04d}{EXTENSIONS[fmt]}":
            write(replace(doc, pages=(page,))).encode("utf-8") for page in doc.pages}


def _write_files(src: Path, files: dict[str, bytes], folder: Path) -> int:
    """Write ``files`` (name → bytes) into ``folder``, made if missing; the exit status."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
            print(f"{src} → {folder / name}", file=sys.stderr)
    except OSError as e:
        _error(f"{e.filename or folder}: cannot write: {e.strerror}")
        return EXIT_FAILED
    return EXIT_OK


def _view(args: argparse.Namespace) -> int:
    from .evaluate import load_truth
    from .writers.view import page_images, write_view

    truth = load_truth(args.truth) if args.truth else ()
    doc = reconstruct(args.input, args.pages, engine=args.engine, ocr=args.ocr, lang=args.lang)
    for failure in doc.failures:
        _error(failure.error)
    images = page_images(args.input, doc, args.engine)
    if args.png:
        _overlays(args.input, doc, args.png, args.engine, images, truth)
    if args.output or not args.png:
        target = args.output or args.input.with_suffix(".view.html")
        files = target.with_name(f"{target.stem}_files") if args.images_beside else None
        text = write_view(doc, images, truth, files)
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as e:
            raise InputError(f"{target}: cannot write: {e.strerror}") from e
        print(f"{args.input} → {target}", file=sys.stderr)
    return EXIT_FAILED if doc.failures else EXIT_OK


def _overlays(src: Path, doc, target: Path, engine: str, images=None, truth=()) -> None:
    """Write the overlay PNGs of ``doc`` (see ``write_overlays``), rendering the pages unless
    ``images`` are given."""
    from .writers.view import PNG_WIDTH, page_images, write_overlays

    images = page_images(src, doc, engine, PNG_WIDTH) if images is None else images
    for path in write_overlays(doc, images, target, truth):
        print(f"{src} → {path}", file=sys.stderr)


def _batch(args: argparse.Namespace) -> int:
    from .batch import REPORT_NAME, run_batch

    counts = run_batch(args.input_dir, args.output_dir, [f.strip() for f in args.format.split(",")],
                       workers=args.workers, globs=args.glob, force=args.force, timeout=args.timeout,
                       dask=args.dask, engine=args.engine, ocr=args.ocr, lang=args.lang,
                       progress=args.progress)
    summary = ", ".join(f"{counts[s]} {s}" for s in ("ok", "partial", "failed", "skipped"))
    print(f"newslayout: {summary}; report: {args.output_dir / REPORT_NAME}", file=sys.stderr)
    return EXIT_FAILED if counts["failed"] or counts["partial"] else EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    import json

    from .evaluate import format_scores, load_truth, score_html

    try:
        html = args.output.read_bytes()
    except OSError as e:
        raise InputError(f"{args.output}: cannot read: {e.strerror}") from e
    truth = load_truth(args.truth)
    try:
        scores = score_html(html, truth, page=args.page)
    except FormatError as e:
        raise FormatError(f"{args.output}: {e}") from e
    print(json.dumps(scores.as_dict()) if args.json else format_scores(scores))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
