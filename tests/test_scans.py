"""Scanned input end to end: page images and image-only PDFs read by OCR, and their errors.

The images are small and rendered here with PyMuPDF from a fixture page, so every OCR call
reads a few lines and the file runs in seconds. Whole-page OCR belongs to ``make bench``.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from PIL import Image

import layout
from layout.analysis.lines import build_lines, typical_size
from layout.cli import main
from layout.model import Box, Rule, Word
from layout.params import Params
from layout.sources.image import _clear_of_rules, to_gray
from layout.sources.tesseract import _steady, debian_package, tessdata
from layout.sources.textlayer import _garbled_runs, garbled, usable, with_ocr
from synth import word
from tests.conftest import fixture_pdf

@pytest.fixture(scope="module", autouse=True)
def english_model():
    """Every OCR test needs Tesseract's English model, which `make install` provides: its
    absence is a broken install, so it fails rather than skips."""
    try:
        tessdata("eng")
    except layout.UsageError as e:
        pytest.fail(f"{e} (run make install)")
HEADLINE = ("Board", "Extends", "Delayed", "Budget")


def render(pdf: Path, clip: tuple[float, float, float, float], dpi: int = 150) -> Image.Image:
    """A greyscale picture of part of a PDF page, as a scanner would give it."""
    page = pymupdf.open(pdf)[0]
    pix = page.get_pixmap(dpi=dpi, clip=pymupdf.Rect(*clip), colorspace=pymupdf.csGRAY)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples)


def word_image(text: str) -> Image.Image:
    """One large clear word on white, for pages that only need to be told apart."""
    doc = pymupdf.open()
    page = doc.new_page(width=200, height=60)
    page.insert_text((15, 42), text, fontsize=30, fontname="helv")
    pix = page.get_pixmap(dpi=100, colorspace=pymupdf.csGRAY)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples)


@pytest.fixture(scope="module")
def headline_png(tmp_path_factory) -> Path:
    """The headline and deck of a fixture page, at 150 dpi (about 520 x 240 px)."""
    path = tmp_path_factory.mktemp("scan") / "headline.png"
    render(fixture_pdf("en_tabloid_5col"), (10, 55, 260, 170)).save(path)
    return path


@pytest.fixture(scope="module")
def headline_page(headline_png) -> layout.PageContent:
    source = layout.open_source(headline_png)
    try:
        return source.page(1)
    finally:
        source.close()


def test_a_page_image_is_read_by_ocr_into_words_with_boxes_and_confidences(headline_page):
    page = headline_page
    assert page.unit == "px" and (page.width, page.height) == (522, 241)
    texts = [w.text for w in page.words]
    for word in HEADLINE:
        assert word in texts
    board = page.words[texts.index("Board")]
    emily = next(w for w in page.words if w.text == "Emily")
    assert board.confidence > 0.8 and board.source_line != emily.source_line
    assert board.size > 2 * emily.size  # a headline line is estimated larger than the deck
    assert 0 <= board.box.x0 < board.box.x1 <= page.width
    # every word of a line stands on the line's row, so the lines stage keeps it whole
    for line in {w.source_line for w in page.words}:
        tops = {(w.box.y0, w.box.y1) for w in page.words if w.source_line == line}
        assert len(tops) == 1


def test_the_ocr_page_goes_through_the_analysis_with_its_lines_in_order(headline_page):
    result = layout.analyse_page(headline_page)
    texts = [b.text for s in result.stories for b in s.blocks]
    assert any("Board Extends Delayed Budget" in t for t in texts)


def test_an_image_only_pdf_page_is_read_by_ocr_in_points(tmp_path, headline_png):
    pdf = pymupdf.open()
    page = pdf.new_page(width=250, height=115)  # the crop's size in points
    page.insert_image(page.rect, filename=str(headline_png))
    pdf.save(tmp_path / "scan.pdf")
    source = with_ocr(layout.open_source(tmp_path / "scan.pdf"), "auto", None)
    try:
        content = source.page(1)
    finally:
        source.close()
    assert content.unit == "pt" and content.width == 250
    board = next(w for w in content.words if w.text == "Board")
    assert 0 <= board.box.x0 < board.box.x1 <= 250 and 10 < board.size < 40


def test_a_row_fitted_too_tall_over_words_of_the_usual_height_gets_the_usual_size():
    """Tesseract fits one body row 59 px tall among rows of 42: its words say 42."""
    sizes = [42.0, 42.0, 59.0, 42.0, 80.0]
    inks = [[30, 32], [31, 30], [31, 33, 30], [30, 31], [58, 60]]  # the last: a real headline
    assert _steady(sizes, inks) == [42.0, 42.0, 42.0, 42.0, 80.0]


def test_a_multi_page_tiff_yields_its_frames_as_pages_in_order(tmp_path):
    frames = [word_image(t) for t in ("ONE", "TWO", "THREE")]
    path = tmp_path / "pages.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_deflate")
    done = []
    doc = layout.reconstruct(path, workers=2, progress=lambda d, t: done.append((d, t)))
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert [p.stories[0].blocks[0].text for p in doc.pages] == ["ONE", "TWO", "THREE"]
    assert done[-1] == (3, 3)


@pytest.mark.parametrize("mode", ["1", "I;16"])
def test_one_bit_and_sixteen_bit_tiffs_are_read(tmp_path, mode):
    image = word_image("PAGE")
    if mode == "1":
        image = image.point(lambda v: 255 if v > 128 else 0).convert("1")
    else:
        image = Image.fromarray(np.asarray(image).astype(np.uint16) * 257)
    assert image.mode == mode
    image.save(tmp_path / "page.tif")
    doc = layout.reconstruct(tmp_path / "page.tif")
    assert doc.pages[0].stories[0].blocks[0].text == "PAGE"


def test_cmyk_and_transparent_images_become_grey_on_white():
    cmyk = Image.new("CMYK", (4, 4), (0, 0, 0, 255))  # full black ink
    assert to_gray(cmyk).max() < 40
    clear = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    assert to_gray(clear).min() == 255


def test_a_cmyk_jpeg_opens_as_a_page(tmp_path):
    word_image("INK").convert("CMYK").save(tmp_path / "cmyk.jpg", quality=95)
    source = layout.open_source(tmp_path / "cmyk.jpg")
    assert source.page_count == 1
    source.close()


def test_a_truncated_png_fails_its_page_with_file_and_page_named(tmp_path, capsys):
    buf = io.BytesIO()
    word_image("CUT").save(buf, format="PNG")
    path = tmp_path / "cut.png"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    doc = layout.reconstruct(path)
    assert len(doc.failures) == 1 and "cut.png" in doc.failures[0].error
    assert "page 1" in doc.failures[0].error
    assert main(["convert", str(path), "-o", str(tmp_path / "cut.html")]) == 1
    assert "cut.png: page 1" in capsys.readouterr().err


def test_a_damaged_image_is_an_input_error(tmp_path):
    path = tmp_path / "bad.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not a png at all")
    with pytest.raises(layout.InputError, match="bad.png"):
        layout.open_source(path)


def test_an_image_over_the_pixel_limit_is_refused_before_decoding(tmp_path):
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 40_000, 40_000, 8, 0, 0, 0, 0)  # 1600 Mpx, grey
    path = tmp_path / "huge.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b""))
    with pytest.raises(layout.InputError, match="huge.png: image too large"):
        layout.open_source(path)


def test_a_missing_language_names_the_debian_package(tmp_path, headline_png, capsys):
    with pytest.raises(layout.UsageError, match="apt-get install tesseract-ocr-xyz"):
        tessdata("eng+xyz")
    assert debian_package("chi_sim_vert") == "tesseract-ocr-chi-sim-vert"
    assert main(["convert", str(headline_png), "--lang", "xyz", "-o", str(tmp_path / "x.html")]) == 2
    assert "tesseract-ocr-xyz" in capsys.readouterr().err


def test_an_image_cannot_be_read_without_ocr(headline_png):
    with pytest.raises(layout.UsageError, match="--ocr"):
        layout.reconstruct(headline_png, ocr="never")


def test_garbled_runs_are_those_of_a_wrong_font_encoding():
    # the date line of kampo_vertical_ja.pdf: 平成20年4月25日, 第4817号
    for run in ("™—", "›", "™œ", "›Ÿ˜", "\x01", "ab\ufffd"):
        assert garbled(run), run
    for run in ("cœur", "Œuvre", "“quoted”—", "2020", "平成", "© 2021"):
        assert not garbled(run), run


def test_a_pages_garbled_runs_are_its_words_that_are_garbled_asked_at_once_or_one_by_one():
    """A page whose whole text is plainly clean is asked once; any other, word by word: either
    way the garbled runs are exactly the words ``garbled`` finds (a replacement character, a
    control character or the odd characters of a wrong encoding in a page of clean words)."""
    clean = ("cœur", "Œuvre", "“quoted”—", "2020", "平成", "© 2021", "the")
    for odd in ((), ("™—",), ("ab\ufffd",), ("\x01",), ("›Ÿ˜", "™œ")):
        words = tuple(word(t, 50 + 40 * k, 100) for k, t in enumerate(clean + odd))
        assert [w.text for w in _garbled_runs(words)] == [w.text for w in words if garbled(w.text)] \
            == list(odd)


def test_a_text_layer_is_usable_unless_missing_or_mostly_garbage():
    def layer(*texts):
        words = [layout.model.Word(t, layout.Box(0, 0, 1, 1)) for t in texts]
        return usable(words, [w for w in words if garbled(w.text)])
    assert layer("The council said on Monday that the plan would go ahead.")
    assert not layer("Too short")
    assert not layer("™—›Ÿ˜™œ›Ÿ˜™œ›Ÿ˜", "™—›Ÿ˜™œ›Ÿ˜™œ›Ÿ˜", "ok")
    assert not layer("#### ---- **** ==== ++++ //// ;;;; ....")


def test_a_text_layer_counts_letters_and_digits_of_every_script_and_spaces_of_every_kind():
    # half of the 20 characters (spaces of any kind left out) letters or digits: usable; the
    # underscore is no letter, a superscript two, a Roman twelve and an Arabic one are digits
    def layer(text):
        return usable([layout.model.Word(text, layout.Box(0, 0, 1, 1))], [])
    alnum, other, spaces = "a\u00b2\u216b\u0661\u00e9" * 2, "_-!?." * 2, "\x1c\u3000\u2028 \t"
    assert all(c.isalnum() for c in alnum) and not any(c.isalnum() for c in other)
    assert all(c.isspace() for c in spaces)
    assert layer(spaces + alnum + spaces + other + spaces)
    assert not layer(spaces + alnum[1:] + spaces + other + "_")
    assert not layer(spaces * 9 + "abc" * 6)  # 18 characters


KAMPO = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf" / "kampo_vertical_ja.pdf"


@pytest.mark.skipif(not KAMPO.exists(), reason=f"the shared corpus is absent ({KAMPO})")
def test_the_garbled_digits_of_the_kampo_page_are_read_again_by_ocr():
    path = KAMPO
    source = with_ocr(layout.open_source(path), "auto", "eng")
    try:
        header = [w.text for w in source.page(1).words if w.box.y1 < 60]
    finally:
        source.close()
    assert not any(garbled(t) for t in header)
    assert {"20", "25", "4817"} <= set(header)


def test_an_ocr_pdf_page_renders_straightened_as_it_was_read():
    """The overlay draws OCR boxes found on the straightened page: its picture must be too."""
    from layout.sources.pdf import PdfSource
    from layout.sources.textlayer import OcrPdfSource

    source = OcrPdfSource(PdfSource(fixture_pdf("en_letter_4col")), "auto", "eng")
    plain = source.render(1, 50)
    source.skews[1] = 1.5
    turned = pymupdf.Pixmap(source.render(1, 50))
    assert (turned.width, turned.height) == (pymupdf.Pixmap(plain).width, pymupdf.Pixmap(plain).height)
    assert turned.tobytes("png") != plain


def _two_ruled_columns(overrun: float) -> tuple[list, Rule]:
    """Eight rows of two columns of words 10 px high, a vertical rule between them at x=200;
    the fifth row's last left word reaching ``overrun`` px past the rule (its ink read in)."""
    rule = Rule(Box(198, 0, 202, 200), "v")
    words = []
    for row in range(8):
        y = 10 + 20 * row
        words += [Word(t, Box(x, y, x + 40, y + 10), "", 10.0, confidence=0.9)
                  for t, x in (("aaa", 10), ("bbb", 60), ("ccc", 110), ("ddd", 210),
                               ("eee", 260), ("fff", 310))]
        last = Box(160, y, 202 + overrun, y + 10) if row == 4 else Box(160, y, 195, y + 10)
        words.append(Word("lang]." if row == 4 else "ggg", last, "", 10.0, confidence=0.9))
    return words, rule


def _line_extents(words, rule) -> list[tuple[float, float]]:
    lines = build_lines(words, [rule], Params(), [], typical_size(words))
    return [(ln.box.x0, ln.box.x1) for ln in lines]


def test_a_word_read_across_a_column_rule_is_cut_back_to_its_column():
    """The rule's ink read into a left column's last word, with a mark past it: the word
    bridges the gutter and joins the right column's line, unless cut back at the rule."""
    words, rule = _two_ruled_columns(overrun=6)
    assert any(x0 < 200 < x1 for x0, x1 in _line_extents(words, rule))  # as read
    cleared = _clear_of_rules(tuple(words), [rule.box])
    assert next(w for w in cleared if w.text == "lang].").box.x1 == 200
    assert all(not x0 < 200 < x1 for x0, x1 in _line_extents(list(cleared), rule))


def test_a_word_reaching_far_past_a_rule_on_both_sides_is_left_whole():
    """More than one and a half of its size each side of the rule: a word (a headline's) that
    the rule was wrongly found through, not the rule's ink."""
    words, rule = _two_ruled_columns(overrun=30)
    assert _clear_of_rules(tuple(words), [rule.box]) == tuple(words)
