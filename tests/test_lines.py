"""Stage 1, words → lines, on hand-made words."""

from dataclasses import replace

from layout.analysis.foundlines import found_measure
from layout.analysis.lines import build_lines
from layout.analysis.linestyle import join_words
from layout.analysis.rotation import with_sideways_words
from layout.analysis.rowcuts import NONE, WEAK, cut_row
from layout.model import Box, Rule, Word
from layout.params import Params

from synth import column, page, word

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


def test_a_river_wandering_down_a_narrow_justified_column_cuts_no_line():
    """A narrow justified column of TeX (8.5 pt type, 102 pt wide) sets two to four words a
    line, stretched apart; their spaces meet down eight lines in white as long as a gutter's,
    that wanders a word space left and right: the sliver common to most lines lies under
    "across" and "by". A river, no gutter: "Thursday. ······ Meanwhile," is one line
    (latex_s173_03_en). Two columns a gutter as narrow apart, their lines never over it, are
    still cut."""
    rows = [
        (("expand", 593.7, 621.0), ("the", 634.1, 646.2), ("municipal", 659.2, 696.2)),
        (("program", 593.7, 625.6), ("last", 635.4, 649.0), ("week", 658.8, 677.2), ("on", 687.0, 696.2)),
        (("Thursday.", 593.7, 631.5), ("Meanwhile,", 653.2, 696.2)),
        (("the", 593.7, 605.8), ("county", 616.5, 641.9), ("commission", 652.6, 696.2)),
        (("considered", 593.7, 633.4), ("a", 651.6, 656.0), ("costly", 674.2, 696.2)),
        (("museum", 593.7, 624.9), ("across", 628.5, 651.3), ("the", 654.9, 667.0), ("region.", 670.5, 696.2)),
        (("The", 593.7, 608.7), ("market", 619.5, 646.1), ("will", 656.8, 670.4), ("cost", 681.2, 696.2)),
        (("about", 593.7, 615.7), ("$6.7", 624.8, 640.2), ("million,", 649.3, 677.8), ("as", 688.4, 696.2)),
        (("estimated", 593.7, 630.5), ("by", 646.5, 655.7), ("Daniel", 671.7, 696.2)),
        (("Moreau,", 593.7, 624.9), ("who", 629.7, 645.2), ("endorsed", 649.6, 683.1), ("63", 687.5, 696.2)),
        (("annual", 593.7, 619.1), ("markets.", 622.0, 654.4)),
        (("Continued", 605.2, 643.9), ("on", 647.0, 656.3), ("Page", 659.4, 677.7), ("A19", 680.9, 696.2)),
    ]
    words = [Word(t, Box(x0, 336.4 + 10.16 * i, x1, 344.9 + 10.16 * i), "LMRoman9", 8.47, False, False)
             for i, row in enumerate(rows) for t, x0, x1 in row]
    assert "Thursday. Meanwhile," in texts(build_lines(words, (), P))
    two = column(593.7, 336.4, 12, width=48, size=8.47, pitch=10.16) \
        + column(646.5, 336.4, 12, width=48, size=8.47, pitch=10.16)              # gutter 641.7..646.5
    assert all(ln.box.x1 <= 642 or ln.box.x0 >= 646 for ln in build_lines(two, (), P))


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


def test_an_ocr_line_keeps_a_wide_space_together_but_not_a_gutter():
    """A TextLine of an OCR file is evidence: its gaps are the engine's rough spacing (a dash
    it dropped, a loose line), cut only at a gutter of the page's column grid. A PDF's line is
    its extractor's guess: a wide gap with nothing around it cuts it."""
    def ocr(w):
        return replace(w, source_block=1)

    for gap_em in (1.5, 2.5, 4, 8):
        apart = [word("ok", 50, 100, line=1), word("cash", 60 + 10 * gap_em, 100, line=1)]
        assert texts(build_lines([ocr(w) for w in apart], (), P)) == ["ok cash"]
    far = [word("ok", 50, 100), word("cash", 100, 100)]      # 4 em apart, no OCR line
    assert texts(build_lines(far, (), P)) == ["cash", "ok"]
    # Two columns of OCR lines, one of which the engine ran across the gutter between them.
    left, right = column(50, 100, 12), column(170, 100, 12, start=40)
    rows = sorted({w.box.y0 for w in left})
    across = 5

    def found(line, first):  # the line's words, as an OCR file gives them
        row, x = rows.index(line.box.y0), line.box.x0
        number = row if row == across else first + row
        for text in line.text.split():
            yield ocr(word(text, x, line.box.y0, line=number))
            x += 5 * len(text) + 5
    words = [w for ln in left for w in found(ln, 0)] + [w for ln in right for w in found(ln, 100)]
    lines = build_lines(words, (), P)
    assert len(lines) == 24 and all(ln.box.x1 < 160 or ln.box.x0 > 160 for ln in lines)


def test_cjk_words_join_without_space_and_latin_words_with_one():
    cjk = [word("本报记者", 50, 100), word("祝大伟", 92, 100)]
    latin = [word("By", 50, 100), word("Jane", 62, 100)]
    assert join_words(cjk) == "本报记者祝大伟"
    assert join_words(latin) == "By Jane"


def test_a_word_set_letter_spaced_closes_up_and_its_word_spaces_stay():
    """Letters set apart ("S P O R T", Sperrsatz), as OCR words or in one span of a PDF: the
    letters of a word join, a gap wider than theirs by a word space parts two words; a line
    of ordinary short words ("il y a à faire") is left as it is."""
    x, letters = 50.0, []
    for ch in "SPORT NEWS":
        if ch != " ":
            letters.append(word(ch, x, 100))
        x += 5 + 3  # half an em a letter, tracking 3 (0.3 em); a space adds 5 more
    assert join_words(letters) == "SPORT NEWS"
    assert join_words([word("L E T T E R", 50, 100), word("here", 120, 100)]) == "LETTER here"
    french = [word(t, 50 + 12 * k, 100) for k, t in enumerate(["il", "y", "a", "à", "faire"])]
    assert join_words(french) == "il y a à faire"
    assert join_words([word("il y a à faire", 50, 100)]) == "il y a à faire"


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


def _loose_column(x0: float, y0: float, rows: int, start: int, size: float = 9,
                  pitch: float = 10.5, width: float = 90) -> list:
    """A narrow justified column without hyphenation: two or three words a line spread to both
    edges, so the spaces are several ems wide and fall elsewhere from line to line."""
    lengths = [4, 9, 2, 7, 3, 11, 5, 8, 6]
    words = []
    k = start
    for i in range(rows):
        n = 2 + (i + start) % 2
        chunk = [lengths[(k + j) % len(lengths)] for j in range(n)]
        k += n
        space = (width - sum(0.5 * size * c for c in chunk)) / (n - 1)
        x = x0
        for c in chunk:
            words.append(word("a" * c, x, y0 + i * pitch, size))
            x += 0.5 * size * c + space
    return words


def test_loose_justified_spaces_of_several_ems_stay_in_their_line():
    """The issue's 'dependent ······· on': spaces of 2-5 em inside narrow justified columns,
    two columns a little under one em apart, lines of the two columns not level."""
    left, right = _loose_column(50, 100, 20, 0), _loose_column(148, 103, 20, 3)
    lines = build_lines(left + right, (), P)
    assert sorted(len(ln.words) for ln in lines) == sorted(
        [2 + i % 2 for i in range(20)] + [2 + (i + 3) % 2 for i in range(20)])


def test_tight_cjk_gutter_cuts_a_short_line_from_the_line_beside_it():
    """Columns of ten characters a character apart: a paragraph's short last line and the
    line level with it in the next column are two lines."""
    words = []
    for i in range(16):
        y = 100 + 13 * i
        left = "市场监管部门提出下一" if i != 6 else "步增强。"
        words += [word(left, 50, y), word("江北区已累计探索社区", 160, y)]
    lines = build_lines(words, (), P)
    assert "步增强。" in texts(lines) and len(lines) == 32


def test_a_space_before_latin_figures_in_a_cjk_line_does_not_excuse_a_tight_gutter():
    """Two short CJK columns (six rows) 0.8 em apart: a line of the second holding Latin
    figures, spaced 0.8 em from the CJK text after them as justification leaves it, is still
    cut from the line level with it: where CJK meets a Latin run is no word space that the
    gutter's gap could be one of (typst_s203_01_zh: "397" then 7.7 pt, beside an 8.3 pt gutter)."""
    for row in (0, 3):
        words = []
        for i in range(6):
            y = 100 + 13 * i
            words.append(word("市场监管部门提出下一", 50, y))
            words += ([word("建设电商平", 158, y), word("39", 210, y), word("户，商", 228, y)] if i == row
                      else [word("江北区已累计探索社区", 158, y)])
        lines = build_lines(words, (), P)
        assert len(lines) == 12 and "建设电商平39户，商" in texts(lines)



def test_a_cjk_rows_own_spacing_still_excuses_a_gap_as_wide():
    """In a row of CJK only, the gaps between its runs are its spacing: a weak cut 15 % wider
    than them is one of them (only where CJK meets a Latin run is a gap no word space)."""
    texts, gaps = ["市场监管", "部门提出", "下一步将", "继续推进", "社区建设"], [2.0, 2.0, 2.3, 2.0]
    row, x = [], 0.0
    for text, gap in zip(texts, gaps + [0.0]):
        row.append(Word(text, Box(x, 0, x + 40, 10), "SimSun", 10.0))
        x += 40 + gap
    pieces = cut_row(row, gaps, [NONE, NONE, WEAK, NONE], lambda *a, **k: True)
    assert ["".join(w.text for w in p) for p in pieces] == ["".join(texts)]


def test_two_lines_justified_each_its_own_way_beside_a_short_gutter_are_two_lines():
    """Five rows of two narrow justified columns a gutter of 9.4 pt apart; in one row the left
    line, narrowed by a drop cap, spaces its two words 19.9 pt apart, the right one 8.8 pt:
    one justified line would space them alike, so the gap is a gutter (latex_s203_08_en)."""
    def line(ws, y):
        return [Word(t, Box(x0, y, x1, y + 8.5), "Times", 8.5) for t, x0, x1 in ws]

    words = []
    for i in range(5):
        y = 100 + 9.2 * i
        words += line([("he", 51.3, 60.0), ("planning", 80.0, 112.9)], y) + line(
            [("the", 122.2, 134.3), ("port", 143.1, 159.4), ("authority.", 168.2, 205.2)], y) if i == 2 else line(
            [("council", 30, 58), ("said", 61, 77), ("monday", 80, 112.9)], y) + line(
            [("plan", 122.2, 140), ("would", 143, 165), ("reach", 168, 205.2)], y)
    lines = build_lines(words, (), P)
    assert len(lines) == 10 and "the port authority." in texts(lines)


def test_punctuation_hanging_into_the_gutter_does_not_join_the_columns():
    words = []
    for i in range(16):
        y = 100 + 13 * i
        words += [word("市场监管部门提出下一", 50, y), word("江北区已累计探索社区", 160, y)]
    words[12] = word("市场监管部门提出下。", 50, 100 + 13 * 6)  # its 。 box reaches 6 pt into the gutter
    words[12] = replace(words[12], box=Box(50, words[12].box.y0, 156, words[12].box.y1))
    assert len(build_lines(words, (), P)) == 32


def test_a_headline_across_the_gutter_stays_one_line():
    words = column(50, 100, 12) + column(160, 100, 12)           # two columns, 10 pt gutter
    words += [word("Council", 50, 250, size=24), word("Approves", 140, 250, size=24),
              word("Budget", 248, 250, size=24)]                 # its spaces fall on the gutter
    words += column(50, 290, 12) + column(160, 290, 12)
    assert "Council Approves Budget" in texts(build_lines(words, (), P))


def test_two_headlines_of_two_sizes_a_word_space_apart_across_the_gutter_are_two_lines():
    """A 24 pt headline ending at the gutter and a 20 pt one starting 8 pt after it (under the
    20 pt word space): the gutter runs between two headlines, not through one's word space."""
    words = column(50, 100, 12, width=150) + column(210, 100, 12, width=150)  # gutter 200..210
    words += [word("Budget", 62, 250, size=24), word("Delay", 140, 250, size=24),  # to x=200
              word("Governor", 208, 254, size=20), word("Signs", 294, 254, size=20)]
    words += column(50, 290, 12, width=150) + column(210, 290, 12, width=150)
    lines = texts(build_lines(words, (), P))
    assert "Budget Delay" in lines and "Governor Signs" in lines


def test_two_headlines_of_two_sizes_side_by_side_above_the_gutters_are_two_lines():
    """A 20 pt headline over two columns and a 24 pt one over the next two, on one row 17 pt
    apart (0.85 em; their word spaces are 0.28 em), where the gutters below stop short of the
    headlines: no gutter runs through the gap, but one headline is never set in two sizes
    with a space wider than a word space between them."""
    words = [word("Senator", 30, 652, size=20), word("Evaluates", 110, 652, size=20),
             word("Rural", 209, 652, size=20),                                   # to x=259
             word("Agency", 276, 652, size=24), word("Increases", 370, 652, size=24)]
    words += column(30, 720, 12, width=110) + column(150, 720, 12, width=110)
    words += column(276, 720, 12, width=110) + column(396, 720, 12, width=110)
    lines = texts(build_lines(words, (), P))
    assert "Senator Evaluates Rural" in lines and "Agency Increases" in lines
    # with no gutter under the gap, words of two sizes (an OCR layer's, sized by their boxes
    # hung from the line's top, in no typeface) are a headline's: a nameplate "THE GREAT FALLS
    # TRIBUNE"; so are a PDF's of one face on one baseline (boxed 0.9 em up and 0.2 em down)
    words = [replace(word("THE", 30, 40, size=20), font=""), replace(word("GREAT", 77, 40, size=24), font="")]
    assert "THE GREAT" in texts(build_lines(words + column(30, 80, 12), (), P))
    words = [replace(w, box=Box(w.box.x0, 60 - 0.9 * w.size, w.box.x1, 60 + 0.2 * w.size)) for w in words]
    words = [replace(w, font="Times") for w in words]
    assert "THE GREAT" in texts(build_lines(words + column(30, 80, 12), (), P))


def test_two_headlines_of_one_size_side_by_side_above_the_gutter_are_two_lines():
    """Two 20 pt headlines, each over its own two columns, on one row 0.75 em apart (their
    word spaces are a quarter em), over a line running across the gutter: the gutter below
    stops under that line, so no gutter runs through the gap, but it heads the gap from
    below, and one headline's words are never spaced three word spaces apart
    (chromium_s111_01_en)."""
    words = [word("Council", 50, 250, size=20), word("Defends", 125, 250, size=20),
             word("Cautious", 210, 250, size=20),                                 # to x=290
             word("Agency", 305, 250, size=20), word("Extends", 370, 250, size=20)]
    words += [word("x" * 98, 50, 276)]                                          # 50..540
    words += column(50, 290, 12, width=115) + column(175, 290, 12, width=115)   # gutter 290..305
    words += column(305, 290, 12, width=115) + column(430, 290, 12, width=115)
    lines = texts(build_lines(words, (), P))
    assert "Council Defends Cautious" in lines and "Agency Extends" in lines


def test_cjk_headlines_side_by_side_and_one_with_a_full_width_space_over_the_gutter():
    """Two 26 pt CJK headlines 1.4 em apart over their own columns are two lines; one headline
    whose phrases are a full-width space apart (1 em), that space over the gutter, stays one
    (chromium_s111_09_zh). A line runs across the gutter under them, as above."""
    below = column(30, 300, 12, width=170) + column(215, 300, 12, width=170)    # gutter 200..215
    below += [word("本报记者深化营商环境建设生态环境本报记者深化营商环境建设生态", 30, 282)]
    words = [word("北塘区完善市场", 10, 250, size=26), word("西岭村升级管网", 228, 250, size=26)]
    lines = texts(build_lines(words + below, (), P))                             # gap 192..228
    assert "北塘区完善市场" in lines and "西岭村升级管网" in lines
    words = [word("北塘区完善市场", 10, 250, size=26), word("引导新型", 218, 250, size=26)]
    assert "北塘区完善市场 引导新型" in texts(build_lines(words + below, (), P))  # gap 192..218


def test_a_cjk_headlines_phrase_space_over_a_gutter_with_its_byline_across_stays_one_line():
    """A 26 pt CJK headline whose phrases are a full-width space apart (1 em), that space over
    a gutter that runs down the page through it, its byline centred on the whole headline
    right under it, across the gutter: one headline (chromium_s117_06_zh: "北塘区改造垃圾分类
    加强养老服务" over "本报记者唐秀英 韩宏 唐国庆"). With no byline, or one set under the
    left phrase alone, the phrases over the gutter stay two headlines side by side, each over
    its own columns (typst_s97_08_zh)."""
    cols = [w for y in (100, 300) for w in column(30, y, 12, width=170) + column(215, y, 12, width=170)]
    words = [word("北塘区完善市场", 20, 250, size=26), word("引导新型", 228, 250, size=26)]  # gap 202..228
    centred = [word("本报记者唐秀英", 122, 277, size=9), word("韩宏唐国庆", 189, 277, size=9)]  # 122..234
    assert "北塘区完善市场 引导新型" in texts(build_lines(cols + words + centred, (), P))
    assert "北塘区完善市场 引导新型" not in texts(build_lines(cols + words, (), P))
    left = [word("本报记者唐秀英", 20, 277, size=9), word("韩宏唐国庆", 87, 277, size=9)]
    assert "北塘区完善市场 引导新型" not in texts(build_lines(cols + words + left, (), P))


def test_a_centred_cjk_headlines_phrase_space_over_a_gutter_with_a_short_byline_set_to_the_whole_stays_one_line():
    """A 26 pt CJK headline centred over five columns, its phrases of ten and six characters
    a full-width space apart (1 em), that space over a gutter, its byline centred on the whole
    headline right under it but too short to reach the space, under the longer phrase alone:
    one headline (chromium_s173_03_zh: "望江社区推动公共服务　更新科研院所" over "本报记者梁国庆").
    With no byline, or one set to the left phrase alone (flush with its start, or centred on
    it), the phrases stay two headlines side by side, each over its own columns."""
    cols = [w for x in (348.4, 454.5, 560.6, 666.7, 772.8)
            for w in column(x, 300, 20, width=97, size=9.5)]                  # gutter 657.6..666.7
    heads = [word("望江社区推动公共服务", 388.2, 250, size=26),                  # 388.2..648.2
             word("更新科研院所", 674.2, 250, size=26)]                          # 674.2..830.2
    one = "望江社区推动公共服务 更新科研院所"

    def byline(x0):  # 63 pt wide
        return [word("本报记者梁国庆", x0, 278, size=9)]
    assert one in texts(build_lines(cols + heads + byline(577.7), (), P))        # centred on 609.2
    assert one not in texts(build_lines(cols + heads, (), P))
    assert one not in texts(build_lines(cols + heads + byline(388.2), (), P))
    assert one not in texts(build_lines(cols + heads + byline(486.7), (), P))    # centred on 518.2


def test_a_small_bold_cjk_headlines_phrase_space_over_a_gutter_with_a_shorter_byline_across_stays_one_line():
    """A short item's CJK headline set in bold at 8 pt, under the 10 pt body, its phrases an em
    apart over the gutter of the two columns it heads, its byline centred on the whole
    headline right under it and shorter: one headline (typst_s135_00_zh: "滨江新区实施污水管网
    更新全方位养老服务" over "本报记者 徐秀英"). A row under it running from its one end to
    the other is two columns' lines (bold text of the body's size), not a byline: two lines."""
    cols = [w for y in (100, 280) for w in column(30, y, 12, width=84) + column(122, y, 12, width=84)]
    words = [word("滨江新区实施污水管网", 34, 250, size=8, bold=True),   # 34..114
             word("更新全方位养老服务", 122, 250, size=8, bold=True)]    # 122..194, gap 114..122
    byline = [word("本报记者徐秀英", 82.5, 261, size=9, bold=True)]       # 82.5..145.5
    assert "滨江新区实施污水管网 更新全方位养老服务" in texts(build_lines(cols + words + byline, (), P))
    assert "滨江新区实施污水管网 更新全方位养老服务" not in texts(build_lines(cols + words, (), P))
    full = [word("社区工作者升级物流体", 34, 261, size=8, bold=True), word("系游客安全感显著提", 122, 261, size=8, bold=True)]
    assert "滨江新区实施污水管网 更新全方位养老服务" not in texts(build_lines(cols + words + full, (), P))


def test_cjk_headlines_side_by_side_each_filling_its_columns_are_two_lines():
    """Two 25 pt CJK headlines, each set to the measure of its own two columns, so that the
    gap between them is the gutter (0.4 em, no wider than a display word space) and ends on
    both of its edges: two headlines, not one whose word space falls on the gutter
    (latex_s115_06_zh: "双河镇开展智慧农" | "滨江新区补齐特色"). Set 2 pt into the gutter,
    the second no longer meets its far edge, and the gap is a word space again."""
    def grid(y):  # four columns 82.5 pt wide, gutters of 10 pt: 112.5, 205, 297.5 to +10
        return [w for x in (30, 122.5, 215, 307.5) for w in column(x, y, 12, width=82.5)]
    words = grid(100) + grid(290) + [word("双河镇开展智慧", 30, 250, size=25)]  # 30..205
    lines = texts(build_lines(words + [word("滨江新区补齐特", 215, 250, size=25)], (), P))
    assert "双河镇开展智慧" in lines and "滨江新区补齐特" in lines             # 215..390
    lines = texts(build_lines(words + [word("滨江新区补齐特", 213, 250, size=25)], (), P))
    assert "双河镇开展智慧滨江新区补齐特" in lines
    # a Latin headline's word space meeting both edges by chance is as wide as its other
    # spaces: one line (latex_s111_00_en: "Council Introduces Regional Highway Despite …")
    heads = [word(t, x, 250, size=25) for t, x in (("Mayor", 10), ("Backs", 82.5), ("Plan", 155),
                                                     ("Despite", 215), ("Protests", 312.5))]
    lines = texts(build_lines(grid(100) + grid(290) + heads, (), P))              # spaces of 10 pt
    assert "Mayor Backs Plan Despite Protests" in lines


def test_an_indented_first_line_beside_a_full_line_is_cut_on_the_pages_gutter():
    """Two columns with a gutter from 150 to 160 pt; lower down, between two lines across both
    columns (a caption over a chart), one row where a full line of the left column stands
    beside the first line of a paragraph, set in 12 pt past the right column's edge: no
    gutter runs at that height, but the gap starts at the long gutter's left edge and ends
    one indent past its right edge (typst_s111_07_en)."""
    words = column(50, 100, 16) + column(160, 100, 16, start=40)
    words += [word("x" * 44, 50, 300), word("y" * 44, 50, 324)]             # 50..270, across
    words += [word("z" * 20, 50, 312), word("The chamber of", 172, 312)]    # 50..150 | 172..
    lines = texts(build_lines(words, (), P))
    assert "z" * 20 in lines and "The chamber of" in lines


def test_a_river_whose_edges_line_up_by_chance_is_no_gutter():
    """Four lines of a wide column whose spaces before one word line up: a river, not a gutter."""
    words = []
    for i in range(4):
        y = 100 + 12 * i
        words += [word("son parle toujours il", 50, y), word("ne craint rien cet", 160 + (i % 2), y)]
    lines = build_lines(words, (), P)
    assert len(lines) == 4


def test_a_footnote_number_stays_with_its_line_beside_a_column_set_higher():
    """A number set small and raised before its line (a footnote) neither joins the line of
    the next column, level with it, nor narrows the row so its own line falls out of it."""
    words = [word("sensors greater than", 222, 640.2, 9),     # the next column, 2.5 pt higher
             word("10", 52, 643.75, 4.5), word("A flight control law", 59.2, 643.7, 7)]
    assert texts(build_lines(words, (), P)) == ["10 A flight control law", "sensors greater than"]


def test_lines_beside_an_empty_column_are_two_lines():
    """A story ends at the foot of the middle column: the last few rows of the columns beside
    it stand a column's width apart, with text around the gap above (the middle column's
    last lines), which is no word space."""
    words = column(50, 100, 14) + column(290, 100, 14, start=60)
    words += column(170, 100, 10, start=30)[:-1] + [word("end.", 170, 100 + 12 * 9)]
    lines = build_lines(words, (), P)
    assert len(lines) == 14 + 14 + 10
    assert all(ln.box.width <= 100 for ln in lines)


def test_cjk_punctuation_touching_the_next_column_does_not_join_the_columns():
    """A full-width comma hung into a tight gutter, its box reaching the next column."""
    words = []
    for i in range(16):
        y = 100 + 13 * i
        words += [word("市场监管部门提出下一", 50, y), word("江北区已累计探索社区", 160, y)]
    words[12] = word("“市场监管部门提出下，", 44, 100 + 13 * 6)   # 11 em from x=44: to 154
    words[12] = replace(words[12], box=replace(words[12].box, x1=160.5))  # into the next column
    assert len(build_lines(words, (), P)) == 32


def test_a_comma_set_as_a_run_of_its_own_after_latin_digits_hangs_into_the_gutter():
    """xeCJK sets "26.40%" + "，" as two runs; the lone comma's box fills the whole gutter, up
    to the next column, three rows down: the rows above it must still be cut there."""
    words = []
    for i in range(16):
        y = 100 + 13 * i
        words += [word("市场监管部门提出下一", 50, y), word("江北区已累计探索社区", 160, y)]
    y = 100 + 13 * 2
    words[4:5] = [word("累计完善平方米", 50, y), word("26.40%", 120, y), word("，", 150, y)]
    lines = build_lines(words, (), P)
    assert len(lines) == 32 and all(ln.box.x1 <= 160 or ln.box.x0 >= 160 for ln in lines)


def test_a_full_stop_after_latin_digits_hangs_into_the_gutter_up_to_the_next_column():
    """ReportLab sets "41.1%。" past its column's measure, the full-width stop touching the next
    column (reportlab_s159_05_zh): the mark hangs though a Latin one stands before it, and the
    row is still cut at the gutter."""
    words = []
    for i in range(16):
        y = 100 + 13 * i
        words += [word("市场监管部门提出下一", 50, y), word("江北区已累计探索社区", 160, y)]
    words[12] = word("态环境打造教育41.1%。", 50, 100 + 13 * 6)
    words[12] = replace(words[12], box=replace(words[12].box, x1=160.5))  # into the next column
    lines = build_lines(words, (), P)
    assert len(lines) == 32 and all(ln.box.x1 <= 160.5 or ln.box.x0 >= 160 for ln in lines)


def test_a_line_of_the_next_module_a_little_lower_is_not_rejoined_across_a_columns_side():
    """Two modules side by side on grids a point and a half apart, 8 pt between them
    (latex_s159_05_zh): the rows of the page, drawn by the lines beside them, part the two
    columns' lines, and the second joined the first's across the gutter (its white, widened
    by a crosshead, is held by the gap only at a long gutter's side): a column's side stops
    that join as it stops a cut row being one line."""
    def at(text, x0, y0, x1, y1, size=9.46, bold=False):
        return Word(text, Box(x0, y0, x1, y1), "Sans" if bold else "Serif", size, bold, False)

    words = [at("近年来，东湖街道建设精", 292.3, 434.7, 415.3, 444.2), at("细化便民市场，实施乡村振", 292.3, 448.0, 415.3, 457.5),
             at("吨。“推动口袋公园，拓", 316.0, 461.2, 415.3, 470.7), at("展科研院所，商户幸福感大幅", 292.3, 474.5, 415.3, 484.0),
             at("增加。”种植户郭伟说。南城社", 292.3, 487.7, 415.3, 497.2), at("67.3", 389.0, 501.7, 405.8, 511.2),
             at("文化活动", 423.6, 432.2, 462.2, 441.7), at("感显著增加。", 423.6, 445.5, 480.3, 454.9),
             at("落实村民防汛体系", 443.2, 459.6, 526.9, 470.1, 10.46, True), at("搭建畅通供暖管网", 443.2, 471.6, 526.9, 482.1, 10.46, True),
             at("“搭建应急预案，探索现代农", 418.2, 487.7, 546.5, 497.2), at("业，村民安全感逐年增加。”种", 423.6, 501.0, 546.5, 510.5),
             at("提高。此外，住建部门更新全", 161.1, 896.6, 284.1, 906.0), at("截至目前，北塘区探索电商平", 292.3, 899.1, 415.3, 908.6),
             at("位，深化应急预案", 423.6, 900.6, 498.7, 910.1), at("培训、创新平台等重点领域，", 686.0, 894.5, 816.3, 903.9)]
    lines = build_lines(words, (), P)
    assert [ln.text for ln in lines if "截至目前" in ln.text] == ["截至目前，北塘区探索电商平"]


def test_the_last_row_of_two_columns_with_the_ones_between_empty_is_two_lines():
    """The middle columns end higher up (a jump line last, a little lower than its row): the
    last row of the outer columns stands a column and more apart, a gap that holds the
    gutters of the page's grid, though they end a line above."""
    words = column(50, 100, 14) + column(410, 101.5, 14, start=60)
    words += column(170, 100, 12, start=30) + column(290, 100, 12, start=45)
    words += [word("Continued on Page 2", 300, 99 + 12 * 12, size=8)]
    lines = build_lines(words, (), P)
    assert all(ln.box.width <= 110 for ln in lines), [ln.text for ln in lines if ln.box.width > 110]


def test_a_cjk_date_line_with_latin_digits_alone_on_its_row_is_one_line():
    """"2024 年 3 月 8 日 星期二": a quarter em and more between CJK and Latin digits."""
    parts = [("2024", 10), ("年", 5.3), ("3", 5), ("月", 5.3), ("8", 5), ("日", 5.3), ("星期二", 25.5)]
    words, x = [], 700.0
    for text, width in parts:
        w = word(text, x, 20, size=8.5)
        words.append(replace(w, box=replace(w.box, x1=x + width)))
        x += width + 5.3
    assert "2024年3月8日星期二" in texts(build_lines(words + column(50, 100, 10), (), P))


def test_two_ocr_lines_of_a_skewed_scan_stay_two_lines():
    """Lines of a skewed page overlap in height: the engine's lines are kept, never merged
    into one row whose words would interleave."""
    upper = [word(t, x, 100 + 0.04 * (x - 50), line=1) for t, x in (("Diejenige", 50), ("eines", 110), ("Briefträgers", 150), ("nach", 230))]
    lower = [word(t, x, 104 + 0.04 * (x - 50), line=2) for t, x in (("Venken", 52), ("täglich", 112), ("Rieden", 152), ("wöchent-", 232))]
    words = [replace(w, source_block=1) for w in upper + lower]
    assert texts(build_lines(words, (), P)) == ["Diejenige eines Briefträgers nach", "Venken täglich Rieden wöchent-"]


def test_a_river_of_word_spaces_down_eight_ocr_lines_does_not_cut_them():
    """Word spaces of eight lines of one column meet by chance: the white they share is a
    sliver, a tenth of an em, and the words beside it do not start at one edge."""
    words = []
    for i in range(8):
        y, split = 100 + 12 * i, 150 + (0, 2, -1, 1, 3, 0, -2, 2)[i]
        left = word("x" * 16, 50, y, line=i)
        left = replace(left, box=replace(left.box, x1=split), source_block=1)
        right = word("y" * 14, split + 4 + (0, 3, 1, 4, 0, 2, 5, 1)[i] / 2, y, line=i)
        right = replace(right, box=replace(right.box, x1=250), source_block=1)
        words += [left, right]
    assert len(build_lines(words, (), P)) == 8


def test_a_word_set_sideways_is_read_apart_from_the_horizontal_text():
    """A rotated advertisement up the side of a page: its words, boxed tall and thin, would
    fill the rows of every line beside them."""
    side = [replace(word("Leggende", 300, 60), box=Box(300, 60, 310, 140)),
            replace(word("Amsterdam", 300, 150), box=Box(300, 150, 310, 240))]
    words = page(column(50, 100, 12) + side)
    assert with_sideways_words(words) == words  # a PDF's words say which way they run
    content = with_sideways_words(replace(words, unit="px"))  # an OCR page's do not
    assert [w.vertical for w in content.words if w.text in ("Leggende", "Amsterdam")] == [True, True]
    assert not any(w.vertical for w in content.words if w.text not in ("Leggende", "Amsterdam"))
    lines = build_lines(content.words, (), P)
    assert all(ln.box.x1 <= 160 for ln in lines if not ln.vertical)


def test_a_short_word_on_a_found_line_stretched_by_a_stray_glyph_stays_upright():
    """An OCR line boxed over three printed lines by a flourish ("-&\"" before "few tons of
    measurement goods", the Liverpool Standard, 1832): its words get that height, and "few"
    is as tall and thin as a sideways word; most of the line's words are upright, so is it.
    Sideways words on a found line of their own stay sideways."""
    tall = [replace(word(text, x, 100, line=7), box=Box(x, 100, x + 12 * len(text), 250))
            for text, x in (("-&", 20), ("few", 50), ("tons", 90), ("of", 142), ("measurement", 170))]
    side = [replace(word("Amsterdam", 300, 150, line=8), box=Box(300, 150, 310, 240))]
    content = with_sideways_words(replace(page(column(50, 300, 12) + tall + side), unit="px"))
    assert {w.text: w.vertical for w in content.words if w.source_line in (7, 8)} == {
        "-&": False, "few": False, "tons": False, "of": False, "measurement": False, "Amsterdam": True}


def _found(text, x0, x1, y, block, line):
    return replace(word(text, x0, y), box=Box(x0, y, x1, y + 10), source_block=block,
                   source_line=line)


def test_a_table_the_ocr_read_row_by_row_stays_in_rows_but_a_line_across_columns_is_cut():
    """A table of figures set in one column: the white between its figures (1.5 em) runs down
    many rows, long as a gutter, but every row the OCR found runs across it, so each row stays
    one line. A found line that reaches from one column into the next (across a gutter that
    the other lines respect) is cut there, and so is one twice the column measure."""
    words = []
    for i in range(30):  # two columns of body text, lines 300 wide, a gutter 20 wide
        y = 100 + 12 * i
        split = 100 + 37 * i % 90  # the word space of each line somewhere else
        for block, x in ((1, 50), (2, 370)):
            words += [_found("lorem", x, x + split, y, block, i),
                      _found("ipsum", x + split + 5, x + 300, y, block, i)]
    for i in range(12):  # a table in column one, four figures a row
        y = 480 + 12 * i
        words += [_found(f"14.{i}{k}", 50 + 80 * k, 115 + 80 * k, y, 3, i) for k in range(4)]
        words += [_found("dolor", 370, 515, y, 2, 100 + i), _found("sit", 520, 670, y, 2, 100 + i)]
    # a line of column one whose OCR line took in the first word of column two
    words = [w for w in words if not (w.source_block == 2 and w.source_line == 5)]
    joined = [_found("amet", 370, 515, 160, 1, 5)]
    for i in range(10):  # lower down, the OCR read both columns as one, line after line
        y = 700 + 12 * i
        words += [_found("pars", 50, 350, y, 4, i), _found("una", 365, 670, y, 4, i)]
    lines = build_lines(words + joined, (), P)
    table_rows = [ln for ln in lines if ln.text.startswith("14.")]
    assert len(table_rows) == 12 and all(len(ln.text.split()) == 4 for ln in table_rows)
    assert not any("amet" in ln.text and "lorem" in ln.text for ln in lines)
    assert sorted(ln.text for ln in lines if ln.box.y0 >= 700) == ["pars"] * 10 + ["una"] * 10


def test_a_river_down_a_columns_found_lines_does_not_cut_a_wide_found_line_under_it():
    """The word spaces of twenty found lines of a column fall one under the other (a white
    path an em wide, its sides aligned, long as a gutter): the lines are kept whole, and the
    white inside them is no gutter, so a title the OCR found under them, wider than the
    column, is not cut where its word space meets that path."""
    words = []
    for i in range(20):
        y = 100 + 12 * i
        words += [_found("lorem", 50, 150, y, 1, i), _found("ipsum", 160, 250, y, 1, i)]
    words += [_found("WIDE", 50, 150, 342, 2, 0), _found("TITLE", 160, 450, 342, 2, 0)]
    assert [ln.text for ln in build_lines(words, (), P) if ln.box.y0 > 330] == ["WIDE TITLE"]


def test_a_long_word_starting_before_a_short_one_still_bridges_the_space_below_it():
    """The words over a gap are found by bisection on their starts and a running maximum of
    their ends: a short word starting after a long one, and ending before the gap, must not
    hide the long one that spans it."""
    words = [word("x" * 40, 50, 88), word("a", 51, 88),        # 50..250 and 51..56 above
             word("ok", 50, 100), word("profite", 160, 100),  # a 100 pt space from 60 to 160
             word("y" * 40, 50, 112), word("b", 51, 112)]
    assert "ok profite" in texts(build_lines(words, (), P))


def _rows(rows, y0, size=10, pitch=12):
    """Words from rows of (x0, characters) pairs, one row a pitch below the other."""
    return [word("a" * n, x, y0 + i * pitch, size) for i, row in enumerate(rows) for x, n in row]


def test_a_river_of_loose_word_spaces_with_nothing_above_or_below_stays_in_its_line():
    """A loose justified column (LaTeX's narrow measures) whose equal word spaces meet down
    three lines: the middle line's space there has no text right above or below it, yet it is
    no wider than the line's other space, which the lines around it cover: one line."""
    full = [[(50, 30)]]                                         # tight lines, 50..200
    river = [[(50, 9), (110, 4), (145, 11)],                    # spaces of 15 pt at 95..110
             [(50, 9), (110, 8), (165, 7)],
             [(50, 9), (110, 2), (135, 13)]]
    lines = build_lines(_rows(full + river + full, 100), (), P)
    assert len(lines) == 5 and sorted(len(ln.words) for ln in lines) == [1, 1, 3, 3, 3]


def test_a_loose_line_whose_every_space_falls_on_a_river_stays_one_line():
    """A narrow justified column without hyphenation (LaTeX's ``\\sloppy``): the line
    "inspected a detailed" has two spaces of 0.7 em, each over the several-em spaces of the
    lines above ("Peter      Ibarra") and below ("railway     despite"), so no word stands right
    above or below either. It has no narrower space to compare them with, but they are alike:
    a justified line stretches its spaces alike, and it stays one line (it was cut in three and
    "a detailed" moved to the column's foot)."""
    full = [[(50, 22)]]                                         # tight lines, 50..160
    loose = [[(50, 5), (130, 6)],                               # a 55 pt space at 75..130
             [(50, 9), (102, 1), (114, 9)],                     # spaces of 7 pt at 95, 107
             [(50, 7), (125, 7)]]                               # a 40 pt space at 85..125
    lines = build_lines(_rows(full + loose + full, 100), (), P)
    assert sorted(len(ln.words) for ln in lines) == [1, 1, 2, 2, 3]


def test_a_river_a_third_of_an_em_wide_closed_by_the_lines_around_it_cuts_no_line():
    """A narrow justified column of TeX between two others (8.47 pt type, 96 pt wide): the
    spaces of six lines ("Sato will ··· inspect", "temporary ··· shelter", …) overlap in white
    0.35 em wide that runs eight body sizes down to a paragraph's short last line, as long as
    a gutter, its sides lined up by chance; the lines right above and below run across it. A
    river, no gutter: each line stays whole (latex_s191_02_en lost "inspect the" and "shelter
    on" to the foot of the column)."""
    rows = [
        (("spring.", 241.6, 267.3), ("Superintendent", 279.7, 337.6)),
        (("Sato", 241.6, 258.5), ("will", 267.3, 280.9), ("inspect", 289.7, 316.6), ("the", 325.5, 337.6)),
        (("temporary", 241.6, 281.3), ("shelter", 292.2, 317.4), ("on", 328.3, 337.5)),
        (("Monday,", 241.6, 274.0), ("and", 294.5, 308.5), ("the", 325.5, 337.5)),
        (("manager", 241.6, 274.0), ("of", 279.8, 286.8), ("Stonebridge", 292.5, 337.5)),
        (("announced", 241.6, 282.2), ("a", 291.2, 295.6), ("northern", 304.6, 337.5)),
        (("shelter", 241.6, 266.8), ("for", 273.8, 284.3), ("the", 291.3, 303.4), ("coming", 310.5, 337.6)),
        (("year.", 241.6, 260.0),),
        (("The", 241.6, 256.6), ("sheriff", 259.2, 282.2), ("of", 284.9, 291.9), ("Cedar", 294.6, 317.3),
         ("Falls", 320.0, 337.5)),
    ]
    words = [Word(t, Box(x0, 1077.5 + 10.16 * i, x1, 1085.0 + 10.16 * i), "LMRoman9", 8.47, False, False)
             for i, row in enumerate(rows) for t, x0, x1 in row]
    beside = [column(x, 1037.5, 16, width=96, size=8.47, pitch=10.16) for x in (135.7, 347.4)]
    lines = build_lines(words + beside[0] + beside[1], (), P)
    middle = [ln.text for ln in lines if 240 < ln.box.x0 < 340]
    assert sorted(middle) == sorted(" ".join(t for t, _, _ in row) for row in rows)


def test_a_justified_line_of_two_words_filling_its_measure_is_not_cut_at_a_blank_columns_side():
    """"However, ············ the": the first line of a narrow justified column, its one space
    from 707.8 to 749.5. Lower down the page, under a jump line whose page number is set right
    ("See SHELTER, Page" / "A20" at 748.2), a column-wide blank runs down beside the lines of
    the columns either side: a long strip whose right edge, A20's, the space ends on, after a
    comma hanging into it, and "However," alone ends where "reviewed" of the loose line
    "reviewed ······ 64" does. Yet "However, the" spans the column's measure as the line under
    it does: one line of the column, not a line ending on a column's side
    (weasyprint_s189_05_en lost "the")."""
    size, pitch = 9.5, 10.64

    def at(text, x0, x1, y, s=size):
        return Word(text, Box(x0, y, x1, y + s), "C059", s, False, False)

    def col(x0, y0, n):
        return column(x0, y0, n, width=95.8, size=size, pitch=pitch)

    words = col(774.2, 442.0, 66) + col(561.6, 299.0, 29) + col(667.9, 437.0, 14)
    words += [at("County Evaluates", 243.0, 748.0, 624.0, 24.0)] + col(561.6, 694.6, 7) + [
        at("However,", 667.9, 707.8, 694.6), at("the", 749.5, 763.7, 694.6),
        at("treasurer of Oakdale", 667.9, 763.7, 705.3),
        at("reviewed", 667.9, 706.8, 715.9), at("64", 753.1, 763.7, 715.9)] + col(667.9, 726.6, 2)
    words += [at("County Launches", 243.0, 758.0, 785.0, 24.0)] + col(561.6, 855.0, 6) + col(667.9, 855.0, 5)
    words += [at("County Defends", 243.0, 702.0, 935.0, 24.0)] + col(561.6, 1005.5, 9) + [
        at("See SHELTER, Page", 682.2, 763.7, 1005.4), at("A20", 748.2, 763.7, 1015.0)]
    words += [at("Board Extends", 243.0, 625.0, 1140.0, 24.0)]
    texts = [ln.text for ln in build_lines(words, (), P) if 660 < ln.box.x0 < 770 and 690 < ln.box.y0 < 720]
    assert sorted(texts) == ["However, the", "reviewed 64", "treasurer of Oakdale"]


def test_two_items_side_by_side_alone_on_their_row_are_still_two_lines():
    """Two captions side by side with nothing above or below: the gap between them is far
    wider than the word spaces inside them, so it cuts the row."""
    words = [word("left", 50, 100), word("caption", 73, 100), word("here", 111, 100),
             word("right", 150, 100), word("caption", 178, 100)]
    assert texts(build_lines(words, (), P)) == ["left caption here", "right caption"]


def test_a_speck_in_the_gutter_stays_on_the_ocr_line_that_holds_it():
    """Dirt or a piece of a column rule, read as "i" or "!" and put by OCR at the start of a
    line of the next column: kept on that line, it makes no column of specks of its own."""
    specks = {2: "i", 5: "!", 6: "■"}  # by line, in the file before the line's words
    words = []
    for i in range(30):
        y = 100 + 12 * i
        words += [_found("left" * 5, 50, 150, y, 1, 2 * i)]
        words += [_found(specks[i], 160, 160.5, y, 2, 2 * i + 1)] if i in specks else []
        words += [_found("right" * 4, 170, 270, y, 2, 2 * i + 1)]
    lines = texts(build_lines(words, (), P))
    assert len(lines) == 60
    assert {"i " + "right" * 4, "! " + "right" * 4, "■ " + "right" * 4} <= set(lines)


def test_short_cjk_columns_on_the_page_grid_are_cut_far_from_its_long_columns():
    """Three columns of four lines a character apart under a headline (too few lines to
    judge their edges aligned), and far down the page long columns on the same grid: the
    short columns' gutters are the page's, and each row is three lines."""
    words = []
    for i in range(4):
        y = 100 + 13 * i
        words += [word("市场监管部门提出下一", 50, y), word("江北区已累计探索社区", 160, y),
                  word("青山县推进文化活动人", 270, y)]
    words += [word("高新区聚焦产业链打造口袋公园", 50, 200, size=24)]
    for i in range(14):
        y = 300 + 13 * i
        words += [word("望江社区聚焦便民防汛", 50, y), word("体系培育科研院所合作", 160, y),
                  word("社提出目前将引导文化", 270, y)]
    short = [ln for ln in build_lines(words, (), P) if ln.box.y1 < 160]
    assert len(short) == 12 and all(ln.box.width <= 100 for ln in short), texts(short)


def test_a_cjk_column_of_three_lines_beside_a_long_one_is_cut_from_it():
    """The last column of a story holds three lines and a jump line set flush right, then
    stands empty beside the long column left of it: the gutter between them opens into the
    empty column's white, which is taller and reaches up beside the jump line, and is still
    a gutter (the page's grid runs there further down)."""
    top = _top_lines_beside_a_short_cjk_column(3)
    assert len(top) == 32 and all(ln.box.width <= 100 for ln in top), texts(top)


def test_the_last_two_lines_of_a_cjk_column_on_the_page_grid_are_cut_from_the_column_beside():
    """A column ends two lines and a jump line down beside a long one: white beside two
    lines is no gutter by itself (two lines of word spaces may line up), but this one lies
    edge on edge with a gutter of the page's grid further down."""
    top = _top_lines_beside_a_short_cjk_column(2)
    assert len(top) == 31 and all(ln.box.width <= 100 for ln in top), texts(top)


def _top_lines_beside_a_short_cjk_column(short: int):
    """The lines of a CJK page's top half: two long columns with a column of ``short`` lines
    and a jump line between them, over a headline and three full columns (the page's grid)."""
    words = [word("（转第五版）", 212, 100 + 13 * short, size=8)]
    for i in range(14):
        y = 100 + 13 * i
        words += [word("市场监管部门提出下一", 50, y), word("青山县推进文化活动人", 270, y)]
        if i < short:
            words.append(word("江北区已累计探索社区", 160, y))
    words += [word("高新区聚焦产业链打造口袋公园", 50, 320, size=24)]
    for i in range(14):
        y = 400 + 13 * i
        words += [word("望江社区聚焦便民防汛", 50, y), word("体系培育科研院所合作", 160, y),
                  word("社提出目前将引导文化", 270, y)]
    return [ln for ln in build_lines(words, (), P) if ln.box.y1 < 300]


def test_a_byline_beside_a_larger_title_is_cut_from_it_though_a_title_above_ends_at_the_gap():
    """A 9 pt byline ending 17 pt before a 14 pt title on its row, under a 7 pt title whose
    end reaches a hair (under ``_SLACK`` em) past the byline's: that title is level with the
    gap's edge, not over the gap, so the byline and the title are two items, two lines. (The
    page's body text, far below, is set in 9 pt too.)"""
    words = [word("tiny title set small", 9.8, 569, size=7),     # ends at 79.8
             word("By Ann Lee", 34, 586, size=9),                 # ends at 79
             word("Big Headline", 96, 582, size=14)] + column(34, 700, 12, size=9, pitch=11)
    lines = texts(build_lines(words, (), P))
    assert "By Ann Lee" in lines and "Big Headline" in lines


def test_the_last_lines_of_a_cjk_column_under_a_blank_stretch_are_cut_on_the_grid():
    """Three CJK columns; the middle one stops after twelve lines and takes up again, after a
    blank stretch, with one full line and a short item set right (a jump line) under it. The
    gutters beside it were cut off by the blank, and the short item opens the white on its
    left: its two lines are still cut at the long gutters' edges, not threaded across."""
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你"

    def cjk(x0, y, n, k):
        return word("".join(chars[(k + j) % len(chars)] for j in range(n)), x0, y)

    words = [cjk(x0, 100 + 12 * i, 10, i + k) for i in range(30) for x0, k in ((50, 0), (270, 7))]
    words += [cjk(160, 100 + 12 * i, 10, i + 3) for i in (*range(12), 26)]
    words.append(cjk(220, 100 + 12 * 27, 4, 5))                   # the jump, ending at 260
    spans = {(round(ln.box.x0), round(ln.box.x1)) for ln in build_lines(words, (), P)
             if ln.box.y0 >= 100 + 12 * 26}
    assert spans == {(50, 150), (160, 260), (220, 260), (270, 370)}


def test_a_word_space_on_the_edges_of_a_narrow_gutter_of_a_table_far_above_stays():
    """Forty rows of two columns of figures four points apart make a long gutter no wider
    than a word space; far below, two words of a line whose space happens to fall on its
    edges are still one line: such a gutter is no column's side at other heights."""
    words = [w for i in range(40) for w in (word("1234.5678.90", 100, 100 + 12 * i),  # to 160
                                            word("56.7812.3456.78", 164, 100 + 12 * i))]
    words += column(300, 100, 40)                                 # the page's body text
    words += [word("figure", 130, 800), word("notes", 164, 800)]  # "figure" ends at x=160
    assert "figure notes" in texts(build_lines(words, (), P))


def test_latin_digits_set_a_little_lower_in_a_cjk_line_stay_in_it_beside_staggered_columns():
    """Four CJK columns whose lines stand 3.4 pt higher than those of the first draw the middle
    of each row up; the Latin figures starting a line of the first column, boxed a little
    lower than its CJK text, fall out of that row into one of their own. They stand level with
    the rest of their line and right beside it, no gutter between: one line still."""
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你"

    def cjk(x0, y, n, k):
        return word("".join(chars[(k + j) % len(chars)] for j in range(n)), x0, y, size=9)

    words = []
    for i in range(20):
        y = 100 + 12 * i
        words += [cjk(x0, y - 3.4, 10, i + k) for k, x0 in enumerate((140, 250, 360, 470))]
        if i == 10:   # a Latin run's box: taller, its middle 0.85 pt under the CJK text's
            words += [Word("49.2", Box(30, y + 0.35, 48, y + 10.65), "Times", 9), cjk(52, y, 7, i)]
        else:
            words.append(cjk(30, y, 10, i))
    (line,) = [ln for ln in build_lines(words, (), P) if ln.box.x0 < 100 and 215 < ln.box.y0 < 225]
    assert line.text.startswith("49.2")
    rule = Rule(Box(49.8, 210, 50.2, 235), "v")  # a rule between them: never one line
    assert "49.2" in texts(build_lines(words, (rule,), P))


def test_a_gutter_going_on_into_a_column_wide_blank_is_kept_beside_it():
    """typst_s5_03: the gutter between two columns (10 pt, 77 pt tall, seven lines beside it)
    ends where the right column does; under that column the page is white a column wide, a
    taller strip that starts a line above the gutter's foot. Of two strips closer than a
    column the taller is kept, but these two share a line of height only: the gutter stands
    over the blank, not beside it, and is kept (dropped, the columns' lines were read across
    it as one). A strip beside a taller one down most of its height still gives way."""
    from layout.analysis.gutters import _apart
    from layout.analysis.whitespace import Strip

    gutter = Strip(359.6, 369.4, 369.3, 445.8, aligned=1.0, lines=7, long=True)
    blank = Strip(362.6, 539.0, 432.3, 643.8, aligned=0.9, lines=17, long=True)
    river = Strip(359.6, 369.4, 450.0, 600.0, aligned=1.0, lines=12)
    kept = _apart([gutter, blank, river], (30.0, 870.0), 9.0)
    assert gutter in kept and blank in kept and river not in kept


def test_a_gutter_going_on_below_a_taller_one_of_the_same_core_is_kept():
    """typst_s111_04_zh: a byline across the gutter (586..594 pt) splits its white into a
    strip from the top of the page down to it and another from a little above it (where the
    white beside the byline opened) down 18 lines to the page's foot. The two share 24 pt of
    height and the same core: the lower one goes on under the upper one, not beside it, and
    is kept (dropped, a row of the two columns under it was read across the gutter as one
    line). A narrower strip inside a column beside the upper one still gives way, and so does
    one whose edges are off the upper one's by more than a rounding (a scan's rivers of specks
    beside a column rule, nested in one another, Gaulois 1882 p4)."""
    from layout.analysis.gutters import _apart
    from layout.analysis.whitespace import Strip

    upper = Strip(586.3, 594.2, 131.0, 914.7, aligned=0.92, lines=52, long=True)
    lower = Strip(586.3, 594.2, 891.0, 1152.2, aligned=0.79, lines=18, long=True)
    river = Strip(570.0, 574.0, 400.0, 700.0, aligned=0.9, lines=20, long=True)
    kept = _apart([upper, lower, river], (30.0, 812.0), 9.5)
    assert upper in kept and lower in kept and river not in kept
    shifted = Strip(586.3, 596.4, 891.0, 1152.2, aligned=0.79, lines=18, long=True)
    assert shifted not in _apart([upper, shifted], (30.0, 812.0), 9.5)


def test_an_overfull_line_reaching_into_the_gutter_is_still_cut_from_the_next_column():
    """typst_s47_07: "老旧小区188 所，升级技能" overruns its column by 8.5 pt into a 16.5 pt
    gutter, so its gap to the next column holds under half the gutter's core; but the next
    column's line starts exactly where the gutter ends, at the column's own left edge: the
    gap is on the gutter, and the row is two lines (it was one, threading two columns)."""
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你"

    def cjk(x0, y, n, k):
        return word("".join(chars[(k + j) % len(chars)] for j in range(n)), x0, y)

    words = [cjk(x0, 100 + 12 * i, 10, i + k) for i in range(20) for x0, k in ((50, 0), (166.5, 7))]
    words = [w for w in words if not (w.box.x0 == 50 and w.box.y0 == 100 + 12 * 10)]
    words.append(replace(cjk(50, 220, 10, 3), box=Box(50, 220, 158.5, 230)))   # overfull by 8.5
    lines = build_lines(words, (), P)
    assert sorted(round(ln.box.x0) for ln in lines if ln.box.y0 == 220) == [50, 166]


def test_the_measure_an_ocr_file_gives_counts_full_lines_not_rows_of_figures():
    """A stock table's rows ("» »", two figures) outnumber a page's full lines; the column
    measure is still that of the full lines, so a table row as wide as its column, which
    the white between its figures' columns crosses, stays one line (Le Matin, 1893)."""
    short = [[word("»", 500, 20 * k), word("»", 520, 20 * k)] for k in range(30)]
    full = [[word("the", 50, 20 * k), word("council said on monday", 270, 20 * k)] for k in range(10)]
    widths = [row[-1].box.x1 - row[0].box.x0 for row in short + full]
    assert found_measure(widths, 10) == 330  # 50 to 380: 33 body sizes


def test_a_hairline_river_down_eight_loose_lines_closed_above_and_below_is_no_gutter():
    """A loose justified column (LaTeX's ``\\sloppy``) whose word spaces, each 0.6 to 1 em,
    overlap down eight lines in a path 0.2 em wide, the words beside it ending within half an
    em of one another: tall and aligned like a hairline gutter between columns of Chinese, but
    the full lines of the same column right above and below close it. A river: every line
    stays whole (they were each cut in two and the halves read as two columns)."""
    rows = []
    for k, a_end in enumerate((118, 116, 120, 117, 119, 116, 120, 118)):
        g = a_end - 110                                         # every space of the row alike
        b = a_end + g                                           # 122..130: the core is 120..122
        rows.append([(50, 6), (80 + g, 6), (b, 4), (b + 20 + g, (200 - b - 20 - g) // 5)])
    full = [[(50, 30)]]
    lines = build_lines(_rows(full + rows + full, 100), (), P)
    assert len(lines) == 10 and sorted(len(ln.words) for ln in lines) == [1, 1] + [4] * 8
    open_below = build_lines(_rows(full + rows, 100), (), P)  # nothing closes it: a gutter
    assert len(open_below) > 9


def test_a_justified_two_word_line_filling_the_column_measure_stays_one_line():
    """A crosshead of two lines set justified (Typst): its first line "Independent Ferries"
    is stretched to the column's measure, a gap of two ems with nothing above or below it,
    its second "Ahead" short. The gap is the line's one space: the row fills the measure of
    the column's lines around it. (It was cut in two, and "Ferries" read after "Ahead".)"""
    body = [w for k in range(3) for w in [word("a" * 24, 50, 100 + 12 * k)]]       # 50..170
    head = [word("Independent", 50, 148, 11, bold=True), word("Ferries", 131.5, 148, 11, bold=True),
            word("Ahead", 50, 161, 11, bold=True)]                                  # a line apart
    tail = [w for k in range(3) for w in [word("b" * 24, 50, 184 + 12 * k)]]
    assert "Independent Ferries" in texts(build_lines(body + head + tail, (), P))


def test_a_sentence_space_of_a_loose_justified_line_stays_in_the_line():
    """LaTeX widens the space after a sentence's end (three times the stretch of a word
    space): in the loose line 'weeks.    "The mayor' of a narrow justified column the space
    after 'weeks.' is twice the other one, and no text stands right above or below it. The
    row fills the column's measure: one line (it was cut, and '"The mayor' read elsewhere)."""
    full = [[(50, 24)]]                                           # tight lines, 50..170
    loose = [[(50, 6), (115, 2), (140, 6)],                       # policy in recent
             [(50, 6), (110, 4), (145, 5)],                       # weeks. | 30 pt | "The mayor
             [(50, 2), (120, 10)]]                                # of Brookhaven
    words = _rows(full + loose + full, 100)
    words[4] = replace(words[4], text="weeks.")
    lines = build_lines(words, (), P)
    assert sorted(len(ln.words) for ln in lines) == [1, 1, 2, 3, 3]
    loose[1] = [(50, 6), (110, 4)]                                # short of the measure: cut
    words = _rows(full + loose + full, 100)
    words[4] = replace(words[4], text="weeks.")
    assert "weeks." in texts(build_lines(words, (), P))


def _justified(texts: list[str], x0: float, x1: float, y: float) -> list[Word]:
    """Words of one justified line from x0 to x1, set apart as a PDF places them (no spaced
    run), the spaces alike."""
    widths = [word(t, 0, y).box.width for t in texts]
    space, out, x = (x1 - x0 - sum(widths)) / max(len(texts) - 1, 1), [], x0
    for t, width in zip(texts, widths):
        out.append(word(t, x, y))
        x += width + space
    return out


def test_the_first_line_of_a_short_last_column_is_cut_from_the_full_line_beside_it():
    """A story's text ends in two lines at the top of its last column, beside a full one:
    the white between them is two lines high, no gutter by itself, and its loose justified
    spaces (13 pt) are as wide as the gap after the full line, which ends 3.5 pt short of the
    gutter's core (set by the longest lines of the page's grid below: commas protrude, ink
    ends short of the advance). The gap ends on the side of a long column of the page's grid,
    and the words before it fill their column's measure, with the gutter white beside the
    lines below too: a line ends there. (The full line's words are set apart, as LaTeX sets
    them; it was one line "the council said on in the old town".)"""
    words = [word("Senator Proposes Forecast", 50, 60, size=24)]
    words += _justified(["the", "council", "said", "on"], 50, 146.5, 100) + column(50, 112, 11, 96.5, start=4)
    words += _justified(["in", "the", "old", "town"], 160, 260, 100) + [word("districts.", 160, 112)]
    words += column(50, 300, 14) + column(160, 300, 14, start=40) + column(270, 300, 14, start=80)
    top = [ln for ln in build_lines(words, (), P) if ln.box.y1 < 250]
    assert "in the old town" in texts(top) and "districts." in texts(top)
    assert len(top) == 15 and all(ln.box.x1 <= 146.5 or ln.box.x0 >= 160 for ln in top[1:]), texts(top)


def test_two_lines_of_a_column_drawn_into_one_row_by_staggered_columns_stay_two_lines():
    """Columns set on staggered baselines (a crosshead shifts the ones after it): a line of
    one column at 77, a line beside it at 80.7 and many words of the columns further right at
    83.7 draw one row's middle down word by word, until the next line of the first column
    (86.7) joins it too. Its two lines overlap along the row, one over the other: never one
    line. (It read 'has openly considered"The hospital board'.)"""
    words = [word('"The hospital board', 237, 72), word("has openly considered", 228, 81.7)]
    words += [word(t, x, 75.7) for x, t in ((30, "approved"), (78, "a"), (97, "public"))]
    words += [word(t, 340 + 36 * k, 78.7) for k, t in enumerate(
        "and the mayor of Cedar will defend the month but David said Oscar".split())]
    lines = texts(build_lines(words, (), P))
    assert '"The hospital board' in lines and "has openly considered" in lines


def test_an_ocr_line_no_wider_than_a_column_is_never_cut_at_white_inside_it():
    """A list set in one column, an item's name at the left and, on every third row, its price
    at the right, the leader dots between dropped by the OCR: the white between runs down the
    list, and most rows level with it do not reach across it (the market reports of Le Matin,
    1893); it holds the whole of a gutter of the page's grid, lower down, between two narrower
    columns of a table. But a found line no wider than the column measure (that most
    found lines have, and a column and a gutter are wider) cannot reach across a gutter into
    the next column: each row stays one line. A line across two columns is still cut
    (``test_a_table_the_ocr_read_row_by_row_stays_in_rows_but_a_line_across_columns_is_cut``)."""
    words = []
    for i in range(30):  # two columns of body text, lines 300 wide, a gutter 20 wide
        y = 100 + 12 * i
        split = 100 + 37 * i % 90
        for block, x in ((1, 50), (2, 370)):
            words += [_found("lorem", x, x + split, y, block, i),
                      _found("ipsum", x + split + 5, x + 300, y, block, i)]
    for i in range(15):  # the list in column one: a name, white, a price on every third row
        y = 480 + 12 * i
        words += [_found("Laines", 50, 110, y, 3, i), _found("dolor", 370, 515, y, 2, 100 + i),
                  _found("sit", 520, 670, y, 2, 100 + i)]
        words += [_found(f"{160 + i},000", 290, 350, y, 3, i)] if i % 3 == 0 else []
    for i in range(30):  # lower down, column one in two narrow columns, a gutter 190 to 210
        y = 680 + 12 * i
        for block, x in ((4, 50), (5, 210)):
            split = 40 + 7 * i % 50
            words += [_found("amet", x, x + split, y, block, i),
                      _found("elit", x + split + 5, x + 140, y, block, i)]
        words += [_found("dolor", 370, 515, y, 2, 200 + i), _found("sit", 520, 670, y, 2, 200 + i)]
    lines = build_lines(words, (), P)
    items = [ln.text for ln in lines if ln.text.startswith("Laines") or ln.text.endswith(",000")]
    assert items == [f"Laines {160 + i},000" if i % 3 == 0 else "Laines" for i in range(15)]


def test_the_words_of_an_ocr_line_stay_in_the_engines_order():
    """The OCR engine read "of" at the end of its line but boxed it over the whole line (the
    Liverpool Standard, 1832): sorted along the line it would come first. The engine's order
    (the file's) is its reading, and is kept; a line a PDF's extractor gave is read along x."""
    texts_at = (("This", 50, 90), ("is", 95, 105), ("not", 110, 125), ("the", 130, 145),
                ("question", 150, 190), ("of", 40, 200))
    found = [_found(t, x0, x1, 100, 1, 1) for t, x0, x1 in texts_at]
    (line,) = build_lines(found, (), P)
    assert [w.text for w in line.words] == ["This", "is", "not", "the", "question", "of"]
    (line,) = build_lines([replace(w, source_block=None) for w in found], (), P)
    assert [w.text for w in line.words] == ["of", "This", "is", "not", "the", "question"]


def test_fragments_of_one_printed_line_in_one_ocr_block_are_one_line():
    """The engine split a printed line of a noisy scan into two lines side by side (":tinent
    can" beside "now array against her", the Liverpool Standard, 1832): its block holds both,
    so they are one line, in the engine's order. Two blocks side by side stay apart, and so
    does a fragment as tall as two printed lines (words of both stacked in it), and so do the
    lines of words set sideways (read turned, where the later stages drop a joined one)."""
    column = []
    for i in range(12):  # one block of found lines, 300 wide, lines 12 apart
        y = 100 + 12 * i
        split = 100 + 37 * i % 90
        column += [_found("lorem", 50, 50 + split, y, 1, i), _found("ipsum", 55 + split, 350, y, 1, i)]
    fragments = [_found(":tinent", 50, 90, 244, 1, 20), _found("can", 95, 120, 244, 1, 20),
                 _found("now", 123, 150, 245, 1, 21), _found("array", 155, 350, 245, 1, 21)]
    blocks = [_found("dolor", 50, 190, 256, 1, 22), _found("amet", 193, 350, 256, 2, 23)]
    tall = [_found("sit", 50, 100, 268, 1, 24), _found("elit", 103, 350, 268, 1, 25)]
    tall[0] = replace(tall[0], box=Box(50, 262, 100, 286))
    # a sideways ad, each word a line of its block (the Gravenhaegse Courant, 1750): left alone
    sideways = [replace(_found(t, 400, 410, y0, 3, n), box=Box(400, y0, 410, y1), vertical=True)
                for t, y0, y1, n in (("Holland", 100, 160, 30), ("geheel", 163, 220, 31))]
    lines = texts(build_lines(column + fragments + blocks + tall + sideways, (), P))
    assert ":tinent can now array" in lines
    assert {"dolor", "amet", "sit", "elit", "Holland", "geheel"} <= set(lines)


def test_fragments_beside_a_slanted_ocr_line_within_its_height_are_one_line_with_it():
    """On a slanted scan the engine found "the" and "residue" as two lines, beside the rest of
    their printed line ("of a term of 75 years, which commenced"), whose box the slant made
    taller than one line, its middle above theirs (the Liverpool Standard, 1832). Lying within
    its height, side by side in its block, they are one line with it, in the order along it,
    and never cut apart again for their middles (read apart, "the residue" came after the
    line: "which commenced the residue February"). A fragment reaching out of that height, or a
    line taller than two of the page's lines, stays apart."""
    column = []
    for i in range(12):  # one block of found lines, 300 wide, lines 12 apart
        y = 100 + 12 * i
        split = 100 + 37 * i % 90
        column += [_found("lorem", 50, 50 + split, y, 1, i), _found("ipsum", 55 + split, 350, y, 1, i)]
    slanted = [replace(_found(t, x0, x1, 244, 1, 20), box=Box(x0, 240, x1, 258))
               for t, x0, x1 in (("of", 130, 150), ("a", 155, 160), ("term", 165, 350))]
    fragments = [_found("the", 50, 80, 247, 1, 21), _found("residue", 84, 126, 247, 1, 22)]
    stacked = [replace(_found(t, x0, x1, 290, 1, 30), box=Box(x0, 284, x1, 310))
               for t, x0, x1 in (("sit", 130, 150), ("amet", 155, 350))]
    below = [_found("dolor", 50, 126, 299, 1, 31)]
    lines = texts(build_lines(column + fragments + slanted + stacked + below, (), P))  # the file's order
    assert "the residue of a term" in lines
    assert "dolor" in lines and "sit amet" in lines


def test_lines_of_two_columns_in_one_ocr_region_a_narrow_gutter_apart_are_no_fragments():
    """An engine ran one region over a title across two columns and the columns under it,
    whose gutter (4 px) is narrower than a word space of their type (``bench/variants.py``,
    spanning: "rassemblé à" beside "vail, et se développer", Ouest-Eclair 1924). Each found
    line is a whole line of its column; two together reach twice the region's measure, so
    they are never joined as fragments of one printed line (joined, the gutter between them,
    which the title runs across too, would be read across and never cut)."""
    words = [_found("TITLE", 50, 300, 84, 1, 99), _found("ACROSS", 305, 654, 84, 1, 99)]
    for i in range(12):  # one block: two columns of found lines, 300 wide, 4 apart
        y = 100 + 12 * i
        split = 100 + 37 * i % 90
        for line, x in ((2 * i, 50), (2 * i + 1, 354)):
            words += [_found("lorem", x, x + split, y, 1, line), _found("ipsum", x + split + 5, x + 300, y, 1, line)]
    lines = build_lines(words, (), P)
    assert len(lines) == 25 and all(ln.box.width <= 300 for ln in lines if ln.box.y0 >= 100)


def test_a_word_of_another_size_on_an_ocr_line_within_a_column_stays_on_it():
    """An OCR file gave one word of a line twice the size of its neighbours (its style's size
    is the engine's guess: "770 5 20" in Le Matin's market report, 1893, the "5" half as large):
    the engine found one line, no wider than a column, and it stays one. A PDF's line is cut
    beside a word so much larger (a drop cap)."""
    words = []
    for i in range(12):
        y = 100 + 12 * i
        split = 100 + 37 * i % 90
        words += [_found("lorem", 50, 50 + split, y, 1, i), _found("ipsum", 55 + split, 350, y, 1, i)]
    row = [_found("Taupe", 50, 120, 244, 1, 20), _found("hiver", 125, 190, 244, 1, 20),
           replace(_found("770", 195, 260, 244, 1, 20), size=20.0), _found("5", 265, 275, 244, 1, 20)]
    assert "Taupe hiver 770 5" in texts(build_lines(words + row, (), P))
    pdf = [replace(w, source_block=None, source_line=None) for w in words + row]
    assert "Taupe hiver 770 5" not in texts(build_lines(pdf, (), P))


def test_cjk_headlines_side_by_side_with_their_own_second_lines_are_two_lines():
    """Two 26 pt CJK headlines on one baseline, about an em apart (a full-width phrase space is
    as wide) and not over a gutter: each headline's second line tells. Centred under one
    phrase alone (weasyprint_s5_00_zh: "云溪县实施多层次产业链" | "西岭村补齐系统化社区食堂"
    over "人才队伍" | "动精细化技能培训"), or starting at the right phrase's left edge
    (latex_s89_04_zh, left-aligned, 0.4 em apart: "网" under "滨江新区…"), it is that
    headline's own: two lines. Set to both phrases (centred under the two, or starting at the
    left one's edge), the gap is one headline's phrase space: one line."""
    def heads(*specs):
        return [word(t, x, y, size=26) for t, x, y in specs]
    body = column(30, 500, 12, width=300) + column(340, 500, 12, width=300)
    centred = heads(("云溪县实施多层次产业链", 39, 300), ("西岭村补齐系统化社区食堂", 351, 300))  # 39..325, 351..663
    two = texts(build_lines(body + centred + heads(("人才队伍", 130, 329), ("动精细化技能培训", 403, 329)), (), P))
    assert "云溪县实施多层次产业链" in two and "西岭村补齐系统化社区食堂" in two
    one = texts(build_lines(body + centred + heads(("人才队伍", 299, 329)), (), P))  # centred on 351
    assert "云溪县实施多层次产业链 西岭村补齐系统化社区食堂" in one
    left = heads(("云溪县推进多层次口袋公", 30, 300), ("滨江新区推进系统化", 326, 300))  # 30..316, 326..560
    two = texts(build_lines(body + left + heads(("园搭建乡村振兴", 30, 329), ("网", 326, 329)), (), P))
    assert "云溪县推进多层次口袋公" in two and "滨江新区推进系统化" in two
    one = texts(build_lines(body + left + heads(("园搭建乡村振兴", 30, 329)), (), P))
    assert "云溪县推进多层次口袋公滨江新区推进系统化" in "".join(one).replace(" ", "")


def test_cjk_headlines_side_by_side_the_left_wrapping_beside_the_rights_byline_are_two_lines():
    """Two 22 pt CJK headlines on one baseline, 0.96 em apart (a phrase space may be as wide),
    each over its own two columns: the left one wraps, its second line starting at its left
    edge, as a left-aligned headline's would ("堂"), and level with that line, starting at the
    right phrase's left edge, stands the right one's byline (chromium_s147_04_zh: "经开区完善
    高质量社区食" | "西岭村实施绿色就业岗位" over "堂" | "本报记者 陈晓东"). One headline would
    have white beside its second line: two lines. With white there, one line still."""
    cols = [w for x, y in ((161.5, 712.8), (293.1, 712.8), (424.6, 688.8), (556.1, 688.8))
            for w in column(x, y, 8, width=124.4, size=9, pitch=12.8)]
    heads = [word("经开区完善高质量社区食", 161.5, 641.6, size=22), word("西岭村实施绿色就业岗位", 424.6, 641.6, size=22),
             word("堂", 161.5, 665.6, size=22), word("本报记者许志强", 161.5, 694, size=8.5)]  # 161.5..403.5, 424.6..
    two = texts(build_lines(cols + heads + [word("本报记者陈晓东", 424.6, 670, size=8.5)], (), P))
    assert "经开区完善高质量社区食" in two and "西岭村实施绿色就业岗位" in two
    assert "经开区完善高质量社区食 西岭村实施绿色就业岗位" in texts(build_lines(cols + heads, (), P))


def test_cjk_headlines_side_by_side_the_left_wrapping_beside_the_rights_byline_flush_with_its_column_are_two_lines():
    """The same with the right headline centred over its columns, 3.4 pt in from their edge,
    and its byline flush with that edge, in the white between the two phrases (holdout_41_05_zh:
    "松岗街道深化绿色创" | "河口镇完善充电设施" over "新平台" | "本报记者 郭浩然"): two lines.
    A line level with the second line that starts under the left phrase is no byline beside it."""
    cols = [w for x, y in ((412.8, 745), (514, 745), (617.6, 745), (707.3, 745))
            for w in column(x, y, 8, width=90, size=8, pitch=10.6)]
    heads = [word("松岗街道深化绿色创", 412.8, 675.5, size=21), word("河口镇完善充电设施", 621, 675.6, size=20),
             word("新平台", 412.8, 699, size=21)]  # 412.8..601.8, 621..801
    two = texts(build_lines(cols + heads + [word("本报记者郭浩然", 617.6, 715.4, size=9)], (), P))
    assert "松岗街道深化绿色创" in two and "河口镇完善充电设施" in two
    assert "松岗街道深化绿色创 河口镇完善充电设施" in texts(build_lines(cols + heads, (), P))
    one = texts(build_lines(cols + heads + [word("本报记者郭浩然", 590, 715.4, size=9)], (), P))
    assert "松岗街道深化绿色创 河口镇完善充电设施" in one


def test_cjk_headlines_side_by_side_whose_first_lines_stand_pushed_into_their_measure_are_two_lines():
    """Two 22 pt CJK headlines on one baseline, 0.39 em apart, each over two columns and
    wrapping: Scribus sets the first line of each, which overfills its measure, 7.8 pt (0.35
    em) right of where its second line starts at the measure's edge (scribus_s175_01_zh:
    "东湖街道拓展新型" | "长丰县推动标准化" over "健身步道" | "营商环境"). The right one's second
    line starts at its measure's edge, not under the left phrase: two lines. With only the
    left one's second line, one headline's next line, one line still."""
    cols = [w for x in (399, 491.3, 583.5, 675.8) for w in column(x, 612, 8, width=86, size=9, pitch=12.6)]
    heads = [word("东湖街道拓展新型", 406.8, 536.3, size=22), word("长丰县推动标准化", 591.3, 536.3, size=22),
             word("健身步道", 399, 560.5, size=22)]  # 406.8..582.8, 591.3..767.3
    two = texts(build_lines(cols + heads + [word("营商环境", 583.5, 560.5, size=22)], (), P))
    assert "东湖街道拓展新型" in two and "长丰县推动标准化" in two
    assert "东湖街道拓展新型长丰县推动标准化" in texts(build_lines(cols + heads, (), P))

def test_cjk_headlines_of_two_sizes_touching_the_left_wrapping_beside_the_rights_byline_are_two_lines():
    """A 22 pt CJK headline over two columns runs 2.6 pt into a 19 pt one over the next columns,
    on one top (scribus_s175_08_zh: "河口镇补齐系统化职" | "云溪县补齐标准化老旧小区"): the
    left one wraps, its second line ("业教育") starting where it starts, and level with that
    line, at the right one's left edge, stands the right one's byline: two lines. With white
    beside the second line, one headline's, one line still when the two stand on one baseline
    (hung from one top, one face in two sizes stands on two: ``display.off_baseline``)."""
    cols = [w for x in (227.4, 326.2, 424.9, 523.6) for w in column(x, 610, 8, width=90, size=9, pitch=12.6)]
    heads = [word("河口镇补齐系统化职", 229.5, 534.7, size=22), word("云溪县补齐标准化老旧小区", 424.9, 534.7, size=19),
             word("业教育", 227.4, 558.9, size=22), word("本报记者林明华", 227.4, 589.2, size=8.5)]
    two = texts(build_lines(cols + heads + [word("本报通讯员杨桂兰", 424.9, 561.2, size=8.5)], (), P))
    assert "河口镇补齐系统化职" in two and "云溪县补齐标准化老旧小区" in two
    heads[1] = _on_baseline(heads[1], heads[0].box.y1 - 0.2 * heads[0].size)
    assert "河口镇补齐系统化职云溪县补齐标准化老旧小区" in texts(build_lines(cols + heads, (), P))

def test_a_crosshead_beside_the_next_columns_line_is_cut_on_the_pages_gutter_where_its_column_is_ragged():
    """A short story's CJK columns, ragged on the right (a line with Latin figures overruns its
    measure into the gutter), under a white band: the strip beside them is too sparse to be a
    gutter. A bold crosshead a size up (9.5 pt over 8.5 pt) centred in the left column stands
    level with a line of the right one, 36 pt apart, that gap on the edges of the page's long
    gutter above (latex_s149_04_zh: "提升游客电商平台" read on into "度大幅提高。…", a paragraph
    cut mid-sentence): the side of a column, as in body text, two lines."""
    text = "收入显著提高云溪县深化托育服务文旅部门优化综合污水管网老人幸福感显著增强"

    def cjk(x0, y, n):
        return word((text * 2)[:n], x0, y, size=8.5)
    words = [w for k in range(12) for w in (cjk(170.6, 100 + 11 * k, 15), cjk(311.3, 100 + 11 * k, 15))]
    words += [cjk(170.6, 232, 16)]  # overrunning into the gutter: 170.6..306.6, 311.3..438.8
    words += [cjk(170.6, 400, 15), cjk(170.6, 411, 16), cjk(170.6, 422, 13)]
    words += [cjk(311.3, 402 + 11 * k, 15) for k in range(4)]
    head = word("提升游客电商平台", 199.4, 433.5, size=9.5, bold=True)  # 199.4..275.4
    assert "提升游客电商平台" in texts(build_lines(words + [head], (), P))


def test_an_indented_justified_line_of_two_words_stays_one_line():
    """The first line of a paragraph, set in 9.5 pt, of two words justified across a 130 pt
    column ("Superintendent ······ Ibarra", 18.8 pt apart, weasyprint_s33_01_en): the line
    above is a paragraph's short last line and the space of the line below lies under the gap,
    so no text stands over it, yet the lines around fill the measure the row fills but for the
    indent, and have words over the gap: one line, not "Ibarra" cut off as a line of its own."""
    def at(text, x0, x1, y):
        return Word(text, Box(x0, y, x1, y + 9.5), "Times", 9.5, False, False)
    full = [[("the city council said on Monday", 30, 160)]] * 8
    rows = full + [[("percent on Tuesday, Helen", 30, 160)], [("Kowalski said.", 30, 94)],
            [('"Superintendent', 39.5, 112.4), ("Ibarra", 131.2, 160)],
            [("criticized", 30, 70.2), ("the", 94.9, 109.1), ("rising", 133.8, 160)],
            [("courthouse", 30, 78.4), ("within", 96.7, 125.5), ("two", 143.9, 160)],
            [('years," said Peter Novak, a', 30, 160)]] + full
    words = [at(t, x0, x1, 88 + 10.6 * k) for k, row in enumerate(rows) for t, x0, x1 in row]
    words += [at("the other column's line of text", 172, 302, 88 + 10.6 * k) for k in range(len(rows))]
    assert '"Superintendent Ibarra' in texts(build_lines(words, (), P))

def test_a_row_level_with_a_row_whose_pieces_all_joined_the_one_before_is_read():
    """Rows are grouped by their middles: "beta", set 2.1 pt under "gamma", makes a row of its
    own (the row of "alpha" and "gamma" has its middle 4 pt above) and joins gamma's line, for
    the two stand level and side by side; that row is left with no piece of its own. "delta",
    lower again and a row of its own that still overlaps beta's, has no row before to join:
    every word is read once, and beta stays on gamma's line."""
    words = [word("alpha", 50, 95), word("gamma", 150, 98.9), word("beta", 177.1, 101),
             word("delta", 300, 105.1)]
    lines = build_lines(words, (), P)
    assert sorted(w.text for ln in lines for w in ln.words) == ["alpha", "beta", "delta", "gamma"]
    assert "gamma beta" in texts(lines)


def test_two_kickers_on_one_baseline_over_tight_cjk_columns_stay_two_lines():
    """Two stories' kickers side by side, a wide white between them and no text right above or
    below. The row above them runs across four CJK columns half an em apart: from the left
    kicker's start (column two) to the right kicker's end (a short last line in column four)
    it starts and ends where the kickers do, with a line over the white between them. That is
    lines of three columns, not one line of a column whose justified space the white would be
    (Typst page 02 of seed 119: "北塘区开展智慧农场，探索物流体系 长丰县改造数字化产业链，改造
    科研院所" became one kicker, and two stories one)."""
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你"
    words = []
    for i in range(12):
        for c in range(4):
            n = 4 if c == 3 and i == 11 else 10  # column four's last line: short
            words.append(word("".join(chars[(i + c + k) % len(chars)] for k in range(n)),
                              30 + 105 * c, 100 + 12 * i))
    left = word("北塘区开展智慧农场物", 135, 256, size=10.5)
    right = word("长丰县改造数字化产业链", 385 - 115.5, 256, size=10.5)
    lines = build_lines(words + [left, right], (), P)
    assert {left.text, right.text} <= {ln.text for ln in lines}


def test_a_justified_line_of_two_words_stays_one_though_its_space_ends_on_a_gutters_side():
    """"Thomas ········ Hughes": a loose justified line of two words in a column whose space,
    four ems wide, ends where a long gutter of two narrower columns lower on the page has its
    right edge (LaTeX page 02 of seed 119, where "Hughes" went on to the top of the next
    column). The lines above and below fill the same measure over that space: it is the line's
    one word space, not a column's side."""
    words = (column(50, 100, 6) + [word("Thomas", 50, 172), word("Hughes", 120, 172)]
             + column(50, 184, 6, start=40)
             + column(50, 300, 12, width=50, start=80) + column(120, 300, 12, width=50, start=120))
    assert "Thomas Hughes" in texts(build_lines(words, (), P))


def test_the_first_line_of_a_short_last_column_stays_apart_from_a_loose_line_beside_it():
    """Two columns a gutter apart (150..160) down 20 lines; under them the left column is blank
    (a headline's white) and then holds two lines only, the first justified to the gutter's left
    edge, level with a loose justified line of the right column whose spaces (23 pt) are wider
    than the gutter (10 pt). The strip beside two lines is too short to be measured, but the
    gutter's white goes on from the long gutter above down to the gap, edge on edge: two lines
    (latex_s171_08_en: "of Brookhaven has partly" joined to "policy.    For   now,   the")."""
    words = [w for w in column(50, 100, 20) + column(160, 100, 40, start=50)
             if (w.box.x0, w.box.y0) != (160, 412)]
    words += [word("of", 50, 412), word("Brook", 66.67, 412), word("has", 98.33, 412), word("partly", 120, 412),
              word("extended", 50, 424), word("market.", 94, 424),
              word("policy.", 160, 412), word("For", 218, 412), word("now,", 240, 412)]
    assert {"of Brook has partly", "policy. For now,"} <= set(texts(build_lines(words, (), P)))


def test_two_kickers_on_one_baseline_either_side_of_a_gutter_are_two_lines():
    """Two CJK kickers a size over body (11 pt on 10) on one baseline, each centred over its
    own column, 24 pt apart across the gutter (200..210), the right one's headline right under
    it reaching into the gap, the left one's a line lower: the white between them is the
    gutter's, going on down between the columns under them, for the white beside it is
    blank on one side for a line or two at a time (under the left kicker, then between the
    right headline and its text), never for three body sizes on one side: two lines
    (chromium_s127_01_zh: "松岗街道补齐…" | "南城社区推进…", one kicker over two stories)."""
    words = [word("松岗街道补齐智能化职业教育加", 44, 100, size=11),      # 44..198
             word("南城社区推进健身步道深化物流", 222, 100, size=11),      # 222..376
             word("江北区畅通电商平台拓展乡", 213, 112, size=13),         # 213..369
             word("双河镇健全标准化智慧农场提", 44, 128, size=11)]         # 44..198
    words += column(30, 144, 14, width=170) + column(210, 142, 14, width=170, start=30)
    lines = texts(build_lines(words, (), P))
    assert "松岗街道补齐智能化职业教育加" in lines and "南城社区推进健身步道深化物流" in lines


def test_a_heading_run_out_of_its_box_over_the_next_column_is_a_line_of_its_own():
    """typst_s149_01_en: a sidebar's heading, set too wide for its box, runs over the gutter
    and over the first letters of the next column's line on its baseline ("THE BACKGROUND"
    over "coastal tunnel near"): a word printed over another is of another line (they were
    one line, the heading lost in the body text). A full-width comma squeezed to half its
    em, its box over half its neighbour's, stays in its line, and so do a chart's labels of
    one size crowded over one another ("2019 年" over "2020", the 年 in another face)."""
    words = column(50, 88, 8) + column(160, 88, 8, start=40)
    words = [w for w in words if not (w.box.x0 < 150 and w.box.y0 == 124)]
    wide = word("BACKGROUND", 75, 124, size=10.5, bold=True)
    heading = [word("THE", 54, 124, size=10.5, bold=True), replace(wide, box=Box(75, 124, 172, 134.5))]
    lines = build_lines(words + heading, (), P)
    row = sorted((ln for ln in lines if ln.box.y0 == 124), key=lambda ln: ln.box.x0)
    assert [ln.text for ln in row] == ["THE BACKGROUND", "monday that the new"]
    comma = replace(word("，", 60, 300), box=Box(60, 300, 70, 310))
    assert texts(build_lines([word("城市", 40, 300), comma, word("乡村", 65, 300)], (), P)) == ["城市，乡村"]
    labels = [word("2019", 50, 400, size=6), word("2020", 62, 400, size=6),
              replace(word("年", 64, 400, size=6), font="Noto Sans CJK")]
    assert len(build_lines(labels, (), P)) == 1


def test_a_column_top_line_set_partly_as_one_text_run_keeps_its_stretched_last_words():
    """groff sets a justified line's first words as one text run, its spaces stretched like
    the gaps after it, and places the last words one by one: "Brennan, an engineer ··· at ···
    the" on a column's top line, over a paragraph's short last line, has nothing right above or
    below its gaps. They are alike and the line fills the measure of the lines below: one line,
    though the run hides its own spaces (its last words made a line of their own)."""
    top = [word("aaaaaaa aaaaaa", 50, 100), word("aaaa", 127, 100), word("aaaaaaaaa", 155, 100)]
    below = [word("a" * 10, 50, 112)] + [word("a" * 30, 50, 124 + 12 * i) for i in range(3)]
    lines = texts(build_lines(top + below, (), P))
    assert "aaaaaaa aaaaaa aaaa aaaaaaaaa" in lines


def test_a_text_run_beside_a_gap_alike_its_lines_word_spaces_stays_in_a_full_line():
    """The first line under a crosshead, "The northern ··· district · rose · 42": groff's run
    "The northern", then a gap with no text right above or below it as wide as the line's word
    spaces after it (a river). The run hides its own spaces, but the line fills the measure of
    the lines below, so the gap is a justified word space: one line ("district rose 42" was
    cut off and read apart)."""
    top = [word("aaaaaaa aaaaaa", 50, 100), word("aaaa", 127, 100), word("aaaaaaaaa", 154, 100)]
    below = [word("a" * 10, 50, 112), word("a" * 14, 130, 112)] \
        + [word("a" * 30, 50, 124 + 12 * i) for i in range(3)]
    lines = texts(build_lines(top + below, (), P))
    assert "aaaaaaa aaaaaa aaaa aaaaaaaaa" in lines


def test_a_text_run_too_narrow_for_spaces_as_wide_as_its_gap_stays_apart():
    """A byline run beside the next column's line 3 em away, on a row that seems to fill a
    measure: were its two spaces as wide as that gap, its letters would be 0.08 em wide, so
    its spaces are narrower and the gap is no word space: two lines."""
    top = [word("aaaa aaaa aaaa", 50, 100), word("a" * 10, 150, 100)]
    below = [word("a" * 10, 50, 112)] + [word("a" * 30, 50, 124 + 12 * i) for i in range(3)]
    lines = texts(build_lines(top + below, (), P))
    assert "aaaa aaaa aaaa" in lines and "a" * 10 in lines


def _head(text: str, box: tuple[float, float, float, float], size: float) -> Word:
    """A CJK display word boxed as a PDF boxes it (its face's ascent and descent: 1.31 em)."""
    return Word(text, Box(*box), "DroidSansFallback", size)


def test_cjk_headlines_side_by_side_on_two_baselines_a_gutter_apart_are_two_lines():
    """Two modules' 26 pt heads a gutter (10 pt) apart, each set in its own frame: the right
    one's first line stands higher, its short second line "食堂" level with the left one's
    first line but 0.29 em lower (scribus_zh_peoples_daily_shuffled: read "…深化多食堂"). One
    face boxes one line's words alike: feet that far apart are two baselines, two lines."""
    cols = [w for x in (30, 136, 242, 348, 454, 560)
            for w in column(x, 972, 10, width=99, size=9.5, pitch=13)]
    heads = [_head("南城社区建设特色数字经济 落实社区", (381, 869.5, 803.8, 903.6), 26),
             _head("河口镇培育托育服务 深化多", (40.3, 890.7, 359.1, 924.7), 26),
             _head("食堂", (369, 898.1, 419, 932.2), 25.5),
             _head("层次基础设施", (30, 919.3, 184, 953.3), 25.8)]
    lines = texts(build_lines(cols + heads, (), P))
    assert "河口镇培育托育服务 深化多" in lines and "食堂" in lines


def test_cjk_headlines_side_by_side_set_solid_each_with_its_own_second_line_are_two_lines():
    """Two modules' 26 pt heads touching (the left one overruns its frame into the gutter by
    1.6 pt), each wrapping to a second line at its own left edge, far apart on one baseline
    (scribus_s161_06_zh: "南城社区畅通创新平台 搭建" | "青山县开展产业链 落实高质" over
    "基础设施" | "量现代农业"): two headlines. One headline's second line, one line from its
    left edge across the touching point, keeps them one line."""
    cols = [w for x in (30, 136, 242, 348, 454, 560)
            for w in column(x, 713, 10, width=99, size=9, pitch=13)]
    heads = [_head("南城社区畅通创新平台 搭建", (30.8, 629.1, 349.6, 663.1), 26),
             _head("青山县开展产业链 落实高质", (348, 629.1, 666.8, 663.1), 26)]
    two = texts(build_lines(cols + heads + [_head("基础设施", (30, 657.7, 132, 691.7), 25.8),
                                            _head("量现代农业", (348, 657.7, 476, 691.7), 25.8)], (), P))
    assert "南城社区畅通创新平台 搭建" in two and "青山县开展产业链 落实高质" in two
    one = texts(build_lines(cols + heads + [_head("基础设施量现代农业", (30, 657.7, 264, 691.7), 25.8)], (), P))
    assert "南城社区畅通创新平台 搭建青山县开展产业链 落实高质" in one


def test_a_page_of_ocr_lines_each_in_one_column_looks_for_no_gutters(monkeypatch):
    """Lines an OCR file found, each in one column of one block, are kept whole: nothing asks
    where the page's gutters run, which are not looked for (about a fifth of such a
    page's analysis). A found line across both columns asks, and is cut at their gutter."""
    import layout.analysis.foundlines as foundlines
    asked = []
    find = foundlines.find_gutters
    monkeypatch.setattr(foundlines, "find_gutters", lambda *a: asked.append(1) or find(*a))
    words = [_found(text, x, x + 140, 100 + 12 * i, block, i)
             for i in range(20) for block, x in ((1, 50), (2, 370))
             for text, x in (("lorem", x), ("ipsum", x + 150))]
    assert len(build_lines(words, (), P)) == 40 and not asked
    words = [w for w in words if w.source_line != 10]
    across = [_found("pars", 50, 340, 220, 3, 0), _found("una", 370, 660, 220, 3, 0)]
    assert sorted(ln.text for ln in build_lines(words + across, (), P) if ln.box.y0 == 220) == [
        "pars", "una"]
    assert asked


def test_a_short_box_storys_last_gutter_a_line_short_of_long_still_cuts():
    """Four columns of Chinese 0.7 em apart, six lines under a headline, the last column a
    line short: its gutter, one line short of long, with too few lines beside it to count as
    aligned and with a paragraph's short last line and an indented first line beside it, is
    the next of the row of long gutters, at their pitch, their top and their width, so its
    lines are not read across (libreoffice_s167_07_zh)."""
    texts = ["北塘区培育产业链", "党支部搭建便民冷", "链仓储企业收入大", "幅改善年初以来望",
             "江社区培育多层次", "医疗卫生落实数字"]
    words = [word(texts[(i + c) % 6], 36 + 87 * c, 100 + 15 * i) for c in range(3) for i in range(6)
             if (c, i) not in ((2, 2), (2, 3))]
    words += [word("数字经济。", 36 + 87 * 2, 100 + 15 * 2), word("健全基础设", 36 + 87 * 2 + 20, 100 + 15 * 3)]
    words += [word(texts[(i + 3) % 6], 36 + 87 * 3, 100 + 15 * i) for i in range(5)]
    lines = build_lines(words, (), P)
    assert len(lines) == len(words)


def test_a_caption_beside_the_next_columns_kicker_is_no_superscript_of_it():
    """A picture's caption (8 pt) ends 1.4 em short of the next column's kicker (10.25 pt),
    its foot 5 points higher, a body line of a third column drawing both into one row
    (scribus_s167_09_zh): a raised word a line long is no footnote's number, so the gap is
    measured in the caption's size and cuts; the caption's and the kicker's lines stay apart."""
    words = [word("河口镇更新智慧农场，升", 646.9, 180, 10.5), word("级防汛体系", 646.9, 192.6, 10.25),
             word("南城社区电商平台一角。　新华", 523.5, 190.3, 8), word("社记者 韩晓东摄", 523.5, 199.9, 8),
             word("今年上半年，云溪县实施就", 380, 191.3, 9.5)]
    assert "南城社区电商平台一角。\u3000新华" in texts(build_lines(words, (), P))


def test_a_side_title_beside_a_first_line_set_in_stays_apart_from_it():
    """A 14 pt title set left of a 9 pt paragraph whose first line is set in, the body's foot
    higher than the title's (holdout_11_07_zh): the body lines under the gap start inside it
    but are of another size than the title's, so they say nothing of the gap: it parts two
    items, and the title's line stays its own."""
    def tall(w, height):  # boxed as the PDF's font boxes its glyphs: 1.2 em high
        return replace(w, box=replace(w.box, y1=w.box.y0 + height))

    words = [tall(word("北塘区畅通交", 37.1, 773, 14), 16.8), tall(word("通网络，搭建", 37.1, 788.7, 14), 16.8),
             tall(word("文旅部门提出：年初以", 151.9, 773.5, 9), 10.8),
             tall(word("来将畅通标准化医疗卫生，", 133.9, 785.4, 9), 10.8),
             tall(word("推进乡村振兴。记者了解", 133.9, 797.3, 9), 10.8)]
    assert "北塘区畅通交" in texts(build_lines(words, (), P))


def test_a_cjk_headlines_phrase_space_over_a_gutter_with_its_kicker_across_stays_one_line():
    """A 20 pt CJK headline whose phrase space (1 em) lies over a gutter, its byline centred
    on the whole headline but under the longer left phrase alone, its kicker centred on it
    right over it, across the gutter: one headline (chromium_s171_07_zh, its words:
    "望江社区聚焦高质量就业岗位　推进营商环境" under "松岗街道开展高质量乡村振兴，健全健身步道").
    A kicker set over the left phrase alone, centred on it, says nothing: two headlines side by
    side."""
    rows = [
        ('改造小区数量（个）', 34, 668.5, 82.5, 674.2, 4.9, 'Hei'),
        ('石桥镇加快特色物流体系', 456.1, 610, 621.1, 627.5, 15, 'Hei'),
        ('松岗街道开展高质量乡村振兴，健全健身步道', 138.4, 610.1, 338.4, 621.9, 10, 'Hei'),
        ('望江社区聚焦高质量就业岗位', 38.5, 623.3, 298.4, 646.7, 20, 'Hei'),
        ('推进营商环境', 318.4, 623.3, 438.3, 646.7, 20, 'Hei'),
        ('新华社记者', 175.6, 649, 218.1, 659, 8.5, 'Hei'),
        ('梁立新', 220.3, 649, 245.8, 659, 8.5, 'Hei'),
        ('吴志强', 248, 649, 273.5, 659, 8.5, 'Hei'),
        ('朱晓东', 275.7, 649, 301.2, 659, 8.5, 'Hei'),
        ('施，深化文化场馆。社区工作者', 171.1, 665.6, 305.7, 674.6, 9, 'Song'),
        ('位、口袋公园、公共服务等重点', 312.1, 665.6, 446.8, 674.6, 9, 'Song'),
        ('提出：此前将建设垃圾分类，改', 171.1, 677.6, 305.7, 686.6, 9, 'Song'),
        ('领域，开展就业岗位。', 312.1, 677.6, 402.1, 686.6, 9, 'Song'),
        ('造科研院所。医疗机构围绕健身', 171.1, 688.8, 305.7, 697.8, 9, 'Song'),
        ('社区工作者提出：此前将改', 330.1, 688.8, 446.8, 697.8, 9, 'Song'),
        ('步道、基础设施、产业链等重点', 171.1, 700.8, 305.7, 709.8, 9, 'Song'),
        ('造养老服务，更新高质量人才队', 312.1, 700.8, 446.8, 709.8, 9, 'Song'),
        ('领域，加强老旧小区。', 171.1, 712.8, 261.1, 721.8, 9, 'Song'),
        ('伍。与此同时，当地推进就业岗', 312.1, 712.8, 446.8, 721.8, 9, 'Song'),
    ]

    def build(kicker_x0):
        words = [Word(t, Box(x0, y0, x1, y1), f, size, False, False) if not t.startswith("松岗")
                 else Word(t, Box(kicker_x0, y0, kicker_x0 + x1 - x0, y1), f, size, False, False)
                 for t, x0, y0, x1, y1, size, f in rows]
        return texts(build_lines(words, (), P))
    assert "望江社区聚焦高质量就业岗位 推进营商环境" in build(138.4)
    assert "望江社区聚焦高质量就业岗位 推进营商环境" not in build(68.4)


def test_a_small_cjk_headline_in_another_face_over_a_gutter_with_its_byline_across_stays_one_line():
    """A short item's CJK headline set at about the body's size in a face other than the
    body's (a Hei beside a Song, its name saying no "bold"), its phrases an em apart over the
    gutter of the two columns it heads, its byline centred on it right under it and shorter:
    one headline (chromium_s169_02_zh: "南城社区更新垃圾分类　完善全方位供暖管网"). Set in
    the body's face, plain, the same words are two columns' lines."""
    cols = [w for y in (100, 280) for w in column(30, y, 12, width=84) + column(122, y, 12, width=84)]
    byline = [word("本报记者徐秀英", 82.5, 261, size=9, font="Hei")]       # 82.5..145.5

    def heads(font):
        return [word("滨江新区实施污水管网", 34, 250, size=8, font=font),   # 34..114
                word("更新全方位养老服务", 122, 250, size=8, font=font)]    # 122..194
    assert "滨江新区实施污水管网 更新全方位养老服务" in texts(build_lines(cols + heads("Hei") + byline, (), P))
    assert "滨江新区实施污水管网 更新全方位养老服务" not in texts(build_lines(cols + heads("Hei"), (), P))
    assert "滨江新区实施污水管网 更新全方位养老服务" not in texts(build_lines(cols + heads("Times") + byline, (), P))


def test_a_byline_over_a_hairline_gutter_under_its_headline_across_stays_one_line():
    """A byline in a face other than the body's, centred under its 26 pt headline, whose word
    space (a quarter em) falls where its first name runs into the gutter of the columns under
    it: the white followed down from the headline's phrase space through that word space into
    the gutter is a hair wide, and cuts the byline in two, the second half taken for a
    crosshead of the next column. The headline over it runs across, centred on it: one line
    (chromium_s169_09_zh, its words: "本报通讯员 吴雪 朱浩然 邓桂兰"). Set in the body's face,
    the byline is no title's line, and the gutter cuts it."""
    rows = [
        ('芳摄', 595.3, 828, 611.3, 837.4, 8, 'Hei'),
        ('金沙湾落实现代农业，加快产业链', 229.9, 839.9, 387.4, 852.2, 10.5, 'Hei'),
        ('目前，金沙湾培育社区食堂，拓', 595.3, 845.9, 728.7, 855.4, 9.5, 'Song'),
        ('高新区加强现代农业', 61.7, 853.2, 295.7, 883.6, 26, 'Hei'),
        ('落实多层次乡村振兴', 321.7, 853.2, 555.6, 883.6, 26, 'Hei'),
        ('展科研院所22.9万户。截至目', 595.3, 858.6, 728.7, 868.1, 9.5, 'Song'),
        ('前，东湖街道建设特色产业，探', 595.3, 872.1, 728.7, 881.6, 9.5, 'Song'),
        ('索医疗卫生276项。近年来，望', 595.3, 885.6, 728.7, 895.1, 9.5, 'Song'),
        ('本报通讯员', 246.6, 886.3, 291.6, 896.9, 9, 'Hei'),
        ('吴雪', 294, 886.3, 312, 896.9, 9, 'Hei'),
        ('朱浩然', 314.3, 886.3, 341.3, 896.9, 9, 'Hei'),
        ('邓桂兰', 343.7, 886.3, 370.7, 896.9, 9, 'Hei'),
        ('江社区聚焦绿色口袋公园，提升', 595.3, 899.1, 728.7, 908.6, 9.5, 'Song'),
        ('“探索标准化交通网络，补齐供', 171.3, 905.1, 304.7, 914.6, 9.5, 'Song'),
        ('山县优化便民污水管网250栋；', 312.7, 905.1, 446, 914.6, 9.5, 'Song'),
        ('部门提出：去年底将培育标准化', 454, 905.1, 587.3, 914.6, 9.5, 'Song'),
        ('防汛体系811所', 595.3, 911.9, 662.4, 921.4, 9.5, 'Song'),
        ('暖管网，企业办事效率持续增', 171.3, 917.9, 304.7, 927.4, 9.5, 'Song'),
        ('街道办优化人才队伍，学生满意', 312.7, 917.9, 446, 927.4, 9.5, 'Song'),
        ('数字经济，探索口袋公园。', 454, 917.9, 567.9, 927.4, 9.5, 'Song'),
        ('出：近年来将聚焦托育服务，搭', 595.3, 925.4, 728.7, 934.9, 9.5, 'Song'),
        ('加。”企业负责人许丽娟说。', 171.3, 931.4, 294.7, 940.9, 9.5, 'Song'),
        ('度显著提高。志愿者围绕技能培', 312.7, 931.4, 446, 940.9, 9.5, 'Song'),
        ('建便民托育服务。', 595.3, 938.9, 671.3, 948.4, 9.5, 'Song'),
        ('在此基础上，当地推进生态', 190.3, 944.9, 304.7, 954.4, 9.5, 'Song'),
        ('训、物流体系、特色产业等重点', 312.7, 944.9, 446, 954.4, 9.5, 'Song'),
        ('环境，患者参与度明显上升。青', 171.3, 958.4, 304.7, 967.9, 9.5, 'Song'),
        ('领域，升级便民市场。市场监管', 312.7, 958.4, 446, 967.9, 9.5, 'Song'),
    ]

    def build(byline_face):
        words = [Word(t, Box(x0, y0, x1, y1), byline_face if 886 < y0 < 887 else f, size, False, False)
                 for t, x0, y0, x1, y1, size, f in rows]
        return texts(build_lines(words, (), P))
    assert "本报通讯员吴雪朱浩然邓桂兰" in build("Hei")
    assert "本报通讯员吴雪" in build("Song")


def test_row_middles_are_the_statistics_median_to_the_bit():
    from statistics import median  # noqa: PLC0415
    from layout.analysis.lines import _median  # noqa: PLC0415
    for values in ([3.1], [0.1, 0.2], [5.0, 1.3, 2.2], [0.7, 0.1, 0.30000000000000004, 0.2]):
        assert _median(list(values)) == median(values)


def test_a_found_line_kept_whole_keeps_the_files_word_order_and_latin_words_hang_nothing():
    from layout.analysis.foundlines import PageWhite  # noqa: PLC0415
    # "of" boxed over its whole line by the engine: the file's order stands, not the boxes'
    words = [Word("Lord", Box(10, 0, 40, 10), size=10, source_line=1, source_block=1),
             Word("of", Box(10, 0, 200, 10), size=10, source_line=1, source_block=1),
             Word("the", Box(45, 0, 70, 10), size=10, source_line=1, source_block=1),
             Word("Isles.", Box(75, 0, 120, 10), size=10, source_line=1, source_block=1)]
    assert [[w.text for w in ln.words] for ln in build_lines(words, (), P)] == [
        ["Lord", "of", "the", "Isles."]]
    boxes = {id(w): w.box for w in words}
    assert PageWhite(words, boxes, [], 10.0, []).unhung == boxes


def test_a_found_line_kept_whole_keeps_the_files_order_when_its_words_lie_apart_in_it():
    # the source gives another line's word between two of this line's (their positions in
    # the page's words are not one run): the line still reads in the file's order
    # (under it, the full lines of its column, 190 wide: the line is no wider than the column)
    a = Word("Lord", Box(10, 0, 40, 10), size=10, source_line=1, source_block=1)
    other = Word("Far", Box(10, 20, 40, 30), size=10, source_line=2, source_block=1)
    b = Word("of", Box(10, 0, 200, 10), size=10, source_line=1, source_block=1)
    c = Word("Isles.", Box(75, 0, 120, 10), size=10, source_line=1, source_block=1)
    full = [Word(text, Box(x0, 20 * k, x0 + 90, 20 * k + 10), size=10, source_line=k, source_block=1)
            for k in range(3, 8) for text, x0 in (("full", 10), ("line", 110))]
    lines = build_lines([a, other, b, c, *full], (), P)
    assert [[w.text for w in ln.words] for ln in lines[:2]] == [["Lord", "of", "Isles."], ["Far"]]
    assert lines[0].box == Box(10, 0, 200, 10)


def test_a_cjk_side_head_stacked_beside_a_larger_headline_is_lines_of_its_own():
    """A 20 pt head stacked four characters a line in a narrow column, 15 pt (0.76 em) right of
    a 32 pt headline over the columns beside it (holdout_53_07_zh: "金沙湾聚焦现代" | "齐综合乡",
    under "长丰县补"): the side head's own lines over and under, starting where it starts in its
    size, make it a head of its own: two lines. Alone in the row, with no lines of its own
    around, the smaller phrase stays on the headline's line."""
    cols = [w for x in (33, 156) for w in column(x, 320, 20, width=104, size=8, pitch=10.6)]
    big = [word("金沙湾聚焦现代", 32.8, 63.5, size=32), word("农业", 32.8, 99.4, size=32)]
    side = [word(t, 272, 47 + 22.4 * k, size=20) for k, t in enumerate(("长丰县补", "齐综合乡", "村振兴更", "新数字化"))]
    two = texts(build_lines(cols + big + side, (), P))
    assert "金沙湾聚焦现代" in two and "齐综合乡" in two
    assert "金沙湾聚焦现代齐综合乡" in texts(build_lines(cols + big + side[1:2], (), P))


def test_a_latin_head_stacked_beside_a_larger_headline_is_lines_of_its_own():
    """A 22 pt head stacked a word or two a line in a narrow column, 12 pt (0.55 em) right of
    a 28 pt headline over three columns (holdout_59_02_en: "Agency Examines Municipal" |
    "District", over "Approv-" and "es Rural"): its next lines start where it starts, in its
    size, some wider than its first (ragged): a head of its own. Alone in the row, with no
    lines of its own around, the smaller word stays on the headline's line."""
    cols = [w for x in (35, 150, 265) for w in column(x, 145, 20, width=105, size=9, pitch=10.8)]
    big = [word("Agency Examines Municipal", 35, 45.4, size=28), word("Tenant After Long Delay", 35, 76.7, size=28)]
    side = [word(t, 397, 46.4 + 24.6 * k, size=22) for k, t in enumerate(("City", "Approves", "Rural", "Airport"))]
    two = texts(build_lines(cols + big + side, (), P))
    assert "Agency Examines Municipal" in two and "City" in two
    assert "Agency Examines Municipal City" in texts(build_lines(cols + big + side[:1], (), P))


def test_the_next_head_set_in_by_an_em_beside_a_head_overrunning_its_column_is_a_line_of_its_own():
    """A 22 pt head overrunning its column to the next one's edge, and 25 pt (1.1 em) right of
    it the next module's 26 pt head, its first line set in by an em, its second starting at its
    column's edge, where the left one ends (scribus_s185_03_zh: "北塘区推进多层次生态环" |
    "南城社区聚焦系统化人才队" over "伍 落实交通网络"): the right head goes on under its own
    part, not under the whole: two lines. Alone in the row, on one baseline, the two stay one
    line (hung from one top, one face in two sizes stands on two: ``display.off_baseline``)."""
    cols = [w for x in (272.5, 393.8, 515, 636.3, 757.5) for w in column(x, 1006, 20, width=111, size=8.7, pitch=11.7)]
    left = [word("北塘区推进多层次生态环", 273.5, 922.4, size=22), word("境", 272.5, 946.6, size=21)]
    right = [word("南城社区聚焦系统化人才队", 540.6, 922.4, size=26), word("伍 落实交通网络", 515, 951, size=26)]
    two = texts(build_lines(cols + left + right, (), P))
    assert "北塘区推进多层次生态环" in two and "南城社区聚焦系统化人才队" in two
    level = _on_baseline(right[0], left[0].box.y1 - 0.2 * left[0].size)
    assert "北塘区推进多层次生态环 南城社区聚焦系统化人才队" in texts(build_lines(cols + left + [level], (), P))


def test_words_of_two_sizes_further_apart_than_display_type_is_ever_spaced_are_two_lines():
    """A side head's 14 pt kicker 35 pt (2.5 em of it) left of the 8 pt text of a boxed sidebar
    on its baseline (holdout_53_01_zh: "托育服务，深化防" | "志愿者围绕营商环"): wider than display
    type is ever spaced (``DISPLAY_APART`` em of the larger size), two lines. A word space
    between the two sizes keeps one line."""
    cols = [w for x in (27.7, 153.7) for w in column(x, 480, 20, width=94, size=8.5, pitch=10.6)]
    kicker = [word("滨江新区畅通特色", 27.7, 383.9, size=14), word("托育服务，深化防", 27.7, 399.5, size=14)]
    sidebar = [word("核心阅读", 158.7, 389.4, size=9), word("境、口袋公园、文化活动", 158.7, 414.1, size=8)]
    two = texts(build_lines(cols + kicker + sidebar + [word("志愿者围绕营商环", 174.7, 403.5, size=8)], (), P))
    assert "托育服务，深化防" in two and "志愿者围绕营商环" in two
    one = texts(build_lines(cols + kicker + sidebar + [word("志愿者围绕营商环", 142, 403.5, size=8)], (), P))
    assert "托育服务，深化防志愿者围绕营商环" in [t.replace(" ", "") for t in one]


def test_three_cjk_headlines_in_a_row_the_middle_one_wrapping_beside_the_rights_byline_are_three_lines():
    """Three modules' 22 pt heads on one top, 11 pt and 14 pt apart (reportlab_s181_01_zh:
    "南城社区提升便民" | "滨江新区建设托育服" | "白鹭洲改造老旧小区"): the middle one wraps,
    "务" starting where it starts, level with the right one's byline at the right one's left
    edge. The middle and right heads are judged alone, the left one cut off before: its phrase
    does not widen the middle one's and hide its own second line. With white beside "务", one
    headline's second line, the middle and right heads stay one line."""
    cols = [w for x in (242, 348, 454, 560, 666, 772)
            for w in column(x, 648, 10, width=98, size=8.5, pitch=11)]
    heads = [_head("南城社区提升便民基础", (245, 586.2, 443, 608.3), 22),
             _head("滨江新区建设托育服", (453.9, 586.2, 651.9, 608.3), 22),
             _head("白鹭洲改造老旧小区", (665.8, 586.2, 863.8, 608.3), 22),
             _head("设施", (311, 610.4, 377, 632.5), 22), _head("务", (453.9, 610.4, 475.9, 632.5), 22)]
    byline = Word("本报记者宋立新", Box(665.8, 610.1, 768.1, 618.1), "DroidSansFallback", 8)
    three = texts(build_lines(cols + heads + [byline], (), P))
    assert "滨江新区建设托育服" in three and "白鹭洲改造老旧小区" in three
    assert "滨江新区建设托育服白鹭洲改造老旧小区" in texts(build_lines(cols + heads, (), P))


def test_cjk_heads_set_solid_each_wrapping_a_hair_into_the_others_measure_are_two_lines():
    """Two 22 pt heads a point and a half apart (scribus_s181_00_zh: "松岗街道建设充电设" |
    "柳湾村开展智能化现"), each wrapping to its own second line on one baseline far apart
    ("施" | "代农业"), the right one's set 2.2 pt left of its first (Scribus pushes a wrapped
    head's first line into its measure), so 0.6 pt under the left phrase's end: a hair, not
    text reaching in; two headlines. One head's second line across both keeps them one."""
    cols = [w for x in (30, 128.7, 227.4, 326.1)
            for w in column(x, 632, 10, width=90, size=8.5, pitch=12)]
    heads = [_head("松岗街道建设充电设", (30, 558.2, 228, 587), 22),
             _head("柳湾村开展智能化现", (229.6, 558.2, 427.6, 587), 22)]
    two = texts(build_lines(cols + heads + [_head("施", (30, 582.4, 50, 611.2), 21),
                                            _head("代农业", (227.4, 582.4, 291.4, 611.2), 21.7)], (), P))
    assert "松岗街道建设充电设" in two and "柳湾村开展智能化现" in two
    one = texts(build_lines(cols + heads + [_head("施代农业", (30, 582.4, 291.4, 611.2), 21.7)], (), P))
    assert "松岗街道建设充电设柳湾村开展智能化现" in one


def test_a_captions_ragged_line_beside_the_next_columns_kicker_of_another_size_is_two_lines():
    """A 7.5 pt caption line ending 29 pt short of a 10 pt kicker on its baseline, the next
    column's (groff_s181_02_en: "bridge in Cedar Falls in" | "The Ambitious"), with no
    gutter the page shows there (a picture above, a headline below): two sizes that far apart
    are two lines. At a word space the change of size stays in one line."""
    caption = [Word(t, Box(667.2, 178.3 + 8.6 * i, x1, 185.8 + 8.6 * i), "Helvetica", 7.5)
               for i, (t, x1) in enumerate((("Oscar Foster inspects the", 752.4),
                                            ("bridge in Cedar Falls in", 744.0), ("Oakdale. Photo: Martin", 744.1)))]
    kicker = Word("The Ambitious", Box(773.4, 184.2, 837.3, 194.2), "Helvetica", 10)
    assert "The Ambitious" in texts(build_lines(caption + [kicker], (), P))
    close = Word("The Ambitious", Box(746.5, 184.2, 810.4, 194.2), "Helvetica", 10)
    assert "bridge in Cedar Falls in The Ambitious" in texts(build_lines(caption + [close], (), P))


def test_a_decks_line_is_cut_from_the_smaller_text_beside_it_though_its_next_line_runs_into_the_gap():
    """A side headline's 11 pt italic deck, its line "Robert Chen expanded" ending 27 pt short
    of the 9 pt column beside it on one baseline, its next line running 12 pt on into that gap
    (holdout_89_06_en, runs as PyMuPDF gives them): the deck's own column going on under it, in
    its size, is no text around the gap, which stays two lines. A 9 pt line there would be."""
    def run(text, x0, y0, x1, y1, size, italic=False):
        return Word(text, Box(x0, y0, x1, y1), "Times-Italic" if italic else "Times-Roman", size, False, italic)

    title = [run(t, 490, y, 490 + 9 * len(t), y + 27, 20)
             for t, y in (("Senator", 56), ("Questions", 78), ("Early", 101), ("Railway", 123))]
    texts_ = ("will request a southern", "museum on Thursday, said", "for the state university. The")
    cols = [run(texts_[i % 3], 617, 44 + 10.9 * i, 717 + i % 3 * 4, 56 + 10.9 * i, 9) for i in range(12)]
    cols += [run("of Harbor City will", 737, 44 + 10.9 * i, 807 + i % 2 * 8, 56 + 10.9 * i, 9) for i in range(12)]
    deck = [run("Robert Chen expanded", 490, 150, 590, 163, 11, True), run("late meeting", 490, 174, 544, 188, 11, True)]
    under = run("418 annual forecasts at a", 490, 162, 602, 175, 11, True)
    assert "Robert Chen expanded" in texts(build_lines(title + cols + deck + [under], (), P))
    under = run("418 annual forecasts at a", 490, 162, 602, 175, 9)
    assert "Robert Chen expanded" not in texts(build_lines(title + cols + deck + [under], (), P))


def test_a_justified_first_line_filling_its_column_wall_to_wall_keeps_its_wide_space():
    """A column's first line under a headline's white, then a paragraph's short last line and a
    crosshead's white: no full line of that column within reach says its measure, and groff
    stretched its one space between two text runs to 0.65 em, wider than a word space
    (groff_s183_06_en: "introduced the ···· new clinic", read "introduced the on Friday. new
    clinic"). It runs from the grid's gutter on its left to the one on its right: one line.
    Two items in a column, the right one short of the column's right edge, stay two lines."""
    size, pitch, width, top = 8.5, 9.5, 96.2, 698.0
    sides = column(241.9, top, 20, width=width, size=size, pitch=pitch) \
        + column(453.9, top, 20, width=width, size=size, pitch=pitch)
    body = column(347.9, top + 5 * pitch, 15, width=width, size=size, pitch=pitch)

    def runs(end: float) -> list[Word]:
        return [Word("introduced the", Box(347.9, top, 400.2, top + size), "Times", size),
                Word("new clinic", Box(405.7, top, end, top + size), "Times", size),
                Word("on Friday.", Box(347.9, top + pitch, 385.0, top + pitch + size), "Times", size),
                Word("The Railway", Box(347.9, top + 25, 402.5, top + 34.5), "Times-Bold", 9.5, True),
                Word("Question", Box(347.9, top + 36, 389.1, top + 45.5), "Times-Bold", 9.5, True)]

    assert "introduced the new clinic" in texts(build_lines(sides + body + runs(444.1), (), P))
    short = texts(build_lines(sides + body + runs(430.0), (), P))
    assert "introduced the" in short and "new clinic" in short


def _on_baseline(w: Word, baseline: float) -> Word:
    """``w`` boxed as ``word`` boxes it (one em high), set on ``baseline``: 0.8 em over it, 0.2 under."""
    return replace(w, box=Box(w.box.x0, baseline - 0.8 * w.size, w.box.x1, baseline + 0.2 * w.size))


def test_cjk_headlines_of_two_sizes_hung_from_one_top_touching_are_two_lines():
    """Two modules' heads, 22 and 26 pt, each set in its own frame from one top: the left one
    overruns its frame to 3 pt of the right one (scribus_s189_08_zh: read "南城社区落实综合文
    柳湾村更新托育服务 培育", two stories one). Their tops level, the larger's foot stands
    lower by the whole difference of their heights (0.24 em of the smaller): one face on one
    baseline would put it lower by its descent's share only, so they are two lines."""
    cols = [w for x in (227, 326, 425, 523, 622)
            for w in column(x, 700, 10, width=90, size=8.5, pitch=12)]
    heads = [_head("南城社区落实综合文", (227.4, 626.1, 425.4, 654.9), 22),
             _head("化场馆", (227.4, 650.3, 291.4, 679.1), 21.7),
             _head("柳湾村更新托育服务 培育", (428.4, 626.1, 721.2, 660.1), 26),
             _head("新型乡村振兴", (424.7, 654.7, 578.7, 688.7), 25.8)]
    lines = texts(build_lines(cols + heads, (), P))
    assert "南城社区落实综合文" in lines and "柳湾村更新托育服务 培育" in lines


def test_a_cjk_headline_of_two_sizes_on_one_baseline_stays_one_line():
    """One head whose last phrase is set larger (22 then 26 pt) on one baseline, touching: the
    larger's box reaches 1.05 em up and 0.26 em down from it, its foot 1 pt (the descent's
    share of the difference of their heights) under the smaller's. One line."""
    cols = [w for x in (227, 326, 425, 523, 622)
            for w in column(x, 700, 10, width=90, size=8.5, pitch=12)]
    heads = [_head("南城社区落实综合文", (227.4, 636.9, 425.4, 665.7), 22),
             _head("柳湾村更新托育服务", (428.4, 632.7, 662.4, 666.7), 26)]
    lines = texts(build_lines(cols + heads, (), P))
    assert "南城社区落实综合文柳湾村更新托育服务" in lines


def test_a_hairline_river_running_into_a_headlines_word_space_is_no_gutter():
    """A narrow justified column of TeX (9 pt type, 129 pt wide, latex_s193_06_en): the word
    spaces of its last five lines ("request 151 ··· annual bridges", "on Thursday. ···
    Meanwhile,") overlap in white 0.37 em wide, closed above by the line "approve a regional
    tenant since", that runs on down through the space between two words of the next story's
    headline ("Policy ··· amid", 24 pt), tall enough there to be a gutter's. A river, no
    gutter: each line stays whole (they were cut in two and their halves read crosswise)."""
    rows = [
        (("approve", 313.1, 344.6), ("a", 348.5, 353.1), ("regional", 357.0, 388.8), ("tenant", 392.7, 418.5),
         ("since", 422.4, 441.9)),
        (("January,", 313.1, 347.3), ("and", 353.8, 368.6), ("Sen.", 374.4, 391.3), ("Hale", 403.6, 421.8),
         ("will", 427.6, 441.9)),
        (("request", 313.1, 342.1), ("151", 352.2, 366.1), ("annual", 376.2, 403.0), ("bridges", 413.1, 441.9)),
        (("on", 313.1, 322.9), ("Thursday.", 332.5, 372.5), ("Meanwhile,", 396.3, 441.9)),
        (("the", 313.1, 325.9), ("treasurer", 334.2, 370.2), ("of", 378.5, 385.9), ("Stonebridge", 394.3, 441.9)),
        (("revived", 313.1, 342.1), ("an", 354.1, 363.8), ("urgent", 375.8, 401.7), ("market", 413.7, 441.9)),
    ]
    words = [Word(t, Box(x0, 577.8 + 10.76 * i, x1, 586.77 + 10.76 * i), "LMRoman9", 8.97, False, False)
             for i, row in enumerate(rows) for t, x0, x1 in row]
    head = [Word(t, Box(x0, 666.6, x1, 690.5), "LMSans10-Bold", 23.91, True, False)
            for t, x0, x1 in (("Annual", 215.8, 292.2), ("Policy", 301.0, 366.1), ("amid", 374.9, 427.7))]
    beside = [column(x, 416.4, 22, width=128.8, size=8.97, pitch=10.76) for x in (171.5, 454.7)]
    above = column(313.1, 416.4, 15, width=128.8, size=8.97, pitch=10.76)
    lines = build_lines(words + head + above + beside[0] + beside[1], (), P)
    middle = [ln.text for ln in lines if 310 < ln.box.x0 < 445 and 577 < ln.box.y0 < 650]
    assert sorted(middle) == sorted(" ".join(t for t, _, _ in row) for row in rows)


def test_a_justified_line_filling_its_column_between_two_column_sides_keeps_its_last_word():
    """groff sets "library at a late meeting" as one run and the last word "on" apart, its
    space as wide as the run's (0.65 em): the first line of a short last column under a
    headline (a six-column grid, groff_s193_03_en), "Thursday." alone under it. No full
    line near shows the column's measure, and the gap has no text right above or below it;
    but the row is cut from the columns either side at their sides (long gutters, not the grid's
    own pieces at this height: a headline stops them above) and fills the column wall to wall:
    one line (it was cut, and "on" read as a paragraph at the story's end)."""
    def at(text, x0, y0, x1, size=9.0):
        return Word(text, Box(x0, y0, x1, y0 + size), "Times-Roman", size, False, False)

    grid = [30.0, 153.4, 276.8, 400.2, 523.7, 647.1]
    upper = [w for x in grid[:5] for w in column(x, 428.0, 16, width=114.9, size=9.0, pitch=10.8)]
    right = column(647.1, 423.2, 38, width=114.9, size=9.0, pitch=10.8)   # a line at 747.2
    heads = [at("Governor Finances Independent Orchard as Costs", 30.0, 664.1, 603.1, 24.0),
             at("Agency Postpones Rural Library Despite Protests", 30.0, 828.1, 597.0, 24.0)]
    lower = [w for x in grid[:4] for w in column(x, 747.2, 4, width=114.9, size=9.0, pitch=10.8)]
    last = [at("library at a late meeting", 523.7, 747.2, 623.7), at("on", 629.6, 747.2, 638.6),
            at("Thursday.", 523.7, 758.0, 559.3)]
    lines = build_lines(upper + right + heads + lower + last, (), P)
    assert "library at a late meeting on" in texts(lines)


def test_a_two_word_justified_line_is_measured_by_a_paragraphs_first_line_set_in_below():
    """"completed ··· a": the first line of a narrow justified column under a headline, its one
    space 3.5 em wide with no text right above or below it; the lines under it are a
    paragraph's short last lines, then the next paragraph's first line, set in one em, which
    ends where the column does. That line shows the column's measure (its start set in by a
    paragraph's indent): the row fills it, and stays one line (libreoffice_s193_04_en: "a" was
    cut off and read at the page's end)."""
    def at(text, x0, y0, x1, size=9.5):
        return Word(text, Box(x0, y0, x1, y0 + size), "TeXGyrePagella-Regular", size, False, False)

    left = [w for x in (494.2, 587.0) for w in column(x, 665.2, 20, width=82.2, size=9.5, pitch=11.4)]
    head = [at("Festival After Long Delay", 401.4, 618.3, 688.6, 24.0)]
    here = [at("completed", 679.8, 665.2, 723.9), at("a", 757.3, 665.2, 762.1),
            at("cautious", 679.8, 676.6, 715.2), at("courthouse.", 679.8, 688.0, 729.2),
            at("The campaign is", 689.3, 699.4, 762.1), at("expected to cost", 679.8, 714.8, 762.1),
            at("$72.3 million,", 679.8, 726.2, 762.1)] + column(679.8, 737.6, 12, width=82.3, size=9.5, pitch=11.4)
    assert "completed a" in texts(build_lines(left + head + here, (), P))


def _cjk_column(x0: float, y0: float, rows: int, width: float = 84, size: float = 8.7,
                pitch: float = 12.6) -> list[Word]:
    """A CJK column: one word a line, each filling the measure."""
    return [Word("村民收入大幅提高", Box(x0, y0 + i * pitch, x0 + width, y0 + i * pitch + 8.9), "Song", size)
            for i in range(rows)]


def test_a_crosshead_overrunning_its_column_into_a_tight_gutter_is_cut_from_the_next_column():
    """Three CJK columns 84 pt wide, 8 pt apart, broken off by a 26 pt headline across them;
    under it, a 10 pt crosshead of two lines heads the middle column: its first line (90 pt)
    runs 5.8 pt into the gutter, 2.4 pt from the right column's first line level with it, its
    second line short, so the gutter's white starts two lines lower (scribus_s195_03_zh: read
    "绿色转型的“白鹭路堂，职工获得感进一步"). The gap ends on the right edge of that gutter to
    a hair, where the right column's lines start: the gutter's side, two lines."""
    words = [w for x in (123, 215, 307) for w in _cjk_column(x, 660, 20)]
    words += [Word("特色就业岗位 推进", Box(160, 939.6, 374.8, 973.7), "Song", 26),
              Word("业", Box(158.3, 968.2, 184, 1002.3), "Song", 25.8)]
    words += _cjk_column(123, 1023, 12) + _cjk_column(307, 1023, 12)
    words += [Word("绿色转型的“白鹭路", Box(215, 1022.8, 304.8, 1033.3), "Ming", 10),
              Word("径”", Box(215, 1034.8, 235, 1045.3), "Ming", 10)] + _cjk_column(215, 1050.5, 10)
    lines = texts(build_lines(words, (), P))
    assert "绿色转型的“白鹭路" in lines
