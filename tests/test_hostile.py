"""Hostile text through the whole pipeline: a clean result or a clean refusal, bounded.

Each shape runs in a child process with an address-space limit and a deadline, so a
regression to exponential or quadratic time, or to memory proportional to sentences squared,
fails here instead of hanging the suite (issue 16). The bounds are generous ceilings for
inputs that took the old code minutes or gigabytes; speed targets live in
``benchmarks/adversarial.py``.
"""

import json
import subprocess
import sys
import textwrap

import pytest

_DEADLINE = 60
_MEMORY = 1_500 * 2**20

_CHILD = textwrap.dedent(
    """
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
    import newsgist
    text = {build}
    try:
        summary = newsgist.summarize(text, max_bytes=20_000_000, **{options})
        print(json.dumps({{"outcome": "ok", "highlights": len(summary.highlights)}}))
    except newsgist.NewsgistError as error:
        print(json.dumps({{"outcome": type(error).__name__}}))
    """
)


def _summarize_bounded(build: str, options: str = "{}") -> dict[str, object]:
    """Summarize the text built by the expression ``build`` in a bounded child process."""
    code = _CHILD.format(memory=_MEMORY, build=build, options=options)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=_DEADLINE
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {_DEADLINE} s: {build}")
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize(
    "build",
    [
        # the share-bar chrome rule backtracked exponentially: 26 words took 20 s
        "'The mayor said the river rose.\\n\\n' + ('share ' * 40).strip() + ' x.'",
        "'The mayor said the river rose.\\n\\n' + ('Share | ' * 60) + 'Email x.'",
        # words joined by thin spaces or vertical tabs: the token search went back each time
        "'\\u2009'.join(['woRd.'] * 100_000)",
        "'\\x0b'.join(['woRd.'] * 100_000)",
        # one long sentence of distinct capitalised words: the headline's surname check
        "'The ' + ' '.join(f'Zq{i:07d}x' for i in range(100_000)) + ' said.'",
        # numbered fragments with no letter: each candidate rescanned the whole run
        "'1. ' * 300_000",
        # a run of stops before a letter: each stop was a candidate rescanning the run
        "'It rose ' + '.' * 300_000 + 'x and fell.'",
        # sentences of unclosed quotation marks: each mark scanned to the sentence's end
        "' '.join(['“' * 4000 + ' x.'] * 60)",
        # a body that is one long word: the dateline patterns read all of it
        "'a' * 2_000_000 + ' rose.'",
        # one-word lines: every sentence was scored and given a feature row
        "'Go.\\n' * 300_000",
        "'He ran.\\n' * 200_000",
    ],
)
def test_hostile_text_is_summarized_in_bounded_time_and_memory(build):
    assert _summarize_bounded(build)["outcome"] == "ok"


def test_mmr_over_many_sentences_is_bounded():
    # 20,000 sentences: the dense similarity matrix alone was 3.2 GB
    build = "' '.join(f'Sentence number {i} is here.' for i in range(20_000))"
    options = "{'options': __import__('newsgist.select').select.SelectOptions(redundancy='mmr')}"
    assert _summarize_bounded(build, options)["outcome"] == "ok"


@pytest.mark.parametrize("build", ["'.'", "'!!! ???'", "'.' * 100_000", "'... -- ** !!'"])
def test_punctuation_only_text_is_refused_with_no_sentence_error(build):
    assert _summarize_bounded(build)["outcome"] == "NoSentenceError"
