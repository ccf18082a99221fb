"""Hostile HTML: bounded time on any page, and charset labels that cannot crash.

The complexity tests run their input in a fresh interpreter limited to ``CPU_LIMIT`` seconds
of CPU (not wall time, so a loaded machine does not fail them); each input is sized so that
the quadratic or exponential code it guards against needs minutes or more.
"""

import codecs
import resource
import subprocess
import sys
import textwrap

import pytest

from newsgist.ingest import decode_html, load_html
from newsgist.ingest.html import _LABELS, _web_detected, web_codec
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

    def test_html_sniffing_after_many_comments(self):
        # Each "-->" could end any comment, so the old pattern tried 2**n ways to fail.
        out = run_bounded("""
            from newsgist.ingest import looks_like_html
            print(looks_like_html("<!---->" * 60 + "x"), looks_like_html("<!---->" * 60 + "<p>"))
        """)
        assert out.split() == ["False", "True"]


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
