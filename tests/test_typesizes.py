"""Type scaled across alone, sized by its height (``sources.typesizes``)."""

from layout.model import Box, Word
from layout.sources.typesizes import scaled_type_sized


def _word(text: str, y0: float, size: float, height: float, font: str = "DroidSansFallback") -> Word:
    return Word(text, Box(722, y0, 722 + size * len(text), y0 + height), font, size)


def test_a_condensed_last_line_is_sized_as_tall_as_its_lines_above():
    """18 pt type boxed 23.6 tall (1.31 per point); its last line condensed to 16 pt across,
    which MuPDF reads 16.97 (the mean of its two scales), boxed as tall: 18 pt type (a head's
    "网" read a size down became a deck, scribus_s161_00_zh). The body's face, its sizes as
    read, is left as it is."""
    words = [_word("南城社区推", 202.5, 18, 23.6), _word("进污水管", 222.3, 18, 23.6),
             _word("网", 242.1, 16.97, 23.6), _word("本报记者", 268.2, 8.5, 11.1)]
    words += [_word("文旅部门提出", 300 + 12 * k, 9, 10.4, "UMingCN") for k in range(3)]
    sized = scaled_type_sized(words)
    assert [w.size for w in sized] == [18, 18, 18.0, 8.5, 9, 9, 9]
    assert [w.box for w in sized] == [w.box for w in words]


def test_a_face_boxed_by_its_glyphs_keeps_the_sizes_read():
    """A face whose boxes follow its glyphs (a Type 3 font: heights per point disagreeing)
    says nothing of its sizes; nor does a face of too few words."""
    words = [_word("一", 100, 10, 3), _word("口", 120, 10, 9), _word("人", 140, 10, 7),
             _word("大", 160, 9, 10)]
    assert scaled_type_sized(words) == words
    few = [_word("网", 242.1, 16.97, 23.6), _word("南城", 202.5, 18, 23.6)]
    assert scaled_type_sized(few) == few


def test_a_box_far_taller_than_its_size_says_is_no_scaled_type():
    """7 pt notes boxed 8.8 pt tall where the face boxes 1 pt per point (the Federal
    Register's): a quarter taller is no type scaled across (3/4 to 4/3 reads at most 15 per
    cent off), so they keep their size."""
    words = [_word("notes", 100 + 10 * k, 7, 6.98, "Melior") for k in range(4)]
    tall = [_word("note", 200, 7, 8.79, "Melior")]
    assert scaled_type_sized(words + tall) == words + tall
