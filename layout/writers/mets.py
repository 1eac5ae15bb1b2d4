"""METS writer: a METS 1.12 file for the document and one ALTO file per page, as archives keep them.

``PageFiles(stem, source)`` gives each page's ALTO file as the page ends
(``{"NAME-p0001.alto.xml": …}``) and the METS file at the end (``{"NAME.mets.xml": …}``): the
caller writes them all into one folder, where the METS file points to each ALTO file by its
relative name. Of a page, only its ALTO file's size and checksum and its stories' divs are kept
until the end, so an issue of any length is written with the memory of one page. The shape is that of the newspaper METS of BnL, BnF/Europeana and RERO (samples
in ``shared/corpus/mets_alto``):

- ``fileSec``: a ``fileGrp USE="Text"`` with one ``file`` per ALTO (``ALTO00001``…, by page
  number) carrying its size and MD5 checksum.
- Physical ``structMap``: a ``Newspaper`` div holding one ``PAGE`` div per page, whose
  ``area`` points at the ALTO ``Page`` element.
- Logical ``structMap``: ``Newspaper`` > ``CONTENT`` > one div per story, page by page in
  reading order: ``ARTICLE`` for a story, ``ILLUSTRATION`` for a picture story, ``ADVERTISEMENT``
  for an ad, with ``LABEL`` = its headline. Inside: ``HEADING`` holds the story's leading
  ``OVERLINE`` (kicker), ``TITLE`` (headline) and ``SUBHEADLINE`` (deck); ``BODY`` >
  ``BODY_CONTENT`` holds the rest in reading order, numbered by ``ORDER``: ``PARAGRAPH`` >
  ``TEXT`` for body text, ``AUTHOR`` (byline), ``CAPTION``, ``ILLUSTRATION`` > ``IMAGE`` for a
  figure (its captions after the image), a nested ``ARTICLE`` for a sidebar, and our own role
  name (``CROSSHEAD``, ``JUMP``, ``CREDIT``) where archives have no word for it.

Every leaf holds ``fptr/area FILEID=<the page's ALTO> BETYPE="IDREF" BEGIN=<TextBlock or
Illustration ID>``. Page furniture and figures of no story stay out of the logical map (they
belong to no article); the ALTO files tag and hold them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from itertools import count
from urllib.parse import quote

from lxml import etree

from .. import __version__
from ..model import Block, Figure, Layout, Story
from ..roles import KINDS, ROLES
from .alto import alto_bytes, alto_name, element_ids
from .validate import validate
from .xmltree import namespaced

METS_NS = "http://www.loc.gov/METS/"
_q, _el, _sub = namespaced(METS_NS)
XLINK_NS = "http://www.w3.org/1999/xlink"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{METS_NS} http://www.loc.gov/standards/mets/mets.xsd"

# The ALTO ID of every block and figure of a page (alto.element_ids).
Targets = dict[Block | Figure, str]


def mets_name(stem: str) -> str:
    """The file name of the METS file: ``NAME.mets.xml``."""
    return f"{stem}.mets.xml"


def file_id(page: int) -> str:
    """The METS file ID of a page's ALTO."""
    return f"ALTO{page:05d}"


class PageFiles:
    """The ALTO file of each page as it ends, then the METS file listing them all."""

    def __init__(self, stem: str, source: str) -> None:
        self.stem, self.source = stem, source
        self.ids = (f"DIV{n}" for n in count(1))
        self.pages: list[tuple[int, int, str]] = []  # (page number, ALTO size, its MD5)
        self.stories: list[etree._Element] = []  # the logical divs, in reading order
        self.order = count(1)

    def page(self, layout: Layout) -> dict[str, bytes]:
        data = alto_bytes(layout, self.source)
        self.pages.append((layout.number, len(data), hashlib.md5(data).hexdigest()))
        targets = element_ids(layout)
        self.stories += [_story(s, layout.number, targets, self.ids, next(self.order))
                         for s in layout.stories]
        return {alto_name(self.stem, layout.number): data}

    def end(self) -> dict[str, bytes]:
        data = etree.tostring(self._mets(), xml_declaration=True, encoding="UTF-8",
                              pretty_print=True)
        validate(data, "mets")
        return {mets_name(self.stem): data}

    def _mets(self) -> etree._Element:
        root = etree.Element(_q("mets"), nsmap={None: METS_NS, "xlink": XLINK_NS, "xsi": XSI_NS},
                             OBJID=self.stem, LABEL=self.source, TYPE="Newspaper")
        root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
        agent = _sub(_sub(root, "metsHdr"), "agent", ROLE="CREATOR", TYPE="OTHER",
                     OTHERTYPE="SOFTWARE")
        _sub(agent, "name").text = f"newslayout {__version__}"
        group = _sub(_sub(root, "fileSec"), "fileGrp", ID="ALTOGRP", USE="Text")
        for seq, (number, size, md5) in enumerate(self.pages, 1):
            f = _sub(group, "file", ID=file_id(number), MIMETYPE="text/xml", SEQ=str(seq),
                     SIZE=str(size), CHECKSUM=md5, CHECKSUMTYPE="MD5")
            href = quote(alto_name(self.stem, number))
            _sub(f, "FLocat", LOCTYPE="URL").set(f"{{{XLINK_NS}}}href", href)
        physical = _sub(_sub(root, "structMap", TYPE="PHYSICAL", LABEL="Physical Structure"),
                        "div", ID=next(self.ids), TYPE="Newspaper", LABEL=self.source)
        for seq, (number, _, _) in enumerate(self.pages, 1):
            div = _sub(physical, "div", ID=next(self.ids), TYPE="PAGE", ORDER=str(seq),
                       ORDERLABEL=str(number))
            _area(div, number, f"P{number}")
        logical = _sub(_sub(root, "structMap", TYPE="LOGICAL", LABEL="Logical Structure"), "div",
                       ID=next(self.ids), TYPE="Newspaper", LABEL=self.source)
        _sub(logical, "div", ID=next(self.ids), TYPE="CONTENT").extend(self.stories)
        return root


def _story(s: Story, page: int, targets: Targets, ids: Iterator[str],
           order: int) -> etree._Element:
    """One story's div: HEADING with its leading kicker, headline and deck, then BODY."""
    div = _el("div", ID=next(ids), TYPE=KINDS[s.kind].mets, ORDER=str(order))
    headline = s.first("headline")
    if headline is not None and headline.text:
        div.set("LABEL", headline.text)
    content = list(s.content)
    n = 0
    while n < len(content) and isinstance(content[n], Block) and ROLES[content[n].role].mets_heading:
        n += 1
    if n:
        heading = _sub(div, "div", ID=next(ids), TYPE="HEADING")
        for b in content[:n]:
            _area(_sub(heading, "div", ID=next(ids), TYPE=ROLES[b.role].mets), page, targets[b])
    if content[n:]:
        body = _sub(_sub(div, "div", ID=next(ids), TYPE="BODY"), "div", ID=next(ids),
                    TYPE="BODY_CONTENT")
        for k, c in enumerate(content[n:], 1):
            if isinstance(c, Story):
                body.append(_story(c, page, targets, ids, k))
            elif isinstance(c, Figure):
                body.append(_figure(c, page, targets, ids, k))
            else:
                part = _sub(body, "div", ID=next(ids), TYPE=ROLES[c.role].mets, ORDER=str(k))
                if c.role == "body":
                    part = _sub(part, "div", ID=next(ids), TYPE="TEXT")
                _area(part, page, targets[c])
    return div


def _figure(f: Figure, page: int, targets: Targets, ids: Iterator[str],
            order: int) -> etree._Element:
    div = _el("div", ID=next(ids), TYPE="ILLUSTRATION", ORDER=str(order))
    _area(_sub(div, "div", ID=next(ids), TYPE="IMAGE"), page, targets[f])
    for c in f.caption:
        _area(_sub(div, "div", ID=next(ids), TYPE="CAPTION"), page, targets[c])
    return div


def _area(div: etree._Element, page: int, begin: str) -> None:
    _sub(_sub(div, "fptr"), "area", FILEID=file_id(page), BETYPE="IDREF", BEGIN=begin)


