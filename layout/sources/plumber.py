"""PDF pages through pdfplumber (pdfminer.six), the pure-Python alternative to PyMuPDF.

It fills the same page model with the same conventions as :mod:`layout.sources.pdf`, so every
later stage runs unchanged:

* Coordinates are points with a top-left origin at the corner of the page as displayed: the
  crop box (clipped to the media box), after the page's ``/Rotate``, like PyMuPDF's
  ``page.rect``. pdfplumber measures from the media box, so every box is shifted by the crop
  box's corner (see :func:`display_frame`); characters lying wholly outside the crop box are
  dropped (PyMuPDF's ``TEXT_MEDIABOX_CLIP``).
* Words are runs like PyMuPDF's spans: pdfminer gives single characters in content-stream
  order; :func:`chars_to_lines` chains them into lines by the rules of MuPDF's text device
  (``stext-device.c``): a character continues the line when its baseline is within 0.8 em of
  the pen and it starts less than 0.8 em after it; a gap over 0.15 em is a space (never after
  CJK), over 0.3 em it also ends the span; the same glyph drawn again on the pen is fake bold
  and dropped. :func:`chars_to_words` cuts each line into runs of one font and size.
  ``source_line`` is the id of the chained line.
* A glyph box is one font size across the line (pdfminer's), set on the glyph's baseline
  the same way in every font: from a fifth of it below the baseline (see ``_DESCENT``).
  Sizes are MuPDF's, since the stages judge roles by size: the font size times the square
  root of the text matrix's determinant and of the horizontal scaling (``Tz``). pdfminer
  keeps the scaling only inside a character's advance; it is recovered from the font's glyph
  widths (one-byte fonts only), which matters on OCR text layers that scale every word to
  fit.
* Rules and frames go through :func:`layout.sources.pdf.shapes`, the same thresholds as the
  PyMuPDF source; images pass the same size and "not the whole page" tests, and an image
  drawn over most of a larger one joins it, as in ``pdf.py``.

Known differences from the PyMuPDF source:

* Boxes are lower across the line: MuPDF's run from the font's ascender to its descender
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
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdffont import PDFSimpleFont, PDFUnicodeNotDefined
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psexceptions import PSException
from pdfminer.psparser import PSLiteral
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ..errors import InputError, PageError
from ..model import Box, Figure, PageContent, Word
from .pdf import font_style, kept_figures, shapes

# MuPDF's text device (stext-device.c), in font sizes, measured from the pen (where the last
# glyph's advance ended): a move along the baseline shorter than SPACE is no space, one up to
# LINE_BREAK forward is a word space (a step back up to LINE_BREAK is kerning); anything
# further, or a baseline moved by BASELINE or more, starts a new line. The same glyph drawn
# again within FAKE_BOLD of the pen (fake bold) is dropped.
_SPACE = 0.15
_LINE_BREAK = 0.8
_BASELINE = 0.8
_FAKE_BOLD = 0.1
# MuPDF compares in single precision; text set on a grid (OCR layers) often lands exactly on
# a threshold, where single precision falls short of it and double precision does not.
_EPSILON = 1e-4
# An upright glyph set flush below another (vertical writing) starts a vertical line only
# when both the gap and the offset of the centres are within this [em]: horizontal lines leave
# a leading gap, so the last glyph of one line and the first of the next are not chained.
_STACK = 0.15
# [font sizes] Every glyph box runs from this far below its baseline to one font size above
# that, whatever the font. pdfminer starts it at the font's own descent, which it takes as 0
# where the font gives none (Symbol, ZapfDingbats): a bullet would stand a fifth of an em
# above the words it leads and start a line of its own. Also the descent assumed for a font
# of unknown metrics (Type 3), to find its baseline.
_DESCENT = -0.2
# Resolution [dpi] at which save_image renders a figure that is no JPEG.
_RENDER_DPI = 150
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
# pdfplumber wraps the errors of pdfminer's content-stream interpreter in PdfminerException;
# the others come from reading the page tree, page boxes and object attributes of a malformed
# file (pdfminer's own PSException family, and builtins where a value has the wrong type).
_PARSE_ERRORS = (PdfminerException, MalformedPDFException, PSException,
                 ValueError, KeyError, TypeError)


@dataclass(frozen=True, slots=True)
class _Glyph:
    """One pdfminer character on the displayed page, with what chaining it needs.

    ``start`` and ``end`` are where its advance begins and ends along its writing direction
    (negated for "rtl" and "up", so that they grow along it), ``base`` where its baseline lies
    across it (for a font written vertically, its centre line).
    """

    text: str
    box: Box
    font: str
    size: float
    direction: str
    start: float
    end: float
    base: float


@dataclass
class _Line:
    """Glyphs chained in content-stream order: one MuPDF-style text line.

    ``direction`` is the line's ("ltr", "rtl", "down" or "up" on the displayed page). A
    ``stacked`` line is upright glyphs set one below the other (vertical CJK writing): it runs
    "down" while its glyphs keep their own direction, "ltr". ``spaced`` holds the indices of
    the glyphs MuPDF puts a space before, ``parted`` those after a wide gap (over 0.3 em),
    where PyMuPDF ends the span instead.
    """

    direction: str
    glyphs: list[_Glyph] = field(default_factory=list)
    spaced: set[int] = field(default_factory=set)
    parted: set[int] = field(default_factory=set)
    stacked: bool = False


def _direction(matrix: tuple[float, ...]) -> str:
    """Writing direction on the displayed page from a glyph's text matrix (PDF y points up)."""
    a, b = matrix[0], matrix[1]
    if abs(a) >= abs(b):
        return "ltr" if a >= 0 else "rtl"
    return "up" if b > 0 else "down"


def _glyph(text: str, box: Box, font: str, size: float, direction: str, base: float) -> _Glyph:
    """A glyph with its advance, measured so that it grows along ``direction``."""
    if direction == "ltr":
        return _Glyph(text, box, font, size, direction, box.x0, box.x1, base)
    if direction == "rtl":
        return _Glyph(text, box, font, size, direction, -box.x1, -box.x0, base)
    if direction == "down":
        return _Glyph(text, box, font, size, direction, box.y0, box.y1, base)
    return _Glyph(text, box, font, size, direction, -box.y1, -box.y0, base)


def _may_add_space(last: str) -> bool:
    """MuPDF's test: a space may follow Latin, Greek, Cyrillic, Hebrew, Arabic, general
    punctuation and currency signs, never a space or CJK."""
    c = ord(last[-1]) if last else 0x20
    return c != 0x20 and (c < 0x700 or 0x2000 <= c <= 0x20CF)


def _step(line: _Line, g: _Glyph) -> str | None:
    """How glyph ``g`` follows ``line``'s last glyph: "same" (same line), "space" (same line
    after a word space), "wide" (same line after a gap over twice that), "duplicate" (fake
    bold, drop it), or None (a new line)."""
    prev = line.glyphs[-1]
    if not line.stacked:
        if g.direction != line.direction:
            return None
        size = max(g.size, 1e-6)
        moved = math.hypot(g.end - prev.end, g.base - prev.base)
        if g.text == prev.text and moved < _FAKE_BOLD * size:
            return "duplicate"
        spacing = (g.start - prev.end) / size
        if abs(g.base - prev.base) / size >= _BASELINE:
            return None
        if abs(spacing) < _SPACE + _EPSILON or -_LINE_BREAK < spacing < 0:
            return "same"
        if 0 < spacing < _LINE_BREAK:
            if not _may_add_space(prev.text):
                return "same"
            return "wide" if spacing > 2 * _SPACE + _EPSILON else "space"
        return None
    if g.direction != "ltr":
        return None
    em = max(g.size, prev.size, 1e-6)
    gap = g.box.y0 - prev.box.y1
    aligned = abs(g.box.cx - prev.box.cx) < _BASELINE * em
    return "same" if aligned and -_LINE_BREAK * em < gap < _LINE_BREAK * em else None


def _starts_stack(line: _Line, g: _Glyph) -> bool:
    """True when a one-glyph horizontal line and this glyph are upright glyphs set flush in a
    vertical column: the line turns vertical."""
    if len(line.glyphs) != 1 or line.direction != "ltr" or g.direction != "ltr":
        return False
    prev = line.glyphs[0]
    em = max(g.size, prev.size, 1e-6)
    return (abs(g.box.y0 - prev.box.y1) <= _STACK * em
            and abs(g.box.cx - prev.box.cx) <= _STACK * em)


@dataclass(frozen=True)
class _Metrics:
    """What chaining needs of a font: pdfminer's ``descent`` [font sizes, negative], where its
    glyph box starts below the baseline; whether it is written ``vertical`` (``WMode 1``: the
    baseline is the box's centre line); ``widths``, the advance widths by character text of a
    one-byte font, to recover the horizontal scaling (None otherwise).
    """

    descent: float
    vertical: bool = False
    widths: dict[str, float] | None = None


def font_metrics(resources: Any, get_font: Any) -> dict[str, _Metrics]:
    """Metrics by pdfminer font name of every font in ``resources`` and in its form XObjects.

    ``get_font`` is pdfminer's ``PDFResourceManager.get_font``, which returns the very font
    objects the page was read with (cached by object id), so the names and descents are the
    ones pdfminer used. Type 3 fonts are left out (their glyph boxes are the font's own).
    """
    metrics: dict[str, _Metrics] = {}
    seen: set[int] = set()

    def walk(res: Any) -> None:
        res = resolve1(res)
        if not isinstance(res, dict):
            return
        fonts = resolve1(res.get("Font"))
        for ref in (fonts.values() if isinstance(fonts, dict) else ()):
            spec = resolve1(ref)
            if not isinstance(spec, dict) or _name(spec.get("Subtype")) == "Type3":
                continue
            try:
                font = get_font(ref.objid if isinstance(ref, PDFObjRef) else None, spec)
            except _PARSE_ERRORS + (AssertionError,):
                continue        # the interpreter met the same error and skipped this font's text
            if font.fontname not in metrics:
                metrics[font.fontname] = _Metrics(font.get_descent(), font.is_vertical(),
                                                  _widths(font))
        xobjects = resolve1(res.get("XObject"))
        for ref in (xobjects.values() if isinstance(xobjects, dict) else ()):
            if isinstance(ref, PDFObjRef):
                if ref.objid in seen:
                    continue
                seen.add(ref.objid)
            xobj = resolve1(ref)
            if isinstance(xobj, PDFStream) and _name(xobj.get("Subtype")) == "Form":
                walk(xobj.get("Resources"))

    walk(resources)
    return metrics


def _widths(font: Any) -> dict[str, float] | None:
    """Advance widths [font sizes] by character text, for one-byte (simple) fonts."""
    if not isinstance(font, PDFSimpleFont):
        return None
    widths: dict[str, float] = {}
    for cid in range(256):
        try:
            text = font.to_unichr(cid)
        except (KeyError, ValueError, PDFUnicodeNotDefined):
            continue
        w = font.char_width(cid)
        if w and text not in widths:
            widths[text] = w
    return widths


def _name(value: Any) -> str | None:
    value = resolve1(value)
    return value.name if isinstance(value, PSLiteral) else value if isinstance(value, str) else None


def _placed(box: Box, direction: str, m: _Metrics | None) -> tuple[Box, float]:
    """The glyph's box set on its baseline (see ``_DESCENT``), and where that baseline lies
    across its line; a font written vertically keeps its box, its centre line as baseline.

    pdfminer's box is one font size across, starting at the font's descent below the
    baseline; undoing that finds the baseline, text rise included (superscripts move as in
    MuPDF).
    """
    horizontal = direction in ("ltr", "rtl")
    if m is not None and m.vertical:
        return box, (box.cy if horizontal else box.cx)
    em = box.height if horizontal else box.width
    descent = (m.descent if m is not None else _DESCENT) * em
    shift = descent - _DESCENT * em     # how far ours lies beyond pdfminer's, along y or x
    if direction == "ltr":
        return Box(box.x0, box.y0 + shift, box.x1, box.y1 + shift), box.y1 + descent
    if direction == "rtl":
        return Box(box.x0, box.y0 - shift, box.x1, box.y1 - shift), box.y0 - descent
    if direction == "up":
        return Box(box.x0 + shift, box.y0, box.x1 + shift, box.y1), box.x1 + descent
    return Box(box.x0 - shift, box.y0, box.x1 - shift, box.y1), box.x0 - descent


def _font_size(char: dict[str, Any], direction: str, vertical_font: bool) -> float:
    """The font size as MuPDF reports it: the font size times the text matrix's expansion
    (the square root of its determinant), so a matrix that narrows the glyphs shrinks it.

    pdfminer's box is one font size times the matrix's scale across the line (along x for a
    vertical font); that gives the font size, whatever the rotation.
    """
    a, b, c, d = char["matrix"][:4]
    if vertical_font:
        across, scale = char["x1"] - char["x0"], math.hypot(a, b)
    else:
        horizontal = direction in ("ltr", "rtl")
        across = char["bottom"] - char["top"] if horizontal else char["x1"] - char["x0"]
        scale = math.hypot(c, d)
    det = abs(a * d - b * c)
    if scale <= 0 or det <= 0:
        return float(char["size"])
    return across / scale * math.sqrt(det)


def _horizontal_scale(char: dict[str, Any], size: float,
                      widths: dict[str, float]) -> float | None:
    """The horizontal scaling (``Tz``/100) a character was set with, or None if unknown.

    pdfminer puts it only into the advance: advance = glyph width x font size x scaling.
    ``size`` is the font size times the matrix's expansion; the glyph width comes from the
    font by the character's text.
    """
    width = widths.get(char["text"])
    a, b, c, d = char["matrix"][:4]
    det = math.sqrt(abs(a * d - b * c))
    if not width or not det or not size or not char.get("adv"):
        return None
    scale = char["adv"] / (width * size / det)
    if not 0.2 < scale < 5:
        return None
    return 1.0 if abs(scale - 1) < 0.005 else scale


def chars_to_lines(chars: list[dict[str, Any]], dx: float, dy: float, width: float,
                   height: float, metrics: dict[str, _Metrics] | None = None) -> list[_Line]:
    """pdfplumber characters (in content-stream order) chained into text lines as MuPDF does.

    Boxes are shifted by (-dx, -dy) into page coordinates; characters wholly outside the
    ``width`` x ``height`` page are dropped. ``metrics`` (by font name) give the baselines
    and the horizontal scaling.
    """
    lines: list[_Line] = []
    scales: dict[str, float] = {}      # the last horizontal scaling seen, by font
    for c in chars:
        text = c["text"]
        if not text:
            continue
        box = Box(c["x0"] - dx, c["top"] - dy, c["x1"] - dx, c["bottom"] - dy)
        if box.x1 <= 0 or box.x0 >= width or box.y1 <= 0 or box.y0 >= height:
            continue
        direction = _direction(c["matrix"])
        m = metrics.get(c["fontname"]) if metrics else None
        size = _font_size(c, direction, m is not None and m.vertical)
        if m is not None and m.widths is not None:
            scale = _horizontal_scale(c, size, m.widths)
            if scale is not None:
                scales[c["fontname"]] = scale
            size *= math.sqrt(scales.get(c["fontname"], 1.0))
        box, base = _placed(box, direction, m)
        g = _glyph(text, box, _SUBSET_PREFIX.sub("", c["fontname"] or ""), size, direction, base)
        line = lines[-1] if lines else None
        step = _step(line, g) if line is not None else None
        if step == "duplicate":
            continue
        if step is None and line is not None and _starts_stack(line, g):
            line.direction, line.stacked, step = "down", True, "same"
        if step is None:
            line = _Line(direction)
            lines.append(line)
        elif step in ("space", "wide") and not text.isspace():
            (line.spaced if step == "space" else line.parted).add(len(line.glyphs))
        line.glyphs.append(g)
    return lines


def chars_to_words(chars: list[dict[str, Any]], dx: float = 0.0, dy: float = 0.0,
                   width: float = float("inf"), height: float = float("inf"),
                   metrics: dict[str, _Metrics] | None = None) -> list[Word]:
    """Runs of one font and size on one chained line as Words, like PyMuPDF's spans.

    A space inside a run is kept in its text: an explicit space glyph, or one MuPDF would add
    for a gap (see :func:`_step`); a gap over 0.3 em ends the run, as it ends a PyMuPDF span.
    A run's box is the union of its non-blank glyphs, so no trailing space reaches into a
    gutter.
    """
    words: list[Word] = []
    lines = chars_to_lines(chars, dx, dy, width, height, metrics)
    for line_id, line in enumerate(lines, start=1):
        vertical = line.direction in ("up", "down")
        run: list[str] = []
        run_box: Box | None = None
        run_font, run_size = "", 0.0

        def flush() -> None:
            text = "".join(run).strip()
            if text and run_box is not None:
                bold, italic = font_style(run_font, 0)
                words.append(Word(text, run_box, run_font, round(run_size, 2), bold, italic,
                                  vertical, source_line=line_id))

        for i, g in enumerate(line.glyphs):
            blank = g.text.isspace()
            if not blank and (i in line.parted or g.font != run_font
                              or abs(g.size - run_size) > 0.001):
                flush()
                run, run_box, run_font, run_size = [], None, g.font, g.size
            elif i in line.spaced:
                run.append(" ")
            run.append(g.text)
            if not blank:
                run_box = g.box if run_box is None else run_box.union(g.box)
        flush()
    return words


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
    return [] if stream is None else [_name(f) for f, _ in stream.get_filters()]


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
        except _PARSE_ERRORS as e:
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
        except _PARSE_ERRORS as e:
            raise PageError(f"{self.path}: page {number}: cannot be read ({e})") from e

    def page(self, number: int) -> PageContent:
        """Read one page (1-based)."""
        page = self._plumber_page(number)
        try:
            chars = page.chars
            objects = page.lines + page.rects + page.curves
            images = page.images
            metrics = font_metrics(page.page_obj.resources, self._pdf.rsrcmgr.get_font)
        except _PARSE_ERRORS as e:
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
        except _PARSE_ERRORS:
            return None
        return stream if isinstance(stream, PDFStream) else None

    def close(self) -> None:
        self._file.close()
