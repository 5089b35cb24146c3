"""Text helpers that pages and feeds run for every post, written for speed: each gives what the plain way gives."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from generator.render.body_headings import slugify
from generator.render.card_views import card_parts, escaped, tags_html, term_names
from generator.render.feeds import NOT_XML


@pytest.mark.parametrize("text", ["", "plain words", "../../news-type/a%20b/index.html", "A & B", "<b>", "x > y",
                                  'say "hi"', "it's", "&amp;", "all & < > \" ' at once", "é “quoted”"])
def test_escaped_is_markupsafes_escape(text: str) -> None:
    assert escaped(text) == str(escape(text))


def test_not_xml_finds_exactly_what_xml_cannot_carry() -> None:
    # XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    xml_char = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    edges = [0, 8, 9, 10, 11, 12, 13, 14, 0x1F, 0x20, 0x7F, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD,
             0xFFFE, 0xFFFF, 0x10000, 0x10FFFF]
    for point in [*range(0x300), *edges]:
        char = chr(point)
        assert bool(NOT_XML.match(char)) == (xml_char.match(char) is None), hex(point)


def test_slugify_gives_the_same_slug_each_time() -> None:
    assert [slugify("China’s Backbone") for _ in range(3)] == ["chinas-backbone"] * 3
    assert slugify("Ünïcödé  Text—Here") == slugify("Ünïcödé  Text—Here") != ""


def test_a_cards_term_line_shows_every_name_and_link_as_written() -> None:
    names = ["Ree {news}", "A & B", "{0}", "plain"]
    hrefs = ["../a/index.html", "../b%20c/index.html", "x?a=1&b=2", "../{d}/index.html"]
    parts = card_parts("T", "2024-01-01T00:00:00+00:00", "1 January 2024", "", names)
    links = " · ".join(f'<a href="{escape(h)}">{escape(n)}</a>' for h, n in zip(hrefs, names))
    assert tags_html(hrefs, parts) == f'<p class="tags">{links}</p>\n'
    assert tags_html((), card_parts("T", "i", "t", "", ())) == ""


def test_a_cards_term_names_say_whose_they_are_only_where_two_terms_share_one() -> None:
    """A category and a tag both called "Trends" (stamelosxp+Eshop-CEIDFASHION's posts) showed as
    "Trends · Symmer Style · Trends" on every card."""
    assert term_names([("Trends", "Categories"), ("Symmer Style", "Tags"), ("trends", "Tags")]) == [
        "Trends (Categories)", "Symmer Style", "trends (Tags)"]
    assert term_names([("Trends", "Categories"), ("Style", "Tags")]) == ["Trends", "Style"]
