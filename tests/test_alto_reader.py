"""What the ALTO page reader must keep, whatever way it reads (a tree today; a one-pass reader
was tried at stop 35 and gave no CPU back): the words of each TextLine's own Strings, the styles in force (stated after the
Layout, or by a block), attribute values with "&" and DOCTYPE entities, and every form of the
MeasurementUnit's text."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from layout.sources.alto import AltoSource, element_text, load

NS = "http://www.loc.gov/standards/alto/ns-v4#"


def _alto(path: Path, layout: str, head: str = "", tail: str = "", doctype: str = "") -> Path:
    """An ALTO v4 file of one page 2000 x 1000 px holding ``layout``, ``head`` before the
    Layout, ``tail`` after it."""
    path.write_text(f'{doctype}<alto xmlns="{NS}">{head}<Layout><Page ID="P1" WIDTH="2000" '
                    f'HEIGHT="1000">{layout}</Page></Layout>{tail}</alto>', encoding="utf-8")
    return path


def _string(text: str, x: int, extra: str = "") -> str:
    return f'<String CONTENT="{text}" HPOS="{x}" VPOS="100" WIDTH="80" HEIGHT="30"{extra}/>'


def _line(strings: str, extra: str = "") -> str:
    return f'<TextLine HPOS="100" VPOS="100" WIDTH="800" HEIGHT="30"{extra}>{strings}</TextLine>'


def _words(path: Path) -> list:
    return list(AltoSource(path).page(1).words)


def test_only_a_textlines_own_strings_are_its_words(tmp_path):
    """A String inside another child of the line (ALTO v2's ALTERNATIVE holds none, but a file
    may nest one), or outside any line, is no word, as for the tree readers."""
    inner = f'<Odd>{_string("nested", 400)}</Odd>'
    path = _alto(tmp_path / "a.xml", f'<TextBlock ID="B1">{_line(_string("one", 100) + "<SP/>" + inner + _string("two", 200))}'
                                     f'{_string("stray", 600)}</TextBlock>')
    assert [w.text for w in _words(path)] == ["one", "two"]
    alto = load(path)
    assert element_text(alto, next(alto.root.iter(f"{{{NS}}}TextBlock"))) == "one two"


def test_styles_stated_after_the_layout_and_by_a_block_are_in_force(tmp_path):
    """A TextBlock's STYLEREFS is its lines' style unless theirs names one; a TextStyle may
    follow the Layout (the styles are looked up once the file is read)."""
    styles = ('<Styles><TextStyle ID="S1" FONTFAMILY="Bodoni &amp; Co" FONTSIZE="7"/>'
              '<TextStyle ID="S2" FONTFAMILY="Times" FONTSTYLE="italics"/></Styles>')
    line = _line(_string("head", 100) + _string("tail", 200, ' STYLEREFS="S2"'))
    path = _alto(tmp_path / "s.xml", f'<TextBlock STYLEREFS="NONE S1">{line}</TextBlock>', tail=styles)
    head, tail = _words(path)
    assert (head.font, head.size, head.italic) == ("Bodoni & Co", round(7 * 300 / 72, 2), False)
    assert (tail.font, tail.italic) == ("Times", True)


def test_ampersands_and_doctype_entities_in_values_read_as_the_tree_reads_them(tmp_path):
    """The parser hands "&" over as "&#38;"; a file with a DOCTYPE is read from its tree,
    which expands the entities it declares in attribute values."""
    plain = _alto(tmp_path / "amp.xml", _line(_string("a&amp;b&#38;c&amp;#38;", 100)))
    assert [w.text for w in _words(plain)] == ["a&b&c&#38;"]
    declared = _alto(tmp_path / "dtd.xml", _line(_string("&e;x", 100)),
                     doctype='<!DOCTYPE alto [<!ENTITY e "E&amp;E">]>')
    assert [w.text for w in _words(declared)] == ["E&Ex"]


@pytest.mark.parametrize("unit, width", [
    ("mm10", 2000 * 300 / 254), ("<![CDATA[mm10]]>", 2000 * 300 / 254),
    ("mm<!-- a note -->10", 2000 * 300 / 254), (" <Note/>mm10", 2000.0), ("", 2000.0)])
def test_measurement_unit_text_as_the_tree_has_it(tmp_path, unit, width):
    """The unit is the MeasurementUnit's text before its first child; white space before a
    child is dropped (no unit: pixels), as the tree drops it."""
    head = f"<Description><MeasurementUnit>{unit}</MeasurementUnit></Description>"
    path = _alto(tmp_path / "u.xml", _line(_string("word", 100)), head=head)
    assert AltoSource(path).page(1).width == pytest.approx(width)


def test_reading_a_page_makes_no_reference_cycle(tmp_path):
    """The reader moves what it made to the collector's oldest generation
    (``collector_paused(kept=True)``), right only when it made no cycle: blocks nested in
    composed blocks, styles inherited, figures; nothing is left for a collection to find."""
    layout = ('<PrintSpace><ComposedBlock ID="C1"><TextBlock ID="B1" STYLEREFS="S1">'
              f'{_line(_string("one", 100) + _string("two", 300))}</TextBlock>'
              '<GraphicalElement ID="G1" HPOS="100" VPOS="300" WIDTH="800" HEIGHT="2"/>'
              '</ComposedBlock></PrintSpace>')
    source = AltoSource(_alto(tmp_path / "a.xml", layout,
                              head='<Styles><TextStyle ID="S1" FONTSIZE="10"/></Styles>'))
    enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        page = source.page(1)
        found = gc.collect()
    finally:
        if enabled:
            gc.enable()
    assert [w.text for w in page.words] == ["one", "two"] and page.rules
    assert found == 0


def test_words_are_whole_values_with_their_confidence_and_style(tmp_path):
    """The reader makes its words by their ``__new__`` alone: each is a whole ``Word`` with a
    ``Box``, equal to (and hashed, pickled as) one made by the class; a WC is the confidence
    (none when missing or not a number); a String's STYLE adds to the style its STYLEREFS
    names for that word only, beside a word of the same STYLEREFS without one."""
    import dataclasses
    import pickle

    from layout.model import Box, Word

    styles = '<Styles><TextStyle ID="S1" FONTFAMILY="Times" FONTSIZE="7"/></Styles>'
    line = _line(_string("plain", 100, ' STYLEREFS="S1" WC="0.5"')
                 + _string("strong", 200, ' STYLEREFS="S1" STYLE="bold" WC="NaN"')
                 + _string("again", 300, ' STYLEREFS="S1"'))
    words = _words(_alto(tmp_path / "w.xml", f"<TextBlock>{line}</TextBlock>", head=styles))
    assert [(w.text, w.bold, w.confidence) for w in words] == [
        ("plain", False, 0.5), ("strong", True, None), ("again", False, None)]
    for word in words:
        assert type(word) is Word and type(word.box) is Box
        made = Word(*(getattr(word, f.name) for f in dataclasses.fields(Word)))
        assert made == word == dataclasses.replace(word) == pickle.loads(pickle.dumps(word))
        assert hash(made) == hash(word) and word.box == Box(*word.box.as_list(9))


def test_one_read_of_a_line_says_which_words_need_clipping_and_which_have_no_box(tmp_path):
    """``read_line`` reads each String once: a word before a HYP or marked HypPart1 ends in
    "-", a blank one is left out, one whose coordinate is missing or not finite is boxless,
    and the line is clear of the page's edges only when every box lies inside it. A word
    over the edge is clipped by the reader; one with no box fails the page, naming it."""
    from layout.errors import PageError
    from layout.sources.alto_lines import line_words, read_line

    strings = (_string("Ver", 100) + '<HYP CONTENT="-"/>' + _string(" ", 200)
               + _string("bro", 300, ' SUBS_TYPE="HypPart1"') + _string("edge", 1950))
    path = _alto(tmp_path / "h.xml", f'<TextBlock>{_line(strings)}</TextBlock>')
    alto = load(path)
    line = next(alto.root.iter(f"{{{NS}}}TextLine"))
    words, tops, bottoms, clear, boxless = read_line(alto, line, (2000.0, 1000.0))
    assert [w[1] for w in words] == ["Ver-", "bro-", "edge"] and not clear and not boxless
    assert read_line(alto, line, (2100.0, 1000.0))[3]  # a wider page holds them all
    assert (tops, bottoms) == ([100.0] * 3, [130.0] * 3)
    assert _words(path)[-1].box.x1 == 2000.0  # clipped to the page

    nan = _string("two", 200).replace('HPOS="200"', 'HPOS="NaN" ID="W2"')
    bad = _alto(tmp_path / "n.xml", f'<TextBlock>{_line(_string("one", 100) + nan)}</TextBlock>')
    alto = load(bad)
    line = next(alto.root.iter(f"{{{NS}}}TextLine"))
    assert read_line(alto, line, (2000.0, 1000.0))[3:] == (False, {1})
    assert [box is None for _, _, box in line_words(alto, line)] == [False, True]
    with pytest.raises(PageError, match="String W2 has no"):
        _words(bad)
