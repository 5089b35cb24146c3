"""WPML's languages of the posts of a database dump. WPML keeps them in a table of its own, `wp_icl_translations`:
a row per post (`element_type` `post_<type>`, `element_id`) with its `language_code` and the `trid` its
translations share. Each post read from the rows is given its language and its translations as Polylang's REST
fields name them (`lang`, `translations`), which convert/post_language.py reads; without them the posts of every
language came mixed, none said to be in its own.
"""

from __future__ import annotations

import re
from typing import Any

from generator.sources import wp_json
from generator.sources.wp_json import RawItem

TABLE = re.compile(r"\w*icl_translations")

Language = tuple[str, dict[str, int]]  # the post's language, and the post of each language of its group


def languages(tables: dict[str, list[Any]]) -> dict[int, Language]:
    """Each post's language and group of translations, by post id, from the rows of WPML's table."""
    posts = [(_number(row.get("element_id")), _text(row.get("language_code")), _text(row.get("trid")))
             for name, rows in tables.items() if TABLE.fullmatch(name) for row in rows
             if isinstance(row, dict) and _text(row.get("element_type")).startswith("post_")]
    groups: dict[str, dict[str, int]] = {}
    for ident, code, trid in posts:
        if ident and code and trid:
            groups.setdefault(trid, {}).setdefault(code, ident)
    return {ident: (code, groups.get(trid, {})) for ident, code, trid in posts if ident and code}


def with_language(item: RawItem, found: dict[int, Language]) -> RawItem:
    ident = item.data.get("id")
    if item.kind == wp_json.POST and isinstance(ident, int) and ident in found:
        code, group = found[ident]
        item.data["lang"] = code
        item.data["translations"] = {other: post for other, post in group.items() if post != ident}
    return item


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _number(value: Any) -> int:
    text = _text(value)
    return int(text) if text.isascii() and text.isdigit() else 0
