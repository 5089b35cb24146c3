"""The build cache: what the last build read and wrote, so that the next one redoes only what changed.

It is one JSON file, `content/.newsmirror-cache/build.json`, beside the importer's `import.json`. It lives
with the content rather than in the output folder so that it is never published with the site, and a
folder that keeps itself out of git already exists there. It holds plain values, never pickled objects:

- every input file (posts, terms.yaml, templates, static files, the generator's own code): its stat, the
  digest of its bytes and, for a post, its front matter;
- every file of the output folder it describes: the key of everything the file was made from, the digest
  of its bytes, and its stat;
- per post, the related posts found last time and the key they were found under, and the link targets its
  body looks up.

A file's stat is only a shortcut to skip reading a file whose size, mtime, ctime and inode are all
unchanged; what decides is the digest of its bytes. A file whose mtime is within RACY_NS of the moment it
was read is stored without a stat, so it is read again next time. The cache may be deleted at any time, and is ignored
when it cannot be read: the next build then renders everything and writes the same bytes.
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from generator.problems import Problem
from generator.store.files import write_atomic
from generator.store.import_cache import CACHE_DIR

VERSION = 3  # of this file's layout
FILE_NAME = "build.json"
STAMP_FILE = "build-stamp.json"
POSTS_FILE = "build-posts.json"
LOCK_FILE = "build.lock"
SPARE_FILE = "build-spare.json"
WEIGHTS_FILE = "build-search-{}.json"  # per block of the search index: post key -> [words, weights]
# A file whose mtime or ctime is this close to the moment it was read might change again within the same
# timestamp tick without its stat changing (coarse clocks, 2 s on FAT), so its stat is not trusted.
RACY_NS = 2_000_000_000

Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
FileStat = tuple[int, int, int]  # size, mtime_ns, inode


@dataclass(frozen=True)
class FileEntry:
    """One input file as last read."""

    stat: Stat | None  # None when it was changing as it was read
    digest: str
    meta: list[Any] | dict[str, Any] | None = None  # a post's front matter (loading.meta_of), or {"problem": …};
    # None for other files
    meta_id: str = ""  # the digest of the bytes the front matter was read from (the body may have changed since)


class Written(NamedTuple):
    """One file of the output folder as the last build left it. (A NamedTuple: there are tens of thousands.)"""

    key: str  # digest of everything it was made from
    digest: str  # of its bytes
    size: int
    mtime_ns: int
    ino: int


@dataclass(frozen=True)
class BuildCache:
    stamp: str | None = None  # digest of the stats of every input and output file when the last build ended
    output: str = ""  # the output folder that `pages` describes
    config: str = ""  # the configuration's key (keys.config_key)
    files: dict[str, FileEntry] = field(default_factory=dict)  # absolute path -> entry
    pages: dict[str, Written] = field(default_factory=dict)  # path in the site -> entry
    folders: dict[str, int] = field(default_factory=dict)  # folder in the site -> its mtime
    related: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # post file -> (key, files)
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)  # post digest -> link keys looked up
    problems: tuple[Problem, ...] = ()  # of the last build, shown again when nothing changed
    posts: int = 0  # of the last build, reported again when nothing changed
    local: tuple[str, dict[str, str]] = ("", {})  # key of the posts' URLs and paths, and render.local_pages
    notes: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # post file -> (digest, what
    # rendering its body noted), for the posts whose rendering noted something
    noted: tuple[Problem, ...] = ()  # those notes as problems: shown with `problems`, but they leave a page's
    # path alone, so they do not stop a build from re-rendering changed bodies only

    def post_files(self) -> set[str]:
        return {path for path, entry in self.files.items() if entry.meta is not None}


def cache_dir(content_dir: Path) -> Path:
    return content_dir / CACHE_DIR


def stat_of(result: os.stat_result) -> Stat:
    return (result.st_size, result.st_mtime_ns, result.st_ctime_ns, result.st_ino)


def trusted(stat: Stat, read_at_ns: int) -> Stat | None:
    """The stat, unless the file's content changed so shortly before it was read that another change in the
    same clock tick would leave the same mtime. (A change after an older mtime always gives a new one.)"""
    return None if stat[1] >= read_at_ns - RACY_NS else stat


@dataclass(frozen=True)
class Stamp:
    """What a build in which nothing changed needs, kept apart from the rest so that it loads in a moment."""

    stamp: str | None  # None when an input changed as it was read: the next build must read it again
    output: str
    pages: tuple[str, ...]  # the site's files, in the order the stamp covers their stats
    posts: int
    problems: tuple[Problem, ...]


def load_stamp(content_dir: Path) -> Stamp | None:
    try:
        data = orjson.loads((cache_dir(content_dir) / STAMP_FILE).read_bytes())
        if data.get("version") != VERSION:
            return None
        return Stamp(data["stamp"], data["output"], tuple(data["pages"]), data["posts"],
                     tuple(Problem(*p) for p in data["problems"]))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def load(content_dir: Path) -> BuildCache:
    """The saved cache; an unreadable, outdated or malformed one is simply empty."""
    try:
        data = orjson.loads((cache_dir(content_dir) / FILE_NAME).read_bytes())
        if data.get("version") != VERSION:
            return BuildCache()
        metas = _load_metas(content_dir)
        order, keys = data["order"], data["link_keys"]
        files = {}
        for path, (stat, digest, meta_id) in data["files"].items():
            meta = metas.get(path)
            # The front matter counts only if it is the one this entry was made with (see save).
            if meta and meta[0] == meta_id:
                files[path] = FileEntry(tuple(stat) if stat else None, digest, meta[1], meta_id)
            else:
                files[path] = FileEntry(tuple(stat) if stat else None, digest)
        return BuildCache(
            output=data["output"], config=data["config"], files=files,
            pages={k: Written(*v) for k, v in data["pages"].items()}, folders=data["folders"],
            related={file: (key, tuple(order[i] for i in found)) for file, (key, found) in zip(order, data["related"])},
            links={k: tuple(keys[i] for i in v) for k, v in data["links"].items()},
            local=tuple(data["local"]),
            notes={file: (digest, tuple(notes)) for file, (digest, notes) in data["notes"].items()})
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return BuildCache()


def _load_metas(content_dir: Path) -> dict[str, list]:
    try:
        data = orjson.loads((cache_dir(content_dir) / POSTS_FILE).read_bytes())
        return data["metas"] if data.get("version") == VERSION else {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def saved_files(content_dir: Path) -> tuple[FileStat | None, ...]:
    """The stats of the files `load` reads: equal after a save, no other build wrote them since."""
    found: list[FileStat | None] = []
    for name in (FILE_NAME, POSTS_FILE):
        try:
            result = os.stat(cache_dir(content_dir) / name)
            found.append((result.st_size, result.st_mtime_ns, result.st_ino))
        except OSError:
            found.append(None)
    return tuple(found)


def as_loaded(cache: BuildCache) -> BuildCache:
    """`cache` as `load` would give it back once saved: the stamp's fields are not read again."""
    return replace(cache, stamp=None, problems=(), posts=0, noted=())


def save(content_dir: Path, cache: BuildCache, previous: BuildCache) -> None:
    """Written atomically, file by file, the stamp last; a content folder that cannot be written only costs
    the next build time. Posts and link targets are numbered, as each is named many times. The front matter
    of the posts, the bulk of it, is written only when some of it changed: editing a body leaves it. It is
    written first, and an entry uses it only with the meta_id it was saved with, so a build killed between
    the two files cannot pair a file with front matter it does not have."""
    order = list(cache.related)
    number = {file: i for i, file in enumerate(order)}
    keys = list({k: None for found in cache.links.values() for k in found})
    key_number = {k: i for i, k in enumerate(keys)}
    data = {
        "version": VERSION, "output": cache.output, "config": cache.config,
        "files": {k: [e.stat, e.digest, e.meta_id] for k, e in cache.files.items()},
        "pages": cache.pages, "folders": cache.folders,
        "order": order, "related": [[cache.related[f][0], [number[r] for r in cache.related[f][1]]] for f in order],
        "link_keys": keys, "links": {k: [key_number[x] for x in v] for k, v in cache.links.items()},
        "local": cache.local, "notes": cache.notes,
    }
    stamp = {"version": VERSION, "stamp": cache.stamp, "output": cache.output, "pages": list(cache.pages),
             "posts": cache.posts,
             "problems": [[p.file, p.item, p.field, p.message] for p in cache.problems + cache.noted]}
    try:
        (cache_dir(content_dir) / STAMP_FILE).unlink(missing_ok=True)
        if _meta_ids(cache) != _meta_ids(previous):  # the same bytes give the same front matter
            metas = {k: [e.meta_id, e.meta] for k, e in cache.files.items() if e.meta is not None}
            _write(content_dir, POSTS_FILE, _json({"version": VERSION, "metas": metas}))
        _write(content_dir, FILE_NAME, _json(data))
        _write(content_dir, STAMP_FILE, _json(stamp))
    except (OSError, TypeError):  # TypeError: a value JSON cannot hold, such as a lone surrogate in a name
        pass


def _meta_ids(cache: BuildCache) -> dict[str, str]:
    return {k: e.meta_id for k, e in cache.files.items() if e.meta is not None}


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


def _json(data: object) -> bytes:
    # orjson rather than json: the cache of a 10,000-post site is some 20 MB, written by every build that
    # changed anything, and orjson writes it about eight times faster.
    return orjson.dumps(data, default=_plain)


def _plain(value: object) -> list:
    if isinstance(value, Written):
        return list(value)
    raise TypeError(f"cannot save {type(value).__name__} in the build cache")


def load_spare(content_dir: Path, spare: Path, sentinel: tuple[int, int] | None) -> frozenset[str] | None:
    """The paths at which the spare folder differs from the site, or None when that is not known: no
    record, or the spare's marker file is not the one recorded, so the spare was changed since."""
    try:
        data = orjson.loads((cache_dir(content_dir) / SPARE_FILE).read_bytes())
        if data.get("version") != VERSION or data["spare"] != str(spare) or sentinel is None:
            return None
        if tuple(data["sentinel"]) != sentinel:
            return None
        return frozenset(data["differs"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def save_spare(content_dir: Path, spare: Path, sentinel: tuple[int, int] | None, differs: frozenset[str]) -> None:
    """Record how the spare (whose marker file has `sentinel`) differs from the site after a swap."""
    if sentinel is None:
        return
    data = {"version": VERSION, "spare": str(spare), "sentinel": list(sentinel), "differs": sorted(differs)}
    try:
        _write(content_dir, SPARE_FILE, _json(data))
    except OSError:
        pass


def load_weights(content_dir: Path, block: int) -> dict[str, list[list]]:
    """The search index's word weights of the posts of one block, as the last build that read it saved them;
    the keys cover everything the weights are made from (search_index), so a stale entry is never used."""
    try:
        data = orjson.loads((cache_dir(content_dir) / WEIGHTS_FILE.format(block)).read_bytes())
        return data["weights"] if data.get("version") == VERSION and isinstance(data["weights"], dict) else {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def save_weights(content_dir: Path, block: int, weights: dict[str, list[list]]) -> None:
    """Called from worker processes, which may save one block at once: each writes its own temporary file."""
    try:
        _write(content_dir, WEIGHTS_FILE.format(block), _json({"version": VERSION, "weights": weights}),
               f".{os.getpid()}")
    except (OSError, TypeError):
        pass


def _write(content_dir: Path, name: str, data: bytes, suffix: str = "") -> None:
    """Atomic (a temporary file renamed over the old one) but not fsynced: after a power cut, a cache cut
    short only fails to parse and is ignored."""
    folder = cache_dir(content_dir)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{name}{suffix}.tmp"  # one build at a time holds the lock (see lock())
    temporary.write_bytes(data)
    os.replace(temporary, folder / name)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        # Like .pytest_cache: the folder keeps itself out of git, so content/ can be committed whole.
        write_atomic(ignore, b"*\n")
