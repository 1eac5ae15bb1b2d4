"""Hostile and broken inputs through the command line (issue 12), one case of every class.

Each case runs ``newslayout`` in a process of its own, generated inputs from ``hostile.py``,
and asserts the contract: the exit code; exactly one error line on stderr, naming the file (and
the page where there is one), and no traceback; outputs intact or absent, never partial, no
temporary file left; the run ends within its subprocess time bound and peaks under 2 GB of
resident memory (the run's process and every process it waited for). Heavy variants (the
sizes of the issue) are marked ``slow``: ``python -m pytest -m slow tests/test_hostile.py``.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import layout
from layout.errors import LayoutError
from layout.params import Limits

import hostile

ERROR = "newslayout: error:"
PEAK_LIMIT_MB = 2048
# Runs the command line and writes its peak resident memory (of itself and every process it
# waited for) in MB to the file named first: the test process's own figure mixes all cases.
MEASURE = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
open(sys.argv[1], "w").write(f"{peak:.0f}")
sys.exit(code)
"""


@dataclass
class Run:
    code: int
    err: str
    peak_mb: float

    @property
    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith(ERROR)]

    def assert_contract(self, code: int, *names: str) -> str:
        """The one error line (naming each of ``names``), after the other promises."""
        assert "Traceback" not in self.err, self.err
        assert self.code == code, self.err
        assert self.peak_mb < PEAK_LIMIT_MB
        others = [line for line in self.err.splitlines()
                  if line and not line.startswith(ERROR) and " → " not in line]
        assert not others, self.err
        assert len(self.errors) == 1, self.err
        for name in names:
            assert name in self.errors[0], self.errors[0]
        return self.errors[0]


def newslayout(*args, cwd: Path, timeout: float = 60, limit_file_bytes: int | None = None) -> Run:
    """Run ``newslayout ARGS`` in ``cwd``; a run over ``timeout`` seconds fails the test."""
    def restrict() -> None:
        if limit_file_bytes is not None:  # a full disk, as write() sees it
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

    peak = cwd / ".peak"
    proc = subprocess.run([sys.executable, "-c", MEASURE, str(peak), sys.executable, "-m",
                           "layout.cli", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=restrict)
    return Run(proc.returncode, proc.stderr, float(peak.read_text()))


def no_partial_files(folder: Path) -> None:
    assert not [p for p in folder.rglob("*") if p.name.endswith(".newslayout-tmp")]


# --- 1: nothing read outside an issue's folder -------------------------------------------------

def test_an_issue_reads_no_file_outside_its_folder(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    hostile.alto(outside / "secret.xml")
    issue = tmp_path / "issue"
    issue.mkdir()
    hrefs = ["../outside/secret.xml", str(outside / "secret.xml"),
             f"file://{outside / 'secret.xml'}", "/etc/passwd"]
    hostile.mets(issue, hrefs)
    missing = tmp_path / "issue2"
    missing.mkdir()
    hostile.mets(missing, [h.replace("secret", "nothing") for h in hrefs])
    run = newslayout("convert", "issue/issue-METS.xml", "-o", "out/", cwd=tmp_path)
    line = run.assert_contract(1, "issue-METS.xml", "outside the issue's folder")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    # The refusal is the same whether the file outside exists or not: it tells nothing.
    other = newslayout("convert", "issue2/issue-METS.xml", "-o", "out2/", cwd=tmp_path)
    assert other.assert_contract(1).replace("nothing", "secret").replace("issue2", "issue") \
        == line


# --- 2, 3: nothing written over an input, nothing partial --------------------------------------

def test_an_output_over_its_input_is_a_usage_error(tmp_path):
    pdf = hostile.text_pdf(tmp_path / "page.pdf")
    before = pdf.read_bytes()
    for output in ("page.pdf", "./page.pdf"):
        newslayout("convert", "page.pdf", "-o", output, cwd=tmp_path).assert_contract(2, "page.pdf")
    assert pdf.read_bytes() == before


def test_a_full_disk_leaves_the_old_output_whole(tmp_path):
    hostile.text_pdf(tmp_path / "ten.pdf", pages=10)
    (tmp_path / "old.html").write_text("old")
    for output in ("old.html", "new.html"):
        run = newslayout("convert", "ten.pdf", "-o", output, cwd=tmp_path, limit_file_bytes=3000)
        run.assert_contract(1, output, "cannot write")
    assert (tmp_path / "old.html").read_text() == "old"
    assert not (tmp_path / "new.html").exists()
    no_partial_files(tmp_path)


# --- 4, 11: page selection ---------------------------------------------------------------------

def test_a_page_range_is_clipped_to_the_file_lazily(tmp_path):
    hostile.text_pdf(tmp_path / "page.pdf", pages=2)
    run = newslayout("convert", "page.pdf", "--pages", "2-1000000000", "-o", "p.json",
                     cwd=tmp_path, timeout=30)
    assert run.code == 0 and not run.errors and run.peak_mb < 500
    assert [p["number"] for p in json.loads((tmp_path / "p.json").read_text())["pages"]] == [2]
    newslayout("convert", "page.pdf", "--pages", "3-1000000000", "-o", "q.json",
               cwd=tmp_path).assert_contract(1, "page.pdf", "page 3")
    assert not (tmp_path / "q.json").exists()


@pytest.mark.parametrize("pages", [[0], [-1], [3], [1, 3], "3-4"])
def test_the_library_refuses_pages_that_do_not_exist(tmp_path, pages):
    pdf = hostile.text_pdf(tmp_path / "page.pdf", pages=2)
    with pytest.raises(LayoutError) as caught:
        layout.reconstruct(pdf, pages=pages)
    assert "page.pdf" in str(caught.value) and "page" in str(caught.value)


# --- 5, 6: bounded memory and time -------------------------------------------------------------

def test_a_page_over_a_read_limit_fails_naming_it(tmp_path):
    hostile.many_images(tmp_path / "bomb.pdf", Limits().images + 1)
    run = newslayout("convert", "bomb.pdf", "-o", "out.html", cwd=tmp_path)
    run.assert_contract(1, "bomb.pdf", "page 1", "Limits.images")
    no_partial_files(tmp_path)


@pytest.mark.parametrize("name, make", [
    ("drawings", lambda p: hostile.many_segments(p / "page.pdf", 2_001)),
    ("words", lambda p: hostile.alto(p / "page.xml", lines=251)),
])
def test_every_read_limit_fails_the_page_naming_it(tmp_path, name, make):
    path = make(tmp_path)
    options = layout.ReadOptions(limits=Limits(**{name: 2_000}))
    with layout.PageReader(path, options) as reader:
        (failure,) = reader
    assert isinstance(failure, layout.PageFailure)
    assert path.name in failure.error and f"over the limit of 2000 (Limits.{name})" in failure.error


@pytest.mark.parametrize("inside, message", [(MemoryError(), "over the memory limit"),
                                             (KeyError("op"), "cannot be read")])
def test_mupdf_failing_inside_its_c_code_fails_the_page_naming_it(tmp_path, monkeypatch, inside, message):
    """Under the memory limit, MuPDF's drawing list may run out inside its C code: Python then
    raises a SystemError whose cause is the MemoryError, never a traceback for the user."""
    import pymupdf

    def failing(page, *args, **kwargs):
        raise SystemError("get_cdrawings returned a result with an exception set") from inside
    monkeypatch.setattr(pymupdf.Page, "get_cdrawings", failing)
    path = hostile.text_pdf(tmp_path / "page.pdf")
    with layout.PageReader(path, layout.ReadOptions()) as reader:
        (failure,) = reader
    assert isinstance(failure, layout.PageFailure)
    assert "page.pdf" in failure.error and "page 1" in failure.error and message in failure.error


@pytest.mark.slow
@pytest.mark.parametrize("lines", [Limits().words // 8 + 1, 170_000])  # the last: 200 MB
def test_too_many_words_fail_the_page(tmp_path, lines):
    hostile.alto(tmp_path / "words.xml", lines=lines)
    run = newslayout("convert", "words.xml", "-o", "out.html", cwd=tmp_path, timeout=600)
    run.assert_contract(1, "words.xml")
    assert "Limits.words" in run.errors[0] or "memory limit" in run.errors[0]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_page_that_never_ends_is_stopped_at_the_page_time_limit(tmp_path, workers):
    hostile.nested_forms(tmp_path / "forms.pdf", 45)
    hostile.text_pdf(tmp_path / "fine.pdf", pages=3)
    run = newslayout("convert", "forms.pdf", "fine.pdf", "-o", "out/", "--page-timeout", "3",
                     "--workers", workers, cwd=tmp_path, timeout=40)
    run.assert_contract(1, "forms.pdf", "page 1", "time limit of 3 s")
    assert (tmp_path / "out" / "fine.html").read_text().count('class="page"') == 3


def test_batch_stops_a_page_at_the_page_time_limit(tmp_path):
    (tmp_path / "in").mkdir()
    hostile.nested_forms(tmp_path / "in" / "forms.pdf", 45)
    hostile.text_pdf(tmp_path / "in" / "fine.pdf")
    run = newslayout("batch", "in", "out", "--page-timeout", "3", "--workers", "1",
                     cwd=tmp_path, timeout=60)
    assert run.code == 1 and "Traceback" not in run.err and run.peak_mb < PEAK_LIMIT_MB
    records = {r["input"]: r for r in map(json.loads, (tmp_path / "out" /
                                                       "newslayout-report.jsonl").open())}
    assert records["forms.pdf"]["status"] == "failed"
    assert "page 1 of those read: over the time limit of 3 s" in records["forms.pdf"]["error"]
    assert records["fine.pdf"]["status"] == "ok"
    no_partial_files(tmp_path / "out")


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    hostile.fifo(tmp_path / "pipe.pdf")
    newslayout("convert", "pipe.pdf", "-o", "out.html", cwd=tmp_path,
               timeout=30).assert_contract(1, "pipe.pdf", "not a regular file")
    assert not (tmp_path / "out.html").exists()


def test_a_deflate_bomb_is_read_in_bounded_memory(tmp_path):
    hostile.deflate_bomb(tmp_path / "bomb.pdf", 40)
    run = newslayout("convert", "bomb.pdf", "-o", "out.html", cwd=tmp_path)
    assert run.code == 0 and not run.errors and run.peak_mb < PEAK_LIMIT_MB


@pytest.mark.slow
@pytest.mark.parametrize("make", [
    lambda p: hostile.many_segments(p, 3_000_000),   # 15 MB: 4.9 GB before the limits
    lambda p: hostile.many_images(p, 30_000),        # quadratic de-duplication: > 10 min
    lambda p: hostile.deflate_bomb(p, 1500),         # 1.5 GB of content stream
])
@pytest.mark.parametrize("engine", ["pymupdf", "pdfplumber"])
def test_the_issues_bombs_in_bounded_time_and_memory(tmp_path, make, engine):
    make(tmp_path / "bomb.pdf")
    run = newslayout("convert", "bomb.pdf", "-o", "out.html", "--engine", engine,
                     cwd=tmp_path, timeout=400)
    assert run.code in (0, 1) and "Traceback" not in run.err and run.peak_mb < PEAK_LIMIT_MB
    assert len(run.errors) <= 1
    no_partial_files(tmp_path)


# --- 7, 8: malformed OCR -----------------------------------------------------------------------

def test_an_hocr_title_ending_in_a_semicolon_is_read(tmp_path):
    hostile.hocr(tmp_path / "page.hocr", page_title="bbox 0 0 1000 1400;",
                 word_title="bbox 100 100 180 130;; x_wconf 90;")
    run = newslayout("convert", "page.hocr", "-o", "out.html", cwd=tmp_path)
    assert run.code == 0 and not run.errors and "Traceback" not in run.err


@pytest.mark.parametrize("attribute, value", [("width", "NaN"), ("hpos", "inf"),
                                              ("size", "1e400"), ("height", "-INF")])
def test_non_finite_numbers_in_ocr_xml_never_reach_an_output(tmp_path, attribute, value):
    hostile.alto(tmp_path / "page.xml", **{attribute: value})
    run = newslayout("convert", "page.xml", "-o", "out.json", cwd=tmp_path)
    if run.code:
        run.assert_contract(1, "page.xml", "Page P1")
    text = (tmp_path / "out.json").read_text()
    json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))
    assert "inf" not in text.lower().replace("information", "")


def test_a_page_billions_of_pixels_wide_fails_at_once(tmp_path):
    """Finite but absurd: words half a trillion pixels apart would have the stages file their
    white space in billions of cells."""
    hostile.alto(tmp_path / "page.xml", width="1e12", hpos="5e11", lines=10)
    run = newslayout("convert", "page.xml", "-o", "out.html", cwd=tmp_path, timeout=60)
    run.assert_contract(1, "page.xml", "page 1", "not a page")


# --- 9: view and images ------------------------------------------------------------------------

def test_a_page_too_large_to_render_is_one_error(tmp_path):
    hostile.tall_pdf(tmp_path / "tall.pdf")
    newslayout("view", "tall.pdf", "--png", "t.png", cwd=tmp_path).assert_contract(
        1, "tall.pdf", "page 1")
    assert not (tmp_path / "t.png").exists()


def test_control_characters_in_a_file_name_are_escaped(tmp_path):
    name = "esc\x1b[31m\nname.pdf"
    hostile.text_pdf(tmp_path / name)
    run = newslayout("view", name, "-o", "v.html", cwd=tmp_path)
    assert run.code == 0 and "Traceback" not in run.err and (tmp_path / "v.html").is_file()
    run = newslayout("convert", name, "--pages", "2", "-o", "c.html", cwd=tmp_path)
    assert "\\x1b" in run.assert_contract(1, "\\n")


# --- 10: one stem, two inputs ------------------------------------------------------------------

def test_two_inputs_with_one_stem_get_two_outputs(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        hostile.text_pdf(tmp_path / folder / "page.pdf")
    run = newslayout("convert", "a/page.pdf", "b/page.pdf", "-o", "out/", cwd=tmp_path)
    assert run.code == 0 and not run.errors
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a-page.html", "b-page.html"]


# --- 13: smaller ones ---------------------------------------------------------------------------

def test_a_page_lost_to_damage_is_reported_damaged(tmp_path):
    hostile.truncated_pdf(tmp_path / "cut.pdf")
    with layout.PageReader(tmp_path / "cut.pdf") as reader:
        failures = [p for p in reader if isinstance(p, layout.PageFailure)]
    assert failures and all("damaged" in f.error and "cut.pdf" in f.error for f in failures)


def test_utf16_xml_is_read(tmp_path):
    page = hostile.alto(tmp_path / "page.xml")
    text = page.read_text().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    page.write_bytes(text.encode("utf-16"))
    (tmp_path / "be.xml").write_bytes(text.encode("utf-16-be"))
    for name in ("page.xml", "be.xml"):
        with layout.PageReader(tmp_path / name) as reader:
            (page_layout,) = reader
        assert isinstance(page_layout, layout.Layout)


# --- what already held: XML that reaches beyond itself -----------------------------------------

def test_xml_entities_are_never_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    page = hostile.alto(tmp_path / "page.xml")
    text = page.read_text().replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE alto [<!ENTITY x SYSTEM "file://{secret}">'
        + '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("bcdefgh", "cdefghi"))
        + "]>").replace('CONTENT="The"', 'CONTENT="&x;&i;"')
    page.write_text(text)
    run = newslayout("convert", "page.xml", "-o", "out.html", cwd=tmp_path, timeout=30)
    assert "Traceback" not in run.err and run.peak_mb < 500
    out = tmp_path / "out.html"
    assert (run.code == 0) == out.exists(), run.err
    assert not out.exists() or "TOPSECRET" not in out.read_text()
