"""Words no screen can hold, as real posts have them: titles of glued words (`Centos6.2+Openvpn+Radius+Mysql`), long
term names, and images left on the web whose placeholder names their address. Every page still fits a phone's
screen and a desktop's, without sideways scrolling, in Chromium from file://.

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

GLUED = "Centos6.2+Openvpn+Radius+Mysql+daloRADIUS+Cacti+Syslog+Nagios"
IMAGE = ("https://lh3.googleusercontent.com/-liLebQ3iGHA/V4NwgSWebTI/AAAAAAAAD0g/bTnW9EqxTZYZFY-eOisTrVHml2p8k3JcgCCo"
         "/s800/QQ%25E6%2588%25AA%25E5%259B%25BE20160711180858.png")
CATEGORY = "centos-openvpn"
# The element that overflows, for the failure message: the outermost one wider than the screen.
WIDEST = """() => {
  const width = document.documentElement.clientWidth;
  const over = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1);
  const outer = over.find(e => !over.includes(e.parentElement));
  return outer ? outer.outerHTML.slice(0, 120) : null;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three posts titled with glued words, so each post's previous and next links hold one; a category named so;
    an image left on the web, alone and inside a link, in each body."""
    tmp = tmp_path_factory.mktemp("long-words")
    # Blogger-era posts give an image its own address as alt text, which the placeholder shows.
    body = f"Before the image.\n\n![{IMAGE}]({IMAGE})\n\n[![{IMAGE}]({IMAGE})]({IMAGE})\n\nAfter it.\n"
    posts = [post(f"post-{day}", datetime(2016, 7, day, tzinfo=timezone.utc), title=f"{GLUED} {day}", body=body,
                  taxonomies={"category": [CATEGORY]}) for day in (1, 2, 3)]
    content = write_content(tmp / "content", posts, {("category", CATEGORY): f"{GLUED}+{GLUED}"})
    assert run_build(config(tmp, content)).problems == []
    return tmp / "site"


def test_long_unbroken_words_never_widen_the_page(browser: Any, site: Path) -> None:
    page = browser.new_page()
    overflowing = []
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        for path in ("news-archive/post-2/index.html", "search.html", "index.html", f"category/{CATEGORY}/index.html"):
            page.goto((site / path).as_uri())
            if page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
                overflowing.append((path, width, page.evaluate(WIDEST)))
    page.close()
    assert overflowing == []
