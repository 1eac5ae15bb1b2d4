"""A region an OCR engine found inside another region's lines (``analysis/nested.py``): the
right-hand ends of a paragraph's printed lines, cut into a region of their own, are read after
that paragraph's region; a region whose lines stand between the host's lines is no such piece."""

from __future__ import annotations

from altopage import WORDS as _WORDS
from altopage import alto_blocks as _blocks
from altopage import text_block as _block


def _line(x: int, y: int, words: list[str]) -> str:
    """A TextLine at (x, y), 40 px tall, each letter 24 px wide, words 16 px apart."""
    strings, left = [], x
    for word in words:
        strings.append(f'<String CONTENT="{word}" HPOS="{left}" VPOS="{y}" WIDTH="{24 * len(word)}" '
                       f'HEIGHT="40" STYLEREFS="R"/>')
        left += 24 * len(word) + 16
    return f'<TextLine HPOS="{x}" VPOS="{y}" WIDTH="{left - 16 - x}" HEIGHT="40">{"".join(strings)}</TextLine>'


def _host(short: int) -> list[str]:
    """A paragraph's five lines at x 100, 50 px apart, its first ``short`` lines cut short
    (ending at x 764: their right-hand ends missing), the others full (to x 1028)."""
    return [_line(100, 100 + 50 * i, [w[:3] for w in _WORDS] if i < short else _WORDS) for i in range(5)]


def _texts(block) -> list[str]:
    return [ln.text for ln in block.lines]


def test_the_ends_of_a_paragraphs_lines_boxed_apart_are_read_after_it(tmp_path):
    """Three line ends boxed as a region inside the paragraph's, the first standing 5 px over
    the paragraph's first line: read after the paragraph's five lines, before the next one."""
    ends = [_line(800, 95, ["ends", "one"]), _line(800, 150, ["ends", "two"]),
            _line(800, 200, ["ends", "six"])]
    after = [_line(100, 350 + 50 * i, _WORDS) for i in range(4)]
    blocks = _blocks(tmp_path, [_block(_host(3), "H"), _block(ends, "N"), _block(after, "A")])
    holding = [b for b in blocks if any("ends" in t for t in _texts(b))]
    assert len(holding) == 1
    texts = _texts(holding[0])
    assert texts[5:8] == ["ends one", "ends two", "ends six"]
    assert all("ends" not in t for t in texts[:5])


def test_a_region_between_a_paragraphs_lines_is_not_read_as_their_ends(tmp_path):
    """A region inside the paragraph's box whose lines stand between the paragraph's lines
    (25 px lower than each): no ends of them, left where the blocks stage puts it."""
    inset = [_line(800, 125, ["inset", "one"]), _line(800, 175, ["inset", "two"])]
    blocks = _blocks(tmp_path, [_block(_host(3), "H"), _block(inset, "N")])
    host = next(b for b in blocks if any("the" in t for t in _texts(b)))
    assert all("inset" not in t for t in _texts(host)[:5])
    assert not any(t.startswith("inset") for t in _texts(host)[5:])
