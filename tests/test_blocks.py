"""Stage 2, lines → blocks, on hand-made lines."""

from dataclasses import fields, replace

from layout.analysis.blocks import build_blocks, with_role
from layout.analysis.lines import build_lines
from layout.analysis.linestyle import make_line
from layout.model import Block, Box, Figure, Rule, WordBreak
from layout.params import Params

from synth import column, text_lines, word

P = Params()


def blocks_of(words, rules=(), frames=(), figures=()):
    lines = build_lines(words, rules, P)
    return sorted(build_blocks(lines, figures, rules, frames, P), key=lambda b: (b.box.x0, b.box.y0))


def test_lines_of_one_column_form_one_block():
    (b,) = blocks_of(column(50, 100, 8))
    assert len(b.lines) == 8


def test_two_columns_form_two_blocks():
    assert [len(b.lines) for b in blocks_of(column(50, 100, 5) + column(170, 100, 5))] == [5, 5]


def test_ocr_lines_taller_than_their_pitch_still_form_one_block():
    """Fraktur OCR boxes (ascenders and descenders) overlap the next line by over half a size."""
    # Size 10, boxes 12 tall, a pitch of 7: each line reaches 5 into the one above, and the
    # last, set 2 higher by the OCR, reaches 7 (0.7 of the size) into it.
    words = [replace(w, box=replace(w.box, y1=w.box.y0 + 12)) for w in column(50, 100, 6, pitch=7)]
    last = words[-1].box.y0
    words = [replace(w, box=replace(w.box, y0=w.box.y0 - 2, y1=w.box.y1 - 2)) if w.box.y0 == last else w
             for w in words]
    (b,) = blocks_of(words)
    assert len(b.lines) == 6


def test_a_change_of_size_starts_a_block():
    words = text_lines(["A Headline"], 50, 80, size=20) + column(50, 106, 4)
    assert [b.size for b in blocks_of(words)] == [20, 10]


def test_a_change_of_typeface_at_the_same_size_starts_a_block():
    words = [word("记者手记", 50, 100, font="Hei")] + text_lines(["正文第一行", "正文第二行"], 50, 112, font="Song")
    assert [len(b.lines) for b in blocks_of(words)] == [1, 2]


def test_a_rule_between_two_lines_starts_a_block():
    rule = Rule(Box(50, 111, 150, 111.5), "h")
    assert len(blocks_of(column(50, 100, 2, pitch=12.5), rules=(rule,))) == 2


def test_a_wide_gap_between_lines_starts_a_block():
    words = column(50, 100, 3) + column(50, 160, 3, start=20)
    assert len(blocks_of(words)) == 2


def test_lines_inside_a_frame_do_not_join_lines_outside_it():
    frame = Box(45, 134, 160, 200)
    blocks = blocks_of(column(50, 100, 6), frames=(frame,))
    assert [b.frame for b in sorted(blocks, key=lambda b: b.box.y0)] == [None, 0]


def test_a_line_just_under_a_frames_foot_is_the_frames_text_run_past_it():
    """A box drawn a line short of its text (LaTeX's People's Daily commentary: its foot runs
    through its columns' last lines): the last line, its top 1 pt under the foot and set on
    in the box's leading, is the frame's. Text starting 5 pt under a box's foot, but 8 pt
    under its last line (set 2 pt apart), keeps a margin of its own: it is not the box's."""
    overran = Box(40, 90, 160, 159)  # the lines at 100-110 ... 148-158, then 160-170
    (b,) = blocks_of(column(50, 100, 6), frames=(overran,))
    assert len(b.lines) == 6 and b.frame == 0
    apart = Box(40, 90, 160, 125)  # lines at 100-110, 112-122; a column from 130 under it
    blocks = blocks_of(column(50, 100, 2) + column(50, 130, 3, start=20), frames=(apart,))
    assert [(len(b.lines), b.frame) for b in sorted(blocks, key=lambda b: b.box.y0)] == [(2, 0), (3, None)]


def test_the_lines_run_past_the_feet_of_many_frames_are_each_their_own_frames():
    """Twenty boxes in rows and columns (filed in a grid; their lines looked up by frame and
    foot, not scanned): each box's last line, 1 pt under its foot and in its leading, is that
    box's, never a neighbour's."""
    frames, words = [], []
    for row in range(4):
        for col in range(5):
            x, y = 50 + col * 130, 100 + row * 100
            frames.append(Box(x - 10, y - 10, x + 110, y + 59))  # lines at y ... y + 60, 1 under the foot
            words += column(x, y, 6)
    blocks = blocks_of(words, frames=frames)
    assert sorted((b.frame, len(b.lines)) for b in blocks) == [(k, 6) for k in range(20)]


def test_a_line_just_under_a_frames_foot_heading_the_text_below_is_not_the_frames():
    """groff's sidebar box over a column: the column's first line sets on 2 pt under the box's
    foot, as near its last line as a line run past it would be, but flush with the column
    below, not with the box's inset lines, and the next line is closer under it than it is
    under the box's text: it heads the column's text, not the box's (it was read in the box)."""
    frame = Box(40, 90, 160, 137)  # inset lines at 100-110 ... 124-134; the column from 139
    blocks = blocks_of(column(55, 100, 3, width=90) + column(40, 139, 4, width=120, start=20), frames=(frame,))
    assert [(len(b.lines), b.frame) for b in sorted(blocks, key=lambda b: b.box.y0)] == [(3, 0), (4, None)]


def test_a_figure_between_lines_is_not_crossed():
    figure = Figure(Box(50, 111, 150, 111.8))
    assert len(blocks_of(column(50, 100, 2, pitch=12.5), figures=(figure,))) == 2


def test_lines_an_ocr_file_put_in_one_block_stay_together_whatever_sizes_it_gave_them():
    """Some engines give every other line of a paragraph another size (26 and 37.5 px for type
    whose lines are 30 px tall): the block they found is the evidence. Without it, the sizes
    part them."""
    words = column(50, 100, 8)
    words = [replace(w, size=w.size * (1.44 if (w.box.y0 - 100) // 12 % 2 else 1.0)) for w in words]
    assert len(blocks_of(words)) > 1
    ocr = [replace(w, source_block=7, source_line=int(w.box.y0)) for w in words]
    (b,) = blocks_of(ocr)
    assert len(b.lines) == 8


def test_a_table_of_many_columns_makes_one_block_per_column():
    """Thirty columns of cells, twenty rows: each line tries only the open blocks over it
    (filed by stripes of the page), and still finds its own column's. (Cells of labels: a row
    of figures is one line, ``rowcuts.between_figures``.)"""
    words = [word(f"x{r % 10}.{c % 10}", 40 + 45 * c, 100 + 12 * r) for r in range(20) for c in range(30)]
    bs = blocks_of(words)
    assert [len(b.lines) for b in bs] == [20] * 30
    assert all(len({ln.box.x0 for ln in b.lines}) == 1 for b in bs)


def test_blocks_close_when_the_text_above_ends_far_up_and_restart_below():
    """A column, a gap of five lines, the column again: two blocks, in the order they closed."""
    words = column(50, 100, 4) + column(50, 100 + 12 * 9, 4, start=40)
    bs = build_blocks(build_lines(words, (), P), (), (), (), P)
    assert [b.box.y0 for b in bs] == [100, 100 + 12 * 9]


def test_fragments_an_ocr_engine_found_level_with_a_line_keep_the_engines_order():
    """A noisy scan: the engine found "its„" as part of a line stretched 2 sizes tall, and
    "9'een" / "oth" as lines of their own level with the next one. Lines of one OCR block
    overlapping that much stay in that block, and where the page cannot order two lines
    standing level, the engine's line order inside its block does."""
    def line(texts, x0, y0, height, number):
        out, x = [], x0
        for t in texts:
            out.append(replace(word(t, x, y0), box=Box(x, y0, x + 6 * len(t), y0 + height),
                               source_block=3, source_line=number))
            x += 6 * len(t) + 4
        return out
    words = (line(["Interests", "to", "carry", "into", "effect"], 60, 100, 10, 0)
             + line(["its„", "Year,", "with", "respect", "to", "the"], 52, 102, 18, 1)
             + line(["t", "Holland", "and", "Belgium,", "by", "the"], 50, 121, 11, 2)
             + line(["9'een"], 52, 122, 12, 3)
             + line(["governments,", "that", "each", "of", "those"], 60, 133, 11, 4))
    (b,) = blocks_of(words)
    assert [ln.text.split()[0] for ln in b.lines] == ["Interests", "its„", "t", "9'een", "governments,"]



def test_a_map_name_on_a_column_line_stays_with_the_map():
    """A map drawn over the first column: a name on it, set small and reaching into the
    gutter, stands on the baseline of a line of the next column. The line stage joined them
    (the gutter under the name was hidden); the blocks cut them at the map's edge."""
    words = column(160, 100, 12) + [word("Riverton", 133, 125, size=6)]  # to 157: 3 pt short
    lines = build_lines(words, (), P)
    assert any("Riverton" in ln.text and len(ln.words) > 1 for ln in lines)  # joined, as on the page
    blocks = build_blocks(lines, (Figure(Box(50, 95, 154, 160), drawn=True),), (), (), P)
    (name,) = [b for b in blocks if "Riverton" in b.text or any("Riverton" in ln.text for ln in b.lines)]
    assert [ln.text for ln in name.lines] == ["Riverton"]
    assert sum(len(b.lines) for b in blocks if b.box.x0 >= 160) == 12


def test_a_charts_axis_label_does_not_join_the_caption_under_the_chart():
    """A bar chart drawn in a tinted panel: its first axis label ("2019") stands over the
    caption set just under the panel's edge, at the caption's size and in its face, closer
    than a line's leading. Inside the figure and outside it, they are two blocks: joined,
    the caption starts inside the chart, is taken for neither caption nor label, and the
    year is read into it."""
    chart = Figure(Box(50, 40, 200, 112), drawn=True)
    label = [word("2019", 60, 103, size=7.5)]
    caption = text_lines(["Homes renewed. Graphic: Ann Lee"], 50, 114, size=7.5, pitch=9)
    blocks = sorted(blocks_of(label + caption, figures=(chart,)), key=lambda b: b.box.y0)
    assert [[ln.text for ln in b.lines] for b in blocks] == [["2019"], ["Homes renewed. Graphic: Ann Lee"]]


def _region(words, number):
    """Words as an OCR file gives them: in region ``number``, one found line per row."""
    return [replace(w, source_block=number, source_line=1000 * number + int(w.box.y0)) for w in words]


def test_ocr_regions_of_one_column_and_of_two_are_never_one_block():
    """Two columns of an OCR page, then a notice set across both: the left column's text runs
    straight on into the notice's lines (same size, same edge), but the file's regions say one
    is a column wide and the other two."""
    left, right = _region(column(50, 100, 6), 1), _region(column(170, 100, 6, start=30), 2)
    across = _region(column(50, 172, 4, width=220, start=60), 3)
    blocks = blocks_of(left + right + across)
    assert sorted(len(b.lines) for b in blocks) == [4, 6, 6]
    # The same lines in one region are the engine's word that they belong together.
    (whole,) = blocks_of(_region(column(50, 100, 6) + column(50, 172, 4, width=220, start=60), 1))
    assert len(whole.lines) == 10


def test_an_ocr_region_of_a_short_title_stands_apart_from_the_text_under_it():
    """A centred title at the body size, boxed as a region of its own: not the first line of
    the paragraph under it."""
    title = _region([word("Le Nord.", 95, 88)], 1)
    text = _region(column(50, 100, 6), 2)
    assert sorted(len(b.lines) for b in blocks_of(title + text)) == [1, 6]
    assert [len(b.lines) for b in blocks_of([replace(w, source_block=None, source_line=None)
                                             for w in title + text])] == [7]


def test_a_cjk_paragraphs_last_line_mostly_in_latin_digits_stays_in_its_column():
    """A CJK paragraph ends on a short line "台8.5%。": the digits are in the Latin face, so most
    of the line's characters are, but it has words in the CJK face of the lines above and the
    same size: one block (as its own block it fell out of its place in the column)."""
    words = [word("金沙湾聚焦供暖管网推进电商平", 50, 100 + 12 * i, font="NotoSerifCJK") for i in range(3)]
    words += [word("台", 50, 136, font="NotoSerifCJK"), word("8.5%", 60, 136, font="Libertinus"),
              word("。", 80, 136, font="NotoSerifCJK")]
    (b,) = blocks_of(words)
    assert len(b.lines) == 4 and b.lines[-1].font == "libertinus"
    # a line all in another face at the same size still starts a block
    assert len(blocks_of(words[:3] + [word("8.5%", 50, 136, font="Libertinus")])) == 2


def test_a_rule_in_a_columns_own_leading_is_the_edge_of_a_box_the_text_overran():
    """A frame drawn a line short of its text: its bottom edge falls in the ordinary gap
    between a column's last two lines, and the last line stays with its column. A rule with
    white of its own above and below (wider than the column's leading) parts two blocks."""
    overran = Rule(Box(40, 159, 160, 159.3), "h")  # between the lines at 148-158 and 160-170
    (b,) = blocks_of(column(50, 100, 6), rules=(overran,))
    assert len(b.lines) == 6
    apart = Rule(Box(40, 161, 160, 161.3), "h")  # 158 above, 164 below: 6 of white, not 2
    words = column(50, 100, 5) + column(50, 164, 3, start=20)
    assert [len(b.lines) for b in blocks_of(words, rules=(apart,))] == [5, 3]


def _found(texts, x0, y0, height, block, number, size=10):
    """One line an OCR engine found: words ``height`` tall from ``x0`` on, in its block."""
    out, x = [], x0
    for t in texts:
        out.append(replace(word(t, x, y0, size), box=Box(x, y0, x + 0.5 * size * len(t), y0 + height),
                           source_block=block, source_line=number))
        x += 0.5 * size * (len(t) + 1)
    return out


def test_a_speck_the_engine_found_level_with_its_line_stays_in_that_lines_block():
    """The Liverpool Standard, 1832: the engine read the "l" of "apply" as a line "i" of its
    own, less than half as tall as its line and level with its top. Stacked, such a height
    would part a title from its small print; level with a line of its block, it is that
    line's, and the engine's order puts it where it read it."""
    words = (_found(["conveyance", "for", "goods", "and", "passengers,", "for", "terms"], 50, 100, 12, 4, 0)
             + _found(["i"], 60, 114, 5, 4, 1, size=4)
             + _found(["apply", "to", "Cyrus", "Morrall", "and", "Son,", "merchants."], 50, 114, 12, 4, 2)
             + _found(["who", "will", "forward", "goods", "to", "every", "port", "named."], 50, 128, 12, 4, 3))
    (b,) = blocks_of(words)
    assert [ln.text.split()[0] for ln in b.lines] == ["conveyance", "i", "apply", "who"]
    # stacked under its line, not level with one, a short line of the block starts its own
    stacked = [w for w in words if w.text != "i"] + _found(["i"], 60, 142, 5, 4, 4, size=4)
    assert sorted(len(b.lines) for b in blocks_of(stacked)) == [1, 3]


def test_lines_the_engine_found_inside_its_block_stay_in_that_block():
    """The Liverpool Standard, 1832, and Le Matin, 1893: the engine read dirt and a rule as
    lines of their own, in the block of the lines around them: "." in the leading between two
    lines, "UIUIIIV" off a rule between two paragraphs, "„.•" at the column's right edge level
    with a paragraph's short last line ("may be had."). None overlaps a line across, or is
    set in the text's size, so each stood as a block of its own, then as noise out of the
    story, and the archive's text of the block was broken at each. Inside their block's lines
    they stay in it, by their height, level with a line in the engine's order; one outside
    every group of its engine block's lines (in the margin) still stands apart."""
    words = (_found(["The", "House", "was", "built", "expressly", "for", "the", "present"], 50, 100, 12, 6, 0)
             + _found(["."], 80, 112, 2, 6, 1, size=2)
             + _found(["owner,", "in", "the", "most", "substantial", "manner,", "and", "it"], 50, 114, 12, 6, 2)
             + _found(["UIUIIIV"], 90, 128, 4, 6, 3, size=4)
             + _found(["stands", "on", "the", "corner", "of", "the", "square,", "and"], 50, 134, 12, 6, 4)
             + _found(["may", "be", "had."], 50, 148, 12, 6, 5))
    right = max(w.box.x1 for w in words)
    words += _found(["„.•"], right - 15, 154, 4, 6, 6, size=4)
    (b,) = blocks_of(words)
    assert [ln.text.split()[0] for ln in b.lines] == ["The", ".", "owner,", "UIUIIIV", "stands", "may", "„.•"]
    margin = _found(["„.•"], right + 40, 154, 4, 6, 6, size=4)
    assert sorted(len(b.lines) for b in blocks_of(words[:-1] + margin)) == [1, 6]


def test_pieces_of_one_printed_line_side_by_side_in_one_ocr_block_stay_in_it():
    """The Liverpool Standard, 1832: the engine found "FURNITURE, JOINERS" (a tall glyph
    stretching it) and ", ISLINGTON." beside it as two lines, level, side by side, no letter
    over the other: one printed line, whose pieces stay in the block as one line (the second
    lies within the height of the first, which the tall glyph stretched: ``rejoin._inside``),
    in the engine's order, and the line under the two follows the whole row, not its last piece."""
    words = (_found(["FURNITURE,", "JOINERS"], 60, 100, 18, 5, 0)
             + _found([",ye.,.", "ISLINGTON."], 153, 108, 11, 5, 1)
             + _found(["By", "Messrs.", "T.", "&", "J.", "TROTTER,"], 90, 120, 11, 5, 2)
             + _found(["On", "TUESDAY,", "the", "27th", "instant,", "at", "eleven"], 50, 133, 11, 5, 3)
             + _found(["o'clock,", "on", "the", "premises,", "Islington,", "near"], 50, 146, 11, 5, 4))
    (b,) = blocks_of(words)
    assert [ln.text.split()[0] for ln in b.lines] == ["FURNITURE,", "By", "On", "o'clock,"]
    assert b.lines[0].text == "FURNITURE, JOINERS ,ye.,. ISLINGTON."


def test_lines_of_two_columns_in_one_ocr_region_are_not_pieces_of_one_line():
    """The Coloured News, 1855: the engine ran one region over two columns a narrow gutter
    (4 pt) apart. Lines level side by side wider together than any line of the region are
    the lines of two columns, one block each; and boxes taller than wide (the Gravenhaegse
    Courant, 1750, whose words are columns of letters) tell no line standing level."""
    left = [_found(["the", "council", "said"], 50, 100 + 12 * i, 10, 2, 2 * i) for i in range(6)]
    right = [_found(["on", "monday", "that"], 134, 100 + 12 * i, 10, 2, 2 * i + 1) for i in range(6)]
    lines = [make_line(ws, vertical=False) for ws in left + right]  # as the lines stage cut them
    assert sorted(len(b.lines) for b in build_blocks(lines, (), (), (), P)) == [6, 6]
    tall = [replace(word(t, 0, 0, 30), box=Box(*box), source_block=3, source_line=k)
            for k, (t, box) in enumerate([("verfcheyde", (2200, 107, 2231, 271)),
                                          ("MICHED", (2233, 177, 2259, 320)),
                                          ("adverteeren,", (2268, 220, 2302, 409))])]
    assert len(blocks_of(tall)) == 3


def test_lines_of_two_columns_under_a_title_across_both_in_one_ocr_region_stay_apart():
    """An engine ran one region over a title set across two columns and the columns under it
    (``bench/variants.py``, spanning: Ouest-Eclair 1924, p. 1). The title makes the region's
    widest line two columns wide; two lines side by side, each a whole line of the region's
    measure, are still two columns' lines, never pieces of one printed line."""
    title = [_found(["THE", "COUNCIL", "AND", "THE", "MAYOR", "MET", "ON", "MONDAY"], 50, 82, 10, 2, 99)]
    left = [_found(["the", "council", "said"], 50, 100 + 12 * i, 10, 2, 2 * i) for i in range(6)]
    right = [_found(["on", "monday", "that"], 134, 100 + 12 * i, 10, 2, 2 * i + 1) for i in range(6)]
    lines = [make_line(ws, vertical=False) for ws in title + left + right]
    found = build_blocks(lines, (), (), (), P)
    assert not [b for b in found if {"the council said", "on monday that"} <= {ln.text for ln in b.lines}]
    assert sorted(sum(ln.text == "on monday that" for ln in b.lines) for b in found)[-1] == 6


def test_a_signature_set_right_under_a_short_last_line_stays_in_its_ocr_block():
    """The Liverpool Standard, 1832: an advertisement ends on a short line and a signature
    set to the right under it, overlapping it little ("pool, and 4, Bridge-street,
    Manchester." over "D. STAFFORD Sole Agent."). In the block the engine found, it goes on
    with the lines above, which it lies within; without that block it stands apart. Not so a
    line centred under the text, nor the vertical lines of one block (the Gravenhaegse
    Courant, 1750)."""
    words = (_found(["Wholesale", "and", "Export", "Warehouses;", "167,", "Dale-street,", "Liver-"],
                    50, 100, 11, 6, 0)
             + _found(["pool,", "and", "4,", "Bridge-street,", "Manchester."], 50, 113, 11, 6, 1)
             + _found(["D.", "STAFFORD", "Sole", "Agent."], 230, 128, 11, 6, 2))  # 2 lower: OCR boxes
    (b,) = blocks_of(words)
    assert [ln.text.split()[0] for ln in b.lines] == ["Wholesale", "pool,", "D."]
    assert len(blocks_of([replace(w, source_block=None) for w in words])) == 2
    # a line centred under a paragraph's short last line is a title over what follows
    # (Le Matin, 1893), not the paragraph's end
    centred = (_found(["Wholesale", "and", "Export", "Warehouses;", "167,", "Dale-street,", "Liver-"],
                      50, 100, 11, 6, 0)
               + _found(["pool,", "and", "so", "on."], 50, 113, 11, 6, 1)
               + _found(["Le", "projet", "Grébauval."], 140, 126, 11, 6, 2))
    assert len(blocks_of(centred)) == 2
    # vertical lines (words an OCR file gave as columns of letters, read sideways): their
    # boxes, turned, and their sizes, measured across them, do not compare
    sideways = [replace(word(t, 0, 0, size), box=Box(*box), vertical=True, source_block=8, source_line=k)
                for k, (t, box, size) in enumerate([("zyweok", (2414, 285, 2445, 398), 113),
                                                    ("doïsjesvsn", (2374, 350, 2406, 519), 169)])]
    lines = [make_line([w], vertical=True) for w in sideways]
    assert len(build_blocks(lines, (), (), (), P)) == 2


def test_an_addressee_set_left_under_a_signature_set_right_stays_in_its_ocr_block():
    """The Liverpool Standard, 1832: a letter printed in a notice ends on its signature set
    right, '(Signed) "C. SCOVELL, Sec."', and the addressee set on the left edge under it,
    "J. Bennet, Esq., Lloyds.", overlapping it little. In the block the engine found, it
    goes on with the lines above, within which it lies; cut off, it landed in another
    story. Without that block it stands apart."""
    words = (_found(["of", "the", "order", "issued", "upon", "the", "subject."], 50, 100, 11, 9, 0)
             + _found(["(Signed)", '"C.', "SCOVELL,", 'Sec."'], 125, 113, 11, 9, 1)
             + _found(["J.", "Bennet,", "Esq.,", "Lloyds."], 50, 127, 11, 9, 2))
    (b,) = blocks_of(words)
    assert [ln.text.split()[0] for ln in b.lines] == ["of", "(Signed)", "J."]
    assert len(blocks_of([replace(w, source_block=None) for w in words])) == 2


def test_a_rule_within_the_leading_under_a_row_in_pieces_is_crossed():
    """A rule drawn in the gap under a paragraph's line, no wider than the paragraph's leading,
    is the edge of a frame the text overran, not a separator (``_in_leading``). The engine
    found the line above the rule in two pieces, side by side: the leading is still the gap
    over that row, not the gap between its pieces (which would be below nothing)."""
    def line(texts, x0, y0, number):
        out, x = [], x0
        for t in texts:
            out.append(replace(word(t, x, y0), source_block=3, source_line=number))
            x += 5 * len(t) + 5
        return out
    full = ["the", "harbour", "board", "met", "on", "monday"]
    rule = Rule(Box(50, 146.8, 250, 147.2), "h")
    for pieces in (line(full, 60, 136, 3), line(full[:4], 60, 136, 3) + line(full[4:], 140, 136, 4)):
        words = [w for n, y in enumerate((100, 112, 124)) for w in line(full, 60, y, n)]
        words += pieces + line(full, 60, 148, 5)
        assert len(blocks_of(words, rules=(rule,))) == 1


def test_the_frame_holding_a_point_is_the_largest_whether_the_frames_are_filed_or_scanned():
    """``Frames`` scans a few frames and files many in a grid: either way a point's frame is
    the largest holding it, the first of equal ones, none outside them all."""
    import random

    from layout.analysis.frames import _FILED, Frames
    rng = random.Random(7)
    for count in (1, 3, _FILED - 1, _FILED, 60):
        frames = []
        for _ in range(count):
            x0, y0 = rng.uniform(0, 500), rng.uniform(0, 700)
            frames.append(Box(x0, y0, x0 + rng.choice((20.0, 80.0, 300.0)), y0 + rng.choice((20.0, 80.0, 300.0))))
        frames.append(frames[0])  # an equal one: the first wins
        found = Frames(frames)
        for _ in range(300):
            x, y = rng.uniform(-10, 820), rng.uniform(-10, 1020)
            holding = [i for i, f in enumerate(frames) if f.x0 <= x <= f.x1 and f.y0 <= y <= f.y1]
            best = max(holding, key=lambda i: (frames[i].width * frames[i].height, -i), default=None)
            assert found.of(Box(x, y, x, y)) == best


def test_the_frame_a_line_overran_is_the_first_whose_foot_is_just_over_it_filed_or_scanned():
    """``Frames.overran`` looks frames up by their feet: a line overran the first frame (as
    given) whose foot lies from half its size over its top down to its middle and which holds
    it across, give or take half its size; a line further under every foot, or beside the
    frames, overran none, however many frames there are."""
    import random

    from layout.analysis.frames import _FILED, Frames
    rng = random.Random(11)
    for count in (1, 4, _FILED, 50):
        frames = []
        for _ in range(count):
            x0, y0 = rng.uniform(0, 400), rng.uniform(0, 600)
            frames.append(Box(x0, y0, x0 + rng.choice((60.0, 150.0, 300.0)), y0 + rng.choice((30.0, 90.0))))
        found = Frames(frames)
        for _ in range(300):
            f = rng.choice(frames)
            ln = make_line([word("overrun", f.x0 + rng.uniform(-8, 40), f.y1 + rng.uniform(-12, 12))],
                           vertical=False)
            b, reach = ln.box, 0.5 * ln.size
            expected = next((i for i, g in enumerate(frames) if g.x0 - reach <= b.x0 and b.x1 <= g.x1 + reach
                             and g.y1 <= b.cy and b.y0 <= g.y1 + reach), None)
            assert found.overran(ln) == expected


def test_a_heads_short_last_line_under_its_indented_first_line_is_one_block():
    """A 22 pt CJK head whose first line is set in by 0.7 em over its last character,
    flush left, the boxes overlapping by a fifth of their height (scribus_zh_peoples_daily_
    shuffled: "滨江新区实施老旧小" over "区"): the character overlaps the first line by a
    quarter of its width, yet it is that line's paragraph going on. A line starting further
    left than an indent (a column's line beside) stays apart."""
    def head(text, x0, y0):
        return replace(word(text, x0, y0, size=22, font="DroidSansFallback"), box=Box(
            x0, y0, x0 + 22 * len(text), y0 + 28.8))
    body = column(595, 640, 8, width=216, size=9.5, pitch=13)
    (top, last) = (head("滨江新区实施老旧小", 610.1, 536.2), head("区", 595, 560.4))
    heads = [b for b in blocks_of(body + [top, last]) if b.size > 20]
    assert [[ln.text for ln in b.lines] for b in heads] == [["滨江新区实施老旧小", "区"]]
    heads = [b for b in blocks_of(body + [top, head("区", 560, 560.4)]) if b.size > 20]
    assert len(heads) == 2


def test_a_paragraphs_last_word_atop_a_column_over_an_indented_line_is_one_block():
    """A column opening with the last word of a paragraph ("ment.", two and a half ems wide),
    the next paragraph's first line set in by an em and a half under it: the two overlap by less
    than half the word, yet they are one column's text (holdout_113_06_en). A line starting
    further right than an indent (a column beside) stays apart."""
    tail = word("ment.", 50, 100)
    body = [replace(w, box=replace(w.box, x0=w.box.x0 + 15)) if w.box.y0 == 112 else w
            for w in column(50, 112, 6)]
    assert [len(b.lines) for b in blocks_of([tail] + body)] == [7]
    apart = [replace(w, box=Box(w.box.x0 + 30, w.box.y0, w.box.x1 + 30, w.box.y1)) for w in body]
    assert [len(b.lines) for b in blocks_of([tail] + apart)] == [1, 6]


def test_a_block_split_evenly_between_two_sizes_takes_its_first_lines():
    """Characters counted alike in two sizes (within the tolerance: one block): the block's
    size is its first line's, the commonest counted first."""
    words = [word("aaaa bbbb cc", 50, 100, 10.0), word("dddd eeee ff", 50, 112, 10.2)]
    (b,) = blocks_of(words)
    assert b.size == 10.0
    (b,) = blocks_of([word("aaaa bbbb cc", 50, 100, 10.2), word("dddd eeee ff", 50, 112, 10.0)])
    assert b.size == 10.2


def test_a_block_named_keeps_every_other_field():
    """``with_role`` builds the block field by field (``replace`` written out, for speed): every
    field but the role is the block's own. The list names every field of ``Block``, so one
    added fails here until ``with_role`` carries it."""
    assert [f.name for f in fields(Block)] == ["lines", "box", "size", "bold", "italic", "role",
                                               "text", "frame", "font", "word_breaks"]
    b = Block((), Box(1, 2, 3, 4), 9.5, True, True, role="body", text="a b", frame=2, font="serif",
              word_breaks=(WordBreak(0, True),))
    assert with_role(b, "headline") == replace(b, role="headline")


def test_a_crosshead_beside_the_text_begun_under_a_head_is_not_the_heads_next_line():
    """A 10 pt bold head across two 90 pt columns of 9 pt text, with a crosshead of its story
    in the same type centred in the right column 5 pt under it (typst_s179_08_zh): the
    story's text starts in the left column level with the crosshead, so the crosshead is
    not the head's second line. Without that text beside them, the short lines centred
    under the head are the head's own."""
    def bold(texts, x0, y0):
        return text_lines(texts, x0, y0, size=10, pitch=12, bold=True, font="Hei")
    head = bold(["临海市健全多层次健身步道健全防汛体系"], 424.6, 607.4)
    crosshead = bold(["实施学生医疗卫生"], 528.9, 622.4) + bold(["健全畅通产业链"], 533.9, 634.4)
    left = text_lines(["志愿者提出：下一步将", "拓展托育服务，打造便", "民污水管网。临海市落",
                       "实托育服务，街道办打"], 424.5, 622.5, size=9, pitch=12.6, font="Song")
    right = text_lines(["金沙湾已累计健全托", "育服务多家，落实现代"], 523.1, 647.5, size=9, pitch=12.6,
                       font="Song")

    def bold_blocks(words):  # (one line a word: the gutter beside the crosshead is given)
        lines = [make_line([w], vertical=False) for w in words]
        blocks = sorted(build_blocks(lines, (), (), (), P), key=lambda b: (b.box.x0, b.box.y0))
        return [[ln.text for ln in b.lines] for b in blocks if b.bold]

    assert bold_blocks(head + crosshead + left + right) == [
        ["临海市健全多层次健身步道健全防汛体系"], ["实施学生医疗卫生", "健全畅通产业链"]]
    assert bold_blocks(head + crosshead) == [["临海市健全多层次健身步道健全防汛体系", "实施学生医疗卫生",
                                              "健全畅通产业链"]]
    # text a word space from the short lines (less than a gutter, a size) is no column begun
    close = [replace(w, box=replace(w.box, x0=w.box.x0 + 10, x1=w.box.x1 + 10)) for w in left]
    assert len(bold_blocks(head + crosshead + close)) == 1
