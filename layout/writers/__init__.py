"""Writers: one module per output format, and the one table that lists them (``FORMATS``).

Every writer takes pages one at a time, so a document of any length is written with the memory
of one page:

- A *text* format (html, json, text, markdown) is one file per input. Its module has a class
  ``TextFile(source, lang)`` whose ``page(page)`` returns the bytes of one page (with whatever
  comes before it) and ``end()`` the rest; ``lang`` None: the writer finds it in the pages.
- A *files* format (alto, page, mets) writes several files per input. Its module has a class
  ``PageFiles(stem, source)`` whose ``page(layout)`` returns the files of one page and ``end()``
  those that need every page (the METS file), each ``{file name: bytes}`` relative to the output
  folder, each checked against its official schema (``validate.py``).

Adding a format is one entry here and one module.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from ..errors import UsageError
from ..model import Document, Layout, PageFailure

Page = Layout | PageFailure


class TextFile(Protocol):
    """A text format's writer for one input: its bytes page by page, then the end."""

    def page(self, page: Page) -> bytes: ...

    def end(self) -> bytes: ...


class JoinedPages:
    """A text file that is its pages' texts joined by ``separator``, ending in a newline; the
    source's name and language are not part of it. Subclasses give ``render(page) -> str``."""

    separator = ""

    def __init__(self, source: str, lang: str | None) -> None:
        self.pages = 0

    def render(self, page: Page) -> str:
        raise NotImplementedError

    def page(self, page: Page) -> bytes:
        self.pages += 1
        return ((self.separator if self.pages > 1 else "") + self.render(page)).encode("utf-8")

    def end(self) -> bytes:
        return b"\n"


class PageFiles(Protocol):
    """A files format's writer for one input: files per page, then the files of the whole."""

    def page(self, layout: Layout) -> dict[str, bytes]: ...

    def end(self) -> dict[str, bytes]: ...


@dataclass(frozen=True)
class Format:
    """An output format: its name, the extension of its file, its kind and its module.

    ``includes``: formats whose files this one writes too (METS writes the ALTO files it lists),
    so asking for both builds them once.
    """

    name: str
    extension: str
    kind: Literal["text", "files"]
    module: str
    summary: str
    includes: tuple[str, ...] = ()

    def _module(self):
        return importlib.import_module(f"{__name__}.{self.module}")

    def open(self, source: str, lang: str | None = None) -> TextFile:
        """A text format's writer for one input; ``lang`` None: found in the pages."""
        if self.kind != "text":
            raise UsageError(f"format {self.name!r} writes several files (one per page), not "
                             f"one; choose one of {', '.join(text_formats())} here")
        return self._module().TextFile(source, lang)

    def write(self, doc: Document) -> str:
        """A whole document in a text format."""
        out = self.open(doc.source, doc.lang)
        return b"".join([*map(out.page, doc.pages), out.end()]).decode("utf-8")

    def files(self, stem: str, source: str) -> PageFiles:
        """A files format's writer for one input, its files named after ``stem``."""
        if self.kind != "files":
            raise UsageError(f"format {self.name!r} writes one file, not one per page")
        return self._module().PageFiles(stem, source)

    def write_files(self, doc: Document, stem: str) -> dict[str, bytes]:
        """A whole document in a files format: every file, by name."""
        writer = self.files(stem, doc.source)
        out: dict[str, bytes] = {}
        for p in doc.pages:
            if isinstance(p, Layout):
                out.update(writer.page(p))
        out.update(writer.end())
        return out


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("html", ".html", "text", "html", "the contract's HTML: stories in reading order"),
    Format("json", ".json", "text", "json", "the same content for programs"),
    Format("text", ".txt", "text", "text", "plain text, stories in reading order"),
    Format("markdown", ".md", "text", "markdown", "Markdown"),
    Format("alto", ".alto.xml", "files", "alto", "ALTO 4.4, one file per page"),
    Format("page", ".page.xml", "files", "pagexml", "PAGE-XML 2019, one file per page"),
    Format("mets", ".mets.xml", "files", "mets", "METS with one ALTO file per page",
           includes=("alto",)),
)}


def format_named(name: str) -> Format:
    """The format called ``name``; a ``UsageError`` listing the formats otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}") from None


def text_formats() -> list[str]:
    """The names of the formats that write one file per input."""
    return [f.name for f in FORMATS.values() if f.kind == "text"]


def format_of_extension(path: str) -> Format | None:
    """The text format whose extension ``path`` ends with (any case), if any."""
    lower = path.lower()
    return next((f for f in FORMATS.values() if f.kind == "text" and lower.endswith(f.extension)),
                None)


def formats_to_build(names: Iterable[str]) -> list[Format]:
    """The formats asked for, checked, without those another one asked for writes too."""
    asked = [format_named(n) for n in dict.fromkeys(names)]
    covered = {i for f in asked for i in f.includes}
    return [f for f in asked if f.name not in covered]
