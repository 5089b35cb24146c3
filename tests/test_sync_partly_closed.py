"""`newsmirror sync` of a site whose REST API is partly closed, as security plugins close it: `/wp-json/` and the
posts answer, but the users, the media, a taxonomy's terms, `_embed`, the list of post types or of taxonomies, or
every collection of posts is refused (401, 403) or taken out (404). What can be read is read; what cannot is named
once, with what the posts lack; nothing is taken for removed (tests/fake_wordpress.py's `closed`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.sources.http import Politeness
from generator.sync import SyncOptions, SyncResult, run_sync, source_from_url, sync_summary
from tests.conftest import content_tree
from tests.fake_wordpress import FakeWordPress, SiteData, generated_site

FAST = Politeness(min_interval=0.0, retries=0)
POSTS = 12


def sync(wp: FakeWordPress, content: Path, **options: Any) -> SyncResult:
    return run_sync([source_from_url(wp.url)], content, SyncOptions(**{"politeness": FAST, "workers": 1, **options}))


def posts(content: Path) -> dict[str, bytes]:
    return {path: data for path, data in content_tree(content).items() if path.endswith(".md")}


def site(embed: bool = True, **closed: tuple[int, str]) -> SiteData:
    data = generated_site(POSTS)
    data.embed, data.closed = embed, dict(closed)
    return data


def notes(result: SyncResult) -> list[str]:
    return [note for source in result.sources for note in source.notes]


@pytest.fixture(scope="module")
def open_copy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The posts of the same site with its API open, as the partly closed ones are compared with."""
    content = tmp_path_factory.mktemp("open") / "content"
    with FakeWordPress(site()) as wp:
        assert sync(wp, content).problems == []
    return posts(content)


@pytest.mark.parametrize("embed", [True, False])
@pytest.mark.parametrize(("route", "status", "code", "lost", "said"), [
    ("users", 404, "rest_no_route", b"\nauthor: ", "authors are not named"),
    ("users", 403, "rest_forbidden", b"\nauthor: ", "authors are not named"),
    ("media", 401, "rest_forbidden", b"\nimage:\n", "featured images are not shown"),
    ("organization", 403, "rest_forbidden", b"", "the terms of organization are not all named"),
])
def test_a_closed_route_of_names_is_said_once_and_the_posts_are_synced_without_them(
        tmp_path: Path, open_copy: dict[str, bytes], embed: bool, route: str, status: int, code: str, lost: bytes,
        said: str) -> None:
    with FakeWordPress(site(embed, **{route: (status, code)})) as wp:
        result = sync(wp, tmp_path / "content")
    synced = posts(tmp_path / "content")
    assert result.problems == []  # the site's choice, not a failure: a nightly sync exits 0
    assert sorted(synced) == sorted(open_copy)
    if lost:  # (a taxonomy's terms are still named from each post's class_list, where the theme prints them)
        assert any(lost in text for text in open_copy.values()) and not any(lost in text for text in synced.values())
    assert [n for n in notes(result) if n.startswith(said)] == [
        f"{n.split(': http')[0]}: {wp.url}wp-json/wp/v2/{route} answered HTTP {status} {code}" for n in notes(result)
        if n.startswith(said)]
    assert sum(line.count(said) for line in sync_summary(result, dry_run=False)) == 1


@pytest.mark.parametrize("status", [400, 403])
def test_a_site_that_refuses_embed_is_read_without_it_and_named_by_id(tmp_path: Path, open_copy: dict[str, bytes],
                                                                      status: int) -> None:
    with FakeWordPress(site(_embed=(status, "rest_forbidden"))) as wp:
        result = sync(wp, tmp_path / "content")
        asked_with_embed = wp.count("_embed")
    assert result.problems == []
    assert posts(tmp_path / "content") == open_copy
    assert asked_with_embed == 1  # the refusal is learnt once
    assert [n for n in notes(result) if "refuses _embed" in n] == [
        f"the site refuses _embed ({wp.url}wp-json/wp/v2/news-archive?_embed=1: HTTP {status} rest_forbidden): the "
        "authors, terms and featured images of its posts were asked for by id instead"]


@pytest.mark.parametrize("kind", ["types", "taxonomies"])
def test_a_site_that_hides_its_types_or_taxonomies_is_read_from_its_api_index(
        tmp_path: Path, open_copy: dict[str, bytes], kind: str) -> None:
    """Before, a 401 for /wp/v2/types sent the whole site to its feeds, which hold none of its news-archive posts."""
    with FakeWordPress(site(**{kind: (401, "rest_forbidden")})) as wp:
        result = sync(wp, tmp_path / "content")
    assert result.problems == []
    assert posts(tmp_path / "content") == open_copy
    assert [n.split(":")[0] for n in notes(result)] == [f"the names of its {'post types' if kind == 'types' else kind} "
                                                         "are not known (each is named after its address)"]


def test_a_type_an_earlier_sync_read_is_not_taken_for_removed_when_the_index_hides_it(tmp_path: Path) -> None:
    content = tmp_path / "content"
    data = site()
    with FakeWordPress(data) as wp:
        sync(wp, content)
        posts_before = posts(content)
        data.closed, data.index_routes = {"types": (401, "rest_forbidden")}, False
        result = sync(wp, content)
    assert result.problems == [] and result.sources[0].count("removed") == 0
    assert posts(content) == posts_before


def test_a_site_whose_collections_of_posts_are_all_closed_is_read_from_its_feeds(tmp_path: Path) -> None:
    """`/wp-json/` answers, and lists the types, but each collection of posts answers 401: its feeds are read."""
    with FakeWordPress(site(**{"news-archive": (401, "rest_forbidden")})) as wp:
        result = sync(wp, tmp_path / "content")
    assert result.problems == []
    assert len(posts(tmp_path / "content")) == POSTS
    assert any(n.startswith(f"its REST API cannot be read ({wp.url}wp-json/wp/v2/news-archive?") and
               "HTTP 401 rest_forbidden): read from its feed" in n for n in notes(result))


def test_one_closed_type_among_open_ones_is_read_from_its_feed_and_nothing_of_it_removed(tmp_path: Path) -> None:
    """Before, its posts were an error on every sync, and a new one of them was never read."""
    content = tmp_path / "content"
    data = site()
    data.posts["report"] = [{**p, "id": p["id"] + 10_000, "type": "report", "slug": f"r-{p['slug']}",
                             "guid": {"rendered": f"https://example.com/?post_type=report&p={p['id'] + 10_000}"}}
                            for p in data.posts["news-archive"][:3]]
    with FakeWordPress(data) as wp:
        sync(wp, content)
        before = posts(content)
        data.closed = {"report": (403, "rest_forbidden")}
        result = sync(wp, content)
        data.posts["report"].append({**data.posts["report"][0], "id": 20_000, "slug": "a-new-report",
                                     "guid": {"rendered": "https://example.com/?post_type=report&p=20000"}})
        again = sync(wp, content)
    assert result.problems == again.problems == []
    assert result.sources[0].count("removed") == 0
    assert sorted(posts(content)) == sorted([*before, "report/a-new-report.md"])
    assert [(c.action, c.id) for c in again.sources[0].changes] == [("added", 20_000)]
    assert any(n.startswith(f"the posts of report cannot be listed through its REST API ({wp.url}wp-json/wp/v2/report?")
               and n.endswith("HTTP 403 rest_forbidden): read from their feed instead") for n in notes(result))


def test_an_api_closed_as_a_whole_costs_no_request_for_its_index(tmp_path: Path) -> None:
    """rest_login_required (WordPress's rest_authentication_errors, as Disable REST API answers every route) says the
    index is closed too; a refusal of /wp/v2/types alone (rest_forbidden) is worth asking the index."""
    with FakeWordPress(site(), api="closed") as wp:
        sync(wp, tmp_path / "closed")
        whole = [r for r in wp.requests if "wp-json" in r or "rest_route" in r]
    with FakeWordPress(site(types=(401, "rest_forbidden"))) as wp:
        sync(wp, tmp_path / "types")
        one = [r for r in wp.requests if "wp-json" in r or "rest_route" in r]
    assert whole == ["/wp-json/wp/v2/types", "/?rest_route=/wp/v2/types"]
    assert one[:3] == ["/wp-json/wp/v2/types", "/wp-json/", "/wp-json/wp/v2/taxonomies"]
