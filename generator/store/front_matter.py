"""Front matter as YAML text: PyYAML's pure emitter, with a shortcut that writes the same bytes.

PyYAML's pure-Python emitter took longer per post than converting its HTML, and it ran once per
post in the importing process. Front matter is nested mappings and lists of short one-line
strings (and of mappings, in `mirror.revisions`); for those, `dump` writes what PyYAML would, by
the rules its emitter follows (`Emitter.analyze_scalar` and `choose_scalar_style`), and leaves
anything else to PyYAML.
tests/test_store.py checks that the two agree on arbitrary text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.resolver import Resolver

# No line is ever wrapped, so a changed sentence changes one line of the diff.
NO_WRAP = 2**31 - 1
STR_TAG = "tag:yaml.org,2002:str"
# Characters PyYAML writes as they are (allow_unicode), minus every line break (\x85, \u2028,
# \u2029) and the byte order mark: text made only of these is one line in single quotes at worst.
ONE_LINE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]*")
INDICATOR_FIRST = frozenset("#,[]{}&*!|>'\"%@`")
# PyYAML writes a longer key, or an empty one, as a "? " complex key: it counts the key and its
# tag (!!str) against a limit of 128.
LONGEST_SIMPLE_KEY = 122


class Dumper(yaml.SafeDumper):
    """PyYAML's own emitter, with one repair: it writes NEL, LS and PS (line breaks to YAML) raw in
    single quotes, where a reader folds them into spaces; double quotes escape them."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if any(c in text for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


Dumper.add_representer(str, _represent_text)
# Written with PyYAML's own emitter: libyaml's (CSafeDumper) escapes some characters, such as
# emoji, that the pure one writes as they are, and the same input must give the same bytes
# whether or not PyYAML was built with libyaml. Reading may use libyaml: it reads both alike.
_RESOLVER = Resolver()  # the implicit types (null, bool, int, float, date...) Dumper knows


class _NotSimple(Exception):
    """A value the shortcut does not write; PyYAML does."""


def dump(metadata: dict[str, Any]) -> str:
    """The YAML of a mapping in the given key order, block style, without the final newline."""
    lines: list[str] = []
    try:
        if not metadata:
            raise _NotSimple  # PyYAML writes {}
        for key, value in metadata.items():
            _entry(lines, "", key, value)
    except _NotSimple:
        return yaml.dump(metadata, Dumper=Dumper, sort_keys=False, default_flow_style=False,
                         allow_unicode=True, width=NO_WRAP).strip()
    return "\n".join(lines).strip()  # as the PyYAML path strips, Unicode spaces too


def _entry(lines: list[str], indent: str, key: object, value: object) -> None:
    if not isinstance(key, str) or not key or len(key) > LONGEST_SIMPLE_KEY:
        raise _NotSimple
    head = f"{indent}{_scalar(key)}:"
    if isinstance(value, dict) and value:
        lines.append(head)
        for k, v in value.items():
            _entry(lines, indent + "  ", k, v)
    elif isinstance(value, list) and value:
        lines.append(head)
        for item in value:  # PyYAML does not indent these
            if isinstance(item, dict) and item:
                _list_mapping(lines, indent, item)
            else:
                lines.append(f"{indent}- {_scalar(item)}")
    else:
        lines.append(f"{head} {_scalar(value)}")


def _list_mapping(lines: list[str], indent: str, item: dict[object, object]) -> None:
    """A mapping as a list item (a post's `mirror.revisions`): its first key on the "- " line."""
    start = len(lines)
    for key, value in item.items():
        _entry(lines, indent + "  ", key, value)
    lines[start] = f"{indent}- {lines[start][len(indent) + 2:]}"


# What PyYAML writes for these, the empty ones in flow style even in a block: a post's empty `taxonomies`, a field
# left unset. (Left to PyYAML, an empty mapping had a post's whole front matter written by PyYAML's emitter: a sixth
# of importing a site whose posts all have one.)
CONSTANTS = {None: "null", True: "true", False: "false"}
EMPTY = {dict: "{}", list: "[]"}


def _scalar(value: object) -> str:
    if value is None or type(value) is bool:
        return CONSTANTS[value]
    if isinstance(value, int):
        return str(value)
    if type(value) in EMPTY and not value:
        return EMPTY[type(value)]
    if not isinstance(value, str) or not ONE_LINE.fullmatch(value):
        raise _NotSimple
    if plain_allowed(value) and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == STR_TAG:
        return value
    return "'" + value.replace("'", "''") + "'"


def plain_allowed(text: str) -> bool:
    """Whether PyYAML's analysis allows a one-line string unquoted in block context."""
    return not (
        not text
        or text[0] == " " or text[-1] == " "
        or text.startswith(("---", "..."))
        or text[0] in INDICATOR_FIRST
        or (text[0] in "?:-" and (len(text) == 1 or text[1] == " "))
        or ": " in text or text.endswith(":")
        or " #" in text
    )
