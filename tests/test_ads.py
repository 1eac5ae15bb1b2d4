"""Advertisements (``analysis/ads.py``): a story set like an ad is written as ``kind: ad``.

The model's weights are fitted by ``bench/fit_ads.py`` on the archive issues; these tests check
that the shipped model tells a hand-set ad from running text, leaves what it must not judge
alone, and finds the ads of a real issue (``fixtures/mets_alto``) as its library's map has them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from layout.analysis.ads import FEATURES, _model, capitals_share, features, is_ad, logit, mark_ads
from layout.model import Block, Box, Document, Layout, Line, Story

from synth import LOREM, word

ROOT = Path(__file__).resolve().parent.parent
BODY = 10.0


def _block(texts: list[str], x0: float, y0: float, size: float = BODY, role: str = "body",
           centred_in: float | None = None) -> Block:
    """A block of one-word-per-line lines (each line's text as one word), left-aligned at x0
    or centred in a measure ``centred_in`` wide starting at x0."""
    lines = []
    for i, text in enumerate(texts):
        w = word(text, x0, y0 + i * 1.2 * size, size)
        if centred_in is not None:
            shift = (centred_in - w.box.width) / 2
            w = word(text, x0 + shift, y0 + i * 1.2 * size, size)
        lines.append(Line((w,), w.box, text, size, False, False))
    box = Box(min(ln.box.x0 for ln in lines), lines[0].box.y0, max(ln.box.x1 for ln in lines), lines[-1].box.y1)
    return Block(tuple(lines), box, size, False, False, role, " ".join(texts))


def _story(*blocks: Block) -> Story:
    box = Box(min(b.box.x0 for b in blocks), min(b.box.y0 for b in blocks),
              max(b.box.x1 for b in blocks), max(b.box.y1 for b in blocks))
    return Story("p1-s1", "story", tuple(blocks), box)


def _article() -> Story:
    words = iter(LOREM * 4)
    lines = [" ".join(next(words) for _ in range(7)) + "," for _ in range(14)]
    return _story(_block(["COUNCIL PLAN"], 0, 0, 2 * BODY, "headline"), _block(lines, 0, 30))


def _ad() -> Story:
    """Display type in three sizes, capitals, short centred lines, an address and a price."""
    return _story(_block(["MAISON DUPONT"], 0, 0, 2.5 * BODY, "headline", centred_in=220),
                  _block(["CHAPEAUX", "ET FOURRURES"], 0, 35, 1.6 * BODY, centred_in=220),
                  _block(["PRIX FIXE", "12, RUE DE RIVOLI", "depuis 25 fr."], 0, 75, BODY, centred_in=220))


def test_shipped_model_matches_the_features():
    model = _model()
    assert tuple(model["features"]) == FEATURES
    assert len(model["weights"]) == len(model["means"]) == len(model["scales"]) == len(FEATURES)


def test_an_ad_is_told_from_running_text():
    assert is_ad(_ad(), BODY)
    assert not is_ad(_article(), BODY)


def test_signed_or_short_stories_are_not_judged():
    """A byline makes an article whatever its type; two lines are too little to judge."""
    signed = _ad()
    signed = _story(*signed.blocks, _block(["By Anne Martin"], 0, 120, BODY, "byline"))
    assert features(signed, BODY, 0.1) is None and not is_ad(signed, BODY)
    short = _story(_block(["SOLDES", "12 fr."], 0, 0, 2 * BODY, centred_in=200))
    assert features(short, BODY, 0.1) is None and not is_ad(short, BODY)


def test_ads_of_a_real_issue_are_found_as_its_library_classes_them():
    """Le Gaulois, 8 February 1882 (BnF; its METS classes 14 items as ADVERTISEMENT): of our
    stories located in its article map, those called ads are mostly the library's ads and about
    half of its ads are found. The model was fitted on this issue among others (in-sample); the
    figures of models that never saw a library are in BENCHMARKS.md."""
    sys.path.insert(0, str(ROOT / "bench"))
    from fit_ads import analysed_pages, archive_rows  # noqa: PLC0415 (bench module, needs the sys.path above)
    rows = archive_rows(analysed_pages([ROOT / "fixtures" / "mets_alto" / "bnf_legaulois_1882-02-08"]))
    model = _model()
    said = [logit(x, model) > model["threshold"] for _, x, *_ in rows]
    truth = [label == 1 for _, _, label, *_ in rows]
    found = sum(s and t for s, t in zip(said, truth))
    assert sum(truth) >= 10
    assert found / max(sum(said), 1) >= 0.8
    assert found / sum(truth) >= 0.4


def test_only_a_map_with_its_share_of_ads_labels_them():
    """A map that calls a stray few of its items ads (3 of 58, as the Liverpool Standard's)
    classes its ads as articles and labels nothing; one with a dozen ads in 38 items labels."""
    sys.path.insert(0, str(ROOT / "bench"))
    from fit_ads import map_classes_ads  # noqa: PLC0415 (bench module, needs the sys.path above)
    assert not map_classes_ads(["ad"] * 3 + ["story"] * 55)
    assert map_classes_ads(["ad"] * 14 + ["story"] * 24)
    assert not map_classes_ads(["story"] * 10) and not map_classes_ads([])


def test_ads_are_written_as_asides_of_kind_ad():
    """Marked by the stage, an ad is written as ``<aside class="ad">`` and its JSON kind is
    "ad"; the article beside it stays a story, and both keep their text."""
    marked = mark_ads(Layout(1, 600, 800, "pt", stories=(_article(), _ad())), BODY)
    assert [s.kind for s in marked.stories] == ["story", "ad"]
    document = Document("page.pdf", (marked,))
    html = document.to_html()
    assert '<aside class="ad"' in html and "MAISON DUPONT" in html and "COUNCIL PLAN" in html
    kinds = [s["kind"] for s in json.loads(document.to_json())["pages"][0]["stories"]]
    assert kinds == ["story", "ad"]


def test_lines_running_on_are_running_text():
    """Full-measure lines ending inside their sentence (a word, a hyphen, a comma) are running
    text: the same lines each closed by a full stop, as an ad's or a listing's are, score
    nearer an ad."""
    words = iter(LOREM * 4)
    texts = [" ".join(next(words) for _ in range(6)) for _ in range(8)]
    running = _story(_block([t + "," if i % 2 else t for i, t in enumerate(texts)], 0, 0))
    stopped = _story(_block([t + "." for t in texts], 0, 0))
    runs_on = FEATURES.index("runs_on")
    assert features(running, BODY, 0.05)[runs_on] == 1.0
    assert features(stopped, BODY, 0.05)[runs_on] == 0.0
    model = _model()
    assert logit(features(running, BODY, 0.05), model) < logit(features(stopped, BODY, 0.05), model)


def test_a_page_of_ads_makes_a_story_in_capitals_an_ad():
    """The capitals of the whole page are a feature: among articles in lower case a story is
    judged with the page's few capitals, on a page of ads with many; the same story scores
    nearer an ad on the page of ads, and the stage reads the share from the page's text."""
    ad = _ad()
    articles = [_article() for _ in range(6)]
    assert capitals_share(articles) < 0.1 < capitals_share([ad, ad])
    model = _model()
    among_articles = features(ad, BODY, capitals_share([ad, *articles]))
    among_ads = features(ad, BODY, capitals_share([ad, ad]))
    assert logit(among_articles, model) < logit(among_ads, model)
    assert capitals_share([]) == 0.0


def test_a_banner_headline_counts_no_more_than_a_display_line():
    """The spread of type sizes counts up to a few body sizes: an article under a banner five
    times the body size is no nearer an ad than under one twice it."""
    words = iter(LOREM * 4)
    lines = [" ".join(next(words) for _ in range(7)) + "," for _ in range(14)]
    spread = FEATURES.index("size_spread")
    stories = [_story(_block(["COUNCIL PLAN"], 0, 0, k * BODY, "headline"), _block(lines, 0, 60))
               for k in (3, 6)]
    x3, x6 = (features(s, BODY, 0.05) for s in stories)
    assert x3[spread] == x6[spread] and logit(x3, _model()) == logit(x6, _model())
