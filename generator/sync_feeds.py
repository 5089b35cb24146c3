"""Sync's fallback for a site whose REST API is closed to visitors or gone: its posts read from its feeds, and from
their pages where a feed gives only their summary (sources/wp_live_feeds.py), into the source's raw store, from
which sync imports them as it imports the API's posts.

A feed lists a site's latest posts, not all of them: nothing is ever taken for removed from one. Its pages are read
newest first until one past the last (a first sync, `--full`, or one after an incomplete read), else until a page
holds no post that is new or changed since the last sync; after a sync, the feed is read in the order of the posts'
last edits too (`orderby=modified`), which brings an edited older post to its first page. Each item the feed gave is
kept beside the post (`raw/feed-items/`), so that an unchanged item costs no request for its page, and a sync killed
at any moment asks again only for what it had not stored. Each type's sitemap (`raw/sitemap-<type>/`) gives the
posts the feed does not reach and, where it says when each changed (Yoast SEO's, Rank Math's), the edits its items do
not show; a site whose feeds are turned off is read from it alone. The site's pages (WordPress's `page` type), which
no feed holds, come from the addresses its sitemap lists (`raw/sitemap-pages/`), and its sitemaps of tags and
categories tell a post's tags from its categories, which a feed writes alike. A curated source is read from the feeds
that select its posts (a term's, a search's; dates from the items).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from generator.config import SourceConfig
from generator.problems import Problem
from generator.progress import Progress
from generator.sources import feed_pages, wp_live_feeds
from generator.sources.http import Client, FetchError
from generator.sources.static_copy import V2_ROOT
from generator.sources.v2_posts import local_and_utc, with_terms
from generator.sources.wxr_items import synthetic_id
from generator.store.files import unchanged, write_if_changed
from generator.store.sync_state import RawStore, SourceState, TypeState

MAX_PAGES = 500  # a feed's pages read at most (5,000 posts at WordPress's 10 a page): a first sync takes ~5 min
NOTHING_REMOVED = ("nothing is taken for removed: a feed lists the latest posts only, not every post "
                   "(sync --prune removes nothing here)")
CURATED = ("its REST API is closed to visitors, and this source's {} cannot be applied to its feeds (a feed can "
           "select a term's posts, a search's and dates, not leave a term's out nor give posts by id): leave it out, "
           "or ask the site's owner to open /wp/v2 to anonymous reads")


@dataclass
class FedPosts:
    """What reading a source's feeds did."""

    feed: str = ""  # the site's feed of posts
    first: wp_live_feeds.FeedPage | None = None  # its first page, read when it was found
    hosts: set[str] = field(default_factory=set)  # the site's, without `www.`, as given and where its feed is
    tags: frozenset[str] = frozenset()  # the slugs of the site's tags that no category has, from its sitemaps
    types: dict[str, TypeState] = field(default_factory=dict)  # what sync.yaml records per post type
    added: list[tuple[str, int, str]] = field(default_factory=list)  # (type, id, slug)
    updated: list[tuple[str, int, str]] = field(default_factory=list)
    read: int = 0  # items the feeds gave
    site: dict[str, str] = field(default_factory=dict)  # what the site's own feed says of it
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    chosen: Selection = field(default_factory=lambda: Selection())  # what a curated source selects
    fresh: dict[str, tuple[str, int]] = field(default_factory=dict)  # address -> (type, id) of posts the feed read


@dataclass(frozen=True)
class Selection:
    """A curated source's choice as the site's feeds can make it: a feed per term it includes (WordPress's query
    variables `category_name=`, `tag=`, else `taxonomy=` and `term=`), each of its search's posts only (`s=`), and
    dates compared with each item's time of publication (UTC, as the feed gives it)."""

    queries: tuple[tuple[tuple[str, str], ...], ...] = ((),)  # one feed (of each post type) per query
    after: str = ""
    before: str = ""

    def admits(self, post: dict[str, Any]) -> bool:
        published = str(post.get("date_gmt") or "")
        return (not self.after or published > self.after) and (not self.before or published < self.before)

    def older(self, posts: list[dict[str, Any]]) -> bool:
        """Whether there are posts and each was published before `after`."""
        return bool(self.after and posts) and all(str(p.get("date_gmt") or "") <= self.after for p in posts)


TERM_VARIABLES = {"category": "category_name", "post_tag": "tag"}  # WordPress's query variables of its own two


def curation_refused(source: SourceConfig) -> str:
    """Why a source cannot be read from feeds ('' when it can): a feed cannot leave out a term's posts, nor give
    posts by id."""
    named = [key for key in ("exclude", "ids") if getattr(source, key)]
    return CURATED.format(", ".join(named)) if named else ""


def selection(source: SourceConfig) -> Selection:
    """The feeds that give what a source's include, search, after and before select."""
    searched = (("s", source.search),) if source.search else ()
    terms = [((TERM_VARIABLES[taxonomy], slug),) if taxonomy in TERM_VARIABLES else
             (("taxonomy", taxonomy), ("term", slug)) for taxonomy, slugs in source.include for slug in slugs]
    return Selection(tuple(term + searched for term in terms) or (searched,), _utc(source.after),
                     _utc(source.before))


def _utc(moment: str) -> str:
    """A curation's date as the feed's items are dated: `2024-05-01` from its first second."""
    return f"{moment}T00:00:00" if len(moment) == 10 else moment


def read_feeds(client: Client, site: str, post_types: list[str], store: RawStore, earlier: SourceState | None,
               full: bool, dry_run: bool, limit: int = 0, progress: Progress | None = None,
               chosen: Selection = Selection()) -> FedPosts:
    """The posts of the site's feeds (that of each type named, else the site's own; of those `chosen`) into `store`;
    a dry run counts what it would store. `earlier`: the state of the last sync that read these feeds whole; `limit`:
    the newest posts kept per type (0: all); `progress` hears (stage, posts read, posts known of) after each post.
    FetchError where neither a feed nor a sitemap of posts is found: a site whose plugin turned its feeds off is read
    from the pages its sitemaps list (_read_post_sitemap)."""
    curated = chosen != Selection()
    try:
        first: wp_live_feeds.FeedPage | None = wp_live_feeds.find_feed(client, site)
    except FetchError as e:
        if e.status >= 429 or e.unreachable or curated:  # failing, not feedless; a curation needs the feeds' queries
            raise
        first, no_feed = None, e
    fed = FedPosts(feed=first.url if first else "", hosts={_host(site)}, first=first, site=first.site if first else {},
                   chosen=chosen)
    fed.tags = wp_live_feeds.tag_slugs(client, site)
    for post_type in [t for t in post_types or ["post"] if t != "page" or curated]:
        before = earlier.types.get(post_type) if earlier is not None and not full else None
        complete = first is None or all([_read_chosen(client, fed, post_type, store, before, full, dry_run, limit,
                                                      bool(post_types), progress, select) for select in chosen.queries])
        sitemap = "" if curated else _read_post_sitemap(client, fed, site, post_type, store, full, dry_run, progress,
                                                        adding=not limit)
        if first is None and not sitemap:
            continue
        stored = store.stored(post_type)
        dates = [v for v in (_date(store, post_type, i) for i in stored) if v]
        fed.types[post_type] = before if not complete and before is not None else TypeState(
            wp_live_feeds.feed_url(fed.feed, post_type) if first else sitemap, len(stored), max(dates, default=""))
        if not complete and before is None:
            fed.types.pop(post_type)  # read whole next time
        fed.feed = fed.feed or sitemap
    if first is None:
        if not fed.feed:
            raise no_feed
        fed.notes.append(f"it serves no feed ({no_feed.message}): the posts its sitemaps list are read from their "
                         "pages")
    if (not post_types or "page" in post_types) and not curated:
        _read_pages(client, fed, site, store, full, dry_run, progress)
    if not post_types:
        fed.notes.append("the site's own feed holds its posts only: other post types are not read (name them in "
                         "the source's types to read their feeds)" if first else "only its posts and pages are read: "
                         "other post types are not (name them in the source's types to read their sitemaps)")
    fed.notes.append(NOTHING_REMOVED)
    return fed


def _read_pages(client: Client, fed: FedPosts, site: str, store: RawStore, full: bool, dry_run: bool,
                progress: Progress | None) -> None:
    """The site's pages (WordPress's `page` type), which no feed holds, from the addresses its sitemap lists: a page
    is asked for when new, or changed since (where the sitemap says when: Yoast SEO's and Rank Math's do, WordPress's
    own does not, and then an edit is seen by `sync --full`)."""
    sitemap, listed, problems = wp_live_feeds.post_addresses(client, site, "page")
    fed.problems += problems
    if not sitemap:
        fed.notes.append("no sitemap lists the site's pages (wp-sitemap.xml, an SEO plugin's): they are not read")
        return
    fed.read += len(listed)
    for done, (link, lastmod) in enumerate(listed, start=1):
        record = store.raw / "sitemap-pages" / f"{hashlib.sha256(link.encode()).hexdigest()[:20]}.json"
        earlier = _stored_as(record)
        known = earlier is not None and store.holds(*earlier)
        # (A page read before that showed no post, the front page of the latest posts, is not asked for again.)
        held = known or earlier is None
        if (held and unchanged(record, _page_record(earlier, lastmod)) and not full) or not _on_site(fed, link):
            continue
        if dry_run:
            fed.added.append(("page", 0, link)) if not known else fed.updated.append(("page", 0, link))
            continue
        _store_page(client, fed, link, lastmod, record, store, known)
        if progress is not None:
            progress("reading the site's pages", done, len(listed))
    if not problems:
        fed.types["page"] = TypeState(sitemap, len(store.stored("page")))


def _read_post_sitemap(client: Client, fed: FedPosts, site: str, post_type: str, store: RawStore, full: bool,
                       dry_run: bool, progress: Progress | None, adding: bool = True) -> str:
    """What a feed does not show, from the site's sitemap of a post type (WordPress's own, Yoast SEO's, Rank Math's):
    a post is asked for from its page when the sitemap lists it and the store lacks it (older than the feed reaches),
    or when the time it says the post last changed moved since the last sync (an edit past a summary's words, which
    the feed's item does not show; Yoast's and Rank Math's say it, WordPress's own does not), or on `full`. A post the
    feed gave is not asked for: its record takes the sitemap's time. Without `adding` (a source that keeps its newest
    posts only), only the posts the store holds are asked for. The sitemap's address, or '' where there is none."""
    sitemap, listed, problems = wp_live_feeds.post_addresses(client, site, post_type)
    fed.problems += problems
    given = _feed_given(store, post_type) if sitemap else {}
    for done, (link, lastmod) in enumerate(listed, start=1):
        record = store.raw / f"sitemap-{post_type}" / f"{hashlib.sha256(link.encode()).hexdigest()[:20]}.json"
        earlier, from_feed, fresh = _stored_as(record), given.get(_same(link)), fed.fresh.get(_same(link))
        if fresh is not None or (from_feed is not None and not record.exists()):
            if not dry_run:  # (read from the feed: what the sitemap says is what the store holds)
                write_if_changed(record, _page_record(fresh or from_feed[0], lastmod))
            continue
        if not adding and not record.exists():
            continue
        if from_feed is None:  # (one the feed gave was counted as its item)
            fed.read += 1
        if (record.exists() and unchanged(record, _page_record(earlier, lastmod)) and not full) or not _on_site(fed, link):
            continue
        known = earlier is not None and store.holds(*earlier)
        if dry_run:
            (fed.updated if known else fed.added).append((post_type, 0, link))
            continue
        _store_page(client, fed, link, lastmod, record, store, known, from_feed[1] if from_feed else None)
        if progress is not None:
            progress(f"reading the sitemap of {post_type}", done, len(listed))
    return sitemap


def _feed_given(store: RawStore, post_type: str) -> dict[str, tuple[tuple[str, int], dict[str, Any]]]:
    """The posts of a type the feed gave: their address -> the type and id each was stored under, and the item."""
    found = {}
    for path in sorted((store.raw / "feed-items" / post_type).glob("*.json")):
        try:
            record = json.loads(path.read_bytes())
            found[_same(record["item"]["link"])] = ((str(record["stored"][0]), int(record["stored"][1])),
                                                    record["item"])
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            continue
    return found


def _same(link: str) -> str:
    """An address as two lists of a site's posts may both write it: over http or https, with `www.` or without,
    percent-encoded in either case or not at all."""
    parts = urlsplit(link)
    return f"{_host(link)}{unquote(parts.path).rstrip('/')}?{parts.query}"


def _store_page(client: Client, fed: FedPosts, link: str, lastmod: str, record: Path, store: RawStore,
                known: bool, item: dict[str, Any] | None = None) -> None:
    """The post a page the sitemap lists shows, completed by the feed's `item` of it where there is one. A page that is
    not there (404, 410: a sitemap a cache keeps, or a plugin's that lists what it should not) is said once, and not
    asked for again until the sitemap's time for it changes, or `sync --full`."""
    try:
        post, problems = wp_live_feeds.post_from_page(client, link)
    except FetchError as e:
        fed.problems.append(Problem(e.url, message=e.message))
        if e.status in (404, 410):
            write_if_changed(record, _page_record(None, lastmod))
        return
    post = feed_pages.completed(post, item) if post is not None and item is not None else post
    if post is None:  # said once: the record keeps it from being asked for again until it changes
        write_if_changed(record, _page_record(None, lastmod))
        # (The front page, which Yoast SEO lists among the pages, is the latest posts where it is no page.)
        fed.problems += problems if urlsplit(link).path not in ("", "/") else []
        return
    fed.problems += problems
    if lastmod and not post.get("modified") and not post.get("modified_gmt"):
        # (A page that prints no date is dated by the time of its last change, which the sitemap says.)
        post = {**post, **dict(zip(("modified", "modified_gmt"), local_and_utc(lastmod)))}
    stored_as = (str(post.get("type", "page")), int(post["id"]))
    if store.save_post(stored_as[0], post) or not known:
        changed = fed.updated if known else fed.added
        if not any(change[:2] == stored_as for change in changed):  # (a page both sitemaps list, counted once)
            changed.append((*stored_as, str(post.get("slug") or "")))
    write_if_changed(record, _page_record(stored_as, lastmod))


def _page_record(stored_as: tuple[str, int] | None, lastmod: str) -> bytes:
    """What the store keeps of a page the sitemap lists: the type and id its post was stored under (none where the
    page showed none), and when the sitemap said it last changed."""
    return json.dumps({"stored": list(stored_as or ()), "lastmod": lastmod}).encode()


def _read_chosen(client: Client, fed: FedPosts, post_type: str, store: RawStore, before: TypeState | None,
                 full: bool, dry_run: bool, limit: int, named: bool, progress: Progress | None,
                 select: tuple[tuple[str, str], ...]) -> bool:
    """One type's feed of the posts `select` chooses, newest first, and after a sync, last edited first too: an edit
    to a post older than the feed's first page brings it to the top of that order, which WordPress gives when asked
    (`orderby=modified`; a site that ignores the query gives its first page again, which holds nothing new: one
    request). Whether it was read as far as it needed to be."""
    complete = _read_type(client, fed, post_type, store, before, full, dry_run, limit, named, progress, "", select)
    if complete and before is not None:
        problems = len(fed.problems)
        if not _read_type(client, fed, post_type, store, before, full, dry_run, limit, named, progress, "modified",
                          select):
            # An extra the site may refuse (a firewall's rule against queries): said, and the run goes on.
            refused, fed.problems[problems:] = fed.problems[problems:], []
            fed.notes += [f"{p.file}: {p.message.split(': ')[0]}: the feed in the order of the posts' last edits "
                          "cannot be read; an edit to an older post is seen by sync --full" for p in refused[:1]]
    return complete


def _read_type(client: Client, fed: FedPosts, post_type: str, store: RawStore, before: TypeState | None,
               full: bool, dry_run: bool, limit: int, named: bool, progress: Progress | None, order: str = "",
               select: tuple[tuple[str, str], ...] = ()) -> bool:
    """One type's feed, page by page (in `order`, of the posts `select` chooses: feed_url); whether it was read as
    far as it needed to be."""
    count = 0
    try:
        for page in wp_live_feeds.pages(client, fed.first or wp_live_feeds.FeedPage(fed.feed), post_type, MAX_PAGES,
                                        order, select):
            fed.problems += page.problems
            fed.hosts |= {_host(page.served_from)} - {""}  # (a site that moved redirects its feed where it is now)
            if page.problems:
                return False
            if page.mended:
                fed.notes.append(f"{page.url} holds bytes that are not UTF-8, read as \ufffd (as a browser shows them)")
            if page.repeated:
                fed.notes.append(f"{page.url} gave the posts of an earlier page again (a cache in front of the site "
                                 "that ignores the query?): older posts were not read")
            if not order and fed.chosen.older(page.posts):
                return True  # newest first, and every post older than `after`: so are those of later pages
            posts = [post for post in _of_type(fed, post_type, page.posts, named) if fed.chosen.admits(post)]
            posts = posts[:limit - count] if limit else posts
            changed = 0
            for done, post in enumerate(posts, start=count + 1):
                changed += _store(client, fed, post_type, post, store, full, dry_run)
                if progress is not None:  # (how many posts the feed holds in all, it does not say)
                    progress(f"reading the feed of {post_type}", done, count + len(posts))
            count += len(posts)
            if page.end and not count and named:
                fed.notes.append(f"the feed of {post_type} holds no post: is {post_type} a post type of the site?")
            if page.end or (limit and count >= limit) or (before is not None and not changed):
                return True
    except FetchError as e:
        fed.problems.append(Problem(e.url, message=e.message))
        return False
    fed.notes.append(f"the feed of {post_type} has more than {MAX_PAGES} pages: older posts were not read")
    return True


def _of_type(fed: FedPosts, post_type: str, posts: list[dict[str, Any]], named: bool) -> list[dict[str, Any]]:
    """The posts of a type's feed that are of that type, where the source names it: WordPress ignores `post_type=`
    for a type it does not let visitors query (`page`, a plugin's private type) and serves its feed of posts."""
    if not named:
        return posts
    posts = [{**p, "type": post_type} if _untyped(p) else p for p in posts]
    others = sorted({str(p.get("type")) for p in posts if p.get("type") != post_type})
    note = (f"the feed of {post_type} gives posts of {', '.join(others)}, which are left out: the site does not let "
            f"visitors read {post_type} by a query (a type that is not publicly queryable)")
    if others and note not in fed.notes:
        fed.notes.append(note)
    return [p for p in posts if p.get("type") == post_type]


def retagged(post: dict[str, Any], tags: frozenset[str]) -> dict[str, Any]:
    """The feed's post with its categories whose slugs are the site's tags' (`tags`) made tags, as the site shows
    them."""
    embedded = post.get("_embedded") or {}
    groups = {terms[0].get("taxonomy"): terms for terms in embedded.get("wp:term", []) if terms}
    moved = [term for term in groups.get("category", []) if term.get("slug") in tags]
    if not moved:
        return post
    had = {term.get("slug") for term in groups.get("post_tag", [])}
    groups["post_tag"] = groups.get("post_tag", []) + [
        {**term, "taxonomy": "post_tag", "id": synthetic_id("post_tag", term["slug"])} for term in moved
        if term["slug"] not in had]
    groups["category"] = [term for term in groups["category"] if term not in moved]
    found = {key: value for key, value in post.items() if key not in ("categories", "tags", "_links", "_embedded")}
    others = {key: value for key, value in embedded.items() if key != "wp:term"}
    with_terms(found, others, {taxonomy: terms for taxonomy, terms in groups.items() if terms}, V2_ROOT)
    return {**found, "_embedded": others}


def _untyped(post: dict[str, Any]) -> bool:
    """Whether the feed's item names no type: its guid is no `?p=` of a post nor `?post_type=` of another type, but an
    address (a post imported from another site keeps its guid), and the reader of feeds took it for a post."""
    guid = post.get("guid", {}).get("rendered", "") if isinstance(post.get("guid"), dict) else ""
    query = parse_qs(urlsplit(guid.replace("#038;", "&")).query)
    return post.get("type") == "post" and not {"p", "post_type", "page_id"} & query.keys()


def _store(client: Client, fed: FedPosts, post_type: str, item: dict[str, Any], store: RawStore, full: bool,
           dry_run: bool) -> bool:
    """A feed's item into the store, with its page's text where the feed gives only a summary; whether it was new
    or changed. An unchanged item is not stored again, nor its page asked for, unless `full`."""
    fed.read += 1
    item = retagged(item, fed.tags)
    kind, ident = str(item.get("type")), int(item["id"])
    record = store.raw / "feed-items" / kind / f"{ident}.json"
    earlier = _stored_as(record)
    known = store.holds(*(earlier or (kind, ident)))  # (a post first read from its page, as its sitemap listed it)
    if earlier is not None and known and unchanged(record, _record(earlier, item)) and not full:
        return False
    post = item
    link = item.get("link")
    if feed_pages.summary_only(item) and isinstance(link, str) and not dry_run and _on_site(fed, link):
        post = _from_page(client, fed, item)
        if post is None:
            return True  # asked for again next time
    # (Under the page's type and id, where they differ from what the feed's guid said: the page's are WordPress's.)
    stored_as = (str(post.get("type", kind)), int(post.get("id", ident)))
    wrote = dry_run or store.save_post(stored_as[0], post)
    if not dry_run:  # after the post: a sync killed in between asks for its page again
        write_if_changed(record, _record(stored_as, item))
    if isinstance(link, str):
        fed.fresh[_same(link)] = stored_as
    if wrote or not known:
        (fed.updated if known else fed.added).append((kind, ident, str(item.get("slug") or "")))
    return True


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _on_site(fed: FedPosts, link: str) -> bool:
    """Whether a post's page is the site's, to be asked for: a post whose address is another site's story (a plugin
    such as Page Links To sets it) keeps the summary the feed gives, as no page of the site shows more."""
    if _host(link) in fed.hosts:
        return True
    note = ("posts whose address is on another site (a plugin such as Page Links To) keep the summary their feed "
            f"gives: {link}")
    if not any(n.startswith(note.split(": ")[0]) for n in fed.notes):
        fed.notes.append(note)
    return False


def _record(stored_as: tuple[str, int], item: dict[str, Any]) -> bytes:
    """What the store keeps of a feed's item: the item, and the type and id its post was stored under."""
    return json.dumps({"stored": list(stored_as), "item": item}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def _stored_as(record: Path) -> tuple[str, int] | None:
    try:
        kind, ident = json.loads(record.read_bytes())["stored"]
        return str(kind), int(ident)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _from_page(client: Client, fed: FedPosts, item: dict[str, Any]) -> dict[str, Any] | None:
    """The post a summary-only item stands for, from its page (with the item's dates, author and terms where the page
    shows none); the summary itself where the page shows no post the reader knows (as `import` of a copy of the site
    gives it); None where the page could not be fetched."""
    try:
        post, problems = wp_live_feeds.post_from_page(client, item["link"])
    except FetchError as e:
        fed.problems.append(Problem(e.url, message=e.message))
        return None
    fed.problems += problems
    return feed_pages.completed(post, item) if post is not None else item


def _date(store: RawStore, post_type: str, ident: int) -> str:
    try:
        post = json.loads((store.raw / "posts" / post_type / f"{ident}.json").read_bytes())
    except (OSError, ValueError):
        return ""
    return str(post.get("modified_gmt") or post.get("date_gmt") or "") if isinstance(post, dict) else ""


def post_link(store: RawStore) -> Callable[[str, int], str]:
    """A stored post's address on the site, which names it in a line of the summary."""
    def link(post_type: str, ident: int) -> str:
        path = store.raw / "posts" / post_type / f"{ident}.json"
        try:
            found = json.loads(path.read_bytes()).get("link")
        except (OSError, ValueError, AttributeError):
            found = None
        return found if isinstance(found, str) and found else f"{post_type} {ident}"
    return link


def site_words(fed: dict[str, str]) -> dict[str, Any]:
    """What the site's feed says of it (title, tagline, language), as the API's index says it."""
    return {"name": fed.get("title", ""), "description": fed.get("description", ""),
            **({"language": fed["language"]} if fed.get("language") else {}), "namespaces": [], "routes": {}}
