"""`newsmirror sync` of real sites' saved REST crawls served as live sites (round 62e, tests/tools/replay.py): what
a sync of the site, changed upstream between syncs, must give against an import of the site saved anew, each case a
small fake site modelled on what the replayed sites did."""

from __future__ import annotations

from pathlib import Path

from tests.fake_wordpress import FakeWordPress, generated_site
from tests.test_sync import posts, sync


def test_a_term_renamed_upstream_is_renamed_in_the_mirror_though_no_post_changed(tmp_path: Path) -> None:
    """WordPress keeps a post's `modified` when its term is renamed, so an incremental sync fetched none of its
    posts again and kept the old name and slug (a replayed Indian town's site: its category renamed, the mirror
    kept "Uncategorized" where an import of the site saved anew showed the new name). The terms its stored posts
    use are asked for again, and the mirror ends as a first sync of the renamed site writes it."""
    site = generated_site(12)
    term = next(t for t in site.terms if t["count"] and any(t["id"] in p.get(t["taxonomy"], [])
                                                             for p in site.posts["news-archive"]))
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "content")
        old_slug = term["slug"]
        term.update(name="Renamed upstream", slug="renamed-upstream", link=term["link"].replace(old_slug, "renamed-upstream"))
        result = sync(wp.url, tmp_path / "content")
        sync(wp.url, tmp_path / "fresh")
    assert result.problems == []
    assert "name: Renamed upstream" in (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert posts(tmp_path / "content") == posts(tmp_path / "fresh")
