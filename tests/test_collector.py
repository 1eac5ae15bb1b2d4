"""The collector paused around a page read or analysed (``layout.collector``): what a block
that keeps what it made (``kept=True``, a page read) made goes to the oldest generation, where
no young collection walks it again; a block that raised, or ran inside a caller's own pause,
moves nothing; and a page analysed leaves no cycle for the collector to find."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import layout
from layout.collector import collector_paused


@pytest.fixture
def no_collection_of_its_own():
    """The collector on, its threshold out of reach: objects stay in the generation they are
    in unless the code under test moves them."""
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.enable()
    gc.set_threshold(10 ** 9)
    yield
    gc.set_threshold(*thresholds)
    if not enabled:
        gc.disable()


def _in_oldest(value: object) -> bool:
    return any(o is value for o in gc.get_objects(generation=2))


def test_what_a_kept_block_made_is_in_the_oldest_generation(no_collection_of_its_own):
    with collector_paused(kept=True):
        made = [[1.0, 2.0]]
    assert gc.isenabled()
    assert _in_oldest(made)
    with collector_paused():
        young = [[1.0, 2.0]]
    assert not _in_oldest(young)


def test_a_kept_block_that_raised_moves_nothing(no_collection_of_its_own):
    made: list = []
    with pytest.raises(ValueError):
        with collector_paused(kept=True):
            made.append([])
            raise ValueError
    assert gc.isenabled()
    assert not _in_oldest(made[0])


def test_a_callers_pause_is_left_as_it_is(no_collection_of_its_own):
    gc.disable()
    with collector_paused(kept=True):
        made = [[]]
    assert not gc.isenabled()
    assert not _in_oldest(made)


def test_a_hosts_frozen_objects_stay_frozen(no_collection_of_its_own):
    """A host that froze its objects (``gc.freeze`` before forking workers) keeps them out of
    every collection: a kept block leaves the permanent generation as it found it, neither
    emptied (unfrozen) nor added to (frozen again). Its count may fall meanwhile: a frozen
    object freed by reference counting leaves it."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused(kept=True):
            made = [[]]
        assert 0 < gc.get_freeze_count() <= frozen
        assert not _in_oldest(made)
    finally:
        gc.unfreeze()


def test_a_page_analysed_leaves_no_cycle_for_the_collector():
    """The stages free what they drop by reference counting (the story stage lets go of its
    groups' units, each of which points back at its group), so the first collection after a
    page, which walks everything the page made, finds no garbage to take apart."""
    page = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "en_broadsheet_6col.pdf"
    gc.collect()
    with collector_paused():
        html = layout.reconstruct(page, pages=[1]).to_html()
    assert "<article" in html
    assert gc.collect() == 0
