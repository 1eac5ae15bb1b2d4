"""Stage 5, after placing: a headline set inside another story's columns is that story's
crosshead.

A story's headline spans its columns, and its text fills them. A smaller title further down,
in one of those columns, with the story's text right above it and on both sides of it, heads
a part of that story (a speech, a report from another town), not a story of its own: the text
round it goes on past it, and a reader reads it where it stands::

    ══════ LE PRÉSIDENT À L'HÔTEL DE VILLE ══════
    ░░░░░░░░░░   ░░░░░░░░░░   ░░░░░░░░░░
    ░░░░░░░░░░   ░░░░░░░░░░   ░░░░░░░░░░      "Discours" has the story's text over it and
    ░░░░░░░░░░   ══Discours══ ░░░░░░░░░░      left and right of it: its title and text are
    ░░░░░░░░░░   ░░░░░░░░░░   ░░░░░░░░░░      the story's, read in its column

A story set beside another (a module of its own) has no text of a single other story on both
sides of its title.

So is a title at the head of a column that the story's headline, set over its other columns,
ends right over and reaches into: the title stands on the story's first row of text, level with the
text starting beside it under that headline, with nothing between the headline and it (a
serial's part and chapter titles over its first column)::

                   ══ GRAND ROMAN ═════════
    ══Part II══    ░░░░░░░░░░   ░░░░░░░░░░      "Part II" is level with the text starting
    ░░░░░░░░░░░    ░░░░░░░░░░   ░░░░░░░░░░      beside it under the story's headline: the
    ░░░░░░░░░░░    ░░░░░░░░░░   ░░░░░░░░░░      story's first column, read first

A story of its own beside another starts its title level with the other's headline, or lower
down under text of its own column, not on the other's first row of text.

Once runs of text with no headline have followed the column flow (``flow.adopt_headless``), a
headline heading no text of its own takes the run still headless set level with it, to its
right (a side headline set further from its text than placing reaches).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from ..geometry import Grid, x_overlap, y_overlap
from ..model import Box
from .placement import Group, Unit
from .readon import CLOSE as _CLOSE, INTO as _INTO, OVER_GAP as _OVER_GAP, OVER_SHARE as _OVER_SHARE
from .readon import host_column, itself, over_story, reads_on, rooted, text_over

# [body sizes] how far over a side headline's top the run it heads may start (``side_heads_take_runs``):
# the two line boxes' tops differ by their leading; a run starting higher goes on from the row above
_LEVEL_ABOVE = 0.5

# [body sizes] the widest gutter between the title's column and the text beside it; how far
# above the title the text over it in its column may end
_GUTTER = 2.0
# [body sizes] how far below the title's top the text beside it may start (a line), and how
# far above the foot of the title's column it may end
_STARTS_BELOW = 1.0
_ENDS_ABOVE = 2.0
# [share of the size] how near in size to one of the page's crossheads a title in a story's
# first or last column is, to be its crosshead with its text on one side only (``_host``, ``like``)
_LIKE = 0.05
# [share of the narrower] how much of a unit of g's text the title covers to be over it
_UNDER_SHARE = 0.5


def absorb_inset_heads(groups: list[Group], body: float) -> None:
    """Make each headline enclosed by another story's text (see the module) a crosshead of
    that story, with its text. ``groups`` are the placed stories; an absorbed one is left
    empty. Each is judged on the page as placed, before any is absorbed, the text of a title
    that reads on from a story's text (``readon.rooted``) counting as that story's; a host itself
    inset in a larger story hands what it takes on to that story (a chain of nested titles)."""
    units = [u for g in groups for u in g.units]
    grid = Grid([u.box for u in units], 10 * body)
    headed = [h for h in groups if h.header and h.units]
    titles = Grid([h.anchor_box for h in headed], 10 * body)
    titled = [(g, _column(g.anchor_box, g.units)) for g in groups
              if g.header and g.units and all(b.role == "headline" for b in g.header)]
    over = {id(g): over_story(g, column, units, grid, body) for g, column in titled}
    root = rooted({id(g): host for g, column in titled if (host := over[id(g)]) is not None
                   and reads_on(text_over(g.anchor_box, column, host, units, grid, body, itself))},
                  {id(g): column for g, column in titled}, body)
    inset = [_host(g, column, units, grid, body, root) for g, column in titled]
    # the sizes of the page's crossheads: named so, or titles taken inset
    like = {u.block.size for u in units if u.block is not None and u.block.role == "crosshead"}
    like.update(max(b.size for b in g.header) for (g, _), host in zip(titled, inset) if host is not None)
    hosts = [(g, host or (_no_larger(g, like) and _host(g, column, units, grid, body, root, like))
              or _row_host(g, column, headed, titles, units, grid, body)
              or _module_host(g, column, headed, titles, units, grid, body)
              or _span_host(g, column, headed, units, grid, body, like)
              or _side_host(g, column, headed, units, grid, body, like))
             for (g, column), host in zip(titled, inset)]
    absorbed: dict[int, Group] = {}
    for g, host in hosts:
        while host is not None and id(host) in absorbed:
            host = absorbed[id(host)]
        if host is None:
            continue
        absorbed[id(g)] = host
        heads = [Unit(b.box, block=replace(b, role="crosshead"), home=host) for b in g.header]
        host.units.extend(heads)
        host.take(g)
        g.header = []


def _host(g: Group, column: Box, units: Sequence[Unit], grid: Grid, body: float,
          root: Callable[[Group | None], Group | None], like: Collection[float] = ()) -> Group | None:
    """The one story whose text stands over g's title in its column (``_column``) and beside
    g's text on both sides, all the way down, under a larger headline over the title's column;
    else None. With ``like`` (the sizes of the page's crossheads: those named so and the
    titles taken inset), in the host's first or last column its outer edge (its headline or
    span ending there, within a gutter, none of its text beside: white, or another story's
    beyond its module) stands for the text on one side when the title is of one of those
    sizes (``_LIKE``): the page shows it sets its crossheads so, as People's Daily centres
    them in every column, a story's last too (scribus_s175_07_zh; scribus_s183_03_zh, the
    next story's column beside the last); its text runs beside the title on the other side
    (a story one column wide has no crosshead set so: a title under its text, other stories'
    columns either side, heads a story of its own, as old papers stack them). A title of
    another size there may head a story of its own (an advertisement in an old paper's last
    column, "EXTRA VERKOOPING.", kb_groningen-advertentieblad_1813-11-16). Either way the title
    reads on from the text over it (``readon.reads_on``), within ``_CLOSE`` body sizes; and so
    does a title whose column, from the host's headline down, holds the host's text alone
    (``readon.host_column``), of any size in the host's first column (its text runs on beside
    it), no larger than the page's crossheads in its last (``_no_larger``): sizes read from
    line heights on a page stating none tell crossheads from headlines too loosely
    (L'Ouest-Éclair, 1918, written without sizes)."""
    title = g.anchor_box
    gutter = _GUTTER * body
    into = _INTO * body
    host = root(over_story(g, column, units, grid, body))
    if host is None:
        return None
    anchor = host.span or host.anchor_box
    if not (anchor.y1 <= title.y0 and anchor.x0 <= column.x0 + into and anchor.x1 >= column.x1 - into
            and max(b.size for b in host.header) > max(b.size for b in g.header)):
        return None
    near = [units[k] for k in grid.near(column.x0 - gutter, title.y0 - _OVER_GAP * body,
                                        column.x1 + gutter, column.y1)]
    beside = [u for u in near if u.home is not g and u.home is not None and u.block is not None
              and u.box.y1 > title.y0 and u.box.y0 < column.y1]
    left = [u for u in beside if column.x0 - gutter <= u.box.x1 <= column.x0 + into]
    right = [u for u in beside if column.x1 - into <= u.box.x0 <= column.x1 + gutter]
    runs = [_runs_beside(side, host, title.y0, column.y1, body, root) for side in (left, right)]
    if not any(runs):
        return None
    if all(runs):
        return host
    # text on one side only: the host's edge may stand for the other (asked of few titles:
    # ``host_column`` looks down the column from the host's headline)
    last = text_over(title, column, host, units, grid, body, root)
    close = last is not None and reads_on(last) and title.y0 - last.box.y1 <= _CLOSE * body
    same = close and _sized_like(g, like)
    first_edge, last_edge = anchor.x0 >= column.x0 - gutter, anchor.x1 <= column.x1 + gutter
    alone = close and (first_edge or last_edge) and host_column(host, column, units, grid, body, root)
    edges = ((same or alone) and first_edge, (same or (alone and _no_larger(g, like))) and last_edge)
    return host if all(run or (edge and all(root(u.home) is not host for u in side))
                       for run, side, edge in zip(runs, (left, right), edges)) else None


def _no_larger(g: Group, like: Collection[float]) -> bool:
    """Whether g's title is no larger than the largest of the page's crossheads (``like``,
    within ``_LIKE``): in a story's last column, one a size up heads a story of its own."""
    return bool(like) and max(b.size for b in g.header) <= (1 + _LIKE) * max(like)


def _sized_like(g: Group, like: Collection[float]) -> bool:
    """Whether g's title is of one of the sizes ``like`` (within ``_LIKE``): with none, ``_host``
    asked with ``like`` answers as without, so it is not asked again."""
    size = max(b.size for b in g.header)
    return any(abs(size - s) <= _LIKE * s for s in like)


def _row_host(g: Group, column: Box, headed: Sequence[Group], titles: Grid, units: Sequence[Unit],
              grid: Grid, body: float) -> Group | None:
    """The one story whose headline ends within ``_OVER_GAP`` body sizes over g's title and
    reaches into its column further than boxes that meet run into each other (``_INTO``: a
    title overflowing its column by a hair under the next column's headline is beside it, not
    under it), over less than ``_OVER_SHARE`` of it (a headline in the next
    column, level with the title, is another story's; one over the title's column is a banner
    over the title's story, ``DEUXIÈME EDITION`` over ``OFFRANDES OBLIGATOIRES``), and whose
    text under that headline starts level with the title (within ``_STARTS_BELOW`` body sizes)
    right beside its column, with no text of another story between that headline and the
    title; else None. ``headed``: the stories with a header and text, their headers' boxes
    filed in ``titles``, so that only the headlines near the title's column are looked at."""
    title = g.anchor_box
    gutter, into = _GUTTER * body, _INTO * body
    low, high = title.y0 - _OVER_GAP * body, title.y0 + into
    hosts = [h for h in map(headed.__getitem__, titles.near(column.x0, low, column.x1, high))
             if h is not g and low <= h.anchor_box.y1 <= high
             and into < x_overlap(h.anchor_box, column) < _OVER_SHARE * column.width]
    if not hosts:
        return None
    near = [units[k] for k in grid.near(column.x0 - gutter, title.y0 - _OVER_GAP * body,
                                        column.x1 + gutter, title.y0 + _STARTS_BELOW * body)]
    found = [h for h in hosts if any(
        u.home is h and abs(u.box.y0 - title.y0) <= _STARTS_BELOW * body
        and x_overlap(u.box, h.anchor_box) > 0
        and (column.x0 - gutter <= u.box.x1 <= column.x0 + into
             or column.x1 - into <= u.box.x0 <= column.x1 + gutter) for u in near)]
    if len(found) != 1:
        return None
    host = found[0]
    between = [u for u in near if u.home is not g and host.anchor_box.y1 - into <= u.box.y1 <= title.y0 + into
               and x_overlap(u.box, column) >= _OVER_SHARE * column.width]
    return None if between else host


def _module_host(g: Group, column: Box, headed: Sequence[Group], titles: Grid, units: Sequence[Unit],
                 grid: Grid, body: float) -> Group | None:
    """The story whose text runs beside g's title on the left (over its top, starting no
    lower than ``_STARTS_BELOW`` body sizes under it), under a header set over the columns on
    the left, one line of which (a kicker) is centred on a module that holds the title's column:
    the header's left edge mirrored about that line's middle lands (within ``_GUTTER`` body
    sizes) on the right edge of the title's column or of that story's text further right (a
    kicker centred on the headline alone lands at its end, short of the title's column); nothing of another
    story stands in the title's column from the header's top down to the title (white, or that
    story's picture or text run on from the column before); the title smaller than the header's
    largest type. Else None. A left-set headline may stop short of the module's last columns,
    which then open with a crosshead on or near the story's first row of text
    (scribus_s167_02_zh, scribus_s161_04_zh)::

               ── kicker, centred on all seven columns ──
        ══ HEADLINE SET LEFT ═══════════════════════
        ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░  ═title═      nothing but the story's over
        ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░░░      the title, inside the module
                                                               the kicker is centred on
    A story of its own beside another starts its title level with the other's header, or
    lower down under text of its own column, outside the other's module."""
    title = g.anchor_box
    gutter, into, level = _GUTTER * body, _INTO * body, _STARTS_BELOW * body
    beside = {id(u.home): u.home for u in (units[k] for k in grid.near(
        column.x0 - gutter, title.y0, column.x0 + into, title.y0 + level))
        if u.home is not g and u.home is not None and u.home.header and u.block is not None
        and column.x0 - gutter <= u.box.x1 <= column.x0 + into and u.box.y0 <= title.y0 + level <= u.box.y1}
    if len(beside) != 1:
        return None
    host = next(iter(beside.values()))
    anchor = host.anchor_box
    if anchor.y1 > title.y0 or anchor.x1 > column.x0 + into \
            or max(b.size for b in host.header) <= max(b.size for b in g.header):
        return None
    ends = [end for b in host.header if b.box.x0 > anchor.x0 + into
            and (end := b.box.x0 + b.box.x1 - anchor.x0) >= column.x1 - gutter]
    if not any(abs(end - column.x1) <= gutter or any(
            u.home is host and u.block is not None and abs(u.box.x1 - end) <= gutter
            for u in map(units.__getitem__, grid.near(end - gutter, anchor.y1, end + gutter, column.y1)))
            for end in ends):
        return None
    top, foot = anchor.y0, title.y0 - into
    return None if any(
        u.home is not host and x_overlap(u.box, column) > 0 and u.box.y1 > top and u.box.y0 < foot
        for u in (units[k] for k in grid.near(column.x0, top, column.x1, foot))) or any(
        h is not host and x_overlap(h.anchor_box, column) > 0 and h.anchor_box.y1 > top and h.anchor_box.y0 < foot
        for h in map(headed.__getitem__, titles.near(column.x0, top, column.x1, foot))) else host


def _span_host(g: Group, column: Box, headed: Sequence[Group], units: Sequence[Unit], grid: Grid,
               body: float, like: Collection[float]) -> Group | None:
    """The one story whose headline, set over the columns on the left, stops short of g's
    title's column while its span (the headline widened over the white level with it) runs
    over that column, ending over the title, within ``_OVER_GAP`` body sizes; whose text
    starts right beside the column on the left level with the title (within
    ``_STARTS_BELOW``), with nothing of another story in the column from the span down to the
    title; the title of one of the page's crosshead sizes (``like``) and smaller than the
    header's largest type. Else None. A left-set headline may stop short of its module's
    last column, which opens with a crosshead on the story's first row of text, white over it
    (scribus_s183_07_zh: "建设学生特色产业…" atop the fourth column under "民生观", its
    headline over three)::

        ══ HEADLINE SET LEFT ══════════          white        the span runs over the white
        ░░░░░  ░░░░░  ░░░░░  ░░░░░             ═title═      to the last column's edge
        ░░░░░  ░░░░░  ░░░░░  ░░░░░             ░░░░░░░
    """
    if not _sized_like(g, like):
        return None
    title = g.anchor_box
    into = _INTO * body
    size = max(b.size for b in g.header)
    hosts = [h for h in headed if h is not g and h.span is not None
             and title.y0 - _OVER_GAP * body <= h.anchor_box.y1 <= title.y0
             and h.anchor_box.x1 <= column.x0 + into
             and h.span.x0 <= column.x0 + into and h.span.x1 >= column.x1 - into
             and max(b.size for b in h.header) > size]
    beside = _starting_beside(column, title, units, grid, body)
    found = [h for h in hosts if id(h) in beside]
    if len(found) != 1:
        return None
    host = found[0]
    top = host.anchor_box.y1
    return None if any(
        u.home is not host and u.home is not g and x_overlap(u.box, column) > 0
        and u.box.y1 > top and u.box.y0 < title.y0 - into
        for u in map(units.__getitem__, grid.near(column.x0, top, column.x1, title.y0))) else host


def _side_host(g: Group, column: Box, headed: Sequence[Group], units: Sequence[Unit], grid: Grid,
               body: float, like: Collection[float]) -> Group | None:
    """The one story led by a side headline (set left of g's title's column, its top level
    with the title's within ``_STARTS_BELOW`` body sizes) whose text starts right beside that
    column on the left, level with the title, and goes down at least as far as the title's
    column does (within ``_ENDS_ABOVE``); the title of one of the page's crosshead sizes
    (``like``) and smaller than the headline's largest type. Else None. A story headed beside
    its text may open its last column with a crosshead on its first row of text, nothing over
    it (holdout_23_10_en: "The Network Question" atop the fifth column of "Council Revives…")::

        Side   ░░░░░  ░░░░░  ░░░░░  ═title═      the title stands on the first row of the
        Head   ░░░░░  ░░░░░  ░░░░░  ░░░░░░░      story headed beside its text, right of it:
               ░░░░░  ░░░░░  ░░░░░  ░░░░░░░      its last column
    """
    if not _sized_like(g, like):
        return None
    title = g.anchor_box
    gutter, level = _GUTTER * body, _STARTS_BELOW * body
    size = max(b.size for b in g.header)
    beside = _starting_beside(column, title, units, grid, body)
    found = [h for h in headed if h is not g and id(h) in beside and h.anchor_box.x1 <= column.x0 - gutter
             and abs(h.anchor_box.y0 - title.y0) <= level and max(b.size for b in h.header) > size
             and max(u.box.y1 for u in h.units) >= column.y1 - _ENDS_ABOVE * body]
    return found[0] if len(found) == 1 else None


def _starting_beside(column: Box, title: Box, units: Sequence[Unit], grid: Grid, body: float) -> set[int]:
    """The ids of the stories whose text starts right beside the title's column on the left
    (a block ending from ``_GUTTER`` left of the column's edge to ``_INTO`` into it), level
    with the title (its top within ``_STARTS_BELOW`` body sizes of the title's)."""
    gutter, into, level = _GUTTER * body, _INTO * body, _STARTS_BELOW * body
    return {id(u.home) for u in map(units.__getitem__, grid.near(column.x0 - gutter, title.y0 - level,
                                                                  column.x0 + into, title.y0 + level))
            if u.block is not None and column.x0 - gutter <= u.box.x1 <= column.x0 + into
            and abs(u.box.y0 - title.y0) <= level}


def _runs_beside(side: Sequence[Unit], host: Group, top: float, bottom: float, body: float,
                 root: Callable[[Group | None], Group | None]) -> bool:
    """True when the text on one side, from top to bottom (within ``_STARTS_BELOW`` and
    ``_ENDS_ABOVE`` body sizes), is all the host's."""
    return bool(side) and all(root(u.home) is host for u in side) \
        and min(u.box.y0 for u in side) <= top + _STARTS_BELOW * body \
        and max(u.box.y1 for u in side) >= bottom - _ENDS_ABOVE * body


def _column(title: Box, units: Sequence[Unit]) -> Box:
    """The title's column, down to the foot of g's text in it: the title's box widened to the
    text under it that it mostly covers."""
    under = [u.box for u in units if x_overlap(u.box, title) >= _UNDER_SHARE * min(u.box.width, title.width)]
    return Box(min([title.x0] + [b.x0 for b in under]), title.y0,
               max([title.x1] + [b.x1 for b in under]), max([title.y1] + [b.y1 for b in under]))


def side_heads_take_runs(groups: Sequence[Group], v_rules: Sequence[Box], body: float) -> None:
    """A headline heading no text of its own opens the headless run set level with it, to its right.

    A side headline stands in a narrow column of its own left of its text, its top level with
    the text's (``Placer._anchor_beside`` finds the text within a few body sizes of it). Set
    further off, the text is placed as a run with no headline and, with no column left of it
    but the headline's, stays one: the headline heads only its byline or the picture over it.
    Such a headline (no body text among its units) takes the nearest run whose top starts
    level with it (from ``_LEVEL_ABOVE`` body sizes over its top down to its foot), right of it,
    when no more than the headline's width of white, free of print and of vertical rules,
    lies between them (the width of the headline's own column at most)::

        ┌──────────┐
        │ picture  │          "Side" heads the picture over it and its byline; the run r,
        └──────────┘          level with it past the white beside it, is its text
        Side      ░r░░ ░░░░
        Head      ░░░░ ░░░░
        By X      ░░░░ ░░░░
    """
    heads = [h for h in groups if h.header and not any(
        u.block is not None and u.block.role == "body" for u in h.units)]
    runs = [g for g in groups if not g.header and any(u.block is not None for u in g.units)]
    if not heads or not runs:
        return
    boxes = [u.box for g in groups for u in g.units] + [b.box for g in groups for b in g.header]
    for h in heads:
        a = h.anchor_box
        best, gap = None, a.width
        for g in runs:
            if not g.units:  # taken by a headline before
                continue
            if not a.y0 - _LEVEL_ABOVE * body <= min(u.box.y0 for u in g.units) <= a.y1:
                continue
            left = min(u.box.x0 for u in g.units if u.box.y0 <= a.y1)  # its edge level with h
            if not 0 <= left - a.x1 <= gap:
                continue
            white = Box(a.x1, a.y0, left, a.y1)
            if any(x_overlap(b, white) > 0 and y_overlap(b, white) > 0 for b in boxes) or any(
                    a.x1 < r.cx < left and y_overlap(r, white) > 0 for r in v_rules):
                continue
            best, gap = g, left - a.x1
        if best is not None:
            h.take(best)
