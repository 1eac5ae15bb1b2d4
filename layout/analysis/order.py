"""Stage 6: reading order, by recursive XY-cut that prefers columns.

Items are split at the widest run of whitespace that no item crosses, trying vertical cuts
(columns, read left to right, or right to left for vertical CJK) before horizontal ones (read
top to bottom), then each part is ordered the same way. Preferring vertical cuts is column
flow: a newspaper story is read down its first column, then the next. Anything spanning the
whole width (a picture across the columns, a deck) prevents a vertical cut and so splits the
story into bands read one after the other; only the top band is cut off at a time, so gaps
that happen to line up across columns lower down do not slice them. Items that no cut
separates (overlapping or L-shaped) fall back to top-to-bottom, left-to-right.

Only geometry decides: the PDF's drawing order is never consulted. On a slanted scan, the
blocks and stories are ordered by their lines moved straight (``set_box``, ``place_box``,
``skew``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..geometry import SAME_COLUMN, union_all, x_overlap_ratio, y_overlap
from ..model import Block, Box, Story
from .script import CLOSING, OPENING, unhung_box
from .skew import Straight

# Boxes are shrunk by this much [unit] before projection, so touching neighbours still cut;
# across, by this share of their width if more: the boxes OCR draws round two columns of a
# scan a little aslant overlap by a few pixels.
_SHRINK = 0.5
_SHRINK_ACROSS = 0.01
# [share of a block's height] how much of it stands level with its story's first run for the
# story's place to reach over it (``place_box``)
_LEVEL = 0.5


def rows_in_order(boxes: Sequence[Box], level: float, rows: Sequence[float] = ()) -> list[int]:
    """Indices of ``boxes`` top to bottom, and left to right among boxes whose tops are level
    (rounded to ``level``). A box whose top lies within ``level`` of one of ``rows`` (the tops
    of side headlines) stands in that row: the row beside a side headline is read from its left
    end, whatever a point up or down (holdout_53_01_zh: the box of a sidebar beside the head,
    its outline 1.3 pt under the next column's first line, rounded to the next half line, was
    read after it, and the row led by the headline found no start beside it)."""
    tops = sorted(rows)

    def key(k: int) -> tuple[int, float]:
        y = boxes[k].y0
        i = bisect_left(tops, y - level)  # the highest row top within level of y, if any
        return round((tops[i] if i < len(tops) and tops[i] <= y + level else y) / level), boxes[k].x0
    return sorted(range(len(boxes)), key=key)


def reading_order(boxes: Sequence[Box], right_to_left: bool = False) -> list[int]:
    """Indices of ``boxes`` in reading order."""
    order: list[int] = []
    # each box's shrunk extent on both axes (``_span``), measured once for every cut
    xs, ys = [_span(b, "x") for b in boxes], [_span(b, "y") for b in boxes]
    _cut(list(range(len(boxes))), boxes, (xs, ys), right_to_left, order)
    return order


def _cut(items: list[int], boxes: Sequence[Box], spans: tuple[list[tuple[float, float]], list[tuple[float, float]]],
         rtl: bool, out: list[int]) -> None:
    """Append items to out in reading order: XY cuts, columns first (``spans``: per box, its x
    and its y extent, as ``_span`` shrinks them)."""
    xs, ys = spans
    if len(items) <= 1:
        out.extend(items)
        return
    groups = _split(items, xs)
    if len(groups) > 1:
        for g in reversed(groups) if rtl else groups:
            _cut(g, boxes, spans, rtl, out)
        return
    bands = _split(items, ys)
    if len(bands) == 1:
        out.extend(sorted(items, key=lambda i: (boxes[i].y0, -boxes[i].x1 if rtl else boxes[i].x0)))
        return
    # Only the top band is cut off; the rest is cut again, columns first, so that a gap level
    # across two columns by chance does not slice them into bands. Whether the rest (bands
    # k and below) has a column gap is known for every k from one pass up the bands, so the
    # rest is not sorted again after each band (a page of a thousand stacked lines).
    splits = _rest_splits(bands, xs)
    for k, band in enumerate(bands):
        if k and splits[k]:
            _cut([i for b in bands[k:] for i in b], boxes, spans, rtl, out)
            return
        _cut(band, boxes, spans, rtl, out)


def _rest_splits(bands: list[list[int]], xs: Sequence[tuple[float, float]]) -> list[bool]:
    """For each k, whether bands[k:] together fall apart on the x axis (as ``_split`` says;
    ``xs``: per item, its x extent).

    The bands are added bottom up to the union of their items' x spans, kept as sorted
    disjoint open intervals (spans that only touch stay apart, as in ``_split``). A span of
    no width, which ``_split`` may or may not join to one starting where it stands, makes
    every answer come from ``_split`` itself.
    """
    spans = [[xs[i] for i in band] for band in bands]
    if any(lo >= hi for band in spans for lo, hi in band):
        return [len(_split([i for b in bands[k:] for i in b], xs)) > 1
                for k in range(len(bands))]
    starts: list[float] = []
    ends: list[float] = []
    splits = [False] * len(bands)
    for k in range(len(bands) - 1, -1, -1):
        for lo, hi in spans[k]:
            first, last = bisect_right(ends, lo), bisect_left(starts, hi)
            if first < last:
                lo, hi = min(lo, starts[first]), max(hi, ends[last - 1])
            starts[first:last], ends[first:last] = [lo], [hi]
        splits[k] = len(starts) > 1
    return splits


def _span(b: Box, axis: str) -> tuple[float, float]:
    """The box's extent on one axis, shrunk by ``_SHRINK`` (``_SHRINK_ACROSS`` of its width,
    if more, on the x axis), at most a quarter of it."""
    lo, hi = (b.x0, b.x1) if axis == "x" else (b.y0, b.y1)
    shrink = min(max(_SHRINK, _SHRINK_ACROSS * (hi - lo)) if axis == "x" else _SHRINK, (hi - lo) / 4)
    return lo + shrink, hi - shrink


def _split(items: list[int], spans: Sequence[tuple[float, float]]) -> list[list[int]]:
    """Items grouped by the gaps of their projection on one axis (``spans``: per item, its
    extent on it), in increasing coordinate."""
    ordered = sorted(items, key=lambda i: spans[i][0])
    groups = [[ordered[0]]]
    reach = spans[ordered[0]][1]
    for i in ordered[1:]:
        lo, hi = spans[i]
        if lo >= reach:
            groups.append([])
        groups[-1].append(i)
        reach = max(reach, hi)
    return groups


def set_box(b: Block, straight: Straight) -> Box:
    """The block's box without the CJK punctuation hanging out of its column: a mark hanging
    into a tight gutter would join two columns that the reading order must read apart. On a
    slanted scan, the union of its lines each moved straight."""
    lines = [ln for ln in b.lines if ln.words]
    if not lines:
        return b.box
    # (a word's start moves only past an opening mark, its end only before a closing one:
    # ``unhung_box`` is asked of those words alone)
    x0s = [w.box.x0 if w.text[:1] not in OPENING else unhung_box(w, w.box).x0
           for w in [ln.words[0] for ln in lines]]
    x1s = [w.box.x1 if w.text[-1:] not in CLOSING else unhung_box(w, w.box).x1
           for w in [ln.words[-1] for ln in lines]]
    if straight is not None:
        return union_all([straight(Box(x0, ln.box.y0, x1, ln.box.y1)) for x0, x1, ln in zip(x0s, x1s, lines)])
    # (union_all of the lines' boxes, without making each: every story's blocks are asked)
    return Box(min(x0s), min([ln.box.y0 for ln in lines]), max(x1s), max([ln.box.y1 for ln in lines]))


# --- where a story stands: its head and first column, not its box --------------------------

def place_box(story: Story, straight: Straight = None) -> Box:
    """Where a story stands in the reading order of the page's stories.

    An old paper's story runs down one column into the next: from the foot of column one to the
    top of column two, say. Its bounding box then covers both columns from top to bottom and
    overlaps every story beside it, so no cut of the XY order above separates them and
    they fall back to top-to-bottom: the story ending at the top of column two was read before
    the one opening column one. A reader finds a story where it starts: its header and the run of
    text under it in its first column. That box is what the stories are ordered by; a modern
    story set as a rectangle starts at its top and keeps its place.

    A story set in columns side by side in one band of the page (a feuilleton across the foot
    of the page, its title over the first column) stands across all of them: the box reaches
    sideways over its blocks standing level with that run, most of their height beside it
    (``_LEVEL``), and no higher nor lower. So the columns beside its first one are no gutter
    to read the page down before its band (Ouest-Eclair Caen 1924 p8: the columns of the
    top band were read after the first column of the feuilleton under them), while a story
    running on at the top of the next column, above its first run, is still placed by that run.

    The box of the story's first blocks down one column (the whole box if it has none), as wide
    as its blocks level with them; ``straight``: on a slanted scan, their lines each moved
    straight (``set_box``, ``skew``)."""
    blocks = story.blocks
    if not blocks:
        return story.box
    run: list[Block] = [blocks[0]]
    for b in blocks[1:]:
        last = run[-1].box
        if b.box.y0 < last.y0 or x_overlap_ratio(b.box, last) < SAME_COLUMN:
            break
        run.append(b)
    boxes = [b.box if straight is None else set_box(b, straight) for b in blocks]
    head = union_all(boxes[:len(run)])
    level = [head] + [b for b in boxes[len(run):] if y_overlap(b, head) >= _LEVEL * b.height]
    return Box(min(b.x0 for b in level), head.y0, max(b.x1 for b in level), head.y1)
