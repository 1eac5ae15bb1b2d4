"""Scanned pages: image files read by OCR, and the step that reads any page image.

``scan_page`` is that step, shared with image-only PDF pages (``textlayer.py``): the skew is
measured and corrected, Tesseract reads the words of the straightened image, then rules,
frames and figures are found in its pixels (``pixels.py``). Coordinates are pixels of the
*straightened* image, which ``render`` and ``save_image`` show, so boxes and pictures agree.

Text that the OCR finds inside a photo is dropped: a photo's texture reads as garbage words,
and a headline printed over a photo is rarely read well; the photo stays a figure. A region
that the OCR reads as confident words over a third of its area is text (a reverse-video box,
a heavy headline), not a photo, and is kept as text.

A word the OCR reads across a vertical rule (the rule's ink taken for a letter, "lang]." or
"| ſchen", and a mark of the next column with it) is cut back to its side of the rule, the
side holding most of it: its box would bridge the gutter, and the stages would join the lines
of the two columns beside it into one (``_clear_of_rules``).

Image files: PNG, JPEG, TIFF (every frame of a multi-page TIFF is a page) and JPEG 2000,
through Pillow. 1-bit, 16-bit, palette, CMYK and alpha images are turned into 8-bit grey.
Images over Pillow's decompression-bomb limit (``2 x PIL.Image.MAX_IMAGE_PIXELS``, 179 Mpx
by default: a broadsheet page scanned at 600 dpi is about 140 Mpx) are refused; between the
limit and half of it Pillow's warning is silenced, as those sizes are normal for page scans
(so are its warnings of odd metadata: what makes an image unreadable raises).
"""

from __future__ import annotations

import io
import time
import warnings
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import median

import numpy as np
from PIL import Image, UnidentifiedImageError

from ..batch.atomic import atomic_file
from ..errors import InputError, PageError, UsageError
from ..geometry import center_inside
from ..model import Box, Figure, PageContent, Word
from .pixels import deskew, estimate_skew, find_figures, find_rules, ink_mask, text_size_guess
from .tesseract import read_words, tessdata

DEFAULT_LANG = "eng"
# A figure is text when confident OCR words cover this share of it.
_TEXT_IN_FIGURE = 0.33
_CONFIDENT = 0.7
# [em of the word] a word reaching this far at most past a vertical rule on its smaller side
# holds the rule's ink read as a letter, and a mark or two of the column beyond: more, on
# both sides, is a word the rule was wrongly found through, left as it is
_OVER_RULE = 1.5


@dataclass(frozen=True)
class Scan:
    """What ``scan_page`` read.

    ``skew``: the skew corrected [degrees, counter-clockwise]; ``ocr_text``: Tesseract's own
    plain text of the page; ``ocr_seconds``: the CPU time Tesseract took (process time, which
other programs on a shared machine do not inflate).
    """

    content: PageContent
    skew: float
    ocr_text: str
    ocr_seconds: float


def scan_page(gray: np.ndarray, number: int, lang: str) -> Scan:
    """A greyscale page image → its words, rules, frames and figures, in pixels."""
    skew = estimate_skew(gray)
    straight = deskew(gray, skew)
    start = time.process_time()
    reading = read_words(straight, lang)
    ocr_seconds = time.process_time() - start
    words = reading.words
    size = (median(w.size for w in words for _ in w.text) if words
            else text_size_guess(ink_mask(straight)))
    rules, frames = find_rules(ink_mask(straight), size)
    words = _clear_of_rules(words, [r.box for r in rules if r.orientation == "v"])
    figures = [f for f in find_figures(straight, size) if not _mostly_text(f, words)]

    def in_figure(box: Box) -> bool:
        return any(center_inside(f, box) for f in figures)

    h, w = straight.shape
    content = PageContent(
        number, float(w), float(h), "px",
        tuple(wd for wd in words if not in_figure(wd.box)),
        tuple(Figure(f, image=number) for f in figures),
        tuple(r for r in rules if not in_figure(r.box)),
        tuple(f for f in frames if not in_figure(f)))
    return Scan(content, skew, reading.text, ocr_seconds)


def _clear_of_rules(words: tuple[Word, ...], rules: list[Box]) -> tuple[Word, ...]:
    """``words``, each read over a vertical rule's middle (the rule runs past the word's middle
    height) cut back at that middle to the side holding most of it, when its ink past the
    rule's far edge reaches no more than ``_OVER_RULE`` of its size: the rule's ink and a
    stray mark, which the stages would take for a word bridging the gutter. The rules are
    sorted by their middles, and each word asks only those inside its width (bisection)."""
    rules = sorted(rules, key=lambda r: r.cx)
    middles = [r.cx for r in rules]

    def cleared(word: Word) -> Word:
        b = word.box
        for r in rules[bisect_right(middles, b.x0):bisect_left(middles, b.x1)]:
            if b.x0 < r.cx < b.x1 and r.y0 <= b.cy <= r.y1 \
                    and min(r.x0 - b.x0, b.x1 - r.x1) <= _OVER_RULE * word.size:
                b = Box(b.x0, b.y0, r.cx, b.y1) if r.cx - b.x0 >= b.x1 - r.cx else Box(r.cx, b.y0, b.x1, b.y1)
        return word if b is word.box else replace(word, box=b)

    return tuple(map(cleared, words)) if rules else words


def _mostly_text(figure: Box, words: tuple[Word, ...]) -> bool:
    covered = sum(w.box.area for w in words
                  if (w.confidence or 0) >= _CONFIDENT and center_inside(figure, w.box))
    return covered >= _TEXT_IN_FIGURE * figure.area


def to_gray(image: Image.Image) -> np.ndarray:
    """Any Pillow image as 8-bit grey: 16-bit and float stretched to 0-255, alpha on white."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        values = np.asarray(image, dtype=np.float64)
        lo, hi = float(values.min()), float(values.max())
        return np.zeros(values.shape, np.uint8) if hi <= lo else \
            np.round((values - lo) * (255 / (hi - lo))).astype(np.uint8)
    if "A" in image.mode or image.mode == "P" and "transparency" in image.info:
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image.convert("RGBA"))
    if image.mode == "CMYK":
        image = image.convert("RGB")
    return np.asarray(image.convert("L"))


class ImageSource:
    """An image file; each frame a page, read by OCR in ``lang`` (Tesseract's language codes)."""

    def __init__(self, path: Path, lang: str | None = None) -> None:
        self.name = path.name
        self.path = path
        self.lang = lang or DEFAULT_LANG
        self.skews: dict[int, float] = {}  # page → skew corrected [degrees], once read
        self._last_straight: tuple[int, Image.Image] | None = None  # figures crop one page
        try:
            with warnings.catch_warnings():  # Pillow warns of odd metadata; what matters raises
                warnings.simplefilter("ignore")
                self._image = Image.open(path)
        except Image.DecompressionBombError as e:
            raise InputError(f"{path}: image too large to read safely ({e})") from e
        except (UnidentifiedImageError, OSError, ValueError) as e:
            raise InputError(f"{path}: damaged or unsupported image ({e})") from e
        self.page_count = getattr(self._image, "n_frames", 1)

    def with_ocr(self, ocr: str, lang: str | None) -> ImageSource:
        """This file read in ``lang``; an image has no text layer, so ``never`` is refused."""
        if ocr == "never":
            raise UsageError(f"{self.path}: an image has no text to read without OCR "
                             "(use --ocr auto or always)")
        lang = lang or self.lang
        tessdata(lang)
        if lang == self.lang:
            return self
        self.close()
        return ImageSource(self.path, lang)

    def _pixels(self, number: int) -> Image.Image:
        """Frame ``number`` (1-based), decoded; PageError when it cannot be."""
        if not 1 <= number <= self.page_count:
            raise PageError(f"{self.path}: page {number}: no such page (the file has {self.page_count})")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._image.seek(number - 1)
                frame = self._image.copy()  # decodes; a truncated file fails here
        except (OSError, EOFError, ValueError, SyntaxError) as e:
            raise PageError(f"{self.path}: page {number}: image cannot be decoded ({e})") from e
        if frame.width < 8 or frame.height < 8:
            raise PageError(f"{self.path}: page {number}: image too small ({frame.width}x{frame.height} px)")
        return frame

    def page(self, number: int) -> PageContent:
        """Read page ``number`` (1-based) by OCR."""
        scan = scan_page(to_gray(self._pixels(number)), number, self.lang)
        self.skews[number] = scan.skew
        return scan.content

    def _straight(self, number: int) -> Image.Image:
        """The page turned straight, kept for the next call: each figure of a page crops it."""
        if self._last_straight is not None and self._last_straight[0] == number:
            return self._last_straight[1]
        frame = self._pixels(number)
        frame = frame if frame.mode in ("L", "RGB") else Image.fromarray(to_gray(frame))
        skew = self.skews.get(number)
        if skew is None:
            skew = self.skews[number] = estimate_skew(to_gray(frame))
        straight = Image.fromarray(deskew(np.asarray(frame), skew))
        self._last_straight = (number, straight)
        return straight

    def render(self, number: int, dpi: float) -> bytes | None:
        """The straightened page as PNG, at the scan's own resolution (``dpi`` is ignored)."""
        out = io.BytesIO()
        self._straight(number).save(out, format="PNG")
        return out.getvalue()

    def save_image(self, figure: Figure, stem: Path) -> Path | None:
        """The figure's region of the straightened page, as PNG."""
        if not isinstance(figure.image, int):
            return None
        box = figure.box
        crop = self._straight(figure.image).crop((int(box.x0), int(box.y0), int(box.x1 + 0.5), int(box.y1 + 0.5)))
        path = stem.with_suffix(".png")
        with atomic_file(path) as f:
            crop.save(f, format="PNG")
        return path

    def close(self) -> None:
        self._image.close()


def scaled(content: PageContent, factor: float, unit: str) -> PageContent:
    """The page in another ``unit``: every coordinate and size multiplied by ``factor``."""
    def box(b: Box) -> Box:
        return Box(b.x0 * factor, b.y0 * factor, b.x1 * factor, b.y1 * factor)

    return replace(content, width=content.width * factor, height=content.height * factor, unit=unit,
                   words=tuple(replace(w, box=box(w.box), size=round(w.size * factor, 2))
                               for w in content.words),
                   figures=tuple(replace(f, box=box(f.box)) for f in content.figures),
                   rules=tuple(replace(r, box=box(r.box)) for r in content.rules),
                   frames=tuple(box(f) for f in content.frames))
