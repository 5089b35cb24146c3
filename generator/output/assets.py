"""Static files: the theme's, overridden file by file by the user's static/ folder; and the mirrored media."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from generator.store.media import MEDIA_DIR, is_media_name


def static_files(user_dir: Path, theme_dir: Path, hidden: bool = False) -> Iterator[tuple[str, Path]]:
    """(site path, source file) pairs in sorted order; a user's file wins over the theme's. Files whose names
    start with a dot are left out unless `hidden`: a static one is not published, but Jinja loads a template
    of any name, so every file a template can include is an input (see inputs.find_inputs)."""
    files: dict[str, Path] = {}
    for folder in (theme_dir, user_dir):
        if folder.is_dir():
            for source in folder.rglob("*"):
                if source.is_file() and (hidden or not source.name.startswith(".")):
                    files[source.relative_to(folder).as_posix()] = source
    for path in sorted(files):
        yield path, files[path]


def media_files(content: Path) -> Iterator[tuple[str, Path]]:
    """(site path, source file) of each mirrored image in content/media/, sorted: only names the mirror
    gives (store/media.py), so neither the manifest nor a stray or hostile file is published."""
    folder = content / MEDIA_DIR
    try:
        names = sorted(e.name for e in os.scandir(folder) if is_media_name(e.name) and e.is_file())
    except OSError:
        return
    for name in names:
        yield f"{MEDIA_DIR}/{name}", folder / name
