"""What the mirror saw change upstream, as events for the Updates page and its feed.

Events come from every post's `mirror:` block (model.Provenance): the day a post was first mirrored it was
added, each revision revised it, and the day it was found gone upstream it was removed (the mirror keeps it).
They are dated by import runs, never by the build's clock, so the same content gives the same pages.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from generator.language.words import Words
from generator.model import Post, Revision, Site

FOLDER = "updates"
FEED = f"{FOLDER}/feed.xml"
# Ties on one day go in the order a post's life goes, newest first: removed after revised after added.
KINDS = ("removed", "revised", "added")
KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Event:
    day: date  # UTC date of the import run that saw it
    kind: str  # one of KINDS
    post: Post
    summary: str
    # Unique among a site's events, and the same in every build (the kind, the day, the post's path, and for a
    # second revision on one day its number): the fragment of its feed entry's id.
    anchor: str


def page_path(number: int) -> str:
    """`updates/index.html`, then `updates/page/N/index.html`, as other lists are paginated."""
    return f"{FOLDER}/index.html" if number == 1 else f"{FOLDER}/page/{number}/index.html"


def has_updates(site: Site) -> bool:
    """Whether the site has an Updates page: when any post has a mirror block. A site imported before the
    mirror kept provenance builds as it did."""
    return any(post.provenance is not None for post in site.posts)


def has_events(site: Site, files: frozenset[str]) -> bool:
    """Whether any post read from `files` has events: only a post with a mirror block is on the Updates page."""
    return any(post.provenance is not None for post in site.posts if post.file in files)


def events(site: Site, limit: int, words: Words) -> tuple[Event, ...]:
    """The newest `limit` events of the site, newest first, in an order that never depends on the build.
    A site has several events per post: they are ranked as plain tuples, and only the newest made Events."""
    ranked = []
    for post in site.posts:
        provenance = post.provenance
        if provenance is None:
            continue
        if provenance.first is not None:
            ranked.append((-provenance.first.toordinal(), KIND_RANK["added"], post.type, post.slug, 0, post))
        for order, revision in enumerate(provenance.revisions):
            ranked.append((-revision.date.toordinal(), KIND_RANK["revised"], post.type, post.slug, order, post))
        if provenance.removed is not None:
            ranked.append((-provenance.removed.toordinal(), KIND_RANK["removed"], post.type, post.slug, 0, post))
    newest = heapq.nsmallest(max(limit, 0), ranked, key=lambda found: found[:5])
    return tuple(_event(KINDS[rank], post, order, words) for _, rank, _, _, order, post in newest)


def revision_summary(revision: Revision, words: Words) -> str:
    """The revision's own summary, else the fields it changed."""
    if revision.summary:
        return revision.summary
    return words.fill("changed_fields", fields=", ".join(revision.changed)) if revision.changed else words.changed


def _event(kind: str, post: Post, order: int, words: Words) -> Event:
    """The event of `post` of that kind; for a revision, of its revision number `order` (0 is the newest)."""
    provenance = post.provenance
    assert provenance is not None
    who = f"{post.type}/{post.slug}"  # unique in a site, unlike WordPress ids, which hand-written posts lack
    if kind == "added":
        assert provenance.first is not None
        return Event(provenance.first, kind, post, post.summary, _anchor(kind, provenance.first, who))
    if kind == "removed":
        assert provenance.removed is not None
        return Event(provenance.removed, kind, post, words.removed_event, _anchor(kind, provenance.removed, who))
    revision = provenance.revisions[order]
    # Numbered oldest first among the revisions of one day, so a revision keeps its number as newer ones come.
    number = 1 + sum(1 for older in provenance.revisions[order + 1:] if older.date == revision.date)
    return Event(revision.date, kind, post, revision_summary(revision, words),
                 _anchor(kind, revision.date, who, number))


def _anchor(kind: str, day: date, who: str, number: int = 1) -> str:
    return quote(f"{kind}-{day.isoformat()}/{who}" + (f"/{number}" if number > 1 else ""), safe="/")
