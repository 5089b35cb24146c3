"""A date for a copy's page that prints none (About, Contact: most themes print no date on a WordPress page), from
the posts beside it: WordPress numbers posts, pages and uploads in the order they are made, so the dated post whose
id comes just before the page's was made just before it (just after, where none comes before). Such a page was
passed over, and a reader lost it. The conversion reads this last, after what the page itself says (its address's
day, its first picture's upload month: convert/stand_in_dates.py), and names the post as dated so. A page whose copy
kept its comments feed is dated by its first comment before its neighbours are (sources/comment_dates.py), and dates
them in turn.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any

from generator.sources.comment_dates import FIRST_COMMENT
from generator.sources.date_clues import ADDRESS_DATE, UPLOAD_MONTH
from generator.sources.wp_json import POST, RawItem

# The field of a post read from a copy where the date of the post nearest to it by id is kept, with the note that
# names it: {"date": …, "date_gmt": …, "note": …}. No WordPress API gives it.
NEARBY_DATE = "newsmirror_nearby_date"
SET_DATE = re.compile(r"[12][0-9]{3}-[0-9]{2}-[0-9]{2}")
DATE_FIELDS = ("date", "date_gmt", "modified", "modified_gmt")


class NearbyDates:
    """The dates of a copy's posts by id, and its posts that have none, kept back until every post is read."""

    def __init__(self) -> None:
        self.dates: dict[int, dict[str, str]] = {}
        self.undated: list[RawItem] = []
        self.named: set[int] = set()  # the posts dated by their address's day or their picture's upload month
        self.commented: set[int] = set()  # the posts dated by their first comment

    def held(self, item: RawItem) -> bool:
        """Whether `item` is a post without a date, kept back for `dated`; else its date is noted."""
        data, ident = item.data, item.data.get("id")
        if item.kind != POST or not isinstance(ident, int):
            return False
        if not any(_set(data.get(name)) for name in DATE_FIELDS):
            self.undated.append(item)
            return True
        field = "date" if _set(data.get("date")) else "modified"  # (the time of update stands in for a date)
        if _set(data.get(field)):
            self.dates[ident] = {name: data[f"{field}{utc}"] for name, utc in (("date", ""), ("date_gmt", "_gmt"))
                                 if _set(data.get(f"{field}{utc}"))}
        return False

    def dated(self) -> list[RawItem]:
        """The posts kept back, each with the date of the post nearest before it by id (else after it), where
        the copy holds a dated one; one whose address or pictures name a day, which the conversion reads, as it is
        (and dating the others); else one whose comments feed names its first comment's time, with that time."""
        own = {item.data["id"]: day for item in self.undated if (day := own_day(item.data))}
        commented = {item.data["id"]: day for item in self.undated
                     if item.data["id"] not in own and _set(day := item.data.get(FIRST_COMMENT))}
        self.dates.update({ident: {"date": day} for ident, day in own.items()})
        self.dates.update({ident: {"date": day, "date_gmt": day} for ident, day in commented.items()})
        self.named, self.commented = set(own), set(commented)
        order = sorted(self.dates)
        return [item if item.data["id"] in own else self._commented(item) if item.data["id"] in commented
                else self._with_nearby(item, order) for item in self.undated]

    def _commented(self, item: RawItem) -> RawItem:
        note = "missing; the time of its first comment (its comments feed, saved beside its page) stands in"
        return replace(item, data={**item.data, NEARBY_DATE: {**self.dates[item.data["id"]], "note": note}})

    def _with_nearby(self, item: RawItem, order: list[int]) -> RawItem:
        if not order:
            return item
        at = bisect.bisect_left(order, item.data["id"])
        before = at > 0
        other = order[at - 1] if before else order[at]
        whose = (" (itself named by its address or its pictures)" if other in self.named
                 else " (itself dated by its first comment)" if other in self.commented else "")
        note = (f"missing; the date of post {other}{whose}, the one made {'before' if before else 'after'} it "
                "(WordPress numbers posts as they are made), stands in")
        return replace(item, data={**item.data, NEARBY_DATE: {**self.dates[other], "note": note}})


def own_day(data: dict[str, Any]) -> str:
    """The day a post's address names (`/2024/05/12/slug/`), else the first of the month its first picture was
    uploaded in (`/wp-content/uploads/2024/05/`), as ISO 8601; '' where neither does."""
    link, content = data.get("link"), data.get("content")
    found = ADDRESS_DATE.search(link) if isinstance(link, str) else None
    if found:
        return f"{found[1]}-{found[2]}-{found[3] or '01'}T00:00:00"
    text = content.get("rendered") if isinstance(content, dict) else None
    found = UPLOAD_MONTH.search(text) if isinstance(text, str) else None
    return f"{found[1]}-{found[2]}-01T00:00:00" if found else ""


def _set(value: Any) -> bool:
    """A date WordPress set (`2024-05-12T08:00:00`), not nothing or its zero dates."""
    return isinstance(value, str) and SET_DATE.match(value) is not None
