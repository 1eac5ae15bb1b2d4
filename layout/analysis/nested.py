"""Regions an OCR engine found inside another region's lines, level with them, read after it.

An engine reading a noisy scan may cut the right-hand ends of a paragraph's printed lines
into regions of their own, boxed inside the paragraph's region ("_64, Duke-" and "y and
Saturday. / Crory Monday and" beside "HARWOOD, Professor of DANCI," and the two lines under
it, the Liverpool Standard, 1832, p. 1). The blocks stage keeps their lines apart from the
paragraph's (two regions' lines are never one line), as a group of their own whose top may
stand a little over the paragraph's first line: read by its top, it went before the
paragraph, and the paragraph's first lines ran on from its last. The engine's regions say
the pieces are text of their own, set inside the paragraph: the archives read them after it.
So a group of lines of print an OCR file found (``_guest``) lying inside a group of more
lines of print of other regions (within ``_EDGE`` of its median line's height), each of its
lines standing level with a line of that group (``_LEVEL`` of the shorter height) and right
of that line's end (overlapping it across by no more than ``_EDGE`` of that height; however
far right: a scan that lost the words between leaves the ends apart, "The pa-" 16 line
heights right of "ing to 19", the Coloured News 1855, p. 2), is put
among that group's lines after the last line of the regions its lines go on from: read
after the region that holds it, before whatever the group holds under that region (the next
notice, "PIANO-FORTE."), which the roles stage may cut off under a title. A group inside
another whose lines stand between the host's (a boxed inset, a picture's caption), or start
left of a line level with them, is left alone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import itemgetter

from ..geometry import union_all
from ..model import Box, Line

# [line heights, the guest's median line's] how far past its host's box a guest may reach,
# and how far it may overlap a host line it stands level with, across
_EDGE = 0.5
# [share of the shorter height] two lines overlapping in height by more than this stand level
_LEVEL = 0.5
_MIDDLE = itemgetter(0)  # (of a line's middle, box and group, ``with_nested_after``)


def _guest(group: Sequence[Line]) -> bool:
    """Whether every line of a group is a horizontal line of print (wider than tall: a box
    taller says nothing of a baseline) that an OCR engine found (its words carry their
    engine block)."""
    return all(not ln.vertical and ln.words[0].source_block is not None
               and ln.box.x1 - ln.box.x0 > ln.box.y1 - ln.box.y0 for ln in group)


def _median_height(group: Sequence[Line]) -> float:
    """The height of a group's median line (by height)."""
    if len(group) == 1:  # (most groups a guest is asked of)
        return group[0].box.y1 - group[0].box.y0
    return sorted(ln.box.y1 - ln.box.y0 for ln in group)[len(group) // 2]


def _of_print(group: Sequence[Line]) -> bool:
    """Whether most lines of a group are lines of print (wider than tall)."""
    return 2 * sum(ln.box.width > ln.box.height for ln in group) > len(group)


def _inside(b: Box, extent: Box, edge: float) -> bool:
    """Whether box ``b`` lies inside ``extent``, give or take ``edge`` on every side."""
    return extent.x0 - edge <= b.x0 and b.x1 <= extent.x1 + edge \
        and extent.y0 - edge <= b.y0 and b.y1 <= extent.y1 + edge


def _goes_on_from(b: Box, c: Box, edge: float) -> bool:
    """Whether a line boxed ``b`` stands level with one boxed ``c`` (``_LEVEL`` of the shorter
    height) and goes on from it, right of its end (overlapping it across by ``edge`` at most).
    (Asked of every line level with a group's first line: the sides first, which most fail.)"""
    if b.x0 < c.x1 - edge:
        return False
    hb, hc = b.y1 - b.y0, c.y1 - c.y0
    return (b.y1 if b.y1 < c.y1 else c.y1) - (b.y0 if b.y0 > c.y0 else c.y0) > _LEVEL * (hb if hb < hc else hc)


def _beside_a_line(ln: Line, host: Sequence[Line], edge: float) -> Line | None:
    """The line of ``host`` that ``ln`` goes on from (``_goes_on_from``), if any."""
    return next((h for h in host if _goes_on_from(ln.box, h.box, edge)), None)


def with_nested_after(groups: list[list[Line]]) -> list[list[Line]]:
    """The groups, each group nested in another's lines (see the module's docstring) put
    after that group's lines (the first such host met, when several hold it). A host is
    looked for only among the groups of the lines whose middles stand within a height of
    the guest's first line (a line more than three times as tall is no line of print level
    with it): one bisection a group, linear in the lines."""
    if all(g[0].words[0].source_block is None for g in groups):  # (a PDF's page: no line an engine found)
        return groups
    spans = sorted((((ln.box.y0 + ln.box.y1) / 2, ln.box, k) for k, g in enumerate(groups) for ln in g),
                   key=_MIDDLE)
    middles = [cy for cy, _, _ in spans]
    boxes: dict[int, Box] = {}
    moved: dict[int, list[tuple[int, set[int]]]] = {}
    gone: set[int] = set()
    for k, g in enumerate(groups):
        if k in moved:  # (a host already stays where it is)
            continue
        first = g[0].box
        edge = _EDGE * _median_height(g)
        near = spans[bisect_left(middles, 2 * first.y0 - first.y1):bisect_right(middles, 2 * first.y1 - first.y0)]
        hosts = [h for _, c, h in near if h != k and h not in gone and len(groups[h]) > len(g)
                 and _goes_on_from(first, c, edge)]
        if not hosts or not _guest(g):
            continue
        box, regions = union_all(ln.box for ln in g), {ln.words[0].source_block for ln in g}
        for h in dict.fromkeys(hosts):
            host = groups[h]
            if h not in boxes:  # (asked first: most groups level with a guest stand beside it)
                boxes[h] = union_all(ln.box for ln in host)
            if not _inside(box, boxes[h], edge) or not _of_print(host) \
                    or any(ln.words[0].source_block in regions for ln in host):
                continue
            level = [_beside_a_line(ln, host, edge) for ln in g]
            if all(level):
                moved.setdefault(h, []).append((k, {u.words[0].source_block for u in level if u is not None}))
                gone.add(k)
                break
    if not moved:
        return groups
    return [_with_guests(g, [(groups[j], rs) for j, rs in moved.get(k, ())]) for k, g in enumerate(groups)
            if k not in gone]


def _with_guests(host: list[Line], guests: list[tuple[list[Line], set[int]]]) -> list[Line]:
    """The host's lines, each guest's put after the last line of the host's regions its lines
    stand level with: read after the region that holds them, as the engine cut it."""
    out = list(host)
    for guest, regions in guests:
        last = max(k for k, ln in enumerate(out) if ln.words[0].source_block in regions)
        out[last + 1:last + 1] = guest
    return out
