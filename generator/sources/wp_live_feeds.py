"""A live WordPress site read through its feeds and pages, for a site whose REST API is closed to visitors or gone
(security plugins answer `/wp-json/` with 401 `rest_login_required`, 403 `rest_cannot_access` or 404
`rest_no_route`, or strip the route) but which serves its RSS feeds and post pages as every site does.

The feed is the one the front page links (`<link rel="alternate" type="application/rss+xml">`, not the comments
feed), else `/feed/`, else `/?feed=rss2` (plain permalinks); a post type's is that feed with `post_type=`; its older
items are on `paged=2, 3…`, which WordPress answers past the last with a 404 page. Each page is read by the reader
of saved feeds (sources/wp_feed.py), and a post the feed gives the summary of, by the reader of saved pages
(sources/wp_pages.py) from its page: the posts are those `import` gives for a static copy that holds the same
feeds and pages. Nothing here writes into content/; the bytes read are parsed from a temporary folder.
"""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from generator.problems import Problem
from generator.sources import wp_feed, wp_json, wp_pages
from generator.sources.http import PAGE_WANTED, Client, FetchError
from generator.sources.static_copy import link_slug, origin

FEED_TYPES = ("application/rss+xml", "application/atom+xml")
FEED_WANTED = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1"
LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""\b(rel|type|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# The feeds a front page links that hold no posts of the site: its comments' (WordPress's `comments/feed/`,
# `?feed=comments-rss2`), and oEmbed's discovery links.
NOT_POSTS = re.compile(r"comments|oembed", re.IGNORECASE)
BOM = b"\xef\xbb\xbf"
# The sitemaps of a post type, a file of up to 2,000 each: WordPress's own (5.5+), `wp-sitemap-posts-<type>-<n>.xml`,
# and Yoast SEO's and Rank Math's, which replace it, `<type>-sitemap<n>.xml`.
TERM_SITEMAPS = {taxonomy: (f"wp-sitemap-taxonomies-{taxonomy}-{{}}.xml", f"{taxonomy}-sitemap{{}}.xml")
                 for taxonomy in ("post_tag", "category")}
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_SITEMAPS = 50
SITEMAP_FILE = 1000  # the fewest addresses a sitemap's file holds before the next: Yoast SEO's (WordPress's: 2,000)
# What body_class() prints on a page that lists posts: the page for posts (`blog`), a shop's or a term's (`archive`),
# search results. Sitemaps list such pages (Yoast SEO the page for posts first among the posts, a shop's page among
# the pages); they show no post of their own, which is no problem of the mirror's.
LISTING_CLASSES = frozenset({"blog", "archive", "search"})
BODY_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
FRONT_BYTES = 262144  # a theme prints its <head> in the first few kB; a page builder's can be long


@dataclass
class FeedPage:
    """One page of a feed: its posts as `/wp/v2/` gives them (summary-only ones without `content`), what the site
    said of itself, and what could not be read."""

    url: str
    served_from: str = ""  # where the page was served, after redirects
    posts: list[dict[str, Any]] = field(default_factory=list)
    site: dict[str, str] = field(default_factory=dict)  # language, title, description: of the site's own feed
    problems: list[Problem] = field(default_factory=list)
    end: bool = False  # past the last page
    repeated: bool = False  # the posts of an earlier page again: the site ignores `paged`
    mended: bool = False  # bytes that are not UTF-8 were read as U+FFFD


def find_feed(client: Client, site: str) -> FeedPage:
    """The site's feed of posts, its first page read: as its front page links it, else at `/feed/`, else
    `/?feed=rss2`. A FetchError naming the site, and what each address answered, where none answers as a WordPress
    feed."""
    root = site.rstrip("/") + "/"
    answers, failing = [], []
    for url in dict.fromkeys([*_linked_feeds(client, root), root + "feed/", root + "?feed=rss2"]):
        try:
            page = read_page(client, url)
        except FetchError as e:
            answers.append(f"{url} answered {e.message.split(':')[0]}")
            failing += [e] if e.status >= 429 or e.unreachable else []
            continue
        if not page.problems:
            return page
        answers.append(f"{url} gave {page.problems[0].message}")
    if failing and len(failing) == len(answers):
        raise failing[-1]  # a site that is down or busy: "sync again later", not "not WordPress"
    raise FetchError(root, "; ".join(dict.fromkeys(answers)))


def _linked_feeds(client: Client, root: str) -> list[str]:
    """The feeds of posts the front page links in its head, in its order (WordPress's feed_links prints the
    site's feed before its comments')."""
    try:
        front = client.get_once(root, PAGE_WANTED)  # (asked for once: it named where the REST API is too)
    except FetchError:
        return []  # the front page is a hint only; the usual addresses are asked next
    if front.status != 200:
        return []
    found = []
    for tag in LINK_TAG.findall(front.body[:FRONT_BYTES].decode("utf-8", "replace")):
        values = {m[0].lower(): html.unescape(m[1] or m[2] or m[3]).strip() for m in ATTRIBUTE.findall(tag)}
        if ("alternate" in values.get("rel", "").lower().split() and values.get("type", "").lower() in FEED_TYPES
                and values.get("href") and not NOT_POSTS.search(values["href"])):
            found.append(urljoin(front.url, values["href"]))
    return list(dict.fromkeys(u for u in found if urlsplit(u).scheme in ("http", "https")))


def feed_url(feed: str, post_type: str = "", page: int = 1, order: str = "",
             select: tuple[tuple[str, str], ...] = ()) -> str:
    """The feed of one post type (`post_type=`; the site's own feed is that of `post`), and its `page`th page; in the
    `order` WordPress's `orderby=` names (`modified`: the last edited first), else newest first; of the posts the query
    variables `select` choose (a term's, `category_name=`, `tag=`, `taxonomy=` and `term=`; a search's, `s=`)."""
    parts = urlsplit(feed)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k not in ("post_type", "paged", "orderby")]
    query += [("post_type", post_type)] if post_type and post_type != "post" else []
    query += list(select)
    query += [("orderby", order)] if order else []
    query += [("paged", str(page))] if page > 1 else []
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, safe="/,"), ""))


def read_page(client: Client, url: str) -> FeedPage:
    """A page of a feed, its posts read as a saved feed's are. A later page WordPress answers with its 404 page is
    the end; a page that is no WordPress feed is one Problem naming its URL."""
    try:
        response = client.get(url, wanted=FEED_WANTED)
    except FetchError as e:
        if e.status == 404 and "paged=" in url:
            return FeedPage(url, end=True)
        raise
    page = FeedPage(url, response.url)
    body, page.mended = wp_feed.utf8_mended(wp_feed.declaration_first(response.body))
    with tempfile.TemporaryDirectory(prefix="newsmirror-feed-") as folder:
        path = Path(folder) / "feed.xml"
        path.write_bytes(body)
        if not wp_feed.is_feed(path):
            page.problems.append(Problem(url, message=f"not a feed but {_what(response.body)}"))
            return page
        found: list[Problem] = []
        page.posts = [_on_site(item.data, response.url) for item in wp_feed.read_feeds([path], Path(folder), found)
                      if item.kind == wp_json.POST]
        page.problems += [Problem(url, p.item, p.field, p.message) for p in found]
    page.site = _channel_words(body) if not page.problems else {}
    return page


def _channel_words(body: bytes) -> dict[str, str]:
    """What a feed's channel says of the site: its title, tagline and language. (The reader of saved feeds takes them
    from a feed saved at the site's root only, `/feed/`; a live site's feed is known to be its own wherever it is,
    `/blog/feed/`, `/?feed=rss2`.)"""
    try:
        channel = fromstring(wp_feed.CONTROLS.sub(b"", body), forbid_dtd=False)
    except (ParseError, DefusedXmlException, ValueError):
        return {}
    channel = channel.find("channel") if channel.find("channel") is not None else channel
    atom = "{http://www.w3.org/2005/Atom}"
    said = {"title": channel.findtext("title") or channel.findtext(f"{atom}title"),
            "description": channel.findtext("description") or channel.findtext(f"{atom}subtitle"),
            "language": channel.findtext("language") or channel.get("{http://www.w3.org/XML/1998/namespace}lang")}
    return {key: html.unescape(value.strip()) for key, value in said.items() if value and value.strip()}


def _on_site(post: dict[str, Any], feed: str) -> dict[str, Any]:
    """The post with its address and guid whole: a site whose plugin makes its links relative (`/2021/07/x/`) serves
    its feed so too, and a post's page is asked for, and the post's own links read against, its address."""
    link, guid = post.get("link"), post.get("guid")
    if isinstance(link, str) and link and not urlsplit(link).scheme:
        post = {**post, "link": urljoin(feed, link)}
    if isinstance(guid, dict) and isinstance(guid.get("rendered"), str) and not urlsplit(guid["rendered"]).scheme:
        post = {**post, "guid": {**guid, "rendered": urljoin(feed, guid["rendered"])}}
    return post


def _what(body: bytes) -> str:
    """What an answer that should have been a feed was, in a few words."""
    text = body[:4096].decode("utf-8", "replace").lstrip()
    title = wp_json.page_title(text) if text.startswith("<") else ""
    return f"an HTML page{title}" if text.startswith("<") else "neither XML nor HTML"


def post_from_page(client: Client, link: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The post a post's page shows, read as a saved page of a static copy is; None (with the reason) where the page
    shows none the reader knows."""
    response = client.get(link, wanted=PAGE_WANTED)
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="newsmirror-page-") as folder:
        path = Path(folder, *_saved_path(response.url))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_as_served(response.body, response.headers.get("Content-Type", "")))
        posts = [item.data for item in wp_pages.read_pages([path], Path(folder), problems, set(), origin(response.url))
                 if item.kind == wp_json.POST]
    named = [Problem(link, p.item, p.field, p.message) for p in problems]
    if not posts and not named and not LISTING_CLASSES & body_classes(response.body[:FRONT_BYTES]):
        named.append(Problem(link, message="no post's page (its <body> names no post id, as body_class() does)"))
    return (posts[0] if posts else None), named


def body_classes(page: bytes) -> set[str]:
    """The classes of a page's first `<body>` tag (found without a pattern that could search the rest of the page
    from every `<body` of one never closed)."""
    text = page.decode("utf-8", "replace")
    start = text.lower().find("<body")
    end = text.find(">", start) if start >= 0 else -1
    found = BODY_CLASS.search(text[start:end]) if end >= 0 else None
    return set(html.unescape(found[1] or found[2] or "").split()) if found else set()


def _as_served(body: bytes, content_type: str) -> bytes:
    """A page's bytes, marked as UTF-8 (a byte order mark, which the page's reader heeds before anything) where its
    server says they are and the page may not: a browser reads them so, and a page without `<meta charset>` would
    be read as Windows-1252."""
    said = re.search(r"charset=[\"']?([\w-]+)", content_type, re.IGNORECASE)
    utf8 = said is not None and said.group(1).lower().replace("_", "-") in ("utf-8", "utf8")
    return BOM + body if utf8 and not body.startswith(BOM) else body


def _saved_path(url: str) -> list[str]:
    """Where a static copy saves a page's address: `/2024/04/01/x/` as `2024/04/01/x/index.html`; one with a query
    (plain permalinks, `/?p=12`) in a folder named after it."""
    parts = urlsplit(url)
    segments = [quote(unquote(s), safe="") for s in parts.path.split("/") if s and s not in (".", "..")]
    if parts.query:
        segments.append(quote(parts.query, safe=""))
    if segments and segments[-1].lower().endswith((".html", ".htm")):
        return segments
    return [*segments, "index.html"]


def pages(client: Client, feed: FeedPage, post_type: str, limit: int, order: str = "",
          select: tuple[tuple[str, str], ...] = ()) -> Iterator[FeedPage]:
    """The pages of a type's feed (in `order`, of the posts `select` chooses: feed_url), up to `limit`, until one past
    the last, one with no posts, or one that gives the posts of an earlier page again (a cache that ignores the query:
    every later page would be the same). `feed`: the site's feed's first page, which find_feed read."""
    seen: set[Any] = set()
    for number in range(1, limit + 1):
        url = feed_url(feed.url, post_type, number, order, select)
        page = replace(feed, posts=list(feed.posts)) if url == feed.url else read_page(client, url)
        keys = {(p.get("type"), p.get("id")) for p in page.posts}
        if page.end or not page.posts or (number > 1 and keys <= seen):
            page.repeated, page.end, page.posts = number > 1 and bool(page.posts), not page.problems, []
            yield page
            return
        seen |= keys
        yield page


def tag_slugs(client: Client, site: str) -> frozenset[str]:
    """The slugs of the site's tags that no category shares, from its sitemaps of tags and categories: a feed writes a
    post's tags as it writes its categories (`<category>`), and only these tell them apart. None where there is none."""
    found = {}
    for taxonomy, patterns in TERM_SITEMAPS.items():
        _, listed, _ = _sitemap(client, site, patterns)
        found[taxonomy] = {link_slug(unquote(link)).lower() for link, _ in listed} - {""}
    return frozenset(found["post_tag"] - found["category"])


def post_addresses(client: Client, site: str, post_type: str) -> tuple[str, list[tuple[str, str]], list[Problem]]:
    """The sitemap that lists the site's posts of a type (`page`: its pages), and each one's address with the time it
    was last changed where the sitemap says (WordPress's own does not; Yoast SEO's and Rank Math's do); ("", [], [])
    where the site has none."""
    return _sitemap(client, site, (f"wp-sitemap-posts-{post_type}-{{}}.xml", f"{post_type}-sitemap{{}}.xml"))


def _sitemap(client: Client, site: str, patterns: tuple[str, ...]) -> tuple[str, list[tuple[str, str]], list[Problem]]:
    """The first of the sitemaps named by `patterns` (its files numbered from 1) that the site has: its address, and
    every address it lists with its `lastmod`."""
    root = site.rstrip("/") + "/"
    for pattern in patterns:
        found: list[tuple[str, str]] = []
        for number in range(1, MAX_SITEMAPS + 1):
            url = root + pattern.format(number if number > 1 or pattern.startswith("wp-") else "")
            try:
                response = client.get(url, wanted=FEED_WANTED)
            except FetchError as e:
                if 400 <= e.status < 500:
                    break  # none (404), or none for visitors
                return url, found, [Problem(e.url, message=e.message)]
            listed = _sitemap_urls(response.body)
            if listed is None:
                break  # none: an answer that is no sitemap (a plugin that shows the front page for every address)
            found += listed
            if len(listed) < SITEMAP_FILE:
                break  # the last file: asking for the next would cost a request, and a 404 in the site's logs
        if found:
            return root + pattern.format(1 if pattern.startswith("wp-") else ""), found, []
    return "", [], []


def _sitemap_urls(body: bytes) -> list[tuple[str, str]] | None:
    """A sitemap's addresses and their `lastmod`; None for what is no sitemap."""
    try:
        document = fromstring(body)
    except (ParseError, DefusedXmlException, ValueError):
        return None
    if document.tag != f"{SITEMAP_NS}urlset":
        return None
    return [((entry.findtext(f"{SITEMAP_NS}loc") or "").strip(), (entry.findtext(f"{SITEMAP_NS}lastmod") or "").strip())
            for entry in document.iter(f"{SITEMAP_NS}url") if (entry.findtext(f"{SITEMAP_NS}loc") or "").strip()]
