"""Converting many posts at once, on every core; results come back in input order."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from generator.convert.context import Settings
from generator.convert.document import Document
from generator.convert.wp_post import Converted, Lookups, to_document
from generator.problems import ItemError
from generator.workers import can_fork, job_count, parallel_map

# Below this many posts, starting worker processes costs more than it saves.
PARALLEL_FROM = 64
CHUNK = 16  # posts per task: few enough to share the work out evenly at the end


@dataclass(frozen=True)
class Failure:
    field: str
    message: str


def convert_all(items: Sequence[dict[str, Any]], lookups: Lookups, settings: Settings,
                workers: int | None = None, finish: Callable[[Document], object] | None = None
                ) -> Iterator[Converted | Failure]:
    """Each item's outcome, in order, as it comes: the caller need not hold them all.

    `finish`, if given, runs on each document where it was converted (a worker, or this process), and its
    answer comes back as Converted.finished (the importer stages the post's file there). The documents then
    come back without their bodies, which are the bulk of what would travel back and be kept.
    `items` may read each item when asked for it (a spool): a worker asks only for its own."""
    jobs = workers or job_count(0)
    if jobs == 1 or len(items) < PARALLEL_FROM or not can_fork():
        yield from (convert_one(item, lookups, settings, finish) for item in items)
        return
    # The posts go to the workers once, as they start (a forked worker inherits them without
    # copying them); tasks then name posts by position, instead of carrying them through a pipe.
    chunks = [range(start, min(start + CHUNK, len(items))) for start in range(0, len(items), CHUNK)]
    for outcomes in parallel_map(_convert_remembered, chunks, jobs, initializer=_remember,
                                 initargs=(items, lookups, settings, finish)):
        yield from outcomes


def convert_one(item: dict[str, Any], lookups: Lookups, settings: Settings,
                finish: Callable[[Document], object] | None = None) -> Converted | Failure:
    try:
        converted = to_document(item, lookups.of(item), settings)
        if finish is None:
            return converted
        return replace(converted, document=replace(converted.document, body=""), finished=finish(converted.document))
    except ItemError as e:
        return Failure(e.field, e.message)
    except Exception as e:  # noqa: BLE001 - one post's bug must not stop the others
        return Failure("", f"could not be converted ({type(e).__name__}: {e}); "
                           "this is a bug in newsmirror, please report it")


_WORKER: dict[str, Any] = {}  # each worker process's copy of what every conversion needs


def _remember(items: Sequence[dict[str, Any]], lookups: Lookups, settings: Settings,
              finish: Callable[[Document], object] | None) -> None:
    _WORKER.update(items=items, lookups=lookups, settings=settings, finish=finish)


def _convert_remembered(positions: range) -> list[Converted | Failure]:
    return [convert_one(_WORKER["items"][i], _WORKER["lookups"], _WORKER["settings"], _WORKER["finish"])
            for i in positions]
