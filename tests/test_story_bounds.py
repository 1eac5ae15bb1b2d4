"""Where one story ends and the next begins, on hand-made boxes: a rule between two side
headlines one under the other, a column running on past a side headline's row, a title level
with a unit's top beside it, a story's columns running on under a picture set across them
(caught on the holdout pages of seeds 73, 79 and 97)."""

from layout.analysis.bands import open_cuts
from layout.analysis.lines import build_lines
from layout.analysis.placement import Group, Placer, Unit
from layout.analysis.stacks import stacked_titles
from layout.model import Block, Box, Figure, Line, Word
from layout.params import Params

from synth import column

P = Params()


def _title(text, x0, y0, x1, y1, size):
    line = Line((), Box(x0, y0, x1, y1), text, size, True, False)
    return Block((line,), Box(x0, y0, x1, y1), size, True, False, role="headline")


def _text(x0, y0, lines, width=100, last="text of the column and", short=False):
    """A body block of ``lines`` lines 12 points apart; the last one reads ``last`` and, when
    ``short``, stops at half the measure."""
    rows = [Line((), Box(x0, y0 + 12 * i, x0 + width, y0 + 12 * i + 10), "text of the column", 10, False, False)
            for i in range(lines)]
    end = rows[-1].box
    rows[-1] = Line((), Box(end.x0, end.y0, end.x0 + (0.5 if short else 1) * width, end.y1), last, 10, False, False)
    return Block(tuple(rows), Box(x0, y0, x0 + width, rows[-1].box.y1), 10, False, False, role="body")


def _unit(block):
    return Unit(block.box, block=block)


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


def test_a_column_running_on_past_a_side_headlines_row_stays_with_the_text_above_it():
    """A side headline's text row is level with it; the next column right of the row, whose
    text runs on from above down past the headline's top, is the story above's, not the row's
    (holdout_73_11_zh: the column right of a boxed side-headline story)."""
    side = Group([_title("SIDE", 20, 300, 80, 340, 20)])
    placer = Placer([side], [], [], 10, P)
    row = _unit(_text(90, 300, 8))
    assert placer.home(row) is side
    placer.place(row, side)
    assert placer.home(_unit(_text(203, 304, 8))) is side  # nothing over it: the row's
    above, other = _unit(_text(200, 100, 17)), Group([])  # ends at 302: past the title's top
    placer.place(above, other)
    assert placer.home(_unit(_text(203, 304, 8))) is other


def test_a_title_beside_a_units_top_yields_to_the_title_over_it():
    """A story's last columns run on right of its headline; the next story's title, set right
    of them, ends a little under their top: they stand beside it, not under it, and stay with
    the headline over them (holdout_73_07_zh: 3 points). Starting under its foot they are its."""
    lead = Group([_title("LEAD", 50, 100, 300, 140, 28)], span=Box(50, 100, 420, 140))
    late = Group([_title("LATE", 420, 150, 600, 195, 21)], span=Box(300, 150, 600, 195), text_below=True)
    placer = Placer([lead, late], [], [], 10, P)
    assert placer.home(_unit(_text(310, 192, 8))) is lead
    assert placer.home(_unit(_text(310, 200, 8))) is late


def test_a_row_of_small_titles_each_a_little_under_its_texts_top_keeps_each_its_text():
    """Small ads set in a row, each title's box a point under the top of its own text (scale
    family classifieds: "JOBS 973" over its text, the next ad's title right of it a little
    lower): the text is its own title's, level with the one beside it, not the ad's higher up."""
    high = Group([_title("HIGH", 310, 240, 380, 252, 10)], span=Box(300, 240, 410, 252), text_below=True)
    own = Group([_title("JOBS", 310, 300, 360, 312.5, 10)], span=Box(300, 300, 410, 312.5), text_below=True)
    beside = Group([_title("SALE", 420, 300, 490, 313, 10)], span=Box(340, 300, 530, 313), text_below=True)
    placer = Placer([high, own, beside], [], [], 10, P)
    assert placer.home(_unit(_text(310, 312, 3))) is own


def _band(last_short: bool, first_stops: bool = False):
    """Three columns of three lines, a picture across them 16 points under, three columns under
    it; the third column's last line closes its paragraph when ``last_short``, the first's
    ends a sentence on a full line when ``first_stops``."""
    top = [_text(50, 100, 3, last="said the council." if first_stops else "and"), _text(170, 100, 3),
           _text(290, 100, 3, last="end." if last_short else "and", short=last_short)]
    picture = Unit(Box(50, 150, 390, 250), figure=Figure(Box(50, 150, 390, 250)))
    under = [_text(x, 260, 8) for x in (50, 170, 290)]
    return [_unit(b) for b in top] + [picture] + [_unit(b) for b in under]


def _cut_over_picture(units) -> bool:
    return any(134 < c.cy < 150 and c.x0 < 200 < c.x1 for c in open_cuts(units, [], {}, [], 10))


def test_columns_breaking_off_over_a_picture_across_them_run_on_under_it():
    """A story's columns break off mid-sentence over a picture set across them all, and go on
    under it: the white over the picture is no line between bands (holdout_73_03_zh). When
    its last column closes its paragraph there, the story has ended: the white is one."""
    assert not _cut_over_picture(_band(last_short=False))
    assert _cut_over_picture(_band(last_short=True))


def test_a_sentence_ending_over_the_picture_in_a_column_not_the_last_leaves_the_story_open():
    """A story's first column ends a sentence on a full line over the picture set across its
    columns, its last column breaks off mid-sentence: the story goes on under the picture, the
    white over it is no line between bands (holdout_97_04_en). Its last column closing its
    paragraph there still ends the story."""
    assert not _cut_over_picture(_band(last_short=False, first_stops=True))
    assert _cut_over_picture(_band(last_short=True, first_stops=True))


def test_two_cjk_headlines_of_two_sizes_far_over_the_gutter_between_their_columns_are_two_lines():
    """A 36 pt headline over three columns and a 27 pt one over the next, on one row 14.5 pt
    apart (0.54 em of the smaller), the gutter between their columns starting 105 pt under
    the row (the larger headline's second line, deck and byline between: 13 body sizes of
    8 pt): the gutter parts them (holdout_83_07_zh, boxes as PyMuPDF gives them)."""
    words = [Word("北塘区建设新型就业岗", Box(29.3, 43.5, 389.3, 86.7), "Song", 36.0, False, False),
             Word("河口镇打造乡村振兴", Box(403.8, 59.9, 646.8, 92.3), "Song", 27.0, False, False)]
    words += (column(29.3, 181, 20, width=96, size=8, pitch=11) + column(141.8, 181, 20, width=104, size=8, pitch=11)
              + column(262.9, 181, 20, width=128, size=8, pitch=11) + column(403.8, 111, 26, width=112, size=8, pitch=11))
    lines = [ln.text for ln in build_lines(words, (), P)]
    assert "北塘区建设新型就业岗" in lines and "河口镇打造乡村振兴" in lines


def test_a_column_under_its_storys_rule_stays_with_it_beside_a_lower_title_with_a_rule_of_its_own():
    """A story's rule runs over its four columns, its title over the first two only; the next
    story's title, right of the last column and lower, has a rule of its own that stops short
    of that column, and its span reaches it only over the white beside the title. The column,
    starting right under the first story's header, is that story's (holdout_103_01_zh); with
    no rules drawn, the lower title's span takes it as before."""
    lead = Group([_title("LEAD", 50, 100, 300, 140, 28)], span=Box(50, 100, 420, 140), text_below=True)
    late = Group([_title("LATE", 440, 150, 600, 170, 21)], span=Box(300, 150, 600, 170), text_below=True)
    rules = [Box(50, 93, 420, 93.5), Box(430, 143, 600, 143.5)]
    assert Placer([lead, late], rules, [], 10, P).home(_unit(_text(310, 185, 8))) is lead
    assert Placer([lead, late], [], [], 10, P).home(_unit(_text(310, 185, 8))) is late
