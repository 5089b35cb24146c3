"""Work on every core: worker processes forked from the build, so they start with its model in memory.

Forking shares the parent's memory instead of pickling the site into every worker, and lets a worker run
closures (the page plan) that could not be pickled. Where fork is not available, or one job is asked for,
the work runs in this process; the results are the same either way, in the same order.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from generator import collector

T = TypeVar("T")
R = TypeVar("R")
PR_SET_PDEATHSIG = 1


def job_count(configured: int) -> int:
    """`[build] jobs`, where 0 means one per core this process may run on."""
    if configured > 0:
        return configured
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def parallel_map(function: Callable[[T], R], items: Iterable[T], jobs: int,
                 initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> Iterator[R]:
    """`map(function, items)` over `jobs` processes, results in the order of `items`.

    `initializer(*initargs)` runs once in each worker before any item (and once here when run serially).
    """
    items = list(items)
    if jobs <= 1 or len(items) <= 1 or not can_fork():
        if initializer is not None:
            initializer(*initargs)
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: a build that changed nothing never needs it

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context,
                             initializer=_start_worker, initargs=(os.getpid(), initializer, initargs)) as pool:
        yield from pool.map(function, items)


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    _die_with_parent(parent)
    collector.worker_started()
    if initializer is not None:
        initializer(*initargs)


def _die_with_parent(parent: int) -> None:
    """A build killed at any moment must not leave workers writing into the next build's staging folder,
    so on Linux each worker asks to be killed when the build process dies."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the build died before the request took effect
        os._exit(1)
