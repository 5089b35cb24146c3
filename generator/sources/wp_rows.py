"""Rows of WordPress's `wp_posts` table saved as JSON: read as the items of an export, which hold the same columns.

Backups and mirrors are often saved so: phpMyAdmin's JSON export (`[{"type": "header", …}, {"type": "table",
"name": "wp_posts", "data": [rows]}]`, every value a string), and WP-CLI's `wp post list --format=json` or
`wp db query … --json` (a list of rows), and `wp post get --format=json` (one row). `post_content` is as the editor saved it, not rendered, as in an export:
each row becomes an export's element and is read by the export's reader (sources/wxr.py), so that it is converted
as an export's item is (wpautop, shortcodes, blocks), and revisions, menu items and attachments are told apart as
there. A `wp_users` table beside it names the authors, the term tables (sources/wp_term_rows.py) their terms, and a
`wp_postmeta` table in the same export their custom fields (the featured image's `_thumbnail_id` among them), as an
export's `<wp:postmeta>` do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.language.words import Words
from generator.problems import Problem
from generator.sources import (bwg_galleries, linked_addresses, seo_addresses, shop_currency, tablepress, wp_json,
                               wp_permalinks, wp_term_rows, wpml_rows, wxr)
from generator.sources.wp_json import RawItem
from generator.sources.wxr_items import ZERO_DATE, Element, Names, site_address, slug_of

POSTS_TABLE = re.compile(r"\w*posts")  # `wp_posts` under any table prefix (`wp3x_posts`)
USERS_TABLE = re.compile(r"\w*users")
META_TABLE = re.compile(r"\w*postmeta")
OPTIONS_TABLE = re.compile(r"\w*options")
# The options that name the site as an export's channel does, in its <title>, <description> and <language>.
SITE_OPTIONS = {"blogname": "title", "blogdescription": "description", "WPLANG": "language"}
PHPMYADMIN_TYPES = frozenset({"header", "database", "table"})
# The columns of wp_posts, and the export's fields that hold the same.
FIELDS = {"ID": "wp:post_id", "post_title": "title", "post_content": "content:encoded",
          "post_excerpt": "excerpt:encoded", "post_date": "wp:post_date", "post_date_gmt": "wp:post_date_gmt",
          "post_modified": "wp:post_modified", "post_modified_gmt": "wp:post_modified_gmt",
          "post_name": "wp:post_name", "post_status": "wp:status", "post_type": "wp:post_type",
          "post_parent": "wp:post_parent", "menu_order": "wp:menu_order", "post_password": "wp:post_password",
          "post_mime_type": "wp:post_mime_type", "guid": "guid"}
COLUMNS = {name: column for column, name in FIELDS.items()}
NAMING = ("post_content", "post_title", "post_name")  # a row of wp_posts has one at least, whatever was asked


def holds_rows(data: Any) -> bool:
    """Whether saved JSON is a phpMyAdmin export, or a list of wp_posts rows, or of one of the term tables."""
    return _is_phpmyadmin(data) or _is_rows(data) or wp_term_rows.is_term_rows(data)


def row_like(item: dict[str, Any]) -> bool:
    """Whether an object may be one of a list that holds_rows takes, whose every test asks each object: a list
    whose first object is not row_like holds no rows."""
    kind = item.get("type")
    return (isinstance(kind, str) and kind in PHPMYADMIN_TYPES) or holds_rows([item])


def read_rows(path: Path, data: Any, problems: list[Problem], words: Words | None = None) -> Iterator[RawItem]:
    """The users and posts the rows hold, as an export's reader gives them; what cannot be read is appended to
    `problems`, naming the row's column. `words`: the site's, for the titles made for untitled posts."""
    if wp_term_rows.is_term_rows(data):
        if not any(POSTS_TABLE.fullmatch(sibling.stem) for sibling in path.parent.glob("*.json")):
            problems.append(Problem(str(path), message="rows of a table of terms, which name the terms of the "
                                                       "wp_posts rows saved beside them, and there are none"))
        return
    tables = _tables(data) if _is_phpmyadmin(data) else {"wp_posts": data if isinstance(data, list) else [data]}
    posts = next((rows for name, rows in tables.items() if POSTS_TABLE.fullmatch(name)), None)
    if posts is None:
        shown = ", ".join(sorted(tables)[:8]) or "none"
        problems.append(Problem(str(path), message=f"a phpMyAdmin export without the wp_posts table (tables: {shown}):"
                                                   " nothing to import; export wp_posts too"))
        return
    for rows in (rows for name, rows in tables.items() if USERS_TABLE.fullmatch(name)):
        yield from _users(path, rows)
    term_tables = tables if _is_phpmyadmin(data) else wp_term_rows.tables_beside(path)
    terms, term_ids = wp_term_rows.post_terms(term_tables)
    meta = _post_meta(tables)
    options = _options(tables)
    rows = [row for row in posts if isinstance(row, dict)]
    links = {**wp_permalinks.permalinks(rows, options), **wp_permalinks.attachment_files(rows, meta, options)}
    links = {**seo_addresses.addresses(tables, options), **links}
    links.update(linked_addresses.learnt(rows, links, options))
    elements = [(row, _element(row, terms, meta, links)) for row in rows]
    names = _names(term_ids, term_tables, options, words)
    names.bwg_galleries = bwg_galleries.galleries(tables, options)
    # By login, as an export's header names them: Co-Authors Plus's terms credit users by login.
    names.authors.update(user for name, table in tables.items() if USERS_TABLE.fullmatch(name)
                         for user in _user_records(table))
    wpml = wpml_rows.languages(tables)
    if site := {key: options[option] for option, key in SITE_OPTIONS.items() if options.get(option)}:
        yield RawItem(str(path), None, site, wp_json.LANGUAGE)
    for _, element in elements:
        wxr.note_element(element, names)
    wxr.settle(names)
    for position, (row, element) in enumerate(elements):
        found: list[Problem] = []
        for item in wxr.element_items(path, position, element, names, found):
            yield _as_saved(wpml_rows.with_language(_with_author(item, row), wpml), row)
        problems.extend(_as_row(p, position) for p in found)
    problems.extend(Problem(str(path), f"#{i}", message=f"expected a row (a JSON object), got {type(row).__name__}")
                    for i, row in enumerate(posts) if not isinstance(row, dict))


def _as_row(problem: Problem, position: int) -> Problem:
    """A problem of the export's reader named as the row it is: by its column, and by its position in the list where
    the row gave no id (the reader names such an item by the id it made up for it, which the rows do not hold)."""
    made = problem.item.isdigit() and wp_json.made_up(int(problem.item))
    return replace(problem, item=f"#{position}" if made else problem.item,
                   field=COLUMNS.get(problem.field, problem.field))


def _is_phpmyadmin(data: Any) -> bool:
    return (isinstance(data, list) and bool(data)
            and all(isinstance(d, dict) and isinstance(d.get("type"), str) and d["type"] in PHPMYADMIN_TYPES
                    for d in data)
            and any(d["type"] == "table" for d in data))


def _tables(data: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The export's tables by name, each a list of rows."""
    return {str(d.get("name")): d["data"] for d in data if d["type"] == "table" and isinstance(d.get("data"), list)}


def _is_rows(data: Any) -> bool:
    """A list of rows of wp_posts, or one (`wp post get --format=json`): `ID` as the table names it, never REST's
    `id`, and a column that names a post. Menu items as WordPress hands them to themes hold the same columns, and
    are skipped as menus (wp_json.kind_of), not read as posts with no date."""
    rows = [data] if isinstance(data, dict) else data
    return (isinstance(rows, list) and bool(rows) and all(isinstance(row, dict) for row in rows)
            and all("ID" in row and "id" not in row and any(c in row for c in NAMING)
                    and not wp_json.is_menu_item(row) for row in rows))


def _names(term_ids: dict[tuple[str, str], int], term_tables: dict[str, list[Any]], options: dict[str, str],
           words: Words | None) -> Names:
    """What the tables beside wp_posts say of the site, as an export's header says it: its terms' ids, Polylang's
    groups of translations, which posts hold TablePress's tables, the site's address, whether it shows smilies."""
    names = Names() if words is None else Names(words=words)
    names.terms.update(term_ids)
    names.translations = wp_term_rows.translation_groups(term_tables)
    names.table_posts = tablepress.table_posts(options.get(tablepress.OPTION, ""))
    names.site = site_address(options.get("home") or options.get("siteurl") or "")
    # Settings > Writing's "Convert emoticons like :-) to graphics": unticked, WordPress saves "" (or 0).
    names.smilies = options.get("use_smilies", "1").strip() not in ("", "0")
    names.shop = shop_currency.price_format(options)
    return names


def _element(row: dict[str, Any], terms: dict[int, list[wp_term_rows.Term]], meta: dict[int, dict[str, str]],
             links: dict[int, str]) -> Element:
    """The row as an export's <item>: its columns under the export's names, as text, its terms, custom fields and
    web address, an attachment's that of its file (sources/wp_permalinks.py)."""
    fields = {name: _text(row.get(column)) for column, name in FIELDS.items() if row.get(column) is not None}
    ident = fields.get("wp:post_id", "").strip()
    number = int(ident) if ident.isascii() and ident.isdigit() else None
    if fields.get("wp:post_type") == "attachment":  # where no file is named, its guid is its file's address
        fields["wp:attachment_url"] = links.get(number or 0) or fields.get("guid", "")
    elif number in links:
        fields["link"] = links[number]
    if number is None:
        return Element(fields)
    return Element(fields, terms.get(number, ()), meta.get(number, {}))


def _options(tables: dict[str, list[Any]]) -> dict[str, str]:
    """The wp_options rows by name. Of them the site's address, `home` (else `siteurl`), is what a row's guid that
    names only a path (a post imported from another blog engine) is on, as an export's channel `<link>` is for its
    items; and its name, tagline and language are what the channel's `<title>`, `<description>` and `<language>`
    say."""
    options = {_text(row.get("option_name") or ""): _text(row.get("option_value") or "")
               for name, rows in tables.items() if OPTIONS_TABLE.fullmatch(name) for row in rows
               if isinstance(row, dict)}
    # An address saved without its scheme (`example.org/blog`) is the site's on the web all the same, for its
    # posts' addresses (sources/wp_permalinks.py) as for its own.
    return {**options, **{key: address for key in ("home", "siteurl")
                          if key in options and (address := site_address(options[key]))}}


def _post_meta(tables: dict[str, list[Any]]) -> dict[int, dict[str, str]]:
    """Each post's custom fields by post id, from the wp_postmeta rows; of a key given twice, the last value, as an
    export's reader keeps it."""
    meta: dict[int, dict[str, str]] = {}
    for row in (row for name, rows in tables.items() if META_TABLE.fullmatch(name) for row in rows):
        post = _text(row.get("post_id", "")).strip() if isinstance(row, dict) else ""
        if post.isascii() and post.isdigit() and row.get("meta_key") is not None:
            meta.setdefault(int(post), {})[_text(row["meta_key"])] = _text(row.get("meta_value") or "")
    return meta


def _text(value: Any) -> str:
    """A column's value as the export writes it: phpMyAdmin gives text, WP-CLI numbers as numbers."""
    return value if isinstance(value, str) else str(value)


def _with_author(item: RawItem, row: dict[str, Any]) -> RawItem:
    """A post with the id of its author, which the export names by login and the row by id."""
    author = _text(row.get("post_author", "")).strip()
    if item.kind == wp_json.POST and author.isascii() and author.isdigit():
        item.data["author"] = int(author)
    return item


def _as_saved(item: RawItem, row: dict[str, Any]) -> RawItem:
    """A post whose row was saved without `post_modified` (or with MySQL's zero date) claims no time of update.
    The export's reader gives it its date for one, and a partial copy of a post (`SELECT ID, post_title,
    post_content, post_date …`, saved beside the full dump) then passed for a later edit of a post updated before
    its date (one scheduled) and was imported in its place, without its guid, link or author."""
    if item.kind == wp_json.POST and _text(row.get("post_modified") or ZERO_DATE) == ZERO_DATE:
        item.data.pop("modified", None)
        item.data.pop("modified_gmt", None)
    return item


def _users(path: Path, rows: list[Any]) -> Iterator[RawItem]:
    """The users of a wp_users table, which name the posts' authors."""
    for _, user in _user_records(rows):
        yield RawItem(str(path), None, user, wp_json.USER)


def _user_records(rows: list[Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(login, user as REST shows it) of each row of a wp_users table."""
    for row in rows:
        ident = _text(row.get("ID", "")).strip() if isinstance(row, dict) else ""
        login = _text(row.get("user_login", "")) if isinstance(row, dict) else ""
        if ident.isascii() and ident.isdigit() and login:
            name = _text(row.get("display_name") or login)
            yield login, {"id": int(ident), "name": name, "slug": _text(row.get("user_nicename") or slug_of(login)),
                          "link": ""}
