"""A PDF page's drawn paths and images as the page model's rules, frames, drawings and figures.

Shared by both PDF engines (``pdf`` reads the paths and images with PyMuPDF, ``plumber`` with
pdfplumber): thin shapes are rules, outlined or tinted rectangles frames (an outline drawn as
a filled ring too, or as four rules meeting at its corners), every other visible shape part
of a drawing; images large enough are figures.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..geometry import root_of, union_all
from ..model import Box, Drawing, Figure, Rule

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
# [pt] how far inside its bounding box a frame's outline may run (its rounded corners); a
# point nearer its box's edge than _ON_EDGE is on it
_CORNER = 6.0
_ON_EDGE = 0.05
# [pt] tinted rectangles whose sides line up this closely, one's top this close to the bottom
# of the other, are one box (``_stacked_tints``)
_STACKED = 0.5
# [pt] two rules whose ends lie this close meet at a corner (``_ruled_boxes``)
_MEET = 1.0


def shapes(drawings: list[dict], page_box: Box) -> tuple[list[Rule], list[Box], list[Drawing]]:
    """Separators (thin lines or bars), frames (outlined or tinted rectangles) and drawings
    (clusters of every other visible shape: a chart's bars and curves, a map, a filled
    placeholder) among the page's drawn paths.

    A shape covering most of the page is a page border or background, and is dropped; so is
    one painted white, or one outside the page (drawn for the facing page of a spread).
    """
    rules, frames, parts = [], [], []
    bands = _stacked_tints(drawings)
    for i, path in enumerate(drawings):
        x0, y0, x1, y1 = path["rect"]
        if i in bands:  # a tint standing flush on another: one box with it, met at its first piece
            if bands[i] is None:
                continue
            x0, y0, x1, y1 = bands[i]
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
                path.get("color") is not None or _is_tint(path.get("fill")) or _ring(path)):
            frames.append(box)
        else:
            parts.append(box)
    rules, ruled = _ruled_boxes(rules)
    return rules, frames + ruled, _clusters(parts)


def _ruled_boxes(rules: list[Rule]) -> tuple[list[Rule], list[Box]]:
    """A box drawn as four separate strokes (groff's ``.B1``/``.B2``, a box of rules in a
    layout program) is read as the one rectangle it draws: two horizontal and two vertical
    rules each ending within ``_MEET`` of a corner they share, the box as large as a frame
    (``_MIN_FRAME``). A rule that runs on past another (a column rule under a rule across the
    page: a T, not a corner) closes no box. Returns the rules left over and the boxes found
    (their four rules taken out)."""
    def key(x: float, y: float) -> tuple[int, int]:
        return round(x / _MEET), round(y / _MEET)

    def near(x: float, y: float) -> Iterator[tuple[int, int]]:
        kx, ky = key(x, y)
        return ((kx + dx, ky + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))

    tops: dict[tuple[int, int], list[int]] = {}     # vertical rules by their upper end
    for i, r in enumerate(rules):
        if r.orientation == "v":
            tops.setdefault(key(r.box.cx, r.box.y0), []).append(i)
    if not tops:
        return rules, []
    across = {i: r for i, r in enumerate(rules) if r.orientation == "h"}
    by_left: dict[tuple[int, int], list[int]] = {}  # horizontal rules by their left end
    for i, r in across.items():
        by_left.setdefault(key(r.box.x0, r.box.cy), []).append(i)

    def meets(x0: float, y0: float, x1: float, y1: float) -> bool:
        return abs(x0 - x1) <= _MEET and abs(y0 - y1) <= _MEET

    def ends_at(table: dict, x: float, y: float) -> list[int]:
        return [j for k in near(x, y) for j in table.get(k, ())]

    used: set[int] = set()
    boxes: list[Box] = []
    for i, top in across.items():
        t = top.box
        for a in ends_at(tops, t.x0, t.cy):
            left = rules[a].box
            if not meets(left.cx, left.y0, t.x0, t.cy):
                continue
            for b in ends_at(tops, t.x1, t.cy):
                right = rules[b].box
                if b == a or not meets(right.cx, right.y0, t.x1, t.cy) or abs(right.y1 - left.y1) > _MEET:
                    continue
                for c in ends_at(by_left, left.cx, left.y1):
                    foot = rules[c].box
                    box = Box(t.x0, t.cy, t.x1, foot.cy)
                    if c != i and meets(foot.x0, foot.cy, left.cx, left.y1) \
                            and meets(foot.x1, foot.cy, right.cx, right.y1) and not used & {i, a, b, c} \
                            and box.width >= _MIN_FRAME and box.height >= _MIN_FRAME:
                        used |= {i, a, b, c}
                        boxes.append(box)
    return [r for i, r in enumerate(rules) if i not in used], boxes


def _stacked_tints(drawings: list[dict]) -> dict[int, tuple[float, float, float, float] | None]:
    """Tinted rectangles (no outline) of one colour standing one on another, their left and
    right edges within ``_STACKED`` and each one's top within ``_STACKED`` of the bottom of
    the one above: LibreOffice paints the background of a bordered box of paragraphs (a
    sidebar) one paragraph at a time, so its title's band alone may be too low for a frame.
    Per path index of such a stack: the whole stack's box at its first path, None at the
    others (paths in no stack are absent)."""
    tints = sorted((tuple(round(c, 3) for c in path["fill"]), path["rect"][0], path["rect"][1], i)
                   for i, path in enumerate(drawings)
                   if path.get("color") is None and _is_tint(path.get("fill")) and _rectangle(path))
    out: dict[int, tuple[float, float, float, float] | None] = {}
    stack: list[int] = []

    def close() -> None:
        if len(stack) > 1:
            rects = [drawings[i]["rect"] for i in stack]
            out[min(stack)] = (min(r[0] for r in rects), min(r[1] for r in rects),
                               max(r[2] for r in rects), max(r[3] for r in rects))
            out.update({i: None for i in stack if i != min(stack)})

    for fill, x0, y0, i in tints:
        if stack:
            last = drawings[stack[-1]]["rect"]
            if (fill == tuple(round(c, 3) for c in drawings[stack[-1]]["fill"]) and abs(x0 - last[0]) <= _STACKED
                    and abs(drawings[i]["rect"][2] - last[2]) <= _STACKED and abs(y0 - last[3]) <= _STACKED):
                stack.append(i)
                continue
            close()
        stack = [i]
    close()
    return out


def _visible(path: dict) -> bool:
    """Stroked, or filled with anything but white."""
    fill = path.get("fill")
    return path.get("color") is not None or (fill is not None and min(fill) < _WHITE)


def _rectangle(path: dict) -> bool:
    """Whether the path outlines its own bounding box (a rectangle, with rounded corners or
    not): every point of it lies within ``_CORNER`` of the box's edges, and every straight
    piece of it running askew within ``_CORNER`` of a corner (a cut corner). A chart's bars or
    polygon and a map's outline reach inside, or run askew along its sides (a small region's
    outline, its points all near the edges); they are drawings, not a frame around text."""
    x0, y0, x1, y1 = path["rect"]

    def near_corner(x: float, y: float) -> bool:
        return min(x - x0, x1 - x) <= _CORNER and min(y - y0, y1 - y) <= _CORNER

    return all(min(x - x0, x1 - x, y - y0, y1 - y) <= _CORNER for x, y in _points(path)) \
        and all(near_corner(*a) and near_corner(*b) for a, b in _askew(path))


def _askew(path: dict) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight pieces of a path (its items, as ``_points`` reads them) that run neither
    across nor down (ends more than ``_ON_EDGE`` apart both ways): a rectangle's only ones
    cut its corners."""
    for item in path.get("items") or ():
        if item[0] == "l":
            (ax, ay), (bx, by) = item[1], item[2]
            if abs(ax - bx) > _ON_EDGE and abs(ay - by) > _ON_EDGE:
                yield (ax, ay), (bx, by)


def _ring(path: dict) -> bool:
    """Whether a filled path is a rectangle's border drawn as a fill: its outline, and a
    second rectangle cut out of it inset by at most ``_RULE_THICKNESS`` (WeasyPrint draws a
    CSS border so: an even-odd fill of two nested rectangles). A solid rectangle has no point
    inside its outline; a rounded one has its curves' points at many places, not at the
    four corners of one inner rectangle."""
    x0, y0, x1, y1 = path["rect"]
    inner = {(round(x, 1), round(y, 1)) for x, y in _points(path)
             if min(x - x0, x1 - x, y - y0, y1 - y) > _ON_EDGE}
    xs, ys = {x for x, _ in inner}, {y for _, y in inner}
    return len(xs) == 2 and len(ys) == 2 \
        and all(min(x - x0, x1 - x) <= _RULE_THICKNESS for x in xs) \
        and all(min(y - y0, y1 - y) <= _RULE_THICKNESS for y in ys)


def _points(path: dict) -> Iterator[tuple[float, float]]:
    """The points of a path: of PyMuPDF's ``items`` (lines, curves, rectangles, quads; as
    ``get_cdrawings`` gives them, plain tuples, or as ``get_drawings`` makes them into
    ``Point``, ``Rect`` and ``Quad`` objects, each a pair or pairs), or the ``points`` a
    second engine gives. A rectangle's corners come in no particular order (both callers
    ask of them as a set)."""
    yield from path.get("points", ())
    for item in path.get("items") or ():
        if item[0] == "re":
            x0, y0, x1, y1 = item[1]
            yield from ((x0, y0), (x1, y0), (x0, y1), (x1, y1))
        elif item[0] == "qu":
            yield from item[1]
        else:
            yield from item[1:]


def _clusters(parts: list[Box]) -> list[Drawing]:
    """The shapes grouped into drawings: those that overlap or stand within ``_TOUCH`` of one
    another are one (a chart's bars, far apart, are gathered by the analysis, which knows
    the page's body size). Shapes are hashed into a grid of cells ``_CELL`` wide, so each is
    only compared with those near it."""
    parent = list(range(len(parts)))
    cells: dict[tuple[int, int], list[int]] = {}
    for i, b in enumerate(parts):
        near = {j for cx in range(int((b.x0 - _TOUCH) // _CELL), int((b.x1 + _TOUCH) // _CELL) + 1)
                for cy in range(int((b.y0 - _TOUCH) // _CELL), int((b.y1 + _TOUCH) // _CELL) + 1)
                for j in cells.get((cx, cy), ())}
        for j in near:
            o = parts[j]
            if o.x0 - _TOUCH <= b.x1 and b.x0 - _TOUCH <= o.x1 and o.y0 - _TOUCH <= b.y1 \
                    and b.y0 - _TOUCH <= o.y1:
                parent[root_of(parent, j)] = root_of(parent, i)
        for cx in range(int(b.x0 // _CELL), int(b.x1 // _CELL) + 1):
            for cy in range(int(b.y0 // _CELL), int(b.y1 // _CELL) + 1):
                cells.setdefault((cx, cy), []).append(i)
    groups: dict[int, list[Box]] = {}
    for i, b in enumerate(parts):
        groups.setdefault(root_of(parent, i), []).append(b)
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
