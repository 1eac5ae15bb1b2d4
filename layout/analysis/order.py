"""Stage 6: reading order, by recursive XY-cut that prefers columns.

Items are split at the widest run of whitespace that no item crosses, trying vertical cuts
(columns, read left to right, or right to left for vertical CJK) before horizontal ones (read
top to bottom), then each part is ordered the same way. Preferring vertical cuts is column
flow: a newspaper story is read down its first column, then the next. Anything spanning the
whole width (a picture across the columns, a deck) prevents a vertical cut and so splits the
story into bands read one after the other; only the top band is cut off at a time, so gaps
that happen to line up across columns lower down do not slice them. Items that no cut
separates (overlapping or L-shaped) fall back to top-to-bottom, left-to-right.

Only geometry decides: the PDF's drawing order is never consulted.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Box

# Boxes are shrunk by this much [unit] before projection, so touching neighbours still cut.
_SHRINK = 0.5


def reading_order(boxes: Sequence[Box], right_to_left: bool = False) -> list[int]:
    """Indices of ``boxes`` in reading order."""
    order: list[int] = []
    _cut(list(range(len(boxes))), boxes, right_to_left, order)
    return order


def _cut(items: list[int], boxes: Sequence[Box], rtl: bool, out: list[int]) -> None:
    # A loop over the bands, not a recursion: a page of a thousand stacked blocks stays flat.
    while len(items) > 1:
        groups = _split(items, boxes, "x")
        if len(groups) > 1:
            for g in reversed(groups) if rtl else groups:
                _cut(g, boxes, rtl, out)
            return
        groups = _split(items, boxes, "y")
        if len(groups) == 1:
            out.extend(sorted(items, key=lambda i: (boxes[i].y0, -boxes[i].x1 if rtl else boxes[i].x0)))
            return
        # Only the top band is cut off; the rest is cut again, columns first, so that a gap
        # level across two columns by chance does not slice them into bands.
        _cut(groups[0], boxes, rtl, out)
        items = [i for g in groups[1:] for i in g]
    out.extend(items)


def _split(items: list[int], boxes: Sequence[Box], axis: str) -> list[list[int]]:
    """Items grouped by the gaps of their projection on one axis, in increasing coordinate."""
    def span(i: int) -> tuple[float, float]:
        b = boxes[i]
        lo, hi = (b.x0, b.x1) if axis == "x" else (b.y0, b.y1)
        shrink = min(_SHRINK, (hi - lo) / 4)
        return lo + shrink, hi - shrink

    ordered = sorted(items, key=lambda i: span(i)[0])
    groups = [[ordered[0]]]
    reach = span(ordered[0])[1]
    for i in ordered[1:]:
        lo, hi = span(i)
        if lo >= reach:
            groups.append([])
        groups[-1].append(i)
        reach = max(reach, hi)
    return groups
