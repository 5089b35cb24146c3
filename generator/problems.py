"""Problems found in input: collected per item, shown once, one line each."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

ALIKE_FROM = 6  # more problems than this with one field and message are told by their first few
ALIKE_SHOWN = 3
# What tells alike problems apart: their numbers, and the values they quote (the slug each post got).
VARYING = re.compile(r"\d+|'[^'\n]*'|\"[^\"\n]*\"")


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong with one input item; the run goes on without it."""

    file: str
    item: str = ""
    field: str = ""
    message: str = ""
    # The item was a post and is not imported for this: the import's summary counts it among the skipped.
    left_out: bool = dataclasses.field(default=False, compare=False)

    def __str__(self) -> str:
        parts = [self.file]
        if self.item:
            parts.append(f"item {self.item}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join(parts) + f": {self.message}"


class ItemError(Exception):
    """Raised inside a stage for one bad item; the stage's caller turns it into a Problem."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def quoted(value: str, limit: int = 80) -> str:
    """A value as a message quotes it, on a line a reader can take in: if long, its start and its length."""
    return repr(value) if len(value) <= limit else f"{value[:limit]!r}… ({len(value):,} characters)"


def told(problems: list[Problem], rest: str) -> list[str]:
    """A line per problem; but where more than ALIKE_FROM share their field and message but for its numbers and
    quoted values (one fault in every file of a crawl that saved each post to a file of its own; every post of a
    converter's export named from its title), the first ALIKE_SHOWN of them, then a line counting the others
    and saying where they are listed (`rest`), so that other problems stand out."""
    keys = [(p.field, VARYING.sub("#", p.message)) for p in problems]
    alike = Counter(keys)
    lines, shown = [], Counter[tuple[str, str]]()
    for problem, key in zip(problems, keys):
        shown[key] += 1
        if alike[key] <= ALIKE_FROM or shown[key] <= ALIKE_SHOWN:
            lines.append(str(problem))
        elif shown[key] == ALIKE_SHOWN + 1:
            lines.append(f"… and {alike[key] - ALIKE_SHOWN} more like these ({rest})")
    return lines
