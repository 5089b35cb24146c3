"""Control characters in a post's text, which WordPress's own pages never show: made readable at import.

Text pasted from a word processor carries C0 controls (a vertical tab for Word's line break, `\\x01`), which
browsers do not show and XML 1.0 cannot hold even escaped: a vertical tab or form feed becomes a space, as the
export reader makes it (sources/wxr.py), and the others go; tabs and line breaks stay. C1 controls
(U+0080-U+009F) are Windows-1252 text read as Latin-1 on its way (a database of latin1 columns, an old plugin):
`\\x93` is Windows-1252's byte for `“`. Each becomes its Windows-1252 character, as HTML reads `&#147;`; the five
bytes Windows-1252 leaves undefined go. DEL and U+FFFE/U+FFFF, which are no characters of text, go too.
An item's text encoded twice is decoded first (convert/mojibake.py), as it may end in such a control.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator.convert.mojibake import repaired
from generator.convert.placeholder_escape import percents_restored

SPACED = "\x0b\x0c"
KEPT = "\t\n\r"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Text nested deeper than this in an item is no text a page shows (a plugin's settings); left as it is, so that
# JSON nested as deep as Python reads it does not exhaust the stack here.
DEEPEST = 40


def _windows_1252(code: int) -> str | None:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d
        return None


READABLE: dict[int, str | None] = {
    **{code: None for code in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF) if chr(code) not in KEPT},
    **{ord(c): " " for c in SPACED},
    **{code: _windows_1252(code) for code in range(0x80, 0xA0)},
}


# A long text (a post's body, which every build reads) is looked at as UTF-8 bytes: the bytes that begin a
# control character (C0 and DEL as themselves, C1 after \xc2, U+FFFE and U+FFFF after \xef) are kept by a byte
# table, which takes a fifth of the time of the pattern's search, and only where \xc2 or \xef are kept (a
# no-break space, fullwidth punctuation) is the next byte looked at, by a search for a literal.
LONG = 512
_OPENERS = bytes([*range(0x20), 0x7F, 0xC2, 0xEF])
_NOT_OPENERS = bytes(sorted(set(range(256)) - set(_OPENERS) | set(KEPT.encode())))
_C1 = re.compile(b"\xc2[\x80-\x9f]")


def has_controls(text: str) -> bool:
    """Whether CONTROL finds a character in `text`."""
    if len(text) < LONG:
        return CONTROL.search(text) is not None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return CONTROL.search(text) is not None
    openers = data.translate(None, _NOT_OPENERS)
    if not openers:
        return False
    if openers.translate(None, b"\xc2\xef"):  # a C0 control or DEL: no byte of any other character is one
        return True
    return ((b"\xc2" in openers and _C1.search(data) is not None)
            or (b"\xef" in openers and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)))


def readable(text: str) -> str:
    """The text without control characters (see the module's docstring)."""
    return text.translate(READABLE) if has_controls(text) else text


def readable_item(data: dict[str, Any]) -> tuple[dict[str, Any], list[str], list[str]]:
    """A JSON item with every string readable and its text encoded twice decoded (convert/mojibake.py); the
    fields (top-level keys) whose text was encoded twice, and those that held control characters."""
    result, changed = _mapped_item(data, _mended)
    if not changed:  # as nearly every item: one walk over it, and the fields told apart only where one changed
        return data, [], []
    return result, _changed_by(data, changed, repaired), _changed_by(data, changed, readable)


def _mended(text: str) -> str:
    return readable(repaired(percents_restored(text)))


def _changed_by(data: dict[str, Any], keys: list[str], mend: Callable[[str], str]) -> list[str]:
    return [key for key in keys if _mapped_item({key: data[key]}, mend)[1]]


def _mapped_item(data: dict[str, Any], mend: Callable[[str], str]) -> tuple[dict[str, Any], list[str]]:
    """A JSON item with `mend` applied to every string, and the fields (top-level keys) whose text changed."""
    changed = []
    result = {}
    for key, value in data.items():
        result[key] = _mapped_value(value, 1, mend)
        if result[key] is not value:
            changed.append(key)
    return (result, changed) if changed else (data, [])


def _mapped_value(value: Any, depth: int, mend: Callable[[str], str]) -> Any:
    """The value with `mend` applied to its strings: the same object when nothing in it changed."""
    if isinstance(value, str):
        mended = mend(value)
        return value if mended == value else mended
    if depth >= DEEPEST:
        return value
    if isinstance(value, dict):
        items = {key: _mapped_value(inner, depth + 1, mend) for key, inner in value.items()}
        return items if any(items[key] is not inner for key, inner in value.items()) else value
    if isinstance(value, list):
        found = [_mapped_value(inner, depth + 1, mend) for inner in value]
        return found if any(new is not old for new, old in zip(found, value)) else value
    return value
