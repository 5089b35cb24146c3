"""Words in brackets the author wrote, which read as shortcodes the mirror drops: keys listed one a line beside
plain ones (a security blog's `$_FILES` keys), and empty pairs of the tags the post's own code writes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.convert import bracketed_words
from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

PLAIN = st.sampled_from(["name", "type", "size", "key", "id", "value"])  # no shortcode has these names
NAMESPACED = st.sampled_from(["tmp_name", "full-path", "user_id", "pmpro_levels"])


@given(st.lists(st.tuples(PLAIN, st.one_of(st.none(), NAMESPACED)), min_size=1, max_size=6))
def test_a_list_of_bracketed_words_keeps_every_word(pairs: list[tuple[str, str | None]]) -> None:
    # Each namespaced key comes after a word no shortcode could be.
    words = [word for pair in pairs for word in pair if word is not None]
    html = "<blockquote><p>" + "<br />\n".join(f"[{word}]" for word in words) + "</p></blockquote>"
    markdown = html_to_markdown(html, Context())
    assert [line.lstrip("> ").rstrip("\\") for line in markdown.splitlines()] == [f"[{word}]" for word in words]


def test_a_plugins_tag_alone_beside_no_bracketed_word_still_goes() -> None:
    ctx = Context()
    assert html_to_markdown("<p>Join us.</p>\n<p>[pmpro_levels]</p>\n<p>[user_id-x]</p>", ctx) == "Join us.\n"
    assert ctx.losses.counts == {"plugin shortcode alone on its line dropped": 2}


def test_only_tags_written_in_code_are_read_as_the_codes() -> None:
    html = "<p>[a][/a]</p><pre>x = '[date]' + '[/date]' + d['tmp_name']</pre><code>[b]</code>"
    code = [(html.index("<pre>"), html.index("</pre>") + 6), (html.index("<code>"), len(html))]
    assert bracketed_words.tags_in_code(html, code) == {"date", "b"}
    assert html_to_markdown("<p>[date][/date] holds the time; [a][/a] nothing.</p><pre>'[date]' + t + '[/date]'</pre>",
                            Context()).startswith("[date\\][/date] holds the time; nothing.")
