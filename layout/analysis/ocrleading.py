"""The leading of a page an OCR engine cut finer than paragraphs (``ocrregions.Regions``):
the white between a line and its nearest neighbour above in its column, measured over the
page. Kept apart from ``ocrregions.py`` for that module's length."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from statistics import median

from ..model import Box, Line

# [sizes] the gaps between lines measured for the page's leading: a line's nearest neighbour
# above in its column, in a stripe this many sizes wide by its left edge, no further than
# ``_PITCH_REACH`` below it (further: a break, not the leading)
_STRIPE = 2.0
_PITCH_REACH = 2.0


def page_leading(lines: Sequence[Line], boxes: dict[int, Box], size: float) -> float:
    """The page's leading [sizes]: the median gap between a line and its nearest neighbour
    above in its column (``over_in_column``; ``size``: the median line's), counting gaps from
    a size's overlap to ``_PITCH_REACH`` sizes; 0 when none is measured."""
    gaps: list[float] = []
    for ln, up in over_in_column(lines, boxes, size):
        if up is not None:
            gap, own = boxes[id(ln)].y0 - boxes[id(up)].y1, max(ln.size, 1e-6)
            if -own <= gap <= _PITCH_REACH * own:
                gaps.append(gap / own)
    return median(gaps) if gaps else 0.0


def over_in_column(lines: Sequence[Line], boxes: dict[int, Box],
          size: float) -> Iterator[tuple[Line, Line | None]]:
    """Each line, top to bottom, with its nearest neighbour above in its column, or None: the
    last line seen in its stripe of ``_STRIPE`` sizes (``size``: the median line's) by its left
    edge or one beside, overlapping it across by half the narrower, the lowest of those."""
    step = _STRIPE * size
    last: dict[int, Line] = {}
    for ln in sorted(lines, key=lambda ln: boxes[id(ln)].y0):
        b = boxes[id(ln)]
        s = int(b.x0 // step)
        above = [a for a in (last.get(s - 1), last.get(s), last.get(s + 1)) if a is not None
                 and min(boxes[id(a)].x1, b.x1) - max(boxes[id(a)].x0, b.x0)
                 >= 0.5 * min(boxes[id(a)].width, b.width)]
        yield ln, max(above, key=lambda a: boxes[id(a)].y1) if above else None
        last[s] = ln
