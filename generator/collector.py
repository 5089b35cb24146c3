"""Python's cycle collector, paused while a run builds the structures it keeps to its end.

An import or a build makes hundreds of thousands of objects that live as long as the run: items,
documents, the model, the plan, the caches. They hold no garbage cycles worth collecting, yet each
full collection walks all of them again, and full collections come more often the more there are:
at 50,000 posts a rebuild after one edit spent nearly half its time in the collector. So the
collector pauses while the main process builds them; the worker processes it forks collect their
own garbage (parsed HTML trees are cycles), with everything they inherit frozen out of reach.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(resume: bool = True) -> Iterator[None]:
    """With `resume` False the collector stays paused, for a process that ends right after without freeing
    anything (cli.run): its first collection would walk everything the run made, a tenth of a second after a
    one-edit rebuild at 10,000 posts, to find nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled and resume:
            gc.enable()


def worker_started() -> None:
    """In a forked worker: never walk what the parent made (which also keeps its memory pages shared),
    and collect what this worker makes."""
    gc.freeze()
    gc.enable()
