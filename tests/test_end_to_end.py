"""The sample post, imported by the tool and built into a site, checked as a reader would see it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from generator.builder import run_build
from tests.conftest import SITECHECK, config_for, need_shared
from tests.site_reading import links_to, page, resolve, tree

POST = ("news-archive/china-minmetals-turns-momentum-into-signal-quality-wins-deepened-partnerships-and-a-"
        "strategic-push-into-critical-metals/index.html")
TITLE = ("China Minmetals Turns Momentum Into Signal: Quality Wins, Deepened Partnerships, and a Strategic "
         "Push Into Critical Metals")
GUID = ("https://vpzajoti4c.onrocket.site/news/china-minmetals-turns-momentum-into-signal-quality-wins-deepened-"
        "partnerships-and-a-strategic-push-into-critical-metals/")
TERMS = {"news-type/industrial-applications/index.html", "news-type/industrial-metals/index.html",
         "news-type/ree-news/index.html", "organization/baogang-group/index.html", "regions/china/index.html"}


def test_post_page_has_title_and_a_toc_whose_links_land_on_headings(sample_site: Path) -> None:
    html = page(sample_site, POST)
    assert html.h1.get_text() == TITLE
    assert html.title.get_text().startswith(TITLE)
    toc = html.select("nav.toc a")
    assert len(toc) == 5
    ids = {tag["id"] for tag in html.find_all(id=True)}
    for link in toc:
        assert link["href"].startswith("#") and link["href"][1:] in ids
        assert html.find(id=link["href"][1:]).get_text() == link.get_text()


def test_post_links_to_its_five_term_pages_and_each_lists_the_post(sample_site: Path) -> None:
    html = page(sample_site, POST)
    targets = {resolve(POST, a["href"]) for a in html.select("dl.terms dd a")}
    assert targets == TERMS
    for target in targets:
        assert (sample_site / target).is_file()
        assert links_to(sample_site, target, POST)


def test_home_and_taxonomy_pages_lead_to_the_post_and_terms(sample_site: Path) -> None:
    assert links_to(sample_site, "index.html", POST)
    for taxonomy, count in (("news-type", 3), ("organization", 1), ("regions", 1)):
        index = f"{taxonomy}/index.html"
        assert links_to(sample_site, "index.html", index)
        listed = [resolve(index, a["href"]) for a in page(sample_site, index).select("ul.term-index a")]
        assert len(listed) == count and set(listed) <= TERMS


def test_every_link_is_relative_and_points_at_a_file(sample_site: Path) -> None:
    for html_file in sample_site.rglob("*.html"):
        path = html_file.relative_to(sample_site).as_posix()
        for tag in page(sample_site, path).find_all(["a", "link"], href=True):
            href = tag["href"]
            if href.startswith(("http://", "https://", "#", "data:")):  # data: the page's icon, held in the page
                continue
            assert not href.startswith("/")
            assert (sample_site / resolve(path, href)).is_file(), f"{path}: {href}"


def test_canonical_links_carry_the_base_url_subpath(tmp_path: Path, sample_site: Path) -> None:
    run_build(config_for(tmp_path, base_url="https://user.github.io/mirror"))
    canonical = page(tmp_path / "site", POST).find("link", rel="canonical")["href"]
    assert canonical == "https://user.github.io/mirror/" + POST.removesuffix("index.html")
    assert page(sample_site, POST).find("link", rel="canonical") is None


def test_two_builds_are_byte_identical(tmp_path: Path, sample_site: Path) -> None:
    run_build(config_for(tmp_path))
    assert tree(tmp_path / "site") == tree(sample_site)


def test_files_added_to_the_site_by_hand_are_removed_and_never_come_back(tmp_path: Path,
                                                                          sample_content: Path) -> None:
    site = tmp_path / "site"
    run_build(config_for(tmp_path, sample_content))
    (site / "stale.html").write_text("old")
    (site / "news-archive/extra").mkdir()
    (site / "news-archive/extra/notes.txt").write_text("mine")
    for title in ("One", "Two", "Three"):  # builds that change every page swap the site and its spare
        run_build(config_for(tmp_path, sample_content, title=title))
        assert not (site / "stale.html").exists() and not (site / "news-archive/extra").exists(), title
    assert tree(site) == tree(run_build_elsewhere(tmp_path / "clean", sample_content, title="Three"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean", "content", "site", "site.staging"]


def run_build_elsewhere(root: Path, content: Path, **site: str) -> Path:
    root.mkdir()
    run_build(config_for(root, content, **site))
    return root / "site"


@pytest.mark.parametrize("base_url", ["", "https://user.github.io/mirror/"])
def test_shared_sitecheck_passes(tmp_path: Path, base_url: str) -> None:
    need_shared(SITECHECK)
    run_build(config_for(tmp_path, base_url=base_url))
    done = subprocess.run([sys.executable, str(SITECHECK), str(tmp_path / "site")], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": ""})
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("OK")


def test_sample_feeds_parse_with_the_wordpress_guid_as_entry_id(tmp_path: Path) -> None:
    run_build(config_for(tmp_path, base_url="https://user.github.io/mirror/"))
    site = tmp_path / "site"
    feeds = [site / "feed.xml", *(site / target.replace("index.html", "feed.xml") for target in TERMS)]
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, feed
        assert [e.id for e in parsed.entries] == [GUID]
        assert parsed.entries[0].link == "https://user.github.io/mirror/" + POST.removesuffix("index.html")
        assert parsed.entries[0].updated == "2025-11-18T14:20:17-07:00"
