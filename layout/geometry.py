"""Small pure predicates and helpers on boxes, and the indexes that find boxes near others
(``ByKey``, ``Stripes``, ``Grid``, ``RowSpans``) so that no stage scans every box of the page
per item.

Sketch of the vocabulary (top-left origin, y grows downwards)::

    a ┌──┐            a is above b: a.y1 <= b.y0 (with a tolerance)
      └──┘            x_overlap(a, b) > 0: their x ranges share some width
    b ┌──────┐
      └──────┘
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate

from .model import Box


def union_all(boxes: Iterable[Box]) -> Box:
    """The smallest box holding every box given (at least one)."""
    it = iter(boxes)
    first = next(it)
    x0, y0, x1, y1 = first.x0, first.y0, first.x1, first.y1
    for b in it:  # comparisons in place of min() and max() calls, picking as they do
        if b.x0 < x0:
            x0 = b.x0
        if b.y0 < y0:
            y0 = b.y0
        if b.x1 > x1:
            x1 = b.x1
        if b.y1 > y1:
            y1 = b.y1
    return Box(x0, y0, x1, y1)


def root_of(parent: list[int] | dict[int, int], i: int) -> int:
    """The root of ``i``'s set in a union-find forest (``parent``: each member's parent, a root
    its own), paths halved on the way: items grouped by a relation seen pair by pair (shapes
    that touch, rows stacked, a printed line's pieces) without comparing all pairs again."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def covered_width(boxes: Sequence[Box]) -> float:
    """The width the boxes cover together, side by side (what two of them share counted once)."""
    covered, reach = 0.0, float("-inf")
    for b in sorted(boxes, key=lambda b: b.x0):
        covered += max(0.0, b.x1 - max(b.x0, reach))
        reach = max(reach, b.x1)
    return covered


def x_overlap(a: Box, b: Box) -> float:
    """Width shared by the x ranges of a and b (negative: the gap between them)."""
    # (the comparisons ``min`` and ``max`` make, written out, picking as they do: a call of
    # either costs several times the comparison, and the stages ask this of most pairs of
    # boxes they look at)
    return (b.x1 if b.x1 < a.x1 else a.x1) - (b.x0 if b.x0 > a.x0 else a.x0)


def y_overlap(a: Box, b: Box) -> float:
    """Height shared by the y ranges of a and b (negative: the gap between them)."""
    return (b.y1 if b.y1 < a.y1 else a.y1) - (b.y0 if b.y0 > a.y0 else a.y0)  # (as ``x_overlap``)


# [share of the narrower box's width, as ``x_overlap_ratio`` gives it] two boxes sharing this
# much stand in one column: one under the other reads on down it
SAME_COLUMN = 0.5


def x_overlap_ratio(a: Box, b: Box) -> float:
    """Shared width as a share of the narrower box's width, in [0, 1]."""
    aw, bw = a.x1 - a.x0, b.x1 - b.x0
    narrower = bw if bw < aw else aw  # as min(), max() and x_overlap (a hot spot of blocks)
    shared = (b.x1 if b.x1 < a.x1 else a.x1) - (b.x0 if b.x0 > a.x0 else a.x0)
    return (shared if shared > 0.0 else 0.0) / narrower if narrower > 0 else 0.0


def set_in_over(above: Box, below: Box, indent: float) -> bool:
    """Whether ``below`` starts left of ``above`` by no more than ``indent`` and reaches in under
    it: the next line of a paragraph under its first, set in by an indent, however short (a
    head's last character under its indented first line overlaps it by less than half its
    width: "滨江新区实施老旧小" over "区", scribus_zh_peoples_daily_shuffled)."""
    return below.x0 < above.x0 <= below.x0 + indent and below.x1 > above.x0


def shared_area(a: Box, b: Box) -> float:
    """The area a and b have in common."""
    return max(0.0, x_overlap(a, b)) * max(0.0, y_overlap(a, b))


def mostly_inside(inner: Box, outer: Box, share: float = 0.8) -> bool:
    """True when at least ``share`` of inner's area lies in outer (for a box with no area, a
    rule: its centre)."""
    if inner.area <= 0:
        return center_inside(outer, inner)
    return shared_area(inner, outer) >= share * inner.area


def center_inside(outer: Box, inner: Box) -> bool:
    """True when the centre of inner lies inside outer."""
    return outer.x0 <= inner.cx <= outer.x1 and outer.y0 <= inner.cy <= outer.y1


def crosses_between_vertically(rule: Box, upper: Box, lower: Box, min_share: float = 0.5) -> bool:
    """True when a horizontal rule lies between upper and lower and spans much of their overlap.

    ::

        upper ───────
        ═══════════════   rule
        lower ───────
    """
    if not (upper.y1 - 1 <= rule.cy <= lower.y0 + 1):
        return False
    left, right = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
    if right <= left:
        left, right = min(upper.x0, lower.x0), max(upper.x1, lower.x1)
    shared = min(rule.x1, right) - max(rule.x0, left)
    return shared >= min_share * (right - left)


class ByKey:
    """Boxes sorted by one number of theirs (``key``, say the middle's height): the ones whose
    key lies in a range, found by bisection instead of a scan of them all."""

    def __init__(self, boxes: Sequence[Box], key: Callable[[Box], float]) -> None:
        order = sorted(range(len(boxes)), key=lambda i: key(boxes[i]))
        self._keys = [key(boxes[i]) for i in order]
        self._order = order

    def between(self, low: float, high: float) -> list[int]:
        """Positions (in the list given) of the boxes with low <= key <= high, ascending."""
        return sorted(self._order[bisect_left(self._keys, low):bisect_right(self._keys, high)])


class Stripes:
    """Boxes filed by the vertical stripes of the page they cross (``width`` wide), each
    stripe sorted by a key (a height: a box's foot, a rule's middle)::

        |  s0  |  s1  |  s2  |     a box is filed in every stripe it reaches into;
        | ▭▭▭▭▭▭▭▭▭   |      |     ``highest`` walks the stripes over an x range from a
        |      |  ▭▭  |      |     height upwards, nearest first, and stops each stripe at
        |   ▭▭▭▭▭▭▭▭▭▭▭▭▭    |     its first box accepted

    so "the nearest box above that spans u" costs the boxes between, not every box on the
    page. Boxes may be added as they are placed (``add``). Ids are the caller's, and break
    ties between equal keys: the smallest wins, as the first of a scan in id order would.
    """

    def __init__(self, width: float) -> None:
        self._width = max(width, 1e-6)
        self._stripes: dict[int, list[tuple[float, int]]] = {}

    def add(self, ident: int, box: Box, key: float) -> None:
        """File box under ``ident`` with ``key``."""
        for s in range(self._stripe(box.x0), self._stripe(box.x1) + 1):
            insort(self._stripes.setdefault(s, []), (key, -ident))

    def _stripe(self, x: float) -> int:
        return math.floor(x / self._width)

    def highest(self, x0: float, x1: float, limit: float, accept: Callable[[int], bool],
                strict: bool = False) -> tuple[float, int] | None:
        """(key, id) of the box with the highest key up to ``limit`` (below it when ``strict``)
        among those filed in the stripes from x0 to x1 that ``accept`` takes; on equal keys,
        the smallest id. None when there is none. The stripes hold boxes a little beside the
        range too: ``accept`` must turn away those that do not meet it, as callers' tests of
        overlap do."""
        best: tuple[float, int] | None = None
        stripes, width, floor = self._stripes, self._width, math.floor  # (_stripe, written out: hot)
        bound = (limit, -math.inf) if strict else (limit, math.inf)
        for s in range(floor(x0 / width), floor(x1 / width) + 1):
            items = stripes.get(s)
            if not items:
                continue
            k = bisect_left(items, bound) if strict else bisect_right(items, bound)
            while k:  # downwards from the limit, nearest first
                k -= 1
                key, neg = items[k]
                if best is not None and (key < best[0] or key == best[0] and -neg >= best[1]):
                    break
                if accept(-neg):
                    best = (key, -neg)
                    break
        return best


class Grid:
    """Boxes filed in the square cells (``cell`` wide) of the page they cross: the boxes near a
    rectangle, without a scan of them all."""

    def __init__(self, boxes: Sequence[Box], cell: float) -> None:
        self._cell = max(cell, 1e-6)
        self._cells: dict[tuple[int, int], list[int]] = {}
        self._bounds: tuple[int, int, int, int] | None = None  # the cells filed: x0, y0, x1, y1
        for i, b in enumerate(boxes):
            self.add(i, b)

    def add(self, ident: int, box: Box) -> None:
        """File one more box, under ``ident`` (the next position, for the boxes given)."""
        cell, floor, cells = self._cell, math.floor, self._cells  # _at, written out: hot
        x0, y0, x1, y1 = floor(box.x0 / cell), floor(box.y0 / cell), floor(box.x1 / cell), floor(box.y1 / cell)
        rows = range(y0, y1 + 1)
        for cx in range(x0, x1 + 1):
            for cy in rows:
                key = (cx, cy)
                filed = cells.get(key)
                if filed is None:
                    cells[key] = [ident]
                else:
                    filed.append(ident)
        if self._bounds is None:
            self._bounds = (x0, y0, x1, y1)
            return
        lx, ly, hx, hy = self._bounds
        if x0 < lx or y0 < ly or x1 > hx or y1 > hy:
            self._bounds = (min(lx, x0), min(ly, y0), max(hx, x1), max(hy, y1))

    def _at(self, v: float) -> int:
        return math.floor(v / self._cell)

    def near(self, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        """Positions (in the list given), ascending, of every box that meets the rectangle
        (closed), and perhaps of a few more in the same cells: callers test each."""
        if self._bounds is None:
            return []
        lx, ly, hx, hy = self._bounds
        cells, cell, floor, isinf = self._cells, self._cell, math.floor, math.isinf
        # _clamp, written out: the cells of the rectangle's edges, an infinite edge the bounds'
        top, bottom = ly if isinf(y0) else floor(y0 / cell), hy if isinf(y1) else floor(y1 / cell)
        left, right = lx if isinf(x0) else floor(x0 / cell), hx if isinf(x1) else floor(x1 / cell)
        if top == bottom and left == right:  # one cell (a point, a small box): filed ascending
            filed = cells.get((left, top))
            return [] if filed is None else filed[:]
        rows = range(top if top > ly else ly, (bottom if bottom < hy else hy) + 1)  # (max, min)
        found: set[int] = set()
        for cx in range(left if left > lx else lx, (right if right < hx else hx) + 1):
            for cy in rows:
                filed = cells.get((cx, cy))
                if filed is not None:
                    found.update(filed)
        return sorted(found)

    def outward(self, x: float, y0: float, y1: float, step: int) -> Iterator[tuple[float, list[int]]]:
        """Column by column of cells from the one holding x, leftwards (``step`` -1) or
        rightwards (1), as far as any box is filed: the column's outer edge (its left edge
        going left, its right edge going right) and the boxes (positions, ascending) filed
        in its cells from y0 to y1. A box ending (going left; starting, going right) beyond
        that edge is filed only further out."""
        if self._bounds is None:
            return
        lx, ly, hx, hy = self._bounds
        rows = range(max(ly, self._clamp(y0, ly)), min(hy, self._clamp(y1, hy)) + 1)
        c = self._at(x)
        c = min(c, hx) if step < 0 else max(c, lx)
        while lx <= c <= hx:
            found: set[int] = set()
            for cy in rows:
                found.update(self._cells.get((c, cy), ()))
            yield (c if step < 0 else c + 1) * self._cell, sorted(found)
            c += step

    def _clamp(self, v: float, default: int) -> int:
        return default if math.isinf(v) else self._at(v)


class VerticalRules:
    """Vertical rules sorted by the x of their middles: the rules in a gap are found by
    bisection, not by a look at every rule of the page (a broadsheet has dozens, and every
    gap between two words asks)."""

    def __init__(self, rules: Sequence[Box]) -> None:
        self._rules = sorted(rules, key=lambda r: r.cx)
        self._xs = [r.cx for r in self._rules]

    def __bool__(self) -> bool:
        return bool(self._rules)

    def within(self, x0: float, x1: float) -> bool:
        """True when a rule's middle lies between x=x0 and x=x1, or a point beyond (at any
        height): ``in_gap`` holds for no gap between two boxes in that span otherwise."""
        return bisect_left(self._xs, x0 - 1) < bisect_right(self._xs, x1 + 1)

    def in_gap(self, right: float, b: Box) -> bool:
        """True when a vertical rule stands in the gap between x=right and box b, level with
        b's middle (a point of slack either side)."""
        xs = self._xs
        return any(s.y0 <= b.cy <= s.y1 for s in
                   self._rules[bisect_left(xs, right - 1):bisect_right(xs, b.x0 + 1)])


class RowSpans:
    """A row's items (words, sorted by x0; ``boxes`` by their ids) reaching into an x range:
    bisection, running max of ends. Filed when first asked: most rows never are (the lines
    stage looks around only at a wide gap)."""

    def __init__(self, row: Sequence[object], boxes: dict[int, Box]) -> None:
        self.row, self.boxes = row, boxes
        self.cy = boxes[id(row[0])].cy  # the first word's middle: how far the row is
        self.starts: list[float] = []
        self.reach: list[float] = []

    def around(self, left: float, right: float) -> tuple[int, int]:
        """(k, end): ``row[k + 1:end + 1]`` holds every word starting before right and ending
        after left (and perhaps a few more). Its first does end after left (no end before it
        does): when k < end, the least x0 of the words reaching in is ``starts[k + 1]``, and
        the greatest x1 ``reach[end]``."""
        if not self.starts:
            self.starts = [self.boxes[id(w)].x0 for w in self.row]
            self.reach = list(accumulate((self.boxes[id(w)].x1 for w in self.row), max))
        end = bisect_left(self.starts, right) - 1
        return bisect_right(self.reach, left, 0, end + 1) - 1, end  # (reach never falls)
