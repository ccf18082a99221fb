"""The language-neutral resources: what newsgist uses for a language it has no module for."""

from __future__ import annotations

from newsgist.lang.base import Language

NEUTRAL = Language(code="neutral", name="language-neutral")
"""No stop words, no stemming, no abbreviations, sentence starters or headline grammar:
sentences split on punctuation and case, terms are whole lower-cased words, and headlines
are cut at punctuation."""
