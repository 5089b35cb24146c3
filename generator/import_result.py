"""What an import was asked to do and what it did: options in, per-post reports and problems out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from generator.convert.context import Losses
from generator.language.words import Overrides
from generator.problems import Problem
from generator.store.provenance import Change


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
    removed: list[Path] = field(default_factory=list)  # of `missing`, those marked removed upstream by this run
    changes: list[Change] = field(default_factory=list)  # what this run recorded in content/changes.yaml
    history_written: bool = False
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
    types: frozenset[str] = frozenset()  # the post types to import; none: every type the input holds
    prune: bool = False
    keep_keyword_links: bool = False
    workers: int | None = None  # None: one per core
    site: str = ""  # the site's address, for crawls whose links lack their host
    language: str = ""  # site.language: the language kept of a post that holds several (convert/multilingual.py)
    # and of the labels the import writes ("YouTube video: …"), with the site's [words] over its own; "" when the
    # configuration names none: then the one the site names (labels.yaml, an export's <language>), else English.
    words: Overrides = ()
    # The run's UTC time, ISO 8601 ('2026-12-03T21:55:08Z'): the CLI's clock or SOURCE_DATE_EPOCH.
    # "" records nothing new: no `mirror:` dates, no revision, no run in content/changes.yaml.
    now: str = ""
    history: int = 50  # runs kept in content/changes.yaml; 0 writes none
    revisions: int = 10  # revisions kept in each post's `mirror:`


def run_time(epoch: int | None, clock: float) -> str:
    """ImportOptions.now: SOURCE_DATE_EPOCH when set (bundle.source_date_epoch), else the clock."""
    seconds = epoch if epoch is not None else int(clock)
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
