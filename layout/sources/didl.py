"""A KB Delpher issue (MPEG-21 DIDL, ``didl.xml``) as one multi-page source, like a METS issue.

The DIDL file lists the issue's pages as ``didl:Item`` elements in physical order; a page Item
holds a ``didl:Component`` whose role (``Descriptor/Statement dc:type="role"``) is ``alto``, and
that Component's ``Resource`` names the page's ALTO file by ``dcx:filename`` (the file as
delivered beside ``didl.xml``) and by ``ref`` (a resolver URL, used only when there is no file
name). Page N is the N-th such Item; the file is resolved inside the DIDL file's folder only
(``hrefs.resolve_inside``), and a missing or refused file fails its own page.

Delpher's ``didl.xml`` files use the ``xsi:`` prefix without declaring it, which makes them
malformed XML (a namespace error). They are parsed with libxml2's recovery (the same safe
settings as ``xml.parse`` besides: no entities, no DTD, no network), and a
:class:`RecoveredXmlWarning` (Python's ``warnings``) says what was recovered from, naming the
file, the first error and its line.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

from lxml import etree

from ..errors import FormatError, InputError
from .mets import Issue, IssuePage, IssueSource, issue_page

DIDL_NAMESPACE = "urn:mpeg:mpeg21:2002:02-DIDL-NS"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
DCX_NAMESPACE = "http://krait.kb.nl/coop/tel/handbook/telterms.html"
_D, _DC, _DCX = (f"{{{ns}}}" for ns in (DIDL_NAMESPACE, DC_NAMESPACE, DCX_NAMESPACE))


class RecoveredXmlWarning(UserWarning):
    """A malformed XML file was read with libxml2's recovery: some of it may be lost."""


def parse_recovering(path: Path) -> etree._Element:
    """The root of the XML file at ``path``, parsed safely and with recovery from errors; a
    :class:`RecoveredXmlWarning` when there were any. ``FormatError`` when nothing could be
    recovered, ``InputError`` when the file cannot be read."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as e:
        raise FormatError(f"{path}: malformed XML, nothing recovered: {e.msg}") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e}") from e
    if root is None:
        raise FormatError(f"{path}: malformed XML, nothing recovered")
    errors = parser.error_log.filter_from_errors()
    if errors:
        first = errors[0]
        warnings.warn(f"{path}: malformed XML read with recovery ({len(errors)} errors; the "
                      f"first at line {first.line}, column {first.column}: {first.message})",
                      RecoveredXmlWarning, stacklevel=2)
    return root


def role_of(component: etree._Element) -> str | None:
    """The role a DIDL ``Component`` states for itself ("alto", "metadata/zoning", ...)."""
    for statement in component.iterfind(f"{_D}Descriptor/{_D}Statement"):
        if statement.get(f"{_DC}type") == "role":
            return (statement.text or "").strip()
    return None


def components(item: etree._Element, role: str) -> Iterator[etree._Element]:
    """The ``Resource`` elements of an Item's own Components of one role."""
    for component in item.iterfind(f"{_D}Component"):
        if role_of(component) == role:
            yield from component.iterfind(f"{_D}Resource")


def read_didl(path: Path, roots: Sequence[Path] = ()) -> Issue:
    """Parse a DIDL file and list its ALTO pages in physical order; ``FormatError`` when the
    root is not ``didl:DIDL``. ``roots`` as for ``mets.read_issue``."""
    root = parse_recovering(path)
    if root.tag != f"{_D}DIDL":
        raise FormatError(f"{path}: root element is {root.tag!r}, expected DIDL in namespace "
                          f"{DIDL_NAMESPACE!r}")
    pages: list[IssuePage] = []
    for item in root.iter(f"{_D}Item"):
        resource = next(components(item, "alto"), None)
        if resource is None:
            continue
        href = resource.get(f"{_DCX}filename") or resource.get("ref") or ""
        page_id = item.get(f"{_DC}identifier") or f"page {len(pages) + 1}"
        pages.append(issue_page(len(pages) + 1, page_id, path.parent, href, roots))
    return Issue(path, root, tuple(pages))


class DidlSource(IssueSource):
    """A DIDL issue opened as a source (see the module docstring)."""

    def __init__(self, path: Path, roots: Sequence[Path] = ()) -> None:
        super().__init__(path, read_didl(path, roots), "DIDL")
