"""Part of stage 3 (roles): the text that belongs to a figure, its caption and its labels.

- A *label* is a block inside a drawn figure (a chart's axis years, a map's place names)
  that is no running text: it goes with the figure. (Text set on a photo is its title or
  caption, found as below.)
- A *caption* is the short block set apart (italic, smaller, bold or another face) right
  under a figure, else a title tight above it, else a short block beside it level with its
  top or bottom edge; the rest of the caption's row ("… 新华社记者 某某摄") and a credit
  line right under it ("Photo: …") go with it.
- A picture's *title* is a line or two of body text in capitals centred right under it
  (``name_picture_titles``): the headline of the picture's story.

``figures_with_captions`` then hands each figure the blocks so named (for the stories stage).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..geometry import SAME_COLUMN, mostly_inside, union_all, x_overlap, x_overlap_ratio, y_overlap
from ..model import Block, Box, Figure, Line, Role
from ..params import Params
from .patterns import in_capitals
from .script import has_cjk
from .titles import on_axis

CREDIT = re.compile(
    r"^\s*(数据来源|资料来源|图片来源|来源|source|sources|photo|photos|foto|fotos|graphic|"
    r"illustration|quelle)\s*[:：]", re.IGNORECASE)
# [body sizes] a block this much larger than the body is set apart by its size (``emphasised``)
LARGER = 1.04
# Running text: this many lines at about the body size (this share of it) or larger, each
# at least this long [body sizes, or its own size when larger: a map's names set large are
# a word or two each]; a chart's labels, a map's names and a title are short or few.
_RUNNING_LINES = 3
_BODY_SHARE = 0.85
_RUNNING_WIDTH = 8.0
# [share of its length] a long line counts only when its words cover this much of it: the
# years along a chart's axis, a word or two each spread over the chart's width, make one
# long line of white (loose justified lines keep most of their length in words)
_INKED = 0.5
# [body sizes] or lines at least this long whose starts and ends fall in the same bins of
# ``_EDGE`` body sizes (about one x: two edges a hair apart may straddle a bin's border): a
# justified column, however narrow (a People's Daily column of eight characters is 8 em)
_COLUMN_WIDTH = 4.0
_EDGE = 0.25
# [the block's own sizes] most white between a picture's foot and the title or caption set
# under it (``under_picture``), and [lines] most lines of a picture's title
_UNDER_PICTURE = 1.5
_PICTURE_TITLE_LINES = 2
# [times a gap up or down] a caption block's gap sideways to a figure counts this much in
# ``figures_with_captions``: a caption stands under or over its figure, rarely beside it
_SIDEWAYS = 3.0


def emphasised(b: Block, body: float, font: str) -> bool:
    """Set apart from body text: bold, larger, or in another typeface."""
    return b.bold or b.size >= LARGER * body or (bool(font) and b.font != font)


def running_text(lines: Sequence[Line], body: float) -> bool:
    """Whether the lines are running text (see ``_RUNNING_LINES``), not labels: long lines
    mostly of words (``_INKED``), or a narrow justified column, lines that start and end at one
    x (``_COLUMN_WIDTH``). A long line of one word (no space, no CJK: Chinese runs on without
    spaces) is a name letter-spaced across a map, not a line of running text."""
    edges: Counter[tuple[int, int]] = Counter()
    long = 0
    for ln in lines:
        if ln.size >= _BODY_SHARE * body:
            long += ln.box.width >= _RUNNING_WIDTH * max(body, ln.size) \
                and sum(w.box.width for w in ln.words) >= _INKED * ln.box.width \
                and (" " in ln.text.strip() or has_cjk(ln.text))
            if ln.box.width >= _COLUMN_WIDTH * max(body, ln.size):
                edges[round(ln.box.x0 / (_EDGE * body)), round(ln.box.x1 / (_EDGE * body))] += 1
    return long >= _RUNNING_LINES or any(n >= _RUNNING_LINES for n in edges.values())


def name_labels(blocks: Sequence[Block], roles: list[Role], figures: Sequence[Figure],
                body: float) -> None:
    """The blocks inside a drawn figure that are no running text are its labels."""
    for f in (f for f in figures if f.drawn):
        for j, b in enumerate(blocks):
            if mostly_inside(b.box, f.box) and not running_text(b.lines, body):
                roles[j] = "label"


def name_captions(blocks: Sequence[Block], roles: list[Role], figures: Sequence[Figure],
                  body: float, font: str, params: Params) -> None:
    """Each figure's caption: see the module docstring."""
    def set_apart(b: Block) -> bool:  # body text running on under a picture is no caption
        return b.italic or b.size < 0.96 * body or emphasised(b, body, font)

    for f in figures:
        best = _under(f, blocks, roles, body, params.caption_gap * body, set_apart)
        if best is None:
            best = _over(f, blocks, roles, body, set_apart)
        if best is None:
            best = _beside(f, blocks, roles, body, set_apart)
        if best is None:
            continue
        roles[best] = "caption"
        first = blocks[best].box
        # a credit line under the caption goes with it as far down as a block's next line may
        # stand (``Params.line_gap`` in the caption's line heights): the roles stage split it
        # off the caption's block (``roles._split_pattern_lines``); a caption set loosely
        # (LibreOffice's 115 % proportional spacing: 1.66 sizes) stands its credit further down
        # than half a body size
        reach = max(0.5 * body, params.line_gap * blocks[best].lines[-1].box.height)
        for j, b in enumerate(blocks):
            if roles[j] not in ("body", "byline", "credit") or len(b.lines) > 2:
                continue
            rest_of_row = (len(b.lines) == 1 and y_overlap(first, b.box) > 0.5 * max(first.height, b.box.height)
                           and f.box.x0 - 1 <= b.box.x0 and b.box.x1 <= f.box.x1 + 1)
            credit_under = (CREDIT.search(b.raw_text) is not None and x_overlap_ratio(first, b.box) >= SAME_COLUMN
                            and -0.5 * body <= b.box.y0 - first.y1 <= reach)
            if rest_of_row or credit_under:
                roles[j] = "caption"


def name_picture_titles(blocks: Sequence[Block], roles: list[Role], figures: Sequence[Figure],
                        body: float) -> None:
    """A picture's title: a line or two (``_PICTURE_TITLE_LINES``) of body text in capitals,
    centred on the picture's axis (``titles.on_axis``), the first block right under it
    (``_picture_over``), with at most as many lines again under it in the picture's width (a
    caption: ``_closes``), is the headline of the picture's story. A full-page engraving of an
    illustrated supplement is titled so (``ACTE ADMIRABLE DE DÉVOUEMENT``, Petit Journal 1900
    p8): with no running text on the page, the title sets the body size, and no test of size
    or emphasis tells it; a caption set apart from the text is named before (``name_captions``).
    A line in capitals under an engraving with text going on under it heads that text, not the
    picture (an advertisement's ``TO PROPRIETORS AND PRINTERS`` under its cut, Liverpool
    Standard 1832 p1, an OCR engine writing a block a line): the titles stage judges it."""
    pictures = [f.box for f in figures]
    for j, b in enumerate(blocks):
        if roles[j] == "body" and len(b.lines) <= _PICTURE_TITLE_LINES and in_capitals(b.raw_text):
            f = _picture_over(b, pictures)
            if f is not None and on_axis(b.box, f, body) and _closes(b, f, blocks):
                roles[j] = "headline"


def _closes(b: Block, picture: Box, blocks: Sequence[Block]) -> bool:
    """Whether the blocks under ``b`` whose middle lies in the picture's width hold at most
    ``_PICTURE_TITLE_LINES`` lines in all: the picture and its title close their column."""
    return sum(len(o.lines) for o in blocks if o.box.y0 >= b.box.y1
               and picture.x0 <= o.box.cx <= picture.x1) <= _PICTURE_TITLE_LINES


def under_picture(b: Block, blocks: Sequence[Block], pictures: Sequence[Box]) -> bool:
    """Whether ``b`` is set right under a picture, inside its width: its top within
    ``_UNDER_PICTURE`` of its own sizes under the picture's foot (``_picture_over``), or under
    a block so set (a title over its caption)."""
    for picture in pictures:
        if not (picture.x0 <= b.box.x0 and b.box.x1 <= picture.x1):
            continue
        foot = picture.y1
        for o in sorted((o for o in blocks if o.box.y0 >= foot and picture.x0 <= o.box.x0
                         and o.box.x1 <= picture.x1), key=lambda o: o.box.y0):
            if o.box.y0 - foot > _UNDER_PICTURE * o.size:
                break
            if o is b:
                return True
            foot = max(foot, o.box.y1)
    return False


def _picture_over(b: Block, pictures: Sequence[Box]) -> Box | None:
    """The picture whose foot ``b`` stands right under (within ``_UNDER_PICTURE`` of its own
    sizes), inside its width; None when there is none."""
    return next((p for p in pictures if p.x0 <= b.box.x0 and b.box.x1 <= p.x1
                 and 0 <= b.box.y0 - p.y1 <= _UNDER_PICTURE * b.size), None)


def _under(f: Figure, blocks: Sequence[Block], roles: list[Role], body: float, reach: float,
           set_apart: Callable[[Block], bool]) -> int | None:
    """The nearest short set-apart block right under the figure, within ``reach``."""
    best, best_gap = None, reach
    for j, b in enumerate(blocks):
        if roles[j] not in ("body", "byline", "credit") or x_overlap_ratio(f.box, b.box) < SAME_COLUMN:
            continue
        gap = b.box.y0 - f.box.y1
        if -0.5 * body <= gap < best_gap and len(b.lines) <= 8 and set_apart(b):
            best, best_gap = j, gap
    return best


def _over(f: Figure, blocks: Sequence[Block], roles: list[Role], body: float,
          set_apart: Callable[[Block], bool]) -> int | None:
    """A title of one or two lines tight above the figure (it may overlap the picture's top
    edge, as long as it starts above it)."""
    best, best_gap = None, body
    for j, b in enumerate(blocks):
        gap = f.box.y0 - b.box.y1
        if roles[j] == "body" and x_overlap_ratio(f.box, b.box) >= SAME_COLUMN and gap < best_gap \
                and b.box.y0 <= f.box.y0 and len(b.lines) <= 2 and set_apart(b):
            best, best_gap = j, gap
    return best


def _beside(f: Figure, blocks: Sequence[Block], roles: list[Role], body: float,
            set_apart: Callable[[Block], bool]) -> int | None:
    """A short, set-apart block beside a figure, level with its top or bottom edge."""
    for j, b in enumerate(blocks):
        gap = max(b.box.x0 - f.box.x1, f.box.x0 - b.box.x1)
        level = abs(b.box.y0 - f.box.y0) <= body or abs(b.box.y1 - f.box.y1) <= body
        if roles[j] == "body" and -0.5 * body <= gap <= 1.5 * body and level and len(b.lines) <= 8 \
                and b.box.width < 0.7 * f.box.width and set_apart(b):
            return j
    return None


def figures_with_captions(blocks: Sequence[Block], figures: Sequence[Figure]) -> list[Figure]:
    """Each figure with its labels (the label blocks inside it, named above) and the caption
    blocks nearest to it: the blocks the roles stage named go to their figure. The nearest
    block is taken first, and a figure reaches as far as the captions it took: a credit line
    under a photo's caption ("Photo: …") goes with that photo, though its line may stand level
    with another figure beside (a chart across the columns to the left of the photo's)."""
    named = [b for b in blocks if b.role in ("caption", "label")] if figures else []
    reach = [f.box for f in figures]  # each figure's box with the captions it took
    owner: dict[int, int] = {}  # by the block's place in ``named``: its figure
    for k in sorted(range(len(named)), key=lambda k: min(_distance(r, named[k].box) for r in reach)):
        owner[k] = best = min(range(len(figures)), key=lambda i: _distance(reach[i], named[k].box))
        reach[best] = union_all((reach[best], named[k].box))
    return [replace(f, caption=(*(b for k, b in enumerate(named) if owner[k] == i and b.role == "label"),
                                *(b for k, b in enumerate(named) if owner[k] == i and b.role == "caption")))
            for i, f in enumerate(figures)]


def _distance(a: Box, b: Box) -> float:
    """Gap between two boxes (0 when they touch or overlap), penalising side-by-side ones."""
    dx = max(0.0, -x_overlap(a, b))
    dy = max(0.0, -y_overlap(a, b))
    return dy + _SIDEWAYS * dx
