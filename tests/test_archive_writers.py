"""The archive formats (ALTO 4.4, METS 1.12 with ALTO, PAGE-XML 2019): validity, structure and
round trip, on sample pages and on hand-made English and Chinese pages.

Every file is checked against the standards' own XSD schemas shipped in ``layout/schemas``;
the structure tests then check what the schemas cannot: that the ALTO blocks stand in our
reading order, that METS and PAGE state our stories, and that reading a file back gives the
page and the stories we wrote.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

import layout
from layout import Document, analyse_page
from layout.cli import main
from layout.errors import FormatError
from layout.evaluate import normalize
from layout.model import Block, Box, Figure, Story, Word
from layout.sources import open_source
from layout.roles import ROLES
from layout.writers import FORMATS
from layout.writers.alto import ALTO_NS, element_ids, reading_items, split_word, textblock_ids
from layout.writers.mets import METS_NS, XLINK_NS
from layout.writers.pagexml import PAGE_NS
from layout.writers.validate import SCHEMA_DIR, validate

from conftest import fixture_pdf
from synth import column, page, text_lines

ARCHIVE_FORMATS = [f.name for f in FORMATS.values() if f.kind == "files"]

SAMPLES = ("en_letter_4col", "en_broadsheet_6col", "zh_broadsheet_6col", "zh_front_5col")
A, M, P = f"{{{ALTO_NS}}}", f"{{{METS_NS}}}", f"{{{PAGE_NS}}}"
ZH_TEXT = ("本报讯记者从市住房和城乡建设局获悉今年全市计划改造老旧小区一百二十个惠及居民三万余户"
           "改造内容包括加装电梯更新管网整治环境增设停车位和充电桩市民普遍表示欢迎希望早日完工")


# --- hand-made pages ----------------------------------------------------------------------


def justified(texts: list[str], x0: float, y0: float, width: float = 100, size: float = 10,
              pitch: float = 12) -> list[Word]:
    """One word per line of ``texts``, each line reaching the column's right edge."""
    return [Word(t, Box(x0, y0 + i * pitch, x0 + width, y0 + i * pitch + size), "Times", size)
            for i, t in enumerate(texts)]


def english_page():
    """Two stories side by side; the second has a hyphenated line end and a captioned photo."""
    words = (text_lines(["City Opens Bridge"], 50, 40, size=24, bold=True)
             + text_lines(["By Jane Doe"], 50, 72, size=9, italic=True)
             + column(50, 90, 12) + column(170, 90, 12, start=25)
             + text_lines(["Council Delays Vote"], 330, 40, size=24, bold=True)
             + justified(["the mayor said that the recon-", "struction of the old town hall",
                          "would wait until the budget of", "next year was agreed by all"], 330, 72,
                         width=150)
             + text_lines(["A crowd at the old town hall."], 330, 250, size=8, italic=True))
    return page(words, figures=[Box(330, 130, 480, 245)])


def chinese_page():
    """Two Chinese stories side by side, ten characters a line."""
    lines = [ZH_TEXT[i:i + 10] for i in range(0, len(ZH_TEXT), 10)]
    words = (text_lines(["老旧小区改造全面启动"], 50, 40, size=20, bold=True)
             + justified(lines[:9], 50, 80) + justified(lines[9:], 170, 80)
             + text_lines(["新建公园本月开放"], 310, 40, size=20, bold=True)
             + justified(lines[2:8], 310, 80))
    return page(words, width=450)


def ocr_page():
    """The English page as OCR output would give it: pixels and word confidences."""
    content = english_page()
    return replace(content, unit="px",
                   words=tuple(replace(w, confidence=0.5 + i % 5 / 10)
                               for i, w in enumerate(content.words)))


SYNTHETIC = {"en_synthetic": english_page, "zh_synthetic": chinese_page, "ocr_synthetic": ocr_page}


@pytest.fixture(scope="module")
def synthetic():
    """``synthetic(name)``: the Document of a hand-made page."""
    cache: dict[str, Document] = {}

    def get(name: str) -> Document:
        if name not in cache:
            cache[name] = Document(f"{name}.pdf", (analyse_page(SYNTHETIC[name]()),))
        return cache[name]

    return get


@pytest.fixture(params=SAMPLES + tuple(SYNTHETIC))
def doc(request, reconstructed, synthetic):
    """(name, Document) of a sample page or a hand-made one."""
    name = request.param
    return name, synthetic(name) if name in SYNTHETIC else reconstructed(name)


def _files(fmt: str, name: str, document: Document) -> dict[str, bytes]:
    return FORMATS[fmt].write_files(document, name)


def _root(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def _only(files: dict[str, bytes], suffix: str) -> etree._Element:
    (data,) = [d for n, d in files.items() if n.endswith(suffix)]
    return _root(data)


def _stories(document: Document) -> list[Story]:
    """Every story and sidebar of the document, sidebars after their story."""
    def walk(s: Story):
        yield s
        for c in s.sidebars:
            yield from walk(c)
    return [x for p in document.pages for s in p.stories for x in walk(s)]


# --- schemas ------------------------------------------------------------------------------


def test_the_shipped_schemas_import_only_local_files():
    """No schema may send the validator to the network: every import is a file beside it."""
    for xsd in SCHEMA_DIR.glob("*.xsd"):
        tree = etree.parse(str(xsd), etree.XMLParser(no_network=True, resolve_entities=False))
        for imp in tree.iter("{http://www.w3.org/2001/XMLSchema}import"):
            location = imp.get("schemaLocation")
            assert "://" not in location and (SCHEMA_DIR / location).is_file(), (xsd, location)


@pytest.mark.parametrize("fmt", ARCHIVE_FORMATS)
def test_every_file_written_is_valid_against_its_official_schema(doc, fmt):
    name, document = doc
    files = _files(fmt, name, document)
    assert files
    for file_name, data in files.items():
        kind = "mets" if file_name.endswith(".mets.xml") else file_name.split(".")[-2]
        validate(data, kind)  # raises FormatError on the first schema error


def test_validation_names_the_line_and_the_schema_error():
    bad = (f'<alto xmlns="{ALTO_NS}">\n<Layout>\n<Page ID="P1"/>\n</Layout>\n</alto>').encode()
    with pytest.raises(FormatError, match=r"alto: invalid at line 3: .*PHYSICAL_IMG_NR"):
        validate(bad, "alto")
    with pytest.raises(FormatError, match=r"page: not well-formed XML at line 1"):
        validate(b"<PcGts", "page")


# --- ALTO ---------------------------------------------------------------------------------


def test_alto_blocks_stand_in_our_reading_order(doc):
    """The PrintSpace holds furniture, stories (with figures and sidebars in place), loose
    figures and footer, block by block as we read them, each block holding its own text; the
    drawn rules and frames come after all of them."""
    name, document = doc
    files = _files("alto", name, document)
    for p in document.pages:
        root = _root(files[f"{name}-p{p.number:04d}.alto.xml"])
        space = root.find(f"{A}Layout/{A}Page/{A}PrintSpace")
        ids = element_ids(p)
        blocks = len(ids)
        assert [e.get("ID") for e in space[:blocks]] == list(ids.values())
        assert [e.tag for e in space[blocks:]] == \
            [f"{A}GraphicalElement"] * (len(p.rules) + len(p.frames))
        for (item, _), element in zip(reading_items(p), space):
            if isinstance(item, Block):
                # A HYP's hyphen is left out: normalize() drops hyphens anyway.
                words = "".join(s.get("CONTENT") for s in element.iter(f"{A}String"))
                assert normalize(words) == normalize("".join(ln.text for ln in item.lines))
            else:
                assert element.tag == f"{A}Illustration"


def test_alto_tags_every_block_with_its_role_and_states_the_stories(doc):
    name, document = doc
    files = _files("alto", name, document)
    for p in document.pages:
        root = _root(files[f"{name}-p{p.number:04d}.alto.xml"])
        labels = {t.get("ID"): t.get("LABEL") for t in root.iter(f"{A}StructureTag")}
        blocks = {i: item for item, i in element_ids(p).items() if isinstance(item, Block)}
        for tb in root.iter(f"{A}TextBlock"):
            assert labels[tb.get("TAGREFS")] == blocks[tb.get("ID")].role
        groups = root.findall(f"{A}ReadingOrder/{A}UnorderedGroup/{A}OrderedGroup")
        assert len(groups) == len(p.stories)
        own = textblock_ids(p)
        for group, story in zip(groups, p.stories):
            refs = [r.get("REF") for r in group.findall(f"{A}ElementRef")]
            assert [r for r in refs if "_TB" in r] == own[story.id]


def test_alto_units_pdf_points_become_inch1200_pixels_stay(synthetic):
    pt, px = synthetic("en_synthetic"), synthetic("ocr_synthetic")
    for document, unit, factor in ((pt, "inch1200", 1200 / 72), (px, "pixel", 1.0)):
        root = _only(_files("alto", "x", document), ".alto.xml")
        assert root.findtext(f"{A}Description/{A}MeasurementUnit") == unit
        assert float(root.find(f"{A}Layout/{A}Page").get("WIDTH")) == pytest.approx(
            document.pages[0].width * factor, abs=0.01)


def test_alto_writes_rules_and_frames_as_tagged_graphical_elements(doc):
    name, document = doc
    files = _files("alto", name, document)
    for p in document.pages:
        root = _root(files[f"{name}-p{p.number:04d}.alto.xml"])
        labels = {t.get("ID"): t.get("LABEL") for t in root.iter(f"{A}LayoutTag")}
        graphics = list(root.iter(f"{A}GraphicalElement"))
        assert [labels[g.get("TAGREFS")] for g in graphics] == \
            ["rule"] * len(p.rules) + ["frame"] * len(p.frames)
        referenced = {r.get("REF") for r in root.iter(f"{A}ElementRef")}
        assert not referenced & {g.get("ID") for g in graphics}


def test_page_writes_rules_as_separators_and_frames_outside_the_reading_order(doc):
    name, document = doc
    files = _files("page", name, document)
    for p in document.pages:
        page_el = _root(files[f"{name}-p{p.number:04d}.page.xml"]).find(f"{P}Page")
        separators = page_el.findall(f"{P}SeparatorRegion")
        frames = page_el.findall(f"{P}GraphicRegion")
        assert len(separators) == len(p.rules)
        assert [f.get("type") for f in frames] == ["frame"] * len(p.frames)
        referenced = {r.get("regionRef") for r in page_el.iter(f"{P}RegionRef",
                                                                 f"{P}RegionRefIndexed")}
        assert not referenced & {e.get("id") for e in separators + frames}


def framed_page():
    """A hand-made page with a short thick rule (too stout to pass for a thin line), a long
    hairline, a vertical rule and a frame; a story so that there is something to write."""
    words = text_lines(["City Opens Bridge"], 50, 40, size=24, bold=True) + column(50, 90, 12)
    return page(words, rules=[(Box(50, 75, 80, 78), "h"), (Box(40, 300, 560, 300), "h"),
                              (Box(165, 90, 165.5, 280), "v")],
                frames=[Box(300, 90, 500, 260)])


@pytest.mark.parametrize("fmt", ["alto", "page"])
@pytest.mark.parametrize("unit", ["pt", "px"])
def test_rules_and_frames_read_back_as_rules_and_frames_not_figures(tmp_path, fmt, unit):
    content = replace(framed_page(), unit=unit)
    written = analyse_page(content)
    assert (written.rules, written.frames) == (content.rules, content.frames)
    source = open_source(_write(tmp_path, fmt, "framed", Document("framed.pdf", (written,))))
    try:
        back = source.page(1)
    finally:
        source.close()
    k = back.width / written.width
    tolerance = 0.1 if fmt == "alto" else 0.51
    assert back.figures == ()
    assert [r.orientation for r in back.rules] == [r.orientation for r in written.rules]
    for a, b in zip(back.rules, written.rules):
        assert _scaled(a.box, k) == pytest.approx(_scaled(b.box, 1.0), abs=tolerance)
    assert len(back.frames) == len(written.frames)
    for a, b in zip(back.frames, written.frames):
        assert _scaled(a, k) == pytest.approx(_scaled(b, 1.0), abs=tolerance)


def test_untagged_graphical_elements_are_read_as_before(tmp_path):
    """Other archives' GraphicalElements carry no tag of ours: a thin one is a separator, any
    other a figure, as the reader has always taken them."""
    written = analyse_page(framed_page())
    data = _files("alto", "framed", Document("framed.pdf", (written,)))["framed-p0001.alto.xml"]
    root = _root(data)
    for g in root.iter(f"{A}GraphicalElement"):
        del g.attrib["TAGREFS"]
    (tmp_path / "other.alto.xml").write_bytes(etree.tostring(root))
    source = open_source(tmp_path / "other.alto.xml")
    try:
        back = source.page(1)
    finally:
        source.close()
    # The stout 30 x 3 pt rule and the frame are no thin lines: figures, as in any ALTO file.
    assert [r.orientation for r in back.rules] == ["h", "v"]
    assert len(back.figures) == 2 and back.frames == ()


def test_alto_marks_a_removed_line_end_hyphen_and_keeps_word_confidence(synthetic):
    root = _only(_files("alto", "x", synthetic("ocr_synthetic")), ".alto.xml")
    (hyp,) = root.iter(f"{A}HYP")
    assert hyp.getprevious().get("CONTENT") == "recon"
    confidences = {float(s.get("WC")) for s in root.iter(f"{A}String")}
    assert confidences == {0.5, 0.6, 0.7, 0.8, 0.9}
    assert not any(s.get("WC") for s in _only(_files("alto", "x", synthetic("en_synthetic")),
                                              ".alto.xml").iter(f"{A}String"))


def test_alto_marks_every_word_broken_over_lines_as_our_text_joins_it():
    """A reader joining each TextBlock's lines as ALTO says (a String marked ``HypPart1`` goes
    on at the next line, any other line end is a space) gets the block's text. The hyphens the
    text stage took out are ``HYP`` ("recon-" + "struction", "AGRI-" + "CULTURE" in capitals);
    the ones it kept stay in the word ("Baden-" + "Württemberg", "low-" + "income" where the
    page writes "low-income" whole); both parts of each word carry the whole word."""
    words = text_lines(["Council Plan"], 50, 40, size=24) + text_lines(
        ["the council backs homes for low-income", "families and pays for the recon-",
         "struction of the school near the low-", "income district of Baden-",
         "Württemberg with the AGRI-", "CULTURE fund it promised"], 50, 80)
    document = Document("x.pdf", (analyse_page(page(words)),))
    root = _only(_files("alto", "x", document), ".alto.xml")
    blocks = {i: item for item, i in element_ids(document.pages[0]).items()
              if isinstance(item, Block)}
    for tb in root.iter(f"{A}TextBlock"):
        text = ""
        for tl in tb.iter(f"{A}TextLine"):
            strings = tl.findall(f"{A}String")
            text += "".join(" " if e.tag == f"{A}SP" else e.get("CONTENT")
                            for e in tl if e.tag in (f"{A}String", f"{A}SP"))
            text += "" if strings[-1].get("SUBS_TYPE") == "HypPart1" else " "
        assert text.strip() == blocks[tb.get("ID")].text
    subs = [(s.get("SUBS_TYPE"), s.get("SUBS_CONTENT")) for s in root.iter(f"{A}String")
            if s.get("SUBS_TYPE")]
    assert subs == [(part, w) for w in ["reconstruction", "low-income", "Baden-Württemberg",
                                        "AGRICULTURE"] for part in ("HypPart1", "HypPart2")]
    assert [h.getprevious().get("CONTENT") for h in root.iter(f"{A}HYP")] == ["recon", "AGRI"]


def test_alto_gives_every_part_of_a_word_broken_over_three_lines_the_whole_word():
    """A word broken twice ("recon-" + "struc-" + "tion", a one-word line between) has one
    ``HypPart1`` and two ``HypPart2``, each with the whole word as the text reads it (soft
    hyphens taken out), never a part of it ("reconstruc-"): a reader that writes a HypPart1's
    SUBS_CONTENT and skips each HypPart2 gets the block's text."""
    words = text_lines(["Council Plan"], 50, 40, size=24) + text_lines(
        ["the council backs the recon-", "struc-", "tion of the ca\u00adnal bridge"], 50, 80)
    document = Document("x.pdf", (analyse_page(page(words)),))
    root = _only(_files("alto", "x", document), ".alto.xml")
    blocks = {i: item for item, i in element_ids(document.pages[0]).items()
              if isinstance(item, Block)}
    subs = [(s.get("CONTENT"), s.get("SUBS_TYPE"), s.get("SUBS_CONTENT"))
            for s in root.iter(f"{A}String") if s.get("SUBS_TYPE")]
    assert subs == [("recon", "HypPart1", "reconstruction"), ("struc", "HypPart2", "reconstruction"),
                    ("tion", "HypPart2", "reconstruction")]
    for tb in root.iter(f"{A}TextBlock"):
        text = " ".join(s.get("SUBS_CONTENT") if s.get("SUBS_TYPE") == "HypPart1" else
                        s.get("CONTENT").replace("\u00ad", "")
                        for s in tb.iter(f"{A}String") if s.get("SUBS_TYPE") != "HypPart2")
        assert text == blocks[tb.get("ID")].text


# --- METS ---------------------------------------------------------------------------------


def two_page_document(document: Document) -> Document:
    """A document of the page twice (pages 1 and 3) and a failed page 2 between them."""
    first = document.pages[0]
    return Document("issue.pdf", (first, layout.PageFailure(2, "unreadable"),
                                  replace(first, number=3)))


def test_mets_lists_each_page_alto_with_its_size_and_checksum(synthetic):
    files = _files("mets", "issue", two_page_document(synthetic("en_synthetic")))
    assert sorted(files) == ["issue-p0001.alto.xml", "issue-p0003.alto.xml", "issue.mets.xml"]
    root = _root(files["issue.mets.xml"])
    listed = root.findall(f"{M}fileSec/{M}fileGrp/{M}file")
    assert [f.get("ID") for f in listed] == ["ALTO00001", "ALTO00003"]
    for f in listed:
        data = files[f.find(f"{M}FLocat").get(f"{{{XLINK_NS}}}href")]
        assert f.get("SIZE") == str(len(data))
        assert f.get("CHECKSUM") == hashlib.md5(data).hexdigest()
    pages = root.findall(f"{M}structMap[@TYPE='PHYSICAL']/{M}div/{M}div")
    assert [(d.get("TYPE"), d.get("ORDERLABEL")) for d in pages] == [("PAGE", "1"), ("PAGE", "3")]
    assert [a.get("BEGIN") for d in pages for a in d.iter(f"{M}area")] == ["P1", "P3"]


def test_mets_has_one_article_per_story_pointing_at_its_own_alto_blocks(doc):
    name, document = doc
    files = _files("mets", name, document)
    root = _root(files[f"{name}.mets.xml"])
    alto_ids = {}
    for f in root.iter(f"{M}file"):
        alto = _root(files[f.find(f"{M}FLocat").get(f"{{{XLINK_NS}}}href")])
        alto_ids[f.get("ID")] = {e.get("ID") for e in alto.iter() if e.get("ID")}
    content = root.find(f"{M}structMap[@TYPE='LOGICAL']/{M}div/{M}div[@TYPE='CONTENT']")
    stories = [s for p in document.pages for s in p.stories]
    assert len(content) == len(stories)
    for div, story in zip(content, stories):
        kind = {"story": "ARTICLE", "picture": "ILLUSTRATION", "ad": "ADVERTISEMENT"}[story.kind]
        assert div.get("TYPE") == kind
        headline = story.first("headline")
        assert div.get("LABEL") == (headline.text if headline else None)
    for area in content.iter(f"{M}area"):
        assert area.get("BETYPE") == "IDREF" and area.get("BEGIN") in alto_ids[area.get("FILEID")]
    for p in document.pages:
        own = textblock_ids(p)
        for div in content.iter(f"{M}div"):
            if div.get("TYPE") != "ARTICLE":
                continue
            refs = [a.get("BEGIN") for a in div.iter(f"{M}area")
                    if "_TB" in a.get("BEGIN") and _owner(a, div)]
            assert refs in own.values()


def _owner(area: etree._Element, article: etree._Element) -> bool:
    """Whether ``article`` is the innermost ARTICLE div holding ``area``."""
    inner = next(d for d in area.iterancestors(f"{M}div") if d.get("TYPE") == "ARTICLE")
    return inner is article


def test_mets_heading_and_body_follow_the_archive_shape(synthetic):
    document = synthetic("en_synthetic")
    root = _only(_files("mets", "x", document), ".mets.xml")
    article = root.find(f".//{M}div[@TYPE='ARTICLE']")
    assert article.get("LABEL") == "City Opens Bridge"
    (title,) = article.findall(f"{M}div[@TYPE='HEADING']/{M}div[@TYPE='TITLE']")
    headline_id = element_ids(document.pages[0])[document.pages[0].stories[0].first("headline")]
    assert title.find(f"{M}fptr/{M}area").get("BEGIN") == headline_id
    body = article.find(f"{M}div[@TYPE='BODY']/{M}div[@TYPE='BODY_CONTENT']")
    paragraphs = body.findall(f"{M}div[@TYPE='PARAGRAPH']")
    assert paragraphs and all(p.find(f"{M}div[@TYPE='TEXT']/{M}fptr/{M}area") is not None
                              for p in paragraphs)
    assert [int(d.get("ORDER")) for d in body] == list(range(1, len(body) + 1))


def test_scoring_our_html_against_our_own_mets_gives_story_f1_one(doc, tmp_path):
    """The METS logical map, read as ground truth, holds exactly the stories of our HTML,
    sidebars (ARTICLE divs nested in their story's) included."""
    name, document = doc
    for file_name, data in _files("mets", name, document).items():
        (tmp_path / file_name).write_bytes(data)
    truth = layout.evaluate.load_mets_truth(tmp_path / f"{name}.mets.xml")
    scores = layout.evaluate.score_html(document.to_html(), truth, page=document.pages[0].number)
    assert (scores.story_f1, scores.coverage) == (1.0, 1.0)


# --- PAGE-XML -----------------------------------------------------------------------------


def test_page_reading_order_has_one_ordered_group_per_story(doc):
    name, document = doc
    files = _files("page", name, document)
    for p in document.pages:
        root = _root(files[f"{name}-p{p.number:04d}.page.xml"])
        page_group = root.find(f"{P}Page/{P}ReadingOrder/{P}UnorderedGroup")
        groups = page_group.findall(f"{P}OrderedGroup")
        assert len(groups) == len(p.stories)
        ids = element_ids(p)
        for group, story in zip(groups, p.stories):
            own = [ids[item] for item, owner in _items(story) if owner is story]
            assert [r.get("regionRef") for r in group.findall(f"{P}RegionRefIndexed")] == own
            assert len(group.findall(f"{P}OrderedGroupIndexed")) == len(story.sidebars)
            assert [int(r.get("index")) for r in group] == list(range(len(group)))
        loose = {r.get("regionRef") for r in page_group.findall(f"{P}RegionRef")}
        assert loose == {ids[item] for item, owner in reading_items(p) if owner is None}


def _items(story: Story):
    for c in story.content:
        if isinstance(c, Story):
            yield from ((item, c) for item, _ in _items(c))
        else:
            yield c, story
            if isinstance(c, Figure):
                yield from ((b, story) for b in c.caption)


def test_page_regions_are_typed_and_keep_our_role(doc):
    name, document = doc
    files = _files("page", name, document)
    for p in document.pages:
        root = _root(files[f"{name}-p{p.number:04d}.page.xml"])
        regions = root.find(f"{P}Page").findall(f"{P}TextRegion") + \
            root.find(f"{P}Page").findall(f"{P}ImageRegion")
        assert {r.get("id") for r in regions} == set(element_ids(p).values())
        for region in root.iter(f"{P}TextRegion"):
            role = region.get("custom").removeprefix("structure {type:").removesuffix(";}")
            expected = ROLES[role].page_region if role != "furniture" else {"header", "footer", "page-number"}
            assert region.get("type") in (expected if isinstance(expected, set) else {expected})


# --- round trip ---------------------------------------------------------------------------


def _story_texts(document: Document) -> list[tuple[str | None, str]]:
    """(headline, normalised text of the story with its sidebars and captions) per story."""
    def text(s: Story) -> str:
        parts = []
        for c in s.content:
            parts.append(text(c) if isinstance(c, Story) else
                         " ".join(b.text for b in c.caption) if isinstance(c, Figure) else c.text)
        return " ".join(parts)

    return [(s.first("headline").text if s.first("headline") else None, normalize(text(s)))
            for p in document.pages for s in p.stories]


def _write(tmp_path: Path, fmt: str, name: str, document: Document) -> Path:
    files = _files(fmt, name, document)
    for file_name, data in files.items():
        (tmp_path / file_name).write_bytes(data)
    return tmp_path / next(n for n in files if n.endswith(f".{fmt}.xml"))


@pytest.mark.parametrize("fmt", ["alto", "page"])
@pytest.mark.parametrize("name", list(SYNTHETIC))
def test_what_we_write_reads_back_to_the_same_stories(synthetic, tmp_path, fmt, name):
    document = synthetic(name)
    back = layout.reconstruct(_write(tmp_path, fmt, name, document))
    assert _story_texts(back) == _story_texts(document)


@pytest.mark.parametrize("fmt", ["alto", "page"])
@pytest.mark.parametrize("name", SAMPLES)
def test_what_we_write_reads_back_to_the_same_words_and_figures(reconstructed, tmp_path, fmt, name):
    """Every word we wrote (a PDF span split at its spaces) comes back with its place, size and
    style, and so does every figure, up to the common scale of the unit the reader chooses.

    ALTO keeps a box to 1/1200 inch. PAGE keeps whole pixels (half a point at 72 ppi), and its
    reader gives every word the top and bottom of its line, so there only x and the middle count.
    """
    document = reconstructed(name)
    source = open_source(_write(tmp_path, fmt, name, document))
    try:
        back = source.page(1)
    finally:
        source.close()
    written = document.pages[0]
    k = back.width / written.width
    words = [w for item, _ in reading_items(written) if isinstance(item, Block)
             for line in item.lines for w in line.words]
    expected, got = _tokens(words, 1.0), _tokens(back.words, k)
    assert sorted(t[0] for t in got) == sorted(t[0] for t in expected)
    tolerance = 0.1 if fmt == "alto" else 0.51
    for text, box, style in expected:
        match = min((g for g in got if g[0] == text), key=lambda g: _distance(g[1], box))
        got.remove(match)
        if fmt == "alto":
            assert match[1] == pytest.approx(box, abs=tolerance), text
        else:
            assert match[1][0::2] == pytest.approx(box[0::2], abs=tolerance), text
            assert (match[1][1] + match[1][3]) / 2 == pytest.approx((box[1] + box[3]) / 2,
                                                                    abs=style[0] / 2), text
        assert match[2][1:] == style[1:] and match[2][0] == pytest.approx(style[0], abs=0.06), text
    figures = sorted(_scaled(item.box, 1.0) for item, _ in reading_items(written)
                     if isinstance(item, Figure))
    back_figures = sorted(_scaled(f.box, k) for f in back.figures)
    assert len(back_figures) == len(figures)
    for a, b in zip(back_figures, figures):
        assert a == pytest.approx(b, abs=tolerance)


def _tokens(words: list[Word], k: float) -> list[tuple]:
    """(text, box, (size, bold, italic, vertical)) of every space-free token, in units / k."""
    return [(t, _scaled(b, k), (round(w.size / k, 2), w.bold, w.italic, w.vertical))
            for w in words for t, b in split_word(w)]


def _scaled(box: Box, k: float) -> list[float]:
    return [round(v / k, 2) for v in (box.x0, box.y0, box.x1, box.y1)]


def _distance(a: list[float], b: list[float]) -> float:
    return max(abs(x - y) for x, y in zip(a, b))


FIXTURES = sorted(p.stem for p in (Path(__file__).resolve().parent.parent
                                   / "fixtures" / "pages").glob("*.pdf"))
@pytest.mark.parametrize("fmt", ["alto", "page"])
@pytest.mark.parametrize("name", FIXTURES)
def test_sample_pages_read_back_to_the_same_stories(reconstructed, tmp_path, fmt, name):
    """Every sample page written as ALTO or PAGE, rules and frames included, reads back to the
    same stories with the same headlines and texts."""
    document = reconstructed(name)
    back = layout.reconstruct(_write(tmp_path, fmt, name, document))
    assert _story_texts(back) == _story_texts(document)


def test_a_sample_page_reads_back_from_mets_to_the_same_stories(reconstructed, tmp_path):
    document = reconstructed("en_tabloid_5col")
    back = layout.reconstruct(_write(tmp_path, "mets", "en_tabloid_5col", document))
    assert _story_texts(back) == _story_texts(document)


# --- command line -------------------------------------------------------------------------


def test_cli_writes_mets_and_its_alto_files_into_the_output_folder(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["convert", str(fixture_pdf("zh_front_5col")), "-f", "mets", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["zh_front_5col-p0001.alto.xml",
                                                    "zh_front_5col.mets.xml"]
    validate((out / "zh_front_5col.mets.xml").read_bytes(), "mets")


@pytest.mark.parametrize("fmt", ARCHIVE_FORMATS)
def test_cli_refuses_to_write_an_archive_format_to_stdout(fmt, capsys):
    assert main(["convert", str(fixture_pdf("en_letter_4col")), "-f", fmt, "-o", "-"]) == 2
    assert "give a folder with -o" in capsys.readouterr().err
