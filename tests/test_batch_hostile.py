"""Batch jobs against hostile records (issue 16, item 6).

Poison records become error records and the output stays strict JSON.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgist.batch import BatchJob, Result, run_batch, summarize_lines
from newsgist.cli import main
from tests.test_batch import _interrupt_after, _records, _write

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
