"""Photo Gallery by 10Web's galleries, shown where a post names one: `[Best_Wordpress_Gallery id="7" gal_title="…"]`.
The plugin keeps them in tables of its own, which a database dump holds beside wp_posts: `wp_bwg_shortcode` gives each
shortcode id its settings as attributes (`type="gallery" gallery_id="3" gallery_type="thumbnails"`), and
`wp_bwg_image` each gallery's pictures, an address under the uploads' `photo-gallery` folder (`/2.jpg`), or a
video's page for one it embeds (`https://www.youtube.com/watch?v=…`, filetype `EMBED_OEMBED_YOUTUBE_VIDEO`). A
Malagasy church's dump showed its pictures page as three such shortcodes and nothing else.

Each shortcode of a gallery the dump holds becomes the block editor's gallery of its published pictures, in the
plugin's order, with each video's address on a line of its own after them, which WordPress embeds; an album (a
gallery of galleries), a tag's gallery, and a shortcode the dump lacks stay as they are. An export holds no such
table: there they stay too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from typing import Any

from generator.sources.wp_permalinks import row_number
from generator.sources.wp_syntax import parse_attributes

IMAGES = re.compile(r"\w*bwg_image")
SHORTCODES = re.compile(r"\w*bwg_shortcode")
SHORTCODE = re.compile(r"\[Best_Wordpress_Gallery\s+id=([\"']?)(\d{1,19})\1[^\[\]]*\]")
FOLDER = "/wp-content/uploads/photo-gallery"  # where the plugin saves what is uploaded to it, by default
KEPT = ("id", "gallery_id", "image_url", "alt", "filetype", "order", "published")  # what is read of a picture
EMBEDDED = "EMBED_"  # the filetype of a picture or video the plugin embeds from its site


def galleries(tables: Mapping[str, list[Any]], options: Mapping[str, str]) -> dict[int, str]:
    """The content each shortcode id stands for, from the dump's `tables` (the site's home in `options` is where its
    uploads are): only those of a gallery that has published pictures."""
    home = (options.get("home") or options.get("siteurl") or "").strip().rstrip("/")
    pictures: dict[int, list[dict[str, Any]]] = {}
    for row in _rows(tables, IMAGES):
        gallery = row_number(row.get("gallery_id"))
        if gallery is not None and str(row.get("published", "1")).strip() != "0" and row.get("image_url"):
            pictures.setdefault(gallery, []).append(row)
    shown = {}
    for row in _rows(tables, SHORTCODES):
        ident, settings = row_number(row.get("id")), parse_attributes(str(row.get("tagtext") or ""))[0]
        gallery = row_number(settings.get("gallery_id"))
        if ident is None or gallery is None or gallery not in pictures:
            continue
        if (settings.get("type", "gallery") != "gallery" or settings.get("gallery_type", "").startswith("album")
                or settings.get("tag", "0").strip() not in ("", "0")):
            continue  # an album's view (a gallery of galleries), or the pictures of a tag
        shown[ident] = _content(sorted(pictures[gallery], key=_order), home)
    return shown


def with_galleries(raw: str, shown: Mapping[int, str]) -> str:
    """`raw` content with each `[Best_Wordpress_Gallery id=…]` whose gallery is known as its pictures."""
    if not shown or "[Best_Wordpress_Gallery" not in raw:
        return raw
    return SHORTCODE.sub(lambda found: shown.get(int(found.group(2)), found.group(0)), raw)


def _rows(tables: Mapping[str, list[Any]], name: re.Pattern[str]) -> list[dict[str, Any]]:
    return [row for table, rows in tables.items() if name.fullmatch(table) for row in rows if isinstance(row, dict)]


def _order(row: dict[str, Any]) -> tuple[int, int]:
    return row_number(row.get("order")) or 0, row_number(row.get("id")) or 0


def _content(rows: list[dict[str, Any]], home: str) -> str:
    """The block editor's gallery of the pictures, and the address of each video on a line of its own."""
    images, videos = [], []
    for row in rows:
        address = str(row["image_url"]).strip()
        if str(row.get("filetype") or "").startswith(EMBEDDED):
            if address.startswith(("http://", "https://")):
                videos.append(address)
            continue
        source = address if address.startswith(("http://", "https://")) else f"{home}{FOLDER}/{address.lstrip('/')}"
        alt = escape(str(row.get("alt") or "").strip())
        images.append(f'<figure class="wp-block-image"><img src="{escape(source)}" alt="{alt}" /></figure>')
    gallery = f'\n<figure class="wp-block-gallery">{"".join(images)}</figure>\n' if images else ""
    return gallery + "".join(f"\n<p>{escape(video)}</p>\n" for video in videos)
