"""What inline styles say, read in linear time on long styles: an icon drawn beside words is no picture of the post
(tests/cases/convert/background_icons_beside_words.html), an element placed off the screen goes
(tests/cases/convert/drop_off_screen.html)."""

from __future__ import annotations

import time

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown


def test_long_styles_are_read_in_linear_time() -> None:
    for style in ("padding:" * 100_000, "padding-left: 1px " * 100_000, "padding: 1px 2px 3px " * 100_000,
                  "no-repeat " * 100_000):
        html = f'<p style="background: url(https://e.com/i.png) no-repeat; {style}">Words</p>'
        started = time.process_time()
        html_to_markdown(html, Context())
        assert time.process_time() - started < 2.0, style[:20]


def test_long_positions_are_read_in_linear_time() -> None:
    for style in ("position:absolute;" * 100_000, "left: -" * 100_000, "left:-1" * 100_000 + "px", ";" * 100_000):
        html = f'<div style="position: absolute; {style}">Words</div>'
        started = time.process_time()
        html_to_markdown(html, Context())
        assert time.process_time() - started < 2.0, style[:20]
