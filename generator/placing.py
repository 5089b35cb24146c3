"""Putting converted posts into the content folder: one file per post, renames following slugs,
clashes settled the same way every time, posts gone upstream reported or pruned."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from generator.convert.context import Losses
from generator.convert.document import Document, Mirror, Term
from generator.import_result import ImportOptions, ImportResult, PostReport
from generator.problems import ItemError, Problem
from generator.republished import newest_of_each_address, note
from generator.sources.wp_json import RawItem
from generator.store import history, import_cache
from generator.store.documents import SUFFIX, dumps, loads, read_index, remove_document
from generator.store.files import AtomicBatch, Staged, discard, stage, write_atomic
from generator.store.text_encoding import not_utf8_file
from generator.store.provenance import Change, Delta, carry, run_date


@dataclass(frozen=True)
class Ready:
    """A post ready to be placed in the content folder: freshly converted, or known from the cache."""

    item: RawItem
    fingerprint: str
    document: Document | None  # None when the cache says its file is already exactly right
    cached: import_cache.Entry | None
    losses: Losses
    terms: list[Term]
    warnings: list[tuple[str, str]]
    staged: StagedPost | None = None  # its file, staged by the worker that converted it; then `document` has no body

    @property
    def wanted(self) -> str:
        if self.cached is not None:
            return self.cached.wanted
        return wanted_file(self.document)


def wanted_file(document: Document) -> str:
    """The file a post's slug asks for, relative to the content folder."""
    return f"{document.type}/{document.slug}{SUFFIX}"


@dataclass(frozen=True)
class StagedPost:
    """A post's file staged by the worker that converted it, and what changed from the file it replaces."""

    file: Staged
    delta: Delta | None  # None: a new post, or nothing changed


KEPT = "kept"  # not placed: its old file cannot be rewritten without losing what it holds (see same_post)


def stage_file(content_dir: Path, document: Document, options: ImportOptions = ImportOptions()) -> StagedPost:
    """In the worker that converted the post: its file, staged where its slug puts it (see place),
    carrying the provenance of the same post's file there."""
    path = content_dir / wanted_file(document)
    carried, delta = carry(same_post(path, document), document, run_date(options.now), options.revisions)
    return StagedPost(stage(path, dumps(carried).encode("utf-8")), delta)


def same_post(path: Path, document: Document) -> Document | None:
    """The post the file holds, if it is this one (same type and WordPress id). A file that cannot be read, or
    whose front matter or `mirror:` block was broken by hand, raises ItemError: what it holds is unknown, and
    rewriting it would throw a hand edit or the post's history away unsaid (an unreadable file was replaced,
    and its post logged as new)."""
    try:
        old = loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ItemError as e:
        if e.field.startswith("mirror") or e.field == "front matter":
            remedy = "mend or delete its mirror: block" if e.field.startswith("mirror") else \
                "mend its front matter, or delete the file"
            raise ItemError(e.field, f"{path}: {e.message}; the file was left as it is: {remedy}, "
                                     "then import again") from None
        return None
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) else not_utf8_file(path, e)
        raise ItemError("file", f"{path}: cannot read: {reason}; the file was left as it is: make it readable, "
                                "or delete it, then import again") from None
    return old if (old.type, old.source.id) == (document.type, document.source.id) else None


def place(ready: list[Ready], failed: set[tuple[str, int]], reconvert: Callable[[Ready], Ready],
           content_dir: Path, options: ImportOptions, result: ImportResult) -> dict[str, import_cache.Entry]:
    """Write each post where it belongs: renames follow slugs, clashes get a suffix, posts missing
    upstream are reported or pruned. Returns the cache entries for the next import."""
    ready, left_out = newest_of_each_address(ready, content_dir)
    for post, _ in left_out:
        if post.staged is not None:
            discard(post.staged.file)
    if left_out:
        result.notes.append(note(left_out))
    known = {content_dir / r.cached.path: (r.cached.type, r.cached.id) for r in ready if r.cached}
    index = read_index(content_dir, known)  # (type, id) -> the files that hold that post now
    posts = {_post_key(post): post for post in ready}
    others = {path: key for key, paths in index.items() if key not in posts for path in paths}
    assigned = assign_paths({key: content_dir / post.wanted for key, post in posts.items()}, others)
    for key, post in posts.items():  # a post whose file is not the one it was made for is converted after all
        if post.cached is not None and content_dir / post.cached.path != assigned[key]:
            posts[key] = reconvert(post)
        elif post.staged is not None and (content_dir / post.wanted != assigned[key]  # it names another slug
                                          or assigned[key] not in index.get(key, [assigned[key]])):  # or was renamed
            discard(post.staged.file)  # its history is in its old file, which the worker did not read
            posts[key] = reconvert(post)
    batch = AtomicBatch()
    actions: dict[tuple[str, int], tuple[str, Delta | None]] = {}
    holders = {path: posts.get(key) for key, path in assigned.items()}
    elsewhere: list[Ready] = []  # renamed, as a post at another address upstream holds their slug
    try:
        for key, post in sorted(posts.items()):
            wanted = content_dir / post.wanted
            if assigned[key] != wanted:
                _clash(post, assigned[key], wanted, holders.get(wanted), elsewhere, result)
            actions[key] = _stage(post, key, assigned[key], content_dir, index, batch, options, result)
        batch.commit()
    except BaseException:
        batch.abandon()
        raise
    if elsewhere:
        first = elsewhere[0]
        result.notes.append(f"{len(elsewhere)} posts share a slug with a post at another address or in another "
                            f"language upstream (first: {first.item.place}); each is saved as <slug>-<id>")
    entries = {}
    kept = {key for key, (action, _) in actions.items() if action == KEPT}
    now_used = set(assigned.values())
    for key, post in sorted(posts.items()):
        if key in kept:  # its old file stays as it was, where it was
            continue
        path = assigned[key]
        for stale in index.get(key, []):  # the new file is in place before the old one goes
            if stale not in now_used:  # (another post may have just been written there)
                remove_document(stale)
        entries[post.fingerprint] = _entry(post, key, path, content_dir)
        action, delta = actions[key]
        result.posts.append(PostReport(post.item.file, key[1], key[0], path.relative_to(content_dir).as_posix(),
                                       action, post.losses))
        if options.now:
            result.changes.extend(_change(post, key, path, action, delta, index, content_dir))
    _missing(index, set(posts) | failed | kept, content_dir, options, result)
    if options.now:
        _record(content_dir, options, result)
    return entries


def _clash(post: Ready, path: Path, wanted: Path, holder: Ready | None, elsewhere: list[Ready],
           result: ImportResult) -> None:
    """A post renamed because another holds its slug: a note when the two have different addresses upstream,
    as WordPress allows that (pages under different parents, translations) and both are kept and linked, or are
    in two languages (WPML and Polylang let each language's translation keep the slug, under its own address,
    which a database dump's permalinks do not give), or are under two parents (a plugin's hierarchical type, whose
    addresses a dump does not give: an event's "event-details" page under each of 18 events); a problem when they
    have one address (the same page twice) or either has none."""
    (own, own_language, own_parent), (other, other_language, other_parent) = (_upstream(post, path),
                                                                           _upstream(holder, wanted))
    if ((own and other and (_address(own) != _address(other) or own_language != other_language))
            or own_parent != other_parent):
        elsewhere.append(post)
    else:
        result.problems.append(post.item.problem("slug", f"{wanted.stem!r} is taken by another post; "
                                                         f"saved as {path.stem!r}"))


def _upstream(post: Ready | None, file: Path) -> tuple[str, str, int]:
    """The post's address upstream, its language and its parent's id: from its conversion, else from its file (a
    post this import did not convert, or one from outside it); "" and 0 where it has none or the file cannot be
    read."""
    if post is not None and post.document is not None:
        return post.document.source.url, post.document.language, post.document.source.parent
    try:
        document = loads(file.read_text(encoding="utf-8"))
    except (ItemError, OSError, UnicodeDecodeError):
        return "", "", 0
    return document.source.url, document.language, document.source.parent


def _address(url: str) -> str:
    return url.rstrip("/").lower()


def _record(content_dir: Path, options: ImportOptions, result: ImportResult) -> None:
    try:
        result.history_written = history.append(content_dir, options.now, result.changes, options.history)
    except history.HistoryError as e:  # a log edited by hand is the user's to mend, not ours to overwrite
        result.problems.append(Problem(str(e.path), message=f"{e.message}; this run's changes were not recorded"))


def _post_key(post: Ready) -> tuple[str, int]:
    if post.cached is not None:
        return post.cached.type, post.cached.id
    return post.document.type, post.document.source.id


def assign_paths(wanted: dict[tuple[str, int], Path], others: dict[Path, tuple[str, int]]
                 ) -> dict[tuple[str, int], Path]:
    """Each post's file: the one its slug asks for, unless a post outside this import holds it or a
    post with a lower id asks for it too; then `<slug>-<id>`. The same input always gives the same
    files, whatever happened before."""
    taken = set(others)
    assigned: dict[tuple[str, int], Path] = {}
    # Only posts that ask for one path compete, so any fixed order of paths will do: strings sort fastest.
    for key, path in sorted(wanted.items(), key=lambda kv: (str(kv[1]), kv[0][1], kv[0][0])):
        if path not in taken:
            assigned[key] = path
            taken.add(path)
    for key in sorted(set(wanted) - set(assigned)):
        base, n = wanted[key].with_name(f"{wanted[key].stem}-{key[1]}"), 1
        candidate = base.with_suffix(wanted[key].suffix)
        while candidate in taken or candidate in wanted.values():
            n += 1
            candidate = base.with_name(f"{base.name}-{n}{wanted[key].suffix}")
        assigned[key] = candidate
        taken.add(candidate)
    return assigned


def _stage(post: Ready, key: tuple[str, int], path: Path, content_dir: Path,
           index: dict[tuple[str, int], list[Path]], batch: AtomicBatch, options: ImportOptions,
           result: ImportResult) -> tuple[str, Delta | None]:
    if post.cached is not None and content_dir / post.cached.path == path:
        return "unchanged", None
    if post.staged is not None:  # staged for this very file (see place)
        written, delta = batch.adopt(post.staged.file), post.staged.delta
    else:
        document = post.document if post.document.slug == path.stem else replace(post.document, slug=path.stem)
        old = _old_file(path, index.get(key, []))
        try:
            previous = same_post(old, document) if old else None
        except ItemError as e:
            result.problems.append(post.item.problem(e.field, e.message))
            return KEPT, None
        carried, delta = carry(previous, document, run_date(options.now), options.revisions)
        written = batch.write(path, dumps(carried).encode("utf-8"))
    if path not in index.get(key, [path]):
        return "renamed", delta
    return ("updated" if key in index else "new") if written else "unchanged", delta


def _old_file(path: Path, held: list[Path]) -> Path | None:
    """The file that holds a post's history: its own, or the one it is renamed from."""
    return path if path in held or not held else held[0]


def _change(post: Ready, key: tuple[str, int], path: Path, action: str, delta: Delta | None,
            index: dict[tuple[str, int], list[Path]], content_dir: Path) -> list[Change]:
    """The post's line in this run's log, if anything changed."""
    if action == "unchanged" or (action != "new" and delta is None):
        return []
    document = post.document
    name = {"new": "added", "renamed": "renamed"}.get(action, "updated")
    if delta is not None and "restored" in delta.changed:
        name = "restored"
    renamed_from = index[key][0].relative_to(content_dir).as_posix() if action == "renamed" else ""
    change = Change(name, key[0], key[1], path.relative_to(content_dir).as_posix(), document.title,
                    document.updated.isoformat(), renamed_from=renamed_from)
    if delta is not None:
        change = replace(change, changed=delta.changed, added=delta.added, removed=delta.removed, hunks=delta.hunks)
    return [change]


def _missing(index: dict[tuple[str, int], list[Path]], present: set[tuple[str, int]], content_dir: Path,
             options: ImportOptions, result: ImportResult) -> None:
    """Posts of the imported types that the input no longer holds: kept and marked removed upstream,
    or pruned when asked. A post that is in the input but failed to convert is present, not missing."""
    types = {key[0] for key in present}
    unreadable = [p for p in result.problems if not p.item]
    for key, paths in sorted(index.items()):
        if key[0] not in types or key in present:
            continue
        for path in paths:
            if options.prune and not unreadable:
                result.changes.extend(_gone(path, content_dir, "pruned", options.now))
                remove_document(path)
                result.pruned.append(path)
                continue
            result.missing.append(path)
            if options.now and not unreadable and (change := _mark_removed(path, content_dir, options.now)):
                result.removed.append(path)
                result.changes.append(change)
    if options.prune and unreadable and result.missing:
        result.problems.append(Problem("--prune", message=f"nothing pruned: {len(unreadable)} input file(s) "
                                                          "could not be read, so missing posts may not be gone"))


def _mark_removed(path: Path, content_dir: Path, now: str) -> Change | None:
    """Marks a post gone upstream as removed (`mirror.removed`), once. A file that is not as the
    import writes it (edited by hand) is left as it is."""
    try:
        text = path.read_text(encoding="utf-8")
        document = loads(text)
    except (OSError, UnicodeDecodeError, ItemError):
        return None
    if (document.mirror and document.mirror.removed) or dumps(document) != text:
        return None
    mirror = replace(document.mirror or Mirror(first=""), removed=run_date(now))
    write_atomic(path, dumps(replace(document, mirror=mirror)).encode("utf-8"))
    return _gone_change(document, path, content_dir, "removed")


def _gone(path: Path, content_dir: Path, action: str, now: str) -> list[Change]:
    if not now:
        return []
    try:
        document = loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ItemError):
        return []
    return [_gone_change(document, path, content_dir, action)]


def _gone_change(document: Document, path: Path, content_dir: Path, action: str) -> Change:
    return Change(action, document.type, document.source.id, path.relative_to(content_dir).as_posix(),
                  document.title, document.updated.isoformat())


def _entry(post: Ready, key: tuple[str, int], path: Path, content_dir: Path) -> import_cache.Entry:
    stat = path.stat()
    terms = [[t.taxonomy, t.slug, t.name, t.id, t.parent] for t in post.terms]
    return import_cache.Entry(type=key[0], id=key[1], path=path.relative_to(content_dir).as_posix(),
                              wanted=post.wanted,
                              size=stat.st_size, mtime_ns=stat.st_mtime_ns, terms=terms,
                              losses=dict(post.losses.counts), details=post.losses.details,
                              warnings=[list(w) for w in post.warnings])
