"""Overlay view: what we found, drawn over the page it came from, to check at a glance.

:func:`write_view` makes one self-contained HTML file (no external resources, no network). Per
page, the left pane shows the page image (from a source that ``Renders``; a blank canvas of the
page's size otherwise) under an SVG overlay in page units: each story's blocks outlined and
tinted in a colour of its own, a badge with the story's place in reading order (sidebars get
their story's number and a letter), arrows from block to block along its reading path, small
block numbers, captions tied to their figures by a dotted line, page furniture in grey. The
right pane holds the stories as the HTML writer writes them (the very same elements, styled
compactly). Hovering or clicking a story on either side highlights it on both; the page zooms
(wheel, buttons) and pans (drag); several pages get page buttons (``view.js``, ``view.css``).

With ground truth, red marks show where we differ from it: a block whose text belongs to
another truth story than most of its story's text does (or story text left outside every
story), and order breaks, where the truth's text goes on somewhere else than straight after
(a dashed red arrow from the block where it stops to the block where it goes on; a dashed red
box when that is inside one block). Text is located with the chunks of ``layout.evaluate``
(see :func:`layout.differences.differences`), so the marks point at what costs ``story_f1``, ``flow`` and
``order`` there.

:func:`overlay_png` draws the same picture with PyMuPDF, for reports and issue trackers. Both
draw one scene (:func:`scene`), so the two cannot drift apart.
"""

from .page import write_view
from .png import PNG_WIDTH, overlay_png, page_images, write_overlays

__all__ = ["PNG_WIDTH", "overlay_png", "page_images", "write_overlays", "write_view"]
