"""Stages 4-5, columns and stories, on hand-made pages."""

from dataclasses import replace

import pytest

from layout import analyse_page
from layout.analysis.blocks import build_blocks
from layout.analysis.columns import find_grid
from layout.analysis.lines import build_lines
from layout.analysis.placement import Group, Placer, Unit
from layout.analysis.typematch import same_text_size
from layout.analysis import flow, subheads
from layout.analysis.bands import closing_cuts
from layout.analysis.skew import page_drift
from layout.analysis.stacks import stacked_titles
from layout.analysis.stories import _anchors, _mark_text_below, _spanning_titles, _widen_spans, _with_decks
from layout.geometry import union_all
from layout.model import Block, Box, Figure, Line
from layout.params import Params
from layout.pipeline import sizes_estimated

from synth import column, page, text_lines, word

P = Params()


def headlines(layout):
    return [s.first("headline").text if s.first("headline") else None for s in layout.stories]


def marked(words, tag):
    """The words with the first one replaced by ``tag``, to find them again."""
    return [replace(words[0], text=tag), *words[1:]]


def story_of(layout, text):
    """The id of the story (or sidebar) whose text holds ``text``."""
    for s in layout.stories:
        for part in (s, *s.sidebars):
            if any(text in b.text for b in part.blocks):
                return part.id
    raise AssertionError(f"{text!r} is in no story")


def test_two_stories_side_by_side_each_under_its_headline():
    words = (text_lines(["Left Story"], 50, 60, size=24) + column(50, 100, 10)
             + text_lines(["Right Story"], 290, 60, size=24) + column(290, 100, 10, start=40))
    layout = analyse_page(page(words))
    assert headlines(layout) == ["Left Story", "Right Story"]


def test_columns_under_a_spanning_headline_are_one_story_read_column_by_column():
    words = (text_lines(["A Headline Across Three Columns"], 50, 60, size=24)
             + column(50, 100, 10) + column(170, 100, 10, start=30) + column(290, 100, 10, start=60))
    (story,) = analyse_page(page(words)).stories
    assert story.columns == 3
    starts = [b.lines[0].box.x0 for b in story.blocks if b.role == "body"]
    assert starts == sorted(starts)


def test_a_rule_under_a_story_starts_the_next_one():
    rule = Box(50, 236, 400, 236.5)
    words = (text_lines(["Top Story Across"], 50, 60, size=24) + column(50, 100, 10) + column(170, 100, 10, start=30)
             + column(50, 250, 10, start=60) + column(170, 250, 10, start=90))
    layout = analyse_page(page(words, rules=[(rule, "h")]))
    assert len(layout.stories) == 2


def test_a_centred_headline_claims_the_columns_level_with_it():
    words = (text_lines(["Centred"], 200, 60, size=24)
             + column(50, 100, 10) + column(170, 100, 10, start=30) + column(290, 100, 10, start=60))
    assert len(analyse_page(page(words)).stories) == 1


def test_a_small_title_far_right_does_not_take_the_columns_under_the_white_beside_it():
    """A narrow column's title set lower than the lead story's headline, with white space to
    its left over the lead story's columns: those columns stay the lead story's."""
    words = (text_lines(["Lead Story Headline Here"], 50, 40, size=24)
             + marked(column(50, 140, 15), "Alfa") + marked(column(170, 140, 15, start=30), "Bravo")
             + text_lines(["Tiny"], 530, 90, size=12, bold=True) + [word("By Ann Lee", 530, 104)]
             + marked(column(520, 118, 20, start=60), "Kilo"))
    layout = analyse_page(page(words, width=700))
    assert story_of(layout, "Alfa") == story_of(layout, "Bravo") == layout.stories[0].id
    assert story_of(layout, "Kilo") != layout.stories[0].id


def test_a_headline_beside_its_text_leads_it():
    #  ══ Wide Story On Top ══
    #  ░░░░░ ░░░░░
    #  ─────────────────── rule
    #  Side  ░░░░░ ░░░░░
    #  Head  ░░░░░ ░░░░░
    words = (text_lines(["Wide Story On Top"], 50, 40, size=24) + column(50, 80, 6) + column(170, 80, 6, start=30)
             + text_lines(["Side", "Head"], 50, 180, size=20) + column(110, 180, 8, start=60)
             + column(230, 180, 8, start=90))
    layout = analyse_page(page(words, rules=[(Box(50, 170, 340, 170.5), "h")]))
    assert headlines(layout) == ["Wide Story On Top", "Side Head"]
    assert layout.stories[1].columns == 2


def test_text_in_a_frame_is_a_sidebar_of_the_story_around_it():
    frame = Box(285, 95, 400, 200)
    words = (text_lines(["Main Story"], 50, 60, size=24) + column(50, 100, 20) + column(170, 100, 20, start=30)
             + text_lines(["AT A GLANCE"], 290, 100, size=11, bold=True) + column(290, 116, 6, start=90))
    layout = analyse_page(page(words, frames=[frame]))
    (story,) = layout.stories
    (sidebar,) = story.sidebars
    assert sidebar.kind == "sidebar" and sidebar.first("headline").text == "AT A GLANCE"


def test_text_without_a_headline_flows_from_column_to_column():
    words = column(50, 60, 30) + column(170, 60, 30, start=50)
    (story,) = analyse_page(page(words)).stories
    assert story.columns == 2


def test_headless_column_top_continues_the_story_ending_lowest_in_the_column_before():
    #  ░A░░░ ░g░░░     A runs from the top of column 1; story B starts lower in it and ends
    #  ░A░░░ ░g░░░     at its foot. Column 2 has no headline: its text continues B, the
    #  ══ B ═ ░g░░░     story the reader leaves column 1 with, not A (level with its top),
    #  ░B░░░ ░g░░░     however far down B starts
    words = (column(50, 60, 8) + text_lines(["Second Story"], 50, 170, size=16)
             + marked(column(50, 195, 10, start=30), "Bravo") + marked(column(170, 60, 22, start=60), "Golf"))
    layout = analyse_page(page(words))
    assert len(layout.stories) == 2
    assert story_of(layout, "Golf") == story_of(layout, "Bravo")


def test_text_starting_mid_sentence_under_a_section_title_goes_on_from_the_column_before():
    #  ══ A ═════  ══ SECTION ══     column 2 starts in lower case ("ticle de la Correspondance
    #  ░░░░░░░░░░  ░golf░░░░░░░      Havas", Luxemburger Zeitung 1858) under a title over it
    #  ░░░░░░░░░░  ░░░░░░░░░░░░      alone, and column 1 breaks off mid-sentence: the text
    #  ░░░░░░░░░░  ░░░░░░░░░░░░      goes on from A. Starting with a capital, it is SECTION's.
    def stories(first_word: str):
        words = (text_lines(["First"], 50, 60, size=24) + marked(column(50, 100, 30), "Alpha")
                 + text_lines(["SECTION"], 180, 60, size=24) + marked(column(170, 124, 20, start=60), first_word))
        layout = analyse_page(page(words))
        return story_of(layout, "Alpha"), story_of(layout, first_word)
    alpha, golf = stories("golf")
    assert alpha == golf
    alpha, golf = stories("d'golf")  # elided ("d'abord", "l'homme"): a word in lower case too
    assert alpha == golf
    for closed in ('golf hotel," said', "golf,” said"):  # a quotation closed: words still
        alpha, golf = stories(closed)
        assert alpha == golf, closed
    alpha, golf = stories("Golf")
    assert alpha != golf


def test_text_starting_mid_sentence_under_a_title_in_mid_column_stays_the_titles():
    #  ══ A ═════  ░░░░░░░░░░░░     column 2 opens with A's text going on (Bravo); SECTION
    #  ░░░░░░░░░░  ░░░░░░░░░░░░     stands in mid-column under it, and "golf" under SECTION
    #  ░░░░░░░░░░  ══ SECTION ══     starts in lower case, but it does not start its column
    #  ░░░░░░░░░░  ░golf░░░░░░░     (text over SECTION there): it stays SECTION's, not A's
    #  ░░░░░░░░░░  ░░░░░░░░░░░░     (Ouest-Eclair Caen p5, OCR variant 'lines')
    words = (text_lines(["First"], 50, 60, size=24) + marked(column(50, 100, 30), "Alpha")
             + marked(column(170, 100, 8, start=90), "Bravo")
             + text_lines(["SECTION"], 180, 220, size=24) + marked(column(170, 264, 20, start=60), "golf"))
    layout = analyse_page(page(words))
    assert headlines(layout) == ["First", "SECTION"]
    assert story_of(layout, "Bravo") == story_of(layout, "Alpha") != story_of(layout, "golf")


def test_text_starting_mid_sentence_under_closed_text_goes_on_from_the_column_before():
    #  ══ A ═════  ══ ADVERT ═══     column 2 opens with an advertisement whose text closes
    #  ░░░░░░░░░░  ░░░░░░░░░░░░     ("certaine."); under a blank line, "golf" starts in lower
    #  ░░░░░░░░░░  certaine.         case, and column 1 breaks off mid-sentence: the text goes
    #  ░░░░░░░░░░                    on from A (Le Matin 1893 p3). Starting with a capital, or
    #  ░░░░░░░░░░  ░golf░░░░░░░     right under the advertisement's text (no blank line), it
    #  ░░░░░░░░░░  ░░░░░░░░░░░░     is ADVERT's. A guillemet set apart ("naïf « surveillé »")
    #                                is no misread mark.
    def stories(first_words: str, gap: float):
        words = (text_lines(["First"], 50, 60, size=24) + marked(column(50, 100, 30), "Alpha")
                 + text_lines(["ADVERT"], 180, 60, size=24) + marked(column(170, 100, 5, start=60), "Bravo")
                 + text_lines(["certaine."], 170, 160) + marked(column(170, 172 + gap, 12, start=90), first_words))
        layout = analyse_page(page(words))
        return story_of(layout, "Alpha"), story_of(layout, "Bravo"), story_of(layout, first_words)
    alpha, bravo, golf = stories("golf", 14)
    assert alpha == golf != bravo
    alpha, bravo, golf = stories("golf « hotel », india", 14)
    assert alpha == golf != bravo
    alpha, bravo, golf = stories("Golf", 14)
    assert alpha != golf == bravo
    alpha, bravo, golf = stories("golf", 0)
    assert alpha != golf == bravo


def test_a_column_ending_in_a_jump_line_or_a_source_credit_ends_its_story():
    #  ══ A ══════      the story under A ends at the foot of column 1 with a line that closes
    #  ░A░░░ ░g░░░      it (it goes on on another page; its data's source): column 2, with no
    #  ░A░░░ ░g░░░      headline over it, is not A's continuation but text of its own
    #  close ░g░░░
    for closing in ("Continued on page 5", "Source: the county"):
        words = (text_lines(["First Story"], 50, 40, size=16) + marked(column(50, 60, 20), "Alpha")
                 + text_lines([closing], 50, 302) + marked(column(170, 60, 22, start=60), "Golf"))
        layout = analyse_page(page(words))
        assert story_of(layout, "Golf") != story_of(layout, "Alpha"), closing
        assert story_of(layout, closing) == story_of(layout, "Alpha")


def test_text_under_a_jump_line_in_its_column_starts_a_story_of_its_own():
    #  ══ A ═══  ══ B ═══    A's text ends in a jump line halfway down column 1; the text under
    #  ░A░░░░░░  ░B░░░░░░    it (its title read as running text by the OCR) is neither A's, whose
    #  Continued ░B░░░░░░    headline is over the column, nor B's, level with it on its right
    #            ░B░░░░░░
    #  ░g░░░░░░  ░B░░░░░░
    for closing in ("Continued on page 5", "Source: the county"):
        words = (text_lines(["First Story"], 50, 100, size=16) + marked(column(50, 120, 12), "Alpha")
                 + text_lines([closing], 50, 266) + marked(column(50, 300, 10, start=40), "Golf")
                 + text_lines(["Second Story"], 170, 100, size=16)
                 + marked(column(170, 120, 25, start=80), "Bravo"))
        layout = analyse_page(page(words))
        assert story_of(layout, closing) == story_of(layout, "Alpha"), closing
        assert story_of(layout, "Golf") not in (story_of(layout, "Alpha"), story_of(layout, "Bravo")), closing



def test_a_continued_from_line_under_a_storys_text_opens_the_text_under_it():
    #  ══ A ═══  ══ B ═══    the same page, the line under A's text a "continued from" line: it
    #  ░A░░░░░░  ░B░░░░░░    closes nothing (``bands.closes``), and heads the text under it
    #  Cont'd fr ░B░░░░░░
    #  ░g░░░░░░  ░B░░░░░░
    opening = "Continued from page 1"
    words = (text_lines(["First Story"], 50, 100, size=16) + marked(column(50, 120, 12), "Alpha")
             + text_lines([opening], 50, 266) + marked(column(50, 300, 10, start=40), "Golf")
             + text_lines(["Second Story"], 170, 100, size=16)
             + marked(column(170, 120, 25, start=80), "Bravo"))
    layout = analyse_page(page(words))
    assert story_of(layout, opening) == story_of(layout, "Golf")


def test_a_jump_line_closes_only_running_text_right_over_it():
    """A jump line under a title, with no running text of its column over it, makes no cut;
    under running text it makes one at its foot across the text's width."""
    def block(text, box, role):
        line = Line(words=(), box=box, text=text, size=10.0, bold=False, italic=False)
        return Block(lines=(line,), box=box, size=10.0, bold=False, italic=False, role=role)
    text = block("text of the story", Box(50, 100, 150, 200), "body")
    jump = block("Continued on page 5", Box(50, 206, 140, 216), "jump")
    title = block("Second Story", Box(200, 100, 300, 116), "headline")
    under_title = block("Continued on page 5", Box(200, 120, 290, 130), "jump")
    assert closing_cuts([text, jump, title, under_title], 10.0) == [Box(50, 216, 150, 216)]
    assert closing_cuts([text, replace(jump, lines=(replace(jump.lines[0], text="Continued from page 1"),))],
                        10.0) == []


def test_headless_text_under_a_picture_continues_the_story_level_with_it():
    #  ══ A ═══   ▓▓▓▓▓      g starts under a picture, not at the top of its column: it goes on
    #  ░A░░░      ▓▓▓▓▓      from the story ending level with it (A), not from B, which carries
    #  ░A░░░      ░g░░░      on far below it
    #  ══ B ═══   ░g░░░
    #  ░B░░░ …
    words = (text_lines(["First Story"], 50, 40, size=16) + marked(column(50, 60, 18), "Alpha")
             + text_lines(["Second Story"], 50, 290, size=16) + column(50, 315, 30, start=30)
             + marked(column(170, 200, 7, start=90), "Golf"))
    layout = analyse_page(page(words, figures=[Box(170, 40, 270, 190)], height=900))
    assert story_of(layout, "Golf") == story_of(layout, "Alpha")


def test_footnotes_run_on_from_column_to_column_as_one_note():
    # Set close under the text: a band set off by a blank line across the page is not notes.
    words = (column(50, 80, 20) + column(170, 80, 20, start=30)
             + column(50, 326, 6, size=7, pitch=8, start=40) + column(170, 326, 6, size=7, pitch=8, start=70))
    (story,) = analyse_page(page(words)).stories
    assert len(story.sidebars) == 1


def test_smaller_text_under_text_without_headline_is_its_notes():
    words = column(50, 80, 20) + column(170, 80, 20, start=30) + column(50, 330, 6, size=7, pitch=8, start=40)
    (story,) = analyse_page(page(words)).stories
    assert len(story.sidebars) == 1


def _text_unit(x0, y0, y1, size):
    lines = (Line((), Box(x0, y0, x0 + 100, y1), "text", size, False, False),)
    return Unit(Box(x0, y0, x0 + 100, y1), block=Block(lines, Box(x0, y0, x0 + 100, y1), size, False, False))


def test_a_run_does_not_go_on_from_text_over_another_storys_text_ending_the_column_before():
    #  ░promo░ ░top░     the run heading column two (6 points by its OCR block) matches the
    #  ══ MEMENTO ══     promo's type, not the story at the foot of column one (7 points),
    #  ░memento░         which the promo stands over: the run goes on from neither (Petit
    #  ░memento░         Journal 1900 p7); with nothing of another story under the promo, from it
    def unit(y0: float, n: int, size: float, home: Group) -> Unit:
        lines = tuple(Line((), Box(50, y0 + 12 * i, 150, y0 + 12 * i + 10), "text", size, False, False)
                      for i in range(n))
        u = Unit(Box(50, y0, 150, lines[-1].box.y1), block=Block(lines, Box(50, y0, 150, lines[-1].box.y1), size,
                                                                 False, False, role="body"))
        u.home = home
        return u
    promo, memento = Group([]), Group([])
    top, above, foot = unit(40, 2, 6.0, Group([])), unit(40, 3, 6.0, promo), unit(200, 6, 7.0, memento)
    band = (float("-inf"), float("inf"))
    assert flow._column_end(replace(top, box=Box(160, 40, 260, 62)), 200, [above, foot], band, True, [], 6, P) is None
    assert flow._column_end(replace(top, box=Box(160, 40, 260, 62)), 200, [above], band, True, [], 6, P) is above


def test_smaller_text_with_its_story_going_on_under_it_is_a_quotation_read_in_place():
    #  ░░░░░      the story's text, verse quoted in smaller type, the story again under it in
    #   ░q░       its column (Le Gaulois, 8 February 1882: verse in "Les scies"): q is read in
    #  ░░░░░      its place; a footnote, with nothing of its story under it, stays a note
    above, below = _text_unit(50, 80, 200, 10), _text_unit(50, 250, 346, 10)
    host = Group([], units=[above, below])
    quote = Group([], units=[_text_unit(60, 206, 238, 7)], over=above)
    footnote = Group([], units=[_text_unit(50, 360, 392, 7)], over=below)
    host.notes = [quote, footnote]
    for u in host.units:
        u.home = host
    flow.quotations_in_place([host, quote, footnote], 10)
    assert host.notes == [footnote] and quote.units == []
    assert [u.box.y0 for u in host.units] == [80, 250, 206] and host.units[-1].home is host


def test_a_run_at_the_top_of_a_column_goes_on_from_the_foot_of_a_slanted_column_before():
    #  ░p1░ ░top      on a slanted scan column one drifts left down the page: its foot, p2,
    #  ░p1░ ░░░░      ends 60 px left of the run's top, twice a gutter as the boxes stand,
    #  ░p2░           one gutter once the slant is taken out (``skew``): the run goes on
    # ░p2░            from p2, the foot of the column before, not from p1 above it
    p1, p2, top = _text_unit(150, 40, 300, 10), _text_unit(110, 320, 700, 10), _text_unit(270, 40, 200, 10)
    band = (float("-inf"), float("inf"))

    def straight(b):  # the page sheared straight about its middle (y 400): 0.1 px per px down
        dx = -0.1 * ((b.y0 + b.y1) / 2 - 400)
        return Box(b.x0 - dx, b.y0, b.x1 - dx, b.y1)
    assert flow._column_end(top, 200, [p1, p2], band, True, [], 10, P) is p1
    assert flow._column_end(top, 200, [p1, p2], band, True, [], 10, P, straight) is p2
    assert page_drift(straight, [p1.box, p2.box]) == 66 and page_drift(None, [p1.box]) == 0


def test_column_grid_is_found_from_body_line_edges():
    def block(x0):
        lines = tuple(Line((), Box(x0, 100 + 12 * i, x0 + 100, 110 + 12 * i), "text", 10, False, False)
                      for i in range(10))
        return Block(lines, Box(x0, 100, x0 + 100, 218), 10, False, False)
    grid = find_grid([block(50), block(170), block(290)], 10, P)
    assert [round(c.x0) for c in grid.columns] == [50, 170, 290]


def test_a_short_bold_line_ending_a_story_is_its_signature_not_a_crosshead():
    words = (text_lines(["Report"], 50, 40, size=24) + column(50, 80, 8)
             + text_lines(["Jane Doe"], 50, 180, bold=True))
    (story,) = analyse_page(page(words)).stories
    assert story.blocks[-1].role == "byline" and story.blocks[-1].text == "Jane Doe"


def test_a_band_set_off_by_white_space_across_the_page_is_read_apart():
    #  ░░░░░ ░░░░░ ░░░░░     three columns of text, a blank line and more across the page,
    #                        and three columns more: the band under the white is another
    #  ░░░░░ ░░░░░ ░░░░░     story (the feuilleton under its rule, the rule lost by the OCR)
    top = column(50, 60, 20) + column(170, 60, 20, start=30) + column(290, 60, 20, start=60)
    band = column(50, 320, 10, start=90) + column(170, 320, 10, start=120) + column(290, 320, 10, start=150)
    assert len(analyse_page(page(top + band)).stories) == 2
    assert len(analyse_page(page(top + [replace(w, box=replace(w.box, y0=w.box.y0 - 16, y1=w.box.y1 - 16))
                                        for w in band])).stories) == 1  # closer: one story


def test_the_white_under_a_figures_caption_is_no_line_between_bands():
    #  ══ Alpha ══  ══ Gamma ══     white across the whole page under Alpha's columns and
    #  ░░░░░ ░░░░░  [  photo   ]    Gamma's caption: beside the photo it closes Alpha's band
    #  ░░░░░ ░░░░░   caption        (Beta heads its own story), but under the photo it is the
    #                               picture's margin, and Gamma's text goes on under it
    #  ══ Beta ═══  ░░░░░ ░░░░░     (libreoffice_s137_09_zh: "望江社区聚焦就业岗位")
    words = (text_lines(["Alpha Headline Here"], 30, 40, size=20, bold=True)
             + column(30, 70, 20, width=110) + column(160, 70, 20, width=110, start=30)
             + text_lines(["Gamma Headline Here"], 300, 40, size=20, bold=True)
             + text_lines(["A photo caption under the picture."], 300, 298, size=8)
             + marked(column(300, 322, 10, width=110, start=60), "Kilo") + column(430, 322, 10, width=110, start=90)
             + text_lines(["Beta Headline Here"], 30, 322, size=20, bold=True)
             + marked(column(30, 350, 10, width=110, start=120), "Lima") + column(160, 350, 10, width=110, start=150))
    layout = analyse_page(page(words, figures=[Box(300, 70, 540, 292)], width=600, height=600))
    assert headlines(layout) == ["Alpha Headline Here", "Beta Headline Here", "Gamma Headline Here"]
    assert story_of(layout, "Kilo") == story_of(layout, "Gamma") != story_of(layout, "Lima")


def test_the_white_over_a_picture_in_a_storys_columns_is_no_line_between_bands_beside_a_head_across_it():
    #  ══ Alpha ══════════  ══ Gamma ══     the white over Alpha's picture runs across the page
    #  ░░░░░ ░░░░░ ░░░░░    ░░░░░ ░░░░░     under Alpha's text, but Beta's head, level with
    #  [      photo      ]  ══ Beta ═══     Alpha's last lines and with the picture, runs
    #  caption              ══ Goes ═══     across it: not every column breaks there, and the
    #  ░Kilo ░░░░░ ░░░░░    ░░░░░ ░░░░░     text under the picture is Alpha's, going on
    #                                       (holdout_61_09_zh: "北塘区加快健身步道")
    xs = (30, 150, 270)
    words = text_lines(["Alpha Headline Here"], 30, 40, size=20, bold=True)
    words += [w for i, x in enumerate(xs) for w in column(x, 70, 5, width=110, start=30 * i)]
    words += text_lines(["A photo caption under the picture."], 30, 306, size=8)
    words += [w for i, x in enumerate(xs) for w in marked(column(x, 325, 12, width=110, start=200 + 30 * i), f"Kilo{i}")]
    words += text_lines(["Gamma Headline"], 410, 40, size=20, bold=True)
    words += [w for i, x in enumerate((410, 530)) for w in column(x, 70, 3, width=110, start=60 * i)]
    words += text_lines(["Beta Headline", "Goes Here Now"], 410, 121, size=20, bold=True, pitch=24)
    words += [w for i, x in enumerate((410, 530)) for w in marked(column(x, 175, 20, width=110, start=300 + 30 * i), f"Lima{i}")]
    layout = analyse_page(page(words, figures=[Box(30, 145, 380, 300)], width=680, height=600))
    assert {story_of(layout, f"Kilo{i}") for i in range(3)} == {story_of(layout, "Alpha")}
    assert {story_of(layout, f"Lima{i}") for i in range(2)} == {story_of(layout, "Beta")}


def test_only_a_head_level_with_the_last_line_over_the_white_runs_across_it():
    # the white from y=128 (the text's foot) to y=145 (the picture's top), body 10: a head
    # starting 7 pt over it and ending under it crosses it; one starting three lines higher
    # is set beside the text over the white (an OCR page's head and decks, in that band), and
    # one ending in the white does not run across it
    from layout.analysis.bands import _crossed
    head = Box(410, 121, 600, 165)
    assert _crossed([head], 128, 145, 10)
    assert not _crossed([replace(head, y0=95)], 128, 145, 10)
    assert not _crossed([replace(head, y1=140)], 128, 145, 10)


@pytest.mark.parametrize("text_top", [365, 372])  # 1.2 and 1.9 body sizes under the byline
def test_the_white_under_a_headlines_byline_is_no_line_between_bands(text_top):
    #  ══ Alpha ═══════════════     the white under the byline runs across the whole page (the
    #  ░░░░░ ░░░░░ ░░░░░ ░░░░░      story's columns fill it): the head's margin, not a line
    #  ══ Court Restores ══         between bands, so the columns under it are Court's
    #  By Helen Patel               (libreoffice_s143_06_en; groff_s151's: the byline's space,
    #                               then a blank line that .MC sets, 1.9 body sizes)
    #  ░░░░░ ░░░░░ ░░░░░ ░░░░░
    xs = (30, 160, 290, 420)
    words = text_lines(["Alpha Headline Here"], 30, 40, size=20, bold=True)
    words += [w for i, x in enumerate(xs) for w in column(x, 70, 19, width=110, start=30 * i)]
    words += (text_lines(["Court Restores Northern Factory"], 30, 320, size=20, bold=True)
              + text_lines(["By Helen Patel"], 30, 345, size=8, bold=True))
    words += [w for i, x in enumerate(xs)
              for w in marked(column(x, text_top, 12, width=110, start=200 + 30 * i), f"Kilo{i}")]
    layout = analyse_page(page(words, width=560, height=600))
    assert {story_of(layout, f"Kilo{i}") for i in range(4)} == {story_of(layout, "Court")}


@pytest.mark.parametrize("text_top", [365, 370])  # 2.5 and 3.0 body sizes (1.5 of its type) under the title
def test_the_white_under_a_title_with_no_byline_is_its_margin_beside_a_neighbours_byline(text_top):
    #  ══ Alpha ═══════════════     a title with no byline keeps the byline's room too (groff's
    #  ░░░░░ ░░░░░ ░░░░░ ░░░░░      20-point titles keep 29 points): the white under it is its
    #  ══ City ══    ══ Senator ══  margin, though the white across the page is measured from
    #                By Helen Patel the byline of the title level with it, lower (groff_s157_08_en,
    #  ░░░░░ ░░░░░                  groff_s159_01_en, groff_s155_03_en)
    #                ░░░░░ ░░░░░
    xs = (30, 160, 290, 420)
    words = text_lines(["Alpha Headline Here"], 30, 40, size=20, bold=True)
    words += [w for i, x in enumerate(xs) for w in column(x, 70, 19, width=110, start=30 * i)]
    words += (text_lines(["City Questions Ambitious"], 30, 320, size=20, bold=True)
              + text_lines(["Senator Extends Railway"], 290, 320, size=20, bold=True)
              + text_lines(["By Helen Patel"], 290, 345, size=8, bold=True))
    words += [w for i, x in enumerate(xs[:2]) for w in marked(column(x, text_top, 12, width=110, start=200 + 30 * i), f"Kilo{i}")]
    words += [w for i, x in enumerate(xs[2:]) for w in marked(column(x, 375, 12, width=110, start=300 + 30 * i), f"Lima{i}")]
    layout = analyse_page(page(words, width=560, height=600))
    assert {story_of(layout, f"Kilo{i}") for i in range(2)} == {story_of(layout, "City")}
    assert {story_of(layout, f"Lima{i}") for i in range(2)} == {story_of(layout, "Senator")}


def test_a_title_overhanging_its_next_column_keeps_the_white_over_it():
    #  ══ Alpha ═════════════════════════     the title ends a third into its second column:
    #  ░░░░░ ░░░░░ ░░░░░ ░░░░░ ░░░░░          the white under its byline is its margin over
    #  ══ City ═════════   ══ Senator ══      that column too, not only over its own width (a
    #  By Ann Lee          By Helen Patel     line of white beside the title's end cut the
    #  ░░░░░ ░░░░░ ░░░░░   ░░░░░ ░░Kilo       column's top from it, and the column, its middle
    #  ─────────────────   ░░░░░ ░░░░░        under the rule over Court, found no column before
    #  ══ Court ════════   ░░░░░ ░░░░░        to go on from: groff_s159_05_en)
    #  ░░░░░ ░░░░░ ░░░░░   ░░░░░ ░░░░░
    xs = (30, 160, 290, 420, 550)
    words = text_lines(["Alpha Headline Here"], 30, 40, size=20, bold=True)
    words += [w for i, x in enumerate(xs) for w in column(x, 70, 19, width=110, start=30 * i)]
    words += (text_lines(["City Restores Northern Factory"], 30, 320, size=20, bold=True)
              + text_lines(["By Ann Lee"], 30, 345, size=8, bold=True)
              + text_lines(["Senator Examines."], 420, 320, size=20, bold=True)
              + text_lines(["By Helen Patel"], 420, 345, size=8, bold=True))
    words += [w for i, x in enumerate(xs[:3]) for w in column(x, 365, 6, width=110, start=200 + 30 * i)]
    words += (text_lines(["Court Publishes Rising Hospital"], 30, 460, size=20, bold=True)
              + [w for i, x in enumerate(xs[:3]) for w in column(x, 490, 10, width=110, start=400 + 30 * i)])
    words += column(420, 365, 20, width=110, start=260) + marked(column(550, 365, 19, width=110, start=330), "Kilo")
    rule = (Box(30, 450, 410, 450.5), "h")  # Court's module ruled off from City's
    layout = analyse_page(page(words, rules=[rule], width=700, height=700))
    assert story_of(layout, "Kilo") == story_of(layout, "Senator")


def test_a_head_under_the_rule_closing_a_band_of_unbalanced_columns_keeps_its_margin():
    #  ══ Alpha ═══════════════     the band's columns, filled in turn (groff's), end far over
    #  ░░░░░ ░░░░░ ░░░░░ ░░░░░      the rule that closes it: no running text ends within three
    #  ░░░░░ ░░░░░                  body sizes over Court's head, but the rule does, with text
    #  ─────────────────────────    over it, so Court is no nameplate: the white under its
    #  ══ Court Restores ══         byline is its own margin, and the columns under it are
    #  By Helen Patel               Court's (groff_s151_07_en)
    #
    #  ░░░░░ ░░░░░ ░░░░░ ░░░░░
    xs = (30, 160, 290, 420)
    words = text_lines(["Alpha Headline Here"], 30, 40, size=20, bold=True)
    words += [w for i, x in enumerate(xs) for w in column(x, 70, 17 if i < 2 else 10, width=110, start=30 * i)]
    words += (text_lines(["Court Restores Northern Factory"], 30, 320, size=20, bold=True)
              + text_lines(["By Helen Patel"], 30, 345, size=8, bold=True))
    words += [w for i, x in enumerate(xs) for w in marked(column(x, 372, 12, width=110, start=200 + 30 * i), f"Kilo{i}")]
    rule = (Box(30, 310, 530, 310.5), "h")
    layout = analyse_page(page(words, rules=[rule], width=560, height=600))
    assert {story_of(layout, f"Kilo{i}") for i in range(4)} == {story_of(layout, "Court")}


def test_the_white_under_a_nameplate_at_the_top_of_the_page_still_ends_its_band():
    #  ░░░░  DAILY GAZETTE  ░░░░     a head with no running text over it (ears beside it only)
    #  ░░░░ Political and … ░░░░     is a paper's nameplate: the white under its motto ends the
    #                                page's top band, and the columns under it are no story of
    #  ░░░░░ ░░░░░ ░░░░░ ░░░░░       its (Journal des débats 1821 p1, Luxemburger Zeitung 1858 p1)
    xs = (30, 160, 290, 420)
    words = column(30, 40, 4, width=90) + column(440, 40, 4, width=90, start=20)
    words += (text_lines(["DAILY GAZETTE"], 150, 40, size=30, bold=True)
              + text_lines(["Political and literary"], 190, 78, size=12))
    words += [w for i, x in enumerate(xs) for w in marked(column(x, 102, 20, width=110, start=200 + 30 * i), f"Kilo{i}")]
    layout = analyse_page(page(words, width=560, height=600))
    assert story_of(layout, "DAILY") not in {story_of(layout, f"Kilo{i}") for i in range(4)}


def test_a_centred_title_in_the_body_size_starts_a_story():
    #  ░░░░░░░░░
    #  ░░░ end.        the text above has ended; a short line centred over the text under it
    #    Title.        is the title of a new story, though set in the body size
    #  ░░░░░░░░░
    words = (column(50, 60, 8) + text_lines(["short end."], 50, 156)
             + text_lines(["Zeitung."], 80, 176) + marked(column(50, 196, 8, start=40), "Kilo"))
    layout = analyse_page(page(words))
    assert headlines(layout) == [None, "Zeitung."]
    assert layout.stories[1].first("headline").text == "Zeitung."
    assert story_of(layout, "Kilo") == layout.stories[1].id
    signed = (column(50, 60, 8) + text_lines(["JEAN DUPONT"], 95, 156, size=7, bold=True)
              + text_lines(["ZEITUNG"], 80, 176, bold=True, size=11) + column(50, 196, 8, start=40))
    assert headlines(analyse_page(page(signed))) == [None, "ZEITUNG"]  # after a signature
    small = (column(50, 60, 8) + text_lines(["short end."], 50, 156)
             + text_lines(["ZEITUNG"], 80, 176, size=8, bold=True) + column(50, 196, 8, start=40))
    assert len(analyse_page(page(small)).stories) == 1  # smaller than the body: an item's head
    plain_small = (column(50, 60, 8) + text_lines(["short end."], 50, 156)
                   + text_lines(["ZEITUNG"], 80, 176, size=7.5) + column(50, 196, 8, start=40))
    item = analyse_page(page(plain_small))
    assert len(item.stories) == 1 and item.stories[0].first("crosshead").text == "ZEITUNG"
    small_caps = (column(50, 60, 8) + text_lines(["short end."], 50, 156)
                  + text_lines(["Revue politique."], 75, 176, size=5.7) + column(50, 196, 8, start=40))
    item = analyse_page(page(small_caps))  # measured by the x-height of its small capitals
    assert len(item.stories) == 1 and item.stories[0].first("crosshead").text == "Revue politique."
    unfinished = column(50, 60, 14) + text_lines(["Zeitung."], 80, 236) + column(50, 256, 8, start=40)
    assert headlines(analyse_page(page(unfinished))) == [None]  # the text above runs on
    asterism = (column(50, 60, 8) + text_lines(["short end."], 50, 156)
                + text_lines(["* * *"], 88, 176) + column(50, 196, 8, start=40))
    item = analyse_page(page(asterism))  # few letters: a break in the text, heading none
    assert len(item.stories) == 1 and item.stories[0].first("crosshead").text == "* * *"
    flush_left = (column(50, 60, 8) + text_lines(["short end."], 50, 156)
                  + text_lines(["Zeitung."], 50, 176) + column(50, 196, 8, start=40))
    assert len(analyse_page(page(flush_left)).stories) == 1  # set left, it is a crosshead
    beside = (column(50, 60, 8) + text_lines(["short end."], 50, 156)
              + text_lines(["ab"], 50, 176) + text_lines(["Zeitung."], 80, 176)
              + text_lines(["cd"], 130, 176) + column(50, 196, 8, start=40))
    assert len(analyse_page(page(beside)).stories) == 1  # a piece of a line cut apart


def test_a_title_over_its_own_column_does_not_take_the_columns_beside_it():
    #  ░░░░ ══ Soirée ══ ░c3░ ░c4░     "Soirée Paris" heads the text under it, not the row beside
    #  ░░░░ ░░░░░░░░░░░ ░c3░ ░c4░     it: column 3 goes on from column 2, column 4 from the
    #  ░░░░ ░░░░░░░░░░░ ═Echos═ ░c4░   foot of column 3, which is the story of "Echos"
    #  ░░░░ ░░░░░░░░░░░ ░░░░░ ░c4░
    words = (column(50, 100, 30) + text_lines(["Soirée Paris"], 170, 88, size=16) + column(170, 112, 28, start=20)
             + marked(column(290, 100, 12, start=40), "Charlie") + text_lines(["Echos"], 290, 260, size=16)
             + column(290, 284, 15, start=60) + marked(column(410, 100, 30, start=80), "Delta"))
    layout = analyse_page(page(words))
    soiree = next(s for s in layout.stories if s.first("headline") and s.first("headline").text == "Soirée Paris")
    echos = next(s for s in layout.stories if s.first("headline") and s.first("headline").text == "Echos")
    assert story_of(layout, "Charlie") == soiree.id
    assert story_of(layout, "Delta") == echos.id


def test_sizes_measured_off_the_pixels_are_compared_loosely():
    """OCR without type sizes gives each line its height, which scatters by some 10 %."""
    lines = column(50, 100, 12)
    rows = sorted({w.box.y0 for w in lines})
    middle = set(rows[4:8])
    scattered = [replace(w, size=11.0, box=replace(w.box, y1=w.box.y0 + 11)) if w.box.y0 in middle else w
                 for w in lines]
    ocr = [replace(w, font="", confidence=0.9) for w in scattered]
    assert sizes_estimated(page(ocr)) and not sizes_estimated(page(scattered))

    def blocks(params):
        return build_blocks(build_lines(scattered, (), params), (), (), (), params)

    assert len(blocks(P)) == 3  # a PDF names its sizes: the 11 pt lines are apart
    assert len(blocks(replace(P, size_tolerance=P.estimated_size_tolerance))) == 1


def test_a_headline_across_the_columns_below_a_run_closes_its_band():
    #  ══ A ══  ░g░░░  ░░░     g, at the top of column 2, goes on from A, the foot of column 1
    #  ░A░░░░░  ░g░░░  ░░░     above the headline B that spans both columns lower down; B's
    #  ═══════ B ══════ ░░░     text under it is the next module's (column 3 runs on past B,
    #  ░B░░░░░  ░B░░░  ░░░     so no white space crosses the page there)
    words = (text_lines(["First"], 50, 100, size=16) + marked(column(50, 120, 12), "Alpha")
             + marked(column(170, 96, 14, start=40), "Golf")
             + text_lines(["Second Story Across Both"], 50, 268, size=16)
             + column(50, 290, 20, start=60) + column(170, 290, 20, start=90)
             + column(290, 96, 36, start=120))  # a third column running past B: no white across
    layout = analyse_page(page(words))
    assert story_of(layout, "Golf") == story_of(layout, "Alpha")


def test_a_headline_of_one_column_widened_to_the_gutter_does_not_close_a_band():
    #  ══ A ══  ░g░░░      g, at the top of column 2, goes on from B at the foot of column 1;
    #  ░A░░     ░g░░░      headline C of column 2 alone, level with A's text (set narrower
    #  ░A░░     ══ C ══    than its column), has its span widened over the white space up to
    #  ══ B ══  ░C░░░      A's text, across the gutter: C is over one column, not two, and
    #  ░B░░░    ░C░░░      does not cut g's band short (Le Gaulois, 30 April 1884, page 1)
    words = (text_lines(["First"], 50, 40, size=16) + column(50, 60, 16, width=94)
             + text_lines(["Second"], 50, 262, size=16) + marked(column(50, 282, 16, start=30), "Bravo")
             + marked(column(170, 40, 10, start=50), "Golf")
             + text_lines(["Third"], 190, 170, size=16) + column(170, 190, 25, start=70))
    layout = analyse_page(page(words))
    assert story_of(layout, "Golf") == story_of(layout, "Bravo")


def test_a_headline_of_the_column_before_widened_over_white_space_does_not_close_a_band():
    #  ══ A ══  ░g░░░  ░░░    g, at the top of column 2, goes on from E at the foot of column 1:
    #  ░A░░░    ░g░░░  ░░░    headline E, centred in column 1 alone, has its span widened over
    #   ═ E ═          ░░░    the white space level with it across the gutter into column 2,
    #  ░E░░░    ══ F ══ ░░░    but its print stays in column 1 (Le Matin, 2 April 1893, page 3)
    #  ░E░░░    ░F░░░  ░░░
    words = (text_lines(["First"], 50, 40, size=16) + column(50, 60, 20)
             + text_lines(["Fifth"], 80, 305, size=16) + marked(column(50, 325, 14, start=30), "Echo")
             + marked(column(170, 40, 20, start=50), "Golf")
             + text_lines(["Sixth"], 170, 350, size=16) + column(170, 370, 12, start=70)
             + column(290, 40, 40, start=90))  # a third column running past E: no white across
    layout = analyse_page(page(words))
    assert story_of(layout, "Golf") == story_of(layout, "Echo")


def test_a_centred_crosshead_under_a_headline_across_columns_stays_in_its_story():
    #  ════ Headline over three columns ════    People's Daily centres its crossheads, bold and
    #  ░░░░   ░░░░   ░░░ end.                    a little larger than the body, in a column of
    #  ░░░░   ░░░░     Crosshead                 a story whose headline spans several: the
    #  ░░░░   ░░░░   ░░░░░░░                     story goes on under it
    words = (text_lines(["Council Approves the Budget for Next Year"], 50, 50, size=28)
             + column(50, 100, 20) + column(170, 100, 20, start=40)
             + column(290, 100, 8, start=80) + text_lines(["short end."], 290, 196)
             + text_lines(["Two Lines", "Centred"], 315, 214, size=11, bold=True)
             + marked(column(290, 240, 10, start=120), "Kilo"))
    layout = analyse_page(page(words))
    assert headlines(layout) == ["Council Approves the Budget for Next Year"]
    assert story_of(layout, "Kilo") == layout.stories[0].id
    plain = (text_lines(["Council Approves the Budget for Next Year"], 50, 50, size=28)
             + column(50, 100, 20) + column(170, 100, 20, start=40)
             + column(290, 100, 8, start=80) + text_lines(["short end."], 290, 196)
             + text_lines(["Zeitung."], 320, 216) + column(290, 240, 10, start=120))
    in_body_type = analyse_page(page(plain))
    assert len(in_body_type.stories) == 1  # in the body type too, and named a crosshead
    assert in_body_type.stories[0].first("crosshead").text == "Zeitung."


def test_a_banner_over_other_headlines_heads_no_column():
    """A line across the page ("OUR OWN WIRES FROM EVERY CAPITAL") with headlines right under
    it in columns one and three heads none of them: the text at the top of column two goes on
    from the story of column one."""
    words = (text_lines(["OUR OWN WIRES FROM EVERY CAPITAL"], 50, 40, size=24)
             + text_lines(["First Story"], 60, 92, size=18) + column(50, 118, 20)
             + marked(column(170, 92, 22, start=60), "COLUMNTWO")
             + text_lines(["Third Story"], 300, 92, size=18) + column(290, 118, 20, start=90))
    layout = analyse_page(page(words))
    assert story_of(layout, "COLUMNTWO") == story_of(layout, "First Story")
    assert story_of(layout, "Third Story") != story_of(layout, "First Story")


def test_a_banner_over_one_headline_heads_no_column_and_a_kicker_overhanging_a_column_takes_none():
    """"DERNIERS TÉLÉGRAMMES DE LA NUIT" across columns two to four (Le Matin, 1884) heads
    one story, set under it in column three with a kicker whose end overhangs column two; the
    text of column two starts level with that title. The banner heads no column, and the
    title's span stops at its own edge, over the text set level with it: column two goes on
    from column one."""
    words = (text_lines(["LATEST WIRES OF THE NIGHT"], 180, 40, size=24)
             + text_lines(["First Story"], 60, 106, size=18) + column(50, 132, 30)
             + marked(column(170, 110, 22, start=60), "COLUMNTWO")
             + text_lines(["WIRE FROM LONDON"], 255, 90, size=12)
             + text_lines(["Third Story"], 300, 106, size=18) + column(290, 132, 20, start=90)
             + column(410, 110, 22, start=20))
    layout = analyse_page(page(words))
    assert story_of(layout, "COLUMNTWO") == story_of(layout, "First Story")
    assert story_of(layout, "Third Story") != story_of(layout, "First Story")


def test_a_centred_byline_over_the_columns_leads_the_text():
    """A byline centred under a headline set across three columns stands over column two:
    read in column order it would fall after column one, inside a paragraph. Set above the
    text, it leads it."""
    words = (text_lines(["A Headline Across Three Columns"], 50, 40, size=24)
             + text_lines(["By Jane Doe"], 185, 78) + column(50, 100, 10)
             + column(170, 100, 10, start=30) + column(290, 100, 10, start=60))
    (story,) = analyse_page(page(words)).stories
    roles = [b.role for b in story.blocks]
    assert roles[:2] == ["headline", "byline"] and set(roles[2:]) == {"body"}


def test_a_story_set_around_a_picture_begins_under_it_left_of_its_headline():
    """The picture takes the head of column one; the headline spans columns two and three;
    the story's text begins in column one under the picture. Nothing before column one
    continues there: the run opens the story beside it."""
    words = (text_lines(["Headline Beside The Picture"], 170, 40, size=24)
             + marked(column(50, 160, 12), "UNDERPICTURE") + column(170, 80, 20, start=30)
             + column(290, 80, 20, start=60))
    layout = analyse_page(page(words, figures=[Box(50, 40, 150, 150)]))
    assert story_of(layout, "UNDERPICTURE") == story_of(layout, "Headline")
    (story,) = [s for s in layout.stories if s.id == story_of(layout, "Headline")]
    body = [b for b in story.blocks if b.role == "body"]
    assert body[0].text.startswith("UNDERPICTURE")


def test_a_title_under_a_title_over_the_same_column_is_one_headline():
    """An OCR file sets a section's name and its item's title as two blocks ("LA VIE
    SPORTIVE" / "Courses à Vincennes."): one headline of one story, not a story of its own with
    no text. A title over other columns stays apart."""
    words = (text_lines(["LA VIE SPORTIVE"], 60, 60, size=16) + text_lines(["Courses du jour"], 62, 94, size=14)
             + column(50, 116, 12) + text_lines(["Autre titre"], 240, 60, size=16)
             + marked(column(230, 84, 12, start=30), "Tango"))
    layout = analyse_page(page(words))
    assert headlines(layout) == ["LA VIE SPORTIVE Courses du jour", "Autre titre"]
    far = (text_lines(["LA VIE SPORTIVE"], 60, 60, size=16) + column(50, 84, 3)
           + text_lines(["Courses du jour"], 62, 128, size=14) + column(50, 150, 8, start=10))
    assert headlines(analyse_page(page(far))) == ["LA VIE SPORTIVE", "Courses du jour"]  # text between
    subtitled = (text_lines(["Dépêches commerciales"], 55, 60, size=16)
                 + text_lines(["HALLES CENTRALES"], 60, 84) + column(50, 96, 12))
    layout = analyse_page(page(subtitled))  # the second title, atop its text, is a crosshead
    assert headlines(layout) == ["Dépêches commerciales HALLES CENTRALES"]
    assert layout.stories[0].first("crosshead") is None


def test_a_byline_centred_over_the_columns_of_a_box_leads_its_text():
    """In a boxed story the author's line, centred over two columns, falls in column two for
    the reading order; it leads the text all the same."""
    words = (text_lines(["Letters"], 60, 50, size=14, bold=True) + text_lines(["By Ann Lee"], 150, 72, size=9)
             + marked(column(50, 90, 12), "Alpha") + marked(column(170, 90, 12, start=30), "Bravo"))
    (story,) = analyse_page(page(words, frames=[Box(40, 40, 290, 250)])).stories
    assert [b.role for b in story.blocks][:3] == ["headline", "byline", "body"]
    assert story.blocks[2].text.startswith("Alpha")


def test_a_headline_over_three_columns_of_its_text_takes_no_column_beside_it():
    """Column four runs on from its own headline at the top of the page, past a headline set
    over columns one to three: that headline's text is under it, in three narrow columns, so
    the paragraph level with it in column four is not a side headline's text."""
    words = (text_lines(["Top Story"], 440, 40, size=18) + column(440, 64, 12, start=5)
             + marked(column(440, 226, 14, start=40), "Zulu")
             + text_lines(["Wide Story Across The Columns"], 50, 212, size=24)
             + column(50, 240, 10) + column(180, 240, 10, start=20) + column(310, 240, 10, start=50))
    layout = analyse_page(page(words))
    assert story_of(layout, "Zulu") == story_of(layout, "Top Story")


def test_a_centred_crosshead_under_a_shrunk_headline_across_columns_stays_in_its_story():
    #  ══ Headline, a body size up ══        a headline shrunk to fit its module, set no larger
    #  ░░░░ end.   ░░░░                      than the crossheads of its story (Chinese page 03
    #    Crosshead  ░░░░                     of WeasyPrint, seed 131), still heads the columns
    #  ░░░░░░░░    ░░░░                      under it: the centred title is its crosshead
    words = (text_lines(["Council Approves the Budget for Next Year"], 55, 50, size=10.5, bold=True)
             + column(50, 70, 8) + text_lines(["short end."], 50, 166)
             + text_lines(["Two Lines", "Centred"], 75, 184, size=11, bold=True)
             + marked(column(50, 210, 8, start=80), "Kilo") + column(170, 70, 20, start=40))
    layout = analyse_page(page(words))
    assert headlines(layout) == ["Council Approves the Budget for Next Year"]
    assert story_of(layout, "Kilo") == layout.stories[0].id


def test_a_title_in_a_box_is_no_narrower_headline_for_the_crosshead_under_it():
    """A map's place name in its box over column three is set as large as a headline; it is
    the box's, so the centred crosshead under the box is still under the headline across the
    columns: the story goes on under it."""
    words = (text_lines(["Council Approves the Budget for Next Year"], 50, 50, size=28)
             + column(50, 100, 20) + column(170, 100, 20, start=40)
             + text_lines(["Harbour"], 320, 110, size=16)
             + column(290, 160, 3, start=80) + text_lines(["short end."], 290, 196)
             + text_lines(["Two Lines", "Centred"], 315, 214, size=11, bold=True)
             + marked(column(290, 240, 10, start=120), "Kilo"))
    layout = analyse_page(page(words, frames=[Box(288, 100, 392, 150)]))
    assert headlines(layout) == ["Council Approves the Budget for Next Year"]
    assert story_of(layout, "Kilo") == layout.stories[0].id


def test_a_centred_title_in_capitals_atop_its_text_is_a_crosshead_in_place():
    #  ░░░░ end.         a centred line in capitals set in one block with the text under it
    #   ZEITUNG          (as OCR groups a title in the body size) is a heading where it stands:
    #  ░░░░░░░░░         the text stays in one story, in order
    words = (column(50, 60, 8) + text_lines(["short end."], 50, 156)
             + text_lines(["ZEITUNG HEUTE"], 70, 168) + marked(column(50, 180, 8, start=40), "Kilo"))
    layout = analyse_page(page(words))
    assert len(layout.stories) == 1
    assert layout.stories[0].first("crosshead").text == "ZEITUNG HEUTE"
    assert story_of(layout, "Kilo") == layout.stories[0].id
    left = (column(50, 60, 8) + text_lines(["short end."], 50, 156)
            + text_lines(["ZEITUNG HEUTE"], 50, 168) + column(50, 180, 8, start=40))
    assert analyse_page(page(left)).stories[0].first("crosshead") is None  # set left: text


def test_a_story_without_a_headline_is_titled_by_its_deck_or_the_crossheads_atop_it():
    """A short item's title may be set no larger than the deck of a story beside it: with no
    headline over its text, the first deck becomes the headline; beside a headline it stays.
    With no deck either, the crossheads set above all its text are its title (a long Chinese
    title shrunk to fit a narrow module, cut apart at the wide space between its phrases)."""
    from layout.analysis.assemble import _titled

    def block(role, y, x=50):
        return Block((), Box(x, y, x + 100, y + 10), 10, False, False, role=role)

    kicker, deck, byline, text = block("kicker", 0), block("deck", 12), block("byline", 24), block("body", 40)
    header, lead, rest = _titled([kicker], [deck, byline], [text], 10)
    assert [b.role for b in header + lead + rest] == ["kicker", "headline", "byline", "body"]
    headed = [block("headline", 0)]
    assert _titled(headed, [deck], [text], 10) == (headed, [deck], [text])
    assert _titled([], [byline], [text], 10) == ([], [byline], [text])
    left, right, inside = block("crosshead", 0), block("crosshead", 0, x=160), block("crosshead", 60)
    header, lead, rest = _titled([], [byline], [left, right, text, inside], 10)
    assert [b.role for b in header] == ["headline"] and header[0].box == Box(50, 0, 260, 10)
    assert rest == [text, inside]  # a crosshead inside the text stays


def test_a_story_opening_with_a_line_a_size_up_closed_by_a_stop_is_titled_by_it():
    """``Besluiten en Benoemingen.`` (Algemeen Handelsblad 1876): an item's title a size up
    on a line of its own, closed by a stop, between two items' text; a place and date set so
    ("Luxembourg, le 6 décembre.") opens its text and titles nothing."""
    def titles(line):
        words = (column(50, 100, 8) + text_lines([line], 50, 202, size=12)
                 + column(50, 220, 8, start=30))
        return headlines(analyse_page(page(words)))
    assert "Besluiten en Benoemingen." in titles("Besluiten en Benoemingen.")
    assert "Luxembourg, le 6 décembre." not in titles("Luxembourg, le 6 décembre.")


def test_a_line_a_size_up_closed_by_a_stop_inside_a_story_is_its_crosshead():
    """``Staatsbegrooting voor 1877.`` under the headline of the parliament's report: the
    title of an item inside the story, a crosshead where it stands."""
    words = (text_lines(["Tweede Kamer"], 50, 60, size=24) + column(50, 100, 8)
             + text_lines(["Staatsbegrooting voor 1877."], 50, 202, size=12) + column(50, 220, 8, start=30))
    [story] = analyse_page(page(words)).stories
    assert [(b.role, b.text) for b in story.blocks if b.role != "body"] == [
        ("headline", "Tweede Kamer"), ("crosshead", "Staatsbegrooting voor 1877.")]


def test_text_under_a_sidebar_box_in_the_first_column_goes_on_in_the_story_around_it():
    """A box drawn round a sidebar at the head of a story's first column: its outline's top
    and foot are rules, but they close the box, not the story; the box is the story's
    sidebar, and the text under it the story's own."""
    frame = Box(48, 98, 152, 200)  # the tint; its outline is stroked a hair outside it
    outline = [(Box(48, 97.8, 152, 97.8), "h"), (Box(48, 200.2, 152, 200.2), "h"),
               (Box(47.8, 98, 47.8, 200), "v"), (Box(152.2, 98, 152.2, 200), "v")]
    words = (text_lines(["Council Reviews the Policy"], 50, 60, size=24)
             + text_lines(["WHAT'S NEXT"], 52, 102, size=11, bold=True) + column(52, 118, 6, width=96)
             + marked(column(50, 210, 12, start=20), "Kilo") + column(170, 100, 22, start=60))
    layout = analyse_page(page(words, frames=[frame], rules=outline))
    (story,) = layout.stories
    assert story.first("headline").text == "Council Reviews the Policy"
    assert [s.first("headline").text for s in story.sidebars] == ["WHAT'S NEXT"]
    assert story_of(layout, "Kilo") == story.id


def test_a_title_running_into_the_next_column_takes_it_from_a_level_title_beside():
    """Two titles on one row: the left one, two lines, runs 30 pt into column two; the right
    one starts over column three and ends a little lower. Column two is the left story's: the
    right title's span reaches it only over the white between the two titles."""
    words = (text_lines(["Court Questions", "Ambitious Plan"], 50, 60, size=20, pitch=24)
             + text_lines(["Mayor Restores", "Historic Plan"], 290, 60, size=24, pitch=28)
             + marked(column(50, 130, 12), "Alfa") + marked(column(170, 130, 12, start=30), "Bravo")
             + marked(column(290, 130, 12, start=60), "Charlie")
             + marked(column(410, 130, 12, start=90), "Delta"))
    layout = analyse_page(page(words))
    assert headlines(layout) == ["Court Questions Ambitious Plan", "Mayor Restores Historic Plan"]
    assert story_of(layout, "Alfa") == story_of(layout, "Bravo") == layout.stories[0].id
    assert story_of(layout, "Charlie") == story_of(layout, "Delta") == layout.stories[1].id


def test_text_right_under_its_headline_is_not_taken_by_a_headline_beside_it():
    """Two one-column stories side by side. The left headline, ragged, ends 36 pt short of
    the right column, starts level with the right story's byline, and has a picture between
    it and its own text (so it may be a side headline); the right headline ends 6 pt over
    that byline and 20 pt over its column. The byline and the column are the right headline's:
    the headline right over them is nearer than the one beside them."""
    words = (text_lines(["Agency", "Delays", "Popular", "Contract"], 50, 224, size=16, pitch=17)
             + text_lines(["By Dan Hughes"], 50, 296)
             + marked(column(50, 400, 15, width=90), "Alfa")
             + text_lines(["Agency Reviews", "Aging Clinic"], 150, 190, size=14, pitch=20)
             + text_lines(["By Julia Hale"], 150, 230)
             + marked(column(150, 244, 30, width=100, start=40), "Bravo"))
    layout = analyse_page(page(words, figures=[Box(50, 320, 140, 390)]))
    right = story_of(layout, "Bravo")
    assert story_of(layout, "By Julia Hale") == right != story_of(layout, "Alfa")
    heads = [s.first("headline").text for s in layout.stories if s.id == right]
    assert heads == ["Agency Reviews Aging Clinic"]


@pytest.mark.parametrize("title, size", [("Senator Revives", 24.0), ("Senator Revives Plans", 23.0),
                                         ("Senator Revives Plans", 23.5)])
def test_a_column_under_the_white_between_two_titles_is_the_left_ones(title, size):
    """Two titles on one row, neither over column three: the left one ends in column two (at 24
    pt), or runs into column three by 1.5 or 6.75 points, less than a body size (23 and 23.5
    pt: reportlab_s185_07_en, libreoffice_s185_01_en, by 3 and 1.4 points), which still ends
    left of it; the right one (two lines, its foot 2 pt under the left columns' top) starts
    after it. Both spans reach column three over the white between them; the text runs on
    from the left, so it is the left story's column, though the right title is the lower one."""
    words = (text_lines([title], 50, 60, size=size)
             + text_lines(["Council Increases", "Quiet Museum"], 410, 60, size=20, pitch=22)
             + marked(column(50, 100, 14), "Alfa") + marked(column(170, 100, 14, start=30), "Bravo")
             + marked(column(290, 100, 14, start=60), "Charlie")
             + marked(column(410, 110, 12, start=90), "Delta")
             + marked(column(530, 110, 12, start=120), "Echo"))
    layout = analyse_page(page(words, width=700))
    assert headlines(layout) == [title, "Council Increases Quiet Museum"]
    assert story_of(layout, "Alfa") == story_of(layout, "Charlie") == layout.stories[0].id
    assert story_of(layout, "Delta") == story_of(layout, "Echo") == layout.stories[1].id


def test_a_headline_with_a_picture_right_under_it_has_its_text_below():
    """A headline over a picture, its text under the picture: what stands beside the headline
    is not its text (``Group.text_below``), as for a headline with its text right under it;
    a headline with nothing under it may head the text beside it."""
    (title,) = build_blocks(build_lines(text_lines(["Harbour Plan Wins Vote"], 72, 58, size=18), (), P),
                            (), (), (), P)
    over_picture, alone = Group([title]), Group([title])
    _mark_text_below([over_picture], [], 10, [Box(50, 82, 270, 180)], {id(over_picture): (title.box, [])})
    _mark_text_below([alone], [], 10, [], {id(alone): (title.box, [])})
    assert over_picture.text_below and not alone.text_below


def test_a_headline_with_its_text_under_its_deck_has_its_text_below():
    """A headline (a kicker taken for one) with a title hung under it as its deck, the text
    under the deck: the text is below it, more than ``_mark_text_below``'s window under the
    headline alone; so the top of the next column, level with the headline, is not its side
    text (Ouest-Eclair Caen 1924 p5, "POUR LA DEFENSE DES LIBERTES RELIGIEUSES"). A scrap
    hung under it, under a third of the text's width, heads no text (a margin strip's word)."""
    def box(x0, y0, x1, y1):
        return Block((), Box(x0, y0, x1, y1), 10, False, False)
    head, deck, scrap = box(80, 40, 150, 60), box(50, 64, 160, 100), box(95, 64, 125, 100)
    lines = tuple(Line((), Box(50, 106 + 12 * i, 160, 116 + 12 * i), "text", 10, False, False) for i in range(5))
    text = Block(lines, Box(50, 106, 160, 164), 10, False, False)
    hung, alone, scrapped = Group([head]), Group([head]), Group([head])
    _mark_text_below([hung], [text], 10, [], {id(hung): (head.box.union(deck.box), [deck.box])})
    _mark_text_below([alone], [text], 10, [], {id(alone): (head.box, [])})
    _mark_text_below([scrapped], [text], 10, [], {id(scrapped): (head.box.union(scrap.box), [scrap.box])})
    assert hung.text_below and not alone.text_below and not scrapped.text_below


def test_a_deck_under_one_column_of_a_headline_across_three_heads_that_column_alone():
    """A headline across three columns with a deck hung under the third: the text under the
    deck is the third column's, while the text of the first two, starting level with the
    deck's foot, goes on in its column more than four body sizes under the headline: not
    the headline's text, which covers a third of its width, so it has none below (Le Gaulois
    1884 p4 with its type sizes estimated: the banner over the ads took them all)."""
    def block(x0, y0, n):
        lines = tuple(Line((), Box(x0, y0 + 12 * i, x0 + 110, y0 + 10 + 12 * i), "text", 10, False, False)
                      for i in range(n))
        return Block(lines, Box(x0, y0, x0 + 110, y0 + 12 * n - 2), 10, False, False)
    head = Block((), Box(50, 40, 410, 60), 20, False, False)
    deck = Box(290, 66, 400, 100)
    texts = [block(50, 66, 2), block(170, 66, 2), block(50, 104, 5), block(170, 104, 5), block(290, 104, 5)]
    g = Group([head])
    _mark_text_below([g], texts, 10, [], {id(g): (head.box.union(deck), [deck])})
    assert not g.text_below


def test_a_kicker_overhanging_the_next_column_stops_its_headline_span_at_its_edge():
    """The kicker over "Third Story" starts over the end of column two, whose text starts level
    with the headline and runs on below: the story's span stops at the kicker's edge instead
    of reaching over column two to column one's title."""
    def box(x0, y0, x1, y1):
        return Block((), Box(x0, y0, x1, y1), 10, False, False)
    kicker, title = box(255, 90, 350, 102), box(300, 106, 399, 124)
    first, two = box(60, 106, 159, 124), box(170, 110, 270, 370)
    g = Group([kicker, title])
    blocks = [first, two, kicker, title]
    _widen_spans([g], _with_decks([g], blocks), blocks, page([]), 10)
    assert g.span.x0 == 255


def test_a_title_overhanging_the_next_column_over_a_deck_in_its_own_stops_at_that_column():
    """A section title set over column one runs a little into column two; its deck stands in
    column one, and column two's text starts level with the deck (it goes on from the foot
    of column one: Ouest-Éclair, Caen 1924). The title's span stops at column two's text,
    which it overhangs by too little to lead."""
    def box(x0, y0, x1, y1, size=10, role="body", lines=()):
        return Block(lines, Box(x0, y0, x1, y1), size, True, False, role=role)
    title = box(130, 60, 200, 80, size=20, role="headline")
    deck = box(60, 88, 150, 110, size=14, role="deck")
    under = box(60, 116, 159, 300, lines=(None,) * 15)
    two = box(170, 90, 270, 300, lines=(None,) * 18)
    g = Group([title])
    blocks = [title, deck, under, two]
    stacks = _with_decks([g], blocks)
    _widen_spans([g], stacks, blocks, page([]), 10)
    assert stacks[id(g)][1] == [deck.box]
    assert g.span.x1 == 200  # column two's text stops it at the title's own edge
    alone = Group([title])
    _widen_spans([alone], {id(alone): (title.box, [])}, blocks, page([]), 10)
    assert alone.span.x1 == 270  # level with the title alone, the span reaches over column two


def test_text_whose_box_an_ocr_block_above_overlaps_by_under_a_line_goes_on_with_it():
    """The boxes OCR draws round two blocks of one column of a scan may overlap by most of a
    line (the Liverpool Standard, 1832; our own OCR of the NZZ): the lower block's text goes on
    from the story of the one above it, as it would a line lower."""
    def block(y0: float, lines: int) -> Block:
        rows = tuple(Line((), Box(50, y0 + 12 * i, 150, y0 + 12 * i + 10), "text of the column", 10, False, False)
                     for i in range(lines))
        return Block(rows, Box(50, y0, 150, rows[-1].box.y1), 10, False, False, role="body")
    upper, lower = block(60, 10), block(170, 8)  # the upper runs 8 units (0.8 body) past the lower's top
    placer = Placer([], [], [], 10, P)
    first = Unit(upper.box, block=upper)
    placer.place(first, Group([]))
    assert placer.home(Unit(lower.box, block=lower)) is first.home


def test_an_ornament_over_a_block_does_not_set_it_level_with_a_title_beside_it():
    """An OCR engine may put an ornament ("*") in the block of the text under it (Ouest-Eclair
    Caen 1924 p7: over a weather report under its own title, level with an advertisement's
    title to its left): the text starts under the title's foot, so the title is not beside it.
    Without the ornament, the same title level with the text's first line is its side headline."""
    def row(text: str, x0: float, y0: float, x1: float) -> Line:
        return Line((), Box(x0, y0, x1, y0 + 10), text, 10, False, False)

    title = Block((row("MON PARFUM", 20, 100, 80),), Box(20, 100, 80, 120), 20, True, False, role="headline")
    text = (row("PARIS, 17 décembre. Situation générale", 90, 125, 190),
            row("la dépression de la mer du Nord est", 90, 137, 190))
    star = row("*", 130, 112, 135)
    for lines, beside in (((star, *text), False), ((row("Un lecteur nous écrit", 90, 112, 190), *text), True)):
        block = Block(lines, union_all([ln.box for ln in lines]), 10, False, False, role="body")
        side = Group([title])
        placer = Placer([side], [], [], 10, P)
        assert (placer.home(Unit(block.box, block=block)) is side) is beside


def test_body_blocks_a_point_apart_in_small_type_are_one_storys_text():
    """An OCR engine sizes blocks in whole points: a feuilleton's columns at 8 and 7 points
    (33.3 and 29.2 px at 300 dpi, Ouest-Éclair 1918) are one story's text; 8 and 6.6 points
    are not."""
    def unit(size: float) -> Unit:
        line = Line((), Box(50, 100, 150, 100 + size), "text of the column", size, False, False)
        return Unit(line.box, block=Block((line,), line.box, size, False, False, role="body"))
    assert same_text_size(unit(33.33), unit(29.17), P)
    assert not same_text_size(unit(33.33), unit(27.5), P)


def test_blocks_set_line_for_line_alike_are_one_text_whatever_size_ocr_named():
    """An OCR engine names one size per block, not always the printed one: the last column
    of a feuilleton called 9 points under the 7 of the columns before (Petit Journal 1900 p2)
    is one story's text when its lines stand at the same pitch and height; a block really set
    smaller, at a smaller pitch, is not."""
    def unit(size: float, pitch: float, height: float, lines: int = 5) -> Unit:
        rows = tuple(Line((), Box(50, 100 + k * pitch, 150, 100 + k * pitch + height), "text", size,
                          False, False) for k in range(lines))
        box = Box(50, 100, 150, rows[-1].box.y1)
        return Unit(box, block=Block(rows, box, size, False, False, role="body"))
    assert same_text_size(unit(29.2, 35.0, 37.0), unit(37.5, 35.3, 39.0), P)
    assert not same_text_size(unit(29.2, 35.0, 37.0), unit(37.5, 44.0, 47.0), P)
    assert not same_text_size(unit(29.2, 35.0, 37.0), unit(37.5, 35.0, 37.0, lines=2), P)


def test_a_photo_in_a_boxed_story_is_the_story_s_and_its_kicker_stays_a_kicker():
    """A box holds a kicker, a headline, a photo with its caption and two columns of text:
    the photo goes with the box's story, after its titles, not into a picture story of its
    own; the kicker over the headline is no second headline."""
    words = (text_lines(["Letters"], 130, 46, size=9, bold=True)
             + text_lines(["Readers Write About the New Bridge"], 50, 60, size=16, bold=True)
             + text_lines(["The bridge at dawn. Photo: Ann Lee"], 50, 174, size=8, italic=True)
             + marked(column(50, 190, 10), "Alpha") + marked(column(170, 190, 10, start=30), "Bravo"))
    layout = analyse_page(page(words, figures=[Box(50, 84, 280, 170)], frames=[Box(40, 40, 290, 320)]))
    (story,) = layout.stories
    assert [b.role for b in story.blocks][:2] == ["kicker", "headline"]
    assert len(story.figures) == 1 and "Photo" in story.figures[0].caption[0].text
    assert story.content.index(story.figures[0]) < story.content.index(story.first("body"))


def _three_columns_with_a_title_in_the_middle(right_title: bool):
    """A story across three columns; the middle one has a smaller title part way down, and the
    right one has either the story's text all the way down or a story of its own under a title
    level with it."""
    words = (text_lines(["The Story Across Three Columns"], 50, 60, size=24)
             + column(50, 100, 25) + column(170, 100, 8, start=30)
             + text_lines(["A Speech"], 185, 204, size=15, bold=True)
             + marked(column(170, 228, 15, start=60), "SPEECH"))
    if right_title:
        words += (column(290, 100, 8, start=90) + text_lines(["Other News"], 305, 204, size=15, bold=True)
                  + column(290, 228, 15, start=20))
    else:
        words += column(290, 100, 25, start=90)
    return analyse_page(page(words))


def test_a_smaller_title_with_its_story_s_text_over_and_beside_it_is_that_story_s_crosshead():
    layout = _three_columns_with_a_title_in_the_middle(right_title=False)
    (story,) = layout.stories
    assert [b.text for b in story.blocks if b.role == "crosshead"] == ["A Speech"]
    starts = [b.lines[0].box.x0 for b in story.blocks if b.role == "body"]
    assert starts == sorted(starts)  # read column by column, the speech in the middle one


def test_a_title_with_another_story_beside_it_heads_a_story_of_its_own():
    layout = _three_columns_with_a_title_in_the_middle(right_title=True)
    assert "A Speech" in headlines(layout)
    assert story_of(layout, "SPEECH") != story_of(layout, "The Story Across")


def test_a_smaller_title_with_its_story_s_text_on_one_side_only_heads_a_story_of_its_own():
    """In a story's first column, or on a page of one column, a smaller title has its story's
    text over it but not on both sides: nothing says the text round it goes on past it."""
    for columns in (1, 2):
        words = (text_lines(["The Story Across Its Columns"], 50, 60, size=24)
                 + column(50, 100, 8) + text_lines(["A Speech"], 65, 204, size=15, bold=True)
                 + marked(column(50, 228, 15, start=60), "SPEECH"))
        if columns == 2:
            words += column(170, 100, 25, start=90)
        layout = analyse_page(page(words))
        assert "A Speech" in headlines(layout), columns
        assert story_of(layout, "SPEECH") != story_of(layout, "The Story Across"), columns


def test_a_column_goes_on_down_in_smaller_type_in_the_story_it_continues():
    """Column three's top continues the story at the foot of column two; the quotation set
    smaller under it is that story's too, not that of the text in column two level with it."""
    words = (column(50, 60, 10) + text_lines(["Pourquoi"], 60, 190, size=16, bold=True)
             + column(50, 215, 15, start=20)
             + column(170, 60, 12, start=40) + text_lines(["The Press"], 180, 215, size=16, bold=True)
             + column(170, 240, 13, start=60)
             + column(290, 60, 10, size=11, pitch=13, start=80)
             + marked(column(290, 200, 14, size=9, pitch=11, start=10), "QUOTE"))
    layout = analyse_page(page(words))
    assert story_of(layout, "QUOTE") == story_of(layout, "The Press")


def _title(text, x0, y0, x1, y1, size):
    line = Line((), Box(x0, y0, x1, y1), text, size, True, False)
    return Block((line,), Box(x0, y0, x1, y1), size, True, False, role="headline")


def test_a_small_title_across_two_columns_heads_them_not_the_story_beside():
    """A module's headline set hardly larger than its text, over two columns (a crosshead by
    its size): it heads both, and the title atop its second column is its crosshead; the
    story level with it in the first column keeps only its own column."""
    words = (text_lines(["Lead"], 50, 52, size=24) + marked(column(50, 86, 25), "ALFA")
             + text_lines(["双河镇加快标准化产业链升级标准化智慧农场"], 175, 62, size=10.5, font="Hei")
             + marked(column(170, 80, 25, start=40), "BRAVO")
             + text_lines(["引导企业数字经济", "改造培育就业岗位"], 294, 82, size=11.5, pitch=13, font="Hei")
             + marked(column(290, 112, 23, start=80), "CHARLIE"))
    layout = analyse_page(page(words))
    assert headlines(layout) == ["Lead", "双河镇加快标准化产业链升级标准化智慧农场"]
    assert story_of(layout, "ALFA") != story_of(layout, "BRAVO") == story_of(layout, "CHARLIE")
    assert [b.text for b in layout.stories[1].blocks if b.role == "crosshead"] == ["引导企业数字经济改造培育就业岗位"]


def test_titles_under_a_title_across_columns_are_its_crossheads_unless_it_is_a_phrase_cut_apart():
    body = [_block("text", 50, 120, 150, 300, 10, "body"), _block("text", 160, 140, 260, 300, 10, "body")]
    wide = _block("WIDE TITLE", 60, 100, 250, 110, 10.5, "crosshead")
    under = _block("Second column's title", 170, 116, 250, 136, 11, "headline")
    assert [b.role for b in _spanning_titles([wide, under, *body], 10)] == ["headline", "crosshead", "body", "body"]
    # a phrase level beside it: the two are one title cut apart at a wide space, left alone
    phrase = _block("PHRASE", 255, 100, 300, 110, 10.5, "crosshead")
    assert [b.role for b in _spanning_titles([wide, phrase, *body], 10)] == ["crosshead"] * 2 + ["body"] * 2


def _stacked_texts(heads):
    merged, _ = stacked_titles(heads, heads, column=300)
    return sorted(ln.text for b in merged for ln in b.lines)


def test_two_titles_stacked_over_one_title_both_keep_their_text():
    heads = [_title("FIRST", 50, 100, 150, 120, 20), _title("SECOND", 100, 104, 200, 124, 20),
             _title("LOWER", 50, 130, 200, 150, 20)]
    assert _stacked_texts(heads) == ["FIRST", "LOWER", "SECOND"]


def test_a_tall_stacked_title_never_joins_one_already_passed():
    """OCR of sideways print reads strips of it as titles of giant sizes: joined with one under
    it, their box reaches back over a title already placed, which must not swallow them."""
    heads = [_title("STRIP", 50, 100, 150, 400, 1000), _title("PASSED", 200, 200, 250, 220, 20),
             _title("UNDER", 100, 350, 250, 380, 20)]
    assert _stacked_texts(heads) == ["PASSED", "STRIP", "UNDER"]


def test_a_chain_of_inset_titles_ends_in_the_outermost_story(monkeypatch):
    """A title inset in a story that is itself inset in a larger one: both become crossheads
    of the larger, whichever is absorbed first, and no emptied story is left holding text."""
    def story(title: str, size: float) -> Group:
        (b,) = build_blocks(build_lines(text_lines([title], 50, 50, size=size), (), P), (), (), (), P)
        g = Group([replace(b, role="headline")])
        g.units.append(Unit(Box(50, 80, 150, 120), block=b, home=g))
        return g

    for inner_first in (False, True):
        outer, middle, inner = story("Outer", 24), story("Middle", 18), story("Inner", 14)
        chain = {id(inner): middle, id(middle): outer}
        monkeypatch.setattr(subheads, "_host", lambda g, column, units, grid, body, root, like=(): chain.get(id(g)))
        subheads.absorb_inset_heads([outer] + ([inner, middle] if inner_first else [middle, inner]), 10)
        assert not middle.units and not inner.units
        assert [u.block.role for u in outer.units].count("crosshead") == 2 and len(outer.units) == 5
        assert all(u.home is outer for u in outer.units)


def test_a_crosshead_atop_the_second_column_beside_begun_text_is_no_second_headline_line():
    """A headline over two columns whose first column's text starts right under it, level with
    a crosshead at the top of the second column ("Agency Introduces Northern Pipeline" over
    "Historic Reports Ahead", Chromium page of seed 117): the crosshead is inside the story,
    not the rest of the headline, and the text under both columns is one story."""
    words = (text_lines(["Agency Introduces", "Northern Pipeline"], 50, 60, size=20, pitch=22, bold=True)
             + marked(column(50, 112, 20), "FIRSTCOL")
             + text_lines(["Historic Reports", "Ahead"], 162, 112, size=10.5, bold=True)
             + marked(column(162, 140, 18, start=40), "SECONDCOL"))
    layout = analyse_page(page(words))
    assert headlines(layout) == ["Agency Introduces Northern Pipeline"]
    (story,) = layout.stories
    assert story.first("crosshead").text == "Historic Reports Ahead"
    assert story_of(layout, "FIRSTCOL") == story_of(layout, "SECONDCOL")


def test_a_deck_set_into_the_foot_of_a_large_headlines_box_stays_its_deck():
    """WeasyPrint's box of a 37-point title holds its line's ascent and descent: it runs 5
    points into the deck set right under it ("——青山县加强防汛体系纪实", seed 117 page 04),
    more than half a body size. The deck is still under the headline, not a story of its own."""
    def tall(words):  # boxes as tall as WeasyPrint's: the line's ascent and descent
        return [replace(w, box=Box(w.box.x0, w.box.y0, w.box.x1, w.box.y0 + 1.45 * w.size)) for w in words]
    title = tall(text_lines(["Council Wins Vote"], 50, 100, size=37, bold=True))
    deck = tall(text_lines(["A narrow margin after a long night"], 60, title[0].box.y1 - 7, size=12.5))
    words = title + deck + column(50, deck[0].box.y1 + 8, 12) + column(170, deck[0].box.y1 + 8, 12, start=30)
    layout = analyse_page(page(words))
    assert headlines(layout) == ["Council Wins Vote"]
    (story,) = layout.stories  # the deck leads the text of the one story
    assert [b.text for b in story.blocks][1] == "A narrow margin after a long night"


def test_a_picture_under_a_headline_stays_its_own_though_a_lower_title_beside_it_spans_it():
    """The lead story's picture spans its columns under its headline; a narrow story's small
    title, lower and right of the picture, has its span widened left over the white level with
    it and so reaches over the picture too (WeasyPrint page 04 of seed 117: the photo, its
    caption and the lead's last column went to "金沙湾引导数字经济"). Its title does not reach
    over the picture itself; the lead's title, over most of it and over the byline right above
    it, keeps it."""
    photo = Box(50, 110, 400, 250)
    words = (text_lines(["Lead Story Across"], 50, 60, size=24, bold=True)
             + text_lines(["By Ann Lee"], 50, 92, size=9, bold=True)
             + text_lines(["Side Story"], 420, 90, size=12, bold=True)
             + marked(column(420, 106, 40), "SIDETEXT")
             + text_lines(["The photo caption here."], 50, 254, size=8)
             + marked(column(50, 270, 20), "LEADTEXT") + column(170, 270, 20, start=30)
             + column(290, 270, 20, start=60))
    layout = analyse_page(page(words, figures=[photo]))
    lead = next(s for s in layout.stories if s.id == story_of(layout, "LEADTEXT"))
    assert any(f.box == photo for f in lead.figures)
    assert story_of(layout, "SIDETEXT") != lead.id


def _block(text, x0, y0, x1, y1, size, role, bold=False):
    line = Line((), Box(x0, y0, x1, y1), text, size, bold, False)
    return Block((line,), Box(x0, y0, x1, y1), size, bold, False, role=role)


def test_a_crosshead_right_over_a_headline_set_to_it_is_its_kicker():
    """A title shrunk to fit a narrow module may be set smaller than its kicker, which is then
    read as a crosshead ("金沙湾更新口袋公园，更新供暖管网" over "松岗街道实施便民市场…",
    LaTeX page 08 of seed 117, made a story of its own with no text). A crosshead leads text:
    one right over a headline, centred on it or set at its left edge, with no text under it
    before the headline, is the headline's kicker."""
    over = _block("KICKER", 638.8, 599.4, 790.2, 608.9, 9.5, "crosshead")
    head = _block("HEAD", 629.3, 611.7, 799.7, 620.6, 9.0, "headline", bold=True)
    text = _block("TEXT", 620, 640, 710, 700, 8.5, "body")
    (group,), anchored = _anchors([over, head, text], column=95)
    assert [(b.raw_text, b.role) for b in group.header] == [("KICKER", "kicker"), ("HEAD", "headline")]
    assert id(over) in anchored
    aside = _block("ASIDE", 700, 599.4, 790, 608.9, 9.5, "crosshead")  # neither centred nor set left
    (group,), anchored = _anchors([aside, head, text], column=95)
    assert [b.raw_text for b in group.header] == ["HEAD"] and id(aside) not in anchored
    # a crosshead at the foot of a column, its text under it, over the next story's headline
    led = _block("LEADS", 629.3, 560, 700, 570, 9.5, "crosshead")
    tail = _block("TAIL", 620, 573, 710, 600, 8.5, "body")
    (group,), anchored = _anchors([led, tail, head, text], column=95)
    assert [b.raw_text for b in group.header] == ["HEAD"] and id(led) not in anchored


def test_the_last_columns_under_a_lead_headline_stay_its_own_though_a_small_title_beside_them_is_lower():
    """The lead story's headline runs over all four of its columns; the narrow story right of
    them has a small title (shrunk to fit its column), set lower than the lead's byline and
    just above the tops of the lead's columns. Its span, widened left over the white level with
    it, reaches the lead's last columns, which head their columns right under the lead's title
    with nothing above them (LaTeX page 07 of seed 119: the lead's last two columns went to
    "东湖街道加快防汛体系　建设特色产业"). They stay the lead's; the narrow story keeps its own
    column."""
    words = (text_lines(["Lead Story Headline Across Columns"], 50, 40, size=28, bold=True)
             + text_lines(["By Ann Lee"], 220, 72, size=9, bold=True)
             + marked(column(50, 92, 15), "Alfa") + column(170, 92, 15, start=30)
             + marked(column(290, 92, 15, start=60), "Charlie") + marked(column(410, 92, 15, start=90), "Delta")
             + text_lines(["A Small Side Story Title"], 530, 80, size=7, bold=True)
             + text_lines(["By Bo Ray"], 530, 90, size=9, bold=True)
             + marked(column(530, 104, 15, start=120), "Kilo"))
    layout = analyse_page(page(words, width=660))
    lead = story_of(layout, "Alfa")
    assert story_of(layout, "Charlie") == story_of(layout, "Delta") == lead
    assert story_of(layout, "Kilo") != lead


def test_a_title_atop_the_first_column_level_with_the_text_beside_under_the_headline_is_its_crosshead():
    """A serial's headline over its later columns, reaching into the first, whose part title
    stands on the story's first row of text, level with the text starting beside it ("TROISIEME
    PARTIE" under "Grand roman d'aventures", NewsEye Le Petit Marseillais 1942): the title is the
    story's crosshead and its first column is read first. A headline that stops short of the
    column, set beside it, leaves the title heading a story of its own."""
    def serial(headline_x: float):
        words = (text_lines(["Grand Roman Serial"], headline_x, 60, size=24)
                 + text_lines(["PART THREE"], 62, 100, size=14)
                 + marked(column(50, 122, 14), "FIRSTCOL")
                 + marked(column(170, 100, 16, start=60), "SECONDCOL")
                 + column(290, 100, 16, start=120))
        return analyse_page(page(words))

    layout = serial(140)
    assert headlines(layout) == ["Grand Roman Serial"]
    (story,) = layout.stories
    assert story.first("crosshead").text == "PART THREE"
    text = " ".join(b.text for b in story.blocks if b.role == "body")
    assert -1 < text.find("FIRSTCOL") < text.find("SECONDCOL")
    beside = serial(172)
    assert sorted(headlines(beside)) == ["Grand Roman Serial", "PART THREE"]
    assert story_of(beside, "FIRSTCOL") != story_of(beside, "SECONDCOL")


def test_a_title_shrunk_to_a_sliver_stops_its_span_at_a_picture_level_with_its_byline():
    """A narrow story's long title shrunk to 4 points to fit its column stands right over its
    byline, level with the top of the lead story's picture beside it; the lead's title, over
    the six columns under the picture, covers under half of the last. Level with the title
    alone there is nothing, and its span reached over the picture to the lead's last column
    (Typst page 07 of seed 125); the byline under it counts with it and stops the span at the
    picture's edge, so the last column stays the lead's."""
    chart = Box(30, 184, 708, 341)
    lead = [w for i, x in enumerate(range(30, 619, 98))
            for w in marked(column(x, 357, 15, width=90, size=9, pitch=11, start=20 * i), f"LEAD{i}")]
    words = (text_lines(["Lead Story Runs Across The Whole Module"], 76, 112, size=30, bold=True)
             + text_lines(["By Ann Lee"], 350, 160, size=9, bold=True)
             + text_lines(["A long side title shrunk to fit its co"], 729, 180, size=4, bold=True)
             + text_lines(["By Bo Chen"], 734, 186, size=9, bold=True)
             + marked(column(722, 200, 60, width=90, size=9, pitch=11, start=7), "SIDETEXT") + lead)
    layout = analyse_page(page(words, figures=[chart], width=840, height=900))
    assert headlines(layout) == ["Lead Story Runs Across The Whole Module", "A long side title shrunk to fit its co"]
    assert story_of(layout, "LEAD6") == story_of(layout, "LEAD0") != story_of(layout, "SIDETEXT")


def test_a_headline_running_into_the_next_column_does_not_take_its_text_below():
    """A two-line headline whose box runs 2 points into the next column (Scribus sets CJK
    titles a little wider than their column: scribus_s163_04_zh), level with that column's
    text, which runs on from a headline of its own higher up: the column's lower part, cut off
    by white, stays with that story; the headline's span stops at the column it runs into."""
    words = (text_lines(["Harbour Plan"], 292, 40, size=20) + marked(column(292, 70, 14), "Alfa")
             + marked(column(292, 280, 14, start=70, indent_first=True), "Bravo")
             + text_lines(["Road Works"], 172, 100, size=24.4) + marked(column(172, 130, 12, start=30), "Charlie"))
    stories = {s.blocks[0].text: [b.text.split()[0] for b in s.blocks[1:]] for s in analyse_page(page(words)).stories}
    assert stories == {"Harbour Plan": ["Alfa", "Bravo"], "Road Works": ["Charlie"]}


def test_a_title_running_a_hair_into_the_next_column_under_its_headline_heads_its_own_story():
    """A title whose box runs 2 points into the next column (Scribus sets CJK titles a little
    wider than their column), its top a little above the foot of that column's two-line
    headline, whose text starts right under it (scribus_s167_09_zh): the headline reaches into
    the title's column no further than boxes that meet run into each other, so the title is
    set beside it and heads a story of its own, not that story's crosshead."""
    words = (text_lines(["Harbour Plan", "Works Now"], 172, 40, size=20, pitch=22)
             + marked(column(172, 86, 20), "Alfa")
             + text_lines(["Road Works Gone"], 50, 78, size=16.5) + marked(column(50, 100, 16, start=40), "Bravo"))
    layout = analyse_page(page(words))
    assert sorted(headlines(layout)) == ["Harbour Plan Works Now", "Road Works Gone"]
    assert story_of(layout, "Alfa") != story_of(layout, "Bravo")


def test_the_last_column_of_a_module_its_centred_kicker_spans_opens_with_a_crosshead():
    """A kicker centred on three columns over a left-set headline that covers two of them; the
    third column opens with a title on the story's first row of text, white above it beside
    the header (scribus_s167_02_zh): the column is the story's, its title a crosshead. With the
    kicker set left, nothing says the module reaches the third column: a story of its own."""
    def module(kicker_x: float):
        words = (text_lines(["Kicker line here"], kicker_x, 141, bold=True)
                 + text_lines(["Big Headline Left"], 50, 154, size=24)
                 + marked(column(50, 200, 16), "FIRSTCOL") + marked(column(170, 200, 16, start=60), "SECONDCOL")
                 + text_lines(["Side Title"], 310, 198, size=12)
                 + marked(column(290, 216, 14, start=120), "THIRDCOL"))
        return analyse_page(page(words))

    layout = module(180)
    assert headlines(layout) == ["Big Headline Left"]
    assert story_of(layout, "THIRDCOL") == story_of(layout, "FIRSTCOL")
    (lead,) = [s for s in layout.stories if s.id == story_of(layout, "FIRSTCOL")]
    assert lead.first("crosshead").text == "Side Title"
    beside = module(50)
    assert sorted(headlines(beside)) == ["Big Headline Left", "Side Title"]


def test_a_crosshead_under_the_run_on_lines_of_the_last_column_a_centred_kicker_spans_is_the_storys():
    """The module's last column opens with the last lines of a paragraph run on from the column
    before, then a title that placing took for a story's headline (scribus_s161_04_zh): nothing
    of another story stands over the title in its column, and the kicker centred on the module
    holds it: the story's crosshead. With the kicker set left, it heads a story of its own."""
    def block(text: str, x: float, y: float, size: float, role: str) -> Block:
        (b,) = build_blocks(build_lines(text_lines([text], x, y, size=size), (), P), (), (), (), P)
        return replace(b, role=role)

    def absorbed(kicker_x: float) -> bool:
        host = Group([block("Kicker line here", kicker_x, 141, 10, "kicker"), block("Big Headline Left", 50, 154, 24, "headline")])
        host.units += [Unit(Box(x, 200, x + 100, 390), block=block("text", x, 200, 10, "body"), home=host) for x in (50, 170)]
        host.units.append(Unit(Box(290, 200, 390, 222), block=block("run on", 290, 200, 10, "body"), home=host))
        side = Group([block("Side Title", 310, 230, 13, "headline")])
        side.units.append(Unit(Box(290, 262, 390, 390), block=block("text", 290, 262, 10, "body"), home=side))
        subheads.absorb_inset_heads([host, side], 10)
        return not side.header and any(u.block.role == "crosshead" for u in host.units)

    assert absorbed(180)
    assert not absorbed(50)


def test_the_text_under_a_crosshead_atop_a_story_s_last_column_stays_the_story_s():
    """A story across three columns, its headline ending in the third; the third column opens
    with a line run on, a crosshead, then text (reportlab_s171_07_en). The next story's
    headline, a kicker and two lines beside it, ends lower, and its span reaches back over the
    white to the first headline: the text under the crosshead and the jump line under it go on
    in the first story all the same."""
    words = (text_lines(["Senator Completes Pipe"], 50, 60, size=24)
             + marked(column(50, 100, 20), "ALFA") + column(170, 100, 20, start=30)
             + text_lines(["office."], 290, 100) + text_lines(["The Policy Question"], 290, 126, size=11, bold=True)
             + marked(column(290, 142, 8, start=60), "POLICY") + text_lines(["Continued on Page A9"], 300, 240, size=8)
             + text_lines(["The Stadium Debate"], 420, 66) + text_lines(["County Introduces", "Early Warehouse"], 420, 80, size=24, pitch=28)
             + marked(column(420, 140, 20, start=90), "COUNTY") + column(540, 140, 20, start=120))
    layout = analyse_page(page(words))
    assert story_of(layout, "POLICY") == story_of(layout, "ALFA") != story_of(layout, "COUNTY")
    assert story_of(layout, "Continued") == story_of(layout, "ALFA")


def test_a_title_of_the_pages_crosshead_size_in_a_story_s_last_column_is_its_crosshead():
    """A story under a headline over its first two columns, a crosshead in the second; its
    third and last column has its text over a centred title of that crosshead's size
    (People's Daily centres its crossheads in every column, scribus_s175_07_zh), its text on
    the left all the way down and nothing on the right: the story's outer edge stands for the
    text on that side, the title is the story's crosshead. Set a size up from the page's
    crossheads, it heads a story of its own (an advertisement in an old paper's last column)."""
    def layout_with(size: float):
        words = (text_lines(["The Story Across"], 50, 60, size=24) + column(50, 100, 25)
                 + column(170, 100, 12, start=30) + text_lines(["at first."], 170, 244)
                 + text_lines(["Part One"], 198, 262, size=11, bold=True) + column(170, 286, 10, start=40)
                 + column(290, 100, 8, start=60) + text_lines(["at last."], 290, 196)
                 + text_lines(["Part Two"], 340 - 2 * size, 214, size=size, bold=True)
                 + marked(column(290, 238, 14, start=70), "PART"))
        return analyse_page(page(words))

    crossheaded = layout_with(11)
    assert headlines(crossheaded) == ["The Story Across"]
    assert story_of(crossheaded, "PART") == story_of(crossheaded, "The Story Across")
    assert [b.text for s in crossheaded.stories for b in s.blocks if b.role == "crosshead"] == ["Part One", "Part Two"]
    headed = layout_with(15)
    assert "Part Two" in headlines(headed)
    assert story_of(headed, "PART") != story_of(headed, "The Story Across")


def test_a_column_running_on_past_a_headline_s_top_is_not_that_headline_s_text_beside_it():
    """A headline over two columns, its text starting further down, with a third column
    beside it whose text runs on from above its top, cut into a new block level with it
    (scribus_s179_04_zh: lines condensed to justify them read a size apart): that block goes
    on with its column's story, no side headline's text."""
    #  Top Story      ░░Alfa       Alfa runs from above "Harbour"'s top to under it;
    #  ──────────     ░░░░░        Bravo, under it in its column, level with "Harbour",
    #  Harbour Plan   ░░Bravo      is Top Story's
    #                 ░░░░░
    #  ░░Kilo ░░░░░   ░░░░░
    words = (text_lines(["Top Story"], 290, 40, size=20) + marked(column(290, 76, 10), "Alfa")
             + marked(column(290, 196, 8, size=9.5, start=40), "Bravo")
             + text_lines(["Harbour Plan Wins Vote"], 50, 180, size=20)
             + marked(column(50, 250, 8, start=60), "Kilo") + column(170, 250, 8, start=90))
    layout = analyse_page(page(words, rules=[(Box(50, 170, 280, 170.5), "h")]))
    assert story_of(layout, "Bravo") == story_of(layout, "Alfa") != story_of(layout, "Kilo")


def test_a_side_headline_under_a_story_with_no_rule_between_takes_the_row_beside_it_and_the_columns_under():
    """A side headline in the first column under a wide story's end, no rule between (holdout_53_01_zh):
    beside it a boxed sidebar whose outline stands 1.3 pt under the next column's first line,
    that column's text, and the text under the box. The box's own outline is no rule between
    the headline and it; the row beside the headline is read from the box on, whatever a point
    up or down; and the columns go on down in the side headline's story, not the wide one's
    over them. ::

        ══ Wide Story On Top Of The Page ══
        ░░░░░ ░░░░░ ░░░░░
        Counc ┌───┐ ░Lima
        Plans │box│ ░░░░░
              └───┘ ░░░░░
              ░Kilo ░░░░░
    """
    frame = Box(168, 182.6, 272, 236)  # its top half a line lower than Lima's by rounding
    outline = [(Box(168, 182.6, 272, 182.6), "h"), (Box(168, 236, 272, 236), "h"),
               (Box(168, 182.6, 168, 236), "v"), (Box(272, 182.6, 272, 236), "v")]
    words = (text_lines(["Wide Story On Top Of The Page"], 50, 40, size=24)
             + column(50, 80, 6) + column(170, 80, 6, start=30) + column(290, 80, 6, start=60)
             + text_lines(["Council Plans", "New Budget"], 50, 180, size=16, pitch=18)
             + text_lines(["FACTS"], 172, 185, size=11, bold=True) + column(172, 200, 3, width=96, start=5)
             + marked(column(170, 246, 10, start=90), "Kilo") + marked(column(290, 181.3, 16, start=20), "Lima"))
    layout = analyse_page(page(words, frames=[frame], rules=outline))
    side = next(s for s in layout.stories if s.first("headline") and s.first("headline").text == "Council Plans New Budget")
    assert story_of(layout, "Kilo") == story_of(layout, "Lima") == side.id
    assert [s.first("headline").text for s in side.sidebars] == ["FACTS"]


def test_a_column_ending_just_over_a_side_title_s_top_goes_on_into_the_crosshead_under_it():
    """A story's column runs down to 2 pt over the top of a lower headline set left of it, and
    its crosshead stands right under (holdout_37_03_zh: "城乡融合的“东湖实践”" in the last
    column, beside "南城社区畅通健身步道"): the column goes on into the crosshead, which is not the
    headline's beside it. A column that ended more than a line over the title's top leaves
    the crosshead level with the title to it."""
    def block(box: Box, role: str, size: float = 10) -> Block:
        return Block((Line((), box, "text", size, False, False),), box, size, False, False, role=role)
    for foot, own in ((298, True), (285, False)):
        above = Group([block(Box(290, 40, 390, 60), "headline", 20)])
        beside = Group([block(Box(50, 300, 250, 320), "headline", 20)])
        placer = Placer([above, beside], [], [], 10, P)
        column_box = Box(290, 70, 390, foot)
        placer.place(Unit(column_box, block=block(column_box, "body")), above)
        cross = Box(290, 303, 367, 314)
        assert (placer.home(Unit(cross, block=block(cross, "crosshead", 11))) is above) is own


def test_a_title_the_ocr_could_not_read_ends_the_story_above_it():
    #  ══ MAISON ══     an advertisement's title and text, then a title in display type that
    #  ░A░░░░░░░░       OCR read as garbage ("-G QIB#-", its letters no word), held in the
    #  ▒-G QIB#-▒       column; the racing news under it is not the advertisement's text
    #  ░B░░░░░░░░       (Le Gaulois, 30 April 1884, page 3): the garbage starts its story
    def ocr(words, confidence=0.9):
        return [replace(w, font="", confidence=confidence) for w in words]

    words = ocr(text_lines(["Maison Simon"], 50, 80, size=16) + marked(column(50, 100, 8), "Alpha")
                + marked(column(50, 230, 12, start=40), "Bravo"))
    garbage = ocr([word("-G QIB#-", 52, 198, size=24)], confidence=0.3)
    layout = analyse_page(page(words + garbage))
    assert story_of(layout, "Bravo") != story_of(layout, "Alpha")
    read = analyse_page(page(words + ocr([word("Courses", 52, 198, size=24)])))  # a title read
    assert story_of(read, "Bravo") != story_of(read, "Alpha")


def test_a_column_opening_mid_sentence_goes_on_from_the_text_an_ad_interrupts():
    #  ══ A ══  ░g░░░      g opens its column mid-sentence; the column before ends in an
    #  ░A░░░░░  ░g░░░      advertisement whose text closes ("… Hôtel des Voyageurs."); A's
    #  ░A░░░ -  ░g░░░      text breaks off over the ad: g goes on from A, not from the ad
    #  ══ AD ══ ░g░░░      (Ouest-Eclair Caen, 18 December 1924, page 7)
    #  ░AD░░░.  ░g░░░
    ad = column(50, 250, 6, start=70)
    ad[-1] = replace(ad[-1], text=ad[-1].text + ".")
    words = (text_lines(["First"], 50, 80, size=16) + marked(column(50, 100, 10), "Alpha")
             + text_lines(["Pilules"], 50, 230, size=16) + marked(ad, "Hotel")
             + marked(column(170, 70, 24, start=20), "golf"))  # over A's title: no title's text
    layout = analyse_page(page(words))
    assert story_of(layout, "golf") == story_of(layout, "Alpha") != story_of(layout, "Hotel")


def test_a_title_of_the_pages_crosshead_size_in_a_story_s_last_column_beside_another_story_is_its_crosshead():
    """As above, the story's last column with its text over a centred title of the page's
    crosshead size and its own text on the left all the way down, but the next story's column
    beside it on the right (scribus_s183_03_zh: "健全村民文化场馆…" under the first lines of
    the last column of a story whose headline spans the three before): beyond the story's
    outer edge, another story's text stands for no text of its own there; the title is the
    story's crosshead, the story beside keeps its own text."""
    words = (text_lines(["The Story Across"], 50, 60, size=24) + column(50, 100, 25)
             + column(170, 100, 12, start=30) + text_lines(["at first."], 170, 244)
             + text_lines(["Part One"], 198, 262, size=11, bold=True) + column(170, 286, 10, start=40)
             + column(290, 100, 8, start=60) + text_lines(["at last."], 290, 196)
             + text_lines(["Part Two"], 318, 214, size=11, bold=True)
             + marked(column(290, 238, 14, start=70), "PART")
             + text_lines(["Other News"], 410, 60, size=24) + marked(column(410, 100, 25, start=20), "OTHER"))
    layout = analyse_page(page(words))
    assert "Part Two" not in headlines(layout)
    assert story_of(layout, "PART") == story_of(layout, "The Story Across") != story_of(layout, "OTHER")
    assert story_of(layout, "OTHER") == story_of(layout, "Other News")


def test_the_last_column_of_a_module_its_headlines_span_runs_over_opens_with_a_crosshead():
    """A headline set left over two columns, its span running on over the white beside it
    over a third column, which opens level with the story's first row of text with a title of
    the page's crosshead size (scribus_s183_07_zh: "建设学生特色产业…" atop the fourth column,
    the headline over three): the column is the story's, the title its crosshead. With the span
    stopped at the second column (text of another story level with the headline), or the
    title a size off the page's crossheads, it heads a story of its own."""
    def block(text: str, x: float, y: float, size: float, role: str) -> Block:
        (b,) = build_blocks(build_lines(text_lines([text], x, y, size=size), (), P), (), (), (), P)
        return replace(b, role=role)

    def absorbed(span_end: float, size: float) -> bool:
        host = Group([block("Big Headline Left", 50, 154, 24, "headline")])
        host.span = Box(50, 154, span_end, host.anchor_box.y1)
        host.units += [Unit(Box(x, 200, x + 100, 390), block=block("text", x, 200, 10, "body"), home=host)
                       for x in (50, 170)]
        host.units.append(Unit(Box(190, 300, 250, 311), block=block("Part One", 190, 300, 11, "crosshead"), home=host))
        side = Group([block("Side Title", 310, 201, size, "headline")])
        side.units.append(Unit(Box(290, 222, 390, 390), block=block("text", 290, 222, 10, "body"), home=side))
        subheads.absorb_inset_heads([host, side], 10)
        return not side.header and any(u.block.role == "crosshead" and u.box.x0 >= 290 for u in host.units)

    assert absorbed(392, 11)
    assert not absorbed(272, 11)
    assert not absorbed(392, 13)


def test_a_headline_heading_no_text_takes_the_run_level_with_it_past_the_white_beside_it():
    """A side headline ending five body sizes and more left of its text (51 pt at 10-point body,
    holdout_41_04_en) is past ``Placer._anchor_beside``'s reach: the text was placed as a
    headless run and the headline headed only its byline. It opens that run, the nearest one
    level with it to its right, unless print or a vertical rule stands in the white between."""
    def setup():
        side = Group([_block("Agency Approves Modest Survey", 33, 746, 126, 841, 20, "headline")])
        byline = Unit(Box(33, 840, 94, 851), block=_block("By Diane Novak", 33, 840, 94, 851, 8, "byline"))
        byline.home = side
        side.units.append(byline)
        runs = [Group([]), Group([])]
        for g, x0 in zip(runs, (177, 312)):
            u = Unit(Box(x0, 748, x0 + 120, 1030), block=_block("text", x0, 748, x0 + 120, 1030, 10, "body"))
            u.home = g
            g.units.append(u)
        low = Group([])  # a run starting well under the headline's foot is not level with it
        u = Unit(Box(177, 1060, 297, 1200), block=_block("low", 177, 1060, 297, 1200, 10, "body"))
        u.home = low
        low.units.append(u)
        return [side, low, *runs]

    groups = setup()
    subheads.side_heads_take_runs(groups, [], 10)
    assert [u.box.x0 for u in groups[0].units[1:]] == [177]  # the nearer run, not the one past it
    assert groups[1].units and not groups[2].units and groups[3].units
    groups = setup()
    subheads.side_heads_take_runs(groups, [Box(150, 740, 151, 1040)], 10)  # a column rule between
    assert len(groups[0].units) == 1 and groups[2].units
    groups = setup()
    groups[0].units[0].box = Box(33, 840, 160, 851)  # print in the white between
    subheads.side_heads_take_runs(groups, [], 10)
    assert len(groups[0].units) == 1 and groups[2].units
    groups = setup()
    groups[2].units[0].box = Box(177, 726, 297, 1030)  # starting two lines over the headline
    subheads.side_heads_take_runs(groups, [], 10)
    assert len(groups[0].units) == 1 and groups[2].units


def test_a_crosshead_atop_the_last_column_of_a_story_headed_beside_its_text_is_its_own():
    """A story headed beside its text opens its last column with a crosshead on its first
    row ("The Network Question", holdout_23_10_en): the crosshead, of the page's crosshead size,
    stands level with the side headline's top, right of the story's text; its text ends no
    lower than the story's. A title of another size, or over text running on far below the
    story's, heads a story of its own."""
    def setup(size=8.4, foot=1109.9):
        def unit(home, x0, y0, x1, y1, text, role="body", size=8.0):
            u = Unit(Box(x0, y0, x1, y1), block=_block(text, x0, y0, x1, y1, size, role))
            u.home = home
            home.units.append(u)
        host = Group([_block("Council Revives Early Elections", 38.1, 913.5, 125.6, 1060, 21, "headline")])
        unit(host, 242.2, 915.9, 341.7, 1099.3, "school board")
        unit(host, 350.3, 915.9, 455.9, 1118.5, "station")
        unit(host, 242.2, 1100, 330, 1110, "The Station Question", "crosshead", 8.4)
        title = Group([_block("The Network Question", 465.9, 915.9, 547.6, 927.5, size, "headline")])
        unit(title, 465.9, 926.4, 574.1, foot, "Peter Sato")
        right = Group([_block("County Criticizes Stable Hearing", 584.1, 62.8, 682.1, 113.4, 20, "headline")])
        unit(right, 584.1, 180.2, 680.7, 1126.7, "In addition")
        return [host, title, right]

    host, title, right = groups = setup()
    subheads.absorb_inset_heads(groups, 8.0)
    assert not title.header and not title.units
    assert [u.block.raw_text for u in host.units][-2:] == ["The Network Question", "Peter Sato"]
    assert host.units[-2].block.role == "crosshead" and len(right.units) == 1
    for kw in ({"size": 12.0}, {"foot": 1400.0}):
        host, title, right = groups = setup(**kw)
        subheads.absorb_inset_heads(groups, 8.0)
        assert title.header and len(title.units) == 1 and len(host.units) == 3


def test_a_frame_right_under_a_storys_deck_is_that_storys_though_a_side_title_is_nearer():
    """A story's headline (foot at 170) and its deck placed under it (foot at 186, over 30 pt
    of the frame only: not the unit right above it in its column), a frame in the story's
    first column 6 pt under the deck (192); a narrow title of the column left of it,
    level with the frame and no text right under it (a side title), ends 16 pt left of the
    frame: nearer than the headline (22 pt over it), farther than the deck. The frame is the
    story's over it (holdout_109_09_zh: the sidebar "记者手记" and the text under it went to the
    story left of them). Without the deck, the nearer side title takes it."""
    def block(box: Box, role: str, size: float = 10) -> Block:
        return Block((Line((), box, "text", size, False, False),), box, size, False, False, role=role)
    for with_deck in (True, False):
        above = Group([block(Box(140, 150, 410, 170), "headline", 20)])
        beside = Group([block(Box(50, 186, 114, 253), "headline", 16)])
        placer = Placer([above, beside], [], [], 10, P)
        if with_deck:
            deck = Box(210, 175, 400, 186)
            placer.place(Unit(deck, block=block(deck, "deck", 11)), above)
        frame = Box(130, 192, 240, 262)
        assert (placer.home(Unit(frame, framed=[block(Box(135, 196, 235, 258), "body")])) is above) is with_deck


def test_a_sidebar_under_a_headline_is_its_text_below_not_a_side_headline():
    """A headline over two columns, its text under it in the first and a boxed sidebar in the
    second, has its text below: the column starting level with it, right of it under another
    story's picture, stays that story's (holdout_113_00_en)."""
    #  ══ Other Story ══
    #                 [ picture ]
    #  ══ Wide Headline ══  ░Zulu░
    #  ░░░░░  [ sidebar ]  ░░░░░
    words = (text_lines(["Other Story"], 300, 40, size=24)
             + text_lines(["Wide Headline Over Two"], 50, 186, size=20)
             + column(50, 220, 15) + column(175, 222, 6, width=90, start=40)
             + marked(column(300, 176, 15, start=80), "Zulu"))
    layout = analyse_page(page(words, figures=[Box(300, 80, 400, 168)], frames=[Box(170, 218, 270, 300)]))
    assert story_of(layout, "Zulu") == layout.stories[headlines(layout).index("Other Story")].id


def test_a_ragged_side_headline_leads_the_picture_its_white_reaches():
    """A side headline of short words ends six body sizes short of the picture level with it;
    its span, widened over the white level with it, reaches the picture: the picture is beside
    it (holdout_113_06_en); a title whose span stops at something between is not, nor one of a
    single line, which ends where its words do."""
    #  Board ······ [ picture ]      the title's box ends at 120, its span at 175
    #  Revives      [         ]
    title = Box(50, 42, 120, 128)
    lines = (Line((), Box(50, 42, 100, 62), "Board", 20, True, False), Line((), Box(50, 64, 120, 84), "Revives", 20,
                                                                            True, False))
    head = Block(lines, title, 20, True, False, role="headline")
    picture = Unit(Box(175, 42, 400, 150), figure=Figure(Box(175, 42, 400, 140)))
    reaching, short = Group([head], span=Box(50, 42, 175, 128)), Group([head], span=Box(50, 42, 130, 128))
    assert Placer([reaching], [], [], 10.0, P).home(picture) is reaching
    assert Placer([short], [], [], 10.0, P).home(picture) is None
    one = Group([replace(head, lines=lines[:1])], span=Box(50, 42, 175, 128))  # a title of one line is not ragged
    assert Placer([one], [], [], 10.0, P).home(picture) is None
