"""ACF's repeaters as an export's and a dump's custom fields hold them (`tour_itinerary` = `2`,
`tour_itinerary_0_itinerary_time` = `9 AM`…), shown as a list of their rows under the repeater's label: a tour
operator's page labelled each field with its row's number ("Tour itinerary 0 itinerary time: 9 AM", 25 lines),
and the first row's description was taken for the page's body."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from generator.convert import acf_rows
from tests.test_custom_fields import body_of

TOUR = {"tour_overview_price": "1500",
        "tour_highlights_0_highlight_title": "Excellent Safari", "tour_highlights_0_highlight_icon": "fa-star",
        "tour_highlights_0_highlight_description": "Dunes at dusk", "tour_highlights_1_highlight_title": "Camels",
        "tour_highlights": "2",
        "tour_itinerary_0_itinerary_time": "9 AM", "tour_itinerary_0_itinerary_activity": "Hiking",
        "tour_itinerary": "1", "address_1_line": "Front Desk"}


def test_a_repeaters_rows_are_a_list_under_its_label() -> None:
    assert body_of("tours", "", meta=TOUR) == (
        "**Tour overview price:** 1500\n\n"
        "**Tour highlights:**\n\n"
        "- **Highlight title:** Excellent Safari; **Highlight description:** Dunes at dusk\n"
        "- **Highlight title:** Camels\n\n"
        "**Tour itinerary:**\n\n"
        "- **Itinerary time:** 9 AM; **Itinerary activity:** Hiking\n\n"
        "**Address 1 line:** Front Desk\n")


def test_a_row_with_a_picture_shows_its_fields_one_after_the_other_a_rule_between_rows_and_no_row_is_the_body() -> None:
    cards = {"about_content_0_name": "Franck Martin", "about_content_0_photo": "https://example.com/up/franck.png",
             "about_content_0_content": "<p>Teaches C.</p>", "about_content_1_name": "Yves Landry",
             "about_content": "2"}
    assert body_of("team", "", meta=cards) == (
        "**About content:**\n\n**Name:** Franck Martin\n\n![](https://example.com/up/franck.png)\n\n"
        "**Content:**\n\nTeaches C.\n\n---\n\n"
        "**Name:** Yves Landry\n")


def test_rows_past_the_count_and_fields_without_one_stay_fields() -> None:
    values = {"list_0_name": "A", "list_1_name": "B", "list": "1", "other_0_name": "C", "count": "3"}
    folded = acf_rows.folded(values)
    assert folded["list"] == acf_rows.Rows(((("name", "A"),),))
    assert [key for key in folded] == ["list_1_name", "list", "other_0_name", "count"]


@given(st.dictionaries(st.from_regex(r"[a-c]{1,2}(_[0-2]_[a-c]{1,2})?", fullmatch=True),
                       st.one_of(st.sampled_from(["0", "1", "2", "3"]), st.text(max_size=3))))
@example({"a": "0", "aa": "²", "aa_0_a": "0"})  # `²` is a digit to str.isdigit, and int() raised on it
def test_folding_keeps_every_value_once(values: dict[str, str]) -> None:
    folded = acf_rows.folded(values)
    seen = [value for key, value in folded.items() if not isinstance(value, acf_rows.Rows)]
    seen += [value for rows in folded.values() if isinstance(rows, acf_rows.Rows) for row in rows.rows
             for _, value in row]
    counted = [key for key, value in folded.items() if isinstance(value, acf_rows.Rows)]
    assert sorted(seen + [values[key] for key in counted]) == sorted(values.values())
