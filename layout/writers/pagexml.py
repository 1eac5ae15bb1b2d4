"""PAGE-XML writer: one PAGE 2019-07-15 file per page, regions typed, stories in the ReadingOrder.

Regions
    Every block is a ``TextRegion`` in reading order (the order of ``alto.reading_items``),
    every figure an ``ImageRegion`` followed by its caption regions, with the IDs of the ALTO
    file of the same page (``P1_TB00001``, ``P1_IL00001``); all have rectangular ``Coords``.
    Text regions hold ``TextLine``/``Word`` with ``TextEquiv`` (the region's is the paragraph
    text, hyphenation undone; a line's and a word's are as printed, a PDF span of several
    words split as in ALTO) and a word's ``TextStyle``. PAGE has fewer text types than we have
    roles, so the region ``type`` is the nearest one and ``custom="structure {type:<role>;}"``
    (the Transkribus convention) keeps our exact role:

    ======================  ===================================================
    our role                PAGE ``type``
    ======================  ===================================================
    headline, kicker, deck  heading (a kicker and a deck are headings of the story)
    crosshead               heading
    body                    paragraph
    caption                 caption
    byline, credit          credit (PAGE's "signature-mark" is a bookbinding mark)
    jump                    other ("Continued on A18": PAGE has no such type)
    furniture               header or footer by its place; page-number when it is
                            only a number
    ======================  ===================================================

Rules and frames
    The page's drawn separator rules follow the regions of the reading order as
    ``SeparatorRegion``s (``P1_SR00001``), then its frames (the drawn or tinted boxes around
    sidebars) as ``GraphicRegion type="frame"`` (``P1_FR00001``); "frame" is one of the
    schema's ``GraphicsTypeSimpleType`` values (logo, letterhead, decoration, frame, …), and a
    GraphicRegion is PAGE's region for simple graphics that are not pictures. Neither is in
    the ReadingOrder.

Reading order
    ``ReadingOrder`` holds one ``UnorderedGroup`` for the page: page furniture and figures of
    no story as plain ``RegionRef``s, and one ``OrderedGroup`` per story (``caption`` = its
    headline) listing its regions in order, a sidebar as a nested ``OrderedGroupIndexed``.

Coordinates
    PAGE wants whole, non-negative pixels. Pixel pages keep theirs, rounded; PDF pages are
    written at 72 pixels per inch, so one pixel is one point (``imageXResolution="72"``,
    ``imageResolutionUnit="PPI"``) and a reader gets points back unchanged; rounding costs
    at most half a point. ``fontSize`` is in points; on pixel pages, which state no resolution,
    at the resolution our readers then assume (``model.PIXEL_DPI``, 300 dpi).
    ``Created`` and ``LastChange`` are the time of writing, or ``SOURCE_DATE_EPOCH`` when set,
    so that a build can be reproduced byte for byte.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from itertools import count

from lxml import etree

from .. import __version__
from ..errors import UsageError
from ..model import PIXEL_DPI, Block, Box, Figure, Layout, Line, Story, Word, font_family
from ..roles import ROLES
from .alto import element_ids, reading_items, split_word
from .validate import validate
from .xmltree import namespaced

PAGE_NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
_q, _el, _sub = namespaced(PAGE_NS)
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{PAGE_NS} {PAGE_NS}/pagecontent.xsd"
_PAGE_NUMBER = re.compile(r"[\W_]*\d{1,4}[\W_]*")


def page_name(stem: str, page: int) -> str:
    """The file name of one page's PAGE-XML: ``NAME-p0001.page.xml``."""
    return f"{stem}-p{page:04d}.page.xml"


class PageFiles:
    """One validated PAGE file per analysed page: ``{NAME-p0001.page.xml: bytes}``."""

    def __init__(self, stem: str, source: str) -> None:
        self.stem, self.source = stem, source

    def page(self, layout: Layout) -> dict[str, bytes]:
        return {page_name(self.stem, layout.number): page_bytes(layout, self.source)}

    def end(self) -> dict[str, bytes]:
        return {}


def page_bytes(page: Layout, source: str) -> bytes:
    """One page as a PAGE-XML file, checked against the PAGE 2019 schema."""
    if page.unit not in ("px", "pt"):
        raise UsageError(f"page {page.number}: cannot write PAGE-XML for unit {page.unit!r}")
    data = etree.tostring(_pcgts(page, source), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)
    validate(data, "page")
    return data


def _pcgts(page: Layout, source: str) -> etree._Element:
    root = etree.Element(_q("PcGts"), nsmap={None: PAGE_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    meta = _sub(root, "Metadata")
    _sub(meta, "Creator").text = f"newslayout {__version__}"
    moment = _now()
    _sub(meta, "Created").text = moment
    _sub(meta, "LastChange").text = moment
    pg = _sub(root, "Page", imageFilename=source, imageWidth=str(round(page.width)),
              imageHeight=str(round(page.height)))
    if page.unit == "pt":
        pg.attrib.update({"imageXResolution": "72", "imageYResolution": "72",
                          "imageResolutionUnit": "PPI"})
    # The regions keep the IDs of the ALTO TextBlocks and Illustrations of the same page.
    ids = element_ids(page)
    order = _reading_order(page, ids)
    if order is not None:
        pg.append(order)
    footer = {ids[b] for b in page.footer}
    prefix = f"P{page.number}_"
    lines = (f"{prefix}TL{n:05d}" for n in count(1))
    words = (f"{prefix}W{n:06d}" for n in count(1))
    point = 1.0 if page.unit == "pt" else 72 / PIXEL_DPI
    for item, _ in reading_items(page):
        if isinstance(item, Figure):
            _coords(_sub(pg, "ImageRegion", id=ids[item]), item.box)
        else:
            kind = _region_type(item, ids[item] in footer)
            pg.append(_text_region(item, ids[item], kind, lines, words, point))
    for n, rule in enumerate(page.rules, 1):
        _coords(_sub(pg, "SeparatorRegion", id=f"{prefix}SR{n:05d}"), rule.box)
    for n, frame in enumerate(page.frames, 1):
        _coords(_sub(pg, "GraphicRegion", id=f"{prefix}FR{n:05d}", type="frame"), frame)
    return root


def _region_type(b: Block, in_footer: bool) -> str:
    if b.role != "furniture":
        return ROLES[b.role].page_region
    if _PAGE_NUMBER.fullmatch(b.text or b.raw_text):
        return "page-number"
    return "footer" if in_footer else "header"


def _text_region(b: Block, ident: str, kind: str, lines: Iterator[str], words: Iterator[str],
                 point: float) -> etree._Element:
    """A block as a TextRegion; ``point`` converts the page's unit to points for font sizes."""
    region = _el("TextRegion", id=ident, type=kind, custom=f"structure {{type:{b.role};}}")
    _coords(region, b.box)
    for line in b.lines:
        region.append(_text_line(line, next(lines), words, point))
    _text(region, b.text or b.raw_text)
    return region


def _text_line(line: Line, ident: str, words: Iterator[str], point: float) -> etree._Element:
    tl = _el("TextLine", id=ident)
    if line.vertical:
        tl.set("readingDirection", "top-to-bottom")
    _coords(tl, line.box)
    for w in line.words:
        for text, box in split_word(w):
            tl.append(_word(w, text, box, next(words), point))
    _text(tl, line.text)
    return tl


def _word(w: Word, text: str, box: Box, ident: str, point: float) -> etree._Element:
    """One word: ``text`` and ``box`` are a part of ``w`` when w is a run of several words."""
    el = _el("Word", id=ident)
    _coords(el, box)
    _text(el, text, w.confidence)
    style = _sub(el, "TextStyle")
    if font_family(w.font):
        style.set("fontFamily", font_family(w.font))
    if w.size > 0:
        style.set("fontSize", f"{round(w.size * point, 2):g}")
    if w.bold:
        style.set("bold", "true")
    if w.italic:
        style.set("italic", "true")
    return el


def _reading_order(page: Layout, ids: dict[Block | Figure, str]) -> etree._Element | None:
    """One UnorderedGroup: furniture and loose figures by reference, an OrderedGroup per story."""
    groups = (f"P{page.number}_RO{n:03d}" for n in count(1))
    page_group = _el("UnorderedGroup", id=next(groups), caption="page")
    for b in page.header:
        _sub(page_group, "RegionRef", regionRef=ids[b])
    for s in page.stories:
        group = _story_group(s, ids, groups, _el("OrderedGroup", id=next(groups)))
        if len(group):
            page_group.append(group)
    for f in page.figures:
        for item in (f, *f.caption):
            _sub(page_group, "RegionRef", regionRef=ids[item])
    for b in page.footer:
        _sub(page_group, "RegionRef", regionRef=ids[b])
    if not len(page_group):
        return None
    order = _el("ReadingOrder")
    order.append(page_group)
    return order


def _story_group(s: Story, ids: dict[Block | Figure, str], groups: Iterator[str],
                 group: etree._Element) -> etree._Element:
    """The story's regions in order under ``group``; sidebars become nested indexed groups."""
    headline = s.first("headline")
    if headline is not None and headline.text:
        group.set("caption", headline.text)
    group.set("type", "article")
    index = count(0)
    for c in s.content:
        if isinstance(c, Story):
            nested = _story_group(c, ids, groups, _el("OrderedGroupIndexed", id=next(groups)))
            if len(nested):
                nested.set("index", str(next(index)))
                group.append(nested)
            continue
        for item in (c, *c.caption) if isinstance(c, Figure) else (c,):
            _sub(group, "RegionRefIndexed", index=str(next(index)), regionRef=ids[item])
    return group


def _coords(parent: etree._Element, b: Box) -> None:
    x0, y0 = max(0, round(b.x0)), max(0, round(b.y0))
    x1, y1 = max(x0, round(b.x1)), max(y0, round(b.y1))
    _sub(parent, "Coords", points=f"{x0},{y0} {x1},{y0} {x1},{y1} {x0},{y1}")


def _text(parent: etree._Element, text: str, conf: float | None = None) -> None:
    equiv = _sub(parent, "TextEquiv")
    if conf is not None:
        equiv.set("conf", f"{min(max(conf, 0.0), 1.0):.3f}")
    _sub(equiv, "Unicode").text = text


def _now() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.fromtimestamp(int(epoch), timezone.utc) if epoch
              else datetime.now(timezone.utc))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


