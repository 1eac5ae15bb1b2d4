"""Readers: each turns one kind of input into ``PageContent`` values, one per page.

``open_source`` picks the reader from the file's first bytes, not its name, so a PDF saved as
``.bin`` still opens and a text file called ``.pdf`` gets a clear error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..errors import InputError, UsageError
from ..model import Figure, PageContent

ENGINES = ("pymupdf", "pdfplumber")


class Source(Protocol):
    """What the pipeline needs of an opened input."""

    name: str
    page_count: int

    def page(self, number: int) -> PageContent:
        """Read page ``number`` (1-based); raises ``PageError`` for an unreadable page."""

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        """Write the figure's pixels to ``stem`` plus an extension; None when it has none."""

    def close(self) -> None:
        """Release the file."""


def open_source(path: str | Path, engine: str = "pymupdf") -> Source:
    """Open ``path`` with the reader its content calls for."""
    path = Path(path)
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with path.open("rb") as f:
            head = f.read(1024)
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from e
    if not head:
        raise InputError(f"{path}: empty file")
    if b"%PDF-" in head:
        if engine == "pdfplumber":
            from .plumber import PlumberSource
            return PlumberSource(path)
        from .pdf import PdfSource
        return PdfSource(path)
    raise InputError(f"{path}: not a PDF (unrecognised file content)")
