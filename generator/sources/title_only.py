"""Records of a post type that shows nothing but a title. REST leaves `content` out of a type registered without
the editor, `excerpt` without excerpts and `featured_media` without featured images; a whole response (its `_links`
kept, which `?_fields=` drops) of such a type, whose every other field is WordPress's own or empty, is a record a
theme or plugin keeps for itself: a media theme's `management` type holds its settings ("recommended products (top
page)", an empty `acf`), each refused as nothing to import (exit 1). Skipped as a record, and listed with
--verbose."""

from __future__ import annotations

from typing import Any

SHOWN = frozenset({"content", "excerpt", "featured_media"})  # what a type shows by what it supports
# What REST gives every post, and what SEO plugins add, which say of a post and show none of it.
OWN_FIELDS = frozenset({
    "id", "date", "date_gmt", "guid", "modified", "modified_gmt", "slug", "status", "type", "link", "title",
    "template", "author", "parent", "menu_order", "comment_status", "ping_status", "class_list", "password",
    "generated_slug", "permalink_template", "_links", "_embedded", "yoast_head", "yoast_head_json",
    "aioseo_notices", "aioseo_head", "aioseo_head_json", "rank_math_head"})


def title_only(data: dict[str, Any]) -> bool:
    """Whether a REST response is a record of a type that shows only its title (see the module's comment)."""
    if not isinstance(data.get("_links"), dict) or not isinstance(data.get("type"), str) or "title" not in data:
        return False
    return SHOWN.isdisjoint(data) and not any(_filled(value) for key, value in data.items() if key not in OWN_FIELDS)


def _filled(value: object) -> bool:
    """Whether a field holds anything: `acf: []`, `meta: {"footnotes": ""}` and `false` hold nothing. Walked with a
    list, not by recursion, as a response may nest as deep as its parser allowed."""
    waiting = [value]
    while waiting:
        found = waiting.pop()
        if isinstance(found, dict):
            waiting.extend(found.values())
        elif isinstance(found, list):
            waiting.extend(found)
        elif found.strip() if isinstance(found, str) else found not in (None, False, 0):
            return True
    return False
