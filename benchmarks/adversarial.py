"""Hostile inputs: time and peak memory per MB of input for every shape that has hurt newsgist.

Each shape is a generator of an input of a given size, aimed at one stage's worst case: a
regular expression that can backtrack, a loop that rescans what it has seen, a matrix that
grows with the square of the sentences. Every measurement runs ``newsgist.summarize`` (the
defaults, or the shape's options) in a fresh process, so its peak RSS is its own:

- the child caps its address space (``RLIMIT_AS``, ``--memory-gib``), so a blow-up ends as a
  ``MemoryError`` instead of taking the machine down; it runs one BLAS thread;
- it warms up first (imports, the shipped model, the language detector, trafilatura for
  HTML) on a small story in the same format, generates the input, then says ``start``; the
  seconds are those of the one ``summarize`` call, and the parent kills a child that runs
  past ``--limit`` from then on;
- peak RSS is the child's ``ru_maxrss`` (``os.wait4``), killed or not. It counts from the
  parent's size at the fork, so the parent imports nothing of newsgist. The baseline, a child
  that only warms up, is measured once per input format and subtracted, so ``MiB/MB`` is what
  the input itself costs;
- a ``NewsgistError`` is a clean refusal and passes when it is fast and small; any other
  exception, a kill past the limit or a signal fails.

The script exits 1, listing the violations, when any run fails, takes more than
``--ceiling-seconds-per-mb`` or ``--ceiling-mib-per-mb`` over the baseline (an input under
``--floor-mb``, 0.5 MB, gets that size's budget, and an HTML page under 1 MB that of 1 MB:
below them the capped work every call does outweighs the input), or when a shape grows
super-linearly: seconds per MB at the largest size more than ``--growth`` times those at
the smallest, once the largest run takes over
0.2 s (the smallest counts as at least 0.05 s, so timer noise on tiny runs is not growth).
After a kill or a ``MemoryError`` the shape's larger sizes are skipped. ``max_bytes`` is
raised to fit inputs over the 5 MB default.

Usage::

    python benchmarks/adversarial.py                  # 0.5, 1, 2 and 4 MB, 60 s a run
    python benchmarks/adversarial.py --quick          # CI: 0.25 and 0.5 MB, 10 s a run
    python benchmarks/adversarial.py --sizes 0.5 1 --limit 30 --shapes share-bar,mmr
    python benchmarks/adversarial.py --list           # the shapes and what each attacks
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import select
import signal
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

MB = 1_000_000
"""Input sizes are in MB (10^6 bytes, as ``max_bytes``); memory is in MiB."""
_GROWTH_FLOOR_SECONDS = 0.2
"""Growth is judged only when the largest run takes longer than this."""
_SMALLEST_FLOOR_SECONDS = 0.05
"""The smallest run counts as at least this long when growth is judged."""
_STARTUP_SECONDS = 120.0
"""Time a child may take to import, warm up and generate its input before it says start."""

STORY = (
    "The mayor said the river rose two metres overnight. Crews closed both bridges"
    " as the water climbed. Residents were told to keep away from the banks until Friday."
)
"""A small story of our own: the warm-up input and the lead of several shapes."""

Source = str | bytes
Format = Literal["text", "html"]


@dataclass(frozen=True)
class Shape:
    """One hostile input: how to make it at a size, in which format, with which options."""

    name: str
    attacks: str
    make: Callable[[int], Source]
    input_format: Format = "text"
    options: dict[str, Any] = field(default_factory=dict)


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """Return ``head``, then ``unit`` repeated to about ``size`` UTF-8 bytes, then ``tail``."""
    room = max(0, size - len(head.encode()) - len(tail.encode()))
    return head + unit * max(1, room // len(unit.encode())) + tail


def _repeat_bytes(unit: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """Return ``head``, then ``unit`` repeated to about ``size`` bytes, then ``tail``."""
    room = max(0, size - len(head) - len(tail))
    return head + unit * max(1, room // len(unit)) + tail


def _letters(number: int) -> str:
    """Spell ``number`` in lower-case letters, base 26 ("a", "b", … "ba"): distinct words."""
    spelled = ""
    while True:
        number, digit = divmod(number, 26)
        spelled = chr(97 + digit) + spelled
        if not number:
            return spelled


def _until(size: int, pieces: Iterator[str], separator: str = "") -> str:
    """Join ``pieces`` until the result is about ``size`` UTF-8 bytes."""
    taken: list[str] = []
    used = 0
    step = len(separator.encode())
    for piece in pieces:
        taken.append(piece)
        used += len(piece.encode()) + step
        if used >= size:
            break
    return separator.join(taken)


def _distinct_words(first: str = "") -> Iterator[str]:
    """Yield distinct made-up words (``kaaaaaa``, ``kaaaaab``, ...) starting with ``first``."""
    for letters in itertools.product(string.ascii_lowercase, repeat=5):
        yield f"{first or 'k'}a{''.join(letters)}"


def _share_bar(size: int) -> str:
    words = ("share " * 26).strip() + " x.\n"
    return _repeat(words, size, head=STORY + "\n\n")


def _lowercase_continuations(separator: str) -> Callable[[int], str]:
    """Cased words with periods that never end a sentence, joined only by ``separator``."""

    def make(size: int) -> str:
        unit = separator.join(("the", "Mayor", "said.", "the", "river", "rose.", ""))
        return _repeat(unit, size).rstrip(separator)

    return make


def _capitalised(size: int) -> str:
    return _until(size, _distinct_words("K"), " ") + " said."


def _dense_vocabulary(size: int) -> str:
    words = _distinct_words()
    per_sentence = max(1, size // 500 // 8)  # 7 letters and a space a word
    return "\n".join(" ".join(itertools.islice(words, per_sentence)) + "." for _ in range(500))


def _digit_list(size: int) -> str:
    return _until(size, (f"{i}." for i in itertools.count(1)), " ")


def _table(size: int) -> str:
    rows = (f"<tr><td>Up {i}.</td></tr>\n" for i in itertools.count())
    head = f"<html><head><title>Levels</title></head><body><article><p>{STORY}</p><table>\n"
    return head + _until(size, rows) + "</table></article></body></html>"


def _paragraphs(size: int) -> str:
    paragraphs = (f"<p>Up {i}.</p>\n" for i in itertools.count())
    head = "<html><head><title>Levels</title></head><body><article>\n"
    return head + _until(size, paragraphs) + "</article></body></html>"


def _unclosed(opener: bytes) -> Callable[[int], bytes]:
    """Make a page whose ``opener`` never closes, ``<`` but no ``>`` after it, one bad byte."""
    head = b"<html><head><title>Flood</title></head><body><p>" + STORY.encode() + b"</p>" + opener

    def make(size: int) -> bytes:
        return _repeat_bytes(b"if (a < b) x();\n", size, head=head, tail=b"\xff")

    return make


def _comment_openers(size: int) -> bytes:
    head = b"<html><head><title>Flood</title></head><body><p>" + STORY.encode() + b"</p>"
    return _repeat_bytes(b"<!-- x ", size, head=head, tail=b"\xff")


def _nested(size: int) -> str:
    depth = max(1, (size - 200) // 11)
    return "<html><body>" + "<div>" * depth + f"<p>{STORY}</p>" + "</div>" * depth + "</body>"


SHAPES: tuple[Shape, ...] = (
    Shape("share-bar", "the share-bar chrome rule (lines of 26 'share' + 'x.')", _share_bar),
    Shape(
        "share-bar-line",
        "one 'share share ... x.' line the size of the input",
        lambda size: _repeat("share ", size, tail=" x."),
    ),
    Shape("one-word-lines", "'a.' lines: a sentence every 3 bytes", lambda s: _repeat("a.\n", s)),
    Shape(
        "glued-stops",
        "the segmenter: 'ab.Cd' with no space, a glued sentence end every 5 bytes",
        lambda size: _repeat("ab.Cd", size),
    ),
    Shape(
        "numbered-list",
        "the segmenter: '1. a 2. a 3. a …', one inline list the size of the input",
        lambda size: _until(size, (f"{n}. a " for n in itertools.count(1))),
    ),
    Shape(
        "short-lines",
        "hard-wrapped 5-byte lines, a period every 4th (190,000 lines a MB)",
        lambda size: _repeat("ab c\nab c\nab c\nab c.\n", size),
    ),
    Shape(
        "thin-spaces",
        "the segmenter: words joined by U+2009 only, periods that end no sentence",
        _lowercase_continuations("\u2009"),
    ),
    Shape(
        "vertical-tabs",
        "the segmenter: words joined by vertical tabs only",
        _lowercase_continuations("\v"),
    ),
    Shape(
        "capitalised-words",
        "the headline's surname check: one sentence of distinct capitalised words",
        _capitalised,
    ),
    Shape("periods", "punctuation only: '.' * N", lambda size: "." * size),
    Shape("bangs", "punctuation only: '!!! ???' lines", lambda size: _repeat("!!! ???\n", size)),
    Shape("digit-list", "'1. 2. 3. ...': boundaries with no letter, rescanned", _digit_list),
    Shape("cjk-run", "CJK sentences with no whitespace at all", lambda s: _repeat("河水上涨。", s)),
    Shape("no-whitespace", "one run without whitespace", lambda size: "x" * size + "."),
    Shape(
        "unclosed-quotes",
        "salience's quoted-share rule: opening quotes that never close",
        lambda size: _repeat("“word ", size, head=STORY + " ", tail="rose."),
    ),
    Shape(
        "comma-list",
        "the headline's fit: one sentence with a comma every 3 bytes",
        lambda size: _repeat("a, ", size, head="The river ", tail="rose."),
    ),
    Shape(
        "repeated-sentence",
        "one sentence over and over (trigram blocking skips them all)",
        lambda size: _repeat("The river rose again today. ", size),
    ),
    Shape("bullets", "'• x' lines", lambda size: _repeat("• x\n", size, head=STORY + "\n")),
    Shape(
        "inline-bullets",
        "one line of 'x • ' (highlights line and inline bullet blocks)",
        lambda size: _repeat("x • ", size, head=STORY + " ", tail="y."),
    ),
    Shape(
        "dense-vocabulary",
        "500 sentences of distinct words: the (sentences x terms) feature matrices",
        _dense_vocabulary,
    ),
    Shape(
        "mmr",
        "redundancy mmr over many short sentences (sentences x sentences similarity)",
        lambda size: _until(size, (f"River {i} rose." for i in itertools.count()), " "),
        options={"redundancy": "mmr"},
    ),
    Shape(
        "html-unclosed-script",
        "charset detection: an unclosed <script>, '<' without '>', one invalid byte",
        _unclosed(b"<script>"),
        "html",
    ),
    Shape(
        "html-unclosed-comment",
        "charset detection: an unclosed <!--, '<' without '>', one invalid byte",
        _unclosed(b"<!--"),
        "html",
    ),
    Shape(
        "html-comment-openers",
        "charset detection: '<!--' over and over, never closed, one invalid byte",
        _comment_openers,
        "html",
    ),
    Shape("html-paragraphs", "story-line cleanup: many short <p> paragraphs", _paragraphs, "html"),
    Shape(
        "html-table",
        "the extraction fallback: one paragraph, then a <table> of many rows",
        _table,
        "html",
    ),
    Shape("html-nested", "deeply nested <div> elements around one paragraph", _nested, "html"),
    Shape(
        "single-quote-openers",
        "key facts' single marks: \" 'a\" over and over, quotes that open and never close",
        lambda size: _repeat(" 'a", size, head=STORY + " ", tail="."),
    ),
    Shape(
        "and-run",
        "key facts' names: one run of capitalised words joined by 'and' (split at each)",
        lambda size: _repeat("Ab and ", size, head=STORY + " ", tail="Cd."),
    ),
    Shape(
        "based-run",
        "key facts' names: 'Ab-based' over and over (a place, then the rest of the run)",
        lambda size: _repeat("Ab-based ", size, head=STORY + " ", tail="Cd."),
    ),
    Shape(
        "quote-he-said",
        "key facts' pronouns: a quotation, 'he said' and a run of words, over and over",
        lambda size: _repeat('"a a" he said a a a a a a a ', size, head=STORY + " "),
    ),
    Shape(
        "distinct-capitals",
        "key facts' lower-case lookups: thousands of distinct capitalised words",
        lambda size: _until(size, (f"A{_letters(n)}, " for n in itertools.count())),
    ),
    Shape(
        "owner-runs",
        "key facts' possessives: 'Ab's Cd Ef' over and over (is the name written again?)",
        lambda size: _repeat("Ab's Cd Ef won. ", size, head=STORY + " "),
    ),
    Shape(
        "she-said-men",
        "key facts' pronouns: many men named, then 'she said' (the search back is bounded)",
        lambda size: _repeat('Mr Ab Cd met Mr Ef Gh. "a b," she said. ', size, head=STORY + " "),
    ),
    Shape(
        "the-company-said",
        "key facts' back-references: 'the company said' after many bodies (a bounded look back)",
        lambda size: _repeat('Acme Corp sued Bolt Ltd. "ab cd," the company said. ', size),
    ),
    Shape(
        "quote-said",
        "key facts' speakers: a short quotation and an attribution over and over",
        lambda size: _repeat('"ab cd," said Jo Bell. ', size, head=STORY + " "),
    ),
    Shape(
        "joined-heads",
        "key facts' attributions: long heads of names joined by 'of the' and particles",
        lambda size: _repeat(
            ("said " + "Ab of the al-Ab " * 16)[:236] + ' "x y". ', size, head=STORY + " "
        ),
    ),
)
_BY_NAME = {shape.name: shape for shape in SHAPES}
_WARM_UP = {
    "text": STORY,
    "html": f"<html><head><title>Flood</title></head><body><p>{STORY}</p></body></html>",
}


# --- the child: one summarize call, measured -------------------------------------------------


def child(name: str, size: int, memory_gib: float) -> None:
    """Warm up, build the shape at ``size`` bytes (0: warm-up only), summarize it, print JSON."""
    import resource

    limit = int(memory_gib * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import newsgist
    import newsgist.lang
    from newsgist.ingest import DEFAULT_MAX_BYTES
    from newsgist.select import SelectOptions

    shape = _BY_NAME.get(name)
    input_format: Format = shape.input_format if shape else "html" if name == "html" else "text"
    settings: dict[str, Any] = {}
    if shape and shape.options:
        settings["options"] = SelectOptions(**shape.options)
    newsgist.summarize(_WARM_UP[input_format], input_format=input_format, **settings)
    newsgist.lang.detect("Vingt mots ne suffisent pas: le détecteur se charge ici.")  # its model
    result: dict[str, Any] = {"outcome": "ok", "seconds": 0.0, "bytes": 0}
    if shape is not None and size > 0:
        source = shape.make(size)
        data = len(source) if isinstance(source, bytes) else len(source.encode())
        result["bytes"] = data
        max_bytes = max(DEFAULT_MAX_BYTES, 2 * data)
        print("start", flush=True)
        started = time.perf_counter()
        try:
            newsgist.summarize(
                source,
                input_format=input_format,
                max_bytes=max_bytes,
                **settings,
            )
        except newsgist.NewsgistError as error:
            result.update(outcome="refused", error=type(error).__name__)
        except MemoryError:
            result.update(outcome="failed", error=f"MemoryError (> {memory_gib:g} GiB)")
        except Exception as error:  # any other exception is what this benchmark looks for
            message = (str(error).splitlines() or [""])[0][:80]
            result.update(outcome="failed", error=f"{type(error).__name__}: {message}".strip(": "))
        result["seconds"] = time.perf_counter() - started
    print(json.dumps(result), flush=True)


# --- the parent: runs, limits, table ---------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """What one child did: its result (None when killed or crashed) and its peak RSS."""

    result: dict[str, Any] | None
    peak_mib: float
    problem: str | None = None
    """Why there is no result: a kill past the limit, a signal, an exit status."""


def run_child(name: str, size: int, limit: float, memory_gib: float) -> Run:
    """Run one measurement in a fresh process; kill it ``limit`` seconds after it starts."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name, str(size)]
    command += ["--memory-gib", str(memory_gib)]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, env=env)
        assert process.stdout is not None
        deadline = time.monotonic() + _STARTUP_SECONDS
        started = False
        result: dict[str, Any] | None = None
        problem: str | None = None
        pending = b""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                process.send_signal(signal.SIGKILL)
                problem = f"> {limit:g} s (killed)" if started else "startup too slow (killed)"
                break
            ready, _, _ = select.select([process.stdout], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                if line == b"start":
                    started = True
                    deadline = time.monotonic() + limit
                elif line.startswith(b"{"):
                    result = json.loads(line)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
        if problem is None and result is None:
            if process.returncode < 0:
                problem = f"killed by {signal.Signals(-process.returncode).name}"
            else:
                errors.seek(0)
                last = (errors.read().decode(errors="replace").strip().splitlines() or [""])[-1]
                problem = f"exit {process.returncode}: {last[:100]}"
    return Run(result, usage.ru_maxrss / 1024, problem)


@dataclass(frozen=True)
class Row:
    """One line of the table, with the verdicts the ceilings give it."""

    shape: str
    size: float
    seconds: float | None
    peak_mib: float | None
    over_mib_per_mb: float | None
    outcome: str
    failed: bool
    hard: bool = False
    """A kill past the limit or a blow-up: larger sizes of the shape are skipped."""

    def cells(self, limit: float) -> list[str]:
        """Return the row's Markdown cells."""
        if self.seconds is None:
            seconds = per_mb = f"> {limit:g}" if self.outcome.startswith("FAILED: > ") else "-"
        else:
            seconds, per_mb = f"{self.seconds:.2f}", f"{self.seconds / self.size:.2f}"
        peak = "-" if self.peak_mib is None else f"{self.peak_mib:,.0f}"
        over = "-" if self.over_mib_per_mb is None else f"{self.over_mib_per_mb:,.0f}"
        return [self.shape, f"{self.size:.2f}", seconds, per_mb, peak, over, self.outcome]


def measure(shape: Shape, size: int, limit: float, memory_gib: float, baseline: float) -> Row:
    """Measure one shape at one size and turn the child's report into a row."""
    run = run_child(shape.name, size, limit, memory_gib)
    result = run.result
    actual = (result["bytes"] if result and result["bytes"] else size) / MB
    over = max(0.0, run.peak_mib - baseline) / actual
    if result is None:
        problem = run.problem or "no result"
        return Row(shape.name, actual, None, run.peak_mib, over, f"FAILED: {problem}", True, True)
    seconds = float(result["seconds"])
    if result["outcome"] == "ok":
        return Row(shape.name, actual, seconds, run.peak_mib, over, "ok", False)
    if result["outcome"] == "refused":
        outcome = f"refused ({result['error']})"
        return Row(shape.name, actual, seconds, run.peak_mib, over, outcome, False)
    hard = str(result["error"]).startswith("MemoryError")
    return Row(
        shape.name, actual, seconds, run.peak_mib, over, f"FAILED: {result['error']}", True, hard
    )


@dataclass(frozen=True)
class Ceilings:
    """What a run may cost per MB of input, and how much faster than its size time may grow."""

    seconds_per_mb: float = 1.0
    mib_per_mb: float = 200.0
    growth: float = 3.0
    floor_mb: float = 0.5
    """Smaller inputs get this size's budget: below it, the capped work every call does (up
    to 500 sentences of features, the model, the headline) outweighs the input."""
    html_floor_mb: float = 1.0
    """The same for HTML pages, whose capped work is larger: up to ``_MAX_ELEMENTS`` elements
    through trafilatura, about half a second on a dense page of any size."""


def violations(rows: list[Row], ceilings: Ceilings) -> list[str]:
    """Every run over a ceiling or failed, and every shape whose time grows super-linearly."""
    found: list[str] = []
    for row in rows:
        label = f"{row.shape} at {row.size:.2f} MB"
        if row.failed:
            found.append(f"{label}: {row.outcome.removeprefix('FAILED: ')}")
            continue
        if row.seconds is None or row.over_mib_per_mb is None:
            continue  # skipped
        shape = _BY_NAME.get(row.shape)
        html = shape is not None and shape.input_format == "html"
        budget = max(row.size, ceilings.html_floor_mb if html else ceilings.floor_mb)
        if row.seconds > ceilings.seconds_per_mb * budget:
            found.append(
                f"{label}: {row.seconds:.2f} s > {ceilings.seconds_per_mb * budget:.2f} s"
                f" ({ceilings.seconds_per_mb:g} s/MB)"
            )
        over = row.over_mib_per_mb * row.size
        if over > ceilings.mib_per_mb * budget:
            found.append(
                f"{label}: {over:,.0f} MiB over the baseline > {ceilings.mib_per_mb * budget:,.0f}"
                f" MiB ({ceilings.mib_per_mb:g} MiB/MB)"
            )
    for name in dict.fromkeys(row.shape for row in rows):
        timed = sorted(
            (r.size, r.seconds)
            for r in rows
            if r.shape == name and r.seconds is not None and not r.failed
        )
        if len(timed) < 2:
            continue
        (small, small_seconds), (large, large_seconds) = timed[0], timed[-1]
        if large_seconds <= _GROWTH_FLOOR_SECONDS or large <= small:
            continue
        ratio = (large_seconds / large) / (max(small_seconds, _SMALLEST_FLOOR_SECONDS) / small)
        if ratio > ceilings.growth:
            found.append(
                f"{name}: s/MB grows {ratio:.1f}x from {small:.2f} to {large:.2f} MB"
                f" (> {ceilings.growth:g}x: super-linear)"
            )
    return found


def table(rows: list[Row], limit: float) -> str:
    """Render the rows as a Markdown table."""
    lines = [
        "| shape | size MB | seconds | s/MB | peak MiB | MiB/MB over baseline | outcome |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    lines += ["| " + " | ".join(row.cells(limit)) + " |" for row in rows]
    return "\n".join(lines)


def run_all(
    shapes: list[Shape], sizes: list[float], limit: float, memory_gib: float
) -> tuple[dict[str, float], list[Row]]:
    """Measure the baselines, then every shape at every size; larger sizes skipped after a kill."""
    baselines: dict[str, float] = {}
    for input_format in sorted({shape.input_format for shape in shapes}):
        run = run_child(input_format, 0, limit, memory_gib)
        if run.result is None:
            raise SystemExit(f"the {input_format} baseline run failed: {run.problem}")
        baselines[input_format] = run.peak_mib
    rows: list[Row] = []
    for shape in shapes:
        failed_at: float | None = None
        for size in sizes:
            if failed_at is not None:
                skipped = f"skipped (failed at {failed_at:g} MB)"
                rows.append(Row(shape.name, size, None, None, None, skipped, False))
                continue
            row = measure(shape, int(size * MB), limit, memory_gib, baselines[shape.input_format])
            print(f"{row.shape} {row.size:.2f} MB: {row.outcome}", file=sys.stderr, flush=True)
            rows.append(row)
            if row.hard:
                failed_at = size
    return baselines, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--sizes", type=float, nargs="+", help="input sizes in MB")
    parser.add_argument("--limit", type=float, help="seconds a run may take (default 60, quick 10)")
    parser.add_argument("--shapes", help="comma-separated shape names (default: all)")
    parser.add_argument("--quick", action="store_true", help="CI: 0.25 and 0.5 MB, 10 s a run")
    parser.add_argument("--ceiling-seconds-per-mb", type=float, default=Ceilings.seconds_per_mb)
    parser.add_argument("--ceiling-mib-per-mb", type=float, default=Ceilings.mib_per_mb)
    parser.add_argument(
        "--growth", type=float, default=Ceilings.growth, help="largest/smallest s/MB that fails"
    )
    parser.add_argument(
        "--floor-mb", type=float, default=Ceilings.floor_mb, help="smaller inputs get its budget"
    )
    parser.add_argument("--memory-gib", type=float, default=6.0, help="a child's address space")
    parser.add_argument("--list", action="store_true", help="list the shapes and exit")
    parser.add_argument("--child", nargs=2, metavar=("SHAPE", "BYTES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.memory_gib)
        return
    if args.list:
        for shape in SHAPES:
            print(f"{shape.name:22} {shape.input_format:5} {shape.attacks}")
        return
    sizes = sorted(args.sizes or ([0.25, 0.5] if args.quick else [0.5, 1, 2, 4]))
    limit = args.limit or (10.0 if args.quick else 60.0)
    names = args.shapes.split(",") if args.shapes else [shape.name for shape in SHAPES]
    unknown = [name for name in names if name not in _BY_NAME]
    if unknown:
        raise SystemExit(f"unknown shapes: {', '.join(unknown)}; see --list")
    ceilings = Ceilings(
        args.ceiling_seconds_per_mb, args.ceiling_mib_per_mb, args.growth, args.floor_mb
    )
    baselines, rows = run_all([_BY_NAME[name] for name in names], sizes, limit, args.memory_gib)
    print(
        f"{len(names)} shapes at {', '.join(f'{s:g}' for s in sizes)} MB; {limit:g} s and"
        f" {args.memory_gib:g} GiB a run; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs;"
        " baseline peak RSS (interpreter, imports, model, warm-up): "
        + ", ".join(f"{name} {mib:,.0f} MiB" for name, mib in baselines.items())
        + "\n"
    )
    print(table(rows, limit))
    found = violations(rows, ceilings)
    if found:
        print(f"\n{len(found)} violations:", *(f"- {line}" for line in found), sep="\n")
        raise SystemExit(1)
    print(
        f"\nall runs within {ceilings.seconds_per_mb:g} s/MB and {ceilings.mib_per_mb:g} MiB/MB"
        f" over the baseline (an input under {ceilings.floor_mb:g} MB, or an HTML page under"
        f" {ceilings.html_floor_mb:g} MB, counted as that size),"
        f" growth within {ceilings.growth:g}x"
    )


if __name__ == "__main__":
    main()
