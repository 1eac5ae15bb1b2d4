"""The lines stage's short cuts (taken for speed) answer as the general way does."""

import random
import statistics
from dataclasses import replace

from layout.analysis.lines import _rows
from layout.analysis.linestyle import join_words, make_line
from layout.analysis.rejoin import fragments, other_lines
from layout.analysis.rowcuts import APART, CUT, NONE, WEAK, Walled, cut_row
from layout.geometry import union_all

from synth import word


def test_a_rows_middle_is_the_median_of_its_words_middles():
    """Rows of loose words, found lines and fragments of one found line: each row's middle is
    the median of its words' middles, however the words came (shuffled, at uneven heights)."""
    rng = random.Random(7)
    words = []
    for n in range(12):  # loose words, a row of two to five a line
        words += [word(f"w{n}{k}", 50 + 40 * k, 100 + 14 * n + rng.uniform(-1, 1)) for k in range(2 + n % 4)]
    for n in range(6):  # found lines, their words a little off their baseline
        words += [replace(word(f"f{n}{k}", 300 + 40 * k, 100 + 14 * n + rng.uniform(-1.5, 1.5)),
                          source_block=1, source_line=n) for k in range(1 + n % 4)]
    words += [replace(word("le", 300, 301), source_block=2, source_line=0),  # two fragments of one line,
              replace(word("ft", 312, 303), source_block=2, source_line=0),  # their words' middles not
              replace(word("right", 330, 300), source_block=2, source_line=1)]  # in order left to right
    rng.shuffle(words)
    boxes = {id(w): w.box for w in words}
    rows, middles, _, _ = _rows(words, boxes, True)
    assert sum(map(len, rows)) == len(words)
    assert any([w.text for w in row] == ["le", "ft", "right"] for row in rows)
    for row, middle in zip(rows, middles):
        assert middle == statistics.median(w.box.cy for w in row)
        assert [w.box.x0 for w in row] == sorted(w.box.x0 for w in row)
    assert middles == sorted(middles)


def test_a_line_takes_the_style_of_most_of_its_characters():
    plain = [word(t, 50 + 40 * k, 100) for k, t in enumerate(["the", "new", "plan"])]
    line = make_line(plain, False)
    assert (line.text, line.bold, line.italic, line.size, line.font) == ("the new plan", False, False, 10, "times")
    assert line.box == union_all([w.box for w in plain])
    italic = [replace(w, italic=True) for w in plain]
    assert make_line(italic, False).italic
    one = [italic[0], *plain[1:]]  # one word of three in italics: the line is not
    assert not make_line(one, False).italic and make_line(one, False).text == join_words(one)
    blank = [replace(w, text="") for w in plain]  # no characters: counted as styled
    assert make_line(blank, False).bold and make_line(blank, False).italic


def test_cut_row_judges_only_stretches_with_a_weak_or_apart_cut():
    """Stretches between sure cuts that hold no weak or apart cut (a word alone, or words a
    word space apart) are left as they are, with no look at the lines around; a weak cut as
    wide as its stretch's word spaces is taken back, a far wider one stands; apart cuts alike
    are taken back only in a line that fills a column's measure (``in_measure``)."""
    row = [word(t, 50 + 40 * k, 100) for k, t in enumerate("a b c d e f".split())]
    asked = []

    def measured(answer):
        def in_measure(first, last, **_):
            asked.append((first.text, last.text))
            return answer
        return in_measure

    cuts = [CUT, NONE, CUT, NONE, WEAK]  # a | b c | d e f, the last gap weak
    pieces = cut_row(row, [20.0, 5.0, 20.0, 5.0, 5.5], cuts, measured(True))
    assert [[w.text for w in p] for p in pieces] == [["a"], ["b", "c"], ["d", "e", "f"]]
    pieces = cut_row(row, [20.0, 5.0, 20.0, 5.0, 30.0], cuts, measured(True))
    assert [[w.text for w in p] for p in pieces] == [["a"], ["b", "c"], ["d", "e"], ["f"]]
    assert asked == []
    apart = [CUT, APART, CUT, NONE, NONE]  # a | b · c | d e f
    pieces = cut_row(row, [20.0, 8.0, 20.0, 5.0, 5.0], apart, measured(False))
    assert [[w.text for w in p] for p in pieces] == [["a"], ["b"], ["c"], ["d", "e", "f"]]
    assert asked == [("b", "c")]
    pieces = cut_row(row, [20.0, 8.0, 20.0, 5.0, 5.0], apart, measured(True))
    assert [[w.text for w in p] for p in pieces] == [["a"], ["b", "c"], ["d", "e", "f"]]


def test_a_walled_stretch_is_judged_once_and_only_when_asked():
    judged = []

    def fills(a, b):
        judged.append((a, b))
        return b - a > 2

    walled = Walled({(1, 2): (0, 1), (3, 4): (1, 5)}, fills)
    assert (9, 9) not in walled and judged == []
    assert (3, 4) in walled and (3, 4) in walled and (1, 2) not in walled
    assert judged == [(1, 5), (0, 1)]


def test_words_on_two_baselines_or_printed_over_each_other_are_two_lines():
    a = word("alpha", 50, 100)
    b = word("beta", 90, 100)
    assert not other_lines(a, b, a.box, b.box, b.box.x0 - a.box.x1)
    low = word("beta", 90, 106)  # its middle 6 pt lower: another line
    assert other_lines(a, low, a.box, low.box, low.box.x0 - a.box.x1)
    over = word("HEAD", 60, 100, bold=True)  # bold, overlapping the word beside by over half an em
    assert other_lines(a, over, a.box, over.box, over.box.x0 - a.box.x1)
    same = word("beta", 60, 100)  # one face, overlapping: a word boxed over its line, kept
    assert not other_lines(a, same, a.box, same.box, same.box.x0 - a.box.x1)


def test_fragments_of_one_found_line_side_by_side_are_grouped():
    def found(text, x0, y0, block, line):
        return replace(word(text, x0, y0), source_block=block, source_line=line)

    words = [found("tinent", 50, 100, 1, 0), found("now array", 85, 100.5, 1, 1),  # one printed line
             found("a full line under them", 50, 112, 1, 2), found("other", 85, 100, 2, 3)]  # a line under; another block
    lines = [[0], [1], [2], [3]]
    shapes = [words[k].box for k in range(4)]
    groups = fragments(lines, words, shapes)
    assert sorted(map(sorted, groups)) == [[0, 1], [2], [3]]
    assert fragments(lines[2:], words, shapes[2:]) == [[0], [1]]  # none joined: each alone, by its left
