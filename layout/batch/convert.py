"""One input converted into an output folder, page by page: the unit of work of a batch.

``convert_file`` is what ``run_batch`` runs in a worker process per input, and what a Dask,
Spark or Airflow job maps over paths. Pages are read one at a time (``pipeline.PageReader``)
and handed to every writer as they come, so a file of any length costs the memory of a page.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable
from pathlib import Path

from ..errors import LayoutError
from ..model import Layout, PageFailure
from ..options import ReadOptions
from ..pagepool import Progress
from ..params import Params
from ..pipeline import PageReader
from ..writers import formats_to_build
from .outputs import Outputs, Unwritable


def convert_file(path: str | Path, out_dir: str | Path, formats: Iterable[str] = ("html",), *,
                 stem: str | None = None, options: ReadOptions | None = None,
                 params: Params | None = None, progress: Progress | None = None) -> dict:
    """Convert one input into ``out_dir`` in each format and return its report record.

    Text formats give ``STEM.EXT``; ALTO and PAGE-XML one file per page, written as each page
    ends; METS its ALTO files as pages end and its own file last. The record: ``input``,
    ``status`` (ok; partial: some pages failed; failed: the file, or every page of it, could
    not be read, or an output not written), ``pages``, ``failed_pages``, ``seconds``,
    ``error``, ``outputs``, ``formats``. Bad input gives a failed record, not an exception;
    a bug propagates, for the caller to record. Every file is written atomically, never over
    the input. PyMuPDF is not thread-safe: one conversion per process at a time.
    """
    path, formats = Path(path), tuple(formats)
    stem = stem or path.stem
    start = time.monotonic()
    out = Outputs(Path(out_dir), inputs=(path,))
    record = {"input": str(path), "status": "failed", "pages": 0, "failed_pages": [],
              "seconds": 0.0, "error": None, "outputs": out.written, "formats": list(formats)}
    failures: list[PageFailure] = []
    pages = 0
    try:
        chosen = formats_to_build(formats)
        with PageReader(path, options, params=params, progress=progress) as reader, \
                contextlib.ExitStack() as files:
            if progress:
                progress(0, len(reader.selection))
            texts = [(files.enter_context(out.open(f"{stem}{f.extension}")), f.open(reader.name))
                     for f in chosen if f.kind == "text"]
            page_files = [f.files(stem, reader.name) for f in chosen if f.kind == "files"]
            for page in reader:
                pages += 1
                if isinstance(page, PageFailure):
                    failures.append(page)
                for stream, writer in texts:
                    stream.write(writer.page(page))
                if isinstance(page, Layout):
                    for writer in page_files:
                        out.write_all(writer.page(page))
            for stream, writer in texts:
                stream.write(writer.end())
            for writer in page_files:
                out.write_all(writer.end())
    except (LayoutError, Unwritable) as e:
        record["error"] = str(e)
    if record["error"] is None:
        record["status"] = "failed" if failures and len(failures) == pages else \
            "partial" if failures else "ok"
        if failures:
            record["error"] = (f"{len(failures)} of {pages} pages failed; "
                               f"first: {failures[0].error}")
    record.update(pages=pages, failed_pages=[f.number for f in failures],
                  seconds=round(time.monotonic() - start, 3))
    return record
