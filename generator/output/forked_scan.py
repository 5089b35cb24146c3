"""The scan (output/inputs.py) in a forked child process, while this one reads the build cache.

After one edited post at 10,000 posts, stat'ing some 51,000 input and output files and folders and reading
the 35 MB build cache take about a fifth of a second each, and neither needs the other. Both are mostly
Python, which runs one thread at a time, so a second process does the stat'ing (as git's preload-index
does with threads) and sends back plain numbers. Where no child can be forked, or threads run (a fork would
copy them in whatever state they are in), the scan runs here and the caller reads the cache once the scan
says a build is needed.
"""

from __future__ import annotations

import marshal
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

from generator.config import Config
from generator.output import inputs
from generator.output.build_cache import Stamp
from generator.output.inputs import Inputs, Scan

T = TypeVar("T")
Child = tuple[int, int]  # (pid, the read end of the pipe it writes to)


def scan(config: Config, last: Stamp | None, live: Path, live_sentinel: tuple[int, int] | None,
         beside: Callable[[], T] | None) -> tuple[Scan, T | None]:
    """inputs.scan, and `beside()` run meanwhile when it is given and a child can be forked; its result is
    None when it did not run."""
    found = inputs.find_inputs(config)

    def here() -> Scan:
        return inputs.scan(config, found, last, live, live_sentinel)

    child = _fork(here) if beside is not None and _may_fork() else None
    if child is None:
        return here(), None
    try:
        result = beside()  # type: ignore[misc]
    finally:
        made = _receive(child, found)  # reaps the child even when `beside` failed
    return (made if made is not None else here()), result


def _may_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def _fork(make: Callable[[], Scan]) -> Child | None:
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:  # too many processes, no memory
        os.close(read)
        os.close(write)
        return None
    if pid == 0:
        _child(read, write, make)
    os.close(write)
    return pid, read


def _child(read: int, write: int, make: Callable[[], Scan]) -> NoReturn:
    """Scan, send the result and end without running anything of the parent's (no atexit, no flush of its
    buffers, even on Ctrl-C); any failure sends nothing, and the parent scans itself."""
    status = 1
    try:
        os.close(read)
        made = make()
        with os.fdopen(write, "wb") as pipe:
            pipe.write(marshal.dumps((made.stats, made.output, made.pages, made.found, made.folder_names,
                                      made.folders, made.stamp)))
        status = 0
    finally:
        os._exit(status)


def _receive(child: Child, found: Inputs) -> Scan | None:
    pid, read = child
    try:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    stats, output, pages, found_stats, names, folders, stamp = marshal.loads(data)
    return Scan(found, stats, output, pages, found_stats, names, folders, stamp)
