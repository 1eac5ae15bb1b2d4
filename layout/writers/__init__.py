"""Writers: one module per output format.

The text formats (html, json, text, markdown) are functions ``Document → str``: one file per
input. The archive formats write several files per input, one per page (ALTO, PAGE-XML) and
for METS the METS file beside its ALTO files, so they are functions
``(Document, stem) → {file name: bytes}``, the names relative to the output folder and made
from ``stem`` (the input's name without extension); each file is checked against its official
schema before it is returned (``validate.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import UsageError
from ..model import Document

TEXT_FORMATS = ("html", "json", "text", "markdown")
ARCHIVE_FORMATS = ("alto", "mets", "page")
FORMATS = TEXT_FORMATS + ARCHIVE_FORMATS
EXTENSIONS = {"html": ".html", "json": ".json", "text": ".txt", "markdown": ".md"}


def writer_for(fmt: str) -> Callable[[Document], str]:
    """The writer function of a text format (html, json, text, markdown)."""
    writers = {"html": Document.to_html, "json": Document.to_json,
               "text": Document.to_text, "markdown": Document.to_markdown}
    if fmt in ARCHIVE_FORMATS:
        raise UsageError(f"format {fmt!r} writes several files (one per page), not one; "
                         f"choose one of {', '.join(TEXT_FORMATS)} here")
    if fmt not in writers:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt]


def files_writer_for(fmt: str) -> Callable[[Document, str], dict[str, bytes]]:
    """The writer function of an archive format (alto, mets, page)."""
    if fmt == "alto":
        from .alto import write_alto
        return write_alto
    if fmt == "mets":
        from .mets import write_mets
        return write_mets
    if fmt == "page":
        from .pagexml import write_page
        return write_page
    raise UsageError(f"unknown archive format {fmt!r}; choose one of {', '.join(ARCHIVE_FORMATS)}")
