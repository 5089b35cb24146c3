"""The featured image as templates see it: from its local copy when it is mirrored, with the size of that copy.

Views (render/views.py) put one on PostView (the post's page) and PostSummary (lists); the page keys
(output/keys.py) include `featured_key`, which holds everything `featured_image` shows apart from the link.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.convert.document import Image
from generator.render.remote_media import WEB, media_key


@dataclass(frozen=True)
class FeaturedImage:
    src: str  # the local copy, relative to the page; "" when it is not mirrored
    url: str  # the original: a page shows it as a link when there is no local copy
    alt: str
    width: int  # of the local copy; 0 without one
    height: int
    caption: str = ""  # its attachment's, shown under it


def featured_image(image: Image | None, media: Mapping[str, str], link: Callable[[str], str]
                   ) -> FeaturedImage | None:
    """None when the post has no featured image on the web (front matter url not http(s))."""
    if image is None or not WEB.match(image.url.strip()):
        return None
    found = media.get(media_key(image.url))
    if found is None:
        return FeaturedImage("", image.url.strip(), image.alt, 0, 0, image.caption)
    width, height, path = found.split(" ", 2)
    return FeaturedImage(link(path), image.url.strip(), image.alt, int(width), int(height), image.caption)


def featured_key(image: Image | None, media: Mapping[str, str]) -> tuple[str, str, str, str | None] | None:
    if image is None:
        return None
    return (image.url, image.alt, image.caption, media.get(media_key(image.url)))
