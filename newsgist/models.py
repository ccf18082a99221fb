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
    ``newsgist.threads``); None where the sentence was past what the features cover, or where
    selection ignored threads (they are then not computed).
    """

    text: str
    sources: tuple[int, ...]
    spans: tuple[tuple[int, int], ...] = ()
    thread: int | None = None

    @classmethod
    def from_sentences(cls, sentences: Sequence[Sentence], thread: int | None = None) -> Highlight:
        """Make a highlight that quotes these sentences, whitespace runs collapsed."""
        return cls(
            text=" ".join(" ".join(s.text.split()) for s in sentences),
            sources=tuple(s.index for s in sentences),
            spans=tuple((s.start, s.end) for s in sentences),
            thread=thread,
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
    """One sentence of the body as the method scored it: index, span, score and thread.

    ``thread`` is None as in ``Highlight``: past the features, or threads ignored.
    """

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


def _span(value: Any, key: str) -> tuple[int, int]:  # noqa: ANN401 - JSON
    """Read one ``[start, end]`` body span."""
    if not (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in value)
    ):
        raise InvalidInputError(f"{key!r} must be a [start, end] pair")
    return int(value[0]), int(value[1])


def _objects(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    """Read an optional list of JSON objects."""
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise InvalidInputError(f"{key!r} must be a list of objects")
    return value


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: its words (``span`` in the body, marks left out) and who said them.

    ``speaker`` is the person's canonical name (see ``Entity``), or an unnamed speaker's role
    as written, its article left out ("police spokeswoman"), or None when the story does not
    say; ``speaker_span`` is where the attribution names them. ``partial`` marks a fragment
    quoted inside reported speech.
    """

    text: str
    span: tuple[int, int]
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "text": self.text,
            "span": list(self.span),
            "speaker": self.speaker,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "partial": self.partial,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Build from the JSON form."""
        where = data.get("speaker_span")
        return cls(
            text=_field(data, "text", str),
            span=_span(data.get("span"), "span"),
            speaker=_optional_str(data, "speaker"),
            speaker_span=None if where is None else _span(where, "speaker_span"),
            partial=_field(data, "partial", bool, False),
        )


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that counts or measures something, or a date: its text, span and meaning.

    ``kind`` is ``count``, ``money``, ``percent``, ``measure`` or ``date``; ``counts`` is
    what the number counts as the story says it ("people who fled to Lumea"), if it says.
    """

    text: str
    span: tuple[int, int]
    kind: str
    counts: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "text": self.text,
            "span": list(self.span),
            "kind": self.kind,
            "counts": self.counts,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Figure:
        """Build from the JSON form."""
        return cls(
            text=_field(data, "text", str),
            span=_span(data.get("span"), "span"),
            kind=_field(data, "kind", str),
            counts=_optional_str(data, "counts"),
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place: its canonical name, other names, and every mention."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "spans": [list(span) for span in self.spans],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        """Build from the JSON form."""
        spans = data.get("spans") or []
        if not isinstance(spans, list):
            raise InvalidInputError("'spans' must be a list of [start, end] pairs")
        return cls(
            name=_field(data, "name", str),
            kind=_field(data, "kind", str),
            aliases=_str_tuple(data, "aliases"),
            spans=tuple(_span(span, "spans") for span in spans),
        )


@dataclass(frozen=True, slots=True)
class Facts:
    """What a reader scans a story for: quotes, figures, dates, names, keywords, length.

    ``keywords`` pairs each with its score (higher first); ``unsupported`` lists the names
    and numbers of the headline and highlights that the article does not contain (the
    faithfulness check: empty when every one is the article's).
    """

    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[Figure, ...] = ()
    entities: tuple[Entity, ...] = ()
    keywords: tuple[tuple[str, float], ...] = ()
    words: int = 0
    reading_minutes: int = 0
    unsupported: tuple[str, ...] = ()

    def of_kind(self, kind: str) -> tuple[Entity, ...]:
        """Return the entities of one kind: ``person``, ``organisation`` or ``place``."""
        return tuple(entity for entity in self.entities if entity.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
            "dates": [d.to_dict() for d in self.dates],
            "people": [e.to_dict() for e in self.of_kind("person")],
            "organisations": [e.to_dict() for e in self.of_kind("organisation")],
            "places": [e.to_dict() for e in self.of_kind("place")],
            "keywords": [{"term": term, "score": score} for term, score in self.keywords],
            "words": self.words,
            "reading_minutes": self.reading_minutes,
            "faithful": not self.unsupported,
            "unsupported": list(self.unsupported),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Facts:
        """Build from the JSON form."""
        entities = [
            Entity.from_dict(e)
            for key in ("people", "organisations", "places")
            for e in _objects(data, key)
        ]
        keywords = tuple(
            (_field(k, "term", str), _field(k, "score", float)) for k in _objects(data, "keywords")
        )
        return cls(
            quotes=tuple(Quote.from_dict(q) for q in _objects(data, "quotes")),
            figures=tuple(Figure.from_dict(f) for f in _objects(data, "figures")),
            dates=tuple(Figure.from_dict(d) for d in _objects(data, "dates")),
            entities=tuple(entities),
            keywords=keywords,
            words=_field(data, "words", int, 0),
            reading_minutes=_field(data, "reading_minutes", int, 0),
            unsupported=_str_tuple(data, "unsupported"),
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
    ``facts`` holds the story's key facts (None when the facts stage was off).
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
    facts: Facts | None = None

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
            "facts": self.facts.to_dict() if self.facts is not None else None,
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
            facts=_facts(data.get("facts")),
        )


def _facts(value: Any) -> Facts | None:  # noqa: ANN401 - JSON
    """Read the optional ``facts`` object."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InvalidInputError("'facts' must be an object")
    return Facts.from_dict(value)
