"""The web address of a post saved as a row of wp_posts, as WordPress makes it (get_permalink): an export names each
item's address in its <link>, a database's rows do not, and their pages said nowhere where the post was. A post's is
its site's `home` and the `permalink_structure` of wp_options filled in from its date, id and slug; a page's, its
parents' slugs and its own. A structure naming what the rows do not say whole (`%category%`, `%author%`), and other
post types (whose addresses their plugins make), give none. An attachment's file is where wp_get_attachment_url
finds it, in the uploads folder by its `_wp_attached_file`, not at its guid, which a site moved to another address
keeps (WordPress's advice is never to change a guid); but for a dump of a copy on its maker's machine
(`http://localhost/site`, `mysite.local`), where the guid may still name the public site's file.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

TAG = re.compile(r"%([a-z_]+)%")
# The structure's tags filled from a post's date (`YYYY-MM-DD HH:MM:SS`, in the site's time), id and slug.
FROM_DATE = {"year": slice(0, 4), "monthnum": slice(5, 7), "day": slice(8, 10), "hour": slice(11, 13),
             "minute": slice(14, 16), "second": slice(17, 19)}
PAGE_DEPTH = 32  # parents followed at most, so that a loop of parents ends
LOCAL_DOMAINS = (".local", ".localhost", ".test", ".lndo.site", ".ddev.site")  # Local's, Lando's, DDEV's…


def permalinks(rows: list[dict[str, Any]], options: Mapping[str, str]) -> dict[int, str]:
    """The address of each published post and page of `rows`, by id, where `options` name the site's home."""
    home = (options.get("home") or options.get("siteurl") or "").strip().rstrip("/")
    if not home.startswith(("http://", "https://")):
        return {}
    structure = options.get("permalink_structure", "").strip()
    by_id = {_id(row): row for row in rows if _id(row) is not None}
    front = options.get("page_on_front", "") if options.get("show_on_front") == "page" else ""
    links = {}
    for ident, row in by_id.items():
        if row.get("post_status") != "publish":
            continue
        if str(ident) == front.strip():
            links[ident] = home + "/"
        elif row.get("post_type") == "post" and (link := _post_link(row, ident, structure, home)):
            links[ident] = link
        elif row.get("post_type") == "page":
            links[ident] = _page_link(row, ident, by_id, structure, home)
    return links


def attachment_files(rows: list[dict[str, Any]], meta: Mapping[int, Mapping[str, str]],
                     options: Mapping[str, str]) -> dict[int, str]:
    """The address of each attachment's file, by id, where its `_wp_attached_file` and the site's address say it."""
    site = (options.get("siteurl") or options.get("home") or "").strip().rstrip("/")
    uploads = options.get("upload_url_path", "").strip().rstrip("/") or (site and site + "/wp-content/uploads")
    if on_this_machine(uploads):
        return {}
    files = {}
    for row in rows:
        ident = _id(row)
        attached = meta.get(ident, {}).get("_wp_attached_file", "").strip() if ident is not None else ""
        if row.get("post_type") != "attachment" or not attached:
            continue
        if attached.startswith(("http://", "https://")):  # an offloading plugin's whole address
            files[ident] = attached
        elif uploads.startswith(("http://", "https://")):
            files[ident] = f"{uploads}/{attached.lstrip('/')}"
    return files


def on_this_machine(address: str) -> bool:
    """Whether an address names its maker's machine or network (`localhost`, `site.local`, 127.0.0.1, 192.168.…)."""
    try:
        host = (urlsplit(address).hostname or "").lower()
    except ValueError:
        return True
    if host == "localhost" or host.endswith(LOCAL_DOMAINS):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private


def _post_link(row: dict[str, Any], ident: int, structure: str, home: str) -> str:
    if not structure:
        return f"{home}/?p={ident}"
    date, slug = str(row.get("post_date") or ""), str(row.get("post_name") or "")
    values = {"post_id": str(ident), "postname": slug, **{tag: date[part] for tag, part in FROM_DATE.items()}}
    if not slug or any(tag not in values for tag in TAG.findall(structure)):
        return ""
    return home + TAG.sub(lambda tag: values[tag.group(1)], structure)


def _page_link(row: dict[str, Any], ident: int, by_id: dict[int, dict[str, Any]], structure: str, home: str) -> str:
    if not structure or not row.get("post_name"):
        return f"{home}/?page_id={ident}"
    slugs = [str(row["post_name"])]
    parent = row_number(row.get("post_parent"))
    while parent in by_id and len(slugs) < PAGE_DEPTH:
        slugs.append(str(by_id[parent].get("post_name") or parent))
        parent = row_number(by_id[parent].get("post_parent"))
    return f"{home}/{'/'.join(reversed(slugs))}" + ("/" if structure.endswith("/") else "")


def _id(row: dict[str, Any]) -> int | None:
    return row_number(row.get("ID"))


def row_number(value: object) -> int | None:
    """A row's id or a column naming one (`post_parent`), as a dump writes it: a positive number, else None."""
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and int(text) > 0 else None
