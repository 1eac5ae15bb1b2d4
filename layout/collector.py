"""Python's cyclic garbage collector paused while a page is read or analysed.

A large page makes a few hundred thousand boxes, words, lines and tuples, and the collector,
which runs every 700 new objects, walks the young ones again and again as they pile up: a
quarter of the CPU time of the largest scale pages (stocks, stacked), spent finding nothing,
for the stages free what they drop by reference counting (on a small page it makes no
difference). The few cycles a page makes (the flow's groups and their units) are collected
by the first collection after the page, which also walks once what the page kept: what
they hold is a page's worth of memory, as before.

A page read (``sources.alto``) makes no cycles, and its words live on through the analysis:
walking them finds nothing, the first collection after the read walks them all (a tenth of
reading an ALTO page) and moves them to the middle generation, where a later one walks them
again. ``collector_paused(kept=True)`` moves them to the oldest at once, as ``gc.freeze``
and ``gc.unfreeze`` do together: every tracked object, the caller's young ones too, whose
cycles (if any) then wait for a full collection.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused(kept: bool = False) -> Iterator[None]:
    """The collector off inside the block, back on after it if it was on (nested blocks, and a
    caller that turned it off itself, are left as they are). ``kept``: what the block made
    lives on and holds no cycle, and is moved to the oldest generation when the block ends
    (see the module's docstring)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
        # (not when the block raised: a traceback's frames may hold cycles; nor in a host that
        # froze objects itself, as a server does before it forks: unfreezing would undo that)
        if kept and not gc.get_freeze_count():
            gc.freeze()  # every tracked object to the permanent generation (walking none) ...
            gc.unfreeze()  # ... and from there to the oldest
    finally:
        gc.enable()
