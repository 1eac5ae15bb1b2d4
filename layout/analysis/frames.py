"""The page's frames (drawn or tinted boxes) or its figures, as the block stage asks of them:
which frame holds a line (``Frames.of``: lines of two frames never join), and which lines just
under a frame's foot are its text run past it (``held_under_foot``: a box drawn shorter than its
text). Frames are filed in a grid when there are many, so a line's question costs the frames
around it, not all.
"""

from __future__ import annotations

from collections.abc import Sequence

import math
from bisect import bisect_left, bisect_right, insort

from ..geometry import SAME_COLUMN, Grid, union_all, x_overlap_ratio
from ..model import Box, Line

# [frames] a page's frames or figures are filed in a grid (``Frames``) from this many on
_FILED = 16
# [sizes] a line this close under a frame's foot may be its text run past it (``Frames.overran``)
_OVERRUN = 0.5


class Frames:
    """The page's frames (drawn or tinted boxes), or its figures, filed in a grid of cells a
    fortieth of their extent wide: which one holds a point costs the boxes around it, not all.
    Fewer than ``_FILED`` are scanned instead: a figure across the page fills up to 1,600
    cells (a third of a millisecond, a tenth of the floor on a page of a few lines). Their
    feet are also kept sorted: a line under no frame's foot (most) overran none, found by
    bisection (``overran``)."""

    def __init__(self, frames: Sequence[Box]) -> None:
        self._frames = frames
        self._areas = [f.area for f in frames]  # (asked of each frame near every line)
        self._grid: Grid | None = None
        if len(frames) >= _FILED:
            extent = union_all(frames)
            self._grid = Grid(frames, max(extent.width, extent.height) / 40)
        self._by_foot = sorted((f.y1, i) for i, f in enumerate(frames))
        self._feet = [foot for foot, _ in self._by_foot]

    def of(self, box: Box) -> int | None:
        """Index of the largest frame holding the centre of box, or None.

        The largest, so that a sidebar's tinted title bar and its outline are one frame.
        """
        frames = self._frames
        if not frames:  # (most pages' figures, many pages' frames: asked of every line)
            return None
        best, best_area, areas = None, 0.0, self._areas
        cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2  # (``Box.cx``, ``Box.cy``: hot)
        for i in range(len(frames)) if self._grid is None else self._grid.near(cx, cy, cx, cy):
            f = frames[i]
            if f.x0 <= cx <= f.x1 and f.y0 <= cy <= f.y1 and areas[i] > best_area:
                best, best_area = i, areas[i]
        return best

    def overran(self, line: Line) -> int | None:
        """Index of a frame the line (in none) may have overrun: inside it across and its top
        under its foot, both within ``_OVERRUN`` of its size (an opening quotation mark may
        hang past the side); the first such frame as given. Only frames whose foot lies from
        that reach over the line's top down to its middle can be: found by bisection of the
        feet. ``held_under_foot`` asks whether it goes on with its text."""
        if line.vertical or not self._frames:
            return None
        b, reach = line.box, _OVERRUN * line.size
        # (a band twice as deep: the test below, as written, is the one that decides)
        low, high = bisect_left(self._feet, b.y0 - 2 * reach), bisect_right(self._feet, b.cy)
        if low >= high:  # (most lines: no foot there)
            return None
        found = [i for _, i in self._by_foot[low:high] if (f := self._frames[i]).x0 - reach <= b.x0
                 and b.x1 <= f.x1 + reach and f.y1 <= b.cy and b.y0 <= f.y1 + reach]
        return min(found, default=None)


def held_under_foot(lines: list[Line], frame: dict[int, int | None], frames: Frames) -> None:
    """Give a frame (``frame``: per line, its frame's index) each line just under its foot
    (``Frames.overran``) no further under the frame's line above than that is under the one above,
    plus ``_OVERRUN`` of its size (a crosshead's space), unless a line closer below starts nearer
    its start than that frame's line: it heads the text going on below (groff's box over a column's
    first line). LaTeX's People's Daily box runs its foot through its columns' last lines.

    The lines are looked up by their foot per frame and by their top outside all (kept sorted as
    lines join a frame), so an overrun line costs the lines around it, not all of the page's."""
    overran = [(k, i) for k, ln in enumerate(lines)
               if frame[id(ln)] is None and (i := frames.overran(ln)) is not None]
    if not overran:
        return
    feet: dict[int, list[tuple[float, int]]] = {}  # per frame, (foot, index) of its lines
    for k, ln in enumerate(lines):
        if frame[id(ln)] is not None:
            feet.setdefault(frame[id(ln)], []).append((ln.box.y1, k))
    for column in feet.values():
        column.sort()
    tops = sorted((ln.box.y0, k) for k, ln in enumerate(lines) if frame[id(ln)] is None)
    for k, i in overran:
        ln = lines[k]
        b = ln.box
        above = _two_above(lines, feet.get(i, []), b, b.y0 + _OVERRUN * ln.size)
        if len(above) < 2 or (over := b.y0 - above[0].y1) > above[0].y0 - above[1].y1 + _OVERRUN * ln.size:
            continue
        if _heads_below(lines, tops, b, over, abs(above[0].x0 - b.x0)):
            continue
        frame[id(ln)] = i
        insort(feet.setdefault(i, []), (b.y1, k))
        del tops[bisect_left(tops, (b.y0, k))]


def _two_above(lines: list[Line], feet: list[tuple[float, int]], b: Box, limit: float) -> list[Box]:
    """The boxes of the last two lines (by foot, ``feet``: sorted (foot, index) of one frame's
    lines) whose foot is at most ``limit`` and which stand in one column with ``b``, lowest first."""
    found: list[Box] = []
    for n in range(bisect_right(feet, (limit, math.inf)) - 1, -1, -1):
        m = lines[feet[n][1]].box
        if x_overlap_ratio(m, b) >= SAME_COLUMN:
            found.append(m)
            if len(found) == 2:
                break
    return found


def _heads_below(lines: list[Line], tops: list[tuple[float, int]], b: Box, over: float,
                 start: float) -> bool:
    """Whether a line in no frame (``tops``: sorted (top, index) of those) starts under ``b``,
    less than ``over`` below its foot, less than ``start`` from its start across."""
    n = bisect_left(tops, (b.y1, -1))
    while n < len(tops):
        m = lines[tops[n][1]].box
        if not m.y0 - b.y1 < over:
            return False
        if abs(m.x0 - b.x0) < start:
            return True
        n += 1
    return False
