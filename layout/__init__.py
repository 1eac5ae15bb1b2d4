"""newslayout: newspaper pages → stories in reading order → HTML, JSON, text.

    >>> import layout
    >>> doc = layout.reconstruct("page.pdf")
    >>> html = doc.to_html()

The public API is what this module exports; everything else may change.
"""

from .batch import reconstruct_many
from .errors import FormatError, InputError, LayoutError, PageError, UsageError
from .model import Block, Box, Document, Figure, Layout, PageContent, PageFailure, Story
from .params import Params
from .pipeline import analyse_page, reconstruct
from .sources import open_source

__version__ = "0.1.0"

__all__ = [
    "Block", "Box", "Document", "Figure", "FormatError", "InputError", "Layout", "LayoutError",
    "PageContent", "PageError", "PageFailure", "Params", "Story", "UsageError", "analyse_page",
    "open_source", "reconstruct", "reconstruct_many", "__version__",
]
