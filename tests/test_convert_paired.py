"""Elements that end at a fixed closing tag are found as the lazy patterns found them, in time that grows with
the text: an export's post holding thousands of unclosed `<pre>`, `<script>`, `<!--` or paragraph-opening
shortcodes took minutes to import (20,000 `<p>[x]` took 55 s)."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert import paired
from generator.convert.autop import PRE, RAW_TEXT, unautop_shortcodes
from generator.convert.wp_render import auto_excerpt, render_content

SLOW = 5  # seconds; each takes well under 0.1 s, and took 2-55 s before
# The patterns these replace, as they were: the reference for what is found.
LAZY = {"pre": re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL),
        "raw": re.compile(r"<(script|style|svg|textarea)\b.*?</\1>", re.IGNORECASE | re.DOTALL)}
LONE_SHORTCODE = re.compile(r"<p>\s*(\[(?P<name>[a-z][a-z0-9_-]*)(?:[\s=][^\]]*)?\]"
                            r"(?:(?:(?!\[/(?P=name)\]).)*\[/(?P=name)\])?)\s*</p>", re.IGNORECASE | re.DOTALL)
MARKUP = ["<pre>", "</pre>", "<PRE class='x'>", "</Pre>", "<script>", "</SCRIPT>", "<style", "</style>",
          "<svg>", "</svg>", "<textarea>", "</textarea>", "x", "\n", "<", ">", "İ", "<pre", "/pre>"]
SHORTCODES = ["<p>", "</p>", "<P>", "</P>", " ", "\n", "[x]", "[x a=1]", "[/x]", "[y]", "[/y]", "[X]", "[/X]",
              "[x-y]", "text", "]", "[", "İ", "[x a=[y]]"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKUP), max_size=30))
def test_elements_are_found_where_the_lazy_patterns_found_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    for element, pattern in ((PRE, LAZY["pre"]), (RAW_TEXT, LAZY["raw"])):
        assert list(paired.spans(text, *element)) == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SHORTCODES), max_size=30))
def test_a_shortcode_alone_in_its_paragraph_loses_the_paragraph_as_before(pieces: list[str]) -> None:
    html = "".join(pieces)
    assert unautop_shortcodes(html) == LONE_SHORTCODE.sub(lambda m: m.group(1), html)


@pytest.mark.parametrize("unit", ["<pre>", "<script", "<style>", "<!--", "<span ", "<p>[x]", "<p>[x]]", "<svg"])
def test_thousands_of_unclosed_openings_convert_quickly(unit: str) -> None:
    text = unit * 20_000 + "<p>Last words.</p>"
    started = time.perf_counter()
    html, excerpt = render_content(text, 1, {}), auto_excerpt(text)
    assert time.perf_counter() - started < SLOW
    assert "Last words." in html and excerpt
