"""Sentence compression by deletion: a learned choice among grammar-safe deletions.

``compress_sentence(text, language, words=N)`` shortens a sentence for a bullet and returns
the spans of the sentence it keeps; ``newsgist.compress.deletions`` finds what may go,
``newsgist.compress.model`` decides what does, ``newsgist.compress.train`` fits the model.
"""

from typing import Literal

from newsgist.compress.model import MIN_WORDS, Compressed, DeletionModel, compress_sentence

HighlightStyle = Literal["sentences", "compressed"]
STYLES: tuple[HighlightStyle, ...] = ("sentences", "compressed")
"""How highlights are written: whole sentences, or sentences with what an editor cuts cut."""

__all__ = [
    "MIN_WORDS",
    "STYLES",
    "Compressed",
    "DeletionModel",
    "HighlightStyle",
    "compress_sentence",
]
