"""When to OCR: ``with_ocr`` gives an opened source the OCR policy ``auto``, ``always`` or ``never``.

Image files can only be read by OCR. A PDF page keeps its text layer unless the policy is
``always`` or the layer is unusable, and then the page is rendered at ``DPI`` and read as a
scan (``image.scan_page``), its coordinates (of the straightened page) turned back into points;
the PDF's own figures, rules and frames are kept where it has any. ``auto`` judges the layer:

- missing: fewer than ``_MIN_CHARS`` characters (an image-only page, a scan without OCR);
- garbage: under half of its characters are letters or digits, or over a quarter are in
  garbled runs. A run is garbled when a font's custom encoding was decoded as the standard
  one: control, private-use, unassigned or replacement characters, or mostly the odd
  characters of Windows-1252's 0x80-0x9F block (``™ › œ Ÿ ˜``) that text seldom holds.

A usable layer with a few garbled runs keeps its text, and each garbled run alone is read
again by OCR from its box (the date and issue number of ``kampo_vertical_ja.pdf``, whose digits
use such a font); a run the OCR cannot read is dropped. The runs are read in the languages
given: ``eng`` reads digits best (``jpn`` reads kampo's 4817 as 4イ81ア). Only the pymupdf engine is wrapped:
``--engine pdfplumber`` reads text layers as they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..analysis.script import count_of
from ..errors import PageError, UsageError
from ..model import Box, Figure, PageContent, Word
from ..options import OCR_MODES
from .mupdf import pymupdf
from .pdf import READ_ERRORS, PdfSource

if TYPE_CHECKING:  # numpy is imported only when a page is rendered for OCR
    import numpy as np

DPI = 300
_MIN_CHARS = 20
_MIN_LETTERS = 0.5
_MAX_GARBLED = 0.25
_ODD = set("ƒˆ‰Š‹ŒŽ˜™š›œžŸ")  # the block less its quotes, daggers and dashes
_ODD_RE = re.compile("[%s]" % "".join(sorted(_ODD)))  # (a scan in C, not a look-up a character)
_BROKEN = {"Cc", "Co", "Cn", "Cs"}
# A garbled run is read again at the resolution that makes its text this high [px]; a page
# with more runs than _MAX_REPAIRS is read whole, which then costs less.
_RUN_HEIGHT = 48
_MAX_REPAIRS = 30
# The most pixels a page is rendered with; larger pages get a lower resolution.
_MAX_RENDER = 100_000_000


def garbled(text: str) -> bool:
    """True when a run of text looks like a font encoding gone wrong (see the module's notes).

    Text that is ``_clean``, most of any page, is not; text printable throughout without a
    replacement character skips the per-character category look-up, and is garbled only for
    the odd characters.
    """
    if _clean(text):
        return False
    if (not text.isprintable() or "\ufffd" in text) and any(
            c == "\ufffd" or unicodedata.category(c) in _BROKEN for c in text if not c.isspace()):
        return True
    chars = [c for c in text if not c.isspace()]
    return bool(chars) and sum(c in _ODD for c in chars) >= 0.5 * len(chars)


def _clean(text: str) -> bool:
    """Whether text is plainly not garbled: printable throughout, so with no control,
    private-use, unassigned or surrogate character (``str.isprintable`` says so in one C
    pass), with no replacement character and none of the odd characters. Text made of such
    runs is such text, so a page's words are asked at once (``_garbled_runs``)."""
    return text.isprintable() and "\ufffd" not in text and (text.isascii() or not _ODD_RE.search(text))


def _garbled_runs(words: tuple[Word, ...]) -> list[Word]:
    """The words that are ``garbled``. A page whose whole text is ``_clean`` has none, and is
    looked at once, not word by word: so is most of any page."""
    if _clean("".join([w.text for w in words])):
        return []
    return [w for w in words if garbled(w.text)]


def usable(words: tuple[Word, ...] | list[Word], bad: list[Word]) -> bool:
    """True when a text layer is present and plausible (see the module's notes); ``bad`` are
    its garbled runs."""
    text = "".join([w.text for w in words])
    # counted in C over the page's text (``count_of``): the characters that are not spaces,
    # and the letters and digits among them
    chars = len(text) - count_of(text, "space")
    if chars < _MIN_CHARS:
        return False
    return (count_of(text, "alnum") >= _MIN_LETTERS * chars
            and sum(len(w.text) for w in bad) <= _MAX_GARBLED * chars)


def with_ocr(source, ocr: str = "auto", lang: str | None = None):
    """``source`` read with the OCR policy ``ocr`` in Tesseract languages ``lang``.

    A language named but not installed is a ``UsageError`` at once; the default language
    (English) is only looked for when a page needs OCR.
    """
    if ocr not in OCR_MODES:
        raise UsageError(f"unknown OCR mode {ocr!r}; choose one of {', '.join(OCR_MODES)}")
    if hasattr(source, "with_ocr"):
        return source.with_ocr(ocr, lang)
    if ocr == "never" or not isinstance(source, PdfSource):
        return source
    if lang or ocr == "always":
        from .tesseract import tessdata
        tessdata(lang or "eng")
    return OcrPdfSource(source, ocr, lang or "eng")


class OcrPdfSource:
    """A PDF whose pages come from their text layer or, where it fails, from OCR."""

    def __init__(self, pdf: PdfSource, ocr: str, lang: str) -> None:
        self._pdf = pdf
        self._doc: pymupdf.Document | None = None  # opened for the first page to render
        self.name, self.path, self.page_count = pdf.name, pdf.path, pdf.page_count
        self.ocr, self.lang = ocr, lang
        self.skews: dict[int, float] = {}  # page → skew corrected [degrees]: ``render`` applies it

    def page(self, number: int) -> PageContent:
        content = self._pdf.page(number)
        bad = _garbled_runs(content.words)
        if self.ocr == "always" or not usable(content.words, bad):
            return self._scanned(number, content)
        if len(bad) > _MAX_REPAIRS:
            return self._scanned(number, content)
        return self._repaired(content, bad) if bad else content

    def _render(self, number: int, dpi: float, clip: Box | None = None) -> np.ndarray:
        if self._doc is None:
            self._doc = pymupdf.open(self.path)
        page = self._doc[number - 1]
        area = (clip.width * clip.height) if clip else page.rect.width * page.rect.height
        dpi = int(min(dpi, 72 * (_MAX_RENDER / max(area, 1.0)) ** 0.5))
        try:
            pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False,
                                  clip=pymupdf.Rect(*clip.as_list(3)) if clip else None)
        except READ_ERRORS as e:
            raise PageError(f"{self.path}: page {number}: cannot be rendered for OCR ({e})") from e
        import numpy as np

        return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.stride)[:, :pix.width]

    def _scanned(self, number: int, content: PageContent) -> PageContent:
        """The page read as a scan; the PDF's own figures, rules and frames win where it has any."""
        from .image import scan_page, scaled

        gray = self._render(number, DPI)
        scan = scan_page(gray, number, self.lang)
        self.skews[number] = scan.skew
        read = scaled(scan.content, content.width / gray.shape[1], "pt")
        return replace(read, width=content.width, height=content.height,
                       figures=content.figures or tuple(Figure(f.box, image=number) for f in read.figures),
                       rules=content.rules or read.rules, frames=content.frames or read.frames)

    def _repaired(self, content: PageContent, bad: list[Word]) -> PageContent:
        """The page with each garbled run read again by OCR from its own box."""
        from .tesseract import read_words

        fixed: dict[int, Word | None] = {}
        for w in bad:
            pad = 0.2 * w.size
            clip = Box(w.box.x0 - pad, w.box.y0 - pad, w.box.x1 + pad, w.box.y1 + pad)
            dpi = min(600.0, max(150.0, 72 * _RUN_HEIGHT / max(w.size, 1.0)))
            found = read_words(self._render(content.number, dpi, clip), self.lang,
                               psm=5 if w.vertical else 7).words
            text = (" " if " " in w.text.strip() else "").join(f.text for f in found)
            fixed[id(w)] = replace(w, text=text, confidence=min(f.confidence for f in found)) \
                if text and not garbled(text) else None
        words = tuple(fixed.get(id(w), w) for w in content.words)
        return replace(content, words=tuple(w for w in words if w is not None))

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        return self._pdf.save_image(figure, stem)

    def render(self, number: int, dpi: float) -> bytes | None:
        """The page as PNG; an OCR'd page straightened as it was read, so that its boxes fit."""
        png = self._pdf.render(number, dpi)
        skew = self.skews.get(number, 0.0)
        if not skew:
            return png
        import numpy as np

        from .pixels import deskew

        pix = pymupdf.Pixmap(png)
        rgb = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.stride)[:, :pix.width * pix.n]
        straight = np.ascontiguousarray(deskew(rgb.reshape(pix.height, pix.width, pix.n), skew))
        return pymupdf.Pixmap(pix.colorspace, pix.width, pix.height, straight.tobytes(), False).tobytes("png")

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
        self._pdf.close()
