"""Summarization methods: one module each, registered by name.

``names()`` lists them (built-in and installed plugins), ``get(name)`` returns one, and
``register(name)`` is the decorator a new method uses. The registry imports every public
module of this package on first use, so each registers itself and nothing keeps a
hand-written list. Third-party methods register under the ``newsgist.methods`` entry-point
group.
"""

from __future__ import annotations

from newsgist.methods.base import DEFAULT_METHOD, Summarizer
from newsgist.registry import methods as registry

names = registry.names
get = registry.get
register = registry.register

__all__ = ["DEFAULT_METHOD", "Summarizer", "get", "names", "register", "registry"]
