"""How the last build grouped the site's posts, for builds in which no post's place in the site changed.

Rebuilding after an edited body, a build of 10,000 posts spent a tenth of its time grouping the posts again
(model.build_site: sorting them, listing each term's, type's and month's posts, relating them) only to find
what it had found before. So the grouping is saved, `content/.newsmirror-cache/build-model.json`, as plain
values under a key of everything build_site reads: each post file's front matter but what only shows (its
place key, loading.place_key), terms.yaml, the site's labels, the configuration and the code. The posts
themselves are made from their front matter as always; the snapshot holds only their order and positions.
One that does not match, or cannot be read, is simply not used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import orjson

from generator.convert.document import TermRegistry
from generator.model import (Month, Post, PostType, Relations, Site, StoredPost, Taxonomy, TermListing, Year,
                             make_posts)
from generator.output.build_cache import FileEntry, cache_dir, write_file
from generator.output.digest import of_values
from generator.output.loading import PLACE

VERSION = 2  # of the file's layout
FILE_NAME = "build-model.json"


def key(parts: tuple[object, ...], entries: Mapping[str, FileEntry]) -> str:
    """The snapshot's key: `parts` (code, configuration, terms and labels keys) and every post file's place in
    the site, in the order of their paths (the entries come in the order they were read). A file that could
    not be read counts by its bytes."""
    return of_values(parts, [(path, _place(entries[path])) for path in sorted(entries)])


def _place(entry: FileEntry) -> str:
    return entry.meta[PLACE] if isinstance(entry.meta, list) else entry.digest


def load(content_dir: Path, wanted: str, stored: Sequence[StoredPost], registry: TermRegistry) -> Site | None:
    """The site grouped as the snapshot saved under `wanted` says, or None."""
    try:
        data = orjson.loads((cache_dir(content_dir) / FILE_NAME).read_bytes())
        if data.get("version") != VERSION or data.get("key") != wanted:
            return None
        return _site(data, stored, registry)
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def site_of(grouping: dict[str, Any], stored: Sequence[StoredPost], registry: TermRegistry) -> Site | None:
    """The site grouped as `grouping` (as `values` gives it) says, or None when it is not a grouping of `stored`."""
    try:
        return _site(grouping, stored, registry)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def previous(content_dir: Path, parts: tuple[object, ...], entries: Mapping[str, FileEntry]) -> dict[str, Any] | None:
    """The snapshot's values (see `values`) if it was made of `entries`, the post files as the last build read
    them (its cache's), with `parts` as they are now; else None."""
    try:
        data = orjson.loads((cache_dir(content_dir) / FILE_NAME).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION or data.get("key") != key(parts, entries):
        return None
    try:  # a file damaged under its own key must not fail the build, nor show another post
        posts = data["posts"]
        if len(set(posts)) != len(entries) or len(posts) != len(entries) or not all(type(p) is str for p in posts):
            return None
        _check_positions(data, len(entries))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None
    return data


def save(content_dir: Path, saved_key: str, grouping: dict[str, Any]) -> None:
    """`grouping` as `values` gives it. Written atomically; a content folder that cannot be written only costs
    the next build time."""
    try:
        write_file(content_dir, FILE_NAME, orjson.dumps({"version": VERSION, "key": saved_key, **grouping}))
    except (OSError, TypeError):  # TypeError: a lone surrogate in a name, which JSON cannot hold
        pass


def values(site: Site) -> dict[str, Any]:
    """The grouping as plain values: post files newest first, and every list and relation by their positions."""
    position = {id(post): number for number, post in enumerate(site.posts)}

    def numbers(posts: tuple[Post, ...]) -> list[int]:
        return [position[id(post)] for post in posts]

    relations = site.relations
    return {
        "posts": [post.file for post in site.posts],
        # The taxonomies each post's terms are of, in order, with their folders: posts have terms of published
        # taxonomies only.
        "published": [[t.wordpress_name, t.name] for t in site.taxonomies],
        "taxonomies": [[t.name, t.label, [[listing.term.slug, numbers(listing.posts)] for listing in t.terms]]
                       for t in site.taxonomies],
        "types": [[t.name, t.label, numbers(t.posts)] for t in site.types],
        "years": [[y.year, numbers(y.posts), [[m.month, numbers(m.posts)] for m in y.months]] for y in site.years],
        # Term masks are bit sets over hundreds of terms, wider than JSON's integers: written in hexadecimal.
        "relations": [relations.older_newer, [format(mask, "x") for mask in relations.terms_of], relations.posts_of,
                      relations.times, relations.parent_of, relations.children_of, relations.translations_of],
    }


def _site(data: dict[str, Any], stored: Sequence[StoredPost], registry: TermRegistry) -> Site:
    by_file = {stored_post.post.file: stored_post for stored_post in stored}
    if len(data["posts"]) != len(by_file) or set(data["posts"]) != by_file.keys():
        raise ValueError("not the posts the snapshot was made of")
    _check_positions(data, len(by_file))
    folders = {name: folder for name, folder in data["published"]}
    registered = {folder: name for name, folder in folders.items() if name != folder}
    posts = tuple(make_posts(map(by_file.__getitem__, data["posts"]), registry, folders))
    terms = {(t.taxonomy, t.slug): t for post in posts for t in post.terms}

    def chosen(numbers: list[int]) -> tuple[Post, ...]:
        return tuple(map(posts.__getitem__, numbers))

    older_newer, terms_of, posts_of, times, parent_of, children_of, translations_of = data["relations"]
    masks = tuple(int(mask, 16) for mask in terms_of)
    if any(mask < 0 or mask.bit_length() > len(posts_of) for mask in masks):
        raise ValueError("a post in a term the site does not have")
    relations = Relations(
        tuple(map(tuple, older_newer)), masks, tuple(map(tuple, posts_of)),
        tuple(times), tuple(parent_of), tuple(map(tuple, children_of)),
        tuple(tuple((language, position) for language, position in found) for found in translations_of))
    return Site(
        posts=posts,
        taxonomies=tuple(Taxonomy(name, label, tuple(TermListing(terms[(name, slug)], chosen(found))
                                                     for slug, found in listings), registered.get(name, ""))
                         for name, label, listings in data["taxonomies"]),
        types=tuple(PostType(name, label, chosen(found)) for name, label, found in data["types"]),
        years=tuple(Year(year, chosen(found), tuple(Month(year, month, chosen(m)) for month, m in months))
                    for year, found, months in data["years"]),
        relations=relations)


def _check_positions(data: dict[str, Any], count: int) -> None:
    """Every position the snapshot names is a post's, and every list of the relations has one entry per post:
    a damaged one would otherwise fail a page long after it was read, or show another post."""
    older_newer, terms_of, posts_of, times, parent_of, children_of, translations_of = data["relations"]
    if {len(older_newer), len(terms_of), len(times), len(parent_of), len(children_of)} != {count} or \
            len(translations_of) not in (0, count) or not all(type(t) in (int, float) for t in times):
        raise ValueError("relations of another number of posts")
    lists = [found for _, _, listings in data["taxonomies"] for _, found in listings]
    lists += [found for _, _, found in data["types"]]
    lists += [found for _, found, months in data["years"]] + [m for _, _, months in data["years"] for _, m in months]
    lists += [*posts_of, *children_of, [p for pair in older_newer for p in pair if p is not None],
              [p for p in parent_of if p is not None], [p for found in translations_of for _, p in found]]
    positions = list(chain.from_iterable(lists))
    # Checked by C loops (a tenth of a million positions): only ints (not bools, floats or strings), in range.
    if positions and (set(map(type, positions)) != {int} or min(positions) < 0 or max(positions) >= count):
        raise ValueError("a position that is no post's")
