"""The type of a post saved without its `type` (`?_fields=id,title,content,guid`, as headless front ends ask), as
its guid says it: WordPress writes a page's guid as `?page_id=12` and a custom type's as `?post_type=event&p=12`.
Every such page and custom post was imported as a post."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

TYPE_NAME = re.compile(r"_?[a-z0-9][a-z0-9_-]{0,63}")  # as WordPress names a type (`news-archive`, `_cty_people`)


def guid_type(guid: str) -> str | None:
    """The type the guid names; None where it names none (`?p=12`, a permalink)."""
    query = parse_qs(urlsplit(html.unescape(guid)).query)
    named = query.get("post_type", [""])[0] if "p" in query else ""
    if TYPE_NAME.fullmatch(named):
        return named
    return "page" if "page_id" in query else None
