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
    """``reconstructed(name)``: the Document of a sample page, computed once per session."""
    cache: dict[str, layout.Document] = {}

    def get(name: str) -> layout.Document:
        if name not in cache:
            cache[name] = layout.reconstruct(fixture_pdf(name))
        return cache[name]

    return get
