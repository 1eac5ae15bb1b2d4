"""Stage 8 (after the paragraphs): advertisements, told from stories by how they are set.

An advertisement is set to be seen, not read down a column: display type over small type,
many short lines, capitals, figures, little running text. Archives class them apart from
articles (``ADVERTISEMENT`` in METS, ``advertentie`` in KB's DIDL), and users of an archive
search articles without them; so a story set like one is written as ``kind: ad``. Only the kind
changes: the ad keeps its text, its place in the reading order and its blocks.

The decision is a logistic model over the typographic features below, fitted by
``bench/fit_ads.py`` on the archive issues of ``../shared/corpus`` (validated leaving one
library out, see its output in ``BENCHMARKS.md``); its weights ship in ``ads_model.json``. No
feature names a language or a title. Running text shows itself at its line ends: a line set to
the full measure of an article mostly ends inside its sentence (in a word, a hyphen or a
comma), while the lines of an ad and of a listing end on a full stop or a figure (``runs_on``,
with most weight after capitals). Display type over small type marks an ad, but an article's
headline over its body too: the spread of the story's type sizes (``size_spread``, in
body sizes) counts up to two only, so that a banner headline does not outweigh the running
text under it. Ads come in ranks, on pages given over to them: the capitals share of the whole
page's text (``page_capitals``) tells such a page, and a story set in capitals there is an ad
more surely than one among articles. The rest: an ad is short (``log_chars``), in capitals,
with few digits and stops for its length (``digits``, ``punctuation``: tables of figures and
listings are articles in the maps).
(Tried and left out: prices matched by their currency marks, which the fit gave no weight, for
articles on markets and trade are full of them too; centred lines, short lines, words per
line, the share of lines of figures, the count of type sizes, the share of display type, of
type smaller than the body, of bold lines and of words in capitals, the capitals of the body
without its headings, and the count of titles, which the fit kept no better without them.
Labels matter more than features: an issue whose map calls its ads articles taught the model
that ads are articles until ``bench/fit_ads.py`` stopped labelling such issues.) Capitals
carry much of the weight, so a script without them (CJK) is hardly ever called an ad.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import cache
from pathlib import Path
from statistics import median

from ..model import Block, Layout, Story
from .script import count_of

# roles only an article has
_ARTICLE_ROLES = ("byline", "jump")
# fewest lines a story needs to be judged: a line or two is too little evidence
_LEAST_LINES = 3
# [share of the story's measure] a line at least this wide is set to the full measure
_FULL = 0.9
# [body sizes] the spread of the story's block sizes is counted up to this: an ad's display
# line stands a body size or two over its small type, and an article's headline several
# times the body size is no more an ad's than one twice it
_MOST_SPREAD = 2.0
# a line's last characters that leave its sentence running on into the next line
_RUNS_ON = ("-", "¬", ",")

FEATURES = ("log_chars", "capitals", "page_capitals", "digits", "size_spread", "punctuation",
            "runs_on")


def mark_ads(layout: Layout, body: float) -> Layout:
    """The page's stories, those set as advertisements of kind "ad"."""
    model = _model()
    page = capitals_share(layout.stories)
    stories = tuple(replace(s, kind="ad") if s.kind == "story" and is_ad(s, body, page, model)
                    else s for s in layout.stories)
    return replace(layout, stories=stories)


def is_ad(story: Story, body: float, page_capitals: float | None = None,
          model: dict | None = None) -> bool:
    """Whether the model scores the story as an advertisement; ``page_capitals`` is the
    capitals share of its page's text (by default the story's own, a page of one story)."""
    model = model or _model()
    page = capitals_share((story,)) if page_capitals is None else page_capitals
    x = features(story, body, page)
    return x is not None and logit(x, model) > model["threshold"]


def capitals_share(stories: tuple[Story, ...] | list[Story]) -> float:
    """The share of capitals among the letters of the stories' text (0 with no letter)."""
    text = " ".join(b.raw_text for s in stories for b in all_blocks(s))
    letters = count_of(text, "alpha")
    return count_of(text, "upper") / letters if letters else 0.0


def logit(x: tuple[float, ...], model: dict) -> float:
    """The model's score of features ``x`` (in the order of ``FEATURES``), each standardised
    as the model was fitted: over the model's threshold, an advertisement."""
    return model["intercept"] + sum(w * (v - m) / s for w, v, m, s in
                                    zip(model["weights"], x, model["means"], model["scales"]))


def features(story: Story, body: float, page_capitals: float) -> tuple[float, ...] | None:
    """The story's features, in the order of ``FEATURES``, on a page whose text has
    ``page_capitals`` (``capitals_share``); None for a story that is not judged:
    one of fewer than ``_LEAST_LINES`` lines, or with a byline or a jump line (an article,
    whatever its type: advertisements are neither signed nor continued)."""
    blocks = [b for b in all_blocks(story) if b.lines]
    lines = [ln for b in blocks for ln in b.lines]
    if len(lines) < _LEAST_LINES or body <= 0 or any(b.role in _ARTICLE_ROLES for b in blocks):
        return None  # (asked before the text is read and counted)
    text = " ".join(b.raw_text for b in blocks)
    # (characters counted in C, not one by one: this runs over all the page's text)
    chars = len(text) - count_of(text, "space")
    letters = count_of(text, "alpha")
    if not letters:
        return None
    measure = median(ln.box.width for ln in lines)
    full = [ln.text.rstrip() for ln in lines if ln.box.width >= _FULL * measure]
    sizes = [b.size for b in blocks]
    return (
        math.log1p(chars),
        count_of(text, "upper") / letters,
        page_capitals,
        count_of(text, "digit") / chars,
        min((max(sizes) - min(sizes)) / body, _MOST_SPREAD),
        sum(map(text.count, ".,;:")) / chars,
        sum(t[-1:].isalpha() or t.endswith(_RUNS_ON) for t in full) / len(full),
    )


def all_blocks(story: Story) -> list[Block]:
    """The story's blocks and those of its sidebars."""
    return [b for c in story.content for b in ((c,) if isinstance(c, Block) else
                                               all_blocks(c) if isinstance(c, Story) else ())]


@cache
def _model() -> dict:
    """The fitted weights (``ads_model.json``, written by ``bench/fit_ads.py``), checked to be
    those of ``FEATURES``."""
    model = json.loads(Path(__file__).with_name("ads_model.json").read_text("utf-8"))
    if tuple(model["features"]) != FEATURES:
        raise RuntimeError("ads_model.json was fitted on other features: run bench/fit_ads.py --write")
    return model
