"""Page keys: a digest of everything one output file is made from, computed from the model without
rendering anything. A page whose key is the one recorded for the file in the output folder is not rendered.

A key must change whenever the bytes of its page could: each part below names what the view of a page
(render/views.py) shows, and the tests build sites incrementally after every kind of edit and compare them
byte for byte with clean builds. Every key includes the code key (the generator's own code and the
libraries that shape the output) and the configuration key; page keys include the key of their template
and of every template it extends or includes.
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Mapping, Sequence

from generator import __version__, urls
from generator.model import RELATED_WINDOW, Post, Site, parent_and_children, translations
from generator.output import inputs
from generator.output.digest import of_bytes, of_values
from generator.render import updates
from generator.render.media_views import featured_key


RELATED_BLOCK = 32  # posts in a block of a term's list, on average (related_keys)


def code_key(digests: Sequence[str]) -> str:
    """`digests`: of the code files (inputs.code_files); with the Python that runs them (inputs.runtime)."""
    return of_values(__version__, inputs.runtime(), sorted(digests))


def template_keys(digests: Mapping[str, str], uses: Mapping[str, frozenset[str] | None]) -> dict[str, str]:
    """Template name -> digest of it and every template it uses; a template that names others only at run
    time (None) may use any of them."""
    keys = {}
    for name in digests:
        used = uses.get(name)
        closure = sorted(digests) if used is None else sorted(used | {name})
        keys[name] = of_values([(n, digests.get(n, "")) for n in closure])
    return keys


class Keys:
    """Keys of one build's pages; per-post parts are made once and shared by every page that shows the post."""

    def __init__(self, site: Site, config_digest: str, code_digest: str, templates: Mapping[str, str],
                 related: Sequence[tuple[int, ...]], media: Mapping[str, str]) -> None:
        """`media`: the mirrored images (output/stages.mirrored_media), of which pages show featured images."""
        self.site, self.templates, self.related, self.media = site, templates, related, media
        nav = ([(t.name, t.label) for t in site.types] if len(site.types) > 1 else [],
               [(t.name, t.label) for t in site.taxonomies], bool(site.posts), updates.has_updates(site))
        self.frame = of_values(config_digest, code_digest, nav)
        self.feed_frame = of_values(config_digest, code_digest)
        # Made when first asked for: a build that renders a few post pages needs only a few of them.
        self._summaries: dict[str, str] = {}
        self._feed_entries: dict[str, str] = {}

    def page(self, template: str, path: str, *parts: object) -> str:
        return of_values(self.frame, self.templates.get(template, ""), template, path, parts)

    def summaries(self, posts: Sequence[Post]) -> list[str]:
        """What a list shows of each post: title, link, date, summary, terms and whether it is gone upstream."""
        known = self._summaries.get  # (a list page shows twenty posts, each on many lists: most are known)
        return [known(p.file) or self._summary(p) for p in posts]

    def post(self, position: int, path: str) -> str:
        """A post page before its links to other posts are known (see `with_links`)."""
        posts = self.site.posts
        post = posts[position]
        older, newer = self.site.relations.older_newer[position]
        neighbours = [None if n is None else (urls.post(posts[n]), posts[n].title) for n in (older, newer)]
        related = [self._summary(posts[i]) for i in self.related[position]]
        terms = [(t.taxonomy, t.slug, t.name) for t in post.terms]
        parent, children = parent_and_children(self.site, position)
        family = [None if parent is None else (urls.post(parent), parent.title),
                  [(urls.post(child), child.title) for child in children]]
        others = [(language, urls.post(other)) for language, other in translations(self.site, position)]
        return self.page("post.html", path, post.digest, terms, neighbours, related,
                         featured_key(post.image, self.media), family, others)

    def feed(self, title: str, page: str, path: str, posts: Sequence[Post]) -> str:
        return of_values(self.feed_frame, title, page, path, [self._feed_entry(p) for p in posts])

    def events(self, events: Sequence[updates.Event]) -> list[tuple[str, ...]]:
        """What the Updates page shows of each event: day, kind, the post's title and link, the summary."""
        return [(e.day.isoformat(), e.kind, e.post.title, urls.post(e.post), e.summary) for e in events]

    def updates_feed(self, events: Sequence[updates.Event]) -> str:
        """The Updates feed's entries also name each post's GUID, and their own ids."""
        return of_values(self.feed_frame, updates.FEED, self.events(events),
                         [(e.post.source.guid, e.anchor) for e in events])

    def _summary(self, post: Post) -> str:
        found = self._summaries.get(post.file)
        if found is None:
            found = self._summaries[post.file] = of_values(
                post.title, urls.post(post), post.date.isoformat(), post.summary, post.language,
                [(urls.term(t), t.name) for t in post.terms], featured_key(post.image, self.media),
                post.removed)
        return found

    def _feed_entry(self, post: Post) -> str:
        found = self._feed_entries.get(post.file)
        if found is None:
            found = self._feed_entries[post.file] = of_values(
                self._summary(post), post.source.guid, post.updated.isoformat(), post.author)
        return found


def with_links(key: str, local_pages: Mapping[str, str], looked_up: Sequence[str]) -> str:
    """A post page's key once the links its body looks up are known: a link leads to the page of a mirrored
    post when that post is in the site, so its target is part of what the page shows."""
    return of_values(key, bool(local_pages), [(k, local_pages.get(k)) for k in looked_up])


def related_keys(site: Site, limit: int, code_digest: str) -> list[str]:
    """Position -> a key of everything model.related_positions reads for that post: its file, time and the
    limit, and for each of its terms the stretch of the term's list within RELATED_WINDOW of it (which posts,
    in which order, when, with which terms).

    A stretch is keyed by the blocks of the list that hold it. A block ends after a post whose file's CRC is a
    multiple of RELATED_BLOCK, which depends on that post alone: a post added, removed or moved changes its
    own blocks, not the rest of the list, so after one edited date or term only the posts near it in its
    terms' lists are related again, not every post that shares a term with it."""
    relations, posts = site.relations, site.posts
    # Each post's terms as one string (NUL never stands in a name), which marshals far faster than pairs.
    entries = [marshal.dumps((p.file, time, p.type, p.slug, "\0".join([f"{t.taxonomy}\0{t.slug}" for t in p.terms])), 2)
               for p, time in zip(posts, relations.times)]
    ends = [zlib.crc32(p.file.encode()) % RELATED_BLOCK == 0 for p in posts]
    stretches: list[list[str]] = [[] for _ in posts]
    for members in relations.posts_of:
        blocks, block_of = _blocks(members, entries, ends)
        last, known = len(members) - 1, {}
        for at, position in enumerate(members):
            span = (block_of[max(0, at - RELATED_WINDOW)], block_of[min(last, at + RELATED_WINDOW)])
            found = known.get(span)
            if found is None:  # neighbours in a list mostly share their stretch
                found = known[span] = of_values(blocks[span[0]:span[1] + 1])
            stretches[position].append(found)
    head = of_values(code_digest, limit)
    return [of_values((head, post.file, time, found)) for post, time, found in zip(posts, relations.times, stretches)]


def _blocks(members: Sequence[int], entries: Sequence[bytes], ends: Sequence[bool]) -> tuple[list[str], list[int]]:
    """The digests of a term list's blocks (see related_keys), and the block of each place in the list."""
    digests: list[str] = []
    block_of: list[int] = []
    start, last = 0, len(members) - 1
    for at, position in enumerate(members):
        block_of.append(len(digests))
        if ends[position] or at == last:
            digests.append(of_bytes(b"".join([entries[p] for p in members[start:at + 1]])))
            start = at + 1
    return digests, block_of
