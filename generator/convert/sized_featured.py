"""A post's featured image from the fields block plugins add to REST with its every size. Spectra (Ultimate Addons
for Gutenberg) adds `uagb_featured_image_src` and Stackable `featured_image_urls`, each `{"full": [url, width,
height, cropped], "medium": […], …}` as wp_get_attachment_image_src gives them, for their post grids; PublishPress
Blocks adds one size's address, `featured_img`. A crawl without `_embed` or `/wp/v2/media` of a film site built with
them had no picture for any of its 243 posts, though each named its own."""

from __future__ import annotations

from typing import Any

SIZED_FIELDS = ("uagb_featured_image_src", "featured_image_urls")
SIZES = ("full", "large", "medium_large", "medium")  # the largest first; any other after them, by name
ONE_SIZE_FIELDS = ("featured_img",)  # PublishPress Blocks' (Advanced Gutenberg's): its `medium` size


def sized_featured_url(data: dict[str, Any]) -> str:
    """The largest size's address the fields give, else ""."""
    for name in SIZED_FIELDS:
        sizes = data.get(name)
        if not isinstance(sizes, dict):
            continue
        for size in (*SIZES, *sorted(sizes, key=str)):  # (a PHP array's keys may be numbers)
            source = sizes.get(size)
            url = source[0] if isinstance(source, list) and source else source
            if isinstance(url, str) and url.strip():
                return url.strip()
    return next((data[name].strip() for name in ONE_SIZE_FIELDS
                 if isinstance(data.get(name), str) and data[name].strip()), "")
