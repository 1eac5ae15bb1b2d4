"""Markdown writer: headlines as headings, sidebars as block quotes, figures as images."""

from __future__ import annotations

import re

from . import JoinedPages
from ..model import Figure, Layout, PageFailure, Story
from ..roles import ROLES

_INLINE = re.compile(r"([\\`*_<>\[\]])")
_BLOCK_START = re.compile(r"^(\s*)([#>+|=-])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


def _escape(text: str) -> str:
    """Text that Markdown will not read as markup: inline marks, HTML and line-start marks."""
    text = _INLINE.sub(r"\\\1", text)
    return _NUMBERED.sub(r"\1\\\2", _BLOCK_START.sub(r"\1\\\2", text))


def _figure(f: Figure) -> str:
    caption = _escape(" ".join(b.text for b in f.captions))
    image = f"![{caption}]({f.src})" if f.src else (f"*[Figure] {caption}*" if caption else "*[Figure]*")
    labels = _escape(" · ".join(b.text for b in f.labels))
    return f"{image}\n\n{labels}" if labels else image


def _story(s: Story, level: int = 2) -> list[str]:
    out = []
    for c in s.content:
        if isinstance(c, Figure):
            out.append(_figure(c))
        elif isinstance(c, Story):
            out.extend("> " + line if line else ">" for part in _story(c, level + 1)
                       for line in (part.splitlines() or [""]) + [""])
        elif ROLES[c.role].heading is not None:
            out.append("#" * min(level + ROLES[c.role].heading, 6) + " " + _escape(c.text))
        else:
            out.append(ROLES[c.role].markdown.format(_escape(c.text)))
    return out


def _page(p: Layout | PageFailure) -> str:
    if isinstance(p, PageFailure):
        return f"*Page {p.number} failed: {p.error}*"
    parts = [f"<!-- page {p.number} -->"]
    parts += [" · ".join(_escape(b.text) for b in p.header)] if p.header else []
    for s in p.stories:
        parts += [*_story(s), "---"]
    parts += [_figure(f) for f in p.figures]
    parts += [" · ".join(_escape(b.text) for b in p.footer)] if p.footer else []
    return "\n\n".join(parts)


class TextFile(JoinedPages):
    """The document as Markdown, a page at a time."""

    separator = "\n\n"
    render = staticmethod(_page)
