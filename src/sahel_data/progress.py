"""Progress for long runs: a bar on a terminal, plain log lines elsewhere (CI, files)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


def progress(items: Iterable[T], total: int, what: str, log_steps: bool = True) -> Iterator[T]:
    """Yield items, showing how far along we are: a bar on a terminal; elsewhere a log line at
    every tenth (or none, when the caller logs its own summary, as each extraction batch does)."""
    if sys.stderr.isatty() and total > 1:
        from rich.progress import track

        yield from track(items, total=total, description=what, transient=True)
        return
    step = max(1, total // 10)
    for n, item in enumerate(items, 1):
        yield item
        if log_steps and (n % step == 0 or n == total):
            log.info("%s: %d/%d", what, n, total)
