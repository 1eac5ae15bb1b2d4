"""Ground truth from a NewsEye PAGE file (PAGE 2013-07-15 as exported by Transkribus).

Each ``TextLine`` names the article it belongs to in its ``custom`` attribute,
``structure {id:a62; type:article;}``, and its place in its region, ``readingOrder
{index:3;}``; regions are ordered by ``ReadingOrder`` (``RegionRefIndexed index``; regions it
does not name follow, in file order). An article is its lines in that order, over all regions,
a run of its lines within one region being one paragraph; articles come in the order of their
first line. A region drawn round several columns (the NZZ's, one for the whole page) may carry
the layout tool's order by height across them: one article's lines then alternate between its
columns, each next line beside the last rather than under it, or read the top of its right
column before the foot of its left one (an article starting under its heading low in the left
column), an order no reader follows and no text to compare. PAGE reads a region's lines one
under the other (``textLineOrder``), and the NewsEye truth this comes from is a partition of
lines into articles (its measure scores which lines go together, not their order): such an
article's lines in that region are read as the page prints them, column by column from the
left, each column in the region's order (``_column_order``). Every article is a story: the
format marks no headlines, ads or furniture, and lines without an article id (page numbers,
rules read as text, a few stray lines) are in no article and not in the truth. A line's text is
read as the PAGE reader reads it (:func:`layout.sources.pagexml.line_words`: its Words, else
its own TextEquiv).

Pages exported without transcription (the NewsEye pages of 1900 and of the NZZ: no
``TextEquiv`` text at all) give no article with text, so the text metrics score nothing on
them as they are: their truth is line polygons and article ids only. Where the page image is
there (the NZZ), the words of its OCR can be put on the truth's lines (``words``), and the
truth so made scores an output made from the same OCR; the 1900 pages have neither text nor
image, so nothing of them can be scored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from ..errors import FormatError
from ..model import Box, Word
from ..sources.pagexml import line_words, polygon_box
from ..sources.xml import PAGE_NAMESPACES, expect_root, number_of, parse
from . import PageTruth, TruthBuilder

_CUSTOM = re.compile(r"([\w-]+)\s*\{([^}]*)\}")
_PAIR = re.compile(r"\s*([\w-]+)\s*:\s*([^;]*);?")
_LAST = float("inf")


def custom_fields(value: str | None) -> dict[str, dict[str, str]]:
    """A Transkribus ``custom`` attribute as nested dicts:
    ``"readingOrder {index:0;} structure {id:a1; type:article;}"`` →
    ``{"readingOrder": {"index": "0"}, "structure": {"id": "a1", "type": "article"}}``."""
    return {name: {key: val.strip() for key, val in _PAIR.findall(body)}
            for name, body in _CUSTOM.findall(value or "")}


def load_newseye_truth(path: str | os.PathLike[str], words: Sequence[Word] | None = None
                       ) -> list[PageTruth]:
    """The ground truth of the page(s) of a NewsEye PAGE file (see the module docstring),
    numbered as the PAGE reader numbers them (1 for the one Page a file holds).

    ``words``: read every line's text from these words instead of its TextEquiv, each word
    going to the line whose box holds its centre (the nearest by height when several do),
    words of a line in x order. For a page exported without transcription, the words of an
    OCR of its image give a truth in the same coordinates that the text metrics can score.
    """
    path = Path(path)
    root = parse(path)
    ns = expect_root(root, path, "PcGts", PAGE_NAMESPACES)
    pages = []
    for number, page in enumerate(root.iterfind(f"{{{ns}}}Page"), start=1):
        ordered = _lines_in_order(page, ns, f"{path}: Page {number}")
        texts = (_texts_from(words, [polygon_box(line, ns) for _, line in ordered])
                 if words is not None else
                 [" ".join(text for _, text, _ in line_words(line, ns)) for _, line in ordered])
        runs: list[tuple[str, etree._Element, list[str]]] = []  # (article, region, lines)
        for (region, line), text in zip(ordered, texts):
            article = custom_fields(line.get("custom")).get("structure", {}).get("id")
            if not article:
                runs.append(("", region, []))  # a line of no article ends the run before it
            elif runs and runs[-1][:2] == (article, region):
                runs[-1][2].append(text)
            else:
                runs.append((article, region, [text]))
        truth = TruthBuilder()
        for article, _, lines in runs:
            if article:
                truth.add(number, article, "story", "text", "\n".join(t for t in lines if t))
        pages.append(truth.page(number, path.name))
    return pages


def _texts_from(words: Sequence[Word], boxes: list[Box | None]) -> list[str]:
    """The text of each line box made of the words whose centre it holds (see above)."""
    held: list[list[Word]] = [[] for _ in boxes]
    for word in words:
        cx, cy = word.box.cx, word.box.cy
        holders = [i for i, box in enumerate(boxes)
                   if box is not None and box.x0 <= cx <= box.x1 and box.y0 <= cy <= box.y1]
        if holders:
            held[min(holders, key=lambda i: abs(boxes[i].cy - cy))].append(word)
    return [" ".join(w.text for w in sorted(line, key=lambda w: w.box.x0)) for line in held]


def _lines_in_order(page: etree._Element, ns: str, where: str
                    ) -> list[tuple[etree._Element, etree._Element]]:
    """(region, line) of every TextLine of the page in reading order: regions as the
    ReadingOrder has them, lines by their ``readingOrder`` index (file order when missing)."""
    regions = list(page.iter(f"{{{ns}}}TextRegion"))
    ranks = {}
    for ref in page.iterfind(f"{{{ns}}}ReadingOrder//{{{ns}}}RegionRefIndexed"):
        index = number_of(ref.get("index"))
        if index is None:
            raise FormatError(f"{where}: RegionRefIndexed without a numeric index")
        ranks[ref.get("regionRef")] = index
    regions.sort(key=lambda r: ranks.get(r.get("id"), _LAST))  # stable: file order
    ordered = []
    for region in regions:
        lines = region.findall(f"{{{ns}}}TextLine")
        lines.sort(key=_line_rank)  # stable: lines without an index keep their file order
        ordered += [(region, line) for line in _column_order(lines, ns)]
    return ordered


def _column_order(lines: list[etree._Element], ns: str) -> list[etree._Element]:
    """A region's lines in order, each article's read column by column where its lines stand
    in more than one column (see the module docstring): the article's lines keep the places
    they hold among the region's, and fill them in the new order (the same order when the
    region already reads them column by column)."""
    places: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        article = custom_fields(line.get("custom")).get("structure", {}).get("id")
        if article:
            places.setdefault(article, []).append(k)
    out = list(lines)
    for held in places.values():
        boxes = [polygon_box(lines[k], ns) for k in held]
        if None in boxes:
            continue
        columns = _columns(boxes)
        ranked = sorted(range(len(held)), key=lambda i: (columns[i], i))  # stable in a column
        for k, i in zip(held, ranked):
            out[k] = lines[held[i]]
    return out


def _columns(boxes: list[Box]) -> list[int]:
    """The column of each line, numbered from the left: the spans of x that lines sharing
    some width make up together."""
    columns = [0] * len(boxes)
    column, right = -1, 0.0
    for i in sorted(range(len(boxes)), key=lambda i: boxes[i].x0):
        if column < 0 or boxes[i].x0 >= right:  # clear of the span so far: a new column
            column, right = column + 1, boxes[i].x1
        right = max(right, boxes[i].x1)
        columns[i] = column
    return columns


def _line_rank(line: etree._Element) -> float:
    """A line's ``readingOrder`` index in its region (after every indexed line when none)."""
    index = number_of(custom_fields(line.get("custom")).get("readingOrder", {}).get("index"))
    return _LAST if index is None else index
