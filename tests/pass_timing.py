"""The CPU time a cleanup pass takes over a fragment, for the tests that hold a pass's time linear in its input."""

from __future__ import annotations

import time
from collections.abc import Callable

from bs4 import BeautifulSoup

from generator import collector
from generator.convert.context import Context
from generator.convert.parse import parse_fragment


def best_seconds(html: str, rule: Callable[[BeautifulSoup, Context], object], tries: int) -> float:
    """The least CPU time `rule` took over a fresh parse of `html` in `tries` runs, with the cycle collector paused
    (its walks over the large tree would be counted against the pass)."""
    best = float("inf")
    for _ in range(tries):
        soup = parse_fragment(html)
        with collector.paused():
            started = time.process_time()
            rule(soup, Context())
            best = min(best, time.process_time() - started)
    return best
