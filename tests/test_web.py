"""The web page in a real browser: Playwright driving Debian's chromium against a live server.

CI installs chromium (``.ci/run``) and sets ``NEWSGIST_REQUIRE_BROWSER=1``, so there a
missing browser fails the run instead of skipping it. Screenshots (desktop and phone) are
saved under each test's temporary directory and their paths printed (``pytest -s``).
"""

import json
import os
import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from newsgist.ingest.fetch import FetchOptions
from newsgist.server import ServerSettings, create_app
from tests.conftest import ROOT
from tests.httpserver import Server, send, start

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
PAGE = """<!DOCTYPE html><html><head><title>Ferry Halvard runs aground off Skerne | Coast Herald</title>
<meta property="og:site_name" content="Coast Herald"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferry Halvard runs aground off Skerne</h1>
<p>The passenger ferry Halvard ran aground on a sandbank off the island of Skerne on Friday
evening, leaving 212 passengers stranded for six hours before tugs pulled it free.</p>
<p>The coastguard said no one was hurt, but three passengers were taken to hospital in
Porthmaw as a precaution after complaining of the cold.</p>
<p>The ferry's operator, Northsea Lines, said the captain had reported a steering fault
minutes before the ship left the channel.</p>
<p>"We will find out exactly what failed, and we will tell our passengers," said Ruth Callan,
the company's operations director.</p>
<p>Islanders have warned for years that the channel is too shallow at low tide, and the
harbour board had planned to dredge it next spring at a cost of 4 million pounds.</p>
</article><footer>Subscribe to the Coast Herald newsletter</footer></body></html>"""
"""A news page the team wrote: chrome around a five-paragraph story."""


if not Path(CHROMIUM).exists():
    if os.environ.get("NEWSGIST_REQUIRE_BROWSER"):
        raise RuntimeError(f"no browser at {CHROMIUM}; install Debian's chromium")
    pytest.skip(f"no browser at {CHROMIUM}", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The real app under uvicorn on a free loopback port, in a background thread.

    It may fetch loopback URLs, so a URL test can serve its page from this machine.
    """
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    app = create_app(ServerSettings(fetch=FetchOptions(allow_private=True)))
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not running.started:
        thread.join(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    running.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def newsroom() -> Iterator[Server]:
    """A site serving ``PAGE`` at /story."""
    yield from start("127.0.0.1", {"/story": lambda handler: send(handler, PAGE.encode())})


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


def open_page(browser: Any, url: str, dialogs: list[str], width: int = 1280) -> Any:
    """A fresh browser context (clipboard allowed) showing ``url``; script errors fail."""
    context = browser.new_context(
        viewport={"width": width, "height": 900 if width > 600 else 844},
        permissions=["clipboard-read", "clipboard-write"],
    )
    opened = context.new_page()

    def dialog_opened(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", dialog_opened)
    opened.on("pageerror", lambda error: dialogs.extend([f"script error: {error}"]))
    opened.goto(url)
    return opened


@pytest.fixture
def page(browser, server, dialogs) -> Iterator[Any]:
    opened = open_page(browser, server, dialogs)
    yield opened
    opened.context.close()
    assert not [d for d in dialogs if d.startswith("script error")]


def summarize(page: Any, text: str) -> dict[str, Any]:
    """Paste ``text``, press Summarize, and return the server's JSON reply."""
    page.fill("#article", text)
    with page.expect_response("**/v1/summarize") as answer:
        page.click("#summarize")
    page.wait_for_selector("#highlights li")
    reply: dict[str, Any] = answer.value.json()
    return reply


def clipboard(page: Any) -> str:
    text: str = page.evaluate("navigator.clipboard.readText()")
    return text


def marks_of(page: Any, index: int) -> Any:
    return page.locator(f'#article-view mark[data-highlight="{index}"]')


def test_each_highlight_and_its_source_share_a_number_and_colour(page, tmp_path):
    reply = summarize(page, STORY)
    assert "Marlow Bend" in (page.text_content("#headline") or "")
    items = page.locator("#highlights li")
    assert items.count() == len(reply["highlights"]) == 3
    view = page.text_content("#article-view") or ""
    colours = set()
    for index, highlight in enumerate(reply["highlights"]):
        item = items.nth(index)
        assert item.locator(".num").text_content() == str(index + 1)
        assert item.locator(".say").text_content() == highlight["text"] in view
        marks = marks_of(page, index)
        assert marks.count() == len(highlight["spans"])
        first = marks.first
        assert first.get_attribute("data-first") == ""
        assert first.get_attribute("data-n") == str(index + 1)
        badge = page.evaluate(
            "m => getComputedStyle(m, '::before').content", first.element_handle()
        )
        assert badge == f'"{index + 1}"'  # the number shows on the mark itself
        colour = first.evaluate("m => getComputedStyle(m).backgroundColor")
        number = item.locator(".num").evaluate("n => getComputedStyle(n).backgroundColor")
        assert colour == number
        colours.add(colour)
    assert len(colours) == 3
    items.nth(2).locator(".say").click()
    third = marks_of(page, 2).first
    assert "flash" in (third.get_attribute("class") or "")
    page.wait_for_function(
        "() => { const m = document.querySelector('#article-view mark[data-highlight=\"2\"]');"
        " const r = m.getBoundingClientRect(); const v = document.querySelector('#article-view')"
        ".getBoundingClientRect(); return r.top >= v.top && r.bottom <= v.bottom; }"
    )
    shot = tmp_path / "newsgist-desktop.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"screenshot (desktop): {shot}")


def test_compressed_highlights_mark_exactly_the_words_kept(page):
    page.select_option("#style", "compressed")
    reply = summarize(page, STORY)
    pieces = []
    for index, highlight in enumerate(reply["highlights"]):
        marks = marks_of(page, index)
        pieces.append(marks.count())
        marked = " ".join(marks.nth(i).text_content() or "" for i in range(marks.count()))
        assert _words(marked.split()) == _words(highlight["text"].split())
    assert max(pieces) > 1  # a cut inside a sentence: its words are marked in two runs


def _words(tokens: list[str]) -> list[str]:
    """Words without their edge marks; a kept comma on its own is no word."""
    return [t.strip(".,;:") for t in tokens if t.strip(".,;:")]


def test_copy_the_headline_a_bullet_and_all_as_markdown_or_text(page):
    reply = summarize(page, STORY)
    headline, bullets = reply["headline"], [h["text"] for h in reply["highlights"]]
    page.click("#copy-headline")
    assert clipboard(page) == headline
    assert page.text_content("#copy-headline") == "Copied"
    page.get_by_role("button", name="Copy highlight 2").click()
    assert clipboard(page) == bullets[1]
    page.click("#copy-text")
    page.click("#copy-text")  # twice at once: the label still comes back
    assert clipboard(page) == headline + "\n\n" + "".join(f"• {b}\n" for b in bullets)
    sync_api.expect(page.locator("#copy-text")).to_have_text("Copy all as text")
    page.click("#copy-markdown")
    copied = clipboard(page)
    assert copied.startswith(f"# {headline}\n\n- ")
    assert copied.count("\n- ") == 3
    assert "4:15 a.m." in copied


def test_the_controls_are_sent_and_kept_in_the_address(page, browser, server, dialogs):
    page.fill("#count", "4")
    page.select_option("#style", "compressed")
    page.uncheck("#headline-on")
    assert page.is_disabled("#keep-title")  # no headline: no title to keep
    page.fill("#article", STORY)
    with page.expect_request("**/v1/summarize") as sent:
        page.click("#summarize")
    request = json.loads(sent.value.post_data)
    assert request["sentences"] == 4
    assert request["style"] == "compressed"
    assert request["headline"] is None
    page.wait_for_selector("#highlights li")
    assert page.locator("#highlights li").count() == 4
    assert not page.is_visible("#headline")
    assert page.text_content("#headline-origin") == "No headline asked for."
    query = parse_qs(urlsplit(page.url).query)
    assert query["highlights"] == ["4"]
    assert query["style"] == ["compressed"]
    assert query["headline"] == ["0"]
    shared = open_page(browser, page.url, dialogs)  # the same view, opened from the address
    assert shared.input_value("#count") == "4"
    assert shared.input_value("#style") == "compressed"
    assert not shared.is_checked("#headline-on")
    shared.context.close()


def test_a_word_budget_replaces_the_highlight_count(page):
    page.select_option("#unit", "words")
    assert page.input_value("#count") == "60"  # the unit's own default
    page.fill("#count", "45")
    page.fill("#article", STORY)
    with page.expect_request("**/v1/summarize") as sent:
        page.click("#summarize")
    request = json.loads(sent.value.post_data)
    assert request["words"] == 45
    assert "sentences" not in request
    page.wait_for_selector("#highlights li")
    shown = page.locator("#highlights .say").all_text_contents()
    assert 1 <= len(shown) < 3
    assert sum(len(text.split()) for text in shown) <= 45
    assert parse_qs(urlsplit(page.url).query)["words"] == ["45"]


@pytest.mark.parametrize(
    ("unit", "value", "message"),
    [
        ("sentences", "11", "Highlights must be a whole number from 1 to 10."),
        ("sentences", "0", "Highlights must be a whole number from 1 to 10."),
        ("sentences", "2.5", "Highlights must be a whole number from 1 to 10."),
        ("words", "5", "Words in all must be a whole number from 10 to 500."),
    ],
)
def test_out_of_range_lengths_are_explained_and_not_sent(page, unit, value, message):
    summarize(page, STORY)  # a result first: it must not stay beside the message
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.select_option("#unit", unit)
    page.fill("#count", value)
    assert page.text_content("#count-error") == message
    assert page.get_attribute("#count", "aria-invalid") == "true"
    page.click("#summarize")
    assert page.text_content("#status") == message
    assert not page.is_visible("#result")
    assert page.locator("#highlights li").count() == 0
    assert not [url for url in requests if url.endswith("/v1/summarize")]
    page.fill("#count", "3" if unit == "sentences" else "40")
    assert not page.is_visible("#count-error")


def test_an_error_after_a_result_clears_it_and_names_the_request(page):
    summarize(page, STORY)
    page.fill("#article", "!!! ??? ...")
    page.click("#summarize")
    page.wait_for_selector("#status.error")
    status = page.text_content("#status") or ""
    assert "letter or digit" in status
    assert re.search(r"\(request [0-9a-f]{16}\)$", status)
    assert not page.is_visible("#result")
    assert page.locator("#highlights li, #article-view mark").count() == 0


def test_threads_show_which_highlight_comes_from_which(page):
    reply = summarize(page, STORY)
    threads = {s["thread"] for s in reply["sentences"] if s["thread"] is not None}
    assert len(threads) >= 2
    assert page.text_content("#threads h3") == f"Threads of the story: {len(threads)}"
    for index, highlight in enumerate(reply["highlights"]):
        item = page.locator(f'#threads li[data-thread="{highlight["thread"]}"]')
        assert item.locator(".num", has_text=str(index + 1)).count() == 1
        chip = page.locator("#highlights li").nth(index).locator(".thread")
        assert chip.text_content() == f"thread {highlight['thread'] + 1}"
    unused = threads - {h["thread"] for h in reply["highlights"]}
    for thread in unused:
        assert "no highlight" in (page.text_content(f'#threads li[data-thread="{thread}"]') or "")


def test_the_headline_says_where_it_came_from_and_shows_it(page):
    reply = summarize(page, STORY)
    origin = page.text_content("#headline-origin") or ""
    assert origin.startswith(f"Headline: written by {reply['headline_origin']} from sentence 1.")
    page.click("#show-headline-source")
    marks = page.locator("#article-view mark.headline-source")
    (start, end), *_ = reply["headline_spans"]
    body = reply["body"]
    assert marks.first.text_content() == body[start:end]
    page.check("#keep-title")
    summarize(page, STORY)
    assert page.text_content("#headline") == "Levee breach floods Marlow Bend, thousands flee"
    assert page.text_content("#headline-origin") == "Headline: the page's own title."


def test_the_facts_panel_lists_quotes_figures_and_names_and_marks_them(page):
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
    assert "European Union" in text
    assert "Keywords: " in text
    assert re.search(r"1 min read · \d+ words", text)
    page.locator("#facts button", has_text="Irene Castellano").last.click()
    marks = page.locator("#article-view mark.fact")
    assert [marks.nth(i).text_content() for i in range(marks.count())] == [
        "Irene Castellano",
        "Castellano",
    ]
    page.locator("#facts button", has_text="2,000").click()
    assert page.locator("#article-view mark.fact").all_text_contents() == ["2,000"]
    page.locator("#highlights .say").first.click()  # the highlights' marks come back
    assert marks_of(page, 0).count() >= 1
    page.click("#facts summary")  # the panel folds away
    assert not page.is_visible("#fact-list")


def test_an_html_page_is_read_without_its_chrome(page):
    page.check("input[name=mode][value=html]")
    reply = summarize(page, PAGE)
    assert "Halvard" in reply["headline"]
    view = page.text_content("#article-view") or ""
    assert "212 passengers" in view
    assert "Subscribe" not in view
    assert "Sport" not in view


def test_a_url_is_fetched_and_a_shared_address_summarizes_it(page, newsroom, browser, dialogs):
    story = f"{newsroom.base}/story"
    page.check("input[name=mode][value=url]")
    assert page.is_visible("#url")
    assert not page.is_visible("#article")
    page.fill("#url", story)
    with page.expect_request("**/v1/summarize") as sent:
        page.click("#summarize")
    assert json.loads(sent.value.post_data)["url"] == story
    page.wait_for_selector("#highlights li")
    assert "Halvard" in (page.text_content("#headline") or "")
    shared = open_page(browser, page.url, dialogs)  # mode=url&url=…: it runs on opening
    shared.wait_for_selector("#highlights li")
    assert shared.text_content("#headline") == page.text_content("#headline")
    shared.context.close()


def test_the_page_works_from_the_keyboard(page):
    page.focus("#article")
    page.keyboard.insert_text(STORY)
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#highlights li")
    page.focus("#copy-headline")
    page.keyboard.press("Tab")  # where the headline came from
    assert page.evaluate("document.activeElement.id") == "show-headline-source"
    page.keyboard.press("Tab")  # the first highlight
    assert page.evaluate("document.activeElement.dataset.highlight") == "0"
    page.keyboard.press("Enter")
    assert "flash" in (marks_of(page, 0).first.get_attribute("class") or "")
    page.keyboard.press("Tab")  # its copy button
    page.keyboard.press("Enter")
    assert clipboard(page) == page.text_content("#highlights .say")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # where the focus is shows


def test_the_page_reads_at_phone_width(browser, server, dialogs, tmp_path):
    phone = open_page(browser, server, dialogs, width=390)
    summarize(phone, STORY)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    first = phone.locator("#highlights .say").first.bounding_box()
    assert first["width"] > 250  # the bullet has the row, its tools go below it
    shot = tmp_path / "newsgist-phone.png"
    phone.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"screenshot (phone): {shot}")
    phone.context.close()
    assert not [d for d in dialogs if d.startswith("script error")]


def test_marks_stay_on_their_words_after_an_emoji(page):
    story = (
        "Fans waved flags 🇵🇹 and sang 🎉 as the ferry Halvard docked in Skerne on Friday. "
        "The captain said the crossing had been calm. Islanders cheered the crew. "
        "The harbour board will dredge the channel in spring."
    )
    reply = summarize(page, story)
    for index, highlight in enumerate(reply["highlights"]):
        marked = "".join(marks_of(page, index).all_text_contents())
        assert marked == highlight["text"]


def test_a_second_ctrl_enter_while_one_runs_sends_nothing(page):
    held: list[Any] = []  # the first request waits here until the second key press is in
    page.route("**/v1/summarize", lambda route: held.append(route))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.focus("#article")
    page.keyboard.insert_text(STORY)
    page.keyboard.press("Control+Enter")
    while not held:
        page.wait_for_timeout(10)
    page.keyboard.press("Control+Enter")
    held[0].continue_()
    page.wait_for_selector("#highlights li")
    assert len([url for url in requests if url.endswith("/v1/summarize")]) == 1


def test_a_method_the_server_lacks_falls_back_to_its_default(browser, server, dialogs):
    opened = open_page(browser, f"{server}/?method=nonesuch&highlights=2", dialogs)
    sync_api.expect(opened.locator("#method option")).not_to_have_count(1)
    assert opened.input_value("#method") == "learned"
    assert opened.input_value("#count") == "2"
    opened.context.close()


def test_article_markup_is_shown_never_run(page, dialogs):
    hostile = (
        "The council met on Monday <script>window.__ran = 'script'; alert(1)</script> to vote. "
        "Residents protested <img src=x onerror=\"window.__ran = 'img'\"> outside the hall. "
        "The vote was <b onmouseover=\"window.__ran='b'\">postponed</b> until May."
    )
    page.check("input[name=mode][value=text]")
    summarize(page, hostile)
    page.hover("#article-view")
    assert page.evaluate("window.__ran") is None
    assert dialogs == []
    view = page.text_content("#article-view")
    assert "<script>window.__ran = 'script'; alert(1)</script>" in view
    assert "<img src=x onerror=\"window.__ran = 'img'\">" in view
    assert page.locator("#article-view script, #article-view img, #article-view b").count() == 0
