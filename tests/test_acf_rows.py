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


# In the shape of a magazine's dump (an online culture journal's theme): the article's sections are ACF's Flexible
# Content, its rows' layouts listed in PHP's serialization under `single_blocks` and each row's fields under
# `single_blocks_<row>_<field>`, the editor empty; the lede and the opening paragraph are fields of their own.
MAGAZINE = {"lede_paragraph": "Have you ever had a job that felt wrong?", "_lede_paragraph": "field_59cbd393cd8f7",
            "single_blocks": 'a:3:{i:0;s:7:"content";i:1;s:10:"blockquote";i:2;s:7:"content";}',
            "_single_blocks": "field_59d2632da2cff", "featured": 'a:1:{i:0;s:20:"use_as_homepage_hero";}',
            "single_blocks_0_content_field": "“I loved working there,” Jenny says.\r\n\r\n"
                                             "Adjusting is a necessary evil.",
            "_single_blocks_0_content_field": "field_59d264aba2d07",
            "single_blocks_1_blockquote_field": "Embrace the pace of change.",
            "single_blocks_2_content_field": "<h2><strong>Pivot or be pivoted</strong></h2>\r\nA pivot has four "
                                             "stages.\r\n\r\nPlant, scan, pilot and launch."}


def test_flexible_content_in_an_exports_fields_is_the_article_its_other_fields_kept_in_their_order() -> None:
    """Before, each section stood as a field labelled by its row ("Single blocks 0 content field: …"), its
    paragraphs run into one."""
    assert body_of("post", "", meta=MAGAZINE) == (
        "**Lede paragraph:** Have you ever had a job that felt wrong?\n\n"
        "“I loved working there,” Jenny says.\n\nAdjusting is a necessary evil.\n\n"
        "Embrace the pace of change.\n\n"
        "## **Pivot or be pivoted**\n\nA pivot has four stages.\n\nPlant, scan, pilot and launch.\n")
    # Beside a body, only the sections show, after it, as REST's do.
    dated = body_of("post", "<p>16 May 2019, Sydney</p>", meta=MAGAZINE)
    assert dated.startswith("16 May 2019, Sydney\n\n“I loved working") and "Lede" not in dated


def test_a_list_of_choices_without_rows_stays_a_field_and_rows_past_the_layouts_stay_fields() -> None:
    folded = acf_rows.folded({"blocks": 'a:1:{i:0;s:4:"text";}', "blocks_0_body": "A", "blocks_1_body": "B",
                              "featured": 'a:1:{i:0;s:4:"hero";}', "links": 'a:1:{i:0;s:9:"not a name";}',
                              "links_0_url": "https://example.com/"})
    assert folded["blocks"] == [{"acf_fc_layout": "text", "body": "A"}]
    assert folded["featured"] == 'a:1:{i:0;s:4:"hero";}' and folded["blocks_1_body"] == "B"
    assert folded["links_0_url"] == "https://example.com/"  # a list whose items name no layout: no rows


@given(st.lists(st.sampled_from(["content", "image", "quote"]), min_size=1, max_size=4),
       st.dictionaries(st.tuples(st.integers(0, 5), st.sampled_from(["text", "image_id"])), st.text(max_size=4)))
def test_folding_flexible_content_keeps_every_rows_value_once_under_its_layout(
        layouts: list[str], cells: dict[tuple[int, str], str]) -> None:
    serialized = f"a:{len(layouts)}:{{" + "".join(f'i:{i};s:{len(n)}:"{n}";' for i, n in enumerate(layouts)) + "}"
    values = {"blocks": serialized, "blocks_0_text": "first", **{f"blocks_{i}_{f}": v for (i, f), v in cells.items()}}
    folded = acf_rows.folded(values)
    rows = folded["blocks"]
    assert [row["acf_fc_layout"] for row in rows] == layouts
    kept = [value for row in rows for key, value in row.items() if key != "acf_fc_layout"]
    kept += [value for key, value in folded.items() if key != "blocks"]
    assert sorted(kept) == sorted(value for key, value in values.items() if key != "blocks")
