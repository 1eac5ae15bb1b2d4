"""Batches (layout/batch/): a mirrored tree, the report, resume after a kill, bad inputs,
the time limit, a full disk, Dask, and memory that stays flat with the page count.

Batches run in this process (``run_batch`` or ``cli.main``), their workers forked from one
fork server that imports the library once per session; only the kill test starts the
command as a separate process, since it has to be killed.
"""

from __future__ import annotations

import errno
import faulthandler
import json
import multiprocessing as mp
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pymupdf
import pytest
from lxml import html as lxml_html

import layout
from layout.batch import REPORT_NAME, atomic, convert, convert_file, isolate, run_batch
from layout.batch.atomic import TEMP_SUFFIX, write_atomic
from layout.batch.report import Earlier, Report
from layout.cli import main
from layout.writers import FORMATS

from conftest import fixture_pdf

FAST = "en_letter_4col"  # the quickest sample page to analyse
GOOD = {"en_letter_4col.pdf": "en_letter_4col", "a/zh_tabloid_4col.pdf": "zh_tabloid_4col",
        "a/b/zh_front_5col.pdf": "zh_front_5col", "a/same.pdf": FAST, "a/same.PDF": FAST}
BAD = {"bad/empty.pdf": b"", "bad/text.pdf": b"plain text, not a PDF\n",
       "bad/damaged.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 16}
UNREADABLE = "bad/unreadable.pdf"


def report(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / REPORT_NAME).read_text("utf-8").splitlines()]


def outputs(out: Path) -> dict[str, tuple[int, int]]:
    """Every output file (the report aside) → (inode, mtime_ns): changes when it is rewritten."""
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in out.rglob("*") if p.is_file() and p.name != REPORT_NAME}


def assert_clean(out: Path) -> None:
    """No temporary file is left, and every output parses as its format."""
    assert not [p for p in out.rglob(f"*{TEMP_SUFFIX}")], "temporary files left behind"
    for name in outputs(out):
        data = (out / name).read_bytes()
        if name.endswith(".html"):
            root = lxml_html.document_fromstring(data)
            assert root.find(".//body/section") is not None, name
        elif name.endswith(".json"):
            assert json.loads(data)["pages"], name
        else:
            assert data.decode("utf-8").endswith("\n"), name


def multipage(path: Path, name: str, pages: int) -> Path:
    """A PDF of ``pages`` copies of the sample page ``name``."""
    src, doc = pymupdf.open(fixture_pdf(name)), pymupdf.open()
    for _ in range(pages):
        doc.insert_pdf(src)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def copies(folder: Path, names: dict[str, str]) -> Path:
    for rel, sample in names.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fixture_pdf(sample), folder / rel)
    return folder


# --- one batch over a tree of good and bad inputs ----------------------------------------------

@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    """(input folder, output folder, exit code, first run's report) of one batch."""
    inp = copies(tmp_path_factory.mktemp("tree") / "in", GOOD)
    (inp / "bad").mkdir()
    for rel, data in BAD.items():
        (inp / rel).write_bytes(data)
    shutil.copyfile(fixture_pdf(FAST), inp / UNREADABLE)
    (inp / UNREADABLE).chmod(0)
    (inp / "notes.txt").write_text("not an input by default\n")
    (inp / ".hidden").mkdir()
    shutil.copyfile(fixture_pdf(FAST), inp / ".hidden" / "skip.pdf")
    out = inp.parent / "out"
    code = main(["batch", str(inp), str(out), "-f", "html,json", "--workers", "2"])
    return inp, out, code, report(out)


def test_outputs_mirror_the_input_tree_one_per_format(tree):
    inp, out, _, records = tree
    expected = {"en_letter_4col", "a/zh_tabloid_4col", "a/b/zh_front_5col",
                "a/same.pdf", "a/same.PDF"}  # one stem twice in a folder: full names
    if os.access(inp / UNREADABLE, os.R_OK):  # root reads it all the same
        expected.add("bad/unreadable")
    assert set(outputs(out)) == {f"{s}{ext}" for s in expected for ext in (".html", ".json")}
    assert_clean(out)


def test_report_has_one_line_per_input_and_the_exit_code_says_failed(tree):
    _, _, code, records = tree
    assert code == 1
    assert sorted(r["input"] for r in records) == sorted([*GOOD, *BAD, UNREADABLE])
    for r in records:
        assert {"input", "status", "pages", "failed_pages", "seconds", "error", "outputs"} <= r.keys()
        if r["input"] in GOOD:
            assert (r["status"], r["pages"], r["failed_pages"], r["error"]) == ("ok", 1, [], None)
            assert len(r["outputs"]) == 2 and r["peak_mb"] > 0


def test_bad_inputs_are_reported_with_their_reason(tree):
    records = {r["input"]: r for r in tree[3]}
    reasons = {"bad/empty.pdf": "empty file", "bad/text.pdf": "unrecognised file content",
               "bad/damaged.pdf": "damaged"}
    for name, reason in reasons.items():
        assert records[name]["status"] == "failed" and reason in records[name]["error"], records[name]
        assert records[name]["outputs"] == []


def test_an_unreadable_input_is_reported(tree, tmp_path, monkeypatch):
    inp, _, _, records = tree
    if not os.access(inp / UNREADABLE, os.R_OK):  # chmod 000 held: the batch met it
        r = next(r for r in records if r["input"] == UNREADABLE)
        assert r["status"] == "failed" and "Permission denied" in r["error"]
        return
    # Root reads through chmod 000: refuse the read as the system would for anyone else.
    opened = os.open

    def refuse(path, *args, **kwargs):
        if Path(path).name == Path(UNREADABLE).name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    r = convert_file(inp / UNREADABLE, tmp_path / "o")
    assert r["status"] == "failed" and "cannot read: Permission denied" in r["error"]


def test_a_rerun_skips_what_is_done_and_force_redoes_it(tree):
    inp, out, _, first = tree
    before = outputs(out)
    assert main(["batch", str(inp), str(out), "-f", "html,json"]) == 1
    again = report(out)[len(first):]
    status = {r["input"]: r["status"] for r in again}
    assert status == {**{n: "skipped" for n in GOOD}, **{n: "failed" for n in BAD},
                      UNREADABLE: "skipped" if os.access(inp / UNREADABLE, os.R_OK) else "failed"}
    assert outputs(out) == before
    main(["batch", str(inp), str(out), "-f", "html,json", "--force", "--glob", "a/*"])
    forced = report(out)[len(first) + len(again):]
    assert sorted((r["input"], r["status"]) for r in forced) == \
        [("a/same.PDF", "ok"), ("a/same.pdf", "ok"), ("a/zh_tabloid_4col.pdf", "ok")]
    assert outputs(out)["a/zh_tabloid_4col.html"] != before["a/zh_tabloid_4col.html"]


def test_archive_formats_exit_0_when_all_convert_and_resume_from_the_report(tree, tmp_path):
    args = ["batch", str(tree[0]), str(tmp_path), "-f", "html,alto,mets", "--glob", "a/b/*.pdf"]
    assert main(args) == 0
    files = {"a/b/zh_front_5col.html", "a/b/zh_front_5col-p0001.alto.xml",
             "a/b/zh_front_5col.mets.xml"}
    assert set(outputs(tmp_path)) == files
    assert sorted(report(tmp_path)[0]["outputs"]) == sorted(files)
    assert main(args) == 0
    assert report(tmp_path)[1]["status"] == "skipped"


def test_usage_errors_stop_before_any_work(tree, tmp_path):
    inp = tree[0]
    assert main(["batch", str(inp), str(tmp_path / "o"), "-f", "html,pdf"]) == 2
    (tmp_path / "file").write_text("")
    assert main(["batch", str(inp), str(tmp_path / "file")]) == 2  # output is not a folder
    assert not (tmp_path / "o").exists()


def test_dask_gives_the_same_outputs_and_report(tree, tmp_path):
    import dask  # in the dev extras: make install puts it there
    from dask.distributed import LocalCluster

    inp, out, _, first = tree
    # Workers start a process per file, which daemonic processes may not: what --dask local does.
    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
    with cluster:
        counts = run_batch(inp, tmp_path, ("html", "json"), dask=cluster.scheduler_address)
    assert counts == {s: sum(r["status"] == s for r in first) for s in ("ok", "failed")}
    assert set(outputs(tmp_path)) == set(outputs(out))
    for name in outputs(out):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name
    local = {r["input"]: (r["status"], r["error"], r["outputs"]) for r in first}
    assert {r["input"]: (r["status"], r["error"], r["outputs"]) for r in report(tmp_path)} == local


# --- a batch killed in the middle ---------------------------------------------------------------

def test_a_killed_batch_leaves_no_partial_file_and_resumes(tmp_path):
    inp = copies(tmp_path / "in", {f"p{i:02}.pdf": FAST for i in range(10)})
    out = tmp_path / "out"
    formats = ("html", "json", "text", "markdown")
    with (tmp_path / "stderr").open("w") as stderr:
        proc = subprocess.Popen([sys.executable, "-m", "layout.cli", "batch", str(inp), str(out),
                                 "-f", ",".join(formats), "--workers", "2"], stderr=stderr,
                                start_new_session=True)
        deadline = time.monotonic() + 300
        while not list(out.glob("*.html")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        # The batch and its workers, killed at once (as a terminal or a job scheduler kills a
        # job): a worker left running would finish its file after the outputs are counted.
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert_clean(out)
    after_kill = outputs(out)
    complete = {n for n in (p.name for p in inp.iterdir())
                if all(f"{Path(n).stem}{FORMATS[f].extension}" in after_kill for f in formats)}
    assert after_kill, (tmp_path / "stderr").read_text()
    assert len(complete) < 10, "the kill came after the end of the batch"
    killed_run = len(report(out))

    counts = run_batch(inp, out, formats, workers=2)
    rerun = {r["input"]: r for r in report(out)[killed_run:]}
    assert sorted(rerun) == sorted(p.name for p in inp.iterdir())  # one line each
    for name, r in rerun.items():
        assert r["status"] == ("skipped" if name in complete else "ok"), r
    assert counts == {"skipped": len(complete), "ok": 10 - len(complete)}
    now = outputs(out)
    assert {k: now[k] for k in after_kill if Path(k).stem + ".pdf" in complete} == \
        {k: v for k, v in after_kill.items() if Path(k).stem + ".pdf" in complete}  # not redone
    assert len(now) == 10 * len(formats)
    assert_clean(out)


# --- time limit, full disk, unwritable outputs ------------------------------------------------

def test_a_file_over_the_time_limit_fails_and_the_others_convert(tmp_path):
    inp = tmp_path / "in"
    # 1000 pages take a minute at least; the limit stops the file after 3 s, so the test
    # costs about that, whatever the speed of the machine.
    multipage(inp / "slow.pdf", FAST, 1000)
    copies(inp, {"quick.pdf": FAST})
    counts = run_batch(inp, tmp_path / "out", ("html",), workers=2, timeout=3)
    records = {r["input"]: r for r in report(tmp_path / "out")}
    assert records["slow.pdf"]["status"] == "failed"
    assert records["slow.pdf"]["error"] == "timeout after 3 s"
    assert records["quick.pdf"]["status"] == "ok"
    assert counts == {"ok": 1, "failed": 1}
    assert set(outputs(tmp_path / "out")) == {"quick.html"}
    assert_clean(tmp_path / "out")


def test_a_full_disk_fails_its_file_keeps_the_old_output_and_the_others_convert(tmp_path, monkeypatch):
    inp = copies(tmp_path / "in", {"fine.pdf": FAST, "nospace/page.pdf": FAST})
    out = tmp_path / "out"
    (out / "nospace").mkdir(parents=True)
    old = "<!DOCTYPE html><html><body><section>an earlier good result</section></body></html>"
    (out / "nospace" / "page.html").write_text(old)
    os.utime(out / "nospace" / "page.html", (0, 0))  # older than its input: to be redone
    real_fsync = os.fsync

    def fsync(fd: int) -> None:  # the disk fills while this folder's outputs are written
        if "/nospace/" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    # Workers forked from this process, so that they see the patch (the fork server does not).
    monkeypatch.setattr(isolate, "fork_context", lambda: mp.get_context("fork"))
    counts = run_batch(inp, out, ("html", "json"), workers=1)
    records = {r["input"]: r for r in report(out)}
    assert counts == {"ok": 1, "failed": 1}
    assert records["nospace/page.pdf"]["error"] in {
        f"{out / 'nospace' / name}: cannot write: No space left on device"
        for name in ("page.html", "page.json")}
    assert (out / "nospace" / "page.html").read_text() == old
    assert set(outputs(out)) == {"fine.html", "fine.json", "nospace/page.html"}
    assert_clean(out)


def _raise(*args, **kwargs):
    raise RuntimeError("boom")


def _crash(*args, **kwargs):
    faulthandler.disable()  # pytest's, inherited: no dump of this deliberate crash
    os.kill(os.getpid(), signal.SIGSEGV)


@pytest.mark.parametrize("fault, error", [
    (_raise, "RuntimeError: boom (at test_batch.py:"),
    (_crash, "worker process died: killed by SIGSEGV"),
], ids=["bug", "crash"])
def test_a_bug_or_crash_in_a_worker_is_recorded_and_the_batch_goes_on(tmp_path, monkeypatch,
                                                                      fault, error):
    inp = copies(tmp_path / "in", {"a.pdf": FAST, "b.pdf": FAST})
    monkeypatch.setattr(convert, "PageReader", fault)
    monkeypatch.setattr(isolate, "fork_context", lambda: mp.get_context("fork"))
    assert run_batch(inp, tmp_path / "out", workers=1) == {"failed": 2}
    assert [r["error"][:len(error)] for r in report(tmp_path / "out")] == [error, error]


def test_an_output_folder_that_cannot_be_made_fails_only_its_files(tmp_path):
    inp = copies(tmp_path / "in", {"fine.pdf": FAST, "sub/page.pdf": FAST})
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").write_text("a file where the folder should be")  # stops root too
    counts = run_batch(inp, out, ("html",), workers=2)
    r = {r["input"]: r for r in report(out)}["sub/page.pdf"]
    assert counts == {"ok": 1, "failed": 1}
    assert r["error"].startswith(f"{out / 'sub'}: cannot create the output folder")


# --- memory ----------------------------------------------------------------------------------

# Peak RSS of a worker (forked from a server holding the library), HTML and JSON of FAST
# copies, measured: 67 MB for 10 pages, 69 MB for 200, 73 MB for 1,000 (bench/scale.py). Pages
# are written as they come and MuPDF's store is emptied after each; without that, 0.3 MB more
# a page. A file of any length must cost about the memory of a page: within this share.
MAX_GROWTH = 0.2


def test_memory_stays_flat_with_the_page_count(tmp_path):
    inp = tmp_path / "in"
    multipage(inp / "p10.pdf", FAST, 10)
    multipage(inp / "p200.pdf", FAST, 200)
    assert run_batch(inp, tmp_path / "out", ("html", "json"), workers=2) == {"ok": 2}
    peaks = {r["input"]: r["peak_mb"] for r in report(tmp_path / "out")}
    assert peaks["p200.pdf"] <= (1 + MAX_GROWTH) * peaks["p10.pdf"], peaks


# --- pieces ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["html", "json", "alto", "mets", "page"])
def test_streamed_outputs_are_those_of_the_whole_document(fmt, tmp_path):
    """convert_file hands each page to the writers as it comes; what it writes is what the
    writers make of the whole document at once."""
    pdf = multipage(tmp_path / "two.pdf", FAST, 2)
    os.environ["SOURCE_DATE_EPOCH"] = "0"  # PAGE-XML's time of writing
    try:
        record = convert_file(pdf, tmp_path / "out", (fmt,))
        doc = layout.reconstruct(pdf)
        f = FORMATS[fmt]
        whole = ({f"two{f.extension}": f.write(doc).encode()} if f.kind == "text"
                 else f.write_files(doc, "two"))
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    assert record["status"] == "ok"
    assert {Path(o).name: Path(o).read_bytes() for o in record["outputs"]} == whole


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "named-temp"])
def test_write_atomic_replaces_whole_files_or_nothing(tmp_path, monkeypatch, unnamed):
    if not unnamed:
        monkeypatch.setattr(atomic, "_open_unnamed", lambda folder: None)
    target = tmp_path / "page.html"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    with pytest.raises(OSError):
        write_atomic(target, b"third, never seen")
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_write_atomic_links_a_new_target_in_place_with_no_temporary_name(tmp_path, monkeypatch):
    """A kill can leave no temporary file of a new output: it is never given one (O_TMPFILE,
    as on Linux); only replacing an existing file goes through a hidden name. A directory in
    the target's place is not replaced, and leaves no temporary file either."""
    probe = atomic._open_unnamed(tmp_path)
    if probe is None:
        pytest.skip("no O_TMPFILE here: every output is written under a hidden name first")
    os.close(probe)
    named = []
    real_link = os.link
    monkeypatch.setattr(os, "link", lambda src, dst, **kw: (named.append(dst), real_link(src, dst, **kw))[1])
    write_atomic(tmp_path / "page.html", b"first")
    assert named == ["page.html"]
    write_atomic(tmp_path / "page.html", b"second")
    assert named[-1].endswith(TEMP_SUFFIX) and (tmp_path / "page.html").read_bytes() == b"second"
    (tmp_path / "folder.html").mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path / "folder.html", b"never")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.html", "page.html"]


def test_report_reads_past_a_torn_line_and_appends_on_a_new_one(tmp_path):
    path = tmp_path / REPORT_NAME
    path.write_text('{"input": "a.pdf", "status": "ok", "bytes": 5, "digest": "d1", '
                    '"formats": ["html"], "outputs": ["a.html"]}\n{"input": "b.pdf", "sta')
    with Report(path) as r:
        assert r.done == {"a.pdf": Earlier(5, "d1", ("html",), ("a.html",))}
        r.append({"input": "c.pdf", "status": "failed"})
    assert path.read_text().splitlines()[-1] == '{"input": "c.pdf", "status": "failed"}'


def test_reconstruct_many_yields_documents_and_errors(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    results = dict(layout.reconstruct_many([fixture_pdf(FAST), empty], workers=2))
    assert isinstance(results[fixture_pdf(FAST)], layout.Document)
    assert isinstance(results[empty], layout.InputError)
