"""Where a file named inside an archive index (METS ``FLocat``, DIDL ``Resource``) lies: one
place that turns an href into a local path, for every reader of issues.

An issue comes from outside, and its hrefs with it: ``../../etc/passwd``, ``/home/x/.ssh/key``,
``file:///etc/shadow`` or a symbolic link inside the issue's folder that points elsewhere must
never make a reader open (or tell whether there is) a file the issue does not hold. So an href
is decoded (``file://`` URLs, percent escapes), joined to the issue's folder (an absolute path
replaces it), its symbolic links and ``..`` are resolved, and the result must lie inside the
folder or one of the ``roots`` the caller allows; else :class:`InputError`, whose message is the
same whether the target exists or not. Nothing is opened here: only names are looked up.

Archives are often made on file systems that ignore case, so when no file has exactly the name
asked for, a name differing in case only is taken, component by component, inside the folder;
the path found is checked again, since a case variant may itself be a link leading out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote

from ..errors import InputError

_FILE_URL = re.compile(r"file://(localhost(?=/))?", re.IGNORECASE)
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]+:", re.IGNORECASE)  # two letters at least: not "C:"


def resolve_inside(folder: Path, href: str, roots: Sequence[Path] = ()) -> Path:
    """The local path ``href`` names, relative to ``folder``; it may not exist.

    ``file://./ALTO/1.xml``, ``file:///abs/1.xml``, ``file://localhost/abs/1.xml``,
    ``ALTO/p%201.xml`` and plain absolute paths are understood. Raises :class:`InputError`
    naming the href when it is no local file (``http:`` and the like) or when it lies outside
    ``folder`` and every one of ``roots`` once its links are resolved.
    """
    name = _local_name(href)
    bases = [base.resolve() for base in (folder, *roots)]
    path = _inside(folder / name, bases, href)
    if path.exists():
        return path
    return _inside(_ignoring_case(path, next(b for b in bases if path.is_relative_to(b))),
                   bases, href)


def _local_name(href: str) -> str:
    """The file name an href gives, decoded; ``InputError`` for a URL of another scheme or a
    name no file system accepts."""
    url = _FILE_URL.match(href)
    if url:
        name = href[url.end():]
    elif _SCHEME.match(href):
        raise InputError(f"href {href!r} is not a local file")
    else:
        name = href
    name = unquote(name)
    if not name or "\x00" in name:
        raise InputError(f"href {href!r} names no file")
    return name


def _inside(path: Path, bases: Sequence[Path], href: str) -> Path:
    """``path`` with its links resolved, when it lies inside one of ``bases``."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as e:  # RuntimeError: a loop of links (before Python 3.13)
        raise InputError(f"href {href!r} cannot be resolved: {e}") from e
    if not any(resolved.is_relative_to(base) for base in bases):
        raise InputError(f"href {href!r} is outside the issue's folder")
    return resolved


def _ignoring_case(path: Path, base: Path) -> Path:
    """``path`` (inside ``base``) with each component below ``base`` that does not exist
    replaced by one differing in case only, when there is one."""
    current = base
    for part in path.relative_to(base).parts:
        if not (current / part).exists() and current.is_dir():
            part = next((c.name for c in current.iterdir() if c.name.lower() == part.lower()),
                        part)
        current = current / part
    return current
