"""PyMuPDF, imported without the extras that PyMuPDF 2 loads whenever they are installed.

``import pymupdf`` (2.x) also imports ``pymupdf.layout`` (an ONNX layout model) and
``pymupdf4llm`` (which imports onnxruntime) when those packages are present, as they are
where pymupdf4llm is installed: two seconds of start-up and a hundred megabytes that we never
use. While PyMuPDF is first imported here, both are marked as absent, so those imports fail
quietly as they do where the packages are not installed; the marks are taken away at once, so
a program that wants them can still import them itself (PyMuPDF's own shortcuts to
pymupdf4llm then stay off in this process).

pymupdf4llm, once imported (by the host program, or by a plain ``import pymupdf`` made before
ours), also turns PyMuPDF's quad corrections off for the whole process: character boxes then
get other heights in the fonts PyMuPDF corrects (Latin Modern, the base-14 fonts), and pages
come out otherwise. ``corrected_quads`` holds them on while a page's text is read.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

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



@contextmanager
def corrected_quads() -> Iterator[None]:
    """PyMuPDF's quad corrections on while the block runs, as they are by default (the boxes
    our thresholds were measured on), whatever the process set; its setting back after."""
    off = pymupdf.TOOLS.unset_quad_corrections()
    if off:
        pymupdf.TOOLS.unset_quad_corrections(False)
    try:
        yield
    finally:
        if off:
            pymupdf.TOOLS.unset_quad_corrections(True)


__all__ = ["corrected_quads", "pymupdf"]
