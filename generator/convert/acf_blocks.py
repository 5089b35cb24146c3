"""ACF Pro's blocks in an export, shown by the fields they hold.

A block made with ACF Pro (`<!-- wp:acf/donate {"name":"acf/donate","data":{"title":"Support us","_title":
"field_646b…","list_0_name":"Donatepay",…}} /-->`) keeps its fields in the block's `data`, and only its PHP
template, which is the theme's, prints them: an export holds no template, so such a block rendered to nothing (a
site built of them imported as empty bodies). Here each block shows what its fields hold as words, as custom fields
are shown (convert/custom_fields.py): `**Label:** value`, its label from the field's name; a field named as a text
(`text`, `content`, `description`…) without a label, as the block's own text; a repeater's rows (`list_0_name`,
`list_0_url`, `list` = `2`) as a list, a row an item. Settings (colours, classes, switches, slugs, numbers),
pictures by id and fields named only by their key (`field_646b621e8617c`, with no name to label them) are not shown.
What the block encloses (its inner blocks) stays, after its fields.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import escape
from typing import Any

from generator.convert.custom_fields import BODY_WORDS, BLOCK, INLINE, label, text_html
from generator.sources.post_fields import ACF_FIELD_KEY

JSON = r"\{(?:(?!<!--).)*?\}"
OPENING = re.compile(rf"<!--\s+wp:acf/[a-z0-9_-]+\s+({JSON})\s+/?-->", re.DOTALL)
ROW = re.compile(r"(?P<repeater>.+?)_(?P<index>\d+)_(?P<field>.+)")
WORDS_APART = re.compile(r"[_\-\s]+")
# Words of a field's name that make it part of the block's controls, not of what it says: a button that opened a
# pop-up form, the form's title and its messages (`button_text` = `Contact Me`, `confirmation_behaviour`). Fewer
# than custom_fields.CONTROL_WORDS, which only keep a field from being a page's body: a block's `link` is shown.
BLOCK_CONTROL_WORDS = frozenset({"button", "btn", "form", "modal", "popup", "confirmation", "behaviour", "behavior"})
# A field that holds a shortcode alone (`shortcode` = `[listings market="crmls"]`), which the template ran: it is
# given to the conversion as the body's shortcodes are, without a label.
SHORTCODE = re.compile(r"\s*(?:<[^<>]*>\s*)*\[[a-z][\w-]*(?:\s[^\]]*)?\](?:.*\[/[a-z][\w-]*\])?\s*(?:<[^<>]*>\s*)*",
                       re.DOTALL)
NUMBER = re.compile(r"[-+$€£]?\d[\d.,]*\s*[%+]?")  # a stat block's `4.8`, `26`, `75%`


def with_fields(html: str) -> str:
    """`html` with each ACF block's opening (or whole self-closing block) replaced by its fields' HTML."""
    return OPENING.sub(_fields, html) if "wp:acf/" in html else html


def _fields(opened: re.Match[str]) -> str:
    try:
        data = json.loads(opened.group(1)).get("data")
    except (ValueError, AttributeError, RecursionError):  # RecursionError: arrays nested thousands deep
        return ""
    return fields_html(data) if isinstance(data, dict) else ""


def fields_html(data: Mapping[str, Any]) -> str:
    """The block's fields as HTML, in the order its data holds them: see the module's description."""
    named = {key: value for key, value in data.items() if isinstance(key, str) and not key.startswith("_")
             and not ACF_FIELD_KEY.fullmatch(key) and BLOCK_CONTROL_WORDS.isdisjoint(_words(key))}
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    parts: list[str] = []
    for key, value in named.items():
        row = ROW.fullmatch(key)
        if row and row["repeater"] in named:
            if not rows.setdefault(row["repeater"], {}):
                parts.append(row["repeater"])  # the list stands where its first row's field does
            rows[row["repeater"]].setdefault(row["index"], {})[row["field"]] = value
        elif key not in parts:
            parts.append(key)
    shown = (_rows_html(rows[key]) if key in rows else _field_html(key, named[key]) for key in parts)
    return "".join(html for html in shown if html)


def _field_html(key: str, value: Any) -> str:
    if isinstance(value, str) and SHORTCODE.fullmatch(value):
        return f"<div>{value.strip()}</div>"
    html, kind = text_html(key, value) if isinstance(value, str) else ("", INLINE)
    if not html:
        return ""
    named = "" if _words(key)[-1] in BODY_WORDS else f"<strong>{escape(label(key, ''), quote=False)}:</strong>"
    if kind == BLOCK:
        return f"<p>{named}</p>{html}" if named else html
    return f"<p>{named} {html}</p>" if named else f"<p>{html}</p>"


def _rows_html(rows: Mapping[str, Mapping[str, Any]]) -> str:
    """A repeater's rows as a list, each the words of its fields; a number among them (a stat block's `4.8` beside
    `Avg. rating`) is shown too, where its row has words."""
    items = []
    for fields in rows.values():
        texts = {key: value for key, value in fields.items() if isinstance(value, str)}
        shown = {key: html for key, (html, kind) in ((key, text_html(key, value)) for key, value in texts.items())
                 if html and kind == INLINE}
        if not shown:
            continue
        words = [_labelled(key, shown.get(key) or escape(texts[key].strip(), quote=False)) for key in texts
                 if key in shown or NUMBER.fullmatch(texts[key].strip())]
        items.append(f"<li>{'; '.join(words)}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _labelled(key: str, html: str) -> str:
    return html if _words(key)[-1] in BODY_WORDS else f"<strong>{escape(label(key, ''), quote=False)}:</strong> {html}"


def _words(key: str) -> list[str]:
    return WORDS_APART.split(key.lower().strip("_- ")) or [""]
