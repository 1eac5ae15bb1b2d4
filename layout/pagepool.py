"""The pages of one input analysed in page order, in this process or across worker processes.

OCR costs about a minute a page, so a scanned multi-page file is worth spreading over cores.
Each worker opens the input once itself (open files and Tesseract models cannot be sent to
another process) and sends back the ``Layout`` of each page, or its ``PageError``. Batches of
files are ``batch.py``'s business; this module only parallelises the pages within one file.

Every page read is held to the read options' ``Limits`` here: its counts (words, drawings,
images), and, when a time limit is set, its time: the pages are then read in a guard process
that is killed when a page runs over (a MuPDF call on a page of nested forms never returns
to Python, so nothing short of a kill stops it), and the next page gets a new one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .errors import PageError
from .model import Layout, PageContent
from .options import ReadOptions
from .params import Limits, Params

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
    limits = reopen[1].limits if reopen is not None else Limits()
    if limits.page_seconds is not None and workers <= 1 and reopen is not None:
        yield from _guarded(numbers, analyse, params, reopen, progress)
        return
    if workers <= 1 or total <= 1 or reopen is None:
        for done, n in enumerate(numbers, start=1):
            yield _analysed(source, n, analyse, params, limits)
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
    return _analysed(_opened[reopen], number, analyse, params, reopen[1].limits)


def _analysed(source, number: int, analyse: Analyse, params: Params | None,
              limits: Limits) -> Layout | PageError:
    """One page read, held to ``limits`` and analysed; its ``PageError`` if it fails."""
    try:
        content = source.page(number)
        where = f"{source.name}: page {number}"
        limits.check("words", len(content.words), where)
        limits.check("drawings", sum(d.parts for d in content.drawings), where)
        limits.check("images", len(content.figures), where)
        if not (math.isfinite(content.width) and math.isfinite(content.height)):
            raise PageError(f"{where}: its size is not a finite number")
        return analyse(content, params)
    except PageError as e:
        return e
    except MemoryError:
        return PageError(f"{source.name}: page {number}: over the memory limit of "
                         f"{limits.memory_mb} MB (Limits.memory_mb)")


def limit_memory(limits: Limits) -> None:
    """Hold this process (and the processes it starts) to ``limits.memory_mb`` of data: an
    allocation beyond it fails (a ``MemoryError``, a page failure) instead of the machine
    swapping. Linux and macOS; a no-op where ``resource`` is missing or there is no limit."""
    if limits.memory_mb is None:
        return
    try:
        import resource
    except ImportError:
        return
    cap = limits.memory_mb << 20
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft == resource.RLIM_INFINITY or soft > cap:
        resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))


def _guarded(numbers: Sequence[int], analyse: Analyse, params: Params | None, reopen: Reopen,
             progress: Progress | None) -> Iterator[Layout | PageError]:
    """The pages read one at a time in a guard process, each within ``page_seconds``: a page
    over it, or one whose process dies (out of memory, a crash in a C library), is a
    ``PageError`` and a new guard takes the next page."""
    import multiprocessing

    from .batch.isolate import stop

    # Forked, not spawned: no interpreter to start, and the guard stays this process's own
    # child, whose memory the OS reports with ours.
    context = multiprocessing.get_context("fork")
    limits = reopen[1].limits
    name = reopen[0].name
    guard = None
    try:
        for done, n in enumerate(numbers, start=1):
            if guard is None:
                receiver, sender = context.Pipe()
                guard = context.Process(target=_guard, args=(reopen, analyse, params, sender),
                                               daemon=True)
                guard.start()
                sender.close()
            receiver.send(n)
            reason = None
            if receiver.poll(limits.page_seconds):
                try:
                    kind, value = receiver.recv()
                except EOFError:
                    reason = "its reader died"
                else:
                    if kind == "raise":
                        raise value
                    yield value
            else:
                reason = f"over the time limit of {limits.page_seconds:g} s a page (--page-timeout)"
            if reason:
                stop(guard)
                guard = None
                yield PageError(f"{name}: page {n}: {reason}")
            if progress:
                progress(done, len(numbers))
    finally:
        if guard is not None:
            receiver.send(None)
            guard.join(5)
            stop(guard)


def _guard(reopen: Reopen, analyse: Analyse, params: Params | None, conn) -> None:
    """In a guard process: open the input, then analyse each page number sent, sending back
    ("page", Layout or PageError), or ("raise", error) for an error that stops the file."""
    import signal

    from .sources import open_source

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    limit_memory(reopen[1].limits)
    try:
        source = open_source(*reopen)
        while (number := conn.recv()) is not None:
            conn.send(("page", _analysed(source, number, analyse, params, reopen[1].limits)))
    except (EOFError, BrokenPipeError):
        return  # the reader is gone: nothing to say
    except Exception as e:  # an input error or a bug: the parent raises it as its own
        conn.send(("raise", e))
