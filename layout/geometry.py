"""Small pure predicates and helpers on boxes.

Sketch of the vocabulary (top-left origin, y grows downwards)::

    a ┌──┐            a is above b: a.y1 <= b.y0 (with a tolerance)
      └──┘            x_overlap(a, b) > 0: their x ranges share some width
    b ┌──────┐
      └──────┘
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Box


def union_all(boxes: Iterable[Box]) -> Box:
    """The smallest box holding every box given (at least one)."""
    it = iter(boxes)
    first = next(it)
    x0, y0, x1, y1 = first.x0, first.y0, first.x1, first.y1
    for b in it:
        x0, y0 = min(x0, b.x0), min(y0, b.y0)
        x1, y1 = max(x1, b.x1), max(y1, b.y1)
    return Box(x0, y0, x1, y1)


def x_overlap(a: Box, b: Box) -> float:
    """Width shared by the x ranges of a and b (negative: the gap between them)."""
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def y_overlap(a: Box, b: Box) -> float:
    """Height shared by the y ranges of a and b (negative: the gap between them)."""
    return min(a.y1, b.y1) - max(a.y0, b.y0)


def x_overlap_ratio(a: Box, b: Box) -> float:
    """Shared width as a share of the narrower box's width, in [0, 1]."""
    narrower = min(a.width, b.width)
    return max(0.0, x_overlap(a, b)) / narrower if narrower > 0 else 0.0


def shared_area(a: Box, b: Box) -> float:
    """The area a and b have in common."""
    return max(0.0, x_overlap(a, b)) * max(0.0, y_overlap(a, b))


def mostly_inside(inner: Box, outer: Box, share: float = 0.8) -> bool:
    """True when at least ``share`` of inner's area lies in outer (for a box with no area, a
    rule: its centre)."""
    if inner.area <= 0:
        return center_inside(outer, inner)
    return shared_area(inner, outer) >= share * inner.area


def center_inside(outer: Box, inner: Box) -> bool:
    """True when the centre of inner lies inside outer."""
    return outer.x0 <= inner.cx <= outer.x1 and outer.y0 <= inner.cy <= outer.y1


def crosses_between_vertically(rule: Box, upper: Box, lower: Box, min_share: float = 0.5) -> bool:
    """True when a horizontal rule lies between upper and lower and spans much of their overlap.

    ::

        upper ───────
        ═══════════════   rule
        lower ───────
    """
    if not (upper.y1 - 1 <= rule.cy <= lower.y0 + 1):
        return False
    left, right = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
    if right <= left:
        left, right = min(upper.x0, lower.x0), max(upper.x1, lower.x1)
    shared = min(rule.x1, right) - max(rule.x0, left)
    return shared >= min_share * (right - left)
