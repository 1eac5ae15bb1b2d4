"""Shared fixtures: paths of the sample pages and a cache of their reconstructions."""

from __future__ import annotations

from pathlib import Path

import pytest

import layout

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def fixture_pdf(name: str) -> Path:
    """The sample page ``fixtures/pages/NAME.pdf``."""
    path = FIXTURES / f"{name}.pdf"
    assert path.is_file(), f"missing sample page {path}"
    return path


@pytest.fixture(scope="session")
def reconstructed():
    """``reconstructed(page)``: the Document of a sample page (its name) or of any page file
    (its path), computed once per session."""
    cache: dict[str | Path, layout.Document] = {}

    def get(page: str | Path) -> layout.Document:
        if page not in cache:
            cache[page] = layout.reconstruct(page if isinstance(page, Path) else fixture_pdf(page))
        return cache[page]

    return get
