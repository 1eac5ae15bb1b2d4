"""ALTO writer: one ALTO 4.4 file per page, its blocks in reading order.

What goes where
    ``Layout/Page/PrintSpace`` holds every block in reading order: the page's header furniture,
    then each story's blocks, figures (``Illustration``, their caption blocks right after them)
    and sidebars in the order a reader meets them, then the figures of no story, then the footer
    furniture. Furniture stays in the PrintSpace, not in the margins ALTO has for it, so that
    document order remains reading order. Each TextBlock's ``TAGREFS`` names the
    ``StructureTag`` of its role (``LABEL`` = kicker, headline, deck, byline, body, crosshead,
    caption, jump, credit or furniture). Stories are stated in ALTO's ``ReadingOrder``: one
    ``UnorderedGroup`` for the page holding an ``OrderedGroup`` per story, a sidebar's group
    nested where the sidebar stands. Archives state them in METS (``mets.py``).

Rules and frames
    After every block come the page's drawn separator rules, then its frames (the drawn or
    tinted boxes around sidebars), each a ``GraphicalElement``: ALTO's element for "a graphic
    used to separate blocks, usually a line or rectangle", and what OCR producers write for
    separators (the BnL issue among our fixtures has them). They belong to no ``ReadingOrder``
    group and stand after every TextBlock and Illustration, whose order they leave untouched.
    A ``ComposedBlock TYPE="Frame"`` was not chosen for frames: it would have to hold the framed
    blocks, which then could no longer stand in reading order among their story's blocks.
    Each GraphicalElement's ``TAGREFS`` names a ``LayoutTag`` (``LABEL`` = ``rule`` or
    ``frame``, ``TYPE="graphic"``), so that our reader tells a short stout rule from a small
    figure and a frame from a picture; a reader that ignores tags still sees separators and
    boxes where they are drawn.

Units
    Pixel pages keep their numbers (``pixel``). PDF pages are measured in points, and an ALTO
    pixel is a pixel of a scanned image, which a PDF does not have, so they are written in
    ALTO's physical unit ``inch1200`` (x 1200/72), rounded to whole units (1/1200 inch, 0.06 pt):
    a reader gets points back by multiplying by 0.06. ``FONTSIZE`` is in points, as ALTO defines
    it; a pixel page states no resolution, so its sizes are converted at ``model.PIXEL_DPI``,
    the resolution our readers assume for pixels when a file states none (300 dpi).

Words
    A PDF span holding several words is split at its spaces into ``String``s, each given the
    share of the span's box its characters take. An ``SP`` stands wherever the line's text has a
    space. A line-end hyphen that the text stage took out (the block's ``word_breaks``: "recon-"
    + "struction", "AGRI-" + "CULTURE", a soft hyphen) is written as ``HYP`` after the word
    part, so a reader joins the word as our text does; a hyphen the text keeps ("Baden-" +
    "Württemberg", "low-" + "income" where the page writes "low-income") stays in ``CONTENT``.
    Every part of a word broken over lines has ``SUBS_TYPE`` (``HypPart1`` for the first,
    ``HypPart2`` for the others) and ``SUBS_CONTENT``, the whole word as our text reads it. ``WC``
    is the OCR confidence when the word has one; vertical lines have ``BASEDIRECTION="ttb"``.

IDs
    Deterministic, numbered per page in reading order: ``P1`` (the page number), ``P1_TB00001``
    text blocks, ``P1_IL00001`` illustrations, ``P1_GE00001`` graphical elements (rules, then
    frames), ``P1_TL00001`` lines, ``P1_ST00001`` strings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lxml import etree

from .. import __version__
from ..errors import UsageError
from ..model import PIXEL_DPI, Block, Box, Figure, Layout, Line, Story, Word, font_family
from ..roles import ROLES
from .validate import validate
from .xmltree import namespaced

ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
_q, _el, _sub = namespaced(ALTO_NS)
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{ALTO_NS} http://www.loc.gov/standards/alto/v4/alto-4-4.xsd"
# The page's unit → (ALTO MeasurementUnit, factor, decimals kept, points per unit for sizes).
UNITS = {"px": ("pixel", 1.0, 2, 72 / PIXEL_DPI), "pt": ("inch1200", 1200 / 72, 0, 1.0)}
_HYPHENS = "-\u00ad\u2010\u2011"
_SOFT = "\u00ad"
# A String to write: its text, box, the word it is (a part) of, whether a space stands before it.
_Token = tuple[str, Box, Word, bool]
# The LayoutTags of our GraphicalElements: ID → LABEL (``sources.alto`` reads the labels).
GRAPHIC_TAGS = {"LAYOUT_RULE": "rule", "LAYOUT_FRAME": "frame"}

Item = Block | Figure


def alto_name(stem: str, page: int) -> str:
    """The file name of one page's ALTO: ``NAME-p0001.alto.xml``."""
    return f"{stem}-p{page:04d}.alto.xml"


def tag_id(role: str) -> str:
    """The ID of the StructureTag of a role."""
    return f"ROLE_{role.upper()}"


def reading_items(page: Layout) -> Iterator[tuple[Item, Story | None]]:
    """Every block and figure of the page in reading order, with the (innermost) story it is in.

    An item met twice (the same image drawn twice at one place) is listed once: IDs are unique.
    """
    seen: set[Item] = set()
    for item, story in _page_items(page):
        if item not in seen:
            seen.add(item)
            yield item, story


def _page_items(page: Layout) -> Iterator[tuple[Item, Story | None]]:
    yield from ((b, None) for b in page.header)
    for s in page.stories:
        yield from _story_items(s)
    for f in page.figures:
        yield f, None
        yield from ((c, None) for c in f.caption)
    yield from ((b, None) for b in page.footer)


def _story_items(s: Story) -> Iterator[tuple[Item, Story | None]]:
    for c in s.content:
        if isinstance(c, Story):
            yield from _story_items(c)
        else:
            yield c, s
            if isinstance(c, Figure):
                yield from ((b, s) for b in c.caption)


def element_ids(page: Layout) -> dict[Item, str]:
    """The ALTO ID of every TextBlock (a Block) and Illustration (a Figure) of the page."""
    ids: dict[Item, str] = {}
    counts: Counter[str] = Counter()
    for item, _ in reading_items(page):
        kind = "IL" if isinstance(item, Figure) else "TB"
        counts[kind] += 1
        ids[item] = f"P{page.number}_{kind}{counts[kind]:05d}"
    return ids


def textblock_ids(page: Layout) -> dict[str, list[str]]:
    """Story id → the IDs of its own TextBlocks in reading order; a sidebar's are under its id."""
    ids = element_ids(page)
    out: dict[str, list[str]] = {}

    def walk(s: Story) -> None:
        out[s.id] = [ids[item] for item, owner in _story_items(s)
                     if owner is s and isinstance(item, Block)]
        for c in s.sidebars:
            walk(c)

    for s in page.stories:
        walk(s)
    return out


class PageFiles:
    """One validated ALTO file per analysed page: ``{NAME-p0001.alto.xml: bytes}``."""

    def __init__(self, stem: str, source: str) -> None:
        self.stem, self.source = stem, source

    def page(self, layout: Layout) -> dict[str, bytes]:
        return {alto_name(self.stem, layout.number): alto_bytes(layout, self.source)}

    def end(self) -> dict[str, bytes]:
        return {}


def alto_bytes(page: Layout, source: str) -> bytes:
    """One page as an ALTO file, checked against the ALTO 4.4 schema."""
    data = etree.tostring(_alto(page, source), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)
    validate(data, "alto")
    return data


class _Writer:
    """Builds one page's tree: holds the unit, the ID counters and the text styles met so far."""

    def __init__(self, page: Layout):
        if page.unit not in UNITS:
            raise UsageError(f"page {page.number}: cannot write ALTO for unit {page.unit!r}")
        self.unit, self.scale, self.digits, self.point = UNITS[page.unit]
        self.prefix = f"P{page.number}_"
        self.counts: Counter[str] = Counter()
        self.styles: dict[tuple, str] = {}

    def next_id(self, kind: str) -> str:
        self.counts[kind] += 1
        return f"{self.prefix}{kind}{self.counts[kind]:05d}"

    def num(self, v: float) -> str:
        r = round(v * self.scale, self.digits)
        return str(int(r)) if r == int(r) else f"{r:.{self.digits}f}".rstrip("0")

    def box(self, b: Box) -> dict[str, str]:
        return {"HPOS": self.num(b.x0), "VPOS": self.num(b.y0),
                "WIDTH": self.num(max(b.width, 0.0)), "HEIGHT": self.num(max(b.height, 0.0))}

    def style(self, w: Word) -> str:
        key = (font_family(w.font), round(w.size * self.point, 2), w.bold, w.italic)
        return self.styles.setdefault(key, f"TS{len(self.styles) + 1}")

    def text_block(self, b: Block, ident: str) -> etree._Element:
        tb = _el("TextBlock", ID=ident, TAGREFS=tag_id(b.role), **self.box(b.box))
        tokens = [_tokens(line) for line in b.lines]
        hyphens, parts = _broken_words(b, tokens)
        for i, line in enumerate(b.lines):
            tl = self.text_line(line, tokens[i], [parts.get((i, k)) for k in range(len(tokens[i]))])
            if i in hyphens:
                _sub(tl, "HYP", CONTENT=hyphens[i])
            tb.append(tl)
        return tb

    def text_line(self, line: Line, tokens: list[_Token],
                  parts: list[tuple[str, str] | None]) -> etree._Element:
        """A TextLine of the line's tokens, each part of a word broken over lines with its
        substitution (``parts``: SUBS_TYPE and SUBS_CONTENT)."""
        tl = _el("TextLine", ID=self.next_id("TL"), **self.box(line.box))
        if line.vertical:
            tl.set("BASEDIRECTION", "ttb")
        prev: _Token | None = None
        for token, part in zip(tokens, parts):
            text, box, w, after_space = token
            if prev and after_space:
                tl.append(_el("SP", **self.box(_gap(prev[1], box, line))))
            s = _el("String", ID=self.next_id("ST"), CONTENT=text, **self.box(box),
                    STYLEREFS=self.style(w))
            if part:
                s.set("SUBS_TYPE", part[0])
                s.set("SUBS_CONTENT", part[1])
            if w.confidence is not None:
                s.set("WC", f"{min(max(w.confidence, 0.0), 1.0):.3f}")
            tl.append(s)
            prev = token
        return tl

    def style_elements(self) -> Iterator[etree._Element]:
        for (family, size, bold, italic), ident in self.styles.items():
            s = _el("TextStyle", ID=ident)
            if family:
                s.set("FONTFAMILY", family)
            if size > 0:
                s.set("FONTSIZE", f"{size:g}")
            styles = [name for name, on in (("bold", bold), ("italics", italic)) if on]
            if styles:
                s.set("FONTSTYLE", " ".join(styles))
            yield s


def _alto(page: Layout, source: str) -> etree._Element:
    w = _Writer(page)
    ids = element_ids(page)
    root = etree.Element(_q("alto"), nsmap={None: ALTO_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    root.set("SCHEMAVERSION", "4.4")
    desc = _sub(root, "Description")
    _sub(desc, "MeasurementUnit").text = w.unit
    _sub(_sub(desc, "sourceImageInformation"), "fileName").text = source
    software = _sub(_sub(desc, "Processing", ID="PROCESSING1"), "processingSoftware")
    _sub(software, "softwareName").text = "newslayout"
    _sub(software, "softwareVersion").text = __version__
    styles = _sub(root, "Styles")
    tags = _sub(root, "Tags")
    for role in ROLES:
        _sub(tags, "StructureTag", ID=tag_id(role), TYPE="role", LABEL=role)
    for ident, label in GRAPHIC_TAGS.items():
        _sub(tags, "LayoutTag", ID=ident, TYPE="graphic", LABEL=label)
    order = _reading_order(page, ids)
    if order is not None:
        root.append(order)
    pg = _sub(_sub(root, "Layout"), "Page", ID=f"P{page.number}", PHYSICAL_IMG_NR=str(page.number),
              WIDTH=w.num(page.width), HEIGHT=w.num(page.height))
    if page.lang:
        pg.set("LANG", page.lang)
    space = _sub(pg, "PrintSpace", ID=f"P{page.number}_PS00001",
                 **w.box(Box(0, 0, page.width, page.height)))
    for item, _ in reading_items(page):
        if isinstance(item, Figure):
            space.append(_el("Illustration", ID=ids[item], **w.box(item.box)))
        else:
            space.append(w.text_block(item, ids[item]))
    # Drawn rules and frames, after every block: they are in no reading order.
    graphics = [("LAYOUT_RULE", r.box) for r in page.rules] + \
        [("LAYOUT_FRAME", f) for f in page.frames]
    for tag, box in graphics:
        space.append(_el("GraphicalElement", ID=w.next_id("GE"), TAGREFS=tag, **w.box(box)))
    styles.extend(w.style_elements())
    return root


def _reading_order(page: Layout, ids: dict[Item, str]) -> etree._Element | None:
    """ALTO's ReadingOrder: an UnorderedGroup of an OrderedGroup per story; None with no story."""
    refs = iter(range(1, 1_000_000))
    groups = iter(range(1, 1_000_000))
    prefix = f"P{page.number}_"

    def group(s: Story) -> etree._Element:
        g = _el("OrderedGroup", ID=f"{prefix}OG{next(groups):03d}")
        for c in s.content:
            if isinstance(c, Story):
                g.append(group(c))
                continue
            for item in (c, *c.caption) if isinstance(c, Figure) else (c,):
                _sub(g, "ElementRef", ID=f"{prefix}ER{next(refs):05d}", REF=ids[item])
        return g

    stories = [g for g in map(group, page.stories) if len(g)]
    if not stories:
        return None
    ro = _el("ReadingOrder")
    _sub(ro, "UnorderedGroup", ID=f"{prefix}RO").extend(stories)
    return ro


def split_word(w: Word) -> list[tuple[str, Box]]:
    """The word's space-separated parts, each with its share of the box by character count."""
    parts = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", w.text)]
    if len(parts) <= 1:
        return [(w.text, w.box)]
    b, n = w.box, len(w.text)
    if w.vertical:
        step = b.height / n
        return [(t, Box(b.x0, b.y0 + i * step, b.x1, b.y0 + j * step)) for t, i, j in parts]
    step = b.width / n
    return [(t, Box(b.x0 + i * step, b.y0, b.x0 + j * step, b.y1)) for t, i, j in parts]


def spaces_after(line: Line) -> list[bool]:
    """For each word of the line, whether the line's text has a space right after it.

    The lines stage joins a line's words with one space or none (``analysis.lines``), so the
    words' texts are read off ``line.text`` in order.
    """
    spaced, at = [], 0
    for w in line.words:
        at = line.text.find(w.text, at)
        at = len(line.text) if at < 0 else at + len(w.text)
        spaced.append(line.text.startswith(" ", at))
        at += spaced[-1]
    return spaced


def _gap(left: Box, right: Box, line: Line) -> Box:
    """The space between two neighbouring words, as tall (or wide) as the line."""
    if line.vertical:
        return Box(line.box.x0, left.y1, line.box.x1, max(left.y1, right.y0))
    return Box(left.x1, line.box.y0, max(left.x1, right.x0), line.box.y1)


def _tokens(line: Line) -> list[_Token]:
    """The line's words as ALTO Strings: a PDF span split at its spaces (``split_word``)."""
    spaced = spaces_after(line)
    return [(t, box, w, k > 0 or (i > 0 and spaced[i - 1])) for i, w in enumerate(line.words)
            for k, (t, box) in enumerate(split_word(w))]


def _broken_words(b: Block, tokens: list[list[_Token]]
                  ) -> tuple[dict[int, str], dict[tuple[int, int], tuple[str, str]]]:
    """The words the text stage joined over line ends (the block's ``word_breaks``), marked
    as ALTO marks them: a hyphen the text took out is cut from its line's last token and
    returned, by line, to be written as ``HYP``; the parts of the word, by (line, token), get
    ``HypPart1`` (the first) or ``HypPart2`` (the others: a word may run over a one-word line
    into a third) with the whole word as the text reads it."""
    hyphens: dict[int, str] = {}
    kept = {wb.line: wb.hyphen_kept for wb in b.word_breaks}
    for i, hyphen_kept in kept.items():
        line = tokens[i]
        hyphen = "" if hyphen_kept or not line else _end_hyphen(line[-1][0])
        if hyphen:
            text, box, w, after_space = line[-1]
            line[-1] = (text[:-len(hyphen)], box, w, after_space)
            hyphens[i] = hyphen.strip(_SOFT) or hyphen  # the hyphen drawn, if any
            if not line[-1][0]:
                line.pop()
    parts: dict[tuple[int, int], tuple[str, str]] = {}
    for i in sorted(kept):
        if not tokens[i] or (i, len(tokens[i]) - 1) in parts:
            continue  # a hyphen alone, or a part of the word broken before
        chain, word, j = [(i, len(tokens[i]) - 1)], _part(tokens[i][-1][0], kept[i]), i + 1
        while j in kept and len(tokens[j]) == 1 and j + 1 < len(tokens):
            chain, word, j = chain + [(j, 0)], word + _part(tokens[j][0][0], kept[j]), j + 1
        if j < len(tokens) and tokens[j]:
            word += _part(tokens[j][0][0], False)
            parts |= {key: ("HypPart2" if k else "HypPart1", word)
                      for k, key in enumerate(chain + [(j, 0)])}
    return hyphens, parts


def _part(text: str, hyphen_kept: bool) -> str:
    """A part of a broken word as the text joins it: no soft hyphens, a kept hyphen as "-"."""
    text = text.replace(_SOFT, "")
    return text.rstrip(_HYPHENS) + "-" if hyphen_kept else text


def _end_hyphen(text: str) -> str:
    """The hyphens (drawn or soft) that end a word broken at its line's end."""
    return text[len(text.rstrip(_HYPHENS)):]
