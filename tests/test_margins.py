"""The furniture bands (``margins.in_bands``) on blocks as an OCR file gives them."""

from layout.analysis.margins import in_bands
from layout.model import Block, Box, Line
from layout.params import Params

from synth import page


def block(texts: list[str], x0: float, y0: float, size: float = 10, pitch: float = 12,
          width: float = 200) -> Block:
    """A block of one line per text, ``pitch`` apart, ``width`` wide."""
    lines = tuple(Line((), Box(x0, y0 + i * pitch, x0 + width, y0 + i * pitch + size), t, size, False, False)
                  for i, t in enumerate(texts))
    return Block(lines, Box(x0, y0, x0 + width, lines[-1].box.y1), size, False, False)


def test_a_line_standing_among_the_lines_of_text_at_the_page_top_is_no_running_head():
    """An archive's TextBlock at the top of a page without running head (BL, 1832): a line of
    smaller type among an advertisement's lines stands in the top band, inside that block's
    box; a one-line title over text whose top overlaps the title's foot heads that text.
    Neither is furniture."""
    advert = block(["F, A regular trader", "The first-class ship", "MOREA, master;", "apply to"], 50, 30, pitch=14)
    among = block(["To sail on the 20th"], 90, 37, size=8)
    title = block(["BY MESSRS. T. WINSTANLEY"], 300, 30)
    text = block(["THIS DAY, the 23d"] * 40, 300, 36)  # starts 0.4 body sizes above the title's foot
    assert in_bands([advert, among, title, text], page([], width=600, height=800), 10, Params()) == [False] * 4


def test_a_line_inside_the_box_of_two_lines_at_the_page_top_stays_in_the_band():
    """Two lines are no running text: a running head set between them (a folio and a date
    either side of it, boxed as one) stays furniture."""
    pair = block(["No. 49", "1813"], 50, 30, pitch=14)
    head = block(["THE DAILY HERALD"], 90, 37, size=8)
    assert in_bands([pair, head], page([], width=600, height=800), 10, Params()) == [False, True]


def test_a_column_title_under_the_running_head_heads_its_column_but_a_date_stays_in_the_band():
    """The Liverpool Standard, 1832: the paper's name tops each page, and each column's title
    stands under it in the top band, over its text (``CHURCH REFORM``, ``THORNELY'S ADDRESS``
    whose text opens under ``To THE EDITOR OF THE LIVERPOOL ST.4IND4RD.``: figures inside a
    word make no date line, nor does any part of a run of them, "ST.44IND44RD."). A date line
    set so, under the paper's name, stays furniture (an ordinal day in capitals too)."""
    for standard, day in (("ST.4IND4RD.", "18 December 1924"), ("ST.44IND44RD.", "Friday, 22D November")):
        name = block(["LIVERPOOL STANDARD"], 200, 5, width=200)
        church = block(["CHURCH REFORM"], 420, 20, width=100)
        church_text = block(["The Reverend Sydney Smith"] * 30, 400, 36, width=140)
        address = block(["THORNELY'S ADDRESS"], 180, 20, width=100)
        editor = block([f"To THE EDITOR OF THE {standard}"], 160, 34, width=140)
        address_text = block(["Sir, The appearance"] * 30, 160, 48, width=140)
        date = block([day], 20, 20, width=100)
        date_text = block(["son nom est Georges"] * 30, 10, 36, width=140)
        blocks = [name, church, church_text, address, editor, address_text, date, date_text]
        assert in_bands(blocks, page([], width=600, height=800), 10, Params()) == \
            [True, False, False, False, False, False, True, False], standard


def test_a_title_level_with_text_cut_a_block_a_line_heads_its_column():
    """The Liverpool Standard, 1832, as an engine cutting a block a line writes it: a column's
    title (``Sales by Auction.``) stands in the top band level with the first lines of the
    column beside it, which come as blocks of one or two lines stacked down the column. Those
    stacked blocks are running text as one block of theirs would be: the title heads its own
    text and is no furniture. A line level with two lines that nothing stacks under stays in
    the band."""
    beside = [block(["Now landing, in the Dock,", "The FANNY"], 50, 33),
              block(["For sale by"], 50, 58), block(["apply to the brokers"], 50, 72)]
    title = block(["Sales by Auction."], 300, 30, size=16, width=120)
    text = block(["THIS DAY, the 23d"] * 6, 300, 52)
    assert in_bands([*beside, title, text], page([], width=600, height=800), 10, Params()) == [False] * 5
    alone = block(["Now landing, in the Dock,", "The FANNY"], 50, 33)
    assert in_bands([alone, title, text], page([], width=600, height=800), 10, Params())[1]


def test_a_scrap_left_of_all_the_text_stays_furniture_in_the_top_band_too():
    """The Liverpool Standard, 1832: scraps of the next page's strip at the scan's edge
    (``;HOLD``, level with the first column's first lines, over more scraps) lie left of all
    the running text, where the side band holds them; a line of the top band level with a
    column's text and heading text of its own is freed as that column's title, but not one
    the side band holds: it heads no column."""
    hold = block([";HOLD"], 0, 10, size=18, width=40)
    scraps = block(["Ock Pre", "xceil", "and", "Lndsoof"], 0, 36, width=40)
    text = block(["THURSDAY, the 13th December next"] * 30, 100, 12, width=300)
    columns = [text, block(["THE WHOLE OF THE TIMBER"] * 30, 420, 12, width=300)]
    banded = in_bands([hold, scraps, *columns], page([], width=1200, height=800), 10, Params())
    assert banded == [True, True, False, False]
