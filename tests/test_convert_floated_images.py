"""Floated pictures set apart from their paragraph in time linear in their number: each picture reads only the
words left after it once the pictures behind it are out, and a paragraph's lines move once however many pictures
part it."""

from __future__ import annotations

import pytest

from generator.convert.floated_images import floated_images_apart
from tests.pass_timing import best_seconds

PICTURE = '<img class="alignright" src="https://news.example/a.jpg" alt="">'
SMALL, LARGE = 1_000, 16_000
RATIO = 96  # sixteen times the markup, at most 96 times the time (a large tree misses the caches): a square takes 256


@pytest.mark.parametrize("shape", [
    "<p>Our volunteers at work. " + "{}" + "</p>",  # all after the words
    "<p>{}Our volunteers at work.</p>",  # all before them
])
def test_many_floated_pictures_go_apart_in_linear_time(shape: str) -> None:
    small = best_seconds(shape.format((PICTURE + " ") * SMALL), floated_images_apart, tries=3)
    large = best_seconds(shape.format((PICTURE + " ") * LARGE), floated_images_apart, tries=2)
    assert large < RATIO * max(small, 0.001)


@pytest.mark.parametrize("one", [
    "<strong>" + PICTURE + "</strong> and ",  # between words, each in its own emphasis
    "A line.<br>" + PICTURE + "<br>",  # each on a line of its own
])
def test_many_pictures_between_words_go_apart_in_linear_time(one: str) -> None:
    small = best_seconds(f"<p>{one * SMALL}The end.</p>", floated_images_apart, tries=3)
    large = best_seconds(f"<p>{one * LARGE}The end.</p>", floated_images_apart, tries=2)
    assert large < RATIO * max(small, 0.001)
