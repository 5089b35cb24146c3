"""Relative URLs in a post are read as the original site's browser read them, at import."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.addresses import (absolute, absolute_srcset, as_browsers_read, page_address,
                                        with_plain_ampersands)
from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown
from generator.convert.context import Settings
from generator.importer import ImportOptions, run_import
from generator.render.markdown import MarkdownRenderer
from tests.conftest import rest_item

segment = st.text(st.sampled_from("abz09-_.~%"), min_size=1, max_size=6).filter(lambda s: s not in (".", ".."))
path = st.lists(st.one_of(segment, st.just(".."), st.just(".")), min_size=1, max_size=5).map("/".join)
relative = st.one_of(path, path.map(lambda p: "/" + p), path.map(lambda p: "//cdn.example/" + p),
                     path.map(lambda p: p + "?p=12"), st.just("?page_id=45"))
base = st.sampled_from(["https://news.example/2022/07/slug/", "http://news.example/blog/a/b", "https://n.example"])


@settings(max_examples=300, deadline=None)
@given(relative, base)
def test_every_relative_url_gets_a_host_and_resolving_twice_changes_nothing(url: str, page: str) -> None:
    resolved = absolute(url, page)
    parts = urlsplit(resolved)
    assert parts.scheme in ("http", "https") and parts.hostname
    if not url.startswith("//"):
        assert parts.hostname == urlsplit(page).hostname
    assert absolute(resolved, page) == resolved


@given(st.text(st.sampled_from("ab-_#"), max_size=8), base)
def test_fragment_only_links_and_urls_with_a_scheme_stay_as_they_are(fragment: str, page: str) -> None:
    for url in (f"#{fragment}", "mailto:ed@e.com", "tel:+1", "data:image/png;base64,AA", "https://o.example/x"):
        assert absolute(url, page) == url


def test_a_web_address_with_backslashes_is_read_with_slashes_as_browsers_do() -> None:
    """Browsers read `\\` as `/` before the query of an http(s) address or a relative one; a search-and-replace
    over saved JSON leaves `https:/\\example.org/a/`. Other schemes' backslashes, and the query's, are text."""
    assert as_browsers_read("https:/\\example.org\\a/?q=\\x#y\\z") == "https://example.org/a/?q=\\x#y\\z"
    assert as_browsers_read("..\\b\\c.html") == "../b/c.html"
    assert as_browsers_read("mailto:a\\b@e.com") == "mailto:a\\b@e.com"
    html = MarkdownRenderer().render(html_to_markdown('<p><a href="https:/\\example.org/team/">Team</a></p>')).html
    assert '<a href="https://example.org/team/">Team</a>' in html


wrapped = st.lists(st.tuples(path, st.sampled_from(["\n", "\r\n", "\t", "\n\t"])), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["", "https://cdn.example/", "//cdn.example/"]), wrapped, base)
def test_a_url_an_editor_wrapped_over_lines_links_where_the_browser_took_it(host: str, pieces: list[tuple[str, str]],
                                                                            page: str) -> None:
    """Browsers drop tabs and line breaks from a URL; Markdown cannot hold them in a link's address, so a
    link or image whose address kept them would show as its Markdown source (`![](…/Outlining`)."""
    url = host + "".join(p + gap for p, gap in pieces)
    clean = host + "".join(p for p, _ in pieces)
    assert as_browsers_read(url) == clean
    html = MarkdownRenderer().render(html_to_markdown(
        f'<p><a href="{url}">a link</a> and <img src="{url}x.png" alt="a picture"></p>', Context(base_url=page))).html
    assert "](" not in html and "\n" not in html.strip()  # both shown, on one line: no Markdown left
    assert html.count('<a href="http') == 2  # the link, and the remote picture's "open original"


def test_every_srcset_candidate_is_resolved_and_keeps_its_descriptor() -> None:
    assert absolute_srcset("/a-300.jpg 300w, b.jpg 2x, https://c.example/c.jpg", "https://s.example/p/") == (
        "https://s.example/a-300.jpg 300w, https://s.example/p/b.jpg 2x, https://c.example/c.jpg")


def test_a_post_is_read_against_its_link_else_the_site_else_its_guid() -> None:
    assert page_address("https://s.example/p/") == "https://s.example/p/"
    assert page_address("/2022/07/slug/", "https://s.example") == "https://s.example/2022/07/slug/"
    assert page_address("/2022/07/slug/", "", "https://old.example/?p=4") == "https://old.example/2022/07/slug/"
    assert page_address("/2022/07/slug/") == "/2022/07/slug/"
    assert page_address("", "https://s.example/blog") == "https://s.example/blog/"


def _stripped_crawl(tmp_path: Path) -> Path:
    """Two posts saved with every host stripped, as some crawlers save them."""
    crawl = tmp_path / "crawl.json"
    body = '<p><a href="/?p=8">the other post</a> <img src="/wp-content/uploads/a.jpg" alt="A"></p>'
    crawl.write_text(json.dumps([
        rest_item(link="/2022/07/hello/", guid={"rendered": "/?p=7"}, content={"rendered": body}),
        rest_item(id=8, slug="other", link="/2022/07/other/", guid={"rendered": "/?p=8"})]))
    return crawl


def test_a_crawl_without_hosts_takes_the_site_address_given_to_the_import(tmp_path: Path) -> None:
    result = run_import([_stripped_crawl(tmp_path)], tmp_path / "content", ImportOptions(site="https://s.example"))
    assert result.problems == [] and result.notes == []
    text = (tmp_path / "content" / "post" / "hello.md").read_text(encoding="utf-8")
    assert "url: https://s.example/2022/07/hello/\n  guid: https://s.example/?p=7\n" in text
    assert "[the other post](https://s.example/?p=8) ![A](https://s.example/wp-content/uploads/a.jpg)" in text


def test_a_crawl_without_hosts_and_no_site_address_says_so_once_and_keeps_root_relative_urls(
        tmp_path: Path) -> None:
    crawl = _stripped_crawl(tmp_path)
    result = run_import([crawl], tmp_path / "content")
    assert result.problems == []
    assert len(result.notes) == 1 and str(crawl) in result.notes[0] and "--site" in result.notes[0]
    assert result.notes[0].startswith("2 posts have no site address")
    text = (tmp_path / "content" / "post" / "hello.md").read_text(encoding="utf-8")
    assert "[the other post](/?p=8) ![A](/wp-content/uploads/a.jpg)" in text


def test_the_site_address_is_part_of_what_the_import_cache_keys_on(tmp_path: Path) -> None:
    crawl, content = _stripped_crawl(tmp_path), tmp_path / "content"
    run_import([crawl], content)
    result = run_import([crawl], content, ImportOptions(site="https://s.example"))
    assert result.count("updated") == 2
    assert "https://s.example/?p=8" in (content / "post" / "hello.md").read_text(encoding="utf-8")


def test_a_featured_image_saved_without_its_host_is_read_against_the_post_too(tmp_path: Path) -> None:
    from generator.convert.wp_post import to_document

    embedded = {"wp:featuredmedia": [{"id": 3, "source_url": "/wp-content/uploads/f.jpg", "media_type": "image"}]}
    document = to_document(rest_item(link="/2022/07/hello/", _embedded=embedded), settings=Settings(site="https://s.example")).document
    assert document.image is not None and document.image.url == "https://s.example/wp-content/uploads/f.jpg"


@pytest.mark.parametrize(("typed", "meant"), [
    ("http://tides.example/cms.php?id=77&amp;amp;page=2", "http://tides.example/cms.php?id=77&page=2"),
    ("/archive/?year=2008&amp;#038;month=3", "/archive/?year=2008&month=3"),
    ("https://shop.example/?q=salt%26amp%3Bpepper", "https://shop.example/?q=salt%26amp%3Bpepper"),
    ("data:image/svg+xml;utf8,<svg><text>A &amp; B</text></svg>",
     "data:image/svg+xml;utf8,<svg><text>A &amp; B</text></svg>"),
])
def test_an_ampersand_escaped_twice_is_the_ampersand_its_author_typed(typed: str, meant: str) -> None:
    assert with_plain_ampersands(typed) == meant


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("ab=?&;#038x26amp/:"), max_size=40))
def test_reading_ampersands_escaped_twice_changes_no_other_text_and_is_done_at_once(url: str) -> None:
    meant = with_plain_ampersands(url)
    assert with_plain_ampersands(meant) == meant
    assert meant.replace("&", "") == re.sub(r"&(?:(?:amp|#0*38|#x0*26);)+", "", url, flags=re.IGNORECASE).replace(
        "&", "")


@settings(max_examples=100, deadline=None)
@given(spaces=st.lists(st.sampled_from(["%20", "%09", "%0A", " "]), max_size=3).map(lambda more: "%20" + "".join(more)),
       slashes=st.sampled_from(["/", "//", "///"]), scheme=st.sampled_from(["http", "https", "HTTPS"]),
       tail=path, page=base)
def test_spaces_typed_before_an_address_go_and_its_slashes_are_two(spaces: str, slashes: str, scheme: str, tail: str,
                                                                 page: str) -> None:
    # The link dialog percent-encoded a space typed before the address; the live browser read a path on the post's
    # own site. What follows the scheme is the author's address, however many slashes the editor squeezed.
    assume_tail = tail.lstrip("/") or "x"
    meant = f"{scheme.lower()}://host.example/{assume_tail}"
    assert absolute(f"{spaces}{scheme}:{slashes}host.example/{assume_tail}", page) == meant
    assert absolute(f"{spaces}notes.html", page).endswith("notes.html")


def test_reading_spaces_before_an_address_takes_linear_time() -> None:
    assert time_to_read("%20" * 100_000 + "http") < 1
    assert time_to_read(" %20" * 100_000 + "http://x") < 1


def time_to_read(url: str) -> float:
    started = time.perf_counter()
    absolute(url, "https://news.example/a/")
    return time.perf_counter() - started
