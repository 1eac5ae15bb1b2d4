"""Stage 5: blocks and figures → stories, each ordered for reading.

Headlines anchor stories. Everything else on the page is a *unit* to place: a block, a figure
with its captions, or a frame (a drawn or tinted box) with the blocks and figures inside it.
A crosshead set across two columns or more, over the text or titles heading each, is a
module's headline set small (``_spanning_titles``). Units are placed top to bottom; each joins

1. the nearest headline above it that spans it, unless a rule drawn across it lies between::

       ══ HEADLINE A ══════════          unit u joins A: A is the lowest headline above u
       ░░░░░ ░░░░░ ░░░░░ ░░░░░           that covers it and no rule cuts between them
       ░░░░░ ░░░░░ ══ B ═══════
       ░░u░░ ░░░░░ ░░░░░ ░░░░░

2. or a headline just left of it (a headline set beside its text);
3. or, with no headline over it, the story of the unit right above it in its column (a story
   continued from another page, the tail of a column);
4. or it starts a run of its own (no headline), or, for a figure, a picture story.

Once everything is placed, a headline set inside another story's columns, that story's text
over it and beside it, becomes its crosshead (``subheads.py``), and each headless run, left to
right, follows the column flow (``flow.py``); small text taken for a story's notes with its
text going on under it is a quotation, read in its place. A headline set across columns over other
headlines and no text of its own (a banner) heads no column.

A frame without a headline of its own becomes a sidebar of the story it is placed in; a
frame with a headline is a boxed story. Kickers go to the headline right below them, and so
does a crosshead standing right over a headline and set to it (a crosshead leads text);
titles set one under the other over one story are one headline (``stacks.py``). Each group
placed is assembled into a story (``assemble.py``), where an item's title set a size up over
its text is named a crosshead (``titles.item_titles``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from ..geometry import SAME_COLUMN, Grid as BoxGrid, covered_width, union_all, x_overlap, x_overlap_ratio, y_overlap
from ..model import Block, Box, Figure, Layout, PageContent
from ..params import Params
from .assemble import assemble_story, with_ids
from .bands import closing_cuts, open_cuts
from .captions import figures_with_captions
from .columns import Grid
from .flow import adopt_headless, continued_columns, quotations_in_place, separators
from .noise import unread_cuts
from .order import place_box, reading_order, rows_in_order
from .placement import Group, Placer, Unit
from .skew import straightener
from .stacks import stacked_titles
from .subheads import absorb_inset_heads, side_heads_take_runs

# a headline with this many narrower headlines starting within this many body sizes under
# it is a banner (``_banners``)
_BANNER_TITLES = 1
_BANNER_GAP = 4.0
# [sizes of the headline] how far under a header a deck or byline may start and hang (``_with_decks``)
_DECK_GAP = 1.0
# the column width, in body sizes, of a page whose grid was not found
_COLUMN_EMS = 20.0
# [ems of its own type] a crosshead at most this far over a headline set to it is its kicker
_KICKER_GAP = 0.5
# [body sizes] a figure this far past a frame's edge is inside it (its padding and line)
_INSET = 0.5
# [body sizes] how far under a title set across columns its text starts, and how far under a
# headline it is its deck; [share of its width] how much of it the columns of text under it
# cover (``_spanning_titles``)
_SPAN_GAP = 2.0
_SPAN_COVER = 0.75
# [body sizes] how far over a spanning title's foot the text or title heading a column may
# start (tucked into its leading); [share of its width] how much of that head lies under the
# title; [body sizes] most width two heads may share and still be two columns side by side
# (boxes of columns set close may touch)
_SPAN_TUCK = 0.5
_SPAN_UNDER = 0.5
_SPAN_TOUCH = 0.5
# [share of the shorter's height] two titles sharing this much of it stand on one row (``_beside``)
_LEVEL = 0.5


def build_stories(blocks: Sequence[Block], page: PageContent, grid: Grid, body: float, params: Params) -> Layout:
    """Group the page's blocks and figures into furniture, stories and bare figures."""
    furniture = [b for b in blocks if b.role == "furniture"]
    content = [b for b in blocks if b.role != "furniture"]
    figures = figures_with_captions(content, page.figures)
    captions = {id(c) for f in figures for c in f.caption}
    framed: dict[int, list[Block]] = {}
    free: list[Block] = []
    for b in content:
        if id(b) not in captions:
            (framed.setdefault(b.frame, []) if b.frame is not None else free).append(b)

    free = _spanning_titles(free, body)
    groups, subtitles = _anchors(free, _column_width(grid, body), [r.box for r in page.rules if r.orientation == "h"])
    # every headline heads a group, some joined with the title or crosshead under them
    # (``stacks.stacked_titles``)
    anchored = {id(b) for g in groups for b in g.header} | {id(b) for b in free if b.role == "headline"}
    anchored |= subtitles
    stacks = _with_decks(groups, content)
    _widen_spans(groups, stacks, content, page, body)
    _mark_text_below(groups, [b for b in free if id(b) not in anchored and b.role == "body"], body,
                     [f.box for f in page.figures] + [page.frames[k] for k in framed], stacks)
    banners = _banners(groups, body)
    groups = [g for g in groups if id(g) not in banners]
    units = [Unit(b.box, block=b) for b in free if id(b) not in anchored]
    inset = _framed_figures(figures, {k: page.frames[k] for k in framed}, body)
    boxed = {id(f) for fs in inset.values() for f in fs}
    units += [Unit(union_all([f.box, *(c.box for c in f.caption)]), figure=f) for f in figures
              if id(f) not in boxed]
    units += [Unit(page.frames[k], framed=bs, framed_figures=inset.get(k, [])) for k, bs in framed.items()]
    h_rules = [r.box for r in page.rules if r.orientation == "h"] + open_cuts(units, groups, stacks, page.rules, body)
    h_rules += unread_cuts(free, body) + closing_cuts(free, body)  # unread titles; jump lines
    v_rules = [r.box for r in page.rules if r.orientation == "v"]
    bare: list[Figure] = []
    placer = Placer(groups, h_rules, v_rules, body, params)
    sides = [g.anchor_box.y0 for g in groups if g.header and not g.text_below]  # (side headlines' tops)
    for u in [units[k] for k in rows_in_order([u.box for u in units], 0.5 * body, sides)]:
        home = placer.home(u)
        if home is None and u.figure is not None:
            home = placer.anchor_below(u)
            if home is None and not u.figure.caption:
                bare.append(u.figure)
                continue
        if home is None:
            home = Group([], over=placer.placed_above(u))
            groups.append(home)
            placer.attach_notes(home, u)
        placer.place(u, home)

    absorb_inset_heads(groups, body)
    across, straight = separators(h_rules, units), straightener(page, body)
    adopt_headless(groups, [f.box for f in bare], across, v_rules, body, params, straight)
    side_heads_take_runs(groups, v_rules, body)
    continued_columns(groups, across, v_rules, body, params, straight)
    quotations_in_place(groups, body)
    groups += banners.values()
    notes = {id(n) for g in groups for n in g.notes}
    stories = [assemble_story(g, grid, body, straight) for g in groups
               if (g.header or g.units) and id(g) not in notes]
    for g in groups:  # let go of their units (each unit's home is its group: a cycle), freed now, not collected
        g.units, g.over = [], None
    order = reading_order([place_box(s, straight) for s in stories])
    stories = [with_ids(stories[i], f"p{page.number}-s{n}") for n, i in enumerate(order, 1)]
    middle, by_pos = page.height / 2, sorted(furniture, key=lambda b: (b.box.y0, b.box.x0))
    return Layout(page.number, page.width, page.height, page.unit,
                  header=tuple(b for b in by_pos if b.box.cy < middle),
                  footer=tuple(b for b in by_pos if b.box.cy >= middle),
                  stories=tuple(stories), figures=tuple(bare), rules=page.rules, frames=page.frames)


def _column_width(grid: Grid, body: float) -> float:
    """The page's typical column width: the median of its grid's, else 20 body sizes."""
    widths = sorted(c.x1 - c.x0 for c in grid.columns)
    return widths[len(widths) // 2] if widths else _COLUMN_EMS * body


def _framed_figures(figures: Sequence[Figure], frames: dict[int, Box], body: float
                    ) -> dict[int, list[Figure]]:
    """The index of each frame that holds text → the figures inside it (within ``_INSET`` body
    sizes of its edges): a photo in a boxed story is the box's, not a picture story of its own."""
    pad, keys, boxes = _INSET * body, list(frames), list(frames.values())
    grid, inside = BoxGrid(boxes, 10 * body), {}  # the frames near a figure, not all of them
    for f in figures:
        b = f.box
        k = next((keys[j] for j in grid.near(b.x0, b.y0, b.x1, b.y1) if boxes[j].x0 - pad <= b.x0
                  and b.x1 <= boxes[j].x1 + pad and boxes[j].y0 - pad <= b.y0 and b.y1 <= boxes[j].y1 + pad), None)
        if k is not None:
            inside.setdefault(k, []).append(f)
    return inside


def _spanning_titles(blocks: Sequence[Block], body: float) -> list[Block]:
    """The blocks, each crosshead set across two columns or more a headline, and the titles
    heading one of its columns right under it crossheads.

    A crosshead leads text in its own column. A title over two columns side by side, each
    headed right under it (within ``_SPAN_GAP`` body sizes) by text or a title of its column,
    these covering ``_SPAN_COVER`` of its width, heads them both: a module's headline set
    hardly larger than its text (a Chinese page's small story, ``双河镇加快标准化产业链　升级
    标准化智慧农场`` in 9 points over two columns of 8.5), not an item's title. With its text
    begun under it, a title heading its other column is its crosshead, whatever its size (9.5
    points, centred in the column: ``引导企业数字经济``). A title with another level beside it
    is a phrase of a title cut apart at a wide space, left to the story (``_beside``); one
    ending within ``_SPAN_GAP`` under a headline over it is that headline's deck::

        ══ 双河镇加快标准化产业链 ══          the title covers both columns starting
        ░░░░░░░░░░   ─ 引导企业 ─             under it: a headline, and 引导企业 its
        ░░░░░░░░░░   ░░░░░░░░░░              crosshead
    """
    order = sorted((k for k, b in enumerate(blocks) if b.role in ("body", "crosshead", "headline")),
                   key=lambda k: blocks[k].box.y0)
    tops = [blocks[k].box.y0 for k in order]
    titles = sorted((b.box for b in blocks if b.role == "headline"), key=lambda t: t.y1)
    feet = [t.y1 for t in titles]
    roles = {}
    for i, b in enumerate(blocks):
        if b.role != "crosshead" or i in roles:
            continue
        a = b.box
        level = order[bisect_left(tops, a.y0 - a.height):bisect_right(tops, a.y1)]
        if any(k != i and blocks[k].role != "body" and _beside(blocks[k].box, a, body) for k in level):
            continue  # a phrase of a title cut apart: the story joins them (``assemble._titled``)
        if any(x_overlap(t, a) > 0 for t in titles[bisect_left(feet, a.y0 - _SPAN_GAP * body):bisect_right(feet, a.y1)]):
            continue  # a headline's deck
        band = order[bisect_left(tops, a.y1 - _SPAN_TUCK * body):bisect_right(tops, a.y1 + _SPAN_GAP * body)]
        heads = [k for k in band if k != i and x_overlap(blocks[k].box, a) >= _SPAN_UNDER * blocks[k].box.width]
        under = [Box(max(blocks[k].box.x0, a.x0), 0, min(blocks[k].box.x1, a.x1), 1) for k in heads]  # (x only)
        if any(u.x0 < v.x0 and x_overlap(u, v) < _SPAN_TOUCH * body for u in under for v in under) \
                and covered_width(under) >= _SPAN_COVER * a.width:
            roles[i] = "headline"
            if any(blocks[k].role == "body" for k in heads):
                roles.update((k, "crosshead") for k in heads if blocks[k].role != "body")
    return [replace(b, role=roles[i]) if i in roles else b for i, b in enumerate(blocks)]


def _beside(a: Box, b: Box, body: float) -> bool:
    """Two titles on one row (sharing ``_LEVEL`` of the shorter's height) less than a body
    size apart side by side."""
    return y_overlap(a, b) >= _LEVEL * min(a.height, b.height) and x_overlap(a, b) > -body


def _anchors(blocks: Sequence[Block], column: float, rules: Sequence[Box] = ()) -> tuple[list[Group], set[int]]:
    """One group per headline, with the kickers standing right above it; and the ids of the
    crossheads that are the second line of a headline (``stacks.stacked_titles``; ``rules`` part titles) or its
    kicker: a crosshead leads text, so one standing right over a headline and set to it, no
    text under it (``_set_to``), is its kicker (a title shrunk to fit a narrow module may be set smaller than
    the kicker over it)."""
    heads, subtitles = stacked_titles([b for b in blocks if b.role in ("headline", "crosshead")], blocks, column, rules)
    groups = {id(h): Group([h]) for h in heads}
    # The headlines by their tops: those starting within reach under a kicker (the reach of
    # the largest headline's type) are found by bisection, not by a scan of them all, and
    # tested exactly in the order of ``heads``.
    by_top = sorted(range(len(heads)), key=lambda i: heads[i].box.y0)
    tops = [heads[i].box.y0 for i in by_top]
    largest = max((h.size for h in heads), default=0.0)
    # the body text by top, for ``_set_to``: only a crosshead asks
    texts = sorted((b for b in blocks if b.role == "body"), key=lambda b: b.box.y0) \
        if any(b.role == "crosshead" for b in blocks) else []
    text_tops = [b.box.y0 for b in texts]
    for k in blocks:
        if k.role not in ("kicker", "crosshead") or id(k) in subtitles:
            continue
        # a point wider either way: the bisection rounds apart from the test
        near = sorted(by_top[bisect_left(tops, k.box.y1 - 0.3 * largest - 1):
                             bisect_right(tops, k.box.y1 + 1.5 * largest + 1)])
        below = [h for h in map(heads.__getitem__, near) if -0.3 * h.size <= h.box.y0 - k.box.y1 <= 1.5 * h.size
                 and x_overlap_ratio(h.box, k.box) >= 0.3 and (k.role == "kicker" or _set_to(k, h, texts, text_tops))]
        if below:
            if k.role == "crosshead":
                subtitles.add(id(k))
                k = replace(k, role="kicker")
            groups[id(min(below, key=lambda h: h.box.y0))].header.insert(0, k)
    return list(groups.values()), subtitles


def _set_to(title: Block, headline: Block, texts: Sequence[Block], tops: Sequence[float]) -> bool:
    """Whether ``title`` is centred on ``headline`` or starts at its left edge, within an em
    of its own type, standing right over it (within ``_KICKER_GAP``), with no text starting
    between them under it (which it would lead). ``texts``: the page's body blocks sorted by
    top, ``tops`` their tops: those starting between the two are found by bisection, not by a
    scan of the page's blocks."""
    a, b = title.box, headline.box
    if not ((abs(a.cx - b.cx) <= title.size or abs(a.x0 - b.x0) <= title.size)
            and b.y0 - a.y1 <= _KICKER_GAP * title.size):
        return False
    between = texts[bisect_left(tops, a.y1 - title.size):bisect_left(tops, b.y0)]
    return not any(x_overlap_ratio(o.box, a) > 0 for o in between)


def _widen_spans(groups: Sequence[Group], stacks: dict[int, tuple[Box, list[Box]]],
                 blocks: Sequence[Block], page: PageContent, body: float) -> None:
    """Widen each headline sideways over the empty space level with it.

    A centred headline is often narrower than its story::

        ░░░░░░░░     ══ HEADLINE ══                  its span reaches the text or picture
        ░░░░░░░░ │ ░░░░░ ░░░░░ ░░░░░ ░░░░░ ░░░░░      level with it on either side, else the
                                                     edge of the printed area

    A box starting level with it and running on below, under its end, stops it at its own
    edge: the top of the next column under a kicker overhanging it; so does the next column
    that its box runs into by less than half a body size (scribus_s163_04_zh: 2.8 pt), else its
    span took that column's text under it. The decks and byline hanging under it count as the
    headline (``_with_decks``): text level with a deck in one column under a title overhanging
    the next (``══ TITLE ══`` over ``deck ░░``) stops it there, and so does a picture level with
    the byline under a title shrunk to a sliver (4 points over a 9-point byline): nothing is
    level with that title alone, so its span took the lead's last column (Typst 07, seed 125).
    """
    if not blocks:
        return
    left_edge, right_edge = min(b.box.x0 for b in blocks), max(b.box.x1 for b in blocks)
    obstacles = [b.box for b in blocks] + [f.box for f in page.figures] + \
                [r.box for r in page.rules if r.orientation == "v"] + list(page.frames)
    grid = BoxGrid(obstacles, 10 * body)
    for g in groups:
        a0, (a, hung) = g.anchor_box, stacks[id(g)]
        own = {id(b.box) for b in g.header} | {id(d) for d in hung}

        def beside(o: Box, clear: bool, overhung: bool) -> bool:  # level: on its side, or under its end
            return id(o) not in own and y_overlap(o, a) > 0.2 * a.height and not (o.x0 <= a.x0 and o.x1 >= a.x1) \
                and (clear or overhung and o.y0 >= a.y0 and o.y1 > a.y1)

        # The nearest on each side, column of cells by column of cells outwards: a box
        # further out than a column's edge cannot be nearer than one found beyond it.
        left = right = None
        for edge, near in grid.outward(a.x0 + 1, a.y0, a.y1, -1):
            ends = [min(o.x1, a.x0) for o in map(obstacles.__getitem__, near)
                    if beside(o, o.x1 <= a.x0 + 1, o.x0 < a.x0)]
            left = max(ends + ([left] if left is not None else []), default=None)
            if left is not None and left >= edge:
                break
        for edge, near in grid.outward(a.x1 - 1, a.y0, a.y1, 1):
            starts = [max(o.x0, a.x1) for o in map(obstacles.__getitem__, near)
                      if beside(o, o.x0 >= a.x1 - 0.5 * body, o.x1 > a.x1)]
            right = min(starts + ([right] if right is not None else []), default=None)
            if right is not None and right <= edge:
                break
        left, right = left_edge if left is None else left, right_edge if right is None else right
        g.span = Box(min(left, a0.x0), a0.y0, max(right, a0.x1), a0.y1)


def _with_decks(groups: Sequence[Group], blocks: Sequence[Block]) -> dict[int, tuple[Box, list[Box]]]:
    """Each header's box with the decks hanging under it, one under the other, each starting
    within ``_DECK_GAP`` of the headline's size under the one above and overlapping it. A
    byline hanging so counts as a deck: it belongs to the header, not to the text under it.

    The decks are sorted by top and looked at from the first starting at the header's foot
    (bisection), up to the first starting too far under it: the box only grows downwards as
    decks join it, so no deck before the first can join, nor any after the last (the cost is
    the decks near each header, not all of them)."""
    decks = sorted((b.box for b in blocks if b.role in ("deck", "byline")), key=lambda d: d.y0)
    tops = [d.y0 for d in decks]
    stacks = {}
    for g in (g for g in groups if g.header):
        a, hung, size = g.anchor_box, [], max(b.size for b in g.header)
        for k in range(bisect_left(tops, a.y1), len(decks)):  # (no copy of the rest)
            d = decks[k]
            if d.y0 - a.y1 > _DECK_GAP * size:
                break
            if d.y0 >= a.y1 and x_overlap_ratio(d, a) > 0:
                hung.append(d)
                a = a.union(d)
        stacks[id(g)] = a, hung
    return stacks


def _mark_text_below(groups: Sequence[Group], texts: Sequence[Block], body: float,
                     pictures: Sequence[Box], stacks: dict[int, tuple[Box, list[Box]]]) -> None:
    """Note the headlines with running text (three lines or more, in columns side by side at least
    half as wide) or a picture or a box of text (a sidebar, holdout_113_00_en) starting at most four
    body sizes under the header over them (``_foot_over``): text beside them is not theirs."""
    by_top = sorted(texts, key=lambda b: b.box.y0)
    tops, filed = [b.box.y0 for b in by_top], BoxGrid(pictures, 10 * body)
    for g in groups:
        if g.header:
            a, hung = stacks[id(g)]
            window = by_top[bisect_left(tops, g.anchor_box.y1 - 0.5 * body):bisect_left(tops, a.y1 + 4 * body)]
            under = [b.box for b in window if len(b.lines) >= 3] + [  # pictures starting over the foot + 4
                pictures[k] for k in filed.near(a.x0, float("-inf"), a.x1, a.y1 + 4 * body)]
            under = [u for u in under if x_overlap_ratio(a, u) >= SAME_COLUMN
                     and u.y0 - _foot_over(g.anchor_box, hung, u, body) <= 4 * body]
            g.text_below = covered_width(under) >= 0.5 * a.width  # one column or several


def _foot_over(head: Box, hung: Sequence[Box], box: Box, body: float) -> float:
    """The foot of the lowest piece of a header over the box (ending at most half a body size
    under its top; minus infinity if none): the headline sharing some of its width, or a deck
    or byline hung under it (``_with_decks``) across half its width at least: a kicker taken for
    the headline has its text under its title (Ouest-Eclair Caen 1924 p5); a deck under one
    column of a headline across the page leaves the other columns measured from the headline
    (Le Gaulois 1884 p4, sizes estimated); a scrap in a margin strip heads no text (Gravenhaegse)."""
    return max((p.y1 for p in (head, *(d for d in hung if x_overlap(d, box) >= SAME_COLUMN * box.width))
                if x_overlap(p, box) > 0 and p.y1 <= box.y0 + 0.5 * body), default=float("-inf"))


def _banners(groups: Sequence[Group], body: float) -> dict[int, Group]:
    """The headlines set across columns that head other headlines, not text: a banner.

    ``SEUL JOURNAL RECEVANT PAR FILS SPÉCIAUX`` across the page, with ``POISSON D'AVRIL`` right
    under it in column one and other titles under it further right, heads no column: the text
    at the top of column two goes on from column one. A headline with text of its own right
    under it (``Group.text_below``) is no banner; one with at least ``_BANNER_TITLES`` headlines
    in its own frame, each under half its width, starting within ``_BANNER_GAP`` body sizes
    under it is.
    """
    heads = sorted((g for g in groups if g.header), key=lambda g: g.anchor_box.y0)
    tops = [g.anchor_box.y0 for g in heads]
    found = {}
    for g in heads:
        a = g.anchor_box
        if g.text_below:
            continue
        window = heads[bisect_left(tops, a.y1 - 0.3 * body):bisect_left(tops, a.y1 + _BANNER_GAP * body)]
        under = [h for h in window if h is not g and a.x0 <= h.anchor_box.cx <= a.x1
                 and h.anchor_box.width < 0.5 * a.width and h.header[0].frame == g.header[0].frame]
        if len(under) >= _BANNER_TITLES:
            found[id(g)] = g
    return found
