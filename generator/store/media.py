"""Mirrored media in the content folder: the image files under content/media/ and the manifest that maps each
original URL to its file.

The Markdown of a post keeps the original URLs, so a post's file is the same whether its media are mirrored
or not; content/media/index.yaml says which URLs have a local copy. Each copy is named after the original
file with a short digest of its bytes (`chart-1a2b3c4d.png`): readable in a git diff, the same bytes stored
once, and a name that no URL can turn into a path outside the folder.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.store.files import write_if_changed
from generator.store.image_types import EXTENSIONS

MEDIA_DIR = "media"
MANIFEST = "index.yaml"
MEDIA_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?-[0-9a-f]{8}(?:[0-9a-f]{8})?"
                        r"\.(?:png|jpg|gif|webp|avif|bmp)")
NOT_NAME = re.compile(r"[^a-z0-9]+")
MAX_STEM = 60


@dataclass(frozen=True)
class Entry:
    """One mirrored URL."""

    file: str  # name under content/media/
    bytes: int
    width: int
    height: int
    type: str


def media_dir(content: Path) -> Path:
    return content / MEDIA_DIR


def is_media_name(name: str) -> bool:
    return MEDIA_NAME.fullmatch(name) is not None


def file_name(url: str, data: bytes, kind: str) -> str:
    """`<stem>-<8 hex of sha256>.<ext>`: the stem from the URL's last path segment, lowercased ASCII letters,
    digits and dashes only (no `..`, no separators, no case twins), the extension from the sniffed type."""
    segment = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    stem = segment.rsplit(".", 1)[0] if "." in segment else segment
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    stem = NOT_NAME.sub("-", ascii_stem).strip("-")[:MAX_STEM].strip("-") or "image"
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:8]}.{EXTENSIONS[kind]}"


def long_name(name: str, data: bytes) -> str:
    """`name` with sixteen hex digits, for an image whose first eight are those of another image."""
    stem, ext = name.rsplit(".", 1)
    return f"{stem.rsplit('-', 1)[0]}-{hashlib.sha256(data).hexdigest()[:16]}.{ext}"


def read_manifest(content: Path) -> dict[str, Entry]:
    """URL -> entry; entries that are malformed or name an unusable file are left out (they are mirrored
    again), so a hand-edited manifest can never point a page outside content/media/."""
    import yaml  # here, not above: a build's scan lists media files by name and must not import YAML

    try:
        data = yaml.load((media_dir(content) / MANIFEST).read_text(encoding="utf-8"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    found = {}
    for url, value in ((data or {}).get("media") or {}).items() if isinstance(data, dict) else ():
        entry = _entry(value)
        if isinstance(url, str) and entry is not None:
            found[url] = entry
    return found


def _entry(value: object) -> Entry | None:
    if not isinstance(value, dict):
        return None
    try:
        entry = Entry(value["file"], value["bytes"], value["width"], value["height"], value["type"])
    except KeyError:
        return None
    numbers = (entry.bytes, entry.width, entry.height)
    if not (isinstance(entry.file, str) and is_media_name(entry.file) and entry.type in EXTENSIONS
            and all(type(n) is int and n >= 0 for n in numbers)):
        return None
    return entry


def write_manifest(content: Path, entries: Mapping[str, Entry]) -> bool:
    """Sorted by URL, fixed key order, atomic, and untouched when nothing changed; True if written."""
    import yaml

    media = {url: {"file": e.file, "bytes": e.bytes, "width": e.width, "height": e.height, "type": e.type}
             for url, e in sorted(entries.items())}
    text = yaml.dump({"media": media}, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                     allow_unicode=True, width=1 << 16, default_flow_style=False)
    return write_if_changed(media_dir(content) / MANIFEST, text.encode("utf-8"))


def local_files(content: Path) -> frozenset[str]:
    """The names of the mirrored files that are present."""
    folder = media_dir(content)
    try:
        return frozenset(p.name for p in folder.iterdir() if is_media_name(p.name) and p.is_file())
    except OSError:
        return frozenset()
