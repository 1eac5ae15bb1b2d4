"""Start-up (issue 13): importing the package, and converting one input, load only what that
input needs. Each case runs in a fresh interpreter and lists the modules it holds after; what a
case must not hold costs start-up time it has no use for (the process pools and logging of
batches, tqdm when there is no terminal to draw on, PyMuPDF for an XML page)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES, fixture_pdf

EN = "en_letter_4col"
ALTO = str(FIXTURES.parent / "ocr" / "alto_v4_mm10.xml")
# What batches and many-file calls bring: process pools, threads' futures, their logging.
BATCH = ("concurrent.futures", "logging", "layout.batch.run", "layout.batch.many",
         "layout.batch.isolate", "layout.batch.convert", "layout.batch.report")


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` (stderr a pipe, no
    terminal), run in this checkout, whose ``layout`` it then imports."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=FIXTURES.parent.parent, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.splitlines()[-1]))


def _held(modules: set[str], names) -> list[str]:
    return sorted(m for m in modules for n in names if m == n or m.startswith(f"{n}."))


def test_import_layout_loads_no_reader_library_nor_batch_machinery():
    loaded = _modules_after("import layout")
    assert "layout.pipeline" in loaded
    assert _held(loaded, (*BATCH, "multiprocessing", "tqdm", "pymupdf", "lxml", "numpy")) == []


def test_import_of_the_command_line_loads_no_batch_machinery():
    loaded = _modules_after("import layout.cli")
    assert "layout.batch.outputs" in loaded  # what convert writes through
    assert _held(loaded, (*BATCH, "multiprocessing", "tqdm", "pymupdf")) == []


def test_batch_names_still_import_from_the_package():
    loaded = _modules_after("from layout.batch import REPORT_NAME, convert_file, run_batch\n"
                            "import layout\nassert callable(layout.reconstruct_many)")
    assert {"layout.batch.run", "layout.batch.many", "layout.batch.report"} <= loaded


def test_converting_a_pdf_without_a_terminal_loads_no_progress_bar_nor_batch(tmp_path):
    out = tmp_path / "page.html"
    loaded = _modules_after("import layout.cli\nlayout.cli.main(['convert', "
                            f"{str(fixture_pdf(EN))!r}, '-o', {str(out)!r}])")
    assert out.read_text(encoding="utf-8").count("<article") > 1
    assert "pymupdf" in loaded
    assert _held(loaded, (*BATCH, "tqdm")) == []


def test_converting_an_alto_page_loads_no_pdf_library(tmp_path):
    out = tmp_path / "page.html"
    loaded = _modules_after("import layout.cli\nlayout.cli.main(['convert', "
                            f"{ALTO!r}, '-o', {str(out)!r}])")
    assert "<article" in out.read_text(encoding="utf-8")
    assert _held(loaded, ("pymupdf", "layout.sources.textlayer", "tqdm", *BATCH)) == []
