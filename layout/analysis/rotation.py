"""Words set sideways in a page of horizontal text: a rotated advertisement, a margin note, a
column of text run up the side of a scan. An OCR file boxes such a word tall and thin; read as
horizontal text it fills many rows of the page, blocks its gutters and joins its neighbours'
lines. Marked vertical, it is grouped into lines of its own (``lines.py``, axes swapped).

A word is sideways when its box is more than ``_TALL`` times as high as wide and it has at
least ``_LETTERS`` non-CJK letters (a single letter, a number or CJK glyphs, which are
square, say nothing). Only OCR pages (in pixels) are looked at: a PDF's text matrix says
which way its words run, and its boxes, ascender to descender, make "ill" as tall. On a line
the OCR engine found, a word is sideways only with most of that line's words. A page
where most words would be vertical was scanned turned and is left alone: its direction is
another matter (``direction.py``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import PageContent, Word
from .script import is_cjk

_TALL = 2.0
_LETTERS = 3


def with_sideways_words(content: PageContent) -> PageContent:
    """The page with its sideways Latin words marked vertical."""
    if content.unit != "px":  # a PDF's text matrix already says which way its words run
        return content
    # the box first, written out (a word is looked at further only when tall: few are)
    sideways = [w.box.y1 - w.box.y0 > _TALL * (w.box.x1 - w.box.x0) and _sideways(w)
                for w in content.words]
    if not any(sideways):
        return content
    sideways = _on_upright_lines_kept(content.words, sideways)
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
