"""Rewrite a METS/ALTO issue with its ALTO blocks shuffled and every ID renamed.

A reader that found reading order in the file's block order or in its IDs (``TB00001`` <
``TB00002``) would score well on the archive's own files for the wrong reason. The copy keeps
every block, line and word with its coordinates and text, and the METS pointers stay
consistent (IDs renamed alike on both sides), so its ground truth is the original's: only the
order of blocks within their parent and the names change.
"""

from __future__ import annotations

import random
from pathlib import Path

from lxml import etree

from layout.sources.mets import read_issue
from layout.sources.xml import split_tag

_BLOCKS = frozenset({"TextBlock", "ComposedBlock", "Illustration", "GraphicalElement"})
# Attributes holding one or more IDs (IDREF / IDREFS) in ALTO and METS.
_REFS = frozenset({"STYLEREFS", "TAGREFS", "IDNEXT", "PROCESSINGREFS", "LANGREFS",
                   "FILEID", "ADMID", "DMDID", "BEGIN", "END", "GROUPID"})


def scramble_issue(mets: Path, out: Path, seed: int = 0) -> Path:
    """Write the scrambled issue into folder ``out``; the path of its METS file."""
    rng = random.Random(seed)
    issue = read_issue(mets)
    begin_ids: dict[str, dict[str, str]] = {}
    for page in issue.pages:
        if page.path is None:
            continue
        tree = etree.parse(str(page.path))
        _shuffle_blocks(tree.getroot(), rng)
        begin_ids[page.file_id] = _rename(tree.getroot(), rng, "")
        target = out / page.href.removeprefix("file://")
        target.parent.mkdir(parents=True, exist_ok=True)
        tree.write(str(target), xml_declaration=True, encoding="utf-8")
    tree = etree.parse(str(mets))
    for area in tree.iter(f"{{{_namespace(tree.getroot())}}}area"):
        names = begin_ids.get(area.get("FILEID"), {})
        for key in ("BEGIN", "END"):
            if area.get(key) in names:
                area.set(key, names[area.get(key)])
    _rename(tree.getroot(), rng, "M", skip=("BEGIN", "END"))
    target = out / mets.name
    tree.write(str(target), xml_declaration=True, encoding="utf-8")
    return target


def _namespace(element: etree._Element) -> str:
    return split_tag(element.tag)[0]


def _shuffle_blocks(root: etree._Element, rng: random.Random) -> None:
    """Shuffle the blocks of every parent among the places blocks hold in it."""
    for parent in list(root.iter()):
        places = [i for i, c in enumerate(parent) if split_tag(c.tag)[1] in _BLOCKS]
        if len(places) < 2:
            continue
        children = list(parent)
        blocks = [children[i] for i in places]
        rng.shuffle(blocks)
        for i, block in zip(places, blocks):
            children[i] = block
        parent[:] = children


def _rename(root: etree._Element, rng: random.Random, prefix: str,
            skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Give every ID a random new name, in the ID attributes and in every reference to them."""
    names: dict[str, str] = {}
    for element in root.iter():
        old = element.get("ID")
        if old is not None:
            names.setdefault(old, f"{prefix}x{rng.getrandbits(40):010x}")
    for element in root.iter():
        for key, value in element.attrib.items():
            if key == "ID" or (key in _REFS and key not in skip):
                element.set(key, " ".join(names.get(v, v) for v in value.split()))
    return names
