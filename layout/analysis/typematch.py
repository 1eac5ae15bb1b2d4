"""Whether two blocks of running text are set in one type, measured on the page rather than
taken from the sizes given (``same_text_size``, which the placement of stories asks): an OCR
engine names one size per block, not always the printed one, while the pitch of its lines and
their height are measured.
"""

from __future__ import annotations

from statistics import median
from typing import TYPE_CHECKING

from ..model import Block
from ..params import Params
from .blocks import ONE_TYPE

if TYPE_CHECKING:
    from .placement import Unit

# [lines] fewest lines of a block whose measured type (``set_alike``) is trusted over the
# size an OCR engine gave it
_MEASURED_LINES = 3


def set_alike(a: Block, b: Block, params: Params) -> bool:
    """Whether two blocks of running text measure as one type on the page, whatever sizes
    they were given: their line pitches agree within ``Params.size_tolerance`` and their line
    heights within ``ONE_TYPE`` times it, each measured (median) over ``_MEASURED_LINES`` lines
    at least. An OCR engine names one size per block, and not always the printed one: the
    last column of a feuilleton (Petit Journal 1900 p2, "Et le ménage continuera ...") is
    called 9 points under the 7 of the columns before, set line for line in the same type
    at the same pitch. A PDF's sizes are the printed ones: type a fifth smaller has a pitch
    and line height a fifth smaller too, so this never joins what the sizes keep apart."""
    pitches = [line_pitch(a), line_pitch(b)]
    if None in pitches:
        return False
    heights = [median(ln.box.height for ln in a.lines), median(ln.box.height for ln in b.lines)]
    return (max(pitches) - min(pitches) <= params.size_tolerance * max(pitches)
            and max(heights) - min(heights) <= ONE_TYPE * params.size_tolerance * max(heights))


def line_pitch(b: Block) -> float | None:
    """The median distance between the feet of a block's consecutive lines (pieces of one
    printed line, whose feet lie less than half a line apart, count as one), or None when
    it has fewer than ``_MEASURED_LINES`` lines."""
    if len(b.lines) < _MEASURED_LINES:
        return None
    feet = [ln.box.y1 for ln in b.lines]
    steps = [low - high for high, low in zip(feet, feet[1:]) if low - high > 0.5 * b.size]
    return median(steps) if len(steps) >= _MEASURED_LINES - 1 else None


def same_text_size(a: Unit, b: Unit, params: Params) -> bool:
    """False when both are body blocks whose sizes differ by more than ``blocks.ONE_TYPE`` times the
    tolerance.

    Looser than within a block (``Params.size_tolerance``): an OCR engine sizes each block on
    its own, in whole points, so one story's blocks differ by a point now and then: 14 % of
    the larger allows that down to 7-point type (a feuilleton's 8 and 7 points, Ouest-Éclair
    1918). On a page whose sizes are line heights the tolerance is already the looser
    ``estimated_size_tolerance`` (see ``pipeline.sizes_estimated``), so this allows over half
    there: a story's subtitle measured a fifth taller than its text still runs on in it.
    Crossheads, bylines and other named blocks run on in their story whatever their size.
    """
    if a.block is None or b.block is None or a.block.role != "body" or b.block.role != "body":
        return True
    big, small = max(a.block.size, b.block.size), min(a.block.size, b.block.size)
    return big - small <= ONE_TYPE * params.size_tolerance * big or set_alike(a.block, b.block, params)
