"""The contract every summarization method fulfils.

A method only scores sentences: higher means more worth a highlight. Choosing how many and
which (top-k, budgets, redundancy, document order) is done once for all methods in
``newsgist.select``, so no method re-implements it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast, runtime_checkable

from newsgist.errors import InvalidOptionError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from newsgist.document import Document


DEFAULT_METHOD = "learned"
"""The method used when none is named: the trained model shipped in the package."""


@runtime_checkable
class Summarizer(Protocol):
    """Scores each sentence of a document.

    ``score(document)`` returns one finite float per sentence of ``document.sentences``, in
    the same order. It must be deterministic and must not keep per-document state, so one
    instance can serve concurrent requests. A method may also set a ``redundancy`` attribute
    (``"none"``, ``"trigram"`` or ``"mmr"``): the redundancy control used when the caller
    leaves ``SelectOptions.redundancy`` unset; likewise ``threads`` (``"cover"`` or
    ``"ignore"``) and ``standalone`` (a bool) for ``SelectOptions``' fields of those names; and
    an ``options`` class attribute, a tuple of
    ``MethodOption``: the keyword arguments it takes, checked before it is built.
    """

    def score(self, document: Document) -> npt.NDArray[np.float64]:
        """Return one score per sentence; higher is more worth a highlight."""
        ...


@dataclass(frozen=True, slots=True)
class MethodOption:
    """One option a method declares: name, type, default, range and what it does.

    A method class lists its options in an ``options`` class attribute; every surface
    checks user values against it before the method is built, and says which are valid.
    """

    name: str
    kind: type[float] | type[int] | type[str] | type[Path]
    default: Any
    help: str
    low: float | None = None
    high: float | None = None
    high_open: bool = False
    """Whether ``high`` itself is excluded (``[low, high)``)."""
    nullable: bool = False

    def describe(self) -> str:
        """Say what the option takes: ``threshold (float in [0, 1) or none)``."""
        kind = {float: "number", int: "integer", str: "text", Path: "path"}[self.kind]
        if self.low is not None and self.high is not None:
            kind += f" in [{self.low:g}, {self.high:g}{')' if self.high_open else ']'}"
        return f"{self.name} ({kind}{' or none' if self.nullable else ''})"

    def convert(self, method: str, value: object) -> Any:  # noqa: ANN401 - the option's type
        """Return ``value`` as this option's type, or raise ``InvalidOptionError`` saying why."""
        if value is None and self.nullable:
            return None
        wrong = InvalidOptionError(f"method {method!r} option {self.describe()}: not {value!r}")
        if self.kind is Path:
            if not isinstance(value, str | Path):
                raise wrong
            return Path(value)
        if isinstance(value, bool) or not isinstance(value, self._accepted()):
            raise wrong
        if self.low is not None and self.high is not None and isinstance(value, int | float):
            above = value >= self.high if self.high_open else value > self.high
            if value < self.low or above:
                raise wrong
        return self.kind(cast(Any, value))

    def _accepted(self) -> tuple[type, ...]:
        """Return the Python types a value of this option may arrive as."""
        return (int, float) if self.kind is float else (self.kind,)


def declared_options(factory: object) -> tuple[MethodOption, ...] | None:
    """Return the options a method factory declares, or None for a plugin declaring none."""
    options = getattr(factory, "options", None)
    return tuple(options) if isinstance(options, tuple | list) else None


def pad(scores: npt.NDArray[np.float64], count: int) -> npt.NDArray[np.float64]:
    """Extend scores over ``count`` sentences: ones past the features' cap rank last, in order."""
    import numpy as np

    missing = count - len(scores)
    if missing <= 0:
        return scores
    floor = float(scores.min()) if len(scores) else 0.0
    return np.concatenate([scores, floor - 1.0 - np.arange(missing, dtype=np.float64)])
