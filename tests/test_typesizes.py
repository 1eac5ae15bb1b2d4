"""Type scaled across alone, sized by its height (``sources.typesizes``)."""

from layout.model import Box, Word
from layout.sources.typesizes import ideograph_pitch, pitch_sized, scaled_type_sized


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
    Register's): a quarter taller is no type scaled across (2/3 to 3/2 reads at most 23 per
    cent off), so they keep their size."""
    words = [_word("notes", 100 + 10 * k, 7, 6.98, "Melior") for k in range(4)]
    tall = [_word("note", 200, 7, 8.79, "Melior")]
    assert scaled_type_sized(words + tall) == words + tall


def _span_words(sizes: list[float], font: str = "BousungEG-Light-GB") -> list[Word]:
    return [Word("推进产业链", Box(30, 100 + 13 * k, 115, 100 + 13 * k + size), font, size)
            for k, size in enumerate(sizes)]


def _chars(text: str, xs: list[float]) -> list[dict]:
    return [{"c": c, "origin": (x, 0.0)} for c, x in zip(text, xs)]


def _spans(sizes: list[float], pitches: list[float]) -> list[tuple[int, int, float, list[dict]]]:
    """One span a word: its size as read, its first ideographs at ``pitch``."""
    return [(k, k + 1, size, _chars("推进产业链", [30 + j * pitch for j in range(5)]))
            for k, (size, pitch) in enumerate(zip(sizes, pitches))]


def test_lines_condensed_to_justify_are_sized_by_their_ideographs_pitch():
    """8.5 pt Chinese condensed line by line to justify (Scribus: 91 and 89 per cent across),
    which MuPDF reads 8.12 and 8.03 and boxes as tall: their ideographs, 7.75 and 7.58 apart,
    say 8.5 pt type again (8.12 x 8.12 / 7.75), as the unscaled lines read (scribus_s165_04_zh,
    whose full lines at 8.5 became crossheads)."""
    sizes = [8.12, 8.5, 8.03, 8.12, 8.5]
    pitches = [7.757, 8.5, 7.586, 7.757, 8.5]
    sized = pitch_sized(_span_words(sizes), _spans(sizes, pitches))
    assert [w.size for w in sized] == [8.5] * 5


def test_lines_spaced_out_beside_condensed_ones_keep_their_size():
    """A face condensed on some lines and spaced out on others (Scribus sets a loose
    justified line with wider spacing, its glyphs unscaled: 8.5 pt read 8.5 at a pitch of
    8.9, scribus_s161_09_zh): the condensed lines are sized up, the spaced ones keep 8.5, not
    the 8.12 their pitch would give."""
    sizes = [8.12, 8.5, 8.03, 8.12, 8.5, 8.5]
    pitches = [7.757, 8.5, 7.586, 7.757, 8.5, 8.9]
    sized = pitch_sized(_span_words(sizes), _spans(sizes, pitches))
    assert [w.size for w in sized] == [8.5] * 6


def test_type_tracked_tight_keeps_the_sizes_read():
    """9 pt Chinese set 3 per cent tight in some lines (pitch 8.73) and solid in others: the
    sizes as read agree, the heights the pitch would give do not, so nothing changes; nor does
    a face of too few pitched spans."""
    words = _span_words([9.0] * 5)
    assert pitch_sized(words, _spans([9.0] * 5, [8.73, 9.0, 8.73, 9.0, 9.0])) == words
    assert pitch_sized(words[:2], _spans([8.12, 8.03], [7.757, 7.586])) == words[:2]


def test_ideograph_pitch_reads_a_span_opening_with_three_ideographs_set_evenly():
    """The pitch of a span's first three characters, ideographs set evenly; none where the span
    opens with Latin letters or punctuation (half an em in many faces), or spaced unevenly."""
    assert ideograph_pitch(_chars("推进产业，", [0, 7.75, 15.5, 23.25, 31])) == 7.75
    assert ideograph_pitch(_chars("ab推进", [0, 4, 8, 15.75])) is None
    assert ideograph_pitch(_chars("推，产业", [0, 7.75, 11.75, 19.5])) is None
    assert ideograph_pitch(_chars("推进产业", [0, 7.75, 17, 24.75])) is None


def test_a_lone_character_condensed_to_two_thirds_is_sized_as_its_caption():
    """A caption's last line, one character condensed to 2/3 across (Scribus), which MuPDF
    reads 6.12 (the root of 5 x 7.5) and boxes 7.85 tall as the 7.5 pt lines above it: 7.5 pt
    type, so it stays with its caption (scribus_s167_03_zh lost "庆" from "制图：徐国庆")."""
    words = [_word("新增就业岗位", 200 + 9 * k, 7.5, 7.85, "UMingCN") for k in range(4)]
    sized = scaled_type_sized(words + [_word("庆", 240, 6.12, 7.85, "UMingCN")])
    assert [w.size for w in sized] == [7.5] * 5
