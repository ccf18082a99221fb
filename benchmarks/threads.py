"""Thread coverage: how many threads of a multi-thread story a method's highlights cover.

Real highlights take one point from each thread of a story (the event, reactions abroad, a court
ruling, the economic consequences); the first sentences of a story are usually all about the
event. ``benchmarks/threads/stories.jsonl`` holds wire-style stories written for this benchmark
(invented people and places), each paragraph labelled with its thread, and reference highlights
written one per thread. For each method, with the default 3 highlights and with 4, it reports:

- threads covered: distinct thread labels among each story's highlights, summed over stories,
  out of the sum of min(highlights, threads);
- one-thread stories: stories whose highlights all come from one thread;
- ROUGE-1/2/L F1 against the written highlights (``newsgist.evaluate``'s scorer, stemmed);
- median words per highlight (the written ones have 8-16).

A highlight belongs to the thread of the paragraph its first source sentence starts in. With
the shared example page present (``--example``), it also says which of "Obama" and "Hollande"
each method's highlights name: that page's real highlights come one each from the massacre,
Obama's response and Hollande's speech.

Usage::

    python benchmarks/threads.py                    # every story, 3 and 4 highlights
    python benchmarks/threads.py --quick            # CI: the first 3 stories
    python benchmarks/threads.py --methods learned lead:3 --example PAGE
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpus import ROOT

import newsgist
from newsgist.evaluate import MethodSystem, parse_method_spec
from newsgist.evaluate.rouge import Rouge
from newsgist.models import Highlight
from newsgist.options import SummarizeOptions

SYSTEMS = ("lead:3", "learned", "textrank", "lexrank", "centroid")
STORIES = ROOT / "benchmarks" / "threads" / "stories.jsonl"
SHARED_EXAMPLE = ROOT.parent / "shared" / "examples" / "scraped-article-page.txt"
NAMES = ("Obama", "Hollande")
"""The people the example page's second and third real highlights are about."""
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
HEADER = (
    "| method | threads covered | share | one-thread stories "
    "| ROUGE-1 | ROUGE-2 | ROUGE-L | words/highlight (median) |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|"
)
System = tuple[str, MethodSystem]
"""A method spec and the system it names, as ``parse_method_spec`` returns them."""


@dataclass(frozen=True, slots=True)
class Story:
    """One development story: its paragraphs, each paragraph's thread, and written highlights."""

    id: str
    title: str
    highlights: tuple[str, ...]
    threads: dict[str, str]
    paragraphs: tuple[str, ...]
    labels: tuple[str, ...]

    @property
    def article(self) -> str:
        """The story as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


def read_stories(path: Path) -> list[Story]:
    """Read the stories file, one JSON object per line."""
    stories = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            data = json.loads(line)
            paragraphs = data["paragraphs"]
            stories.append(
                Story(
                    id=data["id"],
                    title=data["title"],
                    highlights=tuple(data["highlights"]),
                    threads=dict(data["threads"]),
                    paragraphs=tuple(p["text"] for p in paragraphs),
                    labels=tuple(p["thread"] for p in paragraphs),
                )
            )
    return stories


def paragraph_starts(body: str) -> list[int]:
    """Return the offset in ``body`` where each blank-line-separated paragraph starts."""
    return [0, *(match.end() for match in _PARAGRAPH_BREAK.finditer(body))]


def highlight_threads(
    body: str, labels: Sequence[str], highlights: Sequence[Highlight]
) -> list[str]:
    """Return each highlight's thread: the label of the paragraph its first span starts in.

    ``body`` is the ``Article.body`` the highlights' spans point into (ingest may have moved a
    dateline out of it) and ``labels`` holds one thread label per paragraph of it.

    Raises:
        ValueError: ``body`` has not one paragraph per label, or a highlight has no span.

    """
    starts = paragraph_starts(body)
    if len(starts) != len(labels):
        raise ValueError(f"the body has {len(starts)} paragraphs but {len(labels)} labels")
    if not all(h.spans for h in highlights):
        raise ValueError("a highlight without spans cannot be traced to a paragraph")
    return [labels[bisect.bisect_right(starts, h.spans[0][0]) - 1] for h in highlights]


@dataclass(slots=True)
class Tally:
    """One method's totals over the stories at one highlight count."""

    covered: int = 0
    possible: int = 0
    one_thread: int = 0
    rouge_f1: list[tuple[float, ...]] = field(default_factory=list)
    words: list[int] = field(default_factory=list)

    def row(self, label: str) -> str:
        """Return this tally as a markdown table row; ROUGE is the mean over stories."""
        share = 100 * self.covered / self.possible if self.possible else 0.0
        means = (100 * statistics.fmean(column) for column in zip(*self.rouge_f1, strict=True))
        median = statistics.median(self.words) if self.words else 0
        return (
            f"| {label} | {self.covered} / {self.possible} | {share:.0f}% "
            f"| {self.one_thread} / {len(self.rouge_f1)} | "
            + " | ".join(f"{mean:.2f}" for mean in means)
            + f" | {median:g} |"
        )


def run(
    stories: Sequence[Story], settings: SummarizeOptions, count: int | None, rouge: Rouge
) -> tuple[Tally, list[int]]:
    """Summarize every story with ``settings`` (``count`` highlights if given) and tally it.

    Returns the tally and the number of threads covered in each story.
    """
    tally = Tally()
    per_story = []
    for story in stories:
        article = newsgist.load(story.article)
        summary = newsgist.summarize(article, settings, sentences=count)
        covered = len(set(highlight_threads(article.body, story.labels, summary.highlights)))
        per_story.append(covered)
        tally.covered += covered
        tally.possible += min(len(summary.highlights), len(story.threads))
        tally.one_thread += covered == 1
        texts = [h.text for h in summary.highlights]
        tally.rouge_f1.append(tuple(rouge.score(story.highlights, texts)[:, 2]))
        tally.words.extend(len(text.split()) for text in texts)
    return tally, per_story


def names_in(page: str, settings: SummarizeOptions, count: int | None) -> str:
    """Return which of ``NAMES`` the highlights of the example page name, as a table cell."""
    text = " ".join(h.text for h in newsgist.summarize(page, settings, sentences=count).highlights)
    found = [name for name in NAMES if name in text]
    return ", ".join(found) if found else "neither"


def coverage_sections(stories: Sequence[Story], systems: Sequence[System]) -> list[str]:
    """Return the coverage tables (default and 4 highlights) and the per-story table."""
    rouge = Rouge()
    threads = sum(len(story.threads) for story in stories)
    sections = []
    per_story: dict[str, list[int]] = {}
    for count, title in ((None, "the default 3 highlights"), (4, "4 highlights")):
        rows = []
        for label, system in systems:
            tally, per_story[label] = run(stories, system.settings, count, rouge)
            rows.append(tally.row(label if count is None else f"{label.partition(':')[0]}:{count}"))
        heading = f"## Thread coverage, {title} ({len(stories)} stories, {threads} threads)"
        sections.append(heading + "\n\n" + HEADER + "\n" + "\n".join(rows))
        if count is None:
            sections.append(per_story_table(stories, per_story))
    return sections


def per_story_table(stories: Sequence[Story], per_story: dict[str, list[int]]) -> str:
    """Return the threads each method covered in each story, as a markdown section."""
    labels = list(per_story)
    lines = [
        "| story | threads | " + " | ".join(labels) + " |",
        "|---|---:|" + "---:|" * len(labels),
    ]
    for i, story in enumerate(stories):
        cells = " | ".join(str(per_story[label][i]) for label in labels)
        lines.append(f"| {story.id} | {len(story.threads)} | {cells} |")
    return "## Threads covered per story, default highlights\n\n" + "\n".join(lines)


def example_section(page: Path, systems: Sequence[System]) -> str:
    """Return which of ``NAMES`` each method's highlights of the example page name."""
    text = page.read_text(encoding="utf-8")
    lines = ["| method | 3 highlights | 4 highlights |", "|---|---|---|"]
    for label, system in systems:
        three, four = (names_in(text, system.settings, count) for count in (None, 4))
        lines.append(f"| {label} | {three} | {four} |")
    return f"## Example page ({page.name}): who the highlights name\n\n" + "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, default=STORIES)
    parser.add_argument("--example", type=Path, default=SHARED_EXAMPLE)
    parser.add_argument("--methods", nargs="+", default=list(SYSTEMS), metavar="SPEC")
    parser.add_argument("--quick", action="store_true", help="the first 3 stories only")
    parser.add_argument("--out", type=Path, help="also write the markdown here")
    args = parser.parse_args(argv)
    stories = read_stories(args.stories)[: 3 if args.quick else None]
    systems = [parse_method_spec(spec) for spec in args.methods]
    sections = coverage_sections(stories, systems)
    if args.example.exists():
        sections.append(example_section(args.example, systems))
    else:
        print(f"note: {args.example} not found; example page skipped", file=sys.stderr)
    print("\n\n".join(sections))
    if args.out:
        args.out.write_text("\n\n".join(sections) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
