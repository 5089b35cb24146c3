"""What a plugin adds to its own post type's REST response, beside WordPress's fields, that its page printed.

A plugin that registers a post type may serve the type's content as fields of their own at the top of the
response (`register_rest_field`), not in `meta`: WP Travel Engine's trip keeps its price, its description, what the
price includes and excludes and its day-by-day itinerary so (`"cost_includes": "Hotel\\nBreakfast"`, `"itineraries":
[{"title": "Day 1", "content": "<p>…</p>"}]`), and its page showed them all, while `content` holds a line or two.
They are read as the type's custom fields are (convert/custom_fields.py), and the rows of a repeated field that
each hold a title and its text are shown as the page laid them out: each title in bold over its text.

Only a response as the REST API served it (it has its `_links`) of a type other than WordPress's own is read so:
an export's item, rebuilt as a response, carries what rendering it needs beside its fields, never shown. And only
where its content says little (THIN_WORDS): a custom type whose content is the story (a newsroom's `news-archive`)
carries beside it what plugins add to every post of a site (Jetpack's related posts, reading times, short links),
which its page did not print as the post's text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from typing import Any

from generator.sources.post_fields import BUILT_IN_TYPES

# The fields WordPress serves for a post of any type, an attachment's, and the ones plugins add for their own
# work or for every type (SEO plugins' heads, languages, featured images by address), which no page printed as
# the post's text.
SERVED_FIELDS = frozenset({
    "id", "date", "date_gmt", "guid", "modified", "modified_gmt", "password", "slug", "status", "type", "link",
    "title", "content", "excerpt", "author", "featured_media", "comment_status", "ping_status", "sticky", "template",
    "format", "meta", "categories", "tags", "parent", "menu_order", "class_list", "permalink_template",
    "generated_slug", "acf", "caption", "alt_text", "media_type", "mime_type", "media_details",
    "post", "source_url", "missing_image_sizes", "lang", "translations", "coauthors", "authors", "author_name",
    "author_meta",
})
# Where a key ends so, it holds an SEO plugin's head or a copy of a field in another form (`aioseo_head`,
# `yoast_head_json`, `content_raw`), never text a reader read apart from the post.
SERVED_ENDINGS = ("_head", "_head_json", "_raw", "_rendered", "_html", "_id", "_ids")
# Words of a key holding what the page showed elsewhere or not at all: the post's featured image or its author's
# picture again (`featured_image_url`, `fimg_url`, `author_avatar`), a copy of its excerpt or its author's and
# comments' details (Spectra's `uagb_excerpt`, `uagb_author_info`), its languages (WPML's `wpml_current_locale`,
# Polylang's `pll_sync_post`), the plugin's settings (`wp_travel_engine_setting_trip_actual_price`, a copy of the
# trip's `price`).
SERVED_WORDS = frozenset({"featured", "fimg", "thumbnail", "avatar", "gravatar", "excerpt", "author", "comment",
                          "comments", "locale", "language", "translations", "wpml", "pll", "setting", "settings",
                          "option", "options", "related", "permalink", "shortlink", "url", "link", "links", "views",
                          "reading", "modified", "jetpack", "amp", "seo", "score", "sharing", "likes", "publicize",
                          "yoast", "rank", "blocks", "schema", "x"})
# Rows of a repeated field: a title's key and its text's, as plugins and ACF repeaters name them.
ROW_TITLES = ("title", "question", "name", "heading", "label")
ROW_TEXTS = ("content", "answer", "text", "description", "desc")
BLOCK_TAG = re.compile(r"<(?:p|div|ul|ol|h[1-6]|table|blockquote|figure|pre)[\s>]", re.IGNORECASE)
# The most words a post's content may hold for its plugin's fields to be read as its page's text: a trip's or a
# listing's content is a line or two, its page made of the fields.
THIN_WORDS = 60
TAG = re.compile(r"<[^<>]*+>")


def added_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields a plugin added to the response of its own type's post, in their order; none for WordPress's
    own types, or for a post not served as it is by the REST API."""
    post_type = data.get("type")
    if not isinstance(data.get("_links"), dict) or not isinstance(post_type, str) \
            or post_type in BUILT_IN_TYPES or post_type == "attachment" or not _thin(data.get("content")):
        return {}
    taxonomies = _taxonomies(data["_links"])
    return {key: value for key, value in data.items()
            if isinstance(key, str) and key not in SERVED_FIELDS and key not in taxonomies
            and not key.startswith("_") and not key.endswith(SERVED_ENDINGS)
            and SERVED_WORDS.isdisjoint(re.split(r"[_\-]+", key.lower())) and not _unset(value) and not _ids(value)}


def _thin(content: object) -> bool:
    """Whether the content's words, as served, are fewer than THIN_WORDS (counted no further than that)."""
    rendered = content.get("rendered") if isinstance(content, dict) else content
    if not isinstance(rendered, str):
        return True
    words = 0
    for _ in re.finditer(r"[^\s<>]++", TAG.sub(" ", rendered)):
        words += 1
        if words >= THIN_WORDS:
            return False
    return True


def titled_rows(rows: list[Any]) -> str:
    """Rows that each hold a title and its text (an itinerary's days, a FAQ's questions) as HTML, each title in
    bold over its text; "" unless every row is so."""
    parts: list[str] = []
    for row in rows:
        title = _first_text(row, ROW_TITLES)
        text = _first_text(row, ROW_TEXTS)
        if title is None or text is None:
            return ""
        if title:
            parts.append(f"<p><strong>{escape(title)}</strong></p>")
        if text:
            parts.append(_text_html(text))
    return "\n".join(parts)


def _text_html(text: str) -> str:
    """A row's text: its blocks as they are, else a paragraph of its lines (its inline markup kept), as the
    theme's nl2br showed them."""
    if BLOCK_TAG.search(text):
        return text
    shown = text if "<" in text else escape(text, quote=False)
    return "<p>" + "<br>\n".join(line.strip() for line in shown.splitlines()) + "</p>"


def _first_text(row: object, keys: tuple[str, ...]) -> str | None:
    if not isinstance(row, dict):
        return None
    return next((row[key].strip() for key in keys if isinstance(row.get(key), str)), None)


def _taxonomies(links: Mapping[str, Any]) -> set[str]:
    """The taxonomies whose term ids the response lists at its top (`destination`, `trip_types`)."""
    terms = links.get("wp:term")
    return {link["taxonomy"] for link in terms if isinstance(link, dict) and isinstance(link.get("taxonomy"), str)} \
        if isinstance(terms, list) else set()


def _unset(value: object) -> bool:
    """A field left at its default (a sale price of 0, no gallery), which the page did not print."""
    if value is None or isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value == 0
    return isinstance(value, (str, list, dict)) and not value


def _ids(value: object) -> bool:
    """A list of ids: a taxonomy's terms or another type's posts (`packages_ids`), no text of the post's."""
    return isinstance(value, list) and all(isinstance(item, int) and not isinstance(item, bool) for item in value)
