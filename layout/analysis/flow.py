"""Stage 5, second half: text with no headline over it follows the column flow.

Runs of text that no headline spans are placed as stories of their own (``stories.py``). Once
everything is placed, each, left to right, joins the story it goes on from: a run at the top
of its column continues the story at the foot of the column before (in the same band of the
page: drawn rules and lines of white space across the page, ``bands.open_cuts``, bound the bands),
a run starting lower continues the story ending level with it in the column before, or, set
smaller than the text right above it in its own column (a quotation, a list), that text's story;
and a run in the first column under a picture opens the story headed beside it. Text under a
headline that starts mid-sentence at the top of its column goes on from the column before
likewise (``continued_columns``): that headline heads nothing there; so does such text under
a blank line and an advertisement's closed text heading its column. Then a story's notes
with its text going on under them in their column are quotations, read in place.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Callable, Sequence

from ..geometry import SAME_COLUMN, Grid, x_overlap, x_overlap_ratio, y_overlap
from ..model import Box
from ..params import Params
from .bands import TEXT_UNDER_JUMP, closes, stands_under
from .midsentence import RUNNING_LINES, WORD, broken_off, runs_across, starts_mid_sentence, word_broken_for
from .noise import unread_title
from .placement import Group, Unit
from .skew import Straight, page_drift
from .titles import line_ends_text
from .typematch import line_pitch, same_text_size

# [body sizes] the widest white between a column's text and the next column's (the gutter),
# how far a column's text may reach into the next, and how far under a run's foot the text it
# goes on from may end (``_column_end``, ``_wrapped``; the indexes are asked that far around)
_GUTTER = 3.0
_INTO = 0.5
_PAST_FOOT = 3.0
# [body sizes] the side of the cells of the indexes by place
_CELL = 10.0
# [share of its width] how far left of the text going on at the top of a column a title may
# reach and head its column alone (``continued_columns``); [body sizes] the least white between
# such a title and that text
_BEFORE = 0.5
_APART = 1.0


def _column_end(top: Unit, bottom: float, others: Sequence[Unit], band: tuple[float, float],
                at_top: bool, v_rules: Sequence[Box], body: float, params: Params,
                straight: Straight = None) -> Unit | None:
    """The unit of the column just left of a run of headless text that the run continues.

    A story runs down one column and on at the top of the next. A run that starts its column
    (nothing above it in its band of the page) continues the story at the foot of the column
    before, in the same band. A run that starts lower (under a picture, say) continues the
    story ending lowest beside it, between the run's top and (about) its bottom. A column
    ending in a jump line or a source credit (``bands.closes``) ends its story there. The
    text a run heading its column goes on from is in its type; when the column before ends in
    running text of another story in another type, lower down, the run goes on from neither:
    it would jump over that story (a list of coupons in 6 points heading column four, the
    coupons of column three's foot in 7, a promotion box in 6 over them: Petit Journal 1900
    p7), unless that text breaks a word the run ends (``_cut_short``); so too with no text of
    the run's type there. A rule between the columns parts them unless the words join them
    (``midsentence.runs_across``). On a slanted scan the gutter is measured with the slant
    taken out (``straight``, ``skew``): a column drifting left down the page ends a hundred
    pixels left of where the next column's top starts, the width of a gutter more
    (Ouest-Eclair Caen 1924 p3)::

        ░A░░░ ░g░░░          g starts its column: it goes on from the foot of the column
        ░A░░░ ░g░░░          before, story B, not from A level with its top
        ═B══  ░g░░░
        ░B░░░ ░g░░░
    """
    low, high = (band[0], band[1]) if at_top else (top.box.y0, bottom + _PAST_FOOT * body)
    best, foot, column, ruled = None, None, [], []  # column: the units of the column before, in the run's type
    beside = []  # the units of the column before, in any type
    seen = straight or (lambda box: box)
    start = seen(top.box).x0
    for p in others:
        gap = start - seen(p.box).x1
        if (p.block is None or not -_INTO * body <= gap <= _GUTTER * body
                or not (low < p.box.y1 <= high and p.box.y0 >= band[0])):
            continue
        beside.append(p)
        if not same_text_size(p, top, params):
            if p.block.role == "body" and len(p.block.lines) >= RUNNING_LINES and (foot is None or p.box.y1 > foot.box.y1):
                foot = p  # the lowest running text in another type
            continue
        if any(p.box.x1 - 1 <= r.cx <= top.box.x0 + 1 and y_overlap(r, top.box) > 0 for r in v_rules):
            ruled.append(p)  # a rule between: gone on from only as the words say (``runs_across``)
            continue
        column.append(p)
        if best is None or p.box.y1 > best.box.y1:
            best = p
    if at_top and best is None:
        best = runs_across(ruled, top) or _cut_short(top, beside)
    if best is not None and closes(best.block):
        return None  # the story ends at the foot of the column before: nothing goes on from it
    if at_top and best is not None and foot is not None and foot.box.y0 >= best.box.y1 and foot.home is not best.home:
        return _cut_short(top, beside)  # the column ends in another story's text, in another type
    if at_top and best is not None and not broken_off(best, top) and starts_mid_sentence(top):
        return _broken_over(best, top, column) or best
    return best


def _cut_short(top: Unit, beside: Sequence[Unit]) -> Unit | None:
    """The lowest unit of the column before (``beside``: its units in any type) when it breaks
    a word at its foot (``midsentence.word_broken_for``) that the run, opening mid-sentence, ends:
    the OCR sized the two apart, but a word is not split between two stories (Petit Journal
    1900 p4: the solutions of "DOUBLE MÉTA-GRAMME" end "… à Don-", read in 7 points, and
    "ville Joseph Vasson …", read in 6, heads the next column). None otherwise."""
    foot = max(beside, key=lambda p: p.box.y1, default=None)
    return foot if foot is not None and word_broken_for(foot, top) else None


def _broken_over(end: Unit, top: Unit, column: Sequence[Unit]) -> Unit | None:
    """The story's text a run starting mid-sentence at the top of its column goes on from,
    when the foot of the column before (``end``) closes its paragraph: the lowest unit of that
    column whose text (two lines at least: a title's line is none) breaks off mid-sentence in
    the run's measure (``broken_off``), the lowest of its story there, another story's text
    under it (an advertisement set into the column under the article it interrupts: Ouest-Eclair
    Caen 1924 p7, "… Nou;", two ads, "avons signalé qu'un affreux malheur" atop the next)::

        ░A░░░ ░r░░░          r opens mid-sentence; the foot of the column before is an ad's
        ░A░ - ░r░░░          closed text: r goes on from A, which breaks off over the ad
        ┌AD─┐ ░r░░░
        └───┘ ░r░░░

    None when there is no such unit."""
    for p in sorted(column, key=lambda u: -u.box.y1):
        if p.box.y1 <= end.box.y1 and p.home is not end.home and p.block.role == "body" \
                and len(p.block.lines) >= 2 and broken_off(p, top) \
                and not any(q.home is p.home and q.box.y1 > p.box.y1 for q in column):
            return p
    return None


def continued_columns(groups: Sequence[Group], across: Sequence[float], v_rules: Sequence[Box],
                      body: float, params: Params, straight: Straight = None) -> None:
    """Text heading its column under a headline but starting mid-sentence goes on from the
    column before, with the rest of that story's text in its column.

    No paragraph starts with a word in lower case ("ticle de la Correspondance Havas",
    "morts, et par là même"): such text at the top of its column, under a headline (a
    section's name, an advertisement's title) that heads nothing there and has nothing over
    it in that column, goes on from the foot of the column before, when that is another
    story's text broken off mid-sentence in the same measure (``broken_off``), in the same
    band of the page (``across``: the heights of the lines across it)::

        ══ A ═════  ══ SECTION ══       u starts mid-sentence at the top of its column
        ░░░░░░░░░░  ░u░░░░░░░░░░        under SECTION, A's text breaks off at the foot of
        ░░░░░░░░ -  ░░░░░░░░░░░░        the column before: u and the text under it are A's

    Under a headline set over both columns, the column before is the headline's own story,
    which the text already is. Text starting mid-sentence lower in the column, under a blank
    line and text of the headline's own that closes its paragraph (``_under_closed_text``: an
    advertisement set at the top of the column), goes on from the foot of the column before
    too, unless that story goes on in the run's column already.
    """
    starts = [(g, u, _tops_column(u, g, body)) for g in groups if g.header for u in g.units
              if starts_mid_sentence(u)]
    starts = [(g, u, tops) for g, u, tops in starts if tops or _under_closed_text(u, g)]
    if not starts:  # most pages: no index to build
        return
    units = [u for g in groups for u in g.units]
    grid = Grid([u.box for u in units], _CELL * body)
    slack = page_drift(straight, [u.box for u in units])  # the gutter as the slant widens it
    for g, top, tops in starts:
        if top.home is not g:
            continue  # moved already, with the column of an earlier start
        t, title = top.box, g.anchor_box
        band = _band(t.cy, across)
        if tops and any(band[0] <= p.box.y0 and p.box.y1 <= title.y0 and x_overlap_ratio(p.box, t) >= SAME_COLUMN
               for p in map(units.__getitem__, grid.near(t.x0, band[0], t.x1, title.y0))):
            continue  # text over the title in its column: the run does not start the column
        # what _column_end takes lies within a few body sizes left of the text, in its band
        near = [units[k] for k in grid.near(t.x0 - _GUTTER * body - slack, band[0], t.x0 + _INTO * body + slack,
                                            band[1])]
        end = _column_end(top, t.y1, [p for p in near if p.home is not g], band, True, v_rules, body, params,
                          straight)
        if end is None or end.home is None or not broken_off(end, top):
            continue
        home = end.home
        if not tops and (any(x_overlap_ratio(u.box, t) >= SAME_COLUMN for u in home.units)
                         or not all(map(WORD.fullmatch, end.block.lines[-1].text.split()))):
            # the story broken off goes on in the run's column already, over it; or its last
            # line is no words (OCR's misreading of an advertisement's display type)
            continue
        column = [u for u in g.units if u.box.y0 >= t.y0 and x_overlap_ratio(u.box, t) >= SAME_COLUMN]
        g.units = [u for u in g.units if u not in column]
        for u in column:
            u.home = home
        home.units.extend(column)


def _tops_column(u: Unit, g: Group, body: float) -> bool:
    """Whether u stands below g's title, set apart from it by ``_APART`` body sizes of white
    at least (an advertisement's title runs on into its text: "ON DEMANDE GRANDE PROPRIETE"
    / "rapport et agrément"), with none of g's other units over it in its column, and the
    title heads no column before u's: it reaches left of u by ``_BEFORE`` of u's width at
    most. The title need not stand over u: a unit of its story placed in a column left of it
    that starts mid-sentence ("sujets de notre troupe d'opéra-comique.", Ouest-Eclair Caen
    p1) goes on from the column before as well."""
    b, title = u.box, g.anchor_box
    return b.y0 >= title.y1 + _APART * body and title.x0 >= b.x0 - _BEFORE * b.width \
        and not any(v is not u and v.box.y0 < b.y0 and x_overlap_ratio(v.box, b) >= SAME_COLUMN for v in g.units)


def _under_closed_text(u: Unit, g: Group) -> bool:
    """Whether u stands under text of g's own in its column that closes its paragraph
    (``titles.line_ends_text``), more than a line pitch of u's (``typematch.line_pitch``) of
    white between them: a blank line at least. Text starting mid-sentence there goes on from
    no text above it in the column; it is the tail of the column before's story run on under
    an advertisement set at the top of the column (Le Matin 1893 p3: "leur gracieux et trop
    naïf" under a pharmacist's advertisement ending "une guérison rapide et certaine.")::

        ░░░░░░░░░░  ══ AD ══════        u starts mid-sentence under the advertisement's
        ░░░░░░░░░░  ░░░░░░░░░.          closed text, a blank line between: it goes on from
        ░░░░░░░░ -                      the foot of the column before
                    ░u░░░░░░░░░░
    """
    b = u.box
    above = [v for v in g.units if v is not u and v.box.y1 <= b.y0 and x_overlap_ratio(v.box, b) >= SAME_COLUMN]
    if not above or u.block is None:
        return False
    last = max(above, key=lambda v: v.box.y1)
    pitch = line_pitch(u.block)
    return last.block is not None and pitch is not None and b.y0 - last.box.y1 > pitch \
        and line_ends_text(last.block.lines[-1], last.box)


def _wrapped(top: Unit, others: Sequence[Unit], body: float) -> Unit | None:
    """The unit right beside the top of a run in the first column (no text level with it on its
    left: ``_text_left``), when it is text of a story headed above the run: a story set around
    a picture at the head of its first column begins under the picture, left of its headline::

        ▓▓▓▓▓ ══ HEADLINE ══        r has nothing before it; its top stands level with
        ▓▓▓▓▓ ░░░░░ ░░░░░           the story's text in column two: r opens that story
        ░r░░░ ░░░░░ ░░░░░
    """
    best = None
    for p in others:
        gap = p.box.x0 - top.box.x1
        head = p.home.anchor_box if p.home is not None and p.home.header else None
        if (p.block is not None and head is not None and -_INTO * body <= gap <= _GUTTER * body
                and y_overlap(p.box, top.box) > 0 and head.y1 <= top.box.y0
                and (best is None or gap < best.box.x0 - top.box.x1)):
            best = p
    return best


def _closed_over(t: Box, units: Sequence[Unit], grid: Grid, body: float) -> bool:
    """Whether a jump line or credit that ``closes`` its story stands right over box t in its
    column, within ``TEXT_UNDER_JUMP`` body sizes: the story over t ended there, and a run starting
    under it in the first column opens no story beside it (``_wrapped``: that is for a run under a
    picture). It may still go on from the column before it, by the column flow."""
    reach = TEXT_UNDER_JUMP * body
    return any(closes(u.block) and stands_under(t, u.box, reach)
               for u in map(units.__getitem__, grid.near(t.x0, t.y0 - reach, t.x1, t.y0)))


def _text_left(top: Unit, units: Sequence[Unit], grid: Grid, others: Callable[[Unit], bool],
               reach: float, body: float) -> bool:
    """Whether text (a unit ``others`` takes) stands level with the top of a run and left of it
    (ending by half a body size into it), anywhere on the page: the run is not in its first
    column. Looked for column of cells by column of ``grid`` (the units'), leftwards from
    ``reach``, right of the run, so a run with a column before it stops at the first look."""
    t = top.box
    for _, ids in grid.outward(reach, t.y0, t.y1, -1):
        for u in map(units.__getitem__, ids):
            if u.block is not None and u.box.x1 <= t.x0 + _INTO * body and y_overlap(u.box, t) > 0 and others(u):
                return True
    return False


def separators(h_rules: Sequence[Box], units: Sequence[Unit]) -> list[float]:
    """The heights of the lines (drawn or white) across most of the text area, top to bottom."""
    if not units:
        return []
    width = max(u.box.x1 for u in units) - min(u.box.x0 for u in units)
    return sorted(r.cy for r in h_rules if r.width >= 0.6 * width)


def _band(y: float, across: Sequence[float]) -> tuple[float, float]:
    """The band of the page between the lines across it (their heights, sorted) around y."""
    k = bisect_left(across, y)
    return (across[k - 1] if k else float("-inf"), across[k] if k < len(across) else float("inf"))


def quotations_in_place(groups: Sequence[Group], body: float) -> None:
    """Notes with their own story's text going on below them in their column are quotations,
    read in their place.

    Small text under a story's text is taken for its notes (``Placer.attach_notes``) and read
    after all of it. A footnote ends its column's share of the story; verse or a letter quoted
    in smaller type has the story's text going on under it: a text unit of the story (not a
    picture, and not another note: notes are no units of it) over half of the note's width,
    starting no higher than half a body size over the note's foot::

        ░░░░░░░           q is set smaller under the story's text; the story goes on under
         ░q░░░            it in the same column: q is read between the two, not at the end
        ░░░░░░░
    """
    for h in groups:
        for n in list(h.notes):
            if any(u.block is not None and x_overlap_ratio(u.box, q.box) >= SAME_COLUMN
                   and u.box.y0 >= q.box.y1 - 0.5 * body for q in n.units for u in h.units):
                h.notes.remove(n)
                h.take(n)


def adopt_headless(groups: list[Group], pictures: Sequence[Box], across: Sequence[float],
                   v_rules: Sequence[Box], body: float, params: Params, straight: Straight = None) -> None:
    """Text that started a story of its own joins the story running in the column to its left,
    or, set smaller than the text right above it in its own column, that text's story.

    Runs of text with no headline over them are found while placing; once everything is
    placed, this pass, left to right, lets each follow the column flow (``_column_end``).
    Notes follow notes (footnotes run on from column to column under their story), stories
    follow stories; a run headed by a title the OCR could not read (``noise.unread_title``)
    stays a story, and a run in the first column right under a jump line or credit opens no
    story beside it (``_closed_over``; ``bands.closing_cuts`` keeps the headline over the
    column from taking it).
    ``across``: the heights of the lines across the page (``separators``);
    ``straight``: the scan's slant taken out (``skew``), for the gutters.
    """
    notes = {id(n) for g in groups for n in g.notes}
    headless = sorted((g for g in groups if not g.header and g.units),
                      key=lambda g: min(u.box.x0 for u in g.units))
    if not headless:  # nothing to adopt (a third of pages): no indexes to build
        return
    boxes = [u.box for g in groups for u in g.units] + [b.box for g in groups for b in g.header]
    boxes += pictures
    headed = [h for h in groups if h.header and h.span is not None]
    # Indexes by place, so that each run looks only at what stands near it. The units keep
    # the order of the groups' lists (a unit moved to another group goes to the end of its
    # list), which breaks ties as a scan of those lists would.
    units = [u for g in groups for u in g.units]
    rank = {id(g): k for k, g in enumerate(groups)}
    order = {id(u): (rank[id(u.home)], k) for k, u in enumerate(units)}
    moved = itertools.count(len(units))
    cell = _CELL * body
    unit_grid, box_grid = Grid([u.box for u in units], cell), Grid(boxes, cell)
    span_grid = Grid([h.span for h in headed], cell)
    slack = page_drift(straight, [u.box for u in units])  # the gutter as the slant widens it
    for g in headless:
        top = min(g.units, key=lambda u: u.box.y0)
        if top.block is None or unread_title(top.block, body):  # a picture's or a title's run
            continue
        t = top.box
        bottom = max((u.box.y1 for u in g.units if x_overlap_ratio(u.box, t) >= SAME_COLUMN),
                     default=t.y1)  # (a zero-width top, a lone mark, shares no width even with itself)
        band = _band(t.cy, across)
        at_top = not any(band[0] <= b.y0 and b.y1 <= t.y0 + 0.5 * body and x_overlap_ratio(b, t) >= SAME_COLUMN
                         for b in map(boxes.__getitem__, box_grid.near(t.x0, band[0], t.x1, t.y0 + 0.5 * body)))
        # A headline across the run's column and the one before, below the run, closes the
        # run's band there: what the column before holds under it is the next module's. Its
        # print, not its span, must reach across the gutter, from two body sizes left of the
        # run to two into it: a span widened over the white space beside a headline of one
        # column runs over the gutter to the text of the next column.
        band = (band[0], min([band[1]] + [h.span.y0 for h in map(headed.__getitem__,
                                                                  span_grid.near(t.x0, t.y1, t.x1, float("inf")))
                                          if h.span.y0 >= t.y1 and x_overlap(h.span, t) >= 0.5 * t.width
                                          and h.anchor_box.x0 < t.x0 - 2 * body < t.x0 + 2 * body < h.anchor_box.x1]))
        is_note = id(g) in notes
        low, high = (band[0], band[1]) if at_top else (t.y0, bottom + _PAST_FOOT * body)
        # what _column_end and _wrapped take lies within a few body sizes of the run's edges
        near = set(unit_grid.near(t.x0 - _GUTTER * body - slack, low, t.x0 + _INTO * body + slack, high))
        near.update(unit_grid.near(t.x0 - _GUTTER * body, t.y0, t.x1 + _GUTTER * body, t.y1))

        def kin(u: Unit) -> bool:  # of another story, a note if the run is one
            return u.home is not g and (id(u.home) in notes) == is_note

        others = sorted(filter(kin, map(units.__getitem__, near)), key=lambda u: order[id(u)])
        over = g.over  # a body block in another size (else the run would have joined it)
        if not at_top and not is_note and over is not None and id(over.home) not in notes \
                and top.block.size < over.block.size:
            end = over  # the column goes on down in smaller type (a quotation, a list)
        else:
            end = _column_end(top, bottom, others, band, at_top, v_rules, body, params, straight)
        if end is None and not at_top and not _text_left(top, units, unit_grid, kin, t.x1 + _GUTTER * body, body) \
                and not _closed_over(t, units, unit_grid, body):
            end = _wrapped(top, others, body)
        home = end.home if end is not None else None
        if home is None or home is g:
            continue
        for u in g.units:
            order[id(u)] = (rank[id(home)], next(moved))
        home.take(g)
        if id(g) in notes:  # a note adopted by another: no longer a note of its story
            for h in groups:
                if g in h.notes:
                    h.notes.remove(g)
