"""Stage 7, paragraphs and joining rules."""

from dataclasses import fields, replace

from layout import analyse_page
from layout.analysis.blocks import build_blocks
from layout.analysis.columns import Column, Grid
from layout.analysis.hyphens import joined
from layout.analysis.lines import build_lines
from layout.analysis.text import paragraphs
from layout.geometry import union_all
from layout.model import Block, Box, Layout, Line, Story, Word
from layout.params import Params

from synth import column, page, text_lines, word


def join_lines(texts, compounds=frozenset()):
    """The text of the lines joined as one paragraph."""
    return joined(texts, compounds)[0]


def body_texts(words):
    """The body paragraphs of the one story the words make."""
    (story,) = analyse_page(page(words)).stories
    return [b.text for b in story.blocks if b.role == "body"]


def test_latin_hyphenation_at_a_line_end_is_undone():
    assert join_lines(["the recon-", "struction of"]) == "the reconstruction of"


def test_a_dash_closed_up_at_a_line_end_goes_on_without_a_space():
    """An em dash set closed ("said—and", US style), a range or a number broken after its
    dash (Federal Register: "AD 2018–" + "23–51") or after a figure's hyphen before a figure:
    the dash stays and no space comes in. A spaced dash stays spaced, as does a dash after a
    stop ("5.–") and a hyphen after a figure before a word: the dash closing an item of a
    market report, which OCR reads as a hyphen (Ouest-Éclair 1924: "orge, 106 à 110-" +
    "son, 65")."""
    assert join_lines(["the minister said—", "and then left"]) == "the minister said—and then left"
    assert join_lines(["Emergency AD 2018–", "23–51 was issued"]) == "Emergency AD 2018–23–51 was issued"
    assert join_lines(["see pages 12-", "15"]) == "see pages 12-15"
    assert join_lines(["orge, 106 à 110-", "son, 65"]) == "orge, 106 à 110- son, 65"
    assert join_lines(["Zürich —", "Der Rat"]) == "Zürich — Der Rat"
    assert join_lines(["Preis Fr. 5.–", "Zürich"]) == "Preis Fr. 5.– Zürich"


def test_soft_hyphens_are_no_text_and_break_a_word_at_a_line_end():
    """A browser's PDF keeps the soft hyphens of its source in the text layer, inside words
    and before the hyphen it draws at a break (chromium_s111_00_en: "mil\u00ad\u2010" +
    "lion"): they are taken out, and the word broken at the line end is joined."""
    assert join_lines(["as much as $72.1 mil\u00ad\u2010", "lion, accor\u00add\u00ading to"]) \
        == "as much as $72.1 million, according to"
    assert join_lines(["the parks depart\u00ad", "ment said"]) == "the parks department said"
    assert join_lines(["Baden\u00ad\u2010", "Württemberg"]) == "Baden-Württemberg"
    assert join_lines(["a dash --", "then more"]) == "a dash -- then more"


def test_a_compound_the_page_writes_whole_keeps_its_hyphen_at_a_line_end():
    """"low-" + "income" is "low-income" when the page writes "low-income" inside a line
    somewhere (typst_s111_01_en); a word hyphenated to fit ("recon-" + "struction") is never
    written so, and is joined."""
    assert join_lines(["near the low-", "income district"], frozenset({"low-income"})) \
        == "near the low-income district"
    assert join_lines(["near the low-", "income district"]) == "near the lowincome district"
    words = text_lines(["Council Plan"], 50, 40, size=24) + text_lines(
        ["the council backs homes for low-income", "families and pays for the recon-",
         "struction of the school near the low-", "income district as it promised"], 50, 80)
    layout_ = analyse_page(page(words))
    text = " ".join(b.text for s in layout_.stories for b in s.blocks)
    assert "the low-income district" in text and "the reconstruction of" in text


def test_each_two_neighbours_of_a_compound_with_several_hyphens_keep_their_hyphen():
    """"mother-in-law" and "state-of-the-art" written whole on the page: broken after any of
    their hyphens, they keep it ("mother-in-" + "law" was "mother-inlaw": only "mother-in"
    and "the-art" were found, the compound's words taken two by two without overlap)."""
    words = text_lines(["Council Plan"], 50, 40, size=24) + text_lines(
        ["his mother-in-law backs a state-of-the-art", "school, and her mother-in-", "law, a state-of-",
         "the-art clinic, as the recon-", "struction goes on"], 50, 80)
    text = " ".join(b.text for s in analyse_page(page(words)).stories for b in s.blocks)
    assert "her mother-in-law, a state-of-the-art clinic" in text and "the reconstruction" in text


def test_a_hyphen_before_a_capital_is_kept():
    assert join_lines(["Baden-", "Württemberg"]) == "Baden-Württemberg"


def test_a_word_in_capitals_broken_at_a_line_end_is_one_word_unless_a_short_code():
    """Old papers break words set in capitals to fit ("D'AGRI-" + "CULTURE"); the hyphen
    goes, unless the page writes the compound whole or the part before it is a short code."""
    assert join_lines(["SOCIÉTÉ D'AGRI-", "CULTURE DE LYON"]) == "SOCIÉTÉ D'AGRICULTURE DE LYON"
    assert join_lines(["LIVER-", "POOL"]) == "LIVERPOOL"
    assert join_lines(["NORTH-", "WEST"], frozenset({"north-west"})) == "NORTH-WEST"
    assert join_lines(["Ref. PK-", "LQP"]) == "Ref. PK-LQP"


def test_cjk_lines_join_without_space_even_across_a_number():
    assert join_lines(["民意调查座谈会210", "余次。"]) == "民意调查座谈会210余次。"


def test_latin_lines_join_with_one_space():
    assert join_lines(["one line", "  the next  "]) == "one line the next"


def test_a_column_break_inside_a_paragraph_does_not_end_it():
    headline = text_lines(["Council Plan"], 50, 60, size=24)
    words = headline + column(50, 100, 10, indent_first=True) + column(170, 100, 4, start=80)
    (story,) = analyse_page(page(words)).stories
    assert len([b for b in story.blocks if b.role == "body"]) == 1


def test_an_indented_line_starts_a_paragraph():
    headline = text_lines(["Council Plan"], 50, 60, size=24)
    words = headline + column(50, 100, 4, indent_first=True) + column(50, 148, 4, start=40, indent_first=True)
    (story,) = analyse_page(page(words)).stories
    assert len([b for b in story.blocks if b.role == "body"]) == 2


def test_ragged_right_lines_keep_their_paragraph_unless_the_next_word_would_have_fitted():
    #  "Notice of proposed"        ← short, but "rulemaking" would not have fitted
    #  "rulemaking today."         ← short, and "The" would have fitted: the paragraph ends
    #  "The agency said so and"
    words = (text_lines(["Council Plan"], 50, 60, size=24)
             + text_lines(["x" * 20] * 3, 50, 100)
             + text_lines(["Notice of proposed", "rulemaking today.", "The agency said so and"], 50, 136))
    texts = body_texts(words)
    assert texts[-2].endswith("Notice of proposed rulemaking today.")
    assert texts[-1] == "The agency said so and"


def test_a_line_short_by_about_the_next_word_keeps_its_paragraph():
    """The next line's first word is measured from its run's mean letter, which misjudges a
    narrow word ("municipal" in Times): room a little wider than the estimate is no proof
    that the word would have fitted. Here 50 pt are left for a word estimated at 46.5 pt."""
    words = (text_lines(["Council Plan"], 50, 60, size=24)
             + text_lines(["x" * 20] * 3, 50, 100)
             + text_lines(["Patel, who", "municipal tunnel", "x" * 20], 50, 136))
    texts = body_texts(words)
    assert texts[-1].endswith("Patel, who municipal tunnel " + "x" * 20)


def test_a_line_ending_in_a_broken_word_does_not_end_its_paragraph():
    #  "xxxxxxxxxxxxxxxxxxxx"
    #  "the council recon-"        ← short, and a scan's jitter set the next line in by an em:
    #    "sidered its plan"          a paragraph does not end inside a word
    words = (text_lines(["Council Plan"], 50, 60, size=24)
             + text_lines(["x" * 20] * 3, 50, 100)
             + text_lines(["the council recon-"], 50, 136)
             + text_lines(["sidered its plan and", "x" * 20], 60, 148))
    texts = body_texts(words)
    assert texts[-1].endswith("the council reconsidered its plan and " + "x" * 20)


def test_a_line_ending_in_a_comma_does_not_end_its_paragraph():
    #  "xxxxxxxxxxxxxxxxxxxx"
    #  "council met,"              ← short, and "who" would have fitted: but a sentence
    #  "who voted against it"        goes on after a comma
    words = (text_lines(["Council Plan"], 50, 60, size=24)
             + text_lines(["x" * 20] * 3 + ["council met,", "who voted against it", "x" * 20], 50, 100))
    texts = body_texts(words)
    assert texts[-1].endswith("council met, who voted against it " + "x" * 20)


def test_a_line_in_lower_case_after_one_with_no_closing_mark_goes_on_its_sentence():
    #  "xxxxxxxxxxxxxxxxxxxx"
    #  "the fete will be held"     ← no full stop, and a skewed scan set the next line in by
    #    "at three in the hall"      an em: a paragraph does not open in lower case
    words = (text_lines(["Council Plan"], 50, 60, size=24)
             + text_lines(["x" * 20] * 3, 50, 100)
             + text_lines(["the fete will be held"], 50, 136)
             + text_lines(["at three in the hall", "x" * 20], 60, 148))
    texts = body_texts(words)
    assert texts[-1].endswith("the fete will be held at three in the hall " + "x" * 20)


def test_an_indented_line_in_lower_case_after_a_full_stop_still_opens_a_paragraph():
    words = (text_lines(["Council Plan"], 50, 60, size=24)
             + text_lines(["x" * 20] * 3, 50, 100)
             + text_lines(["the fete will be held."], 50, 136)
             + text_lines(["at three in the hall", "x" * 20], 60, 148))
    texts = body_texts(words)
    assert texts[-1] == "at three in the hall " + "x" * 20


def test_a_dash_after_a_space_breaks_no_word():
    words = (text_lines(["Council Plan"], 50, 60, size=24)
             + text_lines(["x" * 20] * 3, 50, 100)
             + text_lines(["the last price 47 -"], 50, 136)
             + text_lines(["Bonds were steady and", "x" * 20], 60, 148))
    texts = body_texts(words)
    assert texts[-1] == "Bonds were steady and " + "x" * 20


def test_a_short_cjk_line_ends_its_paragraph_without_an_indent():
    #  一二三四五六七八九十   CJK breaks after any character: a line stopping two characters
    #  一二三四五六七。       short of the edge, with more text under it, ends its paragraph
    #  一二三四五六七八九十   (no first-line indent, as LaTeX's CJK pages set them)
    body = ["一二三四五六七八九十", "十九八七六五四三二一", "一二三四五六七。",
            "二三四五六七八九十一", "三四五六七八九十一二", "四五六七八九十一二三"]
    words = text_lines(["市场监管"], 50, 60, size=24) + text_lines(body, 50, 100)
    texts = body_texts(words)
    assert texts == ["".join(body[:3]), "".join(body[3:])]


def test_a_short_cjk_line_ending_in_no_closing_mark_goes_on():
    #  一二三四五六七八九十   the same short line, ending in a character and no closing mark:
    #  一二三四五六七         a sentence goes on (lines set short beside an inset), and so
    #  二三四五六七八九十一   does its paragraph
    body = ["一二三四五六七八九十", "十九八七六五四三二一", "一二三四五六七",
            "二三四五六七八九十一", "三四五六七八九十一二", "四五六七八九十一二三"]
    words = text_lines(["市场监管"], 50, 60, size=24) + text_lines(body, 50, 100)
    assert body_texts(words) == ["".join(body)]


def test_a_short_cjk_line_ending_in_a_number_goes_on_at_an_unindented_line():
    #  一二三四五六七八九十   "67亩" is not broken apart, nor "亩。“建" (an opening quote never
    #  探索科研院所67         ends a line): the typesetter left the line short three characters
    #  亩。“建设养老服务，建   with its number. A CJK paragraph ends with its mark, and the next
    #  二三四五六七八九十一   is set in: the line under it, unindented, goes on with it
    body = ["一二三四五六七八九十", "十九八七六五四三二一", "探索科研院所67",
            "亩。“建设养老服务，建", "二三四五六七八九十一", "三四五六七八九十一二"]
    words = text_lines(["市场监管"], 50, 60, size=24) + text_lines(body, 50, 100)
    assert body_texts(words) == ["".join(body)]


def test_a_cjk_line_set_in_one_character_after_a_full_line_left_open_goes_on():
    #  一法第五十一条第五项   a law's items set with a hanging indent (kampo_vertical_ja:
    #   车辆移动决定。       "一の五 医療機関が、…当該" / "傷病者が…"): a line set in one
    #  二法第五十一条第六项   character after a full line with no closing mark goes on with
    #   规定保管车辆的返还   it; after a short line ending a sentence, or set in two
    #    甲乙丙丁戊己。       characters (a Chinese paragraph's indent), a line opens one
    body = [("一法第五十一条第五项", 50), ("车辆移动决定。", 60), ("二法第五十一条第六项", 50),
            ("规定保管车辆的返还", 60), ("甲乙丙丁戊己。", 80)]
    words = text_lines(["市场监管"], 50, 60, size=24)
    words += [word(t, x, 100 + 12 * k) for k, (t, x) in enumerate(body)]
    assert body_texts(words) == [body[0][0] + body[1][0], body[2][0] + body[3][0], body[4][0]]


def test_a_cjk_paragraph_set_in_at_the_top_of_a_column_left_of_the_last_opens_one():
    #  甲乙丙丁戊己庚辛     一二三四五六七八九十   a story read from its right column on into
    #  一二三四五六七八九。  十九八七六五四三二一   its left one (under a picture, a dog-leg):
    #                      一二三四五六七八九十   the left column's first line, set in two
    # characters, opens a paragraph though the line before (in the other column) filled its
    # measure with no closing mark: a hanging indent goes on only a character right of the
    # line before it in its own column, never a column to the left
    right = build_lines(text_lines(["一二三四五六七八九十", "十九八七六五四三二一",
                                    "一二三四五六七八九十"], 200, 100), (), Params())
    left = build_lines([word("甲乙丙丁戊己庚辛", 70, 300), word("一二三四五六七八九。", 50, 312)],
                       (), Params())
    blocks = tuple(Block(tuple(ls), union_all(ln.box for ln in ls), 10, False, False)
                   for ls in (right, left))
    story = Story("s1", "story", blocks, union_all(b.box for b in blocks))
    out = paragraphs(Layout(1, 600, 800, "pt", stories=(story,)),
                     Grid((Column(50, 150), Column(200, 300))), 10, Params())
    assert [b.text for b in out.stories[0].blocks] == [
        "一二三四五六七八九十十九八七六五四三二一一二三四五六七八九十", "甲乙丙丁戊己庚辛一二三四五六七八九。"]


def test_the_wrapped_end_of_a_cjk_note_set_flush_right_goes_on_with_it():
    #  一二三四五六七八九十   a note set flush right under the text ("作者单位：社区工作" /
    #  作者单位：社区工作十   "者"): its last character stands at the measure's end, far
    #                    者   past an indent, after a line left open: one paragraph (a
    #  source credit so wrapped ("数据来源：…") is split off as a credit: ``roles._credit_lines``)
    body = ["一二三四五六七八九十", "十九八七六五四三二一", "一二三四五六七八九。",
            "二三四五六七八九十一", "作者单位：社区工作十"]
    words = text_lines(["市场监管"], 50, 60, size=24) + text_lines(body, 50, 100) \
        + [word("者", 140, 160)]
    assert body_texts(words)[-1].endswith("作者单位：社区工作十者")


def test_a_cjk_line_short_to_bring_a_character_down_with_its_closing_marks_goes_on():
    #  一二三四五六七八九十   "。”" never starts a line: the typesetter brought "高" down with
    #  一二三四五六七八       them, leaving the line above two characters short. Their first
    #  高。”教师梁伟说。       "word" is "高。”", which would not have fitted: no paragraph break.
    body = ["一二三四五六七八九十", "十九八七六五四三", "高。”教师梁伟说。二三",
            "四五六七八九十一二三"]
    words = text_lines(["市场监管"], 50, 60, size=24) + text_lines(body, 50, 100)
    (story,) = analyse_page(page(words)).stories
    assert [b.text for b in story.blocks if b.role == "body"] == ["".join(body)]


def test_framed_text_in_two_columns_is_measured_by_its_own_column():
    """A boxed sidebar set in two columns: each column's lines are full, none ends a paragraph."""
    left = column(60, 100, 8, width=100)
    right = column(180, 100, 8, width=100, start=60)
    words = text_lines(["Sidebar"], 60, 70, size=16) + left + right
    content = page(words, frames=[Box(50, 60, 290, 200)])
    story = analyse_page(content).stories[0]
    assert len([b for b in story.blocks if b.role == "body"]) == 1


def test_the_lines_beside_a_drop_cap_do_not_start_paragraphs():
    """A drop cap three lines tall: the lines beside it stand its width in from the column's
    edge, which is no indent; the paragraph runs on under it."""
    cap = word("L", 50, 100, size=34)                      # 50..67 wide, 100..134 high
    words = (text_lines(["Council Plan"], 50, 60, size=24) + [cap]
             + column(70, 100, 3, width=80) + column(50, 136, 5, start=20))
    (story,) = analyse_page(page(words)).stories
    body = [b for b in story.blocks if b.role == "body"]
    assert len(body) == 1 and body[0].text.startswith("L")


def _ocr_line(texts, x0, y0, y1, size=10):
    """An OCR file's line: its words (one per text, a space apart) all given the line's box."""
    words, x = [], x0
    for t in texts:
        words.append(Word(t, Box(x, y0, x + 0.5 * size * len(t), y1), "", size, False, False))
        x = words[-1].box.x1 + 0.5 * size
    return Line(tuple(words), Box(x0, y0, words[-1].box.x1, y1), " ".join(texts), size, False, False)


def test_the_line_beside_an_ocr_drop_cap_reaching_down_over_it_is_not_indented():
    """An OCR file gives every word of a line the line's box, and the same size: the line
    holding a two-line initial ("TO") reaches down over the next, set in beside the initial,
    which is no indent. The same line set in under a line of body height opens a paragraph."""
    lines = (_ocr_line(["TO", "be", "DISPOSED", "OF,", "in", "the"], 50, 100, 122),
             _ocr_line(["Proprietor's", "house", "and", "shop"], 64, 112, 122),
             _ocr_line(["Apply", "at", "the", "office", "of", "this"], 50, 124, 134))
    block = Block(lines, union_all(ln.box for ln in lines), 10, False, False)
    story = Story("s1", "story", (block,), block.box)
    cut = paragraphs(Layout(1, 600, 800, "pt", stories=(story,)), Grid((Column(50, 150),)), 10, Params())
    assert len(cut.stories[0].blocks) == 1
    lines = (_ocr_line(["TO", "be", "DISPOSED", "OF,", "in", "the"], 50, 100, 110),) + lines[1:]
    block = Block(lines, union_all(ln.box for ln in lines), 10, False, False)
    story = Story("s1", "story", (block,), block.box)
    cut = paragraphs(Layout(1, 600, 800, "pt", stories=(story,)), Grid((Column(50, 150),)), 10, Params())
    assert len(cut.stories[0].blocks) == 2


def test_a_scanned_columns_jittering_left_edge_makes_no_paragraphs():
    """A scan's lines start a fraction of an em apart (one line OCR'd 7 pt left of the rest,
    with a stray mark): measured against the lines around them, none is indented. A first
    line indented past its neighbours still opens a paragraph."""
    headline = text_lines(["Council Plan"], 50, 60, size=24)
    body = column(50, 100, 10)
    body = [replace(w, box=replace(w.box, x0=w.box.x0 - 7)) if k == 4 else w for k, w in enumerate(body)]
    (story,) = analyse_page(page(headline + body)).stories
    assert len([b for b in story.blocks if b.role == "body"]) == 1
    indented = column(50, 100, 4) + column(50, 148, 4, start=40, indent_first=True)
    indented = [replace(w, box=replace(w.box, x0=w.box.x0 - 7)) if k == 2 else w for k, w in enumerate(indented)]
    (story,) = analyse_page(page(headline + indented)).stories
    assert len([b for b in story.blocks if b.role == "body"]) == 2


def _cut_against(words, grid_column):
    """The body paragraphs of one block of ``words`` measured against the grid column ``grid_column``."""
    (block,) = build_blocks(build_lines(words, (), Params()), (), (), (), Params())
    story = Story("s1", "story", (block,), block.box)
    out = paragraphs(Layout(1, 600, 800, "pt", stories=(story,)), Grid((grid_column,)), 10, Params())
    return [b.text for b in out.stories[0].blocks]


def test_a_column_measured_wider_than_its_justified_lines_ends_no_paragraph():
    """A grid column twice as wide as the text (a scan's block reaching across a gutter): the
    full lines around each line end together, short of it, and say where the measure ends;
    a paragraph's short last line (a full stop) still ends it."""
    full = column(50, 100, 8)                                  # justified, 50..150
    texts = _cut_against(full, Column(50, 250))
    assert len(texts) == 1
    short = [replace(w, text=w.text + ".", box=replace(w.box, x1=85)) if k == 3 else w
             for k, w in enumerate(full)]
    texts = _cut_against(short, Column(50, 250))
    assert len(texts) == 2


def test_ragged_lines_are_measured_against_their_column():
    """Ragged-right lines do not end together: their column's edge stays the measure, and the
    line the next word would have fitted on ends its paragraph."""
    lines = ["x" * 20, "x" * 17, "x" * 19, "x" * 6, "The x" + "x" * 12, "x" * 18]
    texts = _cut_against(text_lines(lines, 50, 100), Column(50, 150))
    assert len(texts) == 2 and texts[1].startswith("The")


def test_a_centred_heading_wrapped_over_lines_is_one_paragraph():
    #      补齐居民老旧小          a crosshead set centred in a narrow column wraps; its
    #            区                lines stand clear of both edges, centred: one paragraph,
    #      推动提升创新平台         though the second line is "indented" and the first short
    #    河口镇已累计加强科研院所…  and the body under it opens its own (indented two characters)
    heading = [word("补齐居民老旧小", 65, 100), word("区", 95, 112), word("推动提升创新平台", 60, 124)]
    body = [word("一二三四五六七八", 70, 136)]  # indented two characters
    body += text_lines(["一二三四五六七八九十", "十九八七六五四三二一"], 50, 148)
    texts = _cut_against(heading + body, Column(50, 150))
    assert texts[0] == "补齐居民老旧小区推动提升创新平台" and len(texts) == 2


def test_a_short_cjk_line_before_one_opening_with_a_quote_ends_its_paragraph():
    #  一二三四五六七八九十   a paragraph opening with a quotation, unindented (LaTeX's CJK
    #  一二三四五六。         pages): its first "word" is the mark and one character, "“更",
    #  “更新创新平台八九十   which would have fitted in the three characters left: the short
    #                          line ends its paragraph (the whole run was measured, and never fit)
    body = ["一二三四五六七八九十", "十九八七六五四三二一", "一二三四五六。",
            "“更新创新平台八九十", "三四五六七八九十一二", "四五六七八九十一二三"]
    words = text_lines(["市场监管"], 50, 60, size=24) + text_lines(body, 50, 100)
    assert body_texts(words) == ["".join(body[:3]), "".join(body[3:])]


def test_a_sentence_ending_short_of_a_justified_blocks_full_lines_ends_its_paragraph():
    """LaTeX's pages set paragraphs with no indent: in a justified block, whose full lines all
    end together, a line ending a sentence 12 pt short of them ends its paragraph, though the
    next line's first word ("Superintendent", 70 pt) would not have fitted; a word alone on its
    line ("Wednesday."), which no justification can stretch, ends none."""
    def cut(short: str, next_first: str) -> list[str]:
        full = "x" * 20                                           # 50..150
        lines = [word(full, 50, 100), word(full, 50, 112), word(short, 50, 124),
                 word(next_first + " " + "y" * (19 - len(next_first)), 50, 136),
                 word(full, 50, 148), word(full, 50, 160)]
        return _cut_against(lines, Column(50, 150))
    assert len(cut("said Ann Lee.", "Superintendent")) == 2
    assert len(cut("Wednesday.", "Superintendent")) == 1


def test_a_sentence_ending_under_an_em_short_of_a_justified_measure_ends_its_paragraph():
    """A justified line is stretched to its measure within a fraction of an em (LaTeX, a
    browser): a line ending a sentence 4 pt short of the full lines (0.4 em) is a paragraph's
    last line, the next set with no indent; one ending a sentence on the measure goes on."""
    def cut(x1: float) -> list[str]:
        full = "x" * 20                                           # 50..150
        short = word("the vote was taken.", 50, 124)
        lines = [word(full, 50, 100), word(full, 50, 112), replace(short, box=replace(short.box, x1=x1)),
                 word("The " + "y" * 16, 50, 136), word(full, 50, 148), word(full, 50, 160)]
        return _cut_against(lines, Column(50, 150))
    assert len(cut(146)) == 2
    assert len(cut(149)) == 1


def test_a_cjk_line_short_of_a_number_set_on_to_the_next_character_goes_on():
    #  一二三四五六七八九十     "网57.5" is not broken apart: the line above stopped two
    #  加强电商平台建设        characters short to bring it down; its first word is all of it
    #  网57.5万吨。            (set in a run of its own, as a PDF's Latin font is)
    lines = text_lines(["一二三四五六七八九十", "加强电商平台建设", "十九八七六五四三二一"], 50, 100)
    first = [word("网", 50, 124), word("57.5", 60, 124), word("万吨。", 80, 124)]
    texts = _cut_against(lines[:2] + first, Column(50, 150))
    assert len(texts) == 1


def test_a_cjk_sentence_ending_short_of_a_spread_blocks_full_lines_ends_its_paragraph():
    #  一二三四五六七八九十|   ten characters spread over a measure of 9.7 (LaTeX's justified CJK)
    #  十九八七六五四三二一|   and a sentence ending 0.7 em short of it: a paragraph's last
    #  甲乙丙丁戊己庚辛。  |   line, though the next character would not have fitted (no indent:
    #  一二三四五六七八九十|   LaTeX's CJK pages set none). Set ragged, each character its size
    # apart, the same line is short because the next would not fit: it ends nothing
    texts = ["一二三四五六七八九十", "十九八七六五四三二一", "甲乙丙丁戊己庚辛。",
             "一二三四五六七八九十", "十九八七六五四三二一", "一二三四五六七八九十"]
    for measure, paragraphs in ((97, 2), (100, 1)):
        words = [word(t, 50, 100 + 12 * k) for k, t in enumerate(texts)]
        words = [replace(w, box=replace(w.box, x1=50 + measure)) if len(w.text) == 10 else w for w in words]
        assert len(_cut_against(words, Column(50, 50 + measure))) == paragraphs, measure


def test_one_line_run_on_across_the_gutter_does_not_make_its_neighbours_short():
    """A justified column in a grid column twice its width, one of its lines run on across the
    gutter to the far edge: most of the block's lines still end together, and say where its
    measure ends; no paragraph starts."""
    words = column(50, 100, 8)
    words[2] = replace(words[2], box=replace(words[2].box, x1=250))
    assert len(_cut_against(words, Column(50, 250))) == 1


def test_the_last_word_of_a_long_paragraph_is_the_one_a_whole_search_finds():
    import random  # noqa: PLC0415
    import re  # noqa: PLC0415
    from layout.analysis.hyphens import last_word  # noqa: PLC0415
    whole = re.compile(r"[^\W\d_]+$")
    rng = random.Random(7)
    pieces = ["ab", "Zürich", "12", " ", "-", "\n", "é" * 70, "x" * 63, "y" * 64, "z" * 65, ".", "_"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        found, expected = last_word(text), whole.search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_paragraphs_keep_every_other_field_of_their_block_and_story():
    """The paragraph stage builds its blocks and stories field by field (``replace`` written
    out, for speed): each paragraph keeps its block's type, role, frame and face, and each
    story its id, kind, box and columns. A field added to either must be carried too: the
    lists below name every field, so a new one fails here until it is."""
    lines = tuple(Line((w,), w.box, w.text, 9.5, True, True, font="serif")
                  for w in column(50, 100, 3, size=9.5))
    block = Block(lines, union_all(ln.box for ln in lines), 9.5, True, True, role="body", text="",
                  frame=3, font="serif")
    story = Story("p1-s7", "article", (block,), Box(40, 90, 300, 160), columns=2)
    assert [f.name for f in fields(Block)] == ["lines", "box", "size", "bold", "italic", "role",
                                               "text", "frame", "font", "word_breaks"]
    assert [f.name for f in fields(Story)] == ["id", "kind", "content", "box", "columns"]
    layout = Layout(1, 600, 800, "pt", stories=(story,))
    (out,) = paragraphs(layout, Grid((Column(50, 300),)), 9.5, Params()).stories
    assert (out.id, out.kind, out.box, out.columns) == (story.id, story.kind, story.box, story.columns)
    assert out.content and all(isinstance(b, Block) for b in out.content)
    for b in out.content:
        assert (b.size, b.bold, b.italic, b.role, b.frame, b.font) == (9.5, True, True, "body", 3, "serif")
        assert b.text and b.lines
