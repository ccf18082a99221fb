"""An HTML page → a clean ``Article``: charset, story extraction and the page's metadata.

Order of work: decode the bytes (``decode_html``), parse them once and keep the first
``_MAX_ELEMENTS`` elements (so the work is bounded on any page), read the metadata
(trafilatura: title from og:title, JSON-LD, ``<h1>`` or ``<title>``; author; date; site name;
canonical URL; newsgist: the language and a photo credit), extract the story's paragraphs
with trafilatura, leaving out comments, tables, images and sign-up, promo and author-bio
boxes (``_PRUNE``), then clean them. Cleaning uses the line rules of text input
(``newsgist.ingest.text``: chrome, bylines, credits, datelines, production notes), plus
three rules that only HTML needs:

- a paragraph that repeats the title is dropped, and so is one that repeats the page's
  description when the page shows that as a standfirst (in ``<header>`` or a standfirst's
  class); a description that is the story's own lead stays;
- a short line found inside a nearby paragraph (a pull quote) is dropped;
- a line with no sentence-ending punctuation is dropped. Kickers, subheadings and
  key-point bullets are page structure, not story sentences. A page with no punctuated line
  at all (a video's caption) keeps its lines of four words or more instead.

The title loses the site's name where a separator joins them ("Title - BBC News").

trafilatura (Barbaresi, ACL 2021, https://aclanthology.org/2021.acl-demo.15) is behind the
``html`` extra and is imported on first use.
"""

from __future__ import annotations

import codecs
import itertools
import logging
import re
import string
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newsgist.errors import BinaryInputError, EmptyInputError, MissingDependencyError
from newsgist.ingest.text import IngestOptions, check_size, ends_sentence, load_text
from newsgist.models import Article

if TYPE_CHECKING:
    from lxml.html import HtmlElement

LOGGER = logging.getLogger(__name__)

_HTML_START = re.compile(
    rb"\s*(?:<!--(?>.*?-->)\s*)*+<(?:\?xml|!doctype\s+html|html|head|body|meta|title|article"
    rb"|p|div|section|header|main|nav|aside|figure|h[1-6]|ul|ol|table|blockquote|span|a|script"
    rb"|style|link|br|img)\b",
    re.IGNORECASE | re.DOTALL,
)
_CLOSING_TAG = re.compile(
    rb"</(?:p|div|h[1-6]|li|article|section|span|a|td|header|footer|figure|blockquote)>",
    re.IGNORECASE,
)
_MARKUP_TAGS = 3
"""Closing tags in the first 2 KiB that make text with a line before its markup a page."""
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_PRESCAN_BYTES = 4096
_DETECT_SAMPLE = 65536
"""Bytes of text (markup removed) that charset-normalizer sees: enough to tell encodings apart."""
_LEGACY_DEFAULT = "cp1252"
_LEGACY_LATIN_MAX = 0.3
"""Most of a Latin-script text's letters are ASCII. When more than this share of them is
non-ASCII under windows-1252, the bytes are some other script's encoding."""
_NON_ASCII = bytes(range(0x80, 0x100))
_ASCII_LETTERS = string.ascii_letters.encode()
_HIDDEN = ((b"<!--", b"-->"), (b"<script", b"</script>"), (b"<style", b"</style>"))
"""Markup whose content is not text: comments, scripts and styles, up to their closing tag."""
_WEB_ENCODINGS = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2"
    " iso_8859-2:1987 l2 latin2",
    "iso8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3"
    " iso_8859-3:1988 l3 latin3",
    "iso8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4"
    " iso_8859-4:1988 l4 latin4",
    "iso8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595"
    " iso_8859-5 iso_8859-5:1988",
    "iso8859-6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6"
    " iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "iso8859-7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126"
    " iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso8859-8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138"
    " iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical",
    "iso8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859-13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859-14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859-16": "iso-8859-16",
    "koi8-r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8-u": "koi8-ru koi8-u",
    "mac-roman": "csmacintosh mac macintosh x-mac-roman",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    "cp1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100"
    " iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    "cp1253": "cp1253 windows-1253 x-cp1253",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9"
    " iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254",
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58"
    " x-gbk gb18030",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022_jp": "csiso2022jp iso-2022-jp",
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989"
    " ksc5601 ksc_5601 windows-949",
    "utf-16-be": "unicodefffe utf-16be",
    "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
}
"""The WHATWG Encoding standard's labels (https://encoding.spec.whatwg.org/#names-and-labels),
by the Python codec that decodes them. Browsers read pages marked latin-1 or ASCII as
windows-1252, GBK as GB18030, Shift_JIS as windows-31j and EUC-KR as windows-949; labels of
the "replacement" encoding and x-user-defined are left out, so they are ignored like any
unknown label or non-text codec (``rot13``, ``base64``, ``idna``)."""
_LABELS = {label: codec for codec, labels in _WEB_ENCODINGS.items() for label in labels.split()}
_UTF16 = frozenset({"utf-16-be", "utf-16-le"})
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LABEL_STRIP = "\t\n\f\r \"'"
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_CREDIT = re.compile(
    r"(?:photo(?:graph)?s?|pictures?|images?|credits?)\s*[:：]\s*(?P<value>[^.]{2,80}?)\s*\.?$",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters libxml2 cannot hold; trafilatura removes them before parsing, and so do we."""
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_MAX_ELEMENTS = 5_000
"""Elements of a page kept for extraction (``_cut``): news pages have one to four thousand,
the story among the first; the cap bounds trafilatura's work (about 0.1 ms an element)."""
_FAST_ABOVE = 4_000
"""Pages of this many elements or more skip trafilatura's second opinion (its readability
and jusText fallbacks): on them it costs more than the main extraction, for little gain."""
_PROMOS = ("newsletter", "signup", "sign-up", "promo", "author-bio")
_PRUNE = [
    f"//*[contains(translate(@{attribute}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
    f" 'abcdefghijklmnopqrstuvwxyz'), '{word}')]"
    for attribute in ("class", "id")
    for word in _PROMOS
]
"""Boxes that sit inside story bodies but are not story: sign-up forms, promos, author bios."""
_DATE_SEARCH = {"original_date": True, "extensive_search": False}
"""The date comes from the page's markup and URL (meta tags, JSON-LD, ``<time>``), not from
htmldate's guesses in free text: those call dateparser, whose first use in a process
compiles patterns for 200 locales (10 s), and read dates into numbers in any sentence."""
_QUOTE_MAX = 300
_QUOTE_REACH = 40
"""A pull quote sits within this many paragraphs of the one it repeats. Looking no further
keeps the check linear on a page of 60,000 paragraphs, where comparing every pair took minutes."""
_SITE_MAX = 60
_LETTERED = re.compile(r"[^\W\d_]{2,}")
_STANDFIRST_CLASS = re.compile(r"standfirst|\bdek\b|summary|intro|strap|sub-?title", re.I)
_CAPTION_WORDS = 4
"""Words a line without end punctuation needs to stand as a sentence on a page with no other."""
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_TITLE_SEPARATORS = " |-–—:·»"
_JOIN = rf"(?:[{re.escape(_TITLE_SEPARATORS.strip())}]|::)"
"""What joins a site's name to a headline in a page title."""
_QUOTE_MARKS = " \"“”'‘’.,;:!?"


def looks_like_html(data: str | bytes) -> bool:
    """Whether input is HTML: it starts with a doctype or a tag, or is laced with closing tags.

    Pasted markup often starts with a fragment's tag (``<section>``, ``<h1>``) or a stray
    line; ``_MARKUP_TAGS`` closing tags in the first 2 KiB make it a page all the same.
    """
    head = data[:2048]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "replace").encode("utf-8", "replace")
    head = head.removeprefix(codecs.BOM_UTF8)
    if _HTML_START.match(head) is not None:
        return True
    return len(_CLOSING_TAG.findall(head)) >= _MARKUP_TAGS


def decode_html(data: bytes, *, charset: str | None = None) -> str:
    """Decode a page's bytes as a browser would; undecodable bytes become U+FFFD, never errors.

    The first that applies: a byte-order mark; ``charset`` (from the HTTP Content-Type);
    a ``<meta>`` or XML declaration in the first 4 KB; valid UTF-8; else detection:
    windows-1252 (the web's legacy default) for Latin text, charset-normalizer otherwise.
    A page declared UTF-8 that is not valid UTF-8 is detected too, since the declaration lies.
    Only WHATWG encoding labels count (``web_codec``); any other label is ignored.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = web_codec(charset) if charset else None
    if declared is None:
        match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
        label = match and (match.group(1) or match.group(2)).decode("ascii")
        declared = web_codec(label, from_markup=True) if label else None
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


def web_codec(label: str, *, from_markup: bool = False) -> str | None:
    """Python's codec for a WHATWG encoding label, or ``None`` for any other label.

    Unknown labels and Python codecs that are not web text encodings (``rot13``, ``base64``,
    ``zlib``, ``idna``, ``utf-7``) are ignored rather than raising. A UTF-16 label found in
    the page's own markup means UTF-8: the markup was readable as ASCII, so it is not UTF-16.
    """
    codec = _LABELS.get(label.strip(_LABEL_STRIP).lower())
    if codec is None:
        LOGGER.debug("charset %r is not a web text encoding; ignored", label[:40])
        return None
    return "utf-8" if from_markup and codec in _UTF16 else codec


def _detect(data: bytes) -> str:
    """Guess the charset of bytes that are not UTF-8 and declare none."""
    text = _text_bytes(data)
    high = len(text) - len(text.translate(None, _NON_ASCII))
    letters = len(text) - len(text.translate(None, _NON_ASCII + _ASCII_LETTERS))
    if not letters or high / letters <= _LEGACY_LATIN_MAX:
        return _LEGACY_DEFAULT
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with trafilatura
        return _LEGACY_DEFAULT
    best = from_bytes(text[:_DETECT_SAMPLE]).best()
    return _LEGACY_DEFAULT if best is None else _web_detected(best.encoding)


def _web_detected(name: str) -> str:
    """Return the web encoding of a codec charset-normalizer found, else the legacy default."""
    codec = web_codec(name.replace("_", "-"))
    if codec is None:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            return _LEGACY_DEFAULT
    return codec if codec in _WEB_ENCODINGS else _LEGACY_DEFAULT


def _text_bytes(data: bytes) -> bytes:
    """Return the bytes of a page outside its tags, comments, scripts and styles, in one pass.

    An unclosed comment, script or style hides the rest of the page, as in a browser; an
    unclosed ``<`` is text. Each search starts where the last ended, so the cost is linear.
    """
    lower = data.lower()
    parts = []
    position = 0
    while (start := lower.find(b"<", position)) != -1:
        parts.append(data[position:start])
        closer = next((c for o, c in _HIDDEN if lower.startswith(o, start)), b">")
        end = lower.find(closer, start + 1)
        if end == -1 and closer != b">":
            return b" ".join(parts)
        if end == -1:  # no ">" anywhere after: the rest is text
            parts.append(data[start:])
            return b" ".join(parts)
        position = end + len(closer)
    parts.append(data[position:])
    return b" ".join(parts)


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
    size = len(source) if isinstance(source, bytes) else len(source.encode(errors="surrogatepass"))
    check_size(size, options)
    text = decode_html(source, charset=charset) if isinstance(source, bytes) else source
    if "\x00" in text:
        raise BinaryInputError("input contains NUL bytes: it is not an HTML page")
    trafilatura = _trafilatura()
    tree = _parse(text)
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=sum(1 for _ in itertools.islice(tree.iter(), _FAST_ABOVE)) >= _FAST_ABOVE,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        prune_xpath=_PRUNE,
        date_extraction_params=_DATE_SEARCH,
    )
    if found is None or not found.text:
        raise EmptyInputError("no article text found in the HTML page")
    site = _site(found.sitename, found.title or None, tree)
    title = clean_title(found.title, site) or None
    description = found.description or None
    body = _story_lines(
        found.text, title, description if _standfirst_outside(tree, description) else None
    )
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
        site=site,
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


def _parse(text: str) -> HtmlElement:
    """Parse a page into a tree of at most ``_MAX_ELEMENTS`` elements, ready for trafilatura.

    We parse rather than trafilatura, whose clean-up regexes take quadratic time on a long
    first line after ``<!DOCTYPE``. As there, control characters are removed; lone
    surrogates, which a ``str`` can hold but no page can encode, become U+FFFD.
    """
    try:
        from lxml import etree, html
    except ImportError:  # pragma: no cover - installed with trafilatura
        raise MissingDependencyError("HTML input", "html") from None
    text = _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))
    parser = html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    try:
        tree = html.document_fromstring(text.encode(), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError):
        raise EmptyInputError("the HTML page is empty or cannot be parsed") from None
    _cut(tree, _MAX_ELEMENTS)
    return tree


def _cut(tree: HtmlElement, limit: int) -> None:
    """Drop everything after the first ``limit`` elements of the page, in document order.

    News puts the story first; what lies past thousands of elements (tables of results,
    comment threads, endless lists) would only cost trafilatura time linear in its size
    with a large constant (a tenth of a millisecond an element).
    """
    node = next(itertools.islice(tree.iter(), limit, None), None)
    if node is None:
        return
    LOGGER.info("page has over %d elements; the rest is left out", limit)
    parent = node.getparent()
    del parent[parent.index(node) :]
    while (grandparent := parent.getparent()) is not None:
        del grandparent[grandparent.index(parent) + 1 :]
        parent = grandparent


def _story_lines(text: str, title: str | None, standfirst: str | None) -> list[str]:
    """Keep the extracted lines that are story sentences (see the module docstring).

    A line that repeats the title or the ``standfirst`` goes; so does a line found inside a
    nearby line (a pull quote repeats its paragraph). A page with no punctuated line at all
    (a video page's caption) keeps its lines of ``_CAPTION_WORDS`` words or more instead.
    """
    lines = [_SPACE.sub(" ", raw).strip() for raw in text.split("\n")]
    headline = _SPACE.sub(" ", title or "").strip().casefold()
    standfirst = _SPACE.sub(" ", standfirst or "").strip().casefold()
    lines = [line for line in lines if line and line.casefold() not in (headline, standfirst)]
    story = [line for line in lines if ends_sentence(line)]
    if not story:
        story = [line for line in lines if len(_LETTERED.findall(line)) >= _CAPTION_WORDS]
    return [line for i, line in enumerate(story) if not _repeats(line, story, i)]


def _repeats(line: str, lines: list[str], i: int) -> bool:
    """Whether short line ``i``, quotes and end punctuation aside, occurs in a nearby line.

    Only the ``_QUOTE_REACH`` lines on each side are searched, joined by newlines, which no
    line holds: so the cost is linear in the page, and a match lies within one line.
    """
    core = line.strip(_QUOTE_MARKS)
    if len(line) > _QUOTE_MAX or not core:
        return False
    nearby = lines[max(0, i - _QUOTE_REACH) : i] + lines[i + 1 : i + 1 + _QUOTE_REACH]
    return core in "\n".join(nearby)


def _byline(author: str | None) -> str | None:
    """Return the author names trafilatura found, less the dates it sometimes takes for names."""
    names = [n for n in (author or "").split("; ") if n and not any(c.isdigit() for c in n)]
    return "; ".join(names) or None


def _standfirst_outside(tree: HtmlElement, description: str | None) -> bool:
    """Whether the page shows its description outside the story: in a header or a standfirst.

    A page's description often is its lead paragraph, in the story itself; that one stays.
    Only a paragraph with the description's text inside ``<header>``, or in an element whose
    class names it a standfirst (``standfirst``, ``dek``, ``summary``, ``intro``, ``strap``),
    marks it as page furniture to leave out of the body.
    """
    wanted = _SPACE.sub(" ", description or "").strip().casefold()
    if not wanted:
        return False
    for element in tree.iter("p", "h2", "div"):
        if element.tag == "div" and len(element):  # a leaf div only: text_content stays linear
            continue
        text = _SPACE.sub(" ", element.text_content()).strip().casefold()
        if text != wanted:
            continue
        for node in (element, *element.iterancestors()):
            if node.tag == "header" or _STANDFIRST_CLASS.search(node.get("class") or ""):
                return True
    return False


def clean_title(title: str | None, site: str | None) -> str:
    """Return the headline without the site's name: "Title - BBC News", "Site | Title", ...

    The name goes only where a separator (``-``, ``|``, an en or em dash, ``:``, ``·``, ``»``)
    joins it to the rest, at either end; the headline itself is kept exactly.
    """
    title = _SPACE.sub(" ", title or "").strip()
    if not site or not title:
        return title
    name = re.escape(_SPACE.sub(" ", site).strip())
    for pattern in (rf"^(?P<rest>.+?)\s*{_JOIN}\s*{name}$", rf"^{name}\s*{_JOIN}\s*(?P<rest>.+)$"):
        match = re.match(pattern, title, re.IGNORECASE)
        if match and match["rest"].strip():
            return match["rest"].strip()
    return title


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
