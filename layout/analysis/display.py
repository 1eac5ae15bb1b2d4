"""Display type (headlines) in a row: when a gap between two display words parts two
headlines side by side, and when it is one headline's word space (``lines``).

Headlines are spaced wider than body text (a CJK headline's phrases by a full-width space),
so the word space of body text says nothing here; these predicates measure a gap in ems of
the display type itself, relative to the page's body size.
"""

from __future__ import annotations

from ..model import Word
from .foundlines import same_source_line
from .script import joins_without_space

# [em] in a row alone (or a CJK headline over a gutter), CJK text is spaced up to this wide
# and still one line: a full-width space between phrases, the quarter em or more set between
# CJK and Latin ("2024 年 3 月")
CJK_APART = 1.2
# [body sizes] type larger than this is display type (headlines); [em] the widest word space
# of display type (a quarter to a third of an em), the gap beyond which two display words are
# never one line; [share of the larger size] how near in size the words of one headline are
DISPLAY = 1.2
DISPLAY_SPACE = 0.45
DISPLAY_APART = 1.5
DISPLAY_SIZE = 0.95


def display_apart(a: Word, b: Word, gap: float, body: float) -> bool:
    """Display type (headlines) set further apart than ``DISPLAY_APART`` em: two headlines
    side by side, for headlines are never spaced so loosely."""
    size = min(a.size, b.size)
    return size > DISPLAY * body and gap > DISPLAY_APART * size


def headlines_apart(a: Word, b: Word, gap: float, body: float) -> bool:
    """Display type further apart than a word space: in two sizes (``DISPLAY_SIZE``), wider
    than ``DISPLAY_SPACE``; in one size, wider than the widest space of its script between
    the phrases of one headline (``DISPLAY_SPACE``, or ``CJK_APART`` for a full-width space
    between CJK phrases). Two headlines side by side, each over its own columns, when a
    column gutter of the page stops under (or over) the gap (``Gutters.headed``)."""
    size, big = sorted((a.size, b.size))
    if size <= DISPLAY * body:
        return False
    if size < DISPLAY_SIZE * big:
        return gap > DISPLAY_SPACE * size
    return gap > (CJK_APART if joins_without_space(a.text, b.text) else DISPLAY_SPACE) * size


def word_space_of_display(a: Word, b: Word, gap: float, body: float) -> bool:
    """A gap between display words of one size (``DISPLAY_SIZE``) no wider than a word space, or
    in a line an OCR engine found: one headline across columns, a gutter through its word space."""
    size, big = sorted((a.size, b.size))
    return size > DISPLAY * body and size >= DISPLAY_SIZE * big \
        and (gap <= DISPLAY_SPACE * size or same_source_line(a, b))
