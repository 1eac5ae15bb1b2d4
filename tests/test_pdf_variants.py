"""The rewrite plumbing of ``bench/pdf_variants.py``: a born-digital page written again by
another PDF writer keeps its text, is scored against the same truth as the page as it is, and a
writer that is missing or fails is reported, never dropped silently."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import pdf_variants  # noqa: E402  (bench module, needs the sys.path above)

PAGE = ROOT / "fixtures" / "pages" / "en_letter_4col"


def _words(pdf: Path) -> list[str]:
    with pymupdf.open(pdf) as doc:
        return [w[4] for w in doc[0].get_text("words")]


def _page(tmp_path: Path) -> Path:
    """A copy of one small committed page with its truth, in a folder of its own."""
    folder = tmp_path / "set"
    folder.mkdir()
    for suffix in (".pdf", ".gt.json"):
        shutil.copy(PAGE.with_suffix(suffix), folder / (PAGE.name + suffix))
    return folder / (PAGE.name + ".pdf")


def test_ghostscript_is_there_for_the_suite():
    assert not pdf_variants.missing("gs"), "`make install` installs ghostscript (pdf-writers)"


def test_gs_and_the_ps2pdf_round_trip_write_a_new_file_with_the_same_words(tmp_path):
    src = _page(tmp_path)
    for writer in ("gs", "ps2pdf"):
        out = pdf_variants.rewrite(src, tmp_path / f"{writer}.pdf", writer)
        assert out.read_bytes() != src.read_bytes()
        assert _words(out) == _words(src)
        assert not (tmp_path / f"{writer}.tmp").exists()  # its PostScript scratch, gone


def test_page_results_score_each_form_against_the_same_truth(tmp_path):
    results = pdf_variants.page_results(_page(tmp_path), ["gs"])
    assert [r.form for r in results] == [pdf_variants.AS_IS, "gs"]
    assert {r.page for r in results} == {f"{tmp_path.name}/set/{PAGE.name}"}
    for r in results:
        assert not r.error, r.error
        assert set(r.scores) == {*pdf_variants.METRICS, pdf_variants.PLAIN}
        assert r.scores["coverage"] > 0.9 and r.scores[pdf_variants.PLAIN] > 0.9
    assert pdf_variants.drop(*results) < 0.05


def test_a_failing_writer_is_a_failed_page_that_loses_everything(tmp_path, monkeypatch):
    broken = (("gs",), (("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=no_such_device",
                         "-o", "{dst}", "{src}"),))
    monkeypatch.setitem(pdf_variants.WRITERS, "broken", broken)
    as_is, failed = pdf_variants.page_results(_page(tmp_path), ["broken"])
    assert failed.error.startswith("writer failed") and not failed.scores
    assert pdf_variants.drop(as_is, failed) == 1.0
    text = pdf_variants.report([as_is, failed], ["broken"], {}, worst=5)
    assert "| broken | 0 | 1 |" in text
    assert f"- {tmp_path.name}/set/{PAGE.name}: 1.000 (writer failed" in text


def test_a_missing_writer_is_named_in_the_report(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(pdf_variants.WRITERS, "nowhere", (("no-such-pdf-writer-here",), ()))
    src = _page(tmp_path)
    assert pdf_variants.main(["--set", str(src.parent), "--writer", "nowhere", "--writer", "gs"]) == 0
    out = capsys.readouterr().out
    assert "**nowhere: missing** on this machine (no no-such-pdf-writer-here)" in out
    assert "| nowhere |" not in out  # not measured, so no row of means
    assert "| as is | 1 | 0 |" in out and "| gs | 1 | 0 |" in out
