"""Subtitles taken out of headings (convert/heading_subtitles.py) in time linear in the markup: a heading of
32,000 subtitles, and 32,000 headings with one each, against a sixteenth of them (100,000 of each took 4-5 s, four
times 25,000's)."""

from __future__ import annotations

import pytest

from generator.convert.context import Context
from generator.convert.heading_subtitles import subtitles_out_of_headings
from generator.convert.parse import parse_fragment
from tests.pass_timing import best_seconds

SMALL, LARGE = 2_000, 32_000
RATIO = 48  # sixteen times the markup, at most forty-eight times the time: a square would take 256


@pytest.mark.parametrize("shape", ["<h2>Title{}</h2>", "{}"])
def test_subtitles_come_out_of_headings_in_linear_time(shape: str) -> None:
    one = '<span class="subtitle">sub</span>' if shape != "{}" else '<h3>Name<span class="sub-title">role</span></h3>'
    small = best_seconds(shape.format(one * SMALL), subtitles_out_of_headings, tries=3)
    assert best_seconds(shape.format(one * LARGE), subtitles_out_of_headings, tries=2) < RATIO * max(small, 0.001)


def test_each_subtitle_follows_its_title_in_order() -> None:
    soup = parse_fragment('<h2>Title<span class="subtitle">one</span><span class="subtitle">two</span></h2>')
    subtitles_out_of_headings(soup, Context())
    assert str(soup) == "<h2>Title</h2><p>one</p><p>two</p>"
