"""Terms renamed on a live site since its posts were fetched, brought up to date in the raw store.

WordPress keeps a post's `modified` when one of its terms is renamed or given another slug, so a sync, which fetches
only the posts modified since the last one, kept the name and slug each stored post was fetched with: the mirror
showed the old name until every post of the term changed (and two names where some had), where an import of the
site saved anew shows the new one. Each sync asks the site for the terms its stored posts use (100 ids a request, as
names are looked up by id) and writes what changed into the stored posts' `_embedded` terms and into the stored name
lookups, so the import reads the site's terms as they are now.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any

from generator.sources import wp_live
from generator.sources.http import Client, FetchError
from generator.sources.wp_live import Site
from generator.store.sync_state import RawStore

SHOWN = ("name", "slug", "link")  # what `_embed` serves of a term that a rename changes


def refresh_terms(client: Client, site: Site, store: RawStore, post_types: Iterable[str],
                  fetched: Collection[tuple[str, int]]) -> tuple[int, list[FetchError]]:
    """The stored posts' terms as the site names them now: (how many stored posts were rewritten, the requests that
    failed). The posts `fetched` in this run (type, id) came with their terms as they are: only the others' are asked
    for, so a first sync, or one that fetched every post again, asks nothing more. A route the site keeps from
    visitors is passed over: the sync's note on it says what the posts lack."""
    types = sorted(set(post_types))
    used: dict[str, set[int]] = {}
    for post_type in types:
        for post in _earlier(store, post_type, fetched):
            for base in site.taxonomies.values():
                ids = post.get(base)
                if isinstance(ids, list):
                    used.setdefault(base, set()).update(i for i in ids if isinstance(i, int) and not isinstance(i, bool))
    now: dict[int, dict[str, Any]] = {}
    failed = []
    for base, ids in sorted(used.items()):
        for outcome in wp_live.fetch_by_id(client, site, base, sorted(ids)):
            if isinstance(outcome, FetchError):
                if outcome.status not in wp_live.CLOSED_STATUSES:
                    failed.append(outcome)
                continue
            for term in outcome:
                if isinstance(term.get("id"), int) and isinstance(term.get("taxonomy"), str):
                    now[term["id"]] = term
                    if store.has_lookup(base, term["id"]):
                        store.save_lookup(base, term)
    rewritten = 0
    for post_type in types:
        for post in _earlier(store, post_type, fetched) if now else ():
            renamed = _renamed(post, now)
            if renamed is not None:
                store.save_post(post_type, renamed)
                rewritten += 1
    return rewritten, failed


def _earlier(store: RawStore, post_type: str, fetched: Collection[tuple[str, int]]) -> Iterator[dict[str, Any]]:
    """The stored posts of a type fetched by an earlier sync."""
    return (post for post in store.posts(post_type) if (post_type, post.get("id")) not in fetched)


def _renamed(post: dict[str, Any], now: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The post with its embedded terms named as `now` names them (term ids are the site's, one id a term whatever
    its taxonomy); None when none changed."""
    embedded = post.get("_embedded")
    groups = embedded.get("wp:term") if isinstance(embedded, dict) else None
    if not isinstance(groups, list):
        return None
    changed = False
    new_groups = []
    for group in groups:
        if not isinstance(group, list):
            new_groups.append(group)
            continue
        terms = []
        for term in group:
            fresh = now.get(term.get("id")) if isinstance(term, dict) else None
            if fresh is not None and fresh.get("taxonomy") == term.get("taxonomy") and any(
                    k in fresh and fresh[k] != term.get(k) for k in SHOWN):
                term = {**term, **{k: fresh[k] for k in SHOWN if k in fresh}}
                changed = True
            terms.append(term)
        new_groups.append(terms)
    if not changed:
        return None
    return {**post, "_embedded": {**embedded, "wp:term": new_groups}}
