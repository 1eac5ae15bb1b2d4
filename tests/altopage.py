"""Hand-made ALTO pages for unit tests of the OCR path: regions of TextLines written out as an
ALTO file, read back and taken through the lines and blocks stages."""

from __future__ import annotations

from pathlib import Path

from layout.analysis.blocks import build_blocks
from layout.analysis.lines import build_lines
from layout.params import Params
from layout.sources import open_source

P = Params()
# The words of a line of body text: eight, as the tests' TextLines hold them
WORDS = ["the", "harbour", "board", "met", "on", "monday", "and", "voted"]


def text_block(lines: list[str], ident: str) -> str:
    """A TextBlock holding the TextLines ``lines`` (ALTO markup)."""
    return f'<TextBlock ID="{ident}">{"".join(lines)}</TextBlock>'


def alto_blocks(tmp_path: Path, regions: list[str], styles: str = '<TextStyle ID="R" FONTSIZE="10"/>',
                width: int = 1200, height: int = 1400) -> list:
    """The blocks the stage builds from an ALTO page of ``width`` x ``height`` px holding the
    TextBlocks ``regions``, its styles ``styles`` (TextStyle markup)."""
    path = tmp_path / "page.xml"
    path.write_text(
        f'<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Styles>{styles}</Styles><Layout>'
        f'<Page WIDTH="{width}" HEIGHT="{height}" PHYSICAL_IMG_NR="1"><PrintSpace>'
        f'{"".join(regions)}</PrintSpace></Page></Layout></alto>', encoding="utf-8")
    page = open_source(path).page(1)
    lines = build_lines(page.words, page.rules, P, tuple(f.box for f in page.figures))
    return list(build_blocks(lines, page.figures, page.rules, page.frames, P))
