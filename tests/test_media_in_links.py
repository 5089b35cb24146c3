"""Mirrored images inside links, as WordPress writes them to open an image's full size, seen in Chromium on a
crawl of prensesemektuplar.com imported with --media (325 of 915 such links, 10 of 30 pages failing axe).

A mirrored image that is a link's only content names the link: WordPress writes `alt=""` there; shown from its
local copy, such a link had no name at all, where the same image not mirrored shows the word "Image" (axe's
link-name, serious). And a link to an image the mirror holds opens the local copy, not the web. Both
renderers, the compiled engine and markdown-it, and raw HTML alike."""

from __future__ import annotations

import re

import pytest

from generator.language.words import Words
from generator.render.markdown import MarkdownRenderer
from generator.render.remote_media import media_key, media_value

PAGE = "news-archive/this-post/index.html"
IMAGE = "https://example.com/wp-content/uploads/2011/04/tokyo-300x200.jpg"
FULL = "https://example.com/wp-content/uploads/2011/04/tokyo.jpg"
PAGES = {media_key(IMAGE): media_value("tokyo-300x200-1a2b3c4d.jpg", 300, 200)}


def alts(html: str) -> list[str]:
    return re.findall(r'<img [^>]*alt="([^"]*)"', html)


@pytest.mark.parametrize("compiled", [True, False])
@pytest.mark.parametrize(("body", "expected"), [
    (f"[![]({IMAGE})]({FULL})", ["Image"]),
    (f'[![]({IMAGE} "Harajuku")]({FULL})', ["Image: Harajuku"]),
    (f'<p><a href="{FULL}"><img src="{IMAGE}" alt="" width="300" height="200"></a></p>', ["Image"]),
    (f'<p><a href="{FULL}"><img src="{IMAGE}" alt="Harajuku, 2011"></a></p>', ["Harajuku, 2011"]),
    # Outside a link an empty alt says the image is decoration, and stays so.
    (f"Text.\n\n![]({IMAGE})", [""]),
    (f'<p><img src="{IMAGE}" alt=""></p>', [""]),
])
def test_a_mirrored_image_alone_in_a_link_gives_it_a_name(compiled: bool, body: str, expected: list[str]) -> None:
    html = MarkdownRenderer(PAGES, compiled=compiled).render(body, PAGE).html
    assert "media/tokyo-300x200-1a2b3c4d.jpg" in html
    assert alts(html) == expected


@pytest.mark.parametrize("compiled", [True, False])
@pytest.mark.parametrize("body", [
    f"[![]({IMAGE}) Tokyo at night]({FULL})",
    f"[Tokyo at night ![]({IMAGE})]({FULL})",
    f"[![]({IMAGE})\\\nTokyo at night]({FULL})",
    f'<p><a href="{FULL}"><img src="{IMAGE}" alt=""> Tokyo <em>at night</em></a></p>',
])
def test_a_mirrored_image_in_a_link_with_words_adds_no_name(compiled: bool, body: str) -> None:
    # Seen on a gallery's linked thumbnails with their captions: the link's words name it, and "Image" read out
    # before them ("Image Tokyo at night") says nothing.
    html = MarkdownRenderer(PAGES, compiled=compiled).render(body, PAGE).html
    assert "media/tokyo-300x200-1a2b3c4d.jpg" in html
    assert alts(html) == [""]


def test_the_name_is_in_the_sites_language() -> None:
    html = MarkdownRenderer(PAGES, words=Words("de")).render(f"[![]({IMAGE})]({FULL})", PAGE).html
    assert alts(html) == [Words("de").image]


def hrefs(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"', html)


@pytest.mark.parametrize("compiled", [True, False])
@pytest.mark.parametrize(("body", "expected"), [
    (f"[![]({IMAGE})]({IMAGE})", ["../../media/tokyo-300x200-1a2b3c4d.jpg"]),
    (f'<p><a href="{IMAGE}"><img src="{IMAGE}" alt=""></a></p>', ["../../media/tokyo-300x200-1a2b3c4d.jpg"]),
    (f"See [the photo]({IMAGE}).", ["../../media/tokyo-300x200-1a2b3c4d.jpg"]),
    # The full size was not mirrored: the link still leads to it.
    (f"[![]({IMAGE})]({FULL})", [FULL]),
])
def test_a_link_to_a_mirrored_image_opens_its_local_copy(compiled: bool, body: str, expected: list[str]) -> None:
    html = MarkdownRenderer(PAGES, compiled=compiled).render(body, PAGE).html
    assert hrefs(html) == expected
