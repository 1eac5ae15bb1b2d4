"""The batch report, ``OUT/newslayout-report.jsonl``, and resuming from it.

One JSON line per input and run, written by the batch's parent process alone, flushed and
synced before the next, so a killed batch loses no line but the one being written. A re-run
skips an input that an earlier line records ok or partial in the same formats, whose content
is unchanged (same size and BLAKE2 digest: a file replaced by other bytes of the same size is
converted again) and whose outputs are all still there as non-empty files (see ``still_done``
for a batch killed before its line was written); everything else is converted again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

REPORT_NAME = "newslayout-report.jsonl"
DONE = ("ok", "partial")
_CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    """The BLAKE2b digest of a file's content (hex), read a megabyte at a time."""
    h = hashlib.blake2b(digest_size=20)
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class Earlier:
    """What a report line says of an input converted before."""

    size: int
    digest: str
    formats: tuple[str, ...]
    outputs: tuple[str, ...]


class Report:
    """The JSON-lines report of an output folder, locked for this batch.

    ``done``: each input recorded ok or partial → what was recorded of it. An exclusive lock
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
        self.done: dict[str, Earlier] = {}
        last = ""
        for last in self._file:
            # A line torn by a crash, or of an older version, is read as not done.
            with contextlib.suppress(ValueError, KeyError, TypeError, AttributeError):
                r = json.loads(last)
                if r["status"] in DONE:
                    self.done[r["input"]] = Earlier(int(r["bytes"]), str(r["digest"]),
                                                    tuple(r["formats"]), tuple(r["outputs"]))
                elif r["status"] == "failed":
                    self.done.pop(r["input"], None)
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


def still_done(path: Path, formats: tuple[str, ...], earlier: Earlier | None,
               output_dir: Path, targets: list[Path]) -> list[str] | None:
    """The outputs of an input converted before that needs nothing now, else None.

    Done: recorded done in these formats, its content unchanged (size and digest), and every
    output it wrote still a non-empty file. Or, when a batch was killed between writing a
    file's outputs and its report line: ``targets`` (its one-file outputs, when it has no
    other) all non-empty files written after the input last changed — by its ctime, which no
    copy that keeps modification times can set back.
    """
    try:
        if earlier is not None and set(formats) <= set(earlier.formats):
            if (path.stat().st_size == earlier.size
                    and all(_written(output_dir / o, 0) for o in earlier.outputs)
                    and file_digest(path) == earlier.digest):
                return list(earlier.outputs)
        if targets:
            changed = max(path.stat().st_mtime_ns, path.stat().st_ctime_ns)
            if all(_written(t, changed) for t in targets):
                return [t.relative_to(output_dir).as_posix() for t in targets]
    except OSError:
        pass
    return None


def _written(path: Path, since_ns: int) -> bool:
    """A non-empty regular file last written at ``since_ns`` or after."""
    info = path.stat()
    return stat.S_ISREG(info.st_mode) and info.st_size > 0 and info.st_mtime_ns >= since_ns


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
