"""Batch jobs against hostile records and a hostile machine (issue 16, items 6 and 11).

Poison records become error records and the output stays strict JSON; a full disk, an
unwritable folder, a killed worker or SIGTERM end with one line and a part file that
``--resume`` finishes; a resumed run refuses other input; two runs cannot share an output.
"""

import errno
import fcntl
import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgist.batch
from newsgist.batch import BatchJob, Result, run_batch, summarize_lines
from newsgist.cli import main
from newsgist.errors import BatchError, InvalidOptionError
from tests.conftest import ROOT
from tests.test_batch import _interrupt_after, _lines, _records, _write

STORY = "The council voted to close the old ferry pier. Repairs would cost too much. A new pier opens in May."

POISON = {
    # raw line: (the id written, the error's type, words of its message)
    b'{"id": "\\ud800", "article": "%s"}' % STORY.encode(): (
        "\\ud800",
        "InvalidRecordError",
        "its lone surrogates written as \\uXXXX text",
    ),
    b'{"id": "a\\udc00b", "article": "%s"}' % STORY.encode(): (
        "a\\udc00b",
        "InvalidRecordError",
        "id replaced",
    ),
    b'{"id": ' + b"9" * 5000 + b', "article": "%s"}' % STORY.encode(): (
        None,
        "InvalidRecordError",
        "an integer of over 4,300 digits",
    ),
    b"[" * 100_000 + b"]" * 100_000: (None, "InvalidRecordError", "nested too deeply"),
    b'{"id": "deep", "article": "%s", "x": %s}'
    % (STORY.encode(), b"[" * 100_000 + b"]" * 100_000): (
        None,
        "InvalidRecordError",
        "nested too deeply",
    ),
    b'{"id": NaN, "article": "%s"}' % STORY.encode(): (
        "NaN",
        "InvalidRecordError",
        "NaN is not a JSON number",
    ),
    b'{"id": Infinity, "article": "%s"}' % STORY.encode(): ("Infinity", "InvalidRecordError", ""),
    b'{"id": -Infinity, "article": "%s"}' % STORY.encode(): ("-Infinity", "InvalidRecordError", ""),
    b'{"id": 1e999, "article": "%s"}' % STORY.encode(): ("Infinity", "InvalidRecordError", ""),
    b'{"id": ["\\ud800"], "article": "%s"}' % STORY.encode(): (
        None,
        "InvalidRecordError",
        "a list JSON cannot hold, written as null",
    ),
    b'{"id": "text", "article": "The mayor \\udc80 said so. It rained."}': (
        "text",
        "InvalidRecordError",
        "'article' is not valid Unicode",
    ),
}


def _refuse(constant):
    raise ValueError(f"{constant} is not JSON")


def _strict(raw: bytes):
    """Parse one output line as strict JSON in UTF-8: no NaN, no lone surrogates."""
    record = json.loads(raw.decode("utf-8"), parse_constant=_refuse)
    json.dumps(record, allow_nan=False, ensure_ascii=False).encode("utf-8")
    return record


def _poisoned(tmp_path):
    good = _records(3)
    lines = [good[0], *POISON, good[1], good[2]]
    return _write(tmp_path / "in.jsonl", lines), lines


@pytest.mark.parametrize("workers", [1, 2])
def test_poison_records_become_error_records_in_strict_json(tmp_path, workers):
    source, lines = _poisoned(tmp_path)
    report = run_batch(source, tmp_path / "out.jsonl", BatchJob(), workers=workers)
    out = (tmp_path / "out.jsonl").read_bytes().splitlines()
    assert len(out) == len(lines)
    assert (report.ok, report.failed) == (3, len(POISON))
    for number, (raw, line) in enumerate(zip(lines, out, strict=True), start=1):
        record = _strict(line)
        if raw not in POISON:
            assert "error" not in record
            continue
        written_id, kind, words = POISON[raw]
        assert record["id"] == written_id
        assert record["line"] == number
        assert record["error"]["type"] == kind
        assert words in record["error"]["message"]


def test_a_run_stopped_after_a_poison_record_resumes_to_the_same_output(tmp_path):
    source, _ = _poisoned(tmp_path)
    run_batch(source, tmp_path / "full.jsonl", BatchJob())
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):  # just after the lone-surrogate id
        run_batch(source, out, BatchJob(), progress=_interrupt_after(2))
    report = run_batch(source, out, BatchJob(), resume=True)
    assert report.resumed == 2
    assert out.read_bytes() == (tmp_path / "full.jsonl").read_bytes()


def test_poison_records_through_the_cli_exit_1_with_one_line(capsys, tmp_path):
    source, lines = _poisoned(tmp_path)
    assert main(["batch", str(source), "-o", "-", "--workers", "1"]) == 1
    captured = capsys.readouterr()
    assert len(captured.err.splitlines()) == 1
    assert len([_strict(line.encode()) for line in captured.out.splitlines()]) == len(lines)


def test_a_record_that_cannot_be_written_becomes_an_error_record():
    for record in (
        {"id": "x", "headline": "half \ud800 a headline"},  # text the pipeline let through
        {"id": float("nan"), "headline": "ok"},
        {"id": {1, 2}, "headline": "ok"},  # a Ray column of a type JSON lacks
    ):
        result = Result.of(record, 7)
        assert not result.ok
        written = _strict(result.line.encode("utf-8"))
        assert written["line"] == 7
        assert written["error"]["type"] == "InvalidRecordError"


poison_strategy = st.one_of(
    st.sampled_from(list(POISON)),
    st.sampled_from(_records(2)),
    st.builds(
        lambda key, text: b'{"id": %s, "article": %s}' % (key, text),
        st.sampled_from([b'"\\ud800"', b"NaN", b"-Infinity", b"1e400", b"[[[1]]]", b"null"]),
        st.sampled_from([b'"A cat sat. It purred."', b'"x \\udfff y."', b"NaN", b"[]"]),
    ),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(poison_strategy, max_size=6))
def test_any_poison_gives_one_strict_json_line_per_line(lines):
    results = list(summarize_lines(enumerate(lines, start=1), BatchJob()))
    assert len(results) == len(lines)
    for number, result in enumerate(results, start=1):
        record = _strict(result.line.encode("utf-8"))
        assert result.ok == ("error" not in record)
        assert result.ok or record["line"] == number


# --- a hostile machine: full disk, unwritable folder, dead worker, signals, two runs ---


class _FullDisk(io.FileIO):
    """A file on a disk with ``room`` bytes left: writes past it fail with ENOSPC."""

    room = 0

    def write(self, data):
        left = self.room - self.tell()
        if left <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return super().write(bytes(data)[:left])  # a short write, as a filling disk gives


def _fill_disk(monkeypatch, part: Path, room: int) -> None:
    """Make ``part``, opened by the batch module, sit on a disk that fills after ``room`` bytes."""
    real_open = open

    class Full(_FullDisk):
        pass

    Full.room = room

    def fake_open(file, mode="r", *args, **kwargs):
        if Path(file) == part and "b" in mode:
            raw = Full(file, mode.replace("b", ""))
            return io.BufferedRandom(raw) if "+" in mode else io.BufferedWriter(raw)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(newsgist.batch, "open", fake_open, raising=False)


def test_a_full_disk_stops_with_one_error_and_a_part_file_that_resumes(tmp_path, monkeypatch):
    monkeypatch.setattr(newsgist.batch, "CHECKPOINT", 4)
    source = _write(tmp_path / "in.jsonl", [*_records(30), b"junk"])
    full = tmp_path / "full.jsonl"
    run_batch(source, full, BatchJob())
    out = tmp_path / "out.jsonl"
    part = tmp_path / "out.jsonl.part"
    _fill_disk(monkeypatch, part, room=len(full.read_bytes()) // 2)
    with pytest.raises(BatchError, match="No space left on device") as stopped:
        run_batch(source, out, BatchJob())
    message = str(stopped.value)
    assert "\n" not in message
    assert "rerun with --resume" in message
    assert not out.exists()
    assert part.exists()
    monkeypatch.undo()  # room again
    report = run_batch(source, out, BatchJob(), resume=True)
    assert 0 < report.resumed < 31
    assert out.read_bytes() == full.read_bytes()


def test_stdout_on_a_full_disk_exits_3_with_one_line(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(20))
    with open("/dev/full", "wb") as full:
        run = subprocess.run(
            _newsgist("batch", source, "-o", "-", "--workers", "1"),
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert run.returncode == 3
    assert run.stderr.splitlines() == [
        "newsgist: error: cannot write to stdout: No space left on device"
    ]


def test_an_unwritable_output_folder_exits_3_with_one_line(capsys, tmp_path):
    # root ignores file modes, but not the kernel: nothing can be created in /sys
    source = _write(tmp_path / "in.jsonl", _records(2))
    assert main(["batch", str(source), "-o", "/sys/newsgist-out.jsonl", "--workers", "1"]) == 3
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith("newsgist: error: cannot write beside /sys/newsgist-out.jsonl: ")


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_an_output_that_cannot_be_published_keeps_its_part_file(tmp_path, monkeypatch, code):
    source = _write(tmp_path / "in.jsonl", _records(5))
    out = tmp_path / "out.jsonl"
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst) == out:
            raise OSError(code, os.strerror(code), str(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(BatchError, match=os.strerror(code)) as stopped:
        run_batch(source, out, BatchJob())
    assert "the first 5 records are kept" in str(stopped.value)
    monkeypatch.undo()
    report = run_batch(source, out, BatchJob(), resume=True)
    assert (report.resumed, report.ok) == (5, 5)
    assert len(_lines(out)) == 5


def test_a_killed_worker_stops_the_run_with_a_part_file_that_resumes(tmp_path, monkeypatch):
    monkeypatch.setattr(newsgist.batch, "CHUNK", 3)
    source = _write(tmp_path / "in.jsonl", _records(60))
    full = tmp_path / "full.jsonl"
    run_batch(source, full, BatchJob())
    out = tmp_path / "out.jsonl"

    def kill_a_worker(records, read, size):
        if records == 10:
            multiprocessing.active_children()[0].kill()

    with pytest.raises(BatchError, match="a worker process died") as stopped:
        run_batch(source, out, BatchJob(), workers=2, progress=kill_a_worker)
    assert "rerun with --resume" in str(stopped.value)
    assert _wait_until(lambda: not multiprocessing.active_children(), 15)
    report = run_batch(source, out, BatchJob(), workers=2, resume=True)
    assert report.resumed >= 10
    assert out.read_bytes() == full.read_bytes()


def _newsgist(*args):
    return [sys.executable, "-m", "newsgist", *map(str, args)]


def _wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _children(pid):
    """The live child processes of ``pid`` (zombies, already dead, left out)."""
    kids = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            kids.add(int(stat.parent.name))
    return kids


def _alive(pids):
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """An input long enough to stop a run in the middle, and its uninterrupted output."""
    folder = tmp_path_factory.mktemp("big")
    source = _write(folder / "in.jsonl", [*_records(3000), b"junk", *_records(10, start=3000)])
    expected = folder / "expected.jsonl"
    run = subprocess.run(
        _newsgist("batch", source, "-o", expected, "--workers", "2"), cwd=ROOT, timeout=600
    )
    assert run.returncode == 1  # the junk line
    return source, expected.read_bytes()


def _started(source, out, *extra):
    """Start a batch in its own process group; return it once it has written a checkpoint."""
    run = subprocess.Popen(
        _newsgist("batch", source, "-o", out, "--workers", "2", *extra),
        cwd=ROOT,
        start_new_session=True,
        stderr=subprocess.PIPE,
        text=True,
    )
    state = Path(f"{out}.part.json")
    assert _wait_until(
        lambda: run.poll() is not None or (state.exists() and state.read_text().count("\n") >= 2),
        120,
    )
    assert run.poll() is None, "the batch finished before it could be stopped"
    return run


def _stop(run):
    """Kill what is left of a batch a failed test started."""
    if run.poll() is None:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()


def _resume(source, out):
    return subprocess.run(
        _newsgist("batch", source, "-o", out, "--workers", "2", "--resume"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_sigterm_stops_the_workers_and_leaves_a_part_file_that_resumes(tmp_path, big):
    source, expected = big
    out = tmp_path / "out.jsonl"
    run = _started(source, out)
    workers = _children(run.pid)
    assert len(workers) >= 2
    run.send_signal(signal.SIGTERM)
    try:
        _, stderr = run.communicate(timeout=15)
        assert _wait_until(lambda: not _alive(workers), 10), "workers outlived their batch"
    finally:
        _stop(run)
        for pid in _alive(workers):
            os.kill(pid, signal.SIGKILL)
    assert run.returncode == 3
    (line,) = stderr.splitlines()
    assert line.startswith("newsgist: error: stopped by SIGTERM; the first ")
    assert line.endswith("rerun with --resume")
    assert not out.exists()
    resumed = _resume(source, out)
    assert resumed.returncode == 1  # the junk line
    assert "of them from the resumed run" in resumed.stderr
    assert out.read_bytes() == expected


def test_workers_of_a_parent_killed_outright_stop_by_themselves(tmp_path, big):
    source, expected = big
    out = tmp_path / "out.jsonl"
    run = _started(source, out)
    workers = _children(run.pid)
    assert len(workers) >= 2
    run.kill()  # SIGKILL to the parent alone: no handler runs
    run.communicate(timeout=15)
    try:
        assert _wait_until(lambda: not _alive(workers), 10), "workers outlived their batch"
    finally:
        for pid in _alive(workers):
            os.kill(pid, signal.SIGKILL)
    assert _resume(source, out).returncode == 1
    assert out.read_bytes() == expected


def test_a_worker_killed_from_outside_ends_the_cli_with_one_line(tmp_path, big):
    source, expected = big
    out = tmp_path / "out.jsonl"
    run = _started(source, out)
    os.kill(min(_children(run.pid)), signal.SIGKILL)
    try:
        _, stderr = run.communicate(timeout=30)
    finally:
        _stop(run)
    assert run.returncode == 3
    (line,) = stderr.splitlines()
    assert "a worker process died" in line
    assert _resume(source, out).returncode == 1
    assert out.read_bytes() == expected


def test_a_second_run_on_the_same_output_is_refused_with_one_line(tmp_path, big):
    source, expected = big
    out = tmp_path / "out.jsonl"
    first = _started(source, out)
    try:
        second = subprocess.run(
            _newsgist("batch", source, "-o", out, "--workers", "1", "--resume"),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 3
        assert second.stderr.splitlines() == [
            f"newsgist: error: {out} is being written by another newsgist batch"
            f" (pid {first.pid}); wait for it to end, or write elsewhere"
        ]
        first.communicate(timeout=600)
        assert first.returncode == 1  # the first run is not disturbed
    finally:
        _stop(first)
    assert out.read_bytes() == expected
    assert not Path(f"{out}.lock").exists()


def test_a_held_lock_refuses_the_run_before_any_file_is_made(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(2))
    lock = tmp_path / "out.jsonl.lock"
    with open(lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(BatchError, match="being written by another newsgist batch"):
            run_batch(source, tmp_path / "out.jsonl", BatchJob())
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl.lock"]
    run_batch(source, tmp_path / "out.jsonl", BatchJob())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def _stdin(monkeypatch, lines):
    data = b"".join(line + b"\n" for line in lines)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_a_resume_from_stdin_refuses_other_input(tmp_path, monkeypatch):
    first, other = _records(8), _records(8, start=100)
    out = tmp_path / "out.jsonl"
    _stdin(monkeypatch, first)
    run_batch("-", tmp_path / "full.jsonl", BatchJob())
    _stdin(monkeypatch, first)
    with pytest.raises(KeyboardInterrupt):
        run_batch("-", out, BatchJob(), progress=_interrupt_after(5))
    part = (tmp_path / "out.jsonl.part").read_bytes()
    for wrong in (other, first[:3], [first[0] + b" ", *first[1:]]):
        _stdin(monkeypatch, wrong)
        with pytest.raises(InvalidOptionError, match="started from other input"):
            run_batch("-", out, BatchJob(), resume=True)
        assert (tmp_path / "out.jsonl.part").read_bytes() == part  # left as it was
    _stdin(monkeypatch, first)
    report = run_batch("-", out, BatchJob(), resume=True)
    assert report.resumed == 5
    assert out.read_bytes() == (tmp_path / "full.jsonl").read_bytes()


def test_resume_goes_on_from_the_last_checkpoint_the_part_file_holds(tmp_path, monkeypatch):
    monkeypatch.setattr(newsgist.batch, "CHECKPOINT", 4)
    source = _write(tmp_path / "in.jsonl", _records(12))
    full = tmp_path / "full.jsonl"
    run_batch(source, full, BatchJob())
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run_batch(source, out, BatchJob(), progress=_interrupt_after(10))
    # what a kill leaves: lines past the last checkpoint, and a torn checkpoint line
    state = tmp_path / "out.jsonl.part.json"
    kept = state.read_text().splitlines()
    assert [json.loads(line)["lines"] for line in kept[1:]] == [4, 8, 10]
    state.write_text("\n".join(kept[:-1]) + '\n{"lines": 10, "by')
    report = run_batch(source, out, BatchJob(), resume=True)
    assert report.resumed == 8
    assert out.read_bytes() == full.read_bytes()


def test_resume_counts_failures_right_when_an_id_looks_like_an_error(tmp_path):
    tricky = json.dumps({"id": {"x": 1, "error": {"type": "no"}}, "article": STORY}).encode()
    source = _write(tmp_path / "in.jsonl", [tricky, b"junk", *_records(3)])
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run_batch(source, out, BatchJob(), progress=_interrupt_after(3))
    report = run_batch(source, out, BatchJob(), resume=True)
    assert (report.resumed, report.ok, report.failed) == (3, 4, 1)
