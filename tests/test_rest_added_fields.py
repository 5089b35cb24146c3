"""A plugin's post type may serve its content as fields of its own at the top of the REST response, beside
WordPress's (`register_rest_field`): they are shown as the type's custom fields are, and a repeated field's rows of
a title and its text as the page laid them out. Modelled on a real WP Travel Engine trip saved from a travel
agency's site (its price, description, what the price includes and its day-by-day itinerary), in words of our own."""

from __future__ import annotations

import re
import time
from html import unescape

from hypothesis import assume, given
from hypothesis import strategies as st

from generator.convert.context import STRUCTURED_FIELD
from generator.convert.rest_fields import added_fields, titled_rows
from generator.convert.wp_post import Lookups, to_document
from tests.conftest import rest_item

LINKS = {"self": [{"href": "https://example.com/wp-json/wp/v2/trip/7"}],
         "wp:term": [{"taxonomy": "destination", "embeddable": True,
                      "href": "https://example.com/wp-json/wp/v2/destination?post=7"}]}
TRIP = {
    "type": "trip", "_links": LINKS, "content": {"rendered": "<p>A short walk in the hills.</p>"},
    "destination": [4, 5], "packages_ids": [510], "class_list": ["post-7", "trip"],
    "cut_off_time": {"enabled": False, "duration": 0, "duration_unit": "days"},
    "wp_travel_engine_setting_trip_actual_price": "1999", "price": 1999, "sale_price": 0, "has_sale": 0,
    "currency": {"code": "EUR", "symbol": "&#8364;"}, "duration": {"days": 5, "nights": 4},
    "featured_image": {}, "is_featured": False, "min_pax": "",
    "description": "<!-- wp:paragraph -->\n<p>Countries: one and two</p>\n<!-- /wp:paragraph -->",
    "cost_includes": "Hotel nights\nBreakfast every day", "cost_excludes": "Flights",
    "itineraries": [{"title": "Arrival", "content": "<!-- wp:paragraph -->\n<p>We meet at the station.</p>\n"
                                                   "<!-- /wp:paragraph -->"},
                    {"title": "Up the hill", "content": "Breakfast, then the climb.\nLunch at the top."}],
    "yoast_head": "<title>Trip</title>", "aioseo_head_json": {"title": "Trip"},
    # What plugins add to every type's response, shown elsewhere on the page or not at all.
    "uagb_excerpt": "A short walk in the hills.", "uagb_author_info": {"display_name": "Sam Smith"},
    "wpml_current_locale": "en_US", "pll_sync_post": [], "featured_image_url": "https://example.com/a.jpg",
}


def body(**fields: object) -> str:
    return to_document(rest_item(**fields), Lookups()).document.body


def test_a_trip_shows_what_its_plugin_served_beside_its_content() -> None:
    assert body(**TRIP) == (
        "A short walk in the hills.\n\n**Price:** 1999\n\n**Description:**\n\nCountries: one and two\n\n"
        "**Cost includes:** Hotel nights\\\nBreakfast every day\n\n**Cost excludes:** Flights\n\n**Itineraries:**\n\n"
        "**Arrival**\n\nWe meet at the station.\n\n**Up the hill**\n\nBreakfast, then the climb.\\\n"
        "Lunch at the top.\n")


def test_wordpress_own_types_and_posts_not_served_so_keep_to_their_content() -> None:
    unserved = {key: value for key, value in TRIP.items() if key != "_links"}
    for fields in ({**TRIP, "type": "post"}, {**TRIP, "type": "page"}, {**TRIP, "type": "attachment"},
                   unserved):
        assert added_fields(rest_item(**fields)) == {}
    assert body(**{**TRIP, "type": "post"}) == body(**unserved) == "A short walk in the hills.\n"


def test_the_fields_read_are_the_plugins_own_and_set() -> None:
    assert list(added_fields(rest_item(**TRIP))) == [
        "cut_off_time", "price", "currency", "duration", "description", "cost_includes", "cost_excludes", "itineraries"]


def test_rows_not_all_a_title_and_its_text_stay_out_and_are_counted() -> None:
    rows = [{"title": "Arrival", "content": "We meet."}, {"title": "Day two", "price": 12}]
    document = to_document(rest_item(**{**TRIP, "itineraries": rows}), Lookups())
    assert "Arrival" not in document.document.body
    assert document.losses.counts[STRUCTURED_FIELD] == 1


def test_a_faq_field_shows_its_questions_over_their_answers() -> None:
    faqs = [{"question": "Is it steep?", "answer": "A little <b>at the end</b>."},
            {"question": "Meals?", "answer": ""}]
    assert titled_rows(faqs) == ("<p><strong>Is it steep?</strong></p>\n<p>A little <b>at the end</b>.</p>\n"
                                 "<p><strong>Meals?</strong></p>")


@given(st.lists(st.fixed_dictionaries({"title": st.text(), "content": st.text()}), max_size=5))
def test_every_row_of_titles_and_texts_keeps_its_words(rows: list[dict[str, str]]) -> None:
    assume(not any(c in row["content"] for row in rows for c in "<>"))
    shown = unescape(re.sub(r"<[^<>]*>", "", titled_rows(rows)))
    for row in rows:
        for line in (row["title"].strip(), *row["content"].strip().splitlines()):
            assert line.strip() in shown


def test_many_rows_take_linear_time() -> None:
    rows = [{"title": "Day", "content": "Walk\nRest"}] * 100_000
    start = time.process_time()
    assert titled_rows(rows).count("<strong>Day</strong>") == 100_000
    assert time.process_time() - start < 2


# What plugins add to every post's response of a site (Jetpack, reading-time and short-link plugins, REST API
# Helper's `x_` copies), whatever its type: none of it was the post's text on its page.
SITE_WIDE = {"jetpack-related-posts": [{"id": 5, "url": "https://example.com/other/", "title": "Other story"}],
             "jetpack_shortlink": "https://wp.me/pabc-3Rq", "jetpack_sharing_enabled": True, "amp_enabled": True,
             "reading_time": "3 min", "estimated_reading_time_minutes": 3, "modified_by": "Editor",
             "custom_permalink": "https://example.com/z/", "short_url": "https://x.co/a", "post_views": 1234,
             "x_categories": "Mining", "rank_math_seo_score": 77}


def test_a_custom_type_whose_content_is_the_story_shows_no_field_plugins_added_beside_it() -> None:
    story = " ".join(f"<p>Sentence {n} of the report on rare earth supply chains.</p>" for n in range(12))
    news = {**TRIP, **SITE_WIDE, "type": "news-archive", "content": {"rendered": story}}
    assert added_fields(rest_item(**news)) == {}
    assert "**" not in body(**news)


def test_a_trips_fields_are_shown_without_what_plugins_add_to_every_post() -> None:
    shown = body(**{**TRIP, **SITE_WIDE})
    assert shown == body(**TRIP)


def test_counting_a_long_or_hostile_contents_words_takes_linear_time() -> None:
    from generator.convert.rest_fields import _thin
    for rendered in ("<" * 100_000, "<a" * 100_000, "<p>" * 100_000 + "x", "word " * 100_000):
        started = time.process_time()
        _thin({"rendered": rendered})
        assert time.process_time() - started < 1.0, rendered[:10]
