"""Related posts reused from the last build (output/related.py, keys.related_keys): after any edit, every post's
related posts are those a clean build finds, and after one edited date only the posts near the edited post in its
terms' lists are related again, not every post that shares a term with it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import model
from generator.convert.document import Document, Term, TermRegistry
from generator.model import Site, build_site
from generator.output import keys, model_snapshot, moves, related
from generator.output.loading import meta_of, stored_post_of
from tests.site_content import NEWS_TYPES, REGIONS, many_posts

LIMIT = 5


def _site(documents: list[Document], names: dict[tuple[str, str], str]) -> Site:
    registry = TermRegistry()
    for (taxonomy, slug), name in names.items():
        registry.add(Term(taxonomy, slug, name))
    stored = [stored_post_of(f"{d.type}/{d.slug}.md", f"digest-{d.slug}", meta_of(d)) for d in documents]
    return build_site(stored, registry, None)


def _files(site: Site, found: related.Related) -> dict[str, tuple[str, ...]]:
    return {post.file: tuple(site.posts[i].file for i in found.table[n]) for n, post in enumerate(site.posts)}


def _edited(documents: list[Document], kind: str, at: int, amount: int) -> list[Document]:
    edited = list(documents)
    one = edited[at]
    if kind == "date":
        edited[at] = dataclasses.replace(one, date=one.date + timedelta(minutes=amount * 37))
    elif kind == "terms":
        edited[at] = dataclasses.replace(one, taxonomies={**one.taxonomies, "news-type": [NEWS_TYPES[amount % 6]],
                                                          "regions": [REGIONS[amount % 8]]})
    elif kind == "slug":
        edited[at] = dataclasses.replace(one, slug=f"renamed-{amount}")
    elif kind == "removed":
        del edited[at]
    else:  # a new post, a copy of another with its own slug and date
        edited.append(dataclasses.replace(one, slug=f"added-{amount}", date=one.date + timedelta(hours=amount)))
    return edited


@contextmanager
def narrow() -> Iterator[None]:
    """A window and blocks small enough that a site of a few dozen posts has lists many windows long."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "RELATED_WINDOW", 3)
        patch.setattr(keys, "RELATED_WINDOW", 3)
        patch.setattr(keys, "RELATED_BLOCK", 4)
        yield


@settings(max_examples=40, deadline=None)
@given(edits=st.lists(st.tuples(st.sampled_from(["date", "terms", "slug", "removed", "added"]),
                                st.integers(0, 10_000), st.integers(-400, 400)), min_size=1, max_size=4))
def test_related_posts_reused_after_edits_are_those_a_clean_build_finds(edits: list) -> None:
    documents, names = many_posts(60, seed=3)
    with narrow():
        _check_edits(documents, names, edits)


def _check_edits(documents: list[Document], names: dict[tuple[str, str], str], edits: list) -> None:
    cached = related.relate(_site(documents, names), LIMIT, {}, "code", 1).entries
    for kind, at, amount in edits:
        documents = _edited(documents, kind, at % len(documents), amount)
        site = _site(documents, names)
        reused = related.relate(site, LIMIT, cached, "code", 1)
        assert _files(site, reused) == _files(site, related.relate(site, LIMIT, {}, "code", 1))
        cached = reused.entries


def test_one_edited_date_relates_again_only_the_posts_near_it_in_its_terms_lists() -> None:
    documents, names = many_posts(600, seed=4)
    with narrow():
        cached = related.relate(_site(documents, names), LIMIT, {}, "code", 1).entries
        edited = _site(_edited(documents, "date", 300, 1), names)
        again = related.relate(edited, LIMIT, cached, "code", 1)
        clean = related.relate(edited, LIMIT, {}, "code", 1)
    at = next(i for i, p in enumerate(edited.posts) if p.slug == documents[300].slug)
    sharing = sum(1 for mask in edited.relations.terms_of if mask & edited.relations.terms_of[at]) - 1
    assert 0 < again.found <= sharing // 4, (again.found, sharing)
    assert _files(edited, again) == _files(edited, clean)


@settings(max_examples=40, deadline=None)
@given(builds=st.lists(st.lists(st.tuples(st.sampled_from(["date", "terms"]), st.integers(0, 10_000),
                                          st.integers(-400, 400)), min_size=1, max_size=3), min_size=1, max_size=3))
def test_related_posts_found_again_only_near_moved_posts_are_those_a_clean_build_finds(builds: list) -> None:
    """What a build after edits that moved posts does (stages.relate): no keys, only the posts near the moves."""
    documents, names = many_posts(60, seed=5)
    with narrow():
        site = _site(documents, names)
        cached = related.relate(site, LIMIT, {}, "code", 1).entries
        for edits in builds:
            before = model_snapshot.values(site)
            for kind, at, amount in edits:
                documents = _edited(documents, kind, at % len(documents), amount)
            moved = frozenset(f"{documents[at % len(documents)].type}/{documents[at % len(documents)].slug}.md"
                              for _, at, _ in edits)
            site = _site(documents, names)
            near = moves.near_moves(before, site, moved, model.RELATED_WINDOW)
            found = related.relate_near(site, LIMIT, cached, near)
            assert _files(site, found) == _files(site, related.relate(site, LIMIT, {}, "code", 1))
            cached = found.entries


def test_one_moved_date_finds_again_only_the_posts_near_its_old_and_new_places() -> None:
    documents, names = many_posts(600, seed=4)
    with narrow():
        before = _site(documents, names)
        cached = related.relate(before, LIMIT, {}, "code", 1).entries
        edited = _site(_edited(documents, "date", 300, 400), names)
        moved = frozenset({f"{documents[300].type}/{documents[300].slug}.md"})
        near = moves.near_moves(model_snapshot.values(before), edited, moved, model.RELATED_WINDOW)
        again = related.relate_near(edited, LIMIT, cached, near)
        clean = related.relate(edited, LIMIT, {}, "code", 1)
    at = next(i for i, p in enumerate(edited.posts) if p.slug == documents[300].slug)
    lists = bin(edited.relations.terms_of[at]).count("1")
    assert again.found <= 2 * lists * (2 * 3 + 1), again.found
    assert _files(edited, again) == _files(edited, clean)
