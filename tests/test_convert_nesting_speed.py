"""A post whose styled spans nest thousands deep (an editor's copy pasted into itself again and again) converts in
time that grows with its size, every word kept: the passes reading inline styles once asked each span whether it
was taken out in a way bs4 answers by searching everything below it."""

from __future__ import annotations

import time

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

SLOW = 5  # seconds; the conversion takes about 0.1 s, and took 20 s before


def test_styled_spans_nested_thousands_deep_convert_quickly_with_every_word() -> None:
    depth = 5_000
    html = "<p>" + '<span style="color: #333333;">a ' * depth + "<b>end</b>" + "</span>" * depth + "</p>"
    started = time.process_time()
    markdown = html_to_markdown(html, Context())
    assert time.process_time() - started < SLOW
    assert markdown.split().count("a") == depth and "end" in markdown
