"""ACF Pro's blocks in an export, shown by their fields (convert/acf_blocks.py)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.acf_blocks import fields_html
from generator.convert.markdown import html_to_markdown
from generator.convert.wp_render import render_content
from generator.importer import ImportOptions, run_import
from generator.store.documents import loads
from tests.test_wxr import export, item

# In the shape of a real block (a Russian developer's blog, `acf/acf-donate`): each field's value under its name,
# its field key under `_` and its name, a repeater's rows as `list_N_field` beside the row count `list`.
DONATE = {"title": "Support the newsroom", "_title": "field_646b621e8617c",
          "list_0_name": "Donatepay", "_list_0_name": "field_646b623e8617e",
          "list_0_url": "https://pay.example.org/@newsroom", "_list_0_url": "field_646b62528617f",
          "list_0_address": "", "_list_0_address": "field_646b625d86180",
          "list_1_name": "Bank transfer", "_list_1_name": "field_646b623e8617e",
          "list_1_url": "", "_list_1_url": "field_646b62528617f",
          "list": 2, "_list": "field_646b62308617d",
          "background_color": "#ffffff", "_background_color": "field_646b62308617e", "show_icons": "1"}


def block(name: str, data: dict[str, object], inner: str = "") -> str:
    attrs = json.dumps({"id": "block_64678dc93985f", "name": f"acf/{name}", "data": data, "mode": "edit"},
                       ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    if not inner:
        return f"<!-- wp:acf/{name} {attrs} /-->"
    return f"<!-- wp:acf/{name} {attrs} -->\n{inner}\n<!-- /wp:acf/{name} -->"


def test_an_acf_block_shows_its_fields_words_and_rows_and_no_settings() -> None:
    raw = ("<!-- wp:paragraph -->\n<p>The archive is free to read.</p>\n<!-- /wp:paragraph -->\n\n"
           + block("acf-donate", DONATE))
    assert html_to_markdown(render_content(raw, 1, {})) == (
        "The archive is free to read.\n\n**Title:** Support the newsroom\n\n"
        "- **Name:** Donatepay; **Url:** <https://pay.example.org/@newsroom>\n- **Name:** Bank transfer\n")


def test_a_block_s_text_field_is_its_text_and_its_inner_blocks_stay() -> None:
    data = {"content": "<p>The board met on <strong>Monday</strong>.</p>", "_content": "field_content_section",
            "background_class": "bkg-gradient-green", "_background_class": "field_content_section_bg_class"}
    inner = "<!-- wp:paragraph -->\n<p>It voted on the budget.</p>\n<!-- /wp:paragraph -->"
    raw = block("content-section", data, inner)
    assert html_to_markdown(render_content(raw, 1, {})) == "The board met on **Monday**.\n\nIt voted on the budget.\n"


def test_fields_named_only_by_their_key_and_blocks_without_data_show_nothing() -> None:
    """A block saved with its fields' keys alone (`field_688821b342b3b`) has no name to label them by; the
    theme's template, which the export lacks, is all that could show such a block (`acf/site-notice`)."""
    keyed = {"field_688821b342b3b": {"6888337fe058e": {"field_688821f142b3c": "288"}}, "field_68882ee45d8f6": "1"}
    raw = block("slider", keyed) + '\n<!-- wp:acf/site-notice {"name":"acf/site-notice","mode":"preview"} /-->'
    assert render_content(raw, 1, {}).strip() == ""


def test_an_exported_page_built_of_acf_blocks_has_a_body(tmp_path: Path) -> None:
    """138 pages of one real export imported with empty bodies: their blocks' fields were all they held."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(7, "Support us", block("acf-donate", DONATE), post_type="page")), encoding="utf-8")
    run_import([path], tmp_path / "content", ImportOptions(workers=1))
    page = loads((tmp_path / "content" / "page" / "post-7.md").read_text(encoding="utf-8"))
    assert "**Title:** Support the newsroom" in page.body and "Bank transfer" in page.body


SETTINGS = st.sampled_from(["#fff", "1", "0", "left", "bkg-green", "rgba(0,0,0,0)", "on", "20px", ""])
NAMES = st.from_regex(r"[a-z]{3,8}(?:_[a-z]{3,8})?", fullmatch=True)


@given(st.dictionaries(NAMES, SETTINGS, max_size=6))
def test_a_block_of_settings_alone_shows_nothing(data: dict[str, str]) -> None:
    assert fields_html(data) == ""


@given(st.dictionaries(NAMES, st.from_regex(r"[A-Z][a-z]{2,9}(?: [a-z]{2,9}){3,8}\.", fullmatch=True), min_size=1,
                       max_size=5))
def test_every_sentence_a_block_holds_is_shown(data: dict[str, str]) -> None:
    shown = html_to_markdown(fields_html(data))
    assert all(sentence in shown for sentence in data.values())


def test_a_stat_block_s_numbers_show_beside_their_words_and_its_controls_do_not() -> None:
    """In the shape of a real brokerage's agent pages (exported with ACF Pro blocks): a stat block's rows, a
    button that opened a contact form, and a field holding a shortcode the template ran."""
    data = {"section_title": "Highlights", "_section_title": "field_5e1893923e93b", "has_title": "1",
            "items_0_text": "Avg. rating", "_items_0_text": "field_5dc55d916245e", "items_0_number": "4.8",
            "items_1_text": "Career sales", "items_1_number": "$500 + Million", "items": 2,
            "button_text": "Contact Me", "form_title_text": "Contact Ana", "confirmation_behaviour": "Default message",
            "shortcode": '[past_sales market="crmls" pageSize="8"]'}
    assert html_to_markdown(fields_html(data)) == (
        "**Section title:** Highlights\n\n- Avg. rating; **Number:** 4.8\n"
        '- Career sales; **Number:** $500 + Million\n\n[past_sales market="crmls" pageSize="8"]\n')
