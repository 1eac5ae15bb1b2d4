"""What the regions an OCR file found (``Word.source_block``) tell the blocks stage.

A region (ALTO TextBlock, hOCR carea, PAGE TextRegion) is evidence that its lines belong
together; its absence is no evidence of a boundary. Engines cut a page differently: some give
a block per paragraph, some a block per line of print. So lines of regions of one or a few lines
each (``_FEW``), stacked in one column at the page's own leading (``Regions.leading``), about as
tall and with left edges aligned (or under a paragraph's first line indented deep, or under an
item's title in capitals centred over them in the run of its column), are read like the lines of
one region (``Regions.stacked``), and a one-line region standing right beside a line, within
its column, like a speck of that line (``Regions.beside``), on a page where most regions are
that small (``Regions.fine``). Kept apart from ``blocks.py`` for that module's length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..geometry import root_of
from ..model import Box, Line
from .foundlines import found_measure
from .gutters import INDENT
from .ocrleading import over_in_column, page_leading
from .patterns import in_capitals
from .titles import TITLE_CHARS, centred

# [share of the taller] lines an OCR file put in one block belong together if no further
# apart in height than this (within twice: not a title over its text's small print)
_OCR_HEIGHTS = 0.5
# [share of the taller] lines of two regions go on as one region's only if closer in height
# than this: a title set a size up over its item's first line ("Stoomvaart-Berichten.", 60 px
# over 44, Algemeen Handelsblad 1876) is no line of it, as capitals or a line without
# descenders inside one region may be
_STACKED_HEIGHTS = 0.25
# [share of the narrower] an OCR region this many times as wide as another, with at least
# this many lines, is set across more columns (``Regions.apart``); [share of its lines] the
# lines of a region at most as wide as its full ones
_WIDER = 1.5
MEASURED = 3
_FULL_LINES = 0.75
# [share of the shorter line's height] two lines of one OCR block overlapping by more than
# this stand level: the geometry cannot order them
_LEVEL = 0.5
# [sizes] most white between two such lines standing side by side on one printed line
_BESIDE = 1.0
# [share of its region's measure] a line this wide is a whole line of its column, no piece of
# one: two such lines side by side are two columns' (``Regions.beside``)
_WHOLE = 0.75
# [sizes] how far gaps between lines an OCR engine boxed (by their letters) differ in one leading
OCR_LEADING = 0.5
# [lines] a region of at most this many lines says little of where its text ends, on a page
# where more than ``_FINE`` of the lines are in such regions: an engine that cuts a region per
# line of print (or two) leaves the paragraph to the geometry. (Where most regions are longer,
# the engine cut paragraphs, and its one-line regions are titles, datelines, signatures.)
_FEW = 2
_FINE = 0.5
# [share of the page's measure] a line of such a region counts for ``_FINE`` only as wide as
# this: a full line of print, not a fragment (an engine that boxed a noisy scan's words by
# the few letters it could read left regions of bits of lines, which say nothing of a column)
_FULL = 0.5
# [sizes] a page whose measure (``Regions._fine``) is narrower than this is no page of columns of
# print but of such bits (a few words each): its regions are not read as cut finely
_NARROWEST = 10.0
# [sizes] how far a paragraph's first line may be indented past the lines under it, which end
# with it on the column's right edge (within ``_FLUSH_RIGHT``): an indent past ``INDENT``
# ("La seconde édition ...", 104 px over 29 px type, Journal de Paris 1821)
_FIRST_INDENT = 4.0
_FLUSH_RIGHT = 1.0
# [sizes] how much more white than the page's leading an item's title in the text's type
# may have under it ("NAVIRES DIVERS", 14 px over 33 px type, at a leading of -3 px), and
# over it, under the text it goes on from (about a blank line; a story's headline stands
# further: "LA VIE MONDAINE", two sizes under the text over it, Le Matin 1893)
_TITLE_WHITE = 0.5
_TITLE_OVER = 1.0
# [share of the larger size] how much larger than its text a title in lower case set bold
# may be and still be an item's title in the text's size (``_under_title``): a point in ten
# ("Liste probable.", 11 over 10 pt, Le Matin 1893); two points up it heads a story of its
# own ("Tweede Kamer.", 11 over 9 pt, Algemeen Handelsblad 1876)
_BOLD_STEP = 0.15


class Regions:
    """The regions an OCR file found (``Word.source_block``): how many lines each has and its
    measure, the width of its full lines (the widest but a quarter, ``_FULL_LINES``): a
    paragraph's short last line never counts, and from five lines on, one stray line the
    engine ran too far does not either (of four or fewer, the widest is the measure). And the
    page's leading (``leading``) where the engine cut finer than paragraphs (``fine``). And the
    regions the file itself says are centred (``centred``: ``PageContent.centred_blocks``)."""

    def __init__(self, lines: Sequence[Line], boxes: dict[int, Box], centred: frozenset[int] = frozenset()) -> None:
        self.centred = centred
        widths: dict[int, list[float]] = {}
        for ln in lines:
            if ln.words[0].source_block is not None:
                widths.setdefault(ln.words[0].source_block, []).append(boxes[id(ln)].width)
        self.lines = {k: len(ws) for k, ws in widths.items()}
        self.measure = {k: full_measure(ws) for k, ws in widths.items()}
        self.widest = {k: max(ws) for k, ws in widths.items()}
        sizes = sorted(ln.size for ln in lines)
        size = max(sizes[len(sizes) // 2], 1e-6) if sizes else 1.0  # the median line's
        self.fine = bool(widths) and self._fine([boxes[id(ln)].width for ln in lines], widths, size)
        self.leading = page_leading(lines, boxes, size) if self.fine else 0.0
        self.paragraph = _paragraphs(lines, boxes, self, size) if self.fine else {}
        self._by_foot = sorted(lines, key=lambda ln: ln.box.y1) if self.fine else []  # (``_in_run``)
        self._feet = [ln.box.y1 for ln in self._by_foot]
        spans: dict[int, list[Line]] = {}
        for ln in lines:
            if ln.words[0].source_block in self.paragraph:
                spans.setdefault(self.paragraph[ln.words[0].source_block], []).append(ln)
        # per paragraph: its lines, measure, left and right edges and median line size
        self.spans = {k: (len(ls), full_measure([boxes[id(ln)].width for ln in ls]),
                          min(boxes[id(ln)].x0 for ln in ls), max(boxes[id(ln)].x1 for ln in ls),
                          sorted(ln.size for ln in ls)[len(ls) // 2]) for k, ls in spans.items()}

    def _fine(self, page_widths: list[float], widths: dict[int, list[float]], size: float) -> bool:
        """Whether the engine cut the page finer than paragraphs: more than ``_FINE`` of its
        lines are full lines (``_FULL`` of the page's measure or wider) in regions of ``_FEW``
        lines or fewer, the measure at least ``_NARROWEST`` sizes (the median line's). The
        measure is the width most of the print is set in (``foundlines.found_measure`` by
        print): the full lines of the columns, not the bits of lines of a noisy scan."""
        measure = found_measure(page_widths, size, by_print=True)
        full = sum(w >= _FULL * measure for ws in widths.values() if len(ws) <= _FEW for w in ws)
        return measure >= _NARROWEST * size and full > _FINE * sum(self.lines.values())

    def beside(self, last: Line, ln: Line, row: Box, b: Box, extent: Box) -> bool:
        """Whether ``ln`` (box ``b``) stands level with a group's last line in its OCR block,
        right beside its row (no more than ``_BESIDE`` of the larger line's size apart: a
        speck's own size says nothing of the spaces of its line), the two no wider than the
        block's widest line and that size, not both whole lines of its measure (``_WHOLE``):
        the engine found one printed line in pieces, which overlap in nothing across. Two
        lines side by side wider than that are the lines of two columns in a region the engine
        ran across the gutter, however narrow; so are two whole lines, which a region holding a
        line across both columns (a title over them) lets through its widest line
        (``bench/variants.py``, spanning: "rassemblé à" beside "vail, et se développer", Ouest-
        Éclair 1924, p. 1, each a line of its column). A speck the
        engine made a region of its own (``speck``) may stand so beside a group's row too,
        the two then within the group's lines across (``extent``, give or take that size):
        not a line of the next column beside a paragraph's short last line ("sins.", Le Matin
        1893, p. 2, cut a region per line, its gutter narrower than a size)."""
        size = max(last.size, ln.size)
        if max(b.x0 - row.x1, row.x0 - b.x1) > _BESIDE * size:
            return False
        width = max(b.x1, row.x1) - min(b.x0, row.x0)
        if level_in_print(last, ln):
            k = ln.words[0].source_block
            whole = _WHOLE * self.measure[k]
            return width <= self.widest[k] + size and min(b.width, row.width) < whole
        return self.speck(last, ln) and extent.x0 - size <= min(b.x0, row.x0) \
            and max(b.x1, row.x1) <= extent.x1 + size

    def speck(self, last: Line, ln: Line) -> bool:
        """Whether ``ln``, a region of one line on a page the engine cut finer than paragraphs
        (``fine``), stands level with ``last``, a line of another region (``_level_across``),
        the wider of the two a line of print (wider than tall): a speck or a fragment of that
        printed line ("be de", "Mad°i" at a column's edge) the engine boxed apart."""
        if not self.fine:  # (most pages: asked of every pair of lines, answered at once)
            return False
        ka, kb = last.words[0].source_block, ln.words[0].source_block
        wide = last if last.box.width >= ln.box.width else ln
        return ka is not None and kb is not None and ka != kb and self.lines[kb] == 1 \
            and wide.box.width > wide.box.height and _level_across(last, ln)

    def alone(self, last: Line, ln: Line) -> bool:
        """Whether ``ln`` is the only line of a region of its own, not ``last``'s."""
        ka, kb = last.words[0].source_block, ln.words[0].source_block
        return kb is not None and ka != kb and self.lines[kb] == 1

    def apart(self, a: Line, b: Line) -> bool:
        """Lines of two regions, one set more than ``_WIDER`` times as wide as the other, which
        has ``MEASURED`` lines or more to say so: text across two columns and text of one of
        them, a title over its text, never one block. On a page cut finer than paragraphs
        (``fine``), whose regions of a line or two say nothing of a width, the paragraphs the
        regions chain into are measured instead, for a line centred over or under a column
        (``_centred_apart``). On a page cut by paragraphs, a region the file says is centred
        (``centred``) and one it does not say so of are two paragraphs the engine saw set apart:
        a title the OCR boxed the column wide over or under its text (``BINNENGEKOMEN.``,
        Algemeen Handelsblad 1876). Not on a page cut finer (``fine``): there the regions of
        a line say nothing of paragraphs, and so read, a masthead's lines cut apart headed a
        story (Handelsblad p. 5 as ``bench/variants.py`` blockperline writes it)."""
        ka, kb = a.words[0].source_block, b.words[0].source_block
        if ka is None or kb is None or ka == kb:
            return False
        if not self.fine and (ka in self.centred) != (kb in self.centred):
            return True
        narrow, wide = sorted((ka, kb), key=self.measure.__getitem__)
        return self.measure[wide] > _WIDER * self.measure[narrow] and self.lines[wide] >= MEASURED \
            or self.fine and self._centred_apart(a, b)

    def _centred_apart(self, a: Line, b: Line) -> bool:
        """On a page cut finer than paragraphs (``fine``), where a region says nothing of how
        wide its paragraph is set: lines of two of the paragraphs the regions chain into
        (``_paragraphs``), one set more than ``_WIDER`` times as wide as the other, which has
        ``MEASURED`` lines or more to say so, the narrow one set in from both its sides by
        more than an indent (``gutters.INDENT``), both lines of the wide one's size (its
        median line's, within ``_STACKED_HEIGHTS``): a line of the text's type centred over or
        under a column of text (a title, "Correspondance Havas."), which the engine's regions
        would have kept apart, never a paragraph's short last line (it starts on the column's
        edge), nor a title in capitals right over its item's text (``_titles``). (Sizes and
        styles already tell display type from the text; a line boxed far taller than the
        text's in its middle is a noisy scan's.)"""
        ka, kb = self.paragraph[a.words[0].source_block], self.paragraph[b.words[0].source_block]
        if ka == kb or _level_across(a, b) or self._titles(a, b):  # (a speck level with its line:
            return False  # no title)
        narrow, wide = sorted((self.spans[ka], self.spans[kb]), key=lambda span: span[1])
        inset = INDENT * max(a.size, b.size)
        return wide[1] > _WIDER * narrow[1] and wide[0] >= MEASURED \
            and narrow[2] > wide[2] + inset and narrow[3] < wide[3] - inset \
            and all(abs(ln.size - wide[4]) <= _STACKED_HEIGHTS * max(ln.size, wide[4]) for ln in (a, b))

    def _titles(self, a: Line, b: Line) -> bool:
        """Whether line ``a`` is a title in capitals centred over line ``b`` right under it,
        no further than the page's leading (within ``OCR_LEADING``) and ``_TITLE_WHITE``, and
        under the text over it within ``_TITLE_OVER`` (``_in_run``): an item's title set in
        its text's type (``_under_title``) in the run of its column, which the blocks stage
        reads with the text under it."""
        size = max(a.size, b.size)
        white = (self.leading + OCR_LEADING) * size
        return -size <= b.box.y0 - a.box.y1 <= white + _TITLE_WHITE * size \
            and _under_title(a, b) and self._in_run(a, white + _TITLE_OVER * size)

    def _in_run(self, title: Line, white: float) -> bool:
        """Whether a line of text stands right over ``title`` (its foot no more than ``white``
        over the title's top, over it and wider than it): the title is set in the run of its
        column's text, between items, not at the head of a column (``THE BANKRUPT BANKERS``,
        the Coloured News 1855, a story's headline the engine boxed apart)."""
        t = title.box
        over = self._by_foot[bisect_left(self._feet, t.y0 - white):bisect_right(self._feet, t.cy)]
        return any(o.box.x0 < t.x1 and o.box.x1 > t.x0 and o.box.width > t.width for o in over)

    def stacked(self, last: Line, ln: Line, b: Box, extent: Box, gap: float, alone: bool) -> bool:
        """Whether ``ln`` (box ``b``, ``gap`` under line ``last`` of a group whose lines
        span ``extent``; ``alone``: ``last`` is the group's only line) goes on from it as a
        line of one region would, though the two are in regions of their own, of ``_FEW``
        lines or fewer, on a page the engine cut that finely (``fine``: more than ``_FINE`` of
        its lines are full lines, ``_FULL`` of the page's measure or wider, in such regions):
        about as tall (``_STACKED_HEIGHTS``), no further apart than the page's leading (within
        ``OCR_LEADING``), its left edge on the group's (within a paragraph's indent,
        ``gutters.INDENT``), or, under a group of one line, the second line of a paragraph
        under its first, indented deeper than that (``_under_first_line``), or the first line
        of an item's text under its title in capitals (``_titles``, which allows the title a
        little white)."""
        ka, kb = last.words[0].source_block, ln.words[0].source_block
        if not self.fine or ka is None or kb is None or ka == kb \
                or max(self.lines[ka], self.lines[kb]) > _FEW:
            return False
        size = max(last.size, ln.size)
        big, small = max(last.box.height, ln.box.height), min(last.box.height, ln.box.height)
        return big - small <= _STACKED_HEIGHTS * big and (
            gap <= (self.leading + OCR_LEADING) * size
            and (abs(b.x0 - extent.x0) <= INDENT * size or alone and _under_first_line(b, extent, size)
                 or not alone and _rest_of_line(last, ln, b, extent, size))
            or alone and self._titles(last, ln))


def _rest_of_line(last: Line, ln: Line, b: Box, extent: Box, size: float) -> bool:
    """Whether line ``ln`` (box ``b``) starts inside its group's lines (a paragraph of two
    lines or more, the caller asks), at least ``_FULL`` of their width, ends with them on
    their right edge (within ``_FLUSH_RIGHT``) and ends in no full stop, under a full line
    of them (``last``, on that edge too): a line of the paragraph whose first words the
    engine did not read ("bottom plank, as one of the uninitiated would," 226 px in, flush
    right, the Liverpool Standard 1832, p. 7, cut a region per line), its text going on
    under it. Not the first line of the next paragraph, indented deep under the short last
    line of this one (``_under_first_line``), nor one set apart from it (a title is centred,
    a new paragraph starts at the edge or an indent in), nor a fragment the engine
    read off the column's edge (",tron", 67 px, p. 6), which would end the group, nor an
    advertiser's name and address set right under his notice ("WM. WATSON, Water-street.",
    p. 4), the line that parts it from the next notice."""
    flush = _FLUSH_RIGHT * size
    return extent.x0 < b.x0 and b.width >= _FULL * extent.width and abs(b.x1 - extent.x1) <= flush \
        and last.box.x1 >= extent.x1 - flush and not ln.text.rstrip().endswith(".")


def _under_first_line(b: Box, extent: Box, size: float) -> bool:
    """Whether a line (box ``b``) starts left of its group's lines, by more than an indent but
    no more than ``_FIRST_INDENT`` sizes, and ends with them on their right edge (within
    ``_FLUSH_RIGHT``): the second line of a paragraph under its first (the group so far),
    indented deep."""
    return extent.x0 - _FIRST_INDENT * size <= b.x0 < extent.x0 \
        and abs(b.x1 - extent.x1) <= _FLUSH_RIGHT * size


def _under_title(title: Line, ln: Line) -> bool:
    """Whether line ``ln`` stands under a title in capitals centred over it, in its size
    (within ``_STACKED_HEIGHTS``) and closed by no full stop: an item's title set in the
    text's type at its leading (the caller asks), which engines that cut paragraphs put in
    one region with the item's text ("NAVIRES DIVERS", Ouest-Éclair 1924), and the roles
    stage reads as that text's crosshead where it tops its block (``splittitles.split_title``),
    not as a story's headline. A title in capitals closed by a stop heads a story of its own
    (``titles.name_titles``: ``VERTROKKEN.``); one set larger is display type."""
    size = max(title.size, ln.size)
    step = size - min(title.size, ln.size)
    capitals = in_capitals(title.text)
    return len(title.text) <= TITLE_CHARS and step <= _STACKED_HEIGHTS * size \
        and (capitals and not title.text.rstrip().endswith(".")
             or not capitals and title.bold and not ln.bold and step <= _BOLD_STEP * size) \
        and centred(title.box, ln.box, size)


def full_measure(widths: list[float]) -> float:
    """The width a region's full lines are set to, of its lines' ``widths``: the widest but a
    quarter (``_FULL_LINES``), so that a paragraph's short last line never counts, nor, from
    five lines on, one stray line the engine ran too far (of four or fewer, the widest)."""
    return sorted(widths)[int(_FULL_LINES * len(widths))]


def _paragraphs(lines: Sequence[Line], boxes: dict[int, Box], regions: Regions,
                size: float) -> dict[int, int]:
    """Per region, the first region of the paragraph it goes on, on a page cut finer than
    paragraphs: the regions of ``_FEW`` lines or fewer chained as one region's lines stack
    (each line under its nearest neighbour above in its column, ``over_in_column``, as
    ``page_leading`` measures: no further under it than the page's leading, within
    ``OCR_LEADING``, about as tall, within ``_OCR_HEIGHTS``, its left edge within an indent,
    ``gutters.INDENT``, of that line's). A region of more lines is a paragraph of its own."""
    first = {k: k for k in regions.lines}
    for ln, up in over_in_column(lines, boxes, size):
        k = ln.words[0].source_block
        if k is None or up is None:
            continue
        b, j, a, sz = boxes[id(ln)], up.words[0].source_block, boxes[id(up)], max(ln.size, up.size)
        big, small = max(a.height, b.height), min(a.height, b.height)
        if j is not None and max(regions.lines[j], regions.lines[k]) <= _FEW \
                and -sz <= b.y0 - a.y1 <= (regions.leading + OCR_LEADING) * sz \
                and big - small <= _OCR_HEIGHTS * big and abs(b.x0 - a.x0) <= INDENT * sz:
            first[root_of(first, k)] = root_of(first, j)
    return {k: root_of(first, k) for k in first}


def same_source_block(a: Line, b: Line) -> bool:
    """Whether an OCR file put both lines in one of its blocks, about as tall
    (``_OCR_HEIGHTS``) or standing level (``level``): evidence that they belong together
    whatever sizes and styles it gave them (some engines give every other line of a paragraph
    another size; a speck read off a letter, "i" inside "apply", is a line of its own, level
    with its line). A short line stacked over or under a taller one of the block is another
    matter: a title over its text's small print."""
    block = a.words[0].source_block
    if block is None or block != b.words[0].source_block:  # (a PDF's lines: no heights to read)
        return False
    big, small = max(a.box.height, b.box.height), min(a.box.height, b.box.height)
    return big - small <= _OCR_HEIGHTS * big or level_in_print(a, b)


def engine_order(lines: list[Line]) -> list[Line]:
    """The lines of a group, those of one OCR block that stand level with each other put in
    the engine's own order.

    Lines the engine found overlapping by more than half of the shorter one's height
    (``_LEVEL``; fragments of a noisy scan, a word set beside its line) have no order the
    geometry can tell; the engine's line order inside its own block is the evidence left. Lines
    that stand one below the other keep the order of the page, whatever the file says."""
    out: list[Line] = []
    run: list[Line] = []
    for ln in lines + [None]:
        if run and ln is not None and level(run[-1], ln):
            run.append(ln)
            continue
        out += sorted(run, key=lambda r: r.words[0].source_line) if len(run) > 1 else run
        run = [ln] if ln is not None else []
    return out


def _level_across(a: Line, b: Line) -> bool:
    """Whether two lines' heights overlap by over ``_LEVEL`` of the shorter one."""
    shared = min(a.box.y1, b.box.y1) - max(a.box.y0, b.box.y0)
    return shared > _LEVEL * min(a.box.height, b.box.height)


def level(a: Line, b: Line) -> bool:
    """Whether two lines of one OCR block stand level (``_level_across``)."""
    wa, wb = a.words[0], b.words[0]
    if wa.source_block is None or wa.source_block != wb.source_block \
            or wa.source_line is None or wb.source_line is None:
        return False
    return _level_across(a, b)


def level_in_print(a: Line, b: Line) -> bool:
    """Two lines of one OCR block standing level (``level``), the wider of them a line of
    print: wider than it is tall (the other may be a speck or a flourish). Boxes taller than
    wide say nothing of a baseline (words of a scan whose boxes the engine gave as columns
    of letters, the Gravenhaegse Courant of 1750)."""
    wide = a if a.box.width >= b.box.width else b
    return wide.box.width > wide.box.height and level(a, b)
