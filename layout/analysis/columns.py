"""Stage 4: the page's column grid, from the left and right edges of body lines.

Body lines' left edges are clustered in one dimension: sorted, then cut wherever two
neighbouring edges lie more than ``Params.column_tolerance`` em apart; each run of at least
``_MIN_LINES`` edges is a column's left edge, its right edge the typical right end of the
run's lines. (This is what DBSCAN does on one axis, as a sort and a sweep.) Only lines that
fill most of the typical column width take part, so indented first lines and short last
lines do not make false columns.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from statistics import median

from ..model import Block, Box, Line
from ..params import Params

# A column needs at least this many full body lines to count.
_MIN_LINES = 3
# [share of a box's width] a box reaching over a gutter into the next column by no more than
# this still stands in the column holding the rest of it (``Grid.held``)
_OVERHANG = 0.1


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the grid: its horizontal extent."""

    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class Grid:
    """The page's columns, left to right (by left edge, as ``find_grid`` makes them).

    ``_reach`` is the running maximum of their right edges, ``_starts`` their left edges: the
    column holding a point, or an edge, is found by bisection, not by a look at every column
    (a wide page has dozens, and every block asks)."""

    columns: tuple[Column, ...]
    _reach: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _starts: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_reach", tuple(accumulate((c.x1 for c in self.columns), max)))
        object.__setattr__(self, "_starts", tuple(c.x0 for c in self.columns))

    def index_of(self, box: Box) -> int | None:
        """The first column holding box's centre, or None. The first whose right edge reaches
        the centre is where the running maximum first does; no column before it holds the
        centre, and none after it when it starts right of the centre (they start further)."""
        cx = box.cx
        i = bisect_left(self._reach, cx)
        if i < len(self.columns) and self.columns[i].x0 <= cx <= self.columns[i].x1:
            return i
        return None

    def held(self, box: Box) -> Box:
        """The box with an edge that reaches over a gutter into the neighbouring column by
        no more than ``_OVERHANG`` of its width drawn back to the middle of that gutter.

        On a skewed scan a block's box may reach a body size or two over the gutter into
        the column beside it (a word boxed off its line, the slant): it still belongs to the
        column holding most of it, and must not join the two columns in the reading order
        (Coloured News 1855 p4: a column-two block 93 px into column one had column one read
        to that block's foot, then column two's top, then the rest of column one). The
        columns are found by bisection on their left edges, sorted as ``find_grid`` makes
        them; only a gutter (the next column starting right of this one's end) counts."""
        cols, share = self.columns, _OVERHANG * box.width
        x0, x1 = box.x0, box.x1
        i = bisect_right(self._starts, x0) - 1  # the last column starting at or left of x0
        if 0 <= i < len(cols) - 1:
            here, there = cols[i], cols[i + 1]
            if here.x1 < there.x0 < x1 and 0 < here.x1 - x0 <= share:
                x0 = (here.x1 + there.x0) / 2
        j = bisect_left(self._starts, x1)  # the first column starting at or right of x1
        if 0 < j - 1 and j - 1 < len(cols):
            here, there = cols[j - 2], cols[j - 1]
            if x0 < here.x1 < there.x0 and 0 < x1 - there.x0 <= share:
                x1 = (here.x1 + there.x0) / 2
        return box if (x0, x1) == (box.x0, box.x1) else Box(x0, box.y0, x1, box.y1)


def find_grid(blocks: Sequence[Block], body: float, params: Params) -> Grid:
    """Cluster full body lines' left edges into columns."""
    lines = [ln for b in blocks if b.role == "body" for ln in b.lines if not ln.vertical]
    if len(lines) < _MIN_LINES:
        return Grid(())
    least = 0.8 * median(ln.box.width for ln in lines)
    full = sorted((ln for ln in lines if ln.box.width >= least), key=lambda ln: ln.box.x0)
    gap = params.column_tolerance * body
    runs: list[list[Line]] = []
    for ln in full:
        if not runs or ln.box.x0 - runs[-1][-1].box.x0 > gap:
            runs.append([])
        runs[-1].append(ln)
    columns = [Column(median(ln.box.x0 for ln in run), median(ln.box.x1 for ln in run))
               for run in runs if len(run) >= _MIN_LINES]
    return Grid(tuple(columns))
