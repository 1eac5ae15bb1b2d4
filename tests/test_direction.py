"""Vertical CJK pages: detected from glyph stacking, read in columns right to left."""

from layout import analyse_page
from layout.analysis.direction import is_vertical, turned, turned_back
from layout.model import Box

from synth import page, word

TEXT = "道路交通法施行令の一部を改正する政令を公布する内閣は法律の施行に伴い次のように定める"


def vertical_columns(texts, right=500, top=100, size=10, gap=6):
    """Each text a column of single glyphs, top to bottom; columns from right to left."""
    words = []
    for c, text in enumerate(texts):
        x = right - c * (size + gap)
        words += [word(ch, x, top + i * size, size) for i, ch in enumerate(text)]
    return words


def test_stacked_glyphs_make_a_vertical_page_and_side_by_side_ones_do_not():
    vertical = page(vertical_columns([TEXT[:20], TEXT[20:40], TEXT[5:25]]))
    horizontal = page([word(ch, 100 + 10 * i, 100 + 12 * r) for r in range(3) for i, ch in enumerate(TEXT[:20])])
    assert is_vertical(vertical) and not is_vertical(horizontal)


def test_vertical_columns_are_read_right_to_left():
    columns = [TEXT[i:i + 12] for i in range(0, 36, 12)]
    (story,) = analyse_page(page(vertical_columns(columns))).stories
    assert "".join(b.text for b in story.blocks) == "".join(columns)
    assert all(ln.vertical for b in story.blocks for ln in b.lines)


def test_turning_a_page_and_back_restores_every_box():
    content = page(vertical_columns([TEXT[:10]]), rules=[(Box(10, 20, 300, 21), "h")])
    back = turned_back(turned(content).words, content.width)
    assert [w.box for w in back] == [w.box for w in content.words]
