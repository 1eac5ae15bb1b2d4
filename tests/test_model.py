"""The model's values: Box, Word, Line and Block keep the dataclass behaviour under their
quicker ``__new__`` (``quickinit.quicken``)."""

import dataclasses
import inspect
import pickle

import pytest

from layout.model import Block, Box, Line, Word


@pytest.mark.parametrize("cls", [Box, Word, Line, Block])
def test_the_quick_constructor_takes_the_fields_in_order_with_their_defaults(cls):
    params = list(inspect.signature(cls.__new__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]


def test_a_word_made_by_keyword_is_the_word_made_by_position():
    box = Box(1.0, 2.0, 3.0, 4.0)
    by_position = Word("Paris", box, "Times-Bold", 9.5, True, False, False, 0.9, 3, 7)
    by_keyword = Word(text="Paris", box=Box(x0=1.0, y0=2.0, x1=3.0, y1=4.0), font="Times-Bold",
                      size=9.5, bold=True, confidence=0.9, source_line=3, source_block=7)
    assert by_position == by_keyword and hash(by_position) == hash(by_keyword)
    assert Word("a", box) == Word("a", box, "", 0.0, False, False, False, None, None, None)


def test_boxes_and_words_stay_frozen_and_round_trip():
    word = Word("Paris", Box(1.0, 2.0, 3.0, 4.0), size=9.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        word.box.x0 = 0.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        word.text = "Lyon"
    assert dataclasses.replace(word, text="Lyon") == Word("Lyon", word.box, size=9.0)
    assert pickle.loads(pickle.dumps(word)) == word
    assert word.box.union(Box(0.0, 0.0, 1.0, 1.0)) == Box(0.0, 0.0, 3.0, 4.0)


def test_lines_and_blocks_made_by_keyword_or_replaced_are_those_made_by_position():
    box = Box(1.0, 2.0, 3.0, 4.0)
    word = Word("Paris", box, size=9.0)
    line = Line((word,), box, "Paris", 9.0, True, False, False, "times")
    by_keyword = Line(words=(word,), box=box, text="Paris", size=9.0, bold=True, italic=False,
                      font="times")
    assert line == by_keyword and hash(line) == hash(by_keyword)
    block = Block((line,), box, 9.0, True, False, frame=2, font="times")
    assert block == Block((line,), box, 9.0, True, False, "body", "", 2, "times", ())
    assert dataclasses.replace(block, role="headline", text="Paris") == \
        Block((line,), box, 9.0, True, False, "headline", "Paris", 2, "times", ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.text = "Lyon"
    assert pickle.loads(pickle.dumps(block)) == block


@pytest.mark.parametrize("cls", [Box, Word, Line, Block])
def test_values_made_quickly_are_of_their_class_frozen_and_copied_whole(cls):
    import copy  # noqa: PLC0415
    box = Box(1.0, 2.0, 3.0, 4.0)
    line = Line((Word("a", box),), box, "a", 9.0, False, False)
    value = {Box: box, Word: Word("a", box, size=9.0, source_line=2),
             Line: line, Block: Block((line,), box, 9.0, False, False, "headline", "a")}[cls]
    assert type(value) is cls and copy.copy(value) == value and copy.deepcopy(value) == value
    assert pickle.loads(pickle.dumps(value, protocol=2)) == value
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, dataclasses.fields(cls)[1].name, None)
    with pytest.raises(TypeError):
        cls()  # every field without a default is still asked for
