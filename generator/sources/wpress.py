"""All-in-One WP Migration's backups (`*.wpress`), one of the commonest ways a WordPress site is saved whole: their
database is read as the SQL dump it holds.

The format is the plugin's own: each file is a header of four fields padded with NUL (its name, 255 bytes; its size
in decimal, 14; its time, 12; its folder, 4096) and then its bytes, and a header of NULs ends the archive. Only
`database.sql` at the top is taken out; the uploads, themes and plugins beside it (gigabytes, often) are passed
over. Its tables are named `SERVMASK_PREFIX_posts` and so on, which the dump's reader takes as any other prefix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

SUFFIX = ".wpress"
FIELDS = (255, 14, 12, 4096)  # name, size, time, folder
HEADER = sum(FIELDS)
END = b"\0" * HEADER
DATABASE = "database.sql"
COPIED = 1 << 20


class NotWpress(Exception):
    """The file does not read as the plugin's archive."""


def is_wpress(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIX)


def unpack_database(path: Path, folder: Path, too_large: Callable[[int], str]) -> str:
    """Writes the backup's database.sql into `folder`; what went wrong, or ''. `too_large` says whether a file of
    that many bytes may be written there ('' when it may)."""
    try:
        with path.open("rb") as file:
            size = _find(file, path)
            if size is None:
                return (f"holds no {DATABASE}: an All-in-One WP Migration backup made without its database "
                        "(\"Do not export database\"); export it again with it")
            if problem := too_large(size):
                return problem
            with (folder / DATABASE).open("wb") as out:
                _copy(file, out, size)
    except NotWpress as error:
        return f"not an All-in-One WP Migration backup: {error}"
    return ""


def _find(file: BinaryIO, path: Path) -> int | None:
    """Moves to the database's bytes and gives their size; None when the archive ends without it."""
    while True:
        header = file.read(HEADER)
        if header == END:
            return None
        if len(header) < HEADER:
            raise NotWpress(f"it ends at byte {file.tell()} before its last header (cut short?)")
        name, size, _, folder = _fields(header)
        if not size.isdigit():
            raise NotWpress(f"the header at byte {file.tell() - HEADER} gives no size")
        if name == DATABASE and folder in ("", "."):
            return int(size)
        file.seek(int(size), 1)


def _fields(header: bytes) -> list[str]:
    fields, start = [], 0
    for width in FIELDS:
        fields.append(header[start:start + width].rstrip(b"\0").decode("utf-8", "replace"))
        start += width
    return fields


def _copy(file: BinaryIO, out: BinaryIO, size: int) -> None:
    left = size
    while left:
        chunk = file.read(min(COPIED, left))
        if not chunk:
            raise NotWpress(f"its {DATABASE} ends {left} bytes before the size its header gives (cut short?)")
        out.write(chunk)
        left -= len(chunk)
