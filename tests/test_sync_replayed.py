"""`newsmirror sync` of real sites' saved REST crawls served as live sites (round 62e, tests/tools/replay.py): what
a sync of the site, changed upstream between syncs, must give against an import of the site saved anew, each case a
small fake site modelled on what the replayed sites did."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.fake_wordpress import FakeWordPress, SiteData, generated_site
from tests.test_sync import posts, sync


def shown_term(site: SiteData) -> dict[str, Any]:
    """A term some post has, which its `class_list` shows."""
    return next(t for t in site.terms for p in site.posts["news-archive"]
                if t["id"] in p.get(t["taxonomy"], []) and f"{t['taxonomy']}-{t['slug']}" in p["class_list"])


def edit_term(site: SiteData, term: dict[str, Any], deleted: bool = False, **changes: Any) -> None:
    """A term renamed or deleted as WordPress does it: its posts' `class_list` (made when they are served) follows,
    their modified time stays."""
    old = f"{term['taxonomy']}-{term['slug']}"
    term.update(changes)
    for post in site.posts["news-archive"]:
        if term["id"] in post.get(term["taxonomy"], []):
            post["class_list"] = [c for c in post["class_list"] if c != old] + (
                [] if deleted else [f"{term['taxonomy']}-{term['slug']}"])
            if deleted:
                post[term["taxonomy"]] = [i for i in post[term["taxonomy"]] if i != term["id"]]
    if deleted:
        site.terms.remove(term)


@pytest.mark.parametrize("embed", [True, False])
def test_a_term_renamed_upstream_is_renamed_in_the_mirror_though_no_post_changed(tmp_path: Path, embed: bool) -> None:
    """WordPress keeps a post's `modified` when its term is renamed, so an incremental sync fetched none of its
    posts again and kept the old name and slug (a replayed Indian town's site: its category renamed, the mirror
    kept "Uncategorized" where an import of the site saved anew showed the new name). The terms its stored posts
    use are asked for again, and the mirror ends as a first sync of the renamed site writes it, whether the site
    embeds them or they were looked up by id."""
    site = generated_site(12)
    site.embed = embed
    term = shown_term(site)
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "content")
        edit_term(site, term, name="Renamed upstream", slug="renamed-upstream",
                  link=term["link"].replace(term["slug"], "renamed-upstream"))
        result = sync(wp.url, tmp_path / "content")
        sync(wp.url, tmp_path / "fresh")
    assert result.problems == []
    assert "name: Renamed upstream" in (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert posts(tmp_path / "content") == posts(tmp_path / "fresh")


def test_a_term_deleted_upstream_leaves_the_posts_that_had_it(tmp_path: Path) -> None:
    """Deleting a term takes it off its posts without changing their modified time either: the posts an earlier
    sync fetched kept it, and the mirror filed them under a term the site no longer has. A term asked for by id and
    not served is taken off the stored posts, as a first sync of the site gives them."""
    site = generated_site(12)
    term = shown_term(site)
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "content")
        edit_term(site, term, deleted=True)
        result = sync(wp.url, tmp_path / "content")
        sync(wp.url, tmp_path / "fresh")
    assert result.problems == []
    assert posts(tmp_path / "content") == posts(tmp_path / "fresh")


def test_a_site_that_ignores_the_query_of_terms_takes_no_term_off_a_post(tmp_path: Path) -> None:
    """A cache in front of the site that ignores the query string answers `?include=` with its first terms: the
    terms it did not serve are not taken for deleted, and the posts keep them."""
    site = generated_site(12)
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "content")
        before = posts(tmp_path / "content")
        others = [t for t in site.terms if t["taxonomy"] == "regions"][:3]
        wp.fail("/wp/v2/regions?include=", body=json.dumps(others).encode(), times=-1)
        result = sync(wp.url, tmp_path / "content")
    assert result.problems == []
    assert posts(tmp_path / "content") == before
