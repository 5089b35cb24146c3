"""The web addresses of custom post types' posts in a database's rows, learnt from the site's own links to them.

A custom type's permalinks are made by the code that registers it (its rewrite slug, `/news-archive/%slug%/` by
default, or whatever its plugin chose), which no table holds: sources/wp_permalinks.py gives them none, so every link
a story made to another (`https://site/news-archive/lithium-deal/`) stayed a remote link on the mirror. But those
links say the slug: where the site's posts link to posts of a type under one folder, the type's posts are all there,
as WordPress gives a type one rewrite slug. Nothing is guessed without such a link: a wrong address would be a dead
"original" link on every one of the type's pages.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from generator.sources.wp_permalinks import row_number

# Types whose addresses wp_permalinks.py makes or that no reader visits.
OWN_TYPES = frozenset({"post", "page", "attachment", "revision", "nav_menu_item"})
HREF = re.compile(r"""href\s*=\s*(?:\\?["'])?(https?:[^"'\\\s<>]+)""", re.IGNORECASE)
PARENTS = 32  # parents followed at most, so that a loop of parents ends


def learnt(rows: list[dict[str, Any]], links: Mapping[int, str], options: Mapping[str, str]) -> dict[int, str]:
    """The address of each published post of a custom type that `links` lacks, by id, where the rows' contents link
    to posts of its type under one folder of the site (`options`' home) and pretty permalinks are on."""
    home = (options.get("home") or options.get("siteurl") or "").strip().rstrip("/")
    structure = options.get("permalink_structure", "").strip()
    if not home.startswith(("http://", "https://")) or not structure:
        return {}
    posts = {row_number(row.get("ID")): row for row in rows if row.get("post_status") == "publish"}
    unplaced = {ident: row for ident, row in posts.items()
                if ident is not None and ident not in links and _named(row, "post_type") not in ("", *OWN_TYPES)
                and _named(row, "post_name")}
    if not unplaced:
        return {}
    tails = {ident: _tail(ident, unplaced) for ident in unplaced}
    known = {_path(link, home) for link in links.values()}
    folders = _folders(_linked_paths(posts.values(), home) - known, unplaced, tails)
    end = "/" if structure.endswith("/") else ""
    return {ident: f"{home}/{'/'.join(folders[row['post_type']] + _tail(ident, unplaced, str))}{end}"
            for ident, row in unplaced.items() if row["post_type"] in folders}


def _linked_paths(rows: Iterable[dict[str, Any]], home: str) -> set[tuple[str, ...]]:
    """The paths on the site, as segments, that the rows' contents link to; none under a home urlsplit refuses."""
    try:
        host = _host(urlsplit(home).hostname)
    except ValueError:
        return set()
    return {path for row in rows for href in HREF.findall(str(row.get("post_content") or ""))
            if host in href.lower() and (path := _path(href, home))}


def _folders(paths: set[tuple[str, ...]], unplaced: Mapping[int, dict[str, Any]],
             tails: Mapping[int, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each type's folder: the one that most of the links to its posts name, over half of them."""
    by_slug: dict[str, list[int]] = defaultdict(list)
    for ident, tail in tails.items():
        by_slug[tail[-1]].append(ident)
    votes: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
    for path in paths:
        for ident in by_slug.get(path[-1], ()):
            tail = tails[ident]
            if path[-len(tail):] == tail and (folder := path[:-len(tail)]) and not any(p.isdigit() for p in folder):
                votes[unplaced[ident]["post_type"]][folder] += 1
    return {kind: folder for kind, counted in votes.items()
            for folder, count in counted.most_common(1) if 2 * count > counted.total()}


def _segment(text: object) -> str:
    """A slug as a link names it or as wp_posts keeps it (percent-encoded, in either case), compared alike."""
    return unquote(str(text)).lower()


def _tail(ident: int, unplaced: Mapping[int, dict[str, Any]],
          written: Callable[[object], str] = _segment) -> tuple[str, ...]:
    """A post's slug under its parents' of its own type, as a hierarchical type's addresses name them: `written`
    as links are compared, or as the address is made (as wp_posts keeps them)."""
    row = unplaced[ident]
    slugs = [written(row["post_name"])]
    parent = row_number(row.get("post_parent"))
    while parent in unplaced and unplaced[parent]["post_type"] == row["post_type"] and len(slugs) < PARENTS:
        slugs.append(written(unplaced[parent]["post_name"]))
        parent = row_number(unplaced[parent].get("post_parent"))
    return tuple(reversed(slugs))


def _path(href: str, home: str) -> tuple[str, ...]:
    """The segments of an address's path under the site's home, whether it names http or https, with www. or
    without; () for an address elsewhere or with a query (`?p=12`)."""
    try:
        address, site = urlsplit(href.replace("&amp;", "&")), urlsplit(home)
    except ValueError:
        return ()
    if address.query or _host(address.hostname) != _host(site.hostname):
        return ()
    below = site.path.rstrip("/")
    if not (address.path == below or address.path.startswith(below + "/")):
        return ()
    return tuple(_segment(part) for part in address.path[len(below):].split("/") if part)


def _named(row: dict[str, Any], column: str) -> str:
    """A column's text; '' for anything else a hand-made row may hold there (a list, a number)."""
    value = row.get(column)
    return value if isinstance(value, str) else ""


def _host(host: str | None) -> str:
    return (host or "").lower().removeprefix("www.")
