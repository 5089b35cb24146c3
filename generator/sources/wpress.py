"""All-in-One WP Migration's backup (`site.wpress`), its own archive format: for each file a header of its name,
size, time and folder (4,377 bytes, each field padded with NULs), then its bytes; a header of NULs ends it. It holds
the database as `database.sql` (its tables named `SERVMASK_PREFIX_posts`…), the plugin's `package.json` and
wp-content's plugins, themes and uploads. The database alone is saved input: the rest, the sites' code and often
gigabytes of pictures, is passed over. It was refused as "not valid JSON"."""

from __future__ import annotations

import os
from pathlib import Path

SUFFIX = ".wpress"
DATABASE = "database.sql"
NAME, SIZE, TIME, FOLDER = 255, 14, 12, 4096
HEADER = NAME + SIZE + TIME + FOLDER


def is_wpress(path: Path) -> bool:
    """A .wpress file, by its name: one that is no such backup is named so by database_span, where JSON's reader
    would say "not valid JSON"."""
    return path.name.lower().endswith(SUFFIX) and path.is_file()


def database_span(path: Path) -> tuple[int, int]:
    """Where the backup's database.sql starts and how many bytes it has; ValueError says why there is none."""
    end = path.stat().st_size
    with path.open("rb") as file:
        while (header := file.read(HEADER)).strip(b"\0"):
            entry = _entry(header)
            if entry is None:
                raise ValueError(f"the header at byte {file.tell() - len(header):,} is no file's: not All-in-One WP "
                                 "Migration's format, or damaged")
            folder, name, size = entry
            if file.tell() + size > end:
                raise ValueError(f"the file ends inside {name}: cut short, as an interrupted download leaves it")
            if name == DATABASE and folder in (".", ""):
                return file.tell(), size
            file.seek(size, os.SEEK_CUR)
    raise ValueError("it holds no database.sql (a backup made without the database): nothing to import")


def _entry(header: bytes) -> tuple[str, str, int] | None:
    """(folder, name, size) of the file a header names; None for what is no header."""
    size = header[NAME:NAME + SIZE].rstrip(b"\0")
    if len(header) < HEADER or not size.isdigit():
        return None
    name = header[:NAME].rstrip(b"\0").decode("utf-8", "replace")
    return header[NAME + SIZE + TIME:].rstrip(b"\0").decode("utf-8", "replace"), name, int(size)
