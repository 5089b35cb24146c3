"""Products saved from WooCommerce's own REST API (`/wp-json/wc/v3/products`), as headless shops and store apps
save them, become product pages that show what the shop's product page showed: name, price, short description,
pictures, description, attributes, categories and tags. Before, every such file was refused as "not a WordPress
REST response"."""

from __future__ import annotations

import json
from pathlib import Path

from generator.builder import run_build
from generator.importer import run_import
from generator.sources.woocommerce import products_as_posts
from generator.store.documents import loads
from tests.conftest import config_for
from tests.site_reading import page

SHOP = "https://kauppa.example"


def product(ident: int, slug: str, **fields: object) -> dict:
    """A product as `wc/v3/products` gives it (trimmed of the fields no page shows)."""
    return {"id": ident, "name": "Pahviauto &#8211; iso", "slug": slug, "permalink": f"{SHOP}/product/{slug}/",
            "date_created": "2019-02-11T21:43:55", "date_created_gmt": "2019-02-11T19:43:55",
            "date_modified": "2019-02-11T21:49:21", "date_modified_gmt": "2019-02-11T19:49:21",
            "type": "simple", "status": "publish", "featured": False, "catalog_visibility": "visible",
            "description": "<p>Rakenna <strong>oma</strong> auto.</p>\n<ul>\n<li>pahvia</li>\n<li>renkaat</li>\n"
                           "</ul>\n",
            "short_description": "<p>Auto kilpailuun!</p>\n", "sku": "", "price": "99.99", "regular_price": "125",
            "sale_price": "99.99",
            "price_html": '<del><span class="woocommerce-Price-amount amount">125,00&nbsp;<span class="woocommerce-'
                          'Price-currencySymbol">&euro;</span></span></del> <ins><span class="woocommerce-Price-'
                          'amount amount">99,99&nbsp;<span class="woocommerce-Price-currencySymbol">&euro;</span>'
                          '</span></ins>',
            "external_url": "", "button_text": "", "parent_id": 0,
            "categories": [{"id": 22, "name": "Kilpa-autot", "slug": "kilpa-autot"}],
            "tags": [{"id": 31, "name": "Kesä", "slug": "kesa"}],
            "images": [{"id": 1620, "src": f"{SHOP}/wp-content/uploads/2019/02/back.png", "alt": "takaa",
                        "position": 1},
                       {"id": 1619, "src": f"{SHOP}/wp-content/uploads/2019/02/front.png", "alt": "", "position": 0}],
            "attributes": [{"id": 4, "name": "Koko", "position": 0, "visible": True, "variation": True,
                            "options": ["S", "M"]},
                           {"id": 2, "name": "Sisäinen", "position": 1, "visible": False, "variation": True,
                            "options": ["x"]}],
            "variations": [1700], "menu_order": 0, "meta_data": [{"id": 1, "key": "_swatch_type", "value": "default"}],
            "stock_status": "instock",
            "_links": {"self": [{"href": f"{SHOP}/wp-json/wc/v3/products/{ident}"}]}, **fields}


def variation(ident: int, parent: int) -> dict:
    return {"id": ident, "date_created": "2019-02-12T10:00:00", "description": "", "permalink":
            f"{SHOP}/product/auto/?attribute_koko=S", "sku": "", "price": "99.99", "type": "variation",
            "attributes": [{"id": 4, "name": "Koko", "option": "S"}], "parent_id": parent}


def test_a_saved_products_listing_builds_a_page_per_product_with_what_its_page_showed(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    (crawl / "variations").mkdir(parents=True)
    external = product(1700 + 1, "kirja", type="external", external_url="https://kirjakauppa.example/kirja",
                       button_text="Osta kirja", images=[], attributes=[], price_html="", description="")
    (crawl / "products.json").write_text(json.dumps([product(1617, "auto"), external]), encoding="utf-8")
    (crawl / "variations" / "1617.json").write_text(json.dumps([variation(1700, 1617)]), encoding="utf-8")
    result = run_import([crawl], tmp_path / "content")
    assert result.problems == [] and len(result.posts) == 2
    doc = loads((tmp_path / "content" / "product" / "auto.md").read_text(encoding="utf-8"))
    assert doc.title == "Pahviauto – iso" and doc.date.isoformat() == "2019-02-11T21:43:55+02:00"
    assert doc.image is not None and doc.image.url.endswith("/front.png")
    assert doc.summary == "Auto kilpailuun!"
    body = doc.body
    for shown in ("~~125,00\xa0€~~ 99,99\xa0€", "Auto kilpailuun!", "back.png", "Rakenna **oma** auto.",
                  "- renkaat", "Koko", "S, M"):
        assert shown in body, (shown, body)
    assert "Sisäinen" not in body and "front.png" not in body  # a hidden attribute; the featured picture
    assert body.index("99,99") < body.index("Auto kilpailuun!") < body.index("back.png") < body.index("Rakenna")
    book = loads((tmp_path / "content" / "product" / "kirja.md").read_text(encoding="utf-8")).body
    assert "[Osta kirja](https://kirjakauppa.example/kirja)" in book
    run_build(config_for(tmp_path, tmp_path / "content"))
    shown = page(tmp_path / "site", "product/auto/index.html")
    text = " ".join(shown.get_text(" ").split())
    assert shown.find("h1").get_text(strip=True) == "Pahviauto – iso"
    assert "Kilpa-autot" in text and "Kesä" in text


def test_only_products_are_read_as_products() -> None:
    """A v2 post, a Store API product (no dates: skipped as a plugin's response) and a term pass unchanged."""
    others = [{"id": 1, "title": {"rendered": "x"}, "content": {"rendered": ""}, "type": "post"},
              {"id": 2, "name": "x", "prices": {"price": "100"}, "permalink": f"{SHOP}/p/", "description": ""},
              {"id": 3, "name": "x", "slug": "x", "taxonomy": "product_cat"}]
    assert products_as_posts(others) == others
    assert products_as_posts(variation(5, 4))["type"] == "product_variation"


def test_the_shops_categories_and_tags_saved_beside_the_products_are_its_terms(tmp_path: Path) -> None:
    """A headless shop saves `/products/categories` and `/products/tags` too: they were refused item by item, and
    the import ended in failure."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "products.json").write_text(json.dumps([product(1617, "auto")]), encoding="utf-8")
    category = {"id": 22, "name": "Kilpa-autot", "slug": "kilpa-autot", "parent": 0, "description": "Nopeat.",
                "display": "default", "image": None, "menu_order": 0, "count": 1}
    unused = {**category, "id": 23, "name": "Lippikset", "slug": "lippikset", "count": 0}
    tag = {"id": 31, "name": "Kesä", "slug": "kesa", "description": "", "count": 1,
           "_links": {"collection": [{"href": f"{SHOP}/wp-json/wc/v3/products/tags"}]}}
    (crawl / "categories.json").write_text(json.dumps([category, unused]), encoding="utf-8")
    (crawl / "tags.json").write_text(json.dumps([tag]), encoding="utf-8")
    result = run_import([crawl], tmp_path / "content")
    assert result.problems == [] and len(result.posts) == 1
    terms = (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert "product_cat" in terms and "Lippikset" in terms and "product_tag" in terms


def test_orders_and_customers_the_api_served_are_records_no_page_shows(tmp_path: Path) -> None:
    """A shop app's saved responses hold its customers' names, e-mail and postal addresses and what they bought:
    nothing of them is published, and they are no fault of the crawl (they were refused as no WordPress object)."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    address = {"first_name": "Aino", "last_name": "Virtanen", "address_1": "Kauppakatu 1", "city": "Kuopio"}
    customer = {"id": 2, "date_created": "2019-06-01T14:29:03", "email": "aino@mail.example", "first_name": "Aino",
                "last_name": "Virtanen", "role": "customer", "username": "aino", "billing": address,
                "shipping": address, "avatar_url": "https://secure.gravatar.com/avatar/x"}
    order = {"id": 727, "parent_id": 0, "status": "processing", "currency": "EUR", "order_key": "wc_order_x",
             "date_created": "2019-06-02T10:00:00", "total": "99.99", "billing": address, "shipping": address,
             "line_items": [{"id": 4, "name": "Pahviauto", "product_id": 1617, "quantity": 1}]}
    coupon = {"id": 719, "code": "kesa10", "amount": "10.00", "discount_type": "percent", "description": ""}
    (crawl / "shop.json").write_text(json.dumps([product(1617, "auto"), customer, order, coupon]), encoding="utf-8")
    result = run_import([crawl], tmp_path / "content")
    assert result.problems == [] and len(result.posts) == 1
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "content").rglob("*") if p.is_file())
    assert "Virtanen" not in written and "aino@mail.example" not in written and "kesa10" not in written


def test_a_fault_in_a_product_names_the_field_as_the_saved_file_does(tmp_path: Path) -> None:
    """Read as a REST post, a product's `date_created` is its `date`: a message names the field the user can find."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "products.json").write_text(json.dumps([product(1617, "auto", date_created="yesterday", date_created_gmt=""),
                                                     product(1618, "kirja", permalink={"href": "x"})]), encoding="utf-8")
    result = run_import([crawl], tmp_path / "content")
    fields = {problem.field for problem in result.problems}
    assert "date_created" in fields and "permalink" in fields and not fields & {"date", "link"}, result.problems
