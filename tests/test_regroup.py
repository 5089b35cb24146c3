"""The last grouping brought up to date after posts moved by their dates (output/regroup.py): whenever it gives
one, it is the grouping model.build_site makes of the moved posts, value for value, on generated sites with
two types, terms shared in every way, pages under pages and translations; and a move of a day within a month,
as the benchmark's, gives one."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.document import Document, Source, TermRegistry
from generator.model import StoredPost, build_site, stored_post
from generator.output import model_snapshot, stages
from generator.output.regroup import dates_moved
from tests.site_reading import tree
from tests.test_incremental import Project

START = datetime(2024, 1, 20, 12, 0, tzinfo=timezone(timedelta(hours=-8)))


def _stored(number: int, kind: str, hours: int, terms: dict[str, tuple[str, ...]], parent: int,
            translations: tuple[tuple[str, int], ...]) -> StoredPost:
    when = START + timedelta(hours=hours)
    document = Document(title=f"Post {number % 3}", slug=f"post-{number}", type=kind, date=when, updated=when,
                        summary="", taxonomies=terms, body="",
                        source=Source(number + 1, f"https://example.com/{number}/", f"g{number}", parent, number % 2),
                        translations=translations)
    return stored_post(f"{kind}/post-{number}.md", str(number), document)


_terms = st.fixed_dictionaries({}, optional={
    "category": st.lists(st.sampled_from(["news", "sport", "arts"]), max_size=2).map(tuple),
    "tag": st.lists(st.sampled_from([f"t{n}" for n in range(8)]), max_size=3).map(tuple),
})
_post = st.tuples(st.sampled_from(["post", "post", "page"]), st.integers(0, 24 * 40), _terms,
                  st.sampled_from([0, 0, 0, 1, 2, 5]), st.sampled_from([(), (), (("fr", 3),)]))
_move = st.tuples(st.integers(0, 30), st.sampled_from([-24 * 20, -48, -24, -1, 0, 1, 24, 48, 24 * 20]))


def _site(posts: list[StoredPost]) -> dict:
    return model_snapshot.values(build_site(posts, TermRegistry(), None))


def _moved(posts: list[StoredPost], moves: list[tuple[int, int]]) -> tuple[list[StoredPost], set[str]]:
    moved = list(posts)
    files = set()
    for at, hours in moves:
        at %= len(posts)
        stored = moved[at]
        post = replace(stored.post, date=stored.post.date + timedelta(hours=hours), digest=stored.post.digest + "+")
        moved[at] = replace(stored, post=post)
        files.add(post.file)
    return moved, files


@settings(max_examples=1000, deadline=None)
@given(st.lists(_post, min_size=1, max_size=30), st.lists(_move, min_size=1, max_size=3), st.booleans())
def test_a_grouping_brought_up_to_date_is_the_one_made_anew(drawn: list, moves: list, family: bool) -> None:
    posts = [_stored(n, kind, hours, terms, parent if family else 0, translations if family else ())
             for n, (kind, hours, terms, parent, translations) in enumerate(drawn)]
    before = orjson.loads(orjson.dumps(_site(posts)))  # as the snapshot's file gives it back
    after, files = _moved(posts, moves)
    found = dates_moved(before, files, {stored.post.file: stored for stored in after})
    assert found is None or found == _site(after)


def test_a_day_later_within_its_month_and_behind_its_terms_newest_posts_is_brought_up_to_date() -> None:
    posts = [_stored(n, "post", n * 3, {"category": ("news",), "tag": (f"t{n % 4}",)}, 0, ()) for n in range(40)]
    before = orjson.loads(orjson.dumps(_site(posts)))
    after, files = _moved(posts, [(10, 24)])
    assert dates_moved(before, files, {stored.post.file: stored for stored in after}) == _site(after)


def test_the_newest_post_of_a_term_moved_behind_another_term_s_is_grouped_anew() -> None:
    """The terms are numbered in the order their newest posts come: here `a` came before `b`, and comes after."""
    posts = [_stored(0, "post", 30, {"tag": ("a",)}, 0, ()), _stored(1, "post", 20, {"tag": ("b",)}, 0, ()),
             _stored(2, "post", 10, {"tag": ("a",)}, 0, ())]
    before = orjson.loads(orjson.dumps(_site(posts)))
    after, files = _moved(posts, [(0, -25)])
    found = dates_moved(before, files, {stored.post.file: stored for stored in after})
    assert found is None or found == _site(after)


def test_sites_rebuilt_after_dates_moved_an_hour_or_a_day_are_built_clean(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Each rebuild after a date moved is a clean build's site byte for byte, and most are made without
    grouping the posts anew."""
    project = Project(tmp_path, posts=120)
    project.build()
    rng = random.Random(3)
    grouped = []
    monkeypatch.setattr(stages, "build_site", lambda *a, **k: grouped.append(1) or build_site(*a, **k))
    for number in range(10):
        slug = f"story-{rng.randrange(120):04d}"
        project.change(slug, date=project.post(slug).date + timedelta(hours=rng.choice([-24, -1, 1, 24])))
        project.build()
        assert tree(tmp_path / "site") == project.clean_build(tmp_path / f"clean-{number}"), slug
    assert len(grouped) <= 10 + 4  # ten clean builds, and at most four moves the grouping could not follow
