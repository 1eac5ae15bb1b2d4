"""A scan an OCR file describes aslant: the slant measured from its blocks' left edges, and
its columns read one after the other although their boxes overlap."""

import math
from dataclasses import replace

from layout import analyse_page
from layout.analysis.order import place_box, reading_order
from layout.analysis.skew import column_slope, straightener
from layout.geometry import union_all
from synth import column, page

HEIGHT = 800.0


def _slanted(lines, slope, block, first_line):
    """One OCR block of the given lines (a ``Word`` each), its words apart, every line moved
    sideways by the drift at its middle."""
    out = []
    for n, line in enumerate(lines):
        dx = ((line.box.y0 + line.box.y1) / 2 - HEIGHT / 2) * slope
        texts = line.text.split()
        per_char = (line.box.width - 0.5 * line.size * (len(texts) - 1)) / sum(map(len, texts))
        x = line.box.x0 + dx
        for text in texts:
            width = per_char * len(text)
            out.append(replace(line, text=text, box=replace(line.box, x0=x, x1=x + width),
                               source_block=block, source_line=first_line + n))
            x += width + 0.5 * line.size
    return out


def _columns(slope, lefts=(40, 202, 364), lines=60):
    """Three columns of body text 150 wide, 12 apart; the middle one in two OCR blocks (a
    paragraph, two blank lines, the rest); ``slope``: the scan's slant (dx/dy)."""
    words = []
    for k, x0 in enumerate(lefts):
        if k == 1:
            upper = column(x0, 40, 25, width=150, start=400)
            lower = column(x0, 40 + 27 * 12, lines - 27, width=150, start=700)
            words += _slanted(upper, slope, 10, 1000) + _slanted(lower, slope, 11, 1100)
        else:
            words += _slanted(column(x0, 40, lines, width=150, start=100 * k), slope, k, 100 * k)
    return page(words, width=560, height=HEIGHT)


def test_the_slant_is_measured_from_the_blocks_left_edges():
    measured = column_slope(_columns(0.03), body=10)
    assert abs(measured - 0.03) < 0.003


def test_a_straight_page_and_a_page_without_ocr_blocks_are_read_as_they_are():
    assert column_slope(_columns(0.0), body=10) == 0.0
    # drift over the page's height under a body size: OCR jitter
    assert column_slope(_columns(0.01 / HEIGHT * 10), body=10) == 0.0
    bare = _columns(0.03)
    bare = replace(bare, words=tuple(replace(w, source_block=None) for w in bare.words))
    assert column_slope(bare, body=10) == 0.0


def test_odd_pages_measure_no_slant_or_the_right_one():
    """One OCR block (too few to tell), blocks whose lines all stand level (no height to
    measure over), a body size of 0 or NaN: no slant, and no error. Boxes of no height still
    have their middles: the slant as before."""
    slanted = _columns(0.03)
    one = replace(slanted, words=tuple(w for w in slanted.words if w.source_block == 0))
    level = replace(slanted, words=tuple(replace(w, box=replace(w.box, y0=100, y1=110)) for w in slanted.words))
    assert column_slope(one, body=10) == column_slope(level, body=10) == 0.0
    assert column_slope(slanted, body=0.0) == column_slope(slanted, body=math.nan) == 0.0
    flat = replace(slanted, words=tuple(replace(w, box=replace(w.box, y1=w.box.y0)) for w in slanted.words))
    assert abs(column_slope(flat, body=10) - 0.03) < 0.003


def _block_boxes(content, move=lambda box: box):
    """Per OCR block, in block order, the union of its lines' boxes, each line moved first."""
    lines = {}
    for w in content.words:
        lines.setdefault((w.source_block, w.source_line), []).append(w.box)
    blocks = {}
    for (block, _), boxes in sorted(lines.items()):
        blocks.setdefault(block, []).append(move(union_all(boxes)))
    return [union_all(b) for _, b in sorted(blocks.items())]


def test_slanted_columns_are_read_one_after_the_other():
    """At 0.03 a tall column's box takes in 22 units of drift and overlaps the next column:
    no vertical cut parts them, and read by rows the middle column's lower block came after
    the third column. Its lines moved straight, the columns part."""
    content = _columns(0.03)
    blocks = [0, 2, 10, 11]  # source blocks in the order _block_boxes gives them
    assert [blocks[i] for i in reading_order(_block_boxes(content))] == [0, 10, 2, 11]
    straight = straightener(content, body=10)
    assert [blocks[i] for i in reading_order(_block_boxes(content, straight))] == [0, 10, 11, 2]
    assert straightener(_columns(0.0), body=10) is None


def test_the_pipeline_reads_a_slanted_scans_columns_one_after_the_other():
    """The page above analysed whole: the stories stage orders its blocks and stories by their
    lines moved straight (``order.set_box``, ``order.place_box``), so the middle column's lower
    block comes before the third column (by the boxes as drawn, after it)."""
    order = []
    for story in analyse_page(_columns(0.03)).stories:
        for ln in (ln for b in story.blocks for ln in b.lines):
            if not order or order[-1] != ln.words[0].source_block:
                order.append(ln.words[0].source_block)
    assert order == [0, 10, 11, 2]


def test_where_a_story_stands_is_its_columns_moved_straight():
    """The three columns run on as one story, as they do on the page set straight (the
    column flow measures the gutters with the slant taken out, ``flow._column_end``); it
    stands, for the order of the stories, where its lines stand moved straight (40 to 514,
    as set), not in its box as drawn (22 units of drift wider)."""
    content = _columns(0.03)
    (story,) = analyse_page(content).stories
    assert len(analyse_page(_columns(0.0)).stories) == 1
    drawn, straight = place_box(story), place_box(story, straightener(content, body=10))
    assert drawn.width > 474 + 20
    assert abs(straight.x0 - 40) < 0.5 and abs(straight.x1 - 514) < 0.5
