"""What the pdfplumber source needs of a PDF's fonts, and the glyph geometry it derives.

pdfminer gives each character a box one font size across its line, starting at the font's
descent below the baseline, and a matrix. From these and the fonts of the page this module
finds each glyph's baseline (text rise included), sets its box on that baseline the same way
in every font (``placed``), and gives its size as MuPDF reports it (``font_size``,
``horizontal_scale``), since the stages judge roles by size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from pdfminer.pdffont import PDFSimpleFont, PDFUnicodeNotDefined
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psexceptions import PSException
from pdfminer.psparser import PSLiteral
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ..model import Box

# [font sizes] Every glyph box runs from this far below its baseline to one font size above
# that, whatever the font. pdfminer starts it at the font's own descent, which it takes as 0
# where the font gives none (Symbol, ZapfDingbats): a bullet would stand a fifth of an em
# above the words it leads and start a line of its own. Also the descent assumed for a font
# of unknown metrics (Type 3), to find its baseline.
_DESCENT = -0.2
# pdfplumber wraps the errors of pdfminer's content-stream interpreter in PdfminerException;
# the others come from reading the page tree, page boxes and object attributes of a malformed
# file (pdfminer's own PSException family, and builtins where a value has the wrong type).
PARSE_ERRORS = (PdfminerException, MalformedPDFException, PSException,
                ValueError, KeyError, TypeError)


@dataclass(frozen=True)
class FontMetrics:
    """What glyph geometry needs of a font: pdfminer's ``descent`` [font sizes, negative], where its
    glyph box starts below the baseline; whether it is written ``vertical`` (``WMode 1``: the
    baseline is the box's centre line); ``widths``, the advance widths by character text of a
    one-byte font, to recover the horizontal scaling (None otherwise).
    """

    descent: float
    vertical: bool = False
    widths: dict[str, float] | None = None


def font_metrics(resources: Any, get_font: Any) -> dict[str, FontMetrics]:
    """Metrics by pdfminer font name of every font in ``resources`` and in its form XObjects.

    ``get_font`` is pdfminer's ``PDFResourceManager.get_font``, which returns the very font
    objects the page was read with (cached by object id), so the names and descents are the
    ones pdfminer used. Type 3 fonts are left out: their glyphs keep pdfminer's boxes, the
    baseline taken at ``_DESCENT`` below them.
    """
    metrics: dict[str, FontMetrics] = {}
    seen: set[int] = set()

    def walk(res: Any) -> None:
        res = resolve1(res)
        if not isinstance(res, dict):
            return
        fonts = resolve1(res.get("Font"))
        for ref in (fonts.values() if isinstance(fonts, dict) else ()):
            spec = resolve1(ref)
            if not isinstance(spec, dict) or pdf_name(spec.get("Subtype")) == "Type3":
                continue
            try:
                font = get_font(ref.objid if isinstance(ref, PDFObjRef) else None, spec)
            except PARSE_ERRORS + (AssertionError,):
                continue        # the interpreter met the same error and skipped this font's text
            if font.fontname not in metrics:
                metrics[font.fontname] = FontMetrics(font.get_descent(), font.is_vertical(),
                                                     _widths(font))
        xobjects = resolve1(res.get("XObject"))
        for ref in (xobjects.values() if isinstance(xobjects, dict) else ()):
            if isinstance(ref, PDFObjRef):
                if ref.objid in seen:
                    continue
                seen.add(ref.objid)
            xobj = resolve1(ref)
            if isinstance(xobj, PDFStream) and pdf_name(xobj.get("Subtype")) == "Form":
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


def pdf_name(value: Any) -> str | None:
    """A PDF name object's text (``/Type0`` -> "Type0"); a string as it is; None otherwise."""
    value = resolve1(value)
    return value.name if isinstance(value, PSLiteral) else value if isinstance(value, str) else None


def placed(box: Box, direction: str, m: FontMetrics | None) -> tuple[Box, float]:
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


def font_size(char: dict[str, Any], direction: str, vertical_font: bool) -> float:
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


def horizontal_scale(char: dict[str, Any], size: float,
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
