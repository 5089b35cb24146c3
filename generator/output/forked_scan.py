"""The scan (output/inputs.py) in a forked child process, while this one reads the build cache.

After one edited post at 10,000 posts, stat'ing some 51,000 input and output files and folders and reading
the 35 MB build cache take about a fifth of a second each, and neither needs the other. Both are mostly
Python, which runs one thread at a time, so a second process does the stat'ing (as git's preload-index
does with threads) and sends back plain numbers (output/forked.py). Where no child can be forked, or threads
run, the scan runs here and the caller reads the cache once the scan says a build is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from generator.config import Config
from generator.output import forked, inputs
from generator.output.build_cache import Stamp
from generator.output.inputs import Inputs, Scan

T = TypeVar("T")


def scan(config: Config, last: Stamp | None, live: Path, live_sentinel: tuple[int, int] | None,
         beside: Callable[[], T] | None) -> tuple[Scan, T | None]:
    """inputs.scan, and `beside()` run meanwhile when it is given and a child can be forked; its result is
    None when it did not run."""
    found = inputs.find_inputs(config)

    def here() -> Scan:
        return inputs.scan(config, found, last, live, live_sentinel)

    def sent() -> tuple:
        made = here()
        return made.stats, made.output, made.pages, made.found, made.folder_names, made.folders, made.stamp

    child = forked.start(sent) if beside is not None and forked.may_fork() else None
    if child is None:
        return here(), None
    try:
        result = beside()  # type: ignore[misc]
    finally:
        made = forked.receive(child)  # reaps the child even when `beside` failed
    return (here() if made is None else Scan(found, *made[0])), result  # type: ignore[misc]
