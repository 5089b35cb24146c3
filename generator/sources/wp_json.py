"""Saved WordPress REST API v2 responses: files or folders of JSON, one object or a list each."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.problems import Problem


@dataclass(frozen=True)
class RawItem:
    """One JSON object from a saved response, with where it came from."""

    file: str
    index: int | None  # position in a list response; None for a single object
    data: dict[str, Any]

    @property
    def label(self) -> str:
        ident = self.data.get("id")
        if isinstance(ident, int):
            return str(ident)
        return f"#{self.index}" if self.index is not None else ""

    def problem(self, field: str, message: str) -> Problem:
        return Problem(self.file, self.label, field, message)


def json_files(sources: Iterable[Path]) -> Iterator[Path]:
    """Files as given, folders searched recursively for *.json, each folder in sorted order."""
    for source in sources:
        if source.is_dir():
            yield from sorted(p for p in source.rglob("*.json") if p.is_file())
        else:
            yield source


def read_items(sources: Iterable[Path]) -> tuple[list[RawItem], list[Problem]]:
    items: list[RawItem] = []
    problems: list[Problem] = []
    for path in json_files(sources):
        found, found_problems = _read_file(path)
        items.extend(found)
        problems.extend(found_problems)
    return items, problems


def _read_file(path: Path) -> tuple[list[RawItem], list[Problem]]:
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
        data = json.loads(text)
    except OSError as e:
        return [], [Problem(name, message=f"cannot read: {e.strerror}")]
    except UnicodeDecodeError as e:
        return [], [Problem(name, message=f"not UTF-8 text (byte {e.start}): is this a JSON file?")]
    except json.JSONDecodeError as e:
        return [], [Problem(name, message=f"not valid JSON: line {e.lineno} column {e.colno}: {e.msg}")]
    if isinstance(data, dict):
        return [RawItem(name, None, data)], []
    if not isinstance(data, list):
        return [], [Problem(name, message="expected a JSON object or a list of objects")]
    items = [RawItem(name, i, d) for i, d in enumerate(data) if isinstance(d, dict)]
    problems = [Problem(name, f"#{i}", message=f"expected a JSON object, got {type(d).__name__}")
                for i, d in enumerate(data) if not isinstance(d, dict)]
    return items, problems
