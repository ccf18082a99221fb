"""The multi-thread development set (benchmarks/threads/stories.jsonl) and its thread mapping."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import newsgist
from newsgist.models import Highlight
from newsgist.segment import segment

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "threads.py"


def _load() -> ModuleType:
    """Import the script by path, with its sibling benchmark modules importable."""
    folder = str(SCRIPT.parent)
    sys.path.insert(0, folder)
    try:
        spec = importlib.util.spec_from_file_location("threads", SCRIPT)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(folder)
    return module


threads = _load()
STORIES = threads.read_stories(threads.STORIES)
ENDS_SENTENCE = re.compile(r"[.!?][\"'”’]?$")


def test_every_line_is_one_story_with_every_field():
    lines = threads.STORIES.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(STORIES)
    for line in lines:
        data = json.loads(line)
        assert set(data) == {"id", "title", "highlights", "threads", "paragraphs"}
        assert all(set(p) == {"thread", "text"} for p in data["paragraphs"])


def test_there_are_at_least_12_stories_with_unique_ids():
    assert len(STORIES) >= 12
    assert len({story.id for story in STORIES}) == len(STORIES)


def test_there_are_about_40_threads():
    assert sum(len(story.threads) for story in STORIES) >= 40


@pytest.mark.parametrize("story", STORIES, ids=lambda story: story.id)
def test_story_has_3_or_4_threads_each_with_a_paragraph(story):
    assert 3 <= len(story.threads) <= 4
    assert set(story.labels) == set(story.threads)


@pytest.mark.parametrize("story", STORIES, ids=lambda story: story.id)
def test_story_has_3_or_4_short_highlights(story):
    assert 3 <= len(story.highlights) <= 4
    assert all(8 <= len(h.split()) <= 20 for h in story.highlights)


@pytest.mark.parametrize("story", STORIES, ids=lambda story: story.id)
def test_story_is_400_to_900_words(story):
    assert 400 <= len(story.article.split()) <= 900


@pytest.mark.parametrize("story", STORIES, ids=lambda story: story.id)
def test_story_interleaves_its_threads(story):
    runs = [label for label, _ in itertools.groupby(story.labels)]
    assert len(runs) > len(set(runs)), "no thread comes back after another one"


@pytest.mark.parametrize("story", STORIES, ids=lambda story: story.id)
def test_story_has_a_late_secondary_thread(story):
    first = {label: story.labels.index(label) for label in story.threads}
    assert max(first.values()) >= len(story.labels) * 2 // 3


@pytest.mark.parametrize("story", STORIES, ids=lambda story: story.id)
def test_paragraphs_are_1_to_3_whole_sentences(story):
    for text in story.paragraphs:
        sentences = segment(text)
        assert 1 <= len(sentences) <= 3, text
        assert all(ENDS_SENTENCE.search(s.text) for s in sentences), text


@pytest.mark.parametrize("story", STORIES, ids=lambda story: story.id)
def test_ingest_keeps_one_body_paragraph_per_label(story):
    body = newsgist.load(story.article).body
    assert len(threads.paragraph_starts(body)) == len(story.labels)


def _tiny_story() -> tuple[str, list[str]]:
    """A three-paragraph story with a dateline that ingest moves out of the body."""
    paragraphs = [
        "OSLIN, Varda — A flood cut the town in two on Monday. Two bridges fell.",
        '"We lost everything," said the mayor, Ana Brekke.',
        "Insurers said claims could reach 40 million crowns.",
    ]
    return "\n\n".join(paragraphs), ["flood", "reaction", "insurance"]


def test_highlights_map_to_the_thread_of_their_paragraph():
    text, labels = _tiny_story()
    body = newsgist.load(text).body
    assert body.startswith("A flood")
    sentences = segment(body)
    chosen = [sentences[1], sentences[2], sentences[3]]
    highlights = [Highlight.from_sentences([s]) for s in chosen]
    assert threads.highlight_threads(body, labels, highlights) == labels


def test_a_summary_maps_through_its_article_body():
    text, labels = _tiny_story()
    article = newsgist.load(text)
    summary = newsgist.summarize(article, method="lead", sentences=3, headline=None)
    assert threads.highlight_threads(article.body, labels, summary.highlights) == [
        "flood",
        "flood",
        "reaction",
    ]


def test_mapping_refuses_a_body_whose_paragraphs_do_not_match_the_labels():
    text, labels = _tiny_story()
    with pytest.raises(ValueError, match="3 paragraphs but 2 labels"):
        threads.highlight_threads(newsgist.load(text).body, labels[:2], [])


def test_mapping_refuses_a_highlight_without_spans():
    text, labels = _tiny_story()
    with pytest.raises(ValueError, match="without spans"):
        threads.highlight_threads(newsgist.load(text).body, labels, [Highlight("x", (0,))])


def test_quick_run_prints_coverage_tables(tmp_path, capsys):
    assert (
        threads.main(["--quick", "--methods", "lead:3", "--example", str(tmp_path / "absent.txt")])
        == 0
    )
    out = capsys.readouterr().out
    assert "| lead:3 | 3 / 9 | 33% | 3 / 3 |" in out
    assert "| lead:4 |" in out
