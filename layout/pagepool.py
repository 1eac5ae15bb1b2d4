"""The pages of one input analysed in page order, in this process or in guard processes.

OCR costs about a minute a page, so a scanned multi-page file is worth spreading over cores;
and an input from outside may hang a C library on one page or ask it for gigabytes. So pages
are read either here, or in guard processes (``workers`` of them, or one when a time limit is
set), each of which opens the input once itself (open files and Tesseract models cannot be
sent to another process) and sends back each page's ``Layout`` or ``PageError``. A guard is
held to the read options' memory limit and killed when a page runs over the time limit (a
MuPDF call on a page of nested forms never returns to Python: nothing short of a kill stops
it); the next page gets a new guard. Every page read, here or there, is held to the limits'
counts (words, drawings, images). Batches of files are ``batch``'s business.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .collector import collector_paused
from .errors import PageError
from .model import Layout, PageContent
from .options import ReadOptions
from .params import Limits, Params

Analyse = Callable[[PageContent, Params | None], Layout]
Progress = Callable[[int, int], None]
Reopen = tuple[Path, ReadOptions]


def analyse_pages(source, numbers: Sequence[int], analyse: Analyse, params: Params | None, *,
                  workers: int = 1, progress: Progress | None = None,
                  reopen: Reopen | None = None) -> Iterator[Layout | PageError]:
    """Each page's Layout, or the PageError that stopped it, in the order of ``numbers``.

    Pages are read in this process, or, when ``workers`` > 1 or the read options set a time
    limit a page, in that many guard processes, which open the input again from ``reopen``
    (its path and read options). ``progress(done, total)`` is called as pages finish.
    Errors other than ``PageError`` (a missing OCR language) stop the whole file.
    """
    total = len(numbers)
    limits = reopen[1].limits if reopen is not None else Limits()
    if reopen is not None and (limits.page_seconds is not None or workers > 1 and total > 1):
        yield from _guarded(numbers, analyse, params, reopen, progress, min(workers, total))
        return
    for done, n in enumerate(numbers, start=1):
        yield _analysed(source, n, analyse, params, limits)
        if progress:
            progress(done, total)


def _analysed(source, number: int, analyse: Analyse, params: Params | None,
              limits: Limits) -> Layout | PageError:
    """One page read, held to ``limits`` and analysed; its ``PageError`` if it fails."""
    with collector_paused():  # see collector.py
        return _read_and_analysed(source, number, analyse, params, limits)


def _read_and_analysed(source, number: int, analyse: Analyse, params: Params | None,
                       limits: Limits) -> Layout | PageError:
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
             progress: Progress | None, workers: int) -> Iterator[Layout | PageError]:
    """The pages read in ``workers`` guard processes, each page within ``page_seconds`` (if
    set): a page over it, or one whose process dies (out of memory, a crash in a C library),
    is a ``PageError`` and a new guard takes the next page. Pages are handed on in order, as
    soon as those before them are done."""
    import multiprocessing
    from multiprocessing.connection import wait

    # Forked, not spawned: no interpreter to start, and the guards stay this process's own
    # children, whose memory the OS reports with ours.
    context = multiprocessing.get_context("fork")
    seconds, name = reopen[1].limits.page_seconds, reopen[0].name
    pending, total, finished = iter(numbers), len(numbers), 0
    order: deque[int] = deque()  # pages sent out, in page order, not yet handed on
    done: dict[int, Layout | PageError] = {}
    idle: list[tuple] = []
    busy: dict = {}  # connection → (guard, page number, deadline)
    try:
        while True:
            # A window of a few pages a guard: a slow page holds back at most that many.
            while len(busy) < workers and len(order) < 4 * workers \
                    and (n := next(pending, None)) is not None:
                if idle:
                    guard, conn = idle.pop()
                else:
                    conn, child_end = context.Pipe()
                    guard = context.Process(target=_guard, daemon=True,
                                            args=(reopen, analyse, params, child_end))
                    guard.start()
                    child_end.close()
                conn.send(n)
                order.append(n)
                busy[conn] = (guard, n, None if seconds is None else time.monotonic() + seconds)
            if not order:
                return
            deadlines = [d for _, _, d in busy.values() if d is not None]
            wait(list(busy), None if not deadlines else max(0.0, min(deadlines) - time.monotonic()))
            for conn, (guard, n, deadline) in list(busy.items()):
                reason = None
                if conn.poll():
                    try:
                        kind, value = conn.recv()
                    except EOFError:
                        reason = "its reader died"
                    else:
                        if kind == "raise":
                            raise value
                        done[n] = value
                        idle.append((guard, conn))
                elif deadline is not None and time.monotonic() >= deadline:
                    reason = f"over the time limit of {seconds:g} s a page (--page-timeout)"
                else:
                    continue
                del busy[conn]
                if reason:
                    stop_process(guard)
                    done[n] = PageError(f"{name}: page {n}: {reason}")
                finished += 1
                if progress:
                    progress(finished, total)
            while order and order[0] in done:
                yield done.pop(order.popleft())
    finally:  # idle guards are told to end; busy ones (an error, or the reader closed) killed
        for guard, conn in idle:
            with contextlib.suppress(OSError):
                conn.send(None)
            guard.join(1)
            stop_process(guard)
        for guard, _, _ in busy.values():
            stop_process(guard)


def stop_process(proc) -> None:
    """Kill a process (if it still runs) and wait for it to be gone."""
    if proc.is_alive():
        proc.kill()
    proc.join()


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
