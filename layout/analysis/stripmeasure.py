"""The measures of a strip of white space once it is closed (``whitespace`` follows it down
the page slice by slice, keeping the free interval it went through in each): its core, its
parts (cut at a blank stretch beside it), and the boxes that stand beside each part, how well
their edges align and how densely they line it (``Strip``, which ``gutters`` judges).

The measures run over every slice of every strip that is long enough to be a gutter, so they
work on plain tuples and floats, and take the parts of a slice with ``itemgetter`` and ``map``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import compress
from operator import itemgetter

# [body sizes] the height of a slice (the unit of a strip's length: one free interval a slice)
SLICE = 0.5
# [body sizes] the narrowest strip followed at all
MIN_WIDTH = 0.3
# The usual width of a strip's white space is this quantile of its slices' widths; slices
# narrower than ``_OUTLIER`` times that are left out of its core.
_USUAL = 0.1
_OUTLIER = 0.8
# [share of the slices] when the slices bounding a strip's core share no white (a byline
# centred over a gutter, the white beside it followed through as a pinch), the core is taken
# from those holding the median of the slices' middles, if this many do: the gutter's own
# white; fewer, and the strip wanders (a river of word spaces) and keeps the swapped sliver
_HOLDING = 0.8
# [body sizes] a box taller than this is large type (a headline) or a picture: slices with
# one beside them are left out of a strip's core, unless none has body type beside it;
# [share of the slices] or fewer than this share has: a gutter beside a picture, with body
# type beside it only where the white opens between two bylines above, is the picture's side
LARGE = 1.6
_BODY_SHARE = 0.5
# [body sizes] a box counts as beside a strip when it ends (or starts) this close to it; a
# strip with no text on one side within ``_WITHIN`` (a short column's width) for ``_BLANK`` is
# cut there (it crossed a blank stretch or a drawing: above and below are two strips, judged
# apart)
_NEAR = 3.0
_WITHIN = 10.0
_BLANK = 3.0
# [body sizes] a column is at least this wide: white space this wide (an empty column) that
# goes on much narrower (``whitespace.NARROWING``) is a new strip from there
MIN_COLUMN = 5.0
# [body sizes] a strip this tall (beside ``gutters.LONG_LINES`` lines on either side) is a
# gutter whatever else (``gutters``)
LONG = 8.0
# Nor has a strip where its white opens on one side wider than a column (``MIN_COLUMN``) to
# body text beyond, all down a gutter's length (``LONG``): it ran on beside an empty column (a
# title's column, blank under its byline), the text beyond nearer than ``_WITHIN``; lined on
# one side only there, it was too thin to be a gutter where both sides line it
# (holdout_101_07_zh: a kicker and its story's first line became one line)
# [body sizes] how close two line edges must be to count as one edge; the alignment of fewer
# boxes than ``_ALIGNED_LINES`` is 0
_EDGE = 0.25
_ALIGNED_LINES = 6
# [lines] word spaces meet by chance down a few lines, not down a column: a strip beside more
# lines than this is no river (``Strip.wanders``, ``rivers``), whatever lines close it (a word
# in the gutter of a scan)
RIVER_LINES = 12
# [body sizes] how close text must end to a strip's edge to fill the measure up to it: a
# digital page's column edges agree to a rounding (a word space beside a gutter is off by more)
_FILLED = 0.1

# A free interval of a slice: (x0, x1, box left of it, box right of it, its width x1 - x0, the
# left box's edge or -inf at the margin, the right box's edge or +inf, whether it is of body
# type: a box beside it and none taller than ``LARGE``); a box is (its index, its edge on the
# interval's side, its height), None at the margin. The last three answer the measures'
# questions once a slice, not once for every strip that goes through the interval.
Free = tuple[float, float, "tuple[int, float, float] | None", "tuple[int, float, float] | None",
             float, float, float, bool]


@dataclass(frozen=True, slots=True)
class Strip:
    """White space from ``y0`` down to ``y1``, its core between ``x0`` and ``x1``.

    ``aligned``: the share of the words beside it (on its better side) that start or end at
    one edge; ``dense``: the share of its height with a box beside it (but where a headline
    stands off it: ``_strip``), and ``lines``: how many
    boxes stand beside it (both on its poorer side). ``on_grid``: a gutter is long, or goes on
    from a long one; not so one taken for the aligned edges beside it alone; ``long``: it is
    long itself, a column's side all the way down. ``run``: the
    white space it was followed in (the slice and x it started at); the parts of a run cut at
    a blank stretch share it. ``wanders``: beside a few lines (``RIVER_LINES``), in some slice
    of body type its white lies beside its core, not over it (a word covers the core there): a
    river of word spaces meeting down a few lines of a loose column, from one space to the
    next (``rivers``); a gutter's white runs down every line beside it.
    """

    x0: float
    x1: float
    y0: float
    y1: float
    aligned: float = 0.0
    dense: float = 1.0
    lines: int = 0
    on_grid: bool = True
    long: bool = False
    run: tuple[int, float] = (0, 0.0)
    wanders: bool = False

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    def filled(self, left: float, right: float, body: float) -> Strip | None:
        """The strip, off the grid and not long (a weak gutter: ``rowcuts.cut_row`` judges it
        against the other spaces of its row), when a gap from x=left to x=right between words of
        display type ends on both its edges (within ``_FILLED`` body sizes); None else. A word
        space of a headline across columns falls inside a gutter or over it; one ending on both
        its edges may be the gutter between two headlines side by side, each set to its own
        columns' measure ("双河镇开展智慧农" | "滨江新区补齐特色", no space in either), or a
        word space meeting them by chance, no wider than the other spaces of its line."""
        if abs(left - self.x0) <= _FILLED * body and abs(right - self.x1) <= _FILLED * body:
            return replace(self, on_grid=False, long=False)
        return None

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def measure(slices: Sequence[Free], start: int, end: int, top: float, h: float,
            shortest: float, run: tuple[int, float]) -> list[Strip]:
    """A closed strip, its free interval in each slice from slice ``start`` to ``end`` (the
    slices ``h`` high from y=top), cut where it has nothing beside it on one side for
    ``_BLANK`` body sizes (it crossed a blank stretch or a drawing: above and below are two
    strips, judged apart) or where it runs beside an empty column (``_beside_empty``), each
    part with its core, its height, its alignment and density. A part under ``shortest`` body
    sizes (``SHORT``: word spaces of a line or two, never a gutter) is left unmeasured;
    ``run``: the white space the strip was followed in."""
    body = h / SLICE
    core = _core(slices, body)
    x0, x1 = core
    within = _WITHIN * body
    sides = bytes([(x0 - f[5] <= within) + 2 * (f[6] - x1 <= within) for f in slices])
    if len(slices) >= LONG / SLICE:  # (tall enough to run beside an empty column)
        sides = _beside_empty(sides, slices, x0 - MIN_COLUMN * body, x1 + MIN_COLUMN * body)
    parts = _parts(sides)
    spans = [(a, b, top + (start + a) * h, top + (start + b) * h) for a, b in parts] \
        or [(0, len(slices), top + start * h, top + end * h)]
    whole, least = (0, len(slices)), shortest * body  # a shorter part is left unmeasured too
    return [_strip(slices[a:b], y0, y1, body, run,
                   core if (a, b) == whole else _core(slices[a:b], body))
            for a, b, y0, y1 in spans if y1 - y0 >= least]


# The parts of a free interval (its start, end and width) and of a box beside it (its edge's
# x and its height, after its index), taken by ``map`` in the measures below: they run over
# every slice of every strip.
_START, _END, _WIDTH, _BODY = itemgetter(0), itemgetter(1), itemgetter(4), itemgetter(7)
_EDGE_X, _HEIGHT = itemgetter(1), itemgetter(2)
# A blank stretch (``_BLANK``) on the left, on the right, on one side or the other (in bytes,
# one a slice of a strip: 1 for something beside it on its left, plus 2 on its right)
_BLANK_LEFT, _BLANK_RIGHT, _BLANK_EITHER = (re.compile(b"[%s]{%d,}" % (c, math.ceil(_BLANK / SLICE)))
                                            for c in (b"\\x00\\x02", b"\\x00\\x01", b"\\x00-\\x02"))
# A run of ``LONG`` slices open on the left, on the right (bytes as ``_beside_empty``'s)
_OPEN_LEFT, _OPEN_RIGHT = (re.compile(b"[%s]{%d,}" % (c, math.ceil(LONG / SLICE)))
                           for c in (b"\\x01\\x03", b"\\x02\\x03"))


def _beside_empty(sides: bytes, slices: Sequence[Free], left: float, right: float) -> bytes:
    """``sides`` (a byte a slice, as ``_parts`` reads them) with the side blanked in each run
    of ``LONG`` slices or more whose white on that side opens to body text beyond x=left
    (beyond x=right on the right): an empty column beside the strip. A slice of body type only
    (``Free``'s last field: a box on either side, neither large type): white beside a headline's
    ragged lines, or along the margin, is no empty column."""
    opened = bytes([f[7] and (f[5] < left) + 2 * (f[6] > right) for f in slices])
    out = bytearray(sides)
    for pattern, keep in ((_OPEN_LEFT, 2), (_OPEN_RIGHT, 1)):
        for run in pattern.finditer(opened):
            out[run.start():run.end()] = bytes(k & keep for k in out[run.start():run.end()])
    return bytes(out)


def _parts(sides: bytes) -> list[tuple[int, int]]:
    """The runs of slices (first, last + 1) from one lined on both sides (byte 3) to one such,
    cut where one side alone is blank for ``_BLANK`` (not both by turns: under a centred kicker,
    then beside a headline); regular expressions find the gaps (this runs for every strip)."""
    first = sides.find(3)
    if first < 0:
        return []
    last, parts = sides.rfind(3), []
    if not _BLANK_EITHER.search(sides, first, last):  # (most strips: lined down their length)
        return [(first, last + 1)]
    gaps = sorted((g.start(), g.end()) for b in (_BLANK_LEFT, _BLANK_RIGHT) for g in b.finditer(sides, first, last))
    for start, end in gaps + [(last + 1, last + 1)]:
        if start > first:  # the part before the gap, from and to a slice lined on both sides
            parts.append((first, sides.rfind(3, first, start) + 1))
        first = max(first, sides.find(3, end))
    return parts


def _core(slices: Sequence[Free], body: float) -> tuple[float, float]:
    """The white space common to the slices, leaving out the few where it is much narrower than
    usual: a line across the gutter (a kicker or byline over two columns) is white only at a
    word space, which must not be taken for the gutter's width. Slices beside large type
    (``LARGE``) are left out too, where slices with body type beside them are left (blank ones
    say nothing of the width): a headline across two columns is white only at its word space,
    wider than the body's and so no outlier, but off the gutter's middle; taken in, it narrowed
    the gutter to a sliver that the gaps of the lines beside it missed. The two slices that
    bound the core are looked at first: when both are of body type, the others need no look.
    Slices of body type bound the core only when they are most of them (``_BODY_SHARE``): a
    gutter between a picture and a column, with two slices of body type where its white opens
    between two bylines, was taken for white from one byline to the other, a column wide, and
    stood for a gutter that kept the real ones beside it out of the grid (reportlab_s187_01_zh)."""
    widths = list(map(_WIDTH, slices))
    least = _OUTLIER * sorted(widths)[int(_USUAL * len(widths))]
    usual = slices if all(map(least.__le__, widths)) else \
        [f for f, width in zip(slices, widths) if width >= least]  # (most often none is narrower)
    first, last = max(usual, key=_START), min(usual, key=_END)  # the slices bounding the core
    if not (first[7] and last[7]):  # (else they bound it among those of body type)
        body_type = list(compress(usual, map(_BODY, usual)))
        if len(body_type) >= _BODY_SHARE * len(usual):
            first, last = max(body_type, key=_START), min(body_type, key=_END)
    x0, x1 = first[0], last[1]
    if x0 - x1 > MIN_WIDTH * body:  # no white common to them: one or two stand off the rest
        held = _holding_middle(usual)
        if len(held) >= _HOLDING * len(usual):
            x0, x1 = max(held, key=_START)[0], min(held, key=_END)[1]
    return (x0, x1) if x0 <= x1 else (x1, x0)  # shifting a little (a gutter one hair wide)


def _holding_middle(slices: Sequence[Free]) -> list[Free]:
    """The slices whose white holds the median of their middles."""
    middles = sorted((f[0] + f[1]) / 2 for f in slices)
    middle = middles[len(middles) // 2]
    return [f for f in slices if f[0] <= middle <= f[1]]


def _strip(slices: Sequence[Free], y0: float, y1: float, body: float,
           run: tuple[int, float], core: tuple[float, float]) -> Strip:
    """A strip over ``slices`` with its ``core``, with the boxes that stand beside the core.

    A side's density is measured down the height where no headline stands off the strip on
    that side: a gutter between two stories' columns runs on up through the white between
    their headlines, set off it (``_NEAR``), and lined by no text there it was too
    sparse to be a gutter; the lines either side of it were read as one (reportlab_s201_03_zh,
    "文旅部门围绕医疗卫生、社" + "“畅通污水管网，深化防汛": two stories side by side)."""
    x0, x1 = core
    near = _NEAR * body
    lefts = {f[2][0]: f[2] for f in slices if x0 - f[5] <= near}  # (-inf, inf at the margin)
    rights = {f[3][0]: f[3] for f in slices if f[6] - x1 <= near}
    lines = min(len(lefts), len(rights))
    # on each side, the height beside which large type stands off the strip (farther than
    # ``_NEAR``) says nothing of how densely text lines it: left out of that side's density
    large, step = LARGE * body, (y1 - y0) / len(slices)
    off_left = step * sum(f[2] is not None and f[2][2] > large and x0 - f[5] > near for f in slices)
    off_right = step * sum(f[3] is not None and f[3][2] > large and f[6] - x1 > near for f in slices)
    return Strip(x0, x1, y0, y1,
                 max(_alignment(lefts.values(), body), _alignment(rights.values(), body)),
                 min(_density(lefts.values(), y1 - y0 - off_left), _density(rights.values(), y1 - y0 - off_right)),
                 lines, run=run, wanders=lines <= RIVER_LINES and any(
                     f[1] <= x0 or f[0] >= x1 for f in slices if f[7]))


def _density(boxes, height: float) -> float:
    """The share of ``height`` that the boxes beside a strip cover (about: overlaps count twice)."""
    return min(1.0, sum(map(_HEIGHT, boxes)) / height) if height > 0 else 0.0


def _alignment(boxes, body: float) -> float:
    """The share of the boxes' edges that lie within ``_EDGE`` of one another around the most
    common one (0 with fewer than ``_ALIGNED_LINES`` boxes)."""
    edges = sorted(map(_EDGE_X, boxes))
    if len(edges) < _ALIGNED_LINES:
        return 0.0
    best, lo = 0, 0
    window = 2 * _EDGE * body
    for hi, e in enumerate(edges):  # the most edges in a window 2 x _EDGE wide: a sweep
        while e - edges[lo] > window:
            lo += 1
        if hi - lo + 1 > best:
            best = hi - lo + 1
    return best / len(edges)
