"""A simple title's or excerpt's text is read without a tree (generator/convert/fragment_text.py), as bs4's
html.parser tree gives it, to the character."""

from __future__ import annotations

import time

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from generator.convert.fragment_text import simple_text

PIECES = ["<p>", "</p>", "<br>", "<br />", "<br/>", "<EM>", "</em >", "<b>", "</i>", "<p class=\"x\">",
          "<a href=\"/\">", "</p/>", "<span>", "<!-- c -->", "&amp;", "&hellip;", "&Eacute;", "&eacute;", "&nosuch;",
          "&amp", "&#8217;", "&#x2019;", "&#X2F;", "&#0;", "&#13;", "&#150;", "&#129;", "&#55296;", "&#65535;",
          "&#1114112;", "&#99999999;", "&#;", "& ", "<", ">", " ", "\n", "\t", "\r", "\x0c", "\xa0", "a", "Zé", "[…]",
          ";", "#"]


def _bs4_text(fragment: str) -> str:
    return BeautifulSoup(fragment, "html.parser").get_text(" ")


@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_a_simple_fragments_text_is_what_bs4s_tree_gives(pieces: list[str]) -> None:
    fragment = "".join(pieces)
    text = simple_text(fragment)
    if text is not None:
        assert text == _bs4_text(fragment)


def test_titles_and_excerpts_as_wordpress_writes_them_are_simple() -> None:
    for fragment in ("Council&#8217;s vote &amp; the market", "<p>The council voted [&hellip;]</p>\n",
                     "<p>One</p>\n<p>Two<br />\nthree</p>\n", "<strong>Update:</strong> &#8220;Closed&#8221;"):
        assert simple_text(fragment) == _bs4_text(fragment), fragment


def test_anything_else_is_left_to_the_parser() -> None:
    for fragment in ('<p class="screen-reader-text">x</p>', '<a href="/">more</a>', "a < b", "AT&T", "&nosuch;",
                     "<!-- note -->", "</p/>"):
        assert simple_text(fragment) is None, fragment


def test_long_hostile_fragments_take_linear_time() -> None:
    for fragment in ("a" * 100_000 + "<", "&amp;" * 100_000 + "&", "<p>" * 100_000 + "<q>", "&#1" * 100_000,
                     "<p" * 100_000, "&a" * 100_000 + ";"):
        started = time.process_time()
        simple_text(fragment)
        assert time.process_time() - started < 1.0, fragment[:10]
