"""The page plan: every page of the site, with its path, template and views, made one at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from generator import urls
from generator.config import Config
from generator.model import Post, Site, Taxonomy, TermListing
from generator.render import views
from generator.render.markdown import RenderedBody


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    context: dict[str, Any]


def plan_pages(site: Site, config: Config, render_body: Callable[[str], RenderedBody]) -> Iterator[Page]:
    """Pages in a fixed order; bodies are rendered as their page is reached, never all at once."""
    yield from _list_pages(site, config, site.posts, urls.home, config.site.title, None)
    for post in site.posts:
        yield _post_page(site, config, post, render_body(post.body))
    for taxonomy in site.taxonomies:
        yield _taxonomy_page(site, config, taxonomy)
        for listing in taxonomy.terms:
            yield from _term_pages(site, config, taxonomy, listing)


def paginate(posts: Sequence[Post], per_page: int) -> list[Sequence[Post]]:
    """At least one page, so an empty list still has a page that says so."""
    return [posts[i:i + per_page] for i in range(0, len(posts), per_page)] or [()]


def _post_page(site: Site, config: Config, post: Post, body: RenderedBody) -> Page:
    path = urls.post(post)
    return Page(path, "post.html", {
        "page": views.page_view(config, site, path, post.title, post.summary),
        "post": views.post_view(post, body, site, path),
    })


def _list_pages(site: Site, config: Config, posts: Sequence[Post], path_of_page: Callable[[int], str],
                title: str, parent: views.Link | None) -> Iterator[Page]:
    chunks = paginate(posts, config.build.posts_per_page)
    for number, chunk in enumerate(chunks, start=1):
        path = path_of_page(number)
        page_title = title if number == 1 else f"{title} (page {number})"
        yield Page(path, "list.html", {
            "page": views.page_view(config, site, path, page_title),
            "heading": title,
            "parent": parent and views.Link(urls.relative(path, parent.href), parent.text),
            "posts": views.post_summaries(chunk, path),
            "pager": views.pager(number, len(chunks), path_of_page, path),
        })


def _taxonomy_page(site: Site, config: Config, taxonomy: Taxonomy) -> Page:
    path = urls.taxonomy(taxonomy.name)
    return Page(path, "taxonomy.html", {
        "page": views.page_view(config, site, path, taxonomy.label),
        "terms": views.term_counts(taxonomy, path),
    })


def _term_pages(site: Site, config: Config, taxonomy: Taxonomy, listing: TermListing) -> Iterator[Page]:
    def path_of_page(number: int) -> str:
        return urls.term(listing.term, number)

    parent = views.Link(urls.taxonomy(taxonomy.name), taxonomy.label)
    title = views.term_listing_title(listing, taxonomy)
    yield from _list_pages(site, config, listing.posts, path_of_page, title, parent)
