"""A plugin's bare shortcode alone on its line goes (tests/cases/convert/plugin_shortcode_alone_on_its_line.html);
finding the ends of its line must stay linear however many shortcodes a line or a text holds."""

from __future__ import annotations

import time

import pytest

from generator.convert.context import PLUGIN_LINE, Context
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
