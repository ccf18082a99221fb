"""Hostile HTML: bounded time on any page, charset labels that cannot crash, no lone surrogates.

The complexity tests run their input in a fresh interpreter limited to ``CPU_LIMIT`` seconds
of CPU (not wall time, so a loaded machine does not fail them); each input is sized so that
the quadratic or exponential code it guards against needs minutes or more.
"""

import codecs
import json
import resource
import subprocess
import sys
import textwrap

import pytest

from newsgist.errors import EmptyInputError
from newsgist.ingest import decode_html, load, load_html
from newsgist.ingest.html import (
    _LABELS,
    _MAX_ELEMENTS,
    _cut,
    _parse,
    _web_detected,
    web_codec,
)
from tests.conftest import ROOT

CPU_LIMIT = 10
STORY = (
    "<p>The council voted on Monday to close the old library on Mill Street.</p>"
    "<p>Residents said they would fight the decision in the courts.</p>"
)


def run_bounded(code: str) -> str:
    """Run ``code`` in a fresh interpreter with at most ``CPU_LIMIT`` s of CPU; return stdout."""

    def limit_cpu() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 1))

    try:
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30 * CPU_LIMIT,
            preexec_fn=limit_cpu,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {30 * CPU_LIMIT} s")
    assert done.returncode == 0, (
        f"exit {done.returncode} (-24 or -9: over {CPU_LIMIT} s of CPU): {done.stderr[-1500:]}"
    )
    return done.stdout


class TestLinearTime:
    @pytest.mark.parametrize("unclosed", [b"<!--x", b"<script>x"])
    def test_charset_detection_on_unclosed_comments_and_scripts(self, unclosed):
        # 0.5 MB: the old markup regex rescanned to the end from every opening (~10 min).
        out = run_bounded(f"""
            from newsgist.ingest import decode_html
            page = b"<p>The council met.</p>" + {unclosed!r} * (500_000 // {len(unclosed)})
            print(decode_html(page + b"\\xff")[:23])
        """)
        assert out.strip() == "<p>The council met.</p>"

    def test_a_long_first_line_after_a_doctype(self):
        # trafilatura's doctype regex was quadratic in the first line: 300 KB, hours.
        out = run_bounded(f"""
            from newsgist.ingest import load_html
            page = "<!DOCTYPE html " + "/" * 300_000 + {STORY!r}
            print(load_html(page).body)
        """)
        assert "close the old library" in out

    def test_60000_paragraphs(self):
        # Every paragraph was compared with every other for pull quotes: 275 s.
        out = run_bounded("""
            from newsgist.ingest import load_html
            page = "".join(f"<p>Speaker {i} told the council {i * 7} homes flooded.</p>"
                           for i in range(60_000))
            body = load_html(f"<html><body>{page}</body></html>").body
            print(body.split(chr(10))[0])
        """)
        assert out.strip() == "Speaker 0 told the council 0 homes flooded."

    def test_pull_quote_check_on_60000_lines(self):
        # Each line was searched for in all the others: 3.6 billion searches.
        out = run_bounded("""
            from newsgist.ingest.html import _story_lines
            lines = [f"Speaker {i} said the river rose {i * 7} cm." for i in range(60_000)]
            print(len(_story_lines(chr(10).join(lines), None, None)))
        """)
        assert out.strip() == "60000"

    def test_a_200000_row_table(self):
        # All 600,000 elements went through trafilatura, and the rows into the body: 21 s.
        out = run_bounded(f"""
            from newsgist.ingest import load_html
            rows = "<tr><td>x.</td></tr>" * 200_000
            print(load_html(f"<html><body>{STORY}<table>{{rows}}</table></body></html>").body)
        """)
        assert "close the old library" in out

    def test_html_sniffing_after_many_comments(self):
        # Each "-->" could end any comment, so the old pattern tried 2**n ways to fail.
        out = run_bounded("""
            from newsgist.ingest import looks_like_html
            print(looks_like_html("<!---->" * 60 + "x"), looks_like_html("<!---->" * 60 + "<p>"))
        """)
        assert out.split() == ["False", "True"]

    def test_every_pattern_on_adversarial_input(self):
        # The module's remaining regexes, each on the input most likely to make it backtrack.
        out = run_bounded("""
            from newsgist.ingest import html
            cases = [
                (html._META_CHARSET.search, b"<meta " * 700 + b"<?xml " * 100),
                (html._META_CHARSET.search, b"<meta" + b" charset" * 500),
                (html._CREDIT.search, "photo: " + "x " * 200_000 + "y"),
                (html._CREDIT.search, "photo:" * 100_000),
                (html._HOST.fullmatch, "a." * 200_000 + "!"),
                (html._LANGUAGE_TAG.fullmatch, "en" + "-ab" * 200_000 + "!"),
                (html._SPACE.sub, " \\t" * 500_000),
                (html._CONTROL.sub, "\\x01" * 500_000),
            ]
            for call, text in cases:
                call(" ", text) if call.__name__ == "sub" else call(text)
            print("done")
        """)
        assert out.strip() == "done"


class TestElementCap:
    def test_a_huge_page_is_cut_to_the_element_cap(self):
        rows = "<tr><td>1</td><td>2</td></tr>" * 200_000
        tree = _parse(f"<html><body>{STORY}<table>{rows}</table></body></html>")
        assert sum(1 for _ in tree.iter()) == _MAX_ELEMENTS
        assert "close the old library" in tree.text_content()

    def test_cut_keeps_the_first_elements_in_document_order(self):
        tree = _parse(
            "<html><body><p>one <b>two</b> three</p><div><p>four <i>five</i> six</p>"
            "<p>seven</p></div><p>eight</p></body></html>"
        )
        _cut(tree, 7)
        assert [e.tag for e in tree.iter()] == ["html", "body", "p", "b", "div", "p", "i"]
        assert " ".join(" ".join(tree.itertext()).split()) == "one two three four five six"

    def test_a_page_at_the_cap_is_left_whole(self):
        tree = _parse(f"<html><body>{STORY}</body></html>")
        size = sum(1 for _ in tree.iter())
        _cut(tree, size)
        assert sum(1 for _ in tree.iter()) == size

    def test_an_empty_page_is_refused(self):
        with pytest.raises(EmptyInputError):
            _parse("   ")


NOT_WEB_LABELS = ["rot13", "base64", "hex", "zlib", "uu", "idna", "bogus", "binary", "utf-7"]
DECLARATIONS = [
    '<meta charset="{}">',
    '<meta http-equiv="Content-Type" content="text/html; charset={}">',
    '<?xml version="1.0" encoding="{}"?>',
]


class TestCharsetLabels:
    @pytest.mark.parametrize("label", NOT_WEB_LABELS)
    @pytest.mark.parametrize("declaration", DECLARATIONS)
    def test_a_non_web_label_in_the_page_is_ignored(self, label, declaration):
        page = (declaration.format(label) + "<p>Renée paid €5.</p>").encode()
        assert "Renée paid €5." in decode_html(page)

    @pytest.mark.parametrize("label", NOT_WEB_LABELS)
    def test_a_non_web_charset_argument_is_ignored(self, label):
        assert "Renée paid €5." in decode_html("<p>Renée paid €5.</p>".encode(), charset=label)

    @pytest.mark.parametrize("label", NOT_WEB_LABELS)
    def test_a_page_with_a_non_web_label_is_read(self, label):
        page = f'<html><head><meta charset="{label}"></head><body>{STORY}</body></html>'
        assert "Mill Street" in load_html(page.encode(), charset=label).body

    @pytest.mark.parametrize(
        ("label", "codec"),
        [
            ("utf-8", "utf-8"),
            (" UTF8 ", "utf-8"),
            ("latin1", "cp1252"),
            ("iso-8859-1", "cp1252"),
            ("us-ascii", "cp1252"),
            ("iso-8859-9", "cp1254"),
            ("tis-620", "cp874"),
            ("gb2312", "gb18030"),
            ("shift_jis", "cp932"),
            ("euc-kr", "cp949"),
            ("big5", "big5hkscs"),
            ("koi8-r", "koi8-r"),
            ("utf-16", "utf-16-le"),
            ("utf-16be", "utf-16-be"),
        ],
    )
    def test_whatwg_labels_map_to_the_codec_browsers_use(self, label, codec):
        assert web_codec(label) == codec

    def test_a_utf16_label_in_markup_means_utf8(self):
        assert web_codec("utf-16le", from_markup=True) == "utf-8"

    @pytest.mark.parametrize("label", sorted(_LABELS))
    def test_every_label_names_a_text_codec(self, label):
        codec = web_codec(label)
        assert codec is not None
        assert codecs.lookup(codec)._is_text_encoding
        assert bytes(range(256)).decode(codec, errors="replace")

    @pytest.mark.parametrize(
        ("found", "codec"),
        [
            ("cp1251", "cp1251"),
            ("koi8_r", "koi8-r"),
            ("mac_cyrillic", "mac-cyrillic"),
            ("tis_620", "cp874"),
            ("shift_jis", "cp932"),
            ("latin_1", "cp1252"),
            ("utf_7", "cp1252"),
            ("cp037", "cp1252"),
            ("no-such-codec", "cp1252"),
        ],
    )
    def test_a_detected_charset_is_a_web_encoding(self, found, codec):
        assert _web_detected(found) == codec


class TestSurrogates:
    PAGE = (
        "<html><head><title>Vote \ud800 held</title></head><body>"
        "<p>The council voted \udfff on Monday to close the old library on Mill Street.</p>"
        "<p>Residents said they would fight the decision in the courts.</p></body></html>"
    )

    def test_lone_surrogates_become_replacement_characters(self):
        article = load_html(self.PAGE)
        assert article.title == "Vote \ufffd held"
        assert "voted \ufffd on Monday" in article.body

    def test_the_article_encodes_as_json(self):
        article = load(self.PAGE)
        fields = {name: getattr(article, name) for name in ("title", "body", "byline", "site")}
        assert json.dumps(fields, ensure_ascii=False).encode("utf-8")


def test_a_date_in_the_story_text_is_not_the_publication_date():
    # Dates come from the page's markup: free-text guessing read "Speaker 1995" as 1995-01-01
    # and, on its first use in a process, spent seconds compiling dateparser's locales.
    page = f"<html><body><p>Speaker 1995 told the council 13965 homes flooded.</p>{STORY}</body>"
    assert load_html(page).published is None
