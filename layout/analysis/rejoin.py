"""Stage 1, after the rows are cut: pieces of two rows that make one printed line, joined.

Rows are grouped by their middles (``lines._rows``), and the staggered lines of other columns
may draw a row's middle away from a word set a little lower on its line (Latin digits in a
CJK line), which then makes a row of its own. A piece of a row is joined to the piece of the
row before that one of its ends stands level with and right beside: a word of each on one
baseline (``OFF_BASELINE``), of about one size (``SAME_SIZE``), ``_BESIDE`` em apart at most, with
no gutter (``Gutters.through``, a long one's side included: two modules side by side on grids a
point apart, a crosshead widening the white between them where the gap holds only its side) and
no vertical rule between them. Never two words of lines
an OCR file found: each is its own row on purpose, but for the fragments of one printed line
side by side in one of its blocks, joined before the rows are cut (``fragments``). Pieces are
looked up by bisection, words in the few pieces near by a scan, and only for a piece with an
end word whose middle stands within ``OFF_BASELINE`` of the lowest middle of the row before
(rows level with the row before are many in a table set tight, its cells a little lower than
the next column's; few of their pieces are): linear in the words.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable
from itertools import islice
from operator import attrgetter

from ..geometry import VerticalRules, root_of
from ..model import Box, Word
from .foundlines import PageWhite
from .gutters import Gutters
from .ocrregions import MEASURED, full_measure

# [share of the larger size] two words of about one size; [share of the smaller height] how
# far apart the middles of two words on one baseline may lie (shared with ``lines``, whose
# rows and cuts read sizes and baselines alike); [em] how far apart two words side by side
# may stand
SAME_SIZE = 0.8
OFF_BASELINE = 0.25
_BESIDE = 1.0
# Words of one line share a baseline: neighbours of about one size whose middles are further
# apart than ``OFF_BASELINE`` with more than this gap between them (a share of the smaller
# size) are not one line, though the gap be narrower than a word space at their size; nor are
# two of other sizes or weights overlapping along their row by more than ``_OVERPRINT`` of the
# smaller size (CJK punctuation squeezed to half its width overlaps its neighbour by half an em
# at most)
_OFF_BASELINE_GAP = 0.15
_OVERPRINT = 0.6
# [share of the least height of their words] two rows overlapping less than this (the row
# before's foot below the next one's top) have no two words on one baseline: the middles of
# any two stand at least the shorter one's height less the overlap apart, more than
# ``OFF_BASELINE`` of it (a bound, with room for rounding: joins are looked for only beyond)
_LEVEL = 0.5
# [em] how far two fragments of one found line may overlap (their boxes' rounding);
# [share of the page's median found line height] a found line taller than this holds words of
# two printed lines (a flourish, a stack of specks): not a fragment of one, unless a fragment
# no taller than the median found line lies within its height (``_inside``) and it is no
# taller than ``_SLANTED`` median found lines: a slanted scan or a tall glyph stretched its box
# and set its middle off its fragment's (the Liverpool Standard, 1832: 74 px beside fragments
# 31 px tall, median 47; two tall lines of noise, 74 and 67 px, one inside the other, stay apart)
_HAIR = 0.1
_ONE_LINE = 1.5
_SLANTED = 2.0
_Y0, _X1, _Y1 = attrgetter("y0"), attrgetter("x1"), attrgetter("y1")
_HEIGHT = attrgetter("height")

Hanging = Callable[[Word, Word], bool]


def fragments(lines: list[list[int]], words: list[Word], shapes: list[Box]) -> list[list[int]]:
    """The lines an OCR file found (the positions of their words in ``words``; ``shapes``:
    each line's box), grouped (as their indices in ``lines``): those of one source block that
    stand on one printed line side by side together, left to right, any other alone. An
    engine splits a line of a noisy scan into fragments (":tinent can" beside ".now array
    against her", the Liverpool Standard, 1832), which its block says are one text. On one
    line: middles within ``OFF_BASELINE`` of the smaller height, about one size
    (``SAME_SIZE``), ``_BESIDE`` em apart at most and overlapping by a hair at most.
    Whether a gutter runs between them is left to the cuts of the row they make; but two
    lines that together reach wider than their block's measure and a size (``full_measure``
    of its found lines, when it has ``MEASURED`` of them to say so) are no fragments of one
    line: they are lines of two columns in a region the engine ran across the gutter (joined,
    their gutter would be read across, ``foundlines.read_across``, and never cut)."""
    # per line: middle, height, left, right, size (of its first word)
    spans = [((b.y0 + b.y1) / 2, b.y1 - b.y0, b.x0, b.x1, words[ks[0]].size) for ks, b in zip(lines, shapes)]
    middles, heights, lefts = [s[0] for s in spans], [s[1] for s in spans], [s[2] for s in spans]  # (in C)
    by_block: dict[int | None, list[int]] = {}
    for j, ks in enumerate(lines):
        by_block.setdefault(words[ks[0]].source_block, []).append(j)
    root = list(range(len(lines)))
    tallest = _ONE_LINE * sorted(heights)[len(spans) // 2] if spans else 0.0
    median = tallest / _ONE_LINE
    joined = False
    for block, js in by_block.items():
        js.sort(key=middles.__getitem__)
        cys = [middles[j] for j in js]
        measure = None  # the block's, asked of a pair of fragments only
        # the lines the next of the block stands level with (most stand higher: no look further)
        level = [i for i, (cy, cy_b, a) in enumerate(zip(cys, cys[1:], js)) if not cy_b - cy > OFF_BASELINE * heights[a]]
        for i in level:
            a = js[i]
            cy, h, x0, x1, size = spans[a]
            for b in islice(js, i + 1, None):  # (no copy of the rest: the loop stops soon)
                cy_b, h_b, x0_b, x1_b, size_b = spans[b]
                if cy_b - cy > OFF_BASELINE * h:
                    break  # and so are those after it
                small, big = sorted((size, size_b))
                gap = max(x0_b - x1, x0 - x1_b)
                if small >= SAME_SIZE * big and -_HAIR * small <= gap <= _BESIDE * small \
                        and (cy_b - cy <= OFF_BASELINE * min(h, h_b) and max(h, h_b) <= tallest
                             or min(h, h_b) <= median and max(h, h_b) <= _SLANTED * median
                             and _inside(shapes[a], shapes[b], _HAIR * small)):
                    if measure is None:
                        measure = full_measure([spans[j][3] - spans[j][2] for j in js]) if len(js) >= MEASURED \
                            else math.inf
                    if max(x1, x1_b) - min(x0, x0_b) <= measure + big:
                        root[root_of(root, b)] = root_of(root, a)
                        joined = True
    if not joined:
        return [[j] for j in sorted(range(len(lines)), key=lefts.__getitem__)]
    groups: dict[int, list[int]] = {}
    for j in sorted(range(len(lines)), key=lefts.__getitem__):
        groups.setdefault(root_of(root, j), []).append(j)
    return list(groups.values())


def _inside(a: Box, b: Box, hair: float) -> bool:
    """Whether the shorter of two boxes lies within the taller one's height (up to ``hair``)."""
    short, tall = (a, b) if a.y1 - a.y0 <= b.y1 - b.y0 else (b, a)
    return short.y0 >= tall.y0 - hair and short.y1 <= tall.y1 + hair


def other_lines(a: Word, b: Word, ba: Box, bb: Box, gap: float) -> bool:
    """Whether neighbours a and b of a row (boxed ba, bb; ``gap`` from a's right to b's left,
    negative when they overlap) are words of two lines. Two headlines side by side, in about
    one size but set on different baselines, with more than a hair between (a superscript is
    smaller than its word and stays with it); or two lines one over the other, overlapping
    along the row by more than that hair (the staggered baselines of the columns around drew
    one row's middle between two lines of a column); or, on one baseline, a word printed over
    one of another size or weight (typst_s149_01_en: a sidebar's heading run out of its box
    over the first words of the next column, read as one line with them: "THE
    BACKGROUNDcoastal tunnel near"). Words of one size and weight may overlap and still be one
    line: a PDF's extractor boxes the words of a run as it finds them (one boxed over its
    whole line), and a line switches faces between scripts (a chart's labels crowded over one
    another, "2019 年" over "2020", stay a row of labels)."""
    small, big = (b.size, a.size) if b.size < a.size else (a.size, b.size)
    if small >= SAME_SIZE * big:  # (Box.cy and Box.height written out: every gap of a page asks)
        off, ha, hb = (ba.y0 + ba.y1) / 2 - (bb.y0 + bb.y1) / 2, ba.y1 - ba.y0, bb.y1 - bb.y0
        if abs(off) > OFF_BASELINE * (hb if hb < ha else ha) and abs(gap) > _OFF_BASELINE_GAP * small:
            return True
    return gap < -_OVERPRINT * small and (a.bold, a.size) != (b.bold, b.size)


def rejoined(rows: list[list[list[Word]]], white: PageWhite, boxes: dict[int, Box],
             hanging: Hanging, slack: float, rules: VerticalRules) -> list[list[Word]]:
    """The pieces of the rows (each row's pieces apart, in order, the rows by their middles),
    those of one printed line joined (see the module's docstring); ``white``: the page's
    gutters and its words' boxes without their hanging marks, asked only when a join is."""
    if all(q[0].source_block is not None and q[-1].source_block is not None for row in rows for q in row):
        return [q for row in rows for q in row]  # every piece ends in words of found lines: no join
    gutters, unhung = white.gutters, white.unhung
    out: list[list[Word]] = []
    before: list[list[Word]] = []
    before_boxes: list[list[Box]] = []  # the boxes of before's words, piece by piece
    foot = float("-inf")  # of the row before
    least = 0.0  # the height of the row before's shortest word
    for row in rows:
        row_boxes = [[boxes[id(w)] for w in q] for q in row]
        bs = [b for pb in row_boxes for b in pb]
        top, bottom, short = min(map(_Y0, bs)), max(map(_Y1, bs)), min(map(_HEIGHT, bs))
        # No word of the row before stands level with one of this row: none reaches below the
        # row's top, or too little (``_LEVEL``) for two middles within ``OFF_BASELINE``
        lowest = min(short, least)
        apart = top >= foot or lowest > 0 and top - foot > -_LEVEL * lowest
        foot, least = bottom, short
        if apart:
            out += before
            before, before_boxes = row, row_boxes
            continue
        starts = [pb[0].x0 for pb in before_boxes]  # the pieces of a row are apart, by x0
        ends = [max(map(_X1, pb)) for pb in before_boxes]
        deepest = max((b.cy for pb in before_boxes for b in pb), default=-math.inf)  # the lowest middle
        joins: dict[int, list[list[Word]]] = {}
        kept, kept_boxes = [], []
        for q, pb in zip(row, row_boxes):
            first, last = pb[0], pb[-1]  # (a piece whose ends stand lower is level with none)
            partner = None if first.cy - deepest > OFF_BASELINE * first.height \
                and last.cy - deepest > OFF_BASELINE * last.height else _partner(
                    q, first, last, before, before_boxes, starts, ends, gutters, boxes, unhung,
                    hanging, slack, rules)
            if partner is None:
                kept.append(q)
                kept_boxes.append(pb)
            else:
                joins.setdefault(partner, []).append(q)
        for j, qs in joins.items():
            before[j] = sorted(before[j] + [w for q in qs for w in q], key=lambda w: boxes[id(w)].x0)
        out += before
        before, before_boxes = kept, kept_boxes
    return out + before


def _partner(q: list[Word], first: Box, last: Box, before: list[list[Word]],
             before_boxes: list[list[Box]], starts: list[float], ends: list[float],
             gutters: Gutters, boxes: dict[int, Box], unhung: dict[int, Box], hanging: Hanging,
             slack: float, rules: VerticalRules) -> int | None:
    """The piece of the row before that q's first or last word (boxed ``first``, ``last``)
    stands on one line with. A word of the piece is tried only when it ends (or starts)
    right beside one of those two and its middle lies within ``OFF_BASELINE`` of that one's
    height of theirs (``_on_one_line`` asks no less): a table's cells, row under row, are
    each beside a few of the row before, level with none."""
    reach = _BESIDE * min(w.size for w in q)
    left, right, hair = first.x0 - reach, last.x1 + reach, gutters.hair
    ends_of = ((q[0], first.cy, OFF_BASELINE * first.height), (q[-1], last.cy, OFF_BASELINE * last.height))
    j = bisect_left(starts, right) - 1
    while j >= 0 and ends[j] >= left:
        for u, b in zip(before[j], before_boxes[j]):
            if left <= b.x1 <= first.x0 + hair or last.x1 - hair <= b.x0 <= right:
                cy = b.cy
                if any(abs(cy - c) <= off and _on_one_line(u, v, gutters, boxes, unhung, hanging, slack, rules)
                       for v, c, off in ends_of):
                    return j
        j -= 1
    return None


def _on_one_line(a: Word, b: Word, gutters: Gutters, boxes: dict[int, Box], unhung: dict[int, Box],
                 hanging: Hanging, slack: float, rules: VerticalRules) -> bool:
    """Whether a and b stand on one baseline side by side, no gutter or rule between them;
    never two words of lines an OCR file found."""
    if a.source_block is not None or b.source_block is not None:
        return False
    u, v = (a, b) if boxes[id(a)].x0 <= boxes[id(b)].x0 else (b, a)
    bu, bv = boxes[id(u)], boxes[id(v)]
    small, big = sorted((u.size, v.size))
    return small >= SAME_SIZE * big and abs(bu.cy - bv.cy) <= OFF_BASELINE * min(bu.height, bv.height) \
        and -gutters.hair <= bv.x0 - bu.x1 <= _BESIDE * small and not rules.in_gap(bu.x1, bv) \
        and gutters.through(unhung[id(u)].x1, unhung[id(v)].x0, bv.cy, slack, hanging(u, v), sides=True) is None
