"""Watching what a build reads: content, templates and static files (each folder and all below it), and the
configuration file (its folder alone, not what is below it, which would include the built site).

Each watcher runs watchfiles in a thread of its own and puts the set of changed paths on a queue; the
rebuilding thread takes them from there.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.store.import_cache import CACHE_DIR

STEP_MS = 30  # a burst of changes ends after this long without another (an editor's save is several events)
DEBOUNCE_MS = 400  # a longer burst (an import writing thousands of files) is cut here and built in parts
READY_MS = 200


@dataclass(frozen=True)
class Watched:
    trees: tuple[Path, ...]  # watched with everything below them
    files: tuple[Path, ...]  # watched alone
    ignored: tuple[Path, ...]  # written by the build itself: the site, its spare, the caches


class _Filter:
    def __init__(self, watched: Watched) -> None:
        from watchfiles import DefaultFilter
        self.default = DefaultFilter()  # editors' swap and backup files, .git
        self.ignored = tuple(str(p.resolve()) for p in watched.ignored)
        self.files = {str(p.resolve()) for p in watched.files}

    def trees(self, change: object, path: str) -> bool:
        return self.default(change, path) and not any(
            path == ignored or path.startswith(ignored + os.sep) for ignored in self.ignored)

    def single(self, change: object, path: str) -> bool:
        return path in self.files


def watched_for(content: Path, templates: Path, static: Path, output: Path, config_file: Path | None) -> Watched:
    """What to watch for a build of `content` with `templates` and `static` into `output`; folders that do
    not exist are left out (the build then uses the default theme's)."""
    trees = tuple(p.resolve() for p in (content, templates, static) if p.is_dir())
    files = (config_file.resolve(),) if config_file is not None and config_file.is_file() else ()
    spare = output.with_name(output.name + ".staging")
    return Watched(trees, files, (output, spare, content / CACHE_DIR))


def start(watched: Watched, changes: queue.Queue[set[str]], stop: threading.Event) -> list[threading.Thread]:
    """Watchers that put changed paths on `changes` until `stop` is set; returns once they watch, so that an
    edit made after it is seen."""
    keep = _Filter(watched)
    runs = [(watched.trees, True, keep.trees), (tuple({p.parent for p in watched.files}), False, keep.single)]
    started = [(threading.Event(), paths, recursive, accept) for paths, recursive, accept in runs if paths]
    threads = [threading.Thread(target=_watch, args=(*run, changes, stop), name="newsmirror-watch", daemon=True)
               for run in started]
    for thread in threads:
        thread.start()
    for ready, *_ in started:
        ready.wait(timeout=10)
    return threads


def _watch(ready: threading.Event, paths: tuple[Path, ...], recursive: bool,
           accept: Callable[[object, str], bool], changes: queue.Queue[set[str]], stop: threading.Event) -> None:
    from watchfiles import watch  # loaded by serve only
    # An empty set every READY_MS while nothing changes: the first one says the watch is in place.
    for batch in watch(*paths, watch_filter=accept, debounce=DEBOUNCE_MS, step=STEP_MS, stop_event=stop,
                       recursive=recursive, raise_interrupt=False, rust_timeout=READY_MS, yield_on_timeout=True):
        ready.set()
        if batch:
            changes.put({path for _, path in batch})
