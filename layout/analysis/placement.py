"""Where a unit of a page goes while stories are built (``stories.py``): under which headline,
beside which, or after which unit in its column.

A *unit* is placed as a whole: a block, a figure with its captions, or a frame with the blocks
inside it. A *group* is a story being assembled. ``Placer`` answers, for each unit in turn
(top to bottom), the questions of ``stories.build_stories``: the nearest headline above it
that spans it with no rule across between them, a headline set just left of it, the unit
right above it in its column. Every answer comes from an index of the page (headlines, rules
and placed units filed by stripes of the page and sorted by height, ``geometry.Stripes``;
side headlines and vertical rules in a ``geometry.Grid``), never from a scan of everything
placed so far: a page of thousands of small ads costs about what its units do.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..geometry import SAME_COLUMN, Grid, Stripes, union_all, x_overlap, x_overlap_ratio, y_overlap
from ..model import Block, Box, Figure
from ..params import Params
from .typematch import same_text_size

# [body sizes] the width of the stripes and cells the page is filed in; how far a rule may
# lie off a frame's edge and be its outline
_STRIPE, _EDGE = 10.0, 0.25
# [widths of the unit] how far from a headline its span widened over white space may reach a
# unit: a short title set left over a story takes the columns beside it, not those beyond
_REACH = 2.0
# [body sizes] how far a title must reach over a unit to be over it, not beside it; [share of
# the taller] how much of its height a title shares with another level with it (``_level``)
_OVER = 1.0
_LEVEL = 0.5
# [share of the unit's width] a title over this much of a unit takes it from a lower one whose
# span reaches it only over white space (``Placer._anchor_above``)
_MOST = 0.5
# [body sizes] a rule this close over a title heads its story (``Placer._anchor_above``)
_HEADS = 1.5
# [body sizes] how far under a title the text heading a column may start and be led by it:
# the title's deck and byline stand between (``Placer._led_by``)
_LED = 6.0
# [body sizes] how far the unit above may run down past a unit's top (the boxes OCR draws
# round the blocks of one column of a scan overlap by up to a line)
_RUNS_PAST = 1.0
# [body sizes] how far under a side headline's top (negative: over it) the text over a unit
# beside it may end and still leave the unit to the headline (``Placer._runs_past_top``); [ems
# of its type] how far short of a unit a side headline's ragged lines may end (``_anchor_beside``)
_PAST_TOP, _RAGGED = -1.0, 3.0


@dataclass(eq=False)
class Unit:
    """Something placed as a whole: a block, a figure with captions, or a framed group."""

    box: Box
    block: Block | None = None
    figure: Figure | None = None
    framed: list[Block] = field(default_factory=list)
    framed_figures: list[Figure] = field(default_factory=list)  # the figures inside the frame
    home: Group | None = None
    rank: int = -1  # its place in the order units were placed


@dataclass(eq=False)
class Group:
    """A story being assembled: its anchor (kickers + headline) and the units placed in it."""

    header: list[Block]
    units: list[Unit] = field(default_factory=list)
    notes: list[Group] = field(default_factory=list)
    span: Box | None = None
    side_row: float | None = None  # top of the text row a headline set beside its text leads
    text_below: bool = False  # body text starts right under the header: no side headline
    # a headless run's: the text right above its first unit in its column, which it did not
    # join (set in another size); the run goes on from it (``flow.adopt_headless``)
    over: Unit | None = None

    @cached_property
    def anchor_box(self) -> Box:
        """The box of the header; read only once the kickers have joined it."""
        return union_all(b.box for b in self.header)

    def take(self, g: Group) -> None:
        """``g``'s units and notes go on at the end of this story's; ``g`` is left empty (a
        run following the column flow, a quotation read in place, a story a crosshead heads)."""
        for u in g.units:
            u.home = self
        self.units.extend(g.units)
        self.notes.extend(g.notes)
        g.units, g.notes = [], []


def _level(a: Box, b: Box) -> bool:
    """Two titles side by side on one row of the page: each shares at least half its height
    with the other (one with a kicker over it, one without, still are)."""
    shared = y_overlap(a, b)
    return shared > 0 and shared >= _LEVEL * max(a.height, b.height)


class Placer:
    """The page's headlines and rules, and the units placed so far, indexed for placing.

    ``groups``: the stories anchored by headlines (their spans set); groups made while placing
    are appended to the same list. ``h_rules`` and ``v_rules``: horizontal and vertical rules
    (drawn, or lines of white space). Units must be placed (``place``) in the order asked.
    """

    def __init__(self, groups: list[Group], h_rules: Sequence[Box], v_rules: Sequence[Box],
                 body: float, params: Params) -> None:
        self.groups, self.body, self.params = groups, body, params
        width = _STRIPE * body
        self._heads = [i for i, g in enumerate(groups) if g.header]
        self._above = Stripes(width)
        for i in self._heads:
            a = groups[i].span or groups[i].anchor_box
            self._above.add(i, a, a.y1)
        self._beside = [i for i in self._heads if not groups[i].text_below]
        self._beside_grid = Grid([groups[i].anchor_box for i in self._beside], width)
        self._beside_reach = max([5 * body] + [_RAGGED * h.size for i in self._beside for h in groups[i].header])
        self._below = Grid([groups[i].anchor_box for i in self._heads], width)
        self._h_rules = list(h_rules)
        self._rules = Stripes(width)
        for k, r in enumerate(self._h_rules):
            self._rules.add(k, r, r.cy)
        self._rule_grid = Grid(self._h_rules, width)
        self._frame_edges: set[int] = set()  # the rules that are a placed frame's top or foot
        self._v_rules = list(v_rules)
        self._v_grid = Grid(self._v_rules, width)
        self._placed: list[Unit] = []
        self._placed_index = Stripes(width)
        self._side_rows: list[tuple[float, int]] = []  # (side_row, group id), sorted
        self._side_groups: dict[int, Group] = {}
        self._under_crossheads: set[int] = set()  # ids of the units a crosshead over them led (``_anchor_above``)

    def home(self, u: Unit) -> Group | None:
        """The story u joins: the headline over it or beside it, else that of the unit right
        above it when the text goes on in the same size."""
        return self._nearest_anchor(u) or self._unit_above(u)

    def place(self, u: Unit, home: Group) -> None:
        """Put u in home's story, and in the index of placed units."""
        home.units.append(u)
        u.home = home
        if u.framed:
            self._frame_edges.update(self._edges_of(u.box))
        u.rank = len(self._placed)
        self._placed.append(u)
        self._placed_index.add(u.rank, u.box, u.box.y1)

    def attach_notes(self, group: Group, u: Unit) -> None:
        """Small text starting a story of its own right under a story's text is that story's
        notes.

        Footnotes and end notes are set smaller than the body; they become a sidebar of the
        story above them rather than a story of their own. ``group`` is the run u starts, its
        ``over`` set.
        """
        if u.block is None or u.block.size > 0.85 * self.body:
            return
        p = group.over
        if p is not None and p.home is not None and p.home is not group:
            p.home.notes.append(group)

    def anchor_below(self, u: Unit) -> Group | None:
        """A headline right under a figure: the picture leads its story."""
        b = u.box
        for k in self._below.near(b.x0, b.y1, b.x1, b.y1 + 2 * self.body):
            g = self.groups[self._heads[k]]
            a = g.anchor_box
            if 0 <= a.y0 - b.y1 <= 2 * self.body and x_overlap_ratio(a, b) >= SAME_COLUMN:
                return g
        return None

    def _nearest_anchor(self, u: Unit) -> Group | None:
        """The headline over u, or the one beside it (or beside its row) when that one is lower
        and, set beside u itself, nearer to it than the one over it is, or than its deck placed
        over u (a ragged headline of a narrow column, level with the byline of the column right
        of it, is not that column's; nor is a sidebar right under the deck of the story over it,
        holdout_109_09_zh).

        ::

            ══ A ═══════════════
            ░░░░ ░░░░ ░░░░ ░░░░
            Side ░░u1 ░░u2 ░░u3      u1 is beside headline "Side"; u2 and u3 start level with
            Head ░░░░ ░░░░ ░░░░      u1, so they are its row: the story of "Side", not of A,
                 ░░░░ ░░░░ ░░░░      and so is the text under them (holdout_53_01_zh)
        """
        above = self._anchor_above(u)
        beside = self._anchor_beside(u)
        if beside is not None and (above is not None and u.box.x0 - beside.anchor_box.x1 > u.box.y0 - max([
                above.anchor_box.y1, *(p.box.y1 for p in above.units if p.block and p.block.role == "deck"
                                       and x_overlap(p.box, u.box) > 0 and p.box.y1 <= u.box.y0)])
                                   or self._runs_past_top(u, beside.anchor_box)):
            beside = None
        beside = beside or self._side_row(u)
        if beside is not None and (above is None or above.anchor_box.y1 <= beside.anchor_box.y0 + self.body):
            if beside.side_row is None:
                beside.side_row = u.box.y0
                insort(self._side_rows, (beside.side_row, id(beside)))
                self._side_groups[id(beside)] = beside
            return beside
        p = None if above is None else self.placed_above(u)  # a column the row took goes on in it
        g = p.home if p is not None and p.home is not above and same_text_size(p, u, self.params) else None
        return g if g is not None and g.side_row is not None and g.side_row > above.anchor_box.y1 else above

    def _lowest_rule(self, y: float, span: Box, skip: Collection[int] = ()) -> float | None:
        """The middle of the lowest horizontal rule above y (strictly) across most of span:
        a rule lies between heights t and y across span exactly when this is below t. The
        top and foot of a frame placed (and those in ``skip``) are no such rule: they close
        a box set in the story's columns (a sidebar), whose text goes on under it."""
        found = self._rules.highest(span.x0, span.x1, y, strict=True, accept=lambda k: x_overlap(
            self._h_rules[k], span) >= 0.5 * span.width and k not in self._frame_edges
            and k not in skip)
        return None if found is None else found[0]

    def _edges_of(self, frame: Box) -> list[int]:
        """The rules along the top or the foot of a frame, within its width (its outline)."""
        hair = _EDGE * self.body
        return [k for y in (frame.y0, frame.y1)
                for k in self._rule_grid.near(frame.x0, y - hair, frame.x1, y + hair)
                if abs(self._h_rules[k].cy - y) <= hair and self._h_rules[k].x0 >= frame.x0 - hair
                and self._h_rules[k].x1 <= frame.x1 + hair]

    def _rule_between(self, top: float, bottom: float, span: Box) -> bool:
        """True when a horizontal rule lies between y=top and y=bottom across most of span."""
        lowest = self._lowest_rule(bottom, span)
        return lowest is not None and lowest > top

    def _anchor_above(self, u: Unit) -> Group | None:
        """The lowest headline above u that spans it, with no rule across u between them. A
        span widened over white space reaches u only from a headline within ``_REACH`` of
        u's widths of it: a narrow column's small title does not take columns far to its
        left under the white beside it. And it yields to a headline level with it (``_level``)
        whose title itself reaches over u (by more than ``_OVER`` body sizes)::

            ══ A ═══════  ══ B ═══════      A's title runs into column two, B's span reaches
            ░░░░ ░░u░     ░░░░ ░░░░         it only over the white between the titles: u is
                                            A's, though B's title sits a little lower

        With no level title over u, one that ends left of u (into it by ``_OVER`` at most: a
        title's box may overhang the gutter by a few points, reportlab_s185_07_en) takes it
        from one that starts right of it: the text runs on to the right under a row of titles
        (``══ A ══  u  ══ B``). With none, a title sharing none of u's width and ending under u's
        top stands level with u, not over it: the lowest title ending over u's top takes u
        (holdout_73_07_zh: a story's last columns right of its headline, the next story's title
        3 pt under their top right of them; a row of small ads' titles keeps each its text,
        its own title level with the one beside it). With none, when the title is beside u, a
        title higher up set over most of u (``_MOST``) takes it if the unit right above u is that
        title's already, or u heads its column right under that title (``_led_by``): a lead story's picture under its byline,
        or the top of its last columns, which a narrow story's small title, lower and beside
        it, reaches only over the white level with it. Failing that, a crosshead right above u in
        its column (``placed_above``), or text a crosshead led so, takes u for its story when
        that story's span reaches over u: the part of the story it heads runs on under it,
        whatever title set lower stands to its right (reportlab_s171_07_en: the text under the
        crosshead "The Policy Question" atop the last of a story's five columns, and the jump
        line under it, beside the next story's headline, whose span reaches back over the
        white to the first story's). Any text right above u would do on born-digital pages,
        but not on scans: a column's text over a lower title beside it ends a story as often.
        A title the lowest rule over u heads (``_HEADS``) counts as over most of u: its story's
        frame is (holdout_103_01_zh: the next story's rule, over its lower title, stops short of u).
        """
        b, body = u.box, self.body
        rule = self._lowest_rule(b.y0, b, self._edges_of(b) if u.framed else ())
        reach = _REACH * b.width
        # a headline's foot may reach past u's top by half a body size, or by half u's first
        # line: a large title's box (WeasyPrint's, its line's ascent and descent) runs into
        # the deck set right under it
        limit = b.y0 + max(0.5 * body, 0.5 * u.block.lines[0].box.height if u.block else 0)

        def accept(i: int) -> bool:
            g = self.groups[i]
            a, title = g.span or g.anchor_box, g.anchor_box
            return (a.y0 < b.y0 and x_overlap(a, b) >= 0.5 * min(b.width, a.width)
                    and title.x0 - reach < b.x1 and b.x0 < title.x1 + reach
                    and not (rule is not None and rule > a.y1 + body))

        def highest(titled: Callable[[Box], bool] = lambda _: True) -> tuple[float, int] | None:
            """The lowest headline above u ``accept`` takes whose title is ``titled``."""
            return self._above.highest(b.x0, b.x1, limit,
                                       lambda i: accept(i) and titled(self.groups[i].anchor_box))

        found = highest()
        if found is None:
            return None
        title = self.groups[found[1]].anchor_box
        if x_overlap(title, b) <= _OVER * body:
            over = highest(lambda t: x_overlap(t, b) > _OVER * body and _level(t, title))
            if over is None and title.x0 >= b.x1:  # the title starts right of u
                over = highest(lambda t: t.x1 <= b.x0 + _OVER * body and _level(t, title))
            if over is None and title.y1 > b.y0 and x_overlap(title, b) <= 0:  # level with u's top
                over = self._above.highest(b.x0, b.x1, b.y0, accept)
            if over is None and (title.x0 >= b.x1 or title.x1 <= b.x0):  # the title is beside u
                over = highest(lambda t: x_overlap(t, b) > _MOST * b.width
                               or rule is not None and 0 <= t.y0 - rule <= _HEADS * body)
                if over is not None and not self._led_by(u, self.groups[over[1]]):
                    over = None
                p = self.placed_above(u) if over is None else None
                if p is not None and p.home is not None and (id(p) in self._under_crossheads or (
                        p.block is not None and p.block.role == "crosshead")):
                    over = self._above.highest(b.x0, b.x1, limit, lambda i: accept(i) and self.groups[i] is p.home)
                    if over is not None:
                        self._under_crossheads.add(id(u))
            found = over or found
        return self.groups[found[1]]

    def _led_by(self, u: Unit, g: Group) -> bool:
        """Whether u's column runs on from g's title down to u: the unit right above u is
        g's already, or u heads the column under the title: nothing is placed in u's column
        between them, and u starts within ``_LED`` body sizes under it."""
        p = self.placed_above(u)
        if p is not None:
            return p.home is g
        b, title = u.box, g.anchor_box
        if b.y0 - title.y1 > _LED * self.body:
            return False
        found = self._lowest_over(b)
        return found is None or found[0] <= title.y1

    def _anchor_beside(self, u: Unit) -> Group | None:
        """A headline set just left of u, level with its top (a side headline); a ragged one, its span
        reaching u, is as near (lines at most ``_RAGGED`` ems short of u: holdout_113_06_en 2.7 ems)."""
        b, body = _printed_box(u), self.body
        for k in self._beside_grid.near(b.x0 - self._beside_reach, b.y0, b.x0 + 0.5 * body, b.y1):
            g = self.groups[self._beside[k]]
            a, span = g.anchor_box, g.span or g.anchor_box
            gap = b.x0 - (span.x1 if abs(b.x0 - span.x1) <= 0.5 * body and any(
                len(h.lines) > 1 and b.x0 - a.x1 <= _RAGGED * h.size for h in g.header if h.role == "headline") else a.x1)
            if (-0.5 * body <= gap <= 5 * body and y_overlap(a, b) > 0 and a.y0 <= b.y0 + 2 * body
                    and not self._v_rule_between(a.x1, b, _EDGE * body if u.framed else -1)):  # (its outline)
                return g
        return None

    def _runs_past_top(self, u: Unit, title: Box) -> bool:
        """Whether u's column runs on into u past the top of the title beside it: the text
        right above u, in its size, ends less than a line over the title's top (``_PAST_TOP``).
        A side headline's text starts level with it; a column running past it, or on into u right
        under it, is another story's (scribus_s179_04_zh: the last column's text, cut into blocks
        of a line or two, beside the two-line headline of the two columns left of it)."""
        p = self.placed_above(u)
        return p is not None and p.box.y1 > title.y0 + _PAST_TOP * self.body \
            and same_text_size(p, u, self.params)

    def _v_rule_between(self, x: float, b: Box, inside: float = -1) -> bool:
        """True when a vertical rule stands between x and box b, level with b, ``inside`` left of b."""
        return any(x - 1 <= r.cx <= b.x0 - inside and y_overlap(r, b) > 0 for r in
                   (self._v_rules[k] for k in self._v_grid.near(x - 1, b.y0, b.x0 + 1, b.y1)))

    def _side_row(self, u: Unit) -> Group | None:
        """The story led by a side headline whose text row u continues, level and to the right,
        unless u's own column runs on into it from above (``_runs_past_top``): the column right
        of a boxed story's row is the story's over it (holdout_73_11_zh)."""
        b, body = u.box, self.body
        # a little wider than body, then tested exactly: the bisection rounds apart from abs()
        rows = self._side_rows[bisect_left(self._side_rows, (b.y0 - body - 1, -1)):
                               bisect_right(self._side_rows, (b.y0 + body + 1, float("inf")))]
        best: Unit | None = None
        for _, key in rows:
            g = self._side_groups[key]
            if abs(b.y0 - g.side_row) > body:
                continue
            for p in g.units:
                if (abs(p.box.y0 - g.side_row) <= body and 0 <= b.x0 - p.box.x1 <= 3 * body
                        and (best is None or p.rank < best.rank)):
                    best = p
                    break
        return None if best is None or self._runs_past_top(u, best.home.anchor_box) else best.home

    def placed_above(self, u: Unit) -> Unit | None:
        """The unit right above u in its column, when no rule separates them."""
        b, body = u.box, self.body
        found = self._lowest_over(b)
        if found is None:
            return None
        best = self._placed[found[1]]
        if b.y0 - best.box.y1 > 4 * body or self._rule_between(best.box.y1 - 1, b.y0 + 1, b):
            return None
        return best

    def _lowest_over(self, b: Box) -> tuple[float, int] | None:
        """(foot, rank) of the unit placed lowest over box ``b`` in its column (sharing half
        the narrower's width), reaching down at most ``_RUNS_PAST`` body sizes past its top."""
        return self._placed_index.highest(b.x0, b.x1, b.y0 + _RUNS_PAST * self.body,
                                          lambda k: x_overlap_ratio(self._placed[k].box, b) >= SAME_COLUMN)

    def _unit_above(self, u: Unit) -> Group | None:
        """The story of the unit right above u, when the text goes on in the same size."""
        p = self.placed_above(u)
        return p.home if p is not None and same_text_size(p, u, self.params) else None


def _printed_box(u: Unit) -> Box:
    """u's box from its first line holding a letter or a digit: an ornament the OCR put over a
    block's text ("*" over a weather report, Ouest-Eclair Caen 1924 p7) is no line a title
    beside it stands level with."""
    lines = u.block.lines if u.block is not None else ()
    first = next((k for k, ln in enumerate(lines) if any(map(str.isalnum, ln.text))), 0)
    return union_all([ln.box for ln in lines[first:]]) if first else u.box
