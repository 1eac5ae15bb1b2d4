"""The spatial indexes of ``layout.geometry``, and the column grid's look-up, answer exactly what a
scan of every box would."""

from __future__ import annotations

import random

import pytest

from layout.analysis.columns import Column
from layout.analysis.columns import Grid as Columns
from layout.geometry import ByKey, Grid, Stripes, VerticalRules, x_overlap, y_overlap
from layout.model import Box


def boxes(seed: int, n: int = 300, size: float = 1000) -> list[Box]:
    """Random boxes, some wide, some thin, some of no width, with repeated coordinates."""
    r = random.Random(seed)
    out = []
    for _ in range(n):
        x0, y0 = round(r.uniform(0, size)), round(r.uniform(0, size))
        w = r.choice([0, 1, 5, 40, 300])
        h = r.choice([0, 2, 10, 60])
        out.append(Box(x0, y0, x0 + w, y0 + h))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_by_key_finds_the_boxes_with_their_key_in_the_range(seed):
    bs = boxes(seed)
    index = ByKey(bs, lambda b: b.cy)
    r = random.Random(seed)
    for _ in range(100):
        lo = r.uniform(-10, 1000)
        hi = lo + r.choice([0, 1, 30, 500])
        assert index.between(lo, hi) == [i for i, b in enumerate(bs) if lo <= b.cy <= hi]


@pytest.mark.parametrize("seed", range(5))
def test_grid_finds_every_box_meeting_a_rectangle(seed):
    bs = boxes(seed)
    grid = Grid(bs, 37.0)
    added = Grid((), 37.0)
    for i, b in enumerate(bs):
        added.add(i, b)
    r = random.Random(seed)
    for _ in range(100):
        x0, y0 = r.uniform(-50, 1000), r.uniform(-50, 1000)
        q = (x0, y0, x0 + r.choice([0, 3, 80, 600]), y0 + r.choice([0, 3, 80, 600]))
        meets = [i for i, b in enumerate(bs)
                 if b.x0 <= q[2] and b.x1 >= q[0] and b.y0 <= q[3] and b.y1 >= q[1]]
        found = grid.near(*q)
        assert found == sorted(set(found)) and set(meets) <= set(found)
        assert added.near(*q) == found
    # far off the page, and unbounded on one axis
    assert grid.near(5000, 5000, 6000, 6000) == []
    assert set(grid.near(float("-inf"), 100, float("inf"), 100)) >= {
        i for i, b in enumerate(bs) if b.y0 <= 100 <= b.y1}


def brute_highest(bs, x0, x1, limit, accept, strict):
    """The highest key up to limit among boxes meeting [x0, x1] that accept takes, smallest id."""
    best = None
    for i, b in enumerate(bs):
        key = b.y1
        if (key < limit if strict else key <= limit) and b.x0 <= x1 and b.x1 >= x0 and accept(i):
            if best is None or key > best[0]:
                best = (key, i)
    return best


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("strict", [False, True])
def test_stripes_find_the_nearest_accepted_box_above(seed, strict):
    bs = boxes(seed)
    stripes = Stripes(25.0)
    for i, b in enumerate(bs):
        stripes.add(i, b, b.y1)
    r = random.Random(seed)
    for _ in range(150):
        u = bs[r.randrange(len(bs))]
        limit = u.y0 + r.choice([0, 5])
        # what callers ask: a share of the width in common, or (any test) some of it
        accept = (lambda i, u=u: x_overlap(bs[i], u) >= 0.5 * min(bs[i].width, u.width)) \
            if r.random() < 0.5 else (lambda i, u=u: i % 3 != 0 and x_overlap(bs[i], u) >= 0)
        assert stripes.highest(u.x0, u.x1, limit, accept, strict=strict) == \
            brute_highest(bs, u.x0, u.x1, limit, accept, strict)


def test_stripes_break_ties_by_the_smallest_id_whatever_the_order_added():
    stripes = Stripes(10.0)
    for i in (5, 2, 9):
        stripes.add(i, Box(0, 0, 30, 50), 50.0)
    stripes.add(1, Box(0, 0, 30, 40), 40.0)
    assert stripes.highest(0, 30, 60, lambda i: True) == (50.0, 2)
    assert stripes.highest(0, 30, 60, lambda i: i != 2) == (50.0, 5)
    assert stripes.highest(0, 30, 50, lambda i: True, strict=True) == (40.0, 1)
    assert stripes.highest(100, 130, 60, lambda i: True) is None


@pytest.mark.parametrize("seed", range(5))
def test_grid_outward_finds_the_nearest_box_on_each_side_of_a_band(seed):
    """Walking the columns of cells outwards and stopping at the first column whose edge the
    best end found passes gives the nearest box on that side, as a scan of all would."""
    bs = boxes(seed)
    grid = Grid(bs, 37.0)
    r = random.Random(seed)
    for _ in range(100):
        x, y0 = r.uniform(-50, 1100), r.uniform(0, 1000)
        y1 = y0 + r.choice([0, 5, 50])
        band = [i for i, b in enumerate(bs) if b.y0 <= y1 and b.y1 >= y0]
        left = None
        for edge, near in grid.outward(x, y0, y1, -1):
            ends = [bs[i].x1 for i in near if bs[i].x1 <= x and i in band]
            left = max(ends + ([left] if left is not None else []), default=None)
            if left is not None and left >= edge:
                break
        assert left == max((bs[i].x1 for i in band if bs[i].x1 <= x), default=None)
        right = None
        for edge, near in grid.outward(x, y0, y1, 1):
            starts = [bs[i].x0 for i in near if bs[i].x0 >= x and i in band]
            right = min(starts + ([right] if right is not None else []), default=None)
            if right is not None and right <= edge:
                break
        assert right == min((bs[i].x0 for i in band if bs[i].x0 >= x), default=None)


@pytest.mark.parametrize("seed", range(5))
def test_vertical_rules_in_a_gap_are_those_a_scan_of_every_rule_finds(seed):
    r = random.Random(seed)
    rules = []
    for _ in range(60):
        x, y = round(r.uniform(0, 1000)), round(r.uniform(0, 1000))
        rules.append(Box(x, y, x + r.choice([0, 1]), y + r.choice([5, 200])))
    index = VerticalRules(rules)
    assert index and not VerticalRules([])
    found = 0
    for _ in range(500):
        right, top = round(r.uniform(0, 1000)), round(r.uniform(0, 1000))
        b = Box(right + r.choice([0, 1, 3, 20]), top, right + 40, top + 10)  # the word after the gap
        scan = any(right - 1 <= s.cx <= b.x0 + 1 and s.y0 <= b.cy <= s.y1 for s in rules)
        assert index.in_gap(right, b) == scan
        found += scan
    assert found  # some gaps hold a rule


@pytest.mark.parametrize("seed", range(5))
def test_column_grid_finds_the_first_column_holding_a_centre(seed):
    """``columns.Grid.index_of`` (a bisection on the running maximum of right edges) answers as
    a scan of the columns, left to right, would: overlapping, nested, touching and empty
    columns among them."""
    r = random.Random(seed)
    for _ in range(200):
        columns = []
        for _ in range(r.randint(0, 12)):
            x0 = round(r.uniform(0, 100))
            columns.append(Column(x0, x0 + r.choice([0, 5, 20, 60])))
        grid = Columns(tuple(sorted(columns, key=lambda c: c.x0)))
        for _ in range(30):
            x = r.choice([round(r.uniform(-10, 170)), r.uniform(-10, 170)])
            box = Box(x - 2, 0, x + 2, 1)
            scan = next((i for i, c in enumerate(grid.columns) if c.x0 <= box.cx <= c.x1), None)
            assert grid.index_of(box) == scan


@pytest.mark.parametrize("seed", range(3))
def test_overlaps_are_what_min_and_max_give(seed):
    """``x_overlap`` and ``y_overlap`` compare in place of calling ``min`` and ``max`` (hot):
    the same numbers, ties and boxes of no width included."""
    bs = boxes(seed, n=120, size=200)
    for a in bs:
        for b in bs:
            assert x_overlap(a, b) == min(a.x1, b.x1) - max(a.x0, b.x0)
            assert y_overlap(a, b) == min(a.y1, b.y1) - max(a.y0, b.y0)
