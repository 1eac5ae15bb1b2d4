"""Where one input's outputs go: files written atomically, never over an input.

``targets_of`` and ``output_names`` decide, for ``convert``, where each input's outputs go and
under which name (two inputs with one stem never share one). ``Outputs`` is shared by ``convert`` and ``batch``: it makes the output folder on the first
file (so a bad input leaves no empty folder), writes every file through ``atomic.atomic_file``,
lists what it wrote, and refuses any target that is one of the inputs (``convert page.pdf -o
page.pdf`` must not destroy the page).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import LayoutError, UsageError
from ..writers import FORMATS, Format, format_named, format_of_extension
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


@dataclass(frozen=True)
class Target:
    """Where one input's outputs go (``convert``): a file, stdout (``path`` None), or a folder in which they
    are named after ``name``; ``split``: a METS issue there gets one output per page."""

    path: Path | None
    folder: bool
    name: str
    split: bool = False


def format_for(name: str | None, output: str | None) -> Format:
    """The format named, else the one of the output's extension, else HTML."""
    if name:
        return format_named(name)
    if output and output != "-" and not folder_like(output):
        return format_of_extension(output) or FORMATS["html"]
    return FORMATS["html"]


def folder_like(output: str) -> bool:
    """An output named as a folder: one that exists as a folder, or ends with a slash."""
    return output.endswith(("/", "\\")) or Path(output).is_dir()


def targets_of(out: str | None, inputs: list[Path], fmt: Format) -> list[Target]:
    """The target of each input for the ``-o`` given (None: beside each input; "-": stdout);
    a usage error for what cannot be done at all."""
    several = len(inputs) > 1
    if out == "-":
        if several or fmt.kind != "text":
            raise UsageError("stdout takes one input in a text format (html, json, text, markdown); "
                             "give a folder with -o for more")
        return [Target(None, False, inputs[0].stem)]
    if out is None:  # beside each input, named after it
        names = output_names(inputs, by_folder=False)
        return [Target(src.parent, True, names[src]) for src in inputs]
    names = output_names(inputs)
    if several or folder_like(out) or fmt.name == "mets":
        if not several and not folder_like(out) and out.lower().endswith(".xml"):
            raise UsageError(f"{out}: format mets writes a METS file and an ALTO file per page: "
                             "give a folder with -o (ending in /)")
        return [Target(Path(out), True, names[src], split=True) for src in inputs]
    return [Target(Path(out), False, inputs[0].stem)]


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
