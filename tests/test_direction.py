"""Vertical CJK pages: detected from glyph stacking, read in columns right to left."""

from dataclasses import replace

from layout import analyse_page
from layout.analysis.direction import is_vertical, turned, turned_back
from layout.model import Block, Box, Figure, Line, Word

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


def test_a_word_turned_and_back_keeps_all_but_its_box_turned_and_its_direction():
    """Only a word's box turns, and its direction (turned: horizontal; back: vertical); its
    text, face, size, style, confidence and source ids go through as they were."""
    w = Word("道", Box(100, 20, 110, 30), "MS-Mincho", 10.5, True, True, False, 0.75, 4, 2)
    (there,) = turned(page([w])).words
    assert there == Word("道", Box(20, 490, 30, 500), "MS-Mincho", 10.5, True, True, False, 0.75, 4, 2)
    assert turned_back(there, 600) == replace(w, vertical=True)


def test_turning_back_reaches_every_box_a_result_holds_and_no_other_value():
    """Boxes inside a figure's caption blocks turn back too; a field typed to hold no box (a
    number, a name, a handle) is kept as it is."""
    line = Line((Word("図", Box(20, 490, 30, 500), size=10),), Box(20, 490, 30, 500), "図", 10.0, False, False)
    caption = Block((line,), Box(20, 490, 30, 500), 10.0, False, False, role="caption", text="図")
    figure = Figure(Box(0, 300, 100, 480), image=3, caption=(caption,), src="p1-fig1.jpg")
    back = turned_back(figure, 600)
    assert back.box == Box(120, 0, 300, 100) and (back.image, back.src) == (3, "p1-fig1.jpg")
    (block,) = back.caption
    assert block.box == block.lines[0].box == block.lines[0].words[0].box == Box(100, 20, 110, 30)
    assert block.lines[0].vertical and block.lines[0].words[0].vertical and block.role == "caption"


def test_a_page_turned_upward_reads_its_lines_bottom_to_top_the_left_one_first_and_turns_back():
    """Text turned anticlockwise reads up the page, its lines from left to right: turned the
    other way (``upward``), a word lower on the page comes first along its line, the left
    line on top; turned back, every box is where it was (the page's height is the extent)."""
    low, high, right = Word("Op", Box(100, 500, 110, 520)), Word("heeden", Box(100, 400, 110, 460)), \
        Word("Mey", Box(120, 480, 130, 500))
    content = replace(page([low, high, right]), height=800)
    there = turned(content, upward=True)
    (a, b, c) = there.words
    assert (there.width, there.height) == (800, 600)
    assert a.box.x0 < b.box.x0 and a.box.y0 == b.box.y0 < c.box.y0
    assert [w.box for w in turned_back(there.words, content.height, upward=True)] == \
        [w.box for w in content.words]
