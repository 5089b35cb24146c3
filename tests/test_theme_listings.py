"""Live lists and clocks of the live site dropped in time linear in the markup: themes' Elementor lists of posts
(convert/theme_listings.py) and countdown timers (convert/countdowns.py), 16,000 of each and a widget of 16,000 links,
against a sixteenth of them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from generator.convert.countdowns import drop_countdowns
from generator.convert.theme_listings import drop_theme_post_listings
from tests.pass_timing import best_seconds

SMALL, LARGE = 1_000, 16_000
RATIO = 96  # sixteen times the markup, at most 96 times the time (a large tree misses the caches): a square takes 256
WIDGET = '<div class="elementor-widget elementor-widget-yard-blog">{}</div>'
SHAPES: dict[str, Callable[[int], str]] = {
    "lists": lambda n: WIDGET.format('<a href="/a/">A</a><a href="/b/">B</a>') * n,
    "one link each": lambda n: WIDGET.format('<a href="/a/">A</a>') * n,
    "one long list": lambda n: WIDGET.format("".join(f'<a href="/p{i}/">P</a>' for i in range(n))),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_theme_listings_go_in_linear_time(shape: str) -> None:
    small = best_seconds(SHAPES[shape](SMALL), drop_theme_post_listings, tries=3)
    assert best_seconds(SHAPES[shape](LARGE), drop_theme_post_listings, tries=2) < RATIO * max(small, 0.001)


COUNTDOWN = ('<ul class="ot-countdown"><li><span>00</span><p>Days</p></li><li>:</li>'
             '<li><span>00</span><p>Hours</p></li></ul>')


@pytest.mark.parametrize("shape", ["{}", "<div>{}</div>"])
def test_countdowns_go_in_linear_time(shape: str) -> None:
    small = best_seconds(shape.format(COUNTDOWN * SMALL), drop_countdowns, tries=3)
    assert best_seconds(shape.format(COUNTDOWN * LARGE), drop_countdowns, tries=2) < RATIO * max(small, 0.001)
