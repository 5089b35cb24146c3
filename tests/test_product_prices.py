"""A variable WooCommerce product read from an export shows the range of its variations' prices, as its page did."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.importer import run_import
from generator.store.documents import document_files, loads
from tests.test_wxr import export, item


def variation(ident: int, parent: int, price: str, status: str = "publish") -> str:
    return item(ident, "Shirt - Blue", "", post_type="product_variation", status=status,
                meta={"_price": price, "_regular_price": price, "attribute_pa_color": "blue"}).replace(
        "<wp:post_parent>0</wp:post_parent>", f"<wp:post_parent>{parent}</wp:post_parent>")


def product_body(tmp_path: Path, variations: str, meta: dict[str, str] | None = None) -> str:
    path = tmp_path / "export.xml"
    path.write_text(export(item(6, "V-neck shirt", "<p>Soft cotton.</p>", post_type="product",
                                meta={"_sku": "vneck", "_price": "20", **(meta or {})}) + variations))
    run_import([path], tmp_path / "content")
    [found] = [p for p in document_files(tmp_path / "content") if p.parent.name == "product"]
    return loads(found.read_text(encoding="utf-8")).body


def test_a_variable_products_page_shows_the_range_of_its_variations_prices(tmp_path: Path) -> None:
    # WooCommerce's sample shop in an export: its shirt's page showed `15 – 20`; the mirror's showed no price.
    body = product_body(tmp_path, variation(61, 6, "20") + variation(62, 6, "15") + variation(63, 6, "18.50")
                        + variation(64, 6, "9", status="private"))  # a variation the shop does not sell
    assert body == "Soft cotton.\n\n**Price:** 15 – 20\n"


def test_variations_of_one_price_show_that_price(tmp_path: Path) -> None:
    assert product_body(tmp_path, variation(61, 6, "20.00") + variation(62, 6, "20")) == (
        "Soft cotton.\n\n**Price:** 20.00\n")


@pytest.mark.parametrize(("variations", "meta", "shown"), [
    ("", {}, "Soft cotton.\n"),  # no variations: nothing to show
    # A simple product's own prices are shown as they were; variations left over from a change of kind are not.
    ("VARIATION", {"_regular_price": "25"}, "Soft cotton.\n\n**Regular price:** 25\n"),
])
def test_a_product_with_no_variations_or_a_price_of_its_own_shows_no_range(tmp_path: Path, variations: str,
                                                                         meta: dict[str, str], shown: str) -> None:
    found = variation(61, 6, "20") if variations else ""
    assert product_body(tmp_path, found, meta) == shown


def test_a_variations_price_that_is_no_number_is_passed_over_in_linear_time(tmp_path: Path) -> None:
    started = time.process_time()
    body = product_body(tmp_path, variation(61, 6, "9" * 100_000) + variation(62, 6, "1e400") + variation(63, 6, "12"))
    assert body == "Soft cotton.\n\n**Price:** 12\n"
    assert time.process_time() - started < 5
