"""Events saved from The Events Calendar's own API (`/wp-json/tribe/events/v1/events`) become pages that show
what the event's page showed: its title, when, what it costs, where, its categories, picture and text."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.builder import run_build
from generator.importer import run_import
from generator.sources.tribe_events import events_as_posts, when
from generator.store.documents import loads
from tests.conftest import config_for, rest_item
from tests.site_reading import page
from tests.test_wxr import export, item


def event(ident: int, slug: str, **fields: object) -> dict:
    """An event as the plugin's API gives it (trimmed of the fields it repeats in other shapes)."""
    return {"id": ident, "global_id": f"club.example?id={ident}", "author": "2", "status": "publish",
            "date": "2018-05-30 14:40:51", "date_utc": "2018-05-30 20:40:51", "modified": "2018-06-01 09:00:00",
            "modified_utc": "2018-06-01 15:00:00", "url": f"https://club.example/event/{slug}/",
            "rest_url": f"https://club.example/wp-json/tribe/events/v1/events/{ident}", "title": "Blues &amp; Jazz",
            "description": "<p>Bring your <strong>own</strong> chair.</p>", "excerpt": "", "slug": slug,
            "image": {"url": "https://club.example/wp-content/uploads/stage.jpg", "id": 347},
            "all_day": False, "start_date": "2018-06-02 18:30:00", "end_date": "2018-06-02 21:30:00",
            "utc_start_date": "2018-06-03 00:30:00", "timezone_abbr": "MDT", "cost": "$50", "website": "",
            "categories": [{"name": "Live Music", "slug": "live-music", "taxonomy": "tribe_events_cat", "id": 90,
                            "parent": 0}],
            "tags": [],
            "venue": {"id": 1186, "venue": "B.B. King&#8217;s Blues Club", "address": "143 Beale St.",
                      "city": "Memphis", "stateprovince": "TN", "zip": "38103", "country": "United States"},
            **fields}


def test_a_crawl_of_the_events_api_builds_a_page_per_event_with_its_details(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl" / "wp-json" / "tribe" / "events" / "v1" / "events"
    (crawl / "7").mkdir(parents=True)
    (crawl / "index.html").write_text(json.dumps({
        "events": [event(7, "blues"), event(8, "brunch", all_day=True, start_date="2018-06-09 00:00:00",
                                                end_date="2018-06-10 23:59:59", cost="", venue=[])],
        "rest_url": "https://club.example/wp-json/tribe/events/v1/events/", "total": 2, "total_pages": 1}))
    (crawl / "7" / "index.html").write_text(json.dumps(event(7, "blues")))
    result = run_import([tmp_path / "crawl"], tmp_path / "content")
    assert result.problems == [] and len(result.posts) == 2
    run_build(config_for(tmp_path, tmp_path / "content"))
    blues = page(tmp_path / "site", "tribe_events/blues/index.html")
    text = " ".join(blues.get_text(" ").split())
    assert blues.find("h1").get_text(strip=True) == "Blues & Jazz"
    for shown in ("2018-06-02 18:30 – 21:30 MDT", "$50", "B.B. King’s Blues Club", "143 Beale St.",
                  "Memphis TN 38103", "United States", "Bring your own chair.", "Live Music"):
        assert shown in text, shown
    assert any((tag.get("src") or tag.get("href") or "").endswith("stage.jpg") for tag in blues.find_all(["img", "a"]))
    brunch = " ".join(page(tmp_path / "site", "tribe_events/brunch/index.html").get_text(" ").split())
    assert "2018-06-09 – 2018-06-10" in brunch and "MDT" not in brunch


def test_an_event_saved_by_both_apis_shows_the_details_only_the_events_api_gives(tmp_path: Path) -> None:
    """A crawl follows the event's `/wp/v2/` link too: that copy, modified at the same time and larger (its
    `_links`, its term ids), holds only the text; the plugin's own copy has the dates and venue above it."""
    site = tmp_path / "crawl" / "wp-json"
    for folder, data in (("tribe/events/v1/events/7", event(7, "blues")),
                         ("wp/v2/tribe_events/7", rest_item(
                             id=7, type="tribe_events", slug="blues", link="https://club.example/event/blues/",
                             modified="2018-06-01T09:00:00", title={"rendered": "Blues &amp; Jazz"},
                             content={"rendered": "<p>Bring your <strong>own</strong> chair.</p>\n"},
                             tribe_events_cat=[90], _links={"self": [{"href": "https://club.example/" + "x" * 900}]}))):
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text(json.dumps(data))
    result = run_import([tmp_path / "crawl"], tmp_path / "content")
    body = loads((tmp_path / "content" / "tribe_events" / "blues.md").read_text(encoding="utf-8")).body
    assert len(result.posts) == 1
    assert "2018-06-02 18:30 – 21:30 MDT" in body and "143 Beale St." in body and "Bring your **own** chair." in body


@given(start=st.datetimes(datetime(1970, 1, 1), datetime(2100, 1, 1)), hours=st.integers(0, 80), all_day=st.booleans())
def test_an_events_dates_are_shown_from_its_start_to_its_end(start: datetime, hours: int, all_day: bool) -> None:
    end = start + timedelta(hours=hours)
    shown = when({"start_date": f"{start:%Y-%m-%d %H:%M:%S}", "end_date": f"{end:%Y-%m-%d %H:%M:%S}",
                  "all_day": all_day})
    assert shown.startswith(f"{start:%Y-%m-%d}")
    assert f"{end:%Y-%m-%d}" in shown or (f"{end:%Y-%m-%d}" == f"{start:%Y-%m-%d}")
    if not all_day:
        assert f"{start:%H:%M}" in shown and f"{end:%H:%M}" in shown


def test_objects_that_are_not_events_pass_through() -> None:
    venue = {"id": 3, "global_id": "x?id=3", "venue": "Club", "rest_url": "https://x/wp-json/tribe/events/v1/venues/3"}
    assert events_as_posts([venue]) == [venue] and events_as_posts({"events": "none", "rest_url": ""}) == {
        "events": "none", "rest_url": ""}


def test_an_event_in_a_wordpress_export_shows_the_same_details_as_one_from_the_api(tmp_path: Path) -> None:
    """An export holds the event as a tribe_events post, its details in its fields and its venue a post of its
    own, which may come after it: its body reads as the API's event's does."""
    venue = item(1186, "B.B. King’s Blues Club", "<p>Back entrance.</p>", post_type="tribe_venue", meta={
        "_VenueAddress": "143 Beale St.", "_VenueCity": "Memphis", "_VenueStateProvince": "TN", "_VenueZip": "38103",
        "_VenueCountry": "United States"})
    show = item(7, "Blues &amp; Jazz", "<p>Bring your <strong>own</strong> chair.</p>", post_type="tribe_events",
                slug="blues", meta={"_EventStartDate": "2018-06-02 18:30:00", "_EventEndDate": "2018-06-02 21:30:00",
                                    "_EventTimezoneAbbr": "MDT", "_EventCost": "50", "_EventCurrencySymbol": "$",
                                    "_EventVenueID": "1186", "_EventURL": "https://club.example/tickets"})
    (tmp_path / "export.xml").write_text(export(show + venue), encoding="utf-8")
    assert run_import([tmp_path / "export.xml"], tmp_path / "from-export").problems == []
    body = loads((tmp_path / "from-export" / "tribe_events" / "blues.md").read_text(encoding="utf-8")).body
    assert body == ("2018-06-02 18:30 – 21:30 MDT\n\n$50\n\nB.B. King’s Blues Club\\\n143 Beale St.\\\n"
                    "Memphis TN 38103\\\nUnited States\n\n<https://club.example/tickets>\n\n"
                    "Bring your **own** chair.\n")
    api = tmp_path / "api" / "wp-json" / "tribe" / "events" / "v1" / "events"
    api.mkdir(parents=True)
    (api / "7.json").write_text(json.dumps(event(7, "blues", venue={
        "venue": "B.B. King&#8217;s Blues Club", "address": "143 Beale St.", "city": "Memphis", "stateprovince": "TN",
        "zip": "38103", "country": "United States"}, website="https://club.example/tickets")))
    run_import([tmp_path / "api"], tmp_path / "from-api")
    assert loads((tmp_path / "from-api" / "tribe_events" / "blues.md").read_text(encoding="utf-8")).body == body


def test_an_events_website_is_linked_as_its_page_linked_it(tmp_path: Path) -> None:
    """The API gives the website as HTML, through esc_url (`&#038;`, or `&amp;` from other versions); an
    export's `_EventURL` is the address itself. Both link to `?day=2&seat=b`, not to `?day=2&amp;seat=b`."""
    api = tmp_path / "api" / "wp-json" / "tribe" / "events" / "v1" / "events"
    api.mkdir(parents=True)
    for ident, website in ((7, "https://club.example/tickets?day=2&#038;seat=b"),
                           (8, "https://club.example/tickets?day=2&amp;seat=b")):
        (api / f"{ident}.json").write_text(json.dumps(event(ident, f"blues-{ident}", website=website)))
    fields = {"_EventStartDate": "2018-06-02 18:30:00", "_EventURL": "https://club.example/tickets?day=2&seat=b"}
    show = item(9, "Blues", "<p>Chairs.</p>", post_type="tribe_events", slug="blues-9", meta=fields)
    (tmp_path / "export.xml").write_text(export(show), encoding="utf-8")
    assert run_import([api, tmp_path / "export.xml"], tmp_path / "content").problems == []
    for ident in (7, 8, 9):
        body = loads((tmp_path / "content" / "tribe_events" / f"blues-{ident}.md").read_text(encoding="utf-8")).body
        assert "<https://club.example/tickets?day=2&seat=b>" in body.splitlines(), ident


def test_a_fault_in_an_event_names_the_field_as_the_saved_file_does(tmp_path: Path) -> None:
    """Read as a REST post, an event's `url` is its `link`: a message names the field the user can find."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "events.json").write_text(json.dumps({"events": [event(7, "blues", url={"x": 1})], "rest_url": "x"}))
    fields = {problem.field for problem in run_import([crawl], tmp_path / "content").problems}
    assert fields == {"url"}
