"""A click-to-tweet box's quote is the author's words, however short: its link shares those very words."""

from __future__ import annotations

from urllib.parse import quote_plus

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

WORD = st.text(alphabet="abcdefghijklmnop", min_size=1, max_size=8)


@given(st.lists(WORD, min_size=2, max_size=5), st.sampled_from(("Tweet", "Click To Tweet", "Share on X")))
def test_a_quote_a_box_offers_to_tweet_stays_and_its_button_goes(words: list[str], button: str) -> None:
    said = " ".join(words)
    share = f"https://twitter.com/intent/tweet?url=https%3A%2F%2Fe.com%2Fp&amp;text={quote_plus(said)}"
    html = (f'<p>Before. <span class="bctt-click-to-tweet"><span class="bctt-ctt-text"><a href="{share}">{said}</a>'
            f'</span><a href="{share}" class="bctt-ctt-btn">{button}</a></span></p>')
    markdown = html_to_markdown(html, Context())
    assert markdown == f"Before. {said}\n"
