"""The printed lines of an ALTO page as the page reader (``alto.read_page``) keeps them
(``Row``): each TextLine's words (``alto_lines.read_line``) split into the rows they lie on,
checked and clipped to the page, with the top and bottom their words get. It runs for every
line of every page: a line of one row inside the page (most) is measured as its words were
read, and is neither split nor clipped word by word."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from operator import add, le, sub
from typing import TYPE_CHECKING

from lxml import etree

from ..model import Box
from .alto_lines import (Coords, LineRead, Part, element_name, on_one_row, parts_of, raw_box,
                         read_line, split_lines, title_regions)
from .ocr import OUTSIDE, PageBounds, tallest_word

if TYPE_CHECKING:  # alto imports this module
    from .alto import AltoFile
    from .alto_styles import TextStyle

# A printed line as the page reader keeps it: its words (String, text, x0, x1), top and bottom,
# TextBlock number, the style its TextLine inherits, and its words' heights.
Row = tuple[list[tuple[etree._Element, str, float, float]], float, float, int | None,
            "TextStyle", list[float]]


def page_rows(alto: AltoFile, lines: list[tuple[etree._Element, int | None, TextStyle]],
              clip: Clip) -> list[Row]:
    """The printed lines of the page (``printed_lines`` of each TextLine), their words' boxes
    checked and clipped to the page. The words of a line get one top and bottom: the
    TextLine's own when it is one row holding its words (see ``ocr.on_line``) and no speck
    stretched it (``ocr.tallest_word``), else the extent of the row's words but its specks, or its
    block's if boxed flat (``unflattened``). The TextBlock number is a hint (see
    ``Word.source_block``)."""
    rows: list[Row] = []
    elements: list[etree._Element] = []  # the TextLine of each row
    for line, block, style in lines:
        read = read_line(alto, line, clip.size)
        if not read.words:
            continue
        printed = _line_rows(read, line, clip)
        own = raw_box(line, alto.scale) if len(printed) == 1 else None
        for words, tops, bottoms, heights, middle in printed:
            tallest = tallest_word(words, heights, own)
            fits = own is not None and own[3] - own[1] > 0 and own[1] <= middle <= own[3]
            if fits:
                _, top, _, bottom = clip(own, line)  # a TextLine far off fails the page here
            if not fits or own[3] - own[1] > tallest:
                # the words' extent, leaving out those far taller than the line's type
                top = min(y0 for y0, h in zip(tops, heights) if h <= tallest)
                bottom = max(y1 for y1, h in zip(bottoms, heights) if h <= tallest)
            rows.append((words, top, bottom, block, style, heights))
            elements.append(line)
    return unflattened(rows, elements, alto.scale, clip)


# A printed line's words (String, text, x0, x1), their tops, bottoms and heights and the median
# of their middles, (y0 + y1) / 2, the words clipped to the page
_Measured = tuple[list[tuple[etree._Element, str, float, float]], Sequence[float],
                  Sequence[float], list[float], float]


def _line_rows(read: LineRead, line: etree._Element, clip: Clip) -> list[_Measured]:
    """The printed rows of a TextLine's words (``read_line``, one word at least), measured.
    Words lying clear inside the page on one printed row (``alto_lines.split_lines`` keeps them
    whole: most lines) are measured as read, without clipping; any others are split into their
    rows and clipped word by word (``_measured``)."""
    words, tops, bottoms, clear, _ = read
    heights = list(map(sub, bottoms, tops))
    sums = sorted(map(add, tops, bottoms))  # twice the words' middles (halving keeps their order)
    n = len(words)
    if clear and (n == 1 or on_one_row(sums[-1] / 2 - sums[0] / 2, sorted(heights)[n // 2],
                                       lambda: [box for _, _, box in parts_of(read)])):
        return [(words, tops, bottoms, heights, sums[n // 2] / 2)]
    parts = parts_of(read)
    return [_measured(row, clip) for row in (split_lines(parts, line) if n > 1 else [parts])]


def _measured(row: list[Part], clip: Clip) -> _Measured:
    """A printed line's words (``Part``) measured (``_Measured``), clipped (``Clip.row``)."""
    words, tops, bottoms = clip.row(row)
    # the median of the words' middles (halving keeps their order)
    middle = sorted(map(add, tops, bottoms))[len(words) // 2] / 2
    return words, tops, bottoms, list(map(sub, bottoms, tops)), middle


class Clip:
    """``PageBounds`` on a box of ``alto_lines`` (a tuple): the box clipped to the page, or the
    ``PageError`` of ``PageBounds`` naming the element. A box inside the page or slightly
    outside (the common case) is decided on its four numbers, without making a ``Box``."""

    def __init__(self, bounds: PageBounds) -> None:
        self._bounds = bounds
        w, h = bounds.width, bounds.height
        # (lowest x0, y0), (highest x1, y1), the page's size: the highest is the largest
        # float where (1 + OUTSIDE) times the page overflows, as a box reaching beyond it is
        # no finite box, which PageBounds refuses
        self.limits = ((-OUTSIDE * w, -OUTSIDE * h),
                       tuple(min((1 + OUTSIDE) * v, sys.float_info.max) for v in (w, h)), (w, h))
        self.size = (w, h)  # (``alto_lines.read_line`` tells a line clear of its edges as it reads)

    def __call__(self, box: Coords | None, element: etree._Element) -> Coords:
        if box is not None:
            x0, y0, x1, y1 = box
            (low_x, low_y), (high_x, high_y), (w, h) = self.limits
            if low_x <= x0 <= x1 <= high_x and low_y <= y0 <= y1 <= high_y:
                return (x0 if x0 > 0.0 else 0.0, y0 if y0 > 0.0 else 0.0,
                        x1 if x1 < w else w, y1 if y1 < h else h)
        # Far outside, not finite or missing: PageBounds raises, naming the element.
        b = self._bounds(None if box is None else Box(*box), element_name(element))
        return b.x0, b.y0, b.x1, b.y1

    def inside(self, x0s: Sequence[float], y0s: Sequence[float], x1s: Sequence[float],
               y1s: Sequence[float]) -> bool:
        """Whether the boxes (their x0s, y0s, x1s and y1s) lie inside the page, clear of its
        edges, none of them upside down: they need no clipping."""
        width, height = self.size
        return (min(x0s) > 0.0 and min(y0s) > 0.0 and max(x1s) < width and max(y1s) < height
                and all(map(le, x0s, x1s)) and all(map(le, y0s, y1s)))

    def row(self, row: list[Part]) -> tuple[list[tuple[etree._Element, str, float, float]],
                                            Sequence[float], Sequence[float]]:
        """The words of a printed line (``Part``) as (String, text, x0, x1), clipped, and their
        tops and bottoms. A line inside the page, clear of its edges (most), is told so by its
        extremes (``inside``) and needs no clipping; any other is clipped word by word."""
        strings, texts, boxes = zip(*row)
        if None not in boxes:
            x0s, y0s, x1s, y1s = zip(*boxes)
            if self.inside(x0s, y0s, x1s, y1s):
                return list(zip(strings, texts, x0s, x1s)), y0s, y1s
        words, tops, bottoms = [], [], []
        for string, text, box in row:
            x0, y0, x1, y1 = self(box, string)
            words.append((string, text, x0, x1))
            tops.append(y0)
            bottoms.append(y1)
        return words, tops, bottoms


def unflattened(rows: list[Row], elements: list[etree._Element], scale: float,
                clip: Callable[[Coords | None, etree._Element], Coords]) -> list[Row]:
    """The printed rows of a page (``Row``), each flattened one that is the only line of its
    TextBlock given the block's top and bottom (``title_regions``; ``clip`` checks the box
    against the page)."""

    def region(k: int) -> Coords | None:
        line = elements[k]
        block = line.getparent()
        if block is None or sum(1 for _ in block.iterchildren(line.tag)) != 1:
            return None
        return raw_box(block, scale)

    out = list(rows)
    for k, box in title_regions([row[2] - row[1] for row in rows], region).items():  # bottom - top
        words, _, _, block_no, style, _ = rows[k]
        _, top, _, bottom = clip(box, elements[k].getparent())
        out[k] = (words, top, bottom, block_no, style, [bottom - top] * len(words))
    return out


def sizes_unstated(rows: list[Row], own: Callable[[str], TextStyle | None]) -> bool:
    """Whether most lines of the page have no style size, so that ``alto_lines.type_heights`` sizes it:
    the British Library states FONTSIZE="0" for all but a few words of a page (a style of
    12 pt for some of them). A line is judged by its first word (a look at every word costs
    a twentieth of reading the page). ``rows``: the printed lines (``Row``); ``own``: the
    style a STYLEREFS names."""
    stated = 0
    for words, _, _, _, line_style, _ in rows:
        refs = words[0][0].get(b"STYLEREFS") if words else None  # (bytes: see ``read_line``)
        stated += ((own(refs) or line_style) if refs else line_style).size is not None
    return 2 * stated < len(rows)
