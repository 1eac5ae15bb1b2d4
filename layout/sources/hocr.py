"""hOCR files (hOCR 1.x, as Tesseract, OCRopus, kraken and others write them) as ``PageContent``.

hOCR is HTML, often not well-formed XML, so it is parsed leniently as HTML (safely: no DTD,
no entities beyond HTML's own, no network). What is read:

- Pages: every ``ocr_page`` element, in document order; its ``bbox`` gives the page size in
  pixels (its top-left corner is the origin).
- Words: ``ocrx_word`` elements (their text, whitespace collapsed) with ``bbox``, and
  ``x_wconf`` (0-100) as the confidence; ``x_font``, and ``<strong>``/``<b>``, ``<em>``/``<i>``
  inside the word (Tesseract marks style so) for typeface, bold and italic. A line with no
  words (OCRopus writes only lines) is one word.
- Lines: the innermost ``ocr_line`` or ``ocrx_line`` (or Tesseract's ``ocr_caption``,
  ``ocr_header``, ``ocr_textfloat``); its index on the page is ``source_line``, and its words
  get its top and bottom (``ocr.on_line``). One whose words stand on several printed lines
  (an ``ocrx_line`` may hold several) is one line for each (``alto_lines.printed_rows``),
  its words getting that row's top and bottom. A title boxed flat, the only line of a carea a
  few lines tall, gets the carea's top and bottom (``alto_lines.title_regions``, as in ALTO).
- Size: the word's ``x_fsize`` (points, at the page's ``scan_res``, else 300 dpi), else the
  line's ``x_size`` (Tesseract's measure of the row's type, ascender to descender, in pixels,
  even for a row without ascenders or descenders), else the height of the line's type measured
  from its words' boxes as the ALTO reader measures it (``alto_lines.line_types``: by the
  heights of their letters on a page boxed to its ink that states no size); the last two
  through ``ocr.sizes_from_heights``.
- Figures: ``ocr_photo``, ``ocr_image``, ``ocr_linedrawing``; rules: ``ocr_separator``
  (a separator that is not a thin line is dropped).

- Blocks: the index of the ``ocr_carea`` a line lies in (Tesseract's block, its ALTO writer's
  ``TextBlock``) is ``source_block``, a hint as in ALTO: words of two careas are never one
  line, and with it the lines are an engine's (``lines.found_line``; a slanted scan is
  straightened from their edges, ``skew.column_slope``). A line in no carea has none.

The par grouping and the document order of the elements are ignored: the analysis stages
regroup the words and find the reading order from the geometry alone.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path

from lxml import etree

from ..errors import FormatError
from ..geometry import union_all
from ..model import Box, Figure, PageContent, Rule, Word
from .alto_lines import boxed_line_types, printed_rows, title_regions
from .sideways import along_sideways_line
from .ocr import PageBounds, on_line, page_size, rule_or_figure, sizes_from_heights
from .xml import number_of, parse_html

DPI = 300.0
_LINES = frozenset({"ocr_line", "ocrx_line", "ocr_caption", "ocr_header", "ocr_textfloat"})
_FIGURES = frozenset({"ocr_photo", "ocr_image", "ocr_linedrawing"})


def properties(element: etree._Element) -> dict[str, list[str]]:
    """The hOCR properties of an element's ``title``: ``"bbox 1 2 3 4; x_wconf 93"`` →
    ``{"bbox": ["1", "2", "3", "4"], "x_wconf": ["93"]}``."""
    found = {}
    for part in (element.get("title") or "").split(";"):
        if words := part.split():  # an empty part (a title ending in ";", or ";;") names nothing
            name, *values = words
            found[name] = values
    return found


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def _bbox(props: dict[str, list[str]]) -> Box | None:
    """The ``bbox`` property as a box; None when it has not four finite numbers."""
    try:
        x0, y0, x1, y1 = map(float, props.get("bbox", [])[:4])
    except ValueError:  # fewer than four values, or one no number
        return None
    # all four finite (x - x is 0 for a finite x, NaN else), as ``number_of`` asks of each
    return Box(x0, y0, x1, y1) if (x0 - x0) + (y0 - y0) + (x1 - x1) + (y1 - y1) == 0.0 else None


def _number(props: dict[str, list[str]], name: str) -> float | None:
    """A property's first value as a finite number; None when it has none."""
    return number_of(props[name][0]) if props.get(name) else None


class HocrSource:
    """An hOCR file opened as a source: one page per ``ocr_page`` element."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.path = path
        root = parse_html(path)
        self._pages = [e for e in root.iter() if isinstance(e.tag, str)
                       and "ocr_page" in _classes(e)]
        self.page_count = len(self._pages)
        if not self.page_count:
            raise FormatError(f"{path}: HTML without any ocr_page element: not hOCR")

    def page(self, number: int) -> PageContent:
        """Read one page (1-based)."""
        return read_page(self._pages[number - 1], number, f"{self.path}: ocr_page {number}")

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        """No pixels are read from hOCR: nothing to write."""
        return None

    def close(self) -> None:
        """Nothing to release: the file was read whole when opened."""


def read_page(page: etree._Element, number: int, where: str) -> PageContent:
    """One ``ocr_page`` element as ``PageContent``; ``PageError`` for a zero-size page or a box
    that is missing or far outside it."""
    props = properties(page)
    box = _bbox(props)
    bounds = page_size(where, box and box.x1, box and box.y1)
    dpi = _number(props, "scan_res") or DPI
    # each element's classes, read once (the dict keeps lxml's proxies alive, so an element
    # met again is the same object)
    classes = {e: _classes(e) for e in page.iter() if isinstance(e.tag, str)}
    lines: list[tuple[etree._Element, list[etree._Element]]] = []
    for element, own in classes.items():
        if own & _LINES and not any(
                isinstance(d.tag, str) and classes[d] & _LINES for d in element.iterdescendants()):
            words = [w for w in element.iter() if isinstance(w.tag, str) and "ocrx_word" in classes[w]]
            lines.append((element, words or [element]))
    rows = [row for line, members in lines for row in _printed(line, members, bounds)]
    line_boxes = [box or bounds(_bbox(properties(line)), partial(_name, line)) for line, _, box in rows]
    careas = [e for e, own in classes.items() if "ocr_carea" in own]
    carea_no = {e: k for k, e in enumerate(careas)}
    blocks = [next((carea_no[a] for a in line.iterancestors() if a in carea_no), None)
              for line, _, _ in rows]
    lines_in = Counter(blocks)

    def lone_carea(k: int) -> tuple[float, float, float, float] | None:
        if blocks[k] is None or lines_in[blocks[k]] != 1:
            return None
        box = _bbox(properties(careas[blocks[k]]))
        return None if box is None else (box.x0, box.y0, box.x1, box.y1)

    titles = title_regions([b.height for b in line_boxes], lone_carea)
    for k, (_, top, _, bottom) in titles.items():
        box = line_boxes[k]
        line_boxes[k] = bounds(Box(box.x0, top, box.x1, bottom), _name(careas[blocks[k]]))
    found = [[(element, props, text, bounds(_bbox(props), partial(_name, element)))
              for element, props in members if (text := _text(element))] for _, members, _ in rows]
    types = boxed_line_types([[(e, text, b) for e, _, text, b in words] for words in found],
                             line_boxes, titles,
                             lambda: [props.get("x_fsize") for words in found for _, props, _, _ in words])
    # Tesseract's own measure of a line's type, where it gives one, else the measure above
    heights = [_number(properties(line), "x_size") if box is None else None for line, _, box in rows]
    words = []
    for line_no, (members, line_box, block, estimate) in enumerate(zip(
            found, line_boxes, blocks, sizes_from_heights([h or t for h, t in zip(heights, types)]))):
        for element, props, text, box in members:
            words.append(_word(element, props, text, on_line(box, line_box), estimate, dpi,
                               line_no, block))
    figures, rules = _graphics(classes, bounds)
    return PageContent(number, bounds.width, bounds.height, "px", tuple(words), figures, rules)


def _text(element: etree._Element) -> str:
    """The text of a word (or of a line without words), whitespace collapsed (a word holding
    no element, most, has its text alone: no walk of its children)."""
    return " ".join(("".join(element.itertext()) if len(element) else element.text or "").split())


def _printed(line: etree._Element, members: list[etree._Element], bounds: PageBounds
             ) -> list[tuple[etree._Element, list[tuple[etree._Element, dict]], Box | None]]:
    """The line's words, each with its properties (read once), as the printed lines they lie
    on (``printed_rows``; a line set sideways in its reading order, its ``textangle`` or its
    words' order: ``along_sideways_line``), each with the extent of its words (None for a
    line that is one printed line: its own box is kept)."""
    parsed = [(m, properties(m)) for m in members]
    boxes = [_bbox(props) for _, props in parsed] if len(members) > 1 else [None]
    coords = None if None in boxes else [(b.x0, b.y0, b.x1, b.y1) for b in boxes]
    rows = None if coords is None else printed_rows(coords)
    if rows is None:
        return [(line, parsed, None)]
    rows = along_sideways_line(rows, coords, _number(properties(line), "textangle"))
    return [(line, [parsed[k] for k in row], bounds(union_all([boxes[k] for k in row]), partial(_name, line)))
            for row in rows]


def _word(element: etree._Element, props: dict[str, list[str]], text: str, box: Box,
          estimate: float, dpi: float, line_no: int, block: int | None) -> Word:
    """A Word from an ``ocrx_word`` (or a line without words; ``props``, its properties) of
    line ``line_no`` in carea ``block``, with its text and its box on its line."""
    inside = {e.tag for e in element.iter() if isinstance(e.tag, str)} if len(element) else {element.tag}
    points = _number(props, "x_fsize")
    confidence = _number(props, "x_wconf")
    return Word(text, box, " ".join(props.get("x_font", [])).strip('"'),
                round(points * dpi / 72 if points else estimate, 2),
                bool(inside & {"strong", "b"}), bool(inside & {"em", "i"}),
                confidence=None if confidence is None else confidence / 100,
                source_line=line_no, source_block=block)


def _graphics(classes: dict[etree._Element, set[str]],
              bounds: PageBounds) -> tuple[tuple[Figure, ...], tuple[Rule, ...]]:
    """Figures (photos, images, drawings) and separator rules of the page (``classes``: its
    elements' classes, in document order)."""
    figures, rules = [], []
    for element, own in classes.items():
        if own & _FIGURES:
            figures.append(Figure(bounds(_bbox(properties(element)), _name(element))))
        elif "ocr_separator" in own:
            rule = rule_or_figure(bounds(_bbox(properties(element)), _name(element)))
            if rule is not None:
                rules.append(rule)
    return tuple(figures), tuple(rules)


def _name(element: etree._Element) -> str:
    """How errors name an element: its hOCR class and id."""
    return f"{element.get('class') or element.tag} {element.get('id') or '(no id)'}"
