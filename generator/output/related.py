"""Related posts of every post: reused from the build cache while the stretches of its terms' lists around it
are unchanged (model.related_positions depends on nothing else; keys.related_keys), found again otherwise, on
every core when many are needed. After edits that moved a few posts, the posts near them are known without
any key (relate_near)."""

from __future__ import annotations

from dataclasses import dataclass

from generator import workers
from generator.model import Site, related_positions
from generator.output.keys import related_keys

# Below this many posts to relate, starting worker processes costs more than it saves.
PARALLEL_FROM = 1000
CHUNK = 200

# Per-worker state, set once by _start in each worker process (or in this process when run serially):
# the site and the number of related posts, which every task of one build shares.
_worker: tuple[Site, int] | None = None


@dataclass(frozen=True)
class Related:
    table: tuple[tuple[int, ...], ...]  # position -> positions of its related posts
    entries: dict[str, tuple[str, tuple[str, ...]]]  # for the cache: post file -> (key, related files)
    found: int  # posts whose related posts were found again rather than reused


def relate(site: Site, limit: int, cached: dict[str, tuple[str, tuple[str, ...]]], code_digest: str,
           jobs: int) -> Related:
    positions = {p.file: i for i, p in enumerate(site.posts)}
    table: list[tuple[int, ...] | None] = [None] * len(site.posts)
    keys = related_keys(site, limit, code_digest)
    for i, (post, key) in enumerate(zip(site.posts, keys)):
        hit = cached.get(post.file)
        if hit is not None and hit[0] == key and all(f in positions for f in hit[1]):
            table[i] = tuple(positions[f] for f in hit[1])
    todo = [i for i, found in enumerate(table) if found is None]
    chunks = [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]
    parallel = jobs if len(todo) >= PARALLEL_FROM else 1
    for chunk, results in zip(chunks, workers.parallel_map(_relate, chunks, parallel, _start, (site, limit))):
        for i, found in zip(chunk, results):
            table[i] = found
    done = tuple(t or () for t in table)
    entries = {p.file: (keys[i], tuple(site.posts[j].file for j in done[i])) for i, p in enumerate(site.posts)}
    return Related(done, entries, len(todo))


def relate_near(site: Site, limit: int, cached: dict[str, tuple[str, tuple[str, ...]]],
                near: frozenset[str]) -> Related:
    """Related posts found again for the posts `near` (output/moves.py, near_moves) and reused for the rest,
    whose stretches of their terms' lists are as the last build related them, without working out every
    post's key: that hashes every term list, two fifths of a second at 10,000 posts after a date moved a day.
    The posts found again are cached under no key, so a build that relates every post finds them again too;
    a reused post keeps its key, which still names the lists its related posts were found in."""
    positions = {p.file: i for i, p in enumerate(site.posts)}
    table: list[tuple[int, ...]] = []
    entries: dict[str, tuple[str, tuple[str, ...]]] = {}
    found = 0
    for i, post in enumerate(site.posts):
        hit = cached.get(post.file)
        if post.file in near or hit is None or not all(f in positions for f in hit[1]):
            table.append(related_positions(site, i, limit))
            entries[post.file] = ("", tuple(site.posts[j].file for j in table[-1]))
            found += 1
        else:
            table.append(tuple(positions[f] for f in hit[1]))
            entries[post.file] = hit
    return Related(tuple(table), entries, found)


def reuse(site: Site, cached: dict[str, tuple[str, tuple[str, ...]]]) -> Related:
    """The cached related posts of every post, when it is known that none can have changed."""
    positions = {p.file: i for i, p in enumerate(site.posts)}
    table = tuple(tuple(positions[f] for f in cached[p.file][1]) for p in site.posts)
    return Related(table, cached, 0)


def _start(site: Site, limit: int) -> None:
    global _worker
    _worker = (site, limit)


def _relate(positions: list[int]) -> list[tuple[int, ...]]:
    assert _worker is not None
    site, limit = _worker
    return [related_positions(site, i, limit) for i in positions]
