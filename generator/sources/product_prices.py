"""A variable WooCommerce product's price: the range of its variations' prices, as its shop page shows it.

A simple product keeps its prices in its own fields (`_regular_price`, `_sale_price`), which its page shows. A
variable one (a shirt in three sizes) keeps none: each variation (`product_variation`, a record of its own) has its
price, and the product's page shows their range, `15 – 20` (WooCommerce's wc_format_price_range), or the one price
they share. An export or a dump holds the variations beside the product; the product's page showed no price.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

VARIATION_TYPE = "product_variation"
PRICE_KEY = "price"  # the field the range is shown as, labelled "Price" as the product's other fields are
NUMBER = re.compile(r"\d{1,15}(?:\.\d{1,10})?")
RANGE = " – "  # between a range's ends, as wc_format_price_range writes it


def note_variation(fields: Mapping[str, str], meta: Mapping[str, str], prices: dict[int, list[str]]) -> None:
    """Note an export's item, if it is a variation a shop sells (published, priced), under its product's id."""
    parent, price = fields.get("wp:post_parent", "").strip(), meta.get("_price", "").strip()
    if fields.get("wp:post_type") == VARIATION_TYPE and fields.get("wp:status") == "publish" \
            and parent.isdigit() and NUMBER.fullmatch(price):
        prices.setdefault(int(parent), []).append(price)


def with_price_range(post_type: str, meta: Mapping[str, str], prices: Sequence[str]) -> Mapping[str, str]:
    """A product's fields, with the range of its variations' prices where it has no price of its own."""
    if post_type != "product" or not prices or meta.get("_regular_price", "").strip() or meta.get(PRICE_KEY):
        return meta
    low, high = min(prices, key=float), max(prices, key=float)
    return {**meta, PRICE_KEY: low if float(low) == float(high) else f"{low}{RANGE}{high}"}
