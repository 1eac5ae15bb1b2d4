"""Headlines set one under the other over one story: one headline (part of stage 5,
``stories.py``).

A title and its second title, or a section's name over its first item's title, are often two
blocks (two sizes, or two blocks of an OCR file); ``stacked_titles`` joins them, unless text
stands between them or the story's text has begun beside the lower one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from ..geometry import union_all, x_overlap
from ..model import Block, Box

# a headline starting within this many of its upper neighbour's type sizes under it, over the
# same columns, is the rest of that headline (``stacked_titles``)
_STACK_GAP = 2.0


def stacked_titles(heads: Sequence[Block], blocks: Sequence[Block], column: float,
                   rules: Sequence[Box] = ()) -> tuple[list[Block], set[int]]:
    """The headlines, those set one under the other over one story joined into one; and the
    ids of the crossheads among ``heads`` joined to a headline so.

    A title and its second title, or a section's name over its first item's title, are two
    blocks in an OCR file (``LA VIE SPORTIVE`` / ``Courses à Vincennes.``, ``Dépêches
    commerciales`` / ``HALLES CENTRALES`` in smaller capitals, taken for a crosshead): the
    lower one starts within ``_STACK_GAP`` of the upper's type sizes under it, across the same
    columns (their widths differ by less than a ``column`` width, so a banner over the titles
    of several columns stays apart), with nothing set between them, no horizontal rule of
    ``rules`` drawn between them under both (``_ruled_apart``) and no running text begun
    beside the lower one (``_text_beside``). A crosshead is never the upper one: it heads no story.
    """
    by_top = sorted(heads, key=lambda h: h.box.y0)
    tops = [h.box.y0 for h in by_top]
    others = sorted(blocks, key=lambda b: b.box.y0)
    other_tops = [b.box.y0 for b in others]
    merged: dict[int, Block] = {}
    result: list[Block] = []
    subtitles: set[int] = set()
    for k, h in enumerate(by_top):
        upper = merged.pop(id(h), h)
        if upper.role == "crosshead":
            continue
        a = upper.box
        # only titles still to come: one passed already is in the result
        window = by_top[max(k + 1, bisect_left(tops, a.y1 - 0.3 * upper.size)):
                        bisect_right(tops, a.y1 + _STACK_GAP * upper.size)]
        lower = next((o for o in window if _stacked_under(upper, o, column)), None)
        if lower is None or _ruled_apart(a, lower.box, rules) or any(
                _between(upper, lower, b) or _text_beside(upper, lower, b)
                for b in others[bisect_left(other_tops, a.y1 - 1):bisect_right(other_tops, lower.box.y1)]):
            result.append(upper)
            continue
        base = merged.get(id(lower), lower)  # another title may have joined it already
        lines = upper.lines + base.lines if base is lower else \
            tuple(sorted(upper.lines + base.lines, key=lambda ln: (ln.box.y0, ln.box.x0)))
        merged[id(lower)] = replace(upper, lines=lines, box=union_all([upper.box, base.box]))
        if lower.role == "crosshead":
            subtitles.add(id(lower))
    return result, subtitles


def _stacked_under(upper: Block, lower: Block, column: float) -> bool:
    """Whether ``lower`` starts right under ``upper`` over the same columns (see ``stacked_titles``)."""
    a, b = upper.box, lower.box
    if not (-0.3 * upper.size <= b.y0 - a.y1 <= _STACK_GAP * upper.size and a.y0 < b.y0):
        return False
    # x_overlap, min and the widths written out: every headline asks of every title level
    # with its foot, across the page's row (most fail on height or width here)
    wa, wb = a.x1 - a.x0, b.x1 - b.x0
    shared = (a.x1 if a.x1 < b.x1 else b.x1) - (a.x0 if a.x0 > b.x0 else b.x0)
    return shared >= 0.5 * (wa if wa < wb else wb) and abs(wa - wb) < column


def _ruled_apart(upper: Box, lower: Box, rules: Sequence[Box]) -> bool:
    """Whether a horizontal rule lies between two titles one under the other, under both of
    them: it closes the upper one's story. Two side headlines, each left of its own story's
    columns, stand one under the other with the rule parting the stories between them
    (holdout_79_05_zh: 25 and 28 points, 20 points apart, a rule 4 points over the lower)."""
    return any(upper.y1 - 1 <= r.cy <= lower.y0 + 1 and x_overlap(r, upper) > 0 and x_overlap(r, lower) > 0
               for r in rules)


def _between(upper: Block, lower: Block, other: Block) -> bool:
    """Whether ``other`` stands between two stacked headlines."""
    if other is upper or other is lower or x_overlap(other.box, upper.box) <= 0:
        return False
    return other.box.y0 >= upper.box.y1 - 1 and other.box.y1 <= lower.box.y0 + 1


def _text_beside(upper: Block, lower: Block, other: Block) -> bool:
    """Whether ``lower`` is a crosshead and running text under ``upper`` starts level with it
    beside it (by its middle) and runs on below it: the story's text has begun, so the
    crosshead is inside it (atop its second column), not the rest of the headline::

        ══ AGENCY INTRODUCES ══
        ══ NORTHERN PIPELINE ══
        ░░░░░░░░░  ── Historic ──        lower: a crosshead beside the text of column one
        ░░░░░░░░░  ░░░░░░░░░░░░░

    A lower headline still joins: apart, it would head a story of its own.
    """
    o, b = other.box, lower.box
    return lower.role == "crosshead" and other.role == "body" and x_overlap(o, upper.box) > 0 \
        and x_overlap(o, b) <= 0 and upper.box.y1 - 1 <= o.y0 <= b.cy and o.y1 > b.y1
