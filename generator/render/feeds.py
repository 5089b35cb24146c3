"""Atom feeds (RFC 4287): one for the site and one per term, newest posts first, and one of the Updates page.

An entry's id is the post's WordPress GUID, which stays its identity when its URL changes, and every
`updated` comes from content dates, never from the clock, so a rebuild gives the same bytes. Feeds
are read by programs away from the site, so every link in them is absolute, made from base_url.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from urllib.parse import urlsplit

from generator import urls
from generator.config import Config
from generator.language.words import Words
from generator.model import Post, Site
from generator.render import updates
from generator.render.text_direction import same_language
from generator.render.views import term_listing_title, updates_title
from generator.render.xml_text import escape, quoteattr

# What an empty feed says it was updated: a fixed date, because the build's own time is never output.
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# Characters XML 1.0 cannot carry at all, not even escaped: what its Char production leaves out, listed
# rather than negated, which compiles ten times faster (a negated class of large ranges costs ~7 ms per import).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class FeedPlan:
    """One feed before it is written: its path, title, the page it stands for, and its posts."""

    path: str
    title: str
    page: str
    posts: tuple[Post, ...]


def feed_plans(site: Site, config: Config) -> Iterator[FeedPlan]:
    """The site's feed and each term's; none without base_url, as feeds need it."""
    if not config.site.base_url:
        return
    limit = config.build.feed_entries
    yield FeedPlan(urls.FEED, config.site.title, urls.home(), site.posts[:limit])
    for taxonomy in site.taxonomies:
        for listing in taxonomy.terms:
            title = f"{config.site.title}: {term_listing_title(listing, taxonomy)}"
            yield FeedPlan(urls.term_feed(listing.term), title, urls.term(listing.term), listing.posts[:limit])


def feeds(site: Site, config: Config) -> Iterator[tuple[str, bytes]]:
    """(path, Atom document) for the site and each term."""
    entries = Entries(config.site.base_url, config.site.language)
    for plan in feed_plans(site, config):
        yield plan.path, atom(config, plan.title, plan.page, plan.path, plan.posts, entries)


class Entries:
    """The Atom entry of each post, made once: a post shows in the site's feed and in the feed of each of
    its terms, the same in all of them."""

    def __init__(self, base_url: str, language: str) -> None:
        self.base_url, self.language = base_url, language
        self._made: dict[str, str] = {}

    def __call__(self, post: Post) -> str:
        found = self._made.get(post.file)
        if found is None:
            found = self._made[post.file] = "\n".join(_entry(post, self.base_url, self.language))
        return found


def atom(config: Config, title: str, page: str, path: str, posts: Sequence[Post], entries: Entries) -> bytes:
    updated = max((p.updated for p in posts), default=EPOCH)
    return _feed(config, title, page, path, updated, map(entries, posts))


def updates_atom(config: Config, events: Sequence[updates.Event], words: Words) -> bytes:
    """The feed of the Updates page: an entry per event, dated by the import run that saw it."""
    base = config.site.base_url
    updated = max((_midnight(e.day) for e in events), default=EPOCH)
    entries = ("\n".join(_update_entry(e, base, getattr(words, f"{e.kind}_kind"))) for e in events)
    return _feed(config, updates_title(config, words), updates.page_path(1), updates.FEED, updated, entries)


def _feed(config: Config, title: str, page: str, path: str, updated: datetime, entries: Iterable[str]) -> bytes:
    base = config.site.base_url
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={_attr(config.site.language)}>',
        f"  <id>{_text(urls.absolute(base, path))}</id>",
        f"  <title>{_text(title)}</title>",
        f"  <subtitle>{_text(config.site.description)}</subtitle>",
        f"  <updated>{_time(updated)}</updated>",
        f"  <author><name>{_text(config.site.author or config.site.title)}</name></author>",
        f'  <link rel="self" type="application/atom+xml" href={_attr(urls.absolute(base, path))}/>',
        f'  <link rel="alternate" type="text/html" href={_attr(urls.absolute(base, page))}/>',
        "  <generator>newsmirror</generator>",
    ]
    lines.extend(entries)
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def entry_id(post: Post, base_url: str) -> str:
    """The GUID when it is an absolute IRI, as Atom requires; else the post's own address (also for one that
    is no IRI at all, `http://[host/?p=1`, a bracket left open)."""
    guid = post.source.guid.strip()
    try:
        absolute = bool(urlsplit(guid).scheme)
    except ValueError:
        absolute = False
    return guid if absolute else urls.absolute(base_url, urls.post(post))


def _entry(post: Post, base: str, language: str) -> list[str]:
    """`language`: the feed's, which an entry in another language says it is not."""
    lines = [
        "  <entry>" if same_language(post.language, language) else f"  <entry xml:lang={_attr(post.language)}>",
        f"    <id>{_text(entry_id(post, base))}</id>",
        f"    <title>{_text(post.title)}</title>",
        f'    <link rel="alternate" type="text/html" href={_attr(urls.absolute(base, urls.post(post)))}/>',
        f"    <published>{_time(post.date)}</published>",
        f"    <updated>{_time(post.updated)}</updated>",
    ]
    if post.author:
        lines.append(f"    <author><name>{_text(post.author)}</name></author>")
    for term in post.terms:
        scheme = urls.absolute(base, urls.taxonomy(term.taxonomy))
        lines.append(f"    <category term={_attr(term.slug)} scheme={_attr(scheme)} label={_attr(term.name)}/>")
    if post.summary:
        lines.append(f'    <summary type="text">{_text(post.summary)}</summary>')
    lines.append("  </entry>")
    return lines


def _update_entry(event: updates.Event, base: str, label: str) -> list[str]:
    # The entry's id is the feed's address with the event's anchor: a post's GUID may hold a fragment already.
    post = event.post
    lines = [
        "  <entry>",
        f"    <id>{_text(urls.absolute(base, updates.FEED))}#{_text(event.anchor)}</id>",
        f"    <title>{_text(f'{label}: {post.title}')}</title>",
        f'    <link rel="alternate" type="text/html" href={_attr(urls.absolute(base, urls.post(post)))}/>',
        f"    <updated>{_time(_midnight(event.day))}</updated>",
        f"    <category term={_attr(event.kind)} label={_attr(label)}/>",
    ]
    if event.summary:
        lines.append(f'    <summary type="text">{_text(event.summary)}</summary>')
    lines.append("  </entry>")
    return lines


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), timezone.utc)


def _time(when: datetime) -> str:
    return when.isoformat()


def _text(value: str) -> str:
    return escape(NOT_XML.sub("", value))


def _attr(value: str) -> str:
    return quoteattr(NOT_XML.sub("", value))
