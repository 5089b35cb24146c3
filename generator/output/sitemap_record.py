"""The sitemap's entries as the last build made them, for edits made in place (output/edits.py).

An edit of a post's time of update changes the time the sitemap gives for the post's page and for the pages
that list it, but no page's path; one that moves a post (output/moves.py) changes the order of the posts' pages. So the sitemap is made again from the last build's entries
with the times of the pages the edit planned replaced, instead of from a plan of every page of the site. The
entries are saved in `content/.newsmirror-cache/build-sitemap.json` by every build that plans the whole site,
and trusted only while the key of the sitemap the site holds is the key of these entries: a build stopped
between saving them and saving its cache leaves them unused, never wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import orjson

from generator.output.build_cache import VERSION, as_json, cache_dir, write_file

FILE_NAME = "build-sitemap.json"

Entry = list  # [path in the site, ISO 8601 time of its content's last change or None]


def save(content_dir: Path, entries: list[Entry]) -> None:
    """Written atomically; a content folder that cannot be written only costs a later edit its place."""
    try:
        write_file(content_dir, FILE_NAME, as_json({"version": VERSION, "entries": entries}))
    except OSError:
        pass


def load(content_dir: Path, key_of: Callable[[list[Entry]], str], recorded: str) -> list[Entry] | None:
    """The saved entries, if `key_of` them is `recorded`, the key of the sitemap in the site; else None."""
    try:
        data = orjson.loads((cache_dir(content_dir) / FILE_NAME).read_bytes())
        entries = data["entries"] if data.get("version") == VERSION else None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    if not isinstance(entries, list) or key_of(entries) != recorded:
        return None
    return entries


def patched(entries: list[Entry], times: Mapping[str, str | None]) -> list[Entry] | None:
    """`entries` with the times of the pages in `times`; None if one of those pages is not in them (then
    the edit changed which pages the site has, and the sitemap must be planned whole)."""
    if not {path for path, _ in entries}.issuperset(times):
        return None
    return [[path, times[path] if path in times else when] for path, when in entries]


def reordered(entries: list[Entry], order: Sequence[str]) -> list[Entry] | None:
    """`entries` with those of the paths in `order` in that order, in the places those entries held (the posts'
    pages, in the order of the posts); None if they are not all there."""
    wanted = set(order)
    places = [n for n, (path, _) in enumerate(entries) if path in wanted]
    if len(places) != len(order):
        return None
    by_path = {path: when for path, when in entries}
    found = list(entries)
    for place, path in zip(places, order):
        found[place] = [path, by_path[path]]
    return found
