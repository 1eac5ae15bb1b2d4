"""Display type (headlines) in a row: when a gap between two display words parts two
headlines side by side, and when it is one headline's word space (``lines``).

Headlines are spaced wider than body text (a CJK headline's phrases by a full-width space),
so the word space of body text says nothing here; these predicates measure a gap in ems of
the display type itself, relative to the page's body size. Where the gap's width cannot tell
(two CJK headlines an em apart, a phrase space as wide), the headlines' next lines do: each set
to its own phrase, or one set to both, or the one's byline beside the other's second line
(``own_lines``); and a byline or deck right under a
phrase space a gutter runs into, centred across it on both phrases, makes them one headline
(``phrase_space_of_display``, ``spanned_across``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from ..geometry import RowSpans
from ..model import Box, Word
from .foundlines import same_source_line
from .rejoin import SAME_SIZE
from .script import joins_without_space

# [em] in a row alone (or a CJK headline over a gutter), CJK text is spaced up to this wide
# and still one line: a full-width space between phrases, the quarter em or more set between
# CJK and Latin ("2024 年 3 月")
CJK_APART = 1.2
# [body sizes] type larger than this is display type (headlines); [em] the widest word space
# of display type (a quarter to a third of an em), the gap beyond which two display words are
# never one line; [share of the larger size] how near in size the words of one headline are
DISPLAY = 1.2
DISPLAY_SPACE = 0.45
DISPLAY_APART = 1.5
DISPLAY_SIZE = 0.95
# [em] CJK display type is set solid: a gap this wide between two of its characters is a space,
# between the phrases of one headline or between two headlines side by side (``own_lines``);
# [em of the display type] how far above or below such a row, middle to middle, the next line
# of a headline lies (its leading, 1 to 1.3 em)
_PHRASE_GAP = 0.25
# [em of the display type] how far right of its next lines' start the first line of a wrapped
# head may stand (``_starts_under``)
_PUSHED = 0.6
_OWN_LINE = 1.5
# [em of the phrases' type] a line right over or under a phrase space (``spanned_across``):
# their boxes this near, their middles this near (a headline of several times the size over
# its byline)
_NEAR = 0.8
_SPANNED = 6.0
# [times the phrases' size] a line reaching beyond both phrases counts, beside type of about
# the body's size, only in type this much larger: a headline over its byline
_OVER = 1.5
# [em of the smaller size] display words of one face stand on one baseline when their boxes'
# feet (the face's descent under it, proportional to size) lie this near: a head's sizes
# differ by a point or two, moving the foot a few hundredths of an em; [share of the
# difference of their heights] how much lower the larger one's foot stands on one baseline:
# its face's descent, under half its box (a fifth to a third)
_BASELINE = 0.15
_DESCENT = 0.5


def display_apart(a: Word, b: Word, gap: float, body: float) -> bool:
    """Display type (headlines) set further apart than ``DISPLAY_APART`` em: two headlines
    side by side, for headlines are never spaced so loosely."""
    size = min(a.size, b.size)
    return size > DISPLAY * body and gap > DISPLAY_APART * size


def headlines_apart(a: Word, b: Word, gap: float, body: float) -> bool:
    """Display type further apart than a word space: in two sizes (``DISPLAY_SIZE``), wider
    than ``DISPLAY_SPACE``; in one size, wider than the widest space of its script between
    the phrases of one headline (``DISPLAY_SPACE``, or ``CJK_APART`` for a full-width space
    between CJK phrases). Two headlines side by side, each over its own columns, when a
    column gutter of the page stops under (or over) the gap (``Gutters.headed``)."""
    size, big = sorted((a.size, b.size))
    if size <= DISPLAY * body:
        return False
    if size < DISPLAY_SIZE * big:
        return gap > DISPLAY_SPACE * size
    return gap > (CJK_APART if joins_without_space(a.text, b.text) else DISPLAY_SPACE) * size


def side_by_side(row: Sequence[Word], k: int, boxes: dict[int, Box], spans: Sequence[RowSpans], i: int,
                 body: float, slack: float) -> bool:
    """Whether the gap after ``row[k]`` (row ``i`` of ``spans``) parts two headlines side by
    side: display words set on two baselines (``off_baseline``), or each headline with its own
    next lines (``own_lines``)."""
    return off_baseline(row[k], row[k + 1], boxes, body) or own_lines(row, k, boxes, spans, i, body, slack)


def off_baseline(a: Word, b: Word, boxes: dict[int, Box], body: float) -> bool:
    """Display words of one face and about one size (``SAME_SIZE``) whose feet lie more than
    ``_BASELINE`` em apart, and further than the face's descent (``_DESCENT`` of the difference
    of their heights) tells: two headlines set on two baselines, however near along the row (a
    module's head set a gutter from the next one's, the left one's first line level with the
    right one's second: "河口镇培育托育服务 深化多" beside "食堂", 0.29 em lower,
    scribus_zh_peoples_daily_shuffled; two heads of 22 and 26 pt hung from one top, the
    larger's foot 0.24 em lower, the smaller overrunning its frame to 3 pt of the other,
    scribus_s189_08_zh). One line's words share a baseline, and one face boxes them alike
    around it (its ascent and descent times the size): the larger's top stands higher by most
    of the difference of their heights, its foot lower by the rest, under half of it. In two
    faces (Latin figures in a CJK head) the feet differ, so those are left to the rows'
    middles (``rejoin.other_lines``)."""
    size, big = sorted((a.size, b.size))
    ba, bb = boxes[id(a)], boxes[id(b)]
    return bool(a.font) and a.font == b.font and size > DISPLAY * body and size >= SAME_SIZE * big \
        and abs(ba.y1 - bb.y1) > max(_BASELINE * size, _DESCENT * abs(ba.height - bb.height))


def word_space_of_display(a: Word, b: Word, gap: float, body: float) -> bool:
    """A gap between display words of one size (``DISPLAY_SIZE``) no wider than a word space, or
    in a line an OCR engine found: one headline across columns, a gutter through its word space."""
    size, big = sorted((a.size, b.size))
    return size > DISPLAY * body and size >= DISPLAY_SIZE * big \
        and (gap <= DISPLAY_SPACE * size or same_source_line(a, b))


def phrase_space_of_display(a: Word, b: Word, gap: float, body: float) -> bool:
    """A phrase space (``_phrase_space``) between CJK display words."""
    return min(a.size, b.size) > DISPLAY * body and _phrase_space(a, b, gap)


def phrase_space_of_bold(a: Word, b: Word, gap: float, face: Callable[[], str]) -> bool:
    """A phrase space (``_phrase_space``) between bold CJK words, or words of one face other
    than the body text's (``face``, asked only of such a gap: a Hei face beside a Song body,
    whose name says no "bold"), whatever their size: a short item's headline, or its byline,
    set apart from the text at about the body's size or under it to fit its columns."""
    return _phrase_space(a, b, gap) and (a.bold and b.bold or bool(a.font) and a.font == b.font != face())


def body_face(words: Iterable[Word], body: float, tolerance: float) -> str:
    """The face most characters of the body's size (within ``tolerance``) are set in; "" if
    none is named (OCR words)."""
    faces: Counter[str] = Counter()
    for w in words:
        if abs(w.size - body) <= tolerance:
            faces[w.font] += len(w.text)
    return faces.most_common(1)[0][0] if faces else ""


def _phrase_space(a: Word, b: Word, gap: float) -> bool:
    """A gap between CJK words of one size (``DISPLAY_SIZE``) no wider than the space between
    a headline's phrases (``CJK_APART``)."""
    size, big = sorted((a.size, b.size))
    return size >= DISPLAY_SIZE * big and gap <= CJK_APART * size and joins_without_space(a.text, b.text)


def spanned_across(row: Sequence[Word], k: int, boxes: dict[int, Box], spans: Sequence[RowSpans], i: int,
                   slack: float, within: bool = False) -> bool:
    """Whether a line right under or over the gap after ``row[k]`` (row ``i`` of ``spans``;
    their boxes within ``_NEAR`` em of the row's size, their middles within ``_SPANNED`` em)
    runs across the gap, centred (within ``slack``) on the phrases on both sides as one: the
    byline or deck under one headline, or its kicker over it, whose phrase space a gutter of
    the columns runs into ("北塘区改造垃圾分类　加强养老服务" over "本报记者…",
    chromium_s117_06_zh; "松岗街道…，健全健身步道" over "望江社区聚焦高质量就业岗位　推进营商环境",
    chromium_s171_07_zh); or the headline over a byline whose word space lies over a hairline
    gutter ("本报通讯员 吴雪 | 朱浩然 邓桂兰", chromium_s169_09_zh). Two headlines side by
    side have each their own. With ``within``, the line must also end on neither phrase's
    outer end (within ``slack``), and reach beyond them only in larger type (a headline over
    its byline): around type of the body's size, the full lines of two columns set a gutter
    apart run across the gap too, from end to end (a byline is shorter).

    Without ``within`` (display type), a line too short to reach across counts too when it
    is set to the phrases as one (``_set_to_whole``): a centred headline's byline, under its
    longer phrase alone ("望江社区推动公共服务　更新科研院所" over "本报记者 梁国庆",
    chromium_s173_03_zh)."""
    ba, bb = boxes[id(row[k])], boxes[id(row[k + 1])]
    start, end = _phrase(row, k, -1, boxes)[0], _phrase(row, k + 1, 1, boxes)[1]
    whole, size = (start + end) / 2, row[k].size
    near, top, foot = _NEAR * size, min(ba.y0, bb.y0), max(ba.y1, bb.y1)
    runs: list[tuple[float, float]] = []  # the whole runs met, for ``_set_to_whole``
    for step in (1, -1):
        j = i + step
        while 0 <= j < len(spans) and abs(spans[j].cy - ba.cy) <= _SPANNED * size:
            x0 = x1 = None  # the run of words right over or under, no further apart than an em of theirs
            least = 0.0  # the run's smallest size
            for w in spans[j].row:
                c = spans[j].boxes[id(w)]
                if c.y0 - foot > near or top - c.y1 > near:
                    if x1 is not None:
                        runs.append((x0, x1))
                    x1 = None
                    continue
                if x1 is None or c.x0 - x1 > w.size:
                    if x1 is not None:
                        runs.append((x0, x1))
                    x0, least = c.x0, w.size
                x1, least = c.x1 if x1 is None else max(x1, c.x1), min(least, w.size)
                if x0 < ba.x1 and x1 > bb.x0 and abs((x0 + x1) / 2 - whole) <= slack and not (within and (
                        abs(x0 - start) <= slack or abs(end - x1) <= slack or x0 < start and least < _OVER * size)):
                    return True
            if x1 is not None:
                runs.append((x0, x1))
            j += step
    return not within and _set_to_whole(runs, (start, ba.x1), (bb.x0, end), slack)


def _set_to_whole(runs: Iterable[tuple[float, float]], left: tuple[float, float],
                  right: tuple[float, float], slack: float) -> bool:
    """Whether one of the runs (from x0 to x1) right over or under two phrases (from
    ``left[0]`` to ``left[1]``, from ``right[0]`` to ``right[1]``) lies within one phrase,
    centred on the two as one (within ``slack``) and on neither alone, and flush with neither
    end of its phrase: a line set to the whole headline, as short bylines under a centred
    headline are, whatever phrase they happen to fall under; and none is set to one phrase
    alone, centred on it and not on the two (the kicker or byline of one of two headlines
    side by side). A line under one of two headlines side by side is centred on its own, or
    flush with one of its ends; to be centred on both by chance it must end short of its own
    by as much as the other headline is wide."""
    whole = (left[0] + right[1]) / 2
    to_whole = to_one = False
    for x0, x1 in runs:
        middle = (x0 + x1) / 2
        centred = abs(middle - whole) <= slack
        for a, b in (left, right):
            own = abs(middle - (a + b) / 2) <= slack
            if not centred and own:
                to_one = True
            elif centred and not own and a - slack <= x0 and x1 <= b + slack \
                    and abs(x0 - a) > slack and abs(x1 - b) > slack:
                to_whole = True
    return to_whole and not to_one


def own_lines(row: Sequence[Word], k: int, boxes: dict[int, Box], spans: Sequence[RowSpans], i: int,
              body: float, slack: float) -> bool:
    """Whether the gap after ``row[k]`` (row ``i`` of ``spans``), between CJK display words of
    one size set apart by a space (``_PHRASE_GAP``), parts two headlines side by side, each set
    over its own columns, as another line of each shows: a line of the same type just above or
    below (``_OWN_LINE``) that lies under one phrase alone and is set to it, not to the two
    phrases as one headline. Under the left phrase, centred on it, not starting at its left edge
    (a left-aligned headline's second line does), or starting there with other text beside it,
    level with it, starting at the right phrase's left edge or in the white between the
    phrases (``_text_beside``: the right one's byline, flush with its column where the head is
    centred over it, holdout_41_05_zh: "新平台" beside "本报记者 郭浩然", 3.4 pt left of
    "河口镇完善充电设施"; one headline has white beside its second line, chromium_s147_04_zh:
    "堂" beside "本报记者 陈晓东"); under the right phrase, starting at its left
    edge or centred on it, not centred on the two phrases (a centred headline's second line is)
    nor as wide as the phrase. Each within ``slack``. A space between the phrases of one
    headline, however wide, has that headline's next line set to both phrases (CJK type is set
    on a grid of ems, so a line set to both may well start or end on one phrase's edge).
    Display words of two sizes, in any script, further apart than a word space
    (``DISPLAY_SPACE``), are two heads when the right one is stacked beside the other
    (``_stacked_beside``)."""
    a, b = row[k], row[k + 1]
    size, big = sorted((a.size, b.size))
    ba, bb = boxes[id(a)], boxes[id(b)]
    touching = bb.x0 - ba.x1 <= _PHRASE_GAP * size
    if size <= DISPLAY * body:
        return False
    if size < DISPLAY_SIZE * big and not touching:  # in any script
        b0, b1 = _phrase(row, k + 1, 1, boxes)
        return bb.x0 - ba.x1 > DISPLAY_SPACE * size and _stacked_beside(spans, i, ba.x1, b0, b1, bb.cy, b.size, slack)
    if not joins_without_space(a.text, b.text):
        return False
    a0, a1 = _phrase(row, k, -1, boxes)
    b0, b1 = _phrase(row, k + 1, 1, boxes)
    if touching:
        return size >= DISPLAY_SIZE * big and _next_lines_apart(
            spans, i, a0, min(a1, b0), max(b0, a1), b1 - slack, ba.cy, size, slack) \
            or _wraps_beside_text(spans, i, a0, min(a1, b0), b0, b1, ba.cy, a.size, slack)
    whole, push = (a0 + b1) / 2, _PUSHED * size
    for x0, x1, y0, y1 in _lines_within(spans, i, a0 - push, a1, ba.cy, size, slack):
        starts = _starts_under(x0, a0, push, slack)
        if not starts and abs((x0 + x1) / 2 - (a0 + a1) / 2) <= slack \
                or starts and y0 > ba.cy and _text_beside(spans, i, a1, b0, b1, y0, y1, slack, a1 + slack):
            return True
    for x0, x1, _, _ in _lines_within(spans, i, b0 - push, b1, bb.cy, size, slack):
        middle = (x0 + x1) / 2
        starts, centred = _starts_under(x0, b0, push, slack), abs(middle - (b0 + b1) / 2) <= slack
        if (starts or centred) and abs(middle - whole) > slack and not (starts and abs(x1 - b1) <= slack):
            return True
    return False


def _stacked_beside(spans: Sequence[RowSpans], i: int, a1: float, b0: float, b1: float, cy: float,
                    size: float, slack: float) -> bool:
    """Whether the right of two phrases in two sizes (from x=b0 to x=b1, in type of ``size``,
    its middle at y=cy; the left one ending at x=a1) has a line of its own size right over or
    under it (``_OWN_LINE``), first of its row there, starting at its left edge
    (``_starts_under``) or further left in the white between the phrases, no further than the
    left one's end (within ``slack``): a head stacked in a narrow column of its own beside the
    other, a line of each size level with one of the other (holdout_53_07_zh: the 20 pt side
    head "长丰县补 / 齐综合乡 / 村振兴更" 15 pt right of the 32 pt "金沙湾聚焦现代";
    holdout_59_02_en: the 22 pt "District / Approv- / es Rural" 12 pt right of the 28 pt
    "Agency Examines Municipal", its next lines ragged, some wider than "District"); or the
    next module's head, its first line set in by an em, its next line starting at the column's
    edge, where the left head, overrunning its column, ends (scribus_s185_03_zh: the 26 pt
    "南城社区聚焦系统化人才队" over "伍 落实交通网络", 25 pt right of the 22 pt
    "北塘区推进多层次生态环"). One headline in two sizes goes on under its start, not under
    its right part in the right part's size."""
    push = _PUSHED * size
    low = min(a1, b0 - push)  # the furthest left the line may start
    for step in (-1, 1):
        j = i + step  # a row's middle is its first word's, up to a line from its others'
        while 0 <= j < len(spans) and abs(spans[j].cy - cy) <= 2 * _OWN_LINE * size:
            k, end = spans[j].around(low + slack, b1)  # row[k + 1]: the first reaching in
            w = spans[j].row[k + 1] if k < end else None
            if w is not None and min(w.size, size) >= DISPLAY_SIZE * max(w.size, size) \
                    and abs(spans[j].boxes[id(w)].cy - cy) <= _OWN_LINE * size \
                    and low - slack <= spans[j].starts[k + 1] <= b0 + slack:
                return True
            j += step
    return False


def _next_lines_apart(spans: Sequence[RowSpans], i: int, a0: float, a1: float, b0: float, b1: float,
                      cy: float, size: float, slack: float) -> bool:
    """Whether two phrases set solid (no space between, even touching: from x=a0 to x=a1 and
    from x=b0 to x=b1, their overlap taken off both, and the right one's end by ``slack``, for
    a head may overrun its measure into the next module's), in a row whose middle is at y=cy, are
    two headlines side by side, each wrapping to its own next line under it: on one baseline
    below (``_BASELINE``), a line under the left phrase alone starting at its left edge and
    one under the right phrase alone starting at its left edge, further apart than
    ``DISPLAY_APART`` em (Scribus: "南城社区畅通创新平台 搭建" touching "青山县开展产业链
    落实高质", over "基础设施" and "量现代农业", scribus_s161_06_zh). One headline's next line
    is one line, never two so far apart; each starting on a phrase's edge, not centred."""
    push = _PUSHED * size
    lefts = [(x1, y1) for x0, x1, y0, y1 in _lines_within(spans, i, a0 - push, a1, cy, size, slack)
             if y0 > cy and _starts_under(x0, a0, push, slack)]
    return any(abs(y1 - foot) <= _BASELINE * size and x0 - end > DISPLAY_APART * size
               for x0, _, y0, y1 in _lines_within(spans, i, b0 - push, b1, cy, size, slack)
               if y0 > cy and _starts_under(x0, b0, push, slack) for end, foot in lefts)


def _wraps_beside_text(spans: Sequence[RowSpans], i: int, a0: float, a1: float, b0: float, b1: float,
                       cy: float, size: float, slack: float) -> bool:
    """Whether the left of two phrases set solid (from x=a0 to x=a1, in type of ``size``, in
    the row whose middle is at y=cy) wraps to a line under it alone, starting where it starts
    (``_starts_under``), with other text level with that line starting at the right phrase's
    left edge (x=b0, ``_text_beside``): the right one's byline under its one line, in a head of
    its own, a size smaller (scribus_s175_08_zh: "河口镇补齐系统化职" in 22 pt running 2.6 pt
    into "云溪县补齐标准化老旧小区" in 19 pt, over "业教育" beside "本报通讯员 杨桂兰…"). One
    headline's next line has white beside it, or its own byline starting at its edge."""
    push = _PUSHED * size
    return any(_starts_under(x0, a0, push, slack) and y0 > cy
               and _text_beside(spans, i, x1, b0, b1, y0, y1, slack, b0 - slack)
               for x0, x1, y0, y1 in _lines_within(spans, i, a0 - push, a1, cy, size, slack))


def _starts_under(x0: float, edge: float, push: float, slack: float) -> bool:
    """Whether a head's next line starting at x=x0 starts where its first line (a phrase
    starting at x=edge) does, within ``slack``, or up to ``push`` left of it: Scribus sets the
    first line of a wrapped CJK head that overfills its measure that far into it (up to half
    an em), its next lines at the measure's edge ("东湖街道拓展新型" 7.8 pt right of
    "健身步道", scribus_s175_01_zh)."""
    return -push - slack <= x0 - edge <= slack


def _phrase(row: Sequence[Word], k: int, step: int, boxes: dict[int, Box]) -> tuple[float, float]:
    """The span along the row of the phrase ``row[k]`` ends (``step`` -1) or starts (1): its
    neighbours that way of one size (``DISPLAY_SIZE``) no further apart than a phrase space
    (``CJK_APART``)."""
    x0, x1 = boxes[id(row[k])].x0, boxes[id(row[k])].x1
    j = k + step
    while 0 <= j < len(row) and min(row[j].size, row[k].size) >= DISPLAY_SIZE * max(row[j].size, row[k].size):
        c = boxes[id(row[j])]
        if (x0 - c.x1 if step < 0 else c.x0 - x1) > CJK_APART * row[k].size:
            break
        x0, x1 = min(x0, c.x0), max(x1, c.x1)
        j += step
    return x0, x1


def _text_beside(spans: Sequence[RowSpans], i: int, gap: float, left: float, right: float, top: float,
                 bottom: float, slack: float, first: float) -> bool:
    """Whether text in a row under row ``i``, its middle between y=top and y=bottom (level with
    the next line of the phrase on the left), starts from x=first to x=left (and ``slack``
    beyond), reaching under the phrase from x=left to x=right, and no further left into the gap
    that starts at x=gap."""
    j = i + 1
    while j < len(spans) and spans[j].cy <= bottom:
        k, end = spans[j].around(gap, right)
        if spans[j].cy >= top and k < end and first <= spans[j].starts[k + 1] <= left + slack:
            return True
        j += 1
    return False


def _lines_within(spans: Sequence[RowSpans], i: int, left: float, right: float, cy: float, size: float,
                  slack: float) -> Iterator[tuple[float, float, float, float]]:
    """The boxes (x0, x1, y0, y1) of the lines of type of ``size`` (``DISPLAY_SIZE``) in the rows
    above and below row i, their middles within ``_OWN_LINE`` em of ``cy``, that lie from x=left
    to x=right (but for ``slack``) with nothing else of their rows reaching in further than
    ``slack`` (Scribus sets a wrapped head's next line up to half an em into its measure, a
    hair under the neighbouring head's end: "代农业" 0.6 pt under "松岗街道建设充电设",
    scribus_s181_00_zh)."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(spans) and abs(spans[j].cy - cy) <= _OWN_LINE * size:
            k, end = spans[j].around(left, right)
            inside = [(w, spans[j].boxes[id(w)]) for w in spans[j].row[k + 1:end + 1]]
            inside = [(w, c) for w, c in inside if c.x1 > left + slack and c.x0 < right - slack]
            if inside and all(min(w.size, size) >= DISPLAY_SIZE * max(w.size, size) and c.x0 >= left - slack
                              and c.x1 <= right + slack for w, c in inside):
                yield (min(c.x0 for _, c in inside), max(c.x1 for _, c in inside),
                       min(c.y0 for _, c in inside), max(c.y1 for _, c in inside))
            j += step
