"""Terms renamed or deleted on a live site since its posts were fetched, brought up to date in the raw store.

WordPress keeps a post's `modified` when one of its terms is renamed, given another slug or deleted, so a sync, which
fetches only the posts modified since the last one, kept the terms each stored post was fetched with: the mirror
showed the old name until every post of the term changed (and two names where some had), and a deleted tag on every
post it had, where an import of the site saved anew shows the site as it is. Each sync asks the site for the terms
its stored posts use (100 ids a request, as names are looked up by id) and writes what changed into the stored
posts' term lists and `_embedded` terms and into the stored name lookups, so the import reads the site's terms as
they are now. The stored posts are read once to find the terms they use; only those that hold a term that changed
are read again to be rewritten (none, in a sync where no term changed: most of them).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.sources import wp_live
from generator.sources.http import Client, FetchError
from generator.sources.wp_live import Site
from generator.store.sync_state import RawStore

SHOWN = ("name", "slug", "link")  # what `_embed` serves of a term that a rename changes
CLASS_PREFIX = {"category": "category-", "post_tag": "tag-"}  # get_post_class's; others: the taxonomy and a dash
OCTET = re.compile(r"%[a-fA-F0-9]{2}")
NOT_IN_CLASS = re.compile(r"[^A-Za-z0-9_-]")
DELETED = "rest_term_invalid"  # WordPress's code for a term that does not exist
MISSING = object()  # what a post's embedded term lacks of SHOWN


@dataclass
class Terms:
    """What the site says of the terms the stored posts use: by id, as now (`now`) and as the posts had them
    (`was`, for their slugs in `class_list`); by rest_base, those deleted since (`gone`)."""

    now: dict[int, dict[str, Any]] = field(default_factory=dict)
    was: dict[int, dict[str, Any]] = field(default_factory=dict)
    gone: dict[str, set[int]] = field(default_factory=dict)


@dataclass
class Uses:
    """What the stored posts hold of terms, gathered in one read of them: the ids in their lists (by rest_base); the
    posts (type, id) that hold each id, in a list or embedded; and what `_embed` showed of each (SHOWN, as the first
    post had it; `varied`, the ids that other posts showed otherwise)."""

    ids: dict[str, set[int]] = field(default_factory=dict)
    holders: dict[int, set[tuple[str, int]]] = field(default_factory=dict)
    shown: dict[int, list[Any]] = field(default_factory=dict)
    varied: set[int] = field(default_factory=set)

    def add(self, post_type: str, post: dict[str, Any], bases: Iterable[str]) -> None:
        key = (post_type, post.get("id"))
        held: set[int] = set()
        for base in bases:
            ids = post.get(base)
            if isinstance(ids, list):
                found = set(filter(_is_id, ids))
                self.ids.setdefault(base, set()).update(found)
                held |= found
        for term in embedded_terms(post):
            held.add(term["id"])
            seen = [term.get(k, MISSING) for k in SHOWN]
            if self.shown.setdefault(term["id"], seen) != seen:
                self.varied.add(term["id"])
        for ident in held:
            self.holders.setdefault(ident, set()).add(key)

    def changed(self, terms: Terms) -> list[tuple[str, int]]:
        """The posts that hold a term that changed (deleted; its slug, which `class_list` shows, another; what
        `_embed` showed of it not what the site serves now), in order: those `_renamed` may rewrite, and a few more."""
        changed = set().union(*terms.gone.values(), self.varied.intersection(terms.now))
        for ident, new in terms.now.items():
            old, seen = terms.was.get(ident), self.shown.get(ident)
            if (old is not None and old.get("slug") != new.get("slug")) or (seen is not None and any(
                    k in new and value != new[k] for k, value in zip(SHOWN, seen))):
                changed.add(ident)
        return sorted(set().union(*(self.holders.get(ident, ()) for ident in changed)))


def refresh_terms(client: Client, site: Site, store: RawStore, post_types: Iterable[str],
                  fetched: Collection[tuple[str, int]]) -> tuple[int, list[FetchError]]:
    """The stored posts' terms as the site has them now: (how many stored posts were rewritten, the requests that
    failed). The posts `fetched` in this run (type, id) came with their terms as they are: only the others' are asked
    for, so a first sync, or one that fetched every post again, asks nothing more. A route the site keeps from
    visitors is passed over: the sync's note on it says what the posts lack."""
    uses, terms = Uses(), Terms()
    for post_type in sorted(set(post_types)):
        for post in _earlier(store, post_type, fetched):
            uses.add(post_type, post, site.taxonomies.values())
            for term in embedded_terms(post):
                terms.was.setdefault(term["id"], term)
    failed = []
    size = site.api.per_page
    for base, ids in sorted(uses.ids.items()):
        asked = sorted(ids)
        for batch in (asked[i:i + size] for i in range(0, len(asked), size)):
            served, whole = set(), True
            for outcome in wp_live.fetch_by_id(client, site, base, batch):
                if isinstance(outcome, FetchError):
                    whole = False
                    if outcome.status not in wp_live.CLOSED_STATUSES:
                        failed.append(outcome)
                    continue
                for term in outcome:
                    if isinstance(term.get("id"), int) and isinstance(term.get("taxonomy"), str):
                        served.add(term["id"])
                        _now(store, base, term, terms)
            # A term asked for by id and not served may have been deleted (WordPress took it off its posts, leaving
            # their modified time), unless the site served terms it was not asked for, as a cache that ignores the
            # query does. WPML and Polylang leave other languages' terms out of a list, so each is asked for at its
            # own address, where only a deleted one is "rest_term_invalid".
            if whole and served <= set(batch):
                for ident in sorted(set(batch) - served):
                    _confirmed(client, site, store, base, ident, terms)
    rewritten = 0
    for post_type, post_id in uses.changed(terms):
        post = store.post(post_type, post_id)
        renamed = _renamed(post, terms, site.taxonomies) if post is not None else None
        if renamed is not None:
            store.save_post(post_type, renamed)
            rewritten += 1
    return rewritten, failed


def _confirmed(client: Client, site: Site, store: RawStore, base: str, ident: int, terms: Terms) -> None:
    """A term a list of terms by id left out, asked for alone: deleted where the site says it does not exist, as
    it is where the site serves it; kept as it was where the answer says neither."""
    url = site.api.url(f"{site.collection(base)}/{ident}")
    try:
        term, _ = wp_live.get_json(client, url)
    except FetchError as e:
        if e.status == 404 and DELETED in e.message:
            terms.gone.setdefault(base, set()).add(ident)
        return
    if isinstance(term, dict) and term.get("id") == ident and isinstance(term.get("taxonomy"), str):
        _now(store, base, term, terms)


def _now(store: RawStore, base: str, term: dict[str, Any], terms: Terms) -> None:
    """A term as the site serves it now, and as an earlier lookup by id stored it (which it replaces)."""
    terms.now[term["id"]] = term
    looked_up = store.lookup(base, term["id"])
    if looked_up is not None:
        terms.was.setdefault(term["id"], looked_up)
        store.save_lookup(base, term)


def embedded_terms(post: dict[str, Any]) -> Iterator[dict[str, Any]]:
    embedded = post.get("_embedded")
    groups = embedded.get("wp:term") if isinstance(embedded, dict) else None
    for group in groups if isinstance(groups, list) else ():
        for term in group if isinstance(group, list) else ():
            if isinstance(term, dict) and isinstance(term.get("id"), int):
                yield term


def _earlier(store: RawStore, post_type: str, fetched: Collection[tuple[str, int]]) -> Iterator[dict[str, Any]]:
    """The stored posts of a type fetched by an earlier sync (whose ids are numbers, as a sync stores them: a file
    edited by hand may hold anything)."""
    return (post for post in store.posts(post_type)
            if _is_id(post.get("id")) and (post_type, post["id"]) not in fetched)


def _renamed(post: dict[str, Any], terms: Terms, bases: dict[str, str]) -> dict[str, Any] | None:
    """The post with its terms as the site has them now: renamed in its embedded terms and its `class_list`,
    deleted ones left out of its lists of term ids (by rest_base) and those two; None when nothing changed. A
    term's id is the site's, one id a term whatever its taxonomy."""
    taxonomies = {base: taxonomy for taxonomy, base in bases.items()}
    changed: dict[str, Any] = {base: [i for i in ids if not (_is_id(i) and i in terms.gone[base])]
                               for base, ids in post.items() if base in terms.gone and isinstance(ids, list)
                               and terms.gone[base].intersection(filter(_is_id, ids))}
    classes = {}
    for base, ids in post.items():
        for ident in filter(_is_id, ids) if base in taxonomies and isinstance(ids, list) else ():
            old, new = terms.was.get(ident), terms.now.get(ident)
            if old is not None and (new is None and ident in terms.gone.get(base, ()) or
                                    new is not None and new.get("slug") != old.get("slug")):
                classes[post_class(taxonomies[base], old)] = post_class(taxonomies[base], new) if new else None
    listed = post.get("class_list")
    if classes and isinstance(listed, (list, dict)):
        changed["class_list"] = _reclassed(listed, classes)
    embedded = post.get("_embedded")
    groups = embedded.get("wp:term") if isinstance(embedded, dict) else None
    new_groups = [_named_now(group, terms, bases) if isinstance(group, list) else group
                  for group in groups] if isinstance(groups, list) else groups
    if new_groups != groups:
        changed["_embedded"] = {**embedded, "wp:term": new_groups}
    changed = {key: value for key, value in changed.items() if value != post.get(key)}
    return {**post, **changed} if changed else None


def post_class(taxonomy: str, term: dict[str, Any]) -> str:
    """The class get_post_class gives a post for a term: `category-news`, `tag-x`, `<taxonomy>-<slug>`; the term's
    id where its slug leaves no class (a slug in another script, whose %-escapes a class drops, or of digits)."""
    slug = NOT_IN_CLASS.sub("", OCTET.sub("", str(term.get("slug", ""))))
    if slug.isdigit() or not slug.strip("-"):
        slug = str(term.get("id"))
    return CLASS_PREFIX.get(taxonomy, f"{taxonomy}-") + slug


def _reclassed(listed: list[Any] | dict[str, Any], classes: dict[str, str | None]) -> list[Any] | dict[str, Any]:
    """`class_list` (a list, or an object where a filter left gaps in PHP's array) with each old class made new."""
    def now(value: Any) -> Any:
        return classes.get(value, value) if isinstance(value, str) else value  # (a saved list may hold anything)

    if isinstance(listed, dict):
        return {key: now(value) for key, value in listed.items() if now(value) is not None}
    return [now(value) for value in listed if now(value) is not None]


def _is_id(value: Any) -> bool:
    """Whether a value of a stored post's term list is a term's id: the lists a site serves may hold anything."""
    return isinstance(value, int) and not isinstance(value, bool)


def _named_now(group: list[Any], terms: Terms, bases: dict[str, str]) -> list[Any]:
    """One taxonomy's embedded terms as the site has them now."""
    shown = []
    for term in group:
        if not isinstance(term, dict) or not _is_id(term.get("id")):
            shown.append(term)
            continue
        if term.get("id") in terms.gone.get(bases.get(str(term.get("taxonomy")), ""), ()):
            continue
        fresh = terms.now.get(term.get("id"))
        if fresh is not None and fresh.get("taxonomy") == term.get("taxonomy"):
            term = {**term, **{k: fresh[k] for k in SHOWN if k in fresh}}
        shown.append(term)
    return shown
