"""Headline generators: one module each, registered by name in ``newsgist.headlines``.

``newsgist.registry.headlines`` imports every public module of this package on first use, so
each registers itself. Third-party generators register under the ``newsgist.headlines``
entry-point group.
"""

from __future__ import annotations

from newsgist.headlines.base import DEFAULT_HEADLINE, DEFAULT_HEADLINE_WORDS, Headliner
from newsgist.registry import headlines

__all__ = ["DEFAULT_HEADLINE", "DEFAULT_HEADLINE_WORDS", "Headliner", "headlines"]
