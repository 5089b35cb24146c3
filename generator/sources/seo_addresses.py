"""The web addresses Yoast SEO saved for a database's posts, in its `wp_yoast_indexable` table: one row per post it
indexed, with the permalink WordPress gave it. Most sites run Yoast, and its table names what wp_options cannot: a
custom type's address (its rewrite slug is in the code registering it) and a post's under a `%category%` structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from generator.sources.wp_permalinks import row_number

TABLE = re.compile(r"\w*yoast_indexable")
COLUMNS = ("object_id", "object_type", "permalink")  # what makes the table Yoast's, and what is read of it
KEPT = (*COLUMNS, "object_sub_type", "post_status")


def kept(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of posts, with only the columns read: the table holds each post's SEO title, description and scores
    too. An attachment's is its page's, not its file's, which is what the import shows of it."""
    return [{column: row.get(column) for column in KEPT} for row in rows
            if row.get("object_type") == "post" and row.get("object_sub_type") != "attachment"]


def addresses(tables: Mapping[str, list[Any]], options: Mapping[str, str]) -> dict[int, str]:
    """The address Yoast indexed for each post, by id, where it is on the site's home (`options`): a copy whose
    table was indexed under another address (a staging host) gives none, but http and https, and www., are one;
    nor does a path where the site has plain permalinks now (`?p=12`)."""
    home = (options.get("home") or options.get("siteurl") or "").strip().rstrip("/")
    site = _place(home)
    if site is None:
        return {}
    below = site[1].rstrip("/")
    plain = not options.get("permalink_structure", "").strip()
    found = {}
    for row in (row for name, rows in tables.items() if TABLE.fullmatch(name) for row in kept(
            r for r in rows if isinstance(r, dict))):
        ident, place = row_number(row["object_id"]), _place(str(row["permalink"] or "").strip())
        if ident is None or place is None or row["post_status"] not in (None, "publish"):
            continue
        host, path, query = place
        if plain and not query:
            continue  # indexed before pretty permalinks were turned off: WordPress routes such a path no more
        if host == site[0] and (path == below or path.startswith(below + "/")):
            found[ident] = home + path[len(below):] + (f"?{query}" if query else "")
    return found


def _place(address: str) -> tuple[str, str, str] | None:
    """An address's host (without www.), path and query; None where it is no web address."""
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.lower().removeprefix("www."), parts.path, parts.query
