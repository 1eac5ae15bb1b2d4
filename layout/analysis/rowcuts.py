"""Which cuts of a row stand: the second half of cutting rows into lines (``lines``).

``lines`` judges every gap between neighbours of a row: no cut, a sure cut (a gutter of the
page's grid, a rule, words of two lines), or a weak one (a short gutter taken for the lines
aligned beside it; apart: a wide gap with no text right above or below it). Weak cuts may be
a river of word spaces down a loose justified column; this module keeps those that stand out
from the word spaces of their stretch of row, and cuts the row there. It also tells the one
weak cut that is sure after all: a gap on both edges of a gutter of the page's grid whose
white goes on down (or up) to it (``grid_goes_on``), and the stretches of a row that fill a
column of the grid wall to wall (``walled``): full lines of their column, whose justified
spaces stay however wide, as a full line near them would say (``lines._in_measure``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from ..geometry import RowSpans
from ..model import Box, Word
from .gutters import Gutters
from .rejoin import SAME_SIZE
from .script import CLOSING_QUOTES, FULL_STOPS, is_cjk, joins_without_space
from .stripmeasure import Strip

# How sure a cut between two neighbours of a row is: none; weak, a short gutter taken for the
# lines aligned beside it, or (apart) a wide gap with no text right above or below it (either
# may be a river of word spaces down a loose justified column); sure.
NONE, WEAK, APART, CUT = 0, 1, 2, 3
# [em of the larger size] neighbours of two sizes (the smaller under ``SAME_SIZE`` of the
# larger) set further apart than this are two lines side by side: a caption's ragged line
# beside the next column's kicker. One line's words change size only touching or a word
# space apart (a drop cap's first word, a figure in larger type).
_SIZES_APART = 1.5
# A weak cut between two words of about one size (``SAME_SIZE``) no wider than this many
# times the widest word space (gap not cut) of its stretch of row between sure cuts is one of
# them: a justified line stretches all its spaces alike, while two items side by side stand
# further apart than the spaces inside them. A gap where CJK meets a Latin run is no word
# space (typst_s203_01_zh: 7.7 pt before "户" after "397", beside a gutter of 8.3 pt).
_STRETCH = 1.25
# [times the widest word space] TeX widens the space after a sentence's end (its space factor
# stretches it three times as much as a word space): in a row filling its column's measure,
# a weak or apart cut up to this wide is that space (after a full stop, a straight ' closes a quote)
_SENTENCE = 3.0
_SENTENCE_END = re.compile(f"[{re.escape(FULL_STOPS)}][{re.escape(CLOSING_QUOTES)}']*$")
# [em of the run's size] narrowest mean advance of a run's letters (Latin's: about half an em)
_NARROWEST_LETTERS = 0.3
# A figure: numerals with their points, signs and brackets (a price, a change, a volume, a
# date), one digit at least (a PDF's run may hold a few, spaced); [rows] how many rows around
# must repeat a gap before a figure (``between_figures``), and [em of the figure's size] how
# far above or below they are looked for (as a full line near a row: ``lines._in_measure``);
# [body sizes] a gutter narrower than an em of body type (a page's gutters are wider: 12 pt on
# 6.5 pt type) may be the gap between two columns of a table of figures (2.5 or 4.1 pt there)
_FIGURE = re.compile(r"[\d.,:/%()+−– -]*\d[\d.,:/%()+−– -]*$")
_TABLE_ROWS = 2
_TABLE_NEAR = 5.0
FIGURES_GAP = 1.0


def cut_row(row: list[Word], gaps: list[float], cuts: list[int],
             in_measure: Callable[..., bool]) -> list[list[Word]]:
    """The row cut at its sure cuts, and at the weak ones wider than ``_STRETCH`` times the
    widest word space of their stretch of row. A weak cut stands in a stretch with no word
    space, or with a run of words set with spaces inside it (a PDF's text run: the source
    spaced those words tighter than the gap) unless the stretch fills a column's measure and
    each run could hold spaces as wide as its widest word space (a justified line: groff sets
    part of one as a run), and between words of different sizes; in a stretch of apart cuts
    only, or of one weak cut alone between words spaced apart (not CJK,
    which justifies between its characters), those unlike each other, or alike or alone but
    not filling a column's measure (alike, they are a loose justified line's spaces, each over
    a river of the lines above and below; alone, the one space of a justified line of two
    words, a crosshead's first line, which may end on a gutter's side by chance: "Thomas ····
    Hughes"; alike gutters are a row of columns, two items alone are narrower). After a
    sentence's end, in a row that fills its column's measure, the space may be wider
    (``_SENTENCE``)."""
    keep, start = list(cuts), 0
    judged = WEAK in cuts or APART in cuts
    one_size = [min(a.size, b.size) >= SAME_SIZE * max(a.size, b.size)
                for a, b in zip(row, row[1:])] if judged else []
    for end in [k for k, c in enumerate(cuts) if c == CUT] + [len(cuts)] if judged else ():
        stretch = cuts[start:end]
        if WEAK not in stretch and APART not in stretch:  # (a word alone, or no cut to judge)
            start = end + 1
            continue
        spaces = [gaps[k] for k in range(start, end) if cuts[k] == NONE and not _script_seam(row[k], row[k + 1])]
        alike = stretch.count(APART) == end - start or end - start == 1 \
            and cuts[start] == WEAK and not joins_without_space(row[start].text, row[end].text)
        if alike:  # are they alike, and do they fill the measure?
            spaces = [gaps[k] for k in range(start, end) if one_size[k]]
            one = [(row[k], row[k + 1]) for k in range(start, end) if one_size[k]]
            spaces = spaces if spaces and max(spaces) <= _STRETCH * min(spaces) and in_measure(
                row[start], row[end], gap=one[0] if len(one) == 1 else None, indented=True) else []
        if not spaces:
            start = end + 1
            continue
        runs = [w for w in row[start:end + 1] if " " in w.text.strip()]
        if not runs or all(_spaced_as_wide(w, max(spaces)) for w in runs) and (
                alike or in_measure(row[start], row[end], indented=True)):
            sides = None if alike else _narrowest_sides(gaps, cuts, row, start, end)
            for k in range(start, end):
                if cuts[k] in (WEAK, APART) and one_size[k] and (
                        gaps[k] <= _STRETCH * max(spaces) or gaps[k] <= _SENTENCE * max(spaces)
                        and _SENTENCE_END.search(row[k].text) and in_measure(row[start], row[end])) \
                        and (sides is None or _one_line(gaps[k], sides[0][k - start], sides[1][k - start])):
                    keep[k] = NONE
        start = end + 1
    pieces, piece = [], [row[0]]
    for w, c in zip(row[1:], keep):
        if c != NONE:
            pieces.append(piece)
            piece = []
        piece.append(w)
    pieces.append(piece)
    return pieces


def _script_seam(left: Word, right: Word) -> bool:
    """Whether CJK meets a Latin run between two words: that gap is no word space (CJK sets
    no spaces, and the gap there is the justification's or a gutter's)."""
    return bool(left.text) and bool(right.text) and is_cjk(left.text[-1]) != is_cjk(right.text[0])


def _narrowest_sides(gaps: list[float], cuts: list[int], row: list[Word], start: int,
                     end: int) -> tuple[list[float], list[float]]:
    """For each gap k of row[start:end + 1] (index k - start), the narrowest Latin word space
    left of it and right of it in the stretch (inf where there is none), in two sweeps: the
    spaces ``_one_line`` compares. A space after a sentence's end is left out (TeX widens those)."""
    inf = math.inf
    spaces = [gaps[j] if cuts[j] == NONE and not _SENTENCE_END.search(row[j].text)
              and not joins_without_space(row[j].text, row[j + 1].text) else inf for j in range(start, end)]
    left, right, low = [], [inf] * len(spaces), inf
    for s in spaces:
        left.append(low)
        low = min(low, s)
    low = inf
    for k in range(len(spaces) - 1, -1, -1):
        right[k] = low
        low = min(low, spaces[k])
    return left, right


def _one_line(gap: float, left: float, right: float) -> bool:
    """Whether a gap may be one of the justified word spaces around it (``left``, ``right``: the
    narrowest left and right of it, ``_narrowest_sides``): a justified line stretches its spaces
    alike, so those lie within ``_STRETCH`` of each other, and the gap is no narrower than the
    narrowest by that much. Two lines side by side, each justified to its own column, are spaced
    each its own way (latex_s203_08_en: 19.9 pt beside a drop cap, then a 9.4 pt gutter, then
    8.8 pt; 24.6, then 9.4, then 26.1)."""
    sides = [s for s in (left, right) if s != math.inf]
    return not sides or (_STRETCH * gap >= min(sides) and (len(sides) < 2 or max(sides) <= _STRETCH * min(sides)))


def _spaced_as_wide(run: Word, gap: float) -> bool:
    """Whether the text run ``run`` may hold word spaces as wide as ``gap`` (groff stretches
    them inside a run as between runs): its other characters then still average
    ``_NARROWEST_LETTERS`` em (a byline 4 em from the next column's line could not)."""
    text, spaces = run.text.strip(), run.text.strip().count(" ")
    return run.box.x1 - run.box.x0 - spaces * gap >= _NARROWEST_LETTERS * run.size * (len(text) - spaces)


def grid_goes_on(gutters: Gutters, spans: list[RowSpans], i: int, left: float, right: float,
                 slack: float) -> bool:
    """Whether the gap from x=left to x=right in row i, on a long gutter's side (a weak cut:
    ``Gutters.through`` with ``sides``), is a gutter of the page's grid going on: the gap ends
    on both edges of a piece of one (``Gutters.with_core``), and the white of its core (but
    for ``slack`` at either edge) goes on from row i up or down to that piece, no row between
    reaching into it. The first line of a short last column beside a full one, set a gutter
    apart from that column's line under a headline's white (a strip beside two lines is too
    short to be measured), is a line of its own however wide the justified spaces of the line
    beside it (latex_s171_08_en: "of Brookhaven has partly" | "policy.    For   now,   the");
    a word space falling on a gutter's edges by chance has its own column's lines right above
    or below it, across the core."""
    cy = spans[i].cy
    return any(_white_to(g, spans, i, -1 if g.y1 <= cy else 1, slack)
               for g in gutters.with_core(left, right) if g.y1 <= cy or g.y0 >= cy)


def _white_to(g: Strip, spans: list[RowSpans], i: int, step: int, slack: float) -> bool:
    """Whether no row from row i (not included) on to the gutter ``g`` (``step`` -1: up to its
    foot; 1: down to its top) has a word reaching into its core, but for ``slack`` at its
    edges. The rows are sorted by their middles."""
    x0, x1 = g.x0 + slack, g.x1 - slack
    j = i + step
    while 0 <= j < len(spans) and (spans[j].cy > g.y1 if step < 0 else spans[j].cy < g.y0):
        row = spans[j]
        k, end = row.around(x0, x1)
        if any(row.boxes[id(w)].x1 > x0 and row.boxes[id(w)].x0 < x1 for w in row.row[k + 1:end + 1]):
            return False
        j += step
    return True


def sizes_apart(a: Word, b: Word, gap: float) -> bool:
    """True when neighbours of two sizes stand further apart than ``_SIZES_APART`` em of the
    larger: two lines of two columns on one baseline, however little white the page shows
    between them as a gutter (groff_s181_02_en: a caption's ragged line 29 pt from the next
    column's kicker, a picture and a rule above, a headline below; holdout_53_01_zh: a side
    head's kicker in 14 pt, 35 pt from the 8 pt text of the boxed sidebar beside it)."""
    small, big = (a.size, b.size) if a.size < b.size else (b.size, a.size)
    return small < SAME_SIZE * big and gap > _SIZES_APART * big


def walled(row: list[Word], bs: list[Box], cuts: list[int], walls: list[Strip | None],
            spans: list[RowSpans], i: int, near: float, slack: float) -> Walled:
    """The stretches of row i (the ids of their first and last words; ``bs``: the words'
    boxes) that fill a column of the page's grid wall to wall: cut from the words before and
    after at gutters of the grid or long ones, a column's sides at any height (``walls``, per
    gap: groff_s193_03_en's short last column under a headline, which stops the grid's own
    gutters above it, cut at its sides from the columns beside), the first word starting on the left
    gutter's right edge and the last ending on the right one's left edge (within ``slack``),
    each gap between them ``APART`` at most (no gutter) and met by no row within ``near`` em
    (``_repeated``: a table's cells). Such a stretch is a full line of its column as surely as one that a full
    line near it matches (``lines._in_measure``): the first line of a column under a headline's
    white, a short last line and a crosshead below it, has no such line within reach, and its
    justified spaces are as wide as the column asks. Each stretch between two walls is judged
    when asked about (``Walled``): ``cut_row`` asks of few (a stock table's row has a wall
    between every two of its tables, and looks at the rows around for each gap)."""
    sides = [k for k, g in enumerate(walls) if g is not None]
    between = {(id(row[a + 1]), id(row[b])): (a, b) for a, b in zip(sides, sides[1:])}
    return Walled(between, lambda a, b: abs(bs[a + 1].x0 - walls[a].x1) <= slack
                  and abs(bs[b].x1 - walls[b].x0) <= slack
                  and all(c == NONE or c == APART and not _repeated(spans, i, bs, a + 1, k, b, near * row[k].size, slack)
                          for k, c in enumerate(cuts[a + 1:b], a + 1)))


class Walled:
    """The stretches of a row that fill a column wall to wall (``walled``), by the ids of
    their first and last words (``in``): ``between`` gives the gaps (a, b) at the walls
    around each stretch from one wall to the next, ``fills`` judges one, once, when asked."""

    def __init__(self, between: dict[tuple[int, int], tuple[int, int]],
                 fills: Callable[[int, int], bool]) -> None:
        self._between, self._fills = between, fills
        self._judged: dict[tuple[int, int], bool] = {}

    def __contains__(self, ids: tuple[int, int]) -> bool:
        gaps = self._between.get(ids)
        if gaps is None:
            return False
        if gaps not in self._judged:
            self._judged[gaps] = self._fills(*gaps)
        return self._judged[gaps]


def _repeated(spans: list[RowSpans], i: int, bs: list[Box], first: int, k: int, last: int,
              reach: float, slack: float) -> bool:
    """Whether a row within ``reach`` of row i has words on both sides of the gap after word k
    (of the stretch from word ``first`` to word ``last``) and none over it: the gap is one
    between items in columns (a table's cells), not a line's justified space."""
    left, right = max(b.x1 for b in bs[first:k + 1]), bs[k + 1].x0
    x0, x1, cy = bs[first].x0, bs[last].x1, spans[i].cy
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(spans) and abs(spans[j].cy - cy) <= reach:
            lo, hi = spans[j].around(x0, x1)
            met = [spans[j].boxes[id(w)] for w in spans[j].row[lo + 1:hi + 1]]
            met = [c for c in met if c.x1 > x0 and c.x0 < x1]
            if not any(c.x0 < right - slack and c.x1 > left + slack for c in met) \
                    and any(c.x1 <= left + slack for c in met) and any(c.x0 >= right - slack for c in met):
                return True
            j += step
    return False


def walled_or_in_measure(stretches: Walled, in_measure: Callable[..., bool],
                         first: Word, last: Word, **kwargs: object) -> bool:
    """``in_measure`` of the stretch of the row from ``first`` to ``last``, true at once for a
    stretch that fills a column of the grid wall to wall (``walled``)."""
    return (id(first), id(last)) in stretches or in_measure(first, last, **kwargs)


def between_figures(spans: list[RowSpans], i: int, row: list[Word], k: int, left: float,
                    right: float, slack: float, both: bool = False) -> bool:
    """Whether the gap from x=left to x=right after word k of row i is one between the cells of
    a table of figures: the word after it is a figure (``_FIGURE``: numerals and their signs),
    and at least ``_TABLE_ROWS`` rows within ``_TABLE_NEAR`` em above or below repeat it, with
    words before the gap (within ``slack``), none over it, and a figure starting right after it (no
    further than the gap is wide). A stub column of names beside its figures ("MXSZY ·····
    131.55130.73131.22"), the columns of figures themselves a hair apart, down a whole table:
    neither is a line's space nor a gutter of the page, and the row is one line. Two columns
    of text do not put a figure after the same white row after row. With ``both``, the words
    before the gap are figures too (two columns of figures: the lines of a column of text, set
    a narrow gutter left of a column whose lines start with numbers, are not)."""
    if not _FIGURE.match(row[k + 1].text.strip()) or both and not _FIGURE.match(row[k].text.strip()):
        return False
    cy, width, found, reach = spans[i].cy, right - left, 0, _TABLE_NEAR * row[k + 1].size
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(spans) and abs(spans[j].cy - cy) <= reach:
            other = spans[j]
            lo, end = other.around(left + slack, right - slack)
            after = other.row[end + 1] if end + 1 < len(other.row) else None
            if lo >= 0 and after is not None and other.boxes[id(after)].x0 <= right + width \
                    and _FIGURE.match(after.text.strip()) and (not both or _FIGURE.match(other.row[lo].text.strip())) \
                    and not any(
                        other.boxes[id(w)].x1 > left + slack and other.boxes[id(w)].x0 < right - slack
                        for w in other.row[lo + 1:end + 1]):
                found += 1
                if found >= _TABLE_ROWS:
                    return True
            j += step
    return False


def across_grid(words: Sequence[Word], boxes: dict[int, Box], gutters: Gutters, y: float,
                slack: float) -> bool:
    """Whether a gutter of the page's grid runs between two of ``words`` (sorted along their
    row, at height y): they are lines of columns side by side, not one line."""
    right = boxes[id(words[0])].x1
    for w in words[1:]:
        b = boxes[id(w)]
        if b.x0 > right and (g := gutters.through(right, b.x0, y, slack)) is not None and g.on_grid:
            return True
        right = max(right, b.x1)
    return False
