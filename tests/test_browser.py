"""What only a browser shows: the built site read from file://, navigated by clicking.

Needs Debian's Chromium (/usr/bin/chromium) and the playwright package; skips without them,
unless NEWSMIRROR_REQUIRE_BROWSER is set (CI sets it, so a missing browser fails there).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from generator.builder import run_build
from tests.site_content import config, post, write_content
from tests.test_end_to_end import POST, TITLE

CHROMIUM = Path("/usr/bin/chromium")
# Without these, Chromium keeps trying to reach Google's services, which this network refuses.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by playwright; skips the test without them, or fails it where CI requires them."""
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
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def browser_page(browser: Any) -> Any:
    return browser.new_page(viewport={"width": 390, "height": 600})  # a phone


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


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two posts that link to each other by their original URLs, built for a GitHub Pages subpath."""
    tmp = tmp_path_factory.mktemp("linked")
    body = "Read [the earlier story](https://www.example.com/news/earlier) first.\n\n" + "Words. " * 400 + "\n"
    content = write_content(tmp / "content", [
        post("earlier", datetime(2024, 1, 1, tzinfo=timezone.utc)),
        post("later", datetime(2024, 2, 1, tzinfo=timezone.utc), body=body)])
    assert run_build(config(tmp, content, site={"base_url": "https://user.github.io/mirror/"})).problems == []
    return tmp / "site"


def test_a_link_to_a_mirrored_post_opens_its_local_page(browser_page, linked_site: Path) -> None:
    page = browser_page
    page.goto((linked_site / "news-archive/later/index.html").as_uri())
    page.get_by_role("link", name="the earlier story").click()
    assert page.url == (linked_site / "news-archive/earlier/index.html").as_uri()
    page.get_by_role("link", name="Later", exact=True).click()  # "Next" in date order
    assert page.url == (linked_site / "news-archive/later/index.html").as_uri()


def test_a_table_without_a_header_shows_no_empty_header_row(browser: Any, tmp_path: Path) -> None:
    """Markdown gives a table of <td> rows only, as most classic posts' tables are, an empty header row."""
    body = "|  |  |\n| --- | --- |\n| Nunca | 0 |\n\n| Name | Count |\n| --- | --- |\n| Apples | 3 |\n"
    content = write_content(tmp_path / "content", [post("tables", datetime(2024, 1, 1, tzinfo=timezone.utc), body=body)])
    assert run_build(config(tmp_path, content)).problems == []
    page = browser.new_page()
    page.goto((tmp_path / "site" / "news-archive/tables/index.html").as_uri())
    rows = page.locator(".body thead tr")
    assert [rows.nth(i).is_visible() for i in range(rows.count())] == [False, True]
    assert page.locator(".body td", has_text="Nunca").is_visible()


def test_dark_scheme_follows_the_system_setting(browser_page, sample_site: Path) -> None:
    page = browser_page
    background = "getComputedStyle(document.body).backgroundColor"
    page.goto((sample_site / POST).as_uri())
    try:
        page.emulate_media(color_scheme="light")
        light = page.evaluate(background)
        page.emulate_media(color_scheme="dark")
        assert page.evaluate(background) != light
        assert page.evaluate(background) == "rgb(22, 22, 26)"
    finally:
        page.emulate_media(color_scheme="light")


def test_print_hides_navigation_and_keeps_the_article(browser_page, sample_site: Path) -> None:
    page = browser_page
    page.goto((sample_site / POST).as_uri())
    try:
        page.emulate_media(media="print")
        assert not page.locator("nav.toc").is_visible() and not page.locator("header.site-header nav").is_visible()
        assert page.locator("article h1").is_visible()
    finally:
        page.emulate_media(media="screen")


def test_pages_fit_a_phone_screen_without_sideways_scrolling(browser_page, sample_site: Path) -> None:
    page = browser_page
    for path in ("index.html", POST, "news-type/index.html", "archive/2025/11/index.html"):
        page.goto((sample_site / path).as_uri())
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path


def test_the_skip_link_is_the_first_stop_and_shows_when_focused(browser_page, sample_site: Path) -> None:
    page = browser_page
    page.goto((sample_site / "index.html").as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    assert page.evaluate("document.activeElement.getBoundingClientRect().left") >= 0


def test_the_404_page_is_styled_at_any_depth(browser_page, linked_site: Path) -> None:
    """GitHub Pages serves 404.html at the missing address, so it must not depend on its own location."""
    deep = linked_site / "no/such/page"
    deep.mkdir(parents=True)
    (deep / "index.html").write_bytes((linked_site / "404.html").read_bytes())
    page = browser_page
    page.goto((deep / "index.html").as_uri())
    assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"
    assert page.get_by_role("link", name="Go to the latest news").get_attribute("href") == \
        "https://user.github.io/mirror/"


# What a policy violation looks like to the page; the init script reports each one to the test.
CSP_LISTENER = ("document.addEventListener('securitypolicyviolation', "
                "e => window.__violation(e.violatedDirective + ' ' + e.blockedURI))")
PAGES = ("index.html", POST, "news-type/index.html", "archive/2025/11/index.html", "404.html")


def test_every_page_has_the_policy_and_still_reads_styled_from_disk(browser_page, sample_site: Path) -> None:
    """The Content-Security-Policy forbids every load from the network; the site's own stylesheets still apply."""
    page = browser_page
    violations: list[str] = []
    page.expose_function("__violation", lambda v: violations.append(v))
    page.add_init_script(CSP_LISTENER)
    for path in PAGES:
        page.goto((sample_site / path).as_uri())
        policy = page.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content")
        assert policy and "default-src 'none'" in policy, path
        assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none", path
        if path == POST:  # Pygments' colours come from the second stylesheet, code.css
            assert page.evaluate("document.styleSheets.length") == 2
    assert violations == []


def test_the_policy_keeps_the_site_working_under_https(browser: Any, sample_site: Path) -> None:
    """Served from a (simulated) GitHub Pages address: styles apply, links work, nothing is blocked."""
    base = "https://user.github.io/mirror/"

    def serve(route: Any) -> None:
        path = route.request.url.removeprefix(base).split("#")[0] or "index.html"
        file = sample_site / path
        if not route.request.url.startswith(base) or not file.is_file():
            route.fulfill(status=404, body="not found")
            return
        kind = "text/css" if path.endswith(".css") else "text/html"
        route.fulfill(status=200, content_type=kind, body=file.read_bytes())

    context = browser.new_context()
    context.route(re.compile(r"^https?://"), serve)
    violations: list[str] = []
    context.expose_function("__violation", lambda v: violations.append(v))
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.goto(base + "index.html")
    assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_load_state()
    assert page.url == base + POST
    assert page.evaluate("document.styleSheets.length") == 2
    page.goto(base + "404.html")  # its styles are inline, which its own policy allows
    assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"
    assert violations == []
    context.close()


# The reader's walk, from disk and from a server laid out like a GitHub Pages project site: home, a post, a
# heading of its table of contents, a term page, back, then a search and its result. Nothing may reach the
# network, and the console stays clean.
HEADING = "bottom-line-for-investors"
SCREENSHOTS = (("home", "index.html"), ("post", POST), ("term", "news-type/ree-news/index.html"))


class Watch:
    """Every request of a browser context, and every console error and uncaught exception of its pages. A
    request that is neither a file nor to 127.0.0.1 is refused, and named in `problems`."""

    def __init__(self, context: Any) -> None:
        self.problems: list[str] = []
        self.requests: list[str] = []
        context.route("**/*", self.route)
        context.on("request", lambda r: self.requests.append(r.url))
        context.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        context.on("page", lambda p: p.on("pageerror", lambda e: self.problems.append(f"exception: {e}")))

    def route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file://") or url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            self.problems.append(f"request to {url}")
            route.abort()


def walk(page: Any, base: str) -> None:
    page.goto(base + "index.html")
    page.get_by_role("link", name=TITLE).click()
    assert page.url == base + POST
    page.locator("nav.toc").get_by_role("link", name="Bottom Line for Investors").click()
    assert page.url == f"{base}{POST}#{HEADING}"
    top = page.evaluate(f"document.getElementById('{HEADING}').getBoundingClientRect().top")
    assert page.evaluate("window.scrollY") > 0 and -2 < top < page.viewport_size["height"]
    page.locator("dl.terms").get_by_role("link", name="ree-news").click()
    assert page.url == base + "news-type/ree-news/index.html"
    # Going back while the term page still loads failed now and then under load ("Not attached to an
    # active page"): a reader goes back from a page that has loaded.
    page.wait_for_load_state("load")
    page.go_back()
    assert page.url == f"{base}{POST}#{HEADING}"
    page.get_by_role("searchbox", name="Search the mirror").fill("Minmetals QUALITY olympics")
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="1 post found").wait_for()
    assert page.url == base + "search.html?q=Minmetals+QUALITY+olympics"
    page.locator("#search-results").get_by_role("link", name=TITLE).click()
    assert page.url == base + POST


def test_a_reader_walks_the_site_and_searches_it_from_disk(browser: Any, sample_site: Path,
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    watch = Watch(context)
    page = context.new_page()
    walk(page, sample_site.as_uri() + "/")
    assert watch.requests and all(url.startswith("file://") for url in watch.requests)
    save_screenshots(page, sample_site.as_uri() + "/", tmp_path_factory.mktemp("screenshots"))
    context.close()
    assert watch.problems == []


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample built for http://127.0.0.1:PORT/mirror/ and served from a folder that holds it as mirror/,
    as GitHub Pages serves a project site; yields that address."""
    import dataclasses
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from tests.conftest import config_for

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    root = tmp_path_factory.mktemp("pages")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}/mirror/"
    config = config_for(root, base_url=base)
    config = dataclasses.replace(config, paths=dataclasses.replace(config.paths, output=str(root / "mirror")))
    assert run_build(config).problems == []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_reader_walks_the_site_and_searches_it_under_a_pages_subpath(browser: Any, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800})
    watch = Watch(context)
    page = context.new_page()
    walk(page, served_site)
    assert any(url.startswith(served_site + "search/") for url in watch.requests)  # the index came over HTTP
    context.close()
    assert watch.problems == []


def save_screenshots(page: Any, base: str, folder: Path) -> None:
    """Home, a post and a term page at a phone's and a desktop's width, as PNG files in `folder`, and also
    in $NEWSMIRROR_ARTIFACTS/screenshots when that is set (CI keeps that folder)."""
    import shutil

    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 844 if width < 500 else 800})
        for name, path in SCREENSHOTS:
            page.goto(base + path)
            page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (name, width)
    artifacts = os.environ.get("NEWSMIRROR_ARTIFACTS")
    if artifacts:
        shutil.copytree(folder, Path(artifacts) / "screenshots", dirs_exist_ok=True)
    names = sorted(f"{name}-{width}.png" for width in (390, 1280) for name, _ in SCREENSHOTS)
    assert sorted(p.name for p in folder.iterdir()) == names
