"""Front matter as store.front_matter.dump writes it, read without PyYAML: making PyYAML's objects took most of
a build's load stage. Anything else, or anything this reader is unsure of, is left to PyYAML, which reads
what this reads alike (tests/test_load_front_matter.py holds the two equal on arbitrary front matter).
Unknown top-level keys go to PyYAML too, so that frontmatter.Post sees the same keys either way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml
from yaml.resolver import Resolver

from generator.store import front_matter

INT_TAG = "tag:yaml.org,2002:int"
_RESOLVER = Resolver()  # the implicit types a plain scalar may have (null, bool, int, float, date...)
TOP_KEYS = frozenset({"title", "slug", "type", "language", "translations", "date", "updated", "author", "summary", "image", "taxonomies",
                      "source", "mirror"})
_LINE = re.compile(r"( *)(- )?(?:([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?|(.*))")
_QUOTED = re.compile(r"'((?:[^']|'')*)'")
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_Line = tuple[int, bool, "str | None", "str | None"]  # indent, "- " item, key (None: a list's scalar), value


class NotSimple(Exception):
    """Front matter the shortcut does not read; PyYAML does."""


def simple_front_matter(fm: str) -> dict[str, Any]:
    """The mapping of front matter made only of what the content format writes: block mappings indented by
    two, lists at their key's indent, one-line plain or single-quoted strings, integers, {} and []."""
    if not fm.startswith("\n") or not fm.endswith("\n") or len(fm) < 3:
        raise NotSimple
    lines: list[_Line] = []
    for text in fm[1:-1].split("\n"):
        match = _LINE.fullmatch(text)
        if match is None:
            raise NotSimple
        lines.append((len(match[1]), bool(match[2]), match[3], match[4] if match[3] else match[5]))
    result, end = _mapping(lines, 0, 0)
    if end != len(lines) or not result.keys() <= TOP_KEYS:
        raise NotSimple
    return result


def _mapping(lines: list[_Line], i: int, indent: int) -> tuple[dict[str, Any], int]:
    """The mapping whose keys are at `indent` from lines[i] on, and the number of the line after it."""
    result: dict[str, Any] = {}
    while i < len(lines) and lines[i][0] >= indent:
        at, item, key, value = lines[i]
        if at != indent or item or key is None or key in result or _plain(key) != key:
            raise NotSimple
        if value is not None:
            result[key], i = _scalar(value), i + 1
        elif i + 1 < len(lines) and lines[i + 1][:2] == (indent, True):
            result[key], i = _list(lines, i + 1, indent)
        elif i + 1 < len(lines) and lines[i + 1][:2] == (indent + 2, False):
            result[key], i = _mapping(lines, i + 1, indent + 2)
        else:
            raise NotSimple  # a null, or a block indented otherwise
    return result, i


def _list(lines: list[_Line], i: int, indent: int) -> tuple[list[Any], int]:
    """The list whose "- " are at `indent`; an item "- key: value" starts a mapping indented past the "- "."""
    result: list[Any] = []
    while i < len(lines) and lines[i][:2] == (indent, True):
        _, _, key, value = lines[i]
        if key is None:
            result.append(_scalar(value or ""))
            i += 1
        else:
            lines[i] = (indent + 2, False, key, value)
            found, i = _mapping(lines, i, indent + 2)
            result.append(found)
    return result, i


def _scalar(text: str) -> Any:
    if text in ("{}", "[]"):
        return {} if text == "{}" else []
    if text.startswith("'"):
        match = _QUOTED.fullmatch(text)
        if match is None or not front_matter.ONE_LINE.fullmatch(match[1]):
            raise NotSimple
        return match[1].replace("''", "'")
    return _plain(text)


def _plain(text: str) -> str | int:
    found = _plain_value(text)
    if found is None:
        raise NotSimple
    return found


@lru_cache(maxsize=16384)
def _plain_value(text: str) -> str | int | None:
    """A plain scalar when PyYAML would write it so (PyYAML reads what it writes), else None; remembered, as
    keys and term slugs recur in every post."""
    if not front_matter.ONE_LINE.fullmatch(text) or not front_matter.plain_allowed(text):
        return None
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    if tag == front_matter.STR_TAG:
        return text
    return int(text) if tag == INT_TAG and _INTEGER.fullmatch(text) else None
