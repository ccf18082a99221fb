"""The evaluation report: one result per system, rendered as markdown, JSON or a bar chart."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgist.errors import MissingDependencyError
from newsgist.evaluate.records import Skipped
from newsgist.evaluate.rouge import MEASURES, ROUGE_TYPES
from newsgist.evaluate.stats import ALPHA, Comparison, Interval

_NAMES = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeLsum": "ROUGE-Lsum"}
_SHOWN_SKIPS = 10


@dataclass(frozen=True, slots=True)
class SystemResult:
    """One system's figures: ROUGE intervals, the test against the baseline, speed, length."""

    label: str
    rouge: Mapping[str, Mapping[str, Interval]]
    versus_baseline: Mapping[str, Comparison]
    articles_per_s: float
    words: float
    sentences: float
    failures: int = 0
    unfaithful: int = 0
    """Summaries that state a name or number the article does not contain."""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one evaluation run measured; the first system is the baseline."""

    source: str
    evaluated: int
    skipped: tuple[Skipped, ...]
    seed: int
    bootstrap: int
    reference_words: float
    reference_sentences: float
    systems: tuple[SystemResult, ...]
    reference: str = "highlights"
    """What was scored against: ``highlights``, or ``title`` for headline systems."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (scores as fractions, not percentages)."""
        return {
            "source": self.source,
            "evaluated": self.evaluated,
            "skipped": [{"line": s.line, "reason": s.reason} for s in self.skipped],
            "seed": self.seed,
            "bootstrap": self.bootstrap,
            "confidence": 1 - ALPHA,
            "reference": self.reference,
            "references": {"words": self.reference_words, "sentences": self.reference_sentences},
            "baseline": self.systems[0].label,
            "systems": [
                {
                    "label": r.label,
                    "rouge": {
                        v: {m: _interval_dict(r.rouge[v][m]) for m in MEASURES} for v in ROUGE_TYPES
                    },
                    "versus_baseline": {
                        v: {
                            "difference": c.difference,
                            "p_value": c.p_value,
                            "significant": c.significant,
                        }
                        for v, c in r.versus_baseline.items()
                    },
                    "articles_per_s": r.articles_per_s,
                    "words": r.words,
                    "sentences": r.sentences,
                    "failures": r.failures,
                    "unfaithful": r.unfaithful,
                }
                for r in self.systems
            ],
        }

    def to_markdown(self) -> str:
        """Render the report as markdown tables, ROUGE scaled to 0-100."""
        baseline = self.systems[0].label
        names = self._names()
        against = "the records' titles" if self.reference == "title" else "reference highlights"
        lines = [
            f"Evaluated {self.evaluated} articles from {self.source or 'the given records'}"
            f" ({len(self.skipped)} skipped). ROUGE F1 × 100 against {against}, with"
            f" {1 - ALPHA:.0%} bootstrap intervals ({self.bootstrap} resamples, seed"
            f" {self.seed}); Δ is the difference from the baseline, {baseline}; * marks a"
            f" significant difference (paired bootstrap, p < {ALPHA}).",
            "",
            f"| system | {' | '.join(names.values())} | "
            + " | ".join(f"Δ {n.replace('ROUGE-', 'R-')}" for n in names.values())
            + " | words | sentences | articles/s |",
            "|---|---|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for result in self.systems:
            cells = [_f1_cell(result.rouge[v]["f1"]) for v in ROUGE_TYPES]
            deltas = [_delta_cell(result.versus_baseline.get(v)) for v in ROUGE_TYPES]
            label = f"{result.label} (baseline)" if result.label == baseline else result.label
            if result.failures:
                label += f" ({result.failures} failed)"
            if result.unfaithful:
                label += f" ({result.unfaithful} unfaithful)"
            lines.append(
                f"| {label} | {' | '.join(cells)} | {' | '.join(deltas)} | {result.words:.1f}"
                f" | {result.sentences:.2f} | {result.articles_per_s:,.0f} |"
            )
        lines.append(
            f"| {'titles' if self.reference == 'title' else 'references'} | | | | | | |"
            f" {self.reference_words:.1f}"
            f" | {self.reference_sentences:.2f} | |"
        )
        lines += [
            "",
            "| system | " + " | ".join(f"{names[v]} P | {names[v]} R" for v in ROUGE_TYPES) + " |",
            "|---|" + "---:|" * (2 * len(ROUGE_TYPES)),
        ]
        for result in self.systems:
            cells = [
                f"{100 * result.rouge[v][m].mean:.2f}"
                for v in ROUGE_TYPES
                for m in ("precision", "recall")
            ]
            lines.append(f"| {result.label} | " + " | ".join(cells) + " |")
        if self.skipped:
            lines += ["", f"Skipped {len(self.skipped)}:"]
            lines += [f"- line {s.line}: {s.reason}" for s in self.skipped[:_SHOWN_SKIPS]]
            if len(self.skipped) > _SHOWN_SKIPS:
                lines.append(f"- … and {len(self.skipped) - _SHOWN_SKIPS} more")
        return "\n".join(lines)

    def _names(self) -> dict[str, str]:
        """Display names of the ROUGE variants: on one-line headlines ROUGE-Lsum is ROUGE-L."""
        if self.reference == "title":
            return {**_NAMES, "rougeLsum": "ROUGE-L"}
        return _NAMES

    def plot(self, path: Path) -> None:
        """Write a PNG bar chart of F1 per ROUGE variant and system, with the intervals."""
        try:
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError as error:
            raise MissingDependencyError("--plot", "eval", error.name) from None
        figure, axes = plt.subplots(figsize=(2.5 + 1.6 * len(self.systems), 4.2))
        width = 0.8 / len(self.systems)
        for s, result in enumerate(self.systems):
            f1 = [result.rouge[v]["f1"] for v in ROUGE_TYPES]
            positions = [v + (s - (len(self.systems) - 1) / 2) * width for v in range(len(f1))]
            errors = [
                [100 * (i.mean - i.low) for i in f1],
                [100 * (i.high - i.mean) for i in f1],
            ]
            heights = [100 * i.mean for i in f1]
            axes.bar(positions, heights, width, yerr=errors, capsize=3, label=result.label)
        axes.set_xticks(range(len(ROUGE_TYPES)), [self._names()[v] for v in ROUGE_TYPES])
        axes.set_ylabel(f"F1 × 100 ({1 - ALPHA:.0%} interval)")
        axes.set_title(f"{self.evaluated} articles: {self.source}", fontsize=9)
        axes.legend(fontsize=8)
        figure.tight_layout()
        figure.savefig(path, dpi=120)
        plt.close(figure)


def _interval_dict(value: Interval) -> dict[str, float]:
    """Return the JSON form of an interval."""
    return {"mean": value.mean, "low": value.low, "high": value.high}


def _f1_cell(value: Interval) -> str:
    """Format an F1 interval as ``mean [low–high]`` in percent."""
    return f"{100 * value.mean:.2f} [{100 * value.low:.2f}–{100 * value.high:.2f}]"


def _delta_cell(comparison: Comparison | None) -> str:
    """Format a difference from the baseline, starred when significant."""
    if comparison is None:
        return "–"
    star = "*" if comparison.significant else ""
    return f"{100 * comparison.difference:+.2f}{star}"
