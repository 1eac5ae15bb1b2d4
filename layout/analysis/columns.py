"""Stage 4: the page's column grid, from the left and right edges of body lines.

Body lines' left edges are clustered in one dimension: sorted, then cut wherever two
neighbouring edges lie more than ``Params.column_tolerance`` em apart; each run of at least
``_MIN_LINES`` edges is a column's left edge, its right edge the typical right end of the
run's lines. (This is what DBSCAN does on one axis, as a sort and a sweep.) Only lines that
fill most of the typical column width take part, so indented first lines and short last
lines do not make false columns.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from statistics import median

from ..model import Block, Box, Line
from ..params import Params

# A column needs at least this many full body lines to count.
_MIN_LINES = 3


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the grid: its horizontal extent."""

    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class Grid:
    """The page's columns, left to right (by left edge, as ``find_grid`` makes them).

    ``_reach`` is the running maximum of their right edges: the column holding a point is
    found by bisection, not by a look at every column (a wide page has dozens, and every
    block asks)."""

    columns: tuple[Column, ...]
    _reach: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_reach", tuple(accumulate((c.x1 for c in self.columns), max)))

    def index_of(self, box: Box) -> int | None:
        """The first column holding box's centre, or None. The first whose right edge reaches
        the centre is where the running maximum first does; no column before it holds the
        centre, and none after it when it starts right of the centre (they start further)."""
        cx = box.cx
        i = bisect_left(self._reach, cx)
        if i < len(self.columns) and self.columns[i].x0 <= cx <= self.columns[i].x1:
            return i
        return None


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
