"""OCR noise: what an OCR engine read off an ornament, a picture, a scratch or a speck, which
is no text of the page; and the badly read text inside a column, which is that column's.

Part of stage 3 (``roles.py``): a noise block is furniture, kept out of the stories. Noise is
a short block of few real words recognised with low confidence (``"H I gag B ~~~"``), which
would otherwise pass for a headline and capture the columns under it. But figures, prices and
fragments that the engine read with as little confidence inside a column of text (a table's
``46,3711`` between its rows, ``19,X35`` under them) are the column's text: a block lying
within the measure of the text above it and of the text below it, a few body sizes away,
stands where a reader reads on through it. An ornament stands apart from the text around it
(in a margin, at the page's edge, in a picture, at the foot of a column). A speck OCR read in
display type (``6~``, ``//``, ``.``) is noise too, whatever its confidence: every title has
a word in it. And a "title" the lines of running text run through (its box made tall by lines
an engine merged across a column's lines: ``IYe4Ashodo, 1 to / is 10 / to 2.`` laid over a
list of lots) is that text misread: a title stands in white of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..geometry import SAME_COLUMN, Grid, root_of, union_all, x_overlap_ratio
from ..model import Block, Box
from .display import DISPLAY

# OCR noise: blocks of at most this many lines, read with a mean confidence below this.
_NOISE_LINES = 3
_NOISE_CONFIDENCE = 0.6
_LETTER_RUN = re.compile(r"[^\W\d_]{3,}|[\u3400-\u9fff\uf900-\ufaff]+")
_HYPHENATED = re.compile(r"[^\W\d_][-¬]\s*$")  # a word broken at its line's end
_SPACED_LETTERS = re.compile(r"(?<=\b[^\W\d_]) (?=[^\W\d_]\b)")
# [body sizes] most white space between a badly read block and the text above and below it
# whose column holds it (``_in_column``); how far it may stand out of that text's measure
_COLUMN_REACH = 3.0
_MEASURE_SLACK = 1.0
# [share of the body size] least size of a badly read block read as a column's text: figures
# and words are set in the column's type; a speck or a scratch is smaller
_TEXT_SIZE = 0.85
# Least lines of a block of running text, whose lines run through no title (``_run_through``),
# and [share of the title's width] how much of it such a line runs across
_RUNNING_LINES = 3
_ACROSS = 0.5
# Most lines of a block that may be a title (``roles``: a headline has six at most)
_TITLE_LINES = 6
# [body sizes] how far over the top of a title the OCR could not read (``unread_cuts``) the
# cut it makes lies: in the white over it, so that it opens the story under the cut; and most
# white between such a title and the text under it that it heads
_UNREAD_CUT = 0.25
_UNREAD_UNDER = 2.0


def ocr_noise(blocks: Sequence[Block], kept: Sequence[bool], pictures: Sequence[Box],
              body: float) -> tuple[list[bool], list[bool]]:
    """Per block, whether it is OCR noise (read badly, ``_illegible``, or a speck, ``_speck``);
    and whether it is no title: noise or not, read badly, a speck, or run through by the
    lines of running text (``_run_through``). A badly read block is a column's text, not
    noise, when it is set in about the body size (``_TEXT_SIZE``), its centre lies outside
    every picture, and the text around it holds it (``_in_column``). The roles stage never
    makes a badly read block a title (a headline by its size, a crosshead, a title in
    capitals): its letters are no evidence of one, and a title read as ``jSU A. O U M- *§»
    JE`` would capture the column beside it.

    ``kept``: per block, whether it is set apart already (a furniture band's): such a block
    is no column text to hold a badly read one. A badly read block held by the text around it
    is text in turn, and may hold the one next to it (a table's column of figures, each
    read badly): the test runs again until no block changes. Rows read badly one under the
    other, with text above the first and below the last, are held together (``_stacks``):
    neither has text on both sides alone.
    """
    noise = [_illegible(b) or _speck(b, body) for b in blocks]
    titled = [len(b.lines) <= _TITLE_LINES and _read(b) for b in blocks]  # OCR text that may be a title
    running = [o for o in blocks if len(o.lines) >= _RUNNING_LINES and o.size < DISPLAY * body] if any(titled) else []
    filed_running = Grid([o.box for o in running], _COLUMN_REACH * body)
    illegible = [n or t and _run_through(b, running, filed_running) for b, n, t in zip(blocks, noise, titled)]
    unsure = [k for k, n in enumerate(noise) if n and blocks[k].size >= _TEXT_SIZE * body
              and not _in_picture(blocks[k].box, pictures)]
    if not unsure:  # (every born-digital page: no confidences) no text to file
        return noise, illegible
    text = [b.box for b, n, k in zip(blocks, noise, kept) if not n and not k]
    filed = Grid(text, _COLUMN_REACH * body)  # the text near a block, without a scan of all
    while unsure:
        held = [k for k in unsure if _in_column(blocks[k].box, text, filed, body)] \
            or [k for stack in _stacks([blocks[k].box for k in unsure], body)
                if _in_column(union_all(blocks[unsure[i]].box for i in stack), text, filed, body)
                for k in (unsure[i] for i in stack)]
        for k in held:
            noise[k] = False
            if not kept[k]:
                filed.add(len(text), blocks[k].box)
                text.append(blocks[k].box)
        unsure = [k for k in unsure if noise[k]] if held else []
    return noise, illegible


def unread_title(b: Block, body: float) -> bool:
    """Whether the block is a title the OCR engine could not read: set in display type
    (``DISPLAY`` body sizes or more) and read badly (``_illegible``: ``- G G QIB# -`` over a
    racing column, Le Gaulois 1884 p3). Held in a column as its text, it is no title to head a
    story (its letters are no evidence of one), but it still ends the story above it: the
    stories stage cuts the columns it crosses there, as a rule would. A line whose last word
    breaks at a hyphen runs on into the next: an entry of a list set in larger type, no title
    (``b.a.v7s-o7t, & DAVI-`` / ``SON.``, Liverpool Standard 1832 p1)."""
    return b.size >= DISPLAY * body and not _HYPHENATED.search(b.raw_text) and _illegible(b)


def unread_cuts(blocks: Sequence[Block], body: float) -> list[Box]:
    """Where the stories stage cuts the columns (a rule's box, ``_UNREAD_CUT`` body sizes over
    its top, across its width) for each title the OCR could not read (``unread_title``) held
    in a column as its text, whose next block down the column, within ``_UNREAD_UNDER`` body
    sizes, is running text: the story above ends there, and the run under the cut is the
    title's (an advertisement over it does not take the article under it). A title with none
    under it (at the foot of its column) or over a headline (``THE NUNNEII,Y`` over ``A NEW
    OPERA``, Liverpool Standard 1832 p7) stays where it is placed."""
    cuts = []
    for t in (b for b in blocks if b.role == "body" and unread_title(b, body)):
        under = [b for b in blocks if b is not t and 0 <= b.box.y0 - t.box.y1 <= _UNREAD_UNDER * body
                 and x_overlap_ratio(b.box, t.box) >= SAME_COLUMN]
        if under and min(under, key=lambda b: b.box.y0).role == "body":
            y = t.box.y0 - _UNREAD_CUT * body
            cuts.append(Box(t.box.x0, y, t.box.x1, y))
    return cuts


def _illegible(b: Block) -> bool:
    """Recognised with low confidence, and mostly not words: OCR read an ornament or picture.

    Legible text has most of its characters in runs of three or more letters (any script;
    a letter-spaced word's letters count as one run); numbers and prices do not, so the
    confidence decides as well. Born-digital text has no confidence and is never noise.
    """
    if len(b.lines) > _NOISE_LINES:  # (asked first: a column's block has many words)
        return False
    confidences = [w.confidence for ln in b.lines for w in ln.words if w.confidence is not None]
    if not confidences or \
            sum(confidences) / len(confidences) >= _NOISE_CONFIDENCE:
        return False
    text = _SPACED_LETTERS.sub("", b.raw_text)  # a letter-spaced name: "S T H E E M A N"
    letters = sum(len(run) for run in _LETTER_RUN.findall(text))
    return letters < 0.5 * sum(not c.isspace() for c in text)


def _speck(b: Block, body: float) -> bool:
    """A mark OCR read in display type (``DISPLAY`` body sizes or more) with no word in it: no
    run of three letters (a letter-spaced word's letters count as one run), nor a CJK
    character (``6~``, ``//``, ``nr: •``); but not a letter alone, an initial the drop cap's
    join did not reach (``openings.with_drop_caps``). OCR text only (its words have
    confidences): a born-digital page's large figure ("3") is its text."""
    if b.size < DISPLAY * body:  # (most blocks: their text is not looked at)
        return False
    text = _SPACED_LETTERS.sub("", b.raw_text.strip())
    return not _LETTER_RUN.search(text) \
        and not (len(text) == 1 and text.isalpha()) and _read(b)


def _read(b: Block) -> bool:
    """Whether the block is OCR text (its words have confidences)."""
    return any(w.confidence is not None for ln in b.lines for w in ln.words)


def _run_through(b: Block, running: Sequence[Block], filed: Grid) -> bool:
    """Whether a line of running text (``running``, filed in ``filed``) runs through the block:
    its middle within the block's height, across at least half the block's width (not the
    edge of a column beside a title that reaches over it: Caen 1924 p4 ``IISIS rêt.``, cut a
    line a block). Asked of OCR text only: a born-digital word's box is its font's, whose
    ascent and descent may reach well into the lines above and below."""
    box = b.box
    return any(o is not b and box.y0 < ln.box.cy < box.y1
               and min(ln.box.x1, box.x1) - max(ln.box.x0, box.x0) >= _ACROSS * box.width
               for o in (running[j] for j in filed.near(box.x0, box.y0, box.x1, box.y1)) for ln in o.lines)


def _stacks(boxes: Sequence[Box], body: float) -> list[list[int]]:
    """Runs of two or more boxes (positions) stacked in one measure: each within
    ``_COLUMN_REACH`` body sizes under the one above (its middle below that one's foot), and
    held by its measure (or holding it)
    within ``_MEASURE_SLACK`` body sizes on either side; a table's rows read badly::

        text text text text
          — b. 21,177 b.       ← a stack: text above its first row and below its last
          Voorraad  11,658 b.
        text text text text

    """
    reach, slack = _COLUMN_REACH * body, _MEASURE_SLACK * body
    filed = Grid(boxes, reach)
    parent = list(range(len(boxes)))
    for i, a in enumerate(boxes):
        for j in filed.near(a.x0 - slack, a.y0, a.x1 + slack, a.y1 + reach):
            b = boxes[j]
            if a.y1 <= b.cy and b.y0 - a.y1 <= reach and _one_measure(a, b, slack):
                parent[root_of(parent, j)] = root_of(parent, i)
    runs: dict[int, list[int]] = {}
    for i in range(len(boxes)):
        runs.setdefault(root_of(parent, i), []).append(i)
    return [run for run in runs.values() if len(run) > 1]


def _one_measure(a: Box, b: Box, slack: float) -> bool:
    """Whether one box's measure holds the other's, ``slack`` to spare on either side."""
    return (a.x0 - slack <= b.x0 and b.x1 <= a.x1 + slack) or \
        (b.x0 - slack <= a.x0 and a.x1 <= b.x1 + slack)


def _in_picture(box: Box, pictures: Sequence[Box]) -> bool:
    return any(p.x0 <= box.cx <= p.x1 and p.y0 <= box.cy <= p.y1 for p in pictures)


def _in_column(box: Box, text: Sequence[Box], filed: Grid, body: float) -> bool:
    """Whether text (``text``, filed in ``filed``) stands above the box and text below it, each within ``_COLUMN_REACH``
    body sizes and each with a measure holding the box (``_MEASURE_SLACK`` body sizes to
    spare on either side); never when text stands level with it, its middle between a
    block's lines: a fragment beside a column's lines has no place among their words that
    the geometry can tell, and read as a paragraph of its own it would cut the text::

        text text text text
          46,3711              ← held: text above and below it, in their measure
        text text text text

    """
    reach, slack = _COLUMN_REACH * body, _MEASURE_SLACK * body
    above = below = False
    near = filed.near(box.x0 - slack, box.y0 - reach, box.x1 + slack, box.y1 + reach)
    for t in (text[i] for i in near):
        if not (t.x0 - slack <= box.x0 and box.x1 <= t.x1 + slack):
            continue
        if t.y0 <= box.cy <= t.y1:
            return False
        above = above or (t.cy < box.cy and box.y0 - t.y1 <= reach)
        below = below or (t.cy > box.cy and t.y0 - box.y1 <= reach)
    return above and below
