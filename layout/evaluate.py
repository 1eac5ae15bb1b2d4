"""Score a layout (our HTML, or a plain-text tool's output) against page ground truth.

The metrics are those of ``docs/contract.md``; this module is their reference implementation,
so every choice the contract leaves open is settled and documented here.

Normalisation
    All text is compared after Unicode NFKC and removal of every whitespace character
    (``str.isspace``) and of the hyphens ``-`` (U+002D), soft hyphen U+00AD, hyphen U+2010 and
    non-breaking hyphen U+2011 (NFKC also folds the small and fullwidth hyphen-minus into
    U+002D). Dashes (U+2012-U+2015) and the minus sign U+2212 are *kept*: they are punctuation,
    not line-break artefacts.

Chunks
    A page is CJK when more than half of the letters of its ground-truth story text are Han,
    Kana or Hangul; its chunk length is then 10 characters, else 20. Each story body (kind
    ``story`` or ``sidebar``; its paragraphs concatenated and normalised) is cut into
    consecutive chunks of that length; a last shorter remainder is kept when it is at least half
    the chunk length and dropped otherwise. A chunk is *skipped* (left out of every metric) when
    its string occurs more than once, overlaps included, in the ground-truth page text: all
    bodies, headlines, kickers, decks, bylines, captions and furniture strings of the page, each
    searched separately. A chunk repeated in the *output* is not skipped: it is "not found", as
    the contract asks for chunks found exactly once, so duplicated text costs coverage.

Output stream
    The normalised concatenation of every text node of the page section in document order
    (comments, ``script``, ``style`` and ``template`` contents excluded), each character
    remembering its innermost enclosing ``<article>`` or ``<aside>`` (or none). Text nodes are
    normalised one by one, so a combining mark split from its base by markup stays unmerged.

Metrics (each ``None`` when its denominator is empty)
    coverage  = found chunks / chunks; a chunk is found when it occurs exactly once.
    flow      = contiguous pairs / consecutive pairs. The pairs are the neighbouring non-skipped
                chunks of one story; a pair is contiguous when both are found and the second
                starts exactly where the first ends. A missing chunk breaks both of its pairs.
    order     = pairs in the right order / pairs, over all pairs (not only neighbours) of found
                chunks of one story; Kendall tau = 2 x order - 1.
    story_f1  = pairwise F1 of "same story" over found chunks. The predicted story of a chunk is
                the innermost article/aside holding its first character; a chunk outside every
                story is a singleton, "same" as no other chunk. With no pair predicted same,
                precision is 1; with no pair truly same, recall is 1 (nothing to miss).
    headline  = share of ground-truth stories and sidebars with a headline whose headline is
                found in an ``h1``-``h6`` whose innermost article/aside is the one holding most
                of that story's found chunks (a tie goes to the one met first in the output). A
                heading matches when its normalised text contains the headline, or lies inside
                it and is at least 80 % of its length. A story with no scorable chunk accepts a
                heading inside any article/aside; one whose chunks are all missing or mostly
                outside every story scores 0.
    caption   = share of ground-truth captions (the ``caption`` field of any article kind)
                found, normalised, as a substring of the text of one ``<figcaption>``.
    furniture = share of furniture strings found, normalised, as a substring of the output
                text that lies outside every article/aside.
    paragraphs = F1 of paragraph ends, each named by the last chunk-length characters of its
                story's body up to it (``layout.paragraph_metrics``).
    broken    = share of consecutive body paragraphs of a story cut mid-sentence (no truth
                needed: ``layout.paragraph_metrics``).

Plain-text output (:func:`score_text`) is one flow with no structure: coverage, flow and order
only. Finding chunks costs one hashed pass over the text, and order uses a merge-sort inversion
count, so scoring is O(n log n) in the page text (about 0.1 s for a 50,000-character page).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from math import comb
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from .errors import FormatError, UsageError
from .paragraph_metrics import broken_share, end_f1, ends, story_paragraphs
from .roles import STORY_TAGS
# The ground truth (model and readers) lives in layout.truth; these names are re-exported, so
# that callers keep finding them here.
from .truth import ARTICLE_KINDS, SCORED_KINDS, ArticleTruth, PageTruth, load_truth  # noqa: F401
from .truth.mets import load_mets_truth  # noqa: F401

MAIN_METRICS = ("coverage", "flow", "order", "story_f1", "headline", "caption", "furniture")
PARAGRAPH_METRICS = ("paragraphs", "broken")
METRICS = (*MAIN_METRICS, *PARAGRAPH_METRICS, "story_precision", "story_recall")
COUNTS = ("chunks", "found", "skipped")

CJK_CHUNK = 10
LATIN_CHUNK = 20
HEADING_SHARE = 0.8

_HYPHENS = str.maketrans("", "", "-\u00ad\u2010\u2011")
_CJK = re.compile(
    "[\u1100-\u11ff\u3005-\u3007\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\U00020000-\U0003ffff]"
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SILENT_TAGS = frozenset({"script", "style", "template"})


# --- scores -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scores:
    """The metrics of one page (see the module docstring), each in [0, 1] or ``None`` when not
    applicable, with the chunk counts behind them: ``chunks`` scored (not skipped), ``found``
    exactly once in the output, and ``skipped`` as repeated on the page."""

    coverage: float | None = None
    flow: float | None = None
    order: float | None = None
    story_f1: float | None = None
    headline: float | None = None
    caption: float | None = None
    furniture: float | None = None
    paragraphs: float | None = None
    broken: float | None = None
    story_precision: float | None = None
    story_recall: float | None = None
    chunks: int = 0
    found: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, float | int | None]:
        """The scores as a plain dict, for JSON reports."""
        return asdict(self)


def mean_scores(scores: Sequence[Scores]) -> dict[str, float | int | None]:
    """Per metric, the mean of the pages where it applies (``None`` where it never does);
    the chunk counts are summed and ``pages`` tells how many pages were averaged."""
    result: dict[str, float | int | None] = {}
    for name in METRICS:
        values = [value for s in scores if (value := getattr(s, name)) is not None]
        result[name] = sum(values) / len(values) if values else None
    for name in COUNTS:
        result[name] = sum(getattr(s, name) for s in scores)
    result["pages"] = len(scores)
    return result


def format_scores(scores: Scores | Mapping[str, Any]) -> str:
    """One line of the seven main metrics and the two paragraph measures (three decimals,
    ``-`` when not applicable); also accepts the dict of :func:`mean_scores`."""
    values = scores.as_dict() if isinstance(scores, Scores) else scores
    return "  ".join(f"{name} {_format_value(values.get(name))}"
                     for name in (*MAIN_METRICS, *PARAGRAPH_METRICS))


def _format_value(value: float | None) -> str:
    """A metric value for humans."""
    return "-" if value is None else f"{value:.3f}"


def score_html(html: str | bytes, truth: PageTruth | Sequence[PageTruth],
               page: int | None = None) -> Scores:
    """Score our HTML output against the ground truth of one page.

    ``page`` picks the truth page with that number and the ``<section class="page">`` with that
    ``data-page``; without it, the truth must be a single page and the section is the one whose
    ``data-page`` is that page's number. A single truth page or a single section is used as it
    is; HTML with no page section is scored as a whole (other tools' HTML).
    """
    page_truth = _select_truth(truth, page)
    section = _select_section(_parse_html(html), page if page is not None else page_truth.number)
    return _score(page_truth, _read_section(section), structured=True)


def score_text(text: str, truth: PageTruth | Sequence[PageTruth],
               page: int | None = None) -> Scores:
    """Score a plain-text tool's output (one flow, no stories): coverage, flow and order only."""
    stream = normalize(text)
    output = _Output(stream, (-1,) * len(stream), (), (), "")
    return _score(_select_truth(truth, page), output, structured=False)


def normalize(text: str) -> str:
    """NFKC, then drop whitespace and hyphens (not dashes): what every comparison sees."""
    return "".join(unicodedata.normalize("NFKC", text).translate(_HYPHENS).split())


def _select_truth(truth: PageTruth | Sequence[PageTruth], page: int | None) -> PageTruth:
    """The one truth page to score: the only one, or the one numbered ``page``."""
    pages = [truth] if isinstance(truth, PageTruth) else list(truth)
    if len(pages) == 1:
        return pages[0]
    if not pages:
        raise UsageError("the ground truth has no pages")
    if page is None:
        raise UsageError(f"the ground truth has {len(pages)} pages: choose one with page=")
    for candidate in pages:
        if candidate.number == page:
            return candidate
    numbers = ", ".join(str(p.number) for p in pages)
    raise UsageError(f"the ground truth has no page {page} (it has pages {numbers})")


def _score(truth: PageTruth, output: _Output, structured: bool) -> Scores:
    """All metrics of one page; the structural ones only for ``structured`` (HTML) output."""
    plan = plan_chunks(truth)
    found = locate(plan, output.text)
    chunk_scores = Scores(
        coverage=_ratio(len(found), plan.count),
        flow=_flow(plan, found),
        order=_order(plan, found),
        chunks=plan.count,
        found=len(found),
        skipped=plan.skipped,
    )
    if not structured:
        return chunk_scores
    precision, recall, f1 = _story_f1(plan, found, output.owners)
    return replace(
        chunk_scores,
        story_f1=f1,
        story_precision=precision,
        story_recall=recall,
        headline=_headline(truth, plan, found, output),
        caption=_caption(truth, output),
        furniture=_furniture(truth, output),
        paragraphs=_paragraph_ends(truth, plan, output),
        broken=broken_share(output.paragraphs),
    )


def _ratio(hits: int, total: int) -> float | None:
    """``hits / total``, or ``None`` when nothing could be scored."""
    return hits / total if total else None


# --- chunks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChunkPlan:
    """The chunks of one truth page: per scored article (by index), its chunks in reading
    order, a skipped chunk standing as ``None`` so that it still breaks neighbour pairs."""

    stories: tuple[tuple[int, tuple[str | None, ...]], ...]
    skipped: int
    size: int = LATIN_CHUNK

    @property
    def needles(self) -> frozenset[str]:
        """The scored chunk strings; each occurs exactly once in the truth page."""
        return frozenset(c for _, chunks in self.stories for c in chunks if c is not None)

    @property
    def count(self) -> int:
        """How many chunks are scored."""
        return sum(c is not None for _, chunks in self.stories for c in chunks)


def plan_chunks(truth: PageTruth) -> ChunkPlan:
    """Cut every story body into chunks and mark those repeated on the page as skipped."""
    bodies = {i: normalize("".join(a.text)) for i, a in enumerate(truth.articles) if a.scored}
    size = CJK_CHUNK if _is_cjk("".join(bodies.values())) else LATIN_CHUNK
    cuts = {i: _cut(body, size) for i, body in bodies.items()}
    repeated = _repeated({c for chunks in cuts.values() for c in chunks}, _page_texts(truth))
    stories = tuple((i, tuple(None if c in repeated else c for c in chunks))
                    for i, chunks in cuts.items())
    skipped = sum(c in repeated for chunks in cuts.values() for c in chunks)
    return ChunkPlan(stories, skipped, size)


def _is_cjk(text: str) -> bool:
    """Whether more than half of the letters of ``text`` are Han, Kana or Hangul."""
    letters = "".join(c for c in text if c.isalpha())
    return 2 * len(_CJK.findall(letters)) > len(letters)


def _cut(body: str, size: int) -> list[str]:
    """Consecutive chunks of ``size``; a shorter tail survives if at least half that size."""
    chunks = [body[start:start + size] for start in range(0, len(body), size)]
    if chunks and 2 * len(chunks[-1]) < size:
        chunks.pop()
    return chunks


def _page_texts(truth: PageTruth) -> Iterator[str]:
    """Every normalised text of the truth page, each string on its own."""
    for article in truth.articles:
        yield normalize("".join(article.text))
        heads = (article.kicker, article.headline, article.deck, article.byline)
        yield from (normalize(text) for text in (*heads, *article.captions) if text)
    yield from (normalize(text) for text in truth.furniture)


def _repeated(needles: set[str], texts: Iterable[str]) -> set[str]:
    """The needles occurring more than once, overlaps included, over all ``texts``; joining
    them with a newline keeps them apart, as no normalised needle holds whitespace."""
    starts = _find_all("\n".join(texts), needles)
    return {needle for needle, found in starts.items() if len(found) > 1}


def _find_all(text: str, needles: frozenset[str] | set[str]) -> dict[str, list[int]]:
    """Start offsets of every occurrence of each needle: one pass hashing every window of the
    shortest needle length, then checking the needles with that prefix. Linear in the text
    whatever the number of needles (chunks on a page share prefixes only by rare chance)."""
    if not needles:
        return {}
    width = min(len(needle) for needle in needles)
    by_prefix: defaultdict[str, list[str]] = defaultdict(list)
    for needle in needles:
        by_prefix[needle[:width]].append(needle)
    found: defaultdict[str, list[int]] = defaultdict(list)
    for start in range(len(text) - width + 1):
        for needle in by_prefix.get(text[start:start + width], ()):
            if text.startswith(needle, start):
                found[needle].append(start)
    return found


def locate(plan: ChunkPlan, text: str) -> dict[str, int]:
    """Output offset of each chunk found exactly once in ``text``."""
    return {needle: starts[0] for needle, starts in _find_all(text, plan.needles).items()
            if len(starts) == 1}


def _found_chunks(chunks: Iterable[str | None], found: Mapping[str, int]) -> list[str]:
    """The found chunks among ``chunks``, in truth order."""
    return [c for c in chunks if c is not None and c in found]


# --- chunk metrics ------------------------------------------------------------------------


def _flow(plan: ChunkPlan, found: Mapping[str, int]) -> float | None:
    """Share of neighbouring non-skipped chunk pairs of a story whose second chunk starts
    exactly where the first ends in the output; a missing chunk breaks its pairs."""
    pairs = contiguous = 0
    for _, chunks in plan.stories:
        for first, second in zip(chunks, chunks[1:]):
            if first is None or second is None:
                continue
            pairs += 1
            contiguous += (first in found and second in found
                           and found[second] == found[first] + len(first))
    return _ratio(contiguous, pairs)


def _order(plan: ChunkPlan, found: Mapping[str, int]) -> float | None:
    """Share of all pairs of found chunks of one story that keep their truth order."""
    pairs = inverted = 0
    for _, chunks in plan.stories:
        starts = [found[c] for c in _found_chunks(chunks, found)]
        pairs += comb(len(starts), 2)
        inverted += _sort_counting_inversions(starts)[1]
    return _ratio(pairs - inverted, pairs)


def _sort_counting_inversions(values: list[int]) -> tuple[list[int], int]:
    """Merge sort that also counts the pairs i < j with values[i] >= values[j]."""
    if len(values) < 2:
        return values, 0
    middle = len(values) // 2
    left, left_inversions = _sort_counting_inversions(values[:middle])
    right, right_inversions = _sort_counting_inversions(values[middle:])
    merged: list[int] = []
    inversions = left_inversions + right_inversions
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] < right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            inversions += len(left) - i
            j += 1
    return merged + left[i:] + right[j:], inversions


# --- structure metrics --------------------------------------------------------------------


def _story_f1(plan: ChunkPlan, found: Mapping[str, int], owners: Sequence[int]
              ) -> tuple[float | None, float | None, float | None]:
    """Pairwise precision, recall and F1 of "same story" over found chunks, counted from the
    (true, predicted) contingency cells; chunks outside every story are singletons."""
    labels = [(story, owners[found[c]]) for story, chunks in plan.stories
              for c in _found_chunks(chunks, found)]
    if not labels:
        return None, None, None
    truly_same = _same_pairs(Counter(story for story, _ in labels))
    predicted_same = _same_pairs(Counter(owner for _, owner in labels if owner >= 0))
    both = _same_pairs(Counter(label for label in labels if label[1] >= 0))
    precision = both / predicted_same if predicted_same else 1.0
    recall = both / truly_same if truly_same else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _same_pairs(cluster_sizes: Counter[Any]) -> int:
    """Number of pairs inside clusters of the given sizes."""
    return sum(comb(size, 2) for size in cluster_sizes.values())


def _headline(truth: PageTruth, plan: ChunkPlan, found: Mapping[str, int],
              output: _Output) -> float | None:
    """Share of story headlines found in a heading of the story holding most of their body."""
    holders = _holders(plan, found, output.owners)
    scorable = {i for i, chunks in plan.stories if any(c is not None for c in chunks)}
    hits = total = 0
    for i, article in enumerate(truth.articles):
        headline = normalize(article.headline or "")
        if not article.scored or not headline:
            continue
        total += 1
        holder = holders.get(i, -1) if i in scorable else None
        hits += any(_in_holder(owner, holder) and _heading_matches(text, headline)
                    for text, owner in output.headings)
    return _ratio(hits, total)


def _holders(plan: ChunkPlan, found: Mapping[str, int], owners: Sequence[int]) -> dict[int, int]:
    """Per story, the output article/aside holding most of its found chunks (ties: the one met
    first in the output; -1 when that is outside every story)."""
    holders = {}
    for story, chunks in plan.stories:
        starts = sorted(found[c] for c in _found_chunks(chunks, found))
        if starts:
            holders[story] = Counter(owners[start] for start in starts).most_common(1)[0][0]
    return holders


def _in_holder(owner: int, holder: int | None) -> bool:
    """Whether a heading owned by ``owner`` may carry the headline: it must sit in the holder
    (none when -1); ``None`` stands for a story with no scorable chunk, any story will do."""
    if holder is None:
        return owner >= 0
    return holder >= 0 and owner == holder


def _heading_matches(heading: str, headline: str) -> bool:
    """The heading contains the headline, or is at least 80 % of it and inside it."""
    return headline in heading or (
        heading in headline and len(heading) >= HEADING_SHARE * len(headline))


def _caption(truth: PageTruth, output: _Output) -> float | None:
    """Share of truth captions found inside one ``<figcaption>``."""
    captions = [c for a in truth.articles for c in map(normalize, a.captions) if c]
    hits = sum(any(c in figcaption for figcaption in output.figcaptions) for c in captions)
    return _ratio(hits, len(captions))


def _paragraph_ends(truth: PageTruth, plan: ChunkPlan, output: _Output) -> float | None:
    """F1 of paragraph ends (``layout.paragraph_metrics``): truth ends named once on the
    page, output ends named once in the truth's story bodies; None when the truth's text
    units are not paragraphs."""
    if not truth.paragraphs:
        return None
    truth_ends = [name for a in truth.articles if a.scored
                  for name in ends([normalize(p) for p in a.text], plan.size)]
    output_ends = [name for texts in output.paragraphs
                   for name in ends([normalize(p) for p in texts], plan.size)]
    names = set(truth_ends) | set(output_ends)
    on_page = _find_all("\n".join(_page_texts(truth)), names)
    in_bodies = _find_all("\n".join(normalize("".join(a.text)) for a in truth.articles
                                    if a.scored), names)
    return end_f1({n for n in truth_ends if len(on_page.get(n, ())) == 1},
                  {n for n in output_ends if len(in_bodies.get(n, ())) == 1})


def _furniture(truth: PageTruth, output: _Output) -> float | None:
    """Share of furniture strings found in the output text outside every article/aside."""
    items = [f for f in map(normalize, truth.furniture) if f]
    return _ratio(sum(f in output.outside for f in items), len(items))


# --- reading the HTML ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Output:
    """The normalised text of a page section with what the metrics need to know about it:
    per character the id of its innermost article/aside (-1 for none), the normalised headings
    with their innermost article/aside, the figcaption texts and the text outside stories."""

    text: str
    owners: tuple[int, ...]
    headings: tuple[tuple[str, int], ...]
    figcaptions: tuple[str, ...]
    outside: str
    paragraphs: tuple[tuple[str, ...], ...] = ()


def _parse_html(html: str | bytes) -> etree._Element:
    """Parse UTF-8 HTML with no network access and no entity expansion beyond HTML's own."""
    data = html.encode("utf-8") if isinstance(html, str) else html
    parser = lxml_html.HTMLParser(encoding="utf-8", no_network=True)
    try:
        return lxml_html.document_fromstring(data, parser=parser)
    except (etree.LxmlError, ValueError) as exc:
        raise FormatError(f"HTML output cannot be parsed: {exc}") from exc


def _select_section(root: etree._Element, number: int | None) -> etree._Element:
    """The ``<section class="page">`` to score (see :func:`score_html`)."""
    sections = [s for s in root.iter("section") if "page" in (s.get("class") or "").split()]
    if not sections:
        body = root.find("body")
        return root if body is None else body
    if len(sections) == 1:
        return sections[0]
    if number is None:
        raise UsageError(f"the HTML has {len(sections)} page sections: choose one with page=")
    for section in sections:
        if (section.get("data-page") or "").strip() == str(number):
            return section
    raise FormatError(f'HTML output has no <section class="page" data-page="{number}">')


def _read_section(section: etree._Element) -> _Output:
    """Walk the section once, in document order, into an :class:`_Output`."""
    builder = _StreamBuilder()
    for event, node in _walk(section):
        if event == "start":
            builder.start(node)
        else:
            builder.end(node, with_tail=node is not section)
    return replace(builder.result(),
                   paragraphs=tuple(map(tuple, story_paragraphs(section))))


def _walk(root: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """("start", node) and ("end", node) events in document order, comments included (unlike
    ``etree.iterwalk``, which would lose the text following a comment); no recursion."""
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            yield "end", node
            continue
        yield "start", node
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


class _StreamBuilder:
    """Accumulates the text stream of a section while :func:`_walk` visits it. Headings and
    figcaptions are read back from the stream itself, so they see exactly the text it holds."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._outside: list[str] = []
        self._owners: list[int] = []
        self._stack: list[int] = [-1]
        self._stories = 0
        self._open: list[tuple[etree._Element, int, int]] = []
        self._spans: list[tuple[str, int, int, int]] = []

    def start(self, node: etree._Element) -> None:
        """Enter a node: open a story, mark a heading or figcaption, add the node's text."""
        if not isinstance(node.tag, str):
            return
        if node.tag in STORY_TAGS:
            self._stack.append(self._stories)
            self._stories += 1
        if node.tag in _HEADING_TAGS or node.tag == "figcaption":
            self._open.append((node, len(self._owners), self._stack[-1]))
        if node.tag not in _SILENT_TAGS:
            self._add(node.text)

    def end(self, node: etree._Element, with_tail: bool) -> None:
        """Leave a node: close its story or span, then add the text that follows it."""
        if isinstance(node.tag, str) and node.tag in STORY_TAGS:
            self._stack.pop()
        if self._open and self._open[-1][0] is node:
            _, begin, owner = self._open.pop()
            self._spans.append((node.tag, begin, len(self._owners), owner))
        if with_tail:
            self._add(node.tail)

    def _add(self, text: str | None) -> None:
        """Append one text node, owned by the innermost open story."""
        normalized = normalize(text or "")
        if not normalized:
            return
        owner = self._stack[-1]
        self._parts.append(normalized)
        self._owners.extend([owner] * len(normalized))
        if owner < 0:
            self._outside.append(normalized)

    def result(self) -> _Output:
        """The finished :class:`_Output`."""
        text = "".join(self._parts)
        headings = tuple((text[begin:end], owner) for tag, begin, end, owner in self._spans
                         if tag != "figcaption")
        figcaptions = tuple(text[begin:end] for tag, begin, end, _ in self._spans
                            if tag == "figcaption")
        return _Output(text, tuple(self._owners), headings, figcaptions, "".join(self._outside))
