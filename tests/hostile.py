"""Hostile and broken inputs, generated into a folder (nothing large is committed).

Each maker writes one small file (or file system object) that attacks one promise of the
library: that it reads nothing outside the input, writes nothing over it, and spends bounded
time and memory on it (issue 12). ``tests/test_hostile.py`` runs the command line on each and
asserts the contract; ``python tests/hostile.py FOLDER`` writes every default case into FOLDER
to try by hand.
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path

import pymupdf

WORDS = "The council met on Tuesday to discuss the harbour and the new bridge".split()


def text_pdf(path: Path, width: float = 400, height: float = 300, pages: int = 1) -> Path:
    """A plain PDF of ``pages`` pages with a few lines of text each: the honest base case."""
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page(width=width, height=height)
        for row in range(4):
            page.insert_text((20, 40 + 14 * row), " ".join(WORDS), fontsize=10)
    doc.save(path)
    return path


def _with_content(path: Path, content: bytes, width: float = 400, height: float = 300,
                  resources: str = "", extra: tuple[bytes, ...] = ()) -> Path:
    """A one-page PDF whose page draws text then ``content`` (raw operators), written by hand
    so that a stream of any shape can be made cheaply; ``resources`` is extra dictionary text
    and ``extra`` more objects, numbered from 6."""
    text = b"BT /F1 10 Tf 20 40 Td (" + " ".join(WORDS).encode() + b") Tj ET\n"
    data = zlib.compress(text + content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents 4 0 R "
        f"/Resources << /Font << /F1 5 0 R >> {resources} >> >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra,
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def many_segments(path: Path, count: int) -> Path:
    """A page of ``count`` separate line segments: a small file, a huge drawing list."""
    ops = b"".join(b"%d %d m %d %d l S\n" % (i % 380 + 10, i % 280 + 10, i % 380 + 11, i % 280 + 12)
                   for i in range(count))
    return _with_content(path, ops)


def many_images(path: Path, count: int) -> Path:
    """A page drawing one small image ``count`` times, side by side (each one a figure)."""
    side = 20
    per_row = int(count ** 0.5) + 1
    rows = -(-count // per_row)
    ops = b"".join(b"q %d 0 0 %d %d %d cm /Im0 Do Q\n" % (side - 2, side - 2, 20 + (i % per_row) * side,
                                                          60 + (i // per_row) * side)
                   for i in range(count))
    image = b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray " \
            b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    return _with_content(path, ops, per_row * side + 40, rows * side + 80,
                         "/XObject << /Im0 6 0 R >>", (image,))


def nested_forms(path: Path, depth: int) -> Path:
    """A page drawing a form that draws the next form twice, ``depth`` deep: 2**depth draws
    from a few kilobytes."""
    forms = []
    for level in range(depth):
        last = level + 1 == depth
        body = b"0 0 m 1 1 l S" if last else b"/X Do 1 0 0 1 1 0 cm /X Do"
        res = b"" if last else b"/Resources << /XObject << /X %d 0 R >> >>" % (7 + level)
        forms.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 400 300] %s /Length %d >>\n"
                     b"stream\n%s\nendstream" % (res, len(body), body))
    return _with_content(path, b"q /X Do Q\n", resources="/XObject << /X 6 0 R >>",
                         extra=tuple(forms))


def deflate_bomb(path: Path, megabytes: int) -> Path:
    """A page whose content stream inflates ``megabytes`` of spaces from about 100 kB per
    hundred megabytes."""
    return _with_content(path, b" " * (megabytes << 20))


def tall_pdf(path: Path, height: float = 3_000_000) -> Path:
    """A thin page three million points tall (MuPDF takes any MediaBox): rendering it whole
    is an overly large image."""
    return _with_content(path, b"", width=200, height=height)


def truncated_pdf(path: Path) -> Path:
    """A three-page PDF cut in half: its last page is lost, the file needs repair."""
    text_pdf(path, pages=3)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path


def fifo(path: Path) -> Path:
    """A named pipe called ``.pdf``: opening it for reading blocks until someone writes."""
    os.mkfifo(path)
    return path


ALTO = """<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
 <Description><MeasurementUnit>pixel</MeasurementUnit></Description>
 <Layout><Page ID="P1" WIDTH="{width}" HEIGHT="{height}" PHYSICAL_IMG_NR="1">
  <PrintSpace HPOS="0" VPOS="0" WIDTH="{width}" HEIGHT="{height}">
   <TextBlock ID="B1" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="200">
{lines}
   </TextBlock>
  </PrintSpace></Page></Layout></alto>
"""


def alto(path: Path, width: str = "1000", height: str = "1400", hpos: str = "100",
         size: str = "30", lines: int = 3) -> Path:
    """An ALTO page of ``lines`` lines; any attribute may be given as a hostile string."""
    rows = []
    for i in range(lines):
        vpos = 100 + 40 * (i % 30)
        words = "".join(f'<String HPOS="{hpos if k == 0 else 100 + 90 * k}" VPOS="{vpos}" '
                        f'WIDTH="80" HEIGHT="{size}" CONTENT="{w}"/>'
                        for k, w in enumerate(WORDS[:8]))
        rows.append(f'    <TextLine HPOS="100" VPOS="{vpos}" WIDTH="800" HEIGHT="{size}">'
                    f'{words}</TextLine>')
    path.write_text(ALTO.format(width=width, height=height, lines="\n".join(rows)))
    return path


def hocr(path: Path, page_title: str = "bbox 0 0 1000 1400",
         word_title: str = "bbox 100 100 180 130; x_wconf 90") -> Path:
    """An hOCR page of one line; the titles may be hostile."""
    words = "".join(f'<span class="ocrx_word" title="{word_title if k == 0 else f"bbox {100 + 90 * k} 100 {180 + 90 * k} 130"}">{w}</span> '
                    for k, w in enumerate(WORDS[:8]))
    path.write_text(f'<html><body><div class="ocr_page" title="{page_title}">'
                    f'<span class="ocr_line" title="bbox 100 100 900 130">{words}</span>'
                    f'</div></body></html>')
    return path


def mets(folder: Path, hrefs: list[str], name: str = "issue-METS.xml") -> Path:
    """A METS issue in ``folder`` whose pages are ALTO files at ``hrefs`` (any strings)."""
    files = "".join(f'<mets:file ID="ALTO{i}" MIMETYPE="text/xml"><mets:FLocat LOCTYPE="URL" '
                    f'xlink:href="{h}"/></mets:file>' for i, h in enumerate(hrefs, start=1))
    pages = "".join(f'<mets:div TYPE="page" ORDER="{i}"><mets:fptr FILEID="ALTO{i}"/></mets:div>'
                    for i in range(1, len(hrefs) + 1))
    path = folder / name
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f'<mets:fileSec><mets:fileGrp USE="Text">{files}</mets:fileGrp></mets:fileSec>'
        f'<mets:structMap TYPE="PHYSICAL"><mets:div TYPE="issue">{pages}</mets:div></mets:structMap>'
        '</mets:mets>\n')
    return path


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text_pdf(folder / "page.pdf")
    many_segments(folder / "segments.pdf", 300_000)
    many_images(folder / "images.pdf", 30_000)
    nested_forms(folder / "forms.pdf", 45)
    deflate_bomb(folder / "bomb.pdf", 200)
    tall_pdf(folder / "tall.pdf")
    alto(folder / "nan.alto.xml", width="NaN")
    alto(folder / "inf.alto.xml", hpos="1e400")
    hocr(folder / "semicolon.hocr", page_title="bbox 0 0 1000 1400;")
    outside = folder / "outside"
    outside.mkdir(exist_ok=True)
    alto(outside / "secret.xml")
    issue = folder / "issue"
    issue.mkdir(exist_ok=True)
    mets(issue, ["../outside/secret.xml", str((outside / "secret.xml").resolve()),
                 f"file://{(outside / 'secret.xml').resolve()}", "/etc/passwd"])
    with_fifo = folder / "fifo.pdf"
    if not with_fifo.exists():
        fifo(with_fifo)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
