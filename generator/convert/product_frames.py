"""Amazon's product links: the frame an Amazon Associates member pastes to show one product it chose (a book it
reviews), with its picture and price as Amazon served them (`rcm-jp.amazon.co.jp/e/cm?…&asins=4822234371`,
`rcm-na.amazon-adsystem.com/e/cm?…`, `ws-na.amazon-adsystem.com/widgets/q?…&ASINS=…`). Unlike an ad unit, the
product is the author's choice and part of what the post says; the mirror links to its page in the store the
frame is from, without the member's tracking settings.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

# Amazon's stores, whose product pages the mirror links to (and names as Amazon's: convert/embeds.SITES).
STORE_DOMAINS = tuple(f"amazon.{tld}" for tld in ("com", "co.jp", "co.uk", "de", "fr", "ca", "it", "es", "in",
                                                  "com.br", "com.mx", "com.au"))
# The stores of the older frames' own hosts (`rcm-jp.amazon.co.jp`, `rcm.amazon.com`).
STORE_HOST = re.compile(r"rcm(?:-[a-z]+)?\.(" + "|".join(map(re.escape, STORE_DOMAINS)) + ")")
AD_SYSTEM = re.compile(r"(?:rcm|ws)-[a-z]+\.amazon-adsystem\.com")
# The newer frames, served by Amazon's ad system, name their store by a number (`o=9`) or a country (`region=US`).
STORES = {"1": "amazon.com", "2": "amazon.co.uk", "3": "amazon.de", "8": "amazon.fr", "9": "amazon.co.jp",
          "15": "amazon.ca", "US": "amazon.com", "GB": "amazon.co.uk", "UK": "amazon.co.uk", "DE": "amazon.de",
          "FR": "amazon.fr", "JP": "amazon.co.jp", "CA": "amazon.ca", "IT": "amazon.it", "ES": "amazon.es",
          "IN": "amazon.in"}
ASIN = re.compile(r"[0-9A-Z]{10}")


def product_page(url: str) -> str | None:
    """The page of the one product an Amazon product-link frame shows, or None for any other address (an ad
    unit the network chose, a frame of several products)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    query = {key.lower(): values[0] for key, values in parse_qs(parts.query).items()}
    if own := STORE_HOST.fullmatch(host):
        store = own.group(1)
    elif AD_SYSTEM.fullmatch(host):
        store = next((STORES[key] for key in (query.get("o", ""), query.get("region", "").upper(),
                                             query.get("marketplace", "").upper()) if key in STORES), "")
    else:
        return None
    asin = query.get("asins", "")
    return f"https://www.{store}/dp/{asin}" if store and ASIN.fullmatch(asin) else None
