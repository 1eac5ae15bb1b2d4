"""A line of words set sideways, as the readers give it: its words in the order it reads.

An OCR engine's line set sideways (a rotated advertisement, a margin note) holds words that
stand one over another; the readers split such a line into a row a word (``alto_lines.
printed_rows``), top to bottom. Turned a quarter anticlockwise the line reads up the page, so
its rows must come bottom first (``along_sideways_line``). The turn is read from the file
when it states one (ALTO ``ROTATION``, hOCR ``textangle``: degrees anticlockwise), else from
the engine's own order of the words, which it read along the line. ``analysis.rotation``
then reads the block apart, turned the way its lines climb or fall.
"""

from __future__ import annotations

from lxml import etree

Coords = tuple[float, float, float, float]  # x0, y0, x1, y1 [px]

# [the line's width] a found line of words standing one over another in one column, this many
# times as tall as it is wide, was set sideways (a word of letters turned is taller than its
# type's height, and several such stand taller still)
_SIDEWAYS = 2.0


def along_sideways_line(rows: list[list[int]], boxes: list[Coords],
                        rotation: float | None = None) -> list[list[int]]:
    """``rows`` (of ``printed_rows``, top to bottom) as the line reads when it was set
    sideways: its words standing one over another in one column (``_in_one_column``) that is
    ``_SIDEWAYS`` times as tall as wide, a word a row (a comma beside a word's end stands in
    no row of its own across). Turned a quarter anticlockwise it reads up the page, clockwise
    down it: the ``rotation`` the file gives (90 or 270 degrees anticlockwise, as ALTO
    counts), else the OCR engine's own order of the words, which read the line along them:
    its first word below its last reads up. Any other line's rows are kept top to bottom (an
    engine may list stacked printed lines bottom first)."""
    down = sorted(range(len(boxes)), key=lambda k: boxes[k][1] + boxes[k][3])
    if not _in_one_column([boxes[k] for k in down]):
        return rows
    if max(b[3] for b in boxes) - min(b[1] for b in boxes) < _SIDEWAYS * (
            max(b[2] for b in boxes) - min(b[0] for b in boxes)):
        return rows
    turn = None if rotation is None else round(rotation) % 360
    first, last = boxes[0], boxes[-1]
    if turn == 90 or (turn != 270 and first[1] + first[3] > last[1] + last[3]):
        down.reverse()
    return [[k] for k in down]


def _in_one_column(boxes: list[Coords]) -> bool:
    """Whether each word (``boxes`` top to bottom) overlaps the next across: the column of a
    line set sideways, which may lean on a skewed scan. Words side by side on a printed line
    overlap none across."""
    return all(min(a[2], b[2]) > max(a[0], b[0]) for a, b in zip(boxes, boxes[1:]))


def rotation_of(line: etree._Element) -> float | None:
    """The turn the file gives a ``TextLine``, its own ``ROTATION`` else its block's (ALTO:
    degrees anticlockwise), None when neither gives a number."""
    for element in (line, line.getparent()):
        if element is not None and element.get("ROTATION") is not None:
            try:
                return float(element.get("ROTATION"))
            except ValueError:
                return None
    return None
