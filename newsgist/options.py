"""Every setting that decides one summary, in one frozen object that every surface builds.

The Python API (``summarize``, ``make_pipeline``), the CLI, batch jobs (local and Ray),
evaluation and the HTTP service all turn their inputs into one ``SummarizeOptions`` and
hand it to ``newsgist.pipeline``. Each field carries a ``Setting`` (help text, limits,
choices), from which the CLI's options and the service's request model are generated, so
a setting exists on every surface with the same name and the same limits.

Validated when built (an unknown method, generator or method option, or a value out of range,
raises ``InvalidOptionError`` or ``UnknownNameError`` naming the valid ones), immutable, and
JSON round-trip (``to_dict`` / ``from_dict``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any, Literal

from newsgist.compress import MIN_WORDS, STYLES, HighlightStyle
from newsgist.errors import InvalidOptionError
from newsgist.headlines.base import DEFAULT_HEADLINE, DEFAULT_HEADLINE_WORDS
from newsgist.ingest import DEFAULT_MAX_BYTES, INPUT_FORMATS, InputFormat, check_input_format
from newsgist.lang import check_tag
from newsgist.methods.base import DEFAULT_METHOD, declared_options
from newsgist.registry import headlines, methods
from newsgist.select import (
    MAX_SENTENCES,
    MAX_WORDS,
    REDUNDANCY,
    THREAD_MODES,
    Redundancy,
    SelectOptions,
    ThreadMode,
)

MAX_HEADLINE_WORDS = 50
"""Longest headline budget: past this it is a paragraph, not a headline."""
MAX_HIGHLIGHT_WORDS = 200
"""Longest compressed-highlight budget (a budget past any sentence's length cuts nothing)."""
MAX_INPUT_BYTES = 1_000_000_000
"""Largest ``max_bytes`` any surface accepts; the service caps it by its body limit too."""

Kind = Literal["str", "int", "float", "bool", "options"]


@dataclass(frozen=True, slots=True)
class Setting:
    """How one field of ``SummarizeOptions`` appears on the surfaces: help, limits, choices."""

    help: str
    kind: Kind
    low: float | None = None
    high: float | None = None
    choices: Callable[[], tuple[str, ...]] | None = None
    nullable: bool = False
    """``None`` is a valid value (unset, or "none" for the headline)."""


def _about(setting: Setting) -> dict[str, Setting]:
    """Return the field metadata that carries a ``Setting``."""
    return {"setting": setting}


@dataclass(frozen=True, slots=True, kw_only=True)
class SummarizeOptions:
    """Everything that decides one summary; build it once, share it across threads."""

    method: str = field(
        default=DEFAULT_METHOD,
        metadata=_about(
            Setting("Summarization method (see `newsgist methods`).", "str", choices=methods.names)
        ),
    )
    method_options: Mapping[str, Any] = field(
        default_factory=dict,
        metadata=_about(
            Setting("Options of the method, e.g. {'threshold': 0.1} for lexrank.", "options")
        ),
    )
    sentences: int | None = field(
        default=None,
        metadata=_about(
            Setting("How many highlights [default: 3].", "int", 1, MAX_SENTENCES, nullable=True)
        ),
    )
    words: int | None = field(
        default=None,
        metadata=_about(
            Setting("Fill up to N words instead, never over.", "int", 1, MAX_WORDS, nullable=True)
        ),
    )
    redundancy: Redundancy | None = field(
        default=None,
        metadata=_about(
            Setting(
                "Redundancy control: trigram blocking or MMR [default: the method's own].",
                "str",
                choices=lambda: REDUNDANCY,
                nullable=True,
            )
        ),
    )
    threads: ThreadMode | None = field(
        default=None,
        metadata=_about(
            Setting(
                "cover: one highlight from each thread of the story first; ignore: plain ranking,"
                " threads not computed [default: the method's own].",
                "str",
                choices=lambda: THREAD_MODES,
                nullable=True,
            )
        ),
    )
    standalone: bool | None = field(
        default=None,
        metadata=_about(
            Setting(
                "Skip sentences that cannot stand alone as a bullet (a dangling 'He said...',"
                " an unclosed quote) [default: the method's own].",
                "bool",
                nullable=True,
            )
        ),
    )
    style: HighlightStyle = field(
        default="sentences",
        metadata=_about(
            Setting(
                "Highlights as whole sentences, or compressed: the asides, attributions and"
                " time phrases an editor would cut are cut (each keeps its sentence's spans).",
                "str",
                choices=lambda: STYLES,
            )
        ),
    )
    highlight_words: int | None = field(
        default=None,
        metadata=_about(
            Setting(
                "Compressed highlights: at most N words each [default: no limit].",
                "int",
                MIN_WORDS,
                MAX_HIGHLIGHT_WORDS,
                nullable=True,
            )
        ),
    )
    mmr_lambda: float = field(
        default=0.7,
        metadata=_about(Setting("MMR: weight of relevance against novelty.", "float", 0, 1)),
    )
    position_weight: float = field(
        default=0.0,
        metadata=_about(Setting("Mix a 1/(1+position) prior into the scores.", "float", 0, 1)),
    )
    headline: str | None = field(
        default=DEFAULT_HEADLINE,
        metadata=_about(
            Setting(
                "Headline generator (see `newsgist headlines`); none for highlights only.",
                "str",
                choices=headlines.names,
                nullable=True,
            )
        ),
    )
    headline_words: int = field(
        default=DEFAULT_HEADLINE_WORDS,
        metadata=_about(Setting("Headline budget in words.", "int", 1, MAX_HEADLINE_WORDS)),
    )
    keep_title: bool = field(
        default=False,
        metadata=_about(
            Setting("Use the page's own title as the headline when it has one.", "bool")
        ),
    )
    facts: bool = field(
        default=True,
        metadata=_about(
            Setting("Find the key facts: quotes with speakers, figures, names, keywords.", "bool")
        ),
    )
    input_format: InputFormat = field(
        default="auto",
        metadata=_about(
            Setting(
                "Read the input as plain text or HTML; auto tells them apart.",
                "str",
                choices=lambda: INPUT_FORMATS,
            )
        ),
    )
    max_bytes: int = field(
        default=DEFAULT_MAX_BYTES,
        metadata=_about(
            Setting("Refuse articles (and downloads) larger than this.", "int", 1, MAX_INPUT_BYTES)
        ),
    )
    language: str | None = field(
        default=None,
        metadata=_about(
            Setting(
                "Language of the article (BCP 47, e.g. fr) [default: declared or detected].",
                "str",
                nullable=True,
            )
        ),
    )

    def __post_init__(self) -> None:
        if self.headline == "none":  # as the CLI spells it: no headline
            object.__setattr__(self, "headline", None)
        for name, _, setting in settings():
            _check(name, getattr(self, name), setting)
        object.__setattr__(
            self, "method_options", check_method_options(self.method, self.method_options or {})
        )
        if self.highlight_words is not None and self.style != "compressed":
            raise InvalidOptionError("highlight_words needs style 'compressed'")
        check_input_format(self.input_format)
        if self.language is not None:
            check_tag(self.language)
        self.select  # noqa: B018 - builds and so validates the selection options

    @property
    def select(self) -> SelectOptions:
        """The selection part, as ``newsgist.select`` takes it."""
        return SelectOptions(
            sentences=self.sentences,
            words=self.words,
            redundancy=self.redundancy,
            threads=self.threads,
            standalone=self.standalone,
            mmr_lambda=self.mmr_lambda,
            position_weight=self.position_weight,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (paths in method options become strings)."""
        data = {item.name: getattr(self, item.name) for item in fields(self)}
        data["method_options"] = {
            key: str(value) if isinstance(value, Path) else value
            for key, value in self.method_options.items()
        }
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SummarizeOptions:
        """Build from the JSON form, refusing keys that are not settings."""
        unknown = sorted(set(data) - set(option_names()))
        if unknown:
            valid = ", ".join(option_names())
            raise InvalidOptionError(
                f"unknown setting {', '.join(map(repr, unknown))}; valid: {valid}"
            )
        return cls(**data)


def option_names() -> tuple[str, ...]:
    """Return the settings' names, in declaration order."""
    return tuple(item.name for item in fields(SummarizeOptions))


@cache
def settings() -> tuple[tuple[str, Any, Setting], ...]:
    """Each setting's name, default and ``Setting``, for surfaces that generate their options."""
    return tuple(
        (item.name, None if item.default is MISSING else item.default, item.metadata["setting"])
        for item in fields(SummarizeOptions)
    )


def _check(name: str, value: object, setting: Setting) -> None:
    """Check one value against its ``Setting``: type, range and choices."""
    if value is None:
        if setting.nullable or setting.kind == "options":
            return
        raise InvalidOptionError(f"{name} must be set")
    expected: tuple[type, ...] = {
        "str": (str,),
        "int": (int,),
        "float": (int, float),
        "bool": (bool,),
        "options": (Mapping,),
    }[setting.kind]
    if not isinstance(value, expected) or (isinstance(value, bool) and setting.kind != "bool"):
        raise InvalidOptionError(f"{name} must be {setting.kind}, not {value!r}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        low = setting.low if setting.low is not None else value
        high = setting.high if setting.high is not None else value
        if not low <= value <= high:
            raise InvalidOptionError(f"{name} must be between {low:g} and {high:g}, not {value!r}")
    if setting.choices is not None and isinstance(value, str):
        if name == "method":
            methods.get(value)  # UnknownNameError listing the valid ones
        elif name == "headline":
            headlines.get(value)
        elif value not in setting.choices():
            raise InvalidOptionError(
                f"{name} must be one of {', '.join(setting.choices())}, not {value!r}"
            )


def check_method_options(method: str, given: Mapping[str, Any]) -> dict[str, Any]:
    """Check ``given`` against what ``method`` declares; return the values converted.

    Raises ``UnknownNameError`` for an unknown method and ``InvalidOptionError`` naming the
    valid options for an unknown or ill-typed one. A plugin that declares no options is
    checked by the names of its keyword-only parameters.
    """
    factory = methods.get(method)
    declared = declared_options(factory)
    if declared is None:
        accepted = [
            p.name
            for p in inspect.signature(factory).parameters.values()
            if p.kind is p.KEYWORD_ONLY
        ]
        unknown = sorted(set(given) - set(accepted))
        if unknown:
            raise InvalidOptionError(
                f"method {method!r} has no option {', '.join(map(repr, unknown))};"
                f" its options: {', '.join(accepted) or '(none)'}"
            )
        return dict(given)
    by_name = {option.name: option for option in declared}
    unknown = sorted(set(given) - set(by_name))
    if unknown:
        valid = ", ".join(option.describe() for option in declared) or "(none)"
        raise InvalidOptionError(
            f"method {method!r} has no option {', '.join(map(repr, unknown))}; its options: {valid}"
        )
    return {name: by_name[name].convert(method, value) for name, value in given.items()}
