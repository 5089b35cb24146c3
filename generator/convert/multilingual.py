"""Posts that hold every language at once, as qTranslate (and qTranslate-X, -XT, mqTranslate) store them:
`[:en]Rare earths[:de]Seltene Erden[:]`, `{:en}…{:}` where brackets would clash, or `<!--:en-->…<!--:-->`.
The plugin showed a reader one language; read as it is, a post showed all of them run together. A mirror shows
one: the site's language where the post has it, else the first the post holds (the plugin's default comes first).
Text outside every block belongs to all languages, as the plugin has it.
"""

from __future__ import annotations

import re
from typing import Any

# A language tag of the plugin's (`en`, `pt-br`, `zh_CN`) opening a block, or an empty one closing it.
MARK = re.compile(r"\[:([a-z]{2,3}(?:[_-][a-z0-9]{2,8})?)?\]|\{:([a-z]{2,3}(?:[_-][a-z0-9]{2,8})?)?\}"
                  r"|<!--:([a-z]{2,3}(?:[_-][a-z0-9]{2,8})?)?-->", re.IGNORECASE)


def languages(text: str) -> list[str]:
    """The languages `text` has blocks for, in order of first appearance; [] for text of one language. One
    block in brackets counts only when closed (`[:en]…[:]`): code such as `line[:end]` is not a language."""
    if ":" not in text:
        return []
    marks = list(MARK.finditer(text))
    found = list(dict.fromkeys(code.lower() for m in marks for code in m.groups() if code))
    closed = any(not any(m.groups()) for m in marks) or "<!--:" in text
    return found if len(found) > 1 or (found and closed) else []


# The fields of a post that the plugins store every language in, rendered (REST) or raw (an export).
FIELDS = ("title", "content", "excerpt")


def post_in_language(data: dict[str, Any], wanted: str) -> tuple[dict[str, Any], list[str]]:
    """The post with its title, content and excerpt in one language (see in_language), and the languages left
    out; a post of one language comes back as it is."""
    held = list(dict.fromkeys(code for name in FIELDS for text in _texts(data.get(name)) for code in languages(text)))
    if not held:
        return data, []
    chosen = _chosen(held, wanted)
    shown = {name: _in(data[name], chosen) for name in FIELDS if name in data}
    return {**data, **shown}, [code for code in held if code != chosen]


def _texts(value: object) -> list[str]:
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def _in(value: object, chosen: str) -> object:
    if isinstance(value, dict):
        return {key: _keep(v, chosen) if isinstance(v, str) and languages(v) else v for key, v in value.items()}
    return _keep(value, chosen) if isinstance(value, str) and languages(value) else value


def _chosen(held: list[str], wanted: str) -> str:
    """`wanted` (a BCP 47 or WordPress tag, of which the language counts) if held, else the first held."""
    primary = wanted.replace("_", "-").split("-")[0].lower()
    return next((code for code in held if code.replace("_", "-").split("-")[0] == primary), held[0])


def in_language(text: str, wanted: str) -> str:
    """`text` as a reader of one language saw it: `wanted` (a BCP 47 or WordPress tag, of which the language
    counts), else the first language the text has; text of one language is returned as it is."""
    held = languages(text)
    return _keep(text, _chosen(held, wanted)) if held else text


def _keep(text: str, chosen: str) -> str:
    pieces, current, done = [], None, 0
    for mark in MARK.finditer(text):
        if current is None or current == chosen:
            pieces.append(text[done:mark.start()])
        code = next((g for g in mark.groups() if g), None)
        current = code.lower() if code else None
        done = mark.end()
    if current is None or current == chosen:
        pieces.append(text[done:])
    return "".join(pieces)
