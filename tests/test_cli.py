import json
import re
import subprocess
import sys

import pytest

from newsgist.cli import main
from newsgist.models import Summary
from tests.conftest import ROOT
from tests.httpserver import send, start

EXAMPLE = str(ROOT / "examples" / "article-page.txt")


def run_process(*args, stdin=b""):
    return subprocess.run(
        [sys.executable, "-m", "newsgist", *args], input=stdin, capture_output=True, check=False
    )


def assert_fails(capsys, args, message):
    """The CLI exits 2 with exactly one stderr line, which says ``message``."""
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert message in err[0]


def test_text_output_shows_headline_and_bullets(capsys):
    assert main(["summarize", EXAMPLE]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] != "Levee breach floods Marlow Bend, thousands flee"  # generated, not the title
    assert "Marlow Bend" in out[0]
    assert not out[0].endswith(".")
    assert "written by compress" in out[1]
    assert sum(line.startswith(" • ") for line in out) == 3


def test_keep_title_prints_the_pages_title(capsys):
    assert main(["summarize", EXAMPLE, "--keep-title"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Levee breach floods Marlow Bend, thousands flee"
    assert "page's own title" in out[1]


def test_headline_generator_and_budget_are_chosen(capsys):
    assert main(["summarize", EXAMPLE, "--headline", "first-words", "--headline-words", "4"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Floodwater poured through the"
    assert "written by first-words" in out[1]


def test_headlines_lists_the_registry(capsys):
    assert main(["headlines"]) == 0
    assert {"compress", "first-words"} <= set(capsys.readouterr().out.split())


def test_json_output_round_trips(capsys):
    assert main(["summarize", EXAMPLE, "--format", "json", "--sentences", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    summary = Summary.from_dict(data)
    assert len(summary.highlights) == 2
    assert summary.article.title == "Levee breach floods Marlow Bend, thousands flee"
    assert summary.article.credit == "Harlan Valley Press"
    assert len(summary.article.reference_highlights) == 3
    assert data["highlights"][0]["spans"][0][0] == 0


def test_markdown_output(capsys):
    assert main(["summarize", EXAMPLE, "--format", "markdown", "-k", "4"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    assert "Marlow Bend" in out.splitlines()[0]
    assert out.count("\n- ") == 4


def test_markdown_output_never_passes_markup_from_the_story(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(
        'Vandals wrote <img src=x onerror="alert(1)"> on the council website overnight. '
        "A second post read [claim your refund](javascript:alert(2)) in large type. "
        "Officials said **nobody** lost money and the site was restored by noon.\n",
        encoding="utf-8",
    )
    assert main(["summarize", str(story), "--format", "markdown", "--headline", "first-words"]) == 0
    out = capsys.readouterr().out
    assert "<img" not in out
    assert not re.search(r"(?<!\\)\]\(", out)  # no link: every ] is escaped
    assert "**nobody**" not in out
    assert '&lt;img src=x onerror="alert(1)"&gt;' in out
    assert "\\[claim your refund\\](javascript:alert(2))" in out


def test_methods_lists_the_registry(capsys):
    assert main(["methods"]) == 0
    assert "lead" in capsys.readouterr().out.split()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summarize", "does-not-exist.txt"], "no such file"),
        (["summarize", EXAMPLE, "--method", "nope"], "valid methods: centroid, lead"),
        (["summarize", EXAMPLE, "--sentences", "0"], "--sentences"),
        (["summarize", EXAMPLE, "--format", "yaml"], "--format"),
        (["summarize", EXAMPLE, "--max-bytes", "100"], "100-byte limit"),
        (["frobnicate"], "No such command"),
    ],
)
def test_errors_exit_2_with_one_line(capsys, args, message):
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("newsgist: error: ")
    assert message in lines[0]


def test_a_bug_in_newsgist_exits_70_with_one_line_and_no_traceback(capsys, monkeypatch):
    def broken(*_args, **_kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr("newsgist.pipeline.extract_facts", broken)
    assert main(["summarize", EXAMPLE]) == 70
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "newsgist: internal error (IndexError: list index out of range); please report it"
    ]


def test_directory_is_a_usage_error(capsys, tmp_path):
    assert main(["summarize", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (b"", "input is empty"),
        (b"   \n  ", "input is empty"),
        (b"\x7fELF\x00\x00binary", "binary"),
        (b"caf\xe9 au lait.", "not valid UTF-8"),
        (b"!!! ??? ...", "no sentence with a letter or digit"),
    ],
)
def test_bad_stdin_fails_cleanly_in_a_real_process(stdin, message):
    result = run_process("summarize", "-", stdin=stdin)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert message in err


def test_stdin_article_is_summarized():
    result = run_process("summarize", stdin=b"The ferry sank. All were saved. Divers found it.")
    assert result.returncode == 0
    assert " • The ferry sank." in result.stdout.decode()


def test_fifty_megabyte_input_is_refused_without_a_traceback(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        chunk = b"The council met again today. " * 35_000
        while stream.tell() < 50_000_000:
            stream.write(chunk)
    result = run_process("summarize", str(big))
    assert result.returncode == 2
    assert "5,000,000-byte limit" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_raised_size_limit_admits_a_large_input(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"The council met again today. " * 210_000)  # 6.1 MB
    assert run_process("summarize", str(big), "-k", "1").returncode == 2
    raised = run_process("summarize", str(big), "--max-bytes", "7000000", "-k", "1")
    assert raised.returncode == 0, raised.stderr.decode()


def test_evaluate_prints_table_and_writes_reports(capsys, tmp_path):
    data = str(ROOT / "tests" / "data" / "eval_records.jsonl")
    args = ["evaluate", data, "-m", "lead", "-m", "lead:1", "--bootstrap", "50"]
    args += ["--output", str(tmp_path / "r.md"), "--json", str(tmp_path / "r.json")]
    args += ["--plot", str(tmp_path / "r.png")]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "| lead (baseline) |" in out
    assert "| lead:1 |" in out
    assert (tmp_path / "r.md").read_text().strip() == out.strip()
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["evaluated"] == 5
    # the records have titles, so headlines are scored too, first-words as the baseline
    assert "## Headlines" in out
    assert "| first-words (baseline) |" in out
    assert "| compress |" in out
    assert report["headlines"]["reference"] == "title"
    assert [s["label"] for s in report["headlines"]["systems"]] == ["first-words", "compress"]
    assert (tmp_path / "r.png").stat().st_size > 1000


def test_evaluate_chooses_headline_generators(capsys):
    data = str(ROOT / "tests" / "data" / "eval_records.jsonl")
    args = ["evaluate", data, "--bootstrap", "20", "--headline", "compress"]
    assert main([*args, "--headline-words", "6"]) == 0
    out = capsys.readouterr().out
    assert "| compress (baseline) |" in out
    assert "first-words" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["evaluate", "missing.jsonl"], "no such file"),
        (["evaluate", EXAMPLE, "--method", "lead"], "no records left"),
        (["evaluate", EXAMPLE, "--method", "nope"], "valid methods"),
        (["evaluate", EXAMPLE, "--method", "lead:zero"], "must be an integer"),
        (["evaluate", EXAMPLE, "--headline", "nope"], "valid headline generators"),
    ],
)
def test_evaluate_errors_exit_2(capsys, args, message):
    assert_fails(capsys, args, message)


def test_selection_and_method_options(capsys):
    args = ["summarize", EXAMPLE, "-m", "lexrank", "--words", "60", "--redundancy", "mmr"]
    assert main([*args, "--method-option", "threshold=0.1", "--format", "json"]) == 0
    highlights = json.loads(capsys.readouterr().out)["highlights"]
    assert sum(len(h["text"].split()) for h in highlights) <= 60
    args = ["summarize", EXAMPLE, "-m", "textrank", "--format", "json"]
    assert main([*args, "--position-weight", "1"]) == 0  # the position prior alone: the lead
    chosen = [h["sources"] for h in json.loads(capsys.readouterr().out)["highlights"]]
    assert chosen == [[0], [1], [2]]
    assert main(args) == 0
    assert [h["sources"] for h in json.loads(capsys.readouterr().out)["highlights"]] != chosen


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-k", "2", "--words", "40"], "not both"),
        (["--method-option", "threshold"], "KEY=VALUE"),
        (
            ["-m", "lexrank", "--method-option", "bogus=1"],
            "its options: threshold (number in [0, 1) or none), damping",
        ),
        (
            ["-m", "lexrank", "--method-option", "threshold=2"],
            "threshold (number in [0, 1) or none): not 2",
        ),
        (["--words", "2"], "no sentence fits in 2 words"),
        (["--redundancy", "often"], "--redundancy"),
    ],
)
def test_bad_selection_options_exit_2(capsys, args, message):
    assert_fails(capsys, ["summarize", EXAMPLE, *args], message)


def test_evaluate_takes_selection_options(capsys):
    data = str(ROOT / "tests" / "data" / "eval_records.jsonl")
    args = ["evaluate", data, "-m", "lead", "-m", "textrank", "--words", "40", "--bootstrap", "20"]
    assert main([*args, "--redundancy", "trigram"]) == 0
    assert "| textrank |" in capsys.readouterr().out


def _training_file(path, count=40):
    from tests.methods.learned.test_train import _records

    with path.open("w", encoding="utf-8") as out:
        for record in _records(count, seed=5):
            out.write(json.dumps({"article": record.article, "highlights": record.highlights}))
            out.write("\n")
        out.write("not json\n")
    return path


def test_train_then_summarize_and_evaluate_with_the_model(capsys, tmp_path):
    data = _training_file(tmp_path / "house.jsonl")
    model = tmp_path / "house.npz"
    assert (
        main(["train", f"{data}:30", str(data), "--iterations", "20", "--output", str(model)]) == 0
    )
    captured = capsys.readouterr()
    assert "trained on 70 articles" in captured.out
    assert "1 lines skipped" in captured.out
    assert main(["summarize", EXAMPLE, "--model", str(model), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["method"] == "learned"
    args = ["evaluate", str(data), "-m", "lead", "-m", "learned", "--model", str(model)]
    report = tmp_path / "r.json"
    assert main([*args, "--skip", "35", "--bootstrap", "20", "--json", str(report)]) == 0
    assert json.loads(report.read_text())["evaluated"] == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summarize", EXAMPLE, "--model", "missing.npz"], "model file missing.npz: no such file"),
        (["summarize", EXAMPLE, "--model", EXAMPLE], "not a readable model file"),
        (
            ["summarize", EXAMPLE, "-m", "lead", "--model", EXAMPLE],
            "has no option 'model'; its options: (none)",
        ),
        (["train", "missing.jsonl", "-o", "m.npz"], "no such file"),
        (["train", EXAMPLE, "-o", "m.npz"], "no usable training records"),
    ],
)
def test_model_errors_exit_2(capsys, args, message):
    assert_fails(capsys, args, message)


def _batch_input(tmp_path, *, bad=False):
    lines = [
        json.dumps({"id": "ferry", "article": "The ferry sank. All were saved. Divers found it."}),
        json.dumps({"id": "bridge", "article": "The bridge reopened. Traffic flowed. Tolls rose."}),
    ]
    if bad:
        lines.insert(1, '{"id": "cut off", "article": ')
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_writes_records_and_ends_with_one_counting_line(capsys, tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(_batch_input(tmp_path)), "-o", str(out), "--workers", "1"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["ferry", "bridge"]
    assert records[0]["highlights"][0]["text"] == "The ferry sank."
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1  # stderr is not a terminal: no progress bar, only the last line
    assert err[0].startswith("newsgist: 2 ok, 0 failed (2 records) in ")
    assert "articles/s" in err[0]


def test_batch_exits_1_when_some_records_fail(capsys, tmp_path):
    args = ["batch", str(_batch_input(tmp_path, bad=True)), "-o", "-", "--workers", "1"]
    assert main(args) == 1
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert records[1] == {
        "id": None,
        "line": 2,
        "error": {"type": "InvalidRecordError", "message": records[1]["error"]["message"]},
    }
    assert "2 ok, 1 failed" in captured.err


def test_batch_takes_summarize_options(capsys, tmp_path):
    args = ["batch", str(_batch_input(tmp_path)), "-o", "-", "--workers", "1"]
    assert main([*args, "-m", "lead", "-k", "1", "--method-option", "unused=1"]) == 2
    assert "has no option 'unused'" in capsys.readouterr().err
    assert main([*args, "-m", "lead", "-k", "1", "--headline-words", "2"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert len(first["highlights"]) == 1
    assert len(first["headline"].split()) <= 2


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--engine", "spark"], "--engine"),
        (["--address", "auto"], "--address is for --engine ray"),
        (["--workers", "0"], "--workers"),
        (["-m", "nope"], "valid methods"),
        (["-o", "-", "--resume"], "needs an output file"),
    ],
)
def test_batch_usage_errors_exit_2(capsys, tmp_path, extra, message):
    args = ["batch", str(_batch_input(tmp_path)), "-o", str(tmp_path / "o.jsonl"), *extra]
    assert_fails(capsys, args, message)
    assert not (tmp_path / "o.jsonl").exists()


def test_batch_missing_input_exits_2(capsys, tmp_path):
    assert_fails(capsys, ["batch", str(tmp_path / "none.jsonl"), "-o", "-"], "no such file")


def test_batch_shows_progress_on_a_terminal(tmp_path):
    import os
    import pty

    source = tmp_path / "in.jsonl"
    article = "The ferry sank. All were saved. Divers found it. The owner spoke."
    source.write_text(
        "".join(json.dumps({"id": i, "article": article}) + "\n" for i in range(3000)),
        encoding="utf-8",
    )
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "160", "TERM": "xterm"}
    run = subprocess.Popen(
        [sys.executable, "-m", "newsgist", "batch", str(source), "-o", str(tmp_path / "o.jsonl")],
        stderr=follower,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed: the run is over
            break
        if not data:
            break
        seen += data
    os.close(leader)
    assert run.wait() == 0
    text = seen.decode("utf-8", "replace")
    assert "summarizing" in text
    assert "articles/s" in text
    assert "3,000 ok, 0 failed" in text


PAGES = ROOT / "tests" / "data" / "pages"


@pytest.fixture(scope="module")
def site():
    routes = {
        "/story": lambda h: send(h, (PAGES / "le-quotidien-du-lac.html").read_bytes()),
        "/moved": lambda h: send(h, b"", None, 301, {"Location": "/story"}),
        "/to-metadata": lambda h: send(h, b"", None, 302, {"Location": "http://169.254.169.254/"}),
        "/photo": lambda h: send(h, b"\x89PNG", "image/png"),
    }
    yield from start("127.0.0.1", routes)


def test_html_file_summarizes_with_metadata_in_json(capsys):
    assert main(["summarize", str(PAGES / "harbour-gazette.html"), "--format", "json"]) == 0
    article = json.loads(capsys.readouterr().out)["article"]
    assert article["title"] == "Ferry firm halts night crossings after engine-room fire"
    assert article["byline"] == "Morag Lindsay"
    assert article["published"] == "2026-03-12"
    assert article["site"] == "The Harbour Gazette"
    assert article["language"] == "en-GB"
    assert article["url"].startswith("https://www.harbourgazette.example/news/")


def test_html_on_stdin_is_detected():
    done = run_process(
        "summarize", "--format", "json", stdin=(PAGES / "valley-courier.html").read_bytes()
    )
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)["article"]
    assert article["title"] == "Vineyard co-operative wins €2m grant for flood defences"
    assert article["site"] == "Valley Courier"


def test_input_text_reads_an_html_file_as_text(capsys, tmp_path):
    page = tmp_path / "note.html"
    page.write_text("The <b>ferry</b> sank. All were saved.", encoding="utf-8")
    assert main(["summarize", str(page), "--format", "json"]) == 0
    assert "<b>" not in capsys.readouterr().out
    assert main(["summarize", str(page), "--format", "json", "--input", "text"]) == 0
    assert "<b>ferry</b>" in capsys.readouterr().out


def test_url_summarizes_end_to_end(capsys, site):
    args = [
        "summarize",
        f"{site.base}/moved",
        "--format",
        "json",
        "--allow-network",
        "127.0.0.1/32",
    ]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert (
        data["article"]["title"]
        == "La piscine municipale rouvrira en juin après deux ans de travaux"
    )
    assert data["article"]["language"] == "fr"
    assert len(data["highlights"]) == 3
    assert site.agents[-1].startswith("newsgist/")


@pytest.mark.parametrize(
    ("path", "extra", "message"),
    [
        ("/story", [], "127.0.0.1 is not a public address"),
        ("/to-metadata", ["--allow-network", "127.0.0.1/32"], "169.254.169.254 is not a public"),
        ("/photo", ["--allow-private"], "image/png, not an HTML page"),
        ("/missing", ["--allow-private"], "answered HTTP 404"),
        ("/story", ["--allow-private", "--max-bytes", "100"], "over the 100-byte limit"),
        ("/story", ["--allow-network", "not-a-net"], "allow_networks"),
    ],
)
def test_url_errors_exit_2_with_one_line(capsys, site, path, extra, message):
    assert_fails(capsys, ["summarize", f"{site.base}{path}", *extra], message)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://news.example/story", "only http and https"),
        pytest.param(
            "http://no-such-host.invalid/story",
            "could not resolve host no-such-host.invalid",
            marks=pytest.mark.dns,
        ),
    ],
)
def test_bad_urls_exit_2_with_one_line(capsys, url, message):
    assert_fails(capsys, ["summarize", url], message)


def test_serve_refuses_a_short_token_before_listening(capsys, tmp_path):
    token = tmp_path / "token"
    token.write_text("short\n")
    assert_fails(capsys, ["serve", "--token-file", str(token)], "at least 16 characters")


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_highlights_only_print_no_empty_headline(capsys, output_format):
    assert main(["summarize", EXAMPLE, "--headline", "none", "--format", output_format]) == 0
    out = capsys.readouterr().out
    assert not out.startswith(("\n", "# \n"))
    assert "headline: none asked for" in out
    assert out.count("Floodwater") == 1  # the first highlight, not also a headline


def test_evaluate_checks_method_options_against_each_method(capsys):
    data = str(ROOT / "tests" / "data" / "eval_records.jsonl")
    args = [
        "evaluate",
        data,
        "-m",
        "textrank",
        "--method-option",
        "damping=0.9",
        "--bootstrap",
        "20",
    ]
    assert main(args) == 0
    assert "textrank" in capsys.readouterr().out
    lead = ["evaluate", data, "-m", "lead", "--method-option", "damping=0.9"]
    assert_fails(capsys, lead, "method 'lead' has no option")


def test_serve_refuses_an_empty_token_file(capsys, tmp_path):
    empty = tmp_path / "token"
    empty.write_text("\n", encoding="utf-8")
    assert_fails(capsys, ["serve", "--token-file", str(empty)], "is empty")


def test_compressed_highlights_from_the_cli(capsys):
    assert main(["summarize", EXAMPLE, "--style", "compressed", "--highlight-words", "10"]) == 0
    bullets = [line for line in capsys.readouterr().out.splitlines() if line.startswith(" • ")]
    assert len(bullets) == 3
    assert all(len(line[3:].split()) <= 10 for line in bullets)


def test_a_highlight_budget_without_compression_is_refused(capsys):
    assert_fails(capsys, ["summarize", EXAMPLE, "--highlight-words", "10"], "needs style")
