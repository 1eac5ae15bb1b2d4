"""Progress bars on stderr (tqdm): the batch's (pages done, pages per second and an ETA), and
one input's pages (``page_bar``, for ``convert``)."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..pagepool import Progress

if TYPE_CHECKING:  # isolate brings multiprocessing, which a one-file conversion does not need
    from .isolate import Task


class ProgressBar:
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

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc) -> None:
        self._tqdm.close()


@contextlib.contextmanager
def page_bar(name: str) -> Iterator[Progress | None]:
    """A page progress callback for one input's reader: a tqdm bar on stderr when it is a
    terminal; None otherwise, without importing tqdm (which imports ``importlib.metadata`` to
    learn its own version: a tenth of a second)."""
    if not (sys.stderr and sys.stderr.isatty()):
        yield None
        return
    from tqdm import tqdm

    with tqdm(desc=name, unit="page", disable=None, leave=False) as bar:
        def update(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)
        yield update
