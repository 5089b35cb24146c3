"""Posts saved from WPGraphQL, the GraphQL API headless front ends (Next.js and Gatsby starters, Faust.js) ask.

A front end's build saves the answers to its queries, or the nodes it took from them: `{"data": {"posts":
{"nodes": [...]}}}` (or `edges` of `node`s), a query for one post (`{"data": {"post": {...}}}`), or the list of
nodes alone; the answer's `data` without its envelope, as a GraphQL client returns it (`{"posts": {"nodes":
[...]}}`), and inside the props a page was built with (Next.js's `{"pageProps": {"post": {...}}}`). A post node
holds its title, body and excerpt as rendered HTML strings, a global `id` (base64 of `post:17046`) and often its
`databaseId`, its dates as REST has them (`date` local, `dateGmt`), `slug`, `uri` and `link`, and its author, terms
and featured image as `{"node": …}` and `{"nodes": [...]}`. Each becomes the post `/wp/v2/` would give with
`_embed`, and goes through the same conversion as any post; terms that name no id get one made from their taxonomy
and slug, as an export's terms without ids do.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from generator.sources.saved_names import SAVED_AS
from generator.sources.v2_posts import embedded_post
from generator.sources.wxr_items import synthetic_id

GLOBAL_ID = re.compile(r"([a-z_]+):([0-9]{1,19})")  # what a node's `id` decodes to: `post:17046`, `term:5`
TERM_FIELDS = {"categories": ("category", "categories"), "tags": ("post_tag", "tags")}  # field -> taxonomy, REST's
# A date as Gatsby's `formatString` writes it from moment.js's English tokens (`MMMM DD, YYYY` gives "May 05,
# 2021", `MMM Do, YYYY` "May 5th, 2021", `DD MMMM YYYY` "05 May 2021"): a month's name or its first three letters.
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
FORMATTED_DATES = (re.compile(rf"{_MONTH} {_DAY},? (?P<year>[0-9]{{4}})"),
                   re.compile(rf"{_DAY} {_MONTH},? (?P<year>[0-9]{{4}})"))
V2_ROOT = "https://wpgraphql.invalid/wp/v2/"  # where v2 would list a taxonomy's terms: its field's name
# Connections of a post node whose nodes have a name and slug but are no terms: its author, its languages and
# translations (Polylang's and WPML's), the scripts and styles it loads, its content type, its comments' authors.
NOT_TERMS = frozenset({"author", "language", "languages", "translations", "translation", "enqueuedScripts",
                       "enqueuedStylesheets", "contentType", "template", "comments", "children", "ancestors",
                       "parent", "featuredImage", "revisions", "preview", "lastEditedBy", "terms"})
# What WPGraphQL names the fields of a post that v2 names otherwise (see saved_names).
FIELD_NAMES = {"id": "databaseId", "date_gmt": "dateGmt", "modified_gmt": "modifiedGmt",
               "featured_media": "featuredImage", "parent": "parentDatabaseId"}
# How deep in a saved object the answer's fields are looked for: Next.js's `pageProps` around an answer's `data`
# around its fields is 3. Bounded, so that a REST post's nested fields cost little to pass over.
ENVELOPE_DEPTH = 4


def graphql_as_v2(data: Any) -> Any:
    """The response with its post nodes taken out of GraphQL's envelopes and made v2 posts; anything else as it
    was."""
    nodes = _nodes(data, ENVELOPE_DEPTH) if isinstance(data, dict) and not is_graphql_post(data) else None
    if nodes is not None:
        data = nodes
    if isinstance(data, list):
        return [as_v2(item) if is_graphql_post(item) else item for item in data]
    return as_v2(data) if is_graphql_post(data) else data


def is_graphql_post(data: object) -> bool:
    """A post node: its title and body as strings, and an id WPGraphQL gave it (`databaseId`, or a global id)."""
    if not isinstance(data, dict) or not isinstance(data.get("title"), str) or "ID" in data:
        return False
    if not isinstance(data.get("content"), str):
        return False
    return isinstance(data.get("databaseId"), int) or _global_id(data.get("id")) is not None


def as_v2(node: dict[str, Any]) -> dict[str, Any]:
    """The post `/wp-json/wp/v2/<type>/<id>?_embed` would give."""
    v2: dict[str, Any] = {
        "id": _ident(node), "type": _post_type(node), "status": _string(node.get("status")) or "publish",
        "slug": node.get("slug"), "link": node.get("link") or node.get("uri"),
        "guid": {"rendered": node["guid"]} if isinstance(node.get("guid"), str) else None,
        "title": {"rendered": node["title"]}, "content": {"rendered": node["content"]},
        "excerpt": {"rendered": _string(node.get("excerpt"))},
        "date": _as_iso(node.get("date")), "date_gmt": _as_iso(node.get("dateGmt")),
        "modified": _as_iso(node.get("modified")), "modified_gmt": _as_iso(node.get("modifiedGmt")),
        "parent": node.get("parentDatabaseId") if isinstance(node.get("parentDatabaseId"), int) else None,
        "menu_order": node.get("menuOrder") if isinstance(node.get("menuOrder"), int) else None,
        SAVED_AS: FIELD_NAMES,
    }
    embedded: dict[str, Any] = {}
    author = _one(node.get("author"))
    if author is not None and isinstance(author.get("name"), str) and author["name"]:
        # A query that asked for the author's name alone: an id made from it, as for terms without theirs.
        v2["author"] = _ident(author) or synthetic_id("user", _string(author.get("slug")) or author["name"])
        embedded["author"] = [{"id": v2["author"], "name": author["name"], "slug": _string(author.get("slug"))}]
    groups, links = [], []
    for field, taxonomy, rest in [*((f, t, r) for f, (t, r) in TERM_FIELDS.items()), *_custom_taxonomies(node)]:
        terms = _terms(taxonomy, node.get(field))
        if terms:
            v2[rest] = [term["id"] for term in terms]
            groups.append(terms)
            links.append({"taxonomy": taxonomy, "href": f"{V2_ROOT}{rest}"})
    if groups:
        embedded["wp:term"], v2["_links"] = groups, {"wp:term": links}
    return embedded_post(v2, embedded, _featured(node.get("featuredImage")))


def _custom_taxonomies(node: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(field, taxonomy, field) for each connection of terms beyond categories and tags: a custom taxonomy's field
    (`regions { nodes { name slug } }`, named by its GraphQL plural), each term its `name` and `slug` and no title or
    content of a post. The taxonomy is the one its terms name (`taxonomyName`), else the field's name. A news site's
    regions, topics and series were dropped."""
    found = []
    for field, value in node.items():
        if field in TERM_FIELDS or field in NOT_TERMS:
            continue
        nodes = _connection(value) if isinstance(value, dict) else []
        if nodes and all(isinstance(n, dict) and isinstance(n.get("slug"), str) and isinstance(n.get("name"), str)
                         and not {"title", "content"} & n.keys() for n in nodes):
            named = {n["taxonomyName"] for n in nodes if isinstance(n.get("taxonomyName"), str) and n["taxonomyName"]}
            found.append((field, named.pop() if len(named) == 1 else field, field))
    return found


def _nodes(data: dict[str, Any], depth: int) -> list[Any] | None:
    """The nodes of a query's answer: each field's `nodes`, the `node` of its `edges`, or the post it names; else
    those of the objects it holds (`data`, `pageProps`), `depth` levels down. None where no post is among them."""
    found: list[Any] = []
    for value in data.values():
        if is_graphql_post(value):
            found.append(value)
        elif connection := _connection(value):
            found += connection
        elif depth > 1 and isinstance(value, dict):
            found += _nodes(value, depth - 1) or []
    return found if any(is_graphql_post(node) for node in found) else None


def _connection(value: object) -> list[Any]:
    """The nodes of a connection, listed as `nodes` or as the `node` of each of its `edges`; [] for anything else."""
    if isinstance(value, dict) and isinstance(value.get("nodes"), list):
        return value["nodes"]
    if isinstance(value, dict) and isinstance(value.get("edges"), list):
        return [edge["node"] for edge in value["edges"] if isinstance(edge, dict) and "node" in edge]
    return []


def _global_id(value: object) -> tuple[str, int] | None:
    """A global id's type and database id (`cG9zdDoxNzA0Ng==` is `post:17046`); None for any other value."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        decoded = base64.b64decode(value, validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    match = GLOBAL_ID.fullmatch(decoded)
    return (match[1], int(match[2])) if match else None


def _ident(node: dict[str, Any]) -> int | None:
    if isinstance(node.get("databaseId"), int):
        return node["databaseId"]
    found = _global_id(node.get("id"))
    return found[1] if found else None


def _post_type(node: dict[str, Any]) -> str:
    """The post type: `contentTypeName`, its content type's name, else its GraphQL type (`Page`, Gatsby's `WpPage`)."""
    if isinstance(node.get("contentTypeName"), str):
        return node["contentTypeName"]
    content_type = _one(node.get("contentType"))
    if content_type is not None and isinstance(content_type.get("name"), str):
        return content_type["name"]
    typename = _string(node.get("__typename")).removeprefix("Wp")
    return typename.lower() if typename else "post"


def _one(value: object) -> dict[str, Any] | None:
    """The node of a `{"node": …}` connection, or the object itself where a query flattened it."""
    if isinstance(value, dict) and isinstance(value.get("node"), dict):
        return value["node"]
    return value if isinstance(value, dict) and "node" not in value else None


def _terms(taxonomy: str, value: object) -> list[dict[str, Any]]:
    nodes = value if isinstance(value, list) else _connection(value)
    terms = []
    for node in nodes:
        if isinstance(node, dict) and isinstance(node.get("slug"), str) and node["slug"]:
            ident = _ident(node) or synthetic_id("term", taxonomy, node["slug"])
            terms.append({"id": ident, "taxonomy": taxonomy, "slug": node["slug"], "name": _string(node.get("name")),
                          "parent": node["parentDatabaseId"] if isinstance(node.get("parentDatabaseId"), int) else 0})
    return terms


def _featured(value: object) -> dict[str, Any] | None:
    image = _one(value)
    if image is None:
        return None
    url = next((image[key] for key in ("sourceUrl", "mediaItemUrl", "publicUrl") if isinstance(image.get(key), str)
                and image[key]), None)
    if url is None:
        return None
    return {"id": _ident(image) or synthetic_id("media", url), "source_url": url,
            "alt_text": _string(image.get("altText")), "media_type": "image"}


def _as_iso(value: object) -> object:
    """A date Gatsby formatted for people, as the day ISO 8601 names (its time is not in the saved text); any other
    value as it was, for the conversion to read or name."""
    if not isinstance(value, str) or len(value) > 40:
        return value
    for pattern in FORMATTED_DATES:
        match = pattern.fullmatch(value.strip())
        month = _month(match["month"]) if match else 0
        if match and month and 1 <= int(match["day"]) <= 31:
            return f"{match['year']}-{month:02d}-{int(match['day']):02d}T00:00:00"
    return value


def _month(name: str) -> int:
    """January's number 1, and so on, from the whole name or its first three letters; 0 for any other word."""
    lowered = name.lower()
    return next((number for number, month in enumerate(MONTHS, 1)
                 if lowered == month or (len(lowered) == 3 and month.startswith(lowered))), 0)


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""
