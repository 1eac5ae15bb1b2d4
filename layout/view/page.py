"""The overlay view as one self-contained HTML file: page panes with SVG overlays, and the
stories as the HTML writer writes them."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from importlib.resources import files as package_files
from pathlib import Path

from ..sources.mupdf import pymupdf
from lxml import etree, html

from ..batch.atomic import write_atomic
from ..differences import Differences, differences
from ..errors import InputError
from ..evaluate import PageTruth, format_scores, score_html
from ..model import Document, Layout, PageFailure
from ..writers.html import bbox_text, html_head, page_section, xml_text
from .scene import (ARROWS, LINES, RECTS, Group, Shape, badge_centre,
                    head, scene, truth_for, unit)

LEGEND = ("One colour per story; its badge is its place in reading order, arrows its reading "
          "path, small numbers its blocks. Dotted: caption to figure. Grey: page furniture. "
          "Wheel or +/− zooms, drag pans; click a story on either side.")
TRUTH_LEGEND = (" Red box: text of another ground-truth story; red dashed arrow: an order break "
                "(the truth's text goes on there).")


def write_view(doc: Document, images: Mapping[int, bytes] | None = None,
               truth: Sequence[PageTruth] = (), files: Path | None = None) -> str:
    """The overlay view of ``doc`` as one HTML5 string.

    ``images`` maps page numbers to page images (PNG), embedded as data URIs, or, with
    ``files``, written into that folder and linked relative to it (the HTML then belongs
    beside the folder). A page with no image is a blank canvas. ``truth`` (ground-truth pages)
    adds the scores and the red marks of :func:`differences`.
    """
    images = images or {}
    root = etree.Element("html", {"lang": doc.lang} if doc.lang else {})
    root.append(html_head(f"{doc.source} · newslayout view", _resource("view.css")))
    body = etree.SubElement(root, "body")
    body.append(_bar(doc, bool(truth)))
    main = etree.SubElement(body, "div", id="main")
    pane = etree.SubElement(main, "div", id="pagepane")
    text = etree.SubElement(main, "div", id="text")
    for p in doc.pages:
        if isinstance(p, PageFailure):
            pane.append(_element("section", _element("p", p.error, {"class": "error"}),
                                 {"class": "view-page", "data-page": str(p.number)}))
            text.append(page_section(p, doc.source))
            continue
        page_truth = truth_for(truth, p.number, len(doc.pages) == 1)
        diff = differences(p, page_truth) if page_truth else None
        groups = scene(p, diff)
        image = images.get(p.number)
        pane.append(_view_page(p, groups, _image_src(image, p.number, files) if image else None))
        text.append(_text_page(p, doc, groups, page_truth, diff))
    etree.SubElement(body, "script").text = _resource("view.js")
    return html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html") + "\n"


def _resource(name: str) -> str:
    return package_files(__package__).joinpath(name).read_text(encoding="utf-8")


def _element(tag: str, content: str | etree._Element = "", attrs: Mapping[str, str] | None = None,
             ) -> etree._Element:
    e = etree.Element(tag, {k: xml_text(v) for k, v in (attrs or {}).items()})
    if isinstance(content, str):
        e.text = xml_text(content)
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
        write_atomic(path, data)
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
    u = unit(p)
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
            points = " ".join(f"{_num(x)},{_num(y)}" for x, y in head(shape.at, 1.6 * u))
            etree.SubElement(parent, "polygon", {"class": shape.kind}, points=points)
    elif shape.kind == "badge":
        x, y = badge_centre(x0, y0, u)
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
    sec = page_section(p, doc.source)
    by_id = {e.get("id"): e for e in sec.iter() if e.get("id")}
    for g in groups:
        if g.story in by_id:
            by_id[g.story].set("data-story", g.story)
            by_id[g.story].set("data-n", g.label)
            by_id[g.story].set("style", f"--c:{g.colour}")
    if truth is None or d is None:
        return sec
    scores = score_html(Document(doc.source, (p,), doc.lang).to_html(), truth)
    sec.insert(0, _element("p", format_scores(scores), {"class": "scores"}))
    marks: dict[str, tuple[str, str]] = {}
    for a, b in d.breaks:
        marks[bbox_text(d.blocks[b][0].box)] = ("break", "order break: the ground truth goes on here")
    for k, note in d.wrong.items():
        marks[bbox_text(d.blocks[k][0].box)] = ("wrong", note)
    for e in sec.iter("p", "h2", "h3", "h4", "h5", "h6"):
        if e.get("data-bbox") in marks:
            cls, note = marks[e.get("data-bbox")]
            e.set("class", f"{e.get('class', '')} {cls}".strip())
            e.set("title", note)
    return sec
