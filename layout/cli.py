"""The ``newslayout`` command: a thin layer over the library.

It parses arguments, calls the library and maps its errors to exit codes in one place:
0 success, 1 a file (or a page of it) could not be read, 2 a usage error. Errors are one line
on stderr naming the file and page; never a traceback. Every output goes through the one
atomic writer (``batch.atomic``), page by page, and never over an input.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from pathlib import Path

from . import __version__
from .batch.atomic import atomic_file
from .batch.progress import page_bar
from .batch.outputs import Outputs, Target, Unwritable, format_for, refuse_inputs, targets_of
from .errors import FormatError, InputError, LayoutError, UsageError
from .model import Document, Layout, PageFailure
from .options import ENGINES, OCR_MODES, ReadOptions
from .pagepool import limit_memory
from .params import MEMORY_MB, PAGE_SECONDS, Limits
from .pipeline import PageReader
from .sources import is_issue
from .writers import FORMATS, Format

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslayout", description="Newspaper pages → stories in reading order.")
    p.add_argument("--version", action="version", version=f"newslayout {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert", help="convert pages to HTML, JSON, text, Markdown, ALTO, METS/ALTO or PAGE-XML")
    c.add_argument("inputs", nargs="+", type=Path, help="input files (PDF, ALTO/hOCR/PAGE XML, METS, or page images: PNG, JPEG, TIFF)")
    c.add_argument("-o", "--output", default=None,
                   help="output file, '-' for stdout, or a folder (an existing one, or ending in /; "
                        "always for several inputs); default: INPUT.html beside the input")
    c.add_argument("-f", "--format", choices=list(FORMATS), default=None,
                   help="output format (default: from the output's extension, else html)")
    _reading_arguments(c)
    c.add_argument("--images", type=Path, help="extract figures into this folder and link them")
    c.add_argument("--workers", type=_positive, default=1, help="processes for the pages of one input (default: 1)")
    c.add_argument("--overlay", type=Path, metavar="PNG",
                   help="also draw the stories over the page as PNG (STEM-pN.png for several pages; a folder for several inputs)")
    v = sub.add_parser("view", help="an HTML page (or PNG) showing the stories found over the page itself")
    v.add_argument("input", type=Path, help="input file (as for convert)")
    v.add_argument("-o", "--output", type=Path, help="HTML file (default: INPUT.view.html beside the input, unless --png alone)")
    v.add_argument("--png", type=Path, help="write the picture as PNG (STEM-pN.png for several pages)")
    v.add_argument("--truth", type=Path, help="ground truth JSON: also mark blocks in the wrong story and order breaks")
    v.add_argument("--images-beside", action="store_true", help="page images in OUTPUT_files/ instead of inside the HTML")
    _reading_arguments(v)
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
    b.add_argument("--timeout", type=_seconds, help="seconds allowed per file; a file over it fails")
    b.add_argument("--dask", metavar="ADDRESS|local", help="run on this Dask scheduler, or on a local Dask cluster")
    _reading_arguments(b)
    b.add_argument("--progress", action="store_true", default=None, help="show the progress bar even when stderr is not a terminal")
    return p


def _reading_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``ReadOptions``, the same for every command that reads inputs."""
    p.add_argument("--pages", help="pages to read, e.g. 2-5,7 (default: all)")
    p.add_argument("--engine", choices=ENGINES, default="pymupdf", help="PDF reader")
    p.add_argument("--ocr", choices=OCR_MODES, default="auto",
                   help="OCR scans: auto (images, and PDF pages whose text layer is missing or garbled), always, never")
    p.add_argument("--lang", help="OCR languages, Tesseract codes joined by + (default: eng), e.g. chi_sim+eng")
    p.add_argument("--allow-root", action="append", type=Path, default=[], metavar="DIR",
                   help="a folder besides an issue's own whose files its METS/DIDL may name (repeatable)")
    p.add_argument("--page-timeout", type=_seconds, default=PAGE_SECONDS, metavar="SECONDS",
                   help=f"time allowed to read one page; a page over it fails (default: {PAGE_SECONDS:g})")


def _options(args: argparse.Namespace) -> ReadOptions:
    """The read options the arguments give; a bad page range or OCR language stops at once."""
    limits = Limits(page_seconds=args.page_timeout, memory_mb=MEMORY_MB)
    options = ReadOptions(engine=args.engine, ocr=args.ocr, lang=args.lang, pages=args.pages,
                          roots=tuple(args.allow_root), limits=limits)
    limit_memory(limits)
    if args.lang and args.ocr != "never":
        from .sources.tesseract import tessdata
        tessdata(args.lang)
    return options


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    warnings.showwarning = _warning
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


def _warning(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
    """A warning of the library (a file read with recovery, a limit reached) as one line on
    stderr, like an error: no source line of ours under it."""
    print(f"newslayout: warning: {_printable(str(message))}", file=sys.stderr)


def _printable(message: str) -> str:
    """The message on one line: line breaks and other control characters escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)


def _error(message: str) -> None:
    """One line on stderr: line breaks and other control characters (from a file name, say)
    are shown escaped, never broken."""
    print(f"newslayout: error: {_printable(message)}", file=sys.stderr)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {text!r}")
    return int(text)


# The longest time limit taken [s], a week: the waits under it take no larger timeout.
_MOST_SECONDS = 7 * 24 * 3600.0


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (0 < value <= _MOST_SECONDS):
        raise argparse.ArgumentTypeError(
            f"must be a positive number of seconds up to {_MOST_SECONDS:g}, got {text!r}")
    return value


# --- convert -----------------------------------------------------------------------------------

def _convert(args: argparse.Namespace) -> int:
    fmt = format_for(args.format, args.output)
    options = _options(args)
    inputs = list(dict.fromkeys(args.inputs))  # a file named twice is converted once
    targets = targets_of(args.output, inputs, fmt)
    for target in targets:
        if target.path is not None and not target.folder:
            refuse_inputs(target.path, inputs)
        elif target.split:  # a folder named with -o: it must be one, before any work
            _make_folder(target.path, "output folder")
    if args.overlay and len(inputs) > 1:
        _make_folder(args.overlay, "overlay folder for several inputs")
    status = EXIT_OK
    for src, target in zip(inputs, targets):
        status = max(status, _convert_one(args, src, target, fmt, options, inputs))
    return status


def _make_folder(folder: Path, what: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"{folder}: cannot be the {what}: {e.strerror}") from e


def _convert_one(args: argparse.Namespace, src: Path, target: Target, fmt: Format,
                 options: ReadOptions, inputs: list[Path]) -> int:
    """Convert one input to its target; the exit status it gives."""
    failed = False

    def reported(pages):
        nonlocal failed
        for page in pages:
            if isinstance(page, PageFailure):
                _error(page.error)
                failed = True
            yield page

    kept: list[Layout | PageFailure] = []  # only for --overlay, which draws the pages after
    try:
        with page_bar(src.name) as progress, PageReader(
                src, options, images=args.images, workers=args.workers, progress=progress,
                links_from=target.path if target.folder else
                (target.path.parent if target.path else Path.cwd())) as reader:
            pages = reported(reader)
            if args.overlay:
                pages = (kept.append(p) or p for p in pages)
            _write(reader, pages, target, fmt, inputs)
    except UsageError:  # asked of a file what it cannot do (--ocr never on an image): exit 2
        raise
    except (LayoutError, Unwritable) as e:
        _error(str(e))
        return EXIT_FAILED
    except MemoryError:  # opening it (a whole XML file is parsed at once) took it all
        _error(f"{src}: over the memory limit of {options.limits.memory_mb} MB")
        return EXIT_FAILED
    if args.overlay:
        try:
            _overlays(src, Document(src.name, tuple(kept)), options,
                      args.overlay / f"{src.stem}.png" if len(inputs) > 1 else args.overlay)
        except LayoutError as e:
            _error(str(e))
            return EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK


def _write(reader: PageReader, pages, target: Target, fmt: Format, inputs: list[Path]) -> None:
    """Write the pages of one input to its target, each page as it comes."""
    if target.path is None:
        _to_stdout(fmt.open(reader.name), pages)
    elif fmt.kind == "files":
        _write_files(reader, pages, target, fmt, inputs)
    elif target.split and is_issue(reader.path):
        # A METS issue written to a folder: one output per page, STEM-p0001.EXT, …
        out = Outputs(target.path, inputs)
        for page in pages:
            name = f"{target.name}-p{page.number:04d}{fmt.extension}"
            out.write(name, fmt.write(Document(reader.name, (page,))).encode("utf-8"))
            _wrote(reader.path, target.path / name)
    else:
        path = target.path / f"{target.name}{fmt.extension}" if target.folder else target.path
        if target.folder:
            _make_folder(target.path, "output folder")
        refuse_inputs(path, inputs)
        writer = fmt.open(reader.name)
        try:
            with atomic_file(path) as f:
                for page in pages:
                    f.write(writer.page(page))
                f.write(writer.end())
        except LayoutError:
            raise
        except OSError as e:
            raise Unwritable(f"{path}: cannot write: {e.strerror or e}") from e
        _wrote(reader.path, path)


def _write_files(reader: PageReader, pages, target: Target, fmt: Format,
                 inputs: list[Path]) -> None:
    """A files format: into a folder, or, for a one-page input, one page's file to a path."""
    writer = fmt.files(target.name, reader.name)
    if not target.folder:
        if len(reader.selection) != 1:
            raise UsageError(f"{target.path}: format {fmt.name} writes one file per page and "
                             f"{reader.name} has {len(reader.selection)} pages: give a folder "
                             "with -o (ending in /)")
        for page in pages:
            if isinstance(page, Layout):
                ((_, data),) = writer.page(page).items()
                Outputs(target.path.parent, inputs).write(target.path.name, data)
                _wrote(reader.path, target.path)
        return
    out = Outputs(target.path, inputs)
    for page in pages:
        if isinstance(page, Layout):
            _write_all(out, writer.page(page), reader.path)
    _write_all(out, writer.end(), reader.path)


def _write_all(out: Outputs, files: dict[str, bytes], src: Path) -> None:
    for name, data in files.items():
        out.write(name, data)
        _wrote(src, out.folder / name)


def _to_stdout(writer, pages) -> None:
    """A text format on stdout, a page at a time."""
    for page in pages:
        _out(writer.page(page))
    _out(writer.end())


def _out(data: bytes) -> None:
    """Write to stdout now; ``Unwritable`` for a closed pipe or a full disk behind a
    redirection, after which stdout is pointed at /dev/null so that Python's own flush at
    exit has nothing to fail on."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as e:
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        raise Unwritable(f"stdout: cannot write: {e.strerror or e}") from None


def _wrote(src: Path, path: Path) -> None:
    print(f"{src} → {path}", file=sys.stderr)


# --- view, batch, evaluate ---------------------------------------------------------------------

def _view(args: argparse.Namespace) -> int:
    from .evaluate import load_truth
    from .pipeline import read_document
    from .view import page_images, write_view

    truth = load_truth(args.truth) if args.truth else ()
    options = _options(args)
    doc = read_document(args.input, options)
    for failure in doc.failures:
        _error(failure.error)
    images = page_images(args.input, doc, options)
    if args.png:
        _overlays(args.input, doc, options, args.png, images, truth)
    if args.output or not args.png:
        target = args.output or args.input.with_suffix(".view.html")
        refuse_inputs(target, [args.input])
        files = target.with_name(f"{target.stem}_files") if args.images_beside else None
        Outputs(target.parent).write(target.name, write_view(doc, images, truth, files).encode("utf-8"))
        _wrote(args.input, target)
    return EXIT_FAILED if doc.failures else EXIT_OK


def _overlays(src: Path, doc: Document, options: ReadOptions, target: Path, images=None,
              truth=()) -> None:
    """Write the overlay PNGs of ``doc`` (see ``write_overlays``), rendering the pages unless
    ``images`` are given."""
    from .view import PNG_WIDTH, page_images, write_overlays

    images = page_images(src, doc, options, PNG_WIDTH) if images is None else images
    for path in write_overlays(doc, images, target, truth):
        _wrote(src, path)


def _batch(args: argparse.Namespace) -> int:
    from .batch import REPORT_NAME, run_batch

    counts = run_batch(args.input_dir, args.output_dir, [f.strip() for f in args.format.split(",")],
                       workers=args.workers, globs=args.glob, force=args.force, timeout=args.timeout,
                       dask=args.dask, options=_options(args), progress=args.progress)
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
    try:
        _out(f"{json.dumps(scores.as_dict()) if args.json else format_scores(scores)}\n".encode())
    except Unwritable as e:
        _error(str(e))
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
