"""The archive truth formats (CCS METS, KB DIDL, BL METS, NewsEye PAGE), the DIDL input, the
one href resolver, and each new format converted and scored.

The real samples are the copies in ``fixtures/archives`` (see its README); the expected counts,
kinds, titles and texts below were read off those files by hand. Small hand-made METS files
over ``fixtures/ocr/alto_v4_mm10.xml`` cover what the samples lack (captions of tables and
illustrations, kickers, composed blocks, BL ads, captions and partial word ranges).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from scramble import scramble_issue

import layout
from layout.analysis.lines import build_lines
from layout.cli import main
from layout.errors import FormatError, InputError, PageError
from layout.evaluate import load_truth, mean_scores, score_html
from layout.model import Box, Layout, PageFailure, Word
from layout.params import Params
from layout.sources import is_issue
from layout.sources.didl import DidlSource, RecoveredXmlWarning
from layout.sources.hrefs import resolve_inside
from layout.sources.mets import MetsSource
from layout.sources.pagexml import PageXmlSource, polygon_box
from layout.truth.newseye import custom_fields, load_newseye_truth

ROOT = Path(__file__).resolve().parent.parent
ARCHIVES = ROOT / "fixtures" / "archives"
GRONINGEN = ARCHIVES / "kb_groningen-advertentieblad_1813-11-16" / "didl.xml"
COLORED = ARCHIVES / "bl_colorednews_1855-09-22" / "0002244_18550922_mets.xml"
MATIN = ARCHIVES / "newseye_fr_1884-03-15" / "18840315_1-0004.xml"
NZZ = ARCHIVES / "newseye_nzz_1812-1815" / "0033_nzz_18120804_0_0_a1_p1_1.xml"
ALTO = ROOT / "fixtures" / "ocr" / "alto_v4_mm10.xml"
PAGE_NS = "{http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15}"

# Delpher's didl.xml is malformed on purpose (undeclared xsi:); the warning is tested below.
pytestmark = pytest.mark.filterwarnings("ignore::layout.sources.didl.RecoveredXmlWarning")


def articles(pages):
    """(page, id, kind, headline) of every article of the truth, in order."""
    return [(p.number, a.id, a.kind, a.headline) for p in pages for a in p.articles]


def body(page, article_id):
    """The body text of one article of a truth page, paragraphs joined by newlines."""
    return "\n".join(next(a for a in page.articles if a.id == article_id).text)


# Means over the pages with scored text (coverage, flow, order, story_f1) of the scrambled
# copies, measured (the same for seeds 1, 2, 3 and 7) and set a little below; order and
# story_f1 with more room, as they move with every change to the stories stage.
THRESHOLDS = {
    GRONINGEN: (0.97, 0.96, 0.96, 0.74),  # measured 1.000 1.000 1.000 0.787 (stop 26)
    # The OCR of this paper is poor: most of its "articles" are fragments of a few words.
    # Its order is a mean over pages, and page 1's rests on 11 chunk pairs (21 of its 48
    # chunks found): one pair moves the issue's order by .02.
    COLORED: (0.62, 0.50, 0.85, 0.62),  # measured 0.679 0.550 0.917 0.685 (stop 26)
    MATIN: (0.97, 0.96, 0.96, 0.93),  # measured 1.000 1.000 1.000 0.989 (stop 26)
}


def assert_scores(html, original):
    """The HTML meets the thresholds of the issue ``original`` against its truth."""
    truth = load_truth(original)
    scores = [score_html(html, truth, page=p.number) for p in truth]
    m = mean_scores([s for s in scores if s.chunks])
    got = tuple(round(m[k], 3) for k in ("coverage", "flow", "order", "story_f1"))
    assert all(g >= t for g, t in zip(got, THRESHOLDS[original])), (original.name, got)


# --- KB DIDL ------------------------------------------------------------------------------


def test_didl_truth_articles_kinds_titles_and_a_part_on_each_page():
    with pytest.warns(RecoveredXmlWarning, match=r"didl\.xml: .*line 10.*xsi"):
        pages = load_truth(GRONINGEN)
    assert [(p.number, p.source) for p in pages] == [(1, "DDD_010179815_001_alto.xml"),
                                                      (2, "DDD_010179815_002_alto.xml")]
    a = "ddd:010179815:mpeg21:a000"
    assert articles(pages) == [
        (1, f"{a}1", "story", None),  # dc:title is its first line, cut off: no headline
        (1, f"{a}2", "story", "EXTRA VERKOOPING."),  # dc:title = its first block
        (2, f"{a}2", "story", None),  # its second part, on page 2
        (2, f"{a}3", "story", None),
        (2, f"{a}4", "ad", None),  # advertentie
    ]
    assert body(pages[0], f"{a}1").startswith("De Notaris HARM JAN VAN BOLHUIS, refide-\n")
    assert body(pages[1], f"{a}2").startswith("V Op MAANDAG den 22 November 1813")


def test_didl_issue_converts_page_by_page_and_scores(tmp_path, capsys):
    copy = scramble_issue(GRONINGEN, tmp_path / "scrambled", seed=7)
    assert is_issue(copy) and isinstance(layout.sources.open_source(copy), DidlSource)
    assert articles(load_truth(copy)) == articles(load_truth(GRONINGEN))  # IDs followed
    assert_scores(layout.reconstruct(copy).to_html(), GRONINGEN)
    out = tmp_path / "out"
    assert main(["convert", str(copy), "-o", f"{out}/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["didl-p0001.html", "didl-p0002.html"]
    capsys.readouterr()
    assert main(["evaluate", str(out / "didl-p0002.html"), str(GRONINGEN), "--page", "2"]) == 0
    line = capsys.readouterr().out
    assert float(line.split()[1]) >= 0.85, line  # coverage


def test_didl_missing_alto_fails_its_page_and_its_truth_only(tmp_path):
    folder = tmp_path / "issue"
    shutil.copytree(GRONINGEN.parent, folder)
    (folder / "DDD_010179815_002_alto.xml").unlink()
    doc = layout.reconstruct(folder / "didl.xml")
    assert isinstance(doc.pages[0], Layout) and isinstance(doc.pages[1], PageFailure)
    assert "didl.xml: page 2: missing ALTO file 'DDD_010179815_002_alto.xml'" in doc.pages[1].error
    assert [p.number for p in load_truth(folder / "didl.xml")] == [1]


def test_didl_alto_outside_its_folder_is_refused(tmp_path):
    folder = tmp_path / "issue"
    shutil.copytree(GRONINGEN.parent, folder)
    shutil.copy(folder / "DDD_010179815_002_alto.xml", tmp_path / "outside.xml")
    didl = folder / "didl.xml"
    didl.write_text(didl.read_text(encoding="utf-8").replace(
        'dcx:filename="DDD_010179815_002_alto.xml"', 'dcx:filename="../outside.xml"'),
        encoding="utf-8")
    with pytest.raises(PageError, match=r"page 2: href '\.\./outside\.xml' is outside the "
                                        r"issue's folder"):
        DidlSource(didl).page(2)


def test_didl_truth_naming_an_unknown_block_is_a_format_error(tmp_path):
    folder = tmp_path / "issue"
    shutil.copytree(GRONINGEN.parent, folder)
    didl = folder / "didl.xml"
    didl.write_text(didl.read_text(encoding="utf-8").replace(
        '<dcx:TextBlock ID="P1_TB00006"/>', '<dcx:TextBlock ID="P1_TB09999"/>'), encoding="utf-8")
    with pytest.raises(FormatError, match=r"didl\.xml: article ddd:010179815:mpeg21:a0001: "
                                          r"TextBlock 'P1_TB09999' is not in"):
        load_truth(didl)


# --- British Library METS -----------------------------------------------------------------


def test_bl_truth_from_links_to_page_areas():
    pages = load_truth(COLORED)
    assert [p.number for p in pages] == [1, 2, 3, 4]
    found = articles(pages)
    assert len({article for _, article, _, _ in found}) == 77  # the ARTICLE divs
    assert {kind for _, _, kind, _ in found} == {"story"}  # no ADVERT in this issue
    assert [page for page, article, _, _ in found if article == "art0012"] == [1, 2]
    assert len(pages[2].articles) == 5  # page 3: nearly all picture
    bankers = next(a for a in pages[3].articles if a.id == "art0071")
    assert bankers.headline == "THE BANKRUPT BANKERS"  # its Headline page area
    assert bankers.text[0].startswith("On Wedgesday William Strahan, Robert Afakin\nBates")


def test_bl_issue_is_read_by_the_mets_source_and_scores(tmp_path, capsys):
    copy = scramble_issue(COLORED, tmp_path / "scrambled", seed=7)
    source = layout.sources.open_source(copy)
    assert isinstance(source, MetsSource) and source.page_count == 4  # pagearea divs: no pages
    assert [(p.number, a.text) for p in load_truth(copy) for a in p.articles] == [
        (p.number, a.text) for p in load_truth(COLORED) for a in p.articles]
    assert_scores(layout.reconstruct(copy).to_html(), COLORED)
    out = tmp_path / "out"
    assert main(["convert", str(copy), "-o", f"{out}/"]) == 0
    capsys.readouterr()
    page4 = out / f"{copy.stem}-p0004.html"
    assert main(["evaluate", str(page4), str(COLORED), "--page", "4"]) == 0
    assert float(capsys.readouterr().out.split()[1]) >= 0.6


def _alto_issue(tmp_path: Path, structure: str, logical: str, links: str = "") -> Path:
    """A one-page METS issue over a copy of the hand-made ALTO page: a physical page div with
    the given inner ``structure``, a logical structMap and a structLink."""
    shutil.copy(ALTO, tmp_path / "p1.xml")
    path = tmp_path / "issue_mets.xml"
    path.write_text(
        '<?xml version="1.0"?><mets:mets xmlns:mets="http://www.loc.gov/METS/" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"><mets:fileSec><mets:fileGrp USE="Fulltext">'
        '<mets:file ID="F1" MIMETYPE="text/xml"><mets:FLocat xlink:href="p1.xml"/></mets:file>'
        '</mets:fileGrp></mets:fileSec><mets:structMap TYPE="LOGICAL">'
        f'{logical}</mets:structMap><mets:structMap TYPE="PHYSICAL">'
        f'<mets:div ID="phys1" TYPE="page" ORDER="1"><mets:fptr FILEID="F1"/>{structure}</mets:div>'
        f'</mets:structMap><mets:structLink>{links}</mets:structLink></mets:mets>',
        encoding="utf-8")
    return path


def _area(div_id: str, label: str, begin: str, end: str) -> str:
    return (f'<mets:div ID="{div_id}" TYPE="pagearea" LABEL="{label}"><mets:fptr><mets:area '
            f'FILEID="F1" BETYPE="IDREF" BEGIN="{begin}" END="{end}"/></mets:fptr></mets:div>')


def _link(source: str, *targets: str) -> str:
    locators = "".join(f'<mets:smLocatorLink xlink:href="#{t}" xlink:label="l{t}"/>'
                       for t in (source, *targets))
    arcs = "".join(f'<mets:smArcLink xlink:from="l{source}" xlink:to="l{t}"/>' for t in targets)
    return f"<mets:smLinkGrp>{locators}{arcs}</mets:smLinkGrp>"


def test_bl_word_ranges_labels_adverts_and_whole_page_links(tmp_path):
    structure = (_area("pa1", "Headline", "S23", "S24")
                 + _area("pa2", "Textblock", "S26", "S52")
                 + _area("pa3", "Caption", "S2", "S9")  # parts of two lines of a block
                 + _area("pa4", "Illustration", "S8", "S21")
                 + _area("pa5", "Advertisement", "S8", "S21"))
    logical = ('<mets:div TYPE="ISSUE"><mets:div ID="art1" TYPE="ARTICLE"/>'
               '<mets:div ID="ad1" TYPE="ADVERT"/><mets:div ID="art2" TYPE="ARTICLE"/></mets:div>')
    links = _link("art1", "pa1", "pa2", "pa3", "pa4") + _link("ad1", "pa5") + _link("art2", "phys1")
    [page] = load_truth(_alto_issue(tmp_path, structure, logical, links))
    story, ad = page.articles  # art2 links a whole page: it names no text
    assert (story.id, story.kind, story.headline) == ("art1", "story", "Harbour reopens")
    assert story.text == ("The old harbour opened again on\nMonday after a long winter of re-\n"
                          "pairs to the stone quay and the\nlighthouse, said the mayor.",)
    assert story.captions == ("boats will return by the\nend of",)  # the Illustration: no text
    assert (ad.id, ad.kind, ad.text) == ("ad1", "ad", ("end of the month, and the ferry\n"
                                                       "to the islands sails on Friday.",))


def test_mets_page_divs_holding_page_area_divs_keep_their_order(tmp_path):
    """BL nests a div per page area in each page div; the pages still sort by ORDER."""
    shutil.copy(ROOT / "fixtures" / "ocr" / "alto_v2_inch1200.xml", tmp_path / "p2.xml")
    mets = _alto_issue(tmp_path, _area("pa1", "Textblock", "S26", "S52"), "")
    text = mets.read_text(encoding="utf-8")
    second = ('<mets:div ID="phys0" TYPE="page" ORDER="0"><mets:fptr FILEID="F2"/>'
              '<mets:div ID="pa2" TYPE="pagearea"><mets:fptr><mets:area FILEID="F2" BEGIN="x" '
              'END="x"/></mets:fptr></mets:div></mets:div>')
    mets.write_text(text.replace('</mets:structMap><mets:structLink>',  # after page 1
                                 f'{second}</mets:structMap><mets:structLink>').replace(
        "</mets:file>", '</mets:file><mets:file ID="F2" MIMETYPE="text/xml"><mets:FLocat '
        'xlink:href="p2.xml"/></mets:file>', 1), encoding="utf-8")
    source = MetsSource(mets)
    assert source.page_count == 2
    assert source.page(1).width == pytest.approx(2550)  # ORDER 0: the inch1200 letter page


def test_bl_word_range_of_unknown_strings_is_a_format_error(tmp_path):
    logical = '<mets:div ID="art1" TYPE="ARTICLE"/>'
    mets = _alto_issue(tmp_path, _area("pa1", "Textblock", "S26", "S999"), logical,
                       _link("art1", "pa1"))
    with pytest.raises(FormatError, match=r"issue_mets\.xml: page area pa1: word range "
                                          r"'S26'\.\.'S999'"):
        load_truth(mets)


# --- CCS METS: what the archives' article maps hold besides paragraphs --------------------


def test_ccs_mets_kicker_captions_of_illustrations_and_composed_blocks(tmp_path):
    alto = ALTO.read_text(encoding="utf-8").replace(  # the right column as a composed block
        '<TextBlock ID="TB_b"', '<ComposedBlock ID="CB_ad" HPOS="1100" VPOS="400" WIDTH="800" '
        'HEIGHT="125"><TextBlock ID="TB_b"').replace(
        "</TextBlock>\n        <TextBlock ID=\"TB_h\"", "</TextBlock></ComposedBlock>\n"
        "        <TextBlock ID=\"TB_h\"")
    logical = (
        '<mets:div TYPE="ARTICLE" ID="art1"><mets:div TYPE="HEADING">'
        '<mets:div TYPE="OVERLINE"><mets:fptr><mets:area FILEID="F1" BEGIN="TB_h"/></mets:fptr>'
        '</mets:div></mets:div><mets:div TYPE="BODY">'
        '<mets:div TYPE="ILLUSTRATION"><mets:div TYPE="IMAGE"><mets:fptr><mets:area FILEID="F1" '
        'BEGIN="CB_pic"/></mets:fptr></mets:div><mets:div TYPE="CAPTION"><mets:fptr>'
        '<mets:area FILEID="F1" BEGIN="TB_a"/></mets:fptr></mets:div></mets:div>'
        '<mets:div TYPE="TABLE"><mets:div TYPE="IMAGE"><mets:fptr><mets:area FILEID="F1" '
        'BEGIN="TB_a"/></mets:fptr></mets:div></mets:div></mets:div></mets:div>'
        '<mets:div TYPE="ADVERTISEMENT" ID="ad1"><mets:fptr><mets:area FILEID="F1" '
        'BEGIN="CB_ad"/></mets:fptr></mets:div>')
    mets = _alto_issue(tmp_path, "", logical)
    (tmp_path / "p1.xml").write_text(alto, encoding="utf-8")
    [page] = load_truth(mets)
    story, ad = page.articles
    assert (story.kicker, story.headline, story.text) == ("Harbour reopens", None, ())
    assert story.captions == ("The old harbour opened again on\nMonday after a long winter of "
                              "re-\npairs to the stone quay and the\nlighthouse, said the mayor.",)
    assert ad.kind == "ad" and ad.text[0].startswith("Fishing boats will return by the\nend")


# --- NewsEye PAGE -------------------------------------------------------------------------


def test_newseye_truth_lines_by_article_in_reading_order():
    [page] = load_truth(MATIN)
    assert (page.number, page.source) == (1, MATIN.name)
    assert [(a.id, a.kind, a.headline) for a in page.articles] == [
        ("a62", "story", None), ("a63", "story", None), ("a64", "story", None)]
    assert [a.text[0] for a in page.articles] == ["SPECTACLES", "BOURSE DE PARIS",
                                                  "DÉPÊCHES MARITIMES"]  # title regions
    assert page.articles[0].text[1].startswith("Opéra, 7.45. DON JUAW.\nThéâtre-Français, 8.")


def test_newseye_order_comes_from_the_indices_not_the_file(tmp_path):
    tree = etree.parse(str(MATIN))
    for region in tree.iter(f"{PAGE_NS}TextRegion"):
        lines = region.findall(f"{PAGE_NS}TextLine")
        for line in lines:
            region.remove(line)
        region.extend(reversed(lines))  # file order reversed, readingOrder indices kept
    reversed_lines = tmp_path / "lines.xml"
    tree.write(str(reversed_lines), encoding="utf-8")
    assert load_truth(reversed_lines) == [replace(p, source="lines.xml") for p in load_truth(MATIN)]
    refs = list(tree.iter(f"{PAGE_NS}RegionRefIndexed"))
    for ref in refs:
        ref.set("index", str(len(refs) - int(ref.get("index"))))  # regions read backwards
    tree.write(str(reversed_lines), encoding="utf-8")
    [page] = load_truth(reversed_lines)
    assert [a.id for a in page.articles] == ["a64", "a63", "a62"]


def test_newseye_page_converts_also_without_word_elements(tmp_path):
    copy = scramble_issue(MATIN, tmp_path / "scrambled", seed=7)
    text = copy.read_text(encoding="utf-8")
    assert "custom=" not in text and "ReadingOrder" not in text  # no truth left in the input
    assert_scores(layout.reconstruct(copy).to_html(), MATIN)
    tree = etree.parse(str(copy))
    for word in list(tree.iter(f"{PAGE_NS}Word")):
        word.getparent().remove(word)  # lines with their own TextEquiv only
    lines_only = tmp_path / "lines_only.xml"
    tree.write(str(lines_only), encoding="utf-8")
    page = PageXmlSource(lines_only).page(1)
    assert "SPECTACLES" in {w.text for w in page.words}
    assert_scores(layout.reconstruct(lines_only).to_html(), MATIN)


def test_page_regions_are_source_blocks_whose_words_never_share_a_line(tmp_path):
    """Two regions side by side, a word gap apart: the OCR saw a gutter there."""
    def region(name, x0, text):
        word = (f'<Word id="{name}w"><Coords points="{x0},100 {x0 + 300},100 {x0 + 300},130 '
                f'{x0},130"/><TextEquiv><Unicode>{text}</Unicode></TextEquiv></Word>')
        return (f'<TextRegion id="{name}"><TextLine id="{name}l"><Coords points="{x0},100 '
                f'{x0 + 300},100 {x0 + 300},130 {x0},130"/>{word}</TextLine></TextRegion>')
    page = tmp_path / "page.xml"
    page.write_text(f'<PcGts xmlns="{PAGE_NS[1:-1]}"><Page imageWidth="800" imageHeight="300">'
                    f'{region("r1", 100, "left")}{region("r2", 410, "right")}</Page></PcGts>',
                    encoding="utf-8")
    content = PageXmlSource(page).page(1)
    assert [(w.text, w.source_block) for w in content.words] == [("left", 0), ("right", 1)]
    lines = build_lines(content.words, content.rules, Params())
    assert sorted(line.text for line in lines) == ["left", "right"]


def test_newseye_page_without_transcription_has_nothing_to_score(tmp_path, capsys):
    tree = etree.parse(str(NZZ))
    ids = {custom_fields(line.get("custom")).get("structure", {}).get("id")
           for line in tree.iter(f"{PAGE_NS}TextLine")}
    assert ids - {None} == {"a1", "a2", "a3", "a4", "a5"}  # five articles, by line
    assert load_truth(NZZ)[0].articles == ()  # but no line has text
    [page] = layout.reconstruct(NZZ).pages
    assert isinstance(page, PageFailure) and "no text" in page.error
    out = tmp_path / "nzz.html"
    assert main(["convert", str(MATIN), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["evaluate", str(out), str(MATIN)]) == 0  # one page: no --page needed
    assert float(capsys.readouterr().out.split()[1]) >= 0.8


def test_newseye_lines_without_text_take_the_words_of_an_ocr():
    """An OCR of the page image gives a truth to an untranscribed page: each word goes to the
    line whose box holds its centre, the words of a line in x order."""
    tree = etree.parse(str(NZZ))
    lines = [(custom_fields(line.get("custom")).get("structure", {}).get("id"),
              polygon_box(line, PAGE_NS[1:-1])) for line in tree.iter(f"{PAGE_NS}TextLine")]
    words = [Word("stray", Box(0, 0, 5, 5))]  # on no line
    for i, (_, box) in enumerate(lines):
        words += [Word(f"right{i}", Box(box.cx + 1, box.cy - 1, box.cx + 3, box.cy + 1)),
                  Word(f"left{i}", Box(box.cx - 3, box.cy - 1, box.cx - 1, box.cy + 1))]
    [page] = load_newseye_truth(NZZ, words)
    assert sorted(a.id for a in page.articles) == ["a1", "a2", "a3", "a4", "a5"]
    for article in page.articles:
        text = "\n".join(article.text).split("\n")
        assert sorted(text) == sorted(f"left{i} right{i}" for i, (a, _) in enumerate(lines)
                                      if a == article.id)
    assert "stray" not in "".join(t for a in page.articles for t in a.text)


def test_newseye_ocr_word_between_two_lines_goes_to_the_nearer(tmp_path):
    """Line polygons overlap; a word whose centre lies in two lines is the nearer one's."""
    def line(name, index, y0, y1):
        return (f'<TextLine id="{name}" custom="readingOrder {{index:{index};}} structure '
                f'{{id:{name}; type:article;}}"><Coords points="0,{y0} 500,{y0} 500,{y1} '
                f'0,{y1}"/></TextLine>')
    page = tmp_path / "page.xml"
    page.write_text(f'<PcGts xmlns="{PAGE_NS[1:-1]}"><Page imageWidth="500" imageHeight="300">'
                    f'<TextRegion id="r1">{line("lower", 0, 130, 170)}{line("upper", 1, 100, 140)}'
                    '</TextRegion></Page></PcGts>', encoding="utf-8")
    words = [Word("near", Box(10, 130, 50, 138)), Word("below", Box(10, 160, 50, 168))]
    [truth] = load_newseye_truth(page, words)
    assert {a.id: a.text for a in truth.articles} == {"lower": ("below",), "upper": ("near",)}


def _page_of_lines(tmp_path: Path, lines: list[tuple[str, str, tuple[int, int, int, int]]]) -> Path:
    """A PAGE file of one region holding ``lines`` (article, text, box), indexed in that order."""
    def line(k, article, text, box):
        x0, y0, x1, y1 = box
        return (f'<TextLine id="l{k}" custom="readingOrder {{index:{k};}} structure '
                f'{{id:{article}; type:article;}}"><Coords points="{x0},{y0} {x1},{y0} {x1},{y1} '
                f'{x0},{y1}"/><TextEquiv><Unicode>{text}</Unicode></TextEquiv></TextLine>')
    page = tmp_path / "page.xml"
    page.write_text(f'<PcGts xmlns="{PAGE_NS[1:-1]}"><Page imageWidth="900" imageHeight="400">'
                    '<TextRegion id="r1">' + "".join(line(k, *l) for k, l in enumerate(lines))
                    + '</TextRegion></Page></PcGts>', encoding="utf-8")
    return page


def test_newseye_lines_sorted_by_height_across_columns_are_read_column_by_column(tmp_path):
    """A region round two columns whose lines are indexed by height across them (the NZZ's):
    an article's lines alternate between its columns, each beside the last, and are read
    column by column from the left; another article's lines keep their places."""
    left = [(f"left{k}", (10, 100 + 40 * k, 400, 130 + 40 * k)) for k in range(3)]
    right = [(f"right{k}", (450, 95 + 40 * k, 850, 125 + 40 * k)) for k in range(3)]
    zigzag = [("a1", *line) for pair in zip(right, left) for line in pair]
    [page] = load_truth(_page_of_lines(tmp_path, zigzag + [("a2", "under", (10, 300, 850, 330))]))
    assert [("\n".join(a.text).split("\n"), a.id) for a in page.articles] == [
        (["left0", "left1", "left2", "right0", "right1", "right2"], "a1"), (["under"], "a2")]


def test_newseye_article_from_the_foot_of_the_left_column_to_the_top_of_the_right_reads_left_first(
        tmp_path):
    """Lines indexed by height across two columns: an article starting under its heading low in
    the left column and going on at the top of the right one has its right lines first in the
    region's order, none beside the last; read column by column, the left foot comes first."""
    lines = [("a1", "right0", (450, 100, 850, 130)), ("a2", "other", (10, 100, 400, 130)),
             ("a1", "right1", (450, 140, 850, 170)), ("a1", "Heading.", (100, 260, 300, 290)),
             ("a1", "left0", (10, 300, 400, 330))]
    [page] = load_truth(_page_of_lines(tmp_path, lines))
    assert "\n".join(page.articles[0].text).split("\n") == ["Heading.", "left0", "right0", "right1"]


def test_newseye_line_under_the_last_keeps_its_place_though_it_shares_no_width(tmp_path):
    """A short last line, then a line set to the right under it (a dateline, a signature):
    one under the other, as the region orders them."""
    lines = [("a1", "ends here.", (10, 100, 120, 130)),
             ("a1", "PARIS, 14 mars.", (300, 135, 600, 165)),
             ("a1", "Next line", (10, 170, 600, 200))]
    [page] = load_truth(_page_of_lines(tmp_path, lines))
    assert "\n".join(page.articles[0].text).split("\n") == [text for _, text, _ in lines]


def test_custom_attribute_fields():
    assert custom_fields("readingOrder {index:0;} structure {id:a1; type:article;}") == {
        "readingOrder": {"index": "0"}, "structure": {"id": "a1", "type": "article"}}
    assert custom_fields(None) == {} and custom_fields("junk") == {}


# --- load_truth dispatch ------------------------------------------------------------------


def test_unknown_xml_truth_is_a_format_error(tmp_path):
    path = tmp_path / "odd.xml"
    path.write_text('<?xml version="1.0"?><records xmlns="http://example.org/x"/>',
                    encoding="utf-8")
    with pytest.raises(FormatError, match=r"odd\.xml: XML root <records>.*no ground truth"):
        load_truth(path)


# --- hrefs --------------------------------------------------------------------------------


@pytest.fixture
def issue_folder(tmp_path):
    """An issue folder holding ALTO/Page 1.xml, a secret file beside it and a link leading out."""
    folder = tmp_path / "issue"
    (folder / "ALTO").mkdir(parents=True)
    (folder / "ALTO" / "Page 1.xml").write_text("<alto/>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", folder / "link.xml")
    return folder


def test_hrefs_inside_the_folder_resolve(issue_folder):
    page = issue_folder / "ALTO" / "Page 1.xml"
    for href in ("ALTO/Page 1.xml", "ALTO/Page%201.xml", "file://./ALTO/Page%201.xml",
                 "alto/page 1.XML", "./ALTO/../ALTO/Page 1.xml", f"file://{page}", str(page)):
        assert resolve_inside(issue_folder, href) == page.resolve(), href
    assert not resolve_inside(issue_folder, "ALTO/missing.xml").exists()  # may not exist


@pytest.mark.parametrize("href", ["../secret.txt", "%2e%2e/secret.txt", "link.xml",
                                  "LINK.XML",  # a case variant of the link leading out
                                  "../nothing-here.txt", "/etc/passwd", "file:///etc/passwd",
                                  "file://localhost/etc/passwd", "ALTO/../../secret.txt"])
def test_hrefs_outside_the_folder_are_refused_alike(issue_folder, href):
    with pytest.raises(InputError) as caught:
        resolve_inside(issue_folder, href)
    assert str(caught.value) == f"href {href!r} is outside the issue's folder"


def test_href_through_a_loop_of_links_is_an_input_error(issue_folder):
    os.symlink(issue_folder / "b", issue_folder / "a")
    os.symlink(issue_folder / "a", issue_folder / "b")
    with pytest.raises(InputError, match="'a/1.xml' cannot be resolved"):
        resolve_inside(issue_folder, "a/1.xml")


def test_hrefs_of_other_schemes_are_no_files_and_roots_widen_the_folder(issue_folder):
    with pytest.raises(InputError, match="is not a local file"):
        resolve_inside(issue_folder, "http://resolver.kb.nl/resolve?urn=x:alto")
    secret = issue_folder.parent / "secret.txt"
    assert resolve_inside(issue_folder, "../secret.txt", roots=[issue_folder.parent]) == \
        secret.resolve()


def test_mets_page_outside_its_folder_fails_alone(tmp_path):
    issue = tmp_path / "issue"
    issue.mkdir()
    shutil.copy(ALTO, issue / "p1.xml")
    shutil.copy(ALTO, tmp_path / "p2.xml")
    files = "".join(f'<mets:file ID="F{i}" MIMETYPE="text/xml"><mets:FLocat xlink:href="{h}"/>'
                    f'</mets:file>' for i, h in ((1, "p1.xml"), (2, "../p2.xml")))
    divs = "".join(f'<mets:div TYPE="page" ORDER="{i}"><mets:fptr FILEID="F{i}"/></mets:div>'
                   for i in (1, 2))
    mets = issue / "issue-METS.xml"
    mets.write_text('<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink='
                    '"http://www.w3.org/1999/xlink"><mets:fileSec><mets:fileGrp USE="Text">'
                    f'{files}</mets:fileGrp></mets:fileSec><mets:structMap TYPE="PHYSICAL">'
                    f'{divs}</mets:structMap></mets:mets>', encoding="utf-8")
    doc = layout.reconstruct(mets)
    assert isinstance(doc.pages[0], Layout) and isinstance(doc.pages[1], PageFailure)
    assert "'../p2.xml' is outside the issue's folder" in doc.pages[1].error
