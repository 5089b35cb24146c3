"""A screen reader's "Opens in a new window" pasted against the word before it goes; the post's own words stay."""

from __future__ import annotations

import re
import warnings
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown
from generator.render.markdown import MarkdownRenderer

words = st.lists(st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,9}", fullmatch=True), min_size=1, max_size=6)
hints = st.sampled_from(("Opens in a new window", "opens in a new tab", "(Opens in a new window)"))


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.tuples(words, st.one_of(st.none(), hints)), min_size=1, max_size=4),
       tag=st.sampled_from(("p", "li", "a")))
def test_a_hint_set_against_a_word_goes_and_every_word_stays(parts: list[tuple[list[str], str | None]],
                                                             tag: str) -> None:
    typed = " ".join(" ".join(said) + (hint or "") for said, hint in parts)
    href = ' href="https://news.example/x/"' if tag == "a" else ""
    source = f"<ul><li>{typed}</li></ul>" if tag == "li" else f"<p><{tag}{href}>{typed}</{tag}></p>"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ctx = Context()
        html = MarkdownRenderer().render(html_to_markdown(source, ctx)).html
    shown = unescape(re.sub(r"<[^>]+>", " ", html))
    assert "pens in a new" not in shown
    assert shown.split() == " ".join(" ".join(said) for said, _ in parts).split()
    assert sum(ctx.losses.counts.values()) == sum(hint is not None for _, hint in parts)


def test_a_hint_typed_after_a_space_is_the_posts_own() -> None:
    assert "(opens in a new window)" in html_to_markdown("<p>The report (opens in a new window) is out.</p>")
