"""OCR noise (``analysis/noise.py``): badly read blocks set apart, unless a column holds them."""

from dataclasses import replace

from layout.analysis.linestyle import make_line
from layout.analysis.noise import ocr_noise, unread_title
from layout.model import Block, Box

from synth import column, word

BODY = 10.0


def block(words, confidence=0.9):
    """One block, a line per word, every word read with ``confidence``."""
    lines = [make_line([replace(w, confidence=confidence)], vertical=False) for w in words]
    box = Box(min(ln.box.x0 for ln in lines), min(ln.box.y0 for ln in lines),
              max(ln.box.x1 for ln in lines), max(ln.box.y1 for ln in lines))
    return Block(tuple(lines), box, lines[0].size, False, False)


def noise_of(blocks, pictures=()):
    return ocr_noise(blocks, [False] * len(blocks), list(pictures), BODY)[0]


def test_badly_read_figures_between_a_columns_lines_are_its_text():
    """A table's ``46,3711``, read with little confidence between the rows of its column, is
    the column's text; the same figures in the margin beside the column are noise."""
    above, below = block(column(50, 100, 4)), block(column(50, 170, 4))
    figures = block([word("46,3711", 60, 150)], confidence=0.3)
    assert noise_of([above, figures, below]) == [False, False, False]
    margin = block([word("46,3711", 300, 150)], confidence=0.3)
    assert noise_of([above, margin, below]) == [False, True, False]
    alone = block([word("46,3711", 60, 260)], confidence=0.3)  # under the column, at its foot
    assert noise_of([above, below, alone]) == [False, False, True]


def test_a_column_of_badly_read_figures_is_held_one_by_one():
    """Two badly read cells stacked between the text above and below: each holds the next."""
    above, below = block(column(50, 100, 4)), block(column(50, 184, 4))
    cells = [block([word("19,X35", 60, 150)], confidence=0.3),
             block([word("1779 7',3", 60, 164)], confidence=0.3)]
    assert noise_of([above, *cells, below]) == [False] * 4


def test_badly_read_rows_stacked_between_text_are_held_together():
    """Two rows read badly, text above the first and below the last but each too far from
    the text on its other side to be held alone (Handelsblad 1876 p2, ``— b. 21,177 b.`` /
    ``Voorraad 30 Nov. 1876``): the stack is the column's text. With no text under it, or
    beside the column, it stays noise."""
    above, below = block(column(50, 100, 4)), block(column(50, 230, 4))  # 100-146, 230-276
    rows = [block([word("21,177 b.", 60, 160)], confidence=0.3),  # 160-170
            block([word("11,658 b.", 60, 200)], confidence=0.3)]  # 200-210
    assert noise_of([above, *rows, below]) == [False] * 4
    assert noise_of([above, *rows]) == [False, True, True]
    margin = [block([word("21,177 b.", 300, 160)], confidence=0.3),
              block([word("11,658 b.", 300, 200)], confidence=0.3)]
    assert noise_of([above, *margin, below]) == [False, True, True, False]


def test_noise_in_a_picture_or_smaller_than_the_body_stays_noise():
    """What OCR read off a picture set in a column, or a speck, is no text of the column."""
    above, below = block(column(50, 100, 4)), block(column(50, 170, 4))
    figures = block([word("46,3711", 60, 150)], confidence=0.3)
    assert noise_of([above, figures, below], [Box(40, 145, 160, 165)]) == [False, True, False]
    speck = block([word("* ■", 60, 152, size=5)], confidence=0.3)
    assert noise_of([above, speck, below]) == [False, True, False]



def test_a_fragment_level_with_a_columns_lines_stays_noise():
    """A fragment read beside a column's lines (``op-`` / ``de`` at its edge) has no place
    among their words that the geometry can tell: read as a paragraph of its own it would cut
    the column's text, though text stands above and below it too."""
    above, below = block(column(50, 100, 2)), block(column(50, 190, 2))
    lines = block(column(50, 130, 4))
    fragment = block([word("op-", 145, 148), word("de", 145, 160)], confidence=0.3)
    assert noise_of([above, lines, fragment, below]) == [False, False, True, False]


def test_a_speck_read_in_display_type_is_noise_whatever_its_confidence():
    """``6~`` or ``//`` read large and sure in a margin has no word in it: no title. A word,
    or a letter alone (an initial), is kept; born-digital text (no confidence) is never noise."""
    text = block(column(50, 100, 4))
    for mark, noise in (("6~", True), ("//", True), ("Lot", False), ("I", False)):
        big = block([word(mark, 300, 40, size=25)], confidence=1.0)
        assert noise_of([text, big]) == [False, noise], mark
    printed = block([word("6~", 300, 40, size=25)], confidence=None)
    assert noise_of([text, printed]) == [False, False]


def test_a_block_the_lines_of_running_text_run_through_is_no_title():
    """A tall block laid over a column's lines (lines an engine merged across them) is that
    text misread, not a title; a title right over the column, its box touching the first
    line's, stands in white of its own, and so does one beside the column whose end reaches
    over the column's edge (the lines run across a part of it only)."""
    text = block(column(50, 100, 6))  # lines at y 100-110, 112-122, ...
    def untitled(blocks):
        return ocr_noise(blocks, [False] * len(blocks), [], BODY)[1]
    laid_over = block([word("IYe4Ashodo", 50, 110, size=25)])
    assert untitled([text, laid_over]) == [False, True]
    over = block([word("TIMBER SALE", 50, 76, size=25)])  # 76-101: touches the first line
    assert untitled([text, over]) == [False, False]
    reaching = block([word("IISIS ret.", -60, 110, size=25)])  # x -60..65: over the column's edge
    assert untitled([text, reaching]) == [False, False]


def test_a_title_in_display_type_read_as_garbage_is_an_unread_title():
    """``- G G QIB# -`` at 2.4 body sizes, read with little confidence, is a title the OCR
    could not read (Le Gaulois 1884 p3); the same garbage at body size is no title, and a
    title read well is a title read."""
    assert unread_title(block([word("-G G QIB#-", 50, 100, size=24)], confidence=0.3), BODY)
    assert not unread_title(block([word("-G G QIB#-", 50, 100)], confidence=0.3), BODY)
    assert not unread_title(block([word("Courses", 50, 100, size=24)], confidence=0.9), BODY)
    assert not unread_title(block([word("-G G QIB#-", 50, 100, size=24)], confidence=0.9), BODY)
    # a list's entry running on at a hyphen ("b.a.v7s-o7t, & DAVI-" / "SON.") is no title
    assert not unread_title(block([word("b.a.v7s-o7t, & DAVI-", 50, 100, size=24)], confidence=0.3), BODY)
