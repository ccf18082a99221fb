"""The ``newsgist`` command line: a thin layer over the Python API.

Exit codes: 0 success; 1 when a batch finished but some records failed (each has an error
record in the output); 2 for a usage error or input newsgist cannot summarize, with one line
on stderr and no traceback; 3 when a batch stopped before its end (disk full, output not
writable, a worker killed, SIGTERM, or another run writing the same output), with one line on
stderr and the records done kept in OUT.jsonl.part for --resume; 70 (sysexits' EX_SOFTWARE)
for a bug in newsgist itself, with one line on stderr and no traceback; 130 when interrupted.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from newsgist.__version__ import __version__
from newsgist.compress import MIN_WORDS
from newsgist.errors import BatchError, NewsgistError
from newsgist.headlines.base import DEFAULT_HEADLINE, DEFAULT_HEADLINE_WORDS
from newsgist.ingest import (
    DEFAULT_MAX_BYTES,
    IngestOptions,
    read_limited,
)
from newsgist.ingest.fetch import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_READ_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    DEFAULT_USER_AGENT,
    FetchOptions,
)
from newsgist.ingest.polite import DEFAULT_CONCURRENCY, DEFAULT_DELAY, MAX_CRAWL_DELAY
from newsgist.methods.base import DEFAULT_METHOD
from newsgist.models import Article
from newsgist.options import (
    MAX_HIGHLIGHT_WORDS,
    Setting,
    SummarizeOptions,
    option_names,
    settings,
)
from newsgist.registry import headlines, methods
from newsgist.render import FORMATS, render
from newsgist.server.settings import (
    DEFAULT_BODY_TIMEOUT,
    DEFAULT_HEADER_TIMEOUT,
    DEFAULT_MAX_CONNECTIONS,
    DEFAULT_REQUEST_TIMEOUT,
    DEFAULT_WORKER_MEMORY,
    LOG_LEVELS,
    TOKEN_ENV,
)

F = TypeVar("F", bound=Callable[..., Any])

_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

_ALLOW_PRIVATE = click.option(
    "--allow-private",
    is_flag=True,
    help="Let a URL (or a redirect) reach loopback, private or link-local addresses.",
)
_ALLOW_NETWORK = click.option(
    "--allow-network",
    "allow_networks",
    multiple=True,
    metavar="CIDR",
    help="Let URLs reach this network even though it is private (repeatable).",
)
"""Private-network access for URL input, shared by summarize and serve."""


_SHORT_FLAGS = {"method": ("-m",), "sentences": ("-k",), "words": ("-w",)}
_FLAG_NAMES = {"input_format": "--input", "method_options": "--method-option"}
_EVALUATED = (
    *("sentences", "words", "redundancy", "threads", "standalone", "mmr_lambda"),
    *("position_weight", "method_options"),
    *("headline_words", "input_format", "max_bytes", "language"),
)
"""The settings evaluate applies to every method it scores (it takes methods and
headline generators as lists of its own)."""


def _setting_option(name: str, default: Any, setting: Setting) -> Callable[[F], F]:  # noqa: ANN401
    """Declare the CLI option of one ``SummarizeOptions`` field, with its limits and help."""
    flags = (_FLAG_NAMES.get(name, "--" + name.replace("_", "-")), *_SHORT_FLAGS.get(name, ()))
    text = setting.help
    if setting.kind == "bool" and setting.nullable:  # unset: the method's own default
        flag = flags[0]
        return click.option(f"{flag}/--no-{flag[2:]}", name, default=None, help=text)
    if setting.kind == "bool" and default:  # on by default: the flag turns it off
        flag = flags[0]
        return click.option(f"{flag}/--no-{flag[2:]}", name, default=True, help=text)
    if setting.kind == "bool":
        return click.option(*flags, name, is_flag=True, default=bool(default), help=text)
    if setting.kind == "options":
        return click.option(
            *flags, name, multiple=True, metavar="KEY=VALUE", help=text + " Repeatable."
        )
    kind: Any  # a click.ParamType
    if setting.kind == "int":
        kind = click.IntRange(_bound(setting.low), _bound(setting.high))
    elif setting.kind == "float":
        kind = click.FloatRange(setting.low, setting.high)
    elif setting.choices is not None and name not in ("method", "headline"):
        kind = click.Choice(list(setting.choices()))  # plugins may add methods and generators
    else:
        kind = click.STRING
    if name == "headline":
        text += " (none: highlights only)"
    shown = default is not None and not setting.help.endswith("]")
    return click.option(*flags, name, default=default, type=kind, show_default=shown, help=text)


def _bound(value: float | None) -> int | None:
    """Return a bound as ``click.IntRange`` takes it."""
    return None if value is None else int(value)


def _settings_options(*names: str) -> Callable[[F], F]:
    """Add the options of these ``SummarizeOptions`` fields (default: all), plus ``--model``."""
    wanted = names or option_names()
    decorators = [_setting_option(*entry) for entry in settings() if entry[0] in wanted]
    if "method_options" in wanted:
        decorators.append(
            click.option(
                "--model",
                type=click.Path(dir_okay=False, path_type=Path),
                help="A model file from `newsgist train`: short for --method-option model=FILE.",
            )
        )
    return _stacked(decorators)


def _stacked(decorators: list[Callable[[F], F]]) -> Callable[[F], F]:
    """Combine decorators into one, applied in the order listed (as if written above)."""

    def decorate(command: F) -> F:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command

    return decorate


def _settings_from(params: dict[str, Any], **fixed: Any) -> SummarizeOptions:  # noqa: ANN401
    """Build the one ``SummarizeOptions`` of a command from its parsed options.

    Consumes the settings' parameters (and ``--model``) from ``params``; ``fixed`` sets
    fields the command decides itself.
    """
    values: dict[str, Any] = {name: params.pop(name) for name in option_names() if name in params}
    model = params.pop("model", None)
    pairs = values.pop("method_options", ())
    values["method_options"] = _method_options(pairs, model)
    if values.get("sentences") is not None and values.get("words") is not None:
        raise click.UsageError("give --sentences or --words, not both")
    return SummarizeOptions(**values, **fixed)


def _seconds(flag: str, default: float, help_text: str) -> Callable[[F], F]:
    """Declare an option taking a positive number of seconds, with its default shown."""
    return click.option(
        flag,
        default=default,
        show_default=True,
        type=click.FloatRange(min=0, min_open=True),
        help=help_text,
    )


def _fetch_options(timeout_flag: str) -> Callable[[F], F]:
    """Add the options for fetching a URL: limits, the User-Agent, and private networks.

    ``timeout_flag`` names the whole-download limit (``serve`` keeps ``--timeout`` for the
    request). Read them back with ``_fetch_from``.
    """
    decorators = [
        _ALLOW_PRIVATE,
        _ALLOW_NETWORK,
        click.option(
            timeout_flag,
            "fetch_timeout",
            default=DEFAULT_TOTAL_TIMEOUT,
            show_default=True,
            type=click.FloatRange(min=0, min_open=True),
            help="Seconds a download may take in all.",
        ),
        _seconds(
            "--connect-timeout", DEFAULT_CONNECT_TIMEOUT, "Seconds to resolve and reach a host."
        ),
        click.option(
            "--max-redirects",
            default=DEFAULT_MAX_REDIRECTS,
            show_default=True,
            type=click.IntRange(0),
            help="Redirects to follow.",
        ),
        click.option(
            "--user-agent",
            default=DEFAULT_USER_AGENT,
            show_default=True,
            help="Sent with every request, so sites can tell who asks.",
        ),
        click.option(
            "--ca-bundle",
            type=click.Path(exists=True, dir_okay=False),
            help="PEM file of CA certificates to trust instead of the default ones.",
        ),
    ]
    return _stacked(decorators)


def _fetch_from(params: dict[str, Any], max_bytes: int) -> FetchOptions:
    """Build the fetch options from a command's parsed fetch options (consuming them)."""
    timeout = params.pop("fetch_timeout")
    return FetchOptions(
        user_agent=params.pop("user_agent"),
        connect_timeout=params.pop("connect_timeout"),
        read_timeout=min(timeout, DEFAULT_READ_TIMEOUT),
        total_timeout=timeout,
        max_bytes=max_bytes,
        max_redirects=params.pop("max_redirects"),
        allow_private=params.pop("allow_private"),
        allow_networks=params.pop("allow_networks"),
        ca_bundle=params.pop("ca_bundle"),
    )


def _method_options(pairs: Sequence[str], model: Path | None = None) -> dict[str, Any]:
    """Parse KEY=VALUE method options (numbers, true/false/none, or text), plus ``--model``."""
    parsed: dict[str, Any] = {} if model is None else {"model": model}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--method-option takes KEY=VALUE, not {pair!r}")
        words = {"true": True, "false": False, "none": None}
        if raw.lower() in words:
            parsed[key] = words[raw.lower()]
            continue
        for kind in (int, float):
            try:
                parsed[key] = kind(raw)
                break
            except ValueError:
                continue
        else:
            parsed[key] = raw
    return parsed


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgist")
def cli() -> None:
    """Write the headline and bullet highlights of a news article."""


_OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Write the result to this file instead of stdout.",
)
"""``-o/--output``: the output file, on every subcommand that writes one."""

_JSONL_OUTPUT = click.option(
    "--output",
    "-o",
    required=True,
    metavar="OUT.jsonl",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Output JSONL (- for stdout); written as OUT.jsonl.part until complete.",
)
"""``-o/--output`` of batch and feed: a JSONL file, published only when complete."""


@cli.command()
@click.argument("source", metavar="FILE|URL", required=False, default="-")
@_settings_options()
@_fetch_options("--timeout")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="Output format; json is the Summary's round-trip form.",
)
@click.option(
    "--include-body",
    is_flag=True,
    help="With --format json: add the cleaned article body, which the spans index into.",
)
@_OUTPUT
def summarize(
    source: str,
    output_format: str,
    include_body: bool,
    output: Path | None,
    **params: Any,  # noqa: ANN401 - the settings' options, generated from SummarizeOptions
) -> None:
    """Summarize FILE (plain text or HTML), the page at URL, or stdin (FILE - or missing).

    A URL is fetched over http(s) within the limits below; by default it may not reach
    loopback, private or link-local addresses, even through a redirect.
    """
    from newsgist.ingest import load
    from newsgist.pipeline import make_pipeline

    settings = _settings_from(params)
    fetch = _fetch_from(params, settings.max_bytes)
    pipeline = make_pipeline(settings)  # bad names and options fail before input is read
    data: bytes | Article
    input_format = settings.input_format
    if _is_url(source):
        from newsgist.ingest.fetch import load_url

        data = load_url(source, options=fetch, input_format=input_format)
    else:
        data = _read_input(source, IngestOptions(max_bytes=settings.max_bytes))
        if input_format == "auto" and Path(source).suffix.lower() in _HTML_SUFFIXES:
            input_format = "html"
    body = None
    if include_body and not isinstance(data, Article):
        ingest = IngestOptions(max_bytes=settings.max_bytes)
        data = load(data, input_format=input_format, options=ingest)
    if include_body:
        body = cast(Article, data).body
    if input_format != settings.input_format:
        pipeline = make_pipeline(replace(settings, input_format=input_format))
    _write(render(pipeline(data), output_format, body=body), output)


def _write(text: str, output: Path | None) -> None:
    """Print ``text``, or write it to ``output`` (``-`` is stdout)."""
    if output is None or str(output) == "-":
        click.echo(text)
        return
    try:
        output.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise click.UsageError(f"cannot write {output}: {error.strerror or error}") from None


def _is_url(source: str) -> bool:
    """Whether the argument names a URL rather than a file (any scheme, so ftp: is refused)."""
    return _SCHEME.match(source) is not None and not Path(source).exists()


@cli.command()
@click.argument("source", metavar="IN.jsonl[.gz]", type=click.Path(dir_okay=False, allow_dash=True))
@_JSONL_OUTPUT
@click.option(
    "--workers",
    type=click.IntRange(1),
    help="Processes (local) or actors (ray)  [default: every CPU].",
)
@_settings_options()
@click.option("--text-field", default="article", show_default=True, help="Field with the text.")
@click.option("--id-field", default="id", show_default=True, help="Field copied to the output.")
@click.option("--timings", is_flag=True, help="Add each record's per-stage seconds.")
@click.option("--resume", is_flag=True, help="Continue the unfinished run left in OUT.jsonl.part.")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Processes on this machine, or a Ray cluster (the 'ray' extra).",
)
@click.option(
    "--address", help="Ray cluster to join, e.g. ray://head:10001 or auto  [default: a local Ray]."
)
def batch(
    source: str,
    output: str,
    workers: int | None,
    text_field: str,
    id_field: str,
    timings: bool,
    resume: bool,
    engine: str,
    address: str | None,
    **params: Any,  # noqa: ANN401 - the settings' options, generated from SummarizeOptions
) -> None:
    """Summarize every record of a JSONL file, one output line per input line, in order.

    Each output line is the record's id with its summary (as `summarize --format json`),
    or its id, line number and error. Exit status: 0 all summarized, 1 some records
    failed, 2 a usage error, 3 the run stopped early (disk full, output not writable, a
    worker killed, SIGTERM, output busy): finish it with --resume.
    """
    import os

    from newsgist.batch import BatchJob, Engine, LocalEngine, run_batch

    if address is not None and engine != "ray":
        raise click.UsageError("--address is for --engine ray")
    job = BatchJob(
        settings=_settings_from(params),
        text_field=text_field,
        id_field=id_field,
        timings=timings,
    )
    runner: Engine
    if engine == "ray":
        from newsgist.distributed import RayEngine

        runner = RayEngine(concurrency=workers, address=address)
    else:
        runner = LocalEngine(workers or len(os.sched_getaffinity(0)))
    try:
        with _batch_progress() as progress:
            report = run_batch(source, output, job, resume=resume, engine=runner, progress=progress)
    except BatchError as error:
        click.echo(f"newsgist: error: {error}", err=True)
        raise click.exceptions.Exit(3) from None
    click.echo(f"newsgist: {report.describe()}", err=True)
    if report.failed:
        raise click.exceptions.Exit(1)


@cli.command()
@click.argument("source", metavar="URL|FILE")
@_JSONL_OUTPUT
@_settings_options()
@_fetch_options("--timeout")
@click.option("--limit", type=click.IntRange(1), help="Summarize the feed's first N items only.")
@click.option(
    "--delay",
    default=DEFAULT_DELAY,
    show_default=True,
    type=click.FloatRange(0, MAX_CRAWL_DELAY),
    help="Seconds between requests to one site (a longer robots.txt Crawl-delay wins).",
)
@click.option(
    "--per-host",
    default=1,
    show_default=True,
    type=click.IntRange(1, 2),
    help="Requests open at once to one site.",
)
@click.option(
    "--concurrency",
    default=DEFAULT_CONCURRENCY,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Stories fetched at once across all sites.",
)
@click.option(
    "--cache",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Cache of feed validators and summaries  [default: ~/.cache/newsgist/feeds.sqlite3].",
)
@click.option("--no-cache", is_flag=True, help="Fetch and summarize every item, keep nothing.")
@click.option("--resume", is_flag=True, help="Continue the unfinished run left in OUT.jsonl.part.")
def feed(
    source: str,
    output: str,
    limit: int | None,
    delay: float,
    per_host: int,
    concurrency: int,
    cache: Path | None,
    no_cache: bool,
    resume: bool,
    **params: Any,  # noqa: ANN401 - the settings' options, generated from SummarizeOptions
) -> None:
    """Summarize every story of an RSS/Atom feed or a sitemap (URL or file), in feed order.

    Each story is fetched politely: robots.txt honoured, one request at a time per site
    (--per-host 2 at most), --delay seconds apart. Each output line is the item's id
    (GUID, else link), its title, link, GUID and date with its summary, or an error record.
    A re-run fetches only items not yet summarized (see --cache), and sends the feed's
    ETag and Last-Modified back. Exit status as for batch.
    """
    from newsgist.feed import FeedJob, default_cache, run_feed
    from newsgist.ingest.polite import Politeness

    if cache is not None and no_cache:
        raise click.UsageError("give --cache or --no-cache, not both")
    settings = _settings_from(params)
    job = FeedJob(
        settings=settings,
        fetch=_fetch_from(params, settings.max_bytes),
        politeness=Politeness(delay=delay, per_host=per_host),
        concurrency=concurrency,
        limit=limit,
        cache=None if no_cache else cache or default_cache(),
    )
    try:
        with _batch_progress(every=1) as progress:
            report = run_feed(source, output, job, resume=resume, progress=progress)
    except BatchError as error:
        click.echo(f"newsgist: error: {error}", err=True)
        raise click.exceptions.Exit(3) from None
    click.echo(f"newsgist: {report.describe()}", err=True)
    if report.batch.failed:
        raise click.exceptions.Exit(1)


@contextmanager
def _batch_progress(every: int = 16) -> Iterator[Callable[[int, int, int | None], None] | None]:
    """Show articles done, articles/s and ETA (from bytes read) on an interactive stderr.

    The bar is redrawn every ``every`` records (a feed's, fetched a second apart: each).
    """
    if not sys.stderr.isatty():
        yield None
        return
    import time

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("summarizing"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[records]:,} articles, {task.fields[rate]:,.0f} articles/s"),
        TimeRemainingColumn(),
    )
    started = time.perf_counter()
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("summarizing", total=None, records=0, rate=0.0)

        def advance(records: int, read: int, size: int | None) -> None:
            if records % every == 0:
                rate = records / max(time.perf_counter() - started, 1e-9)
                bar.update(task, completed=read, total=size, records=records, rate=rate)

        yield advance


_DETECT_CHARS = 20_000
"""How much of ``compress``'s input decides its language."""


def _evaluate_compression(
    data: Path, limit: int | None, skip: int, out: Path | None, json_path: Path | None
) -> None:
    """Score bullet and headline compression against the gold deletions in DATA."""
    from dataclasses import asdict

    from newsgist.evaluate.compression import read_compressions, score, systems, to_markdown
    from newsgist.lang import detect

    records, skipped = read_compressions(data, limit=limit, skip=skip)
    if not records:
        raise click.UsageError(f"no valid sentence with a gold compression in {data}")
    language = detect(" ".join(r.sentence for r in records[:200])[:_DETECT_CHARS])
    compressors = systems(language)
    with _progress(len(records) * len(compressors), "compressing") as advance:
        results = {
            name: score(list(_advancing(records, advance)), system)
            for name, system in compressors.items()
        }
    markdown = "## Compression\n\n" + to_markdown(results, records)
    if skipped:
        markdown += f"\n\n{len(skipped):,} lines left out, the first: line {skipped[0].line}:"
        markdown += f" {skipped[0].reason}"
    click.echo(markdown)
    if out:
        out.write_text(markdown + "\n", encoding="utf-8")
    if json_path:
        document = {"records": len(records), "systems": {k: asdict(v) for k, v in results.items()}}
        json_path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


@cli.command()
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--method",
    "-m",
    "specs",
    multiple=True,
    help="Method to evaluate, NAME or NAME:K (K highlights); repeat to compare, the first"
    " is the baseline.  [default: lead]",
)
@_settings_options(*_EVALUATED)
@click.option(
    "--headline",
    "headline_specs",
    multiple=True,
    help="Headline generator to score against the records' titles; repeat to compare, the"
    f" first is the baseline.  [default: first-words and {DEFAULT_HEADLINE}, when records"
    " have titles]",
)
@click.option("--limit", type=click.IntRange(1), help="Evaluate at most this many records.")
@click.option(
    "--skip", default=0, type=click.IntRange(0), help="Leave out the first N valid records."
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1))
@click.option("--seed", default=0, show_default=True, type=int, help="Bootstrap seed.")
@click.option("--bootstrap", default=1000, show_default=True, type=click.IntRange(10))
@click.option(
    "--output",
    "-o",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the markdown report here.",
)
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="PNG bar chart.")
def evaluate(
    data: Path,
    specs: tuple[str, ...],
    headline_specs: tuple[str, ...],
    limit: int | None,
    skip: int,
    workers: int,
    seed: int,
    bootstrap: int,
    out: Path | None,
    json_path: Path | None,
    plot: Path | None,
    **params: Any,  # noqa: ANN401 - the settings' options, generated from SummarizeOptions
) -> None:
    """Score methods with ROUGE against the reference highlights in DATA (JSONL).

    Selection and method options apply to every method (--model to those that take a
    model); NAME:K overrides the budget. Where records have titles, headline generators are
    scored against them too, in a second report. Records that are a sentence and its gold
    compression ({"sentence", "compression"}) are scored as compression instead: token F1
    against the gold deletion and compression ratio, for bullets and headlines.
    """
    from newsgist.evaluate import HeadlineSystem, parse_method_spec, read_records
    from newsgist.evaluate import evaluate as run
    from newsgist.evaluate.compression import is_compression_file
    from newsgist.evaluate.rouge import Rouge

    if is_compression_file(data):
        _evaluate_compression(data, limit, skip, out, json_path)
        return
    Rouge()  # a missing 'eval' extra fails here, before any work
    model = params.pop("model", None)
    method_options = _method_options(params.pop("method_options", ()))
    settings = _settings_from(params, headline=None)
    systems = dict(
        parse_method_spec(spec, settings=settings, method_options=method_options, model=model)
        for spec in specs or ("lead",)
    )
    for name in headline_specs:
        headlines.get(name)  # unknown names fail before any work
    records, skipped = read_records(data, limit=limit, skip=skip)
    common: dict[str, Any] = {
        "bootstrap": bootstrap,
        "seed": seed,
        "workers": workers,
        "source": str(data),
    }
    with _progress(len(records), "evaluating") as advance:
        report = run(records, systems, skipped=skipped, progress=advance, **common)
    reports = {"highlights": report}
    titled = [r for r in records if r.title]
    if titled:
        headliners = {
            name: HeadlineSystem(
                replace(settings, headline=name, method=DEFAULT_METHOD, facts=False)
            )
            for name in headline_specs or ("first-words", DEFAULT_HEADLINE)
        }
        with _progress(len(titled), "headlines") as advance:
            reports["headlines"] = run(
                titled, headliners, progress=advance, reference="title", **common
            )
    elif headline_specs:
        click.echo("newsgist: no record has a title, so no headline was scored", err=True)
    markdown = "\n\n".join(
        f"## {kind.capitalize()}\n\n{r.to_markdown()}" for kind, r in reports.items()
    )
    click.echo(markdown)
    if out:
        out.write_text(markdown + "\n", encoding="utf-8")
    if json_path:
        document = report.to_dict()
        if "headlines" in reports:
            document["headlines"] = reports["headlines"].to_dict()
        json_path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    if plot:
        report.plot(plot)


@cli.command()
@click.argument("data", nargs=-1, required=True, metavar="DATA.jsonl[:N]...")
@click.option(
    "--output",
    "-o",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the model (.npz).",
)
@click.option("--iterations", default=200, show_default=True, type=click.IntRange(1, 5000))
@click.option("--depth", default=4, show_default=True, type=click.IntRange(1, 12))
@click.option("--learning-rate", default=0.05, show_default=True, type=click.FloatRange(0, 1))
@click.option("--min-leaf", default=20, show_default=True, type=click.IntRange(1))
@click.option("--seed", default=0, show_default=True, type=int)
def train(
    data: tuple[str, ...],
    out: Path,
    iterations: int,
    depth: int,
    learning_rate: float,
    min_leaf: int,
    seed: int,
) -> None:
    """Train a salience model from JSONL files with `article` and `highlights`.

    DATA:N uses only the first N valid records of a file. Each file weighs the same in
    training, however many records it holds. Use the model with
    `newsgist summarize --model OUT`.
    """
    import time

    from newsgist.evaluate import read_records
    from newsgist.methods.learned.train import TrainOptions, balanced, examples, fit

    options = TrainOptions(iterations, depth, learning_rate, min_leaf, seed)
    started = time.perf_counter()
    sources = []
    for spec in data:
        path, limit = _data_spec(spec)
        found, skipped = read_records(path, limit=limit)
        click.echo(f"{path}: {len(found)} records, {len(skipped)} lines skipped")
        sources.append(found)
    with _progress(sum(map(len, sources)), "labelling") as advance:
        labelled = balanced([examples(_advancing(found, advance)) for found in sources])
    model = fit(labelled, options, sources=list(data))
    model.save(out)
    click.echo(
        f"trained on {labelled.articles} articles ({len(labelled.labels)} sentences,"
        f" {int(labelled.labels.sum())} oracle highlights; {labelled.skipped} unusable) in"
        f" {time.perf_counter() - started:.0f} s: {model.trees} trees → {out}"
        f" ({out.stat().st_size / 1024:.0f} KiB)"
    )


def _data_spec(spec: str) -> tuple[Path, int | None]:
    """Read ``PATH`` or ``PATH:N`` (the first N records)."""
    path, sep, count = spec.rpartition(":")
    if sep and count.isdigit() and not Path(spec).exists():
        return Path(path), int(count)
    return Path(spec), None


_Item = TypeVar("_Item")


def _advancing(items: Sequence[_Item], advance: Callable[[], None]) -> Iterator[_Item]:
    """Yield items, ticking the progress bar after each."""
    for item in items:
        yield item
        advance()


@contextmanager
def _progress(total: int, what: str) -> Iterator[Callable[[], None]]:
    """Show a progress bar on an interactive stderr; yield the per-item callback."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda: bar.advance(task)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Summarizer processes (each takes one request at a time).",
)
@click.option(
    "--token-file",
    type=click.Path(exists=True, dir_okay=False),
    help=f"File holding the API token  [default: ${TOKEN_ENV}]; /v1/* then needs it as a"
    " Bearer token.",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    help="Let browser pages from this origin call the API (repeatable); off otherwise.",
)
@click.option(
    "--max-body-bytes",
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    type=click.IntRange(1),
    help="Refuse larger request bodies (413) and downloads.",
)
@_seconds("--timeout", DEFAULT_REQUEST_TIMEOUT, "Seconds one summary may take (then 408).")
@click.option(
    "--worker-memory",
    default=DEFAULT_WORKER_MEMORY // 2**20,
    show_default=True,
    type=click.IntRange(64),
    metavar="MIB",
    help="Memory a worker may use; a request needing more gets 413.",
)
@click.option(
    "--max-connections",
    default=DEFAULT_MAX_CONNECTIONS,
    show_default=True,
    type=click.IntRange(1),
    help="Open connections; past it the longest idle one is closed.",
)
@_seconds("--header-timeout", DEFAULT_HEADER_TIMEOUT, "Seconds a client may take to send headers.")
@_seconds("--body-timeout", DEFAULT_BODY_TIMEOUT, "Seconds a client may take to send a body.")
@click.option(
    "--log-level",
    type=click.Choice(LOG_LEVELS),
    default="info",
    show_default=True,
    help="info: the listening line and a line per request on stderr; warning: problems only.",
)
@_fetch_options("--fetch-timeout")
def serve(
    host: str,
    port: int,
    workers: int,
    token_file: str | None,
    cors_origins: tuple[str, ...],
    max_body_bytes: int,
    timeout: float,
    worker_memory: int,
    max_connections: int,
    header_timeout: float,
    body_timeout: float,
    log_level: str,
    **fetching: Any,  # noqa: ANN401 - the fetch options, shared with summarize
) -> None:
    """Serve the HTTP API (POST /v1/summarize, GET /v1/methods) and the web page at /.

    The fetch options apply to every request that gives a URL: clients cannot change them.
    """
    import os

    from newsgist.server import ServerSettings
    from newsgist.server import serve as run

    token = Path(token_file).read_text(encoding="utf-8").strip() if token_file else None
    if token_file and not token:
        raise click.UsageError(f"the token file {token_file} is empty")
    settings = ServerSettings(
        token=token or os.environ.get(TOKEN_ENV) or None,
        cors_origins=cors_origins,
        max_body_bytes=max_body_bytes,
        request_timeout=timeout,
        fetch=_fetch_from(fetching, max_body_bytes),
        workers=workers,
        worker_memory=worker_memory * 2**20,
        max_connections=max_connections,
        header_timeout=header_timeout,
        body_timeout=body_timeout,
        log_level=log_level,
    )
    if settings.token is None and host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"newsgist: warning: serving on {host} with no API token; set ${TOKEN_ENV} or"
            " --token-file to require one",
            err=True,
        )
    run(settings, host=host, port=port)


@cli.command("compress")
@click.argument("source", metavar="FILE", required=False, default="-")
@click.option(
    "--words",
    "-w",
    type=click.IntRange(1, MAX_HIGHLIGHT_WORDS),
    help=f"At most N words each (a bullet keeps {MIN_WORDS} or more) [default: bullets: no"
    f" limit; headlines: {DEFAULT_HEADLINE_WORDS}].",
)
@click.option("--headline", is_flag=True, help="Shorten each as a headline, not a bullet.")
@click.option("--language", help="Language of the sentences (BCP 47) [default: detected].")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one shortened sentence a line; json: a line each with the kept spans.",
)
@_OUTPUT
def compress_lines(
    source: str,
    words: int | None,
    headline: bool,
    language: str | None,
    output_format: str,
    output: Path | None,
) -> None:
    """Shorten each line of FILE (or stdin) as one sentence, by deletion only.

    Every line is checked before any is written: a line over 2,000 characters is refused
    with its number. A blank line gives a blank line. The language (unless given) is
    detected once, from the whole input.
    """
    from newsgist.compress.shorten import MAX_SENTENCE_CHARS, shorten

    raw = _read_input(source, IngestOptions())
    try:
        lines = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise click.UsageError(f"input is not valid UTF-8 (byte {error.start:,})") from None
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_SENTENCE_CHARS:
            raise click.UsageError(
                f"line {number:,} has {len(line):,} characters; a sentence is at most"
                f" {MAX_SENTENCE_CHARS:,}"
            )
    if language is None:  # one language for the input: a short line is easy to misjudge
        from newsgist.lang import detect

        language = detect(" ".join(lines)[:_DETECT_CHARS])
    out = []
    for line in lines:
        if not line.strip():
            out.append("" if output_format == "text" else json.dumps({"text": "", "spans": []}))
            continue
        short = shorten(line, words=words, headline=headline, language=language)
        if output_format == "text":
            out.append(short.text)
        else:
            spans = [list(span) for span in short.spans]
            out.append(json.dumps({"text": short.text, "spans": spans}, ensure_ascii=False))
    _write("\n".join(out), output)


@cli.command("methods")
def list_methods() -> None:
    """List the summarization methods."""
    for name in methods.names():
        click.echo(name)


@cli.command("headlines")
def list_headlines() -> None:
    """List the headline generators."""
    for name in headlines.names():
        click.echo(name)


def _read_input(file: str, options: IngestOptions) -> bytes:
    """Read the named file or stdin, bounded by the size limit."""
    if file == "-":
        if sys.stdin.isatty():
            raise click.UsageError("no input: give a FILE or pipe an article on stdin")
        return read_limited(sys.stdin.buffer, options=options)
    path = Path(file)
    try:
        with path.open("rb") as stream:
            return read_limited(stream, options=options)
    except FileNotFoundError:
        raise click.UsageError(f"no such file: {file}") from None
    except IsADirectoryError:
        raise click.UsageError(f"is a directory, not a file: {file}") from None
    except PermissionError:
        raise click.UsageError(f"permission denied: {file}") from None


_INTERNAL_ERROR = 70
"""The exit code of a bug in newsgist itself: sysexits' EX_SOFTWARE, apart from input errors."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``) and return its exit code."""
    try:
        code = cli.main(args=argv, prog_name="newsgist", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("newsgist: interrupted", err=True)
        return 130
    except click.ClickException as error:
        click.echo(f"newsgist: error: {error.format_message()}", err=True)
        return 2
    except NewsgistError as error:
        click.echo(f"newsgist: error: {error}", err=True)
        return 2
    except KeyboardInterrupt:
        click.echo("newsgist: interrupted", err=True)
        return 130
    except Exception as error:  # newsgist's own bug: one line and exit 70, never a traceback
        problem = " ".join(f"{type(error).__name__}: {error}".split())[:300]
        click.echo(f"newsgist: internal error ({problem}); please report it", err=True)
        return _INTERNAL_ERROR
    return code if isinstance(code, int) else 0
