"""A theme's own blocks that its PHP draws from their attributes, in an export: shown by their words and pictures
(convert/block_attributes.py, through convert/dynamic_blocks.py). An agency's theme demo imported 9 of its 13 pages
empty."""

from __future__ import annotations

import html
import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import importer
from generator.convert.context import UNSHOWN_BLOCK, Context
from generator.convert.markdown import html_to_markdown
from generator.convert.wp_render import render_content
from generator.importer import ImportOptions, run_import
from tests.test_wxr import export, item

PICTURE = "https://agency.example/wp-content/uploads/2026/05/billboard.jpg"


def block(name: str, attributes: object) -> str:
    return f"<!-- wp:{name} {json.dumps(attributes, ensure_ascii=False)} /-->"


def test_a_themes_block_shows_its_words_pictures_and_cards_and_no_settings() -> None:
    hero = {"title": "      Expansive", "subtitle": "Ideas, everywhere.", "mediaId": 218, "mediaUrl": PICTURE,
            "mediaAlt": "A billboard", "title1Color": "#00c2ff", "title2Weight": "800", "height": "400px"}
    cards = {"marqueeFontSize": 32, "cards": [
        {"title": "Poster", "text": "Large billboards.", "mediaUrl": PICTURE, "mediaAlt": ""},
        {"title": "Maxi", "text": "Oversized installations.", "layout": "E"}]}
    card = {"layout": "E", "imageUrl": PICTURE, "title": "MAXI", "description": "Sold <em>out</em> by May.",
            "ctaLabel": "SEE OUR WORK", "ctaUrl": "/about", "bgColor": "#181818", "useAspectRatio": False}
    raw = "\n\n".join(block(f"arkimedia/{name}", attributes) for name, attributes in
                      (("hero", hero), ("services", cards), ("card", card)))
    assert html_to_markdown(render_content(raw, 1, {})) == (
        "**Expansive**\n\n**Ideas, everywhere.**\n\n![A billboard](" + PICTURE + ")\n\n"
        "**Poster**\n\nLarge billboards.\n\n![](" + PICTURE + ")\n\n**Maxi**\n\nOversized installations.\n\n"
        "![](" + PICTURE + ")\n\n**MAXI**\n\nSold *out* by May.\n")


def test_forms_and_blocks_of_settings_show_nothing_and_are_counted_and_wordpress_own_are_left() -> None:
    raw = "\n".join([block("contact-form-7/contact-form-selector", {"id": 5, "title": "Contact form 1"}),
                     block("gravityforms/form", {"formId": "1", "title": "Signup"}),
                     block("uagb/post-grid", {"ctaText": "Read More", "postsToShow": 6, "displayPostTitle": True}),
                     block("core/latest-posts", {"title": "Latest"}), block("theme/spacer", {"height": "40px"}),
                     '<!-- wp:theme/broken {"title": x} /-->',
                     '<!-- wp:jetpack/contact-form {"subject":"Feedback"} --><div class="wp-block-jetpack-contact-form">'
                     '<!-- wp:jetpack/field-name {"required":true} --><div>'
                     + block("jetpack/label", {"label": "Name", "requiredText": "(required)"})
                     + block("jetpack/input", {"style": {"border": {"style": "solid"}}}) + '</div><!-- /wp:jetpack/field-name -->'
                     + block("jetpack/option", {"placeholder": "Add option…", "label": "1 - Very Bad"})
                     + block("jetpack/button", {"element": "button", "text": "Submit"})
                     + '</div><!-- /wp:jetpack/contact-form -->'])
    ctx = Context()
    assert html_to_markdown(render_content(raw, 1, {}), ctx) == ""
    assert ctx.losses.details == [f"{UNSHOWN_BLOCK}: {name}" for name in (
        "contact-form-7/contact-form-selector", "gravityforms/form", "uagb/post-grid", "theme/spacer", "theme/broken",
        "jetpack/label", "jetpack/input", "jetpack/option", "jetpack/button")]


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.one_of(st.text(), st.integers(), st.booleans(), st.none()),
                    lambda inner: st.one_of(st.lists(inner, max_size=4),
                                            st.dictionaries(st.sampled_from(["title", "mediaUrl", "text", "cards",
                                                                             "x", "imageAlt", "mediaAlt"]),
                                                            inner, max_size=4)), max_leaves=12))
def test_any_attributes_render_without_an_error_or_a_warning(attributes: object) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        html_to_markdown(render_content(block("theme/any", attributes), 1, {}))


def test_a_lone_surrogate_escaped_in_a_blocks_attributes_is_a_replacement_character() -> None:
    """JSON may escape a lone surrogate (`\\ud800`), which the HTML parser cannot take: an ACF block's field so
    written stopped the conversion of its post."""
    raw = ('<!-- wp:acf/notice {"data":{"title":"Caf\\ud800"}} /-->\n'
           '<!-- wp:theme/hero {"title":"Caf\\udc00","mediaUrl":"' + PICTURE + '"} /-->')
    markdown = html_to_markdown(render_content(raw, 1, {}))
    assert markdown == f"**Title:** Caf\ufffd\n\n**Caf\ufffd**\n\n![]({PICTURE})\n"


def test_attributes_nested_thousands_deep_leave_the_block_out_and_the_import_goes_on(tmp_path: Path) -> None:
    """Python's JSON reader raises RecursionError on arrays nested thousands deep: in an ACF block's `data`, the
    whole import stopped with a traceback, the posts rendered as they are read."""
    deep = "[" * 5000 + "]" * 5000
    blocks = "\n".join([f'<!-- wp:acf/notice {{"data":{deep}}} /-->', f'<!-- wp:theme/hero {{"title":{deep}}} /-->',
                        f'<!-- wp:block {{"ref":{deep}}} /-->', f'<!-- wp:embed {{"url":{deep}}} /-->',
                        f'<!-- wp:paragraph {{"a":{deep}}} -->\n<p>Still here.</p>\n<!-- /wp:paragraph -->'])
    (tmp_path / "site.xml").write_text(export(item(1, "Deep", blocks) + item(2, "Next", "<p>Next.</p>")),
                                       encoding="utf-8")
    result = run_import([tmp_path / "site.xml"], tmp_path / "content", ImportOptions(workers=1))
    assert result.problems == []
    assert (tmp_path / "content" / "post" / "post-1.md").read_text(encoding="utf-8").endswith("\nStill here.\n")
    assert (tmp_path / "content" / "post" / "post-2.md").exists()


def test_a_post_the_scan_cannot_render_is_named_by_its_conversion_and_the_others_are_imported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(data: dict[str, object]) -> dict[str, str]:
        raise RuntimeError("a bug")

    monkeypatch.setattr(importer, "rendered_content", failing)
    (tmp_path / "site.xml").write_text(export(item(1, "One", "<p>One.</p>") + item(2, "Two", "<p>Two.</p>")),
                                       encoding="utf-8")
    result = run_import([tmp_path / "site.xml"], tmp_path / "content", ImportOptions(workers=1))
    assert result.problems == []
    assert sorted(p.name for p in (tmp_path / "content" / "post").glob("*.md")) == ["post-1.md", "post-2.md"]


def test_json_nested_thousands_deep_in_a_players_or_galleries_attribute_is_read_as_none(tmp_path: Path) -> None:
    """A slideshow's `data-gallery`, a player's `data-item` and a story's `data-settings` are JSON: nested
    thousands deep, the post was "could not be converted (RecursionError …)"."""
    deep = html.escape("[" * 5000 + "]" * 5000)
    content = (f'<div class="jetpack-slideshow" data-gallery="{deep}"></div>'
               f'<div class="flowplayer" data-item="{deep}"></div>'
               f'<div class="wp-block-jetpack-story" data-settings="{deep}"></div><p>Kept.</p>')
    (tmp_path / "site.xml").write_text(export(item(1, "Deep", content)), encoding="utf-8")
    result = run_import([tmp_path / "site.xml"], tmp_path / "content", ImportOptions(workers=1))
    assert result.problems == []
    assert (tmp_path / "content" / "post" / "post-1.md").read_text(encoding="utf-8").endswith("\nKept.\n")
