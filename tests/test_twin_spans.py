"""A run of text printed twice at (nearly) the same place is read once: a writer that draws
bold type as a filled copy and a stroked copy (mutool convert), a producer that fakes bold
by printing a run again a hair to the right."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from layout.sources.pdf import PdfSource
from layout.sources.pdfwords import spans_to_words


def _page(path: Path) -> None:
    """A headline drawn filled then stroked, a line printed twice 0.3 pt apart (fake bold),
    and the same text set again on the next line (a real repeat)."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)
    page.insert_text((20, 40), "Village deepens reform", fontsize=20, render_mode=0)
    page.insert_text((20, 40), "Village deepens reform", fontsize=20, render_mode=1)
    page.insert_text((20, 70), "Bold by hand", fontsize=10)
    page.insert_text((20.3, 70), "Bold by hand", fontsize=10)
    page.insert_text((20, 82), "Bold by hand", fontsize=10)
    doc.save(path)


def _texts(words) -> list[str]:
    return [" ".join(w.text for w in words if abs(w.box.y1 - y) < 5) for y in (44, 72, 84)]


def test_a_run_printed_twice_in_place_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "twice.pdf"
    _page(path)
    source = PdfSource(path)
    words = source.page(1).words
    source.close()
    assert _texts(words) == ["Village deepens reform", "Bold by hand", "Bold by hand"]


def test_a_run_printed_twice_is_read_once_from_its_characters(tmp_path: Path) -> None:
    path = tmp_path / "twice.pdf"
    _page(path)
    with pymupdf.open(path) as doc:
        words = spans_to_words(doc[0].get_text("rawdict"), characters=True)
    assert _texts(words) == ["Village deepens reform", "Bold by hand", "Bold by hand"]
