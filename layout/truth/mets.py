"""Ground truth from a METS issue: the CCS docWorks logical structMap (Europeana Newspapers,
BnF, BnL, RERO), whose article divs point at ALTO blocks; a British Library METS, whose articles
are linked to page areas instead, is handed to :mod:`layout.truth.bl`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ..errors import FormatError
from ..sources.alto import block_elements, element_text
from ..sources.mets import read_issue
from ..sources.xml import METS_NAMESPACE
from . import PageTruth, TruthBuilder, issue_altos
from .bl import has_article_links, load_bl_issue

_DIV, _AREA = f"{{{METS_NAMESPACE}}}div", f"{{{METS_NAMESPACE}}}area"
_ARTICLE_KINDS = {"ARTICLE": "story", "ADVERTISEMENT": "ad"}
_HEAD_FIELDS = {"TITLE": "headline", "HEADLINE": "headline", "OVERLINE": "kicker",
                "SUBHEADLINE": "deck", "AUTHOR": "byline", "CAPTION": "captions"}
_NOT_RUNNING_TEXT = frozenset({"TABLE", "IMAGE", "ILLUSTRATION"})
_FURNITURE_DIVS = frozenset({"TITLE_SECTION", "PUBLISHING_STMT"})


def load_mets_truth(mets_path: str | os.PathLike[str]) -> list[PageTruth]:
    """The ground truth of every physical page of a METS/ALTO issue, from its logical structMap.

    Every article div (``TYPE`` Article/ARTICLE: a story; ADVERTISEMENT: an ad) becomes, on each
    page holding some of its blocks, an :class:`ArticleTruth` made of those blocks, in METS
    order (the document order of its ``area`` pointers): blocks under TITLE are the headline,
    OVERLINE the kicker, SUBHEADLINE the deck, AUTHOR the byline, CAPTION captions (also the
    CAPTION of a TABLE or ILLUSTRATION); the other blocks under TABLE, IMAGE or ILLUSTRATION
    are left out (no running text); every other block is one body paragraph. An article div
    inside another is a sidebar. An area names its page by ``FILEID`` (the ALTO file of a
    physical page) and its element by ``BEGIN`` (``END`` ranges are not read): a TextBlock, or
    a ComposedBlock (ads, tables) whose TextBlocks all belong to the unit, read whole. Its text
    is built as the ALTO reader reads it (:func:`layout.sources.alto.element_text`), so truth
    and output compare. Blocks of TITLE_SECTION and PUBLISHING_STMT divs outside articles
    (masthead, imprint) are furniture; section headings and other text outside articles are
    not part of the truth. Pages whose ALTO file is missing get no truth.

    A METS file whose ``structLink`` links articles to page areas (the British Library's) is
    read by :func:`layout.truth.bl.load_bl_issue`.

    Raises :class:`FormatError` for a file that is not METS or an area naming an unknown ID.
    """
    issue = read_issue(Path(mets_path))
    if has_article_links(issue.root):
        return load_bl_issue(issue)
    altos = issue_altos(issue)
    elements = {file_id: block_elements(alto) for file_id, alto in altos.items()}
    truth = TruthBuilder()
    keys: dict[etree._Element, str] = {}
    for div, kind, area, types in _logical_areas(issue.root):
        file_id, begin = area.get("FILEID") or "", area.get("BEGIN")
        page = issue.page_of(file_id)
        if page is None or file_id not in altos or (
                _NOT_RUNNING_TEXT.intersection(types) and "CAPTION" not in types):
            continue
        if begin not in elements[file_id]:
            raise FormatError(f"{mets_path}: area BEGIN={begin!r} names no element of "
                              f"{page.path}")
        text = element_text(altos[file_id], elements[file_id][begin])
        if kind is None:
            truth.add_furniture(page.number, text)
            continue
        key = keys.setdefault(div, div.get("ID") or f"article{len(keys) + 1}")
        role = next((_HEAD_FIELDS[t] for t in types if t in _HEAD_FIELDS), "text")
        truth.add(page.number, key, kind, role, text)
    return truth.issue(issue)


def _logical_areas(root: etree._Element) -> Iterator[tuple[etree._Element, str | None,
                                                           etree._Element, list[str]]]:
    """(div, kind, area, TYPEs of the divs between the two, innermost first) for every area of
    the article divs (kind "story" or "ad") and of the masthead and imprint divs outside
    articles (kind None) of the logical structMap, in document order."""

    def visit(div: etree._Element, nested: bool = False) -> Iterator[
            tuple[etree._Element, str | None, etree._Element, list[str]]]:
        kind_name = (div.get("TYPE") or "").upper()
        if kind_name not in _ARTICLE_KINDS and kind_name not in _FURNITURE_DIVS:
            for child in div.iterchildren(_DIV):
                yield from visit(child, nested)
            return
        kind = ("sidebar" if nested and kind_name in _ARTICLE_KINDS
                else _ARTICLE_KINDS.get(kind_name))
        inner = []  # article divs nested in this one: sidebars, articles of their own
        for area in div.iter(_AREA):
            types = []
            for ancestor in area.iterancestors(_DIV):
                if ancestor is div:
                    break
                types.append((ancestor.get("TYPE") or "").upper())
            else:
                continue
            owner = next((a for a in area.iterancestors(_DIV)
                          if a is div or (a.get("TYPE") or "").upper() in _ARTICLE_KINDS), div)
            if owner is not div:
                if owner not in inner:
                    inner.append(owner)
                continue
            yield div, kind, area, types
        for child in inner:
            yield from visit(child, nested=True)

    for structmap in root.iter(f"{{{METS_NAMESPACE}}}structMap"):
        if (structmap.get("TYPE") or "").upper() == "LOGICAL":
            for div in structmap.iterchildren(_DIV):
                yield from visit(div)
