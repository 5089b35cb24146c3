"""Products saved from WooCommerce's own REST API (`/wp-json/wc/v3/products`, and `wc/v2`, `wc/v1` before it).

Headless shops and store apps read a shop's products from this API, not from `/wp/v2/product`, and their
fixtures and caches save them in its shape: the product's `name`, `permalink`, `date_created`/`date_modified`,
its text in `description` (the product page's Description tab) and `short_description` (beside its pictures), its
price as the shop writes it (`price_html`), its categories and tags whole, its pictures as `images`. Each becomes
the post `/wp/v2/product/<id>?_embed` would give, its body what the product page shows: the price, the short
description, the pictures past the first (the first is the featured image), the button of a product sold on
another site, the description and the attributes the shop shows. A variation (`/products/<id>/variations`) is
a part of its product's page, never a page: it becomes a record of type `product_variation`, as an export has it.
The shop's categories and tags (`/products/categories`, `/products/tags`) become the terms they are. Its orders,
refunds, coupons and customers, which the same API serves to a shop's own apps, hold what customers gave the shop
(names, addresses, what they bought): they become records, which no page shows.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from generator.sources.saved_names import SAVED_AS

PRODUCT_KEYS = frozenset({"permalink", "date_created", "description", "price", "sku"})
TYPE = "product"  # the post type WooCommerce keeps its products in, as /wp/v2/ and an export name it
VARIATION_TYPE = "product_variation"
TAXONOMIES = (("categories", "product_cat"), ("tags", "product_tag"))
# Where the API lists a shop's terms (`…/wp-json/wc/v3/products/categories/15`), and the taxonomy of each list.
TERM_ROUTE = re.compile(r"/wc/v\d/products/(categories|tags)(?:/\d+)?/?$")
TERM_TAXONOMIES = {"categories": "product_cat", "tags": "product_tag"}
# What the API names the fields of a product that a REST post names otherwise (see saved_names).
FIELD_NAMES = {"link": "permalink", "date": "date_created", "date_gmt": "date_created_gmt", "modified": "date_modified",
               "modified_gmt": "date_modified_gmt", "title": "name", "content": "description",
               "excerpt": "short_description", "featured_media": "images"}
CATEGORY_KEYS = frozenset({"id", "name", "slug", "parent", "display", "image", "menu_order", "count"})
# The shop's records, by the fields only each has, and the post type WooCommerce keeps it in (customers are users).
RECORDS = ((frozenset({"order_key", "line_items"}), "shop_order"),
           (frozenset({"refunded_by", "amount"}), "shop_order_refund"),
           (frozenset({"code", "discount_type", "amount"}), "shop_coupon"),
           (frozenset({"email", "billing", "shipping"}), "shop_customer"))


def is_product(data: object) -> bool:
    return isinstance(data, dict) and PRODUCT_KEYS <= data.keys() and isinstance(data.get("description"), str)


def products_as_posts(data: Any) -> Any:
    """The response with every product made a REST post and every shop term a REST term; anything else as it was."""
    if isinstance(data, list):
        return [item_as_v2(item) for item in data]
    return item_as_v2(data)


def item_as_v2(item: Any) -> Any:
    """One object of a response: a product made a REST post, a shop term a REST term, a shop record a record."""
    if is_product(item):
        return as_post(item)
    record = shop_record(item)
    if record:
        return {"id": item.get("id"), "type": record}
    taxonomy = shop_taxonomy(item)
    return {**item, "taxonomy": taxonomy} if taxonomy else item


def shop_record(data: object) -> str:
    """The post type of an order, refund, coupon or customer the API served; '' for anything else."""
    if not isinstance(data, dict):
        return ""
    return next((record for keys, record in RECORDS if keys <= data.keys()), "")


def shop_taxonomy(data: object) -> str:
    """`product_cat` or `product_tag` for a term the API listed as the shop's, by its route or, for a category saved
    without its links, by the fields only a shop's category has; '' for anything else."""
    if not isinstance(data, dict) or "taxonomy" in data or not {"id", "name", "slug"} <= data.keys():
        return ""
    links = data.get("_links") if isinstance(data.get("_links"), dict) else {}
    for rel in ("self", "collection"):
        listed = links.get(rel)
        for link in listed if isinstance(listed, list) else ():  # as WordPress lists them, or none
            found = TERM_ROUTE.search(link.get("href") or "") if isinstance(link, dict) else None
            if found:
                return TERM_TAXONOMIES[found.group(1)]
    return "product_cat" if CATEGORY_KEYS <= data.keys() else ""


def as_post(product: dict[str, Any]) -> dict[str, Any]:
    """The post `/wp-json/wp/v2/product/<id>?_embed` would give for the product."""
    if product.get("type") == "variation" or "short_description" not in product:
        return {"id": product.get("id"), "type": VARIATION_TYPE, "link": product.get("permalink")}
    post: dict[str, Any] = {
        "id": product.get("id"), "type": TYPE, "status": product.get("status") or "publish",
        "slug": product.get("slug"), "link": product.get("permalink"),
        "date": _text(product.get("date_created")) or None, "date_gmt": _text(product.get("date_created_gmt")) or None,
        "modified": _text(product.get("date_modified")) or None,
        "modified_gmt": _text(product.get("date_modified_gmt")) or None,
        "title": {"rendered": _text(product.get("name"))},
        "content": {"rendered": page_body(product)},
        "excerpt": {"rendered": _text(product.get("short_description"))},
        "menu_order": product.get("menu_order") if isinstance(product.get("menu_order"), int) else None,
        SAVED_AS: FIELD_NAMES,
    }
    embedded: dict[str, Any] = {}
    terms = [[t for t in (_term(term, taxonomy) for term in _list(product.get(key))) if t]
             for key, taxonomy in TAXONOMIES]
    if any(terms):
        embedded["wp:term"] = [group for group in terms if group]
    pictures = _pictures(product)
    if pictures:
        post["featured_media"] = pictures[0]["id"]
        embedded["wp:featuredmedia"] = [pictures[0]]
    if embedded:
        post["_embedded"] = embedded
    return {k: v for k, v in post.items() if v is not None}


def page_body(product: dict[str, Any]) -> str:
    """What the product's page shows under its title, in HTML: WooCommerce gives its texts and price as HTML."""
    parts = []
    price = _text(product.get("price_html")).strip()
    if price:
        parts.append(f'<p class="price">{price}</p>')
    parts.append(_text(product.get("short_description")))
    more = _pictures(product)[1:]
    if more:
        figures = "".join(f'<figure class="wp-block-image"><img src="{escape(p["source_url"])}" '
                          f'alt="{escape(p["alt_text"])}"></figure>' for p in more)
        parts.append(f'<figure class="wp-block-gallery">{figures}</figure>')
    parts.append(_external_button(product))
    parts.append(_text(product.get("description")))
    parts.append(_attributes(product))
    return "\n".join(part for part in parts if part.strip())


def _external_button(product: dict[str, Any]) -> str:
    """An external product's button, to the shop that sells it (the product page's only way to buy it)."""
    url = _text(product.get("external_url")).strip()
    if product.get("type") != "external" or not url.startswith(("http://", "https://")):
        return ""
    label = _text(product.get("button_text")).strip() or url
    return f'<p class="external-product"><a href="{escape(url)}">{escape(label)}</a></p>'


def _attributes(product: dict[str, Any]) -> str:
    """The attributes the shop shows (its "Additional information"): name and values, as rows of a table."""
    rows = []
    for attribute in _list(product.get("attributes")):
        values = attribute.get("options")
        options = [o for o in values if isinstance(o, str) and o.strip()] if isinstance(values, list) else []
        name = _text(attribute.get("name")).strip()
        if attribute.get("visible") is not False and name and options:
            rows.append(f"<tr><th>{escape(name)}</th><td>{escape(', '.join(options))}</td></tr>")
    return f'<table class="woocommerce-product-attributes">{"".join(rows)}</table>' if rows else ""


def _pictures(product: dict[str, Any]) -> list[dict[str, Any]]:
    """The product's pictures as v2's media objects, in the shop's order (`position`), the featured one first."""
    found = [image for image in _list(product.get("images"))
             if isinstance(image.get("src"), str) and image["src"].startswith(("http://", "https://", "/"))]
    found.sort(key=lambda image: image["position"] if isinstance(image.get("position"), int) else 0)
    return [{"id": image["id"] if isinstance(image.get("id"), int) else 0, "source_url": image["src"],
             "alt_text": _text(image.get("alt")), "media_type": "image"} for image in found]


def _term(term: dict[str, Any], taxonomy: str) -> dict[str, Any] | None:
    if not isinstance(term.get("id"), int) or not isinstance(term.get("slug"), str):
        return None
    return {"id": term["id"], "taxonomy": taxonomy, "slug": term["slug"], "name": _text(term.get("name"))}


def _list(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
