"""Stage 6, reading order by XY-cut, on hand-made boxes."""

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
