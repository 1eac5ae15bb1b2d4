"""Atomic output files: no reader, crash, kill or full disk ever leaves a partial file.

Every output of every command (``convert``, ``batch``, ``view``, extracted images) is written
here. The bytes go to an unnamed file in the target's folder (Linux ``O_TMPFILE``: a process
killed while writing leaves nothing behind) and are synced; a new target is then linked in
place, an existing one replaced through a hidden temporary name renamed over it, which is
atomic within a folder: the target is either its old self or complete. Where the OS or file
system has no ``O_TMPFILE`` the hidden file is named from the start; it is removed on any
error, and one left by a kill is swept by the next batch (``sweep_temps``). The temporary
name is ``.NAME.<pid>.<n>.newslayout-tmp``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".newslayout-tmp"


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content into; it replaces ``path`` when the block
    ends without an exception, and vanishes otherwise."""
    path = Path(path)
    tmp = f".{path.name}.{os.getpid()}.{time.monotonic_ns()}{TEMP_SUFFIX}"
    folder = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    fd = None
    named = False
    try:
        fd = _open_unnamed(path.parent)
        named = fd is None
        if named:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644, dir_fd=folder)
        with open(fd, "wb", closefd=False) as f:
            yield f
        os.fsync(fd)
        if not named:  # the dir_fd makes this linkat(AT_SYMLINK_FOLLOW): the file, not the link
            try:  # a new target is linked in place at once: no named moment a kill could leave
                os.link(f"/proc/self/fd/{fd}", path.name, dst_dir_fd=folder)
                return
            except FileExistsError:
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


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module's notes)."""
    with atomic_file(path) as f:
        f.write(data)


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


def sweep_temps(folder: Path, stem: str | None = None) -> None:
    """Remove temporary files of ``atomic_file`` left in ``folder`` (of outputs of ``stem``)."""
    prefixes = (f".{stem}.", f".{stem}-p") if stem is not None else (".",)
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in os.scandir(folder):
            if entry.name.endswith(TEMP_SUFFIX) and entry.name.startswith(prefixes):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
