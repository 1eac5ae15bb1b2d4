"""Sizes of ALTO files that state none (no FONTSIZE, or 0: Tesseract, Transkribus, Kraken, the
British Library): each line is sized by its letters, measured against the page's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from layout.sources import open_source

# [px] the body type, ascender to descender, and the heights its words are boxed to by the
# letters they hold: reaching up and down, up only ("halb"), neither ("an"); capitals
FULL, UP, X, CAPS = 40, 26, 20, 28


def _line(y: int, words: list[tuple[str, int]]) -> str:
    x, strings = 100, []
    for text, height in words:
        strings.append(f'<String CONTENT="{text}" HPOS="{x}" VPOS="{y}" WIDTH="{30 * len(text)}" '
                       f'HEIGHT="{height}" STYLEREFS="S"/>')
        x += 30 * len(text) + 20
    return (f'<TextLine HPOS="100" VPOS="{y}" WIDTH="{x - 120}" HEIGHT="{FULL}">'
            f'{"".join(strings)}</TextLine>')


def _page(tmp_path: Path, size: str, title: list[tuple[str, int]] | None = None,
          sized_title: bool = False) -> dict:
    """A page of 32 body lines, half of words reaching only above the x-height, half of words
    reaching both ways, and a title in capitals twice the body's size."""
    up_only = [("halb", UP), ("an", X), ("Theil", UP), ("bald", UP)]
    both = [("gelb", FULL), ("pflegt", FULL), ("an", X), ("ghost", FULL)]
    body = "".join(_line(200 + 50 * i, up_only if i % 2 else both) for i in range(32))
    title = _line(60, title or [("GROSSE", 2 * CAPS), ("NACHRICHT", 2 * CAPS)])
    if sized_title:  # its own style, stating a size
        title = title.replace('STYLEREFS="S"', 'STYLEREFS="T"')
    path = tmp_path / "unsized.xml"
    path.write_text(
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Styles>'
        f'<TextStyle ID="S" {size} FONTFAMILY="Times"/>'
        '<TextStyle ID="T" FONTSIZE="19.2" FONTFAMILY="Times New Roman"/></Styles>'
        '<Layout><Page WIDTH="1500" HEIGHT="2000" PHYSICAL_IMG_NR="1"><PrintSpace>'
        f'<TextBlock HPOS="100" VPOS="60" WIDTH="800" HEIGHT="60">{title}</TextBlock>'
        f'<TextBlock HPOS="100" VPOS="200" WIDTH="800" HEIGHT="1600">{body}</TextBlock>'
        '</PrintSpace></Page></Layout></alto>', encoding="utf-8")
    page = open_source(path).page(1)
    return {(w.text, round(w.box.y0)): w.size for w in page.words}


@pytest.mark.parametrize("size", ['FONTSIZE="0"', ""])
def test_unstated_sizes_are_one_for_lines_of_any_letters(tmp_path, size):
    """Line heights differ by a third with the letters a line holds ("halb an Theil" against
    "gelb pflegt"); scaled by how far their letters reach, every body line has one size, the
    type's, and the capital title is twice it."""
    sizes = _page(tmp_path, size)
    body = {s for (text, y), s in sizes.items() if y >= 200}
    assert len(body) == 1 and body.pop() == pytest.approx(FULL, rel=0.05)
    assert sizes["GROSSE", 60] == pytest.approx(2 * FULL, rel=0.05)


def test_stated_sizes_are_kept(tmp_path):
    """A file that states its sizes keeps them: its lines' letters only put a size in doubt."""
    sizes = _page(tmp_path, 'FONTSIZE="9.6"')  # 40 px at 300 dpi
    assert all(s == pytest.approx(40, abs=0.01) for (text, y), s in sizes.items() if y >= 200)


def test_capitals_reaching_beyond_the_capital_height_tell_no_size(tmp_path):
    """"SPÉCIAUX" and "JOURNAL" reach above or below the capitals beside them (an accent, a
    J's tail): the title's size is that of its plain capitals, not of those."""
    sizes = _page(tmp_path, "", [("LES", 2 * CAPS), ("SPÉCIAUX", 70), ("JOURNAL", 70),
                                 ("NOUVELLES", 2 * CAPS)])
    assert sizes["LES", 60] == pytest.approx(2 * FULL, rel=0.05)


def test_a_page_stating_sizes_for_a_few_words_only_is_sized_by_its_letters(tmp_path):
    """The British Library states FONTSIZE="0" for most words of a page and 12 pt for a few:
    the page is sized as one stating none, and those few keep their size."""
    sizes = _page(tmp_path, 'FONTSIZE="0"', sized_title=True)
    body = {s for (text, y), s in sizes.items() if y >= 200}
    assert len(body) == 1 and body.pop() == pytest.approx(FULL, rel=0.05)
    assert sizes["GROSSE", 60] == pytest.approx(80, abs=0.01)  # 19.2 pt at 300 dpi


@pytest.mark.parametrize("texts, kinds", [
    (["TWEEDE", "KAMER."], (True, True)), (["JOURNAL"], (False, False)),
    (["PARIS", "gare"], (False, False)), (["ÉTÉ", "1876"], (True, True)),
    (["ÜBER", "Alles"], (False, True)), (["ÉTÉ", "中"], (False, True)),
    (["1876", "—", "12."], (False, False)), (["Première", "année"], (False, True)), (["Quinzième"], (False, False))])
def test_a_line_is_in_capitals_when_every_word_with_letters_is(texts, kinds):
    """``letter_kinds`` judges a line's words joined: in capitals with none reaching below
    when every letter is a capital standing on the baseline (not J, Q; an uncased letter is
    none), whatever the words without letters; (False, False) for a line of no letter."""
    from layout.sources.alto_lines import letter_kinds

    assert letter_kinds([(None, text, 0.0, 1.0) for text in texts]) == kinds
