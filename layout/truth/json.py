"""The contract's ground-truth JSON (``docs/contract.md``): one page object, a list of them, or
``{"pages": [...]}``; every field checked, every error naming the file and the entry."""

from __future__ import annotations

import json
import os
from typing import Any

from ..errors import FormatError, InputError
from . import ARTICLE_KINDS, ArticleTruth, PageTruth


def load_json_truth(path: str | os.PathLike[str]) -> list[PageTruth]:
    """Read a contract ground-truth JSON file.

    Raises :class:`InputError` when the file cannot be read and :class:`FormatError` when it is
    not JSON of the contract's shape; both messages name the file.
    """
    data = _read_json(path)
    return [_page_from_json(page, f"{path}, page entry {i + 1}") for i, page in
            enumerate(_page_objects(data, str(path)))]


def _read_json(path: str | os.PathLike[str]) -> Any:
    """Parse the JSON file at ``path``, mapping failures to the library's errors."""
    try:
        with open(path, encoding="utf-8") as stream:
            return json.load(stream)
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path}: ground truth is not UTF-8: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path}: ground truth is not valid JSON: {exc}") from exc
    except RecursionError as exc:  # arrays or objects nested thousands deep: no truth is
        raise FormatError(f"{path}: ground truth nested too deep to be a page") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ground truth: {exc.strerror or exc}") from exc


def _page_objects(data: Any, path: str) -> list[Any]:
    """The page objects of a ground-truth document, whichever of the three shapes it has."""
    if isinstance(data, dict) and "pages" in data:
        data = data["pages"]
        if not isinstance(data, list):
            raise FormatError(f"{path}: 'pages' must be a list")
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list):
        return data
    raise FormatError(f"{path}: ground truth must be a JSON object or list of pages")


def _page_from_json(obj: Any, where: str) -> PageTruth:
    """Build a :class:`PageTruth` from one contract page object."""
    if not isinstance(obj, dict):
        raise FormatError(f"{where}: a page must be a JSON object")
    articles = obj.get("articles", [])
    if not isinstance(articles, list):
        raise FormatError(f"{where}: 'articles' must be a list")
    number = obj.get("page", obj.get("number"))
    if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
        raise FormatError(f"{where}: page number must be an integer, not {number!r}")
    return PageTruth(
        number=number,
        articles=tuple(_article_from_json(a, i, where) for i, a in enumerate(articles)),
        furniture=_strings(obj.get("furniture"), f"{where}: 'furniture'"),
        source=_optional_str(obj, "source", where),
    )


def _article_from_json(obj: Any, index: int, page_where: str) -> ArticleTruth:
    """Build an :class:`ArticleTruth` from one contract article object."""
    where = f"{page_where}, article {index + 1}"
    if not isinstance(obj, dict):
        raise FormatError(f"{where}: an article must be a JSON object")
    kind = obj.get("kind", "story")
    if kind not in ARTICLE_KINDS:
        raise FormatError(f"{where}: unknown kind {kind!r} (expected one of "
                          f"{', '.join(sorted(ARTICLE_KINDS))})")
    caption = obj.get("caption")
    return ArticleTruth(
        id=str(obj.get("id", f"a{index + 1}")),
        kind=kind,
        text=_strings(obj.get("text"), f"{where}: 'text'"),
        headline=_optional_str(obj, "headline", where),
        kicker=_optional_str(obj, "kicker", where),
        deck=_optional_str(obj, "deck", where),
        byline=_optional_str(obj, "byline", where),
        captions=(caption,) if isinstance(caption, str) else _strings(caption,
                                                                      f"{where}: 'caption'"),
        parent=_optional_str(obj, "parent", where),
    )


def _optional_str(obj: dict[str, Any], key: str, where: str) -> str | None:
    """``obj[key]`` when it is a string, ``None`` when absent or null, else a FormatError."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise FormatError(f"{where}: {key!r} must be a string, not {type(value).__name__}")


def _strings(value: Any, where: str) -> tuple[str, ...]:
    """A list of strings as a tuple (null or absent as empty), else a FormatError."""
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise FormatError(f"{where} must be a list of strings")
