"""JSON writer: the same content as the HTML, for programs (docs/contract.md)."""

from __future__ import annotations

import json

from .. import __version__
from ..model import Block, Document, Figure, Layout, PageFailure, Story

_HEADER_ROLES = ("kicker", "headline", "deck", "byline")


def _block(b: Block) -> dict:
    return {"role": b.role, "text": b.text, "bbox": b.box.as_list()}


def _figure(f: Figure) -> dict:
    return {"bbox": f.box.as_list(), "caption": " ".join(c.text for c in f.caption) or None,
            "image": f.src}


def _story(s: Story) -> dict:
    """A story; its first kicker, headline, deck and byline are also named at the top level."""
    out = {"id": s.id, "kind": s.kind, "bbox": s.box.as_list(), "columns": s.columns}
    for role in _HEADER_ROLES:
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


def write_json(doc: Document) -> str:
    """The whole document as a JSON string."""
    data = {"source": doc.source, "generator": f"newslayout {__version__}", "lang": doc.lang,
            "pages": [_page(p) for p in doc.pages]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
