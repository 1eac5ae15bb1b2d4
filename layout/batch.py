"""Many files: a folder tree of inputs to a mirrored tree of outputs, resumable, nothing lost.

``newslayout batch IN OUT`` (``run_batch``) converts every PDF under IN, or the files that
``--glob`` names, to ``OUT/<same folders>/<stem>.<ext>`` per format. XML inputs (ALTO pages,
METS issues) are named with ``--glob`` rather than found by default, since an issue's METS file
and the ALTO pages it references would otherwise both be converted.

How it holds up at archive scale, and why:

* Streaming. A file is reconstructed ``PAGES_PER_CALL`` pages at a time. ALTO and PAGE-XML
  files, one per page, are written as each page ends; then the page is cut to what the text
  writers read (``slim_page``: blocks keep text, box and role, lose their lines and words,
  nine tenths of a page's memory), so a 200-page PDF holds 200 small trees, not 200 analyses.
  The text writers (and METS, which keeps full pages) turn a whole ``Document`` into one
  file, so that is what they get; their own trees are the rest of the memory per page.
* One process per file, forked from a forkserver that imported the library once (a fork and
  the first-call warm-up of a fresh process cost ~30 ms of CPU, measured, so a recycled pool
  would save little): a file that hangs the parser is killed at ``--timeout`` without touching
  the others (a ``ProcessPoolExecutor`` cannot kill one task), a crash in the PDF library
  fails only its file, and each file's memory is returned when it ends. Parent threads only
  wait on the workers; Ctrl-C kills them, and every file finished so far is in the report.
* Outputs are written atomically (``write_atomic``) and the report
  ``OUT/newslayout-report.jsonl`` gets one line per input, written by the parent alone,
  flushed and synced before the next. A re-run skips an input whose outputs all exist and
  are newer than it, or that the report records as ok or partial in the same formats at its
  current size; failed inputs are tried again; ``--force`` redoes everything.
* ``--dask`` sends the same per-file task to a Dask cluster, so the time limit, the report
  and resume are the same there. Workers must see IN and OUT at the same paths, and be
  non-daemonic processes to start one per file (``--dask local`` makes them so; elsewhere
  start them with ``DASK_DISTRIBUTED__WORKER__DAEMON=False``).

The parent holds a small task per input; the cost per page is in the workers. POSIX only
(forkserver, ``O_TMPFILE`` and ``prctl`` on Linux, plain temp files elsewhere).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from .errors import LayoutError, UsageError
from .model import Block, Document, Figure, Layout, PageFailure, Story
from .pagepool import Progress
from .params import Params
from .pipeline import reconstruct
from .sources import open_source
from .writers import ARCHIVE_FORMATS, EXTENSIONS, files_writer_for, writer_for

REPORT_NAME = "newslayout-report.jsonl"
DEFAULT_SUFFIXES = (".pdf",)
# Pages per reconstruct() call: the source is reopened per call (about 2 ms for a PDF), and
# at most this many full page analyses are alive at once.
PAGES_PER_CALL = 4
TEMP_SUFFIX = ".newslayout-tmp"
# Archive formats whose files are one per page (NAME-p0001.alto.xml): written as pages end.
PAGE_FORMATS = ("alto", "page")
DONE = ("ok", "partial")

"""Called with (pages done, page count) of one file: once when it opens, then as pages end."""


# --- one file --------------------------------------------------------------------------------

def convert_file(path: str | Path, out_dir: str | Path, formats: Iterable[str] = ("html",), *,
                 stem: str | None = None, engine: str = "pymupdf", params: Params | None = None,
                 ocr: str = "auto", lang: str | None = None,
                 progress: Progress | None = None) -> dict:
    """Convert one input into ``out_dir`` in each format and return its report record.

    Text formats give ``STEM.EXT``; ALTO and PAGE-XML one file per page, written as each page
    ends; METS its file and the ALTO files it lists (the only format that keeps every page's
    full analysis until the end). The record: ``input``, ``status`` (ok; partial: some pages
    failed; failed), ``pages``, ``failed_pages``, ``seconds``, ``error``, ``outputs``,
    ``formats``. An input that cannot be read, or an output that cannot be written, gives a
    failed record, not an exception; a bug propagates, for the caller (``run_batch``, or a
    Dask/Spark/Airflow job mapping this function over paths) to record. Every file is written
    atomically. PyMuPDF is not thread-safe: one conversion per process at a time.
    """
    path, formats = Path(path), tuple(formats)
    stem = stem or path.stem
    text = {f: writer_for(f) for f in formats if f not in ARCHIVE_FORMATS}
    # METS writes its ALTO files itself: with both asked for, ALTO is not built twice.
    per_page = [files_writer_for(f) for f in formats if f in PAGE_FORMATS
                and not (f == "alto" and "mets" in formats)]
    whole = [files_writer_for(f) for f in formats if f in ARCHIVE_FORMATS and f not in PAGE_FORMATS]
    start = time.monotonic()
    out = _Outputs(Path(out_dir))
    record = {"input": str(path), "status": "failed", "pages": 0, "failed_pages": [],
              "seconds": 0.0, "error": None, "outputs": out.written, "formats": list(formats)}
    pages: list[Layout | PageFailure] = []
    try:
        for page in read_pages(path, engine=engine, params=params, ocr=ocr, lang=lang,
                               progress=progress):
            if isinstance(page, Layout):
                for write in per_page:
                    out.write_all(write(Document(path.name, (page,), page.lang), stem))
            pages.append(page if whole else slim_page(page))
        langs = Counter(p.lang for p in pages if isinstance(p, Layout) and p.lang)
        doc = Document(path.name, tuple(pages), langs.most_common(1)[0][0] if langs else None)
        for fmt, write in text.items():
            out.write(f"{stem}{EXTENSIONS[fmt]}", write(doc).encode("utf-8"))
        for write in whole:
            out.write_all(write(doc, stem))
    except (LayoutError, _Unwritable) as e:
        record["error"] = str(e)
    failures = [p for p in pages if isinstance(p, PageFailure)]
    if record["error"] is None:
        record["status"] = "partial" if failures else "ok"
        if failures:
            record["error"] = (f"{len(failures)} of {len(pages)} pages failed; "
                               f"first: {failures[0].error}")
    record.update(pages=len(pages), failed_pages=[f.number for f in failures],
                  seconds=round(time.monotonic() - start, 3))
    return record


class _Unwritable(Exception):
    """An output that cannot be written; the message names the file and the reason."""


class _Outputs:
    """One input's output folder: writes files atomically and lists those written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: list[str] = []

    def write(self, name: str, data: bytes) -> None:
        if not self.written:  # made on the first file, so a bad input leaves no empty folder
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise _Unwritable(f"{self.folder}: cannot create the output folder: "
                                  f"{e.strerror}") from e
        target = self.folder / name
        try:
            write_atomic(target, data)
        except OSError as e:
            raise _Unwritable(f"{target}: cannot write: {e.strerror or e}") from e
        self.written.append(str(target))

    def write_all(self, files: dict[str, bytes]) -> None:
        """Write the files not written yet (METS brings the ALTO files that ``alto`` wrote)."""
        for name, data in files.items():
            if str(self.folder / name) not in self.written:
                self.write(name, data)


def read_pages(path: str | Path, *, engine: str = "pymupdf", params: Params | None = None,
               ocr: str = "auto", lang: str | None = None,
               progress: Progress | None = None) -> Iterator[Layout | PageFailure]:
    """The pages of ``reconstruct(path)``, one at a time: it is called on page ranges of
    ``PAGES_PER_CALL`` pages, so at most that many full page analyses are alive at once."""
    source = open_source(path, engine)
    count = source.page_count
    source.close()
    if progress:
        progress(0, count)
    for first in range(1, count + 1, PAGES_PER_CALL):
        yield from reconstruct(path, range(first, min(first + PAGES_PER_CALL, count + 1)),
                               engine=engine, params=params, ocr=ocr, lang=lang,
                               progress=_shifted(progress, first - 1, count)).pages


def _shifted(progress: Progress | None, before: int, count: int) -> Progress | None:
    """A page range's progress as progress in the whole file."""
    return progress and (lambda done, _: progress(before + done, count))


def slim_page(page: Layout | PageFailure) -> Layout | PageFailure:
    """The page without its blocks' lines and words, which the text formats do not read."""
    if isinstance(page, PageFailure):
        return page
    return replace(page, header=tuple(map(_slim_block, page.header)),
                   footer=tuple(map(_slim_block, page.footer)),
                   stories=tuple(map(_slim_story, page.stories)),
                   figures=tuple(map(_slim_figure, page.figures)))


def _slim_block(b: Block) -> Block:
    return replace(b, lines=())


def _slim_figure(f: Figure) -> Figure:
    return replace(f, caption=tuple(map(_slim_block, f.caption)))


def _slim_story(s: Story) -> Story:
    return replace(s, content=tuple(
        _slim_block(c) if isinstance(c, Block) else
        _slim_figure(c) if isinstance(c, Figure) else _slim_story(c) for c in s.content))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that no reader, crash or kill ever sees a partial file.

    The bytes go to an unnamed file in the same folder (Linux ``O_TMPFILE``: a process killed
    while writing leaves nothing), are synced, get a hidden temporary name and are renamed over
    ``path``, which is atomic within a folder. Without ``O_TMPFILE`` the hidden file is named
    from the start; it is removed on any error, and one left by a kill is swept by the next
    batch. The temporary name is ``.NAME.<pid>.<n>.newslayout-tmp``.
    """
    tmp = f".{path.name}.{os.getpid()}.{time.monotonic_ns()}{TEMP_SUFFIX}"
    folder = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    fd = _open_unnamed(path.parent)
    named = fd is None
    try:
        if named:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644, dir_fd=folder)
        with open(fd, "wb", closefd=False) as f:
            f.write(data)
        os.fsync(fd)
        if not named:  # the dir_fd makes this linkat(AT_SYMLINK_FOLLOW): the file, not the link
            os.link(f"/proc/self/fd/{fd}", tmp, dst_dir_fd=folder)
        os.replace(tmp, path.name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp, dir_fd=folder)
        raise
    finally:
        if fd is not None:
            os.close(fd)
        os.close(folder)


def _open_unnamed(folder: Path) -> int | None:
    """A descriptor of a new unnamed file in ``folder``; None where the OS or file system has none."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o644)
    except OSError as e:
        if e.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return None
        raise


def _sweep_temps(folder: Path, stem: str | None = None) -> None:
    """Remove temporary files of ``write_atomic`` left in ``folder`` (of outputs of ``stem``)."""
    prefixes = (f".{stem}.", f".{stem}-p") if stem is not None else (".",)
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in os.scandir(folder):
            if entry.name.endswith(TEMP_SUFFIX) and entry.name.startswith(prefixes):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)


# --- one file in its own process -------------------------------------------------------------

@dataclass(frozen=True)
class Task:
    """One input of a batch: the file, its name in the report, where its outputs go."""

    path: Path
    name: str
    out_dir: Path
    stem: str
    formats: tuple[str, ...]
    engine: str = "pymupdf"
    ocr: str = "auto"
    lang: str | None = None
    size: int = 0

    @property
    def targets(self) -> list[Path]:
        """The outputs known before converting: those of the text formats."""
        return [self.out_dir / f"{self.stem}{EXTENSIONS[f]}" for f in self.formats
                if f not in ARCHIVE_FORMATS]


_LIVE: set[mp.process.BaseProcess] = set()  # worker processes running now, to kill on Ctrl-C


def run_isolated(task: Task, timeout: float | None = None,
                 progress: Progress | None = None) -> dict:
    """``convert_file`` for one task in a new worker process, killed after ``timeout`` seconds.

    A killed or crashed worker gives a failed record ("timeout after N s", "worker process
    died: killed by SIGSEGV") and its temporary files are removed. The record gains
    ``peak_mb`` and ``cpu_seconds``, the worker's peak resident memory and CPU time.
    """
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(task, sender), daemon=True)
    start = time.monotonic()
    proc.start()
    sender.close()
    _LIVE.add(proc)
    outcome: dict | str | None = None
    try:
        outcome = _receive(receiver, None if timeout is None else start + timeout, progress)
    finally:
        if isinstance(outcome, dict):
            proc.join(5)  # it has sent its record and is exiting
        if proc.is_alive():
            proc.kill()
        proc.join()
        _LIVE.discard(proc)
        receiver.close()
    if isinstance(outcome, dict):
        return outcome
    _sweep_temps(task.out_dir, task.stem)
    error = (f"timeout after {timeout:g} s" if outcome == "timeout"
             else f"worker process died: {_exit_reason(proc.exitcode)}")
    return _record(task, "failed", error, time.monotonic() - start)


def _receive(receiver, deadline: float | None, progress: Progress | None) -> dict | str:
    """The worker's record, passing its progress on; "timeout" or "died" when there is none."""
    while True:
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            return "timeout"
        if not receiver.poll(left):
            continue
        try:
            kind, *value = receiver.recv()
        except EOFError:
            return "died"
        if kind == "done":
            return value[0]
        if progress:
            progress(*value)


def _child(task: Task, sender) -> None:
    """The worker process: convert one file, sending progress and then the record."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    try:
        record = convert_file(task.path, task.out_dir, task.formats, stem=task.stem,
                              engine=task.engine, ocr=task.ocr, lang=task.lang,
                              progress=lambda done, count: sender.send(("progress", done, count)))
    except Exception as e:
        # The one broad catch: an unexpected error (a bug, or a library failing in a way we
        # did not foresee) must become this file's report line, with its type, message and
        # place, and the batch must go on. Nothing is hidden: the record says it all.
        where = traceback.extract_tb(e.__traceback__)[-1]
        record = _record(task, "failed", f"{type(e).__name__}: {e} "
                                         f"(at {Path(where.filename).name}:{where.lineno})")
    sender.send(("done", {**record, **_usage()}))


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


def _record(task: Task, status: str, error: str | None = None, seconds: float = 0.0,
            outputs: list[str] | None = None) -> dict:
    """The report record of a file that ``convert_file`` did not finish: skipped, killed, lost."""
    return {"input": str(task.path), "status": status, "pages": 0, "failed_pages": [],
            "seconds": round(seconds, 3), "error": error, "outputs": outputs or [],
            "formats": list(task.formats)}


@functools.cache
def _context() -> mp.context.BaseContext:
    """Forkserver: cheap forks of a process that imported the library, safe with threads."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["layout.batch", "layout.sources.pdf", "layout.writers.html",
                                "layout.writers.json", "layout.writers.text",
                                "layout.writers.markdown"])
    return ctx


def warm_up() -> None:
    """Start the fork server now, so that its imports do not count against a file's time limit."""
    proc = _context().Process(target=int, daemon=True)
    proc.start()
    proc.join()


# --- a batch ---------------------------------------------------------------------------------

def run_batch(input_dir: str | Path, output_dir: str | Path, formats: Iterable[str] = ("html",),
              *, workers: int | None = None, globs: Iterable[str] | None = None,
              force: bool = False, timeout: float | None = None, dask: str | None = None,
              engine: str = "pymupdf", ocr: str = "auto", lang: str | None = None,
              progress: bool | None = None) -> Counter:
    """Convert every input under ``input_dir`` into the mirrored tree ``output_dir``.

    ``globs``: patterns relative to ``input_dir`` (default: every ``.pdf``, any case, outside
    hidden folders). ``engine``, ``ocr``, ``lang``: as for ``reconstruct``. ``dask``: a
    scheduler address, or "local" for a local cluster of ``workers`` processes. ``progress``:
    the bar on stderr; None shows it on a terminal only.
    Returns how many inputs ended in each status (ok, partial, failed, skipped); every one of
    them also has its line in ``output_dir/newslayout-report.jsonl``.
    """
    input_dir, output_dir = Path(input_dir).absolute(), Path(output_dir).absolute()
    formats = tuple(formats)
    for fmt in formats:
        (files_writer_for if fmt in ARCHIVE_FORMATS else writer_for)(fmt)  # before any work
    if not input_dir.is_dir():
        raise UsageError(f"{input_dir}: not a folder")
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if timeout is not None and timeout <= 0:
        raise UsageError(f"--timeout must be positive, not {timeout:g}")
    workers = workers or os.cpu_count() or 1
    names = find_inputs(input_dir, output_dir, globs)
    counts: Counter = Counter()
    with Report(output_dir / REPORT_NAME) as report:
        todo = []
        template = Task(input_dir, "", output_dir, "", formats, engine, ocr, lang)
        for task in _tasks(input_dir, output_dir, names, template):
            done = None if force else _done(task, report.done.get(task.name), output_dir)
            if done is not None:
                report.append({**_record(task, "skipped", outputs=done), "input": task.name,
                               "bytes": task.size})
                counts["skipped"] += 1
            else:
                todo.append(task)
        for folder in {t.out_dir for t in todo}:
            _sweep_temps(folder)
        bar = _Bar(len(todo), sys.stderr.isatty() if progress is None else progress)

        def finish(task: Task, record: dict) -> None:
            record.update(input=task.name, bytes=task.size,
                          outputs=_relative(map(Path, record["outputs"]), output_dir))
            report.append(record)
            counts[record["status"]] += 1
            bar.finished(task, record, counts["failed"])

        with bar:
            if todo and dask:
                _run_dask(dask, todo, workers, timeout, bar, finish)
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


def _done(task: Task, earlier: tuple[int, tuple[str, ...], tuple[str, ...]] | None,
          output_dir: Path) -> list[str] | None:
    """The outputs of a task done before, or None when it is to be done.

    Done: the report records it ok or partial, in these formats, at the input's current size,
    and every output it lists exists; or, for text formats only, every output exists and is
    newer than the input.
    """
    if earlier:
        size, formats, outputs = earlier
        if (size == task.size and set(task.formats) <= set(formats)
                and all((output_dir / o).exists() for o in outputs)):
            return list(outputs)
    if any(f in ARCHIVE_FORMATS for f in task.formats):
        return None
    try:
        changed = task.path.stat().st_mtime
        done = all(t.stat().st_mtime >= changed for t in task.targets)
    except OSError:
        return None
    return _relative(task.targets, output_dir) if done else None


def _relative(paths: Iterable[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


class Report:
    """The JSON-lines report: one line per input and run, flushed and synced line by line.

    ``done``: each input recorded ok or partial → (size, formats, outputs) then. An exclusive lock
    keeps a second batch from writing into the same output folder at the same time.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._file = path.open("a+", encoding="utf-8")
        except OSError as e:
            raise UsageError(f"{path}: cannot write the report: {e.strerror}") from e
        _lock(self._file, path)
        self._file.seek(0)
        self.done: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {}
        last = ""
        for last in self._file:
            with contextlib.suppress(ValueError, KeyError, TypeError):  # a line torn by a crash
                r = json.loads(last)
                if r["status"] in DONE:
                    self.done[r["input"]] = (r["bytes"], tuple(r["formats"]), tuple(r["outputs"]))
        if last and not last.endswith("\n"):
            self._file.write("\n")

    def append(self, record: dict) -> None:
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def __enter__(self) -> Report:
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()


def _lock(file, path: Path) -> None:
    try:
        import fcntl
    except ImportError:  # no advisory locks here: the user keeps batches apart
        return
    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        file.close()
        raise UsageError(f"{path}: another batch is writing to this output folder") from None


class _Bar:
    """tqdm on stderr in pages, with pages/s and an ETA.

    A file's page count is known only once a worker opens it, so the total is the pages of
    the files opened so far plus their mean times the files not yet opened; the pages a failed
    file never reached are taken off again.
    """

    def __init__(self, files: int, enabled: bool) -> None:
        from tqdm import tqdm

        self._tqdm = tqdm(total=0, unit="page", disable=not enabled, file=sys.stderr,
                          dynamic_ncols=True, smoothing=0.05)
        self._files, self._unopened, self._known, self._ended = files, files, 0, 0
        self._seen: dict[str, list[int]] = {}  # pages done and page count of open files
        self._lock = threading.Lock()

    def progress(self, task: Task) -> Progress:
        """The progress callback of one task."""
        return lambda done, count: self._update(task.name, done, count)

    def _update(self, name: str, done: int, count: int) -> None:
        with self._lock:
            seen = self._seen.setdefault(name, [0, -1])
            if seen[1] < 0:
                seen[1] = count
                self._unopened -= 1
                self._known += count
                self._retotal()
            self._tqdm.update(done - seen[0])
            seen[0] = done

    def finished(self, task: Task, record: dict, failed: int) -> None:
        """Count a file as ended, with its pages if no progress came (Dask, or not opened)."""
        if task.name not in self._seen:
            self._update(task.name, record["pages"], record["pages"])
        with self._lock:
            done, count = self._seen.pop(task.name)
            self._known -= count - done
            self._ended += 1
            self._retotal()
            self._tqdm.set_postfix_str(f"{self._ended}/{self._files} files"
                                       + (f", {failed} failed" if failed else ""))

    def _retotal(self) -> None:
        opened = self._files - self._unopened
        self._tqdm.total = self._known + (round(self._known / opened * self._unopened)
                                          if opened else 0)
        self._tqdm.refresh()

    def restart(self) -> None:
        """Start the clock now that the workers are ready."""
        self._tqdm.reset(self._tqdm.total)

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc) -> None:
        self._tqdm.close()


def _run_local(tasks: list[Task], workers: int, timeout: float | None, bar: _Bar,
               finish: Callable[[Task, dict], None]) -> None:
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
            for proc in list(_LIVE):
                proc.kill()
            raise


def _collect(pending: dict, finish: Callable[[Task, dict], None]) -> None:
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        task = pending.pop(future)
        try:
            record = future.result()
        except Exception as e:  # the process for the file could not run (fork, pipe, fds)
            record = _record(task, "failed", f"{type(e).__name__}: {e}")
        finish(task, record)


def _run_dask(address: str, tasks: list[Task], workers: int, timeout: float | None, bar: _Bar,
              finish: Callable[[Task, dict], None]) -> None:
    """The same per-file tasks on a Dask cluster, at most two per worker thread in flight."""
    try:
        from dask.distributed import as_completed
    except ImportError:
        raise UsageError("--dask needs Dask: pip install 'newslayout[dask]'") from None
    with _dask_client(address, workers) as client:
        if any(client.run(_is_daemon).values()):
            raise UsageError(f"the Dask workers of {address} are daemonic processes, which "
                             "cannot start a process per file: start them with "
                             "DASK_DISTRIBUTED__WORKER__DAEMON=False")
        client.run(warm_up)
        bar.restart()
        queue = iter(tasks)
        by_key: dict[str, Task] = {}

        def submit(task: Task):
            future = client.submit(run_isolated, task, timeout, pure=False)
            by_key[future.key] = task
            return future

        width = 2 * sum(client.nthreads().values())
        running = as_completed([submit(t) for t in islice(queue, width)])
        for future in running:
            task = by_key.pop(future.key)
            if future.status == "finished":
                finish(task, future.result())
            else:  # the task itself failed on the cluster (a lost worker, an error in Dask)
                e = future.exception()
                finish(task, _record(task, "failed", f"{type(e).__name__}: {e}"))
            future.release()
            for nxt in islice(queue, 1):
                running.add(submit(nxt))


@contextlib.contextmanager
def _dask_client(address: str, workers: int):
    """A client of the scheduler at ``address``, or of a new local cluster for "local"."""
    import dask
    from dask.distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if address == "local":
            with dask.config.set({"distributed.worker.daemon": False}):
                cluster = stack.enter_context(LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=":0", silence_logs=40))
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(address, timeout=30))
            except OSError as e:
                raise UsageError(f"cannot reach the Dask scheduler at {address}: {e}") from e
        yield client


def _is_daemon() -> bool:
    return mp.current_process().daemon


# --- the library's many-files call -----------------------------------------------------------

def reconstruct_many(paths: Iterable[str | Path], workers: int | None = None, *,
                     pages: str | None = None, engine: str = "pymupdf",
                     params: Params | None = None, ocr: str = "auto", lang: str | None = None
                     ) -> Iterator[tuple[Path, Document | BaseException]]:
    """``reconstruct`` each path in ``workers`` processes; yield ``(path, result)`` as each ends.

    The result is the ``Document``, or the exception that file raised (a ``LayoutError`` for
    an unreadable file), so one bad file does not end the loop. At most two files per worker
    are in flight, so ``paths`` may be a long generator. There is no time limit and no
    isolation from a crashing PDF library here; ``run_batch`` has both, and writes files.
    """
    workers = workers or os.cpu_count() or 1
    queue = iter(paths)
    with ProcessPoolExecutor(workers, mp_context=_context()) as pool:
        pending = {}
        try:
            while True:
                for path in islice(queue, 2 * workers - len(pending)):
                    pending[pool.submit(reconstruct, path, pages, engine=engine, params=params,
                                        ocr=ocr, lang=lang)] = Path(path)
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    error = future.exception()
                    yield pending.pop(future), error if error is not None else future.result()
        finally:
            pool.shutdown(cancel_futures=True)
