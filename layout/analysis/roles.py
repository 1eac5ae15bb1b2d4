"""Stage 3: blocks → blocks with roles.

Each block is named from its typography relative to the page's body text (the size and
typeface that cover most of the page), its position, its neighbours and a few patterns, in
Latin-script and Chinese conventions. The decisions, in order:

- furniture: running heads, folios and page credits in the top or bottom band of the page,
  or above the masthead rule, slugs in the side margins, the nameplate (``margins.py``), or
  text matching a furniture pattern ("本版责编"); and OCR noise: what an OCR engine read off
  an ornament or a picture, short blocks of few real words recognised with low confidence
  (``"H I gag B ~~~"``), which would otherwise pass for headlines and capture the columns
  under them, unless it stands within a column of text, between its lines (``noise.py``);
- headline: text at least ``headline_ratio`` times the body size, or bold text at least
  ``bold_headline_ratio`` times it (a one-column story's small headline); in a stack of touching large
  blocks the largest is the headline, those above it kickers and those below it decks;
- kicker / deck / byline: the blocks directly above and below a headline (引题 / 副题, "By …",
  "本报记者 …"); a headline OCR read as a blob over a legible deck yields to it (``garbled.py``);
- caption: the blocks right under a figure, else a title right above it, else a short note
  beside it; a title in capitals centred under a picture heads its story
  (``captions.name_picture_titles``);
- jump and credit lines by pattern ("Continued on Page A12", "转第4版", "数据来源：…");
- crosshead: a short emphasised line (bold, larger, or another typeface) among body text;
- headline again: a title set in the body size that starts a story in its column (centred,
  or in capitals, where the text above has ended, or over a dateline: ``titles.name_titles``);
- body: everything else.

A byline set as the first line of the body, or a jump or credit line (or wrapped credit) set
as the last, is split off its block first: the blocks stage cannot tell them from body lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..geometry import union_all, x_overlap, x_overlap_ratio, y_overlap
from ..model import Block, Box, Line, PageContent, Role
from ..params import Params
from .blocks import same_style, with_role
from .captions import CREDIT, emphasised, name_captions, name_labels, name_picture_titles
from .garbled import legible_heads
from .lettersize import at_letter_size
from .margins import in_bands, name_indexes, name_nameplate
from .noise import ocr_noise
from .openings import join_openings, with_drop_caps
from .patterns import (AUTHOR_NAME, BYLINE, DATELINE, FURNITURE, HAN_NAMES, JUMP, SURNAME, in_capitals,
                       opens_lowercase, pull_quote)
from .pieces import join_spanned_pieces
from .script import CJK_CLAUSE_MARKS, CJK_FULL_STOPS, CLAUSE_MARKS, COMMAS, FULL_STOPS, is_cjk
from .splittitles import TITLE_LINES, letter_width, split_title
from .titles import centred, name_titles

# [share of the body size] a name alone under a headline is set no larger than this; [sizes]
# how far under a byline names go on with it, and a surname in its type (whose box may reach
# up into the byline's, set tight)
_NAME_SIZE = 1.05
_NAMES_REACH = 0.6
_WRAP_REACH = 1.0
# [times the title's width] a headline this wide over a title in capitals right under it is a
# banner over the title's column (``DEUXIÈME EDITION`` over ``OFFRANDES OBLIGATOIRES``): the
# title heads its own story, no deck
_BANNER_SPAN = 2.0
# [share of the shorter one's height] two headlines overlapping by more than this in height
# stand level, on one row of the page (``_over_others``)
_LEVEL = 0.5
# Most lines a kicker and a deck may have; most characters a crosshead or byline may have.
_KICKER_LINES = 3
_DECK_LINES = 6
_CROSSHEAD_CHARS = 80
# A crosshead is a phrase, never a sentence or a clause cut off: it ends in no comma or full stop
_CROSSHEAD_NOT_ENDING = tuple(COMMAS + ".。")
# Most lines of a crosshead: two lines, each wrapping once in a narrow column.
_CROSSHEAD_LINES = 4
_BYLINE_CHARS = 60
# Most lines of a headline; a head set in a narrow rail beside its story's columns, a word or
# two a line, runs longer, but has no more words than this
_HEAD_LINES = 6
_RAIL_HEAD_WORDS = 12
# The marks that end a sentence or a clause, which a title's last line does not end in
_SENTENCE_ENDS = tuple(FULL_STOPS + CJK_FULL_STOPS + CLAUSE_MARKS + CJK_CLAUSE_MARKS + COMMAS)
# A picture's credit, the line under a caption, not a byline: a photographer's ("新华社记者
# 刘淑珍摄"), an agency's or a chart maker's ("新华社供图", "新华社发 刘淑珍 制图")
_PHOTO_CREDIT = re.compile(r"(摄(影)?|供图|制图|新华社发)\s*$")


def body_size(blocks: Sequence[Block]) -> float:
    """The font size of the running text that covers most of the page (rounded to 1/4 unit).

    Only running text counts (blocks of three lines or more, when there are any), so a
    masthead or a banner headline cannot be the body; weighting characters by their area
    (size squared) keeps the body size right where footnotes hold more characters than it.
    """
    running = [b for b in blocks if len(b.lines) >= 3] or blocks
    counts = Counter()
    for b in running:
        counts[round(b.size * 4) / 4] += sum(len(ln.text) for ln in b.lines) * b.size ** 2
    return counts.most_common(1)[0][0] if counts else 10.0


def _body_font(blocks: Sequence[Block], body: float) -> str:
    """The typeface most body-size characters are set in."""
    fonts = Counter()
    for b in blocks:
        if abs(b.size - body) <= 0.05 * body:
            fonts[b.font] += len(b.raw_text)
    return fonts.most_common(1)[0][0] if fonts else ""


def assign_roles(blocks: Sequence[Block], page: PageContent, body: float,
                 params: Params) -> tuple[Block, ...]:
    """Name every block's role; pattern lines are split off their blocks first."""
    letter = letter_width(blocks, body)
    blocks = at_letter_size(with_drop_caps([piece for b in blocks for part in _split_pattern_lines(b, body)
                                            for piece in split_title(part, body, letter)], body), body)
    font = _body_font(blocks, body)
    roles: list[Role] = [b.role for b in blocks]  # "body", or "crosshead" for a split-off title
    name_labels(blocks, roles, page.figures, body)
    banded = in_bands(blocks, page, body, params)
    noise, illegible = ocr_noise(blocks, banded, [f.box for f in page.figures], body)
    for i, b in enumerate(blocks):
        if roles[i] == "label":
            continue
        # Text in a box is a sidebar, never furniture.
        if banded[i] or (b.frame is None and FURNITURE.search(b.raw_text[:40])) or noise[i]:
            roles[i] = "furniture"
        elif not illegible[i] and (b.size >= params.headline_ratio * body
                                   or (b.bold and b.size >= params.bold_headline_ratio * body)) \
                and _head_length(b) and not pull_quote(b.raw_text):  # (the size first: few pass it)
            roles[i] = "headline"
    blocks, roles, illegible = join_spanned_pieces(blocks, roles, illegible, body)
    name_nameplate(blocks, roles, page, body)
    name_indexes(blocks, roles, body)
    _name_header_stacks(blocks, roles, body, font, params)
    legible_heads(blocks, roles)
    name_captions(blocks, roles, page.figures, body, font, params)
    name_picture_titles(blocks, roles, page.figures, body)
    roles = [_pattern_role(b, body, font, params) if r == "body" else r for b, r in zip(blocks, roles)]
    _name_bylined_titles(blocks, roles, body)
    name_titles(blocks, roles, body, page)
    # a badly read block held in a column is its text: its letters are no evidence of a title
    roles = ["body" if bad and r in ("headline", "crosshead") else r for bad, r in zip(illegible, roles)]
    blocks, roles = join_openings(blocks, roles, body, _SENTENCE_ENDS)
    return tuple(b if b.role == r else with_role(b, r) for b, r in zip(blocks, roles))


def _split_pattern_lines(b: Block, body: float) -> list[Block]:
    """A leading byline line, and a trailing jump, credit or byline line (a byline centred
    under a title: ``_byline_under_title``), as blocks of their own; a credit over the jump
    or wrapped (``_credit_lines``) too. A "byline" in lower case whose next line goes on in
    lower case is the middle of a sentence ("… written / by Alice Whitman, / who …" at the
    head of a column) and stays; so does a byline whose one line under it goes on in lower
    case: the byline wrapped ("By Helen Novak" / "and Diane Chen"), text under a byline opens
    with a capital."""
    lines = list(b.lines)
    if len(lines) < 2:
        return [b]
    head, credit, tail = [], [], []
    if BYLINE.search(lines[0].text) and len(lines[0].text) <= _BYLINE_CHARS \
            and not (opens_lowercase(lines[1].text) and (opens_lowercase(lines[0].text) or len(lines) == 2)):
        head = [lines.pop(0)]
    if len(lines) >= 2 and JUMP.search(lines[-1].text):
        tail = [lines.pop()]
    if n := _credit_lines(lines):
        credit, lines = lines[-n:], lines[:-n]
    elif not tail and len(lines) >= 2 and (_byline_under_title(lines, b.box, body) or _dateline_under_title(lines)):
        tail = [lines.pop()]
    if not head and not credit and not tail:
        return [b]
    return [replace(b, lines=tuple(part), box=union_all(ln.box for ln in part))
            for part in (head, lines, credit, tail) if part]


def _head_length(b: Block) -> bool:
    """Whether the block is short enough for a headline: ``_HEAD_LINES`` lines at most, or
    ``_RAIL_HEAD_WORDS`` words at most however many lines they wrap to (a head in a rail one
    column wide: "Council" / "Extends" / … / "Worries", seven lines of a word each). A CJK
    character counts as a word: a run of them is no one word (a lead set large and bold in
    Chinese, ten lines of ten characters, is no headline)."""
    return len(b.lines) <= _HEAD_LINES or sum(
        max(1, sum(map(is_cjk, w))) for w in b.raw_text.split()) <= _RAIL_HEAD_WORDS


def _credit_lines(lines: Sequence[Line]) -> int:
    """How many last lines (0, 1 or 2) are a source credit under text: its line, or its line
    ending open (no sentence's end nor clause mark) and its wrapped end. A column closing with
    "数据来源：市场监管部" / "门" / "（转第八版）" (LaTeX page 01 of seed 125) kept its credit as
    text, cut in two paragraphs where it wrapped."""
    if len(lines) >= 2 and CREDIT.search(lines[-1].text):
        return 1
    wrapped = len(lines) >= 3 and not lines[-2].text.rstrip().endswith(_SENTENCE_ENDS)
    return 2 if wrapped and CREDIT.search(lines[-2].text) else 0


def _byline_under_title(lines: list[Line], measure: Box, body: float) -> bool:
    """Whether the last line is a byline centred under a title set in its type: one or two
    lines above it (``TITLE_LINES``) that end no sentence. A producer sets a small headline
    and its byline in one face and size, a line apart, and they group as one block; a caption
    wrapped before its credit ("... over the weekend. Photo" / "by Kevin Hughes") starts its
    last line at its left edge, and a picture's credit centred under a caption
    ("新华社记者 刘淑珍摄", "新华社供图") says who took or gave the picture."""
    last, above = lines[-1], lines[:-1]
    return len(above) <= TITLE_LINES and bool(BYLINE.search(last.text)) \
        and len(last.text) <= _BYLINE_CHARS and centred(last.box, measure, body) \
        and not _PHOTO_CREDIT.search(last.text) \
        and not above[-1].text.rstrip().endswith(_SENTENCE_ENDS)


def _dateline_under_title(lines: list[Line]) -> bool:
    """Whether the last line is a dispatch's place and date (``DATELINE``) under a title in
    capitals, one or two lines (``TITLE_LINES``): "Vienne ( Autriche ) , 21 juillet." under
    ``ALLEMAGNE.``, grouped as one block when set in one size and weight. It opens the
    dispatch's text, as an engine that cut paragraphs puts it."""
    above = lines[:-1]
    return len(above) <= TITLE_LINES and bool(DATELINE.match(lines[-1].text)) \
        and all(in_capitals(ln.text) and not DATELINE.match(ln.text) for ln in above)


def _dispatch_under_title(h: Block, near: Sequence[Block], body: float, font: str) -> bool:
    """Whether headline ``h`` is a dispatch's place and date (one line opening with a
    ``DATELINE``, "Bruxelles, 28 juillet." set bold a size up) under its title: a block of a
    few lines (``_KICKER_LINES``) set apart from the text (``emphasised``) standing right over
    it (``PAYS-BAS-UNIS.``). The dateline opens the dispatch's text, under the title that
    heads it; alone over its text it may head an item ("Vienne, 1er avril." over a bourse's
    rates)."""
    return len(h.lines) == 1 and DATELINE.match(h.lines[0].text) is not None and any(
        _touching(b, h, 1.0 * b.size + 0.3 * h.size) and len(b.lines) <= _KICKER_LINES
        and emphasised(b, body, font) and b.frame == h.frame for b in near)


def _over_others(b: Block, i: int, heads: Sequence[int], tops: Sequence[float],
                 blocks: Sequence[Block]) -> bool:
    """Whether ``b``, over headline ``i``, reaches over another headline standing level with
    it (their heights overlapping by over ``_LEVEL`` of the shorter one's): a banner across the page
    over several stories' headlines ("SEUL JOURNAL FRANÇAIS RECEVANT PAR FILS ..." over "CE
    QU'ON POURRAIT FAIRE", "A LA RÉUNION", Le Matin 1893), which kicks none of them, however
    close it stands over one.

    ``heads``: the page's headlines sorted by top, ``tops`` their tops. Only those starting
    from b's foot down to headline i's foot can be one (starting under b, and overlapping i in
    height, so starting above its foot), found by bisection: the headlines of the rows above
    and below are not looked at."""
    h = blocks[i].box
    window = heads[bisect_left(tops, b.box.y1):bisect_left(tops, h.y1)]
    return any(k != i and blocks[k] is not b and blocks[k].box.y0 >= b.box.y1
               and x_overlap(blocks[k].box, b.box) > 0
               and y_overlap(blocks[k].box, h) > _LEVEL * min(blocks[k].box.height, h.height) for k in window)


def _touching(upper: Block, lower: Block, scale: float) -> bool:
    """True when lower starts right under upper (within ``scale``) and they overlap in x."""
    gap = lower.box.y0 - upper.box.y1
    return -0.3 * scale <= gap <= scale and x_overlap_ratio(upper.box, lower.box) >= 0.3


def _name_header_stacks(blocks: Sequence[Block], roles: list[Role], body: float, font: str,
                        params: Params) -> None:
    """Kickers above and decks and bylines below each headline; a stack keeps one headline,
    but for a title in capitals under a banner ``_BANNER_SPAN`` times as wide: that title heads
    a story of its own in its column (a deck is set in the headline's measure, or in capitals
    no narrower than half of it).

    Only blocks starting within a few headline sizes of a headline are looked at, found by
    bisection in the blocks sorted by top, so the cost stays near linear; so are the bylines
    a name may go on from. A block's text is joined only for the blocks that pass the tests
    on their place and lines first.
    """
    by_top = sorted(range(len(blocks)), key=lambda k: blocks[k].box.y0)
    tops = [blocks[k].box.y0 for k in by_top]
    lefts, rights = [blocks[k].box.x0 for k in by_top], [blocks[k].box.x1 for k in by_top]
    heads = [i for i, r in enumerate(roles) if r == "headline"]
    level = sorted(heads, key=lambda k: blocks[k].box.y0)  # (``_over_others``)
    level_tops = [blocks[k].box.y0 for k in level]
    for i in heads:
        h = blocks[i]
        if roles[i] != "headline":
            continue
        lo, hi = bisect_left(tops, h.box.y0 - 4 * h.size), bisect_right(tops, h.box.y1 + 2 * h.size)
        hx0, hx1 = h.box.x0, h.box.x1
        # every role below needs _touching, so x overlap: the row's other columns are skipped
        near = [j for j, x0, x1 in zip(by_top[lo:hi], lefts[lo:hi], rights[lo:hi]) if x1 > hx0 and x0 < hx1]
        if _dispatch_under_title(h, [blocks[j] for j in near if j != i and roles[j] != "furniture"], body, font):
            roles[i] = "body"
            continue
        for j in near:
            b = blocks[j]
            if j == i or roles[j] == "furniture" or b.frame != h.frame or len(b.lines) > _DECK_LINES:
                continue
            kicker_sized = len(b.lines) <= _KICKER_LINES
            if roles[j] == "headline":
                if _touching(b, h, 0.8 * h.size) and b.size < h.size and kicker_sized \
                        and not _over_others(b, i, level, level_tops, blocks):
                    roles[j] = "kicker"
                elif _touching(h, b, 0.8 * h.size) and b.size < h.size \
                        and not (h.box.width >= _BANNER_SPAN * b.box.width and in_capitals(b.raw_text)):
                    roles[j] = "deck"
            elif roles[j] in ("body", "headline") and b.size <= body * _NAME_SIZE \
                    and _touching(h, b, 0.6 * h.size) and AUTHOR_NAME.match(b.raw_text.strip()):
                roles[j] = "byline"  # the author's name alone under the headline: 邓志强
            elif roles[j] == "body":
                kicker = _touching(b, h, 1.0 * b.size + 0.3 * h.size) and emphasised(b, body, font) \
                    and kicker_sized and not _over_others(b, i, level, level_tops, blocks)
                if (kicker or _touching(h, b, 0.6 * h.size) and (
                        b.size >= params.deck_ratio * body or b.raw_text.lstrip().startswith(("——", "—")))) \
                        and not BYLINE.search(b.raw_text):  # a byline is neither
                    roles[j] = "kicker" if kicker else "deck"
    for j, b in enumerate(blocks):
        if roles[j] == "body" and len(b.lines) <= 2:
            text = b.raw_text
            if len(text) <= _BYLINE_CHARS and BYLINE.search(text):
                roles[j] = "byline"
    bylines = sorted((b for b, r in zip(blocks, roles) if r == "byline"), key=lambda y: y.box.y1)
    feet = [y.box.y1 for y in bylines]
    for j, b in enumerate(blocks):  # the names stacked under 本报记者, one a line, or wrapped
        if roles[j] not in ("body", "crosshead") or b.size > body * _NAME_SIZE or len(b.lines) > _KICKER_LINES:
            continue
        texts = [ln.text.strip() for ln in b.lines]
        # the bylines ending near b's top: every one that may touch it, and a few more
        reach = 2 * max(_NAMES_REACH, _WRAP_REACH) * b.size
        above = bylines[bisect_left(feet, b.box.y0 - reach):bisect_right(feet, b.box.y0 + reach)]
        names = all(AUTHOR_NAME.match(t) or HAN_NAMES.match(t) for t in texts) \
            and any(_touching(y, b, (_WRAP_REACH if same_style(y, b, params) else _NAMES_REACH) * b.size)
                    for y in above)
        surname = len(texts) == 1 and SURNAME.match(texts[0]) \
            and any(_touching(y, b, _WRAP_REACH * b.size) and same_style(y, b, params)
                    and b.box.width <= y.box.width for y in above)
        if names or surname:  # a surname wrapped alone: in the byline's type, set as tight as it,
            # and no wider than the line it wrapped from (else the byline would not have wrapped)
            roles[j] = "byline"


def _name_bylined_titles(blocks: Sequence[Block], roles: list[Role], body: float) -> None:
    """A crosshead with a byline right under it is a story's headline, whatever its size: a
    long title shrunk below the body size to fit a narrow module still heads its byline. Two
    crossheads side by side over one byline are the phrases of one title cut apart at the
    wide space between them: the story joins them (``assemble._titled``)."""
    bylines = [k for k, r in enumerate(roles) if r == "byline"]
    over = {i: [k for k in bylines if _touching(blocks[i], blocks[k], body)]
            for i, r in enumerate(roles) if r == "crosshead"}
    titles_over = Counter(k for ks in over.values() for k in ks)  # crossheads over each byline
    for i, ks in over.items():
        if ks and all(titles_over[k] == 1 for k in ks):
            roles[i] = "headline"


def _pattern_role(b: Block, body: float, font: str, params: Params) -> Role:
    """jump, credit or crosshead by pattern and typography; body otherwise."""
    text = b.raw_text
    if len(b.lines) <= 2 and JUMP.search(text):
        return "jump"
    if len(b.lines) <= 2 and CREDIT.search(text):
        return "credit"
    if len(b.lines) <= _CROSSHEAD_LINES and len(text) <= _CROSSHEAD_CHARS and emphasised(b, body, font) \
            and not text.rstrip().endswith(_CROSSHEAD_NOT_ENDING):
        return "crosshead"
    return "body"
