import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgist.errors import (
    EmptyInputError,
    InputTooLargeError,
    InvalidInputError,
    InvalidOptionError,
    MissingDependencyError,
    NewsgistError,
)
from newsgist.ingest import IngestOptions, decode_html, load, load_html, looks_like_html
from newsgist.ingest.html import clean_title
from tests.conftest import DATA

PAGES = sorted((DATA / "pages").glob("*.html"))
STORY = (
    "<p>The council voted on Monday to close the old library on Mill Street.</p>"
    "<p>Residents said they would fight the decision in the courts.</p>"
    "<p>The building will be sold to pay for a new sports centre, officials said.</p>"
)


def expected(page: Path) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    return found


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_every_story_paragraph_is_kept_whole(page):
    body = squeeze(load_html(page.read_bytes()).body)
    for paragraph in expected(page)["paragraphs"]:
        assert squeeze(paragraph) in body


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_no_boilerplate_line_reaches_the_body(page):
    body = squeeze(load_html(page.read_bytes()).body)
    for paragraph in expected(page)["paragraphs"]:
        body = body.replace(squeeze(paragraph), "")
    leaked = [line for line in expected(page)["boilerplate"] if len(line) > 12 and line in body]
    assert leaked == []
    assert body.strip() == ""


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_metadata_is_read(page):
    article = load_html(page.read_bytes())
    want = expected(page)
    for name in ("title", "byline", "published", "site", "language", "url"):
        assert getattr(article, name) == want[name], name


def test_credit_comes_from_the_photo_caption():
    article = load_html((DATA / "pages" / "harbour-gazette.html").read_bytes())
    assert article.credit == "Ewan Baird/Harbour Gazette"
    assert "Ewan Baird" not in article.body


def test_standfirst_is_metadata_not_story():
    article = load_html((DATA / "pages" / "harbour-gazette.html").read_bytes())
    standfirst = "Passengers were moved to lifeboat stations as crew fought the blaze."
    assert article.metadata["description"] == standfirst
    assert standfirst not in article.body


def test_pull_quote_is_not_repeated():
    article = load_html((DATA / "pages" / "northern-echo-times.html").read_bytes())
    assert article.body.count("We cannot run wards on goodwill alone") == 1


def test_subheadings_and_key_points_are_not_sentences():
    body = load_html((DATA / "pages" / "northern-echo-times.html").read_bytes()).body
    assert "Vacancies at a record high" not in body
    assert "Nearly one in five nursing posts is vacant" not in body


def test_url_is_kept_when_the_page_names_no_canonical_one():
    page = f"<html><body>{STORY}</body></html>"
    assert load_html(page, url="https://news.example/a").url == "https://news.example/a"
    assert load_html(page).url is None


def test_script_style_and_comments_never_reach_the_body():
    page = (
        "<html><head><script>var story = 'The council voted to hide this.';</script>"
        "<style>p { color: red; }</style></head><body>"
        f"<!-- The editor said this comment is private. -->{STORY}"
        "<noscript>Please enable JavaScript to read this story.</noscript></body></html>"
    )
    body = load_html(page).body
    assert "hide this" not in body
    assert "color" not in body
    assert "private" not in body
    assert "JavaScript" not in body


@pytest.mark.parametrize(
    "page",
    [
        "<html><body></body></html>",
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
        "<!DOCTYPE html>",
    ],
)
def test_a_page_with_no_story_is_refused(page):
    with pytest.raises(EmptyInputError):
        load_html(page)


def test_oversize_page_is_refused_before_parsing():
    with pytest.raises(InputTooLargeError, match="100-byte limit"):
        load_html(
            f"<html><body>{STORY}</body></html>".encode(), options=IngestOptions(max_bytes=100)
        )


def test_missing_extra_names_the_module_and_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(MissingDependencyError, match=r"no module 'trafilatura'.*newsgist\[html\]"):
        load_html(f"<html><body>{STORY}</body></html>")


@pytest.mark.parametrize(
    ("start", "is_html"),
    [
        ("<!DOCTYPE html><html>", True),
        ("<!doctype HTML>\n<title>x</title>", True),
        ("  \n<html lang='en'>", True),
        ("<!-- saved page -->\n<html>", True),
        ('<?xml version="1.0"?><html>', True),
        ("\ufeff<html>", True),
        ("<p>The council met on Monday.</p>", True),
        ("The council met on Monday. <b>It</b> voted.", False),
        ("<Title>Port Alder ferry</Title><section><p>It sank.</p></section>", True),
        (
            "Pasted from the site:\n<h2>Ferry</h2><p>It sank.</p><p>All saved.</p><p>Two hurt.</p>",
            True,
        ),
        ("<3 this story. The council met on Monday.", False),
        ("Load more...\nThe council met.", False),
        ("", False),
    ],
)
def test_looks_like_html(start, is_html):
    assert looks_like_html(start) is is_html
    assert looks_like_html(start.encode("utf-8")) is is_html


def test_looks_like_html_reads_utf16():
    assert looks_like_html("\ufeff<!DOCTYPE html><p>x</p>".encode("utf-16"))


class TestDecode:
    def test_byte_order_mark_wins_over_every_declaration(self):
        data = '\ufeff<meta charset="windows-1252"><p>Café</p>'.encode("utf-8-sig")
        assert "Café" in decode_html(data, charset="koi8-r")

    def test_utf16_with_bom(self):
        assert "Зал" in decode_html("<p>Зал</p>".encode("utf-16"))

    def test_http_charset_wins_over_meta(self):
        data = '<meta charset="utf-8"><p>“Café”</p>'.encode("cp1252")
        assert "“Café”" in decode_html(data, charset="windows-1252")

    @pytest.mark.parametrize(
        "declaration",
        [
            '<meta charset="windows-1252">',
            "<meta charset=windows-1252>",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
            '<?xml version="1.0" encoding="windows-1252"?>',
        ],
    )
    def test_declaration_in_the_page(self, declaration):
        data = f"{declaration}<p>Renée paid €5.</p>".encode("cp1252")
        assert "Renée paid €5." in decode_html(data)

    def test_latin1_label_is_read_as_windows_1252_like_a_browser(self):
        data = '<meta charset="iso-8859-1"><p>\x93Quoted\x94 \x80</p>'.encode("latin-1")
        assert "“Quoted” €" in decode_html(data)

    def test_meta_claiming_utf16_is_read_as_utf8(self):
        assert "Café" in decode_html('<meta charset="utf-16"><p>Café</p>'.encode())

    def test_undeclared_windows_1252(self):
        data = "<p>Der Stadtrat hat den Bau der Brücke im Frühjahr genehmigt.</p>".encode("cp1252")
        assert "Brücke im Frühjahr" in decode_html(data)

    @pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
    def test_undeclared_cyrillic_is_detected(self, codec):
        text = (
            "Городской совет в понедельник одобрил строительство нового моста через реку."
            " Работы начнутся весной и продлятся два года."
        )
        assert text in decode_html(f"<html><body><p>{text}</p></body></html>".encode(codec))

    def test_page_that_lies_about_utf8_is_detected(self):
        data = '<meta charset="utf-8"><p>Renée said “no”.</p>'.encode("cp1252")
        assert "Renée said “no”." in decode_html(data)

    def test_unknown_charset_label_is_ignored(self):
        assert "Café" in decode_html('<meta charset="x-made-up"><p>Café</p>'.encode())
        assert "Café" in decode_html("<p>Café</p>".encode(), charset="x-made-up")

    def test_invalid_bytes_become_replacement_characters(self):
        text = decode_html(b'<meta charset="utf-8"><p>ok \xff\xfe\x80 end</p>')
        assert "ok" in text
        assert "end" in text

    @given(st.binary(max_size=600), st.sampled_from([None, "utf-8", "shift_jis", "bogus"]))
    @settings(max_examples=200)
    def test_any_bytes_decode_without_error(self, data, charset):
        assert isinstance(decode_html(data, charset=charset), str)


@given(
    st.lists(
        st.sampled_from(
            ["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "<br>"]
        )
        | st.text(max_size=40),
        max_size=30,
    )
)
@settings(max_examples=150, deadline=None)
def test_any_markup_gives_an_article_or_a_newsgist_error(parts):
    page = "<html><body>" + "".join(parts) + "</body></html>"
    try:
        article = load_html(page)
    except NewsgistError:
        return
    assert article.body.strip()
    assert "<script>" not in article.body


class TestLoad:
    def test_auto_reads_html_as_html(self):
        article = load(
            f"<!DOCTYPE html><html><head><title>Library to close</title></head><body>{STORY}</body></html>"
        )
        assert article.title == "Library to close"
        assert "<p>" not in article.body

    def test_auto_reads_text_as_text(self):
        article = load("The council met. It voted to close the library.")
        assert article.body == "The council met. It voted to close the library."

    def test_named_format_wins(self):
        article = load("Library <b>news</b>. The council met on Monday.", input_format="html")
        assert "<b>" not in article.body

    def test_unknown_format_is_refused(self):
        with pytest.raises(InvalidOptionError, match="auto, text, html"):
            load("The council met.", input_format="pdf")  # type: ignore[arg-type]

    def test_a_bare_url_is_not_fetched_but_explained(self):
        with pytest.raises(InvalidInputError, match="load_url"):
            load("https://news.example/story")


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


LEAD = "Floodwater poured through the river town of Marlow Bend after a levee gave way."
REST = (
    "<p>About 3,400 residents left their homes before dawn, county officials said.</p>"
    "<p>Rescue crews in boats pulled 62 people from rooftops and attics.</p>"
)


def test_a_lead_that_is_also_the_description_is_kept():
    page = _page(
        f'<meta name="description" content="{LEAD}"><title>Levee breaks</title>',
        f"<article><h1>Levee breaks</h1><p>{LEAD}</p>{REST}</article>",
    )
    article = load_html(page)
    assert article.body.startswith(LEAD)
    assert article.metadata["description"] == LEAD


def test_a_standfirst_in_the_header_is_left_out_even_when_it_is_the_description():
    standfirst = "Thousands flee as the river breaks its banks overnight."
    page = _page(
        f'<meta name="description" content="{standfirst}">',
        f'<article><header><h1>Levee breaks</h1><p class="dek">{standfirst}</p></header>'
        f"<p>{LEAD}</p>{REST}</article>",
    )
    body = load_html(page).body
    assert standfirst not in body
    assert body.startswith(LEAD)


@pytest.mark.parametrize(
    ("title", "site", "clean"),
    [
        ("Levee breaks in Marlow Bend - Harlan Valley Press", "Harlan Valley Press", None),
        ("Harlan Valley Press | Levee breaks in Marlow Bend", "Harlan Valley Press", None),
        ("Levee breaks in Marlow Bend — Harlan Valley Press", "Harlan Valley Press", None),
        ("Harlan Valley Press: Levee breaks in Marlow Bend", "Harlan Valley Press", None),
        ("Levee breaks: what we know", "Harlan Valley Press", "Levee breaks: what we know"),
        ("Levee breaks in Marlow Bend - Harlan Valley Press", None, "same"),
    ],
)
def test_the_site_name_leaves_the_title(title, site, clean):
    expected = "Levee breaks in Marlow Bend" if clean is None else clean
    assert clean_title(title, site) == (title if clean == "same" else expected)


def test_a_page_title_loses_its_site_name():
    page = _page(
        '<meta property="og:site_name" content="Harlan Valley Press">'
        "<title>Levee breaks in Marlow Bend - Harlan Valley Press</title>",
        f"<article><p>{LEAD}</p>{REST}</article>",
    )
    article = load_html(page)
    assert article.title == "Levee breaks in Marlow Bend"
    assert article.site == "Harlan Valley Press"


def test_a_caption_only_page_keeps_its_caption():
    page = _page(
        "<title>Video: floods</title>",
        "<article><p>Watch floodwater sweep through the market town of Marlow Bend</p>"
        "<p>0:45</p></article>",
    )
    body = load_html(page).body
    assert "Watch floodwater sweep through the market town of Marlow Bend" in body
    assert "0:45" not in body
