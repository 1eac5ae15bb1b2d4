"""PDF pages through PyMuPDF, the default engine: spans, images, rules and frames.

One parse of the page for its text (``get_text("dict")``, without image pixels) and its images
(``_read_page``), and one ``get_cdrawings()`` call: the least any layout tool must read.
The drawings are taken as MuPDF's C code lists them (plain tuples): ``get_drawings()`` would
make every point of every path a ``Point`` object, which ``pdfshapes`` reads the same (a
sixth of the floor on a page of many paths: the Federal Register's first page).
PyMuPDF's own block grouping is ignored (it merges columns); its spans become ``Word`` values
and the analysis stages regroup them.

A scan's OCR layer (text drawn invisible over the page image: a span of alpha 0) holds an
OCR engine's words, each set in a stock font stretched or sized to the width of the printed
word: a comma at twice the body size, a short word a size up or down. Its typeface and sizes
say nothing of the print, and a tall comma's box reaches into the next line. So its lines are
read as OCR sources read an engine's lines and regions (``ocrlayer``).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..batch.atomic import write_atomic
from ..errors import InputError, PageError
from ..analysis.script import has_cjk, is_cjk
from ..model import Box, Figure, PageContent, Word
from ..params import Limits
from .mupdf import corrected_quads, pymupdf
from .ocrlayer import Piece, engine_lines
from .pdfshapes import kept_figures, shapes
from .typesizes import scaled_type_sized

_TEXT_FLAGS = (pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
               | pymupdf.TEXT_MEDIABOX_CLIP)
# What PyMuPDF raises on a damaged file or page: MuPDF's own errors are not RuntimeErrors.
# Public: the OCR layer renders with PyMuPDF too.
READ_ERRORS = (pymupdf.FileDataError, pymupdf.mupdf.FzErrorBase, RuntimeError, ValueError)
_BOLD_NAMES = ("bold", "black", "heavy", "demi", "semibold", "extrabold")
_ITALIC_NAMES = ("italic", "oblique")
# [em] a span of CJK text wider than its characters set solid by more than this runs on across
# a gap; [em] such a span is cut where its characters stand further apart than _CHAR_GAP;
# [em] the width assumed for a character that is not CJK (an upper bound: most are narrower)
_RUN_ON = 0.8
_CHAR_GAP = 0.25
_LATIN_WIDTH = 0.6
# [pages] MuPDF's store is emptied after this many pages of a file are read (see
# PdfSource.page and PdfSource.close)
_STORE_PAGES = 8
_TEXT_BLOCK = pymupdf.mupdf.FZ_STEXT_BLOCK_TEXT


@lru_cache(maxsize=1024)
def font_style(font: str, flags: int) -> tuple[bool, bool]:
    """(bold, italic) from the span's flags and, since flags are often missing, its font name.

    Cached: a page has thousands of spans but a handful of fonts.
    """
    name = font.lower()
    bold = bool(flags & pymupdf.TEXT_FONT_BOLD) or any(k in name for k in _BOLD_NAMES)
    italic = bool(flags & pymupdf.TEXT_FONT_ITALIC) or any(k in name for k in _ITALIC_NAMES)
    return bold, italic


def spans_to_words(text_dict: dict) -> list[Word]:
    """Every non-blank span of a ``get_text("dict")`` result as a Word, vertical ones marked;
    a word set left to right ends no further than the blank span after it starts (``_ended``).

    From a ``"rawdict"`` result, whose spans have their characters, a span is cut into words
    wherever its characters stand apart by more than ``_CHAR_GAP`` em (see ``run_on_spans``).
    Type scaled across alone is sized by its height (``typesizes``); an OCR layer's words are
    read as an engine's lines (``ocrlayer``).
    """
    words: list[Word] = []
    append = words.append
    rounded: dict[float, float] = {}  # a span's size to 2 decimals: round() is slow, sizes few
    line_id = 0
    invisible: list[Piece] = []  # the lines of an OCR layer
    for block in text_dict["blocks"]:
        if block.get("type") != 0:
            continue
        for line in block["lines"]:
            line_id += 1
            dx, dy = line["dir"]
            vertical = abs(dy) > abs(dx)
            forward = dx > abs(dy)  # set left to right: a blank span starts where a word ends
            start = len(words)
            spans = line["spans"]
            for span in spans:
                chars = span.get("chars")
                if chars is None:  # a dict's span: one word (written out: the common case)
                    raw = span["text"]
                    text = raw.strip()
                    if not text:
                        if forward and len(words) > start:
                            words[-1] = _ended(words[-1], span["bbox"][0])
                        continue
                    font, size = span["font"], span["size"]
                    if size not in rounded:
                        rounded[size] = round(size, 2)
                    bold, italic = font_style(font, span["flags"])  # (a call with * is slower)
                    append(Word(text, Box(*span["bbox"]) if len(text) == len(raw) else
                                _trimmed(span["bbox"], raw, text, vertical),
                                font, rounded[size], bold, italic, vertical, None, line_id))
                    continue
                for raw, bbox in _runs(chars, _CHAR_GAP * span["size"], vertical):
                    text = raw.strip()
                    if not text:
                        continue
                    font = span["font"]
                    append(Word(text, Box(*bbox) if len(text) == len(raw) else
                                _trimmed(bbox, raw, text, vertical),
                                font, round(span["size"], 2), *font_style(font, span["flags"]),
                                vertical, None, line_id))
            # (the first span's alpha says no for the lines of a page with no OCR layer)
            if len(words) > start and spans[0].get("alpha") == 0 and all(
                    span.get("alpha") == 0 for span in spans):
                invisible.append((start, len(words), line))
    return engine_lines(words, invisible) if invisible else scaled_type_sized(words)


def _ended(word: Word, pen: float) -> Word:
    """``word`` ending at ``pen``, where the blank span after it starts, if that is inside its box.

    MuPDF starts a span of spaces where the pen stands after the word before it, so a word's
    box reaching further holds a glyph boxed wider than its advance: a letter that has no
    advance of its own, the second of a ligature's letters ("ff" drawn as one glyph), is
    boxed with no width by MuPDF, and PyMuPDF, which rebuilds the boxes of fonts whose
    ascender and descender make no sense (Latin Modern as LaTeX embeds it), gives it the
    width of that letter: 0.3 em past the word, so the space after "sheriff" looked too narrow
    to be one ("sheriffof"). Only such a box changes: an ordinary word ends where its blank starts.
    """
    box = word.box
    if box.x0 < pen < box.x1:
        return replace(word, box=Box(box.x0, box.y0, pen, box.y1))
    return word


def _runs(chars: list[dict], gap: float, vertical: bool) -> list[tuple[str, tuple[float, ...]]]:
    """(text, bbox) of each run of a span's characters with no gap wider than ``gap`` between
    one character's end and the next one's start; one pass over the characters."""
    axis, end = (1, 3) if vertical else (0, 2)
    runs: list[tuple[str, tuple[float, ...]]] = []
    text: list[str] = []
    last = x0 = y0 = x1 = y1 = 0.0
    for c in chars:
        b = c["bbox"]
        if text and not b[axis] - last > gap:
            text.append(c["c"])
            # as min() and max() over the run would: replaced only when strictly beyond
            if b[0] < x0:
                x0 = b[0]
            if b[1] < y0:
                y0 = b[1]
            if b[2] > x1:
                x1 = b[2]
            if b[3] > y1:
                y1 = b[3]
        else:
            if text:
                runs.append(("".join(text), (x0, y0, x1, y1)))
            text = [c["c"]]
            x0, y0, x1, y1 = b
        last = b[end]
    if text:
        runs.append(("".join(text), (x0, y0, x1, y1)))
    return runs


def run_on_spans(text_dict: dict) -> bool:
    """Whether a span of Chinese or Japanese runs on across a gap: wider than its characters
    set solid (an em each, ``_LATIN_WIDTH`` for others) by more than ``_RUN_ON`` em.

    Some producers (Chromium) set the lines of several columns that share a baseline as one
    text run, which MuPDF hands over as one span; only its characters' boxes show the
    gutters in it, so such a page is read again with them (``rawdict``). A page with no
    Chinese or Japanese at all says so in one scan of its text.
    """
    if not has_cjk("".join([span["text"] for block in text_dict["blocks"]
                            for line in block.get("lines", ()) for span in line["spans"]])):
        return False
    for block in text_dict["blocks"]:
        for line in block.get("lines", ()):
            vertical = abs(line["dir"][1]) > abs(line["dir"][0])
            for span in line["spans"]:
                text = span["text"]
                if not has_cjk(text):
                    continue
                x0, y0, x1, y1 = span["bbox"]
                extent = (y1 - y0) if vertical else (x1 - x0)
                solid = sum(1.0 if is_cjk(c) else _LATIN_WIDTH for c in text) * span["size"]
                if extent > solid + _RUN_ON * span["size"]:
                    return True
    return False


def _trimmed(bbox: tuple[float, ...], raw: str, text: str, vertical: bool) -> Box:
    """The span's box (``bbox``) without the leading and trailing spaces of its text ``raw``
    (estimated per character); ``text``: ``raw`` stripped, and shorter (callers ask only then).

    A trailing space would otherwise reach into the gutter and make it look bridged.
    """
    x0, y0, x1, y1 = bbox
    lead = raw.find(text)  # (text starts with no space: found where the leading ones end)
    trail = len(raw) - lead - len(text)
    if vertical:
        step = (y1 - y0) / len(raw)
        return Box(x0, y0 + lead * step, x1, y1 - trail * step)
    step = (x1 - x0) / len(raw)
    return Box(x0 + lead * step, y0, x1 - trail * step, y1)


def _read_page(page: pymupdf.Page) -> tuple[dict, list[dict]]:
    """The page's text (``get_text("dict")``, or ``"rawdict"`` when ``run_on_spans``) and its
    images' boxes (``get_image_info``), parsing the page once (twice when its only images
    are inline ones).

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
        text_dict = textpage.extractDICT()
        if run_on_spans(text_dict):
            text_dict = textpage.extractRAWDICT()
    return text_dict, images


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
            text_dict, images = _read_page(page)
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
        return PageContent(number, rect.width, rect.height, "pt", tuple(spans_to_words(text_dict)),
                           tuple(figures), tuple(rules), tuple(frames), tuple(drawn))

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
