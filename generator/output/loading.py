"""Reading inputs that changed: a file whose stat is as the cache recorded it is not read; one whose bytes
are as recorded is not parsed. Front matter is parsed on every core when many posts changed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import frontmatter
from frontmatter.default_handlers import YAMLHandler

from generator import workers
from generator.convert.document import Document, Image, Source
from generator.model import StoredPost
from generator.output import digest
from generator.output.build_cache import FileEntry, Stat, trusted
from generator.problems import ItemError, Problem
from generator.store.documents import loads, safe_paths

# Below this many changed posts, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


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
        if stat is not None and entry is not None and entry.stat == stat and entry.meta is not None:
            entries[path] = entry
        else:
            changed.append((path, stat, entry.digest if entry else "", entry.meta if entry else None))
    chunks = [changed[i:i + 50] for i in range(0, len(changed), 50)]
    for part in workers.parallel_map(_read_posts, chunks, jobs if len(changed) >= PARALLEL_FROM else 1):
        for name, stat, (found, meta) in part:
            old = cached.get(name)
            # Front matter unchanged by an edit keeps its id, so the cache of all front matter is not rewritten.
            meta_id = old.meta_id if old is not None and old.meta == meta and old.meta_id else found
            entries[name] = FileEntry(stat and trusted(stat, read_at), found, meta, meta_id)
    posts, problems = [], []
    prefix = len(os.path.join(content, ""))
    for path in paths:
        entry = entries[path]
        if isinstance(entry.meta, dict):
            problems.append(Problem(*entry.meta["problem"]))
            continue
        # An eleventh element holds what safe_paths changed: told on every build, cached or not.
        warnings = entry.meta[10] if len(entry.meta) > 10 else []
        problems.extend(Problem(path, "", field, message) for field, message in warnings)
        posts.append(StoredPost(path[prefix:], entry.digest, document_of(entry.meta)))
    return Loaded(tuple(posts), tuple(problems), entries, len(changed))


def _read_posts(changed: list[tuple[str, Stat | None, str, list | dict | None]]
                ) -> list[tuple[str, Stat | None, tuple]]:
    """(file, stat, (digest, meta)) for each changed file; runs in a worker process when many changed."""
    return [(name, stat, _read_post(name, old_digest, old_meta)) for name, stat, old_digest, old_meta in changed]


def _read_post(name: str, old_digest: str, old_meta: list | dict | None) -> tuple[str, list | dict]:
    try:
        data = Path(name).read_bytes()
    except OSError as e:
        return "", {"problem": [name, "", "", f"cannot read: {e.strerror}"]}
    found = digest.of_bytes(data)
    if found == old_digest and old_meta is not None:
        return found, old_meta  # touched, not changed
    try:
        document, warnings = safe_paths(loads(data.decode("utf-8")))
        return found, meta_of(document) + ([warnings] if warnings else [])
    except ItemError as e:
        return found, {"problem": [name, "", e.field, e.message]}
    except UnicodeDecodeError as e:
        return found, {"problem": [name, "", "", f"cannot read as UTF-8 text: {e}"]}


def meta_of(document: Document) -> list[Any]:
    """The front matter the site uses, as a list of JSON values (lists load faster than mappings)."""
    return [document.title, document.slug, document.type, document.date.isoformat(), document.updated.isoformat(),
            document.summary, document.author, {k: list(v) for k, v in document.taxonomies.items()},
            [document.source.id, document.source.url, document.source.guid],
            [document.image.url, document.image.alt] if document.image else None]


def document_of(meta: list[Any]) -> Document:
    """The Document of `meta_of`, with an empty body."""
    title, slug, kind, date, updated, summary, author, taxonomies, source, image = meta[:10]
    return Document(title=title, slug=slug, type=kind, date=datetime.fromisoformat(date),
                    updated=datetime.fromisoformat(updated), summary=summary, author=author,
                    taxonomies={k: tuple(v) for k, v in taxonomies.items()}, source=Source(*source),
                    image=Image(*image) if image else None)


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


class _SplitOnly(YAMLHandler):
    """The YAML front matter's delimiters without parsing the YAML: a page only needs the body."""

    def load(self, fm: str, **kwargs: object) -> dict:
        return {}


_SPLIT = _SplitOnly()


def read_body(path: Path) -> str:
    """A post's Markdown body, exactly as store.documents.loads gives it (a test holds the two equal), but
    without parsing its front matter again: the build read that already."""
    text = frontmatter.u(path.read_text(encoding="utf-8"))
    if not isinstance(frontmatter.detect_format(text, frontmatter.handlers), YAMLHandler):
        return loads(text).body
    _, content = frontmatter.parse(text, handler=_SPLIT)
    return content + "\n" if content else ""
