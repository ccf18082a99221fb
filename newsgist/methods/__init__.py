"""Summarization methods: one module each, registered by name in ``newsgist.methods``.

``newsgist.registry.methods`` imports every public module of this package on first use, so
each registers itself and nothing keeps a hand-written list. Third-party methods register
under the ``newsgist.methods`` entry-point group.
"""

from __future__ import annotations

from newsgist.methods.base import Summarizer
from newsgist.registry import methods

__all__ = ["Summarizer", "methods"]
