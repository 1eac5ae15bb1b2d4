"""The ``newslayout`` command: a thin layer over the library.

It parses arguments, calls the library and maps its errors to exit codes in one place:
0 success, 1 a file (or a page of it) could not be read, 2 a usage error. Errors are one line
on stderr naming the file and page; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import FormatError, InputError, LayoutError, UsageError
from .pipeline import parse_pages, reconstruct
from .writers import EXTENSIONS, FORMATS, writer_for

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslayout", description="Newspaper pages → stories in reading order.")
    p.add_argument("--version", action="version", version=f"newslayout {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert", help="convert pages to HTML, JSON, text or Markdown")
    c.add_argument("inputs", nargs="+", type=Path, help="input files (PDF)")
    c.add_argument("-o", "--output", default=None,
                   help="output file, '-' for stdout, or a folder (several inputs); default: INPUT.html beside the input")
    c.add_argument("-f", "--format", choices=FORMATS, default=None,
                   help="output format (default: from the output's extension, else html)")
    c.add_argument("--pages", help="pages to convert, e.g. 2-5,7 (default: all)")
    c.add_argument("--engine", choices=("pymupdf", "pdfplumber"), default="pymupdf", help="PDF reader")
    c.add_argument("--images", type=Path, help="extract figures into this folder and link them")
    e = sub.add_parser("evaluate", help="score an HTML output against ground truth")
    e.add_argument("output", type=Path, help="our HTML output")
    e.add_argument("truth", type=Path, help="ground truth JSON (docs/contract.md)")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "convert":
            return _convert(args)
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
    """Where one input's result goes; None for stdout."""
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
    write = writer_for(fmt)
    if len(args.inputs) > 1 and args.output not in (None, "-"):
        try:
            Path(args.output).mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UsageError(f"{args.output}: cannot be the output folder for several inputs: "
                             f"{e.strerror}") from e
    if args.output == "-" and len(args.inputs) > 1:
        raise UsageError("several inputs need an output folder (-o FOLDER), not stdout")
    parse_pages(args.pages)  # a malformed range stops everything before any work
    status = EXIT_OK
    for src in args.inputs:
        target = _target(args, src, fmt)
        try:
            doc = reconstruct(src, args.pages, engine=args.engine, images=args.images,
                              links_from=target.parent if target else Path.cwd())
        except LayoutError as e:
            _error(str(e))
            status = EXIT_FAILED
            continue
        for failure in doc.failures:
            _error(failure.error)
            status = EXIT_FAILED
        text = write(doc)
        if target is None:
            sys.stdout.write(text)
        else:
            try:
                target.write_text(text, encoding="utf-8")
            except OSError as e:
                _error(f"{target}: cannot write: {e.strerror}")
                status = EXIT_FAILED
                continue
            print(f"{src} → {target}", file=sys.stderr)
    return status


def _evaluate(args: argparse.Namespace) -> int:
    import json

    from .evaluate import format_scores, load_truth, score_html

    try:
        html = args.output.read_bytes()
    except OSError as e:
        raise InputError(f"{args.output}: cannot read: {e.strerror}") from e
    truth = load_truth(args.truth)
    try:
        scores = score_html(html, truth)
    except FormatError as e:
        raise FormatError(f"{args.output}: {e}") from e
    print(json.dumps(scores.as_dict()) if args.json else format_scores(scores))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
