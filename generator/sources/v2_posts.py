"""What the readers of other APIs' posts (WordPress.com's v1.1, WPGraphQL) share: the REST post they make, finished as
`/wp/v2/` gives it with `?_embed`."""

from __future__ import annotations

from typing import Any


def embedded_post(v2: dict[str, Any], embedded: dict[str, Any], featured: dict[str, Any] | None) -> dict[str, Any]:
    """`v2` with its embedded terms and featured image, and without the fields its source did not give (None)."""
    if featured is not None:
        v2["featured_media"] = featured["id"]
        embedded["wp:featuredmedia"] = [featured]
    if embedded:
        v2["_embedded"] = embedded
    return {key: value for key, value in v2.items() if value is not None}
