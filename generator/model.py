"""The site model: posts, taxonomies, post types and date archives, sorted once, in the order every page
shows them; and how posts relate: previous and next in date order, related by shared terms."""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from generator.config import Taxonomy as TaxonomySetting
from generator.config import default_label
from generator.convert.document import Document, Source, TermRegistry

# Related posts are sought among this many posts on each side of a post in each of its terms' lists,
# so their cost per page stays the same however large the site grows; news relates mostly to news
# of about the same time anyway.
RELATED_WINDOW = 50


@dataclass(frozen=True)
class Term:
    taxonomy: str
    slug: str
    name: str  # the slug when no name is known


@dataclass(frozen=True)
class Post:
    title: str
    slug: str
    type: str
    date: datetime
    updated: datetime
    summary: str
    author: str  # "" when unknown
    body: str  # Markdown
    source: Source
    terms: tuple[Term, ...]  # published taxonomies only, in taxonomy order


@dataclass(frozen=True)
class TermListing:
    term: Term
    posts: tuple[Post, ...]  # newest first


@dataclass(frozen=True)
class Taxonomy:
    name: str
    label: str
    terms: tuple[TermListing, ...]  # by name, then slug


@dataclass(frozen=True)
class PostType:
    name: str
    label: str
    posts: tuple[Post, ...]  # newest first


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    posts: tuple[Post, ...]  # newest first


@dataclass(frozen=True)
class Year:
    year: int
    posts: tuple[Post, ...]  # newest first
    months: tuple[Month, ...]  # newest first


@dataclass(frozen=True)
class Relations:
    """How posts relate, by their positions in Site.posts, so finding relations compares numbers, not posts."""

    older_newer: tuple[tuple[int | None, int | None], ...]  # position -> neighbours of the same type
    terms_of: tuple[frozenset[int], ...]  # position -> numbers of its terms
    posts_of: tuple[tuple[int, ...], ...]  # term number -> positions of its posts, ascending
    times: tuple[float, ...]  # position -> publication instant


@dataclass(frozen=True)
class Site:
    posts: tuple[Post, ...]  # newest first; ties broken by type and slug
    taxonomies: tuple[Taxonomy, ...]
    types: tuple[PostType, ...]  # by name
    years: tuple[Year, ...]  # newest first, by each post's local date
    relations: Relations = field(repr=False, compare=False)


def newest_first(post: Post) -> tuple[float, str, str]:
    return (-post.date.timestamp(), post.type, post.slug)


def build_site(documents: Iterable[Document], registry: TermRegistry,
               settings: tuple[TaxonomySetting, ...] | None) -> Site:
    documents = list(documents)
    if settings is None:
        names = sorted({tax for d in documents for tax in d.taxonomies})
        settings = tuple(TaxonomySetting(name, default_label(name)) for name in names)
    order = [s.name for s in settings]
    posts = tuple(sorted((_post(d, registry, order) for d in documents), key=newest_first))
    return Site(posts=posts, taxonomies=tuple(_taxonomy(s, posts) for s in settings),
                types=_types(posts), years=_years(posts), relations=_relations(posts))


def older_and_newer(site: Site, position: int) -> tuple[Post | None, Post | None]:
    """The posts of the same type just before and just after `site.posts[position]` in date order."""
    older, newer = site.relations.older_newer[position]
    return (None if older is None else site.posts[older]), (None if newer is None else site.posts[newer])


def related_posts(site: Site, position: int, limit: int) -> tuple[Post, ...]:
    """Posts sharing the most terms with `site.posts[position]`; ties go to the nearest in time, then the newer."""
    relations = site.relations
    mine = relations.terms_of[position]
    if limit <= 0 or not mine:
        return ()
    candidates: set[int] = set()
    for term in mine:
        positions = relations.posts_of[term]
        at = bisect.bisect_left(positions, position)
        candidates.update(positions[max(0, at - RELATED_WINDOW): at + RELATED_WINDOW + 1])
    candidates.discard(position)
    when = relations.times[position]

    def rank(other: int) -> tuple[int, float, int]:
        return (-len(mine & relations.terms_of[other]), abs(relations.times[other] - when), other)

    return tuple(site.posts[i] for i in heapq.nsmallest(limit, candidates, key=rank))


def _post(document: Document, registry: TermRegistry, order: list[str]) -> Post:
    terms = tuple(dict.fromkeys(_term(registry, taxonomy, slug)
                                for taxonomy in order for slug in document.taxonomies.get(taxonomy, ())))
    return Post(title=document.title, slug=document.slug, type=document.type, date=document.date,
                updated=document.updated, summary=document.summary, author=document.author, body=document.body,
                source=document.source, terms=terms)


def _term(registry: TermRegistry, taxonomy: str, slug: str) -> Term:
    stored = registry.get(taxonomy, slug)
    return Term(taxonomy, slug, stored.name if stored and stored.name else slug)


def _taxonomy(setting: TaxonomySetting, posts: tuple[Post, ...]) -> Taxonomy:
    by_term: dict[Term, list[Post]] = {}
    for post in posts:
        for term in post.terms:
            if term.taxonomy == setting.name:
                by_term.setdefault(term, []).append(post)
    listings = sorted((TermListing(term, tuple(ps)) for term, ps in by_term.items()),
                      key=lambda listing: (listing.term.name.casefold(), listing.term.slug))
    return Taxonomy(setting.name, setting.label, tuple(listings))


def _types(posts: tuple[Post, ...]) -> tuple[PostType, ...]:
    names = sorted({p.type for p in posts})
    return tuple(PostType(name, default_label(name), tuple(p for p in posts if p.type == name)) for name in names)


def _years(posts: tuple[Post, ...]) -> tuple[Year, ...]:
    """Posts are newest first by instant; a post is filed under its own local date, so re-sort by that."""
    local = sorted(posts, key=lambda p: (-p.date.year, -p.date.month, newest_first(p)))
    years = []
    for year, in_year in groupby(local, key=lambda p: p.date.year):
        in_year = tuple(in_year)
        months = tuple(Month(year, month, tuple(ps)) for month, ps in groupby(in_year, key=lambda p: p.date.month))
        years.append(Year(year, in_year, months))
    return tuple(years)


def _relations(posts: tuple[Post, ...]) -> Relations:
    numbers: dict[Term, int] = {}
    terms_of = tuple(frozenset(numbers.setdefault(t, len(numbers)) for t in p.terms) for p in posts)
    posts_of: list[list[int]] = [[] for _ in numbers]
    for position, terms in enumerate(terms_of):
        for term in terms:
            posts_of[term].append(position)
    return Relations(_older_newer(posts), terms_of, tuple(map(tuple, posts_of)),
                     tuple(p.date.timestamp() for p in posts))


def _older_newer(posts: tuple[Post, ...]) -> tuple[tuple[int | None, int | None], ...]:
    result: list[tuple[int | None, int | None]] = [(None, None)] * len(posts)
    by_type: dict[str, list[int]] = {}
    for position, post in enumerate(posts):
        by_type.setdefault(post.type, []).append(position)
    for positions in by_type.values():
        for i, position in enumerate(positions):
            older = positions[i + 1] if i + 1 < len(positions) else None
            result[position] = (older, positions[i - 1] if i > 0 else None)
    return tuple(result)
