"""The pages of ``fixtures/scale_pages.py`` at small sizes: generated with truth, and read as
well as the benchmark found (``bench/scale.py`` times the larger ones). Accuracy only."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import layout
from layout.evaluate import load_truth, score_html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from scale_pages import FAMILIES, make_page, page_path  # noqa: E402

# The smallest size of each family, and the least story_f1 and order measured there.
SMALL = {"stories": (1.0, 0.99), "classifieds": (1.0, 0.99), "stocks": (1.0, 0.99),
         "stacked": (250, 0.99), "broadsheet": (1.0, 0.99)}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_is_generated_with_its_truth_and_read_well(family, tmp_path):
    size, least = SMALL[family]
    pdf = make_page(family, size, tmp_path)
    assert pdf == page_path(family, size, tmp_path) and pdf.exists()
    truth = json.loads(pdf.with_suffix(".gt.json").read_text())
    assert truth["articles"] and all(a.get("headline") and a.get("text") for a in truth["articles"]
                                     if a["kind"] == "story")
    scores = score_html(layout.reconstruct(pdf).to_html(), load_truth(pdf.with_suffix(".gt.json")))
    assert scores.story_f1 >= least and scores.order >= least, scores


def test_a_family_grows_with_its_size(tmp_path):
    small = make_page("classifieds", 1.0, tmp_path / "a")
    large = make_page("classifieds", 1.5, tmp_path / "b")
    count = [len(json.loads(p.with_suffix(".gt.json").read_text())["articles"]) for p in (small, large)]
    assert count[1] > 1.8 * count[0]
    again = make_page("classifieds", 1.0, tmp_path / "c")
    assert again.read_bytes() == small.read_bytes()  # reproducible
