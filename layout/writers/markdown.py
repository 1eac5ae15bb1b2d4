"""Markdown writer: headlines as headings, sidebars as block quotes, figures as images."""

from __future__ import annotations

import re

from ..model import Document, Figure, Layout, PageFailure, Story

_MARKS = {"kicker": "*{}*", "deck": "**{}**", "byline": "*{}*", "crosshead": "### {}",
          "jump": "*{}*", "credit": "*{}*", "caption": "*{}*"}


_INLINE = re.compile(r"([\\`*_<>\[\]])")
_BLOCK_START = re.compile(r"^(\s*)([#>+|=-])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


def _escape(text: str) -> str:
    """Text that Markdown will not read as markup: inline marks, HTML and line-start marks."""
    text = _INLINE.sub(r"\\\1", text)
    return _NUMBERED.sub(r"\1\\\2", _BLOCK_START.sub(r"\1\\\2", text))


def _figure(f: Figure) -> str:
    caption = _escape(" ".join(b.text for b in f.caption))
    return f"![{caption}]({f.src})" if f.src else (f"*[Figure] {caption}*" if caption else "*[Figure]*")


def _story(s: Story, level: int = 2) -> list[str]:
    out = []
    for c in s.content:
        if isinstance(c, Figure):
            out.append(_figure(c))
        elif isinstance(c, Story):
            out.extend("> " + line if line else ">" for part in _story(c, level + 1)
                       for line in (part.splitlines() or [""]) + [""])
        elif c.role == "headline":
            out.append("#" * level + " " + _escape(c.text))
        else:
            out.append(_MARKS.get(c.role, "{}").format(_escape(c.text)))
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


def write_markdown(doc: Document) -> str:
    """The whole document as Markdown."""
    return "\n\n".join(_page(p) for p in doc.pages) + "\n"
