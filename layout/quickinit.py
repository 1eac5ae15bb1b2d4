"""Quicker constructors of the model's most made values (``model.Box``, ``Word``, ``Line``,
``Block``): a large page makes 10^5 boxes and words. A frozen dataclass's own ``__init__``
writes each field through ``object.__setattr__`` by name, and setting each slot through its
descriptor instead is still a call a field. ``quicken`` gives each class a ``__new__`` taking
the same fields in the same order with the same defaults (``tests/test_model.py`` holds them
to the fields) that makes a value of a plain class with the same slots, writes the fields as
plain attributes (Python's quickest store), then makes the value one of the model's class
(``__class__``, which Python allows between classes of the same slots). The value is the
dataclass's in all but how it was made: frozen, compared, hashed, replaced, copied and
pickled as one. Callgrind, 44 k values made: a Box 2.6 k instructions (4.4 k through the
descriptors, 1.9 k for a plain class), a Word 4.3 k (8.5 k). Kept apart from ``model.py``
for that module's length; ``model`` calls ``quicken`` once its classes are defined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (annotations only: ``model`` imports this module)
    from .model import Block, Box, Line, Word, WordBreak
    from .roles import Role

_new = object.__new__


def quicken(box: type, word: type, line: type, block: type) -> None:
    """Give the model's Box, Word, Line and Block classes their quicker ``__new__``; their
    ``__init__`` becomes ``object.__init__`` (``__new__`` sets every field), and a value is
    pickled and copied as its constructor's call with its fields (``_reduce``)."""
    for cls, make in ((box, _box_new), (word, _word_new), (line, _line_new), (block, _block_new)):
        cls.__new__ = make(type(f"_{cls.__name__}Fields", (), {"__slots__": cls.__slots__}))
        cls.__init__ = object.__init__
        cls.__reduce__ = _reduce


def _reduce(value: object) -> tuple:
    """The value's class and its fields in order: pickle's default would call ``__new__``
    with none."""
    return type(value), tuple(value.__getstate__())


def _box_new(fields_of: type):
    """``Box.__new__``; ``fields_of``: the plain class of its slots."""

    def __new__(cls, x0: float, y0: float, x1: float, y1: float) -> Box:
        b = _new(fields_of)
        b.x0 = x0
        b.y0 = y0
        b.x1 = x1
        b.y1 = y1
        b.__class__ = cls
        return b
    return __new__


def _word_new(fields_of: type):
    """``Word.__new__`` as ``_box_new`` makes Box's: an ALTO page's reading is a fifth making
    its words and their boxes."""

    def __new__(cls, text: str, box: Box, font: str = "", size: float = 0.0, bold: bool = False,
                italic: bool = False, vertical: bool = False, confidence: float | None = None,
                source_line: int | None = None, source_block: int | None = None) -> Word:
        w = _new(fields_of)
        w.text = text
        w.box = box
        w.font = font
        w.size = size
        w.bold = bold
        w.italic = italic
        w.vertical = vertical
        w.confidence = confidence
        w.source_line = source_line
        w.source_block = source_block
        w.__class__ = cls
        return w
    return __new__


def _line_new(fields_of: type):
    """``Line.__new__`` as ``_box_new`` makes Box's: a page makes a line of every row of
    words, and again as the stages cut and join them."""

    def __new__(cls, words: tuple[Word, ...], box: Box, text: str, size: float, bold: bool,
                italic: bool, vertical: bool = False, font: str = "") -> Line:
        ln = _new(fields_of)
        ln.words = words
        ln.box = box
        ln.text = text
        ln.size = size
        ln.bold = bold
        ln.italic = italic
        ln.vertical = vertical
        ln.font = font
        ln.__class__ = cls
        return ln
    return __new__


def _block_new(fields_of: type):
    """``Block.__new__`` as ``_box_new`` makes Box's: every stage after the blocks makes
    blocks anew (``dataclasses.replace``, which calls it), a hundred a page or more."""

    def __new__(cls, lines: tuple[Line, ...], box: Box, size: float, bold: bool, italic: bool,
                role: Role = "body", text: str = "", frame: int | None = None, font: str = "",
                word_breaks: tuple[WordBreak, ...] = ()) -> Block:
        b = _new(fields_of)
        b.lines = lines
        b.box = box
        b.size = size
        b.bold = bold
        b.italic = italic
        b.role = role
        b.text = text
        b.frame = frame
        b.font = font
        b.word_breaks = word_breaks
        b.__class__ = cls
        return b
    return __new__
