"""Watching what a build reads: content, templates and static files (each folder and all below it), and the
configuration file (its folder alone, not what is below it, which would include the built site). A folder
the configuration names that does not exist yet (a theme's templates, before the user copies one in) is
awaited in its parent; once it appears, the watchers start again with it.

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
    awaited: tuple[Path, ...]  # folders the build reads that do not exist yet, watched alone until they do
    ignored: tuple[Path, ...]  # written by the build itself: the site, its spare, the caches


class _Filter:
    def __init__(self, watched: Watched) -> None:
        from watchfiles import DefaultFilter
        self.default = DefaultFilter()  # editors' swap and backup files, .git
        self.ignored = tuple(str(p.resolve()) for p in watched.ignored)
        self.single_paths = {str(p.resolve()) for p in watched.files + watched.awaited}

    def trees(self, change: object, path: str) -> bool:
        return self.default(change, path) and not any(
            path == ignored or path.startswith(ignored + os.sep) for ignored in self.ignored)

    def single(self, change: object, path: str) -> bool:
        return path in self.single_paths


def watched_for(content: Path, templates: Path, static: Path, output: Path, config_file: Path | None) -> Watched:
    """What to watch for a build of `content` with `templates` and `static` into `output`; a folder that
    does not exist (the build then uses the default theme's) is awaited, if its parent exists."""
    folders = [p.resolve() for p in (content, templates, static)]
    trees = tuple(p for p in folders if p.is_dir())
    awaited = tuple(p for p in folders if not p.exists() and p.parent.is_dir())
    files = (config_file.resolve(),) if config_file is not None and config_file.is_file() else ()
    spare = output.with_name(output.name + ".staging")
    return Watched(trees, files, awaited, (output, spare, content / CACHE_DIR))


class Watchers:
    """The watchers of what `watched()` names at the time, started again when that changes: an awaited folder
    appeared, or a watched one went away (it is awaited then)."""

    def __init__(self, watched: Callable[[], Watched], changes: queue.Queue[set[str]], stop: threading.Event) -> None:
        self.watched, self.changes, self.stop = watched, changes, stop
        self._begin(watched())

    def refresh(self) -> None:
        found = self.watched()
        if found != self.now:
            self.close()
            self._begin(found)

    def close(self) -> None:
        self.retired.set()
        for thread in self.threads:
            thread.join(timeout=2)

    def _begin(self, watched: Watched) -> None:
        self.now, self.retired = watched, threading.Event()
        self.threads = _start(watched, self.changes, _Either(self.stop, self.retired))


class _Either:
    """Set when either event is: watchfiles takes anything with `is_set()` as its stop event."""

    def __init__(self, first: threading.Event, second: threading.Event) -> None:
        self.first, self.second = first, second

    def is_set(self) -> bool:
        return self.first.is_set() or self.second.is_set()


def _start(watched: Watched, changes: queue.Queue[set[str]], stop: _Either) -> list[threading.Thread]:
    """Watchers that put changed paths on `changes` until `stop` is set; returns once they watch, so that an
    edit made after it is seen."""
    keep = _Filter(watched)
    singles = tuple(sorted({p.parent for p in watched.files + watched.awaited}))
    runs = [(watched.trees, True, keep.trees), (singles, False, keep.single)]
    started = [(threading.Event(), paths, recursive, accept) for paths, recursive, accept in runs if paths]
    threads = [threading.Thread(target=_watch, args=(*run, changes, stop), name="newsmirror-watch", daemon=True)
               for run in started]
    for thread in threads:
        thread.start()
    for ready, *_ in started:
        ready.wait(timeout=10)
    return threads


def _watch(ready: threading.Event, paths: tuple[Path, ...], recursive: bool,
           accept: Callable[[object, str], bool], changes: queue.Queue[set[str]], stop: _Either) -> None:
    from watchfiles import watch  # loaded by serve only
    # An empty set every READY_MS while nothing changes: the first one says the watch is in place.
    for batch in watch(*paths, watch_filter=accept, debounce=DEBOUNCE_MS, step=STEP_MS, stop_event=stop,
                       recursive=recursive, raise_interrupt=False, rust_timeout=READY_MS, yield_on_timeout=True):
        ready.set()
        if batch:
            changes.put({path for _, path in batch})

