"""A fake WordPress site served over real HTTP on 127.0.0.1, for tests and benchmarks of `sync`.

It answers the REST routes sync reads, the way WordPress does: API discovery by a `Link` header,
`/wp-json/` and `/?rest_route=/`, post types and taxonomies, collections with pagination headers,
`_embed` (in the `embed` context: a term without its parent), `_fields`, `include`, `modified_after`, `after`/`before`, `search` and taxonomy filters.
Faults are added per test: a status (429 with Retry-After, 503), a delay, a body that is not JSON,
a redirect, a connection dropped mid-body, each for requests whose path and query contain a given
text. The site may live in a subfolder (`home`), under another REST prefix, and give each post type
its own taxonomies. Every request is counted.
Other routes (images, for the media step) are added with `FakeWordPress.route`.
Its REST API may be closed to visitors (`api="closed"`: 401 `rest_login_required`, as security plugins answer) or
gone (`api="gone"`: the route stripped); its RSS feeds (`/feed/`, `?feed=rss2`, `post_type=`, `paged=`, with the
full text or, `feed_summary`, summaries only) and each post's page are served all the same.

    with FakeWordPress(generated_site(500)) as wp:
        wp.url  # http://127.0.0.1:PORT/
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from bench.corpus import rest_posts, rest_terms

TAXONOMIES = {"news-type": "news-type", "organization": "organization", "regions": "regions"}  # slug: rest_base
BUILTIN_TAXONOMIES = {"category": "categories", "post_tag": "tags"}
USERS_REFUSED = {"code": "rest_user_cannot_view", "message": "Sorry, you are not allowed to list users.",
                 "data": {"status": 401}}
Reply = tuple[int, dict[str, str], bytes]


@dataclass
class SiteData:
    """What the fake site holds: posts by type (REST shape, without `_embedded`), terms, users, media."""

    posts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    terms: list[dict[str, Any]] = field(default_factory=list)
    users: list[dict[str, Any]] = field(default_factory=list)
    media: list[dict[str, Any]] = field(default_factory=list)
    embed: bool = True  # whether `_embed` is honoured, as on most sites
    paging_headers: bool = True  # False: X-WP-Total and X-WP-TotalPages stripped, as some proxies do
    taxonomies: dict[str, str] = field(default_factory=lambda: dict(TAXONOMIES))  # slug -> rest_base
    # post type -> its taxonomies, when not all; WordPress ignores a filter by a taxonomy the type lacks
    type_taxonomies: dict[str, list[str]] = field(default_factory=dict)
    # post type or taxonomy's rest_base -> rest_namespace, when not wp/v2
    namespaces: dict[str, str] = field(default_factory=dict)
    # The most posts (and media) one answer holds whatever per_page asks, as under a theme whose pre_get_posts
    # hook sets posts_per_page for every query; None: per_page holds.
    page_cap: int | None = None
    names: dict[str, str] = field(default_factory=dict)  # taxonomy or post type -> the name the site gives it
    hierarchical: set[str] = field(default_factory=lambda: {"category"})  # taxonomies whose terms have parents
    # post type -> its rest_base, when not the type's own name (WordPress's `post` is read at /wp/v2/posts)
    rest_bases: dict[str, str] = field(default_factory=dict)
    # True: users kept from visitors (a security plugin): /wp/v2/users answers 401, and `_embed` puts that
    # answer where each author would be
    users_hidden: bool = False
    feed_size: int = 10  # WordPress's posts_per_rss
    feed_summary: bool = False  # "For each post in a feed, include: Excerpt": no content:encoded
    feed_ignored: set[str] = field(default_factory=set)  # types whose `post_type=` the feed ignores, as for `page`
    bare_pages: bool = False  # posts' pages show no title's heading, date, byline or terms, as many themes print them
    relative_links: bool = False  # the feed gives addresses as paths, as under a plugin that makes links relative
    tag_taxonomy: str = ""  # the taxonomy whose terms the site's sitemap lists as its tags (the feed, as categories)
    # A route a security plugin keeps from visitors or takes out of the API -> (status, WordPress's code): a
    # rest_base, "types", "taxonomies", "users", "media", or "_embed" (the parameter refused, as a firewall rule
    # does). `_embed` puts the refusal where a closed route's objects would be, as WordPress does for a route
    # removed by `rest_endpoints` or refused by `rest_pre_dispatch`.
    closed: dict[str, tuple[int, str]] = field(default_factory=dict)
    index_routes: bool = True  # False: the API index lists no routes (a plugin hides them)
    feed_orderby: bool = True  # the feed heeds `orderby=modified`, as WordPress does; False: a cache ignores it
    name: str = "Fake news"  # the API index's name of the site
    description: str = ""  # and its tagline, when it has one
    sitemaps: str = "wp"  # each post type's: WordPress's own, without lastmod; "yoast": Yoast SEO's, with; "": none

    def by_slug(self, slug: str) -> dict[str, Any] | None:
        return next((p for ps in self.posts.values() for p in ps if p["slug"] == slug), None)

    def rest_base(self, post_type: str) -> str:
        return self.rest_bases.get(post_type, post_type)

    def type_at(self, base: str) -> str | None:
        """The post type served at a rest_base, or None."""
        return next((t for t in self.posts if self.rest_base(t) == base), None)

    def taxonomies_of(self, post_type: str) -> list[str]:
        return self.type_taxonomies.get(post_type, list(self.taxonomies))

    def touch(self, post_type: str, post_id: int, seconds: int, **changes: Any) -> None:
        """Edit a post as WordPress does: new fields, and `modified` moved `seconds` past the newest."""
        newest = max(datetime.fromisoformat(p["modified_gmt"]) for ps in self.posts.values() for p in ps)
        modified_gmt = newest + timedelta(seconds=seconds)
        post = next(p for p in self.posts[post_type] if p["id"] == post_id)
        post.update(changes, modified_gmt=modified_gmt.isoformat(), modified=(modified_gmt - timedelta(hours=7)).isoformat())

    def remove(self, post_type: str, post_id: int) -> None:
        self.posts[post_type] = [p for p in self.posts[post_type] if p["id"] != post_id]


@dataclass
class Fault:
    match: str  # a text the request's path and query contain
    status: int = 0  # 0: answer normally after the delay
    times: int = 1  # how many matching requests it hits; -1: all
    delay: float = 0.0
    body: bytes | None = None  # replaces the body
    headers: dict[str, str] = field(default_factory=dict)
    cut: int | None = None  # send only this many bytes of the body, then drop the connection


def generated_site(n: int, seed: int = 0, users: int = 8) -> SiteData:
    """n posts of type news-archive from bench/corpus.py, with their terms, authors and media."""
    posts = rest_posts(n, seed)
    media = sorted({p["featured_media"] for p in posts if p["featured_media"]})
    return SiteData(
        posts={"news-archive": posts},
        terms=rest_terms(seed, posts),
        users=[{"id": i, "name": f"Reporter {i}", "slug": f"reporter-{i}", "link": f"https://example.com/author/{i}/",
                "avatar_urls": {}} for i in range(1, users + 1)],
        media=[{"id": m, "source_url": f"https://example.com/wp-content/uploads/photo-{m}.jpg", "media_type": "image",
                "mime_type": "image/jpeg", "alt_text": f"Photo {m}", "caption": {"rendered": ""}} for m in media])


def sample_site(shared: Path) -> SiteData:
    """Every post, term, user and media object of ../shared/samples/wp-rest, as one site. Posts keep
    the `_embedded` they were saved with; those saved without one are named through lookups."""
    from generator.sources.saved import read_items
    from generator.sources.wp_json import MEDIA, POST, TERM, USER
    items, _ = read_items([shared / "samples" / "wp-rest"])
    site = SiteData(taxonomies=dict(BUILTIN_TAXONOMIES))
    latest: dict[tuple[str, int], dict[str, Any]] = {}
    listed = ("id", "slug", "type", "date", "date_gmt", "modified", "modified_gmt")
    for item in items:
        data = item.data
        if item.kind == POST and all(k in data for k in listed) and isinstance(data["id"], int):
            key = (data["type"], data["id"])
            if key not in latest or data["modified"] > latest[key]["modified"]:
                latest[key] = data
        elif item.kind == TERM and isinstance(data.get("id"), int):
            site.terms.append(data)
            site.taxonomies.setdefault(data["taxonomy"], data["taxonomy"])
        elif item.kind in (USER, MEDIA) and isinstance(data.get("id"), int):
            (site.users if item.kind == USER else site.media).append(data)
    for (post_type, _), data in sorted(latest.items()):
        site.posts.setdefault(post_type, []).append(data)
    return site


def add_samples(site: SiteData, shared: Path) -> None:
    """The real sample item of ../shared, when present, as one more news-archive post."""
    sample = shared / "samples" / "wp-rest" / "news-archive-14822.json"
    if sample.is_file():
        data = json.loads(sample.read_text(encoding="utf-8"))
        site.posts.setdefault("news-archive", []).extend(data if isinstance(data, list) else [data])


class FakeWordPress:
    def __init__(self, site: SiteData, discovery: str = "link", home: str = "/", prefix: str = "wp-json",
                 api: str = "open", port: int = 0) -> None:
        self.site = site
        self.api = api  # open; closed: every REST request answers 401; gone: 404, no API at all
        # link: Link header on the front page; html: only its <link> tag (a page cache's copy); wp-json;
        # rest_route (plain permalinks)
        self.discovery = discovery
        self.home = home  # the path WordPress is installed at, as in a subfolder
        self.prefix = prefix  # rest_url_prefix, which a plugin may change from wp-json
        self.faults: list[Fault] = []
        self.requests: list[str] = []
        self.routes: dict[str, Callable[[dict[str, str]], Reply]] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.home}"

    def __enter__(self) -> FakeWordPress:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def fail(self, match: str, **how: Any) -> None:
        self.faults.append(Fault(match, **how))

    def route(self, path: str, handler: Callable[[dict[str, str]], Reply]) -> None:
        """Serve `path` (exactly) with handler(query) -> (status, headers, body)."""
        self.routes[path] = handler

    def count(self, text: str = "") -> int:
        return sum(1 for r in self.requests if text in r)

    def wrap_json(self, before: bytes = b"", after: bytes = b"") -> None:
        """Every JSON answer from now on comes with `before` and `after` around it, as a site that shows PHP's
        messages sends them (a warning before, a notice printed at shutdown after)."""
        answer = self.answer

        def wrapped(target: str) -> Reply:
            status, headers, body = answer(target)
            return status, headers, before + body + after if "json" in headers.get("Content-Type", "") else body

        self.answer = wrapped  # type: ignore[method-assign]

    def answer(self, target: str) -> Reply:
        """(status, headers, body); a fault that cuts the body short says where in an `X-Fake-Cut` header,
        which the handler takes out."""
        with self._lock:
            self.requests.append(target)
            fault = next((f for f in self.faults if f.match in target and f.times != 0), None)
            if fault is not None:
                fault.times -= 1 if fault.times > 0 else 0
        if fault is not None:
            time.sleep(fault.delay)
            if fault.cut is not None:
                status, headers, body = self._answer(target)
                return status, {**headers, "X-Fake-Cut": str(fault.cut)}, body
            if fault.status or fault.body is not None:
                body = fault.body if fault.body is not None else b'{"code":"fault"}'
                return fault.status or 200, {"Content-Type": "application/json", **fault.headers}, body
        return self._answer(target)

    def _answer(self, target: str) -> Reply:
        parts = urlsplit(target)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        if parts.path in self.routes:
            return self.routes[parts.path](query)
        if not parts.path.startswith(self.home) and parts.path + "/" != self.home:
            return 404, {}, b"not found"
        path = "/" + parts.path[len(self.home):]
        route = query.pop("rest_route", None) if path == "/" else None
        if route is None and (path + "/").startswith(f"/{self.prefix}/"):
            route = path[len(self.prefix) + 1:] or "/"
        if "feed" in query or path.rstrip("/") == "/feed":
            return fake_feed(self, query)
        listed = self._sitemap_type(path)
        if listed is not None:
            stamped = self.site.sitemaps == "yoast"
            return sitemap([self.link(post) for post in self.site.posts[listed]],
                           [f"{post['modified_gmt']}+00:00" for post in self.site.posts[listed]] if stamped else None)
        if path == "/wp-sitemap-taxonomies-post_tag-1.xml" and self.site.tag_taxonomy:
            return sitemap([f"{self.url}tag/{t['slug']}/" for t in self.site.terms
                            if t["taxonomy"] == self.site.tag_taxonomy])
        if route is None:
            return self._front_page() if path == "/" else self._post_page(path)
        if self.discovery == "rest_route" and path != "/":
            return 404, {"Content-Type": "text/html"}, b"not found"  # plain permalinks: no /wp-json/
        if self.api == "closed":
            return _json(401, {"code": "rest_login_required", "message": "REST API restricted to authenticated users.",
                               "data": {"status": 401}})
        if self.api == "gone":
            return NOT_FOUND_PAGE
        return _api(self, route, query)

    def _sitemap_type(self, path: str) -> str | None:
        """The post type whose sitemap `path` is: WordPress's own (`/wp-sitemap-posts-post-1.xml`), or, where the site
        has Yoast SEO's, its (`/post-sitemap.xml`)."""
        name = (path.removeprefix("/wp-sitemap-posts-").removesuffix("-1.xml") if self.site.sitemaps == "wp" else
                path.removeprefix("/").removesuffix("-sitemap.xml") if self.site.sitemaps == "yoast" else "")
        return name if name in self.site.posts and name != path.strip("/") else None

    def link(self, post: dict[str, Any]) -> str:
        """The post's address on this site."""
        return f"{self.url}{post['slug']}/"

    def _post_page(self, path: str) -> Reply:
        post = self.site.by_slug(path.strip("/"))
        return NOT_FOUND_PAGE if post is None else (200, {"Content-Type": "text/html; charset=UTF-8"},
                                                     post_page(self, post))

    def _front_page(self) -> Reply:
        headers = {"Content-Type": "text/html; charset=UTF-8"}
        root = f"{self.url}{self.prefix}/" if self.discovery != "rest_route" else f"{self.url}?rest_route=/"
        if self.discovery in ("link", "rest_route"):
            headers["Link"] = f'<{root}>; rel="https://api.w.org/"'
        link = f'<link rel="https://api.w.org/" href="{root}" />' if self.discovery != "wp-json" else ""
        if self.api == "gone":  # a plugin that removes the API takes its links out too
            headers.pop("Link", None)
            link = ""
        feeds = (f'<link rel="alternate" type="application/rss+xml" title="Fake news &raquo; Feed" '
                 f'href="{self.url}feed/" />'
                 f'<link rel="alternate" type="application/rss+xml" title="Fake news &raquo; Comments Feed" '
                 f'href="{self.url}comments/feed/" />')
        return 200, headers, f"<!doctype html><title>Fake news</title>{feeds}{link}<p>Hello".encode()


def _handler(wp: FakeWordPress) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            status, headers, body = wp.answer(self.path)
            cut = headers.pop("X-Fake-Cut", None)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body if cut is None else body[:int(cut)])
                self.close_connection = cut is not None
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting, as a timing-out client does

        def log_message(self, *_: Any) -> None:
            pass

    return Handler


def _json(status: int, data: Any, headers: dict[str, str] | None = None) -> Reply:
    return status, {"Content-Type": "application/json; charset=UTF-8", **(headers or {})}, json.dumps(data).encode()


def _api(wp: FakeWordPress, route: str, query: dict[str, str]) -> Reply:
    site, pieces = wp.site, [p for p in route.split("/") if p]
    if not pieces:
        return _json(200, {"name": site.name, **({"description": site.description} if site.description else {}),
                           "namespaces": ["wp/v2"], "routes": _index_routes(site)})
    if len(pieces) == 4 and pieces[3].isdigit() and pieces[2] in site.taxonomies.values():  # one term by id
        term = next((t for t in site.terms if t["id"] == int(pieces[3])
                     and site.taxonomies.get(t["taxonomy"]) == pieces[2]), None)
        return _json(200, term) if term is not None else _json(404, {
            "code": "rest_term_invalid", "message": "Term does not exist.", "data": {"status": 404}})
    base = pieces[2] if len(pieces) == 3 else ""
    refused = site.closed.get(base) or (site.closed.get("_embed") if "_embed" in query else None)
    if refused is not None:
        return _json(refused[0], _refusal(*refused))
    post_type = site.type_at(base)
    if not base or "/".join(pieces[:2]) != site.namespaces.get(post_type or base, "wp/v2"):
        return _json(404, {"code": "rest_no_route", "message": "No route was found"})
    if base == "types":
        return _json(200, {t: {"slug": t, "rest_base": site.rest_base(t), "rest_namespace": site.namespaces.get(t, "wp/v2"),
                               "taxonomies": site.taxonomies_of(t), **_named(site, t)}
                           for t in [*site.posts, "attachment", "wp_block"]})
    if base == "taxonomies":
        return _json(200, {t: {"slug": t, "rest_base": b, "rest_namespace": site.namespaces.get(b, "wp/v2"),
                               "hierarchical": t in site.hierarchical, **_named(site, t),
                               "types": [p for p in site.posts if t in site.taxonomies_of(p)]}
                           for t, b in site.taxonomies.items()})
    if site.page_cap is not None and (post_type is not None or base == "media"):
        query = {**query, "per_page": str(min(int(query.get("per_page", "10")), site.page_cap))}
    if post_type is not None:
        posts = [_with_embedded(site, p) if "_embed" in query else p for p in _filtered(site, post_type, query)]
        status, headers, body = _collection(posts, query)
        if not site.paging_headers:
            headers = {k: v for k, v in headers.items() if not k.startswith("X-WP-")}
        return status, headers, body
    if base == "users" and site.users_hidden:
        return _json(401, USERS_REFUSED)
    objects = {"users": site.users, "media": site.media}.get(base)
    if objects is None and base in site.taxonomies.values():
        objects = [t for t in site.terms if site.taxonomies.get(t["taxonomy"]) == base]
        if "slug" in query:
            objects = [t for t in objects if t["slug"] in query["slug"].split(",")]
    if objects is None:
        return _json(404, {"code": "rest_no_route"})
    if "include" in query:
        wanted = {int(i) for i in query["include"].split(",") if i}
        objects = [o for o in objects if o["id"] in wanted]
    return _collection(objects, query)


def _refusal(status: int, code: str) -> dict[str, Any]:
    return {"code": code, "message": "Sorry, you are not allowed to do that.", "data": {"status": status}}


def _index_routes(site: SiteData) -> dict[str, Any]:
    """The index's routes of the site's collections, with the arguments of their GET, as WordPress lists them."""
    def route(*args: str) -> dict[str, Any]:
        return {"namespace": "wp/v2", "methods": ["GET"],
                "endpoints": [{"methods": ["GET"], "args": {a: {"required": False} for a in args}}]}
    if not site.index_routes:
        return {}
    posts = ("context", "page", "per_page", "search", "after", "modified_after", "before", "include", "slug", "status")
    routes = {f"/wp/v2/{site.rest_base(t)}": route(*posts) for t in site.posts}
    routes |= {f"/wp/v2/{base}": route("context", "page", "per_page", "hide_empty", "slug",
                                       *(["parent"] if slug in site.hierarchical else []))
               for slug, base in site.taxonomies.items()}
    routes |= {"/wp/v2/users": route("context", "page", "slug", "roles"),
               "/wp/v2/comments": route("after", "before", "post", "status")}
    return {"/": {"namespace": "", "methods": ["GET"]}, "/wp/v2": {"namespace": "wp/v2"}, **routes}


def _named(site: SiteData, slug: str) -> dict[str, str]:
    return {"name": site.names[slug]} if slug in site.names else {}


def _filtered(site: SiteData, post_type: str, query: dict[str, str]) -> list[dict[str, Any]]:
    posts = site.posts[post_type]
    if "include" in query:
        wanted = {int(i) for i in query["include"].split(",") if i}
        posts = [p for p in posts if p["id"] in wanted]
    if "modified_after" in query:
        posts = [p for p in posts if p["modified"] > query["modified_after"]]
    if "after" in query:
        posts = [p for p in posts if p["date"] > query["after"]]
    if "before" in query:
        posts = [p for p in posts if p["date"] < query["before"]]
    if "search" in query:
        text = query["search"].lower()
        posts = [p for p in posts if text in (p["title"]["rendered"] + p["content"]["rendered"]).lower()]
    for taxonomy in (site.taxonomies[t] for t in site.taxonomies_of(post_type)):
        if taxonomy in query:
            ids = {int(i) for i in query[taxonomy].split(",")}
            posts = [p for p in posts if ids & set(p.get(taxonomy, []))]
        if f"{taxonomy}_exclude" in query:
            ids = {int(i) for i in query[f"{taxonomy}_exclude"].split(",")}
            posts = [p for p in posts if not ids & set(p.get(taxonomy, []))]
    if query.get("orderby") == "id":
        posts = sorted(posts, key=lambda p: p["id"], reverse=query.get("order") != "asc")
    else:  # WordPress's default: newest first
        posts = sorted(posts, key=lambda p: (p["date_gmt"], p["id"]), reverse=True)
    return posts


# The fields of terms, users and media in the `embed` context, the one `_embed` serves them in (their schemas).
EMBED_FIELDS = {"terms": {"id", "link", "name", "slug", "taxonomy", "_links"},
                "users": {"id", "name", "url", "description", "link", "slug", "avatar_urls", "_links"},
                "media": {"id", "date", "slug", "type", "link", "title", "author", "caption", "alt_text", "media_type",
                          "mime_type", "media_details", "source_url", "_links"}}


def _with_embedded(site: SiteData, post: dict[str, Any]) -> dict[str, Any]:
    if not site.embed or "_embedded" in post:  # a sample keeps what it was saved with
        return post
    closed = {route: [_refusal(*refused)] for route, refused in site.closed.items()}
    present = [(taxonomy, base) for taxonomy, base in site.taxonomies.items() if base in post]
    terms = [closed[base][0] if base in closed else
             [_embedded(t, "terms") for t in site.terms if t["taxonomy"] == taxonomy and t["id"] in post.get(base, [])]
             for taxonomy, base in present]
    authors = [USERS_REFUSED] if site.users_hidden else closed.get("users") or [
        _embedded(u, "users") for u in site.users if u["id"] == post.get("author")]
    embedded: dict[str, Any] = {"author": authors, "wp:term": terms}
    media = [_embedded(m, "media") for m in site.media if m["id"] == post.get("featured_media")]
    if media:
        embedded["wp:featuredmedia"] = closed.get("media") or media
    links = {"wp:term": [{"taxonomy": taxonomy, "embeddable": True, "href": f"https://example.com/wp-json/wp/v2/{base}"
                          f"?post={post['id']}"} for taxonomy, base in present]}
    return {**post, "_embedded": embedded, "_links": {**links, **post.get("_links", {})}}


def _embedded(value: dict[str, Any], route: str) -> dict[str, Any]:
    return {k: v for k, v in value.items() if k in EMBED_FIELDS[route]}


def _collection(objects: list[dict[str, Any]], query: dict[str, str]) -> Reply:
    per_page, page = int(query.get("per_page", "10")), int(query.get("page", "1"))
    pages = max(1, -(-len(objects) // per_page))
    if page > pages:
        return _json(400, {"code": "rest_post_invalid_page_number",
                           "message": "The page number requested is larger than the number of pages available."})
    chosen = objects[(page - 1) * per_page:page * per_page]
    if "_fields" in query:
        keep = query["_fields"].split(",")
        chosen = [{k: o[k] for k in keep if k in o} for o in chosen]
    return _json(200, chosen, {"X-WP-Total": str(len(objects)), "X-WP-TotalPages": str(pages)})



NOT_FOUND_PAGE: Reply = (404, {"Content-Type": "text/html; charset=UTF-8"},
                         b"<!doctype html><title>Page not found - Fake news</title><body class=error404><h1>Oops</h1>")


def fake_feed(wp: FakeWordPress, query: dict[str, str]) -> Reply:
    """The RSS 2.0 feed WordPress serves for a post type (`post` without `post_type=`), newest first, a page at a
    time; past the last page, its 404 page."""
    site, post_type = wp.site, query.get("post_type", "post")
    post_type = "post" if post_type in site.feed_ignored else post_type
    order = "modified_gmt" if query.get("orderby") == "modified" and site.feed_orderby else "date_gmt"
    posts = sorted([p for p in site.posts.get(post_type, []) if _feed_selects(site, p, query)],
                   key=lambda p: (p[order], p["id"]), reverse=True)
    page = int(query.get("paged", "1"))
    chosen = posts[(page - 1) * site.feed_size:page * site.feed_size]
    if page > 1 and not chosen:
        return NOT_FOUND_PAGE
    self_link = html.escape(f"{wp.url}feed/" + (f"?{urlencode(query)}" if query else ""))
    if site.relative_links:
        self_link = self_link.removeprefix(wp.url.rstrip("/"))
    items = "".join(_feed_item(wp, post) for post in chosen)
    body = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="{CONTENT_NS}" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
            f"<title>Fake news</title><atom:link href=\"{self_link}\" rel=\"self\" type=\"application/rss+xml\" />"
            f"<link>{wp.url}</link><description>News that is not</description><language>en-US</language>"
            f"<generator>https://wordpress.org/?v=6.7</generator>{items}</channel></rss>")
    return 200, {"Content-Type": "application/rss+xml; charset=UTF-8"}, body.encode()


CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


def _feed_selects(site: SiteData, post: dict[str, Any], query: dict[str, str]) -> bool:
    """Whether a feed's query variables choose the post: a term's (`category_name=`, `tag=`, `taxonomy=` and `term=`)
    and a search's (`s=`)."""
    taxonomy, slug = next(((t, query[v]) for t, v in (("category", "category_name"), ("post_tag", "tag")) if v in query),
                          (query.get("taxonomy", ""), query.get("term", "")))
    if taxonomy:
        ids = set(post.get(site.taxonomies.get(taxonomy, ""), []))
        if not any(t["id"] in ids and t["slug"] == slug for t in site.terms if t["taxonomy"] == taxonomy):
            return False
    text = query.get("s", "").lower()
    return text in (post["title"]["rendered"] + post["content"]["rendered"]).lower()


def _feed_item(wp: FakeWordPress, post: dict[str, Any]) -> str:
    author = next((u["name"] for u in wp.site.users if u["id"] == post.get("author")), "")
    terms = [t["name"] for t in wp.site.terms
             if t["id"] in post.get(wp.site.taxonomies.get(t["taxonomy"], ""), [])]
    guid = html.escape(post["guid"]["rendered"].replace("https://example.com/", wp.url))  # (WordPress: &#038;)
    moment = datetime.fromisoformat(post["date_gmt"]).replace(tzinfo=timezone.utc)
    body = ("" if wp.site.feed_summary else
            f"<content:encoded><![CDATA[{post['content']['rendered']}]]></content:encoded>")
    link = wp.link(post)
    if wp.site.relative_links:
        link, guid = link.removeprefix(wp.url.rstrip("/")), guid.removeprefix(wp.url.rstrip("/"))
    return (f"<item><title>{html.escape(html.unescape(post['title']['rendered']), quote=False)}</title>"
            f"<link>{link}</link><dc:creator><![CDATA[{author}]]></dc:creator>"
            f"<pubDate>{format_datetime(moment, usegmt=True)}</pubDate>"
            + "".join(f"<category><![CDATA[{html.unescape(name)}]]></category>" for name in terms)
            + f'<guid isPermaLink="false">{guid}</guid>'
            f"<description><![CDATA[{post['excerpt']['rendered']}]]></description>{body}</item>")


def post_page(wp: FakeWordPress, post: dict[str, Any]) -> bytes:
    """A post's page as a classic theme prints it: body_class, the title's heading, the byline, the text."""
    author = next((u["name"] for u in wp.site.users if u["id"] == post.get("author")), "")
    published = datetime.fromisoformat(post["date_gmt"]).replace(tzinfo=timezone.utc).isoformat()
    terms = "".join(f'<a href="{wp.url}category/{t["slug"]}/" rel="category tag">{t["name"]}</a>' for t in wp.site.terms
                    if t["id"] in post.get(wp.site.taxonomies.get(t["taxonomy"], ""), []))
    if wp.site.bare_pages:
        author, published, terms = "", "", ""
    return (f'<!doctype html><html lang="en-US"><head><meta charset="UTF-8">'
            f'<title>{post["title"]["rendered"]} - Fake news</title>'
            f'<link rel="canonical" href="{wp.link(post)}" />'
            + (f'<meta property="article:published_time" content="{published}" />' if published else "") + '</head>'
            + (f'<body class="page-template-default page page-id-{post["id"]}">' if post["type"] == "page" else
               f'<body class="post-template-default single single-{post["type"]} postid-{post["id"]}">')
            + '<article>' + (f'<h1 class="entry-title">{post["title"]["rendered"]}</h1>'
                             if not wp.site.bare_pages else "")
            + (f'<span class="byline"><a rel="author" href="{wp.url}author/x/">{author}</a></span>' if author else "")
            + f'<div class="entry-content">{post["content"]["rendered"]}</div>'
            f'<footer class="entry-footer"><span class="cat-links">{terms}</span></footer></article>'
            f'<aside class="widget"><h2>Recent posts</h2></aside></body></html>').encode()


def sitemap(links: list[str], changed: list[str] | None = None) -> Reply:
    """A sitemap of WordPress's own (5.5+): addresses, without the time they were changed; or, with `changed`, as Yoast
    SEO's gives them, each with its `lastmod`."""
    stamps = [f"<lastmod>{moment}</lastmod>" for moment in changed] if changed is not None else [""] * len(links)
    urls = "".join(f"<url><loc>{link}</loc>{stamp}</url>" for link, stamp in zip(links, stamps))
    body = ('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="/wp-sitemap.xsl" ?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
    return 200, {"Content-Type": "application/xml; charset=UTF-8"}, body.encode()
