"""An HTML page → a clean ``Article``: charset, story extraction and the page's metadata.

Order of work: decode the bytes (``decode_html``), parse them once, read the metadata
(trafilatura: title from og:title, JSON-LD, ``<h1>`` or ``<title>``; author; date; site name;
canonical URL; newsgist: the language and a photo credit), extract the story's paragraphs
with trafilatura, leaving out comments, tables, images and sign-up, promo and author-bio
boxes (``_PRUNE``), then clean them. Cleaning uses the line rules of text input
(``newsgist.ingest.text``: chrome, bylines, credits, datelines, production notes), plus
three rules that only HTML needs:

- a paragraph that repeats the title or the standfirst is dropped;
- a short line found inside another paragraph (a pull quote) is dropped;
- a line with no sentence-ending punctuation is dropped. Kickers, subheadings and
  key-point bullets are page structure, not story sentences.

trafilatura (Barbaresi, ACL 2021, https://aclanthology.org/2021.acl-demo.15) is behind the
``html`` extra and is imported on first use.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newsgist.errors import BinaryInputError, EmptyInputError, MissingDependencyError
from newsgist.ingest.text import IngestOptions, check_size, ends_sentence, load_text
from newsgist.models import Article

if TYPE_CHECKING:
    from lxml.html import HtmlElement

LOGGER = logging.getLogger(__name__)

_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:\?xml|!doctype\s+html|html|head|body|meta|title|article|p|div)\b",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_MARKUP = re.compile(rb"<script.*?</script>|<style.*?</style>|<!--.*?-->|<[^>]*>", re.I | re.S)
_PRESCAN_BYTES = 4096
_LEGACY_DEFAULT = "cp1252"
_LEGACY_LATIN_MAX = 0.3
"""Most of a Latin-script text's letters are ASCII. When more than this share of them is
non-ASCII under windows-1252, the bytes are some other script's encoding."""
# Labels the WHATWG Encoding standard maps to another decoder: browsers read pages marked
# latin-1 or ASCII as windows-1252, and a <meta> that claims UTF-16 was itself read as ASCII.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-sjis": "shift_jis",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF16 = frozenset({"utf-16", "utf-16le", "utf-16be", "utf_16", "utf_16_le", "utf_16_be"})
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_CREDIT = re.compile(
    r"(?:photo(?:graph)?s?|pictures?|images?|credits?)\s*[:：]\s*(?P<value>[^.]{2,80}?)\s*\.?$",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_PROMOS = ("newsletter", "signup", "sign-up", "promo", "author-bio")
_PRUNE = [
    f"//*[contains(translate(@{attribute}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
    f" 'abcdefghijklmnopqrstuvwxyz'), '{word}')]"
    for attribute in ("class", "id")
    for word in _PROMOS
]
"""Boxes that sit inside story bodies but are not story: sign-up forms, promos, author bios."""
_QUOTE_MAX = 300
_SITE_MAX = 60
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_TITLE_SEPARATORS = " |-–—:·»"
_QUOTE_MARKS = " \"“”'‘’.,;:!?"


def looks_like_html(data: str | bytes) -> bool:
    """Whether input starts like an HTML page (a doctype, ``<html>`` or a body tag)."""
    head = data[:2048]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "replace").encode("utf-8", "replace")
    return _HTML_START.match(head.removeprefix(codecs.BOM_UTF8)) is not None


def decode_html(data: bytes, *, charset: str | None = None) -> str:
    """Decode a page's bytes as a browser would; undecodable bytes become U+FFFD, never errors.

    The first that applies: a byte-order mark; ``charset`` (from the HTTP Content-Type);
    a ``<meta>`` or XML declaration in the first 4 KB; valid UTF-8; else detection:
    windows-1252 (the web's legacy default) for Latin text, charset-normalizer otherwise.
    A page declared UTF-8 that is not valid UTF-8 is detected too, since the declaration lies.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = _codec(charset) if charset else None
    if declared is None:
        match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
        label = match and (match.group(1) or match.group(2)).decode("ascii")
        declared = _codec(label, from_markup=True) if label else None
    if declared is not None and declared != "utf-8":
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if declared == "utf-8":
            LOGGER.debug("page declared UTF-8 but is not; detecting its charset")
    detected = _detect(data)
    LOGGER.debug("no usable charset declaration; detected %s", detected)
    return data.decode(detected, errors="replace")


def _codec(label: str, *, from_markup: bool = False) -> str | None:
    """Python's codec name for a charset label, or ``None`` when Python has no such codec."""
    label = label.strip().strip("\"'").lower()
    if from_markup and label in _UTF16:
        label = "utf-8"
    try:
        return codecs.lookup(_ALIASES.get(label, label)).name
    except LookupError:
        LOGGER.debug("unknown charset %r ignored", label)
        return None


def _detect(data: bytes) -> str:
    """Guess the charset of bytes that are not UTF-8 and declare none."""
    text = _MARKUP.sub(b" ", data)
    high = sum(byte >= 0x80 for byte in text)
    letters = high + sum(chr(byte).isalpha() for byte in text if byte < 0x80)
    if not letters or high / letters <= _LEGACY_LATIN_MAX:
        return _LEGACY_DEFAULT
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with trafilatura
        return _LEGACY_DEFAULT
    best = from_bytes(text).best()
    return best.encoding if best is not None else _LEGACY_DEFAULT


def load_html(
    source: str | bytes,
    *,
    url: str | None = None,
    charset: str | None = None,
    options: IngestOptions | None = None,
) -> Article:
    """Extract the story and metadata of an HTML page into an ``Article``.

    Args:
        source: the page, as text or as bytes in any charset (see ``decode_html``).
        url: where the page came from; kept as ``Article.url`` when the page names no
            canonical URL, and used to resolve relative links.
        charset: the charset the server declared, which wins over the page's own.
        options: the size limit.

    Raises:
        InputTooLargeError: the page is over ``options.max_bytes``.
        EmptyInputError: the page has no story text.
        MissingDependencyError: the ``html`` extra is not installed.

    """
    options = options or IngestOptions()
    check_size(len(source) if isinstance(source, bytes) else len(source.encode()), options)
    text = decode_html(source, charset=charset) if isinstance(source, bytes) else source
    if "\x00" in text:
        raise BinaryInputError("input contains NUL bytes: it is not an HTML page")
    trafilatura = _trafilatura()
    tree = trafilatura.load_html(text)
    if tree is None and text.strip():  # a fragment such as "<p>…</p>": give it a document
        tree = trafilatura.load_html(f"<html><body>{text}</body></html>")
    if tree is None:
        raise EmptyInputError("the HTML page is empty or cannot be parsed")
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        prune_xpath=_PRUNE,
    )
    if found is None or not found.text:
        raise EmptyInputError("no article text found in the HTML page")
    title = found.title or None
    description = found.description or None
    body = _story_lines(found.text, {title, description})
    if not body:
        raise EmptyInputError("no article sentences found in the HTML page")
    article = load_text("\n\n".join(body), options=options)
    metadata = dict(article.metadata)
    if description:
        metadata.setdefault("description", description)
    return replace(
        article,
        title=title or article.title,
        byline=_byline(found.author) or article.byline,
        credit=article.credit or _credit(tree),
        published=found.date or article.published,
        site=_site(found.sitename, title, tree),
        language=_language(tree),
        url=found.url or url,
        metadata=metadata,
    )


def _trafilatura() -> Any:  # noqa: ANN401 - an untyped third-party module
    """Import trafilatura, or say which extra provides it."""
    try:
        import trafilatura
    except ImportError as error:
        raise MissingDependencyError("HTML input", "html", error.name) from None
    return trafilatura


def _story_lines(text: str, repeats: set[str | None]) -> list[str]:
    """Keep the extracted lines that are story sentences (see the module docstring).

    A line found inside another line is dropped as well: a pull quote repeats its paragraph.
    """
    seen = {_SPACE.sub(" ", r).strip().casefold() for r in repeats if r}
    lines = [_SPACE.sub(" ", raw).strip() for raw in text.split("\n")]
    lines = [line for line in lines if ends_sentence(line) and line.casefold() not in seen]
    return [line for i, line in enumerate(lines) if not _repeats(line, lines[:i] + lines[i + 1 :])]


def _repeats(line: str, others: list[str]) -> bool:
    """Whether a short line's words, quotes and end punctuation aside, occur in another line."""
    core = line.strip(_QUOTE_MARKS)
    return len(line) <= _QUOTE_MAX and bool(core) and any(core in other for other in others)


def _byline(author: str | None) -> str | None:
    """Return the author names trafilatura found, less the dates it sometimes takes for names."""
    names = [n for n in (author or "").split("; ") if n and not any(c.isdigit() for c in n)]
    return "; ".join(names) or None


def _site(name: str | None, title: str | None, tree: HtmlElement) -> str | None:
    """Return the site's name; for a bare host name, what ``<title>`` adds to the title.

    ``Beach town votes… | Coastline Daily`` names its site better than ``coastline.example``.
    """
    if name and not _HOST.fullmatch(name):
        return name
    page_title = _SPACE.sub(" ", tree.findtext(".//title") or "").strip()
    rest = page_title.replace(title, "").strip(_TITLE_SEPARATORS) if title else ""
    return rest if rest and rest != page_title and len(rest) <= _SITE_MAX else name


def _language(tree: HtmlElement) -> str | None:
    """Return the page's language: ``<html lang>``, ``xml:lang``, og:locale or Content-Language."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath("//meta[@property='og:locale']/@content"),
        *tree.xpath(
            "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
            " = 'content-language']/@content"
        ),
    ]
    for candidate in candidates:
        value = str(candidate or "").strip()
        if _LANGUAGE_TAG.fullmatch(value):
            return value.replace("_", "-")
    return None


def _credit(tree: HtmlElement) -> str | None:
    """Find a photo credit in a caption or a credit element, such as ``Photo: Name/Agency``."""
    for element in tree.xpath("//figcaption | //*[contains(@class, 'credit')]"):
        match = _CREDIT.search(_SPACE.sub(" ", element.text_content()).strip())
        if match:
            return match.group("value")
    return None
