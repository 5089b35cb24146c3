"""`newsmirror serve` in Chromium: an edit to a post or a template shows in the open page by itself, a broken
template shows an overlay over the last good page, and the fix takes it away. Prints the edit-to-reload times.

Needs Debian's Chromium and playwright; skips without them unless NEWSMIRROR_REQUIRE_BROWSER is set.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.test_browser import chromium
from tests.test_serve import POST, SCRIPT, TITLE, make_project, serving

BOUND = 10.0  # seconds: generous for a busy 2-core machine; the real times are printed (pytest -s)
OVERLAY = "#newsmirror-serve-errors"


def shown(page: Any, condition: str, timeout: float = 30.0) -> float:
    """Seconds until `condition` (JavaScript) holds in the page, through the reloads in between."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            if page.evaluate(condition):
                return time.perf_counter() - start
        except Exception:  # the page is reloading: its context is gone for a moment
            pass
        time.sleep(0.01)
    raise AssertionError(f"not shown within {timeout} s: {condition}")


def connected(page: Any) -> None:
    page.wait_for_selector(f'script[src$="{SCRIPT.decode()}"][data-state="connected"]', state="attached")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_edits_show_in_the_open_page_and_a_broken_template_shows_an_overlay(tmp_path: Path) -> None:
    config_file = make_project(tmp_path, posts=60)
    post_file = tmp_path / "content" / "news-archive" / "story-0003.md"
    template = tmp_path / "templates" / "post.html"
    blocked: list[str] = []
    with chromium() as browser, serving(config_file) as (url, process):
        page = browser.new_page()
        page.on("console", lambda message: blocked.append(message.text)
                if "Content Security Policy" in message.text else None)
        page.goto(url + POST)
        connected(page)
        assert page.locator("h1").inner_text() == "Story 0003"

        start = time.perf_counter()
        edit(post_file, "title: Story 0003", "title: Edited Story")
        shown(page, "document.querySelector('h1').textContent === 'Edited Story'")
        markdown_seconds = time.perf_counter() - start
        connected(page)

        start = time.perf_counter()
        edit(template, TITLE, TITLE.replace('<h1', '<h1 class="theme-edit"'))
        shown(page, "document.querySelector('h1.theme-edit') !== null")
        template_seconds = time.perf_counter() - start
        connected(page)

        good = template.read_text()
        edit(template, "{{ post.title }}", "{{ post.title | no_such_filter }}")
        shown(page, f"document.querySelector('{OVERLAY}') !== null")
        overlay = page.locator(OVERLAY)
        assert overlay.is_visible() and "post.html" in overlay.inner_text()
        assert overlay.bounding_box()["height"] > 40  # styled through the DOM despite the site's CSP
        assert page.locator("h1").inner_text() == "Edited Story"  # the last good page stays

        template.write_text(good.replace('class="theme-edit"', 'class="theme-fixed"'))
        shown(page, f"document.querySelector('h1.theme-fixed') !== null && !document.querySelector('{OVERLAY}')")
        assert process.poll() is None
    print(f"\nedit-to-reload in Chromium, 60 posts: Markdown {markdown_seconds:.2f} s, template {template_seconds:.2f} s")
    assert markdown_seconds < BOUND and template_seconds < BOUND
    assert blocked == []  # the widened policy let the script and its event stream through, and nothing else broke
    assert not [p for p in (tmp_path / "site").rglob("*.html") if SCRIPT in p.read_bytes()]


def test_many_open_tabs_share_one_event_stream_and_all_reload(tmp_path: Path) -> None:
    """Chromium opens six connections per host: a stream per tab would leave the seventh tab's page loading
    for ever. The tabs of one browser share one stream, and every one of them reloads after an edit."""
    config_file = make_project(tmp_path, posts=12)
    template = tmp_path / "templates" / "post.html"
    with chromium() as browser, serving(config_file) as (url, _):
        context = browser.new_context()
        pages = []
        for number in range(1, 10):
            page = context.new_page()
            page.goto(url + POST.replace("0003", f"{number:04d}"), timeout=15_000)
            pages.append(page)
        edit(template, TITLE, TITLE.replace('<h1', '<h1 class="all-tabs"'))
        for page in pages:
            shown(page, "document.querySelector('h1.all-tabs') !== null", timeout=BOUND)
        context.close()
