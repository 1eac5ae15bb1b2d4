"""Words set sideways in a page of horizontal text: a rotated advertisement, a margin note, a
column of text run up the side of a scan. An OCR file boxes such a word tall and thin; read as
horizontal text it fills many rows of the page, blocks its gutters and joins its neighbours'
lines. Marked vertical, it is grouped into lines of its own (``lines.py``, axes swapped).

A word is sideways when its box is more than ``_TALL`` times as high as wide, but no thinner
than ``_THIN``, and it has at least ``_LETTERS`` non-CJK letters (a single letter, a number
or CJK glyphs, which are square, say nothing). Only OCR pages (in pixels) are looked at: a PDF's text matrix says
which way its words run, and its boxes, ascender to descender, make "ill" as tall. On a line
the OCR engine found, a word is sideways only with most of that line's words. A page
where most words would be vertical was scanned turned and is left alone: its direction is
another matter (``direction.py``).

In a block the OCR engine found (``Word.source_block``) where most words of ``_LETTERS``
letters are sideways, the block was set sideways (an ALTO ``TextBlock`` turned a quarter): its
short words ("de", "en", "by", a comma), as wide as tall, are sideways too, else each one
breaks its line in two.

A block set sideways as a whole is read as a page of its own (``read_apart``, ``pipeline``),
turned the way it reads: down the page (turned clockwise, its first line at the right) or up
it (turned anticlockwise, its first line at the left). The readers give a sideways line's
words in its reading order, each a line of its own (``sideways.along_sideways_line``: by
the turn the file states, else the OCR engine's order of the words); a block whose found lines
mostly climb from one to the next reads up (``_reads_up``).
Its words' size is measured across them: the engine (or the reader, from the line's height)
sized each by its length, so it would read as a headline; a word's width is its type's
height, turned into a size as the page's upright words are (``_sizes_across``). They leave
their found lines (``Word.source_line``): the ALTO and hOCR readers split a line whose words
stand one over another into a line a word (``alto_lines.printed_rows``), which would keep
each word a line of its own; their lines are found from the geometry.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from ..model import Box, PageContent, Word
from .lines import typical_size
from .script import is_cjk

_TALL = 2.0
_LETTERS = 3
# [body sizes] a word boxed narrower than this is no line of letters turned, whose width is its
# type's height, but a box the engine failed to draw (2 px wide around a whole headline)
_THIN = 0.25
# [median word widths] a block set sideways this wide across holds two lines side by side
_SIDE_BY_SIDE = 2.0


def with_sideways_words(content: PageContent) -> PageContent:
    """The page with its sideways Latin words marked vertical."""
    if content.unit != "px":  # a PDF's text matrix already says which way its words run
        return content
    # the box first, written out (a word is looked at further only when tall: few are)
    sideways = [w.box.y1 - w.box.y0 > _TALL * (w.box.x1 - w.box.x0) and _sideways(w)
                for w in content.words]
    if not any(sideways):
        return content
    thinnest = _THIN * typical_size(content.words)
    sideways = [s and w.box.x1 - w.box.x0 >= thinnest for w, s in zip(content.words, sideways)]
    sideways = _in_sideways_blocks(content.words, _on_upright_lines_kept(content.words, sideways))
    vertical = sum(s or w.vertical for w, s in zip(content.words, sideways))
    if not any(sideways) or 2 * vertical > len(content.words):
        return content
    return replace(content, words=tuple(replace(w, vertical=True) if s else w
                                        for w, s in zip(content.words, sideways)))


def _sideways(w: Word) -> bool:
    """A tall and thin word (the caller has looked at its box) with enough Latin letters."""
    if w.vertical or len(w.text) < _LETTERS:
        return False
    return sum(c.isalpha() and not is_cjk(c) for c in w.text) >= _LETTERS


def _on_upright_lines_kept(words: tuple[Word, ...], sideways: list[bool]) -> list[bool]:
    """``sideways`` with the words of a line the source found (``Word.source_line``) left
    upright where most of that line's words are upright: the OCR engine read them along one
    horizontal line, and a short word looks tall and thin when a stray glyph stretched its
    line's box ("few" beside "-&\"" drawn over three printed lines)."""
    upright: Counter = Counter(w.source_line for w, s in zip(words, sideways)
                               if not s and w.source_line is not None)
    tall: Counter = Counter(w.source_line for w, s in zip(words, sideways) if s and w.source_line is not None)
    return [s and (w.source_line is None or tall[w.source_line] > upright[w.source_line])
            for w, s in zip(words, sideways)]


def _in_sideways_blocks(words: tuple[Word, ...], sideways: list[bool]) -> list[bool]:
    """``sideways`` with every word of a found block (``Word.source_block``) sideways where
    most of its words of ``_LETTERS`` letters are: the short ones of a block set sideways."""
    lettered = [len(w.text) >= _LETTERS for w in words]
    turned = Counter(w.source_block for w, s in zip(words, sideways) if s and w.source_block is not None)
    upright = Counter(w.source_block for w, s, long in zip(words, sideways, lettered)
                      if long and not s and not w.vertical and w.source_block in turned)
    return [s or (w.source_block in turned and turned[w.source_block] > upright[w.source_block]
                  and not w.vertical)
            for w, s in zip(words, sideways)]


def read_apart(words: tuple[Word, ...]
               ) -> tuple[tuple[Word, ...], tuple[Word, ...], tuple[Word, ...]]:
    """The page's words but those of its blocks set sideways as a whole (``_turned_blocks``),
    and those, to be read as pages of their own (``pipeline``): the blocks that read down the
    page, and those that read up it (``_reads_up``), each block's words sized across
    (``_sizes_across``) and out of their found lines (see the module docstring)."""
    turned = _turned_blocks(words)
    if not turned:
        return words, (), ()
    apart = [w.vertical and w.source_block in turned for w in words]
    sizes = _sizes_across(words, apart)
    up = _reads_up([w for w, a in zip(words, apart) if a])
    aside = [replace(w, size=sizes[w.source_block], source_line=None) for w, a in zip(words, apart) if a]
    return (tuple(w for w, a in zip(words, apart) if not a),
            tuple(w for w in aside if w.source_block not in up),
            tuple(w for w in aside if w.source_block in up))


def _reads_up(words: Sequence[Word]) -> set[int | None]:
    """The blocks, among the sideways ``words``, that read up the page: most of their
    steps from a found line (``Word.source_line``, numbered in the reader's order) to the next
    in the same column (the two words overlap across) climb. The readers give a sideways
    line's words a line each, in reading order (``sideways.along_sideways_line``): the one
    use of the lines' order here."""
    steps: Counter = Counter()
    by_line = sorted((w for w in words if w.source_line is not None), key=lambda w: w.source_line)
    for w, then in zip(by_line, by_line[1:]):
        if (then.source_line == w.source_line + 1 and then.source_block == w.source_block
                and min(w.box.x1, then.box.x1) > max(w.box.x0, then.box.x0)):
            steps[w.source_block, then.box.y0 + then.box.y1 < w.box.y0 + w.box.y1] += 1
    return {block for block, climbs in steps if climbs and steps[block, True] > steps[block, False]}


def _sizes_across(words: tuple[Word, ...], apart: list[bool]) -> dict[int | None, float]:
    """The size of the words of each block read apart: the median width of its words, their
    type's height, sized as the page's upright words are by their heights (the median of
    size / height). One size a block: a word's width is its ink, which "zeer" has less of
    than "Een"."""
    ratios = [w.size / (w.box.y1 - w.box.y0) for w in words
              if not w.vertical and w.box.y1 > w.box.y0 and w.size > 0]
    per_height = median(ratios) if ratios else 1.0
    widths: dict[int | None, list[float]] = {}
    for w, a in zip(words, apart):
        if a:
            widths.setdefault(w.source_block, []).append(w.box.x1 - w.box.x0)
    return {block: round(per_height * median(ws), 2) for block, ws in widths.items()}


def _turned_blocks(words: Sequence[Word]) -> set[int]:
    """The found blocks (``Word.source_block``) set sideways as a whole: every word of the
    block is vertical, and its lines stand side by side, with those of the blocks so set
    beside it (an engine may box each line a block): the run of such blocks, chained across
    the page where they overlap or stand less than a word's width apart (one sweep along x),
    is at least ``_SIDE_BY_SIDE`` times as wide as the median of such words (a paragraph
    turned, an advertisement run up the margin). Sideways words among upright ones (a table's column
    heads turned) or a lone turned line (a label) stay on the page, as vertical lines among
    its own."""
    if not any(w.vertical for w in words):
        return set()
    kept = {w.source_block for w in words if not w.vertical}
    boxes: dict[int, list[Box]] = {}
    for w in words:
        if w.vertical and w.source_block is not None and w.source_block not in kept:
            boxes.setdefault(w.source_block, []).append(w.box)
    if not boxes:
        return set()
    width = median(b.width for bs in boxes.values() for b in bs)
    spans = sorted((min(b.x0 for b in bs), max(b.x1 for b in bs), block) for block, bs in boxes.items())
    turned: set[int] = set()
    run: list[int] = []
    start = reach = -math.inf
    for x0, x1, block in spans + [(math.inf, math.inf, None)]:
        if x0 > reach + width:  # the run ends: a gap wider than a word across
            if run and reach - start >= _SIDE_BY_SIDE * width:
                turned.update(run)
            run, start, reach = [], x0, x1
        run.append(block)
        reach = max(reach, x1)
    return turned
