"""The scene of a page: the shapes both views draw (the HTML view's SVG and the PNG), so the
two cannot drift apart: blocks outlined per story, badges, reading arrows, caption links,
furniture, and the marks of where we differ from the ground truth."""

from __future__ import annotations

import colorsys
import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..differences import Differences
from ..evaluate import PageTruth
from ..model import Box, Figure, Layout, Story

GREY, RED = "#8a8a8a", "#e00000"
RECTS = frozenset({"block", "caption", "figure", "frame", "furniture", "wrong"})
LINES = frozenset({"path", "link", "break"})
ARROWS = frozenset({"path", "break"})


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


def head(at: tuple[float, float, float, float], size: float) -> list[tuple[float, float]]:
    """The triangle of an arrowhead of ``size`` at the end of the line ``at``."""
    x0, y0, x1, y1 = at
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * size, y1 - uy * size
    w = size * 0.45
    return [(x1, y1), (bx - uy * w, by + ux * w), (bx + uy * w, by - ux * w)]


def badge_centre(x: float, y: float, u: float) -> tuple[float, float]:
    """Where a badge for a block whose top-left corner is (x, y) goes: on the corner, so it
    hides little of the block, but inside the page."""
    return max(x, 1.6 * u), max(y, 1.6 * u)


def unit(page: Layout) -> float:
    """The overlay's unit of size (label height, line width) in page units."""
    return max(page.width, page.height) / 150


# --- HTML ----------------------------------------------------------------------------------


def truth_for(truth: Sequence[PageTruth], number: int, single: bool) -> PageTruth | None:
    """The ground truth of page ``number``: the truth page with that number, or the only one
    when both the truth and the ``single``-page document have one page."""
    if single and len(truth) == 1:
        return truth[0]
    return next((t for t in truth if t.number == number), None)
