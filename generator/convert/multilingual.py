"""Posts that hold every language at once, as qTranslate (and qTranslate-X, -XT, mqTranslate) store them:
`[:en]Rare earths[:de]Seltene Erden[:]`, `{:en}…{:}` where brackets would clash, or `<!--:en-->…<!--:-->`;
or as Polyglot does, `[lang_en]…[/lang_en]`.
The plugin showed a reader one language; read as it is, a post showed all of them run together. A mirror shows
one: the site's language where the post has it, else the first the post holds (the plugin's default comes first).
Text outside every block belongs to all languages, as the plugin has it. A field that lacks the chosen language, or
holds it only as an empty block (`<!--:fr--><p></p><!--:-->`, left by the editor), shows its own first language
instead, as the plugin fell back to its default: real exports hold titles in one language over bodies in two.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

# A language tag of the plugin's (`en`, `pt-br`, `zh_CN`) opening a block, or an empty one closing it.
# Polyglot (and Language Switcher) close each block by its own name: `[lang_en]…[/lang_en][lang_fr]…[/lang_fr]`.
MARK = re.compile(r"\[:([a-z]{2,3}(?:[_-][a-z0-9]{2,8})?)?\]|\{:([a-z]{2,3}(?:[_-][a-z0-9]{2,8})?)?\}"
                  r"|<!--:([a-z]{2,3}(?:[_-][a-z0-9]{2,8})?)?-->"
                  r"|\[lang_([a-z]{2,3}(?:[_-][a-z0-9]{2,8})?)\]|\[/lang_[a-z]{2,3}(?:[_-][a-z0-9]{2,8})?\]", re.IGNORECASE)


def languages(text: str) -> list[str]:
    """The languages `text` has blocks for, in order of first appearance; [] for text of one language. One
    block in brackets counts only when closed (`[:en]…[:]`): code such as `line[:end]` is not a language."""
    if ":" not in text and "[lang_" not in text:
        return []
    marks = list(MARK.finditer(text))
    found = list(dict.fromkeys(code.lower() for m in marks for code in m.groups() if code))
    closed = any(not any(m.groups()) for m in marks) or "<!--:" in text
    return found if len(found) > 1 or (found and closed) else []


# The fields of a post that the plugins store every language in, rendered (REST) or raw (an export).
FIELDS = ("title", "content", "excerpt")


@dataclass(frozen=True)
class Languages:
    """Of a post that holds several languages: the one shown and those left out, and of these the ones whose
    body holds far more text (an English stub, "read the French version", over the article itself)."""

    kept: str = ""
    left_out: tuple[str, ...] = ()
    longer: tuple[str, ...] = ()


# A body left out with this many times the kept one's text is worth the user's choosing another language.
LONGER = 3


def post_in_language(data: dict[str, Any], wanted: str) -> tuple[dict[str, Any], Languages]:
    """The post with its title, content and excerpt in one language (see in_language), and which were kept and
    left out; a post of one language comes back as it is."""
    texts = [text for name in FIELDS for text in _texts(data.get(name)) if languages(text)]
    if not texts:
        return data, Languages()
    held = list(dict.fromkeys(code for text in texts for code in _filled(text)))
    chosen = _chosen(held, wanted) if held else languages(texts[0])[0]
    shown = {name: _in(data[name], chosen) for name in FIELDS if name in data}
    left_out = tuple(code for code in held if code != chosen)
    return {**data, **shown}, Languages(chosen, left_out, _longer(_texts(data.get("content")), chosen, left_out))


def _longer(bodies: list[str], chosen: str, left_out: tuple[str, ...]) -> tuple[str, ...]:
    sizes = {code: sum(len(_words(_keep(body, code))) for body in bodies) for code in (chosen, *left_out)}
    return tuple(code for code in left_out if sizes[code] > LONGER * max(sizes[chosen], 1))


def _words(text: str) -> str:
    return html.unescape(_TAG.sub(" ", text)).strip()


def _texts(value: object) -> list[str]:
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def _in(value: object, chosen: str) -> object:
    if isinstance(value, dict):
        return {key: _in(v, chosen) for key, v in value.items()}
    if not isinstance(value, str) or not languages(value):
        return value
    filled = _filled(value)
    return _keep(value, chosen if chosen in filled or not filled else filled[0])


# What a reader sees of a block: its text, or an image or player that stands without any.
_MEDIA = re.compile(r"<(?:img|iframe|video|audio|embed|object|svg)\b", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def _filled(text: str) -> list[str]:
    """The languages `text` has a block with something to show in, in order of first appearance."""
    own: dict[str, str] = {}
    for code, piece in _pieces(text):
        if code is not None:
            own[code] = own.get(code, "") + piece
    return [code for code, piece in own.items() if _MEDIA.search(piece) or _words(piece)]


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
    return "".join(piece for code, piece in _pieces(text) if code is None or code == chosen)


def _pieces(text: str) -> list[tuple[str | None, str]]:
    """`text` cut at its marks: each piece with the language of its block, None outside every block."""
    pieces, current, done = [], None, 0
    for mark in MARK.finditer(text):
        pieces.append((current, text[done:mark.start()]))
        code = next((g for g in mark.groups() if g), None)
        current = code.lower() if code else None
        done = mark.end()
    pieces.append((current, text[done:]))
    return pieces
