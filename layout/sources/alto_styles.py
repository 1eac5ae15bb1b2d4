"""ALTO text styles: the ``TextStyle`` elements of a file, and the one in force for a line or
word (its own ``STYLEREFS``, else its nearest ancestor's; a String's ``STYLE`` adds to it).
See ``alto`` for how the reader uses them."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import takewhile

from lxml import etree

from .xml import number_of, split_tag


@dataclass(frozen=True, slots=True)
class TextStyle:
    """An ALTO ``TextStyle``: size in points (None when not given), family, bold, italic."""

    size: float | None
    font: str
    bold: bool
    italic: bool


NO_STYLE = TextStyle(None, "", False, False)


def text_style(element: etree._Element) -> TextStyle:
    """A ``TextStyle`` element's style: FONTSIZE (a positive number, else None), FONTFAMILY,
    and bold and italic as its FONTSTYLE says."""
    flags = (element.get("FONTSTYLE") or "").lower().split()
    size = number_of(element.get("FONTSIZE"))
    return TextStyle(size if size and size > 0 else None, element.get("FONTFAMILY") or "",
                     "bold" in flags, any(f.startswith("italic") for f in flags))


class StyleLookup:
    """The ``TextStyle`` in force for an element: its own STYLEREFS, else its nearest
    ancestor's; a String's ``STYLE`` attribute (fontStylesType: "bold", "italics", …) adds to
    it. Each is worked out once: a page names a handful of styles, each word one."""

    def __init__(self, styles: dict[str, TextStyle]) -> None:
        self._styles = styles
        self._by_refs: dict[str, TextStyle | None] = {}
        self._by_element: dict[etree._Element | None, TextStyle] = {}  # keeps the proxies alive
        self._with_extra: dict[tuple[TextStyle, str], TextStyle] = {}
        self._by_chain: dict[str, TextStyle] = {}

    def own(self, refs: str) -> TextStyle | None:
        """The style a (non-empty) STYLEREFS names: its first ID that is a TextStyle's."""
        if refs not in self._by_refs:
            self._by_refs[refs] = next((self._styles[r] for r in refs.split() if r in self._styles), None)
        return self._by_refs[refs]

    def with_extra(self, style: TextStyle, extra: str) -> TextStyle:
        """``style`` with what a (non-empty) STYLE attribute adds."""
        if (style, extra) not in self._with_extra:
            flags = extra.lower().split()
            self._with_extra[style, extra] = TextStyle(
                style.size, style.font, style.bold or "bold" in flags,
                style.italic or any(f.startswith("italic") for f in flags)) if flags else style
        return self._with_extra[style, extra]

    def along(self, chain: str) -> TextStyle:
        """The style in force for a block given its chain (``alto_rows``): "local-name
        STYLEREFS" of it and of its ancestors with STYLEREFS or named Page or alto, root first,
        split by tabs; the nearest naming a style below the nearest Page or alto element."""
        if chain not in self._by_chain:
            links = (link.split(" ", 1) for link in reversed(chain.split("\t")) if link)
            below = takewhile(lambda link: link[0] not in ("Page", "alto"), links)
            self._by_chain[chain] = next(
                (style for _, refs in below if refs and (style := self.own(refs))), NO_STYLE)
        return self._by_chain[chain]

    def inherited(self, element: etree._Element | None) -> TextStyle:
        """The style in force for ``element``: its own, else its nearest ancestor's."""
        if element not in self._by_element:
            refs = None if element is None else element.get("STYLEREFS")
            self._by_element[element] = NO_STYLE if element is None or \
                split_tag(element.tag)[1] in ("Page", "alto") else \
                refs and self.own(refs) or self.inherited(element.getparent())
        return self._by_element[element]
