"""Measure newslayout on the archive issues rewritten as other OCR engines write them.

    .venv/bin/python bench/variants.py                 # prints a markdown section
    .venv/bin/python bench/variants.py --only kb_ --form nosize

Archives we have never seen come from other OCR engines, which cut and style the same page
differently from the engines of our corpora. Every ALTO issue of the corpora (METS or DIDL;
the PAGE issues are left out) is shuffled as ``bench/archive.py`` shuffles it, converted as it
is, then rewritten in one way at a time and converted again, and both are scored against the
library's article map with the contract's metrics (mean over the pages with scored text):

- ``lines``: no word boxes. Each printed line (``alto_lines.printed_lines``: a TextLine, or
  each row of one that holds several) is one TextLine holding one String of its whole text, boxed
  by the union of its words (eScriptorium, Transkribus or Kraken without word segmentation);
- ``nosize``: no type sizes (the TextStyles lose FONTSIZE), as Tesseract, Transkribus and
  Kraken write none; sizes are then estimated from the boxes;
- ``blockperline``: every TextBlock cut into one TextBlock a TextLine, as engines that segment
  finely write them;
- ``spanning``: TextBlocks side by side in neighbouring columns run into one TextBlock across
  the gutter over the height they share (its lines, one column's each, kept whole, in order
  down the region), as engines that cut regions coarsely write them;
- ``page`` and ``hocr``: each page written as PAGE-XML (Transkribus, OCR-D) or hOCR (Tesseract),
  with the ALTO's blocks, lines and word boxes but no type size, face, weight or slant
  (``bench/engine_forms.py`` says what each holds), and read by our PAGE and hOCR readers,
  each page alone (an issue's index names ALTO files).

The text is the same in every form, so a drop is the pipeline leaning on how one engine
segments or styles a page. These issues were used for tuning (see ``bench/archive.py``); the
rewritten forms were looked at while developing too, so none of this is held out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from statistics import mean

from lxml import etree

import layout
from layout.evaluate import Scores, score_html
from layout.sources.alto import load
from layout.sources.alto_lines import printed_lines
from layout.sources.didl import RecoveredXmlWarning
from layout.sources.xml import root_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from archive import default_corpora, issue_folders, page_files, units  # noqa: E402  (the same issues)
from engine_forms import hocr, page  # noqa: E402
from scramble import scramble_issue  # noqa: E402

METRICS = ("coverage", "flow", "order", "story_f1", "headline")
_BOX = ("HPOS", "VPOS", "WIDTH", "HEIGHT")


def _tag(root: etree._Element, name: str) -> str:
    ns = etree.QName(root).namespace
    return f"{{{ns}}}{name}" if ns else name


def _box_of(e: etree._Element) -> tuple[float, float, float, float]:
    """An ALTO element's box as (x0, y0, x1, y1)."""
    x, y = float(e.get("HPOS", 0)), float(e.get("VPOS", 0))
    return x, y, x + float(e.get("WIDTH", 0)), y + float(e.get("HEIGHT", 0))


def _box(elements: list[etree._Element]) -> dict[str, str]:
    """The union of the elements' boxes, as ALTO attributes in the file's own units."""
    boxes = [_box_of(e) for e in elements]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return dict(zip(_BOX, (f"{v:g}" for v in (x0, y0, x1 - x0, y1 - y0))))


def lines(path: Path) -> None:
    """Rewrite an ALTO file with one String a printed line (see the module docstring)."""
    alto = load(path)
    root = alto.root
    string_tag = _tag(root, "String")
    for line in list(root.iter(_tag(root, "TextLine"))):
        # the words as the reader reads them: a word broken at the line's end ends in "-"
        rows = [[(string, text) for string, text, box in row if box is not None]
                for row in printed_lines(alto, line)]
        parent, at = line.getparent(), line.getparent().index(line)
        for k, row in enumerate(r for r in rows if r):
            strings = [s for s, _ in row]
            new = etree.Element(line.tag, _box(strings))
            string = etree.SubElement(new, string_tag, _box(strings))
            string.set("CONTENT", " ".join(text for _, text in row))
            for key in ("STYLEREFS", "STYLE", "WC"):
                if strings[0].get(key):
                    string.set(key, strings[0].get(key))
            parent.insert(at + k, new)
        parent.remove(line)
    root.getroottree().write(str(path), xml_declaration=True, encoding="utf-8")


def nosize(path: Path) -> None:
    """Rewrite an ALTO file without type sizes."""
    tree = etree.parse(str(path))
    for style in tree.getroot().iter(_tag(tree.getroot(), "TextStyle")):
        style.attrib.pop("FONTSIZE", None)
    tree.write(str(path), xml_declaration=True, encoding="utf-8")


def blockperline(path: Path) -> None:
    """Rewrite an ALTO file with one TextBlock a TextLine."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    line_tag = _tag(root, "TextLine")
    for number, block in enumerate(list(root.iter(_tag(root, "TextBlock")))):
        found = [c for c in block if c.tag == line_tag]
        if len(found) < 2:
            continue
        parent, at = block.getparent(), block.getparent().index(block)
        for k, line in enumerate(found):
            piece = etree.Element(block.tag, dict(block.attrib))
            piece.set("ID", f"{block.get('ID') or 'B'}_{number}_{k}")
            piece.attrib.update({a: line.get(a) for a in _BOX if line.get(a) is not None})
            piece.append(line)
            parent.insert(at + k, piece)
        parent.remove(block)
    tree.write(str(path), xml_declaration=True, encoding="utf-8")


# [share of the narrower block's width] most white between two blocks side by side that
# ``spanning`` runs into one region: a gutter, not a column or more between them
_GUTTER = 0.25
# [lines] least lines of each block in the band two blocks share for ``spanning`` to merge them
_BAND_LINES = 2


def spanning(path: Path) -> None:
    """Rewrite an ALTO file with blocks of neighbouring columns run into one region over the
    height they share, as engines that cut regions coarsely write them: each TextBlock, taken
    left to right, with the nearest one to its right (same parent, not taken yet) that starts
    within ``_GUTTER`` of the narrower one's width of its right edge. The lines of both whose
    middles lie in the band of height the two share (``_BAND_LINES`` of each at least) make
    one block across the gutter, its lines in order down the region; the lines above or below
    that band stay blocks of their own column. No region overlaps another: in the band, each
    column is its block's. A line keeps the style it had from its block (its own
    ``STYLEREFS``): only the regions change."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    line_tag = _tag(root, "TextLine")
    blocks = sorted((b for b in root.iter(_tag(root, "TextBlock")) if all(k in b.attrib for k in _BOX)),
                    key=lambda b: _box_of(b)[0])
    taken: set[int] = set()
    for number, a in enumerate(blocks):
        if id(a) in taken:
            continue
        ax0, ay0, ax1, ay1 = _box_of(a)
        beside = [(bx0 - ax1, b) for b in blocks
                  if b is not a and id(b) not in taken and b.getparent() is a.getparent()
                  for bx0, by0, bx1, by1 in [_box_of(b)]
                  if 0 <= bx0 - ax1 <= _GUTTER * min(ax1 - ax0, bx1 - bx0)
                  and min(ay1, by1) > max(ay0, by0)]
        if not beside:
            continue
        b = min(beside, key=lambda gb: gb[0])[1]
        top, foot = max(ay0, _box_of(b)[1]), min(ay1, _box_of(b)[3])
        parts: dict[str, list[etree._Element]] = {}
        for name, block in (("a", a), ("b", b)):
            for line in (c for c in block if c.tag == line_tag):
                if block.get("STYLEREFS") and not line.get("STYLEREFS"):
                    line.set("STYLEREFS", block.get("STYLEREFS"))  # its style, wherever it goes
                x0, y0, x1, y1 = _box_of(line)
                where = "above" if (y0 + y1) / 2 < top else "below" if (y0 + y1) / 2 > foot else "band"
                parts.setdefault(f"{name} {where}", []).append(line)
        if min(len(parts.get("a band", ())), len(parts.get("b band", ()))) < _BAND_LINES:
            continue
        taken |= {id(a), id(b)}
        parent, at = a.getparent(), a.getparent().index(a)
        pieces = [sorted(parts["a band"] + parts["b band"], key=lambda ln: _box_of(ln)[1])]
        pieces += [parts[k] for k in ("a above", "a below", "b above", "b below") if k in parts]
        for k, found in enumerate(pieces):
            piece = etree.Element(a.tag, dict(a.attrib))
            piece.set("ID", f"{a.get('ID') or 'B'}_{number}_{k}")
            piece.attrib.update(_box(found))
            piece.extend(found)  # (moves the lines)
            parent.insert(at + k, piece)
        parent.remove(a)
        b.getparent().remove(b)
    tree.write(str(path), xml_declaration=True, encoding="utf-8")


FORMS: dict[str, Callable[[Path], None]] = {"lines": lines, "nosize": nosize,
                                            "blockperline": blockperline, "spanning": spanning}
# Forms of another format: each writes the page beside its ALTO file and returns its path.
OTHER_FORMATS: dict[str, Callable[[Path], Path]] = {"page": page, "hocr": hocr}


def issue_scores(folder: Path, forms: list[str], seed: int) -> dict[str, list[Scores]]:
    """Per form ("as is" first), the scores of every page with scored text of one issue."""
    scores: dict[str, list[Scores]] = {form: [] for form in ("as is", *forms)}
    with tempfile.TemporaryDirectory() as tmp:
        for unit in units(folder):
            if root_of(unit.index)[1] == "PcGts":
                continue
            for form in scores:
                copy = scramble_issue(unit.index, Path(tmp) / form / unit.index.stem, seed)
                if form in OTHER_FORMATS:  # every page read alone
                    html = {number: layout.reconstruct(OTHER_FORMATS[form](path)).to_html()
                            for number, path in page_files(copy).items()}
                else:
                    for path in page_files(copy).values():
                        if form in FORMS:
                            FORMS[form](path)
                    whole = layout.reconstruct(copy).to_html()
                    html = {truth.number: whole for truth in unit.truth}
                for truth in unit.truth:
                    if truth.number in html:  # (a page with no file has no other format)
                        result = score_html(html[truth.number], unit.truth, page=truth.number)
                        if result.chunks:
                            scores[form].append(result)
    return scores


def _mean(scores: list[Scores], metric: str) -> str:
    values = [getattr(s, metric) for s in scores if getattr(s, metric) is not None]
    return f"{mean(values):.3f}" if values else "-"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, action="append", help="as bench/archive.py")
    p.add_argument("--only", help="only the issues whose folder name contains this")
    p.add_argument("--form", choices=sorted([*FORMS, *OTHER_FORMATS]), action="append",
                   help="only these forms")
    p.add_argument("--seed", type=int, default=1, help="seed of the block shuffling")
    args = p.parse_args(argv)
    warnings.simplefilter("ignore", RecoveredXmlWarning)
    forms = args.form or [*FORMS, *OTHER_FORMATS]
    corpora = args.corpus or default_corpora()
    issues = issue_folders(corpora, args.only)
    every: dict[str, list[Scores]] = {form: [] for form in ("as is", *forms)}
    print("## Archives rewritten as other OCR engines write them (`bench/variants.py`)\n")
    print(__doc__.split("\n\n", 2)[2].replace("``", "`") + "\n")
    print("Mean over the pages (story_f1 and headline per form; coverage, flow, order over all):\n")
    print("| issue | pages | " + " | ".join(f"{f} story_f1 / headline" for f in ("as is", *forms)) + " |")
    print("|---|---|" + "---|" * (1 + len(forms)))
    for folder in issues:
        scores = issue_scores(folder, forms, args.seed)
        if not scores["as is"]:
            continue
        for form, found in scores.items():
            every[form] += found
        print(f"| {folder.name} | {len(scores['as is'])} | " + " | ".join(
            f"{_mean(s, 'story_f1')} / {_mean(s, 'headline')}" for s in scores.values()) + " |")
    print("\n| form | pages | " + " | ".join(METRICS) + " |")
    print("|---|---|" + "---|" * len(METRICS))
    for form, found in every.items():
        print(f"| {form} | {len(found)} | " + " | ".join(_mean(found, m) for m in METRICS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
