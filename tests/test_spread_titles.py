"""A title an OCR engine boxed the column wide (``BINNENGEKOMEN.``, 944 px for 14 letters,
Algemeen Handelsblad 1876), in a file that states no type style or alignment (PAGE-XML,
hOCR: what Tesseract, Transkribus and OCR-D write), grouped into one block with the text
around it (``ZEILKLAAR.``, 961 px for 10 letters): its words, far wider than their letters
set as the running text's, tell a title
the geometry cannot see centred, split off its block after a paragraph closed by a stop."""

from __future__ import annotations

from pathlib import Path

from layout.analysis.blocks import build_blocks
from layout.analysis.lines import build_lines
from layout.analysis.roles import assign_roles, body_size
from layout.analysis.splittitles import letter_width, spread
from layout.params import Params
from layout.sources import open_source

P = Params()
_WORDS = ["the", "harbour", "board", "met", "on", "monday", "and", "voted"]


def _line(y: int, last: str = "voted") -> str:
    """A TextLine at (100, y) of eight words of body type (24 px a letter), the last ``last``."""
    strings, left = [], 100
    for word in _WORDS[:-1] + [last]:
        strings.append(f'<String CONTENT="{word}" HPOS="{left}" VPOS="{y}" WIDTH="{24 * len(word)}" HEIGHT="40"/>')
        left += 24 * len(word) + 16
    return f'<TextLine HPOS="100" VPOS="{y}" WIDTH="{left - 116}" HEIGHT="40">{"".join(strings)}</TextLine>'


def _page(tmp_path: Path, title: str, width: int):
    """One region of a column with no styles: four lines closed by a stop, ``title`` in one
    String ``width`` px wide from the column's left edge at the leading under them, and four
    lines of text under it."""
    lines = [_line(100 + 50 * i) for i in range(3)] + [_line(250, "voted.")]
    lines.append(f'<TextLine HPOS="100" VPOS="300" WIDTH="{width}" HEIGHT="40"><String CONTENT="{title}" '
                 f'HPOS="100" VPOS="300" WIDTH="{width}" HEIGHT="40"/></TextLine>')
    lines += [_line(350 + 50 * i) for i in range(4)]
    path = tmp_path / "page.xml"
    path.write_text('<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page WIDTH="2400" '
                    f'HEIGHT="1400"><PrintSpace><TextBlock ID="A">{"".join(lines)}</TextBlock></PrintSpace>'
                    '</Page></Layout></alto>', encoding="utf-8")
    return open_source(path).page(1)


def _blocks(page):
    lines = build_lines(page.words, page.rules, P, tuple(f.box for f in page.figures))
    return build_blocks(lines, page.figures, page.rules, page.frames, P, page.centred_blocks)


def _titles(page) -> list[tuple[int, str]]:
    """(lines, role) of each block the stages build, top down."""
    blocks = _blocks(page)
    named = sorted(assign_roles(blocks, page, body_size(blocks), P), key=lambda b: b.box.y0)
    return [(len(b.lines), b.role) for b in named]


def test_the_letter_width_is_the_running_texts_and_a_line_boxed_wide_is_spread(tmp_path):
    """The running text's width per character is about its 24 px letters (the spaces between
    words counted in), in ems of its type; the title boxed 928 px wide for 10 letters is
    spread, set in 10 letters' width it is not."""
    blocks = _blocks(_page(tmp_path, "ZEILKLAAR.", 928))
    body = body_size(blocks)
    letter = letter_width(blocks, body)
    assert 20 <= letter * body <= 24
    title = next(ln for b in blocks for ln in b.lines if ln.text == "ZEILKLAAR.")
    assert spread(title, letter, body)
    set_solid = _blocks(_page(tmp_path, "ZEILKLAAR.", 10 * 30))
    assert not spread(next(ln for b in set_solid for ln in b.lines if ln.text == "ZEILKLAAR."), letter, body)
    # an engine without word boxes writes a line as one string, the white between its words
    # inside that string's box: "1 BLACK" boxed 928 px is not judged spread
    one_string = _blocks(_page(tmp_path, "1 BLACK", 928))
    line = next(ln for b in one_string for ln in b.lines if ln.text == "1 BLACK")
    assert len(line.words) == 1 and not spread(line, letter, body)


def test_a_title_boxed_the_column_wide_is_split_off_its_text(tmp_path):
    """Boxed the column wide after a paragraph closed by a stop, the title in capitals is a
    heading of its own between the two paragraphs; set solid flush left (no centring, not
    spread), or in lower case, it stays a line of the one block."""
    assert _titles(_page(tmp_path, "ZEILKLAAR.", 928)) == [(4, "body"), (1, "crosshead"), (4, "body")]
    assert _titles(_page(tmp_path, "ZEILKLAAR.", 10 * 30)) == [(9, "body")]
    assert _titles(_page(tmp_path, "Zeilklaar.", 928)) == [(9, "body")]
