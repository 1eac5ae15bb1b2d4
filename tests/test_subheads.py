"""Crossheads in a story's first and last columns on a page that states no type sizes
(``subheads.absorb_inset_heads``): sizes estimated from line heights read a bold crosshead half
as large again as the body, so a story's part titles are placed as headlines of their own."""

from dataclasses import replace

from layout.analysis import subheads
from layout.analysis.blocks import build_blocks
from layout.analysis.lines import build_lines
from layout.analysis.placement import Group, Unit
from layout.model import Block, Box
from layout.params import Params

from synth import text_lines

P = Params()
BODY = 10.0
FULL = "a line of body text "  # 20 characters: 100 wide at 10 pt, a column's full measure


def _block(lines: list[str], x: float, y: float, size: float, role: str) -> Block:
    (b,) = build_blocks(build_lines(text_lines(lines, x, y, size=size), (), P), (), (), (), P)
    return replace(b, role=role)


def _text(group: Group, x: float, y: float, n: int, last: str = "the end.") -> None:
    """n lines of the group's text at (x, y) in a column 100 wide, the last ending in ``last``."""
    b = _block([FULL] * (n - 1) + [last.rjust(20, "x")], x, y, BODY, "body")
    group.units.append(Unit(b.box, block=b, home=group))


def _titled(title: str, x: float, y: float, size: float = 15) -> Group:
    g = Group([_block([title], x + 10, y, size, "headline")])
    _text(g, x, y + 20, (600 - y - 20) // 12)
    return g


def _page(over_first: str = "the end.", white: float = 8, last_size: float = 15) -> tuple[Group, ...]:
    """A story headlined over three columns (x 50, 170, 290; text ending at y 600) with a title
    in its first column under a paragraph ending in ``over_first`` (``white`` over the title)
    and one in its last column (``last_size``); a story of its own left of the first column."""
    host = Group([_block(["STORY OVER THREE COLUMNS"], 50, 150, 28, "headline")])
    first_foot = 200 + 10 * 12
    _text(host, 50, 200, 10, over_first)
    _text(host, 170, 200, 33)
    _text(host, 290, 200, 20)
    first = _titled("First part", 50, first_foot - 2 + white)
    last = _titled("Last part", 290, 200 + 20 * 12 - 2 + 8, last_size)
    other = Group([_block(["OTHER"], -80, 150, 24, "headline")])
    _text(other, -80, 200, 33)
    return host, first, last, other


def test_titles_in_a_storys_first_and_last_columns_read_on_from_its_text_are_its_crossheads():
    """Each title stands a line under a paragraph's end of the story's text in its column, all of
    it the story's from its headline down, the story's text beside it on the inner side: the
    first column's is its crosshead whatever size was estimated for it (L'Ouest-Éclair, 1918,
    with no sizes: "L'enthousiasme de Paris" in the first column of "LE PRÉSIDENT WILSON…"),
    the last column's when no larger than that crosshead (a size up, it heads a story of its own)."""
    host, first, last, other = _page()
    subheads.absorb_inset_heads([host, first, last, other], BODY)
    assert not first.header and not last.header and other.header
    assert sorted(u.block.raw_text for u in host.units if u.block.role == "crosshead") == ["First part", "Last part"]
    host, first, last, other = _page(last_size=20)
    subheads.absorb_inset_heads([host, first, last, other], BODY)
    assert not first.header and last.header and last.units


def test_a_title_under_text_cut_mid_sentence_signed_or_far_under_it_heads_a_story_of_its_own():
    """Text cut mid-sentence over the title goes on in another column (L'Œuvre, 1942: "… en
    gaspillant" over "Les cimetières et l'urbanisme moderne"); white of more than two body sizes
    over it sets a story apart ("M. Lloyd George va partir pour Paris" under a rule); so does a
    last line in capitals, a signature ("van OLST & BUITENWERFF." over "EXTRA VERKOOPING.")."""
    for over, white in (("and then gaspillant", 8), ("the end.", 25), ("AND SIGNED E. L. B.", 8)):
        host, first, last, other = _page(over, white)
        subheads.absorb_inset_heads([host, first, last, other], BODY)
        assert first.header and first.units, (over, white)
        assert last.header  # no crosshead of the page's to size it by
