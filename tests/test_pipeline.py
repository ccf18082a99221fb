import numpy as np
import pytest

import newsgist
from newsgist.errors import (
    EmptyInputError,
    InputTooLargeError,
    InvalidOptionError,
    MethodError,
    NoSentenceError,
    UnknownNameError,
)
from newsgist.ingest import load_text
from newsgist.models import Article, Sentence
from newsgist.select import SelectOptions
from tests.conftest import DATA


def test_example_page_summary(example_page):
    summary = newsgist.summarize(example_page, sentences=3)
    assert summary.method == "learned"
    assert summary.article.title == "Levee breach floods Marlow Bend, thousands flee"
    assert summary.headline_origin == "compress"
    assert 0 < len(summary.headline.split()) <= 12
    assert len(summary.highlights) == 3
    assert summary.article.credit == "Harlan Valley Press"
    assert len(summary.article.reference_highlights) == 3
    body = load_text(example_page).body
    for highlight in summary.highlights:
        assert len(highlight.sources) == len(highlight.spans) == 1
        start, end = highlight.spans[0]
        assert " ".join(body[start:end].split()) == highlight.text
        assert "Credit" not in highlight.text
    assert {"ingest", "segment", "score", "select", "headline", "total"} <= set(summary.timings)


def test_headline_is_generated_and_traced_to_its_sentence():
    text = "The ferry sank. All were saved. Divers found the wreck."
    summary = newsgist.summarize(text)
    assert summary.headline == "Ferry sank"
    assert summary.headline_origin == "compress"
    assert summary.headline_sources == (0,)
    assert summary.headline_spans == ((0, len("The ferry sank.")),)


def test_keep_title_uses_the_articles_own_title():
    article = Article(body="The ferry sank. All were saved.", title="Ferry lost")
    kept = newsgist.summarize(article, keep_title=True)
    assert (kept.headline, kept.headline_origin, kept.headline_sources) == (
        "Ferry lost",
        "title",
        (),
    )
    generated = newsgist.summarize(article)
    assert generated.headline == "Ferry sank"
    assert generated.article.title == "Ferry lost"
    untitled = newsgist.summarize("The ferry sank. All were saved.", keep_title=True)
    assert untitled.headline_origin == "compress"


def test_no_headline_when_none_is_asked_for():
    summary = newsgist.summarize("The ferry sank. All were saved.", headline=None)
    assert (summary.headline, summary.headline_origin, summary.headline_sources) == ("", "none", ())
    assert "headline" not in summary.timings
    assert [h.text for h in summary.highlights] == ["The ferry sank.", "All were saved."]


def test_short_article_gives_what_it_has():
    summary = newsgist.summarize("The ferry sank. All were saved.", sentences=4)
    assert [h.text for h in summary.highlights] == ["The ferry sank.", "All were saved."]
    assert len(newsgist.summarize("The ferry sank.").highlights) == 1


def test_article_objects_are_accepted():
    summary = newsgist.summarize(
        Article(body="One thing. Another thing.", title="Things"), sentences=1
    )
    assert summary.headline == "One thing"
    assert summary.article.title == "Things"
    assert [h.sources for h in summary.highlights] == [(0,)]


def test_bytes_are_accepted():
    assert newsgist.summarize("Café owners met. They agreed.".encode()).highlights


def test_html_pages_are_summarized_with_their_metadata():
    page = (DATA / "pages" / "harbour-gazette.html").read_bytes()
    summary = newsgist.summarize(page, keep_title=True)
    assert summary.headline == "Ferry firm halts night crossings after engine-room fire"
    assert summary.article.site == "The Harbour Gazette"
    assert summary.article.published == "2026-03-12"
    body = newsgist.load(page).body
    for highlight in summary.highlights:
        for start, end in highlight.spans:
            assert body[start:end] in highlight.text
        assert "Load more" not in highlight.text


def test_input_format_text_keeps_markup_as_text():
    summary = newsgist.summarize(
        "<p>The ferry sank.</p> All were saved.", input_format="text", headline=None
    )
    assert summary.highlights[0].text.startswith("<p>")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"source": ""}, EmptyInputError),
        ({"source": "The ferry sank.", "input_format": "pdf"}, InvalidOptionError),
        ({"source": "<html><body><nav>Home</nav></body></html>"}, EmptyInputError),
        ({"source": "!!! ??? ... --"}, NoSentenceError),
        ({"source": "The ferry sank.", "method": "nope"}, UnknownNameError),
        ({"source": "The ferry sank.", "headline": "nope"}, UnknownNameError),
        ({"source": "The ferry sank.", "headline_words": 0}, InvalidOptionError),
        ({"source": "The ferry sank.", "sentences": 0}, InvalidOptionError),
        ({"source": "The ferry sank. " * 100, "max_bytes": 100}, InputTooLargeError),
    ],
)
def test_bad_input_raises_under_one_root(kwargs, error):
    with pytest.raises(error) as info:
        newsgist.summarize(**kwargs)
    assert isinstance(info.value, newsgist.NewsgistError)


def test_custom_segmenter_is_used():
    def by_line(text):
        lines = text.split("\n")
        out, pos = [], 0
        for i, line in enumerate(lines):
            out.append(Sentence(i, line, pos, pos + len(line)))
            pos += len(line) + 1
        return out

    summary = newsgist.summarize(
        "a. b. c.\nsecond line.", segmenter=by_line, sentences=1, method="lead"
    )
    assert summary.highlights[0].text == "a. b. c."


@pytest.mark.parametrize("method", ["lead", "learned", "textrank", "lexrank", "centroid"])
@pytest.mark.parametrize("redundancy", ["none", "trigram", "mmr"])
@pytest.mark.parametrize("text", ["The ferry sank.", "The ferry sank. All forty were saved."])
def test_every_method_handles_tiny_articles(method, redundancy, text):
    from newsgist.select import SelectOptions

    summary = newsgist.summarize(
        text, method=method, options=SelectOptions(sentences=3, redundancy=redundancy)
    )
    assert 1 <= len(summary.highlights) <= text.count(".")


@pytest.mark.parametrize("method", ["textrank", "lexrank", "centroid"])
def test_results_are_deterministic(method, example_page):
    first = newsgist.summarize(example_page, method=method, words=80)
    again = newsgist.summarize(example_page, method=method, words=80)
    assert first.highlights == again.highlights
    assert sum(len(h.text.split()) for h in first.highlights) <= 80


def test_method_options_reach_the_method_and_bad_ones_are_named(example_page):
    linked = newsgist.summarize(example_page, method="lexrank", method_options={"threshold": 0.1})
    apart = newsgist.summarize(example_page, method="lexrank", method_options={"threshold": 0.99})
    assert len({round(s.score, 9) for s in apart.sentences}) == 1  # no edge: all alike
    assert len({s.score for s in linked.sentences}) > 1
    named = r"no option 'bogus'; its options: threshold \(number in \[0, 1\) or none\), damping"
    with pytest.raises(InvalidOptionError, match=named):
        newsgist.summarize(example_page, method="lexrank", method_options={"bogus": 1})
    with pytest.raises(InvalidOptionError, match=r"threshold .* not 'high'"):
        newsgist.summarize(example_page, method="lexrank", method_options={"threshold": "high"})
    with pytest.raises(InvalidOptionError, match="not both"):
        newsgist.summarize(example_page, sentences=2, options=newsgist.select.SelectOptions())


def test_a_body_past_the_segmented_prefix_is_read_up_to_a_line_break():
    from newsgist.pipeline import MAX_SEGMENTED_CHARS

    paragraph = "Crews worked through the night at the pumping station. " * 20
    body = "\n\n".join([paragraph.strip()] * (2 * MAX_SEGMENTED_CHARS // len(paragraph)))
    summary = newsgist.summarize(
        body,
        headline=None,
        max_bytes=10 * MAX_SEGMENTED_CHARS,
        options=SelectOptions(redundancy="none"),
    )
    ends = [end for h in summary.highlights for _, end in h.spans]
    assert len(summary.highlights) == 3
    assert max(ends) < MAX_SEGMENTED_CHARS


def test_no_sentence_in_the_segmented_prefix_is_refused_and_says_where():
    from newsgist.pipeline import MAX_SEGMENTED_CHARS

    body = "• " + " " * MAX_SEGMENTED_CHARS + "The river rose. It fell."
    with pytest.raises(NoSentenceError, match=r"the first [\d,]+ characters has no sentence"):
        newsgist.summarize(body, max_bytes=10 * MAX_SEGMENTED_CHARS)


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        (lambda n: np.full(n, np.nan), "not finite numbers"),
        (lambda n: np.zeros(n + 1), r"returned \(\d+,\) scores for \d+ sentences"),
        (lambda n: 1 / 0, "failed: ZeroDivisionError"),
    ],
)
def test_a_plugin_that_breaks_gives_a_method_error(example_page, scores, message):
    @newsgist.methods.register("test-broken")
    class Broken:
        def score(self, document):
            return scores(len(document.sentences))

    with pytest.raises(MethodError, match=message):
        newsgist.summarize(example_page, method="test-broken")


def test_a_body_of_many_short_lines_is_read_up_to_the_line_cap():
    from newsgist.pipeline import MAX_SEGMENTED_LINES

    body = "".join(f"Line {i} rose.\n" for i in range(3 * MAX_SEGMENTED_LINES))
    summary = newsgist.summarize(body, headline=None)
    assert summary.sentences[-1].index == MAX_SEGMENTED_LINES - 1
    assert body.count("\n", 0, summary.sentences[-1].end) == MAX_SEGMENTED_LINES - 1


def test_plugin_options_json_cannot_hold_still_summarize(example_page):
    @newsgist.methods.register("test-tagged")
    class Tagged:
        def __init__(self, *, tags=None):
            self.tags = tags

        def score(self, document):
            assert isinstance(self.tags, frozenset)  # reaches the method as given
            return np.arange(len(document.sentences), dtype=float)

    summary = newsgist.summarize(
        example_page, method="test-tagged", method_options={"tags": frozenset({"a"})}
    )
    assert summary.highlights


def test_summarize_reuses_one_pipeline_per_settings(example_page, monkeypatch):
    from collections import OrderedDict

    from newsgist import pipeline as pipeline_module

    built = []
    real = pipeline_module.make_pipeline

    def counting(*args, **kwargs):
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline_module, "_PIPELINES", OrderedDict())
    monkeypatch.setattr(pipeline_module, "make_pipeline", counting)
    for _ in range(3):
        newsgist.summarize(example_page, method="lead", sentences=2)
    newsgist.summarize(example_page, method="lead", sentences=1)
    assert len(built) == 2


def test_one_settings_object_whose_method_options_change_gets_a_new_pipeline():
    from newsgist.pipeline import shared_pipeline

    settings = newsgist.SummarizeOptions(method="textrank", method_options={"damping": 0.85})
    first = shared_pipeline(settings)
    assert shared_pipeline(settings) is first
    settings.method_options["damping"] = 0.5  # type: ignore[index]  # a caller's own dict
    changed = shared_pipeline(settings)
    assert changed is not first
    assert changed.summarizer.damping == 0.5  # type: ignore[attr-defined]


def test_a_plugins_list_option_changed_in_place_gets_a_new_pipeline():
    from newsgist.pipeline import shared_pipeline

    @newsgist.methods.register("test-weighted")
    class Weighted:
        def __init__(self, *, weights=None):
            self.weights = list(weights or [])

        def score(self, document):
            return np.zeros(len(document.sentences))

    settings = newsgist.SummarizeOptions(method="test-weighted", method_options={"weights": [1, 2]})
    first = shared_pipeline(settings)
    assert shared_pipeline(settings) is first
    settings.method_options["weights"][1] = 9
    assert shared_pipeline(settings).summarizer.weights == [1, 9]  # type: ignore[attr-defined]


def test_the_summary_says_which_thread_each_sentence_and_highlight_belongs_to():
    from tests.test_threads import STORY as TWO_THREADS

    summary = newsgist.summarize(TWO_THREADS, sentences=3)
    threads = [s.thread for s in summary.sentences]
    assert threads == [0] * 5 + [1] * 4
    assert [h.thread for h in summary.highlights] == [
        threads[h.sources[0]] for h in summary.highlights
    ]
    assert {h.thread for h in summary.highlights} == {0, 1}  # the default covers both threads
    data = summary.to_dict()
    assert [h["thread"] for h in data["highlights"]] == [h.thread for h in summary.highlights]
    assert [s["thread"] for s in data["sentences"]] == threads
    ignored = newsgist.summarize(TWO_THREADS, sentences=3, threads="ignore")
    assert {h.thread for h in ignored.highlights} == {None}  # not computed, not needed
    assert {s.thread for s in ignored.sentences} == {None}
    assert "threads" not in ignored.timings


def test_a_summary_runs_with_one_blas_thread_and_gives_the_setting_back(example_page):
    from threadpoolctl import ThreadpoolController

    blas = ThreadpoolController().select(user_api="blas")
    seen: list[int] = []

    @newsgist.methods.register("test-blas-threads")
    class Counting:
        def score(self, document):
            seen.extend(lib["num_threads"] for lib in blas.info())
            return np.arange(len(document.sentences), dtype=float)

    with blas.limit(limits=2):
        newsgist.summarize(example_page, method="test-blas-threads")
        after = [lib["num_threads"] for lib in blas.info()]
    assert seen
    assert set(seen) == {1}  # matrices of one article are too small for a second thread
    assert set(after) == {2}


def test_compressed_highlights_keep_exact_spans_of_their_sentence(example_page):
    whole = newsgist.summarize(example_page)
    short = newsgist.summarize(example_page, style="compressed")
    body = load_text(example_page).body
    assert [h.sources for h in short.highlights] == [h.sources for h in whole.highlights]
    for before, after in zip(whole.highlights, short.highlights, strict=True):
        (start, end) = before.spans[0]
        assert all(start <= a < b <= end for a, b in after.spans)
        kept = " ".join(body[a:b] for a, b in after.spans).split()
        assert _words(after.text.split()) == _words(kept)
        assert len(after.text.split()) <= len(before.text.split())
    assert "compress" in short.timings


def test_a_highlight_word_budget_holds_and_needs_the_compressed_style(example_page):
    summary = newsgist.summarize(example_page, style="compressed", highlight_words=8)
    assert all(len(h.text.split()) <= 8 for h in summary.highlights)
    with pytest.raises(InvalidOptionError, match="needs style 'compressed'"):
        newsgist.summarize(example_page, highlight_words=8)
    with pytest.raises(InvalidOptionError, match="style must be one of"):
        newsgist.summarize(example_page, style="bullets")


def _words(tokens: list[str]) -> list[str]:
    """Words without their edge marks; a kept comma on its own is no word."""
    return [t.strip(".,;:") for t in tokens if t.strip(".,;:")]
