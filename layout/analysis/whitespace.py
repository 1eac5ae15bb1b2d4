"""The page's white space, followed down the page: the strips ``gutters`` judges.

The page is cut into thin horizontal slices (half a body size high), each slice's free
x-intervals are found (where no word and no picture is), and the free intervals are followed
down the page slice by slice, each strip narrowing to what stays free (a sort and a sweep:
linear in the words). A strip that ends is measured (``stripmeasure.measure``: a ``Strip``):
its core, its height, and the boxes that stand beside it, how well their edges align and how
densely they line it.

The sweep is the innermost loop of the line stage on every page (a slice holds every word
space of the lines it crosses, and each is followed until it closes), so it works on plain
tuples and floats, and picks minima and maxima with comparisons as ``min`` and ``max`` would
(or with them, over ``map``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

from ..model import Box
from .stripmeasure import LARGE, MIN_COLUMN, MIN_WIDTH, SLICE, Free, Strip, measure

# [share of a slice] a box must reach this share of a slice into it to fill it
_REACH = 0.3
# [body sizes] a strip shorter is never a gutter (a space in a line or two): not measured
SHORT = 3.0
# (``stripmeasure.MIN_COLUMN``: a column's least width, a new strip where white that wide narrows)
# [share of its width] white space much wider than a strip going on in it (the strip narrower
# than this share of it) starts a strip of its own too
NARROWING = 0.5
# [body sizes] a strip goes on through a pinch this long (a slice where the white space left
# is narrower than ``MIN_WIDTH`` but not shut: Chinese punctuation hanging into the gutter)
_PINCH = 1.5


# A box's span in a slice: its x0, x1, index and height, the box as the free interval on its
# left and on its right sees it (``Free``: made once a box, not once a slice), and whether it
# is no taller than large type (``LARGE``). Sorted, the spans of a slice are in x0 order.
_Span = tuple[float, float, int, float, tuple[int, float, float], tuple[int, float, float], bool]


@dataclass(eq=False, slots=True)
class _Open:
    """A strip being followed down the page: its running extent, the slice it started in, and
    the free interval it went through in each slice since (a line's word fills two or three)."""

    x0: float
    x1: float
    start: int
    slices: list[Free] = field(default_factory=list)
    pinched: int = 0

    @property
    def run(self) -> tuple[int, float]:
        return self.start, self.slices[0][0]

    def split(self) -> _Open:
        return _Open(self.x0, self.x1, self.start, list(self.slices), self.pinched)


def white_strips(boxes: Sequence[Box], body: float, shortest: float = SHORT,
                 fewest: int = 0) -> list[Strip]:
    """Every strip of white space among ``boxes`` at least ``MIN_WIDTH`` wide and ``shortest``
    body sizes high (``SHORT``, or more when the caller wants tall strips only: shorter ones
    are followed all the same, for they may merge with the others, but never measured),
    followed slice by slice, measured. A strip with fewer than ``fewest`` boxes beside it on
    one side, all down its length, is left unmeasured too (the caller wants none beside fewer
    lines, and no part of it can have more: a strip along the page's margin has none)."""
    h = SLICE * body
    top = min(map(_Y0, boxes))
    left, right = min(map(_X0, boxes)) - 1, max(map(_X1, boxes)) + 1
    n = int((max(map(_Y1, boxes)) - top) / h) + 1
    filled: list[list[_Span]] = [[] for _ in range(n)]
    reach = _REACH * h
    final = n - 1  # the last slice
    narrow, tall = MIN_WIDTH * body, LARGE * body
    for i, b in enumerate(boxes):
        x0, y0, x1, y1 = b.x0, b.y0, b.x1, b.y1
        height = y1 - y0  # b.height, without the property's call
        pad = height / 3 if height / 3 < reach else reach  # min(reach, height / 3)
        first, last = int((y0 + pad - top) / h), int((y1 - pad - top) / h)
        span = (x0, x1, i, height, (i, x0, height), (i, x1, height), height <= tall)
        for k in range(first if first > 0 else 0, (last if last < final else final) + 1):  # clamped
            filled[k].append(span)
    done: list[Strip] = []
    open_: list[_Open] = []
    before: list[_Span] = []
    for k, spans in enumerate(filled):
        spans.sort()
        if spans == before and not any(s.pinched for s in open_):
            # The slice above again (the same boxes: a line crossed by both): every strip goes
            # on whole in the free interval it took there, and none starts (``_follow``, which
            # left each strip inside one interval at least ``narrow`` wide, keys apart).
            for s in open_:
                s.slices.append(s.slices[-1])
            continue
        open_ = _follow(open_, _free(spans, left, right), k, narrow, done, top, h,
                        (shortest, fewest))
        before = spans
    for s in open_:
        done += _closed(s, n, top, h, (shortest, fewest))
    return done


def _free(spans: list[_Span], left: float, right: float) -> list[Free]:
    """The free intervals of one slice (its spans sorted), sorted by x0."""
    out, reach, edge, small, inf = [], left, None, False, math.inf
    for x0, x1, _, _, at_left, at_right, fits in spans:
        if x0 > reach:
            if edge is None:
                out.append((reach, x0, None, at_left, x0 - reach, -inf, x0, fits))
            else:
                out.append((reach, x0, edge, at_left, x0 - reach, reach, x0, small and fits))
        if x1 > reach:
            reach, edge, small = x1, at_right, fits
    if edge is None:
        out.append((reach, right, None, None, right - reach, -inf, inf, False))
    else:
        out.append((reach, right, edge, None, right - reach, reach, inf, small))
    return out


def _follow(open_: list[_Open], free: list[Free], k: int, narrow: float, done: list[Strip],
            top: float, h: float, wanted: tuple[float, int]) -> list[_Open]:
    """The strips open after slice k: each open strip narrowed to the free intervals of the
    slice (it may split, or end), and the free intervals that no strip goes on in, as new
    ones. Both lists are sorted by x0, so this is a sweep. Of two strips run into one the
    younger ends unmeasured: strips only narrow, so it was in the older one's white all its
    life (a step of the white beside a ragged column's short lines, nested in a gutter's)."""
    nxt: dict[tuple[float, float], _Open] = {}
    count = len(free)
    starts = [*map(_START, free), math.inf]  # (none after the last)
    ends = list(map(_END, free))
    used = [False] * count
    wide = MIN_COLUMN * h / SLICE
    pinch = _PINCH / SLICE
    setdefault = nxt.setdefault
    # the interval i the sweep stands at, its start a, end e, and the narrowest strip in it
    # that takes it (``NARROWING``): read once an interval, not once a strip
    i, a, e, fill, at = 0, starts[0], ends[0], NARROWING * (ends[0] - starts[0]), free[0]
    for s in open_:
        sx0, sx1 = s.x0, s.x1
        if e <= sx0:  # (the last interval ends at the page's right, past every strip)
            i += 1
            while ends[i] <= sx0:
                i += 1
            a, e, at = starts[i], ends[i], free[i]
            fill = NARROWING * (e - a)
        if a <= sx0 and sx1 <= e:
            # The common case, the general one below written out: the strip goes on whole in
            # one free interval (its one piece is itself, at least ``narrow`` wide as every
            # open strip is; it neither narrows nor splits; the next interval starts past e).
            key = (sx0, sx1)
            older = setdefault(key, s)
            if older is not s:
                if older.start <= s.start:  # (the younger unmeasured: ``_follow``)
                    done += _closed(s, k, top, h, wanted) if older.start == s.start else []
                    continue
                nxt[key] = s
            if sx1 - sx0 >= fill:
                used[i] = True
            if s.pinched:
                s.pinched = 0
            s.slices.append(at)
            continue
        j, pieces, touching = i, [], -1
        while j < count:
            fa = starts[j]
            if not fa < sx1:
                break
            fb = ends[j]
            x0 = sx0 if sx0 > fa else fa  # max(fa, sx0), min(fb, sx1): the part in the strip
            x1 = sx1 if sx1 < fb else fb
            if x1 - x0 >= narrow:
                pieces.append((j, x0, x1))
            elif touching < 0:
                touching = j
            j += 1
        if not pieces:
            if touching >= 0 and s.pinched < pinch:  # through a pinch, as wide as it was
                s.slices.append(free[touching])
                s.pinched += 1
                nxt.setdefault((sx0, sx1), s)
            else:
                done += _closed(s, k, top, h, wanted)
            continue
        width = sx1 - sx0
        if width >= wide and all(x1 - x0 < NARROWING * width for _, x0, x1 in pieces):
            done += _closed(s, k, top, h, wanted)  # a column's width of white space ends in a gutter
            continue
        last = len(pieces) - 1
        for n, (j, x0, x1) in enumerate(pieces):
            key = (x0, x1)
            older = nxt.get(key)
            if older is not None:  # two strips run into one: the younger ends here, unmeasured
                if older.start <= s.start:  # (split ones, as they stand: closing reads, never changes)
                    done += _closed(s, k, top, h, wanted) if older.start == s.start else []
                    continue
            if not used[j] and x1 - x0 >= NARROWING * (ends[j] - starts[j]):
                used[j] = True
            piece = s if n == last else s.split()
            piece.x0, piece.x1, piece.pinched = x0, x1, 0
            piece.slices.append(free[j])
            nxt[key] = piece
    for j in range(count):
        if not used[j]:
            a, b = starts[j], ends[j]
            if b - a >= narrow and (a, b) not in nxt:
                nxt[(a, b)] = _Open(a, b, k, [free[j]])
    return [nxt[key] for key in sorted(nxt)] if len(nxt) > 1 else list(nxt.values())


def _closed(s: _Open, end: int, top: float, h: float, wanted: tuple[float, int]) -> list[Strip]:
    """The strip as it stands, measured (``stripmeasure.measure``); ``wanted``: the shortest
    strip measured, in body sizes, and the fewest boxes beside it on either side (those of
    ``white_strips``). One shorter (``SHORT``: word spaces of a line or two, never a gutter), or
    beside fewer boxes, is dropped unmeasured."""
    shortest, fewest = wanted
    if end - s.start < shortest / SLICE or fewest and _beside_fewer(s.slices, fewest):
        return []
    return measure(s.slices, s.start, end, top, h, shortest, s.run)


def _beside_fewer(slices: list[Free], fewest: int) -> bool:
    """Whether fewer than ``fewest`` boxes stand beside the slices' free intervals on their left
    or on their right (None at the margin): no part of the strip has more beside it
    (``Strip.lines``). Each side is looked at until ``fewest`` are seen (a few slices, down
    a column's lines; all of them along the page's margin)."""
    for side in (2, 3):  # (a free interval's box on its left, on its right)
        beside = {None}
        for f in slices:
            beside.add(f[side])
            if len(beside) > fewest:
                break
        else:
            return True
    return False


# The start and the end of a free interval, taken by ``map`` in ``_follow``; a box's edges
_START, _END = itemgetter(0), itemgetter(1)
_X0, _Y0, _X1, _Y1 = (attrgetter(edge) for edge in ("x0", "y0", "x1", "y1"))
