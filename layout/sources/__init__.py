"""Readers: each turns one kind of input into ``PageContent`` values, one per page.

``open_source`` picks the reader from the file's content, not its name: PDF by its header, the
XML formats (ALTO, PAGE-XML, METS, hOCR) by their root element and namespace. A PDF saved as
``.bin`` still opens and a text file called ``.pdf`` gets a clear error.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..errors import FormatError, InputError
from ..model import Figure, PageContent
from ..options import ReadOptions
# First bytes of the image files read by OCR (image.py): PNG, JPEG, TIFF, BigTIFF, JPEG 2000.
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*",
                    b"II+\x00", b"MM\x00+", b"\x00\x00\x00\x0cjP  \r\n\x87\n")


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


@runtime_checkable
class Renders(Protocol):
    """What a source that can show its pages offers besides; the overlay view draws on it.

    Optional: a source without ``render`` is shown as a blank canvas of the page's size.
    """

    def render(self, number: int, dpi: float) -> bytes | None:
        """Page ``number`` (1-based) as a PNG at ``dpi``; a source of scans may keep its own
        resolution. None when the page image cannot be found."""


def open_source(path: str | Path, options: ReadOptions | None = None) -> Source:
    """Open ``path`` with the reader its content calls for, under the OCR policy of ``options``
    (see ``sources.textlayer.with_ocr``)."""
    return _reader(Path(path), options or ReadOptions())


def _reader(path: Path, options: ReadOptions) -> Source:
    """The reader of ``path``, chosen by its content: PDF, XML or image.

    The OCR policy applies to page images and to PyMuPDF's PDFs; XML files are OCR output
    already and pdfplumber reads text layers as they are, so for them the policy module (and
    PyMuPDF, which it renders pages with) is not even imported.
    """
    head = read_head(path)
    if not head:
        raise InputError(f"{path}: empty file")
    if b"%PDF-" in head:
        if options.engine == "pdfplumber":
            from .plumber import PlumberSource
            return PlumberSource(path)
        from .pdf import PdfSource
        return _with_ocr(PdfSource(path, options.limits), options)
    if looks_like_xml(head):
        return _open_xml(path, options)
    if head.startswith(IMAGE_SIGNATURES):
        from .image import ImageSource
        return _with_ocr(ImageSource(path), options)
    raise InputError(f"{path}: neither PDF, XML nor an image (unrecognised file content)")


def _with_ocr(source: Source, options: ReadOptions) -> Source:
    from .textlayer import with_ocr

    return with_ocr(source, options.ocr, options.lang)


def looks_like_xml(head: bytes) -> bool:
    """Whether a file starting with ``head`` is XML (or HTML): its first character, after any
    byte order mark and white space, is ``<``, in UTF-8 or in UTF-16 of either byte order
    (told by its mark, or by the zero byte of an ASCII first character)."""
    for bom, codec, zero_at in ((b"\xff\xfe", "utf-16-le", 1), (b"\xfe\xff", "utf-16-be", 0)):
        body = head.removeprefix(bom)
        if head.startswith(bom) or body[zero_at:zero_at + 1] == b"\0":
            text = body[:len(body) // 2 * 2].decode(codec, "replace")
            return text.lstrip().startswith("<")
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<")


def read_head(path: Path, size: int = 1024) -> bytes:
    """The first ``size`` bytes of ``path``, which must be a regular file: a FIFO, a device or
    a socket named ``.pdf`` would block or never end, so it is refused before it is opened
    (``O_NONBLOCK`` keeps a FIFO made in between from blocking the open; ``fstat`` then tells
    what was opened). ``InputError`` naming the file otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError as e:
        raise InputError(f"{path}: no such file") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from e
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(f"{path}: is a directory, not a file" if stat.S_ISDIR(mode) else
                         f"{path}: not a regular file (a pipe, device or socket): refused")
    with os.fdopen(fd, "rb") as f:
        try:
            return f.read(size)
        except OSError as e:
            raise InputError(f"{path}: cannot read: {e.strerror}") from e


def is_issue(path: str | Path) -> bool:
    """Whether ``path`` is a METS or DIDL file: an issue whose pages are files of their own,
    which the command line writes one output per page for. False for anything unreadable."""
    from .didl import DIDL_NAMESPACE
    from .xml import METS_NAMESPACE, root_of

    try:
        if not looks_like_xml(read_head(Path(path))):
            return False
        return root_of(Path(path)) in ((METS_NAMESPACE, "mets"), (DIDL_NAMESPACE, "DIDL"))
    except (OSError, FormatError):
        return False


def _open_xml(path: Path, options: ReadOptions) -> Source:
    """The reader for an XML (or HTML) file, chosen by its root element and namespace.

    ALTO (v1 of CCS docWorks, v2, v3, v4), PAGE-XML (2013, 2019), METS and KB DIDL (issues of
    ALTO pages) and hOCR (HTML whose pages are ``ocr_page`` elements). Any other root is a
    ``FormatError`` naming the element and namespace found. An issue (METS, DIDL) reads
    only files inside its own folder or ``options.roots``.
    """
    from .xml import root_of

    ns, name = root_of(path)
    if name == "alto":
        from .alto import AltoSource
        return AltoSource(path)
    if name == "PcGts":
        from .pagexml import PageXmlSource
        return PageXmlSource(path)
    if name == "mets":
        from .mets import MetsSource
        return MetsSource(path, options.roots)
    if name == "DIDL":
        from .didl import DidlSource
        return DidlSource(path, options.roots)
    if name.lower() == "html":
        from .hocr import HocrSource
        return HocrSource(path)
    raise FormatError(f"{path}: XML root <{name}> in namespace {ns or '(none)'!r} is none of "
                      "ALTO, PAGE-XML, METS, DIDL or hOCR")
