"""The pages of one input analysed in page order, in this process or across worker processes.

OCR costs about a minute a page, so a scanned multi-page file is worth spreading over cores.
Each worker opens the input once itself (open files and Tesseract models cannot be sent to
another process) and sends back the ``Layout`` of each page, or its ``PageError``. Batches of
files are ``batch.py``'s business; this module only parallelises the pages within one file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .errors import PageError
from .model import Layout, PageContent
from .options import ReadOptions
from .params import Params

Analyse = Callable[[PageContent, Params | None], Layout]
Progress = Callable[[int, int], None]
Reopen = tuple[Path, ReadOptions]
# The source a worker opened, kept for the next page it is given, by (path, options).
_opened: dict[Reopen, object] = {}


def analyse_pages(source, numbers: Sequence[int], analyse: Analyse, params: Params | None, *,
                  workers: int = 1, progress: Progress | None = None,
                  reopen: Reopen | None = None) -> Iterator[Layout | PageError]:
    """Each page's Layout, or the PageError that stopped it, in the order of ``numbers``.

    ``workers`` > 1 spreads the pages over that many processes, which open the input again
    from ``reopen`` (its path and read options). ``progress(done, total)`` is called as pages
    finish. Errors other than ``PageError`` (a missing OCR language) stop the whole file.
    """
    total = len(numbers)
    if workers <= 1 or total <= 1 or reopen is None:
        for done, n in enumerate(numbers, start=1):
            try:
                yield analyse(source.page(n), params)
            except PageError as e:
                yield e
            if progress:
                progress(done, total)
        return
    results: dict[int, Layout | PageError] = {}
    with ProcessPoolExecutor(max_workers=min(workers, total)) as pool:
        futures = {pool.submit(_work, reopen, n, analyse, params): n for n in numbers}
        try:
            for done, future in enumerate(as_completed(futures), start=1):
                results[futures[future]] = future.result()
                if progress:
                    progress(done, total)
        except BaseException:
            pool.shutdown(cancel_futures=True)  # fail now, not after every queued page
            raise
    yield from (results[n] for n in numbers)


def _work(reopen: Reopen, number: int, analyse: Analyse,
          params: Params | None) -> Layout | PageError:
    """In a worker: analyse one page of the input, opened on the worker's first page."""
    from .sources import open_source

    if reopen not in _opened:
        _opened[reopen] = open_source(*reopen)
    try:
        return analyse(_opened[reopen].page(number), params)
    except PageError as e:
        return e
