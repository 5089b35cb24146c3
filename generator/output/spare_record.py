"""The spare folder's guards: a lock that keeps a second build of the same content out of it, and the record
of how it differs from the site, both beside the build cache. The record also keeps the mtimes of the spare's
folders once it holds the site again, so that after the next swap only the folders that build touched are
stat'ed to know the new site's (see stages.swap)."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import orjson

from generator.output.build_cache import VERSION, as_json, cache_dir, write_file

LOCK_FILE = "build.lock"
SPARE_FILE = "build-spare.json"


def lock(content_dir: Path) -> int | None:
    """Wait for any other build of this content to finish, and keep others out until this process ends
    (the lock goes with the file descriptor): two builds at once would stage into the same spare folder.
    None when the cache folder cannot be written, and then there is no lock to take."""
    try:
        folder = cache_dir(content_dir)
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        return None
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def unlock(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)


def load_spare(content_dir: Path, spare: Path, sentinel: tuple[int, int] | None
               ) -> tuple[frozenset[str], dict[str, int] | None] | None:
    """The paths at which the spare folder differs from the site, and the mtimes of its folders when they
    were recorded; None when the differences are not known: no record, or the spare's marker file is not the
    one recorded, so the spare was changed since."""
    try:
        data = orjson.loads((cache_dir(content_dir) / SPARE_FILE).read_bytes())
        if data.get("version") != VERSION or data["spare"] != str(spare) or sentinel is None:
            return None
        if tuple(data["sentinel"]) != sentinel:
            return None
        folders = data.get("folders")
        if folders is not None and not (isinstance(folders, dict) and all(type(t) is int for t in folders.values())):
            folders = None
        return frozenset(data["differs"]), folders
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def save_spare(content_dir: Path, spare: Path, sentinel: tuple[int, int] | None, differs: frozenset[str],
               folders: dict[str, int] | None = None) -> None:
    """Record how the spare (whose marker file has `sentinel`) differs from the site after a swap, and with
    `folders`, the mtime of each of its folders."""
    if sentinel is None:
        return
    data = {"version": VERSION, "spare": str(spare), "sentinel": list(sentinel), "differs": sorted(differs)}
    if folders is not None:
        data["folders"] = folders
    try:
        write_file(content_dir, SPARE_FILE, as_json(data))
    except OSError:
        pass
