"""Work made in a forked child process while this one goes on with other work, its result sent back as plain values.

A build's Python runs one thread at a time; on a machine with a second core, a part of a stage that needs
nothing the rest of the stage makes can run there meanwhile (the scan beside the reading of the build cache,
output/forked_scan.py; the posts' pages by their URL beside the rest of the plan, output/stages.py). The
child starts with this process's data in memory, so nothing is sent to it; it sends back what it made, by
marshal, which takes only plain values (str, numbers, tuples, lists, dicts, sets) and runs no code when read.
Where no child can be forked, or threads run (a fork would copy them in whatever state they are in), or the
child fails, the work is made in this process instead: the result is the same either way.
"""

from __future__ import annotations

import marshal
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, NoReturn, TypeVar

T = TypeVar("T")
Child = tuple[int, int]  # (pid, the read end of the pipe it writes to)


class Later(Generic[T]):
    """`make()`, being made in a child (when `child` is not None); `result()` waits for it."""

    def __init__(self, make: Callable[[], T], child: Child | None) -> None:
        self.make, self.child = make, child

    def result(self) -> T:
        """The child's result; made here when there was no child, or it failed."""
        child, self.child = self.child, None
        if child is not None:
            sent = receive(child)
            if sent is not None:
                return sent[0]  # type: ignore[return-value]
        return self.make()

    def abandon(self) -> None:
        """Stop and reap the child whose result is no longer wanted (the work around it failed)."""
        child, self.child = self.child, None
        if child is not None:
            pid, read = child
            os.close(read)  # its write then fails, and it ends
            os.waitpid(pid, 0)


@contextmanager
def beside(make: Callable[[], T], fork: bool = True) -> Iterator[Later[T]]:
    """`make()` started in a child when `fork` and a child can be forked; no child is left behind on leaving."""
    later = Later(make, start(make) if fork and may_fork() else None)
    try:
        yield later
    finally:
        later.abandon()


def may_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def start(make: Callable[[], object]) -> Child | None:
    """A child that runs `make()` and sends its result; None when none could be forked."""
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


def _child(read: int, write: int, make: Callable[[], object]) -> NoReturn:
    """Make, send the result and end without running anything of the parent's (no atexit, no flush of its
    buffers, even on Ctrl-C); any failure sends nothing, and the parent makes it itself."""
    status = 1
    try:
        os.close(read)
        made = make()
        with os.fdopen(write, "wb") as pipe:
            pipe.write(marshal.dumps(made))
        status = 0
    finally:
        os._exit(status)


def receive(child: Child) -> tuple[object] | None:
    """(the child's result,) once it ended; None when it failed."""
    pid, read = child
    try:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    return (marshal.loads(data),)
