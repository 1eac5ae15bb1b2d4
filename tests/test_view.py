"""The overlay view (layout/view/): its ground-truth marks, its PNG, and the HTML in a
real headless browser, Debian's chromium driven by Playwright (`make install` installs it;
Playwright's own browser download is never used).

In the browser: every story is drawn as one outline group, a story clicked on either side is
highlighted on both, page buttons, zoom and pan work, no console errors, and the screenshot is
a picture, not a blank page.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pymupdf
import pytest

from layout.cli import main
from layout.evaluate import load_truth
from layout.model import Story
from layout.view import overlay_png, page_images, write_view
from layout.differences import differences

from conftest import FIXTURES, fixture_pdf

ZH = "zh_front_5col"
EN = "en_letter_4col"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _story_ids(doc) -> list[str]:
    """Every story and sidebar id of the document, pages in order."""
    def walk(s: Story):
        yield s.id
        for side in s.sidebars:
            yield from walk(side)
    return [i for p in doc.pages for s in p.stories for i in walk(s)]


def _truth_with(tmp_path: Path, name: str, change) -> list:
    """The fixture's ground truth after ``change(articles)``, loaded as the view loads it."""
    data = json.loads((FIXTURES / f"{name}.gt.json").read_text(encoding="utf-8"))
    change([a for a in data["articles"] if a["kind"] == "story" and len(a["text"]) > 2])
    path = tmp_path / "truth.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return load_truth(path)


# --- without a browser ---------------------------------------------------------------------


def test_true_page_has_no_differences(reconstructed):
    page = reconstructed(ZH).pages[0]
    d = differences(page, load_truth(FIXTURES / f"{ZH}.gt.json")[0])
    assert d.wrong == {} and d.breaks == frozenset()


def test_paragraph_moved_to_another_truth_story_is_marked_wrong(reconstructed, tmp_path):
    def move(articles):
        articles[1]["text"].append(articles[0]["text"].pop(1))
    truth = _truth_with(tmp_path, EN, move)[0]
    d = differences(reconstructed(EN).pages[0], truth)
    assert len(d.wrong) >= 1
    assert all(truth.articles[1].headline in note for note in d.wrong.values())


def test_swapped_paragraphs_in_the_truth_are_order_breaks(reconstructed, tmp_path):
    def swap(articles):
        text = articles[0]["text"]
        text[1], text[2] = text[2], text[1]
    d = differences(reconstructed(EN).pages[0], _truth_with(tmp_path, EN, swap)[0])
    assert d.wrong == {} and len(d.breaks) >= 2


def test_blank_canvas_when_the_source_cannot_render(reconstructed):
    doc = reconstructed(EN)
    html = write_view(doc)
    assert "<img" not in html and html.count('class="story"') == len(_story_ids(doc))


def test_overlay_png_has_the_page_size_and_colour(reconstructed):
    doc = reconstructed(EN)
    page = doc.pages[0]
    png = overlay_png(page, page_images(fixture_pdf(EN), doc)[page.number], width=700)
    pix = pymupdf.Pixmap(png)
    assert pix.width == 700 and abs(pix.height - 700 * page.height / page.width) <= 1
    assert pix.color_count() > 50


def test_cli_writes_view_and_overlays(tmp_path, capsys):
    assert main(["view", str(fixture_pdf(EN)), "--png", str(tmp_path / "v.png")]) == 0
    assert (tmp_path / "v.png").is_file() and not fixture_pdf(EN).with_suffix(".view.html").exists()
    out = tmp_path / "v.html"
    assert main(["view", str(fixture_pdf(EN)), "-o", str(out), "--images-beside"]) == 0
    assert [f.stem for f in (tmp_path / "v_files").iterdir()] == ["p1"]
    assert "data:image" not in out.read_text(encoding="utf-8")
    assert main(["convert", str(fixture_pdf(EN)), "-o", str(tmp_path / "c.html"),
                 "--overlay", str(tmp_path / "c.png")]) == 0
    assert pymupdf.Pixmap(str(tmp_path / "c.png")).width > 0
    assert main(["view", str(tmp_path / "missing.pdf")]) == 1
    assert capsys.readouterr().err.count("newslayout: error:") == 1


# --- in the browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = "Debian's chromium is missing: run `make install`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_view(browser):
    """``open_view(html_path)``: a browser page showing it, and the list its errors go to."""
    pages = []

    def load(path: Path):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(5000)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri())
        pages.append(page)
        return page, errors

    yield load
    for page in pages:
        page.close()


def test_every_story_drawn_and_linked_both_ways(open_view, reconstructed, tmp_path):
    out = tmp_path / "zh.view.html"
    assert main(["view", str(fixture_pdf(ZH)), "-o", str(out),
                 "--truth", str(FIXTURES / f"{ZH}.gt.json")]) == 0
    page, errors = open_view(out)
    ids = _story_ids(reconstructed(ZH))
    drawn = page.eval_on_selector_all("svg g.story", "gs => gs.map(g => g.dataset.story)")
    assert drawn == ids
    assert page.locator("svg g.story:not(:has(rect))").count() == 0
    linked = page.eval_on_selector_all("#text [data-story]", "es => es.map(e => e.dataset.story)")
    assert linked == ids

    first, other = ids[0], ids[2]
    page.click(f'svg g.story[data-story="{first}"] rect.block')
    assert "sel" in page.get_attribute(f'#text [data-story="{first}"]', "class")
    assert page.locator(".sel").count() == 2
    page.click(f'#text [data-story="{other}"] p >> nth=0')
    assert "sel" in page.get_attribute(f'svg g.story[data-story="{other}"]', "class")
    assert "sel" not in page.get_attribute(f'svg g.story[data-story="{first}"]', "class")
    assert page.locator(".sel").count() == 2

    shot = pymupdf.Pixmap(page.screenshot())
    assert shot.color_count() > 200           # the page image and the colours of the stories
    assert shot.color_topusage()[0] < 0.6     # not one colour over most of the screen
    assert errors == []


def test_page_buttons_zoom_and_pan(open_view, tmp_path):
    two = tmp_path / "two.pdf"
    with pymupdf.open() as pdf:
        for name in (EN, ZH):
            with pymupdf.open(fixture_pdf(name)) as one:
                pdf.insert_pdf(one)
        pdf.save(two)
    out = tmp_path / "two.view.html"
    assert main(["view", str(two), "-o", str(out)]) == 0
    page, errors = open_view(out)
    assert page.text_content("#pageno") == "1 / 2"
    assert page.is_visible("#v1") and page.is_hidden("#v2") and page.is_hidden("#text > #p2")
    page.click("#next")
    assert page.text_content("#pageno") == "2 / 2" and page.is_disabled("#next")
    assert page.is_hidden("#v1") and page.is_visible("#v2") and page.is_visible("#text > #p2")
    assert page.locator("#v2 svg g.story").count() >= 3

    width = page.eval_on_selector("#v2 .stage", "s => s.offsetWidth")
    page.click("#zoomin")
    assert page.text_content("#zoom") == "150%"
    page.mouse.move(300, 400)
    page.mouse.wheel(0, -300)
    assert page.eval_on_selector("#v2 .stage", "s => s.offsetWidth") > 1.5 * width
    before = page.eval_on_selector("#pagepane", "p => [p.scrollLeft, p.scrollTop]")
    page.mouse.down()
    page.mouse.move(200, 250, steps=5)
    page.mouse.up()
    after = page.eval_on_selector("#pagepane", "p => [p.scrollLeft, p.scrollTop]")
    assert after[0] - before[0] == 100 and after[1] - before[1] == 150
    page.click("#fit")
    assert page.text_content("#zoom") == "100%"
    page.click("#prev")
    assert page.text_content("#pageno") == "1 / 2" and page.is_visible("#v1")
    assert errors == []
