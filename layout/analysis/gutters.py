"""The page's gutters: white space that runs down the page between columns.

A gap between two words on one baseline is a column gutter or a word space. Locally the two
look alike: a loose justified line in a narrow column has word spaces of several ems, while
two columns of Chinese may stand less than one character apart. What tells them apart is the
page around the gap: a gutter is white all the way down its column, with lines of text on both
sides of it, starting (or ending) at one edge beside it; a word space has the next line's
words right above or below it.

The page's white space is followed down the page in strips (``whitespace.white_strips``: a
sort and a sweep, linear in the words). A strip is then judged by what stands beside it:

- a long one, beside many lines on both sides, is a gutter;
- a shorter one is, when it goes on from a long one across a headline, or has an edge on a
  long one's anywhere down the page (the page's column grid: a short two-column box, a few
  short columns under a headline), or when the lines beside it start or end at one edge;
- one beside two lines only is, when both its edges are a long one's;
- of two strips closer than a column's width, only the taller is (the space before the short
  last words of a few justified lines, right next to the real gutter, is not), unless the
  shorter opens into the taller's white a column wide (an empty column).

A hairline strip (its core narrower than ``MIN_WIDTH``) down a few lines, closed above and
below by lines of the same column running across it, is a river, however aligned the words
beside it; so is a strip down a few lines whose white wanders from word space to word space,
a word of one of its lines over its core (``rivers``).

Rivers of word spaces are short, ragged, off the grid and inside a column::

    ░░░░ ░░░░░ ░░    ░░░ ░░░░ ░░          the strip at x₁ runs down the whole column, the
    ░░ ░░░░░░ ░░░    ░░░░░ ░░░░░          lines right of it start at one edge: a gutter;
    ░░░░░ ░░ ░░░░    ░░ ░░░ ░░░░░         the space at x₀ is covered a line lower: no strip
         x₀     x₁
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from operator import attrgetter

from ..geometry import Grid
from ..model import Box
from .rivers import river_ids
from .stripmeasure import LONG
from .whitespace import MIN_COLUMN, MIN_WIDTH, SHORT, Strip, white_strips

# [share of lines] a strip whose core is narrower than ``MIN_WIDTH`` (Chinese columns a hair
# apart, a river of word spaces that happen to meet) is a gutter only with the lines beside
# it this well aligned
_HAIRLINE_ALIGNED = 0.85
# [lines] a strip ``stripmeasure.LONG`` body sizes tall, beside this many lines on either side,
# is a gutter whatever else (counted in lines too, for display type is tall: a kicker and a
# headline make 4 body sizes)
LONG_LINES = 6
# [lines] a strip shorter than ``SHORT``, or beside fewer lines on either side, is never a
# gutter (it is a space in a line or two)
SHORT_LINES = 3
# [share of lines] beside a gutter the lines start (or end) at one x: at least this share of
# the words beside the strip on one side (and at least six of them: ``whitespace``)
ALIGNED = 0.6
# [share of its height] a gutter has text (or a picture) beside it on both sides down most of
# its length: white space around a centred title or a signature in sparse text has not
DENSE = 0.4
# [share of the long one's width] how much of a long strip's width a strip must share to go
# on from it; [body sizes] how far above or below the long one it may end or start: across a
# headline with its kicker and deck; [body sizes] how close one of its edges must be to the
# long one's to go on from it at any distance up or down the page
_ON_GRID = 0.6
_REACH_GRID = 10.0
_ON_EDGE = 0.25
# [share of its width] how much of a gutter's core a gap must hold to be on the gutter;
# [body sizes] how far beyond its ends a gutter still cuts (the row where the column beside it
# stops, and the white space opens into the empty column)
_HELD = 0.6
_ENDS = 1.0
# [em of the headlines' type] how far over a gutter's top a row of headlines still stands
# over it (``Gutters.headed``): a headline's second line, its deck and byline
_HEADED = 4.0
# [body sizes] a hair: how far the ends of a column's lines differ by the rounding of a PDF's
# glyph widths (a gap ending that short of a gutter's core still holds it)
_HAIR = 0.001
# [share of its height] a gutter (narrower than a column) sharing less of its height than
# this with a taller strip near it stands over or under it, not beside it: the gutter going on
# into a column-wide blank (``_apart``)
_LEVEL = 0.5
# [body sizes] a long gutter narrower than this, a word space wide (between the columns of a
# table of figures), is no column's side at other heights (``Gutters._column_side``)
_SIDE = 0.6
# [body sizes] two strips whose edges lie this close are one gutter's white (a digital page's
# column edges agree to a rounding; a scan's wobble by more, and its rivers of specks beside
# a column rule nest in one another at other edges)
_SAME_EDGE = 0.1
# [body sizes] how far past a column's left edge the first line of a paragraph may be set in
# (``Gutters._column_side``)
INDENT = 2.0
# A box's left and right edges, taken by ``map`` (``Gutters.long_meets`` runs for every line)
_X0, _X1 = attrgetter("x0"), attrgetter("x1")


class Gutters:
    """The gutters of a page, to ask whether one runs through a gap.

    Sorted by x0, and filed by height too, in bands ``MIN_COLUMN`` high (each under the bands
    its height reaches, ``_ENDS`` beyond its ends included): a gap narrower than a column is
    held only against the gutters level with it, not every gutter of the page at its x (a
    page of stacked tables has hundreds)."""

    def __init__(self, gutters: Sequence[Strip], body: float = 0.0) -> None:
        self.strips = sorted(gutters, key=lambda g: g.x0)
        self.ends = _ENDS * body
        self.hair = _HAIR * body
        self.same_edge = _SAME_EDGE * body
        self.column = MIN_COLUMN * body
        self.reach = _REACH_GRID * body
        self.indent = INDENT * body
        self.starts = [g.x0 for g in self.strips]
        self.widest = max((g.width for g in self.strips), default=0.0)
        self.band = self.column if self.column > 0 else 1.0
        self.bands: dict[int, list[int]] = {}  # band → positions in strips, ascending
        for k, g in enumerate(self.strips):
            for band in range(self._band(g.y0 - self.ends), self._band(g.y1 + self.ends) + 1):
                self.bands.setdefault(band, []).append(k)
        self.band_starts = {band: [self.starts[k] for k in ks] for band, ks in self.bands.items()}
        self.grid = [k for k, g in enumerate(self.strips) if g.on_grid]  # ascending x0 too
        self.grid_starts = [self.starts[k] for k in self.grid]
        self.long = sorted((g.x1, k) for k, g in enumerate(self.strips)  # by x1
                           if g.long and g.width >= _SIDE * body)
        self.long_bands: dict[int, list[Strip]] = {}  # the long gutters alone, by band as above
        for band, ks in self.bands.items():
            longs = [self.strips[k] for k in ks if self.strips[k].long]
            if longs:
                self.long_bands[band] = longs

    def _band(self, y: float) -> int:
        return math.floor(y / self.band) if math.isfinite(y) else 0

    def _inside(self, left: float, right: float) -> list[int]:
        """The grid's gutters starting in the gap from x=left to x=right (from a hair before
        left: a core the gap holds whole may start there, by the rounding of its width)."""
        k = bisect_left(self.grid_starts, left - self.hair)
        return self.grid[k:bisect_left(self.grid_starts, right, k)]

    def through(self, left: float, right: float, y: float, slack: float, hanging: bool = False,
                long_only: bool = False, sides: bool = False) -> Strip | None:
        """The gutter that runs through the gap (None if none) from x=left to x=right at height y: the gap
        holds most (``_HELD``) of the gutter's core; a line across the gutter has only a word
        space there. With ``hanging`` (a punctuation mark at the gap hangs into the gutter)
        the gap need only share some of the core and end at one of its edges (within
        ``slack``); so need a gap ending on a long gutter's right edge but for a hair (the next
        column's own left edge: the line before it overran its measure into the gutter). With
        ``long_only``, only the long gutters count: the page's columns.

        A gap a column wide (``MIN_COLUMN``) that holds the whole core of a gutter of the
        grid (but for a hair, ``_HAIR``) is cut wherever that gutter ends: no word space spans a
        column and a gutter (the last row of two columns with the ones between them empty);
        with ``sides`` (a gap in or beside body text), so is one on the edges of a long gutter at any
        height (``_column_side``). Gutters are tried in the order of their x0, the first that
        runs through is the one."""
        strips, lowest, wide = self.strips, left - self.widest, right - left >= self.column
        if not math.isfinite(y):
            order = range(bisect_left(self.starts, lowest), len(strips))  # any height
        else:
            band = math.floor(y / self.band)  # (``_band``, written out: every gap of a row asks)
            ks = self.bands.get(band)
            if ks:  # those starting before right only
                starts = self.band_starts[band]
                first = bisect_left(starts, lowest)
                order = ks[first:bisect_left(starts, right, first)]
            else:
                order = []
            if wide:  # and the grid's gutters inside the gap, any height
                order = sorted({*order, *self._inside(left, right)})
        ends, hair = self.ends, self.hair
        for k in order:
            g = strips[k]
            x0, x1 = g.x0, g.x1
            if not x0 < right:
                break
            shared = (right if right < x1 else x1) - (left if left > x0 else x0)  # as min, max
            width = x1 - x0  # g.width, without the property's call
            if (g.long or not long_only) and (
                    g.y0 - ends <= y <= g.y1 + ends and (
                        shared >= _HELD * width
                        or hanging and shared > 0
                        and (abs(left - x0) <= slack or abs(right - x1) <= slack)
                        or g.long and shared > 0 and abs(right - x1) <= hair)
                    or g.on_grid and wide and shared >= width - hair):
                return g
        return self._column_side(left, right, slack, hanging) if sides else None

    def with_core(self, left: float, right: float) -> list[Strip]:
        """The long gutters whose core runs from x=left to x=right, edge on edge (``_SAME_EDGE``):
        the pieces of one gutter of the page's grid that headlines and blank stretches cut."""
        edge, long, found = self.same_edge, self.long, []
        k = bisect_left(long, (right - edge, -1))
        while k < len(long) and long[k][0] <= right + edge:
            g = self.strips[long[k][1]]
            if abs(g.x0 - left) <= edge:
                found.append(g)
            k += 1
        return found

    def long_meets(self, boxes: Sequence[Box]) -> bool:
        """Whether the white of a long gutter (``_ENDS`` beyond its ends, as ``through`` holds
        it) meets the boxes' span: from their least x0 to their greatest x1, from their lowest
        middle to their highest. When none does, a gap between two of the boxes, at the height
        of one's middle, holds no long gutter (``through`` with ``long_only``) unless it is a
        column wide: most lines an OCR file found lie inside one column, and their gaps need
        no look."""
        x0, x1 = min(map(_X0, boxes)), max(map(_X1, boxes))
        middles = [(b.y0 + b.y1) / 2 for b in boxes]  # Box.cy, written out
        y0, y1 = min(middles), max(middles)
        for band in range(self._band(y0), self._band(y1) + 1):
            for g in self.long_bands.get(band, ()):
                if g.x0 <= x1 and g.x1 >= x0 and g.y0 - self.ends <= y1 and g.y1 + self.ends >= y0:
                    return True
        return False

    def headed(self, left: float, right: float, y: float, size: float) -> bool:
        """Whether the gap from x=left to x=right at height y holds most (``_HELD``) of the core
        of a long gutter wider than a word space (``_SIDE``) that runs past y or starts or ends
        within ``_REACH_GRID`` of it, or within ``_HEADED`` ems of the headlines' type (``size``,
        the larger): a column gutter of the page stopping under (or over) a row of headlines,
        each over its own columns, their second lines, decks and bylines between (two lines of
        36 points, a deck and a byline: 105 points, 13 body sizes; holdout_83_07_zh)."""
        reach = max(self.reach, _HEADED * size)
        for _, k in self.long[bisect_left(self.long, (left, -1)):]:
            g = self.strips[k]
            if min(right, g.x1) - max(left, g.x0) >= _HELD * g.width \
                    and g.y0 - reach <= y <= g.y1 + reach:
                return True
        return False

    def _column_side(self, left: float, right: float, slack: float, hanging: bool) -> Strip | None:
        """A long gutter wider than a word space (``_SIDE``), at any height, that the gap ends
        on (within ``slack`` of its right edge, where the column beside it starts, or up to
        ``INDENT`` past it, where a paragraph's first line is set in) and starts
        on or before (or shares the core of, with a mark hanging at the gap, or ending on that
        edge to a hair: a line overrunning its measure, a crosshead in larger type): the side of a
        column of the page's grid that a blank stretch cut off from the lines here (the last
        lines of a column that ended, under the white where the column beside it is empty; the
        first lines of a short last column, beside a full one). A line of a column may end
        short of the gutter's core, which the widest lines beside it set (a comma protruding
        into the margin, a ragged line).
        Returned off the grid (``on_grid`` False): a weak cut, for a word space may fall on a
        gutter's edges by chance, and one no wider than the other spaces of its line stays a
        word space (``rowcuts.cut_row``)."""
        long = self.long
        k = bisect_left(long, (right - max(slack, self.indent), -1))
        while k < len(long) and long[k][0] <= right + slack:
            g = self.strips[long[k][1]]
            if left <= g.x0 + slack or (hanging or abs(right - g.x1) <= self.hair) and g.x0 < right and left < g.x1:
                return replace(g, on_grid=False)
            k += 1
        return None


def find_gutters(boxes: Sequence[Box], body: float, long_only: bool = False) -> Gutters:
    """The gutters among ``boxes`` (words and pictures, in one frame of reference), for a page
    whose body text is ``body`` high. With ``long_only`` (the caller asks for long ones only),
    strips too short to be long are not measured: ``_apart`` takes them after every long one,
    so they could keep none out, and the long gutters are the same."""
    if not boxes or body <= 0:
        return Gutters(())
    measured = [s for s in white_strips(boxes, body, LONG if long_only else SHORT, SHORT_LINES - 1)
                if s.dense >= DENSE and s.height >= SHORT * body and s.lines >= SHORT_LINES - 1
                and (s.width >= MIN_WIDTH * body or s.aligned >= _HAIRLINE_ALIGNED)]
    strips = [s for s in measured if s.lines >= SHORT_LINES]
    long = [s for s in strips if s.height >= LONG * body and s.lines >= LONG_LINES]
    rivers = river_ids(long, boxes, body)  # no columns' sides
    if rivers:
        long = [s for s in long if id(s) not in rivers]
    is_long = {id(s) for s in long}
    across = _Across(long, body)
    on_grid = {id(s) for s in strips if id(s) not in is_long and (across.goes_on(s) or across.on_pitch(s))}
    # Beside two lines only, a strip is a gutter where a long one of the page runs, edge on
    # edge: the last two lines of a column set on the page's grid.
    strips += [s for s in measured if s.lines < SHORT_LINES and across.same_edges(s)]
    on_grid |= {id(s) for s in strips if s.lines < SHORT_LINES}
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
        self.by_top = sorted(long, key=attrgetter("y0"))
        self.tops = [g.y0 for g in self.by_top]

    def on_pitch(self, s: Strip) -> bool:
        """Whether s is the next gutter of a row of long ones: starting where they start, one
        column's pitch (theirs, within ``_ON_EDGE``) beyond the last two of them or before the
        first two, and as wide as they are (from the narrower's width to the wider's, within
        ``_ON_EDGE``). The pitch is measured at the columns' starts (the strips' right edges)
        or at their ends (the left edges): lines of Chinese with Latin figures among them end
        unevenly, a point or three short of their measure, but all start at its left edge. The
        columns of a short box story start together under its headline; the last one, a line
        short, leaves its gutter a line short of long (libreoffice_s167_07_zh: its third
        gutter, 0.75 em, read across); the last column of a grid, four lines long, stands a
        pitch right of two long gutters, one 3.4 points narrower than its own as the lines
        left of it end short (libreoffice_s181_02_zh)."""
        edge = _ON_EDGE * self.body
        level = self.by_top[bisect_left(self.tops, s.y0 - edge):bisect_right(self.tops, s.y0 + edge)]
        return any(self._pitch_goes_on(s, sorted(level, key=side), side) for side in (_X0, _X1))

    def _pitch_goes_on(self, s: Strip, level: Sequence[Strip], side: Callable[[Strip], float]) -> bool:
        """Whether s lies a pitch beyond the two strips of ``level`` (sorted by ``side``) next to
        it on one side, measured at ``side``, within ``_ON_EDGE``, as wide as they are."""
        edge, x = _ON_EDGE * self.body, side(s)
        k = bisect_left([side(g) for g in level], x)
        pairs = ([(level[k - 2], level[k - 1])] if k >= 2 else []) + \
            ([(level[k + 1], level[k])] if k + 1 < len(level) else [])
        return any(abs(abs(x - side(b)) - abs(side(b) - side(a))) <= edge
                   and min(a.width, b.width) - edge <= s.width <= max(a.width, b.width) + edge for a, b in pairs)

    def goes_on(self, s: Strip) -> bool:
        """Whether s goes on from one of the long strips, sharing most of its width (a river
        through a few lines is narrower than the gutter it crosses): level with it across a
        headline or a rule, in one run of white space with it (across the blank stretch
        under a column that ended), or with one of its edges on the long one's (``_ON_EDGE``),
        however far up or down the page: the lines beside it end or start where a column of
        the page's grid does, a few short columns under a headline set on the grid of the
        long columns elsewhere (the edges of a river's core lie where its words happen to
        end, seldom on a column's)."""
        reach, edge = _REACH_GRID * self.body, _ON_EDGE * self.body
        return any(g.x0 < s.x1 and min(s.x1, g.x1) - max(s.x0, g.x0) >= _ON_GRID * g.width
                   and (min(abs(s.y0 - g.y1), abs(g.y0 - s.y1)) <= reach or s.run == g.run
                        or abs(s.x0 - g.x0) <= edge or abs(s.x1 - g.x1) <= edge)
                   for g in (self.long[k] for k in self.grid.near(s.x0, 0, s.x1, 0)))

    def same_edges(self, s: Strip) -> bool:
        """Whether s has both its edges on a long strip's (within ``_ON_EDGE``), at any height:
        the white of a column gutter of the page's grid."""
        edge = _ON_EDGE * self.body
        return any(abs(s.x0 - g.x0) <= edge and abs(s.x1 - g.x1) <= edge
                   for g in (self.long[k] for k in self.grid.near(s.x0, 0, s.x1, 0)))


def _apart(strips: Sequence[Strip], edges: tuple[float, float], body: float) -> list[Strip]:
    """The strips with a column's width of text between them and every taller one level with
    them, and the edges of the text: tallest first, each taken unless one already taken
    stands closer than ``MIN_COLUMN`` (the space before the short last words of a justified
    column, near the real gutter, gives way to it; so does a blank stretch under a column),
    but for a gutter that opens into an empty column's white (``_opens_into``), and one that
    shares under ``_LEVEL`` of its height with a column-wide blank (it goes on into the blank)
    or with a taller strip of the same core (``_same_core``: the same gutter going on above or
    below where a line across it split its white)."""
    room = MIN_COLUMN * body
    taken: list[Strip] = []
    near = Grid((), 2 * room)  # the strips taken, by place
    for s in sorted(strips, key=lambda s: (-s.height, -s.width)):
        if s.x0 - edges[0] < room or edges[1] - s.x1 < room:
            continue
        if all(g.y0 >= s.y1 or g.y1 <= s.y0 or max(g.x0 - s.x1, s.x0 - g.x1) >= room
               or (s.width < room <= g.width or _same_core(s, g, _SAME_EDGE * body))
               and min(g.y1, s.y1) - max(g.y0, s.y0) < _LEVEL * s.height
               or _opens_into(s, g, room, _ON_EDGE * body)
               for g in (taken[k] for k in near.near(s.x0 - room, s.y0, s.x1 + room, s.y1))):
            near.add(len(taken), Box(s.x0, s.y0, s.x1, s.y1))
            taken.append(s)
    return taken


def _same_core(s: Strip, g: Strip, edge: float) -> bool:
    """Whether the two strips have the same core, edge on edge (within ``edge``)."""
    return abs(s.x0 - g.x0) <= edge and abs(s.x1 - g.x1) <= edge


def _opens_into(s: Strip, blank: Strip, room: float, edge: float) -> bool:
    """Whether s is a gutter that opens into ``blank``, a taller strip taken before it and
    white a column's width (``room``): an empty column, under (or over) the column beside
    the gutter that stopped short. s lies mostly (``_HELD``) inside the blank's width with one
    edge on one of its edges (``edge``): the lines on its other side go on where the blank's
    side is. (A blank stretch under a column still gives way to the taller gutter beside it:
    it is the wider one, and comes after.)"""
    shared = min(s.x1, blank.x1) - max(s.x0, blank.x0)
    return blank.width >= room and s.width < blank.width and shared >= _HELD * s.width \
        and (abs(s.x0 - blank.x0) <= edge or abs(s.x1 - blank.x1) <= edge)
