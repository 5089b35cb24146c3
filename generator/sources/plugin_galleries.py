"""Galleries that plugins keep as posts of their own type, shown where a post names one by id: Modula's
`[modula id="185"]` (a `modula-gallery` post, its pictures in its `modula-images` field, each item's `id` the
attachment's), WP Carousel's `[sp_wpcarousel id="27"]` (an `sp_wp_carousel` post whose `sp_wpcp_upload_options`
field lists an image carousel's attachments, `"wpcp_gallery";s:5:"28,29"`) and Envira's `[envira-gallery id="140"]`
(an `envira` post whose `_eg_gallery_data` field keys each picture by its attachment's id,
`"gallery";a:6:{i:141;a:7:{s:6:"status";s:6:"active";…}`, a picture set "pending" being hidden from visitors). An
export or a dump holds those posts
beside the posts that name them; each such shortcode becomes WordPress's `[gallery ids="…"]` of the same pictures,
which the converter shows as every gallery: one grid. A post that was only its gallery (a portfolio's project) was
an empty page. A gallery the input lacks, and a carousel of posts or products (a live list), keep their shortcode.
The gallery posts themselves are records (sources/wp_json.py), no articles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

MODULA = "modula-gallery"
MODULA_IMAGES = "modula-images"
CAROUSEL = "sp_wp_carousel"
CAROUSEL_OPTIONS = "sp_wpcp_upload_options"
ENVIRA = "envira"
ENVIRA_DATA = "_eg_gallery_data"
# Each picture of a Modula gallery is an array whose `id` is the attachment's, a string or a number as PHP kept it.
MODULA_ID = re.compile(r's:2:"id";(?:s:\d{1,3}:"(\d{1,19})"|i:(\d{1,19}));')
CAROUSEL_TYPE = re.compile(r's:18:"wpcp_carousel_type";s:\d{1,3}:"([\w-]*)";')
CAROUSEL_IDS = re.compile(r's:12:"wpcp_gallery";s:\d{1,9}:"([\d,\s]*)";')
# Envira writes each picture's fields with its status first; its other arrays (`config`) have keys of text.
ENVIRA_ITEM = re.compile(r'i:(\d{1,19});a:\d{1,3}:\{s:6:"status";s:\d{1,2}:"([^"]{0,20})";')
SHORTCODE = re.compile(r"\[(modula|sp_wpcarousel|envira-gallery)\s+id=([\"']?)(\d{1,19})\2[^\[\]]*\]", re.IGNORECASE)
KINDS = {"modula": MODULA, "sp_wpcarousel": CAROUSEL, "envira-gallery": ENVIRA}


def gallery_ids(post_type: str, meta: Mapping[str, str]) -> str:
    """The attachments' ids ("186,187") a gallery post of `post_type` shows, from its fields; '' for any other post,
    an empty gallery, or a carousel of posts or products."""
    if post_type == MODULA:
        return ",".join(found.group(1) or found.group(2) for found in MODULA_ID.finditer(meta.get(MODULA_IMAGES, "")))
    if post_type == CAROUSEL:
        options = meta.get(CAROUSEL_OPTIONS, "")
        kind = CAROUSEL_TYPE.search(options)
        listed = CAROUSEL_IDS.search(options)
        if listed is None or (kind is not None and kind.group(1) != "image-carousel"):
            return ""
        return ",".join(ident for ident in re.split(r"[,\s]+", listed.group(1)) if ident)
    if post_type == ENVIRA:
        return ",".join(found.group(1) for found in ENVIRA_ITEM.finditer(meta.get(ENVIRA_DATA, ""))
                        if found.group(2) != "pending")
    return ""


def with_galleries(raw: str, galleries: Mapping[tuple[str, int], str]) -> str:
    """`raw` content with each `[modula id=…]`, `[sp_wpcarousel id=…]` and `[envira-gallery id=…]` whose gallery is
    known shown as WordPress's `[gallery ids=…]` of its pictures. `galleries` holds the ids by (type, post id)."""
    if not galleries or not any(f"[{name}" in raw for name in KINDS):
        return raw

    def gallery(found: re.Match[str]) -> str:
        ids = galleries.get((KINDS[found.group(1).lower()], int(found.group(3))))
        return f'[gallery ids="{ids}"]' if ids else found.group(0)
    return SHORTCODE.sub(gallery, raw)
