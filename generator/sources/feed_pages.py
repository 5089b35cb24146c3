"""A post that a feed gives the summary of, and its page the text: what the page does not show, the feed's item says.

A site set to show summaries in its feeds gives each item's title, address, date, author and terms, but not its
text; the post's page gives the text, and its title, but many themes print no date a reader can take (no
`article:published_time`, no `<time>`), no byline and no links to its terms, and few a summary. The page's post
keeps what the page shows, and takes its dates, author, terms and summary from the feed's item where the page has
none, and its title where the page gave only its document's (`Title – Site`), for the import of a static copy of the
site (sources/saved.py) and for sync from a live site's feeds (sync_feeds.py) alike.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import unquote, urlsplit

from generator.sources.v2_posts import REST_KEYS

DATES = (("date", "date_gmt"), ("modified", "modified_gmt"))
DASHES = re.compile("[\u2010-\u2015\u2212]")
# A text a theme or plugin cut short for the feed: its first words, an ellipsis, and nothing after them but a link to
# the post itself ("Source", "Read more"): `<p>Haiii semua! … diselenggarakan pada&#8230;</p> <p><a href="/2023/12/16/
# after-event/" rel="nofollow">Source</a></p>`, the whole `content:encoded` of an Indonesian media site's items.
CUT_SHORT = re.compile(r"(?:…|&#8230;|&hellip;|\.\.\.)\]?\s*(?:</p>)?\s*(?:<p>)?\s*"
                       r"<a\s[^>]*?href=[\"']([^\"']+)[\"'][^>]*>[^<]{0,60}</a>\s*(?:</p>)?\s*\Z")


def summary_only(item: dict[str, Any]) -> bool:
    """Whether a feed's post is its summary only (no `content:encoded`, or one cut short: CUT_SHORT), or nothing at
    all: the summary of a post of pictures only is empty, and so is the text its item gives, where its page shows the
    pictures."""
    content = item.get("content")
    text = str(content.get("rendered") or "").strip() if isinstance(content, dict) else ""
    return not text or _cut_short(text, str(item.get("link") or ""))


def _cut_short(text: str, link: str) -> bool:
    """Whether the text ends in an ellipsis and a link to the post's own address `link` (CUT_SHORT)."""
    cut = CUT_SHORT.search(text[-2000:])
    return cut is not None and bool(link) and _path(cut.group(1)) == _path(link)


def _path(address: str) -> str:
    return unquote(urlsplit(address.replace("&amp;", "&")).path).rstrip("/")


def completed(page: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """The page's post, with the feed item's dates, author, terms and excerpt where the page gives none, its address
    where the page's names no host (the guid that names it), and its title where one holds the other with more (the
    page's the site's name, the feed's what an SEO plugin's title left out)."""
    post, embedded = dict(page), dict(page.get("_embedded") or {})
    if not urlsplit(str(page.get("link") or "")).netloc and urlsplit(_rendered(item.get("guid"))).netloc:
        # (A page that names its address as a path, `/2023/12/16/x/`, and the item's guid its site: `?p=1056`.)
        post["guid"] = item["guid"]
    ours, theirs = _loose(_title(page)), _loose(_title(item))
    # (The page's <title>, the post's with the site's name around it; or an SEO plugin's title, the post's cut short,
    # "Japanesia Matsuri - Beneran…" of "[After Event] Japanesia Matsuri – Beneran…".)
    if theirs and ours != theirs and (theirs in ours or ours in theirs):
        post["title"] = item["title"]
    if not _rendered(page.get("excerpt")) and _rendered(item.get("excerpt")):
        post["excerpt"] = item["excerpt"]  # (the item's summary is WordPress's excerpt; a page prints one seldom)
    for pair in DATES:
        if not any(post.get(key) for key in pair) and any(item.get(key) for key in pair):
            post.update({key: item[key] for key in pair if key in item})
    said = item.get("_embedded") or {}
    if "author" not in embedded and said.get("author") and "author" in item:
        post["author"], embedded["author"] = item["author"], said["author"]
    if "wp:term" not in embedded and said.get("wp:term"):
        embedded["wp:term"] = said["wp:term"]
        post["_links"] = {**(post.get("_links") or {}), "wp:term": (item.get("_links") or {}).get("wp:term", [])}
        for terms in said["wp:term"]:
            taxonomy = terms[0].get("taxonomy", "") if terms else ""
            post[REST_KEYS.get(taxonomy, taxonomy)] = item.get(REST_KEYS.get(taxonomy, taxonomy), [])
    if embedded:
        post["_embedded"] = embedded
    return post


def _title(post: dict[str, Any]) -> str:
    return _rendered(post.get("title")).strip()


def _loose(title: str) -> str:
    """A title as compared: its entities read, any dash a hyphen, its spaces one, its case folded."""
    return " ".join(DASHES.sub("-", html.unescape(title)).split()).casefold()


def _rendered(field: Any) -> str:
    return str(field.get("rendered") or "") if isinstance(field, dict) else str(field or "")
