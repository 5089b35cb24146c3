"""axe-core, the accessibility rules engine, run in Chromium on every kind of page, in the light and the dark
colour scheme: no violation of WCAG 2.1 A or AA.

axe-core comes from the npm registry: the test installs it into .cache/npm (ignored by git) when it is not
there, or takes the file named by $NEWSMIRROR_AXE. Without npm or Chromium the test skips, unless
NEWSMIRROR_REQUIRE_BROWSER is set, as in CI, where it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from generator.builder import run_build
from tests.conftest import REPO, config_for
from tests.site_content import config, post, write_content
from tests.test_browser import POST, chromium
from tests.test_updates import build, mirrored_content

NPM_PREFIX = REPO / ".cache" / "npm"
AXE = NPM_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "home": "index.html",
    "post": POST,
    "term": "news-type/ree-news/index.html",
    "taxonomy": "news-type/index.html",
    "archive": "archive/index.html",
    "month": "archive/2025/11/index.html",
    "404": "404.html",
    "search with results": "search.html?q=minmetals",
}
RUN = """async tags => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => `${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}"""


def axe_script() -> Path:
    given = os.environ.get("NEWSMIRROR_AXE")
    found = Path(given) if given else AXE
    if not found.exists() and not given and shutil.which("npm"):
        subprocess.run(["npm", "install", "--prefix", str(NPM_PREFIX), "--no-audit", "--no-fund", "--silent",
                        "axe-core@4"], capture_output=True, timeout=600, check=False)
    if not found.exists():
        missing = f"axe-core is not at {found} (npm install --prefix {NPM_PREFIX} axe-core@4)"
        if os.environ.get("NEWSMIRROR_REQUIRE_BROWSER"):
            pytest.fail(missing)
        pytest.skip(missing)
    return found


@pytest.fixture(scope="module")
def axe() -> Path:
    return axe_script()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_wcag_a_or_aa_violation(browser: Any, axe: Path, sample_site: Path, kind: str, scheme: str) -> None:
    # The pages' policy forbids injected scripts; axe is the test's, so the context sets the policy aside.
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(sample_site.as_uri() + "/" + PAGES[kind])
    if kind.startswith("search"):
        page.get_by_role("status").filter(has_text="found").wait_for()
        assert page.locator("#search-results mark").count() > 0
    page.add_script_tag(path=str(axe))
    violations = page.evaluate(RUN, TAGS)
    context.close()
    assert violations == []


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, an English post, in a mirror whose language is Arabic: the theme's words and dates in
    Arabic, the page right to left, the post left to right inside it."""
    tmp = tmp_path_factory.mktemp("arabic")
    assert run_build(config_for(tmp, language="ar")).problems == []
    return tmp / "site"


@pytest.mark.parametrize("kind", ["post", "archive", "search with results"])
def test_a_site_in_another_language_and_direction_has_no_violation(browser: Any, axe: Path, arabic_site: Path,
                                                                   kind: str) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(arabic_site.as_uri() + "/" + PAGES[kind])
    assert page.locator("html").get_attribute("dir") == "rtl"
    if kind.startswith("search"):
        page.locator("#search-results mark").first.wait_for()
        assert "عُثر" in page.get_by_role("status").inner_text()  # "found", in the site's language
    page.add_script_tag(path=str(axe))
    violations = page.evaluate(RUN, TAGS)
    context.close()
    assert violations == []


def test_code_and_tables_wider_than_a_phone_scroll_from_the_keyboard(browser: Any, axe: Path, tmp_path: Path) -> None:
    """Code and tables scroll sideways inside the column (as in 42 pages of real programming blogs); each takes
    keyboard focus, and the arrow keys scroll it."""
    line = "returnType functionName(dataType arrayName[arraySize]) { return checkThread(mThread, Thread.current); }"
    body = (f"```c\n{line}\n```\n\n    {line}\n\n<pre>{line}</pre>\n\n"
            f"| Operator | Meaning |\n| --- | --- |\n| `{line}` | {line.replace(' ', '')} |\n")
    content = write_content(tmp_path / "content", [post("wide", datetime(2024, 1, 1, tzinfo=timezone.utc), body=body)])
    assert run_build(config(tmp_path, content)).problems == []
    context = browser.new_context(bypass_csp=True, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto((tmp_path / "site/news-archive/wide/index.html").as_uri())
    page.add_script_tag(path=str(axe))
    violations = page.evaluate(RUN, TAGS)
    code = page.locator(".body pre").first
    code.focus()
    page.keyboard.press("ArrowRight")
    # The browser scrolls smoothly: the element has moved once its scroll position leaves 0, within a moment.
    scrolled = page.wait_for_function("e => e.scrollLeft > 0", arg=code.element_handle(), timeout=5000).json_value()
    context.close()
    assert violations == [] and scrolled


def test_the_contents_heading_runs_the_sites_way_over_a_post_that_runs_the_other_way(browser: Any,
                                                                                     arabic_site: Path) -> None:
    # "Contents" is the theme's word, in Arabic, over an English post's headings: it runs right to left.
    page = browser.new_page()
    page.goto(arabic_site.as_uri() + "/" + PAGES["post"])
    direction = "el => getComputedStyle(el).direction"
    assert page.locator(".body").evaluate(direction) == "ltr"
    assert page.locator(".toc > h2").evaluate(direction) == "rtl"
    page.close()


def test_numbered_lists_count_in_the_digits_of_their_language(browser: Any, tmp_path: Path) -> None:
    # A Persian site writes its dates in Persian digits: its numbered lists count so too, but for its footnotes,
    # marked 1 in the text, and an English post's list.
    body = "نخست[^1]:\n\n1. یک\n2. دو\n\n[^1]: یادداشت\n"
    when = datetime(2024, 1, 1, tzinfo=timezone.utc)
    content = write_content(tmp_path / "content", [post("fa-list", when, body=body),
                                                   post("en-list", when, body="1. one\n2. two\n", language="en")])
    assert run_build(config(tmp_path, content, site={"language": "fa"})).problems == []
    page = browser.new_page()
    style = "els => els.map(el => getComputedStyle(el).listStyleType)"
    page.goto((tmp_path / "site/news-archive/fa-list/index.html").as_uri())
    assert page.locator(".body ol").evaluate_all(style) == ["persian", "decimal"]
    page.goto((tmp_path / "site/news-archive/en-list/index.html").as_uri())
    assert page.locator(".body ol").evaluate_all(style) == ["decimal"]
    page.close()


def test_the_notices_of_a_post_removed_or_revised_upstream_run_the_sites_way(browser: Any, tmp_path: Path) -> None:
    # "Removed from the source site…" and "Revised upstream on…", in Arabic, over English posts.
    site = build(tmp_path, mirrored_content(tmp_path), site={"language": "ar"})
    page = browser.new_page()
    direction = "el => getComputedStyle(el).direction"
    for slug, notice in (("taken-down", ".notice"), ("retitled", ".revised")):
        page.goto((site / f"news-archive/{slug}/index.html").as_uri())
        assert page.locator(".body").evaluate(direction) == "ltr"
        assert page.locator(f"article header {notice}").evaluate(direction) == "rtl"
    page.close()
