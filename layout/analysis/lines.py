"""Stage 1: words → lines.

Words sharing a baseline are gathered into rows, then each row is cut wherever the gap between
neighbours is a column gutter, so one row of print becomes one line per column. A gap is a
gutter when it is wider than a word space (``Params.word_gap`` em) and the rows just above and
below leave it empty too: a gutter runs down the page, while the wide spaces of a justified
narrow column are bridged by the text of the neighbouring lines. Vertical CJK words are handled
the same way with the axes swapped. Cost: one sort of the words, then about linear.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Box, Line, Rule, Word
from ..params import Params
from ..geometry import union_all
from .script import joins_without_space

# Words whose centres lie within this share of the smaller height (theirs or the row's first
# word's) share its baseline; the smaller one, so a tall headline cannot swallow two body lines.
_ROW_TOLERANCE = 0.4
# Words of one line share a baseline: neighbours whose middles are this far apart (a share of
# the smaller height) with more than this gap between them (a share of their size) are not
# one line, though the gap be narrower than a word space at their size.
_OFF_BASELINE = 0.25
_OFF_BASELINE_GAP = 0.15
# Gaps narrower than this [em] between two runs are no word space (a font change inside a word).
_SPACE_GAP = 0.12
# Words the source put on one line are cut apart only at a gap wider than this [em].
_SOURCE_LINE_GAP = 2.0
# CJK punctuation may stand this far [em] from its neighbour on the same line.
_CJK_PUNCTUATION = "、。，．：；！？）」』】〉》〕（「『【〈《〔・…—"
_PUNCTUATION_GAP = 1.0
# Between CJK words, a gap this wide [em] is a space: the em space between headline phrases.
_CJK_SPACE_GAP = 0.8
# A word this many times larger than its neighbour is set apart from it (a drop cap).
_OUTSIZED = 1.8
# An empty strip this wide [em] through the neighbouring rows makes a gap a gutter.
_GUTTER = 0.4
# A line is bold or italic when at least this share of its characters is (a bold lead-in is not).
_STYLE_SHARE = 0.7


def _flip(box: Box) -> Box:
    return Box(box.y0, box.x0, box.y1, box.x1)


def build_lines(words: Sequence[Word], rules: Sequence[Rule], params: Params) -> tuple[Line, ...]:
    """Group words into lines; horizontal lines first, then vertical ones.

    A vertical rule between two words always cuts the line: it is a column separator.
    """
    horizontal = [w for w in words if not w.vertical]
    vertical = [w for w in words if w.vertical]
    v_rules = [r.box for r in rules if r.orientation == "v"]
    h_rules = [_flip(r.box) for r in rules if r.orientation == "h"]
    lines = [_line(ws, vertical=False) for ws in _rows(horizontal, params, lambda b: b, v_rules)]
    lines += [_line(ws, vertical=True) for ws in _rows(vertical, params, _flip, h_rules)]
    return tuple(lines)


def _other_source_block(a: Word, b: Word) -> bool:
    """True when the source put a and b in different blocks (``Word.source_block``)."""
    return a.source_block is not None and b.source_block is not None and a.source_block != b.source_block


def _outsized(a: Word, b: Word) -> bool:
    """True when one of two neighbours is far larger: a drop cap or a headline beside body text."""
    return max(a.size, b.size) > _OUTSIZED * max(min(a.size, b.size), 1e-6)


def _apart(a: Word, b: Word, gap: float, params: Params) -> bool:
    """True when the gap between neighbours a and b on one row is a gutter, not a space."""
    size = max(min(a.size, b.size), 1e-6)  # the smaller: body text beside a headline is apart
    same_source_line = a.source_line is not None and a.source_line == b.source_line
    if same_source_line:
        return gap > _SOURCE_LINE_GAP * size
    # CJK punctuation sits off-centre in its cell (in vertical text most of all).
    if a.text[-1] in _CJK_PUNCTUATION or b.text[0] in _CJK_PUNCTUATION:
        return gap > _PUNCTUATION_GAP * size
    if not a.vertical and abs(a.box.cy - b.box.cy) > _OFF_BASELINE * min(a.box.height, b.box.height) \
            and gap > _OFF_BASELINE_GAP * size:
        return True  # two headlines side by side, set on different baselines
    return gap > params.word_gap * size


def _rows(words: list[Word], params: Params, axes, separators: list[Box]) -> list[list[Word]]:
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
    for row in rows:
        row.sort(key=lambda w: boxes[id(w)].x0)
    pieces = []
    for i, row in enumerate(rows):
        piece = [row[0]]
        right = boxes[id(row[0])].x1
        for w in row[1:]:
            b = boxes[id(w)]
            if _separated(right, b, separators) or _outsized(piece[-1], w) \
                    or _other_source_block(piece[-1], w) or (
                    _apart(piece[-1], w, b.x0 - right, params)
                    and not _bridged(rows, i, right, b.x0, w.size, boxes)):
                pieces.append(piece)
                piece = []
            piece.append(w)
            right = max(right, b.x1)
        pieces.append(piece)
    return pieces


def _bridged(rows: list[list[Word]], i: int, left: float, right: float, size: float,
             boxes: dict) -> bool:
    """True when the rows just above and below row i leave no gutter-wide strip empty in the gap.

    The gap runs from x=left to x=right. Only rows within two line heights and words of
    similar size count, so a headline above the body cannot bridge a gutter; without such a
    neighbour row, nothing is bridged.
    """
    y = boxes[id(rows[i][0])].cy
    covered = []
    for j in (i - 1, i + 1):
        if not 0 <= j < len(rows) or abs(boxes[id(rows[j][0])].cy - y) > 2.0 * size:
            continue
        covered += [(boxes[id(w)].x0, boxes[id(w)].x1) for w in rows[j]
                    if abs(w.size - size) <= 0.15 * size and boxes[id(w)].x1 > left
                    and boxes[id(w)].x0 < right]
    if not covered:
        return False
    reach, widest = left, 0.0
    for x0, x1 in sorted(covered):
        widest = max(widest, x0 - reach)
        reach = max(reach, x1)
    widest = max(widest, right - reach)
    return widest < _GUTTER * size


def _separated(right: float, b: Box, separators: list[Box]) -> bool:
    """True when a separator rule stands in the gap between x=right and box b on its row."""
    return any(right - 1 <= s.cx <= b.x0 + 1 and s.y0 <= b.cy <= s.y1 for s in separators)


def font_family(font: str) -> str:
    """A font name's family: "ABCDEF+Times-Bold" → "times", "FZShuSong-Z01" → "fzshusong"."""
    name = font.rpartition("+")[2]
    return name.split("-")[0].split(",")[0].lower()


def _lead_in(words: list[Word]) -> bool:
    """True when the line opens with a styled run (a bold lead-in, a drop cap) before plain text.

    "**D'autant plus que** si le client a" is a body line; its style is that of its plain rest.
    """
    first = words[0]
    rest = [w for w in words[1:] if (w.bold, w.font, w.size) != (first.bold, first.font, first.size)]
    return bool(rest) and (first.bold or first.size > rest[0].size) and \
        sum(len(w.text) for w in rest) >= 0.25 * sum(len(w.text) for w in words)


def _line(words: list[Word], vertical: bool) -> Line:
    """A line from its words in reading order, with the style of most of its characters.

    A lead-in run does not count towards the style (see ``_lead_in``).
    """
    styled = words
    if len(words) > 1 and _lead_in(words):
        first = words[0]
        styled = [w for w in words if (w.bold, w.font, w.size) != (first.bold, first.font, first.size)]
    sizes: dict[float, int] = {}
    fonts: dict[str, int] = {}
    bold = italic = total = 0
    for w in styled:
        n = len(w.text)
        sizes[w.size] = sizes.get(w.size, 0) + n
        fonts[w.font] = fonts.get(w.font, 0) + n
        bold += n * w.bold
        italic += n * w.italic
        total += n
    return Line(tuple(words), union_all(w.box for w in words), join_words(words, vertical),
                max(sizes, key=sizes.get), bold >= _STYLE_SHARE * total,
                italic >= _STYLE_SHARE * total, vertical, font_family(max(fonts, key=fonts.get)))


def join_words(words: Sequence[Word], vertical: bool = False) -> str:
    """Words' text joined with a space where their gap is a word space and the script uses one.

    CJK text takes no space between words, except an em-wide gap between two phrases of a
    headline ("河口镇打造供暖管网　改造应急预案"); punctuation never takes one.
    """
    parts = [words[0].text]
    for prev, w in zip(words, words[1:]):
        gap = (w.box.y0 - prev.box.y1) if vertical else (w.box.x0 - prev.box.x1)
        size = max(w.size, 1e-6)
        if joins_without_space(prev.text, w.text):
            spaced = gap > _CJK_SPACE_GAP * size and not (
                prev.text[-1] in _CJK_PUNCTUATION or w.text[0] in _CJK_PUNCTUATION)
        else:
            spaced = gap > _SPACE_GAP * size
        if spaced:
            parts.append(" ")
        parts.append(w.text)
    return "".join(parts)
