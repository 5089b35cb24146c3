"""Floated pictures set apart from their paragraph in time linear in their number: each picture reads only the
words left after it once the pictures behind it are out (20,000 in one paragraph: well under a second)."""

from __future__ import annotations

import pytest

from generator.convert.floated_images import floated_images_apart
from tests.pass_timing import best_seconds

PICTURE = '<img class="alignright" src="https://news.example/a.jpg" alt="">'


@pytest.mark.parametrize("html", [
    "<p>Our volunteers at work. " + (PICTURE + " ") * 20_000 + "</p>",  # all after the words
    "<p>" + (PICTURE + " ") * 20_000 + "Our volunteers at work.</p>",  # all before them
    "<p>" + ("<strong>" + PICTURE + "</strong> and ") * 20_000 + "</p>",  # between words, each in its own emphasis
])
def test_many_floated_pictures_go_apart_in_linear_time(html: str) -> None:
    assert best_seconds(html, floated_images_apart, tries=2) < 1.5
