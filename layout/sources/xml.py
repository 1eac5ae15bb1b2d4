"""Safe XML parsing for every XML reader, and telling XML inputs apart by their root element.

Archive files come from outside, so every XML file is parsed with one configuration that keeps
it from reaching beyond itself: entities are never expanded (an XML external entity such as
``<!ENTITY e SYSTEM "file:///etc/passwd">`` stays an unexpanded reference, and a "billion
laughs" file stays small), no DTD is loaded, nothing is fetched from the network, and libxml2's
limits on depth and text size stay on (``huge_tree=False``). No table of XML IDs is kept
(``collect_ids=False``): no reader looks an element up by ``xml:id``, and checking every
attribute for one is a twentieth of parsing an ALTO page.

Errors name the file: a malformed file gives lxml's line and column, an unknown root gives the
namespace found.
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from ..errors import FormatError, InputError

ALTO_NAMESPACES = frozenset({
    "http://www.loc.gov/standards/alto/ns-v2#",
    "http://www.loc.gov/standards/alto/ns-v3#",
    "http://www.loc.gov/standards/alto/ns-v4#",
    "http://schema.ccs-gmbh.com/ALTO",  # ALTO 1.x as written by CCS docWorks
    "",
})
PAGE_NAMESPACES = frozenset({
    "http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15",
    "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15",
})
METS_NAMESPACE = "http://www.loc.gov/METS/"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"


def number_of(value: str | None) -> float | None:
    """An attribute's number, or None when it is missing or not a finite number: ``NaN``,
    ``INF`` or ``1e999`` in an OCR file is as good as no number (outputs carry finite ones)."""
    try:
        number = float(value) if value is not None else None
    except ValueError:
        return None
    return number if number is None or math.isfinite(number) else None


def regular(path: Path) -> None:
    """``InputError`` unless ``path`` is a regular file: a FIFO (named in an issue, say) would
    block the parser for ever, a device never end. Only looked up, never opened."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as e:
        raise InputError(f"{path}: no such file") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from e
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: not a regular file (a folder, pipe, device or socket): refused")


def _parser(remove_blank_text: bool = False) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True,
                           remove_blank_text=remove_blank_text, collect_ids=False)


def split_tag(tag: str) -> tuple[str, str]:
    """``"{ns}local"`` → ``("ns", "local")``; a tag with no namespace has ``""``."""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def parse(path: Path, text_in_attributes: bool = False) -> etree._Element:
    """The root element of the XML file at ``path``, parsed safely.

    ``text_in_attributes``: the format keeps its text in attributes (ALTO), so the white space
    between its elements, which indents them, is dropped while parsing (libxml2 keeps the
    text of an element holding no element, blank or not). An indented file has a text node
    after every element: without them, the tree has half the nodes and is read faster
    (a tenth of reading an ALTO page), its elements and attributes the same.

    Raises ``InputError`` when the file cannot be read, ``FormatError`` (with line and column)
    when it is not well-formed XML.
    """
    regular(path)
    try:
        return etree.parse(str(path), _parser(text_in_attributes)).getroot()
    except etree.XMLSyntaxError as e:
        raise _malformed(path, e) from e
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e}") from e


def parse_html(path: Path) -> etree._Element:
    """The root element of the HTML (or XHTML) file at ``path``, parsed leniently as browsers do.

    For hOCR, which is HTML and often not well-formed XML. libxml2's HTML parser never reads a
    DTD nor expands entities other than HTML's own, and fetches nothing.
    """
    regular(path)
    try:
        return lxml_html.parse(str(path), lxml_html.HTMLParser(no_network=True)).getroot()
    except (etree.XMLSyntaxError, OSError) as e:
        raise InputError(f"{path}: cannot read as HTML: {e}") from e


def _malformed(path: Path, e: etree.XMLSyntaxError) -> FormatError:
    """A FormatError naming the file and the line and column lxml stopped at."""
    line, column = e.position
    if not line:  # libxml2 said nothing of where or why: it could not allocate (the limit)
        return FormatError(f"{path}: cannot be parsed: libxml2 gave up without a position "
                           "(out of memory: a file too large for the memory limit?)")
    message = e.msg.rsplit(", line ", 1)[0]
    return FormatError(f"{path}: malformed XML at line {line}, column {column}: {message}")


def root_of(path: Path) -> tuple[str, str]:
    """(namespace, local name) of the root element, from a safe parse of the file's head only.

    Raises ``FormatError`` when the file breaks off or is malformed before its root element.
    """
    regular(path)
    try:
        for _, element in etree.iterparse(str(path), events=("start",), resolve_entities=False,
                                          no_network=True, load_dtd=False, huge_tree=False):
            return split_tag(element.tag)
    except etree.XMLSyntaxError as e:
        raise _malformed(path, e) from e
    raise FormatError(f"{path}: XML file without a root element")


def expect_root(root: etree._Element, path: Path, local: str, namespaces: frozenset[str]) -> str:
    """The namespace of ``root`` after checking it is ``local`` in one of ``namespaces``."""
    ns, name = split_tag(root.tag)
    if name != local:
        raise FormatError(f"{path}: root element is <{name}>, expected <{local}>")
    if ns not in namespaces:
        raise FormatError(f"{path}: unknown namespace {ns or '(none)'!r} for <{local}> "
                          f"(known: {', '.join(sorted(n for n in namespaces if n))})")
    return ns
