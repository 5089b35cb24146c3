"""The shortcuts that make a body's links cheap (render/offline_links.py) give what the full way gives: the
plain web address read without urlsplit, and the links known not to lead within the page without it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render import engine
from generator.render.local_links import source_key
from generator.render.markdown import MarkdownRenderer
from generator.render.offline_links import PLAIN_WEB, Resolver, fragment_needed, same_page_fragment

PAGE = "news-archive/this-post/index.html"
POSTS = ["https://example.com/news/story-1/", "https://www.Example.com/news/story-2", "http://example.com/news/this-post/",
         "https://example.com/?p=12", "https://example.com/news/a.b~c_d-e/"]
PAGES = {source_key(url): f"news-archive/post-{n}/index.html" for n, url in enumerate(POSTS)}
PAGES[source_key("https://example.com/news/this-post/")] = PAGE
URLS = ["https://example.com/news/story-1/", "https://example.com/news/story-1", "https://EXAMPLE.com/news/story-1//",
        "https://www.example.com/news/story-2/#part", "https://example.com/news/story-2#", "http://example.com/news/this-post/#top",
        "https://example.com/news/this-post#x", "https://example.com", "https://example.com/", "https://www.www.example.com/",
        "HTTPS://example.com/news/story-1/", "https://example.com:443/news/story-1/", "https://user@example.com/news/story-1/",
        "https://example.com/news/story%2D1/", "https://example.com/news/story-1/?p=3", "https://example.com/?p=12",
        "https://[::1]/x", "https://ex]ample.com/", "https://exa mple.com/", " https://example.com/news/story-1/",
        "https://example.com/news/story-1/ ", "https://xn--bcher-kva.example/", "https://bücher.example/", "//example.com/x",
        "mailto:a@b.c", "#top", "", "  ", "/news/story-1/", "../post-0/index.html", "x.jpg", "?p=12", "https://example.com/a#b#c",
        "https://example.com/news/a.b~c_d-e", "https://example.com/#", "https://./", "https://-/", "http://example.com\t/x",
        " #top", "\t/news/", "\x01?p=1#x", "#", "https://ex[ample.com/#x", "https://bücher.example/#x"]


class Recording(Mapping[str, str]):
    """The site's lookups, noting each key looked up, as the build's LookupRecorder does."""

    def __init__(self, pages: Mapping[str, str]) -> None:
        self.pages, self.looked_up = pages, []

    def __getitem__(self, key: str) -> str:
        self.looked_up.append(key)
        return self.pages[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)


def both_ways(url: str, loads: bool, base: str | None, known: bool) -> None:
    fast_pages, full_pages = Recording(PAGES), Recording(PAGES)
    fast, full = Resolver(base, known, fast_pages, PAGE), Resolver(base, known, full_pages, PAGE)
    assert fast.target(url, loads) == full.any_target(url, loads), url
    assert fast_pages.looked_up == full_pages.looked_up, url
    assert fast.unresolved == full.unresolved, url


def test_plain_web_addresses_resolve_as_when_taken_apart() -> None:
    assert sum(1 for url in URLS if PLAIN_WEB.fullmatch(url)) >= 12, "too few URLs take the shortcut"
    for url in URLS:
        for loads in (False, True):
            for base, known in (("https://example.com/news/this-post/", True), (None, True), (None, False)):
                both_ways(url, loads, base, known)


def test_a_link_to_a_mirrored_post_is_made_local_and_keeps_its_fragment_only_within_the_page() -> None:
    resolver = Resolver("https://example.com/news/this-post/", True, PAGES, PAGE)
    assert resolver.target("https://www.example.com/news/story-2/#part", loads=False) == "../post-1/index.html"
    assert resolver.target("https://example.com/news/this-post#x", loads=False) == "#x"
    assert resolver.target("https://elsewhere.example/news/story-1/", loads=False) == (
        "https://elsewhere.example/news/story-1/")


URL_TEXT = st.lists(st.sampled_from(list("abcXY09.-_~/:#?%@[] \t&=é") + ["https://", "http://", "www.", "//",
                                                                         "example.com", "/news/story-1"]),
                    max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(URL_TEXT, st.booleans())
def test_any_address_resolves_as_when_taken_apart(url: str, loads: bool) -> None:
    both_ways(url, loads, "https://example.com/news/this-post/", True)


def test_only_links_that_need_nothing_of_the_page_skip_taking_apart() -> None:
    for url in URLS:
        assert same_page_fragment(url) == fragment_needed(url), url


@settings(max_examples=400, deadline=None)
@given(URL_TEXT)
def test_only_any_link_that_needs_nothing_of_the_page_skips_taking_apart(url: str) -> None:
    assert same_page_fragment(url) == fragment_needed(url)


@pytest.mark.skipif(engine._Compiled is None, reason="markdown-it-pyrs is not installed")
def test_in_page_links_are_still_settled_when_the_body_takes_the_compiled_engine() -> None:
    renderer = MarkdownRenderer(PAGES)
    body = ("## Background {#background}\n\n[up](#background) [gone](#missing) [root](/news/) "
            "[self](https://example.com/news/this-post/#background) [away](https://example.org/x#y)\n")
    fast = renderer._fast(body, PAGE, "https://example.com/news/this-post/")
    assert fast is not None
    assert '<a href="#background">up</a>' in fast.html and "<a>gone</a>" in fast.html
    assert fast.html.count('href="#background"') == 2
    assert '<a href="https://example.com/news/">root</a>' in fast.html
    assert '<a href="https://example.org/x#y">away</a>' in fast.html
    unplaced = renderer._fast(body, PAGE, None)  # where the post came from is not known
    assert unplaced is not None and "<a>root</a>" in unplaced.html
