"""Headline generators: one module each, registered by name.

``names()`` lists them (built-in and installed plugins), ``get(name)`` returns one, and
``register(name)`` is the decorator a new generator uses. Third-party generators register
under the ``newsgist.headlines`` entry-point group.
"""

from __future__ import annotations

from newsgist.headlines.base import DEFAULT_HEADLINE, DEFAULT_HEADLINE_WORDS, Headliner
from newsgist.registry import headlines as registry

names = registry.names
get = registry.get
register = registry.register

__all__ = [
    "DEFAULT_HEADLINE",
    "DEFAULT_HEADLINE_WORDS",
    "Headliner",
    "get",
    "names",
    "register",
    "registry",
]
