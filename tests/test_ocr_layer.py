"""A scan's OCR layer in a PDF read as an engine's lines and regions (``sources.ocrlayer``).

The pages are written here as Tesseract writes its PDF: invisible text (render mode 3), a
text object per region, each word stretched along its line (``Tz``) at the line's height
(``Tf``), a word set a little off its line's baseline (a slanted scan), which MuPDF takes for
a new line.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from layout.sources.ocrlayer import continues
from layout.sources.pdf import PdfSource

# (text, horizontal scaling [%]) of the words of a line
LINE = (("stretched", 60), ("words", 150), ("here", 100))


def _layer(path: Path, columns: tuple[float, ...], steps: dict[int, float] | None = None,
           size: float = 10.0, pitch: float = 12.0) -> Path:
    """Three lines in each column (its left edge, pt), words an em apart (MuPDF takes a
    word placed further than a space away off its line's baseline for a new line), each
    word of line ``k`` of ``steps`` after the first set ``steps[k]`` pt lower."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=200)
    page.insert_text((0, -50), "x", fontname="helv", fontsize=1)  # the font resource
    ops = []
    for x in columns:
        ops.append(f"BT 3 Tr /helv {size} Tf")
        for k in range(3):
            y, dx = 200 - (50 + k * pitch), 0.0
            for j, (text, scale) in enumerate(LINE):
                low = (steps or {}).get(k, 0.0) if j else 0.0
                ops.append(f"1 0 0 1 {x + dx} {y - low} Tm {scale} Tz ({text}) Tj")
                dx += pymupdf.get_text_length(text, fontsize=size) * scale / 100 + size
        ops.append("ET")
    doc.update_stream(page.get_contents()[0], "\n".join(ops).encode())
    doc.save(path)
    return path


def _words(path: Path):
    source = PdfSource(path)
    try:
        return source.page(1).words
    finally:
        source.close()


def test_words_stretched_along_their_line_get_its_height_not_their_stretch(tmp_path: Path) -> None:
    """MuPDF's size of a word stretched to 150 % is its size times 1.22, of one squeezed to
    60 %, times 0.77: the line's words, stretched each to its print, keep one size, the
    same in every line of the page."""
    words = _words(_layer(tmp_path / "layer.pdf", (20,)))
    assert len(words) == 9 and len({w.size for w in words}) == 1
    raw = pymupdf.open(tmp_path / "layer.pdf")[0].get_text("dict")
    stretched = {round(s["size"], 1) for b in raw["blocks"] for ln in b["lines"] for s in ln["spans"]
                 if s["text"].strip()}
    assert len(stretched) == 3  # what MuPDF gives: one size per stretch


def test_a_line_whose_baseline_steps_is_one_engine_line(tmp_path: Path) -> None:
    """The middle line's last two words stand 2 pt lower: MuPDF makes pieces of every line
    (a word each), the engine drew three, and the words of each keep one line (and one size
    and height)."""
    path = _layer(tmp_path / "step.pdf", (20,), steps={1: 2.0})
    raw = pymupdf.open(path)[0].get_text("dict")
    assert sum(len(b["lines"]) for b in raw["blocks"]) > 3
    words = _words(path)
    middle = words[3:6]
    assert [w.text for w in middle] == ["stretched", "words", "here"]
    assert len({w.source_line for w in middle}) == 1
    assert len({(w.box.y0, w.box.y1, w.size) for w in middle}) == 1
    assert len({w.source_line for w in words}) == 3


def test_the_lines_of_two_columns_are_two_regions(tmp_path: Path) -> None:
    """The engine drew one column's lines one under the next, then the other's: two regions
    (``source_block``), whose words are never one line."""
    words = _words(_layer(tmp_path / "columns.pdf", (20, 220)))
    left = {w.source_block for w in words if w.box.x0 < 200}
    right = {w.source_block for w in words if w.box.x0 >= 200}
    assert len(left) == 1 and len(right) == 1 and left != right and None not in left


def test_a_piece_off_the_baseline_or_behind_is_no_continuation() -> None:
    """A piece goes on along its line ahead of it and near its baseline; the start of the
    next line (back at the left, a line lower) does not."""
    def line(x: float, y: float) -> dict:
        return {"dir": (1.0, 0.0), "spans": [{"origin": (x, y)}]}

    assert continues(line(20, 50), line(60, 52), 10.0)
    assert not continues(line(20, 50), line(60, 62), 10.0)
    assert not continues(line(60, 50), line(20, 52), 10.0)
