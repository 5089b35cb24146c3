"""What only a browser shows: the built site read from file://, navigated by clicking.

Needs Debian's Chromium (/usr/bin/chromium) and the playwright package; skips without them,
unless NEWSMIRROR_REQUIRE_BROWSER is set (CI sets it, so a missing browser fails there).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_end_to_end import POST, TITLE

CHROMIUM = Path("/usr/bin/chromium")
# Without these, Chromium keeps trying to reach Google's services, which this network refuses.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser_page() -> Iterator[object]:
    missing = "" if CHROMIUM.exists() else f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = missing or "the playwright package is not installed"
    if missing:
        if os.environ.get("NEWSMIRROR_REQUIRE_BROWSER"):
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 600})  # a phone
        yield page
        browser.close()


def test_reader_clicks_from_home_to_post_to_heading_to_term_page(browser_page, sample_site: Path) -> None:
    page = browser_page
    page.goto((sample_site / "index.html").as_uri())
    # The stylesheet loaded from a relative path: the body is narrowed to the reading column.
    assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"

    page.get_by_role("link", name=TITLE).click()
    assert page.url == (sample_site / POST).as_uri()
    assert page.locator("h1").inner_text() == TITLE

    page.locator("nav.toc").get_by_role("link", name="Bottom Line for Investors").click()
    assert page.url.endswith("#bottom-line-for-investors")
    heading_top = page.evaluate("document.getElementById('bottom-line-for-investors').getBoundingClientRect().top")
    assert page.evaluate("window.scrollY") > 0 and -2 < heading_top < 600  # scrolled to the heading

    page.locator("dl.terms").get_by_role("link", name="ree-news").click()
    assert page.url == (sample_site / "news-type/ree-news/index.html").as_uri()
    assert page.get_by_role("link", name=TITLE).count() == 1
