"""Lines an OCR engine found inside a block of text, set apart by the blocks stage, go back
into that block.

An engine reads dirt, a broken letter, a stray mark or an ornament as a line of its own
("„.•", "..--", "4", "UIUIIIV/U1IV" off a rule between two chapters of a serial), and some
lines of text it boxes apart or sizes oddly (a piece of a printed line, a line it read
badly). Often such a line overlaps none of its neighbours across, or its size and style are
no text's, so the blocks stage leaves it as a group of its own, which then stands as a block,
as noise out of every story, or as a title that captures the text under it. Yet the engine
put it in the block of the lines around it, and the archive's text has it there: taken out,
it leaves that text broken. So a group of one line of an engine block (``_stray``) whose box
lies inside the group that holds lines of the same engine block (``_inside``: its middle
between that group's top and foot, its box within its left and right edges, no taller than
its median line) is put among that group's lines, by its height; lines standing level keep
the engine's order there (``ocrregions.engine_order``). A line outside every such group (in a
margin, above or under its block: a title over its text) is left alone. Only a group of lines
of print (most of them wider than tall, ``_of_print``) holds one: boxes taller than wide say
nothing of where a line's text runs (the Gravenhaegse Courant of 1750 gives its words as
columns of letters).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..geometry import union_all
from ..model import Box, Line

# [line heights of the host, its median line's] how far past its group's left or right edge
# a stray line may stand and still be inside it
_EDGE = 0.5


def _stray(group: Sequence[Line]) -> bool:
    """Whether a group is a single horizontal line an OCR engine found (its words carry their
    engine block)."""
    return len(group) == 1 and not group[0].vertical and group[0].words[0].source_block is not None


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


def with_strays_homed(groups: list[list[Line]]) -> list[list[Line]]:
    """The groups, each stray line (``_stray``) put into the group of lines of print holding
    lines of its engine block that holds it (``_inside``; the first such, when several do)."""
    strays = [k for k, g in enumerate(groups) if _stray(g)]
    if not strays:
        return groups
    hosts: dict[int, list[int]] = {}
    for k, g in enumerate(groups):
        if len(g) > 1:
            for block in {ln.words[0].source_block for ln in g}:
                hosts.setdefault(block, []).append(k)
    shapes: dict[int, tuple[Box, float]] = {}
    moved: dict[int, list[Line]] = {}
    for k in strays:
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
