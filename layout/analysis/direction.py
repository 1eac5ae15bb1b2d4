"""The page's writing direction, and turning a vertical page into a horizontal one and back.

Vertical CJK pages (Japanese, traditional Chinese) are read top to bottom in columns taken
right to left, in tiers read top to bottom. Rather than teach every stage a second geometry,
such a page is turned a quarter: ``(x, y) → (y, W - x)``. A vertical column at the right
becomes a line at the top, read left to right; a tier becomes a column, read left to right.
The stages run unchanged on the turned page, and every box of the result is turned back.

PDFs often set vertical text one glyph per span with a horizontal direction, so the direction
is read from the geometry: single CJK glyphs stacked under one another rather than side by
side make a vertical page.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from functools import lru_cache
from typing import TypeVar

from ..model import Box, PageContent, Rule
from .script import is_cjk

T = TypeVar("T")

# A page needs this many single CJK glyphs before their stacking decides its direction.
_MIN_GLYPHS = 20


def is_vertical(content: PageContent) -> bool:
    """True when most of the page's text runs in vertical lines."""
    flagged = sum(1 for w in content.words if w.vertical)
    if flagged > len(content.words) / 2:
        return True
    glyphs = [w for w in content.words if len(w.text) == 1 and is_cjk(w.text)]
    if len(glyphs) < _MIN_GLYPHS or len(glyphs) < len(content.words) / 2:
        return False
    cells = {(round(w.box.x0), round(w.box.y0)) for w in glyphs}
    below = right = 0
    for w in glyphs:
        step = round(w.box.height)
        x, y = round(w.box.x0), round(w.box.y0)
        below += any((x, y + step + d) in cells for d in (-1, 0, 1))
        right += any((x + step + d, y) in cells for d in (-1, 0, 1))
    return below > 2 * right


def _turn(box: Box, width: float) -> Box:
    return Box(box.y0, width - box.x1, box.y1, width - box.x0)


def _turn_back(box: Box, width: float) -> Box:
    return Box(width - box.y1, box.x0, width - box.y0, box.x1)


def turned(content: PageContent) -> PageContent:
    """The page turned a quarter so that its vertical lines run left to right."""
    w = content.width
    return replace(
        content, width=content.height, height=w,
        words=tuple(replace(x, box=_turn(x.box, w), vertical=False) for x in content.words),
        figures=tuple(replace(f, box=_turn(f.box, w)) for f in content.figures),
        rules=tuple(Rule(_turn(r.box, w), "v" if r.orientation == "h" else "h") for r in content.rules),
        frames=tuple(_turn(f, w) for f in content.frames))


def turned_back(value: T, width: float) -> T:
    """Any result value with every box in it turned back onto the original page.

    ``width`` is the original page's width; lines and words are marked vertical again.
    """
    if isinstance(value, Box):
        return _turn_back(value, width)
    if isinstance(value, Rule):
        return Rule(_turn_back(value.box, width), "v" if value.orientation == "h" else "h")
    if isinstance(value, tuple):
        return tuple(turned_back(v, width) for v in value)
    plan = _plan(type(value))
    if plan is None:
        return value
    names, vertical = plan
    values = {n: getattr(value, n) for n in names}
    for n, v in values.items():
        if _holds_boxes(type(v)):
            values[n] = turned_back(v, width)
    if vertical:
        values["vertical"] = True
    return type(value)(**values)


@lru_cache(maxsize=None)
def _plan(cls: type) -> tuple[tuple[str, ...], bool] | None:
    """For a dataclass, the names of its fields set at construction and whether it has a
    ``vertical`` one (None for any other class): worked out once per class, for a page
    turns back every word of it."""
    if not is_dataclass(cls):
        return None
    names = tuple(f.name for f in fields(cls) if f.init)
    return names, "vertical" in names


@lru_cache(maxsize=None)
def _holds_boxes(cls: type) -> bool:
    """Whether a field's value of this class may hold boxes: a box, a tuple, a dataclass."""
    return issubclass(cls, (Box, tuple)) or (is_dataclass(cls) and isinstance(cls, type))
