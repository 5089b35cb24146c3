"""A widget's fallback for readers without scripts, its one link set in brackets, beside its frame
(convert/script_fallbacks.py)."""

from __future__ import annotations

import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown
from generator.convert.wp_post import to_document
from tests.conftest import rest_item
from tests.test_fuzz_import import markup

WORDS = st.text(alphabet="abcdefghij ", min_size=1, max_size=12).filter(str.strip)
SLUGS = st.text(alphabet="abcdefghij-", min_size=1, max_size=10)


@given(WORDS, SLUGS, SLUGS, st.booleans())
def test_a_fallback_link_in_brackets_is_the_one_link_to_its_story(words: str, user: str, story: str,
                                                                  framed: bool) -> None:
    frame = f'<iframe src="//storify.com/{user}/{story}/embed?header=false"></iframe>' if framed else ""
    html = (f'<div class="storify">{frame}<noscript>[<a href="//storify.com/{user}/{story}" target="_blank">{words}'
            '</a>]</noscript></div>')
    ctx = Context(base_url="https://news.example/x/")
    markdown = html_to_markdown(html, ctx)
    assert markdown == f"[{' '.join(words.split())}](https://storify.com/{user}/{story})\n"
    assert dict(ctx.losses.counts) == ({"iframe made a link": 1} if framed else {})


def test_brackets_in_comments_round_the_link_stay_unshown() -> None:
    html = '<noscript><!-- a [ --><a href="https://poll.example/p/1">Vote</a><!-- ] --></noscript>'
    assert html_to_markdown(html, Context()) == "[Vote](https://poll.example/p/1)\n"


@settings(max_examples=150, deadline=None)
@given(markup(), markup())
def test_any_markup_round_a_fallback_converts_without_a_warning(before: str, inside: str) -> None:
    html = f'<div class="storify">{before}<noscript>[{inside}<a href="https://e.com/s">S</a>]{before}</noscript></div>'
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            to_document(rest_item(content={"rendered": html}))
        except Exception as error:  # an item error names the field; anything else is a fault
            assert type(error).__name__ == "ItemError", error
