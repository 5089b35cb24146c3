"""A WordPress export (WXR) that an XML-to-JSON converter made JSON (`{"rss": {"channel": {"item": […]}}}`), as
headless front ends keep one: read as the export it was. Converters differ in how they write what XML marks:

- a CDATA section or an element's text as a string, or under `__cdata`, `_cdata`, `#cdata`, `#text`, `_`…, and
  every element as a list of one (xml2js);
- names with their prefix (`wp:post_id`, xmltodict) or without it (`post_id`, a converter that drops namespaces,
  which makes `content:encoded` and `excerpt:encoded` one list named `encoded`, content first);
- attributes as `@_domain`, `@domain`, `_domain`, `-domain`, or under `_attributes` or `$`, or not at all: an item's
  category then has only its name, and the terms the channel declares tell its taxonomy and slug.

Each item becomes the export's element and goes through the export's reader (sources/wxr.py), as rows of wp_posts
do (sources/wp_rows.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.language.words import Words
from generator.problems import Problem
from generator.sources import wp_json, wxr
from generator.sources import wxr_items as items
from generator.sources.wp_json import RawItem
from generator.sources.wxr_items import Element, Names

TEXT_DEPTH = 4
TEXT_KEYS = ("__cdata", "_cdata", "#cdata", "#cdata-section", "__text", "#text", "_text", "$t", "_")
ATTRIBUTE_GROUPS = ("_attributes", "$", "@attributes", ":@")
ATTRIBUTE_PREFIXES = ("@_", "@", "_", "-")
# The export's names that a converter may write without their namespace's prefix.
PREFIXES = {"creator": "dc:"} | dict.fromkeys(
    ("post_id", "post_date", "post_date_gmt", "post_modified", "post_modified_gmt", "comment_status", "ping_status",
     "post_name", "status", "post_parent", "menu_order", "post_type", "post_password", "is_sticky", "attachment_url",
     "wxr_version", "base_site_url", "base_blog_url", "author", "category", "tag", "term", "author_id",
     "author_login", "author_email", "author_display_name", "author_first_name", "author_last_name", "term_id",
     "category_nicename", "category_parent", "cat_name", "category_description", "tag_slug", "tag_name",
     "tag_description", "term_taxonomy", "term_slug", "term_parent", "term_name", "term_description", "meta_key",
     "meta_value"), "wp:")
# What a script that converts an export's items by hand names their content and excerpt (WordPress's own REST API
# names them so too, but serves `id`, never the export's `post_id`).
ITEM_ALIASES = {"content": "content:encoded", "excerpt": "excerpt:encoded"}
HEADER = ("wp:author", "wp:category", "wp:tag", "wp:term")  # what the channel declares, as the export's reader reads it
TERM_FIELDS = {"wp:category": ("category", "wp:category_nicename", "wp:cat_name"),
               "wp:tag": ("post_tag", "wp:tag_slug", "wp:tag_name"),
               "wp:term": ("", "wp:term_slug", "wp:term_name")}


def holds_export(data: Any) -> bool:
    """Whether saved JSON is a WordPress export made JSON: an RSS channel that names the WXR version or the site's
    base address, as only WordPress's exports do."""
    channel = _channel(data)
    return channel is not None and any(_named(key) in ("wp:wxr_version", "wp:base_site_url") for key in channel)


def holds_items(data: Any) -> bool:
    """Whether saved JSON is an export's items without their channel, a list of them or one, as scripts that turn
    an export into JSON save them."""
    listed = [data] if isinstance(data, dict) else data
    return isinstance(listed, list) and bool(listed) and all(item_like(item) for item in listed)


def item_like(item: Any) -> bool:
    """Whether an object is an export's item: it names its post by the export's `post_id` and `post_type`, and has
    no `id` (REST's) or `ID` (a wp_posts row's)."""
    names = {_named(key) for key in item} if isinstance(item, dict) else set()
    return {"wp:post_id", "wp:post_type"} <= names and not names & {"id", "ID"}


def read_export_items(path: Path, data: Any, problems: list[Problem], words: Words | None = None) -> Iterator[RawItem]:
    """An export's items saved without their channel, read as the export they came from."""
    listed = [data] if isinstance(data, dict) else data
    yield from read_export_json(path, {"rss": {"channel": {"item": listed}}}, problems, words)


def read_export_json(path: Path, data: Any, problems: list[Problem], words: Words | None = None) -> Iterator[RawItem]:
    """The export's site, authors, terms and items, as the export's reader gives them."""
    channel = _channel(data) or {}
    fields = {_named(key): value for key, value in channel.items()}
    names = Names() if words is None else Names(words=words)
    names.site = items.site_address(_text(fields.get("wp:base_blog_url")) or _text(fields.get("link")))
    names.export_date = _text(fields.get("pubDate"))
    names.language = _text(fields.get("language")).strip()
    if names.language:
        yield RawItem(str(path), None, {"language": names.language}, wp_json.LANGUAGE)
    for tag in ("title", "description"):
        if tag in fields:
            yield RawItem(str(path), None, {tag: _text(fields[tag])}, wp_json.LANGUAGE)
    declared: dict[str, tuple[str, str]] = {}  # a term's name: its taxonomy and slug
    for tag in HEADER:
        for value in _listed(fields.get(tag)):
            element = Element(_fields(value))
            found = items.user(element, names) if tag == "wp:author" else items.term(element, tag, names)
            if found is not None:
                yield RawItem(str(path), None, found, wp_json.USER if tag == "wp:author" else wp_json.TERM)
            if tag in TERM_FIELDS and element.fields.get(TERM_FIELDS[tag][2]):
                taxonomy, slug, name = TERM_FIELDS[tag]
                declared.setdefault(element.fields[name], (taxonomy or element.fields.get("wp:term_taxonomy", ""),
                                                           element.fields.get(slug, "")))
    elements = [_element(item, declared) for item in _listed(fields.get("item"))]
    for element in elements:
        wxr.note_element(element, names)
    wxr.settle(names)
    for position, element in enumerate(elements):
        yield from wxr.element_items(path, position, element, names, problems)


def _channel(data: Any) -> dict[str, Any] | None:
    rss = data.get("rss") if isinstance(data, dict) else None
    channel = rss.get("channel") if isinstance(rss, dict) else None
    if isinstance(channel, list) and len(channel) == 1:  # xml2js writes every element as a list
        channel = channel[0]
    return channel if isinstance(channel, dict) else None


def _element(item: Any, declared: dict[str, tuple[str, str]]) -> Element:
    """An item as the export's element: its fields, categories and custom fields."""
    item = item if isinstance(item, dict) else {}
    fields = _fields({key: value for key, value in item.items()
                      if key not in ("category", "postmeta", "wp:postmeta", "meta")})
    for alias, name in ITEM_ALIASES.items():
        if alias in fields and name not in fields:
            fields[name] = fields.pop(alias)
    categories = []
    for value in _listed(item.get("category")):
        name = _text(value)
        taxonomy, slug = _attribute(value, "domain"), _attribute(value, "nicename")
        if not taxonomy and not slug:  # the converter dropped attributes: the channel's terms name it
            taxonomy, slug = declared.get(name, ("category", ""))
        categories.append((taxonomy, slug, name))
    # A script's item may keep the custom fields as one object of names and values.
    meta = {key: _text(value) for key, value in item["meta"].items()} if isinstance(item.get("meta"), dict) else {}
    for value in _listed(item.get("postmeta") or item.get("wp:postmeta")):
        pair = _fields(value) if isinstance(value, dict) else {}
        if pair.get("wp:meta_key"):
            meta[pair["wp:meta_key"]] = pair.get("wp:meta_value", "")
    return Element(fields, tuple(categories), meta)


def _fields(value: Any) -> dict[str, str]:
    """An element's children as the export's fields, by their prefixed names, as text."""
    fields: dict[str, str] = {}
    for key, child in (value.items() if isinstance(value, dict) else ()):
        name = _named(key)
        if name == "encoded":  # `content:encoded` and `excerpt:encoded`, in that order, without their prefixes
            texts = [_text(part) for part in _listed(child)]
            fields.update(zip(("content:encoded", "excerpt:encoded"), texts))
        else:
            fields[name] = _text(child)
    return fields


def _named(key: str) -> str:
    """The export's name for a converter's key: `post_id` is `wp:post_id`."""
    return PREFIXES.get(key, "") + key if ":" not in key else key


def _text(value: Any, depth: int = 0) -> str:
    """An element's text: a string, a number, or the text a converter keeps under its own key (a CDATA section
    split where the text held `]]>` is a list of parts). Converters nest text a few levels at most: deeper lists
    and objects are no text, and are not followed (a hostile file's 900 nested lists would exhaust the stack)."""
    if isinstance(value, dict) and depth < TEXT_DEPTH:
        return "".join(_text(value[key], depth + 1) for key in TEXT_KEYS if key in value)
    if isinstance(value, list) and depth < TEXT_DEPTH:
        return "".join(_text(part, depth + 1) for part in value)
    return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def _attribute(value: Any, name: str) -> str:
    if not isinstance(value, dict):
        return ""
    for group in ATTRIBUTE_GROUPS:
        if isinstance(value.get(group), dict) and name in value[group]:
            return _text(value[group][name])
    return next((_text(value[prefix + name]) for prefix in ATTRIBUTE_PREFIXES if prefix + name in value), "")


def _listed(value: Any) -> list[Any]:
    """A converter writes one repeated element as a value and several as a list."""
    return value if isinstance(value, list) else [] if value is None else [value]
