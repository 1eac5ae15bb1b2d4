"""Tesseract OCR, in process through tesserocr: a page image → ``Word`` values.

Why tesserocr and not pytesseract: it calls libtesseract directly, so a page is not written to
a temporary file and read back as TSV by a new ``tesseract`` process, the model is loaded once
per process rather than once per page, and the result iterator gives what TSV lacks: the row
height Tesseract fitted to each line and each block's writing direction.

What is read, and why:

- Words are Tesseract's words with their boxes and confidences (0-100 scaled to [0, 1]);
  ``source_line`` numbers Tesseract's text lines on the page (its block/paragraph/line ids).
- Boxes: the word's ink extent along the line, and its row's extent across it, the same for
  every word of the line (``_on_row``; a vertical line's width).
- Size: the line's row height (x-height plus ascenders and descenders), which Tesseract fits
  to the baseline and is steadier than a box, evened out as for the OCR XML readers
  (``ocr.sizes_from_heights``): heights near the page's typical one are taken to be it, and
  so are rows fitted far taller than it whose words are no taller than usual (``_steady``).
- Direction: words of a block Tesseract reads top to bottom (vertical CJK, ``jpn_vert``,
  ``chi_tra_vert``) are vertical; their size is the line's width.
- Models: the Debian packages' traineddata (``tesseract-ocr-LANG``), found where they install
  them, or under ``TESSDATA_PREFIX``; nothing is fetched at run time. A missing language is a
  ``UsageError`` naming the package to install.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from statistics import median
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import UsageError
from ..model import Box, Word
from .ocr import sizes_from_heights

# A row fitted this many times the page's usual size is suspect; its words' median height
# within this much of the usual word height says the type is the usual size.
_STRETCHED = 1.25
_INK_SLACK = 1.1
_TESSDATA = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
             "/usr/share/tessdata")


def debian_package(lang: str) -> str:
    """The Debian package with Tesseract's model for ``lang``: chi_sim → tesseract-ocr-chi-sim."""
    if lang.startswith("script/"):
        return "tesseract-ocr-script-" + lang.split("/", 1)[1].lower()[:4]
    return "tesseract-ocr-" + lang.lower().replace("_", "-")


def tessdata(lang: str) -> str:
    """The folder holding every model ``lang`` (``chi_sim+eng``) needs; UsageError if one lacks."""
    parts = [p for p in lang.split("+") if p]
    if not parts:
        raise UsageError(f"no OCR language given in {lang!r}; use e.g. eng or chi_sim+eng")
    prefix = os.environ.get("TESSDATA_PREFIX")
    folders = ([prefix, str(Path(prefix) / "tessdata")] if prefix else []) + list(_TESSDATA)
    for folder in folders:
        if all((Path(folder) / f"{p}.traineddata").is_file() for p in parts):
            return folder
    missing = [p for p in parts
               if not any((Path(f) / f"{p}.traineddata").is_file() for f in folders)]
    if not missing:
        raise UsageError(f"OCR languages {lang!r} are installed in different folders; "
                         "set TESSDATA_PREFIX to one folder holding them all")
    packages = " ".join(debian_package(p) for p in missing)
    raise UsageError(f"OCR language {'+'.join(missing)} is not installed "
                     f"(apt-get install {packages}, or set TESSDATA_PREFIX)")


@lru_cache(maxsize=2)
def _engine(lang: str):
    """A Tesseract instance with ``lang`` loaded, kept for the process (loading costs ~0.5 s)."""
    import tesserocr

    return tesserocr.PyTessBaseAPI(path=tessdata(lang), lang=lang)


def _on_row(box: Box, baseline: tuple[tuple[int, int], tuple[int, int]], height: float,
            descenders: float) -> Box:
    """The word's box made as high as its row, level with the row's middle.

    From the descender line under the middle of the baseline up ``height``. OCR boxes hug the
    ink, so "war" and "Willens" of one line would sit at different heights; and a line still
    sloping after the deskew (a warped page, a column skewed unlike the others) drifts by a
    third of a line over a column. Either way the lines stage could cut one line into two
    rows. A PDF's spans, which the stages were made for, are all as high as their font.
    """
    (_, y1), (_, y2) = baseline
    bottom = (y1 + y2) / 2 - descenders  # descenders are negative: below the baseline
    return Box(box.x0, bottom - height, box.x1, bottom)


@dataclass(frozen=True)
class Reading:
    """What Tesseract read on an image: its words, and its own plain text of them.

    ``text`` is in Tesseract's reading order (its blocks as it found them), kept for comparing
    with ours; it costs nothing more, being the same recognition.
    """

    words: tuple[Word, ...]
    text: str


def _steady(sizes: list[float], inks: list[list[float]]) -> list[float]:
    """Row sizes, with a row fitted far taller than the page's usual one brought back to it
    when its words are no taller than usual: a stray mark or a skewed baseline stretched the
    fit, not larger type (a body line would otherwise pass for a headline)."""
    if not sizes:
        return sizes
    usual = median(sizes)
    ink = median(median(h) for h in inks if h) if any(inks) else 0.0
    return [usual if size > _STRETCHED * usual and h and median(h) <= _INK_SLACK * ink else size
            for size, h in zip(sizes, inks)]


def read_words(gray: np.ndarray, lang: str, psm: int | None = None) -> Reading:
    """The words Tesseract reads on a greyscale image, boxes in its pixels.

    ``psm`` is Tesseract's page segmentation mode (default: automatic, for a whole page;
    7 reads one line, as when a garbled span of a PDF is read again).
    """
    import tesserocr
    from PIL import Image
    from tesserocr import RIL

    api = _engine(lang)
    api.SetPageSegMode(tesserocr.PSM.AUTO if psm is None else psm)
    api.SetImage(Image.fromarray(gray))
    api.Recognize()
    it = api.GetIterator()
    lines: list[tuple[list[tuple[str, Box, float]], float, bool]] = []
    inks: list[list[float]] = []  # the words' own heights, line by line
    new_line = True  # asked before a word is skipped: an empty first word still starts its line
    for w in tesserocr.iterate_level(it, RIL.WORD) if it is not None else ():
        new_line = new_line or w.IsAtBeginningOf(RIL.TEXTLINE)
        try:
            text = w.GetUTF8Text(RIL.WORD).strip()
        except RuntimeError:  # tesserocr's "No text returned": a word with no characters
            continue
        box = w.BoundingBox(RIL.WORD)
        if not text or box is None:
            continue
        if new_line:
            new_line = False
            vertical = w.Orientation()[1] == tesserocr.WritingDirection.TOP_TO_BOTTOM
            line_box = w.BoundingBox(RIL.TEXTLINE)
            row = {} if vertical else (w.RowAttributes() or {})
            size = (line_box[2] - line_box[0]) if vertical and line_box else row.get("row_height", 0.0)
            if size <= 0:  # no fitted row: the line's box is the next best em
                size = (line_box[3] - line_box[1]) if line_box else box[3] - box[1]
            baseline = None if vertical else w.Baseline(RIL.TEXTLINE)
            lines.append(([], float(size), vertical))
            inks.append([])
        word_box = Box(*(float(v) for v in box))
        inks[-1].append(word_box.width if vertical else word_box.height)
        if baseline and row.get("row_height"):
            word_box = _on_row(word_box, baseline, row["row_height"], row.get("descenders", 0.0))
        elif vertical and line_box:  # a vertical line's words span its width, for the same reason
            word_box = Box(float(line_box[0]), word_box.y0, float(line_box[2]), word_box.y1)
        lines[-1][0].append((text, word_box, w.Confidence(RIL.WORD) / 100))
    sizes = _steady(sizes_from_heights([round(size, 1) for _, size, _ in lines]), inks)
    words = tuple(Word(text, box, "", size, vertical=vertical, confidence=round(conf, 3), source_line=i)
                  for i, ((ws, _, vertical), size) in enumerate(zip(lines, sizes), start=1)
                  for text, box, conf in ws)
    return Reading(words, api.GetUTF8Text() if words else "")
