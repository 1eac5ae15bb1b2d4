"""The white space followed down the page (``whitespace.white_strips``), on hand-made boxes."""

from layout.analysis.gutters import DENSE, find_gutters
from layout.analysis.stripmeasure import LARGE
from layout.analysis.whitespace import _free, white_strips
from layout.model import Box


def _column(x0: float, x1: float, y0: float, rows: int, size: float = 10,
            pitch: float = 12) -> list[Box]:
    """A justified column: one box per line, ``size`` high, edge to edge."""
    return [Box(x0, y0 + i * pitch, x1, y0 + i * pitch + size) for i in range(rows)]


def test_a_headline_word_space_over_the_gutter_does_not_narrow_it():
    """Two columns 10 pt apart (150..160) under and over a 24 pt headline across both, whose
    word space (8 pt, a third of its em) stands a little right of the gutter (154..162): the
    gutter's core stays the columns' white, not the sliver both share (154..160)."""
    boxes = _column(50, 150, 100, 12) + _column(160, 260, 100, 12)
    boxes += [Box(60, 250, 154, 274), Box(162, 250, 250, 274)]  # the headline's two words
    boxes += _column(50, 150, 290, 12) + _column(160, 260, 290, 12)
    (gutter,) = [s for s in white_strips(boxes, 10) if s.y0 < 150 and s.y1 > 400]
    assert (gutter.x0, gutter.x1) == (150, 160)


def test_a_gutter_beside_large_type_only_keeps_its_own_width():
    """A strip with large type beside all its slices but the blank ones between its lines (a
    stack of 24 pt lines 4 pt apart, a gap in each) is measured on all of them: the blank ones
    alone would make it as wide as the page."""
    boxes = []
    for i in range(6):
        y = 100 + 28 * i
        boxes += [Box(50, y, 150, y + 24), Box(160, y, 260, y + 24)]
    (gutter,) = [s for s in white_strips(boxes, 10) if s.x0 >= 150 and s.x1 <= 160]
    assert (gutter.x0, gutter.x1) == (150, 160)


def test_a_byline_over_the_gutter_followed_as_a_pinch_does_not_shift_it():
    """A headline's word space (140..170) over two columns 10 pt apart (150..160), a byline
    between them covering the gutter but for a point at its left (141..250): the white is
    followed through the byline as a pinch, and the white left of the byline, which stands
    off the gutter, must not bound its core (it made 141..150, text, the gutter)."""
    boxes = [Box(50, 60, 140, 84), Box(170, 60, 260, 84), Box(141, 90, 250, 98)]
    boxes += _column(50, 150, 104, 14) + _column(160, 260, 104, 14)
    (gutter,) = [s for s in white_strips(boxes, 10) if s.y1 > 200]
    assert (gutter.x0, gutter.x1) == (150, 160)



def test_a_strip_is_cut_where_one_side_is_blank_for_three_body_sizes_not_where_the_sides_take_turns():
    """Two columns 10 pt apart (150..160), lines 10 pt high. The left one breaks off for 40 pt
    (170..210) beside the right one: the strip is cut there, two strips judged apart. The
    left one breaks off for 20 pt (170..190), then the right one for 28 pt (182..210), each
    blank for under ``_BLANK`` (3 body sizes): one strip down the columns (the white under a
    centred kicker, then between a headline and its text, chromium_s127_01_zh)."""
    one_side = _column(50, 150, 100, 6) + _column(50, 150, 210, 10) + _column(160, 260, 100, 20)
    assert [(s.y0, s.y1) for s in white_strips(one_side, 10) if s.x0 >= 150 and s.x1 <= 160] \
        == [(100, 170), (210, 330)]
    turns = _column(50, 150, 100, 6) + _column(50, 150, 190, 11)   # feet 170, 320
    turns += _column(160, 260, 100, 7) + _column(160, 260, 210, 10)  # feet 182, 318
    assert [(s.y0, s.y1) for s in white_strips(turns, 10) if s.x0 >= 150 and s.x1 <= 160] == [(100, 320)]


def test_the_white_beside_a_ragged_columns_short_lines_ends_unmeasured_in_the_gutters():
    """Two columns 10 pt apart (150..160); five lines of the left one end at 130, short of the
    gutter: the white there (130..160) is followed as a strip of its own until the next long
    line narrows it to the gutter's strip, where it ends unmeasured (its slices are the
    gutter's); the gutter is the one strip, down the columns."""
    boxes = _column(50, 150, 100, 4) + _column(50, 130, 148, 5) + _column(50, 150, 208, 4)
    boxes += _column(160, 260, 100, 13)
    assert [(s.x0, s.x1, s.y0, s.y1) for s in white_strips(boxes, 10) if 100 < s.x1 < 200] \
        == [(150, 160, 100, 255)]


def test_a_strip_beside_fewer_boxes_than_asked_on_one_side_is_left_unmeasured():
    """Two columns 10 pt apart (150..160), a picture right of them (300..400) and one line
    beside it: asked for strips beside two boxes at least on each side (``fewest``), the white
    between the columns and the picture (one box on its right) and the white at the page's
    right margin (none) are left out, and every other strip is measured as before."""
    boxes = _column(50, 150, 100, 20) + _column(160, 260, 100, 20)
    boxes += [Box(300, 100, 400, 340), Box(410, 200, 500, 210)]
    every = white_strips(boxes, 10)
    asked = white_strips(boxes, 10, fewest=2)
    assert [(s.x0, s.x1) for s in every if s.lines < 2]  # (margins: something to leave out)
    assert [s for s in every if s.lines >= 2] == [s for s in asked if s.lines >= 2]
    assert all(s in every for s in asked)
    assert (150, 160) in [(s.x0, s.x1) for s in asked]
    assert not [s for s in asked if s.x0 < 50 or s.x1 > 500]


def test_the_gutter_of_a_short_last_column_a_pitch_past_two_long_ones_is_on_the_grid():
    """Four columns of Chinese on a 118.2-point pitch, 8.5-point type: three of eight lines,
    the fourth of four (libreoffice_s181_02_zh). Lines with Latin figures end a point or three
    past or short of the measure, so the long gutters' left edges (and widths, 14.8 and 12.8
    points) differ; the columns all start on the pitch. The fourth column's gutter, four lines
    tall, is on the grid: its last row, whose line left of it ends 8.5 points short, is cut."""
    body, step, boxes = 8.5, 11.05, []
    ends = {0: [138.1] * 7 + [139.5], 1: [256.3] * 6 + [259.7, 256.3], 2: [374.5] * 3 + [366.0] + [374.5] * 4}
    for c, x0 in enumerate((36.1, 154.3, 272.5)):
        boxes += [Box(x0, 100 + step * k, ends[c][k], 108.5 + step * k) for k in range(8)]
    boxes += [Box(390.7, 100 + step * k, 492.7 if k in (1, 2) else 424.7, 108.5 + step * k) for k in range(4)]
    gutters = find_gutters(boxes, body)
    found = gutters.through(366.0, 390.7, 104.25 + 3 * step, 0.3 * body)
    assert found is not None and found.on_grid and (found.x0, found.x1) == (374.5, 390.7)
    off = boxes[:-4] + [Box(b.x0 + 30, b.y0, b.x1 + 30, b.y1) for b in boxes[-4:]]  # off the pitch
    assert find_gutters(off, body).through(366.0, 420.7, 104.25 + 3 * step, 0.3 * body) is None


def test_a_gutter_beside_a_picture_keeps_its_width_where_it_opens_between_two_bylines():
    """Two kickers in 22 pt type (their space 130..160), two bylines far apart under them
    (10..60, 200..250), then a picture (50..140) beside a column (150..250): the white runs
    down from the kickers' space, opens between the bylines and goes on between picture and
    column. The two slices of body type (beside the bylines) are few of the strip's: they must
    not bound its core (they made it 60..200, across the column's text: reportlab_s187_01_zh)."""
    boxes = [Box(10, 40, 130, 62), Box(160, 40, 250, 62), Box(10, 66, 60, 74), Box(200, 66, 250, 74)]
    boxes += [Box(50, 80, 140, 260)] + _column(150, 250, 80, 15)
    (gutter,) = [s for s in white_strips(boxes, 10) if s.y1 > 200 and 20 < s.x0 < 150]
    assert (gutter.x0, gutter.x1) == (140, 150)


def test_the_free_intervals_of_a_slice_name_the_boxes_beside_them_and_whether_they_are_body_type():
    """Three boxes across one slice, the middle one large type (30 pt on a 10 pt body) and the
    last one nested in it: the free intervals are the margins and the two gaps, each with the
    box on either side as that side sees it (its index, its facing edge, its height), and of
    body type only where every box beside it is no taller than ``LARGE`` body sizes."""
    boxes = [Box(50, 100, 100, 110), Box(120, 95, 200, 125), Box(130, 100, 150, 110), Box(230, 100, 300, 110)]
    free = [(x0, x1, left, right, body) for x0, x1, left, right, _, _, _, body in
            _free(sorted(_span(b, k) for k, b in enumerate(boxes)), 49, 301)]
    assert free == [
        (49, 50, None, (0, 50, 10), True),
        (100, 120, (0, 100, 10), (1, 120, 30), False),
        (200, 230, (1, 200, 30), (3, 230, 10), False),
        (300, 301, (3, 300, 10), None, True)]


def _span(b: Box, k: int) -> tuple:
    """The span ``white_strips`` files for box k in a slice, on a 10 pt body (``LARGE``)."""
    height = b.y1 - b.y0
    return (b.x0, b.x1, k, height, (k, b.x0, height), (k, b.x1, height), height <= LARGE * 10)


def test_a_gutter_ends_where_the_column_beside_it_empties_under_a_title():
    """Three columns, the middle one a title's (160..230): its nine lines end at y=208, and
    the column stays blank under them, the text of the column left of it 8 body sizes away
    across that white (within ``_WITHIN``: lined by the wide measure). The gutter right of the
    title's column (230..240) is long down the nine lines; followed on down the blank column
    it was lined on one side for a quarter of its height, too thin to be a gutter, and a line
    of the title's column and the one level with it right of the gutter were one line
    (holdout_101_07_zh: a kicker and the first line of its story's text)."""
    boxes = _column(50, 150, 100, 34) + _column(160, 230, 100, 9) + _column(240, 340, 100, 34)
    gutters = find_gutters(boxes, 10).strips
    assert any((g.x0, g.x1) == (230, 240) and g.long and g.y1 < 300 for g in gutters)


def test_a_gutter_between_two_stories_is_dense_though_it_runs_up_between_their_headlines():
    """Two stories side by side under a rule: a two-line headline each (48 pt high, large
    type), the left one ending 40 pt (over ``_NEAR``) left of the gutter (220..228), a byline
    each, then the left story's three lines and the right one's nine. The gutter is white from
    the rule down, between the headlines too; the left headline, standing off it, lines it
    with nothing: that height is left out of its density, and the gutter is dense down its
    columns (it was 0.39, under ``DENSE``: reportlab_s201_03_zh, lines either side of it one)."""
    boxes = [Box(50, 80, 400, 82), Box(60, 86, 180, 134), Box(238, 86, 380, 134)]
    boxes += [Box(110, 136, 200, 145), Box(250, 136, 330, 145)]
    boxes += _column(100, 220, 148, 3) + _column(228, 350, 148, 9)
    (gutter,) = [s for s in white_strips(boxes, 10) if (s.x0, s.x1) == (220, 228)]
    assert gutter.y0 < 100 and gutter.dense >= DENSE
