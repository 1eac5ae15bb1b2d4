"""A scan's OCR layer in a PDF (invisible text over the page image) read as an engine's lines
and regions, as the OCR file readers (ALTO, hOCR) read them.

An OCR engine writing a PDF draws its words line by line, region by region, each word
stretched along its line to the width of its print (Tesseract: ``Tz``, horizontal scaling)
at its line's height (``Tf``). What MuPDF hands over says less than the engine knew:

- Lines: MuPDF ends a line wherever a word's baseline steps, as it does down a slanted line
  of a scan, so one printed line comes in pieces. Read in the layer's drawing order (the
  engine's), a piece that goes on along the line before it, ahead of its end and on its
  baseline (within ``_ON_BASELINE`` of its size), is the same engine line (``continues``).
- Sizes: MuPDF's size of a stretched word is the stretched one (times the square root of the
  stretch), which says how long the word is; the height its font is drawn at is the engine's
  line height (``drawn_size``). A line's size is its words' median height, and the lines near
  the page's typical one are that (``ocr.sizes_from_heights``), as an OCR file's lines are.
- Regions: an engine draws a region's lines one under the next, then moves to the next
  region. A line that starts just under the one drawn before it (within ``_REGION_PITCH`` of
  its size) and overlaps it across is in its region; any other starts a new one. Its number
  is ``Word.source_block``, so the lines are an engine's (``lines.found_line``): its words stay
  one line, those of two regions are never one.

Its words get no typeface, which tells the pipeline their sizes are estimated
(``pipeline.sizes_estimated``), and their line's median top and bottom (``ocr.on_line``):
a tall comma's box no longer reaches into the next line.
"""

from __future__ import annotations

from statistics import median

from ..model import Box, Word
from .ocr import sizes_from_heights

# [cos² - sin² of the angle] a line steeper than this (30 degrees) is not measured across
_STEEPEST = 0.5
# [the line's size] a piece whose first baseline point lies this far off the baseline of the
# piece before it is on another line
_ON_BASELINE = 0.5
# [the larger line's size] the furthest the middle of a region's next line lies under the one
# before it: a line and a half of leading, and a blank line between paragraphs
_REGION_PITCH = 2.5

# One line of invisible text as MuPDF gives it: its words' positions in the page's words
# (start, end: each its text, box and direction), its ``get_text("dict")`` entry, its number
# (``Word.source_line``) and whether it is vertical.
Piece = tuple[int, int, dict, int, bool]


def engine_lines(words: list, pieces: list[Piece]) -> list[Word]:
    """``words`` with those of the invisible ``pieces`` (in drawing order; each word its text,
    box and direction) made Words read as engine lines in regions (see the module docstring); other
    words unchanged. Their words are made once their lines are known, not before."""
    # start, end, last piece, heights, number, vertical, median height (asked again only of a
    # line a piece joined: most engine lines come in one piece)
    lines: list[tuple[int, int, dict, list[float], int, bool, float]] = []
    for start, end, piece, number, vertical in pieces:
        heights = [drawn_size(span, piece["dir"]) for span in piece["spans"]]
        height = median(heights)
        if lines and lines[-1][1] == start and continues(lines[-1][2], piece, height):
            first, _, _, before_heights, number, vertical, _ = lines.pop()
            start, heights = first, before_heights + heights
            height = median(heights)
        lines.append((start, end, piece, heights, number, vertical, height))
    sizes = sizes_from_heights([line[6] for line in lines])
    out = list(words)
    region, before = -1, None
    for (start, end, _, _, line, vertical, _), size in zip(lines, sizes):
        line_words = words[start:end]
        # each side of the line's box: the extreme of its words' along it, the median across
        # (lists, each made once: a generator a side cost a third of this function)
        x0s, y0s = [b.x0 for _, b, _ in line_words], [b.y0 for _, b, _ in line_words]
        x1s, y1s = [b.x1 for _, b, _ in line_words], [b.y1 for _, b, _ in line_words]
        box = Box(median(x0s), min(y0s), median(x1s), max(y1s)) if vertical else \
            Box(min(x0s), median(y0s), max(x1s), median(y1s))
        if before is None or not _under(before, (box, size, vertical)):
            region += 1
        before = box, size, vertical
        rounded = round(size, 2)
        out[start:end] = [Word(text, Box(box.x0, b.y0, box.x1, b.y1) if vertical else
                               Box(b.x0, box.y0, b.x1, box.y1), "", rounded, False, False,
                               own, None, line, region)
                          for text, b, own in line_words]
    return out


def continues(before: dict, line: dict, size: float) -> bool:
    """Whether MuPDF's ``line`` goes on along ``before`` (both ``get_text("dict")`` lines):
    its first word's origin lies ahead of the last one of ``before`` along its direction, and
    within ``_ON_BASELINE`` of ``size`` off its baseline."""
    x0, y0 = before["spans"][-1]["origin"]
    x1, y1 = line["spans"][0]["origin"]
    dx, dy = before["dir"]
    return (x1 - x0) * dx + (y1 - y0) * dy > 0 and \
        abs((y1 - y0) * dx - (x1 - x0) * dy) <= _ON_BASELINE * size


def _under(before: tuple[Box, float, bool], after: tuple[Box, float, bool]) -> bool:
    """Whether a line (its box, size, whether vertical) is the next of the region of the line
    drawn before it: under it (left of it, vertical: the next column of the region), by at
    most ``_REGION_PITCH`` of the larger size, and overlapping it across."""
    (a, size_a, vertical), (b, size_b, _) = before, after
    pitch = _REGION_PITCH * max(size_a, size_b)
    if vertical:
        return 0 < a.cx - b.cx <= pitch and b.y0 < a.y1 and a.y0 < b.y1
    return 0 < b.cy - a.cy <= pitch and b.x0 < a.x1 and a.x0 < b.x1


def drawn_size(span: dict, direction: tuple[float, float]) -> float:
    """The height a span is drawn at across its line (``direction``): its box's, less what a
    slanted line's length adds to it; MuPDF's size for a line steeper than ``_STEEPEST``.
    About an em (ascender to descender; Tesseract's invisible font: its ``Tf`` exactly), and
    taken as the size, as OCR files' line heights are."""
    x0, y0, x1, y1 = span["bbox"]
    along, across = abs(direction[0]), abs(direction[1])  # cos, sin of the line's angle
    width, height = x1 - x0, y1 - y0
    if across > along:  # vertical: the same with the axes swapped
        along, across, width, height = across, along, height, width
    if along * along - across * across < _STEEPEST:
        return span["size"]
    # a box h tall and w long turned by the angle is h·cos + w·sin tall
    drawn = (height * along - width * across) / (along * along - across * across)
    return drawn if drawn > 0 else span["size"]
