"""Edits that move posts without changing their pages' paths (output/edits.py, `moved`): a date, terms, a
featured image, a parent. What else shows something new then is found by comparing how the last build
grouped the posts (its model snapshot, output/model_snapshot.py) with how this one does, list by list and page
by page: the list pages whose posts changed, the feeds whose entries did, the posts whose neighbours, family,
translations or related posts did. Only those are planned. The search index numbers posts by WordPress id
(search_index.numbered), so a move renumbers none of them unless a post's id changed.
A grouping of another shape, where a list appeared or went or has another number of pages, gives None: the
site's paths change then, and every page is planned; so does a new id.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from generator import urls
from generator.config import Config
from generator.convert.document import Term
from generator.model import Site
from generator.output.edits import Edits
from generator.output.pages import page_count

ListName = tuple[Any, ...]  # ("home",), ("type", name), ("year", y), ("month", y, m), ("term", taxonomy, slug)
Related = Mapping[str, tuple[str, tuple[str, ...]]]  # post file -> (key, related files), as the build cache has it


def with_moves(edits: Edits, old: dict[str, Any], new: dict[str, Any], site: Site, config: Config,
               old_related: Related, new_related: Related) -> Edits | None:
    """`edits` with what the moves change; `old` and `new` are the two groupings as model_snapshot saves them."""
    if edits.readdressed:  # a new WordPress id renumbers posts in the search index (search_index.numbered)
        return None
    old_lists, new_lists = _lists(old), _lists(new)
    found = _list_changes(old_lists, new_lists, _months(old), _months(new), site, config)
    if found is None:
        return None
    lists, feeds = found
    pages = _surroundings_changed(old, new, edits.moved)
    pages.update(file for file, (_, files) in new_related.items() if old_related.get(file, ("", None))[1] != files)
    recounted = any(len(posts) != len(old_lists[name]) for name, posts in new_lists.items() if name[0] == "term")
    return dataclasses.replace(edits, lists=frozenset(lists), feeds=frozenset(feeds), pages=frozenset(pages),
                               recounted=recounted)


def near_moves(old: dict[str, Any], site: Site, moved: frozenset[str], window: int) -> frozenset[str]:
    """The moved posts, and the posts within `window` places of one in a term's list, before the moves (`old`,
    the last grouping) or after (`site`). Only their related posts can have changed: model.related_positions
    reads a post's terms' lists within that window of it, and the posts there; the rest of every list, taken
    without the moved posts, is the same sequence as before."""
    found = set(moved)
    _mark_near(found, old["posts"], old["relations"][2], moved, window)
    _mark_near(found, [post.file for post in site.posts], site.relations.posts_of, moved, window)
    return frozenset(found)


def _mark_near(found: set[str], files: list[str], lists: Any, moved: frozenset[str], window: int) -> None:
    """Add to `found` the files within `window` places of a moved post in one of `lists` (positions in
    `files`, each list in ascending order, as model._relations makes them)."""
    at = {position for position, file in enumerate(files) if file in moved}
    for members in lists:
        if at.isdisjoint(members):
            continue
        for position in at:
            place = bisect.bisect_left(members, position)
            if place < len(members) and members[place] == position:
                found.update(files[p] for p in members[max(0, place - window):place + window + 1])


def _list_changes(old: dict[ListName, list[str]], new: dict[ListName, list[str]], old_months: dict[int, list],
                  new_months: dict[int, list], site: Site, config: Config) -> tuple[set[str], set[str]] | None:
    """The paths of the list pages and of the feeds that show other posts than before, or None."""
    if old.keys() != new.keys():
        return None
    size, limit = config.build.posts_per_page, config.build.feed_entries
    terms = {(listing.term.taxonomy, listing.term.slug): listing.term
             for taxonomy in site.taxonomies for listing in taxonomy.terms}
    lists: set[str] = set()
    feeds: set[str] = set()
    for name, now in new.items():
        was = old[name]
        count = page_count(len(now), size)
        if count != page_count(len(was), size):
            return None
        # A year's pages show its months' counts too.
        every = name[0] == "year" and old_months[name[1]] != new_months[name[1]]
        if was == now and not every:
            continue
        path = _path_of_page(name, terms)
        lists.update(path(n) for n in range(1, count + 1)
                     if every or was[(n - 1) * size:n * size] != now[(n - 1) * size:n * size])
        if name[0] in ("home", "term") and was[:limit] != now[:limit]:
            feeds.add(urls.FEED if name[0] == "home" else urls.term_feed(terms[name[1:]]))
    return lists, feeds


def _lists(values: dict[str, Any]) -> dict[ListName, list[str]]:
    """Every list of posts the site's pages show, as post files in the list's order."""
    files = values["posts"]

    def named(positions: list[int]) -> list[str]:
        return [files[p] for p in positions]

    found: dict[ListName, list[str]] = {("home",): files}
    for name, _, positions in values["types"]:
        found["type", name] = named(positions)
    for year, positions, months in values["years"]:
        found["year", year] = named(positions)
        for month, in_month in months:
            found["month", year, month] = named(in_month)
    for taxonomy, _, listings in values["taxonomies"]:
        for slug, positions in listings:
            found["term", taxonomy, slug] = named(positions)
    return found


def _months(values: dict[str, Any]) -> dict[int, list]:
    """Year -> its months and their counts, which each page of the year's list shows."""
    return {year: [(month, len(in_month)) for month, in_month in months] for year, _, months in values["years"]}


def _surroundings_changed(old: dict[str, Any], new: dict[str, Any], moved: frozenset[str]) -> set[str]:
    """The posts whose surroundings (see _surroundings) differ between the two groupings. Where no post has a
    parent, a page under it or a translation, only neighbours can differ, and only those of a moved post,
    before or after the move: a post's neighbours change only when one moved away from it or next to it. So
    those few are compared, not every post of the site twice (a few hundredths of a second at 10,000)."""
    if _has_family(old) or _has_family(new):
        before = _surroundings(old)
        return {file for file, shown in _surroundings(new).items() if before.get(file) != shown}
    near = set(moved)
    for values in (old, new):
        files, older_newer = values["posts"], values["relations"][0]
        for file in moved:
            if file in files:
                near.update(files[n] for n in older_newer[files.index(file)] if n is not None)
    before, after = _neighbours(old, near), _neighbours(new, near)
    return {file for file in near if before.get(file) != after.get(file)}


def _has_family(values: dict[str, Any]) -> bool:
    _, _, _, _, parent_of, children_of, translations_of = values["relations"]
    return parent_of.count(None) != len(parent_of) or any(children_of) or any(translations_of)


def _neighbours(values: dict[str, Any], wanted: set[str]) -> dict[str, tuple]:
    """Post file -> its older and newer neighbours' files, for the `wanted` posts."""
    files, older_newer = values["posts"], values["relations"][0]
    return {file: tuple(None if n is None else files[n] for n in older_newer[position])
            for position, file in enumerate(files) if file in wanted}


def _surroundings(values: dict[str, Any]) -> dict[str, tuple]:
    """Post file -> the posts its page links to apart from related ones: its neighbours, parent, children and
    translations (model.Relations), as files."""
    files = values["posts"]
    older_newer, _, _, _, parent_of, children_of, translations_of = values["relations"]

    def at(position: int | None) -> str | None:
        return None if position is None else files[position]

    return {file: (tuple(map(at, older_newer[n])), at(parent_of[n]) if parent_of else None,
                   tuple(map(at, children_of[n])) if children_of else (),
                   tuple((language, at(p)) for language, p in translations_of[n]) if translations_of else ())
            for n, file in enumerate(files)}


def _path_of_page(name: ListName, terms: dict[tuple[str, str], Term]) -> Callable[[int], str]:
    kind = name[0]
    if kind == "home":
        return urls.home
    if kind == "type":
        return lambda n: urls.post_type(name[1], n)
    if kind == "year":
        return lambda n: urls.year(name[1], n)
    if kind == "month":
        return lambda n: urls.month(name[1], name[2], n)
    return lambda n: urls.term(terms[name[1:]], n)
