"""All tuning knobs of the analysis in one validated object, and the limits on what one page
may cost to read (``Limits``).

Distances are expressed relative to the page's body text size ("em" below means one body font
size), never in absolute points, so the same values work for PDF points and OCR pixels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from .errors import PageError, UsageError


@dataclass(frozen=True)
class Params:
    """Tuning knobs; units in brackets.

    Lines
      word_gap: [em of the word's own size] a horizontal gap wider than this between two words
        on one baseline starts a new line (it is a column gutter, not a word space).
    Blocks
      line_gap: [line heights] a vertical gap wider than this between two lines ends the block.
      size_tolerance: [ratio] lines whose font sizes differ by more than this are not one block.
      estimated_size_tolerance: [ratio] the same on a page whose sizes are estimated from line
        heights (OCR that names no typeface or size): such estimates scatter by about 10 %.
    Roles
      headline_ratio: [ratio to body size] text at least this large is a headline.
      bold_headline_ratio: [ratio to body size] bold text at least this large is a headline.
      deck_ratio: [ratio to body size] text at least this large (and below a headline) is a deck.
      furniture_band: [share of page height, and of its width for the side bands] blocks
        entirely in the top or bottom band, or in a side band outside the running text, that
        are not stories (short, away from body text) are page furniture.
      caption_gap: [em] the largest gap between a figure and its caption.
    Columns
      column_tolerance: [em] left edges of body blocks within this distance belong to one column.
    Text
      indent: [em] a first line indented by more than this starts a paragraph.
      short_line: [share of column width] a line ending before this share of the column's width
        ends its paragraph.
    """

    word_gap: float = 0.6
    line_gap: float = 0.9
    size_tolerance: float = 0.04
    estimated_size_tolerance: float = 0.15
    headline_ratio: float = 1.35
    bold_headline_ratio: float = 1.2
    deck_ratio: float = 1.12
    furniture_band: float = 0.07
    caption_gap: float = 2.0
    column_tolerance: float = 1.5
    indent: float = 0.6
    short_line: float = 0.85

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, (int, float)) or value <= 0:
                raise UsageError(f"parameter {f.name} must be a positive number, got {value!r}")
        if self.deck_ratio >= self.headline_ratio:
            raise UsageError("parameter deck_ratio must be smaller than headline_ratio")


# The limits the command line (convert, view, batch) reads every input under by default: a
# page may take 120 s (OCR of a dense broadsheet takes about a minute) and 1.5 GB of data.
PAGE_SECONDS = 120.0
MEMORY_MB = 1536


@dataclass(frozen=True)
class Limits:
    """What one page of an input may cost; units in brackets. Inputs come from outside: a
    10 kB file can ask for billions of drawing operations or gigabytes of memory, so each
    page is held to these, and one over a limit fails (a ``PageError`` naming the limit)
    while the other pages go on.

    words: [words] text pieces on one page (a broadsheet has about 10,000).
    drawings: [paths] drawn shapes on one page (rules, frames, a chart's bars, a map).
    images: [images] images drawn on one page.
    page_seconds: [s] time to read and analyse one page; the page is stopped (its process
      killed) when it is over. None: no limit (the library's default, since it runs inside
      its caller's process; ``convert`` and ``batch`` set one, ``--page-timeout``).
    memory_mb: [MB] memory (data segment) of a process reading pages; a page needing more
      fails, whatever it decompresses (content streams, images, a huge XML page). None: no
      limit (the library's default; ``convert``, ``view`` and ``batch`` set one).
    """

    words: int = 200_000
    drawings: int = 100_000
    images: int = 5_000
    page_seconds: float | None = None
    memory_mb: int | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None and f.name in ("page_seconds", "memory_mb"):
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not (0 < value < math.inf):
                raise UsageError(f"limit {f.name} must be a positive number, got {value!r}")

    def check(self, name: str, count: int, where: str) -> None:
        """``PageError`` when ``count`` things of limit ``name`` are over it: "WHERE: 300000
        drawings on the page, over the limit of 100000 (Limits.drawings)"."""
        limit = getattr(self, name)
        if count > limit:
            raise PageError(f"{where}: {count} {name} on the page, over the limit of {limit} "
                            f"(Limits.{name})")
