"""Footnotes numbered as their author numbered them.

markdown-it numbers footnotes in the order of their first reference, whatever their labels. The import writes the
number a post's author gave each note as its label (`[^8]`, in an excerpt whose notes began at 8; a note referenced
before the one numbered below it): a reference shows that number, and the note's item in the list is given it
(`<li value="8">`), where the site showed them so. Where any label of the body is no number, or two notes show one
number, every note is numbered in order, as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

LABEL_NUMBER = re.compile(r"[1-9][0-9]{0,5}")
LABELS_KEY = "footnote_labels_are_numbers"  # where a body's env keeps what _labels_are_numbers found


def footnote_caption(renderer: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    """A reference's number: its label where that is a number, else its place in the order of references."""
    meta = tokens[idx].meta
    number = _label_number(meta, env) or str(meta["id"] + 1)
    if meta.get("subId", -1) > 0:
        number += f":{meta['subId']}"
    return f"[{number}]"


def footnote_open(renderer: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    """The note's list item, given its label's number where the list's own count would show another."""
    from mdit_py_plugins.footnote.index import render_footnote_open
    item = render_footnote_open(renderer, tokens, idx, options, env)
    number = _label_number(tokens[idx].meta, env)
    if number and int(number) != tokens[idx].meta["id"] + 1 and item.endswith(">"):
        return f'{item[:-1]} value="{number}">'
    return item


def _label_number(meta: dict[str, Any], env: Any) -> str:
    label = meta.get("label")
    return label if isinstance(label, str) and _labels_are_numbers(env) else ""


def _labels_are_numbers(env: Any) -> bool:
    """Whether every note of the body is labelled with a number of its own (decided once per body)."""
    if LABELS_KEY not in env:
        notes = env.get("footnotes", {}).get("list", {}).values()
        labels = [note.get("label") for note in notes]
        env[LABELS_KEY] = (all(isinstance(label, str) and LABEL_NUMBER.fullmatch(label) for label in labels)
                           and len({int(label) for label in labels}) == len(labels))
    return bool(env[LABELS_KEY])
