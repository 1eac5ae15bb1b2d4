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
with most weight after capitals). Many type sizes (headline, deck, body, crossheads) are an
article's, a spread made by few sizes (a display line over small type) an ad's (``type_sizes``).
(Tried and left out: prices matched by their currency marks, which the fit gave no weight, for
articles on markets and trade are full of them too; centred lines, words per line, the share of
display type and the count of titles, which the fit kept no better without them.) Capitals
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
# [share of the story's measure] a line narrower than this is short
_SHORT = 0.6
# [share of the story's measure] a line at least this wide is set to the full measure
_FULL = 0.9
# [body sizes] the spread of the story's block sizes is counted up to this (a banner many
# times the body size is no more an ad's than one a few times it)
_MOST_SPREAD = 5.0
# [body sizes] block sizes closer than this are one type size
_SIZE_STEP = 0.25
# a line's last characters that leave its sentence running on into the next line
_RUNS_ON = ("-", "¬", ",")

FEATURES = ("log_chars", "capitals", "digits", "size_spread", "short", "punctuation",
            "figures_lines", "type_sizes", "runs_on")
# a line of a table of figures (prices, rates, results): most of its tokens hold a digit
_FIGURES_LINE = 0.5


def mark_ads(layout: Layout, body: float) -> Layout:
    """The page's stories, those set as advertisements of kind "ad"."""
    model = _model()
    stories = tuple(replace(s, kind="ad") if s.kind == "story" and is_ad(s, body, model) else s
                    for s in layout.stories)
    return replace(layout, stories=stories)


def is_ad(story: Story, body: float, model: dict | None = None) -> bool:
    """Whether the model scores the story as an advertisement."""
    model = model or _model()
    x = features(story, body)
    return x is not None and logit(x, model) > model["threshold"]


def logit(x: tuple[float, ...], model: dict) -> float:
    """The model's score of features ``x`` (in the order of ``FEATURES``), each standardised
    as the model was fitted: over the model's threshold, an advertisement."""
    return model["intercept"] + sum(w * (v - m) / s for w, v, m, s in
                                    zip(model["weights"], x, model["means"], model["scales"]))


def features(story: Story, body: float) -> tuple[float, ...] | None:
    """The story's features, in the order of ``FEATURES``; None for a story that is not judged:
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
        count_of(text, "digit") / chars,
        min((max(sizes) - min(sizes)) / body, _MOST_SPREAD),
        sum(ln.box.width < _SHORT * measure for ln in lines) / len(lines),
        sum(map(text.count, ".,;:")) / chars,
        sum(_figures_line(ln.text) for ln in lines) / len(lines),
        len({round(size / (_SIZE_STEP * body)) for size in sizes}),
        sum(t[-1:].isalpha() or t.endswith(_RUNS_ON) for t in full) / len(full),
    )


def all_blocks(story: Story) -> list[Block]:
    """The story's blocks and those of its sidebars."""
    return [b for c in story.content for b in ((c,) if isinstance(c, Block) else
                                               all_blocks(c) if isinstance(c, Story) else ())]


def _figures_line(text: str) -> bool:
    """Whether most of the line's tokens (over ``_FIGURES_LINE``) hold a digit; a line with no
    digit at all, most lines of running text, is told at once (``count_of``)."""
    if not count_of(text, "digit"):
        return False
    tokens = text.split()
    return sum(any(map(str.isdigit, t)) for t in tokens) > _FIGURES_LINE * len(tokens)


@cache
def _model() -> dict:
    """The fitted weights (``ads_model.json``, written by ``bench/fit_ads.py``), checked to be
    those of ``FEATURES``."""
    model = json.loads(Path(__file__).with_name("ads_model.json").read_text("utf-8"))
    if tuple(model["features"]) != FEATURES:
        raise RuntimeError("ads_model.json was fitted on other features: run bench/fit_ads.py --write")
    return model
