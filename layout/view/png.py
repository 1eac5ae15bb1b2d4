"""The overlay as a PNG, drawn with PyMuPDF over the rendered page, for reports and trackers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ..sources.mupdf import pymupdf

from ..batch.atomic import write_atomic
from ..differences import differences
from ..errors import InputError
from ..evaluate import PageTruth
from ..model import Document, Layout, PageFailure
from ..options import ReadOptions
from ..sources import Renders, open_source
from .scene import (ARROWS, LINES, RECTS, Shape, badge_centre, head, scene,
                    truth_for, unit)

IMAGE_WIDTH = 1600  # pixels across a page image in the view: room to zoom in about twice
PNG_WIDTH = 1400    # pixels across an overlay PNG


def page_images(path: str | Path, doc: Document, options: ReadOptions | None = None,
                width: int = IMAGE_WIDTH) -> dict[int, bytes]:
    """PNG images, about ``width`` pixels across, of the analysed pages of ``doc``, read from
    ``path``; empty when its source cannot render (:class:`layout.sources.Renders`)."""
    source = open_source(path, options)
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
    u = unit(page)
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
            pen.draw_polyline(head(shape.at, 1.6 * u))
            pen.finish(color=rgb, fill=rgb, width=0, closePath=True)
    elif shape.kind == "badge":
        (x, y), size = badge_centre(x0, y0, u), 1.8 * u
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
            write_atomic(path, png)
        except OSError as e:
            raise InputError(f"{path}: cannot write: {e.strerror}") from e
        written.append(path)
    return written
