"""A summary as people and programs read it: plain text, Markdown or JSON.

Every surface that prints a summary (the CLI, batch output, the service) uses these, so a
format means the same everywhere. Markdown escapes the story's text: markup in an article
(``<img onerror=...>``, ``[x](javascript:...)``) is shown as the words it is, never rendered.
"""

from __future__ import annotations

import json
import re
from typing import Literal, get_args

from newsgist.errors import InvalidOptionError
from newsgist.models import Facts, Summary

OutputFormat = Literal["text", "markdown", "json"]
FORMATS: tuple[str, ...] = get_args(OutputFormat)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]~])")


def render(summary: Summary, output_format: str, *, body: str | None = None) -> str:
    """Render ``summary``; JSON is its round-trip form, plus ``body`` when given."""
    if output_format == "json":
        data = summary.to_dict()
        if body is not None:
            data["body"] = body
        return json.dumps(data, ensure_ascii=False, indent=2)
    if output_format not in FORMATS:
        raise InvalidOptionError(
            f"format must be one of {', '.join(FORMATS)}, not {output_format!r}"
        )
    origin = {"title": "the page's own title", "none": "none asked for"}.get(
        summary.headline_origin, f"written by {summary.headline_origin}"
    )
    note = f"headline: {origin}; highlights: {summary.method}"
    facts = _fact_lines(summary.facts) if summary.facts is not None else []
    if output_format == "markdown":
        bullets = "\n".join(f"- {markdown_text(h.text)}" for h in summary.highlights)
        title = f"# {markdown_text(summary.headline)}\n\n" if summary.headline else ""
        listed = "".join(f"\n\n**{label}:** {markdown_text(text)}" for label, text in facts)
        return f"{title}{bullets}\n\n*{markdown_text(note)}*{listed}"
    bullets = "\n".join(f" • {h.text}" for h in summary.highlights)
    title = f"{summary.headline}\n" if summary.headline else ""
    listed = "".join(f"\n{label}: {text}" for label, text in facts)
    return f"{title}({note})\n\n{bullets}" + (f"\n{listed}" if listed else "")


def _fact_lines(facts: Facts) -> list[tuple[str, str]]:
    """Label and text of each line of facts that has something to say, for text and Markdown."""
    quoted = [
        f"“{q.text}”"
        + (f" ({q.speaker})" if q.speaker else "")
        + (" [partial]" if q.partial else "")
        for q in facts.quotes
    ]
    counted = [f"{f.text} ({f.counts})" if f.counts else f.text for f in facts.figures]
    lines = [
        ("Quotes", " · ".join(quoted)),
        ("Figures", " · ".join(counted)),
        ("People", ", ".join(e.name for e in facts.of_kind("person"))),
        ("Organisations", ", ".join(e.name for e in facts.of_kind("organisation"))),
        ("Places", ", ".join(e.name for e in facts.of_kind("place"))),
        ("Keywords", ", ".join(term for term, _ in facts.keywords)),
        ("Reading time", f"{facts.reading_minutes} min ({facts.words:,} words)"),
        ("Not in the article", ", ".join(facts.unsupported)),
    ]
    return [(label, text) for label, text in lines if text]


def markdown_text(text: str) -> str:
    """Return article text as literal Markdown: no raw HTML, link, image or emphasis passes.

    ``&``, ``<`` and ``>`` become entities and the marks that open links, code or emphasis
    are escaped, so markup in a story renders as the words it is (issue 16).
    """
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
