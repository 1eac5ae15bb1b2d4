"""Whether a column's text breaks off mid-sentence and whether the text at the top of the next
column goes on from it mid-sentence: the evidence, read from the words and measures of the
page, that ``flow`` joins a column's foot to the next column's top by.

No paragraph starts with a word in lower case, and a paragraph's last line ends in a full stop
or short of its measure: text at the top of a column opening in lower case goes on from text at
the foot of the column before that closes no paragraph, set to the same measure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .hyphens import breaks_word
from .placement import Unit
from .titles import line_ends_text
from .typematch import line_pitch

# [share of the wider] how much the widths of two columns of one story's text may differ
MEASURE = 0.1
# [share of its block's width] how much shorter than its block a full line of running text may be
FULL_LINE = 0.1
# [share of the larger] how much the line pitches (``typematch.line_pitch``) of two columns of
# one story's text may differ
LEADING = 0.1
# [lines] fewest lines of running text going on at the top of a column
RUNNING_LINES = 3
# [share of its words] how many words of a column's first line must read as words (``WORD``)
# for it to open mid-sentence across a rule (``flow._column_end``): one misread word in a line
# of a dozen on a scan ("Böhmiſch-Schleſt-“") still leaves the line read
READ_ACROSS = 0.75
# a word as printed: letters or digits, joined by apostrophes or hyphens, in its quotation marks and
# punctuation ('said," he'); or a quotation mark set apart (guillemets: "naïf « surveillé », la")
WORD = re.compile(r"[«(\[\"“‘]?[^\W_]+(?:['’-][^\W_]+)*-?[,;:.!?»)\]\"”’']*|[«»“”„][,;:.!?]*")
# a word of letters alone, joined by apostrophes or hyphens ("l'homme", "peut-être", "ar-")
LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*-?")


def starts_mid_sentence(u: Unit, read: float = 1.0) -> bool:
    """Whether u is running text (``RUNNING_LINES`` lines at least, half of them at least
    full: ``FULL_LINE``) whose first word is in lower-case letters (``LETTERS``: "l'homme"
    too), two at least (a letter alone may be a misread mark), and whose first line reads as words
    (``WORD``: OCR's misreadings, "ï-e", "ïk Petit Joumaïï%f| ~", are no evidence; ``read``: the
    share of its words that must, all by default): no paragraph starts so. An advertisement's short lines under its title ("des anémiés / des
    convalescents") are no running text."""
    b = u.block
    if b is None or b.role != "body" or len(b.lines) < RUNNING_LINES:
        return False
    words = b.lines[0].text.split()
    first = words[0].rstrip(",;:.\"”’") if words else ""
    return len(first) >= 2 and first.islower() and LETTERS.fullmatch(first) is not None \
        and sum(WORD.fullmatch(w) is not None for w in words) >= read * len(words) \
        and 2 * sum(ln.box.width >= (1 - FULL_LINE) * b.box.width for ln in b.lines) >= len(b.lines)


def broken_off(end: Unit, top: Unit) -> bool:
    """Whether the text at the foot of the column before (``end``, as ``_column_end`` finds
    it) breaks off mid-sentence for ``top`` to go on with: its last line closes no paragraph
    (``titles.line_ends_text``) and both are set to one measure (their widths within
    ``MEASURE`` of the wider), as a story's columns are; an advertisement's text is not."""
    if end.block is None or line_ends_text(end.block.lines[-1], end.box):
        return False
    return abs(end.box.width - top.box.width) <= MEASURE * max(end.box.width, top.box.width)


def runs_across(column: Sequence[Unit], top: Unit) -> Unit | None:
    """The unit at the foot of ``column`` (the units of the column before, in ``top``'s type,
    a rule drawn between them and ``top``) that ``top``, heading its column, goes on from: a
    rule between columns parts stories and also runs down the middle of one, so the page's
    words decide. ``top`` opens mid-sentence (``starts_mid_sentence``, ``READ_ACROSS`` of its
    first line read as words), the foot of the column before breaks off mid-sentence in its
    measure (``broken_off``), and the two are set in one leading (the line pitch of ``top`` and
    of the lowest unit of the column that has one within ``LEADING`` of the larger): one story's
    text, whatever rule stands between (NZZ 1813: "… In Schlesien geht die Li-" | "nie der
    Französischen Armee"). A column closing its sentence is not gone on from across a rule::

        ░A░░░ ┃ ░r░░░        r opens in lower case across the rule, A breaks off in the
        ░A░░░ ┃ ░r░░░        same measure and leading: r goes on from A
        ░A░ - ┃ ░r░░░

    None with no such unit."""
    if not column or not starts_mid_sentence(top, READ_ACROSS):
        return None
    lowest = sorted(column, key=lambda u: -u.box.y1)
    if not broken_off(lowest[0], top):
        return None
    pitch = line_pitch(top.block)
    theirs = next((q for q in (line_pitch(u.block) for u in lowest if u.block is not None) if q is not None), None)
    if pitch is None or theirs is None or abs(pitch - theirs) > LEADING * max(pitch, theirs):
        return None
    return lowest[0]


def word_broken_for(end: Unit, top: Unit) -> bool:
    """Whether ``end``'s last line breaks a word off with a hyphen (``hyphens.breaks_word``: "à
    Don-") for ``top``, set to the same measure (``broken_off``) and opening mid-sentence
    (``starts_mid_sentence``), to end ("ville"): running text, two lines at least, whatever
    type each was read in."""
    if end.block is None or end.block.role != "body" or len(end.block.lines) < 2:
        return False
    return breaks_word(end.block.lines[-1].text) and broken_off(end, top) and starts_mid_sentence(top)
