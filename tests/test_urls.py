"""The URL module: every link relative and pointing at a file; absolute URLs keep the subpath."""

from __future__ import annotations

import posixpath
from datetime import datetime, timezone
from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st

from generator import urls
from generator.convert.document import Source
from generator.model import Post, Term

segment = st.text(st.characters(blacklist_characters="/\\\x00", blacklist_categories=("Cs",)), min_size=1,
                  max_size=12).filter(lambda s: s not in (".", ".."))
site_path = st.lists(segment, min_size=0, max_size=4).map(lambda parts: "/".join([*parts, "index.html"]))


def resolve(from_path: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_path), unquote(href)))


@given(site_path, site_path)
def test_relative_link_leads_to_the_target_file(from_path: str, to_path: str) -> None:
    href = urls.relative(from_path, to_path)
    assert not href.startswith("/") and "://" not in href
    assert resolve(from_path, href) == to_path


# Few names, so that pages and targets often share folders.
near_path = st.lists(st.sampled_from(["a", "b", "ü", "a b"]), min_size=0, max_size=4).map(
    lambda parts: "/".join([*parts, "index.html"]))


@given(near_path, near_path)
def test_relative_link_through_shared_folders_leads_to_the_target_file(from_path: str, to_path: str) -> None:
    href = urls.relative(from_path, to_path)
    assert unquote(href) == posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")  # the shortest


def test_links_point_at_files_not_folders() -> None:
    when = datetime(2025, 1, 1, tzinfo=timezone.utc)
    post = Post(title="T", slug="my-post", type="news-archive", date=when, updated=when, summary="", author="",
                file="news-archive/my-post.md", digest="", source=Source(1, "", ""), terms=())
    term = Term("news-type", "ree-news", "REE news")
    for path in (urls.home(), urls.home(3), urls.post(post), urls.taxonomy("regions"), urls.term(term),
                 urls.term(term, 2), urls.post_type("page"), urls.post_type("page", 2), urls.archive(),
                 urls.year(2025), urls.year(2025, 2), urls.month(2025, 3), urls.month(2025, 3, 4)):
        assert path.endswith("/index.html") or path == "index.html"
    assert urls.relative(urls.post(post), urls.term(term)) == "../../news-type/ree-news/index.html"
    assert urls.relative(urls.home(), urls.home()) == "index.html"
    assert urls.relative(urls.term(term), urls.term_feed(term)) == "feed.xml"
    assert urls.relative(urls.month(2025, 3), urls.year(2025)) == "../index.html"


def test_absolute_urls_keep_the_base_subpath_and_show_folders() -> None:
    base = "https://user.github.io/mirror/"
    assert urls.absolute(base, "index.html") == base
    assert urls.absolute(base, "regions/china/index.html") == base + "regions/china/"
    assert urls.absolute(base, "css/site.css") == base + "css/site.css"
    assert urls.absolute(base, "regions/中国/index.html") == base + "regions/%E4%B8%AD%E5%9B%BD/"


def test_archive_and_feed_paths() -> None:
    term = Term("regions", "china", "China")
    assert urls.month(2025, 3, 2) == "archive/2025/03/page/2/index.html"
    assert urls.year(987) == "archive/0987/index.html"
    assert urls.term_feed(term) == "regions/china/feed.xml"
    assert urls.post_type("page", 2) == "page/page/2/index.html"


def test_absolute_linker_serves_pages_shown_at_any_depth() -> None:
    link = urls.AbsoluteLinker(urls.NOT_FOUND, "https://user.github.io/mirror/")
    assert link(urls.home()) == "https://user.github.io/mirror/"
    assert link(urls.archive()) == "https://user.github.io/mirror/archive/"
    assert urls.Linker(urls.NOT_FOUND)(urls.archive()) == "archive/index.html"
