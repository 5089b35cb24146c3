"""The site model: posts, taxonomies, post types and date archives, sorted once, in the order every page
shows them; and how posts relate: previous and next in date order, related by shared terms."""

from __future__ import annotations

import bisect
import heapq
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain, groupby
from operator import itemgetter

from generator.config import Taxonomy as TaxonomySetting
from generator.config import default_label
from generator.convert.document import Document, Image, Source, TermRegistry

# What a taxonomy's folder takes after its name where a post type has that name too: WordPress lets plugins register
# both (a shop's `seting` type and taxonomy), and the type's list and the taxonomy's index would both be
# `<name>/index.html`, so one of them was left out of the site.
CLASHING_FOLDER = "-terms"
# Related posts are sought among this many posts on each side of a post in each of its terms' lists,
# so their cost per page stays the same however large the site grows; news relates mostly to news
# of about the same time anyway.
RELATED_WINDOW = 50


@dataclass(frozen=True)
class Term:
    taxonomy: str
    slug: str
    name: str  # the slug when no name is known


@dataclass(frozen=True)
class Revision:
    """A change to a post seen upstream by one import run."""

    date: date  # UTC date of the run that saw it
    modified: datetime | None  # the source's `modified` then; None when the file does not say
    changed: tuple[str, ...]  # the fields that changed: title, body, summary, ...
    summary: str  # one line for readers; "" when the file does not say


@dataclass(frozen=True)
class Provenance:
    """What the mirror knows of a post's life upstream: its front matter's `mirror:` block."""

    first: date | None  # UTC date of the run that first mirrored it
    removed: date | None  # set while the post is gone upstream (the mirror keeps it)
    revisions: tuple[Revision, ...]  # newest first


@dataclass(frozen=True)
class Post:
    title: str
    slug: str
    type: str
    date: datetime
    updated: datetime
    summary: str
    author: str  # "" when unknown
    # The file the post was read from, relative to the content folder, and a digest of its bytes. The body is
    # not kept: a page reads it again when it is rendered, so the site's Markdown is never all in memory.
    file: str
    digest: str
    source: Source
    terms: tuple[Term, ...]  # published taxonomies only, in taxonomy order
    image: Image | None = None  # the featured image
    provenance: Provenance | None = None  # None for posts written before the mirror kept it, or by hand
    language: str = ""  # the post's own language tag, when a multilingual plugin said; "" otherwise
    translations: tuple[tuple[str, int], ...] = ()  # (language tag, WordPress id) of the post in other languages
    body_digest: str = ""  # of the body alone, which a new date or terms leave as it was; "" when not known

    @property
    def removed(self) -> bool:
        """Whether the post is gone from the source site (the mirror keeps it)."""
        return self.provenance is not None and self.provenance.removed is not None


@dataclass(frozen=True)
class StoredPost:
    """A post as read from its file, before the site gives it its terms: its Post, with no terms yet, and the term
    slugs its front matter names by taxonomy, of which make_posts keeps the published taxonomies'. The build makes
    the Post straight from the cached front matter (output/loading.py), and make_posts copies it whole, adding
    the terms: a rebuild makes ten thousand of them, where a Document made in between cost some 35 ms."""

    post: Post  # its `terms` are ()
    taxonomies: Mapping[str, Sequence[str]]  # taxonomy name -> term slugs


def stored_post(file: str, digest: str, document: Document, provenance: Provenance | None = None,
                body_digest: str = "") -> StoredPost:
    """The StoredPost of a post read as a Document (its body left out)."""
    return StoredPost(Post(document.title, document.slug, document.type, document.date, document.updated,
                           document.summary, document.author, file, digest, document.source, (), document.image,
                           provenance, document.language, document.translations, body_digest),
                      document.taxonomies)


@dataclass(frozen=True)
class TermListing:
    term: Term
    posts: tuple[Post, ...]  # newest first


@dataclass(frozen=True)
class Taxonomy:
    name: str  # the folder of its pages, as its terms' `taxonomy`: WordPress's name unless a post type has it too
    label: str
    terms: tuple[TermListing, ...]  # by name, then slug
    registered: str = ""  # WordPress's name where `name` is not it

    @property
    def wordpress_name(self) -> str:
        return self.registered or self.name


@dataclass(frozen=True)
class PostType:
    name: str
    label: str
    posts: tuple[Post, ...]  # newest first


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    posts: tuple[Post, ...]  # newest first


@dataclass(frozen=True)
class Year:
    year: int
    posts: tuple[Post, ...]  # newest first
    months: tuple[Month, ...]  # newest first


@dataclass(frozen=True)
class Relations:
    """How posts relate, by their positions in Site.posts, so finding relations compares numbers, not posts."""

    older_newer: tuple[tuple[int | None, int | None], ...]  # position -> neighbours of the same type
    terms_of: tuple[int, ...]  # position -> its terms, as a bit mask of their numbers (shared terms: a & b)
    posts_of: tuple[tuple[int, ...], ...]  # term number -> positions of its posts, ascending
    times: tuple[float, ...]  # position -> publication instant
    parent_of: tuple[int | None, ...] = ()  # position -> the page it is under (source.parent), if in the site
    children_of: tuple[tuple[int, ...], ...] = ()  # position -> the pages under it, by title
    translations_of: tuple[tuple[tuple[str, int], ...], ...] = ()  # position -> (language, position) of each
    # translation in the site


@dataclass(frozen=True)
class Site:
    posts: tuple[Post, ...]  # newest first; ties broken by type and slug
    taxonomies: tuple[Taxonomy, ...]
    types: tuple[PostType, ...]  # by name
    years: tuple[Year, ...]  # newest first, by each post's local date
    relations: Relations = field(repr=False, compare=False)


def newest_first(post: Post) -> tuple[float, str, str]:
    return (-post.date.timestamp(), post.type, post.slug)


def build_site(stored: Iterable[StoredPost], registry: TermRegistry, settings: tuple[TaxonomySetting, ...] | None,
               label: Callable[[str], str] = default_label, type_label: Callable[[str], str] | None = None) -> Site:
    """`label` names the taxonomies `settings` leave unnamed (all, when None); `type_label` (else `label`) the
    post types."""
    stored = list(stored)
    settings = _taxonomy_settings(stored, settings, label)
    folders = taxonomy_folders([s.name for s in settings], {s.post.type for s in stored})
    ranked = sorted(((newest_first(post), post) for post in make_posts(stored, registry, folders)),
                    key=lambda ranked_post: ranked_post[0])
    posts = tuple(post for _, post in ranked)
    by_term = _posts_by_term(posts)
    times = tuple(-rank[0] for rank, _ in ranked)
    taxonomies = tuple(_taxonomy(s, folders[s.name], by_term) for s in settings)
    return Site(posts=posts, taxonomies=taxonomies,
                types=_types(posts, type_label or label), years=_years(posts), relations=_relations(posts, by_term, times))


def parent_and_children(site: Site, position: int) -> tuple[Post | None, tuple[Post, ...]]:
    """The page `site.posts[position]` is under, and the pages under it, as WordPress nests pages."""
    relations = site.relations
    parent = relations.parent_of[position] if relations.parent_of else None
    children = relations.children_of[position] if relations.children_of else ()
    return (None if parent is None else site.posts[parent]), tuple(site.posts[i] for i in children)


def translations(site: Site, position: int) -> tuple[tuple[str, Post], ...]:
    """(language tag, post) of each translation of `site.posts[position]` in the site, by tag."""
    found = site.relations.translations_of
    return tuple((language, site.posts[at]) for language, at in found[position]) if found else ()


def older_and_newer(site: Site, position: int) -> tuple[Post | None, Post | None]:
    """The posts of the same type just before and just after `site.posts[position]` in date order."""
    older, newer = site.relations.older_newer[position]
    return (None if older is None else site.posts[older]), (None if newer is None else site.posts[newer])


def related_posts(site: Site, position: int, limit: int) -> tuple[Post, ...]:
    return tuple(site.posts[i] for i in related_positions(site, position, limit))


def related_positions(site: Site, position: int, limit: int) -> tuple[int, ...]:
    """Posts sharing the most terms with `site.posts[position]`; ties go to the nearest in time, then the newer.

    The answer depends only on the post and on the lists of its own terms (which posts, in which order, at
    which times): candidates come from those lists, and a candidate's other terms do not count. The build
    cache relies on this to reuse the answer while those lists are unchanged.
    """
    relations = site.relations
    mine = relations.terms_of[position]
    if limit <= 0 or not mine:
        return ()
    candidates: set[int] = set()
    for term in _numbers(mine):
        positions = relations.posts_of[term]
        at = bisect.bisect_left(positions, position)
        candidates.update(positions[max(0, at - RELATED_WINDOW): at + RELATED_WINDOW + 1])
    candidates.discard(position)
    others = list(candidates)
    # Hundreds of candidates, of which only those sharing the most terms can win: count shared terms for all
    # (in C, through map), then rank by time only those that share at least as many as the `limit`-th best.
    shared = list(map(int.bit_count, map(mine.__and__, map(relations.terms_of.__getitem__, others))))
    fewest = _fewest_shared(shared, limit)
    when, times = relations.times[position], relations.times
    ranked = [(-count, abs(times[other] - when), other) for other, count in zip(others, shared) if count >= fewest]
    return tuple(other for _, _, other in heapq.nsmallest(limit, ranked))


def _fewest_shared(shared: list[int], limit: int) -> int:
    """The most shared terms that at least `limit` candidates have, or the fewest any has when there are
    not that many: no candidate with fewer can be among the best `limit`."""
    wanted = limit
    counts = sorted(set(shared), reverse=True)
    for count in counts:
        wanted -= shared.count(count)
        if wanted <= 0:
            return count
    return counts[-1] if counts else 0


def _numbers(mask: int) -> Iterator[int]:
    """The numbers of the bits set in `mask`, lowest first; a site has hundreds of terms, a post a few."""
    while mask:
        lowest = mask & -mask
        yield lowest.bit_length() - 1
        mask ^= lowest


def _taxonomy_settings(stored: list[StoredPost], settings: tuple[TaxonomySetting, ...] | None,
                       label: Callable[[str], str]) -> tuple[TaxonomySetting, ...]:
    """The configured taxonomies, or when none are, every taxonomy the posts name."""
    if settings is not None:
        return settings
    names = sorted({tax for s in stored for tax in s.taxonomies})
    return tuple(TaxonomySetting(name, label(name)) for name in names)


def taxonomy_folders(names: Iterable[str], types: Iterable[str]) -> dict[str, str]:
    """Each published taxonomy's name -> the folder of its pages: its name, or where a post type has that name
    too (told apart as paths are, pages.PathClaims), its name and CLASHING_FOLDER, as often as another type or
    taxonomy has that."""
    names, type_keys = list(names), {_path_key(name) for name in types}
    taken = type_keys | {_path_key(name) for name in names}
    folders = {}
    for name in names:
        folder = name
        while _path_key(folder) in type_keys or (folder != name and _path_key(folder) in taken):
            folder += CLASHING_FOLDER
        taken.add(_path_key(folder))
        folders[name] = folder
    return folders


def _path_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def make_posts(stored: Iterable[StoredPost], registry: TermRegistry, folders: Mapping[str, str]) -> Iterator[Post]:
    """Each post of the model, in `stored`'s order, with its terms of the published taxonomies (`folders`'
    keys, taxonomy_folders) in their order."""
    terms = _TermNames(registry, folders)
    order = list(folders)
    return (_post(s, terms, order) for s in stored)


def _post(stored: StoredPost, terms: _TermNames, order: list[str]) -> Post:
    named = stored.taxonomies
    # A term named twice counts once; the pairs are told apart as tuples, which hash in C, unlike Terms.
    keys = dict.fromkeys((taxonomy, slug) for taxonomy in order for slug in named.get(taxonomy, ()))
    # The terms made already, looked up in C; the first post of a term makes it (Terms are never false).
    post_terms = tuple(map(terms.made.get, keys))
    if not all(post_terms):
        post_terms = tuple(map(terms.get, keys))
    # The stored Post's fields copied in C, and its terms (see frozen.restore).
    made = object.__new__(Post)
    made.__dict__.update(stored.post.__dict__)
    made.__dict__["terms"] = post_terms
    return made


class _TermNames:
    """One Term object per (taxonomy, slug), so the thousands of posts in a term share it."""

    def __init__(self, registry: TermRegistry, folders: Mapping[str, str]) -> None:
        self.registry, self.folders = registry, folders
        self.made: dict[tuple[str, str], Term] = {}

    def get(self, key: tuple[str, str]) -> Term:
        term = self.made.get(key)
        if term is None:
            stored = self.registry.get(*key)
            name = stored.name if stored and stored.name else key[1]
            term = self.made[key] = Term(self.folders[key[0]], key[1], name)
        return term


def _posts_by_term(posts: tuple[Post, ...]) -> dict[tuple[str, str], list[Post]]:
    """(taxonomy, slug) -> its posts, newest first; keyed by plain tuples, which hash faster than Terms."""
    by_term: dict[tuple[str, str], list[Post]] = {}
    for post in posts:
        for term in post.terms:
            by_term.setdefault((term.taxonomy, term.slug), []).append(post)
    return by_term


def _taxonomy(setting: TaxonomySetting, folder: str, by_term: dict[tuple[str, str], list[Post]]) -> Taxonomy:
    """Each term as its newest post names it. (That post's terms are looked up by key, made once for each
    post: a post filed under thousands of tags was searched once for each of them.)"""
    keyed: dict[int, dict[tuple[str, str], Term]] = {}
    listings = []
    for key, posts in by_term.items():
        if key[0] == folder:
            first = posts[0]
            terms = keyed.get(id(first))
            if terms is None:
                terms = keyed[id(first)] = {(t.taxonomy, t.slug): t for t in first.terms}
            listings.append(TermListing(terms[key], tuple(posts)))
    listings.sort(key=lambda listing: (listing.term.name.casefold(), listing.term.slug))
    return Taxonomy(folder, setting.label, tuple(listings), "" if folder == setting.name else setting.name)


def _types(posts: tuple[Post, ...], label: Callable[[str], str]) -> tuple[PostType, ...]:
    by_type: dict[str, list[Post]] = {}
    for post in posts:  # one pass, where a pass per type compared every post's type with each
        by_type.setdefault(post.type, []).append(post)
    return tuple(PostType(name, label(name), tuple(by_type[name])) for name in sorted(by_type))


def _years(posts: tuple[Post, ...]) -> tuple[Year, ...]:
    """Posts are newest first by instant; a post is filed under its own local date, so each month's posts are
    taken in that order (as a stable sort by local month would give them) and the months put newest first."""
    by_month: dict[tuple[int, int], list[Post]] = {}
    for post in posts:  # one pass and no key function: sorting by month called two per post, grouping two more
        moment = post.date
        by_month.setdefault((moment.year, moment.month), []).append(post)
    years = []
    for year, months in groupby(sorted(by_month, reverse=True), key=itemgetter(0)):
        found = tuple(Month(year, month, tuple(by_month[year, month])) for _, month in months)
        years.append(Year(year, tuple(chain.from_iterable(month.posts for month in found)), found))
    return tuple(years)


def _relations(posts: tuple[Post, ...], by_term: dict[tuple[str, str], list[Post]],
               times: tuple[float, ...]) -> Relations:
    numbers = {key: number for number, key in enumerate(by_term)}
    posts_of: list[list[int]] = [[] for _ in numbers]
    terms_of = []
    for position, post in enumerate(posts):
        mask = 0
        for term in post.terms:
            number = numbers[(term.taxonomy, term.slug)]
            if not mask >> number & 1:
                posts_of[number].append(position)
            mask |= 1 << number
        terms_of.append(mask)
    parent_of, children_of = _family(posts)
    return Relations(_older_newer(posts), tuple(terms_of), tuple(map(tuple, posts_of)), times, parent_of, children_of,
                     _translations(posts))


def _family(posts: tuple[Post, ...]) -> tuple[tuple[int | None, ...], tuple[tuple[int, ...], ...]]:
    """Each post's parent (a post of its type whose WordPress id is its source.parent) and children in their
    menu order (source.order), then by title.
    A parent missing from the site, or one that would make a loop, leaves the post at the top."""
    if not any(post.source.parent for post in posts):  # as on news sites: no page under another; no lookups, no sorts
        return (None,) * len(posts), ((),) * len(posts)
    by_id = {(post.type, post.source.id): position for position, post in enumerate(posts) if post.source.id > 0}
    parent_of: list[int | None] = [by_id.get((post.type, post.source.parent)) if post.source.parent else None
                                   for post in posts]
    for position in range(len(posts)):
        seen, at = {position}, parent_of[position]
        while at is not None and at not in seen:
            seen.add(at)
            at = parent_of[at]
        if at == position:  # the chain came back to the post: a loop, which WordPress refuses too
            parent_of[position] = None
    children: dict[int, list[int]] = {}
    for position, parent in enumerate(parent_of):
        if parent is not None:
            children.setdefault(parent, []).append(position)
    order = [tuple(sorted(children.get(p, ()), key=lambda c: (posts[c].source.order, posts[c].title.casefold(),
                                                                     posts[c].slug)))
             for p in range(len(posts))]
    return tuple(parent_of), tuple(order)


def _translations(posts: tuple[Post, ...]) -> tuple[tuple[tuple[str, int], ...], ...]:
    """Each post's translations that are in the site: posts of its type with the WordPress ids it names."""
    if not any(post.translations for post in posts):
        return ()
    by_id = {(post.type, post.source.id): position for position, post in enumerate(posts) if post.source.id > 0}
    return tuple(tuple((language, by_id[(post.type, ident)]) for language, ident in post.translations
                       if (post.type, ident) in by_id) for post in posts)


def _older_newer(posts: tuple[Post, ...]) -> tuple[tuple[int | None, int | None], ...]:
    result: list[tuple[int | None, int | None]] = [(None, None)] * len(posts)
    by_type: dict[str, list[int]] = {}
    for position, post in enumerate(posts):
        by_type.setdefault(post.type, []).append(position)
    for positions in by_type.values():
        for i, position in enumerate(positions):
            older = positions[i + 1] if i + 1 < len(positions) else None
            result[position] = (older, positions[i - 1] if i > 0 else None)
    return tuple(result)
