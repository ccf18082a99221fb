"""The quality gate (benchmarks/gate.py): drops fail, gains and missing data pass, changed data is caught."""

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

GATE = Path(__file__).resolve().parent.parent / "benchmarks" / "gate.py"


@pytest.fixture(scope="module")
def gate() -> ModuleType:
    """Import the script by path, with its sibling benchmark modules importable."""
    folder = str(GATE.parent)
    sys.path.insert(0, folder)
    try:
        spec = importlib.util.spec_from_file_location("gate", GATE)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["gate"] = module  # dataclasses look their module up while being made
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(folder)
    return module


def _rouge(gate, value, *, slice_="highlights/x 1-10"):
    return gate.Figure(f"{slice_}/learned/ROUGE-1", slice_, value, "higher", 0.05)


def _measured(gate, *figures, digest="aaaa"):
    slices = {f.slice for f in figures}
    return gate.Measured(
        tuple(gate.Part(s, tuple(f for f in figures if f.slice == s), digest, 10) for s in slices)
    )


def _baseline(gate, *figures, digest="aaaa"):
    return gate.Baseline({f.name: f for f in figures}, {f.slice: digest for f in figures})


@pytest.mark.parametrize(
    ("now", "status"),
    [(29.94, "worse"), (29.96, "same"), (30.0, "same"), (30.04, "same"), (30.2, "better")],
)
def test_rouge_is_compared_with_its_epsilon(gate, now, status):
    baseline = _baseline(gate, _rouge(gate, 30.0))
    (verdict,) = gate.compare(baseline, _measured(gate, _rouge(gate, now)))
    assert verdict.status == status
    assert verdict.fails == (status == "worse")
    assert verdict.delta == pytest.approx(now - 30.0)


def test_counts_have_no_slack_and_lower_can_be_better(gate):
    def leaked(value):
        return gate.Figure("extraction/p/boilerplate leaked", "extraction/p", value, "lower", 0.0)

    def kept(value):
        return gate.Figure("extraction/p/paragraphs kept", "extraction/p", value, "higher", 0.0)

    baseline = _baseline(gate, leaked(2), kept(60))
    statuses = {
        (v.name.rsplit("/", 1)[1], v.status)
        for now in ((leaked(3), kept(59)), (leaked(1), kept(61)))
        for v in gate.compare(baseline, _measured(gate, *now))
    }
    assert statuses == {
        ("boilerplate leaked", "worse"),
        ("paragraphs kept", "worse"),
        ("boilerplate leaked", "better"),
        ("paragraphs kept", "better"),
    }


def test_changed_data_fails_instead_of_being_compared(gate):
    baseline = _baseline(gate, _rouge(gate, 30.0), digest="aaaa")
    (verdict,) = gate.compare(baseline, _measured(gate, _rouge(gate, 31.0), digest="bbbb"))
    assert verdict.status == "data changed"
    assert verdict.fails


def test_missing_data_is_skipped_and_keeps_its_baseline(gate):
    baseline = _baseline(gate, _rouge(gate, 30.0))
    measured = _measured(gate, _rouge(gate, None), digest=None)
    (verdict,) = gate.compare(baseline, measured)
    assert verdict.status == "skipped"
    assert not verdict.fails
    assert gate.updated(baseline, measured) == baseline


def test_a_baseline_figure_no_longer_measured_fails(gate):
    other = gate.Figure("segmenter/golden table/cases correct", "segmenter/golden table", 100)
    baseline = _baseline(gate, _rouge(gate, 30.0), other)
    verdicts = gate.compare(baseline, _measured(gate, _rouge(gate, 30.0)))
    assert [(v.name, v.status, v.fails) for v in verdicts] == [
        (_rouge(gate, 0).name, "same", False),
        (other.name, "dropped", True),
    ]


def test_new_figures_pass_and_the_update_records_them_through_the_file(gate, tmp_path):
    measured = _measured(gate, _rouge(gate, 31.5), digest="cccc")
    (verdict,) = gate.compare(gate.Baseline({}, {}), measured)
    assert verdict.status == "new"
    assert not verdict.fails
    path = tmp_path / "baseline.json"
    path.write_text(gate.dump_baseline(gate.updated(gate.Baseline({}, {}), measured)))
    assert gate.load_baseline(path) == _baseline(gate, _rouge(gate, 31.5), digest="cccc")


def test_titled_records_need_no_highlights(gate, tmp_path):
    lines = [
        {"id": "a", "article": "A story.", "title": "A title", "highlights": []},
        {"id": "b", "article": "No title here.", "highlights": ["x"]},
        "not json",
        ["a", "list"],
        {"id": "c", "article": "Another story.", "title": "Another", "highlights": ["h"]},
        {"id": "d", "article": "Third story.", "title": "Third"},
    ]
    path = tmp_path / "titles.jsonl"
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    )
    assert [(r.id, r.highlights) for r in gate.read_titled(path)] == [
        ("a", ()),
        ("c", ("h",)),
        ("d", ()),
    ]
    assert [r.id for r in gate.read_titled(path, skip=1, limit=1)] == ["c"]


def test_the_digest_sees_a_one_letter_change(gate):
    record = gate.Record(id="a", article="The mayor said yes.", highlights=("yes",), title="T")
    changed = gate.Record(id="a", article="The mayor said yet.", highlights=("yes",), title="T")
    assert gate.records_digest([record]) != gate.records_digest([changed])
    assert gate.records_digest([record]) == gate.records_digest([record])


def test_the_written_fixtures_meet_the_committed_baseline(gate, tmp_path):
    """Without shared data only the repository's own figures run, and each equals its baseline."""
    measured = gate.measure(tmp_path, 1)
    verdicts = gate.compare(gate.load_baseline(gate.BASELINE), measured)
    ran = {v.name.split("/", 2)[1] for v in verdicts if v.status != "skipped"}
    assert ran == {
        "eval_records all",
        "golden table",
        "languages table",
        "written stories",
        "written pages",
    }
    assert {v.status for v in verdicts} == {"same", "skipped"}


def test_a_regression_exits_1_naming_the_figure(gate, tmp_path, capsys):
    baseline = gate.load_baseline(gate.BASELINE)
    name = "segmenter/golden table/cases correct"
    floor = baseline.figures[name]
    raised = {**baseline.figures, name: gate.Figure(name, floor.slice, floor.value + 1)}
    path = tmp_path / "baseline.json"
    path.write_text(gate.dump_baseline(gate.Baseline(raised, baseline.digests)))
    assert gate.main(["--data", str(tmp_path), "--baseline", str(path), "--workers", "1"]) == 1
    out = capsys.readouterr().out
    assert "CI has ../shared/data" in out
    assert "Gate FAILED: 1 figures." in out
    assert f"- {name}: worse; baseline {floor.value + 1:g}, now {floor.value:g}, delta -1" in out
