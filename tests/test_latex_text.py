"""WordPress's `$latex …$` in what is shown as plain text (titles, summaries) reads as its TeX, as in the body
(case latex_as_tex)."""

from __future__ import annotations

from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown
from generator.convert.wp_post import html_to_text
from generator.render.markdown import MarkdownRenderer


def test_a_summary_shows_the_tex_of_each_formula_without_its_markup_or_settings() -> None:
    assert html_to_text("<p>With the Vim-$latex \\LaTeX$ plugin, edit $latex x^2&amp;s=2$ quickly</p>") == \
        "With the Vim-\\LaTeX plugin, edit x^2 quickly"
    assert html_to_text("Pythagoras: $latex a^2+b^2=c^2$") == "Pythagoras: a^2+b^2=c^2"


def test_dollars_that_are_no_formula_stay() -> None:
    assert html_to_text("It cost $5, and $latexical is no word: $10") == "It cost $5, and $latexical is no word: $10"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="$\\&<>\r", blacklist_categories=("Cs", "Cc", "Co", "Cn")),
               min_size=1, max_size=40).filter(lambda tex: tex.strip()))
def test_any_formula_in_a_body_becomes_its_tex_as_code(tex: str) -> None:
    markdown = html_to_markdown(f"<p>Before $latex {escape(tex)}$ after.</p>", Context())
    assert "$latex" not in markdown
    rendered = MarkdownRenderer().md.render(markdown, MarkdownRenderer().env("index.html", "https://e.org/p/"))
    assert f"<code>{escape(tex.strip(), quote=False)}</code>" in rendered.replace("&quot;", '"')
