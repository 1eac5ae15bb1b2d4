"""Where our layout of a page differs from its ground truth, block by block: blocks holding
another truth story's text, and breaks in the truth's reading order. The overlay view draws
them (``layout/view``); they are computed here, beside the metrics (``evaluate.py``), from the
same chunks the metrics count.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from .evaluate import locate, normalize, plan_chunks
from .model import Block, Figure, Layout, Story
from .truth import PageTruth


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



def reading_blocks(page: Layout) -> list[tuple[Block, str | None]]:
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
    blocks = reading_blocks(page)
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


