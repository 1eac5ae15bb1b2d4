"""The shape of the house (issue 14), read from the package's sources with ``ast``.

- No module imports a private (underscore) name of another module: not with ``from m import
  _name``, not as ``module._name`` through a module it imported, and not from a private
  module. Dunder names (``__version__``) are public.
- ``layout/writers/`` imports only the model, the role and kind table (``layout.roles``), the
  writer table and its own modules (``layout.writers``), lxml and the standard library. Two
  more are allowed, on purpose: ``layout.errors``, the one exception hierarchy every layer
  raises (an unknown format is a ``UsageError``, an invalid file a ``FormatError``), and the
  package root for ``__version__`` alone (a writer names its producer; the root is imported
  before any of its subpackages anyway).
- No module is over ``MAX_LINES`` lines, except ``layout/evaluate.py``.
- No module imports a name it never uses (dead code a move leaves behind), but for a name it
  re-exports on purpose: listed in ``__all__``, or on an import line marked ``noqa: F401``.
  A package's ``__init__.py`` is its public face and may import for others.

Each test lists every offending line, so a failure says what to fix.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "layout"
MAX_LINES = 400
LONG_ALLOWED = {"layout/evaluate.py"}
WRITERS_MAY_IMPORT = {"layout.model", "layout.roles", "layout.errors", "lxml"}


@dataclass(frozen=True)
class Import:
    """One imported name: the module it comes from (absolute), the name (None for ``import m``)
    and where the import is."""

    where: str
    line: int
    module: str
    name: str | None


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _absolute(node: ast.ImportFrom, path: Path) -> str:
    """The absolute module a ``from ... import`` reads from."""
    if not node.level:
        return node.module or ""
    base = _module_name(path).split(".")
    if not _is_package(path):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _is_module(dotted: str) -> bool:
    """Whether ``dotted`` names a module or package of ``layout``."""
    if not dotted.startswith("layout"):
        return False
    relative = Path(*dotted.split("."))
    return ((PACKAGE.parent / relative).with_suffix(".py").exists()
            or (PACKAGE.parent / relative / "__init__.py").exists())


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _where(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def _tree(path: Path, text: str | None) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8") if text is None else text, str(path))


def imports(path: Path, text: str | None = None) -> Iterator[Import]:
    """Every name the module at ``path`` imports, at any depth (imports inside functions too);
    ``text``: its source, if not the file's."""
    tree = _tree(path, text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(_where(path), node.lineno, alias.name, None)
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            module = _absolute(node, path)
            for alias in node.names:
                yield Import(_where(path), node.lineno, module, alias.name)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_imports(path: Path, text: str | None = None) -> Iterator[str]:
    """Every private name the module at ``path`` takes from another module, as
    ``file:line: what``; ``text``: its source, if not the file's."""
    tree = _tree(path, text)
    own = _module_name(path)
    modules: dict[str, str] = {}    # local name -> the layout module it is bound to
    for imp in imports(path, text):
        if any(_private(part) for part in imp.module.split(".")) and imp.module != own:
            yield f"{imp.where}:{imp.line}: imports from the private module {imp.module}"
        if imp.name is None:
            if _is_module(imp.module):
                modules[imp.module.split(".")[0]] = imp.module.split(".")[0]
            continue
        full = f"{imp.module}.{imp.name}"
        if _private(imp.name):
            yield f"{imp.where}:{imp.line}: imports {imp.name} from {imp.module}"
        elif _is_module(full):
            modules[imp.name] = full
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and _private(node.attr)
                and isinstance(node.value, ast.Name) and node.value.id in modules):
            yield (f"{_where(path)}:{node.lineno}: uses {node.value.id}.{node.attr} "
                   f"of {modules[node.value.id]}")


def _stdlib(module: str) -> bool:
    return module.split(".")[0] in sys.stdlib_module_names


def writer_import_allowed(imp: Import) -> bool:
    """What a module of ``layout/writers/`` may import (see the module docstring)."""
    if _stdlib(imp.module) or imp.module == "layout.writers" \
            or imp.module.startswith("layout.writers."):
        return True
    if imp.module == "layout":
        return imp.name == "__version__"
    return any(imp.module == m or imp.module.startswith(m + ".") for m in WRITERS_MAY_IMPORT)


def _names_in_strings(tree: ast.Module) -> set[str]:
    """The names read in the module's string constants that parse as expressions: quoted
    annotations ("TextStyle") and ``__all__``'s entries."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                expr = ast.parse(node.value.strip(), mode="eval")
            except SyntaxError:
                continue
            names |= {n.id for n in ast.walk(expr) if isinstance(n, ast.Name)}
    return names


def unused_imports(path: Path, text: str | None = None) -> Iterator[str]:
    """Every name the module at ``path`` imports and never reads, as ``file:line: name``
    (see the module's notes); ``text``: its source, if not the file's."""
    if _is_package(path):
        return
    source = path.read_text(encoding="utf-8") if text is None else text
    tree, lines = _tree(path, source), source.splitlines()
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | _names_in_strings(tree)
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or "noqa: F401" in lines[node.lineno - 1] \
                or isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        for alias in node.names:
            name = (alias.asname or alias.name).split(".")[0]
            if name not in read:
                yield f"{_where(path)}:{node.lineno}: {name}"


def too_long() -> list[str]:
    out = []
    for path in sources():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and _where(path) not in LONG_ALLOWED:
            out.append(f"{_where(path)}: {lines} lines")
    return out


# --- the checks themselves ------------------------------------------------------------------


def test_the_checks_find_what_they_look_for() -> None:
    """The parsing is right: on made-up source placed (not written) in ``layout/writers/``,
    each kind of violation is seen and the allowed imports are not."""
    probe = PACKAGE / "writers" / "probe.py"
    text = ("from ..analysis.lines import _ROW_TOLERANCE, build_lines\n"
            "from ..analysis import lines\n"
            "from .. import __version__\n"
            "from ..model import Box\n"
            "from .html import TextFile\n"
            "import numpy, re\n"
            "x = lines._SAME_SIZE\n")
    found = list(private_imports(probe, text))
    assert len(found) == 2
    assert any("_ROW_TOLERANCE from layout.analysis.lines" in f for f in found)
    assert any("lines._SAME_SIZE of layout.analysis.lines" in f for f in found)
    refused = {(i.module, i.name) for i in imports(probe, text) if not writer_import_allowed(i)}
    assert refused == {("layout.analysis.lines", "_ROW_TOLERANCE"),
                       ("layout.analysis.lines", "build_lines"),
                       ("layout.analysis", "lines"), ("numpy", None)}
    # of these, Box, TextFile and re are never read; the rest are, one only as a quoted annotation
    used = text + "def f(v: 'build_lines') -> None:\n    return numpy, __version__, _ROW_TOLERANCE\n"
    assert [f.split(": ")[1] for f in unused_imports(probe, used)] == ["Box", "TextFile", "re"]


# --- the house -------------------------------------------------------------------------------


def test_no_module_imports_a_private_name_of_another() -> None:
    found = [f for path in sources() for f in private_imports(path)]
    assert not found, "private names imported:\n" + "\n".join(found)


def test_writers_import_only_the_model_the_tables_lxml_and_the_standard_library() -> None:
    found = [f"{i.where}:{i.line}: {i.module}" + (f" ({i.name})" if i.name else "")
             for path in sorted((PACKAGE / "writers").rglob("*.py"))
             for i in imports(path) if not writer_import_allowed(i)]
    assert not found, "writers/ imports beyond its layer:\n" + "\n".join(found)


def test_no_module_imports_a_name_it_never_uses() -> None:
    found = [f for path in sources() for f in unused_imports(path)]
    assert not found, "names imported and never used:\n" + "\n".join(found)


def test_no_module_is_over_400_lines_but_evaluate() -> None:
    found = too_long()
    assert not found, f"modules over {MAX_LINES} lines:\n" + "\n".join(found)
