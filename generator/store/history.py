"""content/changes.yaml: what each import run changed, newest run first, at most N runs.

It is meant to be reviewed in git beside the posts, so its bytes depend only on the runs: posts
sorted by path, keys in a fixed order, no line ever wrapped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.store.files import write_if_changed
from generator.store import front_matter
from generator.store.provenance import Change, Hunk

LOG = "changes.yaml"
HEADER = "# What each import changed upstream, newest run first; `newsmirror changes` reports it.\n"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class HistoryError(Exception):
    """content/changes.yaml cannot be read: the message names the field."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True)
class Run:
    run: str  # the run's ISO UTC timestamp (ImportOptions.now)
    posts: tuple[Change, ...]


def log_path(content_dir: Path) -> Path:
    return content_dir / LOG


def append(content_dir: Path, run: str, changes: list[Change], keep: int) -> bool:
    """Add a run first and keep the newest `keep`; True if the file was written. A run with no
    change writes nothing; a second run with the same timestamp (a sync's several sources) joins it."""
    if not changes or keep <= 0:
        return False
    runs = read(content_dir)
    posts = sorted(changes, key=lambda c: (c.path, c.action))
    if runs and runs[0].run == run:
        posts = sorted(runs[0].posts + tuple(posts), key=lambda c: (c.path, c.action))
        runs = runs[1:]
    runs = [Run(run, tuple(posts)), *runs][:keep]
    return write_if_changed(log_path(content_dir), dumps(runs).encode("utf-8"))


def dumps(runs: list[Run]) -> str:
    """The log's text, each run written on its own, so that one run holding text the fast writer
    leaves to PyYAML (front_matter.dump) does not slow down the others."""
    pieces = [front_matter.dump({"runs": [{"run": r.run, "posts": [change_fields(c) for c in r.posts]}]})
              .removeprefix("runs:\n") for r in runs]
    return HEADER + "runs:\n" + "".join(piece + "\n" for piece in pieces)


def change_fields(change: Change) -> dict[str, Any]:
    """One post of a run as the log and `changes --format json` write it; empty parts left out."""
    fields: dict[str, Any] = {"action": change.action, "path": change.path}
    if change.renamed_from:
        fields["from"] = change.renamed_from
    fields.update({"type": change.type, "id": change.id, "title": change.title, "modified": change.modified})
    if change.changed:
        fields["changed"] = list(change.changed)
    if change.added or change.removed:
        fields["words"] = {"added": change.added, "removed": change.removed}
    if change.hunks:
        fields["diff"] = [{"field": h.field, "at": h.at, "old": list(h.old), "new": list(h.new)} for h in change.hunks]
    return fields


def read(content_dir: Path) -> list[Run]:
    """The runs, newest first; none when there is no log yet. Raises HistoryError naming the field."""
    path = log_path(content_dir)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise HistoryError(path, f"cannot read: {str(e).splitlines()[0]}") from None
    runs = data.get("runs") if isinstance(data, dict) else None
    if not isinstance(runs, list):
        raise HistoryError(path, "runs: expected a list of runs")
    return [_run(path, n, value) for n, value in enumerate(runs)]


def _run(path: Path, n: int, value: object) -> Run:
    if not isinstance(value, dict) or not isinstance(value.get("run"), str) or not isinstance(value.get("posts"), list):
        raise HistoryError(path, f"runs[{n}]: expected a mapping with run and posts")
    try:
        return Run(value["run"], tuple(_change(post) for post in value["posts"]))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise HistoryError(path, f"runs[{n}] ({value['run']}): a post is malformed: {e}") from None


def _change(value: dict[str, Any]) -> Change:
    words = value.get("words") or {}
    hunks = tuple(Hunk(str(h["field"]), int(h.get("at", 0)), tuple(map(str, h["old"])), tuple(map(str, h["new"])))
                  for h in value.get("diff") or [])
    return Change(action=str(value["action"]), type=str(value["type"]), id=int(value["id"]), path=str(value["path"]),
                  title=str(value.get("title", "")), modified=str(value.get("modified", "")),
                  changed=tuple(map(str, value.get("changed") or [])), added=int(words.get("added", 0)),
                  removed=int(words.get("removed", 0)), hunks=hunks, renamed_from=str(value.get("from", "")))
