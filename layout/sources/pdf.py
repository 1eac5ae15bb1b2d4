"""PDF pages through PyMuPDF, the default engine: spans, images, rules and frames.

One ``get_text("dict")`` call (without image pixels) and one ``get_drawings()`` call per page:
the least any layout tool must read. PyMuPDF's own block grouping is ignored (it merges
columns); its spans become ``Word`` values and the analysis stages regroup them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..batch.atomic import write_atomic
from ..errors import InputError, PageError
from ..analysis.script import has_cjk, is_cjk
from ..geometry import union_all
from ..model import Box, Drawing, Figure, PageContent, Rule, Word
from ..params import Limits
from .mupdf import pymupdf

_TEXT_FLAGS = (pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
               | pymupdf.TEXT_MEDIABOX_CLIP)
# What PyMuPDF raises on a damaged file or page: MuPDF's own errors are not RuntimeErrors.
# Public: the OCR layer renders with PyMuPDF too.
READ_ERRORS = (pymupdf.FileDataError, pymupdf.mupdf.FzErrorBase, RuntimeError, ValueError)
_BOLD_NAMES = ("bold", "black", "heavy", "demi", "semibold", "extrabold")
_ITALIC_NAMES = ("italic", "oblique")
# Drawn shapes thinner than this [pt] are rules; frames need both sides longer than MIN_FRAME.
_RULE_THICKNESS = 3.0
_MIN_RULE_LENGTH = 12.0
_MIN_FRAME = 24.0
_MIN_FIGURE = 16.0
# [share of the page's area] a shape this large is the page's border or background; [0-1] a
# fill lighter than this in every channel is white; [pt] shapes this close are one drawing,
# hashed into cells this wide to find them
_PAGE_SHARE = 0.6
_WHITE = 0.99
_TOUCH = 2.0
_CELL = 64.0
# [pt] how far inside its bounding box a frame's outline may run (its rounded corners)
_CORNER = 6.0
# [em] a span of CJK text wider than its characters set solid by more than this runs on across
# a gap; [em] such a span is cut where its characters stand further apart than _CHAR_GAP;
# [em] the width assumed for a character that is not CJK (an upper bound: most are narrower)
_RUN_ON = 0.8
_CHAR_GAP = 0.25
_LATIN_WIDTH = 0.6


@lru_cache(maxsize=1024)
def font_style(font: str, flags: int) -> tuple[bool, bool]:
    """(bold, italic) from the span's flags and, since flags are often missing, its font name.

    Cached: a page has thousands of spans but a handful of fonts.
    """
    name = font.lower()
    bold = bool(flags & pymupdf.TEXT_FONT_BOLD) or any(k in name for k in _BOLD_NAMES)
    italic = bool(flags & pymupdf.TEXT_FONT_ITALIC) or any(k in name for k in _ITALIC_NAMES)
    return bold, italic


def spans_to_words(text_dict: dict) -> list[Word]:
    """Every non-blank span of a ``get_text("dict")`` result as a Word, vertical ones marked.

    From a ``"rawdict"`` result, whose spans have their characters, a span is cut into words
    wherever its characters stand apart by more than ``_CHAR_GAP`` em (see ``run_on_spans``).
    """
    words = []
    line_id = 0
    for block in text_dict["blocks"]:
        if block.get("type") != 0:
            continue
        for line in block["lines"]:
            line_id += 1
            vertical = abs(line["dir"][1]) > abs(line["dir"][0])
            for span in line["spans"]:
                for raw, bbox in _pieces(span, vertical):
                    text = raw.strip()
                    if not text:
                        continue
                    bold, italic = font_style(span["font"], span["flags"])
                    box = _trimmed(Box(*bbox), raw, vertical)
                    words.append(Word(text, box, span["font"], round(span["size"], 2),
                                      bold, italic, vertical, source_line=line_id))
    return words


def _pieces(span: dict, vertical: bool) -> list[tuple[str, tuple[float, ...]]]:
    """(text, bbox) of the span, or of its runs of characters with no gap between them."""
    chars = span.get("chars")
    if chars is None:
        return [(span["text"], span["bbox"])]
    axis, end = (1, 3) if vertical else (0, 2)
    gap = _CHAR_GAP * span["size"]
    runs: list[list[dict]] = []
    for c in chars:
        if not runs or c["bbox"][axis] - runs[-1][-1]["bbox"][end] > gap:
            runs.append([])
        runs[-1].append(c)
    return [("".join(c["c"] for c in run),
             (min(c["bbox"][0] for c in run), min(c["bbox"][1] for c in run),
              max(c["bbox"][2] for c in run), max(c["bbox"][3] for c in run))) for run in runs]


def run_on_spans(text_dict: dict) -> bool:
    """Whether a span of Chinese or Japanese runs on across a gap: wider than its characters
    set solid (an em each, ``_LATIN_WIDTH`` for others) by more than ``_RUN_ON`` em.

    Some producers (Chromium) set the lines of several columns that share a baseline as one
    text run, which MuPDF hands over as one span; only its characters' boxes show the
    gutters in it, so such a page is read again with them (``rawdict``).
    """
    for block in text_dict["blocks"]:
        for line in block.get("lines", ()):
            vertical = abs(line["dir"][1]) > abs(line["dir"][0])
            for span in line["spans"]:
                text = span["text"]
                if not has_cjk(text):
                    continue
                x0, y0, x1, y1 = span["bbox"]
                extent = (y1 - y0) if vertical else (x1 - x0)
                solid = sum(1.0 if is_cjk(c) else _LATIN_WIDTH for c in text) * span["size"]
                if extent > solid + _RUN_ON * span["size"]:
                    return True
    return False


def _trimmed(box: Box, raw: str, vertical: bool) -> Box:
    """The span's box without its leading and trailing spaces (estimated per character).

    A trailing space would otherwise reach into the gutter and make it look bridged.
    """
    lead = len(raw) - len(raw.lstrip())
    trail = len(raw) - len(raw.rstrip())
    if not (lead or trail):
        return box
    if vertical:
        step = box.height / len(raw)
        return Box(box.x0, box.y0 + lead * step, box.x1, box.y1 - trail * step)
    step = box.width / len(raw)
    return Box(box.x0 + lead * step, box.y0, box.x1 - trail * step, box.y1)


def shapes(drawings: list[dict], page_box: Box) -> tuple[list[Rule], list[Box], list[Drawing]]:
    """Separators (thin lines or bars), frames (outlined or tinted rectangles) and drawings
    (clusters of every other visible shape: a chart's bars and curves, a map, a filled
    placeholder) among the page's drawn paths.

    A shape covering most of the page is a page border or background, and is dropped; so is
    one painted white, or one outside the page (drawn for the facing page of a spread).
    """
    rules, frames, parts = [], [], []
    for path in drawings:
        x0, y0, x1, y1 = path["rect"]
        w, h = x1 - x0, y1 - y0
        box = Box(x0, y0, x1, y1)
        if h <= _RULE_THICKNESS and w >= _MIN_RULE_LENGTH:
            rules.append(Rule(box, "h"))
        elif w <= _RULE_THICKNESS and h >= _MIN_RULE_LENGTH:
            rules.append(Rule(box, "v"))
        elif w * h >= _PAGE_SHARE * page_box.area or not _visible(path) \
                or x1 <= page_box.x0 or x0 >= page_box.x1 or y1 <= page_box.y0 or y0 >= page_box.y1:
            continue  # a background, a white shape, or one off the page
        elif w >= _MIN_FRAME and h >= _MIN_FRAME and _rectangle(path) and (
                path.get("color") is not None or _is_tint(path.get("fill"))):
            frames.append(box)
        else:
            parts.append(box)
    return rules, frames, _clusters(parts)


def _visible(path: dict) -> bool:
    """Stroked, or filled with anything but white."""
    fill = path.get("fill")
    return path.get("color") is not None or (fill is not None and min(fill) < _WHITE)


def _rectangle(path: dict) -> bool:
    """Whether the path outlines its own bounding box (a rectangle, with rounded corners or
    not): every point of it lies within ``_CORNER`` of the box's edges. A chart's bars or
    polygon and a map's outline reach inside; they are drawings, not a frame around text."""
    x0, y0, x1, y1 = path["rect"]
    return all(min(x - x0, x1 - x, y - y0, y1 - y) <= _CORNER for x, y in _points(path))


def _points(path: dict) -> Iterator[tuple[float, float]]:
    """The points of a path: of PyMuPDF's ``items`` (lines, curves, rectangles, quads), or
    the ``points`` a second engine gives."""
    yield from path.get("points", ())
    for item in path.get("items") or ():
        for v in item[1:]:
            if isinstance(v, pymupdf.Point):
                yield v.x, v.y
            elif isinstance(v, (pymupdf.Rect, pymupdf.Quad)):
                yield from ((q.x, q.y) for q in (v.quad if isinstance(v, pymupdf.Rect) else v))


def _clusters(parts: list[Box]) -> list[Drawing]:
    """The shapes grouped into drawings: those that overlap or stand within ``_TOUCH`` of one
    another are one (a chart's bars, far apart, are gathered by the analysis, which knows
    the page's body size). Shapes are hashed into a grid of cells ``_CELL`` wide, so each is
    only compared with those near it."""
    parent = list(range(len(parts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cells: dict[tuple[int, int], list[int]] = {}
    for i, b in enumerate(parts):
        near = {j for cx in range(int((b.x0 - _TOUCH) // _CELL), int((b.x1 + _TOUCH) // _CELL) + 1)
                for cy in range(int((b.y0 - _TOUCH) // _CELL), int((b.y1 + _TOUCH) // _CELL) + 1)
                for j in cells.get((cx, cy), ())}
        for j in near:
            o = parts[j]
            if o.x0 - _TOUCH <= b.x1 and b.x0 - _TOUCH <= o.x1 and o.y0 - _TOUCH <= b.y1 \
                    and b.y0 - _TOUCH <= o.y1:
                parent[root(j)] = root(i)
        for cx in range(int(b.x0 // _CELL), int(b.x1 // _CELL) + 1):
            for cy in range(int(b.y0 // _CELL), int(b.y1 // _CELL) + 1):
                cells.setdefault((cx, cy), []).append(i)
    groups: dict[int, list[Box]] = {}
    for i, b in enumerate(parts):
        groups.setdefault(root(i), []).append(b)
    return [Drawing(union_all(g), len(g)) for g in groups.values()]


def kept_figures(images: list[tuple[Box, object]], page_box: Box) -> list[Figure]:
    """Figures from the boxes of a page's images (with their handles), largest first.

    Boxes are clipped to the page; images too small to be pictures, or covering most of the
    page (a scan's page image), are dropped, and so is an image drawn over most of a larger
    one (a mask, a frame, a second layer): it is part of that figure. Shared by both engines.
    """
    figures: list[Figure] = []
    cells: dict[tuple[int, int], list[Box]] = {}  # the kept boxes by the grid cells they touch
    for raw, handle in sorted(images, key=lambda item: -item[0].area):
        box = Box(max(0.0, raw.x0), max(0.0, raw.y0), min(page_box.x1, raw.x1), min(page_box.y1, raw.y1))
        if box.width < _MIN_FIGURE or box.height < _MIN_FIGURE or box.area >= 0.9 * page_box.area:
            continue
        # A box covering 70% of this one shares its centre's cell: only those are compared,
        # so a page of thousands of images side by side costs linear time, not quadratic.
        centre = (int(box.cx // _CELL), int(box.cy // _CELL))
        if not any(_shared_area(kept, box) > 0.7 * box.area for kept in cells.get(centre, ())):
            figures.append(Figure(box, image=handle))
            for cell in _cells_of(box):
                cells.setdefault(cell, []).append(box)
    return figures


def _cells_of(box: Box) -> Iterator[tuple[int, int]]:
    """The grid cells (``_CELL`` wide) the box touches."""
    for cx in range(int(box.x0 // _CELL), int(box.x1 // _CELL) + 1):
        for cy in range(int(box.y0 // _CELL), int(box.y1 // _CELL) + 1):
            yield cx, cy


def _shared_area(a: Box, b: Box) -> float:
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0.0, min(a.y1, b.y1) - max(a.y0, b.y0))


def _is_tint(fill: tuple[float, ...] | None) -> bool:
    """A light, non-white fill: the background of a boxed sidebar."""
    return fill is not None and 0.75 < min(fill) < 0.99


class PdfSource:
    """An open PDF file read with PyMuPDF."""

    def __init__(self, path: Path, limits: Limits = Limits()) -> None:
        self.name = path.name
        self.path = path
        self.limits = limits
        try:
            self._doc = pymupdf.open(path)
        except READ_ERRORS as e:
            raise InputError(f"{path}: damaged or not a PDF ({e})") from e
        if self._doc.needs_pass:
            self._doc.close()
            raise InputError(f"{path}: encrypted PDF (a password is needed)")
        self.page_count = self._doc.page_count
        if self.page_count == 0:
            raise InputError(f"{path}: the PDF has no pages")

    def page(self, number: int) -> PageContent:
        """Read one page (1-based)."""
        pymupdf.TOOLS.mupdf_warnings(reset=True)
        try:
            page = self._doc[number - 1]
            text_dict = page.get_text("dict", flags=_TEXT_FLAGS)
            if run_on_spans(text_dict):
                text_dict = page.get_text("rawdict", flags=_TEXT_FLAGS)
            where = f"{self.path}: page {number}"
            self.limits.check("words", sum(len(line["spans"]) for block in text_dict["blocks"]
                                           for line in block.get("lines", ())), where)
            images = page.get_image_info()  # no xrefs: they cost an md5 of every image
            self.limits.check("images", len(images), where)
            drawings = page.get_drawings()
            self.limits.check("drawings", len(drawings), where)
        except PageError:
            raise
        except MemoryError:
            raise PageError(f"{self.path}: page {number}: over the memory limit") from None
        except READ_ERRORS as e:
            raise PageError(f"{self.path}: page {number}: cannot be read ({e})") from e
        finally:
            # MuPDF keeps every page's decoded fonts and images in its store, up to 256 MB
            # (0.3 MB a page of a broadsheet): emptied after each page, a file of any length
            # costs the memory of a page, for about 2% more time reading the fonts again.
            pymupdf.TOOLS.store_shrink(100)
        # A rotated page is read in its own frame, the one its text is set in: PyMuPDF gives
        # text, drawings and images unrotated, so the page's size is taken unrotated too.
        rect = page.cropbox if page.rotation else page.rect
        if rect.width <= 0 or rect.height <= 0:
            raise PageError(f"{self.path}: page {number}: zero-size page")
        if not (text_dict["blocks"] or images or drawings):
            self._refuse_if_damaged(number)
        page_box = Box(0, 0, rect.width, rect.height)
        rules, frames, drawn = shapes(drawings, page_box)
        figures = kept_figures([(Box(*info["bbox"]), number) for info in images], page_box)
        return PageContent(number, rect.width, rect.height, "pt", tuple(spans_to_words(text_dict)),
                           tuple(figures), tuple(rules), tuple(frames), tuple(drawn))

    def _refuse_if_damaged(self, number: int) -> None:
        """A ``PageError`` for a page that came out empty from a damaged file (MuPDF warned
        while reading it, or repaired the file): its content was lost, it is not a blank page
        or a scan (which would go to OCR and come out empty, with exit 0)."""
        warnings = pymupdf.TOOLS.mupdf_warnings(reset=True).strip()
        if warnings or self._doc.is_repaired:
            reason = warnings.splitlines()[0] if warnings else "the file was repaired"
            raise PageError(f"{self.path}: page {number}: damaged: nothing could be read from "
                            f"it ({reason})")

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        """Write the figure's embedded image in its own format, else its region as PNG.

        ``figure.image`` is the page number; the embedded image is the one drawn where the
        figure is. Looking it up only here keeps reading pages free of image hashing.
        """
        if not isinstance(figure.image, int):
            return None
        page = self._doc[figure.image - 1]
        target = Box(*figure.box.as_list(3))
        for xref, *_ in page.get_images(full=True):
            for rect in page.get_image_rects(xref):
                if abs(rect.x0 - target.x0) < 1 and abs(rect.y0 - target.y0) < 1:
                    extracted = self._doc.extract_image(xref)
                    if extracted and extracted.get("image"):
                        path = stem.with_suffix("." + extracted["ext"])
                        write_atomic(path, extracted["image"])
                        return path
        path = stem.with_suffix(".png")
        try:
            pixmap = page.get_pixmap(clip=pymupdf.Rect(*figure.box.as_list(3)), dpi=150)
        except READ_ERRORS as e:
            raise PageError(f"{self.path}: page {figure.image}: figure cannot be rendered "
                            f"({e})") from e
        write_atomic(path, pixmap.tobytes("png"))
        return path

    def render(self, number: int, dpi: float) -> bytes:
        """Page ``number`` (1-based) as a PNG at ``dpi``, for the overlay view."""
        try:
            return self._doc[number - 1].get_pixmap(dpi=round(dpi)).tobytes("png")
        except READ_ERRORS as e:  # MuPDF's "Overly large image" of a page miles long, too
            raise PageError(f"{self.path}: page {number}: cannot be rendered ({e})") from e

    def close(self) -> None:
        self._doc.close()
