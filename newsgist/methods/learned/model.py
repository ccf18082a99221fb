"""A trained sentence-salience model: boosted regression trees, stored and run with numpy alone.

``newsgist train`` fits the trees (scikit-learn, the ``train`` extra); summarizing only reads
them. A model file is a plain ``.npz`` (no pickle) holding the flattened trees and a JSON
header: format name and version, the feature names it was trained on, and how it was trained.
Every way a file can be wrong (missing, not a regular file, too large, not an archive,
truncated, another format version, other features, inconsistent arrays) raises ``ModelError``
naming the file. Sizes are checked before anything is read or allocated: the file's own size,
each member's declared size in the archive, and each array's declared shape.

Trees are evaluated for all sentences at once: every tree's current node advances one level per
step, so the cost is ``depth`` vectorised steps, not a Python loop per tree.
"""

from __future__ import annotations

import json
import math
import stat
import zipfile
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsgist.errors import ModelError
from newsgist.methods.learned.features import NAMES

if TYPE_CHECKING:
    from collections.abc import Mapping

    import numpy.typing as npt

FORMAT = "newsgist-salience-trees"
FORMAT_VERSION = 1
DEFAULT_MODEL = "salience.npz"
"""The shipped model's file name under ``newsgist/resources``."""
_ARRAYS = ("feature", "threshold", "left", "right", "value", "roots")
MAX_MODEL_BYTES = 64 * 2**20
"""Largest model file read, and largest total of its arrays once unpacked (the shipped model
is 53 KiB on disk; models of a few MB are the norm)."""


@dataclass(frozen=True)
class SalienceModel:
    """Additive regression trees over the sentence features; higher is more salient.

    Nodes of all trees are flattened into one set of arrays. A leaf points to itself on both
    sides, with an infinite threshold, so walking past it changes nothing.
    """

    feature: npt.NDArray[np.intp]
    threshold: npt.NDArray[np.float64]
    left: npt.NDArray[np.intp]
    right: npt.NDArray[np.intp]
    value: npt.NDArray[np.float64]
    roots: npt.NDArray[np.intp]
    depth: int
    base: float = 0.0
    features: tuple[str, ...] = NAMES
    info: Mapping[str, Any] = field(default_factory=dict)

    def predict(self, rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Return the model's raw score (log-odds of being a highlight) for each row."""
        if rows.shape[1:] != (len(self.features),):
            raise ValueError(f"expected {len(self.features)} feature columns, got {rows.shape}")
        flat = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        starts = np.arange(len(rows)) * rows.shape[1]  # each row's first cell in ``flat``
        node = np.repeat(self.roots[:, None], len(rows), axis=1)
        children = self._children
        for _ in range(self.depth):  # flat ``take``s: several times cheaper than 2-D indexing
            goes_left = flat.take(starts + self.feature.take(node)) <= self.threshold.take(node)
            node = children.take(2 * node + goes_left)
        scores: npt.NDArray[np.float64] = self.base + self.value.take(node).sum(axis=0)
        return scores

    @cached_property
    def _children(self) -> npt.NDArray[np.intp]:
        """Right and left child of each node, interleaved: node ``n`` goes to ``2n + left``."""
        return np.stack([self.right, self.left], axis=1).ravel()

    @property
    def trees(self) -> int:
        """How many trees the model adds up."""
        return len(self.roots)

    def save(self, path: str | Path) -> None:
        """Write the model as an ``.npz`` file (no pickle), header included."""
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "features": list(self.features),
            "depth": self.depth,
            "base": self.base,
            "info": dict(self.info),
        }
        with Path(path).open("wb") as stream:
            np.savez_compressed(
                stream,
                header=np.array(json.dumps(header, sort_keys=True)),
                **{name: getattr(self, name) for name in _ARRAYS},
            )

    @classmethod
    def load(cls, path: str | Path) -> SalienceModel:
        """Read a model file written by ``save``, checking everything a bad file could break."""
        try:
            _check_file(path)
            with Path(path).open("rb") as stream:
                archive = np.load(stream, allow_pickle=False)
                if not isinstance(archive, np.lib.npyio.NpzFile):
                    raise ModelError(path, "a single array, not a model archive (.npz)")
                with archive:
                    if archive.zip is not None:  # None only once closed
                        _check_sizes(path, archive.zip)
                    arrays = {name: archive[name] for name in ("header", *_ARRAYS)}
        except FileNotFoundError:
            raise ModelError(path, "no such file") from None
        except KeyError as error:
            raise ModelError(path, f"not a newsgist model: no {error} array") from None
        except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
            problem = f"not a readable model file (corrupt or truncated: {error})"
            raise ModelError(path, problem) from None
        header = _header(path, arrays.pop("header"))
        try:
            model = cls(
                feature=arrays["feature"].astype(np.intp),
                threshold=arrays["threshold"].astype(np.float64),
                left=arrays["left"].astype(np.intp),
                right=arrays["right"].astype(np.intp),
                value=arrays["value"].astype(np.float64),
                roots=arrays["roots"].astype(np.intp),
                depth=int(header["depth"]),
                base=float(header["base"]),
                features=tuple(header["features"]),
                info=header.get("info", {}),
            )
        except (TypeError, ValueError):
            raise ModelError(path, "the tree arrays have the wrong types (damaged file?)") from None
        _check_arrays(path, model)
        return model


def _check_file(path: str | Path) -> None:
    """Refuse what is not a regular file (a FIFO would block, a device never end) or too big."""
    info = Path(path).stat()
    if not stat.S_ISREG(info.st_mode):
        raise ModelError(path, "not a regular file")
    if info.st_size > MAX_MODEL_BYTES:
        raise ModelError(path, f"{info.st_size:,} bytes, over the {MAX_MODEL_BYTES:,}-byte limit")


def _check_sizes(path: str | Path, archive: zipfile.ZipFile) -> None:
    """Refuse an archive whose arrays would unpack past ``MAX_MODEL_BYTES``, before reading them.

    Both what the archive declares for each member and what each array's header declares
    for its shape count: numpy allocates the declared shape before reading the data.
    """
    total = 0
    for name in ("header", *_ARRAYS):
        try:
            member = archive.getinfo(f"{name}.npy")
        except KeyError:
            raise ModelError(path, f"not a newsgist model: no {name!r} array") from None
        with archive.open(member) as stream:
            version = np.lib.format.read_magic(stream)
            read = (
                np.lib.format.read_array_header_1_0
                if version == (1, 0)
                else np.lib.format.read_array_header_2_0
            )
            shape, _, dtype = read(stream)
        declared = math.prod(shape) * dtype.itemsize
        total += max(declared, member.file_size)
        if total > MAX_MODEL_BYTES:
            raise ModelError(path, f"its arrays unpack to over {MAX_MODEL_BYTES:,} bytes")


def _header(path: str | Path, raw: npt.NDArray[Any]) -> dict[str, Any]:
    """Parse and check a model file's JSON header."""
    try:
        header = json.loads(str(raw))
    except ValueError:
        raise ModelError(path, "the header is not JSON") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ModelError(path, f"not a {FORMAT} model")
    if header.get("version") != FORMAT_VERSION:
        raise ModelError(
            path,
            f"format version {header.get('version')!r}; this newsgist reads version"
            f" {FORMAT_VERSION}: retrain it with `newsgist train`",
        )
    if tuple(header.get("features", ())) != NAMES:
        raise ModelError(
            path,
            "trained on other sentence features than this newsgist computes;"
            " retrain it with `newsgist train`",
        )
    if not isinstance(header.get("depth"), int) or not isinstance(header.get("base"), int | float):
        raise ModelError(path, "the header lacks the tree depth or base score")
    return header


def _check_arrays(path: str | Path, model: SalienceModel) -> None:
    """Check that the flattened trees are consistent, so prediction cannot index out of range."""
    nodes = len(model.feature)
    same = all(len(getattr(model, name)) == nodes for name in ("threshold", "left", "right"))
    same = same and len(model.value) == nodes
    indices = np.concatenate([model.left, model.right, model.roots])
    if (
        not same
        or not 0 <= model.depth <= 64
        or (nodes and not (model.feature.min() >= 0 and model.feature.max() < len(NAMES)))
        or (indices.size and not (indices.min() >= 0 and indices.max() < nodes))
        or not np.all(np.isfinite(model.value))
    ):
        raise ModelError(path, "the tree arrays are inconsistent (damaged file?)")


@lru_cache(maxsize=16)
def _load_cached(path: str, modified: int) -> SalienceModel:
    """Load a model once per file version: every summarize call can name it cheaply."""
    del modified  # part of the cache key only: an overwritten file is read again
    return SalienceModel.load(path)


def load_model(path: str | Path | None = None) -> SalienceModel:
    """Return the model at ``path``, or the one shipped with newsgist when ``path`` is None."""
    if path is None:
        with resources.as_file(resources.files("newsgist.resources") / DEFAULT_MODEL) as shipped:
            path = shipped
    resolved = Path(path).expanduser()
    try:
        modified = resolved.stat().st_mtime_ns
    except OSError:
        raise ModelError(path, "no such file") from None
    return _load_cached(str(resolved.resolve()), modified)
