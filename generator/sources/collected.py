"""REST objects a script gathered into an object of its own before saving them.

Scripts that crawl a site's REST API often save what they fetched wrapped: an object keyed by each post's id
(`json.dump({p["id"]: p for p in posts})`), or the lists beside counts of their own (`{"posts": [...], "total":
120}`, `{"post": [...], "page": [...]}`). The objects inside are REST responses as WordPress served them; the
wrapping is the script's. Whether an object is one is `readable`'s to say (wp_json.kind_of), so that an object
of another API's lists (a GitHub dump's) is still refused as no WordPress.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Readable = Callable[[dict[str, Any]], bool]


def collected(data: Any, readable: Readable) -> Any:
    """The REST objects `data` wraps, as a list; `data` itself when it is no such wrapping."""
    if not isinstance(data, dict) or not data:
        return data
    values = list(data.values())
    if all(isinstance(value, dict) and _keyed(key, value) and readable(value) for key, value in data.items()):
        return values
    lists = [value for value in values if isinstance(value, list)]
    if not lists or any(isinstance(value, dict) for value in values):
        return data
    items = [item for found in lists for item in found]
    if items and all(isinstance(item, dict) and readable(item) for item in items):
        return items
    return data


def _keyed(key: str, value: dict[str, Any]) -> bool:
    """Whether a key names its object, as a script keys what it saved: by the object's id or slug."""
    return key in (str(value.get("id")), value.get("slug"))
