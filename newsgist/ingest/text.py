"""Plain text or a scraped page → a clean ``Article``.

Order of work: check the raw input (size, binary bytes, UTF-8), normalise line ends, then
read it line by line. Page chrome lines are dropped; credit, byline and date lines become
metadata; a headline followed by a line of ``•``-separated highlights (the scraped-page
format) becomes ``title`` and ``reference_highlights``; a short unpunctuated first line
followed by a paragraph becomes the ``title``. Finally a wire dateline (``LONDON (Reuters)
--``) or a Daily Mail byline block at the start of the body is moved into metadata. What is
left is ``Article.body``: story text only, so nothing else can reach a highlight.

The patterns are data tables below, not code branches: add a row to support a new site.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import BinaryIO

from newsgist.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    InvalidOptionError,
)
from newsgist.models import Article

LOGGER = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000
"""Inputs larger than this are refused unless the caller raises the limit."""

_I = re.IGNORECASE

# Whole lines that are page furniture, never story text (matched on the stripped line).
CHROME_LINES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, _I))
    for name, pattern in (
        ("more", r"(?:load|show|see|view|read) (?:more|all)(?: \w+){0,3}\s*(?:\.\.\.|…|»|>)?"),
        ("read-more", r"read (?:more|next|the full story)\b.{0,80}"),
        ("advert", r"(?:advertisement|advert|ad|sponsored(?: content)?|promoted)"),
        ("advert-continues", r"(?:story|article) continues (?:below|after)(?: \w+){0,2}"),
        (
            "share",
            r"(?:share|tweet|email|print|copy link|whatsapp|pinterest|facebook|twitter|linkedin)"
            r"(?:(?: this| the)? (?:article|story|page|link))?(?: (?:on|via|with) \w+)?:?",
        ),
        (  # one way to split each gap between names: no backtracking blow-up (issue 16)
            "share-bar",
            r"(?:share|facebook|twitter|email|whatsapp|print|copy link)"
            r"(?:(?:\s*+[|·•]\s*+|\s++)(?:share|facebook|twitter|email|whatsapp|print|copy link))+"
            r"(?:\s*+[|·•])?",
        ),
        ("subscribe", r"(?:subscribe|sign up|register)\b.{0,100}"),
        ("newsletter", r".{0,60}\bnewsletters?\b.{0,60}"),
        ("cookies", r".{0,80}\bcookies?\b.{0,160}"),
        ("follow", r"follow (?:us|\w+) on \w+.{0,60}"),
        ("scroll", r"\(?scroll down (?:for|to)\b.{0,40}"),
        ("click-here", r"click here\b.{0,100}"),
        (
            "related",
            r"(?:related|more on this|more from \w+|most (?:read|popular)|trending)\b.{0,40}",
        ),
        (
            "comments",
            r"(?:\d+\s+)?comments?(?: \(\d+\))?"
            r"|(?:leave|add|view|show) (?:a |all )?comments?.{0,20}",
        ),
        ("navigation", r"(?:skip to (?:main )?content|back to top|home|menu|search|close)"),
        ("caption", r"image caption\b.{0,200}"),
        ("rights", r"(?:©|\(c\)|copyright)\s*\d{4}\b.{0,120}|all rights reserved\.?"),
        ("video", r"(?:watch|play)(?: the)? video\b.{0,40}|video:?"),
    )
)

# Whole lines that carry metadata: the named group ``value`` is kept under ``field``.
METADATA_LINES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, _I))
    for name, pattern in (
        (
            "credit",
            r"\(?(?:(?:photo|image|picture|video|graphic|illustration|top|main)\s*)?"
            r"(?:credits?|copyright|courtesy(?: of)?)\s*[:：]?\s*(?P<value>.{2,80}?)\)?",
        ),
        ("credit", r"\(?(?:photograph|photo|picture|image)s?\s*[:：]\s*(?P<value>.{2,80}?)\)?"),
        ("byline", r"by\s+(?P<value>[A-Z][\w.'’-]*(?:[ ,]+(?:and\s+)?[\w.'’-]+){0,7})"),
        ("byline", r"(?P<value>reporting by .{2,160})"),
        (
            "note",
            r"(?P<value>this (?:story|article|report|piece) (?:was|is|has been|first|originally)"
            r" (?:produced|published|written|supported|funded|made possible|appeared|updated)\b"
            r".{0,200})",
        ),
        ("published", r"(?:published|posted)\s*(?:on|at)?\s*:?\s*(?P<value>.{4,60})"),
        ("updated", r"(?:last )?updated\s*(?:on|at)?\s*:?\s*(?P<value>.{4,60})"),
    )
)


def _either(table: tuple[tuple[str, re.Pattern[str]], ...]) -> re.Pattern[str]:
    """One pattern trying a table's rows in order (group ``r<i>`` for row i, ``v<i>`` its value).

    Lines are many and short: one match per line instead of one per row keeps ingest fast
    on pages of a hundred thousand lines, with the same first-row-wins result.
    """
    return re.compile(
        "|".join(
            f"(?P<r{i}>{pattern.pattern.replace('(?P<value>', f'(?P<v{i}>')})"
            for i, (_, pattern) in enumerate(table)
        ),
        _I,
    )


_CHROME = _either(CHROME_LINES)
_METADATA = _either(METADATA_LINES)

# A run of words and punctuation at the start of the body that is not story text.
_DAILY_MAIL_HEAD = re.compile(
    r"""
    by\s*\.\s*(?P<byline>[^.|]{2,120}?)\s*\.\s*
    (?:
        published\s*:\s*\.?\s*(?P<published>[^|]{4,60}?)\s*\.?\s*\|\s*\.?\s*
        updated\s*:\s*\.?\s*(?P<updated>.{4,60}?\d{4})\s*\.?\s*
      | last\s+updated\s+(?:at\s+)?(?P<updated_only>.{4,60}?\d{4})\s*\.?\s*
    )?
    """,
    _I | re.VERBOSE,
)
_WIRE_DATELINE = re.compile(
    r"""
    (?P<place>[A-Z][\w.'’-]*(?:[ ]+[A-Z][\w.'’-]*){0,3}
        (?:\s*,\s*[A-Z][\w.'’-]*(?:[ ]+(?:of[ ]+)?[A-Z][\w.'’-]*){0,3}){0,2})?
    (?:\s*,\s*[A-Z][a-z]{2,8}\.?[ ]\d{1,2})?  # "LONDON, May 4 (Reuters) -": the date goes too
    \s*\((?P<agency>[A-Z][\w.&'’-]*(?:[ ][A-Z][\w.&'’-]*){0,3})\)
    \s*(?:--|—|–|-|:)?\s*
    """,
    re.VERBOSE,
)
_OPENERS = frozenset("\"“‘'")
"""Quotation marks a sentence may open with, just after a dateline."""
_WIRES = frozenset({"Reuters", "Bloomberg", "Xinhua", "Mashable", "CNNMoney", "EW.com"})
_LOWER_DATELINE = re.compile(
    r"""
    (?P<place>[a-z][\w.'’-]*(?:[ ][a-z][\w.'’-]*){0,2}
        (?:[ ]?,[ ][a-z][\w.'’-]*(?:[ ][a-z][\w.'’-]*){0,2})?)?
    \s*-lrb-\s*(?P<agency>[a-z][\w.&' -]{0,30}?)\s*-rrb-\s*(?:--\s*)?
    |(?P<place_only>[a-z][\w.'’-]*(?:[ ][a-z][\w.'’-]*){0,2}[ ]?,[ ][a-z][\w.'’-]*)[ ]--\s+
    """,
    re.VERBOSE,
)
_CAPS_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}"
    r"(?:\s*,\s*[A-Z][\w.'’-]*(?:[ ][\w.'’-]+){0,2})?)"
    r"\s*(?:--|—|–)\s*"
)
_TRAILING_RIGHTS = re.compile(
    r"\s*(?P<value>(?:(?:©|\(c\)|copyright)\s*\d{4}\b[^.\n]{0,80}\.?\s*)?"
    r"all rights reserved\.?)\s*$",
    _I,
)
_HEAD_CHARS = 400
"""Bylines and datelines are looked for in this much of the body's start: they are shorter,
and a bound keeps each pattern's cost constant on a body of any length."""
_BLANK_RUN = re.compile(r"\n{3,}")
_BULLET_SPLIT = re.compile(r"(?<!\s)\s*•\s*")  # tried once per run of spaces: linear
_TERMINAL = ".!?…:;,"
_INVISIBLE = (("\ufeff", ""), ("\u200b", ""), ("\u00a0", " "))
_CONTROL = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
"""Control characters no text has (tab, line and page breaks aside). Each is one byte in
UTF-8 and no other character's encoding holds those bytes, so deleting them from the encoded
text counts them: three times faster than a regular expression's scan."""
_MAX_CONTROL = 10
"""More control characters than this in the first 10,000 characters: binary, not text."""


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Limits and switches for ingest; validated at construction."""

    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise InvalidOptionError(f"max_bytes must be positive, not {self.max_bytes}")


def decode(data: bytes, *, options: IngestOptions | None = None) -> str:
    """Decode input bytes as UTF-8 after the size and binary checks."""
    options = options or IngestOptions()
    check_size(len(data), options)
    if b"\x00" in data:
        raise BinaryInputError("input contains NUL bytes: it looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1]
        raise EncodingError(
            f"input is not valid UTF-8 (byte {error.start}: {bad!r}); convert it to UTF-8 first"
        ) from None


def read_limited(stream: BinaryIO, *, options: IngestOptions | None = None) -> bytes:
    """Read a whole input stream, refusing it as soon as it passes the size limit."""
    options = options or IngestOptions()
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputTooLargeError(
            f"input is over the {options.max_bytes:,}-byte limit; raise it with max_bytes"
            " (CLI: --max-bytes) if this is really one article"
        )
    return data


def load_text(source: str | bytes, *, options: IngestOptions | None = None) -> Article:
    """Check, clean and structure raw text input into an ``Article``."""
    options = options or IngestOptions()
    text = decode(source, options=options) if isinstance(source, bytes) else source
    check_size(len(text) if len(text) * 4 <= options.max_bytes else len(text.encode()), options)
    if "\x00" in text or _control_count(text[:10_000]) > _MAX_CONTROL:
        raise BinaryInputError("input contains NUL or control characters: it is not text")
    if not text.strip():
        raise EmptyInputError("input is empty")
    return _structure(text)


def _control_count(sample: str) -> int:
    """Count the control characters in ``sample`` (see ``_CONTROL``)."""
    encoded = sample.encode("utf-8", "surrogatepass")  # a lone surrogate is still 3 high bytes
    return len(encoded) - len(encoded.translate(None, _CONTROL))


def check_size(size: int, options: IngestOptions) -> None:
    """Refuse inputs over the limit, saying what the limit is and how to raise it."""
    if size > options.max_bytes:
        raise InputTooLargeError(
            f"input is {size:,} bytes, over the {options.max_bytes:,}-byte limit;"
            " raise it with max_bytes (CLI: --max-bytes) if this is really one article"
        )


@dataclass(slots=True)
class _Page:
    """Mutable scratch state while one input is read; frozen into an ``Article`` at the end."""

    lines: list[str]
    metadata: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    highlights: tuple[str, ...] = ()
    source: str | None = None

    def keep(self, name: str, value: str) -> None:
        """Record a metadata value; repeated credits accumulate, other fields keep the first."""
        value = value.strip(" .,;:-–—|")
        if not value:
            return
        if name == "credit" and name in self.metadata and value not in self.metadata[name]:
            self.metadata[name] += "; " + value
        else:
            self.metadata.setdefault(name, value)


def _structure(text: str) -> Article:
    """Split raw text into body, title, highlights and metadata."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for invisible, replacement in _INVISIBLE:
        if invisible in text:
            text = text.replace(invisible, replacement)
    page = _Page(lines=[])
    story: set[str] = set()  # lines already read as story text: a repeat needs no second look
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and stripped not in story:
            if _classify(stripped, page):
                continue
            story.add(stripped)
        page.lines.append(line.rstrip())
    _take_headline_and_highlights(page)
    _take_leading_title(page)
    body = _strip_head(_join(page.lines), page)
    if not body:
        raise EmptyInputError("no article text left once page chrome and metadata are removed")
    return Article(
        body=body,
        title=page.title,
        credit=page.metadata.pop("credit", None),
        byline=page.metadata.pop("byline", None),
        source=page.source,
        published=page.metadata.pop("published", None),
        reference_highlights=page.highlights,
        metadata=page.metadata,
    )


def _classify(line: str, page: _Page) -> bool:
    """Drop a chrome line or take a metadata line; return whether the line was consumed."""
    if len(line) > 300:
        return False
    chrome = _CHROME.fullmatch(line)
    if chrome:
        LOGGER.debug("dropped %s line: %r", CHROME_LINES[_row(chrome)][0], line)
        return True
    match = _METADATA.fullmatch(line)
    if match is None:
        return False
    row = _row(match)
    name = METADATA_LINES[row][0]
    if name == "byline" and ends_sentence(line):  # a sentence, not a byline: try later rows
        later = ((n, p.fullmatch(line)) for n, p in METADATA_LINES[row + 1 :] if n != "byline")
        name, found = next(((n, m) for n, m in later if m), ("", None))
        if found is None:
            return False
        page.keep(name, found.group("value"))
        return True
    page.keep(name, match.group(f"v{row}"))
    return True


def _row(match: re.Match[str]) -> int:
    """Return the table row whose group matched in an ``_either`` pattern."""
    return int((match.lastgroup or "r0")[1:])


def _take_headline_and_highlights(page: _Page) -> None:
    """Find a headline line followed by a line of ``•``-separated highlights and lift both out."""
    lines = page.lines
    for i, line in enumerate(lines):
        if "•" not in line:
            continue
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        if j < 0 or not _is_headline(lines[j]):
            continue  # asked first: splitting a long line at its bullets costs far more
        parts = [p for p in _BULLET_SPLIT.split(line.strip()) if p]
        if len(parts) >= 2 and all(len(p.split()) >= 2 for p in parts):
            page.title = lines[j].strip()
            page.highlights = tuple(parts)
            del lines[j : i + 1]
            return


def _take_leading_title(page: _Page) -> None:
    """Lift a short unpunctuated first line out as the title when a paragraph follows it.

    Not in a text with no punctuated line at all (a caption, a list): every line is content.
    """
    if page.title is not None:
        return
    lines = page.lines
    if not any(ends_sentence(line) for line in lines):
        return
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _is_headline(lines[first]) or len(lines[first].split()) > 15:
        return
    following = next((line for line in lines[first + 1 :] if line.strip()), None)
    followed_by_blank = first + 1 < len(lines) and not lines[first + 1].strip()
    if following is not None and (followed_by_blank or len(following) > 120):
        page.title = lines[first].strip()
        del lines[first]


def ends_sentence(line: str) -> bool:
    """Whether a line ends like a sentence or a clause (``.!?…:;,``, then quotes or brackets).

    Read from the end, character by character, so a line of any length costs its tail only.
    """
    end = len(line)
    while end and not (line[end - 1].isalnum() or line[end - 1] == "_"):
        if line[end - 1] in _TERMINAL:
            return True
        end -= 1
    return False


def _is_headline(line: str) -> bool:
    """Whether a line reads like a headline: short, with no sentence-ending punctuation."""
    if len(line) > 250:  # no 25-word headline is this long; spares splitting whole bodies
        return False
    words = line.split()
    return 2 <= len(words) <= 25 and not ends_sentence(line) and "•" not in line


def _join(lines: list[str]) -> str:
    """Join kept lines, collapsing runs of blank lines left by removed ones."""
    text = "\n".join(lines)
    return (_BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text).strip()


def _is_wire(match: re.Match[str]) -> bool:
    """Whether ``Place (Name)`` is a wire dateline, not a subject and its acronym.

    ``The World Anti-Doping Agency (Wada) will appeal`` starts with an article and names no
    wire service; a dateline's agency is followed by a dash, or is in capitals or a known
    wire and followed by a sentence's capital (``Lerato Mahlangu (DA) said`` is no dateline).
    """
    place = match["place"] or ""
    if place.split(" ", 1)[0] in {"The", "A", "An"}:
        return False
    agency = match["agency"]
    if match[0].rstrip()[-1] in "-—–:":
        return True
    opening = match.string[match.end() : match.end() + 1]  # "(CNN)The ferry", not "(DA) said"
    return (agency.isupper() or agency in _WIRES) and (opening.isupper() or opening in _OPENERS)


def _strip_head(body: str, page: _Page) -> str:
    """Move a byline or dateline at the body's start, and a rights line at its end, to metadata."""
    match = _DAILY_MAIL_HEAD.match(body, 0, _HEAD_CHARS)
    if match and match.end() < len(body):
        page.keep("byline", match.group("byline"))
        for name in ("published", "updated"):
            if match.group(name):
                page.keep(name, match.group(name))
        if match.group("updated_only"):
            page.keep("updated", match.group("updated_only"))
        body = body[match.end() :]
    for pattern in (_WIRE_DATELINE, _LOWER_DATELINE, _CAPS_DATELINE):
        match = pattern.match(body, 0, _HEAD_CHARS)
        if not match or match.end() >= len(body) or match.end() == 0:
            continue
        if pattern is _WIRE_DATELINE and not _is_wire(match):
            continue
        groups = match.groupdict()
        place = groups.get("place") or groups.get("place_only")
        if place:
            page.keep("dateline", place)
        if groups.get("agency"):
            page.source = groups["agency"].strip()
        body = body[match.end() :]
        break
    tail = max(0, len(body) - 400)
    rights = _TRAILING_RIGHTS.search(body, tail) if "reserved" in body[tail:].lower() else None
    if rights and rights.start() > 0:
        page.keep("rights", rights.group("value"))
        body = body[: rights.start()]
    return body.strip()
