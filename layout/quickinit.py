"""Quicker constructors of the model's most made values (``model.Box``, ``Word``, ``Line``,
``Block``): a large page makes 10^5 boxes and words, and a frozen dataclass's own
``__init__`` writes each field through ``object.__setattr__`` by name. ``quicken`` gives each
class an ``__init__`` taking the same fields in the same order with the same defaults
(``tests/test_model.py`` holds them to the fields), which sets each slot through its
descriptor instead: a third of the time of making a box. Kept apart from ``model.py`` for that
module's length; ``model`` calls ``quicken`` once its classes are defined.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (annotations only: ``model`` imports this module)
    from .model import Box, Line, Word, WordBreak
    from .roles import Role


def quicken(box: type, word: type, line: type, block: type) -> None:
    """Give the model's Box, Word, Line and Block classes their quicker ``__init__``."""
    box.__init__ = _box_init(box)
    word.__init__ = _word_init(word)
    line.__init__ = _line_init(line)
    block.__init__ = _block_init(block)


def _slot_setters(cls: type) -> tuple:
    """The setters of a slotted class's fields, which write past its frozen ``__setattr__``."""
    return tuple(cls.__dict__[f.name].__set__ for f in fields(cls))


def _box_init(cls: type):
    """``Box.__init__`` as the dataclass writes it, setting each slot through its descriptor
    instead of ``object.__setattr__`` by name."""
    set_x0, set_y0, set_x1, set_y1 = _slot_setters(cls)

    def __init__(self, x0: float, y0: float, x1: float, y1: float) -> None:
        set_x0(self, x0)
        set_y0(self, y0)
        set_x1(self, x1)
        set_y1(self, y1)
    return __init__


def _word_init(cls: type):
    """``Word.__init__`` made as ``_box_init`` makes Box's: an ALTO page's reading is a fifth
    making its words and their boxes."""
    (set_text, set_box, set_font, set_size, set_bold, set_italic, set_vertical, set_confidence,
     set_line, set_block) = _slot_setters(cls)

    def __init__(self, text: str, box: Box, font: str = "", size: float = 0.0,
                 bold: bool = False, italic: bool = False, vertical: bool = False,
                 confidence: float | None = None, source_line: int | None = None,
                 source_block: int | None = None) -> None:
        set_text(self, text)
        set_box(self, box)
        set_font(self, font)
        set_size(self, size)
        set_bold(self, bold)
        set_italic(self, italic)
        set_vertical(self, vertical)
        set_confidence(self, confidence)
        set_line(self, source_line)
        set_block(self, source_block)
    return __init__


def _line_init(cls: type):
    """``Line.__init__`` made as ``_box_init`` makes Box's: a page makes a line of every row
    of words, and again as the stages cut and join them."""
    (set_words, set_box, set_text, set_size, set_bold, set_italic, set_vertical,
     set_font) = _slot_setters(cls)

    def __init__(self, words: tuple[Word, ...], box: Box, text: str, size: float, bold: bool,
                 italic: bool, vertical: bool = False, font: str = "") -> None:
        set_words(self, words)
        set_box(self, box)
        set_text(self, text)
        set_size(self, size)
        set_bold(self, bold)
        set_italic(self, italic)
        set_vertical(self, vertical)
        set_font(self, font)
    return __init__


def _block_init(cls: type):
    """``Block.__init__`` made as ``_box_init`` makes Box's: every stage after the blocks makes
    blocks anew (``dataclasses.replace``, which calls it), a hundred a page or more."""
    (set_lines, set_box, set_size, set_bold, set_italic, set_role, set_text, set_frame,
     set_font, set_breaks) = _slot_setters(cls)

    def __init__(self, lines: tuple[Line, ...], box: Box, size: float, bold: bool, italic: bool,
                 role: Role = "body", text: str = "", frame: int | None = None, font: str = "",
                 word_breaks: tuple[WordBreak, ...] = ()) -> None:
        set_lines(self, lines)
        set_box(self, box)
        set_size(self, size)
        set_bold(self, bold)
        set_italic(self, italic)
        set_role(self, role)
        set_text(self, text)
        set_frame(self, frame)
        set_font(self, font)
        set_breaks(self, word_breaks)
    return __init__
