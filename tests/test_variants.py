"""The rewrites of ``bench/variants.py``: an ALTO file as another OCR engine would write it,
with the same text (the benchmark compares our reading of both forms)."""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from layout.sources import open_source

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from variants import FORMS, OTHER_FORMATS  # noqa: E402  (bench module, needs the sys.path above)

ALTO = ROOT / "fixtures" / "ocr" / "alto_v4_mm10.xml"


def _words(path: Path) -> list:
    source = open_source(path)
    try:
        return list(source.page(1).words)
    finally:
        source.close()


def _letters(words: list) -> Counter:
    return Counter(c for w in words for c in w.text if not c.isspace())


def _rewritten(form: str, tmp_path: Path) -> Path:
    copy = tmp_path / f"{form}.xml"
    shutil.copy(ALTO, copy)
    if form in OTHER_FORMATS:
        return OTHER_FORMATS[form](copy)
    FORMS[form](copy)
    return copy


def test_every_form_keeps_the_text(tmp_path):
    before = _letters(_words(ALTO))
    for form in [*FORMS, *OTHER_FORMATS]:
        assert _letters(_words(_rewritten(form, tmp_path))) == before, form


def test_page_and_hocr_are_read_by_their_readers_with_the_altos_blocks_and_lines(tmp_path):
    alto = _words(ALTO)
    for form, reader in (("page", "PageXmlSource"), ("hocr", "HocrSource")):
        path = _rewritten(form, tmp_path)
        source = open_source(path)
        assert type(source).__name__ == reader, form
        words = _words(path)
        assert [w.text for w in words] == [w.text for w in alto], form
        assert [(w.source_block, w.source_line) for w in words] == \
            [(w.source_block, w.source_line) for w in alto], form
        assert [w.box.x0 for w in words] == pytest.approx([w.box.x0 for w in alto], abs=0.5), form


def test_page_and_hocr_state_no_type_size_or_style(tmp_path):
    page = etree.parse(str(_rewritten("page", tmp_path))).getroot()
    assert not [e for e in page.iter() if etree.QName(e).localname == "TextStyle"]
    hocr = _rewritten("hocr", tmp_path).read_text(encoding="utf-8")
    assert "x_fsize" not in hocr and "x_font" not in hocr and "<strong" not in hocr
    # Tesseract states each line's type height (x_size), as the ALTO reader measures it
    printed = {w.source_line for w in _words(ALTO)}
    root = etree.parse(str(tmp_path / "hocr.hocr")).getroot()
    lines = [e for e in root.iter() if "ocr_line" in (e.get("class") or "")]
    assert len(lines) == len(printed)
    assert all("x_size" in e.get("title") for e in lines)


def test_lines_have_one_word_each_and_blocks_one_line(tmp_path):
    lines = _words(_rewritten("lines", tmp_path))
    assert len({w.source_line for w in lines}) == len(lines) > 1
    cut = _words(_rewritten("blockperline", tmp_path))
    assert len({w.source_block for w in cut}) == len({w.source_line for w in cut}) > 1


def test_nosize_leaves_no_type_size(tmp_path):
    root = etree.parse(str(_rewritten("nosize", tmp_path))).getroot()
    styles = [e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname == "TextStyle"]
    assert styles and not any("FONTSIZE" in e.attrib for e in styles)


def _across(words: list, middle: float) -> set:
    """The source blocks holding words on both sides of ``middle``."""
    sides: dict = {}
    for w in words:
        sides.setdefault(w.source_block, set()).add(w.box.x1 <= middle)
    return {k for k, s in sides.items() if len(s) == 2}


def test_spanning_runs_the_columns_side_by_side_into_one_region_with_their_styles(tmp_path):
    source = open_source(ALTO)
    try:
        middle = source.page(1).width / 2  # the fixture's rule between its two columns
    finally:
        source.close()
    before, after = _words(ALTO), _words(_rewritten("spanning", tmp_path))
    assert not _across(before, middle) and _across(after, middle)
    looks = sorted((w.text, w.box.x0, w.size, w.font, w.bold, w.italic) for w in before)
    assert sorted((w.text, w.box.x0, w.size, w.font, w.bold, w.italic) for w in after) == looks
