"""Measure newslayout on real archive issues with the libraries' own article maps: accuracy
beside two baselines, per issue, per library and over all, and speed.

    .venv/bin/python bench/archive.py                  # prints a markdown section
    .venv/bin/python bench/archive.py --corpus fixtures/mets_alto --corpus fixtures/archives
    .venv/bin/python bench/archive.py --only kb_ --reps 0   # some issues, no timing

Every folder of the corpora is one issue: a METS file (CCS docWorks or British Library) or a
KB DIDL file with its ALTO pages, or NewsEye PAGE files (one a page). By default the corpora
are ``../shared/corpus/mets_alto`` and ``../shared/corpus/archives`` (else the copies in
``fixtures/``). Each issue is first rewritten with its blocks shuffled and every ID renamed
(``tests/scramble.py``; PAGE files also lose their reading order and article ids), so no
tool can read the order off the files. The ground truth is read from the original
(``layout.truth.load_truth``: CCS METS, BL METS, DIDL or NewsEye PAGE; the scrambled METS and
DIDL files carry the same, as the tests check). Page by page, then averaged over the pages with
scored text:

- ours: ``layout.reconstruct`` on the scrambled copy, HTML scored with ``score_html``, and
  "paragraphs broken" (``../shared/tools/paragraph_check.py``, when present: the share of
  consecutive body paragraphs of a story where the first stops mid-sentence). A PAGE file
  exported without transcription whose page image lies beside it (the NZZ) is read from the
  image by OCR instead, and scored against its truth lines carrying the OCR's words
  (``layout.truth.newseye``); the baselines read the lines of that OCR (``ocr_lines``);
- "column-major": the scrambled copy's blocks (ALTO TextBlocks, PAGE TextRegions) read column
  by column (blocks clustered by the x of their centre, clusters left to right, blocks top to
  bottom), one flow, ``score_text``: no segmentation at all;
- "archive order": the text of the *original* file's blocks in file order, one flow,
  ``score_text``: what trusting the OCR engine's (or the archive's) own block order gives (on
  a page read by OCR, the lines in the order the engine gives them).

Pages without text to score (all ads, all picture, in no article, PAGE files exported with
neither transcription nor image) are counted apart. An issue whose column-major order is below
``COLUMN_ORDER`` has a truth that does not read in column order; the means are also given
without those issues (and without those where column-major finds under ``COLUMN_FOUND`` of the
chunks, whose order is not known). The means per library and over all give each issue the same weight.

Every issue here has been used to tune the rules so far: there is no held-out set in the
corpus, and these figures are not a measure of how the rules generalise.

Speed, over the ALTO files of the issues of the first corpus (``mets_alto``: the set the
figures of earlier runs were measured on): pages per second of lxml alone parsing the files,
of the ALTO source reading them, and of ours (read, analysed, HTML written); the ratios to
lxml are the figures to compare across machines. Each timing is the CPU time of this process,
best of ``--reps`` runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "tests"))  # the scrambling helper is shared with the tests

import layout  # noqa: E402
from layout.evaluate import Scores, mean_scores, score_html, score_text  # noqa: E402
from layout.pipeline import analyse_page  # noqa: E402
from layout.sources.alto import AltoSource, element_text, load  # noqa: E402
from layout.sources.didl import RecoveredXmlWarning, read_didl  # noqa: E402
from layout.sources.mets import Issue, read_issue  # noqa: E402
from layout.sources.pagexml import line_words, polygon_box  # noqa: E402
from layout.sources.xml import (PAGE_NAMESPACES, expect_root, number_of, parse,  # noqa: E402
                                root_of, split_tag)
from layout.truth import PageTruth, load_truth  # noqa: E402
from scramble import scramble_issue  # noqa: E402

from archive_ocr import ocr_truth, untranscribed_image  # noqa: E402  (PAGE files read by OCR)

COLUMN_TOLERANCE = 0.05  # [share of page width] block centres this close are one column
# An issue whose blocks, read column by column, score below this order against its own truth
# has a truth that does not read in column order (EZR's METS reads the right column first on
# most pages); its order says nothing of a tool, so a second mean leaves it out.
COLUMN_ORDER = 0.9
# The column-major order is measured over the chunks that reading finds: where it finds under
# this share, most of them (the Coloured News of 1855: .495, its truth following the engine's
# zones in file order), its order says nothing of how the truth reads: the issue is "not known".
COLUMN_FOUND = 0.8
LIBRARIES = {"bnf": "BnF", "bnl": "BnL", "rero": "RERO", "kb": "KB", "bl": "BL",
             "newseye": "NewsEye"}
METRICS = ("coverage", "flow", "order", "story_f1", "headline", "broken")
TOOLS = ("ours", "column-major", "archive order")

Block = tuple[str, tuple[float, float, float, float]]  # text, (x, y, width, height)


@dataclass(frozen=True)
class Unit:
    """One input file of an issue and its truth: a METS or DIDL file (all its pages), or one
    PAGE file (one page)."""

    index: Path
    truth: list[PageTruth]


def inputs(folder: Path) -> list[Path]:
    """The input files of an issue folder: its METS or DIDL file, else its PAGE files."""
    xml = sorted(folder.glob("*.xml"))
    roots = {p: root_of(p)[1] for p in xml}
    return [p for p in xml if roots[p] in ("mets", "DIDL")][:1] or [
        p for p in xml if roots[p] == "PcGts"]


def units(folder: Path) -> list[Unit]:
    """The inputs of an issue folder with their ground truth."""
    return [Unit(p, load_truth(p)) for p in inputs(folder)]


def open_issue(index: Path) -> Issue:
    """The pages of a METS or DIDL file."""
    return read_didl(index) if root_of(index)[1] == "DIDL" else read_issue(index)


def page_files(index: Path) -> dict[int, Path]:
    """Page number → the file holding that page: the ALTO file of each page of an issue, or a
    PAGE file itself (page 1)."""
    if root_of(index)[1] == "PcGts":
        return {1: index}
    return {p.number: p.path for p in open_issue(index).pages if p.path is not None}


def blocks(path: Path) -> list[Block]:
    """(text, box) of the text blocks of an ALTO file (TextBlocks) or PAGE file (TextRegions,
    box of their polygon), in file order. ``bench/scans.py`` reads them too."""
    if root_of(path)[1] == "PcGts":
        root = parse(path)
        ns = expect_root(root, path, "PcGts", PAGE_NAMESPACES)
        found = []
        for region in root.iter(f"{{{ns}}}TextRegion"):
            text = "\n".join(" ".join(t for _, t, _ in line_words(line, ns))
                             for line in region.iterfind(f"{{{ns}}}TextLine"))
            box = polygon_box(region, ns)
            if text.strip() and box is not None:
                found.append((text, (box.x0, box.y0, box.width, box.height)))
        return found
    alto = load(path)
    found = []
    for block in alto.root.iter(alto.tag("TextBlock")):
        box = tuple(float(block.get(k, 0)) for k in ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
        text = element_text(alto, block)
        if text:
            found.append((text, box))
    return found


def page_width(path: Path) -> float:
    """The width of the (first) page of an ALTO or PAGE file, in the file's unit."""
    root = parse(path)
    page = next(e for e in root.iter() if split_tag(e.tag)[1] == "Page")
    return number_of(page.get("imageWidth") if split_tag(root.tag)[1] == "PcGts"
                     else page.get("WIDTH")) or 1.0


def column_major(found: list[Block], width: float) -> list[str]:
    """Block texts column by column: clusters of block centre x, each read top to bottom."""
    columns: list[list[Block]] = []
    for item in sorted(found, key=lambda b: b[1][0] + b[1][2] / 2):
        cx = item[1][0] + item[1][2] / 2
        last = columns[-1][-1][1] if columns else None
        if last and cx - (last[0] + last[2] / 2) <= COLUMN_TOLERANCE * width:
            columns[-1].append(item)
        else:
            columns.append([item])
    return [text for column in columns for text, _ in sorted(column, key=lambda b: b[1][1])]


def paragraph_measure() -> Callable[[Path], dict] | None:
    """``measure`` of ``../shared/tools/paragraph_check.py``, None when it is not there."""
    path = SHARED / "tools" / "paragraph_check.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("paragraph_check", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.measure


@dataclass(frozen=True)
class Result:
    """The scores of one issue: per tool, the mean scores over its pages with scored text;
    ``broken`` paragraphs of ours (None without the tool); pages in all and without text."""

    means: dict[str, dict]
    broken: float | None
    pages: int
    textless: int


def accuracy(folder: Path, seed: int, measure: Callable[[Path], dict] | None) -> Result:
    """Scores of ours and of the two baselines on one issue (see the module docstring)."""
    scores: dict[str, list[Scores]] = {tool: [] for tool in TOOLS}
    broken = pairs = pages = textless = 0
    with tempfile.TemporaryDirectory() as tmp:
        for unit in units(folder):
            image = untranscribed_image(unit.index, unit.truth)
            if image is not None:
                html, truth, (read, width) = ocr_truth(unit.index, image)
                copy = None
            else:
                copy = scramble_issue(unit.index, Path(tmp) / unit.index.stem, seed)
                html, truth = layout.reconstruct(copy).to_html(), unit.truth
            if measure is not None:
                (Path(tmp) / "out.html").write_text(html, encoding="utf-8")
                paragraphs = measure(Path(tmp) / "out.html")
                broken += paragraphs["broken"] * paragraphs["paragraph_pairs"]
                pairs += paragraphs["paragraph_pairs"]
            original, scrambled = (page_files(unit.index), page_files(copy)) if copy else ({}, {})
            for page in truth:
                pages += 1
                ours = score_html(html, truth, page=page.number)
                if not ours.chunks:
                    textless += 1
                    continue
                scores["ours"].append(ours)
                if copy is None:  # an OCR'd image has no file of blocks: its OCR's lines
                    found, across, own = read, width, read
                else:
                    copied = scrambled[page.number]
                    found, across = blocks(copied), page_width(copied)
                    own = blocks(original[page.number])
                scores["column-major"].append(score_text(
                    "\n".join(column_major(found, across)), page))
                scores["archive order"].append(score_text("\n".join(t for t, _ in own), page))
    return Result({tool: mean_scores(s) for tool, s in scores.items()},
                  broken / pairs if measure is not None and pairs else None, pages, textless)


def best_time(run: Callable[[], object], reps: int) -> float:
    """The least CPU time of this process over ``reps`` runs."""
    times = []
    for _ in range(reps):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def speed(files: Sequence[Path], reps: int) -> tuple[float, float, float]:
    """Seconds for lxml alone to parse every file (with the readers' safe settings), for the
    ALTO source to read them into ``PageContent``, and for ours to read, analyse and write HTML."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

    def parse_only() -> None:
        for f in files:
            etree.parse(str(f), parser)

    def read_only() -> None:
        for f in files:
            AltoSource(f).page(1)

    def ours() -> None:
        for f in files:
            page = analyse_page(AltoSource(f).page(1))
            layout.Document(f.name, (page,)).to_html()

    return best_time(parse_only, reps), best_time(read_only, reps), best_time(ours, reps)


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def library(issue: str) -> str:
    """The library an issue folder comes from, by its name's prefix."""
    return LIBRARIES.get(issue.split("_", 1)[0], issue.split("_", 1)[0])


def value(result: Result, tool: str, metric: str) -> float | None:
    """One figure of an issue: a mean score, or ours' share of broken paragraphs."""
    if metric == "broken":
        return result.broken if tool == "ours" else None
    return result.means[tool][metric]


def column_order(result: Result) -> float | None:
    """The column-major reading's order on an issue, or None where it is not known: no
    baseline, or a baseline that finds under ``COLUMN_FOUND`` of the chunks."""
    means = result.means["column-major"]
    if means["coverage"] is None or means["coverage"] < COLUMN_FOUND:
        return None
    return means["order"]


def mean_row(results: Sequence[Result], tool: str) -> Iterator[str]:
    """Each metric's mean over the issues where it applies (each issue weighs the same)."""
    for metric in METRICS:
        values = [v for r in results if (v := value(r, tool, metric)) is not None]
        yield fmt(mean(values) if values else None)


def report(results: dict[str, Result], corpora: Sequence[Path], seed: int) -> None:
    """Print the accuracy tables."""
    print("## Archive issues: ours beside the column-major baseline\n")
    folders = ", ".join(f"`{os.path.relpath(c, ROOT)}`" for c in corpora)
    print(f"Corpora {folders}: every issue, its blocks shuffled "
          f"and IDs renamed (seed {seed}); means over each issue's pages with scored text. "
          "The baselines are one flow of text (story_f1, headline and paragraphs do not "
          "apply). **Tuning: every issue below has been used to tune the rules so far; none "
          "is held out.**\n")
    print("| issue | library | pages (no text) | tool | coverage | flow | order | story_f1 "
          "| headline | paragraphs broken |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, result in results.items():
        for tool in TOOLS:
            row = " | ".join(fmt(value(result, tool, m)) for m in METRICS)
            print(f"| {name} | {library(name)} | {result.pages} ({result.textless}) | {tool} "
                  f"| {row} |")
    print("\nMeans over the issues with scored text (each issue weighs the same):\n")
    print("| issues | tool | coverage | flow | order | story_f1 | headline | paragraphs broken |")
    print("|---|---|---|---|---|---|---|---|")
    scored = [k for k, r in results.items() if r.means["ours"]["pages"]]
    groups = {}
    for lib in dict.fromkeys(map(library, results)):
        names = [k for k in scored if library(k) == lib]
        groups[f"{lib} ({len(names)})"] = names
    column = {k: column_order(results[k]) for k in scored}
    in_order = [k for k, v in column.items() if v is not None and v >= COLUMN_ORDER]
    out_of_order = [k for k, v in column.items() if v is not None and v < COLUMN_ORDER]
    groups[f"all {len(scored)} with text"] = scored
    groups[f"the {len(in_order)} in column order"] = in_order
    for title, names in groups.items():
        for tool in TOOLS:
            row = mean_row([results[k] for k in names], tool)
            print(f"| {title} | {tool} | " + " | ".join(row) + " |")
    print(f"\nIssues whose truth reads in column order (column-major order >= {COLUMN_ORDER}): "
          f"{', '.join(in_order) or 'none'}; not in column order: "
          f"{', '.join(out_of_order) or 'none'}; not known (no baseline, or one finding under "
          f"{COLUMN_FOUND:.0%} of the chunks): "
          f"{', '.join(k for k, v in column.items() if v is None) or 'none'}.")
    textless = [f"{k} ({r.textless} of {r.pages})" for k, r in results.items() if r.textless]
    print(f"\nPages with no text to score (ads or pictures only, in no article, or PAGE with "
          f"neither transcription nor image): {', '.join(textless) or 'none'}.")


def default_corpora() -> list[Path]:
    """The shared mets_alto and archives corpora, or the copies in ``fixtures/`` where the
    shared ones are not beside the checkout (a fresh clone)."""
    shared = [SHARED / "corpus" / "mets_alto", SHARED / "corpus" / "archives"]
    if all(d.is_dir() for d in shared):
        return shared
    return [ROOT / "fixtures" / "mets_alto", ROOT / "fixtures" / "archives"]


def issue_folders(corpora: Sequence[Path], only: str | None) -> list[Path]:
    """The issue folders of the corpora, by name; with ``only``, those whose name contains it."""
    return sorted((d for c in corpora for d in c.iterdir() if d.is_dir() and (not only or only in d.name)),
                  key=lambda d: d.name)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, action="append",
                   help="folder of issue folders (repeatable; default: the shared mets_alto "
                        "and archives)")
    p.add_argument("--only", help="only the issues whose folder name contains this")
    p.add_argument("--seed", type=int, default=1, help="seed of the block shuffling")
    p.add_argument("--reps", type=int, default=3, help="timing runs (the best counts; 0: none)")
    args = p.parse_args(argv)
    # Every Delpher didl.xml (and its scrambled copy) is read with recovery, as known.
    warnings.simplefilter("ignore", RecoveredXmlWarning)
    corpora = args.corpus or default_corpora()
    issues = issue_folders(corpora, args.only)
    measure = paragraph_measure()
    results = {folder.name: accuracy(folder, args.seed, measure) for folder in issues}
    report(results, corpora, args.seed)
    if args.reps < 1:
        return 0
    files = [page.path for folder in sorted(corpora[0].iterdir()) if folder.is_dir()
             for index in inputs(folder) if root_of(index)[1] != "PcGts"
             for page in open_issue(index).pages if page.path is not None]
    parse_s, read_s, ours_s = speed(files, args.reps)
    n = len(files)
    print(f"\nSpeed over the {n} ALTO pages of `{os.path.relpath(corpora[0], ROOT)}`, CPU time, "
          f"best of {args.reps} runs:\n")
    print("| step | pages/s | time / lxml parse |")
    print("|---|---|---|")
    for name, seconds in (("lxml parse alone", parse_s), ("ALTO source (parse + read)", read_s),
                          ("ours (ALTO source + analysis + HTML)", ours_s)):
        print(f"| {name} | {n / seconds:.1f} | {seconds / parse_s:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
