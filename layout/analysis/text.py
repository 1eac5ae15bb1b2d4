"""Stage 7: paragraphs from lines, with the joining rules of each script.

Within a story, body lines are read in order and a new paragraph starts at a line that is
indented, or after a line that stops short of its column's right edge although the next line's
first word would have fitted there (so ragged-right text keeps its paragraphs), or after a
Latin line ending a sentence over 0.3 em short of a justified block's full lines, or a CJK one
half an em short in a block spreading its characters (set with no indent, a paragraph ends
so), or at a line opening with a bold lead-in. The right edge
is where the full lines around a line (or most lines of its block) end, when they end together
well inside the column found for it. The lines set beside a drop cap (a first word twice its
line's size, or reaching down over the next line) are measured from its right edge: they are
not indented; lines set centred under one another are one heading wrapped.

A column break is not a paragraph break: a block that starts unindented after a full last line
continues the paragraph ("…座谈会210" + "余次。" → "…座谈会210余次。"). Nor is any break inside
a word or a sentence, however the next line stands (a scan's ragged line starts and ends look
like indents and short lines): after a line ending in a word broken by a hyphen or in a comma;
after a line ending with no sentence's closing mark (``. ! ? : ; …``, a closing quote or
bracket) before one starting in lower case, for in a script with capitals a paragraph opens
with one ("… aura" + "de l'Elysée …"); after a short line ending in a CJK character other
than a mark (or in a number set into CJK text: "…科研院所67" + "亩。…") before an unindented
one opening with such a character, for a CJK paragraph ends
with its closing mark ("…人才队伍、创新" + "平台、应急预案…", lines set short beside an
inset), and the next one is set in; after a full CJK line with no closing mark before one
starting at most a character right of it (a hanging indent's continuation: a law's items). A
salutation ("Sir,") or an address in an advertisement that ends in a comma and stands over a
new paragraph is joined to it: a rare loss, against a comma at a line end in running text at
every few lines.

The lines of a paragraph are joined as ``hyphens.joined`` says (hyphenation undone, no
space where CJK text meets).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..geometry import union_all
from ..model import Block, Box, Figure, Layout, Line, Story
from ..params import Params
from ..roles import FLOWING_ROLES
from .columns import Grid
from .firstword import first_word_width
from .hyphens import breaks_word, joined, page_compounds
from .script import (CJK_CLOSING_QUOTES, CJK_FULL_STOPS, CLAUSE_MARKS, CLOSING, CLOSING_QUOTES, COMMAS, ELLIPSIS,
                     FULL_STOPS, all_cjk, has_cjk, is_cjk)

_COMMAS = tuple(COMMAS)  # a sentence goes on after them
# What a sentence (or a clause list) ends with in Latin text, closing quotes and brackets
# after it: a line ending in none of them does not end a paragraph before a lower-case letter.
_SENTENCE_ENDS = tuple(FULL_STOPS + CLAUSE_MARKS + ELLIPSIS + CLOSING_QUOTES)
# A first word's width is estimated from its run's mean letter: a narrow word ("municipal",
# "Whitman") may be this much wider, so a line is taken to have stopped short only when the
# word would have fitted at this width.
_MISJUDGED = 1.25
# [times its line's size] a first word this much larger than the rest of its line is a drop
# cap (``roles`` joins it to the line it opens); the lines set beside it start at its right
# edge, and are measured from there, not from the column's
_DROP_CAP = 2.0
# [share of the next line's height] a first word whose box reaches this far down over the next
# line is a drop cap too: an OCR file gives the words of a line its box, and the line holding a
# two-line initial ("TO be DISPOSED OF" in an advertisement) reaches down over the next one,
# whose size says nothing of it
_HANGS = 0.5
# [em] lines ending this close to one another end together (a justified column's full lines;
# a scan's line ends jitter by a fraction of an em); how many of the four lines around one
# must, to say where its column ends
_EDGE = 0.5
_FULL_LINES = 2
# [em] a line clear of both edges of its column by the first, its two margins equal within
# the second, is centred: consecutive centred lines are one heading wrapped in a narrow column
_CLEAR = 0.4
_CENTRED = 0.5
# [em] a line starting this far right of where its column's lines start (past a CJK
# paragraph's indent of two characters) and ending at its measure's end (within ``_EDGE``)
# is set flush right: the wrapped end of a right-aligned note ("作者单位：社区工作" / "者"; not a
# credit: ``roles._credit_lines``), or a line beside an inset; after a line left open it goes on with it
_FLUSH_IN = 4.0
# [em] a column's edge this far beyond where its full lines end is not theirs (punctuation
# hanging past the measure reaches less far: a CJK comma, a Latin hyphen)
_WIDER = 1.0
# [em] a line of a justified block ending this far short of where its full lines end, after a
# sentence's end (``_stretches``), is a paragraph's last line, though the next line's first
# word would not have fitted (LaTeX sets no indent): a justified line is stretched to its
# measure, within ``_FLUSH``; twice that short is no stretched line (on the English pages of
# the fixtures and producer seeds 5-111, 235 lines ending a sentence 0.15-1 em short of
# their justified block's full lines, all paragraph ends). [em, share of its lines] a block
# is justified when this share of its lines end together within the first (the ends of a
# ragged narrow column crowd near its measure, but not that close)
_SHORT_OF_FULL = 0.3
# [em] a CJK line starting within this of where the line before it started (a character,
# and half of one to spare), after that line filled its measure with no closing mark, goes on
# with it: the continuation of a hanging indent (a law's items, "一の五 医療機関が、…当該" /
# "傷病者が医療機関に…"); a paragraph's last line ends with its closing mark, and a Chinese
# paragraph is set in by two characters. A line starting further left stands in another
# column (a story read on into the column left of it): its own indent decides there
_HANGING = 1.5
# [share of its size] how far off its size a spread CJK line sets its characters apart (10 in a
# measure of 9.5 stand 5 % closer); [em] a closing mark may be set half wide at a line's end: a
# spread CJK line ends a sentence short when by more. A CJK sentence's ends.
_SPREAD, _HALF_MARK = 0.02, 0.5
_CJK_SENTENCE_ENDS = tuple(CJK_FULL_STOPS + ELLIPSIS)
_FLUSH = 0.15
_JUSTIFIED = 0.75


def paragraphs(layout: Layout, grid: Grid, body: float, params: Params) -> Layout:
    """The layout with every story's body blocks re-cut into paragraphs and all text filled."""
    words = page_compounds(ln.text for b in _all_blocks(layout) for ln in b.lines)
    return replace(
        layout,
        header=tuple(_filled(b, words) for b in layout.header),
        footer=tuple(_filled(b, words) for b in layout.footer),
        stories=tuple(_story_paragraphs(s, grid, body, params, words) for s in layout.stories),
        figures=tuple(_figure(f, words) for f in layout.figures))


def _all_blocks(layout: Layout) -> Iterator[Block]:
    """Every block of the page: furniture, stories' (boxed ones' too), figures' captions."""
    items: list[Block | Figure | Story] = [*layout.header, *layout.footer, *layout.stories,
                                           *layout.figures]
    while items:
        c = items.pop()
        if isinstance(c, Block):
            yield c
        else:
            items.extend(c.caption if isinstance(c, Figure) else c.content)


def _filled(b: Block, compounds: frozenset[str], lines: Sequence[Line] = ()) -> Block:
    """The block, or one of ``lines`` in its style, with its text filled: ``replace`` written
    out, the fields in their order (a call for every paragraph of the page: ``replace`` reads
    every field by name and passes them by keyword, four times as long)."""
    lines = tuple(lines) or b.lines
    text, word_breaks = joined([ln.text for ln in lines], compounds)
    box = b.box if lines is b.lines else union_all(ln.box for ln in lines)
    return Block(lines, box, b.size, b.bold, b.italic, b.role, text, b.frame, b.font, word_breaks)


def _figure(f: Figure, compounds: frozenset[str]) -> Figure:
    return replace(f, caption=tuple(_filled(c, compounds) for c in f.caption))


def _story_paragraphs(story: Story, grid: Grid, body: float, params: Params,
                      compounds: frozenset[str]) -> Story:
    content: list[Block | Figure | Story] = []
    run: list[Block] = []
    for c in story.content:
        if isinstance(c, Block) and c.role in FLOWING_ROLES:
            run.append(c)
            continue
        content.extend(_cut(run, grid, body, params, compounds))
        run = []
        if isinstance(c, Block):
            content.append(_filled(c, compounds))
        elif isinstance(c, Figure):
            content.append(_figure(c, compounds))
        else:
            content.append(_story_paragraphs(c, grid, body, params, compounds))
    content.extend(_cut(run, grid, body, params, compounds))
    return Story(story.id, story.kind, tuple(content), story.box, story.columns)  # (as ``_filled``)


def _cut(blocks: Sequence[Block], grid: Grid, body: float, params: Params,
         compounds: frozenset[str]) -> list[Block]:
    """Consecutive body blocks re-cut into paragraphs, across column breaks."""
    paras: list[list[Line]] = []
    room, width = 0.0, 1.0  # space left at the end of the previous line, its measure
    prev: Line | None = None  # the previous line
    short_of_full = False  # whether it ended a sentence short of its justified block's lines
    cap: Box | None = None  # the last drop cap met
    framed = blocks and all(b.frame is not None for b in blocks)
    for b in blocks:
        # Text in a frame is measured against the frame's text in its column, not the page's.
        left, right = _column_in(b, blocks) if framed else _edges(b, grid, body)
        common, full_end = _common_ends(b.lines)
        spread = math.isfinite(full_end) and _spreads_cjk(b.lines, full_end)
        starts, ends = [ln.box.x0 for ln in b.lines], [ln.box.x1 for ln in b.lines]  # once a block
        for k, ln in enumerate(b.lines):
            unindented = _start(ln, left, cap)
            around = _neighbours_start(starts, k)  # (``max``, ``min`` below: written out, once a line)
            indented = ln.box.x0 - (around if around > unindented else unindented) > params.indent * ln.size
            # The previous line stopped short although this line's first word would have fit,
            # or short of a justified block's full lines after a sentence's end.
            ended = short_of_full or room > (1 - params.short_line) * width \
                and room > _MISJUDGED * first_word_width(ln) + 0.3 * ln.size
            # A bold lead-in ("DATES: The FAA must …") opens a paragraph; a bold word in lower
            # case is emphasis inside a sentence (or a scan's stray bold), no run-in heading.
            lead_in = ln.words[0].bold and not ln.bold and len(ln.words) > 1 \
                and not ln.text[:1].islower()
            end = _measure_end(ends, k, right, ln.size, common)
            # A centred line under another goes on with it: a heading wrapped over lines. The
            # two tests after the first are asked only of a line that would open a paragraph.
            # A CJK line set flush right (``_FLUSH_IN``): the end of a note wrapped.
            if not paras or (indented or ended or lead_in) \
                    and not (k > 0 and _centred(ln, left, right) and _centred(b.lines[k - 1], left, right)) \
                    and not _goes_on(prev, ln, room, indented, ln.box.x0 - unindented > _FLUSH_IN * ln.size
                                     and abs(end - ln.box.x1) <= _EDGE * ln.size):
                paras.append([])
            paras[-1].append(ln)
            room, width, prev = end - ln.box.x1, (1e-6 if 1e-6 > end - left else end - left), ln
            short_of_full = False
            if math.isfinite(full_end):  # (a ragged block has no full lines to fall short of)
                short = ((full_end if full_end < end else end) - ln.box.x1) / (
                    1e-6 if 1e-6 > ln.size else ln.size)  # (a speck may read size 0)
                short_of_full = _stretches(ln.text) and short > _SHORT_OF_FULL or spread \
                    and _ends_cjk_sentence(ln.text) and short > _HALF_MARK
            if ln.words[0].size >= _DROP_CAP * ln.size or _reaches_down(ln, b.lines[k + 1:k + 2]):
                cap = ln.words[0].box
    return [_filled(blocks[0], compounds, p) for p in paras]  # (no paragraph without a block)


def _goes_on(prev: Line | None, line: Line, room: float, indented: bool, flush: bool) -> bool:
    """Whether ``line`` goes on the paragraph of ``prev`` (the line before it, which ended
    ``room`` short of its measure), however it stands: after a line ending inside a word or a
    clause, or with no sentence's closing mark before a lower-case letter; after a line of CJK
    text with no closing mark (``_open_in_cjk``) before a CJK character, when the line is not
    indented or is set ``flush`` right (CJK text sets a new paragraph in by two characters: a
    short line with no closing mark before an unindented one is a measure narrowed beside an
    inset), or when prev filled its measure (within ``_EDGE``) and the line starts within
    ``_HANGING`` of it. Asked of a line only when it would open a paragraph."""
    if prev is None:
        return False
    text = prev.text.rstrip()
    return breaks_word(prev.text) or text.endswith(_COMMAS) \
        or not text.endswith(_SENTENCE_ENDS) and _opens_in_lower_case(line) \
        or _cjk_text(line.text.lstrip()[:1]) and _open_in_cjk(prev.text) and (
            not indented or flush
            or room <= _EDGE * prev.size and abs(line.box.x0 - prev.box.x0) <= _HANGING * line.size)


def _stretches(text: str) -> bool:
    """Whether a line ending a sentence could have been stretched to its measure: it has a
    word space to stretch; a word alone on its line stays short when the next one would not
    fit. Not a CJK line, which has none: a browser does not stretch between its characters,
    and leaves one short when the next character would not fit with the opening mark before
    it ("…656多家。" / "“落实…")."""
    text = text.strip()
    return text.endswith(_SENTENCE_ENDS) and " " in text


def _spreads_cjk(lines: Sequence[Line], full_end: float) -> bool:
    """Whether a justified block spreads its CJK lines to their measure: the characters of its
    full lines of CJK text alone stand further apart, or closer, than their size (by over
    ``_SPREAD``; ``_JUSTIFIED`` of them, and at least ``_FULL_LINES``). Text set ragged fills
    a line with whole characters, each its size apart, and leaves one short when the next
    character would not fit with its marks. In a spread block a CJK line ending a sentence
    short of the full lines is a paragraph's last line, as a Latin one is (``_stretches``)."""
    full = [ln for ln in lines if abs(full_end - ln.box.x1) <= _FLUSH * ln.size and ln.text.strip()
            and all_cjk(ln.text)]
    spread = sum(abs(ln.box.width / len(ln.text.replace(" ", "")) - ln.size) > _SPREAD * ln.size
                 for ln in full)
    return len(full) >= _FULL_LINES and spread >= _JUSTIFIED * len(full)


def _ends_cjk_sentence(text: str) -> bool:
    """Whether a line of CJK text ends a sentence (its full stop, exclamation or question
    mark, or an ellipsis, maybe with a closing quote or bracket after it)."""
    return has_cjk(text) and text.rstrip().rstrip(CJK_CLOSING_QUOTES).endswith(_CJK_SENTENCE_ENDS)


def _opens_in_lower_case(line: Line) -> bool:
    """Whether the line's first character is a lower-case letter (of a script with capitals):
    it goes on a sentence, for a paragraph opens with a capital."""
    return line.text.lstrip()[:1].islower()


def _cjk_text(ch: str) -> bool:
    """Whether the character is CJK text (Han, Kana, Hangul), not a mark closing a phrase."""
    return bool(ch) and is_cjk(ch) and ch not in CLOSING


def _open_in_cjk(text: str) -> bool:
    """Whether a line of CJK text ends with no closing mark: in a CJK character other than a
    mark, or in a number or Latin word set into the CJK text ("…探索科研院所67" / "亩。…": a
    typesetter does not break "67" from the "亩" after it, and when the unit with the marks
    glued to it would not fit, leaves the line short). A CJK paragraph ends with its mark."""
    last = text.rstrip()[-1:]
    return _cjk_text(last) or last.isalnum() and has_cjk(text)


def _measure_end(ends: Sequence[float], k: int, right: float, size: float,
                 common: float) -> float:
    """Where line k's measure ends (``ends``: where each line of its block ends): at the
    column's right edge, or where the lines around it (two above, two below) end when at
    least ``_FULL_LINES`` of them end together (within ``_EDGE`` em of the furthest) over
    ``_WIDER`` em short of that edge, else where most lines
    of its block end together (``common``), when that is. A column measured wider than its
    text (a grid column over two, an OCR block reaching across a gutter) would make every line
    of it look short; the full lines of a justified column say where it really ends. Ragged
    lines do not end together (the furthest of four reaches near the edge), and keep the
    column's edge."""
    around = ends[max(k - 2, 0):k] + ends[k + 1:k + 3]
    furthest = max(around, default=right)
    if furthest < right - _WIDER * size \
            and sum(furthest - e <= _EDGE * size for e in around) >= _FULL_LINES:
        return furthest
    return common if common < right - _WIDER * size else right


def _common_ends(lines: Sequence[Line]) -> tuple[float, float]:
    """Where most of a block's lines end together (``_common_end``), and where its full lines
    end (within ``_FLUSH``, ``_JUSTIFIED`` of them): the sizes and ends sorted once for both."""
    if len(lines) < 2 * _FULL_LINES:
        return float("inf"), float("inf")
    size = sorted(ln.size for ln in lines)[len(lines) // 2]
    ends = sorted(ln.box.x1 for ln in lines)
    return _common_end(ends, size), _common_end(ends, size, _FLUSH, _JUSTIFIED)


def _common_end(ends: Sequence[float], size: float, edge: float = _EDGE, share: float = 0.5) -> float:
    """Where most of a block's lines end together (``ends``: where they end, sorted; ``size``:
    the block's median size): the furthest end of the window ``edge`` em wide holding the most
    line ends, when it holds over ``share`` of them (a justified column); infinity else
    (ragged lines; ``_common_ends`` answers for a block of a few)."""
    best, top, lo = 0, float("inf"), 0
    for hi, e in enumerate(ends):
        while e - ends[lo] > edge * size:
            lo += 1
        if hi - lo + 1 >= best:
            best, top = hi - lo + 1, e
    return top if best > share * len(ends) else float("inf")


def _centred(line: Line, left: float, right: float) -> bool:
    """Whether the line stands centred between the column's edges, clear of both (``_CLEAR``
    em, equal within ``_CENTRED`` em): a heading's line, not a paragraph's."""
    before, after = line.box.x0 - left, right - line.box.x1
    return min(before, after) > _CLEAR * line.size and abs(before - after) <= _CENTRED * line.size


def _neighbours_start(starts: Sequence[float], k: int) -> float:
    """Where the lines around line k start (``starts``: where each line of its block starts;
    the median of two above and two below it): a scanned column's left edge drifts and
    jitters by a fraction of an em from line to line, so an indent is measured against the
    lines beside it as well as against the column's edge.
    A first line indented past its neighbours still stands out; one only a little right of
    the leftmost line of the block does not."""
    around = sorted(starts[max(k - 2, 0):k] + starts[k + 1:k + 3])
    return around[len(around) // 2] if around else float("-inf")


def _reaches_down(line: Line, below: Sequence[Line]) -> bool:
    """Whether the line's first word reaches down over the next line (``below``: it, or
    nothing) by ``_HANGS`` of its height: a drop cap, the next line set beside it."""
    return bool(below) and line.words[0].box.y1 > below[0].box.y0 + _HANGS * below[0].box.height


def _start(line: Line, left: float, cap: Box | None) -> float:
    """Where the line would start unindented: at the column's left edge, or right of the drop
    cap when the line is set beside it (starts below its top, right of it)::

        ┌──┐he council said on      the two lines beside the T are no paragraph starts,
        │T │monday that the plan    though they stand a drop cap's width in
        └──┘would reach every
        voter in the county
    """
    if cap is not None and cap.y0 <= line.box.y0 < cap.y1 and line.box.x0 >= cap.x1:
        return max(left, cap.x1)
    return left


def _column_in(b: Block, blocks: Sequence[Block]) -> tuple[float, float]:
    """The margins of b's column among ``blocks``: the extent of those standing over or under
    it (sharing half the narrower one's width)."""
    same = [o.box for o in blocks
            if min(o.box.x1, b.box.x1) - max(o.box.x0, b.box.x0) >= 0.5 * min(o.box.width, b.box.width)]
    return min(x.x0 for x in same), max(x.x1 for x in same)


def _edges(b: Block, grid: Grid, body: float) -> tuple[float, float]:
    """The margins b's lines are measured against: its grid column's, widened to hold b.

    A block narrower than its column (a one-line paragraph end) is measured against the
    column, so its short line is seen as short.
    """
    x0, x1 = b.box.x0, b.box.x1
    i = grid.index_of(b.box)
    if i is not None:
        c = grid.columns[i]
        if b.box.width <= (c.x1 - c.x0) + body:
            return min(x0, c.x0), max(x1, c.x1)
    return x0, x1
