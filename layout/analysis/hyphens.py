"""The lines of a paragraph joined into its text: hyphenation undone, no space at CJK seams.

Lines are joined with a space, except where CJK text meets (no space) or a Latin word was
hyphenated at the line end ("recon-" + "struction" → "reconstruction"). The hyphen is kept
before a capital letter ("Baden-" + "Württemberg"), unless the word before it is set in
capitals of three letters or more and goes on in capitals ("AGRI-" + "CULTURE" →
"AGRICULTURE": a word in capitals broken to fit; "PK-" + "LQP", a code, keeps it); and in a
compound the page writes whole inside a line elsewhere ("low-" + "income"). Soft hyphens are
no text: taken out, and one at a line end breaks the word there ("mil\u00ad\u2010" + "lion"
→ "million"). A dash closed up to the word or figure before it goes on with the next line with
no space, the dash kept: "said—" + "and" → "said—and", "2018–" + "23–51" → "2018–23–51", and
so does a hyphen after a figure before a figure, a range: "pages 12-" + "15" → "pages 12-15"
(a dash after a space, "Zürich —", is spaced, and so is a hyphen after a figure before a word:
the dash closing an item of a market report, read as a hyphen, "orge, 106 à 110-" + "son").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from ..model import WordBreak
from .script import joins_without_space

_HYPHENS = ("-", "\u00ad", "\u2010", "\u2011")
# The soft hyphen: a place the source may break a word at, not text (a browser's PDF keeps
# them in its text layer: "accor\u00add\u00ading"); at a line end it breaks the word
_SOFT = "\u00ad"
# A compound written whole somewhere inside a line of the page ("low-income", and each two
# neighbours of "mother-in-law"): broken at a line end after its hyphen, it keeps the hyphen
# (a word hyphenated to fit is never written so)
_LETTERS = r"[^\W\d_]+"
_COMPOUND = re.compile(rf"{_LETTERS}(?:-{_LETTERS})+")
_LAST_WORD, _FIRST_WORD = re.compile(_LETTERS + "$"), re.compile(_LETTERS)
# [characters] how far from its end a text's last word is looked for first (``last_word``)
_TAIL = 64
# Dashes: en, em, figure dash and bar (``_closed_dash``; with them a hyphen between figures)
_DASHES = ("\u2012", "\u2013", "\u2014", "\u2015")
# [letters] a word in capitals this long or longer, broken at a line end and going on in
# capitals, is one word ("AGRI-" + "CULTURE"); a shorter one may be a code ("PK-" + "LQP")
_CAPITALS_WORD = 3


def page_compounds(texts: Iterable[str]) -> frozenset[str]:
    """The compounds the page writes whole inside its lines, each two neighbours of one
    ("mother-in-law": "mother-in", "in-law"), in lower case."""
    return frozenset(f"{a}-{z}" for text in texts if "-" in text
                     for m in _COMPOUND.findall(text.lower()) for a, z in pairwise(m.split("-")))


def joined(texts: Sequence[str], compounds: frozenset[str] = frozenset()
           ) -> tuple[str, tuple[WordBreak, ...]]:
    """Lines of one paragraph joined: hyphenation undone, no space at CJK seams; the hyphen of
    a compound the page writes whole elsewhere (``compounds``, in lower case) stays. With the
    text, the lines (indexes into ``texts``) whose last word goes on at the next line: what a
    writer of the lines marks as a word broken."""
    out = ""
    breaks: list[WordBreak] = []
    last = 0  # index of the last line with text
    for i, t in enumerate(texts):
        t = t.strip()
        if not t:
            continue
        if not out:
            out = t
        elif breaks_word(out):
            stem = out.rstrip("".join(_HYPHENS))
            shown = out[len(stem):].replace(_SOFT, "")  # a hyphen drawn, not only a soft one
            word = last_word(stem)
            goes_on = t[0].islower() or t[0].isupper() and _in_capitals(word)  # "AGRI-" + "CULTURE"
            kept = bool(shown) and (not goes_on or _compound(word, t, compounds))
            out = stem + ("-" if kept else "") + t
            breaks.append(WordBreak(last, kept))
        elif joins_without_space(out, t) or _closed_dash(out, t):
            out += t
        else:
            out += " " + t
        last = i
    return out.replace(_SOFT, ""), tuple(breaks)


def last_word(text: str) -> re.Match | None:
    """The letters ending ``text`` (``_LAST_WORD``), looked for in its last ``_TAIL``
    characters first: a search of the whole text tries every word of it, and a paragraph
    joined so far grows with each line (a column of hyphenated lines made it quadratic). The
    match is the whole search's: one starting past the tail's start has a non-letter before
    it; one at the tail's start may begin further back, and the whole text is searched."""
    start = len(text) - _TAIL
    if start <= 0:
        return _LAST_WORD.search(text)
    found = _LAST_WORD.search(text, start)
    return found if found is None or found.start() > start else _LAST_WORD.search(text)


def _compound(last: re.Match | None, rest: str, compounds: frozenset[str]) -> bool:
    """Whether the word before the hyphen (``last``, found in the line's end) and the one
    opening ``rest`` make a compound of ``compounds`` with a hyphen between them."""
    first = _FIRST_WORD.match(rest)
    return bool(last and first) and f"{last.group()}-{first.group()}".lower() in compounds


def _closed_dash(text: str, rest: str) -> bool:
    """Whether a line ends in a dash closed up to a letter or figure ("said—", "2018–"), or
    in a hyphen between a figure and the figure the next line (``rest``) starts with ("12-" +
    "15"): the text goes on at the next line with no space. A hyphen after a figure before a
    word is no range: OCR reads so the dash that closes an item of a market report or a price
    list ("106 à 110-" + "son, 65", "5 à 5.50-" + "mouton", BnF 1924), spaced in print."""
    return len(text) > 1 and text[-2].isalnum() and (
        text.endswith(_DASHES) or text.endswith(_HYPHENS) and text[-2].isdigit() and rest[:1].isdigit())


def breaks_word(text: str) -> bool:
    """Whether a line ends in a word broken by a hyphen (a letter, then the hyphen, soft
    hyphens before or after it, ``_SOFT``): the word goes on at the next line's start. A dash
    after a space ("… 47.70 -") breaks no word."""
    text = text.rstrip()
    if not text.endswith(_HYPHENS):
        return False
    stem = text.rstrip(_SOFT)
    stem = (stem[:-1] if stem.endswith(_HYPHENS) else stem).rstrip(_SOFT)
    return stem[-1:].isalpha()


def _in_capitals(last: re.Match | None) -> bool:
    """Whether the word before the hyphen is set in capitals, ``_CAPITALS_WORD`` letters or more."""
    return bool(last) and len(last.group()) >= _CAPITALS_WORD and last.group().isupper()
