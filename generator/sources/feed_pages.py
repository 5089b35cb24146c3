"""A post that a feed gives the summary of, and its page the text: what the page does not show, the feed's item says.

A site set to show summaries in its feeds gives each item's title, address, date, author and terms, but not its
text; the post's page gives the text, and its title, but many themes print no date a reader can take (no
`article:published_time`, no `<time>`), no byline and no links to its terms. The page's post keeps what the page
shows, and takes its dates, author and terms from the feed's item where the page has none, and its title where the
page gave only its document's (`Title – Site`), for the import of a static copy of the site (sources/saved.py) and
for sync from a live site's feeds (sync_feeds.py) alike.
"""

from __future__ import annotations

from typing import Any

from generator.sources.v2_posts import REST_KEYS

DATES = (("date", "date_gmt"), ("modified", "modified_gmt"))


def summary_only(item: dict[str, Any]) -> bool:
    """Whether a feed's post is its summary only (no `content:encoded`), or nothing at all: the summary of a post of
    pictures only is empty, and so is the text its item gives, where its page shows the pictures."""
    content = item.get("content")
    return not isinstance(content, dict) or not str(content.get("rendered") or "").strip()


def completed(page: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """The page's post, with the feed item's dates, author and terms where the page gives none, and its title where the
    page's holds it with more (the site's name)."""
    post, embedded = dict(page), dict(page.get("_embedded") or {})
    ours, theirs = _title(page), _title(item)
    if theirs and ours != theirs and theirs in ours:  # the page's <title>, the post's with the site's name around it
        post["title"] = item["title"]
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
    title = post.get("title")
    return str(title.get("rendered") or "").strip() if isinstance(title, dict) else ""
