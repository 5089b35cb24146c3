"""A heading over a box only a script filled goes with it (tests/cases/convert/drop_headings_over_script_boxes.html),
in time linear in the boxes and headings a post holds."""

from __future__ import annotations

import time

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown


def _seconds(html: str) -> float:
    started = time.process_time()
    html_to_markdown(html, Context())
    return time.process_time() - started


def test_many_boxes_and_headings_take_linear_time() -> None:
    plain = _seconds("<h2>a</h2>" + '<div class="x"></div>' * 50_000)
    assert _seconds("<h2>a</h2>" + '<div data-x="1"></div>' * 50_000) < 3 * plain + 1.0
    assert _seconds('<h2>a</h2><div data-x="1"></div>' * 25_000) < 3 * plain + 2.0
