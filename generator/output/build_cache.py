"""The build cache: what the last build read and wrote, so that the next one redoes only what changed.

It is one JSON file, `content/.newsmirror-cache/build.json`, beside the importer's `import.json`, with the
posts' front matter in `build-posts.json` and the changes of the builds since it was written whole in
`build-changes.json` (see cache_changes.py). It lives
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

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from generator.frozen import restore
from generator.output import cache_changes
from generator.problems import Problem
from generator.store.files import write_atomic
from generator.store.import_cache import CACHE_DIR

VERSION = 11  # of this file's layout, of the place keys in its posts' front matter (loading.place_key), of
# how post files are read (store/documents.py): a post the reader refused or read otherwise is read again, and of
# how files are digested (digest.of_bytes): a file's digest recorded otherwise would never match its bytes
FILE_NAME = "build.json"
CHANGES_FILE = "build-changes.json"
# Entries changed since the cache was written whole, from which it is written whole again. One edited body
# changes some 300 (its page, its search block's shards).
CHANGES_LIMIT = 4000
STAMP_FILE = "build-stamp.json"
POSTS_FILE = "build-posts.json"
WEIGHTS_FILE = "build-search-{}.json"  # per block of the search index: see load_weights
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
    body: str = ""  # a post's: the digest of its body alone, which a move of its date or terms leaves as it was


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
    # Of the last build: shown again when nothing changed; while one of them is not a problem of reading the
    # inputs, no edit is made in place (output/edits.py), as a page may have lost its path to another.
    problems: tuple[Problem, ...] = ()
    posts: int = 0  # of the last build, reported again when nothing changed
    local: tuple[str, dict[str, str]] = ("", {})  # key of the posts' URLs and paths, and render.local_pages
    notes: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # post file -> (digest, what
    # rendering its body noted), for the posts whose rendering noted something
    noted: tuple[Problem, ...] = ()  # those notes as problems: shown with `problems`, but they leave a page's
    # path alone, so they do not stop a build from re-rendering changed bodies only
    uses: tuple[str, dict[str, frozenset[str] | None]] = ("", {})  # key of the templates, and the templates
    # each one uses (render.templates.Templates.uses)
    terms: tuple[str, list, list] = ("", [], [])  # key of terms.yaml, its terms and problems (stages._terms)
    # How the saved files stand: (the stat of build.json, the changes saved since it was written), or None
    # when unknown; save() then writes the whole cache.
    base: tuple[list[int], cache_changes.Changes] | None = field(default=None, compare=False, repr=False)
    # Why the saved cache was not used although it was there ("" when it was, or was not there, or was of
    # another version: expected after an upgrade), told as a warning: the build checks everything again.
    damaged: str = field(default="", compare=False, repr=False)

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
    """The saved cache; a missing or outdated one is simply empty, and so is an unreadable or malformed one, which
    says why (`damaged`)."""
    where = cache_dir(content_dir) / FILE_NAME
    try:
        with open(where, "rb") as file:
            identity = _identity(os.fstat(file.fileno()))
            data = orjson.loads(file.read())
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return BuildCache(damaged="" if isinstance(data, dict) and "version" in data else _why(where, "no version"))
        saved = _load_changes(content_dir, identity)
        changes = saved.get("changes", {})
        apply = cache_changes.applied
        metas, damaged = _load_metas(content_dir)
        metas = apply(metas, changes, "metas")
        data.update(saved.get("scalars", {}))
        order, keys = data["order"], data["link_keys"]
        files = {}
        for path, (stat, digest, meta_id, body) in apply(data["files"], changes, "files").items():
            meta = metas.get(path)
            # The front matter counts only if it is the one this entry was made with (see save).
            # (Made without their __init__, as ten thousand are: see frozen.restore.)
            if meta and meta[0] == meta_id:
                files[path] = restore(FileEntry, {"stat": tuple(stat) if stat else None, "digest": digest,
                                                  "meta": meta[1], "meta_id": meta_id, "body": body})
            else:
                files[path] = restore(FileEntry, {"stat": tuple(stat) if stat else None, "digest": digest,
                                                  "meta": None, "meta_id": "", "body": ""})
        # map() rather than a generator: a tenth of a million numbers are looked up here.
        post, key = order.__getitem__, keys.__getitem__
        related = {file: (k, tuple(map(post, found))) for file, (k, found) in zip(order, data["related"])}
        links = {k: tuple(map(key, v)) for k, v in data["links"].items()}
        return BuildCache(
            output=data["output"], config=data["config"], files=files,
            pages={k: Written(*v) for k, v in _pages(data["pages"], changes).items()},
            folders=data["folders"],
            related=apply(related, changes, "related", lambda v: (v[0], tuple(v[1]))),
            links=apply(links, changes, "links", tuple),
            local=(data["local_key"], apply(data["local"], changes, "local")),
            notes={file: (digest, tuple(notes))
                   for file, (digest, notes) in apply(data["notes"], changes, "notes").items()},
            uses=(data["uses"][0], {n: None if u is None else frozenset(u) for n, u in data["uses"][1].items()}),
            terms=tuple(data["terms"]), problems=tuple(Problem(*p) for p in data["problems"]),
            base=None if damaged else (identity, changes), damaged=damaged)  # then saved whole, anew
    except FileNotFoundError:
        return BuildCache()
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError) as e:
        return BuildCache(damaged=_why(where, e))


def _why(where: Path, error: object) -> str:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error) or type(error).__name__
    return f"the build cache {where} could not be read ({reason}); every input and page was checked again"


def _pages(saved: dict[str, list], changes: cache_changes.Changes) -> dict[str, list]:
    """The pages in the order they were saved in: by path (stages.swap), which the stamp's order must match."""
    if "pages" not in changes:
        return saved
    return dict(sorted(cache_changes.applied(saved, changes, "pages").items()))


def _identity(result: os.stat_result) -> list[int]:
    # A file replaced gets a new inode and mtime: changes saved for one build.json never apply to another.
    return [result.st_size, result.st_mtime_ns, result.st_ino]


def _load_changes(content_dir: Path, identity: list[int]) -> dict[str, Any]:
    """What was saved since build.json was written ("changes" and "scalars"), if saved for this build.json."""
    try:
        data = orjson.loads((cache_dir(content_dir) / CHANGES_FILE).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION or data.get("base") != identity:
        return {}
    return data


def _load_metas(content_dir: Path) -> tuple[dict[str, list], str]:
    """The posts' front matter as saved, and why it could not be read ("" when it could, or was not saved)."""
    where = cache_dir(content_dir) / POSTS_FILE
    try:
        data = orjson.loads(where.read_bytes())
        metas = data["metas"] if data.get("version") == VERSION else {}
        if not isinstance(metas, dict):
            raise TypeError("no mapping of posts")
        return metas, ""
    except FileNotFoundError:
        return {}, ""
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as e:
        return {}, _why(where, e)


def saved_files(content_dir: Path) -> tuple[FileStat | None, ...]:
    """The stats of the files `load` reads: equal after a save, no other build wrote them since."""
    found: list[FileStat | None] = []
    for name in (FILE_NAME, POSTS_FILE, CHANGES_FILE):
        try:
            result = os.stat(cache_dir(content_dir) / name)
            found.append((result.st_size, result.st_mtime_ns, result.st_ino))
        except OSError:
            found.append(None)
    return tuple(found)


def as_loaded(cache: BuildCache) -> BuildCache:
    """`cache` as `load` would give it back once saved: the stamp's fields are not read again."""
    return replace(cache, stamp=None, posts=0, noted=())


def save(content_dir: Path, cache: BuildCache, previous: BuildCache) -> BuildCache:
    """Written atomically, file by file, the stamp last; a content folder that cannot be written only costs
    the next build time. `previous` is the cache as loaded, to which only the changes are saved while they
    are few. Returns `cache` with how it was saved."""
    stamp = {"version": VERSION, "stamp": cache.stamp, "output": cache.output, "pages": list(cache.pages),
             "posts": cache.posts,
             "problems": _plain_problems(cache.problems + cache.noted)}
    try:
        (cache_dir(content_dir) / STAMP_FILE).unlink(missing_ok=True)
        base = _save_changes(content_dir, cache, previous) or _save_whole(content_dir, cache, previous)
        write_file(content_dir, STAMP_FILE, as_json(stamp))
    except (OSError, TypeError):  # TypeError: a value JSON cannot hold, such as a lone surrogate in a name
        return replace(cache, base=None)
    return replace(cache, base=base)


def _save_changes(content_dir: Path, cache: BuildCache, previous: BuildCache
                  ) -> tuple[list[int], cache_changes.Changes] | None:
    """Only what changed since `previous`, merged with what changed before it since build.json was
    written; None when that is unknown or too much."""
    if previous.base is None:
        return None
    identity, saved = previous.base
    changes = cache_changes.merged(saved, cache_changes.between(cache, previous))
    if cache_changes.size(changes) > CHANGES_LIMIT:
        return None
    # The folders are saved whole: each build swaps the spare folder in, whose folders all have other mtimes.
    scalars = {"output": cache.output, "config": cache.config, "local_key": cache.local[0],
               "uses": _plain_uses(cache.uses), "folders": cache.folders, "terms": cache.terms,
               "problems": _plain_problems(cache.problems)}
    data = {"version": VERSION, "base": identity, "changes": changes, "scalars": scalars}
    write_file(content_dir, CHANGES_FILE, as_json(data))
    return identity, changes


def _save_whole(content_dir: Path, cache: BuildCache, previous: BuildCache) -> tuple[list[int], cache_changes.Changes]:
    """Posts and link targets are numbered, as each is named many times. The front matter of the posts, the
    bulk of it, is written only when some of it changed: editing a body leaves it. It is written first, and
    an entry uses it only with the meta_id it was saved with, so a build killed between the two files cannot
    pair a file with front matter it does not have."""
    order = list(cache.related)
    number = {file: i for i, file in enumerate(order)}
    keys = list({k: None for found in cache.links.values() for k in found})
    key_number = {k: i for i, k in enumerate(keys)}
    data = {
        "version": VERSION, "output": cache.output, "config": cache.config,
        "files": {k: [e.stat, e.digest, e.meta_id, e.body] for k, e in cache.files.items()},
        "pages": cache.pages, "folders": cache.folders,
        "order": order, "related": [[cache.related[f][0], [number[r] for r in cache.related[f][1]]] for f in order],
        "link_keys": keys, "links": {k: [key_number[x] for x in v] for k, v in cache.links.items()},
        "local_key": cache.local[0], "local": cache.local[1], "notes": cache.notes, "uses": _plain_uses(cache.uses),
        "terms": cache.terms, "problems": _plain_problems(cache.problems),
    }
    # The changes saved go first: they could never apply to the new build.json, but a build killed before it
    # is written leaves the old one, which describes an older site than they did, and is only checked more.
    (cache_dir(content_dir) / CHANGES_FILE).unlink(missing_ok=True)
    # The same bytes give the same front matter; but the saved changes held some.
    saved_metas = previous.base is not None and previous.base[1].get("metas")
    if _meta_ids(cache) != _meta_ids(previous) or saved_metas:
        metas = {k: [e.meta_id, e.meta] for k, e in cache.files.items() if e.meta is not None}
        write_file(content_dir, POSTS_FILE, as_json({"version": VERSION, "metas": metas}))
    write_file(content_dir, FILE_NAME, as_json(data))
    return _identity(os.stat(cache_dir(content_dir) / FILE_NAME)), {}


def _plain_problems(problems: tuple[Problem, ...]) -> list[list[str]]:
    return [[p.file, p.item, p.field, p.message] for p in problems]


def _plain_uses(uses: tuple[str, dict[str, frozenset[str] | None]]) -> list:
    return [uses[0], {name: None if found is None else sorted(found) for name, found in uses[1].items()}]


def _meta_ids(cache: BuildCache) -> dict[str, str]:
    return {k: e.meta_id for k, e in cache.files.items() if e.meta is not None}


def as_json(data: object) -> bytes:
    # orjson rather than json: the cache of a 10,000-post site is some 20 MB, written by every build that
    # changed anything, and orjson writes it about eight times faster.
    return orjson.dumps(data, default=_plain)


def _plain(value: object) -> list:
    if isinstance(value, Written):
        return list(value)
    raise TypeError(f"cannot save {type(value).__name__} in the build cache")


def load_weights(content_dir: Path, block: int) -> tuple[list[str], dict[str, list[list]]]:
    """The search index's word weights of the posts of one block, as the last build that read it saved them:
    (words, post key -> [word numbers, weights]), the numbers indexing `words`. The keys cover everything the
    weights are made from (search_index), so a stale entry is never used. (Numbers parse faster than the
    quarter of a million words a block's posts hold, and index lists where words would be hashed.)"""
    try:
        data = orjson.loads((cache_dir(content_dir) / WEIGHTS_FILE.format(block)).read_bytes())
        words, entries = data["words"], data["entries"]
        if data.get("version") == VERSION and isinstance(words, list) and isinstance(entries, dict):
            return words, entries
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        pass
    return [], {}


def save_weights(content_dir: Path, block: int, words: list[str], entries: dict[str, list[list]]) -> None:
    """Called from worker processes, which may save one block at once: each writes its own temporary file."""
    try:
        data = as_json({"version": VERSION, "words": words, "entries": entries})
        write_file(content_dir, WEIGHTS_FILE.format(block), data, f".{os.getpid()}")
    except (OSError, TypeError):
        pass


def write_file(content_dir: Path, name: str, data: bytes, suffix: str = "") -> None:
    """Atomic (a temporary file renamed over the old one) but not fsynced: after a power cut, a cache cut
    short only fails to parse and is ignored."""
    folder = cache_dir(content_dir)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{name}{suffix}.tmp"  # one build at a time holds the lock (see spare_record.lock)
    temporary.write_bytes(data)
    os.replace(temporary, folder / name)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        # Like .pytest_cache: the folder keeps itself out of git, so content/ can be committed whole.
        write_atomic(ignore, b"*\n")
