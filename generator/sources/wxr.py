"""WordPress export files (WXR, Tools → Export): read as the same raw items as saved REST JSON."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.problems import Problem
from generator.sources.wp_json import RawItem


def is_export(path: Path) -> bool:
    """Whether the file's first bytes say it is a WordPress export."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return b"<rss" in head and b"wordpress.org/export" in head


def read_export(path: Path, problems: list[Problem]) -> Iterator[RawItem]:
    """Every item of the export, streamed; what cannot be read is appended to `problems`."""
    problems.append(Problem(str(path), message="WordPress exports cannot be read yet"))
    return iter(())
