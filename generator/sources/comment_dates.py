"""The time of the first comment on a copy's page that prints no date, from the comments feed the copy saved beside
it (`about/feed/`, which wget and HTTrack follow from the page's `<link rel="alternate">`): the page was published
before anyone commented on it. A site of pages alone, none dated (a Turkish campaign's 13 pages, with comments on 6),
had no post to take a neighbour's date from, and every page was passed over (sources/copy_dates.py reads this).
"""

from __future__ import annotations

import re
from datetime import timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from generator.sources.static_copy import PAGE

# The field of a post read from a copy's page that prints no date where the time of its first comment is kept. No
# WordPress API gives it.
FIRST_COMMENT = "newsmirror_first_comment"
# Where a copy saved the comments feed of the page saved as `slug/index.html`.
FEEDS = ("feed/index.html", "feed/index.xml", "feed/index.rss", "feed")
MAX_FEED = 4 << 20  # bytes: a comments feed holds the latest comments' text only
COMMENT_LINK = re.compile(rb"<link>[^<]{0,2000}#comment-[0-9]+\s*</link>")
PUB_DATE = re.compile(rb"<pubDate>\s*([^<]{1,80}?)\s*</pubDate>")


def with_first_comment(post: dict[str, Any], page: Path, root: Path) -> dict[str, Any]:
    """`post`, read from `page`, with the time of its first comment (FIRST_COMMENT), where it has no date and its
    comments feed names one."""
    if any(post.get(name) for name in ("date", "date_gmt", "modified", "modified_gmt")):
        return post
    found = first_comment(page, root)
    return {**post, FIRST_COMMENT: found} if found else post


def first_comment(page: Path, root: Path) -> str:
    """The UTC time of the earliest comment the comments feed saved beside `page` holds (ISO 8601, without an
    offset); '' where there is none. The site's root has none: its feed is the site's own."""
    if PAGE.search(page.name.lower()) is None or page.parent == root:
        return ""
    for name in FEEDS:
        feed = page.parent / name
        try:
            data = feed.read_bytes() if feed.is_file() and feed.stat().st_size <= MAX_FEED else b""
        except OSError:
            continue
        times = [found for item in data.split(b"<item")[1:] if (found := _comment_time(item))]
        if times:
            return min(times)
    return ""


def _comment_time(item: bytes) -> str:
    """An item's time, where the item is a comment (its link ends in `#comment-N`)."""
    item = item.split(b"</item>", 1)[0]
    date = PUB_DATE.search(item)
    if COMMENT_LINK.search(item) is None or date is None:
        return ""
    try:
        moment = parsedate_to_datetime(date[1].decode("ascii", "replace"))
        return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") if moment.tzinfo else ""
    except (TypeError, ValueError, IndexError, OverflowError):
        return ""
