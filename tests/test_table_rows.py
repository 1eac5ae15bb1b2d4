"""Stage 1 on a stock page: a row of a table of figures is one line, however its cells stand."""

import random

from layout.analysis.lines import build_lines
from layout.model import Box, Word
from layout.params import Params

_HEADS = (("Stock", 0.0, 17.7), ("High", 54.4, 68.9), ("Low", 74.8, 87.8), ("Last", 93.3, 106.6),
          ("Chg", 112.9, 125.5), ("Vol", 134.3, 144.4))


def _table(x: float, top: float, rows: int, seed: int) -> list[Word]:
    """A listing as a stock page sets it, 144 pt wide: its name in 13 pt, a head row, then rows
    of 6.5 pt type 8 pt apart: a stub of names set left (their lengths vary), High, Low and
    Last right-aligned and touching (one word, as the PDF gives it), then Chg and Vol a hair
    (2.5 pt) right of Last's edge."""
    rng, size = random.Random(seed), 6.5
    words = [Word("LISTINGS", Box(x, top, x + 100.0, top + 15.2), "Helvetica-Bold", 13.0, True),
             *(Word(t, Box(x + x0, top + 16.3, x + x1, top + 25.3), "Helvetica-Bold", size, True)
               for t, x0, x1 in _HEADS)]
    for r in range(rows):
        y = top + 24.3 + 8 * r
        stub = "".join(rng.choice("ABCDEFGHKLMNPRSTUVWXYZ") for _ in range(rng.randint(3, 5)))
        words += [Word(stub, Box(x, y, x + 3.9 * len(stub) + rng.uniform(-1, 1), y + 8.9), "Helvetica", size),
                  Word(f"{rng.uniform(100, 400):.2f}{rng.uniform(100, 400):.2f}{rng.uniform(100, 400):.2f}",
                       Box(x + 49.0, y, x + 106.6, y + 8.9), "Helvetica", size),
                  Word(f"{rng.choice('+-')}{rng.uniform(0, 5):.2f}{rng.randint(10000, 99999)}",
                       Box(x + 109.1, y, x + 144.4, y + 8.9), "Helvetica", size)]
    return words


def test_the_rows_of_a_stock_table_are_whole_lines():
    """Four listings in two columns 12 pt apart (the page's gutter). Each row's stub stands 25
    to 37 pt left of its figures, with no text above or below in the gap where the stub is
    short, and a white strip 2.5 pt wide runs down each table between Last and Chg, its sides
    aligned: neither is a gutter nor a space to cut at, for every row around has its words
    before the same white and a figure after it (stocks_1: rows cut in two or three pieces,
    the Chg/Vol cells read as another column's text). The page's gutter still cuts."""
    words = [w for x, seed in ((36.0, 1), (192.4, 3))
             for w in _table(x, 60.0, 16, seed) + _table(x, 60.0 + 40 + 8 * 16, 16, seed + 1)]
    rows = [ln for ln in build_lines(words, (), Params()) if not ln.words[0].bold]  # (not the heads)
    assert len(rows) == 64
    assert all(len(ln.words) == 3 for ln in rows)
    assert all(ln.box.x1 <= 181 or ln.box.x0 >= 192 for ln in rows)
