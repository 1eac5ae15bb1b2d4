"""A METS file of one newspaper issue as one multi-page source: its ALTO pages in physical order.

The ALTO files are the XML files (by ``MIMETYPE`` or extension: an "OCRMasterFiles" group of
JPEG 2000 images is not text) of the ``fileSec`` groups whose ``USE`` or ``ID`` (or a parent
group's) names text, ALTO or OCR; when no group is named so, every XML file. Page N is the N-th
page ``div`` of the physical ``structMap`` (sorted by ``ORDER`` when every page has one) that
points at such a file; its first ``Page`` element is read.
``FLocat xlink:href`` is resolved relative to the METS file (``file://./ALTO/1.xml`` included);
when no file has exactly that name, a case-insensitive match is taken, since archives are often
made on file systems that ignore case.

A missing or unreadable ALTO file fails its own page only (``PageError``); the issue cannot be
opened (``InputError``) only when none of its pages exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from ..errors import FormatError, InputError, PageError
from ..model import Figure, PageContent
from .alto import load, read_page
from .xml import METS_NAMESPACE, XLINK_NAMESPACE, expect_root, parse

_M = f"{{{METS_NAMESPACE}}}"
_HREF = f"{{{XLINK_NAMESPACE}}}href"
_TEXT_GROUP = re.compile(r"text|alto|ocr", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MetsPage:
    """One physical page: its ALTO file's METS id, href and resolved path (None if missing)."""

    number: int
    file_id: str
    href: str
    path: Path | None


@dataclass(frozen=True, slots=True)
class MetsIssue:
    """A parsed METS file: its root and its pages in physical order."""

    path: Path
    root: etree._Element
    pages: tuple[MetsPage, ...]

    def page_of(self, file_id: str) -> MetsPage | None:
        """The page whose ALTO file has this METS ``FILEID``."""
        return next((p for p in self.pages if p.file_id == file_id), None)


def read_issue(path: Path) -> MetsIssue:
    """Parse a METS file and list its ALTO pages (each file once, at its first page div);
    ``FormatError`` when it is not METS."""
    root = parse(path)
    expect_root(root, path, "mets", frozenset({METS_NAMESPACE}))
    hrefs = _alto_files(root)
    pages = []
    for div in _page_divs(root):
        file_id = next((f for f in _file_ids(div) if f in hrefs), None)
        if file_id is not None and all(p.file_id != file_id for p in pages):
            href = hrefs[file_id]
            pages.append(MetsPage(len(pages) + 1, file_id, href, _resolve(path.parent, href)))
    return MetsIssue(path, root, tuple(pages))


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


def _page_divs(root: etree._Element) -> list[etree._Element]:
    """The divs of the physical structMap that point at files, in physical order."""
    maps = root.findall(f"{_M}structMap")
    physical = next((m for m in maps if (m.get("TYPE") or "").upper() == "PHYSICAL"),
                    next((m for m in maps if (m.get("TYPE") or "").upper() != "LOGICAL"), None))
    if physical is None:
        return []
    divs = [d for d in physical.iter(f"{_M}div") if d.find(f"{_M}fptr") is not None]
    if all((d.get("ORDER") or "").isdigit() for d in divs):
        divs.sort(key=lambda d: int(d.get("ORDER")))
    return divs


def _file_ids(div: etree._Element) -> list[str]:
    """Every FILEID the div's own ``fptr`` elements name, directly or through areas."""
    ids = []
    for fptr in div.findall(f"{_M}fptr"):
        ids += [e.get("FILEID") for e in fptr.iter() if e.get("FILEID")]
    return ids


def _resolve(folder: Path, href: str) -> Path | None:
    """The local file an href names, relative to folder; None when there is none."""
    if href.lower().startswith("file://"):
        href = href[len("file://"):]
    elif "://" in href:
        return None  # http and the like: not a local file
    path = folder / unquote(href)  # an absolute href replaces folder
    return path if path.is_file() else _ignoring_case(path)


def _ignoring_case(path: Path) -> Path | None:
    """``path`` with each component that does not exist replaced by one differing in case only."""
    current = Path(path.parts[0])
    for part in path.parts[1:]:
        if not (current / part).exists() and current.is_dir():
            part = next((c.name for c in current.iterdir() if c.name.lower() == part.lower()), part)
        current = current / part
    return current if current.is_file() else None


class MetsSource:
    """A METS issue opened as a source: page N is its N-th physical page's ALTO file."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.path = path
        self.issue = read_issue(path)
        self.page_count = len(self.issue.pages)
        if not self.page_count:
            raise InputError(f"{path}: the METS file points at no ALTO file")
        if all(p.path is None for p in self.issue.pages):
            raise InputError(f"{path}: none of its {self.page_count} ALTO files exist "
                             f"(the first is {self.issue.pages[0].href!r})")

    def page(self, number: int) -> PageContent:
        """Read the ALTO file of physical page ``number``; ``PageError`` when it is missing."""
        page = self.issue.pages[number - 1]
        if page.path is None:
            raise PageError(f"{self.path}: page {number}: missing ALTO file {page.href!r}")
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
