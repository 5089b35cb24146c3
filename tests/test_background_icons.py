"""An icon a style sheet draws beside words is no picture of the post (tests/cases/convert/
background_icons_beside_words.html); reading the paddings of a long style takes linear time."""

from __future__ import annotations

import time

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown


def test_long_styles_are_read_in_linear_time() -> None:
    for style in ("padding:" * 100_000, "padding-left: 1px " * 100_000, "padding: 1px 2px 3px " * 100_000,
                  "no-repeat " * 100_000):
        html = f'<p style="background: url(https://e.com/i.png) no-repeat; {style}">Words</p>'
        started = time.perf_counter()
        html_to_markdown(html, Context())
        assert time.perf_counter() - started < 2.0, style[:20]
