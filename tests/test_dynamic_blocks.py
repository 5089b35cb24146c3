"""Block plugins' dynamic blocks in an export, shown by their attributes' words (convert/dynamic_blocks.py)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.context import UNSHOWN_BLOCK, Context
from generator.convert.dynamic_blocks import BLOCKS
from generator.convert.markdown import html_to_markdown
from generator.convert.wp_render import render_content
from generator.importer import ImportOptions, run_import
from generator.store.documents import loads
from tests.test_wxr import export, item


def whole(name: str, attributes: object) -> str:
    """A block saved as its attributes alone, escaped as the block editor escapes them."""
    text = json.dumps(attributes, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return f"<!-- wp:{name} {text} /-->"


def shown(raw: str) -> str:
    return html_to_markdown(render_content(raw, 1, {}))


def test_kadence_buttons_and_testimonials_show_their_words() -> None:
    """In the shape of Kadence Blocks' own demo page (its export): a row of buttons and a carousel of testimonials,
    each a block saved as its attributes (Kadence prints them in PHP), which imported as nothing."""
    raw = ('<!-- wp:kadence/advancedbtn {"uniqueID":"19290_9a2453-0b"} -->\n'
           '<div class="wp-block-kadence-advancedbtn kb-buttons-wrap">'
           + whole("kadence/singlebtn", {"uniqueID": "a", "text": "Call To Action", "link": "/contact/",
                                         "color": "palette9", "icon": "fe_arrowRight"})
           + whole("kadence/singlebtn", {"uniqueID": "b", "text": "Secondary Button", "color": "palette9"})
           + "</div>\n<!-- /wp:kadence/advancedbtn -->\n\n"
           '<!-- wp:kadence/testimonials {"uniqueID":"c","layout":"carousel"} -->\n'
           + whole("kadence/testimonial", {"uniqueID": "d", "url": "https://example.com/face.jpg",
                                           "content": "Quick and <em>kind</em> service.", "name": "Customer Name",
                                           "occupation": "Customer Title"})
           + "\n<!-- /wp:kadence/testimonials -->")
    assert shown(raw) == ("[Call To Action](/contact/)\n\nSecondary Button\n\n"
                          "> Quick and *kind* service.\n>\n> — Customer Name, Customer Title\n")


def test_ultimate_blocks_saved_as_attributes_show_their_words() -> None:
    """Ultimate Blocks prints every block in PHP (`save: () => null`): a call to action, a tweetable quote, a
    testimonial, a notice, a heading and a row of buttons, as its block.json names their attributes."""
    raw = "\n\n".join((
        whole("ub/advanced-heading", {"content": "Our plans", "level": "h3", "blockID": "1"}),
        whole("ub/call-to-action-block", {"ub_call_to_action_headline_text": "Join us",
                                          "ub_cta_content_text": "Members read first.", "ub_cta_button_text": "Sign up",
                                          "url": "https://example.com/join", "selectedHeadingTag": "h2"}),
        whole("ub/click-to-tweet", {"ubTweet": "News is a public good.", "tweetColor": "#444"}),
        whole("ub/testimonial", {"ub_testimonial_text": "It changed my mornings.", "ub_testimonial_author": "Ana",
                                 "ub_testimonial_author_role": "Reader"}),
        whole("ub/notification-box-block", {"ub_notify_info": "Offices close at noon.",
                                            "ub_selected_notify": "ub_notify_warning"}),
        whole("ub/button", {"buttons": [{"buttonText": "Donate", "url": "https://example.com/give", "size": "large"},
                                        {"buttonText": "Subscribe", "url": "javascript:alert(1)"}]})))
    assert shown(raw) == ("### Our plans\n\n## Join us\n\nMembers read first.\n\n"
                          "[Sign up](https://example.com/join)\n\n"
                          "> News is a public good.\n\n> It changed my mornings.\n>\n> — Ana, Reader\n\n"
                          "Offices close at noon.\n\n[Donate](https://example.com/give)\n\nSubscribe\n")


def test_a_rank_math_faq_saved_as_attributes_shows_its_visible_questions() -> None:
    """Rank Math's FAQ and How-to blocks, as older versions saved them (attributes alone): a question its author
    hid (`"visible":false`) is hidden on the live page too."""
    faq = whole("rank-math/faq-block", {"questions": [
        {"id": "faq-question-1", "title": "What is a URL?", "content": "A <strong>web address</strong>.",
         "visible": True},
        {"id": "faq-question-2", "title": "Draft question", "content": "Not ready.", "visible": False}],
        "titleWrapper": "h4"})
    howto = whole("rank-math/howto-block", {"description": "Two steps.", "steps": [
        {"id": "howto-step-1", "title": "Open the theme", "content": "Go to the theme section.", "visible": True},
        {"id": "howto-step-2", "title": "Save", "content": "", "visible": True}]})
    assert shown(faq + "\n\n" + howto) == ("#### What is a URL?\n\nA **web address**.\n\nTwo steps.\n\n"
                                           "### Open the theme\n\nGo to the theme section.\n\n### Save\n")


def test_a_block_saved_with_its_own_html_keeps_it_and_shows_once() -> None:
    """Rank Math saves its FAQ's HTML since 2021 (the block's `save`): that HTML is what shows, once."""
    attributes = json.dumps({"questions": [{"id": "q", "title": "Why?", "content": "Because.", "visible": True}]})
    raw = (f"<!-- wp:rank-math/faq-block {attributes} -->\n<div class=\"wp-block-rank-math-faq-block\">"
           '<div class="rank-math-faq-item"><h3 class="rank-math-question">Why?</h3>'
           '<div class="rank-math-answer">Because.</div></div></div>\n<!-- /wp:rank-math/faq-block -->')
    assert shown(raw) == "### Why?\n\nBecause.\n"


def test_wrong_typed_attributes_and_blocks_of_settings_show_nothing_and_raise_nothing() -> None:
    raw = "".join((
        whole("kadence/singlebtn", {"text": 5, "link": ["/x/"]}),
        whole("kadence/testimonial", {"content": None, "name": "Ana"}),
        whole("rank-math/faq-block", {"questions": "none", "titleWrapper": 3}),
        whole("rank-math/faq-block", {"questions": [None, 7, {"title": {"a": 1}, "content": []}]}),
        whole("ub/button", {"buttons": [None, "x"]}),
        whole("ub/advanced-heading", {"content": "Kept", "level": "h1>"}),
        "<!-- wp:kadence/singlebtn [1, 2] /-->",
        '<!-- wp:kadence/singlebtn {"text": "broken" /-->',
        whole("kadence/icon", {"icon": "fe_star", "size": 24, "showText": True})))
    assert shown(raw) == "## Kept\n"


def test_an_exported_kadence_page_keeps_its_buttons(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    body = ('<!-- wp:paragraph -->\n<p>Book a visit.</p>\n<!-- /wp:paragraph -->\n\n'
            + whole("kadence/singlebtn", {"uniqueID": "a", "text": "Get a quote", "link": "https://example.com/q"}))
    path.write_text(export(item(7, "Visit", body, post_type="page")), encoding="utf-8")
    run_import([path], tmp_path / "content", ImportOptions(workers=1))
    page = loads((tmp_path / "content" / "page" / "post-7.md").read_text(encoding="utf-8"))
    assert page.body == "Book a visit.\n\n[Get a quote](https://example.com/q)\n"


VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner,
                                                                                    max_size=3), max_leaves=12)
KEYS = st.sampled_from(["text", "link", "content", "name", "occupation", "title", "questions", "steps", "visible",
                        "buttons", "buttonText", "url", "ubTweet", "level", "titleWrapper", "description", "label",
                        "progressAmount", "progressMax", "numberPrefix", "numberSuffix", "displayPercent"])


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(BLOCKS)), st.dictionaries(KEYS, VALUES, max_size=5), st.text(max_size=40))
def test_any_attributes_of_a_known_block_convert_without_error_or_warning(name: str, attributes: dict[str, object],
                                                                            around: str) -> None:
    raw = f"<p>{around}</p>\n{whole(name, attributes)}\n<p>{around}</p>"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        html_to_markdown(render_content(raw, 1, {}))


@settings(max_examples=100, deadline=None)
@given(st.from_regex(r"[A-Z][a-z]{2,9}(?: [a-z]{2,9}){2,6}", fullmatch=True))
def test_every_kind_shows_the_words_of_its_main_attribute(words: str) -> None:
    main = {"kadence/singlebtn": "text", "kadence/testimonial": "content", "ub/click-to-tweet": "ubTweet",
            "ub/testimonial": "ub_testimonial_text", "ub/call-to-action-block": "ub_cta_content_text",
            "ub/notification-box-block": "ub_notify_info", "ub/advanced-heading": "content", "ub/button": "buttonText"}
    for name, key in main.items():
        assert words in shown(whole(name, {key: words})), name
    for name, rows in (("rank-math/faq-block", "questions"), ("rank-math/howto-block", "steps")):
        assert words in shown(whole(name, {rows: [{"title": words, "content": words, "visible": True}]})), name


def test_a_kadence_progress_bar_shows_its_label_and_how_far_it_got() -> None:
    """Kadence prints its progress bar in PHP: its label, and its amount (90 unless set) up to its maximum between
    its number's prefix and suffix (`%` unless set)."""
    raw = "\n\n".join((whole("kadence/progress-bar", {"uniqueID": "a", "label": "Design", "progressAmount": 75}),
                       whole("kadence/progress-bar", {"label": "Budget", "progressAmount": 1.5, "progressMax": 2,
                                                      "numberPrefix": "$", "numberSuffix": "M"}),
                       whole("kadence/progress-bar", {"label": "Hidden number", "displayPercent": False}),
                       whole("kadence/progress-bar", {"label": "Over", "progressAmount": 140}),
                       whole("kadence/progress-bar", {"progressAmount": True, "progressMax": "x"})))
    assert shown(raw) == "Design 75%\n\nBudget $1.5M\n\nHidden number\n\nOver 100%\n\n90%\n"


def test_half_an_emoji_escaped_in_a_block_s_attributes_is_shown_as_the_replacement_character(tmp_path: Path) -> None:
    """`{"text":"Go \\ud83d now"}`: the JSON reader keeps the lone half, which no page can be written with; the post
    failed to convert ("this is a bug in newsmirror"), for an ACF block's fields as for a dynamic block's words."""
    path = tmp_path / "export.xml"
    body = ('<!-- wp:kadence/singlebtn {"text":"Go \\ud83d now"} /-->\n'
            '<!-- wp:acf/notice {"name":"acf/notice","data":{"title":"Hi \\udfff"}} /-->')
    path.write_text(export(item(7, "Visit", body)), encoding="utf-8")
    result = run_import([path], tmp_path / "content", ImportOptions(workers=1))
    page = loads((tmp_path / "content" / "post" / "post-7.md").read_text(encoding="utf-8"))
    assert page.body == "Go \ufffd now\n\n**Title:** Hi \ufffd\n" and not result.problems


def test_another_plugin_s_block_saved_as_settings_alone_is_counted_as_a_loss() -> None:
    """A post grid, a map, a product: what such a block showed on the live page the export does not hold. Each is
    counted under its name; WordPress's own blocks and ACF's, which other rules render, are not."""
    raw = ("<!-- wp:paragraph -->\n<p>Our latest stories:</p>\n<!-- /wp:paragraph -->\n"
           + whole("kadence/postgrid", {"postsToShow": 3}) + "\n<!-- wp:getwid/template-post-date /-->\n"
           + "<!-- wp:latest-posts /-->\n<!-- wp:core/archives /-->\n"
           + whole("acf/notice", {"name": "acf/notice", "data": {"field_1": "x"}}))
    ctx = Context()
    assert html_to_markdown(render_content(raw, 1, {}), ctx) == "Our latest stories:\n"
    assert ctx.losses.details == [f"{UNSHOWN_BLOCK}: kadence/postgrid", f"{UNSHOWN_BLOCK}: getwid/template-post-date"]
