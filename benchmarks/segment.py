"""Sentence segmentation: newsgist vs pysbd vs blingfire, accuracy and speed, in one run.

Accuracy is measured on the golden table (``tests/data/segment_golden.json``, cases the team
wrote) and, per language, on the languages table (``segment_golden_languages.json``), where
each system is told the language (pysbd where it has the language). Boundaries are
compared as counts of letters and digits before each sentence end, so systems that keep or
drop bullet markers, or put a closing quote on either side, are judged alike. A case is
correct when all its boundaries match; boundary precision, recall and F1 are pooled over
all cases. Speed is measured on real article bodies from ``--data`` (CNN, Daily Mail
lower-cased/tokenised, BBC), after newsgist's own ingest cleaning.

Usage::

    python benchmarks/segment.py                 # full run
    python benchmarks/segment.py --quick         # CI: a few articles, proves it runs
    python benchmarks/segment.py --data ../shared/data --articles 300 --json out.json
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from corpus import DEFAULT_DATA, ROOT, read_articles

from newsgist.ingest import load_text
from newsgist.lang import Language
from newsgist.segment import segment

GOLDEN = ROOT / "tests" / "data" / "segment_golden.json"
LANGUAGES = ROOT / "tests" / "data" / "segment_golden_languages.json"
"""Cases the team wrote in 19 languages (English: the kinds of the golden rules)."""

Splitter = Callable[[str], Sequence[str]]
_ALNUM = re.compile(r"[^\W_]")


def systems() -> dict[str, Splitter | str]:
    """Each system's splitter, or the reason it cannot run."""
    found: dict[str, Splitter | str] = {"newsgist": lambda text: [s.text for s in segment(text)]}
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = lambda text: [str(s) for s in segmenter.segment(text)]
    except ImportError:
        found["pysbd"] = "not installed: pip install 'newsgist[bench]'"
    try:
        import blingfire

        found["blingfire"] = lambda text: [
            s for s in blingfire.text_to_sentences(text).split("\n") if s.strip()
        ]
    except ImportError:
        found["blingfire"] = "not installed: pip install 'newsgist[bench]'"
    return found


def boundaries(sentences: Sequence[str]) -> set[int]:
    """Sentence ends as counts of letters and digits before them."""
    ends: set[int] = set()
    count = 0
    for sentence in sentences:
        count += len(_ALNUM.findall(sentence))
        ends.add(count)
    ends.discard(0)
    return ends


def accuracy(split: Splitter, cases: list[dict[str, object]]) -> dict[str, object]:
    """Exact-case accuracy, boundary P/R/F1, and per-category accuracy on the golden table."""
    right = tp = fp = fn = 0
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: list[str] = []
    for case in cases:
        text = str(case["text"])
        expected = case["sentences"]
        assert isinstance(expected, list)
        gold = boundaries([str(s) for s in expected])
        got = boundaries(split(text))
        ok = got == gold
        right += ok
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
        category = str(case["id"]).rsplit("-", 1)[0]
        by_category[category][0] += ok
        by_category[category][1] += 1
        if not ok:
            failures.append(str(case["id"]))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "cases": len(cases),
        "correct": right,
        "accuracy": right / len(cases),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "by_category": {k: v[0] / v[1] for k, v in sorted(by_category.items())},
        "failures": failures,
    }


def split_in(text: str, *, language: Language) -> list[str]:
    """Split ``text`` with newsgist in ``language``."""
    return [s.text for s in segment(text, language=language)]


def _pysbd(segmenter: Any, text: str) -> list[str]:  # noqa: ANN401 - pysbd is untyped
    """Split ``text`` with a pysbd segmenter."""
    return [str(s) for s in segmenter.segment(text)]


def language_accuracy(cases: list[dict[str, object]]) -> dict[str, dict[str, str]]:
    """Cases correct per language on the languages table: newsgist, and pysbd where it can."""
    from newsgist.lang import lookup

    try:
        import pysbd
    except ImportError:
        pysbd = None
    by_language: dict[str, list[dict[str, object]]] = defaultdict(list)
    for case in cases:
        by_language[str(case["language"])].append(case)
    table: dict[str, dict[str, str]] = {}
    for code, group in by_language.items():
        resources = lookup(code)
        ours = accuracy(partial(split_in, language=resources), group)
        row = {"newsgist": f"{ours['correct']}/{len(group)}", "resources": resources.code}
        try:
            theirs = pysbd.Segmenter(language=code, clean=False) if pysbd else None
        except ValueError:  # a language pysbd does not have
            theirs = None
        if theirs is not None:
            peer = accuracy(partial(_pysbd, theirs), group)
            row["pysbd"] = f"{peer['correct']}/{len(group)}"
        table[code] = row
    return table


def speed(split: Splitter, bodies: list[str], repeats: int) -> dict[str, float]:
    """Best-of-``repeats`` throughput over all bodies."""
    best = float("inf")
    sentences = 0
    for _ in range(repeats):
        start = time.perf_counter()
        sentences = sum(len(split(body)) for body in bodies)
        best = min(best, time.perf_counter() - start)
    chars = sum(len(b) for b in bodies)
    return {
        "articles_per_s": len(bodies) / best,
        "mb_per_s": chars / best / 1e6,
        "ms_per_article": 1000 * best / len(bodies),
        "sentences_per_article": sentences / len(bodies),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=300, help="articles per data file")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="5 articles per file, 1 repeat")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.repeats = 5, 1

    cases = json.loads(GOLDEN.read_text(encoding="utf-8"))
    bodies = [load_text(a).body for a in read_articles(args.data, args.articles, quick=args.quick)]
    results: dict[str, dict[str, object]] = {}
    for name, split in systems().items():
        if isinstance(split, str):
            results[name] = {"error": split}
            continue
        results[name] = {
            "accuracy": accuracy(split, cases),
            "speed": speed(split, bodies, args.repeats if name != "pysbd" else 1) if bodies else {},
        }

    print(f"Golden table: {len(cases)} cases; speed: {len(bodies)} article bodies from {args.data}")
    print()
    print("| segmenter | cases correct | accuracy | boundary P | R | F1 | articles/s | MB/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, result in results.items():
        if "error" in result:
            print(f"| {name} | {result['error']} | | | | | | |")
            continue
        acc = result["accuracy"]
        spd = result["speed"]
        assert isinstance(acc, dict)
        assert isinstance(spd, dict)
        rate = f"{spd['articles_per_s']:,.0f} | {spd['mb_per_s']:.2f}" if spd else "– | –"
        print(
            f"| {name} | {acc['correct']}/{acc['cases']} | {acc['accuracy']:.1%} "
            f"| {acc['precision']:.3f} | {acc['recall']:.3f} | {acc['f1']:.3f} | {rate} |"
        )
    ran = {k: v for k, v in results.items() if "accuracy" in v}
    categories = sorted({c for v in ran.values() for c in v["accuracy"]["by_category"]})  # type: ignore[index]
    print()
    print("| category | " + " | ".join(ran) + " |")
    print("|---|" + "---:|" * len(ran))
    for category in categories:
        cells = [f"{v['accuracy']['by_category'][category]:.0%}" for v in ran.values()]  # type: ignore[index]
        print(f"| {category} | " + " | ".join(cells) + " |")
    table = language_accuracy(json.loads(LANGUAGES.read_text(encoding="utf-8")))
    print()
    print("| language | newsgist resources | newsgist | pysbd |")
    print("|---|---|---:|---:|")
    for code, row in table.items():
        print(f"| {code} | {row['resources']} | {row['newsgist']} | {row.get('pysbd', '–')} |")
    ours = ran.get("newsgist", {}).get("speed")
    theirs = ran.get("pysbd", {}).get("speed")
    if isinstance(ours, dict) and isinstance(theirs, dict) and ours and theirs:
        print()
        ratio = ours["articles_per_s"] / theirs["articles_per_s"]
        print(f"newsgist is {ratio:.0f}x pysbd's speed.")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
