"""Blocks hidden from every reader go where nothing could show them (convert/hidden_blocks.py,
tests/cases/convert/drop_hidden_blocks.html); where the post holds something a reader clicks to show a block, or
the block is all the post says, they stay."""

from __future__ import annotations

import re
import time

import pytest

from generator.convert import hidden_blocks, hidden_words
from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

HIDDEN = '<p>Shown.</p><div style="display:none"><p>Hidden words.</p></div>'


@pytest.mark.parametrize("control", [
    '<p><button type="button">Read more</button></p>',
    '<p><a href="#">Read more</a></p>',
    '<p><a href="javascript:void(0)">Show</a></p>',
    '<p onclick="this.nextSibling.style.display=\'block\'">Show the rest</p>',
    '<p><a href="/x" aria-expanded="false">Show</a></p>',
    '<script>reveal()</script>',
    '<p><a href="#rest">Read the rest</a></p>',  # a place the post does not have: a script's handle
])
def test_a_hidden_block_a_reader_could_show_stays(control: str) -> None:
    assert "Hidden words." in html_to_markdown(control + HIDDEN, Context())


def test_an_accordions_panel_beside_its_title_stays() -> None:
    html = '<p>Shown.</p><h3 class="toggle-title">Question</h3><div style="display:none"><p>Hidden words.</p></div>'
    assert "Hidden words." in html_to_markdown(html, Context())


def test_a_hidden_block_with_nothing_to_show_it_goes_but_not_the_posts_only_words() -> None:
    footnoted = '<p>Shown<a href="#n1">1</a>.</p><div style="display:none">Spam.</div><p id="n1">A note.</p>'
    assert "Spam" not in html_to_markdown(footnoted, Context())
    assert html_to_markdown(HIDDEN, Context()) == "Shown.\n"
    assert html_to_markdown('<div style="display:none"><p>All there is.</p></div>', Context()) == "All there is.\n"


@pytest.mark.parametrize("unit", ['<div style="display:none">a</div>', "<p hidden>b</p>", '<div hidden><p hidden>',
                                  '<div class="tab"><div style="display:none">c</div></div>'])
def test_hostile_posts_are_read_in_linear_time(unit: str) -> None:
    started = time.process_time()
    html_to_markdown("<p>Shown words.</p>" + unit * 20_000, Context())
    assert time.process_time() - started < 20


@pytest.mark.parametrize(("pattern", "unit"), [
    (hidden_words.HIDING, "display:none;"), (hidden_words.HIDING, "; display :"),
    (hidden_blocks.WIDGET, "ta-"),
])
def test_the_patterns_read_hostile_values_in_linear_time(pattern: re.Pattern[str], unit: str) -> None:
    started = time.process_time()
    pattern.search(unit * 100_000 + "!")
    assert time.process_time() - started < 2
