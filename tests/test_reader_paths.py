"""The quick paths of the OCR readers answer as their general ones: PAGE polygons read in C
only when every point is "x,y", hOCR boxes of four finite numbers, an element's name made
only for an error (``ocr.PageBounds``)."""

from __future__ import annotations

import pytest
from lxml import etree

from layout.errors import PageError
from layout.model import Box
from layout.sources.hocr import _bbox, properties
from layout.sources.ocr import PageBounds
from layout.sources.pagexml import polygon_box

NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"


def _region(points: str) -> etree._Element:
    region = etree.Element(f"{{{NS}}}TextRegion")
    etree.SubElement(region, f"{{{NS}}}Coords", points=points)
    return region


@pytest.mark.parametrize(("points", "box"), [
    ("10,20 30,5 15,40", Box(10, 5, 30, 40)),  # every point "x,y": read in C
    ("1,2,3 4,5", Box(1, 2, 4, 5)),  # a point of three numbers: its first two, as ever
    ("1,2,3 4", None),  # as many commas and numbers as points, but a point of one number
    ("1, 2", None),  # a point "1," and a point "2"
    ("1,x 2,3", None),
    ("", None),
])
def test_a_page_polygon_is_read_alike_on_either_path(points, box):
    assert polygon_box(_region(points), NS) == box


def test_a_page_region_without_coords_has_no_box():
    assert polygon_box(etree.Element(f"{{{NS}}}TextRegion"), NS) is None


@pytest.mark.parametrize(("title", "box"), [
    ("bbox 1 2 3 4; x_wconf 93", Box(1, 2, 3, 4)),
    ("bbox 1 2 3 4 5", Box(1, 2, 3, 4)),
    ("bbox 1 2 3", None),
    ("bbox 1 2 nan 4", None),
    ("bbox 1 2 inf 4", None),
    ("bbox 1 2 x 4", None),
    ("x_wconf 93", None),
])
def test_an_hocr_box_is_four_finite_numbers(title, box):
    assert _bbox(properties(etree.Element("span", title=title))) == box


def test_page_bounds_name_an_element_only_for_an_error():
    bounds = PageBounds("page.xml: Page 1", 100.0, 200.0)
    asked = []

    def name() -> str:
        asked.append(1)
        return "Word w1"

    assert bounds(Box(-1, 0, 50, 60), name) == Box(0, 0, 50, 60)  # clipped, no name asked
    assert not asked
    with pytest.raises(PageError, match="Word w1 at"):
        bounds(Box(0, 0, 500, 60), name)
    with pytest.raises(PageError, match="Line l1 has no"):
        bounds(None, "Line l1")
