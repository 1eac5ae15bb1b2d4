"""What the OCR readers (ALTO, hOCR, PAGE-XML) share: sizes, line heights, page bounds, rules.

Sizes: OCR files rarely state type sizes, so a line's size is estimated from its height, which is
about one em (ascender to descender). The heights of lines set in one size jitter by several
per cent (ink, skew, a line without descenders), while the blocks stage reads a 4 % size
change as a new block and the stories stage follows text of one size; so heights near the
page's typical line height are taken to be exactly it. Headlines and small type further away
keep their own.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import median

from ..errors import PageError
from ..model import Box, Rule

# Line heights within this share of the page's median line height are that median.
JITTER = 0.15
# Boxes reaching more than this share of the page size beyond its edges are an error.
OUTSIDE = 0.1
# A graphical element this many times longer than thick is a separator rule.
RULE_ASPECT = 20.0
# [median height of a line's words] a word, or a TextLine, taller than this is a speck the
# OCR read into the line, or stretched by one (BL's 1832 Liverpool Standard: a 132 px mark
# beside a line of 30 px words boxes the line 152 px tall, from above the line printed over
# it, which it was then read before); the line is boxed by its other words. A word's letters
# reach at most about twice as far as the x-height of the words beside it ("gelb" by "an")
STRETCHED = 2.5


def sizes_from_heights(heights: Sequence[float]) -> list[float]:
    """One size per line height: the page's median height for those near it, else their own."""
    if not heights:
        return []
    typical = median(heights)
    return [typical if abs(h - typical) <= JITTER * typical else h for h in heights]


@dataclass(frozen=True, slots=True)
class PageBounds:
    """The page a reader is reading, to check boxes against: a box that is missing or lies far
    outside the page (more than ``OUTSIDE`` of its size) is a ``PageError`` naming the file
    and element (its name, or a call giving it, made only then); one slightly outside is
    clipped."""

    where: str
    width: float
    height: float

    def __call__(self, box: Box | None, element: str | Callable[[], str]) -> Box:
        if box is None or not all(map(math.isfinite, (box.x0, box.y0, box.x1, box.y1))):
            raise PageError(f"{self.where}: {_named(element)} has no (finite) coordinates")
        w, h = self.width, self.height
        if (box.x0 < -OUTSIDE * w or box.y0 < -OUTSIDE * h or box.width < 0 or box.height < 0
                or box.x1 > (1 + OUTSIDE) * w or box.y1 > (1 + OUTSIDE) * h):
            raise PageError(f"{self.where}: {_named(element)} at {box.as_list(0)} px lies far outside "
                            f"the {w:.0f} x {h:.0f} px page")
        return Box(max(0.0, box.x0), max(0.0, box.y0), min(w, box.x1), min(h, box.y1))


def _named(element: str | Callable[[], str]) -> str:
    """An element's name as ``PageBounds`` was given it: the name, or a call giving it."""
    return element if isinstance(element, str) else element()


def page_size(where: str, width: float | None, height: float | None) -> PageBounds:
    """The bounds of a page of the given size; ``PageError`` for a size that is missing, zero,
    or not a finite number (``NaN`` fails every comparison, so it is tested for being inside)."""
    if not (width and height and 0 < width < math.inf and 0 < height < math.inf):
        raise PageError(f"{where}: zero-size page (width {width}, height {height})")
    return PageBounds(where, width, height)


def on_line(box: Box, line: Box | None) -> Box:
    """A word's box given its line's top and bottom, when its centre lies on that line.

    OCR word boxes hug the ink ("un" is shorter than "Quinzième"), which would scatter one
    printed line over several baselines; like PDF spans, the words of a line get one height.
    """
    if line is None or line.height <= 0 or not line.y0 <= box.cy <= line.y1:
        return box
    return Box(box.x0, line.y0, box.x1, line.y1)


def rule_or_figure(box: Box) -> Rule | None:
    """A separator rule when the box is a thin line (``RULE_ASPECT`` times longer than thick),
    else None: a region to keep as a figure."""
    if min(box.width, box.height) * RULE_ASPECT > max(box.width, box.height):
        return None
    return Rule(box, "h" if box.width >= box.height else "v")


def tallest_word(words: Sequence[tuple], heights: Sequence[float],
                 own: tuple[float, float, float, float] | None) -> float:
    """The greatest height of a word of a printed line, or of its TextLine, that no speck
    stretched: ``STRETCHED`` times the median height of its words holding a letter or digit
    (a row of leader dots is not the line's type), all of them if none does; no limit for words
    0 px tall. ``words``: (anything, text, ...) each; ``heights``: theirs; ``own``: the
    TextLine's box (x0, y0, x1, y1), if any. The median of all words decides first: most lines
    have no word, and a TextLine no taller, beyond its limit, and their letters need no look."""
    limit = STRETCHED * sorted(heights)[len(heights) // 2]
    if max(heights) <= limit and (own is None or own[3] - own[1] <= limit):
        return limit or math.inf
    lettered = sorted(h for word, h in zip(words, heights)
                      if any(map(str.isalnum, word[1]))) or sorted(heights)
    return STRETCHED * lettered[len(lettered) // 2] or math.inf
