import json

import pytest

from newsgist.batch import BatchJob, run_batch
from newsgist.distributed import RayEngine
from newsgist.options import SummarizeOptions
from tests.test_batch import BAD_LINES, _interrupt_after, _lines, _records, _write

ray = pytest.importorskip("ray")

# Ray warns about its own internals (deprecated settings it reads itself); ours stay errors.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray")


@pytest.fixture(scope="module")
def local_ray():
    """Ray in local mode on 2 CPUs, shared by this module's tests."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture
def mixed(tmp_path):
    lines = [*_records(30), *BAD_LINES, *_records(20, start=30)]
    return _write(tmp_path / "in.jsonl", lines)


def test_ray_engine_writes_what_the_local_engine_writes(local_ray, mixed, tmp_path):
    local = run_batch(mixed, tmp_path / "local.jsonl", BatchJob(), workers=1)
    distributed = run_batch(mixed, tmp_path / "ray.jsonl", BatchJob(), engine=RayEngine(2))
    assert (tmp_path / "ray.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert (distributed.ok, distributed.failed) == (local.ok, local.failed) == (50, len(BAD_LINES))


def test_ray_engine_resumes_a_local_run(local_ray, mixed, tmp_path):
    run_batch(mixed, tmp_path / "full.jsonl", BatchJob())
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run_batch(mixed, out, BatchJob(), progress=_interrupt_after(12))
    report = run_batch(mixed, out, BatchJob(), engine=RayEngine(2), resume=True)
    assert report.resumed == 12
    assert out.read_bytes() == (tmp_path / "full.jsonl").read_bytes()


def test_summarize_dataset_maps_records_and_writes_jsonl(local_ray, tmp_path):
    from newsgist.distributed import OUTPUT_COLUMNS, summarize_dataset, write_jsonl

    records = [json.loads(line) for line in _records(12)] + [{"id": "blank", "article": ""}]
    job = BatchJob(settings=SummarizeOptions(method="lead", headline_words=6))
    ds = summarize_dataset(ray.data.from_items(records), job, concurrency=2, batch_size=5)
    rows = sorted(ds.take_all(), key=lambda row: str(row["id"]))
    assert set(rows[0]) == set(OUTPUT_COLUMNS)
    by_id = {row["id"]: row for row in rows}
    assert by_id["blank"]["ok"] is False
    assert by_id["blank"]["error"].startswith("EmptyInputError: ")
    expected = {r["id"]: json.loads(r["record"]) for r in rows}
    first = expected["s0"]
    assert by_id["s0"]["headline"] == first["headline"]
    assert list(by_id["s0"]["highlights"]) == [h["text"] for h in first["highlights"]]
    assert first["method"] == "lead"
    write_jsonl(ds, str(tmp_path / "out"))
    written = [line for path in sorted((tmp_path / "out").iterdir()) for line in _lines(path)]
    assert sorted(written) == sorted(row["record"] for row in rows)
