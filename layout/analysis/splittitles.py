"""Titles set atop their text in one block, split off it as crossheads (part of stage 3,
``roles.py``).

OCR and some producers set an item's title in the body size in one block with its text. Where
the file states no type style (Tesseract, Transkribus, OCR-D), nothing but the geometry and the
letters tell the title from the text: centred in the measure, in capitals, after a line that
ends the text before it; or, where the engine boxed the title the measure wide (KB's
``BINNENGEKOMEN.``, 944 px for 14 letters) or the printer spaced its letters, a line far wider
than its letters (``spread``), measured against the letter width of the page's running text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from ..geometry import union_all
from ..model import Block, Line
from .patterns import in_capitals
from .titles import TITLE_CHARS, centred, line_ends_text

# [lines] most lines of a title in one block (over a byline, or alone: ``_one_title``)
TITLE_LINES = 2
# [characters] a line of running text holds at least this many: its width per character is
# the page's letter width (``letter_width``); [share of the body size] its type is the body's
# within this
_RUNNING_CHARS = 20
_BODY_SIZE = 0.1
# [times the running text's letter width, in the line's size] a line at least this wide per
# character is spread: capitals set solid run about 1.4 times as wide as running text, a title
# an engine boxed the measure wide 4 to 8 times (``BINNENGEKOMEN.`` 4.1, ``SPANJEN.`` 7.6); a
# line of an ad or a word misread short runs 2 to 2.5 (``OIDËR ÜELMOMD.``)
_SPREAD = 3.0


def letter_width(blocks: Sequence[Block], body: float) -> float:
    """The width per character of the page's running text, in ems of its type: the median over
    the lines of ``_RUNNING_CHARS`` characters or more set in the body size (0.0 when there are
    none: then no line is ``spread``)."""
    widths = [ln.box.width / len(ln.text) / ln.size for b in blocks if abs(b.size - body) <= _BODY_SIZE * body
              for ln in b.lines if len(ln.text) >= _RUNNING_CHARS and ln.size > 0]
    return median(widths) if widths else 0.0


def spread(line: Line, letter: float, body: float) -> bool:
    """Whether a line's words are ``_SPREAD`` times wider than its characters set as the running
    text's in the line's own size (``letter``: ``letter_width``, in ems; ``body``: the size of
    a line stating none): a title boxed the measure wide or letter-spaced, not display type.
    Its words' own widths count, not the white between them: words far apart on a line (a row
    of a table, a line an engine read in part) are no title. A word holding spaces (an engine
    without word boxes writes a line as one string) has the white in its width: not judged."""
    chars = len(line.text.strip())
    return letter > 0 and chars > 0 and not any(" " in w.text.strip() for w in line.words) and \
        sum(w.box.width for w in line.words) >= _SPREAD * letter * chars * (line.size or body)


def split_title(b: Block, body: float, letter: float) -> list[Block]:
    """Lines in capitals centred over the text under them, or ``spread`` (``letter``: the
    running text's letter width in ems) under a line that ends the text before them, each as a
    crosshead of its own. Atop its block a spread line has nothing but its box to speak for
    it: a word an engine boxed wide over its text, a word misread short, is no title.

    OCR and some producers set an item's title (``LE MONDE ET LA VILLE``, ``NOUVEAU RECORD
    BATTU``) in one block with its text when it is in the body size: atop the block, or after
    a line that ends the text before it. It is read as a heading where it stands, not as the
    headline of a story of its own: libraries differ on whether such items are articles (a
    column of short news under one section title, or one article per item), and a heading
    in place keeps the text in order either way.
    """
    lines = b.lines
    if len(lines) < 2 or _one_title(lines):
        return [b]
    measure = b.box
    cuts = [k for k in range(len(lines) - 1)  # (a body line fails the first two: asked first)
            if len(lines[k].text) <= TITLE_CHARS
            and (centred(lines[k].box, measure, body) or k > 0 and spread(lines[k], letter, body))
            and (k == 0 or line_ends_text(lines[k - 1], measure)) and in_capitals(lines[k].text)]
    if not cuts:
        return [b]
    pieces, start = [], 0
    for k in cuts:
        if k > start:
            part = lines[start:k]
            pieces.append(replace(b, lines=part, box=union_all(ln.box for ln in part)))
        pieces.append(replace(b, lines=(lines[k],), box=lines[k].box, role="crosshead"))
        start = k + 1
    pieces.append(replace(b, lines=lines[start:], box=union_all(ln.box for ln in lines[start:])))
    return pieces


def _one_title(lines: Sequence[Line]) -> bool:
    """Whether the lines are one title, not a title atop its text: ``TITLE_LINES`` short lines
    with no text under them (``ETAT-CIVIL`` over "du mardi 16 décembre 1924", centred, one
    block); the roles stage judges such a block whole (``titles.name_titles``)."""
    return len(lines) <= TITLE_LINES and all(len(ln.text) <= TITLE_CHARS for ln in lines)
