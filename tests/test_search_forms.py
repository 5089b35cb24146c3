"""Search forms dropped whole (convert/search_forms.py) in time linear in the markup: 16,000 search forms, as many
store finders, forms that search nothing, and one search form of 16,000 fields, against a sixteenth of them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from generator.convert.context import Context
from generator.convert.parse import parse_fragment
from generator.convert.search_forms import drop_search_forms
from tests.pass_timing import best_seconds

SMALL, LARGE = 1_000, 16_000
RATIO = 96  # sixteen times the markup, at most 96 times the time (a large tree misses the caches): a square takes 256
FIELD = '<div><label>Field</label><input type="text" name="field"></div>'
SHAPES: dict[str, Callable[[int], str]] = {
    "search forms": lambda n: '<form role="search"><label>Find</label><input name="s"></form><p>x</p>' * n,
    "store finders": lambda n: '<div class="wpsl-search"><label>Near</label><select><option>5</option></select>'
                               '</div>' * n,
    "other forms": lambda n: f"<form>{FIELD}<textarea></textarea></form>" * n,
    "one long form": lambda n: f'<form>{FIELD * n}<input type="search"></form>',
    "forms under headings": lambda n: '<div><div></div><h2>Find</h2><div></div><div><form><input name="s"></form>'
                                      '</div><div></div></div>' * n,
    "forms in a row": lambda n: '<div></div><form><input name="s"></form>' * n,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_search_forms_go_in_linear_time(shape: str) -> None:
    small = best_seconds(SHAPES[shape](SMALL), drop_search_forms, tries=3)
    assert best_seconds(SHAPES[shape](LARGE), drop_search_forms, tries=2) < RATIO * max(small, 0.001)


def test_a_form_that_asks_a_message_stays_whatever_its_names() -> None:
    soup = parse_fragment('<form role="search"><label>Question</label><textarea name="s"></textarea></form>')
    drop_search_forms(soup, Context())
    assert soup.find("form") is not None
