"""The page's frames (drawn or tinted boxes) or its figures, as the block stage asks of them:
which frame holds a line (``Frames.of``: lines of two frames never join), and which lines just
under a frame's foot are its text run past it (``held_under_foot``: a box drawn shorter than its
text). Frames are filed in a grid when there are many, so a line's question costs the frames
around it, not all.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..geometry import Grid, union_all, x_overlap_ratio
from ..model import Box, Line

# [frames] a page's frames or figures are filed in a grid (``Frames``) from this many on
_FILED = 16
# [sizes] a line this close under a frame's foot may be its text run past it (``Frames.overran``)
_OVERRUN = 0.5
# [share of the narrower line] a frame's line over a line under its foot is in its column when
# they overlap this much (as two lines of one block do, ``blocks``)
_IN_COLUMN = 0.5


class Frames:
    """The page's frames (drawn or tinted boxes), or its figures, filed in a grid of cells a
    fortieth of their extent wide: which one holds a point costs the boxes around it, not all.
    Fewer than ``_FILED`` are scanned instead: a figure across the page fills up to 1,600
    cells (a third of a millisecond, a tenth of the floor on a page of a few lines)."""

    def __init__(self, frames: Sequence[Box]) -> None:
        self._frames = frames
        self._grid: Grid | None = None
        if len(frames) >= _FILED:
            extent = union_all(frames)
            self._grid = Grid(frames, max(extent.width, extent.height) / 40)

    def of(self, box: Box) -> int | None:
        """Index of the largest frame holding the centre of box, or None.

        The largest, so that a sidebar's tinted title bar and its outline are one frame.
        """
        if not self._frames:  # (most pages' figures, many pages' frames: asked of every line)
            return None
        best, best_area = None, 0.0
        cx, cy = box.cx, box.cy
        for i in range(len(self._frames)) if self._grid is None else self._grid.near(cx, cy, cx, cy):
            f = self._frames[i]
            if f.x0 <= cx <= f.x1 and f.y0 <= cy <= f.y1 and f.area > best_area:
                best, best_area = i, f.area
        return best

    def overran(self, line: Line) -> int | None:
        """Index of a frame the line (in none) may have overrun: inside it across and its top
        under its foot, both within ``_OVERRUN`` of its size (an opening quotation mark may
        hang past the side). ``held_under_foot`` asks whether it goes on with its text."""
        if line.vertical or not self._frames:
            return None
        b, reach = line.box, _OVERRUN * line.size
        for i in range(len(self._frames)) if self._grid is None else self._grid.near(b.x0, b.y0 - reach,
                                                                                      b.x1, b.y0):
            f = self._frames[i]
            if f.x0 - reach <= b.x0 and b.x1 <= f.x1 + reach and f.y1 <= b.cy and b.y0 <= f.y1 + reach:
                return i
        return None


def held_under_foot(lines: list[Line], frame: dict[int, int | None], frames: Frames) -> None:
    """Give a frame (``frame``: per line, its frame's index) each line just under its foot
    (``Frames.overran``) no further under the frame's line above than that is under the one above,
    plus ``_OVERRUN`` of its size (a crosshead's space), unless a line closer below starts nearer
    its start than that frame's line: it heads the text going on below (groff's box over a column's
    first line). LaTeX's People's Daily box runs its foot through its columns' last lines."""
    for ln, i in [(ln, i) for ln in lines if frame[id(ln)] is None and (i := frames.overran(ln)) is not None]:
        b = ln.box
        column = sorted((m.box for m in lines if frame[id(m)] == i and m.box.y1 <= b.y0 + _OVERRUN * ln.size
                         and x_overlap_ratio(m.box, b) >= _IN_COLUMN), key=lambda m: m.y1)
        if len(column) >= 2 and (over := b.y0 - column[-1].y1) <= column[-1].y0 - column[-2].y1 + _OVERRUN * ln.size and not any(
                frame[id(m)] is None and 0 <= m.box.y0 - b.y1 < over and abs(m.box.x0 - b.x0) < abs(column[-1].x0 - b.x0) for m in lines):
            frame[id(ln)] = i
