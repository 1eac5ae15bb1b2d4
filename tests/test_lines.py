"""Stage 1, words → lines, on hand-made words."""

from dataclasses import replace

from layout.analysis.lines import build_lines, join_words
from layout.model import Box, Rule
from layout.params import Params

from synth import word

P = Params()


def texts(lines):
    return sorted(ln.text for ln in lines)


def test_two_columns_on_one_baseline_become_two_lines():
    words = [word("alpha beta", 50, 100), word("gamma delta", 130, 100)]
    assert texts(build_lines(words, (), P)) == ["alpha beta", "gamma delta"]


def test_wide_justified_space_is_bridged_by_the_lines_above_and_below():
    words = [word("x" * 40, 50, 88),                        # full line above: 50..250
             word("ok", 50, 100), word("profite", 160, 100),  # a 100 pt space in between
             word("y" * 40, 50, 112)]                       # full line below
    assert "ok profite" in texts(build_lines(words, (), P))


def test_gutter_empty_above_and_below_cuts_the_line():
    words = []
    for i in range(3):
        words += [word("a" * 30, 50, 88 + 12 * i), word("b" * 30, 210, 88 + 12 * i)]
    lines = build_lines(words, (), P)
    assert len(lines) == 6 and all(len(ln.words) == 1 for ln in lines)


def test_vertical_rule_between_words_cuts_the_line():
    words = [word("left", 50, 100), word("right", 72, 100)]   # a 2 pt gap: a word space
    rule = Rule(Box(71, 80, 71.5, 140), "v")
    assert texts(build_lines(words, (rule,), P)) == ["left", "right"]


def test_source_line_keeps_a_wide_space_together_but_not_a_gutter():
    same = [word("ok", 50, 100, line=1), word("cash", 75, 100, line=1)]      # 1.5 em apart
    assert texts(build_lines(same, (), P)) == ["ok cash"]
    far = [word("ok", 50, 100, line=1), word("cash", 100, 100, line=1)]      # 4 em apart
    assert texts(build_lines(far, (), P)) == ["cash", "ok"]


def test_cjk_words_join_without_space_and_latin_words_with_one():
    cjk = [word("本报记者", 50, 100), word("祝大伟", 92, 100)]
    latin = [word("By", 50, 100), word("Jane", 62, 100)]
    assert join_words(cjk) == "本报记者祝大伟"
    assert join_words(latin) == "By Jane"


def test_bold_lead_in_does_not_make_the_line_bold():
    words = [word("Avec ok-cash,", 50, 100, bold=True, font="Gothic"),
             word("le client peut emprunter", 118, 100)]
    (line,) = build_lines(words, (), P)
    assert not line.bold and line.font == "times"


def test_headline_beside_body_text_is_a_line_of_its_own():
    words = [word("Big", 50, 96, size=24), word("small body text", 96, 100, size=9)]
    assert texts(build_lines(words, (), P)) == ["Big", "small body text"]


def test_an_em_space_between_cjk_phrases_is_kept_but_punctuation_takes_none():
    phrases = [word("河口镇打造供暖管网", 50, 100, size=20), word("改造应急预案", 250, 100, size=20)]
    punctuation = [word("管网", 50, 100), word("，", 75, 100), word("改造", 92, 100)]
    assert join_words(phrases) == "河口镇打造供暖管网 改造应急预案"
    assert join_words(punctuation) == "管网，改造"


def test_two_headlines_side_by_side_on_other_baselines_are_two_lines():
    """29 pt and 28 pt headlines 9 pt apart, their middles 13 pt apart: no word space."""
    left = word("District Delays", 36, 60, size=29)
    right = word("Board Extends", 228, 47, size=28)
    left = replace(left, box=Box(36, 60, 219, 100))  # span boxes as the PDF gives them
    right = replace(right, box=Box(228, 47, 747, 86))
    assert texts(build_lines([left, right], (), P)) == ["Board Extends", "District Delays"]


def test_words_of_two_source_blocks_are_never_one_line():
    """Not even where the rows around would bridge a narrow gap as a justified space."""
    above = [word("wide row of text above the gap", 50, 88)]
    below = [word("wide row of text below the gap", 50, 112)]
    alpha, beta = word("alpha", 50, 100), word("beta", 78, 100)
    words = above + below + [replace(alpha, source_block=1), replace(beta, source_block=2)]
    assert "alpha" in texts(build_lines(words, (), P))
