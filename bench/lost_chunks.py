"""Where the chunks ours loses on an archive issue go: inside one of the truth's areas, or
across two of them.

    .venv/bin/python bench/lost_chunks.py --corpus ../shared/corpus/archives --only colorednews
    .venv/bin/python bench/lost_chunks.py --only bl_ --pages      # a line per page too

Each issue is scrambled and read as ``bench/archive.py`` does (seed 1). A truth article's body
is its areas (a block, a page area, a PAGE region's lines) one after another, each one
paragraph of ``ArticleTruth.text``. Per issue (and per page with ``--pages``):

- ``chunks``, ``lost``: the scored chunks, and those ours did not find exactly once;
- ``inside``: lost chunks lying inside one truth area: ours read that area's own text apart
  (lines of one block set in two places, a table read across, words dropped) or, where the
  truth reads a block's lines in the engine's order, in another order than that one (a
  speck's line listed among the lines it stands beside);
- ``across``: lost chunks running from one truth area into the next: the two areas do not
  stand one right after the other in ours. Where the truth's areas are the OCR engine's zones
  in its own order (BL's page areas), this is also where that order leaves the page's;
- ``bound``: the share of chunks inside one area, which a reading that keeps every area
  whole finds whatever order it reads the areas in;
- ``areas``, ``areas apart``: the truth areas of 20 characters or more, and those whose text
  ours does not hold whole anywhere on the page (in whatever story).

A PAGE file exported without transcription (which ``bench/archive.py`` reads by OCR from its
image) has no text here: its issue counts no chunks. Nothing here scores (``bench/archive.py``
does): it tells which of the two kinds of loss an issue's figures stand for, and so whether a
change to the reading (inside) or to the order (across) can move them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from lxml import html as lxml_html

import layout
from layout.evaluate import locate, normalize, plan_chunks, score_html
from layout.sources.didl import RecoveredXmlWarning
from layout.truth import PageTruth

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive import default_corpora, issue_folders, units  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from scramble import scramble_issue  # noqa: E402

KINDS = ("chunks", "lost", "inside", "across", "areas", "areas apart")
# [characters, normalised] least length of a truth area whose text is looked for whole
_AREA = 20


def losses(truth: PageTruth, text: str) -> Counter[str]:
    """The counts of ``KINDS`` on one page, ``text`` being ours, normalised (all of it)."""
    plan = plan_chunks(truth)
    found = locate(plan, text)
    counts: Counter[str] = Counter()
    for index, chunks in plan.stories:
        areas = [normalize(p) for p in truth.articles[index].text]
        ends = _ends(areas)
        for k, chunk in enumerate(chunks):
            if chunk is None:
                continue
            counts["chunks"] += 1
            start = k * plan.size
            one = _area_of(ends, start) == _area_of(ends, start + len(chunk) - 1)
            counts["bound"] += one
            if chunk not in found:
                counts["lost"] += 1
                counts["inside" if one else "across"] += 1
        for area in areas:
            if len(area) >= _AREA:
                counts["areas"] += 1
                counts["areas apart"] += area not in text
    return counts


def _ends(areas: Sequence[str]) -> list[int]:
    """The offset, in the article's normalised body, just past each area."""
    ends, at = [], 0
    for area in areas:
        at += len(area)
        ends.append(at)
    return ends


def _area_of(ends: Sequence[int], offset: int) -> int:
    """The index of the area holding the character at ``offset``."""
    return next(i for i, end in enumerate(ends) if offset < end)


def issue_losses(folder: Path, seed: int) -> Iterator[tuple[int, Counter[str]]]:
    """(page number, ``losses``) of every page with scored text of an issue."""
    with tempfile.TemporaryDirectory() as tmp:
        for unit in units(folder):
            copy = scramble_issue(unit.index, Path(tmp) / unit.index.stem, seed)
            html = layout.reconstruct(copy).to_html()
            for page in unit.truth:
                if not score_html(html, unit.truth, page=page.number).chunks:
                    continue
                yield page.number, losses(page, _page_text(html, page.number))


def _page_text(html: str, number: int) -> str:
    """Our normalised text of one page section (stories, furniture and all)."""
    root = lxml_html.document_fromstring(html.encode("utf-8"))
    section = next(s for s in root.iter("section") if s.get("data-page") == str(number))
    return normalize(" ".join(t for t in section.itertext()))


def row(name: str, counts: Counter[str]) -> str:
    """A markdown row of the counts."""
    bound = f"{counts['bound'] / counts['chunks']:.3f}" if counts["chunks"] else "-"
    return (f"| {name} | " + " | ".join(str(counts[k]) for k in KINDS[:4])
            + f" | {bound} | {counts['areas']} | {counts['areas apart']} |")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, action="append", help="folder of issue folders")
    p.add_argument("--only", help="only the issues whose folder name contains this")
    p.add_argument("--seed", type=int, default=1, help="seed of the block shuffling")
    p.add_argument("--pages", action="store_true", help="a row per page too")
    args = p.parse_args(argv)
    warnings.simplefilter("ignore", RecoveredXmlWarning)
    corpora = args.corpus or default_corpora()
    issues = issue_folders(corpora, args.only)
    print("| issue (page) | chunks | lost | inside | across | bound | areas | areas apart |")
    print("|---|---|---|---|---|---|---|---|")
    for folder in issues:
        total: Counter[str] = Counter()
        for number, counts in issue_losses(folder, args.seed):
            total.update(counts)
            if args.pages:
                print(row(f"{folder.name} p{number}", counts))
        print(row(folder.name, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
