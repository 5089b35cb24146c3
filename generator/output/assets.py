"""Static files: the theme's, overridden file by file by the user's static/ folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def static_files(user_dir: Path, theme_dir: Path) -> Iterator[tuple[str, Path]]:
    """(site path, source file) pairs in sorted order; a user's file wins over the theme's."""
    files: dict[str, Path] = {}
    for folder in (theme_dir, user_dir):
        if folder.is_dir():
            for source in folder.rglob("*"):
                if source.is_file() and not source.name.startswith("."):
                    files[source.relative_to(folder).as_posix()] = source
    for path in sorted(files):
        yield path, files[path]
