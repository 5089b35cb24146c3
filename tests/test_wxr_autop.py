"""Paragraphs from blank lines (wpautop) and the rendering of an export's raw post_content."""

from __future__ import annotations

import base64
import re
import time
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.autop import autop
from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown
from generator.convert import shortcodes, wp_render
from generator.convert.wp_render import auto_excerpt, render_content
from generator.sources.wp_syntax import Attachment
from tests.conftest import SHARED, need_shared

CASES = [
    ("One\ntwo\n\nThree", "<p>One<br />\ntwo</p>\n<p>Three</p>\n"),
    ("Text\n<ul>\n<li>a</li>\n</ul>\nMore", "<p>Text</p>\n<ul>\n<li>a</li>\n</ul>\n<p>More</p>\n"),
    ("<pre>a\n\nb</pre>\nafter", "<pre>a\n\nb</pre>\n<p>after</p>\n"),
    ("See <a\nhref=\"/x\">this</a>", "<p>See <a\nhref=\"/x\">this</a></p>\n"),
    ("A<br><br>B", "<p>A</p>\n<p>B</p>\n"),
    ("<blockquote>Quoted\n\nTwice</blockquote>", "<blockquote><p>Quoted</p>\n<p>Twice</p></blockquote>\n"),
    ('[caption id="a"]<img src="x.jpg"> Cap[/caption]\n\nText', '[caption id="a"]<img src="x.jpg"> Cap[/caption]\n'
                                                                 "<p>Text</p>\n"),
    ("  \n\n ", ""),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_autop_makes_paragraphs_as_wordpress_does(text: str, expected: str) -> None:
    assert autop(text) == expected


WORDS = st.text(alphabet=st.sampled_from("abc xyz\n\n\t&;.,"), min_size=0, max_size=60)
PIECES = st.lists(st.one_of(WORDS, st.sampled_from(["<em>", "</em>", "<div>", "</div>", "<hr />",
                                                    "<ul><li>x</li></ul>", "<pre>p\n\nq</pre>", "\n\n"])),
                  max_size=12)


@settings(max_examples=300, deadline=None)
@given(PIECES)
def test_autop_loses_no_text_and_is_stable_on_its_own_output(pieces: list[str]) -> None:
    text = "".join(pieces)
    html = autop(text)
    markup = re.compile(r"<[^>]*>|\s+")
    assert markup.sub("", html) == markup.sub("", text)
    for inner in re.findall(r"<p>((?:(?!<p>|</p>).)*)</p>", html, re.DOTALL):
        plain = "<" not in inner.replace("<br />", "").replace("<em>", "").replace("</em>", "")
        edges = inner.strip().startswith("<br />") or inner.strip().endswith("<br />")  # as WordPress leaves them
        if plain and inner.strip() and not edges:
            assert autop(inner) == f"<p>{inner.strip()}</p>\n"


def test_a_block_post_keeps_its_html_without_delimiters_or_added_paragraphs() -> None:
    raw = ("<!-- wp:paragraph -->\n<p>One\ntwo</p>\n<!-- /wp:paragraph -->\n\n"
           "<!-- wp:shortcode -->\n[gallery]\n<!-- /wp:shortcode -->")
    attached = {5: [Attachment(12, 5, 1, "image/jpeg"), Attachment(11, 5, 0, "image/png"),
                    Attachment(13, 5, 0, "audio/mpeg")]}
    assert render_content(raw, 5, attached) == '<p>One\ntwo</p>\n\n[gallery ids="11,12"]\n'


def test_a_classic_post_gets_paragraphs_embeds_and_its_own_playlist() -> None:
    raw = "Listen:\n\n[playlist]\n\nhttps://vimeo.com/123\n\nhttps://example.org/page"
    attached = {5: [Attachment(13, 5, 0, "audio/mpeg")]}
    assert render_content(raw, 5, attached) == (
        '<p>Listen:</p>\n[playlist ids="13"]\n[embed]https://vimeo.com/123[/embed]\n'
        "<p>https://example.org/page</p>\n")


def test_social_icons_are_the_links_wordpress_renders_from_their_attributes() -> None:
    raw = ('<!-- wp:social-links -->\n<ul class="wp-block-social-links">'
           '<!-- wp:social-link {"url":"https://twitter.com/ana","service":"twitter"} /-->\n'
           '<!-- wp:social-link {"url":"https://github.com/ana","service":"github","label":"My code"} /-->\n'
           '<!-- wp:social-link {"service":"facebook"} /--></ul>\n<!-- /wp:social-links -->')
    assert html_to_markdown(render_content(raw, 5, {}), Context()) == (
        "- [Twitter](https://twitter.com/ana)\n- [My code](https://github.com/ana)\n")


def test_the_automatic_excerpt_is_55_words_of_text_without_captions() -> None:
    raw = '[caption id="x"]<img src="a.jpg"> Not this[/caption]\n\n' + " ".join(f"w{i}" for i in range(60))
    excerpt = auto_excerpt(raw)
    assert excerpt.startswith("<p>w0 w1") and excerpt.endswith("w54 [&hellip;]</p>\n") and "Not this" not in excerpt


def test_the_automatic_excerpt_has_no_embed_shortcodes_which_the_post_shows_as_links() -> None:
    raw = ("See the map.\n\n[googlemaps https://www.google.com/maps/d/embed?mid=1]\n\n[youtube abc] Then more."
           "\n\n[scribd id=191207189 key=key-4ofw mode=scroll]\n\n[wpvideo tFnqC9XQ w=680]"
           "\n\n[codepen_embed slug_hash='pymBWL' user='ana']\nSee the Pen &lt;a href='x'&gt;Forms&lt;/a&gt;."
           "\n[/codepen_embed]")
    assert auto_excerpt(raw) == "<p>See the map. Then more.</p>\n"


def test_the_automatic_excerpt_keeps_a_shortcode_whose_name_only_begins_with_a_core_one() -> None:
    """`[video-note]` is not `[video]`: its closing tag is not left behind alone."""
    raw = "Intro [video-note]Watch this[/video-note] and [contact-form-x]Ask[/contact-form-x] end."
    assert auto_excerpt(raw) == f"<p>{raw}</p>\n"


@pytest.mark.parametrize("shortcode", [
    '[sourcecode language="php"]\n&lt;?php\n...snip...\n[/sourcecode]', "[php]echo 1;[/php]", "[code lang=bash]\n$ rvm install\n[/code]",
    '[contact-form][contact-field label="Name" type="name" required="true" /][contact-field label="Email" /][/contact-form]',
    '[contact-form-7 id="4" title="Contact"]'])
def test_the_automatic_excerpt_has_no_code_or_form_shortcodes_which_their_plugins_registered(shortcode: str) -> None:
    """strip_shortcodes takes a registered shortcode from an excerpt with all it encloses: a list page would
    otherwise show `[sourcecode language="php"] <?php` or a form's field labels (hB stv, aflyen)."""
    assert auto_excerpt(f"Napoleon Bonaparte:\n{shortcode}\nMore words.") == "<p>Napoleon Bonaparte: More words.</p>\n"


def test_the_automatic_excerpt_has_no_plugin_shortcode_the_body_drops_alone_on_its_line() -> None:
    """A theme's `[blocksy_breadcrumbs]` alone on its line goes from the body (its plugin's output for each visitor,
    unrendered); the summary made from the same text opened with it. Words in brackets in a sentence stay."""
    raw = ('<div class="elementor-shortcode">[blocksy_breadcrumbs]</div>\n<h2>Call me today</h2>\n'
           "<p>Prices [per_hour] vary.</p>\n[page_stats]\n[yearly_report]Closed[/yearly_report]\n")
    assert auto_excerpt(raw) == "<p>Call me today Prices [per_hour] vary. [yearly_report]Closed[/yearly_report]</p>\n"
    started = time.process_time()
    assert auto_excerpt("[page_stats]\n" * 100_000 + "Words.") == "<p>Words.</p>\n"
    assert time.process_time() - started < 5


@pytest.mark.parametrize("raw", [
    "Sometimes nested functions help. But they can bite.\n\n<!--more-->\n\nLet us take a dispatcher that lives on.",
    "Sometimes nested functions help. But they can bite.<!--more Read the rest-->Let us take a dispatcher.",
    "<!-- wp:paragraph -->\n<p>Sometimes nested functions help. But they can bite.</p>\n<!-- /wp:paragraph -->\n\n"
    "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n\n<!-- wp:paragraph -->\n<p>Let us take one.</p>\n"
    "<!-- /wp:paragraph -->",
    "Sometimes nested functions help. But they can bite.\n<!--nextpage-->\nPage two: a dispatcher that lives on."])
def test_the_automatic_excerpt_of_a_post_with_a_teaser_is_its_teaser(raw: str) -> None:
    """WordPress's excerpt, and REST's, is made of a post's text before its `<!--more-->` (and of its first page):
    the summary ran on past it, "…But they can bite. Let us take a dispatcher that lives on"."""
    assert auto_excerpt(raw) == "<p>Sometimes nested functions help. But they can bite.</p>\n"


def test_the_automatic_excerpt_joins_text_around_inline_tags_as_wordpress_strips_them() -> None:
    assert auto_excerpt("文件<strong>～/.screenrc</strong>。<br>Next <a href='x'>link</a>ed<p>para</p>") == (
        "<p>文件～/.screenrc。 Next linked para</p>\n")


def test_the_automatic_excerpt_keeps_a_word_whole_around_a_themes_inline_shortcode() -> None:
    """`[dropcap]2[/dropcap]014` shows as 2014; a column's tags still part the words on either side."""
    assert auto_excerpt("[dropcap]2[/dropcap]014 began[one_half]Left[/one_half][one_half_last]Right[/one_half_last]") \
        == "<p>2014 began Left Right</p>\n"


MARKDOWN_POST = ('<img src="https://e.com/logo.png" alt="Logo">\nMy entry is [complete](https://e.com/ld?a=1&amp;b=2).\n\n'
                 "###What went well\nA *finished* game.\n\n    //config\n    fps 2\n")


def test_a_post_written_in_markdown_is_rendered_from_markdown_as_php_markdown_showed_it() -> None:
    """PHP Markdown rendered the post as it was shown, so the export holds Markdown: `###Heading` is a heading
    there, and a tag alone on its line is part of the paragraph under it."""
    assert html_to_markdown(render_content(MARKDOWN_POST, 5, {}), Context()) == (
        "![Logo](https://e.com/logo.png) My entry is [complete](https://e.com/ld?a=1&b=2).\n\n"
        "### What went well\n\nA *finished* game.\n\n```\n//config\nfps 2\n```\n")
    assert auto_excerpt(MARKDOWN_POST) == "<p>My entry is complete. What went well A finished game. //config fps 2</p>\n"


def test_a_markdown_post_keeps_its_code_shortcodes_fences_and_embeds() -> None:
    """What WordPress does to a classic post before showing it happens to a Markdown one too, and code stays code."""
    raw = ('See [docs](https://e.com/d).\n\n[code lang="c"]\n#include <stdio.h>\n[/code]\n\n'
           "```\n#define N 10\n```\n\nhttps://www.youtube.com/watch?v=abc\n")
    assert html_to_markdown(render_content(raw, 5, {}), Context()) == (
        "See [docs](https://e.com/d).\n\n```c\n#include <stdio.h>\n```\n\n```\n#define N 10\n```\n\n"
        "[YouTube video: https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\n")


def test_an_html_post_that_shows_markdown_stays_html() -> None:
    for raw in ('See <a href="https://e.com">this</a>. Write [text](https://e.com) for a link.',
                "Write <code>[text](https://e.com)</code> for a link.\n\n*Not emphasis* here."):
        assert "<p>" in render_content(raw, 5, {}) and "<em>" not in render_content(raw, 5, {})


BLOCKS = SHARED / "samples" / "blocks"


def test_every_block_fixture_gives_the_markdown_of_its_server_rendering() -> None:
    """WordPress core's block fixtures: the saved post_content and what do_blocks renders of it. Dynamic blocks
    (archives, categories, latest comments) list what the live site held when the page was shown: they go from
    the rendering, as the export holds nothing of them."""
    fixtures = [p for p in sorted(need_shared(BLOCKS).glob("*.html"))
                if not p.name.endswith((".serialized.html", ".server.html"))
                and p.with_name(p.name[:-5] + ".server.html").exists()]
    differ = {p.name for p in fixtures
              if html_to_markdown(render_content(p.read_text(encoding="utf-8"), 1, {}), Context())
              != html_to_markdown(p.with_name(p.name[:-5] + ".server.html").read_text(encoding="utf-8"), Context())}
    assert len(fixtures) == 70 and differ == set()


def test_the_automatic_excerpt_shows_a_themes_note_boxes_words_without_their_tags() -> None:
    """The body shows a `[note]` box (a title, or a line break after its tag) as its words; an Easy Footnotes
    note within a sentence keeps its tags in both."""
    raw = ('[note title="Setup"]\nQt 5.2, MinGW.\n[/note]\n\n[note]<br />\nPoint four is wrong.\n[/note]\n\n'
           "The tax rose[note]In 2014.[/note] twice.")
    assert auto_excerpt(raw) == \
        "<p>Setup Qt 5.2, MinGW. Point four is wrong. The tax rose[note]In 2014.[/note] twice.</p>\n"


def test_the_automatic_excerpt_shows_a_wpbakery_themes_elements_words_without_their_tags() -> None:
    """Ohio's `[ohio_text]`, inside WPBakery's layout, shows its words in the body; so does the summary."""
    raw = '[vc_row][vc_column][ohio_text text_typo="null"]The rate is 15%.[/ohio_text][/vc_column][/vc_row]'
    assert auto_excerpt(raw) == "<p>The rate is 15%.</p>\n"
    kept = "No layout here: [ohio_text]kept[/ohio_text]."
    assert auto_excerpt(kept) == f"<p>{kept}</p>\n"


def test_the_automatic_excerpt_drops_a_wpbakery_themes_unprefixed_elements_tags() -> None:
    """Agrikole's `[spacing desktop_height="120"]`, `[contentbox …]` and `[alignbox]…[/alignbox]` (no prefix)
    are its elements in a WPBakery layout: the summary shows no bracketed tag of theirs, only words."""
    raw = ('[vc_row][vc_column][spacing desktop_height="120" mobile_height="60"][contentbox padding="40px 50px"]'
           '[headings tag="h3" heading="AUSTIN"]22 Texas West Hills[/headings][/contentbox][alignbox]Call us[/alignbox]'
           ' about [sic] prices.[/vc_column][/vc_row]')
    assert auto_excerpt(raw) == "<p>22 Texas West Hills Call us about [sic] prices.</p>\n"
    kept = 'No layout here: [spacing desktop_height="120"] stays.'
    assert auto_excerpt(kept) == f"<p>{kept}</p>\n"
    # Words in brackets are no element, though one holds an equals sign.
    words = "An effect [p = 0.03] in the sample [n = 120] and [via example.com/?s=a] held."
    assert auto_excerpt(f"[vc_row][vc_column]{words}[/vc_column][/vc_row]") == f"<p>{words}</p>\n"


def test_the_automatic_excerpt_shows_a_prefixed_themes_elements_words_without_their_tags() -> None:
    """A theme whose columns are `[att_column]` names its other elements under `att_` too: the body shows their
    words (tests/cases/convert/theme_prefixed_shortcodes.html), and so does the summary."""
    raw = ('[att_column size="one-half"]We build boats.[/att_column]\n\n'
           '[att_column size="one-half" position="last"][att_box color="red"]Open on Sundays.[/att_box][/att_column]')
    assert auto_excerpt(raw) == "<p>We build boats. Open on Sundays.</p>\n"
    kept = "No layout here: [att_box]kept[/att_box]."
    assert auto_excerpt(kept) == f"<p>{kept}</p>\n"


def test_a_code_shortcode_closed_by_mistake_is_the_code_its_author_meant() -> None:
    """A closing tag typed again after its block showed as text (`[/bash]`); one typed for the opening tag of the
    next lines (two closing tags, no opening tag between) showed them as prose, with both tags."""
    raw = ("[bash]\n# gem -v\n[/bash]\n[/bash]\n\n<h3>Create the user</h3>\nFrom the sources:\n"
           "[/bash]\n# cp config/database.yml.example config/database.yml\n[/bash]\nThen edit it.")
    assert html_to_markdown(render_content(raw, 5, {}), Context()) == (
        "```bash\n# gem -v\n```\n\n### Create the user\n\nFrom the sources:\n\n"
        "```bash\n# cp config/database.yml.example config/database.yml\n```\n\nThen edit it.\n")


TEXTILE_POST = ('"!http://e.com/img/shot.gif(Screenshot)!":http://e.com/demo/\n\nh2. Features:\n\n'
                "* Messages change into an _editable_ textbox!\n* Object oriented *Javascript*.\n\n"
                '[code lang="js"]\nvar a = "x":http://y * b_c_;\n[/code]\n\n'
                '"Download the source":http://github.com/e/demo')


def test_a_post_written_in_textile_is_rendered_from_textile_as_its_plugin_showed_it() -> None:
    """Its headings showed as `h2. Features:` and its links as `"text":http://…`; its code stays as typed."""
    assert html_to_markdown(render_content(TEXTILE_POST, 5, {}), Context()) == (
        '![Screenshot](http://e.com/img/shot.gif "Screenshot") ([link](http://e.com/demo/))\n\n## Features:\n\n'
        "- Messages change into an *editable* textbox!\n- Object oriented **Javascript**.\n\n"
        '```js\nvar a = "x":http://y * b_c_;\n```\n\n[Download the source](http://github.com/e/demo)\n')
    assert auto_excerpt(TEXTILE_POST) == ("<p>Features: Messages change into an editable textbox! Object oriented "
                                          "Javascript. Download the source</p>\n")


def test_a_textile_post_with_footnotes_imports_as_the_same_markdown_every_time() -> None:
    """python-textile names footnotes by a random id: each import of one export wrote other Markdown."""
    post = ('h2. Notes\n\nThe forums[1] and the wiki[2] said so, "twice":http://e.com/a.\n\n'
            "fn1. Old.\n\nfn2. Since edited.")
    first, second = (html_to_markdown(render_content(post, 5, {}), Context()) for _ in range(2))
    assert first == second
    assert re.search(r'<a id="fn[0-9a-f]{12}-2"></a><sup>2</sup> Since edited\.', first)
    other = html_to_markdown(render_content(post.replace("Old.", "New."), 5, {}), Context())
    assert re.findall(r'id="(fn[0-9a-f]+)-1"', other) != re.findall(r'id="(fn[0-9a-f]+)-1"', first)


@pytest.mark.parametrize("raw", [
    '<p>Textile writes a link as "text":http://e.com/a, and a heading as</p>\n<p>h2. Title</p>',  # HTML quoting it
    'A quote: "Cheap":http://e.com/shop is all it said.',  # one mark alone is no sure sign
])
def test_a_post_that_only_shows_textile_stays_html(raw: str) -> None:
    assert "<a " not in render_content(raw, 5, {}) and '":http://e.com' in render_content(raw, 5, {})


def test_a_textile_post_with_a_paragraph_too_long_for_the_library_stays_html_and_converts_quickly() -> None:
    """python-textile takes time growing with the square of a paragraph's marks (10,000 `_a ` took 6 s)."""
    started = time.process_time()
    html = render_content('h2. Title\n\n"a":http://e.com\n\n' + "_a " * 30_000, 5, {})
    assert time.process_time() - started < 2
    assert "h2. Title" in html


def test_a_video_address_alone_in_a_block_posts_paragraph_is_its_player_as_wordpress_embeds_it() -> None:
    """WordPress's autoembed reads a URL alone in its paragraph too (`<p>URL</p>`, as the block editor saves an
    address typed into a paragraph block): the video's player, not its address as words; an unknown site's address
    stays words, as WordPress leaves it."""
    raw = ("<!-- wp:paragraph -->\n<p>Watch:</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n"
           "<p>https://www.youtube.com/watch?v=abc</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n"
           '<p class="x">https://e.com/page</p>\n<!-- /wp:paragraph -->')
    assert html_to_markdown(render_content(raw, 5, {}), Context()) == (
        "Watch:\n\n[YouTube video: https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\n\n"
        "https://e.com/page\n")
    assert auto_excerpt(raw) == "<p>Watch: https://e.com/page</p>\n"
    classic = "Typed as HTML:\n\n<p>https://vimeo.com/12345</p>"
    assert "[Vimeo video: https://vimeo.com/12345](https://vimeo.com/12345)" in html_to_markdown(
        render_content(classic, 5, {}), Context())


def test_paragraphs_that_open_and_never_hold_an_address_take_linear_time() -> None:
    for hostile in ("<p " * 100_000, "<p>http://a" * 100_000, "<p>" + "http://" + "a" * 100_000 + " </p"):
        started = time.process_time()
        wp_render._autoembed(hostile, lines=False)
        assert time.process_time() - started < 0.5


def test_jetpacks_slideshow_shows_the_posts_attached_images_as_a_gallery() -> None:
    """Jetpack's `[slideshow]` shows the images a `[gallery]` would, one at a time; in an export it stood as the
    shortcode's text. One naming a gallery of another plugin's own (`gallery_id`) stays as it is."""
    attached = {5: [Attachment(12, 5, 1, "image/jpeg"), Attachment(11, 5, 0, "image/png")],
                9: [Attachment(21, 9, 0, "image/jpeg")]}
    assert render_content("Our trip:\n\n[slideshow trans=\"fade\"]", 5, attached) == (
        '<p>Our trip:</p>\n[gallery ids="11,12" trans="fade"]\n')
    assert render_content("[slideshow id=9]", 5, attached) == '[gallery ids="21" id=9]\n'
    assert render_content('[slideshow ids="7,8"]', 5, attached) == '[gallery ids="7,8"]\n'
    assert render_content("[slideshow gallery_id=3]", 5, attached) == "[slideshow gallery_id=3]\n"
    assert auto_excerpt("Our trip: [slideshow] in May.") == "<p>Our trip: in May.</p>\n"


def test_a_portfolio_themes_imagelist_shows_the_pictures_attached_to_its_item_as_a_gallery() -> None:
    """A design studio's portfolio theme: `[imagelist]` and `[imagelist id=1435]` show the pictures attached to the
    item, which its export holds; they stood as text in 42 of its 48 items, the pictures nowhere. One with other
    attributes stays as it is, as does one whose pictures the input lacks (then a gallery not mirrored)."""
    pictures = [Attachment(1437, 1435, 0, "image/jpeg"), Attachment(1436, 1435, 0, "image/jpeg"),
                Attachment(21, 9, 0, "image/jpeg")]
    attached = {owner: [a for a in pictures if a.parent == owner] for owner in (1435, 9)}
    shown = {("Prints.\n\n[imagelist id=1435]", 1435): '<p>Prints.</p>\n[gallery ids="1436,1437" id=1435]\n',
             ("[imagelist]", 9): '[gallery ids="21"]\n', ("[imagelist]", 5): "[imagelist]\n",
             ("[imagelist id=9 columns=3]", 5): "[imagelist id=9 columns=3]\n"}
    assert {saved: render_content(*saved, attached) for saved in shown} == shown
    assert shortcodes.strip_known("<p>Prints. [imagelist id=1435] ← →</p>") == "<p>Prints.  ← →</p>"
    assert html_to_markdown("<p>Prints.</p>\n[imagelist]", Context()) == (
        "Prints.\n\nGallery: its images are not in this mirror.\n")


def test_a_jetpack_story_in_an_export_shows_the_slides_its_attributes_name() -> None:
    """Jetpack renders its Story block from the slides in the block's attributes, which an export holds beside
    an empty box: its pictures as a grid, its videos linked, as for the block REST serves rendered."""
    slides = ('{"mediaFiles":[{"alt":"Fog","id":71,"type":"image","mime":"image/jpeg","caption":"",'
              '"url":"https://hikes.example/wp-content/uploads/fog.jpg"},{"alt":"","id":72,"type":"video",'
              '"mime":"video/mp4","url":"https://hikes.example/wp-content/uploads/wind.mp4"}]}')
    raw = (f"<!-- wp:paragraph -->\n<p>Our walk:</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:jetpack/story {slides} -->\n"
           '<div class="wp-block-jetpack-story wp-story"></div>\n<!-- /wp:jetpack/story -->\n\n'
           "<!-- wp:jetpack/story /-->")
    assert html_to_markdown(render_content(raw, 5, {}), Context()) == (
        'Our walk:\n\n<div class="gallery">\n\n![Fog](https://hikes.example/wp-content/uploads/fog.jpg)\n\n</div>\n\n'
        "[Video: wind.mp4](https://hikes.example/wp-content/uploads/wind.mp4)\n")


def test_the_automatic_excerpt_keeps_a_word_and_its_ruby_reading_in_one_run_as_wordpress_strips_them() -> None:
    """A Japanese post's `<ruby>` is inline: the excerpt read "「 始まりの論文 ファースト 」", spaced as between blocks."""
    raw = "<p>この論文を「<ruby>始まりの論文<rt>ファースト</rt></ruby>」と呼ぶ。</p>"
    assert auto_excerpt(raw) == "<p>この論文を「始まりの論文ファースト」と呼ぶ。</p>\n"


def test_the_automatic_excerpt_reads_wpbakerys_raw_html_as_the_body_shows_it() -> None:
    """WPBakery keeps a raw HTML element's HTML as base64 of its URL-encoded text: a theatre's home page opening with
    one was summarised by the base64 ("JTNDZGl2JTIwaWQlM0Q…"), where its page shows the HTML's words. Raw
    JavaScript shows none."""
    shown = base64.b64encode(quote('<div id="featured"><p>Spring season</p><script>go()</script></div>').encode())
    raw = (f"[vc_row][vc_column][vc_raw_html]{shown.decode()}[/vc_raw_html][vc_raw_js]JTNDc2NyaXB0JTNF[/vc_raw_js]"
           "[vc_column_text]Tickets on sale.[/vc_column_text][/vc_column][/vc_row]")
    assert auto_excerpt(raw) == "<p>Spring season Tickets on sale.</p>\n"
    assert auto_excerpt("[vc_raw_html]<b>Not</b> base64[/vc_raw_html] Words.") == "<p>Not base64 Words.</p>\n"
