"""Microdata values written side by side are set apart in time linear in their number (100,000 in one row: about
2 s), and nothing is added where a value touches no other element's words."""

from __future__ import annotations

import time

import pytest

from generator.convert.context import Context
from generator.convert.microdata import microdata_set_apart
from generator.convert.parse import parse_fragment


@pytest.mark.parametrize("html", [
    "<div>" + '<span itemprop="name">Ada</span>' * 30_000 + "</div>",
    "<div>" + "<span itemscope>" * 90 + "x" + "</span>" * 90 + "<b>y</b>" * 30_000 + "</div>",
])
def test_many_values_are_set_apart_in_linear_time(html: str) -> None:
    soup = parse_fragment(html)
    started = time.process_time()
    microdata_set_apart(soup, Context())
    assert time.process_time() - started < 1.5


def test_a_value_beside_text_or_an_empty_element_is_left_as_it_is() -> None:
    html = '<p>By<span itemprop="author">Ada</span><meta itemprop="url" content="https://a.example/"><br></p>'
    soup, untouched = parse_fragment(html), str(parse_fragment(html))
    microdata_set_apart(soup, Context())
    assert str(soup) == untouched
