"""The faithfulness check: every name and number a summary states must be the article's.

Highlights are the article's sentences and headlines its words, so a violation means a
bug, or a plugin that writes text; the check is cheap and runs on every summary. A name is
a capitalised word that does not open its text; a number is a run of digits. A number the
headline writes in digits for a number word ("3" for "three") counts when the word is there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_NAME = re.compile(r"(?<=\s)[A-Z][\w'’.-]*")
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_EDGE = ".,;:!?'’\"“”()"
_WORD = re.compile(r"[a-z]+")
_SEARCHED_NAMES = 32
"""Names searched for in the body one by one; past this a text's names are looked up in the
body's words first, so a highlight of thousands of names (hostile input) stays linear."""


def unsupported(texts: Iterable[str], body: str, number_words: Mapping[str, str]) -> list[str]:
    """Return the names and numbers in ``texts`` that the body does not contain, once each."""
    body_numbers: set[str] | None = None  # read only when a text has a number
    spelled: set[str] | None = None  # read only when a number is not in digits in the body
    digits_spelled: set[str] | None = None  # the numbers the language has words for
    body_words: set[str] | None = None  # read only when a text names more than a few
    missing: dict[str, None] = {}  # in order, each once
    for text in texts:
        names = _NAME.findall(text)
        if body_words is None and len(names) > _SEARCHED_NAMES:
            body_words = {word.strip(_EDGE) for word in body.split()}
        for raw in names:
            name = raw.strip(_EDGE)
            if name[-2:] in ("'s", "’s"):
                name = name[:-2]
            if not name or name in missing or (body_words is not None and name in body_words):
                continue
            if name not in body:
                missing[name] = None
        for number in _DIGITS.findall(text):
            plain = _plain(number)
            if body_numbers is None:
                body_numbers = {_plain(n) for n in _DIGITS.findall(body)}
            if plain in body_numbers or number in missing:
                continue
            if digits_spelled is None:
                digits_spelled = set(number_words.values())
            if plain not in digits_spelled:
                missing[number] = None  # no number word is written so: no words to list
                continue
            if spelled is None:
                written = set(_WORD.findall(body.lower()))
                spelled = {digit for word, digit in number_words.items() if word in written}
            if plain not in spelled:
                missing[number] = None
    return list(missing)


def _plain(number: str) -> str:
    """Drop a number's thousands separators: "41,000" and "41000" are one."""
    return number.replace(",", "").rstrip(".")
