"""WordPress's `$latex …$` in what is shown as plain text (titles, summaries) reads as its TeX, as in the body
(case latex_as_tex)."""

from __future__ import annotations

from generator.convert.wp_post import html_to_text


def test_a_summary_shows_the_tex_of_each_formula_without_its_markup_or_settings() -> None:
    assert html_to_text("<p>With the Vim-$latex \\LaTeX$ plugin, edit $latex x^2&amp;s=2$ quickly</p>") == \
        "With the Vim-\\LaTeX plugin, edit x^2 quickly"
    assert html_to_text("Pythagoras: $latex a^2+b^2=c^2$") == "Pythagoras: a^2+b^2=c^2"


def test_dollars_that_are_no_formula_stay() -> None:
    assert html_to_text("It cost $5, and $latexical is no word: $10") == "It cost $5, and $latexical is no word: $10"
