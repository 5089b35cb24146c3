"""A crawl whose saver made every address relative to the site (a static exporter's copy of `/wp-json/`, the REST
API plugin's betas): posts whose source.url is a path with no host. Their links to each other, written the same
way, still lead from page to page offline; what no post of the mirror is stays text and is reported."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from generator.builder import run_build
from generator.check import check_site
from generator.convert.document import Source
from tests.site_content import PACIFIC, config, post, write_content
from tests.test_check_rule import shown_as_text

WHEN = datetime(2016, 3, 2, 17, 56, tzinfo=PACIFIC)


def _page(site: Path, slug: str) -> str:
    return (site / "news-archive" / slug / "index.html").read_text(encoding="utf-8")


def test_links_between_posts_of_a_crawl_without_a_host_stay_in_the_mirror(tmp_path: Path) -> None:
    target = post("data-stories", WHEN, source=Source(1774, "/2016/03/02/data-stories/", "/?p=1774"),
                  taxonomies={"category": ["events"]})
    body = ("[by path](/2016/03/02/data-stories/) [by id](/?p=1774) [old permalink](/data-stories/) "
            "[category](/category/events/) [gone](/2015/01/01/never-mirrored/) "
            "![Logo](/wp-content/uploads/2016/03/logo.png)\n\n"
            '<p><a href="/2016/03/02/data-stories/#team">raw</a></p>\n')
    source = post("links", WHEN, body=body, source=Source(1800, "/2016/03/05/links/", "/?p=1800"))
    content = write_content(tmp_path / "content", [target, source])
    result = run_build(config(tmp_path, content, taxonomies={"category": "Categories"}))
    site = tmp_path / "site"
    assert check_site(site) == []
    page = _page(site, "links")
    for text in ("by path", "by id", "old permalink", "raw"):
        assert f'<a href="../data-stories/index.html">{text}</a>' in page, text
    assert '<a href="../../category/events/index.html">category</a>' in page
    # A path no post of the mirror has, and an image, which only the site could give, are text and reported.
    assert "gone" in page and "/2015/01/01/never-mirrored/" not in page
    assert [str(p) for p in result.problems] == [shown_as_text(content / "news-archive" / "links.md", 2)]


def test_a_path_in_a_post_with_a_host_is_not_taken_for_a_post_of_a_crawl_without_one(tmp_path: Path) -> None:
    """Two sites in one content folder: a path leads only to a post of the linking post's own site."""
    hostless = post("shared-slug", WHEN, source=Source(5, "/2016/03/02/shared-slug/", "/?p=5"))
    hosted = post("hosted", WHEN, body="[there](/2016/03/02/shared-slug/)\n",
                  source=Source(6, "https://news.example/2016/03/02/hosted/", "https://news.example/?p=6"))
    content = write_content(tmp_path / "content", [hostless, hosted])
    run_build(config(tmp_path, content))
    assert '<a href="https://news.example/2016/03/02/shared-slug/">there</a>' in _page(tmp_path / "site", "hosted")
