"""The last build's grouping (model_snapshot.values) brought up to date after posts moved by their dates alone.

A post whose date moved a day takes another place in the site's order, and with it in its type's, month's and
terms' lists; nothing else of the grouping changes. Grouping all 10,000 posts anew for that (model.build_site:
sorting, listing, numbering terms, relating) took 0.13-0.15 s of such a rebuild. Here the moved posts are
taken out of the order and put back where their new dates rank them, every position is renumbered, and each
list is renumbered and sorted again: the lists build_site would make, as a property test holds. Where that
would not be so, None says to group anew: a month or year gained or lost, terms whose newest posts come in
another order (they are numbered in that order, model._relations), or a page under another (model._family
breaks a loop of parents where the site's order meets it first).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from generator.model import StoredPost


def dates_moved(previous: Mapping[str, Any], moved: Iterable[str], stored: Mapping[str, StoredPost]
                ) -> dict[str, Any] | None:
    """The grouping of the posts `stored` (by file), when they differ from those `previous` was made of only in
    the dates of the `moved` files; None when it cannot be had by moving those posts alone."""
    files: list[str] = previous["posts"]
    older_newer, terms_of, posts_of, times, parent_of, children_of, translations_of = previous["relations"]
    index = {file: position for position, file in enumerate(files)}
    moving = {index[file]: stored[file] for file in moved if file in index}
    if not moving or len(moving) != len(set(moved)) or len(files) != len(stored):
        return None
    if parent_of.count(None) != len(parent_of):  # a loop of parents is broken where it is met in the site's order
        return None
    new_times = list(times)
    rank = _rank(new_times, files, stored)
    order = [position for position in range(len(files)) if position not in moving]
    for position, post in moving.items():
        new_times[position] = post.post.date.timestamp()
        order.insert(bisect.bisect_left(order, rank(position), key=rank), position)
    renumber = [0] * len(files)
    for new, old in enumerate(order):
        renumber[old] = new

    def renumbered(positions: Iterable[int]) -> list[int]:
        return sorted(map(renumber.__getitem__, positions))

    new_posts_of = [renumbered(found) for found in posts_of]
    if not _numbered_alike(posts_of, new_posts_of, order):
        return None
    years = _years(previous["years"], moving, renumber)
    if years is None:
        return None
    types = [[name, label, renumbered(found)] for name, label, found in previous["types"]]
    return {
        "posts": [files[old] for old in order],
        "published": previous["published"],
        "taxonomies": [[name, label, [[slug, renumbered(found)] for slug, found in listings]]
                       for name, label, listings in previous["taxonomies"]],
        "types": types,
        "years": years,
        "relations": [
            _older_newer(len(files), [found for _, _, found in types]),
            [terms_of[old] for old in order],
            tuple(map(tuple, new_posts_of)),
            tuple(new_times[old] for old in order),
            tuple(parent_of),
            tuple(tuple(map(renumber.__getitem__, children_of[old])) for old in order),
            tuple(tuple((language, renumber[at]) for language, at in translations_of[old]) for old in order)
            if translations_of else (),
        ],
    }


def _rank(times: list[float], files: list[str], stored: Mapping[str, StoredPost]
          ) -> Callable[[int], tuple[float, str, str]]:
    """A position's place in the site's order, newest first (model.newest_first), by its post's time in `times`."""
    def rank(position: int) -> tuple[float, str, str]:
        post = stored[files[position]].post
        return -times[position], post.type, post.slug
    return rank


def _numbered_alike(posts_of: list[list[int]], new_posts_of: list[list[int]], order: list[int]) -> bool:
    """Whether the terms keep their numbers: model._relations numbers them in the order their newest posts come,
    and a post's terms in its order of them. So they do while their newest posts come in the same order, and
    two terms whose newest post is one post now had that post as their newest before, whose order they kept."""
    firsts, was = [found[0] for found in new_posts_of], [found[0] for found in posts_of]
    return all(firsts[term] < firsts[term + 1] or firsts[term] == firsts[term + 1] and
               was[term] == was[term + 1] == order[firsts[term]] for term in range(len(firsts) - 1))


def _years(years: list, moving: Mapping[int, StoredPost], renumber: list[int]) -> list | None:
    """The years' and months' lists with the moved posts in the months of their new local dates; None when a
    month or a year would be new or empty."""
    months = {(year, month): [p for p in found if p not in moving] for year, _, in_year in years
              for month, found in in_year}
    for position, post in moving.items():
        moment = post.post.date
        if (moment.year, moment.month) not in months:
            return None
        months[moment.year, moment.month].append(position)
    if not all(months.values()):
        return None
    found = []
    for year, _, in_year in years:
        lists = [[month, sorted(map(renumber.__getitem__, months[year, month]))] for month, _ in in_year]
        found.append([year, [p for _, positions in lists for p in positions], lists])
    return found


def _older_newer(count: int, by_type: list[list[int]]) -> tuple[tuple[int | None, int | None], ...]:
    """model._older_newer of the types' lists of positions."""
    pairs: list[tuple[int | None, int | None]] = [(None, None)] * count
    for positions in by_type:
        for i, position in enumerate(positions):
            pairs[position] = (positions[i + 1] if i + 1 < len(positions) else None, positions[i - 1] if i else None)
    return tuple(pairs)

