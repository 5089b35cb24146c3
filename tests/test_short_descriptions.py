"""A WooCommerce product saved from `/wp/v2/product` or an export: its page shows its short description (the
post's excerpt) above its description, as the shop's product page does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.convert.wp_post import to_document
from generator.importer import ImportOptions, run_import


def _product(content: str, excerpt: str, post_type: str = "product") -> dict[str, Any]:
    return {"id": 35, "date": "2022-06-14T11:41:10", "slug": "pasta", "type": post_type,
            "link": "https://cafe.example/product/pasta/", "title": {"rendered": "Паста"},
            "content": {"rendered": content}, "excerpt": {"rendered": excerpt}}


def test_a_product_without_a_description_shows_its_short_description() -> None:
    """Its page showed its title and nothing else."""
    body = to_document(_product("", "<p>Паста з соусом, запечена в печі.</p>\n")).document.body
    assert body == "Паста з соусом, запечена в печі.\n"


def test_a_products_short_description_stands_above_its_description() -> None:
    product = _product("<p>Склад: борошно, томати.</p>", "<p>Паста з соусом.</p>")
    body = to_document(product).document.body
    assert body == "Паста з соусом.\n\nСклад: борошно, томати.\n"


def test_an_excerpt_made_from_the_description_is_not_shown_twice() -> None:
    """WordPress's automatic excerpt is the description's first words, cut short."""
    words = " ".join(f"слово{n}" for n in range(80))
    content = f"<p>{words}</p>"
    excerpt = f"<p>{' '.join(words.split()[:55])} [&hellip;]</p>"
    assert to_document(_product(content, excerpt)).document.body == f"{words}\n"


def test_a_page_made_by_woocommerces_api_holds_the_short_description_once() -> None:
    content = '<p class="price">45 ₴</p>\n<p>Паста з соусом.</p>\n<p>Склад: борошно.</p>'
    body = to_document(_product(content, "<p>Паста з соусом.</p>")).document.body
    assert body.count("Паста з соусом.") == 1


def test_a_post_other_than_a_product_keeps_its_body() -> None:
    assert to_document(_product("<p>Текст.</p>", "<p>Анонс.</p>", "post")).document.body == "Текст.\n"


def test_the_import_counts_a_product_with_a_short_description_as_no_empty_body(tmp_path: Path) -> None:
    """It said "70 posts have an empty body … imported with their title and fields only" of a café's dishes."""
    saved = tmp_path / "in" / "product.json"
    saved.parent.mkdir()
    saved.write_text(json.dumps([_product("", "<p>Паста з соусом.</p>"), {**_product("", ""), "id": 36}]))
    result = run_import([saved.parent], tmp_path / "content", ImportOptions(workers=1))
    assert any(note.startswith("1 posts have an empty body") for note in result.notes)
