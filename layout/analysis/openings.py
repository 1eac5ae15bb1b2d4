"""The lines that open a headline, set over it in a smaller type: joined to it; and a drop cap
joined to the line of text it opens.

Part of stage 3 (``roles.py``): the drop caps first, the openings once every block has its role
(``titles.name_titles`` last).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from ..model import Block, Role
from .patterns import in_capitals
from .titles import on_axis

# [body sizes] most white between a headline and the lines centred right over it that open it:
# body lines, and a crosshead (a title already, in a type of its own: ``LES JOURNAUX DE CE
# MATIN``, bold in 37.5 px, 61 px over ``LE CABINET MÉCINE`` in 41.75 px type, Le Matin 1893);
# most lines such an opening has
_OPENING_GAP = 1.0
_TITLE_OPENING_GAP = 1.5
_OPENING_LINES = 2
# [body sizes] how far into the headline's box the foot of a line opening it may reach
_INTO = 0.3
# [body sizes] how far a drop cap's box may overlap the first line it opens, and how far from
# it that line may start (a 41.6 pt "E" boxed 1.3 pt into "ven so, the county": scribus_s183_06_en)
_CAP_OVERLAP = 0.25
_CAP_GAP = 1.5


def join_openings(blocks: Sequence[Block], roles: Sequence[Role], body: float,
                  ends: tuple[str, ...]) -> tuple[list[Block], list[Role]]:
    """Headlines with the lines that open them joined on top: one or two lines of body text
    standing within ``_OPENING_GAP`` body sizes over a headline (a crosshead within
    ``_TITLE_OPENING_GAP``: its own type tells it is a title, where white alone would not), in its frame,
    no larger than it, each on its axis (``titles.on_axis``) and ending no sentence or clause
    (``ends``), the title they make with the headline in capitals; only when a single block is
    such, and it opens no other headline.

    A 19th-century title is set on several lines in several sizes, centred on one axis, its
    first words small and its key words large, all in capitals (``OUVERTURE`` / ``DU`` /
    ``PARLEMENT ANGLAIS``, ``LES`` / ``DEUX GENDARMES``); only the large line reaches the
    headline size, and the small ones, in the body's type, would be read as the last lines of
    the story above. A kicker is set apart from the text (another type, ``roles``); these
    lines are not, and the headline reads on from them. The line over may be the wider one:
    a dispatch's title in the body's capitals over its source set larger (``A BORD DU « SAINT-
    LAURENT »``, 584 px, over ``(PAR FIL SPÉCIAL)``, 281 px, Le Gaulois 1884).
    """
    by_bottom = sorted(range(len(blocks)), key=lambda k: blocks[k].box.y1)
    bottoms = [blocks[k].box.y1 for k in by_bottom]
    opening: dict[int, int] = {}  # headline -> the block opening it
    taken: set[int] = set()  # the blocks opening a headline already
    for i, r in enumerate(roles):
        h = blocks[i]
        if r != "headline":
            continue
        # the blocks ending from _TITLE_OPENING_GAP over the headline to _INTO into it
        near = by_bottom[bisect_left(bottoms, h.box.y0 - _TITLE_OPENING_GAP * body):
                         bisect_right(bottoms, h.box.y0 + _INTO * body)]
        over = [k for k in near if (roles[k] == "crosshead" or roles[k] == "body"
                                    and blocks[k].box.y1 >= h.box.y0 - _OPENING_GAP * body) and k not in taken
                and blocks[k].frame == h.frame and len(blocks[k].lines) <= _OPENING_LINES
                and blocks[k].size <= h.size and in_capitals(f"{blocks[k].raw_text} {h.raw_text}")
                and all(on_axis(ln.box, h.box, body) and not ln.text.rstrip().endswith(ends)
                        for ln in blocks[k].lines)]
        if len(over) == 1:
            opening[i] = over[0]
            taken.add(over[0])
    if not opening:
        return list(blocks), list(roles)
    joined = {i: replace(blocks[i], lines=blocks[k].lines + blocks[i].lines,
                         box=blocks[k].box.union(blocks[i].box)) for i, k in opening.items()}
    dropped = set(opening.values())
    kept = [k for k in range(len(blocks)) if k not in dropped]
    return [joined.get(k, blocks[k]) for k in kept], [roles[k] for k in kept]


def with_drop_caps(blocks: list[Block], body: float) -> list[Block]:
    """A drop cap (one or two large letters) joined to the first line of the text it opens.

    ::

        ┌──┐he council said on
        │T │monday that the plan      "T" + "he council said on" → "The council said on"
        └──┘would reach every
    """
    caps = [b for b in blocks if len(b.raw_text.strip()) <= 2 and b.size >= 2 * body and len(b.lines) == 1]
    if not caps:
        return blocks
    merged: dict[int, Block] = {}
    dropped: set[int] = set()
    for cap in caps:
        for k, b in enumerate(blocks):
            if b is cap or abs(b.size - body) > 0.2 * body:
                continue
            first = b.lines[0]
            if -_CAP_OVERLAP * body <= first.box.x0 - cap.box.x1 <= _CAP_GAP * body \
                    and abs(first.box.y0 - cap.box.y0) <= 0.5 * cap.box.height:
                target = merged.get(k, b)
                line = replace(first, words=(*cap.lines[0].words, *first.words),
                               box=cap.box.union(first.box), text=cap.raw_text.strip() + first.text)
                merged[k] = replace(target, lines=(line, *target.lines[1:]), box=target.box.union(cap.box))
                dropped.add(id(cap))
                break
    return [merged.get(k, b) for k, b in enumerate(blocks) if id(b) not in dropped]
