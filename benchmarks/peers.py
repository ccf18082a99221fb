"""newsgist beside the libraries a user would otherwise pick: ROUGE and articles/s, one run.

Peers: sumy 0.13 (LexRank, TextRank, LSA, Luhn, KL, SumBasic, Edmundson) and newspaper4k's
summarizer (``newspaper.nlp.summarize``, the code ``Article.nlp()`` runs). All systems see the
same records and go through ``newsgist.evaluate`` (same ROUGE, intervals, paired tests
against the first system, and timing of the summarizer call alone).

Offline, as installed, neither peer runs: both need NLTK's punkt data, which they try to
download at run time. The script shows that failure, then applies the workaround their users
apply and says so:

- sumy: any object with ``language``, ``to_sentences()`` and ``to_words()`` can be its
  tokenizer (the maintainer's advice in sumy#97); we hand it newsgist's segmenter and a
  regex word splitter.
- newspaper4k: its sentence splitter caches a tokenizer on ``split_sentences._tokenizer``;
  we set it to newsgist's segmenter. It also returns nothing when the article has no title
  (CNN/DailyMail records have none), which is shown as is.
- sumy's Edmundson needs hand-made cue words; it gets the record's title (or first
  sentence) words as bonus words, a few hedges as stigma words, and stop words as null words.

Usage::

    python benchmarks/peers.py                                  # CNN, 300 held-out articles
    python benchmarks/peers.py --file bbc_news_summary.jsonl    # BBC, with real titles
    python benchmarks/peers.py --quick                          # CI: proves it runs
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus import DEFAULT_DATA, EXAMPLE

import newsgist
from newsgist.evaluate import Record, System, evaluate, parse_method_spec, read_records
from newsgist.ingest import load_text
from newsgist.options import SummarizeOptions
from newsgist.segment import segment

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_STIGMA = ("may", "might", "perhaps", "reportedly", "allegedly", "could")
_SUMY = {
    "sumy-lexrank": "sumy.summarizers.lex_rank.LexRankSummarizer",
    "sumy-textrank": "sumy.summarizers.text_rank.TextRankSummarizer",
    "sumy-lsa": "sumy.summarizers.lsa.LsaSummarizer",
    "sumy-luhn": "sumy.summarizers.luhn.LuhnSummarizer",
    "sumy-kl": "sumy.summarizers.kl.KLSummarizer",
    "sumy-sumbasic": "sumy.summarizers.sum_basic.SumBasicSummarizer",
    "sumy-edmundson": "sumy.summarizers.edmundson.EdmundsonSummarizer",
}


class SegmenterTokenizer:
    """newsgist's segmenter in the shape sumy expects of a tokenizer (sumy#97)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        """Split a paragraph into sentences."""
        return [s.text for s in segment(paragraph)]

    def to_words(self, sentence: str) -> list[str]:
        """Split a sentence into words, keeping hyphenated words and contractions whole."""
        return _WORD.findall(sentence)

    def tokenize(self, text: str) -> list[str]:
        """Split text into sentences: the interface newspaper4k expects of punkt."""
        return self.to_sentences(text)


def _import(path: str) -> Any:  # noqa: ANN401 - a class from a module named at run time
    """Import ``package.module.Name``."""
    module, _, name = path.rpartition(".")
    return getattr(__import__(module, fromlist=[name]), name)


def _body(record: Record) -> str:
    """Return the article as newsgist's ingest cleans it, so every system reads the same text."""
    return load_text(record.article).body


def sumy_systems(sentences: int, notes: list[str]) -> dict[str, System]:
    """Build the sumy summarizers that import, each with newsgist's segmenter as tokenizer."""
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.utils import get_stop_words
    except ImportError:
        notes.append("sumy: not installed (pip install 'newsgist[bench]')")
        return {}
    try:
        Tokenizer("english")
        notes.append("sumy: its NLTK tokenizer loaded; the workaround is applied anyway")
    except LookupError as error:
        first = str(error).strip().splitlines()[0]
        notes.append(
            f"sumy: Tokenizer('english') fails offline ({type(error).__name__}: {first[:90]}"
            "...); workaround: newsgist's segmenter as sumy's tokenizer (sumy#97)"
        )
    tokenizer = SegmenterTokenizer()
    stemmer = Stemmer("english")
    stop_words = frozenset(get_stop_words("english"))

    def make(path: str) -> System:
        summarizer = _import(path)(stemmer)
        summarizer.stop_words = stop_words
        edmundson = path.endswith("EdmundsonSummarizer")

        def run(record: Record) -> list[str]:
            body = _body(record)
            document = PlaintextParser.from_string(body, tokenizer).document
            if edmundson:
                cue = record.title or (tokenizer.to_sentences(body) or [""])[0]
                summarizer.bonus_words = [w.lower() for w in tokenizer.to_words(cue)]
                summarizer.stigma_words = _STIGMA
                summarizer.null_words = stop_words
            return [str(s) for s in summarizer(document, sentences)]

        return run

    systems: dict[str, System] = {}
    for label, path in _SUMY.items():
        try:
            systems[label] = make(path)
        except ImportError as error:
            notes.append(f"{label}: cannot import ({error})")
    notes.append(
        "sumy-edmundson: bonus words from the title (or first sentence), stigma words "
        f"{', '.join(_STIGMA)}, stop words as null words"
    )
    return systems


def newspaper_system(sentences: int, notes: list[str]) -> dict[str, System]:
    """newspaper4k's summarizer, with newsgist's segmenter in place of punkt."""
    try:
        from newspaper import nlp
        from newspaper.text import StopWords
    except ImportError:
        notes.append("newspaper4k: not installed (pip install 'newsgist[bench]')")
        return {}
    import nltk

    try:  # look, never call: newspaper4k's first split downloads punkt from the web
        nltk.data.find("tokenizers/punkt")
        nltk.data.find("tokenizers/punkt_tab")
        notes.append("newspaper4k: punkt installed; the workaround is applied anyway")
    except LookupError:
        notes.append(
            "newspaper4k: nlp() needs NLTK's punkt, which it downloads at run time (refused"
            " offline); workaround: newsgist's segmenter as its sentence tokenizer"
        )
    nlp.split_sentences._tokenizer = SegmenterTokenizer()
    stop_words = StopWords("en")
    notes.append("newspaper4k: returns no sentences for records without a title (as shipped)")

    def run(record: Record) -> list[str]:
        summary = nlp.summarize(record.title or "", _body(record), stop_words, max_sents=sentences)
        return [str(s) for s in summary]

    return {"newspaper4k": run}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--file", default="cnndm_validation.jsonl", help="a JSONL under --data")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument(
        "--skip",
        type=int,
        help="leave out the first N records [default: 500 for cnndm_validation, the learned"
        " model's training part, else 0]",
    )
    parser.add_argument("--sentences", "-k", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="5 records, 100 resamples")
    parser.add_argument("--out", type=Path, help="also write the markdown report here")
    args = parser.parse_args(argv)
    if args.quick:
        args.limit, args.bootstrap = 5, 100

    path = args.data / args.file
    if args.skip is None:
        args.skip = 500 if args.file == "cnndm_validation.jsonl" else 0
    if path.exists():
        records, skipped = read_records(path, limit=args.limit, skip=args.skip)
    elif args.quick:
        print(f"note: {path} not found; quick run on {EXAMPLE.name}", file=sys.stderr)
        article = load_text(EXAMPLE.read_text(encoding="utf-8"))
        records = [Record("example", article.body, article.reference_highlights, article.title)]
        skipped = []
    else:
        print(f"error: {path} not found", file=sys.stderr)
        return 1

    notes: list[str] = []
    systems: dict[str, System] = {}
    for name in sorted(newsgist.methods.names(), key=lambda m: m != "lead"):  # lead: baseline
        label, system = parse_method_spec(
            name, settings=SummarizeOptions(sentences=args.sentences, headline=None)
        )
        systems[label] = system
    systems.update(sumy_systems(args.sentences, notes))
    systems.update(newspaper_system(args.sentences, notes))

    report = evaluate(
        records,
        systems,
        bootstrap=args.bootstrap,
        seed=args.seed,
        skipped=skipped,
        source=str(path),
    )
    markdown = report.to_markdown() + "\n\nNotes:\n" + "\n".join(f"- {n}" for n in notes)
    print(markdown)
    if args.out:
        args.out.write_text(markdown + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
