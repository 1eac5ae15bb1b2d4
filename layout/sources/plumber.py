"""PDF pages through pdfplumber (pdfminer.six), the pure-Python alternative to PyMuPDF.

It fills the same page model with the same conventions as :mod:`layout.sources.pdf`, so every
later stage runs unchanged:

* Coordinates are points with a top-left origin at the corner of the page as displayed: the
  crop box (clipped to the media box), after the page's ``/Rotate``, like PyMuPDF's
  ``page.rect``. pdfplumber measures from the media box, so every box is shifted by the crop
  box's corner (see :func:`display_frame`); characters lying wholly outside the crop box are
  dropped (PyMuPDF's ``TEXT_MEDIABOX_CLIP``).
* Words are runs like PyMuPDF's spans, chained from pdfminer's characters by the rules of
  MuPDF's text device (:mod:`layout.sources.plumber_words`).
* A glyph box is one font size across the line (pdfminer's), set on the glyph's baseline
  the same way in every font; sizes are MuPDF's, the horizontal scaling (``Tz``) included
  (:mod:`layout.sources.plumber_fonts`).
* Rules and frames go through :func:`layout.sources.pdf.shapes`, the same thresholds as the
  PyMuPDF source; images pass the same size and "not the whole page" tests, and an image
  drawn over most of a larger one joins it, as in ``pdf.py``.

Known differences from the PyMuPDF source:

* Boxes are shorter across the line: MuPDF's run from the font's ascender to its descender
  (a third taller than the font size in Helvetica), these are one font size. The rows of
  ``analysis/lines.py`` are tolerant of that, so the same lines and stories come out
  (``tests/test_engines.py`` checks it story by story).
* Left and right word edges are exact here. PyMuPDF's spans carry their spaces and
  ``pdf.py`` trims them by an average character width, so its edges can be off by a point
  or two where a span starts or ends with a space.
* A space MuPDF invents between a superscript and the next run belongs to that run and sits on
  the superscript's raised baseline, making the run's box taller; no space is invented here.
* MuPDF compares in single precision: a gap of exactly 0.15 em (text on a grid) may be a
  space in one engine and not the other.
* Bold and italic come from the font name only (pdfminer does not expose the font
  descriptor's flags); a bold font whose name does not say so is read as regular.
* Font names are whole here; MuPDF cuts them at 31 characters with the subset prefix
  (``FranklinGothic-MediumCon``).
* Where the two libraries map a glyph to Unicode differently, the text differs: a thin space
  (U+2009) in MuPDF's text is a plain space in pdfminer's on one real page.
* The horizontal scaling of a two-byte (CID) font is not recovered: sizes of such text set
  with ``Tz`` stay the font size.
* pdfminer splits a path of several subpaths into one shape per subpath, where PyMuPDF keeps
  the path whole: four strokes drawn as one path are four rules here, one frame there.
* Images MuPDF meets only while compositing (inside a soft mask) are not seen by pdfminer.
* Upright glyphs stacked down the page (vertical CJK writing) become vertical lines here;
  MuPDF makes each such glyph a one-character horizontal line. Glyphs of fonts written
  vertically (``WMode 1``) and of Type 3 fonts keep pdfminer's boxes.
* ``save_image`` renders a figure that is no JPEG rather than decoding its image.
* A scan's OCR layer (invisible text) is read as printed text: pdfminer's characters do not
  carry the text render mode, so its words keep the sizes and fonts the OCR engine set
  them in, where ``pdf.py`` reads them as an engine's lines and regions (``ocrlayer``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFStream
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import InputError, PageError
from ..model import Box, Figure, PageContent
from .pdfshapes import kept_figures, shapes
from .plumber_fonts import PARSE_ERRORS, font_metrics, pdf_name
from .plumber_words import chars_to_words

# Resolution [dpi] at which save_image renders a figure that is no JPEG.
_RENDER_DPI = 150


def display_frame(page: PlumberPage) -> tuple[float, float, float, float]:
    """(dx, dy, width, height): subtracting (dx, dy) from pdfplumber's ``x`` and ``top`` gives
    coordinates on the page as displayed, the crop box (within the media box) after
    ``/Rotate``; width and height are that box's, as PyMuPDF's ``page.rect``.

    pdfplumber's own ``page.cropbox`` is wrong on rotated pages (it swaps the axes of the
    crop box but flips it as if unrotated), so the crop box is taken through the same
    transformation pdfminer applies to the page content.
    """
    x0, y0, x1, y1 = page.page_obj.mediabox
    rotation = page.page_obj.rotate
    if rotation == 90:
        ctm = (0, -1, 1, 0, -y0, x1)
    elif rotation == 180:
        ctm = (-1, 0, 0, -1, x1, y1)
    elif rotation == 270:
        ctm = (0, 1, -1, 0, y1, -x0)
    else:
        ctm = (1, 0, 0, 1, -x0, -y0)
    # pdfplumber's top = (content height - y) + media box top, its x = x + media box left.
    content_height = abs(x1 - x0) if rotation in (90, 270) else abs(y1 - y0)
    cx0, cy0, cx1, cy1 = _intersection(page.page_obj.cropbox, page.page_obj.mediabox)
    xs, tops = [], []
    for x, y in ((cx0, cy0), (cx0, cy1), (cx1, cy0), (cx1, cy1)):
        a, b, c, d, e, f = ctm
        xs.append(a * x + c * y + e)
        tops.append(content_height - (b * x + d * y + f))
    left, top = min(xs), min(tops)
    return (left + page.mediabox[0], top + page.mediabox[1],
            max(xs) - left, max(tops) - top)


def _intersection(box: Any, within: Any) -> tuple[float, float, float, float]:
    """The normalised crop box clipped to the media box; the media box when they miss."""
    bx0, bx1 = sorted((box[0], box[2]))
    by0, by1 = sorted((box[1], box[3]))
    wx0, wx1 = sorted((within[0], within[2]))
    wy0, wy1 = sorted((within[1], within[3]))
    x0, y0, x1, y1 = max(bx0, wx0), max(by0, wy0), min(bx1, wx1), min(by1, wy1)
    return (x0, y0, x1, y1) if x0 < x1 and y0 < y1 else (wx0, wy0, wx1, wy1)


def _rgb(color: Any) -> tuple[float, ...] | None:
    """A pdfplumber colour (gray, RGB or CMYK components; pattern names) as RGB, like PyMuPDF."""
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not all(isinstance(v, (int, float)) for v in color):
        return None
    if len(color) == 1:
        return (float(color[0]),) * 3
    if len(color) == 3:
        return tuple(float(v) for v in color)
    if len(color) == 4:
        c, m, y, k = color
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def _drawings(objects: list[dict[str, Any]], dx: float, dy: float) -> list[dict[str, Any]]:
    """pdfplumber lines, rects and curves in the shape of PyMuPDF's ``get_drawings()``: the
    bounding ``rect``, a stroke ``color`` (None when not stroked), an RGB ``fill`` (None
    when not filled) and, for want of PyMuPDF's ``items``, the path's ``points``."""
    drawings = []
    for o in objects:
        stroked = o.get("stroke", True)
        filled = o.get("fill", False)
        drawings.append({
            "rect": (o["x0"] - dx, o["top"] - dy, o["x1"] - dx, o["bottom"] - dy),
            "color": (_rgb(o.get("stroking_color")) or (0.0, 0.0, 0.0)) if stroked else None,
            "fill": _rgb(o.get("non_stroking_color")) if filled else None,
            "points": [(x - dx, y - dy) for x, y in o.get("pts") or ()],
        })
    return drawings


def _objid(image: dict[str, Any]) -> str:
    """The PDF object number of an image's stream, or "" when it has none."""
    objid = getattr(image.get("stream"), "objid", None)
    return "" if objid is None else str(objid)


def _filters(stream: PDFStream | None) -> list[str | None]:
    """The names of a stream's filters, in order (``["DCTDecode"]`` for a plain JPEG)."""
    return [] if stream is None else [pdf_name(f) for f, _ in stream.get_filters()]


class PlumberSource:
    """An open PDF file read with pdfplumber.

    A figure's ``image`` handle is ``"<page>:<object number>"``: the page and the image
    XObject's object number (empty for an inline image); see ``save_image``.
    """

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.path = path
        try:
            self._file = path.open("rb")
        except OSError as e:
            raise InputError(f"{path}: cannot read: {e.strerror}") from e
        # The file stays ours: pdfplumber's own close() would first build every page.
        try:
            self._pdf = pdfplumber.PDF(self._file, stream_is_external=True, path=path,
                                       raise_unicode_errors=False)
            # The page tree only; each page's boxes are read when the page is, so one page
            # with a broken media box is a PageError rather than the whole file refused
            # (pdfplumber's ``pdf.pages`` builds every page up front).
            self._page_objs = list(PDFPage.create_pages(self._pdf.doc))
        except PdfminerException as e:
            self._file.close()
            cause = e.args[0] if e.args else e
            if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
                raise InputError(f"{path}: encrypted PDF (a password is needed)") from e
            raise InputError(f"{path}: damaged or not a PDF ({cause})") from e
        except PARSE_ERRORS as e:
            self._file.close()
            raise InputError(f"{path}: damaged or not a PDF ({e})") from e
        self.page_count = len(self._page_objs)
        if self.page_count == 0:
            self._file.close()
            raise InputError(f"{path}: the PDF has no pages")

    def _plumber_page(self, number: int) -> PlumberPage:
        if not 1 <= number <= self.page_count:
            raise PageError(f"{self.path}: page {number}: no such page "
                            f"(the file has {self.page_count})")
        try:
            return PlumberPage(self._pdf, self._page_objs[number - 1], number)
        except PARSE_ERRORS as e:
            raise PageError(f"{self.path}: page {number}: cannot be read ({e})") from e

    def page(self, number: int) -> PageContent:
        """Read one page (1-based)."""
        page = self._plumber_page(number)
        try:
            chars = page.chars
            objects = page.lines + page.rects + page.curves
            images = page.images
            metrics = font_metrics(page.page_obj.resources, self._pdf.rsrcmgr.get_font)
        except PARSE_ERRORS as e:
            raise PageError(f"{self.path}: page {number}: cannot be read ({e})") from e
        finally:
            page.close()        # drop pdfplumber's cached layout; we keep only our values
        dx, dy, width, height = display_frame(page)
        if width <= 0 or height <= 0:
            raise PageError(f"{self.path}: page {number}: zero-size page")
        page_box = Box(0, 0, width, height)
        words = chars_to_words(chars, dx, dy, width, height, metrics)
        rules, frames, drawn = shapes(_drawings(objects, dx, dy), page_box)
        figures = kept_figures(
            [(Box(im["x0"] - dx, im["top"] - dy, im["x1"] - dx, im["bottom"] - dy),
              f"{number}:{_objid(im)}") for im in images], page_box)
        return PageContent(number, width, height, "pt", tuple(words), tuple(figures),
                           tuple(rules), tuple(frames), tuple(drawn))

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        """Write a figure's pixels; None for a handle this source did not make.

        A JPEG (``DCTDecode``) or JPEG 2000 (``JPXDecode``) image is written as its raw stream,
        byte for byte, as PyMuPDF does. Anything else is rendered instead of decoded: the
        figure's box cut from the page rendered at 150 dpi (pdfplumber renders through
        pypdfium2), as PNG. So text or drawings over the image are in the picture too, and the
        pixels are not the embedded ones.

        The handle (``"<page>:<object number>"``, the number empty for an inline image) needs
        no state from reading the page, so figures of pages read in another process work too.
        """
        page_text, sep, objid_text = str(figure.image).partition(":")
        if not (isinstance(figure.image, str) and sep and page_text.isdigit()
                and 1 <= int(page_text) <= self.page_count):
            return None
        stream = self._stream(objid_text)
        filters = _filters(stream)
        if stream is not None and filters in (["DCTDecode"], ["JPXDecode"]):
            target = stem.with_suffix(".jpg" if filters == ["DCTDecode"] else ".jp2")
            target.write_bytes(stream.get_rawdata())
            return target
        # The rendering is of the page as displayed (crop box, /Rotate applied): the page
        # model's own coordinates, so the figure's box cuts it directly.
        scale = _RENDER_DPI / 72
        rendered = self._plumber_page(int(page_text)).to_image(resolution=_RENDER_DPI).original
        box = figure.box
        target = stem.with_suffix(".png")
        rendered.crop((round(box.x0 * scale), round(box.y0 * scale),
                       round(box.x1 * scale), round(box.y1 * scale))).save(target)
        return target

    def _stream(self, objid_text: str) -> PDFStream | None:
        """The image XObject with this object number; None for an inline image or a bad one."""
        if not objid_text.isdigit():
            return None
        try:
            stream = self._pdf.doc.getobj(int(objid_text))
        except PARSE_ERRORS:
            return None
        return stream if isinstance(stream, PDFStream) else None

    def close(self) -> None:
        self._file.close()
