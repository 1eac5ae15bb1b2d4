"""Rivers of word spaces: white that runs down a few lines of a loose justified column,
found as a strip (``whitespace``) as long as a gutter's, yet no column's side (``gutters``).

A narrow strip (its core narrower than a word space, ``_NARROW``) down a few lines, closed
above and below by lines of the same column running across it, is a river, however aligned the
words beside it (``_hairline_rivers``). So is any strip down a few lines whose white wanders
(``Strip.wanders``): in one of its lines of body type the white lies beside its core, a word
covering the core (a gutter is white down every line beside it). A narrow justified column
of TeX sets a few words a line, stretched apart, and their spaces meet down eight lines::

    Thursday.           Meanwhile,    the white between the words of each line meets
    the   county        commission    the next line's a little left or right: a strip
    considered     a        costly    down eight lines, its core under "across" in the
    museum across the region.         fourth (latex_s173_03_en)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..model import Box
from .stripmeasure import RIVER_LINES
from .whitespace import LARGE, Strip

# [body sizes] a hairline river (``_hairline_rivers``): the first word of body type (no taller
# than ``whitespace.LARGE``) reaching into its core within ``_ABUTS`` above its top, and below
# its foot, covers all of it: the line above, or one of the two above it over word spaces; a
# strip nested in a river's core this close to its ends is part of that river
_ABUTS = 3.0
# [body sizes] a strip whose core is narrower than a loose word space is narrow: its white may
# be where the spaces of a few lines overlap (a justified TeX column's, stretched to half an em
# and more, overlap by a third of an em: latex_s191_02_en), while a column gutter of Latin type
# is wider (``gutters._SIDE`` takes a long gutter this narrow for no column's side either)
_NARROW = 0.6


def river_ids(long: Sequence[Strip], boxes: Sequence[Box], body: float) -> set[int]:
    """The ids of the rivers among the ``long`` strips of a page (``boxes``: its words and
    pictures; ``body``: its body size)."""
    rivers = {id(s) for s in long if s.wanders}  # (beside a few lines only)
    hairlines = [s for s in long if s.width < _NARROW * body and s.lines <= RIVER_LINES]
    if hairlines:  # few pages have any
        rivers |= _hairline_rivers(hairlines, boxes, body)
    return rivers


def _hairline_rivers(hairlines: Sequence[Strip], boxes: Sequence[Box], body: float) -> set[int]:
    """The ids of the narrow strips (beside a few lines: ``RIVER_LINES``) that are rivers
    of word spaces: a line of body type (``whitespace.LARGE``) runs across the core right above the
    strip and right below it (``_ABUTS``; the first word reaching into the core covers it),
    or at one end while at the other it runs on between two words of a headline (a word of
    display type level with the strip reaches into its core; latex_s193_06_en: a river down
    five loose lines into "Policy ··· amid" below, tall enough there for a gutter); and the
    strips nested in one such (where its white narrows). A loose justified
    column's word spaces meet down a few lines, and the lines of the same column above and
    below close the path; columns a hair apart stop where their column does, under a blank
    stretch or a headline. A river is no column's side (not ``long``): its gaps stay weak
    cuts, which the line's own word spaces keep in it (``rowcuts.cut_row``), while columns of
    Chinese, with no word space, are still cut."""
    body_lines = sorted((b for b in boxes if b.height <= LARGE * body), key=lambda b: b.cy)
    middles = [b.cy for b in body_lines]
    reach = _ABUTS * body

    def crossed(s: Strip, near: Sequence[Box]) -> bool:  # the first reaching in covers it all
        b = next((b for b in near if b.x0 < s.x1 and b.x1 > s.x0), None)
        return b is not None and b.x0 <= s.x0 and b.x1 >= s.x1

    def above(s: Strip) -> list[Box]:
        return body_lines[bisect_left(middles, s.y0 - reach):bisect_left(middles, s.y0)][::-1]

    def below(s: Strip) -> list[Box]:
        return body_lines[bisect_left(middles, s.y1):bisect_left(middles, s.y1 + reach)]

    display = sorted((b for b in boxes if b.height > LARGE * body), key=lambda b: b.cy)
    display_middles = [b.cy for b in display]

    def is_closed(s: Strip) -> bool:  # or at one end, white between two words of a headline
        top, foot = crossed(s, above(s)), crossed(s, below(s))
        level = display[bisect_left(display_middles, s.y0):bisect_right(display_middles, s.y1)]
        return top and foot or (top or foot) and any(b.x0 < s.x1 and b.x1 > s.x0 for b in level)

    closed = [s for s in hairlines if is_closed(s)]
    return {id(s) for s in hairlines if any(  # and the parts of one (the sweep nests them)
        r.x0 < s.x1 and s.x0 < r.x1 and s.y0 >= r.y0 - reach and s.y1 <= r.y1 + reach
        for r in closed)}
