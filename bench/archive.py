"""Measure newslayout on real METS/ALTO issues: accuracy beside two baselines, and speed.

    .venv/bin/python bench/archive.py                  # prints a markdown section
    .venv/bin/python bench/archive.py --corpus fixtures/mets_alto

For each issue (a folder holding a METS file and its ALTO files; by default those of
``../shared/corpus/mets_alto``, else the copy in ``fixtures/mets_alto``), the issue is first
rewritten with its ALTO blocks shuffled and every ID renamed (``tests/scramble.py``), so no
tool can read the order off the file. On that copy, scored against the METS ground truth
(``layout.evaluate.load_mets_truth``), page by page, then averaged over the pages with scored
text:

- ours: ``layout.reconstruct`` on the METS file, HTML scored with ``score_html``;
- "ALTO order": the text of the *original* (unshuffled) ALTO file's TextBlocks in file order, one
  flow, scored with ``score_text``: what trusting the OCR engine's own block order gives;
- "column-major": the same blocks read column by column (blocks clustered by the x of their
  centre, clusters left to right, blocks top to bottom), one flow, ``score_text``.

Speed, over every ALTO file of the issues: pages per second of lxml alone parsing the files, of
the ALTO source reading them, and of ours (read, analysed, HTML written); the ratios to lxml
are the figures to compare across machines. Each timing is the best of ``--reps`` runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the scrambling helper is shared with the tests

import layout  # noqa: E402
from layout.evaluate import (Scores, load_mets_truth, mean_scores,  # noqa: E402
                             score_html, score_text)
from layout.pipeline import analyse_page  # noqa: E402
from layout.sources.alto import AltoSource, element_text, load  # noqa: E402
from layout.sources.mets import read_issue  # noqa: E402
from layout.sources.xml import root_of  # noqa: E402
from layout.writers.html import write_html  # noqa: E402
from scramble import scramble_issue  # noqa: E402

COLUMN_TOLERANCE = 0.05  # [share of page width] block centres this close are one column
# An issue whose blocks, read column by column, score below this order against its own truth
# has a truth that does not read in column order (EZR's METS reads the right column first on
# most pages); its order says nothing of a tool, so a second mean leaves it out.
COLUMN_ORDER = 0.9


def mets_file(folder: Path) -> Path:
    """The METS file of an issue folder."""
    return next(p for p in sorted(folder.glob("*.xml")) if root_of(p)[1] == "mets")


def blocks(alto_path: Path) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(text, box) of the TextBlocks of an ALTO file, in file order."""
    alto = load(alto_path)
    found = []
    for block in alto.root.iter(alto.tag("TextBlock")):
        box = tuple(float(block.get(k, 0)) for k in ("HPOS", "VPOS", "WIDTH", "HEIGHT"))
        text = element_text(alto, block)
        if text:
            found.append((text, box))
    return found


def column_major(found: list[tuple[str, tuple[float, float, float, float]]],
                 width: float) -> list[str]:
    """Block texts column by column: clusters of block centre x, each read top to bottom."""
    columns: list[list[tuple[str, tuple[float, float, float, float]]]] = []
    for item in sorted(found, key=lambda b: b[1][0] + b[1][2] / 2):
        cx = item[1][0] + item[1][2] / 2
        last = columns[-1][-1][1] if columns else None
        if last and cx - (last[0] + last[2] / 2) <= COLUMN_TOLERANCE * width:
            columns[-1].append(item)
        else:
            columns.append([item])
    return [text for column in columns for text, _ in sorted(column, key=lambda b: b[1][1])]


def page_width(alto_path: Path) -> float:
    alto = load(alto_path)
    return float(alto.pages[0].get("WIDTH"))


def scored(pages: Sequence[Scores]) -> list[Scores]:
    """The pages that have scored text (an all-ads page has none)."""
    return [s for s in pages if s.chunks]


def accuracy(folder: Path, seed: int) -> dict[str, dict]:
    """Mean scores of ours and of the two baselines on one issue (see the module docstring)."""
    original = read_issue(mets_file(folder))
    with tempfile.TemporaryDirectory() as tmp:
        mets = scramble_issue(original.path, Path(tmp), seed)
        truth = load_mets_truth(mets)
        html = layout.reconstruct(mets).to_html()
        shuffled = read_issue(mets)
        ours, file_order, columns = [], [], []
        for page in truth:
            ours.append(score_html(html, truth, page=page.number))
            source = original.pages[page.number - 1].path
            file_order.append(score_text("\n".join(t for t, _ in blocks(source)), truth,
                                         page=page.number))
            scrambled = shuffled.pages[page.number - 1].path
            columns.append(score_text("\n".join(column_major(blocks(scrambled),
                                                             page_width(scrambled))),
                                      truth, page=page.number))
    return {name: mean_scores(scored(s)) for name, s in
            (("ours", ours), ("ALTO order", file_order), ("column-major", columns))}


def best_time(run: Callable[[], object], reps: int) -> float:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
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
            write_html(layout.Document(f.name, (page,)))

    return best_time(parse_only, reps), best_time(read_only, reps), best_time(ours, reps)


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT.parent / "shared" / "corpus" / "mets_alto"
    p.add_argument("--corpus", type=Path,
                   default=default if default.is_dir() else ROOT / "fixtures" / "mets_alto")
    p.add_argument("--seed", type=int, default=1, help="seed of the block shuffling")
    p.add_argument("--reps", type=int, default=3, help="timing runs (the best counts)")
    args = p.parse_args(argv)
    issues = sorted(d for d in args.corpus.iterdir() if d.is_dir())
    print("## Archive formats: METS/ALTO issues\n")
    print(f"Corpus `{args.corpus}`, ALTO blocks shuffled and IDs renamed (seed {args.seed}); "
          "means over the pages with scored text. Baselines are one flow of text "
          "(story_f1 does not apply).\n")
    print("| issue | pages | tool | coverage | flow | order | story_f1 | headline |")
    print("|---|---|---|---|---|---|---|---|")
    files = []
    results = {}
    for folder in issues:
        files += [p.path for p in read_issue(mets_file(folder)).pages if p.path]
        results[folder.name] = accuracy(folder, args.seed)
        for name, m in results[folder.name].items():
            print(f"| {folder.name} | {m['pages']} | {name} | {fmt(m['coverage'])} | "
                  f"{fmt(m['flow'])} | {fmt(m['order'])} | {fmt(m['story_f1'])} | "
                  f"{fmt(m['headline'])} |")
    in_order = [k for k, r in results.items() if (r["column-major"]["order"] or 0) >= COLUMN_ORDER]
    print("\nOurs, mean over the issues (each issue weighs the same):\n")
    print("| issues | coverage | flow | order | story_f1 | headline |")
    print("|---|---|---|---|---|---|")
    for title, names in ((f"all {len(results)}", list(results)),
                         (f"the {len(in_order)} whose truth reads in column order "
                          f"(column-major order >= {COLUMN_ORDER})", in_order)):
        means = [sum(results[k]["ours"][m] or 0 for k in names) / max(1, len(names))
                 for m in ("coverage", "flow", "order", "story_f1", "headline")]
        print(f"| {title} | " + " | ".join(fmt(v) for v in means) + " |")
    parse_s, read_s, ours_s = speed(files, args.reps)
    n = len(files)
    print(f"\nSpeed over the {n} ALTO pages, best of {args.reps} runs:\n")
    print("| step | pages/s | time / lxml parse |")
    print("|---|---|---|")
    for name, seconds in (("lxml parse alone", parse_s), ("ALTO source (parse + read)", read_s),
                          ("ours (ALTO source + analysis + HTML)", ours_s)):
        print(f"| {name} | {n / seconds:.1f} | {seconds / parse_s:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
