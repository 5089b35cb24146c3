"""Posts a script saved in a shape of its own: a headless front end's or a migration script's copy of a site's posts,
flattened from what the REST API served.

Such scripts write the title and content as strings, name fields in camelCase (`contentHtml`, `dateGmt`,
`featuredMedia`), write ids as strings (`"1790"`, as a CSV or a database row gives them) and wrap their lists in an
object of their own (`{"source": …, "totalPosts": 97, "posts": [...]}`, `{"users": [...], "posts": [...],
"pages": [...]}`). Each was refused whole ("an object holding lists", "no content", "expected an integer"): 97, 72
and 32 posts of three sites. They are read as the REST posts they were made from; a message names a field as the
file does (saved_names.py).
"""

from __future__ import annotations

import re
from typing import Any

from generator.sources.saved_names import SAVED_AS

# The lists of posts a script's wrapping names as WordPress's collections are named.
POST_LISTS = frozenset({"posts", "pages"})
# A REST field, and the names scripts give it, in the order they are looked for.
ALIASES = {
    "content": ("contentHtml", "content_html", "contentRendered", "bodyHtml", "body_html"),
    "excerpt": ("excerptHtml", "excerpt_html"),
    "date": ("publishedDate", "published_date", "publishedAt", "published_at", "datePublished"),
    "date_gmt": ("dateGmt",),
    "modified": ("modifiedDate", "modified_date", "updatedAt", "updated_at", "dateModified"),
    "modified_gmt": ("modifiedGmt",),
    "featured_media": ("featuredMedia",),
    "featured_image_url": ("featuredImage", "featured_image", "featuredImageUrl"),
    "author": ("author_id", "authorId"),
    "link": ("sourceUrl", "source_url", "originalUrl", "permalink", "url"),
}
NUMBERS = ("id", "author", "featured_media", "parent", "menu_order")  # written as strings by some scripts
TERM_LISTS = ("categories", "tags")
USER_FIELDS = {"name": "display_name", "slug": "user_nicename", "link": "user_url"}  # a wp_users row's
NOTHING = frozenset({"None", "null", "undefined"})  # what a script writes of a missing value as text
DIGITS = re.compile(r"[0-9]{1,18}")


def as_v2(data: Any) -> Any:
    """`data` with a script's posts and users read as REST's; anything else as it was: the posts of a wrapping that
    names them (`posts`, `pages`) with the other lists' items, so that each is read or named."""
    if isinstance(data, list):
        return [item_as_v2(item) for item in data]
    if isinstance(data, dict) and _wraps_posts(data):
        return [_typed(item_as_v2(item), key) for key, value in data.items() if isinstance(value, list)
                for item in value]
    return item_as_v2(data)


def _typed(item: Any, key: str) -> Any:
    """A post of a wrapping's `pages` list is a page, of its `posts` list a post, where it names no type itself."""
    if key in POST_LISTS and isinstance(item, dict) and "type" not in item:
        return {**item, "type": key.removesuffix("s")}
    return item


def item_as_v2(item: Any) -> Any:
    """One object: a script's post or a wp_users row made what REST serves; anything else as it was."""
    if _is_user_row(item):
        return {"id": _number(item.get("id", item.get("ID"))), **{key: item.get(column) or "" for key, column in
                                                                   USER_FIELDS.items()}}
    if not _is_script_post(item):
        return item
    post, saved = dict(item), {}
    for field, names in ALIASES.items():
        name = next((name for name in names if name in item and field not in item), None)
        if name is not None:
            post[field] = post.pop(name)
            saved[field] = name
    for field in (field for field in NUMBERS if field in post):
        post[field] = _number(post[field])
    for field in TERM_LISTS:
        if isinstance(post.get(field), list):
            post[field] = [_number(term) for term in post[field]]
    if isinstance(post.get("excerpt"), str) and post["excerpt"].strip() in NOTHING:
        post.pop("excerpt")
    return {**post, SAVED_AS: saved} if saved else post


def _wraps_posts(data: dict[str, Any]) -> bool:
    """Whether `data` names lists of posts as WordPress does, each item titled and at least one a script's post (a
    page that only lists posts may have no content)."""
    items = [item for key, value in data.items() if key in POST_LISTS and isinstance(value, list) for item in value]
    return (any(_is_script_post(item) for item in items)
            and all(isinstance(item, dict) and isinstance(item.get("title"), str) for item in items))


def _is_script_post(item: Any) -> bool:
    """A post as a script flattened it: its title a string, beside its content under REST's name or another."""
    return (isinstance(item, dict) and isinstance(item.get("title"), str)
            and any(isinstance(item.get(name), str) for name in ("content", *ALIASES["content"])))


def _is_user_row(item: Any) -> bool:
    return isinstance(item, dict) and {"user_login", "display_name"} <= item.keys() and "name" not in item


def _number(value: Any) -> Any:
    """A string of digits as the number it writes; anything else as it is (a message names it)."""
    return int(value) if isinstance(value, str) and DIGITS.fullmatch(value.strip()) else value
