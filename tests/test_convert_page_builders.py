"""A page builder's layout, however it nests and however WordPress curled its quotes, gives way to the text
inside it: every word shows, in order, and no shortcode of the builder is left on the page."""

from __future__ import annotations

import re
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert import page_builders
from generator.convert.markdown import html_to_markdown
from generator.convert.shortcodes import strip_known
from generator.convert.wp_post import html_to_text
from generator.render.markdown import MarkdownRenderer

LAYOUT = ("vc_row", "vc_column", "vc_column_text", "vc_row_inner", "vc_column_inner", "et_pb_section", "et_pb_row",
          "et_pb_column", "et_pb_text", "fusion_builder_container", "fusion_builder_column", "fusion_text",
          "av_one_half", "av_textblock",
          # Shortcodes Ultimate's and themes' own
          "su_row", "su_column", "su_highlight", "one_half", "one_third_last", "column", "dropcap", "pullquote-left",
          "toggle", "warning", "notice", "tab",
          # ThemeREX's, which a post holds with no columns of theirs around them
          "trx_section", "trx_block", "trx_toggles_item",
          # and columns and boxes named with hyphens
          "one-half", "two-thirds-last", "three-columns", "two-three-columns", "notification",
          # Cornerstone's (the X theme's) sections and columns
          "cs_section", "cs_column",
          # a news theme demo's text separator, so spelt, and its coloured labels
          "seperator", "tags", "blockquote", "quote")
QUOTES = ('"', "&#8221;", "&#8243;", "”", "'")
words = st.lists(st.from_regex(r"[A-Za-z]{2,8}", fullmatch=True), min_size=1, max_size=4).map(" ".join)


def layouts(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda name, quote, inside, paragraph: (
        f'[{name} css={quote}.vc_custom_1{{margin:0}}{quote} width={quote}1/2{quote}]'
        + (f"</p><p>{inside}</p><p>" if paragraph else inside) + f"[/{name}]"),
        st.sampled_from(LAYOUT), st.sampled_from(QUOTES), children, st.booleans())


content = st.recursive(words, lambda inner: st.one_of(
    layouts(inner), st.lists(inner, min_size=2, max_size=3).map(" ".join)), max_leaves=12)


def shown_text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@settings(max_examples=200, deadline=None)
@given(body=content)
def test_layout_shortcodes_leave_their_words_in_order_and_nothing_else(body: str) -> None:
    source = f"<p>{body}</p>"
    html = MarkdownRenderer().render(html_to_markdown(source)).html
    assert shown_text(html) == shown_text(re.sub(r"\[/?[a-z_]+[^\]]*\]", " ", source)), html


member = st.tuples(st.sampled_from(("team_member", "trx_team_item", "testimonial")), words, words,
                   st.sampled_from(("photo", "image", "avatar")), words)


@settings(max_examples=100, deadline=None)
@given(members=st.lists(member, min_size=1, max_size=3), layout=st.booleans())
def test_a_theme_element_with_a_picture_shows_its_words_beside_it(members: list[tuple[str, ...]],
                                                                   layout: bool) -> None:
    """A team member's or a testimonial's picture is shown with its name, its line and its words, in order, not as
    the file alone: a theme's element in a page WPBakery lays out, or one under ThemeREX's prefix anywhere."""
    body = "".join(f'[{tag} name="{name}" position="{line}" {key}="https://news.example/u/{name.split()[0]}.jpg"]'
                   f"{inside}[/{tag}]" for element, name, line, key, inside in members
                   for tag in [element if layout else "trx_team_item"])
    source = (f"<p>[vc_row][vc_column]{body}[/vc_column][/vc_row]</p>" if layout
              else f"<p>[trx_block]{body}[/trx_block]</p>")
    markdown = html_to_markdown(source)
    expected = [part for _, name, line, _, inside in members
                for part in (f"![](https://news.example/u/{name.split()[0]}.jpg)", name, line, inside)]
    assert re.search(".*?".join(map(re.escape, expected)), markdown, re.DOTALL), markdown


cornerstone = st.builds(lambda name, inside: f'[x_{name} style="minimal"]{inside}[/x_{name}]',
                        st.from_regex(r"[a-z]{3,8}", fullmatch=True).filter(lambda name: "form" not in name
                                                                            and "booking" not in name), words)


@settings(max_examples=100, deadline=None)
@given(parts=st.lists(cornerstone, min_size=1, max_size=4))
def test_cornerstones_elements_in_its_layout_leave_their_words_and_no_tag(parts: list[str]) -> None:
    """The X theme's Cornerstone names its elements `x_` inside its `cs_` sections and columns, with straight quotes
    in an export: they are its elements, not a plugin's shortcodes."""
    source = f"<p>[cs_section][cs_row][cs_column]{''.join(parts)}[/cs_column][/cs_row][/cs_section]</p>"
    html = MarkdownRenderer().render(html_to_markdown(source)).html
    assert shown_text(html) == shown_text(re.sub(r"\[/?[a-z_]+[^\]]*\]", " ", source)), html


nowhere = st.builds(lambda name, key, target, inside: f'[{name} {key}="{target}" color="red"]{inside}[/{name}]',
                    st.sampled_from(("button", "btn", "download_button")), st.sampled_from(("link", "url", "href")),
                    st.sampled_from(("#", "", "javascript:void(0)", "JavaScript:;")), words)


@settings(max_examples=100, deadline=None)
@given(parts=st.lists(st.one_of(nowhere, words), min_size=1, max_size=4))
def test_a_themes_button_linking_nowhere_shows_its_words_and_no_tag(parts: list[str]) -> None:
    """A theme demo's `[button link="#"]Small Button[/button]` (39 on its page of shortcodes) stood as text, tags
    and all: it shows its words, linking nothing, as the button linked nowhere."""
    source = f"<p>{' '.join(parts)}</p>"
    markdown = html_to_markdown(source)
    assert "[" not in markdown and "](" not in markdown
    assert shown_text(MarkdownRenderer().render(markdown).html) == shown_text(re.sub(r"\[/?[a-z_]+[^\]]*\]", " ",
                                                                                     source))


unregistered = st.builds(lambda name, quote, inside: f"[{name} style={quote}minimal{quote}]{inside}[/{name}]",
                         st.from_regex(r"[a-z]{3,8}_[a-z]{3,8}", fullmatch=True), st.sampled_from(QUOTES[1:4]), words)


@settings(max_examples=100, deadline=None)
@given(parts=st.lists(unregistered, min_size=1, max_size=4))
def test_shortcodes_wordpress_curled_as_unregistered_leave_their_words_and_no_tag(parts: list[str]) -> None:
    """A theme's shortcode under no known prefix (Salient's `[fancy_box]`) shows its words, and none of its
    tags: its curled quotes say no plugin rendered it."""
    source = f"<p>{''.join(parts)}</p>"
    html = MarkdownRenderer().render(html_to_markdown(source)).html
    assert shown_text(html) == shown_text(re.sub(r"\[/?[a-z_]+[^\]]*\]", " ", source)), html


def test_summary_loses_unregistered_tags_raw_html_and_the_tag_its_cut_in() -> None:
    excerpt = ("<p>[toggle title=&#8221;Q&#8221;]Answer.[/toggle] [vc_raw_html]JTNDcCUzRQ==[/vc_raw_html]"
               " [vc_row type=&#8221;in_container&#8221; full&#8230;</p>")
    assert html_to_text(strip_known(excerpt)) == "Answer."
    assert html_to_text(strip_known("<p>Prices [sic] rose [note]a[/note] in [May&#8230;</p>")) == \
        "Prices [sic] rose [note]a[/note] in [May…"
    assert html_to_text(strip_known('<p>The guide [pdf-embedder url="https://e.com/guide.pdf"] in full.</p>')) == \
        "The guide in full."


def test_summary_keeps_a_theme_buttons_text_without_its_tags() -> None:
    """The body links a button's text (`[download link="…"]Local copy[/download]`); the summary has the text."""
    excerpt = '<p>Files: [download link="http://e.com/a.rar"]Local copy[/download] and [tooltip url="/h/"]x[/tooltip]</p>'
    assert html_to_text(strip_known(excerpt)) == 'Files: Local copy and [tooltip url="/h/"]x[/tooltip]'


@settings(max_examples=100, deadline=None)
@given(before=words, title=words, after=words, quote=st.sampled_from(QUOTES))
def test_a_text_separator_shows_its_title_between_the_words_around_it(before: str, title: str, after: str,
                                                                     quote: str) -> None:
    """WPBakery's `[vc_text_separator title="…"]` draws its title between two lines (a contact page's phone
    number and address): the title is shown, as the heading WPBakery makes it, where it stood."""
    source = (f"<p>[vc_row][vc_column][vc_column_text]{before}[/vc_column_text]"
              f"[vc_text_separator title={quote}{title}{quote}][vc_column_text]{after}[/vc_column_text]"
              f"[/vc_column][/vc_row]</p>")
    html = MarkdownRenderer().render(html_to_markdown(source)).html
    assert f"<h4>{title}</h4>" in re.sub(r"<h4[^>]*>", "<h4>", html), html
    assert shown_text(html) == f"{before} {title} {after}"


@settings(max_examples=100, deadline=None)
@given(alt=words, title=words, quote=st.sampled_from(QUOTES), name=st.sampled_from(("et_pb_image",
                                                                                    "et_pb_fullwidth_image")))
def test_a_divi_images_title_text_is_its_tooltip_not_a_caption(alt: str, title: str, quote: str, name: str) -> None:
    """Divi fills an image's title_text from its file's name (`icon01`); the page shows it only on hover, as
    the picture's title: a reader never sees it as text under the picture."""
    source = (f"<p>[{name} src={quote}https://e.com/i.png{quote} alt={quote}{alt}{quote} "
              f"title_text={quote}{title}{quote}][/{name}]</p><p>After.</p>")
    html = MarkdownRenderer().render(html_to_markdown(source)).html
    assert shown_text(html) == f"Image: {alt} — open original After.", html


def test_text_without_tags_loses_the_tags_of_elements_no_prefix_names_when_wordpress_curled_them() -> None:
    # Salient's `[fancy_box]` and `[image_with_animation]`, curled as unregistered: what the retention measure
    # and an export's automatic excerpt read as the page's words holds none of their attributes.
    text = ("[fancy_box box_style=&#8221;color_box_hover&#8221; icon_family=&#8221;iconsmind&#8221;]<p>Pay bills</p>"
            "[/fancy_box][image_with_animation image_url=&#8221;27&#8243; animation=&#8221;Fade In&#8221;]"
            "<p>[see “below”] and [b]bold[/b]</p>")
    assert re.sub(r"\s+", " ", page_builders.without_tags(text)) == (
        " <p>Pay bills</p> <p>[see “below”] and [b]bold[/b]</p>")
