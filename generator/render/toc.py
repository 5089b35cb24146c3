"""A table of contents from a page's headings, nested by level even when levels skip."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.body_headings import Heading


@dataclass(frozen=True)
class TocEntry:
    id: str
    text: str
    children: tuple[TocEntry, ...] = ()


def build_toc(headings: Sequence[Heading], lowest: int = 2, highest: int = 4) -> tuple[TocEntry, ...]:
    """Entries for headings h`lowest`..h`highest`; none when fewer than two, as a TOC of one helps no one."""
    picked = [h for h in headings if lowest <= h.level <= highest]
    if len(picked) < 2:
        return ()
    return _entries(picked, 0, 0)[0]


def _entries(headings: list[Heading], start: int, parent_level: int) -> tuple[tuple[TocEntry, ...], int]:
    """Entries deeper than `parent_level` from `start` on; a heading nests under the last shallower one."""
    entries = []
    i = start
    while i < len(headings) and headings[i].level > parent_level:
        heading = headings[i]
        children, i = _entries(headings, i + 1, heading.level)
        entries.append(TocEntry(heading.id, heading.text, children))
    return tuple(entries), i
