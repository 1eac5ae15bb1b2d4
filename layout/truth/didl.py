"""Ground truth from a KB Delpher issue (MPEG-21 DIDL, ``didl.xml`` beside its ALTO files).

Each article is a ``didl:Item`` with a metadata Component (``dc:subject``: artikel,
advertentie, familiebericht or "illustratie met onderschrift"; ``dc:title``) and a zoning
Component (role ``metadata/zoning``) listing ``dcx:article-part`` elements in reading order
(``order``), each on one page (``pageid``, a page Item's identifier) with the IDs of its ALTO
``dcx:TextBlock`` elements in order. An article may run over several pages: each page gets
the parts it holds. Every TextBlock is one paragraph, its text read as the ALTO reader reads
it (:func:`layout.sources.alto.element_text`).

Kinds: artikel is a story; advertentie and familiebericht (family notices: births, marriages,
deaths, set and paid for like ads) are ads; an illustration with caption is a figure whose
text is its caption. The ``dc:title`` is the headline when the article's leading blocks make it
up exactly: "BINNENLAND." + "AMSTERDAM, Donderdag 30 November." do; "De Notaris HARM JAN VAN
BOLHUIS, refide-" (the start of a first line) and "Advertentie" are no headlines. The
``*_articletext.xml`` files (the library's own article text) are not read: the ALTO blocks are
what our output is made of.

The file is parsed with recovery (its undeclared ``xsi:`` prefix), with a warning
(:func:`layout.sources.didl.parse_recovering`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ..errors import FormatError
from ..sources.alto import block_elements, element_text
from ..sources.didl import DC_NAMESPACE, DCX_NAMESPACE, DIDL_NAMESPACE, components, read_didl
from ..sources.mets import Issue, IssuePage
from . import PageTruth, TruthBuilder, issue_altos

_D, _DC, _DCX = (f"{{{ns}}}" for ns in (DIDL_NAMESPACE, DC_NAMESPACE, DCX_NAMESPACE))
KINDS = {"artikel": "story", "advertentie": "ad", "familiebericht": "ad",
         "illustratie met onderschrift": "figure"}


def load_didl_truth(path: str | os.PathLike[str]) -> list[PageTruth]:
    """The ground truth of every page of a DIDL issue whose ALTO file exists (see the module
    docstring). Raises :class:`FormatError` naming the file and article for an unknown subject,
    page or TextBlock ID."""
    issue = read_didl(Path(path))
    altos = issue_altos(issue)
    elements = {file_id: block_elements(alto) for file_id, alto in altos.items()}
    truth = TruthBuilder()
    articles = [(item, parts) for item in issue.root.iter(f"{_D}Item")
                if (parts := [part for zoning in components(item, "metadata/zoning")
                              for part in zoning.iterfind(f"{_DCX}zoning/{_DCX}article-part")])]
    for number, (item, parts) in enumerate(articles, start=1):
        key = item.get(f"{_DC}identifier") or f"article {number}"
        where = f"{path}: article {key}"
        metadata = next(components(item, "metadata"), None)
        subject = ("" if metadata is None else metadata.findtext(f".//{_DC}subject") or "").strip()
        if subject not in KINDS:
            raise FormatError(f"{where}: unknown dc:subject {subject!r} (known: "
                              f"{', '.join(KINDS)})")
        blocks = [(page.number, element_text(altos[page.file_id], element))
                  for page, element in _blocks(parts, issue, elements, where)]
        heads = _title_blocks(metadata.findtext(f".//{_DC}title"), [t for _, t in blocks])
        kind = KINDS[subject]
        for i, (page, text) in enumerate(blocks):
            role = "headline" if i < heads else "captions" if kind == "figure" else "text"
            truth.add(page, key, kind, role, text)
    return truth.issue(issue)


def _blocks(parts: list[etree._Element], issue: Issue,
            elements: dict[str, dict[str, etree._Element]], where: str
            ) -> Iterator[tuple[IssuePage, etree._Element]]:
    """(page, ALTO TextBlock) of an article's parts in reading order (by ``order`` when every
    part has one), on the pages whose ALTO file exists."""
    if all((part.get("order") or "").isdigit() for part in parts):
        parts = sorted(parts, key=lambda part: int(part.get("order")))
    for part in parts:
        page = issue.page_of(part.get("pageid") or "")
        if page is None:
            raise FormatError(f"{where}: article-part on unknown page {part.get('pageid')!r}")
        if page.file_id not in elements:
            continue
        for block in part.iterfind(f"{_DCX}blocks/{_DCX}TextBlock"):
            element = elements[page.file_id].get(block.get("ID"))
            if element is None:
                raise FormatError(f"{where}: TextBlock {block.get('ID')!r} is not in {page.path}")
            yield page, element


def _title_blocks(title: str | None, texts: list[str]) -> int:
    """How many of the leading ``texts`` of an article make up its ``title``, or 0.

    Delpher's ``dc:title`` is sometimes the printed headline, spread over one or more leading
    blocks ("BINNENLAND." + "AMSTERDAM, Donderdag 30 November."), and sometimes only the start
    of the first body line, or a label ("Advertentie"). Only the first kind is a headline: the
    leading texts must make up the title exactly, after the contract's normalisation.
    """
    from ..evaluate import normalize

    wanted = normalize(title or "")
    joined = ""
    for count, text in enumerate(texts, start=1):
        joined += normalize(text)
        if not wanted.startswith(joined):
            return 0
        if joined == wanted:
            return count
    return 0
