"""The news the benchmarks read: raw articles from the shared data folder, a few per source."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
FILES = ("cnndm_validation.jsonl", "cnndm_toklower_validation.jsonl", "bbc_news_summary.jsonl")
"""CNN (cased), CNN and Daily Mail (lower-cased, tokenised) and BBC: three newsroom styles."""


EXAMPLE = ROOT / "examples" / "article-page.txt"


def read_articles(data: Path, per_file: int, *, quick: bool = False) -> list[str]:
    """Read up to ``per_file`` raw articles from each file of ``FILES`` found under ``data``.

    With ``quick`` (CI proving the script runs) and no data present, fall back to the
    repository's example page, saying so; a full run with no data gets an empty list.
    """
    articles: list[str] = []
    for name in FILES:
        path = data / name
        if not path.exists():
            print(f"note: {path} not found; skipped", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as stream:
            for line, _ in zip(stream, range(per_file), strict=False):
                articles.append(json.loads(line)["article"])
    if not articles and quick:
        print(f"note: no data under {data}; quick run on {EXAMPLE.name} only", file=sys.stderr)
        articles.append(EXAMPLE.read_text(encoding="utf-8"))
    return articles
