"""One log line per condition, not per event: an attack must not become a flood of logs."""

import logging
import time

LOG_INTERVAL = 60.0
"""Seconds during which further records of the same condition are only counted."""


class OncePerCondition(logging.Filter):
    """Pass the first record of each condition per interval; count the rest into the next one.

    A condition is the logger, the level and the first line of the message template, so
    "worker %d killed" is one condition whatever the pid, and asyncio's "socket.accept()
    out of system resource" one whatever the socket.
    """

    def __init__(self, interval: float = LOG_INTERVAL) -> None:
        super().__init__()
        self.interval = interval
        self._seen: dict[tuple[str, int, str], tuple[float, int]] = {}

    def clear(self) -> None:
        """Forget every condition seen, so each is logged afresh (a new server, a test)."""
        self._seen.clear()

    def filter(self, record: logging.LogRecord) -> bool:
        """Let the record through when its condition was quiet for ``interval`` seconds."""
        key = (record.name, record.levelno, str(record.msg).partition("\n")[0])
        now = time.monotonic()
        last, suppressed = self._seen.get(key, (float("-inf"), 0))
        if now - last < self.interval:
            self._seen[key] = (last, suppressed + 1)
            return False
        self._seen[key] = (now, 0)
        if suppressed:
            since = f"{suppressed:,} more like this in the last {self.interval:g} s"
            record.msg = f"{record.msg} [{since}]"
        return True


LOG = logging.getLogger("newsgist.server")
"""The service's own log; each condition is reported once a minute at most."""
LOG.addFilter(OncePerCondition())


def limit_logs(*names: str) -> None:
    """Rate-limit other loggers the service feeds (uvicorn's per-event warnings, asyncio's)."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, OncePerCondition) for f in logger.filters):
            logger.addFilter(OncePerCondition())


ACCESS = logging.getLogger("newsgist.access")
"""One line per request (``newsgist.server.middleware.AccessLog``); not rate-limited."""
