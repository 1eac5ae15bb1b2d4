"""Python's cyclic garbage collector paused while a page is read or analysed.

A large page makes a few hundred thousand boxes, words, lines and tuples, and the collector,
which runs every 700 new objects, walks the young ones again and again as they pile up: a
quarter of the CPU time of the largest scale pages (stocks, stacked), spent finding nothing,
for the stages free what they drop by reference counting (on a small page it makes no
difference). The few cycles a page makes (the flow's groups and their units) are collected
by the first collection after the page, which also walks once what the page kept: what
they hold is a page's worth of memory, as before.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside the block, back on after it if it was on (nested blocks, and a
    caller that turned it off itself, are left as they are)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
