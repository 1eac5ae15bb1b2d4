"""Stage 4: the page's column grid, from the left and right edges of body lines.

Body lines' left edges are clustered with DBSCAN (scikit-learn): each dense cluster is a
column's left edge, its right edge the typical right end of the cluster's lines. Only lines
that fill most of the typical column width take part, so indented first lines and short last
lines do not make false columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import DBSCAN

from ..model import Block, Box
from ..params import Params

# A column needs at least this many full body lines to count.
_MIN_LINES = 3


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the grid: its horizontal extent."""

    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class Grid:
    """The page's columns, left to right."""

    columns: tuple[Column, ...]

    def index_of(self, box: Box) -> int | None:
        """The column holding box's centre, or None."""
        return next((i for i, c in enumerate(self.columns) if c.x0 <= box.cx <= c.x1), None)


def find_grid(blocks: Sequence[Block], body: float, params: Params) -> Grid:
    """Cluster full body lines' left edges into columns."""
    lines = [ln for b in blocks if b.role == "body" for ln in b.lines if not ln.vertical]
    if len(lines) < _MIN_LINES:
        return Grid(())
    widths = np.array([ln.box.width for ln in lines])
    least = 0.8 * np.median(widths)
    full = [ln for ln, w in zip(lines, widths) if w >= least]
    if len(full) < _MIN_LINES:
        return Grid(())
    x0 = np.array([[ln.box.x0] for ln in full])
    labels = DBSCAN(eps=params.column_tolerance * body, min_samples=_MIN_LINES).fit_predict(x0)
    columns = []
    for label in set(labels) - {-1}:
        members = [ln for ln, lab in zip(full, labels) if lab == label]
        columns.append(Column(float(np.median([ln.box.x0 for ln in members])),
                              float(np.median([ln.box.x1 for ln in members]))))
    return Grid(tuple(sorted(columns, key=lambda c: c.x0)))
