"""Posts saved from WordPress.com's REST API v1.1 (`public-api.wordpress.com/rest/v1.1/sites/<site>/posts`).

WordPress.com, and self-hosted sites connected to it by Jetpack, still serve their posts through this older API,
and crawlers and backup scripts saved them from it: a page is `{"found": 120, "posts": [...]}`, a post holds
`ID`, `URL`, its title and body as HTML strings, its dates with their offset (`2020-10-05T12:25:31+02:00`), its
author whole, and its categories, tags and other terms by name (`terms: {taxonomy: {name: term}}`). Each
becomes the post `/wp/v2/` would give, with its author, terms and featured image embedded as `_embed` gives
them, and goes through the same conversion as any post. `/sites/<site>` itself names the site's language.
"""

from __future__ import annotations

from typing import Any

from generator.sources.saved_names import SAVED_AS
from generator.sources.v2_posts import embedded_post, local_and_utc

POST_KEYS = frozenset({"ID", "URL", "content"})
SITE_KEYS = frozenset({"ID", "URL", "name", "lang"})
V2_ROOT = "https://public-api.wordpress.com/wp/v2/"  # where v2 would list a taxonomy's terms: its field's name
REST_KEYS = {"category": "categories", "post_tag": "tags"}  # v2's fields for WordPress's own taxonomies
COMMENT_TYPES = frozenset({"comment", "trackback", "pingback"})
# What v1.1 names the fields of a post that v2 names otherwise (see saved_names).
FIELD_NAMES = {"id": "ID", "link": "URL", "date_gmt": "date", "modified_gmt": "modified",
               "featured_media": "post_thumbnail"}
PASSED_OVER = frozenset({"post_format", "mentions"})  # a theme's format, and Jetpack's record of @mentions


def is_v1_post(data: object) -> bool:
    """A post or page; not a comment (`/posts/<ID>/replies`), which has the same keys and the post it is on."""
    return (isinstance(data, dict) and POST_KEYS <= data.keys() and isinstance(data.get("content"), str)
            and not isinstance(data.get("post"), dict) and data.get("type") not in COMMENT_TYPES)


def v1_as_v2(data: Any) -> Any:
    """The response with a page of posts opened into its list, every post made a v2 post, and a site's
    description made what /wp/v2/settings says of it; anything else as it was."""
    if isinstance(data, dict) and {"found", "posts"} <= data.keys() and isinstance(data["posts"], list):
        data = data["posts"]
    if isinstance(data, list):
        return [as_v2(item) if is_v1_post(item) else item for item in data]
    if is_v1_post(data):
        return as_v2(data)
    # (`lang` is false where the API does not tell a visitor the site's language: its name is still the site's.)
    if isinstance(data, dict) and SITE_KEYS <= data.keys() and isinstance(data["lang"], (str, bool)):
        return _site(data)
    return data


def as_v2(post: dict[str, Any]) -> dict[str, Any]:
    """The post `/wp-json/wp/v2/<type>/<ID>?_embed` would give."""
    ident = post.get("ID")
    v2: dict[str, Any] = {
        "id": ident, "type": post.get("type") or "post", "status": post.get("status") or "publish",
        "slug": post.get("slug"), "link": post.get("URL"),
        "guid": {"rendered": post["guid"]} if isinstance(post.get("guid"), str) else None,
        "title": {"rendered": _string(post.get("title"))},
        "content": {"rendered": post["content"]},
        "excerpt": {"rendered": _string(post.get("excerpt"))},
        "sticky": post.get("sticky") is True,
        "menu_order": post.get("menu_order") if isinstance(post.get("menu_order"), int) else None,
        "parent": _parent(post.get("parent")),
        "format": post.get("format") if isinstance(post.get("format"), str) else None,
        SAVED_AS: FIELD_NAMES,
    }
    for name in ("date", "modified"):
        v2[name], v2[f"{name}_gmt"] = local_and_utc(post.get(name))
    embedded: dict[str, Any] = {}
    author = post.get("author")
    if isinstance(author, dict) and isinstance(author.get("ID"), int) and isinstance(author.get("name"), str):
        v2["author"] = author["ID"]
        embedded["author"] = [{"id": author["ID"], "name": author["name"], "slug": _string(author.get("nice_name")),
                               "link": _string(author.get("profile_URL"))}]
    groups = _terms(post)
    for taxonomy, terms in groups.items():
        v2[REST_KEYS.get(taxonomy, taxonomy)] = [term["id"] for term in terms]
    if groups:
        embedded["wp:term"] = list(groups.values())
        v2["_links"] = {"wp:term": [{"taxonomy": taxonomy, "href": f"{V2_ROOT}{REST_KEYS.get(taxonomy, taxonomy)}"}
                                    for taxonomy in groups]}
    return embedded_post(v2, embedded, _featured(post))


def _terms(post: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """taxonomy -> its terms as v2's term objects; from `terms`, else the older `categories` and `tags`."""
    by_taxonomy = post.get("terms")
    if not isinstance(by_taxonomy, dict):
        by_taxonomy = {"category": post.get("categories"), "post_tag": post.get("tags")}
    groups = {}
    for taxonomy, terms in by_taxonomy.items():
        if taxonomy in PASSED_OVER or not isinstance(terms, dict):
            continue
        found = [_term(taxonomy, term) for term in terms.values() if isinstance(term, dict)]
        found = [term for term in found if term is not None]
        if found:
            groups[taxonomy] = found
    return groups


def _term(taxonomy: str, term: dict[str, Any]) -> dict[str, Any] | None:
    if not isinstance(term.get("ID"), int) or not isinstance(term.get("slug"), str):
        return None
    return {"id": term["ID"], "taxonomy": taxonomy, "slug": term["slug"], "name": _string(term.get("name")),
            "description": _string(term.get("description")),
            "parent": term["parent"] if isinstance(term.get("parent"), int) else 0}


def _featured(post: dict[str, Any]) -> dict[str, Any] | None:
    """The featured image as v2's media object: `post_thumbnail`, else the `featured_image` address alone."""
    thumbnail = post.get("post_thumbnail")
    if isinstance(thumbnail, dict) and isinstance(thumbnail.get("URL"), str) and thumbnail["URL"]:
        ident = thumbnail.get("ID") if isinstance(thumbnail.get("ID"), int) else 0
        return {"id": ident, "source_url": thumbnail["URL"], "alt_text": _string(thumbnail.get("alt")),
                "media_type": "image", "mime_type": _string(thumbnail.get("mime_type"))}
    url = post.get("featured_image")
    return {"id": 0, "source_url": url, "alt_text": "", "media_type": "image"} if isinstance(url, str) and url else None


def _parent(value: object) -> int | None:
    if isinstance(value, dict) and isinstance(value.get("ID"), int):
        return value["ID"]
    return 0 if value is False else None


def _site(data: dict[str, Any]) -> dict[str, Any]:
    """What /wp/v2/settings says of the site: its name, description and language (`pt-br` is `pt-BR`)."""
    options = data.get("options") if isinstance(data.get("options"), dict) else {}
    language, _, region = _string(data["lang"]).partition("-")
    return {"title": _string(data.get("name")), "description": _string(data.get("description")),
            "url": _string(data.get("URL")), "timezone": _string(options.get("timezone")),
            "date_format": _string(options.get("date_format")),
            "language": f"{language}-{region.upper()}" if region else language}


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""
