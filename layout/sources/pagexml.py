"""PAGE-XML files (PRImA PAGE 2013-07-15 and 2019-07-15) as ``PageContent``.

What is read:

- Page size: ``Page imageWidth/imageHeight``, in pixels.
- Words: ``Word`` elements, or a ``TextLine`` with no Words as one word; the box is the bounding
  box of the ``Coords points`` polygon, the text the ``TextEquiv/Unicode`` with the lowest
  ``index`` (the first when none has one), ``TextEquiv conf`` the confidence. The printed text is
  kept: PAGE has no hyphenation markup, so a line-end hyphen is in the text when it was printed.
- Lines: the index of the ``TextLine`` on the page is ``source_line``; its words get its top
  and bottom (``ocr.on_line``).
- Style: the nearest ``TextStyle`` (Word, then TextLine, then TextRegion) gives ``fontFamily``,
  ``bold``, ``italic`` and ``fontSize`` in points, converted to pixels at the page's
  ``imageXResolution`` (PPI, or PPCM) when stated, else 300 dpi; with no size, the line height
  (through ``ocr.sizes_from_heights``).
- Figures: ``ImageRegion`` and ``GraphicRegion``; rules: ``SeparatorRegion`` (by the longer
  side of its box); frames (``PageContent.frames``, drawn or tinted boxes around sidebars):
  ``GraphicRegion type="frame"``, as ``writers.pagexml`` writes them, which are no figures.

Regions, their ``ReadingOrder`` and the element order are ignored: the analysis stages regroup
the words and find the reading order from the geometry alone.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..model import Box, Figure, PageContent, Rule, Word
from .ocr import PageBounds, on_line, page_size, sizes_from_heights
from .xml import PAGE_NAMESPACES, expect_root, number_of, parse

DPI = 300.0
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
        line_boxes = [bounds(self._coords(line), _name(line)) for line in lines]
        estimates = sizes_from_heights([b.height for b in line_boxes])
        words = []
        for line_no, (line, line_box, estimate) in enumerate(zip(lines, line_boxes, estimates)):
            for element in line.findall(self._tag("Word")) or [line]:
                text, confidence = self._text(element)
                if not text:
                    continue
                box = on_line(bounds(self._coords(element), _name(element)), line_box)
                font, bold, italic, points = self._style(element)
                size = points * dpi / 72 if points else estimate
                words.append(Word(text, box, font, round(size, 2), bold, italic,
                                  confidence=confidence, source_line=line_no))
        return PageContent(number, bounds.width, bounds.height, "px", tuple(words),
                           *self._graphics(page, bounds))

    def _coords(self, element: etree._Element) -> Box | None:
        """The bounding box of the element's ``Coords points`` polygon."""
        coords = element.find(self._tag("Coords"))
        try:
            points = [tuple(map(float, p.split(","))) for p in coords.get("points").split()]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
        except (AttributeError, ValueError, IndexError):
            return None
        return Box(min(xs), min(ys), max(xs), max(ys)) if points else None

    def _text(self, element: etree._Element) -> tuple[str, float | None]:
        """The element's own text (its first TextEquiv by index) and that TextEquiv's conf."""
        equivs = element.findall(self._tag("TextEquiv"))
        if not equivs:
            return "", None
        first = min(equivs, key=lambda e: number_of(e.get("index")) or 0.0)
        unicode = first.find(self._tag("Unicode"))
        text = "" if unicode is None else " ".join("".join(unicode.itertext()).split())
        return text, number_of(first.get("conf"))

    def _style(self, element: etree._Element) -> tuple[str, bool, bool, float | None]:
        """(family, bold, italic, size in points) of the nearest TextStyle."""
        for holder in (element, *element.iterancestors()):
            style = holder.find(self._tag("TextStyle"))
            if style is not None:
                return (style.get("fontFamily") or "", style.get("bold") == "true",
                        style.get("italic") == "true", number_of(style.get("fontSize")))
        return "", False, False, None

    def _graphics(self, page: etree._Element, bounds: PageBounds
                  ) -> tuple[tuple[Figure, ...], tuple[Rule, ...], tuple[Box, ...]]:
        figures, frames = [], []
        for e in page.iter(self._tag("ImageRegion"), self._tag("GraphicRegion")):
            box = bounds(self._coords(e), _name(e))
            if e.tag == self._tag("GraphicRegion") and e.get("type") == "frame":
                if box.area > 0:
                    frames.append(box)
            else:
                figures.append(Figure(box))
        rules = []
        for e in page.iter(self._tag("SeparatorRegion")):
            box = bounds(self._coords(e), _name(e))
            rules.append(Rule(box, "h" if box.width >= box.height else "v"))
        return tuple(figures), tuple(rules), tuple(frames)

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        """No pixels are read from PAGE-XML: nothing to write."""
        return None

    def close(self) -> None:
        """Nothing to release: the file was read whole when opened."""


def _name(element: etree._Element) -> str:
    """How errors name an element: its tag and id."""
    return f"{etree.QName(element).localname} {element.get('id') or '(no id)'}"
