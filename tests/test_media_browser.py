"""Mirrored images in a browser with the network off: every image of a post and of the home page loads from
the site's own files (PNG, JPEG and GIF as the mirror stores them), and nothing is asked of the network.

Set NEWSMIRROR_SCREENSHOTS to a folder to keep screenshots of the post and the home page there.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from generator.builder import run_build
from generator.convert.document import Image
from generator.media_mirror import mirror_media
from generator.sources.media_fetch import FetchResult
from tests.site_content import config, post, write_content
from tests.test_browser import chromium
from tests.test_media_images import gif, jpeg, png

SITE = "https://news.example.org/wp-content/uploads/2024"
IMAGES = {
    f"{SITE}/smelter.png": png(800, 400, (40, 90, 170)),
    f"{SITE}/chart.png": png(600, 300, (200, 60, 40)),
    f"{SITE}/mine.jpg": jpeg(320, 200),
    f"{SITE}/gallery-a.png": png(240, 160, (30, 150, 80)),
    f"{SITE}/gallery-b.png": png(240, 160, (220, 170, 30)),
    f"{SITE}/magnet.gif": gif(200, 100),
    f"{SITE}/older.png": png(400, 250, (120, 60, 160)),
}
BODY = f"""Lead paragraph with a chart:

![Rare earth prices, 2024]({SITE}/chart.png)

[![Open-pit mine, linked to the full size]({SITE}/mine.jpg)](https://news.example.org/mine-full/)

<figure class="wp-block-gallery"><figure><img src="{SITE}/gallery-a.png" alt="Gallery one"></figure><figure><img src="{SITE}/gallery-b.png" alt="Gallery two"></figure><figcaption>Two views of the plant</figcaption></figure>

<figure><img src="{SITE}/magnet.gif" alt="A magnet"><figcaption>Sintered NdFeB magnet</figcaption></figure>

![Not mirrored]({SITE}/missing.png)
"""
POST = "news-archive/mirrored-images/index.html"


def mirrored_site(root: Path) -> Path:
    when = datetime(2024, 6, 3, 8, 30, tzinfo=timezone.utc)
    content = write_content(root / "content", [
        post("mirrored-images", when, title="Smelter Output Climbs as Prices Recover", body=BODY,
             image=Image(f"{SITE}/smelter.png", "The smelter at dusk")),
        post("older-story", when.replace(month=5), title="An Older Story With Its Own Picture",
             image=Image(f"{SITE}/older.png", "A warehouse")),
        post("no-picture", when.replace(month=4), title="A Story Without a Picture"),
    ])
    result = mirror_media(content, lambda url: FetchResult(IMAGES[url], "image/png") if url in IMAGES
                          else FetchResult(None, "", "HTTP 404"))
    assert len(result.problems) == 1
    assert run_build(config(root, content)).problems == []
    return root / "site"


def open_offline(browser: Any, page_file: Path) -> tuple[Any, list[str]]:
    """The page read from disk, every network request refused and recorded; lazy images scrolled into view."""
    asked: list[str] = []
    context = browser.new_context(viewport={"width": 900, "height": 700})
    context.route(re.compile(r"^(https?|wss?|ftp)://"), lambda route: (asked.append(route.request.url),
                                                                        route.abort()))
    page = context.new_page()
    page.goto(page_file.as_uri())
    for image in page.locator("img").all():
        image.scroll_into_view_if_needed()
    page.wait_for_function("[...document.images].every(i => i.complete)")
    page.evaluate("window.scrollTo(0, 0)")
    return page, asked


def loaded_images(page: Any) -> list[tuple[str, int]]:
    return page.evaluate("[...document.images].map(i => [i.alt, i.naturalWidth])")


def test_a_post_and_the_home_page_show_their_images_with_the_network_off(tmp_path: Path) -> None:
    site = mirrored_site(tmp_path)
    keep = os.environ.get("NEWSMIRROR_SCREENSHOTS")
    with chromium() as browser:
        page, asked = open_offline(browser, site / POST)
        shown = dict(loaded_images(page))
        for alt in ("Rare earth prices, 2024", "Open-pit mine, linked to the full size", "Gallery one", "Gallery two",
                    "A magnet"):
            assert shown.get(alt, 0) > 0, (alt, shown)
        assert all(width > 0 for width in shown.values()), shown
        assert page.get_by_text("Image: Not mirrored").count() == 1
        assert page.locator("a[href='https://news.example.org/mine-full/'] img").count() == 1
        assert page.locator("figure:has(figcaption:text('Two views of the plant')) img").count() == 2
        # A phone-sized window: the largest image is scaled down, not cut off or scrolled sideways.
        page.set_viewport_size({"width": 390, "height": 700})
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.set_viewport_size({"width": 900, "height": 700})
        if keep:
            page.screenshot(path=str(Path(keep) / "post.png"), full_page=True)
        home, home_asked = open_offline(browser, site / "index.html")
        assert all(width > 0 for _, width in loaded_images(home))
        if keep:
            home.screenshot(path=str(Path(keep) / "home.png"), full_page=True)
            assert (Path(keep) / "post.png").stat().st_size > 0 and (Path(keep) / "home.png").stat().st_size > 0
    assert asked == home_asked == []

