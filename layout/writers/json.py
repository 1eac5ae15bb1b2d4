"""JSON writer: the same content as the HTML, for programs (docs/contract.md).

Written a page (one line) at a time: ``{"source", "generator", "pages": [...], "lang"}``, the
document's language (the most common of its pages') last, once every page is known.
"""

from __future__ import annotations

import json
from collections import Counter

from .. import __version__
from ..model import Block, Box, Figure, Layout, PageFailure, Story
from ..roles import HEADER_ROLES


def _bbox(box: Box) -> list[float]:
    return box.as_list()


def _block(b: Block) -> dict:
    return {"role": b.role, "text": b.text, "bbox": _bbox(b.box)}


def _figure(f: Figure) -> dict:
    out = {"bbox": _bbox(f.box), "caption": " ".join(c.text for c in f.captions) or None,
           "image": f.src}
    if f.labels:
        out["labels"] = [_block(b) for b in f.labels]
    return out


def _story(s: Story) -> dict:
    """A story; its first kicker, headline, deck and byline are also named at the top level."""
    out = {"id": s.id, "kind": s.kind, "bbox": _bbox(s.box), "columns": s.columns}
    for role in HEADER_ROLES:
        b = s.first(role)
        out[role] = b.text if b else None
    out["blocks"] = [_block(b) for b in s.blocks]
    out["figures"] = [_figure(f) for f in s.figures]
    out["sidebars"] = [_story(c) for c in s.sidebars]
    return out


def _page(p: Layout | PageFailure) -> dict:
    if isinstance(p, PageFailure):
        return {"number": p.number, "error": p.error, "furniture": [], "stories": [], "figures": []}
    return {"number": p.number, "width": round(p.width, 2), "height": round(p.height, 2),
            "unit": p.unit, "lang": p.lang,
            "furniture": [_block(b) for b in (*p.header, *p.footer)],
            "stories": [_story(s) for s in p.stories],
            "figures": [_figure(f) for f in p.figures]}


def _dumps(value) -> str:
    """Compact JSON text; a NaN or infinity is an error, never written (strict parsers reject it)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


class TextFile:
    """The JSON of one document, written a page (one line) at a time."""

    def __init__(self, source: str, lang: str | None) -> None:
        self.source, self.lang = source, lang
        self.langs: Counter[str] = Counter()
        self.pages = 0

    def page(self, p: Layout | PageFailure) -> bytes:
        if isinstance(p, Layout) and p.lang:
            self.langs[p.lang] += 1
        opening = "" if self.pages else self._opening()
        self.pages += 1
        return (opening + ("," if self.pages > 1 else "") + "\n" + _dumps(_page(p))).encode("utf-8")

    def end(self) -> bytes:
        lang = self.lang if self.lang is not None else \
            (self.langs.most_common(1)[0][0] if self.langs else None)
        opening = "" if self.pages else self._opening()
        return f"{opening}\n], \"lang\": {_dumps(lang)}}}\n".encode("utf-8")

    def _opening(self) -> str:
        return (f'{{"source": {_dumps(self.source)}, "generator": '
                f'{_dumps(f"newslayout {__version__}")}, "pages": [')
