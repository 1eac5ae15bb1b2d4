"""The scene of a page: the shapes both views draw (the HTML view's SVG and the PNG), so the
two cannot drift apart: blocks outlined per story, badges, reading arrows, caption links,
furniture, and the marks of where we differ from the ground truth."""

from __future__ import annotations

import colorsys
import itertools
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..evaluate import PageTruth, locate, normalize, plan_chunks
from ..model import Block, Box, Figure, Layout, Story

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


@dataclass(frozen=True)
class Differences:
    """Where a page differs from its ground truth, by index into ``blocks`` (every block in the
    HTML writer's document order, with the id of its innermost story, None outside stories).

    ``wrong`` maps a block to the truth story its text belongs to; ``breaks`` holds pairs
    (a, b): the truth's text goes on from block a in block b, but not straight after it.
    """

    blocks: tuple[tuple[Block, str | None], ...]
    wrong: dict[int, str]
    breaks: frozenset[tuple[int, int]]


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


def _reading_blocks(page: Layout) -> list[tuple[Block, str | None]]:
    """Every block in the HTML writer's document order, with its innermost story's id."""
    out: list[tuple[Block, str | None]] = [(b, None) for b in page.header]

    def walk(s: Story) -> None:
        for c in s.content:
            if isinstance(c, Block):
                out.append((c, s.id))
            elif isinstance(c, Figure):
                out.extend((b, s.id) for b in c.caption)
            else:
                walk(c)

    for s in page.stories:
        walk(s)
    out += [(b, None) for f in page.figures for b in f.caption]
    return out + [(b, None) for b in page.footer]


def differences(page: Layout, truth: PageTruth) -> Differences:
    """Blocks in the wrong story and order breaks of ``page`` against ``truth``.

    The text of the blocks, concatenated in document order, is the stream the metrics read; a
    truth chunk found there exactly once belongs to the block holding its first character.
    A block is in the wrong story when most of its chunks come from another truth story than
    most of its story's chunks (or when it lies outside every story). An order break is a pair
    of chunks of one truth story, found with none found between them, that our text does not
    read in a row: in one block, not as far apart as in the truth (for neighbours: not
    contiguous, a pair that costs ``flow``); in two blocks, not the second after the first
    with only blocks of no truth text between (a crosshead, a caption). Chunks cut by a break
    are missing, so breaks between blocks are found through the chunks around them.
    """
    blocks = _reading_blocks(page)
    starts, texts, offset = [], [], 0
    for b, _ in blocks:
        starts.append(offset)
        texts.append(normalize(b.text))
        offset += len(texts[-1])
    plan = plan_chunks(truth)
    found = locate(plan, "".join(texts))

    block_of = {c: bisect_right(starts, start) - 1 for c, start in found.items()}
    by_block: defaultdict[int, Counter[int]] = defaultdict(Counter)
    by_story: defaultdict[str | None, Counter[int]] = defaultdict(Counter)
    for article, chunks in plan.stories:
        for c in chunks:
            if c in block_of:
                by_block[block_of[c]][article] += 1
                by_story[blocks[block_of[c]][1]][article] += 1
    breaks = set()
    for _, chunks in plan.stories:
        hits = [(i, c, block_of[c]) for i, c in enumerate(chunks) if c in block_of]
        for (i, a, x), (j, b, y) in zip(hits, hits[1:]):
            if x == y:
                broken = found[b] != found[a] + (j - i) * len(a)
            else:
                broken = y < x or any(k in by_block for k in range(x + 1, y))
            if broken:
                breaks.add((x, y))
    wrong = {}
    for k, votes in by_block.items():
        mine = votes.most_common(1)[0][0]
        story = blocks[k][1]
        if story is None or by_story[story].most_common(1)[0][0] != mine:
            article = truth.articles[mine]
            wrong[k] = f"text of the ground-truth story «{article.headline or article.id}»"
    return Differences(tuple(blocks), wrong, frozenset(breaks))


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
