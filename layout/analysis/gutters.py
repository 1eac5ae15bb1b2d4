"""The page's gutters: white space that runs down the page between columns.

A gap between two words on one baseline is a column gutter or a word space. Locally the two
look alike: a loose justified line in a narrow column has word spaces of several ems, while
two columns of Chinese may stand less than one character apart. What tells them apart is the
page around the gap: a gutter is white all the way down its column, with lines of text on both
sides of it, starting (or ending) at one edge beside it; a word space has the next line's
words right above or below it.

So the page is cut into thin horizontal slices (half a body size high), each slice's free
x-intervals are found (where no word and no picture is), and the free intervals are followed
down the page slice by slice, each strip narrowing to what stays free (a sort and a sweep:
linear in the words). A strip is then judged by what stands beside it:

- a long one, beside many lines on both sides, is a gutter;
- a shorter one is, when it goes on from a long one across a headline (the page's column
  grid: a short two-column box), or when the lines beside it start or end at one edge;
- of two strips closer than a column's width, only the taller is (the space before the short
  last words of a few justified lines, right next to the real gutter, is not).

Rivers of word spaces are short, ragged, off the grid and inside a column::

    ░░░░ ░░░░░ ░░    ░░░ ░░░░ ░░          the strip at x₁ runs down the whole column, the
    ░░ ░░░░░░ ░░░    ░░░░░ ░░░░░          lines right of it start at one edge: a gutter;
    ░░░░░ ░░ ░░░░    ░░ ░░░ ░░░░░         the space at x₀ is covered a line lower: no strip
         x₀     x₁
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..geometry import Grid
from ..model import Box

# [body sizes] the height of a slice; a box must reach this share of a slice into it to fill it
SLICE = 0.5
_REACH = 0.3
# [body sizes] the narrowest strip followed at all; [share of lines] a strip whose core is
# narrower than that (Chinese columns a hair apart, a river of word spaces that happen to
# meet) is a gutter only with the lines beside it this well aligned
MIN_WIDTH = 0.3
_HAIRLINE_ALIGNED = 0.85
# [body sizes, lines] a strip this tall, beside this many lines on either side, is a gutter
# whatever else (counted in lines too, for display type is tall: a kicker and a headline
# make 4 body sizes)
LONG = 8.0
LONG_LINES = 6
# [body sizes, lines] a strip shorter, or beside fewer lines on either side, is never a
# gutter (it is a space in a line or two)
SHORT = 3.0
SHORT_LINES = 3
# [share of lines] beside a gutter the lines start (or end) at one x: at least this share of
# the words beside the strip on one side, and at least ``_ALIGNED_LINES`` of them
ALIGNED = 0.6
_ALIGNED_LINES = 6
# [body sizes] how close two line edges must be to count as one edge
_EDGE = 0.25
# [share of its height] a gutter has text (or a picture) beside it on both sides down most of
# its length: white space around a centred title or a signature in sparse text has not
DENSE = 0.4
# [body sizes] a box counts as beside a strip when it ends (or starts) this close to it; a
# strip with no text on one side within ``_WITHIN`` (a short column's width) for ``_BLANK`` is
# cut there (it crossed a blank stretch or a drawing: above and below are two strips, judged
# apart)
_NEAR = 3.0
_WITHIN = 10.0
_BLANK = 3.0
# [body sizes] a column is at least this wide: of two strips closer than this (level with
# each other), or a strip this close to the edge of the text, only the taller is a gutter;
# white space this wide (an empty column) that goes on much narrower (``NARROWING``) is a new
# strip from there
MIN_COLUMN = 5.0
# [share of the long one's width] how much of a long strip's width a strip must share to go
# on from it; [body sizes] how far above or below the long one it may end or start: across a
# headline with its kicker and deck
_ON_GRID = 0.6
_REACH_GRID = 10.0
# [share of its width] white space much wider than a strip going on in it (the strip narrower
# than this share of it) starts a strip of its own too
NARROWING = 0.5
# [body sizes] a strip goes on through a pinch this long (a slice where the white space left
# is narrower than ``MIN_WIDTH`` but not shut: Chinese punctuation hanging into the gutter)
_PINCH = 1.5
# The usual width of a strip's white space is this quantile of its slices' widths; slices
# narrower than ``_OUTLIER`` times that are left out of its core.
_USUAL = 0.1
_OUTLIER = 0.8
# [share of its width] how much of a gutter's core a gap must hold to be on the gutter;
# [body sizes] how far beyond its ends a gutter still cuts (the row where the column beside it
# stops, and the white space opens into the empty column)
_HELD = 0.6
_ENDS = 1.0

# A free interval of a slice: (x0, x1, box left of it, box right of it); a box is
# (its index, its edge on the interval's side, its height), None at the margin.
Free = tuple[float, float, "tuple[int, float, float] | None", "tuple[int, float, float] | None"]


@dataclass(frozen=True, slots=True)
class Strip:
    """White space from ``y0`` down to ``y1``, its core between ``x0`` and ``x1``.

    ``aligned``: the share of the words beside it (on its better side) that start or end at
    one edge; ``dense``: the share of its height with a box beside it, and ``lines``: how many
    boxes stand beside it (both on its poorer side). ``on_grid``: a gutter is long, or goes on
    from a long one; not so one taken for the aligned edges beside it alone; ``long``: it is
    long itself, a column's side all the way down. ``run``: the
    white space it was followed in (the slice and x it started at); the parts of a run cut at
    a blank stretch share it.
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

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(eq=False)
class _Open:
    """A strip being followed down the page: its running extent, the slice it started in, and
    the free interval it went through in each slice since (a line's word fills two or three)."""

    x0: float
    x1: float
    start: int
    slices: list[Free] = field(default_factory=list)
    pinched: int = 0

    def went_on(self, x0: float, x1: float, free: Free) -> _Open:
        """This strip narrowed to [x0, x1] for one more slice, through ``free``."""
        self.x0, self.x1, self.pinched = x0, x1, 0
        self.slices.append(free)
        return self

    @property
    def run(self) -> tuple[int, float]:
        return self.start, self.slices[0][0]

    def split(self) -> _Open:
        return _Open(self.x0, self.x1, self.start, list(self.slices), self.pinched)


class Gutters:
    """The gutters of a page, to ask whether one runs through a gap."""

    def __init__(self, gutters: Sequence[Strip], body: float = 0.0) -> None:
        self.strips = sorted(gutters, key=lambda g: g.x0)
        self.ends = _ENDS * body
        self.column = MIN_COLUMN * body
        self.starts = [g.x0 for g in self.strips]
        self.widest = max((g.width for g in self.strips), default=0.0)

    def through(self, left: float, right: float, y: float, slack: float,
                hanging: bool = False, long_only: bool = False) -> Strip | None:
        """The gutter that runs through the gap (None if none) from x=left to x=right at height y: the gap
        holds most (``_HELD``) of the gutter's core; a line across the gutter has only a word
        space there. With ``hanging`` (a punctuation mark at the gap hangs into the gutter)
        the gap need only share some of the core and end at one of its edges (within
        ``slack``). With ``long_only``, only the long gutters count: the page's columns.

        A gap a column wide (``MIN_COLUMN``) that holds the whole core of a gutter of the
        grid is cut wherever that gutter ends: no word space spans a column and a gutter
        (the last row of two columns with the ones between them empty)."""
        k = bisect_left(self.starts, left - self.widest)
        while k < len(self.strips) and self.strips[k].x0 < right:
            g = self.strips[k]
            shared = min(g.x1, right) - max(g.x0, left)
            if (g.long or not long_only) and (
                    g.y0 - self.ends <= y <= g.y1 + self.ends and (
                        shared >= _HELD * g.width
                        or hanging and shared > 0
                        and (abs(left - g.x0) <= slack or abs(right - g.x1) <= slack))
                    or g.on_grid and right - left >= self.column and shared >= g.width):
                return g
            k += 1
        return None


def find_gutters(boxes: Sequence[Box], body: float) -> Gutters:
    """The gutters among ``boxes`` (words and pictures, in one frame of reference), for a page
    whose body text is ``body`` high."""
    if not boxes or body <= 0:
        return Gutters(())
    strips = [s for s in _strips(boxes, body)
              if s.dense >= DENSE and s.height >= SHORT * body and s.lines >= SHORT_LINES
              and (s.width >= MIN_WIDTH * body or s.aligned >= _HAIRLINE_ALIGNED)]
    long = [s for s in strips if s.height >= LONG * body and s.lines >= LONG_LINES]
    is_long = {id(s) for s in long}
    across = _Across(long, body)
    on_grid = {id(s) for s in strips if id(s) not in is_long and across.goes_on(s)}
    grid = [replace(s, long=True) if id(s) in is_long else s for s in strips
            if id(s) in is_long or id(s) in on_grid]
    # A long strip's copy in the grid is marked long: the strip itself is not in the grid,
    # and counts among the aligned ones too.
    aligned = [replace(s, on_grid=False) for s in strips if s.aligned >= ALIGNED and id(s) not in on_grid]
    edges = (min(b.x0 for b in boxes), max(b.x1 for b in boxes))
    return Gutters(_apart(grid + aligned, edges, body), body)


class _Across:
    """The long strips, filed by x (``geometry.Grid``) to find those a strip overlaps."""

    def __init__(self, long: Sequence[Strip], body: float) -> None:
        self.long, self.body = long, body
        self.grid = Grid([Box(g.x0, 0, g.x1, 0) for g in long], MIN_COLUMN * body)

    def goes_on(self, s: Strip) -> bool:
        """Whether s goes on from one of the long strips, sharing most of its width (a river
        through a few lines is narrower than the gutter it crosses): level with it across a
        headline or a rule, or in one run of white space with it (across the blank stretch
        under a column that ended)."""
        reach = _REACH_GRID * self.body
        return any(g.x0 < s.x1 and min(s.x1, g.x1) - max(s.x0, g.x0) >= _ON_GRID * g.width
                   and (min(abs(s.y0 - g.y1), abs(g.y0 - s.y1)) <= reach or s.run == g.run)
                   for g in (self.long[k] for k in self.grid.near(s.x0, 0, s.x1, 0)))


def _apart(strips: Sequence[Strip], edges: tuple[float, float], body: float) -> list[Strip]:
    """The strips with a column's width of text between them and every taller one level with
    them, and the edges of the text: tallest first, each taken unless one already taken
    stands closer than ``MIN_COLUMN`` (the space before the short last words of a justified
    column, near the real gutter, gives way to it; so does a blank stretch under a column)."""
    room = MIN_COLUMN * body
    taken: list[Strip] = []
    near = Grid((), 2 * room)  # the strips taken, by place
    for s in sorted(strips, key=lambda s: (-s.height, -s.width)):
        if s.x0 - edges[0] < room or edges[1] - s.x1 < room:
            continue
        if all(g.y0 >= s.y1 or g.y1 <= s.y0 or max(g.x0 - s.x1, s.x0 - g.x1) >= room
               for g in (taken[k] for k in near.near(s.x0 - room, s.y0, s.x1 + room, s.y1))):
            near.add(len(taken), Box(s.x0, s.y0, s.x1, s.y1))
            taken.append(s)
    return taken


def _strips(boxes: Sequence[Box], body: float) -> list[Strip]:
    """Every strip of white space at least ``MIN_WIDTH`` wide, followed slice by slice."""
    h = SLICE * body
    top = min(b.y0 for b in boxes)
    left, right = min(b.x0 for b in boxes) - 1, max(b.x1 for b in boxes) + 1
    n = int((max(b.y1 for b in boxes) - top) / h) + 1
    filled: list[list[tuple[float, float, int, float]]] = [[] for _ in range(n)]
    for i, b in enumerate(boxes):
        pad = min(_REACH * h, b.height / 3)
        first, last = int((b.y0 + pad - top) / h), int((b.y1 - pad - top) / h)
        for k in range(max(first, 0), min(last, n - 1) + 1):
            filled[k].append((b.x0, b.x1, i, b.height))
    narrow = MIN_WIDTH * body
    done: list[Strip] = []
    open_: list[_Open] = []
    for k, spans in enumerate(filled):
        open_ = _follow(open_, _free(spans, left, right), k, narrow, done, top, h)
    for s in open_:
        done += _closed(s, n, top, h)
    return done


def _free(spans: list[tuple[float, float, int, float]], left: float, right: float) -> list[Free]:
    """The free intervals of one slice, sorted by x0."""
    spans.sort()
    out, reach, edge = [], left, None
    for x0, x1, i, height in spans:
        if x0 > reach:
            out.append((reach, x0, edge, (i, x0, height)))
        if x1 > reach:
            reach, edge = x1, (i, x1, height)
    out.append((reach, right, edge, None))
    return out


def _follow(open_: list[_Open], free: list[Free], k: int, narrow: float, done: list[Strip],
            top: float, h: float) -> list[_Open]:
    """The strips open after slice k: each open strip narrowed to the free intervals of the
    slice (it may split, or end), and the free intervals that no strip goes on in, as new
    ones. Both lists are sorted by x0, so this is a sweep."""
    nxt: dict[tuple[float, float], _Open] = {}
    used = [False] * len(free)
    wide = MIN_COLUMN * h / SLICE
    i = 0
    for s in open_:
        while i < len(free) and free[i][1] <= s.x0:
            i += 1
        j, pieces, touching = i, [], []
        while j < len(free) and free[j][0] < s.x1:
            (pieces if min(free[j][1], s.x1) - max(free[j][0], s.x0) >= narrow else touching).append(j)
            j += 1
        if not pieces:
            if touching and s.pinched < _PINCH / SLICE:  # through a pinch, as wide as it was
                s.slices.append(free[touching[0]])
                s.pinched += 1
                nxt.setdefault((s.x0, s.x1), s)
            else:
                done += _closed(s, k, top, h)
            continue
        if s.x1 - s.x0 >= wide and all(min(free[j][1], s.x1) - max(free[j][0], s.x0)
                                       < NARROWING * (s.x1 - s.x0) for j in pieces):
            done += _closed(s, k, top, h)  # a column's width of white space ends in a gutter
            continue
        for n, j in enumerate(pieces):
            a, b = free[j][0], free[j][1]
            x0, x1 = max(a, s.x0), min(b, s.x1)
            piece = s if n == len(pieces) - 1 else s.split()
            older = nxt.get((x0, x1))
            if older is not None:  # two strips run into one: the younger ends here
                if older.start <= piece.start:
                    done += _closed(piece, k, top, h)
                    continue
                done += _closed(older, k, top, h)
            used[j] = used[j] or x1 - x0 >= NARROWING * (b - a)
            nxt[(x0, x1)] = piece.went_on(x0, x1, free[j])
    for j, f in enumerate(free):
        if not used[j] and f[1] - f[0] >= narrow and (f[0], f[1]) not in nxt:
            nxt[(f[0], f[1])] = _Open(f[0], f[1], k).went_on(f[0], f[1], f)
    return sorted(nxt.values(), key=lambda s: (s.x0, s.x1))


def _closed(s: _Open, end: int, top: float, h: float) -> list[Strip]:
    """The strip as it stands, cut where it has nothing beside it on one side for ``_BLANK``
    body sizes (it crossed a blank stretch or a drawing: above and below are two strips,
    judged apart), each part with its core, its height, its alignment and density. One under
    ``SHORT`` body sizes (word spaces of a line or two) is never a gutter: dropped unmeasured."""
    body = h / SLICE
    if end - s.start < SHORT / SLICE:
        return []
    x0, x1 = _core(s.slices)
    within = _WITHIN * body
    beside = [f[2] is not None and x0 - f[2][1] <= within and f[3] is not None
              and f[3][1] - x1 <= within for f in s.slices]
    parts, first, blank = [], None, 0
    for k, ok in enumerate(beside + [False] * int(_BLANK / SLICE)):
        if ok:
            first = k if first is None else first
            blank = 0
        elif first is not None:
            blank += 1
            if blank >= _BLANK / SLICE:
                parts.append((first, k - blank + 1))
                first = None
    return [_strip(s.slices[a:b], top + (s.start + a) * h, top + (s.start + b) * h, body, s.run)
            for a, b in parts] or [_strip(s.slices, top + s.start * h, top + end * h, body, s.run)]


def _core(slices: Sequence[Free]) -> tuple[float, float]:
    """The white space common to the slices, leaving out the few where it is much narrower than
    usual: a line across the gutter (a kicker or byline over two columns) is white only at a
    word space, which must not be taken for the gutter's width."""
    widths = sorted(f[1] - f[0] for f in slices)
    usual = widths[int(_USUAL * len(widths))]
    kept = [f for f in slices if f[1] - f[0] >= _OUTLIER * usual]
    x0, x1 = max(f[0] for f in kept), min(f[1] for f in kept)
    return (x0, x1) if x0 <= x1 else (x1, x0)  # shifting a little (a gutter one hair wide)


def _strip(slices: Sequence[Free], y0: float, y1: float, body: float,
           run: tuple[int, float]) -> Strip:
    """A strip over ``slices``, with the boxes that stand beside its core."""
    x0, x1 = _core(slices)
    near = _NEAR * body
    lefts = {f[2][0]: f[2][1:] for f in slices if f[2] is not None and x0 - f[2][1] <= near}
    rights = {f[3][0]: f[3][1:] for f in slices if f[3] is not None and f[3][1] - x1 <= near}
    return Strip(x0, x1, y0, y1,
                 max(_alignment(lefts.values(), body), _alignment(rights.values(), body)),
                 min(_density(lefts.values(), y1 - y0), _density(rights.values(), y1 - y0)),
                 min(len(lefts), len(rights)), run=run)


def _density(boxes, height: float) -> float:
    """The share of ``height`` that the boxes beside a strip cover (about: overlaps count twice)."""
    return min(1.0, sum(h for _, h in boxes) / height) if height > 0 else 0.0


def _alignment(boxes, body: float) -> float:
    """The share of the boxes' edges that lie within ``_EDGE`` of one another around the most
    common one (0 with fewer than ``_ALIGNED_LINES`` boxes)."""
    edges = sorted(e for e, _ in boxes)
    if len(edges) < _ALIGNED_LINES:
        return 0.0
    best, lo = 0, 0
    for hi, e in enumerate(edges):  # the most edges in a window 2 x _EDGE wide: a sweep
        while e - edges[lo] > 2 * _EDGE * body:
            lo += 1
        best = max(best, hi - lo + 1)
    return best / len(edges)
