"""The import pipeline: saved WordPress JSON -> raw items -> Documents and terms -> content/."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator import __version__
from generator.convert.batch import Failure, convert_all
from generator.convert.context import Losses, Media
from generator.convert.document import Document, Term, TermRegistry
from generator.convert.wp_post import Lookups, embedded_terms, to_media, to_term, to_user
from generator.problems import ItemError, Problem
from generator.sources import wp_json
from generator.sources.wp_json import RawItem, read_items
from generator.store.documents import document_path, read_index, remove_document, write_document
from generator.store import import_cache
from generator.store.files import remove_stale_temporaries
from generator.store.terms import read_terms, write_terms


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


def run_import(sources: Sequence[Path], content_dir: Path, options: ImportOptions = ImportOptions()) -> ImportResult:
    items, problems = read_items(sources)
    registry, term_problems = read_terms(content_dir)
    result = ImportResult(problems=problems + term_problems)
    lookups = _lookups(items, registry, result)
    posts = _latest_posts(items, options, result)
    cache = import_cache.load(content_dir)
    ready = _convert(posts, items, lookups, registry, cache, content_dir, options, result)
    remove_stale_temporaries(content_dir)
    import_cache.save(content_dir, _place(ready, content_dir, options, result), cache)
    result.terms_written = write_terms(content_dir, registry)
    return result


def _convert(posts: list[RawItem], items: list[RawItem], lookups: Lookups, registry: TermRegistry,
             cache: dict[str, import_cache.Entry], content_dir: Path, options: ImportOptions,
             result: ImportResult) -> list[Ready]:
    """Every post as a Document, except those whose file the cache vouches for: they are not parsed."""
    context = import_cache.fingerprint(__version__, options.keep_keyword_links,
                                       [i.data for i in items if i.kind != wp_json.POST])
    ready, fresh = [], []
    for item in posts:
        fingerprint = import_cache.fingerprint(context, item.data)
        entry = cache.get(fingerprint)
        if entry is not None and import_cache.still_valid(content_dir, entry):
            ready.append(Ready(item, fingerprint, None, entry, Losses(Counter(entry.losses), entry.details),
                               [Term(*t) for t in entry.terms], [(f, m) for f, m in entry.warnings]))
        else:
            fresh.append((item, fingerprint))
    outcomes = convert_all([item.data for item, _ in fresh], lookups, options.keep_keyword_links, options.workers)
    for (item, fingerprint), outcome in zip(fresh, outcomes):
        if isinstance(outcome, Failure):
            result.problems.append(item.problem(outcome.field, outcome.message))
        else:
            ready.append(Ready(item, fingerprint, outcome.document, None, outcome.losses, outcome.terms,
                               outcome.warnings))
    for post in ready:
        result.problems.extend(post.item.problem(f, m) for f, m in post.warnings)
        for term in post.terms:
            registry.add(term)
    return ready


def _lookups(items: list[RawItem], registry: TermRegistry, result: ImportResult) -> Lookups:
    """Names from this import's responses first (term endpoints, then embedded terms), then what
    content/terms.yaml already knew, so the outcome does not depend on earlier imports."""
    users: dict[int, str] = {}
    media: dict[int, Media] = {}
    taxonomies: dict[str, str] = {}
    terms: dict[tuple[str, int], Term] = {}
    for item in items:
        if item.kind == wp_json.TERM:
            _add_term(registry, terms, item, result)
        elif item.kind == wp_json.USER and (user := to_user(item.data)):
            users[user[0]] = user[1]
        elif item.kind == wp_json.MEDIA and (found := to_media(item.data)):
            media[found[0]] = found[1]
        elif item.kind == wp_json.TAXONOMIES:
            described = [item.data] if "rest_base" in item.data else item.data.values()
            taxonomies.update({t["rest_base"]: t["slug"] for t in described
                               if isinstance(t["rest_base"], str) and isinstance(t["slug"], str)})
    for item in items:
        if item.kind == wp_json.POST:
            for term in embedded_terms(item.data):
                if term.id is not None:
                    terms.setdefault((term.taxonomy, term.id), term)
    for by_slug in registry.terms.values():
        for term in by_slug.values():
            if term.id is not None:
                terms.setdefault((term.taxonomy, term.id), term)
    return Lookups(terms=terms, taxonomies=taxonomies, users=users, media=media)


def _add_term(registry: TermRegistry, terms: dict[tuple[str, int], Term], item: RawItem,
              result: ImportResult) -> None:
    try:
        term = to_term(item.data)
    except ItemError as e:
        result.problems.append(item.problem(e.field, e.message))
        return
    registry.add(term)
    if term.id is not None:
        terms[(term.taxonomy, term.id)] = term


def _latest_posts(items: list[RawItem], options: ImportOptions, result: ImportResult) -> list[RawItem]:
    """Each post once: the copy modified last wins; statuses not asked for are skipped."""
    posts: dict[tuple[Any, Any], RawItem] = {}
    for item in items:
        if item.kind in (wp_json.REVISION, wp_json.COMMENT, wp_json.SITE):
            result.skipped.append(f"{item.file}: item {item.label}: a {item.kind} response, not a post")
        elif item.kind == wp_json.OTHER:
            result.problems.append(item.problem("", "not a WordPress post, term, user or media object "
                                                    "(no id, title and content)"))
        elif item.kind == wp_json.POST:
            ident = item.data.get("id")
            # Without an id there is nothing to match copies by; each such item fails on its own.
            key = (str(item.data.get("type")), ident) if isinstance(ident, int) else (item.file, item.index)
            current = posts.get(key)
            if current is None or str(item.data.get("modified", "")) > str(current.data.get("modified", "")):
                posts[key] = item
    kept = []
    for item in sorted(posts.values(), key=lambda i: (str(i.data.get("type")), str(i.data.get("id")))):
        status = item.data.get("status", "publish")
        if not isinstance(status, str):
            result.problems.append(item.problem("status", f"expected a string, got {type(status).__name__}"))
        elif status in options.statuses:
            kept.append(item)
        else:
            result.skipped.append(f"{item.file}: item {item.label}: status {status!r}")
    return kept


def _place(ready: list[Ready], content_dir: Path, options: ImportOptions,
           result: ImportResult) -> dict[str, import_cache.Entry]:
    """Write each post where it belongs: renames follow slugs, clashes get a suffix, posts missing
    upstream are reported or pruned. Returns the cache entries for the next import."""
    known = {content_dir / r.cached.path: (r.cached.type, r.cached.id) for r in ready if r.cached}
    index = read_index(content_dir, known)  # (type, id) -> the files that hold that post now
    owners = {path: key for key, paths in index.items() for path in paths}
    entries: dict[str, import_cache.Entry] = {}
    for post in sorted(ready, key=_post_key):
        key = _post_key(post)
        if post.cached is not None:
            path, action = content_dir / post.cached.path, "unchanged"
            entries[post.fingerprint] = post.cached
        else:
            path, action = _write_post(post, key, content_dir, index, owners, result)
            entries[post.fingerprint] = _entry(post, key, path, content_dir)
        owners[path] = key
        result.posts.append(PostReport(post.item.file, key[1], key[0], str(path), action, post.losses))
    imported = {_post_key(post) for post in ready}
    types = {key[0] for key in imported}
    for key, paths in sorted(index.items()):
        if key[0] in types and key not in imported:
            for path in paths:
                if options.prune:
                    remove_document(path)
                    result.pruned.append(path)
                else:
                    result.missing.append(path)
    return entries


def _post_key(post: Ready) -> tuple[str, int]:
    if post.cached is not None:
        return post.cached.type, post.cached.id
    return post.document.type, post.document.source.id


def _write_post(post: Ready, key: tuple[str, int], content_dir: Path, index: dict[tuple[str, int], list[Path]],
                owners: dict[Path, tuple[str, int]], result: ImportResult) -> tuple[Path, str]:
    document = post.document
    path = document_path(content_dir, document)
    if owners.get(path, key) != key:
        document = _with_suffix(document)
        result.problems.append(post.item.problem("slug", f"{path.stem!r} is taken by another post; "
                                                         f"saved as {document.slug!r}"))
        path = document_path(content_dir, document)
    action = "unchanged"
    if write_document(content_dir, document):
        action = "updated" if key in index else "new"
    for stale in (p for p in index.get(key, []) if p != path):  # written first, removed second
        remove_document(stale)
        owners.pop(stale, None)
        action = "renamed"
    return path, action


def _entry(post: Ready, key: tuple[str, int], path: Path, content_dir: Path) -> import_cache.Entry:
    stat = path.stat()
    terms = [[t.taxonomy, t.slug, t.name, t.id, t.parent] for t in post.terms]
    return import_cache.Entry(type=key[0], id=key[1], path=path.relative_to(content_dir).as_posix(),
                              size=stat.st_size, mtime_ns=stat.st_mtime_ns, terms=terms,
                              losses=dict(post.losses.counts), details=post.losses.details,
                              warnings=[list(w) for w in post.warnings])


def _with_suffix(document: Document) -> Document:
    """Two posts with one slug both keep their place: the later one gets its id appended."""
    return replace(document, slug=f"{document.slug}-{document.source.id}")
