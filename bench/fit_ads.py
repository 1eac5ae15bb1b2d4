"""Fit the advertisement model (``layout/analysis/ads.py``) on the archive issues.

    python bench/fit_ads.py [--corpus DIR ...] [--write] [--mixed] [--show]

Every issue is read as ``bench/archive.py`` reads it (blocks shuffled, IDs renamed). Each of
our stories is labelled by the library's article map: "ad" when most of its text lies in the
page's advertisements, "story" when most lies in its articles (stories with too little located
text are left out). An issue whose map classes fewer than ``_LEAST_AD_SHARE`` of its items as
advertisements labels nothing: it classes its ads as articles (the Liverpool Standard of 1832
calls 3 of its 58 items ads, its masthead line and a news item among them, and its shipping,
insurance and auction notices articles), and fitting on those would teach the model that ads
are articles. A logistic regression (scikit-learn) over ``ads.FEATURES`` is validated
leaving one library out: the figures printed per library are those of a model that never saw
it. Born-digital pages have no advertisements in their truth, so the producer pages and
fixtures (``--born-digital DIR``) are counted as false alarms only. ``--write`` refits on every
library and writes ``layout/analysis/ads_model.json``. ``--mixed`` counts, per issue whose map
classes ads, our stories that mix its ads with its articles (``mixed_counts``): the
segmentation's fault, which no model of a story's kind can mend.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import numpy as np  # noqa: E402

import layout.pipeline as pipeline  # noqa: E402
from archive import default_corpora, library, scramble_issue, units  # noqa: E402
from layout.analysis import ads  # noqa: E402
from layout.evaluate import normalize  # noqa: E402
from layout.sources.didl import RecoveredXmlWarning  # noqa: E402
from layout.truth import PageTruth  # noqa: E402

if TYPE_CHECKING:  # imported where it fits (``_fit``): the tests read rows without scikit-learn
    from sklearn.linear_model import LogisticRegression

MODEL = ROOT / "layout" / "analysis" / "ads_model.json"
_WINDOW = 24  # [chars] of normalised text matched against the truth
_LEAST_WINDOWS = 3  # a story with fewer located windows is not labelled
# least windows of a story located in the ads and in the articles for it to mix them
_MIXED_WINDOWS = 2
# [share of an issue's mapped items] an issue whose map has fewer ads does not class them
_LEAST_AD_SHARE = 0.1
_THRESHOLD = 1.0  # [logit] a story is an ad over this (a probability of 0.73)


class _Capture:
    """The stories and body size of each page the pipeline analyses (it hooks the ads stage)."""

    def __init__(self) -> None:
        self.pages: list[tuple[int, list, float]] = []
        self._mark = pipeline.mark_ads

    def __enter__(self) -> "_Capture":
        def spy(layout, body):  # the stories as the stage gets them; no model needed
            self.pages.append((layout.number, list(layout.stories), body))
            return layout
        pipeline.mark_ads = spy
        return self

    def __exit__(self, *exc) -> None:
        pipeline.mark_ads = self._mark


def _windows(text: str) -> list[str]:
    text = normalize(text)
    return [text[k:k + _WINDOW] for k in range(0, len(text) - _WINDOW + 1, _WINDOW)]


def _story_text(story) -> str:
    return " ".join(b.raw_text for b in ads.all_blocks(story))


def map_classes_ads(kinds: list[str]) -> bool:
    """Whether an issue's article map, the kinds of its items, classes its advertisements:
    at least ``_LEAST_AD_SHARE`` of its items are ads (one with a stray few calls its ads
    articles)."""
    return bool(kinds) and kinds.count("ad") >= _LEAST_AD_SHARE * len(kinds)


def analysed_pages(folders: list[Path]) -> Iterator[tuple[str, bool, PageTruth, list, float]]:
    """(issue, whether its map classes ads, the page's truth, our stories, body size) of every
    page with an article map, each issue read as ``bench/archive.py`` reads it (blocks shuffled,
    IDs renamed)."""
    for folder in folders:
        for unit in units(folder):
            if not any(p.articles for p in unit.truth):
                continue
            classes_ads = map_classes_ads([a.kind for p in unit.truth for a in p.articles])
            with tempfile.TemporaryDirectory() as tmp, _Capture() as seen:
                copy = scramble_issue(unit.index, Path(tmp) / unit.index.stem, 1)
                pipeline.read_document(copy)
            truth = {p.number: p for p in unit.truth}
            for number, stories, body in seen.pages:
                page = truth.get(number) or (truth.get(None) if len(truth) == 1 else None)
                if page is not None:
                    yield folder.name, classes_ads, page, stories, body


def _mapped_text(page: PageTruth) -> dict[str, str]:
    """The normalised text of the page's mapped ads and of its mapped articles."""
    text = {"ad": "", "story": ""}
    for a in page.articles:
        if a.kind in text:
            text[a.kind] += normalize(_article_text(a))
    return text


def _article_text(article) -> str:
    return " ".join(filter(None, (article.headline, *article.text)))


def archive_rows(pages) -> list[tuple[str, tuple, int, bool, str]]:
    """(library, features, 1 for an ad, whether the issue's map classes ads, text) of our
    judged stories on the ``analysed_pages``. An issue whose map has no advertisement
    (NewsEye's, which has no such type) or hardly any (``_LEAST_AD_SHARE``: it classes its
    ads as articles) labels nothing: its stories are only counted, never fitted on."""
    rows = []
    for issue, classes_ads, page, stories, body in pages:
        text = _mapped_text(page)
        capitals = ads.capitals_share(stories)
        for s in stories:
            x = ads.features(s, body, capitals)
            if x is None:
                continue
            said = _story_text(s)
            hits = {k: sum(w in t for w in _windows(said)) for k, t in text.items()}
            if hits["ad"] + hits["story"] >= _LEAST_WINDOWS and hits["ad"] != hits["story"]:
                rows.append((library(issue), x, int(hits["ad"] > hits["story"]), classes_ads, said[:70]))
    return rows


def mixed_counts(pages, show: bool = False) -> dict[str, list[int]]:
    """Per issue whose map classes ads: [our stories, those that mix ads with articles, mapped
    ads located, those of them sharing one of our stories with article text]. A story mixes
    when at least ``_MIXED_WINDOWS`` of its text windows lie in the page's mapped ads and as
    many in its articles; a mapped ad (``_LEAST_WINDOWS`` windows located or more) shares a
    story when the story holding most of its windows mixes. The segmentation's fault the
    ads model cannot mend: such a story is an ad or an article whole. ``show``: print each
    mixing story (issue, page, id, its first words)."""
    counts: dict[str, list[int]] = {}
    for issue, classes_ads, page, stories, _ in pages:
        if not classes_ads:
            continue
        text = _mapped_text(page)
        said = [normalize(_story_text(s)) for s in stories]
        mixes = [all(sum(w in t for w in _windows(story)) >= _MIXED_WINDOWS for t in text.values())
                 for story in said]
        count = counts.setdefault(issue, [0, 0, 0, 0])
        count[0] += len(stories)
        count[1] += sum(mixes)
        if show:
            for s, mix in zip(stories, mixes):
                if mix:
                    print(f"    mixed: {issue} {s.id}: {_story_text(s)[:70]!r}")
        for ad in (a for a in page.articles if a.kind == "ad"):
            hits = [sum(w in story for w in _windows(_article_text(ad))) for story in said]
            if hits and max(hits) >= _LEAST_WINDOWS:
                count[2] += 1
                count[3] += mixes[hits.index(max(hits))]
    return counts


def print_mixed(counts: dict[str, list[int]]) -> None:
    """The table of ``mixed_counts``, an issue a row and their sum."""
    print("\n### Ads and articles in one story\n")
    print(f"Our stories holding at least {_MIXED_WINDOWS} windows ({_WINDOW} characters) of the "
          "map's ads and as many of its articles, and the mapped ads whose text lies mostly in such "
          "a story; issues whose map classes ads.\n")
    print("| issue | our stories | mixing ads and articles | mapped ads located | in a mixed story |")
    print("|---|---|---|---|---|")
    for issue, c in sorted(counts.items()):
        print(f"| {issue} | {c[0]} | {c[1]} | {c[2]} | {c[3]} |")
    total = [sum(c[k] for c in counts.values()) for k in range(4)]
    print(f"| all | {total[0]} | {total[1]} | {total[2]} | {total[3]} |")


def born_digital_rows(folders: list[Path]) -> list[tuple]:
    """Features of every story of the PDFs in ``folders`` (none is an ad)."""
    rows = []
    for folder in folders:
        for pdf in sorted(folder.glob("*.pdf")):
            with _Capture() as seen:
                pipeline.read_document(pdf)
            rows += [x for _, stories, body in seen.pages
                     for capitals in (ads.capitals_share(stories),) for s in stories
                     if (x := ads.features(s, body, capitals)) is not None]
    return rows


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[LogisticRegression, np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415
    means, scales = x.mean(axis=0), x.std(axis=0) + 1e-9
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000)
    model.fit((x - means) / scales, y)
    return model, means, scales


def _scores(model, means, scales, x: np.ndarray) -> np.ndarray:
    return model.decision_function((x - means) / scales)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", type=Path,
                    help="folder of issue folders (repeatable; default: the shared mets_alto and "
                         "archives, else their copies in fixtures/)")
    ap.add_argument("--born-digital", action="append", type=Path, default=[],
                    help="folder of born-digital PDFs counted as false alarms (repeatable)")
    ap.add_argument("--threshold", type=float, default=_THRESHOLD,
                    help=f"logit over which a story is an ad (default {_THRESHOLD})")
    ap.add_argument("--show", action="store_true", help="print the stories each unseen model gets wrong")
    ap.add_argument("--write", action="store_true", help="refit on everything and write the model")
    ap.add_argument("--mixed", action="store_true",
                    help="also count, per issue, our stories that mix ads with articles")
    args = ap.parse_args(argv)
    # Every Delpher didl.xml (and its scrambled copy) is read with recovery, as known.
    warnings.simplefilter("ignore", RecoveredXmlWarning)
    corpora = args.corpus or default_corpora()
    folders = sorted(f for c in corpora for f in c.iterdir() if f.is_dir())
    pages = list(analysed_pages(folders))
    rows = archive_rows(pages)
    libs = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows])
    labelled = np.array([r[3] for r in rows])
    print("\n## Advertisements (`kind: ad`)\n")
    print("Command: `python bench/fit_ads.py --born-digital fixtures/pages --born-digital "
          "fixtures/producers/pages`. Our stories on every archive page with an article map (blocks "
          "shuffled as above), each labelled by the map: an ad when most of its located text lies "
          "in the page's advertisements. Issues whose map has no advertisement (NewsEye has no such "
          "type) or calls fewer than a tenth of its items ads (it classes its ads as articles: the "
          "Liverpool Standard) label nothing; their stories called ads are only counted. Each row "
          "is a model fitted **without** that library (its issues were "
          "used to choose the features and the threshold, so it is not held out in that sense).\n")
    print(f"{len(rows)} of our stories judged (3 lines or more, no byline or jump line) and located "
          f"in an article map; {int(labelled.sum())} in issues whose map classes ads, "
          f"{int(y[labelled].sum())} of them ads; threshold {args.threshold} (logit).")
    print("\n| library left out | stories (labelled) | ads | ads found | stories called ads | "
          "precision | recall | unlabelled stories called ads |")
    print("|---|---|---|---|---|---|---|---|")
    tp = fp = fn = 0
    for lib in sorted(set(libs)):
        train, test = (libs != lib) & labelled, libs == lib
        model, means, scales = _fit(x[train], y[train])
        said = _scores(model, means, scales, x) > args.threshold
        hit = test & labelled & said & (y == 1)
        wrong = test & labelled & said & (y == 0)
        missed = test & labelled & ~said & (y == 1)
        other = test & ~labelled & said
        tp, fp, fn = tp + int(hit.sum()), fp + int(wrong.sum()), fn + int(missed.sum())
        n, a = int((test & labelled).sum()), int((test & labelled & (y == 1)).sum())
        p = f"{hit.sum() / (hit.sum() + wrong.sum()):.3f}" if hit.sum() + wrong.sum() else "-"
        r = f"{hit.sum() / a:.3f}" if a else "-"
        print(f"| {lib} | {int(test.sum())} ({n}) | {a} | {int(hit.sum())} | {int(wrong.sum())} | {p} | {r} | "
              f"{int(other.sum())} of {int((test & ~labelled).sum())} |")
        if args.show:
            for k in np.flatnonzero(wrong | missed | other):
                kind = "ad, missed" if missed[k] else "called ad"
                print(f"    {kind}: {rows[k][4]!r}")
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"| all, each library unseen | | {tp + fn} | {tp} | {fp} | {p:.3f} | {r:.3f} | |")
    model, means, scales = _fit(x[labelled], y[labelled])
    if args.born_digital:
        bd = np.array(born_digital_rows(args.born_digital))
        alarms = int((_scores(model, means, scales, bd) > args.threshold).sum()) if len(bd) else 0
        print(f"\nBorn-digital stories (fixtures and producer pages, which have no ads) called ads: "
              f"{alarms} of the {len(bd)} judged.")
    print("\nWeights of the model fitted on every labelled library (standardised features): "
          + ", ".join(f"{f} {w:+.2f}" for f, w in zip(ads.FEATURES, model.coef_[0])) + ".")
    if args.write:
        MODEL.write_text(json.dumps({
            "features": list(ads.FEATURES), "intercept": round(float(model.intercept_[0]), 4),
            "weights": [round(float(w), 4) for w in model.coef_[0]],
            "means": [float(m) for m in means], "scales": [float(s) for s in scales],
            "threshold": args.threshold,
            "fitted_on": sorted({f.name for f in folders}),
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")
    if args.mixed:
        print_mixed(mixed_counts(pages, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
