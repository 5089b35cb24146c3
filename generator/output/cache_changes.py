"""The build cache's changes since it was last saved whole, so that a build that changed a few files writes a
few kilobytes instead of the whole cache (some 30 MB at 10,000 posts, a tenth of a second to write).

The changes are kept per section of the saved cache (a mapping such as "files" or "pages"): the entries set
and the keys removed since the whole cache was written. They accumulate over builds, each build merging its
own changes into those already saved, until they grow past a limit and the whole cache is written again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # build_cache imports this module
    from generator.output.build_cache import BuildCache

Changes = dict[str, list[Any]]  # section -> [{key: value set, as saved}, [keys removed]], both sorted
_MISSING = object()


def changed(new: Mapping[str, Any], old: Mapping[str, Any], plain: Callable[[Any], Any]) -> list[Any]:
    """[{key: plain(value)} of the entries of `new` not in `old` or not equal there, [keys of `old` gone]]."""
    if new is old:  # reused whole, as the links of 50,000 addresses after an edit: nothing to compare
        return [{}, []]
    found = {}
    for key, value in new.items():
        before = old.get(key, _MISSING)
        if before is not value and before != value:
            found[key] = plain(value)
    return [found, [key for key in old if key not in new]]


def merged(saved: Changes, new: Changes) -> Changes:
    """The changes since the whole cache was written: `saved`, then `new` on top of them."""
    result = {}
    for section in sorted(saved.keys() | new.keys()):
        old_set, old_gone = saved.get(section, ({}, []))
        new_set, new_gone = new.get(section, ({}, []))
        gone = (set(old_gone) - new_set.keys()) | set(new_gone)
        entries = {k: v for k, v in old_set.items() if k not in gone} | new_set
        if entries or gone:
            result[section] = [dict(sorted(entries.items())), sorted(gone)]
    return result


def applied(target: dict[str, Any], changes: Changes, section: str,
            convert: Callable[[Any], Any] = lambda value: value) -> dict[str, Any]:
    """`target`, changed in place by `changes` to `section`, each value set made with `convert`."""
    entries, gone = changes.get(section, ({}, []))
    for key in gone:
        target.pop(key, None)
    for key, value in entries.items():
        target[key] = convert(value)
    return target


def size(changes: Changes) -> int:
    return sum(len(entries) + len(gone) for entries, gone in changes.values())


def between(cache: BuildCache, previous: BuildCache) -> Changes:
    """What changed from `previous` to `cache`, section by section, the values as the cache saves them."""
    files = changed(cache.files, previous.files, lambda e: [e.stat, e.digest, e.meta_id, e.body])
    metas: dict[str, list] = {}
    gone_metas = [path for path in files[1] if previous.files[path].meta is not None]
    for path in files[0]:
        entry, old = cache.files[path], previous.files.get(path)
        had = old is not None and old.meta is not None
        if entry.meta is not None and (not had or old.meta_id != entry.meta_id):
            metas[path] = [entry.meta_id, entry.meta]
        elif entry.meta is None and had:
            gone_metas.append(path)
    return {
        "files": files, "metas": [metas, gone_metas],
        "pages": changed(cache.pages, previous.pages, list),
        "related": changed(cache.related, previous.related, lambda v: [v[0], list(v[1])]),
        "links": changed(cache.links, previous.links, list),
        "local": changed(cache.local[1], previous.local[1], lambda page: page),
        "notes": changed(cache.notes, previous.notes, lambda v: [v[0], list(v[1])]),
    }
