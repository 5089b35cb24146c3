"""What to render, and getting the spare folder ready: from the files the cache says the site holds, the
ones still exactly there, and the keys of this build's outputs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.output.build_cache import Written
from generator.output.digest import of_bytes
from generator.output.keys import with_links
from generator.output.rendering import Output
from generator.output.writer import MARKER, FileStat, Staging


@dataclass(frozen=True)
class Plan:
    """This build's decisions."""

    keys: tuple[str | None, ...]  # final key of each output; None until its page's links are known
    todo: tuple[tuple[int, str | None], ...]  # outputs to make, with the digest of the site's file if valid
    keep: dict[str, Written]  # unchanged outputs: their files as they are in the site
    removed: frozenset[str]  # files of the last build that this one does not have


def intact(output: str, recorded: Mapping[str, Written], found: Sequence[FileStat | None]) -> dict[str, Written]:
    """The recorded files of the site that are still exactly as the last build left them, given `found`, the
    stat of each in the order of `recorded`; a file edited or deleted by hand is made again. A file whose stat
    changed but whose bytes did not (a site restored from a CI cache or a backup) is kept, with its new stat."""
    valid = {}
    for (path, entry), stat in zip(recorded.items(), found):
        if stat == (entry.size, entry.mtime_ns, entry.ino):
            valid[path] = entry
        elif stat is not None and stat[0] == entry.size and _digest_of(output, path) == entry.digest:
            valid[path] = entry._replace(mtime_ns=stat[1], ino=stat[2])
    return valid


def _digest_of(output: str, path: str) -> str | None:
    try:
        with open(os.path.join(output, path), "rb") as f:
            return of_bytes(f.read())
    except OSError:
        return None


def hand_added(output: str, pages: Iterable[str], changed: Iterable[str]) -> list[str]:
    """What was added by hand to the site's folders whose mtime changed: anything the last build did not
    write there (a folder counts as one path). The site keeps them until the next swap; the spare never
    has them, and they are removed from it once it is the spare."""
    expected: dict[str, set[str]] = {}
    for path in pages:
        parts = path.split("/")
        for depth in range(len(parts)):
            expected.setdefault("/".join(parts[:depth]), set()).add(parts[depth])
    expected.setdefault("", set()).add(MARKER)
    extra = []
    for folder in changed:
        try:
            names = os.listdir(os.path.join(output, folder))
        except OSError:
            continue
        known = expected.get(folder, set())
        extra.extend(f"{folder}/{name}" if folder else name for name in sorted(names) if name not in known)
    return extra


def decide(outputs: Sequence[Output], recorded: Mapping[str, Written], valid: Mapping[str, Written],
           links: Mapping[str, tuple[str, ...]], local_pages: Mapping[str, str]) -> Plan:
    keys: list[str | None] = []
    todo, keep = [], {}
    for index, output in enumerate(outputs):
        key: str | None = output.key
        if output.post is not None:
            looked_up = links.get(output.post.digest)
            key = None if looked_up is None else with_links(output.key, local_pages, looked_up)
        keys.append(key)
        live = valid.get(output.path)
        if live is not None and key is not None and live.key == key:
            keep[output.path] = live
        else:
            todo.append((index, live.digest if live is not None else None))
    paths = {o.path for o in outputs}
    return Plan(tuple(keys), tuple(todo), keep, frozenset(p for p in recorded if p not in paths))


def edited(outputs: Sequence[Output], recorded: Mapping[str, Written]) -> Plan:
    """The plan after edits made in place (output/edits.py): the outputs that show the edited posts are made
    again, but for those whose key is the one recorded (a list that shows only the time of update that
    changed, through the sitemap), and every other file of the site is kept."""
    # A page's key waits for the links its body looks up; the other outputs' keys are known now.
    keys = tuple(None if o.post is not None else o.key for o in outputs)
    todo = []
    keep = dict(recorded)
    for index, (output, key) in enumerate(zip(outputs, keys)):
        live = recorded.get(output.path)
        if live is None or key is None or live.key != key:
            todo.append((index, live.digest if live is not None else None))
            keep.pop(output.path, None)
    return Plan(keys, tuple(todo), keep, frozenset())


def prepare_spare(staging: Staging, plan: Plan, wanted: set[str],
                  differs: frozenset[str] | None) -> dict[str, FileStat]:
    """Make the spare hold exactly the site's files for the unchanged outputs and nothing that is not an
    output (`wanted`), so that only what is made next remains to be written. Returns the stats of files that
    had to be copied rather than linked (on a file system without hard links).

    `differs` are the paths at which the spare may differ from the site, as recorded after the last swap;
    None when that is not known (no record, or the spare changed since), and then every file is checked.
    """
    if differs is None:
        stale = [p for p in staging.spare_files() if p not in wanted and p != MARKER]
        relink = [p for p, live in plan.keep.items() if not staging.is_kept(p, live.ino)]
    else:
        stale = [p for p in differs if p not in wanted]
        relink = [p for p in differs if p in plan.keep]
    staging.remove([*stale, *plan.removed])
    copied = {}
    for path in relink:
        stat = staging.keep(path)
        if stat is not None:
            copied[path] = stat
    return copied


def catch_up(staging: Staging, pages: Iterable[str], differs: frozenset[str]) -> bool:
    """Make the spare hold the site's files again, by hard links, right after a swap: the next build then
    starts from a spare with nothing to redo, however much this one wrote (the first build writes everything).
    `differs` are the paths at which the spare may differ from the site. False, having stopped, where files
    cannot be hard-linked: copying the site would cost more than the next build saves. When this build's
    workers already linked every file as they wrote it (a build with no site before it), that copy is used."""
    wanted = set(pages)
    if differs == wanted and staging.adopt_mirror(wanted):
        return True
    staging.remove([p for p in differs if p not in wanted])
    return all(staging.keep(path) is None for path in sorted(differs) if path in wanted)
