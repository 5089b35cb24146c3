"""Reading inputs that changed: a file whose stat is as the cache recorded it is not read; one whose bytes
are as recorded is not parsed. Front matter is parsed on every core when many posts changed.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from generator import workers
from generator.convert.control_chars import readable as without_controls
from generator.convert.document import Document, Image, Mirror, Source
from generator.frozen import restore
from generator.model import Post, Provenance, Revision, StoredPost
from generator.output import digest
from generator.output.build_cache import FileEntry, Stat, trusted
from generator.problems import ItemError, Problem
from generator.store.documents import loads, loads_front_matter, safe_paths
from generator.store.text_encoding import not_utf8

# Below this many changed posts, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
_BOUNDARY = YAMLHandler.FM_BOUNDARY  # a line of three or more dashes
# The length of `meta_of`'s lists with what the reader appends: the cache may hold lists of an older layout,
# which are read again.
META_LENGTH = 15
PLACE = 14  # the position of the place key (place_key) in those lists
# Positions in those lists of what shows but leaves a post's place: its title, summary and author; the time
# of its last update; its history (the mirror block as read).
SHOWN, UPDATED, HISTORY = (0, 5, 6), 4, 12
SLUG, TYPE = 1, 2  # the positions of what a post's page's path is made of
SOURCE = 8  # the position of its source: [id, url, guid, parent, order]
# The positions of what else groups a post but its date (model.build_site): its terms, source, language,
# translations and the reader's warnings (which count in the place key).
GROUPED = (7, 8, 10, 11, 13)


@dataclass(frozen=True)
class Loaded:
    posts: tuple[StoredPost, ...]
    problems: tuple[Problem, ...]
    entries: dict[str, FileEntry]  # the cache's new entries for the post files
    parsed: int  # posts whose front matter was parsed (the others came from the cache)


def load_posts(content: Path, paths: Sequence[str], stats: Sequence[Stat | None],
               cached: dict[str, FileEntry], jobs: int) -> Loaded:
    """Every post's front matter, with a problem for each file that cannot be read."""
    read_at = time.time_ns()
    entries: dict[str, FileEntry] = {}
    changed = []
    for path, stat in zip(paths, stats):
        entry = cached.get(path)
        if stat is not None and entry is not None and entry.stat == stat and _current(entry.meta):
            entries[path] = entry
        else:
            changed.append((path, stat, entry.digest if entry else "", entry.meta if entry else None,
                            entry.body if entry else ""))
    chunks = [changed[i:i + 50] for i in range(0, len(changed), 50)]
    for part in workers.parallel_map(_read_posts, chunks, jobs if len(changed) >= PARALLEL_FROM else 1):
        for name, stat, (found, meta, body) in part:
            old = cached.get(name)
            # Front matter unchanged by an edit keeps its id, so the cache of all front matter is not rewritten.
            meta_id = old.meta_id if old is not None and old.meta == meta and old.meta_id else found
            entries[name] = FileEntry(stat and trusted(stat, read_at), found, meta, meta_id, body)
    posts, problems = [], []
    prefix = len(os.path.join(content, ""))
    histories: dict[tuple[str | None, str | None], Provenance | None] = {}
    for path in paths:
        entry = entries[path]
        if isinstance(entry.meta, dict):
            problems.append(Problem(*entry.meta["problem"]))
            continue
        # The last element holds what safe_paths changed and what the mirror block lacks: told on every
        # build, cached or not.
        if entry.meta[13]:
            problems.extend(Problem(path, "", field, message) for field, message in entry.meta[13])
        posts.append(stored_post_of(path[prefix:], entry.digest, entry.meta,
                                    _shared_provenance(entry.meta, histories), entry.body))
    return Loaded(tuple(posts), tuple(problems), entries, len(changed))


def _read_posts(changed: list[tuple[str, Stat | None, str, list | dict | None, str]]
                ) -> list[tuple[str, Stat | None, tuple]]:
    """(file, stat, (digest, meta, body digest)) for each changed file; runs in a worker process when many
    changed."""
    return [(name, stat, _read_post(name, stat, *old)) for name, stat, *old in changed]


def _read_post(name: str, stat: Stat | None, old_digest: str, old_meta: list | dict | None, old_body: str
               ) -> tuple[str, list | dict, str]:
    try:
        data = _read(name, stat[0] if stat else 0)
    except OSError as e:
        return "", {"problem": [name, "", "", f"cannot read: {e.strerror}"]}, ""
    found = digest.of_bytes(data)
    if found == old_digest and _current(old_meta):
        return found, old_meta, old_body  # touched, not changed
    try:
        text = data.decode("utf-8")
        document, mirror_warnings = _tolerant_loads(text)
        document, warnings = safe_paths(_without_controls(document))
        provenance, provenance_warnings = _provenance_meta(document.mirror)
        meta = meta_of(document) + [provenance, warnings + mirror_warnings + provenance_warnings]
        return found, meta + [place_key(meta)], digest.of_bytes(_body(text).encode("utf-8"))
    except ItemError as e:
        return found, {"problem": [name, "", e.field, e.message]}, ""
    except UnicodeDecodeError as e:
        return found, {"problem": [name, "", "", f"cannot read: {not_utf8(data[:4], e)}"]}, ""


def _without_controls(document: Document) -> Document:
    """The text a post's cards and page show without control characters, which a file written by hand may hold
    (escaped in YAML) and an import never writes (convert/control_chars.py); its body is made so as it renders."""
    shown = {name: without_controls(value) for name, value in
             (("title", document.title), ("summary", document.summary), ("author", document.author))}
    return document if all(shown[name] is getattr(document, name) for name in shown) else replace(document, **shown)


def _read(name: str, size: int) -> bytes:
    """The file's bytes in the fewest system calls (open, read, read, close): file system calls are slow
    here, and a build reads every post. `size` is the size scanned, which the file may since have changed."""
    fd = os.open(name, os.O_RDONLY | os.O_CLOEXEC)
    try:
        chunks = [os.read(fd, size + 1)]
        while chunks[-1]:
            chunks.append(os.read(fd, 1 << 16))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _current(meta: list | dict | None) -> bool:
    """Whether cached front matter has this code's layout (a problem has no layout to change)."""
    return isinstance(meta, dict) or (meta is not None and len(meta) == META_LENGTH)


def _tolerant_loads(text: str) -> tuple[Document, list[list[str]]]:
    """The post, also when its `mirror:` block is malformed: then without it, and a warning says why; the
    block only tells the post's history, and the post itself is fine."""
    try:
        return loads_front_matter(text)
    except ItemError as e:
        without = _without_mirror(text) if e.field.split(".")[0] == "mirror" else None
        if without is None:
            raise
        document, unread = loads_front_matter(without)
        return document, [[e.field, f"{e.message}; the post's history is not shown"], *unread]


def _without_mirror(text: str) -> str | None:
    """`text` without the `mirror:` key of its front matter and the lines under it; None if not found."""
    lines = text.split("\n")
    end = lines.index("---", 1) if "---" in lines[1:] else len(lines)
    start = next((i for i in range(1, end) if lines[i].startswith("mirror:")), None)
    if start is None:
        return None
    stop = next((i for i in range(start + 1, end) if lines[i] and lines[i][0] not in " -#"), end)
    return "\n".join(lines[:start] + lines[stop:])


def _provenance_meta(mirror: Mirror | None) -> tuple[list[Any] | None, list[list[str]]]:
    """The valid parts of a mirror block as JSON values, and [field, message] for each part left out."""
    if mirror is None:
        return None, []
    warnings: list[list[str]] = []

    def day(value: str, field: str) -> str | None:
        if not value:
            return None
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            warnings.append([field, f"not a date (YYYY-MM-DD): {value!r}; left out"])
            return None

    first, removed = day(mirror.first, "mirror.first"), day(mirror.removed, "mirror.removed")
    revisions = []
    for number, revision in enumerate(mirror.revisions, start=1):
        field = f"mirror.revisions[{number}]"
        when = day(revision.date, f"{field}.date")
        if when is None:
            if not revision.date:
                warnings.append([f"{field}.date", "missing; left out"])
            continue
        revisions.append([when, _moment(revision.modified, f"{field}.modified", warnings),
                          list(revision.changed), revision.summary])
    revisions.sort(key=lambda r: r[0], reverse=True)  # stable: the file's order within a day
    return [first, removed, revisions], warnings


def _moment(value: str, field: str, warnings: list[list[str]]) -> str | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        if value:
            warnings.append([field, f"not an ISO 8601 time with a UTC offset: {value!r}; left out"])
        return None
    return moment.isoformat()


def _shared_provenance(meta: list[Any], made: dict[tuple[str | None, str | None], Provenance | None]
                       ) -> Provenance | None:
    """provenance_of(meta), one for all the posts of a history with no revision and the same days (those an
    import first mirrored together): frozen, so shared, and made once rather than for each post."""
    found = meta[HISTORY]
    if found is None or found[2]:
        return provenance_of(meta)
    key = (found[0], found[1])
    if key not in made:
        made[key] = provenance_of(meta)
    return made[key]


def provenance_of(meta: list[Any]) -> Provenance | None:
    """The Provenance of `meta_of`'s list, whose mirror block `_provenance_meta` checked."""
    found = meta[12]
    if found is None:
        return None
    first, removed, revisions = found
    return restore(Provenance, {
        "first": date.fromisoformat(first) if first else None,
        "removed": date.fromisoformat(removed) if removed else None,
        "revisions": tuple(restore(Revision, {"date": date.fromisoformat(when), "changed": tuple(changed),
                                              "modified": datetime.fromisoformat(modified) if modified else None,
                                              "summary": summary})
                           for when, modified, changed, summary in revisions)})


def place_key(meta: list[Any]) -> str:
    """A digest of all the front matter but what only shows: the title, summary, author, time of the last
    update and the history in the mirror block. Posts are ordered, grouped and related by the rest
    (model.build_site), and pages other than the post's own show the rest or nothing of it, so a post whose
    place key stays has the same place in the site (output/edits.py). The title counts for a page under
    another, as its parent lists its children by title; whether a post has a mirror block at all counts, as
    the site has an Updates page while any post has one."""
    parent = meta[SOURCE][3]
    return digest.of_values(meta[1:UPDATED], meta[7:HISTORY], meta[HISTORY] is None, meta[HISTORY + 1:PLACE],
                            meta[0] if parent else None)


def meta_of(document: Document) -> list[Any]:
    """The front matter the site uses, as a list of JSON values (lists load faster than mappings); the
    reader appends the post's checked provenance, its warnings and its place key (META_LENGTH in all)."""
    return [document.title, document.slug, document.type, document.date.isoformat(), document.updated.isoformat(),
            document.summary, document.author, {k: list(v) for k, v in document.taxonomies.items()},
            [document.source.id, document.source.url, document.source.guid, document.source.parent,
             document.source.order],
            [document.image.url, document.image.alt, document.image.caption] if document.image else None,
            document.language,
            [list(pair) for pair in document.translations]]


def stored_post_of(file: str, found: str, meta: list[Any], provenance: Provenance | None = None,
                   body_digest: str = "") -> StoredPost:
    """The StoredPost of `meta_of`'s list, with the file, its digest, provenance and the digest of its body. (Made
    without __init__, as ten thousand are at every build: see frozen.restore.)"""
    title, slug, kind, published, updated, summary, author, taxonomies, source, image, language, translations = \
        meta[:12]
    wordpress_id, url, guid, parent, order = source
    post = restore(Post, {
        "title": title, "slug": slug, "type": kind, "date": datetime.fromisoformat(published),
        "updated": datetime.fromisoformat(updated), "summary": summary, "author": author, "file": file,
        "digest": found,
        "source": restore(Source, {"id": wordpress_id, "url": url, "guid": guid, "parent": parent, "order": order}),
        "terms": (), "image": Image(*image) if image else None, "provenance": provenance, "language": language,
        "translations": tuple(map(tuple, translations)) if translations else (), "body_digest": body_digest})
    return restore(StoredPost, {"post": post, "taxonomies": taxonomies})


def file_entries(paths: Sequence[str], stats: Sequence[Stat | None],
                 cached: dict[str, FileEntry]) -> dict[str, FileEntry]:
    """Digests of other inputs (templates, static files, code), read only when their stat changed."""
    read_at = time.time_ns()
    entries = {}
    for path, stat in zip(paths, stats):
        if stat is None:
            continue
        entry = cached.get(path)
        if entry is None or entry.stat != stat:
            try:
                entry = FileEntry(trusted(stat, read_at), digest.of_bytes(Path(path).read_bytes()))
            except OSError:
                continue
        entries[path] = entry
    return entries


def read_body(path: Path) -> str:
    """A post's Markdown body, exactly as store.documents.loads gives it (a test holds the two equal), but
    without parsing its front matter again: the build read that already."""
    return _body(_read(str(path), 1 << 16).decode("utf-8"))


def _body(text: str) -> str:
    # As Path.read_text's universal newlines, which leave no "\r" for python-frontmatter to change.
    return body_of(text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text)


def body_of(text: str) -> str:
    """The body of a post's text with no "\r", as python-frontmatter splits it off when the first line is
    dashes (YAML front matter): after the next line of dashes, or all of it if none follows."""
    first = _BOUNDARY.match(text)
    if first is None:
        return loads(text).body  # other front matter, or none
    second = _next_boundary(text, first.end())
    content = (text[second.end():] if second else text).strip()
    return content + "\n" if content else ""


def _next_boundary(text: str, start: int) -> re.Match[str] | None:
    """_BOUNDARY.search(text, start), which tries the pattern at every character of the front matter (a build
    splits each body off three times): only lines that start with three dashes are tried, found by str.find."""
    at = text.find("\n---", start - 1)
    while at >= 0:
        found = _BOUNDARY.match(text, at + 1)
        if found is not None:
            return found
        at = text.find("\n---", at + 1)
    return None
