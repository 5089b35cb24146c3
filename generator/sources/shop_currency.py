"""A WooCommerce shop's prices as its pages show them: `£15.00`, not the `15` its fields hold.

WooCommerce keeps a product's prices as bare numbers (`_regular_price` = `15`) and writes them through wc_price,
with the shop's currency and its settings of Settings > General (`woocommerce_currency` = `GBP`, the symbol's
place, the separators, the number of decimals). A database dump holds those settings in wp_options; an export does
not, and its prices stay bare numbers.

The symbol is the one the currency's own country writes (CLDR, through babel: `Rs` for PKR, `zł` for PLN), found
by the country code its ISO 4217 code opens with; WooCommerce's own table differs for a few (`₨` for PKR).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.core import UnknownLocaleError, get_global
from babel.numbers import get_currency_symbol

from generator.sources.post_fields import PRODUCT_PRICES
from generator.sources.product_prices import NUMBER, PRICE_KEY, RANGE

CURRENCY = "woocommerce_currency"
# wp_options' settings of the shop's prices, as WooCommerce's settings page saves them, with its defaults.
OPTIONS = (CURRENCY, "woocommerce_currency_pos", "woocommerce_price_thousand_sep", "woocommerce_price_decimal_sep",
           "woocommerce_price_num_decimals")
PLACES = {"left": "{symbol}{price}", "right": "{price}{symbol}", "left_space": "{symbol}\xa0{price}",
          "right_space": "{price}\xa0{symbol}"}  # wc_price's formats, with its non-breaking space
MAX_DECIMALS = 8


@dataclass(frozen=True)
class PriceFormat:
    """How a shop writes a price: its currency's symbol, where it stands, the separators and the decimals."""

    symbol: str
    place: str = PLACES["left"]
    thousands: str = ","
    decimal: str = "."
    decimals: int = 2


def price_format(options: Mapping[str, str]) -> PriceFormat | None:
    """The shop's way of writing prices, from a dump's wp_options; None where no currency is set."""
    code = options.get(CURRENCY, "").strip().upper()
    if not (len(code) == 3 and code.isascii() and code.isalpha()):
        return None
    decimals = options.get("woocommerce_price_num_decimals", "2").strip()
    return PriceFormat(symbol=_symbol(code),
                       place=PLACES.get(options.get("woocommerce_currency_pos", "").strip(), PLACES["left"]),
                       thousands=options.get("woocommerce_price_thousand_sep", ","),
                       decimal=options.get("woocommerce_price_decimal_sep", ".") or ".",
                       decimals=min(int(decimals), MAX_DECIMALS) if decimals.isdigit() else 2)


def priced(post_type: str, meta: Mapping[str, str], shop: PriceFormat | None) -> Mapping[str, str]:
    """A product's fields with its prices written as its page wrote them: each of a range's ends too."""
    if shop is None or post_type != "product":
        return meta
    keys = [key for key in (*PRODUCT_PRICES, PRICE_KEY) if meta.get(key, "").strip()]
    if not keys:
        return meta
    return {**meta, **{key: RANGE.join(_written(part.strip(), shop) for part in meta[key].split(RANGE))
                       for key in keys}}


def _written(number: str, shop: PriceFormat) -> str:
    """A price as wc_price writes it (PHP's number_format rounds halves up); a value that is no number as it is."""
    if not NUMBER.fullmatch(number):
        return number
    try:
        rounded = Decimal(number).quantize(Decimal(1).scaleb(-shop.decimals), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return number
    whole, _, fraction = f"{rounded:,f}".partition(".")
    price = whole.replace(",", shop.thousands) + (shop.decimal + fraction if fraction else "")
    return shop.place.format(symbol=shop.symbol, price=price)


def _symbol(code: str) -> str:
    """The currency's symbol as its own country writes it (`PKR` is Pakistan's: `Rs`), else as English does (`€`
    for EUR, which no one country issues); babel gives the code where it knows no symbol."""
    languages = get_global("territory_languages").get(code[:2], {})
    spoken = max(languages, key=lambda language: languages[language].get("population_percent", 0), default="")
    try:
        symbol = get_currency_symbol(code, f"{spoken}_{code[:2]}" if spoken else "en")
    except UnknownLocaleError:  # a language babel has no locale of for that country
        symbol = get_currency_symbol(code, "en")
    return unicodedata.normalize("NFKC", symbol)  # Japan's full-width `￥` as the `¥` WooCommerce writes
