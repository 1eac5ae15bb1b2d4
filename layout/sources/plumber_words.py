"""pdfplumber's characters chained into lines and words as MuPDF's text device does.

Words are runs like PyMuPDF's spans: pdfminer gives single characters in content-stream
order; :func:`chars_to_lines` chains them into lines by the rules of MuPDF's text device
(``stext-device.c``): a character continues the line when its baseline is within 0.8 em of
the pen and it starts less than 0.8 em after it; a gap over 0.15 em is a space (never after
CJK), over 0.3 em it also ends the span; the same glyph drawn again on the pen is fake bold
and dropped. Upright glyphs set flush one below the other (vertical CJK writing) chain into a
vertical line. :func:`chars_to_words` cuts each line into runs of one font and size;
``source_line`` is the id of the chained line. Glyph boxes, baselines and sizes come from
:mod:`layout.sources.plumber_fonts`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Box, Word
from .pdfwords import font_style
from .plumber_fonts import FontMetrics, font_size, horizontal_scale, placed

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
# A subset font's name starts with six capitals and a plus (ABCDEF+Times-Bold); words carry
# the name without it.
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")


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


def chars_to_lines(chars: list[dict[str, Any]], dx: float, dy: float, width: float,
                   height: float, metrics: dict[str, FontMetrics] | None = None) -> list[_Line]:
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
        size = font_size(c, direction, m is not None and m.vertical)
        if m is not None and m.widths is not None:
            scale = horizontal_scale(c, size, m.widths)
            if scale is not None:
                scales[c["fontname"]] = scale
            size *= math.sqrt(scales.get(c["fontname"], 1.0))
        box, base = placed(box, direction, m)
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
                   metrics: dict[str, FontMetrics] | None = None) -> list[Word]:
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
