"""Text begun beside a short line under a wide one: a crosshead, not a headline's second line
(part of stage 2, ``blocks.py``).

A headline set across two columns in the type of the crossheads below it (a small head over a
story of two columns, 10 pt bold over 9 pt text) has a crosshead of its story centred in its
right column a few points under it: same type, under the head's width, within the block
leading. What tells them apart is the story's text, which starts under the head's left part
level with the crosshead::

    临海市健全多层次健身步道 健全防汛体系      the head, across both columns
    志愿者提出：下一步将   实施学生医疗卫生     text begun in the left column, the
    拓展托育服务，打造便    健全畅通产业链       crosshead centred in the right one

A headline's own second line never has text standing beside it under the headline: the
story's columns start under the whole head.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from ..model import Box, Line

# [sizes of the line asked about] a line beside it this wide at least is a line of text (a
# speck, a stray digit, a rule's piece is not the story's text begun)
_TEXT_WIDTH = 3.0
# [sizes of the line asked about] the white between it and the text beside it at least: a
# gutter between columns, not a word space between two pieces of one line an OCR engine cut
_GUTTER = 1.0


class TextBeside:
    """The page's lines as the sweep takes them (``swept``: (box, line) pairs by top, boxes in
    the sweep's frame), to ask whether text stands beside a line under the line above it;
    ``same_type``: whether two lines are set in one type (``blocks.same_style``)."""

    def __init__(self, swept: Sequence[tuple[Box, Line]], same_type: Callable[[Line, Line], bool]) -> None:
        self._swept = swept
        self._same_type = same_type
        self._tops: list[float] = []  # filed at the first line asked about: most pages have none

    def _starting(self, y0: float, y1: float) -> Sequence[tuple[Box, Line]]:
        """The lines whose top lies between heights y0 and y1."""
        if not self._tops:
            self._tops = [o.y0 for o, _ in self._swept]
        return self._swept[bisect_left(self._tops, y0):bisect_right(self._tops, y1)]

    def under(self, ln: Line, b: Box, above: Box) -> bool:
        """Whether a line of text (``_TEXT_WIDTH`` sizes wide at least) in another type than
        ``ln`` (``same_type`` false) stands level with ``ln`` (box ``b``: its middle
        within ``b``'s height), beside it across a gutter (``_GUTTER`` sizes of white at
        least), both set under the line above (tops below its foot: an OCR engine's
        overlapping boxes of one row are no text begun under anything) and within its width
        (``above``, give or take ``ln``'s size): the story's text begun under a head beside
        its crosshead. A line reaching out past the line above is no crosshead under it.
        Cheap for a line of a column (as wide as the line above): no room beside it is looked
        at."""
        size = ln.size
        if above.width - b.width < (_TEXT_WIDTH + _GUTTER) * size or b.y0 < above.y1 \
                or b.x0 < above.x0 - size or b.x1 > above.x1 + size:
            return False
        for o, other in self._starting(above.y1, b.y1):
            if not b.y0 <= o.cy <= b.y1 or o.width < _TEXT_WIDTH * size \
                    or max(b.x0 - o.x1, o.x0 - b.x1) < _GUTTER * size:
                continue
            if above.x0 - size <= o.x0 and o.x1 <= above.x1 + size and not self._same_type(ln, other):
                return True
        return False
