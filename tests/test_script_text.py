"""The text of an ad's or a widget's loader left where its `<script>` tags were taken out goes; words beside it,
and the same code in `<code>`, stay (generator/convert/script_text.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

LOADERS = (
    "window._taboola = window._taboola || [];",
    "_taboola.push({mode:'thumbnails-a', container:'taboola-below-article', placement:'below-article'});",
    "(adsbygoogle = window.adsbygoogle || []).push({});",
    '!function(d,s,id){var js,fjs=d.getElementsByTagName(s)[0];if(!d.getElementById(id)){js=d.createElement(s);'
    "js.id=id;js.src='https://platform.twitter.com/widgets.js';fjs.parentNode.insertBefore(js,fjs);}}"
    "(document, 'script', 'twitter-wjs');",
    "(function(d, s, id) {var js, fjs = d.getElementsByTagName(s)[0];js = d.createElement(s); js.id = id;"
    "fjs.parentNode.insertBefore(js, fjs);}(document, 'script', 'facebook-jssdk'));",
)
WORDS = st.text(st.sampled_from("abcdefghij KLMNOP"), min_size=1, max_size=30).filter(lambda w: w.strip())


@given(st.sampled_from(LOADERS), WORDS)
def test_a_loader_alone_in_its_paragraph_goes_and_the_text_beside_it_stays(loader: str, words: str) -> None:
    markdown = html_to_markdown(f"<p>{words}</p><p>{loader}</p>", Context())
    assert markdown.strip() == html_to_markdown(f"<p>{words}</p>", Context()).strip()


@given(st.sampled_from(LOADERS), WORDS)
def test_a_loader_among_an_authors_words_or_in_code_stays(loader: str, words: str) -> None:
    for html in (f"<p>{words}: {loader}</p>", f"<p><code>{loader}</code></p>", f"<pre>{loader}</pre>"):
        markdown = html_to_markdown(html, Context())
        assert any(name in markdown for name in ("taboola", "adsbygoogle", "insertBefore")), html
