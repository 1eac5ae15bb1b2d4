"""The width of a line's first word, estimated from its run: how much room a line before it
must have left to have taken it (``text``: a line that stopped short although the next line's
first word would have fitted ends a paragraph).

A PDF's or an OCR file's word is often a run of several words with one box: the first word's
width is the run's width per character times its characters. CJK text breaks between any two
characters, so there the first "word" is one character with what typesetters keep with it.
"""

from __future__ import annotations

from ..model import Line, Word
from .script import CLOSING, OPENING, is_cjk

# [em] a word space, about: a quarter of an em in most text faces
_SPACE = 0.25


def first_word_width(line: Line) -> float:
    """The width of the line's first word, estimated from its run's width per character
    other than spaces (taken as ``_SPACE`` em). CJK text breaks between any two characters:
    its first word is one character, with the closing marks after it, which never start a
    line ("高。”教师…": the line above stopped short to bring "高" down with them), or with
    the number or Latin word set on to it (in its run or the next, touching it), which
    typesetters do not break from it ("网57.5万吨" left the line above three characters short);
    the opening marks before it go with it too ("“更新创新平台…" opens with "“更")."""
    run = line.words[0]
    word = run.text.split(" ", 1)[0]
    opening = len(word) - len(word.lstrip(OPENING))
    if not is_cjk(word[opening:opening + 1] or word[0]):
        return _width_of(run, len(word))
    after = word[opening + 1:]
    marks = after[:len(after) - len(after.lstrip(CLOSING))]
    if opening or marks or after:
        return _width_of(run, opening + 1 + len(marks or after[:_latin_prefix(after)]))
    nxt = line.words[1] if len(line.words) > 1 else None  # the character is a run of its own
    if nxt is None or nxt.box.x0 - run.box.x1 > _SPACE * run.size:
        return _width_of(run, 1)
    return _width_of(run, 1) + _width_of(nxt, _latin_prefix(nxt.text.split(" ", 1)[0]))


def _latin_prefix(text: str) -> int:
    """How many characters of ``text`` come before its first CJK one."""
    return next((i for i, c in enumerate(text) if is_cjk(c)), len(text))


def _width_of(run: Word, chars: int) -> float:
    """The width of the first ``chars`` characters of a run, at its width per character
    other than spaces (a space taken as ``_SPACE`` em)."""
    spaces = run.text.count(" ")
    letters = max(len(run.text) - spaces, 1)
    return max(run.box.width - spaces * _SPACE * run.size, 0.0) * chars / letters
