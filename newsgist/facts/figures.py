"""Figures: numbers that count or measure something, with what they count; dates apart.

A figure is a number written in digits (``41,000``, ``6.5%``, ``$4.2 million``, ``£2.1m``),
with its currency, scale and percent sign. A number beside a day, month or time word, a time
(``4:15``) or a bare year (``1998``) is a date. A number joined to letters (``G20``,
``Covid-19``), after ``No.`` or ``#``, or naming something capitalised (``Route 66``) is
neither. The kind comes from the words around it: money (a currency), a percentage, a
measure (miles, hours; "90-year-old" too), else a count ("a 24-bed ward": of beds);
``counts`` is the phrase after it up to the next punctuation or clause word, at most six
words ("people who fled to Lumea").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newsgist.lang import FactWords
from newsgist.models import Figure

_START = re.compile(
    r"[\d$£€¥₹₱](?:(?<![\w.,/:#-].)|(?<=RM\d|Sh\d|\bsh\d|Rs\d|Dh\d|Tk\d|Rp\d|SR\d|QR\d|BD\d|KD\d|JD\d)"
    r"|(?<=Shs\d|SKr\d)|(?<=[PRNK]\d))"
)
"""Where a figure may start: a digit or a currency sign, not inside a word or a number, or
a digit after a lettered currency ("RM63", "Dh1.8", "P45"). Searched for first, then
``_NUMBER`` is matched there, or where a lettered currency before it starts (``_LETTERED``). Every
alternative looks behind only after the one character class it opens with, so the engine's
fast scan finds it; an alternative opening with a look-behind is tried at every position."""
_LETTERED = re.compile(
    r"(?<![\w.,/:#-])(?:[A-Z]{1,2}\$|Rs\.?\s?|RM|K?Shs?|sh|Dh|Tk\s?|Rp\.?\s?|SKr|JD"
    r"|(?:SR|QR|BD|KD|RO)\s?|[PRNK])\Z"
)
"""A currency written with letters just before a number: "A$1.2bn", "Rs 500 crore", "RM63
billion" (ringgit), "Sh6.8 billion" (shillings), "Dh12,000" (dirhams), "NT$48 billion",
"J$45 million"; "P1.2 billion" (pesos), "R2.3-billion" (rand), "N15m" (naira), "K1.2
million" (kina, kwacha) and the Gulf's "SR4.2 billion", "RO 12 million" only with a scale,
a thousands comma ("R18,500") or cents ("R38.15")."""
_NUMBER = re.compile(
    r"(?P<currency>[A-Z]{1,2}\$|\$(?:US|A|NZ)(?=\d)|Rs\.?\s?|RM|K?Shs?|Dh|Tk\s?|JD"
    r"|sh(?=[\d.,]+(?:bn?|m)\b)"
    r"|Rp\.?\s?|SKr|[$£€¥₹₱]|(?:(?:SR|QR|BD|KD|RO)\s?|[PRNK])"
    r"(?=\d{1,3}(?:,\d{3})+(?![\d.])|\d+\.\d\d(?!\d|[.,]\d)"
    r"|[\d.,]+[\s-]?(?:[mb]illion|trillion|bn|m)\b))?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[.,]\d)"
    r"|\d+(?:\.\d+)?)"
    r"(?P<percent>%|pc(?!\w))?(?P<degrees>°?[CF](?![\w]))?"
    r"(?P<attached>km/h|m/s|mm|cm|km|kg|mg|ml|mph|kph|ft|lbs?|ha|secs?|mins?|hrs?|[GMk]Wh?"
    r"|[GMT]B|p(?!m))?"
    r"(?:[\s-]?(?P<scale>million|billion|trillion|crore|lakh|bn|mn|m|k)\b"
    r"|(?(currency)b\b|(?!)))?"  # "sh1.6b": a billion, after a currency only
    r"(?P<score>-\d{1,3}(?!\d|[.,]\d))?"
    r"(?![\w/]|:\d|,\d|\.\d)"
)
"""A number with its currency, scale and unit ("$4.2 million", "6.5%", "11pc", "92mm",
"94p", "13,000MW", "64GB", "£45mn", "$180-million", "$US750", "JD10,000", Uganda's
"sh1.6b"), or a score ("3-1"). Thousands
may be grouped with spaces, as southern Africa's papers write them ("23 000", "N$2 500")."""
_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d\d")
"""A number that reads as an amount without a scale: thousands ("12,000") or cents ("3.41")."""
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TIME = re.compile(
    r"(?=\d)(?<![\w:.])(?:[01]?\d|2[0-3])"
    r"(?::[0-5]\d(?:\s?[ap]\.?m\.?)?|\.[0-5]\d\s?[ap]\.?m\.?|[ap]m\b|\s?[ap]\.m\.)(?![\w:])"
)
"""A time of day ("4:15", "10.30pm", "6pm", "2 a.m."): a date."""
_TIME_START = re.compile(r"\d(?<![\w:.].)")
"""Where ``_TIME`` may match: a digit not after a letter, digit, colon or full stop. It opens
with a character class, so the engine's fast scan finds it; ``_TIME`` opens with look-arounds
and would be tried at every position."""
_TIME_HINT = re.compile(r"[:.](?<=\d.)[0-5]\d")
"""What most times have ("4:15"): searched first, as most stories have no time and this scan
is cheaper (it opens with a character class, so the engine's fast scan finds it)."""
_HOUR_HINT = re.compile(r"m(?:(?<=\d[ap]m)|(?<=\d [ap]\.m)|(?<=\d[ap]\.m))")
"""What an hour alone has ("6pm", "2 a.m.")."""
_HOUR = re.compile(r"\s?[ap]\.?m\b")
"""After a number: it is the hour of a time ("2 a.m."), found by ``_TIME``."""
_COMPOUND = re.compile(r"(?:-[A-Za-z]+)+")
"""A number's hyphenated unit ("90-year-old", "24-bed"): what it counts or measures."""
_CLOCK_UNITS = frozenset({"hr", "hrs", "min", "mins"})
"""Attached units that may open a race time written in units ("4hr 31min 07sec")."""
_CLOCK_PART = re.compile(r" \d{1,2}(?:mins?|secs?)(?!\w)")
"""The next part of a race time written in units ("4hr 31min 07sec"): the same figure."""
_NEXT_WORD = re.compile(r"\s+[^\s,;:.!?\"'“”‘’()\[\]]+")
_STOPS = frozenset("and but or while because after before when as than since until so if".split())
_COUNTS_WORDS = 6
_CONTEXT = 60
_EDGE = ",;:.!?\"'“”‘’()[]"


def figures(body: str, words: FactWords | None) -> tuple[list[Figure], list[Figure]]:
    """Return the figures and the dates of the body, each in body order."""
    found: list[Figure] = []
    dates: list[Figure] = []
    taken = 0  # where the last race time ended: its later parts are inside it
    for match in _numbers(body):
        start, end = match.span()
        if start < taken:
            continue
        before = body[max(0, start - _CONTEXT) : start].split()[-2:]
        after = body[end : end + _CONTEXT].split()
        previous = before[-1].strip(_EDGE) if before else ""
        following = after[0].strip(_EDGE) if after else ""
        if previous.lower() in ("no", "no.", "number") or before[-1:] == ["#"]:
            continue
        if words is not None and previous in words.numbered_places:
            continue  # "Interstate 225 reopened": a road's number, wherever it stands
        text = match.group()
        if not match["attached"] and not match["score"] and _HOUR.match(body, end):
            continue  # "2 a.m.", "6pm": the time pass below reads it
        if match["score"] and _YEAR.fullmatch(match["number"]):
            dates.append(Figure(match["number"], (start, start + 4), "date"))
            continue  # "the 2019-20 season": a year, not a score
        if _is_date(match, previous, following, words):
            dates.append(Figure(text, (start, end), "date"))
            continue
        code_at = start - len(previous) - 1  # "VND 25 billion": a currency's code before it
        if (
            words is not None
            and not match["currency"]
            and previous.isupper()
            and previous in words.currencies
            and (match["scale"] or _AMOUNT.fullmatch(match["number"]))  # not "COP 28"
            and body.startswith(f"{previous} ", code_at)
            and (code_at == 0 or body[code_at - 1].isspace())
        ):
            found.append(Figure(body[code_at:end], (code_at, end), "money", _counts(after)))
            continue
        joined = bool(before) and before[-1][-1:].isalnum()  # no comma between: "Route 66"
        joined = joined and not before[-1].endswith(("'s", "’s"))  # "Brightwater's 12"
        if (
            joined
            and previous[:1].isupper()
            and not match["currency"]
            and not match["score"]
            and _mid_sentence(body, start)
        ):
            continue  # "Route 66", "Apollo 11": part of a name
        compound = _COMPOUND.match(body, end)
        if compound is not None and not match["currency"]:  # "a 24-bed ward", "90-year-old"
            joined_unit = compound.group()[1:]
            first_word = joined_unit.split("-")[0].lower()
            measured = words is not None and (
                first_word in words.measures or first_word in words.measure_prefixes
            )
            if (  # "a 2.8-mile stretch": the unit is part of the measure; an age stays a number
                words is not None and measured and not joined_unit.endswith(words.age_ends)
            ):
                end = compound.end()
                rest = body[end : end + _CONTEXT].split()
            else:  # "a 24-bed ward": the number, counting beds
                rest = [joined_unit, *body[compound.end() : compound.end() + _CONTEXT].split()]
            found.append(
                Figure(
                    body[start:end], (start, end), "measure" if measured else "count", _counts(rest)
                )
            )
            continue
        if match["attached"] in _CLOCK_UNITS:  # "4hr 31min 07sec": one time
            while (part := _CLOCK_PART.match(body, end)) is not None:
                end = taken = part.end()
            after = body[end : end + _CONTEXT].split()
        kind, used = _kind(match, after, words)
        for _ in range(used):  # the unit is part of the figure: "2.4 metres", "6 per cent"
            unit = _NEXT_WORD.match(body, end)
            if unit is not None:
                end = unit.end()
        found.append(Figure(body[start:end], (start, end), kind, _counts(after[used:])))
    if _TIME_HINT.search(body) or _HOUR_HINT.search(body):
        dates.extend(Figure(m.group(), m.span(), "date") for m in _times(body))
    dates.sort(key=lambda figure: figure.span)
    return found, dates


def _numbers(body: str) -> Iterator[re.Match[str]]:
    """Yield the body's numbers, left to right, as ``_NUMBER.finditer`` with a look-behind would."""

    def number_at(begin: int, at: int) -> re.Match[str] | None:
        lettered = _LETTERED.search(body, max(at, begin - 4), begin)  # "A$1.2bn", "RM63"
        found = _NUMBER.match(body, lettered.start()) if lettered else None
        return found or _NUMBER.match(body, begin)  # "P45", "R2": no scale, no money

    return _scan(body, _START, number_at)


def _times(body: str) -> Iterator[re.Match[str]]:
    """Yield the body's times of day, left to right, as ``_TIME.finditer`` would."""
    return _scan(body, _TIME_START, lambda begin, _: _TIME.match(body, begin))


def _scan(
    body: str, start: re.Pattern[str], match_at: Callable[[int, int], re.Match[str] | None]
) -> Iterator[re.Match[str]]:
    """Yield the matches ``match_at`` finds where ``start`` is found, left to right.

    ``start`` opens with a character class, so the engine's fast scan finds it; the full
    pattern, which opens with look-arounds, is only tried there. ``match_at`` gets where
    ``start`` was found and where the last match ended.
    """
    at = 0
    while (found := start.search(body, at)) is not None:
        begin = found.start()
        match = match_at(begin, at)
        if match is None:
            at = begin + 1
        else:
            yield match
            at = match.end()


def _mid_sentence(body: str, start: int) -> bool:
    """Whether the word before ``start`` follows a lower-case word or a comma in its sentence."""
    head = body[max(0, start - _CONTEXT) : start].split()
    before = head[-2] if len(head) > 1 else ""  # the word before that word, line breaks too
    return bool(before) and (before[-1].islower() or before[-1] == ",")


def _is_date(match: re.Match[str], previous: str, following: str, words: FactWords | None) -> bool:
    """Whether a number is a date or a time: beside a date word, a time, or a bare year."""
    if any(match[part] for part in ("currency", "percent", "scale", "degrees", "attached")):
        return False
    if match["score"]:
        return False
    date_words = words.date_words if words else frozenset()
    if previous in date_words or following in date_words or following.lower() in date_words:
        return True
    return bool(_YEAR.fullmatch(match["number"]))


def _kind(match: re.Match[str], after: list[str], words: FactWords | None) -> tuple[str, int]:
    """Return the figure's kind and how many words after it belong to the number."""
    following = [w.strip(_EDGE).lower() for w in after[:2]]
    if match["currency"]:
        return "money", 0
    if match["percent"]:
        return "percent", 0
    if match["degrees"]:
        return "measure", 0  # "41.3C"
    if match["attached"]:
        return ("money" if match["attached"] == "p" else "measure"), 0  # "94p", "92mm"
    if words is None:
        return "count", 0
    if following[:1] and following[0] in words.currencies:
        return "money", 1
    if following[:1] and following[0] in words.percent_words and following[0] != "points":
        used = 2 if following[0] in ("per", "percentage") and len(following) > 1 else 1
        return "percent", used
    if following[1:] and following[0] in words.measure_prefixes and following[1] in words.measures:
        return "measure", 2  # "11 million cubic metres"
    if following[:1] and following[0] in words.measures:
        scaled = following[0].startswith("degree") and following[1:] in (
            ["celsius"],
            ["fahrenheit"],
        )
        return "measure", 1 + scaled  # "38 degrees Celsius"
    return "count", 0


def _counts(after: list[str]) -> str | None:
    """Return what a figure counts: the words after it, to punctuation or a clause word."""
    taken: list[str] = []
    for word in after[:_COUNTS_WORDS]:
        bare = word.strip(_EDGE)
        if not bare or bare.lower() in _STOPS:
            break
        taken.append(bare)
        if word[-1:] in ",;:.!?)":
            break
    if taken and taken[0].lower() == "of":
        taken = taken[1:]
    return " ".join(taken) or None
