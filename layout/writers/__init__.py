"""Writers: one module per output format, each a function ``Document → str``."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import UsageError
from ..model import Document


def writer_for(fmt: str) -> Callable[[Document], str]:
    """The writer function for a format name (html, json, text, markdown)."""
    writers = {"html": Document.to_html, "json": Document.to_json,
               "text": Document.to_text, "markdown": Document.to_markdown}
    if fmt not in writers:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(writers)}")
    return writers[fmt]


FORMATS = ("html", "json", "text", "markdown")
EXTENSIONS = {"html": ".html", "json": ".json", "text": ".txt", "markdown": ".md"}
