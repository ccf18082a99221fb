import numpy as np
import pytest

from newsgist.errors import InvalidOptionError
from newsgist.evaluate.stats import interval, paired_test, resample_indices


def test_interval_contains_mean_and_is_seeded():
    values = np.random.default_rng(1).random(200)
    first = interval(values, resample_indices(200, samples=500, seed=7))
    again = interval(values, resample_indices(200, samples=500, seed=7))
    other = interval(values, resample_indices(200, samples=500, seed=8))
    assert first == again
    assert first != other
    assert first.low < first.mean < first.high
    assert first.mean == pytest.approx(values.mean())


def test_interval_narrows_with_more_data():
    rng = np.random.default_rng(2)
    small = interval(rng.random(50), resample_indices(50, samples=500, seed=0))
    large = interval(rng.random(5000), resample_indices(5000, samples=500, seed=0))
    assert large.high - large.low < small.high - small.low


def test_paired_test_separates_real_differences_from_noise():
    rng = np.random.default_rng(3)
    baseline = rng.random(300)
    indices = resample_indices(300, samples=1000, seed=0)
    better = paired_test(baseline + 0.05 + rng.normal(0, 0.02, 300), baseline, indices)
    assert better.difference == pytest.approx(0.05, abs=0.01)
    assert better.significant
    worse = paired_test(baseline - 0.05, baseline, indices)
    assert worse.significant
    assert worse.difference < 0
    noise = paired_test(baseline + rng.normal(0, 0.05, 300), baseline, indices)
    assert not noise.significant
    same = paired_test(baseline, baseline, indices)
    assert (same.difference, same.p_value, same.significant) == (0.0, 1.0, False)


def test_bad_bootstrap_arguments():
    with pytest.raises(InvalidOptionError):
        resample_indices(10, samples=0, seed=0)
    with pytest.raises(InvalidOptionError):
        resample_indices(0, samples=10, seed=0)
