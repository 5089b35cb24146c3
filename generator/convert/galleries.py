"""Galleries as a grid: each of WordPress's gallery forms becomes one shape the converter writes as a grid.

The forms, as their HTML reaches us: the block editor's gallery (`figure.wp-block-gallery`, its images
`figure.wp-block-image` since WordPress 5.9's `has-nested-images`, before that `li.blocks-gallery-item` in a
`ul.blocks-gallery-grid`); the classic `[gallery]` shortcode's (`div.gallery.gallery-columns-3`, its items a
`dl`/`figure.gallery-item`); Jetpack's tiled galleries, the classic one (`div.tiled-gallery`, its items
`div.tiled-gallery-item`) and the block (`div.wp-block-jetpack-tiled-gallery`, items
`figure.tiled-gallery__item`); Jetpack's classic slideshow, its pictures JSON in an attribute for its script
(`div.jetpack-slideshow[data-gallery]`); and gallery plugins' (see GALLERY_CLASSES). Their own layout (columns,
rows, inline widths) only their theme's CSS read; the site's stylesheet lays out the one shape,
`<div class="gallery">` with a paragraph per image.
"""

from __future__ import annotations

import json
from html import unescape

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import has_class, may_hold, tags_in

GALLERY = "nm-gallery"  # the gallery, written by the converter as `<div class="gallery">`
GALLERY_ITEM = "nm-gallery-item"  # one image (in its link, if any) and its caption: one paragraph of the grid
GALLERY_CAPTION = "nm-gallery-caption"  # an image's caption, on the line under it

# Jetpack's slideshow block saves every slide, which its script shows one at a time: a grid shows them all.
# Gallery plugins' own galleries are grids too, where they were a column of pictures a screen high each:
# FooGallery's (`div.foogallery`, items `div.fg-item`), Envira's (`div.envira-gallery-public`, items
# `div.envira-gallery-item`), NextGEN's thumbnails (`div.ngg-galleryoverview`, `div.ngg-gallery-thumbnail-box`),
# Modula's (`div.modula-gallery`, `div.modula-item`) and Elementor Pro's (`div.elementor-gallery__container`, items
# `a.e-gallery-item` whose pictures are backgrounds, made images before) and WooCommerce's product gallery
# (`div.woocommerce-product-gallery`, items `div.woocommerce-product-gallery__image`, its zoom button a link to `#`
# its script adds, which goes); one that holds words of its own (a title over each picture, a "[Show slideshow]"
# link, a pager) is left as it is, as any gallery is (see _is_gallery).
GALLERY_CLASSES = frozenset({"wp-block-gallery", "blocks-gallery-grid", "gallery", "tiled-gallery",
                             "wp-block-jetpack-tiled-gallery", "wp-block-jetpack-slideshow",
                             "foogallery", "envira-gallery-public", "ngg-galleryoverview", "modula-gallery",
                             "elementor-gallery__container", "woocommerce-product-gallery"})
ITEM_CLASSES = frozenset({"wp-block-image", "blocks-gallery-item", "gallery-item", "tiled-gallery-item",
                          "tiled-gallery__item", "wp-block-jetpack-slideshow_slide",
                          "fg-item", "envira-gallery-item", "ngg-gallery-thumbnail-box", "modula-item",
                          "e-gallery-item", "woocommerce-product-gallery__image"})
ZOOM_BUTTON_CLASSES = frozenset({"woocommerce-product-gallery__trigger"})
OTHER_MEDIA = frozenset({"video", "audio", "iframe", "object", "embed", "svg", "canvas"})
SLIDESHOW_CLASSES = frozenset({"jetpack-slideshow"})
SLIDESHOW_NOSCRIPT = "jetpack-slideshow-noscript"
CAPTION_CLASSES = frozenset({"blocks-gallery-item__caption", "wp-element-caption", "gallery-caption",
                             "wp-caption-text", "tiled-gallery-caption", "wp-block-jetpack-slideshow_caption"})


def galleries_as_grids(soup: BeautifulSoup, ctx: Context) -> None:
    """A gallery becomes a grid of its images, each with its caption under it; the gallery's own caption
    (the block's `blocks-gallery-caption`) is a paragraph after the grid. A `div.gallery` without a
    gallery's items is some theme's box of that name, and is left alone."""
    if not may_hold(soup, GALLERY_CLASSES):
        return
    if may_hold(soup, ZOOM_BUTTON_CLASSES):
        for button in [tag for tag in tags_in(soup) if has_class(tag, ZOOM_BUTTON_CLASSES)]:
            button.decompose()
    for tag in tags_in(soup):
        if has_class(tag, GALLERY_CLASSES) and _outermost(tag) and _is_gallery(tag):
            _as_grid(soup, tag)


def _outermost(tag: Tag) -> bool:
    """A gallery's inner list (`ul.blocks-gallery-grid` in `figure.wp-block-gallery`) is part of it."""
    return not any(has_class(parent, GALLERY_CLASSES) for parent in tag.parents)


def _is_gallery(tag: Tag) -> bool:
    """A gallery of images and their captions only: one that also holds a player, a frame or words of its own
    (a plugin's "View all" link) would lose them in the grid, and is left as it is."""
    inside = tags_in(tag)
    if not any(child.name == "img" for child in inside) or any(child.name in OTHER_MEDIA for child in inside):
        return False
    if any(text.strip() and not any(_is_caption(parent) for parent in text.parents) for text in tag.strings):
        return False
    return has_class(tag, GALLERY_CLASSES - {"gallery"}) or any(has_class(child, ITEM_CLASSES) for child in inside)


def _as_grid(soup: BeautifulSoup, gallery: Tag) -> None:
    grid = soup.new_tag(GALLERY)
    for image in gallery.find_all("img"):
        item = _item_of(image, gallery)
        cell = soup.new_tag(GALLERY_ITEM)
        cell.append(_linked(soup, image, gallery))
        caption = item.find(_is_caption) if item is not None else None
        if caption is not None:
            line = soup.new_tag(GALLERY_CAPTION)
            line.extend(caption.extract().contents)
            cell.append(line)
        grid.append(cell)
    captions = [caption.extract() for caption in gallery.find_all(_is_caption)]  # the gallery's own, in no item
    gallery.replace_with(grid)
    for caption in reversed(captions):
        caption.name = "p"
        grid.insert_after(caption)


def _linked(soup: BeautifulSoup, image: Tag, gallery: Tag) -> Tag:
    """The image taken out, with the link around it within the gallery; a link around its whole item
    (`<a><figure><img><figcaption>`) is kept around the image alone, its caption going under it as others do;
    an empty link its item lays over it (Modula's `a.modula-item-link` to the full-size picture, beside the
    `<img>`), around it."""
    for parent in image.parents:
        if parent is gallery:
            break
        if parent.name == "a":
            if parent is image.parent:
                return parent.extract()
            link = soup.new_tag("a", attrs=dict(parent.attrs))
            link.append(image.extract())
            return link
    item = _item_of(image, gallery)
    overlay = next((a for a in item.find_all("a", href=True) if not a.get_text(strip=True) and a.find(True) is None),
                   None) if item is not None else None
    if overlay is None:
        return image.extract()
    link = soup.new_tag("a", attrs={"href": overlay["href"]})
    overlay.extract()  # not decomposed: galleries_as_grids still walks the tags it listed
    link.append(image.extract())
    return link


def _item_of(image: Tag, gallery: Tag) -> Tag | None:
    for parent in image.parents:
        if parent is gallery:
            return None
        if parent.name in ("li", "figure") or has_class(parent, ITEM_CLASSES):
            return parent
    return None


def _is_caption(tag: Tag) -> bool:
    return tag.name == "figcaption" or has_class(tag, CAPTION_CLASSES)


def slideshows_as_galleries(soup: BeautifulSoup, ctx: Context) -> None:
    """Jetpack's classic slideshow (`[slideshow]`, `[gallery type="slideshow"]`) renders an empty
    `div.jetpack-slideshow` whose pictures, alt texts and captions are JSON in its data-gallery, for its
    script to show one at a time, after a paragraph saying "This slideshow requires JavaScript.": the mirror
    showed that sentence and none of the pictures. They become a grid of the pictures, each with its caption,
    and the sentence goes, now untrue."""
    if not may_hold(soup, SLIDESHOW_CLASSES):
        return
    for show in [tag for tag in tags_in(soup) if has_class(tag, SLIDESHOW_CLASSES)]:
        slides = _slides(show.get("data-gallery"))
        if not slides:
            continue
        grid = soup.new_tag(GALLERY)
        for slide in slides:
            cell = soup.new_tag(GALLERY_ITEM)
            cell.append(soup.new_tag("img", attrs={"src": slide["src"], "alt": slide["alt"]}))
            if slide["caption"]:
                line = soup.new_tag(GALLERY_CAPTION)
                line.append(slide["caption"])
                cell.append(line)
            grid.append(cell)
        notice = show.find_previous_sibling()
        if notice is not None and SLIDESHOW_NOSCRIPT in (notice.get("class") or ()):
            notice.decompose()
        show.replace_with(grid)


def _slides(data: object) -> list[dict[str, str]]:
    """The slides a data-gallery names, with their address, alt text and caption as plain text (Jetpack wrote
    alt and title through esc_attr and the caption through wptexturize, so they hold entities)."""
    try:
        items = json.loads(str(data)) if data else []
    except (ValueError, RecursionError):
        return []
    slides = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("src"), str) and item["src"].strip():
            slides.append({"src": item["src"].strip(), "alt": unescape(str(item.get("alt") or "")).strip(),
                           "caption": unescape(str(item.get("caption") or "")).strip()})
    return slides
