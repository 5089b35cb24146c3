"""Events saved from The Events Calendar's own REST API (`/wp-json/tribe/events/v1/events`).

The plugin keeps its events as posts of type `tribe_events`, but shows them through its own namespace in a
shape of its own: the text in `description`, the dates in `start_date`/`utc_start_date`, the place in
`venue`, the categories embedded whole. A crawl of such a site saves them there, often with no
`/wp/v2/` copy at all. Each event becomes the post the REST API would return for it, with what the
event's page shows above its text (when, what it costs, where, its website), and goes through the same
conversion as any post. An export's tribe_events posts get the same details, from their fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape, unescape
from typing import Any

from generator.sources.saved_names import SAVED_AS

EVENT_KEYS = frozenset({"global_id", "start_date", "utc_start_date", "title", "description"})
COLLECTION_KEYS = frozenset({"events", "rest_url"})  # a page of /events: {"events": [...], "total": 3, …}
TYPE = "tribe_events"  # the plugin's post type, as a WordPress export names it
# What the plugin names the fields of an event that a REST post names otherwise (see saved_names).
FIELD_NAMES = {"link": "url", "date_gmt": "date_utc", "modified_gmt": "modified_utc", "content": "description"}
VENUE_LINES = (("address",), ("city", "stateprovince", "province", "state", "zip"), ("country",))


def is_event(data: object) -> bool:
    return isinstance(data, dict) and EVENT_KEYS <= data.keys()


def events_as_posts(data: Any) -> Any:
    """The response with a page of events opened into its list, and every event made a REST post."""
    if isinstance(data, dict) and COLLECTION_KEYS <= data.keys() and isinstance(data["events"], list):
        data = data["events"]
    if isinstance(data, list):
        return [as_post(item) if is_event(item) else item for item in data]
    return as_post(data) if is_event(data) else data


def as_post(event: dict[str, Any]) -> dict[str, Any]:
    """The post `/wp-json/wp/v2/tribe_events/<id>` would give for the event."""
    post: dict[str, Any] = {
        "id": event.get("id"), "type": TYPE, "status": event.get("status") or "publish",
        "slug": event.get("slug"), "link": event.get("url"),
        "date": _iso(event.get("date")), "date_gmt": _iso(event.get("date_utc")),
        "modified": _iso(event.get("modified")), "modified_gmt": _iso(event.get("modified_utc")),
        "title": {"rendered": _text(event.get("title"))},
        "content": {"rendered": details(event) + _text(event.get("description"))},
        "excerpt": {"rendered": _text(event.get("excerpt"))},
        SAVED_AS: FIELD_NAMES,
    }
    embedded: dict[str, Any] = {}
    terms = [[_term(t) for t in _listed(event.get(key)) if isinstance(t, dict)] for key in ("categories", "tags")]
    if any(terms):
        embedded["wp:term"] = [group for group in terms if group]
    image = event.get("image")
    if isinstance(image, dict) and isinstance(image.get("url"), str):
        embedded["wp:featuredmedia"] = [{"id": image.get("id") if isinstance(image.get("id"), int) else 0,
                                         "source_url": image["url"], "alt_text": ""}]
    if embedded:
        post["_embedded"] = embedded
    return {k: v for k, v in post.items() if v is not None}


def _listed(value: object) -> list[Any]:
    """The plugin's list of terms, or none where the field holds something else (a number, an object)."""
    return value if isinstance(value, list) else []


def details(event: dict[str, Any]) -> str:
    """What the event's page shows above its text, in HTML: its dates, cost, venue and website. The plugin
    gives names as HTML, as WordPress gives titles (`B.B. King&#8217;s`): they are written as they come."""
    parts = [f'<p class="tribe-events-schedule">{escape(when(event))}</p>'] if when(event) else []
    cost = _text(event.get("cost")).strip()
    if cost:
        parts.append(f'<p class="tribe-events-cost">{cost}</p>')
    venue = event.get("venue")
    if isinstance(venue, dict) and _text(venue.get("venue")).strip():
        lines = [_text(venue.get("venue")).strip()]
        for keys in VENUE_LINES:
            line = " ".join(dict.fromkeys(_text(venue.get(k)).strip() for k in keys if _text(venue.get(k)).strip()))
            if line:
                lines.append(line)
        parts.append('<p class="tribe-events-venue">' + "<br>".join(lines) + "</p>")
    website = unescape(_text(event.get("website"))).strip()  # the plugin gives it through esc_url (`&#038;`)
    if website.startswith(("http://", "https://")):
        parts.append(f'<p class="tribe-events-website"><a href="{escape(website)}">{escape(website)}</a></p>')
    return "".join(parts)


def when(event: dict[str, Any]) -> str:
    """`2017-05-16 18:30 – 21:30 MDT`, `2017-05-16 – 2017-05-18` for days: dates as the site's clock
    read them, written the same in every language."""
    start, end = _text(event.get("start_date")).strip(), _text(event.get("end_date")).strip()
    if not start:
        return ""
    all_day = event.get("all_day") is True
    start = start[:10] if all_day else start[:16]
    end = (end[:10] if all_day else end[:16]) if end else ""
    if end and end[:10] == start[:10]:
        end = "" if all_day else end[11:]
    shown = f"{start} – {end}" if end and end != start else start
    zone = _text(event.get("timezone_abbr")).strip()
    return f"{shown} {zone}" if zone and not all_day else shown


def _term(term: dict[str, Any]) -> dict[str, Any]:
    return {k: term.get(k) for k in ("id", "name", "slug", "taxonomy", "parent") if term.get(k) is not None}


def _iso(value: object) -> str | None:
    """`2017-03-26 11:15:45`, as the plugin writes dates, the REST way: `2017-03-26T11:15:45`."""
    return value.strip().replace(" ", "T", 1) if isinstance(value, str) and value.strip() else None


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


# A WordPress export holds the same events as posts of type tribe_events, their details in the post's
# fields (`_EventStartDate`…), their venue a post of type tribe_venue named by `_EventVenueID`.
VENUE_TYPE = "tribe_venue"
VENUE_FIELDS = {"address": "_VenueAddress", "city": "_VenueCity", "stateprovince": "_VenueStateProvince",
                "province": "_VenueProvince", "state": "_VenueState", "zip": "_VenueZip", "country": "_VenueCountry"}


def venue_from_fields(title: str, meta: Mapping[str, str]) -> dict[str, str]:
    """A tribe_venue post of an export as the API's `venue` shows it; its texts as HTML, as the API's are."""
    return {"venue": escape(title), **{k: escape(meta.get(field, "")) for k, field in VENUE_FIELDS.items()}}


def event_from_fields(meta: Mapping[str, str], venues: Mapping[int, dict[str, str]]) -> dict[str, Any]:
    """What the API would say of a tribe_events post of an export: its dates, cost, venue and website."""
    venue = meta.get("_EventVenueID", "").strip()
    cost = meta.get("_EventCost", "").strip()
    symbol = meta.get("_EventCurrencySymbol", "").strip()
    if cost and symbol and cost[:1].isdigit():
        cost = f"{cost} {symbol}" if meta.get("_EventCurrencyPosition") == "suffix" else f"{symbol}{cost}"
    return {"start_date": meta.get("_EventStartDate", ""), "end_date": meta.get("_EventEndDate", ""),
            "all_day": meta.get("_EventAllDay", "").strip().lower() in ("yes", "1", "true"),
            "timezone_abbr": meta.get("_EventTimezoneAbbr", ""), "cost": escape(cost),
            "venue": venues.get(int(venue), []) if venue.isdigit() else [],
            "website": meta.get("_EventURL", "")}
