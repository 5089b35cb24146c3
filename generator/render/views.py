"""Read-only views for templates: every URL already computed for the page being rendered.

Templates never see the model, so what a page shows is exactly what its view holds;
that keeps pages reproducible from their inputs, which incremental builds rely on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from generator import urls
from generator.config import Config
from generator.model import Post, Site, Taxonomy, TermListing
from generator.render.markdown import RenderedBody
from generator.render.toc import TocEntry, build_toc

STYLESHEETS = ("css/site.css", "css/code.css")


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class Moment:
    iso: str  # for <time datetime>
    text: str  # for readers: the site's local time with its UTC offset


@dataclass(frozen=True)
class TermGroup:
    label: str
    href: str  # the taxonomy's index
    terms: tuple[Link, ...]


@dataclass(frozen=True)
class PostSummary:
    title: str
    href: str
    date: Moment
    summary: str
    terms: tuple[Link, ...]


@dataclass(frozen=True)
class Toc:
    href: str  # "#id"
    text: str
    children: tuple[Toc, ...]


@dataclass(frozen=True)
class PostView:
    title: str
    date: Moment
    updated: Moment | None  # only when it differs from the date
    summary: str
    body_html: str
    toc: tuple[Toc, ...]
    term_groups: tuple[TermGroup, ...]
    source_url: str


@dataclass(frozen=True)
class Pager:
    number: int
    total: int
    newer: str | None
    older: str | None


@dataclass(frozen=True)
class TermCount:
    href: str
    name: str
    count: int


@dataclass(frozen=True)
class PageView:
    """What every page has: the site's frame and this page's own title and addresses."""

    site_title: str
    site_description: str
    language: str
    title: str
    description: str
    canonical: str  # "" when no base_url is configured
    home_href: str
    stylesheets: tuple[str, ...]
    nav: tuple[Link, ...]


def moment(when: datetime) -> Moment:
    offset = when.strftime("%z")
    zone = "UTC" if offset == "+0000" else f"UTC{offset[:3]}:{offset[3:]}"
    return Moment(when.isoformat(), f"{when.day} {when:%B %Y, %H:%M} {zone}")


def page_view(config: Config, site: Site, path: str, title: str, description: str = "") -> PageView:
    link = urls.Linker(path)
    base = config.site.base_url
    return PageView(
        site_title=config.site.title,
        site_description=config.site.description,
        language=config.site.language,
        title=title,
        description=description or config.site.description,
        canonical=urls.absolute(base, path) if base else "",
        home_href=link(urls.home()),
        stylesheets=tuple(link(s) for s in STYLESHEETS),
        nav=tuple(Link(link(urls.taxonomy(t.name)), t.label) for t in site.taxonomies),
    )


def post_view(post: Post, body: RenderedBody, site: Site, path: str) -> PostView:
    link = urls.Linker(path)
    return PostView(
        title=post.title,
        date=moment(post.date),
        updated=moment(post.updated) if post.updated != post.date else None,
        summary=post.summary,
        body_html=body.html,
        toc=tuple(_toc(e) for e in build_toc(body.headings)),
        term_groups=_term_groups(post, site, link),
        source_url=post.source.url,
    )


def post_summaries(posts: Sequence[Post], path: str) -> tuple[PostSummary, ...]:
    link = urls.Linker(path)
    return tuple(PostSummary(p.title, link(urls.post(p)), moment(p.date), p.summary,
                             tuple(Link(link(urls.term(t)), t.name) for t in p.terms)) for p in posts)


def term_counts(taxonomy: Taxonomy, path: str) -> tuple[TermCount, ...]:
    link = urls.Linker(path)
    return tuple(TermCount(link(urls.term(t.term)), t.term.name, len(t.posts)) for t in taxonomy.terms)


def pager(number: int, total: int, path_of_page: Callable[[int], str], path: str) -> Pager:
    link = urls.Linker(path)
    return Pager(number, total,
                 newer=link(path_of_page(number - 1)) if number > 1 else None,
                 older=link(path_of_page(number + 1)) if number < total else None)


def term_listing_title(listing: TermListing, taxonomy: Taxonomy) -> str:
    return f"{taxonomy.label}: {listing.term.name}"


def _term_groups(post: Post, site: Site, link: urls.Linker) -> tuple[TermGroup, ...]:
    groups = []
    for taxonomy in site.taxonomies:
        terms = tuple(Link(link(urls.term(t)), t.name) for t in post.terms if t.taxonomy == taxonomy.name)
        if terms:
            groups.append(TermGroup(taxonomy.label, link(urls.taxonomy(taxonomy.name)), terms))
    return tuple(groups)


def _toc(entry: TocEntry) -> Toc:
    return Toc(f"#{entry.id}", entry.text, tuple(_toc(c) for c in entry.children))
