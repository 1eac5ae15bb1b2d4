"""The words of an ALTO ``TextLine`` as read, and the printed lines they lie on.

Shared by the page reader (``alto.read_page``) and the ground truth built from ALTO files
(``alto.element_text``, ``truth.bl``), so that truth and output read the same words. It runs
for every word of every page, so it works on tuples and floats: a word is a ``Part``, its
``String`` element, its text and its box ``(x0, y0, x1, y1)`` in pixels (None when a
coordinate is missing), each attribute read once. What the words of a printed line say of its
type (``glyph_height``, ``letter_kinds``, ``boxed_to_ink``, and ``type_heights`` on a page
stating no sizes), which the page reader sizes the words by, is here too, with the titles boxed
flat (``title_regions``): the PAGE and hOCR readers size their lines through ``line_types``
and ``title_regions`` too, so that a page reads alike whichever engine wrote it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from functools import lru_cache
from statistics import median
from typing import TYPE_CHECKING, NamedTuple

from lxml import etree

from .sideways import along_sideways_line, rotation_of
from .xml import split_tag

if TYPE_CHECKING:  # alto imports this module
    from ..model import Box
    from .alto import AltoFile

Coords = tuple[float, float, float, float]  # x0, y0, x1, y1 [px]
Part = tuple[etree._Element, str, Coords | None]  # a String, its text as read, its box
_HYPHENS = ("-", "\u00ad", "\u2010", "\u2011")


def printed_lines(alto: AltoFile, line: etree._Element) -> list[list[Part]]:
    """The non-empty words of a ``TextLine``, as the printed lines they lie on, top to bottom
    (``split_lines``)."""
    parts = line_words(alto, line)
    return split_lines(parts, line) if len(parts) > 1 else [parts] if parts else []


def split_lines(parts: list[Part], line: etree._Element) -> list[list[Part]]:
    """The words of a ``TextLine`` (``line_words``, two or more) as the printed lines they lie
    on, top to bottom (``printed_rows``). Normally one. Some files put the words of several
    printed lines into one TextLine (RERO's EZR issue of 1840 has whole blocks in one line,
    bottom line first). A line set sideways, a word a row, comes in the order it reads
    (``along_sideways_line``, by the ``ROTATION`` the file gives it or its block, else by its
    words' order)."""
    boxes = [box for _, _, box in parts]
    rows = None if None in boxes else printed_rows(boxes)
    if rows is None:
        return [parts]
    rows = along_sideways_line(rows, boxes, rotation_of(line))
    return [[parts[k] for k in row] for row in rows]


def printed_rows(boxes: list[Coords]) -> list[list[int]] | None:
    """The words of one line an OCR engine found (their boxes, in its order) split into the
    printed lines they lie on, top to bottom, as positions in ``boxes``, each row in the
    engine's order; None when they lie on one (most lines). Split by height, when words stand
    over one another (``_stacked``): a line of a skewed scan climbs or falls by more than its
    height from end to end, but its words still follow one another across. Shared by the
    ALTO and hOCR readers (an hOCR ``ocrx_line`` may hold several printed lines too)."""
    typical = sorted([y1 - y0 for _, y0, _, y1 in boxes])[len(boxes) // 2]
    middles = [(y0 + y1) / 2 for _, y0, _, y1 in boxes]
    if on_one_row(max(middles) - min(middles), typical, lambda: boxes):
        return None
    rows: list[list[int]] = []
    for k in sorted(range(len(boxes)), key=middles.__getitem__):
        if rows and middles[k] - middles[rows[-1][0]] <= typical / 2:
            rows[-1].append(k)
        else:
            rows.append([k])
    return [sorted(row) for row in rows]


def on_one_row(spread: float, typical: float, boxes: Callable[[], list[Coords]]) -> bool:
    """Whether the words of a line lie on one printed row (``printed_rows``): the middles of
    their heights spread (``spread``, top to bottom) no more than their median height
    (``typical``), or none stands over another (their ``boxes``, asked for only then)."""
    return spread <= typical or not _stacked(boxes())


# [share of the narrower word's width] two words of one TextLine overlapping this much across
# stand over one another: they lie on two printed lines (OCR boxes of neighbours may touch)
_STACKED = 0.5


def _stacked(boxes: list[Coords]) -> bool:
    """Whether two of the words overlap across by ``_STACKED`` of the narrower: each word is
    compared, in order of x0, with the one reaching furthest right before it."""
    reach: Coords | None = None
    for box in sorted(boxes):
        if reach is not None and reach[2] - box[0] > _STACKED * min(box[2] - box[0], reach[2] - reach[0]):
            return True
        if reach is None or box[2] > reach[2]:
            reach = box
    return False


def line_words(alto: AltoFile, line: etree._Element) -> list[Part]:
    """The words of a ``TextLine`` as ``Part``s (``read_line``): a word with a coordinate
    missing or not a finite number has no box."""
    return parts_of(read_line(alto, line, _NO_PAGE))


def parts_of(read: LineRead) -> list[Part]:
    """A line's words as read (``read_line``) as ``Part``s, those without a box boxed None."""
    words, tops, bottoms, _, boxless = read
    return [(string, text, None if k in boxless else (x0, y0, x1, y1))
            for k, ((string, text, x0, x1), y0, y1) in enumerate(zip(words, tops, bottoms))]


class LineRead(NamedTuple):
    """A TextLine's words as read (``read_line``): each (String, text, x0, x1), their tops and
    bottoms [px], whether all lie clear inside the page, and the positions of those without a box."""

    words: list[tuple[etree._Element, str, float, float]]
    tops: list[float]
    bottoms: list[float]
    clear: bool
    boxless: set[int]


_NO_PAGE = (math.inf, math.inf)  # the size of a page no box lies beyond, for ``line_words``


def read_line(alto: AltoFile, line: etree._Element, size: tuple[float, float]) -> LineRead:
    """The words of a ``TextLine`` in file order, those of blank text left out, each read in one
    look at its attributes; a word broken at the line end (``SUBS_TYPE="HypPart1"``, or
    followed by a ``HYP`` element) ends in "-". Each box as ``raw_box`` gives it; one with a
    coordinate missing or not a finite number is NaN and its position is in the set returned.
    The flag says whether every box lies inside a page of ``size`` (width, height) [px], clear
    of its edges and none upside down, so that the words need no clipping (most lines): one
    chained comparison a word, which also fails for a box not finite. This runs for every
    word: attributes are named in bytes, which lxml takes without encoding them, and a file
    in pixels is not scaled."""
    (string_tag, hyp_tag), scale = alto.word_tags, alto.scale
    width, height = size
    # the Strings followed by a HYP (before the next String)
    hyphenated = {broken for hyp in line.iterchildren(hyp_tag)
                  for broken in [next(hyp.itersiblings(string_tag, preceding=True), None)]
                  if broken is not None}
    words, tops, bottoms, boxless, clear = [], [], [], set(), True
    for string in line.iterchildren(string_tag):
        get = string.get
        text = get(b"CONTENT") or ""
        # (most words are not broken: asked first, that spares them the look at their end)
        if (get(b"SUBS_TYPE") == "HypPart1" or hyphenated and string in hyphenated) and text and \
                not text.endswith(_HYPHENS):
            text += "-"
        if not text.strip():
            continue
        try:
            x, y = float(get(b"HPOS")), float(get(b"VPOS"))
            w, h = float(get(b"WIDTH")), float(get(b"HEIGHT"))
        except (TypeError, ValueError):
            x = y = w = h = math.nan
        if scale != 1.0:
            x, y, w, h = x * scale, y * scale, w * scale, h * scale
        x1, y1 = x + w, y + h
        if not (0.0 < x <= x1 < width and 0.0 < y <= y1 < height):
            clear = False
            # all four finite (x - x is 0 for a finite x, NaN for an infinite or NaN one)
            if (x - x) + (y - y) + (w - w) + (h - h) != 0.0:
                boxless.add(len(words))
        words.append((string, text, x, x1))
        tops.append(y)
        bottoms.append(y1)
    return LineRead(words, tops, bottoms, clear, boxless)


def raw_box(element: etree._Element, scale: float) -> Coords | None:
    """The element's box in pixels (its ALTO units times ``scale``), None when a coordinate
    is missing or not a finite number ("1e400", "NaN")."""
    get = element.get
    try:  # (attributes named in bytes: see ``read_line``)
        x, y = float(get(b"HPOS")) * scale, float(get(b"VPOS")) * scale
        w, h = float(get(b"WIDTH")) * scale, float(get(b"HEIGHT")) * scale
    except (TypeError, ValueError):
        return None
    # all four finite, as in ``read_line``
    return (x, y, x + w, y + h) if (x - x) + (y - y) + (w - w) + (h - h) == 0.0 else None


def element_name(element: etree._Element) -> str:
    """How errors name an element: its tag and ID."""
    return f"{split_tag(element.tag)[1]} {element.get('ID') or '(no ID)'}"


# [share of the page's median line height] a line this flat was boxed wrongly: KB's OCR boxes
# a centred title 2 px tall (its TextBlock, holding only it, is 33 px, as tall as a line)
_FLATTENED = 0.25
# [median line heights] the tallest TextBlock whose height such a line takes instead
_TITLE_BLOCK = 3.0


def title_regions(heights: list[float], region: Callable[[int], Coords | None]) -> dict[int, Coords]:
    """The box of the region each flattened line takes its top and bottom from: a line far
    flatter than the page's median line (``_FLATTENED``) whose region holds only it and is no
    taller than ``_TITLE_BLOCK`` median lines. ``heights``: each printed line's height;
    ``region(k)``: the box of line k's region when that region holds no other line, else
    None (asked for the flattened lines only). Shared by the OCR readers (ALTO TextBlock,
    PAGE TextRegion, hOCR ocr_carea)."""
    if not heights:
        return {}
    typical = sorted(heights)[len(heights) // 2]
    found = {}
    for k, height in enumerate(heights):
        box = region(k) if height < _FLATTENED * typical else None
        if box is not None and box[3] - box[1] <= _TITLE_BLOCK * typical:
            found[k] = box
    return found


# [share of the type's height] the height of a capital letter, ascender to descender being 1;
# [share of the tallest word's height] a line whose shortest word is lower is boxed to its ink
# (of a line's with a descender, for lines boxed whole: ``_lines_boxed_to_ink``)
CAP_HEIGHT = 0.7
_INKED = 0.9
# [lines] the fewest lines with and without a descender that tell how lines are boxed
_LINES_OF_EACH = 5


def glyph_height(heights: list[float]) -> float:
    """The height of a printed line's type: the upper quartile of its words' heights. Not the
    TextLine's own height, which one word set off its baseline by the OCR stretches (a line of
    55 px words 84 px tall would pass for a headline); not the median either, which a line of
    short lower-case words (no ascender, no descender) pulls below the type size."""
    return sorted(heights)[(3 * len(heights)) // 4]


def boxed_to_ink(rows: list[tuple[list[tuple[etree._Element, str, float, float]], list[float]]]) -> bool:
    """Whether the page's words are boxed tight to their ink, as OCR engines box them: in
    most lines of three words or more, the shortest word is under ``_INKED`` of the tallest
    ("un" beside "Quinzième"). Words boxed at their line's height (ALTO we wrote) are not.
    ``rows``: each printed line's words and their heights.

    A file with no word boxes (each TextLine one String, as eScriptorium or Transkribus write
    lines they did not cut into words) has no such lines; there the lines themselves say it:
    those of lower-case text with no letter reaching below the baseline are then mostly under
    ``_INKED`` of the height of those with one (``_lines_boxed_to_ink``)."""
    spreads = sorted(min(h) / max(h) for _, h in rows if len(h) >= 3 and max(h) > 0)
    if spreads:
        return spreads[len(spreads) // 2] < _INKED
    return _lines_boxed_to_ink(rows)


def _lines_boxed_to_ink(rows: list[tuple[list[tuple[etree._Element, str, float, float]], list[float]]]
                        ) -> bool:
    """Whether lines boxed whole are boxed to their ink: the median height of the lines of
    lower-case letters without a descender is under ``_INKED`` of that of the lines with one
    (at least ``_LINES_OF_EACH`` of each; fewer say nothing)."""
    short, full = [], []
    for row, heights in rows:
        text = " ".join(word[1] for word in row)
        letters, capitals, descending = _letters(text)
        if letters and not capitals:
            (full if descending else short).append(max(heights))
    if min(len(short), len(full)) < _LINES_OF_EACH:
        return False
    return median(short) < _INKED * median(full)


def letter_kinds(row: list[tuple[etree._Element, str, float, float]]) -> tuple[bool, bool]:
    """Whether every word of the line is in capitals with none reaching below the baseline:
    boxed tight to the ink, it is its capital height tall, about ``CAP_HEIGHT`` of its
    type's (a title in capitals at the body size; a capital headline ABBYY gave the body's
    size); and whether no letter of it reaches below: then it may be that short ("Tweede
    Kamer."), and its style's size is doubted only beyond that. The words are judged joined,
    in one look (``_letters``): every word in capitals is every letter of the line in capitals,
    as a word without letters has none to count. (It runs for every line of a page boxed to
    its ink.)"""
    letters, capitals, descending = _letters(" ".join([word[1] for word in row]))
    return (capitals, not descending) if letters else (False, False)


# Letters reaching below the baseline: lower-case ones, and the capitals J and Q in many faces
_BELOW = frozenset("gjpqy")
_DESCENDING = _BELOW | frozenset("QJ")
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _letters(text: str) -> tuple[bool, bool, bool]:
    """Whether a text has letters, whether they are all capitals standing on the baseline,
    whether one reaches below it. A text holding a lower-case letter a-z (most lines) is told
    by that at once; an ASCII text by string methods (its letters are A-Z and a-z: in
    capitals when it has no lower-case one); any other letter by letter."""
    descending = not _DESCENDING.isdisjoint(text)
    if not _ASCII_LOWER.isdisjoint(text):
        return True, False, descending
    if text.isascii():
        has = any(map(str.isalpha, text))
        return has, (not has or text.isupper()) and "Q" not in text and "J" not in text, descending
    letters = [c for c in text if c.isalpha()]
    return bool(letters), all(c.isupper() and c not in "QJ" for c in letters), descending


# Lower-case letters that stay between the baseline and the x-height (those reaching below:
# ``_BELOW``); every other letter (capitals, digits, ascenders, accented letters)
# reaches above the x-height. [words] the fewest words of a kind that tell its height.
_X_LETTERS = frozenset("acemnorsuvwxz")
# Capitals standing between the baseline and the capital height: not J and Q, which reach
# below in many faces, nor an accented capital or a cedilla, which reach beyond
_PLAIN_CAPITALS = frozenset("ABCDEFGHIKLMNOPRSTUVWXYZ")
_WORDS_OF_A_KIND = 20


@lru_cache(maxsize=4096)
def _reach(text: str) -> int | None:
    """How far a word's letters reach: 0 above the x-height and below the baseline, 1 above
    only, 2 below only, 3 neither, 4 a word in plain capitals (``_PLAIN_CAPITALS``: their
    height is ``CAP_HEIGHT``, not the ascenders'); None for a word without letters, or in
    capitals of which one reaches beyond ("JOURNAL", "SPÉCIAUX"), which tells no height."""
    up = down = lower = has = False
    for c in text:
        if c.isalpha():
            has = True
            lower = lower or not c.isupper()
            if c in _BELOW:
                down = True
            elif c not in _X_LETTERS:
                up = True
    if not has:
        return None
    if not lower:
        return 4 if _PLAIN_CAPITALS.issuperset(c for c in text if c.isalpha()) else None
    return 0 if up and down else 1 if up else 2 if down else 3


Measured = tuple[list[tuple[object, str, float, float]], list[float]]


def line_types(measured: list[Measured], sizes_stated: Callable[[], bool]
               ) -> tuple[list[float], list[tuple[bool, bool]]]:
    """The height of each printed line's type (ascender to descender) and its ``letter_kinds``,
    from its words: ``measured`` holds each line's words (anything, text, x0, x1) and their
    heights. On a page boxed to its ink (``boxed_to_ink``) that states no sizes
    (``sizes_stated``, asked only then), the page's letters size it (``type_heights``); else
    each line is its ``glyph_height`` tall, a line in capitals boxed to its ink its capital
    height (``CAP_HEIGHT``). Shared by the readers of OCR files (ALTO, PAGE, hOCR), so that a
    page sizes alike whichever engine wrote it."""
    inked = boxed_to_ink(measured)
    kinds = [letter_kinds(row) if inked else (False, False) for row, _ in measured]
    types = (inked and not sizes_stated() and type_heights(measured)) or [
        glyph_height(heights) / (CAP_HEIGHT if capitals else 1.0)
        for (_, heights), (capitals, _) in zip(measured, kinds)]
    return types, kinds


def boxed_line_types(lines: list[list[tuple[object, str, Box]]], line_boxes: list[Box],
                     titles: Collection[int], sizes: Callable[[], list]) -> list[float]:
    """The type height of each line of a PAGE or hOCR page, measured from its words (element,
    text, box) as the ALTO reader measures it (``line_types``); a title boxed flat (its index
    in ``titles``, from ``title_regions``) by its line's box, which spans its region. ``sizes``:
    the words' stated sizes (None where none), asked only on a page boxed to its ink: when
    most words state one, the page is not sized by its letters."""
    measured = [([(element, text, b.x0, b.x1) for element, text, b in words],
                 [box.height] * len(words) if k in titles else [b.height for *_, b in words] or [box.height])
                for k, (words, box) in enumerate(zip(lines, line_boxes))]
    return line_types(measured, lambda: _most_stated(sizes()))[0]


def _most_stated(sizes: list) -> bool:
    """Whether most of ``sizes`` are stated (not None), and there is one at least."""
    return 2 * sum(size is not None for size in sizes) >= len(sizes) > 0


def type_heights(rows: list[tuple[list[tuple[etree._Element, str, float, float]], list[float]]]
                 ) -> list[float] | None:
    """The height of each printed line's type (ascender to descender) on a page whose words
    are boxed to their ink (``boxed_to_ink``), from the page's own letters: a word is as tall
    as the letters it holds reach ("mieux" is its x-height tall, "genre" reaches below, "Theil"
    above), so each kind of word is measured against the words reaching both ways, by the
    median heights of each kind on the page (words in capitals by ``CAP_HEIGHT``), and a
    line's type is the upper quartile of its words' heights so scaled, as in ``glyph_height``
    (of those reaching up or down, when it has any: the x-height is the least sure measure).
    Line heights vary by a fifth with the letters a line happens to hold (body lines of 33 and
    39 px on one page of the Luxemburger Zeitung), which cuts its body into blocks of two
    sizes; so scaled, they agree within a few per cent. None when the page has under
    ``_WORDS_OF_A_KIND`` words reaching both ways: ``glyph_height`` then."""
    kinds = [[_reach(word[1]) for word in row] for row, _ in rows]
    heights: list[list[float]] = [[], [], [], [], []]
    for row_kinds, (_, row_heights) in zip(kinds, rows):
        for kind, height in zip(row_kinds, row_heights):
            if kind is not None and height > 0:
                heights[kind].append(height)
    if len(heights[0]) < _WORDS_OF_A_KIND:
        return None
    full = median(heights[0])
    share = [median(h) / full if len(h) >= _WORDS_OF_A_KIND else None for h in heights[:4]]
    share.append(CAP_HEIGHT)  # capitals: on a page of lower-case text, mostly a title's
    out = []
    for row_kinds, (_, row_heights) in zip(kinds, rows):
        scaled = [(kind == 3, height / share[kind]) for kind, height in zip(row_kinds, row_heights)
                  if kind is not None and share[kind] and height > 0]
        sure = [h for x_only, h in scaled if not x_only] or [h for _, h in scaled]
        out.append(glyph_height(sure or row_heights))
    return out
