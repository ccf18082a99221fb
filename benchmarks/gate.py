"""Quality gate: score newsgist on held-out data and fail when a figure falls below its floor.

The floors are ``benchmarks/gate-baseline.json``: each figure with its value, which way is
better, the slack allowed (``EPSILON``: 0.05 ROUGE points, none for counts) and a digest of
the data it was measured on, so changed data is reported instead of silently compared.
Figures (ROUGE F1 × 100, as ``newsgist evaluate`` computes them, means over the records):

- highlights of lead-3 and the default method (whole sentences and compressed) on
  ``cnndm_validation`` records 501–1000 (the shipped models train on records 1–500), the
  first 300 ``bbc_news_summary`` records,
  ``news_writer_summaries``, ``cnndm_toklower_validation``, ``tests/data/eval_records.jsonl``
  and, in French and Indonesian, the last 300 records of ``orangesum_fr_train`` and
  ``detik_id_summaries`` (scored with multilingual ROUGE), with the number of records scored;
- the default headline against the real titles of the first 300 ``bbc_news_titles`` and
  ``bbc_news_summary`` records, of the written fixtures and of the French and Indonesian
  slices;
- the segmenter's golden table and languages table (cases correct), the threads of the
  written multi-thread stories the default highlights cover, and extraction on the written
  pages (paragraphs kept, boilerplate leaked, title, byline and date right), counted as in
  ``benchmarks/segment.py``, ``benchmarks/threads.py`` and ``benchmarks/extract.py``;
- key facts on the labelled written stories (per type: labels matched, and facts found that
  match no label, so recall and precision both hold; speakers right), as
  ``benchmarks/facts.py`` counts them.

A data file missing from ``--data`` skips its figures, saying so. Exit status 1 lists each
figure worse than its floor by more than epsilon, each slice whose data changed and each
floor no longer measured; a better figure passes and asks for the floor to be raised.

Usage::

    python benchmarks/gate.py                     # score, compare, print the table
    python benchmarks/gate.py --update-baseline   # rewrite the floors from this run
    python benchmarks/gate.py --data ../shared/data --workers 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

from corpus import DEFAULT_DATA, ROOT
from extract import PAGES, Extracted, Tally, run_newsgist, score
from facts import TUNED
from facts import Tally as FactTally
from facts import score as score_facts
from segment import GOLDEN, LANGUAGES, accuracy, split_in
from threads import STORIES, read_stories
from threads import run as run_threads

from newsgist.errors import MissingDependencyError
from newsgist.evaluate import (
    HeadlineSystem,
    MethodSystem,
    Record,
    System,
    evaluate,
    parse_method_spec,
    read_records,
)
from newsgist.evaluate.rouge import ROUGE_TYPES, Rouge
from newsgist.headlines.base import DEFAULT_HEADLINE
from newsgist.lang import lookup
from newsgist.methods.base import DEFAULT_METHOD
from newsgist.options import SummarizeOptions
from newsgist.segment import segment

BASELINE = ROOT / "benchmarks" / "gate-baseline.json"
FIXTURES = ROOT / "tests" / "data"
EPSILON = 0.05
"""Slack on ROUGE figures, in points (F1 × 100); counts get none."""
_DIGITS = 4
"""Decimals kept of each ROUGE figure, so a rerun of the same code compares equal."""

Better = Literal["higher", "lower"]
Status = Literal["same", "better", "worse", "new", "data changed", "skipped", "dropped"]
_FAILING: frozenset[Status] = frozenset({"worse", "data changed", "dropped"})
_VERDICTS: dict[Status, str] = {
    "same": "ok",
    "better": "better: raise the floor with --update-baseline",
    "worse": "**WORSE**",
    "new": "new: record it with --update-baseline",
    "data changed": "**data changed**: check, then --update-baseline",
    "skipped": "skipped: data missing",
    "dropped": "**no longer measured**",
}


@dataclass(frozen=True)
class Slice:
    """A fixed slice of a JSONL data file: records ``skip + 1`` to ``skip + limit``."""

    file: str
    folder: Path | None = None
    """Where the file lives; None: the ``--data`` folder."""
    skip: int = 0
    limit: int | None = None

    @property
    def label(self) -> str:
        """Name the slice as figures and the baseline do, e.g. ``bbc_news_summary 1-300``."""
        stem = self.file.removesuffix(".jsonl")
        if self.limit is None and not self.skip:
            return f"{stem} all"
        end = "end" if self.limit is None else str(self.skip + self.limit)
        return f"{stem} {self.skip + 1}-{end}"

    def path(self, data: Path) -> Path:
        """Return where the slice's file is looked for."""
        return (self.folder or data) / self.file


HIGHLIGHT_SLICES = (
    Slice("cnndm_validation.jsonl", skip=500, limit=500),  # the model trains on records 1-500
    Slice("bbc_news_summary.jsonl", limit=300),
    Slice("news_writer_summaries.jsonl"),
    Slice("cnndm_toklower_validation.jsonl"),
    Slice("eval_records.jsonl", folder=FIXTURES),
    Slice("orangesum_fr_train.jsonl", skip=9700, limit=300),  # French: the file's last 300
    Slice("detik_id_summaries.jsonl", skip=309, limit=300),  # Indonesian: the last 300
)
HEADLINE_SLICES = (
    Slice("bbc_news_titles.jsonl", limit=300),
    Slice("bbc_news_summary.jsonl", limit=300),
    Slice("eval_records.jsonl", folder=FIXTURES),
    Slice("orangesum_fr_train.jsonl", skip=9700, limit=300),
    Slice("detik_id_summaries.jsonl", skip=309, limit=300),
)
METHODS = {"lead-3": "lead:3", DEFAULT_METHOD: DEFAULT_METHOD}
"""Highlight systems: label → ``newsgist evaluate -m`` spec."""
COMPRESSED = f"{DEFAULT_METHOD} compressed"
"""The default method's highlights with ``style="compressed"``, gated beside the others."""
_ROUGE_NAMES = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeLsum": "ROUGE-Lsum"}
_HEADLINE_ROUGE_NAMES = {**_ROUGE_NAMES, "rougeLsum": "ROUGE-L"}  # one line: Lsum is L
_EXTRACTION = ("paragraphs kept", "boilerplate leaked", "title", "byline", "date")


@dataclass(frozen=True)
class Figure:
    """One gated figure: its value (None when its data is missing) and how it is compared."""

    name: str
    slice: str
    value: float | None
    better: Better = "higher"
    epsilon: float = 0.0


@dataclass(frozen=True)
class Part:
    """One slice's figures, with its data's digest and size (None when the data is missing)."""

    slice: str
    figures: tuple[Figure, ...]
    digest: str | None
    size: int | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Measured:
    """What one run measured, slice by slice."""

    parts: tuple[Part, ...]

    @property
    def figures(self) -> list[Figure]:
        """Every figure, in measuring order."""
        return [figure for part in self.parts for figure in part.figures]

    @property
    def digests(self) -> dict[str, str | None]:
        """Each slice's data digest; None where the data is missing."""
        return {part.slice: part.digest for part in self.parts}


@dataclass(frozen=True)
class Baseline:
    """The committed floors: each figure as last recorded, and its slice's digest."""

    figures: Mapping[str, Figure]
    digests: Mapping[str, str]


@dataclass(frozen=True)
class Verdict:
    """One figure's comparison with its floor."""

    name: str
    status: Status
    baseline: Figure | None
    now: Figure | None

    @property
    def fails(self) -> bool:
        """Whether this verdict fails the gate."""
        return self.status in _FAILING

    @property
    def delta(self) -> float | None:
        """Now minus baseline, where both exist."""
        if self.baseline is None or self.now is None or self.now.value is None:
            return None
        assert self.baseline.value is not None
        return self.now.value - self.baseline.value


def compare(baseline: Baseline, measured: Measured) -> list[Verdict]:
    """Compare each measured figure with its floor, then list floors no longer measured."""
    verdicts: list[Verdict] = []
    for figure in measured.figures:
        floor = baseline.figures.get(figure.name)
        status: Status
        if figure.value is None:
            status = "skipped"
        elif floor is None or floor.value is None:
            status = "new"
        elif baseline.digests.get(figure.slice) != measured.digests.get(figure.slice):
            status = "data changed"
        else:
            gain = figure.value - floor.value
            if floor.better == "lower":
                gain = -gain
            status = (
                "worse" if gain < -floor.epsilon else "better" if gain > floor.epsilon else "same"
            )
        verdicts.append(Verdict(figure.name, status, floor, figure))
    names = {f.name for f in measured.figures}
    verdicts += [
        Verdict(name, "dropped", floor, None)
        for name, floor in baseline.figures.items()
        if name not in names
    ]
    return verdicts


def updated(baseline: Baseline, measured: Measured) -> Baseline:
    """Return the floors this run sets; figures skipped for missing data keep their old floor."""
    figures: dict[str, Figure] = {}
    digests: dict[str, str] = {}
    for figure in measured.figures:
        digest = measured.digests.get(figure.slice)
        if figure.value is not None and digest is not None:
            figures[figure.name] = figure
            digests[figure.slice] = digest
        elif figure.name in baseline.figures and figure.slice in baseline.digests:
            figures[figure.name] = baseline.figures[figure.name]
            digests[figure.slice] = baseline.digests[figure.slice]
    return Baseline(figures, digests)


def load_baseline(path: Path) -> Baseline:
    """Read the floors; a missing file is an empty baseline (every figure is new)."""
    if not path.exists():
        return Baseline({}, {})
    document = json.loads(path.read_text(encoding="utf-8"))
    figures = {
        name: Figure(name, entry["slice"], entry["value"], entry["better"], entry["epsilon"])
        for name, entry in document["figures"].items()
    }
    return Baseline(figures, dict(document["slices"]))


def dump_baseline(baseline: Baseline) -> str:
    """Return the baseline file's text: stable order, one figure per entry, for readable diffs."""
    document = {
        "about": "Floors of benchmarks/gate.py; rewrite with `python benchmarks/gate.py"
        " --update-baseline` when a change is meant to move them.",
        "slices": dict(sorted(baseline.digests.items())),
        "figures": {
            f.name: {"value": f.value, "better": f.better, "epsilon": f.epsilon, "slice": f.slice}
            for f in baseline.figures.values()
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _digest(parts: Iterable[bytes]) -> str:
    """Return a short SHA-256 of the parts, each length-prefixed so boundaries count."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)
    return hasher.hexdigest()[:16]


def records_digest(records: Sequence[Record]) -> str:
    """Digest what is scored of each record: id, article, highlights and title."""
    return _digest(
        json.dumps([r.id, r.article, list(r.highlights), r.title], ensure_ascii=False).encode()
        for r in records
    )


def files_digest(paths: Iterable[Path]) -> str:
    """Digest files by name and content."""
    return _digest(part for p in sorted(paths) for part in (p.name.encode(), p.read_bytes()))


def read_titled(path: Path, *, skip: int = 0, limit: int | None = None) -> list[Record]:
    """Read records that have an article and a title; highlights may be absent (title files).

    ``read_records`` requires highlights, which ``bbc_news_titles`` lacks; on files that have
    them this keeps the same titled records that ``newsgist evaluate`` scores headlines on.
    """
    records: list[Record] = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if limit is not None and len(records) >= limit:
                break
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if not isinstance(data, dict):
                continue
            article, title = data.get("article"), data.get("title")
            if not (isinstance(article, str) and article.strip()):
                continue
            if not (isinstance(title, str) and title.strip()):
                continue
            highlights = data.get("highlights")
            if not isinstance(highlights, list):
                highlights = []
            if skip:
                skip -= 1
                continue
            records.append(
                Record(
                    id=str(data.get("id", f"line-{number}")),
                    article=article,
                    highlights=tuple(h for h in highlights if isinstance(h, str) and h.strip()),
                    title=title,
                    line=number,
                )
            )
    return records


def _read(piece: Slice, data: Path, *, titled: bool) -> list[Record] | None:
    """Read a slice's records (titled: those with a title), or None when its file is missing."""
    path = piece.path(data)
    if not path.exists():
        return None
    if titled:
        return read_titled(path, skip=piece.skip, limit=piece.limit)
    return read_records(path, skip=piece.skip, limit=piece.limit)[0]


def rouge_part(
    where: str,
    path: Path,
    records: Sequence[Record] | None,
    systems: Mapping[str, System],
    names: Mapping[str, str],
    *,
    workers: int,
    reference: Literal["highlights", "title"],
) -> Part:
    """Score each system's ROUGE F1 × 100 and count the records scored; no records: skipped."""
    report = None
    if records is not None:
        report = evaluate(
            records,
            systems,
            bootstrap=10,  # only the means are gated; the intervals are not shown
            workers=workers,
            source=str(path),
            reference=reference,
        )
    results = {r.label: r for r in report.systems} if report else {}
    figures = [Figure(f"{where}/records scored", where, report.evaluated if report else None)]
    for label in systems:
        for variant in ROUGE_TYPES:
            value = None
            if label in results:
                value = round(100 * results[label].rouge[variant]["f1"].mean, _DIGITS)
            figures.append(
                Figure(f"{where}/{label}/{names[variant]}", where, value, epsilon=EPSILON)
            )
    if records is None:
        return Part(where, tuple(figures), None, notes=(f"{path} not found: {where} skipped",))
    return Part(where, tuple(figures), records_digest(records), len(records))


def segmenter_part() -> Part:
    """Count the golden table's cases whose every sentence boundary the segmenter gets right."""
    where = "segmenter/golden table"
    cases = json.loads(GOLDEN.read_text(encoding="utf-8"))
    correct = accuracy(lambda text: [s.text for s in segment(text)], cases)["correct"]
    assert isinstance(correct, int)
    figure = Figure(f"{where}/cases correct", where, correct)
    return Part(where, (figure,), files_digest([GOLDEN]), len(cases))


def languages_part() -> Part:
    """Count the languages table's cases the segmenter gets right, each in its language."""
    where = "segmenter/languages table"
    cases = json.loads(LANGUAGES.read_text(encoding="utf-8"))
    correct = sum(
        accuracy(partial(split_in, language=lookup(str(case["language"]))), [case])["correct"] == 1
        for case in cases
    )
    figure = Figure(f"{where}/cases correct", where, correct)
    return Part(where, (figure,), files_digest([LANGUAGES]), len(cases))


def facts_part() -> Part:
    """Count the labelled facts of the written stories found (the sets tuned on), speakers right."""
    where = "facts/written stories"
    files = list(TUNED)
    stories = [
        json.loads(line) for path in files for line in path.read_text(encoding="utf-8").splitlines()
    ]
    results = score_facts(stories)
    figures = []
    for kind, tally in results.items():
        if isinstance(tally, FactTally):
            figures.append(Figure(f"{where}/{kind} matched", where, tally.matched))
            wrong = tally.predicted - tally.matched
            figures.append(Figure(f"{where}/{kind} wrong", where, wrong, "lower"))
    right = results["speakers"]
    assert isinstance(right, list)
    figures.append(Figure(f"{where}/speakers right", where, right[0]))
    return Part(where, tuple(figures), files_digest(files), len(stories))


def threads_part() -> Part:
    """Count the threads of the written multi-thread stories the default highlights cover."""
    where = "threads/written stories"
    stories = read_stories(STORIES)
    tally, _ = run_threads(stories, SummarizeOptions(headline=None), None, Rouge())
    figure = Figure(f"{where}/threads covered by the default", where, tally.covered)
    return Part(where, (figure,), files_digest([STORIES]), len(stories))


def _extract(page: Path) -> tuple[Extracted, str | None]:
    """Run newsgist on one page; a crash scores as nothing, with a note (a missing extra raises)."""
    try:
        return run_newsgist(page.read_bytes()), None
    except MissingDependencyError:
        raise
    except Exception as error:
        return Extracted(""), f"extraction failed on {page.name}: {type(error).__name__}: {error}"


def extraction_part() -> Part:
    """Count what newsgist gets right on the written pages, as ``benchmarks/extract.py`` does."""
    where = "extraction/written pages"
    pages = sorted(PAGES.glob("*.html"))
    expected = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8")) for p in pages]
    better: dict[str, Better] = dict.fromkeys(_EXTRACTION, "higher")
    better["boilerplate leaked"] = "lower"
    try:
        found = [_extract(page) for page in pages]
    except MissingDependencyError as error:
        figures = tuple(Figure(f"{where}/{n}", where, None, better[n]) for n in _EXTRACTION)
        return Part(where, figures, None, notes=(f"{error}: {where} skipped",))
    tally = Tally()
    for (extracted, _), wanted in zip(found, expected, strict=True):
        score(extracted, wanted, tally)
    counts = (tally.kept, tally.leaked, *(tally.fields[f] for f in ("title", "byline", "date")))
    figures = tuple(
        Figure(f"{where}/{name}", where, count, better[name])
        for name, count in zip(_EXTRACTION, counts, strict=True)
    )
    digest = files_digest([*pages, *(p.with_suffix(".json") for p in pages)])
    notes = tuple(note for _, note in found if note)
    return Part(where, figures, digest, len(pages), notes)


def measure(data: Path, workers: int) -> Measured:
    """Score every figure of the gate on ``data`` and the repository's written fixtures."""
    methods: dict[str, System] = {
        label: parse_method_spec(spec)[1] for label, spec in METHODS.items()
    }
    methods[COMPRESSED] = MethodSystem(
        SummarizeOptions(headline=None, style="compressed", facts=False)
    )
    headline = {DEFAULT_HEADLINE: HeadlineSystem(SummarizeOptions(facts=False))}  # the default
    Rouge()  # a missing 'eval' extra fails here, before any work
    warm_up = read_records(FIXTURES / "eval_records.jsonl")[0][0]
    systems: list[System] = [*methods.values(), *headline.values()]
    for system in systems:
        system(warm_up)  # loads the model here once: forked evaluation workers inherit it
    parts = [
        rouge_part(
            f"highlights/{piece.label}",
            piece.path(data),
            _read(piece, data, titled=False),
            methods,
            _ROUGE_NAMES,
            workers=workers,
            reference="highlights",
        )
        for piece in HIGHLIGHT_SLICES
    ]
    parts += [
        rouge_part(
            f"headlines/{piece.label}",
            piece.path(data),
            _read(piece, data, titled=True),
            headline,
            _HEADLINE_ROUGE_NAMES,
            workers=workers,
            reference="title",
        )
        for piece in HEADLINE_SLICES
    ]
    parts += [segmenter_part(), languages_part(), threads_part(), facts_part(), extraction_part()]
    return Measured(tuple(parts))


def _number(figure: Figure | None) -> str:
    """Format a figure's value: counts whole, ROUGE to two decimals."""
    if figure is None or figure.value is None:
        return "–"
    return f"{figure.value:.2f}" if figure.epsilon else f"{figure.value:g}"


def table(verdicts: Sequence[Verdict]) -> str:
    """Render the verdicts as a markdown table."""
    rows = [
        "| figure | better | baseline | now | Δ | ε | verdict |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for v in verdicts:
        rule = v.now or v.baseline
        assert rule is not None
        delta = v.delta
        shown = "–" if delta is None else f"{delta:+.2f}" if rule.epsilon else f"{delta:+g}"
        rows.append(
            f"| {v.name} | {rule.better} | {_number(v.baseline)} | {_number(v.now)} | {shown}"
            f" | {rule.epsilon:g} | {_VERDICTS[v.status]} |"
        )
    return "\n".join(rows)


def data_table(baseline: Baseline, measured: Measured) -> str:
    """Render each data slice with its size and digest, flagging missing and changed data."""
    rows = ["| data | records | digest | |", "|---|---:|---|---|"]
    for part in measured.parts:
        size = "–" if part.size is None else part.size
        state = _data_state(part.digest, baseline.digests.get(part.slice))
        rows.append(f"| {part.slice} | {size} | {part.digest or '–'} | {state} |")
    return "\n".join(rows)


def _data_state(digest: str | None, old: str | None) -> str:
    """Say how a slice's data compares with the data its baseline was measured on."""
    if digest is None:
        return "missing"
    if old is None:
        return "new"
    return "same" if digest == old else f"**changed** (baseline measured on {old})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--baseline", type=Path, default=BASELINE, help="the floors (JSON)")
    parser.add_argument("--workers", type=int, default=2, help="evaluation processes")
    parser.add_argument(
        "--update-baseline", action="store_true", help="rewrite the floors from this run"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    measured = measure(args.data, args.workers)
    seconds = time.perf_counter() - started
    baseline = load_baseline(args.baseline)
    verdicts = compare(baseline, measured)

    print(f"Quality gate: newsgist against {args.baseline.name}, data from {args.data}.\n")
    print(table(verdicts))
    print()
    print(data_table(baseline, measured))
    skipped = [v for v in verdicts if v.status == "skipped"]
    notes = [f"note: {note}" for part in measured.parts for note in part.notes]
    if notes:
        print("\n" + "\n".join(notes))
    if skipped:
        print(
            f"\n{len(skipped)} figures skipped for missing data (CI has ../shared/data, so"
            " nothing is skipped there)."
        )
    print(f"\nMeasured in {seconds:.1f} s with {args.workers} worker(s).")

    if args.update_baseline:
        args.baseline.write_text(dump_baseline(updated(baseline, measured)), encoding="utf-8")
        print(f"Baseline rewritten: {args.baseline}")
        return 0
    failures = [v for v in verdicts if v.fails]
    if not failures:
        better = sum(v.status == "better" for v in verdicts)
        print(f"Gate passed ({better} figures better than the baseline).")
        return 0
    print(f"\nGate FAILED: {len(failures)} figures.")
    for v in failures:
        delta = v.delta
        print(
            f"- {v.name}: {v.status}; baseline {_number(v.baseline)}, now {_number(v.now)}"
            + ("" if delta is None else f", delta {delta:+.4g}")
        )
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
