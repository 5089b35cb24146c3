"""Elements that end at a fixed closing tag are found as the lazy patterns found them, in time that grows with
the text: an export's post holding thousands of unclosed `<pre>`, `<script>`, `<!--` or paragraph-opening
shortcodes took minutes to import (20,000 `<p>[x]` took 55 s)."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert import code_shortcodes, paired, wp_render
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
    started = time.process_time()
    html, excerpt = render_content(text, 1, {}), auto_excerpt(text)
    assert time.process_time() - started < SLOW
    assert "Last words." in html and excerpt


@pytest.mark.parametrize("unit", ["<pre>a</pre>", "[code]a[/code]", "<script>a</script>\n\n"])
def test_thousands_of_closed_elements_put_aside_convert_quickly(unit: str) -> None:
    """autop sets code and scripts aside and puts them back after: each put back searched the post from its start
    (20,000 code blocks took 8.7 s; 40,000, four times as long)."""
    text = unit * 40_000 + "<p>Last words.</p>"
    started = time.process_time()
    html = render_content(text, 1, {})
    assert time.process_time() - started < SLOW
    assert html.count("a</") == 40_000 and "Last words." in html


# The block and shortcode patterns of convert/wp_render.py as they were, but for a block's attributes, which
# now end before the next block delimiter (WordPress escapes `--` in them): the same elements must be found.
ATTRIBUTES = wp_render.ATTRIBUTES
OLD_BLOCK = re.compile(rf"<!--\s+wp:(?:core/)?([a-z][a-z0-9_/-]*){ATTRIBUTES}\s+"
                       r"(?:/-->|-->(.*?)<!--\s+/wp:(?:core/)?\1\s+-->)", re.DOTALL)
OLD_CODE = re.compile(rf"\[({code_shortcodes.NAMES})((?:\s[^\]]*)?)\](.*?)\[/\1\]", re.DOTALL)
OLD_CORE = re.compile(r"\[(caption|gallery|embed)(?![\w-])[^\]]*\](?:(?:(?!\[\1(?![\w-])).)*?\[/\1\])?", re.DOTALL)
BLOCKS = ['<!-- wp:paragraph {"c":"<b>x</b>"} -->', "<!-- wp:paragraph -->", "<!-- /wp:paragraph -->", '<!-- wp:image {"id":1} /-->', '<!-- wp:image {"id":1} -->',
          "<!-- /wp:image -->", "<!-- wp:core/quote -->", "<!-- /wp:core/quote -->", "<!-- /wp:quote -->", "x", "\n",
          '<!-- wp:group {"a":{"b":1}} -->', "<!-- /wp:group -->", "}", " -->", "<!--", "{", "<!-- wp:quote  -->"]
CODES = ["[code]", '[code lang="x"]', "[/code]", "[php]", "[/php]", "[sourcecode]", "[/sourcecode]", "x", "]", "[",
         "\n", "[/CODE]"]
CORES = ["[caption]", "[caption id=1]", "[/caption]", "[gallery]", "[/gallery]", "[gallery-x]", "[captions]", "x", "]",
         "[", "\n", "[embed]", "[/embed]"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BLOCKS), max_size=25))
def test_blocks_are_found_with_their_closing_delimiters_as_the_lazy_pattern_found_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    kept = paired.replace_elements(text, paired.elements(text, wp_render.BLOCK, wp_render.block_closing),
                                   lambda opened, closed: "" if opened[1] == "paragraph" else "<kept>")
    assert kept == OLD_BLOCK.sub(lambda m: "" if m[1] == "paragraph" else "<kept>", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CODES), max_size=25))
def test_code_shortcodes_are_found_to_their_closing_tags_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = paired.elements(text, wp_render.CODE_SHORTCODE, wp_render.shortcode_closing)
    assert paired.replace_elements(text, found, lambda *_: "<code/>") == OLD_CODE.sub("<code/>", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CORES), max_size=25))
def test_shortcodes_go_with_what_they_enclose_as_strip_shortcodes_takes_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    opening = re.compile(r"\[(caption|gallery|embed)(?![\w-])[^\]]*\]")
    assert wp_render._without_shortcodes(text, opening) == OLD_CORE.sub("", text)


@pytest.mark.parametrize("unit", ['<!-- wp:image {"id":1} -->', "<!-- wp:image {", "[gallery", "[gallery ", "[caption]x",
                                  "[code]", '<!-- wp:block {"ref":1} ',
                                  '<!-- wp:paragraph {"metadata":{"bindings":{}}} -->', "<!-- wp:shortcode -->"])
def test_thousands_of_unclosed_blocks_and_shortcodes_convert_quickly(unit: str) -> None:
    text = unit * 20_000 + "<p>Last words.</p>"
    started = time.process_time()
    html, excerpt = render_content(text, 1, {}), auto_excerpt(text)
    wp_render._with_block_values(text, lambda _: {"content": "x"})
    assert time.process_time() - started < SLOW
    assert "Last words." in html and excerpt
