"""The page's furniture: the bands where running heads, folios, page credits and side slugs
live, the nameplate over a front page, and an index of the issue.

Part of stage 3 (``roles.py``): a block the bands hold is furniture. A wide rule near the top
or bottom of the page sets a band's limit; else the band is ``Params.furniture_band`` of the
page's height (or width, for the side bands, which stop at the running text).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice

from ..geometry import SAME_COLUMN, x_overlap, x_overlap_ratio, y_overlap
from ..model import Block, PageContent, Role
from ..params import Params
from .captions import under_picture
from .patterns import INDEX_ENTRY
from .whitespace import MIN_COLUMN

# [body sizes] least size of a nameplate, and [share] how much larger than any headline it is
_NAMEPLATE_SIZE = 5.0
_NAMEPLATE_LEAD = 1.5
# most lines of an ear beside a nameplate (the price, the edition, the date)
_EAR_LINES = 4
# most lines and words a line of an index may have
_INDEX_LINES = 3
_INDEX_WORDS = 5
# Most lines of a block that a band not ruled off holds as furniture (``_Margins.holds``).
_BAND_LINES = 1
# [share of the body size] how near the body size running text is set
_BODY_SIZE = 0.1
# Least lines of running text: what a title in the band may stand level with, and what a band
# line may stand inside (``_outermost``), and where the side bands stop (``_margins``)
_RUNNING_LINES = 3
# [body sizes] most white space between such a title and the text it heads
_TITLE_GAP = 2.5
# [body sizes] most white between blocks of body text stacked in one column that are read as
# one run of text (an engine cutting a block a line or two: ``_outermost``), and how far a
# block may start over the foot of the one above it
_STACKED = 1.0
_TUCKED = 0.3
# A number standing as a word (a date line's day or year), not figures OCR read inside a
# word ("ST.4IND4RD", "ST.44IND44RD": the whole run of digits, never a part of it); "1er",
# "2nd", "22D" are numbers, and so are figures set against CJK characters, which use no
# spaces ("2024年3月15日")
_WORD_CHAR = r"[^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]"
_FIGURES = re.compile(rf"(?<!{_WORD_CHAR})\d+(?!\d)((?i:er|e|st|nd|rd|th|d))?(?!{_WORD_CHAR})")


def in_bands(blocks: Sequence[Block], page: PageContent, body: float, params: Params) -> list[bool]:
    """Per block, whether the page's furniture bands hold it; text in a box (a sidebar) never,
    nor a picture's title or caption set right under it (``captions.under_picture``: a
    full-page engraving's title stands in the bottom band, where a folio would)."""
    margins = _margins(blocks, page, body, params)
    held = _outermost(blocks, [b.frame is None and margins.holds(b, body, params) for b in blocks],
                      margins, body)
    if not any(held) or not page.figures:
        return held
    pictures = [f.box for f in page.figures]
    return [h and not under_picture(b, blocks, pictures) for b, h in zip(blocks, held)]


@dataclass(frozen=True)
class _Margins:
    """Where page furniture lives: above ``top``, below ``bottom``, left of ``left`` and right
    of ``right`` (the side bands, but never inside the running text: the first column of a
    wide page of narrow columns stands in the band, its slug in the margin left of it).

    A limit set by a drawn rule holds everything beyond it, a masthead in any size included;
    a limit that is only a band holds small lines (a running head, a folio, a page credit):
    not a large headline near the page edge, nor a block of several lines, which is text set
    down to the page's edge.
    """

    top: float
    bottom: float
    top_ruled: bool
    bottom_ruled: bool
    left: float
    right: float

    def holds(self, b: Block, body: float, params: Params) -> bool:
        small = b.size < 1.6 * params.headline_ratio * body and len(b.lines) <= _BAND_LINES
        return ((b.box.y1 <= self.top and (self.top_ruled or small))
                or (b.box.y0 >= self.bottom and (self.bottom_ruled or small)) or self.beside(b))

    def beside(self, b: Block) -> bool:
        """Whether a side band holds ``b``: it lies wholly left or right of the running text."""
        return b.box.x1 <= self.left or b.box.x0 >= self.right


def _margins(blocks: Sequence[Block], page: PageContent, body: float, params: Params) -> _Margins:
    """The furniture limits of the page.

    A rule spanning most of the page width within the top or bottom sixth (under a running
    head or masthead, over a page credit) sets a limit, unless running text (a block of three
    or more body lines) lies beyond it: then it is a rule between stories. Without such a rule,
    the band of ``furniture_band`` of the page height sets it. The side bands are
    ``furniture_band`` of the page width, up to the edges of the running text at least a
    column (``MIN_COLUMN`` body sizes) wide.
    """
    running = [b.box for b in blocks if len(b.lines) >= _RUNNING_LINES and abs(b.size - body) <= _BODY_SIZE * body]

    def running_text(lo: float, hi: float) -> bool:
        return any(lo <= b.cy <= hi for b in running)

    wide = [r.box.cy for r in page.rules if r.orientation == "h" and r.box.width >= 0.6 * page.width]
    tops = [y for y in wide if y < page.height / 6 and not running_text(0, y)]
    bottoms = [y for y in wide if y > page.height * 5 / 6 and not running_text(y, page.height)]
    side = params.furniture_band * page.width
    columns = [b for b in running if b.width >= MIN_COLUMN * body]  # not a slug of a few lines
    return _Margins(max(tops) if tops else params.furniture_band * page.height,
                    min(bottoms) if bottoms else (1 - params.furniture_band) * page.height,
                    bool(tops), bool(bottoms), min([side] + [b.x0 for b in columns]),
                    max([page.width - side] + [b.x1 for b in columns]))


def _outermost(blocks: Sequence[Block], banded: list[bool], margins: _Margins, body: float) -> list[bool]:
    """The band's lines that stand outermost, in a top or bottom band not ruled off: a line
    with text that is not the band's between it and the page edge heads or goes on with that
    text (``LA CRISE DANOISE`` over the paragraph set down to the foot of the page); a line
    standing among the lines of running text, inside its box, is that text's; and a line
    level with running text (``_RUNNING_LINES`` lines or more: of one block, or of blocks of
    the body's type stacked within ``_STACKED`` body sizes in one column, as an engine that
    cuts a block a line writes them) that heads text of its own (a
    block of more lines than the band holds), starting within ``_TITLE_GAP`` body sizes under
    it (its top below the title's middle) or under the one-line titles stacked under it, is
    the title at the head of its column on a page with no running head (``ASSEMBLÉE DES
    ÉTATS.``; ``Legal Notices.`` over ``NOTICE TO DEBTORS.`` over its text). So is a line
    heading text under the band's own line nearer the edge (the paper's name atop each page,
    ``CHURCH REFORM`` under it), unless it holds a number (a date line). A paper's name set
    over its first column has its date line under it, a line with figures: it stays
    furniture."""
    by_top = sorted(blocks, key=lambda o: o.box.y0)
    tops = [o.box.y0 for o in by_top]

    def heads_text(b: Block) -> bool:
        foot = b.box.y1  # of the title, or of the line under it that goes on with it
        for o in islice(by_top, bisect_left(tops, b.box.cy), None):
            if o.box.y0 - foot > _TITLE_GAP * body:
                return False
            if o is not b and x_overlap(o.box, b.box) > 0:
                if len(o.lines) > _BAND_LINES:
                    return True
                if _FIGURES.search(o.raw_text):
                    return False  # the date line under a paper's name: the name is furniture
                foot = max(foot, o.box.y1)
        return False

    def running(o: Block) -> bool:  # running text, however finely the engine cut it: a block
        # of such lines, or one of body type with blocks of it stacked right under it
        if len(o.lines) >= _RUNNING_LINES:
            return True
        if abs(o.size - body) > _BODY_SIZE * body:
            return False
        lines, foot = len(o.lines), o.box.y1
        for u in islice(by_top, bisect_left(tops, o.box.y1 - _TUCKED * body), None):
            if lines >= _RUNNING_LINES or u.box.y0 - foot > _STACKED * body:
                break
            if u is not o and abs(u.size - body) <= _BODY_SIZE * body \
                    and x_overlap_ratio(u.box, o.box) >= SAME_COLUMN and u.box.y0 >= foot - _TUCKED * body:
                lines, foot = lines + len(u.lines), max(foot, u.box.y1)
        return lines >= _RUNNING_LINES

    def inside(b: Block, o: Block) -> bool:  # a line between the lines of running text
        return len(o.lines) >= _RUNNING_LINES and o.box.y0 < b.box.cy < o.box.y1

    def freed(b: Block, reaching: list[Block], held_outward: bool, outward: Callable[[Block], bool]) -> bool:
        x0, x1, y0, y1 = b.box.x0, b.box.x1, b.box.y0, b.box.y1
        # the overlap tests, each after the comparisons it implies (cheap, and most fail)
        if any(o.box.x1 > x0 and o.box.x0 < x1 and (outward(o) or inside(b, o)) and x_overlap(b.box, o.box) > 0
               for o in reaching):
            return True
        return (any(o.box.y1 > y0 and o.box.y0 < y1 and y_overlap(o.box, b.box) > 0 and running(o) for o in reaching)
                or held_outward and not _FIGURES.search(b.raw_text)) and heads_text(b)

    # A band's own lines further out than b: the outermost edge of them all decides.
    result = list(banded)
    if not margins.top_ruled:
        reaching = [o for o, held in zip(blocks, banded) if not held and o.box.y0 < margins.top]
        edge = min((o.box.y1 for o, h in zip(blocks, banded) if h and o.box.y1 <= margins.top), default=math.inf)
        for k, b in enumerate(blocks):
            if banded[k] and b.box.y1 <= margins.top and not margins.beside(b) \
                    and freed(b, reaching, edge <= b.box.y0, lambda o: o.box.y1 <= b.box.y0):
                result[k] = False
    if not margins.bottom_ruled:
        reaching = [o for o, held in zip(blocks, banded) if not held and o.box.y1 > margins.bottom]
        edge = max((o.box.y0 for o, h in zip(blocks, banded) if h and o.box.y0 >= margins.bottom), default=-math.inf)
        for k, b in enumerate(blocks):
            if banded[k] and b.box.y0 >= margins.bottom and not margins.beside(b) \
                    and freed(b, reaching, edge >= b.box.y1, lambda o: o.box.y0 >= b.box.y1):
                result[k] = False
    return result


def name_nameplate(blocks: Sequence[Block], roles: list[Role], page: PageContent, body: float) -> None:
    """The paper's name over its front page (or a supplement's first page) is furniture, not
    the headline of a story: else every column with no headline of its own under it would be
    read as that story's. It is the largest type on the page by far (``_NAMEPLATE_SIZE`` body
    sizes, ``_NAMEPLATE_LEAD`` times any headline), in at most two lines across at least
    half the text area, in the top sixth of the page, with no running text (``_RUNNING_LINES``
    lines of the body's size) level with it: the nameplate stands over the columns, its ears
    beside it short. A story's banner headline is set smaller than that, or near the size of
    the page's next headline, or among the columns of the stories beside it (holdout_37_07_zh:
    "经开区落实人才队伍 开展综合医疗卫生" in 42 pt, five body sizes, over two lines, the next
    module's text starting level with its second). The short blocks set beside it or above it
    (the ears: price, edition, date; "BIJVOEGSEL TOT") go with it."""
    heads = [i for i, r in enumerate(roles) if r == "headline"]
    if not heads:
        return
    top = max(heads, key=lambda i: blocks[i].size)
    b, others = blocks[top], [blocks[i].size for i in heads if i != top]
    left, right = min(o.box.x0 for o in blocks), max(o.box.x1 for o in blocks)
    if b.size >= _NAMEPLATE_SIZE * body and b.size >= _NAMEPLATE_LEAD * max(others, default=0.0) \
            and len(b.lines) <= 2 and b.box.y0 < page.height / 6 and b.box.width >= 0.5 * (right - left) \
            and not any(_running_beside(o, b, body) for o in blocks):
        for k, o in enumerate(blocks):  # the nameplate, and the ears and lines set above its foot
            if o.box.y1 <= b.box.y1 + 0.5 * body and len(o.lines) <= _EAR_LINES:
                roles[k] = "furniture"


def _running_beside(o: Block, b: Block, body: float) -> bool:
    """Whether ``o`` is running text (``_RUNNING_LINES`` lines of the body's size, within
    ``_BODY_SIZE``) starting level with ``b`` and running on under its foot, past where its
    ears end (half a body size): a column of the page beside it. An ear of several lines in
    the body's size (an old paper's prices, an estimated size) ends beside the nameplate."""
    return len(o.lines) >= _RUNNING_LINES and abs(o.size - body) <= _BODY_SIZE * body \
        and b.box.y0 < o.box.y0 < b.box.y1 and o.box.y1 > b.box.y1 + 0.5 * body


def name_indexes(blocks: Sequence[Block], roles: list[Role], body: float) -> None:
    """An index of the issue ("INSIDE / Local A16 / Arts C6 …") is furniture, boxed or not,
    with its title: at least ``_INDEX_LINES`` lines, each a few words and a page reference,
    and the short block tight above them."""
    for i, b in enumerate(blocks):
        if len(b.lines) < _INDEX_LINES or not all(
                INDEX_ENTRY.search(ln.text) and len(ln.text.split()) <= _INDEX_WORDS for ln in b.lines):
            continue
        roles[i] = "furniture"
        for j, t in enumerate(blocks):
            if len(t.lines) == 1 and len(t.raw_text.split()) <= _INDEX_WORDS \
                    and 0 <= b.box.y0 - t.box.y1 <= body and x_overlap_ratio(t.box, b.box) >= SAME_COLUMN:
                roles[j] = "furniture"
