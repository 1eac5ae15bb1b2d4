"""A story running on from one column's foot to the next column's top, as the words say
(``layout.analysis.midsentence``, ``flow._column_end``)."""

from layout.analysis import flow
from layout.analysis.placement import Group, Unit
from layout.model import Block, Box, Line
from layout.params import Params

P = Params()
BAND = (float("-inf"), float("inf"))
BODY = 10.0


def unit(x0: float, y0: float, texts: list[str], size: float, pitch: float, home: Group | None = None) -> Unit:
    """A body block of full lines 100 wide at x0, its lines ``pitch`` apart from y0."""
    lines = tuple(Line((), Box(x0, y0 + pitch * i, x0 + 100, y0 + pitch * i + size), t, size, False, False)
                  for i, t in enumerate(texts))
    box = Box(x0, y0, x0 + 100, lines[-1].box.y1)
    u = Unit(box, block=Block(lines, box, size, False, False, role="body"))
    u.home = home if home is not None else Group([])
    return u


def column_foot(last: str, pitch: float = 12.0) -> Unit:
    """Column one's text, down to its foot, ending in ``last``."""
    return unit(50, 40, ["Der Beobachter vom neunten", "Juni enthält nunmehr den", "Vertrag über die Linie und",
                         last], 10.0, pitch)


def column_top(size: float = 10.0, pitch: float = 12.0) -> Unit:
    """Column two's text, heading it, opening in lower case: it goes on from somewhere."""
    return unit(160, 40, ["nie der Französischen Armee", "von der Böhmischen Gränze", "über Seiferschau nach",
                          "dem Flusse hin und weiter"], size, pitch)


def test_a_column_breaking_off_mid_sentence_goes_on_across_a_column_rule():
    #  ░A░░░ ┃ ░r░░░      r opens in lower case at the top of column two, a rule drawn in
    #  ░A░░░ ┃ ░r░░░      the gutter; column one breaks off mid-word ("Li-" | "nie", NZZ
    #  ░A░ - ┃ ░r░░░      1813): one story's text, in one type and leading, whatever the rule
    rule = [Box(153, 30, 155, 200)]
    top = column_top()
    broken = column_foot("In Schlesien geht die Li-")
    assert flow._column_end(top, 200, [broken], BAND, True, rule, BODY, P) is broken
    # a column closing its sentence is not gone on from across a rule
    closed = column_foot("In Schlesien ist es still.")
    assert flow._column_end(top, 200, [closed], BAND, True, rule, BODY, P) is None
    # nor, with no word broken, is text set in another leading (line pitches 12 and 15)
    mid = column_foot("In Schlesien geht die Linie")
    assert flow._column_end(column_top(), 200, [mid], BAND, True, rule, BODY, P) is mid
    assert flow._column_end(column_top(pitch=15.0), 200, [mid], BAND, True, rule, BODY, P) is None
    # with no rule between, the column before is gone on from as ever
    assert flow._column_end(top, 200, [closed], BAND, True, [], BODY, P) is closed


def test_a_word_broken_off_at_a_columns_foot_is_ended_at_the_next_columns_top_in_any_type():
    #  ░A░░░ ░r░░░        the OCR reads the foot of column one ("… à Don-") in 7 points and
    #  ░A░░░ ░r░░░        r ("ville Joseph Vasson", Petit Journal 1900 p4) in 6: no text of
    #  ░A░ - ░r░░░        r's type is there, but r ends the word A breaks: r goes on from A
    top = column_top(size=6.0, pitch=8.0)
    broken = unit(50, 40, ["les abonnés de l'Union", "Bordeaux Warrior, à Don-"], 7.0, 9.0)
    assert flow._column_end(top, 200, [broken], BAND, True, [], BODY, P) is broken
    # a foot closing no word (a comma) in another type is no evidence: the run stays alone
    comma = unit(50, 40, ["les abonnés de l'Union", "Bordeaux Warrior, à Donville,"], 7.0, 9.0)
    assert flow._column_end(top, 200, [comma], BAND, True, [], BODY, P) is None
