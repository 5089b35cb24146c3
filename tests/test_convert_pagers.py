"""A live list's pager (paginate_links' `page-numbers`) goes in time linear in the links it holds: each holder is
looked through once, however many links sit in it beside words that keep it (100,000 links: under 3 s)."""

from __future__ import annotations

import time

import pytest

from generator.convert.context import Context
from generator.convert.parse import parse_fragment
from generator.convert.widgets import drop_listing_pagers

LINK = '<a class="page-numbers" href="https://blog.example/page/2/">2</a> '


@pytest.mark.parametrize("html", [
    "<div>words " + LINK * 30_000 + "</div>",  # every link climbs into a holder that its words keep
    '<ul class="page-numbers">' + '<li><span class="page-numbers">1</span></li>' * 30_000 + "</ul>",
    "<div>" * 40 + LINK * 30_000 + "</div>" * 40,
])
def test_many_pager_links_go_in_linear_time(html: str) -> None:
    soup = parse_fragment(html)
    started = time.process_time()
    drop_listing_pagers(soup, Context())
    assert time.process_time() - started < 1.5
    assert soup.find(class_="page-numbers") is None
