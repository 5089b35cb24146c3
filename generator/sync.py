"""The sync pipeline: live WordPress sites -> a raw store of REST responses -> the import -> content/.

For each source: find the API, list the posts the curation selects (only those modified since
the last sync, when nothing says a post was removed), fetch the new and changed ones in batches
with `_embed`, and keep each as a file in the source's raw store. The source is then imported on
its own by the same code as `newsmirror import`, so a post gives the same Markdown either way, and
the posts of every source are placed in content/. A kill at any moment loses no work: every
stored response is whole, and the next sync fetches only what the store lacks. A site whose REST API is
closed to visitors or gone is read from its feeds and pages instead (sync_feeds.py), into the same store.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from generator import sync_feeds, sync_terms
from generator.config import SourceConfig
from generator.convert.wp_post import type_folder
from generator.import_report import import_summary
from generator.importer import ImportOptions, ImportResult, run_import
from generator.language.words import Overrides
from generator.media_mirror import MediaResult, MediaSettings, media_summary, mirror_media, read_gone, write_gone
from generator.problems import Problem
from generator.progress import Progress
from generator.sources import wp_live
from generator.sources.http import Client, Clock, FetchError, Politeness
from generator.sources.media_fetch import client_fetcher
from generator.sources.wp_live import Listed, Listing, Site
from generator.store import history
from generator.store.documents import read_index
from generator.store.files import remove_stale_temporaries
from generator.store.import_cache import fingerprint
from generator.store.sync_state import (RawStore, SourceState, TypeState, place_posts, read_state,
                                        write_state)

ADDED, UPDATED, REMOVED = "added", "updated", "removed"
PRUNED, RENAMED = "pruned", "renamed"  # actions of content/changes.yaml only
# WordPress compares `modified_after` with the site's local time, in whole seconds, exclusively. Listing
# from a day before the newest post seen covers posts saved in that same second, a fall-back to winter
# time and a change of the site's time zone. It costs a few rows of the listing, not fetches: a post is
# fetched only when its modified_gmt differs from the stored copy's.
OVERLAP = timedelta(days=1)
USERS_HIDDEN = "authors are not named: the site does not show its users to visitors (a security setting)"
HIDDEN = {"users": USERS_HIDDEN,
          "media": "featured images are not shown: the site does not show its media to visitors (a security setting)"}


@dataclass(frozen=True)
class SyncOptions:
    dry_run: bool = False
    full: bool = False  # list every post, not only those modified since the last sync
    keep_keyword_links: bool = False
    language: str = ""  # site.language, for posts that hold several and for labels (ImportOptions.language)
    words: Overrides = ()  # the site's [words] (ImportOptions.words)
    politeness: Politeness = field(default_factory=Politeness)
    clock: Clock = field(default_factory=Clock)
    workers: int | None = None  # for the import; None: one per core
    progress: Progress | None = None  # (stage, done, total) while posts are listed, fetched and converted
    media: MediaSettings | None = None  # mirror the posts' images into content/media/; None: leave them remote
    prune: bool = False  # delete posts removed upstream; by default they are kept and marked removed
    now: str = ""  # the run's UTC time, as ImportOptions.now: what the change log and `mirror:` dates say
    history: int = 50  # runs kept in content/changes.yaml
    revisions: int = 10  # revisions kept in each post's `mirror:`


@dataclass(frozen=True)
class Change:
    action: str  # added, updated, removed
    type: str
    id: int
    slug: str


@dataclass
class SourceResult:
    name: str
    url: str
    selected: int = 0
    upstream: int = 0
    changes: list[Change] = field(default_factory=list)
    removals_deferred: bool = False  # a listing was incomplete, so nothing was taken for removed
    notes: list[str] = field(default_factory=list)  # what the site withholds by its own choice, once each
    stopped: bool = False  # the site or the curation could not be read: nothing was listed
    imported: ImportResult | None = None

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)


@dataclass
class SyncResult:
    sources: list[SourceResult] = field(default_factory=list)
    written: int = 0  # post files written into content/
    removed: int = 0
    state_written: bool = False
    requests: int = 0
    waited: float = 0.0
    media: MediaResult | None = None
    problems: list[Problem] = field(default_factory=list)


def source_from_url(url: str) -> SourceConfig:
    """A source given on the command line, named after its host, port, folder and collection, so that
    a second run with the same URL finds the same raw store, and the sites of a multisite network in
    subfolders of one host find each their own."""
    target = wp_live.parse_source(url)  # ValueError for what is not an http(s) URL
    parts = urlsplit(url)
    # A folder's name and a host's in any script are named by their bytes and punycode (a site given with
    # `/ブログ/` or `/%E3%83%96…/` is one site): letters outside a-z made dashes would name 例え.jp and テスト.jp
    # both "jp", sites whose posts would then be taken for one another's.
    folder = quote(unquote(re.sub(r"(^|/)index\.php$", "", urlsplit(target.site).path.strip("/"))), safe="/")
    words = [re.sub(r"^www\.", "", _ascii_host(parts.hostname or "")), str(parts.port or ""), folder,
             target.rest_base or ""]
    name = re.sub(r"[^a-z0-9_-]+", "-", "-".join(w for w in words if w).lower()).strip("-")
    if len(name) > 64:  # cut, a long name keeps what tells it from another that starts alike
        name = f"{name[:55].rstrip('-')}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"
    return SourceConfig(name=name or "site", url=url)


def _ascii_host(host: str) -> str:
    """The host as DNS knows it: an internationalised name in punycode (`bücher.example`, `xn--bcher-kva.example`)."""
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:  # a label the IDNA 2003 codec refuses: its bytes name it
        return quote(host)


def run_sync(sources: Sequence[SourceConfig], content_dir: Path, options: SyncOptions = SyncOptions()) -> SyncResult:
    states, problems = read_state(content_dir)
    result = SyncResult(problems=problems)
    if not options.dry_run and content_dir.is_dir():
        remove_stale_temporaries(content_dir)  # left by a sync that was killed; the files beside them are whole
    with Client(options.politeness, options.clock) as client:
        for source in (_same_store(s, states) for s in sources):
            found = SourceResult(source.name, source.url)
            result.sources.append(found)
            state = _sync_source(client, source, states.get(source.name), content_dir, options, found, result)
            if state is not None:
                states[source.name] = state
        if options.dry_run:
            result.requests, result.waited = client.requests, client.waited
            return result
        # Logged before the posts are placed: a run killed in between is logged and placed by the next one.
        names = sorted(set(states) | {s.name for s in sources})
        history.append(content_dir, options.now, _once_per_site(result.sources, names, states, content_dir),
                       options.history)
        # By name, whichever sources this run read, so that a clash of slugs is settled the same way every time.
        placed = place_posts(content_dir, names, {name: state.api for name, state in states.items()})
        result.written, result.removed = placed.written, placed.removed
        for source in result.sources:
            if source.imported is not None:
                _name_placed(source.imported, content_dir, source.name, placed.paths)
        result.problems.extend(placed.problems)
        if options.media is not None:  # reads the placed post files and never changes them
            # The sites this content mirrors may be on an intranet; images elsewhere only from public addresses.
            own = {urlsplit(s.url).hostname or "" for s in [*sources, *states.values()]}
            fetch = client_fetcher(client, options.media.max_bytes, own_hosts=own - {""})
            # Images that failed for good in an earlier sync are not asked for again, unless --full.
            gone = {} if options.full else read_gone(content_dir)
            result.media = mirror_media(content_dir, fetch, options.media, progress=options.progress, gone=gone)
            write_gone(content_dir, result.media.gone)
            result.problems.extend(result.media.problems)
        result.requests, result.waited = client.requests, client.waited
    result.state_written = write_state(content_dir, states)
    return result


def _once_per_site(found: list[SourceResult], names: list[str], states: dict[str, SourceState],
                   content_dir: Path) -> list[history.Change]:
    """The run's changes for content/changes.yaml. Two sources of one site whose curations overlap both import
    the posts they share, and place_posts keeps the copy of the first source that still selects such a post:
    only what that copy's source saw is a change to content/, once."""
    imports = {s.name: s.imported for s in found if s.imported is not None}
    seen: dict[tuple[str, str, int], list[tuple[str, history.Change]]] = {}
    for name, imported in sorted(imports.items()):
        api = states[name].api if name in states else ""
        for change in imported.changes:
            seen.setdefault((api, change.type, change.id), []).append((name, change))
    changes = []
    for (api, post_type, post_id), saw in seen.items():
        stores = [RawStore(content_dir, n) for n in names if n in states and states[n].api == api]
        holder = next((store.folder.name for store in stores if store.holds(post_type, post_id)), None)
        changes += _as_placed(saw, holder)
    return changes


def _as_placed(saw: list[tuple[str, history.Change]], holder: str | None) -> list[history.Change]:
    """The change to content/ of a post, from what each source's import saw of it. A post handed from one
    source to another (one curation narrowed, another widened) was in content/ all along: it is no addition,
    at most a rename."""
    if holder is None:  # gone from every source: each saw the same removal
        return list({change.action: change for _, change in reversed(saw)}.values())
    own = [change for name, change in saw if name == holder]
    left = [change for name, change in saw if name != holder and change.action in (REMOVED, PRUNED)]
    if not own or own[0].action != ADDED or not left:
        return own
    if own[0].path == left[0].path:
        return []
    return [replace(own[0], action=RENAMED, renamed_from=left[0].path)]


def _same_store(source: SourceConfig, states: dict[str, SourceState]) -> SourceConfig:
    """A site given by its URL that an earlier version named without its folder keeps the store that
    name holds: under its new name, its posts would all come again, beside the old copies."""
    try:
        own_name = source_from_url(source.url).name
    except ValueError:  # an address _sync_source refuses, with a line that says why
        return source
    if source.name in states or source.name != own_name:
        return source
    earlier = [name for name, state in states.items() if state.url == source.url]
    return replace(source, name=earlier[0]) if len(earlier) == 1 else source


def _sync_source(client: Client, source: SourceConfig, state: SourceState | None, content_dir: Path,
                 options: SyncOptions, found: SourceResult, result: SyncResult) -> SourceState | None:
    """One source from listing to import; returns its new state, or None when it could not be read."""
    site = None
    try:
        target = wp_live.parse_source(source.url)
        site = wp_live.find_site(client, target)
        types, wrong = wp_live.post_types(site, source.types, target.rest_base)
        params, wrong_terms = _filters(client, site, source)
    except FetchError as e:
        if site is None and _api_closed(e):
            return _from_feeds(client, source, target, state, content_dir, options, found, result, e)
        result.problems.append(Problem(e.url, message=e.message))
        found.stopped = True
        return None
    except ValueError as e:  # a [[sources]] url that parse_source refuses (the command line's are refused earlier)
        result.problems.append(Problem(f"source {source.name!r}", message=str(e)))
        found.stopped = True
        return None
    if wrong or wrong_terms:  # a filter that cannot be applied would let in what the curator kept out
        result.problems.extend(Problem(f"source {source.name!r}", message=m) for m in wrong + wrong_terms)
        found.stopped = True
        return None
    types = _with_earlier_types(types, site, state, source, target)
    curation = fingerprint(sorted(params.items()), sorted(types.items()), source.max_posts)[:12]
    store = RawStore(content_dir, source.name)
    unchanged = state is not None and state.curation == curation and not options.full
    previous = store.load_listing() if unchanged else {}
    read = _list_types(client, site, types, params, previous, options, found)
    if site.described_types is None:  # types guessed from the API index: one the site does not serve is none of its
        read = {t: listing for t, listing in read.items() if not (listing.closed and listing.closed.status == 404)
                } or read
    closed = [listing.closed for listing in read.values()]
    if closed and all(closed):  # /wp-json/ answers, but not one collection of posts does: the feeds may
        return _from_feeds(client, replace(source, types=source.types or tuple(types)), target, state, content_dir,
                           options, found, result, closed[0])
    site = replace(site, api=replace(site.api, per_page=min([site.api.per_page] + [r.per_page for r in read.values()])))
    refused = {t: listing.closed for t, listing in read.items()
               if listing.closed is not None and wp_live.route_refused(listing.closed)}
    listings, kept = {}, _types_from_feeds(client, source, target, store, state if unchanged else None, refused,
                                           options, found, result)
    for post_type, listing in [(t, listing) for t, listing in read.items() if t not in refused]:
        kept[post_type] = _fetch_listed(client, site, store, post_type, types[post_type], listing, source,
                                        state.types.get(post_type) if state else None, options, found, result)
        if listing.complete:  # a listing with holes must not be the next sync's baseline: the count may match it
            listings[post_type] = listing.posts
    found.notes += [_withheld_note(site, w) for w in site.withheld]
    if site.embedding.refused:
        found.notes.append(f"the site refuses _embed ({site.embedding.refused}): the authors, terms and featured "
                           "images of its posts were asked for by id instead")
    if options.dry_run:
        return None
    fetched = {(c.type, c.id) for c in found.changes if c.action in (ADDED, UPDATED)}
    renamed, failed = sync_terms.refresh_terms(client, site, store, [t for t in read if t not in refused], fetched)
    result.problems += [Problem(e.url, message=e.message) for e in failed]
    if renamed:
        found.notes.append(f"{renamed} stored posts have terms renamed or deleted on the site since they were fetched "
                           "(their own modified time stays as it was): filed as the site files them now")
    if site.described is not None:  # (a site that withholds them keeps the names an earlier sync read)
        store.save_taxonomies(site.described)
    if site.described_types is not None:
        store.save_types(site.described_types)
    if options.full or not store.site.exists():  # a site's title seldom changes: read once, and on a full sync
        index = wp_live.site_index(client, site.api)
        if index is not None:
            store.save_site(index)
    api = site.api
    found.imported = _import(store, types, lambda kind, i: wp_live.post_url(api, types.get(kind, kind), i),
                             target.site, options, result)
    store.save_listing(listings)
    return SourceState(source.url, site.api.root, curation, kept)


def _api_closed(error: FetchError) -> bool:
    """Whether the site answered that it has no REST API for visitors, closed (401, 403) or gone (404, no API
    index, an HTML page in its place), rather than failing (5xx, 429, no answer), when its feeds may tell more."""
    if error.status:
        return error.status in (401, 403, 404)
    return not (error.unreachable or error.refused or error.too_large)


def _types_from_feeds(client: Client, source: SourceConfig, target: wp_live.Target, store: RawStore,
                      state: SourceState | None, refused: dict[str, FetchError], options: SyncOptions,
                      found: SourceResult, result: SyncResult) -> dict[str, TypeState]:
    """The post types whose collection the site keeps from visitors while it serves the others (a security plugin's
    rule for one route), read from their feeds (sync_feeds.py) into the same store; what sync.yaml records of them.
    `state`: the last sync's, where the curation is the same (a feed read since is then read as far as it changed)."""
    if not refused:
        return {}
    first = next(iter(refused.values()))
    why = sync_feeds.curation_refused(source)
    earlier = {t: kept for t, kept in (state.types.items() if state else ()) if t in refused}
    try:
        if why:
            raise FetchError(first.url, why)
        fed = sync_feeds.read_feeds(client, target.site, sorted(refused), store,
                                    SourceState("", "", "", {t: k for t, k in earlier.items() if "://" in k.rest_base}),
                                    options.full, options.dry_run, source.max_posts, _named(options, found.name),
                                    sync_feeds.selection(source))
    except FetchError as e:
        result.problems += [Problem(error.url, message=f"{error.message}; and not from its feed: {e.message}")
                            for error in refused.values()]
        found.removals_deferred = True
        return earlier
    found.notes.append(f"the posts of {', '.join(sorted(refused))} cannot be listed through its REST API "
                       f"({first.url}: {first.message.split(': ')[0]}): read from their feed instead")
    found.notes += [note for note in fed.notes if note not in found.notes]
    result.problems += fed.problems
    found.changes += [Change(ADDED, *c) for c in fed.added] + [Change(UPDATED, *c) for c in fed.updated]
    found.selected += sum(t.posts for t in fed.types.values()) if not options.dry_run else fed.read
    found.upstream += sum(t.posts for t in fed.types.values()) if not options.dry_run else fed.read
    return {**earlier, **fed.types}


def _with_earlier_types(types: dict[str, str], site: Site, state: SourceState | None, source: SourceConfig,
                        target: wp_live.Target) -> dict[str, str]:
    """The types to read: where they were guessed from the API index (the site withholds /wp/v2/types), with those an
    earlier sync of the same API read, which stay read rather than be taken for removed."""
    if (site.described_types is None and state is not None and state.api == site.api.root and not source.types
            and target.rest_base is None):
        return {**{t: kept.rest_base for t, kept in state.types.items()}, **types}
    return types


def _fetch_listed(client: Client, site: Site, store: RawStore, post_type: str, rest_base: str, listing: Listing,
                  source: SourceConfig, earlier: TypeState | None, options: SyncOptions, found: SourceResult,
                  result: SyncResult) -> TypeState:
    """The posts a type's listing selects, fetched where new or changed; what sync.yaml records of the type."""
    result.problems.extend(listing.problems)
    selected = _newest(listing.posts, source.max_posts)
    found.upstream += listing.total or len(listing.posts)
    found.selected += len(selected)
    found.removals_deferred |= not listing.complete
    _fetch(client, site, store, post_type, rest_base, selected, listing.complete, options, found, result)
    return _type_state(listing, rest_base, selected, earlier)


def _list_types(client: Client, site: Site, types: dict[str, str], params: dict[str, str],
                previous: dict[str, dict[int, Listed]], options: SyncOptions, found: SourceResult) -> dict[str, Listing]:
    """Each post type's listing, in smaller pages once the site has refused 100 a page."""
    read = {}
    for post_type, rest_base in types.items():
        query = site.filtered_for(post_type, params)
        listing = Listing() if query is None else _list(client, site, rest_base, query, previous.get(post_type, {}),
                                                        _stage(options, f"{found.name}: listing {post_type}"))
        if listing.per_page < site.api.per_page:  # the site serves smaller pages: list and fetch in those too
            site = replace(site, api=replace(site.api, per_page=listing.per_page))
        read[post_type] = listing
    return read


def _withheld_note(site: Site, withheld: str) -> str:
    """What the mirror lacks where the site keeps its list of post types or of taxonomies from visitors."""
    types = "/types" in withheld.split(": ")[0]
    what = ("the names of its post types are not known (each is named after its address)" if types else
            "the names of its taxonomies are not known (each is named after its address)")
    return (f"{what}: the site does not show them to visitors ({withheld}); read instead those its API index lists: "
            f"{', '.join(sorted(site.types if types else site.taxonomies))}")


def _from_feeds(client: Client, source: SourceConfig, target: wp_live.Target, state: SourceState | None,
                content_dir: Path, options: SyncOptions, found: SourceResult, result: SyncResult,
                closed: FetchError) -> SourceState | None:
    """A source whose REST API is closed or gone, read from its feeds and pages (sync_feeds.py) into its raw store
    and imported from there as the API's posts are."""
    refused = sync_feeds.curation_refused(source)
    if refused:
        result.problems.append(Problem(closed.url, message=f"{closed.message.split(': ')[0]}: {refused}"))
        found.stopped = True
        return None
    # (A collection's address names its rest_base, which is its type's name but for WordPress's own two.)
    types = list(source.types) or [{"posts": "post", "pages": "page"}.get(b, b) for b in [target.rest_base] if b]
    chosen = sync_feeds.selection(source)
    curated = [] if chosen == sync_feeds.Selection() else [repr(chosen)]  # (an uncurated source keeps its digest)
    curation = fingerprint("feeds", sorted(types), source.max_posts, *curated)[:12]
    store = RawStore(content_dir, source.name)
    try:
        fed = sync_feeds.read_feeds(client, target.site, types, store, state if state and state.curation == curation
                                    else None, options.full, options.dry_run, source.max_posts,
                                    _named(options, found.name), chosen)
    except FetchError as e:
        result.problems.append(Problem(closed.url, message=f"{closed.message}; and no WordPress feed to read "
                                                           f"instead: {e.message}"))
        found.stopped = True
        return None
    found.notes.append(f"its REST API cannot be read ({closed.url}: {closed.message.split(': ')[0]}): read from its "
                       f"{'feed' if fed.first else 'sitemap'} {fed.feed} and its posts' pages instead")
    if curated:
        found.notes.append(f"its curation is read from {len(chosen.queries)} feed(s) of each type: of its terms "
                           "(category_name=, tag=, taxonomy= and term=) and search (s=); after and before are compared "
                           "with the times the feed gives, in UTC; its pages are not read (a feed holds none)")
    found.notes += fed.notes
    result.problems += fed.problems
    found.changes += [Change(ADDED, *c) for c in fed.added] + [Change(UPDATED, *c) for c in fed.updated]
    found.selected = found.upstream = sum(t.posts for t in fed.types.values()) if not options.dry_run else fed.read
    if options.dry_run:
        return None
    if fed.site and (options.full or not store.site.exists()):
        store.save_site(sync_feeds.site_words(fed.site))
    found.imported = _import(store, {t: t for t in store.types()}, sync_feeds.post_link(store), target.site, options,
                             result)
    return SourceState(source.url, fed.feed, curation, fed.types)


def _filters(client: Client, site: Site, source: SourceConfig) -> tuple[dict[str, str], list[str]]:
    """The curation as REST query parameters; term slugs become ids first."""
    included, wrong = wp_live.term_ids(client, site, dict(source.include), "include")
    excluded, wrong_too = wp_live.term_ids(client, site, dict(source.exclude), "exclude")
    params = {base: ",".join(map(str, ids)) for base, ids in included.items()}
    params |= {f"{base}_exclude": ",".join(map(str, ids)) for base, ids in excluded.items() if ids}
    named = {"after": source.after, "before": source.before, "search": source.search,
             "include": ",".join(map(str, source.ids))}
    params |= {key: value for key, value in named.items() if value}
    return params, wrong + wrong_too


def _list(client: Client, site: Site, rest_base: str, params: dict[str, str], previous: dict[int, Listed],
          pages_read: wp_live.PagesRead | None) -> Listing:
    """The posts the query selects now. After a sync, only what was modified since is listed; the
    site's count of posts then tells whether any went away, and only then is everything listed. A site that does
    not count (a proxy strips `X-WP-Total`) is listed whole at once: what was modified since would be listed for
    nothing, as only the whole listing tells a removal."""
    total = wp_live.count_posts(client, site.api, rest_base, params) if previous else None
    if total is not None:
        newest = datetime.fromisoformat(max(p.modified for p in previous.values()))
        since = (newest - OVERLAP).isoformat(timespec="seconds")
        changed = wp_live.list_posts(client, site.api, rest_base, params, since, pages_read)
        merged = {**previous, **changed.posts}
        if changed.complete and total == len(merged):
            return Listing(merged, total, True, changed.problems, changed.per_page)
    return wp_live.list_posts(client, site.api, rest_base, params, pages_read=pages_read)


def _stage(options: SyncOptions, stage: str) -> Callable[[int, int], None] | None:
    """The progress of one stage, as (done, total)."""
    progress = options.progress
    return None if progress is None else lambda done, total: progress(stage, done, total)


def _named(options: SyncOptions, source: str) -> Progress | None:
    """The progress of a source's stages, each named with the source."""
    progress = options.progress
    return None if progress is None else lambda stage, done, total: progress(f"{source}: {stage}", done, total)


def _newest(posts: dict[int, Listed], limit: int) -> dict[int, Listed]:
    if not limit or len(posts) <= limit:
        return posts
    newest = sorted(posts.values(), key=lambda p: (p.date_gmt, p.id), reverse=True)[:limit]
    return {p.id: p for p in newest}


def _type_state(listing: Listing, rest_base: str, selected: dict[int, Listed], earlier: TypeState | None
                ) -> TypeState:
    """What sync.yaml records of a post type: what a whole listing held, else what the last whole one did. A listing
    a failed page cut short held a part of the posts, or none: recording it churned the file on every failure
    ("posts: 0" after a bot check answered the first page) and made the site look emptied."""
    if earlier is not None and not listing.complete:
        return earlier
    return TypeState(rest_base, len(selected), *_newest_modified(listing.posts))


def _newest_modified(posts: dict[int, Listed]) -> tuple[str, str]:
    if not posts:
        return "", ""
    newest = max(posts.values(), key=lambda p: (p.modified_gmt, p.id))
    return newest.modified_gmt, newest.modified


def _fetch(client: Client, site: Site, store: RawStore, post_type: str, rest_base: str, selected: dict[int, Listed],
           complete: bool, options: SyncOptions, found: SourceResult, result: SyncResult) -> None:
    """New and changed posts into the store, and the removed ones out of it (when the listing is whole).
    Only what was stored counts as added or updated; a dry run counts what would be."""
    stored = store.stored(post_type)
    wanted = sorted(i for i, p in selected.items() if stored.get(i) != p.modified_gmt)
    gone = sorted(set(stored) - set(selected)) if complete else []
    removed = [Change(REMOVED, post_type, i, store.slug(post_type, i)) for i in gone]
    if options.prune and complete:
        removed += _kept_as_removed(store, post_type, set(selected) | set(stored))
    fetched = set(wanted) if options.dry_run else _store_posts(client, site, store, post_type, rest_base, wanted,
                                                               options, found, result)
    found.changes += [Change(UPDATED if i in stored else ADDED, post_type, i, selected[i].slug)
                      for i in wanted if i in fetched] + removed
    if not options.dry_run:
        for post_id in gone:
            store.remove_post(post_type, post_id)


def _kept_as_removed(store: RawStore, post_type: str, listed: set[int]) -> list[Change]:
    """Posts an earlier sync without --prune kept, marked removed, and no longer selected: --prune deletes
    them too, so they are counted, and a dry run lists them, with the posts removed upstream since."""
    held = read_index(store.content) if store.content.is_dir() else {}
    return [Change(REMOVED, post_type, post_id, paths[0].stem) for (kind, post_id), paths in sorted(held.items())
            if kind == post_type and post_id not in listed]


def _store_posts(client: Client, site: Site, store: RawStore, post_type: str, rest_base: str, wanted: list[int],
                 options: SyncOptions, found: SourceResult, result: SyncResult) -> set[int]:
    stored, failed = set(), set()
    for batch, fetched, problems in wp_live.fetch_posts(client, site.api, rest_base, wanted, site.embedding):
        if options.progress:
            options.progress(f"{found.name}: fetching {post_type}", len(stored) + len(failed), len(wanted))
        result.problems += problems
        failed.update(batch if problems else ())
        _save_names(client, site, store, fetched, found, result)
        for post in fetched:
            if post.get("id") in batch:
                store.save_post(post_type, {**post, "type": post.get("type", post_type)})
                stored.add(post["id"])
    unserved = sorted(set(wanted) - stored - failed)
    if unserved:
        found.notes.append(unserved_note(post_type, unserved))
    return stored


def unserved_note(post_type: str, ids: list[int]) -> str:
    shown = ", ".join(map(str, ids[:10])) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
    return (f"{len(ids)} {post_type} listed by the site were not served when asked for by id (deleted or "
            f"unpublished since it listed them?): {shown}; the next sync asks for them again")


def _save_names(client: Client, site: Site, store: RawStore, posts: list[dict[str, Any]], found: SourceResult,
                result: SyncResult) -> None:
    """Terms, authors and media of posts that came without `_embedded`, and the parents of the terms of
    hierarchical taxonomies, which `_embedded` lacks, fetched by id, so that the import names them as an
    import of a whole crawl does; saved before the posts, so a stored post always has its names.

    Many sites keep their users from visitors, against harvesting of login names, and some their media or a
    taxonomy's terms: a choice of the site, which `_embed` shows as names left out (its refusal where each would
    be), and so does this, with a note naming the route instead of an error on every run, whether `_embed` or a
    lookup met the refusal."""
    for route, said in wp_live.embeds_refused(posts).items():
        _note_hidden(found, site, route, said)
    for route, ids in wp_live.name_lookups(site, posts).items():
        for outcome in wp_live.fetch_by_id(client, site, route, ids):
            if isinstance(outcome, FetchError) and outcome.status in wp_live.CLOSED_STATUSES:
                _note_hidden(found, site, route, outcome.message.split(": ")[0])
                continue
            if isinstance(outcome, FetchError):
                result.problems.append(Problem(outcome.url, message=outcome.message))
                continue
            for value in outcome:
                store.save_lookup(route, value)


def _note_hidden(found: SourceResult, site: Site, route: str, said: str) -> None:
    """Once per route: what the posts lack where the site keeps a route from visitors, and what the route answered."""
    what = HIDDEN.get(route, f"the terms of {route} are not all named: the site does not show them to visitors "
                             "(a security setting)")
    if not any(note.startswith(what) for note in found.notes):
        found.notes.append(f"{what}: {site.api.url(site.collection(route))} answered {said}")


def _import(store: RawStore, types: dict[str, str], name_post: Callable[[str, int], str], site: str,
            options: SyncOptions, result: SyncResult) -> ImportResult | None:
    """The source's raw store, imported on its own by the import pipeline: the store holds exactly the
    posts the source keeps, so a post it lacks was removed upstream (kept and marked, unless pruning).
    The run goes into content/changes.yaml once, for all sources (run_sync), not into the store."""
    kept = {type_folder(name) for name in set(types).intersection(store.types())}
    for folder in store.content.iterdir() if store.content.is_dir() else []:
        # A type no longer read, or with no post left: the import cannot prune what its input does not name.
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in kept:
            shutil.rmtree(folder)
    inputs = store.inputs(set(types))
    if not inputs:
        return None
    imported = run_import(inputs, store.content, ImportOptions(
        prune=options.prune, keep_keyword_links=options.keep_keyword_links, language=options.language,
        words=options.words, workers=options.workers, site=site,
        now=options.now, history=0, revisions=options.revisions), _named(options, store.folder.name))
    on_site = _on_site(store, name_post)
    imported.problems = [replace(p, file=on_site(p.file)) for p in imported.problems]
    imported.notes = [on_site(note) for note in imported.notes]
    # The store's own record of the site's index is read for its title, not passed over as a crawl's would be.
    imported.skipped = [line for line in imported.skipped if not line.startswith(f"{store.site}:")]
    imported.problems = _not_again(store, imported, options.full)
    result.problems.extend(imported.problems)
    return imported


def _not_again(store: RawStore, imported: ImportResult, full: bool) -> list[Problem]:
    """The import's problems less those of posts an earlier sync reported in the same words, which are counted
    in a note. A post the site serves malformed stays so until its editors change it, and a nightly sync that
    reported it, and exited 1, every night taught its users to ignore the exit code, and missed the new problems
    among the old. A problem of no post (a file that could not be written) is always reported; --full reports
    every one."""
    earlier = set() if full else store.reported()
    of_posts = {str(p) for p in imported.problems if p.item and p.field}
    store.save_reported(of_posts)
    again = sorted(of_posts & earlier)
    if again:
        imported.notes.append(f"{len(again)} of the problems of posts an earlier sync reported "
                              f"{'is' if len(again) == 1 else 'are'} still there, not reported again "
                              "(sync --full reports them): " + _first(again))
    return [p for p in imported.problems if str(p) not in earlier]


def _first(lines: list[str], shown: int = 3) -> str:
    return "; ".join(lines[:shown]) + (f"; and {len(lines) - shown} more" if len(lines) > shown else "")


def _on_site(store: RawStore, name_post: Callable[[str, int], str]) -> Callable[[str], str]:
    """The import of a raw store names a post by its file in the cache, which the user never made and which
    says nothing of the site: such a line names the post where sync read it (its REST URL, or its address for a
    post read from a feed) instead, as every other line of a sync names what it asked the site for."""
    stored = store.post_file_pattern()
    return lambda text: stored.sub(lambda m: name_post(m[1], int(m[2])), text)


def _name_placed(imported: ImportResult, content_dir: Path, source: str, paths: dict[tuple[str, str], str]) -> None:
    """The import of a raw store names the posts it kept or pruned by their copies in the sync's cache, which
    the user never sees: they are named where they are in content/ (a pruned one, where it was)."""
    private = RawStore(content_dir, source).content

    def placed(path: Path) -> Path:
        try:
            relative = path.relative_to(private).as_posix()
        except ValueError:
            return path
        return content_dir / paths.get((source, relative), relative)

    imported.missing = [placed(p) for p in imported.missing]
    imported.removed = [placed(p) for p in imported.removed]
    imported.pruned = [placed(p) for p in imported.pruned]


def sync_summary(result: SyncResult, dry_run: bool) -> list[str]:
    lines = []
    for source in result.sources:
        if source.stopped:  # "0 posts selected of 0" would read as an empty site
            lines.append(f"{source.name}: not synced from {source.url}: its posts are kept as they were")
            continue
        verbs = ("would add", "would update", "would remove") if dry_run else (ADDED, UPDATED, REMOVED)
        counts = ", ".join(f"{source.count(action)} {verb}" if not dry_run else f"{verb} {source.count(action)}"
                           for action, verb in zip((ADDED, UPDATED, REMOVED), verbs))
        lines.append(f"{source.name}: {source.selected} posts selected of {source.upstream} on {source.url}: {counts}")
        if dry_run:
            lines += [f"  {verb} {c.type} {c.id}{' ' + c.slug if c.slug else ''}" for c in source.changes
                      for action, verb in zip((ADDED, UPDATED, REMOVED), verbs) if c.action == action]
        lines += [f"{source.name}: {note}" for note in source.notes]
        if source.removals_deferred:
            lines.append(f"{source.name}: nothing taken for removed: the listing was not complete")
        if source.imported is not None:
            lines += [f"{source.name}: {line}" for line in import_summary(source.imported)]
    if not dry_run:
        lines.append(f"content: {result.written} post files written, {result.removed} removed; "
                     f"sync state {'updated' if result.state_written else 'unchanged'}")
    if result.media is not None:
        lines.append(media_summary(result.media))
    lines.append(f"{result.requests} requests" + (f", {result.waited:.1f} s waited" if result.waited >= 0.1 else ""))
    return lines
