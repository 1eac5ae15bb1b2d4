"""METS writer: a METS 1.12 file for the document and one ALTO file per page, as archives keep them.

``write_mets(doc, stem)`` returns ``{"NAME.mets.xml": …, "NAME-p0001.alto.xml": …, …}``: the
caller writes them all into one folder, where the METS file points to each ALTO file by its
relative name. The shape is that of the newspaper METS of BnL, BnF/Europeana and RERO (samples
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
from ..model import Block, Document, Figure, Layout, Story
from .alto import alto_bytes, alto_name, element_ids
from .validate import validate
from .xmltree import namespaced

METS_NS = "http://www.loc.gov/METS/"
_q, _el, _sub = namespaced(METS_NS)
XLINK_NS = "http://www.w3.org/1999/xlink"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{METS_NS} http://www.loc.gov/standards/mets/mets.xsd"

STORY_TYPES = {"story": "ARTICLE", "sidebar": "ARTICLE", "picture": "ILLUSTRATION",
               "ad": "ADVERTISEMENT"}
HEADING_TYPES = {"kicker": "OVERLINE", "headline": "TITLE", "deck": "SUBHEADLINE"}
BODY_TYPES = {**HEADING_TYPES, "body": "PARAGRAPH", "byline": "AUTHOR", "caption": "CAPTION",
              "crosshead": "CROSSHEAD", "jump": "JUMP", "credit": "CREDIT",
              "furniture": "FURNITURE"}
# The ALTO ID of every block and figure of a page (alto.element_ids).
Targets = dict[Block | Figure, str]


def mets_name(stem: str) -> str:
    """The file name of the METS file: ``NAME.mets.xml``."""
    return f"{stem}.mets.xml"


def file_id(page: int) -> str:
    """The METS file ID of a page's ALTO."""
    return f"ALTO{page:05d}"


def write_mets(doc: Document, stem: str) -> dict[str, bytes]:
    """The METS file and the ALTO files it lists, by file name, each checked against its schema."""
    pages = [p for p in doc.pages if isinstance(p, Layout)]
    altos = {p.number: alto_bytes(p, doc.source) for p in pages}
    data = etree.tostring(_mets(doc, stem, pages, altos), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)
    validate(data, "mets")
    return {mets_name(stem): data, **{alto_name(stem, n): a for n, a in altos.items()}}


def _mets(doc: Document, stem: str, pages: list[Layout], altos: dict[int, bytes]) -> etree._Element:
    root = etree.Element(_q("mets"), nsmap={None: METS_NS, "xlink": XLINK_NS, "xsi": XSI_NS},
                         OBJID=stem, LABEL=doc.source, TYPE="Newspaper")
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    agent = _sub(_sub(root, "metsHdr"), "agent", ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    _sub(agent, "name").text = f"newslayout {__version__}"
    group = _sub(_sub(root, "fileSec"), "fileGrp", ID="ALTOGRP", USE="Text")
    for seq, p in enumerate(pages, 1):
        data = altos[p.number]
        f = _sub(group, "file", ID=file_id(p.number), MIMETYPE="text/xml", SEQ=str(seq),
                 SIZE=str(len(data)), CHECKSUM=hashlib.md5(data).hexdigest(), CHECKSUMTYPE="MD5")
        href = quote(alto_name(stem, p.number))
        _sub(f, "FLocat", LOCTYPE="URL").set(f"{{{XLINK_NS}}}href", href)
    ids = (f"DIV{n}" for n in count(1))
    physical = _sub(_sub(root, "structMap", TYPE="PHYSICAL", LABEL="Physical Structure"), "div",
                    ID=next(ids), TYPE="Newspaper", LABEL=doc.source)
    for seq, p in enumerate(pages, 1):
        div = _sub(physical, "div", ID=next(ids), TYPE="PAGE", ORDER=str(seq),
                   ORDERLABEL=str(p.number))
        _area(div, p.number, f"P{p.number}")
    logical = _sub(_sub(root, "structMap", TYPE="LOGICAL", LABEL="Logical Structure"), "div",
                   ID=next(ids), TYPE="Newspaper", LABEL=doc.source)
    content = _sub(logical, "div", ID=next(ids), TYPE="CONTENT")
    order = count(1)
    for p in pages:
        targets = element_ids(p)
        for s in p.stories:
            content.append(_story(s, p.number, targets, ids, next(order)))
    return root


def _story(s: Story, page: int, targets: Targets, ids: Iterator[str],
           order: int) -> etree._Element:
    """One story's div: HEADING with its leading kicker, headline and deck, then BODY."""
    div = _el("div", ID=next(ids), TYPE=STORY_TYPES[s.kind], ORDER=str(order))
    headline = s.first("headline")
    if headline is not None and headline.text:
        div.set("LABEL", headline.text)
    content = list(s.content)
    n = 0
    while n < len(content) and isinstance(content[n], Block) and content[n].role in HEADING_TYPES:
        n += 1
    if n:
        heading = _sub(div, "div", ID=next(ids), TYPE="HEADING")
        for b in content[:n]:
            _area(_sub(heading, "div", ID=next(ids), TYPE=HEADING_TYPES[b.role]), page, targets[b])
    if content[n:]:
        body = _sub(_sub(div, "div", ID=next(ids), TYPE="BODY"), "div", ID=next(ids),
                    TYPE="BODY_CONTENT")
        for k, c in enumerate(content[n:], 1):
            if isinstance(c, Story):
                body.append(_story(c, page, targets, ids, k))
            elif isinstance(c, Figure):
                body.append(_figure(c, page, targets, ids, k))
            else:
                part = _sub(body, "div", ID=next(ids), TYPE=BODY_TYPES[c.role], ORDER=str(k))
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


