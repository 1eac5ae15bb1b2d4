"""Stage 5, its last step: one placed group of units assembled into a ``Story``.

The header first, then the kickers, decks and bylines that lead the text, the figures, the
text in reading order, the sidebars (a frame's blocks) and notes; a story without a headline
titled by its first deck or the crossheads over its text; and the ids of a page's stories and
their sidebars once the page's reading order is known (``stories.build_stories``).
"""

from __future__ import annotations

from dataclasses import replace

from ..geometry import union_all
from ..model import Block, Figure, Story
from .columns import Grid
from .order import reading_order, set_box
from .placement import Group, Unit
from .skew import Straight
from .titles import item_titles


def assemble_story(g: Group, grid: Grid, body: float, straight: Straight) -> Story:
    """Assemble a story: header, figures, text in reading order, then sidebars and notes.

    Figures come right after the header and sidebars after the text, so neither cuts into a
    paragraph (the text around a picture is one flow); each still belongs to its story. The
    text is ordered without them: a column runs on below a picture or box set across it.
    ``straight``: the page's slant taken out of the boxes the text is ordered by (``skew``).
    """
    header = sorted(g.header, key=lambda b: b.box.y0)
    placed = [u for u in g.units if u.block is None]  # figures and frames
    placed = [placed[i] for i in reading_order([u.box for u in placed])]
    text_units = [u for u in g.units if u.block is not None]
    # (one text unit, as many a story has, is in order: its lines are not measured for it)
    set_boxes = [grid.held(set_box(u.block, straight)) for u in text_units] if len(text_units) > 1 else \
        [u.box for u in text_units]
    texts = item_titles([text_units[i].block for i in reading_order(set_boxes)])
    if len(texts) > 1 and texts[-1].role == "crosshead":  # one ending the story: its signature
        texts[-1] = replace(texts[-1], role="byline")
    lead, rest = _leading(texts, body)
    header, lead, rest = _titled(header, lead, rest, body)
    content: list[Block | Figure | Story] = [*header, *lead]
    content += [u.figure for u in placed if u.figure is not None]
    content += rest
    for u in placed:
        if u.framed:
            content.extend(_framed(u, body, straight))
    for n in g.notes:
        note = assemble_story(n, grid, body, straight)
        content.append(replace(note, kind="sidebar"))
    boxes = [b.box for b in header] + [u.box for u in g.units] + [n.box for n in content if isinstance(n, Story)]
    body_cols = {grid.index_of(c.box) for c in content if isinstance(c, Block) and c.role == "body"}
    body_cols.discard(None)
    has_text = any(isinstance(c, (Block, Story)) and not (isinstance(c, Block) and c.role == "caption")
                   for c in content)
    kind = "story" if has_text else "picture"
    if not header and len(content) == 1 and isinstance(content[0], Story):
        return replace(content[0], kind="story")  # a boxed story standing alone
    return Story("", kind, tuple(content), union_all(boxes), max(1, len(body_cols)))


def _leading(texts: list[Block], body: float) -> tuple[list[Block], list[Block]]:
    """The kickers, decks and bylines set above the body text, then the rest, each in the
    given order: they lead the text wherever the reading order put them (a centred byline over
    the columns falls inside one of them)."""
    top = min((t.box.y0 for t in texts if t.role == "body"), default=float("inf")) + 0.5 * body
    lead = [t for t in texts if t.role in ("kicker", "deck", "byline") and t.box.y1 <= top]
    led = {id(t) for t in lead}
    return lead, [t for t in texts if id(t) not in led]


def _titled(header: list[Block], lead: list[Block], rest: list[Block],
            body: float) -> tuple[list[Block], list[Block], list[Block]]:
    """A story without a headline is titled by its first deck, else by the crossheads set
    above all its text (a short item's title may be no larger than a deck or a crosshead: a
    long Chinese title shrunk to fit a narrow module, cut at a wide space; an item's title set
    a size up over its text, ``titles.item_titles``)."""
    titles = header + lead
    if any(b.role == "headline" for b in titles):
        return header, lead, rest
    k = next((k for k, b in enumerate(titles) if b.role == "deck"), None)
    if k is not None:
        titled = titles[:k] + [replace(titles[k], role="headline")] + titles[k + 1:]
        return titled[:len(header)], titled[len(header):], rest
    top = min((b.box.y0 for b in rest if b.role == "body"), default=float("inf"))
    over = sorted((b for b in rest if b.role == "crosshead" and b.box.y1 <= top + 0.5 * body),
                  key=lambda b: (b.box.y0, b.box.x0))
    if not over:
        return header, lead, rest
    title = replace(over[0], lines=tuple(ln for b in over for ln in b.lines),
                    box=union_all([b.box for b in over]), role="headline")
    return header + [title], lead, [b for b in rest if all(b is not o for o in over)]


def _framed(u: Unit, body: float, straight: Straight) -> list[Block | Story]:
    """A frame's blocks as a sidebar (its title, if any, as headline; a kicker over a headline
    stays a kicker), ordered for reading, its figures after its titles."""
    blocks = [u.framed[i] for i in reading_order([set_box(b, straight) for b in u.framed])]
    first = blocks[0]
    if len(blocks) > 1 and first.role in ("body", "crosshead", "kicker", "deck") and (
            first.bold or first.size > max(b.size for b in blocks[1:])) and len(first.lines) <= 2 \
            and not any(b.role == "headline" for b in blocks):
        blocks[0] = replace(first, role="headline")
    titles = next((k for k, b in enumerate(blocks) if b.role not in ("headline", "kicker")), len(blocks))
    lead, rest = _leading(blocks[titles:], body)
    figures = [u.framed_figures[i] for i in reading_order([f.box for f in u.framed_figures])]
    return [Story("", "sidebar", tuple(blocks[:titles] + figures + lead + rest), u.box, 1)]


def with_ids(story: Story, sid: str) -> Story:
    """The story with its id and its sidebars' ids (``p1-s2-b1``) set."""
    n = 0
    content = []
    for c in story.content:
        if isinstance(c, Story):
            n += 1
            c = with_ids(c, f"{sid}-b{n}")
        content.append(c)
    return replace(story, id=sid, content=tuple(content))
