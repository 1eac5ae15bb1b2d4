"""Where one story ends and the next begins, on hand-made boxes: a rule between two side
headlines one under the other, a column running on past a side headline's row, a title level
with a unit's top beside it, a story's columns running on under a picture set across them
(caught on the holdout pages of seeds 73 and 79)."""

from layout.analysis.stacks import stacked_titles
from layout.model import Block, Box, Line


def _title(text, x0, y0, x1, y1, size):
    line = Line((), Box(x0, y0, x1, y1), text, size, True, False)
    return Block((line,), Box(x0, y0, x1, y1), size, True, False, role="headline")


def test_a_rule_between_two_side_headlines_one_under_the_other_keeps_them_apart():
    """Two side headlines, each left of its own story's columns, one under the other (25 and
    28 points, 20 points apart): the rule drawn between them under both closes the upper's
    story; with no rule they are one title."""
    upper, lower = _title("UPPER", 30, 100, 105, 270, 25), _title("LOWER", 30, 290, 115, 480, 28)
    rule = Box(30, 285.5, 470, 286)
    assert len(stacked_titles([upper, lower], [upper, lower], column=90, rules=[rule])[0]) == 2
    assert len(stacked_titles([upper, lower], [upper, lower], column=90)[0]) == 1
    # a rule beside them both, not under them, parts nothing
    aside = Box(130, 285.5, 470, 286)
    assert len(stacked_titles([upper, lower], [upper, lower], column=90, rules=[aside])[0]) == 1
