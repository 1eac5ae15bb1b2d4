"""The page model: frozen, typed values that cross from one stage to the next.

Coordinates have a top-left origin, ``Box(x0, y0, x1, y1)``, in the source's unit (``pt`` for
PDF, ``px`` for images and OCR XML); the unit travels with the page. Stages never mutate a
value: they build new ones (``dataclasses.replace``), so a stage can be tested on hand-made
boxes and the pipeline reads as a chain of pure functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .quickinit import quicken
from .roles import Role, StoryKind

# The resolution assumed for a page measured in pixels whose file states none (OCR files,
# scans): it converts their sizes to points and back.
PIXEL_DPI = 300.0


@lru_cache(maxsize=1024)
def font_family(font: str) -> str:
    """A font name's family: "ABCDEF+Times-Bold" → "times", "FZShuSong-Z01" → "fzshusong".

    Cached: every line asks, and a page has a handful of fonts."""
    name = font.rpartition("+")[2]
    return name.split("-")[0].split(",")[0].lower()


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle, top-left origin."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def area(self) -> float:
        return max(0.0, self.width) * max(0.0, self.height)

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.y0, other.y0),
                   max(self.x1, other.x1), max(self.y1, other.y1))

    def as_list(self, digits: int = 1) -> list[float]:
        return [round(self.x0, digits), round(self.y0, digits),
                round(self.x1, digits), round(self.y1, digits)]


@dataclass(frozen=True, slots=True)
class Word:
    """A word, or a run of words set in one font on one baseline (PDF spans are such runs).

    ``vertical`` is the direction of the line the word was set in (vertical CJK columns).
    ``confidence`` is the OCR confidence in [0, 1], ``None`` for born-digital text.
    ``source_line`` is the source's own line id, a hint: words the source put on one line are
    kept together across wide justified spaces, words of different source lines are merged
    only across a word space. ``source_block`` is the id of the source's own text block (an
    OCR file's ``TextBlock`` or region), a hint too: words of different source blocks are
    never one line (the engine saw a gutter or rule between them in the pixels). Lines are
    grouped into blocks from the geometry alone, so that the result does not depend on how
    finely a file cuts its blocks. Only equality of ids is used, with one exception: lines of
    one source block that stand level (fragments of a noisy scan) keep the source's line order,
    which the geometry cannot give (``blocks._engine_order``).
    """

    text: str
    box: Box
    font: str = ""
    size: float = 0.0
    bold: bool = False
    italic: bool = False
    vertical: bool = False
    confidence: float | None = None
    source_line: int | None = None
    source_block: int | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """Words on one baseline within one column, in reading order.

    ``size``, ``bold``, ``italic`` and ``font`` (the typeface family, without subset prefix
    or style suffix) are those of most of its characters.
    """

    words: tuple[Word, ...]
    box: Box
    text: str
    size: float
    bold: bool
    italic: bool
    vertical: bool = False
    font: str = ""


@dataclass(frozen=True, slots=True)
class WordBreak:
    """A word broken at the end of a block's line ``line`` (an index into its lines) and going
    on at the next one's start: its hyphen taken out of the text ("recon-" + "struction") or
    kept in the word (``hyphen_kept``: "Baden-" + "Württemberg"). An archive format marks both
    (ALTO's ``HYP`` and ``HypPart1``/``HypPart2``), so its readers join the word as we do."""

    line: int
    hyphen_kept: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive lines of one kind of text in one column; after the text stage, one paragraph.

    ``role`` is decided by the roles stage; ``text`` is filled by the text stage (lines joined,
    hyphenation undone) and is empty before it, as is ``word_breaks``: the lines whose last
    word goes on at the next line's start, as the text joined them.
    """

    lines: tuple[Line, ...]
    box: Box
    size: float
    bold: bool
    italic: bool
    role: Role = "body"
    text: str = ""
    frame: int | None = None
    font: str = ""
    word_breaks: tuple[WordBreak, ...] = ()

    @property
    def raw_text(self) -> str:
        """Lines joined by newlines, before paragraph reconstruction."""
        return "\n".join([line.text for line in self.lines])


quicken(Box, Word, Line, Block)


@dataclass(frozen=True, slots=True)
class Figure:
    """A photo or graphic region.

    ``image`` is a source-specific handle to its pixels (a PDF page number, an image path);
    ``src`` is set when the pixels were written out, relative to the output. ``caption``
    holds all the figure's own text: its labels first, then its caption. ``drawn``: a
    graphic drawn with vector paths (a chart, a map), whose words inside are its labels; the
    text set on a photo is its title or caption.
    """

    box: Box
    image: str | int | None = None
    caption: tuple[Block, ...] = ()
    src: str | None = None
    drawn: bool = False

    @property
    def labels(self) -> tuple[Block, ...]:
        """The blocks drawn inside it (a chart's or a map's words: role ``label``)."""
        return tuple(b for b in self.caption if b.role == "label")

    @property
    def captions(self) -> tuple[Block, ...]:
        """Its caption blocks proper: ``caption`` without the labels."""
        return tuple(b for b in self.caption if b.role != "label")


@dataclass(frozen=True, slots=True)
class Rule:
    """A drawn separator line: horizontal (``"h"``) or vertical (``"v"``)."""

    box: Box
    orientation: Literal["h", "v"]


@dataclass(frozen=True, slots=True)
class Drawing:
    """A cluster of drawn shapes (fills, strokes, curves) that are neither rules nor frames:
    a chart, a map, a filled placeholder, an ornament; ``parts`` is how many shapes it holds
    (one: a flat fill). Whether it is a figure is decided from the text inside it
    (``analysis.graphics``)."""

    box: Box
    parts: int = 1


@dataclass(frozen=True, slots=True)
class PageContent:
    """Everything a source reads off one page; the input of the analysis stages.

    ``centred_blocks``: the source blocks (``Word.source_block``) the file itself says are
    centred (an ALTO ``ParagraphStyle ALIGN="Center"``), evidence of a title set in the middle
    of its column where the OCR boxed it the column wide (``analysis.titles``)."""

    number: int
    width: float
    height: float
    unit: str
    words: tuple[Word, ...]
    figures: tuple[Figure, ...] = ()
    rules: tuple[Rule, ...] = ()
    frames: tuple[Box, ...] = ()
    drawings: tuple[Drawing, ...] = ()
    centred_blocks: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Story:
    """One article: its blocks, figures and sidebars, interleaved in reading order.

    ``content`` holds them in the order a reader meets them, so a figure or sidebar keeps its
    place between paragraphs; ``blocks``, ``figures`` and ``sidebars`` are views of it.
    """

    id: str
    kind: StoryKind
    content: tuple[Block | Figure | Story, ...]
    box: Box
    columns: int = 1

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(c for c in self.content if isinstance(c, Block))

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(c for c in self.content if isinstance(c, Figure))

    @property
    def sidebars(self) -> tuple[Story, ...]:
        return tuple(c for c in self.content if isinstance(c, Story))

    def first(self, role: Role) -> Block | None:
        """The first block with ``role``, e.g. the headline."""
        return next((b for b in self.blocks if b.role == role), None)


@dataclass(frozen=True, slots=True)
class Layout:
    """One page's result: furniture, stories in reading order, figures of no story.

    ``rules`` and ``frames`` are the separators and boxes drawn on the page, kept so that
    archive formats can carry them and a re-read page is analysed the same way.
    """

    number: int
    width: float
    height: float
    unit: str
    header: tuple[Block, ...] = ()
    footer: tuple[Block, ...] = ()
    stories: tuple[Story, ...] = ()
    figures: tuple[Figure, ...] = ()
    lang: str | None = None
    rules: tuple[Rule, ...] = ()
    frames: tuple[Box, ...] = ()


@dataclass(frozen=True, slots=True)
class PageFailure:
    """A page that could not be analysed; the other pages of the document still are."""

    number: int
    error: str


@dataclass(frozen=True)
class Document:
    """A whole input file's result: its pages in order. Writers turn it into any format."""

    source: str
    pages: tuple[Layout | PageFailure, ...]
    lang: str | None = None

    @property
    def failures(self) -> tuple[PageFailure, ...]:
        return tuple(p for p in self.pages if isinstance(p, PageFailure))

    def render(self, fmt: str) -> str:
        """The document in the text format ``fmt`` (html, json, text, markdown: see
        ``writers.FORMATS``)."""
        from .writers import format_named
        return format_named(fmt).write(self)

    def to_html(self) -> str:
        return self.render("html")

    def to_json(self) -> str:
        return self.render("json")

    def to_text(self) -> str:
        return self.render("text")

    def to_markdown(self) -> str:
        return self.render("markdown")
