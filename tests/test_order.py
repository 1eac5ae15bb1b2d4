"""Stage 6, reading order by XY-cut, on hand-made boxes."""

from layout.analysis.columns import Column, Grid
from layout.analysis.order import place_box, reading_order
from layout.geometry import union_all
from layout.model import Block, Box, Story


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


def reference_order(boxes, rtl=False):
    """The XY-cut as first written: after each top band, the rest is split again from scratch
    (quadratic on a stack of bands, but plainly right)."""
    def span(b, axis):
        lo, hi = (b.x0, b.x1) if axis == "x" else (b.y0, b.y1)
        s = min(0.5, (hi - lo) / 4)
        return lo + s, hi - s

    def split(items, axis):
        ordered = sorted(items, key=lambda i: span(boxes[i], axis)[0])
        groups, reach = [[ordered[0]]], span(boxes[ordered[0]], axis)[1]
        for i in ordered[1:]:
            lo, hi = span(boxes[i], axis)
            if lo >= reach:
                groups.append([])
            groups[-1].append(i)
            reach = max(reach, hi)
        return groups

    def cut(items, out):
        while len(items) > 1:
            groups = split(items, "x")
            if len(groups) > 1:
                for g in reversed(groups) if rtl else groups:
                    cut(g, out)
                return
            groups = split(items, "y")
            if len(groups) == 1:
                out.extend(sorted(items, key=lambda i: (boxes[i].y0, -boxes[i].x1 if rtl else boxes[i].x0)))
                return
            cut(groups[0], out)
            items = [i for g in groups[1:] for i in g]
        out.extend(items)

    out = []
    cut(list(range(len(boxes))), out)
    return out


def test_bands_are_cut_as_by_splitting_the_rest_again_after_each():
    """Stacked bands, some in columns, some across, a few boxes of no width: where the columns
    start again below each band is found in one pass, and must agree with a fresh split."""
    import random
    for seed in range(40):
        r = random.Random(seed)
        boxes, y = [], 0.0
        for _ in range(r.randint(5, 40)):
            h = r.choice([8, 12, 30])
            if r.random() < 0.4:  # a band of columns
                for c in range(r.randint(2, 4)):
                    x0 = c * 110 + r.choice([0, 5])
                    boxes.append(Box(x0, y, x0 + r.choice([0, 60, 100]), y + h * r.randint(1, 3)))
            else:  # an item across, or beside the edge
                x0 = r.choice([0, 0, 40, 200])
                boxes.append(Box(x0, y, x0 + r.choice([100, 330, 420]), y + h))
            y += h + r.choice([0, 2, 10])
        r.shuffle(boxes)
        for rtl in (False, True):
            assert reading_order(boxes, rtl) == reference_order(boxes, rtl), seed


def test_a_long_stack_of_items_is_read_top_to_bottom():
    boxes = [Box(0, 20 * k, 200, 20 * k + 12) for k in range(3000)][::-1]
    assert reading_order(boxes) == list(range(2999, -1, -1))


def story(name: str, *boxes: Box) -> Story:
    blocks = tuple(Block((), box, 10.0, False, False) for box in boxes)
    return Story(name, "story", blocks, union_all(boxes))


def test_a_story_running_from_the_foot_of_one_column_into_the_next_is_read_where_it_starts():
    """Column one holds the end of a story from the page before, then a story that runs on
    to the top of column two. By their boxes the second story (top of column two) came
    first; by where each starts, the page is read column after column."""
    first = story("continued", Box(50, 100, 250, 500))
    second = story("runs on", Box(50, 520, 250, 900), Box(270, 95, 470, 900))
    assert place_box(second) == Box(50, 520, 250, 900)
    stories = [second, first]
    by_box = [stories[i].id for i in reading_order([s.box for s in stories])]
    by_place = [stories[i].id for i in reading_order([place_box(s) for s in stories])]
    assert by_box == ["runs on", "continued"]
    assert by_place == ["continued", "runs on"]


def test_a_story_set_as_a_rectangle_is_placed_by_its_head_and_first_column():
    """Headline across two columns, then the text down each: the place is the headline and
    the first column under it, which keeps the story's top."""
    s = story("module", Box(50, 100, 470, 140), Box(50, 150, 250, 500), Box(270, 150, 470, 500))
    assert place_box(s) == Box(50, 100, 470, 500)


def test_a_story_across_the_columns_of_its_band_is_read_after_the_band_over_it():
    """A feuilleton across the foot of the page, its title over its first column, the tops of
    its other columns a little higher: it stands across all of them, so the page is read band
    by band (the top band's two stories, then the feuilleton), not down its first column before
    the top band's second (Ouest-Eclair Caen 1924 p8)."""
    ad = story("ad", Box(50, 100, 250, 400))
    news = story("news", Box(270, 100, 470, 400))
    feuilleton = story("feuilleton", Box(50, 450, 250, 470), Box(50, 480, 250, 900), Box(270, 420, 470, 900))
    assert place_box(feuilleton) == Box(50, 450, 470, 900)
    stories = [feuilleton, news, ad]
    assert [stories[i].id for i in reading_order([place_box(s) for s in stories])] == ["ad", "news", "feuilleton"]


def test_two_columns_whose_ocr_boxes_overlap_by_a_few_pixels_are_read_one_after_the_other():
    """A scan a little aslant (NZZ, 1815): OCR boxes column one 126-970 px and column two
    963-1833 px, 7 px over each other. The columns are still read one after the other, not
    their blocks top to bottom across the page."""
    boxes = [Box(963, 888, 1833, 1491), Box(405, 889, 933, 922), Box(126, 926, 970, 2006),
             Box(963, 1537, 1833, 2268)]
    assert reading_order(boxes) == [1, 2, 0, 3]


def test_a_block_overhanging_the_gutter_by_a_small_share_of_its_width_stays_in_its_column():
    """A skewed scan (Coloured News, 1855, p4): a block of column two, 1129-2257 px, reaches
    93 px (8 % of its width) over the gutter into column one (230-1222 px), level with column
    one's top. Taken as boxed, column one's top block is read, then that block, then the rest
    of column one; drawn back to the gutter (``Grid.held``), column one is read to its foot
    first."""
    grid = Grid((Column(230, 1222), Column(1266, 2257)))
    boxes = [Box(230, 165, 1221, 691), Box(1129, 206, 2257, 685), Box(231, 745, 1219, 1049),
             Box(1271, 742, 2255, 1572)]
    assert reading_order(boxes) == [0, 1, 2, 3]
    assert grid.held(boxes[1]) == Box(1244, 206, 2257, 685)
    assert reading_order([grid.held(b) for b in boxes]) == [0, 2, 1, 3]


def test_a_box_is_drawn_back_only_where_it_reaches_a_little_over_a_gutter():
    grid = Grid((Column(0, 100), Column(120, 220), Column(240, 340)))
    assert grid.held(Box(10, 0, 95, 10)) == Box(10, 0, 95, 10)  # inside its column
    assert grid.held(Box(0, 0, 128, 10)) == Box(0, 0, 110, 10)  # its right edge 8 into column two
    assert grid.held(Box(0, 0, 220, 10)) == Box(0, 0, 220, 10)  # set across two columns
    assert grid.held(Box(90, 0, 340, 10)) == Box(110, 0, 340, 10)  # its left edge 10 of 250 into one
    assert grid.held(Box(70, 0, 220, 10)) == Box(70, 0, 220, 10)  # 30 of 150 into one: across it
    assert grid.held(Box(112, 0, 225, 10)) == Box(112, 0, 225, 10)  # in the gutter, not over it
    assert Grid(()).held(Box(0, 0, 128, 10)) == Box(0, 0, 128, 10)  # no grid measured
