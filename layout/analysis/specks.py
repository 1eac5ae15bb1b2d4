"""Specks an OCR engine read inside a block of text go back into that block.

An engine reads dirt, a broken letter or a stray mark as a line of its own ("„.•", "..--",
"_", "4"), often far from the words it sits beside: at the right end of a paragraph's short
last line, or in the leading between two lines. The blocks stage cannot join such a line to
its neighbours (it overlaps none of them across, and its size is no text's), so it would stand
as a block of its own, and then as noise out of every story. Yet the engine put it in the
block of the lines around it, and the archive's text has it there: taken out, it leaves that
text broken. So a group of one such line (``_fragment``) is put among the lines of the group
around it that holds lines of its engine block (``_inside``), by its height; lines standing
level keep the engine's order there (``ocrregions.engine_order``). Only a group of lines of
print (most of them wider than tall, ``_of_print``) holds one: boxes taller than wide say
nothing of where a line's text runs (the Gravenhaegse Courant of 1750 gives its words as
columns of letters).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..geometry import union_all
from ..model import Box, Line

# No two letters or digits in a row: a mark, a letter or a figure alone ("t°", "4", "„.•"),
# never a word.
_WORD = re.compile(r"[^\W_]{2,}")
# [line heights of the host, its median line's] how far past its group's left or right edge
# a speck may stand and still be inside it
_EDGE = 0.5


def _fragment(group: Sequence[Line]) -> bool:
    """Whether a group is a single horizontal line an OCR engine found (its words carry their
    engine block) holding no word (``_WORD``): a speck."""
    if len(group) != 1 or group[0].vertical:
        return False
    ln = group[0]
    return ln.words[0].source_block is not None and _WORD.search(ln.text) is None


def _of_print(group: Sequence[Line]) -> float:
    """The height of a group's median line when most of its lines are lines of print (wider
    than tall), else 0."""
    if 2 * sum(ln.box.width > ln.box.height for ln in group) <= len(group):
        return 0.0
    return sorted(ln.box.height for ln in group)[len(group) // 2]


def _inside(b: Box, extent: Box, height: float) -> bool:
    """Whether box ``b``, no taller than ``height`` (the host's median line), has its middle
    between ``extent``'s top and foot and lies within its left and right edges (give or take
    ``_EDGE`` of that height)."""
    return b.height <= height and extent.y0 <= b.cy <= extent.y1 \
        and extent.x0 - _EDGE * height <= b.x0 and b.x1 <= extent.x1 + _EDGE * height


def with_specks_homed(groups: list[list[Line]]) -> list[list[Line]]:
    """The groups, each fragment (``_fragment``) of an engine block put into the group of
    lines of print holding lines of that block that holds it (``_inside``; the first such,
    when several do)."""
    specks = [k for k, g in enumerate(groups) if _fragment(g)]
    if not specks:
        return groups
    hosts: dict[int, list[int]] = {}
    for k, g in enumerate(groups):
        if not _fragment(g):
            for block in {ln.words[0].source_block for ln in g}:
                hosts.setdefault(block, []).append(k)
    shapes: dict[int, tuple[Box, float]] = {}
    moved: dict[int, list[Line]] = {}
    for k in specks:
        ln = groups[k][0]
        for h in hosts.get(ln.words[0].source_block, ()):
            if h not in shapes:
                shapes[h] = union_all(line.box for line in groups[h]), _of_print(groups[h])
            if _inside(ln.box, *shapes[h]):
                moved.setdefault(h, []).append(ln)
                break
    if not moved:
        return groups
    gone = {id(ln) for lns in moved.values() for ln in lns}
    out = []
    for k, g in enumerate(groups):
        if len(g) == 1 and id(g[0]) in gone:
            continue
        out.append(sorted(g + moved[k], key=lambda ln: (ln.box.y0, ln.box.x0)) if k in moved else g)
    return out
