"""newslayout: newspaper pages → stories in reading order → HTML, JSON, text.

    >>> import layout
    >>> doc = layout.reconstruct("page.pdf")
    >>> html = doc.to_html()

The public API is what this module exports; everything else may change.
"""

__version__ = "0.1.0"  # before the imports: writers read it

from .errors import FormatError, InputError, LayoutError, PageError, UsageError
from .model import Block, Box, Document, Figure, Layout, PageContent, PageFailure, Story
from .options import ReadOptions
from .params import Params
from .pipeline import PageReader, analyse_page, read_document, reconstruct
from .sources import open_source

__all__ = [
    "Block", "Box", "Document", "Figure", "FormatError", "InputError", "Layout", "LayoutError",
    "PageContent", "PageError", "PageFailure", "PageReader", "Params", "ReadOptions", "Story",
    "UsageError", "analyse_page", "open_source", "read_document", "reconstruct",
    "reconstruct_many", "__version__",
]


def __getattr__(name: str):
    """``reconstruct_many`` is imported on first use: the multiprocessing machinery of the
    batch package costs start-up time that a one-page conversion does not need."""
    if name == "reconstruct_many":
        from .batch import reconstruct_many
        return reconstruct_many
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
