"""What the last import made of each REST item, so an unchanged item is not converted again.

An entry is keyed by a fingerprint of the item's JSON together with everything else that shapes
its file (the generator version, the import settings, the names in the saved term, user and media
responses). It is used only while the file it made is still exactly there (same size and mtime);
the cache may be deleted at any time without changing what an import writes.
"""

from __future__ import annotations

import hashlib
import json
import marshal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.store.files import write_if_changed

VERSION = 2  # of this file's layout


@dataclass(frozen=True)
class Entry:
    type: str
    id: int
    path: str  # relative to the content folder
    wanted: str  # the file its slug asks for; differs from `path` when another post holds that
    size: int
    mtime_ns: int
    terms: list[list[Any]]  # [taxonomy, slug, name, id, parent]
    losses: dict[str, int]
    details: list[str]
    warnings: list[list[str]]  # [field, message]


CACHE_DIR = ".newsmirror-cache"  # inside content/: nothing is written outside content/ and site/


def cache_path(content_dir: Path) -> Path:
    return content_dir / CACHE_DIR / "import.json"


def fingerprint(*parts: object) -> str:
    """A digest of JSON-like values. marshal is ten times faster than json.dumps here; format 2
    has no back-references, so equal values give equal bytes whatever their identity."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(marshal.dumps(part, 2))
    return digest.hexdigest()


def digest(blob: bytes) -> str:
    """A digest of bytes, such as an item's (see fingerprint)."""
    return hashlib.sha256(blob).hexdigest()


def load(content_dir: Path) -> dict[str, Entry]:
    """The saved entries; an unreadable or outdated cache is simply empty."""
    try:
        data = json.loads(cache_path(content_dir).read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            return {}
        return {key: Entry(**value) for key, value in data["entries"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def save(content_dir: Path, entries: dict[str, Entry], previous: dict[str, Entry]) -> None:
    if entries == previous and cache_path(content_dir).is_file():
        return
    data = {"version": VERSION, "entries": {k: vars(v) for k, v in sorted(entries.items())}}
    write_if_changed(cache_path(content_dir), json.dumps(data, ensure_ascii=False).encode("utf-8"))
    # Like .pytest_cache: the folder keeps itself out of git, so content/ can be committed whole.
    write_if_changed(cache_path(content_dir).parent / ".gitignore", b"*\n")


def still_valid(content_dir: Path, entry: Entry) -> bool:
    try:
        stat = (content_dir / entry.path).stat()
    except OSError:
        return False
    return stat.st_size == entry.size and stat.st_mtime_ns == entry.mtime_ns
