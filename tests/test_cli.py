"""The ``newslayout`` command end to end: outputs, formats, batches and bad input.

The CLI's promise (layout/cli.py, docs/architecture.md): exit 0 when all went well, 1 when a
file or a page could not be read, 2 for a usage error; every error is ONE line on stderr
starting "newslayout: error:" that names the file (and the page), never a traceback.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest
from lxml import html as lxml_html

from layout.cli import main

from conftest import FIXTURES, fixture_pdf

EN = "en_letter_4col"
ZH = "zh_front_5col"
ERROR_PREFIX = "newslayout: error:"
# The metrics of docs/contract.md, in the order of its table.
CONTRACT_METRICS = ("coverage", "flow", "order", "story_f1", "headline", "caption", "furniture",
                    "paragraphs", "broken")


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith(ERROR_PREFIX)]

    @property
    def other_err_lines(self) -> list[str]:
        """stderr lines that are neither errors nor the "SRC → TARGET" progress notes."""
        return [line for line in self.err.splitlines()
                if line and not line.startswith(ERROR_PREFIX) and " → " not in line]


@pytest.fixture
def cli(capsys):
    """``cli(*args)`` runs ``newslayout ARGS`` in-process and returns code, stdout, stderr."""

    def run(*args: str | Path) -> Run:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def _truth(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.gt.json").read_text(encoding="utf-8"))


def _gt_headlines(name: str) -> list[str]:
    return [a["headline"] for a in _truth(name)["articles"]
            if a["kind"] == "story" and a.get("headline")]


def _sections(doc) -> list:
    return [s for s in doc.iter("section") if "page" in (s.get("class") or "").split()]


def _parse(text: str):
    return lxml_html.document_fromstring(text.encode("utf-8"))


def _assert_one_error(run: Run, *names: str) -> str:
    """Exactly one error line naming all of ``names``, nothing else but progress notes."""
    assert "Traceback" not in run.err
    assert len(run.error_lines) == 1, run.err
    assert run.other_err_lines == [], run.err
    line = run.error_lines[0]
    for name in names:
        assert name in line, f"{name!r} not named in {line!r}"
    return line


# --- sample inputs made in tmp_path --------------------------------------------------------


def _multi_page(path: Path, blank_at: int | None = 2) -> Path:
    """EN page, then (optionally) a blank page, then the ZH page."""
    out = pymupdf.open()
    with pymupdf.open(fixture_pdf(EN)) as en, pymupdf.open(fixture_pdf(ZH)) as zh:
        out.insert_pdf(en)
        if blank_at is not None:
            out.new_page(width=en[0].rect.width, height=en[0].rect.height)
        out.insert_pdf(zh)
    out.save(path)
    out.close()
    return path


def _encrypted(path: Path) -> Path:
    with pymupdf.open(fixture_pdf(EN)) as doc:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y")
    return path


def _bad_input(kind: str, tmp_path: Path) -> Path:
    if kind == "missing":
        return tmp_path / "missing.pdf"
    if kind == "directory":
        path = tmp_path / "folder.pdf"
        path.mkdir()
        return path
    if kind == "empty":
        path = tmp_path / "empty.pdf"
        path.write_bytes(b"")
        return path
    if kind == "text":
        path = tmp_path / "notes.pdf"
        path.write_text("just some notes, not a PDF\n", encoding="utf-8")
        return path
    if kind == "truncated":
        path = tmp_path / "truncated.pdf"
        path.write_bytes(fixture_pdf(EN).read_bytes()[:300])
        return path
    if kind == "encrypted":
        return _encrypted(tmp_path / "locked.pdf")
    raise AssertionError(kind)


BAD_KINDS = ("missing", "directory", "empty", "text", "truncated", "encrypted")


# --- converting ------------------------------------------------------------------------------


def test_convert_writes_html_file_with_one_page_section(cli, tmp_path):
    out = tmp_path / "page.html"
    run = cli("convert", fixture_pdf(EN), "-o", out)
    assert run.code == 0, run.err
    assert run.error_lines == [] and run.out == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    doc = _parse(text)
    sections = _sections(doc)
    assert [s.get("data-page") for s in sections] == ["1"]
    assert sections[0].get("data-source") == f"{EN}.pdf"
    headings = {h.text_content().strip() for h in doc.iter("h2")}
    assert headings & set(_gt_headlines(EN)), "no ground-truth headline became an <h2>"


def test_convert_to_stdout_writes_no_file(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = cli("convert", fixture_pdf(EN), "-o", "-")
    assert run.code == 0, run.err
    assert run.out.startswith("<!DOCTYPE html>")
    assert len(_sections(_parse(run.out))) == 1
    assert list(tmp_path.iterdir()) == []
    assert not (FIXTURES / f"{EN}.html").exists()


def _check_format(fmt: str, text: str, name: str) -> None:
    """``text`` is in format ``fmt`` and holds the page's stories."""
    headlines = _gt_headlines(name)
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
        assert _sections(_parse(text))
    elif fmt == "json":
        data = json.loads(text)
        assert data["source"] == f"{name}.pdf"
        assert [p["number"] for p in data["pages"]] == [1]
        found = {s["headline"] for s in data["pages"][0]["stories"]}
        assert found & set(headlines)
    elif fmt == "text":
        assert "<" not in text and "## " not in text
        assert any(h in text for h in headlines)
    elif fmt == "markdown":
        lines = set(text.splitlines())
        assert any(f"## {h}" in lines for h in headlines), "no '## headline' line"
        assert "<article" not in text
    else:
        raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "html"])
def test_format_option_to_stdout(cli, fmt):
    run = cli("convert", fixture_pdf(EN), "--format", fmt, "-o", "-")
    assert run.code == 0, run.err
    _check_format(fmt, run.out, EN)


@pytest.mark.parametrize("ext, fmt", [(".json", "json"), (".txt", "text"), (".md", "markdown"),
                                      (".html", "html"), (".HTML", "html")])
def test_format_follows_output_extension(cli, tmp_path, ext, fmt):
    out = tmp_path / f"result{ext}"
    run = cli("convert", fixture_pdf(EN), "-o", out)
    assert run.code == 0, run.err
    _check_format(fmt, out.read_text(encoding="utf-8"), EN)


def test_format_option_overrides_extension(cli, tmp_path):
    out = tmp_path / "result.txt"
    run = cli("convert", fixture_pdf(EN), "-f", "json", "-o", out)
    assert run.code == 0, run.err
    _check_format("json", out.read_text(encoding="utf-8"), EN)


@pytest.mark.parametrize("spec, pages", [("1", ["1"]), ("2", ["2"]), ("2-3", ["2", "3"]),
                                         ("3,1", ["3", "1"])])
def test_pages_option_selects_pages(cli, tmp_path, spec, pages):
    pdf = tmp_path / "three.pdf"  # EN, ZH, EN
    with pymupdf.open() as doc:
        for name in (EN, ZH, EN):
            with pymupdf.open(fixture_pdf(name)) as page:
                doc.insert_pdf(page)
        doc.save(pdf)
    run = cli("convert", pdf, "--pages", spec, "-o", "-")
    assert run.code == 0, run.err
    sections = _sections(_parse(run.out))
    assert [s.get("data-page") for s in sections] == pages
    for s in sections:
        assert s.findall(".//article"), f"page {s.get('data-page')} has no story"
        assert s.get("lang") == ("zh" if s.get("data-page") == "2" else "en")


def test_several_inputs_go_into_output_folder(cli, tmp_path):
    folder = tmp_path / "out"
    run = cli("convert", fixture_pdf(EN), fixture_pdf(ZH), "-o", folder)
    assert run.code == 0, run.err
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{EN}.html", f"{ZH}.html"])
    for name in (EN, ZH):
        doc = _parse((folder / f"{name}.html").read_text(encoding="utf-8"))
        assert [s.get("data-source") for s in _sections(doc)] == [f"{name}.pdf"]


def test_one_input_into_existing_folder(cli, tmp_path):
    run = cli("convert", fixture_pdf(ZH), "-o", tmp_path, "-f", "markdown")
    assert run.code == 0, run.err
    assert [p.name for p in tmp_path.iterdir()] == [f"{ZH}.md"]


def test_default_output_is_beside_the_input(cli, tmp_path):
    src = tmp_path / "copy.pdf"
    src.write_bytes(fixture_pdf(EN).read_bytes())
    run = cli("convert", src, "--format", "json")
    assert run.code == 0, run.err
    assert json.loads((tmp_path / "copy.json").read_text(encoding="utf-8"))["source"] == "copy.pdf"
    assert run.out == ""


def test_several_inputs_into_existing_file_is_a_usage_error(cli, tmp_path):
    target = tmp_path / "already.html"
    target.write_text("keep me", encoding="utf-8")
    run = cli("convert", fixture_pdf(EN), fixture_pdf(ZH), "-o", target)
    assert run.code == 2
    _assert_one_error(run, "already.html")
    assert target.read_text(encoding="utf-8") == "keep me"


def test_images_are_written_and_linked_relative_to_the_html(cli, tmp_path):
    out = tmp_path / "site" / "page.html"
    out.parent.mkdir()
    images = out.parent / "page_files"
    run = cli("convert", fixture_pdf(EN), "-o", out, "--images", images)
    assert run.code == 0, run.err
    files = sorted(p for p in images.iterdir())
    assert files, "no image file written"
    for f in files:
        assert f.stat().st_size > 0
        with pymupdf.open(f) as img:  # a real raster image, not an empty stub
            assert img.page_count == 1
    srcs = [img.get("src") for img in _parse(out.read_text(encoding="utf-8")).iter("img")]
    assert srcs and None not in srcs
    for src in srcs:
        assert not Path(src).is_absolute() and not re.match(r"^[a-z]+:|^//", src), src
        assert (out.parent / src).is_file(), f"<img src={src!r}> does not exist beside the HTML"
    assert sorted((out.parent / s).resolve() for s in srcs) == sorted(f.resolve() for f in files)


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_input_is_one_error_line_and_exit_1(cli, tmp_path, kind):
    bad = _bad_input(kind, tmp_path)
    run = cli("convert", bad, "-o", tmp_path / "out.html")
    assert run.code == 1
    _assert_one_error(run, bad.name)


@pytest.mark.parametrize("spec", ["0", "5-2", "abc", "1-2,x"])
def test_malformed_pages_spec_is_a_usage_error_naming_the_spec(cli, tmp_path, spec):
    out = tmp_path / "out.html"
    run = cli("convert", fixture_pdf(EN), "--pages", spec, "-o", out)
    assert run.code == 2
    _assert_one_error(run, spec.split(",")[-1])
    assert not out.exists()


def test_page_beyond_the_end_fails_that_file_naming_it_and_the_page(cli, tmp_path):
    run = cli("convert", fixture_pdf(EN), "--pages", "2", "-o", "-")
    assert run.code == 1
    line = _assert_one_error(run, f"{EN}.pdf")
    assert re.search(r"\bpage 2\b", line), line
    assert run.out == ""


def test_a_page_range_too_long_for_one_file_does_not_stop_the_others(cli, tmp_path):
    three = _multi_page(tmp_path / "three.pdf")
    run = cli("convert", fixture_pdf(EN), three, "--pages", "3", "-o", tmp_path / "out")
    assert run.code == 1
    _assert_one_error(run, f"{EN}.pdf")
    assert (tmp_path / "out" / "three.html").exists()


def test_unknown_format_is_an_argparse_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["convert", str(fixture_pdf(EN)), "--format", "docx"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "docx" in err and "Traceback" not in err


@pytest.mark.parametrize("seconds", ["1e300", "0", "-3", "nan", "inf", "soon"])
def test_a_time_limit_out_of_range_is_an_argparse_usage_error(capsys, seconds):
    """A limit of 1e300 s overflowed the guard's wait (a traceback): limits go up to a week."""
    with pytest.raises(SystemExit) as exc:
        main(["convert", str(fixture_pdf(EN)), "--page-timeout", seconds])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--page-timeout" in err and "Traceback" not in err


def test_blank_page_fails_alone_and_the_others_convert(cli, tmp_path):
    pdf = _multi_page(tmp_path / "with_blank.pdf")
    out = tmp_path / "with_blank.html"
    run = cli("convert", pdf, "-o", out)
    assert run.code == 1
    line = _assert_one_error(run, "with_blank.pdf")
    assert re.search(r"\bpage 2\b", line), line
    sections = _sections(_parse(out.read_text(encoding="utf-8")))
    assert [s.get("data-page") for s in sections] == ["1", "2", "3"]
    good = [sections[0], sections[2]]
    for s in good:
        assert "failed" not in s.get("class").split()
        articles = s.findall(".//article")
        assert articles and any(a.findall(".//h2") and a.findall(".//p") for a in articles)
    failed = sections[1]
    assert "failed" in failed.get("class").split()
    assert failed.findall(".//article") == []
    assert "page 2" in failed.text_content()
    # the stories of page 1 are those of the EN page, the ones of page 3 those of the ZH page
    assert {h.text_content() for h in good[0].iter("h2")} & set(_gt_headlines(EN))
    assert {h.text_content() for h in good[1].iter("h2")} & set(_gt_headlines(ZH))


def test_blank_page_in_json_is_a_failed_page(cli, tmp_path):
    pdf = _multi_page(tmp_path / "with_blank.pdf")
    run = cli("convert", pdf, "-f", "json", "-o", "-")
    assert run.code == 1
    pages = json.loads(run.out)["pages"]
    assert [p["number"] for p in pages] == [1, 2, 3]
    assert "page 2" in pages[1]["error"] and not pages[1].get("stories")
    assert pages[0]["stories"] and pages[2]["stories"]


def test_batch_with_one_bad_input_writes_the_good_ones(cli, tmp_path):
    bad = _bad_input("text", tmp_path)
    folder = tmp_path / "out"
    run = cli("convert", fixture_pdf(EN), bad, fixture_pdf(ZH), "-o", folder)
    assert run.code == 1
    _assert_one_error(run, bad.name)
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{EN}.html", f"{ZH}.html"])
    for name in (EN, ZH):
        assert _sections(_parse((folder / f"{name}.html").read_text(encoding="utf-8")))


def test_write_failure_is_one_error_line(cli, tmp_path):
    out = tmp_path / "no" / "such" / "folder" / "page.html"
    run = cli("convert", fixture_pdf(EN), "-o", out)
    assert run.code == 1
    _assert_one_error(run, "page.html")


# --- evaluate --------------------------------------------------------------------------------


def _scores_line(line: str) -> dict[str, float | None]:
    """``coverage 0.995  flow …`` → {"coverage": 0.995, …}."""
    fields = line.split()
    assert len(fields) == 2 * len(CONTRACT_METRICS), line
    names, values = fields[0::2], fields[1::2]
    assert tuple(names) == CONTRACT_METRICS, line
    return {n: None if v == "-" else float(v) for n, v in zip(names, values)}


@pytest.fixture
def en_html(cli, tmp_path) -> Path:
    out = tmp_path / f"{EN}.html"
    assert cli("convert", fixture_pdf(EN), "-o", out).code == 0
    return out


def test_evaluate_prints_the_scores_line(cli, en_html, tmp_path):
    run = cli("evaluate", en_html, FIXTURES / f"{EN}.gt.json")
    assert run.code == 0, run.err
    lines = run.out.strip().splitlines()
    assert len(lines) == 1
    scores = _scores_line(lines[0])
    assert all(v is None or 0.0 <= v <= 1.0 for v in scores.values())
    assert scores["coverage"] > 0.5
    # Scored against another page's truth, the same output finds (almost) nothing.
    other = cli("evaluate", en_html, FIXTURES / f"{ZH}.gt.json")
    assert other.code == 0, other.err
    assert _scores_line(other.out.strip())["coverage"] < 0.1


def test_evaluate_json_has_the_metric_keys(cli, en_html):
    run = cli("evaluate", en_html, FIXTURES / f"{EN}.gt.json", "--json")
    assert run.code == 0, run.err
    scores = json.loads(run.out)
    assert set(CONTRACT_METRICS) <= set(scores)
    for name in CONTRACT_METRICS:
        assert scores[name] is None or 0.0 <= scores[name] <= 1.0
    text = cli("evaluate", en_html, FIXTURES / f"{EN}.gt.json")
    assert _scores_line(text.out.strip())["coverage"] == pytest.approx(scores["coverage"], abs=5e-4)


@pytest.mark.parametrize("which", ["output", "truth"])
def test_evaluate_missing_file_is_exit_1(cli, en_html, tmp_path, which):
    missing = tmp_path / f"nothing.{'html' if which == 'output' else 'json'}"
    args = (missing, FIXTURES / f"{EN}.gt.json") if which == "output" else (en_html, missing)
    run = cli("evaluate", *args)
    assert run.code == 1
    _assert_one_error(run, missing.name)


def test_evaluate_unparsable_output_names_the_file(cli, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    run = cli("evaluate", empty, FIXTURES / f"{EN}.gt.json")
    assert run.code == 1
    _assert_one_error(run, "empty.html")


# --- as a real process: nothing but one line per error reaches the user ----------------------


def _command() -> list[str]:
    """The installed ``newslayout`` entry point next to this interpreter, else ``-m``."""
    script = Path(sys.executable).with_name("newslayout")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "layout.cli"]


def test_subprocess_batch_of_bad_inputs_has_no_traceback(tmp_path):
    bad = [_bad_input(kind, tmp_path) for kind in BAD_KINDS]
    folder = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "layout.cli", "convert", str(fixture_pdf(EN)),
                           *map(str, bad), "-o", str(folder)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith(ERROR_PREFIX)]
    assert len(errors) == len(bad), proc.stderr
    for path, line in zip(bad, errors):
        assert path.name in line
    assert (folder / f"{EN}.html").is_file()


def test_subprocess_entry_point_usage_error(tmp_path):
    proc = subprocess.run([*_command(), "convert", str(fixture_pdf(EN)), "--pages", "abc",
                           "-o", str(tmp_path / "x.html")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR_PREFIX), proc.stderr
    assert "--pages" in lines[0] and "abc" in lines[0]


def test_subprocess_converts_to_stdout(tmp_path):
    proc = subprocess.run([*_command(), "convert", str(fixture_pdf(ZH)), "-o", "-"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")  # UTF-8 whatever the locale
    doc = _parse(text)
    assert doc.get("lang") == "zh"
    assert {h.text_content() for h in doc.iter("h2")} & set(_gt_headlines(ZH))


def test_a_warning_of_the_library_is_one_line_like_an_error(tmp_path):
    """KB's DIDL files are malformed XML (an undeclared prefix), read with recovery: the
    warning says so in one line, with no source line of ours under it."""
    didl = FIXTURES.parent / "archives" / "kb_groningen-advertentieblad_1813-11-16" / "didl.xml"
    proc = subprocess.run([sys.executable, "-m", "layout.cli", "convert", str(didl), "-o",
                           str(tmp_path / "out") + "/", "--pages", "1"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "recovery" in line]
    assert len(warnings) == 1 and warnings[0].startswith("newslayout: warning: ")
    assert str(didl) in warnings[0]
    assert "parse_recovering" not in proc.stderr
