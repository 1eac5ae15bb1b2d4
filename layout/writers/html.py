"""HTML writer: the contract's document (docs/contract.md), built with lxml.

Document order is reading order: page furniture header, stories (``<article>``) with their
header, paragraphs, crossheads, figures and nested sidebars, bare figures, then the page
furniture footer. Elements and classes come from the role and kind tables (``roles.py``).
Each page's ``<section>`` is built as a tree and serialised as soon as it is done, so a long
document never stands in memory whole.
"""

from __future__ import annotations

import re

from lxml import etree, html

from .. import __version__
from ..model import Block, Box, Figure, Layout, PageFailure, Story
from ..roles import HEADER_ROLES, KINDS, ROLES

STYLE = """
body{font:16px/1.5 Georgia,'Noto Serif CJK SC','Songti SC',serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
section.page{border-top:3px double #999;margin-bottom:3em}
.page-furniture{color:#777;font:12px/1.4 sans-serif;display:flex;flex-wrap:wrap;gap:0 1.5em}
.page-furniture p{margin:.3em 0}
article{margin:2em 0;padding-bottom:1em;border-bottom:1px solid #ddd}
article>header h2{font-size:1.6em;line-height:1.2;margin:.2em 0}
.kicker{font-variant:small-caps;color:#555;margin:0}
.deck{font-size:1.15em;color:#444;margin:.2em 0}
.byline{font-style:italic;color:#555}
aside.sidebar{background:#f4f1ea;border:1px solid #d8d0c0;padding:.5em 1em;margin:1em 0}
figure{margin:1em 0}figure img{max-width:100%}figcaption{font-size:.85em;color:#555}
.jump,.credit{font-size:.85em;color:#666}
.error{color:#a00}
"""

def bbox_text(box: Box) -> str:
    """The box as ``Box.as_list`` rounds it, written out (every element has one): one
    formatting of the four numbers (``%g`` writes a number as ``{:g}`` does)."""
    return "%g %g %g %g" % tuple(box.as_list())


# Characters XML (and so lxml) cannot hold; a source may hand them over from a damaged file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML cannot hold (control characters from a damaged file,
    or an escape in a file name) replaced by U+FFFD, so that lxml never refuses it."""
    return _NOT_XML.sub("\ufffd", text)


def _el(tag: str, text: str = "", box: Box | None = None, cls: str | None = None, **attrs) -> etree._Element:
    e = etree.Element(tag)
    if cls:
        e.set("class", cls)
    for k, v in attrs.items():
        e.set(k.replace("_", "-"), xml_text(str(v)))
    if box is not None:
        e.set("data-bbox", bbox_text(box))
    if text:
        e.text = xml_text(text)
    return e


def _block(b: Block, level: int) -> etree._Element:
    """One block as the element its role calls for; headlines at ``level``, crossheads below."""
    form = ROLES[b.role]
    if form.heading is not None:
        return _el(f"h{min(level + form.heading, 6)}", b.text, b.box)
    return _el("p", b.text, b.box, form.css_class)


def _figure(f: Figure) -> etree._Element:
    e = _el("figure", box=f.box)
    if f.src:
        e.append(_el("img", src=f.src, alt=""))
    for label in f.labels:
        e.append(_el("p", label.text, label.box, ROLES[label.role].css_class))
    if f.captions:
        e.append(_el("figcaption", " ".join(c.text for c in f.captions)))
    return e


def _story(s: Story, level: int = 2) -> etree._Element:
    """An ``<article>`` (or a sidebar's or an ad's ``<aside>``) with its header and content."""
    kind = KINDS[s.kind]
    columns = {} if s.kind == "sidebar" else {"data_columns": s.columns}
    e = _el(kind.tag, box=s.box, cls=kind.css_class, id=s.id, **columns)
    content = list(s.content)
    n = 0
    while n < len(content) and isinstance(content[n], Block) and content[n].role in HEADER_ROLES:
        n += 1
    if n and s.kind != "sidebar":
        header = etree.SubElement(e, "header")
        for b in content[:n]:
            header.append(_block(b, level))
        content = content[n:]
    # In an article's body a second headline ranks below the story's own; a sidebar's is its title.
    body_level = level if s.kind == "sidebar" else level + 1
    for c in content:
        if isinstance(c, Block):
            e.append(_block(c, body_level))
        elif isinstance(c, Figure):
            e.append(_figure(c))
        else:
            e.append(_story(c, level + 1))
    return e


def page_section(p: Layout | PageFailure, source: str) -> etree._Element:
    if isinstance(p, PageFailure):
        sec = _el("section", cls="page failed", id=f"p{p.number}", data_page=p.number)
        sec.append(_el("p", p.error, cls="error"))
        return sec
    sec = _el("section", cls="page", id=f"p{p.number}", data_page=p.number, data_source=source,
              data_width=f"{p.width:g}", data_height=f"{p.height:g}", data_unit=p.unit)
    if p.lang:
        sec.set("lang", p.lang)
    if p.header:
        head = etree.SubElement(sec, "header", {"class": "page-furniture"})
        for b in p.header:
            head.append(_el("p", b.text, b.box))
    for s in p.stories:
        sec.append(_story(s))
    for f in p.figures:
        sec.append(_figure(f))
    if p.footer:
        foot = etree.SubElement(sec, "footer", {"class": "page-furniture"})
        for b in p.footer:
            foot.append(_el("p", b.text, b.box))
    return sec


def html_head(title: str, style: str) -> etree._Element:
    """An HTML document's ``<head>``: charset, generator, title and inline style; shared with
    the overlay view."""
    head = etree.Element("head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "meta", name="generator", content=f"newslayout {__version__}")
    etree.SubElement(head, "title").text = xml_text(title)
    etree.SubElement(head, "style").text = style
    return head


def document_frame(head: etree._Element, lang: str | None) -> tuple[bytes, bytes]:
    """An HTML5 document's bytes before and after the content of its ``<body>``, serialised by
    lxml from an empty document: ``<!DOCTYPE html><html …><head>…</head><body>`` and
    ``</body></html>``. What goes between is serialised element by element."""
    root = etree.Element("html", {"lang": lang} if lang else {})
    root.append(head)
    etree.SubElement(root, "body")
    text = html.tostring(root, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")
    opening, _, closing = text.rpartition(b"</body>")
    return opening, b"</body>" + closing + b"\n"


def element_bytes(element: etree._Element) -> bytes:
    """One element serialised as HTML."""
    return html.tostring(element, encoding="utf-8", method="html")


class TextFile:
    """The HTML of one document, written a page at a time.

    The document's language is the one passed in, else the first analysed page's: sections of
    failed pages before it wait until it is known (or until the end).
    """

    def __init__(self, source: str, lang: str | None) -> None:
        self.source, self.lang = source, lang
        self.closing: bytes | None = None  # set once the opening is written
        self.waiting: list[bytes] = []

    def page(self, p: Layout | PageFailure) -> bytes:
        self.waiting.append(element_bytes(page_section(p, self.source)))
        if self.closing is None and self.lang is None and isinstance(p, Layout):
            self.lang = p.lang or ""
        return self._flush() if self.closing is not None or self.lang is not None else b""

    def end(self) -> bytes:
        return self._flush() + self.closing

    def _flush(self) -> bytes:
        out = b""
        if self.closing is None:
            out, self.closing = document_frame(html_head(self.source, STYLE), self.lang or None)
        out += b"".join(self.waiting)
        self.waiting.clear()
        return out
