"""The built site served as GitHub Pages serves a project site, under a subpath of its host, and read in Chromium:
no page asks the server for anything it does not have, and none logs an error. A browser asks every host for
`/favicon.ico` unless the page names its icon: at the host's root, outside the project's folder, that was a 404 on
every first visit, in the console of each page.

Needs Debian's Chromium and playwright, as test_browser.py does.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from generator.builder import run_build
from tests.site_content import config, post, write_content
from tests.test_browser import chromium

PAGES = ("index.html", "news-archive/rare-earths/index.html", "archive/index.html", "search.html?q=rare")


class _Handler(SimpleHTTPRequestHandler):
    """Serves a folder and records the paths it had no file for."""

    missing: list[str]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the standard library's name
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        self.missing.append(self.path)
        super().send_error(code, message, explain)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """The site built under http://127.0.0.1:PORT/site/, served from the folder that holds it."""
    root = tmp_path_factory.mktemp("served")
    missing: list[str] = []
    handler = type("Handler", (_Handler,), {"missing": missing})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}/site/"
    posts = [post("rare-earths", datetime(2024, 3, 1, tzinfo=timezone.utc), body="Rare earths.\n\n## Mines\n\nText.\n")]
    content = write_content(root / "content", posts)
    built = config(root, content, site={"base_url": base})
    assert run_build(built).problems == []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, missing
    finally:
        server.shutdown()
        server.server_close()


def test_pages_under_a_project_subpath_ask_for_nothing_missing_and_log_no_error(served: tuple[str, list[str]]) -> None:
    base, missing = served
    errors: list[str] = []
    with chromium() as browser:
        page = browser.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        for path in PAGES:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
        page.close()
    assert missing == [] and errors == []
