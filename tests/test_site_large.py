"""A generated site of 240 posts with three taxonomies: it reads offline, links stay local, builds repeat."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import feedparser
import pytest

from generator.builder import run_build
from tests.conftest import SITECHECK, need_shared
from tests.site_content import config, many_posts, write_content
from tests.site_reading import page, resolve, tree

POSTS = 240
PER_PAGE = 10
BASE = "https://user.github.io/mirror/"
TAXONOMIES = {"news-type": "News type", "organization": "Organizations", "regions": "Regions"}


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    tmp = tmp_path_factory.mktemp("large")
    documents, names = many_posts(POSTS)
    content = write_content(tmp / "content", documents, names)
    settings = config(tmp, content, TAXONOMIES, site={"base_url": BASE}, build={"posts_per_page": PER_PAGE})
    result = run_build(settings)
    assert result.problems == []
    return tmp / "site", (result, settings)


def test_it_builds_a_page_per_post_term_and_list(large) -> None:
    """(How fast is measured by bench/run.py, never by a timed test.)"""
    site, (result, _) = large
    top = Counter(p.relative_to(site).parts[0] for p in site.rglob("index.html"))
    assert top["news-archive"] == POSTS
    assert (site / "page" / str(POSTS // PER_PAGE) / "index.html").is_file()
    assert not (site / "page" / str(POSTS // PER_PAGE + 1)).exists()
    assert result.pages == len(list(site.rglob("*.html")))


def test_the_shared_sitecheck_passes(large) -> None:
    site, _ = large
    done = subprocess.run([sys.executable, str(need_shared(SITECHECK)), str(site)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": ""})
    assert done.returncode == 0, done.stdout[-3000:]
    assert done.stdout.splitlines()[-1].startswith("OK pages")


def test_links_to_mirrored_posts_lead_to_their_pages_and_images_stay_remote_links(large) -> None:
    site, _ = large
    path = "news-archive/story-0007/index.html"
    html = page(site, path)
    local = html.select(".body a")[0]["href"]
    assert not local.startswith("http") and (site / resolve(path, local)).is_file()
    assert resolve(path, local).startswith("news-archive/story-")
    assert html.select(".body a")[1]["href"].startswith("https://www.reuters.com/")
    assert not html.select(".body img") and "Image: A separation plant" in html.select_one(".remote-media").text


def test_every_term_has_a_feed_that_parses_with_guids_as_ids(large) -> None:
    site, _ = large
    feeds = sorted(site.glob("*/*/feed.xml"))
    terms = [p for taxonomy in TAXONOMIES for p in site.glob(f"{taxonomy}/*/index.html")]
    assert len(feeds) == len(terms) > 50
    for feed_file in feeds[:20]:
        parsed = feedparser.parse(feed_file.read_bytes())
        assert not parsed.bozo, (feed_file, parsed.get("bozo_exception"))
        assert parsed.entries and all(e.id.startswith("https://example.com/?p=") for e in parsed.entries)


def test_a_second_build_is_byte_identical(large, tmp_path: Path) -> None:
    site, (_, settings) = large
    again = config(tmp_path, settings.path("content"), TAXONOMIES, site={"base_url": BASE},
                   build={"posts_per_page": PER_PAGE})
    run_build(again)
    assert tree(tmp_path / "site") == tree(site)
