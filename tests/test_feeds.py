"""Atom feeds, sitemap and robots.txt: absolute URLs under the base_url subpath, dates from content only."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax import saxutils

import feedparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.builder import run_build
from generator.convert.document import Source
from generator.render import sitemap, xml_text
from tests.site_content import PACIFIC, config, post, write_content

BASE = "https://user.github.io/mirror/"
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


def when(day: int) -> datetime:
    return datetime(2024, 3, day, 8, 30, tzinfo=PACIFIC)


POSTS = [
    post("first", when(1), updated=when(20), author="Ada Lovelace", taxonomies={"regions": ["china"]}),
    post("second", when(2), taxonomies={"regions": ["china", "japan"]}, summary="",
         title="Rare <earths> & “magnets”\x0b"),
    post("third", when(3), source=Source(3, "https://example.com/news/third/", ""),
         taxonomies={"regions": ["japan"]}),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("feeds")
    content = write_content(tmp / "content", POSTS, {("regions", "china"): "China"})
    result = run_build(config(tmp, content, {"regions": "Regions"}, site={"base_url": BASE, "author": "The desk"},
                              build={"feed_entries": 2}))
    assert result.problems == []
    return tmp / "site"


def parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_site_feed_parses_with_guids_as_ids_and_modified_times_as_updated(site: Path) -> None:
    feed = parse(site / "feed.xml")
    assert feed.version == "atom10"
    # The newest two (feed_entries); "third" has no GUID, so its id is its own address.
    assert [e.id for e in feed.entries] == [BASE + "news-archive/third/", "https://example.com/?p=6&s=second"]
    first = parse(site / "regions/china/feed.xml").entries[-1]
    assert first.id == "https://example.com/?p=5&s=first"
    assert first.updated == when(20).isoformat() and first.published == when(1).isoformat()
    assert first.author == "Ada Lovelace"
    assert feed.feed.updated == when(3).isoformat()
    assert feed.feed.author == "The desk"


def test_a_guid_that_is_no_address_gives_its_entry_the_posts_own(tmp_path: Path) -> None:
    """A guid with a bracket left open (`http://[host/?p=9`) is no IRI: urlsplit refused it and stopped the build."""
    broken = post("broken", when(4), source=Source(9, "https://example.com/news/broken/", "http://[example.com/?p=9"))
    content = write_content(tmp_path / "content", [broken])
    assert run_build(config(tmp_path, content, site={"base_url": BASE})).problems == []
    assert [e.id for e in parse(tmp_path / "site/feed.xml").entries] == [BASE + "news-archive/broken/"]


def test_feed_links_are_absolute_under_the_subpath(site: Path) -> None:
    feed = parse(site / "regions/china/feed.xml")
    assert feed.feed.link == BASE + "regions/china/"
    assert feed.feed.id == BASE + "regions/china/feed.xml"
    assert [e.link for e in feed.entries] == [BASE + "news-archive/second/", BASE + "news-archive/first/"]
    assert feed.feed.title == "News mirror: Regions: China"


def test_text_is_escaped_and_characters_xml_cannot_hold_are_dropped(site: Path) -> None:
    entry = parse(site / "regions/china/feed.xml").entries[0]
    assert entry.title == "Rare <earths> & “magnets”"
    assert "summary" not in entry


def test_feeds_follow_rfc_4287_structure(site: Path) -> None:
    for path in sorted(site.rglob("feed.xml")):
        root = ET.parse(path).getroot()
        assert root.tag == f"{ATOM}feed"
        for element in ("id", "title", "updated", "author"):
            assert len(root.findall(f"{ATOM}{element}")) == 1, (path, element)
        assert [link.get("rel") for link in root.findall(f"{ATOM}link")] == ["self", "alternate"]
        for entry in root.findall(f"{ATOM}entry"):
            for element in ("id", "title", "updated", "published"):
                assert len(entry.findall(f"{ATOM}{element}")) == 1, (path, element)
            assert entry.find(f"{ATOM}link").get("rel") == "alternate"
        for stamp in root.iter(f"{ATOM}updated"):
            assert RFC3339.fullmatch(stamp.text)


def test_sitemap_lists_every_page_but_404_with_content_dates(site: Path) -> None:
    root = ET.parse(site / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    entries = {u.find(f"{ns}loc").text: u.find(f"{ns}lastmod").text for u in root}
    pages = {BASE + p.relative_to(site).as_posix().removesuffix("index.html")
             for p in site.rglob("*.html") if p.name not in ("404.html", "search.html")}
    assert set(entries) == pages
    assert entries[BASE + "news-archive/first/"] == when(20).isoformat()
    assert entries[BASE] == when(20).isoformat()
    assert entries[BASE + "regions/japan/"] == when(3).isoformat()


def test_no_feeds_or_sitemap_without_base_url(tmp_path: Path) -> None:
    run_build(config(tmp_path, write_content(tmp_path / "content", POSTS)))
    site = tmp_path / "site"
    assert not list(site.rglob("*.xml"))
    assert "application/atom+xml" not in (site / "index.html").read_text()
    assert (site / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"


def test_dates_in_feeds_follow_the_content_not_the_clock(tmp_path: Path, site: Path) -> None:
    edited = [POSTS[0], POSTS[1], post("third", when(3), updated=when(3) + timedelta(days=40),
                                       source=POSTS[2].source, taxonomies={"regions": ["japan"]})]
    content = write_content(tmp_path / "content", edited, {("regions", "china"): "China"})
    run_build(config(tmp_path, content, {"regions": "Regions"}, site={"base_url": BASE, "author": "The desk"},
                     build={"feed_entries": 2}))
    assert parse(tmp_path / "site/feed.xml").feed.updated == (when(3) + timedelta(days=40)).isoformat()
    assert (tmp_path / "site/regions/china/feed.xml").read_bytes() == (site / "regions/china/feed.xml").read_bytes()


def test_a_large_site_gets_a_sitemap_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sitemap, "MOST_URLS", 2)
    pages = [(f"p{n}/index.html", when(n).isoformat()) for n in range(1, 6)]
    files = dict(sitemap.sitemaps(BASE, pages))
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag.endswith("sitemapindex") and len(index) == 3
    assert index[2][0].text == BASE + "sitemap-3.xml" and index[2][1].text == when(5).isoformat()


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(list("ab&<>\"'\n\r\t é\x00")), max_size=20))
def test_feeds_escape_xml_as_the_standard_library_does(value: str) -> None:
    assert (xml_text.escape(value), xml_text.quoteattr(value)) == (saxutils.escape(value), saxutils.quoteattr(value))
