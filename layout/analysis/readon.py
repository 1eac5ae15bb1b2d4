"""What a title under text in its column reads on from (``subheads.absorb_inset_heads``).

A crosshead goes on from the text over it: that text closes a paragraph a line or so over it,
and signs nothing off. Titles stacked down one story's columns, each under the text of the one
before, all lead back to that story; and a story's column from its headline down to a title
that holds its text alone, set close, makes the title its crosshead whatever size was read
for it. A page that states no type sizes sizes its lines from their heights, and a bold
crosshead's can read half as large again as the body's (L'Ouest-Éclair, 1918, written
without sizes: "L'enthousiasme de Paris" and "Discours de M. Autrand" in the columns of
"LE PRÉSIDENT WILSON à l'Hôtel de Ville" were placed as stories of their own).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..geometry import Grid, x_overlap
from ..model import Box
from .placement import Group, Unit
from .titles import line_ends_text

# [body sizes] how far above the title the text over it in its column may end
OVER_GAP = 3.0
# [body sizes] the most white over a title in a story's first or last column, under the text
# over it, for it to be that story's crosshead with its text on one side only: a crosshead
# stands about a line under the text it goes on from (1.1 to 1.6 body sizes on L'Ouest-Éclair's
# first page), a story stacked under another in a column under a rule and more white (2.6)
CLOSE = 2.0
# [share of its letters] capitals in a line that signs a story off (``reads_on``)
SIGNED = 0.8
# [body sizes] how far boxes that meet may run into each other (OCR draws them loose): the
# text over the title into it, the text beside it into its column, the host's headline short
# of its edges
INTO = 0.5
# [share of the column's width] how much of the title's column the text over it covers
OVER_SHARE = 0.5


def over_story(g: Group, column: Box, units: Sequence[Unit], grid: Grid, body: float) -> Group | None:
    """The one headed story whose text stands over g's title in its column (within
    ``OVER_GAP`` body sizes over it, covering ``OVER_SHARE`` of the column); else None."""
    title, into = g.anchor_box, INTO * body
    found = {id(u.home): u.home for u in map(units.__getitem__, grid.near(
        column.x0, title.y0 - OVER_GAP * body, column.x1, title.y0 + into))
        if u.home is not g and u.home is not None and u.block is not None
        and title.y0 - OVER_GAP * body <= u.box.y1 <= title.y0 + into
        and x_overlap(u.box, column) >= OVER_SHARE * column.width}
    host = next(iter(found.values())) if len(found) == 1 else None
    return host if host is not None and host.header else None


def rooted(over: dict[int, Group | None], columns: dict[int, Box],
           body: float) -> Callable[[Group | None], Group | None]:
    """The story a story's text reads on from: following ``over`` (the story whose text stands
    over each title) up to a story with none, whose headline (or span) runs over the title's
    column (``columns``, within ``INTO`` body sizes); else the story itself. So titles stacked
    in one story's columns (each under the text of the one before) all lead back to it, and
    each judges the text beside it as that story's; a title in a column that headline does
    not cover heads a story set beside it."""
    into = INTO * body
    known: dict[int, Group | None] = {}  # each story's answer, asked for every unit near a title

    def root(g: Group | None) -> Group | None:
        if id(g) not in known:
            known[id(g)] = _root(g)
        return known[id(g)]

    def _root(g: Group | None) -> Group | None:
        top, seen = g, set()
        while top is not None and over.get(id(top)) is not None and id(top) not in seen:
            seen.add(id(top))
            top = over[id(top)]
        if g is None or top is g:
            return g
        head, column = top.span or top.anchor_box, columns[id(g)]
        return top if head.x0 <= column.x0 + into and head.x1 >= column.x1 - into else g
    return root


def itself(g: Group | None) -> Group | None:
    """A story as the story its text reads on from (``rooted`` before it is known)."""
    return g


def text_over(title: Box, column: Box, host: Group, units: Sequence[Unit], grid: Grid, body: float,
              root: Callable[[Group | None], Group | None]) -> Unit | None:
    """The host's block right over the title in its column (the lowest of the host's blocks
    within ``OVER_GAP`` body sizes over it, covering ``OVER_SHARE`` of the column); None with none."""
    into = INTO * body
    found = [u for u in map(units.__getitem__, grid.near(column.x0, title.y0 - OVER_GAP * body,
                                                         column.x1, title.y0 + into))
             if u.block is not None and u.block.lines and root(u.home) is host
             and title.y0 - OVER_GAP * body <= u.box.y1 <= title.y0 + into
             and x_overlap(u.box, column) >= OVER_SHARE * column.width]
    return max(found, key=lambda u: u.box.y1, default=None)


def reads_on(over: Unit | None) -> bool:
    """Whether a title under this block reads on from it: the block closes a paragraph (a
    full stop, or a last line well short of its measure: ``titles.line_ends_text``). Text cut
    mid-sentence over a title goes on in another column, and what stands under it is another
    story's (a column of L'Œuvre, 1942, closing "… en gaspillant" over a story of its own).
    A last line in capitals (``SIGNED`` of its letters) signs the story off, an author's
    initials or an advertiser's name ("E. L. B.", "van OLST & BUITENWERFF."): the title under
    it heads the next ("EXTRA VERKOOPING.", kb_groningen-advertentieblad_1813-11-16)."""
    if over is None:
        return False
    last = over.block.lines[-1]
    letters = [c for c in last.text if c.isalpha()]
    signed = len(letters) >= 2 and sum(c.isupper() for c in letters) >= SIGNED * len(letters)
    return not signed and line_ends_text(last, over.box)


def host_column(host: Group, column: Box, units: Sequence[Unit], grid: Grid, body: float,
                root: Callable[[Group | None], Group | None]) -> bool:
    """Whether the title's column, from the host's headline down to the title, holds the
    host's text alone, set close (no white wider than ``OVER_GAP`` body sizes between its
    blocks): the title opens a part of the story in one of its own columns, read on from the
    text over it, whatever its size says (a page stating no sizes sizes its lines from their
    heights, and a bold crosshead's can read half as large again as the body's)."""
    head, title, into = host.anchor_box, column.y0, INTO * body
    found = [units[k] for k in grid.near(column.x0, head.y1 - into, column.x1, title + into)]
    found = sorted((u for u in found if u.block is not None and head.y1 - into <= u.box.y0
                    and u.box.y1 <= title + into and x_overlap(u.box, column) >= OVER_SHARE * column.width),
                   key=lambda u: u.box.y0)
    if not found or any(root(u.home) is not host for u in found):
        return False
    return all(b.box.y0 - a.box.y1 <= OVER_GAP * body for a, b in zip(found, found[1:]))
