"""Text set sideways on an OCR page of horizontal text (``analysis.rotation``, and its
analysis apart in ``pipeline``): a rotated advertisement up the margin of an 18th-century page."""

from dataclasses import replace

from layout.analysis.rotation import read_apart, with_sideways_words
from layout.model import Box, Word
from layout.pipeline import analyse_page

from synth import column, page


def _turned_line(words: list[str], x: float, y: float, block: int, first_line: int,
                 up: bool = False) -> list[Word]:
    """A line set sideways, read down the page from ``y`` (``up``: up it from ``y``): each
    word boxed tall and thin (10 px across, 7 px a letter along), each on a found line of its
    own, numbered in reading order, as an ALTO reader splits a TextLine whose words stand one
    over another (``sideways.along_sideways_line``). Its size is its length, as a reader
    sizing words by their line's height gives it."""
    out = []
    for k, text in enumerate(words):
        height = 7 * len(text)
        top = y - height if up else y
        out.append(Word(text, Box(x, top, x + 10, top + height), "", height, source_line=first_line + k,
                        source_block=block))
        y += -(height + 4) if up else height + 4
    return out


def test_a_block_set_sideways_turns_its_short_words_and_is_sized_across():
    """'de' and 'en', as wide as tall, are sideways with the rest of their block; read apart,
    the block's words get one size, their width sized as the page's upright words are by
    their height, and leave their found lines. A headline the engine boxed 2 px wide is no
    sideways word, nor is a short word of an upright block."""
    side = _turned_line(["Een", "zeer", "nuttig", "de", "Huysmiddel"], 400, 60, 5, 100)
    side += _turned_line(["en", "alle", "scherpe", "pillen"], 385, 60, 5, 200)
    broken = [Word("GRAVENHAGE", Box(300, 40, 302, 100), "", 10, source_block=6)]
    upright = [replace(w, source_block=1) for w in column(50, 100, 20)]
    content = with_sideways_words(replace(page(upright + side + broken), unit="px"))
    turned = {w.text: w for w in content.words if w.vertical}
    assert set(turned) == {w.text for w in side}
    assert not any(w.vertical for w in content.words if w.source_block in (1, 6))
    upright, aside, up = read_apart(content.words)
    assert not up  # its found lines, one a word, are numbered down the page
    assert {w.text for w in aside} == set(turned) and not any(w.vertical for w in upright)
    assert {w.size for w in aside} == {10.0} and {w.source_line for w in aside} == {None}


def test_sideways_text_is_a_story_of_its_own_read_along_its_lines():
    """Analysed apart, turned a quarter: the sideways lines read down the page, the line at the
    right first, and join no story of the upright column beside them."""
    side = _turned_line(["Een", "zeer", "nuttig", "Huysmiddel", "zynde"], 400, 60, 5, 100)
    side += _turned_line(["alle", "scherpe", "pillen", "geneezende", "door"], 386, 60, 5, 200)
    upright = [replace(w, source_block=1) for w in column(50, 100, 30)]
    layout = analyse_page(replace(page(upright + side), unit="px"))
    texts = [" ".join(b.text for b in s.blocks) for s in layout.stories]
    assert any(t.startswith("Een zeer nuttig Huysmiddel zynde alle scherpe") for t in texts)
    assert not any("council" in t and "nuttig" in t for t in texts)


def test_only_blocks_wholly_sideways_of_lines_side_by_side_are_read_apart():
    """A block turned as a whole, two lines side by side, is read apart, and so are two lines
    an engine boxed a block each; a table's turned column head among its upright figures, and
    a lone turned label, stay on the page."""
    block = _turned_line(["Een", "zeer", "nuttig"], 400, 60, 5, 100)
    block += _turned_line(["alle", "scherpe", "pillen"], 386, 60, 5, 200)
    label = _turned_line(["vendues", "marche"], 300, 60, 7, 300)
    table = _turned_line(["Froment", "hectol"], 200, 60, 8, 400)
    table += [Word(f"73.9{k}", Box(220, 70 + 12 * k, 250, 80 + 12 * k), "", 10, source_line=500 + k,
                   source_block=8) for k in range(6)]
    upright = [replace(w, source_block=1) for w in column(50, 100, 20)]
    cut = _turned_line(["Kies", "Tand", "Hoofd"], 500, 60, 9, 600)
    cut += _turned_line(["Oorpynen", "zinkingagtige"], 514, 60, 10, 700)
    content = with_sideways_words(replace(page(upright + block + label + table + cut), unit="px"))
    assert {w.source_block for w in read_apart(content.words)[1]} == {5, 9, 10}


def test_sideways_text_turned_anticlockwise_reads_up_the_page_its_left_line_first():
    """A block turned a quarter anticlockwise (its lines read bottom to top, the line at the
    left first) is read apart as reading up, and its story reads forwards, not backwards."""
    side = _turned_line(["Op", "heeden", "zynde", "Vrydag", "den"], 386, 400, 5, 100, up=True)
    side += _turned_line(["vijftien", "Mey", "zal", "men", "verkopen"], 400, 400, 5, 200, up=True)
    upright = [replace(w, source_block=1) for w in column(50, 100, 30)]
    content = with_sideways_words(replace(page(upright + side), unit="px"))
    _, down, up = read_apart(content.words)
    assert not down and {w.text for w in up} == {w.text for w in side}
    layout = analyse_page(replace(page(upright + side), unit="px"))
    texts = [" ".join(b.text for b in s.blocks) for s in layout.stories]
    assert any(t.startswith("Op heeden zynde Vrydag den vijftien Mey zal men verkopen")
               for t in texts), texts
    (story,) = [s for s in layout.stories if "Vrydag" in s.blocks[0].text]
    assert all(b.box.x0 >= 380 and b.box.y1 <= 400 for b in story.blocks)  # turned back in place


# --- the readers give a sideways line's words in the order it reads ------------------------

_ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"


def _sideways_alto(path, words: list[str], order: str, rotation: str = "", line_rotation: str = ""):
    """An ALTO page holding one TextLine set sideways in a TextBlock (``rotation``: its
    ROTATION attribute, if any; ``line_rotation``: the line's): ``words`` stand one over
    another at x 100-125, the first at the bottom (they read up), listed in the file
    ``"reading"`` (first word first) or ``"top-down"`` (an engine that sorted them by y)."""
    y, boxes = 1000, []
    for text in words:
        height = 20 * len(text)
        y -= height + 10
        boxes.append((text, y, height))
    listed = boxes if order == "reading" else sorted(boxes, key=lambda b: b[1])
    strings = "".join(f'<String CONTENT="{t}" HPOS="100" VPOS="{y}" WIDTH="25" HEIGHT="{h}"/>'
                      for t, y, h in listed)
    block = f' ROTATION="{rotation}"' if rotation else ""
    line = f' ROTATION="{line_rotation}"' if line_rotation else ""
    path.write_text(f'<alto xmlns="{_ALTO_NS}"><Layout><Page ID="P1" WIDTH="2000" HEIGHT="1200">'
                    f'<TextBlock ID="B1"{block}><TextLine HPOS="100" VPOS="{y}" WIDTH="25" '
                    f'HEIGHT="{1000 - y}"{line}>{strings}</TextLine></TextBlock></Page></Layout></alto>',
                    encoding="utf-8")
    return path


def _read(path) -> list[str]:
    from layout.sources.alto import AltoSource, element_text, load
    words = [w.text for w in sorted(AltoSource(path).page(1).words, key=lambda w: w.source_line)]
    alto = load(path)
    assert element_text(alto, next(alto.root.iter(f"{{{_ALTO_NS}}}TextBlock"))).split() == words
    return words


def test_a_sideways_line_reads_up_by_the_rotation_the_file_gives_else_by_its_words_order(tmp_path):
    """A line turned anticlockwise (ALTO ROTATION 90 on its block or itself) reads bottom to
    top even where the engine listed its words top down; without a ROTATION the engine's
    order says which way it reads; ROTATION 270 (clockwise) reads down. Truth built from the
    file (``element_text``) reads the same."""
    words = ["Op", "heeden", "zynde", "Vrydag"]
    assert _read(_sideways_alto(tmp_path / "a.xml", words, "top-down", "90.00")) == words
    assert _read(_sideways_alto(tmp_path / "b.xml", words, "top-down", line_rotation="90")) == words
    assert _read(_sideways_alto(tmp_path / "c.xml", words, "reading")) == words
    assert _read(_sideways_alto(tmp_path / "d.xml", words, "top-down")) == words[::-1]
    assert _read(_sideways_alto(tmp_path / "e.xml", words, "reading", "270.00")) == words[::-1]


def test_printed_lines_stacked_in_one_found_line_still_read_top_down():
    """Two printed lines of words side by side that an engine listed bottom line first (RERO's
    EZR of 1840) are no sideways line: their rows stay top to bottom."""
    from layout.sources.alto_lines import printed_rows
    from layout.sources.sideways import along_sideways_line
    boxes = [(100, 200, 180, 230), (200, 200, 260, 230), (100, 150, 170, 180), (190, 150, 250, 180)]
    rows = printed_rows(boxes)
    assert rows == [[2, 3], [0, 1]]
    assert along_sideways_line(rows, boxes, 90.0) == rows
