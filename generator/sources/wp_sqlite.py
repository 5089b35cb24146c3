"""A WordPress database kept in SQLite: WordPress Playground's and the SQLite Database Integration plugin's
`wp-content/database/.ht.sqlite` (its name's `.ht` hides it from the web). A site made in Playground and saved, or
run on SQLite, holds its posts there and in no SQL dump: such a folder was "no saved REST JSON, WordPress export or
SQL dump", its posts not imported. Its tables are WordPress's own, under their names (`wp_posts`), so their rows are
read as a dump's are (sources/wp_sql.py), each value as the text a dump would hold.

The file is opened read-only and as immutable, so that nothing is written beside it (no journal, no lock) and a
database in a folder the user may not write is read as well.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from generator.sources.tree import HIDDEN_INPUT

# What a file holding an SQLite database begins with, whatever it is named.
MAGIC = b"SQLite format 3\x00"
# The names WordPress's SQLite databases go by: the plugin's own, and the endings a site's owner gives one.
SUFFIXES = (".sqlite", ".sqlite3", ".db")
BATCH = 1000  # rows fetched at a time, each batch passed to `kept` before the next is read

Rows = list[dict[str, Any]]


def is_database(path: Path, wanted: Callable[[str], bool]) -> bool:
    """Whether a file is named as an SQLite database, is one, and has a table whose name `wanted` takes (WordPress's
    posts): a `.db` of another kind (Windows's `Thumbs.db`, an app's cache beside a crawl) is no input. A database
    whose tables cannot be listed (damaged) is taken, so that reading it names what is wrong, and so is a file named
    as WordPress names its own (`.ht.sqlite`) whose header is gone (overwritten, or saved as a web page)."""
    if not path.name.lower().endswith(SUFFIXES):
        return False
    try:
        with path.open("rb") as file:
            if file.read(len(MAGIC)) != MAGIC:
                return path.name in HIDDEN_INPUT
    except OSError:
        return path.name in HIDDEN_INPUT
    try:
        with closing(_connected(path)) as connection:
            return any(wanted(name) for name in _table_names(connection))
    except sqlite3.Error:
        return True


def tables(path: Path, read: Callable[[str], bool], kept: Callable[[str, Rows], Rows]
           ) -> tuple[dict[str, Rows], set[str]]:
    """The rows of the tables whose names `read` takes, each batch passed through `kept` (which may leave rows or
    columns out, as revisions' text), and the names of the other tables that have rows. Raises sqlite3.Error where
    the file is no database or is damaged."""
    found: dict[str, Rows] = {}
    others: set[str] = set()
    with closing(_connected(path)) as connection:
        for name in _table_names(connection):
            cursor = connection.execute(f"SELECT * FROM {_quoted(name)}")
            if not read(name):
                if cursor.fetchone() is not None:
                    others.add(name)
                continue
            columns = [column[0] for column in cursor.description]
            rows = found.setdefault(name, [])
            while batch := cursor.fetchmany(BATCH):
                rows.extend(kept(name, [dict(zip(columns, map(_text, row))) for row in batch]))
    return found, others


def _connected(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    # Text that is no UTF-8 (a plugin's bytes) is read as a dump's is, not refused with the whole table.
    connection.text_factory = lambda data: data.decode("utf-8", "replace")
    return connection


def _table_names(connection: sqlite3.Connection) -> list[str]:
    """The database's tables, but SQLite's own (`sqlite_sequence`)."""
    return [name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name")]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _text(value: object) -> str | None:
    """A value as a dump writes it: text, a number as its digits, NULL as None, bytes read as UTF-8."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)
