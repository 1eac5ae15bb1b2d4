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
  (``ocr.sizes_from_heights``; in a file stating no size at all, its words boxed to their ink,
  from the heights of their letters: ``alto_lines.type_heights``), and so it is when the line is
  more than 1.5 times taller or shorter than its style's size (a line with no letter below the
  baseline is allowed its capital height): OCR engines give some capital headlines the body's
  size (and now and then a stray glyph fifteen times its line), while line heights otherwise
  agree with the sizes within about 10 % (median ratio 0.96-1.09 on the BnF and BnL issues).
- Alignment: a TextBlock whose ``STYLEREFS`` name a ``ParagraphStyle`` aligned ``Center`` is
  one the engine saw centred (``PageContent.centred_blocks``, by its number): evidence of a
  title the OCR boxed the column wide (``alto_styles``).
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

The words of a ``TextLine`` and the printed lines they lie on are read in ``alto_lines``,
which the ground truth built from ALTO files reads them with too; the page's rows are measured
and clipped to the page in ``alto_rows``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

from lxml import etree

from ..collector import collector_paused
from ..errors import FormatError, InputError
from ..model import Box, Figure, PageContent, Rule, Word
from .alto_lines import CAP_HEIGHT, element_name, line_types, printed_lines, raw_box
from .alto_rows import Clip, page_rows, sizes_unstated
from .alto_styles import NO_STYLE, StyleLookup, TextStyle, centred_styles, text_style
from .ocr import PageBounds, page_size, rule_or_figure, sizes_from_heights
from .xml import ALTO_NAMESPACES, expect_root, number_of, parse

DPI = 300.0
_PX_PER_UNIT = {"pixel": 1.0, "mm10": DPI / 254.0, "inch1200": DPI / 1200.0}
_POINT = DPI / 72.0
# A line this many times taller than its style's FONTSIZE says was set larger than the OCR
# reported (ABBYY gives some capital headlines the body's size): its height is the size.
_DOUBT = 1.5
_BLOCK_TAGS = ("TextBlock", "ComposedBlock", "Illustration", "GraphicalElement")


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
    centred: frozenset[str] = frozenset()
    # the qualified tags of String and HYP, which ``alto_lines.read_line`` asks for each line
    word_tags: tuple[str, str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "word_tags", (self.tag("String"), self.tag("HYP")))

    def tag(self, local: str) -> str:
        """The qualified tag of an element of this file's namespace."""
        return f"{{{self.ns}}}{local}" if self.ns else local

    @property
    def pages(self) -> list[etree._Element]:
        """The ``Page`` elements, in file order."""
        return self.root.findall(f"{self.tag('Layout')}/{self.tag('Page')}")


def load(path: Path) -> AltoFile:
    """Parse and check an ALTO file; ``FormatError`` for a wrong root or an unknown unit."""
    root = parse(path, text_in_attributes=True)
    ns = expect_root(root, path, "alto", ALTO_NAMESPACES)
    alto = AltoFile(path, root, ns, 1.0, {})
    unit = (root.findtext(f"{alto.tag('Description')}/{alto.tag('MeasurementUnit')}")
            or "pixel").strip()
    if unit not in _PX_PER_UNIT:
        raise FormatError(f"{path}: unknown MeasurementUnit {unit!r} "
                          f"(known: {', '.join(_PX_PER_UNIT)})")
    # The styles and tags are read outside the Layout, which is the rest of the file (their
    # Styles and Tags stand beside it): a walk of the whole tree is a third of its parse.
    heads = [c for c in root.iterchildren() if c.tag != alto.tag("Layout")]
    styles = {s.get("ID"): text_style(s) for c in heads for s in c.iter(alto.tag("TextStyle"))}
    layout_tags = {t.get("ID"): (t.get("LABEL") or "").strip().lower()
                   for c in heads for t in c.iter(alto.tag("LayoutTag")) if t.get("ID")}
    centred = centred_styles(s for c in heads for s in c.iter(alto.tag("ParagraphStyle")))
    return AltoFile(path, root, ns, _PX_PER_UNIT[unit], styles, layout_tags, centred)


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

    This runs for every word of an archive: each word's attributes are read once, into
    tuples of numbers (``alto_lines``), and its ``Word`` and ``Box`` are made once, when the
    sizes of the lines are known, by their ``__new__`` (``quickinit``: it makes the whole
    value, and their ``__init__`` does nothing), called without the class call around it,
    which costs as much again. The collector is paused, as ``pagepool`` pauses it around
    a page read and analysed: the bench and the truth readers read pages here directly; the
    page's words, which hold no cycle and live on, go to its oldest generation, not walked
    by the next collection (``kept``).
    """
    with collector_paused(kept=True):  # see collector.py
        return _read_page(alto, page, number)


def _read_page(alto: AltoFile, page: etree._Element, number: int) -> PageContent:
    width, height = ((number_of(page.get(k)) or 0.0) * alto.scale for k in ("WIDTH", "HEIGHT"))
    bounds = page_size(f"{alto.path}: Page {page.get('ID') or number}", width, height)
    styles = StyleLookup(alto.styles, alto.centred)
    lines, graphics, centred = _page_elements(alto, page, styles)
    rows = page_rows(alto, lines, Clip(bounds))
    # a page stating no size is sized by its letters; one stating sizes only doubts them
    # by its lines' heights, which it was tuned on
    types, kinds = line_types([(row, heights) for row, _, _, _, _, heights in rows],
                              lambda: not sizes_unstated(rows, styles.own))
    words = []
    confidences = _Confidences()
    new_word, new_box = Word.__new__, Box.__new__  # (see ``read_page``)
    for row_no, ((row, top, bottom, block, line_style, _), type_height, estimate, (_, low)) in enumerate(
            zip(rows, types, sizes_from_heights(types), kinds)):
        at_most = type_height / (CAP_HEIGHT if low else 1.0)  # the type's largest size
        looks: dict[str | tuple[str | None, str] | None, tuple[str, float, bool, bool]] = {}
        for string, text, x0, x1 in row:
            get = string.get
            refs, extra = get(b"STYLEREFS"), get(b"STYLE")  # (named in bytes: see ``read_line``)
            key = refs if extra is None else (refs, extra)
            look = looks.get(key)
            if look is None:  # worked out once per style named in the line
                style = styles.own(refs) or line_style if refs else line_style
                if extra:
                    style = styles.with_extra(style, extra)
                size = style.size * _POINT if style.size else estimate
                if type_height > _DOUBT * size or size > _DOUBT * at_most:
                    size = estimate  # the OCR's size is far from what the line shows
                look = looks[key] = (style.font, round(size, 2), style.bold, style.italic)
            font, word_size, bold, italic = look  # (a call with *look is slower)
            words.append(new_word(Word, text, new_box(Box, x0, top, x1, bottom), font, word_size,
                                  bold, italic, False, confidences[get(b"WC")], row_no, block))
    figures, rules, frames = _graphics(alto, graphics, bounds)
    return PageContent(number, width, height, "px", tuple(words), figures, rules, frames,
                       centred_blocks=centred)


class _Confidences(dict):
    """WC → the confidence it gives (``number_of``; None for none), each worked out when first
    met: a page has a few hundred."""

    def __missing__(self, wc: str | None) -> float | None:
        confidence = self[wc] = number_of(wc)
        return confidence


def _page_elements(alto: AltoFile, page: etree._Element, styles: StyleLookup
                   ) -> tuple[list[tuple[etree._Element, int | None, TextStyle]], list[etree._Element],
                              frozenset[int]]:
    """The page's TextLines, each with the number of its TextBlock (in document order; None
    for a line whose parent is none) and the style it inherits (its own ``STYLEREFS``, else
    its nearest ancestor's below the Page), and its ComposedBlocks, GraphicalElements and
    Illustrations, all in document order, and the numbers of the TextBlocks whose own
    STYLEREFS name a centred ParagraphStyle. One walk down the blocks that never enters a line:
    a line's words are most of the file's elements, and ``read_line`` reads them. The walk
    keeps its own stack (of the children still to see, with their block and style): a
    function calling itself would be a reference cycle, which the reader makes none of
    (``collector_paused(kept=True)``)."""
    line_tag, block_tag = alto.tag("TextLine"), alto.tag("TextBlock")
    graphic_tags = {alto.tag(t) for t in ("ComposedBlock", "GraphicalElement", "Illustration")}
    own = styles.own
    lines: list[tuple[etree._Element, int | None, TextStyle]] = []
    graphics: list[etree._Element] = []
    blocks = count()  # the TextBlocks' numbers
    centred: set[int] = set()
    stack = [(page.iterchildren(), None, NO_STYLE)]
    while stack:
        children, block, inherited = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        refs = child.get("STYLEREFS")
        style = refs and own(refs) or inherited
        tag = child.tag
        if tag == line_tag:
            lines.append((child, block, style))
            continue
        if tag in graphic_tags:
            graphics.append(child)
        number = next(blocks) if tag == block_tag else None
        if number is not None and refs and styles.is_centred(refs):
            centred.add(number)
        stack.append((child.iterchildren(), number, style))
    return lines, graphics, frozenset(centred)


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


def _graphics(alto: AltoFile, elements: list[etree._Element], bounds: PageBounds
              ) -> tuple[tuple[Figure, ...], tuple[Rule, ...], tuple[Box, ...]]:
    """Figures, separator rules and frames of the page (see the module docstring), from its
    ComposedBlocks, GraphicalElements and Illustrations (``_page_elements``)."""
    figures, rules, frames = [], [], []
    composed, graphic = alto.tag("ComposedBlock"), alto.tag("GraphicalElement")
    for element in elements:
        if any(_is_picture(alto, a) for a in element.iterancestors(composed)):
            continue  # part of a picture already taken whole
        if element.tag == composed and not _is_picture(alto, element):
            continue
        coords = raw_box(element, alto.scale)
        box = bounds(None if coords is None else Box(*coords), element_name(element))
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
