import pytest

from newsgist.errors import InvalidInputError
from newsgist.evaluate.records import read_records
from tests.conftest import DATA

RECORDS = DATA / "eval_records.jsonl"


def test_valid_records_are_read_and_bad_lines_reported():
    records, skipped = read_records(RECORDS)
    assert [r.id for r in records] == [
        "ferry",
        "library",
        "marathon",
        "recall",
        "bridge",
        "line-11",
    ]
    assert records[0].title == "Ferry sinks off Kettle Point; all 40 rescued"
    assert records[0].line == 1
    assert [(s.line, s.reason) for s in skipped] == [
        (3, "not JSON (Expecting property name enclosed in double quotes)"),
        (4, "'highlights' must be a list of strings"),
        (8, "'article' missing or empty"),
        (9, "'highlights' must be a list of strings"),
    ]


def test_limit_counts_valid_records():
    records, skipped = read_records(RECORDS, limit=3)
    assert [r.id for r in records] == ["ferry", "library", "marathon"]
    assert [s.line for s in skipped] == [3, 4]


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InvalidInputError, match="no such file"):
        read_records(tmp_path / "nope.jsonl")
    with pytest.raises(InvalidInputError, match="directory"):
        read_records(tmp_path)


def test_invalid_utf8_line_is_skipped_and_reading_goes_on(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = b'{"article": "A.", "highlights": ["A."]}\n'
    path.write_bytes(good + b"\xff\xfe\n" + good)
    records, skipped = read_records(path)
    assert [r.line for r in records] == [1, 3]
    assert [(s.line, s.reason) for s in skipped] == [(2, "not valid UTF-8")]
