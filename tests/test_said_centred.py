"""A block the ALTO file itself says is centred (``ParagraphStyle ALIGN="Center"`` named by a
TextBlock's STYLEREFS): read into ``PageContent.centred_blocks``, it keeps a title the OCR boxed
the column wide apart from the text over it and is the centring the titles stage looks for
(``BINNENGEKOMEN.``, 944 px wide for 14 letters, Algemeen Handelsblad 1876). A file stating no
alignment reads as before."""

from __future__ import annotations

from pathlib import Path

from layout.analysis.blocks import build_blocks
from layout.analysis.lines import build_lines
from layout.analysis.roles import assign_roles, body_size
from layout.params import Params
from layout.sources import open_source

P = Params()
_WORDS = ["the", "harbour", "board", "met", "on", "monday", "and", "voted"]
_STYLES = ('<Styles><TextStyle ID="R" FONTSIZE="10"/><ParagraphStyle ID="C" ALIGN="Center"/>'
           '<ParagraphStyle ID="L" ALIGN="Left"/></Styles>')


def _line(y: int, text: str | None = None) -> str:
    """A TextLine at (100, y), 928 px wide, 40 tall: eight words of body type, or ``text``
    boxed the whole width (as an engine boxes a title now and then)."""
    if text is not None:
        return f'<TextLine HPOS="100" VPOS="{y}" WIDTH="928" HEIGHT="40"><String CONTENT="{text}" ' \
               f'HPOS="100" VPOS="{y}" WIDTH="928" HEIGHT="40"/></TextLine>'
    strings, left = [], 100
    for word in _WORDS:
        strings.append(f'<String CONTENT="{word}" HPOS="{left}" VPOS="{y}" WIDTH="{24 * len(word)}" HEIGHT="40"/>')
        left += 24 * len(word) + 16
    return f'<TextLine HPOS="100" VPOS="{y}" WIDTH="928" HEIGHT="40">{"".join(strings)}</TextLine>'


def _page(tmp_path: Path, title_style: str | None, styles: str = _STYLES):
    """A column: a paragraph region of four lines, a one-line region "BINNENGEKOMEN." boxed
    the column wide at the leading under it (STYLEREFS ``title_style`` beside the text style),
    and a paragraph region of four lines under that."""
    refs = f"R {title_style}" if title_style else "R"
    blocks = (f'<TextBlock ID="A" STYLEREFS="R L">{"".join(_line(100 + 50 * i) for i in range(4))}</TextBlock>'
              f'<TextBlock ID="T" STYLEREFS="{refs}">{_line(300, "BINNENGEKOMEN.")}</TextBlock>'
              f'<TextBlock ID="B" STYLEREFS="R">{"".join(_line(350 + 50 * i) for i in range(4))}</TextBlock>')
    return _alto(tmp_path / "page.xml", blocks, styles)


def _alto(path: Path, blocks: str, styles: str = _STYLES):
    """Page 1 of an ALTO file written at ``path``: a page 2400 x 1400 holding ``blocks``."""
    path.write_text(f'<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">{styles}<Layout><Page '
                    f'WIDTH="2400" HEIGHT="1400"><PrintSpace>{blocks}</PrintSpace></Page></Layout></alto>',
                    encoding="utf-8")
    return open_source(path).page(1)


def _titles(page) -> list[tuple[int, str]]:
    """(lines, role) of each block the stages build, top down."""
    lines = build_lines(page.words, page.rules, P, tuple(f.box for f in page.figures))
    blocks = build_blocks(lines, page.figures, page.rules, page.frames, P, page.centred_blocks)
    named = sorted(assign_roles(blocks, page, body_size(blocks), P), key=lambda b: b.box.y0)
    return [(len(b.lines), b.role) for b in named]


def test_the_reader_reads_which_blocks_the_file_says_are_centred(tmp_path):
    """Only the TextBlock whose STYLEREFS name a ParagraphStyle aligned Center: by the
    number its words carry as ``source_block``; none in a file without ParagraphStyles."""
    page = _page(tmp_path, "C")
    title = next(w for w in page.words if w.text == "BINNENGEKOMEN.")
    assert page.centred_blocks == {title.source_block}
    assert _page(tmp_path, "L").centred_blocks == frozenset()
    plain = _page(tmp_path, "C", styles='<Styles><TextStyle ID="R" FONTSIZE="10"/></Styles>')
    assert plain.centred_blocks == frozenset()


def test_a_title_said_centred_but_boxed_the_column_wide_heads_the_text_under_it(tmp_path):
    """Said centred, the title is a block of its own between the two paragraphs, and a
    headline (in capitals, closed by a stop, centred alone on its row); said left, or in a
    file stating no alignment, its box tells no centring: a line of the one paragraph."""
    assert _titles(_page(tmp_path, "C")) == [(4, "body"), (1, "headline"), (4, "body")]
    assert _titles(_page(tmp_path, "L")) == [(9, "body")]
    plain = '<Styles><TextStyle ID="R" FONTSIZE="10"/></Styles>'
    assert _titles(_page(tmp_path, "C", styles=plain)) == [(9, "body")]


def test_on_a_page_cut_a_region_per_line_the_files_centring_keeps_no_line_apart(tmp_path):
    """Where the engine cut a region per line (``Regions.fine``), a region says nothing of a
    paragraph: the title's line, said centred or not, goes as the geometry alone has it."""
    def cut(title_style: str) -> list:
        lines = [_line(100 + 50 * i) for i in range(4)] + [_line(300, "BINNENGEKOMEN.")] \
            + [_line(350 + 50 * i) for i in range(4)]
        refs = ["R L"] * 4 + [f"R {title_style}"] + ["R"] * 4
        blocks = "".join(f'<TextBlock ID="L{i}" STYLEREFS="{r}">{ln}</TextBlock>'
                         for i, (ln, r) in enumerate(zip(lines, refs)))
        page = _alto(tmp_path / "lines.xml", blocks)
        lines_ = build_lines(page.words, page.rules, P, tuple(f.box for f in page.figures))
        return [len(b.lines) for b in build_blocks(lines_, page.figures, page.rules, page.frames, P,
                                                   page.centred_blocks)]
    assert cut("C") == cut("L")


def _report(tmp_path: Path, x0: int, x1: int):
    """A column of three regions: a paragraph closed by a stop, a one-line region said centred
    holding a sentence boxed from ``x0`` to ``x1`` (its words spread evenly), and a paragraph."""
    words = ["Alhier", "afgedaan", "95", "legg.", "Soerabaja-Arak,", "per", "Urania."]
    step = (x1 - x0) / len(words)
    strings = "".join(f'<String CONTENT="{w}" HPOS="{x0 + i * step:.0f}" VPOS="300" '
                      f'WIDTH="{step - 16:.0f}" HEIGHT="40"/>' for i, w in enumerate(words))
    closed = _line(250).replace('CONTENT="voted"', 'CONTENT="voted."')
    blocks = (f'<TextBlock ID="A" STYLEREFS="R L">{"".join(_line(100 + 50 * i) for i in range(3))}'
              f'{closed}</TextBlock>'
              f'<TextBlock ID="T" STYLEREFS="R C"><TextLine HPOS="{x0}" VPOS="300" '
              f'WIDTH="{x1 - x0}" HEIGHT="40">{strings}</TextLine></TextBlock>'
              f'<TextBlock ID="B" STYLEREFS="R">{"".join(_line(350 + 50 * i) for i in range(4))}</TextBlock>')
    return _alto(tmp_path / "report.xml", blocks)


def test_a_line_said_centred_but_set_flush_with_the_measure_is_no_title(tmp_path):
    """A market report's one-line paragraph, which the engine says is centred, set in from the
    left by less than a body size and stopping over two short of the right edge (Handelsblad
    1876 p3, "Alhier afgedaan 95 legg. Soerabaja-Arak, per Urania."): the geometry sees it is
    no centred title, and it stays text; the same line centred in the measure heads a story."""
    assert "headline" not in [role for _, role in _titles(_report(tmp_path, 120, 900))]
    assert "headline" in [role for _, role in _titles(_report(tmp_path, 200, 928))]
