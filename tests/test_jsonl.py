import pytest

from newsgist.errors import InvalidInputError, InvalidRecordError
from newsgist.jsonl import JsonlFile, parse_object


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"id": ' + b"7" * 5000 + b', "article": "A."}', "an integer of over 4,300 digits"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"id": "x", "meta": ' + b'{"a":' * 50_000 + b"1" + b"}" * 50_001, "nested too deeply"),
        (b'{"id": 1', "not JSON"),
    ],
    ids=["long-integer", "deep-array", "deep-object-field", "cut-off"],
)
def test_lines_json_cannot_hold_are_refused_not_raised(raw, message):
    with pytest.raises(InvalidRecordError, match=message):
        parse_object(raw)


def test_lenient_constants_and_escaped_surrogates_are_read_as_python_reads_them():
    data = parse_object(b'{"id": "\\ud800", "score": NaN, "big": 1e999}')
    assert data["id"] == "\ud800"
    assert data["score"] != data["score"]
    assert data["big"] == float("inf")


def test_a_plain_file_that_cannot_be_read_says_so_not_gzip():
    reader = JsonlFile("/proc/self/mem")  # opens, but reading offset 0 fails with EIO
    with pytest.raises(InvalidInputError, match="cannot read /proc/self/mem"):
        list(reader)
    reader.close()
