"""Where a story stands in the page's reading order: its head and first column, not its box.

An old paper's story runs down one column into the next: from the foot of column one to the
top of column two, say. Its bounding box then covers both columns from top to bottom and
overlaps every story beside it, so no cut of the XY order (``order.py``) separates them and
they fall back to top-to-bottom: the story ending at the top of column two was read before
the one opening column one. A reader finds a story where it starts: its header and the run of
text under it in its first column. That box is what the stories are ordered by; a modern
story set as a rectangle starts at its top and keeps its place.
"""

from __future__ import annotations

from ..geometry import union_all, x_overlap_ratio
from ..model import Block, Box, Story

# [share of the narrower box] a block continues the run of the one before it when it shares
# this much of its width and starts lower down
_SAME_COLUMN = 0.5


def place_box(story: Story) -> Box:
    """The box of the story's first blocks down one column (the whole box if it has none)."""
    blocks = story.blocks
    if not blocks:
        return story.box
    run: list[Block] = [blocks[0]]
    for b in blocks[1:]:
        last = run[-1].box
        if b.box.y0 < last.y0 or x_overlap_ratio(b.box, last) < _SAME_COLUMN:
            break
        run.append(b)
    return union_all([b.box for b in run])
