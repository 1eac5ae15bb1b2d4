"""Stage 3, roles, on hand-made pages."""

from dataclasses import replace

from layout import analyse_page
from layout.analysis.blocks import build_blocks
from layout.analysis.captions import name_picture_titles
from layout.analysis.lines import build_lines
from layout.analysis.openings import join_openings
from layout.analysis.patterns import DATELINE
from layout.analysis.roles import assign_roles, body_size
from layout.model import Box, Figure, Rule, Word
from layout.params import Params

from synth import column, page, text_lines, word

P = Params()


def roles_of(content):
    lines = build_lines(content.words, content.rules, P)
    blocks = build_blocks(lines, content.figures, content.rules, content.frames, P)
    named = assign_roles(blocks, content, body_size(blocks), P)
    return {b.raw_text.split("\n")[0]: b.role for b in named}


def test_large_text_is_a_headline_and_the_smaller_line_above_it_a_kicker():
    words = (text_lines(["ELECTION 2026"], 50, 100, size=12, bold=True)
             + text_lines(["Council Wins Vote"], 50, 115, size=28) + column(50, 150, 12))
    roles = roles_of(page(words))
    assert roles["Council Wins Vote"] == "headline"
    assert roles["ELECTION 2026"] == "kicker"


def test_ocr_noise_is_no_headline():
    """What OCR read off an ornament, with low confidence, would pass for a headline."""
    def junk(confidence):
        return [replace(w, confidence=confidence) for w in text_lines(["H I gag B ~~~"], 50, 100, size=28)]
    text = [replace(w, confidence=0.9) for w in column(50, 150, 12)]
    assert roles_of(page(junk(0.3) + text))["H I gag B ~~~"] == "furniture"
    assert roles_of(page(junk(0.9) + text))["H I gag B ~~~"] == "headline"  # confidently read
    legible = [replace(w, confidence=0.3) for w in text_lines(["Council Wins"], 50, 100, size=28)]
    assert roles_of(page(legible + text))["Council Wins"] == "headline"
    spaced = [replace(w, confidence=0.3) for w in text_lines(["J. S T H E E M A N."], 50, 100, size=28)]
    assert roles_of(page(spaced + text))["J. S T H E E M A N."] == "headline"  # letter-spaced


def test_badly_read_figures_in_a_column_are_its_text_and_no_headline():
    """Large figures read with little confidence between a column's lines (a table's total)
    stay in the column: neither noise set apart, nor a headline capturing the text under it,
    nor a crosshead."""
    figures = [replace(w, confidence=0.3) for w in text_lines(["19,X35"], 60, 210, size=28)]
    roles = roles_of(page(column(50, 150, 5) + figures + column(50, 250, 5, start=40)))
    assert roles["19,X35"] == "body"


def test_mid_size_text_under_a_headline_is_a_deck():
    words = (text_lines(["Council Wins Vote"], 50, 100, size=28)
             + text_lines(["A narrow margin after a long night"], 50, 132, size=14) + column(50, 160, 12))
    assert roles_of(page(words))["A narrow margin after a long night"] == "deck"


def test_a_byline_set_as_the_first_body_line_is_split_off():
    words = (text_lines(["Council Wins Vote"], 50, 100, size=28)
             + [word("By Jane Doe", 50, 140)] + column(50, 152, 10))
    assert roles_of(page(words))["By Jane Doe"] == "byline"


def test_a_byline_line_going_on_in_lower_case_is_the_middle_of_a_sentence():
    """At the head of a column, "by Alice Whitman," followed by "who ..." is a sentence going
    on from the column before, not the story's byline."""
    words = (text_lines(["Council Wins Vote"], 50, 100, size=28) + column(50, 140, 10)
             + [word("by Alice Whitman,", 170, 140)] + column(170, 152, 10))
    assert roles_of(page(words))["by Alice Whitman,"] == "body"


def test_chinese_byline_and_jump_line_are_named_by_pattern():
    words = (text_lines(["街区旧貌换新颜"], 50, 100, size=28)
             + text_lines(["本报记者 祝大伟 刘梦丹", "红墙绿树、长椅风车，短短80米的墙前，人们摆出各种姿势拍照打卡。",
                           "（下转第四版）"], 50, 140))
    roles = roles_of(page(words))
    assert roles["本报记者 祝大伟 刘梦丹"] == "byline"
    assert roles["（下转第四版）"] == "jump"


def test_a_reporters_notes_title_is_not_a_byline():
    words = [word("记者手记", 50, 100, size=11, font="Hei")] + text_lines(["正文第一行文字很长很长"] * 3, 50, 114)
    assert roles_of(page(words))["记者手记"] != "byline"


def test_smaller_text_under_a_figure_is_its_caption_but_body_text_is_not():
    figure = Box(50, 100, 150, 180)
    words = [word("The harbour at dawn.", 50, 184, size=8, italic=True)] + column(50, 200, 5)
    roles = roles_of(page(words, figures=[figure]))
    assert roles["The harbour at dawn."] == "caption"
    assert list(roles.values()).count("caption") == 1


def test_text_above_the_masthead_rule_is_furniture():
    rule = Rule(Box(20, 60, 580, 60.5), "h")
    words = [word("THE DAILY HERALD", 200, 30, size=14), word("Page A3", 500, 40, size=8)] + column(50, 100, 20)
    roles = roles_of(page(words, rules=[(rule.box, "h")]))
    assert roles["THE DAILY HERALD"] == roles["Page A3"] == "furniture"


def test_a_band_without_a_rule_holds_single_lines_not_text_set_down_to_the_page_edge():
    """The bottom 7 % of a page (no rule) holds a page's credit line; the last paragraph of
    a column set down to the page's edge is text, and so is a title over it."""
    tail = column(170, 764, 3, start=50)
    words = (column(50, 100, 50) + [word("Page design: Ann Lee", 50, 780, size=8)]
             + column(170, 100, 53, start=20) + [word("LA CRISE DANOISE", 180, 748, size=12, bold=True)]
             + tail)
    roles = roles_of(page(words))
    assert roles["Page design: Ann Lee"] == "furniture"
    assert roles[tail[0].text] == "body"
    assert roles["LA CRISE DANOISE"] != "furniture"  # it heads the text under it


def test_a_title_level_with_the_text_at_the_top_of_a_page_without_running_head_is_no_furniture():
    """No running head: column one's text starts at the very top, and the title of column
    two stands level with it, in the top band, over text of its own, or over a second title
    and its text. A paper's name set over column one, with its date line under it, stays
    furniture."""
    words = (column(50, 30, 50) + [word("ASSEMBLEE DES ETATS.", 180, 30, size=11)]
             + column(170, 48, 48, start=20))
    assert roles_of(page(words))["ASSEMBLEE DES ETATS."] != "furniture"
    named = (column(260, 30, 50, start=20) + [word("Liverpool Standard", 60, 30, size=16)]
             + [word("FRIDAY, NOVEMBER 23", 60, 50, size=9)] + column(50, 70, 48))
    assert roles_of(page(named))["Liverpool Standard"] == "furniture"
    stacked = (column(50, 30, 50) + [word("LEGAL NOTICES.", 190, 30, size=13)]
               + [word("NOTICE TO DEBTORS.", 185, 48, size=11, bold=True)] + column(170, 68, 46, start=20))
    assert roles_of(page(stacked))["LEGAL NOTICES."] != "furniture"  # a title over a title


def test_page_credit_pattern_is_furniture_anywhere():
    words = column(50, 100, 20) + [word("本版责编：李智勇 白真智", 50, 400, size=9)]
    assert roles_of(page(words))["本版责编：李智勇 白真智"] == "furniture"


def test_a_short_bold_line_among_body_text_is_a_crosshead():
    words = column(50, 100, 6) + [word("A New Start", 50, 178, bold=True)] + column(50, 194, 6, start=30)
    assert roles_of(page(words))["A New Start"] == "crosshead"


def test_a_two_line_crosshead_wrapping_in_a_narrow_column_is_a_crosshead():
    """People's Daily centres a crosshead of two phrases in the column; in a column of seven
    characters each phrase wraps: four short lines, set larger than the text."""
    han = "据了解该市推进文化"
    words = (text_lines([han[:7]] * 8, 50, 100) + text_lines(["补齐居民老旧小", "区", "推动提升创新平", "台"], 50, 200,
                                                             size=11, pitch=13)
             + text_lines([han[:7]] * 8, 50, 256))
    assert roles_of(page(words))["补齐居民老旧小"] == "crosshead"


def test_body_size_is_the_running_text_covering_most_of_the_page():
    # More characters in 7 pt notes than in the 9 pt body, and one huge masthead line.
    words = (column(50, 100, 20, size=9) + column(200, 100, 24, size=7, pitch=8)
             + [word("THE HERALD", 100, 20, size=60)])
    content = page(words)
    blocks = build_blocks(build_lines(content.words, (), P), (), (), (), P)
    assert body_size(blocks) == 9


def test_a_masthead_above_the_top_rule_is_furniture_whatever_its_size():
    rule = Box(20, 90, 580, 90.5)
    words = [word("THE HERALD", 150, 20, size=60)] + text_lines(["Big Story Today"], 50, 100, size=28) + column(50, 140, 20)
    roles = roles_of(page(words, rules=[(rule, "h")]))
    assert roles["THE HERALD"] == "furniture" and roles["Big Story Today"] == "headline"


def test_a_rule_with_running_text_above_it_is_no_masthead_rule():
    rule = Box(20, 132, 580, 132.5)
    words = text_lines(["Top Story"], 50, 60, size=20) + column(50, 84, 4) + column(50, 140, 20, start=30)
    assert roles_of(page(words, rules=[(rule, "h")]))["Top Story"] == "headline"


def test_a_drop_cap_joins_the_first_line_it_opens():
    words = text_lines(["Report"], 50, 40, size=24) + [word("T", 50, 80, size=30)] + [
        word("he council said on monday that", 68, 80)] + column(68, 92, 2, start=6) + column(50, 116, 6, start=20)
    story = analyse_page(page(words)).stories[0]
    assert story.blocks[1].text.startswith("The council said")


def test_a_large_quotation_is_a_pull_quote_not_a_headline():
    words = (text_lines(["Report"], 50, 40, size=24) + column(50, 80, 8)
             + text_lines(["“We will not wait”"], 50, 180, size=18) + column(50, 210, 8, start=40))
    roles = roles_of(page(words))
    assert roles["“We will not wait”"] != "headline"


def test_a_short_note_beside_a_figure_is_its_caption():
    figure = Box(50, 100, 200, 220)
    words = [word("Harbour, 1921.", 206, 100, size=8, italic=True)] + column(50, 240, 5)
    assert roles_of(page(words, figures=[figure]))["Harbour, 1921."] == "caption"


def test_an_index_of_the_issue_in_its_box_is_furniture_with_its_title():
    index = (text_lines(["INSIDE"], 420, 100, size=11, bold=True)
             + text_lines(["Local A16", "Arts C6", "Obituaries A19", "Opinion A21"], 420, 114))
    words = text_lines(["Council Wins Vote"], 50, 60, size=28) + column(50, 100, 20) + index
    roles = roles_of(page(words, frames=[Box(415, 95, 500, 165)]))
    assert roles["INSIDE"] == roles["Local A16"] == "furniture"
    results = text_lines(["Arsenal 2", "Chelsea 1", "Fulham 0", "Leeds 3"], 420, 114)
    roles = roles_of(page(text_lines(["Scores"], 420, 100, size=11, bold=True) + column(50, 100, 20) + results))
    assert roles["Arsenal 2"] != "furniture"  # page numbers need a section letter, "page" or leaders


def test_an_authors_name_alone_under_a_headline_is_the_byline():
    words = (text_lines(["基层来信"], 50, 60, size=11, bold=True) + text_lines(["金沙湾探索乡村振兴"], 50, 76, size=16, bold=True)
             + text_lines(["邓志强"], 120, 95, size=9, bold=True) + text_lines(["市场监管部门提出下一步将聚焦创新平台"] * 12, 50, 110))
    assert roles_of(page(words))["邓志强"] == "byline"


def test_the_names_stacked_under_a_byline_are_the_byline():
    """本报通讯员 on its line, then one reporter's name a line: the names are no paragraphs."""
    words = (text_lines(["金沙湾探索乡村振兴"], 50, 60, size=16, bold=True)
             + text_lines(["本报通讯员"], 50, 82, size=9)
             + text_lines(["谢浩然", "王桂兰"], 50, 92, size=9, pitch=10)
             + text_lines(["市场监管部门提出下一步将聚焦创新平台"] * 12, 50, 125, size=9))
    roles = roles_of(page(words))
    assert roles["本报通讯员"] == roles["谢浩然"] == "byline"
    assert roles["市场监管部门提出下一步将聚焦创新平台"] == "body"
    wrapped = (text_lines(["金沙湾探索乡村振兴"], 50, 60, size=16, bold=True)
               + text_lines(["新华社记者 林佳怡 杨晓", "东 张立新"], 50, 82, size=9, pitch=14)
               + text_lines(["市场监管部门提出下一步将聚焦创新平台"] * 12, 50, 125, size=9))
    assert roles_of(page(wrapped))["东 张立新"] == "byline"  # a name broken where the line wrapped


def test_a_surname_a_byline_wrapped_onto_its_own_line_is_the_byline():
    """"By James Duarte and Nora" / "Mercer" in a narrow column, in the byline's bold type and
    set tight (the boxes overlap): the surname is no crosshead, which would join the headline."""
    def bylined(surname_style):
        return (text_lines(["District Extends Bridge Plan"], 50, 60, size=16, bold=True)
                + text_lines(["By James Duarte and Nora"], 50, 80, size=8, bold=True)
                + text_lines(["Mercer"], 50, 88.5, size=8, **surname_style)
                + column(50, 100, 12, size=9, width=120))
    assert roles_of(page(bylined({"bold": True})))["Mercer"] == "byline"
    assert roles_of(page(bylined({"bold": True, "font": "Gothic"})))["Mercer"] != "byline"  # another type


def test_the_end_of_a_chinese_name_a_byline_wrapped_onto_its_own_line_is_the_byline():
    """"本报记者 王军 赵海" / "燕" in a narrow column: the last character of the name, alone on
    its line in the byline's type, is no crosshead."""
    words = (text_lines(["城市更新提速"], 50, 60, size=16, bold=True)
             + text_lines(["本报记者 王军 赵海"], 50, 80, size=8) + text_lines(["燕"], 50, 88.5, size=8)
             + text_lines(["据了解该市推进文化"] * 12, 50, 100, size=9))
    assert roles_of(page(words))["燕"] == "byline"


def test_the_names_a_byline_wrapped_with_no_space_between_them_are_the_byline():
    """"本报通讯员周俊杰周" / "佳怡马晓东" centred in a narrow column, the names set with no space
    between them: the wrapped line, in the byline's type and narrower than its line, is no
    title (it headed a story of its own, taking the text under it from its headline)."""
    def bylined(wrap, x):
        return (text_lines(["城市更新提速"], 50, 60, size=16, bold=True)
                + text_lines(["本报通讯员周俊杰周"], 50, 80, size=8.5) + text_lines([wrap], x, 91, size=8.5)
                + text_lines(["据了解该市推进文化"] * 12, 50, 104, size=9))
    assert roles_of(page(bylined("佳怡马晓东", 65)))["佳怡马晓东"] == "byline"
    wide = "佳怡马晓东佳怡马晓东"  # wider than the byline's line: it did not wrap from it
    assert roles_of(page(bylined(wide, 40))).get(wide) != "byline"


def test_a_sentence_starting_with_de_or_by_is_no_byline():
    """"De zitting van de Kamer…" (Dutch), "By the end of May…": the first line of a paragraph.
    A byline names somebody: a capital or "our" follows the particle."""
    for first in ("De zitting van de Kamer was kort", "By the end of May the council had"):
        words = text_lines(["Council Wins Vote"], 50, 100, size=28) + [word(first, 50, 140)] + column(50, 152, 10)
        assert roles_of(page(words))[first] == "body"  # the first line of the body block
    words = text_lines(["Council Wins Vote"], 50, 100, size=28) + [word("Door J. Jansen", 50, 140)] + column(50, 152, 10)
    assert roles_of(page(words))["Door J. Jansen"] == "byline"
    for title, byline in (("BY THE NUMBERS", False), ("BY A STAFF WRITER", True)):  # in capitals
        words = text_lines(["Council Wins Vote"], 50, 100, size=28) + [word(title, 50, 140)] + column(50, 152, 10)
        assert (roles_of(page(words)).get(title) == "byline") == byline



def test_the_papers_name_over_the_front_page_is_furniture_not_a_headline():
    """A nameplate over every column would head every column without a headline of its own."""
    def front(name_size, title_size):
        return page(text_lines(["Daily Courier"], 60, 62, size=name_size)
                    + text_lines(["SUPPLEMENT TO"], 60, 46) + text_lines(["Price 5c"], 420, 80)
                    + text_lines(["Council Wins"], 50, 140, size=title_size)
                    + column(50, 170, 20) + column(170, 170, 20, start=30) + column(290, 170, 20, start=60))
    roles = roles_of(front(60, 20))  # six body sizes, three times the largest headline
    assert roles["Daily Courier"] == "furniture" and roles["Council Wins"] == "headline"
    assert roles["SUPPLEMENT TO"] == roles["Price 5c"] == "furniture"  # its ears
    assert roles_of(front(40, 20))["Daily Courier"] == "headline"  # a story's banner: smaller
    assert roles_of(front(60, 45))["Daily Courier"] == "headline"  # not far above the next


def test_a_huge_headline_with_the_next_modules_text_level_with_it_is_no_nameplate():
    """A banner five body sizes high and three times any other headline, but with running text
    beside it (the next module's column starting level with it), heads a story among the
    stories beside it: a nameplate stands over all the columns, only its short ears beside it."""
    def front(beside_top):
        return page(text_lines(["Daily Courier"], 50, 62, size=60)
                    + text_lines(["Council Wins"], 460, 40, size=20) + column(460, beside_top, 30)
                    + column(50, 170, 20) + column(170, 170, 20, start=30) + column(290, 170, 20, start=60))
    assert roles_of(front(90))["Daily Courier"] == "headline"  # text level with it
    assert roles_of(front(170))["Daily Courier"] == "furniture"  # all text under its foot


def test_a_small_bold_title_over_a_byline_is_a_headline():
    """A long title shrunk below the body size to fit a narrow module still heads its byline;
    two such pieces side by side over one byline are one title's phrases, joined later."""
    byline_and_text = [word("By John Smith", 50, 112)] + column(50, 126, 10)
    roles = roles_of(page(text_lines(["Tiny Title"], 50, 100, size=7, bold=True) + byline_and_text))
    assert roles["Tiny Title"] == "headline"
    halves = text_lines(["Tiny"], 50, 100, size=7, bold=True) + text_lines(["Title"], 90, 100, size=7, bold=True)
    roles = roles_of(page(halves + byline_and_text))
    assert roles["Tiny"] == roles["Title"] == "crosshead"
    inside = column(50, 60, 3) + text_lines(["Tiny Title"], 50, 100, size=7, bold=True) + column(50, 112, 10)
    assert roles_of(page(inside))["Tiny Title"] == "crosshead"  # no byline under it


def test_a_small_bold_title_level_with_a_headline_under_one_rule_is_a_headline():
    """A short story's title shrunk to 6 pt bold to fit its one column (body 9 pt), centred over
    its text, level with the 12 pt headline of the two-column story on its left, one rule over
    both closing the band above, whose text ends further over it than over that headline
    (libreoffice_s147_04_zh: "临海市加强老旧小区 培育科研院所"): a headline of that row of
    heads. With no rule over it, or its column's text running on to just over it (under the
    rule), it is a crosshead inside that text."""
    def lines(x0, y0, n):
        t = "望江社区聚焦供暖管网万户志愿者更新文化场馆居民安全感进一步改善"
        return [word((t * 2)[(k * 3) % 20:(k * 3) % 20 + 11], x0, y0 + 11.7 * k, size=9) for k in range(n)]

    def role(top, rule_at):  # top: where the title's column above starts, 12 lines of it
        words = lines(30, 400, 14) + lines(142.8, 400, 14) + lines(255.5, top, 12)  # left: ..561.1
        words += [word("滨江新区加快防汛体系深化创新平台", 37.5, 572, size=12, bold=True)]
        words += lines(30, 606.7, 10) + lines(142.8, 606.7, 10) + lines(255.5, 584.8, 12)
        title = word("临海市加强老旧小区培育科研院所", 263.5, 571.5, size=6, bold=True)  # 263.5..353.5
        rules = [(Box(30, rule_at, 370, rule_at), "h")] if rule_at else []
        return roles_of(page(words + [title], rules=rules))[title.text]
    assert role(388.3, 565) == "headline"    # its column above ends at 526.0
    assert role(388.3, None) == "crosshead"
    assert role(428.3, 569) == "crosshead"   # at 566.0, 5.5 pt over it (the headline: 10.9)


def test_a_title_under_one_rule_beside_a_near_headline_of_another_size_or_face_is_a_headline():
    """The row of heads above, under one rule: a title a headline stands within two of its ems
    of is that title's other phrase only in the title's face and about its size
    (typst_s181_04_zh: a 10 pt kicker atop its column, 1.4 of its ems from the 18 pt headline
    on its left and 1.5 from the bold 10 pt one on its right, was held a phrase of either and
    read as a crosshead of the story on its left). Beside a 12 pt headline overrunning its
    columns to 11.5 pt of it, a 6 pt bold title heads its column; so does a 10 pt title in the
    regular weight 12 pt from a bold 10 pt headline over its byline."""
    def lines(x0, y0, n):
        t = "望江社区聚焦供暖管网万户志愿者更新文化场馆居民安全感进一步改善"
        return [word((t * 2)[(k * 3) % 20:(k * 3) % 20 + 11], x0, y0 + 11.7 * k, size=9) for k in range(n)]

    def role(title, left, right=None):  # the headline on the left: its x0; the one on the right
        words = lines(30, 400, 14) + lines(142.8, 400, 14) + lines(255.5, 388.3, 12)
        words += [word("滨江新区加快防汛体系深化创新平台", left, 572, size=12, bold=True)]
        words += lines(30, 606.7, 10) + lines(142.8, 606.7, 10) + lines(255.5, 584.8, 12)
        if right is not None:
            words += [right, word("本报通讯员 刘芳", right.box.x0 + 10, right.box.y1 + 3, size=8, bold=True)]
            words += lines(right.box.x0 - 5, 400, 14) + lines(right.box.x0 - 5, 596, 10)
        rules = [(Box(30, 565, 600, 565), "h")]
        return roles_of(page(words + [title], rules=rules))[title.text]
    small = word("临海市加强老旧小区培育科研院所", 263.5, 571.5, size=6, bold=True)  # 263.5..353.5
    assert role(small, 60) == "headline"  # the 12 pt headline ends at 252
    kicker = word("临海市加强老旧小区", 263.5, 571.5, size=10)  # ..353.5
    assert role(kicker, 37.5, word("南城社区畅通创新平台", 365.5, 571.5, size=10, bold=True)) == "headline"


def test_a_column_near_the_edge_of_a_wide_page_is_text_and_a_slug_in_its_margin_furniture():
    """The side bands are a share of the page's width, but only their part outside the running
    text is margin: on a wide page of narrow columns, the first column lies in the band, and
    its title too; a slug left of all the text is furniture."""
    words = text_lines(["JOBS 444"], 30, 86, size=9.5, bold=True) + column(30, 100, 12, width=100) \
        + column(150, 100, 12, width=100, start=30) + text_lines(["ARCHIVE"], 2, 400, size=6)
    roles = roles_of(page(words, width=2000))
    assert roles["JOBS 444"] == "headline"
    assert {role for text, role in roles.items() if text not in ("JOBS 444", "ARCHIVE")} == {"body"}
    assert roles["ARCHIVE"] == "furniture"


def test_a_slug_of_a_few_lines_in_the_side_margin_is_furniture():
    """Three short lines in the margin, in the body size, are no column: the side band still
    holds them."""
    words = column(120, 100, 12, width=100) + column(240, 100, 12, width=100, start=30) \
        + text_lines(["ISSN", "0042", "2024"], 4, 300)
    assert roles_of(page(words, width=600))["ISSN"] == "furniture"


def test_a_title_under_a_banner_is_its_crosshead_unless_the_banner_heads_a_section():
    """A title in capitals under a headline set across columns is a crosshead of that story;
    not when the banner heads a section, with headlines of its own under it ("DERNIERS
    TÉLÉGRAMMES DE LA NUIT" over "APRÈS BAC-NINH", Le Matin 1884), and not in a column the
    banner does not reach over ("LE PROCHAIN SALON" beside its end)."""
    def roles(section: bool) -> dict:
        banner = [word("LATEST WIRES OF NIGHT", 60, 40, size=30)]  # over columns one to three
        one = (column(50, 100, 5) + [word("of the plan.", 50, 160), word("THE HARBOUR", 72, 184, bold=True)]
               + column(50, 200, 15, start=40))
        three = ([word("Council Wins", 290, 100, size=14)] + column(290, 120, 20, start=9) if section
                 else column(290, 100, 22, start=9))
        four = [word("THE SALON", 440, 100, bold=True)] + column(410, 116, 22, start=13)
        return roles_of(page(banner + one + column(170, 100, 22, start=5) + three + four))
    assert roles(False)["THE HARBOUR"] == "crosshead"
    assert roles(True)["THE HARBOUR"] == "headline"
    assert roles(False)["THE SALON"] == roles(True)["THE SALON"] == "headline"


def test_a_small_title_over_a_dateline_heads_a_dispatch_even_under_a_banner():
    """A title smaller than the body heads an item of its column, and one under a banner is
    the banner's crosshead, unless its text opens with a dateline: then it heads a dispatch of
    its own ("INCENDIE A MANILLE" / "Madrid, 1er avril. Par service spécial.", Le Matin 1893,
    under "DEUXIÈME ÉDITION")."""
    def roles(opening: str) -> dict:
        banner = [word("SECOND EDITION", 60, 40, size=30)]  # over columns one and two
        one = (column(50, 100, 5) + [word("of the plan.", 50, 160), word("FIRE IN MANILA", 72, 184, bold=True)]
               + [word(opening, 50, 200)] + column(50, 212, 14, start=40))
        three = (column(290, 60, 27, start=9) + [word("of the plan.", 290, 386), word("PORT FIRE", 317, 400, size=8)]
                 + [word(opening, 290, 414)] + column(290, 426, 5, start=7))  # beside the banner
        return roles_of(page(banner + one + column(170, 100, 22, start=5) + three, height=600))
    assert roles("ROME, 1st April.")["FIRE IN MANILA"] == "headline"
    assert roles("ROME, 1st April.")["PORT FIRE"] == "headline"
    assert roles("the mayor said")["FIRE IN MANILA"] == "crosshead"
    assert roles("the mayor said")["PORT FIRE"] == "crosshead"


def test_a_line_in_capitals_of_the_body_type_heads_a_story_where_the_text_above_ended():
    """``COMMISSION DES ALLUMETTES`` (Le Matin 1884): capitals in the body's size and weight,
    set the full measure, after a paragraph that ended; the same line after a sentence that
    runs on is still text."""
    def role(above: str) -> str:
        words = (column(50, 100, 6) + [word(above, 50, 172)] + [word("COMMISSION ON MATCHES", 50, 196)]
                 + column(50, 218, 12, start=30))
        return roles_of(page(words))["COMMISSION ON MATCHES"]
    assert role("of the plan.") == "headline"
    assert role("of the plan and the") == "body"


def test_a_title_in_capitals_over_a_centred_second_line_heads_a_story_whole():
    """``ETAT-CIVIL`` over "du mardi 16 décembre 1924", centred, one block in the OCR: one
    title of two lines heading the column's text, not a crosshead cut off the top of it
    (which the story above would take as its signature)."""
    words = [word("ETAT-CIVIL", 105, 86), word("du mardi 16 décembre", 80, 98)] + column(50, 126, 12, width=160)
    named = [b for b in assign_roles(build_blocks(build_lines(words, (), P), (), (), (), P),
                                     page(words), 10, P) if "ETAT-CIVIL" in b.raw_text]
    assert [(b.raw_text, b.role) for b in named] == [("ETAT-CIVIL\ndu mardi 16 décembre", "headline")]


def test_a_title_in_capitals_under_a_banner_twice_its_width_is_no_deck():
    """``OFFRANDES OBLIGATOIRES`` right under ``DEUXIÈME EDITION`` (Le Matin 1893): the banner
    is set over two columns, the title in capitals over one of them, and heads its story; a
    smaller line under a headline, not in capitals, or as wide as half of it, is its deck."""
    def role(title: str, size: float = 20) -> str:
        words = ([word("SECOND EDITION", 60, 40, size=30)] + [word(title, 80, 80, size=size)]
                 + column(50, 110, 20) + column(170, 110, 20, start=40))
        return roles_of(page(words))[title]
    assert role("GIFTS DUE") == "headline"
    assert role("Gifts due") == "deck"
    assert role("GIFTS FOR THE DUE", 14) == "deck"  # 119 wide under 210


def test_the_white_under_a_title_grows_with_its_type():
    """``QUESTION D'ARGENT`` (Le Gaulois 1884), a fifth larger than the text, stands two of
    its own sizes over its text (more than two body sizes): its text all the same. A title
    in the body size as far over the text heads nothing."""
    def role(size: float) -> str:
        words = (column(50, 100, 6) + [word("of the plan.", 50, 172)] + [word("MONEY MATTERS", 50, 196, size=size)]
                 + column(50, 196 + size + 22, 12, start=30))
        return roles_of(page(words))["MONEY MATTERS"]
    assert role(12) == "headline"
    assert role(10) != "headline"


def test_a_title_in_capitals_under_a_signature_set_right_heads_a_story():
    """``REVUE BIBLIOGRAPHIQUE`` (Le Gaulois 1884) under "Marc de ROSSINI..;", set right, whose
    stop OCR misread: the signature ends the text above. A number set there (a serial's
    instalment, "84") ends nothing."""
    def role(signature: str) -> str:
        width = 5 * len(signature)
        words = (column(50, 100, 6) + [word(signature, 150 - width, 172)]
                 + [word("NEWS OF THE BOOKS", 50, 196)] + column(50, 218, 12, start=30))
        return roles_of(page(words))["NEWS OF THE BOOKS"]
    assert role("Marc SMITH;") == "headline"
    assert role("84") == "body"


def test_a_centred_title_in_capitals_with_its_stop_heads_a_story_though_the_text_above_runs_on():
    """``VERTROKKEN.`` (Handelsblad 1876) and ``TO PRINTERS.`` (Liverpool Standard 1832),
    centred over their text, under a last line whose stop OCR lost: titles all the same. Set
    left, or without its stop, the line may be the middle of a sentence and stays text;
    without its stop but a body size under running text (``L'AFFAIRE LASKER``), a title."""
    def role(title: str, x0: float, above: int = 0) -> str:
        words = (column(50, 172 - 12 * above, above) + [word("the ship Red Deer of", 50, 172)]
                 + [word(title, x0, 196)] + column(50, 218, 12, start=30))
        return roles_of(page(words))[title]
    assert role("SAILED.", 83) == "headline"
    assert role("SAILED", 85) == "body"
    assert role("SAILED.", 50) == "body"
    assert role("SAILED", 85, above=6) == "headline"  # under running text, a body size of white
    assert role("Sailed", 85, above=6) == "body"


def test_a_title_over_a_subtitle_over_its_text_heads_a_story():
    """``ÉTAT-CIVIL DE RENNES`` centred in its column, a little larger than the text, with
    ``NAISSANCES`` under it and the list under that (Ouest-Éclair, 1918): the text under a
    title may start under the one-line crossheads stacked under it."""
    words = (column(50, 100, 6) + [word("of the plan.", 50, 172)]
             + [word("CIVIL REGISTER", 65, 190, size=11)]
             + [word("BIRTHS", 85, 208, bold=True)] + column(50, 236, 12, start=30))
    assert roles_of(page(words))["CIVIL REGISTER"] == "headline"  # its text 3.5 body sizes under it


def test_a_title_under_a_headline_reaching_over_its_column_and_half_the_next_is_its_crosshead():
    """A headline over column two and half of column one, not half as wide again as a column:
    the title in capitals atop column two's text is still inside its story."""
    words = ([word("Council Approves Plan", 115, 140, size=14)]
             + column(50, 160, 20) + [word("WORK AT THE PORT", 180, 160, bold=True)]
             + column(170, 176, 18, start=30) + column(290, 160, 20, start=50))
    assert roles_of(page(words))["WORK AT THE PORT"] == "crosshead"


def test_a_dateline_is_a_place_then_a_date_as_ocr_reads_it():
    """Datelines in four languages and OCR's readings of "1er"; a sentence naming a place and a
    month is none, nor a line going on with a sentence that names a date (Le Gaulois, 1882 and 1884)."""
    for line in ("ROME, 14 mars. Aujourd'hui", "MADRID, ler avril. —D'un", "Lisbonne, l er avril.",
                 "BUCHAREST, l«r avril.", "PARIS, le 14 mars 1884.", "Wien, 2. Dezember.", "LONDON, Nov. 22.",
                 "'s-Gravenhage, 3 Mei.", "LIVERPOOL, May 22."):
        assert DATELINE.match(line), line
    for line in ("Paris, le préfet de mars", "M. Albert Benoist continue", "Le Clairon de ce matin",
                 "essayé, le 9 novembre, de dire", "jour, 31 mai 1884, immédiatement",
                 "Le mollah, Tajan Baschi, et plusieurs", "Prospectuses, &c. may be obtained"):
        assert not DATELINE.match(line), line


def test_a_byline_centred_under_a_title_in_its_type_is_split_off_and_heads_the_story():
    """A small headline and its byline set in one face and size a line apart group as one
    block ("云溪县推动乡村振兴 推进便民市场" / "本报记者 许春梅"): the byline is split off, and the
    title over it heads the story. A wrapped paragraph whose last line opens with a byline's
    words at its left edge stays whole, and so do a sentence over a centred byline (no title
    ends one) and a caption over its photographer's credit centred under it ("新华社记者
    刘淑珍摄")."""
    title = [word("云溪县推动乡村振兴　推进便民市场", 50, 100, size=9, font="Hei")]
    byline = [word("本报记者 许春梅", 88, 111, size=9, font="Hei")]
    text = text_lines(["当地提出去年将完善基础设施畅通垃"] * 12, 50, 126, size=10)
    roles = roles_of(page(title + byline + text))
    assert roles["云溪县推动乡村振兴　推进便民市场"] == "headline"
    assert roles["本报记者 许春梅"] == "byline"
    wrapped = [word("今年以来河口镇种植户正在加强基础", 50, 100, size=9, font="Hei"),
               word("记者 刘淑珍说", 50, 111, size=9, font="Hei")]
    assert "记者 刘淑珍说" not in roles_of(page(wrapped + text))
    sentence = [word("今年以来河口镇种植户正在加强基础。", 50, 100, size=9, font="Hei")]
    assert "本报记者 许春梅" not in roles_of(page(sentence + byline + text))
    centred_credit = [word("图为居民在滨江新区参加志愿活动", 50, 100, size=9, font="Hei"),
                      word("新华社记者 刘淑珍摄", 79, 111, size=9, font="Hei")]
    assert "新华社记者 刘淑珍摄" not in roles_of(page(centred_credit + text))  # a photo's credit
    for credit in ("新华社供图", "新华社发"):  # an agency's
        centred_credit[1] = replace(centred_credit[1], text=credit)
        assert credit not in roles_of(page(centred_credit + text)), credit


def test_a_jump_line_wrapped_after_its_comma_is_a_jump():
    """"See HARBOR, Page A10" set right, small, under a narrow column, wrapped after the comma
    (WeasyPrint page 06 of seed 119): its two lines are one jump line, not a paragraph of body
    text ending the story."""
    words = (text_lines(["Council Wins Vote"], 50, 100, size=28) + column(50, 140, 12, width=80)
             + text_lines(["See HARBOR,", "Page A10"], 80, 290, size=8.5, pitch=9))
    assert roles_of(page(words))["See HARBOR,"] == "jump"


def test_a_dateline_set_bold_under_its_title_opens_the_dispatch_not_its_headline():
    """``PAYS-BAS-UNIS.`` over "Bruxelles, 28 juillet." set bold a size up (Journal des
    débats 1821): the title heads the dispatch and the dateline opens its text, as an engine
    that cut paragraphs groups it; the same dateline alone over its text ("Vienne, 1er
    avril." over a bourse's rates) still heads it."""
    def roles(title: bool) -> dict:
        head = [word("PAYS-BAS-UNIS.", 91, 100, size=9, bold=True)] if title else []
        return roles_of(page(head + [word("Bruxelles, 28 juillet.", 64, 114, size=12, bold=True)]
                             + column(50, 132, 12, width=160)))
    assert roles(True)["PAYS-BAS-UNIS."] == "headline"
    assert roles(True)["Bruxelles, 28 juillet."] == "body"
    assert roles(False)["Bruxelles, 28 juillet."] == "headline"


def test_a_dateline_grouped_with_its_title_in_capitals_is_split_off_it():
    """``ALLEMAGNE.`` over "Vienne, 21 juillet.", centred in one size and weight,
    grouped as one block: the title heads the dispatch, the dateline is no part of it."""
    words = [word("ALLEMAGNE.", 108, 100, size=12, bold=True),
             word("Vienne, 21 juillet.", 80, 114, size=12, bold=True)] + column(50, 132, 12, width=160)
    roles = roles_of(page(words))
    assert roles["ALLEMAGNE."] == "headline"
    assert roles["Vienne, 21 juillet."] != "headline"


def test_a_banner_over_the_headlines_of_several_stories_is_the_kicker_of_none():
    """A line across the page over the headlines of two stories side by side, close over
    them in smaller type ("SEUL JOURNAL FRANÇAIS RECEVANT PAR FILS ..." over "CE QU'ON
    POURRAIT FAIRE" and "A LA RÉUNION", Le Matin 1893, sizes estimated from the boxes): a
    banner, no kicker; over one headline alone it is that headline's kicker. So with the
    banner set bold in the body's size (a body block that kicks the headline it stands close
    over, ``emphasised``)."""
    banner = "ONLY PAPER WITH WIRES AND SPECIAL SERVICES ALL THE WORLD NEWS"

    def roles(both: bool, top: float, **style) -> dict:
        words = [word(banner, 50, top, **style), word("WHAT TO DO", 60, 120, size=24)] + column(50, 150, 10, width=200)
        if both:
            words += [word("AT REUNION", 350, 120, size=24)] + column(350, 150, 10, width=200)
        return roles_of(page(words))
    for top, style in ((100, {"size": 16}), (106, {"size": 10, "bold": True})):
        assert roles(False, top, **style)[banner] == "kicker", style
        assert roles(True, top, **style)[banner] != "kicker", style
        assert roles(True, top, **style)["WHAT TO DO"] == roles(True, top, **style)["AT REUNION"] == "headline"


def test_the_centred_lines_opening_a_headline_in_the_body_type_are_part_of_it():
    """``OUVERTURE`` / ``DU`` / ``PARLEMENT ANGLAIS`` (Le Gaulois 1882): a title set on lines of
    several sizes on one axis; the small lines over the large one, in the body's type and size,
    read on into it, not as the last lines of the story above. Set left, or ending a sentence,
    such a line is no opening of the headline."""
    def headlines(opening: str, x0: float) -> list[str]:
        words = (column(50, 100, 6) + [word("of the plan.", 50, 172)] + [word(opening, x0, 192)]
                 + [word("THE", 92, 204)] + [word("PARLIAMENT", 55, 218, size=18)]
                 + column(50, 244, 12, start=30))
        return [b.raw_text for b in assign_roles(build_blocks(build_lines(words, (), P), (), (), (), P),
                                                 page(words), 10, P) if b.role == "headline"]
    assert headlines("OPENING OF", 75) == ["OPENING OF\nTHE\nPARLIAMENT"]
    assert headlines("OPENING OF.", 75) == ["PARLIAMENT"]
    assert headlines("OPENING OF", 50) == ["PARLIAMENT"]


def test_a_title_in_the_body_capitals_over_its_larger_source_line_opens_it_though_wider():
    """``A BORD DU « SAINT-LAURENT »`` over ``(PAR FIL SPÉCIAL)`` (Le Gaulois 1884, NewsEye): a
    dispatch's title in the body's type and capitals, centred over its source set larger and
    narrower, is the headline's first line, not the last line of the story above: up to a
    body size over it, or a body size and a half in a type of its own (``LES JOURNAUX DE CE
    MATIN``, bold, 61 px over ``LE CABINET MÉCINE`` in 41.75 px type, Le Matin 1893). Off the
    source's axis, ending a sentence, or further up, it opens nothing."""
    def headlines(opening: str, x0: float, white: float = 6) -> list[str]:
        words = (column(50, 100, 6) + [word("of the plan.", 50, 172)] + [word(opening, x0, 192)]
                 + [word("(BY WIRE)", 68.5, 202 + white, size=14)] + column(50, 240, 12, start=30))
        return [b.raw_text for b in assign_roles(build_blocks(build_lines(words, (), P), (), (), (), P),
                                                 page(words), 10, P) if b.role == "headline"]
    assert headlines("ON BOARD THE SHIP", 57.5) == ["ON BOARD THE SHIP\n(BY WIRE)"]
    assert headlines("ON BOARD THE SHIP", 57.5, white=14) == ["(BY WIRE)"]
    assert headlines("ON BOARD THE SHIP.", 55) == ["(BY WIRE)"]
    assert headlines("THE SHIP", 50) == ["(BY WIRE)"]


def test_a_crosshead_opens_the_headline_under_it_from_further_up_than_a_body_line():
    """A line already read as a title (a crosshead, in a type of its own) opens the headline
    it stands over up to ``_TITLE_OPENING_GAP`` body sizes up; a body line only within
    ``_OPENING_GAP``: white alone does not make it a title's line (a list of titles in the body
    type, a front page's contents, stands so over its headlines)."""
    def joined(role: str, white: float) -> list[str]:
        words = [word("THE MORNING PAPERS", 55, 100), word("THE CABINET", 71.5, 110 + white, size=14)]
        blocks = build_blocks(build_lines(words, (), P), (), (), (), P)
        roles = [role if b.size < 12 else "headline" for b in blocks]
        found, named = join_openings(blocks, roles, 10, (".",))
        return [b.raw_text for b, r in zip(found, named) if r == "headline"]
    assert joined("crosshead", 14) == ["THE MORNING PAPERS\nTHE CABINET"]
    assert joined("body", 14) == ["THE CABINET"]
    assert joined("body", 8) == ["THE MORNING PAPERS\nTHE CABINET"]
    assert joined("crosshead", 17) == ["THE CABINET"]


def test_a_credit_wrapped_over_a_jump_line_is_split_off_whole():
    """A column closing with a source credit wrapped onto a second line ("门" set flush right)
    over its jump line, all in one block (LaTeX page 01 of seed 125): the credit, both its
    lines, is a block of its own, not text cut in two paragraphs where it wrapped."""
    words = (text_lines(["街区旧貌换新颜"], 50, 100, size=28)
             + text_lines(["红墙绿树、长椅风车，", "短短八十米的墙前，人", "们摆出各种姿势拍照打", "卡。",
                           "数据来源：市场监管部"], 50, 140)
             + [word("门", 140, 200), word("（转第八版）", 90, 212)])
    blocks = build_blocks(build_lines(words, (), P), (), (), (), P)
    named = assign_roles(blocks, page(words), body_size(blocks), P)
    assert [(b.role, [ln.text for ln in b.lines]) for b in named][-2:] == [
        ("credit", ["数据来源：市场监管部", "门"]), ("jump", ["（转第八版）"])]


def test_a_title_set_in_two_pieces_far_apart_over_one_line_across_is_one_headline():
    """A paper's name set on both sides of its arms (``Bündner`` ... ``Landbote``) comes in
    two pieces; the imprint line under it runs across the gap: one headline. Two headlines
    side by side, each over its own column, stay two; so do two with a block standing between
    them on their row, though a line runs across under both."""
    pieces = text_lines(["Bundner"], 60, 40, size=40) + text_lines(["Landbote"], 330, 40, size=40)
    imprint = text_lines(["Printed and published by A. Bernhard, 18 December 1845"], 50, 90, size=12)
    columns = column(50, 130, 20, width=200) + column(290, 130, 20, width=200, start=40)
    roles = roles_of(page(pieces + imprint + columns, width=600))
    assert roles["Bundner"] == "headline" and "Landbote" not in roles
    between = text_lines(["No. 12"], 245, 52, size=12)
    roles = roles_of(page(pieces + between + imprint + columns, width=600))
    assert roles["Bundner"] == roles["Landbote"] == "headline"
    own = text_lines(["Bundner"], 60, 40, size=40) + column(50, 90, 20, width=200) \
        + text_lines(["Landbote"], 330, 40, size=40) + column(290, 90, 20, width=200, start=40)
    roles = roles_of(page(own, width=600))
    assert roles["Bundner"] == roles["Landbote"] == "headline"



def test_titles_in_two_pieces_on_several_rows_each_join_their_own_rows_piece():
    """Three papers' names, each set in two pieces far apart over an imprint line across the
    gap, one under the other (the headlines looked up by row): each left piece joins the piece
    on its own row, never one of the rows above or below, though all stand in one column."""
    words = []
    for n, (left, right) in enumerate((("Bundner", "Landbote"), ("Berner", "Bote"), ("Zuger", "Volksblatt"))):
        y = 40 + 200 * n
        words += text_lines([left], 60, y, size=40) + text_lines([right], 330, y, size=40)
        words += text_lines([f"Printed and published by A. Bernhard, {n + 1} December 1845"], 50, y + 50, size=12)
        words += column(50, y + 80, 8, width=500)
    roles = roles_of(page(words, width=600, height=800))
    assert [roles.get(t) for t in ("Bundner", "Berner", "Zuger")] == ["headline"] * 3
    assert not {"Landbote", "Bote", "Volksblatt"} & set(roles)


def test_a_centred_line_under_text_ending_in_a_colon_is_what_it_announces_not_a_title():
    """"Joseph, barrant la porte, un doigt sur les lèvres :" over "Fermé pour cause
    d'ouverture !" centred (Le Petit Journal illustré, 1900): a colon announces what follows,
    a reply or a quotation, so the text above has not come to an end and the centred line
    under it goes on with it; under a full stop, the same line is a title."""
    def role(last: str) -> str:
        words = (column(50, 100, 6) + [word(last, 50, 172)] + [word("Closed!", 82, 196)]
                 + column(50, 218, 12, start=30))
        return roles_of(page(words))["Closed!"]
    assert role("he said.") == "headline"
    assert role("he said:") == "body"
    assert role("il dit :") == "body"


def test_a_title_atop_the_last_column_of_a_module_its_headline_is_centred_over_is_a_crosshead():
    """A story's headline centred over its three columns, too short to reach over the last:
    a title centred atop that column is the story's crosshead, for the column its column
    mirrors about the headline's middle holds text under the headline (typst_s179_04_zh,
    "加快居民便民市场 推动加强文化活动"). Under a headline set left, over the first two
    columns only, the title heads a story of its own."""
    def role(x0: float) -> str:
        words = ([word("Council Approves the Plan", x0, 140, size=14)]
                 + column(50, 160, 20) + column(190, 160, 20, start=30)
                 + [word("Life at sea", 350, 160, size=11, bold=True)] + column(330, 176, 18, start=50))
        return roles_of(page(words))["Life at sea"]
    assert role(152.5) == "crosshead"  # centred over columns 50 to 430
    assert role(60) == "headline"


def test_a_centred_title_over_a_short_line_is_centred_in_the_measure_of_the_text_above():
    """``LOTERIE ROYALE DE FRANCE.`` (Journal des débats 1821), centred in its column and
    closed by a stop, over "Tirage de LYON, du 29 juillet." and the numbers drawn, two short
    lines centred under it: the text under it is narrower than the title, so its measure is
    that of the running text above, in which the title stands centred. A title there heads
    a story though the text above runs on; set left, it is no centred title and stays text."""
    def role(x0: float) -> str:
        words = (column(50, 100, 6, width=160) + [word("of the bookseller Smith at", 50, 172)]
                 + [word("ROYAL LOTTERY.", x0, 196)] + [word("Lyons, 29 July.", x0 - 2, 216)]
                 + [word("12 13 58 89 57.", x0 - 2, 228)] + column(50, 262, 12, width=160, start=30))
        return roles_of(page(words))["ROYAL LOTTERY."]
    assert role(95) == "headline"
    assert role(50) == "body"


def test_only_a_title_mostly_in_capitals_is_centred_in_the_measure_of_the_text_above():
    """A title centred in its column over a short line, under text ending a sentence: set
    mostly in capitals ("SPECTACLES DU 1er août," Journal des débats 1821, the date read in
    lower case), it is centred in the running text's measure and heads a story; in lower
    case (Le Gaulois 1884: "Russes et Anglais en Asie" over "Londres, 28 avril, 3 h, 17.",
    its dispatch's place and date set right of its axis) the short line under it is its
    measure, in which it is not centred, and it stays text."""
    def role(title: str) -> str:
        words = (column(50, 100, 6, width=160) + [word("of the bookseller Smith at Paris.", 50, 172)]
                 + [word(title, 130 - 2.5 * len(title), 196)] + [word("Lyons, 29 July.", 125, 216)]
                 + [word("12 13 58 89 57.", 125, 228)] + column(50, 262, 12, width=160, start=30))
        return roles_of(page(words))[title]
    assert role("PLAYS OF THE 1st August,") == "headline"
    assert role("Russians and English in Asia") == "body"


def test_a_drop_cap_whose_box_reaches_over_the_first_lines_start_opens_it():
    """A drop cap three lines high (41.6 pt beside 9 pt text) whose box, its glyph's advance,
    reaches 1.3 pt over the start of the first line it opens ("E" to 54.9, "ven so, the county"
    from 53.6): joined to it, "Even so, the county", not a headline of its own heading the last
    line of the column (scribus_s183_06_en)."""
    size, pitch = 9.0, 10.8
    cap = word("E", 29.5, 373.8, 41.63)
    cap = replace(cap, box=Box(29.5, 373.8, 54.9, 415.4))
    lines = [word("ven so, the county", 53.6, 374.5, size)]
    lines += [replace(w, box=replace(w.box, x1=138.2)) for w in (
        word("commission proposed", 55.4, 374.5 + pitch, size), word("the vaccine in River-", 55.4, 374.5 + 2 * pitch, size))]
    lines += column(30, 374.5 + 3 * pitch, 12, width=108.2, size=size, pitch=pitch)
    roles = roles_of(page(column(30, 230, 12, width=108.2, size=size, pitch=pitch) + [cap] + lines))
    assert roles.get("Even so, the county") == "body" and "E" not in roles


def test_a_title_under_a_blob_read_without_confidence_heads_its_story():
    """An engraved title OCR read as one word it has no confidence in (``■iÇABN``, Ouest-Éclair
    Caen 1924 p4), over the legible title set smaller: the legible one is the headline, the
    blob its kicker; a blob read with some confidence stays the headline over its deck."""
    def stack(confidence):
        blob = [replace(w, confidence=confidence) for w in text_lines(["iÇABN"], 50, 100, size=28)]
        title = [replace(w, confidence=0.9) for w in text_lines(["Un appel à la Presse"], 50, 132, size=14)]
        return blob + title + [replace(w, confidence=0.9) for w in column(50, 160, 12)]
    roles = roles_of(page(stack(0.2)))
    assert (roles["iÇABN"], roles["Un appel à la Presse"]) == ("kicker", "headline")
    roles = roles_of(page(stack(0.7)))
    assert (roles["iÇABN"], roles["Un appel à la Presse"]) == ("headline", "deck")
    blob = [replace(w, confidence=0.2) for w in text_lines(["iÇABN"], 50, 100, size=28)]
    dateline = [replace(w, confidence=0.9) for w in text_lines(["PARIS, 17 décembre."], 50, 132, size=14)]
    roles = roles_of(page(blob + dateline + [replace(w, confidence=0.9) for w in column(50, 160, 12)]))
    assert roles["iÇABN"] == "headline" and roles["PARIS, 17 décembre."] != "headline"  # a dispatch's dateline


def test_a_full_page_pictures_title_in_the_bottom_band_heads_its_story():
    """A full-page engraving with its title in capitals centred under it, in the bottom band
    where a folio would stand, and no running text on the page (the title sets the body size):
    the title heads the picture's story, not the page's furniture; a title off the picture's
    axis, or in lower case, or with text going on under it, is not one."""
    picture = Box(40, 60, 560, 740)
    def roles_with(text, x0):
        return roles_of(page([word("176", 40, 30, size=8), word(text, x0, 750, size=16)], figures=[picture]))
    assert roles_with("ACTE DE DÉVOUEMENT", 228)["ACTE DE DÉVOUEMENT"] == "headline"  # 144 wide: centred
    assert roles_with("ACTE DE DÉVOUEMENT", 40)["ACTE DE DÉVOUEMENT"] != "headline"
    assert roles_with("Acte de dévouement", 228)["Acte de dévouement"] != "headline"
    # text going on under it: the titles stage judges it, not as the picture's title
    blocks = [b for words in ([word("TO PRINTERS", 272, 744)], column(250, 760, 4))
              for b in build_blocks(build_lines(words, (), P), (Figure(picture),), (), (), P)]
    roles = [b.role for b in blocks]
    name_picture_titles(blocks, roles, (Figure(picture),), 10.0)
    assert roles[[b.raw_text for b in blocks].index("TO PRINTERS")] == "body"


def test_a_full_line_whose_ocr_box_alone_is_taller_is_body_text_not_a_crosshead():
    """An OCR engine gives no size: a line's is its height. A full line of body text whose box
    stands a fifth taller than its neighbours' (a Fraktur capital and a long s, NZZ 1813) has
    letters no wider than theirs: it is text at the body size, not a crosshead cutting its
    paragraph. A line as long whose letters are as much wider as its box is taller is set a
    size up, and stays a crosshead; so does a title in the body's letters short of the measure
    (``VERKOOPING VAN HUIZES.``, Handelsblad 1876)."""
    text = ["die Truppen des Feindes zogen sich zurück und"] * 5

    def tall(line: str, y0: float, letter: float) -> Word:
        return Word(line, Box(50, y0, 50 + letter * len(line), y0 + 12), "", 12)

    def ocr_page(odd: Word):
        return page(text_lines(text, 50, 100, font="") + [odd] + text_lines(text, 50, 174, font=""))

    roles = roles_of(ocr_page(tall("Graenze zufolge ist zwischen den Bevollmaechtig", 160, 5.0)))
    assert roles["Graenze zufolge ist zwischen den Bevollmaechtig"] == "body"
    roles = roles_of(ocr_page(tall("Die Neuesten Nachrichten aus Wien", 160, 6.0)))
    assert roles["Die Neuesten Nachrichten aus Wien"] == "crosshead"
    roles = roles_of(ocr_page(tall("VERKOOPING VAN HUIZEN", 160, 5.0)))
    assert roles["VERKOOPING VAN HUIZEN"] == "crosshead"


def test_a_headline_set_a_word_a_line_in_a_narrow_rail_is_a_headline():
    """A head in a rail one column wide beside its story's columns wraps a word a line, seven
    lines of bold 12 pt over 8.5 pt text: a headline still. Large type running to many lines
    of several words is no headline."""
    head = ["Council", "Extends", "Unusual", "Shelter", "amid", "Budget", "Worries"]
    text = column(120, 60, 20, size=8.5, pitch=10, width=100) + column(240, 60, 20, size=8.5, pitch=10, width=100)
    roles = roles_of(page(text_lines(head, 40, 60, size=12, bold=True, pitch=13.5) + text))
    assert roles["Council"] == "headline"
    lead = ["The council met on", "Monday to weigh the", "shelter plan, and the", "mayor said the vote",
            "would come before the", "winter, when the cold", "sets in over the city"]
    assert roles_of(page(text_lines(lead, 40, 60, size=12, bold=True, pitch=13.5) + text))[lead[0]] != "headline"
    cjk = ["市议会周一审议了避", "寒所延期的计划，市", "长表示将在入冬之前", "完成表决，届时寒潮",
           "将笼罩全城，各区都", "要做好准备工作，确", "保居民安全过冬无忧"]  # one "word" a line, ten characters
    assert roles_of(page(text_lines(cjk, 40, 60, size=12, bold=True, pitch=13.5) + text))[cjk[0]] != "headline"


def test_a_byline_wrapped_before_its_second_name_stays_one_byline():
    """"By Helen Novak" / "and Diane Chen" in one bold block under a headline: the byline
    wrapped, not a byline over a line of text (which would be read as a crosshead and join the
    headline); a byline over text opening with a capital is split off it."""
    def bylined(second):
        return (text_lines(["District Extends Bridge Plan"], 50, 60, size=16, bold=True)
                + text_lines(["By Helen Novak", second], 50, 80, size=8, bold=True, pitch=9)
                + column(50, 105, 12, size=9, width=120))
    roles = roles_of(page(bylined("and Diane Chen")))
    assert roles["By Helen Novak"] == "byline" and "and Diane Chen" not in roles
    assert "Diane Chen" in roles_of(page(bylined("Diane Chen")))  # split off, as before


def test_a_full_name_a_byline_wrapped_onto_its_own_line_set_tight_is_the_byline():
    """"By David Sato and" / "Linda Murphy" in the byline's bold type, the boxes overlapping by
    a quarter of the size (8 pt type on 9 pt leading, boxes 11 pt tall): the name is the byline,
    no crosshead; in another type it is not taken."""
    def bylined(style):
        name = [replace(w, box=replace(w.box, y0=w.box.y0 - 1.5, y1=w.box.y1 + 1.5))
                for w in text_lines(["By David Sato and"], 50, 80, size=8, bold=True)
                + text_lines(["Linda Murphy"], 50, 89, size=8, **style)]
        return (text_lines(["District Extends Bridge Plan"], 50, 58, size=16, bold=True) + name
                + column(50, 110, 12, size=9, width=120))
    assert roles_of(page(bylined({"bold": True})))["Linda Murphy"] == "byline"
    assert roles_of(page(bylined({"bold": True, "font": "Gothic"})))["Linda Murphy"] != "byline"
