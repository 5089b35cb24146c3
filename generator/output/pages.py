"""The page plan: every page of the site, with its path, origin, template and key, made one at a time.

A page's views are made only when it is rendered (`Page.context(render_body)`, in a worker process), so
walking the plan to see which paths the site will have, and which of them changed, costs no Markdown
rendering. Each page's key (output/keys.py) is made next to its context from the same values, so what a
page shows and what its key covers are read side by side. Generated pages (lists, indexes, archives) come
before posts and terms, so when two pages claim one path, the one reported is a post or a term, whose slug
a user can change.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timezone
from operator import attrgetter
from typing import Any, TypeVar

from generator import urls
from generator.config import Config
from generator.model import Post, Site, Taxonomy, TermListing
from generator.output.edits import Edits
from generator.output.keys import Keys
from generator.problems import Problem
from generator.render import index_views, updates, views
from generator.render.markdown import RenderedBody

RenderBody = Callable[[Post, str], RenderedBody]  # (post, page path) -> its body's HTML and headings
Item = TypeVar("Item")


@dataclass(frozen=True)
class Origin:
    """Where a page comes from, for messages: the file, item and field a user would change."""

    file: str
    item: str = ""
    field: str = ""

    def problem(self, message: str) -> Problem:
        return Problem(self.file, self.item, self.field, message)

    def page(self, number: int) -> Origin:
        """The origin of page `number` of a paginated list."""
        return Origin(self.file, f"{self.item}, page {number}" if self.item else f"page {number}", self.field)

    def __str__(self) -> str:
        return self.file + (f" ({self.item})" if self.item else "")


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    origin: Origin
    lastmod: datetime | None  # for the sitemap: the latest update of what the page shows
    context: Callable[[RenderBody], dict[str, Any]]
    key: str
    post: Post | None = None  # on a post's page, whose key also covers the links its body looks up
    in_sitemap: bool = True


def plan_pages(site: Site, config: Config, keys: Keys, related: Sequence[tuple[int, ...]], inline_css: str,
               media: Mapping[str, str], only: Edits | None = None) -> Iterator[Page]:
    """Pages in a fixed order; nothing is rendered until a page's context is asked for.
    `related` holds the positions of each post's related posts (model.related_positions); with `only`, just
    the pages that show the edited posts: their own; where titles, summaries or authors changed, the lists,
    neighbours, related posts and families that show those; where times of update changed, the lists and
    indexes whose time in the sitemap they are; where histories changed, every Updates page; where posts
    moved, the list pages whose posts changed, the indexes and the search page, which count them."""
    plan = _Plan(site, config, keys, related, media, only)
    whole = only is None
    lists = whole or bool(plan.shown or plan.lists)  # an edited body shows on its own page alone
    # The indexes show the posts' counts (per year and month, per term), which only moves change; the sitemap
    # gives the time of the latest update of their posts.
    indexes = whole or bool(only and (only.dated or only.moved))
    if lists:
        yield from plan.list_pages(site.posts, urls.home, config.site.title, None, Origin("home page"))
    if whole or only.dated or only.recounted:  # (working out that time reads every post of the taxonomy)
        yield from map(plan.taxonomy_page, site.taxonomies)
    if lists and len(site.types) > 1:
        for post_type in site.types:
            yield from plan.list_pages(post_type.posts, lambda n, name=post_type.name: urls.post_type(name, n),
                                       post_type.label, None, Origin(f"list of post type {post_type.name}"))
    if indexes and site.posts:
        yield plan.archive_page()
    if lists:
        yield from plan.archive_pages()
    yield from plan.updates_pages()
    if whole:
        yield plan.not_found_page(inline_css)
    if whole or only.moved:  # its filters list the terms and their posts
        yield plan.search_page()
    for position in range(len(site.posts)) if whole else sorted(posts_showing(site, related, only)):
        yield plan.post_page(position, site.posts[position])
    if lists:
        for taxonomy in site.taxonomies:
            for listing in taxonomy.terms:
                if plan.wanted(listing.posts) or plan.term_moved(listing):
                    yield from plan.term_pages(taxonomy, listing)


def posts_showing(site: Site, related: Sequence[tuple[int, ...]], edits: Edits) -> set[int]:
    """The positions of the posts whose pages show an edited post: the edited posts themselves, those whose
    neighbours, family or related posts moves changed (`edits.pages`), and for the edited posts whose title,
    summary or author changed, or that moved, their neighbours (each shows the other's title), the pages under
    them (which show their parent's title), their parent (which shows the titles of the pages under it), and
    the posts that have them among their related posts (the parts of a post page's key that name other posts,
    output/keys.py)."""
    found = {i for i, post in enumerate(site.posts) if post.file in edits.files or post.file in edits.pages}
    shown = {i for i in found if site.posts[i].file in edits.shown}
    if not shown:
        return found
    relations = site.relations
    for position in shown:
        found.update(n for n in relations.older_newer[position] if n is not None)
        found.update(relations.children_of[position] if relations.children_of else ())
        parent = relations.parent_of[position] if relations.parent_of else None
        if parent is not None:  # which lists the titles of the pages under it (a moved post's may change)
            found.add(parent)
    found.update(i for i, others in enumerate(related) if not shown.isdisjoint(others))
    return found


def paginate(items: Sequence[Item], per_page: int) -> list[Sequence[Item]]:
    """At least one page, so an empty list still has a page that says so."""
    return [items[i:i + per_page] for i in range(0, len(items), per_page)] or [()]


def page_count(posts: int, per_page: int) -> int:
    """How many pages `paginate` makes of that many posts."""
    return max(1, -(-posts // per_page))


def latest_update(posts: Sequence[Post]) -> datetime | None:
    return max(map(_UPDATED, posts), default=None)


_UPDATED = attrgetter("updated")
_FILE = attrgetter("file")


class PathClaims:
    """Which page has each path; a second page on a path is a problem naming both.

    Paths that differ only in case or Unicode normalisation collide too: they are one file on the
    disks of macOS and Windows, where a reader may open the site.
    """

    def __init__(self, output: str) -> None:
        self.output = output
        self.owners: dict[str, Origin] = {}

    def claim(self, page: Page) -> Problem | None:
        key = unicodedata.normalize("NFC", page.path).casefold()
        owner = self.owners.setdefault(key, page.origin)
        if owner is page.origin:
            return None
        return page.origin.problem(f"would publish to {self.output}/{page.path}, the path of {owner}; left out")


class _Plan:
    """The pages of one site and configuration; each method makes the Page objects of one kind."""

    def __init__(self, site: Site, config: Config, keys: Keys, related: Sequence[tuple[int, ...]],
                 media: Mapping[str, str], only: Edits | None) -> None:
        self.site, self.config, self.keys, self.related, self.only = site, config, keys, related, only
        self.views = views.Views(config, site, media)
        self.words, self.dates = self.views.words, self.views.dates
        # With `only`: the edited posts whose title, summary, author or time of update other pages show, and the
        # list pages whose posts moves changed.
        self.shown = only.listed() if only is not None else frozenset()
        self.lists = only.lists if only is not None else frozenset()
        self.titled = only.titled if only is not None else frozenset()  # what the Updates pages show changed

    def wanted(self, posts: Iterable[Post]) -> bool:
        """Whether a page showing `posts` (summaries, titles) is planned: always in a whole plan."""
        return self.only is None or not self.shown.isdisjoint(map(_FILE, posts))

    def term_moved(self, listing: TermListing) -> bool:
        """Whether moves changed a page of the term's list (and so it is planned, though it may not show them)."""
        count = page_count(len(listing.posts), self.config.build.posts_per_page)
        return bool(self.lists) and any(urls.term(listing.term, n) in self.lists for n in range(1, count + 1))

    def every_update(self) -> bool:
        """Whether every Updates page is planned: in a whole plan, and after a post's history changed, which
        moves the events after its own from page to page."""
        return self.only is None or bool(self.only.histories)

    def page(self, link: urls.Linker, title: str, description: str = "", **extra: Any) -> views.PageView:
        return self.views.page(link, title, description, **extra)

    def _numbered(self, title: str, number: int, total: int) -> str:
        """The title of a list's page past its first: "News (page 2)"; the home list's is the site's title, which
        every page's title ends with, so its tab read "Site (page 2) · Site": it is "Page 2 of 38"."""
        if title == self.config.site.title:
            return self.words.fill("page_of", number=number, total=total)
        return self.words.fill("numbered_page", title=title, number=number)

    def list_pages(self, posts: Sequence[Post], path_of_page: Callable[[int], str], title: str,
                   parent: tuple[str, str] | None, origin: Origin,
                   feed: Callable[[urls.Linker], views.Link | None] | None = None,
                   subnav: Callable[[urls.Linker], tuple[index_views.Counted, ...]] | None = None,
                   key_parts: tuple = ()) -> Iterator[Page]:
        """`key_parts` names what `feed` and `subnav` show, which the key cannot see inside the callables."""
        chunks = paginate(posts, self.config.build.posts_per_page)
        for number, chunk in enumerate(chunks, start=1):
            if not self.wanted(chunk) and not (self.lists and path_of_page(number) in self.lists):
                continue
            path = path_of_page(number)

            def context(_: RenderBody, path: str = path, number: int = number,
                        chunk: Sequence[Post] = chunk) -> dict[str, Any]:
                link = urls.Linker(path)
                page_title = title if number == 1 else self._numbered(title, number, len(chunks))
                return {
                    "page": self.page(link, page_title, feed=feed and feed(link)),
                    "heading": title,
                    "parent": parent and views.Link(link(parent[0]), parent[1]),
                    "subnav": subnav(link) if subnav else (),
                    "posts": self.views.summaries(chunk, link),
                    "pager": index_views.pager(number, len(chunks), path_of_page, link),
                }

            pager = [path_of_page(n) if 1 <= n <= len(chunks) else None for n in (number - 1, number + 1)]
            key = self.keys.page("list.html", path, title, number, len(chunks), parent, pager, key_parts,
                                 self.keys.summaries(chunk))
            yield Page(path, "list.html", origin if number == 1 else origin.page(number), latest_update(chunk),
                       context, key)

    def post_page(self, position: int, post: Post) -> Page:
        path = urls.post(post)

        def context(render_body: RenderBody) -> dict[str, Any]:
            link = urls.Linker(path)
            related = tuple(self.site.posts[i] for i in self.related[position])
            return {"page": self.page(link, post.title, post.summary),
                    "post": self.views.post(position, render_body(post, path), link, related)}

        origin = Origin(f"{self.config.paths.content}/{post.file}", field="slug")  # the file it was read from
        return Page(path, "post.html", origin, post.updated, context, self.keys.post(position, path), post)

    def taxonomy_page(self, taxonomy: Taxonomy) -> Page:
        path = urls.taxonomy(taxonomy.name)

        def context(_: RenderBody) -> dict[str, Any]:
            link = urls.Linker(path)
            return {"page": self.page(link, taxonomy.label), "terms": index_views.term_counts(taxonomy, link)}

        posts = [p for listing in taxonomy.terms for p in listing.posts]
        counts = [(urls.term(t.term), t.term.name, len(t.posts)) for t in taxonomy.terms]
        key = self.keys.page("taxonomy.html", path, taxonomy.label, counts)
        return Page(path, "taxonomy.html", Origin(f"index of taxonomy {taxonomy.name}"), latest_update(posts),
                    context, key)

    def term_pages(self, taxonomy: Taxonomy, listing: TermListing) -> Iterator[Page]:
        term = listing.term
        origin = Origin(f"{self.config.paths.content}/terms.yaml", f"{taxonomy.wordpress_name}/{term.slug}", "slug")
        yield from self.list_pages(
            listing.posts, lambda n: urls.term(term, n), views.term_listing_title(listing, taxonomy),
            (urls.taxonomy(taxonomy.name), taxonomy.label), origin,
            feed=lambda link: views.term_feed(self.config, listing, taxonomy, link, self.words),
            key_parts=("term feed", urls.term_feed(term)))

    def archive_pages(self) -> Iterator[Page]:
        """The list pages of each year and month."""
        archive = (urls.archive(), self.words.archive)
        for year in self.site.years:
            months = [(m.month, len(m.posts)) for m in year.months]
            yield from self.list_pages(year.posts, lambda n, y=year.year: urls.year(y, n), str(year.year), archive,
                                       Origin(f"date archive {year.year}"),
                                       subnav=lambda link, y=year: index_views.month_links(y, link, self.dates),
                                       key_parts=("months", months))
            for month in year.months:
                yield from self.list_pages(
                    month.posts, lambda n, m=month: urls.month(m.year, m.month, n),
                    self.dates.month(month.year, month.month), (urls.year(year.year), str(year.year)),
                    Origin(f"date archive {month.year}/{month.month:02d}"))

    def archive_page(self) -> Page:
        """The index of years and months, with their counts."""
        path = urls.archive()

        def context(_: RenderBody) -> dict[str, Any]:
            link = urls.Linker(path)
            return {"page": self.page(link, self.words.archive),
                    "years": index_views.archive_years(self.site.years, link, self.dates)}

        counts = [(y.year, len(y.posts), [(m.month, len(m.posts)) for m in y.months]) for y in self.site.years]
        return Page(path, "archive.html", Origin("date archive"), latest_update(self.site.posts), context,
                    self.keys.page("archive.html", path, counts))

    def updates_pages(self) -> Iterator[Page]:
        """What changed upstream, newest first (render/updates.py); only in a site whose posts have provenance."""
        every = self.every_update()
        # (Only posts with a history have events there.)
        if not updates.has_updates(self.site) or not (every or updates.has_events(self.site, self.titled)):
            return
        chunks = paginate(self.views.update_events, self.config.build.posts_per_page)
        origin = Origin("updates page")
        for number, chunk in enumerate(chunks, start=1):
            if not every and self.titled.isdisjoint(e.post.file for e in chunk):
                continue
            path = updates.page_path(number)

            def context(_: RenderBody, path: str = path, number: int = number,
                        chunk: Sequence[updates.Event] = chunk) -> dict[str, Any]:
                link = urls.Linker(path)
                words = self.words
                title = (words.updates if number == 1
                         else words.fill("numbered_page", title=words.updates, number=number))
                return {"page": self.page(link, title, words.updates_intro,
                                          feed=views.updates_feed(self.config, link, words)),
                        "heading": words.updates, "updates": self.views.update_entries(chunk, link),
                        "pager": index_views.pager(number, len(chunks), updates.page_path, link)}

            key = self.keys.page("updates.html", path, number, len(chunks), self.keys.events(chunk))
            newest = datetime.combine(chunk[0].day, time(), timezone.utc) if chunk else None
            yield Page(path, "updates.html", origin if number == 1 else origin.page(number), newest, context, key)

    def search_page(self) -> Page:
        """The page that runs search (static/js/search.js), with a filter for each taxonomy; the words and
        filters come in its address, so the search box of any page, and any bookmark, can fill it."""
        path = views.SEARCH_PAGE
        filters = index_views.search_filters(self.site)

        def context(_: RenderBody) -> dict[str, Any]:
            link = urls.Linker(path)
            return {"page": self.page(link, self.words.search, scripts=views.SEARCH_SCRIPTS), "filters": filters}

        key = self.keys.page("search.html", path, views.SEARCH_SCRIPTS, [
            (f.name, f.label, [(c.value, c.text) for c in f.choices]) for f in filters])
        return Page(path, "search.html", Origin("search page"), None, context, key, in_sitemap=False)

    def not_found_page(self, inline_css: str) -> Page:
        path = urls.NOT_FOUND

        def context(_: RenderBody) -> dict[str, Any]:
            base = self.config.site.base_url
            # GitHub Pages shows this page at the address of whatever was missing, at any depth,
            # so its links are absolute when the site's address is known, and its styles inline.
            link = urls.AbsoluteLinker(path, base) if base else urls.Linker(path)
            return {"page": self.page(link, self.words.not_found, inline_css=inline_css)}

        key = self.keys.page("404.html", path, inline_css)
        return Page(path, "404.html", Origin("404 page"), None, context, key, in_sitemap=False)
