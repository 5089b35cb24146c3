"""Work on every core: worker processes forked from an import or a build, so they start with its data in memory.

Forking shares the parent's memory instead of pickling the site into every worker, and lets a worker run
closures (the page plan) that could not be pickled. A worker dies with the process that forked it,
so a run killed at any moment leaves no worker behind. Where fork is not available, or one job is asked for,
the work runs in this process; the results are the same either way, in the same order.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
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
    import multiprocessing  # here, like the pool below: a build that changed nothing never needs them

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
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

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
    """A run killed at any moment must not leave workers behind: a build's would write into the next build's
    staging folder, and an import's would wait for work for ever. So on Linux each asks to be killed when
    its parent dies; `parent` is the pid from before the fork, since getppid() here may already be init's."""
    if not _ask_kernel_to_kill_with_parent():
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _ask_kernel_to_kill_with_parent() -> bool:
    """The kernel sends the signal when the thread that forked this worker ends, not the whole process:
    parallel_map must be called from a thread that lives as long as its pool (here, the main thread)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL) == 0
    except (OSError, AttributeError):
        return False


def _exit_when_orphaned(parent: int) -> None:
    """Where the kernel cannot be asked: look, twice a second."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
