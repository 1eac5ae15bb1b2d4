"""One file in its own process: killable at its time limit, its crash and its memory its own.

A process per file, forked from a forkserver that imported the library once (a fork and the
first-call warm-up of a fresh process cost ~30 ms of CPU, measured, so a recycled pool would
save little): a file that hangs the parser is killed at the time limit without touching the
others (a ``ProcessPoolExecutor`` cannot kill one task), a crash in the PDF library fails only
its file, and each file's memory is returned when it ends. POSIX only (forkserver and
``prctl`` on Linux).
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import os
import signal
import sys
import time
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

from ..options import ReadOptions
from ..pagepool import Progress, limit_memory, stop_process
from ..writers import FORMATS
from .atomic import sweep_temps
from .convert import convert_file
from .report import file_digest


@dataclass(frozen=True)
class Task:
    """One input of a batch: the file, its name in the report, where its outputs go."""

    path: Path
    name: str
    out_dir: Path
    stem: str
    formats: tuple[str, ...]
    options: ReadOptions = ReadOptions()
    size: int = 0
    digest: str = ""


LIVE: set[mp.process.BaseProcess] = set()  # worker processes running now, to kill on Ctrl-C


def run_isolated(task: Task, timeout: float | None = None,
                 progress: Progress | None = None) -> dict:
    """``convert_file`` for one task in a new worker process, killed after ``timeout`` seconds.

    A killed or crashed worker gives a failed record ("timeout after N s", "worker process
    died: killed by SIGSEGV") and its temporary files are removed. The record gains
    ``peak_mb`` and ``cpu_seconds``, the worker's peak resident memory and CPU time.
    """
    ctx = fork_context()
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(task, sender), daemon=True)
    start = time.monotonic()
    proc.start()
    sender.close()
    LIVE.add(proc)
    outcome: dict | str | None = None
    try:
        outcome = _receive(receiver, None if timeout is None else start + timeout,
                           task.options.limits.page_seconds, progress)
    finally:
        if isinstance(outcome, dict):
            proc.join(5)  # it has sent its record and is exiting
        stop_process(proc)
        LIVE.discard(proc)
        receiver.close()
    if isinstance(outcome, dict):
        return outcome
    sweep_temps(task.out_dir, task.stem)
    error = (f"timeout after {timeout:g} s" if outcome == "timeout"
             else outcome if outcome.startswith("page ")
             else f"worker process died: {_exit_reason(proc.exitcode)}")
    return record_of(task, "failed", error, time.monotonic() - start)


def _receive(receiver, deadline: float | None, page_seconds: float | None,
             progress: Progress | None) -> dict | str:
    """The worker's record, passing its progress on; "timeout", "died", or "page N: over the
    time limit ..." when a page (the worker reports each as it ends) takes over ``page_seconds``."""
    page, page_deadline = 1, None if page_seconds is None else time.monotonic() + page_seconds
    while True:
        now = time.monotonic()
        ends = [d for d in (deadline, page_deadline) if d is not None]
        left = min(ends) - now if ends else None
        if deadline is not None and deadline <= now:
            return "timeout"
        if page_deadline is not None and page_deadline <= now:
            return (f"page {page} of those read: over the time limit of {page_seconds:g} s a "
                    "page (--page-timeout)")
        if not receiver.poll(left):
            continue
        try:
            kind, *value = receiver.recv()
        except EOFError:
            return "died"
        if kind == "done":
            return value[0]
        page = value[0] + 1
        if page_seconds is not None:
            page_deadline = time.monotonic() + page_seconds
        if progress:
            progress(*value)


def _child(task: Task, sender) -> None:
    """The worker process: convert one file, sending progress and then the record."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    limit_memory(task.options.limits)
    # The batch times each page itself (by this worker's progress): no guard process inside.
    options = replace(task.options, limits=replace(task.options.limits, page_seconds=None))

    def send(*message) -> None:
        try:
            sender.send(message)
        except OSError:  # the batch is gone (killed): its outputs are abandoned, quietly
            os._exit(1)

    try:
        digest = file_digest(task.path)
    except OSError:
        digest = ""  # the conversion fails on it, and says why
    try:
        record = convert_file(task.path, task.out_dir, task.formats, stem=task.stem,
                              options=options,
                              progress=lambda done, count: send("progress", done, count))
    except Exception as e:
        # The one broad catch: an unexpected error (a bug, or a library failing in a way we
        # did not foresee) must become this file's report line, with its type, message and
        # place, and the batch must go on. Nothing is hidden: the record says it all.
        where = traceback.extract_tb(e.__traceback__)[-1]
        record = record_of(task, "failed", f"{type(e).__name__}: {e} "
                                           f"(at {Path(where.filename).name}:{where.lineno})")
    send("done", {**record, "digest": digest, **_usage()})


def _die_with_parent() -> None:
    """Have Linux kill this worker when its parent dies, so a killed batch leaves no orphans.

    With the forkserver the parent is the fork server, which exits when the batch does.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


def _usage() -> dict:
    """This worker's peak resident memory and CPU time: what a file cost, whatever the load."""
    import resource

    use = resource.getrusage(resource.RUSAGE_SELF)
    peak = use.ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10)  # bytes or KiB
    return {"peak_mb": round(peak, 1), "cpu_seconds": round(use.ru_utime + use.ru_stime, 3)}


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


def record_of(task: Task, status: str, error: str | None = None, seconds: float = 0.0,
            outputs: list[str] | None = None) -> dict:
    """The report record of a file that ``convert_file`` did not finish: skipped, killed, lost."""
    return {"input": str(task.path), "status": status, "pages": 0, "failed_pages": [],
            "seconds": round(seconds, 3), "error": error, "outputs": outputs or [],
            "formats": list(task.formats)}


@functools.cache
def fork_context() -> mp.context.BaseContext:
    """Forkserver: cheap forks of a process that imported the library, safe with threads."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["layout.batch.convert", "layout.sources.pdf",
                                *(f"layout.writers.{f.module}" for f in FORMATS.values())])
    return ctx


def warm_up() -> None:
    """Start the fork server now, so that its imports do not count against a file's time limit."""
    proc = fork_context().Process(target=int, daemon=True)
    proc.start()
    proc.join()
