"""An ALTO page rewritten as PAGE-XML or hOCR, as other OCR engines write them (``bench/variants.py``).

Both keep the ALTO's cut of the page: a region per ``TextBlock``, a line per printed line
(``alto_lines.printed_lines``: a TextLine, or each row of one that holds several), a word per
``String`` with a box, its text as our ALTO reader reads it (a word broken at the line end ends
in "-"), so that the text is the same as in the ALTO. A line's box is its TextLine's (the
union of its words' for a row of a TextLine holding several); figures and separator rules are
those our ALTO reader finds. Coordinates are whole pixels, as PAGE and hOCR write them.

- ``page``: PAGE-XML 2019-07-15 as Transkribus or OCR-D write it: ``TextRegion`` with
  ``Coords``, ``TextLine`` with ``Coords``, ``Baseline`` and ``TextEquiv``, ``Word`` with
  ``Coords`` and ``TextEquiv``; ``ImageRegion`` and ``SeparatorRegion``. No ``TextStyle``:
  automatic recognition there states no type size, face, weight or slant.
- ``hocr``: hOCR as Tesseract 5 writes it: ``ocr_carea`` > ``ocr_par`` > ``ocr_line`` >
  ``ocrx_word`` with ``bbox`` and ``x_wconf``, the line's ``baseline``, ``x_size``,
  ``x_descenders`` and ``x_ascenders``; ``ocr_photo`` and ``ocr_separator``. No ``x_font``,
  ``x_fsize``, ``<strong>`` or ``<em>``: Tesseract's LSTM engine gives no font attributes.
  ``x_size`` is Tesseract's estimate of the row's type height, ascender to descender, even
  for a row without ascenders or descenders (a line of "a cure was seen" 24 px tall gets an
  x_size of 32 beside lines of 31): it is emulated by the ALTO reader's own measure of the type
  (``alto_lines.line_types`` on a page stating no size, a title boxed flat being its region's
  height: ``alto_lines.title_regions``), which measures the same thing from the page's letters,
  not from pixels as Tesseract does; ``x_descenders`` and ``x_ascenders``
  (which our reader does not read) are ``_REACH`` of it, as Tesseract gives them for a face of
  usual proportions.
"""

from __future__ import annotations

from pathlib import Path
from statistics import median

from lxml import etree

from layout.model import PageContent
from layout.sources.alto import load, read_page
from layout.sources.alto_lines import Coords, line_types, printed_lines, raw_box, title_regions
from layout.sources.xml import number_of

PAGE_NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# [share of x_size] Tesseract's x_ascenders and x_descenders for a face of usual proportions
# (7-7.5 of 31-32 px for body type, 14.9 of 59.4 for capitals, in Tesseract 5.3's output)
_REACH = 0.23
_BELOW = frozenset("gjpqy")  # letters reaching below the baseline

Word = tuple[str, Coords, float | None]  # text, box [px], confidence (0-1)
Line = tuple[Coords, list[Word]]
Region = tuple[Coords, list[Line]]


def _union(boxes: list[Coords]) -> Coords:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _read(path: Path) -> tuple[PageContent, list[Region]]:
    """The ALTO file's first page as our reader reads it (for its size, figures and rules),
    and its regions: each TextBlock's box (its words' union when it states none) and lines."""
    alto = load(path)
    page = alto.pages[0]
    regions = []
    for block in page.iter(alto.tag("TextBlock")):
        lines = []
        for line in block.iter(alto.tag("TextLine")):
            rows = printed_lines(alto, line)
            own = raw_box(line, alto.scale) if len(rows) == 1 else None
            for row in rows:
                words = [(text, box, number_of(string.get("WC")))
                         for string, text, box in row if box is not None]
                if words:
                    union = _union([w[1] for w in words])
                    lines.append((own if own and own[3] > own[1] else union, words))
        if lines:
            box = raw_box(block, alto.scale) or _union([b for b, _ in lines])
            regions.append((box, lines))
    return read_page(alto, page, 1), regions


def _points(box: Coords) -> str:
    x0, y0, x1, y1 = (round(v) for v in box)
    return f"{x0},{y0} {x1},{y0} {x1},{y1} {x0},{y1}"


def _baseline(line: Line) -> int:
    """Where the letters of a line stand: the median bottom of its words with no letter
    reaching below, else its bottom less a fifth of its height."""
    (_, y0, _, y1), words = line
    bottoms = [b[3] for text, b, _ in words if _BELOW.isdisjoint(text)]
    return round(median(bottoms) if bottoms else y1 - (y1 - y0) / 5)


def page(path: Path) -> Path:
    """Write the ALTO file at ``path`` as PAGE-XML beside it (``.page.xml``); its path."""
    content, regions = _read(path)
    E = f"{{{PAGE_NS}}}"
    root = etree.Element(E + "PcGts", nsmap={None: PAGE_NS})
    meta = etree.SubElement(root, E + "Metadata")
    for name, value in (("Creator", "newslayout bench/engine_forms.py"),
                        ("Created", "2026-01-01T00:00:00"), ("LastChange", "2026-01-01T00:00:00")):
        etree.SubElement(meta, E + name).text = value
    sheet = etree.SubElement(root, E + "Page", imageFilename=f"{path.stem}.tif",
                             imageWidth=f"{round(content.width)}", imageHeight=f"{round(content.height)}")
    ids = iter(range(1, 10**9))

    def element(parent: etree._Element, tag: str, box: Coords) -> etree._Element:
        e = etree.SubElement(parent, E + tag, id=f"{tag}_{next(ids)}")
        etree.SubElement(e, E + "Coords", points=_points(box))
        return e

    def text(parent: etree._Element, value: str, confidence: float | None = None) -> None:
        equiv = etree.SubElement(parent, E + "TextEquiv")
        if confidence is not None:
            equiv.set("conf", f"{confidence:g}")
        etree.SubElement(equiv, E + "Unicode").text = value

    for box, lines in regions:
        region = element(sheet, "TextRegion", box)
        for line in lines:
            (x0, _, x1, _), words = line
            row = element(region, "TextLine", line[0])
            y = _baseline(line)
            etree.SubElement(row, E + "Baseline", points=f"{round(x0)},{y} {round(x1)},{y}")
            for value, word_box, confidence in words:
                text(element(row, "Word", word_box), value, confidence)
            text(row, " ".join(w[0] for w in words))
        text(region, "\n".join(" ".join(w[0] for w in words) for _, words in lines))
    for figure in content.figures:
        element(sheet, "ImageRegion", tuple(figure.box.as_list(2)))
    for rule in content.rules:
        element(sheet, "SeparatorRegion", tuple(rule.box.as_list(2)))
    out = path.with_suffix(".page.xml")
    root.getroottree().write(str(out), xml_declaration=True, encoding="utf-8")
    return out


def hocr(path: Path) -> Path:
    """Write the ALTO file at ``path`` as hOCR beside it (``.hocr``); its path."""
    content, regions = _read(path)
    lines = [(box, line, len(found)) for box, found in regions for line in found]
    # a title boxed flat has its region's height (alto_lines.title_regions, as our readers
    # take it), as Tesseract, measuring pixels, would see it
    titles = title_regions([line[0][3] - line[0][1] for _, line, _ in lines],
                           lambda k: lines[k][0] if lines[k][2] == 1 else None)
    sizes, _ = line_types([([(None, t, b[0], b[2]) for t, b, _ in words],
                            [titles[k][3] - titles[k][1]] * len(words) if k in titles
                            else [b[3] - b[1] for _, b, _ in words])
                           for k, (_, (_, words), _) in enumerate(lines)], lambda: False)
    size_of = dict(zip([id(line) for _, line, _ in lines], sizes))
    H = f"{{{XHTML_NS}}}"
    root = etree.Element(H + "html", nsmap={None: XHTML_NS})
    head = etree.SubElement(root, H + "head")
    etree.SubElement(head, H + "title").text = ""
    etree.SubElement(head, H + "meta", name="ocr-system", content="tesseract 5.3.0")
    etree.SubElement(head, H + "meta", name="ocr-capabilities",
                     content="ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf")
    body = etree.SubElement(root, H + "body")
    sheet = etree.SubElement(body, H + "div", {"class": "ocr_page", "id": "page_1", "title":
                             f'image "{path.stem}.tif"; bbox 0 0 {round(content.width)} '
                             f"{round(content.height)}; ppageno 0"})
    counts = {"block": 0, "par": 0, "line": 0, "word": 0}

    def span(parent: etree._Element, tag: str, kind: str, name: str, title: str) -> etree._Element:
        counts[name] += 1
        return etree.SubElement(parent, H + tag, {"class": kind, "id": f"{name}_1_{counts[name]}",
                                                  "title": title})

    def bbox(box: Coords) -> str:
        return "bbox " + " ".join(str(round(v)) for v in box)

    for box, found in regions:
        par = span(span(sheet, "div", "ocr_carea", "block", bbox(box)), "p", "ocr_par", "par", bbox(box))
        for line in found:
            size = size_of[id(line)]
            offset = _baseline(line) - round(line[0][3])
            title = (f"{bbox(line[0])}; baseline 0 {offset}; x_size {size:.2f}; "
                     f"x_descenders {_REACH * size:.2f}; x_ascenders {_REACH * size:.2f}")
            row = span(par, "span", "ocr_line", "line", title)
            for value, word_box, confidence in line[1]:
                wconf = "" if confidence is None else f"; x_wconf {round(100 * confidence)}"
                span(row, "span", "ocrx_word", "word", bbox(word_box) + wconf).text = value
    for figure in content.figures:
        span(sheet, "div", "ocr_photo", "block", bbox(tuple(figure.box.as_list(2))))
    for rule in content.rules:
        span(sheet, "div", "ocr_separator", "block", bbox(tuple(rule.box.as_list(2))))
    out = path.with_suffix(".hocr")
    root.getroottree().write(str(out), xml_declaration=True, encoding="utf-8")
    return out
