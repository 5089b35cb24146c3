"""Post types a plugin keeps its own settings in: exported with the posts, never pages of the site."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.importer import run_import
from generator.sources.plugin_records import is_plugin_record
from generator.store.documents import document_files
from tests.test_wxr import export, item


def assert_skipped_beside_a_post(tmp_path: Path, record: str, ident: int) -> None:
    """An export of `record` (an item numbered `ident`) and a post imports the post alone, and names the record."""
    path = tmp_path / "export.xml"
    path.write_text(export(record + item(135, "News", "<p>Text.</p>")))
    result = run_import([path], tmp_path / "content")
    assert [p.parent.name for p in document_files(tmp_path / "content")] == ["post"]
    assert any(f"item {ident}: a plugin's own record" in line for line in result.skipped)


# AIPKit's chatbots and AI forms; Event Tickets' RSVP tickets and attendees (a ticket of The Events Calendar's test
# site was a page of its own, `/tribe_rsvp_tickets/job-career-fair/`; an attendee's fields hold the name and e-mail
# address of who took the ticket); WPShop's e-mails to customers, help bubbles, entity definitions and customers (a
# French geek shop's dump: 16 e-mail templates, "Bonjour [customer_first_name]…", 15 help bubbles of its admin
# screens and 3 entity definitions were pages under /wpshop_shop_message/, /wps_bubble/ and /wpshop_entities/).
@pytest.mark.parametrize("post_type", ["aipkit_chatbot", "aipkit_ai_form", "tribe_rsvp_tickets", "tribe_rsvp_attendees",
                                       "tec_tc_attendee", "wpshop_shop_message", "wps_bubble", "wpshop_entities",
                                       "wpshop_customers"])
def test_a_plugins_own_record_is_skipped(tmp_path: Path, post_type: str) -> None:
    assert_skipped_beside_a_post(tmp_path, item(134, "Default", "", post_type=post_type), 134)


@pytest.mark.parametrize(("post_type", "title", "content"), [
    ("bp-email", "[{{{site.name}}}] Activate your account",
     "<!-- wp:paragraph -->\n<p>Thanks for registering! To complete the activation of your account, go to the "
     "following link: <a href=\"{{{activate.url}}}\">{{{activate.url}}}</a></p>\n<!-- /wp:paragraph -->"),
    ("revisr_commits", "Backed up the database with Revisr.", ""),
    ("wpak_apps", "School app", ""),
    ("ppwpslack", "Slack channel", ""),
    ("rainmaker_lead", "138", "[rm_field name=email]visitor@example.org[/rm_field]"),
    ("rainmaker_form", "keep_in_touch_form", ""),
    ("es_template", "New Post Published – {{POSTTITLE}}",
     "Hello {{NAME}},\n\nWe have published a new blog article on our website : {{POSTTITLE}}"),
    ("fbfba_facebook_feed", "News Page", ""),
    ("wssf_social_feed", "News", ""),
    ("cptm", "Team Members", "people on the leadership team"),
    ("cptm_tax", "City", ""),
    ("bpge_fields_set", "WebTV", "WebTV"),
    ("bpge_fields", "Channel", "Where the group streams"),
])
def test_plugins_emails_commits_leads_and_settings_are_skipped_as_plugin_records(
        tmp_path: Path, post_type: str, title: str, content: str) -> None:
    # A Montessori school's dump saved by Revisr: 16 BuddyPress e-mail templates were pages under /bp-email/ whose
    # links led to `{{{activate-site.url}}}` on the site, beside the app and Slack settings of two other plugins; a
    # permaculture blog's 4 commit messages ("Initial WordPress install") were pages of Revisr's type. A university
    # theatre's dump (WP Engine's wp-content/mysql.sql): Rainmaker's leads were pages under /rainmaker_lead/ showing
    # a visitor's name and e-mail address, beside its forms and Email Subscribers' templates; a political group's
    # held its social feeds' settings, a women-in-tech conference's the definitions Custom Post Type Maker keeps of
    # its types ("Label: Committee_Mbrs").
    assert_skipped_beside_a_post(tmp_path, item(11, title, content, post_type=post_type), 11)


@pytest.mark.parametrize("post_type", ["ap_outbox", "ap_inbox", "ap_actor", "ap_follower", "ap_extrafield"])
def test_the_activitypub_plugins_activities_and_followers_are_skipped_as_plugin_records(
        tmp_path: Path, post_type: str) -> None:
    # As a WordPress.com site's export holds them: each activity sent is a published item whose content is the
    # activity's JSON, a copy of a post the export holds anyway; followers are other people's accounts.
    activity = ('{"@context":["https://www.w3.org/ns/activitystreams"],"id":"https://example.com/?post_type='
                'ap_outbox\\u0026p=955","type":"Create","object":{"content":"\\u003Cp\\u003EText.\\u003C/p\\u003E"}}')
    assert_skipped_beside_a_post(tmp_path, item(955, "[Create] News", activity, post_type=post_type), 955)


@pytest.mark.parametrize("post_type", ["metform-entry", "metform-form"])
def test_metforms_forms_and_the_entries_visitors_sent_are_skipped_as_plugin_records(
        tmp_path: Path, post_type: str) -> None:
    # An entry's title is "Entry # 2" and its custom fields hold the name and email a visitor typed: it was imported
    # as a page of the site, under /metform-entry/.
    assert_skipped_beside_a_post(tmp_path, item(289, "Entry # 2", "", post_type=post_type), 289)


@pytest.mark.parametrize(("post_type", "content"), [
    # Formidable Forms' form actions and styles, as a dump of a French shop held them: each was a page of JSON.
    ("frm_form_actions", '{"email_to":"[default-email]","from":"[sitename] <[default-from-email]>","event":["create"]}'),
    ("frm_styles", '{"theme_css":"ui-lightness","form_width":"100%","font":"Noto Sans"}'),
    ("some_plugin_log", '[{"time":1700000000,"level":"info"}]'),
])
def test_a_post_of_a_plugins_type_whose_whole_text_is_json_is_skipped_as_a_plugin_record(
        tmp_path: Path, post_type: str, content: str) -> None:
    assert_skipped_beside_a_post(tmp_path, item(60, "Send the e-mail", content, post_type=post_type), 60)


@pytest.mark.parametrize(("post_type", "content"), [
    ("post", '{"a": 1}'),  # an author's post is imported whatever it holds
    ("page", '["a"]'),
    ("recipe", "{Flour} and [sugar]"),  # braces and brackets that are no JSON
    ("recipe", "{}"),  # nothing in it: an empty record is no reason to skip
])
def test_posts_and_pages_and_text_that_is_not_json_stay_posts(tmp_path: Path, post_type: str, content: str) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(60, "Title", content, post_type=post_type)))
    run_import([path], tmp_path / "content")
    assert [p.parent.name for p in document_files(tmp_path / "content")] == [post_type]


def test_a_plugins_empty_item_whose_slug_is_a_web_address_is_skipped_as_a_link_elsewhere(tmp_path: Path) -> None:
    # IDX Broker's search pages in a real-estate theme's export: 23 empty pages, each slug a problem (exit 1).
    path = tmp_path / "export.xml"
    path.write_text(export(item(2232, "Address", "", post_type="equity_idx_page",
                                slug="http://listings.example.net/idx/search/address")
                           + item(135, "News", "<p>Text.</p>")))
    result = run_import([path], tmp_path / "content")
    assert [p.parent.name for p in document_files(tmp_path / "content")] == ["post"]
    assert any("item 2232: a plugin's own record" in line for line in result.skipped)
    assert not result.problems


@pytest.mark.parametrize(("post_type", "content"), [
    ("post", ""),  # an author's empty post keeps its odd slug, named as a problem
    ("equity_idx_page", "<p>Our own search page.</p>"),  # text of its own: a page
])
def test_an_odd_slug_on_a_post_or_on_a_page_with_text_is_no_plugin_record(tmp_path: Path, post_type: str,
                                                                           content: str) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(60, "Search", content, post_type=post_type, slug="http://e.net/idx/search")))
    run_import([path], tmp_path / "content")
    assert [p.parent.name for p in document_files(tmp_path / "content")] == [post_type]


@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, "{" * 100_000 + "}", '{"a":' * 50_000 + "1"
                                     + "}" * 50_000, "[" + "1," * 100_000 + "1]", "https://e.net/ " * 100_000])
def test_hostile_text_is_read_in_linear_time_and_never_fails_the_import(content: str) -> None:
    # JSON nested 100,000 deep made the parser raise RecursionError, which would have stopped the import.
    started = time.process_time()
    for post_type in ("recipe", "post"):
        is_plugin_record(post_type, {"content:encoded": content, "wp:post_name": content})
    assert time.process_time() - started < 2
