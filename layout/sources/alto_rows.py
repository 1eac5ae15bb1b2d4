"""The printed lines of an ALTO page read through one XSLT transform, the reader's fast path.

Reading a word's attributes from Python costs about 10 us a word (an lxml proxy per element,
a call per attribute), four times what libxml2 takes to parse it. libxslt, run once on the
page (``_STYLESHEET``), writes every attribute the reader uses as tab-separated text rows at
about the cost of the parse, and Python then splits strings. The rows carry exactly what
``alto._printed_rows`` reads from the elements, and the words are made from them by the same
functions (``alto_lines.word_text``, ``box_of``, ``split_rows``), so both paths give the same
page. This path reads only the common case and leaves the rest to the element path (it
returns None): a file whose values could hold the row separators (a tab, newline or carriage
return written as a character reference), a file with a DOCTYPE (entities are never expanded,
and libxslt would read an entity reference otherwise than lxml), and a page with a word or
line box missing or far outside the page, whose error names the element.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from .alto_lines import box_of, split_rows, word_text

from .alto_styles import StyleLookup, TextStyle

if TYPE_CHECKING:  # alto imports this module
    from .alto import AltoFile

# The text: first a row for every TextBlock of the page, in document order (the order that
# numbers them): its generate-id, then its style chain, the local name and STYLEREFS of it and
# of each ancestor with STYLEREFS (and of every Page or alto), root first. Then, each opened
# by a carriage return, a record for every TextLine: a row of its HPOS, VPOS, WIDTH, HEIGHT,
# the generate-id of its parent and its STYLEREFS; then a row for every String child, opened by
# a newline: HPOS, VPOS, WIDTH, HEIGHT, WC, STYLEREFS, STYLE, SUBS_TYPE, CONTENT. A HYP child
# adds a field "H" to the row before it (the String it follows, in file order: only lines
# with a HYP pay for that union of Strings and HYPs). Fields are split by tabs; a missing
# attribute is an empty field, which reads as the missing one does. "{a}" is the ALTO
# namespace's prefix (none for ALTO without one).
_STYLESHEET = """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    {declare}>
  <xsl:output method="text" encoding="utf-8"/>
  <xsl:template match="/">
    <xsl:for-each select=".//{a}TextBlock">
      <xsl:value-of select="generate-id()"/>
      <xsl:for-each select="ancestor-or-self::*[@STYLEREFS or local-name() = 'Page'
                                                or local-name() = 'alto']">
        <xsl:text>&#9;</xsl:text><xsl:value-of select="local-name()"/><xsl:text> </xsl:text>
        <xsl:value-of select="@STYLEREFS"/>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select=".//{a}TextLine">
      <xsl:text>&#13;</xsl:text><xsl:value-of select="@HPOS"/>
      <xsl:text>&#9;</xsl:text><xsl:value-of select="@VPOS"/>
      <xsl:text>&#9;</xsl:text><xsl:value-of select="@WIDTH"/>
      <xsl:text>&#9;</xsl:text><xsl:value-of select="@HEIGHT"/>
      <xsl:text>&#9;</xsl:text><xsl:value-of select="generate-id(..)"/>
      <xsl:text>&#9;</xsl:text><xsl:value-of select="@STYLEREFS"/>
      <xsl:choose>
        <xsl:when test="{a}HYP">
          <xsl:for-each select="{a}String | {a}HYP">
            <xsl:choose>
              <xsl:when test="self::{a}HYP"><xsl:text>&#9;H</xsl:text></xsl:when>
              <xsl:otherwise><xsl:call-template name="string"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="{a}String"><xsl:call-template name="string"/></xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>
  <xsl:template name="string">
    <xsl:text>&#10;</xsl:text><xsl:value-of select="@HPOS"/>
    <xsl:text>&#9;</xsl:text><xsl:value-of select="@VPOS"/>
    <xsl:text>&#9;</xsl:text><xsl:value-of select="@WIDTH"/>
    <xsl:text>&#9;</xsl:text><xsl:value-of select="@HEIGHT"/>
    <xsl:text>&#9;</xsl:text><xsl:value-of select="@WC"/>
    <xsl:text>&#9;</xsl:text><xsl:value-of select="@STYLEREFS"/>
    <xsl:text>&#9;</xsl:text><xsl:value-of select="@STYLE"/>
    <xsl:text>&#9;</xsl:text><xsl:value-of select="@SUBS_TYPE"/>
    <xsl:text>&#9;</xsl:text><xsl:value-of select="@CONTENT"/>
  </xsl:template>
</xsl:stylesheet>
"""

# What keeps a file off this path, besides a DOCTYPE: a tab, newline or carriage return
# written as a character reference (the only way one reaches an attribute value: the parser
# turns the literal ones into spaces).
_SEPARATOR = re.compile(rb"&#(?:x0*[9aAdD]|0*(?:9|10|13));")

# A word as the reader keeps it: (STYLEREFS, STYLE, WC), its text, x0 and x1 [px]; a printed
# line: its words, top and bottom, TextBlock number, inherited style, its words' heights
# (``alto._printed_rows``).
Word = tuple[tuple[str | None, str | None, str | None], str, float, float]
Row = tuple[list[Word], float, float, "int | None", TextStyle, list[float]]
Limits = tuple[tuple[float, float], tuple[float, float], tuple[float, float]]


def plain(path: Path) -> bool:
    """Whether the file's text rows can carry its values (see the module docstring). A file
    in UTF-16 or UTF-32 (a NUL among its first bytes, or a byte order mark) is not searched:
    not plain."""
    data = path.read_bytes()
    if b"\0" in data[:4] or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    # "&#" is looked for first (fast), the separators' references only where it is found
    return b"<!DOCTYPE" not in data and (b"&#" not in data or _SEPARATOR.search(data) is None)


@lru_cache(maxsize=8)
def _transform(ns: str) -> etree.XSLT:
    """The stylesheet for ALTO of namespace ``ns``, compiled once; it may read no file."""
    text = _STYLESHEET.replace("{declare}", f'xmlns:a="{ns}"' if ns else "") \
        .replace("{a}", "a:" if ns else "")
    return etree.XSLT(etree.XML(text.encode()), access_control=etree.XSLTAccessControl.DENY_ALL)


def page_rows(alto: AltoFile, page: etree._Element, limits: Limits,
              styles: StyleLookup) -> list[Row] | None:
    """The printed lines of ``page`` as ``alto._printed_rows`` gives them, or None when the
    element path must read them (see the module docstring; also a TextLine outside any
    TextBlock). ``limits``: ``alto._Clip``'s."""
    if not alto.plain:
        return None
    head, *lines = str(_transform(alto.ns)(page)).split("\r")
    blocks = {}  # generate-id → (number, inherited style)
    for number, row in enumerate(head.split("\n")[:-1]):
        ident, _, chain = row.partition("\t")
        blocks[ident] = (number, styles.along(chain))
    rows: list[Row] = []
    for record in lines:
        if not _add_line(rows, record.split("\n"), alto.scale, limits, blocks, styles):
            return None
    return rows


def _add_line(rows: list[Row], record: list[str], scale: float, limits: Limits,
              blocks: dict[str, tuple[int, TextStyle]], styles: StyleLookup) -> bool:
    """Append the printed lines of one TextLine (its record's rows) to ``rows`` as
    ``alto._printed_rows`` makes them; False when its parent is no TextBlock or a word's box
    is missing or beyond the limits (the element path then reads the page, and names the
    element). The words are read as ``alto_lines.line_words`` reads them, its ``box_of``
    written out: a box inside the limits is finite, and one that is not is refused all the
    same."""
    line = record[0].split("\t")
    block = blocks.get(line[4])
    if block is None:
        return False
    (low_x, low_y), (high_x, high_y), (width, height) = limits
    parts = []
    try:
        for string in record[1:]:
            fields = string.split("\t")
            x, y, w, h, wc, refs, extra, subs, text = fields[:9]
            if len(fields) > 9 or subs == "HypPart1":  # followed by a HYP, or so marked
                text = word_text(text, True)
            if text.strip():
                x0, y0 = float(x) * scale, float(y) * scale
                x1, y1 = x0 + float(w) * scale, y0 + float(h) * scale
                if not (low_x <= x0 <= x1 <= high_x and low_y <= y0 <= y1 <= high_y):
                    return False
                parts.append(((refs, extra, wc), text, (x0, y0, x1, y1)))
    except ValueError:  # not a number
        return False
    printed = split_rows(parts)
    own = box_of(*line[:4], scale) if len(printed) == 1 else None
    style = line[5] and styles.own(line[5]) or block[1]
    for row in printed:
        words = [(attrs, text, x0 if x0 > 0.0 else 0.0, x1 if x1 < width else width)
                 for attrs, text, (x0, _, x1, _) in row]
        tops = [y0 if y0 > 0.0 else 0.0 for _, _, (_, y0, _, _) in row]
        bottoms = [y1 if y1 < height else height for _, _, (_, _, _, y1) in row]
        middle = sorted([(y0 + y1) / 2 for y0, y1 in zip(tops, bottoms)])[len(words) // 2]
        if own is not None and own[3] - own[1] > 0 and own[1] <= middle <= own[3]:
            x0, y0, x1, y1 = own
            if not (low_x <= x0 <= x1 <= high_x and low_y <= y0 <= y1 <= high_y):
                return False
            top, bottom = y0 if y0 > 0.0 else 0.0, y1 if y1 < height else height
        else:
            top, bottom = min(tops), max(bottoms)
        rows.append((words, top, bottom, block[0], style,
                     [y1 - y0 for y0, y1 in zip(tops, bottoms)]))
    return True
