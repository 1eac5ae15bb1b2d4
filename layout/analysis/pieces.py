"""A title set in pieces far apart on one row, joined (``join_spanned_pieces``): a paper's name
the lines stage cut apart on both sides of its arms. Part of stage 3 (``roles.py``).
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import islice

from ..geometry import Grid, x_overlap, y_overlap
from ..model import Block, Box, Role

# [share of the larger size] how near in size the pieces of one title set far apart on a row
# are; [em of their type] how far under them the text spanning the gap between them starts
_PIECE_SIZE = 0.95
_SPANNED_REACH = 1.0
# [body sizes] the cells of the grids ``join_spanned_pieces`` looks blocks up in
_CELL = 4.0


def join_spanned_pieces(blocks: Sequence[Block], roles: Sequence[Role], marks: Sequence[bool],
                        body: float) -> tuple[list[Block], list[Role], list[bool]]:
    """A title set in pieces far apart on one row, joined: two headlines of one line each, in
    one size (``_PIECE_SIZE``), level (their heights overlapping by more than half the
    shorter's), nothing standing between them on their row, and the next text under them,
    within an em of their type (``_SPANNED_REACH``), running under both across the gap. Two
    headlines side by side each head their own columns, and the text under each is its own;
    a paper's name set on both sides of its arms (``[B]ündner`` ... ``[L]andbote``, the
    imprint and date line across the page under it) is one title the lines stage cut apart,
    for display type is never spaced so loosely (``display.display_apart``). ``marks``: a
    per-block list kept in step with the blocks. The headlines are looked up by row
    (``_Rows``), the text under two by its top (``_text_under``), and only when that text
    spans them the blocks between them, in a grid of ``_CELL`` body sizes: a page of classified
    ads has thousands of one-line headlines, level with others across a column of text.
    """
    heads = [k for k, r in enumerate(roles) if r == "headline" and len(blocks[k].lines) == 1]
    if len(heads) < 2:
        return list(blocks), list(roles), list(marks)
    rows = _Rows([(blocks[k].box, k) for k in heads], body)
    by_top = sorted(range(len(blocks)), key=lambda k: (blocks[k].box.y0, k))
    tops = [blocks[k].box.y0 for k in by_top]
    grid: Grid | None = None  # all blocks, filed once a pair is asked about (few pages have one)
    pairs: dict[int, int] = {}  # left piece -> right piece
    taken: set[int] = set()  # the right pieces
    for i in sorted(heads, key=lambda k: blocks[k].box.x0):
        a = blocks[i]
        for j in rows.right_of(a.box):  # the nearest headline to the right on the row may be a's other piece
            b = blocks[j]
            if j in taken or min(a.size, b.size) < _PIECE_SIZE * max(a.size, b.size) \
                    or y_overlap(a.box, b.box) <= 0.5 * min(a.box.height, b.box.height):
                continue
            row, reach = a.box.union(b.box), _SPANNED_REACH * a.size
            text = _text_under(row, reach, blocks, roles, by_top, tops)
            if text is None or not (text.x0 < a.box.x1 and text.x1 > b.box.x0):
                break  # the nearest headline on the right is no piece of a's: no text spans them
            if grid is None:
                grid = Grid([o.box for o in blocks], _CELL * body)
            if not any(k not in (i, j) and roles[k] != "furniture" and blocks[k].box.x1 > a.box.x1
                       and blocks[k].box.x0 < b.box.x0 and y_overlap(blocks[k].box, row) > 0
                       for k in grid.near(a.box.x1, row.y0, b.box.x0, row.y1)):
                pairs[i] = j  # (a block standing between them leaves them apart)
                taken.add(j)
            break
    if not pairs:
        return list(blocks), list(roles), list(marks)
    joined = {i: replace(blocks[i], lines=blocks[i].lines + blocks[j].lines,
                         box=blocks[i].box.union(blocks[j].box)) for i, j in pairs.items()}
    kept = [k for k in range(len(blocks)) if k not in taken]
    return [joined.get(k, blocks[k]) for k in kept], [roles[k] for k in kept], [marks[k] for k in kept]


def _text_under(row: Box, reach: float, blocks: Sequence[Block], roles: Sequence[Role],
                by_top: Sequence[int], tops: Sequence[float]) -> Box | None:
    """The box of the first block (the one starting highest; of those level, the first given)
    that is no furniture, starts from ``row``'s foot to ``reach`` under it and shares some of its
    width; None if none. ``by_top``: the blocks' indexes sorted by (top, index), ``tops`` their
    tops: the blocks starting in that band are found by bisection, few even on a page of
    thousands."""
    for n in range(bisect_left(tops, row.y1), len(by_top)):
        if tops[n] > row.y1 + reach:
            break
        o = blocks[by_top[n]].box
        if roles[by_top[n]] != "furniture" and x_overlap(o, row) > 0:
            return o
    return None


class _Rows:
    """Boxes (with their indexes) filed in horizontal bands a body size high, each band's
    sorted by x0: those right of a box on its row, nearest first, without a look at the
    rest of the page."""

    def __init__(self, boxes: Sequence[tuple[Box, int]], body: float) -> None:
        self._high = max(body, 1e-6)
        self._bands: dict[int, list[tuple[float, int]]] = {}
        for box, k in boxes:
            for band in self._span(box):
                self._bands.setdefault(band, []).append((box.x0, k))
        for band in self._bands.values():
            band.sort()

    def _span(self, box: Box) -> range:
        return range(math.floor(box.y0 / self._high), math.floor(box.y1 / self._high) + 1)

    def right_of(self, box: Box) -> Iterator[int]:
        """The indexes of the boxes starting right of box (x0 > box.x1) that share a band
        with it (every box overlapping it in height does), by (x0, index)."""
        tails = []
        for band in self._span(box):
            filed = self._bands.get(band)
            if filed:
                tails.append(islice(filed, bisect_right(filed, (box.x1, math.inf)), None))
        last = -1
        for _, k in heapq.merge(*tails):
            if k != last:  # (a box in two bands comes twice, in a row)
                last = k
                yield k
