"""A scan's slant, measured so that the reading order can read its columns straight.

An OCR file (ALTO, PAGE) gives the boxes of a scan as it was photographed, often a little
aslant: a column's left edge drifts sideways down the page, by a hundred pixels over the
height of a broadsheet at one degree. Each box is upright, so a tall block's box takes in the
drift and overlaps the column beside it, and the gutter between two columns is no straight
strip of white: no vertical cut of the reading order parts the columns, which are then read
across, a row at a time.

The slant is measured where the page shows it best, down the left edges of the source's own
text blocks (a column of body text starts its lines at one edge). The reading order then
sees every line moved sideways by the drift at its middle, ``x → x - (y - middle) · slope``
(the page sheared straight), and a block as the union of its lines so moved. The other stages
keep the boxes as drawn. A page whose drift stays under a body size (every born-digital page,
a scan deskewed before OCR) is read as it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from statistics import median

from ..model import Box, PageContent

# A box → the box with the page's slant taken out; None on a page read as it is.
Straight = Callable[[Box], Box] | None

# [lines] a source block needs this many lines before its left edge says how the page slants
_MIN_LINES = 8
# [lines] of each half of a block that start at its left edge: fewer, and the block has none
# (a list, a centred advertisement)
_EDGE_LINES = 3
# [body sizes] how far right of a half block's leftmost line start a line still starts at the
# edge: the jitter of OCR boxes, and the drift down half a tall column
_EDGE = 0.5
# [dx/dy] the steepest slant measured (3 degrees): a steeper edge is no scan's slant but two
# columns in one block
_STEEPEST = 0.05
# [blocks] the page needs this many blocks whose left edge gives a slope before its slant is
# measured (too few say more of one block's setting than of the scan)
_MIN_BLOCKS = 3
# [body sizes] the drift over the page's height below which the page is read as it is: the
# jitter of OCR boxes, and too little to close a gutter
_NEGLIGIBLE_DRIFT = 1.0


def column_slope(content: PageContent, body: float) -> float:
    """The sideways drift of the page's column edges per unit down (dx/dy), or 0.0 when the
    source gives too few blocks to tell or the drift is negligible.

    Per source block: the left edge of its upper lines and of its lower lines (the median
    start of the lines starting at the half's leftmost, which passes over indents), their
    difference over the distance between the two halves. The page's slope is the median of
    the blocks' slopes, each block weighted by that distance (a tall column measures the slant
    more finely than a short one).
    """
    starts: dict[int, tuple[float, float, int | None]] = {}
    for w in content.words:
        if w.source_line is None:
            continue
        seen = starts.get(w.source_line)
        if seen is None or w.box.x0 < seen[0]:
            starts[w.source_line] = (w.box.x0, (w.box.y0 + w.box.y1) / 2, w.source_block)
    edges: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for x0, middle, block in starts.values():
        if block is not None:
            edges[block].append((middle, x0))
    measured = [m for m in (_block_slope(e, body) for e in edges.values()) if m is not None]
    if len(measured) < _MIN_BLOCKS:
        return 0.0
    slope = _weighted_median(measured)
    return slope if abs(slope) * content.height >= _NEGLIGIBLE_DRIFT * body else 0.0


def _block_slope(edge: list[tuple[float, float]], body: float) -> tuple[float, float] | None:
    """(slope, weight) of one block's left edge from (middle, x0) of its lines, or None when
    the block's lines do not share a left edge (a list, a centred advertisement)."""
    if len(edge) < _MIN_LINES:
        return None
    edge.sort()
    half = len(edge) // 2
    upper, lower = _at_edge(edge[:half], body), _at_edge(edge[-half:], body)
    if len(upper) < _EDGE_LINES or len(lower) < _EDGE_LINES:
        return None
    rise = median(y for y, _ in lower) - median(y for y, _ in upper)
    if rise <= 0:
        return None
    slope = (median(x for _, x in lower) - median(x for _, x in upper)) / rise
    return (slope, rise) if abs(slope) <= _STEEPEST else None


def _at_edge(lines: list[tuple[float, float]], body: float) -> list[tuple[float, float]]:
    """The lines starting within ``_EDGE`` of the leftmost start among them."""
    edge = min(x for _, x in lines) + _EDGE * body
    return [(y, x) for y, x in lines if x <= edge]


def _weighted_median(pairs: list[tuple[float, float]]) -> float:
    """The value of (value, weight) pairs that half the total weight lies at or under."""
    pairs = sorted(pairs)
    half = sum(w for _, w in pairs) / 2
    total = 0.0
    for value, weight in pairs:
        total += weight
        if total >= half:
            return value
    return pairs[-1][0]


def straightener(content: PageContent, body: float) -> Straight:
    """A box → the box moved sideways by the page's drift at its middle (the page sheared
    straight), or None for a page read as it is (``column_slope`` is 0)."""
    slope = column_slope(content, body)
    if not slope:
        return None
    middle = content.height / 2

    def straight(box: Box) -> Box:
        dx = ((box.y0 + box.y1) / 2 - middle) * slope
        return Box(box.x0 - dx, box.y0, box.x1 - dx, box.y1)
    return straight


def page_drift(straight: Straight, boxes: list[Box]) -> float:
    """How far sideways the slant moves a column's edge from the top of ``boxes`` to their
    foot (0.0 on a page read as it is): how much wider than a gutter the gap between two
    columns' boxes may look, one box high on the page and the other low."""
    if straight is None or not boxes:
        return 0.0
    top, foot = min(b.y0 for b in boxes), max(b.y1 for b in boxes)
    return abs(straight(Box(0.0, top, 0.0, top)).x0 - straight(Box(0.0, foot, 0.0, foot)).x0)
