"""The size of type scaled across alone, read from its words' heights.

A PDF may scale type across and not up (a text matrix wider or narrower than tall, or ``Tz``):
a typesetter condenses the glyphs of a line to fit it, Scribus the short last line of a head
or caption by a tenth. MuPDF reports such a span's size as the mean of its two scales (18 pt
type condensed to 16 pt across reads 16.97), so a condensed last line reads a size down from
the lines above it and stands apart from them: a head's "网" became a deck of its own, a
caption's "红霞摄" the headline of an empty story (scribus_s161_00_zh). Its box is as tall as
the unscaled type's, for MuPDF boxes a span by its face's ascent and descent times the scale
up. So on one page a face boxes its words at one height per point of size, and a word of that
face boxed taller or shorter than its size says (by more than ``_SCALED``, less than
``_FURTHEST``) is set at the size its height says. A face whose boxes follow its glyphs
instead (most of its words' heights per point disagreeing: a Type 3 font drawn by its own
procedures) is left as read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from statistics import median

from ..model import Word

# [share] heights per point of size this near the face's median agree; [words] a face tells
# the height of its points when at least this many of its words, and over half, agree
_AGREE = 0.01
_FEW = 3
# [share of the size read] a word's height saying a size more than _SCALED off, and less than
# _FURTHEST, is scaled type: a justifying typesetter condenses or expands glyphs by up to 2 or
# 3 per cent (left as read), and type scaled across by 3/4 to 4/3 reads at most 15 per cent
# off (the root of the scale); a box taller than that is no scaled type's (a span boxed with
# its line's height: the Federal Register's 7 pt notes boxed 8.8 pt tall)
_SCALED = 0.03
_FURTHEST = 0.15


def scaled_type_sized(words: list[Word]) -> list[Word]:
    """``words`` with the size of each line of type scaled across alone read from its height
    (see the module's docstring); upright words only (a vertical word's height is its run)."""
    faces: dict[str, list[float]] = defaultdict(list)
    for w in words:
        if not w.vertical and w.size > 0 and w.box.height > 0:
            faces[w.font].append(w.box.height / w.size)
    per_point = {}
    for font, ratios in faces.items():
        mid = median(ratios)
        agreeing = sum(abs(r - mid) <= _AGREE * mid for r in ratios)
        if agreeing >= _FEW and 2 * agreeing > len(ratios):
            per_point[font] = mid
    if not per_point:
        return words
    out = []
    for w in words:
        mid = per_point.get(w.font) if not w.vertical and w.size > 0 else None
        size = w.box.height / mid if mid else w.size
        off = abs(size - w.size)
        out.append(replace(w, size=round(size, 2)) if _SCALED * w.size < off < _FURTHEST * w.size else w)
    return out
