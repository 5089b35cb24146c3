"""What a printed page holds: code and tables wider than the paper, which scroll on a screen, are wrapped on paper
rather than cut at its edge (a page printed has no scroll bar). Chromium's print media, at the width of an A4 page's
text.

Needs Debian's Chromium and playwright, as test_browser.py does.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from generator.builder import run_build
from tests.site_content import config, post, write_content
from tests.test_browser import chromium

A4_TEXT_WIDTH = 718  # CSS pixels: 210 mm less Chromium's default margins
LONG_LINE = "$hash = $user . ':' . crypt($pass, '$1$' . $seed) . str_repeat('-', 40) . base64_encode(pack('H*', sha1($pass)));"
WIDE_ROW = "| " + " | ".join(f"column{n}_with_a_long_unbroken_heading" for n in range(8)) + " |"
# Elements of the page whose content is wider than they are and hidden past their edge.
CUT = """() => [...document.querySelectorAll('main *')].filter(e => {
  const style = getComputedStyle(e);
  return style.display !== 'none' && style.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1;
}).map(e => e.tagName + ' ' + e.scrollWidth + '>' + e.clientWidth)"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("print")
    table = f"{WIDE_ROW}\n|{'---|' * 8}\n{WIDE_ROW.replace('heading', 'cell')}\n"
    body = f"A listing:\n\n```php\n{LONG_LINE * 2}\n```\n\nA table:\n\n{table}\nThe end.\n"
    content = write_content(tmp / "content", [post("listing", datetime(2012, 5, 1, tzinfo=timezone.utc), body=body)])
    assert run_build(config(tmp, content)).problems == []
    return tmp / "site"


def test_printed_code_and_tables_are_wrapped_not_cut_at_the_papers_edge(browser: Any, site: Path) -> None:
    page = browser.new_page(viewport={"width": A4_TEXT_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    page.goto((site / "news-archive/listing/index.html").as_uri())
    cut = page.evaluate(CUT)
    wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    printed = page.locator("main pre").inner_text()
    page.close()
    assert cut == [] and wide <= 0
    assert "base64_encode" in printed  # the code is still all there, wrapped


def test_on_a_screen_the_same_code_and_table_still_scroll_in_their_box(browser: Any, site: Path) -> None:
    page = browser.new_page(viewport={"width": A4_TEXT_WIDTH, "height": 1000})
    page.goto((site / "news-archive/listing/index.html").as_uri())
    cut = page.evaluate(CUT)
    page.close()
    assert any(c.startswith("PRE") for c in cut) and any(c.startswith("TABLE") for c in cut)


def test_code_printed_from_a_dark_screen_is_printed_in_the_light_colours(browser: Any, site: Path) -> None:
    """A reader whose system is dark printed code in the dark scheme's pale colours, over a dark box that printers
    leave out (backgrounds are not printed by default): pale text on white paper. Paper is light."""
    colours = []
    for scheme in ("light", "dark"):
        page = browser.new_page(viewport={"width": A4_TEXT_WIDTH, "height": 1000}, color_scheme=scheme)
        page.emulate_media(media="print")
        page.goto((site / "news-archive/listing/index.html").as_uri())
        colours.append(page.evaluate("""() => [...document.querySelectorAll('main pre, main pre span')].slice(0, 12)
            .map(e => getComputedStyle(e).color + ' on ' + getComputedStyle(e).backgroundColor)"""))
        page.close()
    assert colours[1] == colours[0]
