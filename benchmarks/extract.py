"""Article extraction from HTML pages: newsgist beside trafilatura, readability-lxml, newspaper4k.

The pages are news pages the team wrote (``tests/data/pages``): cookie banners, menus, share
bars, adverts, "Read more" and "Load more", related and most-read lists with teaser text,
comment threads, newsletter boxes, pull quotes and key-point lists, in UTF-8 (with and
without a BOM), windows-1252 and ISO-8859-1 (declared, or not declared at all). Beside each
page, ``NAME.json`` lists its story paragraphs, the visible boilerplate lines, and its title,
byline and date.

For each system and page this script counts:

- **paragraphs kept**: story paragraphs found whole in the output (whitespace aside), so a
  paragraph that was cut, merged with chrome or decoded with the wrong charset is lost;
- **boilerplate leaked**: boilerplate lines found in what is left of the output once the
  kept paragraphs are taken out (so a menu word that also occurs in the story is not counted);
- **title, byline, date**: equal to the page's (byline: the name appears; date: the same day).

Every system gets the page's raw bytes, as read from disk, and no URL. trafilatura runs with
its defaults (``extract``/``bare_extraction``), which is what newsgist builds on, to show what
newsgist's settings and cleaning add.

Usage::

    python benchmarks/extract.py            # every page, best of 5 timings
    python benchmarks/extract.py --quick    # CI: one timing pass
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus import ROOT

from newsgist.ingest import load_html

PAGES = ROOT / "tests" / "data" / "pages"
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Extracted:
    """What one system made of one page."""

    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None


@dataclass
class Tally:
    """One system's counts over all pages."""

    kept: int = 0
    paragraphs: int = 0
    leaked: int = 0
    boilerplate: int = 0
    fields: dict[str, int] = field(default_factory=lambda: {"title": 0, "byline": 0, "date": 0})
    pages: int = 0
    seconds: list[float] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _words(text: str) -> str:
    """Return the text's words one space apart: boilerplate is matched on whole words."""
    return " ".join(_WORD.findall(_normal(text)))


def run_newsgist(data: bytes) -> Extracted:
    article = load_html(data)
    return Extracted(article.body, article.title, article.byline, article.published)


def run_trafilatura(data: bytes) -> Extracted:
    import trafilatura

    found = trafilatura.bare_extraction(data, with_metadata=True)
    if found is None or isinstance(found, dict):
        return Extracted("")
    return Extracted(found.text or "", found.title, found.author, found.date)


def run_readability(data: bytes) -> Extracted:
    import lxml.html
    from readability import Document

    document = Document(data)
    text = lxml.html.fromstring(document.summary()).text_content()
    return Extracted(text, document.short_title())


def run_newspaper(data: bytes) -> Extracted:
    from newspaper import Article

    article = Article("https://news.example/story")
    article.download(input_html=data)
    article.parse()
    date = article.publish_date.date().isoformat() if article.publish_date else None
    return Extracted(article.text, article.title, "; ".join(article.authors) or None, date)


SYSTEMS: dict[str, Callable[[bytes], Extracted]] = {
    "newsgist": run_newsgist,
    "trafilatura (defaults)": run_trafilatura,
    "readability-lxml": run_readability,
    "newspaper4k": run_newspaper,
}


def score(found: Extracted, expected: dict[str, Any], tally: Tally) -> None:
    """Add one page's counts to a system's tally."""
    rest = f" {_normal(found.text)} "
    for paragraph in expected["paragraphs"]:
        tally.paragraphs += 1
        wanted = _normal(paragraph)
        if wanted in rest:
            tally.kept += 1
            rest = rest.replace(wanted, " ")
    words = f" {_words(rest)} "
    for line in expected["boilerplate"]:
        tally.boilerplate += 1
        tally.leaked += f" {_words(line)} " in words
    checks = {
        "title": found.title and _normal(found.title) == _normal(expected["title"]),
        "byline": found.byline and _normal(expected["byline"]) in _normal(found.byline),
        "date": found.date and found.date[:10] == expected["published"],
    }
    for name, ok in checks.items():
        tally.fields[name] += bool(ok)
    tally.pages += 1


def measure(pages: list[Path], repeats: int) -> dict[str, Tally]:
    """Run every system on every page; time each page ``repeats`` times and keep the best."""
    tallies = {name: Tally() for name in SYSTEMS}
    for name, system in SYSTEMS.items():
        system(pages[0].read_bytes())  # imports and first-call caches stay out of the timings
        for page in pages:
            data = page.read_bytes()
            expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
            best = float("inf")
            try:
                for _ in range(repeats):
                    started = time.perf_counter()
                    found = system(data)
                    best = min(best, time.perf_counter() - started)
            except Exception as error:  # a peer failing on a page is a result, not a crash
                tallies[name].failed.append(f"{page.stem}: {type(error).__name__}: {error}")
                found = Extracted("")
            score(found, expected, tallies[name])
            tallies[name].seconds.append(best)
    return tallies


def report(tallies: dict[str, Tally]) -> str:
    """Render the results as a Markdown table."""
    rows = [
        "| system | paragraphs kept | boilerplate leaked | title | byline | date | ms/page |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, t in tallies.items():
        fields = " | ".join(f"{t.fields[f]}/{t.pages}" for f in ("title", "byline", "date"))
        rows.append(
            f"| {name} | {t.kept}/{t.paragraphs} ({t.kept / t.paragraphs:.0%})"
            f" | {t.leaked}/{t.boilerplate} ({t.leaked / t.boilerplate:.0%})"
            f" | {fields} | {statistics.median(t.seconds) * 1000:.1f} |"
        )
    for name, t in tallies.items():
        rows.extend(f"\n{name} failed on {failure}" for failure in t.failed)
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--pages", type=Path, default=PAGES, help="folder of NAME.html + NAME.json")
    parser.add_argument("--repeats", type=int, default=5, help="timings per page (best is kept)")
    parser.add_argument("--quick", action="store_true", help="one timing per page (CI)")
    args = parser.parse_args()
    pages = sorted(args.pages.glob("*.html"))
    if not pages:
        raise SystemExit(f"no pages under {args.pages}")
    tallies = measure(pages, 1 if args.quick else args.repeats)
    print(f"{len(pages)} pages under {args.pages}\n")
    print(report(tallies))


if __name__ == "__main__":
    main()
