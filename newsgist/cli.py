"""The ``newsgist`` command line: a thin layer over the Python API.

Exit codes: 0 success; 1 when a batch finished but some records failed (each has an error
record in the output); 2 for a usage error or input newsgist cannot summarize, with one line
on stderr and no traceback; 3 when a batch stopped before its end (disk full, output not
writable, a worker killed, SIGTERM, or another run writing the same output), with one line on
stderr and the records done kept in OUT.jsonl.part for --resume; 130 when interrupted.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from newsgist.__version__ import __version__
from newsgist.errors import BatchError, MissingDependencyError, NewsgistError
from newsgist.headlines.base import DEFAULT_HEADLINE, DEFAULT_HEADLINE_WORDS
from newsgist.ingest import (
    DEFAULT_MAX_BYTES,
    INPUT_FORMATS,
    IngestOptions,
    InputFormat,
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
from newsgist.methods.base import DEFAULT_METHOD
from newsgist.models import Article, Summary
from newsgist.registry import headlines, methods
from newsgist.select import REDUNDANCY, Redundancy, SelectOptions
from newsgist.server import DEFAULT_REQUEST_TIMEOUT, TOKEN_ENV

F = TypeVar("F", bound=Callable[..., Any])

_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

_HEADLINE_WORDS = click.option(
    "--headline-words",
    default=DEFAULT_HEADLINE_WORDS,
    show_default=True,
    type=click.IntRange(1, 50),
    help="Headline budget in words.",
)
"""The headline budget, shared by summarize and evaluate."""
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


def _selection_options(*option_names: str) -> Callable[[F], F]:
    """Add the selection and method options shared by summarize, evaluate and batch.

    ``option_names`` name the method-option flag (default ``--option``/``-o``; batch keeps
    ``-o`` for its output).
    """
    decorators = [
        click.option(
            "--sentences",
            "-k",
            type=click.IntRange(1, 50),
            help="How many highlights  [default: 3].",
        ),
        click.option(
            "--words", "-w", type=click.IntRange(1), help="Fill up to N words instead, never over."
        ),
        click.option(
            "--redundancy",
            type=click.Choice(list(REDUNDANCY)),
            help="Redundancy control: trigram blocking or MMR  [default: the method's own:"
            " trigram for learned, none for the others].",
        ),
        click.option(
            "--mmr-lambda",
            type=click.FloatRange(0, 1),
            default=0.7,
            show_default=True,
            help="MMR: weight of relevance against novelty.",
        ),
        click.option(
            "--position-weight",
            type=click.FloatRange(0, 1),
            default=0.0,
            show_default=True,
            help="Mix a 1/(1+position) prior into the scores.",
        ),
        click.option(
            "--model",
            type=click.Path(dir_okay=False, path_type=Path),
            help="A model file from `newsgist train`, for the learned method.",
        ),
        click.option(
            *(option_names or ("--option", "-o")),
            "method_options",
            multiple=True,
            metavar="KEY=VALUE",
            help="A method option, e.g. -o threshold=0.1 for lexrank; repeatable.",
        ),
    ]
    return _stacked(decorators)


def _stacked(decorators: list[Callable[[F], F]]) -> Callable[[F], F]:
    """Combine decorators into one, applied in the order listed (as if written above)."""

    def decorate(command: F) -> F:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command

    return decorate


def _summary_options(*option_names: str) -> Callable[[F], F]:
    """Add every option of one summary (method, selection, headline, size limit).

    Summarize and batch take the same ones; ``option_names`` as in ``_selection_options``.
    """
    decorators = [
        click.option(
            "--method",
            "-m",
            default=DEFAULT_METHOD,
            show_default=True,
            help="Summarization method (see `newsgist methods`).",
        ),
        _selection_options(*option_names),
        click.option(
            "--headline",
            "headline",
            default=DEFAULT_HEADLINE,
            show_default=True,
            help="Headline generator (see `newsgist headlines`).",
        ),
        _HEADLINE_WORDS,
        click.option(
            "--keep-title",
            is_flag=True,
            help="Use the page's own title as the headline when it has one.",
        ),
        click.option(
            "--max-bytes",
            default=DEFAULT_MAX_BYTES,
            show_default=True,
            type=click.IntRange(1),
            help="Refuse articles (and downloads) larger than this.",
        ),
        click.option(
            "--input",
            "input_format",
            type=click.Choice(list(INPUT_FORMATS)),
            default="auto",
            show_default=True,
            help="Read the input as plain text or HTML; auto tells them apart.",
        ),
    ]
    return _stacked(decorators)


def _seconds(flag: str, default: float, help_text: str) -> Callable[[F], F]:
    """Declare an option taking a positive number of seconds, with its default shown."""
    return click.option(
        flag,
        default=default,
        show_default=True,
        type=click.FloatRange(min=0, min_open=True),
        help=help_text,
    )


def _fetch_options(command: F) -> F:
    """Add the options for fetching a URL: limits, the User-Agent, and private networks."""
    decorators = [
        _ALLOW_PRIVATE,
        _ALLOW_NETWORK,
        _seconds("--timeout", DEFAULT_TOTAL_TIMEOUT, "Seconds a download may take in all."),
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
    return _stacked(decorators)(command)


def _select_options(
    sentences: int | None,
    words: int | None,
    redundancy: str | None,
    mmr_lambda: float,
    position_weight: float,
) -> SelectOptions:
    """Build the selection options from the command line's values."""
    if sentences is not None and words is not None:
        raise click.UsageError("give --sentences or --words, not both")
    return SelectOptions(
        sentences=sentences,
        words=words,
        redundancy=cast(Redundancy | None, redundancy),
        mmr_lambda=mmr_lambda,
        position_weight=position_weight,
    )


def _method_options(pairs: Sequence[str], model: Path | None = None) -> dict[str, Any]:
    """Parse KEY=VALUE method options (numbers, true/false/none, or text), plus ``--model``."""
    parsed: dict[str, Any] = {} if model is None else {"model": model}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--option takes KEY=VALUE, not {pair!r}")
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


@cli.command()
@click.argument("source", metavar="FILE|URL", required=False, default="-")
@_summary_options()
@_fetch_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Output format; json is the Summary's round-trip form.",
)
@click.option(
    "--language",
    metavar="TAG",
    help="The article's language (en, fr, pt-BR), instead of the page's or detection's.",
)
def summarize(
    source: str,
    method: str,
    headline: str,
    headline_words: int,
    keep_title: bool,
    output_format: str,
    max_bytes: int,
    input_format: InputFormat,
    method_options: tuple[str, ...],
    model: Path | None,
    allow_private: bool,
    allow_networks: tuple[str, ...],
    timeout: float,
    connect_timeout: float,
    max_redirects: int,
    user_agent: str,
    ca_bundle: str | None,
    language: str | None,
    **selection: Any,  # noqa: ANN401 - the shared selection options
) -> None:
    """Summarize FILE (plain text or HTML), the page at URL, or stdin (FILE - or missing).

    A URL is fetched over http(s) within the limits below; by default it may not reach
    loopback, private or link-local addresses, even through a redirect. The article's
    language is the page's declaration, else detected from the text; languages without
    newsgist resources yet run language-neutral (the json output says which ran).
    """
    from newsgist.lang import check_tag
    from newsgist.pipeline import make_headliner, make_summarizer
    from newsgist.pipeline import summarize as run

    options = _select_options(**selection)
    settings = _method_options(method_options, model)
    make_summarizer(method, settings)  # bad names and options fail before input is read
    make_headliner(headline, headline_words)
    if language is not None:
        check_tag(language)
    data: bytes | Article
    if _is_url(source):
        from newsgist.ingest.fetch import load_url

        fetch = FetchOptions(
            user_agent=user_agent,
            connect_timeout=connect_timeout,
            read_timeout=min(timeout, DEFAULT_READ_TIMEOUT),
            total_timeout=timeout,
            max_bytes=max_bytes,
            max_redirects=max_redirects,
            allow_private=allow_private,
            allow_networks=allow_networks,
            ca_bundle=ca_bundle,
        )
        data = load_url(source, options=fetch, input_format=input_format)
    else:
        data = _read_input(source, IngestOptions(max_bytes=max_bytes))
        if input_format == "auto" and Path(source).suffix.lower() in _HTML_SUFFIXES:
            input_format = "html"
    summary = run(
        data,
        method=method,
        options=options,
        method_options=settings,
        headline=headline,
        headline_words=headline_words,
        keep_title=keep_title,
        max_bytes=max_bytes,
        input_format=input_format,
        language=language,
    )
    click.echo(_render(summary, output_format))


def _is_url(source: str) -> bool:
    """Whether the argument names a URL rather than a file (any scheme, so ftp: is refused)."""
    return _SCHEME.match(source) is not None and not Path(source).exists()


@cli.command()
@click.argument("source", metavar="IN.jsonl[.gz]", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--output",
    "-o",
    required=True,
    metavar="OUT.jsonl",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Output JSONL (- for stdout); written as OUT.jsonl.part until complete.",
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    help="Processes (local) or actors (ray)  [default: every CPU].",
)
@_summary_options("--option")
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
    method: str,
    headline: str,
    headline_words: int,
    keep_title: bool,
    max_bytes: int,
    input_format: InputFormat,
    text_field: str,
    id_field: str,
    timings: bool,
    resume: bool,
    engine: str,
    address: str | None,
    method_options: tuple[str, ...],
    model: Path | None,
    **selection: Any,  # noqa: ANN401 - the shared selection options
) -> None:
    """Summarize every record of a JSONL file, one output line per input line, in order.

    Each output line is the record's id with its summary (as `summarize --format json`),
    or its id, line number and error. Exit status: 0 all summarized, 1 some records
    failed, 2 a usage error, 3 the run stopped early (disk full, output not writable, a
    worker killed, SIGTERM, output busy): finish it with --resume.
    """
    import os

    from newsgist.batch import BatchJob, Engine, run_batch

    if address is not None and engine != "ray":
        raise click.UsageError("--address is for --engine ray")
    job = BatchJob(
        method=method,
        options=_select_options(**selection),
        method_options=tuple(sorted(_method_options(method_options, model).items())),
        headline=headline,
        headline_words=headline_words,
        keep_title=keep_title,
        max_bytes=max_bytes,
        input_format=input_format,
        text_field=text_field,
        id_field=id_field,
        timings=timings,
    )
    if workers is None and engine == "local":
        workers = len(os.sched_getaffinity(0))
    try:
        with _batch_progress() as progress:
            report = run_batch(
                source,
                output,
                job,
                workers=workers,
                resume=resume,
                engine=cast(Engine, engine),
                address=address,
                progress=progress,
            )
    except BatchError as error:
        click.echo(f"newsgist: error: {error}", err=True)
        raise click.exceptions.Exit(3) from None
    click.echo(f"newsgist: {report.describe()}", err=True)
    if report.failed:
        raise click.exceptions.Exit(1)


@contextmanager
def _batch_progress() -> Iterator[Callable[[int, int, int | None], None] | None]:
    """Show articles done, articles/s and ETA (from bytes read) on an interactive stderr."""
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
            if records % 16 == 0:
                rate = records / max(time.perf_counter() - started, 1e-9)
                bar.update(task, completed=read, total=size, records=records, rate=rate)

        yield advance


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
@_selection_options()
@click.option(
    "--headline",
    "headline_specs",
    multiple=True,
    help="Headline generator to score against the records' titles; repeat to compare, the"
    f" first is the baseline.  [default: first-words and {DEFAULT_HEADLINE}, when records"
    " have titles]",
)
@_HEADLINE_WORDS
@click.option("--limit", type=click.IntRange(1), help="Evaluate at most this many records.")
@click.option(
    "--skip", default=0, type=click.IntRange(0), help="Leave out the first N valid records."
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1))
@click.option("--seed", default=0, show_default=True, type=int, help="Bootstrap seed.")
@click.option("--bootstrap", default=1000, show_default=True, type=click.IntRange(10))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Markdown report.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="PNG bar chart.")
def evaluate(
    data: Path,
    specs: tuple[str, ...],
    headline_specs: tuple[str, ...],
    headline_words: int,
    method_options: tuple[str, ...],
    model: Path | None,
    limit: int | None,
    skip: int,
    workers: int,
    seed: int,
    bootstrap: int,
    out: Path | None,
    json_path: Path | None,
    plot: Path | None,
    **selection: Any,  # noqa: ANN401 - the shared selection options
) -> None:
    """Score methods with ROUGE against the reference highlights in DATA (JSONL).

    Selection and method options apply to every method (--model to those that take a
    model); NAME:K overrides the budget. Where records have titles, headline generators are
    scored against them too, in a second report.
    """
    import json

    from newsgist.evaluate import HeadlineSystem, parse_method_spec, read_records
    from newsgist.evaluate import evaluate as run
    from newsgist.evaluate.rouge import Rouge
    from newsgist.pipeline import make_headliner

    Rouge()  # a missing 'eval' extra fails here, before any work
    options = _select_options(**selection)
    settings = _method_options(method_options)
    systems = dict(
        parse_method_spec(spec, options=options, method_options=_with_model(spec, settings, model))
        for spec in specs or ("lead",)
    )
    for name in headline_specs:
        make_headliner(name, headline_words)  # unknown names fail before any work
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
            name: HeadlineSystem(name, headline_words)
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


def _with_model(spec: str, settings: dict[str, Any], model: Path | None) -> dict[str, Any]:
    """Add ``--model`` to a method's options when that method takes a model."""
    import inspect

    factory = methods.get(spec.partition(":")[0])
    if model is None or "model" not in inspect.signature(factory).parameters:
        return settings
    return {**settings, "model": model}


@cli.command()
@click.argument("data", nargs=-1, required=True, metavar="DATA.jsonl[:N]...")
@click.option(
    "--out",
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

    DATA:N uses only the first N valid records of a file. Use the model with
    `newsgist summarize --model OUT`.
    """
    import time

    from newsgist.evaluate import read_records
    from newsgist.train import TrainOptions, examples, fit

    options = TrainOptions(iterations, depth, learning_rate, min_leaf, seed)
    started = time.perf_counter()
    records = []
    for spec in data:
        path, limit = _data_spec(spec)
        found, skipped = read_records(path, limit=limit)
        click.echo(f"{path}: {len(found)} records, {len(skipped)} lines skipped")
        records.extend(found)
    with _progress(len(records), "labelling") as advance:
        labelled = examples(_advancing(records, advance))
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
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Processes.")
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
@_seconds("--timeout", DEFAULT_REQUEST_TIMEOUT, "Seconds one request may take (then 408).")
@_ALLOW_PRIVATE
@_ALLOW_NETWORK
def serve(
    host: str,
    port: int,
    workers: int,
    token_file: str | None,
    cors_origins: tuple[str, ...],
    max_body_bytes: int,
    timeout: float,
    allow_private: bool,
    allow_networks: tuple[str, ...],
) -> None:
    """Serve the HTTP API (POST /v1/summarize, GET /v1/methods) and the web page at /."""
    import os

    from newsgist.server import SETTINGS_ENV, ServerSettings

    try:
        import uvicorn
    except ImportError:
        raise MissingDependencyError("the HTTP service", "server") from None
    token = Path(token_file).read_text(encoding="utf-8").strip() if token_file else None
    settings = ServerSettings(
        token=token or os.environ.get(TOKEN_ENV) or None,
        cors_origins=cors_origins,
        max_body_bytes=max_body_bytes,
        request_timeout=timeout,
        fetch=FetchOptions(
            allow_private=allow_private, allow_networks=allow_networks, max_bytes=max_body_bytes
        ),
    )
    if settings.token is None and host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"newsgist: warning: serving on {host} with no API token; set ${TOKEN_ENV} or"
            " --token-file to require one",
            err=True,
        )
    os.environ[SETTINGS_ENV] = settings.to_json()
    uvicorn.run(
        "newsgist.server:create_app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


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


def _render(summary: Summary, output_format: str) -> str:
    """Render a summary as text, markdown or JSON."""
    if output_format == "json":
        import json

        return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2)
    origin = (
        "the page's own title"
        if summary.headline_origin == "title"
        else f"written by {summary.headline_origin}"
    )
    note = f"headline: {origin}; highlights: {summary.method}"
    if output_format == "markdown":
        bullets = "\n".join(f"- {_markdown(h.text)}" for h in summary.highlights)
        return f"# {_markdown(summary.headline)}\n\n{bullets}\n\n*{_markdown(note)}*"
    bullets = "\n".join(f" • {h.text}" for h in summary.highlights)
    return f"{summary.headline}\n({note})\n\n{bullets}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]~])")


def _markdown(text: str) -> str:
    """Return article text as literal Markdown: no raw HTML, link, image or emphasis passes.

    ``&``, ``<`` and ``>`` become entities and the marks that open links, code or emphasis
    are escaped, so ``<img onerror=...>`` or ``[x](javascript:...)`` in a story renders as
    the words it is, never as markup (issue 16).
    """
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


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
    return code if isinstance(code, int) else 0
