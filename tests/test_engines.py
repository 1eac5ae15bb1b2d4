"""The two PDF engines agree: PyMuPDF (the default) and pdfplumber fill the same page model,
so the whole pipeline gives the same stories from either.

End-to-end on every fixture page (and on the real born-digital pages of the shared corpus when
it is there); the page model on one fixture; coordinates on pages whose media box does not
start at the origin, with a crop box, or turned by ``/Rotate``; errors on bad files.
"""

from __future__ import annotations

from contextlib import closing
from difflib import SequenceMatcher
from pathlib import Path

import pymupdf
import pytest

import layout
from layout.errors import InputError, PageError
from layout.evaluate import normalize
from layout.model import Block, Box, Figure, Layout, Story
from layout.options import ReadOptions
from layout.sources import open_source
from layout.sources.pdf import PdfSource
from layout.sources.plumber import PlumberSource
from layout.sources.plumber_words import chars_to_words

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures" / "pages").glob("*.pdf"))
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SHARED_PAGES = sorted((SHARED / "gt_born_digital").glob("*.pdf")) if SHARED.is_dir() else []
FEDERAL_REGISTER = SHARED / "pdf" / "federal-register-2020-17221.pdf"
KAMPO = SHARED / "pdf" / "kampo_vertical_ja.pdf"
NO_SHARED = f"the shared corpus {SHARED} is absent"
# Per story, at least this share of the normalised characters must be the same.
MIN_TEXT_RATIO = 0.98


# --- helpers ------------------------------------------------------------------------------


def _story_text(story: Story) -> str:
    """Every block's text of a story and its sidebars, in reading order, normalised."""
    parts = []
    for c in story.content:
        if isinstance(c, Block):
            parts.append(c.text or c.raw_text)
        elif isinstance(c, Story):
            parts.append(_story_text(c))
    return normalize(" ".join(parts))


def _headline(story: Story) -> str | None:
    block = story.first("headline")
    return normalize(block.text or block.raw_text) if block else None


def _pages(path: Path, engine: str) -> list[Layout]:
    doc = layout.reconstruct(path, engine=engine)
    assert not doc.failures, f"{engine} failed on {path.name}: {doc.failures}"
    return [p for p in doc.pages if isinstance(p, Layout)]


def assert_same_stories(path: Path) -> None:
    """Same number of stories, same headlines in the same order, near-identical texts."""
    for mu, pl in zip(_pages(path, "pymupdf"), _pages(path, "pdfplumber"), strict=True):
        where = f"{path.name} page {mu.number}"
        assert len(pl.stories) == len(mu.stories), f"{where}: story count"
        assert [_headline(s) for s in pl.stories] == [_headline(s) for s in mu.stories], \
            f"{where}: headlines"
        for i, (a, b) in enumerate(zip(mu.stories, pl.stories)):
            ta, tb = _story_text(a), _story_text(b)
            ratio = SequenceMatcher(None, ta, tb, autojunk=False).ratio() if ta or tb else 1.0
            assert ratio >= MIN_TEXT_RATIO, f"{where}: story {i} text agrees only {ratio:.3f}"


def _chars(words) -> int:
    return sum(len(normalize(w.text)) for w in words)


# --- the pipeline gives the same stories --------------------------------------------------


@pytest.mark.skipif(not FIXTURES, reason="no fixture pages in fixtures/pages (run make fixtures)")
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_pages_give_the_same_stories_with_either_engine(path: Path) -> None:
    assert_same_stories(path)


@pytest.mark.skipif(not SHARED_PAGES, reason=NO_SHARED)
@pytest.mark.parametrize("path", SHARED_PAGES, ids=lambda p: p.stem)
def test_real_born_digital_pages_give_the_same_stories_with_either_engine(path: Path) -> None:
    assert_same_stories(path)


@pytest.mark.skipif(not FEDERAL_REGISTER.exists(), reason=NO_SHARED)
def test_every_page_of_a_real_gazette_gives_the_same_stories_with_either_engine() -> None:
    """15 born-digital pages."""
    assert_same_stories(FEDERAL_REGISTER)


# --- the page model -----------------------------------------------------------------------


def test_pymupdf_words_do_not_depend_on_the_quad_corrections_the_process_set() -> None:
    """pymupdf4llm, once imported (as a plain ``import pymupdf`` does where it is installed:
    this test session, ``bench/producers.py``), turns PyMuPDF's quad corrections off for the
    whole process, which changes the boxes of fonts like LaTeX's Latin Modern; the reader gives
    the same words either way, and leaves the process's setting as it found it."""
    page = ROOT / "fixtures" / "producers" / "pages" / "latex_en_front_dropcap.pdf"
    found = pymupdf.TOOLS.unset_quad_corrections()
    words = {}
    try:
        for off in (False, True):
            pymupdf.TOOLS.unset_quad_corrections(off)
            with closing(PdfSource(page)) as source:
                words[off] = source.page(1).words
            assert pymupdf.TOOLS.unset_quad_corrections() == off
    finally:
        pymupdf.TOOLS.unset_quad_corrections(found)
    assert words[True] == words[False]


@pytest.mark.skipif(not FIXTURES, reason="no fixture pages in fixtures/pages (run make fixtures)")
def test_plumber_page_content_matches_pymupdf_on_a_fixture() -> None:
    """Characters within 1 %, the same rules, frames and figures, the same words with the same
    sizes and fonts on the same source lines, each inside PyMuPDF's box (whose glyphs run from
    ascender to descender, taller than pdfminer's one font size)."""
    path = next((p for p in FIXTURES if "broadsheet_6col" in p.name), FIXTURES[0])
    mu_source, pl_source = PdfSource(path), PlumberSource(path)
    try:
        mu, pl = mu_source.page(1), pl_source.page(1)
    finally:
        mu_source.close()
        pl_source.close()
    assert (pl.width, pl.height) == pytest.approx((mu.width, mu.height))
    assert pl.unit == mu.unit == "pt"
    assert abs(_chars(pl.words) - _chars(mu.words)) <= 0.01 * _chars(mu.words)
    assert len(pl.rules) == len(mu.rules)
    assert [r.orientation for r in sorted(pl.rules, key=_key)] == \
        [r.orientation for r in sorted(mu.rules, key=_key)]
    assert len(pl.frames) == len(mu.frames)
    assert len(pl.figures) == len(mu.figures)
    for a, b in zip(sorted(mu.figures, key=_key), sorted(pl.figures, key=_key)):
        assert b.box.as_list() == pytest.approx(a.box.as_list(), abs=0.5)
    mu_words = sorted(mu.words, key=lambda w: (w.text, w.box.x0, w.box.y0))
    pl_words = sorted(pl.words, key=lambda w: (w.text, w.box.x0, w.box.y0))
    assert [w.text for w in pl_words] == [w.text for w in mu_words]
    for a, b in zip(mu_words, pl_words):
        assert _inside(b.box, a.box, margin=0.5), b.text
        assert (b.size, b.font, b.bold, b.italic) == (a.size, a.font, a.bold, a.italic), b.text
    # The same words share a source line.
    assert _source_lines(pl.words) == _source_lines(mu.words)


def _source_lines(words) -> list[tuple[str, ...]]:
    lines: dict[int | None, list[str]] = {}
    for w in words:
        assert w.source_line is not None
        lines.setdefault(w.source_line, []).append(w.text)
    return sorted(tuple(sorted(texts)) for texts in lines.values())


def _inside(box: Box, outer: Box, margin: float) -> bool:
    return (outer.x0 - margin <= box.x0 and box.x1 <= outer.x1 + margin
            and outer.y0 - margin <= box.y0 and box.y1 <= outer.y1 + margin)


def _key(item) -> tuple[float, float]:
    return (item.box.y0, item.box.x0)


# --- coordinates: crop box, media box origin, rotation ------------------------------------


def _make_pdf(path: Path, mediabox=None, cropbox=None, rotate: int = 0) -> Path:
    """A letter page with two lines of text, a rule, an outlined box and an image."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((100, 150), "Hello world near the top", fontsize=12, fontname="helv")
    page.insert_text((300, 700), "Bold words at the bottom", fontsize=12, fontname="tibo")
    page.draw_line((150, 400), (500, 400), width=0.5)
    page.draw_rect(pymupdf.Rect(200, 200, 300, 300), color=(0, 0, 0), width=0.7)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
    pix.set_rect(pix.irect, (200, 30, 30))
    page.insert_image(pymupdf.Rect(350, 450, 450, 525), pixmap=pix)
    xref = page.xref
    if mediabox:
        doc.xref_set_key(xref, "MediaBox", "[%g %g %g %g]" % mediabox)
    if cropbox:
        doc.xref_set_key(xref, "CropBox", "[%g %g %g %g]" % cropbox)
    if rotate:
        doc.xref_set_key(xref, "Rotate", str(rotate))
    doc.save(path)
    doc.close()
    return path


def _pymupdf_display_boxes(path: Path) -> tuple[tuple[float, float], dict[str, Box], list[Box]]:
    """PyMuPDF's page size, spans and drawings, turned into the displayed page's coordinates.

    PyMuPDF reports text and drawings on the unrotated page; ``rotation_matrix`` turns them.
    """
    with pymupdf.open(path) as doc:
        page = doc[0]
        m = page.rotation_matrix
        spans = {}
        for block in page.get_text("dict", flags=pymupdf.TEXT_MEDIABOX_CLIP)["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    r = pymupdf.Rect(span["bbox"]) * m
                    spans[span["text"].strip()] = Box(r.x0, r.y0, r.x1, r.y1)
        drawings = []
        for d in page.get_drawings():
            r = d["rect"] * m
            drawings.append(Box(r.x0, r.y0, r.x1, r.y1))
        return (page.rect.width, page.rect.height), spans, drawings


CASES = {
    "plain": {},
    "mediabox_offset": {"mediabox": (100, 50, 712, 842)},
    "cropbox": {"cropbox": (20, 30, 560, 700)},
    "mediabox_and_cropbox": {"mediabox": (100, 50, 712, 842), "cropbox": (110, 60, 700, 800)},
    "rotate_90": {"rotate": 90},
    "rotate_90_cropbox": {"cropbox": (20, 30, 560, 700), "rotate": 90},
    "rotate_180": {"rotate": 180},
    "rotate_270_mediabox_offset": {"mediabox": (100, 50, 712, 842), "rotate": 270},
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_plumber_coordinates_are_those_of_the_displayed_page(case: str, tmp_path: Path) -> None:
    """Page size and every box as PyMuPDF places them on the displayed page: x within a
    hundredth of a point along the text, the glyph box inside MuPDF's taller one across it."""
    path = _make_pdf(tmp_path / f"{case}.pdf", **CASES[case])
    (width, height), spans, drawings = _pymupdf_display_boxes(path)
    source = PlumberSource(path)
    content = source.page(1)
    source.close()
    assert (content.width, content.height) == pytest.approx((width, height))
    assert {w.text for w in content.words} == set(spans)
    for w in content.words:
        s = spans[w.text]
        if w.vertical:
            along, across = (w.box.y0, w.box.y1), (w.box.x0, w.box.x1)
            s_along, s_across = (s.y0, s.y1), (s.x0, s.x1)
        else:
            along, across = (w.box.x0, w.box.x1), (w.box.y0, w.box.y1)
            s_along, s_across = (s.x0, s.x1), (s.y0, s.y1)
        assert along == pytest.approx(s_along, abs=0.05), w.text
        assert s_across[0] - 0.5 <= across[0] and across[1] <= s_across[1] + 0.5, w.text
    boxes = sorted([r.box for r in content.rules] + list(content.frames),
                   key=lambda b: (b.x0, b.y0))
    assert len(boxes) == len(drawings)
    for b, d in zip(boxes, sorted(drawings, key=lambda b: (b.x0, b.y0))):
        assert b.as_list() == pytest.approx(d.as_list(), abs=0.1)
    assert len(content.figures) == 1


def test_text_outside_the_crop_box_is_dropped_as_pymupdf_does(tmp_path: Path) -> None:
    path = _make_pdf(tmp_path / "clipped.pdf", cropbox=(0, 0, 612, 500))   # cuts off the top
    texts = {w.text for w in PlumberSource(path).page(1).words}
    assert texts == {w.text for w in PdfSource(path).page(1).words} == {"Bold words at the bottom"}


def test_rotated_text_is_a_vertical_word_with_its_font_size(tmp_path: Path) -> None:
    path = tmp_path / "turned.pdf"
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=792)
        page.insert_text((100, 600), "Reading upwards", fontsize=10, rotate=90)
        page.insert_text((200, 100), "Across the page", fontsize=10)
        doc.save(path)
    pl = {w.text: w for w in PlumberSource(path).page(1).words}
    mu = {w.text: w for w in PdfSource(path).page(1).words}
    assert pl.keys() == mu.keys()
    for text in pl:
        assert pl[text].vertical == mu[text].vertical
        assert pl[text].size == pytest.approx(mu[text].size, abs=0.01)
    assert pl["Reading upwards"].vertical


def test_horizontally_scaled_text_has_the_sizes_and_runs_of_pymupdf(tmp_path: Path) -> None:
    """OCR text layers scale every word (``Tz``) to fit; MuPDF's size includes the scaling."""
    path = tmp_path / "scaled.pdf"
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 72), "x", fontname="helv", fontsize=10)   # the font resource
        doc.update_stream(page.get_contents()[0], (
            b"BT /helv 10 Tf 1 0 0 1 72 700 Tm 130 Tz (scaled) Tj 100 Tz ( words) Tj "
            b"90 Tz ( here) Tj ET"))
        doc.save(path)
    mu = [(w.text, w.size) for w in PdfSource(path).page(1).words]
    pl = [(w.text, w.size) for w in PlumberSource(path).page(1).words]
    assert pl == mu
    assert [size for _, size in pl] == pytest.approx([10 * 1.3 ** 0.5, 10, 10 * 0.9 ** 0.5],
                                                     abs=0.01)


# --- words from characters ------------------------------------------------------------------


def _char(text: str, x0: float, top: float, size: float = 10.0, font: str = "ABCDEF+Times-Bold",
          advance: float | None = None, matrix=(1, 0, 0, 1, 0, 0)) -> dict:
    advance = size * 0.5 if advance is None else advance
    return {"text": text, "x0": x0, "x1": x0 + advance, "top": top, "bottom": top + size,
            "width": advance, "height": size, "size": size, "fontname": font, "matrix": matrix}


def test_chars_chain_into_one_run_with_spaces_from_gaps() -> None:
    chars = [_char("a", 0, 0), _char("b", 5, 0), _char("c", 12, 0)]   # gap 2 pt = 0.2 em
    (word,) = chars_to_words(chars)
    assert word.text == "ab c"
    assert word.box == Box(0, 0, 17, 10)
    assert word.font == "Times-Bold" and word.bold and not word.italic


def test_a_wide_gap_ends_the_source_line_and_a_font_change_ends_the_run() -> None:
    chars = [_char("a", 0, 0), _char("b", 5, 0, font="Times-Italic"),
             _char("c", 30, 0)]                       # 20 pt after "b": beyond 0.8 em
    words = chars_to_words(chars)
    assert [w.text for w in words] == ["a", "b", "c"]
    assert words[0].source_line == words[1].source_line != words[2].source_line
    assert words[1].italic


def test_a_gap_over_a_third_of_an_em_ends_the_run_but_not_the_source_line() -> None:
    chars = [_char("a", 0, 0), _char("b", 5, 0), _char("c", 14, 0)]   # gap 4 pt = 0.4 em
    words = chars_to_words(chars)
    assert [w.text for w in words] == ["ab", "c"]
    assert words[0].source_line == words[1].source_line


def test_no_space_is_added_after_cjk() -> None:
    chars = [_char("中", 0, 0, advance=10), _char("文", 13, 0, advance=10)]   # gap 0.3 em
    (word,) = chars_to_words(chars)
    assert word.text == "中文"


def test_a_glyph_drawn_twice_on_the_pen_is_fake_bold_and_dropped() -> None:
    chars = [_char("a", 0, 0), _char("b", 5, 0), _char("b", 5.3, 0)]
    (word,) = chars_to_words(chars)
    assert word.text == "ab"


def test_upright_glyphs_stacked_down_the_page_make_a_vertical_word() -> None:
    chars = [_char(t, 100, 10 * i, advance=10) for i, t in enumerate("縦書き")]
    (word,) = chars_to_words(chars)
    assert word.text == "縦書き" and word.vertical


def test_the_next_line_of_a_paragraph_is_not_chained_to_a_one_glyph_line() -> None:
    chars = [_char("中", 100, 0, advance=10), _char("文", 100, 12, advance=10)]  # 2 pt leading
    words = chars_to_words(chars)
    assert [w.text for w in words] == ["中", "文"]
    assert not any(w.vertical for w in words)


@pytest.mark.skipif(not KAMPO.exists(), reason=NO_SHARED)
def test_vertical_japanese_columns_become_vertical_words_without_spaces() -> None:
    """PyMuPDF gives every glyph of this page as a one-character horizontal line; pdfplumber's
    source chains the stacked upright glyphs into vertical runs (see plumber.py)."""
    source = PlumberSource(KAMPO)
    words = source.page(1).words
    source.close()
    vertical = [w for w in words if w.vertical and len(w.text) >= 10]
    assert len(vertical) >= 50
    assert all(" " not in w.text for w in vertical)
    assert any(w.text.startswith("歩行者は、道路を横断して") for w in vertical)
    for w in vertical:
        assert w.box.height > 5 * w.box.width


# --- figures ---------------------------------------------------------------------------------


def test_save_image_renders_a_non_jpeg_figure_and_copies_a_jpeg_one(tmp_path: Path) -> None:
    path = _make_pdf(tmp_path / "image.pdf")
    jpeg_path = tmp_path / "jpeg.pdf"
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 72), "A page with a photo", fontsize=12)
        pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
        pix.set_rect(pix.irect, (30, 120, 200))
        page.insert_image(pymupdf.Rect(100, 100, 300, 250), stream=pix.tobytes("jpeg"))
        doc.save(jpeg_path)
    source = PlumberSource(path)
    (figure,) = source.page(1).figures
    png = source.save_image(figure, tmp_path / "fig")
    assert png is not None and png.suffix == ".png" and png.read_bytes()[:4] == b"\x89PNG"
    assert source.save_image(Figure(figure.box, image=12), tmp_path / "other") is None
    source.close()
    _assert_red_picture(png, figure.box)
    source = PlumberSource(jpeg_path)
    (figure,) = source.page(1).figures
    source.close()
    # Saved by a source that never read the page, as when pages are read in worker processes.
    source = PlumberSource(jpeg_path)
    jpg = source.save_image(figure, tmp_path / "photo")
    source.close()
    assert jpg is not None and jpg.suffix == ".jpg" and jpg.read_bytes()[:2] == b"\xff\xd8"
    with pymupdf.open(jpeg_path) as doc:
        (xref, *_), = doc[0].get_images()
        assert jpg.read_bytes() == doc.xref_stream_raw(xref)


@pytest.mark.parametrize("case", ["rotate_90_cropbox", "mediabox_and_cropbox"])
def test_save_image_cuts_the_figure_from_the_displayed_page(case: str, tmp_path: Path) -> None:
    source = PlumberSource(_make_pdf(tmp_path / f"{case}.pdf", **CASES[case]))
    (figure,) = source.page(1).figures
    png = source.save_image(figure, tmp_path / "fig")
    source.close()
    _assert_red_picture(png, figure.box)


def _assert_red_picture(png: Path | None, box: Box) -> None:
    """The PNG is the figure's box at 150 dpi and shows the red test image."""
    assert png is not None
    pix = pymupdf.Pixmap(str(png))
    expected = (box.width * 150 / 72, box.height * 150 / 72)
    assert (pix.width, pix.height) == pytest.approx(expected, abs=2)
    r, g, b = pix.pixel(pix.width // 2, pix.height // 2)[:3]
    assert r > 150 and g < 80 and b < 80


# --- errors ----------------------------------------------------------------------------------


def test_damaged_file_is_an_input_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match="damaged.pdf"):
        open_source(path, ReadOptions(engine="pdfplumber"))


def test_truncated_file_is_an_input_error(tmp_path: Path) -> None:
    whole = _make_pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(InputError, match="truncated.pdf"):
        open_source(path, ReadOptions(engine="pdfplumber"))


def test_encrypted_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    with pymupdf.open() as doc:
        doc.new_page().insert_text((72, 72), "secret", fontsize=12)
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    with pytest.raises(InputError, match="encrypted PDF"):
        open_source(path, ReadOptions(engine="pdfplumber"))


def test_file_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    path = tmp_path / "owner.pdf"
    with pymupdf.open() as doc:
        doc.new_page().insert_text((72, 72), "readable", fontsize=12)
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="", owner_pw="o")
    source = open_source(path, ReadOptions(engine="pdfplumber"))
    assert [w.text for w in source.page(1).words] == ["readable"]
    source.close()


def test_a_page_that_cannot_be_parsed_is_a_page_error_naming_file_and_page(tmp_path: Path) -> None:
    """A broken media box on page 2 (no rectangle): page 1 still reads."""
    path = tmp_path / "badpage.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "fine", fontsize=12)
    doc.new_page()
    doc.xref_set_key(doc[1].xref, "MediaBox", "[0 0 (wide) 792]")
    doc.save(path)
    doc.close()
    source = PlumberSource(path)
    assert source.page_count == 2
    assert [w.text for w in source.page(1).words] == ["fine"]
    with pytest.raises(PageError, match=r"badpage\.pdf: page 2"):
        source.page(2)
    source.close()


def test_a_page_beyond_the_last_is_a_page_error(tmp_path: Path) -> None:
    source = PlumberSource(_make_pdf(tmp_path / "one.pdf"))
    with pytest.raises(PageError, match="page 3"):
        source.page(3)
    source.close()


def _ocr_layer_pdf(path: Path, render_mode: int) -> Path:
    """Two lines of words as an OCR layer sets them: each word at the size that makes it as
    wide as its print (a comma at twice the body size), drawn in ``render_mode`` (3: invisible)."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)
    for y, line in ((100, (("in", 10.9), ("die", 8.6), ("Revolutions", 8.8), (",", 16.8),
                           ("ein", 9.0))),
                    (110, (("so", 8.1), ("reiche", 8.4), ("Keime", 8.9), ("zu", 8.8)))):
        x = 20.0
        for text, size in line:
            page.insert_text((x, y), text, fontsize=size, render_mode=render_mode)
            x += pymupdf.get_text_length(text, fontsize=size) + 3
    doc.save(path)
    return path


def test_a_line_of_an_ocr_layer_is_read_as_an_engine_line(tmp_path: Path) -> None:
    """Invisible text (a scan's OCR layer) names no typeface and gives each line's words one
    size (their median height, the page's typical one for both lines) and their median top
    and bottom: the tall comma no longer reaches into the next line, and the page's sizes
    count as estimated. Visible text keeps its fonts and sizes."""
    from layout.pipeline import sizes_estimated
    source = PdfSource(_ocr_layer_pdf(tmp_path / "ocr.pdf", 3))
    content = source.page(1)
    source.close()
    first = [w for w in content.words if w.box.y1 < 105]
    assert len({w.size for w in content.words}) == 1 and {w.font for w in content.words} == {""}
    assert len({(w.box.y0, w.box.y1) for w in first}) == 1
    assert sizes_estimated(content)
    (story,) = layout.analyse_page(content).stories
    assert [ln.text for b in story.blocks for ln in b.lines] == \
        ["in die Revolutions , ein", "so reiche Keime zu"]
    source = PdfSource(_ocr_layer_pdf(tmp_path / "ink.pdf", 0))
    printed = source.page(1)
    source.close()
    assert 16.8 in {w.size for w in printed.words} and not sizes_estimated(printed)


def test_a_vertical_line_of_an_ocr_layer_gets_one_width_and_size(tmp_path: Path) -> None:
    """A column of invisible vertical CJK words (an OCR layer of a vertical page), each at the
    size that makes it as tall as its print: every word gets the line's one size and its
    median left and right edges (a tall comma no longer reaches into the next column), and
    keeps its own top and bottom (``sources.ocrlayer``, read across a vertical line)."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=300)
    y = 20.0
    for text, size in (("本日", 10.9), ("は", 8.6), ("晴天", 9.0), ("、", 16.8), ("なり", 9.0)):
        page.insert_text((200, y), text, fontsize=size, fontname="japan", rotate=-90,
                         render_mode=3)
        y += pymupdf.get_text_length(text, fontname="japan", fontsize=size) + 2
    doc.save(tmp_path / "vertical.pdf")
    source = PdfSource(tmp_path / "vertical.pdf")
    words = source.page(1).words
    source.close()
    assert [w.text for w in words] == ["本日", "は", "晴天", "、", "なり"]
    assert all(w.vertical for w in words) and len({w.size for w in words}) == 1
    assert len({(w.box.x0, w.box.x1) for w in words}) == 1 and {w.font for w in words} == {""}
    drawn = [s["bbox"] for b in doc[0].get_text("dict")["blocks"] for ln in b["lines"]
             for s in ln["spans"]]  # as MuPDF gives them: the comma's reaches 6 pt further
    right = sorted(b[2] for b in drawn)[2]  # the words' median right edge
    assert words[3].box.x1 == pytest.approx(right) and right < drawn[3][2] - 5
    tops = [w.box.y0 for w in words]
    assert tops == sorted(tops) and len(set(tops)) == len(words)
