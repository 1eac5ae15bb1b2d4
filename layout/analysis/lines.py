"""Stage 1: words → lines.

Words sharing a baseline are gathered into rows, then each row is cut wherever the gap between
neighbours is wider than a word space (``Params.word_gap`` em): that gap is a column gutter, so
one row of print becomes one line per column. Vertical CJK words are handled the same way with
the axes swapped. Cost: one sort of the words, then linear.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import Box, Line, Word
from ..params import Params
from ..geometry import union_all
from .script import joins_without_space

# Words whose centres lie within this share of the smaller height (theirs or the row's first
# word's) share its baseline; the smaller one, so a tall headline cannot swallow two body lines.
_ROW_TOLERANCE = 0.4
# Gaps narrower than this [em] between two runs are no word space (a font change inside a word).
_SPACE_GAP = 0.12


def _flip(box: Box) -> Box:
    return Box(box.y0, box.x0, box.y1, box.x1)


def build_lines(words: Sequence[Word], params: Params) -> tuple[Line, ...]:
    """Group words into lines; horizontal lines first, then vertical ones."""
    horizontal = [w for w in words if not w.vertical]
    vertical = [w for w in words if w.vertical]
    lines = [_line(ws, vertical=False) for ws in _rows(horizontal, params, lambda b: b)]
    lines += [_line(ws, vertical=True) for ws in _rows(vertical, params, _flip)]
    return tuple(lines)


def _rows(words: list[Word], params: Params, axes) -> list[list[Word]]:
    """Words grouped by baseline, then cut at gutters; ``axes`` maps a box into row space."""
    if not words:
        return []
    boxes = {id(w): axes(w.box) for w in words}
    ordered = sorted(words, key=lambda w: boxes[id(w)].cy)
    rows: list[list[Word]] = []
    anchor = None
    for w in ordered:
        b = boxes[id(w)]
        if anchor is None or abs(b.cy - anchor.cy) > _ROW_TOLERANCE * max(min(anchor.height, b.height), 1e-6):
            rows.append([])
            anchor = b
        rows[-1].append(w)
    pieces = []
    for row in rows:
        row.sort(key=lambda w: boxes[id(w)].x0)
        piece = [row[0]]
        right = boxes[id(row[0])].x1
        for w in row[1:]:
            b = boxes[id(w)]
            if b.x0 - right > params.word_gap * max(w.size, piece[-1].size, 1e-6):
                pieces.append(piece)
                piece = []
            piece.append(w)
            right = max(right, b.x1)
        pieces.append(piece)
    return pieces


def _line(words: list[Word], vertical: bool) -> Line:
    """A line from its words in reading order, with the style of most of its characters."""
    sizes, bold, italic, total = Counter(), 0, 0, 0
    for w in words:
        n = len(w.text)
        sizes[w.size] += n
        bold += n * w.bold
        italic += n * w.italic
        total += n
    return Line(tuple(words), union_all(w.box for w in words), join_words(words, vertical),
                sizes.most_common(1)[0][0], bold * 2 > total, italic * 2 > total, vertical)


def join_words(words: Sequence[Word], vertical: bool = False) -> str:
    """Words' text joined with a space where their gap is a word space and the script uses one."""
    parts = [words[0].text]
    for prev, w in zip(words, words[1:]):
        gap = (w.box.y0 - prev.box.y1) if vertical else (w.box.x0 - prev.box.x1)
        if gap > _SPACE_GAP * max(w.size, 1e-6) and not joins_without_space(prev.text, w.text):
            parts.append(" ")
        parts.append(w.text)
    return "".join(parts)
