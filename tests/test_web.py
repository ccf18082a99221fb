"""The web page in a real browser: Playwright driving Debian's chromium against a live server.

CI installs chromium (``.ci/run``) and sets ``NEWSGIST_REQUIRE_BROWSER=1``, so there a
missing browser fails the run instead of skipping it.
"""

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgist.server import create_app
from tests.conftest import ROOT

CHROMIUM = os.environ.get("NEWSGIST_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STORY = (ROOT / "examples" / "article-page.txt").read_text(encoding="utf-8")

if not Path(CHROMIUM).exists():
    if os.environ.get("NEWSGIST_REQUIRE_BROWSER"):
        raise RuntimeError(f"no browser at {CHROMIUM}; install Debian's chromium")
    pytest.skip(f"no browser at {CHROMIUM}", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The real app under uvicorn on a free loopback port, in a background thread."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(), log_level="warning", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not running.started:
        thread.join(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    running.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of any alert/confirm the page opens: an article must never open one."""
    return []


@pytest.fixture
def page(browser, server, dialogs) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.goto(server)
    yield opened
    context.close()


def summarize(page: Any, text: str) -> None:
    page.fill("#article", text)
    page.click("#summarize")
    page.wait_for_selector("#highlights li")


def test_paste_summarize_and_trace_each_highlight(page, tmp_path):
    summarize(page, STORY)
    headline = page.text_content("#headline")
    assert headline
    assert "Marlow Bend" in headline
    items = page.locator("#highlights button")
    assert items.count() == 3
    marks = page.locator("#article-view mark")
    assert marks.count() >= 3
    view = page.text_content("#article-view")
    for index in range(3):
        text = items.nth(index).text_content()
        assert text in view
        marked = page.locator(f'#article-view mark[data-highlight="{index}"]')
        assert marked.first.text_content() == text
    items.nth(2).click()
    third = page.locator('#article-view mark[data-highlight="2"]').first
    third.wait_for(state="visible")
    assert "flash" in (third.get_attribute("class") or "")
    page.wait_for_function(
        "() => { const m = document.querySelector('#article-view mark[data-highlight=\"2\"]');"
        " const r = m.getBoundingClientRect(); const v = document.querySelector('#article-view')"
        ".getBoundingClientRect(); return r.top >= v.top && r.bottom <= v.bottom; }"
    )
    shot = tmp_path / "newsgist-page.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_article_markup_is_shown_never_run(page, dialogs):
    hostile = (
        "The council met on Monday <script>window.__ran = 'script'; alert(1)</script> to vote. "
        "Residents protested <img src=x onerror=\"window.__ran = 'img'\"> outside the hall. "
        "The vote was <b onmouseover=\"window.__ran='b'\">postponed</b> until May."
    )
    summarize(page, hostile)
    page.hover("#article-view")
    assert page.evaluate("window.__ran") is None
    assert dialogs == []
    view = page.text_content("#article-view")
    assert "<script>window.__ran = 'script'; alert(1)</script>" in view
    assert "<img src=x onerror=\"window.__ran = 'img'\">" in view
    assert page.locator("#article-view script, #article-view img, #article-view b").count() == 0


def test_server_errors_are_shown(page):
    page.fill("#article", "!!! ??? ...")
    page.click("#summarize")
    page.wait_for_selector("#status.error")
    assert "letter or digit" in page.text_content("#status")


def test_compressed_highlights_mark_exactly_the_words_kept(page):
    page.check("#compressed")
    summarize(page, STORY)
    items = page.locator("#highlights button")
    assert items.count() == 3
    pieces = []
    for index in range(3):
        text = items.nth(index).text_content() or ""
        marks = page.locator(f'#article-view mark[data-highlight="{index}"]')
        pieces.append(marks.count())
        marked = " ".join(marks.nth(i).text_content() or "" for i in range(marks.count()))
        assert _words(marked.split()) == _words(text.split())
    assert max(pieces) > 1  # a cut inside a sentence: its words are marked in two runs


def _words(tokens: list[str]) -> list[str]:
    """Words without their edge marks; a kept comma on its own is no word."""
    return [t.strip(".,;:") for t in tokens if t.strip(".,;:")]


def test_the_facts_panel_lists_quotes_with_speakers_and_marks_a_name(page):
    story = (
        "Floodwater rose through Lumea on Tuesday, officials said. Mayor Irene Castellano"
        ' ordered 2,000 homes cleared.\n\n"We will rebuild every house," Castellano told'
        " reporters. The European Union sent $3 million in aid."
    )
    summarize(page, story)
    panel = page.locator("#facts")
    panel.wait_for(state="visible")
    text = panel.text_content() or ""
    assert "“We will rebuild every house” — Irene Castellano" in text
    assert "2,000 (homes cleared)" in text
    page.locator("#facts button", has_text="Irene Castellano").last.click()
    marks = page.locator("#article-view mark.fact")
    assert [marks.nth(i).text_content() for i in range(marks.count())] == [
        "Irene Castellano",
        "Castellano",
    ]
    page.locator("#highlights button").first.click()  # the highlights' marks come back
    assert page.locator('#article-view mark[data-highlight="0"]').count() >= 1
