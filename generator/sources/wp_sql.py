"""A WordPress database saved as SQL: mysqldump's and `wp db export`'s dumps, phpMyAdmin's and Adminer's SQL
exports, Duplicator's and UpdraftPlus's (`*.sql`, packed with gzip, bzip2 or xz too). The commonest backup of a
WordPress site, it was refused as "not valid JSON". A backup saved a file per table is read as one dump, the tables
saved as CSV too (sources/wp_csv.py), and so is a database kept in SQLite (sources/wp_sqlite.py).

Its INSERT statements give the rows of the tables the import reads, wp_posts and beside it wp_postmeta, wp_users,
the term tables, a few options and WPML's languages, which are then read as phpMyAdmin's JSON export of them is
(sources/wp_rows.py): as an export's items. The other tables (comments, plugins') are passed over, their statements
scanned for their end only.
Statements are read one after another, so that SQL quoted in a post (a tutorial's `INSERT INTO wp_posts …`) is
never taken for one. The file is read as bytes through a memory map and only the values kept are decoded: as text,
a dump took its size again in memory, four times over if a single character lay outside Latin-1.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import lzma
import mmap
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from generator.language.words import Words
from generator.problems import Problem
from generator.sources import bwg_galleries, seo_addresses, shop_currency, wp_csv, wp_rows, wp_sqlite
from generator.sources.archives import unpacked_into
from generator.sources.wp_json import RawItem

SUFFIXES = (".sql", ".sql.gz", ".sql.bz2", ".sql.xz", "-db.gz")  # and UpdraftPlus's `…_Site_1a2b3c-db.gz`
# How a packed dump is unpacked, by its name's ending: gzip, and bzip2 and xz, which shrink dumps more (a host's
# control panel offers all three; `.sql.bz2` and `.sql.xz` were passed over as no input).
UNPACKERS: dict[str, Callable[[Path], IO[bytes]]] = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
# What reading a broken packed dump raises, or a damaged SQLite database (sources/wp_sqlite.py).
UNREADABLE = (OSError, EOFError, gzip.BadGzipFile, lzma.LZMAError, sqlite3.Error)
TABLE_SUFFIX = ".csv"  # a table saved alone as CSV (sources/wp_csv.py), named by it
# A table's name, quoted or not, perhaps after its database's (`db`.`wp_posts`).
NAME = rb"(?:[`\"]?\w+[`\"]?\s*\.\s*)?[`\"]?(\w+)[`\"]?"
STATEMENT = re.compile(
    rb"^(?:\xef\xbb\xbf)?[ \t]*(?:(?:INSERT|REPLACE)\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE)\s+)*INTO\s+"
    + NAME + rb"\s*(?:\(([^()]*)\)\s*)?VALUES\s*|CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?" + NAME + rb"\s*\()",
    re.IGNORECASE | re.MULTILINE)
# A row of a VALUES list, `(…)` and the `,` or `;` after it, and each of its values: a string in single quotes, or
# in double quotes as Duplicator writes them (MySQL's backslash escapes, or the quote doubled), or NULL or a number.
# Possessive, so that a string or a row never closed fails at once (a charset introducer before a string,
# `_binary '…'`, is passed over as no value).
STRING = rb"'(?:[^'\\]++|\\.|'')*+'|" + rb'"(?:[^"\\]++|\\.|"")*+"'
ROW = re.compile(rb"""\s*+\(((?:[^'"()]++|""" + STRING + rb")*+)\)\s*+([,;]?)", re.DOTALL)
VALUE = re.compile(rb"""\s*+(?:'((?:[^'\\]++|\\.|'')*+)'|"((?:[^"\\]++|\\.|"")*+)"|([^,\s'"]++))\s*+(?:,|$)""",
                   re.DOTALL)
NOT_BLANK = re.compile(rb"\s*+\S")
# The rest of a statement, up to the `;` that ends it outside a string.
STATEMENT_END = re.compile(rb"""(?:[^'";]++|""" + STRING + rb")*+;", re.DOTALL)
ESCAPE = {quote: re.compile(rb"\\(.)|" + quote * 2, re.DOTALL) for quote in (b"'", b'"')}
ESCAPED = {b"0": b"\0", b"b": b"\b", b"n": b"\n", b"r": b"\r", b"t": b"\t", b"Z": b"\x1a", b"%": b"\\%",
           b"_": b"\\_"}
# A column's definition in CREATE TABLE: its name first; keys and constraints are no columns.
COLUMN = re.compile(rb"^\s*(?:[`\"](\w+)[`\"]|(?!(?:PRIMARY|KEY|UNIQUE|FULLTEXT|SPATIAL|INDEX|CONSTRAINT|FOREIGN"
                    rb"|CHECK)\b)(\w+))\s+\w", re.IGNORECASE | re.MULTILINE)
DEFINITION_END = re.compile(rb"^\s*\)", re.MULTILINE)
# The tables read, by the end of their names (`wp_posts`, `wp3x_posts`, a multisite's `wp_2_posts`).
READ = re.compile(r"(\w*?)(posts|postmeta|users|terms|term_taxonomy|term_relationships|options|icl_translations"
                  r"|yoast_indexable|bwg_image|bwg_shortcode)")
# Their columns in WordPress's own order, for a dump of rows alone (`mysqldump --no-create-info`, no column lists).
STOCK_COLUMNS = {
    "posts": ("ID", "post_author", "post_date", "post_date_gmt", "post_content", "post_title", "post_excerpt",
              "post_status", "comment_status", "ping_status", "post_password", "post_name", "to_ping", "pinged",
              "post_modified", "post_modified_gmt", "post_content_filtered", "post_parent", "guid", "menu_order",
              "post_type", "post_mime_type", "comment_count"),
    "postmeta": ("meta_id", "post_id", "meta_key", "meta_value"),
    "users": ("ID", "user_login", "user_pass", "user_nicename", "user_email", "user_url", "user_registered",
              "user_activation_key", "user_status", "display_name"),
    "terms": ("term_id", "name", "slug", "term_group"),
    "term_taxonomy": ("term_taxonomy_id", "term_id", "taxonomy", "description", "parent", "count"),
    "term_relationships": ("object_id", "term_taxonomy_id", "term_order"),
    "options": ("option_id", "option_name", "option_value", "autoload"),
    "icl_translations": ("translation_id", "element_type", "element_id", "trid", "language_code",
                         "source_language_code"),  # WPML's (sources/wpml_rows.py)
}
# The columns that make a table the one WordPress keeps under that name, not a plugin's (`wp_popular_posts`).
NEEDED = {"posts": {"ID", "post_type"}, "postmeta": {"post_id", "meta_key"}, "users": {"ID", "user_login"},
          "terms": {"term_id", "slug"}, "term_taxonomy": {"term_taxonomy_id", "taxonomy"},
          "term_relationships": {"object_id", "term_taxonomy_id"}, "options": {"option_name", "option_value"},
          "icl_translations": {"element_id", "language_code", "trid"},
          "yoast_indexable": set(seo_addresses.COLUMNS),
          # Photo Gallery by 10Web's pictures and its shortcodes' settings (sources/bwg_galleries.py)
          "bwg_image": {"gallery_id", "image_url"}, "bwg_shortcode": {"id", "tagtext"}}
# Of wp_options, only the site's address, name, tagline and language, how it makes its posts' addresses, which
# post is which of TablePress's tables and whether it shows smilies (sources/wp_rows.py, wp_permalinks.py,
# tablepress.py): the rest (plugins' settings, caches) is left.
OPTIONS = frozenset({"home", "siteurl", "blogname", "blogdescription", "WPLANG", "permalink_structure",
                     "show_on_front", "page_on_front", "upload_url_path", "tablepress_tables", "use_smilies",
                     *shop_currency.OPTIONS})

# A multisite network's other site's tables, after the main site's prefix: `wp_` + `2_posts`.
NETWORK_SITE = re.compile(r"(?:[0-9]+_)?posts")
NETWORK_PREFIX = re.compile(r"[0-9]+_$")
# How many bytes of a mapped dump are read before their pages are given back (see _released).
RELEASED = 64 << 20
# What tells a revision apart, all of it that is kept (see _revision).
REVISION_COLUMNS = ("ID", "post_type", "post_status", "post_parent")
Rows = list[dict[str, Any]]
Data = bytes | mmap.mmap  # a dump's bytes, unpacked or mapped
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # the byte order marks a dump saved as UTF-16 begins with


def is_dump(path: Path) -> bool:
    """An SQL dump, or a CSV file named as one of the tables read (`wp_posts.csv`): other CSV is no WordPress; or a
    database kept in SQLite (sources/wp_sqlite.py)."""
    name = path.name.lower()
    return (name.endswith(SUFFIXES) or (name.endswith(TABLE_SUFFIX) and bool(_kind(_table_name(path))))
            or wp_sqlite.is_database(path, _posts_table))


def read_dump(path: Path, problems: list[Problem], words: Words | None = None) -> Iterator[RawItem]:
    """The posts and users of a dump's wp_posts and wp_users rows, with their terms and custom fields; what cannot
    be read is appended to `problems`."""
    try:
        if not path.stat().st_size:  # a download or a dump that failed, as an empty export is (sources/saved.py)
            problems.append(Problem(str(path), message="an empty file, not read: no SQL dump in it"))
            return
        tables, others = _read(path, problems)
    except UNREADABLE as error:
        problems.append(Problem(str(path), message=f"cannot be read: {error}"))
        return
    if not any(_kind(name) == "posts" for name in tables) and _beside_posts(path):
        return  # a table of a backup saved a file per table, read with the file of wp_posts
    for sibling in _tables_beside(path) if any(_kind(name) == "posts" for name in tables) else ():
        for name, rows in _sibling_tables(sibling).items():
            tables.setdefault(name, []).extend(rows)
    site = _one_site(tables)
    other_sites = sorted(n for n in _posts_tables(tables) if site is not None and n not in site)
    problems += _other_sites_problems(path, site or {}, other_sites)
    if site is None:
        shown = ", ".join(sorted(others | tables.keys())[:8]) or "none"
        problems.append(Problem(str(path), message=f"a database dump without rows of the wp_posts table (tables with "
                                                   f"rows: {shown}): nothing to import; dump wp_posts too"))
        return
    data = [{"type": "header"}, *({"type": "table", "name": name, "data": rows} for name, rows in site.items())]
    yield from wp_rows.read_rows(path, data, problems, words)


def _table_name(path: Path) -> str:
    """The table a file of a backup saved a file per table holds, by its name: `wp_terms.sql` holds wp_terms."""
    name = path.name.lower()
    return name.removesuffix(path.suffix.lower() if path.suffix.lower() in UNPACKERS else "").removesuffix(
        ".sql").removesuffix(TABLE_SUFFIX)


def _beside_posts(path: Path) -> bool:
    return any(_kind(_table_name(p)) == "posts" for p in path.parent.iterdir() if p != path and is_dump(p))


def _tables_beside(path: Path) -> list[Path]:
    """The dumps of single tables the import reads saved beside `path`, a backup saved a file per table."""
    return sorted(p for p in path.parent.iterdir()
                  if p != path and is_dump(p) and _kind(_table_name(p)) not in ("", "posts"))


def _sibling_tables(path: Path) -> dict[str, Rows]:
    """A dump's tables, read for the dump of wp_posts beside it: its own read names its problems."""
    try:
        return _read(path, [])[0]
    except UNREADABLE:
        return {}


def _kind(name: str) -> str:
    """Which of WordPress's tables the import reads a table is, by the end of its name; '' for any other."""
    read = READ.fullmatch(name)
    return read.group(2) if read else ""


def _posts_table(name: str) -> bool:
    return _kind(name) == "posts"


def _read(path: Path, problems: list[Problem]) -> tuple[dict[str, Rows], set[str]]:
    """The dump's tables, from its bytes: packed ones unpacked, others mapped (an empty file cannot be)."""
    if path.name.lower().endswith(TABLE_SUFFIX):
        return _csv_table(path, problems)
    if wp_sqlite.is_database(path, _posts_table):
        return wp_sqlite.tables(path, lambda name: bool(_kind(name)), _kept)
    unpacker = UNPACKERS.get(path.suffix.lower())
    if unpacker is not None:
        # Unpacked into a temporary file and mapped, as a dump is: unpacked in memory, a dump of 786 MB took that
        # again beside the rows read from it.
        with unpacker(path) as packed, tempfile.TemporaryFile() as unpacked:
            if problem := unpacked_into(packed, unpacked, Path(tempfile.gettempdir())):
                raise OSError(problem)  # said as any dump that cannot be read (read_dump)
            return _mapped_tables(unpacked, path, problems)
    with path.open("rb") as file:
        if file.read(2) in UTF16_BOMS:
            # Windows PowerShell's `mysqldump … > backup.sql` saves UTF-16: made UTF-8 in a temporary file and mapped,
            # as an unpacked dump is.
            file.seek(0)
            with tempfile.TemporaryFile() as utf8:
                text = codecs.getreader("utf-16")(file, errors="replace")
                while chunk := text.read(1 << 20):
                    utf8.write(chunk.encode("utf-8"))
                utf8.flush()
                return _mapped_tables(utf8, path, problems)
        file.seek(0)
        return _mapped_tables(file, path, problems)


def _mapped_tables(file: BinaryIO, path: Path, problems: list[Problem]) -> tuple[dict[str, Rows], set[str]]:
    if not os.fstat(file.fileno()).st_size:  # which no map can be made of
        return {}, set()
    with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return _tables(data, path, problems)


def _csv_table(path: Path, problems: list[Problem]) -> tuple[dict[str, Rows], set[str]]:
    """A table saved as CSV, its columns named by its first row where that names them, else as WordPress's own."""
    name = _table_name(path)
    found = wp_csv.rows(path.read_text(encoding="utf-8", errors="replace"), str(path), problems)
    header = found[0] if found and NEEDED[_kind(name)] <= set(found[0]) else None
    named = _named(found[1:] if header else found, name, [str(h) for h in header] if header else None, path, problems)
    return {name: _kept(name, named)}, set()


def _kept(table: str, rows: Rows) -> Rows:
    kind = _kind(table)
    if kind == "options":
        return [row for row in rows if row.get("option_name") in OPTIONS]
    if kind == "posts":
        return [_revision(row) if row.get("post_type") == "revision" else row for row in rows]
    if kind == "yoast_indexable":
        return seo_addresses.kept(rows)
    if kind == "bwg_image":  # without what the camera wrote of each picture, its size, its visitors' ratings
        return [{column: row.get(column) for column in bwg_galleries.KEPT} for row in rows]
    return rows


def _revision(row: dict[str, Any]) -> dict[str, Any]:
    """A revision, which the import skips as an export's (sources/wxr.py) and counts, without its copy of the post's
    text: a news site that keeps every revision holds each story many times over (a dump of 10,000 posts with 3
    revisions each peaked at 477 MB read whole)."""
    return {column: row[column] for column in REVISION_COLUMNS if column in row}


def _tables(text: Data, path: Path, problems: list[Problem]) -> tuple[dict[str, Rows], set[str]]:
    """The rows of the tables read, by name, and the names of the other tables that have rows."""
    columns: dict[str, list[str]] = {}
    tables: dict[str, Rows] = {}
    others: set[str] = set()
    position = released = 0
    while found := STATEMENT.search(text, position):
        released = _released(text, released, found.start())
        inserted, listed, created = (_decoded(group) for group in found.group(1, 2, 3))
        if created:
            end = DEFINITION_END.search(text, found.end())
            body = text[found.end():end.start() if end else len(text)]
            columns[created] = [_decoded(a or b) for a, b in COLUMN.findall(body)]
            position = _statement_end(text, found.end())
        elif _kind(inserted):
            names = [n.strip(" `\"\n\r\t") for n in listed.split(",")] if listed else columns.get(inserted)
            rows, position = _values(text, found.end(), inserted, names, path, problems)
            tables.setdefault(inserted, []).extend(_kept(inserted, rows))
        else:
            others.add(inserted)
            position = _statement_end(text, found.end())
    return tables, others


def _released(text: Data, released: int, position: int) -> int:
    """Where the pages of a mapped dump are released up to, now that the reader is at `position`: each RELEASED
    bytes read are given back, as the rows kept were decoded into text of their own. The pages of a mapped file
    count as the process's memory while mapped (a dump of 50,000 posts, 786 MB, would count whole)."""
    if not isinstance(text, mmap.mmap) or position - released < RELEASED or not hasattr(mmap, "MADV_DONTNEED"):
        return released
    length = (position - released) // mmap.PAGESIZE * mmap.PAGESIZE
    text.madvise(mmap.MADV_DONTNEED, released, length)
    return released + length


def _decoded(name: bytes | None) -> str:
    return "" if name is None else name.decode("utf-8", "replace")


def _statement_end(text: Data, start: int) -> int:
    end = STATEMENT_END.match(text, start)
    return end.end() if end else len(text)


def _values(text: Data, start: int, table: str, names: list[str] | None, path: Path,
            problems: list[Problem]) -> tuple[Rows, int]:
    """The rows of one INSERT's VALUES list, and where the statement ends. Rows whose columns are not known (no
    column list, no CREATE TABLE, nor as many values as WordPress's own table has) are a problem, once."""
    rows: list[list[str | None]] = []
    position = start
    while row := ROW.match(text, position):
        rows.append([_value(*found) for found in VALUE.findall(row.group(1))])
        position = row.end()
        if row.group(2) != b",":
            break
    if row is None and (rest := NOT_BLANK.match(text, position)):
        line = text[:rest.end()].count(b"\n") + 1  # where the row that fails begins
        problems.append(Problem(str(path), message=f"line {line}: the rows inserted into `{table}` end before their "
                                                   f"values close (a dump cut short?); {len(rows)} read before"))
        position = len(text)
    return _named(rows, table, names, path, problems), position


def _value(single: bytes, double: bytes, bare: bytes) -> str | None:
    """A value as VALUE finds it: a string in one of the quotes, else a word (NULL, a number), else ''."""
    if single or double:
        return _unescaped(single, b"'") if single else _unescaped(double, b'"')
    return None if bare.upper() == b"NULL" else _decoded(bare)


def _unescaped(string: bytes, quote: bytes) -> str:
    """A string's value, as UTF-8: its escapes read between the escaped backslashes, as MySQL reads them from the
    left."""
    if b"\\" in string or quote * 2 in string:
        string = b"\\".join(_unescaped_piece(piece, quote) for piece in string.split(b"\\\\"))
    return string.decode("utf-8", "replace")


def _unescaped_piece(piece: bytes, quote: bytes) -> bytes:
    """Part of a string with no escaped backslash, where every backslash escapes the byte after it. Most escape only
    quotes and line breaks, replaced in C; the others go through ESCAPE."""
    plain = piece.replace(b'\\"', b'"').replace(b"\\'", b"'").replace(b"\\r", b"\r").replace(b"\\n", b"\n")
    if b"\\" not in plain and quote * 2 not in piece:
        return plain
    return ESCAPE[quote].sub(lambda m: quote if m.group(1) is None else ESCAPED.get(m.group(1), m.group(1)), piece)


def _named(rows: list[list[str | None]], table: str, names: list[str] | None, path: Path,
           problems: list[Problem]) -> Rows:
    stock = STOCK_COLUMNS.get(_kind(table))
    if names is None and stock and rows and len(rows[0]) == len(stock):
        names = list(stock)
    if names is None and stock is None:
        return []  # a plugin's table, whose columns change with its versions: only a help where it is named
    if names is None:
        problems.append(Problem(str(path), message=f"rows of `{table}` without the names of their columns (no "
                                                   f"CREATE TABLE or column list before them): not read; dump the "
                                                   f"table's structure too"))
        return []
    return [dict(zip(names, row)) for row in rows]


def _one_site(tables: dict[str, Rows]) -> dict[str, Rows] | None:
    """The tables of the site whose posts table has the shortest name, the first by name of those as short: in a
    multisite's dump, the main site's (`wp_posts`, not `wp_2_posts`), whose users are every site's. A database holding several installs of WordPress
    (`wp_posts` beside `blog_posts`, each with its users) gives the users of that site's install alone, whose ids its
    posts name; a site that keeps none under its prefix (sharing another's, as `CUSTOM_USER_TABLE` does) is given
    every table of users. None when no table of posts holds rows."""
    posts = sorted(_posts_tables(tables), key=lambda name: (len(name), name))  # `wp_2_posts` before `wp_3_posts`
    if not posts:
        return None
    prefix = posts[0].removesuffix("posts")
    own_users = _whole(tables, prefix + "users") if prefix + "users" in tables else False
    return {name: rows for name, rows in tables.items()
            if _whole(tables, name) and (name == prefix + _kind(name) or (_kind(name) == "users" and not own_users))}


def _other_sites_problems(path: Path, site: dict[str, Rows], others: list[str]) -> list[Problem]:
    """What a dump's tables of posts not imported are: a multisite network's other sites (`wp_2_posts` beside the
    main site's `wp_posts`), or the posts of other installs of WordPress the database holds (`blog_posts`)."""
    prefix = next((name.removesuffix("posts") for name in site if _kind(name) == "posts"), "")
    base = NETWORK_PREFIX.sub("", prefix)  # `wp_` for a dump of the network's sites without its main one's tables
    network = [name for name in others if name.startswith(base) and NETWORK_SITE.fullmatch(name[len(base):])]
    installs = [name for name in others if name not in network]
    problems = []
    if network:
        problems.append(Problem(str(path), message=f"the posts of the multisite network's other sites "
                                                   f"({_listed(network)}) are not imported, only the main site's: "
                                                   f"import each site's tables, dumped on their own, into a content "
                                                   f"folder of its own"))
    if installs:
        problems.append(Problem(str(path), message=f"the database holds other installs of WordPress besides "
                                                   f"`{prefix}posts`, whose posts ({_listed(installs)}) are not "
                                                   f"imported: import each install's tables, dumped on their own, "
                                                   f"into a content folder of its own"))
    return problems


def _listed(names: list[str]) -> str:
    return ", ".join(names[:4]) + (", …" if len(names) > 4 else "")


def _posts_tables(tables: dict[str, Rows]) -> list[str]:
    """The tables of posts WordPress keeps, with rows: a plugin's table whose name ends so (All in One SEO's
    `wp_aioseo_posts`) lacks their columns, and is no site of a network."""
    return [name for name in tables if _kind(name) == "posts" and _whole(tables, name)]


def _whole(tables: dict[str, Rows], name: str) -> bool:
    """Whether a table has rows with the columns that make it the one WordPress keeps under its name."""
    return bool(tables[name]) and NEEDED[_kind(name)] <= tables[name][0].keys()
