"""The site model: posts, taxonomies and terms, sorted once, in the order every page shows them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from generator.config import Taxonomy as TaxonomySetting
from generator.config import default_label
from generator.convert.document import Document, Source, TermRegistry


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
class Site:
    posts: tuple[Post, ...]  # newest first; ties broken by type and slug
    taxonomies: tuple[Taxonomy, ...]


def newest_first(post: Post) -> tuple[float, str, str]:
    return (-post.date.timestamp(), post.type, post.slug)


def build_site(documents: Iterable[Document], registry: TermRegistry,
               settings: tuple[TaxonomySetting, ...] | None) -> Site:
    documents = list(documents)
    if settings is None:
        names = sorted({tax for d in documents for tax in d.taxonomies})
        settings = tuple(TaxonomySetting(name, default_label(name)) for name in names)
    order = [s.name for s in settings]
    posts = sorted((_post(d, registry, order) for d in documents), key=newest_first)
    taxonomies = tuple(_taxonomy(s, posts) for s in settings)
    return Site(posts=tuple(posts), taxonomies=taxonomies)


def _post(document: Document, registry: TermRegistry, order: list[str]) -> Post:
    terms = tuple(_term(registry, taxonomy, slug)
                  for taxonomy in order for slug in document.taxonomies.get(taxonomy, ()))
    return Post(title=document.title, slug=document.slug, type=document.type, date=document.date,
                updated=document.updated, summary=document.summary, author=document.author, body=document.body,
                source=document.source, terms=terms)


def _term(registry: TermRegistry, taxonomy: str, slug: str) -> Term:
    stored = registry.get(taxonomy, slug)
    return Term(taxonomy, slug, stored.name if stored and stored.name else slug)


def _taxonomy(setting: TaxonomySetting, posts: list[Post]) -> Taxonomy:
    by_term: dict[Term, list[Post]] = {}
    for post in posts:
        for term in post.terms:
            if term.taxonomy == setting.name:
                by_term.setdefault(term, []).append(post)
    listings = sorted((TermListing(term, tuple(ps)) for term, ps in by_term.items()),
                      key=lambda listing: (listing.term.name.casefold(), listing.term.slug))
    return Taxonomy(setting.name, setting.label, tuple(listings))
