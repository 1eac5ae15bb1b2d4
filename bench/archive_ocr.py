"""The pages ``bench/archive.py`` reads from their image by OCR: PAGE files exported without
transcription whose page image lies beside them (the NZZ's front pages of 1812-1815). Their
truth is the PAGE file's lines carrying the OCR's words (``layout.truth.newseye``), and the
baselines, having no file of blocks to read, read the lines of that OCR."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import layout
from layout.errors import InputError
from layout.geometry import union_all
from layout.model import Word
from layout.pipeline import analyse_page
from layout.sources.hrefs import resolve_inside
from layout.sources.image import ImageSource
from layout.sources.xml import parse, root_of, split_tag
from layout.truth import PageTruth
from layout.truth.newseye import load_newseye_truth

# The language the images are read in: so far only the NZZ's, set in German Fraktur.
OCR_LANG = "frk"

Line = tuple[str, tuple[float, float, float, float]]  # text, (x, y, width, height)


def untranscribed_image(index: Path, truth: list[PageTruth]) -> Path | None:
    """The page image beside a PAGE file (``index``, its truth ``truth``) exported without
    transcription (no article has text), when there is one."""
    if root_of(index)[1] != "PcGts" or any(p.articles for p in truth):
        return None
    root = parse(index)
    page = root.find(f"{{{split_tag(root.tag)[0]}}}Page")
    try:
        image = resolve_inside(index.parent, page.get("imageFilename") or "")
    except InputError:
        return None
    return image if image.is_file() else None


def ocr_truth(index: Path, image: Path) -> tuple[str, list[PageTruth], tuple[list[Line], float]]:
    """Our HTML of a page image read by OCR (in ``OCR_LANG``), the truth of its PAGE file with
    the OCR's words put on the truth's lines (``load_newseye_truth``), and the OCR's lines
    (``ocr_lines``) with the page's width, for the baselines."""
    content = ImageSource(image, OCR_LANG).page(1)
    html = layout.Document(image.name, (analyse_page(content),)).to_html()
    return html, load_newseye_truth(index, content.words), (ocr_lines(content.words), content.width)


def ocr_lines(words: Sequence[Word]) -> list[Line]:
    """(text, box) of each line of an OCR (its words by ``source_line``, in x order), in the
    engine's order: what the baselines read of a page image, which has no file of blocks
    (the engine's order standing for the archive's)."""
    lines: dict[int | None, list[Word]] = {}
    for word in words:
        lines.setdefault(word.source_line, []).append(word)
    found = []
    for line in lines.values():
        box = union_all(w.box for w in line)
        text = " ".join(w.text for w in sorted(line, key=lambda w: w.box.x0))
        found.append((text, (box.x0, box.y0, box.width, box.height)))
    return found
