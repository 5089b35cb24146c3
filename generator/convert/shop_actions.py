"""A shop's buttons that act on the live site: add to cart, to a wish list, to a comparison; and its cart and
checkout, as WooCommerce's blocks show them.

A shop's product grid, rendered into a page (WooCommerce's loop, a theme's Elementor widget), gives each
product buttons whose address is an action, not a page: `?add-to-cart=3294` puts the product in the
visitor's cart, YITH's `?add_to_wishlist=3294` on a wish list (written on the address the page was served at,
which for a REST response is its own `wp-json/wp/v2/pages/972`). In the mirror they were links that changed a
cart on the live site, or led to a REST response, under words such as "Added to wishlist" that every state of
the button holds at once. They go; the product's own page stays linked by its picture and title.

WooCommerce's Cart and Checkout blocks (the Cart and Checkout pages it makes since 8.3) are the visitor's cart,
which the shop's script fills, and the form that pays for it: their saved markup holds only the words around
what the script shows, "Your cart is currently empty!" and "New in store" over nothing. They go whole, noted as
forms, as the `[woocommerce_cart]` and `[woocommerce_checkout]` shortcodes of older shops do.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

# The query arguments of such actions: WooCommerce's add to cart and its cart's remove and undo, YITH Wishlist's
# add and remove, YITH Compare's add, Easy Digital Downloads' add to cart.
ACTION_QUERY = re.compile(r"[?&](?:(?:add-to-cart|add_to_wishlist|remove_from_wishlist|remove_item|undo_item)="
                          r"|action=yith-woocompare-add-product\b|edd_action=add_to_cart\b)", re.IGNORECASE)
# Buttons a theme or plugin gives each product for what only the live site does, known by their class, whatever
# their address: WoodMart's wish list, comparison and quick view, YITH's wish list and quick view, TI WooCommerce
# Wishlist's button (its wrapper, named `tinv-wraper` by the plugin, holds the button and its hover tooltip: the
# words twice), OceanWP's quick view. Their links led to a page of what this visitor chose on the live site, to
# the product's page again, or to `#` for a script, under the button's words ("Add to wishlist", "Compare",
# "Quick view") on a line of their own under every product.
ACTION_CLASSES = frozenset({"wd-wishlist-btn", "wd-compare-btn", "wd-quick-view-btn", "yith-wcwl-add-to-wishlist",
                            "yith-wcqv-button", "tinv-wraper", "tinvwl_add_to_wishlist_button", "owp-quick-view"})
# WooCommerce's Cart and Checkout blocks, by the class their saved markup gives them.
CART_CLASSES = frozenset({"wp-block-woocommerce-cart", "wp-block-woocommerce-checkout"})
# What a button never holds: a link around these is a product's picture or title, linked to the action by its theme.
MORE_THAN_A_BUTTON = ("img", "picture", "video", "h1", "h2", "h3", "h4", "h5", "h6", "p")


def drop_shop_actions(soup: BeautifulSoup, ctx: Context) -> None:
    """A link whose address is a shop's action goes with its label, noted; one around a picture, a heading or a
    paragraph (a theme that links a product's title to `?add-to-cart=`) gives way to what it holds. A button
    of ACTION_CLASSES goes whole, noted, and so does a cart or checkout (CART_CLASSES), noted as a form."""
    if may_hold(soup, CART_CLASSES):
        for block in elements(soup):
            if has_class(block, CART_CLASSES):
                ctx.losses.note(loss.FORM, "a shop's cart or checkout")
                block.decompose()
    if may_hold(soup, ACTION_CLASSES):
        for button in elements(soup):
            if has_class(button, ACTION_CLASSES):
                link = button if button.name == "a" else button.find("a")
                ctx.losses.note(loss.SHOP_ACTION, str(link.get("href", "")) if link is not None else "")
                button.decompose()
    for link in elements(soup, "a"):
        if not ACTION_QUERY.search(str(link.get("href", ""))):
            continue
        if link.find(MORE_THAN_A_BUTTON) is not None:
            link.unwrap()
            continue
        ctx.losses.note(loss.SHOP_ACTION, link.get("href", ""))
        link.decompose()

