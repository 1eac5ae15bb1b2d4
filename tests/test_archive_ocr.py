"""The baselines of ``bench/archive.py`` on a page read by OCR (a PAGE file exported without
transcription, its image beside it): the lines of that OCR, which has no file of blocks."""

from __future__ import annotations

import sys
from pathlib import Path

from layout.model import Box, Word

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
# bench modules, which need the sys.path above
from archive import Result, column_major, column_order  # noqa: E402
from archive_ocr import ocr_lines  # noqa: E402


def test_ocr_lines_are_its_words_by_line_and_read_column_by_column():
    """Two columns whose lines the engine gave by height across them: each line is its words
    in x order whatever order the engine gave them in; the engine's order is kept (the
    "archive order" baseline), and the column-major baseline reads the left column first."""
    def word(text, x0, y0, line):
        return Word(text, Box(x0, y0, x0 + 80, y0 + 20), source_line=line)
    words = [word("right", 600, 100, 0), word("top", 500, 100, 0),
             word("left", 100, 105, 1), word("top", 0, 105, 1),
             word("right", 600, 140, 2), word("under", 500, 140, 2),
             word("left", 100, 145, 3), word("under", 0, 145, 3)]
    lines = ocr_lines(words)
    assert [text for text, _ in lines] == ["top right", "top left", "under right", "under left"]
    assert lines[0][1] == (500, 100, 180, 20)
    assert column_major(lines, 700) == ["top left", "under left", "top right", "under right"]


def test_column_order_is_not_known_where_the_column_reading_finds_too_little():
    """An issue's column-major order says whether its truth reads in column order only where
    that reading finds most chunks: at .495 coverage (BL's Coloured News, whose truth follows
    the engine's zones in file order) its order of 1.000 is not known, at .99 it counts."""

    def issue(coverage, order):
        means = {"column-major": {"coverage": coverage, "order": order}}
        return Result(means=means, broken=None, pages=4, textless=0)

    assert column_order(issue(0.495, 1.0)) is None
    assert column_order(issue(0.99, 0.58)) == 0.58
    assert column_order(issue(0.847, 0.934)) == 0.934  # the NZZ's column reading of its OCR lines
    assert column_order(issue(None, None)) is None
