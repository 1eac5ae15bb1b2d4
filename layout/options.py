"""How an input is read (``ReadOptions``), and which of its pages (``select_pages``).

One frozen value travels from the command line or the library call to the sources, the page
pool, the batch workers and the view, instead of loose ``engine, ocr, lang`` arguments.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from .errors import InputError, UsageError
from .params import Limits

ENGINES = ("pymupdf", "pdfplumber")
OCR_MODES = ("auto", "always", "never")
PageSpec = str | Sequence[int] | None


@dataclass(frozen=True)
class ReadOptions:
    """How to read an input.

    ``engine``: the PDF reader (pymupdf, the default, or pdfplumber). ``ocr``: when to OCR —
    auto (page images, and PDF pages whose text layer is missing or garbled), always, never.
    ``lang``: Tesseract languages joined by ``+`` (default English). ``pages``: a spec like
    ``"2-5,7"`` or 1-based numbers; None for all. ``roots``: folders besides an issue's own
    (a METS or DIDL file's folder) whose files the issue may name; none by default, so an
    issue from elsewhere cannot make us read other files on the disk. ``limits``: what one
    page may cost (``params.Limits``).
    """

    engine: str = "pymupdf"
    ocr: str = "auto"
    lang: str | None = None
    pages: PageSpec = None
    roots: tuple[Path, ...] = field(default=())
    limits: Limits = Limits()

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise UsageError(f"unknown engine {self.engine!r}; choose one of {', '.join(ENGINES)}")
        if self.ocr not in OCR_MODES:
            raise UsageError(f"unknown OCR mode {self.ocr!r}; choose one of {', '.join(OCR_MODES)}")
        if isinstance(self.pages, str):
            page_ranges(self.pages)  # a malformed spec is refused before anything is read
        elif self.pages is not None:  # numbers: checked against the file, whose name they get
            object.__setattr__(self, "pages", tuple(self.pages))
        object.__setattr__(self, "roots", tuple(Path(r) for r in self.roots))


@dataclass(frozen=True)
class PageSelection:
    """The pages of one file to read, in order: ranges clipped to the file, never expanded."""

    ranges: tuple[range, ...]

    def __iter__(self) -> Iterator[int]:
        return chain.from_iterable(self.ranges)

    def __len__(self) -> int:
        return sum(len(r) for r in self.ranges)


def page_ranges(spec: PageSpec) -> list[tuple[int, int]]:
    """The (first, last) pairs of a page spec, 1-based and inclusive; ``[]`` for all pages.

    A spec is a string like ``"2-5,7"`` or a sequence of page numbers. Numbers below 1 or a
    range running backwards are a ``UsageError``, whatever file they are meant for.
    """
    if spec is None:
        return []
    if not isinstance(spec, str):
        pairs = []
        for n in spec:
            if isinstance(n, bool) or not isinstance(n, int) or n < 1:
                raise UsageError(f"page numbers start at 1: got {n!r}")
            pairs.append((n, n))
        return pairs
    pairs = []
    for part in spec.split(","):
        lo, dash, hi = part.strip().partition("-")
        try:
            first, last = int(lo), int(hi) if dash else int(lo)
        except ValueError:
            raise UsageError(f"--pages: bad page range {spec!r}: use numbers like 2-5,7") from None
        if first < 1 or last < first:
            raise UsageError(f"--pages: bad page range {part.strip()!r} in {spec!r}")
        pairs.append((first, last))
    return pairs


def select_pages(spec: PageSpec, count: int, name: str | Path) -> PageSelection:
    """The pages of a file of ``count`` pages that ``spec`` names; all of them for None.

    Ranges are clipped to the file (``"2-1000000000"`` is pages 2 to ``count``) without being
    expanded; a range, or a page number, that starts past the end of the file is an
    ``InputError`` naming the file: the spec is fine, this file is too short. A number below
    1 (``pages=[0]``, ``[-1]``) is a ``UsageError`` naming the file and the number.
    """
    try:
        pairs = page_ranges(spec)
    except UsageError as e:
        raise UsageError(f"{name}: {e}") from None
    if not pairs:
        return PageSelection((range(1, count + 1),))
    for first, _ in pairs:
        if first > count:
            raise InputError(f"{name}: page {first} does not exist: the file has {count} "
                             f"page{'s' if count != 1 else ''}")
    return PageSelection(tuple(range(first, min(last, count) + 1) for first, last in pairs))

