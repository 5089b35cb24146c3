"""A live site's post types and taxonomies as its REST API index lists them, for a site that keeps `/wp/v2/types` or
`/wp/v2/taxonomies` from visitors (a security plugin's "restrict the REST API" setting) while serving its posts.

The index (`/wp-json/`) names every route with the arguments its GET takes: a collection of posts takes `slug`,
`status` and `after`; one of terms takes `hide_empty`. A route's last segment is the type's or taxonomy's
`rest_base`, which is its name but for WordPress's own (`posts` is `post`, `tags` is `post_tag`). An index whose
routes a plugin hid too leaves WordPress's own: posts and pages, categories and tags.
"""

from __future__ import annotations

import re
from typing import Any

ROUTE = re.compile(r"/wp/v2/([a-z0-9_-]+)")
# rest_base -> name, for the types and taxonomies WordPress registers itself
BUILTIN_TYPES = {"posts": "post", "pages": "page", "media": "attachment", "menu-items": "nav_menu_item",
                 "blocks": "wp_block", "templates": "wp_template", "template-parts": "wp_template_part",
                 "navigation": "wp_navigation", "global-styles": "wp_global_styles", "font-families": "wp_font_family"}
BUILTIN_TAXONOMIES = {"categories": "category", "tags": "post_tag", "menus": "nav_menu"}
POSTS_TAKE = frozenset({"slug", "status", "after"})
TERMS_TAKE = "hide_empty"


def described(index: Any, kind: str) -> dict[str, dict[str, Any]]:
    """`/wp/v2/types` (kind "types") or `/wp/v2/taxonomies` ("taxonomies") as far as the index tells: each one's
    slug and rest_base, and whether a taxonomy's terms have parents (its collection takes `parent`)."""
    routes = index.get("routes") if isinstance(index, dict) else None
    found = {}
    for route, value in routes.items() if isinstance(routes, dict) else ():
        matched = ROUTE.fullmatch(route)
        taken = _arguments(value)
        if matched is None or taken is None:
            continue
        base = matched[1]
        if kind == "types" and POSTS_TAKE <= taken:
            found[BUILTIN_TYPES.get(base, base)] = {"rest_base": base}
        elif kind == "taxonomies" and TERMS_TAKE in taken:
            found[BUILTIN_TAXONOMIES.get(base, base)] = {"rest_base": base, "hierarchical": "parent" in taken}
    if found:
        return {slug: {"slug": slug, **value} for slug, value in sorted(found.items())}
    if kind == "types":
        return {"post": {"slug": "post", "rest_base": "posts"}, "page": {"slug": "page", "rest_base": "pages"}}
    return {"category": {"slug": "category", "rest_base": "categories", "hierarchical": True},
            "post_tag": {"slug": "post_tag", "rest_base": "tags", "hierarchical": False}}


def _arguments(route: Any) -> frozenset[str] | None:
    """The names of the arguments a route's GET takes; None where the index does not say."""
    endpoints = route.get("endpoints") if isinstance(route, dict) else None
    for endpoint in endpoints if isinstance(endpoints, list) else ():
        methods = endpoint.get("methods") if isinstance(endpoint, dict) else None
        if isinstance(methods, list) and "GET" in methods and isinstance(endpoint.get("args"), dict):
            return frozenset(endpoint["args"])
    return None
