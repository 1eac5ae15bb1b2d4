"""Overlay view: what we found, drawn over the page it came from, to check at a glance.

:func:`write_view` makes one self-contained HTML file (no external resources, no network). Per
page, the left pane shows the page image (from a source that ``Renders``; a blank canvas of the
page's size otherwise) under an SVG overlay in page units: each story's blocks outlined and
tinted in a colour of its own, a badge with the story's place in reading order (sidebars get
their story's number and a letter), arrows from block to block along its reading path, small
block numbers, captions tied to their figures by a dotted line, page furniture in grey. The
right pane holds the stories as the HTML writer writes them (the very same elements, styled
compactly). Hovering or clicking a story on either side highlights it on both; the page zooms
(wheel, buttons) and pans (drag); several pages get page buttons (``view.js``, ``view.css``).

With ground truth, red marks show where we differ from it: a block whose text belongs to
another truth story than most of its story's text does (or story text left outside every
story), and order breaks, where the truth's text goes on somewhere else than straight after
(a dashed red arrow from the block where it stops to the block where it goes on; a dashed red
box when that is inside one block). Text is located with the chunks of ``layout.evaluate``
(see :func:`differences`), so the marks point at what costs ``story_f1``, ``flow`` and
``order`` there.

:func:`overlay_png` draws the same picture with PyMuPDF, for reports and issue trackers. Both
draw one scene (:func:`scene`), so the two cannot drift apart.
"""

from __future__ import annotations

import base64
import colorsys
import itertools
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files as package_files
from pathlib import Path

import pymupdf
from lxml import etree, html

from ..errors import InputError
from ..evaluate import PageTruth, locate, plan_chunks, format_scores, normalize, score_html
from ..model import Block, Box, Document, Figure, Layout, PageFailure, Story
from ..sources import Renders, open_source
from .html import _bbox, _page, html_skeleton, write_html

IMAGE_WIDTH = 1600  # pixels across a page image in the view: room to zoom in about twice
PNG_WIDTH = 1400    # pixels across an overlay PNG
GREY, RED = "#8a8a8a", "#e00000"
RECTS = frozenset({"block", "caption", "figure", "frame", "furniture", "wrong"})
LINES = frozenset({"path", "link", "break"})
ARROWS = frozenset({"path", "break"})
LEGEND = ("One colour per story; its badge is its place in reading order, arrows its reading "
          "path, small numbers its blocks. Dotted: caption to figure. Grey: page furniture. "
          "Wheel or +/− zooms, drag pans; click a story on either side.")
TRUTH_LEGEND = (" Red box: text of another ground-truth story; red dashed arrow: an order break "
                "(the truth's text goes on there).")


@dataclass(frozen=True, slots=True)
class Shape:
    """One mark of the overlay, in page units.

    ``kind`` picks the look. Rectangles (``RECTS``) span ``at`` = (x0, y0, x1, y1); lines
    (``LINES``, those in ``ARROWS`` with a head) run from (x0, y0) to (x1, y1); labels (``badge``,
    ``num``) stand at (x0, y0). ``text`` is a label's text or a red mark's explanation.
    """

    kind: str
    at: tuple[float, float, float, float]
    text: str = ""


@dataclass(frozen=True, slots=True)
class Group:
    """The marks of one story (``kind`` "story", with its id, label and colour), or of the page
    furniture, the figures of no story or the differences from the ground truth."""

    kind: str
    shapes: tuple[Shape, ...]
    story: str | None = None
    label: str = ""
    colour: str = GREY
    title: str = ""


@dataclass(frozen=True)
class Differences:
    """Where a page differs from its ground truth, by index into ``blocks`` (every block in the
    HTML writer's document order, with the id of its innermost story, None outside stories).

    ``wrong`` maps a block to the truth story its text belongs to; ``breaks`` holds pairs
    (a, b): the truth's text goes on from block a in block b, but not straight after it.
    """

    blocks: tuple[tuple[Block, str | None], ...]
    wrong: dict[int, str]
    breaks: frozenset[tuple[int, int]]


# --- the scene, shared by the HTML and the PNG ---------------------------------------------


def colour(i: int) -> str:
    """The i-th story colour: hues a golden angle apart, so stories next in order differ, and
    none near red, which marks differences from the ground truth."""
    r, g, b = colorsys.hls_to_rgb(0.08 + 0.84 * (i * 0.381966 % 1), 0.42, 0.85)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def scene(page: Layout, diff: Differences | None = None) -> list[Group]:
    """Everything the overlay draws for ``page``, bottom to top; with ``diff``, its red marks."""
    groups = [Group("furniture", tuple(Shape("furniture", _at(b.box))
                                       for b in (*page.header, *page.footer)),
                    title="page furniture")]
    counter = itertools.count()
    for n, story in enumerate(page.stories, 1):
        groups.extend(_story_groups(story, str(n), counter))
    loose = tuple(s for f in page.figures for s in _figure_shapes(f))
    if loose:
        groups.append(Group("figures", loose, title="figure of no story"))
    if diff is not None:
        groups.append(_difference_group(diff))
    return groups


def _at(box: Box) -> tuple[float, float, float, float]:
    return box.x0, box.y0, box.x1, box.y1


def _story_groups(s: Story, label: str, counter: Iterator[int]) -> Iterator[Group]:
    """The group of story ``s``, then those of its sidebars (labelled 3a, 3b, …)."""
    blocks = s.blocks
    shapes = [shape for f in s.figures for shape in _figure_shapes(f)]
    if s.kind == "sidebar":
        shapes.append(Shape("frame", _at(s.box)))
    shapes += [Shape("block", _at(b.box)) for b in blocks]
    shapes += [Shape("path", (a.box.cx, a.box.cy, b.box.cx, b.box.cy))
               for a, b in zip(blocks, blocks[1:])]
    shapes += [Shape("num", (b.box.x0, b.box.y0) * 2, str(i)) for i, b in enumerate(blocks[1:], 2)]
    first = blocks[0].box if blocks else s.box
    shapes.append(Shape("badge", (first.x0, first.y0) * 2, label))
    headline = s.first("headline")
    yield Group("story", tuple(shapes), s.id, label, colour(next(counter)),
                headline.text if headline else f"({s.kind})")
    for k, sidebar in enumerate(s.sidebars):
        yield from _story_groups(sidebar, label + chr(ord("a") + k % 26), counter)


def _figure_shapes(f: Figure) -> list[Shape]:
    """A figure, its caption blocks and the shortest lines tying each caption to it."""
    shapes = [Shape("figure", _at(f.box))]
    for c in f.caption:
        shapes += [Shape("caption", _at(c.box)), Shape("link", _between(c.box, f.box))]
    return shapes


def _between(a: Box, b: Box) -> tuple[float, float, float, float]:
    """The shortest segment from box ``a`` to box ``b`` (of no length when they overlap)."""
    px, py = min(max(a.cx, b.x0), b.x1), min(max(a.cy, b.y0), b.y1)
    return min(max(px, a.x0), a.x1), min(max(py, a.y0), a.y1), px, py


def _reading_blocks(page: Layout) -> list[tuple[Block, str | None]]:
    """Every block in the HTML writer's document order, with its innermost story's id."""
    out: list[tuple[Block, str | None]] = [(b, None) for b in page.header]

    def walk(s: Story) -> None:
        for c in s.content:
            if isinstance(c, Block):
                out.append((c, s.id))
            elif isinstance(c, Figure):
                out.extend((b, s.id) for b in c.caption)
            else:
                walk(c)

    for s in page.stories:
        walk(s)
    out += [(b, None) for f in page.figures for b in f.caption]
    return out + [(b, None) for b in page.footer]


def differences(page: Layout, truth: PageTruth) -> Differences:
    """Blocks in the wrong story and order breaks of ``page`` against ``truth``.

    The text of the blocks, concatenated in document order, is the stream the metrics read; a
    truth chunk found there exactly once belongs to the block holding its first character.
    A block is in the wrong story when most of its chunks come from another truth story than
    most of its story's chunks (or when it lies outside every story). An order break is a pair
    of chunks of one truth story, found with none found between them, that our text does not
    read in a row: in one block, not as far apart as in the truth (for neighbours: not
    contiguous, a pair that costs ``flow``); in two blocks, not the second after the first
    with only blocks of no truth text between (a crosshead, a caption). Chunks cut by a break
    are missing, so breaks between blocks are found through the chunks around them.
    """
    blocks = _reading_blocks(page)
    starts, texts, offset = [], [], 0
    for b, _ in blocks:
        starts.append(offset)
        texts.append(normalize(b.text))
        offset += len(texts[-1])
    plan = plan_chunks(truth)
    found = locate(plan, "".join(texts))

    block_of = {c: bisect_right(starts, start) - 1 for c, start in found.items()}
    by_block: defaultdict[int, Counter[int]] = defaultdict(Counter)
    by_story: defaultdict[str | None, Counter[int]] = defaultdict(Counter)
    for article, chunks in plan.stories:
        for c in chunks:
            if c in block_of:
                by_block[block_of[c]][article] += 1
                by_story[blocks[block_of[c]][1]][article] += 1
    breaks = set()
    for _, chunks in plan.stories:
        hits = [(i, c, block_of[c]) for i, c in enumerate(chunks) if c in block_of]
        for (i, a, x), (j, b, y) in zip(hits, hits[1:]):
            if x == y:
                broken = found[b] != found[a] + (j - i) * len(a)
            else:
                broken = y < x or any(k in by_block for k in range(x + 1, y))
            if broken:
                breaks.add((x, y))
    wrong = {}
    for k, votes in by_block.items():
        mine = votes.most_common(1)[0][0]
        story = blocks[k][1]
        if story is None or by_story[story].most_common(1)[0][0] != mine:
            article = truth.articles[mine]
            wrong[k] = f"text of the ground-truth story «{article.headline or article.id}»"
    return Differences(tuple(blocks), wrong, frozenset(breaks))


def _difference_group(d: Differences) -> Group:
    """The red marks: boxes on blocks in the wrong story (or broken inside), arrows from the
    bottom of the block where the truth's text stops to the top of the one where it goes on."""
    shapes = [Shape("wrong", _at(d.blocks[k][0].box), note) for k, note in sorted(d.wrong.items())]
    for a, b in sorted(d.breaks):
        first, then = d.blocks[a][0].box, d.blocks[b][0].box
        if a == b:
            shapes.append(Shape("wrong", _at(first), "order break inside this block"))
        else:
            shapes.append(Shape("break", (first.cx, first.y1, then.cx, then.y0),
                                "order break: the ground truth goes on here"))
    return Group("diff", tuple(shapes), colour=RED, title="differences from the ground truth")


def _head(at: tuple[float, float, float, float], size: float) -> list[tuple[float, float]]:
    """The triangle of an arrowhead of ``size`` at the end of the line ``at``."""
    x0, y0, x1, y1 = at
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * size, y1 - uy * size
    w = size * 0.45
    return [(x1, y1), (bx - uy * w, by + ux * w), (bx + uy * w, by - ux * w)]


def _badge_centre(x: float, y: float, u: float) -> tuple[float, float]:
    """Where a badge for a block whose top-left corner is (x, y) goes: on the corner, so it
    hides little of the block, but inside the page."""
    return max(x, 1.6 * u), max(y, 1.6 * u)


def _unit(page: Layout) -> float:
    """The overlay's unit of size (label height, line width) in page units."""
    return max(page.width, page.height) / 150


# --- HTML ----------------------------------------------------------------------------------


def write_view(doc: Document, images: Mapping[int, bytes] | None = None,
               truth: Sequence[PageTruth] = (), files: Path | None = None) -> str:
    """The overlay view of ``doc`` as one HTML5 string.

    ``images`` maps page numbers to page images (PNG), embedded as data URIs, or, with
    ``files``, written into that folder and linked relative to it (the HTML then belongs
    beside the folder). A page with no image is a blank canvas. ``truth`` (ground-truth pages)
    adds the scores and the red marks of :func:`differences`.
    """
    images = images or {}
    root, body = html_skeleton(doc, f"{doc.source} · newslayout view", _resource("view.css"))
    body.append(_bar(doc, bool(truth)))
    main = etree.SubElement(body, "div", id="main")
    pane = etree.SubElement(main, "div", id="pagepane")
    text = etree.SubElement(main, "div", id="text")
    for p in doc.pages:
        if isinstance(p, PageFailure):
            pane.append(_element("section", _element("p", p.error, {"class": "error"}),
                                 {"class": "view-page", "data-page": str(p.number)}))
            text.append(_page(p, doc.source))
            continue
        page_truth = truth_for(truth, p.number, len(doc.pages) == 1)
        diff = differences(p, page_truth) if page_truth else None
        groups = scene(p, diff)
        image = images.get(p.number)
        pane.append(_view_page(p, groups, _image_src(image, p.number, files) if image else None))
        text.append(_text_page(p, doc, groups, page_truth, diff))
    etree.SubElement(body, "script").text = _resource("view.js")
    return html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html") + "\n"


def truth_for(truth: Sequence[PageTruth], number: int, single: bool) -> PageTruth | None:
    """The ground truth of page ``number``: the truth page with that number, or the only one
    when both the truth and the ``single``-page document have one page."""
    if single and len(truth) == 1:
        return truth[0]
    return next((t for t in truth if t.number == number), None)


def _resource(name: str) -> str:
    return package_files(__package__).joinpath(name).read_text(encoding="utf-8")


def _element(tag: str, content: str | etree._Element = "", attrs: Mapping[str, str] | None = None,
             ) -> etree._Element:
    e = etree.Element(tag, attrs or {})
    if isinstance(content, str):
        e.text = content
    else:
        e.append(content)
    return e


def _bar(doc: Document, with_truth: bool) -> etree._Element:
    """The tool bar: file name, page buttons (for several pages), zoom buttons, the legend."""
    bar = _element("div", _element("b", doc.source), {"id": "bar"})
    nav = etree.SubElement(bar, "span", {"class": "nav"})
    if len(doc.pages) < 2:
        nav.set("hidden", "hidden")
    etree.SubElement(nav, "button", id="prev", title="previous page").text = "◀"
    etree.SubElement(nav, "span", id="pageno")
    etree.SubElement(nav, "button", id="next", title="next page").text = "▶"
    etree.SubElement(bar, "button", id="zoomout", title="zoom out").text = "−"
    etree.SubElement(bar, "span", id="zoom").text = "100%"
    etree.SubElement(bar, "button", id="zoomin", title="zoom in").text = "+"
    etree.SubElement(bar, "button", id="fit", title="the whole page").text = "fit"
    legend = etree.SubElement(bar, "span", {"class": "legend"})
    legend.text = LEGEND + (TRUTH_LEGEND if with_truth else "")
    return bar


def _image_src(image: bytes, number: int, files: Path | None) -> str:
    """The image as a data URI, or written into ``files`` and linked; JPEG when smaller."""
    pix = pymupdf.Pixmap(image)
    if pix.alpha:
        pix = pymupdf.Pixmap(pix, 0)
    ext, data = min((("png", image), ("jpeg", pix.tobytes("jpeg", jpg_quality=75))),
                    key=lambda e: len(e[1]))
    if files is None:
        return f"data:image/{ext};base64,{base64.b64encode(data).decode('ascii')}"
    path = files / f"p{number}.{ext}"
    try:
        files.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as e:
        raise InputError(f"{path}: cannot write: {e.strerror}") from e
    return f"{files.name}/p{number}.{ext}"


def _view_page(p: Layout, groups: list[Group], src: str | None) -> etree._Element:
    """One page of the left pane: the image (or a blank canvas) under the SVG overlay."""
    sec = etree.Element("section", {"class": "view-page", "id": f"v{p.number}",
                                    "data-page": str(p.number), "data-width": f"{p.width:g}",
                                    "data-height": f"{p.height:g}"})
    stage = etree.SubElement(sec, "div", {"class": "stage"})
    if src:
        etree.SubElement(stage, "img", src=src, alt=f"page {p.number}", draggable="false")
    stage.append(_svg(p, groups))
    return sec


def _svg(p: Layout, groups: list[Group]) -> etree._Element:
    """The overlay: one ``<g>`` per group, in page units; a story's carries ``data-story``."""
    u = _unit(p)
    svg = etree.Element("svg", viewBox=f"0 0 {p.width:g} {p.height:g}",
                        preserveAspectRatio="none", style=f"--u:{u:.3f}")
    for g in groups:
        e = etree.SubElement(svg, "g", {"class": g.kind})
        if g.story:
            e.set("data-story", g.story)
            e.set("style", f"--c:{g.colour}")
        etree.SubElement(e, "title").text = f"{g.label} {g.title}".strip()
        for shape in g.shapes:
            _svg_shape(e, shape, u)
    return svg


def _num(v: float) -> str:
    return f"{v:.1f}"


def _svg_shape(parent: etree._Element, shape: Shape, u: float) -> None:
    """One shape as SVG; ``view.css`` gives it its look."""
    x0, y0, x1, y1 = shape.at
    if shape.kind in RECTS:
        e = etree.SubElement(parent, "rect", {"class": shape.kind}, x=_num(x0), y=_num(y0),
                             width=_num(x1 - x0), height=_num(y1 - y0))
    elif shape.kind in LINES:
        e = etree.SubElement(parent, "line", {"class": shape.kind}, x1=_num(x0), y1=_num(y0),
                             x2=_num(x1), y2=_num(y1))
        if shape.kind in ARROWS:
            points = " ".join(f"{_num(x)},{_num(y)}" for x, y in _head(shape.at, 1.6 * u))
            etree.SubElement(parent, "polygon", {"class": shape.kind}, points=points)
    elif shape.kind == "badge":
        x, y = _badge_centre(x0, y0, u)
        etree.SubElement(parent, "circle", {"class": "badge"}, cx=_num(x), cy=_num(y),
                         r=_num(1.5 * u))
        e = etree.SubElement(parent, "text", {"class": "badge"}, x=_num(x), y=_num(y + 0.65 * u))
        e.text = shape.text
    else:
        e = etree.SubElement(parent, "text", {"class": "num"}, x=_num(x0 + 0.3 * u),
                             y=_num(y0 + 1.2 * u))
        e.text = shape.text
    if shape.kind in ("wrong", "break"):
        etree.SubElement(e, "title").text = shape.text


def _text_page(p: Layout, doc: Document, groups: list[Group], truth: PageTruth | None,
               d: Differences | None) -> etree._Element:
    """One page of the right pane: the HTML writer's section, its stories tied to the overlay
    (``data-story``, colour, label) and, with ground truth, its scores and red marks."""
    sec = _page(p, doc.source)
    by_id = {e.get("id"): e for e in sec.iter() if e.get("id")}
    for g in groups:
        if g.story in by_id:
            by_id[g.story].set("data-story", g.story)
            by_id[g.story].set("data-n", g.label)
            by_id[g.story].set("style", f"--c:{g.colour}")
    if truth is None or d is None:
        return sec
    scores = score_html(write_html(Document(doc.source, (p,), doc.lang)), truth)
    sec.insert(0, _element("p", format_scores(scores), {"class": "scores"}))
    marks: dict[str, tuple[str, str]] = {}
    for a, b in d.breaks:
        marks[_bbox(d.blocks[b][0].box)] = ("break", "order break: the ground truth goes on here")
    for k, note in d.wrong.items():
        marks[_bbox(d.blocks[k][0].box)] = ("wrong", note)
    for e in sec.iter("p", "h2", "h3", "h4", "h5", "h6"):
        if e.get("data-bbox") in marks:
            cls, note = marks[e.get("data-bbox")]
            e.set("class", f"{e.get('class', '')} {cls}".strip())
            e.set("title", note)
    return sec


# --- PNG -----------------------------------------------------------------------------------


def page_images(path: str | Path, doc: Document, engine: str = "pymupdf",
                width: int = IMAGE_WIDTH) -> dict[int, bytes]:
    """PNG images, about ``width`` pixels across, of the analysed pages of ``doc``, read from
    ``path``; empty when its source cannot render (:class:`layout.sources.Renders`)."""
    source = open_source(path, engine)
    try:
        if not isinstance(source, Renders):
            return {}
        images = {}
        for p in doc.pages:
            if isinstance(p, Layout) and (png := source.render(p.number, 72 * width / p.width)):
                images[p.number] = png
        return images
    finally:
        source.close()


def overlay_png(page: Layout, image: bytes | None = None, truth: PageTruth | None = None,
                width: int = PNG_WIDTH) -> bytes:
    """The overlay of ``page`` drawn over its ``image`` (PNG; blank without) as a PNG
    ``width`` pixels across: the picture of the HTML view's page pane."""
    u = _unit(page)
    pdf = pymupdf.open()
    try:
        canvas = pdf.new_page(width=page.width, height=page.height)
        if image:
            canvas.insert_image(canvas.rect, stream=image, keep_proportion=False)
        pen = canvas.new_shape()  # one for all: each commit rewrites the page's contents
        for g in scene(page, differences(page, truth) if truth else None):
            rgb = tuple(int(g.colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
            for shape in g.shapes:
                _draw(pen, shape, rgb, u)
        pen.commit()
        zoom = width / page.width
        return canvas.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom)).tobytes("png")
    finally:
        pdf.close()


def _draw(pen: pymupdf.Shape, shape: Shape, rgb: tuple[float, ...], u: float) -> None:
    """One shape with PyMuPDF, in the group's colour ``rgb``, styled as ``view.css`` does."""
    x0, y0, x1, y1 = shape.at
    if shape.kind in RECTS:
        opacity, width, dashes = _RECT_STYLE[shape.kind]
        pen.draw_rect(pymupdf.Rect(x0, y0, x1, y1))
        pen.finish(color=rgb, fill=rgb if opacity else None, fill_opacity=opacity,
                   width=width * u, dashes=_dashes(dashes, u))
    elif shape.kind in LINES:
        pen.draw_line((x0, y0), (x1, y1))
        pen.finish(color=rgb, width=0.3 * u, stroke_opacity=0.85,
                   dashes=_dashes(_LINE_DASHES[shape.kind], u))
        if shape.kind in ARROWS:
            pen.draw_polyline(_head(shape.at, 1.6 * u))
            pen.finish(color=rgb, fill=rgb, width=0, closePath=True)
    elif shape.kind == "badge":
        (x, y), size = _badge_centre(x0, y0, u), 1.8 * u
        pen.draw_circle((x, y), 1.5 * u)
        pen.finish(color=(1, 1, 1), fill=rgb, width=0.25 * u)
        length = pymupdf.get_text_length(shape.text, fontname="hebo", fontsize=size)
        pen.insert_text((x - length / 2, y + 0.65 * u), shape.text, fontname="hebo",
                        fontsize=size, color=(1, 1, 1))
    else:
        point, size = (x0 + 0.3 * u, y0 + 1.2 * u), 1.3 * u
        # a white halo under the number keeps it readable over text
        pen.insert_text(point, shape.text, fontname="hebo", fontsize=size, color=(1, 1, 1),
                        render_mode=1, border_width=0.25)
        pen.insert_text(point, shape.text, fontname="hebo", fontsize=size, color=rgb)


# The PNG look of each rectangle kind (fill opacity, 0 for none; line width and dash pattern
# in units of _unit) and the dash pattern of each line kind.
_RECT_STYLE = {
    "block": (0.13, 0.22, None), "caption": (0.06, 0.22, (1, 0.5)),
    "figure": (0, 0.35, (2, 1)), "frame": (0, 0.35, (2, 1)),
    "furniture": (0.25, 0.15, None), "wrong": (0.1, 0.5, (1.5, 1)),
}
_LINE_DASHES = {"path": None, "link": (0.4, 0.4), "break": (1.5, 1)}


def _dashes(pattern: tuple[float, float] | None, u: float) -> str | None:
    return pattern and f"[{pattern[0] * u:.2f} {pattern[1] * u:.2f}] 0"


def write_overlays(doc: Document, images: Mapping[int, bytes], target: Path,
                   truth: Sequence[PageTruth] = ()) -> list[Path]:
    """Write the overlay PNG of each analysed page of ``doc`` to ``target`` or, for a document
    of several pages, to ``STEM-pN.png`` beside it; returns the paths written."""
    single = len(doc.pages) == 1
    written = []
    for p in doc.pages:
        if isinstance(p, PageFailure):
            continue
        path = target if single else target.with_name(f"{target.stem}-p{p.number}.png")
        png = overlay_png(p, images.get(p.number), truth_for(truth, p.number, single))
        try:
            path.write_bytes(png)
        except OSError as e:
            raise InputError(f"{path}: cannot write: {e.strerror}") from e
        written.append(path)
    return written
