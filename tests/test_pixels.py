"""Unit tests of the pixel analysis on small synthetic page images drawn with OpenCV."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from layout.sources.pixels import (deskew, estimate_skew, find_figures, find_rules, ink_mask,
                                   text_size_guess)

TEXT = 20  # the text line height [px] of the synthetic pages


def blank(h: int = 800, w: int = 600) -> np.ndarray:
    return np.full((h, w), 255, np.uint8)


def text_stripes(img: np.ndarray, x0: int, y0: int, x1: int, lines: int) -> np.ndarray:
    """Lines of fake text: words as black bars half a line high, with word spaces."""
    rng = np.random.default_rng(1)
    for i in range(lines):
        y = y0 + i * TEXT
        x = x0
        while x < x1:
            w = int(rng.integers(15, 60))
            cv2.rectangle(img, (x, y), (min(x + w, x1), y + TEXT // 2), 0, -1)
            x += w + 6
    return img


def test_a_drawn_horizontal_rule_is_found_and_text_is_not():
    img = text_stripes(blank(), 40, 40, 560, 10)
    cv2.line(img, (40, 300), (560, 300), 0, 2)
    rules, frames = find_rules(ink_mask(img), TEXT)
    assert frames == []
    assert [r.orientation for r in rules] == ["h"]
    assert rules[0].box.x0 <= 42 and rules[0].box.x1 >= 558 and 298 <= rules[0].box.cy <= 302


def test_a_broken_vertical_column_rule_is_one_rule():
    img = blank()
    for y in range(50, 750, 100):  # a scanned rule with small breaks in it
        cv2.line(img, (300, y), (300, y + 95), 0, 2)
    rules, _ = find_rules(ink_mask(img), TEXT)
    assert len(rules) == 1 and rules[0].orientation == "v"
    assert rules[0].box.height >= 690


def test_a_column_rule_left_aslant_by_straightening_the_page_is_a_rule():
    """NZZ, 1813: the text was skewed half a degree, the column rule was not; once the page
    is straightened by the text, the rule leans 12 px over its length. It is still thin: its
    ink over its length is its thickness, not the width of its box."""
    img = blank()
    cv2.line(img, (300, 50), (312, 750), 0, 2)
    rules, _ = find_rules(ink_mask(img), TEXT)
    assert [r.orientation for r in rules] == ["v"] and rules[0].box.height >= 690


def test_a_box_frame_is_a_frame_not_four_rules():
    img = blank()
    cv2.rectangle(img, (100, 200), (450, 500), 0, 2)
    text_stripes(img, 120, 220, 430, 10)
    rules, frames = find_rules(ink_mask(img), TEXT)
    assert rules == []
    assert len(frames) == 1
    f = frames[0]
    assert abs(f.x0 - 100) <= 3 and abs(f.y0 - 200) <= 3 and abs(f.x1 - 451) <= 3 and abs(f.y1 - 501) <= 3


def test_a_photo_block_is_a_figure_and_text_stripes_are_not():
    img = text_stripes(blank(), 40, 40, 560, 12)
    rng = np.random.default_rng(7)
    gradient = np.linspace(40, 220, 300, dtype=np.float64)[None, :].repeat(200, axis=0)
    photo = np.clip(gradient + rng.normal(0, 60, gradient.shape), 0, 255).astype(np.uint8)
    img[400:600, 150:450] = photo
    figures = find_figures(img, TEXT)
    assert len(figures) == 1
    f = figures[0]
    assert f.x0 <= 165 and f.x1 >= 400 and f.y0 <= 415 and f.y1 >= 585
    assert f.y0 > 40 + 12 * TEXT - 5  # the text above is no part of it


def test_text_stripes_alone_make_no_figure():
    img = text_stripes(blank(), 40, 40, 560, 35)
    assert find_figures(img, TEXT) == []


@pytest.mark.parametrize("angle", [1.5, -1.5, 0.0])
def test_a_skewed_page_is_straightened_within_a_fifth_of_a_degree(angle):
    img = text_stripes(blank(1000, 800), 60, 60, 740, 40)
    h, w = img.shape
    turned = cv2.warpAffine(img, cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0), (w, h),
                            borderValue=255)
    found = estimate_skew(turned)
    assert abs(found - angle) <= 0.2
    assert abs(estimate_skew(deskew(turned, found))) <= 0.2


def test_an_empty_page_has_no_skew_rules_or_figures():
    img = blank()
    assert estimate_skew(img) == 0.0
    assert find_rules(ink_mask(img), TEXT) == ([], [])
    assert find_figures(img, TEXT) == []


def test_the_text_size_guess_follows_the_letters():
    img = blank()
    for i in range(20):
        cv2.putText(img, "page text line", (40, 40 + 30 * i), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 0, 2)
    assert 10 <= text_size_guess(ink_mask(img)) <= 30
