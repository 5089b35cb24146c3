"""Problems found in input: collected per item, shown once, one line each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong with one input item; the run goes on without it."""

    file: str
    item: str = ""
    field: str = ""
    message: str = ""

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
