"""Saved input, whatever its form: REST JSON responses and WordPress export files, alone or in folders."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.problems import Problem
from generator.sources import wxr
from generator.sources.wp_json import RawItem, json_files, read_file


def saved_files(source: Path) -> list[Path]:
    """The file itself, or every saved response and export in a folder, in sorted order."""
    if not source.is_dir():
        return [source]
    exports = [p for p in sorted(source.rglob("*.xml"))
               if not any(part.startswith(".") for part in p.relative_to(source).parts) and wxr.is_export(p)]
    return sorted([*json_files([source]), *exports])


def read_items(sources: Iterable[Path]) -> tuple[list[RawItem], list[Problem]]:
    items: list[RawItem] = []
    problems: list[Problem] = []
    for source in sources:
        files = saved_files(source)
        if source.is_dir() and not files:
            problems.append(Problem(str(source), message="no saved REST JSON or WordPress export in this folder "
                                                         "(files named *.json or *.xml, or holding JSON with no "
                                                         "extension or under wp-json/)"))
        for path in files:
            if wxr.is_export(path):
                items.extend(wxr.read_export(path, problems))
                continue
            found, found_problems = read_file(path)
            items.extend(found)
            problems.extend(found_problems)
    return items, problems
