"""What changed in a post between two imports, and its `mirror:` provenance carried from its old
file to its new one. Pure: the files are read and written by the caller (generator/placing.py).

A body is compared one line at a time: the converter writes one paragraph (list item, heading,
table row) per line, so a changed sentence is one changed line, as `git diff` shows it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from generator.convert.document import Document, Mirror, Revision

# Front matter fields compared, in the order a change lists them; `updated` alone is no change to name.
FIELDS = ("title", "slug", "date", "language", "translations", "author", "summary", "featured_image", "taxonomies", "url", "body")
TOKEN = re.compile(r"\s+|[^\s]+")
# Pairs of elements (words and spaces, or paragraphs) an exact diff compares at most, some 0.1 s: a long line
# rewritten (a table kept as HTML, a post without paragraphs) took minutes for one post, and 8,000 lines 2 s.
DIFF_CELLS = 1_000_000


@dataclass(frozen=True)
class Hunk:
    """Consecutive paragraphs (lines) of one field replaced by others; `at` is the first old one."""

    field: str  # title or body
    at: int
    old: tuple[str, ...]
    new: tuple[str, ...]


@dataclass(frozen=True)
class Delta:
    """What changed in one post between its old file and its new one."""

    changed: tuple[str, ...]  # FIELDS, `updated` when nothing else, `restored` first when it came back
    added: int  # words, in the title and body
    removed: int
    hunks: tuple[Hunk, ...]
    summary: str


@dataclass(frozen=True)
class Change:
    """One line of an import run in content/changes.yaml."""

    action: str  # added, updated, renamed, removed, restored, pruned
    type: str
    id: int
    path: str  # relative to the content folder; the new one for a rename
    title: str
    modified: str  # the source's `modified` (the post's `updated`)
    changed: tuple[str, ...] = ()
    added: int = 0
    removed: int = 0
    hunks: tuple[Hunk, ...] = ()
    renamed_from: str = ""


def run_date(now: str) -> str:
    """The UTC date of a run from its ISO timestamp ('2026-12-03T21:55:08Z' -> '2026-12-03')."""
    return now[:10]


def carry(old: Document | None, new: Document, date: str, keep: int) -> tuple[Document, Delta | None]:
    """The new document with its provenance: `old` is the same post's current file, if any.
    Unchanged, it keeps the old `mirror:` as it is, so it gives the old file's bytes. A change is
    upstream's only when the source's `modified` moved or the post came back: a file that changes
    because newsmirror converts it otherwise (a new version, a term renamed) has no revision.
    Without a run date nothing new is recorded."""
    if old is None:
        return replace(new, mirror=Mirror(first=date) if date else None), None
    delta = compare(old, new)
    upstream = old.updated.isoformat() != new.updated.isoformat() or bool(old.mirror and old.mirror.removed)
    if delta is None or not date or not upstream:
        return replace(new, mirror=old.mirror), None
    before = old.mirror or Mirror(first="")  # a post written before provenance was kept: its first import is unknown
    revision = Revision(date=date, modified=new.updated.isoformat(), changed=delta.changed, summary=delta.summary)
    mirror = Mirror(first=before.first, revisions=((revision,) + before.revisions)[:keep])
    return replace(new, mirror=mirror), delta


def compare(old: Document, new: Document) -> Delta | None:
    """What changed from `old` to `new`, or None when their files would say the same."""
    changed = [name for name in FIELDS if _value(old, name) != _value(new, name)]
    restored = bool(old.mirror and old.mirror.removed)
    if not changed and not restored and old.updated.isoformat() == new.updated.isoformat():
        return None
    hunks = []
    if "title" in changed:
        hunks.append(Hunk("title", 0, (old.title,), (new.title,)))
    if "body" in changed:
        hunks.extend(paragraph_diff(paragraphs(old.body), paragraphs(new.body)))
    added = removed = 0
    for hunk in hunks:
        plus, minus = word_counts(hunk)
        added, removed = added + plus, removed + minus
    if not changed and not restored:
        changed = ["updated"]
    changed = (["restored"] if restored else []) + changed
    return Delta(tuple(changed), added, removed, tuple(hunks), summary(changed, hunks, added, removed))


def _value(document: Document, name: str) -> object:
    if name == "date":
        return document.date.isoformat()  # equal instants at other offsets still read differently
    if name == "featured_image":
        return document.image
    if name == "url":
        return document.source.url
    return getattr(document, name)


def summary(changed: list[str], hunks: list[Hunk], added: int, removed: int) -> str:
    """One line: 'title changed; body: 2 paragraphs changed, +12 -3 words'."""
    parts = []
    if "restored" in changed:
        parts.append("back upstream")
    if "title" in changed:
        parts.append("title changed")
    others = [name for name in changed if name not in ("restored", "title", "body", "updated")]
    if others:
        parts.append(", ".join(others) + " changed")
    if "body" in changed:
        body = [h for h in hunks if h.field == "body"]
        count = sum(max(len(h.old), len(h.new)) for h in body)
        parts.append(f"body: {count} paragraph{'s' if count != 1 else ''} changed, +{added} -{removed} words")
    if changed == ["updated"]:
        parts.append("modified upstream, no visible change")
    return "; ".join(parts)


def paragraphs(body: str) -> list[str]:
    """The body's lines that hold text; blank lines only separate them."""
    return [line for line in body.split("\n") if line.strip()]


def paragraph_diff(old: list[str], new: list[str], field: str = "body") -> list[Hunk]:
    return [Hunk(field, i1, tuple(old[i1:i2]), tuple(new[j1:j2]))
            for tag, i1, i2, j1, j2 in _opcodes(old, new) if tag != "equal"]


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """SequenceMatcher's edit script, exact up to DIFF_CELLS pairs of elements; past them with its own heuristic
    for long sequences (autojunk: the elements in over 1% of `b` start no match), without which it compares
    each element with every equal one, the space between words and a table's empty rows above all."""
    return SequenceMatcher(None, a, b, autojunk=len(a) * len(b) > DIFF_CELLS).get_opcodes()


def apply(old: list[str], hunks: list[Hunk]) -> list[str]:
    """The new paragraphs from the old ones and their diff."""
    result, position = [], 0
    for hunk in hunks:
        result.extend(old[position:hunk.at])
        result.extend(hunk.new)
        position = hunk.at + len(hunk.old)
    return result + old[position:]


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs, op '=' kept, '-' removed, '+' added: the '=' and '-' texts make `old`, the
    '=' and '+' texts make `new`. Words and the spaces between them are compared as tokens, after the tokens
    both texts begin and end with."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    end = next((i for i, (x, y) in enumerate(zip(reversed(a[start:]), reversed(b[start:]))) if x != y),
               min(len(a), len(b)) - start)
    runs = [("=", "".join(a[:start]))] + _middle_diff(a[start:len(a) - end], b[start:len(b) - end])
    return [run for run in runs + [("=", "".join(a[len(a) - end:]))] if run[1]]


def _middle_diff(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            runs.append(("=", "".join(a[i1:i2])))
            continue
        runs += [("-", "".join(a[i1:i2])), ("+", "".join(b[j1:j2]))]
    return runs


def word_counts(hunk: Hunk) -> tuple[int, int]:
    """Words added and removed in one hunk."""
    added = removed = 0
    for op, text in word_diff("\n".join(hunk.old), "\n".join(hunk.new)):
        words = len(text.split())
        if op == "+":
            added += words
        elif op == "-":
            removed += words
    return added, removed
