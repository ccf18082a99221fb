"""Reading JSON Lines: plain, gzip-compressed or stdin, one record per line, bad lines named.

Shared by batch jobs and evaluation, so both accept the same files and say the same thing
about a line they cannot use.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Self

from newsgist.errors import InvalidInputError, InvalidRecordError


class JsonlFile:
    """A JSONL input opened for streaming: ``-`` is stdin, a ``.gz`` name is decompressed.

    Iterating yields raw lines (bytes, newline included); ``size`` and ``tell()`` count bytes
    of the file as stored (compressed, for ``.gz``), so progress can be shown without a
    counting pass. ``size`` is None for stdin.

    Raises:
        InvalidInputError: the file is missing, a directory, unreadable, or (while reading)
            a damaged gzip stream.

    """

    def __init__(self, path: str | Path) -> None:
        self.name = str(path)
        self.size: int | None = None
        self._raw: IO[bytes] = sys.stdin.buffer
        self._gzip: gzip.GzipFile | None = None
        if self.name == "-":
            return
        path = Path(path)
        try:
            self._raw = path.open("rb")
        except FileNotFoundError:
            raise InvalidInputError(f"no such file: {path}") from None
        except IsADirectoryError:
            raise InvalidInputError(f"is a directory, not a JSONL file: {path}") from None
        except PermissionError:
            raise InvalidInputError(f"permission denied: {path}") from None
        self.size = os.fstat(self._raw.fileno()).st_size
        if path.suffix == ".gz":
            self._gzip = gzip.GzipFile(fileobj=self._raw, mode="rb")

    def tell(self) -> int:
        """Return how many bytes of the stored file have been read so far."""
        return 0 if self.size is None else self._raw.tell()

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._gzip or self._raw
        except (OSError, EOFError, zlib.error) as error:
            if self._gzip is None:
                raise InvalidInputError(f"cannot read {self.name}: {error}") from None
            raise InvalidInputError(f"{self.name}: damaged or not gzip ({error})") from None

    def close(self) -> None:
        """Close the file (never stdin)."""
        if self._gzip is not None:
            self._gzip.close()
        if self.size is not None:
            self._raw.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def identify(source: str | Path) -> list[str | int] | str:
    """Name an input, to tell whether a partial run was made from it.

    A local file is its full path, size and modification time; stdin or a remote URL is the
    name as given.
    """
    path = Path(source)
    if str(source) == "-" or not path.is_file():
        return str(source)
    stat = path.stat()
    return [str(path.resolve()), stat.st_size, stat.st_mtime_ns]


def parse_object(raw: bytes) -> dict[str, Any]:
    """Parse one JSONL line into a JSON object, or say what is wrong with it.

    Lenient as Python's ``json`` is (``NaN`` and ``Infinity`` are read), but a line it cannot
    hold is refused, not raised: an integer over Python's digit limit, or nesting deeper than
    its recursion limit.

    Raises:
        InvalidRecordError: the line is not UTF-8, is blank, is not JSON, or is not an object.

    """
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidRecordError("not valid UTF-8") from None
    if not line.strip():
        raise InvalidRecordError("empty line")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise InvalidRecordError(f"not JSON ({error.msg})") from None
    except RecursionError:
        raise InvalidRecordError("not usable JSON (nested too deeply)") from None
    except ValueError:  # the only other: an integer longer than int() takes
        limit = sys.get_int_max_str_digits()
        raise InvalidRecordError(f"not usable JSON (an integer of over {limit:,} digits)") from None
    if not isinstance(data, dict):
        raise InvalidRecordError("not a JSON object")
    return data
