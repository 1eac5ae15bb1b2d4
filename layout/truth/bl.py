"""Ground truth from a British Library METS issue (Heritage Made Digital newspapers).

Its logical ARTICLE and ADVERT divs hold no areas. Each is linked instead, by one
``structLink/smLinkGrp``, to ``pagearea`` divs of the physical structMap in reading order (the
order of the group's ``smArcLink`` elements), each labelled Headline, Textblock, Caption,
Illustration or Advertisement. A page area's ALTO ``area`` (``BETYPE="IDREF"``) gives a word
range, from the ``BEGIN`` String ID to the ``END`` String ID in the ALTO file's order; its text
is built line by line as the ALTO reader reads those lines (:func:`layout.sources.alto.
printed_lines`), so truth and output compare.

Per article and page: Headline areas are the headline, Caption areas captions, Illustration
areas are left out (no text), every other area is a body paragraph. The article's MODS record
(``dmdSec``) is not read: its title is the text of its Headline areas (31 of the 33 titled
articles of the two BL issues at hand, the other two differing by one word), and an article
with no Headline area has no title (96 of 97), so it adds nothing. A link to a whole page div
rather than to its areas (the 1832 Liverpool Standard links one article so to all of page 2,
which also holds the foreign news) says nothing of which text is the article's: it is left
out, and such a page has no truth.

What this truth is, measured on the two issues at hand: every page area's word range lies
in one ALTO TextBlock (903 of 903 areas; 897 are the whole block of the area's own ID), and
the areas of the articles, taken one article after the other, follow the blocks in the ALTO
file's own order (never a step back, in either issue). The segmentation was made on the OCR
engine's zones in the engine's order, and the titles are zones it labelled Headline (the
MODS titles repeat them, OCR noise included: "magc", "versation"). So the file's block order
scores 1.000 against it by construction; where the engine's order leaves the page's (a word
cut off a line's end listed among the next column's blocks, fragments of lines around a
picture listed bottom first), no reading by position can follow it, and the chunks running
across those blocks are lost to any reader that does not trust the file order
(``bench/lost_chunks.py`` counts them). Nothing here reorders the areas: the truth is the
library's.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import FormatError
from ..sources.alto import AltoFile, printed_lines
from ..sources.mets import Issue
from ..sources.xml import METS_NAMESPACE, XLINK_NAMESPACE
from . import PageTruth, TruthBuilder, issue_altos

_M = f"{{{METS_NAMESPACE}}}"
_X = f"{{{XLINK_NAMESPACE}}}"
_KINDS = {"ARTICLE": "story", "ADVERT": "ad"}
_ROLES = {"headline": "headline", "caption": "captions", "illustration": None}


def has_article_links(root: etree._Element) -> bool:
    """Whether the METS file links logical article divs to page areas through ``structLink``."""
    articles = {f"#{d.get('ID')}" for d in root.iter(f"{_M}div")
                if (d.get("TYPE") or "").upper() in _KINDS}
    return any(link.get(f"{_X}href") in articles for link in root.iter(f"{_M}smLocatorLink"))


def load_bl_issue(issue: Issue) -> list[PageTruth]:
    """The truth of every page of a parsed BL METS issue (see the module docstring).

    Raises :class:`FormatError` naming the file for a link to an unknown label or ID, or a
    word range naming Strings that are not in its ALTO file.
    """
    divs = {d.get("ID"): d for d in issue.root.iter(f"{_M}div") if d.get("ID")}
    ranges = {file_id: _WordRanges(alto, issue.path)
              for file_id, alto in issue_altos(issue).items()}
    truth = TruthBuilder()
    for number, group in enumerate(issue.root.iter(f"{_M}smLinkGrp"), start=1):
        source, targets = _links(group, divs, f"{issue.path}: smLinkGrp {number}")
        kind = _KINDS.get((source.get("TYPE") or "").upper())
        if kind is None:
            continue
        for area in targets:
            part = _part(area, issue, ranges)
            if part is not None:
                truth.add(part[0], source.get("ID"), kind, part[1], part[2])
    return truth.issue(issue)


def _links(group: etree._Element, divs: dict[str, etree._Element], where: str
           ) -> tuple[etree._Element, list[etree._Element]]:
    """The div a link group starts from and the divs its arcs lead to, in arc order."""
    labels = {}
    for locator in group.iterfind(f"{_M}smLocatorLink"):
        target = divs.get((locator.get(f"{_X}href") or "").removeprefix("#"))
        if target is None:
            raise FormatError(f"{where}: locator {locator.get(f'{_X}href')!r} names no div")
        labels[locator.get(f"{_X}label")] = target
    ends = [(arc.get(f"{_X}from"), arc.get(f"{_X}to")) for arc in group.iterfind(f"{_M}smArcLink")]
    unknown = [label for end in ends for label in end if label not in labels]
    if unknown or not ends or len({start for start, _ in ends}) > 1:
        raise FormatError(f"{where}: arcs must lead from one locator to others "
                          f"(unknown labels: {unknown or 'none'})")
    return labels[ends[0][0]], [labels[to] for _, to in ends]


def _part(area: etree._Element, issue: Issue, ranges: dict[str, _WordRanges]
          ) -> tuple[int, str, str] | None:
    """(page number, truth field, text) of one page area; None for an area with no text (an
    illustration, a whole page, a page whose ALTO file is missing)."""
    if (area.get("TYPE") or "").lower() != "pagearea":
        return None
    role = _ROLES.get((area.get("LABEL") or "").lower(), "text")
    pointer = next((a for a in area.iterfind(f"{_M}fptr/{_M}area")
                    if a.get("FILEID") in ranges), None)
    if role is None or pointer is None:
        return None
    page = issue.page_of(pointer.get("FILEID"))
    text = ranges[pointer.get("FILEID")].text(pointer.get("BEGIN"), pointer.get("END"),
                                              area.get("ID"))
    return page.number, role, text


class _WordRanges:
    """The Strings of an ALTO file in file order, to read word ranges from."""

    def __init__(self, alto: AltoFile, mets: Path) -> None:
        self._alto = alto
        self._mets = mets
        self._strings = list(alto.root.iter(alto.tag("String")))
        self._index = {s.get("ID"): i for i, s in enumerate(self._strings) if s.get("ID")}

    def text(self, begin: str | None, end: str | None, area: str | None) -> str:
        """The words from ``begin`` to ``end`` (String IDs) as the ALTO reader reads them: the
        words of each printed line joined by spaces, lines by newlines."""
        first, last = (self._index.get(key) for key in (begin, end or begin))
        if first is None or last is None or last < first:
            raise FormatError(f"{self._mets}: page area {area}: word range {begin!r}..{end!r} "
                              f"is not a range of Strings of {self._alto.path}")
        chosen = set(self._strings[first:last + 1])
        lines = dict.fromkeys(s.getparent() for s in self._strings[first:last + 1])
        rows = ([text for string, text, _ in row if string in chosen]
                for line in lines for row in printed_lines(self._alto, line))
        return "\n".join(" ".join(row) for row in rows if row)
