"""ALTO files (v2, v3, v4, and v1 as written by CCS docWorks) as ``PageContent``.

What is read, and why:

- Words are the ``String`` elements: ``CONTENT``, box from ``HPOS``/``VPOS``/``WIDTH``/``HEIGHT``,
  ``WC`` as the confidence, the index of their printed line on the page as ``source_line``
  (a ``TextLine``, or a row of one, see ``printed_lines``). All words of a line get its top and
  bottom (``ocr.on_line`` says why).
- Units: every coordinate is converted to pixels and the page's unit is ``"px"``. ``mm10``
  (1/10 mm) and ``inch1200`` need a resolution, and ALTO v2-v4 have no field that states one,
  so 300 dpi (``DPI``) is assumed, the usual resolution of newspaper masters; the layout stages
  only compare distances with one another, so a wrong guess scales the page and nothing else.
- Style: the nearest ``STYLEREFS`` (String, then TextLine, then the enclosing blocks) naming a
  ``TextStyle`` gives the typeface (``FONTFAMILY``), bold and italic (``FONTSTYLE``, and the
  String's own ``STYLE``) and the size (``FONTSIZE`` in points, converted to pixels at the same
  resolution). With no style size, the size is estimated from the line height
  (``ocr.sizes_from_heights``), and so it is when the line is more than 1.5 times taller or
  shorter than its style's size (a line with no letter below the baseline is allowed its
  capital height): OCR engines give some capital headlines the body's size (and now and then
  a stray glyph fifteen times its line), while line heights otherwise agree with the sizes
  within about 10 % (median ratio 0.96-1.09 on the BnF and BnL issues).
- Hyphenation: the printed text is kept and a word broken at the line end (``SUBS_TYPE=
  "HypPart1"`` or followed by a ``HYP`` element) gets a visible trailing ``-``, so that the text
  stage dehyphenates it as it does for PDFs; ``SUBS_CONTENT`` is not used. Each part keeps its own
  box, and the text of every block (``element_text``, used for ground truth) follows the same rule.
- Figures: ``Illustration`` elements and ``ComposedBlock TYPE="Illustration"``; a
  ``GraphicalElement`` elsewhere is a ``Rule`` when it is a thin line (ALTO marks separators so)
  and a figure otherwise. No pixels are read: figures carry no image.
- Rules and frames we wrote: a ``GraphicalElement`` whose ``TAGREFS`` name a ``LayoutTag``
  labelled ``rule`` is a rule whatever its proportions (a short rule 3 pt thick is no thin
  line by the measure above), horizontal when it is at least as wide as tall; one labelled
  ``frame`` is a frame (``PageContent.frames``: a drawn or tinted box around a sidebar), not a
  figure. This is how ``writers.alto`` marks them; other files keep the rule above.
- The file's ``TextBlock`` grouping is a hint (``source_block``: words of two blocks are never
  one line); its IDs and its element order are ignored: the analysis stages group the words
  and find the reading order from the geometry alone.
"""

from __future__ import annotations

import math

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..errors import FormatError, InputError, PageError
from ..model import Box, Figure, PageContent, Rule, Word
from .ocr import PageBounds, page_size, rule_or_figure, sizes_from_heights
from .xml import ALTO_NAMESPACES, expect_root, number_of, parse, split_tag

DPI = 300.0
_PX_PER_UNIT = {"pixel": 1.0, "mm10": DPI / 254.0, "inch1200": DPI / 1200.0}
_POINT = DPI / 72.0
# A line this many times taller than its style's FONTSIZE says was set larger than the OCR
# reported (ABBYY gives some capital headlines the body's size): its height is the size.
_DOUBT = 1.5
_HYPHENS = ("-", "\u00ad", "\u2010", "\u2011")
_BLOCK_TAGS = ("TextBlock", "ComposedBlock", "Illustration", "GraphicalElement")


@dataclass(frozen=True, slots=True)
class TextStyle:
    """An ALTO ``TextStyle``: size in points (None when not given), family, bold, italic."""

    size: float | None
    font: str
    bold: bool
    italic: bool


@dataclass(frozen=True, slots=True)
class AltoFile:
    """A parsed ALTO file: its root, tag namespace, unit scale [px per unit], text styles and
    the lower-cased ``LABEL`` of each ``LayoutTag`` by ID."""

    path: Path
    root: etree._Element
    ns: str
    scale: float
    styles: dict[str, TextStyle]
    layout_tags: dict[str, str] = field(default_factory=dict)

    def tag(self, local: str) -> str:
        """The qualified tag of an element of this file's namespace."""
        return f"{{{self.ns}}}{local}" if self.ns else local

    @property
    def pages(self) -> list[etree._Element]:
        """The ``Page`` elements, in file order."""
        return self.root.findall(f"{self.tag('Layout')}/{self.tag('Page')}")


def load(path: Path) -> AltoFile:
    """Parse and check an ALTO file; ``FormatError`` for a wrong root or an unknown unit."""
    root = parse(path)
    ns = expect_root(root, path, "alto", ALTO_NAMESPACES)
    alto = AltoFile(path, root, ns, 1.0, {})
    unit = (root.findtext(f"{alto.tag('Description')}/{alto.tag('MeasurementUnit')}")
            or "pixel").strip()
    if unit not in _PX_PER_UNIT:
        raise FormatError(f"{path}: unknown MeasurementUnit {unit!r} "
                          f"(known: {', '.join(_PX_PER_UNIT)})")
    styles = {s.get("ID"): _text_style(s) for s in root.iter(alto.tag("TextStyle"))}
    layout_tags = {t.get("ID"): (t.get("LABEL") or "").strip().lower()
                   for t in root.iter(alto.tag("LayoutTag")) if t.get("ID")}
    return AltoFile(path, root, ns, _PX_PER_UNIT[unit], styles, layout_tags)


def _text_style(element: etree._Element) -> TextStyle:
    flags = (element.get("FONTSTYLE") or "").lower().split()
    size = number_of(element.get("FONTSIZE"))
    return TextStyle(size if size and size > 0 else None, element.get("FONTFAMILY") or "",
                     "bold" in flags, any(f.startswith("italic") for f in flags))


class AltoSource:
    """An ALTO file opened as a source: one page per ``Page`` element (usually one)."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.path = path
        self._alto = load(path)
        self.page_count = len(self._alto.pages)
        if not self.page_count:
            raise InputError(f"{path}: the ALTO file has no Page")

    def page(self, number: int) -> PageContent:
        """Read one page (1-based)."""
        return read_page(self._alto, self._alto.pages[number - 1], number)

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        """ALTO holds no pixels: nothing to write."""
        return None

    def close(self) -> None:
        """Nothing to release: the file was read whole when opened."""


def read_page(alto: AltoFile, page: etree._Element, number: int) -> PageContent:
    """One ``Page`` element as ``PageContent`` numbered ``number``, in pixels.

    Raises ``PageError`` naming the file and element for a zero-size page, a word without
    coordinates or a box far outside the page.
    """
    width, height = ((number_of(page.get(k)) or 0.0) * alto.scale for k in ("WIDTH", "HEIGHT"))
    bounds = page_size(f"{alto.path}: Page {page.get('ID') or number}", width, height)
    style_of = _StyleLookup(alto)
    # The list keeps lxml's element proxies alive, so each parent looked up is the same object.
    blocks = list(page.iter(alto.tag("TextBlock")))
    block_no = {block: k for k, block in enumerate(blocks)}
    rows = [(row, block_no.get(line.getparent())) for line in page.iter(alto.tag("TextLine"))
            for row in _checked_rows(alto, line, bounds)]
    inked = _boxed_to_ink([row for (row, _, _), _ in rows])
    kinds = [_letter_kinds(row) if inked else (False, False) for (row, _, _), _ in rows]
    types = [_glyph_height(row) / (_CAP_HEIGHT if capitals else 1.0)
             for ((row, _, _), _), (capitals, _) in zip(rows, kinds)]
    estimates = sizes_from_heights(types)
    words = []
    for row_no, (((row, top, bottom), block), type_height, estimate, (_, low)) in enumerate(
            zip(rows, types, estimates, kinds)):
        at_most = type_height / (_CAP_HEIGHT if low else 1.0)  # the type's largest size
        for string, text, box in row:
            style = style_of(string)
            size = style.size * _POINT if style.size else estimate
            if type_height > _DOUBT * size or size > _DOUBT * at_most:
                size = estimate  # the OCR's size is far from what the line shows
            words.append(Word(text, Box(box.x0, top, box.x1, bottom), style.font, round(size, 2),
                              style.bold, style.italic,
                              confidence=number_of(string.get("WC")), source_line=row_no,
                              source_block=block))
    figures, rules, frames = _graphics(alto, page, bounds)
    return PageContent(number, width, height, "px", tuple(words), figures, rules, frames)


_Part = tuple[etree._Element, str, Box | None]  # a String, its text as read, its box


def printed_lines(alto: AltoFile, line: etree._Element) -> list[list[_Part]]:
    """The non-empty words of a ``TextLine``, as the printed lines they lie on, top to bottom.

    Normally one. Some files put the words of several printed lines into one TextLine (RERO's
    EZR issue of 1840 has whole blocks in one line, bottom line first): its words are then
    split into rows by height, each keeping the file's word order.
    """
    parts = [(string, text, _raw_box(alto, string))
             for string, text in _line_words(alto, line) if text.strip()]
    boxes = [b for _, _, b in parts if b is not None]
    if len(boxes) < len(parts) or len(boxes) < 2:
        return [parts] if parts else []
    typical = sorted(b.height for b in boxes)[len(boxes) // 2]
    if max(b.cy for b in boxes) - min(b.cy for b in boxes) <= typical:
        return [parts]
    rows: list[list[_Part]] = []
    for part in sorted(parts, key=lambda p: p[2].cy):
        if rows and part[2].cy - rows[-1][0][2].cy <= typical / 2:
            rows[-1].append(part)
        else:
            rows.append([part])
    order = {id(p): i for i, p in enumerate(parts)}
    return [sorted(row, key=lambda p: order[id(p)]) for row in rows]


def _checked_rows(alto: AltoFile, line: etree._Element,
                  bounds: PageBounds) -> Iterator[tuple[list[_Part], float, float]]:
    """The printed lines of a TextLine with boxes checked and clipped to the page, each with
    the top and bottom its words are given: the TextLine's own when it is one row holding its
    words (see ``ocr.on_line``), else the extent of the row's words."""
    rows = printed_lines(alto, line)
    own = _raw_box(alto, line) if len(rows) == 1 else None
    for row in rows:
        row = [(string, text, _within(bounds, box, string)) for string, text, box in row]
        middle = sorted(b.cy for _, _, b in row)[len(row) // 2]
        if own is not None and own.height > 0 and own.y0 <= middle <= own.y1:
            own = bounds(own, _name(line))
            yield row, own.y0, own.y1
        else:
            yield row, min(b.y0 for _, _, b in row), max(b.y1 for _, _, b in row)


# [share of the type's height] the height of a capital letter, ascender to descender being 1;
# [share of the tallest word's height] a line whose shortest word is lower is boxed to its ink
_CAP_HEIGHT = 0.7
_INKED = 0.9


def _glyph_height(row: list[_Part]) -> float:
    """The height of a printed line's type: the upper quartile of its words' heights. Not the
    TextLine's own height, which one word set off its baseline by the OCR stretches (a line of
    55 px words 84 px tall would pass for a headline); not the median either, which a line of
    short lower-case words (no ascender, no descender) pulls below the type size."""
    heights = sorted(box.height for _, _, box in row)
    return heights[(3 * len(heights)) // 4]


def _boxed_to_ink(rows: list[list[_Part]]) -> bool:
    """Whether the page's words are boxed tight to their ink, as OCR engines box them: in
    most lines of three words or more, the shortest word is under ``_INKED`` of the tallest
    ("un" beside "Quinzième"). Words boxed at their line's height (ALTO we wrote) are not."""
    spreads = sorted(min(h) / max(h) for h in ([b.height for _, _, b in row] for row in rows)
                     if len(h) >= 3 and max(h) > 0)
    return bool(spreads) and spreads[len(spreads) // 2] < _INKED


def _letter_kinds(row: list[_Part]) -> tuple[bool, bool]:
    """Whether every word of the line is in capitals with none reaching below the baseline:
    boxed tight to the ink, it is its capital height tall, about ``_CAP_HEIGHT`` of its
    type's (a title in capitals at the body size; a capital headline ABBYY gave the body's
    size); and whether no letter of it reaches below: then it may be that short ("Tweede
    Kamer."), and its style's size is doubted only beyond that."""
    kinds = [k for k in map(_letters, (t for _, t, _ in row)) if k[0]]
    return (bool(kinds) and all(k[1] for k in kinds), bool(kinds) and not any(k[2] for k in kinds))


@lru_cache(maxsize=4096)
def _letters(text: str) -> tuple[bool, bool, bool]:
    """Whether a word has letters, whether they are all capitals standing on the baseline,
    whether one reaches below it. Cached: a page repeats its words."""
    letters = [c for c in text if c.isalpha()]
    return (bool(letters), all(c.isupper() and c not in "QJ" for c in letters),
            any(c in "gjpqyQJ" for c in letters))


def _within(bounds: PageBounds, box: Box | None, element: etree._Element) -> Box:
    """``bounds(box, name)``, the element's name made only for the error (most words have
    none, and naming each cost a tenth of the reading)."""
    try:
        return bounds(box, "")
    except PageError:
        return bounds(box, _name(element))


def _name(element: etree._Element) -> str:
    """How errors name an element: its tag and ID."""
    return f"{split_tag(element.tag)[1]} {element.get('ID') or '(no ID)'}"


def _line_words(alto: AltoFile, line: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """(String element, text) of a ``TextLine``, a word broken at the line end ending in "-"."""
    string_tag, hyp_tag = alto.tag("String"), alto.tag("HYP")
    pending: tuple[etree._Element, str] | None = None
    for child in line:
        if child.tag == string_tag:
            if pending:
                yield _hyphenated(*pending, False)
            pending = (child, child.get("CONTENT") or "")
        elif child.tag == hyp_tag and pending:
            yield _hyphenated(*pending, True)
            pending = None
    if pending:
        yield _hyphenated(*pending, False)


def _hyphenated(string: etree._Element, text: str, hyp: bool) -> tuple[etree._Element, str]:
    broken = hyp or string.get("SUBS_TYPE") == "HypPart1"
    return string, (text + "-" if broken and text and not text.endswith(_HYPHENS) else text)


def element_text(alto: AltoFile, element: etree._Element) -> str:
    """The text of a block (or line, or composed block) as the reader reads it: the words of
    each printed line joined by spaces, lines by newlines, a hyphenated line end kept as "-".
    Used to build ground truth that compares with our output."""
    line_tag = alto.tag("TextLine")
    lines = (element,) if element.tag == line_tag else element.iter(line_tag)
    return "\n".join(" ".join(text for _, text, _ in row)
                     for line in lines for row in printed_lines(alto, line))


def block_elements(alto: AltoFile) -> dict[str, etree._Element]:
    """Block-level elements (and lines) by ID: what METS ``area BEGIN`` pointers name."""
    tags = {alto.tag(t) for t in (*_BLOCK_TAGS, "TextLine", "Page")}
    return {e.get("ID"): e for e in alto.root.iter(*tags) if e.get("ID")}


class _StyleLookup:
    """The ``TextStyle`` in force for a String: its own STYLEREFS, else its nearest ancestor's.

    A String's ``STYLE`` attribute (fontStylesType: "bold", "italics", …) adds to it.
    """

    def __init__(self, alto: AltoFile) -> None:
        self._styles = alto.styles
        self._by_refs: dict[str, TextStyle | None] = {}
        self._inherited = lru_cache(maxsize=None)(self._lookup)

    def __call__(self, string: etree._Element) -> TextStyle:
        style = self._own(string) or self._inherited(string.getparent())
        extra = (string.get("STYLE") or "").lower().split()
        if extra:
            style = TextStyle(style.size, style.font, style.bold or "bold" in extra,
                              style.italic or any(f.startswith("italic") for f in extra))
        return style

    def _own(self, element: etree._Element) -> TextStyle | None:
        refs = element.get("STYLEREFS")
        if not refs:
            return None
        if refs not in self._by_refs:  # a page names a handful of styles, each word one
            self._by_refs[refs] = next((self._styles[r] for r in refs.split() if r in self._styles), None)
        return self._by_refs[refs]

    def _lookup(self, element: etree._Element | None) -> TextStyle:
        if element is None or split_tag(element.tag)[1] in ("Page", "alto"):
            return TextStyle(None, "", False, False)
        return self._own(element) or self._inherited(element.getparent())


def _raw_box(alto: AltoFile, element: etree._Element) -> Box | None:
    """The element's box in pixels, None when a coordinate is missing."""
    get, scale = element.get, alto.scale
    try:  # as number_of does for each: a missing attribute or one not a number is None
        x, y = float(get("HPOS")) * scale, float(get("VPOS")) * scale
        w, h = float(get("WIDTH")) * scale, float(get("HEIGHT")) * scale
    except (TypeError, ValueError):
        return None
    if not all(map(math.isfinite, (x, y, w, h))):  # "1e400", "NaN": no coordinate either
        return None
    return Box(x, y, x + w, y + h)


def _graphics(alto: AltoFile, page: etree._Element, bounds: PageBounds
              ) -> tuple[tuple[Figure, ...], tuple[Rule, ...], tuple[Box, ...]]:
    """Figures, separator rules and frames of the page (see the module docstring)."""
    figures, rules, frames = [], [], []
    composed, graphic, illustration = (alto.tag(t) for t in
                                       ("ComposedBlock", "GraphicalElement", "Illustration"))
    for element in page.iter(composed, graphic, illustration):
        if any(_is_picture(alto, a) for a in element.iterancestors(composed)):
            continue  # part of a picture already taken whole
        if element.tag == composed and not _is_picture(alto, element):
            continue
        box = bounds(_raw_box(alto, element), _name(element))
        label = _graphic_label(alto, element) if element.tag == graphic else None
        if label == "rule":
            rules.append(Rule(box, "h" if box.width >= box.height else "v"))
            continue
        if label == "frame":
            if box.area > 0:
                frames.append(box)
            continue
        rule = rule_or_figure(box) if element.tag == graphic else None
        if rule is not None:
            rules.append(rule)
        elif box.area > 0:
            figures.append(Figure(box))
    return tuple(figures), tuple(rules), tuple(frames)


def _graphic_label(alto: AltoFile, element: etree._Element) -> str | None:
    """``"rule"`` or ``"frame"`` when the element's TAGREFS name a LayoutTag so labelled."""
    labels = {alto.layout_tags.get(ref) for ref in (element.get("TAGREFS") or "").split()}
    return next((k for k in ("rule", "frame") if k in labels), None)


def _is_picture(alto: AltoFile, element: etree._Element) -> bool:
    return element.tag == alto.tag("ComposedBlock") and \
        (element.get("TYPE") or "").lower() == "illustration"
