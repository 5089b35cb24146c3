"""The words and pictures a theme's or plugin's own block holds in its attributes, for a block its PHP draws from
them alone and no rule of dynamic_blocks.py knows.

Such a block is saved whole in its delimiter (`<!-- wp:arkimedia/hero {"title":"Expansive","subtitle":"Diamo
spazio…","mediaUrl":"https://…/hero.jpg","title1Color":"#00c2ff"} /-->`) and WordPress renders it on the server, as
REST's `content.rendered` shows; an export or a dump holds no PHP, so it rendered to nothing (an Italian agency's
theme demo: 9 of its 13 pages imported empty, their headings, texts, cards and pictures all in such blocks). Here
an attribute whose name ends in a word naming text (`title`, `subtitle`, `text`, `description`…) shows its words,
one whose name names a picture or its media and whose value is a picture's address shows that picture (its alt from
the attribute beside it, `mediaAlt`), and a list of objects (a block's cards) shows each object so. Settings
(colours, sizes, switches, numbers, ids) and controls' words (`ctaLabel`, `buttonText`) are not shown; a form's
block, named so, shows nothing (what it asked is not in its attributes). ACF Pro's blocks keep their fields under
`data` (convert/acf_blocks.py); WordPress's own blocks are rendered elsewhere or hold their HTML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from typing import Any
from urllib.parse import urlsplit

from generator.convert.custom_fields import CONTROL_WORDS, IMAGE_WORDS, PICTURE_FILE, text_html

CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
WORDS_APART = re.compile(r"[_\-\s]+")
NAME_APART = re.compile(r"[/_-]+")  # a block's name, `contact-form-7/contact-form-selector`, in words
TRAILING_DIGITS = re.compile(r"\d+$")  # `title2`, a block's second title
# Last words of an attribute's name that name what the block says.
TEXT_WORDS = frozenset({"title", "subtitle", "heading", "headline", "subheading", "pretitle", "tagline", "text",
                        "content", "description", "desc", "caption", "quote", "excerpt", "body", "intro", "summary"})
TITLE_WORDS = frozenset({"title", "subtitle", "heading", "headline", "subheading", "pretitle", "tagline"})
# Words of an attribute's name that name a picture's address, with IMAGE_WORDS (`mediaUrl`, `bgImage`, `imageSrc`).
MEDIA_WORDS = frozenset({"media", "img", "bg", "background", "cover", "hero", "poster"})
# Words of an attribute's name that make it a control's, with CONTROL_WORDS (`readMoreText`, `emptyText`).
NOT_SAID = frozenset({"more", "read", "empty", "prefix", "suffix", "aria", "screen", "reader", "alt", "placeholder"})
# Words of a block's name that make it a form or a part of one (Jetpack's contact form is made of `jetpack/label`,
# `jetpack/input`, `jetpack/option` and `jetpack/button` blocks, whose `requiredText` and `text` are "(required)"
# and "Submit"); a button's words are a control's.
FORM_WORDS = frozenset({"form", "forms", "newsletter", "subscribe", "subscription", "subscriptions", "login", "search",
                        "field", "label", "input", "option", "options", "button", "submit"})
DEPTH = 3  # objects in lists in objects shown; deeper ones are a block's structured settings


def attributes_html(name: str, attributes: Mapping[Any, Any]) -> str:
    """What block `name`'s attributes show, as HTML: "" for a form's block or one of settings alone."""
    if not FORM_WORDS.isdisjoint(NAME_APART.split(name)):
        return ""
    shown = _object_html(attributes, 0)
    return f"<div>{shown}</div>" if shown else ""


def _object_html(attributes: Mapping[Any, Any], depth: int) -> str:
    """An object's words and pictures as HTML, in the order it holds them."""
    parts = []
    for key, value in attributes.items():
        if not isinstance(key, str):
            continue
        if isinstance(value, str):
            parts.append(_value_html(key, value, attributes))
        elif isinstance(value, list) and depth < DEPTH:
            items = (_object_html(item, depth + 1) for item in value if isinstance(item, dict))
            parts.extend(f"<div>{item}</div>" for item in items if item)
        elif isinstance(value, dict) and depth < DEPTH:
            parts.append(_object_html(value, depth + 1))
    return "".join(parts)


def _value_html(key: str, value: str, attributes: Mapping[Any, Any]) -> str:
    words = _words(key)
    if not (CONTROL_WORDS | NOT_SAID).isdisjoint(words):
        return ""
    if _is_picture(words, value):
        alt = next((v for k, v in attributes.items() if isinstance(k, str) and isinstance(v, str)
                    and _words(k)[-1:] == ["alt"] and _words(k)[:1] == words[:1]), "")
        return f'<p><img src="{escape(value.strip())}" alt="{escape(alt.strip())}"></p>'
    if words[-1] not in TEXT_WORDS:
        return ""
    html, _ = text_html(words[-1], value)
    if not html:
        return ""
    if words[-1] in TITLE_WORDS and "<" not in value:
        return f"<p><strong>{html}</strong></p>"
    return html if html.lstrip().startswith("<") and not html.lstrip().startswith(("<a ", "<br")) else f"<p>{html}</p>"


def _is_picture(words: list[str], value: str) -> bool:
    if (IMAGE_WORDS | MEDIA_WORDS).isdisjoint(words):
        return False
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and bool(PICTURE_FILE.search(parts.path))


def _words(key: str) -> list[str]:
    """`mediaUrl` -> ["media", "url"], `title2` -> ["title"], `cta_label` -> ["cta", "label"]."""
    spaced = CAMEL.sub("_", key).lower().strip("_- ")
    return [TRAILING_DIGITS.sub("", word) for word in WORDS_APART.split(spaced)] or [""]
