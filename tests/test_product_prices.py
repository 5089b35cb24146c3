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



def dump_body(tmp_path: Path, options: str, prices: str = "(1,6,'_regular_price','1234.5'),(2,6,'_sale_price','9')",
              variations: tuple[int, ...] = ()) -> str:
    """A product in a database dump, its prices in wp_postmeta and the shop's settings in wp_options."""
    from tests.test_sources_sql import _row
    rows = [_row(6, "Tea pot", "<p>Glazed clay.</p>", kind="product"),
            *(_row(ident, "Tea pot - Blue", "", kind="product_variation").replace("'',0,'https", "'',6,'https")
              for ident in variations)]
    path = tmp_path / "shop.sql"
    path.write_text(f"INSERT INTO `wp_posts` VALUES {','.join(rows)};\n"
                    f"INSERT INTO `wp_postmeta` VALUES {prices};\n"
                    f"INSERT INTO `wp_options` VALUES {options};\n", encoding="utf-8")
    run_import([path], tmp_path / "content")
    [found] = [p for p in document_files(tmp_path / "content") if p.parent.name == "product"]
    return loads(found.read_text(encoding="utf-8")).body


@pytest.mark.parametrize(("options", "shown"), [
    # A British shop's page showed `£1,234.50`; the mirror showed `1234.5`, though the dump says the currency.
    ("(1,'woocommerce_currency','GBP','yes')", ("£1,234.50", "£9.00")),
    # A German one writes the symbol after, with a space, and its own separators.
    ("(1,'woocommerce_currency','EUR','yes'),(2,'woocommerce_currency_pos','right_space','yes'),"
     "(3,'woocommerce_price_thousand_sep','.','yes'),(4,'woocommerce_price_decimal_sep',',','yes')",
     ("1.234,50\xa0€", "9,00\xa0€")),
    # A currency English writes as its code is written as its own country writes it; no decimals where none are set.
    ("(1,'woocommerce_currency','PKR','yes'),(2,'woocommerce_currency_pos','left_space','yes'),"
     "(3,'woocommerce_price_num_decimals','0','yes')", ("Rs\xa01,235", "Rs\xa09")),
    ("(1,'blogname','Pots','yes')", ("1234.5", "9")),  # no currency set: the numbers as they are
])
def test_a_dumps_prices_are_written_with_the_shops_currency(tmp_path: Path, options: str,
                                                            shown: tuple[str, str]) -> None:
    regular, sale = shown
    assert dump_body(tmp_path, options) == (f"Glazed clay.\n\n**Regular price:** {regular}\n\n"
                                            f"**Sale price:** {sale}\n")


def test_a_variable_products_range_in_a_dump_is_written_with_the_currency(tmp_path: Path) -> None:
    body = dump_body(tmp_path, "(1,'woocommerce_currency','USD','yes')",
                     "(1,61,'_price','15'),(2,62,'_price','20.5'),(3,6,'_sku','pot')", variations=(61, 62))
    assert body == "Glazed clay.\n\n**Price:** $15.00 – $20.50\n"


def test_a_price_that_is_no_number_stays_as_it_is_in_linear_time(tmp_path: Path) -> None:
    started = time.process_time()
    body = dump_body(tmp_path, "(1,'woocommerce_currency','GBP','yes')",
                     f"(1,6,'_regular_price','{'9' * 100_000}'),(2,6,'_sale_price','call us')")
    assert body == f"Glazed clay.\n\n**Regular price:** {'9' * 100_000}\n\n**Sale price:** call us\n"
    assert time.process_time() - started < 5
