"""Compress: the most salient sentence, cut down to a headline. The default generator.

**Which sentence.** The method's salience rank plus two ranks per position, among sentences
that can stand as a headline (five or more words, a verb, not opening with a quotation, a
question, or a word that leans on an earlier sentence such as ``It`` or ``But``). The lead
is written to carry the story, so a later sentence wins only when ranked well above it.

**How it is cut.** Compression only deletes words (besides digits for number words and a
capital first letter), so every word of a headline is a word of its sentence. The learned
deletions of ``newsgist.compress`` (the model bullets are compressed with) go first. Datelines and
bylines never reach it (``newsgist.ingest`` moves them to metadata). The rules run in order,
each kept only if at least ``_MIN_WORDS`` words remain and, for rules 1–5 and 7, a verb does
if the sentence had one:

1. parentheticals: ``(...)``, ``[...]``, dash pairs and a trailing dash aside;
2. attributions: ``..., police said``, ``according to ...``, a leading ``X said (that)``
   unless what was said starts with a pronoun;
3. a leading subordinate clause or adverbial up to its comma (``After the vote, ...``);
4. appositives and non-restrictive relative clauses (``, the former champion,``,
   ``, who ...,``) and a trailing one;
5. time expressions (``on Tuesday``, ``last week``, ``in March``): the page gives the date;
6. articles and ``its``/``their``/``his``, as headlines do;
7. a trailing subordinate clause (``... after the firm warned ...``);
8. auxiliaries: ``has been arrested`` → ``arrested``, ``is to cut`` → ``to cut``,
   ``is offering`` → ``offering``, ``has won`` → ``won`` (never after a pronoun);
9. people by surname: ``Arsenal boss Arsene Wenger`` → ``Wenger`` (cased text only).

Then number words become digits, and a headline over budget is cut at its latest clause
break, else phrase break, else word, keeping a verb where one of those cuts can, and never
ending on a dangling function word. No parser:
the rules read punctuation and closed word classes.

The patterns and word classes are the article's language's (``newsgist.lang``: English's
are in ``newsgist.lang.en``). Language-neutral resources have no grammar: the headline is
then the sentence without its bracketed and dashed asides, cut at its latest comma,
semicolon, colon or dash within budget, else at a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from newsgist.compress.deletions import (
    DASH_PAIR,
    DASH_TAIL,
    PARENTHESES,
    QUOTATION,
    has_verb,
    is_verb,
    leading_clause_end,
)
from newsgist.compress.model import compress_sentence
from newsgist.lang import DEFAULT, HeadlineGrammar, Language
from newsgist.models import Headline
from newsgist.registry import headlines
from newsgist.segment import is_cased

if TYPE_CHECKING:
    import numpy.typing as npt

    from newsgist.document import Document
from newsgist.models import Sentence

_MIN_WORDS = 4
"""A rule that deletes a clause or phrase is not applied if fewer words than this remain."""
_MIN_GRAMMAR_WORDS = 2
"""Headline grammar (articles, auxiliaries, surnames) may leave as few as this: "Ellery sacked"."""
_CUT_SHARE = 0.8
"""Without a grammar, a punctuation break is the cut only if it keeps this share of the
budget: chosen on the first 1,000 OrangeSum and 109 detik records (0.6, 0.8, or none), and
held out on their last 500 (``benchmarks/languages.py``)."""
_CLAUSE_END = re.compile(r"\s*(?:;\s+|\s+(?:-|–|—)\s+)")
"""Where a clause surely ends without a grammar: a semicolon or a spaced dash (a comma may
set off an apposition or a relative clause instead)."""

_PUNCTUATION_BREAK = re.compile(r"\s*(?:[,;:]\s+|\s+(?:-|–|—)\s+)")
"""Where a headline is cut without a language's grammar: a comma, semicolon, colon or dash."""
_COMMA = re.compile(r",\s+")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")

Rule = Callable[[str, HeadlineGrammar], str]


def compress(
    text: str,
    *,
    words: int,
    cased: bool = True,
    surnames: Collection[str] = (),
    language: Language = DEFAULT,
) -> str:
    """Compress one sentence into a headline of at most ``words`` words.

    ``surnames`` are names the story uses on their own (``Radcliffe`` after ``Paula
    Radcliffe``): a full name ending in one is shortened to it, as headlines do.
    ``language`` gives the grammar; without one (language-neutral resources) only the
    parentheticals go, and the cut falls at punctuation.
    """
    tokens = _bounded(text).split()
    if not cased:  # all-caps or all-lower: lower it, but "M8" and "A1" keep their case
        tokens = [t if any(c.isdigit() for c in t) else t.lower() for t in tokens]
    text = _strip_end(" ".join(tokens))
    grammar = language.headline
    if grammar is None:
        shorter = _strip_end(_drop_parentheticals(text))
        if len(shorter.split()) >= _MIN_WORDS:
            text = shorter
        return _capitalise(_cut(text, words, language))
    text = _strip_end(compress_sentence(text, language).text)  # the learned deletions first
    quoted = QUOTATION.search(text) is not None  # whose words they are stays: no attribution cut
    clauses: list[Rule] = [
        lambda t, _: _outside_quotes(t, _drop_parentheticals),
        (lambda t, _: t) if quoted else _drop_attribution,
        _drop_leading_clause,
        _drop_appositives,
        _drop_time,
    ]
    rules: list[Rule] = [_drop_determiners, _drop_trailing_clause, _drop_auxiliaries]
    if cased:
        rules.append(lambda t, g: _shorten_names(t, surnames, language, g))
    verb = has_verb(text, grammar)
    for rule in clauses + rules:
        shorter = _trim(rule(text, grammar), grammar)
        if shorter == text:
            continue
        keeps_verb = not verb or has_verb(shorter, grammar)
        if rule is _drop_trailing_clause:  # a clause: it may not leave a stub ("Prices soared")
            if len(shorter.split()) >= _MIN_WORDS and keeps_verb:
                text = shorter
        elif rule not in clauses:  # grammar: articles, auxiliaries, names keep the verb
            if len(shorter.split()) >= _MIN_GRAMMAR_WORDS:
                text = shorter
        elif (
            len(shorter.split()) >= _MIN_WORDS
            and keeps_verb
            and not (rule in _EXPOSING and _leans(shorter, grammar))
        ):
            text = shorter  # a clause goes unless it takes the last verb or leaves a "which ..."
    text = grammar.number_word.sub(lambda m: grammar.number_words[m.group(1).lower()], text)
    return _capitalise(_fit(text, words, grammar))


def _drop_parentheticals(text: str) -> str:
    """Drop bracketed asides and dash-enclosed or trailing dash asides."""
    text = PARENTHESES.sub("", text)
    text = DASH_PAIR.sub("", text)
    return DASH_TAIL.sub("", text)


def _drop_attribution(text: str, grammar: HeadlineGrammar) -> str:
    """Drop who said it: a trailing or inserted attribution, or a leading ``X said (that)``."""
    text = grammar.trailing_attribution.sub("", _strip_end(text))
    text = grammar.inner_attribution.sub(" ", text)
    match = grammar.leading_attribution.match(text)
    if (
        match
        and len(match["rest"].split()) >= 2 * _MIN_WORDS
        and match["rest"].split()[0].lower() not in grammar.pronouns
    ):
        return match["rest"]
    return grammar.reported_that.sub(r"\g<verb> ", text)


def _drop_leading_clause(text: str, grammar: HeadlineGrammar) -> str:
    """Drop a leading subordinate clause, adverbial or connective, lists in it included."""
    end = leading_clause_end(text, grammar)
    return text if end < 0 else text[end:]


def _drop_appositives(text: str, grammar: HeadlineGrammar) -> str:
    """Drop appositives and non-restrictive relative clauses set off by commas."""
    return _outside_quotes(
        text, lambda part: grammar.appositive_tail.sub("", grammar.appositive.sub(" ", part))
    )


def _drop_time(text: str, grammar: HeadlineGrammar) -> str:
    """Drop time expressions, but one a preposition needs ("by the end of next year")."""

    def drop(part: str) -> str:
        def one(match: re.Match[str]) -> str:
            before = part[: match.start()].split()[-1:]
            return match[0] if before and before[0].lower() in grammar.dangling else ""

        return grammar.time.sub(one, part)

    return _outside_quotes(text, drop)


def _drop_determiners(text: str, grammar: HeadlineGrammar) -> str:
    """Drop articles and possessives, as headlines do (never inside a quotation)."""
    return _outside_quotes(text, lambda part: grammar.determiner.sub("", part))


_EXPOSING: tuple[Rule, ...] = (_drop_leading_clause, _drop_appositives)
"""Deletions that can leave a relative clause ("which ran ...") at the front."""


def _drop_trailing_clause(text: str, grammar: HeadlineGrammar) -> str:
    """Drop a trailing subordinate clause: ``... after the firm warned ...``."""
    return grammar.subordinate_tail.sub("", text)


def _drop_auxiliaries(text: str, grammar: HeadlineGrammar) -> str:
    """Drop passive and perfect auxiliaries: ``has been arrested`` → ``arrested``."""
    return _outside_quotes(
        text,
        lambda part: grammar.auxiliary.sub(
            lambda m: m[0] if m["before"].strip().lower() in grammar.pronouns else m["before"],
            part,
        ),
    )


def _outside_quotes(text: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to the text between quotations: quoted words are someone's own."""
    pieces, at = [], 0
    for quote in QUOTATION.finditer(text):
        pieces += [change(text[at : quote.start()]), quote.group()]
        at = quote.end()
    return "".join([*pieces, change(text[at:])])


def _shorten_names(
    text: str, surnames: Collection[str], language: Language, grammar: HeadlineGrammar
) -> str:
    """Refer to people by surname: ``Arsenal boss Arsene Wenger`` → ``Wenger``.

    A capitalised run of two or more words is a person's name when it follows a role noun
    (``coach``, ``minister``), starts with an honorific (``President``, ``Mr``), or ends in a
    word the story uses alone (``surnames``). A role noun and its modifiers go with it.
    """
    tokens = text.split(" ")
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        end = i
        while (
            _CAPITALISED.fullmatch(tokens[end])
            and end + 1 < len(tokens)
            and _CAPITALISED.fullmatch(tokens[end + 1])
            and not tokens[end].endswith((",", ";", ":", "'s", "’s"))
        ):
            end += 1
        run = tokens[i : end + 1]
        role = bool(kept) and kept[-1].lower() in grammar.roles
        if len(run) >= 2 and (
            role
            or run[0] in grammar.honorifics
            or run[-1].rstrip(",.;:").removesuffix("'s").removesuffix("’s") in surnames
        ):
            if role:
                kept.pop()
                dropped = 0
                while kept and dropped < 3 and _is_modifier(kept[-1], language, grammar):
                    kept.pop()
                    dropped += 1
            run = run[-1:]
        kept.extend(run)
        i = end + 1
    return " ".join(kept)


def _is_modifier(token: str, language: Language, grammar: HeadlineGrammar) -> bool:
    """Whether a word before a role noun modifies it (``Liberal Democrat``, ``film``)."""
    word = token.lower()
    return token[-1].isalnum() and (
        token[0].isupper() or (word not in language.stop_words and not is_verb(word, grammar))
    )


def _fit(text: str, words: int, grammar: HeadlineGrammar) -> str:
    """Cut to at most ``words`` words, at the latest clause break, else phrase break.

    No break inside a quotation counts. A cut that would leave no verb of a sentence that has
    one is not taken while a later kind of cut keeps one ("Three members of group" loses what
    happened to them).
    """
    if len(text.split()) <= words:
        return text
    verb = has_verb(text, grammar)
    quotations = [m.span() for m in QUOTATION.finditer(text)]
    fallback = None
    for pattern in (grammar.clause_break, grammar.phrase_break):
        cuts = [
            m.start()
            for m in pattern.finditer(text)
            if _MIN_WORDS <= len(text[: m.start()].split()) <= words
            and not any(a < m.start() < b for a, b in quotations)  # never inside a quotation
        ]
        if cuts:
            cut = _trim(text[: cuts[-1]], grammar)
            if not verb or has_verb(cut, grammar):
                return cut
            fallback = fallback or cut
    prefix = _trim(" ".join(text.split()[:words]), grammar)
    return prefix if fallback is None or has_verb(prefix, grammar) else fallback


def _cut(text: str, words: int, language: Language) -> str:
    """Cut to at most ``words`` words without a grammar, at a punctuation break if one is late.

    A break counts when it keeps ``_CUT_SHARE`` of the budget; an earlier one would throw
    away words a reader needs, so the cut falls at the budget instead. Where clauses end on
    their verb (German, Dutch, Turkish) no cut falls inside a clause (see ``_clause_cut``).
    """
    tokens = text.split()
    if len(tokens) <= words:
        return text
    if language.verb_final:
        return _clause_cut(text, words, language)
    cuts = [
        m.start()
        for m in _PUNCTUATION_BREAK.finditer(text)
        if _CUT_SHARE * words <= len(text[: m.start()].split()) <= words
    ]
    return _strip_end(text[: cuts[-1]] if cuts else " ".join(tokens[:words]))


def _clause_cut(text: str, words: int, language: Language) -> str:
    """Cut a verb-final language's sentence only where a clause ends, never before its verb.

    A clause ends at a semicolon or a spaced dash, or at a comma before a word that joins
    main clauses (``und``, ``maar``, ``ama``). The last such end within the budget is the
    cut; else the whole sentence when it is within twice the budget, else the first end
    within twice it; only a run-on sentence with none is cut at the budget.
    """
    ends = [m.start() for m in _CLAUSE_END.finditer(text)]
    for comma in _COMMA.finditer(text):
        joiner = text[comma.end() :].split(maxsplit=1)[:1]
        if joiner and joiner[0].lower() in language.clause_joiners:
            ends.append(comma.start())
    counted = sorted((len(text[:at].split()), at) for at in ends)
    within = [at for count, at in counted if _MIN_WORDS <= count <= words]
    if within:
        return _strip_end(text[: within[-1]])
    if len(text.split()) <= 2 * words:
        return text
    longer = [at for count, at in counted if words < count <= 2 * words]
    if longer:
        return _strip_end(text[: longer[0]])
    return _strip_end(" ".join(text.split()[:words]))


def _trim(text: str, grammar: HeadlineGrammar) -> str:
    """Drop dangling function words and punctuation from the end."""
    tokens = text.split()
    while len(tokens) > 1 and tokens[-1].lower().strip(",;:") in grammar.dangling:
        tokens.pop()
    return _strip_end(" ".join(tokens))


def _strip_end(text: str) -> str:
    """Drop the final period, trailing commas and unbalanced closing quotes."""
    text = text.strip().rstrip(" ,;:.")
    if text.count('"') % 2:
        text = text.rstrip('"').rstrip(" ,;:.")
    return text


def _capitalise(text: str) -> str:
    """Upper-case the first letter or digit."""
    for i, char in enumerate(text):
        if char.isalnum():
            return text[:i] + char.upper() + text[i + 1 :]
    return text


_POSITION_RANKS = 2
"""How many salience ranks one position down costs when picking the sentence (see _pick)."""
_FIT_WORDS = 5
"""A headline source sentence has at least this many words."""
_QUOTATION = re.compile(r"[\"“‘«`']\S+(?:\s+[^\"”’»']+){3}")
"""A sentence that opens with a quotation of four or more words: someone's words, not news."""
_CLOSING = "\"'”’»)"
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z][\w-]*")
_MAX_SOURCE_CHARS = 2_000
"""A longer sentence cannot carry a headline, and only this much of it is compressed when it
must (about 300 words: no news sentence comes near it; run-on text without stops does)."""
_MAX_CANDIDATES = 100
"""Sentences tried, best first, for one that can carry a headline (real stories need a few)."""
_MAX_NAMES = 50
"""Capitalised words of the sentence checked as surnames."""
_STORY_NAME_CHARS = 100_000
"""How much of the story is read for surname uses: names are introduced early."""
_ALONE_USES = 2
"""Uses on its own that make a name's last word a surname: one ("Secretary of State") is not
enough to shorten "Islamic State" to "State"."""
_MAX_NAME_USES = 200
"""Uses of one name read before deciding it is not used both ways."""


@headlines.register("compress")
class CompressHeadliner:
    """Compresses the most salient sentence that can carry a headline."""

    def write(self, document: Document, scores: npt.NDArray[np.float64], *, words: int) -> Headline:
        """Return the compressed sentence, traced to it."""
        language = document.language
        sentence = document.sentences[_pick(document.sentences, scores, language.headline)]
        body = document.article.body
        cased = is_cased(body)
        source = _bounded(sentence.text)
        names = _CAPITALISED_WORD.findall(source)[:_MAX_NAMES] if cased else ()
        text = compress(
            source,
            words=words,
            cased=cased,
            surnames=story_surnames(body, names),
            language=language,
        )
        return Headline.from_sentence(sentence, text)


def _bounded(text: str) -> str:
    """Return at most ``_MAX_SOURCE_CHARS`` of a sentence, cut at a space if it is longer.

    Compression only deletes words, so the headline is still made of the sentence's words;
    the bound keeps every rule's cost constant however long the sentence.
    """
    if len(text) <= _MAX_SOURCE_CHARS:
        return text
    cut = text.rfind(" ", 0, _MAX_SOURCE_CHARS)
    return text[: cut if cut > 0 else _MAX_SOURCE_CHARS]


def _pick(
    sentences: Sequence[Sentence],
    scores: npt.NDArray[np.float64],
    grammar: HeadlineGrammar | None,
) -> int:
    """Return the sentence to compress: the best by salience rank plus a position prior.

    Each position down counts as ``_POSITION_RANKS`` salience ranks, so a later sentence
    wins only when the method ranks it well above the lead. The first in that order that
    can stand as a headline is taken, else the first in that order.
    """
    ranks = np.empty(len(sentences))
    ranks[np.argsort(-scores, kind="stable")] = np.arange(len(sentences))
    order = np.argsort(ranks + _POSITION_RANKS * np.arange(len(sentences)), kind="stable")
    candidates: list[int] = order[:_MAX_CANDIDATES].tolist()
    return next((i for i in candidates if _can_carry(sentences[i].text, grammar)), candidates[0])


def _can_carry(text: str, grammar: HeadlineGrammar | None) -> bool:
    """Whether a sentence can stand as a headline: a statement with a verb, not a quotation.

    Without a grammar, verbs and leaning openings cannot be told: any long enough statement
    that is not a quotation or a question can.
    """
    if len(text) > _MAX_SOURCE_CHARS:
        return False
    tokens = text.split()
    if len(tokens) < _FIT_WORDS or _QUOTATION.match(text) or text.rstrip(_CLOSING).endswith("?"):
        return False
    return grammar is None or (
        tokens[0].lower().strip(",") not in grammar.leaning and has_verb(text, grammar)
    )


def _leans(text: str, grammar: HeadlineGrammar) -> bool:
    """Whether the text opens with a word that leans on what went before (``which``, ``it``)."""
    first = text.split(maxsplit=1)[:1]
    return bool(first) and first[0].lower().strip(",\"'“‘") in grammar.leaning


def story_surnames(body: str, candidates: Iterable[str]) -> frozenset[str]:
    """Those candidate words the story uses both after another name and on their own.

    ``Paula Radcliffe`` ... ``Radcliffe said`` ... ``Radcliffe won`` makes ``Radcliffe`` a
    surname (twice on its own), so a headline may shorten the full name to it.
    """
    found = set()
    body = body[:_STORY_NAME_CHARS]
    for word in set(candidates):
        after_name = alone = 0
        at = body.find(word)
        for _ in range(_MAX_NAME_USES):
            if at < 0 or (after_name and alone >= _ALONE_USES):
                break
            end = at + len(word)
            if not _joined(body[at - 1 : at]) and not _joined(body[end : end + 1]):
                previous = body[max(0, at - 40) : at].split()[-1:] or [""]
                word_before = previous[0].rsplit("-", 1)[-1]  # "anti-Islamic State"
                if word_before[:1].isupper() and word_before[-1:].isalpha():
                    after_name += 1
                else:
                    alone += 1
            at = body.find(word, end)
        if after_name and alone >= _ALONE_USES:
            found.add(word)
    return frozenset(found)


def _joined(char: str) -> bool:
    """Whether a neighbouring character makes a match part of a longer word."""
    return char.isalnum() or char in "-'’."
