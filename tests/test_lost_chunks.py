"""``bench/lost_chunks.py``: a lost chunk inside one truth area, or running across two."""

from __future__ import annotations

import sys
from pathlib import Path

from layout.evaluate import normalize
from layout.truth import ArticleTruth, PageTruth

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from lost_chunks import losses  # noqa: E402  (bench module, needs the sys.path above)

# Three areas of 30, 30 and 20 letters: chunks of 20 run 0-19 (area 0), 20-39 (areas 0 and
# 1), 40-59 (area 1), 60-79 (area 2)
AREAS = ("abcdefghijklmnopqrstuvwxyzABCD", "EFGHIJKLMNOPQRSTUVWXYZ01234567",
         "89αβγδεζηθικλμνξοπρσ")


def page() -> PageTruth:
    """One story of the three areas."""
    return PageTruth(number=1, articles=(ArticleTruth(id="a", text=AREAS),))


def test_areas_read_in_another_order_lose_the_chunks_across_them_only():
    counts = losses(page(), normalize(AREAS[1] + AREAS[0] + AREAS[2]))
    assert (counts["chunks"], counts["lost"], counts["across"], counts["inside"]) == (4, 1, 1, 0)
    assert counts["bound"] == 3 and counts["areas apart"] == 0


def test_an_area_read_apart_loses_the_chunks_inside_it():
    first, second = AREAS[1][:12], AREAS[1][12:]
    counts = losses(page(), normalize(AREAS[0] + first + AREAS[2] + second))
    # 20-39 still stands whole (area 0, then the first 12 of area 1); 40-59 does not
    assert (counts["lost"], counts["inside"], counts["across"]) == (1, 1, 0)
    assert counts["areas"] == 3 and counts["areas apart"] == 1
