"""Validation and round-trip of every output format (docs/contract.md) on sample pages.

The HTML is checked as a browser would read it (lxml's HTML parser), the JSON against the
contract's keys, and the four formats against each other: same stories, same order, same text.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pymupdf
import pytest
from lxml import html as lxml_html

import layout
from conftest import fixture_pdf

SAMPLES = ("en_letter_4col", "en_broadsheet_6col", "zh_broadsheet_6col")
ROLES = {"kicker", "headline", "deck", "byline", "body", "crosshead", "caption", "jump",
         "credit", "furniture"}
KINDS = {"story", "picture", "sidebar", "ad"}
BOXED_TAGS = {"article", "aside", "p", "figure", "h1", "h2", "h3", "h4", "h5", "h6"}
# data-bbox values are rounded to 0.1, the page size is not.
TOLERANCE = 0.051


@pytest.fixture(params=SAMPLES)
def sample(request, reconstructed):
    """(name, Document, parsed HTML root, parsed JSON) of one sample page."""
    doc = reconstructed(request.param)
    text = doc.to_html()
    return request.param, doc, text, lxml_html.document_fromstring(text.encode("utf-8")), \
        json.loads(doc.to_json())


def _sections(root) -> list:
    return [s for s in root.iter("section") if "page" in (s.get("class") or "").split()]


def _page_sizes(name: str) -> list[tuple[float, float]]:
    """The page sizes as PyMuPDF reads them, independently of the program."""
    with pymupdf.open(fixture_pdf(name)) as pdf:
        return [(p.rect.width, p.rect.height) for p in pdf]


def _text(el) -> str:
    return el.text_content()


# --- HTML ----------------------------------------------------------------------------------


def test_html_is_what_a_browser_parses_back(sample):
    """The HTML parser rebuilds exactly the tree we wrote: no tag it had to close, move or drop
    (a <p> in a <p>, a <figure> in a <p>, a stray end tag would all change the re-serialisation)."""
    _, _, text, root, _ = sample
    assert text.startswith("<!DOCTYPE html>\n<html")
    again = lxml_html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    assert again + "\n" == text
    twice = lxml_html.document_fromstring(again.encode("utf-8"))
    assert [(e.tag, dict(e.attrib), e.text, e.tail) for e in twice.iter()] == \
        [(e.tag, dict(e.attrib), e.text, e.tail) for e in root.iter()]


def test_html_head(sample):
    name, doc, _, root, _ = sample
    head = root.find("head")
    assert head is not None
    assert [m.get("charset") for m in head.iter("meta") if m.get("charset")] == ["utf-8"]
    generators = [m.get("content") for m in head.iter("meta") if m.get("name") == "generator"]
    assert generators == [f"newslayout {layout.__version__}"]
    assert head.findtext("title") == f"{name}.pdf"
    assert root.get("lang") == name[:2]  # the samples are named after their language


def test_html_has_no_external_resources(sample):
    _, _, text, root, _ = sample
    assert not list(root.iter("link", "script", "iframe", "object", "embed"))
    for el in root.iter():
        for attr, value in el.attrib.items():
            if attr in ("src", "href", "srcset", "action", "poster"):
                assert not re.match(r"^\s*([a-z][a-z0-9+.-]*:|//)", value, re.I), (attr, value)
    style = "".join(s.text or "" for s in root.iter("style"))
    assert "url(" not in style and "@import" not in style
    assert "http:" not in text and "https:" not in text


def test_html_one_section_per_page_with_its_size(sample):
    name, doc, _, root, _ = sample
    sections = _sections(root)
    sizes = _page_sizes(name)
    assert len(sections) == len(doc.pages) == len(sizes)
    for number, (section, (width, height)) in enumerate(zip(sections, sizes), start=1):
        assert section.get("data-page") == str(number)
        assert section.get("data-unit") == "pt"
        assert float(section.get("data-width")) == pytest.approx(width, abs=0.01)
        assert float(section.get("data-height")) == pytest.approx(height, abs=0.01)
        assert section.get("data-source") == f"{name}.pdf"
    assert not [s for s in root.iter("section") if s not in sections]


def _bbox(value: str | None) -> tuple[float, ...]:
    assert value is not None
    assert re.fullmatch(r"-?\d+(\.\d+)? -?\d+(\.\d+)? -?\d+(\.\d+)? -?\d+(\.\d+)?", value), value
    return tuple(float(v) for v in value.split())


def test_html_every_piece_has_a_bbox_inside_its_page(sample):
    _, _, _, root, _ = sample
    for section in _sections(root):
        width, height = float(section.get("data-width")), float(section.get("data-height"))
        boxed = [e for e in section.iter() if e.tag in BOXED_TAGS]
        assert boxed
        for e in boxed:
            x0, y0, x1, y1 = _bbox(e.get("data-bbox"))
            where = f"<{e.tag} data-bbox={e.get('data-bbox')!r}> {_text(e)[:40]!r}"
            assert 0 <= x0 <= x1 <= width + TOLERANCE, where
            assert 0 <= y0 <= y1 <= height + TOLERANCE, where


def test_html_story_boxes_hold_their_blocks(sample):
    _, _, _, root, _ = sample
    for story in root.iter("article", "aside"):
        sx0, sy0, sx1, sy1 = _bbox(story.get("data-bbox"))
        for e in story.iter():
            if e is not story and e.get("data-bbox"):
                x0, y0, x1, y1 = _bbox(e.get("data-bbox"))
                assert sx0 - TOLERANCE <= x0 and x1 <= sx1 + TOLERANCE, (story.get("id"), e.tag)
                assert sy0 - TOLERANCE <= y0 and y1 <= sy1 + TOLERANCE, (story.get("id"), e.tag)


def test_html_ids_are_unique(sample):
    _, _, _, root, _ = sample
    ids = [e.get("id") for e in root.iter() if e.get("id") is not None]
    assert ids and len(ids) == len(set(ids))
    assert all(a.get("id") for a in root.iter("article"))


def test_html_headline_is_one_h2_in_the_article_header(sample):
    _, _, _, root, _ = sample
    articles = list(root.iter("article"))
    assert articles
    with_headline = 0
    for article in articles:
        h2s = list(article.iter("h2"))
        if not h2s:
            continue
        with_headline += 1
        header = [c for c in article if c.tag == "header"]
        assert len(header) == 1, article.get("id")
        assert len(h2s) == 1 and h2s[0].getparent() is header[0], article.get("id")
        assert _text(h2s[0]).strip()
    assert with_headline >= len(articles) / 2


def test_html_figcaption_only_in_figure(sample):
    _, _, _, root, _ = sample
    assert list(root.iter("figure")), "the samples have figures"
    for cap in root.iter("figcaption"):
        assert cap.getparent().tag == "figure"
    for img in root.iter("img"):
        assert img.getparent().tag == "figure" and img.get("alt") == ""


def test_html_sidebars_are_nested_in_their_article(sample):
    _, _, _, root, _ = sample
    for aside in root.iter("aside"):
        if "sidebar" in (aside.get("class") or "").split():
            assert aside.getparent().tag in ("article", "aside"), aside.get("id")


# --- JSON ----------------------------------------------------------------------------------


def _check_story(story: dict, width: float, height: float) -> None:
    assert {"id", "kind", "bbox", "columns", "kicker", "headline", "deck", "byline", "blocks",
            "figures", "sidebars"} <= set(story)
    assert story["kind"] in KINDS
    assert isinstance(story["columns"], int) and story["columns"] >= 1
    _check_box(story["bbox"], width, height)
    for block in story["blocks"]:
        assert {"role", "text", "bbox"} <= set(block)
        assert block["role"] in ROLES, block["role"]
        assert isinstance(block["text"], str) and block["text"].strip()
        _check_box(block["bbox"], width, height)
    for role in ("kicker", "headline", "deck", "byline"):
        first = next((b["text"] for b in story["blocks"] if b["role"] == role), None)
        assert story[role] == first, (story["id"], role)
    for figure in story["figures"]:
        assert {"bbox", "caption", "image"} <= set(figure)
        _check_box(figure["bbox"], width, height)
    for sidebar in story["sidebars"]:
        assert sidebar["kind"] == "sidebar"
        _check_story(sidebar, width, height)


def _check_box(box, width: float, height: float) -> None:
    assert isinstance(box, list) and len(box) == 4 and all(isinstance(v, (int, float)) for v in box)
    x0, y0, x1, y1 = box
    assert 0 <= x0 <= x1 <= width + TOLERANCE and 0 <= y0 <= y1 <= height + TOLERANCE, box


def test_json_has_the_contract_keys(sample):
    name, doc, _, _, data = sample
    assert data["source"] == f"{name}.pdf"
    assert data["generator"] == f"newslayout {layout.__version__}"
    assert len(data["pages"]) == len(_page_sizes(name))
    for number, (page, (width, height)) in enumerate(zip(data["pages"], _page_sizes(name)), 1):
        assert {"number", "width", "height", "unit", "furniture", "stories"} <= set(page)
        assert page["number"] == number and page["unit"] == "pt"
        assert page["width"] == pytest.approx(width, abs=0.01)
        assert page["height"] == pytest.approx(height, abs=0.01)
        assert page["stories"]
        for block in page["furniture"]:
            assert block["role"] in ROLES
            _check_box(block["bbox"], width, height)
        for story in page["stories"]:
            _check_story(story, width, height)


def _html_story(el) -> dict:
    """id, headline, block texts, captions and sidebars of an <article>/<aside>, in order."""
    blocks, captions, sidebars = [], [], []

    def walk(parent):
        for c in parent:
            if c.tag == "header":
                walk(c)
            elif c.tag == "aside":
                sidebars.append(_html_story(c))
            elif c.tag == "figure":
                captions.extend(_text(f) for f in c.iter("figcaption"))
            elif c.get("data-bbox") is not None:
                blocks.append(_text(c))

    walk(el)
    headers = [h for h in el.iter("h2") if h.getparent().tag == "header"]
    return {"id": el.get("id"), "headline": _text(headers[0]) if headers else None,
            "blocks": blocks, "captions": captions, "sidebars": sidebars}


def _json_story(story: dict) -> dict:
    return {"id": story["id"],
            "headline": story["headline"] if story["kind"] != "sidebar" else None,
            "blocks": [b["text"] for b in story["blocks"]],
            "captions": [f["caption"] for f in story["figures"] if f["caption"]],
            "sidebars": [_json_story(s) for s in story["sidebars"]]}


def test_json_and_html_hold_the_same_stories(sample):
    _, _, _, root, data = sample
    for section, page in zip(_sections(root), data["pages"]):
        html_stories = [_html_story(a) for a in section if a.tag == "article"]
        assert html_stories == [_json_story(s) for s in page["stories"]]
        furniture = [_text(p) for part in section if part.tag in ("header", "footer")
                     for p in part.iter("p")]
        assert furniture == [b["text"] for b in page["furniture"]]


# --- text and Markdown ---------------------------------------------------------------------


def _assert_in_order(haystack: str, needles: list[str], what: str) -> None:
    """Each needle occurs in haystack after the previous one (whitespace runs count as one)."""
    haystack = " ".join(haystack.split())
    pos = 0
    for needle in (" ".join(n.split()) for n in needles):
        found = haystack.find(needle, pos)
        assert found >= 0, f"{what}: {needle[:60]!r} missing or out of order"
        pos = found + len(needle)


def _story_texts(root) -> list[str]:
    """Every headline, paragraph and caption of every story, in HTML document order."""
    texts = []
    for section in _sections(root):
        for el in section.iter():
            if el.tag in ("h2", "h3", "h4", "p", "figcaption") and \
                    any(a.tag == "article" for a in el.iterancestors()):
                texts.append(_text(el))
    return texts


def test_text_has_every_story_text_in_html_order(sample):
    _, doc, _, root, _ = sample
    text = doc.to_text()
    needles = _story_texts(root)
    assert len(needles) > 10
    _assert_in_order(text, needles, "text")
    assert "<article" not in text and "<p" not in text and "## " not in text


def test_markdown_has_every_story_text_in_html_order(sample):
    _, doc, _, root, _ = sample
    markdown = doc.to_markdown()
    _assert_in_order(markdown, _story_texts(root), "markdown")
    lines = markdown.splitlines()
    for article in root.iter("article"):
        for h2 in article.iter("h2"):
            assert f"## {_text(h2)}" in lines
    headlines = [line[3:] for line in lines if line.startswith("## ")]
    assert headlines == [_text(h) for h in root.iter("h2")]


# --- special characters --------------------------------------------------------------------

HEADLINE = "Tom & Jerry <Live> at \"Joe's\""
BODY = ['Smith & Sons <Ltd> said "quoted" words',
        "and O'Brien wrote a<b && c>d; </p> too,",
        "then more plain body text follows here",
        "so that the page has a body of several",
        "lines all set in one small text size."]


@pytest.fixture(scope="module")
def special(tmp_path_factory) -> layout.Document:
    path = tmp_path_factory.mktemp("special") / 'R&D "news" <one>.pdf'
    with pymupdf.open() as pdf:
        page = pdf.new_page(width=400, height=500)
        page.insert_text((40, 70), HEADLINE, fontsize=24, fontname="hebo")
        for i, line in enumerate(BODY):
            page.insert_text((40, 110 + 13 * i), line, fontsize=10, fontname="tiro")
        pdf.save(path)
    return layout.reconstruct(path)


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_special_characters_survive_html(special):
    text = special.to_html()
    assert "<Ltd>" not in text and "</p> too" not in text
    root = lxml_html.document_fromstring(text.encode("utf-8"))
    assert not list(root.iter("ltd", "live", "one"))
    (article,) = root.iter("article")
    assert [_text(h) for h in article.iter("h2")] == [HEADLINE]
    assert _squash(" ".join(BODY)) in _squash(_text(article))
    assert root.findtext("head/title") == 'R&D "news" <one>.pdf'
    assert _sections(root)[0].get("data-source") == 'R&D "news" <one>.pdf'


def test_special_characters_survive_json_text_and_markdown(special):
    data = json.loads(special.to_json())
    (story,) = data["pages"][0]["stories"]
    assert story["headline"] == HEADLINE
    body = _squash(" ".join(b["text"] for b in story["blocks"] if b["role"] == "body"))
    assert body == _squash(" ".join(BODY))
    assert data["source"] == 'R&D "news" <one>.pdf'
    text, markdown = special.to_text(), special.to_markdown()
    assert "&amp;" not in text + markdown and "&lt;" not in text + markdown
    assert HEADLINE in text and _squash(" ".join(BODY)) in _squash(text)
    # Markdown escapes what it would read as markup, so "<Live>" is not swallowed as HTML.
    unescaped = markdown.replace("\\", "")
    assert "\\<Live\\>" in markdown and HEADLINE in unescaped
    assert _squash(" ".join(BODY)) in _squash(unescaped)
