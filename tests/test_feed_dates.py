"""Dates and term names as scripts that save posts from feeds keep them (convert/feed_dates.py, wp_post's named
terms): read back as what they say, whatever the date or name."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.feed_dates import feed_date
from generator.convert.wp_post import to_document
from tests.conftest import rest_item as item

MOMENTS = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 12, 31))
OFFSETS = st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@given(MOMENTS, OFFSETS)
def test_a_date_a_feed_writes_reads_back_as_its_wall_clock_time(moment: datetime, offset: timezone) -> None:
    written = format_datetime(moment.replace(microsecond=0, tzinfo=offset))
    assert feed_date(written) == moment.replace(microsecond=0)


def test_a_year_below_1000_is_no_date_rather_than_one_of_this_century() -> None:
    """parsedate reads "0000" and "0026" as two-digit years, 2000 and 2026: a post would take a date it never had."""
    assert feed_date("Mon, 01 Jan 0000 00:00:00 +0000") is None
    assert feed_date("Sat, 01 Jan 0026 00:00:00 +0000") is None
    assert feed_date("Sat, 01 Jan 1026 00:00:00 +0000") == datetime(1026, 1, 1)


@given(st.text(max_size=40) | st.from_regex(r"[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} "
                                           r"[+-][0-9]{4}", fullmatch=True))
def test_any_other_text_is_no_date_rather_than_an_error(text: str) -> None:
    """Day 31 of February, month "Xyz", hour 99: no date, never an exception the post would be refused with."""
    when = feed_date(text)
    assert when is None or isinstance(when, datetime) and when.tzinfo is None


@given(st.lists(st.text(min_size=1, max_size=30).filter(lambda t: any(c.isalpha() for c in t)), min_size=1,
                max_size=4))
def test_named_terms_have_slugs_without_spaces_and_the_same_name_gives_the_same_slug(names: list[str]) -> None:
    first = to_document(item(tags=names)).document.taxonomies.get("post_tag", ())
    again = to_document(item(tags=list(reversed(names)))).document.taxonomies.get("post_tag", ())
    assert sorted(first) == sorted(again)
    assert all(slug and not any(c.isspace() for c in slug) for slug in first)


@given(MOMENTS, OFFSETS, st.sampled_from(["feed", "iso"]))
def test_a_date_saved_with_its_offset_and_no_utc_twin_is_the_moment_it_names(moment: datetime, offset: timezone,
                                                                            form: str) -> None:
    """A post saved from a feed with `date` `Fri, 08 May 2026 14:49:09 +0200` and no `date_gmt` was dated 14:49 UTC,
    two hours late in feeds and in the order of posts; it is 14:49 at +02:00, which is 12:49 UTC."""
    named = moment.replace(microsecond=0, tzinfo=offset)
    written = format_datetime(named) if form == "feed" else named.isoformat()
    document = to_document(item(date=written, date_gmt=None, modified=None, modified_gmt=None)).document
    assert document.date == named and document.date.utcoffset() == named.utcoffset()


def test_a_date_that_names_no_offset_is_utc_where_no_utc_twin_is_saved() -> None:
    for written in ("Fri, 08 May 2026 14:49:09 -0000", "2026-05-08T14:49:09"):
        document = to_document(item(date=written, date_gmt=None, modified=None, modified_gmt=None)).document
        assert document.date == datetime(2026, 5, 8, 14, 49, 9, tzinfo=timezone.utc)
