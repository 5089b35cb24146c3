"""A post's date as a feed writes it (RFC 2822: `Fri, 08 May 2026 14:49:09 +0000`), which scripts that save a site's
posts from its RSS feed keep in `date`. WordPress's feeds give each item's `pubDate` so; every such post was refused
as "not an ISO 8601 date"."""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime

# Day name optional, day, month's English abbreviation, year, time; an offset or a zone's letters. Anchored and
# bounded, so that only a whole date of this form is read (parsedate also takes much that is no date). The year
# is 1000 or later: parsedate reads years below 100 as two-digit ones, so that "0000" would be 2000.
RFC_2822 = re.compile(r"(?:[A-Z][a-z]{2}, )?[0-9]{1,2} [A-Z][a-z]{2} [1-9][0-9]{3} [0-9]{2}:[0-9]{2}(?::[0-9]{2})?"
                      r"(?: [+-][0-9]{4}| [A-Z]{1,5})?")


def feed_date(value: str) -> datetime | None:
    """The wall-clock time the date names, without its offset (as an ISO 8601 `date` is read); None where it is no
    such date."""
    if not RFC_2822.fullmatch(value.strip()):
        return None
    try:
        return parsedate_to_datetime(value.strip()).replace(tzinfo=None)
    except (TypeError, ValueError):
        return None


def named_offset(value: str) -> tzinfo | None:
    """The offset from UTC a date names (`+0200` of a feed's date, `+02:00` or `Z` of an ISO 8601 one), None where it
    names none: a post saved with such a date and no `date_gmt` beside it happened at that offset's time, not UTC's
    (a script that saved a site's feed kept `Fri, 08 May 2026 14:49:09 +0200`)."""
    try:
        return datetime.fromisoformat(value.strip()).tzinfo
    except ValueError:
        pass
    if not RFC_2822.fullmatch(value.strip()):
        return None
    try:
        return parsedate_to_datetime(value.strip()).tzinfo
    except (TypeError, ValueError):
        return None
