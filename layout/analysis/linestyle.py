"""A line made of its words: its text (spaces only where the script and the gap want one) and
the style of most of its characters. The lines stage (``lines``) decides which words form a
line; this module only assembles it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..geometry import union_all
from ..model import Box, Line, Word, font_family
from .script import has_cjk, joins_without_space

# Gaps narrower than this [em] between two runs are no word space (a font change inside a word).
_SPACE_GAP = 0.12
# CJK punctuation, which takes no space; between CJK words, a gap this wide [em] is a space:
# the em space between headline phrases.
_CJK_PUNCTUATION = "、。，．：；！？）」』】〉》〕（「『【〈《〔・…—"
_CJK_SPACE_GAP = 0.8
# [words] a run of this many single letters or more, one after the other, is a word set
# letter-spaced ("S P O R T", German Sperrsatz "g e s p e r r t"): its letters join, and a gap
# wider than its letters' own by a word space (``_SPACE_GAP``) parts two of its words (three
# would take the words of "il y a à faire" for one)
_SPACED_RUN = 4
# the same inside a word of the source: single letters with a space between each (an extractor
# that put the letters of one word in one span writes "L E T T E R")
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:[^\W\d_] ){%d,}[^\W\d_](?!\S)" % (_SPACED_RUN - 1))
# A line is bold or italic when at least this share of its characters is (a bold lead-in is not).
_STYLE_SHARE = 0.7


def _lead_in(words: list[Word]) -> bool:
    """True when the line opens with a styled run (a bold lead-in, a drop cap) before plain text.

    "**D'autant plus que** si le client a" is a body line; its style is that of its plain rest.
    """
    first = words[0]
    style = (first.bold, first.font, first.size)
    rest = [w for w in words[1:] if (w.bold, w.font, w.size) != style]
    return bool(rest) and (first.bold or first.size > rest[0].size) and \
        sum(len(w.text) for w in rest) >= 0.25 * sum(len(w.text) for w in words)


def make_line(words: list[Word], vertical: bool, box: Box | None = None) -> Line:
    """A line from its words in reading order, with the style of most of its characters;
    ``box``: the union of their boxes, when the caller has it.

    A lead-in run does not count towards the style (see ``_lead_in``). A line of one word
    (most lines of a CJK page, whose spans are whole lines), or of words all in one style
    (most lines of any page), is made without the counting.
    """
    if len(words) == 1:  # its style is its word's (an empty word counts as styled, as below)
        w = words[0]
        return Line((w,), w.box, w.text, w.size, w.bold or not w.text, w.italic or not w.text,
                    vertical, font_family(w.font))
    first = words[0]
    if _one_style(words):
        # One style throughout (most lines): no lead-in, nothing to count.
        texts = [w.text for w in words]
        blank = not any(texts)  # no characters: styled, as counted below
        box = box if box is not None else union_all([w.box for w in words])
        return Line(tuple(words), box, _joined(words, texts, vertical),
                    first.size, bool(first.bold) or blank, bool(first.italic) or blank, vertical,
                    font_family(first.font))
    styled = words
    if _lead_in(words):
        lead = (first.bold, first.font, first.size)
        styled = [w for w in words if (w.bold, w.font, w.size) != lead]
    sizes: dict[float, int] = {}
    fonts: dict[str, int] = {}
    bold = italic = total = 0
    for w in styled:
        n = len(w.text)
        sizes[w.size] = sizes.get(w.size, 0) + n
        fonts[w.font] = fonts.get(w.font, 0) + n
        bold += n * w.bold
        italic += n * w.italic
        total += n
    box = box if box is not None else union_all(w.box for w in words)
    return Line(tuple(words), box, join_words(words, vertical),
                max(sizes, key=sizes.get), bold >= _STYLE_SHARE * total,
                italic >= _STYLE_SHARE * total, vertical, font_family(max(fonts, key=fonts.get)))


def _one_style(words: list[Word]) -> bool:
    """Whether all words are set in the first's size, face, weight and slant (a loop of plain
    comparisons: every line of a page asks, and a tuple a word costs twice as much)."""
    first = words[0]
    bold, italic, font, size = first.bold, first.italic, first.font, first.size
    for w in words:
        if w.size != size or w.font != font or w.bold != bold or w.italic != italic:
            return False
    return True


def join_words(words: Sequence[Word], vertical: bool = False) -> str:
    """Words' text joined with a space where their gap is a word space and the script uses one.

    CJK text takes no space between words, except an em-wide gap between two phrases of a
    headline ("河口镇打造供暖管网　改造应急预案"); punctuation never takes one. The letters of a
    word set letter-spaced join, whatever their spacing (``_letter_spacing``).
    """
    return _joined(words, [w.text for w in words], vertical)


def _joined(words: Sequence[Word], texts: list[str], vertical: bool) -> str:
    """``join_words`` of words whose texts the caller has (``texts``, read only)."""
    joined = "".join(texts)
    if joined.count(" ") >= _SPACED_RUN - 1:  # (no word of the line can hold such a run else)
        texts = [_SPACED_LETTERS.sub(_closed_up, t) if t.count(" ") >= _SPACED_RUN - 1 else t
                 for t in texts]
        joined = "".join(texts)
    # A line without CJK (one scan of its text) joins no two words without a space.
    cjk = len(words) > 1 and has_cjk(joined)
    tracking = _letter_spacing(words, texts, vertical)
    if not (cjk or tracking or vertical):  # (most lines: a word space wider than a hair)
        return _spaced_by_gaps(words, texts)
    parts = [texts[0]]
    for k, (prev, w, text) in enumerate(zip(words, words[1:], texts[1:]), 1):
        gap = (w.box.y0 - prev.box.y1) if vertical else (w.box.x0 - prev.box.x1)
        size = w.size
        size = 1e-6 if 1e-6 > size else size
        if cjk and joins_without_space(prev.text, text):
            spaced = gap > _CJK_SPACE_GAP * size and not (
                prev.text[-1] in _CJK_PUNCTUATION or text[0] in _CJK_PUNCTUATION)
        else:
            spaced = gap > tracking.get(k, 0.0) + _SPACE_GAP * size
        if spaced:
            parts.append(" ")
        parts.append(text)
    return "".join(parts)


def _spaced_by_gaps(words: Sequence[Word], texts: list[str]) -> str:
    """``join_words`` of a horizontal line of no CJK and no letter-spaced run: a space
    wherever the gap is wider than ``_SPACE_GAP`` of the next word's size (the loop of
    ``join_words`` with its other cases left out, for every line of a page asks)."""
    parts = [texts[0]]
    right = words[0].box.x1
    for w, text in zip(words[1:], texts[1:]):
        box, size = w.box, w.size
        size = 1e-6 if 1e-6 > size else size
        if box.x0 - right > _SPACE_GAP * size:
            parts.append(" ")
        parts.append(text)
        right = box.x1
    return "".join(parts)


def _closed_up(spaced: re.Match) -> str:
    """A word set letter-spaced, its letters closed up ("L E T T E R" → "LETTER"); CJK stays."""
    text = spaced.group()
    return text if has_cjk(text) else text.replace(" ", "")


def _letter_spacing(words: Sequence[Word], texts: list[str], vertical: bool) -> dict[int, float]:
    """The letter spacing of each gap (by the index of the word after it) inside a run of
    ``_SPACED_RUN`` or more single letters, not CJK: the run's median gap, which its letters
    outnumber its word spaces in. Empty for a line without such a run (almost every line)."""
    if len(texts) < _SPACED_RUN or list(map(len, texts)).count(1) < _SPACED_RUN:
        return {}
    single = [len(t) == 1 and t.isalpha() and not has_cjk(t) for t in texts]
    out: dict[int, float] = {}
    k = 0
    while k < len(texts):
        end = k
        while end < len(texts) and single[end]:
            end += 1
        if end - k >= _SPACED_RUN:
            gaps = [(b.box.y0 - a.box.y1) if vertical else (b.box.x0 - a.box.x1)
                    for a, b in zip(words[k:end], words[k + 1:end])]
            track = sorted(gaps)[len(gaps) // 2]
            out |= {j: track for j in range(k + 1, end)}
        k = end + 1
    return out
