"""A JSON text that is a list of objects, or several one after another, read an object at a time.

Decoding such a text whole holds every object's values at once, some four times the text's size: a crawl saved
as one file of 10,000 posts (118 MB) took 658 MB to import, against 155 MB for the same posts saved a page of 100
per file. Its objects are decoded in two passes instead: the first checks that the text is exactly such values
and notes where each object starts, the second decodes one object each time the reader asks for the next, so the
text and one object are held, not all of them. Every object is decoded twice, which costs far less than the
conversion that follows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

# As wp_json reads saved files: line breaks and tabs inside strings are read as they are.
_DECODER = json.JSONDecoder(strict=False)
_SPACE = re.compile(r"[ \t\r\n]*")  # what JSON allows between values


@dataclass(frozen=True)
class ObjectList:
    """The objects of a JSON text, decoded as they are iterated."""

    text: str
    starts: list[int]  # where each object begins in the text
    flagged: bool  # whether `flag` held for any object (see object_list)

    def __len__(self) -> int:
        return len(self.starts)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for start in self.starts:
            yield _DECODER.raw_decode(self.text, start)[0]


def object_list(text: str, flag: Callable[[dict[str, Any]], bool]) -> ObjectList | None:
    """The objects of `text` when it is a list of objects, or several lists and objects one after another (JSON
    Lines, pages saved into one file), in order; None for any other text: one object alone, an empty list, a
    list that holds anything but objects, other text after the values, or JSON that does not decode (whose
    reader names the error). `flag` sees each object once, in the first pass."""
    starts: list[int] = []
    flagged, values = False, 0
    at = _space(text, 0)
    while at < len(text):
        listed = text.startswith("[", at)
        at = _space(text, at + 1) if listed else at
        while text.startswith("{", at):
            try:
                value, end = _DECODER.raw_decode(text, at)
            except json.JSONDecodeError:
                return None
            starts.append(at)
            flagged = flag(value) or flagged
            at = _space(text, end)
            if not listed or text.startswith("]", at):
                break
            if not text.startswith(",", at):
                return None
            at = _space(text, at + 1)
        else:
            return None  # a value that is no object where an object must be
        at = _space(text, at + 1) if listed else at
        values += 1
    alone = values == 1 and not text.startswith("[", _space(text, 0))
    return ObjectList(text, starts, flagged) if starts and not alone else None


def _space(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()  # type: ignore[union-attr] - it matches anywhere, if only emptily
