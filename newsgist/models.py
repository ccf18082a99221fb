"""The value types that flow through newsgist: Article → Sentence → Highlight → Summary.

All are frozen; each has ``to_dict`` / ``from_dict`` for JSON (the CLI, the service and batch
output all use this one form). Character offsets always point into ``Article.body``, so every
highlight can be traced back to the exact text it came from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from newsgist.errors import InvalidInputError

_T = TypeVar("_T")


def _field(data: Mapping[str, Any], key: str, kind: type[_T], default: _T | None = None) -> _T:
    """Read ``data[key]`` checking its type, so a malformed record fails with a clear message."""
    if key not in data or data[key] is None:
        if default is None:
            raise InvalidInputError(f"record has no {key!r}")
        return default
    value = data[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InvalidInputError(f"{key!r} must be {kind.__name__}, not {type(value).__name__}")
    return value


def _optional_str(data: Mapping[str, Any], key: str) -> str | None:
    """Read an optional string field."""
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise InvalidInputError(f"{key!r} must be a string or null, not {type(value).__name__}")
    return value


def _optional_int(data: Mapping[str, Any], key: str) -> int | None:
    """Read an optional integer field."""
    value = data.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise InvalidInputError(f"{key!r} must be an integer or null, not {type(value).__name__}")
    return value


def _str_tuple(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """Read an optional list of strings."""
    value = data.get(key) or []
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise InvalidInputError(f"{key!r} must be a list of strings")
    return tuple(value)


def _str_mapping(data: Mapping[str, Any], key: str) -> dict[str, str]:
    """Read an optional string-to-string mapping."""
    value = data.get(key) or {}
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidInputError(f"{key!r} must be an object of strings")
    return dict(value)


def _trace(
    data: Mapping[str, Any], sources_key: str, spans_key: str
) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """Read optional sentence indices and ``[start, end]`` body spans."""
    sources = data.get(sources_key) or []
    spans = data.get(spans_key) or []
    if not isinstance(sources, list | tuple) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in sources
    ):
        raise InvalidInputError(f"{sources_key!r} must be a list of sentence indices")
    if not isinstance(spans, list | tuple) or not all(
        isinstance(s, list | tuple) and len(s) == 2 and all(isinstance(x, int) for x in s)
        for s in spans
    ):
        raise InvalidInputError(f"{spans_key!r} must be a list of [start, end] pairs")
    return tuple(sources), tuple((int(s[0]), int(s[1])) for s in spans)


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleMeta:
    """What an article says about itself besides its body: carried into every Summary.

    ``source`` is a wire agency named in a dateline; ``site`` the publication whose page it
    was; ``published`` the publication date as the page gives it (ISO ``YYYY-MM-DD`` from
    HTML); ``language`` a BCP 47 tag: the page's declaration, else detected from the text
    when the article is summarized (``newsgist.lang.language_of``); ``url`` its canonical
    address.
    """

    title: str | None = None
    credit: str | None = None
    byline: str | None = None
    source: str | None = None
    published: str | None = None
    site: str | None = None
    language: str | None = None
    url: str | None = None
    reference_highlights: tuple[str, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "title": self.title,
            "credit": self.credit,
            "byline": self.byline,
            "source": self.source,
            "published": self.published,
            "site": self.site,
            "language": self.language,
            "url": self.url,
            "reference_highlights": list(self.reference_highlights),
            "metadata": dict(self.metadata),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArticleMeta:
        """Build from the JSON form."""
        return cls(
            title=_optional_str(data, "title"),
            credit=_optional_str(data, "credit"),
            byline=_optional_str(data, "byline"),
            source=_optional_str(data, "source"),
            published=_optional_str(data, "published"),
            site=_optional_str(data, "site"),
            language=_optional_str(data, "language"),
            url=_optional_str(data, "url"),
            reference_highlights=_str_tuple(data, "reference_highlights"),
            metadata=_str_mapping(data, "metadata"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Article(ArticleMeta):
    """A cleaned article: the story text plus what the page said about it (``ArticleMeta``).

    ``body`` holds only story text: page chrome, credit lines, datelines and bylines are
    removed by ingest and kept in the other fields, so they can never become highlights.
    """

    body: str

    @property
    def meta(self) -> ArticleMeta:
        """Everything but the body."""
        return ArticleMeta(**_meta_fields(self))

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"body": self.body, **self.meta.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build from the JSON form."""
        return cls(body=_field(data, "body", str), **_meta_fields(ArticleMeta.from_dict(data)))


def _meta_fields(meta: ArticleMeta) -> dict[str, Any]:
    """Return the ``ArticleMeta`` fields of ``meta`` as keyword arguments."""
    return {f.name: getattr(meta, f.name) for f in fields(ArticleMeta)}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of ``Article.body``: ``body[start:end] == text``."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "index": self.index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Sentence:
        """Build from the JSON form."""
        return cls(
            index=_field(data, "index", int),
            text=_field(data, "text", str),
            start=_field(data, "start", int),
            end=_field(data, "end", int),
            paragraph=_field(data, "paragraph", int, 0),
        )


@dataclass(frozen=True, slots=True)
class Highlight:
    """One bullet: its text, the sentences (indices and body spans) it comes from, its thread.

    ``thread`` numbers the story's threads by importance (0: the main one; see
    ``newsgist.threads``); None where the sentence was past what the features cover.
    """

    text: str
    sources: tuple[int, ...]
    spans: tuple[tuple[int, int], ...] = ()
    thread: int | None = None

    @classmethod
    def from_sentences(cls, sentences: Sequence[Sentence]) -> Highlight:
        """Make a highlight that quotes these sentences, whitespace runs collapsed."""
        return cls(
            text=" ".join(" ".join(s.text.split()) for s in sentences),
            sources=tuple(s.index for s in sentences),
            spans=tuple((s.start, s.end) for s in sentences),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "text": self.text,
            "sources": list(self.sources),
            "spans": [list(span) for span in self.spans],
            "thread": self.thread,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Highlight:
        """Build from the JSON form."""
        sources, spans = _trace(data, "sources", "spans")
        return cls(
            text=_field(data, "text", str),
            sources=sources,
            spans=spans,
            thread=_optional_int(data, "thread"),
        )


@dataclass(frozen=True, slots=True)
class Headline:
    """A generated headline and the sentences (indices and body spans) it was made from."""

    text: str
    sources: tuple[int, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()

    @classmethod
    def from_sentence(cls, sentence: Sentence, text: str) -> Headline:
        """Make a headline written from one sentence."""
        return cls(text, (sentence.index,), ((sentence.start, sentence.end),))


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """One sentence of the body as the method scored it: index, span, score and thread."""

    index: int
    start: int
    end: int
    score: float
    thread: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "thread": self.thread,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SentenceScore:
        """Build from the JSON form."""
        return cls(
            index=_field(data, "index", int),
            start=_field(data, "start", int),
            end=_field(data, "end", int),
            score=_field(data, "score", float),
            thread=_optional_int(data, "thread"),
        )


@dataclass(frozen=True, slots=True)
class Summary:
    """The result: a headline, the highlights in document order, and where they came from.

    ``headline_origin`` is ``"title"`` when the page's own title was kept, ``"none"`` when
    no headline was asked for, else the name of the headline generator; ``headline_sources``
    and ``headline_spans`` trace a generated headline to its sentences.
    ``language_resources`` says whose word tables and rules were applied: a language code
    (``"en"``) or ``"neutral"`` for a language newsgist has none for (``article.language``
    says which language it was); ``None`` in a summary from before it was recorded.
    ``timings`` maps each pipeline stage to the seconds it took. ``sentences`` lists every
    sentence the method scored, with its body span, so a reader can see why these were chosen.
    """

    headline: str
    highlights: tuple[Highlight, ...]
    method: str
    headline_origin: str = "title"
    headline_sources: tuple[int, ...] = ()
    headline_spans: tuple[tuple[int, int], ...] = ()
    article: ArticleMeta = field(default_factory=ArticleMeta)
    language_resources: str | None = None
    timings: Mapping[str, float] = field(default_factory=dict)
    sentences: tuple[SentenceScore, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "headline": self.headline,
            "headline_origin": self.headline_origin,
            "headline_sources": list(self.headline_sources),
            "headline_spans": [list(span) for span in self.headline_spans],
            "highlights": [h.to_dict() for h in self.highlights],
            "method": self.method,
            "article": self.article.to_dict(),
            "language_resources": self.language_resources,
            "timings": dict(self.timings),
            "sentences": [s.to_dict() for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        """Build from the JSON form."""
        highlights = data.get("highlights")
        if not isinstance(highlights, list):
            raise InvalidInputError("'highlights' must be a list")
        timings = data.get("timings") or {}
        if not isinstance(timings, Mapping) or not all(
            isinstance(v, int | float) for v in timings.values()
        ):
            raise InvalidInputError("'timings' must be an object of numbers")
        sources, spans = _trace(data, "headline_sources", "headline_spans")
        scored = data.get("sentences") or []
        if not isinstance(scored, list) or not all(isinstance(s, Mapping) for s in scored):
            raise InvalidInputError("'sentences' must be a list of objects")
        return cls(
            headline=_field(data, "headline", str),
            highlights=tuple(Highlight.from_dict(h) for h in highlights),
            method=_field(data, "method", str),
            headline_origin=_field(data, "headline_origin", str, "title"),
            headline_sources=sources,
            headline_spans=spans,
            article=ArticleMeta.from_dict(data.get("article") or {}),
            language_resources=_optional_str(data, "language_resources"),
            timings={str(k): float(v) for k, v in timings.items()},
            sentences=tuple(SentenceScore.from_dict(s) for s in scored),
        )
