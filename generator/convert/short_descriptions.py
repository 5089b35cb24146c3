"""A WooCommerce product's short description, which its page prints beside its pictures, above the description.

WooCommerce keeps the short description in the product's excerpt and the description in its content. Its own API
(`wc/v3`, sources/woocommerce.py) gives both, and the importer makes the page of the two; REST's `/wp/v2/product`
and an export keep them apart, so a product saved so showed its description alone, and one without a description
(a café's dishes, a shop's small items) showed nothing under its title.
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup

from generator.convert.fragment_text import simple_text

PRODUCT = "product"  # the post type WooCommerce keeps its products in
# The short description's first words, which a product's content holds where it is there already: WooCommerce's
# API put it in the page, or WordPress made the excerpt from the description (its automatic excerpt, cut short).
LEAD_WORDS = 12
SHORT_DESCRIPTION = '<div class="woocommerce-product-details__short-description">{}</div>\n'


def with_short_description(content: str, excerpt: str, post_type: str) -> str:
    """The product's content with its short description above it, as its page shows them; any other post's, and a
    product's whose content holds the short description's first words already, as it is."""
    if post_type != PRODUCT:
        return content
    lead = "".join(_words(excerpt)[:LEAD_WORDS])
    # Compared without spaces: a tag inside a word (`<strong>t</strong><b>uyển`) splits it in the tree's text.
    if not lead or lead in "".join(_words(content)):
        return content
    return SHORT_DESCRIPTION.format(excerpt) + content


def _words(fragment: str) -> list[str]:
    """The words a reader sees in an HTML fragment, without the ellipsis that ends an automatic excerpt."""
    if not fragment.strip():
        return []
    text = simple_text(fragment)
    if text is None:
        text = BeautifulSoup(fragment, "html.parser").get_text(" ")
    words = text.split()
    while words and words[-1].strip("[]….") == "":
        words.pop()
    if words:
        words[-1] = words[-1].rstrip("…")
    return words


def has_short_description(data: dict[str, Any]) -> bool:
    """Whether a saved item is a product with a short description, which its page shows (REST's rendered
    excerpt, or an export's raw one)."""
    excerpt = data.get("excerpt")
    text = (excerpt.get("rendered") or excerpt.get("raw")) if isinstance(excerpt, dict) else None
    return data.get("type") == PRODUCT and isinstance(text, str) and bool(text.strip())
