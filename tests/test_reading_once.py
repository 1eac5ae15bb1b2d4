"""What the speed work (issue 13) must not change: a PDF page parsed once reads as the page
parsed for each part did, and the gutters filed by height answer as a scan of them all.

- ``PdfSource.page`` reads the text and the images of a page from one parse when it can
  (``sources.pdf``); the page model must be the one that a ``get_text("dict")`` (``rawdict``
  for run-on CJK spans), a ``get_image_info()`` and a ``get_drawings()`` call give, on pages
  with images and without, with run-on spans and without, with an inline image, and turned
  (a rotated page is read in the frame of its text);
- ``Gutters.through`` tries only the gutters level with a gap (and, for a gap a column wide,
  those of the grid inside it); its answer must be the first gutter in x order that a scan
  of every gutter finds.
"""

from __future__ import annotations

import random
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest

from layout.analysis.gutters import _ENDS, _HAIR, _HELD, _SIDE, INDENT, Gutters
from layout.analysis.whitespace import MIN_COLUMN, Strip
from layout.analysis.script import has_cjk
from layout.model import Box, PageContent
from layout.sources.mupdf import corrected_quads
from layout.sources.pdf import PdfSource
from layout.sources.pdfwords import raw_runs_on, run_on_spans, spans_to_words
from layout.sources.pdfshapes import kept_figures, shapes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures" / "pages").glob("*.pdf"))
PRODUCERS = sorted((ROOT / "fixtures" / "producers" / "pages").glob("*.pdf"))
FLAGS = (pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
         | pymupdf.TEXT_MEDIABOX_CLIP)


def read_in_parts(path: Path, number: int = 1) -> PageContent:
    """The page model as read before: one parse for the text (two with rawdict), one for the
    images, one for the drawings; the text with PyMuPDF's quad corrections on, as the reader
    reads it whatever the process set (this session imports pymupdf4llm, which sets them off)."""
    with pymupdf.open(path) as doc, corrected_quads():
        page = doc[number - 1]
        text = page.get_text("dict", flags=FLAGS)
        run_on = run_on_spans(text)
        if run_on:
            text = page.get_text("rawdict", flags=FLAGS)
        images = page.get_image_info()
        drawings = page.get_drawings()
        rect = page.cropbox if page.rotation else page.rect
        box = Box(0, 0, rect.width, rect.height)
        rules, frames, drawn = shapes(drawings, box)
        figures = kept_figures([(Box(*i["bbox"]), number) for i in images], box)
        return PageContent(number, rect.width, rect.height, "pt", tuple(spans_to_words(text, run_on)),
                           tuple(figures), tuple(rules), tuple(frames), tuple(drawn))


def read_in_one(path: Path) -> PageContent:
    """Page 1 as ``PdfSource`` reads it (one parse)."""
    with closing(PdfSource(path)) as source:
        return source.page(1)


@pytest.mark.parametrize("path", FIXTURES + PRODUCERS, ids=lambda p: p.stem)
def test_a_page_read_in_one_parse_is_the_page_read_in_parts(path: Path) -> None:
    assert read_in_one(path) == read_in_parts(path)


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_rotated_page_with_images_read_in_one_parse_is_the_page_read_in_parts(
        rotation: int, tmp_path: Path) -> None:
    """The display list a page with images is parsed into is made unrotated, as PyMuPDF's
    own text and image reads are."""
    path = tmp_path / "rotated.pdf"
    with pymupdf.open(FIXTURES[0]) as doc:
        assert doc[0].get_images(full=True)
        doc[0].set_rotation(rotation)
        doc.save(path)
    content = read_in_one(path)
    assert content == read_in_parts(path)
    assert content.figures


def test_the_pages_cover_images_and_run_on_spans() -> None:
    """The pages above hold every kind the reader takes apart: with images and without; in
    CJK with run-on spans and without (read out as a rawdict at once), and not in CJK (else
    the test above would prove less than it says)."""
    kinds = set()
    for path in FIXTURES + PRODUCERS:
        with pymupdf.open(path) as doc:
            page = doc[0]
            text = page.get_text("dict", flags=FLAGS)
            cjk = has_cjk("".join(s["text"] for b in text["blocks"] for ln in b.get("lines", ())
                                  for s in ln["spans"]))
            kinds.add(("images", bool(page.get_image_info())))
            kinds.add(("cjk, run-on", cjk, run_on_spans(text)))
    assert kinds == {("images", True), ("images", False), ("cjk, run-on", True, True),
                     ("cjk, run-on", True, False), ("cjk, run-on", False, False)}


@pytest.mark.parametrize("name", ["zh_a3_7col", "reportlab_zh_peoples_daily_shuffled"])
def test_a_page_set_in_chinese_is_read_out_once(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page set in CJK is read out as a rawdict alone, never as a dict first, whether its
    spans run on (zh_a3_7col) or not (the ReportLab page), and reads as it did."""
    path = next(p for p in FIXTURES + PRODUCERS if p.stem == name)
    expected = read_in_parts(path)

    def refused(self: pymupdf.TextPage) -> dict:
        raise AssertionError("read out as a dict")
    monkeypatch.setattr(pymupdf.TextPage, "extractDICT", refused)
    assert read_in_one(path) == expected


def _raw_span(text: str, x0: float, pitch: float, size: float = 10.0) -> dict:
    """A horizontal ``rawdict`` span of ``text`` (no "text" key, as MuPDF gives it), one
    character every ``pitch`` from ``x0``, each ``size`` wide and tall."""
    chars = [{"c": c, "bbox": (x0 + k * pitch, 0.0, x0 + k * pitch + size, size),
              "origin": (x0 + k * pitch, size)} for k, c in enumerate(text)]
    return {"chars": chars, "bbox": (x0, 0.0, chars[-1]["bbox"][2], size), "size": size}


def test_a_rawdict_with_no_texts_runs_on_as_its_texts_say() -> None:
    """``raw_runs_on`` joins a span's text only as it asks it: its answers are those of
    ``run_on_spans`` on the same spans with their texts, on spans set solid, on a CJK span set
    across a gutter (three columns' lines as one span), and on a Latin span however wide; a
    page none of whose spans runs on has all their texts after, as its ``dict`` has them, and
    one that runs on stops at the first that does."""
    solid = [_raw_span("新闻报道", 0, 10), _raw_span("AB", 50, 6)]
    across = [_raw_span("AB", 0, 6), _raw_span("新闻", 30, 10), _raw_span("报道", 200, 60),
              _raw_span("新闻", 400, 10)]
    latin = [_raw_span("wide apart", 0, 40)]
    for spans, runs_on in ((solid, False), (across, True), (latin, False)):
        raw = {"blocks": [{"type": 1}, {"type": 0, "lines": [{"dir": (1.0, 0.0), "spans": spans}]}]}
        assert raw_runs_on(raw) is runs_on
        texts = [span.get("text") for span in spans]
        assert texts == (["AB", "新闻", "报道", None] if runs_on else
                         ["".join(c["c"] for c in span["chars"]) for span in spans])
        for span in spans:
            span["text"] = "".join(c["c"] for c in span["chars"])
        assert run_on_spans(raw) is runs_on


def test_an_inline_image_is_found_on_a_page_whose_resources_name_none(tmp_path: Path) -> None:
    """An inline image (``BI ... ID ... EI`` in the content stream) is in no resource
    dictionary: the page is read in parts, and the figure is kept."""
    path = tmp_path / "inline.pdf"
    with pymupdf.open() as doc:
        page = doc.new_page(width=400, height=400)
        page.insert_text((40, 40), "A caption under an inline picture", fontsize=10)
        pixels = bytes(range(256)) * 48  # 64 x 64 grey samples
        stream = (b"q 120 0 0 120 100 100 cm BI /W 64 /H 64 /CS /G /BPC 8 ID "
                  + pixels[:64 * 64] + b" EI Q")
        xref = page.get_contents()[-1]
        doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + stream)
        doc.save(path)
    with pymupdf.open(path) as doc:
        assert not doc[0].get_images(full=True) and doc[0].get_image_info()
    content = read_in_one(path)
    assert content == read_in_parts(path)
    assert len(content.figures) == 1


def first_by_scan(gutters: list[Strip], left: float, right: float, y: float, slack: float,
                  hanging: bool, long_only: bool, sides: bool, body: float) -> Strip | None:
    """The first gutter in x order that runs through the gap, by the rule of
    ``Gutters.through``, scanning every gutter; with ``sides``, then the first long one (not
    narrower than a word space) by its right edge that the gap ends on (or up to an indent
    past), starting on or before its left edge (or inside it, with a hanging mark or ending on
    its right edge to a hair), off the grid."""
    by_x0 = sorted(gutters, key=lambda g: g.x0)
    for g in by_x0:
        shared = min(g.x1, right) - max(g.x0, left)
        level = g.y0 - _ENDS * body <= y <= g.y1 + _ENDS * body
        if (g.long or not long_only) and (
                level and (shared >= _HELD * g.width or hanging and shared > 0 and (
                    abs(left - g.x0) <= slack or abs(right - g.x1) <= slack))
                or g.on_grid and right - left >= MIN_COLUMN * body and shared >= g.width - _HAIR * body):
            return g
    sides_of_columns = [g for g in by_x0 if sides and g.long and g.width >= _SIDE * body]
    for g in sorted(sides_of_columns, key=lambda g: g.x1):
        if right - INDENT * body <= g.x1 <= right + slack and (
                left <= g.x0 + slack or (hanging or abs(right - g.x1) <= _HAIR * body) and left < g.x1 and right > g.x0):
            return replace(g, on_grid=False)
    return None


def test_gutters_filed_by_height_answer_as_a_scan_of_them_all() -> None:
    rng = random.Random(13)
    found = 0
    for _ in range(150):
        body = rng.choice([1.0, 9.0, 12.5])
        strips = []
        for _ in range(rng.randint(0, 30)):
            x0, y0 = rng.uniform(0, 600), rng.uniform(0, 1000)
            width = rng.choice([rng.uniform(0.1, 3), rng.uniform(3, 30)]) * body
            strips.append(Strip(x0, x0 + width, y0, y0 + rng.uniform(1, 400),
                                on_grid=rng.random() < 0.6, long=rng.random() < 0.4))
        gutters = Gutters(strips, body)
        for _ in range(150):
            left = rng.uniform(-10, 650)
            right = left + rng.choice([rng.uniform(0, 2), rng.uniform(4, 12)]) * body
            args = (left, right, rng.uniform(-20, 1420), 0.3 * body, rng.random() < 0.3,
                    rng.random() < 0.3, rng.random() < 0.5)
            expected = first_by_scan(strips, *args, body)
            assert gutters.through(*args) == expected
            found += expected is not None
    assert found > 1000  # most gaps miss every gutter; enough of them hit one


def test_mupdfs_store_is_emptied_every_few_pages_of_a_file_not_when_it_is_closed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file's pages empty MuPDF's store every ``_STORE_PAGES`` pages (memory flat with the
    page count); closing the file leaves it (MuPDF drops the file's own entries, and what
    stays serves the next file: emptied, every later file read slower)."""
    from layout.sources import pdf
    emptied: list[int] = []
    monkeypatch.setattr(pymupdf.TOOLS, "store_shrink", lambda percent: emptied.append(percent))
    path = tmp_path / "pages.pdf"
    with pymupdf.open() as doc:
        for _ in range(pdf._STORE_PAGES + 1):
            doc.new_page().insert_text((72, 72), "A line of text")
        doc.save(path)
    with closing(PdfSource(path)) as source:
        for number in range(1, pdf._STORE_PAGES + 2):
            source.page(number)
    assert emptied == [100]
