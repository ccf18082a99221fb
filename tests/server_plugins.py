"""Methods and a headline generator that misbehave on purpose, for the service tests.

A service started with ``plugins=("tests.server_plugins",)`` imports this module in every
worker process, so these run where the server can kill them.
"""

import os
import time
from pathlib import Path

import numpy as np

from newsgist.models import Headline
from newsgist.registry import headlines, methods

MARKER_ENV = "NEWSGIST_TEST_MARKER"
"""A file ``test-hang`` creates if it is ever allowed to finish."""


@methods.register("test-slow")
class Slow:
    """Takes 0.6 s, then scores every sentence alike."""

    def score(self, document):
        time.sleep(0.6)
        return np.zeros(len(document.sentences))


@methods.register("test-hang")
class Hang:
    """Takes 3 s, then leaves a marker file: a finished job the server should have killed."""

    def score(self, document):
        time.sleep(3)
        if os.environ.get(MARKER_ENV):
            Path(os.environ[MARKER_ENV]).touch()
        return np.zeros(len(document.sentences))


@methods.register("test-hog")
class Hog:
    """Asks for 3 GiB at once, as the dense matrix of a huge article would."""

    def score(self, document):
        hog = np.empty(3 * 2**30, dtype=np.uint8)
        return np.zeros(len(document.sentences)) + hog[:0].sum()


@methods.register("test-crash")
class Crash:
    """Fails with an exception that is not a newsgist error: a plugin's bug."""

    def score(self, document):
        raise RuntimeError("this plugin has a bug")


@methods.register("test-exit")
class Exit:
    """Ends its process abruptly, as a crash in C code would."""

    def score(self, document):
        os._exit(3)


@headlines.register("test-surrogate")
class Surrogate:
    """Writes a headline holding a lone surrogate, which no UTF-8 encoder accepts."""

    def write(self, document, scores, *, words):
        return Headline("Levee \udc80 breach")
