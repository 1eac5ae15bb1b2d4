"""The styles of an ALTO file and their lookup by STYLEREFS, as the page reader (``alto``)
resolves them: each once per page, for a page names a handful. A ``TextStyle`` gives the type;
a ``ParagraphStyle`` whose ``ALIGN`` is ``Center`` says the engine saw the block centred
(BL, BnF, KB and BnL files write it), which the geometry cannot tell for a title the OCR boxed
the column wide (``BINNENGEKOMEN.``, 944 px wide for 14 letters, Algemeen Handelsblad 1876)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lxml import etree

from .xml import number_of


@dataclass(frozen=True, slots=True)
class TextStyle:
    """An ALTO ``TextStyle``: size in points (None when not given), family, bold, italic."""

    size: float | None
    font: str
    bold: bool
    italic: bool


NO_STYLE = TextStyle(None, "", False, False)


def centred_styles(elements: Iterable[etree._Element]) -> frozenset[str]:
    """The IDs of the ``ParagraphStyle`` elements among ``elements`` aligned ``Center``."""
    return frozenset(e.get("ID") for e in elements
                     if (e.get("ALIGN") or "").strip().lower() == "center" and e.get("ID"))


def text_style(element: etree._Element) -> TextStyle:
    """A ``TextStyle`` element read: ``FONTSIZE`` (a size of 0 or less is none), ``FONTFAMILY``,
    and bold and italic from ``FONTSTYLE``."""
    flags = (element.get("FONTSTYLE") or "").lower().split()
    size = number_of(element.get("FONTSIZE"))
    return TextStyle(size if size and size > 0 else None, element.get("FONTFAMILY") or "",
                     "bold" in flags, any(f.startswith("italic") for f in flags))


class StyleLookup:
    """The ``TextStyle`` a STYLEREFS names (the one in force for an element is its own, else
    its nearest ancestor's: ``alto._page_elements`` hands it down); a String's ``STYLE`` attribute
    (fontStylesType: "bold", "italics", …) adds to it. Each is worked out once: a page names a
    handful of styles, each word one. ``centred``: the IDs of the centred ParagraphStyles.
    """

    def __init__(self, styles: dict[str, TextStyle], centred: frozenset[str] = frozenset()) -> None:
        self._centred = centred
        self._centred_refs: dict[str, bool] = {}
        self._with_extra: dict[tuple[TextStyle, str], TextStyle] = {}
        # The style a (non-empty) STYLEREFS names, its first ID that is a TextStyle's (None
        # when none is): a dict's own lookup, asked for every line and many words.
        self.own: Callable[[str], TextStyle | None] = _ByRefs(styles).__getitem__

    def is_centred(self, refs: str) -> bool:
        """Whether a (non-empty) STYLEREFS names a centred ParagraphStyle."""
        if refs not in self._centred_refs:
            self._centred_refs[refs] = not self._centred.isdisjoint(refs.split())
        return self._centred_refs[refs]

    def with_extra(self, style: TextStyle, extra: str) -> TextStyle:
        """``style`` with what a (non-empty) STYLE attribute adds."""
        if (style, extra) not in self._with_extra:
            flags = extra.lower().split()
            self._with_extra[style, extra] = TextStyle(
                style.size, style.font, style.bold or "bold" in flags,
                style.italic or any(f.startswith("italic") for f in flags)) if flags else style
        return self._with_extra[style, extra]


class _ByRefs(dict):
    """STYLEREFS → the style it names (``StyleLookup.own``), each worked out when first asked."""

    def __init__(self, styles: dict[str, TextStyle]) -> None:
        super().__init__()
        self._styles = styles

    def __missing__(self, refs: str) -> TextStyle | None:
        style = self[refs] = next((self._styles[r] for r in refs.split() if r in self._styles), None)
        return style
