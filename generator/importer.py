"""The import pipeline: saved WordPress JSON -> raw items -> Documents and terms -> content/."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.convert.context import Losses, Media
from generator.convert.document import Document, Term, TermRegistry
from generator.convert.wp_post import Lookups, embedded_terms, to_document, to_media, to_term, to_user
from generator.problems import ItemError, Problem
from generator.sources import wp_json
from generator.sources.wp_json import RawItem, read_items
from generator.store.documents import document_path, read_index, remove_document, write_document
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


def run_import(sources: Sequence[Path], content_dir: Path, options: ImportOptions = ImportOptions()) -> ImportResult:
    items, problems = read_items(sources)
    registry, term_problems = read_terms(content_dir)
    result = ImportResult(problems=problems + term_problems)
    lookups = _lookups(items, registry, result)
    posts = _latest_posts(items, options, result)
    converted = []
    for item in posts:
        try:
            outcome = to_document(item.data, lookups, options.keep_keyword_links)
        except ItemError as e:
            result.problems.append(item.problem(e.field, e.message))
            continue
        except Exception as e:  # noqa: BLE001 - one post's bug must not stop the others
            result.problems.append(item.problem("", f"could not be converted ({type(e).__name__}: {e}); "
                                                    "this is a bug in newsmirror, please report it"))
            continue
        result.problems.extend(item.problem(f, m) for f, m in outcome.warnings)
        for term in outcome.terms:
            registry.add(term)
        converted.append((item, outcome.document, outcome.losses))
    _write(converted, content_dir, options, result)
    result.terms_written = write_terms(content_dir, registry)
    return result


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


def _write(converted: list[tuple[RawItem, Document, Losses]], content_dir: Path, options: ImportOptions,
           result: ImportResult) -> None:
    remove_stale_temporaries(content_dir)
    index = read_index(content_dir)  # (type, id) -> the files that hold that post now
    owners = {path: key for key, paths in index.items() for path in paths}
    imported: set[tuple[str, int]] = set()
    for item, document, losses in sorted(converted, key=lambda c: (c[1].type, c[1].source.id)):
        key = (document.type, document.source.id)
        imported.add(key)
        path = document_path(content_dir, document)
        if owners.get(path, key) != key:
            document = _with_suffix(document)
            result.problems.append(item.problem("slug", f"{path.stem!r} is taken by another post; "
                                                        f"saved as {document.slug!r}"))
            path = document_path(content_dir, document)
        owners[path] = key
        old = [p for p in index.get(key, []) if p != path]
        action = "unchanged"
        if write_document(content_dir, document):
            action = "updated" if key in index else "new"
        for stale in old:  # written first, removed second: a kill in between loses nothing
            remove_document(stale)
            owners.pop(stale, None)
            action = "renamed"
        result.posts.append(PostReport(item.file, document.source.id, document.type,
                                       str(path), action, losses))
    types = {key[0] for key in imported}
    for key, paths in sorted(index.items()):
        if key[0] in types and key not in imported:
            for path in paths:
                if options.prune:
                    remove_document(path)
                    result.pruned.append(path)
                else:
                    result.missing.append(path)


def _with_suffix(document: Document) -> Document:
    """Two posts with one slug both keep their place: the later one gets its id appended."""
    return replace(document, slug=f"{document.slug}-{document.source.id}")
