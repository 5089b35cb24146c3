"""The lists of the site's posts that news themes print into a page's text, tagDiv's blocks (Newspaper, Newsmag)
and Jannah's box of related posts, go whole, whatever they hold; the author's own blocks around them stay."""

from __future__ import annotations

import html
import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

PARTS = ('<div class="td-module-thumb"><a href="/x/"><img src="x.jpg" alt="Qqzz"></a></div>',
         '<h3 class="entry-title td-module-title"><a href="/x/">Qqzz</a></h3>', "<p>Qqzz</p>", "<br>",
         '<time datetime="2018-11-13">Qqzz</time>', '<div class="td_block_inner"></div>',
         '<ul><li><a href="/y/">Qqzz</a></li></ul>')
MODULES = st.sampled_from(("td_module_2", "td_module_wrap", "td_module_flex td_module_flex_1", "td_module_mx5"))
INNER = st.lists(st.sampled_from(PARTS) | st.text(max_size=12).map(html.escape), max_size=6).map("".join)


def _converted(markup: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        return html_to_markdown(markup, Context())


@settings(max_examples=150, deadline=None)
@given(module=MODULES, inner=INNER, title=st.booleans(), title_module=st.booleans())
def test_a_tagdiv_block_of_posts_goes_and_its_text_blocks_stay(module: str, inner: str, title: bool,
                                                               title_module: bool) -> None:
    """A block of tagDiv's listing posts goes with its own title, and with the title module right before it."""
    heading = '<div class="td-block-title-wrap"><h4 class="block-title">Qqzz</h4></div>' if title else ""
    above = ('<div class="tdm_block td_block_wrap tdm_block_column_title"><h3 class="tdm-title">Qqzz</h3></div>'
             if title_module else "")
    markup = (f'<div class="td_block_wrap vc_column_text"><div class="td-fix-index"><p>Before.</p></div></div>'
              f'{above}<div class="td_block_wrap td_block_2">{heading}<div class="td_block_inner">{inner}'
              f'<div class="{module}"><a href="/x/">Qqzz</a></div></div></div>'
              f'<div class="td_block_wrap vc_raw_html"><p>After.</p></div>')
    body = _converted(markup)
    assert body.startswith("Before.") and "After." in body and "Qqzz" not in body


@settings(max_examples=150, deadline=None)
@given(inner=INNER, tag=st.sampled_from(("div", "section", "aside")))
def test_jannahs_box_of_related_posts_goes_from_the_text(inner: str, tag: str) -> None:
    """Jannah's box of related posts, which it puts between two paragraphs of a post's text, goes whole."""
    markup = (f'<p>Before.</p><{tag} id="inline-related-post" class="mag-box mini-posts-box content-only">'
              f'<div class="the-subtitle">Qqzz</div>{inner}</{tag}><p>After.</p>')
    body = _converted(markup)
    assert body.startswith("Before.") and "After." in body and "Qqzz" not in body
