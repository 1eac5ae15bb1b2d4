"""Rewrite an archive issue so that no reader can take its order from the files: every ALTO
file (or PAGE file) with its blocks shuffled and every ID renamed.

A reader that found reading order in the file's block order or in its IDs (``TB00001`` <
``TB00002``, ``pa0001003``, ``r1l8``) would score well on the archive's own files for the wrong
reason. The copy keeps every block, line and word with its coordinates and text; only the
order of blocks within their parent and the names change, so its ground truth is the
original's:

- METS (CCS docWorks, British Library): the ALTO files are shuffled and renamed, and the METS
  pointers follow (``area BEGIN/END``, ``structLink`` locators ``#ID``, their labels), so
  ``load_truth`` reads the same truth from the copy;
- KB DIDL: the ALTO files likewise, and the ``dcx:TextBlock`` IDs of the article parts follow
  (the DIDL stays as malformed as Delpher made it: its undeclared ``xsi:`` prefix is kept);
- PAGE (NewsEye): the regions are shuffled and renamed, and the ``ReadingOrder`` and the
  ``custom`` attributes (line reading order, article ids) are dropped: the copy is an input
  with no truth left in it, scored against the original file.
"""

from __future__ import annotations

import random
import warnings
from pathlib import Path

from lxml import etree

from layout.sources.didl import DCX_NAMESPACE, RecoveredXmlWarning, read_didl
from layout.sources.mets import Issue, read_issue
from layout.sources.xml import XLINK_NAMESPACE, root_of, split_tag

_BLOCKS = frozenset({"TextBlock", "ComposedBlock", "Illustration", "GraphicalElement"})
# Attributes holding one or more IDs (IDREF / IDREFS) in ALTO and METS.
_REFS = frozenset({"STYLEREFS", "TAGREFS", "IDNEXT", "PROCESSINGREFS", "LANGREFS",
                   "FILEID", "ADMID", "DMDID", "BEGIN", "END", "GROUPID"})
_XLINK_LABELS = tuple(f"{{{XLINK_NAMESPACE}}}{k}" for k in ("label", "from", "to"))
_XLINK_HREF = f"{{{XLINK_NAMESPACE}}}href"


def scramble_issue(index: Path, out: Path, seed: int = 0) -> Path:
    """Write the scrambled copy of the issue whose METS, DIDL or PAGE file is ``index`` into
    folder ``out``; the path of the copy's index file (for PAGE, the page itself)."""
    rng = random.Random(seed)
    name = root_of(index)[1]
    if name == "mets":
        return _scramble_mets(index, out, rng)
    if name == "DIDL":
        return _scramble_didl(index, out, rng)
    if name == "PcGts":
        return _scramble_page(index, out, rng)
    raise ValueError(f"{index}: no issue to scramble (root <{name}>)")


def _scramble_altos(issue: Issue, out: Path, rng: random.Random) -> dict[str, dict[str, str]]:
    """Write every ALTO page of ``issue`` shuffled and renamed at its place below ``out``; the
    new name of every ID, per page file id."""
    folder = issue.path.parent.resolve()
    names = {}
    for page in issue.pages:
        if page.path is None:
            continue
        tree = etree.parse(str(page.path))
        _shuffle(tree.getroot(), _BLOCKS, rng)
        names[page.file_id] = _rename(tree.getroot(), rng, "")
        target = out / page.path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        tree.write(str(target), xml_declaration=True, encoding="utf-8")
    return names


def _scramble_mets(mets: Path, out: Path, rng: random.Random) -> Path:
    issue = read_issue(mets)
    names = _scramble_altos(issue, out, rng)
    tree = etree.parse(str(mets))
    for area in tree.iter(f"{{{_namespace(tree.getroot())}}}area"):
        page_names = names.get(area.get("FILEID"), {})
        for key in ("BEGIN", "END"):
            if area.get(key) in page_names:
                area.set(key, page_names[area.get(key)])
    own = _rename(tree.getroot(), rng, "M", skip=("BEGIN", "END"))
    labels: dict[str, str] = {}
    for element in tree.iter():
        href = element.get(_XLINK_HREF) or ""
        if href.startswith("#") and href[1:] in own:
            element.set(_XLINK_HREF, f"#{own[href[1:]]}")
        for key in _XLINK_LABELS:
            if element.get(key) is not None:
                label = labels.setdefault(element.get(key), f"L{rng.getrandbits(40):010x}")
                element.set(key, label)
    target = out / mets.name
    tree.write(str(target), xml_declaration=True, encoding="utf-8")
    return target


def _scramble_didl(didl: Path, out: Path, rng: random.Random) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RecoveredXmlWarning)  # Delpher's own malformation
        issue = read_didl(didl)
    names = _scramble_altos(issue, out, rng)
    for part in issue.root.iter(f"{{{DCX_NAMESPACE}}}article-part"):
        page = issue.page_of(part.get("pageid") or "")
        page_names = names.get(page.file_id, {}) if page else {}
        for block in part.iter(f"{{{DCX_NAMESPACE}}}TextBlock"):
            block.set("ID", page_names.get(block.get("ID"), block.get("ID")))
    target = out / didl.name
    issue.root.getroottree().write(str(target), xml_declaration=True, encoding="utf-8")
    return target


def _scramble_page(page: Path, out: Path, rng: random.Random) -> Path:
    tree = etree.parse(str(page))
    root = tree.getroot()
    for reading_order in root.iter(f"{{{_namespace(root)}}}ReadingOrder"):
        reading_order.getparent().remove(reading_order)
    for element in root.iter():
        element.attrib.pop("custom", None)
    regions = {split_tag(e.tag)[1] for e in root.iter() if split_tag(e.tag)[1].endswith("Region")}
    _shuffle(root, frozenset(regions), rng)
    _rename(root, rng, "", id_key="id", refs=frozenset({"regionRef"}))
    out.mkdir(parents=True, exist_ok=True)
    target = out / page.name
    tree.write(str(target), xml_declaration=True, encoding="utf-8")
    return target


def _namespace(element: etree._Element) -> str:
    return split_tag(element.tag)[0]


def _shuffle(root: etree._Element, kinds: frozenset[str], rng: random.Random) -> None:
    """Shuffle the children of every parent that are of ``kinds`` (local names) among the
    places such children hold in it."""
    for parent in list(root.iter()):
        places = [i for i, c in enumerate(parent) if split_tag(c.tag)[1] in kinds]
        if len(places) < 2:
            continue
        children = list(parent)
        blocks = [children[i] for i in places]
        rng.shuffle(blocks)
        for i, block in zip(places, blocks):
            children[i] = block
        parent[:] = children


def _rename(root: etree._Element, rng: random.Random, prefix: str, skip: tuple[str, ...] = (),
            id_key: str = "ID", refs: frozenset[str] = _REFS) -> dict[str, str]:
    """Give every ID a random new name, in the ID attributes and in every reference to them."""
    names: dict[str, str] = {}
    for element in root.iter():
        old = element.get(id_key)
        if old is not None:
            names.setdefault(old, f"{prefix}x{rng.getrandbits(40):010x}")
    for element in root.iter():
        for key, value in element.attrib.items():
            if key == id_key or (key in refs and key not in skip):
                element.set(key, " ".join(names.get(v, v) for v in value.split()))
    return names
