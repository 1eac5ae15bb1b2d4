"""A PDF page's spans, as PyMuPDF's ``get_text("dict")`` (or ``"rawdict"``) gives them, as
``Word`` values: one a span, or, on a page whose Chinese or Japanese spans run on across
gaps (``run_on_spans``), one a run of a span's characters set close together. The bold and
italic of a span come from its flags and its font's name (``font_style``).

A scan's OCR layer (text drawn invisible over the page image: a span of alpha 0) holds an
OCR engine's words, each set in a stock font stretched or sized to the width of the printed
word: a comma at twice the body size, a short word a size up or down. Its typeface and sizes
say nothing of the print, and a tall comma's box reaches into the next line. So its lines are
read as OCR sources read an engine's lines and regions (``ocrlayer``).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from operator import itemgetter

from ..analysis.script import has_cjk, is_cjk
from ..model import Box, Word
from .mupdf import pymupdf
from .ocrlayer import Piece, engine_lines
from .typesizes import pitch_sized, scaled_type_sized

_BOLD_NAMES = ("bold", "black", "heavy", "demi", "semibold", "extrabold")
_ITALIC_NAMES = ("italic", "oblique")
# [em] a span of CJK text wider than its characters set solid by more than this runs on across
# a gap; [em] such a span is cut where its characters stand further apart than _CHAR_GAP;
# [em] the width assumed for a character that is not CJK (an upper bound: most are narrower)
_RUN_ON = 0.8
_CHAR_GAP = 0.25
_LATIN_WIDTH = 0.6
# [em] a span whose box reaches higher than this above its baseline has a font box out of
# proportion to its type: no span set as-is on our 1,388 pages reaches 1.35 em (Droid Sans
# Fallback, Scribus), but a writer that converts a font (pdftocairo's Noto CJK subsets) can give
# it its glyphs' bounding box, 1.81 em above and 1.05 below, and 9.5 pt type is then boxed 27 pt
# tall, over the lines above and below; [em] such a span is boxed from its baseline by the
# ideographic em box instead (what the same font gives as set: 0.88 above, 0.12 below)
_HIGHEST_ASCENT = 1.5
_EM_ABOVE = 0.88
_EM_BELOW = 0.12
# [em] a span that prints again the text of the span before it, its baseline's start within
# this of that one's, is a copy of it: a writer that draws bold type as a filled copy and a
# stroked copy of the same text (mutool convert), a producer that fakes bold by printing a run
# twice a hair apart. Read twice, its words repeat ("西岭村深化西岭村深化"); no span on our
# 1,388 pages set as-is repeats the one before it within 0.3 em.
_TWIN = 0.15
_CHAR = itemgetter("c")  # a rawdict character's text
_TEXT = itemgetter("text")  # a dict span's text


@lru_cache(maxsize=1024)
def font_style(font: str, flags: int) -> tuple[bool, bool]:
    """(bold, italic) from the span's flags and, since flags are often missing, its font name.

    Cached: a page has thousands of spans but a handful of fonts.
    """
    name = font.lower()
    bold = bool(flags & pymupdf.TEXT_FONT_BOLD) or any(k in name for k in _BOLD_NAMES)
    italic = bool(flags & pymupdf.TEXT_FONT_ITALIC) or any(k in name for k in _ITALIC_NAMES)
    return bold, italic


def spans_to_words(text_dict: dict, characters: bool = False) -> list[Word]:
    """Every non-blank span of a ``get_text("dict")`` result as a Word, vertical ones marked;
    a word set left to right ends no further than the blank span after it starts (``_ended``).

    With ``characters``, from a ``"rawdict"`` result, whose spans have their characters, a
    span is cut into words wherever its characters stand apart by more than ``_CHAR_GAP`` em
    (see ``run_on_spans``). Without, a ``"rawdict"`` whose spans have their texts too
    (``raw_runs_on``) reads as its ``dict``. Type scaled across alone is sized by its height
    (``typesizes``: by its boxes, or, from a ``rawdict``, by its ideographs' pitch); an OCR
    layer's words are read as an engine's lines (``ocrlayer``). A span that repeats the one
    before it in place is a copy, left out (``_in_place_of``); one whose font box is out of
    proportion to its type is boxed around its baseline (``_HIGHEST_ASCENT``, ``_em_boxed``).
    """
    # Words; (text, box, vertical) for an OCR layer's, made Words once their lines are read
    words: list = []
    append = words.append
    rounded: dict[float, float] = {}  # a span's size to 2 decimals: round() is slow, sizes few
    line_id = 0
    invisible: list[Piece] = []  # the lines of an OCR layer
    pitched: list[tuple[int, int, float, list]] = []  # per span set across: words, size, characters
    before: dict = {}  # the last span read with text, and that text stripped (``_in_place_of``)
    said = ""
    for block in text_dict["blocks"]:
        if block.get("type") != 0:
            continue
        for line in block["lines"]:
            line_id += 1
            dx, dy = line["dir"]
            vertical = abs(dy) > abs(dx)
            forward = dx > abs(dy)  # set left to right: a blank span starts where a word ends
            start = len(words)
            spans = line["spans"]
            # (the first span's alpha says no for the lines of a page with no OCR layer)
            hidden = spans[0].get("alpha") == 0 and all(span.get("alpha") == 0 for span in spans)
            for span in spans:
                first = len(words)
                if not characters:  # a span: one word (written out: the common case)
                    raw = span["text"]
                    text = raw.strip()
                    if not text:
                        if forward and len(words) > start:
                            words[-1] = _ended(words[-1], span["bbox"][0])
                        continue
                    if text == said and _in_place_of(span, before):
                        continue  # a copy of the span before (``_TWIN``)
                    said, before, size = text, span, span["size"]
                    bbox = _em_boxed(span["bbox"], span) if forward and not hidden and _too_high(span) \
                        else span["bbox"]
                    box = Box(*bbox) if len(text) == len(raw) else _trimmed(bbox, raw, text, vertical)
                    if hidden:  # (its type is the engine's stock font's: not read)
                        append((text, box, vertical))
                        continue
                    font = span["font"]
                    if size not in rounded:
                        rounded[size] = round(size, 2)
                    bold, italic = font_style(font, span["flags"])  # (a call with * is slower)
                    append(Word(text, box, font, rounded[size], bold, italic, vertical, None, line_id))
                    if forward and "chars" in span:
                        pitched.append((first, len(words), size, span["chars"]))
                    continue
                if not span["chars"] or before and _in_place_of(span, before) and \
                        list(map(_CHAR, span["chars"])) == list(map(_CHAR, before["chars"])):
                    continue  # a copy of the span before (``_TWIN``)
                before = span
                tall = forward and not hidden and _too_high(span)
                for raw, bbox in _runs(span["chars"], _CHAR_GAP * span["size"], vertical):
                    text = raw.strip()
                    if not text:
                        continue
                    if tall:
                        bbox = _em_boxed(bbox, span)
                    box = Box(*bbox) if len(text) == len(raw) else _trimmed(bbox, raw, text, vertical)
                    font = span["font"]
                    append((text, box, vertical) if hidden else
                           Word(text, box, font, round(span["size"], 2), *font_style(font, span["flags"]),
                                vertical, None, line_id))
                if forward and not hidden and len(words) > first:
                    pitched.append((first, len(words), span["size"], span["chars"]))
            if hidden and len(words) > start:
                invisible.append((start, len(words), line, line_id, vertical))
    return engine_lines(words, invisible) if invisible else pitch_sized(scaled_type_sized(words), pitched)


def _in_place_of(span: dict, before: dict) -> bool:
    """Whether ``span`` is set in the size of the span ``before`` it, its baseline starting
    within ``_TWIN`` em of that one's: with the same text, it is a copy of it (see ``_TWIN``;
    the callers compare the texts, a "dict" span's first, a "rawdict" one's characters after)."""
    (x, y), (x0, y0) = span["origin"], before["origin"]
    near = _TWIN * span["size"]
    return abs(x - x0) <= near and abs(y - y0) <= near and span["size"] == before["size"]


def _too_high(span: dict) -> bool:
    """Whether a span set across has a box reaching more than ``_HIGHEST_ASCENT`` em above
    its baseline: a font box out of proportion to the type (an OCR layer's spans are not
    asked: their stock font's boxes are read as an engine's, ``ocrlayer``)."""
    return span["origin"][1] - span["bbox"][1] > _HIGHEST_ASCENT * span["size"]


def _em_boxed(bbox: tuple[float, ...], span: dict) -> tuple[float, ...]:
    """``bbox`` (of a span set across, or of a run of its characters) with its top and bottom
    where the ideographic em box around its baseline has them (``_EM_ABOVE`` em above,
    ``_EM_BELOW`` em below, of the span's size), for a span whose font box is out of proportion
    (``_HIGHEST_ASCENT``); its left and right stay. The baseline is as far below the box's top
    as the span's is below its own (one font: its glyphs' boxes share a top above the baseline).
    """
    x0, y0, x1, _ = bbox
    size = span["size"]
    baseline = y0 + span["origin"][1] - span["bbox"][1]
    return x0, baseline - _EM_ABOVE * size, x1, baseline + _EM_BELOW * size


def _ended(word: Word | tuple[str, Box, bool], pen: float) -> Word | tuple[str, Box, bool]:
    """``word`` ending at ``pen``, where the blank span after it starts, if that is inside its box.

    MuPDF starts a span of spaces where the pen stands after the word before it, so a word's
    box reaching further holds a glyph boxed wider than its advance: a letter that has no
    advance of its own, the second of a ligature's letters ("ff" drawn as one glyph), is
    boxed with no width by MuPDF, and PyMuPDF, which rebuilds the boxes of fonts whose
    ascender and descender make no sense (Latin Modern as LaTeX embeds it), gives it the
    width of that letter: 0.3 em past the word, so the space after "sheriff" looked too narrow
    to be one ("sheriffof"). Only such a box changes: an ordinary word ends where its blank starts.
    """
    box = word[1] if isinstance(word, tuple) else word.box  # (an OCR layer's word: text, box, vertical)
    if not box.x0 < pen < box.x1:
        return word
    ended = Box(box.x0, box.y0, pen, box.y1)
    return (word[0], ended, word[2]) if isinstance(word, tuple) else replace(word, box=ended)


def _runs(chars: list[dict], gap: float, vertical: bool) -> list[tuple[str, tuple[float, ...]]]:
    """(text, bbox) of each run of a span's characters with no gap wider than ``gap`` between
    one character's end and the next one's start; one pass over the characters."""
    axis, end = (1, 3) if vertical else (0, 2)
    runs: list[tuple[str, tuple[float, ...]]] = []
    text: list[str] = []
    last = x0 = y0 = x1 = y1 = 0.0
    for c in chars:
        b = c["bbox"]
        if text and not b[axis] - last > gap:
            text.append(c["c"])
            # as min() and max() over the run would: replaced only when strictly beyond
            if b[0] < x0:
                x0 = b[0]
            if b[1] < y0:
                y0 = b[1]
            if b[2] > x1:
                x1 = b[2]
            if b[3] > y1:
                y1 = b[3]
        else:
            if text:
                runs.append(("".join(text), (x0, y0, x1, y1)))
            text = [c["c"]]
            x0, y0, x1, y1 = b
        last = b[end]
    if text:
        runs.append(("".join(text), (x0, y0, x1, y1)))
    return runs


def run_on_spans(text_dict: dict) -> bool:
    """Whether a span of Chinese or Japanese runs on across a gap: wider than its characters
    set solid (an em each, ``_LATIN_WIDTH`` for others) by more than ``_RUN_ON`` em.

    Some producers (Chromium) set the lines of several columns that share a baseline as one
    text run, which MuPDF hands over as one span; only its characters' boxes show the
    gutters in it, so such a page is read again with them (``rawdict``). A page with no
    Chinese or Japanese at all says so in one scan of its text.
    """
    if not has_cjk("".join([span["text"] for block in text_dict["blocks"]
                            for line in block.get("lines", ()) for span in line["spans"]])):
        return False
    return _runs_on(text_dict, _TEXT)


def raw_runs_on(raw_dict: dict) -> bool:
    """``run_on_spans`` of a ``"rawdict"`` result, whose spans have no text: each span asked
    is given its text (in place, as its ``dict`` has it: its characters joined; the result is
    the reader's own, read out just now), up to the first that runs on, and no scan of the
    whole page's text comes first (it only says no sooner on a page with no CJK, and a page
    read so was guessed to be set in CJK). A page none of whose spans runs on has every
    span's text after it, and is read as from its ``dict``; one that runs on is cut by its
    characters, and needs no text but their runs' (most such pages, which stop early)."""
    return _runs_on(raw_dict, _given_text)


def _given_text(span: dict) -> str:
    """A ``"rawdict"`` span's text, its characters joined, given to it (``span["text"]``)."""
    span["text"] = text = "".join(map(_CHAR, span["chars"]))
    return text


def _runs_on(text_dict: dict, text_of) -> bool:
    """Whether a span with CJK text runs on (``run_on_spans``); ``text_of(span)``: its text."""
    for block in text_dict["blocks"]:
        for line in block.get("lines", ()):
            vertical = abs(line["dir"][1]) > abs(line["dir"][0])
            for span in line["spans"]:
                text = text_of(span)
                if not has_cjk(text):
                    continue
                x0, y0, x1, y1 = span["bbox"]
                extent = (y1 - y0) if vertical else (x1 - x0)
                solid = sum(1.0 if is_cjk(c) else _LATIN_WIDTH for c in text) * span["size"]
                if extent > solid + _RUN_ON * span["size"]:
                    return True
    return False


def _trimmed(bbox: tuple[float, ...], raw: str, text: str, vertical: bool) -> Box:
    """The span's box (``bbox``) without the leading and trailing spaces of its text ``raw``
    (estimated per character); ``text``: ``raw`` stripped, and shorter (callers ask only then).

    A trailing space would otherwise reach into the gutter and make it look bridged.
    """
    x0, y0, x1, y1 = bbox
    lead = raw.find(text)  # (text starts with no space: found where the leading ones end)
    trail = len(raw) - lead - len(text)
    if vertical:
        step = (y1 - y0) / len(raw)
        return Box(x0, y0 + lead * step, x1, y1 - trail * step)
    step = (x1 - x0) / len(raw)
    return Box(x0 + lead * step, y0, x1 - trail * step, y1)
