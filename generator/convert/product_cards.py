"""A shop's product cards show each product's picture once, as the live page showed it.

A product grid rendered into a page (WooCommerce's loop under a theme) prints pictures the visitor never sees
side by side: the product's second picture, which the theme's CSS keeps hidden until the pointer is over the
card (OceanWP's and Total's `woo-entry-image-secondary`, the Image Flipper plugin's `secondary-image`, many
themes' `hover-img`), and, under OceanWP, the whole picture block twice, once for the list view and once for the
grid, of which its CSS shows one. In the mirror every card showed two pictures, or the same picture twice.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

# Classes themes give the picture a card swaps in on hover, or the box around it (WoodMart's). Each names a second
# picture (`secondary`, `hover`, `back`): it goes only where the card shows a first one beside it.
HOVER_PICTURE_CLASSES = frozenset({"woo-entry-image-secondary", "secondary-image", "hover-img", "hover-image",
                                   "image-hover", "back-image", "product-hover-image", "wd-product-img-hover"})
# WooCommerce gives each product of a loop `product` and `type-product` (`<li class="product type-product …">`).
CARD_CLASSES = frozenset({"type-product"})


def product_pictures_once(soup: BeautifulSoup, ctx: Context) -> None:
    """Hover pictures go where the card shows a first picture (see _hover_pictures_out); in a product card, a
    picture whose address an earlier one of the card has goes. Neither is a loss: the page showed it nowhere else."""
    if may_hold(soup, HOVER_PICTURE_CLASSES):
        _hover_pictures_out(soup)
    if may_hold(soup, CARD_CLASSES):
        for card in elements(soup):
            if has_class(card, CARD_CLASSES):
                _repeats_out(card)


def _hover_pictures_out(soup: BeautifulSoup) -> None:
    """A hover picture goes where a first picture shares its box; a hover box (WoodMart's `div.hover-img` around its
    link and picture) where the element before it shows one."""
    marked = [tag for tag in elements(soup) if has_class(tag, HOVER_PICTURE_CLASSES)]
    shown = {id(img.parent) for img in elements(soup, "img") if not has_class(img, HOVER_PICTURE_CLASSES)}
    for tag in marked:
        if tag.__dict__.get("_decomposed"):
            continue
        if (id(tag.parent) in shown) if tag.name == "img" else _after_a_picture(tag):
            tag.decompose()


def _after_a_picture(box: Tag) -> bool:
    """A box of a picture alone (no words of its own) after an element that shows one."""
    before = box.find_previous_sibling(True)
    return (before is not None and (before.name == "img" or before.find("img") is not None)
            and not box.get_text(strip=True))


def _repeats_out(card: Tag) -> None:
    seen: set[str] = set()
    for img in card.find_all("img"):
        src = str(img.get("src", "")).strip()
        if src and src in seen:
            _drop_with_empty_link(img)
        seen.add(src)


def _drop_with_empty_link(img: Tag) -> None:
    """The picture's link goes with it where it linked nothing else, as an empty link would show its address."""
    link = img.find_parent("a")
    img.decompose()
    if link is not None and not link.get_text(strip=True) and link.find(("img", "picture", "video")) is None:
        link.decompose()
