"""Titles set in the body size: which head a story in their column (a headline) and which
an item inside a story (a crosshead).

Part of stage 3 (``roles.py``). Older papers, and OCR files whose sizes are rough, set many
titles in about the body size; where they stand, and whether the text above them has come
to an end, tells their role.

Stage 5 asks ``item_titles`` once a story is assembled (``assemble.py``): an item's title set a
size up over its text, on a line of its own and closed by a stop, is named a crosshead there.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import islice

from ..geometry import SAME_COLUMN, Grid, x_overlap, x_overlap_ratio, y_overlap
from ..model import Block, Box, Line, PageContent, Role
from .patterns import DATELINE, in_capitals
from .script import CJK_FULL_STOPS, FULL_STOPS

# Most characters a title set in the body size may have; [share of its column's width] a
# headline this much wider than a title's column, right above it, makes the title a crosshead,
# and so does one over at least ``_OVER`` of that column reaching ``_OVER`` of it beyond.
TITLE_CHARS = 60
_WIDER = 1.5
_OVER = 0.5
# What a line closing a paragraph ends with: a full stop, Latin or CJK, or a closing quote or
# bracket after one; not ’ (an apostrophe too) nor " and ] (alike in OCR noise)
_TEXT_ENDS = tuple(FULL_STOPS + CJK_FULL_STOPS + "»”)")
# What a line announcing what follows ends with (a reply, a quotation, a list): its text goes
# on under it, however short the line
_ANNOUNCING = (":", "：")
# Smallest title, as a share of the body size, read as the head of an item in its column: a
# title in small capitals measures about the body's x-height (OCR sizes come from line heights).
_SMALL_TITLE = 0.55
# [body sizes] a title's text starts this close under it (or under the crossheads stacked
# under it; in the title's own sizes when it is larger than the body: the white under a title
# grows with its type); the text above it ends this close over it, found among blocks ending
# this far up; [share of the body size] a smaller title heads an item. (A section's headlines
# may stand further under its banner than ``stories._BANNER_GAP``: "APRÈS BAC-NINH" five body
# sizes under "DERNIERS TÉLÉGRAMMES DE LA NUIT", under its kicker.)
_TEXT_GAP = 2.0
_ABOVE_GAP = 3.0
_ABOVE_REACH = 4.0
_SUBTITLE = 0.9
# [share of the body size] a block whose top stands this far over a title's foot may be under it
_TUCKED = 0.3
# [share of the shorter one's height] a crosshead and a headline overlapping more in height stand level
_LEVEL = 0.5
# [em of a crosshead] another title level with it this near is its title's other phrase (its
# full-width space); [share of the larger size] if that near in size: one title's phrases are
# set in one size (and one face)
_PHRASE = 2.0
_PHRASE_SIZE = 0.8
# [body sizes] white between running text and a title under it that sets the title apart
_SET_APART = 1.0
# [share of its letters] capitals of a title the running text over it may place ("SPECTACLES DU 1er août,")
_MOSTLY_CAPITALS = 0.5
# [share of the column's width] a signature starts this far in from the left and ends this near the right
_SET_IN = 0.2
# [ratio to the size of the text read next] an item's title is set at least this large; [share
# of its characters but spaces] letters at least this many (not a price or a figure in a table)
_TITLE_STEP = 1.08
_TITLE_LETTERS = 0.7
# [body sizes] the cells of the grid ``_name_level_titles`` looks titles up in
_CELL = 4.0
# [body sizes, share of the wider one's width] most distance between the middles of two boxes
# centred on one axis (``on_axis``), whichever is more
_AXIS = 2.0
_AXIS_SHARE = 0.15


def name_titles(blocks: Sequence[Block], roles: list[Role], body: float, page: PageContent) -> None:
    """Titles set in the body size that start a story in their column become headlines.

    Older papers (and many OCR files, whose sizes are rough) head an article with a line in
    about the body size: centred in the column (``Revue politique.``), or in capitals
    (``LA CHAMBRE DES DÉPUTÉS``); a centred one stands alone on its row (a
    fragment of a line cut apart may fall in the middle by chance). Such a line heads a story
    only where the text above it, if any, has come to an end (a full stop, a short last line,
    or a signature or other line set apart) and body text follows right under it; a crosshead
    inside a story is set left in modern papers. A line smaller than the body (down to
    ``_SMALL_TITLE`` of it) heads an item within its column (``LE MORT DE L'ÉCOLE
    SAINTE-BARBE`` under "La Soirée parisienne"): a crosshead; so is a line without a letter (an
    asterism, ``* * *``), which breaks a story's text and heads none. Under a headline set across
    more columns than the title's (the nearest above it that reaches over the title's column,
    or, that one heading no such story, the nearest centred over text on both sides of it: the
    first text under it in the column that mirrors the title's about its middle starts by the
    title's row), the title is a crosshead of that story too: People's Daily centres its
    crossheads in the column, and a story's headline centred over its module may stop short of
    its last column (typst_s177_07_zh: a crosshead atop the last of eight columns, under a
    headline over the middle six). A banner with headlines of their own under it heads a
    section, not one story
    (``DERNIERS TÉLÉGRAMMES DE LA NUIT``). Whatever its size or the banner over it, a title
    whose text opens with a dateline heads a dispatch of its own (``INCENDIE A MANILLE`` /
    "Madrid, 1er avril. Par service spécial." under "DEUXIÈME ÉDITION"). A title that is all
    three, centred alone on its row (or said centred by the file: ``said_centred``), in
    capitals, and closed by a full stop (``VERTROKKEN.``,
    ``TO PRINTERS.``) or set ``_SET_APART`` under the running text above (``L'AFFAIRE
    LASKER``, a body size under "… contre le traité est générale,"), heads a story even where
    that text seems to run on: OCR often misreads the last line's stop ("… Red Deer, ü„or.
    Chsrih.n. KaraaJ"), and a sentence does not break on such a line, nor over such a white.
    Last, a crosshead of any size standing level with a headline beside it, as far under the
    text above and under one rule with it, is a headline of that row of heads
    (``_name_level_titles``; ``page``: its pictures and rules).
    A line the file says is centred is none where it stands flush with an edge of the text's
    measure (``_flush``): the geometry sees it is no centred title.
    """
    by_top = sorted(range(len(blocks)), key=lambda k: blocks[k].box.y0)
    tops = [blocks[k].box.y0 for k in by_top]
    by_bottom = sorted(range(len(blocks)), key=lambda k: blocks[k].box.y1)
    bottoms = [blocks[k].box.y1 for k in by_bottom]

    def in_column(ks: list[int], i: int) -> list[int]:
        b = blocks[i].box  # (the ratio needs x0 < x1 both ways: that cheap test first)
        return [k for k in ks if k != i and blocks[k].box.x1 > b.x0 and blocks[k].box.x0 < b.x1
                and roles[k] != "furniture" and x_overlap_ratio(blocks[k].box, b) >= SAME_COLUMN]

    def beside(i: int, measure: Box) -> bool:  # other text on the title's row, in the measure
        b = blocks[i].box
        return any(y_overlap(blocks[k].box, b) > 0.5 * min(blocks[k].box.height, b.height)
                   and blocks[k].box.x1 > measure.x0 and blocks[k].box.x0 < measure.x1
                   for k in by_top[bisect_left(tops, b.y0 - b.height):bisect_right(tops, b.y1)]
                   if k != i and roles[k] != "furniture")

    heads = [k for k, r in enumerate(roles) if r == "headline"]
    crossheads = [k for k, r in enumerate(roles) if r == "crosshead"]

    def under_a_wider_headline(i: int, text: Box) -> bool:  # inside a story set across columns
        b = blocks[i].box  # the headlines over the title that reach over its column (its text)
        # and the crossheads ``_WIDER`` than it: a story's headline shrunk to fit its module may
        # be set no larger than its crossheads, and only the stories stage names it headline
        wide = [k for k in crossheads if blocks[k].box.width >= _WIDER * text.width]
        over = [k for k in heads + wide if blocks[k].box.y1 <= b.y0 and blocks[k].frame == blocks[i].frame
                and blocks[k].box.x0 < text.x1 and blocks[k].box.x1 > text.x0]
        return heads_story(i, text, over) or heads_story(i, text, [  # else one centred over it, beside
            k for k in heads if blocks[k].box.y1 <= b.y0 and blocks[k].frame == blocks[i].frame
            and centred_over(blocks[k].box, text, b)])

    def heads_story(i: int, text: Box, over: list[int]) -> bool:  # the nearest of ``over`` heads its story
        b = blocks[i].box
        nearest = max(over, key=lambda k: blocks[k].box.y1, default=None)
        top = blocks[nearest].box if nearest is not None else None
        if top is None or top.width < _WIDER * text.width and not (
                x_overlap(top, text) >= _OVER * text.width
                and (top.x0 < text.x0 - _OVER * text.width or top.x1 > text.x1 + _OVER * text.width)):
            return False
        # a banner over headlines of their own heads a section
        return not any(k != nearest and top.y1 <= blocks[k].box.y0 < b.y0 and x_overlap(blocks[k].box, top) > 0
                       and blocks[k].frame == blocks[i].frame for k in heads)

    texts = [k for k, r in enumerate(roles) if r == "body"] if heads else []
    text_grid = Grid([blocks[k].box for k in texts], _CELL * body)

    def centred_over(head: Box, text: Box, title: Box) -> bool:  # text under it mirrors the title's
        x0, x1 = head.x0 + head.x1 - text.x1, head.x0 + head.x1 - text.x0
        mirror = Box(x0, text.y0, x1, text.y1)  # its first text under the head starts by the title's row
        near = map(texts.__getitem__, text_grid.near(x0, head.y1, x1, title.y1 + _TEXT_GAP * body))
        tops_there = [blocks[k].box.y0 for k in near if roles[k] == "body" and blocks[k].box.y1 > head.y1
                      and x_overlap_ratio(blocks[k].box, mirror) >= SAME_COLUMN]
        return bool(tops_there) and min(tops_there) >= max(head.y1, title.y0 - _ABOVE_REACH * body)

    for i in by_top:  # top down: the upper title of a stack is judged first
        b = blocks[i]
        # A title split off the top of its text (b.role) stays that text's crosshead.
        # A dispatch's place and date on a line of its own opens its text: no title.
        if roles[i] not in ("body", "crosshead") or b.role == "crosshead" or len(b.lines) > 2 \
                or len(b.raw_text) > TITLE_CHARS or b.size < _SMALL_TITLE * body \
                or DATELINE.match(b.lines[0].text):
            continue
        # Found by their tops (the text under the title) and by their bottoms (the text above,
        # which may start far higher up).
        under = (k for k in islice(by_top, bisect_left(tops, b.box.y1 - _TUCKED * body), None) if k != i)
        over = in_column(by_bottom[bisect_left(bottoms, b.box.y0 - _ABOVE_REACH * body):
                                   bisect_right(bottoms, b.box.y0 + _TUCKED * body)], i)
        below = _text_under(under, b, blocks, roles, body)  # stops at the first white too wide
        above = max(over, key=lambda k: blocks[k].box.y1, default=None)
        if below is None:
            continue
        # capitals in any type: 19th-century papers set titles in the body's own size and weight
        text = blocks[below].box
        # the running text's measure, over short text under a title mostly in capitals (``LOTERIE
        # ROYALE DE FRANCE.``), not a lower-case one's dispatch ("Londres, 28 avril, 3 h, 17.")
        run = blocks[above].box if above is not None and roles[above] == "body" and len(blocks[above].lines) > 1 \
            and blocks[above].box.width > text.width and in_capitals(b.raw_text, _MOSTLY_CAPITALS) else None
        alone = (centred(b.box, text, body) or (run is not None and centred(b.box, run, body))
                 or (said_centred(b, page) and not _flush(b.box, text, body))) and not beside(i, text)
        capitals = in_capitals(b.raw_text)
        if not (alone or capitals):
            continue
        dispatch = DATELINE.match(blocks[below].lines[0].text) is not None
        if not dispatch and (b.size < _SUBTITLE * body or not any(c.isalpha() for c in b.raw_text)
                             or under_a_wider_headline(i, blocks[below].box)):
            roles[i] = "crosshead"
            continue
        apart = above is not None and len(blocks[above].lines) > 1 \
            and b.box.y0 - blocks[above].box.y1 >= _SET_APART * body  # white over it, under text
        stopped = alone and capitals and (b.raw_text.rstrip().endswith(".") or apart)
        if above is None or b.box.y0 - blocks[above].box.y1 > _ABOVE_GAP * body or roles[above] != "body" \
                or _ends_text(blocks[above], blocks[below].box) or stopped:
            roles[i] = "headline"
    _name_level_titles(blocks, roles, by_bottom, bottoms, page, body)


def _name_level_titles(blocks: Sequence[Block], roles: list[Role], by_bottom: Sequence[int],
                       bottoms: Sequence[float], page: PageContent, body: float) -> None:
    """A crosshead standing level with a headline beside it (their heights overlapping by over
    ``_LEVEL`` of the shorter one's), both under running text, the crosshead at least as far
    under the text above it in its column as that headline, and one horizontal rule running
    over both, between them and that text, is a headline of that row of heads: a short story's
    title shrunk to fit its one column, smaller than the body even (libreoffice_s147_04_zh:
    "临海市加强老旧小区　培育科研院所", bold 6 pt over 9 pt text, level with its neighbour's 12
    pt headline, both under the rule closing the band above). A crosshead inside a story stands
    under its own story's text, a picture or another title of it, with no rule between: white
    alone tells nothing, for a crosshead may stand two body sizes under its text, and a large
    headline's box reaches up close to the text over it. A title of its face and about its size
    (``_PHRASE_SIZE``) beside it within ``_PHRASE`` ems is its title's other phrase
    (chromium_s47_02_zh: "长丰县引导冷链仓储" "探索特色生态环境" in the body size): the stories
    stage joins them; one of another face or size is another title however near
    (typst_s181_04_zh: a 10 pt kicker atop its column, 1.4 of its ems from the next column's
    18 pt headline, 1.5 from the bold 10 pt one of the column after).
    ``by_bottom``: the blocks' indexes sorted by their feet, ``bottoms`` those feet."""
    heads = [k for k, r in enumerate(roles) if r == "headline"]
    crossheads = [k for k, r in enumerate(roles) if r == "crosshead"] if heads else []
    figures = [f.box for f in page.figures] if crossheads else []
    rules = [r.box for r in page.rules if r.orientation == "h"] if crossheads else []
    tucked, titles = _TUCKED * body, sorted(heads + crossheads)
    title_grid = Grid([blocks[k].box for k in titles], _CELL * body) if rules else None
    for i in crossheads if rules else ():
        b = blocks[i].box
        level = [k for k in map(titles.__getitem__, title_grid.near(-math.inf, b.y0, math.inf, b.y1))
                 if k != i and blocks[k].frame == blocks[i].frame and (blocks[k].box.x1 <= b.x0 or blocks[k].box.x0 >= b.x1)
                 and y_overlap(blocks[k].box, b) > _LEVEL * min(blocks[k].box.height, b.height)]
        size = blocks[i].size  # a title of its face, about its size, beside it this near: one title's phrase
        phrase, sizes = _PHRASE * size, (_PHRASE_SIZE * size, size / _PHRASE_SIZE)
        if any(blocks[k].box.x0 - b.x1 <= phrase and b.x0 - blocks[k].box.x1 <= phrase
               and sizes[0] <= blocks[k].size <= sizes[1] and _one_face(blocks[k], blocks[i]) for k in level):
            continue
        level = [blocks[k].box for k in level if roles[k] == "headline"]
        white = _text_above(b, blocks, roles, by_bottom, bottoms, figures, body, SAME_COLUMN) if level else None
        for h in level if white is not None else ():
            h_white = _text_above(h, blocks, roles, by_bottom, bottoms, figures, body, 0.0)
            if h_white is not None and white >= h_white and any(
                    max(b.y0 - white, h.y0 - h_white) <= r.y0 and r.y1 <= min(b.y0, h.y0) + tucked
                    and r.x0 <= b.x0 and r.x1 >= b.x1 and r.x0 < h.x1 and r.x1 > h.x0 for r in rules):
                roles[i] = "headline"
                break


def _one_face(a: Block, b: Block) -> bool:
    """Whether two blocks are set in one face: one family, one weight."""
    return a.font == b.font and a.bold == b.bold


def _text_above(box: Box, blocks: Sequence[Block], roles: Sequence[Role], by_bottom: Sequence[int],
                bottoms: Sequence[float], figures: Sequence[Box], body: float, share: float) -> float | None:
    """The white between ``box`` and the running text (a body block) right above it, if what
    stands nearest above it (over at least ``share`` of the narrower one's width, 0: any; no
    lower than ``_TUCKED`` body sizes into it) is such, not a picture or a title or caption
    (a kicker, set over its headline, is passed)."""
    foot = max((f.y1 for f in figures if f.x1 > box.x0 and f.x0 < box.x1 and f.y0 < box.y0
                and f.y1 <= box.y0 + _TUCKED * body and x_overlap_ratio(f, box) >= share), default=None)
    for n in range(bisect_right(bottoms, box.y0 + _TUCKED * body) - 1, -1, -1):  # the lowest feet first
        k = by_bottom[n]
        c = blocks[k].box
        if roles[k] not in ("furniture", "kicker") and c.x1 > box.x0 and c.x0 < box.x1 and c.y0 < box.y0 \
                and x_overlap_ratio(c, box) >= share:
            return box.y0 - c.y1 if roles[k] == "body" and (foot is None or foot < c.y1) else None
    return None


def _text_under(under: Iterable[int], title: Block, blocks: Sequence[Block], roles: list[Role],
                body: float) -> int | None:
    """The body text right under a title (``under``: the blocks below it, top down, of any
    column): within ``_TEXT_GAP`` body sizes of it (or of its own size, when larger: the white
    under a title grows with its type, ``QUESTION D'ARGENT``), or of the one-line crossheads
    stacked under it (``ÉTAT-CIVIL DE RENNES`` over ``NAISSANCES`` over the list). The look
    ends at the first block, in any column, starting further down than that: the blocks come
    by their tops, so it reads no further than the title's neighbourhood."""
    foot, reach = title.box.y1, _TEXT_GAP * max(body, title.size)
    x0, x1 = title.box.x0, title.box.x1
    for k in under:
        box = blocks[k].box
        if box.y0 - foot > reach:
            return None
        # not in the title's column (the ratio needs x0 < x1 both ways: the cheap test first)
        if not (box.x1 > x0 and box.x0 < x1) or roles[k] == "furniture" or x_overlap_ratio(box, title.box) < SAME_COLUMN:
            continue
        if roles[k] == "body":
            return k
        if roles[k] != "crosshead" or len(blocks[k].lines) > 1:
            return None
        foot = max(foot, blocks[k].box.y1)
    return None


def item_titles(texts: Sequence[Block]) -> list[Block]:
    """A story's text blocks, in reading order, with the titles of its items named crossheads:
    a body block of one line of at most ``TITLE_CHARS``, mostly letters (``_TITLE_LETTERS``)
    and closed by a stop, set ``_TITLE_STEP`` times the size of the body block read next,
    opening no dateline. Older papers set an item's title so, a size up and closed by a stop
    (``Besluiten en Benoemingen.``, ``Staatsbegrooting voor 1877.``, Algemeen Handelsblad
    1876), where a crosshead would be bold or in capitals. Named only
    once the story is assembled: as body text of another size, the title has already cut the
    story where it stands (a crosshead would run on in the story above); one that opens a
    headless story titles it (``assemble._titled``). A dispatch's place and date set so
    ("Luxembourg, le 6 décembre.") opens its text instead."""
    return [replace(b, role="crosshead") if k + 1 < len(texts) and _item_title(b, texts[k + 1]) else b
            for k, b in enumerate(texts)]


def _item_title(b: Block, text: Block) -> bool:
    """Whether body block ``b``, read right before body block ``text``, is an item's title
    (see ``item_titles``)."""
    if b.role != "body" or text.role != "body" or len(b.lines) != 1:
        return False  # (most blocks: their letters go uncounted)
    title = b.raw_text.strip()
    return len(title) <= TITLE_CHARS and title.endswith(".") \
        and sum(c.isalpha() for c in title) >= _TITLE_LETTERS * len(title.replace(" ", "")) \
        and b.size >= _TITLE_STEP * text.size and not DATELINE.match(title)


def centred(title: Box, text: Box, body: float) -> bool:
    """Set in the middle of the measure of the text below, with room on both sides."""
    return min(title.x0 - text.x0, text.x1 - title.x1) >= body and on_axis(title, text, body)


def on_axis(a: Box, b: Box, body: float) -> bool:
    """Two boxes centred on one axis: their middles within ``_AXIS`` body sizes or ``_AXIS_SHARE``
    of the wider one's width of each other, whichever is more (both counted twice over: the
    sums of their edges are compared)."""
    return abs(a.x0 + a.x1 - b.x0 - b.x1) <= max(_AXIS * body, _AXIS_SHARE * max(a.width, b.width))


def _flush(line: Box, text: Box, body: float) -> bool:
    """Set flush with one edge of the measure of the text below (within a body size of it) and
    stopping short of the other (over a body size from it): a line of text, an indented
    paragraph's only line, which an engine may say is centred ("Alhier afgedaan 95 legg.
    Soerabaja-Arak, per Urania.", 33 px in and 90 px short of a 942 px measure in 37 px type,
    Handelsblad 1876 p3). A box the measure wide leaves the geometry blind (``said_centred``)."""
    left, right = line.x0 - text.x0, text.x1 - line.x1
    return min(left, right) < body < max(left, right)


def said_centred(b: Block, page: PageContent) -> bool:
    """The source file itself says every line of the block is centred (``PageContent.
    centred_blocks``): an OCR engine boxes a title the column wide now and then, whose
    centring the geometry cannot see (``BINNENGEKOMEN.``, 944 px for 14 letters). Evidence
    where the geometry's is sought, never a title by itself: engines centre ads, datelines and
    signatures too."""
    return bool(page.centred_blocks) and all(ln.words[0].source_block in page.centred_blocks for ln in b.lines)


def _ends_text(b: Block, column: Box) -> bool:
    """The block's text comes to an end (see ``line_ends_text``), or its last line is a
    signature: a name set right in the column (the text under the title), starting
    ``_SET_IN`` of its width in from its left edge ("Marc de ROSSINI..;" over ``REVUE
    BIBLIOGRAPHIQUE``); a number set there (a serial's instalment, "84") is none. A last line
    ending in a colon ends nothing: it announces the line under it ("… un doigt sur les lèvres :"
    over "Fermé pour cause d'ouverture !" centred, Le Petit Journal illustré 1900)."""
    last = b.lines[-1]
    if last.text.rstrip().endswith(_ANNOUNCING):
        return False
    return line_ends_text(last, b.box) or (last.box.x0 > column.x0 + _SET_IN * column.width
                                           and last.box.x1 > column.x1 - _SET_IN * column.width
                                           and any(c.isalpha() for c in last.text))


def line_ends_text(line: Line, measure: Box) -> bool:
    """A line that closes a paragraph: a full stop, or well short of the measure."""
    return line.text.rstrip().endswith(_TEXT_ENDS) \
        or line.box.x1 < measure.x1 - 0.2 * measure.width
