"""Ground truth of pages: what the metrics of ``layout.evaluate`` compare our output with.

One format-neutral model (:class:`PageTruth` of :class:`ArticleTruth`) and one reader per
format, chosen by the file's content (:func:`load_truth`):

- ``json``: the contract's ground-truth JSON (``docs/contract.md``), one page or several;
- ``mets``: a METS issue whose logical structMap points at ALTO blocks (CCS docWorks:
  Europeana Newspapers, BnF, BnL, RERO), or whose ``structLink`` links articles to page areas
  that are ALTO word ranges (British Library, ``bl``);
- ``didl``: a KB Delpher MPEG-21 DIDL issue (``didl.xml``): article parts per page naming
  ALTO TextBlocks;
- ``newseye``: a NewsEye PAGE 2013 file (Transkribus): an article id per TextLine and a
  reading order of regions and lines.

The archive readers build the text of every block, line or word range exactly as the input
readers of ``layout.sources`` read the same elements, so truth and output compare after the
contract's normalisation. XML is parsed with the readers' safe settings (no entity expansion,
no DTD, no network). Malformed truth raises :class:`FormatError` naming the file and place.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FormatError, InputError
from ..sources.alto import AltoFile, load
from ..sources.mets import Issue
from ..sources.xml import root_of

SCORED_KINDS = frozenset({"story", "sidebar"})
ARTICLE_KINDS = frozenset({"story", "sidebar", "ad", "figure"})
HEAD_FIELDS = ("headline", "kicker", "deck", "byline")


@dataclass(frozen=True)
class ArticleTruth:
    """One ground-truth item of a page: a story, sidebar, advertisement or figure.

    Format-neutral on purpose: every reader of this package fills it. ``text`` holds the body
    paragraphs in reading order; only stories and sidebars have their text scored, but every
    field counts as page text when spotting repeated chunks.
    """

    id: str
    kind: str = "story"
    text: tuple[str, ...] = ()
    headline: str | None = None
    kicker: str | None = None
    deck: str | None = None
    byline: str | None = None
    captions: tuple[str, ...] = ()
    parent: str | None = None

    @property
    def scored(self) -> bool:
        """Whether the body counts for the text metrics (stories and sidebars only)."""
        return self.kind in SCORED_KINDS


@dataclass(frozen=True)
class PageTruth:
    """The ground truth of one page: its articles in reading order and its furniture strings.

    ``paragraphs``: whether the articles' text units are paragraphs (the contract's JSON); an
    archive's are its OCR blocks or lines, cut at every column break too."""

    number: int | None
    articles: tuple[ArticleTruth, ...]
    furniture: tuple[str, ...] = ()
    source: str | None = None
    paragraphs: bool = True


def load_truth(path: str | os.PathLike[str]) -> list[PageTruth]:
    """The ground truth in the file at ``path``, whichever format its content shows: contract
    JSON (one page, a list of pages, or ``{"pages": [...]}``), a METS issue (CCS or BL), a KB
    DIDL issue or a NewsEye PAGE file.

    Raises :class:`InputError` when the file cannot be read and :class:`FormatError` when it is
    none of these or is malformed; both messages name the file.
    """
    if not _is_xml(path):
        from .json import load_json_truth
        return load_json_truth(path)
    namespace, name = root_of(Path(path))
    if name == "mets":
        from .mets import load_mets_truth
        return load_mets_truth(path)
    if name == "DIDL":
        from .didl import load_didl_truth
        return load_didl_truth(path)
    if name == "PcGts":
        from .newseye import load_newseye_truth
        return load_newseye_truth(path)
    raise FormatError(f"{path}: XML root <{name}> in namespace {namespace or '(none)'!r} is no "
                      "ground truth (expected METS, DIDL or PAGE)")


def _is_xml(path: str | os.PathLike[str]) -> bool:
    """Whether the file's content starts like XML (after a byte order mark and blanks)."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(256)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ground truth: {exc.strerror or exc}") from exc
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<")


def issue_altos(issue: Issue) -> dict[str, AltoFile]:
    """The parsed ALTO file of every page of an issue whose file exists, by its file id."""
    return {p.file_id: load(p.path) for p in issue.pages if p.path is not None}


@dataclass
class TruthBuilder:
    """Collects the truth of an issue page by page while a reader walks its article map, then
    freezes it into :class:`PageTruth` values. Articles keep the order they are first met in,
    and each field its pieces in the order they are added."""

    articles: dict[int, dict[str, dict]] = field(default_factory=lambda: defaultdict(dict))
    furniture: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, page: int, key: str, kind: str, role: str, text: str) -> None:
        """Add ``text`` to article ``key`` on ``page``: as a body paragraph (``role`` "text"),
        a caption ("captions"), or to a head field ("headline", "kicker", ...), joined with a
        space to what that field holds. Empty text is left out."""
        if not text:
            return
        fields = self.articles[page].setdefault(key, {"kind": kind, "text": [], "captions": []})
        if role in ("text", "captions"):
            fields[role].append(text)
        elif role in HEAD_FIELDS:
            fields[role] = f"{fields[role]} {text}" if role in fields else text
        else:
            raise ValueError(f"unknown truth field {role!r}")

    def add_furniture(self, page: int, text: str) -> None:
        """Add a furniture string (masthead, imprint) to ``page``."""
        if text:
            self.furniture[page].append(text)

    def page(self, number: int, source: str | None) -> PageTruth:
        """The truth of page ``number`` as collected (no articles when none were added)."""
        return PageTruth(
            number=number,
            articles=tuple(ArticleTruth(id=key, kind=f["kind"], text=tuple(f["text"]),
                                        captions=tuple(f["captions"]),
                                        **{k: f.get(k) for k in HEAD_FIELDS})
                           for key, f in self.articles[number].items()),
            furniture=tuple(self.furniture[number]),
            source=source, paragraphs=False)

    def issue(self, issue: Issue) -> list[PageTruth]:
        """The truth of every page of ``issue`` whose ALTO file exists, named after that file
        (a page holding no article has a truth with no article)."""
        return [self.page(p.number, p.path.name) for p in issue.pages if p.path is not None]
