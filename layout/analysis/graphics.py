"""Stage 1½: drawings → figures. A chart, a map or a filled placeholder drawn as vector paths
is a figure like a raster photo, when no running text stands inside it.

The source hands over its drawn shapes clustered into drawings (``PageContent.drawings``) and
its frames (outlined or tinted rectangles). Here, from the page's own body size:

- the drawings inside one frame are one graphic with it (a chart on its tinted panel);
  other drawings close to one another (``_NEAR``) are one graphic (a bar chart's bars), and
  so are those inside a frame with running text in it, judged without the frame (a photo's
  flat placeholder inside the outline of a boxed story);
- a graphic at least ``_MIN_SIDE`` on both sides is a figure unless running text stands in
  it (``captions.running_text``): a chart's labels or a map's names are none; a sidebar's
  paragraphs are (its frame stays a frame). A single flat fill is a figure only with no text in it at all (else it is
  the background of a ribbon or a reversed title);
- one overlapping a raster figure adds nothing.

Rules inside a new figure (a chart's axes) are no separators and are dropped, and so are the
frames that became figures. Cost: one sort of the graphics and a sweep over the lines.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from ..geometry import mostly_inside, shared_area, union_all
from ..model import Box, Figure, Line, PageContent
from .captions import running_text

# [body sizes] graphics closer than this are one; a figure is at least this tall and wide
_NEAR = 1.5
_MIN_SIDE = 4.0


def vector_figures(content: PageContent, lines: Sequence[Line], body: float) -> PageContent:
    """The page with its vector graphics that hold no running text added as figures."""
    if not content.drawings and not content.frames or body <= 0:
        return content
    by_top = sorted(lines, key=lambda ln: ln.box.y0)
    tops = [ln.box.y0 for ln in by_top]

    def figure(box: Box, parts: int, frame: bool) -> bool:
        inside = [ln for ln in by_top[bisect_left(tops, box.y0 - body):bisect_right(tops, box.y1)]
                  if mostly_inside(ln.box, box)]
        if box.width < _MIN_SIDE * body or box.height < _MIN_SIDE * body:
            return False
        labelled = parts >= 2 or frame and parts >= 1  # a chart or map may carry words
        return not (inside and (not labelled or running_text(inside, body)))

    added = []
    for box, parts, drawings in _graphics(content, body):
        if drawings is None:
            found = [box] if figure(box, parts, False) else []
        elif figure(box, parts, True):
            found = [box]
        else:  # a boxed story's outline around its text: its drawings are judged on their own
            found = [b for b, n in _near_graphics(drawings, _NEAR * body) if figure(b, n, False)]
        added += [b for b in found if not any(shared_area(f.box, b) >= 0.5 * min(f.box.area, b.area)
                                              for f in content.figures)]
    if not added:
        return content
    return replace(
        content,
        figures=(*content.figures, *(Figure(box, drawn=True) for box in added)),
        rules=tuple(r for r in content.rules if not any(mostly_inside(r.box, box) for box in added)),
        frames=tuple(f for f in content.frames if not any(mostly_inside(f, box) for box in added)))


def blank_graphics(content: PageContent, body: float) -> list[Box]:
    """The graphics at least ``_MIN_SIDE`` on both sides with no word in them at all, figures
    whatever the lines make of the text around (``vector_figures``): the lines stage takes
    them for figures, as it does raster ones. Its gutters are white between text and
    pictures: a placeholder's edge, not the far side of the empty space it leaves, bounds the
    gutter beside it (reportlab_s183_00_zh: with the picture under the heads taken for white,
    no gutter parted a story's headline from the next one's kicker 3 em away, and the two
    were one line)."""
    if not content.drawings and not content.frames or body <= 0:
        return []
    xs = sorted(content.words, key=lambda w: w.box.x0)
    x0s = [w.box.x0 for w in xs]
    return [box for box, _, _ in _graphics(content, body)
            if box.width >= _MIN_SIDE * body and box.height >= _MIN_SIDE * body
            and not any(mostly_inside(w.box, box) for w in xs[bisect_left(x0s, box.x0):bisect_right(x0s, box.x1)])]


def _graphics(content: PageContent, body: float) -> list[tuple[Box, int, list | None]]:
    """(box, parts, drawings) of each graphic: the drawings inside a frame gathered with it
    (``drawings`` lists them, sorted by x0), the other drawings gathered when closer than
    ``_NEAR`` (``drawings`` None). A drawing inside frames within frames goes with the
    innermost, the smallest: a chart's tinted panel inside the outline of a boxed story is the
    chart's, the outline the story's."""
    framed: dict[int, list] = {i: [] for i in range(len(content.frames))}
    loose = []
    for d in content.drawings:
        homes = [i for i, f in enumerate(content.frames) if mostly_inside(d.box, f)]
        home = min(homes, key=lambda i: content.frames[i].area) if homes else None
        (framed[home] if home is not None else loose).append(d)
    out = [(f, sum(d.parts for d in framed[i]), sorted(framed[i], key=lambda d: d.box.x0))
           for i, f in enumerate(content.frames) if framed[i]]
    out += [(box, parts, None) for box, parts in _near_graphics(sorted(loose, key=lambda d: d.box.x0),
                                                               _NEAR * body)]
    return out


def _near_graphics(drawings: list, reach: float) -> list[tuple[Box, int]]:
    """(box, parts) of each group of drawings within ``reach`` of one another (``_near_groups``)."""
    return [(union_all(d.box for d in g), sum(d.parts for d in g)) for g in _near_groups(drawings, reach)]


def _near_groups(drawings: list, reach: float) -> list[list]:
    """The drawings (sorted by x0) in groups of those within ``reach`` of one another: a
    sweep keeping the groups whose right edge is still in reach."""
    groups: list[list] = []
    boxes: list[Box] = []
    for d in drawings:
        hit = None
        for k in range(len(groups) - 1, -1, -1):
            g = boxes[k]
            if g.x1 + reach < d.box.x0:
                continue
            if g.y0 - reach <= d.box.y1 and d.box.y0 - reach <= g.y1:
                hit = k
                break
        if hit is None:
            groups.append([d])
            boxes.append(d.box)
        else:
            groups[hit].append(d)
            boxes[hit] = union_all([boxes[hit], d.box])
    return groups
