"""`newsmirror changes`: what the imports recorded in content/changes.yaml, as a terminal report
with a word diff of changed titles and paragraphs, or as JSON for tools."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from generator.store.history import Run, change_fields, read
from generator.store.provenance import Change, Hunk, word_diff

RED, GREEN, RESET = "\x1b[31m", "\x1b[32m", "\x1b[0m"
INDENT = "    "
GONE = {"removed": "removed upstream (kept; --prune deletes)", "pruned": "removed upstream, deleted by --prune"}


def use_colour(is_tty: bool, environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return is_tty and not environ.get("NO_COLOR")


def parse_since(text: str) -> date:
    """A --since DATE (YYYY-MM-DD); raises ValueError with a message a user can act on."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--since: expected a date such as 2026-12-01, got {text!r}") from None


def report(content_dir: Path, since: date | None = None, fmt: str = "text", colour: bool = False) -> str:
    """The runs recorded since `since` (its whole day included), newest first. Raises
    history.HistoryError when the log cannot be read."""
    runs = [r for r in read(content_dir) if since is None or r.run[:10] >= since.isoformat()]
    if fmt == "json":
        data = {"runs": [{"run": r.run, "posts": [change_fields(c) for c in r.posts]} for r in runs]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if not runs:
        when = f" since {since.isoformat()}" if since else ""
        return f"no changes recorded{when} in {content_dir / 'changes.yaml'}\n"
    return "\n".join(_run_text(run, colour) for run in runs)


def _run_text(run: Run, colour: bool) -> str:
    counts = Counter(c.action for c in run.posts)
    lines = [f"{run.run}: " + ", ".join(f"{n} {action}" for action, n in sorted(counts.items()))]
    for change in run.posts:
        lines.append(_headline(change))
        lines.extend(INDENT + line for hunk in change.hunks for line in _hunk_lines(hunk, colour))
    return "\n".join(lines) + "\n"


def _headline(change: Change) -> str:
    where = f"{change.renamed_from} -> {change.path}" if change.renamed_from else change.path
    if change.action in GONE:
        return f"{change.action} {where}: {GONE[change.action]}"
    if change.action == "added":
        return f"added {where}: {change.title}"
    fields = "modified upstream, no visible change" if change.changed == ("updated",) else ", ".join(change.changed)
    words = f" (+{change.added} -{change.removed} words)" if change.added or change.removed else ""
    return f"{change.action} {where}: {fields}{words}"


def _hunk_lines(hunk: Hunk, colour: bool) -> list[str]:
    """The hunk's word diff: [-removed-]{+added+} as `git diff --word-diff` writes it, or red and green."""
    runs = word_diff("\n".join(hunk.old), "\n".join(hunk.new))
    text = "".join(_marked(op, part, colour) for op, part in runs)
    label = f"{hunk.field}: " if hunk.field == "title" else ""
    return [label + line for line in text.split("\n")]


def _marked(op: str, text: str, colour: bool) -> str:
    if op == "=":
        return text
    # Each line marked on its own, so a marker never spans lines and every line reads alone.
    start, end = ((RED if op == "-" else GREEN), RESET) if colour else (("[-", "-]") if op == "-" else ("{+", "+}"))
    return "\n".join(f"{start}{line}{end}" if line else "" for line in text.split("\n"))
