"""The CI gate of benchmarks/adversarial.py: its shapes have their sizes, its verdicts are right."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "adversarial.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("adversarial", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


adversarial = _load()


@pytest.mark.parametrize("shape", adversarial.SHAPES, ids=lambda shape: shape.name)
def test_every_shape_is_made_at_the_size_asked(shape):
    source = shape.make(40_000)
    data = source if isinstance(source, bytes) else source.encode()
    assert 36_000 <= len(data) <= 44_000


def test_dense_vocabulary_fills_all_500_sentences():
    (shape,) = [shape for shape in adversarial.SHAPES if shape.name == "dense-vocabulary"]
    text = shape.make(200_000)
    sentences = text.split("\n")
    assert len(sentences) == 500
    assert len(set(text.split())) == len(text.split())


def _row(size, seconds, *, over=10.0, outcome="ok", failed=False):
    """A measured row; ``over`` is MiB per MB over the baseline."""
    return adversarial.Row("shape", size, seconds, 100.0, over, outcome, failed)


def _verdicts(rows):
    return adversarial.violations(rows, adversarial.Ceilings())


def test_the_ceilings_are_the_issue_targets():
    ceilings = adversarial.Ceilings()
    assert (ceilings.seconds_per_mb, ceilings.mib_per_mb, ceilings.growth) == (1.0, 200.0, 3.0)


def test_linear_fast_small_runs_and_fast_refusals_pass():
    rows = [_row(0.25, 0.1), _row(0.5, 0.2, outcome="refused (NoSentenceError)")]
    assert _verdicts(rows) == []


def test_super_linear_growth_fails_even_under_the_ceiling():
    found = _verdicts([_row(0.25, 0.05), _row(0.5, 0.45)])
    assert len(found) == 1
    assert "super-linear" in found[0]


def test_growth_on_tiny_times_is_noise_not_a_verdict():
    assert _verdicts([_row(0.25, 0.001), _row(0.5, 0.15)]) == []


def test_an_input_under_the_floor_gets_the_floor_budget():
    # 0.4 s and 160 MiB/MB at 0.25 MB: the capped work of one call, within the 0.5 MB budget
    assert _verdicts([_row(0.25, 0.4, over=160.0)]) == []
    found = _verdicts([_row(0.25, 0.6, over=440.0)])
    assert len(found) == 2
    assert "0.60 s > 0.50 s" in found[0]
    assert "110 MiB over the baseline > 100 MiB" in found[1]


def test_each_ceiling_and_each_failure_is_listed():
    found = _verdicts(
        [
            _row(1.0, 1.6),
            _row(2.0, 1.0, over=250.0),
            _row(4.0, None, outcome="FAILED: > 10 s (killed)", failed=True),
        ]
    )
    assert len(found) == 3
    assert "1.60 s > 1.00 s" in found[0]
    assert "500 MiB over the baseline > 400 MiB" in found[1]
    assert "> 10 s (killed)" in found[2]


def test_skipped_sizes_are_not_verdicts():
    skipped = adversarial.Row("shape", 1.0, None, None, None, "skipped (failed at 0.5 MB)", False)
    assert _verdicts([skipped]) == []


def test_a_child_reports_its_own_peak_memory():
    """One real run in a fresh process: the warm-up baseline, as the benchmark measures it."""
    run = adversarial.run_child("text", 0, limit=60, memory_gib=4)
    assert run.problem is None
    assert run.result["outcome"] == "ok"
    assert 10 < run.peak_mib < 1000
