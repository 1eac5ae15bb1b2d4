"""Where stories stand in reading order (layout/analysis/placing.py)."""

from layout.analysis.order import reading_order
from layout.analysis.placing import place_box
from layout.geometry import union_all
from layout.model import Block, Box, Story


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
