"""Putting converted posts into the content folder: one file per post, renames following slugs,
clashes settled the same way every time, posts gone upstream reported or pruned."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from generator.convert.context import Losses
from generator.convert.document import Document, Term
from generator.import_result import ImportOptions, ImportResult, PostReport
from generator.problems import Problem
from generator.sources.wp_json import RawItem
from generator.store import import_cache
from generator.store.documents import SUFFIX, dumps, read_index, remove_document
from generator.store.files import AtomicBatch, Staged, discard, stage


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
    staged: Staged | None = None  # its file, staged by the worker that converted it; then `document` has no body

    @property
    def wanted(self) -> str:
        if self.cached is not None:
            return self.cached.wanted
        return wanted_file(self.document)


def wanted_file(document: Document) -> str:
    """The file a post's slug asks for, relative to the content folder."""
    return f"{document.type}/{document.slug}{SUFFIX}"


def stage_file(content_dir: Path, document: Document) -> Staged:
    """In the worker that converted the post: its file, staged where its slug puts it (see place)."""
    return stage(content_dir / wanted_file(document), dumps(document).encode("utf-8"))


def place(ready: list[Ready], failed: set[tuple[str, int]], reconvert: Callable[[Ready], Ready],
           content_dir: Path, options: ImportOptions, result: ImportResult) -> dict[str, import_cache.Entry]:
    """Write each post where it belongs: renames follow slugs, clashes get a suffix, posts missing
    upstream are reported or pruned. Returns the cache entries for the next import."""
    known = {content_dir / r.cached.path: (r.cached.type, r.cached.id) for r in ready if r.cached}
    index = read_index(content_dir, known)  # (type, id) -> the files that hold that post now
    posts = {_post_key(post): post for post in ready}
    others = {path: key for key, paths in index.items() if key not in posts for path in paths}
    assigned = assign_paths({key: content_dir / post.wanted for key, post in posts.items()}, others)
    for key, post in posts.items():  # a post whose file is not the one it was made for is converted after all
        if post.cached is not None and content_dir / post.cached.path != assigned[key]:
            posts[key] = reconvert(post)
        elif post.staged is not None and content_dir / post.wanted != assigned[key]:  # it names another slug
            discard(post.staged)
            posts[key] = reconvert(post)
    batch = AtomicBatch()
    actions = {}
    try:
        for key, post in sorted(posts.items()):
            actions[key] = _stage(post, key, assigned[key], content_dir, index, batch, result)
        batch.commit()
    except BaseException:
        batch.abandon()
        raise
    entries = {}
    now_used = set(assigned.values())
    for key, post in sorted(posts.items()):
        path = assigned[key]
        for stale in index.get(key, []):  # the new file is in place before the old one goes
            if stale not in now_used:  # (another post may have just been written there)
                remove_document(stale)
        entries[post.fingerprint] = _entry(post, key, path, content_dir)
        result.posts.append(PostReport(post.item.file, key[1], key[0], path.relative_to(content_dir).as_posix(),
                                       actions[key], post.losses))
    _missing(index, set(posts) | failed, options, result)
    return entries


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
           index: dict[tuple[str, int], list[Path]], batch: AtomicBatch, result: ImportResult) -> str:
    wanted = content_dir / post.wanted
    if path != wanted:
        result.problems.append(post.item.problem("slug", f"{wanted.stem!r} is taken by another post; "
                                                         f"saved as {path.stem!r}"))
    if post.cached is not None and content_dir / post.cached.path == path:
        return "unchanged"
    if post.staged is not None:  # staged for this very file (see place)
        written = batch.adopt(post.staged)
    else:
        document = post.document if post.document.slug == path.stem else replace(post.document, slug=path.stem)
        written = batch.write(path, dumps(document).encode("utf-8"))
    if path not in index.get(key, [path]):
        return "renamed"
    return ("updated" if key in index else "new") if written else "unchanged"


def _missing(index: dict[tuple[str, int], list[Path]], present: set[tuple[str, int]], options: ImportOptions,
             result: ImportResult) -> None:
    """Posts of the imported types that the input no longer holds: reported, or pruned when asked.
    A post that is in the input but failed to convert is present, not missing."""
    types = {key[0] for key in present}
    unreadable = [p for p in result.problems if not p.item]
    for key, paths in sorted(index.items()):
        if key[0] not in types or key in present:
            continue
        if options.prune and not unreadable:
            for path in paths:
                remove_document(path)
                result.pruned.append(path)
        else:
            result.missing.extend(paths)
    if options.prune and unreadable and result.missing:
        result.problems.append(Problem("--prune", message=f"nothing pruned: {len(unreadable)} input file(s) "
                                                          "could not be read, so missing posts may not be gone"))


def _entry(post: Ready, key: tuple[str, int], path: Path, content_dir: Path) -> import_cache.Entry:
    stat = path.stat()
    terms = [[t.taxonomy, t.slug, t.name, t.id, t.parent] for t in post.terms]
    return import_cache.Entry(type=key[0], id=key[1], path=path.relative_to(content_dir).as_posix(),
                              wanted=post.wanted,
                              size=stat.st_size, mtime_ns=stat.st_mtime_ns, terms=terms,
                              losses=dict(post.losses.counts), details=post.losses.details,
                              warnings=[list(w) for w in post.warnings])
