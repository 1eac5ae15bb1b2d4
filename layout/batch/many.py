"""The library's many-files call: ``reconstruct`` over paths in worker processes."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from itertools import islice
from pathlib import Path

from ..model import Document
from ..options import ReadOptions
from ..params import Params
from ..pipeline import read_document
from .isolate import fork_context


def reconstruct_many(paths: Iterable[str | Path], workers: int | None = None, *,
                     options: ReadOptions | None = None, params: Params | None = None
                     ) -> Iterator[tuple[Path, Document | BaseException]]:
    """``read_document`` each path in ``workers`` processes; yield ``(path, result)`` as each ends.

    The result is the ``Document``, or the exception that file raised (a ``LayoutError`` for
    an unreadable file), so one bad file does not end the loop. At most two files per worker
    are in flight, so ``paths`` may be a long generator. There is no time limit and no
    isolation from a crashing PDF library here; ``run_batch`` has both, and writes files.
    """
    workers = workers or os.cpu_count() or 1
    queue = iter(paths)
    with ProcessPoolExecutor(workers, mp_context=fork_context()) as pool:
        pending = {}
        try:
            while True:
                for path in islice(queue, 2 * workers - len(pending)):
                    pending[pool.submit(read_document, path, options, params=params)] = Path(path)
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    error = future.exception()
                    yield pending.pop(future), error if error is not None else future.result()
        finally:
            pool.shutdown(cancel_futures=True)

