"""Read-only views for templates: every URL already computed for the page being rendered.

Templates never see the model, so what a page shows is exactly what its view holds;
that keeps pages reproducible from their inputs, which incremental builds rely on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from markupsafe import Markup

from generator import urls
from generator.config import Config
from generator.language.lists import separator as list_separator
from generator.language.words import Words
from generator.model import (Post, Provenance, Site, Taxonomy, TermListing, older_and_newer, parent_and_children,
                             translations)
from generator.render import updates
from generator.render import text_direction
from generator.render.language_names import native_names
from generator.render.text_direction import same_language
from generator.render.local_dates import Dates
from generator.render.card_views import CardParts, card, card_parts, tags_html, term_names
from generator.render.markdown import RenderedBody
from generator.render.media_views import FeaturedImage, featured_image
from generator.render.offline_links import shown_source
from generator.render.opening_image import same_upload
from generator.render.post_part_views import about_html, nav_html, related_html, terms_html, time_html, toc_html
from generator.render.toc import TocEntry, build_toc

STYLESHEETS = ("css/site.css", "css/code.css")
SEARCH_PAGE = "search.html"
SEARCH_SCRIPTS = ("js/search.js", "search/index.js")  # the client, then the index's manifest, which calls it
BODY_SAMPLE = 4000  # the characters of a body's HTML that tell its direction where the post has no summary
HTML_TAG = re.compile(r"<[^>]*>")
CARD_TERMS = 12  # the terms a post's card in a list names, its first (see Views._list)


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class Translation:
    """A link to the post in another language, named in that language."""

    href: str
    language: str  # its BCP 47 tag
    name: str  # the language's name in itself ("Français")


@dataclass(frozen=True)
class Moment:
    iso: str  # for <time datetime>
    text: str  # for readers: the site's local time with its UTC offset

    @property
    def html(self) -> Markup:
        """The <time> element, to fill into words: page.words.html("updated_on", date=post.updated.html)."""
        return time_html(self)


@dataclass(frozen=True)
class TermGroup:
    label: str
    href: str  # the taxonomy's index
    terms: tuple[Link, ...]


@dataclass(frozen=True)
class PostSummary:
    """A post as other pages show it. It holds nothing made from the post's body, and neither does any view
    but the post's own PostView: an incremental build relies on that to re-render only a post's own page
    when only its body changed (output/edits.py)."""

    title: str
    href: str
    date: Moment
    summary: str
    image: FeaturedImage | None
    direction: str  # "rtl" or "ltr" where the post's text runs otherwise than its site's, else ""
    language: str  # the post's language tag where a multilingual plugin gave it one other than the site's, else ""
    removed: bool  # gone from the source site (the mirror keeps it), which the card says
    # Made only when a template asks for them: the default list.html shows the card alone.
    term_links: _Terms = field(repr=False, compare=False)
    make_card: Callable[[], Markup] = field(repr=False, compare=False)

    @property
    def terms(self) -> tuple[Link, ...]:
        return self.term_links.links

    @property
    def title_direction(self) -> str:
        """The title's `dir`, as its card has it (text_direction.heading_direction)."""
        return text_direction.heading_direction(self.title)

    @property
    def card(self) -> Markup:
        """The post's <li> as the default list.html shows it (render/card_views.py), made from the fields above
        when a template asks for it."""
        return self.make_card()


@dataclass(frozen=True)
class Toc:
    href: str  # "#id"
    text: str
    children: tuple[Toc, ...]


@dataclass(frozen=True)
class RevisionView:
    date: Moment
    summary: str


@dataclass(frozen=True)
class ProvenanceView:
    """Where a post comes from and what the mirror saw happen to it upstream."""

    first: Moment | None  # first mirrored
    last_changed: Moment  # the source's `modified`, as the post's `updated` holds it
    removed: Moment | None  # found gone upstream on or before this day
    latest: RevisionView | None
    earlier: tuple[RevisionView, ...]  # newest first


@dataclass(frozen=True)
class UpdateView:
    """One entry of the Updates page."""

    date: Moment
    kind: str  # added, revised or removed
    label: str  # the kind, for readers
    title: str
    href: str
    summary: str
    title_direction: str = "auto"  # text_direction.heading_direction


@dataclass(frozen=True)
class PostView:
    title: str
    date: Moment
    updated: Moment | None  # only when it differs from the date
    author: str  # "" when unknown
    summary: str
    body_html: str
    toc: tuple[Toc, ...]
    term_groups: tuple[TermGroup, ...]
    source_url: str  # "" when unknown
    older: Link | None  # the previous post of the same type in date order
    newer: Link | None
    related: tuple[PostSummary, ...]
    image: FeaturedImage | None
    # toc, term_groups and related as the default post.html shows them (render/post_part_views.py)
    toc_html: Markup
    terms_html: Markup
    related_html: Markup
    about_html: Markup  # the footer made from source_url and provenance
    provenance: ProvenanceView | None = None  # None for a post without a mirror block
    direction: str = ""  # "rtl" or "ltr" where the post's text runs otherwise than its site's, else ""
    language: str = ""  # the post's language tag where a multilingual plugin gave it one other than the site's
    title_direction: str = "auto"  # the title's `dir`: its words' way where it mixes both (text_direction.py)
    parent: Link | None = None  # the page this one is under, as WordPress nests pages
    children: tuple[Link, ...] = ()  # the pages under this one, by title
    translations: tuple[Translation, ...] = ()  # the post in other languages, by language tag


@dataclass(frozen=True)
class PageView:
    """What every page has: the site's frame and this page's own title and addresses."""

    site_title: str
    site_description: str
    language: str
    direction: str  # "ltr" or "rtl", from the language (render/text_direction.py)
    title: str
    description: str
    canonical: str  # "" when no base_url is configured
    home_href: str
    stylesheets: tuple[str, ...]
    inline_css: str  # for a page that cannot link its stylesheets (404.html); "" otherwise
    nav: tuple[Link, ...]
    feed: Link | None  # the Atom feed for this page; None when the site has no feeds
    search_href: str  # the search page, which the search box in every page's header sends its words to
    nav_html: Markup  # nav as base.html shows it, made once per place (render/post_part_views.py)
    words: Words  # the theme's words in the site's language (language/words.py)
    scripts: tuple[str, ...] = ()  # only the search page has any; the policy of every other page forbids them


def moment(when: datetime, dates: Dates) -> Moment:
    """(A pure function, remembered: a post's date shows on a dozen list pages, and strftime is slow.) Remembered
    by its UTC offset too: one instant at two offsets makes equal datetimes, which would share one Moment, the
    first made (in a process that builds again, the one of the last build)."""
    return _moment(when, when.utcoffset(), dates)


@functools.lru_cache(maxsize=1 << 16)
def _moment(when: datetime, offset: timedelta | None, dates: Dates) -> Moment:
    return Moment(when.isoformat(), dates.moment(when))


def day(when: date, dates: Dates) -> Moment:
    """A UTC date of an import run; it has no time of day to show."""
    return Moment(when.isoformat(), dates.day(when))


@functools.cache
def site_words(config: Config) -> Words:
    """(Remembered: made once per configuration, for its pages and its feeds.)"""
    return Words(config.site.language, config.words)


def has_feeds(config: Config) -> bool:
    """Feeds need absolute URLs, so they exist only when the site's address is known."""
    return bool(config.site.base_url)


class Views:
    """The views of one site's pages. What many pages show alike is made once per build: the frame's links
    once per place a page can link from, what lists show of a post once per post; only the links of a post's
    summary, which depend on the page, are made for each page."""

    def __init__(self, config: Config, site: Site, media: Mapping[str, str]) -> None:
        """`media` maps remote_media.media_key(URL) to each mirrored image (output/stages.mirrored_media)."""
        self.config, self.site, self.media = config, site, media
        self._frames: dict[tuple[str, str], _Frame] = {}
        self._listed: dict[str, _Listed] = {}
        self._far_terms: dict[str, dict[str, _Terms]] = {}  # "../" * depth -> post file -> links
        self.direction = text_direction.of_language(config.site.language)
        self.words = site_words(config)
        self.dates = Dates(config.site.language)
        self._labels = {taxonomy.name: taxonomy.label for taxonomy in site.taxonomies}

    def page(self, link: urls.Linker, title: str, description: str = "", feed: Link | None = None,
             inline_css: str = "", scripts: tuple[str, ...] = ()) -> PageView:
        """The frame of one page; with `inline_css` the page carries its styles instead of linking them, and
        names no canonical address, as it is shown at addresses other than its own (404.html)."""
        config = self.config
        base = config.site.base_url
        frame = self._frame(link)
        return PageView(
            site_title=config.site.title,
            site_description=config.site.description,
            language=config.site.language,
            direction=self.direction,
            title=title,
            description=description or config.site.description,
            canonical=urls.absolute(base, link.page) if base and not inline_css else "",
            home_href=frame.home_href,
            stylesheets=() if inline_css else frame.stylesheets,
            # A stylesheet can never close the <style> element that holds it.
            inline_css=inline_css.replace("</", "<\\/"),
            nav=frame.nav,
            feed=feed or frame.feed,
            search_href=frame.search_href,
            scripts=tuple(link(s) for s in scripts),
            nav_html=frame.nav_html,
            words=self.words,
        )

    def summaries(self, posts: Sequence[Post], link: urls.Linker) -> tuple[PostSummary, ...]:
        # A post's term links are the same from every page at one depth outside the terms' folders (lists by
        # date, other posts' pages), so they are made once for each depth, by the first such page's linker.
        far = self._far_terms.setdefault(link.up, {}) if type(link) is urls.Linker else {}
        summaries = []
        for post in posts:
            shown = self._listed.get(post.file) or self._list(post)
            near = link.top in shown.folders
            terms = None if near else far.get(post.file)
            if terms is None:
                terms = _Terms(link, shown)
                if not near:
                    far[post.file] = terms
            href, image = link(shown.path), featured_image(post.image, self.media, link)
            summaries.append(PostSummary(shown.title, href, shown.date, shown.summary, image, shown.parts.direction,
                                         shown.parts.language, shown.removed, terms,
                                         functools.partial(_card, shown, href, terms, image)))
        return tuple(summaries)

    def post(self, position: int, body: RenderedBody, link: urls.Linker, related: Sequence[Post]) -> PostView:
        """`related` are model.related_posts(site, position, config.build.related_posts), found beforehand so
        that a build can reuse them from its cache."""
        site = self.site
        post = site.posts[position]
        older, newer = older_and_newer(site, position)
        parent, children = parent_and_children(site, position)
        lowest, highest = self.config.build.toc_levels
        toc = tuple(_toc(e) for e in build_toc(body.headings, lowest, highest))
        term_groups = _term_groups(post, site, link)
        shown = self.summaries(related, link)
        source = shown_source(post.source.url)
        found = provenance(post.provenance, post.updated, self.dates, self.words)
        published = moment(post.date, self.dates)
        return PostView(
            title=post.title,
            date=published,
            updated=_later_edit(post, published, self.dates),
            author=post.author,
            summary=post.summary,
            body_html=body.html,
            toc=toc,
            term_groups=term_groups,
            source_url=source,
            older=older and Link(link(urls.post(older)), older.title),
            newer=newer and Link(link(urls.post(newer)), newer.title),
            related=shown,
            image=None if _opens_body(post, body) else featured_image(post.image, self.media, link),
            provenance=found,
            toc_html=toc_html(toc, self.words),
            terms_html=terms_html(term_groups, list_separator(self.config.site.language)),
            related_html=related_html(self.words, [(s.href, self._listed[p.file].parts.title,
                                                    self._listed[p.file].parts.time) for s, p in zip(shown, related)]),
            about_html=about_html(source, found, self.words),
            direction=self._page_direction(post, body),
            language=self._language(post),
            title_direction=text_direction.heading_direction(post.title),
            parent=parent and Link(link(urls.post(parent)), parent.title),
            children=tuple(Link(link(urls.post(child)), child.title) for child in children),
            translations=_translations(translations(site, position), link),
        )

    @functools.cached_property
    def update_events(self) -> tuple[updates.Event, ...]:
        """The events of the Updates page and its feed, found once per build."""
        return updates.events(self.site, self.config.changes.updates, self.words)

    def update_entries(self, events: Sequence[updates.Event], link: urls.Linker) -> tuple[UpdateView, ...]:
        return tuple(UpdateView(day(e.day, self.dates), e.kind, getattr(self.words, f"{e.kind}_kind"), e.post.title,
                                link(urls.post(e.post)), e.summary, text_direction.heading_direction(e.post.title))
                     for e in events)

    def _frame(self, link: urls.Linker) -> _Frame:
        # The frame links to files at most one folder deep, so pages at one depth under one top folder share
        # it; pages with other linkers (absolute ones) are few.
        if type(link) is not urls.Linker:
            return _frame(self.config, self.site, link, self.words)
        place = (link.up, link.top)
        frame = self._frames.get(place)
        if frame is None:
            frame = self._frames[place] = _frame(self.config, self.site, link, self.words)
        return frame

    def _list(self, post: Post) -> _Listed:
        # A card shows the first CARD_TERMS: a post filed under thousands of tags is listed on each of their
        # pages, and a card naming them all made the site grow with their number squared (8,000 tags: 2.5 GB).
        names = term_names([(t.name, self._labels.get(t.taxonomy, t.taxonomy)) for t in post.terms])[:CARD_TERMS]
        terms = tuple((urls.term(t), name) for t, name in zip(post.terms, names))
        when = moment(post.date, self.dates)
        shown = self._listed[post.file] = _Listed(
            post.title, urls.post(post), when, post.summary, terms,
            frozenset(path.split("/")[0] + "/" for path, _ in terms),
            card_parts(post.title, when.iso, when.text, post.summary, names, self._direction(post),
                       self._language(post), self.words.removed if post.removed else "",
                       more=len(post.terms) > CARD_TERMS),
            post.removed)
        return shown

    def _direction(self, post: Post) -> str:
        """Of the post's language where a plugin named it (as WordPress set it by the post's locale), else of
        its text."""
        if post.language:
            found = text_direction.of_language(post.language)
            return found if found != self.direction else ""
        return text_direction.differing(f"{post.title} {post.summary}", self.direction)

    def _page_direction(self, post: Post, body: RenderedBody) -> str:
        """As _direction, but a post without a summary (a page, which WordPress gives no excerpt) is judged by its
        body's words too: a title alone ("Home Page" over Persian text) ran the whole page the wrong way."""
        if post.language or post.summary:
            return self._direction(post)
        words = HTML_TAG.sub(" ", body.html[:BODY_SAMPLE])
        return text_direction.differing(f"{post.title} {words}", self.direction)

    def _language(self, post: Post) -> str:
        return "" if same_language(post.language, self.config.site.language) else post.language



def _later_edit(post: Post, published: Moment, dates: Dates) -> Moment | None:
    """The time of update where it is news: later than the publication (a post scheduled ahead was last edited
    before it went out, and WordPress's Post Date block shows the modified date only when it is later), and not
    the same to the minute shown (WordPress saves a post seconds after publishing it, which read "31 December
    2025, 13:55 · updated 31 December 2025, 13:55")."""
    if post.updated <= post.date:
        return None
    updated = moment(post.updated, dates)
    return updated if updated.text != published.text else None


def _translations(found: Sequence[tuple[str, Post]], link: urls.Linker) -> tuple[Translation, ...]:
    names = native_names([language for language, _ in found])
    return tuple(Translation(link(urls.post(other)), language, name) for (language, other), name in zip(found, names))

@dataclass(frozen=True)
class _Frame:
    home_href: str
    stylesheets: tuple[str, ...]
    nav: tuple[Link, ...]
    feed: Link | None  # the site's feed
    search_href: str
    nav_html: Markup


def _opens_body(post: Post, body: RenderedBody) -> bool:
    """Whether the featured image is the one the body opens with, which then shows it alone."""
    return post.image is not None and bool(body.opening_image) and same_upload(post.image.url, body.opening_image)


class _Terms:
    """A post's term links from one page, made when first asked for: as the card's HTML, or as views for a
    template that shows them itself (a post's related posts show neither)."""

    def __init__(self, link: urls.Linker, shown: _Listed) -> None:
        self.link, self.shown = link, shown
        self._hrefs: tuple[str, ...] | None = None
        self._html: str | None = None
        self._links: tuple[Link, ...] | None = None

    @property
    def hrefs(self) -> tuple[str, ...]:
        if self._hrefs is None:
            self._hrefs = tuple([self.link(path) for path, _ in self.shown.terms])
        return self._hrefs

    @property
    def html(self) -> str:
        if self._html is None:
            self._html = tags_html(self.hrefs, self.shown.parts)
        return self._html

    @property
    def links(self) -> tuple[Link, ...]:
        if self._links is None:
            self._links = tuple([Link(href, name) for href, (_, name) in zip(self.hrefs, self.shown.terms)])
        return self._links


def _card(shown: _Listed, href: str, terms: _Terms, image: FeaturedImage | None) -> Markup:
    return card(shown.parts, href, terms.html, image)


@dataclass(frozen=True)
class _Listed:
    """What lists show of a post, with its links as paths from the site's root."""

    title: str
    path: str
    date: Moment
    summary: str
    terms: tuple[tuple[str, str], ...]  # (path, name)
    folders: frozenset[str]  # the top folders of the terms' paths, as Linker.top names them
    parts: CardParts
    removed: bool


def _frame(config: Config, site: Site, link: urls.Linker, words: Words) -> _Frame:
    site_feed = Link(link(urls.FEED), words.fill("atom_feed", title=config.site.title)) if has_feeds(config) else None
    nav = _nav(site, link, words)
    return _Frame(link(urls.home()), tuple(link(s) for s in STYLESHEETS), nav, site_feed, link(SEARCH_PAGE),
                  nav_html(nav, words))


def provenance(found: Provenance | None, updated: datetime, dates: Dates, words: Words) -> ProvenanceView | None:
    if found is None:
        return None
    revisions = tuple(RevisionView(day(r.date, dates), updates.revision_summary(r, words)) for r in found.revisions)
    return ProvenanceView(first=day(found.first, dates) if found.first else None, last_changed=moment(updated, dates),
                          removed=day(found.removed, dates) if found.removed else None,
                          latest=revisions[0] if revisions else None, earlier=revisions[1:])


def updates_feed(config: Config, link: urls.Linker, words: Words) -> Link | None:
    if not has_feeds(config):
        return None
    return Link(link(updates.FEED), words.fill("atom_feed", title=updates_title(config, words)))


def updates_title(config: Config, words: Words) -> str:
    return f"{config.site.title}: {words.updates}"


def term_feed(config: Config, listing: TermListing, taxonomy: Taxonomy, link: urls.Linker,
              words: Words) -> Link | None:
    if not has_feeds(config):
        return None
    title = words.fill("atom_feed", title=term_listing_title(listing, taxonomy))
    return Link(link(urls.term_feed(listing.term)), title)


def term_listing_title(listing: TermListing, taxonomy: Taxonomy) -> str:
    return f"{taxonomy.label}: {listing.term.name}"


def _nav(site: Site, link: urls.Linker, words: Words) -> tuple[Link, ...]:
    types = tuple(Link(link(urls.post_type(t.name)), t.label) for t in site.types) if len(site.types) > 1 else ()
    taxonomies = tuple(Link(link(urls.taxonomy(t.name)), t.label) for t in site.taxonomies)
    archive = (Link(link(urls.archive()), words.archive),) if site.posts else ()
    changes = (Link(link(updates.page_path(1)), words.updates),) if updates.has_updates(site) else ()
    return types + taxonomies + archive + changes


def _term_groups(post: Post, site: Site, link: urls.Linker) -> tuple[TermGroup, ...]:
    """The post's terms by taxonomy, in the site's order of taxonomies; one pass over the terms."""
    links: dict[str, list[Link]] = {}
    for t in post.terms:
        links.setdefault(t.taxonomy, []).append(Link(link(urls.term(t)), t.name))
    return tuple([TermGroup(taxonomy.label, link(urls.taxonomy(taxonomy.name)), tuple(links[taxonomy.name]))
                  for taxonomy in site.taxonomies if taxonomy.name in links])


def _toc(entry: TocEntry) -> Toc:
    return Toc(f"#{entry.id}", entry.text, tuple([_toc(c) for c in entry.children]))
