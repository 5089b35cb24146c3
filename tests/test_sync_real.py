"""`newsmirror sync` of what real sites' REST APIs were seen to serve (round 40's replay of saved crawls as
live sites), each case a small hand-made site modelled on it."""

from __future__ import annotations

from pathlib import Path

from generator.config import parse_config
from generator.sync import USERS_HIDDEN, SyncOptions, run_sync, sync_summary
from tests.fake_wordpress import FakeWordPress, generated_site
from tests.test_sync import FAST, posts, sync
from tests.test_sync_wild import ids, messages


def test_a_taxonomy_in_its_own_rest_namespace_is_looked_up_there(tmp_path: Path) -> None:
    """WordPress 5.9 gives taxonomies a `rest_namespace` as it gives post types: a plugin's taxonomy may serve
    its terms at /geo/v1/regions, not /wp/v2/regions. Posts still list the term ids under the rest_base, and
    the terms a curation names and the parents `_embed` leaves out are fetched from the taxonomy's own route."""
    site = generated_site(30)
    site.namespaces = {"regions": "geo/v1"}
    site.hierarchical = {"category", "regions"}
    region = next(t for t in site.terms if t["taxonomy"] == "regions" and t["count"])
    wanted = {p["id"] for p in site.posts["news-archive"] if region["id"] in p["regions"]}
    with FakeWordPress(site) as wp:
        config = parse_config({"sources": [{"name": "geo", "url": wp.url, "include": {"regions": [region["slug"]]}}]})
        result = run_sync(config.sources, tmp_path / "content", SyncOptions(politeness=FAST, workers=1))
        assert wp.count("/geo/v1/regions?slug=") == 1 and wp.count("/geo/v1/regions?include=") == 1
        assert wp.count("/wp/v2/regions") == 0
    assert messages(result) == []
    assert ids(tmp_path / "content") == wanted
    assert f"name: {region['name']}" in (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert posts(tmp_path / "content")


def test_a_field_a_plugin_strips_from_every_post_is_one_line_naming_it(tmp_path: Path) -> None:
    """A saved crawl of a real site (helicx) had posts without `modified` or `date_gmt`, as a plugin that trims
    the REST API's posts leaves them: sync cannot tell new and changed posts, and says so once per page and
    field, naming the posts, not once per post without the field's name."""
    site = generated_site(12)
    for post in site.posts["news-archive"]:
        del post["modified_gmt"]
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "content")
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.item, problem.field) == (f"{min(p['id'] for p in site.posts['news-archive'])} and 11 more",
                                             "modified_gmt")
    assert "a plugin on the site seems to strip it from the REST API" in problem.message
    assert posts(tmp_path / "content") == {}


def test_authors_a_site_hides_are_noted_when_embed_serves_the_refusal(tmp_path: Path) -> None:
    """Most sites embed: where a security plugin keeps users from visitors, each post's `_embedded.author` holds
    the 401 the author's link got, and no lookup by id is made. The summary says why authors are unnamed, as it
    does when a lookup by id is refused, not only "author id not resolved"."""
    site = generated_site(5)
    site.users_hidden = True
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "content")
        assert wp.count("/wp/v2/users") == 0
    assert messages(result) == []
    assert USERS_HIDDEN in "\n".join(sync_summary(result, False))
    assert not any(b"\nauthor:" in data for data in posts(tmp_path / "content").values())
