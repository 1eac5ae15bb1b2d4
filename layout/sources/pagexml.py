"""PAGE-XML files (PRImA PAGE 2013-07-15 and 2019-07-15) as ``PageContent``.

What is read:

- Page size: ``Page imageWidth/imageHeight``, in pixels.
- Words: ``Word`` elements, or a ``TextLine`` with no Words (or none with text) as one word;
  the box is the bounding box of the ``Coords points`` polygon, the text the
  ``TextEquiv/Unicode`` with the lowest ``index`` (the first when none has one), ``TextEquiv
  conf`` the confidence. The printed text is kept: PAGE has no hyphenation markup, so a
  line-end hyphen is in the text when it was printed.
- Lines: the index of the ``TextLine`` on the page is ``source_line``; its words get its top
  and bottom (``ocr.on_line``), or its region's when it is a title boxed flat, alone in a
  region a few lines tall (``alto_lines.title_regions``, as in ALTO). The index of its ``TextRegion`` is ``source_block``, a hint
  as ALTO's TextBlock is: words of two regions are never one line.
- Style: the nearest ``TextStyle`` (Word, then TextLine, then TextRegion) gives ``fontFamily``,
  ``bold``, ``italic`` and ``fontSize`` in points, converted to pixels at the page's
  ``imageXResolution`` (PPI, or PPCM) when stated, else 300 dpi. With no size, the height of
  the line's type, measured from its words' boxes as the ALTO reader measures it
  (``alto_lines.line_types``: on a page whose words are boxed to their ink and state no size,
  from the heights of their letters; else the upper quartile of its words' heights, a line
  in capitals its capital height), through ``ocr.sizes_from_heights``. A polygon's height
  is a poor measure of its type: "a cure was seen" is its x-height tall, a line of capitals
  its capital height, and line polygons of Transkribus reach from the baseline up by what
  its model guessed.
- Figures: ``ImageRegion`` and ``GraphicRegion``; rules: ``SeparatorRegion`` (by the longer
  side of its box); frames (``PageContent.frames``, drawn or tinted boxes around sidebars):
  ``GraphicRegion type="frame"``, as ``writers.pagexml`` writes them, which are no figures.

Region ids, the ``ReadingOrder`` and the element order are ignored: the analysis stages regroup
the words and find the reading order from the geometry alone.
"""

from __future__ import annotations

from functools import partial
from itertools import repeat
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..model import Box, Figure, PageContent, Rule, Word
from .alto_lines import boxed_line_types, title_regions
from .ocr import PageBounds, on_line, page_size, sizes_from_heights
from .xml import PAGE_NAMESPACES, expect_root, number_of, parse

DPI = 300.0
Style = tuple[str, bool, bool, float | None]  # family, bold, italic, size [pt]
_PER_INCH = {"PPI": 1.0, "PPCM": 2.54}


class PageXmlSource:
    """A PAGE-XML file opened as a source: one page per ``Page`` element (one, by the schema)."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.path = path
        root = parse(path)
        self._ns = expect_root(root, path, "PcGts", PAGE_NAMESPACES)
        self._pages = root.findall(self._tag("Page"))
        self.page_count = len(self._pages)
        if not self.page_count:
            raise InputError(f"{path}: the PAGE-XML file has no Page")

    def _tag(self, local: str) -> str:
        return f"{{{self._ns}}}{local}"

    def page(self, number: int) -> PageContent:
        """Read one page (1-based)."""
        page = self._pages[number - 1]
        size = [number_of(page.get(k)) for k in ("imageWidth", "imageHeight")]
        bounds = page_size(f"{self.path}: Page {number}", *size)
        unit = _PER_INCH.get(page.get("imageResolutionUnit") or "PPI", 1.0)
        dpi = (number_of(page.get("imageXResolution")) or 0) * unit or DPI
        lines = list(page.iter(self._tag("TextLine")))
        # The list keeps lxml's element proxies alive, so each parent looked up is the same object.
        regions = list(page.iter(self._tag("TextRegion")))
        region_no = {region: k for k, region in enumerate(regions)}
        line_boxes = [bounds(polygon_box(line, self._ns), partial(_name, line)) for line in lines]
        # (a word's style is its own TextStyle's, else its line's, asked once a line; its name
        # is made only for an error)
        found = [[(element, text, confidence, self._style(element, line_style),
                   bounds(polygon_box(element, self._ns), partial(_name, element)))
                  for element, text, confidence in line_words(line, self._ns)]
                 for line, line_style in ((line, self._style(line)) for line in lines)]

        def lone_region(k: int) -> tuple[float, float, float, float] | None:
            region = lines[k].getparent()
            if region not in region_no or len(region.findall(self._tag("TextLine"))) != 1:
                return None
            box = polygon_box(region, self._ns)
            return None if box is None else (box.x0, box.y0, box.x1, box.y1)

        titles = title_regions([b.height for b in line_boxes], lone_region)
        for k, (_, top, _, bottom) in titles.items():
            box = line_boxes[k]
            line_boxes[k] = bounds(Box(box.x0, top, box.x1, bottom), _name(lines[k].getparent()))
        # each line's type measured from its words' boxes, as the ALTO reader measures it
        # (NewsEye's PAGE states a size for a word here and there: 336 of 2789 on a page of 1942)
        types = boxed_line_types([[(e, text, b) for e, text, _, _, b in words] for words in found],
                                 line_boxes, titles,
                                 lambda: [style[3] for words in found for *_, style, _ in words])
        estimates = sizes_from_heights(types)
        words = []
        for line_no, (line, line_box, estimate, members) in enumerate(
                zip(lines, line_boxes, estimates, found)):
            for element, text, confidence, (font, bold, italic, points), box in members:
                size = points * dpi / 72 if points else estimate
                words.append(Word(text, on_line(box, line_box), font, round(size, 2), bold, italic,
                                  confidence=confidence, source_line=line_no,
                                  source_block=region_no.get(line.getparent())))
        return PageContent(number, bounds.width, bounds.height, "px", tuple(words),
                           *self._graphics(page, bounds))

    def _style(self, element: etree._Element, inherited: Style | None = None) -> Style:
        """(family, bold, italic, size in points) of the nearest TextStyle: the element's own,
        else ``inherited`` (its parent's, when the caller has it: the element itself when it
        is that parent, a line read as one word), else its ancestors'."""
        if inherited is not None:
            own = element.find(self._tag("TextStyle"))
            return inherited if own is None else _style_of(own)
        for holder in (element, *element.iterancestors()):
            style = holder.find(self._tag("TextStyle"))
            if style is not None:
                return _style_of(style)
        return "", False, False, None

    def _graphics(self, page: etree._Element, bounds: PageBounds
                  ) -> tuple[tuple[Figure, ...], tuple[Rule, ...], tuple[Box, ...]]:
        figures, frames = [], []
        for e in page.iter(self._tag("ImageRegion"), self._tag("GraphicRegion")):
            box = bounds(polygon_box(e, self._ns), _name(e))
            if e.tag == self._tag("GraphicRegion") and e.get("type") == "frame":
                if box.area > 0:
                    frames.append(box)
            else:
                figures.append(Figure(box))
        rules = []
        for e in page.iter(self._tag("SeparatorRegion")):
            box = bounds(polygon_box(e, self._ns), _name(e))
            rules.append(Rule(box, "h" if box.width >= box.height else "v"))
        return tuple(figures), tuple(rules), tuple(frames)

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        """No pixels are read from PAGE-XML: nothing to write."""
        return None

    def close(self) -> None:
        """Nothing to release: the file was read whole when opened."""


def _style_of(style: etree._Element) -> Style:
    """(family, bold, italic, size in points) a ``TextStyle`` element says."""
    return (style.get("fontFamily") or "", style.get("bold") == "true", style.get("italic") == "true",
            number_of(style.get("fontSize")))


def polygon_box(element: etree._Element, ns: str) -> Box | None:
    """The bounding box of the element's ``Coords points`` polygon; None without one."""
    coords = element.find(f"{{{ns}}}Coords")
    try:
        text = coords.get("points")
        pairs = text.split()
        numbers = text.replace(",", " ").split()
        if text.count(",") == len(pairs) and len(numbers) == 2 * len(pairs) and all(
                map(str.__contains__, pairs, repeat(","))):
            # each point "x,y" (one comma in each, a number either side): the numbers in
            # turn, read in C
            xs, ys = list(map(float, numbers[0::2])), list(map(float, numbers[1::2]))
        else:
            points = [tuple(map(float, p.split(","))) for p in pairs]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
    except (AttributeError, ValueError, IndexError):
        return None
    return Box(min(xs), min(ys), max(xs), max(ys)) if xs else None


def line_words(line: etree._Element, ns: str) -> list[tuple[etree._Element, str, float | None]]:
    """(element, text, confidence) of the words of a ``TextLine`` as the reader takes them: its
    ``Word`` elements that have text, or the line itself as one word when none has (a line
    transcribed without words). Ground truth reads lines through here too."""
    words = [(word, *_equiv(word, ns)) for word in line.iterfind(f"{{{ns}}}Word")]
    words = [word for word in words if word[1]] or [(line, *_equiv(line, ns))]
    return [word for word in words if word[1]]


def _equiv(element: etree._Element, ns: str) -> tuple[str, float | None]:
    """The element's own text (its first TextEquiv by index, spaces collapsed) and that
    TextEquiv's conf; empty when it has none."""
    equivs = element.findall(f"{{{ns}}}TextEquiv")
    if not equivs:
        return "", None
    first = equivs[0] if len(equivs) == 1 else min(equivs, key=lambda e: number_of(e.get("index")) or 0.0)
    unicode = first.find(f"{{{ns}}}Unicode")
    # (a Unicode holding no element, most, has its text alone: no walk of its children)
    text = "" if unicode is None else " ".join(
        ("".join(unicode.itertext()) if len(unicode) else unicode.text or "").split())
    return text, number_of(first.get("conf"))


def _name(element: etree._Element) -> str:
    """How errors name an element: its tag and id."""
    return f"{etree.QName(element).localname} {element.get('id') or '(no id)'}"
