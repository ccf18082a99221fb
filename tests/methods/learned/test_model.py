import io
import json
import os
import threading
import zipfile

import numpy as np
import pytest

from newsgist.errors import ModelError, NewsgistError
from newsgist.methods.learned.features import NAMES
from newsgist.methods.learned.model import FORMAT, SalienceModel, load_model


def _stump(threshold=0.5):
    """One tree: words <= threshold scores -1, else +1; plus a second constant tree."""
    words = NAMES.index("words")
    return SalienceModel(
        feature=np.array([words, 0, 0, 0]),
        threshold=np.array([threshold, np.inf, np.inf, np.inf]),
        left=np.array([1, 1, 2, 3]),
        right=np.array([2, 1, 2, 3]),
        value=np.array([0.0, -1.0, 1.0, 0.25]),
        roots=np.array([0, 3]),
        depth=1,
        base=0.5,
        info={"note": "hand-made"},
    )


def _rows(*words):
    rows = np.zeros((len(words), len(NAMES)))
    rows[:, NAMES.index("words")] = words
    return rows


def test_trees_are_walked_and_added():
    assert _stump().predict(_rows(0.2, 0.5, 0.9)).tolist() == [-0.25, -0.25, 1.75]


def test_wrong_feature_count_is_refused():
    with pytest.raises(ValueError, match="feature columns"):
        _stump().predict(np.zeros((2, 3)))


def test_model_file_round_trips(tmp_path):
    path = tmp_path / "m.npz"
    _stump().save(path)
    loaded = SalienceModel.load(path)
    assert loaded.info == {"note": "hand-made"}
    assert loaded.trees == 2
    assert loaded.base == 0.5
    rows = _rows(0.1, 0.7)
    assert np.array_equal(loaded.predict(rows), _stump().predict(rows))


def test_shipped_model_loads_and_is_small():
    model = load_model()
    assert model.features == NAMES
    assert model.trees >= 50
    assert model.info["articles"] > 1000


def _header_with(path, **changes):
    """Rewrite a saved model's header with some keys changed."""
    with np.load(path) as archive:
        arrays = dict(archive)
    header = json.loads(str(arrays["header"]))
    header.update(changes)
    arrays["header"] = np.array(json.dumps(header))
    np.savez(path, **arrays)


def _single_array(path):
    """Replace the model with a plain .npy array."""
    np.save(path.with_suffix(".npy"), np.zeros(3))
    path.with_suffix(".npy").replace(path)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: p.write_bytes(b"not a model at all"), "not a readable model file"),
        (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "corrupt or trunc"),
        (lambda p: _header_with(p, version=99), "format version 99"),
        (lambda p: _header_with(p, format="other"), f"not a {FORMAT} model"),
        (lambda p: _header_with(p, features=["words"]), "other sentence features"),
        (lambda p: _single_array(p), "not a model archive"),
        (lambda p: p.unlink(), "no such file"),
    ],
)
def test_bad_model_files_name_the_file(tmp_path, damage, message):
    path = tmp_path / "house-style.npz"
    _stump().save(path)
    damage(path)
    with pytest.raises(ModelError, match=message) as caught:
        SalienceModel.load(path)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, NewsgistError)


def test_out_of_range_tree_links_are_refused(tmp_path):
    path = tmp_path / "m.npz"
    model = _stump()
    broken = SalienceModel(**{**model.__dict__, "left": np.array([7, 1, 2, 3])})
    broken.save(path)
    with pytest.raises(ModelError, match="inconsistent"):
        SalienceModel.load(path)


def test_load_model_reads_a_file_again_once_it_changes(tmp_path):
    path = tmp_path / "m.npz"
    _stump(threshold=0.5).save(path)
    assert load_model(path).threshold[0] == 0.5
    _stump(threshold=0.8).save(path)
    import os

    os.utime(path, ns=(1, 10**18))
    assert load_model(path).threshold[0] == 0.8
    with pytest.raises(ModelError, match="no such file"):
        load_model(tmp_path / "missing.npz")


def test_an_archive_that_unpacks_past_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "bomb.npz"
    model = _stump()
    arrays = {name: getattr(model, name) for name in ("feature", "threshold", "left", "right")}
    header = np.array(json.dumps({"format": FORMAT}))
    values = np.zeros(10_000_000)  # 80 MB of zeros: about 80 KB compressed
    np.savez_compressed(path, header=header, value=values, roots=model.roots, **arrays)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ModelError, match="unpack to over"):
        SalienceModel.load(path)


def test_an_array_header_declaring_a_huge_shape_is_refused(tmp_path):
    path = tmp_path / "liar.npz"
    _stump().save(path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    lie = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        lie, {"descr": "<f8", "fortran_order": False, "shape": (10**12,)}
    )
    members["value.npy"] = lie.getvalue()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(ModelError, match="unpack to over"):
        SalienceModel.load(path)


def test_a_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "model.npz"
    os.mkfifo(path)
    outcome: list[BaseException] = []

    def load() -> None:
        try:
            load_model(path)
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    thread.join(5)
    if thread.is_alive():  # unblock the old behaviour's open() before failing
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    assert not thread.is_alive()
    assert len(outcome) == 1
    assert isinstance(outcome[0], ModelError)
    assert "not a regular file" in str(outcome[0])
