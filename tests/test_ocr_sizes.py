"""The OCR readers size a page alike: the same page written as ALTO, as PAGE-XML and as hOCR
without Tesseract's ``x_size`` (kraken, OCRopus) gives every word the same size and the same
line top and bottom, measured from the letters of its words (``alto_lines.line_types``), a
title boxed flat taking its region's height (``alto_lines.title_regions``)."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from layout.sources import open_source

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from engine_forms import hocr, page  # noqa: E402  (bench module, needs the sys.path above)

# [px] the body type, ascender to descender, and the heights its words are boxed to by the
# letters they hold: reaching up and down, up only ("halb"), neither ("an")
FULL, UP, X = 40, 26, 20


def _line(y: int, words: list[tuple[str, int]]) -> str:
    x, strings = 100, []
    for text, height in words:
        top = y + FULL - height if height != FULL else y  # standing on the baseline
        strings.append(f'<String CONTENT="{text}" HPOS="{x}" VPOS="{top}" WIDTH="{30 * len(text)}" '
                       f'HEIGHT="{height}"/>')
        x += 30 * len(text) + 20
    return (f'<TextLine HPOS="100" VPOS="{y}" WIDTH="{x - 120}" HEIGHT="{FULL}">'
            f'{"".join(strings)}</TextLine>')


def _alto(tmp_path: Path) -> Path:
    """32 body lines, half of words reaching only above the x-height, half of words reaching
    both ways, one of x-height letters only ("a cure was seen"), and a title boxed 2 px tall
    in a TextBlock of its own one line tall (as KB's OCR boxes some)."""
    up_only = [("halb", UP), ("an", X), ("Theil", UP), ("bald", UP)]
    both = [("gelb", FULL), ("pflegt", FULL), ("an", X), ("ghost", FULL)]
    body = "".join(_line(200 + 50 * i, up_only if i % 2 else both) for i in range(32))
    short = _line(1800, [("a", X), ("cure", X), ("was", X), ("seen", X)])
    title = ('<TextBlock HPOS="100" VPOS="100" WIDTH="600" HEIGHT="45"><TextLine HPOS="100" '
             'VPOS="140" WIDTH="600" HEIGHT="2"><String CONTENT="SPANJEN." HPOS="100" VPOS="140" '
             'WIDTH="600" HEIGHT="2"/></TextLine></TextBlock>')
    path = tmp_path / "page.xml"
    path.write_text(
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Layout><Page WIDTH="1500" '
        'HEIGHT="2000" PHYSICAL_IMG_NR="1"><PrintSpace>'
        f'{title}<TextBlock HPOS="100" VPOS="200" WIDTH="900" HEIGHT="1640">{body}{short}'
        '</TextBlock></PrintSpace></Page></Layout></alto>', encoding="utf-8")
    return path


def _read(path: Path) -> list[tuple[str, float, float, float]]:
    source = open_source(path)
    try:
        return [(w.text, w.size, w.box.y0, w.box.y1) for w in source.page(1).words]
    finally:
        source.close()


def _without_x_size(path: Path) -> Path:
    text = re.sub(r"; x_size [^;\"]*; x_descenders [^;\"]*; x_ascenders [^;\"\']*", "",
                  path.read_text(encoding="utf-8"))
    assert "x_size" not in text
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def alto(tmp_path):
    return _alto(tmp_path)


def test_alto_sizes_a_line_by_its_letters_and_a_flat_title_by_its_block(alto):
    words = {text: (size, y0, y1) for text, size, y0, y1 in _read(alto)}
    assert words["cure"][0] == words["halb"][0] == words["gelb"][0]
    assert words["SPANJEN."][1:] == (100, 145)


@pytest.mark.parametrize("form", ["page", "hocr"])
def test_page_and_hocr_read_sizes_and_lines_as_alto(alto, tmp_path, form):
    copy = tmp_path / "copy.xml"
    shutil.copy(alto, copy)
    other = page(copy) if form == "page" else _without_x_size(hocr(copy))
    assert _read(other) == _read(alto)


def test_hocr_takes_tesseracts_x_size_when_given(alto, tmp_path):
    copy = tmp_path / "copy.xml"
    shutil.copy(alto, copy)
    text = hocr(copy).read_text(encoding="utf-8")
    # every line of x-height letters is stated as tall as the type, which the reader keeps
    path = tmp_path / "stated.hocr"
    path.write_text(re.sub(r"x_size [0-9.]+", "x_size 40", text), encoding="utf-8")
    assert {size for _, size, _, _ in _read(path)} == {40}
