"""A headline the OCR engine read as a blob over the legible title under it: the title heads.

Part of stage 3 (``roles.py``), once the header stacks are named (``_name_header_stacks``).
An ornamental or engraved title (a vignette, a drawn banner over a notice) is read by OCR as
one or two words it has almost no confidence in (``■iÇABN`` over ``Un appel à la Presse
locale``, ``fmjmm`` over ``POUR LA DÉFENSE DES LIBERTÉS RELIGIEUSES``, Ouest-Éclair Caen 1924
p4, p5). Its display size makes it the stack's headline, and the real title under it, set
smaller, its deck: the story is then titled by a string no reader would recognise. Such a
blob stays in the header, as the kicker over the title (its text is kept), and the legible
title under it becomes the headline.

A blob with nothing legible under it is left to ``noise.py`` (furniture, or the column's
text); a title read badly word by word but not wholly (``IMVEMTARIS,``, ``ODÉOM.``: some
words above the bar, or nothing legible under it) keeps its place: it is the title as read.
Born-digital text has no confidences and is never garbled.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..geometry import x_overlap_ratio
from ..model import Block, Role
from .patterns import DATELINE

# [word confidence, 0..1] a headline is garbled when every word of it was read below this;
# a deck is legible when its words were read at this mean or above
_GARBLED = 0.3
_LEGIBLE = 0.6
# [sizes of the headline] most white between a garbled headline and the deck under it;
# [share of the narrower one's width] least overlap in x of the two
_UNDER = 0.8
_OVERLAP = 0.3


def legible_heads(blocks: Sequence[Block], roles: list[Role]) -> None:
    """Each garbled headline (``_garbled``) with a legible deck right under it
    (``_deck_under``) becomes that deck's kicker, and the deck the headline. A deck that is
    a dispatch's place and date (``DATELINE``: ``PARIS, 17 décembre, 5 heures du matin.``
    under ``IXHIEVNTËEEVBI HEURE``, Ouest-Éclair Rennes 1918 read a line a block) is no
    title: it opens the text under the title, which keeps its place."""
    for i, h in enumerate(blocks):
        if roles[i] != "headline" or not _garbled(h):
            continue
        k = _deck_under(i, blocks, roles)
        if k is not None and _mean_confidence(blocks[k]) >= _LEGIBLE and not DATELINE.match(blocks[k].raw_text):
            roles[i], roles[k] = "kicker", "headline"


def _deck_under(i: int, blocks: Sequence[Block], roles: Sequence[Role]) -> int | None:
    """The topmost deck starting within ``_UNDER`` headline sizes under headline ``i`` and
    overlapping it in x, in its frame; None when there is none."""
    h = blocks[i]
    under = [k for k, (b, r) in enumerate(zip(blocks, roles))
             if r == "deck" and b.frame == h.frame and 0 <= b.box.y0 - h.box.y1 <= _UNDER * h.size
             and x_overlap_ratio(h.box, b.box) >= _OVERLAP]
    return min(under, key=lambda k: blocks[k].box.y0, default=None)


def _garbled(b: Block) -> bool:
    """Every word of the block read with a confidence below ``_GARBLED`` (OCR text only)."""
    confidences = [w.confidence for ln in b.lines for w in ln.words]
    return bool(confidences) and all(c is not None and c < _GARBLED for c in confidences)


def _mean_confidence(b: Block) -> float:
    """The mean confidence of the block's words (1.0 for born-digital text)."""
    confidences = [w.confidence for ln in b.lines for w in ln.words if w.confidence is not None]
    return sum(confidences) / len(confidences) if confidences else 1.0
