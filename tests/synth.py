"""Hand-made pages for unit tests: words placed on a grid, in points, top-left origin."""

from __future__ import annotations

from layout.model import Box, Figure, PageContent, Rule, Word

LOREM = ("the council said on monday that the new plan would reach every district before "
         "winter and that the cost would be shared by the city and the region while residents "
         "asked for more time to study the details of the proposal and its effect on rents").split()


def word(text: str, x0: float, y0: float, size: float = 10, *, bold: bool = False,
         italic: bool = False, font: str = "Times", line: int | None = None) -> Word:
    """A word whose width follows its text: half an em per Latin character, one per CJK one."""
    width = sum(size if ord(c) > 0x2E80 else 0.5 * size for c in text)
    return Word(text, Box(x0, y0, x0 + width, y0 + size), font, size, bold, italic, source_line=line)


def text_lines(texts: list[str], x0: float, y0: float, size: float = 10, pitch: float = 12,
               **style) -> list[Word]:
    """One word (a whole line of text) per line, top to bottom."""
    return [word(t, x0, y0 + i * pitch, size, **style) for i, t in enumerate(texts)]


def column(x0: float, y0: float, n_lines: int, width: float = 100, size: float = 10,
           pitch: float = 12, start: int = 0, indent_first: bool = False) -> list[Word]:
    """A column of justified body text ``width`` wide; the words run on from ``start`` in LOREM.

    Every line reaches the right edge, as justified text does, so only an indent tells where
    a paragraph starts; a first line set in opens one, with a capital.
    """
    per_line = int(width / (0.5 * size))
    words, k = [], start
    for i in range(n_lines):
        chars, line = 0, []
        while True:
            w = LOREM[k % len(LOREM)]
            if chars + len(w) + (1 if line else 0) > per_line:
                break
            chars += len(w) + (1 if line else 0)
            line.append(w)
            k += 1
        text = " ".join(line)
        shift = 1.5 * size if indent_first and i == 0 else 0
        if shift:
            text = text[:1].upper() + text[1:]
        words.append(Word(text, Box(x0 + shift, y0 + i * pitch, x0 + width, y0 + i * pitch + size),
                          "Times", size))
    return words


def page(words: list[Word], figures: list[Box] = (), rules: list[tuple[Box, str]] = (),
         frames: list[Box] = (), width: float = 600, height: float = 800) -> PageContent:
    """A PageContent from hand-placed words, figure boxes, rules and frames."""
    return PageContent(1, width, height, "pt", tuple(words), tuple(Figure(b) for b in figures),
                       tuple(Rule(b, o) for b, o in rules), tuple(frames))
