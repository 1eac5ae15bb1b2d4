"""The page's writing direction, and turning a vertical page into a horizontal one and back.

Vertical CJK pages (Japanese, traditional Chinese) are read top to bottom in columns taken
right to left, in tiers read top to bottom. Rather than teach every stage a second geometry,
such a page is turned a quarter: ``(x, y) → (y, W - x)``. A vertical column at the right
becomes a line at the top, read left to right; a tier becomes a column, read left to right.
The stages run unchanged on the turned page, and every box of the result is turned back.

Latin text set sideways (``rotation``) is turned so too when it reads down the page (turned
a quarter clockwise); when it reads up it (turned anticlockwise: its first line at the left,
each read bottom to top) the page is turned the other way, ``upward``: ``(x, y) → (H - y, x)``.

PDFs often set vertical text one glyph per span with a horizontal direction, so the direction
is read from the geometry: single CJK glyphs stacked under one another rather than side by
side make a vertical page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from functools import lru_cache
from operator import attrgetter
from types import UnionType
from typing import TypeVar, Union, get_args, get_origin, get_type_hints

from ..model import Box, PageContent, Rule, Word
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
    # per glyph, its corner and height rounded (once a glyph); one a step under it, or beside
    # it, within a unit either way
    corners = [(round(w.box.x0), round(w.box.y0), round(w.box.height)) for w in glyphs]
    cells = {(x, y) for x, y, _ in corners}
    below = right = 0
    for x, y, step in corners:
        below += (x, y + step - 1) in cells or (x, y + step) in cells or (x, y + step + 1) in cells
        right += (x + step - 1, y) in cells or (x + step, y) in cells or (x + step + 1, y) in cells
    return below > 2 * right


def _turn(box: Box, extent: float, upward: bool) -> Box:
    """``box`` turned a quarter; ``extent``: the page's width (its height ``upward``)."""
    if upward:
        return Box(extent - box.y1, box.x0, extent - box.y0, box.x1)
    return Box(box.y0, extent - box.x1, box.y1, extent - box.x0)


def _turn_back(box: Box, extent: float, upward: bool) -> Box:
    """``_turn`` undone; ``extent`` as there, of the original page."""
    if upward:
        return Box(box.y0, extent - box.x1, box.y1, extent - box.x0)
    return Box(extent - box.y1, box.x0, extent - box.y0, box.x1)


def turned(content: PageContent, upward: bool = False) -> PageContent:
    """The page turned a quarter so that its vertical lines run left to right: lines that
    read down the page (vertical CJK, text turned clockwise), or ``upward`` those that read up
    it (text turned anticlockwise)."""
    extent = content.height if upward else content.width
    return replace(
        content, width=content.height, height=content.width,
        words=tuple([_turned_word(x, extent, upward) for x in content.words]),
        figures=tuple(replace(f, box=_turn(f.box, extent, upward)) for f in content.figures),
        rules=tuple(Rule(_turn(r.box, extent, upward), "v" if r.orientation == "h" else "h")
                    for r in content.rules),
        frames=tuple(_turn(f, extent, upward) for f in content.frames))


def _turned_word(word: Word, extent: float, upward: bool) -> Word:
    """``replace(word, box=_turn(word.box, ...), vertical=False)``, made as ``turned_back``
    makes a word (``_plan``): ``replace`` cost twice as much, every word of the page."""
    read, _, at = _plan(type(word))
    values = list(read(word))
    values[at["box"]] = _turn(word.box, extent, upward)
    values[at["vertical"]] = False
    return type(word)(*values)


def turned_back(value: T, extent: float, upward: bool = False) -> T:
    """Any result value with every box in it turned back onto the original page.

    ``extent`` is the original page's width (its height when it was turned ``upward``);
    lines and words are marked vertical again.
    """
    if isinstance(value, Box):
        return _turn_back(value, extent, upward)
    if isinstance(value, Rule):
        return Rule(_turn_back(value.box, extent, upward), "v" if value.orientation == "h" else "h")
    if isinstance(value, tuple):
        return tuple([turned_back(v, extent, upward) for v in value])
    plan = _plan(type(value))
    if plan is None:
        return value
    read, looked, at = plan
    values = list(read(value))
    for k in looked:
        v = values[k]
        if isinstance(v, Box):  # (a word's box: turned here, not through another call)
            values[k] = _turn_back(v, extent, upward)
        elif _holds_boxes(type(v)):
            values[k] = turned_back(v, extent, upward)
    if "vertical" in at:
        values[at["vertical"]] = True
    return type(value)(*values)


# The types of a field's value that hold no box: such a field is never looked into.
_PLAIN = frozenset({str, int, float, bool, type(None)})


@lru_cache(maxsize=None)
def _plan(cls: type) -> tuple[Callable[[object], tuple], tuple[int, ...], dict[str, int]] | None:
    """For a dataclass, a getter of the values of its fields set at construction (a tuple,
    in the order its constructor takes them), the positions of those whose type does not
    say they hold no box (``_plain``: a word's text, size or style do), and the position of
    each by its name (None for any other class): worked out once per class, for a page
    turns back every word of it, and asking each of a word's ten values whether it held
    boxes was most of the time."""
    if not is_dataclass(cls):
        return None
    init = [f for f in fields(cls) if f.init]
    hints = get_type_hints(cls)
    looked = tuple(k for k, f in enumerate(init) if not _plain(hints[f.name]))
    names = [f.name for f in init]
    return _reader(names), looked, {name: k for k, name in enumerate(names)}


def _reader(names: list[str]) -> Callable[[object], tuple]:
    """A getter of the named attributes' values, as a tuple (``attrgetter`` gives a lone
    name's value alone)."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda value: tuple(getattr(value, n) for n in names)


def _plain(hint: object) -> bool:
    """Whether a field's type says its value holds no box: one of ``_PLAIN``, or a union of them."""
    kinds = get_args(hint) if get_origin(hint) in (Union, UnionType) else (hint,)
    return set(kinds) <= _PLAIN


@lru_cache(maxsize=None)
def _holds_boxes(cls: type) -> bool:
    """Whether a field's value of this class may hold boxes: a box, a tuple, a dataclass."""
    return issubclass(cls, (Box, tuple)) or (is_dataclass(cls) and isinstance(cls, type))
