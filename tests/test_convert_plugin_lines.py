"""A plugin's bare shortcode alone on its line goes (tests/cases/convert/plugin_shortcode_alone_on_its_line.html);
finding the ends of its line must stay linear however many shortcodes a line or a text holds."""

from __future__ import annotations

import time

import pytest

from generator.convert.context import PLUGIN_LINE, Context
from generator.convert.markdown import html_to_markdown
from generator.convert.shortcodes import expand


@pytest.mark.parametrize(("html", "dropped"), [
    ("[members_area]" * 100_000, 0),  # one line of them: no one alone on it
    ("<p>[members_area]</p>\n" * 100_000, 100_000),
    ("words " * 100_000 + "[members_area]" + " words" * 100_000, 0)])
def test_plugin_shortcodes_are_told_alone_on_their_line_in_linear_time(html: str, dropped: int) -> None:
    ctx = Context()
    started = time.process_time()
    expand(html, ctx)
    assert time.process_time() - started < 3
    assert ctx.losses.counts[PLUGIN_LINE] == dropped


def test_an_unknown_pair_around_nothing_is_looked_into_in_time_that_grows_with_it() -> None:
    # Each unknown pair's inside is read once for words: pairs nested a thousand deep around paragraphs and open
    # comments are read in a time that grows with the text, not with its square.
    html = "[blur]" * 1_000 + "<p></p><!-- " * 50_000 + "[/blur]" * 1_000
    started = time.perf_counter()
    html_to_markdown(html, Context())
    assert time.perf_counter() - started < 5
