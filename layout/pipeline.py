"""The orchestrator: source → stages → Layout, page by page.

A page that cannot be analysed becomes a ``PageFailure`` and the other pages go on; only a
file that cannot be opened at all raises.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .analysis.blocks import build_blocks
from .analysis.columns import find_grid
from .analysis.direction import is_vertical, turned, turned_back
from .analysis.lines import build_lines
from .analysis.roles import assign_roles, body_size
from .analysis.script import guess_language
from .analysis.stories import build_stories
from .analysis.text import paragraphs
from .errors import InputError, PageError, UsageError
from .model import Document, Figure, Layout, PageContent, PageFailure, Story
from .params import Params
from .pagepool import Progress, analyse_pages
from .sources import Source, open_source
from .sources.textlayer import with_ocr


def analyse_page(content: PageContent, params: Params | None = None) -> Layout:
    """One page's words, figures and rules → its stories in reading order.

    A page of vertical CJK text is analysed turned a quarter (see ``analysis.direction``).
    """
    params = params or Params()
    if not content.words:
        raise PageError(f"page {content.number}: no text on the page (a scan needs OCR)")
    if sizes_estimated(content):
        params = replace(params, size_tolerance=params.estimated_size_tolerance)
    if is_vertical(content):
        layout = turned_back(_analyse(turned(content), params), content.width)
        return replace(layout, width=content.width, height=content.height)
    return _analyse(content, params)


def sizes_estimated(content: PageContent) -> bool:
    """Whether the page's sizes were measured off the pixels: OCR words naming no typeface
    (Tesseract, or an OCR file without styles), whose sizes are their line heights."""
    return all(w.confidence is not None and not w.font for w in content.words)


def _analyse(content: PageContent, params: Params) -> Layout:
    """The stages, on a page whose lines run left to right."""
    lines = build_lines(content.words, content.rules, params)
    blocks = build_blocks(lines, content.figures, content.rules, content.frames, params)
    body = body_size(blocks)
    blocks = assign_roles(blocks, content, body, params)
    grid = find_grid(blocks, body, params)
    layout = build_stories(blocks, content, grid, body, params)
    layout = paragraphs(layout, grid, body, params)
    return replace(layout, lang=guess_language(" ".join(_texts(layout))))


def _texts(layout: Layout) -> Iterator[str]:
    for s in layout.stories:
        yield from (b.text for b in s.blocks)


def parse_pages(spec: str | None, count: int | None = None) -> list[int]:
    """Page numbers from a spec like ``"2-5,7"`` (1-based, inclusive); all pages when None.

    A malformed spec is a ``UsageError``; with ``count``, a page beyond the end of the file
    is a ``PageError`` (the spec is fine, this file is too short). ``count=None`` only checks
    the spec (so a CLI can reject it before converting anything).
    """
    if not spec:
        return list(range(1, (count or 0) + 1))
    pages: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.strip().partition("-")
        try:
            first, last = int(lo), int(hi) if hi else int(lo)
        except ValueError:
            raise UsageError(f"--pages: bad page range {spec!r}: use numbers like 2-5,7") from None
        if first < 1 or last < first:
            raise UsageError(f"--pages: bad page range {part!r} in {spec!r}")
        if count is not None and first > count:
            raise PageError(f"page {first} does not exist: the file has {count} pages")
        pages.extend(range(first, last + 1 if count is None else min(last, count) + 1))
    return pages


def reconstruct(path: str | Path, pages: str | Iterable[int] | None = None, *,
                engine: str = "pymupdf", params: Params | None = None,
                images: str | Path | None = None, links_from: str | Path | None = None,
                ocr: str = "auto", lang: str | None = None, workers: int = 1,
                progress: Progress | None = None) -> Document:
    """Read ``path`` and reconstruct its pages' stories in reading order.

    ``pages``: a spec like ``"2-5"`` or an iterable of 1-based numbers (default: all).
    ``images``: a folder to extract figures into, named after the input
    (``NAME-p1-fig1.jpg``); figures link them relative to ``links_from`` (the folder the
    output is written to; default: the images folder's parent).
    ``ocr``: auto|always|never, when to OCR, in Tesseract languages ``lang`` (e.g.
    ``chi_sim+eng``; default English): see ``sources/textlayer.py``.
    ``workers``: processes to spread the pages over; ``progress(done, total)`` as pages finish.
    """
    source = with_ocr(open_source(path, engine), ocr, lang)
    try:
        try:
            numbers = (parse_pages(pages, source.page_count) if pages is None or isinstance(pages, str)
                       else list(pages))
        except PageError as e:
            raise InputError(f"{path}: {e}") from e
        results: list[Layout | PageFailure] = []
        for n, layout in zip(numbers, analyse_pages(source, numbers, analyse_page, params, workers=workers,
                                                   progress=progress, reopen=(str(path), engine, ocr, lang))):
            if isinstance(layout, PageError):
                e = layout
                results.append(PageFailure(n, f"{source.name}: {e}" if source.name not in str(e) else str(e)))
                continue
            if images is not None:
                folder = Path(images)
                base = Path(links_from) if links_from is not None else folder.parent
                layout = _with_image_files(layout, source, folder, f"{Path(path).stem}-p{n}", base)
            results.append(layout)
    finally:
        source.close()
    langs = Counter(p.lang for p in results if isinstance(p, Layout) and p.lang)
    return Document(Path(path).name, tuple(results), langs.most_common(1)[0][0] if langs else None)


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
