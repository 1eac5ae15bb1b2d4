"""The orchestrator: source → stages → Layout, page by page.

``analyse_page`` runs the stages on one page; ``PageReader`` streams the pages of a file;
``reconstruct`` collects them into a ``Document``. A page that cannot be analysed becomes a
``PageFailure`` and the other pages go on; only a file that cannot be opened at all raises.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .analysis.ads import mark_ads
from .analysis.assemble import with_ids
from .analysis.blocks import build_blocks
from .analysis.columns import find_grid
from .analysis.direction import is_vertical, turned, turned_back
from .analysis.graphics import blank_graphics, vector_figures
from .analysis.lines import build_lines, typical_size
from .analysis.roles import assign_roles, body_size
from .analysis.rotation import read_apart, with_sideways_words
from .analysis.script import guess_language
from .analysis.stories import build_stories
from .analysis.text import paragraphs
from .collector import collector_paused
from .errors import InputError, PageError
from .model import Document, Figure, Layout, PageContent, PageFailure, Story
from .options import PageSpec, ReadOptions, select_pages
from .pagepool import Progress, analyse_pages
from .params import Params
from .sources import Source, open_source


# A page is at most this many times its body text's size across: a broadsheet is about 300
# (9 pt type, 2,600 pt tall). The stages file boxes in cells of a few body sizes; a page
# billions of them wide is no page, and would take them hours.
MAX_PAGE_BODIES = 5000


def analyse_page(content: PageContent, params: Params | None = None) -> Layout:
    """One page's words, figures and rules → its stories in reading order.

    A page of vertical CJK text is analysed turned a quarter (see ``analysis.direction``).
    """
    with collector_paused():  # see collector.py
        params = params or Params()
        if not content.words:
            raise PageError(f"page {content.number}: no text on the page (a scan needs OCR)")
        body = typical_size(content.words)
        if max(content.width, content.height) > MAX_PAGE_BODIES * body:
            raise PageError(f"page {content.number}: {content.width:g} x {content.height:g} "
                            f"{content.unit} is over {MAX_PAGE_BODIES} times its text size "
                            f"({body:g}): not a page")
        if sizes_estimated(content):
            params = replace(params, size_tolerance=params.estimated_size_tolerance)
        content = with_sideways_words(content)
        if is_vertical(content):
            layout = turned_back(_analyse(turned(content), params, body), content.width)
            return replace(layout, width=content.width, height=content.height)
        return _with_sideways(content, params, body)


def sizes_estimated(content: PageContent) -> bool:
    """Whether the page's sizes were measured off the pixels: OCR words naming no typeface
    (Tesseract, an OCR file without styles, a PDF's OCR layer), whose sizes are their line
    heights."""
    return all(not w.font for w in content.words)


def _with_sideways(content: PageContent, params: Params, size: float) -> Layout:
    """A page of horizontal text, its blocks set sideways (``rotation.read_apart``: an
    advertisement run up the margin) analysed apart: as a page of their own turned a quarter,
    as a vertical page is, their stories after the page's. Among the upright text their lines,
    short across the page, would be read as blocks of the columns beside them and join their
    stories; the upright text is analysed without them, as a page with that margin blank. The
    sideways page keeps the rules and frames, which part its text, but not the figures (the
    page's own result has them). Blocks that read down the page are turned as a vertical page
    is, those that read up it the other way (``direction.turned``, ``upward``), each set a
    page of its own. Only on an OCR page (in pixels), whose sideways words are found by their
    boxes: a PDF's vertical lines are read among the page's, as they always were. Each part is
    measured by its own words' typical size (``read_apart`` sizes sideways words across)."""
    upright, *sides = read_apart(content.words) if content.unit == "px" else (content.words, ())
    if not any(sides):
        return _analyse(content, params, size)
    layout = _analyse(replace(content, words=upright), params, typical_size(upright))
    header, footer, stories = layout.header, layout.footer, layout.stories
    for upward, aside in enumerate(sides):
        if aside:
            turned_page = turned(replace(content, words=aside, figures=()), bool(upward))
            side = turned_back(_analyse(turned_page, params, typical_size(aside)),
                               content.height if upward else content.width, bool(upward))
            header, footer, stories = header + side.header, footer + side.footer, stories + side.stories
    return replace(layout, header=header, footer=footer,
                   stories=tuple(with_ids(s, f"p{content.number}-s{n}") for n, s in enumerate(stories, 1)))


def _analyse(content: PageContent, params: Params, size: float) -> Layout:
    """The stages, on a page whose lines run left to right; ``size``: its words'
    ``typical_size`` (turning the page changes no word's size)."""
    lines = build_lines(content.words, content.rules, params,
                        [f.box for f in content.figures] + blank_graphics(content, size), size)
    content = vector_figures(content, lines, size)
    blocks = build_blocks(lines, content.figures, content.rules, content.frames, params,
                          content.centred_blocks)
    body = body_size(blocks)
    blocks = assign_roles(blocks, content, body, params)
    grid = find_grid(blocks, body, params)
    layout = build_stories(blocks, content, grid, body, params)
    layout = mark_ads(paragraphs(layout, grid, body, params), body)
    return replace(layout, lang=guess_language(" ".join(_texts(layout))))


def _texts(layout: Layout) -> Iterator[str]:
    for s in layout.stories:
        yield from (b.text for b in s.blocks)


class PageReader:
    """The analysed pages of one input, read and analysed one at a time as they are asked for.

    Iterating gives each selected page's ``Layout``, or a ``PageFailure`` for a page that
    cannot be analysed, in page order; no page is kept once it is handed on, so a file of any
    length is read with the memory of a page (or of ``workers`` pages). The file is opened,
    and the page selection checked against it, when the reader is made: an input that cannot
    be read at all raises then. Close it (or use it as a context manager) when done.

    ``images``: a folder to extract figures into, named after the input
    (``NAME-p1-fig1.jpg``); figures link them relative to ``links_from`` (the folder the
    output is written to; default: the images folder's parent). ``workers``: processes to
    spread the pages over; ``progress(done, total)`` as pages finish.
    """

    def __init__(self, path: str | Path, options: ReadOptions | None = None, *,
                 params: Params | None = None, images: str | Path | None = None,
                 links_from: str | Path | None = None, workers: int = 1,
                 progress: Progress | None = None) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.options = options or ReadOptions()
        self.source = open_source(self.path, self.options)
        try:
            self.selection = select_pages(self.options.pages, self.source.page_count, self.path)
        except BaseException:
            self.source.close()
            raise
        self._params, self._workers, self._progress = params, workers, progress
        self._images = None if images is None else Path(images)
        self._links_from = Path(links_from) if links_from is not None else \
            (self._images.parent if self._images is not None else None)

    def __iter__(self) -> Iterator[Layout | PageFailure]:
        numbers = self.selection
        results = analyse_pages(self.source, numbers, analyse_page, self._params,
                                workers=self._workers, progress=self._progress,
                                reopen=(self.path, self.options))
        for n, result in zip(numbers, results):
            if isinstance(result, PageError):
                message = str(result)
                yield PageFailure(n, message if self.source.name in message
                                  else f"{self.source.name}: {message}")
            elif self._images is not None:
                yield _with_image_files(result, self.source, self._images,
                                        f"{self.path.stem}-p{n}", self._links_from)
            else:
                yield result

    def close(self) -> None:
        self.source.close()

    def __enter__(self) -> PageReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_document(path: str | Path, options: ReadOptions | None = None, *,
                  params: Params | None = None, images: str | Path | None = None,
                  links_from: str | Path | None = None, workers: int = 1,
                  progress: Progress | None = None) -> Document:
    """Every selected page of ``path`` at once, as a ``Document`` (see ``PageReader``, which
    reads a long file page by page instead of holding every page)."""
    with PageReader(path, options, params=params, images=images, links_from=links_from,
                    workers=workers, progress=progress) as reader:
        pages = tuple(reader)
    return Document(reader.name, pages, dominant_language(pages))


def reconstruct(path: str | Path, pages: PageSpec = None, *, engine: str = "pymupdf",
                ocr: str = "auto", lang: str | None = None, params: Params | None = None,
                images: str | Path | None = None, links_from: str | Path | None = None,
                workers: int = 1, progress: Progress | None = None) -> Document:
    """Read ``path`` and reconstruct its pages' stories in reading order.

    ``pages``: a spec like ``"2-5"`` or 1-based numbers (default: all). ``engine``, ``ocr``
    and ``lang``: see ``ReadOptions``; the other arguments: see ``PageReader``.
    """
    return read_document(path, ReadOptions(engine=engine, ocr=ocr, lang=lang, pages=pages),
                         params=params, images=images, links_from=links_from, workers=workers,
                         progress=progress)


def dominant_language(pages: Iterable[Layout | PageFailure]) -> str | None:
    """The language of most of the analysed pages, if any has one."""
    langs = Counter(p.lang for p in pages if isinstance(p, Layout) and p.lang)
    return langs.most_common(1)[0][0] if langs else None


def _with_image_files(layout: Layout, source: Source, folder: Path, prefix: str, base: Path) -> Layout:
    """The layout with every figure's pixels written to folder and its ``src`` set.

    ``src`` is the image's path relative to ``base``, with forward slashes, as HTML wants.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"{folder}: cannot create the images folder: {e.strerror}") from e
    counter = iter(range(1, 1_000_000))

    def save(f: Figure) -> Figure:
        path = source.save_image(f, folder / f"{prefix}-fig{next(counter)}")
        return replace(f, src=Path(os.path.relpath(path, base)).as_posix()) if path else f

    def walk(s: Story) -> Story:
        return replace(s, content=tuple(save(c) if isinstance(c, Figure) else
                                        walk(c) if isinstance(c, Story) else c for c in s.content))

    return replace(layout, stories=tuple(walk(s) for s in layout.stories),
                   figures=tuple(save(f) for f in layout.figures))
