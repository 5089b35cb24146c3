"""A title's or excerpt's text as a reader sees it (generator/convert/fragment_text.py): a simple one read
without a tree, as its html.parser tree's text is read, word for word."""

from __future__ import annotations

import time

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from generator.convert.fragment_text import shown_text, simple_text
from generator.convert.wp_post import html_to_text

PIECES = ["<p>", "</p>", "<br>", "<br />", "<br/>", "<EM>", "</em >", "<b>", "</i>", "<p class=\"x\">",
          "<a href=\"/\">", "</p/>", "<span>", "<!-- c -->", "&amp;", "&hellip;", "&Eacute;", "&eacute;", "&nosuch;",
          "&amp", "&#8217;", "&#x2019;", "&#X2F;", "&#0;", "&#13;", "&#150;", "&#129;", "&#55296;", "&#65535;",
          "&#1114112;", "&#99999999;", "&#;", "& ", "<", ">", " ", "\n", "\t", "\r", "\x0c", "\xa0", "a", "Zé", "[…]",
          ";", "#"]


def _bs4_text(fragment: str) -> list[str]:
    return shown_text(BeautifulSoup(fragment, "html.parser")).split()


@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_a_simple_fragments_text_is_what_bs4s_tree_gives(pieces: list[str]) -> None:
    fragment = "".join(pieces)
    text = simple_text(fragment)
    if text is not None:  # the same characters; a stray `</p>` parts words (as in a browser), which bs4 drops
        assert "".join(text.split()) == "".join(_bs4_text(fragment))


def test_titles_and_excerpts_as_wordpress_writes_them_are_simple() -> None:
    for fragment in ("Council&#8217;s vote &amp; the market", "<p>The council voted [&hellip;]</p>\n",
                     "<p>One</p>\n<p>Two<br />\nthree</p>\n", "<strong>Update:</strong> &#8220;Closed&#8221;"):
        assert (simple_text(fragment) or "").split() == _bs4_text(fragment), fragment


@pytest.mark.parametrize(("fragment", "text"), [
    # A WooCommerce product's short description, hand-written: bs4's text read "cuddly Amethys t embossed plush
    # with White plush", the page "Amethyst" and "Whiteplush".
    ('<p style="color: #8c8b8b;">In cuddly\xa0<em>Amethys</em>t\xa0embossed plush with\xa0<em>White</em>plush.</p>',
     "In cuddly Amethyst embossed plush with Whiteplush."),
    ('Read <a href="/report/">the report</a>, then <a href="/vote/">vote</a>.', "Read the report, then vote."),
    ("The <em>Guardian</em>&#8217;s view", "The Guardian’s view"),  # a title
    ("<strong>Update</strong>: closed", "Update: closed"),  # read without a tree
    ('<p class="x">One</p><p>Two<br>three</p><ul><li>a</li><li>b</li></ul><div>c<p>d</p>e</div>',
     "One Two three a b c d e"),
])
def test_words_are_apart_at_blocks_and_line_breaks_and_run_on_across_inline_elements(fragment: str, text: str) -> None:
    assert html_to_text(fragment) == text


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
