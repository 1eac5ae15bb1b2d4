"""Part of stage 3 (roles): a block whose size is only its box's height, read again from the
width of its letters.

An OCR engine names no typeface and gives no size: a line's size is its height
(``pipeline.sizes_estimated``). A full line of body text whose box is taller than its
neighbours' (a Fraktur capital's swash, a long s and a descender in one line: the NZZ's
lines of 1813 stand 16-27 % taller than the body's) then reads as a line a size up, split off
its paragraph by the blocks stage, and the roles stage would call it a crosshead (set apart
by size: ``captions.emphasised``) or a headline, cutting its paragraph and its story in two.
A line truly set a size up has letters as much wider; one whose letters are no wider than the
body's, filling the measure of the text right over or under it at that text's leading, is
body text, whatever its box. Only blocks a little over the body size are asked: a headline set
far larger in a condensed face keeps its size, and a title, even in the body's letters, stands
short of the measure or apart from the text (``VERKOOPING VAN HUIZES.``, Handelsblad 1876).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from ..geometry import Grid, x_overlap
from ..model import Block, Line
from .captions import LARGER

# [lines] the running text the body's letter width is measured on: blocks of this many lines
# or more at the body size (within ``_BODY_SHARE`` of it)
_RUNNING_LINES = 3
_BODY_SHARE = 0.05
# [body sizes] only a block whose box-measured size is at most this is read again: an OCR
# line's box exceeds its type's size by its capitals and descenders, by a fifth to a quarter
# of it, where a headline stands a third larger or more
_BOX_EXCESS = 1.3
# [characters] a line this long or longer has a letter width to read (a short line's is
# mostly its few letters' own widths: capitals, digits, spaces)
_MEASURED_CHARS = 20
# [share of the body's letter width] a line whose letters are at most this wide is at the body
# size: a justified line's spacing varies by about a tenth around the body's
_LETTER_SLACK = 1.1
# [share of the text's width] a full line fills this much of the measure of the text over or
# under it; [body sizes] the most white between them, the text's own leading (OCR boxes of
# consecutive lines touch or overlap: the NZZ's stand -3 to 1 px apart at a 38 px body)
_FULL = 0.9
_LEADING_GAP = 0.5
# [body sizes] the side of the cells the running text is filed in by place
_CELL = 10.0


def letter_width(line: Line) -> float:
    """The width of the line's box per character of its text (spaces counted)."""
    return line.box.width / max(1, len(line.text))


def body_letter_width(blocks: Sequence[Block], body: float) -> float | None:
    """The median letter width (``letter_width``) of the lines of running text at the body
    size; None when the page has none."""
    widths = [letter_width(ln) for b in blocks
              if len(b.lines) >= _RUNNING_LINES and abs(b.size - body) <= _BODY_SHARE * body
              for ln in b.lines if len(ln.text) >= _MEASURED_CHARS]
    return median(widths) if widths else None


def at_letter_size(blocks: Sequence[Block], body: float) -> list[Block]:
    """The blocks, each one sized by its box alone (no typeface: ``Block.font`` empty) set
    apart by size (``captions.LARGER``) up to ``_BOX_EXCESS``, plain (neither bold nor italic),
    whose lines are long enough to measure (``_MEASURED_CHARS``) and set in letters no wider
    than the body's (``_LETTER_SLACK``), filling the measure of the text over or under it
    (``_in_measure``), given the body size: see the module docstring."""
    asked = [b for b in blocks if not b.font and not b.bold and not b.italic
             and LARGER * body <= b.size <= _BOX_EXCESS * body]
    letter = body_letter_width(blocks, body) if asked else None  # (a PDF's blocks all name a face)
    if letter is None:
        return list(blocks)
    lettered = [b for b in asked if _body_letters(b, letter)]
    if not lettered:
        return list(blocks)
    running = [o for o in blocks if len(o.lines) >= 2 and abs(o.size - body) <= _BODY_SHARE * body]
    filed = Grid([o.box for o in running], _CELL * body)  # (each block asks the text near it only)
    resized = {id(b) for b in lettered if _in_measure(b, running, filed, body)}
    return [replace(b, size=body) if id(b) in resized else b for b in blocks]


def _body_letters(b: Block, letter: float) -> bool:
    """Whether every line of ``b`` is long enough to measure and set in letters no wider than
    the body's (``letter``; see ``at_letter_size``)."""
    return all(len(ln.text) >= _MEASURED_CHARS and letter_width(ln) <= _LETTER_SLACK * letter
               for ln in b.lines)


def _in_measure(b: Block, running: Sequence[Block], filed: Grid, body: float) -> bool:
    """Whether ``b`` fills (``_FULL``) the measure of a block of ``running`` text (two lines or
    more at the body size, ``_BODY_SHARE``; ``filed``: their boxes by place) right over or
    under it, at that text's leading (``_LEADING_GAP``)."""
    gap = _LEADING_GAP * body
    return any(o is not b and max(o.box.y0 - b.box.y1, b.box.y0 - o.box.y1) <= gap
               and x_overlap(o.box, b.box) >= _FULL * o.box.width and b.box.width >= _FULL * o.box.width
               for o in (running[k] for k in filed.near(b.box.x0, b.box.y0 - gap, b.box.x1, b.box.y1 + gap)))
