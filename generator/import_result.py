"""What an import was asked to do and what it did: options in, per-post reports and problems out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.convert.context import Losses
from generator.problems import Problem


@dataclass
class PostReport:
    """What happened to one post, for the summary and the --report file."""

    file: str
    id: int
    type: str
    path: str
    action: str  # new, updated, renamed, unchanged
    losses: Losses


@dataclass
class ImportResult:
    posts: list[PostReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # items left out on purpose, e.g. drafts
    missing: list[Path] = field(default_factory=list)  # in content/ but not in this import
    pruned: list[Path] = field(default_factory=list)
    terms_written: bool = False
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, not wrong: shown in the summary

    def count(self, action: str) -> int:
        return sum(1 for p in self.posts if p.action == action)

    def losses(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for post in self.posts:
            total.update(post.losses.counts)
        return total


@dataclass(frozen=True)
class ImportOptions:
    statuses: frozenset[str] = frozenset({"publish"})
    prune: bool = False
    keep_keyword_links: bool = False
    workers: int | None = None  # None: one per core
    site: str = ""  # the site's address, for crawls whose links lack their host
