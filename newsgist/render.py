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
from newsgist.models import Summary

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
    if output_format == "markdown":
        bullets = "\n".join(f"- {markdown_text(h.text)}" for h in summary.highlights)
        title = f"# {markdown_text(summary.headline)}\n\n" if summary.headline else ""
        return f"{title}{bullets}\n\n*{markdown_text(note)}*"
    bullets = "\n".join(f" • {h.text}" for h in summary.highlights)
    title = f"{summary.headline}\n" if summary.headline else ""
    return f"{title}({note})\n\n{bullets}"


def markdown_text(text: str) -> str:
    """Return article text as literal Markdown: no raw HTML, link, image or emphasis passes.

    ``&``, ``<`` and ``>`` become entities and the marks that open links, code or emphasis
    are escaped, so markup in a story renders as the words it is (issue 16).
    """
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
