"""PDF pages through PyMuPDF, the default engine: spans, images, rules and frames.

One parse of the page for its text (``get_text("dict")``, without image pixels) and its images
(``_read_page``), and one ``get_cdrawings()`` call: the least any layout tool must read.
The drawings are taken as MuPDF's C code lists them (plain tuples): ``get_drawings()`` would
make every point of every path a ``Point`` object, which ``pdfshapes`` reads the same (a
sixth of the floor on a page of many paths: the Federal Register's first page).
PyMuPDF's own block grouping is ignored (it merges columns); its spans become ``Word`` values
(``pdfwords``) and the analysis stages regroup them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..batch.atomic import write_atomic
from ..errors import InputError, PageError
from ..analysis.script import has_cjk
from ..model import Box, Figure, PageContent
from ..params import Limits
from .mupdf import corrected_quads, pymupdf
from .pdfshapes import kept_figures, shapes
from .pdfwords import raw_runs_on, run_on_spans, spans_to_words

_TEXT_FLAGS = (pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
               | pymupdf.TEXT_MEDIABOX_CLIP)
# What PyMuPDF raises on a damaged file or page: MuPDF's own errors are not RuntimeErrors.
# Public: the OCR layer renders with PyMuPDF too.
READ_ERRORS = (pymupdf.FileDataError, pymupdf.mupdf.FzErrorBase, RuntimeError, ValueError)
# [pages] MuPDF's store is emptied after this many pages of a file are read (see
# PdfSource.page and PdfSource.close)
_STORE_PAGES = 8
_TEXT_BLOCK = pymupdf.mupdf.FZ_STEXT_BLOCK_TEXT
# [lines] a page is taken for one set in CJK when one of this many first lines starts so
_SAMPLE_LINES = 3


def _read_page(page: pymupdf.Page) -> tuple[dict, bool, list[dict]]:
    """The page's text (``get_text("dict")``, or ``"rawdict"``: ``_spans``), whether its spans
    are cut by their characters, and its images' boxes (``get_image_info``), parsing the page
    once (twice when its only images are inline ones).

    A page whose resources name no image is parsed keeping images: when none turns up (no
    inline image either) its text is that parse's. A page with images is parsed once into a
    display list, which is played twice, cheaply: once keeping images, for their boxes, once
    without, for the text (a text page keeping them would copy out their pixels into the
    ``dict``). The ``rawdict`` comes from the same text page as the ``dict``.
    """
    textpage = None
    if not page.get_images(full=True):
        kept = page.get_textpage(flags=_TEXT_FLAGS | pymupdf.TEXT_PRESERVE_IMAGES)
        if not _holds_images(kept):
            textpage, images = kept, []
    if textpage is None:
        played = _display_list(page)
        # as ``get_image_info`` reads them; no xrefs: they cost an md5 of every image
        with_images = played.get_textpage(flags=pymupdf.TEXT_PRESERVE_IMAGES)
        images = pymupdf.TextPage(with_images).extractIMGINFO()
        textpage = pymupdf.TextPage(played.get_textpage(flags=_TEXT_FLAGS))
    with corrected_quads():  # (the boxes are made as the text page is read out)
        text_dict, characters = _spans(textpage)
    return text_dict, characters, images


def _spans(textpage: pymupdf.TextPage) -> tuple[dict, bool]:
    """The text page read out, and whether its spans are to be cut by their characters (a
    page whose CJK spans run on: ``run_on_spans``), which it then holds (a ``rawdict``).

    A page set in Chinese or Japanese (``_set_in_cjk``) is read out as a ``rawdict`` at once:
    most such pages have a span that runs on, and a ``dict`` read out first only to find one
    cost a sixth of the floor (a Chinese broadsheet). Its spans' texts are joined from their
    characters as ``raw_runs_on`` asks them, up to the first span that runs on: a page cut
    by its characters reads few of them (joining them all cost a tenth of the floor: the
    Chinese A3 fixture), one whose spans do not run on has them all after. A guess costs
    time only, never a word: a CJK page whose spans do not run on is read as from its
    ``dict`` (the same texts and boxes; its characters, made for nothing, cost it an eighth
    of the floor more: 86 of our 673 CJK pages, 587 save), and a page guessed otherwise as
    before (its ``dict``, then its ``rawdict`` when a span runs on).
    """
    if _set_in_cjk(textpage):
        raw = textpage.extractRAWDICT()
        return raw, raw_runs_on(raw)
    text_dict = textpage.extractDICT()
    if run_on_spans(text_dict):
        return textpage.extractRAWDICT(), True
    return text_dict, False


def _set_in_cjk(textpage: pymupdf.TextPage) -> bool:
    """Whether one of the first characters of the page's first ``_SAMPLE_LINES`` lines is
    Chinese or Japanese (or Korean), read off MuPDF's lists before the text is read out: a
    few calls into MuPDF (0.2 % of the floor), where reading out all the text to find one
    costs 6 %. It tells the 673 pages with CJK text of our sets and shared PDFs from the
    743 without, with no miss either way."""
    block, seen = textpage.this.m_internal.first_block, 0
    while block is not None and seen < _SAMPLE_LINES:
        if block.type == _TEXT_BLOCK:
            for line in pymupdf.mupdf.FzStextBlock(block):
                if has_cjk(_first_letter(line.m_internal.first_char)):
                    return True
                seen += 1
                if seen == _SAMPLE_LINES:
                    break
        block = block.next
    return False


def _first_letter(char) -> str:
    """The first character, from MuPDF's ``char`` on along its line, that is not a space
    ('' for none, or for a code that is no character: a broken ToUnicode map's)."""
    while char is not None:
        code = char.c
        if not 0 <= code <= sys.maxunicode:
            return ""
        if not chr(code).isspace():
            return chr(code)
        char = char.next
    return ""


def _holds_images(textpage: pymupdf.TextPage) -> bool:
    """Whether the text page holds a block not of text: one ``extractIMGINFO`` would list.
    Its blocks' types are read off MuPDF's list of them, not through ``extractIMGINFO``,
    whose iterator costs four calls into MuPDF a block (a quarter of the time) and which
    reads each image's details; a page of thousands of text blocks has none to find."""
    block = textpage.this.m_internal.first_block
    while block is not None:
        if block.type != _TEXT_BLOCK:
            return True
        block = block.next
    return False


def _display_list(page: pymupdf.Page) -> pymupdf.DisplayList:
    """The page parsed into a display list, unrotated as PyMuPDF reads a rotated page's text,
    images and drawings (in the frame its text is set in)."""
    rotation = page.rotation
    if rotation:
        page.set_rotation(0)
    try:
        return page.get_displaylist()
    finally:
        if rotation:
            page.set_rotation(rotation)


class PdfSource:
    """An open PDF file read with PyMuPDF."""

    def __init__(self, path: Path, limits: Limits = Limits()) -> None:
        self.name = path.name
        self.path = path
        self.limits = limits
        try:
            self._doc = pymupdf.open(path)
        except READ_ERRORS as e:
            raise InputError(f"{path}: damaged or not a PDF ({e})") from e
        if self._doc.needs_pass:
            self._doc.close()
            raise InputError(f"{path}: encrypted PDF (a password is needed)")
        self.page_count = self._doc.page_count
        self._pages_in_store = 0
        if self.page_count == 0:
            raise InputError(f"{path}: the PDF has no pages")

    def page(self, number: int) -> PageContent:
        """Read one page (1-based)."""
        pymupdf.TOOLS.mupdf_warnings(reset=True)
        try:
            page = self._doc[number - 1]
            text_dict, characters, images = _read_page(page)
            where = f"{self.path}: page {number}"
            self.limits.check("words", sum(len(line["spans"]) for block in text_dict["blocks"]
                                           for line in block.get("lines", ())), where)
            self.limits.check("images", len(images), where)
            drawings = page.get_cdrawings()
            self.limits.check("drawings", len(drawings), where)
        except PageError:
            raise
        except MemoryError:
            raise PageError(f"{self.path}: page {number}: over the memory limit") from None
        except SystemError as e:  # MuPDF's C code failed inside (out of memory under the limit)
            if isinstance(e.__cause__, MemoryError):
                raise PageError(f"{self.path}: page {number}: over the memory limit") from None
            raise PageError(f"{self.path}: page {number}: cannot be read ({e})") from e
        except READ_ERRORS as e:
            raise PageError(f"{self.path}: page {number}: cannot be read ({e})") from e
        finally:
            # MuPDF keeps every page's decoded fonts and images in its store, up to 256 MB
            # (0.3 MB a page of a broadsheet): emptied every few pages, a file of any length
            # costs the memory of those few, and the fonts its pages share are read once for
            # them (emptied after each page, they were read again for every page: a third
            # more time on the pages of the Federal Register).
            self._pages_in_store += 1
            if self._pages_in_store >= _STORE_PAGES:
                self._empty_store()
        # A rotated page is read in its own frame, the one its text is set in: PyMuPDF gives
        # text, drawings and images unrotated, so the page's size is taken unrotated too.
        rect = page.cropbox if page.rotation else page.rect
        if rect.width <= 0 or rect.height <= 0:
            raise PageError(f"{self.path}: page {number}: zero-size page")
        if not (text_dict["blocks"] or images or drawings):
            self._refuse_if_damaged(number)
        page_box = Box(0, 0, rect.width, rect.height)
        rules, frames, drawn = shapes(drawings, page_box)
        figures = kept_figures([(Box(*info["bbox"]), number) for info in images], page_box)
        return PageContent(number, rect.width, rect.height, "pt",
                           tuple(spans_to_words(text_dict, characters)), tuple(figures),
                           tuple(rules), tuple(frames), tuple(drawn))

    def _refuse_if_damaged(self, number: int) -> None:
        """A ``PageError`` for a page that came out empty from a damaged file (MuPDF warned
        while reading it, or repaired the file): its content was lost, it is not a blank page
        or a scan (which would go to OCR and come out empty, with exit 0)."""
        warnings = pymupdf.TOOLS.mupdf_warnings(reset=True).strip()
        if warnings or self._doc.is_repaired:
            reason = warnings.splitlines()[0] if warnings else "the file was repaired"
            raise PageError(f"{self.path}: page {number}: damaged: nothing could be read from "
                            f"it ({reason})")

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        """Write the figure's embedded image in its own format, else its region as PNG.

        ``figure.image`` is the page number; the embedded image is the one drawn where the
        figure is. Looking it up only here keeps reading pages free of image hashing.
        """
        if not isinstance(figure.image, int):
            return None
        page = self._doc[figure.image - 1]
        target = Box(*figure.box.as_list(3))
        for xref, *_ in page.get_images(full=True):
            for rect in page.get_image_rects(xref):
                if abs(rect.x0 - target.x0) < 1 and abs(rect.y0 - target.y0) < 1:
                    extracted = self._doc.extract_image(xref)
                    if extracted and extracted.get("image"):
                        path = stem.with_suffix("." + extracted["ext"])
                        write_atomic(path, extracted["image"])
                        return path
        path = stem.with_suffix(".png")
        try:
            pixmap = page.get_pixmap(clip=pymupdf.Rect(*figure.box.as_list(3)), dpi=150)
        except READ_ERRORS as e:
            raise PageError(f"{self.path}: page {figure.image}: figure cannot be rendered "
                            f"({e})") from e
        write_atomic(path, pixmap.tobytes("png"))
        return path

    def render(self, number: int, dpi: float) -> bytes:
        """Page ``number`` (1-based) as a PNG at ``dpi``, for the overlay view."""
        try:
            return self._doc[number - 1].get_pixmap(dpi=round(dpi)).tobytes("png")
        except READ_ERRORS as e:  # MuPDF's "Overly large image" of a page miles long, too
            raise PageError(f"{self.path}: page {number}: cannot be rendered ({e})") from e

    def _empty_store(self) -> None:
        pymupdf.TOOLS.store_shrink(100)
        self._pages_in_store = 0

    def close(self) -> None:
        """Close the file, leaving MuPDF's store as it is: MuPDF drops a closed file's own
        entries itself (a process converting 176 files one after another stays at one
        resident size), and what the store keeps beyond them serves the next file a process
        reads. Emptied here, every file read after it cost 3 ms more (a Federal Register
        page's read: 11 ms instead of 8). (``make bench`` empties the store before every
        timed call, so its figures do not show this.)"""
        self._doc.close()
