"""Stage 5: lines across the page or a column that bound its bands, as rules (``stories``).

A page band set apart by a rule (the feuilleton under the line at the foot of an old page)
often comes from OCR without the rule; the white is still there. A jump line or a credit closes
its story's text in its column (``closing_cuts``). The placement and the column flow
(``placement``, ``flow``) treat these lines as drawn rules.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from ..geometry import SAME_COLUMN, Grid, x_overlap, x_overlap_ratio
from ..model import Block, Box, Rule
from .patterns import JUMP_FROM
from .placement import Group, Unit
from .titles import line_ends_text

# [body sizes] the least white space across the page that reads as a line between bands
_OPEN_CUT = 1.0
# [body sizes] how far over a story's head the running text of the band above may end and
# have the head set under it, in the page's bands (not over them all: a paper's nameplate);
# the widest white under a head that is its own margin (what a byline or deck keeps from
# its text: 1.0-1.2 on most producers' pages, 1.7-1.9 on groff's, a blank line and a bit; the
# title over a feuilleton's white keeps 3.3)
_UNDER_TEXT = 3.0
_HEAD_MARGIN = 2.5
# [body sizes] a head starting this far over the foot of the text beside it, or less, is
# level with its last line (``_crossed``)
_LEVEL = 1.0
# [sizes of the head's largest type] the white under a head is its margin up to this too: a
# title with no byline keeps the byline's room as well (groff's 20-point title keeps 29
# points, 3.2 body sizes, 1.45 of its own size); an item's title over a feuilleton's white,
# hardly larger than its text, keeps 3.3 body sizes
_HEAD_OWN = 1.5
# [body sizes] how near the white over a figure a story's columns end, and their text goes on
# under it, for them to run on under it (``_run_on_under``): a line or two
_RUN_ON = 2.0
# What closes a story's text where it stands: a jump line (it goes on on another page, not a
# "continued from" line: ``patterns.JUMP_FROM``) and a source credit set after it ("数据来源：
# 该市", "Source: …"): ``closes``, for ``flow`` and ``closing_cuts``
_CLOSING_ROLES = ("jump", "credit")
# [body sizes] how far under the running text of its column a closing line may stand and close
# it (``closing_cuts``): a blank line and a bit
_JUMP_UNDER_TEXT = 1.5
# [body sizes] how far under a closing line the text it closes off from its story may start:
# the next story's head keeps a few lines of white over it (as far as ``Placer.placed_above``
# looks for the unit right above another)
TEXT_UNDER_JUMP = 4.0
# [body sizes] the cells of the grids this stage files text in
_CELL = 10.0


def open_cuts(units: Sequence[Unit], groups: Sequence[Group], stacks: dict[int, tuple[Box, list[Box]]],
              rules: Sequence[Rule], body: float) -> list[Box]:
    """Lines of white space across the whole text area, as rules: where every column breaks.

    A page band set apart by a rule (the feuilleton under the line at the foot of an old
    page) often comes from OCR without the rule. The white space is still there: a gap of at
    least a blank line that no block, figure or box crosses, with text in several columns
    above it and below it. Paragraph breaks do not line up across all columns like that.
    The white right under a figure or a story's head (a group's headline with the decks and
    byline hung under it, ``stacks``; not the span widened over white beside it, which a speck
    taken for a title may reach across the page with), their feet within a body size over the
    gap or in its upper half, is their own margin: the text below goes on with the story over
    it, so a cut runs beside them only; so is the white under a head whose foot lies higher,
    nothing under it in its width down to the gap (a title with no byline, level with one
    whose byline ends lower). Not under a head set at the top of the page (a
    paper's nameplate, its motto hung under it): no running text of a band above ends within
    ``_UNDER_TEXT`` body sizes over it in its columns, nor does a drawn rule (of ``rules``,
    the page's) closing such a band; nor when the white under a head is wider than
    ``_HEAD_MARGIN`` body sizes and than ``_HEAD_OWN`` sizes of its own type (an item's title
    over the line that sets the feuilleton apart): that white ends a band.
    """
    texts = [u for u in units if u.block is not None]
    if len(texts) < 4:
        return []
    left, right = min(u.box.x0 for u in texts), max(u.box.x1 for u in texts)
    ordered = sorted(units, key=lambda u: u.box.y0)
    figures = _by_foot(u.box for u in units if u.figure is not None)
    pictures = sorted(figures[1], key=lambda b: b.y0)
    tops = [b.y0 for b in pictures], pictures
    running = [u.box for u in texts if len(u.block.lines) >= 2]
    drawn = [r.box for r in rules if r.orientation == "h"]
    margins = {id(stacks[id(g)][0]): max(_HEAD_MARGIN * body, _HEAD_OWN * max(b.size for b in g.header))
               for g in groups if id(g) in stacks}
    all_heads = [stacks[id(g)][0] for g in groups if id(g) in stacks]
    heads = _by_foot(_under_text(all_heads, running, drawn, body))
    widest = max(margins.values(), default=0.0)
    filed: Grid | None = None  # the units' boxes, filed at the first gap (dense pages have none)
    # Running text in two columns or more: its left edges spread wider than a column gap,
    # above and below each candidate (left-edge extremes of every prefix and suffix).
    above, below = _left_spreads(ordered), _left_spreads(ordered[::-1])[::-1]
    cuts, reach = [], ordered[0].box.y1
    for k, u in enumerate(ordered[1:], 1):
        if u.box.y0 - reach >= _OPEN_CUT * body and above[k - 1] > 5 * body and below[k] > 5 * body \
                and not _crossed(all_heads, reach, u.box.y0, body):
            y = (reach + u.box.y0) / 2
            if filed is None:
                filed = Grid([u.box for u in units], _CELL * body)
            over = _over(figures, reach - body, y) + [
                _overhung(h, y, u.box.y0 + body, units, filed, body)
                for h in _over(heads, u.box.y0 - widest - body, y) if u.box.y0 - h.y1 <= margins[id(h)]
                and (h.y1 > reach - body or _open_under(h, y, units, filed))]
            over += [f for f in _under(tops, y, u.box.y0 + body) if _run_on_under(f, reach, units, filed, body)]
            cuts += [Box(x0, y - 0.25, x1, y + 0.25) for x0, x1 in _beside(left, right, over)]
        reach = max(reach, u.box.y1)
    return cuts


def _crossed(heads: Iterable[Box], top: float, foot: float, body: float) -> bool:
    """Whether a head runs across the white from y=top to y=foot, starting over it (by no
    more than ``_LEVEL`` body sizes) and ending under it: the head of the next band, level
    with the last line of the text above the white in other columns and with the text or
    picture below it: its columns broke higher, so the white is no line where every column
    breaks (holdout_61_09_zh: two heads starting 7 pt over the foot of a story's text in the
    columns beside them, over the picture set across that story's columns, the story going on
    under it). A head starting higher is set beside the text over the white, in its band."""
    return any(top - _LEVEL * body <= h.y0 < top and h.y1 > foot for h in heads)


def _under_text(heads: list[Box], running: list[Box], rules: Sequence[Box], body: float) -> list[Box]:
    """The heads set under the running text of a band above (not a nameplate at the page
    top): some of it ending within ``_UNDER_TEXT`` body sizes over the head, in its columns;
    or a drawn rule across most of the head within as much over it, with running text over
    that rule in the head's columns: the rule closes the band above, whose columns, filled in
    turn (groff's), not balanced, may end far over it."""
    if not heads:
        return []
    reach = _UNDER_TEXT * body
    # the text ending over a head: by bisection on its feet, not a grid of its tall boxes
    by_foot = sorted(range(len(running)), key=lambda i: running[i].y1)
    feet = [running[i].y1 for i in by_foot]
    drawn = Grid(rules, reach)
    # the running text in a grid, filed once a rule lies over a head; its cells ten body sizes
    # wide, not ``reach``: its boxes are columns of text, and ``closed`` asks up to the page top
    index: list[Grid] = []

    def closed(h: Box) -> bool:
        over = [r for r in map(rules.__getitem__, drawn.near(h.x0, h.y0 - reach, h.x1, h.y0))
                if h.y0 - reach <= r.cy <= h.y0 and x_overlap(r, h) >= 0.5 * h.width]
        if over and not index:
            index.append(Grid(running, _CELL * body))
        return any(any(running[i].y1 <= r.cy and x_overlap(running[i], h) > 0
                       for i in index[0].near(h.x0, -math.inf, h.x1, r.cy)) for r in over)

    return [h for h in heads if any(x_overlap(running[i], h) > 0 for i in
                                    by_foot[bisect_left(feet, h.y0 - reach):bisect_right(feet, h.y0)])
            or closed(h)]


def _open_under(head: Box, y: float, units: Sequence[Unit], filed: Grid) -> bool:
    """Whether no unit lies between the head's foot and height y in its width (``filed``:
    the units' boxes): the white under it runs down to the gap, though text beside it ends
    lower (the byline of a title level with it)."""
    return not any(units[i].box.y1 > head.y1 and units[i].box.y0 < y and x_overlap(units[i].box, head) > 0
                   for i in filed.near(head.x0, head.y1, head.x1, y))


def _overhung(head: Box, y: float, low: float, units: Sequence[Unit], filed: Grid, body: float) -> Box:
    """The head widened over the units starting under height y, their tops above ``low``,
    that it overhangs by a body size or more: a title running into the next column keeps the
    white over that column too (groff's title ends a third into its second column, whose
    top was cut from it beside the title's end)."""
    under = [units[i].box for i in filed.near(head.x0, y, head.x1, low)
             if y <= units[i].box.y0 <= low and x_overlap(units[i].box, head) >= body]
    return Box(min([head.x0, *(b.x0 for b in under)]), head.y0, max([head.x1, *(b.x1 for b in under)]), head.y1)


def _run_on_under(figure: Box, reach: float, units: Sequence[Unit], filed: Grid, body: float) -> bool:
    """Whether a story's columns run on under the figure set across them below the white: the
    text ending within ``_RUN_ON`` body sizes over the white (its foot at ``reach``) over the
    figure lies within its width, its last column breaking off mid-sentence
    (``titles.line_ends_text``; a story ends at the foot of its last column, while another
    column may end a sentence on a full line by chance: holdout_97_04_en), no text ends there
    right of the figure (the story's last columns, beside a picture set under its first ones),
    and text starts within as much under the figure. The white over the picture is then the
    story's, not a line between bands (holdout_73_03_zh: five columns of three lines, a photo
    across them, the columns going on under it)."""
    near = [units[i] for i in filed.near(figure.x0, reach - _RUN_ON * body, figure.x1 + _RUN_ON * body,
                                         figure.y1 + _RUN_ON * body)]
    ending = [u for u in near if u.block is not None and reach - _RUN_ON * body <= u.box.y1 <= reach
              and u.box.x1 > figure.x0]
    over = [u for u in ending if u.box.x0 < figure.x1]
    last = max(over, key=lambda u: u.box.x0, default=None)
    return last is not None and len(over) == len(ending) \
        and all(figure.x0 - body <= u.box.x0 and u.box.x1 <= figure.x1 + body for u in over) \
        and not line_ends_text(last.block.lines[-1], last.box) \
        and any(u.block is not None and figure.y1 <= u.box.y0 <= figure.y1 + _RUN_ON * body
                and x_overlap(u.box, figure) > 0 for u in near)


def _under(by_top: tuple[list[float], list[Box]], high: float, low: float) -> list[Box]:
    """The boxes (sorted by their tops, and the tops) whose tops lie between high and low
    (open interval)."""
    tops, boxes = by_top
    return boxes[bisect_right(tops, high):bisect_left(tops, low)]


def _by_foot(boxes: Iterable[Box]) -> tuple[list[float], list[Box]]:
    """The boxes sorted by their feet, and the feet."""
    ordered = sorted(boxes, key=lambda b: b.y1)
    return [b.y1 for b in ordered], ordered


def _over(by_foot: tuple[list[float], list[Box]], low: float, high: float) -> list[Box]:
    """The boxes (``_by_foot``) whose feet lie between low and high (open interval)."""
    feet, boxes = by_foot
    return boxes[bisect_right(feet, low):bisect_left(feet, high)]


def _beside(left: float, right: float, holes: Iterable[Box]) -> list[tuple[float, float]]:
    """The stretches of [left, right] outside the holes' widths."""
    stretches, x = [], left
    for x0, x1 in sorted((h.x0, h.x1) for h in holes):
        if x0 > x:
            stretches.append((x, min(x0, right)))
        x = max(x, x1)
    if x < right:
        stretches.append((x, right))
    return stretches


def _left_spreads(units: Sequence[Unit]) -> list[float]:
    """For each k, how far apart the left edges of running text among units[:k + 1] lie."""
    low, high, spreads = float("inf"), float("-inf"), []
    for u in units:
        if u.block is not None and len(u.block.lines) >= 2:
            low, high = min(low, u.box.x0), max(high, u.box.x0)
        spreads.append(high - low if high >= low else 0.0)
    return spreads


def closes(block: Block | None) -> bool:
    """Whether a block closes its story's text where it stands (``_CLOSING_ROLES``): a jump line
    saying where the story goes on, or a credit; a "continued from" line opens text instead."""
    return block is not None and block.role in _CLOSING_ROLES \
        and not (block.role == "jump" and JUMP_FROM.search(block.raw_text))


def closing_cuts(blocks: Sequence[Block], body: float) -> list[Box]:
    """Where a story's text is closed in its column, as rules (a rule's box at the closing
    line's foot, across its column's text): under each jump line or credit that ``closes``,
    set at most ``_JUMP_UNDER_TEXT`` body sizes under running text of its column. The story goes
    on on another page or is signed off; what follows in the column is another story's, even
    when the OCR read that story's title as body text (NewsEye's daily of 1942-01-15 p1:
    "(Suite page 3 - Col. 7 et 8)" over "Le maréchal Pétain adresse ses remerciements …",
    which the headline over the column took as its own). A jump line with no running text
    right over it ("Suite de la page 1" under a title) closes nothing."""
    closing = [b for b in blocks if closes(b)]
    if not closing:
        return []
    running = [b for b in blocks if b.role == "body"]
    filed, reach, cuts = Grid([b.box for b in running], _CELL * body), _JUMP_UNDER_TEXT * body, []
    for j in closing:
        near = filed.near(j.box.x0, j.box.y0 - reach, j.box.x1, j.box.y0)
        over = [b for b in map(running.__getitem__, near) if stands_under(j.box, b.box, reach)]
        if over:
            text = max(over, key=lambda b: b.box.y1).box
            cuts.append(Box(min(text.x0, j.box.x0), j.box.y1, max(text.x1, j.box.x1), j.box.y1))
    return cuts


def stands_under(lower: Box, upper: Box, reach: float) -> bool:
    """Whether ``lower`` stands right under ``upper`` in its column: sharing half the narrower's
    width (``SAME_COLUMN``), its top at most ``reach`` under upper's foot."""
    return 0 <= lower.y0 - upper.y1 <= reach and x_overlap_ratio(lower, upper) >= SAME_COLUMN
