"""Which `<source media>` a desktop browser takes (generator/convert/media_queries.py): widths and media types
are read as a 1280-pixel screen reads them; anything else never holds, so the img the page names stays."""

from __future__ import annotations

import time

import pytest

from generator.convert.media_queries import holds_on_desktop


@pytest.mark.parametrize("media", [
    "(min-width: 1025px)", "(max-width: 1440px)", "(min-width:48em)", "only screen and (min-width: 64rem)",
    "screen and (min-width: 768px) and (max-width: 1920px)", "(max-width: 374px), (min-width: 1200px)", "all",
])
def test_a_desktop_screen_takes_sources_for_its_width(media: str) -> None:
    assert holds_on_desktop(media)


@pytest.mark.parametrize("media", [
    "(max-width: 767px)", "(min-width: 1441px)", "(max-width: 40em)", "print", "not screen",
    "(prefers-color-scheme: dark)", "(prefers-reduced-motion)", "(orientation: portrait)", "(width >= 600px)", "",
])
def test_a_desktop_screen_passes_over_phones_print_and_unknown_features(media: str) -> None:
    assert not holds_on_desktop(media)


@pytest.mark.parametrize("hostile", ["(" * 100_000, "and " * 25_000, "," * 100_000, "only " * 20_000])
def test_a_hostile_query_is_read_in_linear_time(hostile: str) -> None:
    started = time.process_time()
    holds_on_desktop(hostile)
    assert time.process_time() - started < 0.5
