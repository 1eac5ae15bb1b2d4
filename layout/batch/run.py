"""A batch: every input under a folder, each in its own process, into a mirrored output tree."""

from __future__ import annotations

import math
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import replace
from pathlib import Path

from ..errors import UsageError
from ..options import ReadOptions
from ..writers import formats_to_build
from .atomic import sweep_temps
from .isolate import LIVE, Task, record_of, run_isolated, warm_up
from .progress import ProgressBar
from .report import REPORT_NAME, Report, still_done

DEFAULT_SUFFIXES = (".pdf",)
Finish = Callable[[Task, dict], None]


def run_batch(input_dir: str | Path, output_dir: str | Path, formats: Iterable[str] = ("html",),
              *, workers: int | None = None, globs: Iterable[str] | None = None,
              force: bool = False, timeout: float | None = None, dask: str | None = None,
              options: ReadOptions | None = None, progress: bool | None = None) -> Counter:
    """Convert every input under ``input_dir`` into the mirrored tree ``output_dir``.

    ``globs``: patterns relative to ``input_dir`` (default: every ``.pdf``, any case, outside
    hidden folders). ``options``: how to read each input (engine, OCR, pages). ``timeout``:
    seconds allowed per file. ``dask``: a scheduler address, or "local" for a local cluster
    of ``workers`` processes. ``progress``: the bar on stderr; None shows it on a terminal only.
    Returns how many inputs ended in each status (ok, partial, failed, skipped); every one of
    them also has its line in ``output_dir/newslayout-report.jsonl``.
    """
    input_dir, output_dir = Path(input_dir).absolute(), Path(output_dir).absolute()
    formats = tuple(formats)
    formats_to_build(formats)  # an unknown format stops the batch before any work
    if not input_dir.is_dir():
        raise UsageError(f"{input_dir}: not a folder")
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if timeout is not None and not (math.isfinite(timeout) and timeout > 0):
        raise UsageError(f"--timeout must be a positive number of seconds, not {timeout:g}")
    workers = workers or os.cpu_count() or 1
    names = find_inputs(input_dir, output_dir, globs)
    counts: Counter = Counter()
    with Report(output_dir / REPORT_NAME) as report:
        todo = []
        template = Task(input_dir, "", output_dir, "", formats, options or ReadOptions())
        for task in _tasks(input_dir, output_dir, names, template):
            done = None if force else still_done(task.path, formats, report.done.get(task.name),
                                                 output_dir, _targets(task))
            if done is not None:
                report.append({**record_of(task, "skipped", outputs=done), "input": task.name,
                               "bytes": task.size})
                counts["skipped"] += 1
            else:
                todo.append(task)
        for folder in {t.out_dir for t in todo}:
            sweep_temps(folder)
        bar = ProgressBar(len(todo), sys.stderr.isatty() if progress is None else progress)

        def finish(task: Task, record: dict) -> None:
            record.update(input=task.name, bytes=task.size,
                          outputs=_relative(map(Path, record["outputs"]), output_dir))
            report.append(record)
            counts[record["status"]] += 1
            bar.finished(task, record, counts["failed"])

        with bar:
            if todo and dask:
                from .on_dask import run_dask
                run_dask(dask, todo, workers, timeout, bar, finish)
            elif todo:
                _run_local(todo, workers, timeout, bar, finish)
    return counts


def find_inputs(input_dir: Path, output_dir: Path, globs: Iterable[str] | None = None) -> list[str]:
    """The inputs, as sorted POSIX paths relative to ``input_dir``; never inside ``output_dir``."""
    found = ((p for g in globs for p in input_dir.glob(g) if p.is_file()) if globs
             else _walk(input_dir))
    out, top = output_dir.resolve(), input_dir.resolve()
    inner = top in out.parents  # the outputs are a subfolder of the inputs: leave them out
    return sorted({p.relative_to(input_dir).as_posix() for p in found
                   if not (inner and out in p.resolve().parents)})


def _walk(top: Path) -> Iterator[Path]:
    """Files with a default suffix under ``top``, outside hidden folders."""
    for root, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        yield from (Path(root, f) for f in files
                    if not f.startswith(".") and f.lower().endswith(DEFAULT_SUFFIXES))


def _tasks(input_dir: Path, output_dir: Path, names: list[str], template: Task) -> Iterator[Task]:
    """A task per input, with the options of ``template``. Two inputs of one folder with one stem
    (``a.pdf``, ``a.xml``) keep their full names in their outputs' (``a.pdf.html``,
    ``a.xml.html``), so neither overwrites the other."""
    stems = Counter((str(Path(n).parent), Path(n).stem) for n in names)
    for name in names:
        rel = Path(name)
        path = input_dir / rel
        try:
            size = path.stat().st_size
        except OSError:  # a vanished or dangling file: it fails, with the reason, when converted
            size = 0
        yield replace(template, path=path, name=name, out_dir=output_dir / rel.parent,
                      stem=rel.name if stems[str(rel.parent), rel.stem] > 1 else rel.stem,
                      size=size)


def _targets(task: Task) -> list[Path]:
    """The outputs of a task known before it runs: one per text format, when it has no other."""
    formats = formats_to_build(task.formats)
    if any(f.kind != "text" for f in formats):
        return []
    return [task.out_dir / f"{task.stem}{f.extension}" for f in formats]


def _relative(paths: Iterable[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def _run_local(tasks: list[Task], workers: int, timeout: float | None, bar: ProgressBar,
               finish: Finish) -> None:
    """Each task in its own process, ``workers`` at a time; Ctrl-C kills them all."""
    warm_up()
    bar.restart()
    pending: dict = {}
    with ThreadPoolExecutor(workers) as pool:
        try:
            for task in tasks:
                if len(pending) >= workers:
                    _collect(pending, finish)
                pending[pool.submit(run_isolated, task, timeout, bar.progress(task))] = task
            while pending:
                _collect(pending, finish)
        except KeyboardInterrupt:
            for proc in list(LIVE):
                proc.kill()
            raise


def _collect(pending: dict, finish: Finish) -> None:
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        task = pending.pop(future)
        try:
            record = future.result()
        except Exception as e:  # the process for the file could not run (fork, pipe, fds)
            record = record_of(task, "failed", f"{type(e).__name__}: {e}")
        finish(task, record)
