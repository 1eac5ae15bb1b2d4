"""An OCR engine that cuts its regions finer than paragraphs (``ocrregions.py``): a region per
line of print is no evidence of where a paragraph ends; on a page cut by paragraphs, a region
boundary still is."""

from __future__ import annotations

from pathlib import Path

from altopage import WORDS as _WORDS
from altopage import P, alto_blocks
from altopage import text_block as _block

from layout.analysis.roles import assign_roles, body_size
from layout.sources import open_source


def _line(x: int, y: int, n: int, style: str, height: int = 40) -> str:
    """A TextLine of body type at (x, y): eight words, ``height`` px tall, the first n letters
    of each word's text kept (a short line with small n), styled ``style``."""
    strings, left = [], x
    for word in _WORDS:
        text = word[:n] if n else word
        strings.append(f'<String CONTENT="{text}" HPOS="{left}" VPOS="{y}" WIDTH="{24 * len(text)}" '
                       f'HEIGHT="{height}" STYLEREFS="{style}"/>')
        left += 24 * len(text) + 16
    return f'<TextLine HPOS="{x}" VPOS="{y}" WIDTH="{left - 16 - x}" HEIGHT="{height}">{"".join(strings)}</TextLine>'


_STYLES = ('<TextStyle ID="R" FONTSIZE="10"/><TextStyle ID="B" FONTSIZE="10" FONTSTYLE="bold"/>'
           '<TextStyle ID="S" FONTSIZE="9"/><TextStyle ID="T" FONTSIZE="8"/>'
           '<TextStyle ID="H" FONTSIZE="11" FONTSTYLE="bold"/>')


def _page(tmp_path: Path, blocks: list[str]) -> list:
    """The blocks the stage builds from an ALTO page holding ``blocks``."""
    return alto_blocks(tmp_path, blocks, _STYLES, width=2400)


def _column(x: int, styles: list[str]) -> list[str]:
    """A column's lines at x, 50 px apart, styled in turn."""
    return [_line(x, 100 + 50 * i, 0, style) for i, style in enumerate(styles)]


def test_a_region_per_line_is_read_as_the_column_it_cuts(tmp_path):
    """Every line of two columns its own TextBlock, the engine's guessed style changing from
    line to line: each column is one block, its lines in order, none of the other's."""
    styles = ["R", "B", "R", "R", "B", "R", "B", "R"]
    regions = [_block([ln], f"L{x}_{i}") for x in (100, 1300) for i, ln in enumerate(_column(x, styles))]
    blocks = _page(tmp_path, regions)
    assert len(blocks) == 2
    for b in blocks:
        assert len(b.lines) == 8
        assert [ln.box.y0 for ln in b.lines] == sorted(ln.box.y0 for ln in b.lines)
        assert len({round(ln.box.x0, -2) for ln in b.lines}) == 1


def test_a_speck_cut_as_a_region_of_its_own_stays_with_its_line(tmp_path):
    """A speck at the end of a short line, boxed as a one-line region of its own, on a page cut
    a region per line: it joins its line's block, and the column goes on past it."""
    lines = _column(100, ["R"] * 8)
    lines[3] = _line(100, 250, 3, "R")  # a short line: room for the speck beside it
    speck = '<TextLine HPOS="800" VPOS="250" WIDTH="48" HEIGHT="40"><String CONTENT="de" ' \
            'HPOS="800" VPOS="250" WIDTH="48" HEIGHT="40" STYLEREFS="B"/></TextLine>'
    regions = [_block([ln], f"L{i}") for i, ln in enumerate(lines)] + [_block([speck], "S")]
    blocks = _page(tmp_path, regions)
    assert len(blocks) == 1 and len(blocks[0].lines) == 9


def test_a_one_line_region_on_a_page_cut_by_paragraphs_keeps_its_boundary(tmp_path):
    """Where the engine cut paragraphs (most lines in regions of many), a one-line region
    at the leading over a paragraph, set in another style, is a title, not a line of it."""
    left = _block(_column(100, ["R"] * 8), "A")
    title = _block([_line(1300, 100, 0, "B")], "T")
    text = _block(_column(1300, ["R"] * 8)[1:], "P")
    blocks = _page(tmp_path, [left, title, text])
    assert sorted(len(b.lines) for b in blocks) == [1, 7, 8]


def test_a_title_a_size_up_cut_as_a_region_stays_apart_from_the_lines_under_it(tmp_path):
    """On a page cut a region per line, a one-line region boxed 1.4 times as tall as the
    body's lines right over a column's first line, on its left edge, is a title set a size up
    ("Stoomvaart-Berichten.", Algemeen Handelsblad 1876): no line of the paragraph."""
    title = _block([_line(100, 40, 5, "B", height=56)], "T")
    regions = [_block([ln], f"L{i}") for i, ln in enumerate(_column(100, ["R"] * 8))]
    blocks = _page(tmp_path, [title] + regions)
    assert sorted(len(b.lines) for b in blocks) == [1, 8]


def test_a_short_last_line_boxed_as_a_region_of_its_own_ends_its_paragraph(tmp_path):
    """On a page cut by paragraphs, a paragraph's short last line the engine boxed as a region
    of its own and sized a tenth smaller (its few words measured on their own: "in
    Newman-strec" under "... keeping a common brothel", British Library 1855) is the
    paragraph's last line; the next paragraph, in the body size, starts a block of its own."""
    paragraph = _block(_column(100, ["R"] * 6), "A")
    last = _block([_line(100, 400, 1, "S")], "E")
    after = _block([_line(100, 450 + 50 * i, 0, "R") for i in range(4)], "N")
    blocks = _page(tmp_path, [paragraph, last, after])
    assert sorted(len(b.lines) for b in blocks) == [4, 7]
    first = min(blocks, key=lambda b: b.box.y0)
    assert first.lines[-1].box.y0 == 400


def test_a_full_line_in_smaller_type_under_a_paragraph_stays_apart(tmp_path):
    """The same region as wide as the paragraph's lines, or short but indented as a new
    paragraph, is no last line of it: it keeps its boundary and its size."""
    for line in (_line(100, 400, 0, "S"), _line(160, 400, 1, "S")):
        paragraph = _block(_column(100, ["R"] * 6), "A")
        blocks = _page(tmp_path, [paragraph, _block([line], "E")])
        assert sorted(len(b.lines) for b in blocks) == [1, 6]


def test_a_short_last_line_going_on_with_a_broken_word_joins_whatever_its_weight(tmp_path):
    """A bold one-line region under a paragraph is a title of its own, unless the paragraph's
    last line breaks a word that it goes on with ("... of the con-" over "versation", which
    OCR marked bold, British Library 1855)."""
    for broken, expected in ((False, [1, 6]), (True, [7])):
        lines = _column(100, ["R"] * 6)
        if broken:
            lines[-1] = lines[-1].replace('CONTENT="voted"', 'CONTENT="voted-"')
        blocks = _page(tmp_path, [_block(lines, "A"), _block([_line(100, 400, 1, "B")], "E")])
        assert sorted(len(b.lines) for b in blocks) == expected


def test_a_short_line_boxed_apart_stays_apart_off_a_paragraph_s_last_line(tmp_path):
    """A short one-line region under a paragraph is no last line of it when its type is further
    from the paragraph's than one story's text may be (``blocks.ONE_TYPE``), when the line
    above is itself short (the paragraph ended there), or when it stands further below than the
    paragraph's leading (set solid here, 2 px between lines 40 px tall; the line 28 px under
    it): each keeps its boundary."""
    full = _column(100, ["R"] * 6)
    short_above = full[:-1] + [_line(100, 350, 2, "R")]
    solid = [_line(100, 100 + 42 * i, 0, "R") for i in range(6)]
    for lines, last in ((full, _line(100, 400, 1, "T")), (short_above, _line(100, 400, 1, "S")),
                        (solid, _line(100, 378, 1, "S"))):
        blocks = _page(tmp_path, [_block(lines, "A"), _block([last], "E")])
        assert sorted(len(b.lines) for b in blocks) == [1, 6]


def test_a_title_centred_in_the_column_at_the_body_size_stays_apart_from_its_text(tmp_path):
    """On a page cut a region per line, a one-line region in the body's type and size,
    centred in the column between two paragraphs at the leading ("Correspondance Havas.",
    Luxemburger Zeitung 1858): a title, a block of its own, not a line of the text above or
    under it. The column's lines around it stay one block each side."""
    lines = _column(100, ["R"] * 8)
    title = '<TextLine HPOS="396" VPOS="300" WIDTH="336" HEIGHT="40"><String CONTENT="Correspondance" ' \
            'HPOS="396" VPOS="300" WIDTH="336" HEIGHT="40" STYLEREFS="R"/></TextLine>'
    text = lines[:4] + [_line(100, 350 + 50 * i, 0, "R") for i in range(4)]
    regions = [_block([ln], f"L{i}") for i, ln in enumerate(text)] + [_block([title], "T")]
    blocks = sorted(_page(tmp_path, regions), key=lambda b: b.box.y0)
    assert [len(b.lines) for b in blocks] == [4, 1, 4]
    assert blocks[1].lines[0].text == "Correspondance"


def test_a_line_centred_in_its_own_paragraphs_region_stays_in_it(tmp_path):
    """The same lines where the engine cut paragraphs: the centred line in the region of
    the text is the engine's word that it belongs there (a dateline, a verse), kept."""
    title = '<TextLine HPOS="396" VPOS="300" WIDTH="336" HEIGHT="40"><String CONTENT="Correspondance" ' \
            'HPOS="396" VPOS="300" WIDTH="336" HEIGHT="40" STYLEREFS="R"/></TextLine>'
    lines = _column(100, ["R"] * 4) + [title] + [_line(100, 350 + 50 * i, 0, "R") for i in range(4)]
    blocks = _page(tmp_path, [_block(lines, "P")])
    assert [len(b.lines) for b in blocks] == [9]



def _indented(y: int, style: str, dropped: int = 1, x: int = 100) -> str:
    """A paragraph's first line at y in a column at x, indented by the room of the first
    ``dropped`` words (one: 88 px, over two sizes), ending on the column's right edge with
    the full lines of ``_line``."""
    left = x + sum(24 * len(w) + 16 for w in _WORDS[:dropped])
    start, strings = left, []
    for word in _WORDS[dropped:]:
        strings.append(f'<String CONTENT="{word}" HPOS="{left}" VPOS="{y}" WIDTH="{24 * len(word)}" '
                       f'HEIGHT="40" STYLEREFS="{style}"/>')
        left += 24 * len(word) + 16
    return f'<TextLine HPOS="{start}" VPOS="{y}" WIDTH="{left - 16 - start}" HEIGHT="40">{"".join(strings)}</TextLine>'


def test_a_deeply_indented_first_line_in_another_type_opens_the_paragraph_under_it(tmp_path):
    """On a page cut a region per line, a paragraph's first line indented deeper than a
    column's indent (``gutters.INDENT``) and read in another type ("La seconde édition ...",
    Journal de Paris 1821, read a size up) ends with the lines under it on the column's right
    edge: it opens their paragraph, one block, not a title of its own over it."""
    lines = _column(100, ["R"] * 3) + [_line(100, 250, 3, "R"), _indented(300, "B")] \
        + [_line(100, 350 + 50 * i, 0, "R") for i in range(4)]
    regions = [_block([ln], f"L{i}") for i, ln in enumerate(lines)]
    blocks = sorted(_page(tmp_path, regions), key=lambda b: b.box.y0)
    assert [len(b.lines) for b in blocks] == [4, 5]
    assert blocks[1].lines[0].box.x0 == 188


def test_a_line_of_the_next_column_beside_a_short_last_line_is_no_speck_of_it(tmp_path):
    """On a page cut a region per line, a paragraph's short last line ("sins.") level with
    the indented first line of a paragraph in the column to its left, across a gutter
    narrower than a size (Le Matin 1893, p. 2): that line is its own column's, not a speck
    beside the short line; no block runs across the gutter."""
    sins = '<TextLine HPOS="1060" VPOS="300" WIDTH="120" HEIGHT="40"><String CONTENT="sins." ' \
           'HPOS="1060" VPOS="300" WIDTH="120" HEIGHT="40" STYLEREFS="R"/></TextLine>'
    right = _column(1060, ["R"] * 4) + [sins] + [_line(1060, 350 + 50 * i, 0, "R") for i in range(3)]
    left = [_line(100, 103 + 50 * i, 0, "R") for i in range(4)] + [_indented(303, "R", dropped=2)] \
        + [_line(100, 353 + 50 * i, 0, "R") for i in range(3)]
    regions = [_block([ln], f"L{x}_{i}") for x, lines in ((0, left), (1, right)) for i, ln in enumerate(lines)]
    blocks = _page(tmp_path, regions)
    assert all(b.box.x1 < 1060 or b.box.x0 >= 1060 for b in blocks)


def _centred(text: str, y: int, style: str = "R") -> str:
    """A one-line region's line of ``text`` in the body type (``style``: its weight), centred
    over the column at 100."""
    x = 100 + (928 - 24 * len(text)) // 2
    return f'<TextLine HPOS="{x}" VPOS="{y}" WIDTH="{24 * len(text)}" HEIGHT="40"><String ' \
        f'CONTENT="{text}" HPOS="{x}" VPOS="{y}" WIDTH="{24 * len(text)}" HEIGHT="40" STYLEREFS="{style}"/></TextLine>'


def test_an_item_title_in_capitals_in_the_run_of_its_column_heads_the_text_under_it(tmp_path):
    """On a page cut a region per line, a title in capitals in the body's type, centred, in
    the run of a column's text at its leading ("NAVIRES DIVERS", Ouest-Éclair 1924) goes with
    the item's text under it, as engines that cut paragraphs put it in one region, and the
    roles stage names it that text's crosshead. Closed by a full stop (a story's title,
    ``VERTROKKEN.``) or at the head of its column, with no text over it (a headline the engine
    boxed apart, ``THE BANKRUPT BANKERS``), it stays apart."""
    above = _column(100, ["R"] * 3) + [_line(100, 250, 3, "R")]
    under = [_line(100, 350 + 50 * i, 0, "R") for i in range(4)]
    for lines, expected in (([*above, _centred("NAVIRES DIVERS", 300), *under], [4, 5]),
                            ([*above, _centred("NAVIRES DIVERS.", 300), *under], [4, 1, 4]),
                            ([_centred("NAVIRES DIVERS", 300), *under], [1, 4])):
        regions = [_block([ln], f"L{i}") for i, ln in enumerate(lines)]
        blocks = sorted(_page(tmp_path, regions), key=lambda b: b.box.y0)
        assert [len(b.lines) for b in blocks] == expected
    regions = [_block([ln], f"L{i}") for i, ln in enumerate([*above, _centred("NAVIRES DIVERS", 300), *under])]
    blocks = _page(tmp_path, regions)
    named = assign_roles(blocks, open_source(tmp_path / "page.xml").page(1), body_size(blocks), P)
    assert [b.role for b in named if b.raw_text.startswith("NAVIRES")] == ["crosshead"]


def test_a_bold_title_in_lower_case_in_the_run_of_its_column_heads_the_text_under_it(tmp_path):
    """On a page cut a region per line, a title in lower case set bold about the body's size,
    centred in the run of a column's text ("Liste probable.", 11 over 10 pt, Le Matin 1893,
    p. 1) goes with the text under it, full stop or not, as the engine that cut paragraphs put
    it in one region (where the stories stage reads it as that text's crosshead, no story's
    headline). The same line in the text's own weight stays apart: no title of the text's
    type in capitals, nor in another weight, but a line centred apart from its column."""
    above = _column(100, ["R"] * 3) + [_line(100, 250, 3, "R")]
    under = [_line(100, 350 + 50 * i, 0, "R") for i in range(4)]
    for style, expected in (("H", [4, 5]), ("R", [4, 1, 4])):
        regions = [_block([ln], f"L{i}") for i, ln in enumerate([*above, _centred("Liste probable.", 300, style), *under])]
        blocks = _page(tmp_path, regions)
        assert [len(b.lines) for b in sorted(blocks, key=lambda b: b.box.y0)] == expected


def _set_right(text: str, y: int, x1: int = 1028) -> str:
    """A one-line region's line of ``text`` in the body type, ending at ``x1`` (the column's
    right edge), its words 24 px a letter, 16 px apart."""
    words, strings = text.split(), []
    left = x1 - sum(24 * len(w) for w in words) - 16 * (len(words) - 1)
    x = left
    for word in words:
        strings.append(f'<String CONTENT="{word}" HPOS="{x}" VPOS="{y}" WIDTH="{24 * len(word)}" '
                       f'HEIGHT="40" STYLEREFS="R"/>')
        x += 24 * len(word) + 16
    return f'<TextLine HPOS="{left}" VPOS="{y}" WIDTH="{x1 - left}" HEIGHT="40">{"".join(strings)}</TextLine>'


def test_a_line_whose_first_words_were_not_read_stays_in_its_paragraph(tmp_path):
    """On a page cut a region per line, a line starting inside its paragraph's lines under a
    full one and ending on their right edge, its text going on, is the rest of a line whose
    first words the engine did not read, in another type ("bottom plank, as one of the
    uninitiated would,", read a size up, the Liverpool Standard 1832; here bold): it stays
    in its paragraph, and so do the lines under it. (Under a short last line, the first line
    of a paragraph indented deep opens one of its own: ``test_a_deeply_indented_...``.)"""
    lines = _column(100, ["R"] * 3) + [_set_right("as one of them would,", 250).replace('"R"', '"B"')] \
        + [_line(100, 300 + 50 * i, 0, "R") for i in range(2)]
    blocks = _page(tmp_path, [_block([ln], f"L{i}") for i, ln in enumerate(lines)])
    assert [len(b.lines) for b in blocks] == [6]
