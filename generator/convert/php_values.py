"""A flat array as PHP's serialize() writes it, as a custom field of an export or a dump holds ACF's link field:
`a:3:{s:5:"title";s:7:"Contact";s:3:"url";s:24:"https://example.com/contact";s:6:"target";s:0:"";}`.

A string's length is counted in bytes of UTF-8, so a value holding `";` or `ø` is read whole. Nested arrays and
objects are not read: None.
"""

from __future__ import annotations

import re

HEAD = re.compile(rb"a:(\d{1,4}):\{")
# An item's key or value: a string, a whole number, a boolean or null.
STRING = re.compile(rb's:(\d{1,9}):"')
SCALAR = re.compile(rb"(?:i:(-?\d{1,19})|b:([01])|N);")


def flat_array(text: str) -> dict[str, str] | None:
    """The serialized array's items, keys and values as text ("" for null and false); None for anything else."""
    data = text.strip().encode("utf-8")
    head = HEAD.match(data)
    if head is None:
        return None
    items, at = {}, head.end()
    for _ in range(int(head.group(1))):
        key, at = _scalar(data, at)
        value, at = _scalar(data, at) if key is not None else (None, at)
        if key is None or value is None:
            return None
        items[key] = value
    return items if data[at:] == b"}" else None


def _scalar(data: bytes, at: int) -> tuple[str | None, int]:
    """The string, number or flag at `at`, and where the next item starts."""
    if found := STRING.match(data, at):
        start = found.end()
        end = start + int(found.group(1))
        if data[end:end + 2] != b'";':
            return None, at
        try:
            return data[start:end].decode("utf-8"), end + 2
        except UnicodeDecodeError:
            return None, at
    if found := SCALAR.match(data, at):
        number, flag = found.groups()
        if number is not None:
            return number.decode("ascii"), found.end()
        return "1" if flag == b"1" else "", found.end()
    return None, at
