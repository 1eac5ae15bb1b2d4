"""The archive-format readers (ALTO, hOCR, PAGE-XML, METS), their safety, and METS ground truth.

Three tiers: each reader on the hand-made files of ``fixtures/ocr`` (units, styles,
hyphenation, confidence, figures and rules; the expected values are computed in the comments);
the failure modes (XXE, malformed XML, unknown namespaces, missing METS pages, boxes off the
page); and the real METS/ALTO issues of ``fixtures/mets_alto`` reconstructed from copies whose
blocks are shuffled and whose IDs are renamed, scored against their METS ground truth.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from scramble import scramble_issue

import layout
from layout.analysis.lines import build_lines
from layout.cli import main
from layout.errors import FormatError, InputError, PageError
from layout.evaluate import load_mets_truth, load_truth, mean_scores, score_html
from layout.model import Layout, PageFailure
from layout.params import Params
from layout.sources import is_issue, open_source
from layout.sources.alto import AltoSource, element_text, load
from layout.sources.hocr import HocrSource
from layout.sources.mets import MetsSource
from layout.sources.pagexml import PageXmlSource

ROOT = Path(__file__).resolve().parent.parent
OCR = ROOT / "fixtures" / "ocr"
ISSUES = ROOT / "fixtures" / "mets_alto"
MM10 = 300 / 254  # px per 1/10 mm at the assumed 300 dpi
PT = 300 / 72  # px per point at 300 dpi


def words_by_text(path: Path) -> dict:
    page = open_source(path).page(1)
    return {w.text: w for w in page.words}


# --- ALTO ---------------------------------------------------------------------------------


def test_alto_mm10_coordinates_and_styles_become_pixels():
    page = open_source(OCR / "alto_v4_mm10.xml").page(1)
    assert page.unit == "px"
    assert (page.width, page.height) == pytest.approx((2100 * MM10, 2970 * MM10))
    words = {w.text: w for w in page.words}
    fishing = words["Fishing"]  # HPOS 1100 VPOS 400 WIDTH 154 HEIGHT 35
    assert fishing.box.x0 == pytest.approx(1100 * MM10)
    assert fishing.box.y1 == pytest.approx(435 * MM10)
    assert fishing.size == pytest.approx(10 * PT, abs=0.01)  # TXT_body, 10 pt
    assert fishing.font == "Times" and not fishing.bold
    assert fishing.confidence == pytest.approx(0.91)
    assert words["Harbour"].bold and words["Harbour"].size == pytest.approx(24 * PT, abs=0.01)
    assert words["Harbour"].font == "Bodoni"
    assert words["mayor."].italic and not words["said"].italic  # its own STYLEREFS


def test_alto_hyphen_is_made_visible_and_subs_content_unused():
    words = words_by_text(OCR / "alto_v4_mm10.xml")
    assert "re-" in words and "pairs" in words and "repairs" not in words
    alto = load(OCR / "alto_v4_mm10.xml")
    block = next(b for b in alto.root.iter(alto.tag("TextBlock")) if b.get("ID") == "TB_a")
    assert "winter of re-\npairs to the" in element_text(alto, block)


def test_alto_inch1200_without_styles_sizes_from_line_height():
    page = open_source(OCR / "alto_v2_inch1200.xml").page(1)
    assert (page.width, page.height) == pytest.approx((2550, 3300))  # 8.5 x 11 in
    words = {w.text: w for w in page.words}
    assert words["meeting"].size == pytest.approx(37.5)  # line HEIGHT 150 / 1200 in * 300 dpi
    assert words["Council"].size == pytest.approx(80)  # the headline keeps its own height
    assert words["bridge."].bold  # String STYLE="bold"
    assert "coun-" in words  # SUBS_TYPE="HypPart1" with no HYP element


def test_alto_style_size_far_below_the_line_height_gives_way_to_it(tmp_path):
    """ABBYY gives some capital headlines the body's FONTSIZE; the line height shows better."""
    path = tmp_path / "small_style.xml"
    path.write_text((OCR / "alto_v4_mm10.xml").read_text(encoding="utf-8").replace(
        'FONTSIZE="24" FONTFAMILY="Bodoni"', 'FONTSIZE="10" FONTFAMILY="Bodoni"'), encoding="utf-8")
    words = words_by_text(path)
    assert words["Harbour"].size == pytest.approx(85 * MM10, abs=0.01)  # line HEIGHT 85 mm10
    assert words["Fishing"].size == pytest.approx(10 * PT, abs=0.01)  # 35 mm10 tall: kept


def test_alto_size_follows_the_words_not_a_line_box_stretched_by_one_of_them(tmp_path):
    """One word set off its baseline by the OCR makes its TextLine taller, not its type."""
    path = tmp_path / "stretched.xml"
    path.write_text((OCR / "alto_v2_inch1200.xml").read_text(encoding="utf-8").replace(
        'VPOS="2000" WIDTH="2320" HEIGHT="150"', 'VPOS="2000" WIDTH="2320" HEIGHT="230"'),
        encoding="utf-8")
    assert words_by_text(path)["meeting"].size == pytest.approx(37.5)


def test_alto_figures_and_separator_rules():
    v4 = open_source(OCR / "alto_v4_mm10.xml").page(1)
    assert [r.orientation for r in v4.rules] == ["v"]
    assert len(v4.figures) == 1  # the Illustration ComposedBlock, not again its element
    assert v4.figures[0].box.x0 == pytest.approx(200 * MM10)
    v2 = open_source(OCR / "alto_v2_inch1200.xml").page(1)
    assert [r.orientation for r in v2.rules] == ["h"]
    assert [f.box.as_list(0) for f in v2.figures] == [[300, 750, 1150, 1350]]


def test_words_of_one_line_share_its_top_and_bottom():
    """OCR boxes hug the ink; the readers give every word its line's height."""
    for name in ("alto_v4_mm10.xml", "tesseract.hocr", "page_2013.xml"):
        page = open_source(OCR / name).page(1)
        for line in {w.source_line for w in page.words}:
            tops = {(round(w.box.y0, 3), round(w.box.y1, 3)) for w in page.words
                    if w.source_line == line}
            assert len(tops) == 1, (name, line, tops)


# --- hOCR and PAGE-XML --------------------------------------------------------------------


def test_hocr_words_confidence_styles_and_sizes():
    source = open_source(OCR / "tesseract.hocr")
    assert isinstance(source, HocrSource)
    page = source.page(1)
    assert (page.width, page.height, page.unit) == (1700, 2200, "px")
    words = {w.text: w for w in page.words}
    assert words["Trains"].confidence == pytest.approx(0.91)
    assert words["Trains"].box.as_list(0) == [900, 500, 1020, 530]  # line top and bottom
    assert words["Notice"].bold and not words["Trains"].bold  # <strong>
    assert words["storm"].size == pytest.approx(9 * 200 / 72, abs=0.01)  # x_fsize at scan_res
    assert words["damage"].size == 30  # line x_size 32 is near the page's 30: taken as 30
    assert words["Coast"].size == 64  # the headline's x_size
    assert [r.orientation for r in page.rules] == ["v"]
    assert [f.box.as_list(0) for f in page.figures] == [[100, 700, 800, 1200]]


def test_hocr_lines_without_words_inside_a_logical_line(tmp_path):
    """OCRopus writes lines and no words; the spec lets an ocrx_line hold two printed lines."""
    path = tmp_path / "lines.html"
    path.write_text(
        "<html><body><div class='ocr_page' title='bbox 0 0 1000 800'>"
        "<span class='ocrx_line'>"
        "<span class='ocr_line' title='bbox 16 16 860 47'>Aus den Gewinn- und Verlust-</span>"
        "<span class='ocr_line' title='bbox 302 62 603 98'>rechnungen</span>"
        "</span></div></body></html>", encoding="utf-8")
    page = open_source(path).page(1)
    # heights 31 and 36, both within 15 % of their median 33.5: one size
    assert [(w.text, w.source_line, w.size) for w in page.words] == [
        ("Aus den Gewinn- und Verlust-", 0, 33.5), ("rechnungen", 1, 33.5)]


def _hocr_line(words: list[tuple[str, int, int, int, int]], bbox: str) -> str:
    return f"<span class='ocr_line' title='bbox {bbox}'>" + "".join(
        f"<span class='ocrx_word' title='bbox {x0} {y0} {x1} {y1}'>{t}</span> "
        for t, x0, y0, x1, y1 in words) + "</span>"


def test_hocr_careas_are_source_blocks_and_a_line_on_two_printed_lines_is_two(tmp_path):
    """An ``ocr_carea`` is an engine's block, as an ALTO TextBlock: its index is the words'
    ``source_block``, and words of two careas set a word space apart are never one line (the
    lines stage reads them as evidence). A line whose words stand on two printed lines (RERO's
    OCR wrote whole blocks so) is two lines, each word with its row's top and bottom."""
    left, right = [], []
    for i in range(10):
        y = 100 + 40 * i
        left.append(_hocr_line([("links", 100, y, 300, y + 30), ("text", 315, y, 480, y + 30)],
                               f"100 {y} 480 {y + 30}"))
        right.append(_hocr_line([("rechts", 492, y, 700, y + 30), ("spalte", 715, y, 880, y + 30)],
                                f"492 {y} 880 {y + 30}"))
    stacked = _hocr_line([("unten", 100, 560, 300, 590), ("oben", 100, 520, 250, 550),
                          ("zwei", 265, 520, 400, 550), ("ende", 315, 560, 480, 590)], "100 520 480 590")
    path = tmp_path / "careas.hocr"
    path.write_text(
        "<html><body><div class='ocr_page' title='bbox 0 0 1000 800'>"
        f"<div class='ocr_carea' title='bbox 100 100 480 590'>{''.join(left)}{stacked}</div>"
        f"<div class='ocr_carea' title='bbox 492 100 880 490'>{''.join(right)}</div>"
        + _hocr_line([("frei", 100, 700, 200, 730)], "100 700 200 730")
        + "</div></body></html>", encoding="utf-8")
    page = open_source(path).page(1)
    blocks = {w.text: w.source_block for w in page.words}
    assert (blocks["links"], blocks["rechts"], blocks["unten"], blocks["frei"]) == (0, 1, 0, None)
    rows = {}
    for w in page.words:
        rows.setdefault(w.source_line, []).append((w.text, w.box.y0, w.box.y1))
    assert [("oben", 520, 550), ("zwei", 520, 550)] in rows.values()
    assert [("unten", 560, 590), ("ende", 560, 590)] in rows.values()
    lines = [ln.text for ln in build_lines(page.words, (), Params())]
    assert lines.count("links text") == 10 and lines.count("rechts spalte") == 10
    assert "oben zwei" in lines and "unten ende" in lines


def test_page_2013_polygons_lines_without_words_and_styles():
    source = open_source(OCR / "page_2013.xml")
    assert isinstance(source, PageXmlSource)
    page = source.page(1)
    assert (page.width, page.height) == (2000, 2800)
    words = {w.text: w for w in page.words}
    assert words["Weather:"].box.as_list(0) == [1050, 600, 1242, 632]  # polygon's bounding box
    assert "weekend, then rain from the west." in words  # a TextLine with no Words
    assert words["market"].size == pytest.approx(15 * 150 / 72, abs=0.01)  # region TextStyle
    assert words["market"].font == "Garamond" and words["market"].confidence == pytest.approx(0.87)
    assert words["Spring"].bold and words["Spring"].size == pytest.approx(28 * 150 / 72, abs=0.01)
    assert [r.orientation for r in page.rules] == ["v"] and len(page.figures) == 1


def test_page_2019_resolution_per_cm_and_text_equiv_index():
    page = open_source(OCR / "page_2019.xml").page(1)
    words = {w.text: w for w in page.words}
    assert words["Tickets"].italic and words["Tickets"].size == pytest.approx(10 * PT, abs=0.05)
    assert "choir" in words and "CHOIR" not in words  # TextEquiv index 1, not 2
    assert words["choir"].confidence == pytest.approx(0.81)
    # no TextStyle: the height of its words (upper quartile: "Sunday", 99 px), not its polygon
    assert words["Concert"].size == 99
    assert [r.orientation for r in page.rules] == ["h"]
    assert [f.box.as_list(0) for f in page.figures] == [[2000, 1000, 2400, 1300]]


@pytest.mark.parametrize("name, expected", [
    ("alto_v4_mm10.xml", ["Harbour reopens", "harbour opened", "repairs", "said the mayor.",
                          "Fishing boats", "sails on Friday."]),
    ("alto_v2_inch1200.xml", ["Council meets", "Schools will", "town council can meet",
                              "The meeting starts", "new bridge."]),
    ("tesseract.hocr", ["Coast line reopens", "Notice to travellers", "been repaired.",
                        "Trains run again", "short statement."]),
    ("page_2013.xml", ["Spring fair opens", "market square", "all week.", "Weather: fair",
                       "from the west."]),
    ("page_2019.xml", ["Concert on Sunday", "The choir sings", "by the river.",
                       "Tickets are sold", "of the theatre."]),
])
def test_reading_order_comes_from_the_page_not_the_file(name, expected):
    """Every hand-made file lists its right column first (PAGE also has a wrong ReadingOrder)."""
    text = " ".join(layout.reconstruct(OCR / name).to_text().split())
    positions = [text.find(piece) for piece in expected]
    assert -1 not in positions, (text, expected)
    assert positions == sorted(positions), text


def test_readers_are_chosen_by_content_not_extension(tmp_path):
    for name, kind in (("alto_v4_mm10.xml", AltoSource), ("tesseract.hocr", HocrSource),
                       ("page_2019.xml", PageXmlSource)):
        disguised = tmp_path / f"{name}.bin"
        shutil.copy(OCR / name, disguised)
        assert isinstance(open_source(disguised), kind)


# --- safety and failures ------------------------------------------------------------------


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    return secret


def test_external_entity_is_never_expanded(tmp_path):
    secret = _secret(tmp_path)
    doctype = (f'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">'
               f'<!ENTITY s SYSTEM "file://{secret}">]>')
    page = (OCR / "page_2013.xml").read_text(encoding="utf-8")
    page = page.replace("<PcGts", doctype + "\n<PcGts", 1).replace(
        "<Unicode>fair</Unicode>", "<Unicode>&e;&s;fair</Unicode>", 1)
    evil_page = tmp_path / "evil_page.xml"
    evil_page.write_text(page, encoding="utf-8")
    text = " ".join(w.text for w in open_source(evil_page).page(1).words)
    assert "root:" not in text and "TOP-SECRET" not in text
    alto = (OCR / "alto_v4_mm10.xml").read_text(encoding="utf-8")
    alto = alto.replace("<alto", doctype + "\n<alto", 1).replace(
        'CONTENT="Fishing"', 'CONTENT="&s;"', 1)
    evil_alto = tmp_path / "evil_alto.xml"
    evil_alto.write_text(alto, encoding="utf-8")
    with pytest.raises(FormatError, match="evil_alto.xml"):  # an entity in an attribute
        open_source(evil_alto)
    hocr = (OCR / "tesseract.hocr").read_text(encoding="utf-8")
    hocr = re.sub(r"<!DOCTYPE[^>]*>", doctype, hocr, count=1).replace(">Trains<", ">&s;Trains<", 1)
    evil_hocr = tmp_path / "evil.hocr"
    evil_hocr.write_text(hocr, encoding="utf-8")
    text = " ".join(w.text for w in open_source(evil_hocr).page(1).words)
    assert "TOP-SECRET" not in text


def test_entity_bomb_is_refused_at_once(tmp_path):
    """A "billion laughs" file: ten levels of ten-fold entities would be 3 GB of text."""
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    alto = (OCR / "alto_v4_mm10.xml").read_text(encoding="utf-8")
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(alto.replace("<alto", f"<!DOCTYPE alto [{entities}]>\n<alto", 1)
                    .replace('CONTENT="Fishing"', 'CONTENT="&l9;"', 1), encoding="utf-8")
    with pytest.raises(FormatError, match="bomb.xml"):
        open_source(bomb)


def test_malformed_xml_names_file_line_and_column(tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text((OCR / "alto_v2_inch1200.xml").read_text(encoding="utf-8")
                   .replace("</TextBlock>", "</TextBlok>", 1), encoding="utf-8")
    with pytest.raises(FormatError, match=r"broken\.xml: malformed XML at line \d+, column \d+"):
        open_source(bad)


@pytest.mark.parametrize("root, found", [
    ('<alto xmlns="http://www.loc.gov/standards/alto/ns-v9#">', "ns-v9#"),
    ('<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19">',
     "2010-03-19"),
    ('<mets xmlns="http://example.org/not-mets">', "not-mets"),
    ('<records xmlns="http://example.org/x">', "records"),
])
def test_unknown_root_or_namespace_is_a_format_error(tmp_path, root, found):
    tag = root[1:root.index(" ")]
    path = tmp_path / "odd.xml"
    path.write_text(f'<?xml version="1.0"?>\n{root}</{tag}>', encoding="utf-8")
    with pytest.raises(FormatError, match=found) as caught:
        open_source(path)
    assert "odd.xml" in str(caught.value)


def test_unknown_measurement_unit_is_a_format_error(tmp_path):
    path = tmp_path / "units.xml"
    path.write_text((OCR / "alto_v4_mm10.xml").read_text(encoding="utf-8")
                    .replace(">mm10<", ">furlong<"), encoding="utf-8")
    with pytest.raises(FormatError, match="furlong"):
        open_source(path)


def test_zero_size_page_and_far_off_boxes_fail_their_page(tmp_path):
    alto = (OCR / "alto_v4_mm10.xml").read_text(encoding="utf-8")
    zero = tmp_path / "zero.xml"
    zero.write_text(alto.replace('WIDTH="2100" HEIGHT="2970"', 'WIDTH="0" HEIGHT="2970"'),
                    encoding="utf-8")
    with pytest.raises(PageError, match=r"zero\.xml: Page P1: zero-size page"):
        open_source(zero).page(1)
    far = tmp_path / "far.xml"
    far.write_text(alto.replace('HPOS="1100" VPOS="400" WIDTH="154"',
                                'HPOS="91100" VPOS="400" WIDTH="154"', 1), encoding="utf-8")
    doc = layout.reconstruct(far)
    assert isinstance(doc.pages[0], PageFailure)
    assert "far.xml" in doc.pages[0].error and "String S1 " in doc.pages[0].error


# --- METS ---------------------------------------------------------------------------------


def _mets(tmp_path: Path, pages: list[tuple[str, int]], logical: str = "") -> Path:
    """A small METS file: ALTO files (href, ORDER) in that file order, and a logical map."""
    files = "".join(f'<mets:file ID="F{i}" MIMETYPE="text/xml"><mets:FLocat LOCTYPE="URL" '
                    f'xlink:href="{href}"/></mets:file>' for i, (href, _) in enumerate(pages))
    divs = "".join(f'<mets:div TYPE="page" ORDER="{order}"><mets:fptr><mets:area FILEID="F{i}" '
                   f'BEGIN="P1"/></mets:fptr></mets:div>' for i, (_, order) in enumerate(pages))
    path = tmp_path / "issue-METS.xml"
    path.write_text(
        '<?xml version="1.0"?><mets:mets xmlns:mets="http://www.loc.gov/METS/" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"><mets:fileSec>'
        '<mets:fileGrp ID="IMAGES" USE="image"><mets:file ID="IMG" MIMETYPE="image/jp2">'
        '<mets:FLocat xlink:href="file://./scan.jp2"/></mets:file></mets:fileGrp>'
        f'<mets:fileGrp USE="Text">{files}</mets:fileGrp></mets:fileSec>'
        f'<mets:structMap TYPE="PHYSICAL"><mets:div TYPE="issue">{divs}</mets:div>'
        f'</mets:structMap><mets:structMap TYPE="LOGICAL">{logical}</mets:structMap></mets:mets>',
        encoding="utf-8")
    return path


def test_mets_pages_follow_the_physical_order(tmp_path):
    for name in ("alto_v4_mm10.xml", "alto_v2_inch1200.xml"):
        shutil.copy(OCR / name, tmp_path / name)
    mets = _mets(tmp_path, [("file://./alto_v4_mm10.xml", 2), ("alto_v2_inch1200.xml", 1)])
    source = open_source(mets)
    assert isinstance(source, MetsSource) and source.page_count == 2
    assert source.page(1).width == pytest.approx(2550)  # ORDER 1: the inch1200 letter page
    assert source.page(2).width == pytest.approx(2100 * MM10)
    assert is_issue(mets) and not is_issue(OCR / "alto_v2_inch1200.xml")


def test_missing_mets_page_fails_alone(tmp_path):
    shutil.copy(OCR / "alto_v2_inch1200.xml", tmp_path / "p1.xml")
    mets = _mets(tmp_path, [("file://./p1.xml", 1), ("file://./gone/p2.xml", 2)])
    doc = layout.reconstruct(mets)
    assert isinstance(doc.pages[0], Layout)
    assert isinstance(doc.pages[1], PageFailure)
    assert "issue-METS.xml" in doc.pages[1].error and "gone/p2.xml" in doc.pages[1].error
    (tmp_path / "p1.xml").unlink()
    with pytest.raises(InputError, match="issue-METS.xml"):
        open_source(mets)


def test_mets_truth_from_the_logical_map(tmp_path):
    shutil.copy(OCR / "alto_v4_mm10.xml", tmp_path / "p1.xml")
    logical = (
        '<mets:div TYPE="Newspaper"><mets:div TYPE="ARTICLE" ID="art1">'
        '<mets:div TYPE="HEADING"><mets:div TYPE="TITLE"><mets:fptr>'
        '<mets:area FILEID="F0" BEGIN="TB_h"/></mets:fptr></mets:div></mets:div>'
        '<mets:div TYPE="BODY"><mets:div TYPE="PARAGRAPH"><mets:fptr>'
        '<mets:area FILEID="F0" BEGIN="TB_a"/></mets:fptr></mets:div>'
        '<mets:div TYPE="PARAGRAPH"><mets:fptr><mets:area FILEID="F0" BEGIN="TB_b"/>'
        '</mets:fptr></mets:div></mets:div></mets:div>'
        '<mets:div TYPE="ADVERTISEMENT" ID="ad1"><mets:fptr><mets:area FILEID="F0" '
        'BEGIN="CB_pic"/></mets:fptr></mets:div></mets:div>')
    mets = _mets(tmp_path, [("p1.xml", 1)], logical)
    [page] = load_truth(mets)  # dispatches on XML content
    assert page.number == 1 and page.source == "p1.xml"
    [article] = page.articles  # the advertisement has no text: no entry
    assert article.kind == "story" and article.headline == "Harbour reopens"
    assert article.text[0].startswith("The old harbour") and "of re-\npairs" in article.text[0]
    assert article.text[1].endswith("sails on Friday.")
    html = layout.reconstruct(mets).to_html()
    scores = score_html(html, page)
    assert (scores.coverage, scores.flow, scores.order, scores.headline) == (1, 1, 1, 1)


# --- real issues, shuffled and renamed ----------------------------------------------------

# Means over the pages with scored text (coverage, flow, order, story_f1), measured on these
# copies (the same for every shuffling seed tried: 1, 2, 3, 7) and set a little below; order
# and story_f1 with more room, as they move with every change to the stories stage. EZR's
# METS reads the right column before the left on pages 1 and 3-6 (page 1 opens with the
# "Ausland." heading at the top of the left column), which caps its order near 0.6.
# bench/archive.py gives the full report.
THRESHOLDS = {  # measured at stop 26 (coverage, flow, order, story_f1) in the comments
    "bnf_legaulois_1882-02-08": (0.98, 0.97, 0.96, 0.88),  # 0.997 0.994 0.989 0.931
    "bnl_luxzeit_1858-12-07": (0.98, 0.97, 0.97, 0.93),  # 0.997 0.995 1.000 0.978
    "rero_BLB_1845-12-28": (0.97, 0.96, 0.96, 0.88),  # 0.991 0.981 0.993 0.933
    "rero_EZR_1840-02-21": (0.97, 0.96, 0.55, 0.86),  # 0.992 0.984 0.582 0.912
}


@pytest.mark.parametrize("issue", sorted(THRESHOLDS))
def test_real_issue_read_from_shuffled_renamed_alto(issue, tmp_path):
    original = next(p for p in (ISSUES / issue).glob("*.xml") if is_issue(p))
    mets = scramble_issue(original, tmp_path, seed=7)
    truth = load_mets_truth(mets)

    def texts(pages):
        return [(a.kind, a.headline, a.text) for p in pages for a in p.articles]

    assert texts(truth) == texts(load_mets_truth(original))  # same blocks, other names
    html = layout.reconstruct(mets).to_html()
    scores = [score_html(html, truth, page=p.number) for p in truth]
    means = mean_scores([s for s in scores if s.chunks])
    got = tuple(round(means[k], 3) for k in ("coverage", "flow", "order", "story_f1"))
    assert all(g >= t for g, t in zip(got, THRESHOLDS[issue])), (issue, got)


def test_a_title_set_on_lines_of_several_sizes_heads_its_story_whole(tmp_path):
    """``OUVERTURE`` / ``DU`` / ``PARLEMENT ANGLAIS`` (Le Gaulois 1882, page 2): the two small
    lines centred over the large one open the headline, as the library's map has it; they are
    not the last lines of the story above."""
    original = next(p for p in (ISSUES / "bnf_legaulois_1882-02-08").glob("*.xml") if is_issue(p))
    mets = scramble_issue(original, tmp_path, seed=7)
    page = next(p for p in load_mets_truth(mets) if p.number == 2)
    [article] = [a for a in page.articles if "PARLEMENT ANGLAIS" in (a.headline or "")]
    headings = re.findall(r"<h\d[^>]*>([^<]*)</h\d>", layout.reconstruct(mets, pages=[2]).to_html())
    assert " ".join(article.headline.split()) in headings


ARCHIVES = ROOT / "fixtures" / "archives"
# every page file of the real issues with a transcription (the NZZ's PAGE files have none)
PAGE_FILES = sorted(p for folder in (ISSUES, ARCHIVES) for p in folder.rglob("*.xml")
                    if not is_issue(p) and open_source(p).page(1).words)


def _characters(text: str) -> Counter:
    """The characters of a text, but spaces and hyphens (undone hyphenation takes them out)."""
    return Counter(c for c in text if not c.isspace() and c not in "-\u00ad\u2010")


def _texts(node):
    """Every text and caption string of our JSON, depth first."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from [value] if key in ("text", "caption") and isinstance(value, str) else _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_every_character_of_a_real_archive_page_is_in_the_output_once(path):
    """Whatever the stages decide (furniture, titles joined, lines cut or rejoined), no word
    of the OCR file is lost or repeated: the JSON holds every character once."""
    source = open_source(path)
    words = "".join(w.text for n in range(1, source.page_count + 1) for w in source.page(n).words)
    out = json.loads(layout.reconstruct(path).render("json"))
    assert words and _characters("".join(_texts(out))) == _characters(words)


def test_cli_converts_a_mets_issue_page_by_page_and_scores_one(tmp_path, capsys):
    mets = next((ISSUES / "rero_BLB_1845-12-28").glob("*-METS.xml"))
    out = tmp_path / "out"
    assert main(["convert", str(mets), "-o", f"{out}/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [f"{mets.stem}-p{n:04d}.html"
                                                     for n in range(1, 6)]
    capsys.readouterr()
    assert main(["evaluate", str(out / f"{mets.stem}-p0003.html"), str(mets), "--page", "3"]) == 0
    line = capsys.readouterr().out
    assert float(line.split()[1]) >= 0.9, line
    one = tmp_path / "issue.html"
    assert main(["convert", str(mets), "-o", str(one)]) == 0
    assert one.read_text(encoding="utf-8").count('<section class="page"') == 5


def alto_line(y: int, words: list[tuple[str, int]], style: str = "") -> str:
    """An ALTO TextLine at height y: words (text, box height) 30 px a letter, 20 px apart."""
    x, strings, ref = 100, [], f' STYLEREFS="{style}"' if style else ""
    for text, height in words:
        strings.append(f'<String CONTENT="{text}" HPOS="{x}" VPOS="{y}" WIDTH="{30 * len(text)}" '
                       f'HEIGHT="{height}"{ref}/>')
        x += 30 * len(text) + 20
    return f'<TextLine HPOS="100" VPOS="{y}" WIDTH="{x - 120}" HEIGHT="40">{"".join(strings)}</TextLine>'


def test_alto_line_in_capitals_is_sized_by_its_type_not_its_capital_height(tmp_path):
    """OCR boxes hug the ink: a word in capitals has no descender, so a title set in capitals
    at the body size is boxed about 0.7 as tall as the body's words. Its size is the type's."""
    body = [alto_line(100 + 50 * i, [("going", 40), ("quickly", 40), ("an", 26), ("by", 40)])
            for i in range(6)]  # boxed to the ink: "an" has neither ascender nor descender
    title = alto_line(420, [("SHIPPING", 28), ("NEWS.", 28)])
    path = tmp_path / "capitals.xml"
    path.write_text(
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Layout><Page WIDTH="1500" '
        'HEIGHT="1000" PHYSICAL_IMG_NR="1"><PrintSpace><TextBlock HPOS="100" VPOS="100" '
        f'WIDTH="800" HEIGHT="400">{"".join(body)}{title}</TextBlock></PrintSpace></Page></Layout></alto>',
        encoding="utf-8")
    words = words_by_text(path)
    assert words["SHIPPING"].size == pytest.approx(words["going"].size, rel=0.1)


def test_alto_lines_without_word_boxes_tell_from_their_heights_whether_boxed_to_the_ink(tmp_path):
    """A TextLine holding one String of its whole text (eScriptorium or Transkribus lines not
    cut into words) has no words to compare. Its lines do: boxed to the ink, lines of
    lower-case text with no letter below the baseline are shorter than those with one, and a
    title in capitals is sized by its type, as on a page with word boxes. Lines boxed at one
    height say nothing of the kind, and the title keeps its box's height."""
    def page(descending: int, level: int, capitals: int) -> dict:
        rows = [("going up quickly by", descending), ("the acme was over there", level)] * 5
        lines = [alto_line(100 + 50 * i, [(text, height)]) for i, (text, height) in enumerate(rows)]
        path = tmp_path / f"lines{level}.xml"
        path.write_text(
            '<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Layout><Page WIDTH="1500" '
            'HEIGHT="1000" PHYSICAL_IMG_NR="1"><PrintSpace><TextBlock HPOS="100" VPOS="100" '
            f'WIDTH="800" HEIGHT="700">{"".join(lines)}{alto_line(700, [("SHIPPING NEWS.", capitals)])}'
            '</TextBlock></PrintSpace></Page></Layout></alto>', encoding="utf-8")
        return words_by_text(path)

    inked = page(40, 31, 28)
    assert inked["SHIPPING NEWS."].size == pytest.approx(inked["going up quickly by"].size, rel=0.1)
    even = page(40, 40, 28)
    assert even["SHIPPING NEWS."].size == pytest.approx(28, rel=0.05)


def test_alto_title_with_no_letter_below_the_baseline_keeps_its_style_size(tmp_path):
    """"Tweede Kamer." in bold 11 pt over 9 pt text (KB, 1876): no letter reaches below its
    baseline, so its box is about 0.7 of its type tall, 30 px for 46 px type. That does not
    put its style's size in doubt; a line with descenders that short would."""
    body = [alto_line(100 + 45 * i, [("going", 38), ("quickly", 38), ("an", 26), ("by", 38)], "B")
            for i in range(6)]  # boxed to the ink: "an" has neither ascender nor descender
    short = alto_line(400, [("gone", 20), ("by", 20), ("quickly", 20)], "B")  # descenders, 20 px
    path = tmp_path / "title.xml"
    path.write_text(
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Styles>'
        '<TextStyle ID="B" FONTSIZE="9" FONTFAMILY="Times"/>'
        '<TextStyle ID="T" FONTSIZE="11" FONTFAMILY="Times" FONTSTYLE="bold"/></Styles>'
        '<Layout><Page WIDTH="1500" HEIGHT="1000" PHYSICAL_IMG_NR="1"><PrintSpace>'
        f'<TextBlock HPOS="100" VPOS="30" WIDTH="800" HEIGHT="40">{alto_line(30, [("Tweede", 30), ("Kamer.", 30)], "T")}'
        f'</TextBlock><TextBlock HPOS="100" VPOS="100" WIDTH="800" HEIGHT="400">{"".join(body)}{short}'
        '</TextBlock></PrintSpace></Page></Layout></alto>', encoding="utf-8")
    words = words_by_text(path)
    assert words["Tweede"].size == pytest.approx(11 * PT, rel=1e-3)
    assert words["gone"].size != pytest.approx(9 * PT, rel=1e-3)


def _one_line_alto(tmp_path: Path, strings: str, line: str = 'HPOS="100" VPOS="100" WIDTH="900" '
                   'HEIGHT="40"') -> Path:
    """An ALTO v2 page 1000 x 1000 px holding one TextLine of the given Strings (and HYPs)."""
    path = tmp_path / "line.xml"
    path.write_text(
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Layout><Page ID="P1" '
        'WIDTH="1000" HEIGHT="1000"><PrintSpace><TextBlock ID="B1">'
        f'<TextLine ID="L1" {line}>{strings}</TextLine></TextBlock></PrintSpace></Page>'
        '</Layout></alto>', encoding="utf-8")
    return path


def _string(sid: str, text: str, hpos: str, extra: str = "") -> str:
    return (f'<String ID="{sid}" CONTENT="{text}" HPOS="{hpos}" VPOS="100" WIDTH="80" '
            f'HEIGHT="40"{extra}/>')


def test_alto_boxes_a_little_off_the_page_are_clipped_far_off_or_missing_fail(tmp_path):
    """Every word box is checked against the page (``ocr.PageBounds``): up to a tenth of the
    page beyond an edge it is clipped to the page, further it fails the page naming the word;
    so does a word without coordinates, and a TextLine far off whose words lie inside."""
    near = _one_line_alto(tmp_path, _string("S1", "edge", "950") + _string("S2", "left", "-60"))
    words = {w.text: w for w in open_source(near).page(1).words}
    assert (words["edge"].box.x0, words["edge"].box.x1) == (950, 1000)  # 950 + 80, clipped
    assert (words["left"].box.x0, words["left"].box.x1) == (0, 20)
    far = _one_line_alto(tmp_path, _string("S1", "away", "1200") + _string("S2", "in", "100"))
    with pytest.raises(PageError,
                       match=r"String S1 at \[1200.0, 100.0, 1280.0, 140.0\] px lies far outside"):
        open_source(far).page(1)
    missing = _one_line_alto(tmp_path, _string("S1", "in", "100") + '<String ID="S2" '
                             'CONTENT="nowhere" VPOS="100" WIDTH="80" HEIGHT="40"/>')
    with pytest.raises(PageError, match=r"String S2 has no \(finite\) coordinates"):
        open_source(missing).page(1)
    huge = _one_line_alto(tmp_path, _string("S1", "in", "100", ' SUBS_TYPE="x"').replace(
        'WIDTH="80"', 'WIDTH="1e308"').replace('HPOS="100"', 'HPOS="1e308"'))
    with pytest.raises(PageError, match=r"String S1 has no \(finite\) coordinates"):
        open_source(huge).page(1)  # 1e308 + 1e308 overflows: no finite right edge
    line_off = _one_line_alto(tmp_path, _string("S1", "in", "100"),
                              line='HPOS="100" VPOS="90" WIDTH="900" HEIGHT="5000"')
    with pytest.raises(PageError, match=r"TextLine L1 at .* lies far outside"):
        open_source(line_off).page(1)


def test_alto_hyp_marks_the_string_before_it_only(tmp_path):
    """A HYP element breaks the String before it (spaces between do not matter); one before
    any String, or a second one, breaks nothing more."""
    path = _one_line_alto(tmp_path, '<HYP CONTENT="-"/>' + _string("S1", "some", "100")
                          + '<SP WIDTH="10"/>' + _string("S2", "re", "200")
                          + '<SP WIDTH="5"/><HYP CONTENT="-"/><HYP CONTENT="-"/>')
    assert [w.text for w in open_source(path).page(1).words] == ["some", "re-"]


def test_alto_line_of_a_skewed_scan_stays_one_line_stacked_lines_are_split(tmp_path):
    """A TextLine of a skewed scan climbs by more than its height from end to end (BL, 1832:
    "power in the Government of the Country" rises 35 px over 40 px tall words), yet its words
    follow one another across: it is one printed line. A TextLine whose words stand over one
    another holds several printed lines (RERO's EZR of 1840) and is split into them."""
    climbing = "".join(f'<String ID="S{k}" CONTENT="w{k}" HPOS="{100 + 110 * k}" VPOS="{200 - 12 * k}" '
                       f'WIDTH="80" HEIGHT="40"/>' for k in range(6))
    skewed = {w.text: w.source_line for w in open_source(_one_line_alto(tmp_path, climbing)).page(1).words}
    assert len(skewed) == 6 and len(set(skewed.values())) == 1
    stacked = "".join(f'<String ID="S{k}" CONTENT="w{k}" HPOS="{100 + 110 * (k % 3)}" '
                      f'VPOS="{100 + 60 * (k // 3)}" WIDTH="80" HEIGHT="40"/>' for k in range(6))
    lines = {w.text: w.source_line for w in open_source(_one_line_alto(tmp_path, stacked)).page(1).words}
    assert lines["w0"] == lines["w2"] != lines["w3"] == lines["w5"]


def _body_alto(path: Path, lines: list[str], after: str = "") -> Path:
    """An ALTO v2 page 1500 x 1000 px: a TextBlock of ``lines`` (``alto_line``) from y = 100,
    then ``after`` (more blocks), written to ``path``."""
    path.write_text(
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Layout><Page WIDTH="1500" '
        'HEIGHT="1000" PHYSICAL_IMG_NR="1"><PrintSpace><TextBlock HPOS="100" VPOS="100" '
        f'WIDTH="800" HEIGHT="330">{"".join(lines)}</TextBlock>{after}</PrintSpace></Page></Layout></alto>',
        encoding="utf-8")
    return path


def test_alto_title_boxed_flat_takes_the_height_of_its_one_line_block(tmp_path):
    """KB's OCR boxes a centred title ("SPANJEN.") 2 px tall, its TextLine too, in a TextBlock
    of its own as tall as a line: the title is read at its block's height, the body's size,
    not as a 2 px speck."""
    body = [alto_line(100 + 40 * i, [("going", 33), ("quickly", 33), ("by", 33)]) for i in range(8)]
    title = ('<TextBlock HPOS="100" VPOS="440" WIDTH="800" HEIGHT="33"><TextLine HPOS="100" '
             'VPOS="468" WIDTH="800" HEIGHT="2"><String CONTENT="SPANJEN." HPOS="100" VPOS="468" '
             'WIDTH="800" HEIGHT="2"/></TextLine></TextBlock>')
    words = words_by_text(_body_alto(tmp_path / "flat.xml", body, title))
    assert (words["SPANJEN."].box.y0, words["SPANJEN."].box.y1) == (440, 473)
    assert words["SPANJEN."].size == pytest.approx(words["going"].size, rel=0.1)


def test_alto_line_stretched_by_a_speck_keeps_its_place_among_the_lines(tmp_path):
    """The OCR read a mark 4 lines tall into a TextLine ('-&"' at the start of "few tons of
    measurement goods", BL's 1832 Liverpool Standard), boxing the line from above the line
    printed over it: the line keeps its words' top and bottom, and is read after that line."""
    lines = [alto_line(100 + 40 * i, [(f"line{i}", 33), ("goes", 33), ("on", 33)])
             for i in range(8)]
    speck = '<String CONTENT="~&amp;" HPOS="40" VPOS="150" WIDTH="50" HEIGHT="130"/>'
    lines[3] = lines[3].replace('VPOS="220" WIDTH', 'VPOS="150" WIDTH', 1).replace(
        'HEIGHT="40">', f'HEIGHT="160">{speck}')
    path = _body_alto(tmp_path / "speck.xml", lines)
    words = words_by_text(path)
    assert (words["line3"].box.y0, words["line3"].box.y1) == (220, 253)
    text = " ".join(layout.reconstruct(path).to_text().split())
    assert re.search(r"line2 goes on ~& ?line3 goes on line4", text), text
