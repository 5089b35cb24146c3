"""A post's custom fields that its theme printed for a reader, shown under its body.

Themes and plugins keep the content of their own post types in fields, not the body: a job's salary
(`g5_job_salary`), a FAQ's answer (`g5_faq_answer`), a team member's role (`_team_member_job`), an event's
date and place, ACF's fields. The live page printed them; without them such a post imports as a bare
title. The same fields hold the theme's settings (`hide_footer` = `0`, `slide_template` = `default`,
`rs_page_bg_color` = `#ffffff`, serialized PHP): a value is shown only when it reads as words.

Read from REST's `acf` and `meta` objects, the fields a plugin added to its type's response
(convert/rest_fields.py), and from an export's fields (sources/post_fields.py puts the
ones whose keys may show under `meta`), for a post of a type other than `post` and `page`, or of any type
whose body is empty. Each shown field is a paragraph `**Label:** value` in HTML, which then goes through
the body's conversion; the first field named as a text (`answer`, `text`, `description`…) is the body
itself when the post has none, without a label. A gallery field (ACF's, or attachment ids a product or
listing keeps: `_product_image_gallery` = `32,33`) is its pictures, laid out as a gallery. A day as ACF's date
picker stores it (`20240501`) is shown as the day it is (`2024-05-01`), in a field of any name when so stored;
Unix times are shown as stored, and so are a listing's counts (`_property_bedrooms` = `3`). An ACF group in REST's
`acf` shows its fields as fields are shown (its title and text as they are, a button's words as its link), and a
relationship or post object field the posts it names, linked by their titles. A field holding other structured data
with words in it (serialized PHP, JSON, another plugin's object) is not shown, and counted. A picture's
address in a field named a picture is that picture.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from html import escape, unescape
from typing import Any
from urllib.parse import urlsplit

from generator.convert import acf_rows, php_values
from generator.convert.addresses import absolute
from generator.convert.autop import autop
from generator.convert.context import STRUCTURED_FIELD, Context, attachment_id
from generator.convert.rest_fields import added_fields, titled_rows
from generator.convert.shortcode_handlers import attachment_image
from generator.sources.post_fields import BUILT_IN_TYPES, is_reader_key, own_prefixes

# BeTheme's Muffin Builder keeps a page it builds in its own fields, its items' words for search engines in
# `mfn-page-items-seo` (a line per item: a heading, a sentence, a link), its editor empty: the page's text, shown
# as its body, a paragraph a line (it stood under a label, "Mfn page items seo:", its lines one paragraph).
BUILDER_TEXT_KEYS = frozenset({"mfn-page-items-seo"})
LINE_BREAK = "<br>\n"  # between the lines of a field's text
# Last words of a key naming the text a FAQ, testimonial, event or profile shows as its body.
BODY_WORDS = frozenset({"answer", "text", "content", "description", "desc", "body", "bio", "biography", "summary"})
# …but not where another word of the key names a control's words (`hero_button_text` = `Book now`, `cta_text`,
# `link_text`, `form_description`): shown under its label, never as the body of an empty page.
CONTROL_WORDS = frozenset({"button", "btn", "cta", "link", "label", "placeholder", "form", "modal", "popup", "tooltip",
                           "badge", "menu", "tab", "toggle"})
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
PARAGRAPH_TAG = re.compile(r"<p[\s>]", re.IGNORECASE)
GROUP_DEPTH = 3  # ACF's groups in groups shown (a group in a group in a field), past which a value is structured data
GROUP_TITLE_WORDS = frozenset({"title", "heading", "pretitle", "subtitle", "headline"})  # shown as they are in a group
LAYOUT_KEY = acf_rows.LAYOUT_KEY  # the key by which each row of ACF's Flexible Content names its layout
# Objects that are no group: a user (ACF's user field: shown by the name it displays, never its email, registration
# or avatar), a term (by its name), a REST error saved in a value's place (not shown).
USER_KEYS = frozenset({"user_email", "user_registered", "user_nicename"})
TERM_KEYS = frozenset({"term_id", "name", "taxonomy"})
ERROR_KEYS = frozenset({"code", "message", "data"})
# Words of a key whose number a reader reads: a date or year as stored (`event_date` = `20240501`,
# `company_since` = `2020`), a phone number, a price.
NUMBER_WORDS = frozenset({"date", "year", "since", "start", "end", "time", "day", "month", "until", "phone", "tel",
                          "telephone", "mobile", "fax", "zip", "postcode", "price", "cost", "salary", "fee"})
# Words of a key whose single number a listing's reader reads: a property's rooms, a rental's guests (Luxus's
# `_property_bedrooms` = `3`, WP Residence's `property_bathrooms`); and, in a key named after the post's type, its
# size (`_property_area` = `180`), a word too loose elsewhere (`sidebar_size`).
COUNT_WORDS = frozenset({"bedrooms", "bathrooms", "beds", "baths", "rooms", "garage", "garages", "parking", "floors",
                         "storeys", "guests", "sqft"})
OWN_COUNT_WORDS = frozenset({"area", "size", "land"})
COUNT = re.compile(r"\d+(?:\.\d+)?")
STORED_DAY = re.compile(r"(\d{4})(\d{2})(\d{2})")  # ACF's date picker's value, Ymd
STORED_TIME = re.compile(r"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}):00")  # its date and time picker's, Y-m-d H:i:s
WRITTEN_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")
DAY_WORDS = frozenset({"date", "start", "end", "until", "day", "deadline"})
# Words of a key naming a picture, also in the languages themes' own types were seen named in (a Spanish
# church's `imagen_url`): Spanish, Portuguese, Italian, German.
IMAGE_WORDS = frozenset({"image", "images", "photo", "photos", "picture", "pictures", "logo", "avatar", "portrait",
                         "thumbnail", "icon", "gallery", "imagen", "imagenes", "imagem", "imagens", "immagine",
                         "immagini", "foto", "fotos", "bild", "bilder"})
PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)$", re.IGNORECASE)
ID_LIST = re.compile(r"\d+(?:\s*,\s*\d+)+")  # `32,33`: a gallery's attachments, as WooCommerce and themes keep them
BOOLEANISH = frozenset({"on", "off", "yes", "no", "true", "false", "enabled", "disabled", "null", "none"})
NUMBER = re.compile(r"[-+]?[\d.,]+")  # an id, a count, a list of ids (`12,13`), a version (`7.1.0`)
# A lowercase word or slug with no space: a choice from a theme's list (`default`, `no-sidebar`, `style-1`,
# `template-full.php`, a link's target `_blank`), never a sentence a reader reads.
KEYWORD = re.compile(r"_?[a-z0-9][a-z0-9_.\-]*")
SENTENCE = 4  # words from which a value reads as a sentence
TOKEN = re.compile(r"\S{20,}")  # no space in twenty characters: a hash, a cache's key, base64
# Each number's digits are taken whole (possessive), or a run of them would be split every way before a letter.
CSS_VALUE = re.compile(r"#[0-9a-f]{3,8}|(?:rgba?|hsla?|var|calc)\(.*\)|-?[\d.]++(?:px|em|rem|%|vh|vw|pt|s)?"
                       r"(?:\s+-?[\d.]++(?:px|em|rem|%|vh|vw|pt|s)?)*\s*", re.IGNORECASE)
SERIALIZED = re.compile(r"(?:[aO]:\d+:|s:\d+:\"|[ibd]:[-\d.]+;|b:[01];|N;$)")
# Two words in a row: text a reader may have read. Matched from a word's start only, or a long run of letters
# would be tried from each of its letters.
WORDS = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}\s+[^\W\d_]{2,}")
BLOCK_HTML = re.compile(r"<(?:p|div|ul|ol|h[1-6]|table|blockquote|figure|pre)[\s>]", re.IGNORECASE)
URL = re.compile(r"https?://\S+")
ADDRESS = re.compile(r"https?://\S+|/[^/\s]\S*")  # ACF's own URLs may be relative, as a crawl's replace left them
LETTER_OR_DIGIT = re.compile(r"[^\W_]")
INLINE, BLOCK, IMAGE = "inline", "block", "image"
NOTHING = ("", INLINE)
# Markup saved entity-escaped (`&lt;iframe src="…"&gt;`), as a plugin's text field keeps a map's embed code: the
# theme decoded it into the page, where it showed as a map, never as its code.
ESCAPED_MARKUP = re.compile(r"&lt;(?:iframe|img|video|audio|embed|object|a|p|div|ul|ol|table|figure|blockquote)"
                            r"(?:\s|&gt;)", re.IGNORECASE)
TAG = re.compile(r"<[^<>]*>")  # a tag, never across another `<`: linear on a run of them
IMAGE_SRC = re.compile(r'src="[^"]*"')  # of a picture field's `<p><img src="…" alt="…"></p>`
MEDIA_TAG = re.compile(r"<(?:img|video|audio|iframe|embed|object)\b", re.IGNORECASE)  # what shows without words
# A field builder's key: `ct_`, the name typed, the kind of input and a hash (`ct_Latin_text_9c2a`).
GENERATED_KEY = re.compile(r"ct_(?P<name>.+?)_(?:text|textarea|radio|select|checkbox|url|email|number|date|image"
                           r"|file|wysiwyg)_[0-9a-f]{4}")
# Words a theme's settings are made of, a value of which says where or how something is laid out (`left top`,
# `no-repeat`), never what a reader reads.
LAYOUT_WORDS = frozenset(("left", "right", "top", "bottom", "center", "centre", "middle", "cover", "contain", "repeat",
                          "no-repeat", "repeat-x", "repeat-y", "fixed", "scroll", "auto", "none", "inherit", "initial",
                          "normal", "bold", "italic", "inline", "block", "flex", "hidden", "visible", "solid", "dashed",
                          "dotted", "full", "boxed", "wide", "narrow", "default"))
# Words of a key that names how the page is laid out (`portfolio_post_style`, `page_background_image_position`).
LAYOUT_KEY_WORDS = frozenset(("style", "layout", "template", "sidebar", "background", "bg", "color", "colour", "width",
                              "height", "padding", "margin", "align", "alignment", "opacity", "overlay", "animation",
                              "font", "border", "css", "class", "parallax"))


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    html: str  # the value as HTML
    kind: str  # INLINE after its label, BLOCK under its label, IMAGE alone


def _has_words(html: str) -> bool:
    """Whether the HTML holds more than white space outside its tags: what `TAG.sub("", html).strip()` tells, read
    up to the first word only (every post with a body; the whole body taken apart cost 30 µs a post)."""
    done = 0
    for tag in TAG.finditer(html):
        if html[done:tag.start()].strip():
            return True
        done = tag.end()
    return bool(html[done:].strip())


def with_fields(content: str, data: Mapping[str, Any], ctx: Context) -> str:
    """The post's rendered content with its reader-facing custom fields after it (or as it, when empty)."""
    post_type = data.get("type") if isinstance(data.get("type"), str) else "post"
    empty = not _has_words(content) and not MEDIA_TAG.search(content)
    groups = frozenset(data["acf"]) if isinstance(data.get("acf"), dict) else frozenset()
    # A post or page with a body shows its fields only where they are ACF's Flexible Content, the sections its
    # theme printed under the body (a news post's dateline as its body, its text in the sections); one whose
    # sections are its body shows no other field either (a news card's button words, "Texte du lien: Découvrir").
    sections = [key for key in groups if _layouts(data["acf"][key])]
    # An export's or a dump's fields hold Flexible Content as rows (folded by acf_rows). A post of them and no
    # body shows its other fields too, in their order: a magazine's lede and opening paragraph were fields beside
    # its sections, its article's own words.
    values = list(_sources(data)) if not sections and _may_hold_layouts(data.get("meta")) else None
    saved = [key for key, value in values or () if key not in groups and _layouts(value)]
    if post_type in BUILT_IN_TYPES and not empty and not sections and not saved:
        return content
    featured = data.get("featured_media")
    values = list(_sources(data)) if values is None else values
    if post_type in BUILT_IN_TYPES and (sections or not empty):
        values = [(key, value) for key, value in values if key in sections or key in saved]
    fields = list(shown_fields(post_type, iter(values), ctx, featured if isinstance(featured, int) else 0,
                               groups | frozenset(saved)))
    if not fields:
        return content
    repeaters = {key for key, value in values if isinstance(value, acf_rows.Rows)}  # rows of texts, no page's body
    # A post built of ACF's Flexible Content (a news site's posts: their text and pictures, their editor empty) has
    # it as its body, above the other fields, as its page showed it.
    layouts = [f for f in fields if f.key in sections or f.key in saved]
    body = next((f for f in layouts if f.key in sections), None) or next(
        (f for f in fields if f.key in BUILDER_TEXT_KEYS), None) or next(
        (f for f in fields if _last_word(f.key) in BODY_WORDS and CONTROL_WORDS.isdisjoint(_key_words(f.key))
         and f.key not in repeaters), None) if empty else None
    parts = [content]  # also when it holds no words: a player or a frame alone is the post's content
    if body and body.key in BUILDER_TEXT_KEYS and body.kind == INLINE:
        parts.extend(f"<p>{line}</p>" for line in body.html.split(LINE_BREAK))
    elif body:
        parts.append(f"<p>{body.html}</p>" if body.kind == INLINE else body.html)
    shown: set[str] = set()
    for found in fields:
        # A theme keeps one picture under several keys (`photo`, `photo_hover`): shown once, and not again
        # when the body shows it.
        if found is body or found.kind == IMAGE and (found.html in shown or IMAGE_SRC.search(found.html)[0] in content):
            continue
        shown.add(found.html)
        parts.append(found.html if found in layouts else _shown(found))  # sections of the page, under no name
    return "\n".join(parts)


def _shown(found: Field) -> str:
    """A field as HTML: a picture alone, else its label before its value, or above it when the value is blocks."""
    if found.kind == IMAGE:
        return found.html
    named = f"<strong>{escape(found.label)}:</strong>"
    return f"<p>{named}</p>\n{found.html}" if found.kind == BLOCK else f"<p>{named} {found.html}</p>"


def shown_fields(post_type: str, values: Iterator[tuple[str, Any]], ctx: Context, featured: int = 0,
                 groups: frozenset[str] = frozenset()) -> Iterator[Field]:
    """The fields a reader saw, in the order given; structured ones holding words are counted. `groups`: the keys
    whose objects are ACF's groups, shown as their fields (REST's `acf`); another plugin's object (WP Travel
    Engine's `currency`, `{"code": "EUR", "symbol": "&#8364;"}`) is structured data its template read."""
    for key, value in values:
        if not is_reader_key(key, post_type):
            continue
        own = key.lstrip("_").startswith(own_prefixes(post_type))
        html, kind = _value_html(key, value, ctx, featured, own, 0 if key in groups else GROUP_DEPTH)
        if html:
            yield Field(key, label(key, post_type), html, kind)
        elif _structured_words(value):
            ctx.losses.note(STRUCTURED_FIELD, key)


# The prefix a theme gives the fields of every type it adds, not the type's name: BeTheme's `mfn-post-link` of a
# `client` ("Mfn post link:" over a client's address), `mfn-post-target`.
THEME_KEY_PREFIXES = ("mfn-post-", "mfn-")


def label(key: str, post_type: str) -> str:
    """`g5_job_salary` of a `g5_job` -> "Salary", `event_date` of a `tp_event` -> "Event date": the key without
    the type's prefix (or, for a theme's private key, the prefix that made it the type's own: `_project_client`
    of a `portfolio_project`), its words spaced, its first letter capital."""
    generated = GENERATED_KEY.fullmatch(key)
    name = generated["name"] if generated else key.lstrip("_")
    prefixes = own_prefixes(post_type) if key.startswith("_") else own_prefixes(post_type)[:1]
    for prefix in (*prefixes, *THEME_KEY_PREFIXES):
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix):]
            break
    words = re.sub(r"[_\-\s]+", " ", name).strip().split(" ")
    # An ACF group's field is stored under the group's name and its own, which often repeats it (the group
    # `tilbud_1`'s `tilbud_1_link` is `tilbud_1_tilbud_1_link`): the name is said once ("Tilbud 1 link").
    repeated = next((n for n in range(len(words) // 2, 0, -1) if words[:n] == words[n:2 * n]), 0)
    shown = " ".join(words[repeated:])
    return shown[:1].upper() + shown[1:]


def _sources(data: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """ACF's fields, then the post's `meta` (REST's registered fields, or an export's), then the fields its type's
    plugin added to the response, each key once."""
    seen: set[str] = set()
    meta = acf_rows.folded(data["meta"]) if isinstance(data.get("meta"), dict) else None  # repeaters as their rows
    for fields in (data.get("acf"), meta, added_fields(data)):
        for key, value in fields.items() if isinstance(fields, dict) else ():
            if isinstance(key, str) and key not in seen:
                seen.add(key)
                yield key, value


def _value_html(key: str, value: Any, ctx: Context, featured: int, own: bool, depth: int = 0) -> tuple[str, str]:
    """The value as HTML and its kind; NOTHING for a setting or no words. `own`: the key is named after the
    post's type (`g5_job_scope`), so its theme printed it, even a few words under a layout's key; not a
    lowercase word alone (`g5_job_group` = `europe`), which in real exports is a choice's slug that the theme
    printed by a name of its own, often another field's (`g5_job_location` = `Europe`)."""
    acf = depth < GROUP_DEPTH  # an ACF field's value (see shown_fields), whose objects may be groups and posts
    if isinstance(value, acf_rows.Rows):
        return _rows_html(value, ctx, featured, own)
    if isinstance(value, dict):
        if (post := _post_link(value) if acf else "") or "url" in value:
            return (post, INLINE) if post else _object_html(value, ctx.base_url)
        if not acf or ERROR_KEYS <= value.keys():  # a REST error saved in a field's place says nothing of the post
            return NOTHING
        if USER_KEYS & value.keys() or TERM_KEYS <= value.keys():  # ACF's user and taxonomy fields: a name alone
            name = value.get("display_name") if USER_KEYS & value.keys() else value.get("name")
            return (escape(name.strip(), quote=False), INLINE) if isinstance(name, str) and name.strip() else NOTHING
        return _group_html(value, ctx, featured, own, depth)
    if isinstance(value, list):  # REST's value of a repeated field, ACF's checkboxes and galleries
        if acf and _layouts(value):
            return _layouts_html(value, ctx, featured, own, depth)
        if rows := titled_rows(value):
            return rows, BLOCK
        if acf and value and all(_post_link(item) for item in value):  # a relationship field's posts
            return "<ul>" + "".join(f"<li>{_post_link(item)}</li>" for item in value) + "</ul>", BLOCK
        if len(value) == 1:
            return _value_html(key, value[0], ctx, featured, own, depth)
        if gallery := _gallery_html(key, value, ctx, featured):
            return gallery, IMAGE
        texts = [_text_html(key, v, own) for v in value if isinstance(v, str)]
        shown = [t for t, kind in texts if t and kind == INLINE]
        return (", ".join(shown), INLINE) if shown and len(shown) == len(value) else NOTHING
    if isinstance(value, int) and not isinstance(value, bool) and value > 0 and _has_word(key, IMAGE_WORDS):
        return _image_html(value, ctx, featured), IMAGE
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # ACF's number field, in REST
        value = str(value)
    if not isinstance(value, str):  # booleans are settings
        return NOTHING
    if value.startswith("a:") and (array := php_values.flat_array(value)) is not None and "url" in array:
        return _object_html(array, ctx.base_url)  # ACF's link (or image) as an export and a dump hold it
    ident = attachment_id(value)
    if ident is not None and _has_word(key, IMAGE_WORDS):
        return _image_html(ident, ctx, featured), IMAGE
    if ID_LIST.fullmatch(value.strip()) and _has_word(key, IMAGE_WORDS):
        return _gallery_html(key, value.split(","), ctx, featured), IMAGE
    if _picture_address(key, value.strip()):
        return f'<p><img src="{escape(value.strip())}" alt=""></p>', IMAGE
    return _text_html(key, value, own)


def _rows_html(found: acf_rows.Rows, ctx: Context, featured: int, own: bool) -> tuple[str, str]:
    """An ACF repeater's rows: a list, a row an item, where every field shown is words; else each row's fields one
    after the other as fields are shown (a picture alone, a text under its label), with a rule between two rows:
    without it a row's last field ran into the next row's first (a teacher's text, then the next one's name, as if
    both were one card)."""
    rows = [[(name, html, kind) for name, (html, kind) in
             ((name, _value_html(name, value, ctx, featured, own, GROUP_DEPTH)) for name, value in fields) if html]
            for fields in found.rows]
    rows = [row for row in rows if row]
    if not rows:
        return NOTHING
    if all(kind == INLINE for row in rows for _, _, kind in row):
        return acf_rows.list_html([[(label(name, ""), html) for name, html, _ in row] for row in rows]), BLOCK
    shown = ("\n".join(_shown(Field(name, label(name, ""), html, kind)) for name, html, kind in row) for row in rows)
    return "\n<hr>\n".join(shown), BLOCK


def _may_hold_layouts(meta: Any) -> bool:
    """Whether an export's or a dump's fields may hold Flexible Content: a list in PHP's serialization under a key
    whose first row is saved (`single_blocks`, `single_blocks_0_…`). Most posts' fields hold none, and are not
    folded for nothing."""
    if not isinstance(meta, dict):
        return False
    lists = [key for key, value in meta.items() if isinstance(value, str) and value.startswith("a:")]
    return bool(lists) and any(key.startswith(tuple(f"{name}_0_" for name in lists)) for key in meta)


def _layouts(value: Any) -> bool:
    """Whether a field is ACF's Flexible Content: rows that each name their layout."""
    return (isinstance(value, list) and bool(value)
            and all(isinstance(row, dict) and isinstance(row.get(LAYOUT_KEY), str) for row in value))


def _layouts_html(rows: list[dict[str, Any]], ctx: Context, featured: int, own: bool,
                  depth: int) -> tuple[str, str]:
    """ACF's Flexible Content: the sections of the page, each a layout's fields (a text, a picture, a gallery,
    `{"acf_fc_layout": "textimage_4", "text": "<p>…</p>", "image": {…}}`), which the theme printed one after the
    other without their names or the layout's: shown so, in their order."""
    parts = []
    for row in rows:
        for key, value in row.items():
            if key == LAYOUT_KEY:
                continue
            html, kind = _value_html(key, _paragraphs(value), ctx, featured, own, depth + 1)
            if html:
                parts.append(f"<p>{html}</p>" if kind == INLINE else html)
    return ("\n".join(parts), BLOCK) if parts else NOTHING


def _paragraphs(value: Any) -> Any:
    """A text of paragraphs parted by blank lines, as ACF's editor field saves them, as the paragraphs ACF shows
    (REST gives them so): an export's or a dump's value ran them into one."""
    if isinstance(value, str) and BLANK_LINE.search(value) and not PARAGRAPH_TAG.search(value):
        return autop(value)
    return value


def _group_html(group: Mapping[str, Any], ctx: Context, featured: int, own: bool, depth: int) -> tuple[str, str]:
    """An ACF group's fields (REST's `"hero": {"title": "<p>…</p>", "text": "…", "label": "Learn More", "link":
    "https://…"}`), each shown as a field is: its title and text as they are, without a label, a button's words and
    address as their link, others under their labels; NOTHING past GROUP_DEPTH groups in groups, or where none of
    its fields shows."""
    if depth >= GROUP_DEPTH:
        return NOTHING
    address, words = group.get("link"), group.get("label")
    button = (isinstance(address, str) and URL.fullmatch(address.strip()) is not None and isinstance(words, str)
              and bool(words.strip()))
    parts = []
    for key, value in group.items():
        if not isinstance(key, str) or button and key in ("link", "label"):
            if key == "link" and button:
                parts.append(f'<p><a href="{escape(str(address).strip())}">{escape(str(words).strip())}</a></p>')
            continue
        html, kind = _value_html(key, value, ctx, featured, own, depth + 1)
        if not html:
            continue
        if _last_word(key) in BODY_WORDS | GROUP_TITLE_WORDS:
            parts.append(f"<p>{html}</p>" if kind == INLINE else html)
        else:
            parts.append(_shown(Field(key, label(key, ""), html, kind)))
    return ("\n".join(parts), BLOCK) if parts else NOTHING


def _post_link(value: Any) -> str:
    """A post as a relationship or post object field gives it (REST's post, `title.rendered` and `link`, or
    WordPress's WP_Post, `post_title` and `guid`): a link to it, named by its title, which the build makes a link
    to the mirrored post; "" for anything else."""
    if not isinstance(value, dict):
        return ""
    title = value.get("title")
    title = title.get("rendered") if isinstance(title, dict) else value.get("post_title")
    url = value.get("link") if isinstance(value.get("title"), dict) else value.get("guid")
    if not isinstance(title, str) or not title.strip() or not isinstance(url, str) or not URL.fullmatch(url.strip()):
        return ""
    return f'<a href="{escape(url.strip())}">{title.strip()}</a>'


def _picture_address(key: str, text: str) -> bool:
    """Whether a field holds a picture by its address (`event_image` = `…/a.jpg`, `imagen_url` =
    `https://images.unsplash.com/photo-1?w=600`): a picture's file, or any address under a key that ends by
    naming it (`image_url`, `photo_src`), but not a link a picture leads to (`image_link`)."""
    if not URL.fullmatch(text) or not _has_word(key, IMAGE_WORDS):
        return False
    words = [word for word in re.split(r"[_\-\s]+", key.lower()) if word]
    return (bool(PICTURE_FILE.search(urlsplit(text).path)) or words[-1] in IMAGE_WORDS
            or len(words) > 1 and words[-1] in ("url", "src") and words[-2] in IMAGE_WORDS)


def text_html(key: str, value: str) -> tuple[str, str]:
    """A field's text as HTML and its kind (INLINE or BLOCK), NOTHING for a setting: as a plugin's or theme's field
    of no type of its own is shown (ACF Pro's blocks' fields: convert/acf_blocks.py)."""
    return _text_html(key, value, own=False)


def _text_html(key: str, value: str, own: bool) -> tuple[str, str]:
    text = value.strip()
    if ESCAPED_MARKUP.match(text):
        text = unescape(text)
    if not LETTER_OR_DIGIT.search(text) or _is_setting(key, text, own):  # `#`, a link's placeholder, says nothing
        return NOTHING
    if "<" in text and BLOCK_HTML.search(text):
        return text, BLOCK
    if URL.fullmatch(text):
        return f'<a href="{escape(text)}">{escape(text)}</a>', INLINE
    if day := _stored_day(key, text):
        return day, INLINE
    shown = text if "<" in text else escape(text, quote=False)
    return re.sub(r"\s*\n\s*", LINE_BREAK, shown), INLINE  # a line of its own, as the theme's nl2br shows it


def _is_setting(key: str, text: str, own: bool) -> bool:
    if _stored_day(key, text) or _written_day(text):  # `2026-04-05` reads as a slug, and is an event's day
        return False
    if text.lower() in BOOLEANISH or CSS_VALUE.fullmatch(text) and not _read_number(key, text, own):
        return True
    if NUMBER.fullmatch(text):
        return not _read_number(key, text, own)
    if SERIALIZED.match(text) or _json(text) is not None or KEYWORD.fullmatch(text):
        return True
    if own:
        return False
    # Other keys are plugins' and themes' as often: layout words, a few words under a key naming the layout
    # (`portfolio_post_style` = `Featured Image`), or a long token that is no address (a cache's key, Link
    # Whisper's base64) are not read; a sentence is, whatever its key (`color_requirements`).
    words = text.lower().split()
    return bool(LAYOUT_WORDS.issuperset(words) or _has_word(key, LAYOUT_KEY_WORDS) and len(words) < SENTENCE
                or TOKEN.fullmatch(text) and not URL.fullmatch(text))


def _read_number(key: str, text: str, own: bool = False) -> bool:
    """`20240501`, `1714521600` or `2020` in a field named a date or year, a phone's or a price's digits, a
    listing's count of rooms or its size (see COUNT_WORDS): shown as stored."""
    if not NUMBER.fullmatch(text):
        return False
    if _has_word(key, NUMBER_WORDS):
        return True
    return bool(COUNT.fullmatch(text)) and (_has_word(key, COUNT_WORDS) or own and _has_word(key, OWN_COUNT_WORDS))


def _stored_day(key: str, text: str) -> str:
    """ACF's date picker stores its day as `20251008`, which the theme printed in the site's format: shown as
    the day it is, `2025-10-08`, in a field named a date (`tournament_start_date`, `event_date`); "" otherwise.
    Its date and time picker stores `2025-10-08 19:30:00`: shown without the seconds, and at midnight as the day."""
    if not _has_word(key, DAY_WORDS):
        return ""
    if timed := STORED_TIME.fullmatch(text):
        day, time = timed.groups()
        return day if time == "00:00" else f"{day} {time}"
    found = STORED_DAY.fullmatch(text)
    if not found:
        return ""
    try:
        day = date(*(int(part) for part in found.groups()))
    except ValueError:  # `20241340`: digits, not a day
        return ""
    return day.isoformat() if 1000 <= day.year <= 2200 else ""


def _written_day(text: str) -> bool:
    """Whether a value is a day as ISO 8601 writes it (`2026-04-05`, with its time or not), which ACF's pickers
    return and themes store: a reader reads it in any field, whatever language the field is named in."""
    found = WRITTEN_DAY.fullmatch(text)
    try:
        return found is not None and 1000 <= date(*(int(part) for part in found.groups())).year <= 2200
    except ValueError:
        return False


def _object_html(value: Mapping[str, Any], base: str) -> tuple[str, str]:
    """ACF's formatted image (`{"url": …, "alt": …, "type": "image"}`) and link (`{"url": …, "title": …}`); one
    relative to a post with no web address of its own (a crawl whose links were made relative) cannot be
    found, and is not shown."""
    url = value.get("url")
    if not isinstance(url, str) or not ADDRESS.fullmatch(url.strip()):
        return NOTHING
    url = absolute(url.strip(), base)
    if not URL.match(url):
        return NOTHING
    if value.get("type") == "image" or str(value.get("mime_type", "")).startswith("image/"):
        alt = value.get("alt") if isinstance(value.get("alt"), str) else ""
        return f'<p><img src="{escape(url.strip())}" alt="{escape(alt)}"></p>', IMAGE
    title = value.get("title") if isinstance(value.get("title"), str) and value["title"].strip() else url
    return f'<a href="{escape(url.strip())}">{escape(title.strip())}</a>', INLINE


def _gallery_html(key: str, items: list[Any], ctx: Context, featured: int) -> str:
    """The pictures of a gallery field, in its order: ACF's gallery (its images, or their attachment ids), a
    product's or a listing's photos kept as ids (WooCommerce's `_product_image_gallery` = `32,33`, a theme's
    `_property_gallery`), which its page showed beside or under the text; "" when the field is no gallery."""
    if all(isinstance(item, dict) for item in items):
        shown = [_object_html(item, ctx.base_url) for item in items]
        return _as_gallery([html for html, _ in shown]) if all(kind == IMAGE for _, kind in shown) else ""
    idents = [item if isinstance(item, int) and not isinstance(item, bool) else
              attachment_id(item) if isinstance(item, str) else None for item in items]
    if not _has_word(key, IMAGE_WORDS) or any(ident is None for ident in idents):
        return ""
    return _as_gallery([_image_html(ident, ctx, featured) for ident in dict.fromkeys(idents) if ident])


def _as_gallery(pictures: list[str]) -> str:
    """Pictures (each `<p><img …></p>`) as a gallery block, which the conversion lays out as the body's are."""
    pictures = [picture for picture in pictures if picture]
    if len(pictures) < 2:
        return "".join(pictures)
    items = "".join(f'<figure class="wp-block-image">{picture.removeprefix("<p>").removesuffix("</p>")}</figure>'
                    for picture in pictures)
    return f'<figure class="wp-block-gallery">{items}</figure>'


def _image_html(ident: int, ctx: Context, featured: int) -> str:
    """An image field's attachment, unless it is the featured image already shown above the post."""
    return "" if ident == featured else attachment_image(ident, ctx)


def _structured_words(value: Any) -> bool:
    """Whether a value left out holds words a reader may have read: serialized PHP or JSON, an object."""
    if isinstance(value, str):
        text = value.strip()
        structured = SERIALIZED.match(text) or _json(text) is not None
        return bool(structured and WORDS.search(TAG.sub(" ", text)))
    if isinstance(value, (dict, list)):
        return bool(WORDS.search(TAG.sub(" ", json.dumps(value, ensure_ascii=False))))
    return False


def _json(text: str) -> Any:
    if not text.startswith(("{", "[")):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _has_word(key: str, words: frozenset[str]) -> bool:
    return not words.isdisjoint(re.split(r"[_\-\s]+", key.lower()))


def _key_words(key: str) -> list[str]:
    return re.split(r"[_\-\s]+", key.lower().strip("_"))


def _last_word(key: str) -> str:
    return re.split(r"[_\-\s]+", key.lower().strip("_"))[-1]
