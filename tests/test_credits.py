"""A picture's credit and a quote's speaker stay apart from the words around them, for Media Credit's shortcode and
the markup plugins and themes render, in time linear in the post."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

SLOW = 5  # seconds, for what takes well under one
WORDS = st.text(alphabet="abcdefghij ", min_size=1, max_size=20).map(str.strip).filter(bool)


@given(WORDS, WORDS)
def test_a_credit_never_runs_into_the_caption_before_it(caption: str, credit: str) -> None:
    html = (f'<figure><img src="https://e.com/a.jpg" alt=""><figcaption>{caption}'
            f'<span class="media-credit">{credit}</span></figcaption></figure>')
    markdown = html_to_markdown(html, Context())
    assert f"{' '.join(caption.split())}\\\n{' '.join(credit.split())}\n" in markdown


def test_media_credit_shortcodes_never_closed_are_read_in_linear_time() -> None:
    caption = "[caption]" + '[media-credit name="x" ' * 100_000 + '<img src="https://e.com/a.jpg"> Words.[/caption]'
    started = time.process_time()
    markdown = html_to_markdown(f"<p>{caption}</p>", Context())
    assert time.process_time() - started < SLOW
    assert "Words." in markdown


def test_many_credits_in_one_box_are_set_apart_in_linear_time() -> None:
    html = "<div>" + '<img src="https://e.com/a.jpg" alt=""><span class="credit">Staff</span>' * 5_000 + "</div>"
    started = time.process_time()
    markdown = html_to_markdown(html, Context())
    assert time.process_time() - started < SLOW
    assert markdown.count("\\\nStaff") == 5_000
