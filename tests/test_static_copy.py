"""Addresses of a static copy of a WordPress site: relative to the file that holds them, or mangled by the copying
tool, they are the site's own again."""

from __future__ import annotations

import time

import pytest

from generator.sources.static_copy import address, post_keys, relative_to

FEED = "/category/news/feed/index.xml"


@pytest.mark.parametrize(("written", "meant"), [
    ("./../../../2024/04/01/hello-world/index.html", "/2024/04/01/hello-world/"),  # Simply Static, relative
    ("../../../wp-content/uploads/x.jpg", "/wp-content/uploads/x.jpg"),
    ("./../../../index.html?p=12", "/index.html?p=12"),  # a query is the address: kept whole
    ("http:///www.news.example/story/", "http://www.news.example/story/"),  # a slash too many
    ("https:/news.example/story/", "https://news.example/story/"),  # one too few
    ("httpnews.example/story/", "http://news.example/story/"),  # `://` lost
    ("https://https://news.example/story/", "https://news.example/story/"),  # an exporter's scheme before the site's
    ("http://https//news.example/story/", "https://news.example/story/"),
    ("/https://news.example/story/", "https://news.example/story/"),  # Simply Static's root: the site's address
    ("http://localhost/https:/news.example/story/", "https://news.example/story/"),  # the same, read on its server
    ("https://reader.example/https://news.example/story/", "https://reader.example/https://news.example/story/"),
    ("/https-guide/", "/https-guide/"),  # a path from the root that only starts with "https"
    ("./../../../index.html%3Fp=16.html", "/?p=16"),  # wget's file of the address `/?p=16`, as its links write it
    ("../../../index.html?p=16.html#more", "/?p=16#more"),  # as it names the file
    ("./index.html%3Fpage_id=2", "/category/news/feed/?page_id=2"),  # without `--adjust-extension`
    ("https://news.example/index.html%3Fp=16.html", "https://news.example/?p=16"),
    ("../../index.html?p=16", "/category/index.html?p=16"),  # a query the site wrote: as it is
    ("https://news.example/story/index.html", "https://news.example/story/index.html"),  # whole: as it is
    ("http-guide/index.html", "/category/news/feed/http-guide/"),  # a relative path that only starts with "http"
    ("#comments", "#comments"),
    ("http://OFFLINEZIP.wpsho/story/", "/story/"),  # WP2Static's stand-in host for an offline copy: the copy's path
    ("http://OFFLINEZIP.wpsho", "/"),
    ("https://offlinezip.wpsho?p=12", "/?p=12"),
    ("https://offlinezip.wpsho.news.example/story/", "https://offlinezip.wpsho.news.example/story/"),
])
def test_an_address_of_a_copy_is_the_sites_own(written: str, meant: str) -> None:
    assert address(written, FEED) == meant


def test_markup_addresses_relative_to_a_feed_are_read_so_only_where_the_copy_wrote_them() -> None:
    markup = ('<a href="./../../../a/index.html">a</a> <a href="b/">b</a> <img src="http:///news.example/c.jpg" '
              'srcset="./../../../c-300.jpg 300w, d.jpg 600w">')
    assert relative_to(markup, FEED, dotted=True) == (
        '<a href="/a/">a</a> <a href="b/">b</a> <img src="http://news.example/c.jpg" '
        'srcset="/c-300.jpg 300w, d.jpg 600w">')
    assert relative_to('<a href="b/index.html">b</a>', "/2024/x/index.html") == '<a href="/2024/x/b/">b</a>'


def test_a_copy_that_wrote_the_sites_address_after_a_slash_links_the_site_again() -> None:
    """Simply Static set to write addresses from the site's root, given the published site's whole address as that
    root, wrote every link as `/https://site/…` (read on the local server it ran on: `http://localhost/https:/site/…`):
    two news sites' posts had no address on any host, their links between posts none to follow."""
    markup = ('<a href="/https://news.example/a/">a</a> <img src="http://localhost/https:/news.example/b.jpg"> '
              '<a href="/https-guide/">c</a>')
    assert relative_to(markup, "/a/index.html") == (
        '<a href="https://news.example/a/">a</a> <img src="https://news.example/b.jpg"> <a href="/https-guide/">c</a>')


def test_long_hostile_addresses_are_read_in_linear_time() -> None:
    for hostile in ("http" + "a." * 100_000, "http:" + "/" * 100_000, "./" * 100_000, "http" + "-" * 100_000,
                    "/" * 100_000 + "https://" + "a." * 100_000):
        started = time.process_time()
        address(hostile, FEED)
        relative_to(f'<a href="{hostile}">x</a>' * 2, FEED)
        assert time.process_time() - started < 1.0


def test_a_post_whose_address_urlsplit_refuses_is_told_apart_by_its_id_alone():
    # A saved answer beside a copy's pages may give a post such a link; the import must go on, keyed by the id.
    assert post_keys({"id": 3, "link": "http://[x/"}) == {3}
    assert post_keys({"id": 3, "link": "https://news.example/x/"}) == {3, "path:/x"}
