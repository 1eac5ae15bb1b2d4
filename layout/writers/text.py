"""Plain-text writer: stories in reading order, blank lines between paragraphs.

Each story starts with its header lines, then its paragraphs; captions follow their figure's
place; sidebars are set off by a line of dashes. Pages are separated by a form feed.
"""

from __future__ import annotations


from . import JoinedPages
from ..model import Block, Figure, Layout, PageFailure, Story


def _story_lines(s: Story) -> list[str]:
    out = []
    for c in s.content:
        if isinstance(c, Block):
            out.append(c.text)
        elif isinstance(c, Figure):
            out.extend(b.text for b in c.caption)
        else:
            out.extend(["----", *_story_lines(c), "----"])
    return out


def _page(p: Layout | PageFailure) -> str:
    if isinstance(p, PageFailure):
        return f"[page {p.number} failed: {p.error}]"
    parts = [" | ".join(b.text for b in p.header)] if p.header else []
    parts += ["\n\n".join(_story_lines(s)) for s in p.stories]
    parts += ["\n".join(b.text for f in p.figures for b in f.caption)]
    parts += [" | ".join(b.text for b in p.footer)] if p.footer else []
    return "\n\n\n".join(x for x in parts if x)


class TextFile(JoinedPages):
    """The document as plain text, a page at a time."""

    separator = "\n\f"
    render = staticmethod(_page)
