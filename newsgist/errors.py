"""Every error newsgist raises on purpose, under one root.

The tree::

    NewsgistError
    ├── InvalidInputError (ValueError)       the article cannot be summarized
    │   ├── EmptyInputError                  nothing left to summarize
    │   ├── BinaryInputError                 NUL or control bytes: not text
    │   ├── EncodingError                    bytes that are not valid UTF-8
    │   ├── InputTooLargeError               over the configured size limit
    │   ├── NoSentenceError                  no sentence with a letter or digit
    │   ├── InvalidRecordError               a JSONL line that is not a usable record
    │   └── FeedError                        not an RSS or Atom feed, or a sitemap
    ├── FetchError                           a URL could not be fetched
    │   ├── UnsafeURLError                   not http(s), or a private/loopback address
    │   ├── FetchTimeoutError                connecting or reading took too long
    │   ├── HTTPStatusError                  the server answered with a 4xx or 5xx status
    │   ├── ContentTypeError                 the URL is not an HTML or plain-text page
    │   └── RobotsDisallowedError            the site's robots.txt says not to fetch it
    ├── InvalidOptionError (ValueError)      an option out of range or contradictory
    ├── UnknownNameError (LookupError)       a registry has no entry of that name
    ├── ModelError                           a model file is missing, corrupt or mismatched
    ├── MethodError                          a method failed or returned unusable scores
    ├── MissingDependencyError (ImportError) an optional extra is not installed
    └── BatchError                           a batch stopped before its end (disk, worker, signal)

Callers catch ``NewsgistError`` for "the user's input or settings were wrong" (or, for
``BatchError``, "the machine would not let the batch finish"); anything else escaping newsgist
is a bug.
"""

from __future__ import annotations

from collections.abc import Iterable


class NewsgistError(Exception):
    """Root of every error newsgist raises for bad input, options or set-up."""


class InvalidInputError(NewsgistError, ValueError):
    """The input cannot be turned into an article to summarize."""


class EmptyInputError(InvalidInputError):
    """The input is empty, or nothing is left once page chrome is removed."""


class BinaryInputError(InvalidInputError):
    """The input holds NUL or other control bytes, so it is not text."""


class EncodingError(InvalidInputError):
    """The input bytes are not valid UTF-8."""


class InputTooLargeError(InvalidInputError):
    """The input is larger than the configured limit."""


class NoSentenceError(InvalidInputError):
    """The text has no sentence with a letter or digit in it, so nothing to summarize."""


class InvalidRecordError(InvalidInputError):
    """A JSONL line is not a JSON object with the fields a batch or an evaluation needs."""


class FeedError(InvalidInputError):
    """A feed source is not an RSS or Atom feed, a sitemap or a sitemap index newsgist reads."""


class FetchError(NewsgistError):
    """A URL could not be fetched: DNS, connection, TLS, redirects or the response itself."""


class UnsafeURLError(FetchError):
    """The URL is not http(s), or its host resolves to an address that is refused by default."""


class FetchTimeoutError(FetchError):
    """Connecting, reading or the whole download took longer than its limit."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, url: str, status: int, reason: str) -> None:
        self.url = url
        self.status = status
        super().__init__(f"{url} answered HTTP {status} {reason}".rstrip())


class ContentTypeError(FetchError):
    """The response is not a page newsgist can read (HTML or plain text)."""


class RobotsDisallowedError(FetchError):
    """The site's robots.txt disallows the URL, or could not be read (then all is disallowed)."""


class InvalidOptionError(NewsgistError, ValueError):
    """An option is out of range or contradicts another."""


class UnknownNameError(NewsgistError, LookupError):
    """A registry (methods, later headliners) has no entry of the requested name."""

    def __init__(self, kind: str, name: str, valid: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        self.valid = tuple(valid)
        super().__init__(f"unknown {kind} {name!r}; valid {kind}s: {', '.join(self.valid)}")


class ModelError(NewsgistError):
    """A model file cannot be used: missing, corrupt, truncated or from another version."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        super().__init__(f"model file {self.path}: {problem}")


class MethodError(NewsgistError):
    """A summarization method (often a plugin) raised, or returned scores that are unusable.

    Not the caller's fault: the service answers it with a JSON 500 and a code.
    """


class MissingDependencyError(NewsgistError, ImportError):
    """An optional capability needs an extra that is not installed (or not all of it).

    Names the module that failed to import as well as the extra, since an old pip can
    install an extra and still leave out one of its modules.
    """

    def __init__(self, what: str, extra: str, missing: str | None = None) -> None:
        self.extra = extra
        self.missing = missing
        module = f" (no module {missing!r})" if missing else ""
        super().__init__(
            f"{what} needs the '{extra}' extra{module}: pip install 'newsgist[{extra}]'"
        )


class BatchError(NewsgistError):
    """A batch stopped before its end; the records it finished stay for ``--resume``.

    Its output cannot be written (disk full, no permission), a worker process died, SIGTERM
    came, or another run is writing the same output.
    """
