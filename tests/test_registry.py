import sys
import types
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from newsgist.errors import InvalidOptionError, UnknownNameError
from newsgist.registry import Registry, methods


def test_builtin_methods_register_themselves():
    assert "lead" in methods.names()
    assert list(methods.names()) == sorted(methods.names())


def test_unknown_name_lists_valid_ones():
    with pytest.raises(UnknownNameError) as info:
        methods.get("nope")
    assert isinstance(info.value, LookupError)
    assert "unknown method 'nope'" in str(info.value)
    assert "lead" in str(info.value)
    assert info.value.valid == methods.names()


def test_decorator_registers_and_unregister_removes():
    @methods.register("test-dummy")
    class Dummy:
        def score(self, document):
            return np.zeros(len(document.sentences))

    assert methods.get("test-dummy") is Dummy
    assert "test-dummy" in methods.names()
    methods.unregister("test-dummy")
    assert "test-dummy" not in methods.names()


def test_names_are_validated_and_duplicates_refused():
    with pytest.raises(InvalidOptionError):
        methods.register("Bad Name")
    with pytest.raises(InvalidOptionError):
        methods.register("lead")(object)  # type: ignore[arg-type]


def test_entry_point_plugins_load_lazily(monkeypatch):
    class FakePoint:
        name = "plugin-x"

        def load(self):
            return "loaded"

    def fake_entry_points(group, name=None):
        points = [FakePoint()] if group == "test.group" else []
        return [p for p in points if name in (None, p.name)]

    monkeypatch.setattr("importlib.metadata.entry_points", fake_entry_points)
    registry: Registry[str] = Registry("thing", package="newsgist.methods", group="test.group")
    assert "plugin-x" in registry.names()
    assert registry.get("plugin-x") == "loaded"


def test_threads_wait_for_the_builtins_to_load(tmp_path, monkeypatch):
    """The first requests of a service arrive together: none may see a half-loaded registry."""
    package = tmp_path / "slowplugins"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "alpha.py").write_text(
        "import time\nimport slowplugins_target\n"
        "time.sleep(0.3)\n"
        "slowplugins_target.registry.register('alpha')(object)\n"
    )
    registry: Registry[type] = Registry("thing", package="slowplugins", group="no-such-group")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(sys.modules, "slowplugins_target", types.SimpleNamespace(registry=registry))
    with ThreadPoolExecutor(8) as pool:
        found = list(pool.map(lambda _: registry.get("alpha"), range(8)))
    assert found == [object] * 8
