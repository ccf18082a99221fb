"""Named registries of plugins (summarization methods, headline generators).

Built-in plugins register themselves with a decorator when their package is imported;
third-party ones are found through an entry-point group and loaded only when asked for by
name. Every surface (API, CLI, service, reports) reads its choices from ``names()``, so no
list of methods is kept by hand anywhere.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from newsgist.errors import InvalidOptionError, UnknownNameError

if TYPE_CHECKING:
    from newsgist.headlines.base import Headliner
    from newsgist.methods.base import Summarizer

T = TypeVar("T")

_NAME = re.compile(r"[a-z][a-z0-9-]*")


class Registry(Generic[T]):
    """Plugins of one kind, by name.

    Args:
        kind: what the entries are, for messages ("method").
        package: the package whose modules register the built-in entries; each public
            module in it is imported on first use, so no list of them is kept by hand.
        group: the entry-point group third-party packages register under.

    """

    def __init__(self, kind: str, *, package: str, group: str) -> None:
        self.kind = kind
        self.package = package
        self.group = group
        self._entries: dict[str, T] = {}
        self._loaded = False
        self._loading = False
        self._lock = threading.RLock()

    def register(self, name: str) -> Callable[[T], T]:
        """Return a decorator that registers its target under ``name``."""
        if not _NAME.fullmatch(name):
            raise InvalidOptionError(
                f"{self.kind} name {name!r} must be lower-case letters, digits, '-'"
            )

        def decorator(entry: T) -> T:
            if name in self._entries and self._entries[name] is not entry:
                raise InvalidOptionError(f"{self.kind} {name!r} is already registered")
            self._entries[name] = entry
            return entry

        return decorator

    def unregister(self, name: str) -> None:
        """Remove an entry (for tests and plugin reloads); unknown names are an error."""
        self._load_builtins()
        if name not in self._entries:
            raise UnknownNameError(self.kind, name, self.names())
        del self._entries[name]

    def get(self, name: str) -> T:
        """Return the entry called ``name``, loading an entry-point plugin if needed."""
        from importlib.metadata import entry_points  # slow to import; plugins are rare

        self._load_builtins()
        if name not in self._entries:
            for point in entry_points(group=self.group, name=name):
                self._entries[name] = point.load()
                break
            else:
                raise UnknownNameError(self.kind, name, self.names())
        return self._entries[name]

    def names(self) -> tuple[str, ...]:
        """All registered names, built-in and installed plugins, sorted."""
        from importlib.metadata import entry_points  # slow to import; plugins are rare

        self._load_builtins()
        plugins = {point.name for point in entry_points(group=self.group)}
        return tuple(sorted(set(self._entries) | plugins))

    def _load_builtins(self) -> None:
        """Import every public module of the built-in package once, so each registers.

        Other threads wait until every module is in (a service's first requests arrive
        together); a module that reads the registry while it is imported sees what is
        registered so far instead of recursing.
        """
        if self._loaded:
            return
        with self._lock:
            if self._loaded or self._loading:
                return
            self._loading = True
            try:
                package = importlib.import_module(self.package)
                for module in pkgutil.iter_modules(package.__path__):
                    if not module.name.startswith("_") and module.name != "base":
                        importlib.import_module(f"{self.package}.{module.name}")
            finally:
                self._loading = False
            self._loaded = True


methods: Registry[type[Summarizer]] = Registry(
    "method", package="newsgist.methods", group="newsgist.methods"
)
"""Every summarization method, by name; ``methods.names()`` feeds every surface."""
headlines: Registry[type[Headliner]] = Registry(
    "headline generator", package="newsgist.headlines", group="newsgist.headlines"
)
"""Every headline generator, by name."""
