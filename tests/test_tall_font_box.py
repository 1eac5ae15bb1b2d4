"""A font whose box is out of proportion to its type (a PDF writer that converts fonts, as
pdftocairo does, can give a font its glyphs' bounding box: 1.81 em above the baseline and 1.05
below) is boxed from its baseline, so its lines do not overlap those above and below."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from layout.sources.pdf import PdfSource
from layout.sources.pdfwords import spans_to_words

_SIZE = 9.5  # [pt] the type's size
_LEADING = 13.0  # [pt] baseline to baseline
_TOP = 30.0  # [pt] the first baseline
_LINES = ("ABCD EFG", "HIJK LMN", "OPQ RST")


def _type3_page(path: Path, bbox: tuple[int, int, int, int]) -> None:
    """A page of ``_LINES`` set in a Type3 font (capitals, each a filled square an em wide)
    whose FontBBox (in thousandths of an em) is ``bbox``: MuPDF boxes its glyphs by it."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)

    def stream(data: bytes) -> int:
        xref = doc.get_new_xref()
        doc.update_object(xref, "<<>>")
        doc.update_stream(xref, data)
        return xref

    glyph = stream(b"1000 0 0 0 1000 800 d1 0 0 1000 800 re f")
    to_unicode = stream(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
                        b"/CMapName /T def 1 begincodespacerange <00> <FF> endcodespacerange "
                        b"1 beginbfrange <41> <5A> <0041> endbfrange endcmap "
                        b"CMapName currentdict /CMap defineresource pop end end")
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    procs = " ".join(f"/{c} {glyph} 0 R" for c in letters)
    names = " ".join(f"/{c}" for c in letters)
    font = doc.get_new_xref()
    doc.update_object(font, f"<</Type/Font/Subtype/Type3/FontBBox[{' '.join(map(str, bbox))}]"
                            f"/FontMatrix[0.001 0 0 0.001 0 0]/CharProcs<<{procs}>>"
                            f"/Encoding<</Type/Encoding/Differences[65 {names}]>>"
                            f"/FirstChar 65/LastChar 90/Widths[{' 1000' * 26}]"
                            f"/ToUnicode {to_unicode} 0 R>>")
    doc.xref_set_key(page.xref, "Resources", f"<</Font<</T3 {font} 0 R>>>>")
    # (PDF's y runs up: a baseline ``y`` points down the page is at ``200 - y``)
    text = "\n".join(f"BT /T3 {_SIZE} Tf 20 {200 - _TOP - i * _LEADING} Td ({line}) Tj ET"
                     for i, line in enumerate(_LINES))
    doc.xref_set_key(page.xref, "Contents", f"{stream(text.encode())} 0 R")
    doc.save(path)


def _line_boxes(words) -> list[tuple[float, float]]:
    """(top, bottom) of each of the page's lines of words, down the page."""
    rows: dict[int, list] = {}
    for word in words:
        rows.setdefault(word.source_line, []).append(word.box)
    return sorted((min(b.y0 for b in boxes), max(b.y1 for b in boxes)) for boxes in rows.values())


def test_a_font_box_out_of_proportion_is_boxed_from_the_baseline(tmp_path: Path) -> None:
    path = tmp_path / "tall.pdf"
    _type3_page(path, (0, -1050, 1000, 1810))
    source = PdfSource(path)
    words = source.page(1).words
    source.close()
    assert " ".join(w.text for w in words) == " ".join(_LINES)
    lines = _line_boxes(words)
    for i, (top, bottom) in enumerate(lines):
        baseline = _TOP + i * _LEADING
        assert top < baseline < bottom
        assert bottom - top <= 1.01 * _SIZE  # an em, not 2.86
    # each line's box clear of the next one's
    assert all(bottom < top for (_, bottom), (top, _) in zip(lines, lines[1:]))


def test_runs_of_characters_of_such_a_font_are_boxed_so_too(tmp_path: Path) -> None:
    path = tmp_path / "tall.pdf"
    _type3_page(path, (0, -1050, 1000, 1810))
    with pymupdf.open(path) as doc:
        words = spans_to_words(doc[0].get_text("rawdict"), characters=True)
    assert [w.text for w in words] == list(_LINES)
    lines = _line_boxes(words)
    assert all(bottom - top <= 1.01 * _SIZE for top, bottom in lines)
    assert all(bottom < top for (_, bottom), (top, _) in zip(lines, lines[1:]))


def test_a_font_box_in_proportion_is_kept_as_mupdf_gives_it(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    _type3_page(path, (0, -250, 1000, 1000))  # 1.25 em: a typeface's own
    with pymupdf.open(path) as doc:
        spans = [s for b in doc[0].get_text("dict")["blocks"] for ln in b["lines"]
                 for s in ln["spans"]]
    source = PdfSource(path)
    words = source.page(1).words
    source.close()
    tops = sorted({round(s["bbox"][1], 3) for s in spans})
    bottoms = sorted({round(s["bbox"][3], 3) for s in spans})
    assert sorted({round(w.box.y0, 3) for w in words}) == tops
    assert sorted({round(w.box.y1, 3) for w in words}) == bottoms
