"""What the readers of other APIs' posts (WordPress.com's v1.1, WPGraphQL) share: the REST post they make, finished as
`/wp/v2/` gives it with `?_embed`."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any


def embedded_post(v2: dict[str, Any], embedded: dict[str, Any], featured: dict[str, Any] | None) -> dict[str, Any]:
    """`v2` with its embedded terms and featured image, and without the fields its source did not give (None)."""
    if featured is not None:
        v2["featured_media"] = featured["id"]
        embedded["wp:featuredmedia"] = [featured]
    if embedded:
        v2["_embedded"] = embedded
    return {key: value for key, value in v2.items() if value is not None}


def local_and_utc(value: object) -> tuple[str | None, str | None]:
    """A date with its offset (`2020-10-05T12:25:31+02:00`) as v2's local date and UTC date, both without one; a
    date without an offset as the local one alone."""
    if not isinstance(value, str):
        return None, None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return value, None  # the conversion names what it cannot read
    if moment.tzinfo is None:
        return moment.isoformat(), None
    return moment.replace(tzinfo=None).isoformat(), moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat()
