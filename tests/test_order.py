"""Stage 6, reading order by XY-cut, on hand-made boxes."""

from layout.analysis.order import reading_order
from layout.model import Box


def test_columns_are_read_left_to_right_each_top_to_bottom():
    boxes = [Box(200, 0, 300, 100), Box(0, 120, 100, 200), Box(0, 0, 100, 100), Box(200, 120, 300, 200)]
    assert reading_order(boxes) == [2, 1, 0, 3]


def test_a_picture_across_the_columns_splits_the_story_into_bands():
    #  a1 b1      read a1 b1, the picture, then a2 b2
    #  [picture]
    #  a2 b2
    boxes = [Box(0, 0, 100, 100), Box(120, 0, 220, 100), Box(0, 110, 220, 200),
             Box(0, 210, 100, 300), Box(120, 210, 220, 300)]
    assert reading_order(boxes) == [0, 1, 2, 3, 4]


def test_vertical_columns_are_read_right_to_left():
    boxes = [Box(0, 0, 20, 300), Box(30, 0, 50, 300), Box(60, 0, 80, 300)]
    assert reading_order(boxes, right_to_left=True) == [2, 1, 0]


def test_overlapping_boxes_fall_back_to_top_then_left():
    boxes = [Box(50, 50, 150, 150), Box(0, 0, 100, 100)]
    assert reading_order(boxes) == [1, 0]


def test_gaps_level_across_columns_by_chance_do_not_slice_them_into_bands():
    #  [ standfirst across a1 and b ]
    #  a1   b1        a1 and b1 end at the same height by chance:
    #  a2   b2        still a1 a2, then b1 b2
    boxes = [Box(0, 0, 150, 40), Box(0, 50, 100, 150), Box(120, 50, 220, 150),
             Box(0, 160, 100, 300), Box(120, 160, 220, 300)]
    assert reading_order(boxes) == [0, 1, 3, 2, 4]


def test_a_column_runs_on_below_a_block_only_it_holds():
    boxes = [Box(0, 0, 100, 100), Box(0, 120, 100, 200), Box(120, 0, 220, 200)]
    assert reading_order(boxes) == [0, 1, 2]
