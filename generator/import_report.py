"""How an import is told to the user: a short summary, and the per-post loss report as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from generator.convert.context import SHORTER_LANGUAGE
from generator.import_result import ImportResult


def import_summary(result: ImportResult, content: str = "content") -> list[str]:
    """`content`: the content folder as the user named it, where the log of changes is."""
    lines = [f"imported {len(result.posts)} posts: {result.count('new')} new, {result.count('updated')} updated, "
             f"{result.count('renamed')} renamed, {result.count('unchanged')} unchanged; "
             f"skipped {len(result.skipped)}; terms {'updated' if result.terms_written else 'unchanged'}"]
    losses = result.losses()
    if losses:
        lines.append("dropped or approximated: " + ", ".join(f"{n} {kind}" for kind, n in sorted(losses.items())))
    if losses.get(SHORTER_LANGUAGE):
        count = losses[SHORTER_LANGUAGE]
        lines.append(f"{count} multilingual {'post holds' if count == 1 else 'posts hold'} far more text in a "
                     "language left out: `[site] language` in newsmirror.toml chooses the one kept (--report names them)")
    if result.missing:
        marked = f", {len(result.removed)} of them marked removed upstream now" if result.removed else ""
        lines.append(f"{len(result.missing)} posts are no longer in the input and were kept{marked} "
                     f"(--prune deletes them): " + _some(result.missing))
    if result.pruned:
        lines.append(f"pruned {len(result.pruned)} posts no longer in the input: " + _some(result.pruned))
    if result.history_written:
        lines.append(f"changes logged in {content}/changes.yaml: {len(result.changes)} (`newsmirror changes` tells them)")
    return lines + result.notes


def _some(paths: list[Path]) -> str:
    return ", ".join(str(p) for p in paths[:5]) + (" …" if len(paths) > 5 else "")


def loss_report_json(result: ImportResult) -> str:
    """Every post with what conversion dropped or approximated; stable order, stable bytes."""
    posts = [{"file": p.file, "id": p.id, "type": p.type, "path": p.path, "action": p.action,
              "losses": dict(sorted(p.losses.counts.items())), "details": p.losses.details}
             for p in result.posts if p.losses]
    report = {"totals": dict(sorted(result.losses().items())), "posts": posts,
              "problems": [str(p) for p in result.problems], "skipped": result.skipped,
              "missing": [str(p) for p in result.missing], "notes": result.notes}
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
