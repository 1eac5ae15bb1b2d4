"""What a page image shows besides its text: skew, separator rules, box frames and photos.

Pure functions on numpy arrays (``uint8`` greyscale, 0 = black ink, 255 = paper), built on
OpenCV's thresholding, morphology and connected components. Sizes are given in units of
``text_size``, the typical height of a text line in pixels (the OCR's body size), so the same
calls work at 150 and at 600 dpi.

Methods, and their known limits:

- Skew: the length-weighted median angle of the text lines, each line's letters closed into
  one blob. Only small skews (``max_angle``, 5 degrees) are looked for: pages turned by 90 or
  180 degrees, and vertical CJK text (its columns are no horizontal lines), are not measured.
- Rules: an opening with a long thin kernel keeps only runs of ink longer than any letter
  stroke; short breaks in a scanned rule are then closed. Rules are thin and at least
  ``_MIN_RULE`` text sizes long.
- Frames: a connected set of rules whose four sides each cover most of its bounding box.
  A frame that touches another rule (a column rule running into it) is one component with it
  and is not recognised as a frame; its sides are still rules.
- Figures: a closing fills the dots of a halftone and the texture of a photo, then an opening
  with a square larger than a text line removes text, which is striped by its line spacing.
  What survives, grown a little, is a figure when large enough; figures closer than
  ``_FIGURE_MERGE`` are parts of one (a line drawing comes out in pieces). Light parts of a
  photo (a sky) are ink-free and may be cut off, light line art (a pen drawing) may be
  missed, and a very large bold headline can survive as a figure (``image.scan_page`` keeps
  a region that the OCR reads as text).
"""

from __future__ import annotations

import cv2
import numpy as np

from ..model import Box, Rule

# Rules: at least this long and at most this thick [text sizes] (thickness: ink area over
# length, so that a rule left a little aslant by straightening a page whose text was skewed
# and whose rules were not keeps its thickness); [share of the length] how far aslant.
_MIN_RULE = 6.0
_MAX_RULE_THICKNESS = 0.4
_MAX_SLANT = 0.02
# Runs of ink shorter than this [text sizes] are letter strokes, not pieces of a rule.
_MIN_RUN = 2.0
# Breaks in a scanned rule shorter than this [text sizes] are closed.
_RULE_BREAK = 0.5
# Frames: both sides at least this long [text sizes]; each side covered to this share.
_MIN_FRAME = 3.0
_FRAME_SIDE = 0.85
# Figures: texture closed up to this size, solid cores at least this wide [text sizes];
# cores closer than _FIGURE_NEAR are one region, kept when at least _MIN_FIGURE on each side;
# regions closer than _FIGURE_MERGE are parts of one figure.
_FIGURE_CLOSE = 0.3
_FIGURE_CORE = 2.0
_FIGURE_NEAR = 1.0
_FIGURE_MERGE = 3.0
_MIN_FIGURE = 4.0
# A rule, frame or figure this close to the image edge [share of the side] is the scanner's
# border or the page edge, not print.
_EDGE = 0.005
# Skew: measured on a copy at most this large [px on the longer side]; letters closer than
# _SKEW_CLOSE letter heights form a line, lines at least _SKEW_LINE letter heights long count.
_SKEW_SIDE = 2500
_SKEW_CLOSE = 1.5
_SKEW_LINE = 8.0
_LEVEL = 0.05


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0, by Otsu's global threshold (``uint8``, same shape)."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def estimate_skew(gray: np.ndarray, max_angle: float = 5.0) -> float:
    """The page's skew in degrees, counter-clockwise positive (OpenCV's convention).

    ``deskew(gray, estimate_skew(gray))`` levels the text lines. Each text line, its letters
    closed into one long thin blob, has an angle (from its second moments); the page's skew is
    their median weighted by length. Lines of every column count alike, which a projection
    profile of the whole page cannot offer when neighbouring columns' baselines are offset.
    A page with no line-like blob within ``max_angle`` has no skew (0.0).
    """
    scale = min(1.0, _SKEW_SIDE / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) \
        if scale < 1.0 else gray
    ink = ink_mask(small)
    letter = text_size_guess(ink) / 1.5
    _, labels, stats, _ = cv2.connectedComponentsWithStats(
        cv2.morphologyEx(ink, cv2.MORPH_CLOSE, _kernel(_SKEW_CLOSE * letter, 1)), connectivity=8)
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    long_thin = (w >= _SKEW_LINE * letter) & (h <= np.tan(np.radians(max_angle)) * w + 3 * letter)
    long_thin[0] = False  # the background
    # second moments of every long thin blob at once: sums of x, y, x², y², xy per label
    ys, xs = np.nonzero(long_thin[labels])
    if not len(xs):
        return 0.0
    flat = labels[ys, xs]
    xs, ys = xs.astype(np.float64), ys.astype(np.float64)
    sums = [np.bincount(flat, weights=v, minlength=len(stats)) for v in (xs, ys, xs * xs, ys * ys, xs * ys)]
    n = np.maximum(stats[:, cv2.CC_STAT_AREA], 1).astype(np.float64)
    mx, my = sums[0] / n, sums[1] / n
    mu20, mu02, mu11 = sums[2] / n - mx * mx, sums[3] / n - my * my, sums[4] / n - mx * my
    angles = -np.degrees(0.5 * np.arctan2(2 * mu11, mu20 - mu02))
    lines = long_thin & (np.abs(angles) <= max_angle)
    if not lines.any():
        return 0.0
    order = np.argsort(angles[lines])
    lengths = w[lines][order].astype(np.float64)
    middle = np.searchsorted(np.cumsum(lengths), lengths.sum() / 2)
    return float(round(angles[lines][order][middle], 3))


def deskew(gray: np.ndarray, angle: float) -> np.ndarray:
    """The image turned by ``-angle`` degrees about its centre, same size, paper-white corners.

    Skews under ``_LEVEL`` degrees are left alone: turning resamples, which blurs a little.
    """
    if abs(angle) < _LEVEL:
        return gray
    h, w = gray.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    white = (255,) * (gray.shape[2] if gray.ndim == 3 else 1)
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=white)


def _kernel(w: float, h: float) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (max(1, round(w)), max(1, round(h))))


def _components(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h) of the 8-connected components of a mask."""
    return [c[:4] for c in _components_with_area(mask)]


def _components_with_area(mask: np.ndarray) -> list[tuple[int, int, int, int, int]]:
    """Bounding boxes (x, y, w, h) and ink areas of the 8-connected components of a mask."""
    _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return [tuple(int(v) for v in s[:5]) for s in stats[1:]]


def _off_edge(x: int, y: int, w: int, h: int, shape: tuple[int, ...]) -> bool:
    """True unless the box touches the image's edge (the scanner's border)."""
    mx, my = _EDGE * shape[1], _EDGE * shape[0]
    return x > mx and y > my and x + w < shape[1] - mx and y + h < shape[0] - my


def find_rules(ink: np.ndarray, text_size: float) -> tuple[list[Rule], list[Box]]:
    """Separator rules and box frames drawn on the page, in pixels.

    A rule that is a side of a frame is reported as the frame only, as the PDF reader does.
    Frames covering most of the page (a border round the whole page) are dropped.
    """
    run, gap = _MIN_RUN * text_size, _RULE_BREAK * text_size
    h_mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, _kernel(run, 1))
    h_mask = cv2.morphologyEx(h_mask, cv2.MORPH_CLOSE, _kernel(gap, 1))
    v_mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, _kernel(1, run))
    v_mask = cv2.morphologyEx(v_mask, cv2.MORPH_CLOSE, _kernel(1, gap))
    frames = _frames(cv2.bitwise_or(h_mask, v_mask), text_size)
    longest, thickest = _MIN_RULE * text_size, max(3.0, _MAX_RULE_THICKNESS * text_size)
    rules = []
    for mask, orientation in ((h_mask, "h"), (v_mask, "v")):
        for x, y, w, h, area in _components_with_area(mask):
            length, across = (w, h) if orientation == "h" else (h, w)
            box = Box(x, y, x + w, y + h)
            if (length >= longest and area <= thickest * length and across <= thickest + _MAX_SLANT * length
                    and _off_edge(x, y, w, h, ink.shape)
                    and not any(_on_border(box, f, thickest) for f in frames)):
                rules.append(Rule(box, orientation))
    return rules, frames


def _frames(lines: np.ndarray, text_size: float) -> list[Box]:
    """Components of the rule mask that are rectangle outlines (see ``_FRAME_SIDE``)."""
    side, page_area = _MIN_FRAME * text_size, lines.shape[0] * lines.shape[1]
    band = max(2, round(_MAX_RULE_THICKNESS * text_size))
    frames = []
    for x, y, w, h in _components(lines):
        if w < side or h < side or w * h > 0.6 * page_area or not _off_edge(x, y, w, h, lines.shape):
            continue
        part = lines[y:y + h, x:x + w] > 0
        covered = (part[:band].any(axis=0).mean(), part[-band:].any(axis=0).mean(),
                   part[:, :band].any(axis=1).mean(), part[:, -band:].any(axis=1).mean())
        if min(covered) >= _FRAME_SIDE:
            frames.append(Box(x, y, x + w, y + h))
    return frames


def _on_border(rule: Box, frame: Box, slack: float) -> bool:
    """True when the rule lies along one side of the frame."""
    inside = (rule.x0 >= frame.x0 - slack and rule.x1 <= frame.x1 + slack
              and rule.y0 >= frame.y0 - slack and rule.y1 <= frame.y1 + slack)
    return inside and (rule.y1 <= frame.y0 + 2 * slack or rule.y0 >= frame.y1 - 2 * slack
                       or rule.x1 <= frame.x0 + 2 * slack or rule.x0 >= frame.x1 - 2 * slack)


def find_figures(gray: np.ndarray, text_size: float) -> list[Box]:
    """Photo and illustration regions, in pixels, largest first (see the module's notes)."""
    ink = ink_mask(gray)
    solid = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, _kernel(_FIGURE_CLOSE * text_size,
                                                            _FIGURE_CLOSE * text_size))
    core = _FIGURE_CORE * text_size
    solid = cv2.morphologyEx(solid, cv2.MORPH_OPEN, _kernel(core, core))
    near = _FIGURE_NEAR * text_size
    grown = cv2.dilate(solid, _kernel(near, near))
    smallest = _MIN_FIGURE * text_size
    boxes = []
    for x, y, w, h in _components(grown):
        # undo the growth, which reached out by half the kernel on every side
        box = Box(x + near / 2, y + near / 2, x + w - near / 2, y + h - near / 2)
        if box.width >= smallest and box.height >= smallest and _off_edge(x, y, w, h, gray.shape):
            boxes.append(box)
    return sorted(_merged(boxes, _FIGURE_MERGE * text_size), key=lambda b: -b.area)


def _merged(boxes: list[Box], gap: float) -> list[Box]:
    """Boxes closer than ``gap`` joined into their union, until no two are that close.

    Parts of one line drawing or of a photo with light areas come out of the morphology as
    separate cores; their union is the figure.
    """
    boxes = list(boxes)
    joined = True
    while joined:
        joined = False
        for i, a in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                b = boxes[j]
                if a.x0 - gap <= b.x1 and b.x0 - gap <= a.x1 and a.y0 - gap <= b.y1 and b.y0 - gap <= a.y1:
                    boxes[i] = a.union(b)
                    del boxes[j]
                    joined = True
                    break
            if joined:
                break
    return boxes


def text_size_guess(ink: np.ndarray) -> float:
    """A text line height [px] when no OCR size is known: 1.5 x the median letter height.

    Letters are the components between 4 px and a twentieth of the page high, at most three
    times as wide as high; with none, a hundredth of the page's shorter side.
    """
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    w, h = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    heights = h[(h >= 4) & (h <= ink.shape[0] / 20) & (w <= 3 * h)]
    return 1.5 * float(np.median(heights)) if len(heights) else min(ink.shape) / 100
