"""The model's lists by month and by type made in one pass each (model._years, _types), held equal on generated
posts to the plain way they were made before, which sorted by local month and filtered the posts once per type;
and a site whose posts name no parent, which skips looking parents up (model._family), given the parents and
children that looking them up gives."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from itertools import groupby

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.document import Source
from generator.model import Month, Post, PostType, Year, _family, _types, _years, newest_first


def _post(number: int, kind: str, moment: datetime, parent: int, order: int, title: str) -> Post:
    return Post(title=title, slug=f"post-{number}", type=kind, date=moment, updated=moment, summary="", author="",
                file=f"{kind}/post-{number}.md", digest=str(number),
                source=Source(number + 1, f"https://example.com/{number}/", f"g{number}", parent, order), terms=())


_posts = st.lists(st.tuples(
    st.sampled_from(["post", "page", "news-archive"]),
    # Instants near month and year ends, at offsets that put them in another local month than in UTC.
    st.datetimes(min_value=datetime(2019, 12, 25), max_value=datetime(2021, 2, 5)),
    st.sampled_from([-8, -3, 0, 2, 9, 14]),
    st.integers(0, 12),  # the WordPress id of a parent; 0: none (many ids are no post's, some are the post's own)
    st.integers(0, 2),
    st.sampled_from(["Alpha", "beta", "Beta", "gamma"]),
), max_size=40)


def _site_posts(drawn: list) -> tuple[Post, ...]:
    posts = [_post(n, kind, moment.replace(tzinfo=timezone(timedelta(hours=offset))), parent, order, title)
             for n, (kind, moment, offset, parent, order, title) in enumerate(drawn)]
    return tuple(sorted(posts, key=newest_first))


def _years_before(posts: tuple[Post, ...]) -> tuple[Year, ...]:
    local = sorted(posts, key=lambda p: (-p.date.year, -p.date.month))
    years = []
    for year, in_year in groupby(local, key=lambda p: p.date.year):
        in_year = tuple(in_year)
        months = tuple(Month(year, month, tuple(ps)) for month, ps in groupby(in_year, key=lambda p: p.date.month))
        years.append(Year(year, in_year, months))
    return tuple(years)


def _types_before(posts: tuple[Post, ...]) -> tuple[PostType, ...]:
    return tuple(PostType(name, name.upper(), tuple(p for p in posts if p.type == name))
                 for name in sorted({p.type for p in posts}))


@settings(max_examples=300, deadline=None)
@given(_posts, st.booleans())
def test_months_types_and_families_are_what_sorting_and_filtering_gave(drawn: list, orphans: bool) -> None:
    if orphans:  # a site of posts only, as news sites are: no post names a parent
        drawn = [(kind, moment, offset, 0, order, title) for kind, moment, offset, _, order, title in drawn]
    posts = _site_posts(drawn)
    assert _years(posts) == _years_before(posts)
    assert _types(posts, str.upper) == _types_before(posts)
    # A page under one that is not in the site: every post is looked up, and only this one names a parent.
    dangling = _post(10_000, "page", datetime(2019, 1, 1, tzinfo=timezone.utc), 999, 0, "Under a page not mirrored")
    parents, children = _family((*posts, dangling))
    assert _family(posts) == (parents[:-1], children[:-1])
    if orphans:
        assert parents == (None,) * (len(posts) + 1) and children == ((),) * (len(posts) + 1)
