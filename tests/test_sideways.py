"""Text set sideways on an OCR page of horizontal text (``analysis.rotation``, and its
analysis apart in ``pipeline``): a rotated advertisement up the margin of an 18th-century page."""

from dataclasses import replace

from layout.analysis.rotation import read_apart, with_sideways_words
from layout.model import Box, Word
from layout.pipeline import analyse_page

from synth import column, page


def _turned_line(words: list[str], x: float, y: float, block: int, first_line: int) -> list[Word]:
    """A line set sideways, read down the page: each word boxed tall and thin (10 px across,
    7 px a letter down), each on a found line of its own, as an ALTO reader splits a TextLine
    whose words stand one over another. Its size is its length, as a reader sizing words by
    their line's height gives it."""
    out = []
    for k, text in enumerate(words):
        height = 7 * len(text)
        out.append(Word(text, Box(x, y, x + 10, y + height), "", height, source_line=first_line + k,
                        source_block=block))
        y += height + 4
    return out


def test_a_block_set_sideways_turns_its_short_words_and_is_sized_across():
    """'de' and 'en', as wide as tall, are sideways with the rest of their block; read apart,
    the block's words get one size, their width sized as the page's upright words are by
    their height, and leave their found lines. A headline the engine boxed 2 px wide is no
    sideways word, nor is a short word of an upright block."""
    side = _turned_line(["Een", "zeer", "nuttig", "de", "Huysmiddel"], 400, 60, 5, 100)
    side += _turned_line(["en", "alle", "scherpe", "pillen"], 385, 60, 5, 200)
    broken = [Word("GRAVENHAGE", Box(300, 40, 302, 100), "", 10, source_block=6)]
    upright = [replace(w, source_block=1) for w in column(50, 100, 20)]
    content = with_sideways_words(replace(page(upright + side + broken), unit="px"))
    turned = {w.text: w for w in content.words if w.vertical}
    assert set(turned) == {w.text for w in side}
    assert not any(w.vertical for w in content.words if w.source_block in (1, 6))
    upright, aside = read_apart(content.words)
    assert {w.text for w in aside} == set(turned) and not any(w.vertical for w in upright)
    assert {w.size for w in aside} == {10.0} and {w.source_line for w in aside} == {None}


def test_sideways_text_is_a_story_of_its_own_read_along_its_lines():
    """Analysed apart, turned a quarter: the sideways lines read down the page, the line at the
    right first, and join no story of the upright column beside them."""
    side = _turned_line(["Een", "zeer", "nuttig", "Huysmiddel", "zynde"], 400, 60, 5, 100)
    side += _turned_line(["alle", "scherpe", "pillen", "geneezende", "door"], 386, 60, 5, 200)
    upright = [replace(w, source_block=1) for w in column(50, 100, 30)]
    layout = analyse_page(replace(page(upright + side), unit="px"))
    texts = [" ".join(b.text for b in s.blocks) for s in layout.stories]
    assert any(t.startswith("Een zeer nuttig Huysmiddel zynde alle scherpe") for t in texts)
    assert not any("council" in t and "nuttig" in t for t in texts)


def test_only_blocks_wholly_sideways_of_lines_side_by_side_are_read_apart():
    """A block turned as a whole, two lines side by side, is read apart, and so are two lines
    an engine boxed a block each; a table's turned column head among its upright figures, and
    a lone turned label, stay on the page."""
    block = _turned_line(["Een", "zeer", "nuttig"], 400, 60, 5, 100)
    block += _turned_line(["alle", "scherpe", "pillen"], 386, 60, 5, 200)
    label = _turned_line(["vendues", "marche"], 300, 60, 7, 300)
    table = _turned_line(["Froment", "hectol"], 200, 60, 8, 400)
    table += [Word(f"73.9{k}", Box(220, 70 + 12 * k, 250, 80 + 12 * k), "", 10, source_line=500 + k,
                   source_block=8) for k in range(6)]
    upright = [replace(w, source_block=1) for w in column(50, 100, 20)]
    cut = _turned_line(["Kies", "Tand", "Hoofd"], 500, 60, 9, 600)
    cut += _turned_line(["Oorpynen", "zinkingagtige"], 514, 60, 10, 700)
    content = with_sideways_words(replace(page(upright + block + label + table + cut), unit="px"))
    assert {w.source_block for w in read_apart(content.words)[1]} == {5, 9, 10}
