"""Nothing a reader sees is lost: visible words survive conversion and rendering."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.convert.markdown import html_to_markdown
from generator.render.markdown import MarkdownRenderer
from tests.conftest import SHARED, need_shared
from tests.word_retention import (MEASURES, Post, block_documents, block_fixtures, measure, rest_documents, rest_posts,
                                  retention, table, tally, visible_words)

SAMPLES = SHARED / "samples"
render = MarkdownRenderer().render

# Words with the characters Markdown cares about around and inside them.
word = st.text(st.sampled_from("abcxyzé中1_*`#[]()<>&!-+.|~\\'\""), min_size=1, max_size=8).filter(
    lambda w: any(c.isalnum() for c in w))
words = st.lists(word, min_size=1, max_size=8).map(lambda ws: escape(" ".join(ws)))


@st.composite
def inline(draw: st.DrawFn) -> str:
    text = draw(words)
    wrap = draw(st.sampled_from(["{}", "<em>{}</em>", "<strong>{}</strong>", "<a href='https://e.com/{}'>{}</a>",
                                 "<code>{}</code>", "<span>{}</span>"]))
    return wrap.format(quote(text), text) if wrap.count("{}") == 2 else wrap.format(text)


@st.composite
def block(draw: st.DrawFn) -> str:
    content = " ".join(draw(st.lists(inline(), min_size=1, max_size=4)))
    kind = draw(st.sampled_from(["p", "h2", "h3", "li", "blockquote", "td", "figcaption", "pre"]))
    if kind == "li":
        return f"<ul><li>{content}</li></ul>"
    if kind == "td":
        return f"<table><tr><td>{content}</td><td>x</td></tr></table>"
    if kind == "figcaption":
        return f"<figure><img src='https://e.com/i.png' alt=''><figcaption>{content}</figcaption></figure>"
    if kind == "pre":
        return f"<pre><code>{draw(words)}</code></pre>"
    return f"<{kind}>{content}</{kind}>"


@settings(max_examples=300, deadline=None)
@given(st.lists(block(), min_size=1, max_size=6).map("\n".join))
@example("<h2>1 1</h2>\n<h2>1 1</h2>")  # the same heading twice, as an author may write it
def test_visible_words_survive_conversion_and_rendering_in_order(html: str) -> None:
    before = visible_words(html)
    after = iter(visible_words(render(html_to_markdown(html)).html))
    # Every source word appears on the page, in order (the page may add words, e.g. placeholders).
    assert all(word in after for word in before), (html_to_markdown(html), before)


def test_block_fixtures_and_rest_samples_keep_at_least_995_per_thousand_words() -> None:
    need_shared(SAMPLES)
    kept_blocks, total_blocks, _ = retention(block_fixtures(SAMPLES))
    kept_rest, total_rest, _ = retention(rest_posts(SAMPLES))
    assert total_blocks > 1000 and total_rest > 4000
    assert (kept_blocks + kept_rest) / (total_blocks + total_rest) >= 0.995


def test_samples_keep_at_least_995_per_thousand_of_links_images_headings_and_embeds() -> None:
    need_shared(SAMPLES)
    result = tally([*block_documents(SAMPLES), *rest_documents([SAMPLES / "wp-rest"])])
    assert all(result.total[m] > 20 for m in MEASURES), result.total
    assert all(result.ratio(m) >= 0.995 for m in MEASURES), table(result)


def test_a_link_to_a_host_in_its_own_script_is_kept_in_punycode() -> None:
    """The build writes such a host in punycode, as browsers send it: that is the same address, not a loss."""
    html = '<p><a href="https://tutorial.هاكنتوش.com/guide/">guide</a> <a href="https://例え.jp">jp</a></p>'
    kept = measure(Post("p", html, "[guide](https://tutorial.هاكنتوش.com/guide/) [jp](https://例え.jp)\n",
                        "https://s.example/p/"))
    assert kept["links"] == (2, 2)


def test_a_lost_link_image_heading_or_embed_is_counted() -> None:
    """The measure is not blind: what the page really lacks is counted as lost."""
    html = ('<h2>Kept heading</h2><p><a href="/a/">a</a> <img src="/i.jpg" alt=""></p>'
            '<iframe src="https://www.youtube.com/embed/x"></iframe>')
    whole = measure(Post("p", html, "## Kept heading\n\n[a](https://s.example/a/) ![](https://s.example/i.jpg)\n\n"
                                     "[YouTube](https://www.youtube.com/embed/x)\n", "https://s.example/p/"))
    assert all(kept == total == 1 for kept, total in (whole[m] for m in MEASURES if m != "words"))
    empty = measure(Post("p", html, "Kept heading a\n", "https://s.example/p/"))
    assert all(empty[m][0] == 0 for m in MEASURES if m != "words")
