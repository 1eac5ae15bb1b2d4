"""Stage 1: words → lines.

Words sharing a baseline are gathered into rows, then each row is cut wherever a gap between
neighbours is a column gutter, so one row of print becomes one line per column. Whether a gap
is a gutter is decided from the whole page, not from the gap's width (``gutters.py``): white
space that runs down the page, on the page's column grid or beside aligned line edges. Any
other gap is a word space, however wide: the loose spaces of a justified narrow column are
kept in their line, and two columns of Chinese a character apart are cut. Only a row with no
text right above or below it is cut at a gap wider than a word space (``Params.word_gap``).
That cut, one at a short gutter taken for the lines aligned beside it, and one in or beside
body text (a crosshead) on the edges of a long gutter of another height, are weak: a river of word spaces looks the
same, and its gap is no wider than the other spaces of its line, which keeps it; but the last
is sure after words that fill the measure of their column's lines, the gutter white beside
them too (a line ends there: a short last column beside a full one), unless these words and
the next fill it too (a justified line of two words in a narrow column, "However, ···· the"). A line an OCR file found is
evidence: no weak cut, only sure ones, none at a gutter (nor beside a word of another size, an
engine's guess) if it is no wider than a column (``_BEYOND_MEASURE``), its words in the file's
order. A vertical rule, a change of source block (OCR regions) or a word far larger than its
neighbour (a drop cap, a headline beside body text) always cuts. Pieces of two rows that make one
printed line are then joined (``rejoin.py``). Vertical CJK words are handled the same way with
the axes swapped. Cost: one sort of the words, one sweep for the gutters, then linear.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache, partial
from operator import attrgetter

from ..geometry import RowSpans, VerticalRules, union_all
from ..model import Box, Line, Rule, Word
from ..params import Params
from .display import (CJK_APART, DISPLAY, DISPLAY_APART, body_face, display_apart, headlines_apart,
                      phrase_space_of_bold, phrase_space_of_display, side_by_side, spanned_across, word_space_of_display)
from .foundlines import ONE_COLUMN, PageWhite, found_line, found_measure, joined_fragments, other_source_block, row_extent
from .gutters import INDENT, Gutters
from .linestyle import make_line
from .rejoin import SAME_SIZE, fragments, other_lines, rejoined
from .rowcuts import (APART, CUT, FIGURES_GAP, NONE, WEAK, across_grid, between_figures, cut_row, grid_goes_on,
                      sizes_apart, walled, walled_or_in_measure)
from .script import hanging_mark, joins_without_space

# Words whose middles lie within this share of the smaller height (theirs or the row's) share
# its baseline; the smaller one, so a tall headline cannot swallow two body lines.
_ROW_TOLERANCE = 0.4
# [share of its neighbour's height] a superscript's foot stands this far above its neighbour's;
# [em of the neighbour's size] and the superscript is a mark no wider than this (a footnote's
# number, an ordinal's letters), spaced at its neighbour's size: a line of smaller type beside a
# larger one, its foot higher, is spaced at its own (a caption's beside the next column's kicker)
_RAISED = 0.2
_MARK = 3.0
# [em] how close above or below a row (between their boxes) other text must be to say
# something of its gaps: the line right above or below; and [share of size] how near in size
# (a nameplate says nothing of the ears beside it)
_NEIGHBOURS = 0.8
_SIMILAR = 0.3
# [em] a word narrower than this is a speck (``_speck``), not a letter: the narrowest letters
# (i, l, a comma) are about a quarter em wide.
_SPECK = 0.15
# A word this many times larger than its neighbour is set apart from it (a drop cap).
_OUTSIZED = 1.8
# [em] how far off a gutter's edge a gap may end and still be on it
_SLACK = 0.3
# [em] how far up or down the page a line shows the measure of a column (``_in_measure``)
_MEASURE_NEAR = 5.0
# [body sizes] a line an OCR engine found no wider than the page's column measure (of found
# lines, ``found_measure``, counted in bins of one body size) and this much more lies in one
# column: one across two would reach from the first's left edge over a gutter into the next
# (a column and a gutter wide at least); no white inside it is a column's side
_BEYOND_MEASURE = 1.0
# [em] how far text above or below a gap between two sizes may reach into it and still stand
# beside it, not around it (``_alone_and_apart``)
_REACH_IN = 0.3

Axes = Callable[[Box], Box]
_BOX = attrgetter("box")


def _flip(box: Box) -> Box:
    return Box(box.y0, box.x0, box.y1, box.x1)


def _same(box: Box) -> Box:
    return box


def build_lines(words: Sequence[Word], rules: Sequence[Rule], params: Params,
                figures: Sequence[Box] = (), size: float | None = None) -> tuple[Line, ...]:
    """Group words into lines; horizontal lines first, then vertical ones.

    ``figures``: the boxes of the page's pictures, which stop white space as words do.
    ``size``: ``typical_size(words)`` when the caller has it (asked once a page); each direction
    is measured against its own words' typical size, the page's when all run one way.
    """
    horizontal = [w for w in words if not w.vertical]
    vertical = [w for w in words if w.vertical]
    v_rules = VerticalRules([r.box for r in rules if r.orientation == "v"])
    h_rules = VerticalRules([_flip(r.box) for r in rules if r.orientation == "h"])
    across = size if size is not None and not vertical else typical_size(horizontal)
    pieces, known = _pieces(horizontal, params, _same, v_rules, figures, across)
    lines = [make_line(ws, False, known.get(id(ws))) for ws in pieces]
    pieces, known = _pieces(vertical, params, _flip, h_rules, figures, typical_size(vertical))
    lines += [make_line(ws, True, known.get(id(ws))) for ws in pieces]
    return tuple(lines)


def typical_size(words: Sequence[Word]) -> float:
    """The size most characters are set in (rounded to a quarter unit): the body size."""
    chars: dict[float, int] = {}  # by size as set, then by rounded size: a page has few sizes
    for w in words:
        chars[w.size] = chars.get(w.size, 0) + len(w.text)
    counts: Counter[float] = Counter()
    for size, n in chars.items():
        counts[round(size * 4) / 4] += n
    return counts.most_common(1)[0][0] if counts else 0.0


def _speck(w: Word, box: Box) -> bool:
    """A mark far narrower than a letter (``_SPECK``): dirt or a piece of a column rule that
    OCR read as "i", "!" or "■" and put on the line beside it. It stays on that line, the
    gutter it stands in notwithstanding: cut off, it would make a column of its own."""
    return box.x1 - box.x0 < _SPECK * w.size


def _outsized(a: Word, b: Word) -> bool:
    """True when one of two neighbours is far larger: a drop cap or a headline beside body text."""
    return max(a.size, b.size) > _OUTSIZED * max(min(a.size, b.size), 1e-6)


def _rows(words: list[Word], boxes: dict[int, Box], upright: bool
          ) -> tuple[list[list[Word]], list[float], list[list[int]], list[Box | None]]:
    """Words grouped by baseline, each row sorted along the line, the rows by their middles
    (given too: the median of their words' middles, each row's words' positions in
    ``words``, in the row's order, and the box of a row that is one found line whole, of one
    block, None for any other: ``foundlines.found_line`` holds between any two of its words).

    A word joins the row whose middle (the mean of its words') lies within ``_ROW_TOLERANCE``
    of the smaller height (the row's: that of its smallest word but for marks far smaller, a
    footnote's number). A line an OCR file found (``found_line``) is a row of its own: its
    words stay together however the engine boxed them, and two lines of a skewed scan that
    overlap in height are never merged into one row; but fragments of one printed line that
    one of its blocks holds side by side are, when ``upright`` (``rejoin.fragments``)."""
    found: dict[tuple, list[int]] = {}  # the positions of a found line's words
    rows: list[list[int]] = []  # the positions of each row's words
    bs = list(map(_BOX, words)) if upright else [boxes[id(w)] for w in words]  # (upright: the same)
    cys = [(b.y0 + b.y1) / 2 for b in bs]  # Box.cy, written out: once a word
    middle = height = 0.0
    counted = 0  # the words the middle is the mean of (not the far smaller marks)
    for k in sorted(range(len(words)), key=cys.__getitem__):
        w = words[k]
        if w.source_block is not None and w.source_line is not None:
            found.setdefault((w.source_block, w.source_line), []).append(k)
            continue
        cy, h = cys[k], bs[k].y1 - bs[k].y0
        least = h if h < height else height  # (min, max: written out, once a word)
        if not rows or abs(cy - middle) > _ROW_TOLERANCE * (1e-6 if 1e-6 > least else least):
            rows.append([])
            middle, height, counted = cy, h, 1
        elif h >= SAME_SIZE * height:
            middle, height = (middle * counted + cy) / (counted + 1), least
            counted += 1
        rows[-1].append(k)
    lines = list(found.values())
    shapes = [union_all(map(bs.__getitem__, ks)) for ks in lines]  # each found line's box, once
    groups = fragments(lines, words, shapes) if upright else [[j] for j in range(len(lines))]
    whole: list[Box | None] = [None] * len(rows)  # the box of a row of one found line
    whole += [shapes[js[0]] if len(js) == 1 else None for js in groups]
    middles = [_middle(cys, ks) for ks in rows]  # (a row's words, as a found line's, came in cy order)
    for js in groups:
        if len(js) == 1:
            rows.append(lines[js[0]])
            middles.append(_middle(cys, lines[js[0]]))
        else:  # fragments of one line, side by side
            rows.append([k for j in js for k in lines[j]])
            middles.append(_median([cys[k] for k in rows[-1]]))
    x0s = [b.x0 for b in bs]
    for ks in rows:  # along the line (by position, not by a word's id: the sort's key is C's)
        ks.sort(key=x0s.__getitem__)
    order = sorted(range(len(rows)), key=middles.__getitem__)  # stable, as rows.sort would be
    return ([[words[k] for k in rows[j]] for j in order], [middles[j] for j in order],
            [rows[j] for j in order], [whole[j] for j in order])


def _middle(cys: list[float], ks: list[int]) -> float:
    """``_median`` of ``cys`` at the positions ``ks``, given in the order of their values (the
    words of a row, gathered in cy order): read off the middle, no list, no sort."""
    n = len(ks)
    return cys[ks[n // 2]] if n % 2 else (cys[ks[n // 2 - 1]] + cys[ks[n // 2]]) / 2


def _median(values: list[float]) -> float:
    """``statistics.median``, written out: most rows are a word, or a found line of a few, and
    the library's checks and calls cost as much as the sort (the same value to the bit)."""
    n = len(values)
    if n == 1:
        return values[0]
    values = sorted(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def _pieces(words: list[Word], params: Params, axes: Axes, separators: VerticalRules,
            figures: Sequence[Box], body: float) -> tuple[list[list[Word]], dict[int, Box]]:
    """Words grouped by baseline, then cut at gutters; ``axes`` maps a box into row space;
    ``body``: the words' ``typical_size``. Given too: the box of each line an OCR file found
    and kept whole (by the piece's ``id``), worked out once for the gutters and the line.
    The words of a piece of a line an OCR engine found are in the engine's order (the order
    ``words`` give), not sorted along the line: its reading of the line is evidence, and a
    word boxed wrongly ("of" boxed over its whole line) would move."""
    if not words:
        return [], {}
    boxes = {id(w): w.box for w in words} if axes is _same else {id(w): axes(w.box) for w in words}
    rows, middles, positions, found_boxes = _rows(words, boxes, axes is _same)
    spans = [RowSpans(row, boxes) for row in rows]
    extents = [(one.x0, one.x1) if one is not None else row_extent(row, boxes) if row[0].source_block is not None
               else None for row, one in zip(rows, found_boxes)]  # (a whole found line's box gives its own)
    found_rows = [(m, *e) for row, m, e in zip(rows, middles, extents)
                  if len(row) > 1 and found_line(row[0], row[-1])]
    measure = found_measure([x1 - x0 for _, x0, x1 in found_rows], body)
    widest_whole, one_column = ONE_COLUMN * measure, measure + _BEYOND_MEASURE * body
    ruled = bool(separators)
    kept = [one is not None and e[1] - e[0] <= one_column and not (ruled and separators.within(*e))
            for one, e in zip(found_boxes, extents)]
    # an OCR line in one column, of one block, no rule: no cut below, its words in the
    # source's order (their positions in ``words``) as the end asks, and its box, given at once
    wholes = {i: _in_source_order(words, positions[i]) for i, k in enumerate(kept) if k}
    shapes = [found_boxes[i] for i in wholes]
    white = PageWhite(words, boxes, [*map(axes, figures)], body, found_rows,  # asked for when needed
                      [*wholes.values()], [ks for ks, k in zip(positions, kept) if not k], shapes)
    # asked once, not at every gap (display predicates hold between words of ``DISPLAY`` type)
    slack, display = _SLACK * body, DISPLAY * body
    tolerance, tight = params.size_tolerance * body, min(DISPLAY_APART, CJK_APART, params.word_gap)
    face = cache(lambda: body_face(words, body, tolerance))  # the body's face, asked of few pages
    pieces = []
    cut: list[int] = []  # the rows looked at gap by gap
    for i, row in enumerate(rows):
        width = extents[i][1] - extents[i][0] if extents[i] else math.inf  # a row of found words'
        in_column = width <= one_column
        if kept[i]:
            pieces.append([wholes[i]])
            continue
        cut.append(i)
        unhung, gutters, across = white.unhung, white.gutters, white.across
        whole = bool(across) and width <= widest_whole
        gaps, cuts, walls = [], [], []  # per gap: its width; NONE, WEAK, APART or CUT; a column's side cut at
        bs, us = [boxes[id(w)] for w in row], [unhung[id(w)] for w in row]  # once a word
        right = bs[0].x1
        near, one_line = not found_line(row[0], row[-1]) or gutters.long_meets(bs), joined_fragments(row)
        start = 0  # where the stretch since the last cut starts
        for k, (prev, w, pb, b, pu, u) in enumerate(zip(row, row[1:], bs, bs[1:], us, us[1:])):
            # Each test below that only a word of an OCR line, or of two sizes, or a gap wider
            # than a word space (``tight`` em of the smaller size) can pass is guarded by that
            # first: the same answers, without a call at every gap of a page.
            gap = b.x0 - right
            found = prev.source_block is not None and (one_line or found_line(prev, w))  # long gutters only
            shown = prev.size > display and w.size > display
            inner = pu.x1 if pb.x1 >= right else right
            gutter = None if not near and u.x0 - inner < gutters.column else gutters.through(
                inner, u.x0, (b.y0 + b.y1) / 2, slack, hanging_mark(prev, w), found, sides=not found
                and prev.size <= display and w.size <= display
                and (abs(prev.size - body) <= tolerance or abs(w.size - body) <= tolerance))
            if gutter and (in_column or whole and gutter in across or found and (_speck(prev, pb) or _speck(w, b))
                           or gutter.width < FIGURES_GAP * body  # a table's two columns of figures?
                           and between_figures(spans, i, row, k, inner, u.x0, slack, True)):
                gutter = None
            elif gutter and shown and word_space_of_display(prev, w, gap, body):
                gutter = gutter.filled(right, b.x0, body)  # two headlines, each filling its columns?
            elif gutter and (phrase_space_of_display(prev, w, gap, body) if shown else phrase_space_of_bold(
                    prev, w, gap, face)) and spanned_across(row, k, boxes, spans, i, slack, within=not shown):
                gutter = None  # one title's phrase space over a gutter: its byline or kicker spans it
            if ruled and separators.in_gap(right, b) or not in_column and prev.size != w.size and _outsized(prev, w) \
                    or (not in_column or not found) and prev.size != w.size and sizes_apart(prev, w, gap) \
                    or prev.source_block is not None and other_source_block(prev, w) or gutter and gutter.on_grid \
                    or not found and other_lines(prev, w, pb, b, gap) \
                    or not found and shown and (display_apart(prev, w, gap, body) or headlines_apart(
                        prev, w, gap, body) and gutters.headed(inner, u.x0, b.cy, max(prev.size, w.size))
                        or side_by_side(row[start:], k - start, boxes, spans, i, body, slack)):
                cuts.append(CUT)
            elif not found and gutter and gutter.long and _in_measure(
                    spans, i, row[start], prev, boxes, body, gutters, white=gutter.x1) \
                    and not _in_measure(spans, i, row[start], w, boxes, body, gutters):
                cuts.append(CUT)  # on a column's side, after the words of a full line of it
            elif not found and gutter and gutter.long and not gutter.on_grid and grid_goes_on(
                    gutters, spans, i, inner, u.x0, slack):
                cuts.append(CUT)  # the grid's gutter going on, white from its end down to here
            elif not found and (gutter or gap > tight * max(min(prev.size, w.size), 1e-6) and _alone_and_apart(
                    rows, spans, i, prev, w, right, b.x0, boxes, body, params)
                    and not between_figures(spans, i, row, k, right, b.x0, slack)):
                cuts.append(WEAK if gutter else APART)
            else:
                cuts.append(NONE)
            gaps.append(gap)
            walls.append(gutter if cuts[-1] == CUT and gutter and (gutter.on_grid or gutter.long) else None)
            start = start if cuts[-1] == NONE else k + 1
            right = b.x1 if b.x1 > right else right
        in_measure = partial(_in_measure, spans, i, boxes=boxes, body=body, gutters=gutters)
        if any(walls):
            in_measure = partial(walled_or_in_measure, walled(row, bs, cuts, walls, spans, i, _MEASURE_NEAR, slack),
                                 in_measure)
        pieces.append(cut_row(row, gaps, cuts, in_measure))
    joined = rejoined(pieces, white, boxes, hanging_mark, slack, separators)
    known = {id(ws): axes(box) for ws, box in zip(wholes.values(), shapes)}  # (axes: its own inverse)
    unsorted = [len(q) > 1 and q[0].source_block is not None and id(q) not in known for q in joined]
    if not any(unsorted):
        return joined, known
    # the source's order (its lines' word order): the positions of the words of the rows cut
    # (a found line's pieces hold words of its row only: ``rejoined`` joins no found word)
    rank = {id(words[k]): k for i in cut for k in positions[i]}
    return [sorted(q, key=lambda w: rank[id(w)]) if u else q for q, u in zip(joined, unsorted)], known


def _in_source_order(words: list[Word], positions: list[int]) -> list[Word]:
    """The words at ``positions`` in ``words`` in the order they are given there: a slice when
    they stand together (the words of a line, in most sources' order)."""
    first, last = min(positions), max(positions)
    return words[first:last + 1] if last - first + 1 == len(positions) else [words[k] for k in sorted(positions)]


def _in_measure(spans: list[RowSpans], i: int, first: Word, last: Word, boxes: dict[int, Box],
                body: float, gutters: Gutters, gap: tuple[Word, Word] | None = None,
                white: float = -math.inf, indented: bool = False) -> bool:
    """Whether a line a few above or below row i (within ``_MEASURE_NEAR`` em) starts where
    ``first`` starts and ends where ``last`` ends (within ``_SLACK`` em): the words from first
    to last are a full line of a justified column, not items set apart (a chart's labels).
    That line is one column's: no gutter of the page's grid runs between its words (lines of
    tight Chinese columns side by side may start and end where two kickers over them do).
    With ``gap`` (the words either side of the row's one space), that line has a word over the
    gap's middle too: a line of the column, not a row of the same two items (two columns'
    lines side by side). With ``white`` (the x of a gutter's far side), that line has no word
    from its end to there (but for ``_SLACK``): the gutter runs beside it too (``RowSpans``
    finds a row's words in reach: a table's rows run across the page). With ``indented``,
    either may start up to a paragraph's indent (``INDENT`` body sizes) right of the other: the
    row or that line is the first line of a paragraph ("Superintendent ······ Ibarra", set in)."""
    a, b = boxes[id(first)], boxes[id(last)]
    over = None if gap is None else (boxes[id(gap[0])].x1 + boxes[id(gap[1])].x0) / 2
    reach, slack = _MEASURE_NEAR * first.size, _SLACK * body
    set_in = slack + (INDENT * body if indented else 0.0)
    end = max(b.x1, white - slack)  # (the next column's lines start at the gutter's far side)
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(spans) and abs(spans[j].cy - a.cy) <= reach:
            k, e = spans[j].around(a.x0, end)  # the words reaching in: k + 1 to e
            if k < e and -set_in <= a.x0 - spans[j].starts[k + 1] <= set_in \
                    and abs(spans[j].reach[e] - b.x1) <= slack and (over is None or any(
                        c.x1 > a.x0 and c.x0 < over < c.x1 for c in (boxes[id(w)] for w in spans[j].row[k + 1:e + 1]))) \
                    and not across_grid(spans[j].row[k + 1:e + 1], boxes, gutters, spans[j].cy, slack):
                return True
            j += step
    return False


def _alone_and_apart(rows: list[list[Word]], spans: list[RowSpans], i: int, a: Word, b: Word,
                     left: float, right: float, boxes: dict[int, Box], body: float,
                     params: Params) -> bool:
    """A gap wider than a word space in a row where no text of its size stands right above or
    below it.

    With text around the gap, the gutters have said what it is; without, two items side by
    side are told apart by the gap alone (between two sizes, a byline beside a title, text within
    ``_REACH_IN`` em of the gap's edge is beside it, not around it, and text nearer the other's
    size is its column going on: holdout_89_06_en, a deck's 11 pt lines 27 pt from 9 pt text).
    The smaller size sets the word space, but for a mark far smaller than its neighbour set above
    its baseline (a footnote's number, ``_MARK`` em wide at most): its neighbour's, whose size the
    text around is looked for in then, as for a raised smaller word of any width; display type may
    be spaced wider (CJK headlines). Asked only of a gap wider than the tightest word space of the
    smaller size (``_pieces``' guard: narrower, a word space whatever sizes and scripts say).
    """
    small_word, big_word = (b, a) if b.size < a.size else (a, b)
    small, big = max(small_word.size, 1e-6), max(big_word.size, 1e-6)
    small_box, big_box = boxes[id(small_word)], boxes[id(big_word)]
    raised = big_box.y1 - small_box.y1 > _RAISED * big_box.height
    size = big if small < SAME_SIZE * big and raised else small
    widest = (DISPLAY_APART if small > DISPLAY * body else
              CJK_APART if joins_without_space(a.text, b.text) else params.word_gap)
    if right - left <= widest * (size if small_box.width <= _MARK * big else small):
        return False
    here, reach, edge = boxes[id(b)], _NEIGHBOURS * size, _REACH_IN * size if small < SAME_SIZE * big else 0.0
    y0, y1, cy, far, similar, other = here.y0, here.y1, here.cy, 3 * reach + size, _SIMILAR * size, small + big - size
    for step in (-1, 1):  # the rows within reach above, then below (rows are sorted by height)
        j = i + step
        while 0 <= j < len(rows) and abs(spans[j].cy - cy) <= far:
            k, end = spans[j].around(left, right)
            for w in spans[j].row[k + 1:end + 1]:
                c = boxes[id(w)]
                if c.y0 - y1 <= reach and y0 - c.y1 <= reach and c.x1 > left + edge and c.x0 < right - edge \
                        and abs(w.size - size) <= min(similar, abs(w.size - other)):
                    return False
            j += step
    return True
