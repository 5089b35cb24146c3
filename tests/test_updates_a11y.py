"""axe-core on the pages that show what changed upstream (the Updates page, a revised post, a post removed
upstream), in the light and the dark colour scheme, opened from file:// with the pages' own policy: no WCAG
2.1 A or AA violation, and nothing the policy refuses. Skips as tests/test_a11y.py does without a browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_a11y import RUN, TAGS, axe_script
from tests.test_browser import chromium
from tests.test_updates import build, mirrored_content

PAGES = ["updates/index.html", "updates/page/2/index.html", "news-archive/retitled/index.html",
         "news-archive/taken-down/index.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("updates-a11y")
    return build(root, mirrored_content(root), build={"posts_per_page": 4})


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_a_or_aa_violation_on_the_pages_of_changes(browser: Any, site: Path, scheme: str) -> None:
    axe = axe_script()
    for path in PAGES:
        refused: list[str] = []
        strict = browser.new_context(color_scheme=scheme)
        page = strict.new_page()
        page.on("console", lambda message: refused.append(message.text) if message.type == "error" else None)
        page.goto((site / path).as_uri())
        assert page.get_by_role("heading", level=1).count() == 1
        strict.close()
        assert refused == [], f"{path}: {refused}"
        # axe is the test's own script, which the pages' policy would refuse: this context sets it aside.
        context = browser.new_context(bypass_csp=True, color_scheme=scheme, viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto((site / path).as_uri())
        page.add_script_tag(path=str(axe))
        violations = page.evaluate(RUN, TAGS)
        context.close()
        assert violations == [], f"{path}: {violations}"
