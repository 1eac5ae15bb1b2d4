"""Where one input's outputs go: files written atomically, never over an input.

``Outputs`` is shared by ``convert`` and ``batch``: it makes the output folder on the first
file (so a bad input leaves no empty folder), writes every file through ``atomic.atomic_file``,
lists what it wrote, and refuses any target that is one of the inputs (``convert page.pdf -o
page.pdf`` must not destroy the page).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import LayoutError, UsageError
from .atomic import atomic_file


class Unwritable(Exception):
    """An output that cannot be written; the message names the file and the reason."""


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (after links), whether or not it exists yet."""
    with contextlib.suppress(OSError):
        return os.path.samefile(a, b)
    return Path(a).resolve() == Path(b).resolve()


def refuse_inputs(target: Path, inputs: Iterable[Path]) -> None:
    """A ``UsageError`` when ``target`` is one of ``inputs``: an output never replaces an input."""
    for src in inputs:
        if same_file(target, src):
            raise UsageError(f"{target}: the output would overwrite the input {src}; "
                             "choose another output")


def output_names(inputs: list[Path], by_folder: bool = True) -> dict[Path, str]:
    """The name each input's outputs get: its stem, or, where two inputs share one, its stem
    with as many of its folders' names as tell them apart (``a/page.pdf``, ``b/page.pdf`` →
    ``a-page``, ``b-page``), else its whole name (``page.pdf``, ``page.xml`` → ``page.pdf``,
    ``page.xml``). Without ``by_folder`` (outputs beside their inputs) only inputs of one
    folder can clash."""
    names = {}
    by_stem: dict[str, list[Path]] = {}
    for src in inputs:
        by_stem.setdefault(src.stem, []).append(src)
    for src in inputs:
        folders = src.absolute().parent.parts
        rivals = [o for o in by_stem[src.stem] if o != src
                  and (by_folder or o.absolute().parent == src.absolute().parent)]
        names[src] = src.name if rivals else src.stem
        for k in range(1, len(folders) + 1) if rivals and by_folder else ():
            if all(o.absolute().parent.parts[-k:] != folders[-k:] for o in rivals):
                names[src] = "-".join((*folders[-k:], src.stem))
                break
    return names


class Outputs:
    """One input's output folder: files written atomically, listed in ``written``."""

    def __init__(self, folder: Path, inputs: Iterable[Path] = ()) -> None:
        self.folder = Path(folder)
        self.inputs = tuple(inputs)
        self.written: list[str] = []

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        """A file to write ``folder/name`` into, page by page; it appears complete or not at all."""
        target = self.folder / name
        refuse_inputs(target, self.inputs)
        if not self.written:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise Unwritable(f"{self.folder}: cannot create the output folder: "
                                 f"{e.strerror}") from e
        try:
            with atomic_file(target) as f:
                yield f
        except LayoutError:  # an input's error raised while its output was open: not ours
            raise
        except OSError as e:
            raise Unwritable(f"{target}: cannot write: {e.strerror or e}") from e
        self.written.append(str(target))

    def write(self, name: str, data: bytes) -> None:
        with self.open(name) as f:
            f.write(data)

    def write_all(self, files: dict[str, bytes]) -> None:
        for name, data in files.items():
            self.write(name, data)
