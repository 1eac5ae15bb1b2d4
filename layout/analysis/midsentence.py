"""Whether a column's text breaks off mid-sentence and whether the text at the top of the next
column goes on from it mid-sentence: the evidence, read from the words and measures of the
page, that ``flow`` joins a column's foot to the next column's top by.

No paragraph starts with a word in lower case, and a paragraph's last line ends in a full stop
or short of its measure: text at the top of a column opening in lower case goes on from text at
the foot of the column before that closes no paragraph, set to the same measure.
"""

from __future__ import annotations

import re

from .placement import Unit
from .titles import line_ends_text

# [share of the wider] how much the widths of two columns of one story's text may differ
MEASURE = 0.1
# [share of its block's width] how much shorter than its block a full line of running text may be
FULL_LINE = 0.1
# [lines] fewest lines of running text going on at the top of a column
RUNNING_LINES = 3
# a word as printed: letters or digits, joined by apostrophes or hyphens, in its quotation marks and
# punctuation ('said," he'); or a quotation mark set apart (guillemets: "naïf « surveillé », la")
WORD = re.compile(r"[«(\[\"“‘]?[^\W_]+(?:['’-][^\W_]+)*-?[,;:.!?»)\]\"”’']*|[«»“”„][,;:.!?]*")
# a word of letters alone, joined by apostrophes or hyphens ("l'homme", "peut-être", "ar-")
LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*-?")


def starts_mid_sentence(u: Unit) -> bool:
    """Whether u is running text (``RUNNING_LINES`` lines at least, half of them at least
    full: ``FULL_LINE``) whose first word is in lower-case letters (``LETTERS``: "l'homme"
    too), two at least (a letter alone may be a misread mark), and whose first line reads as words
    (``WORD``: OCR's misreadings, "ï-e", "ïk Petit Joumaïï%f| ~", are no evidence): no
    paragraph starts so. An advertisement's short lines under its title ("des anémiés / des
    convalescents") are no running text."""
    b = u.block
    if b is None or b.role != "body" or len(b.lines) < RUNNING_LINES:
        return False
    words = b.lines[0].text.split()
    first = words[0].rstrip(",;:.\"”’") if words else ""
    return len(first) >= 2 and first.islower() and LETTERS.fullmatch(first) is not None \
        and all(map(WORD.fullmatch, words)) \
        and 2 * sum(ln.box.width >= (1 - FULL_LINE) * b.box.width for ln in b.lines) >= len(b.lines)


def broken_off(end: Unit, top: Unit) -> bool:
    """Whether the text at the foot of the column before (``end``, as ``_column_end`` finds
    it) breaks off mid-sentence for ``top`` to go on with: its last line closes no paragraph
    (``titles.line_ends_text``) and both are set to one measure (their widths within
    ``MEASURE`` of the wider), as a story's columns are; an advertisement's text is not."""
    if end.block is None or line_ends_text(end.block.lines[-1], end.box):
        return False
    return abs(end.box.width - top.box.width) <= MEASURE * max(end.box.width, top.box.width)
