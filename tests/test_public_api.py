import subprocess
import sys

import newsgist


def test_all_is_sorted_and_complete():
    assert newsgist.__all__ == sorted(newsgist.__all__)
    for name in newsgist.__all__:
        assert getattr(newsgist, name) is not None
    # every name the README's API tour uses is exported, not only reachable by module path
    tour = {"summarize", "make_pipeline", "SummarizeOptions", "SelectOptions", "load", "load_url"}
    tour |= {"FetchOptions", "segment", "methods", "headlines", "NewsgistError", "Summary"}
    assert tour <= set(newsgist.__all__)


def test_import_is_cheap():
    heavy = "('numpy', 'click', 'trafilatura', 'lxml', 'httpx')"
    code = f"import sys, newsgist; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_version_is_exposed():
    assert newsgist.__version__.count(".") == 2


def test_registries_stay_reachable_after_plugins_load():
    newsgist.summarize("The ferry sank. All were saved.")
    assert "learned" in newsgist.methods.names()
    assert {"compress", "first-words"} <= set(newsgist.headlines.names())
