"""Raw input → ``Article``: plain or scraped text, HTML pages, and pages fetched by URL.

``load`` takes text or bytes and picks the reader: ``newsgist.ingest.text`` for text,
``newsgist.ingest.html`` for HTML (detected from the first bytes, or named). URLs are
fetched by ``newsgist.ingest.fetch.load_url``, never implicitly, so a caller that passes
user input to ``load`` cannot be made to open network connections.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from newsgist.errors import InvalidInputError, InvalidOptionError
from newsgist.ingest.html import decode_html, load_html, looks_like_html
from newsgist.ingest.text import (
    DEFAULT_MAX_BYTES,
    IngestOptions,
    check_size,
    decode,
    load_text,
    read_limited,
)
from newsgist.models import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "INPUT_FORMATS",
    "IngestOptions",
    "InputFormat",
    "check_input_format",
    "check_size",
    "decode",
    "decode_html",
    "load",
    "load_html",
    "load_text",
    "looks_like_html",
    "read_limited",
]

InputFormat = Literal["auto", "text", "html"]
INPUT_FORMATS: tuple[str, ...] = get_args(InputFormat)
_URL = re.compile(r"\s*https?://\S+\s*", re.IGNORECASE)


def check_input_format(value: str) -> None:
    """Refuse an ``input_format`` that is not one of ``INPUT_FORMATS``."""
    if value not in INPUT_FORMATS:
        raise InvalidOptionError(
            f"input_format must be one of {', '.join(INPUT_FORMATS)}, not {value!r}"
        )


def load(
    source: str | bytes,
    *,
    input_format: InputFormat = "auto",
    url: str | None = None,
    charset: str | None = None,
    options: IngestOptions | None = None,
) -> Article:
    """Read text or HTML into an ``Article``; ``"auto"`` tells them apart by the first bytes.

    ``url`` and ``charset`` describe where HTML came from (see ``load_html``); text ignores them.

    Raises:
        InvalidInputError: the input cannot be read (its subclass says why), or it is a
            bare URL, which must be fetched explicitly with ``load_url``.
        InvalidOptionError: an unknown ``input_format``.

    """
    check_input_format(input_format)
    if input_format == "html" or (input_format == "auto" and looks_like_html(source)):
        return load_html(source, url=url, charset=charset, options=options)
    if isinstance(source, str) and len(source) < 2048 and _URL.fullmatch(source):
        raise InvalidInputError(
            "the input is a URL, not an article; fetch it with newsgist.load_url"
            " (CLI: newsgist summarize URL)"
        )
    return load_text(source, options=options)
