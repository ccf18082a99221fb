import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgist.batch import BatchJob, run_batch, summarize_lines
from newsgist.distributed import RayEngine
from newsgist.errors import InvalidInputError, InvalidOptionError, UnknownNameError
from newsgist.evaluate.records import read_records
from newsgist.models import Summary
from newsgist.options import SummarizeOptions
from newsgist.pipeline import summarize
from tests.conftest import DATA, ROOT
from tests.headlines.stories import STORIES

ARTICLES = [
    record.article
    for record in read_records(DATA / "eval_records.jsonl")[0]
    if any(c.isalnum() for c in record.article)  # the file keeps one letterless record on purpose
]
ARTICLES += [story for story, _ in STORIES.values()]

BAD_LINES = {
    b"not json at all": ("InvalidRecordError", "not JSON"),
    b"": ("InvalidRecordError", "empty line"),
    b"[1, 2, 3]": ("InvalidRecordError", "not a JSON object"),
    b'{"id": "no-text"}': ("InvalidRecordError", "no 'article' field"),
    b'{"id": "number", "article": 42}': ("InvalidRecordError", "is a int, not a string"),
    b'{"id": "empty", "article": "   "}': ("EmptyInputError", ""),
    b'{"id": "latin-1", "article": "caf\xe9"}': ("InvalidRecordError", "not valid UTF-8"),
    b'{"id": "no-letter", "article": "!!! ??? ..."}': ("NoSentenceError", ""),
}


def _records(count, *, start=0):
    """JSONL lines of written stories with unique ids."""
    return [
        json.dumps({"id": f"s{start + i}", "article": ARTICLES[i % len(ARTICLES)]}).encode()
        for i in range(count)
    ]


def _write(path, lines):
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def mixed(tmp_path):
    """Good records with every kind of bad line between them."""
    good = _records(6)
    lines = [good[0], *BAD_LINES, *good[1:]]
    return _write(tmp_path / "in.jsonl", lines), lines


def test_one_output_line_per_input_line_in_order(mixed, tmp_path):
    source, lines = mixed
    report = run_batch(source, tmp_path / "out.jsonl", BatchJob())
    out = [json.loads(line) for line in _lines(tmp_path / "out.jsonl")]
    assert len(out) == len(lines)
    assert (report.ok, report.failed, report.resumed) == (6, len(BAD_LINES), 0)
    for number, (raw, record) in enumerate(zip(lines, out, strict=True), start=1):
        if raw in BAD_LINES:
            kind, message = BAD_LINES[raw]
            assert record["line"] == number
            assert record["error"]["type"] == kind
            assert message in record["error"]["message"]
        else:
            assert record["id"] == json.loads(raw)["id"]
            assert "error" not in record


def test_error_records_keep_the_id_when_there_is_one(mixed, tmp_path):
    source, _ = mixed
    run_batch(source, tmp_path / "out.jsonl", BatchJob())
    errors = {
        r["error"]["type"] + ":" + str(r["id"])
        for r in map(json.loads, _lines(tmp_path / "out.jsonl"))
        if "error" in r
    }
    assert "EmptyInputError:empty" in errors
    assert "InvalidRecordError:None" in errors  # not JSON: no id to keep


def test_records_are_the_summaries_the_api_writes(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(len(ARTICLES)))
    run_batch(
        source,
        tmp_path / "out.jsonl",
        BatchJob(settings=SummarizeOptions(method="textrank", headline_words=8)),
    )
    for article, line in zip(ARTICLES, _lines(tmp_path / "out.jsonl"), strict=True):
        record = json.loads(line)
        assert "timings" not in record  # deterministic output by default
        expected = summarize(article, method="textrank", headline_words=8)
        got = Summary.from_dict(record)
        assert got.headline == expected.headline
        assert got.highlights == expected.highlights
        assert got.article == expected.article


def test_two_workers_write_the_same_bytes_as_one(tmp_path, monkeypatch):
    monkeypatch.setattr("newsgist.batch.CHUNK", 3)  # several chunks in flight
    source = _write(tmp_path / "in.jsonl", [*_records(40), b"oops", *_records(5, start=40)])
    run_batch(source, tmp_path / "one.jsonl", BatchJob(), workers=1)
    run_batch(source, tmp_path / "two.jsonl", BatchJob(), workers=2)
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_fields_are_chosen_and_timings_can_be_kept(tmp_path):
    lines = [json.dumps({"key": 7, "body": ARTICLES[0]}).encode()]
    source = _write(tmp_path / "in.jsonl", lines)
    job = BatchJob(text_field="body", id_field="key", timings=True)
    run_batch(source, tmp_path / "out.jsonl", job)
    (record,) = map(json.loads, _lines(tmp_path / "out.jsonl"))
    assert record["id"] == 7
    assert record["timings"]["total"] > 0


def test_html_records_are_read_as_pages(tmp_path):
    page = (DATA / "pages" / "metro-wire.html").read_bytes().decode("latin-1")
    lines = [json.dumps({"id": "page", "article": page}).encode(), *_records(1)]
    run_batch(_write(tmp_path / "in.jsonl", lines), tmp_path / "out.jsonl", BatchJob())
    html, text = map(json.loads, _lines(tmp_path / "out.jsonl"))
    assert html["article"]["title"] == "City hall approves café terraces on Bridge Street"
    assert html["article"]["byline"] == "Renée Dubois"
    assert text["article"]["title"] is None


def test_gzip_input_gives_the_same_output(tmp_path):
    lines = _records(5)
    plain = _write(tmp_path / "in.jsonl", lines)
    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    run_batch(plain, tmp_path / "a.jsonl", BatchJob())
    run_batch(packed, tmp_path / "b.jsonl", BatchJob())
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_output_appears_only_when_complete(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(4))
    out = tmp_path / "out.jsonl"
    seen = []

    def progress(records, read, size):
        seen.append((records, out.exists(), (tmp_path / "out.jsonl.part").exists(), size))

    run_batch(source, out, BatchJob(), progress=progress)
    assert [s[0] for s in seen] == [1, 2, 3, 4]
    assert all(not published and partial for _, published, partial, _ in seen)
    assert seen[0][3] == source.stat().st_size
    assert out.exists()
    assert not (tmp_path / "out.jsonl.part").exists()
    assert not (tmp_path / "out.jsonl.part.json").exists()


def test_resume_cuts_a_torn_line_and_finishes_the_rest(tmp_path):
    source = _write(tmp_path / "in.jsonl", [*_records(6), b"{broken"])
    full = tmp_path / "full.jsonl"
    run_batch(source, full, BatchJob())
    out = tmp_path / "out.jsonl"
    # what a killed run leaves: its settings, three whole lines and a torn fourth
    with pytest.raises(KeyboardInterrupt):
        run_batch(source, out, BatchJob(), progress=_interrupt_after(3))
    part = tmp_path / "out.jsonl.part"
    whole = part.read_bytes()
    part.write_bytes(whole + full.read_bytes().splitlines(keepends=True)[3][:25])
    report = run_batch(source, out, BatchJob(), resume=True)
    assert out.read_bytes() == full.read_bytes()
    assert (report.resumed, report.ok, report.failed) == (3, 6, 1)


def _interrupt_after(count):
    def progress(records, read, size):
        if records == count:
            raise KeyboardInterrupt

    return progress


def test_an_unfinished_run_is_never_overwritten(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(3))
    with pytest.raises(KeyboardInterrupt):
        run_batch(source, tmp_path / "out.jsonl", BatchJob(), progress=_interrupt_after(1))
    with pytest.raises(InvalidOptionError, match="add --resume"):
        run_batch(source, tmp_path / "out.jsonl", BatchJob())
    with pytest.raises(InvalidOptionError, match="other settings"):
        run_batch(
            source,
            tmp_path / "out.jsonl",
            BatchJob(settings=SummarizeOptions(method="lead")),
            resume=True,
        )


def test_resume_with_nothing_to_resume_starts_afresh(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(2))
    report = run_batch(source, tmp_path / "out.jsonl", BatchJob(), resume=True)
    assert (report.ok, report.resumed) == (2, 0)


def test_bad_settings_fail_before_any_file_is_made(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(2))
    with pytest.raises(UnknownNameError):
        run_batch(
            source, tmp_path / "out.jsonl", BatchJob(settings=SummarizeOptions(method="nope"))
        )
    with pytest.raises(InvalidOptionError, match="stdout"):
        run_batch(source, "-", BatchJob(), resume=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_a_failing_input_leaves_no_empty_partial_output(tmp_path):
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(b"this is not gzip")
    with pytest.raises(Exception, match="damaged or not gzip"):
        run_batch(source, tmp_path / "out.jsonl", BatchJob())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl.gz"]


line_strategy = st.one_of(
    st.sampled_from(_records(3)),
    st.sampled_from(list(BAD_LINES)),
    st.binary(max_size=40).filter(lambda b: b"\n" not in b),
    st.text(max_size=200).map(lambda t: json.dumps({"article": t}).encode()),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line_strategy, max_size=8))
def test_any_input_gives_one_json_line_per_line(lines):
    results = list(summarize_lines(enumerate(lines, start=1), BatchJob()))
    assert len(results) == len(lines)
    for number, result in enumerate(results, start=1):
        record = json.loads(result.line)
        assert result.ok == ("error" not in record)
        assert result.ok or record["line"] == number


def _newsgist(*args):
    return [sys.executable, "-m", "newsgist", *map(str, args)]


def test_a_killed_batch_resumes_without_losing_or_repeating_a_record(tmp_path):
    source = _write(tmp_path / "in.jsonl", [*_records(3000), b"junk", *_records(10, start=3000)])
    total = 3011
    expected = tmp_path / "expected.jsonl"
    subprocess.run(_newsgist("batch", source, "-o", expected, "--workers", "2"), cwd=ROOT)
    assert len(_lines(expected)) == total

    out = tmp_path / "out.jsonl"
    part = tmp_path / "out.jsonl.part"
    run = subprocess.Popen(
        _newsgist("batch", source, "-o", out, "--workers", "2"),
        cwd=ROOT,
        start_new_session=True,  # its own process group: the kill takes the workers too
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    state = tmp_path / "out.jsonl.part.json"  # the settings, then a line per checkpoint
    while not (state.exists() and state.read_bytes().count(b"\n") >= 2):
        assert run.poll() is None, "the batch finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL
    assert not out.exists()
    written = part.read_bytes().count(b"\n")
    assert 0 < written < total

    resumed = subprocess.run(
        _newsgist("batch", source, "-o", out, "--workers", "2", "--resume"),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert resumed.returncode == 1  # the junk line failed, in both runs
    assert "of them from the resumed run" in resumed.stderr
    assert out.read_bytes() == expected.read_bytes()
    assert not part.exists()


def test_ray_engine_refuses_stdin_and_missing_files_before_starting(tmp_path):
    out = tmp_path / "out.jsonl"
    with pytest.raises(InvalidOptionError, match="not stdin"):
        run_batch("-", out, BatchJob(), engine=RayEngine())
    with pytest.raises(InvalidInputError, match="no such file"):
        run_batch(tmp_path / "none.jsonl", out, BatchJob(), engine=RayEngine())
    assert list(tmp_path.iterdir()) == []


def test_resume_is_refused_when_the_input_changed(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(3))
    with pytest.raises(KeyboardInterrupt):
        run_batch(source, tmp_path / "out.jsonl", BatchJob(), progress=_interrupt_after(1))
    _write(source, _records(4))
    with pytest.raises(InvalidOptionError, match="other input"):
        run_batch(source, tmp_path / "out.jsonl", BatchJob(), resume=True)
