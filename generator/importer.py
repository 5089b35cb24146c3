"""The import pipeline: saved WordPress JSON -> raw items -> Documents and terms -> content/."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import astuple, replace
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator import __version__, collector
from generator.convert.addresses import has_host
from generator.convert.batch import Failure, convert_all, convert_one
from generator.convert.context import Losses, Media
from generator.convert.document import Term, TermRegistry
from generator.convert.wp_post import Lookups, embedded_terms, to_media, to_term, to_user
from generator.import_result import ImportOptions, ImportResult, PostReport
from generator.placing import Ready, place, stage_file
from generator.problems import ItemError, Problem
from generator.sources import wp_json
from generator.sources.saved import read_items
from generator.sources.wp_json import RawItem
from generator.store import import_cache
from generator.store.files import remove_stale_temporaries
from generator.store.terms import read_terms, write_terms

__all__ = ["ImportOptions", "ImportResult", "PostReport", "run_import"]


GROUP_FROM = 3  # more items than this with one fault in one file are told in one line


def run_import(sources: Sequence[Path], content_dir: Path, options: ImportOptions = ImportOptions()) -> ImportResult:
    # Not while converting, which may run here and makes a cyclic tree of every post (collector.py).
    with collector.paused():
        items, problems = read_items(sources)
        registry, term_problems = read_terms(content_dir)
        result = ImportResult(problems=problems + term_problems)
        lookups, own_names = _lookups(items, registry, result)
        posts = _latest_posts(items, options, result)
        cache = import_cache.load(content_dir)
    context = import_cache.fingerprint(_converter_version(), options.keep_keyword_links, options.site, own_names)
    result.notes.extend(_hostless(posts, options) + _bodiless(posts))

    def reconvert(post: Ready) -> Ready:
        outcome = convert_one(post.item.data, lookups, options.keep_keyword_links, site=options.site)
        return replace(post, document=outcome.document, cached=None, staged=None)  # converted fine before

    remove_stale_temporaries(content_dir)  # before the workers stage files of their own
    try:
        ready, failed = _convert(posts, context, lookups, registry, cache, content_dir, options, result)
        with collector.paused():
            entries = place(ready, failed, reconvert, content_dir, options, result)
    except BaseException:
        # Whatever stopped the import, the files staged so far go too: a pool cut short never says
        # which files its workers staged, so the folder is searched for them.
        remove_stale_temporaries(content_dir)
        raise
    with collector.paused():
        import_cache.save(content_dir, entries, cache)
        result.terms_written = write_terms(content_dir, registry)
    result.problems = grouped(result.problems)
    return result


def grouped(problems: list[Problem]) -> list[Problem]:
    """One line for many items of one file with one fault (a crawl saved with `?_fields=` lacks the
    content of all its posts), where the first item stands for the others."""
    counts = Counter((p.file, p.field, p.message) for p in problems if p.item)
    kept, said = [], set()
    for problem in problems:
        key = (problem.file, problem.field, problem.message)
        if not problem.item or counts[key] <= GROUP_FROM:
            kept.append(problem)
        elif key not in said:
            said.add(key)
            kept.append(replace(problem, item=f"{problem.item} and {counts[key] - 1} more"))
    return kept


def _hostless(posts: list[RawItem], options: ImportOptions) -> list[str]:
    """Once per import: posts whose address names no host (a crawl saved with hosts stripped) keep
    their root-relative links unless the site's address is given."""
    if has_host(options.site):
        return []
    hostless = [item for item in posts if not _names_host(item.data)]
    if not hostless:
        return []
    first = hostless[0]
    return [f"{len(hostless)} posts have no site address in their link or guid (first: {first.file}, item "
            f"{first.label}), so their relative links stay relative; give the site's address with "
            "`import --site URL` or `[import] site` in the configuration"]


def _bodiless(posts: list[RawItem]) -> list[str]:
    """Custom types often keep everything in fields the REST response does not show: such posts are
    imported with an empty body, which is worth a line, not a problem each."""
    empty = [item for item in posts if isinstance(item.data.get("content"), dict)
             and isinstance(item.data["content"].get("rendered"), str) and not item.data["content"]["rendered"].strip()]
    if not empty:
        return []
    return [f"{len(empty)} posts have an empty body (first: {empty[0].file}, item {empty[0].label}); "
            "they are imported with their title and fields only"]


def _names_host(data: dict[str, Any]) -> bool:
    guid = data.get("guid")
    guid = guid.get("rendered") if isinstance(guid, dict) else guid
    return any(isinstance(url, str) and has_host(url) for url in (data.get("link"), guid))


def _converter_version() -> list[str]:
    """What else decides how an item converts: this code and the libraries that parse and write."""
    package = Path(__file__).parent
    sources = sorted([*(package / "convert").glob("*.py"), *(package / "store").glob("*.py")])
    digest = import_cache.fingerprint(*(p.read_bytes() for p in sources))
    return [__version__, digest, *(version(name) for name in ("markdownify", "beautifulsoup4", "lxml", "PyYAML"))]


def _convert(posts: list[RawItem], context: str, lookups: Lookups, registry: TermRegistry,
             cache: dict[str, import_cache.Entry], content_dir: Path, options: ImportOptions,
             result: ImportResult) -> tuple[list[Ready], set[tuple[str, int]]]:
    """Every post as a Document, except those whose file the cache vouches for: they are not parsed.
    Also returns the posts that failed, which are still in the input."""
    ready, fresh = [], []
    for item in posts:
        fingerprint = import_cache.fingerprint(context, item.data)
        entry = cache.get(fingerprint)
        if entry is not None and import_cache.still_valid(content_dir, entry):
            ready.append(Ready(item, fingerprint, None, entry, Losses(Counter(entry.losses), entry.details),
                               [Term(*t) for t in entry.terms], [(f, m) for f, m in entry.warnings]))
        else:
            fresh.append((item, fingerprint))
    outcomes = convert_all([item.data for item, _ in fresh], lookups, options.keep_keyword_links, options.workers,
                           partial(stage_file, content_dir), options.site)
    failed = set()
    for (item, fingerprint), outcome in zip(fresh, outcomes):
        if isinstance(outcome, Failure):
            result.problems.append(item.problem(outcome.field, outcome.message))
            if isinstance(item.data.get("id"), int):
                failed.add((str(item.data.get("type", "post")), item.data["id"]))
        else:
            ready.append(Ready(item, fingerprint, outcome.document, None, outcome.losses, outcome.terms,
                               outcome.warnings, outcome.finished))
    for post in ready:
        result.problems.extend(post.item.problem(f, m) for f, m in post.warnings)
        for term in post.terms:
            registry.add(term)
    return ready, failed


def _lookups(items: list[RawItem], registry: TermRegistry, result: ImportResult) -> tuple[Lookups, str]:
    """Names from this import's responses first (term endpoints, then embedded terms), then what
    content/terms.yaml already knew; and a digest of this import's own names, for the cache key."""
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
    own = import_cache.fingerprint(sorted((k, astuple(t)) for k, t in terms.items()), sorted(taxonomies.items()),
                                   sorted(users.items()), sorted((k, astuple(m)) for k, m in media.items()))
    for by_slug in registry.terms.values():
        for term in by_slug.values():
            if term.id is not None:
                terms.setdefault((term.taxonomy, term.id), term)
    return Lookups(terms=terms, taxonomies=taxonomies, users=users, media=media), own


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
        if item.kind in wp_json.SKIPPED:
            where = f"{item.file}: item {item.label}" if item.label else item.file
            result.skipped.append(f"{where}: {wp_json.SKIPPED[item.kind]}, not a post")
        elif item.kind == wp_json.OTHER:
            result.problems.append(item.problem("", "not a WordPress post, term, user or media object "
                                                    "(no id, title and content)"))
        elif item.kind == wp_json.POST:
            ident = item.data.get("id")
            # Without an id there is nothing to match copies by; each such item fails on its own.
            key = (str(item.data.get("type", "post")), ident) if isinstance(ident, int) else (item.file, item.index)
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


