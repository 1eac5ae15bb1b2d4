"""A METS file of one newspaper issue as one multi-page source: its ALTO pages in physical order.

The ALTO files are the XML files (by ``MIMETYPE`` or extension: an "OCRMasterFiles" group of
JPEG 2000 images is not text) of the ``fileSec`` groups whose ``USE`` or ``ID`` (or a parent
group's) names text, ALTO or OCR (CCS "Text", BL "Fulltext"); when no group is named so, every
XML file. Page N is the N-th page ``div`` of the physical ``structMap`` (sorted by ``ORDER``
when every page has one) that points at such a file; its first ``Page`` element is read. A page
div is the outermost div with ``fptr`` children: the British Library nests a ``pagearea`` div
per block inside each page, and those are parts of their page, not pages.
``FLocat xlink:href`` is resolved relative to the METS file, never outside its folder
(``hrefs.resolve_inside``: ``file://./ALTO/1.xml`` and case variants of names included).

A missing, unreadable or refused ALTO file fails its own page only (``PageError``); the issue
cannot be opened (``InputError``) only when none of its pages exist.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import FormatError, InputError, PageError
from ..model import Figure, PageContent
from .alto import load, read_page
from .hrefs import resolve_inside
from .xml import METS_NAMESPACE, XLINK_NAMESPACE, expect_root, parse

_M = f"{{{METS_NAMESPACE}}}"
_HREF = f"{{{XLINK_NAMESPACE}}}href"
_TEXT_GROUP = re.compile(r"text|alto|ocr", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class IssuePage:
    """One physical page of an issue: its ALTO file's id in the index file (METS ``FILEID``,
    DIDL page identifier), href and resolved path; ``path`` is None when the file is missing or
    refused, and ``problem`` then says which."""

    number: int
    file_id: str
    href: str
    path: Path | None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Issue:
    """A parsed index file of an issue (METS, DIDL): its root and its pages in physical order."""

    path: Path
    root: etree._Element
    pages: tuple[IssuePage, ...]

    def page_of(self, file_id: str) -> IssuePage | None:
        """The page whose ALTO file has this id."""
        return next((p for p in self.pages if p.file_id == file_id), None)


def issue_page(number: int, file_id: str, folder: Path, href: str,
               roots: Sequence[Path]) -> IssuePage:
    """An :class:`IssuePage` whose href is resolved inside ``folder`` (or ``roots``)."""
    try:
        path = resolve_inside(folder, href, roots)
    except InputError as e:
        return IssuePage(number, file_id, href, None, str(e))
    if not path.is_file():
        return IssuePage(number, file_id, href, None, f"missing ALTO file {href!r}")
    return IssuePage(number, file_id, href, path)


def read_issue(path: Path, roots: Sequence[Path] = ()) -> Issue:
    """Parse a METS file and list its ALTO pages (each file once, at its first page div);
    ``FormatError`` when it is not METS. ``roots``: folders besides the METS file's own that
    its hrefs may lead into."""
    root = parse(path)
    expect_root(root, path, "mets", frozenset({METS_NAMESPACE}))
    hrefs = _alto_files(root)
    pages: list[IssuePage] = []
    for div in _page_divs(root):
        file_id = next((f for f in _file_ids(div) if f in hrefs), None)
        if file_id is not None and all(p.file_id != file_id for p in pages):
            pages.append(issue_page(len(pages) + 1, file_id, path.parent, hrefs[file_id], roots))
    return Issue(path, root, tuple(pages))


def _alto_files(root: etree._Element) -> dict[str, str]:
    """METS file ID → href of the XML files of the text/ALTO/OCR file groups, or of every
    XML file when no group is named so."""
    named: dict[str, str] = {}
    xml: dict[str, str] = {}
    for group in root.iter(f"{_M}fileGrp"):
        names = " ".join(f"{g.get('USE', '')} {g.get('ID', '')}"
                         for g in (group, *group.iterancestors(f"{_M}fileGrp")))
        for f in group.findall(f"{_M}file"):
            href = next((loc.get(_HREF) for loc in f.iter(f"{_M}FLocat") if loc.get(_HREF)), None)
            if href and ("xml" in (f.get("MIMETYPE") or "") or href.lower().endswith(".xml")):
                xml[f.get("ID")] = href
                if _TEXT_GROUP.search(names):
                    named[f.get("ID")] = href
    return named or xml


def physical_map(root: etree._Element) -> etree._Element | None:
    """The physical ``structMap`` (by TYPE, else the first that is not logical)."""
    maps = root.findall(f"{_M}structMap")
    return next((m for m in maps if (m.get("TYPE") or "").upper() == "PHYSICAL"),
                next((m for m in maps if (m.get("TYPE") or "").upper() != "LOGICAL"), None))


def _page_divs(root: etree._Element) -> list[etree._Element]:
    """The outermost divs of the physical structMap that point at files, in physical order."""
    physical = physical_map(root)
    if physical is None:
        return []
    divs = [d for d in physical.iter(f"{_M}div") if d.find(f"{_M}fptr") is not None
            and not any(a.find(f"{_M}fptr") is not None for a in d.iterancestors(f"{_M}div"))]
    if all((d.get("ORDER") or "").isdigit() for d in divs):
        divs.sort(key=lambda d: int(d.get("ORDER")))
    return divs


def _file_ids(div: etree._Element) -> list[str]:
    """Every FILEID the div's own ``fptr`` elements name, directly or through areas."""
    ids = []
    for fptr in div.findall(f"{_M}fptr"):
        ids += [e.get("FILEID") for e in fptr.iter() if e.get("FILEID")]
    return ids


class IssueSource:
    """An issue opened as a source: page N is its N-th physical page's ALTO file. ``kind``
    names the index file in errors ("METS", "DIDL")."""

    def __init__(self, path: Path, issue: Issue, kind: str) -> None:
        self.name = path.name
        self.path = path
        self.issue = issue
        self.page_count = len(issue.pages)
        if not self.page_count:
            raise InputError(f"{path}: the {kind} file points at no ALTO file")
        if all(p.path is None for p in issue.pages):
            raise InputError(f"{path}: none of its {self.page_count} ALTO files can be read "
                             f"(the first: {issue.pages[0].problem})")

    def page(self, number: int) -> PageContent:
        """Read the ALTO file of physical page ``number``; ``PageError`` when it is missing,
        refused or unreadable."""
        page = self.issue.pages[number - 1]
        if page.path is None:
            raise PageError(f"{self.path}: page {number}: {page.problem}")
        try:
            alto = load(page.path)
        except (FormatError, InputError) as e:
            raise PageError(f"{self.path}: page {number}: {e}") from e
        if not alto.pages:
            raise PageError(f"{self.path}: page {number}: {page.path} has no Page")
        return read_page(alto, alto.pages[0], number)

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        """ALTO holds no pixels: nothing to write."""
        return None

    def close(self) -> None:
        """Nothing to release: each ALTO file is read whole when its page is asked for."""


class MetsSource(IssueSource):
    """A METS issue opened as a source (see the module docstring)."""

    def __init__(self, path: Path, roots: Sequence[Path] = ()) -> None:
        super().__init__(path, read_issue(path, roots), "METS")
