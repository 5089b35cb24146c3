"""What a rule that drops the live site's parts leaves of the author's: a Query Loop's own blocks beside its posts
(tests/cases/convert/query_loop_own_blocks.html), and the names of a row of icon links, each apart
(tests/cases/convert/icon_links_set_apart.html): properties over generated markup, checked on the rendered page."""

from __future__ import annotations

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown
from generator.render.markdown import MarkdownRenderer

render = MarkdownRenderer().render

word = st.text(st.sampled_from("abcxyzé中19"), min_size=1, max_size=7)
text = st.lists(word, min_size=1, max_size=5).map(" ".join)
OWN_BLOCKS = ("<p>{}</p>", "<h3>Question</h3><div class=\"answer\"><p>{}</p></div>", "<ul><li>{}</li></ul>",
              "<figure><figcaption>{}</figcaption></figure>")


def shown_text(html: str, between: str = " ") -> str:
    return BeautifulSoup(render(html_to_markdown(html, Context())).html, "html.parser").get_text(between)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(OWN_BLOCKS), text), min_size=1, max_size=3), text,
       st.booleans())
def test_a_query_loops_own_blocks_stay_and_its_posts_go(blocks, listed, template_first) -> None:
    own = "".join(shape.format(words) for shape, words in blocks)
    posts = f'<ul class="wp-block-post-template"><li class="wp-block-post"><h2>Listed {listed}</h2></li></ul>'
    inner = posts + own if template_first else own + posts
    shown = " ".join(shown_text(f'<div class="wp-block-query">{inner}</div>').split())
    for _, words in blocks:
        assert " ".join(words.split()) in shown
    assert "Listed" not in shown


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(word, st.sampled_from(["a", "span"])), min_size=2, max_size=5))
def test_a_row_of_icon_links_shows_each_name_apart(links) -> None:
    icons = [f'<a href="https://site.example/{n}" aria-label="{label}"><i class="icon"></i></a>'
             for n, (label, _) in enumerate(links)]
    row = "".join(icon if holder == "a" else f'<span class="item">{icon}</span>'
                  for icon, (_, holder) in zip(icons, links))
    shown = shown_text(f'<div class="social-icons">{row}</div>', between="").split()  # as a browser shows them
    assert shown == [label for label, _ in links]
