"""PyMuPDF, imported without the extras that PyMuPDF 2 loads whenever they are installed.

``import pymupdf`` (2.x) also imports ``pymupdf.layout`` (an ONNX layout model) and
``pymupdf4llm`` (which imports onnxruntime) when those packages are present, as they are
where pymupdf4llm is installed: two seconds of start-up and a hundred megabytes that we never
use. While PyMuPDF is first imported here, both are marked as absent, so those imports fail
quietly as they do where the packages are not installed; the marks are taken away at once, so
a program that wants them can still import them itself (PyMuPDF's own shortcuts to
pymupdf4llm then stay off in this process).
"""

from __future__ import annotations

import sys

_EXTRAS = ("pymupdf.layout", "pymupdf4llm")

if "pymupdf" not in sys.modules:
    _marked = [name for name in _EXTRAS if name not in sys.modules]
    for name in _marked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import pymupdf
    finally:
        for name in _marked:
            del sys.modules[name]
else:
    import pymupdf

__all__ = ["pymupdf"]
