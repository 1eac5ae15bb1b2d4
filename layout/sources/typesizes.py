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

A face whose every box follows its size as read (MuPDF boxes some faces by that mean) hides the
scaling from its heights; its Chinese, Japanese or Korean characters still tell it. Set solid,
they stand one em apart across, the scale across times the size: a span's pitch ``p`` (its
first three characters', ``ideograph_pitch``) and its size as read ``e`` give the height
``e * e / p``. Type condensed line by line (Scribus justifies Chinese lines by condensing
their glyphs by up to 11 per cent, scribus_s165_04_zh: 8.5 pt type read 8.03 to 8.5, the
lines of one paragraph cut into blocks and the full ones taken for crossheads) has heights that
agree where its sizes do not; type tracked tight or loose (pitch off the size, the glyphs
unscaled) has sizes that agree where those heights do not. So a face is sized by its heights
when more of its pitched spans agree on their height than on their size (``pitch_sized``), and
only its condensed spans (pitch under the size read) are: a face condensed on some lines may be
spaced out on others (Scribus sets a loose justified line of the same paragraph with wider
spacing, its glyphs unscaled: 8.5 pt read 8.5 at a pitch of 8.9, scribus_s161_09_zh), and
those spans' height as computed would come out short of their true size.
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
# 3 per cent (left as read), and type scaled across by 2/3 to 3/2 reads at most 23 per cent
# off (the root of the scale: Scribus condensed a caption's lone last character to 2/3, 7.5 pt
# type read 6.12, scribus_s167_03_zh); a box taller than that is no scaled type's (a span
# boxed with its line's height: the Federal Register's 7 pt notes boxed 8.8 pt tall, 26 per cent)
_SCALED = 0.03
_FURTHEST = 0.23


def _ideograph(ch: str) -> bool:
    """A Han ideograph, a kana or a Hangul syllable: one em across in every face that sets it
    (CJK punctuation, often set half an em, is not)."""
    return "\u3400" <= ch <= "\u9fff" or "\u3040" <= ch <= "\u30ff" or "\uac00" <= ch <= "\ud7af"


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


def ideograph_pitch(chars: list[dict]) -> float | None:
    """The distance across between a horizontal ``rawdict`` span's first three characters,
    ideographs all (``_ideograph``) standing at one pitch (within ``_AGREE``); None otherwise
    (a span opening with something else, or spaced unevenly): the spans of a line after its
    first, and most lines, open with ideographs, enough to tell a face's pitch by."""
    if len(chars) < 3 or not (_ideograph(chars[0]["c"]) and _ideograph(chars[1]["c"])
                              and _ideograph(chars[2]["c"])):
        return None
    x0, x1, x2 = chars[0]["origin"][0], chars[1]["origin"][0], chars[2]["origin"][0]
    step, next_step = x1 - x0, x2 - x1
    if step <= 0 or abs(next_step - step) > _AGREE * max(step, next_step):
        return None
    return step


def pitch_sized(words: list[Word], spans: list[tuple[int, int, float, list[dict]]]) -> list[Word]:
    """``words`` with the spans of a face of scaled type sized by their height (see the
    module's docstring); ``spans``: per horizontal ``rawdict`` span, its words' range, its size
    as read and its characters. Only a face whose sizes as read disagree is measured: where
    they all agree, no height can agree more (most pages, at the cost of a count)."""
    faces: dict[str, list[tuple[int, int, float, list[dict]]]] = defaultdict(list)
    for span in spans:
        faces[words[span[0]].font].append(span)
    out = words
    for of_face in faces.values():
        if _agreeing([size for _, _, size, _ in of_face]) == len(of_face):
            continue
        pitched = [(start, end, size, pitch) for start, end, size, chars in of_face
                   if (pitch := ideograph_pitch(chars)) and abs(size / pitch - 1) < _FURTHEST]
        heights = [size * size / pitch for _, _, size, pitch in pitched]
        if not pitched or _agreeing(heights) <= max(_agreeing([s for _, _, s, _ in pitched]),
                                                    _FEW - 1, len(pitched) / 2):
            continue
        out = list(out) if out is words else out
        for (start, end, size, _), height in zip(pitched, heights):
            if height > size:  # condensed; a span set wider than solid is spaced, not scaled
                for k in range(start, end):
                    out[k] = replace(words[k], size=round(height, 2))
    return out


def _agreeing(values: list[float]) -> int:
    """How many of ``values`` lie within ``_AGREE`` of their median."""
    mid = median(values)
    return sum(abs(v - mid) <= _AGREE * mid for v in values)
