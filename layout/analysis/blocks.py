"""Stage 2: lines → blocks.

A line joins the block just above it when the two are close (``Params.line_gap``), overlap
horizontally, share size, weight and typeface (or an OCR file put them in one block: then they
may overlap any amount, and lines standing level keep the engine's order), sit in the same
frame and in the same figure or outside all (a chart's axis label is not the first line of the
caption set just under the chart's edge), and no rule or figure lies between them (but a rule
in the block's own leading: the edge of a box the text overran). The pieces of one printed line
an OCR engine found as lines side by side in one of its blocks, and the specks it read as lines
level with a line, stay in that block (``Regions.beside``, ``same_source_block``), and the next
line follows the whole row they make (``_last_row``); so does a line it found set flush right
under a paragraph's short last line, a signature, or flush left under one (``_under``); lines
of two OCR blocks, one set far wider than the other (across two columns, or a title over its
text), never join, but for a paragraph's short last line boxed as a region of its own, which
may be sized apart too (``_last_line``). A short line with the story's text begun beside it
under the line above is a crosshead, not that line's next (``beside.py``). A line an OCR
engine found that is left as a group of its own inside the group of its engine block's lines
goes back among them (``strays.py``); the lines of a region it boxed inside another region's
lines, going on from their ends, follow that region's lines (``nested.py``).
Lines of regions of a line or two each, stacked in a column at the page's leading, are read as
one region's (``Regions.stacked``): an engine that cuts finer than paragraphs. A PDF's own
block grouping is never used: it merges columns. A line whose words pass from inside a picture
to outside it is first cut at the picture's edge (``_cut_at_figures``), and a line just under
a frame's foot may be the frame's text run past it (``frames.held_under_foot``). Lines are swept
top to bottom against the few blocks still open (about one per column), rules and figures are
looked up by height and frames by place (``geometry.ByKey``, ``frames.Frames``), so the cost is
linear.

Vertical CJK lines are grouped the same way in a turned frame of reference where "down" is
"leftwards", since vertical columns are read right to left.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_right
from collections.abc import Sequence

from ..geometry import ByKey, crosses_between_vertically, set_in_over, union_all, x_overlap_ratio
from ..model import Block, Box, Figure, Line, Role, Rule, font_family
from ..params import Params
from .beside import TextBeside
from .frames import Frames, held_under_foot
from .hyphens import breaks_word
from .linestyle import make_line
from .ocrregions import OCR_LEADING, Regions, engine_order, level_in_print, same_source_block
from .nested import with_nested_after
from .strays import with_strays_homed

# Two lines overlapping by less than this share of the narrower one are not one block.
_MIN_OVERLAP = 0.5
# [sizes] How far a line may reach up into the line above and still follow it: OCR boxes of
# Fraktur type, ascenders and descenders included, are taller than the line pitch.
_MAX_OVERLAP = 0.8
# [sizes] how much wider than a block's last gap between lines the gap to the next line may be
# and still keep its leading
_SAME_LEADING = 0.1
# [sizes] how far from its block's right edge a line set flush right (a signature) may end,
# or from its left edge a line set flush left under it (or under its indented first) may start;
# how far in under a lone line the next in its type may start (a paragraph's last word atop a column)
_FLUSH = 2.0
# [times Params.size_tolerance] how far apart two lines' or body blocks' sizes may be and still
# be one story's text (``typematch.same_text_size``; a paragraph's last line, ``_last_line``)
ONE_TYPE = 3.5
# [share of its block's width] a line this short holds too few words to measure its type
# as surely as a full line does (``_last_line``)
_FEW_WORDS = 0.5
def _turn(box: Box) -> Box:
    """Vertical text into horizontal flow: reading right-to-left becomes top-to-bottom."""
    return Box(box.y0, -box.x1, box.y1, -box.x0)


def build_blocks(lines: Sequence[Line], figures: Sequence[Figure], rules: Sequence[Rule],
                 frames: Sequence[Box], params: Params,
                 centred: frozenset[int] = frozenset()) -> tuple[Block, ...]:
    """Group lines into blocks; every line ends up in exactly one block. ``centred``: the OCR
    regions the file says are centred (``PageContent.centred_blocks``, see ``Regions.apart``)."""
    # Rules and figures, by the height of their middle: a line's gap to the line above
    # holds only the few whose middle lies in it.
    barriers = [r.box for r in rules if r.orientation == "h"] + [f.box for f in figures]
    in_frames, in_figures = Frames(frames), Frames([f.box for f in figures])
    lines = _cut_at_figures(lines, figures)
    frame = {id(ln): in_frames.of(ln.box) for ln in lines}
    held_under_foot(lines, frame, in_frames)
    groups = _group([ln for ln in lines if not ln.vertical], lambda b: b,
                    barriers, frame, in_figures, params, centred)
    groups += _group([ln for ln in lines if ln.vertical], _turn, [], frame, in_figures, params, centred)
    groups = with_nested_after(with_strays_homed(groups))
    # (lines of no OCR region, a PDF's, have no engine order to keep: not asked)
    ordered = engine_order if any(ln.words[0].source_block is not None for ln in lines) else list
    return tuple(_block(ordered(g), frame[id(g[0])]) for g in groups)


def _cut_at_figures(lines: Sequence[Line], figures: Sequence[Figure]) -> list[Line]:
    """The lines, each cut where its words pass from inside a picture to outside it: a
    map's name set beside a column's line, on its baseline, reaches into the gutter and
    hides it from the line stage (the map, drawn as paths, becomes a figure only once the
    lines are known); the name belongs to the map, the rest of the line to the column. A
    word is inside when its middle is. Lines level with no figure are kept as they are."""
    pictures = sorted((f.box for f in figures), key=lambda b: b.y0)
    if not pictures:
        return list(lines)
    tops = [b.y0 for b in pictures]
    out: list[Line] = []
    for ln in lines:
        b = ln.box
        level = [f for f in pictures[:bisect_right(tops, b.cy)] if f.y1 >= b.cy
                 and f.x0 < b.x1 and b.x0 < f.x1]
        if ln.vertical or len(ln.words) < 2 or not level:
            out.append(ln)
            continue
        where = [next((k for k, f in enumerate(level) if f.x0 <= w.box.cx <= f.x1
                       and f.y0 <= w.box.cy <= f.y1), -1) for w in ln.words]
        if len(set(where)) == 1:
            out.append(ln)
            continue
        start = 0
        for k in range(1, len(where) + 1):
            if k == len(where) or where[k] != where[start]:
                out.append(make_line(list(ln.words[start:k]), vertical=False))
                start = k
    return out


def _group(lines: list[Line], turn, barriers: list[Box], frame: dict[int, int | None], figures: Frames,
           params: Params, centred: frozenset[int]) -> list[list[Line]]:
    """Lines swept top to bottom into groups, none across a frame's edge (``frame``: per
    line, its frame's index); the result lists the groups in the order they closed (the line
    above them ended more than three gaps up), then the ones still open, each set in the
    order it was started."""
    by_middle = ByKey(barriers, lambda b: b.cy)
    boxes = {id(ln): turn(ln.box) for ln in lines}
    # per line, its frame and figure: lines of two never join (one lookup a pair)
    place = {id(ln): (frame[id(ln)], figures.of(ln.box)) for ln in lines}
    regions = Regions(lines, boxes, centred)
    groups: list[list[Line]] = []
    done: list[int] = []
    sizes = sorted(ln.size for ln in lines)
    still = _OpenGroups(max(10 * sizes[len(sizes) // 2], 1e-3) if sizes else 1.0)
    rows: dict[int, tuple[Box, Line]] = {}  # per group, its last row (``_last_row``)
    extents: dict[int, Box] = {}  # per group, the box of all its lines

    plain = not regions.lines  # no line of an OCR region (a PDF's page): no region's question holds

    def follows(ln: Line, b: Box, k: int, last: Line, gap: float) -> bool:
        """Whether ``ln`` (box ``b``) goes on from line ``last`` of group k, ``gap`` under
        the group's last row."""
        lb = rows[k][0]
        # (on a page with no OCR region, ``plain``, every region's answer is no: not asked)
        same_block = not plain and (
            same_source_block(last, ln) or regions.stacked(last, ln, b, extents[k], gap, len(groups[k]) == 1)
            or regions.speck(last, ln))
        ends = not plain and regions.alone(last, ln) \
            and _last_line(groups[k], ln, b, extents[k], gap, boxes, params)
        return ((same_block or -_MAX_OVERLAP * ln.size < gap)
                and (x_overlap_ratio(lb, b) >= _MIN_OVERLAP
                     or not plain and regions.beside(last, ln, lb, b, extents[k])
                     # a lone line (an indented first line) over the next starting left of it; or,
                     # boxes swapped, over the next set in by an indent, in its type (a paragraph's
                     # last word atop a column; where the file found no regions to say so)
                     or len(groups[k]) == 1 and (set_in_over(lb, b, _FLUSH * ln.size) or plain and set_in_over(
                         b, lb, _FLUSH * ln.size) and same_style(last, ln, params))
                     or same_block and not ln.vertical and _under(b, extents[k], gap, ln.size)
                     and _in_leading(groups[k], gap, boxes, OCR_LEADING))
                and place[id(ln)] == place[id(last)]
                and (same_block or same_style(last, ln, params) or _two_faces(last, ln, params) or ends)
                and (ends or plain or not regions.apart(last, ln))
                and clear(lb, b, k, gap)
                and not beside.under(ln, b, lb))

    def clear(lb: Box, b: Box, k: int, gap: float) -> bool:
        """Whether no rule or figure lies between group k's last row (``lb``) and box ``b``,
        ``gap`` under it, but in the group's own leading (``_in_leading``)."""
        return _in_leading(groups[k], gap, boxes) \
            or not any(crosses_between_vertically(barriers[j], lb, b, 0.3)
                       for j in by_middle.between(lb.y1 - 1, b.y0 + 1))

    swept = sorted(((boxes[id(ln)], ln) for ln in lines), key=_top_left)
    beside = TextBeside(swept, lambda a, o: same_style(a, o, params))
    for b, ln in swept:
        reach = params.line_gap * ln.size
        done += still.close_above(b.y0 - 3 * reach)
        best, best_gap = None, float("inf")
        for k in still.over(b):
            gap = b.y0 - rows[k][0].y1
            # the group's last line, or the widest of its last row (not a speck level with it)
            if gap <= reach and gap < best_gap and (
                    follows(ln, b, k, groups[k][-1], gap)
                    or rows[k][1] is not groups[k][-1] and follows(ln, b, k, rows[k][1], gap)):
                best, best_gap = k, gap
        if best is None:
            best = len(groups)
            groups.append([ln])
            rows[best], extents[best] = (b, ln), b
        elif plain:  # (a row is one line, and no question asks the group's extent)
            rows[best] = (b, ln)
            groups[best].append(ln)
        else:
            rows[best] = _last_row(groups[best][-1], ln, rows[best], b, regions)
            e = extents[best]  # (as ``union_all`` picks, without making an iterator a line)
            extents[best] = Box(b.x0 if b.x0 < e.x0 else e.x0, b.y0 if b.y0 < e.y0 else e.y0,
                                b.x1 if b.x1 > e.x1 else e.x1, b.y1 if b.y1 > e.y1 else e.y1)
            groups[best].append(ln)
        still.file(best, rows[best][0])
    return [groups[k] for k in done + still.remaining()]


def _top_left(item: tuple[Box, Line]) -> tuple[float, float]:
    """A (box, line) pair's sort key: top, then left."""
    return item[0].y0, item[0].x0


def _last_row(last: Line, ln: Line, row: tuple[Box, Line], b: Box,
              regions: Regions) -> tuple[Box, Line]:
    """A group's last row (its box and its widest line) once ``ln`` (box ``b``) joins it after
    its line ``last``: the row so far with ``ln`` when the two stand level in one OCR block
    (``level_in_print``: pieces of one printed line, "FURNITURE, JOINERS" beside ",
    ISLINGTON.", or a speck read off a letter; or a speck boxed as a region of its own,
    ``Regions.speck``), else ``ln`` alone. The next line follows the whole row, not its last
    piece, and may go on from its widest line, not only from a speck."""
    if not (level_in_print(last, ln) or regions.speck(last, ln)):
        return b, ln
    return union_all((row[0], b)), max(row[1], ln, key=lambda line: line.box.width)


def _under(b: Box, extent: Box, gap: float, size: float) -> bool:
    """Whether a horizontal line of print (box ``b``, wider than tall) stands under its
    group's last row (``gap`` under it, reaching up less than ``_MAX_OVERLAP`` of ``size``),
    within the group's lines across (``extent``, give or take ``size``) and flush right or
    flush left in them (within ``_FLUSH`` sizes): a signature under a paragraph's short last
    line ("pool, and 4, Bridge-street, Manchester." over "D. STAFFORD Sole Agent."), or the
    addressee set on the left edge under a signature set right ("J. Bennet, Esq., Lloyds."
    under '(Signed) "C. SCOVELL, Sec."', the Liverpool Standard, 1832), which overlap the
    row over them little. A line centred under the text is a title over what follows
    (``Le projet Grébauval.``); the caller asks the line to keep the group's leading (within
    ``OCR_LEADING``), so a signature does not jump a dateline standing apart, and a line of
    the same OCR block."""
    return b.width > b.height and gap > -_MAX_OVERLAP * size \
        and extent.x0 - size <= b.x0 and b.x1 <= extent.x1 + size \
        and (extent.x1 - _FLUSH * size <= b.x1 or b.x0 <= extent.x0 + _FLUSH * size)


def _last_line(group: list[Line], ln: Line, b: Box, extent: Box, gap: float,
               boxes: dict[int, Box], params: Params) -> bool:
    """Whether ``ln`` (box ``b``, ``gap`` under the group), a line the OCR engine boxed as a
    region of its own (``Regions.alone``, asked by the caller), is its paragraph's short last
    line, though sized apart from it and narrower than the region above (``Regions.apart``,
    which a region of one line cannot tell: its width is its text's, not its column's). Its
    few words, measured on their own, come out a fifth smaller than the lines above on the
    British Library's Coloured News of 1855 ("in Newman-strec", 34 px, under "... keeping a
    common brothel", 41 px): cut off, the line lands in another story. It keeps the group's
    leading (within ``OCR_LEADING``), starts at the group's left edge (within
    ``Params.indent``: no new paragraph), is no wider than ``_FEW_WORDS`` of the group while
    the line above is full (within a size of its right edge), is set in that line's weight,
    slant and face unless that line breaks a word (``hyphens.breaks_word``: "... of the
    con-" over "versation", which OCR marked bold), and differs in size by no more than one
    story's text may (``ONE_TYPE`` times the tolerance, as ``typematch.same_text_size``
    allows between a story's blocks)."""
    last = group[-1]
    size = max(last.size, ln.size)
    above = boxes[id(last)]
    return (len(group) >= 2 and _in_leading(group, gap, boxes, OCR_LEADING)
            and abs(b.x0 - extent.x0) <= params.indent * size
            and b.width <= _FEW_WORDS * extent.width and extent.x1 - size <= above.x1
            and ((last.bold, last.italic, last.font) == (ln.bold, ln.italic, ln.font)
                 or breaks_word(last.text))
            and size - min(last.size, ln.size) <= ONE_TYPE * params.size_tolerance * size)


def _in_leading(group: list[Line], gap: float, boxes: dict[int, Box],
                within: float = _SAME_LEADING) -> bool:
    """Whether a line ``gap`` below the group's last line keeps the group's own leading (its
    last gap, within ``within`` of the size): a rule drawn in that gap is the edge of a
    box the text overran (a frame drawn shorter than its text), no separator, for a rule
    between two stories has white of its own on both sides. So is a figure whose middle
    falls in that gap: it stands behind the text (the barriers are rules and figures).
    The last gap is the one over the group's last row: lines of that row standing level with
    its last line (their middles below its top: pieces of one printed line, a speck) are
    passed over, not measured as a gap of their own, which would be below nothing."""
    top = boxes[id(group[-1])].y0
    for k in range(len(group) - 2, -1, -1):  # (no copy of the group: most answer at its line before)
        b = boxes[id(group[k])]
        if b.cy < top:
            return gap <= top - b.y1 + within * group[-1].size
        top = b.y0 if b.y0 < top else top  # (min)
    return False


class _OpenGroups:
    """The groups still open in the sweep, by the box of their last line: filed in vertical
    stripes (those over a line are its only candidates) and in a heap by the foot of that box
    (those ending above a height close). Groups are numbered in the order they started."""

    def __init__(self, width: float) -> None:
        self._width = width
        self._last: dict[int, Box] = {}
        self._spans: dict[int, range] = {}  # per open group, the stripes it is filed in
        self._stripes: dict[int, set[int]] = {}
        self._feet: list[tuple[float, int]] = []

    def _span(self, box: Box) -> range:
        return range(math.floor(box.x0 / self._width), math.floor(box.x1 / self._width) + 1)

    def file(self, k: int, box: Box) -> None:
        """Group k's last line is now box (filed in new stripes only when they change: the
        next line of a column mostly spans the stripes of the line above)."""
        span = self._span(box)
        if self._spans.get(k) != span:
            self._unfile(k)
            self._spans[k] = span
            for s in span:
                self._stripes.setdefault(s, set()).add(k)
        self._last[k] = box
        heapq.heappush(self._feet, (box.y1, k))

    def _unfile(self, k: int) -> None:
        self._last.pop(k, None)
        span = self._spans.pop(k, None)
        if span is not None:
            for s in span:
                self._stripes[s].discard(k)

    def close_above(self, y: float) -> list[int]:
        """Close the groups whose last line ends above y; returns them in the order they started."""
        feet = self._feet
        if not feet or feet[0][0] >= y:  # (most lines close none)
            return []
        closed = []
        while feet and feet[0][0] < y:
            foot, k = heapq.heappop(feet)
            if k in self._last and self._last[k].y1 == foot:  # else an entry gone stale
                self._unfile(k)
                closed.append(k)
        return sorted(closed)

    def over(self, box: Box) -> list[int]:
        """The open groups whose last line shares a stripe with box, in the order they started."""
        first, last = math.floor(box.x0 / self._width), math.floor(box.x1 / self._width)  # (_span)
        if first == last:  # most lines lie in one stripe
            return sorted(self._stripes.get(first, ()))
        found: set[int] = set()
        for s in range(first, last + 1):
            found |= self._stripes.get(s, set())
        return sorted(found)

    def remaining(self) -> list[int]:
        return sorted(self._last)


def same_style(a: Line | Block, b: Line | Block, params: Params) -> bool:
    """Set in one type: weight, slant, face, and size within ``Params.size_tolerance``."""
    return a.font == b.font and _same_type_in_any_face(a, b, params)


def _same_type_in_any_face(a: Line | Block, b: Line | Block, params: Params) -> bool:
    """Weight, slant, and size within ``Params.size_tolerance``: one type, whatever the face."""
    big = b.size if b.size > a.size else a.size  # (max and min, written out: hot)
    small = b.size if b.size < a.size else a.size
    return (big - small) <= params.size_tolerance * big and a.bold == b.bold and a.italic == b.italic


def _two_faces(a: Line, b: Line, params: Params) -> bool:
    """Set in one type but for the face most of one line's characters are in, which the other
    line has words in: a line of two scripts, each in its own face (a CJK paragraph's short
    last line "台8.5%。", mostly Latin digits, is in the CJK face of the line above). The type is
    compared first: the faces are the words' own, looked at only for lines set in one type."""
    return _same_type_in_any_face(a, b, params) \
        and (a.font in {font_family(w.font) for w in b.words} or b.font in {font_family(w.font) for w in a.words})


def with_role(b: Block, role: Role) -> Block:
    """``replace(b, role=role)`` written out, the fields in their order: the roles stage names
    most blocks of a page, and ``replace`` (every field read by name, passed by keyword) took
    four times as long."""
    return Block(b.lines, b.box, b.size, b.bold, b.italic, role, b.text, b.frame, b.font, b.word_breaks)


def _block(lines: list[Line], frame: int | None) -> Block:
    """A block from its lines, with the style of most of its characters."""
    sizes: dict[float, int] = {}
    fonts: dict[str, int] = {}
    bold = italic = total = 0
    for ln in lines:
        n = len(ln.text)
        sizes[ln.size] = sizes.get(ln.size, 0) + n
        fonts[ln.font] = fonts.get(ln.font, 0) + n
        bold += n * ln.bold
        italic += n * ln.italic
        total += n
    # the first counted of the commonest, as ``Counter.most_common`` picks
    return Block(tuple(lines), union_all(ln.box for ln in lines), max(sizes, key=sizes.__getitem__),
                 bold * 2 > total, italic * 2 > total, frame=frame, font=max(fonts, key=fonts.__getitem__))
