"""Compression against gold deletions: records, token F1, ratio, and the evaluate command."""

from __future__ import annotations

import json

import pytest

from newsgist.cli import main
from newsgist.compress.model import Compressed
from newsgist.evaluate.compression import (
    is_compression_file,
    positions,
    read_compressions,
    score,
)

SENTENCE = "Police arrested two men in Leeds on Sunday after a long car chase, officers said."


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [
        {"sentence": SENTENCE, "compression": "Police arrested 2 men in Leeds after a car chase"},
        {"sentence": "A ferry sank.", "compression": "A boat sank."},
        {"sentence": "", "compression": "x"},
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows) + "not json\n")
    return path


def test_gold_is_traced_to_word_positions_and_bad_lines_are_named(gold_file):
    records, skipped = read_compressions(gold_file)
    assert len(records) == 1
    assert records[0].gold == frozenset({0, 1, 2, 3, 4, 5, 8, 9, 11, 12})
    assert [s.line for s in skipped] == [2, 3, 4]
    assert "not a deletion" in skipped[0].reason
    assert is_compression_file(gold_file)


def test_token_f1_and_ratio_count_kept_positions(gold_file):
    records, _ = read_compressions(gold_file)

    def first_six(sentence: str, _: int) -> Compressed:
        return Compressed("Police arrested two men in Leeds", ((0, 32),))

    result = score(records, first_six)
    assert result.f1 == pytest.approx(100 * 2 * 6 / (6 + 10))
    assert result.ratio == pytest.approx(100 * 6 / 15)


def test_positions_need_the_whole_word_inside_a_span():
    assert positions("one two three", ((0, 7),)) == {0, 1}
    assert positions("one two three", ((0, 5),)) == {0}


def test_evaluate_scores_compression_files(gold_file, capsys, tmp_path):
    report = tmp_path / "report.json"
    assert main(["evaluate", str(gold_file), "--json", str(report)]) == 0
    out = capsys.readouterr().out
    assert "| first words (gold length) |" in out
    assert "| headline |" in out
    assert "3 lines left out" in out
    document = json.loads(report.read_text())
    assert set(document["systems"]) == {"first words (gold length)", "bullet", "headline"}
    assert document["records"] == 1
