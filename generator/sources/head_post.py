"""The post a saved page shows, named by the links WordPress prints in its head, for a page whose `<body>` names
none: a copying tool or an optimizer that strips the body's attributes leaves a bare `<body>` (an Australian
agency's copy of 41 posts and 8 pages on Astra and Elementor imported nothing), and themes older than
`body_class()` print their own (Cutline's `<body class="custom">`: a music blog's posts that its feeds did not hold
were lost). WordPress 5.5 and later print the post's REST address in the head of its page (`<link rel="alternate"
type="application/json" href="…/wp-json/wp/v2/posts/3284">`), as they do a term's on its archive; a post's page
alone prints its shortlink (`/?p=3284`), and `post_class()` marks its own element (`post-3284 type-post`)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from lxml.html import HtmlElement

from generator.sources.page_markup import classes, meta_link

LINK = re.compile(rb"<link\b[^>]{0,800}>", re.IGNORECASE)
BODY = re.compile(rb"<body\b", re.IGNORECASE)  # the body's tag, which ends the head
TAG_BYTES = 8192  # the most a theme's `<body …>` tag takes
BODY_CLASS = re.compile(rb"""\sclass\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
HREF = re.compile(r"""\shref\s*=\s*["']([^"']{1,2000})["']""", re.IGNORECASE)
HEAD_BYTES = 1 << 20  # where a page's head is looked in: a theme inlines its styles and scripts there
# The REST address of the post, pretty (`/wp-json/wp/v2/posts/3284`) or plain (`/?rest_route=/wp/v2/posts/3284`),
# its base (the type's `rest_base`) and its id; a copying tool saves it as a file (Simply Static's
# `…/posts/7836/index.html`, HTTrack's `…/posts/753.json`).
REST_PATH = re.compile(r"/wp/v2/([a-z0-9_-]{1,60})/([0-9]{1,19})(?:/|/index\.html?|\.json)?\Z")
# The bases WordPress gives its own types; a custom type's base is, unless its plugin says otherwise, its name.
TYPES = {"posts": "post", "pages": "page"}
# The bases of what is no post here: terms, users, attachments and WordPress's own records.
NOT_POSTS = frozenset({"categories", "tags", "users", "comments", "media", "blocks", "templates", "template-parts",
                       "navigation", "menu-items", "global-styles", "font-families"})
# The body classes of a page that shows no one post, or not its first page: a list of posts, a search, a missing
# page, an attachment's page, a later page of the post or of its comments.
NOT_SINGULAR = frozenset({"home", "blog", "archive", "category", "tag", "tax", "author", "date", "search", "error404",
                          "attachment", "paged"})
LATER_PAGE = re.compile(r"(?:single-|comment-)?paged-[0-9]+")


def shows_one(body_classes: list[str]) -> bool:
    """Whether a body that names no post (bare, or an old theme's own classes) may be a post's first page."""
    return NOT_SINGULAR.isdisjoint(body_classes) and not any(LATER_PAGE.fullmatch(name) for name in body_classes)


def ident(data: bytes) -> int | None:
    """The post's id its REST address in the page's head names, where that address is a post's (not a term's or a
    user's) and the body's classes do not say the page lists posts; read from the bytes, before it is parsed."""
    head = data[:HEAD_BYTES]
    body = BODY.search(head)
    end = head.find(b">", body.start(), body.start() + TAG_BYTES) if body is not None else -1
    tag = head[body.start():end if end >= 0 else body.start() + TAG_BYTES] if body is not None else b""
    named = BODY_CLASS.search(tag)
    if named is not None and not shows_one(named.group(1).decode("utf-8", "replace").split()):
        return None
    for match in LINK.finditer(head, 0, body.start() if body else len(head)):
        tag = match.group().decode("utf-8", "replace")
        if "alternate" in tag and "application/json" in tag and (href := HREF.search(tag)) is not None \
                and (found := _rest_post(href.group(1))) is not None:
            return found[1]
    return None


def post(document: HtmlElement) -> tuple[int, str] | None:
    """The page's post, its id and type, where its REST address names a post and the page says it shows that post:
    by its shortlink (`?p=3284`, `?page_id=12`) or by the post's own element (`post-3284`)."""
    body = document.find("body")
    found = _rest_post(meta_link(document, "alternate", "application/json"))
    if found is None or (body is not None and not shows_one(classes(body))):
        return None
    base, number = found
    marked = next((e for e in document.iter() if isinstance(e.tag, str) and f"post-{number}" in classes(e)), None)
    if marked is None and not _shortlink_names(document, number):
        return None
    types = [name.removeprefix("type-") for name in classes(marked) if name.startswith("type-")] \
        if marked is not None else []
    return number, types[0] if types else TYPES.get(base, base)


def _rest_post(address: str) -> tuple[str, int] | None:
    """The base and id a REST address names, where it is a post's: `…/wp/v2/posts/3284` or `?rest_route=…`."""
    try:
        parts = urlsplit(address.strip())
        route = parse_qs(parts.query).get("rest_route", [""])[0] or unquote(parts.path)
    except ValueError:
        return None
    found = REST_PATH.search(route)
    if found is None or found.group(1) in NOT_POSTS:
        return None
    number = int(found.group(2))
    return (found.group(1), number) if number > 0 else None


def _shortlink_names(document: HtmlElement, number: int) -> bool:
    try:
        query = parse_qs(urlsplit(meta_link(document, "shortlink")).query)
    except ValueError:
        return False
    return any(value == [str(number)] for key, value in query.items() if key in ("p", "page_id"))
