"""What the lines and blocks a source found tell the lines stage (``lines.py``).

An OCR engine's TextLine is evidence that its words are one line: it is cut only where a
column's side runs through it; two of its blocks are never one line. The found lines also give
the page's column measure, and tell white inside a table set in one column (which the found
lines run across) from a gutter between columns. (A PDF's lines are its extractor's guess, not
evidence.) Kept apart from ``lines.py`` for that module's length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cached_property
from itertools import chain

from ..geometry import union_all
from ..model import Box, Word
from .gutters import Gutters, Strip, find_gutters
from .script import has_cjk, unhung_box
from .whitespace import MIN_COLUMN

# A gutter that most lines an OCR file found level with it run across (more than this share
# of those within ``MIN_COLUMN`` of it) is white inside those lines, the columns of a table
# set in one column: a found line no wider than ``ONE_COLUMN`` times the page's column
# measure is not cut there (one wider spans two columns); [body sizes] the bins the widths of
# found lines are counted in, for the measure
_READ_ACROSS = 0.5
ONE_COLUMN = 1.5
_MEASURE_BIN = 1.0


def same_source_line(a: Word, b: Word) -> bool:
    """True when the source put a and b on one line (an OCR engine's TextLine, a PDF's line):
    evidence kept unless the page's column grid cuts it (``Word.source_line``)."""
    return a.source_line is not None and a.source_line == b.source_line


def found_line(a: Word, b: Word) -> bool:
    """True when an OCR file (whose words come in its own blocks) put a and b on one line: its
    TextLine is evidence, cut only where a long gutter (a column's side) runs through it. (A
    PDF's lines are its extractor's guess, and may run across a narrow gutter.)"""
    return a.source_block is not None and same_source_line(a, b)


def other_source_block(a: Word, b: Word) -> bool:
    """True when the source put a and b in different blocks (``Word.source_block``)."""
    return a.source_block is not None and b.source_block is not None and a.source_block != b.source_block


def joined_fragments(row: list[Word]) -> bool:
    """True when a row holds fragments of one printed line that an OCR engine found as lines
    side by side in one of its blocks (``rejoin.fragments``): evidence as one found line is,
    cut only where a long gutter runs through it, never where a slanted scan set the
    fragments' middles apart (``rejoin.other_lines``)."""
    first = row[0]
    return first.source_block is not None and first.source_line is not None and not found_line(first, row[-1]) \
        and all(w.source_line is not None and w.source_block == first.source_block for w in row)


def row_extent(row: list[Word], boxes: dict[int, Box]) -> tuple[float, float]:
    """Where a row sorted along the line starts and where it reaches furthest. Worked out once
    a row: the measure, the gutters read across and the cuts of the row all ask."""
    return boxes[id(row[0])].x0, max([boxes[id(w)].x1 for w in row])


def found_measure(widths: list[float], body: float, by_print: bool = False) -> float:
    """The page's column measure as the lines an OCR file found give it (their ``widths``):
    the most common width (in bins of ``_MEASURE_BIN`` body) of those at least a column
    (``MIN_COLUMN`` body sizes) wide, for the full lines of a justified column outnumber the
    short ones of every length (the rows of a table of figures, each a few figures wide, count
    for nothing); 0 when no such line was found. ``by_print``: each line counted by its width,
    so that the full lines of the columns outweigh a noisy scan's bits of lines, however many
    (``ocrregions``, which asks what most of the print is set in)."""
    step = _MEASURE_BIN * max(body, 1e-6)
    counts: Counter = Counter()
    for k in (round(w / step) for w in widths):
        if k * _MEASURE_BIN >= MIN_COLUMN:
            counts[k] += k if by_print else 1
    return counts.most_common(1)[0][0] * step if counts else 0.0


def read_across(found: list[tuple[float, float, float]], gutters: Gutters, near: float) -> set[Strip]:
    """The long gutters that most found lines (their middles and ``row_extent``) level with
    them (within ``near`` of them) run across: white inside the lines, not between columns.
    One bisection of the rows by height per gutter."""
    spans = sorted(found)
    middles = [cy for cy, _, _ in spans]
    across = set()
    for g in gutters.strips:
        if not g.long:
            continue
        level = crossing = 0
        for _, x0, x1 in spans[bisect_left(middles, g.y0):bisect_right(middles, g.y1)]:
            if x1 >= g.x0 - near and x0 <= g.x1 + near:
                level += 1
                crossing += x0 < g.x0 and x1 > g.x1
        if crossing > _READ_ACROSS * level:
            across.add(g)
    return across


class PageWhite:
    """What the cuts of a page's rows ask of its white, worked out at the first ask: its words'
    boxes without their hanging marks (``unhung``, by ``id``), its gutters among those and its
    ``figures`` (``find_gutters``: long ones only on a page of found lines) and the long ones
    that its ``found`` lines (middle, left, right) read across (``read_across``); ``boxes``:
    the words' boxes in row space, by ``id``. A page whose rows are all lines an OCR file
    found, each in one column of one block and kept whole, asks nothing: its gutters, about a
    fifth of its analysis, are never looked for (a fourth of the archives' ALTO pages).
    ``whole``: the rows kept whole (found lines, each in one column), one box each among
    the words of the others: the white inside such a line is its own word spaces, evidence of
    no gutter (a river down a column's found lines cut a wide line under it), and the sweep
    follows a column's lines, not its words (a third of the time, on the archives' pages).
    ``apart``: the positions in ``words`` of the other rows' words (None: every word is
    apart), so that no word is looked up among the whole rows'; ``shapes``: the boxes of the
    whole rows, when the caller has them (a page hanging no mark uses them as they are)."""

    def __init__(self, words: Sequence[Word], boxes: dict[int, Box], figures: list[Box],
                 body: float, found: list[tuple[float, float, float]],
                 whole: Sequence[Sequence[Word]] = (), apart: Iterable[Sequence[int]] | None = None,
                 shapes: Sequence[Box] | None = None) -> None:
        self._words, self._boxes, self._figures, self._body, self._found = words, boxes, figures, body, found
        self._whole, self._apart, self._shapes = whole, apart, shapes

    @cached_property
    def unhung(self) -> dict[int, Box]:
        # (a page without CJK text, most, hangs no mark: its boxes themselves, as ``unhung_box``
        # answers for a word of no CJK character: read only, never copied)
        if not has_cjk("".join([w.text for w in self._words])):
            return self._boxes
        return {id(w): unhung_box(w, self._boxes[id(w)]) for w in self._words}

    @cached_property
    def gutters(self) -> Gutters:
        unhung, words = self.unhung, self._words
        rest = words if self._apart is None else [words[k] for k in sorted(chain.from_iterable(self._apart))]
        boxes = list(self._shapes) if self._shapes is not None and unhung is self._boxes else [
            union_all([unhung[id(w)] for w in row]) for row in self._whole]
        boxes += [unhung[id(w)] for w in rest]
        # (the whole rows' words are all of found lines: only the others' are asked)
        return find_gutters([*boxes, *self._figures], self._body, all(
            w.source_block is not None and w.source_line is not None for w in rest))

    @cached_property
    def across(self) -> set[Strip]:
        return read_across(self._found, self.gutters, MIN_COLUMN * self._body)
