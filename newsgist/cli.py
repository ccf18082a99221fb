"""The ``newsgist`` command line: a thin layer over the Python API.

Exit codes: 0 success; 2 for a usage error or input newsgist cannot summarize, with one line
on stderr and no traceback; 130 when interrupted.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click

from newsgist.__version__ import __version__
from newsgist.errors import NewsgistError
from newsgist.ingest import DEFAULT_MAX_BYTES, IngestOptions, read_limited
from newsgist.models import Summary
from newsgist.registry import methods

_ORIGIN_NOTES = {
    "title": "headline: the page's own title",
    "first-highlight": "headline: the first highlight (the page has no title)",
    "generated": "headline: generated",
}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgist")
def cli() -> None:
    """Write the headline and bullet highlights of a news article."""


@cli.command()
@click.argument(
    "file", required=False, default="-", type=click.Path(dir_okay=False, allow_dash=True)
)
@click.option(
    "--method",
    "-m",
    default="lead",
    show_default=True,
    help="Summarization method (see `newsgist methods`).",
)
@click.option(
    "--sentences",
    "-k",
    default=3,
    show_default=True,
    type=click.IntRange(1, 50),
    help="How many highlights.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Output format; json is the Summary's round-trip form.",
)
@click.option(
    "--max-bytes",
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    type=click.IntRange(1),
    help="Refuse inputs larger than this.",
)
def summarize(file: str, method: str, sentences: int, output_format: str, max_bytes: int) -> None:
    """Summarize FILE (or stdin when FILE is - or missing)."""
    from newsgist.pipeline import summarize as run

    methods.get(method)  # an unknown name fails here, before any input is read
    data = _read_input(file, IngestOptions(max_bytes=max_bytes))
    summary = run(data, method=method, sentences=sentences, max_bytes=max_bytes)
    click.echo(_render(summary, output_format))


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
@click.option("--sentences", "-k", default=3, show_default=True, type=click.IntRange(1, 50))
@click.option("--limit", type=click.IntRange(1), help="Evaluate at most this many records.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1))
@click.option("--seed", default=0, show_default=True, type=int, help="Bootstrap seed.")
@click.option("--bootstrap", default=1000, show_default=True, type=click.IntRange(10))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Markdown report.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="PNG bar chart.")
def evaluate(
    data: Path,
    specs: tuple[str, ...],
    sentences: int,
    limit: int | None,
    workers: int,
    seed: int,
    bootstrap: int,
    out: Path | None,
    json_path: Path | None,
    plot: Path | None,
) -> None:
    """Score methods with ROUGE against the reference highlights in DATA (JSONL)."""
    import json

    from newsgist.evaluate import evaluate as run
    from newsgist.evaluate import parse_method_spec, read_records
    from newsgist.evaluate.rouge import Rouge

    Rouge()  # a missing 'eval' extra fails here, before any work
    systems = dict(parse_method_spec(spec, sentences=sentences) for spec in specs or ("lead",))
    records, skipped = read_records(data, limit=limit)
    with _progress(len(records), "evaluating") as advance:
        report = run(
            records,
            systems,
            bootstrap=bootstrap,
            seed=seed,
            workers=workers,
            skipped=skipped,
            source=str(data),
            progress=advance,
        )
    markdown = report.to_markdown()
    click.echo(markdown)
    if out:
        out.write_text(markdown + "\n", encoding="utf-8")
    if json_path:
        json_path.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
    if plot:
        report.plot(plot)


@contextmanager
def _progress(total: int, what: str) -> Iterator[Callable[[], None]]:
    """Show a progress bar on an interactive stderr; yield the per-item callback."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda: bar.advance(task)


@cli.command("methods")
def list_methods() -> None:
    """List the summarization methods."""
    for name in methods.names():
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
    note = f"{_ORIGIN_NOTES[summary.headline_origin]}; method: {summary.method}"
    if output_format == "markdown":
        bullets = "\n".join(f"- {h.text}" for h in summary.highlights)
        return f"# {summary.headline}\n\n{bullets}\n\n*{note}*"
    bullets = "\n".join(f" • {h.text}" for h in summary.highlights)
    return f"{summary.headline}\n({note})\n\n{bullets}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``) and return its exit code."""
    try:
        cli.main(args=argv, prog_name="newsgist", standalone_mode=False)
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
    return 0
