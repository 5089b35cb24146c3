"""Posts written with Jetpack's Markdown: its single new lines are line breaks, as wpautop shows them on the site
(tests/test_wxr.py imports such a post)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert import markdown_source


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", " ", "\n", "\n\n", "  \n", "*em*", "- item", "> quote", "```\ncode\n```",
                                 "# Head", "1. one", "<b>", "</b>", "[a](https://e.com/a)"]), max_size=20))
def test_jetpack_markdown_differs_only_by_its_line_breaks(pieces: list[str]) -> None:
    """Jetpack's rendering makes a line break of each single new line, and changes nothing else: its HTML without
    the breaks is PHP Markdown's."""
    raw = "".join(pieces)
    plain = markdown_source.render(raw).replace("<br />\n", "\n")
    assert markdown_source.render(raw, jetpack=True).replace("<br />\n", "\n") == plain


def test_a_single_new_line_is_a_break_and_a_blank_line_a_paragraph() -> None:
    assert markdown_source.render("One\ntwo\n\nThree", jetpack=True) == "<p>One<br />\ntwo</p>\n<p>Three</p>\n"
    assert markdown_source.render("One\ntwo\n\nThree") == "<p>One\ntwo</p>\n<p>Three</p>\n"
